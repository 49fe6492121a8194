"""Widgets and plots for module 03: thin layers over :mod:`pm_course.vision.strategy`.

* :class:`VisionBoardBuilder`: the five fields of a Product Vision Board with live rubric feedback.
* :class:`OKRBuilder`: an objective and up to five key results, scored as values are entered.
* :class:`NorthStarTree` and :func:`north_star_tree`: a North Star metric and its inputs, drawn as a tree.
* :class:`RoadmapBoard` and :func:`roadmap_figure`: a Now / Next / Later board fed by the case study backlog.
* :func:`weekly_chart`: candidate metrics from the analytics, indexed to week 1.

Every widget is a :class:`pm_course.ui.Widget`: ``.widget`` (the ipywidgets
container), ``.value`` (plain data), ``.set(...)`` (the one way to change the
state from code, so an answer can be replayed), ``.code()`` (that line, shown
in ``.code_box``), ``.plot()`` (a new Figure) drawn into ``.chart``.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence
from typing import Any

import ipywidgets as w

from ..core.validate import InputError, arguments
from ..data import load
from ..ui import CATEGORY, PALETTE, Widget, figure, status_box
from .strategy import (
    COLUMNS,
    INPUT_KINDS,
    THEME_GOALS,
    VISION_BOARD_FIELDS,
    check_north_star,
    check_vision_board,
    critique_key_result,
    key_result_count_issue,
    key_result_progress,
    okr_rows,
    okr_score,
    okr_verdict,
    roadmap_column,
    roadmap_ids,
    roadmap_placement,
    vision_board_fields,
    weekly_metrics,
)

__all__ = [
    "VisionBoardBuilder",
    "OKRBuilder",
    "NorthStarTree",
    "north_star_tree",
    "RoadmapBoard",
    "roadmap_figure",
    "weekly_chart",
]

_LABELS = {
    "vision": "Vision",
    "target_group": "Target group",
    "needs": "Needs",
    "product": "Product",
    "business_goals": "Business goals",
}
_PROMPTS = {
    "vision": "Why does the product exist? The positive change it brings (not the product itself).",
    "target_group": "Which market or segment? Who are the customers and users?",
    "needs": "Which problem does it solve, or which benefit does it give?",
    "product": "What is it? What makes it stand out? Is it feasible?",
    "business_goals": "How does it benefit the company? (revenue, churn, market share ...; with numbers)",
}
_KIND_COLOUR = {
    "breadth": PALETTE["sky"],
    "depth": PALETTE["orange"],
    "frequency": PALETTE["green"],
    "efficiency": PALETTE["purple"],
}
_GOAL_COLOURS = [PALETTE["blue"], PALETTE["orange"], PALETTE["green"]]
_NO_GOAL = PALETTE["grey"]


def _plain(label: str) -> str:
    """Escape the dollar signs matplotlib would read as maths."""
    return label.replace("$", r"\$")


def _report_html(report) -> str:
    verdict = "passes the rubric" if report.passed else "not yet"
    return status_box(report.passed, f"{report.rubric}: {verdict}", report.problems,
                      detail=f"({len(report.met)} of {report.total} criteria met)")


_CODE_INTRO = "To reproduce this state from code (e.g. in an answer cell):"


# ---------------------------------------------------------------- vision board


class VisionBoardBuilder(Widget):
    """The five fields of Pichler's Product Vision Board, with the rubric checked as you type.

    ``.value`` is a dict with the keys vision, target_group, needs, product,
    business_goals; ``.report`` is the :class:`RubricReport`;
    ``set(board)`` fills the fields from code. ``name`` is the variable name
    used in the reproduce-from-code line.
    """

    code_intro = _CODE_INTRO

    def __init__(self, board: dict[str, str] | None = None, name: str = "board"):
        super().__init__(name)
        self.fields = {
            f: w.Textarea(
                value="", placeholder=_PROMPTS[f], description=_LABELS[f],
                layout=w.Layout(width="98%", height="64px"), style={"description_width": "110px"},
            )
            for f in VISION_BOARD_FIELDS
        }
        self.feedback = w.HTML()
        self.feedback.add_class("pm-result")
        self.make_code_box()
        self.on_change(list(self.fields.values()), lambda _: self.refresh())
        self.widget = w.VBox(
            [w.HTML("<b>Product Vision Board</b> (Pichler): fill in each field; the rubric updates as you type.")]
            + list(self.fields.values())
            + [self.feedback, self.code_box]
        )
        self.widget.add_class("pm-vision-board")
        if board is not None:
            self.set(board)
        self.refresh()

    @property
    def value(self) -> dict[str, str]:
        return {f: t.value for f, t in self.fields.items()}

    def set(self, board: dict[str, str]) -> None:
        """Fill the board from a dict with some or all of the five fields (validated like :func:`check_vision_board`)."""
        clean = vision_board_fields(board)
        with self.quiet():
            for k, v in clean.items():
                self.fields[k].value = v
        self.refresh()

    def code(self) -> str:
        return f"{self.name}.set({self.value!r})"

    @property
    def report(self):
        return check_vision_board(self.value)

    def refresh(self) -> None:
        self.feedback.value = _report_html(self.report)
        self.show_code()


# ---------------------------------------------------------------- OKR builder


class OKRBuilder(Widget):
    """An objective and up to five key results (text, baseline, target, actual), scored as you type.

    Each key result shows its progress (0.0-1.0, :func:`key_result_progress`)
    and the critique of its wording; the objective's score is the mean
    (:func:`okr_score`). ``.value`` is ``{"objective": str, "key_results":
    [{"text", "baseline", "target", "actual"}, ...]}`` with the rows that have
    text; ``.score`` the objective's score (None until a key result can be
    scored). ``set(objective=..., key_results=[(text, baseline, target, actual), ...])``
    fills it from code. ``elapsed`` is the share of the OKR's period gone: below 1.0 the score is read
    against it (a mid-period reading, :func:`okr_verdict`), at 1.0 it gets the end-of-period verdict.
    """

    ROWS = 5
    code_intro = _CODE_INTRO

    def __init__(self, objective: str = "", key_results: Sequence[Any] = (), name: str = "okr",
                 elapsed: float = 1.0):
        super().__init__(name)
        okr_verdict(0.0, elapsed=elapsed)  # validates elapsed: the share of the OKR's period gone (1.0 at the end)
        self.elapsed = float(elapsed)
        self.objective = w.Text(value="", description="Objective", placeholder="Qualitative and ambitious",
                                layout=w.Layout(width="98%"), style={"description_width": "80px"})
        self.rows = []
        for i in range(self.ROWS):
            row = {
                "text": w.Text(description=f"KR {i + 1}", placeholder="From what to what, by when",
                               layout=w.Layout(width="46%"), style={"description_width": "40px"}),
                "baseline": w.FloatText(description="baseline", layout=w.Layout(width="17%"),
                                        style={"description_width": "58px"}),
                "target": w.FloatText(description="target", layout=w.Layout(width="17%"),
                                      style={"description_width": "48px"}),
                "actual": w.FloatText(description="actual", layout=w.Layout(width="17%"),
                                      style={"description_width": "46px"}),
                "status": w.HTML(layout=w.Layout(margin="0 0 0 50px")),
            }
            row["status"].add_class("pm-kr-status")
            self.rows.append(row)
        self.result = w.HTML()
        self.result.add_class("pm-result")
        self.make_code_box()
        self.on_change([self.objective] + [row[k] for row in self.rows for k in ("text", "baseline", "target", "actual")],
                       lambda _: self.refresh())
        lines = [w.HTML("<b>OKR builder</b>: write an objective, then 2 to 5 key results with their baseline, "
                        "target and current value (actual). Each is graded 0.0-1.0; 0.6-0.7 is the sweet spot."),
                 self.objective]
        for row in self.rows:
            lines += [w.HBox([row["text"], row["baseline"], row["target"], row["actual"]]), row["status"]]
        self.widget = w.VBox(lines + [self.result, self.code_box])
        self.widget.add_class("pm-okr-builder")
        if objective or key_results:
            self.set(objective=objective, key_results=key_results)
        self.refresh()

    # -------------------------------------------------------------- state

    @property
    def value(self) -> dict[str, Any]:
        krs = [
            {"text": r["text"].value.strip(), "baseline": float(r["baseline"].value),
             "target": float(r["target"].value), "actual": float(r["actual"].value)}
            for r in self.rows
            if r["text"].value.strip()
        ]
        return {"objective": self.objective.value.strip(), "key_results": krs}

    def set(self, objective: str = "", key_results: Sequence[Any] = ()) -> None:
        """Fill the builder: ``key_results`` is a list of (text, baseline, target, actual) tuples or dicts
        (so ``okr.set(**other.value)`` copies another builder)."""
        objective, rows = okr_rows(objective, key_results, self.ROWS)
        with self.quiet():
            self.objective.value = objective
            for i, row in enumerate(self.rows):
                t, b, g, a = rows[i] if i < len(rows) else ("", 0.0, 0.0, 0.0)
                row["text"].value, row["baseline"].value, row["target"].value, row["actual"].value = t, b, g, a
        self.refresh()

    def code(self) -> str:
        v = self.value
        krs = ", ".join(f"({k['text']!r}, {k['baseline']:g}, {k['target']:g}, {k['actual']:g})" for k in v["key_results"])
        return f"{self.name}.set(objective={v['objective']!r}, key_results=[{krs}])"

    @property
    def progress(self) -> list[float | None]:
        """Each key result's progress (None where baseline equals target)."""
        out: list[float | None] = []
        for kr in self.value["key_results"]:
            try:
                out.append(key_result_progress(kr["baseline"], kr["target"], kr["actual"]))
            except InputError:
                out.append(None)
        return out

    @property
    def score(self) -> float | None:
        scores = [p for p in self.progress if p is not None]
        return okr_score(scores) if scores else None

    # -------------------------------------------------------------- display

    def refresh(self) -> None:
        for row in self.rows:
            t = row["text"].value.strip()
            if not t:
                row["status"].value = ""
                continue
            try:
                p = key_result_progress(row["baseline"].value, row["target"].value, row["actual"].value)
                bar = (f"progress <b>{p:.2f}</b> "
                       f"<span style='display:inline-block;width:{int(p * 120)}px;height:.7em;"
                       f"background:{CATEGORY['highlight']}'></span>"
                       f"<span style='display:inline-block;width:{120 - int(p * 120)}px;height:.7em;"
                       f"background:rgba(127,127,127,.25)'></span>")
            except InputError:
                bar = f"<span style='color:{CATEGORY['bad']}'>set a target different from the baseline</span>"
            critique = critique_key_result(t)
            words = (f"<span style='color:{CATEGORY['good']}'>&#10003; a measurable, time-bound outcome</span>"
                     if not critique else
                     f"<span style='color:{CATEGORY['bad']}'>&#9888; "
                     f"{html.escape('; '.join(c.split(':')[0] for c in critique))}</span>")
            row["status"].value = f"{bar} &nbsp; {words}"
        s = self.score
        n = len(self.value["key_results"])
        if s is None:
            self.result.value = "<b>Objective score:</b> enter a key result with a target different from its baseline."
        else:
            advice = "" if key_result_count_issue(n) is None else " Aim for 2 to 5 key results per objective."
            self.result.value = (f"<b>Objective score: {s:.2f}</b> (mean of {n} key result{'s' if n != 1 else ''}) "
                                 f"&mdash; {html.escape(okr_verdict(s, elapsed=self.elapsed))}.{advice}")
        self.show_code()


