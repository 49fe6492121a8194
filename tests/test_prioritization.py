"""Module 04, Prioritization: unit and property tests of the logic, widget tests, question self-tests.

Worked examples: the Kano evaluation table is Berger et al. (1993) as given
in the course's PM reference (all 25 cells). The RICE, ICE, WSJF, CD3 and
opportunity cases are hand-computed from the formulas (the Intercom article's
own worked example was not available to check against, so none is claimed).
"""

from __future__ import annotations

import itertools
import math
import os
import sys
import types

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

os.environ.setdefault("MPLBACKEND", "Agg")

from pm_course.core import InputError, InputTypeError  # noqa: E402
from pm_course.data import load  # noqa: E402
from pm_course.prioritization import (  # noqa: E402
    KANO_ANSWERS,
    best_within_capacity,
    capacity_items,
    cd3,
    cost_of_delay,
    greedy_within_capacity,
    ice_score,
    kano_category,
    kano_coefficients,
    kano_counts,
    kano_dominant,
    kano_survey,
    moscow_effort_shares,
    opportunity_score,
    outcome_opportunities,
    rank_by,
    rice_score,
    rice_value,
    top_two_box,
    total_of,
    value_effort_quadrant,
    wsjf,
)

BACKLOG = load("backlog")

# ---------------------------------------------------------------- RICE


@pytest.mark.parametrize(
    "reach, impact, confidence, effort, expected",
    [  # hand-computed
        (950, 3, 0.8, 3, 760.0),  # B05
        (1000, 1, 1.0, 0.5, 2000.0),  # B03
        (2000, 2, 0.8, 4, 800.0),
        (500, 0.25, 0.5, 1, 62.5),
        (0, 2, 0.8, 1, 0.0),
    ],
)
def test_rice_worked_examples(reach, impact, confidence, effort, expected):
    assert rice_score(reach, impact, confidence, effort) == pytest.approx(expected)


def test_rice_confidence_as_percentage_teaches():
    with pytest.raises(InputError) as exc:
        rice_score(950, 3, 80, 3)
    assert "confidence is a fraction between 0 and 1; did you mean 0.8?" in str(exc.value)
    assert "80" in str(exc.value)


def test_rice_impact_off_scale_names_the_scale():
    with pytest.raises(InputError) as exc:
        rice_score(950, 5, 0.8, 3)
    msg = str(exc.value)
    assert "got 5" in msg
    for part in ("3 (massive)", "2 (high)", "1 (medium)", "0.5 (low)", "0.25 (minimal)"):
        assert part in msg


@pytest.mark.parametrize("effort", [0, -1, -0.5])
def test_rice_refuses_effort_not_positive(effort):
    with pytest.raises(InputError, match="effort must be greater than 0 person-months"):
        rice_score(100, 1, 1.0, effort)


@pytest.mark.parametrize("bad", ["100", None, True, [1]])
def test_rice_wrong_types(bad):
    with pytest.raises(InputTypeError):
        rice_score(bad, 1, 1.0, 1)


def test_rice_reach_share_refused_and_nan():
    with pytest.raises(InputError, match="count of people or events"):
        rice_score(0.3, 1, 1.0, 1)
    with pytest.raises(InputError, match="finite"):
        rice_score(float("nan"), 1, 1.0, 1)
    with pytest.raises(InputError, match="fraction between 0 and 1; got 150"):
        rice_score(10, 1, 150, 1)  # no sensible guess above 100, still the rule
    with pytest.raises(InputError, match="did you mean 0.5"):
        rice_score(10, 1, 50, 1)


reach_st = st.integers(min_value=1, max_value=1_000_000)
impact_st = st.sampled_from([3, 2, 1, 0.5, 0.25])
conf_st = st.sampled_from([1.0, 0.8, 0.5])
effort_st = st.sampled_from([0.25, 0.5, 1, 1.5, 2, 3, 6, 12])


@given(reach_st, st.integers(min_value=1, max_value=1000), impact_st, conf_st, effort_st)
def test_rice_grows_with_reach(reach, extra, impact, confidence, effort):
    assert rice_score(reach + extra, impact, confidence, effort) > rice_score(reach, impact, confidence, effort)


