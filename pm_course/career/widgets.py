"""Widgets for module 07: a competency self-assessment against a target rung, and a development-plan builder.

Thin layers over :mod:`.ladder`, :mod:`.goals` and :mod:`.plan`, on :class:`pm_course.ui.Widget`.
The assessment starts from the welcome notebook's saved self-assessment when there is one and draws
the welcome radar (:func:`pm_course.welcome.widgets.radar`) with a second series, what the rung expects.
Both widgets save to the learner's progress (``save_artifact("07_career", "assessment" / "plan", ...)``).
"""

from __future__ import annotations

import os
from typing import Any

import ipywidgets as w

from ..core import progress
from ..core.validate import InputError
from ..ui import Widget, code_box, esc, show_in, status_box, table
from ..welcome.widgets import radar
from .goals import LETTERS
from .ladder import (
    RUNG_ORDER,
    RUNGS,
    SCALE,
    SKILL_AREAS,
    expected_profile,
    largest_gaps,
    rung,
    skill_gaps,
    validate_ratings,
)
from .plan import export_plan, make_plan, plan_focus, review_goal
from .practice import estimate, validate_factors

__all__ = ["CompetencyAssessment", "PlanBuilder", "EstimateBuilder", "MODULE", "starting_ratings"]

MODULE = "07_career"
_STYLE = {"description_width": "150px"}


def starting_ratings() -> tuple[dict[str, int], str]:
    """Where an assessment starts: this module's saved assessment, else the welcome self-assessment, else all 3."""
    for module, key, source in ((MODULE, "assessment", "your saved assessment from this module"),
                                ("00_welcome", "skills", "your self-assessment in the welcome notebook")):
        saved = progress.load_artifact(module, key)
        try:
            return validate_ratings(saved["ratings"]), source
        except (KeyError, TypeError, ValueError):
            continue
    return {a: 3 for a in SKILL_AREAS}, "a neutral start (3 everywhere): rate yourself"


