"""The one widget base and the shared look of the course's widgets and plots.

Nothing here imports ipywidgets or matplotlib at import time: the HTML helpers
are plain strings, and matplotlib is imported only when a figure is made.

Every widget of the course is a subclass of :class:`Widget` and follows one
naming convention (docs/authoring.md, "Widgets"):

==================  ===============================================================
``.widget``         the ipywidgets container that is displayed
``.value``          the state as plain data (dicts, lists, numbers, text); read-only
``.set(...)``       the one way to change the state from code (validated, teaching
                    messages); ``.value`` never has a setter
``.code()``         the one line of code that reproduces the current state, or ``""``
``.plot()``         a new matplotlib Figure of the current state (not shown); widgets
                    with a chart draw it into ``.chart``, an ``ipywidgets.Output``
``.quiet()``        a context in which control changes do not trigger redraws
``.refresh()``      redraw everything from the state
``name``            the variable name used in the reproduce-from-code line
==================  ===============================================================

Colours are the Okabe-Ito palette, safe for the common forms of colour
blindness; never let colour be the only cue (add labels, hatches or markers).
"""

from __future__ import annotations

import html
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator, Sequence

__all__ = [
    "PALETTE",
    "CATEGORY",
    "Widget",
    "figure",
    "show_in",
    "code_box",
    "table",
    "status_box",
    "esc",
]

PALETTE = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
    "black": "#000000",
}
# One colour per recurring meaning across the course.
CATEGORY = {
    "good": PALETTE["green"],
    "bad": PALETTE["vermillion"],
    "neutral": PALETTE["grey"],
    "highlight": PALETTE["blue"],
    "secondary": PALETTE["sky"],
    "warning": PALETTE["orange"],
}


def esc(value: Any) -> str:
    """HTML-escape ``str(value)``."""
    return html.escape(str(value))


# ---------------------------------------------------------------- plots


