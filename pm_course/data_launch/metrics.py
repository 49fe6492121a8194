"""Metrics, funnels and cohort retention (module 06): plain, typed Python over Shiftbrew's data.

Sources (the versions this course teaches):

- Funnel metrics follow AARRR (Dave McClure, "Startup Metrics for Pirates", 2007): acquisition,
  activation, retention, referral, revenue. Step conversion = users at step k / users at step k-1;
  overall conversion = users at the last step / users at the first.
- HEART (Rodden, Hutchinson and Fu, "Measuring the User Experience on a Large Scale", CHI 2010):
  happiness, engagement, adoption, retention, task success, each through goals, signals, metrics.
- Cohort retention: the share of a sign-up cohort active in week n after sign-up; read the curve for
  where it flattens, not one number.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..core.validate import InputError, InputTypeError, choice, describe, integer

__all__ = [
    "FUNNEL_STEPS", "STEP_LABELS", "SEGMENTS", "AARRR", "HEART",
    "funnel_counts", "conversion_by_step", "overall_conversion", "biggest_drop", "biggest_loss", "funnel",
    "cohort_label", "retention_table", "retention_curve",
]

# Shiftbrew's activation funnel: every account signed up; the other steps are fields of `analytics`.
FUNNEL_STEPS: tuple[str, ...] = ("signed_up", "created_rota", "invited_staff", "published_rota", "active_week_4")
STEP_LABELS = {
    "signed_up": "Signed up",
    "created_rota": "Created a rota",
    "invited_staff": "Invited staff",
    "published_rota": "Published a rota",
    "active_week_4": "Active in week 4",
}
SEGMENTS: tuple[str, ...] = ("all", "owner", "manager")

AARRR = {
    "acquisition": "people arrive and sign up",
    "activation": "they reach the first moment of value (for Shiftbrew: a published rota)",
    "retention": "they come back and keep using it",
    "referral": "they bring others",
    "revenue": "they pay",
}
HEART = {
    "happiness": "attitude: satisfaction, ease (surveys)",
    "engagement": "how much and how often people use it",
    "adoption": "new users of the product or a feature",
    "retention": "users who keep coming back",
    "task success": "efficiency, effectiveness, errors",
}


def _accounts(accounts: Any, fields: Sequence[str]) -> list[dict]:
    if type(accounts) is not list:
        raise InputTypeError(f"accounts must be a list of dicts (e.g. load('analytics')['accounts']); "
                             f"got {describe(accounts)}.")
    for i, a in enumerate(accounts):
        if type(a) is not dict:
            raise InputTypeError(f"accounts[{i}] must be a dict; got {describe(a)}.")
        for f in fields:
            if f not in a:
                raise InputError(f"accounts[{i}] has no field {f!r}; expected the fields {', '.join(fields)}.")
    return accounts


def funnel_counts(accounts: Any, segment: str = "all", steps: Sequence[str] = FUNNEL_STEPS) -> list[int]:
    """How many accounts reached each step of the funnel (the first step, 'signed_up', counts every account).

    ``segment`` is "all", "owner" or "manager". An account counts at step k only if it
    also reached every step before it.

    >>> funnel_counts([{"segment": "owner", "created_rota": True, "invited_staff": False,
    ...                 "published_rota": False, "active_week_4": False}])
    [1, 1, 0, 0, 0]
    """
    seg = choice("segment", segment, SEGMENTS)
    if type(steps) not in (list, tuple):
        raise InputTypeError(f"steps must be a list of funnel steps, e.g. {list(FUNNEL_STEPS)!r}; got {describe(steps)}.")
    steps = [choice("step", s, FUNNEL_STEPS) for s in steps]
    if not steps or steps[0] != "signed_up":
        raise InputError(f"steps must start with 'signed_up'; got {list(steps)!r}.")
    rows = _accounts(accounts, [s for s in steps if s != "signed_up"] + (["segment"] if seg != "all" else []))
    chosen = [a for a in rows if seg == "all" or a["segment"] == seg]
    counts = []
    for k, _ in enumerate(steps):
        counts.append(sum(all(s == "signed_up" or a[s] is True for s in steps[: k + 1]) for a in chosen))
    return counts


def _counts(counts: Any) -> list[int]:
    if type(counts) not in (list, tuple):
        raise InputTypeError(f"counts must be a list of whole numbers, one per funnel step; got {describe(counts)}.")
    if len(counts) < 2:
        raise InputError(f"a funnel needs at least two steps; got {len(counts)} count(s).")
    clean = [integer(f"counts[{i}]", c, low=0, hint="A count of users cannot be negative.")
             for i, c in enumerate(counts)]
    for k in range(1, len(clean)):
        if clean[k] > clean[k - 1]:
            raise InputError(
                f"counts[{k}] = {clean[k]} is above the count before it ({clean[k - 1]}): in a funnel each step "
                "keeps only users who reached the step before, so the counts can only stay level or fall."
            )
    return clean


def conversion_by_step(counts: Sequence[int]) -> list[float]:
    """Step conversion: users at step k / users at step k-1, for k = 1 .. len(counts) - 1 (AARRR, McClure 2007).

    A step after a step with nobody in it converts 0.0 (nobody to convert).

    >>> conversion_by_step([600, 472, 339])
    [0.7866666666666666, 0.7182203389830508]
    """
    c = _counts(counts)
    return [c[k] / c[k - 1] if c[k - 1] else 0.0 for k in range(1, len(c))]


def overall_conversion(counts: Sequence[int]) -> float:
    """Overall conversion: users at the last step / users at the first (0.0 for an empty funnel).

    >>> overall_conversion([600, 300, 150])
    0.25
    """
    c = _counts(counts)
    return c[-1] / c[0] if c[0] else 0.0


def biggest_drop(counts: Sequence[int], steps: Sequence[str] = FUNNEL_STEPS) -> str:
    """The step with the lowest step conversion (the biggest drop-off); on a tie, the earlier step.

    >>> biggest_drop([100, 80, 20, 10], ["a", "b", "c", "d"])
    'c'
    """
    conv = conversion_by_step(counts)
    if type(steps) not in (list, tuple) or len(steps) != len(counts):
        raise InputError(f"steps must name each of the {len(counts)} funnel steps; got {describe(steps)}.")
    k = min(range(len(conv)), key=lambda i: conv[i])
    return str(steps[k + 1])


def biggest_loss(counts: Sequence[int], steps: Sequence[str] = FUNNEL_STEPS) -> str:
    """The step that loses the most users in number (counts[k-1] - counts[k]); on a tie, the earlier step.

    The lowest step rate and the largest loss in number can be different steps: read both.

    >>> biggest_loss([600, 472, 339, 273, 168], ["a", "b", "c", "d", "e"])
    'c'
    """
    c = _counts(counts)
    if type(steps) not in (list, tuple) or len(steps) != len(c):
        raise InputError(f"steps must name each of the {len(c)} funnel steps; got {describe(steps)}.")
    k = max(range(1, len(c)), key=lambda i: (c[i - 1] - c[i], -i))
    return str(steps[k])


def funnel(accounts: Any, segment: str = "all") -> list[dict]:
    """The funnel as rows: step, label, users, step conversion (None for the first) and overall conversion."""
    counts = funnel_counts(accounts, segment)
    conv = [None, *conversion_by_step(counts)]
    return [
        {"step": s, "label": STEP_LABELS[s], "users": n, "step_conversion": c,
         "overall": n / counts[0] if counts[0] else 0.0}
        for s, n, c in zip(FUNNEL_STEPS, counts, conv)
    ]


# ---------------------------------------------------------------- cohorts


LAST_SIGNUP_WEEK = 22  # the sampled sign-ups are from weeks 1 to 22 (each has had 4 weeks by week 26, today)


def cohort_label(signup_week: int, cohort_weeks: int = 4) -> str:
    """The cohort of a sign-up week: blocks of ``cohort_weeks`` weeks, e.g. week 6 with 4 -> 'W05-08'.

    The last block stops at week 22, the last sign-up week of the sampled accounts.

    >>> cohort_label(6), cohort_label(22, 4), cohort_label(3, 1)
    ('W05-08', 'W21-22', 'W03')
    """
    w = integer("signup_week", signup_week, low=1, high=LAST_SIGNUP_WEEK)
    size = integer("cohort_weeks", cohort_weeks, low=1, high=26)
    start = (w - 1) // size * size + 1
    end = min(start + size - 1, LAST_SIGNUP_WEEK)
    return f"W{start:02d}" if start == end else f"W{start:02d}-{end:02d}"


def _observed(r: dict, i: int) -> int:
    """Weeks after sign-up that have happened for this account (12 when the data do not say)."""
    if "observed_weeks" not in r:
        return 12
    return integer(f"activity[{i}]['observed_weeks']", r["observed_weeks"], low=0, high=12)


def retention_table(activity: Any, cohort_weeks: int = 4, weeks: int = 12, segment: str = "all") -> dict:
    """Cohort retention: for each sign-up cohort, the share of its accounts active in week n = 1 .. ``weeks``.

    ``activity`` is ``load("activity")["accounts"]`` (each with ``signup_week``, ``active_weeks`` and
    ``observed_weeks``, the weeks after sign-up that have happened by the last week of the data). A cell is
    ``None`` until every account of its cohort has reached that week: the data are right-censored, and a share
    of the accounts that had the chance would mix old and young accounts. So the latest cohorts show a short row
    (the triangle of a cohort table).
    Returns ``{"weeks": [1, ...], "cohorts": [label, ...], "sizes": {label: n},
    "shares": {label: [share in week 1 or None, ...]}}``; cohorts in sign-up order.
    """
    size = integer("cohort_weeks", cohort_weeks, low=1, high=26)
    horizon = integer("weeks", weeks, low=1, high=12, hint="The activity data cover 12 weeks after sign-up.")
    seg = choice("segment", segment, SEGMENTS)
    rows = _accounts(activity, ["signup_week", "active_weeks"] + (["segment"] if seg != "all" else []))
    members: dict[str, list[tuple[dict, int]]] = {}
    for i, r in enumerate(rows):
        if seg == "all" or r["segment"] == seg:
            members.setdefault(cohort_label(r["signup_week"], size), []).append((r, _observed(r, i)))
    cohorts = sorted(members)
    shares = {
        c: [sum(n in r["active_weeks"] for r, _ in members[c]) / len(members[c])
            if all(seen >= n for _, seen in members[c]) else None for n in range(1, horizon + 1)]
        for c in cohorts
    }
    return {"weeks": list(range(1, horizon + 1)), "cohorts": cohorts,
            "sizes": {c: len(members[c]) for c in cohorts}, "shares": shares}


def retention_curve(activity: Any, weeks: int = 12, segment: str = "all") -> list[float]:
    """The share of the sign-ups active in week n = 1 .. ``weeks``, each week over the accounts that have reached
    it (signed up at least n weeks before the data end), so young accounts do not count as lost."""
    horizon = integer("weeks", weeks, low=1, high=12, hint="The activity data cover 12 weeks after sign-up.")
    seg = choice("segment", segment, SEGMENTS)
    rows = _accounts(activity, ["signup_week", "active_weeks"] + (["segment"] if seg != "all" else []))
    chosen = [(r, _observed(r, i)) for i, r in enumerate(rows) if seg == "all" or r["segment"] == seg]
    if not chosen:
        raise InputError("there are no accounts to compute retention from; got an empty list.")
    curve = []
    for n in range(1, horizon + 1):
        seen = [r for r, obs in chosen if obs >= n]
        if not seen:
            raise InputError(f"no account has reached week {n} after sign-up yet; got {len(chosen)} account(s).")
        curve.append(sum(n in r["active_weeks"] for r in seen) / len(seen))
    return curve
