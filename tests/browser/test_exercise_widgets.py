"""Every exercise question answered through a widget, played in JupyterLab as a learner plays it.

For each released exercise with a widget question (a question whose checker reads a widget's state,
``WidgetState``), the notebook is opened and run (Run > Run All Cells), the widget is operated by
clicking and typing only (sliders with the keyboard, dropdowns, checkboxes, buttons, text fields), and the
answer cell is run with the widget itself: the feedback must say "Correct". Where it is cheap, a wrong
state is checked first and must get "Not yet". Last, the "Reproduce this in code" line the widget shows is
pasted into the answer cell, as the exercise asks, and must pass too.

Each test runs beside busy loops (one per core, the ``cpu_contention`` fixture in conftest.py) so that a click the kernel
loses, or a code line or readout that lags behind the controls, fails here rather than for a learner.
PM_COURSE_BROWSER_BUSY sets the number of busy loops (0: none).

One kernel per notebook: each notebook's questions are played in one test.
"""

from __future__ import annotations

import re

import pytest

from .conftest import REPO
from .widgets import eventually, reachable

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("cpu_contention")]

#: Seconds to wait for a widget to follow a click (a kernel round trip under load).
FOLLOW = 90


def text_of(locator) -> str:
    return " ".join((locator.text_content() or "").split())


def open_exercise(notebook, module: str):
    """Open exercises/<module>/<module>_exercise.ipynb and Run All Cells; no cell may raise."""
    nb = notebook(f"exercises/{module}/{module}_exercise.ipynb")
    cells = nb.run_all()
    errors = [f"cell {c.index}: {e}" for c in cells for e in c.errors]
    assert not errors, f"{module}: " + "; ".join(errors)
    return nb


def check(nb, qid: str, answer: str, call: str = "check") -> str:
    """Type ``answer`` (lines that set ``answer_<qid>``) into the question's answer cell with its check, run it,
    and return the feedback's outcome ('passed' or 'failed') and text."""
    try:
        index = nb.code_cell_containing(f"{qid}.check(answer_{qid})")
    except AssertionError:  # an earlier call replaced it with a sealed verdict (the capstone in exam mode)
        index = nb.code_cell_containing(f"{qid}.verdict(answer_{qid})")
    ran = nb.replace_and_run(index, f"{answer}\n{qid}.{call}(answer_{qid})")
    assert not any(o["type"] == "error" for o in ran["outputs"]), ran["outputs"]
    feedback = nb.cell(index).locator(".jp-OutputArea .pm-feedback").first
    feedback.wait_for(state="attached")
    classes = feedback.get_attribute("class") or ""
    outcome = "passed" if "pm-passed" in classes else "failed" if "pm-failed" in classes else classes
    return f"{outcome}: {text_of(feedback)}"


def assert_passed(nb, qid: str, answer: str, call: str = "check") -> None:
    got = check(nb, qid, answer, call)
    assert got.startswith("passed: Correct"), f"{qid} with {answer!r}: {got}"


def assert_failed(nb, qid: str, answer: str, *expected: str, call: str = "check") -> None:
    got = check(nb, qid, answer, call)
    assert got.startswith("failed: Not yet"), f"{qid} with {answer!r} should fail: {got}"
    for part in expected:
        assert part in got, f"{qid}: expected {part!r} in the feedback: {got}"


def reproduce_line(widget, expect: str) -> str:
    """The line under "Reproduce this in code", once it contains ``expect``."""
    code = widget.locator(".pm-code pre").first
    return eventually(lambda: (lambda t: t if expect in t else "")(text_of(code)), timeout=FOLLOW,
                      what=f"the reproduce line to contain {expect!r}")


def click(control) -> None:
    m = reachable(control)
    assert m["ok"], f"a control a learner cannot reach: {m}"
    control.click()


def tick(box, on: bool = True) -> None:
    """Set a checkbox by clicking it (only if it is not already as wanted)."""
    if box.is_checked() != on:
        click(box)
    eventually(lambda: box.is_checked() == on, what="the checkbox to take the click")


