"""Interactive widgets for Module 01 (ipywidgets 8 and matplotlib), thin layers over the pure logic.

- :class:`RoleSorter`: pick a role for each of about twenty tasks; reveal the explanations.
- :class:`WeekPlanner`: hours per activity; a stacked bar of the week against the reference ranges.
- :class:`LifecycleExplorer`: a weekly metric of Shiftbrew, its growth rate and its change; mark the stage.
- :class:`StoryChecker`: a user story, its acceptance criteria and a one-page brief, checked rule by rule.
- :class:`RiskBoard`: the assumptions behind "find cover" sorted into the four risks, with the cheapest test.
- :class:`CardSorter`: sort cards (output / outcome / impact, team types, discovery / delivery, PM / product
  marketing) and reveal why.
- :class:`StoryMapPlanner`: find cover as a story map; choose the first release's slice.

Each follows :class:`pm_course.ui.Widget`: ``.widget``, ``.value`` (plain data),
``.set(...)``, ``.code()``, ``.plot()`` (where a chart helps) and ``.chart``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as W

from ..core import progress
from ..core.validate import InputError, InputTypeError, choice, text
from ..data import load
from ..ui import CATEGORY, PALETTE, Widget, code_box, esc, figure, show_in, status_box, table
from .lifecycle import STAGE_FOCUS, STAGES, growth_rates, lifecycle_stage, series, stage_id
from .practice import (
    ACTIVITIES_MAP,
    DECKS,
    FIRST_RELEASE_WEEKS,
    STORY_MAP,
    check_release,
    release_effort,
    score_cards,
    story_ids,
)
from .roles import (
    ACTIVITIES,
    CHEAPEST_TEST,
    FIND_COVER_ASSUMPTIONS,
    REFERENCE_RANGES,
    RISK_OWNERS,
    RISKS,
    ROLES,
    SHARED_PARTS,
    TASKS,
    score_risk_board,
    score_sorting,
    sorter_assignment,
    sorter_tasks,
    validate_week_hours,
    week_plan,
)
from .stories import (
    BRIEF_FIELDS,
    backlog_item,
    brief_sections,
    check_brief,
    check_story_with_criteria,
    criteria_list,
    problems,
)

__all__ = ["RoleSorter", "WeekPlanner", "LifecycleExplorer", "StoryChecker", "RiskBoard", "CardSorter", "StoryMapPlanner",
           "METRICS", "three_circles"]

MODULE = "01_pm_role"
_UNSET = "(choose)"
_ROLE_COLOURS = {"product manager": PALETTE["blue"], "product owner": PALETTE["orange"],
                 "project manager": PALETTE["green"], "shared": PALETTE["purple"]}


def _error(exc: Exception) -> str:
    return status_box(False, "That input was not accepted", [str(exc)])


# ---------------------------------------------------------------- the three circles


def three_circles():
    """Eriksson's three circles (2011): business, technology, user experience; the PM in the overlap."""
    from matplotlib.patches import Circle

    fig, ax = figure(6.0, 5.0)
    spots = {"business": (0.0, 0.55), "technology": (-0.5, -0.3), "user experience": (0.5, -0.3)}
    colours = {"business": PALETTE["blue"], "technology": PALETTE["orange"], "user experience": PALETTE["green"]}
    notes = {"business": "goals, pricing,\nsales, churn", "technology": "what can be built,\nat what cost",
             "user experience": "what people want\nand can use"}
    offsets = {"business": (0, 0.45), "technology": (-0.42, -0.3), "user experience": (0.42, -0.3)}
    for name, (x, y) in spots.items():
        ax.add_patch(Circle((x, y), 0.75, facecolor=colours[name], alpha=0.25, edgecolor=colours[name], linewidth=2))
        dx, dy = offsets[name]
        ax.text(x + dx, y + dy, f"{name}\n", ha="center", va="center", fontsize=11, fontweight="bold")
        ax.text(x + dx, y + dy - 0.12, notes[name], ha="center", va="center", fontsize=8.5)
    ax.text(0, 0.0, "product\nmanager", ha="center", va="center", fontsize=11, fontweight="bold",
            bbox={"facecolor": "white", "edgecolor": "black", "boxstyle": "round"})
    ax.set_xlim(-1.4, 1.4)
    ax.set_ylim(-1.2, 1.4)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    ax.set_xlabel("the PM knows enough of each to ask good questions")
    ax.set_ylabel("where the PM's decisions sit")
    ax.set_title("Where the product manager stands (after Eriksson, 2011)")
    return fig


# ---------------------------------------------------------------- role sorter


