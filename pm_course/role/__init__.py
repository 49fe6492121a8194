"""Module 01, The product manager's role: PM vs product owner vs project manager, the four risks,
the product life cycle, user stories and briefs, and a PM's week.

Only the pure logic is imported here, so ``import pm_course.role`` stays cheap.
The widgets live in :mod:`pm_course.role.widgets` (ipywidgets, matplotlib) and
the exercise questions in :mod:`pm_course.role.questions`.
"""

from .lifecycle import (
    FAST,
    FLAT,
    NOISY,
    STAGE_FOCUS,
    STAGES,
    compound_growth_rate,
    growth_change,
    growth_rates,
    lifecycle_stage,
    series,
)
from .roles import (
    ACTIVITIES,
    ANTI_PATTERNS,
    CHEAPEST_TEST,
    FIND_COVER_ASSUMPTIONS,
    REFERENCE_RANGES,
    RISK_OWNERS,
    RISKS,
    ROLES,
    TASKS,
    role_of,
    score_risk_board,
    score_sorting,
    week_plan,
)
from .stories import (
    BRIEF_FIELDS,
    BRIEF_RULES,
    CRITERION_RULES,
    STORY_RULES,
    check_brief,
    check_criterion,
    check_story,
    check_story_with_criteria,
    parse_story,
    problems,
)

__all__ = [
    "ACTIVITIES", "ANTI_PATTERNS", "BRIEF_FIELDS", "BRIEF_RULES", "CHEAPEST_TEST", "CRITERION_RULES", "FAST",
    "FIND_COVER_ASSUMPTIONS", "FLAT", "NOISY", "REFERENCE_RANGES", "RISKS", "RISK_OWNERS", "ROLES", "STAGES",
    "STAGE_FOCUS", "STORY_RULES", "TASKS", "check_brief", "check_criterion", "check_story",
    "check_story_with_criteria", "compound_growth_rate", "growth_change", "growth_rates", "lifecycle_stage",
    "parse_story", "problems", "role_of", "score_risk_board", "score_sorting", "series", "week_plan",
]
