"""Module 08, Leading products: what motivates product people, managing vs leading, the CEO-of-the-product
mindset, and a scenario of leading without authority through a missed target.

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
from .scenario import LeadershipScenario, play_leadership

__all__ = [
    "DRIVERS", "DRIVER_INFO", "SDT_NEEDS", "PINK_ELEMENTS", "HERZBERG_FACTORS",
    "validate_ranking", "driver_id", "driver_points", "profile", "team_view", "where_to_act",
    "KINDS", "KOTTER", "CATEGORIES", "PAIRS", "ACTIONS", "kotter_category", "kotter_kind", "validate_placements", "sort_score",
    "LeadershipScenario", "play_leadership",
]