class RoleSorter(Widget):
    """Pick who owns each task: product manager, product owner, project manager, or shared (parts owned by
    different roles, each part with exactly one owner: :data:`SHARED_PARTS`)."""

    def __init__(self, tasks: Sequence[str] | None = None, name: str = "sorter"):
        super().__init__(name)
        self.tasks = sorter_tasks(tasks)
        self.pickers = {
            t: W.Dropdown(options=[_UNSET, *ROLES], value=_UNSET, description=f"{i + 1}.",
                          layout=W.Layout(width="190px"), style={"description_width": "28px"})
            for i, t in enumerate(self.tasks)
        }
        rows = [W.HBox([p, W.HTML(f"<span style='line-height:28px'>{esc(t)}</span>")]) for t, p in self.pickers.items()]
        self.reveal = W.ToggleButton(description="Show the answers", value=False, icon="eye")
        self.result = W.HTML().add_class("pm-result")
        self.explained = W.HTML().add_class("pm-role-table")
        self.code_line = W.HTML().add_class("pm-code")
        self.chart = W.Output().add_class("pm-chart")
        self.widget = W.VBox([W.VBox(rows), self.reveal, self.result, self.explained, self.code_line, self.chart])
        self.widget.add_class("pm-role-sorter")
        self.on_change(list(self.pickers.values()) + [self.reveal], lambda _: self.refresh())
        self.refresh()

    @property
    def value(self) -> dict[str, str]:
        """The roles picked so far, task -> role (tasks not yet placed are left out)."""
        return {t: p.value for t, p in self.pickers.items() if p.value != _UNSET}

    def set(self, assignment: Mapping[str, str], reveal: bool | None = None) -> None:
        """Place tasks: ``assignment`` is a dict task -> role (validated); ``reveal`` shows the answers."""
        clean = sorter_assignment(assignment, self.tasks)  # validates
        with self.quiet():
            for t, r in clean.items():
                self.pickers[t].value = r
            if reveal is not None:
                self.reveal.value = bool(reveal)
        self.refresh()

    def code(self) -> str:
        return f"{self.name}.set({self.value!r})" if self.value else ""

    def score(self) -> dict[str, Any]:
        """How many of the placed tasks are right (see :func:`score_sorting`)."""
        return score_sorting(self.value)

    def plot(self):
        """Per role: tasks placed right, placed wrong, not placed yet."""
        s = self.score()
        fig, ax = figure(7, 3.2)
        roles = list(ROLES)
        totals = {r: sum(TASKS[t]["role"] == r for t in self.tasks) for r in roles}
        right = [sum(1 for t, v in self.value.items() if v == TASKS[t]["role"] == r) for r in roles]
        wrong = [sum(1 for t in s["wrong"] if TASKS[t]["role"] == r) for r in roles]
        open_ = [totals[r] - a - b for r, a, b in zip(roles, right, wrong)]
        y = range(len(roles))
        ax.barh(y, right, color=CATEGORY["good"], label="placed right")
        ax.barh(y, wrong, left=right, color=CATEGORY["bad"], hatch="//", label="placed wrong")
        ax.barh(y, open_, left=[a + b for a, b in zip(right, wrong)], color=CATEGORY["neutral"], alpha=0.4,
                label="not placed yet")
        ax.set_yticks(list(y), roles)
        ax.invert_yaxis()
        ax.set_xlabel("tasks this role owns")
        ax.set_ylabel("role")
        ax.set_title(f"Role sorter: {s['right']} of {len(self.tasks)} tasks placed right")
        ax.legend(loc="lower right", fontsize=8, frameon=False)
        return fig

    def refresh(self) -> None:
        s = self.score()
        placed = s["placed"]
        if not self.reveal.value:
            self.result.value = status_box(None, f"{placed} of {len(self.tasks)} tasks placed",
                                           detail="press 'Show the answers' to compare and read why.")
            self.explained.value = ""
        else:
            ok = s["right"] == len(self.tasks)
            self.result.value = status_box(ok, f"{s['right']} of {len(self.tasks)} placed right",
                                           detail=f"({placed} placed)")
            rows = []
            for t in self.tasks:
                got = self.pickers[t].value
                mark = "-" if got == _UNSET else ("right" if got == TASKS[t]["role"] else "wrong")
                why = TASKS[t]["why"]
                if t in SHARED_PARTS:
                    why += " Parts: " + "; ".join(f"{part} ({role})" for part, role in SHARED_PARTS[t].items()) + "."
                rows.append([t, got if got != _UNSET else "", TASKS[t]["role"], mark, why])
            self.explained.value = table(["task", "yours", "owner", "", "why"], rows, left=(0, 1, 2, 3, 4),
                                         selected=lambda i, r: r[3] == "wrong")
        self.code_line.value = code_box(self.code())
        if self.reveal.value:
            show_in(self.chart, self.plot())
        else:
            self.chart.clear_output()


# ---------------------------------------------------------------- week planner

DEFAULT_WEEK = {"customers and market": 4.0, "team": 16.0, "stakeholders": 8.0, "data": 4.0, "admin": 8.0}
WEEK_HOURS = 40.0  # the week the lesson and the exercise plan


def share_text(share: float, low: float, high: float) -> str:
    """A share as a percentage, with as many decimals as it takes not to read as a range's edge it misses.

    9.8 % of the week is "low" against 10 % to 20 %: shown as "10%" beside that range it would contradict its
    own status, so it is shown as "9.8%".

    >>> share_text(0.25, 0.1, 0.2), share_text(0.0976, 0.1, 0.2), share_text(0.2003, 0.1, 0.2)
    ('25%', '9.8%', '20.03%')
    """
    for decimals in range(0, 4):
        text = f"{share * 100:.{decimals}f}"
        shown = float(text) / 100
        inside = low - 1e-9 <= share <= high + 1e-9
        if (low - 1e-9 <= shown <= high + 1e-9) == inside:
            return text + "%"
    return f"{share * 100:.4f}%"


