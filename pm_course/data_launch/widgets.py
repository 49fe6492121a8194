"""Widgets for module 06: a funnel explorer, a retention heatmap, an A/B test planner, a peeking simulator,
a launch planner, a CUPED explorer and a look-by-look sequential peeker.

Thin layers over the pure logic (``metrics.py``, ``experiments.py``, ``launch.py``), which validates every
input. Each widget has ``.widget`` (the container), ``.value`` (plain data), ``.set(...)``, ``.code()``
(one line that reproduces the state), ``.plot()`` (a new matplotlib Figure) and ``.chart`` (where the
figure is drawn).
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as W

from .. import ui
from ..core.validate import InputError, InputTypeError, choice, integer, number, one_of
from ..data import load
from .design import cuped_interval, sequential_simulation
from .experiments import days_needed, minimum_detectable_effect, peeking_simulation, sample_size_per_arm
from .launch import (
    CHECKLIST,
    DEFAULT_ROLLOUT,
    FUNCTIONS,
    TIERS,
    checklist_status,
    plan_key,
    rollout_from_text,
    validate_rollout,
)
from .metrics import FUNNEL_STEPS, SEGMENTS, STEP_LABELS, biggest_drop, funnel, retention_table

__all__ = ["FunnelExplorer", "RetentionExplorer", "ABTestPlanner", "PeekingSimulator", "LaunchPlanner", "CupedExplorer",
           "SequentialPeeker"]

_SEGMENT_NAMES = {"all": "All sign-ups", "owner": "Café owners", "manager": "Chain managers"}


def _message(exc: Exception) -> str:
    return ui.status_box(False, "Not applied", [str(exc)])


# ---------------------------------------------------------------- funnel


class FunnelExplorer(ui.Widget):
    """Shiftbrew's activation funnel by segment: users, step and overall conversion, and the biggest drop."""

    def __init__(self, accounts: list[dict] | None = None, segment: str = "all", name: str = "funnel") -> None:
        super().__init__(name)
        self._accounts = accounts if accounts is not None else load("analytics")["accounts"]
        self.segment = W.Dropdown(options=[(_SEGMENT_NAMES[s], s) for s in SEGMENTS], value="all",
                                  description="Segment")
        self.table = W.HTML().add_class("pm-funnel-table")
        self.result = W.HTML().add_class("pm-result")
        self.chart = W.Output().add_class("pm-chart")
        self.code_line = W.HTML().add_class("pm-code")
        self.widget = W.VBox([self.segment, self.table, self.result, self.chart, self.code_line])
        self.widget.add_class("pm-funnel")
        self.on_change(self.segment, lambda _: self.refresh())
        self.set(segment)

    @property
    def value(self) -> dict:
        rows = funnel(self._accounts, self.segment.value)
        counts = [r["users"] for r in rows]
        return {"segment": self.segment.value, "counts": counts,
                "step_conversion": [r["step_conversion"] for r in rows[1:]],
                "overall": rows[-1]["overall"], "biggest_drop": biggest_drop(counts)}

    def set(self, segment: str = "all") -> None:
        """Show one segment: ``funnel.set("manager")`` ("all", "owner" or "manager")."""
        seg = choice("segment", segment, SEGMENTS)
        with self.quiet():
            self.segment.value = seg
        self.refresh()

    def code(self) -> str:
        return f"{self.name}.set({self.segment.value!r})"

    def plot(self):
        v = self.value
        fig, ax = ui.figure(7.4, 3.6)
        labels = [STEP_LABELS[s] for s in FUNNEL_STEPS]
        ys = list(range(len(labels)))[::-1]
        colours = [ui.CATEGORY["bad"] if s == v["biggest_drop"] else ui.CATEGORY["highlight"] for s in FUNNEL_STEPS]
        bars = ax.barh(ys, v["counts"], color=colours)
        for k, (bar, n) in enumerate(zip(bars, v["counts"])):
            step = "" if k == 0 else f"  ({v['step_conversion'][k - 1]:.0%} of the step before)"
            mark = "  biggest drop" if FUNNEL_STEPS[k] == v["biggest_drop"] else ""
            ax.text(bar.get_width() + max(v["counts"]) * 0.01, bar.get_y() + bar.get_height() / 2,
                    f"{n}{step}{mark}", va="center", fontsize=9)
        ax.set_yticks(ys, labels)
        ax.set_xlim(0, max(v["counts"]) * 1.75 or 1)
        ax.set_xlabel("accounts")
        ax.set_ylabel("funnel step")
        ax.set_title(f"Activation funnel: {_SEGMENT_NAMES[v['segment']].lower()} (overall {v['overall']:.1%})")
        return fig

    def refresh(self) -> None:
        v = self.value
        rows = funnel(self._accounts, v["segment"])
        self.table.value = ui.table(
            ["step", "accounts", "step conversion", "overall"],
            [[r["label"], r["users"], "" if r["step_conversion"] is None else f"{r['step_conversion']:.1%}",
              f"{r['overall']:.1%}"] for r in rows],
            selected=lambda i, row: rows[i]["step"] == v["biggest_drop"],
            caption=f"{_SEGMENT_NAMES[v['segment']]}: {v['counts'][0]} accounts",
        )
        self.result.value = ui.status_box(
            None, f"Biggest drop: into '{STEP_LABELS[v['biggest_drop']]}'",
            detail=f"overall conversion {v['overall']:.1%}; ask why accounts stop there before you build anything.")
        ui.show_in(self.chart, self.plot())
        self.code_line.value = ui.code_box(self.code())


