"""The capstone's steps: each one your own artifact, reviewed with its module's rubric and kept in your progress.

One step per module from 01 to 08, plus a decision memo, a business case and a
review after launch. The artifacts are the plain ``.value`` of the modules' own
widgets, or of the capstone's forms (:class:`pm_course.capstone.widgets.StepForm`),
or the same data typed in code. Where an earlier module saved your artifact
(module 07's development plan, module 06's launch plan), the step starts from it.

:func:`save_step` first asks whether the artifact is **your own work**
(:func:`refusal`): a step left at the widget's defaults, equal to the dataset's own
labelling, blank, or copied from the lesson's worked example is refused with a
message that says what to change (:class:`StepRefused`), and nothing is saved.
Otherwise it reviews the artifact with the rubric of the module that taught it
and saves it with ``pm_course.core.progress.save_artifact("09_capstone", step, data)``,
so it survives export and import. :func:`step_status` re-checks every saved step
(the portfolio and the certificate use it). Pure logic: no widgets, no plots.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..core import progress
from ..core.validate import InputError, InputTypeError, choice, describe

__all__ = ["STEPS", "STEP_TITLES", "STEP_SHORT", "STEP_MODULES", "FORMS", "EXAMPLES", "CERTIFICATE_STEPS", "StepRefused",
           "refusal", "review_step", "save_step", "save", "load_step", "saved_steps", "step_status", "steps_shown"]

MODULE = "09_capstone"
STEPS = ("brief", "research", "job_stories", "vision", "business_case", "roadmap", "decision_memo", "stakeholders",
         "launch", "review", "development_plan", "change_plan")
STEP_TITLES = {
    "brief": "Product brief with an outcome target set against the trend (module 01)",
    "research": "Research synthesis (module 02)",
    "job_stories": "Job stories (module 02)",
    "vision": "Vision board and OKRs (module 03)",
    "business_case": "Business case with unit economics (module 03)",
    "roadmap": "Roadmap within capacity (module 04)",
    "decision_memo": "Decision memo (modules 03 and 04)",
    "stakeholders": "Stakeholder plan (module 05)",
    "launch": "Experiment and launch plan (module 06)",
    "review": "Review after launch (module 06)",
    "development_plan": "Development plan (module 07)",
    "change_plan": "Leading the change: a plan on Kotter's eight steps (module 08)",
}
#: A short name for each step, as the certificate lists them.
STEP_SHORT = {"brief": "product brief", "research": "research synthesis", "job_stories": "job stories",
              "vision": "vision board and OKRs", "business_case": "business case", "roadmap": "roadmap",
              "decision_memo": "decision memo", "stakeholders": "stakeholder plan",
              "launch": "experiment and launch plan", "review": "review after launch",
              "development_plan": "development plan", "change_plan": "change plan"}
#: Which module teaches each step (and makes its artifact when the learner did it there).
STEP_MODULES = {"brief": "01_pm_role", "research": "02_research", "job_stories": "02_research",
                "vision": "03_vision_strategy_roadmap", "business_case": "03_vision_strategy_roadmap",
                "roadmap": "04_prioritization", "decision_memo": "04_prioritization",
                "stakeholders": "05_collaboration", "launch": "06_data_launch", "review": "06_data_launch",
                "development_plan": "07_career", "change_plan": "08_leading"}
#: The self-assessed certificate needs this many steps shown: saved as your own work and meeting their rubric.
#: All of them (docs/programme.md states the same rule).
CERTIFICATE_STEPS = len(STEPS)

_SHAPES = {
    "research": "a dict of snippet id -> theme (an AffinityBoard's .value)",
    "job_stories": "a list of job stories (text)",
    "vision": 'a dict {"board": VisionBoardBuilder .value, "okr": OKRBuilder .value}',
    "roadmap": 'a dict {"selected": [ids], "capacity": person-months} (from a CapacityPlanner)',
    "stakeholders": "a StakeholderMap's .value: id -> {power, interest, quadrant}",
    "launch": 'a dict {"experiment": ABTestPlanner .value, "launch": LaunchPlanner .value}',
    "development_plan": "a development plan: module 07's PlanBuilder .value ({'target', 'goals': [...], ...})",
}

# ---------------------------------------------------------------- the forms: steps written in words and numbers

#: The fields of each step written in a form: (field, kind, what to write). kind: "text", "number" or a tuple
#: of the allowed choices.
FORMS: dict[str, tuple[tuple[str, Any, str], ...]] = {
    "brief": (
        ("problem", "text", "the customer's problem, in their words, with the evidence (no solution)"),
        ("customer", "text", "who has it: the segment, and how many of them"),
        ("metric", ("sites_with_published_rota", "paying_sites", "staff_weekly_active", "swaps_completed",
                    "shifts_filled_without_manager_calls", "signups"),
         "the outcome metric, one of the case's weekly metrics (load('analytics')['weekly'])"),
        ("baseline", "number", "the metric's value in the latest week of the data"),
        ("target", "number", "where you aim it to be, against its trend"),
        ("weeks", "number", "in how many weeks from the latest week"),
        ("non_goals", "text", "what this work will not do (out of scope)"),
    ),
    "business_case": (
        ("item", ("B05", "B07"), "the feature bet: a backlog item with outcomes in the case's unit economics"),
        ("cost_person_months", "number", "what it costs to build, in person-months"),
        ("recommendation", "text", "build it or not, with the numbers that decide it (expected value, net, "
                                   "chance of a loss, LTV:CAC)"),
        ("risk", "text", "what would make the case wrong, and how you would find out early"),
    ),
    "decision_memo": (
        ("decision", "text", "the decision to take, in one sentence, and who takes it"),
        ("options", "text", "at least two options, one per line (doing nothing counts)"),
        ("evidence", "text", "the evidence, citing its source: snippet ids (S..), backlog ids (B..), figures"),
        ("recommendation", "text", "the option you recommend, and why it beats the others"),
        ("risks", "text", "what could go wrong, and what you will watch"),
        ("success_metric", "text", "the metric that says it worked, with a target and a date"),
    ),
    "review": (
        ("experiment", ("EXP-1", "EXP-2"), "the experiment you review (load('experiment')['experiments'])"),
        ("planned_mde", "number", "the minimum detectable effect the plan sized it for (a fraction, e.g. 0.02)"),
        ("observed_difference", "number", "treatment minus control on the primary metric, from the data "
                                          "(a fraction)"),
        ("decision", ("ship", "iterate", "stop"), "what you decide"),
        ("learned", "text", "what the metrics showed against the plan (primary and guardrail), and what next"),
    ),
    "change_plan": (
        ("change", "text", "the change you lead: from what, to what"),
        ("urgency", "text", "1. establish a sense of urgency: the evidence that staying as we are costs more"),
        ("coalition", "text", "2. create the guiding coalition: who leads it with you"),
        ("vision", "text", "3. develop a vision and strategy: where it leads, in a minute"),
        ("communicate", "text", "4. communicate the change vision: where and how often"),
        ("obstacles", "text", "5. empower broad-based action: the obstacle you remove"),
        ("short_term_win", "text", "6. generate short-term wins: the first visible result, and when"),
        ("consolidate", "text", "7. consolidate gains and produce more change: what the win lets you change next"),
        ("anchor", "text", "8. anchor new approaches in the culture: hiring, promotion, rituals"),
    ),
}
for _name, _fields in FORMS.items():
    _SHAPES[_name] = "a dict with " + ", ".join(repr(f) for f, _, _ in _fields) + " (a StepForm's .value)"

#: The lesson's worked examples. They show what a good step looks like; saving one as your own is refused.
EXAMPLES: dict[str, dict[str, Any]] = {
    "brief": {
        "problem": "Owners cover last-minute gaps themselves: 5 of the facts in the interviews are about "
                   "last-minute cover, such as a barista cancelling at 7am and the owner calling round for cover "
                   "or opening the shop themselves.",
        "customer": "Owners of single independent cafés on the Solo plan (868 of the 1,240 paying sites).",
        "metric": "shifts_filled_without_manager_calls", "baseline": 0.525, "target": 0.7, "weeks": 13,
        "non_goals": "No payroll changes and no new plan or price this quarter.",
    },
    "change_plan": {
        "change": "From a team that ships the features sales asks for to a team that owns the rota outcome.",
        "urgency": "Show the leadership meeting that the last features moved no metric while churn stayed put.",
        "coalition": "The CTO, the engineering lead and the support lead, meeting every Monday for a quarter.",
        "vision": "", "communicate": "", "obstacles": "",
        "short_term_win": "Cover found within the hour for most sick calls, shown at the all-hands in six weeks.",
        "consolidate": "", "anchor": "",
    },
}


class StepRefused(InputError):
    """A step that is not (yet) the learner's own work: untouched, at the defaults, the dataset's labels, or copied."""


def _words(s: Any) -> int:
    return len(str(s).split()) if type(s) is str else 0


def _norm(s: Any) -> str:
    return " ".join(str(s).casefold().split())


def _form_data(step: str, data: dict) -> dict[str, Any]:
    """Check a form step's shape: known fields, text as text, numbers as numbers or None (blank), choices."""
    fields = {f: kind for f, kind, _ in FORMS[step]}
    unknown = [k for k in data if k not in fields]
    if unknown:
        raise InputError(f"the {step} step has the fields {', '.join(fields)}; got unknown {', '.join(map(repr, unknown))}.")
    out: dict[str, Any] = {}
    for f, kind in fields.items():
        v = data.get(f)
        if kind == "number":
            if v is not None and (type(v) not in (int, float) or v != v or v in (float("inf"), float("-inf"))):
                raise InputTypeError(f"{step}[{f!r}] must be a number (or None while blank); got {describe(v)}.")
        elif v is not None and type(v) is not str:
            raise InputTypeError(f"{step}[{f!r}] must be text; got {describe(v)}.")
        elif isinstance(kind, tuple) and v not in (None, "") and v not in kind:
            raise InputError(f"{step}[{f!r}] must be one of {', '.join(kind)}; got {describe(v)}.")
        out[f] = v if v is not None else (None if kind == "number" else "")
    return out