@given(reach_st, impact_st, conf_st, effort_st, effort_st)
def test_rice_falls_with_effort(reach, impact, confidence, e1, e2):
    lo, hi = sorted((e1, e2))
    assert rice_score(reach, impact, confidence, lo) >= rice_score(reach, impact, confidence, hi)


@given(reach_st, impact_st, conf_st, effort_st)
def test_rice_is_value_over_effort(reach, impact, confidence, effort):
    assert rice_score(reach, impact, confidence, effort) == pytest.approx(
        rice_value(reach, impact, confidence) / effort)


# ---------------------------------------------------------------- ICE, WSJF, CD3


def test_ice_product_and_mean():
    assert ice_score(6, 9, 10) == 540
    assert ice_score(10, 10, 10) == 1000
    assert ice_score(1, 1, 1) == 1
    assert ice_score(6, 9, 10, method="mean") == pytest.approx(25 / 3)
    with pytest.raises(InputError, match="did you mean 8"):
        ice_score(6, 0.8, 10)
    with pytest.raises(InputError, match="from 1 to 10"):
        ice_score(11, 5, 5)
    with pytest.raises(InputError, match="'product'"):
        ice_score(5, 5, 5, method="median")


@given(*(st.integers(min_value=1, max_value=10),) * 3)
def test_ice_product_range(i, c, e):
    assert 1 <= ice_score(i, c, e) <= 1000
    assert 1 <= ice_score(i, c, e, method="mean") <= 10


def test_wsjf_examples():
    assert wsjf(20, 8, 5, 8) == pytest.approx(33 / 8)  # B05
    assert wsjf(5, 8, 5, 1) == 18  # B38
    assert cost_of_delay(13, 8, 5) == 26
    with pytest.raises(InputError) as exc:
        wsjf(4, 1, 1, 1)
    assert "1, 2, 3, 5, 8, 13, 20" in str(exc.value) and "nearest step is 3" in str(exc.value)
    with pytest.raises(InputError):
        wsjf(1, 1, 1, 0)


def test_cd3_examples():
    assert cd3(4200, 10) == 420
    assert cd3(0, 3) == 0
    with pytest.raises(InputError, match="duration must be greater than 0"):
        cd3(100, 0)
    with pytest.raises(InputError):
        cd3(-5, 1)


@given(st.floats(min_value=0, max_value=1e6), st.floats(min_value=0.1, max_value=100),
       st.floats(min_value=0.1, max_value=100))
def test_cd3_shorter_job_first_for_same_cost_of_delay(cod, d1, d2):
    lo, hi = sorted((d1, d2))
    assert cd3(cod, lo) >= cd3(cod, hi)


# ---------------------------------------------------------------- Kano

# Berger et al. (1993): every one of the 25 cells (rows functional, columns dysfunctional).
_KANO_ROWS = {
    "like": "QAAAO",
    "must-be": "RIIIM",
    "neutral": "RIIIM",
    "live-with": "RIIIM",
    "dislike": "RRRRQ",
}
KANO_CELLS = [(f, d, _KANO_ROWS[f][j]) for f in KANO_ANSWERS for j, d in enumerate(KANO_ANSWERS)]


def test_kano_table_has_25_cells():
    assert len(KANO_CELLS) == 25


@pytest.mark.parametrize("functional, dysfunctional, expected", KANO_CELLS)
def test_kano_every_cell(functional, dysfunctional, expected):
    assert kano_category(functional, dysfunctional) == expected


@pytest.mark.parametrize("spelling, canonical", [
    ("Must be", "must-be"), ("MUST-BE", "must-be"), ("must_be", "must-be"), ("  must   be ", "must-be"),
    ("Live With", "live-with"), ("live with", "live-with"), ("LIVE_WITH", "live-with"), (" Like ", "like"),
    ("NEUTRAL", "neutral"), ("Dislike", "dislike"), ("I can live with it", "live-with"),
])
def test_kano_spellings(spelling, canonical):
    for other in KANO_ANSWERS:
        assert kano_category(spelling, other) == kano_category(canonical, other)
        assert kano_category(other, spelling) == kano_category(other, canonical)


