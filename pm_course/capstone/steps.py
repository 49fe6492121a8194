"""The capstone's six steps: each step's artifact, reviewed with its module's rubric and kept in your progress.

The artifacts are the plain ``.value`` of the modules' own widgets (or the
same data typed in code): research synthesis (an affinity board's tags), job
stories, the vision board and OKRs, the roadmap within capacity (the capacity
planner's choice), the stakeholder plan (the stakeholder map) and the
experiment and launch plan (the A/B test planner and the launch planner).
:func:`save_step` reviews one with the rubric of the module that taught it and
saves it with ``pm_course.core.progress.save_artifact("09_capstone", step, data)``,
so it survives export and import. Pure logic: no widgets, no plots.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..core import progress
from ..core.validate import InputError, InputTypeError, choice, describe

__all__ = ["STEPS", "STEP_TITLES", "review_step", "save_step", "load_step", "saved_steps"]

MODULE = "09_capstone"
STEPS = ("research", "job_stories", "vision", "roadmap", "stakeholders", "launch")
STEP_TITLES = {
    "research": "Research synthesis (module 02)",
    "job_stories": "Job stories (module 02)",
    "vision": "Vision board and OKRs (module 03)",
    "roadmap": "Roadmap within capacity (module 04)",
    "stakeholders": "Stakeholder plan (module 05)",
    "launch": "Experiment and launch plan (module 06)",
}
_SHAPES = {
    "research": "a dict of snippet id -> theme (an AffinityBoard's .value)",
    "job_stories": "a list of job stories (text)",
    "vision": 'a dict {"board": VisionBoardBuilder .value, "okr": OKRBuilder .value}',
    "roadmap": 'a dict {"selected": [ids], "capacity": person-months} (from a CapacityPlanner)',
    "stakeholders": "a StakeholderMap's .value: id -> {power, interest, quadrant}",
    "launch": 'a dict {"experiment": ABTestPlanner .value, "launch": LaunchPlanner .value}',
}


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


_REVIEWS: dict[str, tuple[type, Callable[[Any], list[str]]]] = {"research": (dict, _review_research), "job_stories": (list, _review_job_stories),
            "vision": (dict, _review_vision), "roadmap": (dict, _review_roadmap),
            "stakeholders": (dict, _review_stakeholders), "launch": (dict, _review_launch)}


def review_step(step: Any, data: Any) -> list[str]:
    """What the module's rubric says is still missing from a step's artifact ([] when it meets the rubric)."""
    name = _step(step)
    kind, review = _REVIEWS[name]
    if data is Ellipsis:
        raise InputError(f"replace the ... with your {name} artifact: {_SHAPES[name]}.")
    return review(_need(data, kind, name))


def save_step(step: Any, data: Any) -> dict:
    """Review a step's artifact and keep it in your progress; returns ``{"step", "problems", "saved"}``.

    An artifact with problems is saved too (work in progress is worth
    keeping); the problems say what the rubric still wants.
    """
    name = _step(step)
    problems = review_step(name, data)
    progress.save_artifact(MODULE, name, {"data": data, "problems": problems})
    return {"step": name, "problems": problems, "saved": True}


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
