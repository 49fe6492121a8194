"""Interactive widgets for Module 04 (ipywidgets 8 and matplotlib), thin layers over :mod:`.frameworks`.

Every widget is a :class:`pm_course.ui.Widget`: ``.widget`` (the ipywidgets
container to display), ``.value`` (plain data), ``.set(...)`` (the one way to
change the state from code), ``.code()`` (the line that reproduces the state,
shown in ``.code_box``), ``.plot()`` (a new Figure) drawn into ``.chart``.

- :class:`RiceTable`: edit an item's RICE inputs; the ranking and the bar chart follow.
- :class:`ValueEffortMatrix`: the backlog on value and effort axes, in four quadrants.
- :class:`KanoClassifier`: classify an answer pair; plot the survey's features on better/worse axes.
- :class:`CapacityPlanner`: toggle items into a sprint, watch the capacity bar, compare with the best set.
"""

from __future__ import annotations

import statistics
import textwrap
from collections.abc import Iterable, Mapping
from typing import Any

import ipywidgets as W

from ..core.validate import choice, members
from ..data import load
from ..ui import CATEGORY, PALETTE, Widget, esc, figure, place_labels, table
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
    normalise_kano_answer,
    rice_inputs,
    rice_score,
    rice_value,
    total_of,
    value_effort_quadrant,
)

__all__ = ["RiceTable", "ValueEffortMatrix", "KanoClassifier", "CapacityPlanner"]

# ---------------------------------------------------------------- RICE table


class RiceTable(Widget):
    """The backlog ranked by RICE score. Pick an item, change its inputs, watch the ranking move.

    ``rice = RiceTable()`` then ``rice`` shows it; ``rice.set("B05", confidence=0.5)``
    changes an item from code; ``rice.value`` is
    ``{"ranking": [ids], "scores": {id: score}, "inputs": {id: {...}}}``.
    """

    code_intro = "Changed from the backlog (code to repeat it):"

    def __init__(self, backlog: Iterable[Mapping[str, Any]] | None = None, top: int = 12, name: str = "rice"):
        super().__init__(name)
        rows = list(backlog) if backlog is not None else load("backlog")
        self.top = top
        self._titles = {b["id"]: b.get("title", "") for b in rows}
        self._original = {b["id"]: self._inputs_of(b) for b in rows}
        self._inputs = {k: dict(v) for k, v in self._original.items()}
        for v in self._inputs.values():
            rice_score(**v)  # validates every row once, with the teaching messages
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
        self.make_code_box()
        self.table = W.HTML().add_class("pm-rice-table")
        self.make_chart()
        self._load_controls(first)
        self.on_change([self.reach, self.impact, self.confidence, self.effort], self._on_edit)
        self.on_change(self.item, self._on_pick)
        self.reset.on_click(self._on_reset)
        controls = W.VBox([self.item, W.HBox([self.reach, self.impact]), W.HBox([self.confidence, self.effort]),
                           self.reset])
        self.widget = W.VBox([controls, self.result, self.code_box, self.chart,
                              W.Box([self.table], layout=W.Layout(max_height="320px", overflow="auto"))])
        self.widget.add_class("pm-rice")
        self.refresh()

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

    def set(self, item_id: str, **inputs: float) -> None:
        """Change some RICE inputs of one item, e.g. ``rice.set("B05", confidence=0.5)``."""
        self._inputs[item_id] = rice_inputs(self._inputs, item_id, **inputs)  # validates, teaching messages
        with self.quiet():
            self.item.value = item_id
        self._load_controls(item_id)
        self.refresh()

    def code(self) -> str:
        return "\n".join(f"{self.name}.set({k!r}, {f}={new!r})  # was {old!r}"
                         for k, f, old, new in self._edited())

    def _edited(self) -> list[tuple[str, str, float, float]]:
        return [(k, f, self._original[k][f], v[f]) for k, v in self._inputs.items() for f in v
                if v[f] != self._original[k][f]]

    # -- events

    def _load_controls(self, item_id: str) -> None:
        with self.quiet():
            v = self._inputs[item_id]
            self.reach.value = int(v["reach"])
            self.impact.value = float(v["impact"])
            if v["confidence"] not in [o[1] for o in self.confidence.options]:
                self.confidence.options = list(self.confidence.options) + [(f"{v['confidence']:.0%}", v["confidence"])]
            self.confidence.value = v["confidence"]
            self.effort.value = float(v["effort"])

    def _on_pick(self, change) -> None:
        self._load_controls(change["new"])
        self.refresh()

    def _on_edit(self, change) -> None:
        self._inputs[self.item.value] = {"reach": self.reach.value, "impact": self.impact.value,
                                         "confidence": self.confidence.value, "effort": self.effort.value}
        self.refresh()

    def _on_reset(self, _=None) -> None:
        self._inputs = {k: dict(v) for k, v in self._original.items()}
        self._load_controls(self.item.value)
        self.refresh()

    # -- display

    def refresh(self) -> None:
        scores, ranking, sel = self.scores, self.ranking, self.item.value
        rank = ranking.index(sel) + 1
        self.result.value = (f"<b>{esc(sel)}</b> scores <b>{scores[sel]:,.0f}</b> and ranks "
                             f"<b>{rank}</b> of {len(ranking)}.")
        self.show_code(empty="Inputs as in the backlog.")
        rows = [(i + 1, k, self._titles[k], f"{self._inputs[k]['reach']:,}", f"{self._inputs[k]['impact']:g}",
                 f"{self._inputs[k]['confidence']:.0%}", f"{self._inputs[k]['effort']:g}", f"{scores[k]:,.0f}")
                for i, k in enumerate(ranking)]
        self.table.value = table(["rank", "id", "item", "reach", "impact", "confidence", "effort", "RICE"], rows,
                                 left=(1, 2), selected=lambda i, row: row[1] == sel)
        self.draw()

    def plot(self):
        """The bar chart of the ranking as a new matplotlib figure (the caller closes it)."""
        scores, ranking, sel = self.scores, self.ranking, self.item.value
        shown = ranking[: self.top]
        if sel not in shown:
            shown = shown + [sel]
        fig, ax = figure(8.5, 0.34 * len(shown) + 1.5)
        ys = list(range(len(shown)))[::-1]
        colours = [CATEGORY["highlight"] if k == sel else CATEGORY["secondary"] for k in shown]
        bars = ax.barh(ys, [scores[k] for k in shown], color=colours, edgecolor="black", linewidth=0.4)
        for bar, k in zip(bars, shown):
            if k == sel:
                bar.set_hatch("//")
        labels = [f"{ranking.index(k) + 1}. {k} {textwrap.shorten(self._titles[k], 40, placeholder=' …')}"
                  for k in shown]
        ax.set_yticks(ys, labels, fontsize=8)
        for y, k in zip(ys, shown):
            ax.text(scores[k], y, f" {scores[k]:,.0f}", va="center", fontsize=8)
        ax.set_xlabel("RICE score = reach × impact × confidence / effort")
        ax.set_ylabel("backlog item (rank)")
        ax.set_title(f"RICE ranking: top {self.top} (selected item hatched)")
        ax.margins(x=0.15)
        return fig


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