class CompetencyAssessment(Widget):
    """Rate each skill area 1-5, pick a target rung; see the radar of you against the rung and the largest gaps.

    ``.value`` is ``{"target", "ratings", "gaps", "largest", "total_gap"}``;
    ``assessment.set(ratings={...}, target="senior")`` changes it from code; ``assessment.save()`` keeps it.
    """

    def __init__(self, ratings: dict[str, int] | None = None, target: str = "senior", name: str = "assessment"):
        super().__init__(name)
        if ratings is None:
            start, self.source = starting_ratings()
        else:
            start, self.source = validate_ratings(ratings), "the ratings you passed"
        saved = progress.load_artifact(MODULE, "assessment") or {}
        self._target = rung(saved.get("target", target) if ratings is None and isinstance(saved, dict) else target)
        self._ratings = start
        self._followers: list[Any] = []  # plan builders made from this assessment: told when it is saved
        self.sliders = {a: w.IntSlider(value=start[a], min=1, max=5, description=a, continuous_update=False,
                                       style=_STYLE, layout=w.Layout(width="400px")) for a in SKILL_AREAS}
        self.target_box = w.Dropdown(options=[(RUNGS[r]["title"], r) for r in RUNG_ORDER], value=self._target,
                                     description="Target rung", style=_STYLE, layout=w.Layout(width="400px"))
        self.save_button = w.Button(description="Save assessment", icon="save", layout=w.Layout(width="auto"))
        self.result = w.HTML()
        self.result.add_class("pm-result")
        self.chart = w.Output()
        self.chart.add_class("pm-chart")
        self.code_html = w.HTML()
        self.code_html.add_class("pm-code")
        self.status = w.HTML()
        self.on_change(list(self.sliders.values()), self._moved)
        self.on_change(self.target_box, self._moved)
        self.save_button.on_click(lambda _: self.save())
        scale = " · ".join(f"{k} {v}" for k, v in SCALE.items())
        self.widget = w.VBox([
            w.HTML(f"<b>Where you are, against a rung</b> <span style='opacity:.7'>({scale})</span><br>"
                   f"<span style='opacity:.8'>Started from {esc(self.source)}.</span>"),
            w.HBox([w.VBox([self.target_box, *self.sliders.values(), self.save_button, self.status]), self.chart]),
            self.result, self.code_html,
        ])
        self.widget.add_class("pm-assessment")
        self.refresh()

    # -- state

    @property
    def value(self) -> dict[str, Any]:
        expected = expected_profile(self._target)
        gaps = skill_gaps(self._ratings, expected)
        return {"target": self._target, "ratings": dict(self._ratings), "gaps": gaps,
                "largest": largest_gaps(self._ratings, self._target), "total_gap": sum(gaps.values())}

    def set(self, ratings: dict[str, int] | None = None, target: str | None = None) -> None:
        """Set the ratings (every skill area, 1-5) and/or the target rung (e.g. 'senior')."""
        new_ratings = validate_ratings(ratings) if ratings is not None else self._ratings
        new_target = rung(target) if target is not None else self._target
        self._ratings, self._target = dict(new_ratings), new_target
        with self.quiet():
            for a, s in self.sliders.items():
                s.value = self._ratings[a]
            self.target_box.value = self._target
        self.refresh()

    def code(self) -> str:
        return f"{self.name}.set(ratings={self._ratings!r}, target={self._target!r})"

    def save(self) -> None:
        """Keep the assessment with your progress (it is exported and imported with it)."""
        progress.save_artifact(MODULE, "assessment", {"target": self._target, "ratings": dict(self._ratings)})
        followers = f" The plan builder below now aims at {RUNGS[self._target]['title']}." if self._followers else ""
        self.status.value = status_box(True, "Saved with your progress." + followers)
        for follow in self._followers:
            follow(self)

    def plot(self):
        title = RUNGS[self._target]["title"]
        return radar(self._ratings, f"You today against {title}\n(1 = new to me, 5 = could teach it)",
                     expected=expected_profile(self._target), label="You today", expected_label=f"{title} expects")

    # -- drawing

    def _moved(self, change: dict) -> None:
        self._ratings = {a: s.value for a, s in self.sliders.items()}
        self._target = self.target_box.value
        self.status.value = ""
        self.refresh()

    def refresh(self) -> None:
        v = self.value
        exp = expected_profile(self._target)
        rows = [(a, v["ratings"][a], exp[a], v["gaps"][a]) for a in SKILL_AREAS]
        title = RUNGS[self._target]["title"]
        if v["largest"]:
            head = (f"<b>{v['total_gap']} step{'s' if v['total_gap'] != 1 else ''} to {esc(title)}.</b> "
                    f"Largest gaps: {esc(', '.join(v['largest']))}.")
        else:
            head = f"<b>You meet every expectation of {esc(title)}</b>: try the next rung up."
        self.result.value = head + table(["skill area", "you", "expected", "gap"], rows,
                                         selected=lambda i, r: r[0] in v["largest"], css_class="pm-gap-table")
        self.code_html.value = code_box(self.code())
        show_in(self.chart, self.plot())


