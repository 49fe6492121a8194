"""Module 03, Vision, strategy and roadmap: vision board, positioning, North Star, OKRs, Now / Next / Later.

Importing this package is cheap: it loads the pure logic only. The widgets
live in :mod:`pm_course.vision.widgets` (ipywidgets and matplotlib are
imported there), the exercise questions in :mod:`pm_course.vision.questions`.
"""

from .strategy import (
    ANNUAL_OBJECTIVE,
    ANNUAL_TARGETS,
    CERTAINTY_COLUMN,
    COLUMNS,
    FOUR_RISKS,
    HYPOTHETICAL_WEEK_52,
    INPUT_KINDS,
    NO_NUMBER,
    NO_TIME_FRAME,
    OKR_KINDS,
    OUTPUT,
    PLANNED_NOW,
    REVIEW_ELAPSED,
    REVIEW_WEEK,
    THEME_GOALS,
    THEME_PROBLEMS,
    VISION_BOARD_FIELDS,
    RubricReport,
    annual_key_results,
    check_north_star,
    check_positioning,
    check_vision_board,
    critique_key_result,
    goal_coverage,
    is_outcome,
    key_result_issues,
    key_result_progress,
    now_next_later,
    okr_score,
    okr_verdict,
    parse_positioning,
    roadmap_by_problem,
    roadmap_column,
)

__all__ = [
    "ANNUAL_OBJECTIVE", "ANNUAL_TARGETS", "HYPOTHETICAL_WEEK_52", "PLANNED_NOW", "REVIEW_ELAPSED", "REVIEW_WEEK",
    "annual_key_results",
    "CERTAINTY_COLUMN", "COLUMNS", "FOUR_RISKS", "INPUT_KINDS", "NO_NUMBER", "NO_TIME_FRAME", "OUTPUT",
    "OKR_KINDS", "THEME_GOALS", "THEME_PROBLEMS", "roadmap_by_problem", "VISION_BOARD_FIELDS", "RubricReport", "check_north_star", "check_positioning",
    "check_vision_board", "critique_key_result", "goal_coverage", "is_outcome", "key_result_issues",
    "key_result_progress", "now_next_later", "okr_score", "okr_verdict", "parse_positioning", "roadmap_column",
]
