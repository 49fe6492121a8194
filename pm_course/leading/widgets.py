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
from .people import (
    CHANGE_ACTIONS,
    DELEGATION_DECISIONS,
    DELEGATION_LEVELS,
    KOTTER_STEPS,
    delegation_level,
    judgement_words,
    sbi_issues,
    sbi_text,
    step_score,
    validate_steps,
)
from .scenario import LeadershipScenario

__all__ = ["MotivationProfile", "ActionSorter", "LeadershipPlayer", "StepSorter", "FeedbackBuilder", "DelegationPicker"]


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
            # flex "0 0 auto": in the scrolling list below, a row must keep its height (a flex item that
            # scrolls may shrink to nothing, which hid every dropdown)
            rows.append(W.VBox([W.HTML(f"<b>{a['id']}</b> {ui.esc(a['action'])}"), W.HBox([box, note])],
                               layout=W.Layout(flex="0 0 auto")))
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


_NOT_PLACED = "(not placed yet)"
_STEP_OPTIONS = [(_NOT_PLACED, 0)] + [(f"{n}. {name}", n) for n, name, _ in KOTTER_STEPS]


def _row(children: list[Any]) -> Any:
    """A row of a scrolling list: flex "0 0 auto" keeps its height (a flex item that scrolls may shrink to
    nothing, which hides its dropdown)."""
    return W.VBox(children, layout=W.Layout(flex="0 0 auto"))


class StepSorter(ui.Widget):
    """Place eight actions of Shiftbrew's change, from a feature team to an empowered team, in Kotter's eight steps.

    ``steps.set({"K01": 1, ...})`` places from code (a step's number or name);
    ``.value`` is ``{"placements", "score"}``. Each placed action shows
    whether it is in its step and why, or how many steps off it is.
    """

    def __init__(self, placements: Any = None, name: str = "steps"):
        super().__init__(name)
        self.boxes: dict[str, Any] = {}
        self.notes: dict[str, Any] = {}
        rows = []
        for a in CHANGE_ACTIONS:
            box = W.Dropdown(options=_STEP_OPTIONS, value=0, description=a["id"],
                             layout=W.Layout(width="380px"), style={"description_width": "40px"})
            box.add_class(f"pm-step-{a['id']}")
            note = W.HTML().add_class("pm-step-note")
            self.boxes[a["id"]], self.notes[a["id"]] = box, note
            rows.append(_row([W.HTML(f"<b>{a['id']}</b> {ui.esc(a['action'])}"), W.HBox([box, note])]))
        self.on_change(list(self.boxes.values()), lambda _: self.refresh())
        self.status = W.HTML().add_class("pm-result")
        self.make_code_box()
        self.widget = W.VBox([
            W.HTML("<b>Kotter's eight steps at Shiftbrew.</b> For each action of the change, pick the step it "
                   "belongs to (one action per step)."),
            W.VBox(rows, layout=W.Layout(max_height="460px", overflow="auto")),
            self.status, self.code_box,
        ])
        self.widget.add_class("pm-steps")
        if placements is not None:
            self.set(placements)
        else:
            self.refresh()

    @property
    def placements(self) -> dict[str, int | None]:
        return {k: (b.value or None) for k, b in self.boxes.items()}

    @property
    def value(self) -> dict[str, Any]:
        p = self.placements
        return {"placements": p, "score": step_score(p)}

    def set(self, placements: Any) -> None:
        """Place actions, e.g. ``steps.set({"K01": 1, "K02": "create the guiding coalition"})``; others are cleared."""
        p = validate_steps(placements)
        with self.quiet():
            for k, b in self.boxes.items():
                b.value = p.get(k) or 0
        self.refresh()

    def code(self) -> str:
        placed = {k: v for k, v in self.placements.items() if v is not None}
        return f"{self.name}.set({placed!r})"

    def refresh(self) -> None:
        s = step_score(self.placements)
        by = {a["id"]: a for a in CHANGE_ACTIONS}
        for k, v in self.placements.items():
            if v is None:
                self.notes[k].value = ""
            elif v == by[k]["step"]:
                self.notes[k].value = f"<span style='color:{ui.CATEGORY['good']}'>&#10003;</span> {ui.esc(by[k]['why'])}"
            else:
                off = s["off_by"][k]
                self.notes[k].value = (f"<span style='color:{ui.CATEGORY['bad']}'>&#10007;</span> "
                                       f"{abs(off)} step{'s' if abs(off) > 1 else ''} too {'late' if off > 0 else 'early'}: "
                                       "what has to be true before this can work?")
        done = s["right"] == s["total"]
        self.status.value = ui.status_box(
            None if s["placed"] == 0 else done,
            f"{s['right']} of {s['total']} actions in Kotter's step",
            detail="" if done else f"{s['total'] - s['placed']} not placed yet.")
        self.show_code()


