"""Every lesson, opened and run in a real JupyterLab: no errors, every widget displayed.

The lessons are found by glob, so a new ``notebooks/NN_*.ipynb`` joins without new
code. With ``PM_COURSE_SCREENSHOTS=<folder>`` (``make screenshots``) each run also
saves what the learner sees, one PNG per lesson.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import REPO, lesson_notebooks
from .widgets import WIDGET_ROOT

pytestmark = pytest.mark.browser

LESSONS = lesson_notebooks()
SCREENSHOTS = os.environ.get("PM_COURSE_SCREENSHOTS")


def test_the_course_has_its_welcome_notebook():
    assert REPO / "notebooks" / "00_welcome.ipynb" in LESSONS


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_runs_clean_in_jupyterlab(lesson: Path, notebook, page):
    nb = notebook(f"notebooks/{lesson.name}")
    cells = nb.run_all()
    assert cells, f"{lesson.name} has no code cells"

    errors = [f"cell {c.index}: {e}" for c in cells for e in c.errors]
    if errors:
        nb.show_cell(next(c.index for c in cells if c.errors))  # the failure screenshot shows it
    assert not errors, f"{lesson.name} shows errors after Run All:\n" + "\n".join(errors)

    not_run = [c.index for c in cells if c.source.strip() and c.count is None]
    assert not not_run, f"{lesson.name}: code cells {not_run} did not run"

    trouble = nb.widget_trouble()
    assert not trouble.get("errors"), f"{lesson.name}: {trouble['errors']}"
    assert not trouble.get("loading"), f"{lesson.name}: {trouble['loading']} widget(s) still loading"

    if SCREENSHOTS:
        save_screenshot(nb, Path(SCREENSHOTS) / f"{lesson.stem}.png")


def save_screenshot(nb, target: Path) -> None:
    """The lesson's first widget (or its top), without the file browser, as a learner sees it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    page = nb.page
    if page.locator("#jp-left-stack:visible").count():
        page.keyboard.press("ControlOrMeta+b")  # View > Show Left Sidebar (off)
    page.mouse.move(0, 0)
    widget = nb.panel.locator(WIDGET_ROOT)
    if widget.count():
        # repeated: cells above lay out as they come into view (content-visibility) and shift the page
        for _ in range(3):
            widget.first.evaluate(
                "el => { el.scrollIntoView({block: 'start'});"
                " const outer = el.closest('.jp-WindowedPanel-outer'); if (outer) outer.scrollBy(0, -48); }")
            page.wait_for_timeout(700)
    nb.screenshot(target)
