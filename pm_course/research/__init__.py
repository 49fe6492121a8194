"""Module 02, User and market research: the pure logic.

``import pm_course.research`` is cheap: it loads no widgets and no plotting
library. Widgets live in ``pm_course.research.widgets``; the exercise's
questions in ``pm_course.research.questions``.
"""

from .interviews import (
    RULES,
    SOLUTION_WORDS,
    Critique,
    JobStoryCheck,
    check_job_story,
    critique_question,
    theme_counts,
    top_theme,
)
from .market import bottom_up, funnel_in, market_funnel, nested_funnel
from .surveys import (
    margin_of_error,
    nps,
    nps_breakdown,
    nps_by_segment,
    nps_category,
    sample_size,
    z_value,
)

__all__ = [
    "nps", "nps_breakdown", "nps_by_segment", "nps_category", "sample_size", "margin_of_error", "z_value",
    "market_funnel", "nested_funnel", "bottom_up", "funnel_in",
    "critique_question", "Critique", "RULES", "check_job_story", "JobStoryCheck", "SOLUTION_WORDS",
    "theme_counts", "top_theme",
]
