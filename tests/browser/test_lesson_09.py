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

    # the lesson's launch plan misses part of the tier-2 checklist: re-save it as a complete tier-3 launch,
    # then press the tracker's Refresh button
    assert "tier-2 launch checklist" in text_of(status)
    index = nb.code_cell_containing('{step: len(v["problems"])')
    nb.replace_and_run(index, 'from pm_course.data_launch import required_items; save_step("launch", '
                              '{"experiment": experiment.value, "launch": {"tier": 3, "done": required_items(3), '
                              '"rollout": [[1.0, 0]]}})')
    assert "tier-2 launch checklist" in text_of(status)  # not redrawn until refreshed
    button = tracker.locator("button", has_text="Refresh")
    button.scroll_into_view_if_needed()
    button.click()
    eventually(lambda: "tier-2 launch checklist" not in text_of(status) and "6 of 6 steps saved" in text_of(status),
               what="the tracker to show the launch step without open points")
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
