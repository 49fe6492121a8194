"""Module 01, The product manager's role: PM vs product owner vs project manager, the four risks,
the product life cycle, user stories and briefs, and a PM's week; outcomes and empowered teams, dual track,
the PR/FAQ, story maps and splitting, and product marketing.

Only the pure logic is imported here, so ``import pm_course.role`` stays cheap.
The widgets live in :mod:`pm_course.role.widgets` (ipywidgets, matplotlib) and
the exercise questions in :mod:`pm_course.role.questions`.
"""

from .lifecycle import (
    FAST,
    FLAT,
    NOISY,
    STAGE_ALIASES,
    STAGE_FOCUS,
    STAGES,
    STEADY,
    compound_growth_rate,
    growth_change,
    growth_rates,
    lifecycle_stage,
    linear_trend,
    series,
    stage_id,
    trend_projection,
)
from .practice import (
    ACTIVITIES_MAP,
    FIRST_RELEASE_WEEKS,
    GOAL_KINDS,
    PMM_ROLES,
    PRFAQ_FIELDS,
    PRFAQ_RULES,
    SPLIT_PATTERNS,
    STORY_MAP,
    TEAM_TYPES,
    TRACK_WORK,
    TRACKS,
    check_prfaq,
    check_release,
    release_effort,
    story_ids,
    walking_skeleton,
)
from .roles import (
    ACTIVITIES,
    ANTI_PATTERNS,
    CHEAPEST_TEST,
    FIND_COVER_ASSUMPTIONS,
    LAUNCH_LEAD,
    REFERENCE_RANGES,
    RISK_ALIASES,
    RISK_OWNERS,
    RISKS,
    ROLE_ALIASES,
    ROLES,
    SHARED_PARTS,
    TASKS,
    role_id,
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
    "FIND_COVER_ASSUMPTIONS", "FLAT", "LAUNCH_LEAD", "NOISY", "REFERENCE_RANGES", "RISKS", "RISK_ALIASES", "RISK_OWNERS",
    "ROLES", "ROLE_ALIASES", "SHARED_PARTS", "STAGES", "STAGE_ALIASES", "STAGE_FOCUS", "STEADY", "STORY_RULES",
    "TASKS", "check_brief", "check_criterion", "check_story", "check_story_with_criteria", "compound_growth_rate",
    "growth_change", "growth_rates", "lifecycle_stage", "linear_trend", "parse_story", "problems", "role_id",
    "role_of", "score_risk_board", "score_sorting", "series", "stage_id", "trend_projection", "week_plan",
    "ACTIVITIES_MAP", "FIRST_RELEASE_WEEKS", "GOAL_KINDS", "PMM_ROLES", "PRFAQ_FIELDS", "PRFAQ_RULES",
    "SPLIT_PATTERNS", "STORY_MAP", "TEAM_TYPES", "TRACK_WORK", "TRACKS", "check_prfaq", "check_release",
    "release_effort", "story_ids", "walking_skeleton",
]