class PlanBuilder(Widget):
    """One SMART goal per gap, a feedback-loop metric and who helps; each goal is checked as you type.

    ``.value`` is the plan (plain data, see :mod:`pm_course.career.plan`); ``builder.set([...])`` fills it from
    code; ``builder.save()`` keeps it with your progress; ``builder.export("my_plan.md")`` writes the page.
    """

    def __init__(self, areas: list[str] | None = None, target: str | None = None, assessment: Any = None,
                 start: str | None = None, days: int = 90, name: str = "builder"):
        super().__init__(name)
        saved = progress.load_artifact(MODULE, "plan")
        goals: list[dict[str, str]] = []
        if assessment is not None:
            focus = plan_focus(assessment)
            target = target or focus["target"]
            areas = areas or focus["areas"]
            assessment._followers.append(self._follow)  # saving the assessment updates this plan
        if areas is None and isinstance(saved, dict) and saved.get("goals"):
            plan = make_plan(saved["target"], saved["goals"], saved.get("start"), saved.get("days", 90))
            goals, target, start, days = plan["goals"], target or plan["target"], plan["start"], plan["days"]
            areas = [g["area"] for g in goals]
        if areas is None:
            ratings, _ = starting_ratings()
            areas = largest_gaps(ratings, target or "senior") or [list(SKILL_AREAS)[0]]
        if not goals:  # one row per area, with what was saved for that area, if anything
            kept = {}
            if isinstance(saved, dict) and isinstance(saved.get("goals"), list):
                kept = {g.get("area"): g for g in saved["goals"] if isinstance(g, dict)}
            goals = [{k: v for k, v in kept[a].items() if k in ("area", "goal", "metric", "helpers")} if a in kept
                     else {"area": a, "goal": "-"} for a in areas]
        self._plan = make_plan(target or "senior", goals, start, days)
        for g in self._plan["goals"]:
            if g["goal"] == "-":
                g["goal"] = ""
        self.export_button = w.Button(description="Export .md and .html", icon="download", layout=w.Layout(width="auto"))
        self.save_button = w.Button(description="Save plan", icon="save", layout=w.Layout(width="auto"))
        self.status = w.HTML()
        self.code_html = w.HTML()
        self.code_html.add_class("pm-code")
        self.rows_box = w.VBox()
        self.summary = w.HTML()
        self.summary.add_class("pm-plan-summary")
        self.save_button.on_click(lambda _: self.save())
        self.export_button.on_click(lambda _: self._export_clicked())
        # any skill area can get a goal by clicking: pick it, add it; each row can be removed
        self.area_box = w.Dropdown(options=list(SKILL_AREAS), description="Goal for", style={"description_width": "80px"},
                                   layout=w.Layout(width="340px"))
        self.add_button = w.Button(description="Add a goal", icon="plus", layout=w.Layout(width="auto"))
        self.add_button.add_class("pm-add-goal")
        self.add_button.on_click(lambda _: self._add(self.area_box.value))
        self.heading = w.HTML()
        self.widget = w.VBox([
            self.heading, self.rows_box, w.HBox([self.area_box, self.add_button]), self.summary,
            w.HBox([self.save_button, self.export_button]), self.status, self.code_html,
        ])
        self.widget.add_class("pm-plan-builder")
        self._build_rows()
        self.refresh()

    def _build_rows(self) -> None:
        self.controls: list[dict[str, Any]] = []
        boxes = []
        for g in self._plan["goals"]:
            goal = w.Textarea(value=g["goal"], description="Goal", placeholder="I will ... (a number) ... by (a date)",
                              style={"description_width": "80px"}, layout=w.Layout(width="640px", height="3.4em"))
            metric = w.Textarea(value=g["metric"], description="Metric",
                                placeholder="how many, per period; what it produced; what changed because of it",
                                style={"description_width": "80px"}, layout=w.Layout(width="640px", height="3.4em"))
            helpers = w.Text(value=g["helpers"], description="Who helps", placeholder="a mentor, a sponsor (by role)",
                             style={"description_width": "80px"}, layout=w.Layout(width="640px"))
            verdict = w.HTML()
            verdict.add_class("pm-goal-status")
            for c in (goal, metric, helpers):
                self.on_change(c, self._typed)
            self.controls.append({"goal": goal, "metric": metric, "helpers": helpers, "verdict": verdict})
            remove = w.Button(description="Remove", icon="trash", tooltip=f"Remove the goal for {g['area']}",
                              layout=w.Layout(width="auto"))
            remove.add_class("pm-remove-goal")
            remove.on_click(lambda _, area=g["area"]: self._remove(area))
            boxes.append(w.VBox([w.HBox([w.HTML(f"<b>{esc(g['area'])}</b>"), remove]), goal, metric, helpers, verdict],
                                layout=w.Layout(margin="0 0 .6em 0")))
        self.rows_box.children = boxes
        if hasattr(self, "heading"):
            self.heading.value = (
                f"<b>Your {self._plan['days']}-day development plan</b> toward "
                f"{esc(RUNGS[self._plan['target']]['title'])}: one SMART goal per gap, a metric that is a "
                "feedback loop, and who helps.")

    def _add(self, area: str) -> None:
        if area not in [g["area"] for g in self._plan["goals"]]:
            self._plan["goals"].append({"area": area, "goal": "", "metric": "", "helpers": ""})
            self._build_rows()
        self.status.value = ""
        self.refresh()

    def _remove(self, area: str) -> None:
        self._plan["goals"] = [g for g in self._plan["goals"] if g["area"] != area]
        self._build_rows()
        self.status.value = ""
        self.refresh()

    def _follow(self, assessment: Any) -> None:
        """The assessment was saved: aim at its rung, one row per largest gap, keeping what was written."""
        focus = plan_focus(assessment)
        written = {g["area"]: g for g in self._plan["goals"]}
        goals = [written.get(a) or {"area": a, "goal": "", "metric": "", "helpers": ""} for a in focus["areas"]]
        goals += [g for a, g in written.items() if a not in focus["areas"] and g["goal"].strip()]
        self._plan["target"] = focus["target"]
        self._plan["goals"] = goals
        self._build_rows()
        self.status.value = status_box(None, f"Updated from your saved assessment: toward "
                                             f"{RUNGS[focus['target']]['title']}.")
        self.refresh()

    # -- state

    @property
    def value(self) -> dict[str, Any]:
        p = self._plan
        return {"target": p["target"], "start": p["start"], "days": p["days"],
                "goals": [dict(g) for g in p["goals"] if g["goal"].strip()]}

    @property
    def reviews(self) -> list[dict[str, Any]]:
        """The rubric's verdict on every written goal."""
        return [review_goal(g) for g in self.value["goals"]]

    def set(self, goals: list[dict[str, str]], target: str | None = None) -> None:
        """Set the goals: a list of dicts with 'area', 'goal', 'metric' and 'helpers' (one per gap)."""
        plan = make_plan(target or self._plan["target"], goals, self._plan["start"], self._plan["days"])
        rebuild = [g["area"] for g in plan["goals"]] != [g["area"] for g in self._plan["goals"]]
        self._plan = plan
        if rebuild:
            self._build_rows()
        else:
            with self.quiet():
                for g, c in zip(plan["goals"], self.controls):
                    for k in ("goal", "metric", "helpers"):
                        c[k].value = g[k]
        self.refresh()

    def code(self) -> str:
        goals = [{k: g[k] for k in ("area", "goal", "metric", "helpers")} for g in self.value["goals"]]
        return f"{self.name}.set({goals!r})" if goals else ""

    def save(self) -> None:
        """Keep the plan with your progress (it is exported and imported with it)."""
        progress.save_artifact(MODULE, "plan", self.value)
        self.status.value = status_box(True, "Plan saved with your progress.")

    def export(self, path: str | os.PathLike = "my_plan.md", title: str = "My development plan"):
        """Write the plan as one page: Markdown for .md, HTML for .html. Returns the path written."""
        return export_plan(self.value, path, title)

    # -- drawing

    def _export_clicked(self) -> None:
        md, page = self.export("my_plan.md"), self.export("my_plan.html")
        self.status.value = status_box(True, f"Written: {md.name} and {page.name}", detail="next to this notebook.")

    def _typed(self, change: dict) -> None:
        for g, c in zip(self._plan["goals"], self.controls):
            for k in ("goal", "metric", "helpers"):
                g[k] = c[k].value.strip()
        self.status.value = ""
        self.refresh()

    def refresh(self) -> None:
        ok = 0
        for g, c in zip(self._plan["goals"], self.controls):
            if not g["goal"].strip():
                c["verdict"].value = status_box(None, "Write one goal for this gap.")
                continue
            try:
                r = review_goal(g)
            except InputError as exc:
                c["verdict"].value = status_box(False, "Not yet", [str(exc)])
                continue
            ok += r["ok"]
            met = [f"{k} {'✓' if k not in r['missing_letters'] else '✗'}" for k in LETTERS]
            c["verdict"].value = status_box(
                r["ok"], "SMART, with a feedback-loop metric" if r["ok"] else "Not yet", r["problems"],
                detail=" ".join(met))
        n = len(self._plan["goals"])
        self.summary.value = f"<b>{ok} of {n} goal{'s' if n != 1 else ''} ready.</b>"
        self.code_html.value = code_box(self.code())