class WeekPlanner(Widget):
    """Hours per activity in a PM's week; the week as a stacked bar against the reference ranges.

    The plan is saved to your progress (``load_artifact('01_pm_role', 'week_plan')``)
    each time it changes, and restored when a planner is made again (``restore=True``).
    """

    def __init__(self, hours: Mapping[str, float] | None = None, *, restore: bool = True, name: str = "week"):
        super().__init__(name)
        start = dict(DEFAULT_WEEK)
        saved = progress.load_artifact(MODULE, "week_plan", None) if restore and hours is None else None
        if isinstance(saved, dict):
            try:
                start = validate_week_hours(saved)
            except (InputError, InputTypeError):
                pass
        if hours is not None:
            start = validate_week_hours(hours)
        self.sliders = {a: W.FloatSlider(value=start[a], min=0, max=30, step=0.5, description=a,
                                         continuous_update=False, style={"description_width": "150px"},
                                         layout=W.Layout(width="430px")) for a in ACTIVITIES}
        self.result = W.HTML().add_class("pm-result")
        self.shares = W.HTML().add_class("pm-week-table")
        self.code_line = W.HTML().add_class("pm-code")
        self.chart = W.Output().add_class("pm-chart")
        self.widget = W.VBox([*self.sliders.values(), self.result, self.shares, self.code_line, self.chart])
        self.widget.add_class("pm-week-planner")
        self.on_change(list(self.sliders.values()), self._changed)
        self.refresh()

    @property
    def hours(self) -> dict[str, float]:
        return {a: float(s.value) for a, s in self.sliders.items()}

    @property
    def value(self) -> dict[str, Any]:
        """The plan as plain data: hours, total, shares, status per activity, trade-offs (see :func:`week_plan`)."""
        try:
            return week_plan(self.hours)
        except InputError:
            return {"hours": self.hours, "total": 0.0, "shares": {}, "status": {}, "in_range": 0, "tradeoffs": []}

    def set(self, hours: Mapping[str, float]) -> None:
        """Set the hours of some or all activities (0 to 30 each)."""
        new = validate_week_hours(hours, self.hours)  # names, numbers, the total and the sliders' range
        with self.quiet():
            for a, h in new.items():
                self.sliders[a].value = float(h)
        self._changed(None)

    def code(self) -> str:
        return f"{self.name}.set({ {a: h for a, h in self.hours.items()} !r})"

    def _changed(self, _) -> None:
        plan = self.value
        if plan["total"] > 0:
            progress.save_artifact(MODULE, "week_plan", self.hours)
        self.refresh()

    def plot(self):
        plan = self.value
        fig, (top, bottom) = figure(7.5, 4.6, nrows=2, gridspec_kw={"height_ratios": [1, 2.2]})
        colours = [PALETTE["blue"], PALETTE["orange"], PALETTE["green"], PALETTE["purple"], PALETTE["grey"]]
        hatches = ["", "//", "..", "\\\\", "xx"]
        left = 0.0
        for a, c, h in zip(ACTIVITIES, colours, hatches):
            hrs = plan["hours"][a]
            top.barh([0], [hrs], left=left, color=c, hatch=h, edgecolor="white", label=a)
            if hrs >= 2.5:
                top.text(left + hrs / 2, 0, f"{hrs:g} h", ha="center", va="center", fontsize=8, color="black",
                         bbox={"facecolor": "white", "alpha": 0.7, "edgecolor": "none", "pad": 1})
            left += hrs
        top.set_yticks([])
        top.set_xlabel("hours in the week")
        top.set_title(f"Your week: {plan['total']:g} hours", fontsize=10)
        top.legend(ncol=5, fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.55), frameon=False)
        top.grid(False)
        y = list(range(len(ACTIVITIES)))
        for i, a in enumerate(ACTIVITIES):
            low, high = REFERENCE_RANGES[a]
            bottom.barh(i, (high - low) * 100, left=low * 100, height=0.5, color=CATEGORY["good"], alpha=0.25,
                        label="reference range" if i == 0 else None)
            share = plan["shares"].get(a, 0) * 100
            st = plan["status"].get(a, "ok")
            bottom.plot(share, i, marker="o" if st == "ok" else "X", markersize=9,
                        color=CATEGORY["highlight"] if st == "ok" else CATEGORY["bad"],
                        label=None)
            label = share_text(share / 100, low, high)
            bottom.annotate(label + ("" if st == "ok" else f" ({st})"), (share, i), xytext=(8, -3),
                            textcoords="offset points", fontsize=8)
        bottom.set_yticks(y, list(ACTIVITIES))
        bottom.invert_yaxis()
        bottom.set_xlim(0, max(60, max(plan["shares"].values(), default=0) * 100 + 15))
        bottom.set_xlabel("share of the week (%)")
        bottom.set_ylabel("activity")
        bottom.set_title("Share of each activity against the course's reference range", fontsize=10)
        bottom.legend(loc="lower right", fontsize=8, frameon=False)
        fig.suptitle("A product manager's week", fontsize=11)
        return fig

    def refresh(self) -> None:
        plan = self.value
        if plan["total"] <= 0:
            self.result.value = status_box(False, "The week has no hours yet", ["Move a slider to plan some time."])
            self.shares.value = ""
            self.chart.clear_output()
        else:
            ok = plan["in_range"] == len(ACTIVITIES) and not plan["tradeoffs"]
            off = plan["total"] - WEEK_HOURS
            week = (f"{plan['total']:g} hours in all" if abs(off) < 1e-9 else
                    f"{plan['total']:g} hours in all: {abs(off):g} h {'over' if off > 0 else 'under'} "
                    f"a {WEEK_HOURS:g}-hour week")
            self.result.value = status_box(
                ok, f"{plan['in_range']} of {len(ACTIVITIES)} activities within the reference range",
                plan["tradeoffs"] or ["A balanced week: now check it survives a real Monday."],
                detail=week)
            rows = [[a, plan["hours"][a], share_text(plan["shares"][a], *REFERENCE_RANGES[a]),
                     f"{REFERENCE_RANGES[a][0]:.0%} to {REFERENCE_RANGES[a][1]:.0%}", plan["status"][a]]
                    for a in ACTIVITIES]
            self.shares.value = table(["activity", "hours", "share", "reference", "status"], rows, left=(0, 4),
                                      selected=lambda i, r: r[4] != "ok")
        self.code_line.value = code_box(self.code())  # before the chart: the line always matches the sliders
        if plan["total"] > 0:
            self.draw_soon()  # quick slider moves draw the chart once, when they stop


