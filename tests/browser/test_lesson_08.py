"""Lesson and exercise 08: the managing-or-leading sorter, as a learner uses it.

Sorting an action explains it and updates the score and chart; every dropdown can be seen and reached
(a non-zero box, in the viewport once scrolled to, hit by a click at its centre), so the lesson's sorter
and exercise Q11 can be done by clicking (played to a passing check in test_exercise_widgets.py)."""

from __future__ import annotations

import pytest

from .conftest import REPO
from .widgets import eventually, images, reachable

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


def assert_every_row_reachable(sorter) -> None:
    """Each of the twenty dropdowns has a box, shows in the viewport once scrolled to, and takes a click."""
    from pm_course.leading import ACTIONS

    hidden = {}
    for a in ACTIONS:
        m = reachable(sorter.locator(f".pm-sort-{a['id']} select"))
        if not m["ok"]:
            hidden[a["id"]] = m
    assert not hidden, f"{len(hidden)} of {len(ACTIONS)} dropdowns cannot be reached by a person: {hidden}"


def sort_all_by_clicking(sorter) -> None:
    """Pick Kotter's activity for every action, one dropdown at a time, as a learner does."""
    from pm_course.leading import ACTIONS

    for a in ACTIONS:
        box = sorter.locator(f".pm-sort-{a['id']} select")
        box.scroll_into_view_if_needed()
        box.focus()
        box.select_option(label=a["category"])


def test_the_lesson_sorter_can_be_done_by_clicking(notebook, page):
    nb = notebook(f"notebooks/{LESSON.name}")
    cells = nb.run_all()
    assert not [e for c in cells for e in c.errors]
    sorter = nb.panel.locator(".pm-sorter").first
    assert_every_row_reachable(sorter)
    sort_all_by_clicking(sorter)
    status = sorter.locator(".pm-result")
    eventually(lambda: "20 of 20 in Kotter's activity" in text_of(status), timeout=120, what="all twenty sorted by clicking")
