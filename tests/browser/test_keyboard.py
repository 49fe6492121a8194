"""Every widget of a lesson works from the keyboard: Tab reaches each of its controls, in order, and a key
press on a control (arrows on a slider or a dropdown, Space on a button or a checkbox) changes what the widget
shows. Dropdowns are opened with Alt+ArrowDown: JupyterLab takes a closed dropdown's plain arrow keys for its own shortcuts."""

from __future__ import annotations

import pytest

from .conftest import lesson_notebooks
from .widgets import course_widgets, display_of, wait_for_display_change

pytestmark = pytest.mark.browser

LESSONS = lesson_notebooks()

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
        return "ArrowUp Enter"  # a number box that updates on commit takes the new value at Enter
    if focused["tag"] in ("button",) or focused["type"] == "checkbox":
        return "Space"
    return ""  # text: typing is not an operation to check here


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_every_widget_of_a_lesson_is_reached_and_operated_with_the_keyboard(lesson, notebook, page):
    nb = notebook(f"notebooks/{lesson.name}")
    cells = nb.run_all()
    assert not [e for c in cells for e in c.errors]
    widgets = course_widgets(nb.panel)
    assert widgets.count() >= 1, "the lesson shows its widgets"
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
        order = ["ArrowRight", "ArrowLeft", "ArrowUp Enter", "Alt+ArrowDown ArrowDown Enter", "Space"]  # buttons last
        keyed = sorted((order.index(_key_for(f)), n) for n, f in enumerate(seen) if _key_for(f))
        if not keyed:  # text fields only: Tab reaches them (checked above) and typing is what operates them
            report.append((i, len(operable), "typing", "text", ""))
            continue
        # a key press on the controls a key changes, one at a time (at most six), until what the widget shows changes
        tried = []
        firsts = {}  # one control of each kind first (a sorter's twenty dropdowns must not hide its button)
        for rank, n in keyed:
            firsts.setdefault(rank, n)
        queue = list(firsts.values()) + [n for _, n in keyed if n not in firsts.values()]
        for target in queue[:6]:
            widget.evaluate("el => el.focus()")
            for _ in range(target + 1):
                page.keyboard.press("Tab")
            focused = widget.evaluate(_FOCUSED)
            assert focused is not None and focused["id"] == reached[target]
            before = display_of(widget)
            key = _key_for(focused)
            for k in key.split():
                page.keyboard.press(k)
            tried.append(f"{key} on {focused['tag']} {focused['text']!r}")
            if wait_for_display_change(widget, before, timeout=10) != before:
                report.append((i, len(operable), key, focused["tag"], focused["text"]))
                break
        else:  # some widgets answer only once text is typed (an OKR builder with no key result yet): type into
            # the first text field, from the keyboard, and look again
            texts = [n for n, f in enumerate(seen) if f["tag"] in ("input", "textarea") and not _key_for(f)
                     and f["type"] in ("", "text")]
            changed = False
            if texts:
                widget.evaluate("el => el.focus()")
                for _ in range(texts[0] + 1):
                    page.keyboard.press("Tab")
                before = display_of(widget)
                page.keyboard.type("Raise weekly active cafés from 40 to 60 by the end of the quarter")
                page.keyboard.press("Tab")
                tried.append("typing in the first text field, then Tab")
                changed = wait_for_display_change(widget, before, timeout=10) != before
            if not changed:
                pytest.fail(f"widget {i}: no key press changed what it shows ({'; '.join(tried)})")
            report.append((i, len(operable), "typing", "text", ""))
    assert report, f"{lesson.name}: no widget was operated from the keyboard"