# ---------------------------------------------------------------- life-cycle explorer

#: The weekly metrics the explorer offers: label -> column of load("analytics")["weekly"].
METRICS = {
    "sites with a published rota": "sites_with_published_rota",
    "staff active in the week": "staff_weekly_active",
    "shift swaps completed": "swaps_completed",
    "sign-ups": "signups",
}


class LifecycleExplorer(Widget):
    """Shiftbrew's weekly metrics, the growth rate and its change; mark the life-cycle stage you see."""

    def __init__(self, weekly: Sequence[dict] | None = None, metric: str = "sites with a published rota",
                 name: str = "explorer"):
        super().__init__(name)
        self.weekly = load("analytics")["weekly"] if weekly is None else list(weekly)
        metric = choice("metric", metric, list(METRICS))
        self.metric_picker = W.Dropdown(options=list(METRICS), value=metric, description="metric",
                                        layout=W.Layout(width="360px"))
        self.stage_picker = W.ToggleButtons(options=[_UNSET, *STAGES], value=_UNSET, description="stage",
                                            style={"button_width": "140px"})
        self.result = W.HTML().add_class("pm-result")
        self.code_line = W.HTML().add_class("pm-code")
        self.chart = W.Output().add_class("pm-chart")
        self.widget = W.VBox([self.metric_picker, self.stage_picker, self.result, self.code_line, self.chart])
        self.widget.add_class("pm-lifecycle")
        self.on_change([self.metric_picker, self.stage_picker], lambda _: self.refresh())
        self.refresh()

    def _values(self) -> list[float]:
        return series(self.weekly, METRICS[self.metric_picker.value])

    @property
    def value(self) -> dict[str, Any]:
        """``{"metric", "stage" (yours, or None), "suggested", "rate", "change", "noisy"}``: plain data."""
        s = lifecycle_stage(self._values())
        mark = self.stage_picker.value
        return {"metric": self.metric_picker.value, "stage": None if mark == _UNSET else mark,
                "suggested": s["stage"], "rate": s["rate"], "change": s["change"], "noisy": s["noisy"]}

    def set(self, metric: str | None = None, stage: str | None = None) -> None:
        """Choose the metric shown and/or mark the stage (one of STAGES; "introduction" is accepted too)."""
        m = choice("metric", metric, list(METRICS)) if metric is not None else None
        st = stage_id("stage", stage) if stage is not None else None
        with self.quiet():
            if m is not None:
                self.metric_picker.value = m
            if st is not None:
                self.stage_picker.value = st
        self.refresh()

    def code(self) -> str:
        v = self.value
        stage = f", stage={v['stage']!r}" if v["stage"] else ""
        return f"{self.name}.set(metric={v['metric']!r}{stage})"

    def plot(self):
        values = self._values()
        weeks = sorted(r["week"] for r in self.weekly)
        rates = [r * 100 for r in growth_rates(values)]
        s = lifecycle_stage(values)
        fig, (top, bottom) = figure(7.5, 5.2, nrows=2, sharex=True)
        top.plot(weeks, values, color=CATEGORY["highlight"], marker="o", markersize=3, label=self.metric_picker.value)
        top.set_ylabel(self.metric_picker.value)
        noisy = " (noisy: read with care)" if s["noisy"] else ""
        top.set_title(f"Shiftbrew, {self.metric_picker.value}: {s['rate']:.2%} a week, first to last week{noisy}",
                      fontsize=10)
        mid = (len(values) - 1) // 2
        bottom.bar(weeks[1:], rates, color=[CATEGORY["secondary"] if r >= 0 else CATEGORY["bad"] for r in rates],
                   label="week-on-week growth")
        from .lifecycle import compound_growth_rate

        first, second = compound_growth_rate(values[: mid + 1]) * 100, compound_growth_rate(values[mid:]) * 100
        bottom.hlines(first, weeks[1], weeks[mid], color=CATEGORY["warning"], linewidth=2.5,
                      label=f"first half: {first:.2f} % a week")
        bottom.hlines(second, weeks[mid + 1], weeks[-1], color=CATEGORY["good"], linewidth=2.5, linestyles="--",
                      label=f"second half: {second:.2f} % a week")
        bottom.axhline(0, color="black", linewidth=0.8)
        bottom.set_xlabel("week")
        bottom.set_ylabel("growth on the week before (%)")
        bottom.set_title(f"Growth rate and its change: {s['change'] * 100:+.2f} points", fontsize=10)
        bottom.legend(fontsize=8, frameon=False, loc="best")
        return fig

    def refresh(self) -> None:
        v = self.value
        s = lifecycle_stage(self._values())
        facts = [f"Compound growth {v['rate']:.2%} a week from the first week to the last; the second half grew "
                 f"{v['change'] * 100:+.2f} points a week faster than the first (negative: slower)."]
        if v["stage"] is None:
            self.result.value = status_box(None, "Mark the stage you see", facts,
                                           detail="then compare with the rule of thumb")
        elif s["noisy"]:
            facts.append(f"Too noisy to call from the endpoints: {s['reason']}.")
            facts.append("Average a few weeks at each end, or look at a steadier metric, before you name a stage.")
            self.result.value = status_box(None, f"You marked {v['stage']}: this metric cannot confirm it", facts)
        else:
            agree = v["stage"] == v["suggested"]
            facts.append(f"The course's rule of thumb says {v['suggested']}: {s['reason']}.")
            if s["borderline"]:
                facts.append("On the rule's edge: a small change in the data would flip the label, so weigh what "
                             "you know of the market more than the label.")
            facts.append(f"At the {v['stage']} stage a PM's work goes to: {STAGE_FOCUS[v['stage']]}.")
            self.result.value = status_box(agree, f"You marked {v['stage']}" + ("" if agree else
                                           "; the numbers suggest otherwise"), facts)
        self.code_line.value = code_box(self.code())
        show_in(self.chart, self.plot())