def figure(width: float = 7.0, height: float = 4.0, **kwargs: Any):
    """A new matplotlib figure and axes in the course style (returns ``fig, ax``)."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(width, height), layout="constrained", **kwargs)
    axes = ax.flat if hasattr(ax, "flat") else [ax]
    for a in axes:
        a.spines[["top", "right"]].set_visible(False)
        a.grid(axis="both", alpha=0.25)
    return fig, ax


def show_in(output, fig) -> None:
    """Show ``fig`` in an ipywidgets Output (replacing what was there) and close it, so it is not shown twice."""
    import matplotlib.pyplot as plt
    from IPython.display import display

    with output:
        output.clear_output(wait=True)
        display(fig)
    plt.close(fig)


# ---------------------------------------------------------------- HTML pieces


def code_box(line: str, intro: str = "Reproduce this in code:") -> str:
    """The "reproduce this state from code" box every settable widget shows under its controls."""
    if not line:
        return ""
    return (
        f"<div class='pm-code-line' style='opacity:.85;font-size:92%'>{esc(intro)}"
        f"<pre style='white-space:pre-wrap;margin:.2em 0'>{esc(line)}</pre></div>"
    )


_TABLE_CSS = (
    "<style>.pm-table{border-collapse:collapse;font-size:13px}"
    ".pm-table th,.pm-table td{padding:2px 8px;border-bottom:1px solid #ddd;text-align:right}"
    ".pm-table td.l,.pm-table th.l{text-align:left}"
    ".pm-table tr.pm-sel td{font-weight:bold;background:rgba(0,114,178,.12)}</style>"
)


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    left: Iterable[int] = (0,),
    selected: Callable[[int, Sequence[Any]], bool] | None = None,
    caption: str = "",
    css_class: str = "",
) -> str:
    """An HTML table in the course style. Cells are escaped; columns in ``left`` are left-aligned.

    ``selected(i, row)`` marks rows to highlight (bold, tinted; never colour alone).
    """
    left = set(left)

    def cell(tag: str, j: int, v: Any) -> str:
        cls = " class='l'" if j in left else ""
        text = f"{v:,.2f}".rstrip("0").rstrip(".") if isinstance(v, float) else esc(v)
        return f"<{tag}{cls}>{text}</{tag}>"

    head = "".join(cell("th", j, h) for j, h in enumerate(headers))
    body = []
    for i, row in enumerate(rows):
        sel = " class='pm-sel'" if selected is not None and selected(i, row) else ""
        body.append(f"<tr{sel}>" + "".join(cell("td", j, v) for j, v in enumerate(row)) + "</tr>")
    cap = f"<caption style='text-align:left'>{esc(caption)}</caption>" if caption else ""
    extra = f" {esc(css_class)}" if css_class else ""
    return f"{_TABLE_CSS}<table class='pm-table{extra}'>{cap}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def status_box(ok: bool | None, title: str, items: Iterable[str] = (), detail: str = "") -> str:
    """A verdict line (with a text label, so colour is never the only cue) and a list of what to fix.

    ``ok`` True: good; False: not yet; None: neutral (nothing to judge yet).
    """
    colour = CATEGORY["neutral"] if ok is None else CATEGORY["good"] if ok else CATEGORY["bad"]
    label = "" if ok is None else ("&#10003; " if ok else "&#10007; ")
    lis = "".join(f"<li>{esc(i)}</li>" for i in items)
    more = f" <span style='opacity:.8'>{esc(detail)}</span>" if detail else ""
    return (
        f"<div class='pm-status' role='status'><b style='color:{colour}'>{label}{esc(title)}</b>{more}"
        f"{'<ul style=margin:.2em 0 0 1.2em>' + lis + '</ul>' if lis else ''}</div>"
    )


# ---------------------------------------------------------------- the base


class Widget:
    """The base of every course widget: a thin layer over pure logic, with its state as plain data.

    A subclass builds its controls, sets ``self.widget`` (an ipywidgets
    container), implements :attr:`value`, and, if the state can be set from
    code, :meth:`set` and :meth:`code`. Control handlers are registered with
    :meth:`on_change`, so they are skipped inside :meth:`quiet`; the
    subclass's :meth:`refresh` redraws from the state.

    >>> class Counter(Widget):
    ...     def __init__(self, name="counter"):
    ...         super().__init__(name)
    ...         self.n = 0
    ...     @property
    ...     def value(self):
    ...         return {"n": self.n}
    ...     def set(self, n):
    ...         self.n = n
    ...         self.refresh()
    ...     def code(self):
    ...         return f"{self.name}.set({self.n!r})"
    >>> c = Counter()
    >>> c.set(3)
    >>> c.value, c.code()
    ({'n': 3}, 'counter.set(3)')
    """

    widget: Any = None

    def __init__(self, name: str = "widget") -> None:
        from .core.validate import text

        self.name = text("name", name)
        self._quiet = 0

    # -- state

    @property
    def value(self) -> Any:  # pragma: no cover - every subclass defines it
        raise NotImplementedError(f"{type(self).__name__} must define .value")

    def set(self, *args: Any, **kwargs: Any) -> None:
        """Change the state from code (subclasses that can be set override this)."""
        raise NotImplementedError(f"{type(self).__name__} cannot be set from code")

    def code(self) -> str:
        """One line of code that reproduces the current state ("" when there is nothing to reproduce)."""
        return ""

    def plot(self):
        """A new matplotlib Figure of the current state (subclasses with a chart override this)."""
        raise NotImplementedError(f"{type(self).__name__} has no plot")

    def refresh(self) -> None:
        """Redraw from the state (subclasses override)."""

    # -- updates

    @contextmanager
    def quiet(self) -> Iterator[None]:
        """Change controls without their handlers running (and send the changes to the browser at once)."""
        self._quiet += 1
        try:
            if self.widget is not None and hasattr(self.widget, "hold_sync"):
                with self.widget.hold_sync():
                    yield
            else:
                yield
        finally:
            self._quiet -= 1

    @property
    def is_quiet(self) -> bool:
        return self._quiet > 0

    def on_change(self, controls: Any, handler: Callable[[dict], None], names: str = "value") -> None:
        """Call ``handler(change)`` when a control's ``names`` trait changes, except inside :meth:`quiet`."""

        def wrapped(change: dict) -> None:
            if not self._quiet:
                handler(change)

        for c in controls if isinstance(controls, (list, tuple)) else [controls]:
            c.observe(wrapped, names=names)

    # -- display

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}: {self.value!r}>"