# ---------------------------------------------------------------- North Star tree


@arguments
def north_star_tree(metric: dict, title: str | None = None):
    """Draw a North Star metric and its input metrics as a tree; returns the matplotlib figure.

    ``metric`` is a dict as for :func:`check_north_star` (name, customer_value,
    inputs: input metric -> kind). Inputs are coloured and labelled by kind
    (breadth, depth, frequency, efficiency), so colour is never the only cue.
    """
    from matplotlib.patches import FancyBboxPatch

    check_north_star(metric)  # validates the shape (the rubric result itself is not needed here)
    inputs = list(metric["inputs"].items())
    n = max(len(inputs), 1)
    fig, ax = figure(width=max(7.0, 2.0 * n), height=4.2)
    ax.set_xlim(0, n)
    ax.set_ylim(0, 1)
    ax.axis("off")
    top_x, top_y = n / 2, 0.8

    def box(x, y, label, colour, width, bold=False):
        wrapped = _plain(textwrap.fill(label, 22 if not bold else 40))
        ax.add_patch(FancyBboxPatch((x - width / 2, y - 0.11), width, 0.22, boxstyle="round,pad=0.01",
                                    facecolor=colour, edgecolor=PALETTE["black"], linewidth=1, alpha=0.9))
        ax.text(x, y, wrapped, ha="center", va="center", fontsize=9 if not bold else 10,
                fontweight="bold" if bold else "normal")

    for i, (name, kind) in enumerate(inputs):
        x = i + 0.5
        ax.plot([x, top_x], [0.36, top_y - 0.11], color=PALETTE["grey"], linewidth=1.2, zorder=0)
        box(x, 0.25, name, _KIND_COLOUR[kind], 0.9)
        ax.text(x, 0.08, kind.upper(), ha="center", va="center", fontsize=8, color=PALETTE["black"])
    box(top_x, top_y, "North Star: " + metric["name"], PALETTE["yellow"], min(n * 0.9, 4.5), bold=True)
    ax.set_title(title or "North Star metric and its input metrics", fontsize=11)
    ax.text(0, -0.02, "Inputs: breadth = how many, depth = how much, frequency = how often, efficiency = how fast",
            fontsize=7.5, color=PALETTE["black"], transform=ax.transAxes)
    return fig