# ---------------------------------------------------------------- story and brief checker

_SAMPLE_STORY = "As a user, I want notifications and a report, so that I can click a button"
_SAMPLE_CRITERIA = ["Notifications should be fast and easy to use"]


class StoryChecker(Widget):
    """Write a user story with acceptance criteria (one per line) and a one-page brief; each rule says what to fix."""

    def __init__(self, item: str = "B05", story: str = _SAMPLE_STORY, criteria: Sequence[str] = tuple(_SAMPLE_CRITERIA),
                 brief: Mapping[str, str] | None = None, name: str = "checker"):
        super().__init__(name)
        row = backlog_item(item)
        self.item = row["id"]
        self.heading = W.HTML(f"<b>Backlog item {esc(row['id'])}:</b> {esc(row['title'])}")
        self.story_box = W.Textarea(value=text("story", story, empty_ok=True), description="story",
                                    continuous_update=False, layout=W.Layout(width="680px", height="60px"))
        self.criteria_box = W.Textarea(value="\n".join(criteria), description="criteria", continuous_update=False,
                                       placeholder="one Given / When / Then per line",
                                       layout=W.Layout(width="680px", height="90px"))
        brief = dict(brief or {})
        self.brief_boxes = {f: W.Text(value=str(brief.get(f, "")), description=f.replace("_", " "),
                                      continuous_update=False, style={"description_width": "110px"},
                                      layout=W.Layout(width="680px")) for f in BRIEF_FIELDS}
        self.story_result = W.HTML().add_class("pm-result")
        self.brief_result = W.HTML().add_class("pm-brief-result")
        self.code_line = W.HTML().add_class("pm-code")
        self.widget = W.VBox([self.heading, self.story_box, self.criteria_box, self.story_result,
                              W.HTML("<b>One-page brief</b>"), *self.brief_boxes.values(), self.brief_result,
                              self.code_line])
        self.widget.add_class("pm-story-checker")
        self.on_change([self.story_box, self.criteria_box, *self.brief_boxes.values()], lambda _: self.refresh())
        self.refresh()

    @property
    def criteria(self) -> list[str]:
        return [line.strip() for line in self.criteria_box.value.splitlines() if line.strip()]

    @property
    def brief(self) -> dict[str, str]:
        return {f: b.value for f, b in self.brief_boxes.items()}

    def results(self) -> dict[str, Any]:
        """The rubric's verdict on the story, each criterion and the brief (rule -> None or message)."""
        out: dict[str, Any] = {"story": None, "brief": None}
        if self.story_box.value.strip():
            out["story"] = check_story_with_criteria(self.story_box.value, self.criteria)
        if any(v.strip() for v in self.brief.values()):
            out["brief"] = check_brief(self.brief)
        return out

    @property
    def value(self) -> dict[str, Any]:
        """``{"item", "story", "criteria" (list), "brief" (dict)}``: what you wrote, as plain data."""
        return {"item": self.item, "story": self.story_box.value.strip(), "criteria": self.criteria,
                "brief": self.brief}

    def set(self, story: str | None = None, criteria: Sequence[str] | None = None,
            brief: Mapping[str, str] | None = None) -> None:
        """Replace the story, the criteria (a list of texts) and/or some fields of the brief."""
        if story is not None:
            text("story", story)
        if criteria is not None:
            criteria = criteria_list(criteria)
        if brief is not None:
            brief = brief_sections(brief)
        with self.quiet():
            if story is not None:
                self.story_box.value = story
            if criteria is not None:
                self.criteria_box.value = "\n".join(criteria)
            if brief is not None:
                for k, v in brief.items():
                    self.brief_boxes[k].value = v
        self.refresh()

    def code(self) -> str:
        v = self.value
        return f"{self.name}.set(story={v['story']!r}, criteria={v['criteria']!r}, brief={v['brief']!r})"

    def refresh(self) -> None:
        try:
            res = self.results()
        except (InputError, InputTypeError) as exc:
            self.story_result.value = _error(exc)
            return
        story = res["story"]
        if story is None:
            self.story_result.value = status_box(None, "Write a story to check it")
        else:
            items = problems(story["story"])
            if story["count"]:
                items.append(story["count"])
            for i, c in enumerate(story["criteria"]):
                items += [f"criterion {i + 1}, {p}" for p in problems(c)]
            n_rules = len(story["story"]) + sum(len(c) for c in story["criteria"])
            met = n_rules - sum(1 for c in [story["story"], *story["criteria"]] for m in c.values() if m)
            self.story_result.value = status_box(story["ok"], "Story and criteria: " + (
                "every rule met" if story["ok"] else "not yet"), items, detail=f"{met} of {n_rules} rule checks met")
        brief = res["brief"]
        if brief is None:
            self.brief_result.value = status_box(None, "Fill in the brief to check it")
        else:
            items = problems(brief)
            self.brief_result.value = status_box(not items, "Brief: " + ("every rule met" if not items else "not yet"),
                                                 items, detail=f"{len(brief) - len(items)} of {len(brief)} rules met")
        self.code_line.value = code_box(self.code())


