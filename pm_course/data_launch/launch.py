"""Launch (module 06): launch tiers, a go-to-market checklist across functions, and a staged rollout plan.

What this course teaches (PM_REFERENCE, "Data-driven decisions and launch"): release behind feature
flags in stages, run a beta, size the launch by its tier (how new it is, its business impact and how many
customers it changes things for), prepare marketing, sales and
support together from one checklist, and review the launch afterwards against the metric chosen before.
The tier rules and checklist items below are this course's variant of common practice, not a standard:
teams name and cut tiers differently (say so when you use them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..core.validate import InputError, InputTypeError, choice, describe, fraction, integer, text

__all__ = ["TIERS", "CHECKLIST", "FUNCTIONS", "launch_tier", "required_items", "checklist_status",
           "validate_rollout", "rollout_from_text", "plan_key", "DEFAULT_ROLLOUT"]

TIERS = {
    1: "Tier 1: a new capability that changes how most customers work, or a change in what they pay; "
       "full campaign, sales and support trained",
    2: "Tier 2: a new capability for some customers, or an improvement that changes a routine step for many; "
       "announcement, sales and support briefed",
    3: "Tier 3: an improvement or a fix that changes little in how customers work, or reaches few of them; "
       "release notes and a help-centre update",
}
FUNCTIONS = ("product", "engineering", "marketing", "sales", "support")

# id: (function, what, lowest tier that needs it: 3 = every launch, 1 = only tier 1)
CHECKLIST: dict[str, tuple[str, str, int]] = {
    "success_metric": ("product", "Primary metric and guardrails written down before launch, with the target", 3),
    "flag": ("engineering", "Feature behind a flag, with a tested way to switch it off", 3),
    "monitoring": ("engineering", "Dashboards and alerts on errors and the guardrail metrics", 3),
    "release_notes": ("marketing", "Release notes and a help-centre article", 3),
    "support_brief": ("support", "Support briefed: what changed, known issues, how to escalate", 3),
    "beta": ("product", "Beta with a few customers, and their feedback acted on", 2),
    "announcement": ("marketing", "Announcement to the customers it concerns (email, in-app)", 2),
    "sales_brief": ("sales", "Sales briefed: who it is for, the pitch, objections", 2),
    "faq_macros": ("support", "Support replies (macros) and an FAQ written", 2),
    "campaign": ("marketing", "Campaign: landing page, blog post, launch email to all customers", 1),
    "sales_training": ("sales", "Sales trained with a demo script and updated pricing sheets", 1),
    "support_staffing": ("support", "Extra support cover for launch week", 1),
    "review_date": ("product", "Launch review booked: results against the metric chosen before", 3),
}

DEFAULT_ROLLOUT = [(0.05, 3), (0.25, 4), (0.5, 4), (1.0, 0)]


def launch_tier(share_of_customers: float, changes_workflow: bool, changes_pricing: bool = False,
                new_capability: bool = False) -> int:
    """The launch tier (1 the biggest), the variant taught here: by novelty and business impact as well as reach.

    Tier 1 if it changes what customers pay, or is a new capability that changes how at least half of the
    customers work. Tier 2 if it is a new capability (for fewer), or an improvement to something customers
    already do that changes how at least a fifth of them work. Otherwise tier 3: an improvement or a fix that
    changes little, or for few customers. Reach alone does not raise the tier: a fix for everyone is tier 3.

    >>> launch_tier(0.8, True, new_capability=True), launch_tier(1.0, True), launch_tier(1.0, False)
    (1, 2, 3)
    """
    share = fraction("share_of_customers", share_of_customers)
    for name, v in (("changes_workflow", changes_workflow), ("changes_pricing", changes_pricing),
                    ("new_capability", new_capability)):
        if type(v) is not bool:
            raise InputTypeError(f"{name} must be True or False; got {describe(v)}.")
    if changes_pricing or (new_capability and changes_workflow and share >= 0.5):
        return 1
    if new_capability or (changes_workflow and share >= 0.2):
        return 2
    return 3


def _tier(tier: Any) -> int:
    return integer("tier", tier, low=1, high=3, hint="Tier 1 is the biggest launch, tier 3 the smallest.")


def required_items(tier: int) -> list[str]:
    """The checklist items a launch of this tier needs (a tier 1 launch needs everything)."""
    t = _tier(tier)
    return [k for k, (_, _, lowest) in CHECKLIST.items() if t <= lowest]


def checklist_status(tier: int, done: Sequence[str]) -> dict:
    """Which required items are done and which are missing: ``{"tier", "required", "done", "missing", "ready"}``.

    Items done that the tier does not need are kept in ``done`` (doing more is allowed).
    """
    t = _tier(tier)
    if type(done) not in (list, tuple, set):
        raise InputTypeError(f"done must be a list of checklist item ids; got {describe(done)}.")
    clean = []
    for d in done:
        clean.append(choice("checklist item", d, list(CHECKLIST)))
    req = required_items(t)
    missing = [k for k in req if k not in clean]
    return {"tier": t, "required": req, "done": [k for k in CHECKLIST if k in clean], "missing": missing,
            "ready": not missing}


def validate_rollout(stages: Any) -> list[dict]:
    """Check a staged rollout: a list of (share of customers, days to hold) rising to 1.0 (everyone).

    Shares must rise strictly and end at 1.0; each stage before the last holds for at least one day so
    the guardrails can be read. Returns ``[{"share", "hold_days", "start_day"}, ...]``.

    >>> [s["start_day"] for s in validate_rollout([(0.05, 3), (0.5, 4), (1.0, 0)])]
    [0, 3, 7]
    """
    if type(stages) not in (list, tuple) or not stages:
        raise InputTypeError(f"stages must be a list of (share, hold_days) pairs; got {describe(stages)}.")
    out, day, last = [], 0, 0.0
    for i, st in enumerate(stages):
        if type(st) not in (list, tuple) or len(st) != 2:
            raise InputTypeError(f"stage {i + 1} must be a pair (share, hold_days); got {describe(st)}.")
        share = fraction(f"stage {i + 1} share", st[0], allow_zero=False)
        hold = integer(f"stage {i + 1} hold_days", st[1], low=0, high=90)
        if share <= last:
            raise InputError(f"stage {i + 1} share ({share:g}) must be larger than the stage before ({last:g}).")
        if share < 1 and hold < 1:
            raise InputError(f"stage {i + 1} ({share:.0%}) must hold at least one day before the next stage; got 0.")
        out.append({"share": share, "hold_days": hold, "start_day": day})
        day, last = day + hold, share
    if last != 1.0:
        raise InputError(f"the last stage must reach everyone (share 1.0); got {last:g}.")
    return out


def rollout_from_text(rollout: str) -> list[tuple[float, int]]:
    """Rollout stages written as text, percent of customers : days to hold, as (share, hold_days) pairs.

    Only the writing is read here; check the stages with :func:`validate_rollout`.

    >>> rollout_from_text("5:3, 25:4, 100:0")
    [(0.05, 3), (0.25, 4), (1.0, 0)]
    """
    stages = []
    for part in [p for p in text("rollout", rollout, empty_ok=True).split(",") if p.strip()]:
        bits = part.replace("%", "").split(":")
        try:
            share, hold = float(bits[0]) / 100, int(bits[1]) if len(bits) > 1 else 0
        except (ValueError, IndexError):
            raise InputError(f"write each stage as percent:days, e.g. '5:3, 25:4, 100:0'; got {part.strip()!r}.") from None
        stages.append((share, hold))
    return stages


def plan_key(key: str | None) -> str:
    """The name a launch plan is saved under in the learner's progress (e.g. ``"launch_plan"``).

    A planner made without a key (``key=None``) has nowhere to save its plan.
    """
    if key is None:
        raise InputError("this planner has no key to save under: create it with LaunchPlanner(key='launch_plan').")
    return text("key", key)