class EstimateBuilder(Widget):
    """Build an estimation answer (a Fermi estimate) as a chain of factors, each an assumption and a number.

    ``estimator.set([("paying sites", 1240), ("staff per site", 9), ...])``;
    ``.value`` is ``{"factors", "estimate"}`` (the factors as [assumption, number] pairs).
    """

    def __init__(self, factors: Any = None, name: str = "estimator"):
        super().__init__(name)
        self.rows_box = w.VBox(layout=w.Layout(flex="0 0 auto"))
        self.add = w.Button(description="Add a factor", icon="plus")
        self.add.add_class("pm-estimate-add")
        self.add.on_click(lambda _: self._add_row())
        self.result = w.HTML().add_class("pm-result")
        self.make_code_box()
        self.widget = w.VBox([
            w.HTML("<b>Estimate by factors.</b> Write each assumption and its number; the estimate is their product."),
            self.rows_box, self.add, self.result, self.code_box,
        ])
        self.widget.add_class("pm-estimate")
        self._rows: list[tuple[Any, Any]] = []
        self.set(factors if factors is not None else [("paying sites", 1240), ("staff per site", 9)])

    def _make_row(self, name: str, value: float) -> tuple[Any, Any]:
        t = w.Text(value=name, description="Assumption", layout=w.Layout(width="360px"))
        n = w.FloatText(value=value, description="Number", layout=w.Layout(width="220px"))
        self.on_change([t, n], lambda _: self.refresh())
        return t, n

    def _add_row(self) -> None:
        self._rows.append(self._make_row("another factor", 1.0))
        self.rows_box.children = [w.HBox(list(r), layout=w.Layout(flex="0 0 auto")) for r in self._rows]
        self.refresh()

    @property
    def factors(self) -> list[list[Any]]:
        return [[t.value, n.value] for t, n in self._rows]

    @property
    def value(self) -> dict[str, Any]:
        try:
            total: float | None = estimate(self.factors)
        except (ValueError, TypeError):
            total = None
        return {"factors": self.factors, "estimate": total}

    def set(self, factors: Any) -> None:
        """Set the factors, e.g. ``estimator.set([("paying sites", 1240), ("staff per site", 9)])``."""
        checked = validate_factors(factors)
        with self.quiet():
            self._rows = [self._make_row(name, v) for name, v in checked]
            self.rows_box.children = [w.HBox(list(r), layout=w.Layout(flex="0 0 auto")) for r in self._rows]
        self.refresh()

    def code(self) -> str:
        return f"{self.name}.set({[(t, n) for t, n in self.factors]!r})"

    def refresh(self) -> None:
        try:
            total = estimate(self.factors)
        except (ValueError, TypeError) as e:
            self.result.value = status_box(False, "Fix a factor", [str(e)])
        else:
            chain = " × ".join(f"{n:,g} ({esc(t)})" for t, n in self.factors)
            self.result.value = f"<div>{chain} = <b>{total:,.0f}</b></div>"
        self.show_code()
