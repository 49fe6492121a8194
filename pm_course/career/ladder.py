"""The product-management career ladder and the course's competency model (pure logic).

Sources (PM_REFERENCE, "Career and skills (module 07)"):

- The ladder: associate PM, PM, senior PM, group / lead PM, director, VP,
  chief product officer, with an individual-contributor track (principal PM)
  beside the management one; founder and specialised paths.
- The competency model is the course's own, *adapted from* Ravi Mehta's
  Product Competency Toolkit (2020), which scores twelve competencies in four
  areas (product execution, customer insight, product strategy, influencing
  people) against what each level expects. The course keeps Mehta's four
  areas and scores, in them, the eight skill areas of the welcome notebook's
  self-assessment (:data:`pm_course.welcome.SKILL_AREAS`), so that the two
  assessments connect; "Career planning" is the course's addition (growing
  yourself), not one of the toolkit's areas. The expected levels per rung are
  the course's judgement, for planning, not a published standard.

The scale is the welcome notebook's: 1 new to me, 2 heard of it, 3 done it with
help, 4 do it on my own, 5 could teach it. Steps 1-2 are knowledge; 3-5 are
applied experience, and a rating of 3 or more needs evidence (something you did).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..core.validate import InputError, InputTypeError, choice, describe, integer, text
from ..welcome.skills import SCALE, SKILL_AREAS

__all__ = [
    "SKILL_AREAS", "SCALE", "RUNGS", "RUNG_ORDER", "TRACKS", "SPECIALISED_PATHS", "ENTRY_ROUTES",
    "MEHTA_AREAS", "COURSE_MODEL", "EXPECTED", "rung", "track_name", "expected_profile", "validate_ratings",
    "skill_gaps", "total_gap", "largest_gaps", "meets", "highest_rung_met", "first_rung_expecting",
    "evidence_missing",
]

#: Rungs in ladder order (management track after the individual-contributor rung).
RUNGS: dict[str, dict[str, str]] = {
    "associate": {
        "title": "Associate product manager", "track": "shared",
        "scope": "a feature or a slice of one, defined by someone else",
        "ambiguity": "low: the problem is framed for you",
        "influence": "your own team, with a PM's backing",
    },
    "pm": {
        "title": "Product manager", "track": "shared",
        "scope": "a product area or a whole small product",
        "ambiguity": "medium: you frame problems inside a given strategy",
        "influence": "your team and the people next to it (design, engineering, support, sales)",
    },
    "senior": {
        "title": "Senior product manager", "track": "shared",
        "scope": "a larger or riskier product, several teams' worth of outcomes",
        "ambiguity": "high: you find which problems matter",
        "influence": "across teams and with senior stakeholders",
    },
    "principal": {
        "title": "Principal product manager", "track": "individual contributor",
        "scope": "the hardest product problems of the company, without managing people",
        "ambiguity": "very high: you shape strategy from the work",
        "influence": "company-wide, by expertise and example",
    },
    "group": {
        "title": "Group / lead product manager", "track": "management",
        "scope": "a group of product areas and the PMs who run them",
        "ambiguity": "high: you set direction for several teams",
        "influence": "through the PMs you coach and the leaders you align",
    },
    "director": {
        "title": "Director of product", "track": "management",
        "scope": "a product line or a business unit's portfolio",
        "ambiguity": "very high: you decide where the portfolio goes",
        "influence": "the leadership team, hiring and the shape of teams",
    },
    "vp": {
        "title": "VP of product", "track": "management",
        "scope": "the whole product organisation",
        "ambiguity": "very high: strategy, organisation and budget",
        "influence": "the executive team and the board's view of the product",
    },
    "cpo": {
        "title": "Chief product officer", "track": "management",
        "scope": "the company's product strategy, as an executive",
        "ambiguity": "the highest: you answer for the product's part in the company's results",
        "influence": "the company, its investors and its market",
    },
}
RUNG_ORDER = list(RUNGS)
TRACKS = {
    "shared": "the first rungs, common to both tracks: associate PM, PM, senior PM",
    "individual contributor": "grow scope and depth without managing people (principal PM)",
    "management": "grow by leading PMs (group / lead PM, director, VP, chief product officer)",
}
SPECIALISED_PATHS = {
    "founder": "start a company and be its first product person",
    "technical PM": "products whose users are engineers, or with deep technical constraints",
    "growth PM": "acquisition, activation, retention and the experiments behind them",
    "data PM": "data products, analytics platforms and machine-learning features",
    "platform PM": "internal platforms and APIs other teams build on",
    "product marketing": "positioning, launch and the story told to the market",
}
ENTRY_ROUTES = {
    "engineering": "technical judgement, estimating, working with engineers",
    "design": "user experience and research",
    "marketing": "positioning, market and customer understanding",
    "sales": "customers' buying reasons and objections",
    "support": "customers' daily problems, in their words",
    "analytics": "metrics, funnels and experiments",
    "associate PM programme": "a company's graduate scheme, with training and rotations",
}

#: Mehta's four areas (Product Competency Toolkit, 2020); each holds three of his twelve competencies.
MEHTA_AREAS = ["product execution", "customer insight", "product strategy", "influencing people"]

#: The course's model: each welcome skill area, placed in the toolkit area it belongs to.
COURSE_MODEL: dict[str, str] = {
    "The PM role": "product execution",
    "Prioritization": "product execution",
    "Research": "customer insight",
    "Data and launch": "customer insight (fluency with data) and product execution (product delivery: the launch)",
    "Vision and strategy": "product strategy",
    "Collaboration": "influencing people",
    "Leadership": "influencing people (team leadership: developing others and the organisation)",
    "Career planning": "growing yourself (the course's addition)",
}

#: What each rung expects in each skill area, on the 1-5 scale (the course's judgement). A senior PM is expected
#: to mentor (leadership 4, above a PM's 3), as common ladders expect. Career planning is growing *yourself*
#: and stops at 4; developing others and the organisation is leadership (Mehta's *team leadership*), which
#: is what the top rungs expect at 5.
_E = {
    #                  role  res  vis  pri  col  data car  lead
    "associate":      (3,    3,   2,   2,   3,   2,   2,   2),
    "pm":             (4,    4,   3,   4,   4,   3,   3,   3),
    "senior":         (5,    4,   4,   4,   4,   4,   3,   4),
    "principal":      (5,    5,   5,   5,   4,   5,   4,   4),
    "group":          (5,    4,   4,   4,   5,   4,   4,   4),
    "director":       (5,    4,   5,   5,   5,   4,   4,   5),
    "vp":             (5,    4,   5,   5,   5,   4,   4,   5),
    "cpo":            (5,    5,   5,   5,   5,   5,   4,   5),
}
EXPECTED: dict[str, dict[str, int]] = {r: dict(zip(SKILL_AREAS, levels)) for r, levels in _E.items()}


def rung(name: Any) -> str:
    """The rung key named by ``name`` (a key such as 'senior' or a title such as 'Senior product manager')."""
    if type(name) is str:
        for key, r in RUNGS.items():
            if " ".join(name.split()).casefold() == r["title"].casefold():
                return key
    return choice("the rung", name, RUNG_ORDER)


_TRACK_NAMES = {"ic": "individual contributor", "individual contributor": "individual contributor",
                "individual contributor track": "individual contributor", "management": "management",
                "management track": "management", "manager": "management", "people management": "management"}


def track_name(name: Any) -> str | None:
    """The track ``name`` names ('individual contributor' or 'management'), reading 'IC' and hyphens; else None."""
    if type(name) is not str:
        return None
    return _TRACK_NAMES.get(" ".join(name.replace("-", " ").replace("_", " ").split()).casefold())


def expected_profile(target: str) -> dict[str, int]:
    """What the rung ``target`` expects in each skill area (a copy)."""
    return dict(EXPECTED[rung(target)])


def validate_ratings(ratings: Any, what: str = "ratings") -> dict[str, int]:
    """Check a self-assessment: every skill area of :data:`SKILL_AREAS` rated 1-5, nothing else."""
    what = text("what", what)
    if not isinstance(ratings, Mapping):
        raise InputTypeError(f"{what} must be a dict mapping each skill area to 1-5; got {describe(ratings)}.")
    unknown = [k for k in ratings if k not in SKILL_AREAS]
    if unknown:
        raise InputError(f"Unknown skill area(s) {unknown} in {what}; the areas are {list(SKILL_AREAS)}.")
    missing = [k for k in SKILL_AREAS if k not in ratings]
    if missing:
        raise InputError(f"Rate every skill area in {what}; missing: {missing}.")
    hint = "Use the 1-5 scale: " + ", ".join(f"{k} {v}" for k, v in SCALE.items()) + "."
    return {a: integer(f"the rating of {a!r}", ratings[a], low=1, high=5, hint=hint) for a in SKILL_AREAS}


def skill_gaps(current: Mapping[str, int], expected: Mapping[str, int]) -> dict[str, int]:
    """The gap in each skill area: ``max(expected - current, 0)`` (rating above what is expected is no gap)."""
    cur = validate_ratings(current, "current")
    exp = validate_ratings(expected, "expected")
    return {a: max(exp[a] - cur[a], 0) for a in SKILL_AREAS}


def total_gap(current: Mapping[str, int], target: str) -> int:
    """The sum of the gaps against the rung ``target``: how many scale steps are missing in all."""
    return sum(skill_gaps(current, expected_profile(target)).values())


def largest_gaps(current: Mapping[str, int], target: str, how_many: int = 3) -> list[str]:
    """The skill areas with the largest gaps against ``target``, largest first; ties in course order; no zero gaps."""
    how_many = integer("how_many", how_many, low=1, high=len(SKILL_AREAS))
    gaps = skill_gaps(current, expected_profile(target))
    order = list(SKILL_AREAS)
    ranked = sorted((a for a in order if gaps[a] > 0), key=lambda a: (-gaps[a], order.index(a)))
    return ranked[:how_many]


def meets(current: Mapping[str, int], target: str) -> bool:
    """Whether ``current`` meets every expectation of the rung ``target``."""
    return total_gap(current, target) == 0


def highest_rung_met(current: Mapping[str, int], track: str = "management") -> str | None:
    """The highest rung (up the shared rungs, then ``track``) whose every expectation ``current`` meets."""
    track = choice("track", track, ["individual contributor", "management"])
    path = [r for r in RUNG_ORDER if RUNGS[r]["track"] in ("shared", track)]
    best = None
    for r in path:
        if meets(current, r):
            best = r
        else:
            break
    return best


def first_rung_expecting(area: str, level: int) -> str | None:
    """The first rung in ladder order that expects at least ``level`` in ``area`` (None if none does)."""
    area = choice("the skill area", area, list(SKILL_AREAS))
    level = integer("level", level, low=1, high=5)
    return next((r for r in RUNG_ORDER if EXPECTED[r][area] >= level), None)


def evidence_missing(ratings: Mapping[str, int], evidence: Mapping[str, str]) -> list[str]:
    """Areas rated 3 or more (applied experience) without a line of evidence: what you did, where, with what result."""
    clean = validate_ratings(ratings)
    if not isinstance(evidence, Mapping):
        raise InputTypeError(f"evidence must be a dict mapping a skill area to a sentence; got {describe(evidence)}.")
    unknown = [k for k in evidence if k not in SKILL_AREAS]
    if unknown:
        raise InputError(f"Unknown skill area(s) {unknown} in evidence; the areas are {list(SKILL_AREAS)}.")
    for k, v in evidence.items():
        text(f"the evidence for {k!r}", v, empty_ok=True)
    return [a for a in SKILL_AREAS if clean[a] >= 3 and not str(evidence.get(a, "")).strip()]