# ---------------------------------------------------------------- retention


class RetentionExplorer(ui.Widget):
    """Cohort retention of the 600 sign-ups: a heatmap of cohorts by week, or one curve per cohort."""

    VIEWS = ("heatmap", "curves")

    def __init__(self, activity: list[dict] | None = None, cohort_weeks: int = 4, view: str = "heatmap",
                 segment: str = "all", name: str = "retention") -> None:
        super().__init__(name)
        self._activity = activity if activity is not None else load("activity")["accounts"]
        self.cohort = W.Dropdown(options=[("2 weeks", 2), ("4 weeks", 4), ("13 weeks", 13)], value=4,
                                 description="Cohort size")
        self.view = W.ToggleButtons(options=list(self.VIEWS), value="heatmap", description="View")
        self.segment = W.Dropdown(options=[(_SEGMENT_NAMES[s], s) for s in SEGMENTS], value="all",
                                  description="Segment")
        self.result = W.HTML().add_class("pm-result")
        self.chart = W.Output().add_class("pm-chart")
        self.code_line = W.HTML().add_class("pm-code")
        self.widget = W.VBox([W.HBox([self.cohort, self.segment]), self.view, self.result, self.chart,
                              self.code_line])
        self.widget.add_class("pm-retention")
        self.on_change([self.cohort, self.view, self.segment], lambda _: self.refresh())
        self.set(cohort_weeks, view, segment)

    @property
    def table(self) -> dict:
        return retention_table(self._activity, self.cohort.value, 12, self.segment.value)

    @property
    def value(self) -> dict:
        t = self.table
        return {"cohort_weeks": self.cohort.value, "view": self.view.value, "segment": self.segment.value,
                "cohorts": t["cohorts"], "sizes": t["sizes"], "shares": t["shares"]}

    def set(self, cohort_weeks: int = 4, view: str = "heatmap", segment: str = "all") -> None:
        """``retention.set(4, "curves", "owner")``: cohort size in weeks (2, 4 or 13), view and segment."""
        size = one_of("cohort_weeks", integer("cohort_weeks", cohort_weeks), [c for _, c in self.cohort.options],
                      hint="The explorer offers these cohort sizes; retention_table() takes any from 1 to 26.")
        v = choice("view", view, self.VIEWS)
        seg = choice("segment", segment, SEGMENTS)
        with self.quiet():
            self.cohort.value, self.view.value, self.segment.value = size, v, seg
        self.refresh()

    def code(self) -> str:
        return f"{self.name}.set({self.cohort.value!r}, {self.view.value!r}, {self.segment.value!r})"

    def plot(self):
        v = self.value
        weeks = list(range(1, 13))
        title_seg = _SEGMENT_NAMES[v["segment"]].lower()
        if v["view"] == "heatmap":
            fig, ax = ui.figure(8.0, 0.9 + 0.42 * max(3, len(v["cohorts"])))
            ax.grid(False)
            data = [[float("nan") if s is None else s for s in v["shares"][c]] for c in v["cohorts"]]
            im = ax.imshow(data, cmap="cividis", vmin=0, vmax=1, aspect="auto")
            for i, row in enumerate(v["shares"][c] for c in v["cohorts"]):
                for j, s in enumerate(row):
                    ax.text(j, i, "not yet" if s is None else f"{s:.0%}", ha="center", va="center", fontsize=8,
                            color="grey" if s is None else "black" if s > 0.45 else "white")
            ax.set_xticks(range(12), [str(w) for w in weeks])
            ax.set_yticks(range(len(v["cohorts"])), [f"{c} (n={v['sizes'][c]})" for c in v["cohorts"]])
            fig.colorbar(im, ax=ax, label="share of the cohort active", shrink=0.9)
            ax.set_ylabel("sign-up cohort")
        else:
            fig, ax = ui.figure(7.6, 4.2)
            colours = [c for k, c in ui.PALETTE.items() if k not in ("yellow", "grey")]
            markers = "osD^vP*Xhp<>"
            for k, c in enumerate(v["cohorts"]):
                ax.plot(weeks, [float("nan") if s is None else s for s in v["shares"][c]], marker=markers[k % len(markers)], color=colours[k % len(colours)],
                        label=f"{c} (n={v['sizes'][c]})", linewidth=1.5, markersize=5)
            ax.set_ylim(0, 1)
            ax.set_xticks(weeks)
            ax.legend(fontsize=8, ncols=2, frameon=False, loc="upper right")
            ax.set_ylabel("share of the cohort active")
        ax.set_xlabel("weeks after sign-up")
        ax.set_title(f"Cohort retention, {title_seg}: share active in each week after sign-up")
        return fig

    def refresh(self) -> None:
        v = self.value
        late = {c: sum(s[7:]) / 5 for c, s in v["shares"].items() if None not in s[7:]}
        young = len(v["cohorts"]) - len(late)
        note = f"; {young} later cohort(s) have not reached week 12 yet (shown 'not yet')" if young else ""
        if late:
            best = max(late, key=lambda c: late[c])
            summary = (f"{len(v['cohorts'])} cohorts; weeks 8-12 average from {min(late.values()):.0%} to "
                       f"{max(late.values()):.0%} (highest: {best}){note}")
        else:
            summary = f"{len(v['cohorts'])} cohorts; none has reached week 12 yet"
        self.result.value = ui.status_box(
            None, summary, detail="Look for where each curve flattens: that level is the customers who stay.")
        ui.show_in(self.chart, self.plot())
        self.code_line.value = ui.code_box(self.code())