def test_kano_unknown_answer_lists_accepted():
    with pytest.raises(InputError) as exc:
        kano_category("love it", "dislike")
    msg = str(exc.value)
    for a in KANO_ANSWERS:
        assert repr(a) in msg
    assert "love it" in msg
    with pytest.raises(InputTypeError):
        kano_category(1, "like")


def test_kano_coefficients_examples():
    assert kano_coefficients({"A": 10, "O": 20, "M": 5, "I": 15}) == pytest.approx((0.6, -0.5))
    # R and Q stay out of the denominator
    assert kano_coefficients({"A": 10, "O": 20, "M": 5, "I": 15, "R": 40, "Q": 9}) == pytest.approx((0.6, -0.5))
    assert kano_coefficients({"a": 1}) == (1.0, 0.0)
    with pytest.raises(InputError, match="at least one A, O, M or I"):
        kano_coefficients({"R": 3, "Q": 1})
    with pytest.raises(InputError, match="Kano letters"):
        kano_coefficients({"X": 3})
    with pytest.raises(InputError, match="negative"):
        kano_coefficients({"A": -1, "O": 3})


counts_st = st.fixed_dictionaries({k: st.integers(min_value=0, max_value=500) for k in "AOMIRQ"}).filter(
    lambda c: c["A"] + c["O"] + c["M"] + c["I"] > 0)


@given(counts_st)
def test_kano_coefficients_ranges(counts):
    better, worse = kano_coefficients(counts)
    assert 0 <= better <= 1
    assert -1 <= worse <= 0


@given(st.lists(st.tuples(st.sampled_from(KANO_ANSWERS), st.sampled_from(KANO_ANSWERS)), min_size=1, max_size=60))
def test_kano_counts_add_up(pairs):
    c = kano_counts(pairs)
    assert sum(c.values()) == len(pairs)
    assert kano_dominant(c) in c and c[kano_dominant(c)] == max(c.values())


def test_kano_dominant_tie_break():
    assert kano_dominant({"A": 5, "M": 5}) == "M"
    assert kano_dominant({"A": 5, "O": 5, "I": 5}) == "O"


def test_kano_survey_case_study():
    summary = kano_survey(load("survey"))
    assert summary["payroll export"]["category"] == "M"
    assert summary["auto-scheduling"]["category"] == "A"
    assert summary["shift swap in the app"]["category"] == "O"
    assert all(v["answers"] == 320 for v in summary.values())
    managers = kano_survey(load("survey"), segment="manager")
    assert all(v["answers"] < 320 for v in managers.values())
    with pytest.raises(InputError, match="segment must be one of"):
        kano_survey(load("survey"), segment="ceo")


# ---------------------------------------------------------------- opportunity scoring


def test_opportunity_examples():
    assert opportunity_score(8.4, 3.1) == pytest.approx(13.7)
    assert opportunity_score(6.0, 9.0) == 6.0  # overserved: no bonus, never below importance
    assert top_two_box([5, 4, 3, 2]) == 5.0
    assert top_two_box([1, 1, 1]) == 0.0
    with pytest.raises(InputError, match="top_two_box"):
        opportunity_score(4.5, 11)
    with pytest.raises(InputError, match="1 to 5"):
        top_two_box([0, 4])


@given(st.floats(min_value=0, max_value=10), st.floats(min_value=0, max_value=10))
def test_opportunity_properties(imp, sat):
    score = opportunity_score(imp, sat)
    assert imp - 1e-9 <= score <= 2 * imp + 1e-9
    assert 0 <= score <= 20 + 1e-9


def test_outcome_opportunities_case_study():
    out = outcome_opportunities(load("survey"))
    assert len(out) == 6
    for v in out.values():
        assert v["opportunity"] == pytest.approx(opportunity_score(v["importance"], v["satisfaction"]))
    best = max(out, key=lambda k: out[k]["opportunity"])
    assert best == "minimise the number of shifts left uncovered on the day"


# ---------------------------------------------------------------- MoSCoW