def _step(step: Any) -> str:
    return choice("step", step, STEPS)


def _need(data: Any, kind: type, step: str) -> Any:
    if type(data) is not kind:
        raise InputTypeError(f"the {step} step takes {_SHAPES[step]}; got {describe(data)}.")
    return data


def _review_research(data: dict) -> list[str]:
    from ..data import load
    from ..research.interviews import theme_counts

    snippets = {s["id"]: s for s in load("interviews")}
    unknown = [k for k in data if k not in snippets]
    if unknown:
        raise InputError(f"unknown snippet id(s) {', '.join(map(repr, unknown[:5]))}; the ids are S01 ... S{len(snippets):02d}.")
    tagged = [dict(snippets[k], theme=v) for k, v in data.items()]
    problems = []
    if len(tagged) < 10:
        problems.append(f"Tag at least 10 snippets (you tagged {len(tagged)}): a synthesis needs enough evidence.")
    if tagged and not theme_counts(tagged):
        problems.append("None of your tagged snippets is a fact (a specific past event): tag the facts first.")
    return problems


def _review_job_stories(data: list) -> list[str]:
    from ..research.interviews import check_job_story

    problems = []
    if len(data) < 2:
        problems.append(f"Write at least two job stories (you wrote {len(data)}).")
    for i, story in enumerate(data, 1):
        report = check_job_story(story)
        if not report.passed:
            problems += [f"Story {i}: {p}" for p in report.problems]
    return problems