# ---------------------------------------------------------------- A/B test planner


class ABTestPlanner(ui.Widget):
    """Baseline, minimum detectable effect, alpha and power -> users per arm and days at Shiftbrew's traffic.

    Days count distinct users arriving sublinearly from a fixed eligible population (see :func:`days_needed`):
    a plan that needs more users than the population has no number of days, and says so."""

    def __init__(self, baseline: float = 0.12, mde: float = 0.02, alpha: float = 0.05, power: float = 0.8,
                 daily_traffic: int | None = None, population: int | None = None, name: str = "planner") -> None:
        super().__init__(name)
        case = load("experiment")
        traffic = daily_traffic if daily_traffic is not None else case["eligible_staff_per_day"]
        people = population if population is not None else case["eligible_staff"]
        style = {"description_width": "150px"}
        lay = W.Layout(width="440px")
        # one unit per readout, as the result line and the chart give them: the baseline in %, the minimum
        # detectable effect in percentage points (the slider holds points; .value and set() take fractions)
        self.baseline = W.FloatSlider(min=0.01, max=0.9, step=0.005, value=0.12, readout_format=".1%",
                                      description="Baseline rate", style=style, layout=lay)
        self.mde = W.FloatSlider(min=0.5, max=10.0, step=0.25, value=2.0, readout_format=".2f",
                                 description="MDE (points)", style=style, layout=lay)
        self.alpha = W.Dropdown(options=[0.01, 0.05, 0.1], value=0.05, description="Alpha", style=style)
        self.power = W.Dropdown(options=[0.8, 0.9], value=0.8, description="Power", style=style)
        self.traffic = W.BoundedIntText(min=1, max=1_000_000, value=case["eligible_staff_per_day"],
                                        description="Users on day 1", style=style)
        self.population = W.BoundedIntText(min=1, max=10_000_000, value=case["eligible_staff"],
                                           description="Eligible users in all", style=style)
        self.result = W.HTML().add_class("pm-result")
        self.chart = W.Output().add_class("pm-chart")
        self.code_line = W.HTML().add_class("pm-code")
        self.widget = W.VBox([self.baseline, self.mde, W.HBox([self.alpha, self.power]),
                              W.HBox([self.traffic, self.population]), self.result, self.chart, self.code_line])
        self.widget.add_class("pm-ab-planner")
        self.on_change([self.baseline, self.mde, self.alpha, self.power, self.traffic, self.population],
                       lambda _: self.refresh())
        self.set(baseline=baseline, mde=mde, alpha=alpha, power=power, daily_traffic=traffic, population=people)

    @property
    def value(self) -> dict:
        b, d = self.baseline.value, round(self.mde.value / 100, 6)
        n = sample_size_per_arm(b, d, self.alpha.value, self.power.value)
        try:
            days, why = days_needed(n, self.traffic.value, population=self.population.value), ""
        except InputError as exc:
            days, why = None, str(exc)
        return {"baseline": b, "mde": d, "alpha": self.alpha.value, "power": self.power.value,
                "daily_traffic": self.traffic.value, "population": self.population.value, "n_per_arm": n,
                "total": 2 * n, "days": days, "why_no_days": why}

    def set(self, baseline: float | None = None, mde: float | None = None, alpha: float | None = None,
            power: float | None = None, daily_traffic: int | None = None, population: int | None = None) -> None:
        """``planner.set(baseline=0.12, mde=0.02, alpha=0.05, power=0.8, daily_traffic=1200, population=10000)``;
        omitted ones stay."""
        new = {"baseline": self.baseline.value if baseline is None else baseline,
               "mde": round(self.mde.value / 100, 6) if mde is None else mde,
               "alpha": self.alpha.value if alpha is None else alpha,
               "power": self.power.value if power is None else power,
               "daily_traffic": self.traffic.value if daily_traffic is None else daily_traffic,
               "population": self.population.value if population is None else population}
        sample_size_per_arm(new["baseline"], new["mde"], new["alpha"], new["power"])  # validates
        integer("population", new["population"], low=1, high=self.population.max,
                hint="The eligible users there are, in all.")
        for key, ctrl in (("alpha", self.alpha), ("power", self.power)):
            one_of(key, new[key], ctrl.options,
                   hint=f"The planner offers {key} only at these values; sample_size_per_arm() takes any {key}.")
        for key, low, high in (("baseline", self.baseline.min, self.baseline.max),
                               ("mde", self.mde.min / 100, self.mde.max / 100)):
            number(key, new[key], low=low, high=high,
                   hint=f"That is the planner's slider range; sample_size_per_arm() takes any {key}.")
        integer("daily_traffic", new["daily_traffic"], low=1, high=min(self.traffic.max, new["population"]),
                hint="The users who come on day 1: at least 1, at most the eligible users in all.")
        with self.quiet():
            self.baseline.value, self.mde.value = new["baseline"], new["mde"] * 100
            self.alpha.value, self.power.value, self.traffic.value = new["alpha"], new["power"], new["daily_traffic"]
            self.population.value = new["population"]
        self.refresh()

    def code(self) -> str:
        v = self.value
        return (f"{self.name}.set(baseline={v['baseline']:g}, mde={v['mde']:g}, alpha={v['alpha']:g}, "
                f"power={v['power']:g}, daily_traffic={v['daily_traffic']}, population={v['population']})")

    def plot(self):
        v = self.value
        fig, ax = ui.figure(7.0, 3.8)
        top = min(0.1, 0.999 - v["baseline"])
        ds = [0.005 + i * (top - 0.005) / 60 for i in range(61)]
        ns = [sample_size_per_arm(v["baseline"], d, v["alpha"], v["power"]) for d in ds]
        ax.plot([d * 100 for d in ds], ns, color=ui.CATEGORY["highlight"], linewidth=2,
                label="users per arm needed")
        when = f"{v['days']} days" if v["days"] is not None else "more than the eligible users"
        ax.plot([v["mde"] * 100], [v["n_per_arm"]], "o", color=ui.CATEGORY["bad"], markersize=8,
                label=f"your plan: {v['n_per_arm']:,} per arm, {when}")
        ax.axhline(v["population"] / 2, color=ui.CATEGORY["neutral"],
                   linestyle="--", linewidth=1, label=f"half the eligible users ({v['population'] // 2:,} per arm)")
        ax.set_yscale("log")
        ax.set_xlabel("minimum detectable effect (percentage points above the baseline)")
        ax.set_ylabel("users per arm (log scale)")
        ax.set_title(f"Sample size per arm from a {v['baseline']:.1%} baseline (alpha {v['alpha']:g}, "
                     f"power {v['power']:g})")
        ax.legend(frameon=False)
        return fig

    def refresh(self) -> None:
        try:
            v = self.value
        except (InputError, InputTypeError) as exc:
            self.result.value = _message(exc)
            return
        mde_rel = v["mde"] / v["baseline"]
        if v["days"] is None:
            self.result.value = ui.status_box(
                False, f"{v['n_per_arm']:,} users per arm ({v['total']:,} in all): never reached",
                [v["why_no_days"]])
            ui.show_in(self.chart, self.plot())
            self.code_line.value = ui.code_box(self.code())
            return
        weeks = v["days"] / 7
        self.result.value = ui.status_box(
            v["days"] <= 28, f"{v['n_per_arm']:,} users per arm ({v['total']:,} in all): {v['days']} days "
                             f"from {v['population']:,} eligible users, {v['daily_traffic']:,} on day 1",
            [f"Detects {v['baseline']:.1%} -> {v['baseline'] + v['mde']:.1%} (a {mde_rel:.0%} relative lift).",
             f"About {weeks:.1f} weeks: run whole weeks so weekdays and weekends both count."
             + (" Longer than four weeks: accept a larger MDE or find more traffic." if v["days"] > 28 else "")])
        ui.show_in(self.chart, self.plot())
        self.code_line.value = ui.code_box(self.code())

    @staticmethod
    def mde_for(baseline: float, n_per_arm: int, alpha: float = 0.05, power: float = 0.8) -> float:
        """The minimum detectable effect of ``n_per_arm`` users (see :func:`minimum_detectable_effect`)."""
        return minimum_detectable_effect(baseline, n_per_arm, alpha, power)