class FeedbackBuilder(ui.Widget):
    """Write a piece of feedback in three parts, SBI (situation, behaviour, impact); judgement words are flagged.

    ``feedback.set(situation=..., behaviour=..., impact=...)``; ``.value`` is
    ``{"situation", "behaviour", "impact", "issues", "message"}``.
    """

    def __init__(self, situation: str = "", behaviour: str = "", impact: str = "", name: str = "feedback"):
        super().__init__(name)
        self.fields = {
            part: W.Textarea(placeholder=tip, description=part.capitalize(), rows=2,
                             layout=W.Layout(width="620px"), style={"description_width": "80px"})
            for part, tip in (("situation", "When and where? e.g. In Tuesday's roadmap review,"),
                              ("behaviour", "What did they do or say, as a camera would record it?"),
                              ("impact", "What did it cause, for whom?"))
        }
        for part, f in self.fields.items():
            f.add_class(f"pm-sbi-{part}")
        self.on_change(list(self.fields.values()), lambda _: self.refresh())
        self.result = W.HTML().add_class("pm-result")
        self.make_code_box()
        self.widget = W.VBox([
            W.HTML("<b>SBI feedback builder.</b> Write the situation, the behaviour and the impact; words that "
                   "judge the person or generalise are flagged."),
            *self.fields.values(), self.result, self.code_box,
        ])
        self.widget.add_class("pm-sbi")
        self.set(situation=situation, behaviour=behaviour, impact=impact)

    @property
    def value(self) -> dict[str, Any]:
        v = {part: f.value for part, f in self.fields.items()}
        return {**v, "issues": sbi_issues(**v), "message": sbi_text(**v)}

    def set(self, situation: str = "", behaviour: str = "", impact: str = "") -> None:
        """Fill the three parts, e.g. ``feedback.set(situation="In Tuesday's review,", behaviour=..., impact=...)``."""
        sbi_issues(situation, behaviour, impact)
        with self.quiet():
            for part, v in (("situation", situation), ("behaviour", behaviour), ("impact", impact)):
                self.fields[part].value = v
        self.refresh()

    def code(self) -> str:
        v = {part: f.value for part, f in self.fields.items()}
        if not any(x.strip() for x in v.values()):
            return ""
        return f"{self.name}.set(" + ", ".join(f"{k}={x!r}" for k, x in v.items()) + ")"

    def refresh(self) -> None:
        v = self.value
        flagged = {part: judgement_words(v[part]) for part in self.fields}
        shown = []
        for part in self.fields:
            words = flagged[part]
            shown.append(f"<b>{part}</b>: " + (ui.esc(", ".join(words)) if words else "no judgement words"))
        ok = None if not any(v[p].strip() for p in self.fields) else not v["issues"]
        self.result.value = ui.status_box(
            ok, "Ready to say" if ok else "To fix before you say it", v["issues"],
            detail=(f"<p><i>{ui.esc(v['message'])}</i></p>" if v["message"] else "") + "<br>".join(shown))
        self.show_code()


_LEVEL_OPTIONS = [(f"{n}. {name}: {how}", n) for n, name, how in DELEGATION_LEVELS]


