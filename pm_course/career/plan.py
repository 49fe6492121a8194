"""A development plan the learner keeps: one SMART goal per gap, a feedback-loop metric, who helps (pure logic).

The plan is plain data (it is saved with the learner's progress and survives
export and import)::

    {"target": "senior", "start": "2026-12-01", "days": 90,
     "goals": [{"area": "Research", "goal": "...", "metric": "...", "helpers": "..."}]}

:func:`review_plan` checks every goal with the SMART rubric and every metric
for being a feedback loop (:mod:`.goals`); :func:`plan_markdown` and
:func:`plan_html` write it as one page; :func:`export_plan` saves that page.
"""

from __future__ import annotations

import datetime as _dt
import html
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..core.validate import InputError, InputTypeError, choice, describe, integer, text
from .goals import LETTERS, metric_check, smart_check
from .ladder import RUNGS, SKILL_AREAS, rung

__all__ = ["GOAL_FIELDS", "make_goal", "make_plan", "plan_focus", "review_goal", "review_plan", "plan_markdown",
           "plan_html", "export_plan"]

GOAL_FIELDS = ("area", "goal", "metric", "helpers")


def plan_focus(assessment: Any) -> dict[str, Any]:
    """What a plan built from a competency assessment aims at: ``{"target": the rung, "areas": the largest gaps}``.

    ``assessment`` is a :class:`pm_course.career.widgets.CompetencyAssessment` (its ``.value`` holds
    ``"target"`` and ``"largest"``).
    """
    try:
        state = assessment.value
        return {"target": state["target"], "areas": list(state["largest"])}
    except (AttributeError, KeyError, TypeError):
        raise InputTypeError(f"assessment must be a CompetencyAssessment; got {describe(assessment)}.") from None


def make_goal(area: str, goal: str, metric: str = "", helpers: str = "") -> dict[str, str]:
    """One plan entry, validated: the skill area it closes, the goal, its metric and who helps."""
    return {
        "area": choice("the skill area", area, list(SKILL_AREAS)),
        "goal": text("the goal", goal, max_len=600).strip(),
        "metric": text("the metric", metric, empty_ok=True, max_len=600).strip(),
        "helpers": text("who helps", helpers, empty_ok=True, max_len=300).strip(),
    }


def _iso(day: Any) -> str:
    if isinstance(day, _dt.date):
        return day.isoformat()
    s = text("start", day)
    try:
        return _dt.date.fromisoformat(s.strip()).isoformat()
    except ValueError:
        raise InputError(f"start must be a date written YYYY-MM-DD, e.g. '2026-12-01'; got {s!r}.") from None


def make_plan(target: str, goals: Any, start: Any = None, days: int = 90) -> dict[str, Any]:
    """A plan: the target rung, the goals (dicts with :data:`GOAL_FIELDS`), a start date and its length in days.

    One goal per gap: two goals for the same skill area are refused.
    """
    key = rung(target)
    if type(goals) not in (list, tuple):
        raise InputTypeError(f"goals must be a list of dicts with keys {list(GOAL_FIELDS)}; got {describe(goals)}.")
    clean = []
    for i, g in enumerate(goals):
        if not isinstance(g, Mapping):
            raise InputTypeError(f"goal {i + 1} must be a dict with keys {list(GOAL_FIELDS)}; got {describe(g)}.")
        unknown = [k for k in g if k not in GOAL_FIELDS]
        if unknown:
            raise InputError(f"goal {i + 1} has unknown key(s) {unknown}; the keys are {list(GOAL_FIELDS)}.")
        if "area" not in g or "goal" not in g:
            raise InputError(f"goal {i + 1} needs at least 'area' and 'goal'; got keys {list(g)}.")
        clean.append(make_goal(g["area"], g["goal"], g.get("metric", ""), g.get("helpers", "")))
    areas = [g["area"] for g in clean]
    twice = sorted({a for a in areas if areas.count(a) > 1})
    if twice:
        raise InputError(f"one goal per gap: {twice} appear more than once; merge them into one goal.")
    begin = _iso(start) if start is not None else _dt.date.today().isoformat()
    return {"target": key, "start": begin, "days": integer("days", days, low=7, high=366), "goals": clean}


def review_goal(entry: Mapping[str, str]) -> dict[str, Any]:
    """The rubric's verdict on one entry: missing SMART letters, missing feedback-loop parts, and the problems."""
    if not isinstance(entry, Mapping):
        raise InputTypeError(f"entry must be one goal of a plan, a dict with keys {list(GOAL_FIELDS)}; "
                             f"got {describe(entry)}.")
    g = make_goal(entry.get("area", ""), entry.get("goal", ""), entry.get("metric", ""), entry.get("helpers", ""))
    smart = smart_check(g["goal"])
    missing = "".join(k for k, v in smart.items() if v)
    problems = [f"{LETTERS[k]}: {v}" for k, v in smart.items() if v]
    loop = metric_check(g["metric"]) if g["metric"] else ["add a metric that is a feedback loop."]
    problems += [f"metric: {m}" for m in loop]
    if not g["helpers"]:
        problems.append("who helps: name a mentor, a sponsor or a colleague (by role).")
    return {"area": g["area"], "missing_letters": missing, "loop_missing": loop, "problems": problems,
            "ok": not problems}


