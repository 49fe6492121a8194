"""Lesson 09: the capstone tracker follows a re-saved step when refreshed, and the portfolio opens with its plots."""

from __future__ import annotations

import pytest

from .conftest import REPO
from .widgets import eventually, images

pytestmark = pytest.mark.browser

LESSON = REPO / "notebooks" / "09_capstone.ipynb"


def text_of(locator) -> str:
    return " ".join((locator.text_content() or "").split())


def test_tracker_follows_a_resaved_step_and_the_portfolio_shows_its_plots(notebook, page, lab):
    nb = notebook(f"notebooks/{LESSON.name}")
    cells = nb.run_all()
    errors = [f"cell {c.index}: {e}" for c in cells for e in c.errors]
    assert not errors, "; ".join(errors)
    tracker = nb.panel.locator(".pm-capstone").first
    tracker.scroll_into_view_if_needed()
    status = tracker.locator(".pm-capstone-status")
    chart = tracker.locator(".pm-capstone-chart")
    # the lesson saved all six steps after the tracker was shown, then refreshed it from code
    eventually(lambda: "6 of 6 steps saved" in text_of(status), what="the tracker to count the saved steps")
    before = images(chart)
    assert before, "the tracker's chart is not shown"

    # re-save the launch step with an empty tier-1 checklist, then press the tracker's Refresh button
    index = nb.code_cell_containing('{step: len(v["problems"])')
    nb.replace_and_run(index, 'save_step("launch", {"experiment": experiment.value, '
                              '"launch": {"tier": 1, "done": [], "rollout": [[1.0, 0]]}})')
    assert "tier-1 launch checklist" not in text_of(status)
    button = tracker.locator("button", has_text="Refresh")
    button.scroll_into_view_if_needed()
    button.click()
    eventually(lambda: "tier-1 launch checklist" in text_of(status), what="the tracker to show the launch's open points")
    eventually(lambda: images(chart) and images(chart) != before, what="the tracker's chart to redraw")

    # the portfolio the lesson wrote is one self-contained file: it opens on its own, plots and alt text included
    portfolio = lab.root / "notebooks" / "shiftbrew_portfolio.html"
    assert portfolio.is_file()
    page.goto(portfolio.as_uri())
    page.wait_for_load_state("load")
    shown = page.locator("img").evaluate_all(
        "els => els.map(i => ({w: i.naturalWidth, alt: i.getAttribute('alt') || ''}))")
    assert len(shown) >= 4, shown
    assert all(s["w"] > 100 and len(s["alt"]) > 20 for s in shown), shown
    assert "Roadmap within capacity" in page.locator("body").inner_text()