def test_moscow_shares_of_effort_not_count():
    items = [{"moscow": "Must", "effort": 6}, {"moscow": "should", "effort": 1},
             {"moscow": "Could", "effort": 1}, {"moscow": "Won't", "effort": 10},
             {"moscow": "Should", "effort": 1}, {"moscow": "Could", "effort": 1}]
    r = moscow_effort_shares(items)
    assert r["shares"]["Must"] == pytest.approx(0.6)  # exactly 60 %: not over
    assert r["musts_over_limit"] is False
    assert r["effort"]["Won't"] == 10
    items[0]["effort"] = 6.5
    r = moscow_effort_shares(items)
    assert r["musts_over_limit"] is True
    assert "above 60%" in r["message"]


def test_moscow_case_study_and_bad_input():
    r = moscow_effort_shares(BACKLOG)
    assert sum(r["shares"].values()) == pytest.approx(1)
    assert r["planned_effort"] == pytest.approx(56)
    with pytest.raises(InputError, match="'Must', 'Should', 'Could', \"Won't\""):
        moscow_effort_shares([{"moscow": "Maybe", "effort": 1}])
    with pytest.raises(InputError, match="no 'effort' field"):
        moscow_effort_shares([{"moscow": "Must"}])
    with pytest.raises(InputError, match="no planned effort"):
        moscow_effort_shares([{"moscow": "Won't", "effort": 2}])


@given(st.lists(st.tuples(st.sampled_from(["Must", "Should", "Could", "Won't"]),
                          st.sampled_from([0.25, 0.5, 1, 2, 3])), min_size=1, max_size=30))
def test_moscow_flag_matches_share(rows):
    items = [{"moscow": m, "effort": e} for m, e in rows]
    planned = sum(e for m, e in rows if m != "Won't")
    if planned == 0:
        with pytest.raises(InputError):
            moscow_effort_shares(items)
        return
    r = moscow_effort_shares(items)
    must = sum(e for m, e in rows if m == "Must") / planned
    assert r["shares"]["Must"] == pytest.approx(must)
    assert r["musts_over_limit"] == (must > 0.6 + 1e-9)


# ---------------------------------------------------------------- value / effort


def test_quadrants():
    assert value_effort_quadrant(10, 1, 5, 2) == "quick win"
    assert value_effort_quadrant(10, 3, 5, 2) == "big bet"
    assert value_effort_quadrant(1, 1, 5, 2) == "fill-in"
    assert value_effort_quadrant(1, 2, 5, 2) == "time sink"  # on the effort line counts as high effort


# ---------------------------------------------------------------- capacity (0/1 knapsack)


def _brute(items, capacity):
    best = (0.0, ())
    for r in range(len(items) + 1):
        for combo in itertools.combinations(items, r):
            if sum(i["effort"] for i in combo) <= capacity + 1e-9:
                v = sum(i["value"] for i in combo)
                if v > best[0] + 1e-9:
                    best = (v, combo)
    return best[0]


item_st = st.fixed_dictionaries({
    "value": st.integers(min_value=0, max_value=3000).map(float),
    "effort": st.sampled_from([0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6]),
})
items_st = st.lists(item_st, min_size=0, max_size=10).map(
    lambda xs: [{**x, "id": f"X{i:02d}"} for i, x in enumerate(xs)])
capacity_st = st.sampled_from([0, 0.25, 1, 2.5, 4, 6, 9])


@settings(max_examples=150, deadline=None)
@given(items_st, capacity_st)
def test_best_equals_brute_force_and_beats_greedy(items, capacity):
    best = best_within_capacity(items, capacity)
    greedy = greedy_within_capacity(items, capacity)
    assert best["effort"] <= capacity + 1e-9
    assert greedy["effort"] <= capacity + 1e-9
    assert best["value"] >= greedy["value"] - 1e-6
    assert best["value"] == pytest.approx(_brute(items, capacity), abs=1e-6)
    again = total_of(items, best["ids"])
    assert again["value"] == pytest.approx(best["value"]) and again["effort"] == pytest.approx(best["effort"])