def _review_vision(data: dict) -> list[str]:
    from ..vision.strategy import check_vision_board, key_result_issues

    missing = [k for k in ("board", "okr") if k not in data]
    if missing:
        raise InputError(f"the vision step takes {_SHAPES['vision']}; missing {', '.join(missing)}.")
    problems = list(check_vision_board(data["board"]).problems)
    okr = _need(data["okr"], dict, "vision")
    krs = okr.get("key_results", [])
    if not str(okr.get("objective", "")).strip():
        problems.append("Give the OKR an objective.")
    if not 2 <= len(krs) <= 5:
        problems.append(f"An objective has two to five key results; yours has {len(krs)}.")
    for i, kr in enumerate(krs, 1):
        words = kr.get("text", "") if type(kr) is dict else str(kr)
        problems += [f"Key result {i}: {p}" for p in key_result_issues(words)]
    return problems


def _review_roadmap(data: dict) -> list[str]:
    from ..data import load
    from ..prioritization.frameworks import best_within_capacity, capacity_items, total_of

    if "selected" not in data or "capacity" not in data:
        raise InputError(f"the roadmap step takes {_SHAPES['roadmap']}; got the keys {sorted(data)}.")
    items = data.get("items") or capacity_items(load("backlog"))
    chosen = total_of(items, data["selected"])
    best = best_within_capacity(items, data["capacity"])
    problems = []
    if chosen["effort"] > float(data["capacity"]):
        problems.append(f"The roadmap needs {chosen['effort']:g} person-months but the capacity is "
                        f"{float(data['capacity']):g}: take items out.")
    elif best["value"] and chosen["value"] < 0.9 * best["value"]:
        problems.append(f"Your set delivers {chosen['value'] / best['value']:.0%} of the best value that fits: "
                        "is there a better combination?")
    if not data["selected"]:
        problems.append("Choose the items the quarter holds.")
    return problems


