"""Module 06, Data-driven decisions and launch: metrics and funnels, cohort retention, A/B tests (z-test,
sample size, minimum detectable effect, sample ratio mismatch, peeking),
experiment design (cluster randomisation, multiple testing, CUPED, Lehr's rule, group sequential tests and
alpha spending, the delta method), and launch.

Only the pure logic is imported here, so ``import pm_course.data_launch`` stays cheap. The widgets live
in :mod:`pm_course.data_launch.widgets` (ipywidgets, matplotlib) and the exercise questions in
:mod:`pm_course.data_launch.questions`.
"""

from .design import (
    benjamini_hochberg,
    bonferroni,
    cuped_adjust,
    cuped_interval,
    cuped_theta,
    delta_method_ratio,
    design_effect,
    effective_sample_size,
    holm,
    lehr_sample_size,
    obf_spending,
    obrien_fleming,
    sequential_readout,
    sequential_simulation,
    spending_boundaries,
)
from .experiments import (
    ab_test,
    arm_totals,
    daily_cumulative,
    days_needed,
    minimum_detectable_effect,
    peeking_simulation,
    reached,
    sample_size_per_arm,
    srm_test,
    z_test,
)
from .launch import (
    CHECKLIST,
    DEFAULT_ROLLOUT,
    FUNCTIONS,
    TIERS,
    checklist_status,
    launch_tier,
    required_items,
    validate_rollout,
)
from .metrics import (
    AARRR,
    FUNNEL_STEPS,
    HEART,
    SEGMENTS,
    STEP_LABELS,
    biggest_drop,
    biggest_loss,
    cohort_label,
    conversion_by_step,
    funnel,
    funnel_counts,
    overall_conversion,
    retention_curve,
    retention_table,
)

__all__ = [
    "AARRR", "CHECKLIST", "DEFAULT_ROLLOUT", "FUNCTIONS", "FUNNEL_STEPS", "HEART", "SEGMENTS", "STEP_LABELS",
    "TIERS", "ab_test", "arm_totals", "biggest_drop", "biggest_loss", "checklist_status", "cohort_label", "conversion_by_step",
    "daily_cumulative", "days_needed", "funnel", "funnel_counts", "launch_tier", "minimum_detectable_effect",
    "overall_conversion", "peeking_simulation", "reached", "required_items", "retention_curve", "retention_table",
    "sample_size_per_arm", "srm_test", "validate_rollout", "z_test",
    "benjamini_hochberg", "bonferroni", "cuped_adjust", "cuped_interval", "cuped_theta", "delta_method_ratio",
    "design_effect", "effective_sample_size", "holm", "lehr_sample_size", "obrien_fleming", "sequential_simulation",
    "obf_spending", "spending_boundaries", "sequential_readout",
]
