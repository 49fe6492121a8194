"""Lesson 09: the capstone's steps render; untouched steps are refused; a step written in the form by clicking is
saved, the tracker follows it when refreshed, and the portfolio opens listing each step as the learner's or missing."""

from __future__ import annotations

import pytest

from .conftest import REPO
from .widgets import eventually, forget_saved, images

pytestmark = pytest.mark.browser

LESSON = REPO / "notebooks" / "09_capstone.ipynb"

MEMO = {
    "decision": "Which item fills the second half of the quarter, decided by the product trio.",
    "options": "Payroll export B01; Shift reminders B05; Do nothing",
    "evidence": "Snippets S03 and S07 show owners re-typing hours; B01 reaches 900 sites.",
    "recommendation": "Build B01 first: it reaches the most sites for its effort and support asked for it twice.",
    "risks": "Providers change their CSV formats without notice.",
    "success_metric": "Payroll corrections fall from 40 to 10 a month by June.",
}


def text_of(locator) -> str:
    return " ".join((locator.text_content() or "").split())


def test_untouched_steps_are_refused_and_a_memo_written_by_clicking_is_saved(notebook, page, lab):
    from pm_course.capstone.steps import STEPS

    forget_saved(lab.home, "09_capstone", STEPS)  # no saved step, as a learner new to the capstone
    nb = notebook(f"notebooks/{LESSON.name}")
    cells = nb.run_all()
    errors = [f"cell {c.index}: {e}" for c in cells for e in c.errors]
    assert not errors, "; ".join(errors)
    # nothing was filled from code: every save in the lesson was refused, and said what to change
    tracker = nb.panel.locator(".pm-capstone").first
    tracker.scroll_into_view_if_needed()
    status = tracker.locator(".pm-capstone-status")
    chart = tracker.locator(".pm-capstone-chart")
    eventually(lambda: "0 of 12 steps saved as your own work" in text_of(status), what="the tracker to count 0")
    before = images(chart)
    assert before, "the tracker's chart is not shown"

    forms = nb.panel.locator(".pm-step-form")
    eventually(lambda: forms.count() == 5, what="the five step forms to render")
    memo = forms.filter(has_text="Decision memo").first
    memo.scroll_into_view_if_needed()
    save = memo.locator("button", has_text="Save this step")
    save.click()
    result = memo.locator(".pm-result")
    eventually(lambda: "Not saved" in text_of(result) and "untouched" in text_of(result),
               what="the untouched memo to be refused with what to write")
    for field, words in MEMO.items():
        box = memo.locator(f".pm-field-{field} textarea")
        box.scroll_into_view_if_needed()
        box.fill(words)
    save.click()
    eventually(lambda: "Saved as your own work" in text_of(result), what="the memo to be saved")

    button = tracker.locator("button", has_text="Refresh")
    button.scroll_into_view_if_needed()
    button.click()
    eventually(lambda: "1 of 12 steps saved as your own work" in text_of(status),
               what="the tracker to count the memo")
    eventually(lambda: images(chart) and images(chart) != before, what="the tracker's chart to redraw")

    # the portfolio: written by the lesson's cell now that a step is saved; it lists every step
    index = nb.code_cell_containing("capstone.portfolio(")
    nb.replace_and_run(index, 'paths = capstone.portfolio("shiftbrew_portfolio.html", name="capstone draft")')
    portfolio = lab.root / "notebooks" / "shiftbrew_portfolio.html"
    assert portfolio.is_file()
    page.goto(portfolio.as_uri())
    page.wait_for_load_state("load")
    body = page.locator("body").inner_text()
    assert "1 of 12 steps shown" in body and "Decision memo" in body and MEMO["recommendation"] in body
    assert body.count("Not done yet.") == 11