@settings(max_examples=150, deadline=None)
@given(items_st, capacity_st)
def test_both_exact_searches_agree_with_brute_force(items, capacity):
    """A short list takes the frontier search, a long one the unit table (numpy): both find the best value,
    and the least effort that reaches it."""
    from pm_course.prioritization.frameworks import _capacity, _knapsack_frontier, _knapsack_units, _plan_items

    rows, cap = _plan_items(items), _capacity(capacity)
    fitting = [i for i, r in enumerate(rows) if r[3] <= cap]
    found = [_knapsack_units(rows, fitting, cap), _knapsack_frontier(rows, fitting, cap)]
    assert found[0] is not None  # whole quarter-months: the table is small
    totals = [(math.fsum(rows[i][1] for i in c), sum(rows[i][3] for i in c)) for c in found]
    for value, effort in totals:
        assert effort <= cap and value == pytest.approx(_brute(items, capacity), abs=1e-6)
    assert totals[0][1] == totals[1][1]


@settings(max_examples=30, deadline=None)
@given(st.lists(item_st, min_size=60, max_size=60), st.sampled_from([6, 12, 30]))
def test_best_is_fast_for_60_items(xs, capacity):
    items = [{**x, "id": f"X{i:02d}"} for i, x in enumerate(xs)]
    best = best_within_capacity(items, capacity)  # its speed is measured by make bench (1,000 items)
    assert best["effort"] <= capacity
    assert best["value"] >= greedy_within_capacity(items, capacity)["value"] - 1e-6


def test_greedy_can_miss_the_best_set():
    items = [{"id": "dense", "value": 6, "effort": 1}, {"id": "big1", "value": 10, "effort": 5},
             {"id": "big2", "value": 10, "effort": 5}]
    assert greedy_within_capacity(items, 10)["ids"] == ["dense", "big1"]
    assert best_within_capacity(items, 10) == {"ids": ["big1", "big2"], "value": 20.0, "effort": 10.0}


def test_capacity_case_study_shortlist():
    shortlist = [b for b in BACKLOG if b["moscow"] in ("Must", "Should") and b["effort"] >= 1]
    items = capacity_items(shortlist)
    best, greedy = best_within_capacity(items, 6), greedy_within_capacity(items, 6)
    assert best["ids"] == ["B01", "B05", "B09"] and best["value"] == pytest.approx(5230)
    assert greedy["value"] < best["value"]
    # the whole backlog at the company's capacity
    full = best_within_capacity(capacity_items(BACKLOG), load("company")["sprint_capacity_person_months"])
    assert full["effort"] <= 6


def test_capacity_bad_input():
    with pytest.raises(InputError, match="unique"):
        best_within_capacity([{"id": "a", "value": 1, "effort": 1}] * 2, 3)
    with pytest.raises(InputError, match="effort must be greater than 0"):
        best_within_capacity([{"id": "a", "value": 1, "effort": 0}], 3)
    with pytest.raises(InputError, match="no 'value' field"):
        best_within_capacity([{"id": "a", "effort": 1}], 3)
    with pytest.raises(InputError, match="capacity"):
        best_within_capacity([], -1)
    with pytest.raises(InputTypeError):
        best_within_capacity("B01", 3)


def test_rank_by_keeps_ties_in_order():
    items = [{"id": "a", "s": 1}, {"id": "b", "s": 2}, {"id": "c", "s": 1}]
    assert rank_by(items, lambda i: i["s"]) == ["b", "a", "c"]


def test_package_import_is_pure():
    import subprocess

    code = "import sys, pm_course.prioritization; print('ipywidgets' in sys.modules, 'matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
    code = "import sys, pm_course.prioritization.questions; print('ipywidgets' in sys.modules, 'matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


# ---------------------------------------------------------------- questions (self-test)


def test_questions_self_test(tmp_path, monkeypatch):
    monkeypatch.setenv("PM_COURSE_HOME", str(tmp_path))
    from types import SimpleNamespace

    from pm_course.core import WidgetState
    from pm_course.prioritization.questions import QUESTIONS

    def wrap(q, v):
        return SimpleNamespace(value=v) if isinstance(q.checker, WidgetState) else v

    assert len(QUESTIONS) >= 10
    for q in QUESTIONS:
        assert q.check(wrap(q, q.answer)).outcome == "passed", q.id
        assert q.check(...).outcome == "not attempted", q.id
        q.grade(wrap(q, q.answer))
        for w in q.wrong:
            fb = q.check(wrap(q, w))
            assert fb.outcome == "failed" and fb.lines, (q.id, w)
            with pytest.raises(AssertionError):
                q.grade(wrap(q, w))
    # a value typed by hand instead of the planner is a form error, not a pass
    from pm_course.prioritization.questions import q12

    assert q12.check(list(q12.answer)).outcome == "invalid"


