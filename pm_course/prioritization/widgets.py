"""Interactive widgets for Module 04 (ipywidgets 8 and matplotlib), thin layers over :mod:`.frameworks`.

Every widget is a class with ``.widget`` (the ipywidgets container to
display), a ``.value`` property returning plain data, and
``_ipython_display_``, so leaving it as the last line of a cell shows it.
Widgets whose state can be an exercise answer can also be set from code,
and show the one line that reproduces their state.

- :class:`RiceTable`: edit an item's RICE inputs; the ranking and the bar chart follow.
- :class:`ValueEffortMatrix`: the backlog on value and effort axes, in four quadrants.
- :class:`KanoClassifier`: classify an answer pair; plot the survey's features on better/worse axes.
- :class:`CapacityPlanner`: toggle items into a sprint, watch the capacity bar, compare with the best set.
"""

from __future__ import annotations

import html
import statistics
from typing import Any, Iterable, Mapping

import ipywidgets as W

from ..core.validate import InputError, InputTypeError, describe
from ..data import load
from ..ui import CATEGORY, PALETTE, figure, show_in
from .frameworks import (
    CONFIDENCE_LEVELS,
    IMPACT_SCALE,
    KANO_ANSWERS,
    KANO_CATEGORIES,
    best_within_capacity,
    capacity_items,
    greedy_within_capacity,
    kano_category,
    kano_survey,
    rice_score,
    rice_value,
    total_of,
    value_effort_quadrant,
)

__all__ = ["RiceTable", "ValueEffortMatrix", "KanoClassifier", "CapacityPlanner"]

_TABLE_CSS = (
    "<style>.pm-table{border-collapse:collapse;font-size:13px}"
    ".pm-table th,.pm-table td{padding:2px 8px;border-bottom:1px solid #ddd;text-align:right}"
    ".pm-table td.l,.pm-table th.l{text-align:left}"
    ".pm-table tr.pm-sel td{font-weight:bold;background:#e8f1fa}</style>"
)


def _esc(s: Any) -> str:
    return html.escape(str(s))


class _Base:
    widget: W.Widget

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


# ---------------------------------------------------------------- RICE table


