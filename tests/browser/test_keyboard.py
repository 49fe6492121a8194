"""Every widget of a lesson works from the keyboard: Tab reaches each of its controls, in order, and a key
press on a control (arrows on a slider or a dropdown, Space on a button or a checkbox) changes what the widget
shows. Dropdowns are opened with Alt+ArrowDown: JupyterLab takes a closed dropdown's plain arrow keys for its own shortcuts."""

from __future__ import annotations

import pytest

from .conftest import REPO
from .widgets import course_widgets, display_of, wait_for_display_change

pytestmark = pytest.mark.browser

LESSON = REPO / "notebooks" / "04_prioritization.ipynb"

# the controls a learner operates (what Tab must reach): visible and enabled
_CONTROLS = ("input:not([type=hidden]), select, textarea, button, .noUi-handle")

# JavaScript: a description of the focused element, or null when focus left `root`
_FOCUSED = """root => {
  const el = document.activeElement;
  if (!el || !root.contains(el)) return null;
  return {tag: el.tagName.toLowerCase(), type: el.getAttribute('type') || '', classes: el.className || '',
          id: [...root.querySelectorAll('*')].indexOf(el),
          max: el.getAttribute('aria-valuemax'), now: el.getAttribute('aria-valuenow'),
          text: (el.textContent || el.value || '').trim().slice(0, 40)};
}"""

_OPERABLE = """(root, selector) => [...root.querySelectorAll(selector)]
  .filter(el => !el.disabled && el.offsetParent !== null && el.tabIndex >= 0)
  .map(el => [...root.querySelectorAll('*')].indexOf(el))"""


def _key_for(focused: dict) -> str:
    """The key a keyboard user presses to change this control."""
    if "noUi-handle" in focused["classes"]:
        return "ArrowLeft" if focused["now"] == focused["max"] else "ArrowRight"
    if focused["tag"] == "select":
        # while a dropdown is closed JupyterLab's notebook shortcuts take its plain arrow keys (ArrowDown moves to
        # the next cell; a known ipywidgets limit): Alt+ArrowDown opens its list, where the arrows and Enter work
        return "Alt+ArrowDown ArrowDown Enter"
    if focused["tag"] == "input" and focused["type"] == "number":
        return "ArrowUp"
    if focused["tag"] in ("button",) or focused["type"] == "checkbox":
        return "Space"
    return ""  # text: typing is not an operation to check here


def test_every_widget_of_a_lesson_is_reached_and_operated_with_the_keyboard(notebook, page):
    nb = notebook(f"notebooks/{LESSON.name}")
    cells = nb.run_all()
    assert not [e for c in cells for e in c.errors]
    widgets = course_widgets(nb.panel)
    assert widgets.count() >= 3, "the lesson shows its widgets"
    report = []
    for i in range(widgets.count()):
        widget = widgets.nth(i)
        widget.scroll_into_view_if_needed()
        operable = set(widget.evaluate(_OPERABLE, _CONTROLS))
        if not operable:
            continue
        # Tab only, from the widget's root (focused, but not itself a stop in the tab order): every control
        widget.evaluate("el => { el.tabIndex = -1; el.focus(); }")
        reached, seen = [], []
        for _ in range(len(operable) + 10):
            page.keyboard.press("Tab")
            focused = widget.evaluate(_FOCUSED)
            if focused is None:
                break
            reached.append(focused["id"])
            seen.append(focused)
        missed = operable - set(reached)
        assert not missed, (f"widget {i}: {len(missed)} of {len(operable)} controls are not reached with Tab "
                            f"(reached: {[(f['tag'], f['text']) for f in seen]})")
        assert reached == sorted(reached), f"widget {i}: Tab goes through its controls out of order"
        # then a key press on the first control a key changes: what the widget shows changes
        order = ["ArrowRight", "ArrowLeft", "ArrowUp", "Alt+ArrowDown ArrowDown Enter", "Space"]  # buttons last
        keyed = sorted((order.index(_key_for(f)), n) for n, f in enumerate(seen) if _key_for(f))
        target = keyed[0][1] if keyed else None
        assert target is not None, f"widget {i}: no control that a key operates ({seen})"
        widget.evaluate("el => el.focus()")
        for _ in range(target + 1):
            page.keyboard.press("Tab")
        focused = widget.evaluate(_FOCUSED)
        assert focused is not None and focused["id"] == reached[target]
        before = display_of(widget)
        key = _key_for(focused)
        for k in key.split():
            page.keyboard.press(k)
        changed = wait_for_display_change(widget, before, timeout=15) != before
        report.append((i, len(operable), key, focused["tag"], focused["text"]))
        assert changed, f"widget {i}: {key} on {focused['tag']} {focused['text']!r} changed nothing it shows"
    assert len(report) >= 3, report
