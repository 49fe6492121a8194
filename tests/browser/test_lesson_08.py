"""Lesson 08: sorting an action in the managing-or-leading sorter explains it and updates the score and chart."""

from __future__ import annotations

import pytest

from .conftest import REPO
from .widgets import eventually, images

pytestmark = pytest.mark.browser

LESSON = REPO / "notebooks" / "08_leading.ipynb"


def text_of(locator) -> str:
    return " ".join((locator.text_content() or "").split())


def test_sorting_an_action_explains_it_and_scores_it(notebook, page):
    from pm_course.leading import ACTIONS

    nb = notebook(f"notebooks/{LESSON.name}")
    cells = nb.run_all()
    errors = [f"cell {c.index}: {e}" for c in cells for e in c.errors]
    assert not errors, "; ".join(errors)
    sorter = nb.panel.locator(".pm-sorter").first
    sorter.scroll_into_view_if_needed()
    status = sorter.locator(".pm-result")
    chart = sorter.locator(".widget-output")
    # the lesson's code cell placed A01, A11 (both right) and A20 (wrong) after the widget was shown
    eventually(lambda: "2 of 20 in Kotter's activity" in text_of(status), what="the score set from code")
    chart_before = images(chart)
    assert chart_before, "the sorter's chart is not shown"

    a02 = next(a for a in ACTIONS if a["id"] == "A02")
    box = sorter.locator(".pm-sort-A02 select")
    box.scroll_into_view_if_needed()
    box.focus()
    box.select_option(label="setting a direction")  # wrong side: a release plan is managing
    note = sorter.locator(".pm-sort-A02").locator("xpath=..").locator(".pm-sort-note")
    eventually(lambda: "complexity" in text_of(note), what="the note asking which side")
    box.select_option(label=a02["category"])
    eventually(lambda: a02["why"][:30] in text_of(note), what="the explanation of A02")
    eventually(lambda: "3 of 20 in Kotter's activity" in text_of(status), what="the score to count A02")
    eventually(lambda: images(chart) and images(chart) != chart_before, what="the chart to change")