def _checked(plan: Any) -> dict[str, Any]:
    """The plan, checked again with :func:`make_plan` (a plan is plain data and may have been edited by hand)."""
    if not isinstance(plan, Mapping) or "target" not in plan or "goals" not in plan:
        raise InputTypeError(f"plan must be a dict with 'target' and 'goals', as made by make_plan(...); "
                             f"got {describe(plan)}.")
    return make_plan(plan["target"], plan["goals"], plan.get("start"), plan.get("days", 90))


def review_plan(plan: Mapping[str, Any]) -> list[dict[str, Any]]:
    """:func:`review_goal` for every goal of the plan, in order."""
    p = _checked(plan)
    return [review_goal(g) for g in p["goals"]]


def _end(p: Mapping[str, Any]) -> str:
    return (_dt.date.fromisoformat(p["start"]) + _dt.timedelta(days=p["days"])).isoformat()


def plan_markdown(plan: Mapping[str, Any], title: str = "My development plan") -> str:
    """The plan as one page of Markdown."""
    title = text("title", title)
    p = _checked(plan)
    reviews = [review_goal(g) for g in p["goals"]]
    lines = [f"# {title}", "",
             f"**Target rung:** {RUNGS[p['target']]['title']}  ",
             f"**Period:** {p['start']} to {_end(p)} ({p['days']} days)", ""]
    if not p["goals"]:
        lines.append("_No goals yet: pick a gap and write one SMART goal for it._")
    for i, (g, r) in enumerate(zip(p["goals"], reviews), 1):
        lines += [f"## {i}. {g['area']}", "", f"- **Goal:** {g['goal']}", f"- **Metric:** {g['metric'] or '(none yet)'}",
                  f"- **Who helps:** {g['helpers'] or '(no one named yet)'}",
                  f"- **Check:** {'SMART, with a feedback-loop metric' if r['ok'] else '; '.join(r['problems'])}", ""]
    lines += ["---", "Review it every two weeks with the person who helps; change the goal, not the deadline.", ""]
    return "\n".join(lines)


def plan_html(plan: Mapping[str, Any], title: str = "My development plan") -> str:
    """The plan as a standalone one-page HTML document (printable)."""
    title = text("title", title)
    p = _checked(plan)
    esc = html.escape
    rows = []
    for i, g in enumerate(p["goals"], 1):
        r = review_goal(g)
        check = "SMART, feedback-loop metric" if r["ok"] else "; ".join(r["problems"])
        rows.append(f"<tr><td>{i}</td><td>{esc(g['area'])}</td><td>{esc(g['goal'])}</td><td>{esc(g['metric'])}</td>"
                    f"<td>{esc(g['helpers'])}</td><td>{esc(check)}</td></tr>")
    body = "".join(rows) or "<tr><td colspan=6><i>No goals yet.</i></td></tr>"
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{esc(title)}</title><style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}"
        "table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px;vertical-align:top;text-align:left}"
        "</style></head><body>"
        f"<h1>{esc(title)}</h1><p><b>Target rung:</b> {esc(RUNGS[p['target']]['title'])}<br>"
        f"<b>Period:</b> {esc(p['start'])} to {esc(_end(p))} ({p['days']} days)</p>"
        "<table><thead><tr><th>#</th><th>Skill area</th><th>Goal</th><th>Metric</th><th>Who helps</th>"
        f"<th>Check</th></tr></thead><tbody>{body}</tbody></table>"
        "<p>Review it every two weeks with the person who helps; change the goal, not the deadline.</p>"
        "</body></html>"
    )


def export_plan(plan: Mapping[str, Any], path: str | os.PathLike = "my_plan.md", title: str = "My development plan") -> Path:
    """Write the plan to ``path``: Markdown for ``.md``, HTML for ``.html`` / ``.htm``. Returns the path written."""
    title = text("title", title)
    if not isinstance(path, (str, os.PathLike)):
        raise InputTypeError(f"path must be a file name ending in .md or .html; got {describe(path)}.")
    target = Path(path).expanduser()
    kind = target.suffix.lower()
    if kind not in (".md", ".html", ".htm"):
        raise InputError(f"path must end in .md (Markdown) or .html (a web page); got {str(path)!r}.")
    page = plan_markdown(plan, title) if kind == ".md" else plan_html(plan, title)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page, encoding="utf-8")
    return target
