"""Widgets for module 08: a motivation profile with a team view, a managing-or-leading sorter, and the
leadership scenario (module 05's scenario player, given this module's scenario).

Thin layers over :mod:`.motivation`, :mod:`.leadership` and :mod:`.scenario`;
they validate nothing themselves.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from .. import ui
from ..collaboration.widgets import ScenarioPlayer
from ..data import load
from .leadership import ACTIONS, CATEGORIES, KOTTER, kotter_kind, sort_score, validate_placements
from .motivation import DRIVER_INFO, DRIVERS, PINK_ELEMENTS, SDT_NEEDS, profile, team_view, validate_ranking
from .scenario import LeadershipScenario

__all__ = ["MotivationProfile", "ActionSorter", "LeadershipPlayer"]


def _name(d: str) -> str:
    return DRIVER_INFO[d]["name"]


class MotivationProfile(ui.Widget):
    """Rank the eight drivers; see them against the research, what work would feed them, and the team's view.

    ``profile.set([...])`` sets the ranking (ids, most motivating first).
    ``team`` is a list of profiles (default: the Shiftbrew product team, from
    ``load("team_motivation")``); ``team=[]`` hides the team view. ``.value``
    is ``{"ranking", "profile", "team"}``, plain data.
    """

    def __init__(self, ranking: Any = None, team: Any = None, name: str = "profile"):
        super().__init__(name)
        self._team = load("team_motivation") if team is None else list(team)
        self._team_rows = team_view(self._team) if self._team else []
        self._ranking = validate_ranking(list(DRIVERS) if ranking is None else ranking)
        self.select = W.Select(options=[], rows=8, description="Your ranking", layout=W.Layout(width="420px"))
        self.select.add_class("pm-ranking")
        self.up = W.Button(description="Move up", icon="arrow-up", tooltip="Move the selected driver up")
        self.down = W.Button(description="Move down", icon="arrow-down", tooltip="Move the selected driver down")
        self.up.add_class("pm-move-up")
        self.down.add_class("pm-move-down")
        self.up.on_click(lambda _: self._move(-1))
        self.down.on_click(lambda _: self._move(1))
        self.summary = W.HTML().add_class("pm-profile")
        self.team_html = W.HTML().add_class("pm-team")
        self.code_html = W.HTML().add_class("pm-code")
        self.chart = W.Output()
        self.widget = W.VBox([
            W.HTML("<b>What motivates you?</b> Select a driver and move it up or down: most motivating first."),
            W.HBox([self.select, W.VBox([self.up, self.down])]),
            self.summary, self.chart, self.team_html, self.code_html,
        ])
        self.widget.add_class("pm-motivation")
        self.refresh()

    # -- state

    @property
    def value(self) -> dict[str, Any]:
        return {
            "ranking": list(self._ranking),
            "profile": profile(self._ranking),
            "team": [dict(r) for r in self._team_rows],
        }

    def set(self, ranking: Any) -> None:
        """Set the ranking, e.g. ``profile.set(['ownership', 'customer_impact', ...])`` (all eight drivers)."""
        self._ranking = validate_ranking(ranking)
        self.refresh()

    def code(self) -> str:
        return f"{self.name}.set({self._ranking!r})"

    def _move(self, step: int) -> None:
        i = self.select.index
        if i is None:
            return
        j = i + step
        if not 0 <= j < len(self._ranking):
            return
        r = list(self._ranking)
        r[i], r[j] = r[j], r[i]
        self._ranking = r
        self.refresh()
        with self.quiet():
            self.select.index = j

    # -- display

    def plot(self):
        p = profile(self._ranking)
        fig, axes = ui.figure(9.5, 3.8, ncols=2 if self._team_rows else 1)
        ax = axes[0] if self._team_rows else axes
        groups = [("Self-determination theory (SDT)", SDT_NEEDS, p["needs"]),
                  ("Pink, Drive", PINK_ELEMENTS, p["pink"]), ("Kind", ("intrinsic", "mixed", "extrinsic"), p["kind"])]
        prefix = ("SDT: ", "Pink: ", "")
        labels, values, colours = [], [], []
        palette = [ui.PALETTE["blue"], ui.PALETTE["orange"], ui.PALETTE["green"]]
        for g, (_, cats, shares) in enumerate(groups):
            for c in cats:
                labels.append(prefix[g] + c)
                values.append(shares[c])
                colours.append(palette[g])
        y = list(range(len(labels)))[::-1]
        ax.barh(y, values, color=colours)
        for yi, v in zip(y, values):
            ax.text(v + 0.01, yi, f"{v:.0%}", va="center", fontsize=8)
        ax.set_yticks(y, labels, fontsize=8)
        ax.set_xlim(0, 1)
        ax.set_xlabel("share of your ranking's points")
        ax.set_title("Your drivers, by research category", fontsize=10)
        from matplotlib.patches import Patch

        handles = [Patch(color=palette[g], label=groups[g][0]) for g in range(3)]
        ax.legend(handles=handles, fontsize=7, loc="lower right")
        if self._team_rows:
            tx = axes[1]
            rows = self._team_rows[::-1]
            yy = list(range(len(rows)))
            top = {r["driver"] for r in self._team_rows[:3]}
            tx.barh(yy, [r["attention"] for r in rows],
                    color=[ui.CATEGORY["bad"] if r["driver"] in top else ui.CATEGORY["neutral"] for r in rows],
                    hatch=["//" if r["driver"] in top else "" for r in rows])
            tx.set_yticks(yy, [r["name"] for r in rows], fontsize=8)
            tx.set_xlim(0, 1)
            tx.set_xlabel("attention (0-1): matters x starved today")
            tx.set_title(f"The team ({len(self._team)} profiles): where to act", fontsize=10)
        return fig

    def refresh(self) -> None:
        p = profile(self._ranking)
        with self.quiet():
            index = self.select.index
            self.select.options = [f"{i + 1}. {_name(d)}" for i, d in enumerate(self._ranking)]
            self.select.index = index
        top = "".join(f"<li><b>{ui.esc(_name(d))}</b>: feed it with {ui.esc(DRIVER_INFO[d]['feeds'])}; it dies of "
                      f"{ui.esc(DRIVER_INFO[d]['kills'])}.</li>" for d in p["top"])
        strongest = max(SDT_NEEDS, key=lambda n: p["needs"][n])
        self.summary.value = (
            f"<div>Your top three drivers, and the work that would feed them:<ul>{top}</ul>"
            f"In self-determination theory terms your ranking leans on <b>{ui.esc(strongest)}</b> "
            f"({p['needs'][strongest]:.0%} of your points); intrinsic drivers hold {p['kind']['intrinsic']:.0%}.</div>"
        )
        if self._team_rows:
            self.team_html.value = ui.table(
                ["driver", "mean points (1-8)", "fed today (1-5)", "attention (0-1)", "a leader can"],
                [(r["name"], round(r["points"], 2), round(r["fed"], 2), round(r["attention"], 2),
                  DRIVER_INFO[r["driver"]]["support"]) for r in self._team_rows],
                left=(0, 4), selected=lambda i, _: i < 3, css_class="pm-team-table",
                caption="The team view: the three rows in bold need a leader's attention first.")
        else:
            self.team_html.value = ""
        self.code_html.value = ui.code_box(self.code())
        ui.show_in(self.chart, self.plot())


_UNPLACED = "(not sorted yet)"


class ActionSorter(ui.Widget):
    """Sort twenty actions of Shiftbrew's CEO, who leads product, into Kotter's six activities (three each side).

    ``sorter.set({"A01": "planning and budgeting", ...})`` places from code;
    ``.value`` is ``{"placements", "score"}``. With ``explain=True`` each
    placed action shows whether it matches Kotter's reading and why.
    """

    def __init__(self, placements: Any = None, name: str = "sorter", explain: bool = True):
        super().__init__(name)
        self.explain = bool(explain)
        self.boxes = {}
        self.notes = {}
        rows = []
        for a in ACTIONS:
            box = W.Dropdown(options=[_UNPLACED, *CATEGORIES], value=_UNPLACED, description=a["id"],
                             layout=W.Layout(width="330px"), style={"description_width": "40px"})
            box.add_class(f"pm-sort-{a['id']}")
            note = W.HTML()
            note.add_class("pm-sort-note")
            self.boxes[a["id"]] = box
            self.notes[a["id"]] = note
            rows.append(W.VBox([W.HTML(f"<b>{a['id']}</b> {ui.esc(a['action'])}"), W.HBox([box, note])]))
        self.on_change(list(self.boxes.values()), lambda _: self.refresh())
        self.status = W.HTML().add_class("pm-result")
        self.code_html = W.HTML().add_class("pm-code")
        self.chart = W.Output()
        self.widget = W.VBox([
            W.HTML("<b>Managing or leading?</b> For each action pick one of Kotter's six activities: "
                   + "; ".join(f"{k}: {', '.join(v)}" for k, v in KOTTER.items()) + "."),
            W.VBox(rows, layout=W.Layout(max_height="420px", overflow="auto")),
            self.status, self.chart, self.code_html,
        ])
        self.widget.add_class("pm-sorter")
        if placements is not None:
            self.set(placements)
        else:
            self.refresh()

    @property
    def placements(self) -> dict[str, str | None]:
        return {k: (None if b.value == _UNPLACED else b.value) for k, b in self.boxes.items()}

    @property
    def value(self) -> dict[str, Any]:
        p = self.placements
        return {"placements": p, "score": sort_score(p)}

    def set(self, placements: Any) -> None:
        """Place actions, e.g. ``sorter.set({"A01": "planning and budgeting"})``; others become unsorted."""
        p = validate_placements(placements)
        with self.quiet():
            for k, b in self.boxes.items():
                b.value = p.get(k) or _UNPLACED
        self.refresh()

    def code(self) -> str:
        placed = {k: v for k, v in self.placements.items() if v is not None}
        return f"{self.name}.set({placed!r})"

    def plot(self):
        p = self.placements
        by = {a["id"]: a for a in ACTIONS}
        right = [sum(1 for k, v in p.items() if v == c and by[k]["category"] == c) for c in CATEGORIES]
        wrong = [sum(1 for k, v in p.items() if v == c and by[k]["category"] != c) for c in CATEGORIES]
        fig, ax = ui.figure(7.5, 3.6)
        y = list(range(len(CATEGORIES)))[::-1]
        ax.barh(y, right, color=ui.CATEGORY["good"], label="matches Kotter")
        ax.barh(y, wrong, left=right, color=ui.CATEGORY["bad"], hatch="//", label="does not match")
        ax.set_yticks(y, [f"{c} ({kotter_kind(c)})" for c in CATEGORIES], fontsize=8)
        ax.set_xlabel("actions placed")
        ax.set_xlim(0, max(5, max(r + w for r, w in zip(right, wrong)) + 1))
        ax.set_title("Your sort, by Kotter's activity", fontsize=10)
        ax.legend(fontsize=8, loc="lower right")
        return fig

    def refresh(self) -> None:
        s = sort_score(self.placements)
        by = {a["id"]: a for a in ACTIONS}
        for k, v in self.placements.items():
            if v is None or not self.explain:
                self.notes[k].value = ""
            elif v == by[k]["category"]:
                self.notes[k].value = f"<span style='color:{ui.CATEGORY['good']}'>&#10003;</span> {ui.esc(by[k]['why'])}"
            elif kotter_kind(v) == by[k]["kind"]:
                self.notes[k].value = (f"<span style='color:{ui.CATEGORY['bad']}'>&#10007;</span> right side "
                                       f"({ui.esc(by[k]['kind'])}), another of its three activities.")
            else:
                self.notes[k].value = (f"<span style='color:{ui.CATEGORY['bad']}'>&#10007;</span> does this cope "
                                       "with complexity (managing) or with change (leading)?")
        done = s["right_category"] == s["total"]
        self.status.value = ui.status_box(
            None if s["placed"] == 0 else done,
            f"{s['right_category']} of {s['total']} in Kotter's activity; {s['right_kind']} of {s['placed']} placed "
            "on the right side (managing or leading)",
            detail="" if done else f"{s['total'] - s['placed']} not sorted yet.")
        self.code_html.value = ui.code_box(self.code())
        ui.show_in(self.chart, self.plot())


class LeadershipPlayer(ScenarioPlayer):
    """The missed-target scenario in module 05's scenario player: buttons, meters, and the replay line.

    ``scenario.choose("a")``, ``scenario.play(["a", "a"])``, ``scenario.reset(seed=7)``;
    ``.value`` is ``{"seed", "choices", "finished", "outcome"}``.
    """

    def __init__(self, seed: int = 0, name: str = "scenario"):
        super().__init__(seed, name, scenario=LeadershipScenario(seed), heading=(
            "<b>Scenario: leading through a missed target.</b> Nobody reports to you. Choose what you do; "
            "each choice moves the team's trust, the CEO's trust and what you know. Chance plays a part, drawn "
            "from the seed, so the same seed and choices always tell the same story."))
        self.widget.add_class("pm-leadership")