class DelegationPicker(ui.Widget):
    """Pick a level of delegation (Appelo's seven) for each of six Shiftbrew decisions; see who decides, and how.

    ``delegation.set({"D1": "tell", ...})`` (a level's name or number);
    ``.value`` is ``{"levels", "matches"}``: the level picked for each
    decision, and whether it matches the level the lesson argues for.
    """

    def __init__(self, levels: Any = None, name: str = "delegation"):
        super().__init__(name)
        self.boxes: dict[str, Any] = {}
        self.notes: dict[str, Any] = {}
        rows = []
        for d in DELEGATION_DECISIONS:
            box = W.Dropdown(options=_LEVEL_OPTIONS, value=4, description=d["id"],
                             layout=W.Layout(width="560px"), style={"description_width": "30px"})
            box.add_class(f"pm-delegate-{d['id']}")
            note = W.HTML().add_class("pm-delegate-note")
            self.boxes[d["id"]], self.notes[d["id"]] = box, note
            rows.append(_row([W.HTML(f"<b>{d['id']}</b> {ui.esc(d['decision'])}"), box, note]))
        self.on_change(list(self.boxes.values()), lambda _: self.refresh())
        self.status = W.HTML().add_class("pm-result")
        self.make_code_box()
        self.widget = W.VBox([
            W.HTML("<b>Who decides?</b> For each decision pick a level, from 1 (the CEO tells) to 7 (the team "
                   "decides and need not tell anyone)."),
            W.VBox(rows, layout=W.Layout(max_height="460px", overflow="auto")),
            self.status, self.code_box,
        ])
        self.widget.add_class("pm-delegation")
        self.set(levels if levels is not None else {})

    @property
    def levels(self) -> dict[str, int]:
        return {k: int(b.value) for k, b in self.boxes.items()}

    @property
    def value(self) -> dict[str, Any]:
        by = {d["id"]: d["level"] for d in DELEGATION_DECISIONS}
        lv = self.levels
        return {"levels": lv, "matches": sorted(k for k, v in lv.items() if v == by[k])}

    def set(self, levels: Any) -> None:
        """Pick levels, e.g. ``delegation.set({"D1": "tell", "D4": 5})``; decisions not named go back to 4 (agree)."""
        if type(levels) is not dict:
            from ..core.validate import InputTypeError, describe

            raise InputTypeError(f"levels are a dict decision id -> level, e.g. {{'D1': 'tell'}}; got {describe(levels)}.")
        known = {d["id"] for d in DELEGATION_DECISIONS}
        parsed = {}
        for k, v in levels.items():
            key = k.strip().upper() if type(k) is str else k
            if key not in known:
                from ..core.validate import InputError

                raise InputError(f"{k!r} is not a decision id; the decisions are {', '.join(sorted(known))}.")
            parsed[key] = delegation_level(v)
        with self.quiet():
            for k, b in self.boxes.items():
                b.value = parsed.get(k, 4)
        self.refresh()

    def code(self) -> str:
        names = {n: name for n, name, _ in DELEGATION_LEVELS}
        return f"{self.name}.set({ {k: names[v] for k, v in self.levels.items()}!r})"

    def refresh(self) -> None:
        by = {d["id"]: d for d in DELEGATION_DECISIONS}
        for k, v in self.levels.items():
            d = by[k]
            if v == d["level"]:
                self.notes[k].value = f"<span style='color:{ui.CATEGORY['good']}'>&#10003;</span> {ui.esc(d['why'])}"
            else:
                side = "more" if v < d["level"] else "less"
                self.notes[k].value = (f"<span style='color:{ui.CATEGORY['bad']}'>&#8594;</span> the lesson argues "
                                       f"for {side} delegation here: {ui.esc(d['why'])}")
        m = len(self.value["matches"])
        self.status.value = ui.status_box(m == len(by), f"{m} of {len(by)} decisions at the level the lesson argues for")
        self.show_code()
