"""Module 04, Prioritization: saying no with reasons, RICE, ICE, MoSCoW, Kano, Cost of Delay and WSJF,
opportunity scoring, and choosing within a fixed capacity.

Only the pure logic is imported here, so ``import pm_course.prioritization``
stays cheap. The widgets live in :mod:`pm_course.prioritization.widgets`
(ipywidgets, matplotlib) and the exercise questions in
:mod:`pm_course.prioritization.questions`.
"""

from .frameworks import (
    CONFIDENCE_LEVELS,
    FIBONACCI,
    IMPACT_SCALE,
    KANO_ANSWERS,
    KANO_CATEGORIES,
    KANO_TABLE,
    MOSCOW,
    POLISH_MAX_EFFORT,
    QUADRANTS,
    best_within_capacity,
    capacity_items,
    cd3,
    cost_of_delay,
    greedy_within_capacity,
    ice_score,
    kano_category,
    kano_coefficients,
    kano_counts,
    kano_dominant,
    kano_survey,
    moscow_effort_shares,
    opportunity_score,
    outcome_opportunities,
    quarter_candidates,
    rank_by,
    rice_score,
    rice_value,
    top_two_box,
    total_of,
    value_effort_quadrant,
    wsjf,
)

__all__ = [
    "CONFIDENCE_LEVELS", "FIBONACCI", "IMPACT_SCALE", "KANO_ANSWERS", "KANO_CATEGORIES", "KANO_TABLE", "MOSCOW",
    "QUADRANTS", "POLISH_MAX_EFFORT", "best_within_capacity", "capacity_items", "quarter_candidates", "cd3", "cost_of_delay", "greedy_within_capacity",
    "ice_score", "kano_category", "kano_coefficients", "kano_counts", "kano_dominant", "kano_survey",
    "moscow_effort_shares", "opportunity_score", "outcome_opportunities", "rank_by", "rice_score", "rice_value",
    "top_two_box", "total_of", "value_effort_quadrant", "wsjf",
]
