"""Reading and using the course's widgets in the page, the way a learner does.

The course's widgets give their display elements CSS classes starting with
``pm-`` (``pm-result``, ``pm-chart``, ``pm-rice-table`` ...). What a widget
*displays* is read from those elements (text, table cells, plot images); what
merely echoes a control (``pm-code``, the line of code that repeats the
learner's settings) is left out, so a change counts only when the widget
computed something new.
"""

from __future__ import annotations

import hashlib
import time

from playwright.sync_api import Locator, Page

# the root view of each displayed widget (the output node itself is the widget renderer)
WIDGET_ROOT = ".jp-OutputArea-output > .jupyter-widgets"
COURSE_WIDGET_ROOT = '.jp-OutputArea-output > .jupyter-widgets:is([class*="pm-"], :has([class*="pm-"]))'
ECHOES = ("pm-code",)
CONTROLS = (
    ".noUi-handle",  # sliders (keyboard)
    "select",  # dropdowns
    ".widget-toggle-buttons button:not(.mod-active)",
    ".widget-checkbox input[type=checkbox]",
    "input[type=number]",
    "button.widget-button",
    ".widget-text input[type=text], .widget-textarea textarea",
)

_DISPLAY = r"""
(root, echoes) => {
  const out = [];
  const isPm = el => [...el.classList].some(c => c.startsWith('pm-'));
  for (const el of root.querySelectorAll('[class*="pm-"]')) {
    const classes = [...el.classList].filter(c => c.startsWith('pm-'));
    if (!classes.length || classes.some(c => echoes.includes(c))) continue;
    // containers of controls (the widget's outer box) are not displays
    if (el.querySelector('input, select, textarea, button, .noUi-handle')) continue;
    const imgs = [...el.querySelectorAll('img')].map(i => i.getAttribute('src') || '');
    const svgs = [...el.querySelectorAll('svg')].map(s => s.outerHTML);
    out.push({classes: classes.join(' '), text: el.textContent.replace(/\s+/g, ' ').trim(), images: imgs.concat(svgs)});
  }
  return out;
}
"""


def display_of(widget: Locator) -> list[dict]:
    """What the widget shows: one entry per ``pm-`` display element (text and plot images)."""
    entries = widget.evaluate(_DISPLAY, list(ECHOES))
    for e in entries:  # plot images are long data URLs: keep a fingerprint
        e["images"] = [hashlib.sha1(src.encode()).hexdigest()[:12] for src in e["images"]]
    return entries


def wait_for_display_change(widget: Locator, before: list[dict], timeout: float = 15) -> list[dict]:
    """Poll until what the widget shows differs from ``before``; returns the new display."""
    end = time.monotonic() + timeout
    now = before
    while time.monotonic() < end:
        now = display_of(widget)
        if now != before:
            time.sleep(0.3)  # let the rest of the redraw land
            return display_of(widget)
        time.sleep(0.2)
    return now


def eventually(probe, timeout: float = 15, what: str = "the display to change"):
    """Poll ``probe()`` until it returns something truthy; fail with ``what`` after ``timeout`` s."""
    end = time.monotonic() + timeout
    last = None
    while time.monotonic() < end:
        last = probe()
        if last:
            return last
        time.sleep(0.2)
    raise AssertionError(f"waited {timeout:.0f} s for {what}; last seen: {last!r}")


def images(locator: Locator) -> list[str]:
    """Fingerprints of the plot images under ``locator`` (re-read each call: redraws replace them)."""
    srcs = locator.evaluate_all("els => els.flatMap(e => [...e.querySelectorAll('img')].map(i => i.src))")
    return [hashlib.sha1(s.encode()).hexdigest()[:12] for s in srcs]


def course_widgets(panel: Locator) -> Locator:
    """Widget outputs that show at least one ``pm-`` display element."""
    return panel.locator(COURSE_WIDGET_ROOT)