class ValueEffortMatrix(Widget):
    """The backlog on a value (up) / effort (across) matrix, split into four quadrants.

    The split lines start at the medians; move them with the sliders or
    ``matrix.set(value_split=..., effort_split=..., measure=...)``. ``.value``
    is ``{"measure", "value_split", "effort_split", "quadrants": {name: [ids]}}``.
    """

    def __init__(self, backlog: Iterable[Mapping[str, Any]] | None = None, name: str = "matrix"):
        super().__init__(name)
        self._rows = list(backlog) if backlog is not None else load("backlog")
        self.measure = W.Dropdown(options=list(_MEASURES), description="Value", layout=W.Layout(width="420px"))
        efforts = [b["effort"] for b in self._rows]
        self.effort_split = W.FloatSlider(value=statistics.median(efforts), min=0, max=max(efforts) + 1, step=0.25,
                                          description="Effort split", continuous_update=False,
                                          readout_format=".2f", layout=W.Layout(width="420px"))
        self.value_split = W.FloatSlider(description="Value split", continuous_update=False, readout_format=",.0f",
                                         layout=W.Layout(width="420px"))
        self.labels = W.Checkbox(value=True, description="Label items", indent=False)
        self.result = W.HTML().add_class("pm-result")
        self.make_chart()
        self.make_code_box()
        self._rescale()
        self.on_change(self.measure, self._on_measure)
        self.on_change([self.effort_split, self.value_split, self.labels], lambda _: self.refresh())
        self.widget = W.VBox([self.measure, self.value_split, self.effort_split, self.labels, self.chart, self.result,
                              self.code_box])
        self.widget.add_class("pm-matrix")
        self.refresh()

    def _values(self) -> dict[str, float]:
        f = _MEASURES[self.measure.value]
        return {b["id"]: f(b) for b in self._rows}

    def _rescale(self) -> None:
        vals = list(self._values().values())
        with self.quiet():
            self.value_split.max = max(vals)
            self.value_split.min = 0
            self.value_split.step = max(vals) / 200
            self.value_split.value = statistics.median(vals)

    def _on_measure(self, _) -> None:
        self._rescale()
        self.refresh()

    def set(self, *, value_split: float | None = None, effort_split: float | None = None,
            measure: str | None = None) -> None:
        """Set the controls from code, e.g. ``matrix.set(value_split=1000, effort_split=2)``."""
        if measure is not None:
            measure = choice("measure", measure, _MEASURES, normalise=False)
            if measure != self.measure.value:
                with self.quiet():
                    self.measure.value = measure
                self._rescale()
        with self.quiet():
            if value_split is not None:
                self.value_split.value = value_split
            if effort_split is not None:
                self.effort_split.value = effort_split
        self.refresh()

    def code(self) -> str:
        return (f"{self.name}.set(value_split={self.value_split.value:g}, "
                f"effort_split={self.effort_split.value:g})")

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
        """The matrix as a new matplotlib figure; labels are placed so they do not overlap."""
        state, vals = self.value, self._values()
        fig, ax = figure(8.5, 6.0)
        effort = {b["id"]: b["effort"] for b in self._rows}
        for q, ids in state["quadrants"].items():
            colour, marker = _QUAD_STYLE[q]
            ax.scatter([effort[i] for i in ids], [vals[i] for i in ids], c=colour, marker=marker, s=55,
                       edgecolors="black", linewidths=0.4, label=f"{q} ({len(ids)})", zorder=3)
        ax.axvline(state["effort_split"], color=PALETTE["black"], linestyle="--", linewidth=0.8)
        ax.axhline(state["value_split"], color=PALETTE["black"], linestyle="--", linewidth=0.8)
        ax.set_xlabel("effort (person-months)")
        ax.set_ylabel(self.measure.value)
        ax.set_title("Value / effort matrix of the Shiftbrew backlog")
        ax.legend(loc="upper right", fontsize=8, title="quadrant", title_fontsize=8)
        ax.margins(x=0.08, y=0.08)
        if self.labels.value:
            spots: dict[tuple[float, float], list[str]] = {}
            for b in self._rows:  # items on the same spot share one label ("B19, B25")
                spots.setdefault((effort[b["id"]], vals[b["id"]]), []).append(b["id"])
            ax.set_xlim(*ax.get_xlim())
            ax.set_ylim(*ax.get_ylim())
            place_labels(ax, list(spots), [", ".join(ids) for ids in spots.values()], fontsize=7)
        return fig

    def refresh(self) -> None:
        self.draw()
        q = self.value["quadrants"]
        self.result.value = "<br>".join(
            f"<b>{name}</b> ({len(ids)}): {esc(', '.join(ids)) or '—'}" for name, ids in q.items()
        )
        self.show_code()