def _parse_inputs(lines: str) -> tuple[dict[str, str], list[str]]:
    inputs, errors = {}, []
    for raw in lines.splitlines():
        line = raw.strip()
        if not line:
            continue
        name, sep, kind = line.rpartition(":")
        if not sep or kind.strip().casefold() not in INPUT_KINDS:
            errors.append(f"'{line}': write 'input metric: kind', kind one of {', '.join(INPUT_KINDS)}")
            continue
        inputs[name.strip()] = kind.strip().casefold()
    return inputs, errors


class NorthStarTree(Widget):
    """Write a North Star metric and its inputs; see the rubric and the tree redraw as you edit.

    ``.value`` is the metric dict (name, customer_value, inputs: input metric
    -> kind) that :func:`check_north_star` takes; ``set(metric)`` fills it
    from code. Inputs are typed one per line as ``input metric: kind``.
    """

    code_intro = _CODE_INTRO

    def __init__(self, metric: dict | None = None, name: str = "north_star"):
        super().__init__(name)
        self.metric_name = w.Text(description="North Star", layout=w.Layout(width="98%"),
                                  placeholder="What is counted, per week", style={"description_width": "110px"},
                                  continuous_update=False)
        self.customer_value = w.Textarea(description="Customer value", layout=w.Layout(width="98%", height="56px"),
                                         placeholder="What customers get each time it goes up",
                                         style={"description_width": "110px"}, continuous_update=False)
        self.inputs = w.Textarea(description="Inputs", layout=w.Layout(width="98%", height="110px"),
                                 placeholder="sites publishing a rota each week: breadth\n...",
                                 style={"description_width": "110px"}, continuous_update=False)
        self.feedback = w.HTML()
        self.feedback.add_class("pm-result")
        self.make_code_box()
        self.make_chart()
        self.on_change([self.metric_name, self.customer_value, self.inputs], lambda _: self.refresh())
        self.widget = w.VBox([
            w.HTML("<b>North Star metric</b>: one metric for the value customers get, and 3 to 6 inputs "
                   "(one per line, <code>input metric: breadth | depth | frequency | efficiency</code>)."),
            self.metric_name, self.customer_value, self.inputs, self.feedback, self.chart, self.code_box,
        ])
        self.widget.add_class("pm-north-star")
        if metric is not None:
            self.set(metric)
        else:
            self.refresh()

    @property
    def value(self) -> dict[str, Any]:
        inputs, _ = _parse_inputs(self.inputs.value)
        return {"name": self.metric_name.value.strip(), "customer_value": self.customer_value.value.strip(),
                "inputs": inputs}

    def set(self, metric: dict) -> None:
        """Fill the widget from a metric dict (validated like :func:`check_north_star`)."""
        check_north_star(metric)
        with self.quiet():
            self.metric_name.value = metric["name"]
            self.customer_value.value = metric["customer_value"]
            self.inputs.value = "\n".join(f"{k}: {v}" for k, v in metric["inputs"].items())
        self.refresh()

    def code(self) -> str:
        return f"{self.name}.set({self.value!r})"

    def plot(self):
        """The metric and its inputs drawn as a tree (a new matplotlib figure)."""
        return north_star_tree(self.value)

    def refresh(self) -> None:
        v = self.value
        _, errors = _parse_inputs(self.inputs.value)
        if not v["name"] or not v["customer_value"]:
            self.feedback.value = "<b>North Star metric:</b> name the metric and the value customers get."
            self.chart.clear_output()
        else:
            report = check_north_star(v)
            extra = "".join(f"<li>{html.escape(e)}</li>" for e in errors)
            self.feedback.value = _report_html(report) + (f"<ul>{extra}</ul>" if extra else "")
            if v["inputs"]:
                self.draw()
            else:
                self.chart.clear_output()
        self.show_code()


