"""Module 05, Collaboration and stakeholders: unit, property and widget tests."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pm_course.collaboration import (
    PLAN_BY_QUADRANT,
    PRODUCT_TRIO,
    QUADRANTS,
    Scenario,
    accountable,
    communication_plan,
    play_scenario,
    stakeholder_quadrant,
    validate_daci,
    validate_raci,
)
from pm_course.collaboration.scenario import ENDINGS, MAX_STEPS, NODES, VERDICTS, all_paths
from pm_course.core import InputError, InputTypeError
from pm_course.data import load

# ---------------------------------------------------------------- stakeholder_quadrant


@pytest.mark.parametrize(
    "power, interest, expected",
    [(10, 10, "manage closely"), (9, 2, "keep satisfied"), (2, 9, "keep informed"), (1, 1, "monitor"),
     (6, 6, "manage closely"), (5, 6, "keep informed"), (6, 5, "keep satisfied"), (5, 5, "monitor")],
)
def test_quadrant_covers_all_four_and_the_boundary(power, interest, expected):
    assert stakeholder_quadrant(power, interest) == expected


def test_quadrant_threshold_is_strictly_above():
    # on the threshold counts as low; just above counts as high, for any threshold
    assert stakeholder_quadrant(7, 7, threshold=7) == "monitor"
    assert stakeholder_quadrant(7.5, 7.5, threshold=7) == "manage closely"
    assert stakeholder_quadrant(2, 2, threshold=1) == "manage closely"


@given(p=st.integers(1, 10), i=st.integers(1, 10), t=st.integers(1, 9))
def test_quadrant_matches_the_rule(p, i, t):
    q = stakeholder_quadrant(p, i, threshold=t)
    assert q in QUADRANTS
    assert q == {(True, True): "manage closely", (True, False): "keep satisfied",
                 (False, True): "keep informed", (False, False): "monitor"}[(p > t, i > t)]


@given(p=st.integers(1, 9), i=st.integers(1, 10))
def test_more_power_never_means_less_attention(p, i):
    rank = {"monitor": 0, "keep informed": 1, "keep satisfied": 1, "manage closely": 2}
    assert rank[stakeholder_quadrant(p + 1, i)] >= rank[stakeholder_quadrant(p, i)]


def test_case_study_stakeholders_fill_all_four_quadrants():
    found = {stakeholder_quadrant(s["power"], s["interest"]) for s in load("stakeholders")}
    assert found == set(QUADRANTS)


@pytest.mark.parametrize("bad", [0, 11, -3, 10.5])
def test_quadrant_refuses_scores_off_the_scale(bad):
    with pytest.raises(InputError, match="1-10 scale"):
        stakeholder_quadrant(bad, 5)
    with pytest.raises(InputError, match="interest.*1-10 scale"):
        stakeholder_quadrant(5, bad)


@pytest.mark.parametrize("bad", ["7", None, True, [7]])
def test_quadrant_refuses_non_numbers(bad):
    with pytest.raises(InputTypeError, match="power must be a number"):
        stakeholder_quadrant(bad, 5)


def test_quadrant_refuses_a_threshold_that_leaves_no_high_half():
    with pytest.raises(InputError, match="threshold"):
        stakeholder_quadrant(5, 5, threshold=10)
    with pytest.raises(InputError, match="threshold"):
        stakeholder_quadrant(5, 5, threshold=0)


# ---------------------------------------------------------------- validate_raci


def test_valid_raci_has_no_problems():
    m = {"launch plan": {"PM": "A", "Eng": "R", "Support": "I"},
         "release notes": {"PM": "a/r", "Marketing": "C", "Sales": ""},
         "campaign": {"Marketing": "AR", "PM": "Consulted", "CEO": "-"}}
    assert validate_raci(m) == []


def test_raci_finds_every_problem_and_names_the_task():
    m = {
        "no A": {"PM": "R", "Eng": "C"},
        "two A": {"PM": "A", "CEO": "A", "Eng": "R"},
        "no R": {"PM": "A", "Eng": "C"},
        "bad letters": {"PM": "A", "Eng": "R", "Sales": "X", "Ops": "Q"},
        "empty": {},
        "fine": {"PM": "A/R"},
    }
    problems = validate_raci(m)
    by_task = {t: [p for p in problems if p.startswith(repr(t) + ":")] for t in m}
    assert sum(map(len, by_task.values())) == len(problems)  # every problem names its task
    assert any("no one is Accountable" in p for p in by_task["no A"])
    assert any("2 roles are Accountable (PM, CEO)" in p for p in by_task["two A"])
    assert any("no one is Responsible" in p for p in by_task["no R"])
    bad = " ".join(by_task["bad letters"])
    assert "'X'" in bad and "'Q'" in bad and "R (Responsible)" in bad
    assert len(by_task["empty"]) == 2
    assert by_task["fine"] == []


def test_raci_lists_every_unknown_letter_in_a_cell():
    [problem] = validate_raci({"t": {"PM": "A/R", "Eng": "R/Z/Y"}})
    assert "'Z'" in problem and "'Y'" in problem and "Eng" in problem


def test_raci_hints_that_d_is_daci():
    [problem] = validate_raci({"t": {"PM": "A/R", "Eng": "D"}})
    assert "DACI" in problem


@pytest.mark.parametrize(
    "bad, error, words",
    [([], InputTypeError, "dict mapping each task"), ({}, InputError, "empty"),
     ({"t": ["PM", "A"]}, InputTypeError, "roles of task 't'"), ({"t": {"PM": 1}}, InputTypeError, "letter for 'PM'"),
     ({"": {"PM": "A"}}, InputError, "task name"), ({"t": {"PM": None}}, InputTypeError, "text such as 'R'")],
)
def test_raci_bad_input_messages(bad, error, words):
    with pytest.raises(error, match=words):
        validate_raci(bad)


ROLE = st.sampled_from(["PM", "Eng", "Design", "Sales", "Support", "CEO", "Marketing"])
OTHER = st.sampled_from(["C", "I", "", "-", "c", "Informed"])


@st.composite
def valid_task(draw):
    roles = draw(st.lists(ROLE, min_size=1, max_size=7, unique=True))
    owner = draw(st.sampled_from(roles))
    cells = {r: draw(OTHER) for r in roles}
    if len(roles) > 1 and draw(st.booleans()):
        doer = draw(st.sampled_from([r for r in roles if r != owner]))
        cells[owner], cells[doer] = "A", draw(st.sampled_from(["R", "r", "Responsible", "R/C"]))
    else:
        cells[owner] = draw(st.sampled_from(["A/R", "AR", "R/A", "a, r"]))
    return cells


@settings(max_examples=150)
@given(tasks=st.dictionaries(st.text(min_size=1, max_size=12).filter(str.strip), valid_task(), min_size=1, max_size=5))
def test_generated_valid_matrices_have_no_problems(tasks):
    assert validate_raci(tasks) == []
    assert all(role is not None for role in accountable(tasks).values())


@settings(max_examples=150)
@given(task=valid_task(), extra=st.sampled_from(["A", "a", "A/R", "Accountable", "C/A"]), data=st.data())
def test_a_second_a_always_makes_a_problem(task, extra, data):
    # either a new role with an A, or an existing role without the A gets one
    without_a = [r for r, c in task.items() if "A" not in c.upper() or c == "Informed"]
    if without_a and data.draw(st.booleans()):
        role = data.draw(st.sampled_from(without_a))
    else:
        role = "Second owner"
    broken = {"the task": {**task, role: extra}}
    problems = validate_raci(broken)
    assert any("Accountable" in p and p.startswith("'the task':") for p in problems)
    assert accountable(broken)["the task"] is None


@given(task=valid_task())
def test_removing_every_r_makes_a_problem(task):
    stripped = {r: ("A" if "A" in c.upper() and c != "Informed" else "C") for r, c in task.items()}
    assert any("Responsible" in p for p in validate_raci({"t": stripped}))


# ---------------------------------------------------------------- validate_daci


def test_valid_daci():
    assert validate_daci({"build B31?": {"PM": "D", "CEO": "A", "Sales": "C", "Support": "I"}}) == []
    assert validate_daci({"d": {"PM": "Driver", "CEO": "approver", "Eng": "Contributors", "Ops": ""}}) == []


def test_daci_problems():
    problems = validate_daci({
        "no approver": {"PM": "D", "Sales": "C"},
        "two approvers": {"PM": "D", "CEO": "A", "CTO": "A"},
        "no driver": {"CEO": "A"},
        "two letters": {"PM": "D/A"},
        "raci letter": {"PM": "R", "CEO": "A"},
    })
    text = "\n".join(problems)
    assert "'no approver': no Approver" in text
    assert "'two approvers': 2 Approvers (CEO, CTO)" in text
    assert "'no driver': no Driver" in text
    assert "'two letters': PM holds 2 letters" in text
    assert "'raci letter': unknown letter 'R'" in text and "belongs to RACI" in text
    assert all(p.startswith("'") for p in problems)


def test_daci_single_driver_variant():
    two = {"d": {"PM": "D", "Eng": "D", "CEO": "A"}}
    assert validate_daci(two) == []
    assert any("2 Drivers" in p for p in validate_daci(two, single_driver=True))
    with pytest.raises(InputTypeError, match="single_driver"):
        validate_daci(two, single_driver="yes")


@given(roles=st.lists(ROLE, min_size=2, max_size=7, unique=True), data=st.data())
def test_daci_exactly_one_approver_property(roles, data):
    n_approvers = data.draw(st.integers(0, len(roles) - 1))
    cells = {r: ("A" if k < n_approvers else "D" if k == len(roles) - 1 else data.draw(st.sampled_from(["C", "I"])))
             for k, r in enumerate(roles)}
    problems = validate_daci({"d": cells})
    assert (problems == []) == (n_approvers == 1)


# ---------------------------------------------------------------- communication_plan


def test_plan_covers_every_stakeholder_in_order():
    people = load("stakeholders")
    plan = communication_plan(people)
    assert list(plan) == [s["id"] for s in people]
    for s in people:
        entry = plan[s["id"]]
        assert entry["quadrant"] == stakeholder_quadrant(s["power"], s["interest"])
        if s["id"] in PRODUCT_TRIO:  # teammates in the product trio, not an audience to keep informed
            assert entry["frequency"] == "daily" and "trio" in entry["format"]
        else:
            assert entry["frequency"] == PLAN_BY_QUADRANT[entry["quadrant"]]["frequency"]
        assert entry["forum"].startswith(s["channel"])
        assert entry["content"] and entry["involvement"]


def test_plan_frequencies_fall_with_attention():
    freq = [PLAN_BY_QUADRANT[q]["frequency"] for q in QUADRANTS]
    assert freq == ["weekly", "monthly", "every two weeks", "quarterly"]


@given(st.lists(st.tuples(st.integers(1, 10), st.integers(1, 10)), min_size=1, max_size=20))
def test_plan_property_every_stakeholder_gets_a_plan(scores):
    people = [{"id": f"s{i}", "power": p, "interest": q} for i, (p, q) in enumerate(scores)]
    plan = communication_plan(people)
    assert len(plan) == len(people)
    for s in people:
        assert plan[s["id"]]["quadrant"] == stakeholder_quadrant(s["power"], s["interest"])
        assert plan[s["id"]]["forum"] == PLAN_BY_QUADRANT[plan[s["id"]]["quadrant"]]["format"]


def test_plan_uses_role_when_no_id():
    plan = communication_plan([{"role": "Head of Sales", "power": 7, "interest": 8}])
    assert plan["Head of Sales"]["quadrant"] == "manage closely"


@pytest.mark.parametrize(
    "bad, error, words",
    [("ceo", InputTypeError, "list of dicts"), ([], InputError, "empty"), (["ceo"], InputTypeError, "stakeholder 1"),
     ([{"power": 3, "interest": 3}], InputError, "'id' or a 'role'"),
     ([{"id": "a", "power": 3}], InputError, "no 'interest'"),
     ([{"id": "a", "power": 0, "interest": 3}], InputError, "1-10 scale"),
     ([{"id": "a", "power": 3, "interest": 3}, {"id": "a", "power": 4, "interest": 4}], InputError, "twice")],
)
def test_plan_bad_input(bad, error, words):
    with pytest.raises(error, match=words):
        communication_plan(bad)


# ---------------------------------------------------------------- the scenario


def _walk(seed: int) -> list[tuple[list[str], dict]]:
    """Every path the real state machine allows for one seed (replaying each prefix from the start)."""
    ends = []

    def go(prefix):
        s = Scenario(seed)
        s.play(prefix)
        assert len(prefix) <= MAX_STEPS
        if s.finished:
            ends.append((prefix, s.value))
            return
        assert s.options, f"stuck at {s.node} without options"
        for key in s.options:
            go(prefix + [key])

    go([])
    return ends


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10**6))
def test_every_path_ends_with_a_checkable_outcome(seed):
    ends = _walk(seed)
    assert ends
    for choices, value in ends:
        o = value["outcome"]
        assert value["finished"] and value["choices"] == choices
        assert o["ending"] in ENDINGS and o["verdict"] in VERDICTS
        assert o["launch"] in ("on time", "late") and o["deal"] in ("signed", "not signed")
        assert all(0 <= t <= 10 for t in o["trust"].values())


@settings(max_examples=40)
@given(seed=st.integers(0, 10**6), path=st.sampled_from(all_paths()))
def test_same_seed_and_choices_same_outcome(seed, path):
    a, b = Scenario(seed), Scenario(seed)
    for key in path:
        if a.finished:
            break
        assert a.choose(key) == b.choose(key)
    assert a.value == b.value
    assert a.history == b.history


def test_all_paths_reach_endings_and_every_ending_is_reachable():
    paths = all_paths()
    assert all(1 <= len(p) <= MAX_STEPS for p in paths)
    reached = {v["outcome"]["ending"] for seed in range(30) for _, v in _walk(seed)}
    assert reached == set(ENDINGS)


def test_seed_matters_through_chance():
    outcomes = {play_scenario(["b", "a"], seed=s)["outcome"]["deal"] if play_scenario(["b", "a"], seed=s)["finished"]
                else "continues" for s in range(20)}
    assert len(outcomes) > 1


def test_good_process_gives_a_strong_verdict_and_shortcuts_do_not():
    for seed in range(10):
        s = Scenario(seed)
        s.play(["b", "a"])
        if not s.finished:
            s.choose("a")
        assert s.outcome["verdict"] == "strong" and s.outcome["launch"] == "on time"
        assert play_scenario(["c", "b"], seed=seed)["outcome"]["verdict"] == "poor"
        assert play_scenario(["a", "a"], seed=seed)["outcome"]["launch"] == "late"


def test_scenario_bad_input():
    s = Scenario(seed=1)
    with pytest.raises(InputError, match="the choices are 'a', 'b', 'c'"):
        s.choose("z")
    with pytest.raises(InputTypeError, match="one letter"):
        s.choose(2)
    with pytest.raises(InputTypeError, match="list of choices"):
        s.play("ba")
    with pytest.raises(InputError, match="seed must be"):
        Scenario(seed=-1)
    with pytest.raises(InputTypeError, match="seed"):
        Scenario(seed="7")
    s.play(["b", "a"])
    assert s.finished
    with pytest.raises(InputError, match="reset"):
        s.choose("a")
    s.reset()
    assert s.value == {"seed": 1, "choices": [], "finished": False, "outcome": None}
    assert s.choose("B")  # case-insensitive


def test_value_is_plain_data_and_a_copy():
    s = Scenario(seed=3)
    s.play(["b", "a"])
    v = s.value
    v["outcome"]["trust"]["sales"] = 0
    assert s.value["outcome"]["trust"]["sales"] != 0
    assert s.code() == "scenario.reset(seed=3); scenario.play(['b', 'a'])"
    assert all(n.options or n.deal for n in NODES.values())


def test_importing_the_package_is_cheap():
    code = ("import sys, pm_course.collaboration, pm_course.collaboration.questions; "
            "print(any(m.split('.')[0] in ('ipywidgets', 'matplotlib') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PM_COURSE_HOME": os.environ.get("PM_COURSE_HOME", "/tmp/pmhome-collab")})
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------- widgets


@pytest.fixture(scope="module")
def widgets():
    import matplotlib

    matplotlib.use("Agg")
    from pm_course.collaboration import widgets as mod

    return mod


def test_stakeholder_map_value_and_displays(widgets):
    m = widgets.StakeholderMap()
    assert m.value["finance"] == {"power": 6, "interest": 3, "quadrant": "keep satisfied"}
    assert "nothing to replay" in m.code_box.value
    m.set("finance", power=6, interest=8)
    assert m.value["finance"]["quadrant"] == "manage closely"
    assert m.who.value == "finance" and m.power.value == 6 and m.interest.value == 8
    assert "manage closely" in m.result.value and "Finance" in m.result.value
    assert "stakeholder_map.set(&#x27;finance&#x27;, power=6, interest=8)" in m.code_box.value
    m.interest.value = 2  # a slider move updates the value too
    assert m.value["finance"]["quadrant"] == "keep satisfied"
    m.threshold.value = 7
    assert m.value["ceo"]["quadrant"] == "manage closely" and m.value["sales_head"]["quadrant"] == "keep informed"
    assert "stakeholder_map.set(threshold=7)" in m.code()
    assert m.plan_html.value.count("<tr>") == len(load("stakeholders")) + 1
    m.set({"legal": {"power": 9, "interest": 9}})
    assert m.value["legal"]["quadrant"] == "manage closely"
    with pytest.raises(InputError, match="1-10 scale"):
        m.set("legal", power=11)
    with pytest.raises(InputError, match="no stakeholder 'boss'"):
        m.set("boss", power=3)
    assert "pm-result" in m.result._dom_classes


def test_stakeholder_grid_plot(widgets):
    import matplotlib.pyplot as plt

    fig = widgets.stakeholder_grid(load("stakeholders"))
    ax = fig.axes[0]
    assert ax.get_title() and ax.get_xlabel().startswith("Interest") and ax.get_ylabel().startswith("Power")
    plt.close(fig)


def test_raci_editor_live_validation(widgets):
    from pm_course.collaboration.questions import BROKEN_RACI, FIXED_RACI

    e = widgets.RaciEditor(BROKEN_RACI)
    assert e.value == BROKEN_RACI
    assert e.problems == validate_raci(BROKEN_RACI)
    assert "Not valid yet" in e.status.value
    e.set(FIXED_RACI)
    assert e.value == FIXED_RACI and e.problems == []
    assert "Valid" in e.status.value and "Not valid" not in e.status.value
    e.set("Launch campaign", "CEO", "A")
    assert "Launch campaign" in e.status.value and "2 roles are Accountable" in e.status.value
    assert "pm-raci-bad" in e.cells[("Launch campaign", "CEO")]._dom_classes
    assert "pm-raci-bad" not in e.cells[("Release notes", "CEO")]._dom_classes
    e.cells[("Launch campaign", "CEO")].value = "I"  # typing in a box
    assert e.problems == []
    ns: dict = {"editor": e}
    e.set(BROKEN_RACI)
    e2 = widgets.RaciEditor(FIXED_RACI)
    exec(e2.code(), {}, ns)  # the code line reproduces the state
    assert e.value == FIXED_RACI
    with pytest.raises(InputError, match="no task"):
        e.set("Dance", "CEO", "A")
    with pytest.raises(InputError, match="no role"):
        e.set("Release notes", "Intern", "A")


def test_raci_editor_new_structure(widgets):
    e = widgets.RaciEditor({"t": {"PM": "A"}})
    e.set({"t": {"PM": "A", "Eng": "R"}, "u": {"Eng": "A/R"}})
    assert e.roles == ["PM", "Eng"] and e.tasks == ["t", "u"] and e.problems == []


def test_scenario_player_buttons_and_code(widgets):
    p = widgets.ScenarioPlayer(seed=2026)
    assert [b.description for b in p.buttons.children] == ["Choose a", "Choose b", "Choose c"]
    p.buttons.children[1].click()
    assert p.value["choices"] == ["b"]
    assert "You chose <b>b</b>" in p.log.value
    p.choose("a")
    assert p.value["finished"] and p.buttons.children == ()
    assert "Ending" in p.result.value and p.outcome["verdict"] in p.result.value
    assert "scenario.reset(seed=2026); scenario.play([&#x27;b&#x27;, &#x27;a&#x27;])" in p.code_box.value
    other = widgets.ScenarioPlayer(seed=0)
    exec(p.code(), {"scenario": other})
    assert other.value == p.value
    p.seed_box.value = 5
    p.restart.click()
    assert p.value == {"seed": 5, "choices": [], "finished": False, "outcome": None}
    assert "not over" in p.result.value
    with pytest.raises(InputError):
        p.choose("q")
    assert p.value["choices"] == []


def test_scenario_answer_through_the_widget(widgets):
    from pm_course.collaboration.questions import SCENARIO_SEED, q12

    p = widgets.ScenarioPlayer(seed=SCENARIO_SEED)
    assert q12.check(p).outcome == "failed"
    p.play(["b", "a"])
    assert q12.check(p).outcome == "passed"
    assert q12.check(p.value).outcome == "invalid"  # the widget itself, not a typed value


# ---------------------------------------------------------------- stakeholders outside the company

from pm_course.collaboration import EXTERNAL_ENGAGEMENT, EXTERNAL_KINDS, external_plan  # noqa: E402


def test_external_stakeholders_data_cover_every_kind_and_quadrant():
    inside, outside = load("stakeholders"), load("external_stakeholders")
    assert not {s["id"] for s in inside} & {s["id"] for s in outside}
    assert {s["kind"] for s in outside} == set(EXTERNAL_KINDS)
    assert all(s["team"] == "external" for s in outside)
    plan = external_plan(outside)
    assert {p["quadrant"] for p in plan.values()} == set(QUADRANTS)
    # hand-checked: high means above 5 on each axis
    assert plan["regulator"]["quadrant"] == "keep satisfied"  # power 9, interest 2
    assert plan["payroll_partner"]["quadrant"] == "manage closely"  # 7, 6
    assert plan["bookkeeping_partner"]["quadrant"] == "keep informed"  # 3, 7
    assert plan["sms_gateway"]["quadrant"] == "monitor"  # 4, 2
    assert [plan[k]["lead"] for k in ("payroll_partner", "cloud_host", "analyst", "regulator")] == [
        "product manager", "engineering", "marketing", "legal counsel"]
    # the whole map is still one valid communication plan
    assert len(communication_plan(inside + outside)) == len(inside) + len(outside)


@pytest.mark.parametrize("bad, exc, match", [
    ([{"id": "x", "power": 3, "interest": 3}], InputError, "has no 'kind'.*partner, supplier"),
    ([{"id": "x", "kind": "friend", "power": 3, "interest": 3}], InputError, "kind of 'x' must be one of"),
    ([{"id": "x", "kind": "partner", "power": 12, "interest": 3}], InputError, "1-10 scale"),
    ("regulator", InputTypeError, "list of dicts"),
])
def test_external_plan_bad_input(bad, exc, match):
    with pytest.raises(exc, match=match):
        external_plan(bad)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 10), st.integers(1, 10), st.sampled_from(EXTERNAL_KINDS), st.integers(1, 9))
def test_external_plan_property_grid_as_inside_engagement_by_kind(power, interest, kind, threshold):
    p = external_plan([{"id": "x", "kind": kind, "power": power, "interest": interest}], threshold)["x"]
    assert p["quadrant"] == stakeholder_quadrant(power, interest, threshold)
    assert {k: p[k] for k in ("lead", "how", "watch")} == EXTERNAL_ENGAGEMENT[kind]


def test_external_questions_feedback():
    from pm_course.collaboration.questions import q13, q14

    fb = q13.check({**q13.answer, "regulator": "monitor"})
    assert fb.outcome == "failed" and any("Low interest is not low stakes" in line for line in fb.lines)
    fb = q14.check({**q14.answer, "regulator": "product manager"})
    assert fb.outcome == "failed" and any("through legal" in line for line in fb.lines)
    assert q14.check({**q14.answer, "analyst": "marketing"}).outcome == "passed"


def test_whole_map_widget_holds_both_lists(widgets):
    m = widgets.StakeholderMap(load("stakeholders") + load("external_stakeholders"), name="whole_map")
    assert len(m.value) == 18 and m.value["regulator"]["quadrant"] == "keep satisfied"
    m.set("regulator", interest=8)
    assert m.value["regulator"]["quadrant"] == "manage closely"
    assert m.plan_html.value.count("<tr>") == 18 + 1
    assert all(k in widgets.SHORT_NAMES for k in m.value)


def test_lesson_external_numbers_are_the_datas():
    import json
    from pathlib import Path

    nb = json.loads((Path(__file__).resolve().parents[1] / "notebooks" / "05_collaboration.ipynb").read_text())
    md = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    by_id = {s["id"]: s for s in load("external_stakeholders")}
    inside = {s["id"]: s for s in load("stakeholders")}
    r = by_id["regulator"]
    assert f"The regulator (power {r['power']}, interest {r['interest']})" in md
    assert r["power"] == inside["cto"]["power"] < inside["ceo"]["power"]  # "as much power as the CTO, second to the CEO"
    for key, name in (("payroll_partner", "payroll provider"), ("cloud_host", "cloud host"), ("analyst", "analyst")):
        s = by_id[key]
        assert f"{name} ({s['power']}, {s['interest']})" in md, key
    b = by_id["bookkeeping_partner"]
    assert f"The bookkeeping app ({b['power']}, {b['interest']})" in md
    assert "Freeman, R. E. (1984)" in md
