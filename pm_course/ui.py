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
``.refresh()``      redraw everything from the state (a slow chart may wait: :meth:`Widget.draw_soon`)
``name``            the variable name used in the reproduce-from-code line
``.code_box``       the ipywidgets.HTML showing ``code()`` (made by :meth:`Widget.make_code_box`,
                    updated by :meth:`Widget.show_code`)
==================  ===============================================================

A widget with a chart makes ``self.chart`` with :meth:`Widget.make_chart` and
redraws it with :meth:`Widget.draw` (which shows ``self.plot()`` and closes
the figure): there is one display path for every chart of the course.

Colours are the Okabe-Ito palette, safe for the common forms of colour
blindness; never let colour be the only cue (add labels, hatches or markers).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

__all__ = [
    "PALETTE",
    "CATEGORY",
    "Widget",
    "figure",
    "show_in",
    "describe_figure",
    "set_alt",
    "chart_bundle",
    "figure_html",
    "png_and_alt",
    "place_labels",
    "code_box",
    "table",
    "status_box",
    "esc",
    "BeforeYouStart",
    "before_you_start",
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
    _alt_in_metadata()
    axes = ax.flat if hasattr(ax, "flat") else [ax]
    for a in axes:
        a.spines[["top", "right"]].set_visible(False)
        a.grid(axis="both", alpha=0.25)
    return fig, ax


def set_alt(fig, text: str):
    """Give ``fig`` its own alt text (what :func:`describe_figure` returns for it); returns ``fig``."""
    from .core.validate import text as _text

    fig.pm_alt = _text("alt text", text)
    return fig


def _number(v: float) -> str:
    """A number as a reader says it: 1,234 / 0.25 / 12.5."""
    if abs(v - round(v)) < 1e-9:
        return f"{round(v):,}"
    return f"{v:,.2f}".rstrip("0").rstrip(".") if abs(v) < 100 else f"{v:,.0f}"


def _ticks(ax, axis: str) -> dict[float, str]:
    getter = ax.get_xticklabels if axis == "x" else ax.get_yticklabels
    return {round(t.get_position()[0 if axis == "x" else 1], 6): t.get_text() for t in getter() if t.get_text()}


def _describe_axes(ax, most: int) -> str:
    """One axes in words: its title, what it draws (bars, lines, points) with their key numbers, its axes."""
    import numpy as np
    from matplotlib.collections import PathCollection
    from matplotlib.container import BarContainer

    parts: list[str] = []
    title = ax.get_title() or ax.get_title("left")
    what: list[str] = []
    singles: list[str] = []
    for bars in [c for c in ax.containers if isinstance(c, BarContainer)]:
        horizontal = getattr(bars, "orientation", "vertical") == "horizontal"
        ticks = _ticks(ax, "y" if horizontal else "x")
        label = "" if str(bars.get_label()).startswith("_") else str(bars.get_label())
        items = []
        for rect in bars.patches:
            pos = rect.get_y() + rect.get_height() / 2 if horizontal else rect.get_x() + rect.get_width() / 2
            size = rect.get_width() if horizontal else rect.get_height()
            name = ticks.get(round(pos, 6), "") or (label if len(bars.patches) == 1 else "")
            items.append(f"{name} {_number(size)}".strip())
        if len(items) == 1:
            singles += items
            continue
        shown = items[:most] + (["…"] if len(items) > most else [])
        what.append(f"{len(items)} bars" + (f" ({label})" if label else "") + f": {', '.join(shown)}")
    if singles:
        what.append(f"{len(singles)} bar{'s' if len(singles) > 1 else ''}: "
                    + ", ".join(singles[:most] + (["…"] if len(singles) > most else [])))
    lines = [ln for ln in ax.lines if len(ln.get_xdata()) > 1]
    named = [ln for ln in lines if not str(ln.get_label()).startswith("_")]
    for ln in named[:most]:
        ys = [float(y) for y in ln.get_ydata()]
        what.append(f"line {ln.get_label()}: from {_number(ys[0])} to {_number(ys[-1])}"
                    f" (lowest {_number(min(ys))}, highest {_number(max(ys))})")
    if len(lines) > len(named[:most]):
        what.append(f"{len(lines) - len(named[:most])} {'more ' if named else ''}line(s)")
    points = sum(int(np.asarray(c.get_offsets()).shape[0]) for c in ax.collections if isinstance(c, PathCollection))
    if points:
        what.append(f"{points} points")
    if not what and ax.texts:
        what.append("; ".join(t.get_text().replace("\n", " ") for t in ax.texts[:most] if t.get_text()))
    if title:
        parts.append(title.replace("\n", " ").rstrip(".") + ".")
    if what:
        parts.append("; ".join(what).rstrip(".") + ".")
    axes = [f"{name} axis: {label}" for name, label in (("horizontal", ax.get_xlabel()), ("vertical", ax.get_ylabel()))
            if label and ax.axison]
    if axes:
        parts.append("; ".join(axes).replace("\n", " ") + ".")
    return " ".join(parts)


def describe_figure(fig, most: int = 8, drawn: bool = False) -> str:
    """Alt text for a matplotlib figure: what it shows, with its key numbers, in a sentence or a few.

    The figure's own text (set by :func:`set_alt`) when it has one; else it is read from the figure: each
    axes' title, its bars (with their labels and values, the first ``most``), its named lines (first, last,
    lowest and highest value), how many points it plots, and its axis labels (``drawn``: the figure has just
    been drawn, so its tick labels are set and it need not be laid out again). So every chart of the course,
    in a widget or not, has alt text without a description kept by hand beside it.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> fig, ax = figure()
    >>> _ = ax.bar(["A", "B"], [3, 5]); _ = ax.set_title("Votes"); _ = ax.set_ylabel("votes")
    >>> describe_figure(fig)
    'Chart: Votes. 2 bars: A 3, B 5. vertical axis: votes.'
    """
    own = getattr(fig, "pm_alt", None)
    if own:
        return own
    if not drawn:
        fig.draw_without_rendering()  # tick labels are set at draw time
    axes = [ax for ax in fig.axes if ax.get_visible()]
    said = [d for d in (_describe_axes(ax, most) for ax in axes) if d]
    suptitle = fig._suptitle.get_text() if getattr(fig, "_suptitle", None) is not None else ""
    text = " ".join(([suptitle + "."] if suptitle else []) + said) or "A chart with no title or data labels."
    return "Chart: " + text


def figure_html(fig, alt: str | None = None) -> str:
    """``fig`` as an HTML ``<img>`` (PNG inline) with alt text (``alt`` or :func:`describe_figure`'s)."""
    data, said = png_and_alt(fig)
    return img_html(data, alt or said)


def img_html(png_base64: str, alt: str) -> str:
    """An inline PNG (base64 text) as an HTML ``<img>`` with its alt text."""
    return f"<img class='pm-static-chart' src='data:image/png;base64,{png_base64}' alt='{esc(alt)}'>"


def _alt_in_metadata() -> None:
    """Make IPython give every matplotlib figure it displays its alt text, as the PNG's metadata ``alt``.

    Notebook front ends ignore unknown metadata, so nothing changes in JupyterLab; the static site (and any
    tool that reads the metadata) puts it on the image. Called when a course figure is made.
    """
    try:
        from IPython import get_ipython
        from matplotlib.figure import Figure
    except ImportError:  # pragma: no cover - IPython comes with ipywidgets
        return
    ip = get_ipython()
    if ip is None:
        return
    png = ip.display_formatter.formatters["image/png"]
    try:
        current = png.lookup_by_type(Figure)
    except KeyError:
        return
    if getattr(current, "pm_alt", False):
        return

    def with_alt(fig):
        out = current(fig)
        data, meta = out if isinstance(out, tuple) else (out, {})
        if data is None:
            return out
        return data, {**(meta or {}), "alt": describe_figure(fig)}

    with_alt.pm_alt = True  # type: ignore[attr-defined]
    png.for_type(Figure, with_alt)


def png_and_alt(fig) -> tuple[str, str]:
    """``fig`` drawn once as a PNG (base64 text) and its alt text (:func:`describe_figure`)."""
    import base64
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight")
    return base64.b64encode(buf.getvalue()).decode("ascii"), describe_figure(fig, drawn=True)


def _in_ipython() -> bool:
    from IPython import get_ipython

    return get_ipython() is not None


def chart_bundle(png_base64: str, alt: str) -> dict[str, str]:
    """What a widget's chart Output shows: the image as HTML ``<img>`` with its alt text (JupyterLab renders it
    first, and its PNG renderer would drop the alt text), the PNG, and the text.

    Not a ``tooltip`` on the Output: an Output has no ``description``, and JupyterLab's view of an Output with a
    tooltip fails to render at all (the chart disappears). The widget's Output renders HTML trusted.
    """
    return {"text/html": img_html(png_base64, alt), "image/png": png_base64, "text/plain": alt}


def show_in(output, fig) -> None:
    """Show ``fig`` in an ipywidgets Output (replacing what was there) and close it, so it is not shown twice.

    In a notebook the figure is drawn once as a PNG and shown as :func:`chart_bundle` (an ``<img>`` with alt text,
    so a screen reader has a description of the chart in JupyterLab too); the Output keeps the image and the
    text (``output.pm_static``, for the widget's static figure).
    """
    import matplotlib.pyplot as plt
    from IPython.display import display

    with output:
        output.clear_output(wait=True)
        if not _in_ipython():  # a script or a test: no front end to show an image to
            display(fig)
        else:
            data, alt = png_and_alt(fig)
            output.pm_static = (data, alt)
            display(chart_bundle(data, alt), metadata={"image/png": {"alt": alt}}, raw=True)
    plt.close(fig)


def place_labels(ax, points: Sequence[tuple[float, float]], labels: Sequence[str], *, fontsize: float = 7.5,
                 weights: Sequence[str] | None = None, gap: float = 3.0,
                 avoid_x: Sequence[float] = (), avoid_y: Sequence[float] = ()) -> list:
    """Label scatter points so that labels overlap neither each other nor the markers.

    A deterministic rule, no extra dependency: points are labelled from the
    most crowded outwards; each label takes the first of a ring of candidate
    positions (right, left, then above and below, further out step by step)
    whose box is free, measured with the real text size; a label moved away
    from its point gets a thin leader line. Call it after the axes limits are
    final. Labels also keep off the lines at ``avoid_x`` / ``avoid_y`` (data
    coordinates, e.g. quadrant splits) where they can, and off the legend.
    Returns the annotations.
    """
    fig = ax.figure
    fig.draw_without_rendering()  # settle the layout, so data -> pixel transforms are final
    renderer = fig.canvas.get_renderer()
    to_px = ax.transData.transform
    scale = fig.dpi / 72.0
    pad = 1.5 * scale
    pts = [tuple(to_px(p)) for p in points]
    r = 4.5 * scale  # marker radius in pixels
    markers = [(x - r, y - r, x + r, y + r) for x, y in pts]
    legend = ax.get_legend()
    if legend is not None:
        markers.append(tuple(legend.get_window_extent(renderer).extents))
    lines_x = [to_px((v, 0))[0] for v in avoid_x]
    lines_y = [to_px((0, v))[1] for v in avoid_y]
    boxes: list[tuple[float, float, float, float]] = []
    x0, y0, x1, y1 = ax.bbox.extents

    def score(b) -> int:
        """0 when the box is free; higher the worse (overlaps count most, lines least)."""
        def hit(o):
            return b[0] < o[2] + pad and b[2] + pad > o[0] and b[1] < o[3] + pad and b[3] + pad > o[1]
        inside = b[0] >= x0 and b[2] <= x1 and b[1] >= y0 and b[3] <= y1
        crosses = any(b[0] < v < b[2] for v in lines_x) or any(b[1] < v < b[3] for v in lines_y)
        return (100 * sum(map(hit, boxes)) + 10 * sum(map(hit, markers)) + (0 if inside else 50)
                + (1 if crosses else 0))

    crowd = [sum(abs(px - qx) < 60 * scale and abs(py - qy) < 25 * scale for qx, qy in pts) for px, py in pts]
    order = sorted(range(len(pts)), key=lambda i: (-crowd[i], pts[i][0], pts[i][1]))
    out: list = [None] * len(pts)
    for i in order:
        px, py = pts[i]
        weight = weights[i] if weights else "normal"
        probe = ax.text(0, 0, labels[i], fontsize=fontsize, weight=weight)
        ext = probe.get_window_extent(renderer)
        probe.remove()
        w_, h = ext.width, ext.height
        g = gap * scale + r
        cands = []
        for step in range(0, 9):
            d = step * (h + pad)
            cands += [(g, -h / 2 + d), (g, -h / 2 - d), (-g - w_, -h / 2 + d), (-g - w_, -h / 2 - d)]
            cands += [(-w_ / 2, g + d), (-w_ / 2, -g - h - d)]
        best, best_score = cands[0], None
        for dx, dy in cands:
            b = (px + dx, py + dy, px + dx + w_, py + dy + h)
            sc = score(b)
            if best_score is None or sc < best_score:
                best, best_score = (dx, dy), sc
            if sc == 0:
                break
        dx, dy = best
        boxes.append((px + dx, py + dy, px + dx + w_, py + dy + h))
        far = (dx < 0 and dx + w_ < -g * 1.5) or dx > g * 1.5 or abs(dy + h / 2) > h
        out[i] = ax.annotate(
            labels[i], points[i], xytext=(dx / scale, dy / scale), textcoords="offset points",
            fontsize=fontsize, ha="left", va="bottom", weight=weight, in_layout=False,
            arrowprops=dict(arrowstyle="-", color=PALETTE["grey"], lw=0.6, shrinkA=0, shrinkB=3) if far else None,
        )
    return out


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
    chart: Any = None
    code_box: Any = None
    _draw_pending: Any = None  # the timer of a redraw that waits (draw_soon)
    code_intro: str = "Reproduce this in code:"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Check every subclass's constructor and public methods against their annotations (validate.arguments).

        So ``Planner(name=None)`` or ``planner.set(reach="lots")`` gets a message naming what is expected,
        before any control is built; the subclass's own rules live in the pure logic it calls.
        """
        import inspect

        from .core.validate import arguments

        super().__init_subclass__(**kwargs)
        for attr, member in list(vars(cls).items()):
            if attr != "__init__" and attr.startswith("_"):
                continue
            if inspect.isfunction(member):
                setattr(cls, attr, arguments(member))
            elif isinstance(member, staticmethod):
                setattr(cls, attr, staticmethod(arguments(member.__func__)))

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

    # -- pieces every widget shares

    def make_chart(self, css_class: str = "pm-chart"):
        """Make ``self.chart``, the ipywidgets Output that :meth:`draw` fills with :meth:`plot`."""
        import ipywidgets as W

        self.chart = W.Output()
        self.chart.add_class(css_class)
        return self.chart

    def draw(self) -> None:
        """Show a new :meth:`plot` in ``self.chart`` (and close the figure)."""
        show_in(self.chart, self.plot())

    #: what the chart says while a redraw waits (see :meth:`draw_soon`)
    UPDATING = "updating the chart\u2026"

    def draw_soon(self, delay: float = 0.3) -> None:
        """Redraw the chart once the changes stop for ``delay`` s: a burst of slider moves draws it once.

        The caller updates the text, the tables and the code line at once (they are cheap), so they always
        describe the values just chosen; only the slow chart waits, and says "updating the chart..." until
        it is drawn. Outside a running event loop (a script, the tests) it draws at once.
        """
        import asyncio

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if loop is None or self.chart is None:
            self.draw()
            return
        pending = self._draw_pending
        if pending is not None:
            pending.cancel()
        else:
            self.chart.outputs = ({"output_type": "display_data", "metadata": {},
                                   "data": {"text/plain": self.UPDATING,
                                            "text/html": f"<div class='pm-updating'><i>{esc(self.UPDATING)}</i></div>"}},)
        self._draw_pending = loop.call_later(delay, self._draw_now)

    def _draw_now(self) -> None:
        self._draw_pending = None
        try:
            # a timer runs outside any request, where `with output:` does not route a display to the chart:
            # the image is set as the chart's output directly (the same path as the "updating" line)
            import matplotlib.pyplot as plt

            fig = self.plot()
            try:
                data, alt = png_and_alt(fig)
            finally:
                plt.close(fig)
            self.chart.pm_static = (data, alt)
            self.chart.outputs = ({"output_type": "display_data", "metadata": {"image/png": {"alt": alt}},
                                   "data": chart_bundle(data, alt)},)
        except Exception as exc:  # a timer's error would go to the server log: show it where the chart is
            self.chart.outputs = ({"output_type": "stream", "name": "stderr",
                                   "text": f"The chart could not be drawn: {type(exc).__name__}: {exc}\n"},)

    def make_code_box(self, intro: str | None = None):
        """Make ``self.code_box``, the HTML box that shows :meth:`code` (see :meth:`show_code`)."""
        import ipywidgets as W

        if intro is not None:
            self.code_intro = intro
        self.code_box = W.HTML()
        self.code_box.add_class("pm-code")
        return self.code_box

    def show_code(self, empty: str = "") -> None:
        """Put the current :meth:`code` line in ``self.code_box`` (``empty`` when there is none)."""
        if self.code_box is not None:
            line = self.code()
            self.code_box.value = code_box(line, self.code_intro) if line else empty

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

    def has_chart(self) -> bool:
        """True when the widget draws a chart (its class defines :meth:`plot`)."""
        return type(self).plot is not Widget.plot

    def alt_text(self) -> str:
        """What the chart shows, in words with its key numbers (for screen readers and static pages).

        :func:`describe_figure` of the current :meth:`plot`: read from the figure, or the text the plot gave
        it with :func:`set_alt`.
        """
        import matplotlib.pyplot as plt

        fig = self.plot()
        try:
            return describe_figure(fig)
        finally:
            plt.close(fig)

    def static_html(self) -> str:
        """The chart as a plain image with its alt text (HTML), for outputs where widgets do not run.

        The image the chart last showed in a notebook (kept by :func:`show_in`), else a new :meth:`plot`.
        """
        if not self.has_chart():
            return ""
        kept = getattr(self.chart, "pm_static", None)
        if kept is not None:
            img = img_html(*kept)
        else:
            import matplotlib.pyplot as plt

            try:
                fig = self.plot()
            except Exception as exc:  # a state with nothing to draw yet: say so, as the live chart would
                return (f"<p class='pm-static' role='note'><i>No chart yet for <code>{esc(self.name)}</code>: "
                        f"{esc(exc)}</i></p>")
            try:
                img = figure_html(fig)
            finally:
                plt.close(fig)
        return (f"<figure class='pm-static'>{img}<figcaption style='font-size:90%;opacity:.8'>"
                f"The chart of <code>{esc(self.name)}</code> as it was drawn; open the notebook to change it."
                f"</figcaption></figure>")

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        """The live widget, and beside it a static figure with alt text (``text/html``).

        JupyterLab shows the widget (its renderer ranks first); where widgets do not run (nbconvert, the static
        site, a notebook viewer) the static figure is shown instead, its alt text read by screen readers.
        """
        bundle = dict(self.widget._repr_mimebundle_() or {}) if self.widget is not None else {}
        static = self.static_html()
        if static:
            bundle["text/html"] = static
        bundle.setdefault("text/plain", repr(self))
        return bundle

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}: {self.value!r}>"


# ---------------------------------------------------------------- "Before you start": recall from earlier modules


class BeforeYouStart(Widget):
    """A lesson's opening recall questions (:class:`pm_course.core.retrieval.Opener`): pick an answer from memory
    for each, then *Check my answers*. Each answered question is recorded as a retrieval attempt, never a check."""

    def __init__(self, opener: Any, name: str = "recall") -> None:
        import ipywidgets as W

        from .core.retrieval import Opener
        from .core.validate import InputTypeError, describe

        super().__init__(name)
        if not isinstance(opener, Opener):
            raise InputTypeError(f"opener must be a lesson's Opener (pm_course.openers.opener('02')); got "
                                 f"{describe(opener)}.")
        self.opener = opener
        self.choices: dict[str, Any] = {}
        self.notes: dict[str, Any] = {}
        rows = []
        for r in opener.items:
            box = W.RadioButtons(options=list(r.options), value=None, description="", layout=W.Layout(width="auto"))
            box.add_class(f"pm-recall-{r.id}")
            note = W.HTML()
            note.add_class("pm-recall-note")
            self.choices[r.id], self.notes[r.id] = box, note
            rows.append(W.VBox([W.HTML(f"<b>{esc(r.id.upper())}.</b> {esc(r.prompt)} "
                                       f"<span style='opacity:.7'>(from module {esc(r.source[:2])})</span>"),
                                box, note]))
        self.check_button = W.Button(description="Check my answers", icon="check",
                                     tooltip="See which you recalled; practice only, never graded")
        self.result = W.HTML(status_box(None, "Pick an answer for each question from memory, then press "
                                              "Check my answers.")).add_class("pm-result")
        self.make_code_box()
        self._revealed: dict[str, bool] = {}
        self.on_change(list(self.choices.values()), lambda _: self._changed())
        self.check_button.on_click(lambda _: self.reveal())
        self.widget = W.VBox([*rows, self.check_button, self.result, self.code_box])
        self.widget.add_class("pm-recall")

    @property
    def value(self) -> dict:
        return {"module": self.opener.module,
                "answers": {k: b.value for k, b in self.choices.items()},
                "revealed": dict(self._revealed)}

    def set(self, answers: dict) -> None:
        """``recall.set({"r1": "outcome"})``: pick answers from code (then :meth:`reveal` checks them)."""
        from .core.validate import InputTypeError, describe

        if type(answers) is not dict:
            raise InputTypeError(f"answers must be a dict of recall id to the option picked, e.g. "
                                 f"{{'r1': {self.opener.items[0].options[0]!r}}}; got {describe(answers)}.")
        picked = {k: self.opener.choice(k, v) for k, v in answers.items()}   # the logic validates
        with self.quiet():
            for k, v in picked.items():
                self.choices[k].value = v
        self._changed()

    def reveal(self) -> dict:
        """Judge every answered question, record each as a retrieval attempt, and show what was right and why."""
        answered = {k: b.value for k, b in self.choices.items() if b.value is not None}
        if not answered:
            self.result.value = status_box(None, "No answer picked yet: choose one for each question first.",
                                           detail="Guessing is fine: trying to recall is what helps.")
            return {}
        out = {}
        for k, choice in answered.items():
            a = self.opener.attempt(k, choice)
            out[k] = a["correct"]
            head = "&#10003; Recalled." if a["correct"] else f"&#10007; Not this time: the answer is <b>{esc(a['answer'])}</b>."
            self.notes[k].value = f"<div class='pm-status'>{head} {esc(a['why'])}</div>"
        self._revealed = out
        right, total = sum(out.values()), len(self.opener.items)
        missing = total - len(answered)
        self.result.value = status_box(
            None, f"{right} of {total} recalled" + (f"; {missing} not answered yet" if missing else "") + ".",
            detail="Practice only: kept with your progress as retrieval attempts, never graded and not on the "
                   "certificate. Missed one? The section named above is worth a minute before you go on.")
        self.show_code()
        return out

    def code(self) -> str:
        picked = {k: b.value for k, b in self.choices.items() if b.value is not None}
        return f"{self.name}.set({picked!r})" if picked else ""

    def _changed(self) -> None:
        self.show_code()


def before_you_start(module: str, name: str = "recall") -> BeforeYouStart:
    """The "Before you start" questions of a lesson, e.g. ``before_you_start("03_vision_strategy_roadmap")``."""
    from .openers import opener

    return BeforeYouStart(opener(module), name=name)
