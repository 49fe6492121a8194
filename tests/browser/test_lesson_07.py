"""Lesson 07 in a real JupyterLab: the plan builder checks a goal as the learner types it.

A vague goal gets "Not yet" with what is missing; a SMART goal with a feedback-loop metric and
someone who helps turns the verdict to "SMART, with a feedback-loop metric" and counts as ready.
"""

from __future__ import annotations

import pytest

from .conftest import REPO
from .test_widgets import run, text_of
from .widgets import eventually

pytestmark = pytest.mark.browser

LESSON = REPO / "notebooks" / "07_career.ipynb"


def _type_into(page, field, words: str) -> None:
    field.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(words)
    page.keyboard.press("Tab")


def test_plan_builder_checks_a_goal_as_it_is_typed(notebook, page):
    nb = run(notebook, LESSON)
    builder = nb.panel.locator(".pm-plan-builder").first
    builder.scroll_into_view_if_needed()
    verdict = builder.locator(".pm-goal-status").first
    summary = builder.locator(".pm-plan-summary")
    assert "Write one goal for this gap" in text_of(verdict)
    assert text_of(summary).startswith("0 of")

    boxes = builder.locator(".widget-textarea textarea")
    goal, metric = boxes.nth(0), boxes.nth(1)
    helpers = builder.locator(".widget-text input").first

    _type_into(page, goal, "Get better at strategy.")
    eventually(lambda: "Not yet" in text_of(verdict) and "specific" in text_of(verdict),
               what="the vague goal to be refused with what is missing")

    _type_into(page, goal, "I will run 6 customer interviews with cafe owners by 28 February.")
    _type_into(page, metric, "6 interviews per quarter, the insights written up after each, "
                             "and the backlog decisions they led to")
    _type_into(page, helpers, "a senior PM from my network as mentor")
    eventually(lambda: "SMART, with a feedback-loop metric" in text_of(verdict),
               what="the goal to pass the SMART and feedback-loop checks")
    eventually(lambda: text_of(summary).startswith("1 of"), what="the summary to count one goal ready")
    assert "builder.set(" in text_of(builder.locator(".pm-code"))