# ---------------------------------------------------------------- peeking


class PeekingSimulator(ui.Widget):
    """Many A/A tests (no real difference), peeked at every day: how often would someone stop on a 'win'?"""

    def __init__(self, tests: int = 2000, days: int = 20, users_per_day: int = 200, alpha: float = 0.05,
                 seed: int = 6, name: str = "peeking") -> None:
        super().__init__(name)
        style = {"description_width": "120px"}
        self.tests = W.Dropdown(options=[200, 500, 1000, 2000], value=2000, description="A/A tests", style=style)
        self.days = W.IntSlider(min=1, max=40, value=20, description="Days (peeks)", style=style)
        self.users = W.Dropdown(options=[50, 100, 200, 500], value=200, description="Users/arm/day", style=style)
        self.alpha = W.Dropdown(options=[0.01, 0.05, 0.1], value=0.05, description="Alpha", style=style)
        self.seed = W.BoundedIntText(min=0, max=10**6, value=6, description="Seed", style=style)
        self.result = W.HTML().add_class("pm-result")
        self.chart = W.Output().add_class("pm-chart")
        self.code_line = W.HTML().add_class("pm-code")
        self.widget = W.VBox([W.HBox([self.tests, self.users]), W.HBox([self.days, self.alpha]), self.seed,
                              self.result, self.chart, self.code_line])
        self.widget.add_class("pm-peeking")
        self._sim: dict = {}
        self.on_change([self.tests, self.days, self.users, self.alpha, self.seed], lambda _: self.refresh())
        self.set(tests=tests, days=days, users_per_day=users_per_day, alpha=alpha, seed=seed)

    @property
    def value(self) -> dict:
        s = self._sim
        return {"tests": self.tests.value, "days": self.days.value, "users_per_day": self.users.value,
                "alpha": self.alpha.value, "seed": self.seed.value, "peeking": s["peeking"],
                "fixed_horizon": s["fixed_horizon"], "stopped_by_day": list(s["stopped_by_day"])}

    def set(self, tests: int | None = None, days: int | None = None, users_per_day: int | None = None,
            alpha: float | None = None, seed: int | None = None) -> None:
        """``peeking.set(tests=2000, days=20, users_per_day=200, alpha=0.05, seed=6)``; omitted ones stay."""
        new = {"tests": self.tests.value if tests is None else tests,
               "days": self.days.value if days is None else days,
               "users_per_day": self.users.value if users_per_day is None else users_per_day,
               "alpha": self.alpha.value if alpha is None else alpha,
               "seed": self.seed.value if seed is None else seed}
        sim = peeking_simulation(new["tests"], new["days"], new["users_per_day"], 0.12,  # type: ignore[arg-type]
                                 new["alpha"], new["seed"])  # type: ignore[arg-type]
        for key, ctrl in (("tests", self.tests), ("users_per_day", self.users), ("alpha", self.alpha)):
            one_of(key, new[key], ctrl.options,
                   hint=f"The simulator offers {key} only at these values; peeking_simulation() takes any value.")
        integer("days", new["days"], low=self.days.min, high=self.days.max,
                hint="That is the simulator's range; peeking_simulation() runs longer tests.")
        with self.quiet():
            self.tests.value, self.days.value, self.users.value = new["tests"], new["days"], new["users_per_day"]
            self.alpha.value, self.seed.value = new["alpha"], new["seed"]
        self._sim = sim
        self._draw()

    def code(self) -> str:
        v = self.value
        return (f"{self.name}.set(tests={v['tests']}, days={v['days']}, users_per_day={v['users_per_day']}, "
                f"alpha={v['alpha']:g}, seed={v['seed']})")

    def plot(self):
        v, s = self.value, self._sim
        fig, ax = ui.figure(7.2, 3.9)
        ax.plot(s["days"], [x * 100 for x in s["stopped_by_day"]], marker="o", markersize=4,
                color=ui.CATEGORY["bad"], label="stopped on a 'win' by this day (peeking daily)")
        ax.plot(s["days"], [x * 100 for x in s["significant_on_day"]], marker="s", markersize=3, linestyle=":",
                color=ui.CATEGORY["highlight"], label="significant on this day alone")
        ax.axhline(v["alpha"] * 100, color=ui.PALETTE["black"], linestyle="--", linewidth=1,
                   label=f"alpha = {v['alpha']:.0%}, the promised false-positive rate")
        ax.set_ylim(0, max(30.0, max(s["stopped_by_day"]) * 110))
        from matplotlib.ticker import MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel("day of the test (one peek a day)")
        ax.set_ylabel("A/A tests with p < alpha (%)")
        ax.set_title(f"Peeking at {v['tests']} A/A tests: false positives climb past alpha")
        ax.legend(frameon=False, fontsize=9, loc="upper left")
        return fig

    def refresh(self) -> None:
        try:
            self._sim = peeking_simulation(self.tests.value, self.days.value, self.users.value, 0.12,
                                           self.alpha.value, self.seed.value)
        except (InputError, InputTypeError) as exc:
            self.result.value = _message(exc)
            return
        self._draw()

    def _draw(self) -> None:
        v = self.value
        self.result.value = ui.status_box(
            v["peeking"] <= v["alpha"] * 1.5,
            f"Peeking daily: {v['peeking']:.1%} of the A/A tests showed a 'win' at some point; "
            f"looking once at the end: {v['fixed_horizon']:.1%}",
            detail=f"(alpha promises {v['alpha']:.0%}; there is no real difference in any of these tests)")
        ui.show_in(self.chart, self.plot())
        self.code_line.value = ui.code_box(self.code())