# ---------------------------------------------------------------- widgets


@pytest.fixture
def widgets(tmp_path, monkeypatch):
    monkeypatch.setenv("PM_COURSE_HOME", str(tmp_path))
    from pm_course.prioritization import widgets as w

    yield w
    import matplotlib.pyplot as plt

    plt.close("all")


def test_rice_table_updates_live(widgets):
    t = widgets.RiceTable()
    assert t.value["ranking"][0] == "B03"
    before = t.value["scores"]["B05"]
    t.item.value = "B05"
    assert "760" in t.result.value
    t.confidence.value = 0.5  # as a learner would, through the control
    assert t.value["scores"]["B05"] == pytest.approx(before * 0.5 / 0.8)
    assert "475" in t.result.value and "475" in t.table.value
    assert "rice.set('B05', confidence=0.5)" in html_unescape(t.code_box.value)
    t.set("B31", reach=5000, impact=3)
    assert t.value["ranking"][0] == "B31"
    assert t.item.value == "B31"
    with pytest.raises(InputError, match="did you mean 0.8"):
        t.set("B31", confidence=80)
    t.reset.click()
    assert t.value["ranking"][0] == "B03"
    fig = t.plot()
    assert fig.axes[0].get_title() and fig.axes[0].get_xlabel()


def html_unescape(s):
    import html

    return html.unescape(s)


def test_value_effort_matrix(widgets):
    m = widgets.ValueEffortMatrix()
    q = m.value["quadrants"]
    assert sum(len(v) for v in q.values()) == len(BACKLOG)
    assert "B03" in q["quick win"]
    m.set(value_split=0, effort_split=100)
    assert len(m.value["quadrants"]["quick win"]) == len(BACKLOG)
    assert f"quick win</b> ({len(BACKLOG)})" in m.result.value
    m.measure.value = "Cost of Delay ($ per week)"
    assert m.value["measure"].startswith("Cost of Delay")
    fig = m.plot()
    assert fig.axes[0].get_xlabel() == "effort (person-months)"


def test_kano_classifier(widgets):
    k = widgets.KanoClassifier()
    assert k.value["pair"]["category"] == "O"
    k.dysfunctional.value = "neutral"
    assert k.value["pair"]["category"] == "A" and "<b>A</b>" in k.pair_result.value
    k.set("Must be", "DISLIKE")
    assert k.value["pair"]["category"] == "M"
    assert k.value["pair"] == {"functional": "must-be", "dysfunctional": "dislike", "category": "M"}
    everyone = k.value["features"]["payroll export"]["counts"]["M"]
    k.segment.value = "manager"
    assert k.value["features"]["payroll export"]["counts"]["M"] < everyone
    k.feature.value = "auto-scheduling"
    assert "auto-scheduling" in k.table.value
    ax = k.plot().axes[0]
    assert "better" in ax.get_ylabel() and "worse" in ax.get_xlabel()


def test_capacity_planner(widgets):
    from pm_course.prioritization.questions import CAPACITY, SHORTLIST_ITEMS

    p = widgets.CapacityPlanner(SHORTLIST_ITEMS, CAPACITY, allow_reveal=False)
    assert p.value == [] and p.bar.value == 0
    p.boxes["B01"].value = True  # a click
    assert p.value == ["B01"] and p.bar.value == 2 and "<b>2</b> of 6" in p.used.value
    p.greedy_button.click()
    assert p.summary["value"] == pytest.approx(5190)
    assert "99%" in p.result.value
    p.set(["B05", "B01", "B09"])
    assert p.value == ["B01", "B05", "B09"]
    assert "best possible" in p.result.value
    assert "planner.set(['B01', 'B05', 'B09'])" in html_unescape(p.code_box.value)
    p.set(["B02", "B05", "B14"])
    assert p.summary["over_capacity"] and p.bar.bar_style == "danger" and "Over capacity" in p.result.value
    with pytest.raises(InputError, match="unknown item"):
        p.set(["B99"])
    p.set([])
    assert p.value == []
    full = widgets.CapacityPlanner()
    assert full.capacity == 6 and len(full.boxes) == len(BACKLOG)
    full.reveal_button.click()
    assert "Best set" in full.best_text.value