def _review_stakeholders(data: dict) -> list[str]:
    from ..collaboration.stakeholders import stakeholder_quadrant

    problems = []
    if len(data) < 3:
        problems.append(f"Place at least three stakeholders (you placed {len(data)}).")
    for k, v in data.items():
        if type(v) is not dict or "power" not in v or "interest" not in v:
            raise InputError(f"each stakeholder needs its power and interest; {k!r} has {describe(v)}.")
        stakeholder_quadrant(v["power"], v["interest"])  # validates the scale
    return problems


def _review_launch(data: dict) -> list[str]:
    from ..data_launch.launch import checklist_status

    missing = [k for k in ("experiment", "launch") if k not in data]
    if missing:
        raise InputError(f"the launch step takes {_SHAPES['launch']}; missing {', '.join(missing)}.")
    exp, launch = _need(data["experiment"], dict, "launch"), _need(data["launch"], dict, "launch")
    problems = []
    if not exp.get("n_per_arm"):
        problems.append("Size the experiment: the A/B test planner's users per arm.")
    status = checklist_status(launch.get("tier", 2), launch.get("done", []))
    if status["missing"]:
        problems.append(f"The tier-{status['tier']} launch checklist still misses {len(status['missing'])} "
                        f"item(s): {', '.join(status['missing'][:4])}{' ...' if len(status['missing']) > 4 else ''}.")
    return problems


def _review_brief(data: dict) -> list[str]:
    from ..data import load
    from ..role.lifecycle import series, trend_projection

    d = _form_data("brief", data)
    problems = []
    for f, least in (("problem", 8), ("customer", 4), ("non_goals", 4)):
        if _words(d[f]) < least:
            problems.append(f"Write the {f.replace('_', ' ')} in at least {least} words (you wrote {_words(d[f])}).")
    if not d["metric"]:
        problems.append("Choose the outcome metric.")
        return problems
    values = series(load("analytics")["weekly"], d["metric"])
    latest = values[-1]
    if d["baseline"] is None or abs(d["baseline"] - latest) > 1e-6 * max(1.0, abs(latest)):
        problems.append(f"The baseline is the metric's latest week in the data: {latest:g} (you gave "
                        f"{describe(d['baseline'])}).")
    weeks = d["weeks"]
    if weeks is None or weeks != int(weeks) or not 1 <= weeks <= 104:
        problems.append(f"Give the weeks as a whole number from 1 to 104; got {describe(weeks)}.")
    elif d["target"] is None:
        problems.append("Give the target as a number.")
    else:
        trend = trend_projection(values, int(weeks))
        up = trend >= latest
        if (d["target"] <= trend) if up else (d["target"] >= trend):
            problems.append(f"The trend alone takes {d['metric']} from {latest:g} to about {trend:.4g} in "
                            f"{int(weeks)} weeks: a target of {d['target']:g} asks for nothing the work changes. "
                            "Set it beyond the trend.")
    return problems