def slide_to(page, handle, target: float, *, limit: int = 120) -> None:
    """Move a slider's handle to ``target`` with the arrow keys, one press at a time."""
    handle.scroll_into_view_if_needed()
    handle.focus()
    for _ in range(limit):
        now = float(handle.get_attribute("aria-valuenow"))
        if abs(now - target) < 1e-9:
            return
        page.keyboard.press("ArrowRight" if now < target else "ArrowLeft")
    raise AssertionError(f"the slider did not reach {target} (at {handle.get_attribute('aria-valuenow')})")


def type_into(page, field, value: str, then: str = "Tab") -> None:
    """Select all in a text or number field, type ``value`` (paste a long one), and leave it with ``then``."""
    field.scroll_into_view_if_needed()
    field.click()
    page.keyboard.press("ControlOrMeta+a")
    if len(value) > 24:
        field.fill(value)  # a sentence goes in at once, as a learner pastes it (typing it sends a message a key)
    else:
        page.keyboard.type(value)
    page.keyboard.press(then)


# ---------------------------------------------------------------- 01: the week planner (q9)

def test_01_week_planner_q9(notebook, page):
    from pm_course.role.questions import _PLAN

    nb = open_exercise(notebook, "01_pm_role")
    planner = nb.panel.locator(".pm-week-planner").first
    handles = {a: planner.locator(".widget-slider", has_text=a).locator(".noUi-handle") for a in _PLAN}
    # every activity in its range, but two hours too many: the total drifts to 42
    for activity, hours in _PLAN.items():
        slide_to(page, handles[activity], hours + (2 if activity == "admin" else 0))
    reproduce_line(planner, "'admin': 4.0")
    assert_failed(nb, "q9", "answer_q9 = week", "40")
    slide_to(page, handles["admin"], _PLAN["admin"])
    line = reproduce_line(planner, "'admin': 2.0")
    assert "42 hours" not in text_of(planner.locator(".pm-result"))
    assert_passed(nb, "q9", "answer_q9 = week")
    assert_passed(nb, "q9", f"{line}\nanswer_q9 = week")


# ---------------------------------------------------------------- 03: the OKR builder (q13)

def test_03_okr_builder_q13(notebook, page):
    from pm_course.data import load

    weekly = load("analytics")["weekly"]
    first, last = weekly[0], weekly[-1]
    krs = [
        ("Raise the share of shifts filled without manager calls from 42.8 % to 60 % by week 26",
         first["shifts_filled_without_manager_calls"], 0.6, last["shifts_filled_without_manager_calls"]),
        ("Raise the swaps completed per week from 604 to 1,200 by week 26",
         first["swaps_completed"], 1200, last["swaps_completed"]),
        ("Raise the sites that publish a rota each week from 659 to 1,100 by week 26",
         first["sites_with_published_rota"], 1100, last["sites_with_published_rota"]),
    ]
    nb = open_exercise(notebook, "03_vision_strategy_roadmap")
    nb.code_cell_containing("okr = OKRBuilder(")  # the exercise makes the builder the question names
    name = "okr"
    builder = nb.panel.locator(".pm-okr-builder").first
    type_into(page, builder.locator(".widget-text", has_text="Objective").locator("input"),
              "Cafés sort their shifts without the manager")
    rows = builder.locator(".widget-hbox:has(input[type=number])")
    for i, (text, baseline, target, actual) in enumerate(krs[:1]):
        row = rows.nth(i)
        type_into(page, row.locator("input[type=text]"), text)
        for field, number in zip(row.locator("input[type=number]").all(), (baseline, target, actual)):
            type_into(page, field, repr(float(number)))
    reproduce_line(builder, repr(float(krs[0][3])).rstrip("0").rstrip("."))
    assert_failed(nb, "q13", f"answer_q13 = {name}", "2 to 5")  # one key result is not enough
    for i, (text, baseline, target, actual) in enumerate(krs[1:], start=1):
        row = rows.nth(i)
        type_into(page, row.locator("input[type=text]"), text)
        for field, number in zip(row.locator("input[type=number]").all(), (baseline, target, actual)):
            type_into(page, field, repr(float(number)))
    line = reproduce_line(builder, f"{float(krs[-1][3]):g})")
    assert_passed(nb, "q13", f"answer_q13 = {name}")
    assert_passed(nb, "q13", f"{line}\nanswer_q13 = {name}")


