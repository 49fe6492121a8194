"""The skills self-assessment of the welcome notebook (pure logic).

A learner rates each skill area of the course map from 1 ("new to me") to 5
("I could teach it"). Development plans start from an honest look at the gaps
between where you are and where you want to be; here the gaps point to the
modules to start with. It is a self-assessment for planning, not a test.

The assessment is kept with the learner's progress (it survives export and
import) as the artifact ``("00_welcome", "skills")``: ``{"ratings": {area:
1..5}}``, plus, once set, ``"targets"`` (the rating aimed for per area),
``"goal"`` (what you want to be able to do) and ``"metric"`` (how you will
know). Module 07's development plan reads the ``"ratings"`` key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..core.validate import InputError, InputTypeError, describe, integer, text

__all__ = ["SKILL_AREAS", "SCALE", "MODULE", "KEY", "suggest_start", "gaps", "save_ratings", "set_goal",
           "assessment"]

MODULE = "00_welcome"
KEY = "skills"  # the progress-store artifact ("00_welcome", "skills")

# skill area -> the module that teaches it (numbers from pm_course.course)
SKILL_AREAS: dict[str, str] = {
    "The PM role": "01",
    "Research": "02",
    "Vision and strategy": "03",
    "Prioritization": "04",
    "Collaboration": "05",
    "Data and launch": "06",
    "Career planning": "07",
    "Leadership": "08",
}
SCALE = {1: "new to me", 2: "heard of it", 3: "done it with help", 4: "do it on my own", 5: "could teach it"}


def suggest_start(ratings: Mapping[str, int], how_many: int = 3) -> list[str]:
    """The skill areas to start with: the lowest rated first, ties in course order.

    ``ratings`` maps every skill area in :data:`SKILL_AREAS` to 1-5. Areas rated
    4 or 5 are never suggested; an empty list means "go straight to the capstone".
    """
    if not isinstance(ratings, Mapping):
        raise InputTypeError(f"ratings must map each skill area to 1-5; got {describe(ratings)}.")
    how_many = integer("how_many", how_many, low=1, high=len(SKILL_AREAS))
    unknown = [k for k in ratings if k not in SKILL_AREAS]
    if unknown:
        raise InputError(f"Unknown skill area(s) {unknown}; the areas are {list(SKILL_AREAS)}.")
    missing = [k for k in SKILL_AREAS if k not in ratings]
    if missing:
        raise InputError(f"Rate every skill area; missing: {missing}.")
    clean = {k: integer(f"the rating of {k!r}", v, low=1, high=5) for k, v in ratings.items()}
    order = list(SKILL_AREAS)
    gaps = sorted((a for a in order if clean[a] <= 3), key=lambda a: (clean[a], order.index(a)))
    return gaps[:how_many]


def _ratings(ratings: Mapping[str, int]) -> dict[str, int]:
    suggest_start(ratings)  # validates every area and rating
    return {a: int(ratings[a]) for a in SKILL_AREAS}


def gaps(ratings: Mapping[str, int], targets: Mapping[str, int]) -> dict[str, int]:
    """How many points each area is below its target, largest gap first (areas at or above target left out)."""
    clean = _ratings(ratings)
    if not isinstance(targets, Mapping):
        raise InputTypeError(f"targets must map skill areas to 1-5; got {describe(targets)}.")
    unknown = [k for k in targets if k not in SKILL_AREAS]
    if unknown:
        raise InputError(f"Unknown skill area(s) {unknown}; the areas are {list(SKILL_AREAS)}.")
    order = list(SKILL_AREAS)
    want = {k: integer(f"the target for {k!r}", v, low=1, high=5) for k, v in targets.items()}
    out = {a: want[a] - clean[a] for a in order if a in want and want[a] > clean[a]}
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], order.index(kv[0]))))


def assessment() -> dict[str, Any]:
    """The saved assessment (``{}`` when nothing was saved yet)."""
    from ..core import progress

    saved = progress.load_artifact(MODULE, KEY, {})
    return saved if isinstance(saved, dict) else {}


def save_ratings(ratings: Mapping[str, int]) -> dict[str, Any]:
    """Save the ratings with your progress (keeping any target, goal and metric); returns the assessment."""
    from ..core import progress

    data = {**assessment(), "ratings": _ratings(ratings)}
    progress.save_artifact(MODULE, KEY, data)
    return data


def set_goal(targets: Mapping[str, int] | int, goal: str, metric: str,
             ratings: Mapping[str, int] | None = None) -> dict[str, Any]:
    """Set where you want to be, what for and how you will know; saved with your ratings.

    ``targets`` is the rating you aim for by the end of the course, per area
    (a dict) or one number for every area. ``goal`` says what you want to be
    able to do; ``metric`` how you will measure it (a feedback loop: an
    activity and what it produced, e.g. "exercises 04 and 05 passed and one
    prioritization review run with my team"). ``ratings`` (e.g. ``skills.value``)
    saves the ratings too; without it, the saved ratings are used.
    """
    if isinstance(targets, Mapping):
        wanted_targets: Mapping[str, int] = targets
    elif isinstance(targets, int) and not isinstance(targets, bool):
        wanted_targets = {a: targets for a in SKILL_AREAS}
    else:
        raise InputTypeError(f"targets must be one rating (1-5) or map skill areas to 1-5; got {describe(targets)}.")
    goal, metric = text("goal", goal), text("metric", metric)
    if ratings is not None:
        save_ratings(ratings)
    saved = assessment()
    if "ratings" not in saved:
        raise InputError("Rate yourself first (move the sliders above, which saves your ratings); then set a goal.")
    wanted = gaps(saved["ratings"], wanted_targets)  # validates the targets
    data = {
        **saved,
        "targets": {k: int(v) for k, v in wanted_targets.items()},
        "goal": goal,
        "metric": metric,
    }
    from ..core import progress

    progress.save_artifact(MODULE, KEY, data)
    return {**data, "gaps": wanted}
