"""Module 01, The product manager's role: unit and property tests of the logic, the story rubric's
precision and recall on a labelled set, widget tests, question self-tests, and the solutions notebook's
"each question written once" rule.

Hand-checked values: growth rates of small series worked by hand (100 -> 110 -> 121 is 10 % a step);
the risk owners are Cagan's (Inspired, 2nd ed.); the product owner orders the Product Backlog
(Scrum Guide 2020).
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

os.environ.setdefault("MPLBACKEND", "Agg")

from pm_course.core import InputError, InputTypeError, WidgetState  # noqa: E402
from pm_course.data import load  # noqa: E402
from pm_course.role import (  # noqa: E402
    ACTIVITIES,
    FIND_COVER_ASSUMPTIONS,
    REFERENCE_RANGES,
    RISK_OWNERS,
    RISKS,
    ROLES,
    STAGES,
    TASKS,
    check_brief,
    check_criterion,
    check_story,
    check_story_with_criteria,
    compound_growth_rate,
    growth_change,
    growth_rates,
    lifecycle_stage,
    parse_story,
    problems,
    role_of,
    score_risk_board,
    score_sorting,
    series,
    week_plan,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _home(fresh_home):
    yield


# ---------------------------------------------------------------- life cycle


def test_growth_rates_hand_checked():
    assert growth_rates([100, 110, 121]) == pytest.approx([0.1, 0.1])
    assert growth_rates([200, 150]) == pytest.approx([-0.25])
    assert compound_growth_rate([100, 110, 121]) == pytest.approx(0.1)
    assert compound_growth_rate([100, 400]) == pytest.approx(3.0)
    assert compound_growth_rate([100, 100, 400]) == pytest.approx(1.0)  # two steps: 100 -> 400 is x2 a step


def test_growth_change_hand_checked():
    # first half 100 -> 110 -> 121 (10 %), second half 121 -> 145.2 -> 174.24 (20 %): +0.10
    assert growth_change([100, 110, 121, 145.2, 174.24]) == pytest.approx(0.10)
    assert growth_change([5, 5, 5]) == 0


@pytest.mark.parametrize("values, stage", [
    ([100 * 0.99 ** t for t in range(20)], "decline"),
    ([100.0] * 20, "maturity"),
    ([100 * 1.001 ** t for t in range(20)], "maturity"),
    ([100 * 1.003 ** t for t in range(10)] + [100 * 1.003 ** 9 * 1.008 ** t for t in range(1, 11)], "market development"),
    ([100 * 1.03 ** t for t in range(20)], "growth"),
    ([100 * 1.005 ** t for t in range(10)] + [100 * 1.005 ** 9 * 1.004 ** t for t in range(1, 11)], "growth"),
])
def test_lifecycle_stage_rule(values, stage):
    assert lifecycle_stage(values)["stage"] == stage


def test_shiftbrew_is_in_growth_from_its_own_data():
    sites = series(load("analytics")["weekly"], "sites_with_published_rota")
    s = lifecycle_stage(sites)
    assert len(sites) == 26
    assert s["stage"] == "growth"
    assert s["rate"] == pytest.approx((sites[-1] / sites[0]) ** (1 / 25) - 1)


@settings(max_examples=60, deadline=None)
@given(st.floats(-0.3, 0.5), st.integers(2, 40), st.floats(1, 1e6))
def test_compound_rate_of_a_geometric_series_is_its_ratio(r, n, start):
    values = [start * (1 + r) ** t for t in range(n)]
    assert compound_growth_rate(values) == pytest.approx(r, abs=1e-9)
    assert len(growth_rates(values)) == n - 1
    if n >= 3:
        assert growth_change(values) == pytest.approx(0, abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(1, 1e5), min_size=3, max_size=30), st.floats(0.01, 1000))
def test_growth_is_scale_free_and_stage_is_one_of_four(values, k):
    scaled = [v * k for v in values]
    assert compound_growth_rate(scaled) == pytest.approx(compound_growth_rate(values), rel=1e-6, abs=1e-9)
    assert lifecycle_stage(values)["stage"] in STAGES


@pytest.mark.parametrize("bad, match", [
    ([1], "at least 2"), ([], "at least 2"), ("12", "list of numbers"), ([1, 0, 2], "positive"),
    ([1, "2"], r"values\[1\] must be a number"), ([1, float("nan")], "finite"),
])
def test_growth_bad_input(bad, match):
    with pytest.raises((InputError, InputTypeError), match=match):
        growth_rates(bad)


def test_series_bad_input():
    weekly = load("analytics")["weekly"]
    with pytest.raises(InputError, match="metric must be one of"):
        series(weekly, "revenue usd")
    with pytest.raises(InputTypeError, match="list of dicts"):
        series("weekly", "signups")
    with pytest.raises(InputError, match="at least 3"):
        growth_change([1, 2])


# ---------------------------------------------------------------- roles, week, risks


def test_tasks_cover_every_role_and_explain_themselves():
    counts = {r: sum(t["role"] == r for t in TASKS.values()) for r in ROLES}
    assert 18 <= len(TASKS) <= 24 and min(counts.values()) >= 4
    assert all(t["why"].strip() for t in TASKS.values())
    assert role_of("order the product backlog for the next sprint") == "product owner"  # Scrum Guide 2020
    full = score_sorting({t: v["role"] for t, v in TASKS.items()})
    assert full["right"] == full["total"] == len(TASKS) and not full["wrong"]


def test_score_sorting_counts_and_refuses_bad_input():
    t = "Order the Product Backlog for the next Sprint"
    assert score_sorting({t: "product manager"})["wrong"] == [t]
    with pytest.raises(InputError, match="must be one of the"):
        score_sorting({"Make coffee": "shared"})
    with pytest.raises(InputError, match="role must be one of"):
        score_sorting({t: "scrum master"})
    with pytest.raises(InputTypeError, match="dict of task"):
        score_sorting([t])


def test_risk_owners_are_cagans():
    assert RISK_OWNERS == {"value": "product manager", "usability": "designer", "feasibility": "tech lead",
                           "viability": "product manager"}
    board = {k: v["risk"] for k, v in FIND_COVER_ASSUMPTIONS.items()}
    s = score_risk_board(board)
    assert s["right"] == s["total"] == 8 and all(s["by_risk"][r] for r in RISKS)
    with pytest.raises(InputError, match="assumption id must be one of"):
        score_risk_board({"A9": "value"})
    with pytest.raises(InputError, match="risk must be one of"):
        score_risk_board({"A1": "cost"})


def test_week_plan_hand_checked():
    plan = week_plan({"customers and market": 10, "team": 14, "stakeholders": 6, "data": 6, "admin": 4})
    assert plan["total"] == 40
    assert plan["shares"]["customers and market"] == pytest.approx(0.25)
    assert plan["in_range"] == 5 and plan["tradeoffs"] == []
    low = week_plan({"customers and market": 2, "team": 20, "stakeholders": 8, "data": 4, "admin": 6})
    assert low["status"]["customers and market"] == "low"
    assert any("market" in t for t in low["tradeoffs"])
    assert set(REFERENCE_RANGES) == set(ACTIVITIES)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0, 60), min_size=5, max_size=5).filter(lambda h: 0 < sum(h) <= 80))
def test_week_shares_sum_to_one(hours):
    plan = week_plan(dict(zip(ACTIVITIES, hours)))
    assert math.fsum(plan["shares"].values()) == pytest.approx(1)
    assert plan["in_range"] == sum(s == "ok" for s in plan["status"].values())


@pytest.mark.parametrize("bad, match", [
    ({"coffee": 3}, "unknown activity"), ({"team": -1}, "between|at least|must be"), ({"team": "8"}, "must be a number"),
    ({a: 0 for a in ACTIVITIES}, "total is 0"), ({a: 20 for a in ACTIVITIES}, "more than 80"), ([1, 2], "dict of activity"),
])
def test_week_plan_bad_input(bad, match):
    with pytest.raises((InputError, InputTypeError), match=match):
        week_plan(bad)


# ---------------------------------------------------------------- the story rubric

#: (text, kind, flawed): stories and criteria written for this test, right and wrong. Two flawed ones are
#: beyond what a word rubric can see, and one good story uses "and" inside a single goal: the rubric's
#: limits are measured, not hidden.
LABELLED = [
    ("As a café owner, I want to copy last week's rota, so that Sunday night planning takes minutes", "story", False),
    ("As a barista, I want to swap a shift from my phone, so that I can cover a family event without calling my "
     "manager", "story", False),
    ("As an operations manager of a small chain, I want to see each site's labour cost before the week starts, "
     "so that I can move hours before they are spent", "story", False),
    ("As a café owner, I want to export the week's hours in my payroll provider's format, so that payday needs no "
     "retyping", "story", False),
    ("As a barista, I want to be told when my shifts change, so that I never turn up at the wrong time", "story", False),
    ("As a café owner, I want to offer an open shift to staff who are free, so that a no-show is covered without "
     "phone calls", "story", False),
    ("As a new barista, I want to enter my availability once, so that I am not rostered on days I study", "story", False),
    ("As a chain's operations manager, I want to approve swaps in one place, so that every site keeps enough trained "
     "staff", "story", False),
    ("As a café owner, I want to see who is working today, so that I know whom to ask about a delivery", "story", False),
    ("As a barista, I want to find and accept an open shift, so that I can earn extra hours", "story", False),
    ("As a user, I want a better rota, so that things improve", "story", True),
    ("As a café owner, I want to swap shifts and export payroll and chat with staff, so that I save time", "story", True),
    ("As a barista, I want a swap button on the rota screen, so that I can tap the button", "story", True),
    ("I want dark mode so that it looks nice", "story", True),
    ("As a manager, I want reports", "story", True),
    ("As the system, I want to send alerts, so that staff get notified quickly", "story", True),
    ("As a café owner, I want to see labour cost or hours per site, so that I can control costs", "story", True),
    ("As a barista, I want notifications, so that a popup appears on my phone", "story", True),
    ("As a chain manager, I want a dashboard with every site's rota, labour cost, absences, swaps and overtime by "
     "week, so that I see everything", "story", True),
    ("As a café owner, I want the rota to load, so that the page shows the data", "story", True),
    ("As a café owner, I want the app to be good, so that I am happy with it", "story", True),  # beyond the rubric
    ("Given a shift with no barista, when the owner marks it open, then every free barista gets an alert within 60 "
     "seconds", "criterion", False),
    ("Given an open shift, when a barista accepts it, then the rota shows that barista on the shift", "criterion", False),
    ("Given a week with 40 planned hours, when the owner exports payroll, then the file has one row per staff member",
     "criterion", False),
    ("Given a swap request, when the manager rejects it, then both baristas see the reason", "criterion", False),
    ("Given a barista has set Tuesdays as unavailable, when the owner auto-fills the rota, then no Tuesday shift goes "
     "to that barista", "criterion", False),
    ("Given an open shift already taken, when a second barista tries to accept it, then they see 'this shift is "
     "covered'", "criterion", False),
    ("Given the owner is offline, when a barista swaps a shift, then the owner gets an email with the change",
     "criterion", False),
    ("The alert should be fast", "criterion", True),
    ("Given an open shift, when it is posted, then it is easy to accept", "criterion", True),
    ("When a shift opens, then staff are notified", "criterion", True),
    ("Given a shift, when the owner opens it, then staff get an alert, when a barista accepts, then the rota updates",
     "criterion", True),
    ("Given a swap, when it is approved, then it works properly", "criterion", True),
    ("Export must be user-friendly", "criterion", True),
    ("Given a rota, when it is published, then the page loads quickly", "criterion", True),
    ("Given two sites, then the report shows both", "criterion", True),
    ("Given an open shift, when it is posted, then the right people are told", "criterion", True),  # beyond the rubric
]


def _flagged(text: str, kind: str) -> bool:
    return bool(problems(check_story(text) if kind == "story" else check_criterion(text)))


def test_rubric_precision_and_recall_on_a_labelled_set(capsys):
    assert len(LABELLED) >= 30 and {k for _, k, _ in LABELLED} == {"story", "criterion"}
    tp = sum(1 for t, k, bad in LABELLED if bad and _flagged(t, k))
    fp = sum(1 for t, k, bad in LABELLED if not bad and _flagged(t, k))
    fn = sum(1 for t, k, bad in LABELLED if bad and not _flagged(t, k))
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    with capsys.disabled():
        print(f"\nstory rubric on {len(LABELLED)} labelled items: precision {precision:.2f} ({tp}/{tp + fp}), "
              f"recall {recall:.2f} ({tp}/{tp + fn})")
    # measured: precision 18/19 = 0.95, recall 18/20 = 0.90
    assert precision >= 0.9
    assert recall >= 0.85


def test_each_story_rule_names_its_smell():
    assert parse_story("As a barista, I want to swap a shift, so that I can go to a wedding") == {
        "role": "barista", "want": "swap a shift", "benefit": "I can go to a wedding"}
    assert parse_story("I want dark mode") is None
    r = check_story("As a user, I want a report and export the rota, so that I can click the button")
    assert all(r[name] for name in r if not name.startswith("three parts"))
    assert "'and'" in r["small: one goal (INVEST)"]
    assert "'button'" in r["a benefit, not a solution, in the 'so that' (INVEST: valuable)"]
    c = check_criterion("Given x, when y, then it is intuitive")
    assert c["Given / When / Then"] is None and "'intuitive'" in c["testable: an observable result"]
    assert "Given <context>" in check_criterion("Then it works")["Given / When / Then"]


def test_story_with_criteria_counts_them():
    good = "As a café owner, I want to copy last week's rota, so that Sunday night planning takes minutes"
    assert "needs acceptance criteria" in check_story_with_criteria(good, [])["count"]
    many = ["Given a, when b, then c sees d"] * 7
    assert "too big" in check_story_with_criteria(good, many)["count"]
    assert check_story_with_criteria(good, many[:2])["ok"]
    with pytest.raises(InputTypeError, match="list of texts"):
        check_story_with_criteria(good, "Given a, when b, then c")
    with pytest.raises(InputTypeError, match="must be text"):
        check_story(42)


def test_brief_rules():
    from pm_course.role.questions import _GOOD_BRIEF

    assert not problems(check_brief(dict(_GOOD_BRIEF)))
    bad = check_brief({**_GOOD_BRIEF, "problem": "Build a cover button", "success_metric": "more cover",
                       "open_questions": "none", "non_goals": "TBD"})
    assert all(bad.values())
    with pytest.raises(InputError, match="missing"):
        check_brief({"problem": "x"})
    with pytest.raises(InputTypeError, match="dict with the keys"):
        check_brief("a brief")


def test_package_import_is_pure():
    for mod in ("pm_course.role", "pm_course.role.questions"):
        code = f"import sys, {mod}; print('ipywidgets' in sys.modules, 'matplotlib' in sys.modules)"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        assert out.split() == ["False", "False"], mod


# ---------------------------------------------------------------- widgets


@pytest.fixture
def widgets():
    from pm_course.role import widgets as w

    yield w
    import matplotlib.pyplot as plt

    plt.close("all")


def _has_labels(fig):
    axes = fig.axes
    assert (fig._suptitle is not None) or any(a.get_title() for a in axes)
    assert any(a.get_xlabel() for a in axes) and any(a.get_ylabel() for a in axes)


def _round_trip(widget, fresh):
    line = widget.code()
    assert line.startswith(f"{widget.name}.set(")
    exec(line, {widget.name: fresh})
    assert fresh.value == widget.value


def test_three_circles(widgets):
    fig = widgets.three_circles()
    _has_labels(fig)
    texts = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert all(w in texts for w in ("business", "technology", "user experience", "product"))


def test_role_sorter(widgets):
    s = widgets.RoleSorter()
    assert s.value == {}
    t = "Order the Product Backlog for the next Sprint"
    s.pickers[t].value = "product manager"  # as a learner would
    assert s.value == {t: "product manager"}
    assert "1 of" in s.result.value and "why" not in s.explained.value
    s.set({t: "product owner"}, reveal=True)
    assert "Scrum Guide" in s.explained.value and "1 of 22 placed right" in s.result.value
    _round_trip(s, widgets.RoleSorter())
    _has_labels(s.plot())
    with pytest.raises(InputError):
        s.set({t: "scrum master"})


def test_week_planner_saves_and_restores(widgets):
    from pm_course.core import progress

    w = widgets.WeekPlanner()
    assert w.value["total"] == 40 and w.value["status"]["customers and market"] == "low"
    w.sliders["customers and market"].value = 12.0  # as a learner would
    assert progress.load_artifact("01_pm_role", "week_plan")["customers and market"] == 12.0
    assert widgets.WeekPlanner().hours["customers and market"] == 12.0
    assert widgets.WeekPlanner(restore=False).hours["customers and market"] == 4.0
    w.set({"customers and market": 14, "team": 14, "stakeholders": 5, "data": 5, "admin": 2})
    assert w.value["in_range"] == 5
    _round_trip(w, widgets.WeekPlanner(restore=False))
    _has_labels(w.plot())
    with pytest.raises(InputError, match="unknown activity"):
        w.set({"coffee": 2})
    with pytest.raises(InputError, match="30 hours"):
        w.set({"team": 35})


def test_lifecycle_explorer(widgets):
    e = widgets.LifecycleExplorer()
    assert e.value["stage"] is None and e.value["suggested"] == "growth"
    e.stage_picker.value = "maturity"
    assert "suggest otherwise" in e.result.value
    e.set(metric="sign-ups", stage="growth")
    assert e.value["metric"] == "sign-ups"
    _round_trip(e, widgets.LifecycleExplorer())
    _has_labels(e.plot())
    with pytest.raises(InputError, match="metric must be one of"):
        e.set(metric="revenue")
    with pytest.raises(InputError, match="stage must be one of"):
        e.set(stage="adolescence")


def test_story_checker(widgets):
    from pm_course.role.questions import _GOOD_BRIEF, _GOOD_STORY

    c = widgets.StoryChecker()
    assert "not yet" in c.story_result.value
    c.set(story=_GOOD_STORY["story"], criteria=_GOOD_STORY["criteria"], brief=_GOOD_BRIEF)
    assert "every rule met" in c.story_result.value and "every rule met" in c.brief_result.value
    assert c.value["criteria"] == _GOOD_STORY["criteria"]
    _round_trip(c, widgets.StoryChecker())
    c.criteria_box.value = "Given x, when y, then it is fast"  # typed in the box
    assert "fast" in c.story_result.value
    with pytest.raises(InputError, match="sections are"):
        c.set(brief={"summary": "x"})
    with pytest.raises(InputTypeError, match="list of texts"):
        c.set(criteria="Given a, when b, then c")
    with pytest.raises(InputError, match="backlog id"):
        widgets.StoryChecker(item="B99")


def test_risk_board(widgets):
    b = widgets.RiskBoard()
    b.pickers["A7"].value = "feasibility"
    assert b.value == {"A7": "feasibility"}
    b.set({k: v["risk"] for k, v in FIND_COVER_ASSUMPTIONS.items()}, reveal=True)
    assert "8 of 8 placed right" in b.result.value and "spike" in b.tests.value
    _round_trip(b, widgets.RiskBoard())
    _has_labels(b.plot())
    with pytest.raises(InputError):
        b.set({"A1": "price"})


# ---------------------------------------------------------------- questions


def _wrap(q, v):
    return SimpleNamespace(value=v) if isinstance(q.checker, WidgetState) else v


def test_questions_self_test_and_misconceptions():
    from pm_course.role.questions import QUESTIONS

    assert len(QUESTIONS) >= 10
    kinds = {c.__name__ for q in QUESTIONS for c in type(q.checker).__mro__}
    assert {"Mapping", "Value", "Choice", "Rubric", "Function", "WidgetState"} <= kinds
    for q in QUESTIONS:
        assert q.check(_wrap(q, q.answer)).outcome == "passed", q.id
        for w in q.wrong:
            assert q.check(_wrap(q, w)).outcome == "failed", (q.id, w)
        examples = [m.example for m in q.misconceptions]
        for m in q.misconceptions:
            assert m.fires(q.checker, q.checker.conform(_wrap(q, m.example))), (q.id, m.says)
            assert not m.fires(q.checker, q.checker.conform(_wrap(q, q.answer))), (q.id, m.says)
            for other in examples:
                if other is not m.example:
                    assert not m.fires(q.checker, q.checker.conform(_wrap(q, other))), (q.id, m.says)
            fb = q.check(_wrap(q, m.example))
            assert fb.outcome == "failed" and m.says in fb.lines, (q.id, m.says)


def test_numeric_answers_rounded_as_the_lesson_shows_them_pass():
    from pm_course.role.questions import q4, q5

    assert q4.check(round(q4.answer, 2)).outcome == "passed"
    assert q5.check(round(q5.answer, 2)).outcome == "passed"
    assert "2 decimal places" in q4.prompt and "2 decimal places" in q5.prompt
    fb = q4.check(round(q4.answer, 2) + 0.5)
    assert f"{q4.answer:.2f}" not in " ".join(fb.lines)


def test_function_question_feedback_names_the_case_not_the_answer():
    from pm_course.role.questions import q8

    def no_flat(values):
        return [b / a - 1 if b != a else 1.0 for a, b in zip(values, values[1:])]

    fb = q8.check(no_flat)
    text = " ".join(fb.lines)
    assert fb.outcome == "failed" and "[50, 50, 50, 50]" in text and "[0.0" not in text

    def percent(values):
        return [(b / a - 1) * 100 for a, b in zip(values, values[1:])]

    assert q8.check(percent).outcome == "failed"


def test_week_question_through_the_real_planner(widgets):
    from pm_course.role.questions import q9

    w = widgets.WeekPlanner(restore=False)
    assert q9.check(w).outcome == "failed"
    w.set({"customers and market": 14, "team": 14, "stakeholders": 5, "data": 5, "admin": 2})
    assert q9.check(w).outcome == "passed"
    assert q9.check(w.value).outcome == "invalid"  # a typed value is not the widget


def test_story_question_feedback_per_rule():
    from pm_course.role.questions import q7

    fb = q7.check({"story": "As a user, I want notifications, so that I can click", "criteria": ["It is fast"]})
    text = " ".join(fb.lines)
    assert fb.outcome == "failed" and "'user'" in text and "Given" in text
    assert q7.check({"story": "x"}).outcome == "invalid"
    one = {"story": q7.answer["story"], "criteria": q7.answer["criteria"][:1]}
    assert q7.check(one).outcome == "failed" and "at least two" in " ".join(q7.check(one).lines)


def test_written_answer_model_meets_its_rules():
    from pm_course.role.questions import WRITTEN, w1

    assert WRITTEN == [w1]
    fb = w1.review(w1.model_answer)
    assert fb.title == f"{len(w1.rules)} of {len(w1.rules)} writing checks met", fb.lines
    assert w1.review("").outcome == "not attempted"
    assert w1.review("The PM owns everything.").title != fb.title


# ---------------------------------------------------------------- the notebooks


def _code_lines(src: str) -> list[str]:
    return [ln.rstrip() for ln in src.splitlines() if ln.strip() and not ln.strip().startswith("#")]


def test_solutions_notebook_writes_each_question_once():
    from pm_course.role.questions import QUESTIONS, WRITTEN

    nb = json.loads((ROOT / "solutions" / "01_pm_role" / "01_pm_role_exercise.ipynb").read_text())
    cells = nb["cells"]
    by_id = {c["metadata"].get("nbgrader", {}).get("grade_id"): i for i, c in enumerate(cells)}
    first = "".join(cells[0]["source"])
    auto = sum(q.points for q in QUESTIONS)
    assert f"{auto} points auto-graded" in first and f"{WRITTEN[0].points} points for the written answer" in first
    for q in QUESTIONS:
        test = cells[by_id[f"{q.id}_test"]]
        assert test["metadata"]["nbgrader"]["points"] == q.points, q.id
        i = by_id[f"{q.id}_answer"]
        src = "".join(cells[i]["source"])
        block = src.split("### BEGIN SOLUTION\n")[1].split("### END SOLUTION")[0]
        assert _code_lines(block) == _code_lines(q.solution_text), q.id
        assert cells[i - 1]["cell_type"] == "markdown" and q.prompt in "".join(cells[i - 1]["source"]), q.id
    assert "progress.review(\"01_pm_role\")" in "".join(cells[-1]["source"])
    md = [c for c in cells if c["cell_type"] == "markdown"]
    assert "../../notebooks/01_pm_role.ipynb" in "".join(md[0]["source"])
    assert "../../notebooks/02_research.ipynb" in "".join(md[-1]["source"])


def test_lesson_links_and_alt_text():
    nb = json.loads((ROOT / "notebooks" / "01_pm_role.ipynb").read_text())
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert "../exercises/01_pm_role/01_pm_role_exercise.ipynb" in text and "../docs/case_study.md" in text
    assert len(re.findall(r"\*Alt text", text)) >= 4
    assert "revenue" not in text.lower()  # revenue figures are being corrected elsewhere: the lesson uses none
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    assert "revenue" not in code and "arr_usd" not in code and "business_goals" not in code


def test_a_noisy_series_is_flagged_and_a_smooth_one_is_not():
    weekly = load("analytics")["weekly"]
    assert lifecycle_stage(series(weekly, "signups"))["noisy"]
    smooth = lifecycle_stage(series(weekly, "sites_with_published_rota"))
    assert not smooth["noisy"] and "steady" in smooth["reason"]
    assert not lifecycle_stage([100 * 1.02 ** t for t in range(10)])["noisy"]
    assert lifecycle_stage([100, 160, 90, 170, 95, 180])["noisy"]


def test_explorer_does_not_confirm_a_stage_from_a_noisy_metric():
    from pm_course.role.widgets import LifecycleExplorer

    e = LifecycleExplorer()
    e.set(metric="sign-ups", stage="growth")
    assert "cannot confirm" in e.result.value and e.value["noisy"]


_PLAIN = st.sampled_from(["a shift", "the owner", "a barista", "the rota", "an open shift", "two sites", "Monday"])
_VERB = st.sampled_from(["opens it", "accepts it", "publishes it", "swaps it", "exports the hours"])
_SEEN = st.sampled_from(["the rota shows the barista", "an alert arrives within 60 seconds",
                         "the file has one row per person", "the owner sees the message 'covered'"])


@settings(max_examples=60, deadline=None)
@given(_PLAIN, _VERB, _SEEN, st.sampled_from(["fast", "easy", "intuitive", "user-friendly", "seamless"]))
def test_criteria_property_plain_passes_and_a_vague_then_is_flagged(context, action, seen, vague):
    good = f"Given {context}, when the owner {action}, then {seen}"
    assert not problems(check_criterion(good)), good
    bad = f"Given {context}, when the owner {action}, then it is {vague}"
    assert check_criterion(bad)["testable: an observable result"], bad
    assert check_criterion(f"Given {context}, then {seen}")["Given / When / Then"]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["café owner", "barista", "chain's operations manager"]),
       st.sampled_from(["copy last week's rota", "swap a shift", "see today's staff"]),
       st.sampled_from(["Sunday planning takes minutes", "a gap is covered without calls", "I know who is in"]))
def test_story_property_template_parts_round_trip(who, want, why):
    story = f"As a {who}, I want to {want}, so that {why}"
    assert parse_story(story) == {"role": who, "want": want, "benefit": why}
    assert not problems(check_story(story)), story
    assert check_story(f"As a {who}, I want to {want} and chat, so that {why}")["small: one goal (INVEST)"]


# ---------------------------------------------------------------- corrections: numbers, names and forms


def _lesson_cells():
    nb = json.loads((ROOT / "notebooks" / "01_pm_role.ipynb").read_text())
    return nb["cells"]


def _lesson_markdown() -> str:
    return "\n".join("".join(c["source"]) for c in _lesson_cells() if c["cell_type"] == "markdown")


def test_linear_trend_matches_least_squares_by_hand():
    from statistics import linear_regression

    from pm_course.role import linear_trend, trend_projection

    assert linear_trend([1.0, 3.0, 5.0]) == pytest.approx({"slope": 2.0, "intercept": -1.0})
    share = series(load("analytics")["weekly"], "shifts_filled_without_manager_calls")
    slope, intercept = linear_regression(list(range(1, len(share) + 1)), share)
    assert linear_trend(share) == pytest.approx({"slope": slope, "intercept": intercept})
    assert trend_projection(share, weeks_ahead=8) == pytest.approx(intercept + 34 * slope)
    assert trend_projection(share, 0) == pytest.approx(intercept + 26 * slope)
    assert slope * 100 == pytest.approx(0.388, abs=0.001)  # 0.39 points a week over 26 weeks
    with pytest.raises(InputError, match="at least 2"):
        linear_trend([1.0])
    with pytest.raises(InputError, match="weeks_ahead"):
        trend_projection(share, -1)


def test_the_model_briefs_target_beats_what_the_trend_alone_would_reach():
    from statistics import linear_regression

    from pm_course.role.questions import _GOOD_BRIEF, q11

    share = series(load("analytics")["weekly"], "shifts_filled_without_manager_calls")
    slope, intercept = linear_regression(list(range(1, 27)), share)
    no_launch = (intercept + slope * 34) * 100  # 8 weeks after the data end, with no launch
    metric = _GOOD_BRIEF["success_metric"]
    target = float(re.search(r"so about (\d+(?:\.\d+)?) %", metric).group(1))
    assert target >= no_launch + 3, (target, no_launch)
    assert "holdout" in metric and f"{no_launch:.1f} %" in metric and f"{share[-1] * 100:.1f} %" in metric
    # every percentage the brief states is above the trend's projection, or is the current value
    stated = [float(x) for x in re.findall(r"(\d+(?:\.\d+)?) %", metric)]
    assert all(x >= no_launch - 0.05 or x == pytest.approx(share[-1] * 100) for x in stated), stated
    # the solution computes the trend and writes the same brief
    ns = {"series": series, "trend_projection": __import__("pm_course.role", fromlist=["x"]).trend_projection,
          "weekly": load("analytics")["weekly"]}
    exec(q11.solution_text, ns)
    assert ns["answer_q11"] == _GOOD_BRIEF and "trend_projection(" in q11.solution_text
    # the rubric's example no longer uses the week-1 value as a baseline
    msg = check_brief({**_GOOD_BRIEF, "success_metric": "more shifts covered"})["a measurable success metric"]
    assert msg and "43 %" not in msg and "55 %" not in msg


def test_the_lesson_teaches_targets_against_the_counterfactual_with_numbers_from_code():
    md = _lesson_markdown()
    assert "counterfactual" in md and "holdout" in md
    code = "\n".join("".join(c["source"]) for c in _lesson_cells() if c["cell_type"] == "code")
    assert "trend_projection(share, weeks_ahead=8)" in code and "linear_trend(share)" in code


def test_lifecycle_reading_in_the_lesson_is_what_the_data_show():
    weekly = load("analytics")["weekly"]
    sites, paying = series(weekly, "sites_with_published_rota"), series(weekly, "paying_sites")
    md = _lesson_markdown()
    assert "well above the 1 % mark each week" not in md
    code = "\n".join("".join(c["source"]) for c in _lesson_cells() if c["cell_type"] == "code")
    assert "a year if it kept up" not in code  # sites with a rota cannot outgrow paying sites
    rate = compound_growth_rate(sites)
    assert f"{rate * 100:.2f} % a week on average (compound)" in md
    rates = growth_rates(sites)
    below = sum(r < 0.01 for r in rates)
    assert below == 5 and min(rates) == 0 and "not every week" in md  # 5 of 25 weeks under 1 %, one at 0 %
    assert "len(below)" in code and "min(weekly_rates)" in code  # the counts are printed, not typed
    # activation: the share of paying sites with a rota rises and is capped at 100 %
    assert sites[0] / paying[0] == pytest.approx(0.665, abs=0.001) and sites[-1] / paying[-1] < 1
    assert "cannot pass 100 %" in md and "sites[-1] / paying[-1]" in code
    assert "about half as fast" in md and 0.4 < compound_growth_rate(paying) / rate < 0.6


def test_levitts_stage_names_and_the_plc_as_an_analogy():
    from pm_course.role import STAGE_FOCUS, stage_id
    from pm_course.role.questions import q6

    assert STAGES == ("market development", "growth", "maturity", "decline") and set(STAGE_FOCUS) == set(STAGES)
    assert stage_id("stage", " Introduction ") == "market development"
    assert q6.check("introduction").outcome == "failed"  # a form the lesson names: judged, not refused
    assert q6.check("Growth").outcome == "passed"
    with pytest.raises(InputError, match="Levitt's names"):
        stage_id("stage", "adolescence")
    md = _lesson_markdown()
    assert "popularised" in md and "market development" in md and "Kotler" in md
    assert "category" in md and "analogy" in md
    assert "introduction, growth, maturity, decline" not in md


def test_slow_slowing_growth_reads_as_the_approach_to_maturity_and_the_knife_edge_is_flagged():
    slowing = [100 * 1.008 ** t for t in range(10)] + [100 * 1.008 ** 9 * 1.003 ** t for t in range(1, 11)]
    s = lifecycle_stage(slowing)
    assert s["stage"] == "growth" and "approach to maturity" in s["reason"] and not s["borderline"]
    paying = lifecycle_stage(series(load("analytics")["weekly"], "paying_sites"))
    assert paying["borderline"] and abs(paying["change"]) < 0.001 and "edge" in paying["reason"]
    assert not lifecycle_stage(series(load("analytics")["weekly"], "sites_with_published_rota"))["borderline"]
    assert "almost exactly zero" in _lesson_markdown()


def test_product_owner_row_is_the_scrum_guides_accountability():
    md = _lesson_markdown()
    row = next(line for line in md.splitlines() if line.startswith("| **owns** |"))
    po = row.split("|")[3]
    assert "value" in po and "Product Goal" in po and "Product Backlog" in po


def test_question_wording_names_the_sources_right():
    from pm_course.role.questions import q2, q3

    assert "(Cagan)" not in q3.prompt and "Torres" in q3.prompt and "trio" in q3.prompt
    business = {**q2.answer, "A4": "business viability", "A7": "Business Viability"}
    assert q2.check(business).outcome == "passed"  # Cagan's own term is not a form error
    assert score_risk_board({"A4": "business viability"})["right"] == 1
    md = _lesson_markdown()
    assert "Chris Matts" in md
    from pm_course.role import stories

    assert "Chris Matts" in stories.__doc__


def test_the_team_line_of_the_setup_cell_is_plural_only_where_it_should_be(capsys, widgets):
    setup = "".join(_lesson_cells()[1]["source"])
    exec(setup, {})
    out = capsys.readouterr().out
    team = load("company")["today"]["team"]
    assert "1 designer," in out and "1 product manager," in out and "1 designers" not in out
    assert f"{team['engineers']} engineers" in out


def test_q4_mean_of_weekly_rates_misconception_fires_for_it_and_only_for_it():
    from pm_course.role.questions import _MEAN, _RATE, q4

    says = "arithmetic mean of the week-on-week rates"
    assert abs(_MEAN - 1.887) < 0.001 and abs(_MEAN - _RATE) > 0.005
    for a in (round(_MEAN, 3), _MEAN, round(_MEAN, 4)):
        assert any(says in line for line in q4.check(a).lines), a
    for a in (1.9, 1.95, 1.85, 1.92, 2.0, 1.8, round(_RATE, 2) + 0.02, 59.3):
        fb = q4.check(a)
        assert fb.outcome == "failed" and not any(says in line for line in fb.lines), a
    assert q4.check(round(_RATE, 2)).outcome == "passed"


@pytest.mark.parametrize("form, role", [("PM", "product manager"), ("po", "product owner"),
                                        (" Product  Manager ", "product manager"),
                                        ("the product owner", "product owner"),
                                        ("Project Manager", "project manager"), ("SHARED", "shared")])
def test_role_ids_accept_the_forms_the_lessons_show(form, role):
    from pm_course.collaboration.questions import ROLES3
    from pm_course.role import role_id
    from pm_course.role.questions import SORT_TASKS, q1, q3
    from pm_course.role.roles import sorter_assignment

    assert role_id("role", form) == role
    t = next(t for t in SORT_TASKS if q1.answer[t] == role)
    assert q1.check({**q1.answer, t: form}).outcome == "passed"
    assert sorter_assignment({t: form})[t] == role
    assert score_sorting({t: form})["right"] == 1
    assert [role_id("role", r) for r in ROLES3] == ROLES3  # module 05's role ids are 01's too
    if role == "product manager":
        assert q3.check({**q3.answer, "value": form, "viability": form}).outcome == "passed"
    with pytest.raises(InputError, match="'PM' and 'PO' are accepted"):
        role_id("role", "scrum master")
    assert q1.check({**q1.answer, t: "scrum master"}).outcome == "invalid"


def test_role_sorter_shows_each_shared_tasks_parts_and_owners(widgets):
    from pm_course.role import SHARED_PARTS

    t = "Keep stakeholders informed of progress"
    s = widgets.RoleSorter(tasks=[t])
    s.set({t: "PM"}, reveal=True)
    assert s.value == {t: "product manager"} and "0 of 1 placed right" in s.result.value
    for part, role in SHARED_PARTS[t].items():
        assert f"{part} ({role})" in s.explained.value


def test_q6_explains_market_development_whichever_name_the_learner_uses():
    from pm_course.role.questions import q6

    for name in ("market development", "Introduction"):
        fb = q6.check(name)
        assert fb.outcome == "failed" and any("later textbooks: introduction" in line for line in fb.lines), name
    assert not any("later textbooks" in line for line in q6.check("decline").lines)
def test_risk_board_check_judges_the_current_board_and_a_second_click_keeps_it(widgets):
    b = widgets.RiskBoard()
    right = {k: v["risk"] for k, v in FIND_COVER_ASSUMPTIONS.items()}
    first = next(iter(right))
    b.pickers[first].value = right[first]
    b.reveal.click()
    assert f"1 of {len(right)} placed right" in b.result.value and "(1 placed)" in b.result.value
    b.reveal.click()  # a second click never hides the verdict
    assert f"1 of {len(right)} placed right" in b.result.value
    second = list(right)[1]
    b.pickers[second].value = right[second]  # judged at once, with the change
    assert f"2 of {len(right)} placed right" in b.result.value and "(2 placed)" in b.result.value


def test_week_planner_quick_moves_update_the_line_at_once_and_draw_the_chart_once(widgets, monkeypatch):
    """In a kernel (a running event loop), each slider move updates the table and the code line at once; the
    slow chart says it is updating and is drawn once the moves stop, not once per move (which made the line lag seconds)."""
    import asyncio

    w = widgets.WeekPlanner(restore=False)
    draws = []
    plot = w.plot
    monkeypatch.setattr(w, "plot", lambda: draws.append(1) or plot())
    first = next(iter(w.sliders))
    slider = w.sliders[first]

    async def burst():
        for _ in range(6):
            slider.value = slider.value + 0.5
            assert f"'{first}': {slider.value!r}" in w.code_line.value.replace("&#x27;", "'")
            hours = f"{slider.value:,.2f}".rstrip("0").rstrip(".")
            assert f"<td class='l'>{first}</td><td>{hours}</td>" in w.shares.value
            assert [o["data"]["text/plain"] for o in w.chart.outputs] == [w.UPDATING]  # says it is out of date
        assert draws == []
        await asyncio.sleep(1.0)

    asyncio.run(burst())
    assert len(draws) == 1, f"the chart was drawn {len(draws)} times for one burst of moves"
    assert w.UPDATING not in str(w.chart.outputs)


def test_q5_a_fraction_gets_asked_whether_percentage_points_were_meant():
    from pm_course.role.questions import _CHANGE, q5

    fraction = q5.check(_CHANGE / 100)
    assert not fraction.passed and "percentage points?" in str(fraction), str(fraction)
    assert "percentage points?" in str(q5.check(round(_CHANGE / 100, 4)))  # rounded, still the fraction form
    assert q5.check(round(_CHANGE, 2)).passed
    for other in (_CHANGE + 1, -_CHANGE, 0.5, 0):  # wrong, but not the fraction: no such question
        assert "percentage points?" not in str(q5.check(other)), other


def test_week_planner_shares_never_read_as_the_edge_they_miss_and_the_total_is_held_to_forty(widgets):
    # data 4 h of 41: 9.76 %, "low" against 10 % to 20 %; shown as "10%" it contradicted its own status
    w = widgets.WeekPlanner({"customers and market": 13.0, "team": 13.0, "stakeholders": 6.0, "data": 4.0,
                             "admin": 5.0}, restore=False)
    assert w.value["status"]["data"] == "low"
    assert "<td>9.8%</td><td>10% to 20%</td><td class='l'>low</td>" in w.shares.value, w.shares.value
    texts = [t.get_text() for ax in w.plot().axes for t in ax.texts]
    assert "9.8% (low)" in texts, texts
    assert "41 hours in all: 1 h over a 40-hour week" in w.result.value
    w.set({"admin": 4.0})
    assert "40 hours in all" in w.result.value and "over" not in w.result.value


# ---------------------------------------------------------------- how product teams work (outcomes, dual track,
# PR/FAQ, story maps and splitting, product marketing)

from pm_course.role.practice import (  # noqa: E402
    ACTIVITIES_MAP,
    FIRST_RELEASE_WEEKS,
    GOALS,
    PMM_TASKS,
    PRFAQ_FIELDS,
    SPLIT_PATTERNS,
    SPLITS,
    STORY_MAP,
    TEAMS,
    TRACK_WORK,
    check_prfaq,
    check_release,
    release_effort,
    score_cards,
    story_ids,
    walking_skeleton,
)

_END_TO_END, _CAPACITY, _TOP_FIRST = "end to end: a story under every activity", "within capacity", "the most needed first"


def test_story_map_hand_checked():
    assert walking_skeleton() == ["M1", "M3", "M6", "M9"]
    assert release_effort(walking_skeleton()) == 4.0
    total = sum(s["weeks"] for s in STORY_MAP.values())
    assert total == 13.0
    # the map is B05's effort in the backlog: 3 person-months, at 52 / 12 weeks a month
    b05 = next(b for b in load("backlog") if b["id"] == "B05")
    assert b05["effort"] == 3 and round(total / (52 / 12), 1) == 3.0
    assert set(s["activity"] for s in STORY_MAP.values()) == set(ACTIVITIES_MAP)
    assert not problems(check_release(["M1", "M3", "M6", "M9", "M7"]))
    r = check_release(["M1", "M2", "M3"])
    assert "'offer the shift', 'fill and confirm'" in r[_END_TO_END] and r[_CAPACITY] is None
    r = check_release(["M1", "M3", "M6", "M9", "M4"])
    assert "6 person-weeks is more than the 5" in r[_CAPACITY]
    r = check_release(["M1", "M3", "M6", "M8", "M9"], capacity=10)
    assert "'offer the shift'" in r[_TOP_FIRST] and r[_CAPACITY] is None
    assert story_ids({"m9", "M1"}) == ["M1", "M9"]


@pytest.mark.parametrize("bad, exc, match", [
    ("M1", InputTypeError, "list of story ids"),
    (["M99"], InputError, "unknown story id.*'M99'.*M1, M2"),
    ([3], InputTypeError, "story id must be text"),
])
def test_release_bad_input(bad, exc, match):
    with pytest.raises(exc, match=match):
        check_release(bad)


def test_release_capacity_bad_input():
    with pytest.raises(InputError, match="capacity"):
        check_release(["M1"], capacity=0)


@settings(max_examples=120, deadline=None)
@given(st.sets(st.sampled_from(list(STORY_MAP))), st.sampled_from([3.0, 4.0, 5.0, 8.0, 13.0]))
def test_release_property_rules_agree_with_their_definitions(chosen, capacity):
    r = check_release(sorted(chosen), capacity)
    covered = {STORY_MAP[k]["activity"] for k in chosen}
    assert (r[_END_TO_END] is None) == (covered == set(ACTIVITIES_MAP))
    effort = sum(STORY_MAP[k]["weeks"] for k in chosen)
    assert release_effort(sorted(chosen)) == effort
    assert (r[_CAPACITY] is None) == (effort <= capacity)
    # taking each column from the top: the ranks taken under an activity are 1..n
    for a in ACTIVITIES_MAP:
        ranks = sorted(STORY_MAP[k]["rank"] for k in chosen if STORY_MAP[k]["activity"] == a)
        if ranks != list(range(1, len(ranks) + 1)):
            assert r[_TOP_FIRST] and repr(a) in r[_TOP_FIRST]
    # a slice that covers the backbone and takes each column from the top holds the walking skeleton
    if chosen and r[_END_TO_END] is None:
        assert set(walking_skeleton()) <= chosen or r[_TOP_FIRST]


def test_prfaq_model_passes_and_each_slip_is_named():
    from pm_course.role.questions import _GOOD_PRFAQ

    good = dict(_GOOD_PRFAQ)
    assert not problems(check_prfaq(good))
    slips = {
        "the customer named in the headline": {"headline": "Find cover launches", "subheading": "It is live."},
        "in the customer's words, no jargon": {"summary": "We ship the MVP from the backlog this sprint."},
        "the problem before the solution": {"problem": "Owners need a find cover button."},
        "questions in both FAQs": {"customer_faq": "Does it cost extra? No."},
        "the internal FAQ faces cost and risk": {"internal_faq": "Is it hard? No. Will people like it? Yes."},
        "every section filled": {"quote": "TBD"},
    }
    for rule, change in slips.items():
        r = check_prfaq({**good, **change})
        assert r[rule], rule
        assert [k for k, v in r.items() if v] == [rule], (rule, problems(r))
    both = check_prfaq({**good, "customer_faq": "Free?", "internal_faq": "Cost: 3 person-months?"})
    assert both["questions in both FAQs"].startswith("customer_faq and internal_faq each need at least two")


def test_q15_is_checked_exactly_against_a_key_that_check_prfaq_agrees_with():
    # q15 decides points on a set of rule names, not on the learner's prose (the PR/FAQ rules have no labelled set)
    from pm_course.core import SetOf
    from pm_course.role.questions import _Q15, FLAWED_PRFAQ, PRFAQ_RUBRIC, q15

    assert isinstance(q15.checker, SetOf)
    key = {"in the customer's words, no jargon", "the problem before the solution",
           "the internal FAQ faces cost and risk"}   # read off the draft by hand
    assert _Q15 == key and key <= set(PRFAQ_RUBRIC)
    assert {name for name, fix in check_prfaq(FLAWED_PRFAQ).items() if fix} == key
    assert q15._evaluate(set(key)).passed
    assert q15._evaluate({r.upper() for r in key}).passed            # spelling case does not matter
    for wrong in ({*key, "questions in both FAQs"}, key - {"the problem before the solution"}, set(PRFAQ_RUBRIC)):
        assert not q15._evaluate(wrong).passed, wrong
    bad = q15._evaluate("in the customer's words, no jargon")
    assert not bad.passed


def test_q15_misconceptions_fire_only_for_what_they_describe():
    from pm_course.role.questions import _Q15, q15

    faqs, problem = q15.misconceptions
    c = q15.checker
    assert not faqs.fires(c, set(_Q15)) and not problem.fires(c, set(_Q15))
    extra = {*_Q15, "Questions in both FAQs"}
    assert faqs.fires(c, extra) and not problem.fires(c, extra)
    no_problem = _Q15 - {"the problem before the solution"}
    assert problem.fires(c, no_problem) and not faqs.fires(c, no_problem)
    assert "button in the app" in str(q15._evaluate(no_problem))


@pytest.mark.parametrize("bad, exc, match", [
    ("a press release", InputTypeError, "dict of section -> text"),
    ({"headline": "x"}, InputError, "missing \\['subheading'"),
    ({**{f: "x" for f in PRFAQ_FIELDS}, "price": "x"}, InputError, "unknown \\['price'\\]"),
    ({**{f: "x" for f in PRFAQ_FIELDS}, "quote": 3}, InputTypeError, "quote"),
])
def test_prfaq_bad_input(bad, exc, match):
    with pytest.raises(exc, match=match):
        check_prfaq(bad)


def test_goal_cards_use_the_case_data():
    share = series(load("analytics")["weekly"], "shifts_filled_without_manager_calls")[-1]
    outcome = next(k for k in GOALS if k.startswith("Owners fill open shifts"))
    assert f"{share * 100:.1f} %" in outcome
    goals = load("company")["business_goals"]
    impacts = [k for k, v in GOALS.items() if v["kind"] == "impact"]
    assert impacts and all(k in goals for k in impacts)
    assert {v["kind"] for v in GOALS.values()} == {"output", "outcome", "impact"}
    assert {v["type"] for v in TEAMS.values()} == {"delivery team", "feature team", "empowered team"}
    assert {v["track"] for v in TRACK_WORK.values()} == {"discovery", "delivery"}
    assert {v["role"] for v in PMM_TASKS.values()} == {"product manager", "product marketing"}
    assert {v["pattern"] for v in SPLITS.values()} <= set(SPLIT_PATTERNS) and len(SPLIT_PATTERNS) == 9


def test_score_cards_counts_and_refuses_bad_input():
    assert score_cards({"T1": "feature team", "T3": "feature team"}, "teams") == {
        "placed": 2, "right": 1, "total": len(TEAMS), "wrong": ["T3"]}
    with pytest.raises(InputError, match="'T9' is not one of the cards"):
        score_cards({"T9": "feature team"}, "teams")
    with pytest.raises(InputError, match="use one of 'delivery team'"):
        score_cards({"T1": "scrum team"}, "teams")
    with pytest.raises(InputTypeError, match="dict card"):
        score_cards(["T1"], "teams")
    with pytest.raises(InputError, match="deck must be one of"):
        score_cards({}, "kanban")


@pytest.mark.parametrize("deck", ["goals", "teams", "tracks", "marketing"])
def test_card_sorter(widgets, deck):
    c = widgets.CardSorter(deck, name="cards")
    assert c.value == {} and c.code() == "" and "0 of" in c.result.value
    first = next(iter(c.items))
    right = c.items[first][c.field]
    c.pickers[first].value = right  # as a learner would
    assert c.value == {first: right} and c.explained.value == ""
    c.reveal.value = True
    assert "1 of" in c.result.value and c.items[first]["why"][:30] in c.explained.value
    _round_trip(c, widgets.CardSorter(deck, name="cards"))
    wrong = next(o for o in c.options if o != right)
    c.set({first: wrong})
    assert "0 of" in c.result.value and "card 1" in c.result.value


def test_card_sorter_bad_input(widgets):
    with pytest.raises(InputError, match="deck"):
        widgets.CardSorter("kanban")
    c = widgets.CardSorter("teams")
    with pytest.raises(InputError, match="use one of"):
        c.set({"T1": "scrum team"})
    assert c.value == {}


def test_story_map_planner(widgets):
    m = widgets.StoryMapPlanner()
    assert m.value["release"] == [] and "No story" in m.result.value
    m.boxes["M1"].value = True  # as a learner would
    assert m.value["release"] == ["M1"] and "nothing under" in m.result.value
    m.set(["M1", "M3", "M6", "M9", "M10"])
    assert m.value["weeks"] == 4.5 and not problems(m.value["rules"]) and "end to end" in m.result.value
    _round_trip(m, widgets.StoryMapPlanner())
    fig = m.plot()
    _has_labels(fig)
    assert "4.5 of 5" in fig.axes[0].get_title()
    with pytest.raises(InputError, match="unknown story id"):
        m.set(["M11"])
    assert m.value["release"] == ["M1", "M3", "M6", "M9", "M10"]
    with pytest.raises(InputError, match="capacity"):
        widgets.StoryMapPlanner(capacity=-1)


def test_new_questions_feedback():
    from pm_course.role.questions import q12, q14, q16, q18

    impact = next(k for k, v in q12.answer.items() if v == "impact")
    fb = q12.check({**q12.answer, impact: "outcome"})
    assert fb.outcome == "failed" and any("one step further" in line for line in fb.lines)
    fb = q16.check(["M1", "M2", "M3", "M4"])
    assert fb.outcome == "failed" and any("whole job" in line for line in fb.lines)
    assert q16.check(["M1", "M3", "M6", "M9"]).outcome == "passed"  # the skeleton alone is a valid slice
    assert q16.check(["M1", "M99"]).outcome == "failed"  # an unknown id gets a message, not a traceback
    assert q18.check({k: ("PM" if v == "product manager" else "PMM") for k, v in q18.answer.items()}).outcome == "passed"
    rollout = next(k for k in q14.answer if k.startswith("Roll"))
    fb = q14.check({**q14.answer, rollout: "discovery"})
    assert any("feeds discovery" in line for line in fb.lines)


def test_lesson_numbers_for_outcomes_and_the_story_map_are_the_datas():
    md = _lesson_markdown()
    share = series(load("analytics")["weekly"], "shifts_filled_without_manager_calls")[-1]
    churn = load("company")["today"]["monthly_site_churn"]
    assert f"from {share * 100:.1f} %" in md and f"churn ({churn * 100:.1f} % a month)" in md
    skeleton, total = release_effort(walking_skeleton()), sum(s["weeks"] for s in STORY_MAP.values())
    assert f"costs {skeleton:g} of the {total:g} person-weeks" in md
    assert f"The first release has {FIRST_RELEASE_WEEKS:g} person-weeks" in md
    assert f"puts find cover at {total:g} person-weeks" in md
    m4 = STORY_MAP["M4"]["weeks"]
    assert f"(M4) matters, but costs {m4:g}" in md


def test_lesson_teaches_the_new_topics_with_their_sources():
    md = _lesson_markdown()
    for heading in ("## 3. Outcomes over outputs", "## 4. Discovery and delivery, side by side", "## 6. The product manager "
                    "and product marketing", "## 9. Working backwards: the PR/FAQ", "## 10. Story maps"):
        assert heading in md, heading
    for source in ("Seiden, J. (2019)", "Sy, D. (2007)", "Bryar, C., & Carr, B. (2021)", "Patton, J. (2014)",
                   "Lawrence, R. (2009)", "Lauchengco, M. (2022)", "Cagan, M., & Jones, C. (2020)"):
        assert source in md, source
    # the lesson's splitting examples are not the exercise's (q17 would be a look-up)
    for split in SPLITS.values():
        assert split["text"] not in md
    code = "\n".join("".join(c["source"]) for c in _lesson_cells() if c["cell_type"] == "code")
    assert "CardSorter(" in code and "StoryMapPlanner(" in code