# ---------------------------------------------------------------- 04 and 09: the capacity planner

def play_capacity_planner(nb, qid: str, best: list[str], wrong_first: str, call: str = "check") -> None:
    planner = nb.panel.locator(".pm-planner").first

    def box(item: str):
        return planner.locator(".widget-checkbox", has_text=re.compile(rf"\b{item} ")).locator("input")

    if wrong_first == "greedy":
        click(planner.locator("button", has_text="Greedy pick"))
        reproduce_line(planner, "planner.set(['")
    else:  # the best set but its last item: it fits, and is worth less
        for item in best[:-1]:
            tick(box(item))
        reproduce_line(planner, f"planner.set({sorted(best[:-1])!r})")
    assert_failed(nb, qid, f"answer_{qid} = planner", call=call)
    click(planner.locator("button", has_text="Clear"))
    reproduce_line(planner, "planner.set([])")
    for item in best:
        tick(box(item))
    line = reproduce_line(planner, f"planner.set({sorted(best)!r})")
    assert_passed(nb, qid, f"answer_{qid} = planner", call=call)
    assert_passed(nb, qid, f"{line}\nanswer_{qid} = planner", call=call)


def test_04_capacity_planner_q12(notebook, page):
    from pm_course.prioritization.questions import q12

    nb = open_exercise(notebook, "04_prioritization")
    play_capacity_planner(nb, "q12", list(q12.answer), wrong_first="greedy")  # greedy misses the best set


def test_09_capstone_capacity_planner_q12(notebook, page):
    from pm_course.capstone import exam
    from pm_course.prioritization import best_within_capacity

    student = "s1234"
    case = exam.case_for(student)
    best = best_within_capacity(case.capacity_items(), case.capacity)["ids"]
    nb = notebook("exercises/09_capstone/09_capstone_exercise.ipynb")
    nb.replace(nb.code_cell_containing("STUDENT_ID = ..."), f'STUDENT_ID = "{student}"\ncase = exam.use(STUDENT_ID)')
    cells = nb.run_all()
    assert not [e for c in cells for e in c.errors]
    # exam mode: a check records the answer and gives no verdict; the sealed verdict is read with q12.verdict
    play_capacity_planner(nb, "q12", best, wrong_first="fewer", call="verdict")
    got = check(nb, "q12", "answer_q12 = planner")
    assert "answer recorded" in got and "exam.submit()" in got, got


# ---------------------------------------------------------------- 05 and 08: the scenarios

def play_scenario(nb, widget, choices: list[str]) -> None:
    for n, key in enumerate(choices, start=1):
        click(widget.locator("button", has_text=re.compile(rf"^\s*Choose {key}\s*$")))
        reproduce_line(widget, f"play({choices[:n]!r})")


def test_05_scenario_q12(notebook, page):
    from pm_course.collaboration.questions import q12

    nb = open_exercise(notebook, "05_collaboration")
    scenario = nb.panel.locator(".pm-scenario").first
    assert_failed(nb, "q12", "answer_q12 = scenario")  # not played yet
    play_scenario(nb, scenario, q12.answer["choices"])
    eventually(lambda: "verdict strong" in text_of(scenario.locator(".pm-result")), timeout=FOLLOW,
               what="the strong ending")
    line = reproduce_line(scenario, "scenario.reset(seed=")
    assert_passed(nb, "q12", "answer_q12 = scenario")
    assert_passed(nb, "q12", f"{line}\nanswer_q12 = scenario")


# ---------------------------------------------------------------- 06: the launch planner (q12)