class RiceTable(_Base):
    """The backlog ranked by RICE score. Pick an item, change its inputs, watch the ranking move.

    ``rice = RiceTable()`` then ``rice`` shows it; ``rice.edit("B05", confidence=0.5)``
    changes an item from code; ``rice.value`` is
    ``{"ranking": [ids], "scores": {id: score}, "inputs": {id: {...}}}``.
    """

    def __init__(self, backlog: Iterable[Mapping[str, Any]] | None = None, top: int = 12, name: str = "rice"):
        rows = list(backlog) if backlog is not None else load("backlog")
        self.name = name
        self.top = top
        self._titles = {b["id"]: b.get("title", "") for b in rows}
        self._original = {b["id"]: self._inputs_of(b) for b in rows}
        self._inputs = {k: dict(v) for k, v in self._original.items()}
        for k, v in self._inputs.items():
            rice_score(**v)  # validates every row once, with the teaching messages
        self._busy = False
        first = rows[0]["id"]
        self.item = W.Dropdown(options=[(f"{k} {t}", k) for k, t in self._titles.items()], value=first,
                               description="Item", layout=W.Layout(width="460px"))
        self.reach = W.BoundedIntText(min=0, max=10_000_000, description="Reach / qtr", layout=W.Layout(width="220px"))
        self.impact = W.Dropdown(options=[(f"{v:g} ({lab})", float(v)) for v, lab in IMPACT_SCALE.items()],
                                 description="Impact", layout=W.Layout(width="220px"))
        self.confidence = W.Dropdown(options=[(f"{v:.0%} ({lab})", v) for v, lab in CONFIDENCE_LEVELS.items()],
                                     description="Confidence", layout=W.Layout(width="220px"))
        self.effort = W.BoundedFloatText(min=0.25, max=1000, step=0.25, description="Effort (pm)",
                                         layout=W.Layout(width="220px"))
        self.reset = W.Button(description="Reset to the backlog", icon="undo",
                              tooltip="Put every item back to the backlog's estimates")
        self.result = W.HTML().add_class("pm-result")
        self.changes = W.HTML().add_class("pm-code")
        self.table = W.HTML().add_class("pm-rice-table")
        self.chart = W.Output().add_class("pm-chart")
        self._load_controls(first)
        for c in (self.reach, self.impact, self.confidence, self.effort):
            c.observe(self._on_edit, names="value")
        self.item.observe(self._on_pick, names="value")
        self.reset.on_click(self._on_reset)
        controls = W.VBox([self.item, W.HBox([self.reach, self.impact]), W.HBox([self.confidence, self.effort]),
                           self.reset])
        self.widget = W.VBox([controls, self.result, self.changes, self.chart,
                              W.Box([self.table], layout=W.Layout(max_height="320px", overflow="auto"))])
        self.widget.add_class("pm-rice")
        self._refresh()

    @staticmethod
    def _inputs_of(b: Mapping[str, Any]) -> dict[str, float]:
        return {k: b[k] for k in ("reach", "impact", "confidence", "effort")}

    # -- state

    @property
    def scores(self) -> dict[str, float]:
        return {k: rice_score(**v) for k, v in self._inputs.items()}

    @property
    def ranking(self) -> list[str]:
        s = self.scores
        order = list(self._inputs)
        return sorted(order, key=lambda k: (-s[k], order.index(k)))

    @property
    def value(self) -> dict[str, Any]:
        s = self.scores
        return {"ranking": self.ranking, "scores": s, "inputs": {k: dict(v) for k, v in self._inputs.items()}}

    def edit(self, item_id: str, **inputs: float) -> None:
        """Change some RICE inputs of one item, e.g. ``rice.edit("B05", confidence=0.5)``."""
        if item_id not in self._inputs:
            raise InputError(f"there is no item {item_id!r} in this table; the ids are {', '.join(self._inputs)}.")
        unknown = set(inputs) - {"reach", "impact", "confidence", "effort"}
        if unknown:
            raise InputError(f"RICE inputs are reach, impact, confidence and effort; got {', '.join(sorted(unknown))}.")
        new = {**self._inputs[item_id], **inputs}
        rice_score(**new)  # validates, with the teaching messages
        self._inputs[item_id] = new
        if self.item.value == item_id:
            self._load_controls(item_id)
        else:
            self._busy = True
            self.item.value = item_id
            self._busy = False
            self._load_controls(item_id)
        self._refresh()

    # -- events

    def _load_controls(self, item_id: str) -> None:
        self._busy = True
        try:
            v = self._inputs[item_id]
            self.reach.value = int(v["reach"])
            self.impact.value = float(v["impact"])
            if v["confidence"] not in [o[1] for o in self.confidence.options]:
                self.confidence.options = list(self.confidence.options) + [(f"{v['confidence']:.0%}", v["confidence"])]
            self.confidence.value = v["confidence"]
            self.effort.value = float(v["effort"])
        finally:
            self._busy = False

    def _on_pick(self, change) -> None:
        if self._busy:
            return
        self._load_controls(change["new"])
        self._refresh()

    def _on_edit(self, change) -> None:
        if self._busy:
            return
        self._inputs[self.item.value] = {"reach": self.reach.value, "impact": self.impact.value,
                                         "confidence": self.confidence.value, "effort": self.effort.value}
        self._refresh()

    def _on_reset(self, _=None) -> None:
        self._inputs = {k: dict(v) for k, v in self._original.items()}
        self._load_controls(self.item.value)
        self._refresh()

    # -- display

    def _refresh(self) -> None:
        scores, ranking, sel = self.scores, self.ranking, self.item.value
        rank = ranking.index(sel) + 1
        self.result.value = (f"<b>{_esc(sel)}</b> scores <b>{scores[sel]:,.0f}</b> and ranks "
                             f"<b>{rank}</b> of {len(ranking)}.")
        edited = [(k, f, self._original[k][f], v[f]) for k, v in self._inputs.items() for f in v
                  if v[f] != self._original[k][f]]
        if edited:
            lines = [f"{self.name}.edit({k!r}, {f}={new!r})  # was {old!r}" for k, f, old, new in edited]
            self.changes.value = "Changed from the backlog (code to repeat it):<pre>" + _esc("\n".join(lines)) + "</pre>"
        else:
            self.changes.value = "Inputs as in the backlog."
        body = "".join(
            f"<tr class='{'pm-sel' if k == sel else ''}'><td>{i + 1}</td><td class='l'>{_esc(k)}</td>"
            f"<td class='l'>{_esc(self._titles[k])}</td><td>{self._inputs[k]['reach']:,}</td>"
            f"<td>{self._inputs[k]['impact']:g}</td><td>{self._inputs[k]['confidence']:.0%}</td>"
            f"<td>{self._inputs[k]['effort']:g}</td><td>{scores[k]:,.0f}</td></tr>"
            for i, k in enumerate(ranking)
        )
        self.table.value = (_TABLE_CSS + "<table class='pm-table'><thead><tr><th>rank</th><th class='l'>id</th>"
                            "<th class='l'>item</th><th>reach</th><th>impact</th><th>confidence</th>"
                            "<th>effort</th><th>RICE</th></tr></thead><tbody>" + body + "</tbody></table>")
        self._draw(scores, ranking, sel)

    def plot(self):
        """The bar chart as a matplotlib figure (the caller closes it)."""
        return self._figure(self.scores, self.ranking, self.item.value)

    def _figure(self, scores, ranking, sel):
        shown = ranking[: self.top]
        if sel not in shown:
            shown = shown + [sel]
        fig, ax = figure(7.5, 0.32 * len(shown) + 1.4)
        ys = list(range(len(shown)))[::-1]
        colours = [CATEGORY["highlight"] if k == sel else CATEGORY["secondary"] for k in shown]
        bars = ax.barh(ys, [scores[k] for k in shown], color=colours, edgecolor="black", linewidth=0.4)
        for bar, k in zip(bars, shown):
            if k == sel:
                bar.set_hatch("//")
        ax.set_yticks(ys, [f"{ranking.index(k) + 1}. {k} {self._titles[k][:34]}" for k in shown], fontsize=8)
        for y, k in zip(ys, shown):
            ax.text(scores[k], y, f" {scores[k]:,.0f}", va="center", fontsize=8)
        ax.set_xlabel("RICE score = reach × impact × confidence / effort")
        ax.set_ylabel("backlog item (rank)")
        ax.set_title(f"RICE ranking: top {self.top} (selected item hatched)")
        ax.margins(x=0.15)
        return fig

    def _draw(self, scores, ranking, sel) -> None:
        show_in(self.chart, self._figure(scores, ranking, sel))