@arguments
def weekly_chart(weekly: Sequence[dict], metrics: Sequence[str], title: str = "Shiftbrew, weeks 1-26 (week 1 = 100)"):
    """Line chart of weekly metrics from ``load("analytics")["weekly"]``, each indexed to week 1 = 100.

    Indexing puts counts, shares and dollars on one scale so their growth can be compared.
    Returns the matplotlib figure.
    """
    metrics = weekly_metrics(weekly, metrics)  # validates
    colours = [PALETTE[c] for c in ("blue", "orange", "green", "vermillion", "purple", "sky")]
    markers = ["o", "s", "^", "D", "v", "P"]
    styles = ["-", "--", "-.", ":", "-", "--"]
    fig, ax = figure(7.5, 4.2)
    weeks = [row["week"] for row in weekly]
    for i, m in enumerate(metrics):
        base = weekly[0][m]
        ax.plot(weeks, [100 * row[m] / base for row in weekly], color=colours[i % 6], marker=markers[i % 6],
                markersize=3.5, linewidth=1.6, linestyle=styles[i % 6], label=_plain(m.replace("_", " ")))
    ax.set_xlabel("week")
    ax.set_ylabel("index (week 1 = 100)")
    ax.set_title(title)
    ax.legend(fontsize=8, frameon=False)
    return fig