# ---------------------------------------------------------------- four-risks board


class RiskBoard(Widget):
    """Sort the assumptions behind "find cover" (B05) into the four risks; see who owns each and its cheapest test."""

    def __init__(self, name: str = "board"):
        super().__init__(name)
        self.pickers = {k: W.Dropdown(options=[_UNSET, *RISKS], value=_UNSET, description=k,
                                      layout=W.Layout(width="170px"), style={"description_width": "30px"})
                        for k in FIND_COVER_ASSUMPTIONS}
        rows = [W.HBox([p, W.HTML(f"<span style='line-height:28px'>{esc(FIND_COVER_ASSUMPTIONS[k]['text'])}</span>")])
                for k, p in self.pickers.items()]
        # A button, not a toggle: each click means "check now", so a second click (a learner who thinks the
        # first was lost while the kernel was busy) never takes the verdict away. Clicks and dropdown changes
        # reach the kernel in the order they were made, so the check judges the values just chosen.
        self._revealed = False
        self.reveal = W.Button(description="Check the board", icon="check",
                               tooltip="Judge the board as it is now (it stays judged as you move assumptions)")
        self.reveal.add_class("pm-check-board")
        self.reveal.on_click(lambda _: self._check())
        self.result = W.HTML().add_class("pm-result")
        self.tests = W.HTML().add_class("pm-risk-tests")
        self.code_line = W.HTML().add_class("pm-code")
        self.chart = W.Output().add_class("pm-chart")
        self.widget = W.VBox([W.VBox(rows), self.reveal, self.result, self.tests, self.code_line, self.chart])
        self.widget.add_class("pm-risk-board")
        self.on_change(list(self.pickers.values()), lambda _: self.refresh())
        self.refresh()

    def _check(self) -> None:
        self._revealed = True
        self.refresh()

    @property
    def value(self) -> dict[str, str]:
        """Assumption id -> the risk you chose (unplaced assumptions are left out)."""
        return {k: p.value for k, p in self.pickers.items() if p.value != _UNSET}

    def set(self, board: Mapping[str, str], reveal: bool | None = None) -> None:
        """Place assumptions: ``board`` is a dict id -> risk (validated)."""
        score_risk_board(dict(board) if isinstance(board, Mapping) else board)
        with self.quiet():
            for k, r in board.items():
                self.pickers[k.strip().upper()].value = choice("risk", r, RISKS)
            if reveal is not None:
                self._revealed = bool(reveal)
        self.refresh()

    def code(self) -> str:
        return f"{self.name}.set({self.value!r})" if self.value else ""

    def plot(self):
        from matplotlib.patches import Rectangle

        s = score_risk_board(self.value)
        fig, ax = figure(7.5, 4.6)
        ax.set_xlim(0, 2)
        ax.set_ylim(0, 2)
        ax.axhline(1, color="black", linewidth=1)
        ax.axvline(1, color="black", linewidth=1)
        ax.grid(False)
        spots = {"value": (0, 1), "usability": (1, 1), "viability": (0, 0), "feasibility": (1, 0)}
        colours = {"value": PALETTE["blue"], "usability": PALETTE["orange"], "feasibility": PALETTE["green"],
                   "viability": PALETTE["purple"]}
        for risk, (x, y) in spots.items():
            ax.add_patch(Rectangle((x, y), 1, 1, color=colours[risk], alpha=0.15))
            ax.text(x + 0.04, y + 0.9, f"{risk} (owner: {RISK_OWNERS[risk]})", fontsize=9, fontweight="bold",
                    va="top")
            ids = s["by_risk"][risk]
            lines = []
            for k in ids:
                mark = "" if not self._revealed else (" (right)" if k not in s["wrong"] else " (move it)")
                lines.append(textwrap.shorten(f"{k}{mark}: {FIND_COVER_ASSUMPTIONS[k]['text']}", 58))
            ax.text(x + 0.04, y + 0.75, "\n".join(lines) or "(empty)", fontsize=7.5, va="top")
        ax.set_xticks([0.5, 1.5], ["the product manager answers", "design and engineering answer"])
        ax.set_yticks([0.5, 1.5], ["can we sell\nand build it?", "will they want\nand use it?"])
        ax.set_xlabel("who answers for the risk (Cagan, Inspired)")
        ax.set_ylabel("the question the risk asks")
        ax.set_title(f"Four-risks board for find cover: {s['placed']} of {s['total']} assumptions placed")
        return fig

    def refresh(self) -> None:
        s = score_risk_board(self.value)
        if self._revealed:
            self.result.value = status_box(s["right"] == s["total"], f"{s['right']} of {s['total']} placed right",
                                           [f"{k}: think again about what would go wrong if it were false."
                                            for k in s["wrong"]], detail=f"({s['placed']} placed)")
        else:
            self.result.value = status_box(None, f"{s['placed']} of {s['total']} assumptions placed",
                                           detail="press 'Check the board' when you are done.")
        rows = [[r, RISK_OWNERS[r], len(s["by_risk"][r]), CHEAPEST_TEST[r]] for r in RISKS]
        self.tests.value = table(["risk", "who answers for it", "assumptions", "cheapest test first"], rows,
                                 left=(0, 1, 3))
        self.code_line.value = code_box(self.code())
        show_in(self.chart, self.plot())


