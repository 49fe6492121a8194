"""Module 07, Career paths and skills: the ladder, a competency self-assessment, SMART goals with
feedback-loop metrics, and a development plan the learner keeps.

Only pure logic is imported here (cheap). Widgets: :mod:`pm_course.career.widgets`;
exercise questions: :mod:`pm_course.career.questions`.
"""

from .goals import (
    LETTERS,
    LOOP_PARTS,
    VARIANT,
    is_feedback_loop,
    is_smart,
    metric_check,
    metric_parts,
    missing_letters,
    smart_check,
)
from .ladder import (
    COURSE_MODEL,
    ENTRY_ROUTES,
    EXPECTED,
    MEHTA_AREAS,
    RUNG_ORDER,
    RUNGS,
    SKILL_AREAS,
    SPECIALISED_PATHS,
    TRACKS,
    evidence_missing,
    expected_profile,
    first_rung_expecting,
    highest_rung_met,
    largest_gaps,
    meets,
    skill_gaps,
    total_gap,
    validate_ratings,
)
from .plan import export_plan, make_goal, make_plan, plan_html, plan_markdown, review_goal, review_plan
from .practice import INTERVIEW_TYPES, LEVEL_DIMENSIONS, STAR, estimate, star_order, validate_factors

__all__ = [
    "COURSE_MODEL", "ENTRY_ROUTES", "EXPECTED", "LETTERS", "LOOP_PARTS", "MEHTA_AREAS", "RUNGS", "RUNG_ORDER",
    "SKILL_AREAS", "SPECIALISED_PATHS", "TRACKS", "VARIANT", "evidence_missing", "expected_profile", "export_plan",
    "first_rung_expecting", "highest_rung_met", "is_feedback_loop", "is_smart", "largest_gaps", "make_goal",
    "make_plan", "meets", "metric_check", "metric_parts", "missing_letters", "plan_html", "plan_markdown",
    "review_goal", "review_plan", "skill_gaps", "smart_check", "total_gap", "validate_ratings",
    "INTERVIEW_TYPES", "LEVEL_DIMENSIONS", "STAR", "estimate", "star_order", "validate_factors",
]