def _review_business_case(data: dict) -> list[str]:
    d = _form_data("business_case", data)
    problems = []
    if not d["item"]:
        problems.append("Choose the feature bet (B05 or B07).")
    if d["cost_person_months"] is None or d["cost_person_months"] <= 0:
        problems.append("Give the cost to build in person-months (more than 0): the backlog's effort is a start.")
    if _words(d["recommendation"]) < 15 or not re.search(r"\d", d["recommendation"]):
        problems.append("The recommendation needs at least 15 words and the numbers that decide it "
                        "(the expected value, the net of the cost, the chance of a loss).")
    if _words(d["risk"]) < 8:
        problems.append(f"Name the risk in at least 8 words (you wrote {_words(d['risk'])}).")
    return problems


def business_case_numbers(data: dict) -> dict[str, Any]:
    """The numbers behind a business case step, from the case data: each plan's unit economics and the bet."""
    from ..data import load
    from ..vision.business import bet_outcomes, bet_summary, plan_economics

    d = _form_data("business_case", data)
    company = load("company")
    out: dict[str, Any] = {"plans": {p: plan_economics(company, p) for p in ("Solo", "Group")}}
    if d["item"] and d["cost_person_months"] and d["cost_person_months"] > 0:
        cost = d["cost_person_months"] * company["unit_economics"]["cost_per_engineering_person_month_usd"]
        out["outcomes"] = bet_outcomes(company, d["item"])
        out["bet"] = bet_summary(out["outcomes"], cost)
    return out


def _review_decision_memo(data: dict) -> list[str]:
    d = _form_data("decision_memo", data)
    problems = []
    for f, least in (("decision", 6), ("recommendation", 12), ("risks", 6), ("success_metric", 5)):
        if _words(d[f]) < least:
            problems.append(f"Write the {f.replace('_', ' ')} in at least {least} words (you wrote {_words(d[f])}).")
    options = [o for o in re.split(r"\n|;", d["options"]) if o.strip()]
    if len(options) < 2:
        problems.append(f"Give at least two options, one per line (you gave {len(options)}).")
    if not re.search(r"\b[SB]\d\d\b", d["evidence"]) or _words(d["evidence"]) < 8:
        problems.append("Cite the evidence in at least 8 words with its source: a snippet id (S07) or a backlog "
                        "id (B01).")
    if d["success_metric"] and not re.search(r"\d", d["success_metric"]):
        problems.append("Give the success metric a number to reach (and a date).")
    return problems