# ---------------------------------------------------------------- launch


class LaunchPlanner(ui.Widget):
    """The launch checklist by function for a tier, and a staged rollout behind a feature flag.

    With ``key`` (e.g. ``"launch_plan"``) the planner has a *Save plan* button that keeps the plan in the
    learner's progress (:func:`pm_course.core.progress.save_artifact`), and a new planner with the same key
    starts from the saved plan.
    """

    MODULE = "06_data_launch"

    def __init__(self, tier: int = 2, done: Sequence[str] = (), rollout: Sequence[Sequence] = DEFAULT_ROLLOUT,
                 name: str = "launch", key: str | None = None) -> None:
        super().__init__(name)
        from ..core import progress

        self.key = None if key is None else plan_key(key)
        saved = progress.load_artifact(self.MODULE, self.key, None) if self.key else None
        if isinstance(saved, dict):
            try:  # a saved plan that no longer validates is ignored, never a traceback
                checklist_status(saved["tier"], saved["done"])
                validate_rollout([tuple(st) for st in saved["rollout"]])
                tier, done, rollout = saved["tier"], saved["done"], [tuple(st) for st in saved["rollout"]]
            except (InputError, InputTypeError, KeyError, TypeError):
                saved = None
        self.tier = W.ToggleButtons(options=[(f"Tier {t}", t) for t in TIERS], value=2, description="Tier")
        self.tier_text = W.HTML().add_class("pm-tier")
        self.boxes = {k: W.Checkbox(value=False, indent=False, description=f"{fn}: {what}",
                                    layout=W.Layout(width="auto"))
                      for k, (fn, what, _) in CHECKLIST.items()}
        groups = []
        for fn in FUNCTIONS:
            items = [self.boxes[k] for k, (f, _, _) in CHECKLIST.items() if f == fn]
            groups.append(W.VBox([W.HTML(f"<b>{ui.esc(fn.capitalize())}</b>"), *items]))
        self.rollout = W.Text(value="", description="Rollout", placeholder="5:3, 25:4, 50:4, 100:0",
                              continuous_update=False, layout=W.Layout(width="440px"))
        self.result = W.HTML().add_class("pm-result")
        self.chart = W.Output().add_class("pm-chart")
        self.code_line = W.HTML().add_class("pm-code")
        self._stages = validate_rollout(list(rollout))
        self.saved_text = W.HTML("Started from your saved plan." if saved else "").add_class("pm-saved")
        extra: list = []
        if self.key:
            self.save_button = W.Button(description="Save plan", icon="save",
                                        tooltip="Keep this plan in your progress (it survives export and import)")
            self.save_button.on_click(lambda _: self.save())
            extra = [W.HBox([self.save_button, self.saved_text])]
        self.widget = W.VBox([self.tier, self.tier_text, W.VBox(groups),
                              W.HTML("Rollout stages as <i>percent of customers : days to hold</i>, e.g. "
                                     "<code>5:3, 25:4, 100:0</code> (press Enter)"),
                              self.rollout, self.result, self.chart, self.code_line, *extra])
        self.widget.add_class("pm-launch")
        self.on_change([self.tier, *self.boxes.values()], lambda _: self.refresh())
        self.on_change(self.rollout, lambda _: self._typed_rollout())
        self.set(tier, list(done), rollout)

    @property
    def value(self) -> dict:
        status = checklist_status(self.tier.value, [k for k, b in self.boxes.items() if b.value])
        stages = [[s["share"], s["hold_days"]] for s in self._stages]
        return {"tier": status["tier"], "done": status["done"], "missing": status["missing"],
                "ready": status["ready"], "rollout": stages,
                "rollout_days": sum(s["hold_days"] for s in self._stages)}

    def set(self, tier: int = 2, done: Sequence[str] = (), rollout: Sequence[Sequence] | None = None) -> None:
        """``launch.set(1, ["flag", ...], [(0.05, 3), (0.25, 4), (1.0, 0)])``: tier, items done, rollout stages."""
        status = checklist_status(tier, list(done) if type(done) in (list, tuple, set) else done)  # validates
        stages = validate_rollout(list(rollout)) if rollout is not None else self._stages
        with self.quiet():
            self.tier.value = status["tier"]
            for k, box in self.boxes.items():
                box.value = k in status["done"]
            self.rollout.value = self._rollout_text(stages)
        self._stages = stages
        self.refresh()

    def save(self) -> None:
        """Keep the current plan in your progress under this planner's ``key``."""
        from ..core import progress

        progress.save_artifact(self.MODULE, plan_key(self.key), self.value)
        self.saved_text.value = "Plan saved in your progress."

    @staticmethod
    def _rollout_text(stages: list[dict]) -> str:
        return ", ".join(f"{s['share'] * 100:g}:{s['hold_days']}" for s in stages)

    def _typed_rollout(self) -> None:
        try:
            self._stages = validate_rollout(rollout_from_text(self.rollout.value))
        except (InputError, InputTypeError) as exc:
            self.result.value = _message(exc)
            return
        self.refresh()

    def code(self) -> str:
        v = self.value
        stages = [(s, h) for s, h in v["rollout"]]
        return f"{self.name}.set({v['tier']}, {v['done']!r}, {stages!r})"

    def plot(self):
        v = self.value
        fig, ax = ui.figure(7.0, 3.4)
        xs, ys = [], []
        for share, hold in v["rollout"]:
            start = xs[-1] if xs else 0
            xs += [start, start + max(hold, 1)]
            ys += [share * 100, share * 100]
        ax.plot(xs, ys, color=ui.CATEGORY["highlight"], linewidth=2.5, drawstyle="steps-post")
        day = 0
        for share, hold in v["rollout"]:
            ax.annotate(f"{share:.0%}" + (f" for {hold} d" if hold else ""), (day, share * 100),
                        textcoords="offset points", xytext=(2, 6), fontsize=9)
            day += hold
        ax.set_ylim(0, 115)
        ax.set_xlabel("days since the flag was first switched on")
        ax.set_ylabel("customers with the feature (%)")
        ax.set_title(f"Staged rollout: everyone after {v['rollout_days']} days (check guardrails at each stage)")
        return fig

    def refresh(self) -> None:
        v = self.value
        self.tier_text.value = f"<i>{ui.esc(TIERS[v['tier']])}</i>"
        missing = [f"{CHECKLIST[k][0]}: {CHECKLIST[k][1]}" for k in v["missing"]]
        self.result.value = ui.status_box(
            v["ready"], "Ready to launch" if v["ready"] else f"Not ready: {len(missing)} item(s) missing",
            missing, detail=f"{len(v['done'])} item(s) done; rollout over {v['rollout_days']} days.")
        ui.show_in(self.chart, self.plot())
        self.code_line.value = ui.code_box(self.code())