def test_06_launch_planner_q12(notebook, page):
    from pm_course.data_launch import CHECKLIST, launch_tier, required_items

    tier = launch_tier(1.0, True)
    nb = open_exercise(notebook, "06_data_launch")
    planner = nb.panel.locator(".pm-launch").first
    click(planner.locator(".widget-toggle-buttons button", has_text=f"Tier {tier}"))
    needed = required_items(tier)
    for key, (_fn, what, _) in CHECKLIST.items():
        tick(planner.locator(".widget-checkbox", has_text=what).locator("input"), on=key in needed[:-1])
    rollout = planner.locator(".widget-text", has_text="Rollout").locator("input")
    type_into(page, rollout, "5:7, 25:7, 50:7, 100:0", then="Enter")
    reproduce_line(planner, "(0.5, 7)")
    assert_failed(nb, "q12", "answer_q12 = launch")  # one required item not done
    tick(planner.locator(".widget-checkbox", has_text=CHECKLIST[needed[-1]][1]).locator("input"))
    line = reproduce_line(planner, repr(needed[-1]))
    assert_passed(nb, "q12", "answer_q12 = launch")
    assert_passed(nb, "q12", f"{line}\nanswer_q12 = launch")


# ---------------------------------------------------------------- 07: the assessment (q9) and the plan builder (q10)

def test_07_assessment_q9_and_plan_builder_q10(notebook, page):
    from pm_course.career.ladder import RUNGS
    from pm_course.career.questions import _Q10_GOAL, LEARNER, q9

    nb = open_exercise(notebook, "07_career")
    assessment = nb.panel.locator(".pm-assessment").first
    for area, rating in LEARNER.items():
        slide_to(page, assessment.locator(".widget-slider", has_text=area).locator(".noUi-handle"), rating)
    target = assessment.locator("select").first
    target.scroll_into_view_if_needed()
    target.select_option(label=RUNGS["principal"]["title"])
    reproduce_line(assessment, "'principal'")
    assert_failed(nb, "q9", "answer_q9 = assessment", "smaller total gap")
    target.select_option(label=RUNGS[q9.answer["target"]]["title"])
    line = reproduce_line(assessment, repr(q9.answer["target"]))
    assert_passed(nb, "q9", "answer_q9 = assessment")
    assert_passed(nb, "q9", f"{line}\nanswer_q9 = assessment")

    builder = nb.panel.locator(".pm-plan-builder").first
    area = _Q10_GOAL["area"]
    # a row for the gap (added by clicking if the builder opened without one), and no other row
    if not builder.locator(".widget-vbox > .widget-hbox", has_text=area).count():
        builder.locator("select").last.select_option(label=area)
        click(builder.locator("button", has_text="Add a goal"))
        eventually(lambda: builder.locator(".widget-vbox > .widget-hbox", has_text=area).count(), timeout=FOLLOW,
                   what=f"a row for {area}")
    while True:
        removes = builder.locator("button.pm-remove-goal:not([title$='" + area + "'])")
        if not removes.count():
            break
        n = removes.count()
        click(removes.first)
        eventually(lambda n=n: builder.locator("button.pm-remove-goal:not([title$='" + area + "'])").count() < n,
                   timeout=FOLLOW, what="the row to be removed")
    row = builder.locator(".widget-vbox", has=page.locator(".widget-hbox", has_text=area)).last
    type_into(page, row.locator(".widget-textarea", has_text="Goal").locator("textarea"), _Q10_GOAL["goal"])
    reproduce_line(builder, "builder.set(")
    type_into(page, row.locator(".widget-textarea", has_text="Metric").locator("textarea"), _Q10_GOAL["metric"])
    type_into(page, row.locator(".widget-text", has_text="Who helps").locator("input"), _Q10_GOAL["helpers"])
    line = reproduce_line(builder, _Q10_GOAL["helpers"])
    assert_passed(nb, "q10", "answer_q10 = builder")
    assert_passed(nb, "q10", f"{line}\nanswer_q10 = builder")