# ---------------------------------------------------------------- Kano classifier

_KANO_STYLE = {
    "A": (PALETTE["green"], "o"), "O": (PALETTE["blue"], "s"), "M": (PALETTE["vermillion"], "D"),
    "I": (PALETTE["grey"], "^"), "R": (PALETTE["purple"], "v"), "Q": (PALETTE["orange"], "X"),
}


class KanoClassifier(Widget):
    """Classify one Kano answer pair, and plot every surveyed feature on better / worse axes.

    ``.value`` is ``{"pair": {"functional", "dysfunctional", "category"}, "segment",
    "features": {feature: {"counts", "better", "worse", "category", "answers"}}}``;
    ``kano.set("like", "neutral")`` sets the answer pair from code.
    """

    def __init__(self, respondents: Iterable[Mapping[str, Any]] | None = None, name: str = "kano"):
        super().__init__(name)
        self._rows = list(respondents) if respondents is not None else load("survey")
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
        self.make_chart()
        self.make_code_box()
        self.on_change([self.functional, self.dysfunctional], lambda _: self._refresh_pair())
        self.on_change(self.segment, self._on_segment)
        self.on_change(self.feature, lambda _: self._refresh_survey())
        self.widget = W.VBox([
            W.HTML("<b>One answer pair</b>"), W.HBox([self.functional, self.dysfunctional]), self.pair_result,
            self.code_box,
            W.HTML("<b>The survey</b>"), W.HBox([self.segment, self.feature]), self.chart, self.table,
        ])
        self.widget.add_class("pm-kano")
        self._refresh_pair()
        self._refresh_survey()

    def set(self, functional: str, dysfunctional: str) -> None:
        """Set the answer pair from code, e.g. ``kano.set("like", "neutral")`` (case and spaces do not matter)."""
        kano_category(functional, dysfunctional)  # validates, with the teaching messages
        with self.quiet():
            self.functional.value = normalise_kano_answer("functional", functional)
            self.dysfunctional.value = normalise_kano_answer("dysfunctional", dysfunctional)
        self._refresh_pair()

    def code(self) -> str:
        return f"{self.name}.set({self.functional.value!r}, {self.dysfunctional.value!r})"

    def refresh(self) -> None:
        self._refresh_pair()
        self._refresh_survey()

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
        self.pair_result.value = f"Category <b>{c}</b>: {KANO_CATEGORIES[c]}"
        self.show_code()

    def plot(self):
        """The surveyed features on better / worse axes, as a new matplotlib figure."""
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
        row = [self.feature.value, *(v["counts"][k] for k in KANO_CATEGORIES), f"{v['better']:.2f}",
               f"{v['worse']:.2f}", f"{v['category']} ({KANO_CATEGORIES[v['category']]})"]
        self.table.value = table(
            ["feature", *KANO_CATEGORIES, "better", "worse", "category"], [row],
            caption="Answers per category: " + ", ".join(f"{k} {n}" for k, n in KANO_CATEGORIES.items()),
        )
        self.draw()


