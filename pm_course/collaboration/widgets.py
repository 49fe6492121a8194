"""Widgets for module 05: a stakeholder map, a RACI editor and the branching scenario.

Thin layers over the pure logic in ``stakeholders.py`` and ``scenario.py``.
Each is a :class:`pm_course.ui.Widget`: ``.widget`` (the ipywidgets
container), ``.value`` (plain data), ``.set(...)`` (from code), ``.code()``
(the line that reproduces the state, shown in ``.code_box``: nbgrader re-runs
the notebook, so a graded answer must be code), ``.plot()`` drawn into ``.chart``.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from ..core.validate import arguments, integer
from ..ui import PALETTE, Widget, figure, place_labels, status_box, table
from .scenario import Scenario
from .stakeholders import (
    QUADRANTS,
    communication_plan,
    find_stakeholder,
    raci_cell,
    raci_roles,
    stakeholder_placements,
    validate_raci,
)

__all__ = ["StakeholderMap", "RaciEditor", "ScenarioPlayer", "stakeholder_grid", "SHORT_NAMES"]

# Short labels for the case study's stakeholders (roles only, no names).
SHORT_NAMES = {
    "ceo": "CEO", "cto": "CTO", "eng_lead": "Eng lead", "designer": "Designer", "sales_head": "Head of Sales",
    "support_lead": "Support lead", "marketing": "Marketing", "finance": "Finance", "investor": "Investor",
    "legal": "Legal", "key_customer": "14-site prospect", "barista_council": "Barista group",
    # outside the company (load("external_stakeholders"))
    "payroll_partner": "Payroll partner", "bookkeeping_partner": "Bookkeeping app", "cloud_host": "Cloud host",
    "sms_gateway": "SMS gateway", "analyst": "Analyst", "regulator": "Regulator",
}
# Colour and marker per quadrant: colour is never the only cue.
_STYLE = {
    "manage closely": (PALETTE["vermillion"], "s"),
    "keep satisfied": (PALETTE["blue"], "D"),
    "keep informed": (PALETTE["green"], "o"),
    "monitor": (PALETTE["grey"], "^"),
}


def _short(s: dict[str, Any]) -> str:
    key = s.get("id", s.get("role", "?"))
    return SHORT_NAMES.get(key, str(s.get("role", key))[:18])


@arguments
def stakeholder_grid(stakeholders: list[dict[str, Any]], threshold: float = 5, highlight: str | None = None):
    """The Mendelow power / interest grid as a matplotlib figure (interest across, power up); returns ``fig``."""
    plan = communication_plan(stakeholders, threshold)  # validates everything
    fig, ax = figure(7.2, 5.6)
    cut = threshold + 0.5 if float(threshold).is_integer() else threshold
    ax.axvline(cut, color=PALETTE["black"], linewidth=1)
    ax.axhline(cut, color=PALETTE["black"], linewidth=1)
    corners = {
        "manage closely": (10.9, 11.4, "right", "top"),
        "keep satisfied": (0.6, 11.4, "left", "top"),
        "keep informed": (10.9, 0.1, "right", "bottom"),
        "monitor": (0.6, 0.1, "left", "bottom"),
    }
    for quadrant, (x, y, ha, va) in corners.items():
        colour, _ = _STYLE[quadrant]
        ax.text(x, y, quadrant.upper(), ha=ha, va=va, fontsize=9, color=colour, weight="bold", alpha=0.9)
    seen: dict[tuple[float, float], int] = {}
    points, labels, weights = [], [], []
    for s, (key, entry) in zip(stakeholders, plan.items()):
        x, y = float(entry["interest"]), float(entry["power"])
        n = seen.get((x, y), 0)
        seen[(x, y)] = n + 1
        colour, marker = _STYLE[entry["quadrant"]]
        size = 110 if key == highlight else 60
        dodge = 0.18 * n  # people on the same spot sit side by side
        ax.scatter([x + dodge], [y], s=size, color=colour, marker=marker, edgecolor=PALETTE["black"],
                   linewidth=1.5 if key == highlight else 0.5, zorder=3)
        points.append((x + dodge, y))
        labels.append(_short(s))
        weights.append("bold" if key == highlight else "normal")
    handles = [ax.scatter([], [], color=c, marker=m, label=q) for q, (c, m) in _STYLE.items()]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, title="quadrant",
              title_fontsize=8, frameon=False)
    ax.set_xlim(0.5, 11)
    ax.set_ylim(0, 11.5)
    ax.set_xticks(range(1, 11))
    ax.set_yticks(range(1, 11))
    ax.set_xlabel("Interest (1-10): how much they care about, or are affected by, the product")
    ax.set_ylabel("Power (1-10): how much they can change or block it")
    ax.set_title(f"Shiftbrew's stakeholders on the power / interest grid (high = above {threshold:g})", fontsize=10)
    place_labels(ax, points, labels, fontsize=8, weights=weights, avoid_x=[cut], avoid_y=[cut])
    return fig


def _plan_table(plan: dict[str, dict[str, Any]], stakeholders: list[dict[str, Any]]) -> str:
    order = {q: i for i, q in enumerate(QUADRANTS)}
    rows = sorted(zip(stakeholders, plan.values()), key=lambda se: (order[se[1]["quadrant"]], -se[1]["power"]))
    return table(
        ["stakeholder", "power / interest", "quadrant", "how often", "through", "what they hear"],
        [(_short(s), f"{p['power']:g} / {p['interest']:g}", p["quadrant"], p["frequency"], p["forum"], p["content"])
         for s, p in rows],
        left=range(6), css_class="pm-plan-table",
    )


_CODE_INTRO = "To reproduce this state in code (for a graded answer), run:"


class StakeholderMap(Widget):
    """Place stakeholders by power and interest; see the Mendelow grid and the communication plan.

    ``.value`` is ``{id: {"power", "interest", "quadrant"}}``. Move someone with
    the sliders or in code: ``stakeholder_map.set("finance", power=7, interest=3)``,
    several at once with ``stakeholder_map.set({"finance": {"power": 7}})``, the
    threshold with ``stakeholder_map.set(threshold=6)``.
    """

    code_intro = _CODE_INTRO

    def __init__(self, stakeholders: list[dict[str, Any]] | None = None, threshold: int = 5, name: str = "stakeholder_map"):
        from ..data import load

        super().__init__(name)
        data = load("stakeholders") if stakeholders is None else [dict(s) for s in stakeholders]
        communication_plan(data, threshold)  # validates the list and the threshold
        self._people = data
        self._original = {self._key(s): (s["power"], s["interest"]) for s in data}
        self._threshold0 = threshold
        self.who = w.Dropdown(
            options=[(f"{_short(s)} ({s.get('role', '')})", self._key(s)) for s in data],
            description="Stakeholder", style={"description_width": "90px"}, layout=w.Layout(width="420px"),
        )
        self.power = w.IntSlider(min=1, max=10, description="Power", continuous_update=False,
                                 style={"description_width": "90px"})
        self.interest = w.IntSlider(min=1, max=10, description="Interest", continuous_update=False,
                                    style={"description_width": "90px"})
        self.threshold = w.IntSlider(value=integer("threshold", threshold, low=1, high=9), min=1, max=9,
                                     description="High if above", continuous_update=False,
                                     style={"description_width": "90px"})
        self.about = w.HTML()
        self.result = w.HTML()
        self.result.add_class("pm-result")
        self.plan_html = w.HTML()
        self.plan_html.add_class("pm-plan")
        self.make_code_box()
        self.make_chart("pm-plot")
        self.on_change(self.who, self._select)
        self.on_change([self.power, self.interest], self._moved)
        self.on_change(self.threshold, lambda _: self.refresh())
        self.widget = w.VBox([
            w.HTML("<b>Stakeholder map</b>: pick a stakeholder and move them if you judge their power or "
                   "interest differently; the grid and the plan follow."),
            w.HBox([w.VBox([self.who, self.power, self.interest, self.threshold, self.about]), self.result]),
            self.chart, self.plan_html, self.code_box,
        ])
        self.widget.add_class("pm-stakeholder-map")
        self._select()

    @staticmethod
    def _key(s: dict[str, Any]) -> Any:
        return s.get("id", s.get("role"))

    def _find(self, key: str) -> dict[str, Any]:
        return find_stakeholder(self._people, key)

    # ---------------------------------------------------------------- code API

    @property
    def stakeholders(self) -> list[dict[str, Any]]:
        """The stakeholders as placed now (copies)."""
        return [dict(s) for s in self._people]

    @property
    def plan(self) -> dict[str, dict[str, Any]]:
        return communication_plan(self._people, self.threshold.value)

    @property
    def value(self) -> dict[str, dict[str, Any]]:
        return {k: {"power": p["power"], "interest": p["interest"], "quadrant": p["quadrant"]}
                for k, p in self.plan.items()}

    def set(self, key: str | dict[str, dict[str, int]] | None = None, power: int | None = None,
            interest: int | None = None, *, threshold: int | None = None) -> None:
        """Move one stakeholder on the grid (1-10 each), several (a dict id -> {"power", "interest"}), or the
        threshold; the grid, plan and code line update."""
        if threshold is not None:
            t = integer("threshold", threshold, low=1, high=9)
            with self.quiet():
                self.threshold.value = t
        if isinstance(key, dict):
            for k, spot in stakeholder_placements(key).items():
                self.set(k, power=spot.get("power"), interest=spot.get("interest"))
            return
        if key is None:
            self.refresh()
            return
        s = self._find(key)
        hint = "Power and interest are scored on a 1-10 scale (1 = hardly any, 10 = the most)."
        new_power = s["power"] if power is None else integer("power", power, low=1, high=10, hint=hint)
        new_interest = s["interest"] if interest is None else integer("interest", interest, low=1, high=10, hint=hint)
        s["power"], s["interest"] = new_power, new_interest
        with self.quiet():
            self.who.value = key
        self._select()

    # ---------------------------------------------------------------- events

    def _select(self, change=None) -> None:
        s = self._find(self.who.value)
        with self.quiet():
            self.power.value, self.interest.value = int(s["power"]), int(s["interest"])
        self.about.value = (
            f"<div style='max-width:420px;font-size:90%'><b>{html.escape(s.get('role', ''))}</b><br>"
            f"wants: {html.escape(str(s.get('wants', '-')))}<br>worried about: {html.escape(str(s.get('concerns', '-')))}</div>"
        )
        self.refresh()

    def _moved(self, change=None) -> None:
        s = self._find(self.who.value)
        s["power"], s["interest"] = self.power.value, self.interest.value
        self.refresh()

    def code(self) -> str:
        lines = []
        for s in self._people:
            k = self._key(s)
            if (s["power"], s["interest"]) != self._original[k]:
                lines.append(f"{self.name}.set({k!r}, power={s['power']}, interest={s['interest']})")
        if self.threshold.value != self._threshold0:
            lines.append(f"{self.name}.set(threshold={self.threshold.value})")
        return "\n".join(lines) if lines else f"# {self.name} is as the case study scores it: nothing to replay"

    def plot(self):
        """The power / interest grid, the selected stakeholder highlighted (a new matplotlib figure)."""
        return stakeholder_grid(self._people, self.threshold.value, highlight=self.who.value)

    def refresh(self) -> None:
        plan = self.plan
        s = self._find(self.who.value)
        key = self._key(s)
        quadrant = plan[key]["quadrant"]
        counts = {q: sum(p["quadrant"] == q for p in plan.values()) for q in QUADRANTS}
        self.result.value = (
            f"<div style='padding:.3em .8em'><div><b>{html.escape(_short(s))}</b> "
            f"(power {s['power']}, interest {s['interest']}): <b>{quadrant}</b></div>"
            f"<div>{html.escape(plan[key]['frequency'])}, through {html.escape(plan[key]['forum'])}</div>"
            f"<div style='opacity:.8;font-size:90%'>"
            + " · ".join(f"{q}: {n}" for q, n in counts.items()) + "</div></div>"
        )
        self.plan_html.value = _plan_table(plan, self._people)
        self.show_code()
        self.draw()


class RaciEditor(Widget):
    """A RACI matrix to edit: one text box per task and role, validated as you type.

    Type R, A, C or I (or "A/R" when the owner also does the work); leave a
    box empty when the role is not involved. ``.value`` is the matrix as a
    plain dict, ``.problems`` what ``validate_raci`` finds. In code, one cell:
    ``editor.set("Write release notes", "Support lead", "R")``, or the whole
    matrix: ``editor.set({...})``.
    """

    code_intro = _CODE_INTRO

    def __init__(self, matrix: dict[str, dict[str, str]], roles: list[str] | None = None, name: str = "editor"):
        super().__init__(name)
        self.status = w.HTML()
        self.status.add_class("pm-result")
        self.make_code_box()
        self.grid = w.GridBox()
        self.grid.add_class("pm-raci-grid")
        self.widget = w.VBox([
            w.HTML("<style>.pm-raci-bad input{border-color:#D55E00!important;border-width:2px!important}</style>"
                   "<b>RACI editor</b>: R Responsible (does the work), A Accountable (owns the outcome, exactly "
                   "one per task), C Consulted (asked before), I Informed (told after). Empty = not involved. "
                   "Boxes of tasks with a problem get a thick orange border."),
            self.grid, self.status, self.code_box,
        ])
        self.widget.add_class("pm-raci-editor")
        self._build(matrix, roles)

    def _build(self, matrix: dict[str, dict[str, str]], roles: list[str] | None = None) -> None:
        validate_raci(matrix)  # validates the shape (types); problems are fine, they are what you fix
        roles = raci_roles(matrix, roles)
        self.tasks, self.roles = list(matrix), list(roles)
        self.cells: dict[tuple[str, str], w.Text] = {}
        children: list[w.Widget] = [w.HTML("<b>task</b>")] + [w.HTML(f"<b>{html.escape(r)}</b>") for r in self.roles]
        for task in self.tasks:
            children.append(w.HTML(html.escape(task)))
            for role in self.roles:
                box = w.Text(value=matrix[task].get(role, ""), placeholder="-", tooltip=f"{task}: {role}",
                             layout=w.Layout(width="64px"), continuous_update=True)
                self.on_change(box, lambda _: self.refresh())
                self.cells[(task, role)] = box
                children.append(box)
        self.grid.children = children
        self.grid.layout = w.Layout(grid_template_columns=f"minmax(180px, 260px) repeat({len(self.roles)}, 72px)",
                                    grid_gap="4px 6px", align_items="center")
        self.refresh()

    # ---------------------------------------------------------------- code API

    @property
    def value(self) -> dict[str, dict[str, str]]:
        return {
            task: {role: self.cells[(task, role)].value.strip() for role in self.roles
                   if self.cells[(task, role)].value.strip() not in ("", "-")}
            for task in self.tasks
        }

    def set(self, task: str | dict[str, dict[str, str]], role: str | None = None, letters: str | None = None) -> None:
        """Set one cell, e.g. ``editor.set("Launch plan", "PM", "A")`` ("" clears it), or the whole matrix,
        ``editor.set({"Launch plan": {"PM": "A", "Eng": "R"}, ...})`` (new tasks and roles are added)."""
        if isinstance(task, dict):
            matrix = task
            validate_raci(matrix)  # shape check
            roles = list(dict.fromkeys(r for row in matrix.values() for r in row))
            if list(matrix) == self.tasks and set(roles) <= set(self.roles):
                with self.quiet():
                    for t in self.tasks:
                        for r in self.roles:
                            self.cells[(t, r)].value = matrix[t].get(r, "")
                self.refresh()
            else:
                self._build(matrix, list(dict.fromkeys(self.roles + roles)))
            return
        letters = raci_cell(self.tasks, self.roles, task, role, letters)  # validates task and role too
        self.cells[(task, str(role))].value = letters

    @property
    def problems(self) -> list[str]:
        return validate_raci(self.value)

    def code(self) -> str:
        rows = ",\n".join(f"    {task!r}: {row!r}" for task, row in self.value.items())
        return f"{self.name}.set({{\n{rows},\n}})"

    def refresh(self) -> None:
        problems = self.problems
        bad_tasks = {t for t in self.tasks if any(p.startswith(repr(t) + ":") for p in problems)}
        for (task, _role), box in self.cells.items():
            if task in bad_tasks:
                box.add_class("pm-raci-bad")
            else:
                box.remove_class("pm-raci-bad")
        if problems:
            self.status.value = status_box(
                False, "Not valid yet", problems,
                detail=f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {len(bad_tasks)} of "
                       f"{len(self.tasks)} tasks",
            )
        else:
            self.status.value = status_box(
                True, "Valid", detail=f"each of the {len(self.tasks)} tasks has exactly one A and at least one R.")
        self.show_code()


def _meter(n: int) -> str:
    return "■" * n + "□" * (10 - n)


class ScenarioPlayer(Widget):
    """A scenario played with buttons or in code; deterministic from the seed.

    By default module 05's custom-report scenario; ``scenario=`` plays any
    :class:`pm_course.scenario.Scenario` (e.g. module 08's), under ``heading``.

    ``scenario.choose("b")``, ``scenario.play(["b", "a"])``, ``scenario.reset(seed=7)``.
    ``.value`` is ``{"seed", "choices", "finished", "outcome"}``, plain data.
    """

    code_intro = _CODE_INTRO

    def __init__(self, seed: int = 0, name: str = "scenario", scenario: Any = None, heading: str = ""):
        super().__init__(name)
        self.scenario = Scenario(seed) if scenario is None else scenario
        self.story = w.HTML()
        self.story.add_class("pm-story")
        self.log = w.HTML()
        self.log.add_class("pm-history")
        self.meters = w.HTML()
        self.meters.add_class("pm-meters")
        self.result = w.HTML()
        self.result.add_class("pm-result")
        self.make_code_box()
        self.buttons = w.HBox()
        self.seed_box = w.BoundedIntText(value=self.scenario.seed, min=0, max=10**9, description="Seed",
                                         layout=w.Layout(width="180px"))
        self.restart = w.Button(description="Start again", icon="refresh", tooltip="Start again with this seed")
        self.restart.on_click(lambda _: self.reset(seed=self.seed_box.value))
        self.widget = w.VBox([
            w.HTML(heading or "<b>Scenario: a custom report before the launch</b>. Choose what you do; each "
                   "choice has consequences. Chance plays a part, drawn from the seed, so the same seed and "
                   "choices always tell the same story."),
            self.log, self.story, self.buttons, self.meters, self.result,
            w.HBox([self.seed_box, self.restart]), self.code_box,
        ])
        self.widget.add_class("pm-scenario")
        self.refresh()

    @property
    def value(self) -> dict[str, Any]:
        return self.scenario.value

    @property
    def outcome(self) -> dict[str, Any] | None:
        return self.scenario.value["outcome"]

    def choose(self, key: str) -> str:
        """Make one choice; returns what happened."""
        try:
            return self.scenario.choose(key)
        finally:
            self.refresh()

    def play(self, keys: list[str]) -> dict[str, Any] | None:
        """Make several choices in order; returns the outcome if the story ended."""
        try:
            return self.scenario.play(keys)
        finally:
            self.refresh()

    def reset(self, seed: int | None = None) -> None:
        """Start again (with a new seed if given)."""
        self.scenario.reset(seed)
        self.seed_box.value = self.scenario.seed
        self.refresh()

    def code(self) -> str:
        return self.scenario.code(self.name)

    def _click(self, button) -> None:
        self.choose(button.choice_key)

    def refresh(self) -> None:
        s = self.scenario
        esc = html.escape
        self.log.value = "".join(
            f"<div style='opacity:.8;margin:.2em 0'>{i}. You chose <b>{esc(h['choice'])}</b>: {esc(h['label'])}"
            f"<br><i>{esc(h['happened'])}</i></div>"
            for i, h in enumerate(s.history, start=1)
        )
        if s.finished:
            self.story.value = ""
            self.buttons.children = []
            o: Any = s.outcome
            colour = {"strong": PALETTE["green"], "mixed": PALETTE["orange"], "poor": PALETTE["vermillion"]}.get(
                o["verdict"], PALETTE["grey"])
            self.result.value = (
                f"<div role='status' style='border-left:6px solid {colour};padding:.3em .8em'>"
                f"<b>Ending: {esc(o['title'])}</b>, verdict <b>{esc(o['verdict'])}</b>. {esc(s.summary())}; "
                f"{o['steps']} choices.<br>{esc(o['lesson'])}</div>"
            )
        else:
            self.story.value = (
                f"<div style='border-left:4px solid {PALETTE['blue']};padding:.3em .8em;margin:.3em 0'>"
                f"<b>{esc(s.title)}</b><p>{esc(s.text)}</p><ol type='a'>"
                + "".join(f"<li>{esc(label)}</li>" for label in s.options.values()) + "</ol></div>"
            )
            buttons = []
            for key, label in s.options.items():
                b = w.Button(description=f"Choose {key}", tooltip=label, layout=w.Layout(width="110px"))
                b.choice_key = key
                b.on_click(self._click)
                buttons.append(b)
            self.buttons.children = buttons
            self.result.value = "<div role='status' style='opacity:.8'>The story is not over yet.</div>"
        self.meters.value = (
            "<table style='font-size:90%'>"
            + "".join(f"<tr><td>{esc(label)}</td><td style='font-family:monospace'>{esc(gauge)}</td>"
                      f"<td>{esc(reading)}</td></tr>" for label, gauge, reading in s.gauges())
            + "</table>"
        )
        self.show_code()
