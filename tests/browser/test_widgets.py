"""The widgets answer a learner's hands: change a control, the number, table or plot changes.

- every lesson (found by glob): every course widget can be reached and responds to its controls;
- the welcome notebook: lowering a skill with the keyboard changes the suggestion and the radar chart;
- the prioritization lesson: typing a new reach into the RICE table changes the score
  shown, the table row and the chart, by the RICE formula.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import REPO, lesson_notebooks
from .widgets import (
    controls_of,
    course_widgets,
    display_of,
    eventually,
    forget_saved,
    images,
    operate,
    wait_for_display_change,
)

pytestmark = pytest.mark.browser

LESSONS = lesson_notebooks()
PRIORITIZATION = REPO / "notebooks" / "04_prioritization.ipynb"


def run(notebook, lesson: Path):
    nb = notebook(f"notebooks/{lesson.name}")
    cells = nb.run_all()
    errors = [f"cell {c.index}: {e}" for c in cells for e in c.errors]
    assert not errors, f"{lesson.name}: " + "; ".join(errors)
    return nb


def test_welcome_skills_follow_the_sliders(notebook, page, lab):
    forget_saved(lab.home, "00_welcome")  # from the default ratings (3 everywhere), as a first visit
    nb = run(notebook, REPO / "notebooks" / "00_welcome.ipynb")
    widget = nb.panel.locator(".pm-skills").first
    widget.scroll_into_view_if_needed()
    advice = widget.locator(".pm-result")
    shape = widget.locator(".pm-chart svg polygon")  # the radar (SVG): its polygon is the ratings
    # all skills start at 3: the suggestion is the first three areas in course order
    assert text_of(advice.locator("li").first).startswith("The PM role")
    chart_before = shape.get_attribute("points")
    assert chart_before, "the radar chart is not shown"

    handle = widget.locator(".widget-slider", has_text="Leadership").locator(".noUi-handle")
    handle.focus()
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert handle.get_attribute("aria-valuenow").startswith("1")

    # Leadership, rated 1 now, comes first; the radar is redrawn
    eventually(lambda: text_of(advice.locator("li").first).startswith("Leadership"),
               what="Leadership to head the suggestion")
    eventually(lambda: shape.get_attribute("points") != chart_before, what="the radar chart to change")


def text_of(locator) -> str:
    """The element's text, whitespace collapsed (textContent: does not depend on the cell being on screen)."""
    return " ".join((locator.text_content() or "").split())


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def test_prioritization_rice_score_follows_typed_reach(notebook, page):
    if not PRIORITIZATION.exists():
        pytest.fail("notebooks/04_prioritization.ipynb is missing: the prioritization lesson is the reference module")
    from pm_course.data import load
    from pm_course.prioritization.frameworks import rice_score

    nb = run(notebook, PRIORITIZATION)
    widget = nb.panel.locator(".pm-rice").first
    widget.scroll_into_view_if_needed()
    result = widget.locator(".pm-result")
    m = re.search(r"^(\S+) scores ([\d,.]+) and ranks (\d+) of (\d+)", text_of(result))
    assert m, f"unexpected RICE result text: {text_of(result)!r}"
    item, score = m.group(1), _number(m.group(2))
    row = {b["id"]: b for b in load("backlog")}[item]
    assert score == pytest.approx(round(rice_score(row["reach"], row["impact"], row["confidence"], row["effort"])), abs=1)

    chart = widget.locator(".pm-chart")
    chart_before = images(chart)
    assert chart_before, "the RICE chart is not shown"
    reach = widget.locator(".widget-text", has_text="Reach").locator("input")
    new_reach = int(row["reach"]) * 3
    reach.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(str(new_reach))
    page.keyboard.press("Enter")

    expected = rice_score(new_reach, row["impact"], row["confidence"], row["effort"])
    eventually(lambda: f" scores {expected:,.0f} " in text_of(result),
               what=f"the score to become {expected:,.0f}")
    # the table's highlighted row shows the new reach and score
    selected = widget.locator(".pm-rice-table tr.pm-sel td")
    cells = [" ".join(t.split()) for t in selected.all_text_contents()]
    assert f"{new_reach:,}" in cells and f"{expected:,.0f}" in cells, cells
    # and the chart was redrawn
    eventually(lambda: images(chart) and images(chart) != chart_before, what="the RICE chart to change")


# JavaScript: the controls of a widget a person could be meant to use: every input, dropdown and button that is not
# inside a part the widget hides on purpose (display: none, e.g. a closed tab). A control drawn 0 px tall is kept:
# that is the defect this looks for (08's sorter rows once had offsetHeight 0).
_ALL_CONTROLS = r"""
(el, selectors) => {
  const out = [];
  for (const c of el.querySelectorAll(selectors.join(', '))) {
    if (c.checkVisibility && !c.checkVisibility()) continue;  // hidden on purpose (display: none above it)
    out.push(c);
  }
  return out.length;
}
"""


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_every_widget_of_each_lesson_can_be_reached_and_responds(lesson: Path, notebook, page, cpu_contention):
    """Every course widget of every lesson (each "Try it"), after Run All: each of its controls has a box a click
    lands on, and changing its controls one at a time, as a person would, changes what it shows. Beside busy
    loops (``cpu_contention``): a widget that follows a click only on an idle machine fails here."""
    from .widgets import CONTROLS, reachable

    nb = run(notebook, lesson)
    widgets = course_widgets(nb.panel)
    n = widgets.count()
    assert n > 0, f"{lesson.name} shows no course widget"
    unreachable, dead = [], []
    for i in range(n):
        widget = widgets.nth(i)
        widget.scroll_into_view_if_needed()
        selector = ", ".join(CONTROLS)
        count = widget.evaluate(_ALL_CONTROLS, list(CONTROLS))
        everything = widget.locator(selector)
        for j in range(min(everything.count(), 40)):
            control = everything.nth(j)
            if not control.evaluate("c => !c.checkVisibility || c.checkVisibility()"):
                continue
            m = reachable(control)
            if not m["ok"]:
                unreachable.append(f"widget {i + 1} control {j + 1}: {m}")
        if not count:
            continue  # a widget that only shows (no control): nothing to operate
        before = display_of(widget)
        if not before:
            continue  # no pm- display element to read (its output is elsewhere): reachability is what is checked
        tried = []
        for control in controls_of(widget):
            action = operate(page, control)
            if not action:
                continue
            tried.append(action)
            if wait_for_display_change(widget, before, timeout=30) != before:
                break
        else:
            dead.append(f"widget {i + 1} ({widget.get_attribute('class')}): {tried or 'no action'}")
    assert not unreachable, f"{lesson.name}: controls a click cannot land on: {unreachable[:5]}"
    assert not dead, f"{lesson.name}: widgets whose display did not change when operated: {dead}"
