"""The auto-graded questions and the written answer of Module 06, Data-driven decisions and launch
(exercises/06_data_launch).

Declared with :mod:`pm_course.core`; reference answers are computed once, here, from the case study and
the pure logic. No widgets are imported: the launch question reads any object with a ``.value``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from statistics import NormalDist

from ..core import Choice, Function, Misconception, Question, Rubric, Rule, SetOf, Value, WidgetState, WrittenAnswer
from ..core.written import length, mentions
from ..data import load
from .design import (
    benjamini_hochberg,
    bonferroni,
    design_effect,
    effective_sample_size,
    holm,
    obf_spending,
)
from .experiments import ab_test, arm_totals, daily_cumulative, sample_size_per_arm, srm_test
from .launch import checklist_status, launch_tier, validate_rollout
from .metrics import FUNNEL_STEPS, biggest_drop, conversion_by_step, funnel_counts, retention_curve, retention_table

__all__ = [
    "QUESTIONS", "WRITTEN", "MODULE", "ACCOUNTS", "ACTIVITY", "EXPERIMENTS", "EXP1", "EXP2", "STEPS",
    "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11", "q12", "q13", "q14", "q15",
    "EXP1_METRICS", "STAFF_PER_CAFE", "CAFE_ICC", "SEQ_ENROLLED_BY",
    "w1",
]

MODULE = "06_data_launch"
ACCOUNTS = load("analytics")["accounts"]
ACTIVITY = load("activity")["accounts"]
EXPERIMENTS = {e["id"]: e for e in load("experiment")["experiments"]}
EXP1, EXP2 = EXPERIMENTS["EXP-1"], EXPERIMENTS["EXP-2"]
STEPS = list(FUNNEL_STEPS)

_COUNTS = funnel_counts(ACCOUNTS)
_CONV = conversion_by_step(_COUNTS)

# ---------------------------------------------------------------- q1 overall conversion

_OVERALL = _COUNTS[-1] / _COUNTS[0]
q1 = Question(
    module=MODULE, id="q1", points=1,
    prompt="The overall conversion of Shiftbrew's activation funnel, from signed up to active in week 4, "
           "for all 600 sign-ups in the sample, as a fraction to 3 decimal places.",
    checker=Value(expected=_OVERALL, decimals=3),
    hints=[
        "Overall conversion = accounts at the last step / accounts at the first step.",
        "funnel_counts(accounts) gives the count at each step; divide the last by the first.",
    ],
    solution_text="# overall = last step / first step\n"
                  "counts = funnel_counts(accounts)\n"
                  "answer_q1 = counts[-1] / counts[0]",
    answer=_OVERALL,
    wrong=[round(_COUNTS[3] / _COUNTS[0], 3), round(_CONV[-1], 3), round(_OVERALL * 100, 1)],
    misconceptions=[
        Misconception(_COUNTS[3] / _COUNTS[0], "That stops at 'published a rota': the funnel ends at 'active in week 4'."),
        Misconception(_CONV[-1], "That is the last step's conversion (from the step before), not from sign-up."),
        Misconception(lambda a: a > 1, "Give a fraction between 0 and 1, not a percentage.", example=_OVERALL * 100),
    ],
)

# ---------------------------------------------------------------- q2 one step

q2 = Question(
    module=MODULE, id="q2", points=1,
    prompt="The step conversion from 'created a rota' to 'invited staff' (all sign-ups), as a fraction to "
           "3 decimal places.",
    checker=Value(expected=_CONV[1], decimals=3),
    hints=[
        "Step conversion = accounts at this step / accounts at the step just before it.",
        "funnel_counts gives the number of accounts at each step, in the order signed_up, created_rota, "
        "invited_staff, ...: divide the count at invited_staff by the count at created_rota.",
    ],
    solution_text="# step conversion = this step / the step before\n"
                  "counts = funnel_counts(accounts)\n"
                  "answer_q2 = counts[2] / counts[1]",
    answer=_CONV[1],
    wrong=[round(_COUNTS[2] / _COUNTS[0], 3), round(1 - _CONV[1], 3), round(_CONV[0], 3)],
    misconceptions=[
        Misconception(_COUNTS[2] / _COUNTS[0],
                      "That divides by all sign-ups (overall conversion to this step); divide by the step before."),
        Misconception(1 - _CONV[1], "That is the share who dropped off; the question asks who converted."),
        Misconception(_CONV[0], "That is the step before (signed up to created a rota)."),
    ],
)

# ---------------------------------------------------------------- q3 biggest drop for managers

_MANAGER_DROP = biggest_drop(funnel_counts(ACCOUNTS, "manager"))
_ALL_DROP = biggest_drop(_COUNTS)
q3 = Question(
    module=MODULE, id="q3", points=1,
    prompt="For chain managers only (segment 'manager'), the funnel step with the biggest drop-off "
           "(the lowest step conversion into it), as its name in STEPS.",
    checker=Choice(expected=_MANAGER_DROP, options=STEPS[1:]),
    hints=[
        "Count the funnel for managers only: funnel_counts(accounts, 'manager').",
        "Divide each count by the one before it and find the smallest ratio; the step it leads into is the "
        "answer (biggest_drop does this for you).",
    ],
    solution_text="# the step with the lowest conversion from the step before it\n"
                  "answer_q3 = biggest_drop(funnel_counts(accounts, 'manager'))",
    answer=_MANAGER_DROP,
    wrong=[s for s in STEPS[1:] if s != _MANAGER_DROP],
    misconceptions=[
        Misconception(_ALL_DROP, "That is the biggest drop for all sign-ups; this question is about managers only."),
    ] if _ALL_DROP != _MANAGER_DROP else [],
)

# ---------------------------------------------------------------- q4 write conversion_by_step


def _conversion_by_step_reference(counts: list[int]) -> list[float]:
    """The reference: counts[k] / counts[k-1] for each step after the first; 0.0 after a step with nobody."""
    return [counts[k] / counts[k - 1] if counts[k - 1] else 0.0 for k in range(1, len(counts))]


q4 = Question(
    module=MODULE, id="q4", points=2,
    prompt="Write conversion_by_step(counts): given the number of users at each funnel step, return the list of "
           "step conversions (each step's count divided by the count of the step before it), one fewer than the "
           "counts; a step that follows a step with 0 users converts 0.0.",
    checker=Function(reference=_conversion_by_step_reference, returns=list[float], inputs=[
        (_COUNTS,), ([10, 10, 5],), ([8, 0, 0],), ([1, 1],),
    ]),
    hints=[
        "Loop over k from 1 to len(counts) - 1 and divide counts[k] by counts[k - 1].",
        "Guard the division: when counts[k - 1] is 0, append 0.0 instead. A list comprehension with "
        "'... if counts[k - 1] else 0.0' does both.",
    ],
    solution_text="def conversion_by_step(counts):\n"
                  "    # each step over the step before it; nobody before means nothing to convert\n"
                  "    return [counts[k] / counts[k - 1] if counts[k - 1] else 0.0 for k in range(1, len(counts))]",
    answer=lambda counts: _conversion_by_step_reference(counts),
    wrong=[
        lambda counts: [c / counts[0] for c in counts[1:]],
        lambda counts: [counts[k] / counts[k - 1] for k in range(1, len(counts))],
        lambda counts: [1 - counts[k] / counts[k - 1] if counts[k - 1] else 0.0 for k in range(1, len(counts))],
    ],
)
q4.answer.__name__ = "conversion_by_step"

# ---------------------------------------------------------------- q5 a retention value

_RET = retention_table(ACTIVITY, cohort_weeks=4)
_RET_W8 = _RET["shares"]["W01-04"][7]
_ALL_W8 = retention_curve(ACTIVITY)[7]   # all sign-ups that have reached week 8
_W4_W8 = _RET["shares"]["W01-04"][3]
q5 = Question(
    module=MODULE, id="q5", points=1,
    prompt="In the 4-week cohort table, the share of the W01-04 cohort (sign-up weeks 1 to 4) active in week 8 "
           "after sign-up, as a fraction to 2 decimal places.",
    checker=Value(expected=_RET_W8, decimals=2),
    hints=[
        "retention_table(activity, cohort_weeks=4) gives 'shares': one list per cohort, week 1 first.",
        "Week 8 is at index 7 of the cohort's list: table['shares']['W01-04'][7].",
    ],
    solution_text="# shares[cohort] lists weeks 1..12; week 8 is index 7\n"
                  "table = retention_table(activity, cohort_weeks=4)\n"
                  "answer_q5 = table['shares']['W01-04'][7]",
    answer=_RET_W8,
    wrong=[round(_ALL_W8, 2), round(_W4_W8, 2), round(_RET_W8 * 100)],
    misconceptions=[
        Misconception(_ALL_W8, "That is week 8 for all sign-ups; the question asks for the W01-04 cohort only."),
        Misconception(_W4_W8, "That is week 4: the list starts at week 1, so week 8 is index 7."),
        Misconception(lambda a: a > 1, "Give a fraction between 0 and 1, not a percentage.", example=_RET_W8 * 100),
    ],
)

# ---------------------------------------------------------------- q6, q7 the z-test of EXP-1

_T1 = ab_test(EXP1)
q6 = Question(
    module=MODULE, id="q6", points=1,
    prompt="The z statistic of EXP-1 (One-tap swap), treatment against control on the primary metric "
           "(pooled two-proportion z-test), to 2 decimal places.",
    checker=Value(expected=_T1["z"], decimals=2),
    hints=[
        "arm_totals(EXP1) gives each arm's assigned users and conversions over the whole test.",
        "z_test(x1, n1, x2, n2) with the treatment first gives z as treatment minus control; ab_test(EXP1) does it "
        "in one call.",
    ],
    solution_text="# treatment first, so a positive z means treatment converts more\n"
                  "t = arm_totals(EXP1)\n"
                  "result = z_test(t['treatment']['converted'], t['treatment']['assigned'],\n"
                  "                t['control']['converted'], t['control']['assigned'])\n"
                  "answer_q6 = result['z']",
    answer=_T1["z"],
    wrong=[round(-_T1["z"], 2), round(_T1["z"] / 2, 2)],
    misconceptions=[
        Misconception(lambda a: a < 0, "The sign is reversed: put the treatment first (treatment minus control).",
                      example=-_T1["z"]),
    ],
)

q7 = Question(
    module=MODULE, id="q7", points=1,
    prompt="The two-sided p-value of the same test (EXP-1, primary metric), to 4 decimal places.",
    checker=Value(expected=_T1["p_value"], decimals=4),
    hints=[
        "The z-test's result has a 'p_value': the chance of a difference at least this large if there were none.",
        "Two-sided: p = 2 * (1 - Phi(|z|)); NormalDist().cdf is Phi.",
    ],
    solution_text="# two-sided: p = 2 (1 - Phi(|z|))\n"
                  "answer_q7 = ab_test(EXP1)['p_value']",
    answer=_T1["p_value"],
    wrong=[round(_T1["p_value"] / 2, 4), round(1 - _T1["p_value"], 4)],
    misconceptions=[
        Misconception(_T1["p_value"] / 2, "That is the one-sided p-value; the test was planned two-sided: double it."),
        Misconception(lambda a: a > 0.5, "That looks like 1 - p (or Phi(z)); p is 2 (1 - Phi(|z|)).",
                      example=1 - _T1["p_value"]),
    ],
)

# ---------------------------------------------------------------- q8 the interval

_CI_LOW_PP = _T1["ci_low"] * 100
q8 = Question(
    module=MODULE, id="q8", points=1,
    prompt="The lower end of the 95 % confidence interval of EXP-1's difference (treatment minus control), in "
           "percentage points, to 1 decimal place.",
    checker=Value(expected=_CI_LOW_PP, decimals=1, unit="percentage points"),
    hints=[
        "The z-test's result has 'ci_low' and 'ci_high' for the difference p1 - p2, as proportions.",
        "A proportion of 0.01 is 1 percentage point: multiply ci_low by 100.",
    ],
    solution_text="# the interval of the difference, converted to percentage points\n"
                  "answer_q8 = ab_test(EXP1)['ci_low'] * 100",
    answer=_CI_LOW_PP,
    wrong=[round(_T1["difference"] * 100, 1), round(_T1["ci_high"] * 100, 1), round(_T1["ci_low"], 4)],
    misconceptions=[
        Misconception(lambda a: 0 < a < 0.05, "That looks like a proportion: give percentage points (x 100).",
                      example=_T1["ci_low"]),
        Misconception(_T1["difference"] * 100, "That is the point estimate, the middle of the interval."),
        Misconception(_T1["ci_high"] * 100, "That is the upper end of the interval."),
    ],
)

# ---------------------------------------------------------------- q9 sample size

_N1 = sample_size_per_arm(EXP1["baseline"], EXP1["minimum_detectable_effect"], EXP1["alpha"], EXP1["power"])
Q9_REL_TOL = 0.005   # textbook variants of the formula differ by a few users: z-table 1.96 and 0.84, Cohen's h
_Z = NormalDist()
_N1_ONE_SIDED = sample_size_per_arm(EXP1["baseline"], EXP1["minimum_detectable_effect"], 2 * EXP1["alpha"],
                                    EXP1["power"])
_N1_POWER_90 = sample_size_per_arm(EXP1["baseline"], EXP1["minimum_detectable_effect"], EXP1["alpha"], 0.9)
_N1_BASELINE_ONLY = math.ceil((_Z.inv_cdf(1 - EXP1["alpha"] / 2) + _Z.inv_cdf(EXP1["power"])) ** 2
                              * 2 * EXP1["baseline"] * (1 - EXP1["baseline"]) / EXP1["minimum_detectable_effect"] ** 2)


def _near(target: float) -> Callable[[float], bool]:
    return lambda a: abs(a - target) <= Q9_REL_TOL * target


q9 = Question(
    module=MODULE, id="q9", points=1,
    prompt="The users needed per arm for EXP-1's plan (its baseline, minimum detectable effect, alpha and power), "
           f"as a whole number; answers within {Q9_REL_TOL:.1%} pass (the textbook forms of the formula differ by "
           "a few users).",
    checker=Value(expected=_N1, abs_tol=0.0, rel_tol=Q9_REL_TOL, unit="users per arm"),
    hints=[
        "EXP1 holds 'baseline', 'minimum_detectable_effect' (absolute, in proportion), 'alpha' and 'power'.",
        "sample_size_per_arm(baseline, mde, alpha, power) applies n = (z_(1-a/2) + z_(1-b))^2 "
        "(p1(1-p1) + p2(1-p2)) / (p1 - p2)^2 with exact quantiles (1.95996 and 0.84162) and rounds up; the "
        "z-table's 1.96 and 0.84 give a few users fewer, within the tolerance.",
    ],
    solution_text="# the MDE is absolute: 12 % -> 14 %\n"
                  "answer_q9 = sample_size_per_arm(EXP1['baseline'], EXP1['minimum_detectable_effect'],\n"
                  "                                EXP1['alpha'], EXP1['power'])",
    answer=_N1,
    wrong=[2 * _N1, sample_size_per_arm(0.10, 0.02), sample_size_per_arm(0.12, 0.02, 0.05, 0.9)],
    misconceptions=[
        Misconception(_near(2 * _N1), "That is both arms together; the question asks per arm.", example=2 * _N1),
        Misconception(_near(sample_size_per_arm(0.10, 0.02)),
                      "That is the lesson's 10 % -> 12 % example; use EXP-1's own baseline.",
                      example=sample_size_per_arm(0.10, 0.02)),
        Misconception(_near(_N1_ONE_SIDED), "That uses a one-sided alpha (z = 1.645): EXP-1 is tested two-sided, "
                                            "so z_(1-a/2) = 1.96.", example=_N1_ONE_SIDED),
        Misconception(_near(_N1_POWER_90), "That is the size for power 0.9: EXP-1 planned power 0.8 "
                                           "(z_(1-b) = 0.8416).", example=_N1_POWER_90),
        Misconception(_near(_N1_BASELINE_ONLY), "That uses the baseline's variance for both arms, 2 p1 (1 - p1): "
                                                "the formula adds p1 (1 - p1) and p2 (1 - p2), with p2 = p1 + MDE.",
                      example=_N1_BASELINE_ONLY),
        Misconception(lambda a: a > 100_000,
                      "Far too many: the MDE is an absolute difference (0.02 = 2 points), not 2 % of the baseline.",
                      example=sample_size_per_arm(0.12, 0.0024)),
    ],
)

# ---------------------------------------------------------------- q10, q11 sample ratio mismatch of EXP-2

_T2 = arm_totals(EXP2)
_SRM2 = srm_test([_T2["control"]["assigned"], _T2["treatment"]["assigned"]])
q10 = Question(
    module=MODULE, id="q10", points=1,
    prompt="The sample-ratio-mismatch chi-square of EXP-2 (Shift reminders): its two arms' assigned users "
           "against the planned 50/50 split, to 1 decimal place.",
    checker=Value(expected=_SRM2["chi_square"], decimals=1),
    hints=[
        "Expected users per arm = total assigned x 0.5; chi-square = sum of (observed - expected)^2 / expected.",
        "srm_test([control assigned, treatment assigned]) does it; arm_totals(EXP2) gives the counts.",
    ],
    solution_text="# observed arm sizes against 50/50\n"
                  "t2 = arm_totals(EXP2)\n"
                  "answer_q10 = srm_test([t2['control']['assigned'], t2['treatment']['assigned']])['chi_square']",
    answer=_SRM2["chi_square"],
    wrong=[round(_SRM2["chi_square"] / 2, 1), round(_SRM2["p_value"], 6)],
    misconceptions=[
        Misconception(_SRM2["chi_square"] / 2, "Add the term of both arms, not just one."),
        Misconception(lambda a: 0 <= a < 0.01, "That looks like the p-value; the question asks for the chi-square.",
                      example=_SRM2["p_value"]),
    ],
)

SRM_VERDICTS = [
    "ship: the lift is large and significant",
    "mismatch: do not trust the result, find the cause",
    "no mismatch: the split is close enough to 50/50",
]
q11 = Question(
    module=MODULE, id="q11", points=1,
    prompt="Your verdict on EXP-2 from its sample ratio (alarm threshold p < 0.001): one of SRM_VERDICTS.",
    checker=Choice(expected=SRM_VERDICTS[1] if _SRM2["mismatch"] else SRM_VERDICTS[2], options=SRM_VERDICTS),
    hints=[
        "Compute the SRM p-value: srm_test([...])['p_value']. Below the threshold, the split is not what was planned.",
        "A mismatch means users went missing from one arm for a reason (here a crash): the ones left are not "
        "comparable, so the lift cannot be trusted, however significant.",
    ],
    solution_text="# the SRM check comes before reading any metric\n"
                  "t2 = arm_totals(EXP2)\n"
                  "srm = srm_test([t2['control']['assigned'], t2['treatment']['assigned']], alpha=0.001)\n"
                  "answer_q11 = SRM_VERDICTS[1] if srm['mismatch'] else SRM_VERDICTS[2]",
    answer=SRM_VERDICTS[1],
    wrong=[SRM_VERDICTS[0], SRM_VERDICTS[2]],
    misconceptions=[
        Misconception(SRM_VERDICTS[0], "Check the sample ratio before the lift: a broken split makes the lift "
                                       "meaningless, however small its p-value."),
        Misconception(SRM_VERDICTS[2], "A few percent looks close, but with thousands of users it is far beyond "
                                       "chance: compute the p-value."),
    ],
)

# ---------------------------------------------------------------- q12 the launch planner (a widget)

LAUNCH_TIER = launch_tier(1.0, True)   # an improvement to swaps, not a new capability: it changes a routine step
ROLLOUT_MIN_HOLD_DAYS = 7              # a full week of daily tickets and errors at each stage


def _tier_right(v: dict) -> str | None:
    return None if v.get("tier") == LAUNCH_TIER else (
        "the tier does not match the launch: one-tap swap is an improvement to a feature staff already use (not "
        "a new capability, no change in price) that changes how staff at every customer swap shifts "
        "(use launch_tier)")


def _ready(v: dict) -> str | None:
    try:
        status = checklist_status(v["tier"], v["done"])
    except (ValueError, TypeError, KeyError):
        return "the checklist could not be read"
    return None if status["ready"] else f"{len(status['missing'])} required item(s) of the checklist not done"


def _rollout_safe(v: dict) -> str | None:
    try:
        stages = validate_rollout([tuple(s) for s in v["rollout"]])
    except (ValueError, TypeError, KeyError):
        return "the rollout is not a valid list of stages"
    if len(stages) < 3:
        return "use at least three stages (a small first group, a larger one, then everyone)"
    if stages[0]["share"] > 0.10:
        return "the first stage reaches too many customers: start with at most 10 %"
    if any(s["hold_days"] < ROLLOUT_MIN_HOLD_DAYS for s in stages[:-1]):
        return (f"hold each stage at least {ROLLOUT_MIN_HOLD_DAYS} days, a full week of daily support tickets and "
                "errors before the next step (the 14-day ticket guardrail itself is read at the review)")
    return None


q12 = Question(
    module=MODULE, id="q12", points=2,
    prompt="Set the launch planner for the one-tap swap launch: the tier launch_tier gives it (an improvement to "
           "swaps, which staff already do, that changes how staff at every customer swap shifts), every item that "
           "tier requires done, and a rollout of at least three stages that starts at no more than 10 % and holds "
           f"each stage before the last at least {ROLLOUT_MIN_HOLD_DAYS} days. Pass the planner itself.",
    checker=WidgetState(inner=Rubric(shape=dict[str, None], rules=[
        Rule("tier", _tier_right), Rule("checklist", _ready), Rule("rollout", _rollout_safe)])),
    hints=[
        "launch_tier(share_of_customers=1.0, changes_workflow=True) gives the tier (new_capability stays False: "
        "staff could swap before); required_items(tier) lists what it needs.",
        "launch.set(tier, items, rollout) sets all three at once: the rollout is a list of (share of users, days "
        "held) stages ending at 1.0; the planner shows the line that reproduces what you clicked.",
    ],
    solution_text="# one-tap swap reaches every customer (share 1.0) and changes how their staff swap (True), but it\n"
                  f"# improves a feature they already use: launch_tier gives tier {LAUNCH_TIER}, not the campaign of tier 1\n"
                  "tier = launch_tier(1.0, True)\n"
                  "# required_items(tier) marks done exactly what that tier needs; the rollout starts at 5 %,\n"
                  "# then 25 % and 50 %, holding each stage a week so daily tickets and errors have data before\n"
                  "# the next step, and only then reaches everyone\n"
                  "launch.set(tier, required_items(tier), [(0.05, 7), (0.25, 7), (0.5, 7), (1.0, 0)])\n"
                  "answer_q12 = launch",
    answer={"tier": LAUNCH_TIER, "done": checklist_status(LAUNCH_TIER, [])["required"], "missing": [],
            "ready": True, "rollout": [[0.05, 7], [0.25, 7], [0.5, 7], [1.0, 0]], "rollout_days": 21},
    wrong=[
        {"tier": 3, "done": checklist_status(3, [])["required"], "missing": [], "ready": True,
         "rollout": [[0.05, 7], [0.25, 7], [1.0, 0]], "rollout_days": 14},
        {"tier": LAUNCH_TIER, "done": checklist_status(LAUNCH_TIER, [])["required"], "missing": [], "ready": True,
         "rollout": [[0.5, 7], [1.0, 0]], "rollout_days": 7},
        {"tier": LAUNCH_TIER, "done": checklist_status(LAUNCH_TIER, [])["required"], "missing": [], "ready": True,
         "rollout": [[0.05, 3], [0.25, 3], [0.5, 3], [1.0, 0]], "rollout_days": 9},
        {"tier": LAUNCH_TIER, "done": ["flag"], "missing": [], "ready": False,
         "rollout": [[0.05, 1], [0.25, 1], [1.0, 0]], "rollout_days": 2},
    ],
)

# ---------------------------------------------------------------- q13 many metrics: Holm

# EXP-1's readout: the primary and guardrail p-values come from the data; the four secondary metrics' p-values
# are the dashboard's (given, not derived). Chosen so that Bonferroni, Holm, Benjamini-Hochberg and no
# correction each keep a different set.
EXP1_METRICS = {
    "completed a swap (primary)": ab_test(EXP1)["p_value"],
    "offered a shift for swap": 0.008,
    "swap accepted within 24 hours": 0.011,
    "app opens per week": 0.019,
    "shifts left uncovered": 0.046,
    "support ticket about a wrong shift (guardrail)": ab_test(EXP1, "guardrail_events")["p_value"],
}
_NAMES, _PS = list(EXP1_METRICS), list(EXP1_METRICS.values())


def _kept(flags: list[bool]) -> list[str]:
    return [n for n, f in zip(_NAMES, flags) if f]


_HOLM = _kept(holm(_PS, 0.05))
_BONF = _kept(bonferroni(_PS, 0.05))
_BH = _kept(benjamini_hochberg(_PS, 0.05))
_RAW = [n for n, p in EXP1_METRICS.items() if p < 0.05]
q13 = Question(
    module=MODULE, id="q13", points=1,
    prompt="EXP-1's readout reports six metrics, with the p-values in EXP1_METRICS. Controlling the family-wise "
           "error rate at 0.05 with Holm's method, which metrics show a significant difference? Give the set of "
           "their names (keys of EXP1_METRICS).",
    checker=SetOf(expected=_HOLM),
    hints=[
        "Sort the p-values from smallest to largest; the k-th smallest of m = 6 is compared with 0.05 / (m - k + 1).",
        "Reject while the comparison holds and stop at the first p-value that fails it: everything after it is "
        "kept too, however small. holm(list_of_p_values) returns one True or False per p-value, in your order.",
    ],
    solution_text="# Holm: step down from the smallest p; the k-th smallest against alpha / (m - k + 1)\n"
                  "names, ps = list(EXP1_METRICS), list(EXP1_METRICS.values())\n"
                  "answer_q13 = {n for n, rejected in zip(names, holm(ps, alpha=0.05)) if rejected}",
    answer=set(_HOLM),
    wrong=[set(_BONF), set(_BH), set(_RAW)],
    misconceptions=[
        Misconception(lambda a: set(a) == set(_BONF), "That is Bonferroni (every p against 0.05 / 6): Holm compares "
                      "only the smallest with 0.05 / 6, the next with 0.05 / 5, and so on.", example=set(_BONF)),
        Misconception(lambda a: set(a) == set(_BH), "That is Benjamini-Hochberg, which controls the false "
                      "discovery rate, not the family-wise error rate: it keeps more.", example=set(_BH)),
        Misconception(lambda a: set(a) == set(_RAW), "That is every p below 0.05 with no correction: with six "
                      "metrics, the chance of at least one false win is far above 5 %.", example=set(_RAW)),
    ],
)

# ---------------------------------------------------------------- q14 randomise by café: effective sample size

STAFF_PER_CAFE = 9.5   # the experiment data's eligible-staff definition: about 9.5 staff per site
CAFE_ICC = 0.05        # an assumed intra-cluster correlation of completing a swap within a café
_T1_USERS = sum(t["assigned"] for t in arm_totals(EXP1).values())
_ESS = effective_sample_size(_T1_USERS, STAFF_PER_CAFE, CAFE_ICC)
_DEFF = design_effect(STAFF_PER_CAFE, CAFE_ICC)
_ESS_NO_MINUS_ONE = _T1_USERS / (1 + STAFF_PER_CAFE * CAFE_ICC)
q14 = Question(
    module=MODULE, id="q14", points=1,
    prompt="A swap needs a colleague, so the rerun of EXP-1 randomises whole cafés. With as many staff as EXP-1 "
           "enrolled (both arms), STAFF_PER_CAFE staff per café and an intra-cluster correlation of CAFE_ICC, how "
           "many independent staff is the test worth (its effective sample size)? As a whole number.",
    checker=Value(expected=_ESS, decimals=0, unit="staff"),
    hints=[
        "The design effect is DEFF = 1 + (m - 1) x ICC, with m the staff per café.",
        "Effective sample size = users / DEFF; arm_totals(EXP1) gives each arm's assigned staff: add both arms. "
        "effective_sample_size(n, cluster_size, icc) does the division.",
    ],
    solution_text="# clustered users carry less information: divide by the design effect 1 + (m - 1) ICC\n"
                  "t = arm_totals(EXP1)\n"
                  "n = t['control']['assigned'] + t['treatment']['assigned']\n"
                  "answer_q14 = effective_sample_size(n, STAFF_PER_CAFE, CAFE_ICC)",
    answer=_ESS,
    wrong=[round(_T1_USERS * _DEFF), round(_T1_USERS / STAFF_PER_CAFE), round(_ESS_NO_MINUS_ONE), _T1_USERS],
    misconceptions=[
        Misconception(lambda a: abs(a - _T1_USERS * _DEFF) <= 1, "That multiplies by the design effect: clustering "
                      "makes the test worth fewer independent users, so divide.", example=round(_T1_USERS * _DEFF)),
        Misconception(lambda a: abs(a - _T1_USERS / STAFF_PER_CAFE) <= 1, "That is the number of cafés, as if "
                      "staff in a café were perfectly alike (ICC 1); with ICC 0.05 they are worth more.",
                      example=round(_T1_USERS / STAFF_PER_CAFE)),
        Misconception(lambda a: abs(a - _ESS_NO_MINUS_ONE) <= 1, "Close: the design effect uses m - 1 (the "
                      "other staff in the café), not m.", example=round(_ESS_NO_MINUS_ONE)),
        Misconception(lambda a: abs(a - _T1_USERS) <= 1, "That is the raw number of staff: clustering by café "
                      "makes them worth fewer.", example=_T1_USERS),
    ],
)

# ---------------------------------------------------------------- q15 looking early: alpha spent by a look

SEQ_ENROLLED_BY = [7, 14, 21]   # EXP-1's planned looks read the staff enrolled by these days, 14 days later
_STAFF_BY_DAY = {c["day"]: sum(arm["assigned"] for arm in c["totals"].values()) for c in daily_cumulative(EXP1)}
_T = [_STAFF_BY_DAY[d] / _STAFF_BY_DAY[SEQ_ENROLLED_BY[-1]] for d in SEQ_ENROLLED_BY]   # information fractions
_SPENT = [obf_spending(t, 0.05) for t in _T]        # the boundaries need numpy; the spending does not
_Z_SIDE = NormalDist().inv_cdf(1 - 0.025 / 2)                  # each side's budget is 0.025
_ONE_SIDE = _SPENT[1] / 2
_WITH_196 = 2 - 2 * NormalDist().cdf(1.96 / math.sqrt(_T[1]))   # the function fed z 1.96 instead of 2.24
_LINEAR = 0.05 * _T[1]


def _near_3dp(value: float) -> Callable[[float], bool]:
    return lambda a: abs(a - value) < 0.0005                    # within half a unit of the third decimal


q15 = Question(
    module=MODULE, id="q15", points=1,
    prompt="EXP-1 is read at three planned looks with the O'Brien-Fleming-type alpha-spending function (Lan-DeMets), "
           "two-sided at alpha 0.05: look k reads the staff enrolled by day SEQ_ENROLLED_BY[k - 1], 14 days later. "
           "How much alpha, both sides together, has been spent by the second look? As a fraction to 3 decimal "
           "places.",
    checker=Value(expected=_SPENT[1], decimals=3),
    hints=[
        "The information fraction t is the share of the users read so far: the staff (both arms) enrolled by "
        "day 14 over the staff enrolled by day 21. daily_cumulative(EXP1) gives the running totals day by day.",
        "Each side has 0.025 to spend and by fraction t has spent 2 - 2 Phi(z / sqrt(t)) of it, with "
        "z = z_(1 - 0.025/2) = 2.24; both sides spend twice that. obf_spending(t, alpha=0.05) does it all.",
    ],
    solution_text="# the information fraction at look 2: staff enrolled by day 14 over staff enrolled by day 21\n"
                  "staff = {c['day']: sum(arm['assigned'] for arm in c['totals'].values()) for c in daily_cumulative(EXP1)}\n"
                  "t2 = staff[14] / staff[21]\n"
                  "# the O'Brien-Fleming-type function spends little early: both sides together, by fraction t2\n"
                  "answer_q15 = obf_spending(t2, alpha=0.05)",
    answer=_SPENT[1],
    wrong=[round(_LINEAR, 3), 0.05, round(_SPENT[1] - _SPENT[0], 4), 0.025, round(_ONE_SIDE, 3), round(_WITH_196, 3),
           round(_SPENT[0], 3), round(_SPENT[1] * 100, 1)],
    misconceptions=[
        Misconception(_near_3dp(_LINEAR), "That spends alpha in proportion to the users read (a straight line, as "
                      "Pocock-type spending nearly does); the O'Brien-Fleming-type function spends much less early.",
                      example=round(_LINEAR, 3)),
        Misconception(_near_3dp(0.05), "That is all of alpha: by the second look only part of it is spent, and the "
                      "rest is kept for the last look.", example=0.05),
        Misconception(lambda a: _near_3dp(_SPENT[1] - _SPENT[0])(a) and abs(a - 0.025) >= 1e-9,
                      "That is what the second look spends on its own; the question asks for the total spent by "
                      "then, the first look's share included.", example=round(_SPENT[1] - _SPENT[0], 4)),
        Misconception(lambda a: abs(a - 0.025) < 1e-9, "That is one side's whole budget (alpha / 2); the question "
                      "asks how much both sides together have spent by the second look.", example=0.025),
        Misconception(_near_3dp(_ONE_SIDE), "That is one side's share; a two-sided test spends as much on the other "
                      "side: add both.", example=round(_ONE_SIDE, 3)),
        Misconception(_near_3dp(_WITH_196), "That applies the function to alpha as a whole, with z = 1.96 (a variant "
                      "some texts use); the lesson, like rpact and gsDesign, gives each side half of alpha, so the z "
                      "in it is z_(1 - alpha/4), about 2.24, and both sides together spend twice one side's share.",
                      example=round(_WITH_196, 3)),
        Misconception(_near_3dp(_SPENT[0]), "That is the first look's spending (its fraction is staff by day 7 over "
                      "staff by day 21); the second look reads staff enrolled by day 14.", example=round(_SPENT[0], 3)),
        Misconception(lambda a: a > 1, "Give a fraction between 0 and 1, not a percentage.",
                      example=round(_SPENT[1] * 100, 1)),
    ],
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13, q14, q15]

# ---------------------------------------------------------------- w1 the experiment readout

W1_WORDS = (180, 350)   # the prompt and the length rule read the same limits
w1 = WrittenAnswer(
    module=MODULE, id="w1", points=4,
    prompt=f"Write the readout of EXP-1 (One-tap swap) for the product team and the Head of Support, {W1_WORDS[0]} "
           f"to {W1_WORDS[1]} words: recommend ship, iterate or stop, with the evidence (primary metric, interval, "
           "guardrail, sample ratio) and its limits.",
    rules=[
        mentions("makes a recommendation", ["ship", "iterate", "stop", "roll out", "launch"],
                 "Say plainly what you recommend: ship, iterate or stop."),
        mentions("reports the primary metric with its uncertainty", ["interval", "ci", "p-value", "p ="],
                 "Give the difference with its confidence interval (and the p-value)."),
        mentions("reads the guardrail", ["guardrail", "support ticket", "tickets"],
                 "Say what happened to the guardrail metric (support tickets about wrong shifts)."),
        mentions("checks the sample ratio", ["sample ratio", "srm", "split"],
                 "Say whether the split matched the plan (the sample-ratio check)."),
        mentions("names the limits", ["limit", "novelty", "only", "cannot", "uncertain", "caveat", "smaller than"],
                 "Name what the test cannot tell you (its limits)."),
        length(min_words=W1_WORDS[0], max_words=W1_WORDS[1]),
    ],
    model_answer=(
        "Readout: EXP-1, One-tap swap (21 days, staff app)\n\n"
        "Recommendation: ship, through a staged rollout, and keep watching the guardrail.\n\n"
        "What we tested. A 'Swap this shift' button on each shift card instead of the three-screen form. "
        "Hypothesis, primary metric and sample size were fixed before the start: staff who complete a swap "
        "within 14 days; 12 % baseline, a 2-point minimum detectable effect, alpha 0.05, power 0.8, so 4,435 "
        "staff per arm. We reached 4,669 (control) and 4,562 (treatment).\n\n"
        "Trust checks. The split matched the plan: the sample-ratio check gives p = 0.27, no mismatch. "
        "We read the result once, on day 35, when the last staff enrolled (day 21) had had their 14 days.\n\n"
        "Primary metric. 14.2 % of treatment staff completed a swap against 12.1 % in control: +2.1 points "
        "(z = 2.99, p = 0.003: a difference this large would be rare if the button changed nothing). The 95 % "
        "confidence interval is +0.7 to +3.5 points: the data are inconsistent with no effect, and consistent "
        "with a lift anywhere in that range, so it may be well under the 2 points we planned to detect.\n\n"
        "Guardrail. Support tickets about a wrong or missing shift rose from 0.79 % to 1.03 % of staff; the "
        "difference is not significant (p = 0.23), but the interval, -0.15 to +0.63 points, allows up to about "
        "80 % more tickets, and the test was not sized to detect that.\n\n"
        "Limits. Three weeks only: part of the lift may be novelty. We measured staff who opened the app, not "
        "managers' time saved, which is the value we care about. The interval is wide.\n\n"
        "Next. Roll out behind the flag: 10 % for a week, 50 %, then everyone, watching support tickets at each "
        "stage, with support briefed. Launch review in four weeks against the same primary metric and the "
        "North Star input 'shifts filled without manager calls'."
    ),
    mark_scheme=[
        "1 point: a clear recommendation (ship, iterate or stop) that follows from the evidence; shipping with a "
        "staged rollout and a watch on the guardrail, or iterating with a stated reason, both earn it.",
        "1 point: the primary metric reported correctly with its uncertainty: the two rates or the difference "
        "(+2.1 points), the confidence interval (+0.7 to +3.5) or the p-value (0.003), and what they say: the data "
        "are inconsistent with no effect, and the lift may be anywhere in the interval, well under the 2-point MDE "
        "(not 'the effect is real').",
        "1 point: the trust checks and the guardrail: the sample ratio matched the plan (no SRM), the result was "
        "read once at the planned end (day 35, when the last enrolled staff had had 14 days), and the "
        "support-ticket guardrail was read (not significant, but its interval allows a large relative rise).",
        "1 point: honest limits and a next step: e.g. novelty, a short test, a proxy metric, the width of the "
        "interval; and what happens next (rollout stages, a review date against the metric chosen before).",
        "Give 0 for a point whose numbers are wrong or misread (e.g. calling the difference 2.1 % relative, "
        "reading p as the chance the effect is real, or claiming the guardrail proved safe).",
    ],
)

WRITTEN = [w1]
