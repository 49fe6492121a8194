"""The skills self-assessment of the welcome notebook (pure logic).

A learner rates each skill area of the course map from 1 ("new to me") to 5
("I could teach it"). Development plans start from an honest look at the gaps
between where you are and where you want to be; here the gaps point to the
modules to start with. It is a self-assessment for planning, not a test.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..core.validate import InputError, InputTypeError, integer

__all__ = ["SKILL_AREAS", "SCALE", "suggest_start"]

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
        raise InputTypeError(f"ratings must map each skill area to 1-5; got {type(ratings).__name__}.")
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