# ---------------------------------------------------------------- capacity planner


class CapacityPlanner(Widget):
    """Toggle items into a fixed capacity (the quarter's 6 person-months); compare your set with the best possible one.

    ``items`` are dicts with "id", "title", "value" and "effort" (default: the
    whole backlog through :func:`capacity_items`); ``capacity`` defaults to
    the company's capacity for the quarter (6 person-months). ``.value`` is the list of
    chosen ids; ``planner.set([...])`` chooses from code. ``allow_reveal=False``
    hides the "show the best set" button (for exercises).
    """

    def __init__(self, items: Iterable[Mapping[str, Any]] | None = None, capacity: float | None = None, *,
                 name: str = "planner", allow_reveal: bool = True):
        super().__init__(name)
        self._items = list(items) if items is not None else capacity_items(load("backlog"))
        self.capacity = float(capacity if capacity is not None else load("company")["sprint_capacity_person_months"])
        self._best = best_within_capacity(self._items, self.capacity)  # validates items and capacity
        self._greedy = greedy_within_capacity(self._items, self.capacity)
        self.boxes = {
            it["id"]: W.Checkbox(value=False, indent=False, layout=W.Layout(width="auto"),
                                 description=f"{it['id']} {it.get('title', '')[:48]} · {it['effort']:g} pm · "
                                             f"value {it['value']:,.0f}")
            for it in self._items
        }
        self.on_change(list(self.boxes.values()), lambda _: self.refresh())
        self.bar = W.FloatProgress(min=0, max=self.capacity, value=0, description="Capacity",
                                   layout=W.Layout(width="420px")).add_class("pm-capacity-bar")
        self.used = W.HTML().add_class("pm-capacity")
        self.result = W.HTML().add_class("pm-result")
        self.make_code_box()
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
        self.widget = W.VBox([grid, W.HBox([self.bar, self.used]), self.result, self.code_box, W.HBox(buttons),
                              self.best_text])
        self.widget.add_class("pm-planner")
        self.refresh()

    # -- state

    @property
    def value(self) -> list[str]:
        return [k for k, box in self.boxes.items() if box.value]

    def set(self, ids: Iterable[str]) -> None:
        """Choose exactly these items, e.g. ``planner.set(["B01", "B05"])``."""
        wanted = members("set()", ids, self.boxes, what="item id", where="the planner", example=["B01", "B05"])
        with self.quiet():
            for k, box in self.boxes.items():
                box.value = k in wanted
        self.refresh()

    def code(self) -> str:
        return f"{self.name}.set({self.value!r})"

    @property
    def summary(self) -> dict[str, Any]:
        t = total_of(self._items, self.value)
        return {"ids": t["ids"], "value": t["value"], "effort": t["effort"], "capacity": self.capacity,
                "over_capacity": t["effort"] > self.capacity + 1e-9, "best_value": self._best["value"],
                "greedy_value": self._greedy["value"]}

    # -- events and display

    def _reveal(self) -> None:
        b = self._best
        self.best_text.value = (f"Best set: <b>{esc(', '.join(b['ids']))}</b>, value {b['value']:,.0f} for "
                                f"{b['effort']:g} person-months. Greedy set: {esc(', '.join(self._greedy['ids']))}, "
                                f"value {self._greedy['value']:,.0f}.")

    def refresh(self) -> None:
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
        self.show_code()