def test_q12_plans_its_own_scenario_with_the_planner(widgets):
    """q12 asks for the best set at the scenario's capacity; the lesson's best set (6 person-months) fails it."""
    from pm_course.prioritization.questions import CAPACITY, Q12_CAPACITY, SHORTLIST_ITEMS, q12

    assert Q12_CAPACITY == 8 and CAPACITY == 6 and f"{Q12_CAPACITY:g} person-months" in q12.prompt
    p = widgets.CapacityPlanner(SHORTLIST_ITEMS, Q12_CAPACITY, allow_reveal=False)
    p.greedy_button.click()
    assert p.value == ["B01", "B05", "B08", "B09", "B20"] and p.summary["value"] == pytest.approx(6590)
    fb = q12.check(p)
    assert fb.outcome == "failed" and "greedy" in " ".join(fb.lines)
    p.set(["B01", "B05", "B09"])  # the best set of the lesson's 6 person-months: fits, not the best here
    fb = q12.check(p)
    text = " ".join(fb.lines)
    assert fb.outcome == "failed" and "lesson's quarter" in text and "2 person-months unused" in text
    assert "greedy" not in text
    p.set(["B09", "B17", "B01", "B05"])
    assert p.summary["value"] == pytest.approx(6670) and q12.check(p).outcome == "passed"
    p.set(["B01", "B02", "B05", "B09"])  # 9 person-months: over the scenario's capacity
    text = " ".join(q12.check(p).lines)
    assert "9 person-months" in text and "has 8" in text and "lesson's quarter" not in text


def _lesson_capacity_results() -> list[list[str]]:
    """Run the lesson's setup cell and every cell that solves a capacity problem; return each best/greedy set it prints."""
    import ast
    import contextlib
    import io
    import json
    from pathlib import Path

    cells = [c for c in json.loads((Path(__file__).parents[1] / "notebooks" / "04_prioritization.ipynb").read_text())["cells"]
             if c["cell_type"] == "code"]
    setup = next(c for c in cells if "from pm_course.data import load" in "".join(c["source"]))
    run = [setup] + [c for c in cells if "best_within_capacity(" in "".join(c["source"])
                        or "greedy_within_capacity(" in "".join(c["source"])]
    out = io.StringIO()
    env: dict = {}
    with contextlib.redirect_stdout(out):
        for c in run:
            exec(compile("".join(c["source"]), "<lesson 04>", "exec"), env)
    printed = out.getvalue()
    sets = [sorted(ast.literal_eval(line[line.index("["):line.index("]") + 1]))
            for line in printed.splitlines() if "[" in line and "]" in line and ("best" in line or "greedy" in line)]
    assert len(sets) >= 4, printed  # greedy and best at each capacity the lesson prints
    return sets


def test_no_planning_answer_is_printed_by_the_lesson():
    """A planning question's reference answer is never a set the lesson prints (it would give the answer away)."""
    from pm_course.prioritization.questions import q12

    printed = _lesson_capacity_results()
    assert sorted(q12.answer) not in printed
    assert ["B01", "B05", "B09"] in printed  # the lesson's 6 person-month best set is read, so the check can fail


# ---------------------------------------------------------------- one planning rule in the lesson and the exercise

def _lesson_04():
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "notebooks" / "04_prioritization.ipynb"
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def test_quarter_candidates_leave_half_month_fixes_to_the_polish_budget():
    from pm_course.prioritization import POLISH_MAX_EFFORT, quarter_candidates

    backlog = load("backlog")
    kept = quarter_candidates(backlog)
    assert all(b["effort"] > POLISH_MAX_EFFORT for b in kept)
    assert len(backlog) - len(kept) == sum(b["effort"] <= 0.5 for b in backlog) == 8
    with pytest.raises(InputError):
        quarter_candidates([{"id": "B1", "effort": 0}])