# ---------------------------------------------------------------- card sorter (outcomes, teams, tracks, marketing)

#: What the learner is asked of each deck (:data:`pm_course.role.practice.DECKS`).
_QUESTION = {
    "goals": "Is each statement an output, an outcome or an impact?",
    "teams": "What kind of team is each (Cagan and Jones)?",
    "tracks": "Which track is each piece of work on?",
    "marketing": "Who leads each task: the product manager or product marketing?",
}


class CardSorter(Widget):
    """Sort cards into categories and reveal why: ``deck`` is 'goals' (output, outcome, impact; Seiden),
    'teams' (delivery, feature, empowered; Cagan and Jones), 'tracks' (discovery, delivery) or 'marketing'
    (product manager or product marketing)."""

    def __init__(self, deck: str = "goals", name: str = "cards"):
        super().__init__(name)
        self.deck = choice("deck", deck, tuple(DECKS))
        self.items, self.field, self.options = DECKS[self.deck]
        question = _QUESTION[self.deck]
        self.pickers = {
            k: W.Dropdown(options=[_UNSET, *self.options], value=_UNSET, description=f"{i + 1}.",
                          layout=W.Layout(width="200px"), style={"description_width": "28px"})
            for i, k in enumerate(self.items)
        }
        label = {k: v.get("text", k) for k, v in self.items.items()}
        rows = [W.HBox([p, W.HTML(f"<span style='line-height:28px'>{esc(label[k])}</span>")])
                for k, p in self.pickers.items()]
        self.reveal = W.ToggleButton(description="Check and explain", value=False, icon="eye")
        self.result = W.HTML().add_class("pm-result")
        self.explained = W.HTML().add_class("pm-card-table")
        self.make_code_box()
        self.widget = W.VBox([W.HTML(f"<b>{esc(question)}</b>"), W.VBox(rows), self.reveal, self.result,
                              self.explained, self.code_box])
        self.widget.add_class("pm-card-sorter")
        self.on_change([*self.pickers.values(), self.reveal], lambda _: self.refresh())
        self.refresh()

    @property
    def value(self) -> dict[str, str]:
        """Card -> the category chosen (cards not yet placed are left out)."""
        return {k: p.value for k, p in self.pickers.items() if p.value != _UNSET}

    def set(self, sorting: Any, reveal: Any = None) -> None:
        """Place cards: ``sorting`` is a dict card -> category (validated); ``reveal`` shows the reasons."""
        score_cards(sorting, self.deck)  # validates
        with self.quiet():
            for k, v in sorting.items():
                self.pickers[k].value = v
            if reveal is not None:
                self.reveal.value = bool(reveal)
        self.refresh()

    def code(self) -> str:
        return f"{self.name}.set({self.value!r})" if self.value else ""

    def refresh(self) -> None:
        s = score_cards(self.value, self.deck)
        if self.reveal.value:
            self.result.value = status_box(s["right"] == s["total"], f"{s['right']} of {s['total']} placed right",
                                           [f"card {list(self.items).index(k) + 1}: look again at what it measures "
                                            "or who decides." for k in s["wrong"]], detail=f"({s['placed']} placed)")
            rows = [[i + 1, v[self.field], v["why"]] for i, (k, v) in enumerate(self.items.items())]
            self.explained.value = table(["card", "answer", "why"], rows, left=(1, 2))
        else:
            self.result.value = status_box(None, f"{s['placed']} of {s['total']} cards placed",
                                           detail="press 'Check and explain' when you are done.")
            self.explained.value = ""
        self.show_code()


