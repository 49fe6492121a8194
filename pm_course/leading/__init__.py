"""Module 08, Leading products: what motivates product people, managing vs leading, the CEO-of-the-product
mindset, a scenario of leading without authority through a missed target, and leading change and people
(Kotter's eight steps, psychological safety, feedback, one-to-ones, delegation, coaching).

Importing this package loads pure logic only; the widgets live in
``pm_course.leading.widgets`` (they import ipywidgets and matplotlib).
"""

from .leadership import (
    ACTIONS,
    CATEGORIES,
    KINDS,
    KOTTER,
    PAIRS,
    kotter_category,
    kotter_kind,
    sort_score,
    validate_placements,
)
from .motivation import (
    DRIVER_INFO,
    DRIVERS,
    HERZBERG_FACTORS,
    PINK_ELEMENTS,
    SDT_NEEDS,
    driver_id,
    driver_points,
    profile,
    team_view,
    validate_ranking,
    where_to_act,
)
from .people import (
    CANDOR_QUADRANTS,
    CHANGE_ACTIONS,
    COACHING_TOOLS,
    DELEGATION_DECISIONS,
    DELEGATION_LEVELS,
    JUDGEMENT_WORDS,
    KOTTER_STEPS,
    STEP_NAMES,
    candor_quadrant,
    delegation_level,
    judgement_words,
    kotter_step,
    sbi_issues,
    sbi_text,
    step_score,
    validate_steps,
    who_decides,
)
from .scenario import LeadershipScenario, play_leadership

__all__ = [
    "DRIVERS", "DRIVER_INFO", "SDT_NEEDS", "PINK_ELEMENTS", "HERZBERG_FACTORS",
    "validate_ranking", "driver_id", "driver_points", "profile", "team_view", "where_to_act",
    "KINDS", "KOTTER", "CATEGORIES", "PAIRS", "ACTIONS", "kotter_category", "kotter_kind", "validate_placements", "sort_score",
    "LeadershipScenario", "play_leadership",
    "KOTTER_STEPS", "STEP_NAMES", "CHANGE_ACTIONS", "kotter_step", "validate_steps", "step_score",
    "JUDGEMENT_WORDS", "judgement_words", "sbi_issues", "sbi_text", "CANDOR_QUADRANTS", "candor_quadrant",
    "DELEGATION_LEVELS", "DELEGATION_DECISIONS", "delegation_level", "who_decides", "COACHING_TOOLS",
]
