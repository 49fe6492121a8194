"""Lesson 01 in a real JupyterLab: the life-cycle explorer reads Shiftbrew's data the way the lesson says.

Marking a stage with the toggle buttons shows the verdict next to the growth rate computed from
the weekly analytics; switching the metric to active staff redraws the chart with that metric's rate.
"""

from __future__ import annotations

import pytest

from .conftest import REPO
from .widgets import eventually, images

pytestmark = pytest.mark.browser

LESSON = REPO / "notebooks" / "01_pm_role.ipynb"


def text_of(locator) -> str:
    return " ".join((locator.text_content() or "").split())


def test_lifecycle_explorer_marks_the_stage_and_follows_the_metric(notebook, page):
    from pm_course.data import load
    from pm_course.role import compound_growth_rate, lifecycle_stage, series

    weekly = load("analytics")["weekly"]
    sites = series(weekly, "sites_with_published_rota")
    staff = series(weekly, "staff_weekly_active")

    nb = notebook(f"notebooks/{LESSON.name}")
    cells = nb.run_all()
    errors = [f"cell {c.index}: {e}" for c in cells for e in c.errors]
    assert not errors, "; ".join(errors)

    widget = nb.panel.locator(".pm-lifecycle").first
    widget.scroll_into_view_if_needed()
    result = widget.locator(".pm-result")
    chart = widget.locator(".pm-chart")
    assert f"Compound growth {compound_growth_rate(sites):.2%} a week" in text_of(result), text_of(result)
    assert "Mark the stage you see" in text_of(result)
    eventually(lambda: images(chart), what="the life-cycle chart to be drawn")
    chart_before = images(chart)

    stage = lifecycle_stage(sites)["stage"]
    widget.locator(".widget-toggle-buttons button", has_text=stage).click()
    eventually(lambda: f"You marked {stage}" in text_of(result), what=f"the verdict for {stage!r}")
    assert f"rule of thumb says {stage}" in text_of(result)

    assert f"{compound_growth_rate(staff):.2%}" != f"{compound_growth_rate(sites):.2%}"
    widget.locator("select").select_option("staff active in the week")
    eventually(lambda: f"Compound growth {compound_growth_rate(staff):.2%} a week" in text_of(result),
               what="the growth rate of staff active in the week")
    eventually(lambda: images(chart) and images(chart) != chart_before, what="the chart to be redrawn")


def test_risk_board_checks_the_values_just_chosen(notebook, page):
    """"Check the board" right after a dropdown change judges the board with that change, and a second
    click (a learner who thinks the first was lost) never takes the verdict away."""
    from pm_course.role import FIND_COVER_ASSUMPTIONS

    nb = notebook(f"notebooks/{LESSON.name}")
    cells = nb.run_all()
    assert not [e for c in cells for e in c.errors]
    board = nb.panel.locator(".pm-risk-board").first
    board.scroll_into_view_if_needed()
    result = board.locator(".pm-result")
    check = board.locator("button", has_text="Check the board")
    ids = list(FIND_COVER_ASSUMPTIONS)
    placed = 0
    for k in ids[:3]:
        box = board.locator("select").nth(ids.index(k))
        box.select_option(label=FIND_COVER_ASSUMPTIONS[k]["risk"])
        placed += 1
        check.click()  # at once: no wait for the kernel
        check.click()  # and again, as a learner does when nothing seems to happen
        eventually(lambda n=placed: f"{n} of {len(ids)} placed right" in text_of(result)
                   and f"({n} placed)" in text_of(result), timeout=60,
                   what=f"the verdict on the board with {placed} placed")


def test_week_planner_follows_quick_slider_moves(notebook, page):
    """Six quick key presses on a slider: the code line and the table end on the value the slider shows,
    the chart says it is updating until it is drawn once more, and nothing is left out of date."""
    nb = notebook("exercises/01_pm_role/01_pm_role_exercise.ipynb")
    cells = nb.run_all()
    assert not [e for c in cells for e in c.errors]
    planner = nb.panel.locator(".pm-week-planner").first
    handle = planner.locator(".noUi-handle").first
    handle.scroll_into_view_if_needed()
    activity = text_of(planner.locator(".widget-slider .widget-label").first)
    handle.focus()
    for _ in range(6):
        page.keyboard.press("ArrowRight")
    shown = float(handle.get_attribute("aria-valuenow"))
    hours = f"{shown:,.2f}".rstrip("0").rstrip(".")
    code = planner.locator(".pm-code")
    eventually(lambda: f"'{activity}': {shown!r}" in text_of(code), timeout=60,
               what=f"the code line to say {activity} {shown}")
    row = planner.locator(".pm-week-table tr", has_text=activity).first
    eventually(lambda: text_of(row.locator("td").nth(1)) == hours, timeout=60, what="the table's hours")
    chart = planner.locator(".pm-chart")
    eventually(lambda: "updating the chart" not in text_of(chart) and images(chart), timeout=60,
               what="the chart drawn for the last move")
    nb.wait_kernel_idle(60)
    assert f"'{activity}': {shown!r}" in text_of(code) and text_of(row.locator("td").nth(1)) == hours
    # a second, single move later on: the chart is drawn again (not left saying it is updating)
    before = images(chart)
    handle.focus()
    page.keyboard.press("ArrowLeft")
    eventually(lambda: "updating the chart" not in text_of(chart) and images(chart) and images(chart) != before,
               timeout=60, what="the chart drawn again after a single move")