# ---------------------------------------------------------------- CUPED


class CupedExplorer(ui.Widget):
    """CUPED (Deng, Xu, Kohavi and Walker 2013): how a test's interval shrinks as the pre-period covariate's
    correlation with the metric grows. The interval's half-width is multiplied by sqrt(1 - rho^2)."""

    def __init__(self, difference: float, half_width: float, rho: float = 0.5, mde: float | None = None,
                 name: str = "cuped") -> None:
        super().__init__(name)
        cuped_interval(difference, half_width, 0.0)          # validates the interval before any control exists
        if mde is not None:
            number("mde", mde, low=0, low_open=True, hint="The minimum detectable effect is a positive difference.")
        self.difference, self.half_width, self.mde = float(difference), float(half_width), mde
        self.rho = W.FloatSlider(min=0.0, max=0.95, step=0.05, value=0.5, readout_format=".2f",
                                 description="Pre-period correlation ρ", style={"description_width": "190px"},
                                 layout=W.Layout(width="480px"))
        self.result = W.HTML().add_class("pm-result")
        self.make_chart()
        self.make_code_box()
        self.on_change([self.rho], lambda _: self.refresh())
        self.widget = W.VBox([self.rho, self.result, self.chart, self.code_box])
        self.widget.add_class("pm-cuped")
        self.set(rho=rho)

    @property
    def value(self) -> dict:
        r = cuped_interval(self.difference, self.half_width, self.rho.value)
        return {"difference": self.difference, "half_width_before": self.half_width, "rho": r["rho"],
                "half_width": r["half_width"], "ci_low": r["ci_low"], "ci_high": r["ci_high"],
                "variance_factor": r["variance_factor"], "users_factor": r["users_factor"]}

    def set(self, rho: float) -> None:
        """``cuped.set(rho=0.6)``: the correlation of the metric with the same users' pre-period value."""
        number("rho", rho, low=self.rho.min, high=self.rho.max,
               hint="The explorer's slider runs from 0 to 0.95; cuped_interval() takes any |rho| < 1.")
        with self.quiet():
            self.rho.value = float(rho)
        self.refresh()

    def code(self) -> str:
        return f"{self.name}.set(rho={self.rho.value:g})"

    def plot(self):
        v = self.value
        fig, ax = ui.figure(7.0, 3.0)
        rows = [("without CUPED", v["difference"], v["half_width_before"], ui.CATEGORY["neutral"], "s"),
                (f"with CUPED, ρ = {v['rho']:.2f}", v["difference"], v["half_width"], ui.CATEGORY["highlight"], "o")]
        for y, (_label, mid, half, colour, marker) in enumerate(reversed(rows)):
            ax.errorbar([mid * 100], [y], xerr=[[half * 100]], fmt=marker, color=colour, capsize=6, linewidth=2.5,
                        markersize=8)
            ax.annotate(f"{(mid - half) * 100:+.2f} to {(mid + half) * 100:+.2f}", (mid * 100, y),
                        xytext=(0, 10), textcoords="offset points", ha="center")
        ax.axvline(0, color="black", linewidth=1, linestyle="--", label="no difference")
        if self.mde is not None:
            ax.axvline(self.mde * 100, color=ui.CATEGORY["bad"], linewidth=1, linestyle=":",
                       label=f"minimum detectable effect ({self.mde * 100:g} points)")
        ax.set_yticks([0, 1], [r[0] for r in reversed(rows)])
        ax.set_ylim(-0.7, 1.8)
        ax.set_xlabel("difference, treatment minus control (percentage points)")
        ax.set_title("The 95 % interval of the same test, with and without CUPED")
        ax.legend(frameon=False, loc="lower right", fontsize=8)
        return fig

    def refresh(self) -> None:
        v = self.value
        self.result.value = ui.status_box(
            True, f"Interval ±{v['half_width'] * 100:.2f} points instead of ±{v['half_width_before'] * 100:.2f} "
                  f"({1 - v['half_width'] / v['half_width_before']:.0%} narrower)",
            [f"Variance × (1 − ρ²) = × {v['variance_factor']:.2f}: the same precision without CUPED would need "
             f"{1 / v['variance_factor']:.2f} times the users, or CUPED reaches it with {v['users_factor']:.0%} of them.",
             "The estimate stays where it was: CUPED removes noise the users brought with them, not the effect."])
        self.draw()
        self.show_code()