def test_lesson_and_q12_plan_the_quarter_by_the_same_rule():
    from pm_course.prioritization import quarter_candidates
    from pm_course.prioritization.questions import CAPACITY, Q12_CAPACITY, SHORTLIST, q12

    backlog = load("backlog")
    lesson_best = best_within_capacity(capacity_items(quarter_candidates(backlog)), CAPACITY)
    must_should = [b for b in quarter_candidates(backlog) if b["moscow"] in ("Must", "Should")]
    assert SHORTLIST == [b["id"] for b in must_should]
    scenario_best = best_within_capacity(capacity_items(quarter_candidates(backlog)), Q12_CAPACITY)
    assert sorted(q12.answer) == sorted(scenario_best["ids"])  # the same rule gives the same best set
    cells = _lesson_04()
    planning = "".join(cells[0]["source"])
    assert "polish budget" in planning and "person-month or more" in planning
    code = next("".join(c["source"]) for c in cells if "best_within_capacity(items" in "".join(c["source"]))
    assert "quarter_candidates(backlog)" in code
    assert q12.check(types.SimpleNamespace(value=scenario_best["ids"])).outcome == "passed"
    assert q12.check(types.SimpleNamespace(value=lesson_best["ids"])).outcome == "failed"  # another capacity


def test_module_04_keeps_sprint_for_scrum_only():
    import json
    import re
    from pathlib import Path

    import pm_course.prioritization.questions as Q

    root = Path(__file__).resolve().parents[1]
    texts = []
    for rel in ("notebooks/04_prioritization.ipynb", "solutions/04_prioritization/04_prioritization_exercise.ipynb",
                "exercises/04_prioritization/04_prioritization_exercise.ipynb"):
        for c in json.loads((root / rel).read_text(encoding="utf-8"))["cells"]:
            texts.append("".join(c["source"]).replace("sprint_capacity_person_months", ""))
    for q in Q.QUESTIONS:
        texts += [q.prompt, *q.hints, q.solution_text]
    texts += [Q.w1.prompt, Q.W1_MODEL]
    for t in texts:
        for m in re.finditer(r"\bsprints?\b", t, re.I):
            context = t[max(0, m.start() - 80): m.end() + 80]
            assert "Scrum" in context, f"'sprint' outside Scrum: ...{context}..."
    glossary = (root / "docs" / "glossary.md").read_text(encoding="utf-8")
    entry = glossary.split("### Sprint\n", 1)[1].split("###", 1)[0]
    assert "quarter's budget" not in entry and "Scrum only" in entry


def test_lesson_04_kano_words_match_the_survey():
    from pm_course.prioritization import kano_survey

    k = kano_survey(load("survey"))
    swaps, auto = k["shift swap in the app"], k["auto-scheduling"]
    text = " ".join("".join(c["source"]) for c in _lesson_04())
    n = swaps["counts"]["O"]
    assert n < swaps["answers"] / 2  # a plurality, not "most respondents"
    assert f"{n} of {swaps['answers']} respondents (about half)" in text and "most respondents now rate" not in text
    assert f"Worse = −{abs(auto['worse']):.2f}" in text and round(abs(auto["worse"]) * 4) == 1  # one in four
    assert "few would miss" not in text


def test_lesson_04_no_offers_only_items_in_the_quarters_plan():
    from pm_course.prioritization import quarter_candidates
    from pm_course.prioritization.questions import CAPACITY

    best = best_within_capacity(capacity_items(quarter_candidates(load("backlog"))), CAPACITY)["ids"]
    text = next("".join(c["source"]) for c in _lesson_04()[1:]  # the first section after the objectives and the opener
                if c["cell_type"] == "markdown" and not "".join(c["source"]).startswith("### Before you start"))
    assert "open-shifts board" not in text
    for item in ("B05", "B09"):
        assert f"({item})" in text and item in best
    assert "two engineers at a conference" not in " ".join("".join(c["source"]) for c in _lesson_04())