# ---------------------------------------------------------------- value / effort matrix

_MEASURES = {
    "RICE value (reach × impact × confidence)": lambda b: rice_value(b["reach"], b["impact"], b["confidence"]),
    "Cost of Delay ($ per week)": lambda b: float(b["cost_of_delay_per_week"]),
}
_QUAD_STYLE = {  # colour and marker: never colour alone
    "quick win": (CATEGORY["good"], "o"),
    "big bet": (CATEGORY["highlight"], "s"),
    "fill-in": (CATEGORY["neutral"], "^"),
    "time sink": (CATEGORY["bad"], "X"),
}


class ValueEffortMatrix(_Base):
    """The backlog on a value (up) / effort (across) matrix, split into four quadrants.

    The split lines start at the medians; move them with the sliders. ``.value``
    is ``{"measure", "value_split", "effort_split", "quadrants": {name: [ids]}}``.
    """

    def __init__(self, backlog: Iterable[Mapping[str, Any]] | None = None, name: str = "matrix"):
        self._rows = list(backlog) if backlog is not None else load("backlog")
        self.name = name
        self.measure = W.Dropdown(options=list(_MEASURES), description="Value", layout=W.Layout(width="420px"))
        efforts = [b["effort"] for b in self._rows]
        self.effort_split = W.FloatSlider(value=statistics.median(efforts), min=0, max=max(efforts) + 1, step=0.25,
                                          description="Effort split", continuous_update=False,
                                          readout_format=".2f", layout=W.Layout(width="420px"))
        self.value_split = W.FloatSlider(description="Value split", continuous_update=False, readout_format=",.0f",
                                         layout=W.Layout(width="420px"))
        self.labels = W.Checkbox(value=True, description="Label items", indent=False)
        self.result = W.HTML().add_class("pm-result")
        self.chart = W.Output().add_class("pm-chart")
        self._busy = False
        self._rescale()
        self.measure.observe(self._on_measure, names="value")
        for c in (self.effort_split, self.value_split, self.labels):
            c.observe(lambda _: self._refresh(), names="value")
        self.widget = W.VBox([self.measure, self.value_split, self.effort_split, self.labels, self.chart, self.result])
        self.widget.add_class("pm-matrix")
        self._refresh()

    def _values(self) -> dict[str, float]:
        f = _MEASURES[self.measure.value]
        return {b["id"]: f(b) for b in self._rows}

    def _rescale(self) -> None:
        vals = list(self._values().values())
        self._busy = True
        self.value_split.max = max(vals)
        self.value_split.min = 0
        self.value_split.step = max(vals) / 200
        self.value_split.value = statistics.median(vals)
        self._busy = False

    def _on_measure(self, _) -> None:
        self._rescale()
        self._refresh()

    def set(self, *, value_split: float | None = None, effort_split: float | None = None,
            measure: str | None = None) -> None:
        """Set the controls from code, e.g. ``matrix.set(value_split=1000, effort_split=2)``."""
        if measure is not None:
            if measure not in _MEASURES:
                raise InputError(f"measure must be one of {', '.join(map(repr, _MEASURES))}; got {measure!r}.")
            self.measure.value = measure
        self._busy = True
        if value_split is not None:
            self.value_split.value = value_split
        if effort_split is not None:
            self.effort_split.value = effort_split
        self._busy = False
        self._refresh()

    @property
    def value(self) -> dict[str, Any]:
        vals = self._values()
        quads: dict[str, list[str]] = {q: [] for q in _QUAD_STYLE}
        for b in self._rows:
            q = value_effort_quadrant(vals[b["id"]], b["effort"], self.value_split.value, self.effort_split.value)
            quads[q].append(b["id"])
        return {"measure": self.measure.value, "value_split": self.value_split.value,
                "effort_split": self.effort_split.value, "quadrants": quads}

    def plot(self):
        state, vals = self.value, self._values()
        fig, ax = figure(7.5, 5.2)
        effort = {b["id"]: b["effort"] for b in self._rows}
        for q, ids in state["quadrants"].items():
            colour, marker = _QUAD_STYLE[q]
            ax.scatter([effort[i] for i in ids], [vals[i] for i in ids], c=colour, marker=marker, s=55,
                       edgecolors="black", linewidths=0.4, label=f"{q} ({len(ids)})", zorder=3)
            if self.labels.value:
                for i in ids:
                    ax.annotate(i, (effort[i], vals[i]), xytext=(4, 3), textcoords="offset points", fontsize=7)
        ax.axvline(state["effort_split"], color=PALETTE["black"], linestyle="--", linewidth=0.8)
        ax.axhline(state["value_split"], color=PALETTE["black"], linestyle="--", linewidth=0.8)
        ax.set_xlabel("effort (person-months)")
        ax.set_ylabel(self.measure.value)
        ax.set_title("Value / effort matrix of the Shiftbrew backlog")
        ax.legend(loc="upper right", fontsize=8, title="quadrant", title_fontsize=8)
        return fig

    def _refresh(self) -> None:
        if self._busy:
            return
        show_in(self.chart, self.plot())
        q = self.value["quadrants"]
        self.result.value = "<br>".join(
            f"<b>{name}</b> ({len(ids)}): {_esc(', '.join(ids)) or '—'}" for name, ids in q.items()
        ) + (f"<pre>{_esc(self.name)}.set(value_split={self.value_split.value:g}, "
             f"effort_split={self.effort_split.value:g})</pre>")


