"""Lesson 06 in a real JupyterLab: the A/B test planner answers a learner's hands.

Choosing a higher power in the planner's dropdown changes the users per arm and the days shown, by the
sample-size formula, and redraws the chart.
"""

from __future__ import annotations

import pytest

from .conftest import REPO
from .widgets import eventually, images

pytestmark = pytest.mark.browser

LESSON = REPO / "notebooks" / "06_data_launch.ipynb"


def _text(locator) -> str:
    return " ".join((locator.text_content() or "").split())


def test_data_launch_planner_follows_the_power_dropdown(notebook, page):
    if not LESSON.exists():
        pytest.fail("notebooks/06_data_launch.ipynb is missing")
    from pm_course.core.validate import InputError
    from pm_course.data import load
    from pm_course.data_launch import days_needed, sample_size_per_arm

    nb = notebook(f"notebooks/{LESSON.name}")
    cells = nb.run_all()
    errors = [f"cell {c.index}: {e}" for c in cells for e in c.errors]
    assert not errors, "; ".join(errors)

    exp1 = load("experiment")["experiments"][0]
    traffic = load("experiment")["eligible_staff_per_day"]
    staff = load("experiment")["eligible_staff"]
    widget = nb.panel.locator(".pm-ab-planner").first
    widget.scroll_into_view_if_needed()
    result = widget.locator(".pm-result")
    before = sample_size_per_arm(exp1["baseline"], exp1["minimum_detectable_effect"], 0.05, 0.8)
    eventually(lambda: f"{before:,} users per arm" in _text(result), what=f"the planner to show {before:,} per arm")
    chart = widget.locator(".pm-chart")
    chart_before = images(chart)
    assert chart_before, "the planner's chart is not shown"

    power = widget.locator(".widget-dropdown", has_text="Power").locator("select")
    power.focus()
    power.select_option(label="0.9")

    n = sample_size_per_arm(exp1["baseline"], exp1["minimum_detectable_effect"], 0.05, 0.9)
    try:
        when = f"{days_needed(n, traffic, population=staff)} days"
    except InputError:   # more users than the eligible staff: the planner says it can never finish
        when = "never reached"
    eventually(lambda: f"{n:,} users per arm" in _text(result) and when in _text(result),
               what=f"{n:,} users per arm and {when}")
    eventually(lambda: images(chart) and images(chart) != chart_before, what="the planner's chart to change")