# ---------------------------------------------------------------- 08: the scenario (q10), the sorters (q11, q19)

def test_08_scenario_q10_sorter_q11_steps_q19(notebook, page):
    from pm_course.leading import ACTIONS
    from pm_course.leading.questions import q10
    from pm_course.leading.widgets import _STEP_OPTIONS

    from .test_lesson_08 import assert_every_row_reachable, sort_all_by_clicking

    nb = open_exercise(notebook, "08_leading")
    scenario = nb.panel.locator(".pm-leadership").first
    play_scenario(nb, scenario, ["b"])
    assert_failed(nb, "q10", "answer_q10 = scenario")  # not finished
    click(scenario.locator("button", has_text="Start again"))
    reproduce_line(scenario, "play([])")
    play_scenario(nb, scenario, q10.answer["choices"])
    line = reproduce_line(scenario, f"play({q10.answer['choices']!r})")
    assert_passed(nb, "q10", "answer_q10 = scenario")
    assert_passed(nb, "q10", f"{line}\nanswer_q10 = scenario")

    sorter = nb.panel.locator(".pm-sorter").first
    assert_every_row_reachable(sorter)
    sort_all_by_clicking(sorter)
    eventually(lambda: f"{len(ACTIONS)} of {len(ACTIONS)} in Kotter's activity" in text_of(sorter.locator(".pm-result")),
               timeout=FOLLOW, what="all actions sorted by clicking")
    line = reproduce_line(sorter, f"'{ACTIONS[-1]['id']}': ")
    assert_passed(nb, "q11", "answer_q11 = sorter")
    assert_passed(nb, "q11", f"{line}\nanswer_q11 = sorter")

    from pm_course.leading import CHANGE_ACTIONS

    labels = dict((n, label) for label, n in _STEP_OPTIONS)
    steps = nb.panel.locator(".pm-steps").first
    for a in CHANGE_ACTIONS:
        box = steps.locator(f".pm-step-{a['id']} select")
        box.scroll_into_view_if_needed()
        step = a["step"] if a is not CHANGE_ACTIONS[0] else CHANGE_ACTIONS[1]["step"]  # K01 one step off first
        box.select_option(label=labels[step])
    reproduce_line(steps, f"'{CHANGE_ACTIONS[-1]['id']}': ")
    assert_failed(nb, "q19", "answer_q19 = steps")
    steps.locator(f".pm-step-{CHANGE_ACTIONS[0]['id']} select").select_option(label=labels[CHANGE_ACTIONS[0]["step"]])
    line = reproduce_line(steps, f"'{CHANGE_ACTIONS[0]['id']}': {CHANGE_ACTIONS[0]['step']}")
    assert_passed(nb, "q19", "answer_q19 = steps")
    assert_passed(nb, "q19", f"{line}\nanswer_q19 = steps")


def test_every_widget_question_is_played_here():
    """The release's widget questions are the ones this module plays: a new one must be added here."""
    from pm_course.core import WidgetState
    from pm_course.course import questions

    played = {("01_pm_role", "q9"), ("03_vision_strategy_roadmap", "q13"), ("04_prioritization", "q12"),
              ("05_collaboration", "q12"), ("06_data_launch", "q12"), ("07_career", "q9"), ("07_career", "q10"),
              ("08_leading", "q10"), ("08_leading", "q11"), ("08_leading", "q19"), ("09_capstone", "q12")}
    released = {p.parent.name for p in REPO.glob("exercises/[0-9][0-9]_*/[0-9][0-9]_*_exercise.ipynb")}
    from pm_course.capstone.sealed import WidgetForm

    def reads_a_widget(q) -> bool:  # a module's question (its checker), or the capstone's sealed one (its form)
        return isinstance(getattr(q, "checker", None), WidgetState) or isinstance(getattr(q, "form", None), WidgetForm)

    found = {(q.module, q.id) for q in questions() if reads_a_widget(q) and q.module in released}
    assert found == played, f"widget questions not played: {sorted(found - played)}; gone: {sorted(played - found)}"