# ---------------------------------------------------------------- Kano classifier

_KANO_STYLE = {
    "A": (PALETTE["green"], "o"), "O": (PALETTE["blue"], "s"), "M": (PALETTE["vermillion"], "D"),
    "I": (PALETTE["grey"], "^"), "R": (PALETTE["purple"], "v"), "Q": (PALETTE["orange"], "X"),
}


class KanoClassifier(_Base):
    """Classify one Kano answer pair, and plot every surveyed feature on better / worse axes.

    ``.value`` is ``{"pair": {"functional", "dysfunctional", "category"}, "segment",
    "features": {feature: {"counts", "better", "worse", "category", "answers"}}}``.
    """

    def __init__(self, respondents: Iterable[Mapping[str, Any]] | None = None, name: str = "kano"):
        self._rows = list(respondents) if respondents is not None else load("survey")
        self.name = name
        self.functional = W.Dropdown(options=KANO_ANSWERS, value="like", description="If it has it",
                                     style={"description_width": "110px"}, layout=W.Layout(width="300px"))
        self.dysfunctional = W.Dropdown(options=KANO_ANSWERS, value="dislike", description="If it lacks it",
                                        style={"description_width": "110px"}, layout=W.Layout(width="300px"))
        self.pair_result = W.HTML().add_class("pm-result")
        segments = sorted({r["segment"] for r in self._rows if "segment" in r})
        self.segment = W.Dropdown(options=[("everyone", None)] + [(s, s) for s in segments], value=None,
                                  description="Respondents", style={"description_width": "110px"})
        self._summary = kano_survey(self._rows)
        self.feature = W.Dropdown(options=list(self._summary), description="Feature",
                                  style={"description_width": "110px"}, layout=W.Layout(width="420px"))
        self.table = W.HTML().add_class("pm-kano-table")
        self.chart = W.Output().add_class("pm-chart")
        for c in (self.functional, self.dysfunctional):
            c.observe(lambda _: self._refresh_pair(), names="value")
        self.segment.observe(self._on_segment, names="value")
        self.feature.observe(lambda _: self._refresh_survey(), names="value")
        self.widget = W.VBox([
            W.HTML("<b>One answer pair</b>"), W.HBox([self.functional, self.dysfunctional]), self.pair_result,
            W.HTML("<b>The survey</b>"), W.HBox([self.segment, self.feature]), self.chart, self.table,
        ])
        self.widget.add_class("pm-kano")
        self._refresh_pair()
        self._refresh_survey()

    def classify(self, functional: str, dysfunctional: str) -> str:
        """Set the answer pair from code and return its category, e.g. ``kano.classify("like", "neutral")``."""
        category = kano_category(functional, dysfunctional)  # validates and normalises
        from .frameworks import _kano_answer

        self.functional.value = _kano_answer("functional", functional)
        self.dysfunctional.value = _kano_answer("dysfunctional", dysfunctional)
        return category

    def _on_segment(self, _) -> None:
        self._summary = kano_survey(self._rows, segment=self.segment.value)
        self._refresh_survey()

    @property
    def value(self) -> dict[str, Any]:
        return {
            "pair": {"functional": self.functional.value, "dysfunctional": self.dysfunctional.value,
                     "category": kano_category(self.functional.value, self.dysfunctional.value)},
            "segment": self.segment.value,
            "features": {f: {**v, "counts": dict(v["counts"])} for f, v in self._summary.items()},
        }

    def _refresh_pair(self) -> None:
        c = kano_category(self.functional.value, self.dysfunctional.value)
        self.pair_result.value = (f"Category <b>{c}</b>: {KANO_CATEGORIES[c]} "
                                  f"<code>{_esc(self.name)}.classify({self.functional.value!r}, "
                                  f"{self.dysfunctional.value!r})</code>")

    def plot(self):
        fig, ax = figure(7.5, 5.5)
        ax.axvline(0.5, color=PALETTE["black"], linestyle="--", linewidth=0.8)
        ax.axhline(0.5, color=PALETTE["black"], linestyle="--", linewidth=0.8)
        for x, y, label in ((0.02, 0.97, "attractive"), (0.98, 0.97, "one-dimensional"),
                            (0.98, 0.03, "must-be"), (0.02, 0.03, "indifferent")):
            ax.text(x, y, label, ha="left" if x < 0.5 else "right", va="top" if y > 0.5 else "bottom",
                    fontsize=9, style="italic", color=PALETTE["black"], alpha=0.7)
        from matplotlib.lines import Line2D

        seen: list[str] = []
        for f, v in self._summary.items():
            colour, marker = _KANO_STYLE[v["category"]]
            big = f == self.feature.value
            if v["category"] not in seen:
                seen.append(v["category"])
            ax.scatter([-v["worse"]], [v["better"]], c=colour, marker=marker, s=140 if big else 70,
                       edgecolors="black", linewidths=1.6 if big else 0.5, zorder=3)
            ax.annotate(f, (-v["worse"], v["better"]), xytext=(6, 4), textcoords="offset points", fontsize=8,
                        weight="bold" if big else "normal")
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_xlabel("|worse|: how much its absence dissatisfies (0 to 1)")
        ax.set_ylabel("better: how much its presence satisfies (0 to 1)")
        who = self.segment.value or "everyone"
        ax.set_title(f"Kano features on better / worse axes ({who})")
        handles = [Line2D([], [], linestyle="", marker=_KANO_STYLE[c][1], markerfacecolor=_KANO_STYLE[c][0],
                          markeredgecolor="black", markersize=8, label=f"{c} {KANO_CATEGORIES[c]}")
                   for c in "AOMIRQ" if c in seen]
        ax.legend(handles=handles, loc="center left", fontsize=8, title="most frequent category",
                  title_fontsize=8)
        return fig

    def _refresh_survey(self) -> None:
        v = self._summary[self.feature.value]
        cells = "".join(f"<td>{v['counts'][k]}</td>" for k in KANO_CATEGORIES)
        head = "".join(f"<th title='{_esc(n)}'>{k}</th>" for k, n in KANO_CATEGORIES.items())
        self.table.value = (
            _TABLE_CSS + f"<table class='pm-table'><thead><tr><th class='l'>feature</th>{head}<th>better</th>"
            f"<th>worse</th><th>category</th></tr></thead><tbody><tr><td class='l'>{_esc(self.feature.value)}</td>"
            f"{cells}<td>{v['better']:.2f}</td><td>{v['worse']:.2f}</td>"
            f"<td>{v['category']} ({_esc(KANO_CATEGORIES[v['category']])})</td></tr></tbody></table>"
        )
        show_in(self.chart, self.plot())