def _review_review(data: dict) -> list[str]:
    from ..data import load
    from ..data_launch.experiments import ab_test

    d = _form_data("review", data)
    problems = []
    if not d["experiment"]:
        return ["Choose the experiment you review."]
    exp = next(e for e in load("experiment")["experiments"] if e["id"] == d["experiment"])
    primary, guard = ab_test(exp), ab_test(exp, "guardrail_events")
    if d["planned_mde"] is None or abs(d["planned_mde"] - exp["minimum_detectable_effect"]) > 1e-9:
        problems.append(f"The planned minimum detectable effect is in the experiment's plan: "
                        f"{exp['minimum_detectable_effect']:g} (you gave {describe(d['planned_mde'])}).")
    if d["observed_difference"] is None or abs(d["observed_difference"] - primary["difference"]) > 0.0005:
        problems.append(f"Compute the observed difference from the data (ab_test on {d['experiment']}, treatment "
                        f"minus control, as a fraction); {describe(d['observed_difference'])} is not it.")
    if d["decision"] == "ship" and not primary["significant"]:
        problems.append("The primary metric's difference is not significant: shipping is not what the data shows.")
    if d["decision"] == "ship" and guard["significant"] and guard["difference"] > 0:
        problems.append("The guardrail got significantly worse: say how you will fix it before shipping.")
    if d["decision"] == "stop" and primary["significant"] and primary["difference"] > 0 and not (
            guard["significant"] and guard["difference"] > 0):
        problems.append("The primary metric improved significantly and the guardrail held: say why you stop.")
    if not d["decision"]:
        problems.append("Decide: ship, iterate or stop.")
    if _words(d["learned"]) < 15 or "guardrail" not in d["learned"].casefold():
        problems.append("Say in at least 15 words what the metrics showed against the plan, the guardrail "
                        "included, and what you do next.")
    return problems


def _review_change_plan(data: dict) -> list[str]:
    d = _form_data("change_plan", data)
    problems = []
    if _words(d["change"]) < 8:
        problems.append(f"Say the change, from what to what, in at least 8 words (you wrote {_words(d['change'])}).")
    steps = [f for f, _, _ in FORMS["change_plan"][1:]]
    filled = [f for f in steps if _words(d[f]) >= 5]
    if len(filled) < 6:
        problems.append(f"Plan at least 6 of Kotter's 8 steps with an action of 5 words or more (you planned "
                        f"{len(filled)}); still empty: {', '.join(f for f in steps if f not in filled)}.")
    for f in ("urgency", "short_term_win"):
        if f not in filled:
            problems.append(f"The step '{f.replace('_', ' ')}' is needed: a change without it stalls (Kotter).")
    return problems


def _review_development_plan(data: dict) -> list[str]:
    from ..career.plan import review_plan

    if "goals" not in data or "target" not in data:
        raise InputError(f"the development_plan step takes {_SHAPES['development_plan']}; got the keys {sorted(data)}.")
    problems = []
    reviews = review_plan(data)
    if not reviews:
        problems.append("Write at least one goal (module 07's plan builder).")
    for i, r in enumerate(reviews, 1):
        problems += [f"Goal {i} ({r['area']}): {p}" for p in r["problems"]]
    return problems


_REVIEWS: dict[str, tuple[type, Callable[[Any], list[str]]]] = {
    "brief": (dict, _review_brief), "research": (dict, _review_research), "job_stories": (list, _review_job_stories),
    "vision": (dict, _review_vision), "business_case": (dict, _review_business_case),
    "roadmap": (dict, _review_roadmap), "decision_memo": (dict, _review_decision_memo),
    "stakeholders": (dict, _review_stakeholders), "launch": (dict, _review_launch), "review": (dict, _review_review),
    "development_plan": (dict, _review_development_plan), "change_plan": (dict, _review_change_plan)}


# ---------------------------------------------------------------- is it your own work?


def _widget_defaults(step: str) -> Any:
    """What the step's widget gives before anyone touches it (pure data, no widgets)."""
    from ..data import load

    if step == "stakeholders":
        return {s.get("id", s.get("role")): (s["power"], s["interest"]) for s in load("stakeholders")}
    return None


_LESSON_STORIES = (
    "When a barista calls in sick an hour before opening, I want to find someone to cover quickly, so I can open on time.",
    "When I build next week's rota on Sunday night, I want to see who is available at a glance, so I can finish in minutes.",
)