# ---------------------------------------------------------------- roadmap board


def _goal_colour(theme: str) -> tuple[str, int | None]:
    idx = THEME_GOALS.get(theme)
    return (_GOAL_COLOURS[idx] if idx is not None else _NO_GOAL), idx


@arguments
def roadmap_figure(placement: dict[str, str], items: Sequence[dict], goals: Sequence[str],
                   title: str = "Shiftbrew roadmap: Now / Next / Later"):
    """Draw a Now / Next / Later board; returns the matplotlib figure.

    ``placement`` maps item ids to a column; ``items`` are backlog dicts
    (id, title, theme, certainty); ``goals`` the business goals. Each card is
    coloured by the business goal its theme serves (see ``THEME_GOALS``) and
    labelled with the goal's number, so colour is not the only cue.
    """
    from matplotlib.patches import FancyBboxPatch, Patch

    by_id = {it["id"]: it for it in items}
    columns = {c: [i for i, col in placement.items() if col == c] for c in COLUMNS}
    rows = max([len(v) for v in columns.values()] + [1])
    fig, ax = figure(width=11, height=max(3.0, 0.42 * rows + 1.4))
    ax.set_xlim(0, 3)
    ax.set_ylim(-rows - 0.2, 1.0)
    ax.axis("off")
    certainty = {"Now": "high certainty", "Next": "medium certainty", "Later": "low certainty"}
    for x, col in enumerate(COLUMNS):
        ax.text(x + 0.5, 0.55, f"{col} ({len(columns[col])})", ha="center", va="center", fontsize=12,
                fontweight="bold")
        ax.text(x + 0.5, 0.2, certainty[col], ha="center", va="center", fontsize=8, color=PALETTE["black"])
        for r, iid in enumerate(columns[col]):
            it = by_id[iid]
            colour, idx = _goal_colour(it.get("theme", ""))
            ax.add_patch(FancyBboxPatch((x + 0.03, -r - 0.78), 0.94, 0.68, boxstyle="round,pad=0.01",
                                        facecolor=colour, alpha=0.35, edgecolor=colour, linewidth=1.2))
            label = f"{iid} {it.get('title', '')}"
            label = textwrap.shorten(label, 46, placeholder=" …")  # cut between words, never inside one
            tag = f"G{idx + 1}" if idx is not None else "-"
            ax.text(x + 0.06, -r - 0.44, _plain(label), va="center", fontsize=7.5)
            ax.text(x + 0.95, -r - 0.44, tag, va="center", ha="right", fontsize=7.5, fontweight="bold")
    handles = [Patch(facecolor=_GOAL_COLOURS[i], alpha=0.5, label=_plain(f"G{i + 1}: {textwrap.shorten(g, 75)}"))
               for i, g in enumerate(goals[:3])]
    handles.append(Patch(facecolor=_NO_GOAL, alpha=0.5, label="-: no business goal (platform, compliance, other)"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=2, fontsize=8, frameon=False)
    ax.set_title(title, fontsize=12)
    return fig


class RoadmapBoard(Widget):
    """A Now / Next / Later board fed by the case study backlog, drawn as a figure.

    Items start in the column their certainty suggests (high -> Now,
    medium -> Next, low -> Later, :func:`roadmap_column`). Pick an item and a
    column to move it; "Reset by certainty" puts every item back.
    ``.value`` maps each item id to its column; ``.columns`` gives the lists per
    column; ``set({id: column, ...})`` moves items from code.
    """

    code_intro = _CODE_INTRO

    def __init__(self, ids: Sequence[str] | None = None, placement: dict[str, str] | None = None,
                 name: str = "roadmap"):
        super().__init__(name)
        backlog = load("backlog")
        self.goals = load("company")["business_goals"]
        known = {b["id"]: b for b in backlog}
        chosen = [b["id"] for b in backlog] if ids is None else roadmap_ids(ids, backlog)
        self.items = [known[i] for i in chosen]
        self._by_certainty = {it["id"]: roadmap_column(it["certainty"]) for it in self.items}
        self._placement = dict(self._by_certainty)
        self.picker = w.Select(
            options=[(f"{it['id']} {it['title']} ({it['certainty']})", it["id"]) for it in self.items],
            description="Item", rows=8, layout=w.Layout(width="480px"), style={"description_width": "40px"},
        )
        self.column = w.ToggleButtons(options=list(COLUMNS), description="Column",
                                      style={"description_width": "50px"})
        self.reset = w.Button(description="Reset by certainty", icon="undo")
        self.summary = w.HTML()
        self.summary.add_class("pm-result")
        self.make_code_box()
        self.make_chart("pm-roadmap-plot")
        self.on_change(self.picker, self._picked)
        self.on_change(self.column, self._moved)
        self.reset.on_click(lambda _b: self.set(dict(self._by_certainty)))
        self.widget = w.VBox([
            w.HTML("<b>Now / Next / Later</b>: choose an item, then its column. Cards are coloured by the "
                   "business goal they serve."),
            w.HBox([self.picker, w.VBox([self.column, self.reset])]),
            self.summary, self.chart, self.code_box,
        ])
        self.widget.add_class("pm-roadmap")
        if placement is not None:
            self.set(placement)
        else:
            self._picked()
            self.refresh()

    @property
    def value(self) -> dict[str, str]:
        return dict(self._placement)

    @property
    def columns(self) -> dict[str, list[str]]:
        return {c: [i for i, col in self._placement.items() if col == c] for c in COLUMNS}

    def set(self, placement: dict[str, str]) -> None:
        """Move items: ``placement`` maps item ids on this board to 'Now', 'Next' or 'Later'."""
        self._placement.update(roadmap_placement(placement, self._placement))
        self._picked()
        self.refresh()

    def code(self) -> str:
        return f"{self.name}.set({self.value!r})"

    def _picked(self, change=None) -> None:
        with self.quiet():
            if self.picker.value is not None:
                self.column.value = self._placement[self.picker.value]

    def _moved(self, change) -> None:
        if self.picker.value is None:
            return
        self._placement[self.picker.value] = change["new"]
        self.refresh()

    def refresh(self) -> None:
        cols = self.columns
        moved = [i for i in self._placement if self._placement[i] != self._by_certainty[i]]
        gaps = []
        for g_idx, goal in enumerate(self.goals):
            near = [i for c in ("Now", "Next") for i in cols[c]
                    if THEME_GOALS.get(next(it["theme"] for it in self.items if it["id"] == i)) == g_idx]
            if not near:
                gaps.append(f"G{g_idx + 1} ({html.escape(goal)}) has nothing in Now or Next.")
        lines = [f"<b>Now {len(cols['Now'])} · Next {len(cols['Next'])} · Later {len(cols['Later'])}</b>"]
        if moved:
            lines.append(f"{len(moved)} item(s) placed against their certainty: "
                         f"{', '.join(moved)}. Is the team really that sure (or unsure)?")
        lines += [f"<span style='color:{CATEGORY['bad']}'>&#9888; {g}</span>" for g in gaps]
        self.summary.value = "<br>".join(lines)
        self.show_code()
        self.draw()

    def plot(self):
        """The board as a new matplotlib figure (for saving or a report)."""
        return roadmap_figure(self._placement, self.items, self.goals)