def operate(page: Page, control: Locator) -> str:
    """Change one control as a person would (keyboard or mouse); returns what was done."""
    control.scroll_into_view_if_needed()
    tag = control.evaluate("el => el.tagName.toLowerCase()")
    classes = control.get_attribute("class") or ""
    if "noUi-handle" in classes:
        now = float(control.get_attribute("aria-valuenow") or 0)
        top = float(control.get_attribute("aria-valuemax") or 0)
        key = "ArrowLeft" if now >= top else "ArrowRight"
        control.focus()
        page.keyboard.press(key)
        return f"slider {key}"
    if tag == "select":
        options = control.locator("option")
        n = options.count()
        current = control.evaluate("el => el.selectedIndex")
        if n < 2:
            return ""
        choice = (current + 1) % n
        control.focus()
        control.select_option(index=choice)
        return f"dropdown option {choice}"
    if tag == "input" and control.get_attribute("type") == "number":
        control.click()
        page.keyboard.press("ArrowUp")
        page.keyboard.press("Enter")
        return "number ArrowUp"
    if tag == "input" and control.get_attribute("type") == "checkbox":
        control.click()
        return "checkbox click"
    if tag in ("input", "textarea"):
        # empty the field if it has text (a widget must notice a missing answer), else type one
        control.click()
        page.keyboard.press("ControlOrMeta+a")
        if control.input_value():
            page.keyboard.press("Delete")
            action = "cleared text"
        else:
            page.keyboard.type("Cafe owners in small towns who plan shifts by hand")
            action = "typed text"
        page.keyboard.press("Enter" if tag == "input" else "Tab")
        return action
    control.click()
    return "button click"


def controls_of(widget: Locator) -> list[Locator]:
    found = []
    for selector in CONTROLS:
        loc = widget.locator(selector)
        for i in range(min(loc.count(), 3)):
            item = loc.nth(i)
            if item.is_visible() and item.is_enabled():
                found.append(item)
    return found


# JavaScript: is the element really there for a person? A non-zero box, inside the viewport, and the
# element itself (not an ancestor that clips it to nothing) is what a click at its centre would hit.
_REACHABLE = r"""
el => {
  const r = el.getBoundingClientRect();
  const w = window.innerWidth, h = window.innerHeight;
  const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
  const hit = (r.width > 0 && r.height > 0) ? document.elementFromPoint(cx, cy) : null;
  return {
    width: r.width, height: r.height, top: Math.round(r.top), left: Math.round(r.left), offsetHeight: el.offsetHeight,
    inViewport: r.width > 0 && r.height > 0 && cx >= 0 && cy >= 0 && cx <= w && cy <= h,
    hitsItself: !!hit && (hit === el || el.contains(hit)),
    hit: hit ? hit.tagName + '.' + String(hit.className).slice(0, 60) : null,
  };
}
"""


def reachable(control: Locator) -> dict:
    """Scroll ``control`` into view as a person would, then measure it (see :data:`_REACHABLE`).

    ``ok`` is True when it has a non-zero box, its centre is inside the viewport, and a click at its
    centre lands on it (an ancestor with ``overflow`` and no height would swallow the click).
    """
    m: dict = {}
    for _attempt in range(3):  # JupyterLab may still be scrolling to the cell it last ran: scroll again
        control.scroll_into_view_if_needed()
        control.evaluate("el => el.scrollIntoView({block: 'center'})")
        m = control.evaluate(_REACHABLE)
        for _ in range(30):  # a scroll may be animated: measure once the element has stopped moving
            time.sleep(0.1)
            again = control.evaluate(_REACHABLE)
            if again == m:
                break
            m = again
        m["ok"] = bool(m["offsetHeight"] > 0 and m["inViewport"] and m["hitsItself"])
        if m["ok"]:
            break
    return m


def forget_saved(home, module: str, keys=None) -> None:
    """Remove what the browser tests' shared progress home keeps for ``module`` (only ``keys``, if given), so a
    test starts as a learner new to it would: other tests save their widgets' state in the same home."""
    import sqlite3

    db = home / "progress.sqlite3"
    if not db.exists():
        return
    with sqlite3.connect(db) as conn:
        if keys is None:
            conn.execute("DELETE FROM artifacts WHERE module = ?", (module,))
        else:
            conn.executemany("DELETE FROM artifacts WHERE module = ? AND key = ?", [(module, k) for k in keys])