def refusal(step: Any, data: Any) -> str | None:
    """Why a step's artifact is not your own work yet (a message that says what to change), or None when it is.

    Refused: an untouched widget (nothing tagged, placed, chosen, ticked or written), the dataset's own labelling
    (every tag equal to the theme the interviews file gives the snippet), the stakeholder map at its starting
    positions, and text copied from the lesson's worked examples.
    """
    name = _step(step)
    if data is Ellipsis:
        return f"replace the ... with your {name} artifact: {_SHAPES[name]}."
    _need(data, _REVIEWS[name][0], name)
    if name in FORMS:
        d = _form_data(name, data)
        if not any(v not in (None, "") for v in d.values()):
            return (f"the {name} form is untouched: write each field in your own words ("
                    + "; ".join(f"{f}: {what}" for f, _, what in FORMS[name]) + ").")
        example = EXAMPLES.get(name, {})
        copied = [f for f, kind, _ in FORMS[name] if kind == "text" and _words(example.get(f)) >= 3
                  and _norm(d[f]) == _norm(example[f])]
        if copied:
            return (f"{', '.join(copied)} {'is' if len(copied) == 1 else 'are'} copied from the lesson's worked "
                    f"example: write your own, for the problem you chose.")
        return None
    if name == "research":
        from ..data import load

        if not data:
            return ("the affinity board is untouched: read the snippets and tag at least 10 with a theme "
                    "(the facts first).")
        labels = {s["id"]: s["theme"] for s in load("interviews")}
        if all(labels.get(k) == v for k, v in data.items()):
            return (f"all {len(data)} tags are the dataset's own theme labels (the 'theme' field of "
                    "load('interviews')): the synthesis is your reading, not the file's. Tag the snippets from "
                    "their quotes on the board; where you read one differently, or a theme is really two "
                    "(name it yourself with AffinityBoard(themes=[...])), tag it so.")
        return None
    if name == "job_stories":
        if not data:
            return "no job stories yet: write at least two, When ..., I want to ..., so I can ..."
        lesson = {_norm(x) for x in _LESSON_STORIES}
        if any(_norm(x) in lesson for x in data if type(x) is str):
            return ("a story is copied from the lesson's worked example: write your own, from the facts your "
                    "synthesis found.")
        return None
    if name == "vision":
        board, okr = data.get("board"), data.get("okr")
        if type(board) is dict and not any(str(v).strip() for v in board.values()):
            return "the vision board is untouched: write each field (vision, target group, needs, product, business goals)."
        if type(okr) is dict and not str(okr.get("objective", "")).strip() and not okr.get("key_results"):
            return "the OKR builder is untouched: write an objective and two to five key results."
        return None
    if name == "roadmap":
        if not data.get("selected"):
            return "the capacity planner is untouched: tick the items the quarter holds, within its capacity."
        return None
    if name == "stakeholders":
        start = _widget_defaults("stakeholders")
        if data and all(type(v) is dict and (v.get("power"), v.get("interest")) == start.get(k)
                        for k, v in data.items()):
            return ("the stakeholder map is at its starting positions (the case's list): place each stakeholder "
                    "where your roadmap leaves them, e.g. raise the interest of someone whose request waits, "
                    "and save again.")
        return None
    if name == "launch":
        launch = data.get("launch")
        if type(launch) is dict and not launch.get("done"):
            return ("the launch planner is untouched: choose the tier and tick the checklist items your plan "
                    "covers, and set the rollout stages.")
        return None
    if name == "development_plan":
        if not [g for g in data.get("goals", []) if type(g) is dict and str(g.get("goal", "")).strip()]:
            return ("no development goal yet: module 07 makes this plan (its PlanBuilder saves it), or write one "
                    "goal per gap in the plan builder here.")
        return None
    return None


def review_step(step: Any, data: Any) -> list[str]:
    """What the module's rubric says is still missing from a step's artifact ([] when it meets the rubric)."""
    name = _step(step)
    kind, review = _REVIEWS[name]
    if data is Ellipsis:
        raise InputError(f"replace the ... with your {name} artifact: {_SHAPES[name]}.")
    return review(_need(data, kind, name))