# ---------------------------------------------------------------- looking early, look by look


class SequentialPeeker(ui.Widget):
    """Peek at many A/A tests one planned look at a time: the share stopped on a false 'win' so far, read naively
    (|z| >= 1.96 at every look) and with O'Brien-Fleming-type alpha-spending boundaries (Lan and DeMets 1983).

    The simulation is :func:`~pm_course.data_launch.design.sequential_simulation`, seeded: the same settings give
    the same numbers every time.
    """

    def __init__(self, looks: int = 5, look: int = 1, alpha: float = 0.05, tests: int = 4000,
                 users_per_look: int = 800, seed: int = 6, name: str = "peeker") -> None:
        super().__init__(name)
        self.tests = integer("tests", tests, low=100, high=20_000, hint="The peeker runs 100 to 20,000 A/A tests.")
        self.users_per_look = integer("users_per_look", users_per_look, low=10, high=100_000)
        self.seed = integer("seed", seed, low=0)
        style = {"description_width": "110px"}
        self.looks = W.IntSlider(min=2, max=10, value=5, description="Planned looks", style=style)
        self.alpha = W.Dropdown(options=[0.01, 0.05, 0.1], value=0.05, description="Alpha", style=style)
        self.next_button = W.Button(description="Peek at the next look", icon="eye",
                                    tooltip="Read every test at the next planned look")
        self.restart = W.Button(description="Start over", icon="undo", tooltip="Back to the first look")
        self.progress = W.HTML()
        self.result = W.HTML().add_class("pm-result")
        self.looks_table = W.HTML()
        self.make_chart()
        self.make_code_box()
        self._look = 1
        self._sim: dict = {}
        self.on_change([self.looks, self.alpha], lambda _: self.set(look=1))
        self.next_button.on_click(lambda _: self.set(look=min(self._look + 1, self.looks.value)))
        self.restart.on_click(lambda _: self.set(look=1))
        self.widget = W.VBox([W.HBox([self.looks, self.alpha]), W.HBox([self.next_button, self.restart,
                                                                       self.progress]),
                              self.result, self.looks_table, self.chart, self.code_box])
        self.widget.add_class("pm-sequential")
        self.set(looks=looks, look=look, alpha=alpha)

    @property
    def value(self) -> dict:
        s, k = self._sim, self._look
        return {"looks": self.looks.value, "look": k, "alpha": self.alpha.value, "tests": self.tests,
                "seed": self.seed, "boundaries": list(s["spending_boundaries"]),
                "naive_by_look": s["by_look"]["naive"][:k], "boundary_by_look": s["by_look"]["spending"][:k],
                "naive": s["by_look"]["naive"][k - 1], "with_boundary": s["by_look"]["spending"][k - 1]}

    def set(self, looks: int | None = None, look: int | None = None, alpha: float | None = None) -> None:
        """``peeker.set(looks=5, look=3, alpha=0.05)``: the planned looks, the look you are at, alpha."""
        k_looks = integer("looks", self.looks.value if looks is None else looks, low=self.looks.min,
                          high=self.looks.max, hint="The peeker plans 2 to 10 looks; sequential_simulation() "
                                                    "takes up to 20.")
        a = one_of("alpha", self.alpha.value if alpha is None else alpha, self.alpha.options,
                   hint="The peeker offers these alphas; sequential_simulation() takes any.")
        k = integer("look", self._look if look is None else look, low=1, high=k_looks,
                    hint=f"Look 1 is the first planned look and look {k_looks} the last.")
        self._sim = sequential_simulation(self.tests, k_looks, self.users_per_look, 0.12, a, self.seed)
        with self.quiet():
            self.looks.value, self.alpha.value = k_looks, a
        self._look = k
        self.refresh()

    def code(self) -> str:
        v = self.value
        return f"{self.name}.set(looks={v['looks']}, look={v['look']}, alpha={v['alpha']:g})"

    def plot(self):
        v = self.value
        fig, ax = ui.figure(7.2, 3.9)
        xs = list(range(1, v["look"] + 1))
        ax.plot(xs, [x * 100 for x in v["naive_by_look"]], marker="o", color=ui.CATEGORY["bad"],
                label=f"naive: stop at |z| ≥ {sequential_z(v['alpha']):.2f} at any look")
        ax.plot(xs, [x * 100 for x in v["boundary_by_look"]], marker="s", linestyle="-.",
                color=ui.CATEGORY["highlight"], label="alpha spending: stop past the boundary")
        ax.axhline(v["alpha"] * 100, color=ui.PALETTE["black"], linestyle="--", linewidth=1,
                   label=f"alpha = {v['alpha']:.0%}, the promised false-positive rate")
        ax.set_xlim(0.5, v["looks"] + 0.5)
        ax.set_xticks(range(1, v["looks"] + 1))
        top = max(self._sim["by_look"]["naive"] + [v["alpha"]])
        ax.set_ylim(0, top * 115)
        ax.set_xlabel(f"planned look (of {v['looks']})")
        ax.set_ylabel("A/A tests stopped on a 'win' so far (%)")
        ax.set_title(f"{v['tests']:,} A/A tests, read look by look")
        ax.legend(frameon=False, fontsize=9, loc="upper left")
        return fig

    def refresh(self) -> None:
        v = self.value
        last = v["look"] == v["looks"]
        self.next_button.disabled = last
        self.progress.value = f"<span>Look <b>{v['look']}</b> of {v['looks']}{' (the last)' if last else ''}</span>"
        naive_z = sequential_z(v["alpha"])
        band = 1.96 * (v["alpha"] * (1 - v["alpha"]) / v["tests"]) ** 0.5    # what chance alone moves it by
        self.result.value = ui.status_box(
            v["with_boundary"] <= v["alpha"] + band,
            f"By look {v['look']}: {v['naive']:.1%} of the A/A tests stopped on a false 'win' when read naively, "
            f"{v['with_boundary']:.1%} with the boundary",
            [f"Alpha promises {v['alpha']:.0%} in all; no test here has a real difference, so every stop is false.",
             f"Naive peeking spends a full {v['alpha']:.0%} at every look (|z| ≥ {naive_z:.2f}); the boundary spends "
             "almost nothing early and the rest at the end."])
        rows = [[k, f"{b:.2f}", f"{naive_z:.2f}", f"{n:.1%}", f"{w:.1%}"]
                for k, (b, n, w) in enumerate(zip(v["boundaries"], v["naive_by_look"], v["boundary_by_look"]), 1)]
        self.looks_table.value = ui.table(
            ["look", "boundary |z|", "naive |z|", "stopped so far, naive", "stopped so far, boundary"], rows,
            caption="Each look: the |z| needed to stop, and the share of the A/A tests stopped by then")
        self.draw()
        self.show_code()


def sequential_z(alpha: float) -> float:
    """The naive threshold: the fixed test's z_(1 - alpha/2), used at every look."""
    from statistics import NormalDist

    return NormalDist().inv_cdf(1 - alpha / 2)