# ---------------------------------------------------------------- capacity planner


class CapacityPlanner(_Base):
    """Toggle items into a sprint of fixed capacity; compare your set with the best possible one.

    ``items`` are dicts with "id", "title", "value" and "effort" (default: the
    whole backlog through :func:`capacity_items`); ``capacity`` defaults to
    the company's sprint capacity (6 person-months). ``.value`` is the list of
    chosen ids; ``planner.set([...])`` chooses from code. ``allow_reveal=False``
    hides the "show the best set" button (for exercises).
    """

    def __init__(self, items: Iterable[Mapping[str, Any]] | None = None, capacity: float | None = None, *,
                 name: str = "planner", allow_reveal: bool = True):
        self._items = list(items) if items is not None else capacity_items(load("backlog"))
        self.capacity = float(capacity if capacity is not None else load("company")["sprint_capacity_person_months"])
        self.name = name
        self._best = best_within_capacity(self._items, self.capacity)  # validates items and capacity
        self._greedy = greedy_within_capacity(self._items, self.capacity)
        self._busy = False
        self.boxes = {
            it["id"]: W.Checkbox(value=False, indent=False, layout=W.Layout(width="auto"),
                                 description=f"{it['id']} {it.get('title', '')[:48]} · {it['effort']:g} pm · "
                                             f"value {it['value']:,.0f}")
            for it in self._items
        }
        for box in self.boxes.values():
            box.observe(self._on_toggle, names="value")
        self.bar = W.FloatProgress(min=0, max=self.capacity, value=0, description="Capacity",
                                   layout=W.Layout(width="420px")).add_class("pm-capacity-bar")
        self.used = W.HTML().add_class("pm-capacity")
        self.result = W.HTML().add_class("pm-result")
        self.code = W.HTML().add_class("pm-code")
        self.greedy_button = W.Button(description="Greedy pick", icon="sort-amount-desc",
                                      tooltip="Go down the value/effort ranking, take each item that still fits")
        self.clear_button = W.Button(description="Clear", icon="times")
        self.reveal_button = W.Button(description="Show the best set", icon="eye")
        self.best_text = W.HTML().add_class("pm-best")
        self.greedy_button.on_click(lambda _: self.set(self._greedy["ids"]))
        self.clear_button.on_click(lambda _: self.set([]))
        self.reveal_button.on_click(lambda _: self._reveal())
        buttons = [self.greedy_button, self.clear_button] + ([self.reveal_button] if allow_reveal else [])
        grid = W.GridBox(list(self.boxes.values()),
                         layout=W.Layout(grid_template_columns="repeat(2, minmax(0, 1fr))", max_height="360px",
                                         overflow="auto"))
        self.widget = W.VBox([grid, W.HBox([self.bar, self.used]), self.result, self.code, W.HBox(buttons),
                              self.best_text])
        self.widget.add_class("pm-planner")
        self._refresh()

    # -- state

    @property
    def value(self) -> list[str]:
        return [k for k, box in self.boxes.items() if box.value]

    @value.setter
    def value(self, ids: Iterable[str]) -> None:
        self.set(ids)

    def set(self, ids: Iterable[str]) -> None:
        """Choose exactly these items, e.g. ``planner.set(["B01", "B05"])``."""
        if isinstance(ids, str) or not isinstance(ids, Iterable):
            raise InputTypeError(f"set() takes a list of item ids, e.g. ['B01', 'B05']; got {describe(ids)}.")
        wanted = list(ids)
        unknown = [i for i in wanted if i not in self.boxes]
        if unknown:
            raise InputError(f"unknown item id(s) {', '.join(map(repr, unknown))}; "
                             f"the planner holds {', '.join(self.boxes)}.")
        self._busy = True
        try:
            for k, box in self.boxes.items():
                box.value = k in wanted
        finally:
            self._busy = False
        self._refresh()

    @property
    def summary(self) -> dict[str, Any]:
        t = total_of(self._items, self.value)
        return {"ids": t["ids"], "value": t["value"], "effort": t["effort"], "capacity": self.capacity,
                "over_capacity": t["effort"] > self.capacity + 1e-9, "best_value": self._best["value"],
                "greedy_value": self._greedy["value"]}

    # -- events and display

    def _on_toggle(self, _) -> None:
        if not self._busy:
            self._refresh()

    def _reveal(self) -> None:
        b = self._best
        self.best_text.value = (f"Best set: <b>{_esc(', '.join(b['ids']))}</b>, value {b['value']:,.0f} for "
                                f"{b['effort']:g} person-months. Greedy set: {_esc(', '.join(self._greedy['ids']))}, "
                                f"value {self._greedy['value']:,.0f}.")

    def _refresh(self) -> None:
        s = self.summary
        self.bar.value = min(s["effort"], self.capacity)
        self.bar.bar_style = "danger" if s["over_capacity"] else "success"
        self.used.value = f"<b>{s['effort']:g}</b> of {self.capacity:g} person-months used"
        share = s["value"] / s["best_value"] if s["best_value"] else 1.0
        if s["over_capacity"]:
            verdict = (f"Over capacity by <b>{s['effort'] - self.capacity:g}</b> person-months: "
                       "this set does not fit. Drop something.")
        elif s["value"] >= s["best_value"] - 1e-9 * max(1.0, s["best_value"]):
            verdict = f"Total value <b>{s['value']:,.0f}</b>: the best possible within capacity."
        else:
            verdict = (f"Total value <b>{s['value']:,.0f}</b>: {share:.0%} of the best possible set "
                       f"({s['best_value'] - s['value']:,.0f} short).")
        self.result.value = verdict
        self.code.value = f"<code>{_esc(self.name)}.set({self.value!r})</code>"