# ---------------------------------------------------------------- story map


class StoryMapPlanner(Widget):
    """Find cover (B05) as a story map (Patton): tick the stories of the first release and see whether the
    slice works end to end, fits the budget and takes each column from the top."""

    def __init__(self, capacity: float = FIRST_RELEASE_WEEKS, name: str = "story_map"):
        super().__init__(name)
        check_release([], capacity)  # validates the capacity
        self.capacity = float(capacity)
        self.boxes = {k: W.Checkbox(value=False, description=f"{k} ({s['weeks']:g} wk): {s['story']}",
                                    indent=False, layout=W.Layout(width="240px"))
                      for k, s in STORY_MAP.items()}
        columns = []
        for a in ACTIVITIES_MAP:
            ks = sorted((k for k, s in STORY_MAP.items() if s["activity"] == a), key=lambda k: STORY_MAP[k]["rank"])
            columns.append(W.VBox([W.HTML(f"<b>{esc(a)}</b>"), *[self.boxes[k] for k in ks]]))
        self.result = W.HTML().add_class("pm-result")
        self.make_chart()
        self.make_code_box()
        self.widget = W.VBox([W.HBox(columns), self.result, self.chart, self.code_box])
        self.widget.add_class("pm-story-map")
        self.on_change(list(self.boxes.values()), lambda _: self.refresh())
        self.refresh()

    @property
    def value(self) -> dict[str, Any]:
        """The release: its story ids, effort (person-weeks), the capacity, and each rule's message or None."""
        chosen = [k for k, b in self.boxes.items() if b.value]
        return {"release": chosen, "weeks": release_effort(chosen), "capacity": self.capacity,
                "rules": check_release(chosen, self.capacity)}

    def set(self, release: Any) -> None:
        """Choose the release's stories: a list of ids such as ['M1', 'M3'] (validated)."""
        ids = story_ids(release)
        with self.quiet():
            for k, b in self.boxes.items():
                b.value = k in ids
        self.refresh()

    def code(self) -> str:
        return f"{self.name}.set({self.value['release']!r})" if self.value["release"] else ""

    def plot(self):
        from matplotlib.patches import Rectangle

        v = self.value
        fig, ax = figure(9.0, 4.8)
        for i, a in enumerate(ACTIVITIES_MAP):
            ax.text(i + 0.45, -0.2, a, ha="center", va="center", fontsize=9, fontweight="bold",
                    bbox={"facecolor": PALETTE["yellow"], "edgecolor": "black", "boxstyle": "round"})
            for k, s in STORY_MAP.items():
                if s["activity"] != a:
                    continue
                y = -s["rank"]
                taken = k in v["release"]
                ax.add_patch(Rectangle((i + 0.02, y - 0.4), 0.86, 0.8, facecolor=PALETTE["blue"] if taken else "white",
                                       alpha=0.35 if taken else 1.0, edgecolor="black", hatch="//" if taken else None))
                label = textwrap.fill(f"{k} ({s['weeks']:g} wk): {s['story']}", 26)
                ax.text(i + 0.45, y, label, ha="center", va="center", fontsize=6.8)
        ax.axhline(-1.5, color=PALETTE["vermillion"], linestyle="--", linewidth=1.2)
        ax.text(3.93, -1.5, "the walking\nskeleton\nis above\nthis line", ha="left", va="center", fontsize=7.5,
                color=PALETTE["vermillion"])
        ax.set_xlim(-0.05, 4.45)
        ax.set_ylim(-3.5, 0.2)
        ax.set_xticks([])
        ax.set_yticks([-1, -2, -3], ["1st", "2nd", "3rd"])
        ax.grid(False)
        ax.set_xlabel("the backbone: what an owner does when a shift opens, left to right")
        ax.set_ylabel("stories, most needed at the top")
        ax.set_title(f"Find cover as a story map: release of {v['weeks']:g} of {self.capacity:g} person-weeks "
                     "(hatched = in the release)")
        return fig

    def refresh(self) -> None:
        v = self.value
        bad = problems(v["rules"])
        if not v["release"]:
            self.result.value = status_box(None, "No story in the release yet",
                                           detail="tick the stories the first release should hold.")
        else:
            self.result.value = status_box(not bad, f"{len(v['release'])} stories, {v['weeks']:g} of "
                                           f"{self.capacity:g} person-weeks", bad or
                                           ["a slice that works end to end: ship it, learn, then add the next row."])
        self.draw()
        self.show_code()