def save_step(step: Any, data: Any) -> dict:
    """Save a step that is your own work, reviewed by its module's rubric; returns ``{"step", "problems", "saved"}``.

    Raises :class:`StepRefused` (nothing saved) when the artifact is not your own work yet (:func:`refusal`).
    An artifact with rubric problems is saved (work in progress is worth keeping); the problems say what the
    rubric still wants.
    """
    name = _step(step)
    problems = review_step(name, data)
    why = refusal(name, data)
    if why:
        raise StepRefused(f"Not saved: {why}")
    progress.save_artifact(MODULE, name, {"data": data, "problems": problems})
    return {"step": name, "problems": problems, "saved": True}


def save(step: Any, data: Any) -> None:
    """:func:`save_step` for a lesson cell: prints what happened (saved, with the rubric's open points, or refused
    and what to change) instead of raising on a refusal. Code that needs the result calls :func:`save_step`."""
    try:
        out = save_step(step, data)
    except StepRefused as exc:
        print(f"{STEP_TITLES[_step(step)]}: {exc}")
        return
    print(f"{STEP_TITLES[out['step']]}: saved as your own work. " + ("It meets the rubric." if not out["problems"]
          else f"The rubric still wants {len(out['problems'])} thing(s):\n- " + "\n- ".join(out["problems"])))


def load_step(step: Any, default: Any = None) -> Any:
    """A saved step's artifact (the data you saved), or ``default``."""
    stored = progress.load_artifact(MODULE, _step(step), None)
    return default if stored is None else stored.get("data", default)


def saved_steps() -> dict[str, dict]:
    """Every saved step: ``{step: {"data": ..., "problems": [...]}}``, in the capstone's order."""
    out = {}
    for name in STEPS:
        stored = progress.load_artifact(MODULE, name, None)
        if stored is not None:
            out[name] = stored
    return out


def check_steps(steps: Any) -> dict[str, dict]:
    """``steps`` as :func:`saved_steps` gives them (a dict of step -> {"data", "problems"}), or a clear message."""
    if type(steps) is not dict:
        raise InputTypeError(f"steps must be a dict of saved steps (as from saved_steps()) or None; got {describe(steps)}.")
    unknown = [k for k in steps if k not in STEPS]
    if unknown:
        raise InputError(f"steps must have keys among {', '.join(STEPS)}; got {describe(unknown)}.")
    for k, v in steps.items():
        if type(v) is not dict or "data" not in v:
            raise InputTypeError(f"steps[{k!r}] must be a dict with 'data' (as from saved_steps()); got {describe(v)}.")
    return steps


def step_status(steps: dict | None = None) -> dict[str, dict[str, Any]]:
    """Each step's standing, checked again now: ``{step: {"title", "module", "state", "own", "problems", "missing"}}``.

    ``state`` is "shown" (saved, your own work, meets its rubric), "open points" (saved and your own, the rubric
    still wants something), "not your own" (saved, but untouched or copied: saved before the capstone refused
    such steps, or edited by hand) or "missing" (not saved). ``missing`` says what to do next.
    """
    saved = saved_steps() if steps is None else check_steps(steps)
    out: dict[str, dict[str, Any]] = {}
    for name in STEPS:
        row: dict[str, Any] = {"title": STEP_TITLES[name], "module": STEP_MODULES[name], "own": False,
                               "problems": [], "missing": ""}
        if name not in saved:
            row["state"] = "missing"
            row["missing"] = (f"not saved yet: build it in the capstone (module {STEP_MODULES[name][:2]} teaches "
                              "it) and save it.")
        else:
            data = saved[name].get("data")
            try:
                why = refusal(name, data)
                problems = review_step(name, data)
            except (InputError, InputTypeError) as exc:
                why, problems = f"the saved artifact no longer fits the step ({exc})", []
            if why:
                row.update(state="not your own", missing=why)
            else:
                row.update(state="open points" if problems else "shown", own=True, problems=problems,
                           missing="; ".join(problems))
        out[name] = row
    return out


def steps_shown(steps: dict | None = None) -> list[str]:
    """The steps that count for the certificate: saved, your own work and meeting their rubric, in order."""
    return [s for s, row in step_status(steps).items() if row["state"] == "shown"]
