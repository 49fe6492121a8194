"""A/B tests (module 06): the two-proportion z-test, sample size, minimum detectable effect, sample ratio
mismatch, and a seeded simulation of peeking.

Source: Kohavi, Tang and Xu, *Trustworthy Online Controlled Experiments* (Cambridge University Press,
2020): one primary metric and the sample size fixed in advance, guardrail metrics, a sample-ratio-mismatch
check, and why stopping a fixed-horizon test at the first p < 0.05 inflates false positives.

Formulas (the variants taught here):

- Two-proportion z-test with the pooled proportion p = (x1 + x2) / (n1 + n2):
  z = (p1 - p2) / sqrt(p (1 - p) (1/n1 + 1/n2)); two-sided p-value = 2 (1 - Phi(|z|)).
- Confidence interval of the difference p1 - p2 (unpooled, Wald):
  (p1 - p2) +/- z_(1 - a/2) sqrt(p1 (1 - p1) / n1 + p2 (1 - p2) / n2).
- Sample size per arm: n = (z_(1-a/2) + z_(1-b))^2 (p1 (1 - p1) + p2 (1 - p2)) / (p1 - p2)^2, rounded up,
  with p2 = p1 + the minimum detectable effect (an absolute difference, in proportion points).
- Sample ratio mismatch: Pearson's chi-square of the observed arm sizes against the planned split,
  one degree of freedom for two arms, p = 2 (1 - Phi(sqrt(chi-square))).

Only the standard library (statistics.NormalDist); the simulation imports numpy when it runs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from statistics import NormalDist
from typing import Any

from ..core.validate import InputError, InputTypeError, describe, fraction, integer, number

__all__ = [
    "z_test", "ab_test", "arm_totals", "sample_size_per_arm", "minimum_detectable_effect", "days_needed", "reached",
    "srm_test", "peeking_simulation", "daily_cumulative",
]

_N = NormalDist()


def _alpha(alpha: Any) -> float:
    return fraction("alpha", alpha, allow_zero=False, allow_one=False)


def _arm(name: str, converted: Any, assigned: Any) -> tuple[int, int]:
    n = integer(f"{name} users", assigned, low=1, hint="An arm needs at least one user.")
    x = integer(f"{name} conversions", converted, low=0, hint="Conversions cannot be negative.")
    if x > n:
        raise InputError(f"{name} conversions ({x}) cannot be more than its users ({n}).")
    return x, n


def z_test(x1: int, n1: int, x2: int, n2: int, alpha: float = 0.05) -> dict:
    """Two-proportion z-test of x1/n1 against x2/n2 (pooled), with the confidence interval of p1 - p2.

    Returns ``{"p1", "p2", "difference", "z", "p_value", "ci_low", "ci_high", "confidence", "significant"}``.
    The sign of z and of the difference follows the order: first minus second.

    >>> r = z_test(45, 100, 30, 100)
    >>> round(r["z"], 3), round(r["p_value"], 4)
    (2.191, 0.0285)
    """
    x1, n1 = _arm("first", x1, n1)
    x2, n2 = _arm("second", x2, n2)
    a = _alpha(alpha)
    p1, p2 = x1 / n1, x2 / n2
    pooled = (x1 + x2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    z = (p1 - p2) / se if se > 0 else 0.0
    p_value = min(1.0, max(0.0, 2 * (1 - _N.cdf(abs(z)))))
    half = _N.inv_cdf(1 - a / 2) * math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    return {"p1": p1, "p2": p2, "difference": p1 - p2, "z": z, "p_value": p_value,
            "ci_low": p1 - p2 - half, "ci_high": p1 - p2 + half, "confidence": 1 - a,
            "significant": p_value < a}


def arm_totals(experiment: Any) -> dict:
    """Totals per arm over an experiment's days: ``{"control": {"assigned", "converted", "guardrail_events"},
    "treatment": {...}}`` (``experiment`` is one entry of ``load("experiment")["experiments"]``)."""
    days = experiment.get("days") if type(experiment) is dict else None
    if type(days) is not list:
        raise InputTypeError(f"experiment must be one experiment (a dict with 'days'); got {describe(experiment)}.")
    return daily_cumulative(experiment)[-1]["totals"] if days else {
        arm: {"assigned": 0, "converted": 0, "guardrail_events": 0} for arm in ("control", "treatment")}


def daily_cumulative(experiment: Any) -> list[dict]:
    """Running totals day by day: ``[{"day": d, "totals": {arm: {...}}}, ...]`` (what a peek on day d sees)."""
    days = experiment.get("days") if type(experiment) is dict else None
    if type(days) is not list:
        raise InputTypeError(f"experiment must be one experiment (a dict with 'days'); got {describe(experiment)}.")
    run = {arm: {"assigned": 0, "converted": 0, "guardrail_events": 0} for arm in ("control", "treatment")}
    out = []
    for d in days:
        for arm in run:
            for k in run[arm]:
                run[arm][k] += integer(f"day {d.get('day')} {arm} {k}", d[arm][k], low=0)
        out.append({"day": d["day"], "totals": {arm: dict(v) for arm, v in run.items()}})
    return out


def ab_test(experiment: Any, metric: str = "converted", alpha: float | None = None) -> dict:
    """The z-test of treatment against control for an experiment's ``metric`` ("converted" for the primary
    metric, "guardrail_events" for the guardrail): difference = treatment - control."""
    if metric not in ("converted", "guardrail_events"):
        raise InputError(f"metric must be 'converted' or 'guardrail_events'; got {metric!r}.")
    t = arm_totals(experiment)
    a = experiment.get("alpha", 0.05) if alpha is None else alpha
    return z_test(t["treatment"][metric], t["treatment"]["assigned"], t["control"][metric],
                  t["control"]["assigned"], alpha=a)


def sample_size_per_arm(baseline: float, mde: float, alpha: float = 0.05, power: float = 0.8) -> int:
    """Users needed in each arm to detect an absolute change ``mde`` from ``baseline`` (two-sided test).

    >>> sample_size_per_arm(0.10, 0.02)
    3839
    """
    p1 = fraction("baseline", baseline, allow_zero=False, allow_one=False)
    d = _mde(mde, p1)
    a = _alpha(alpha)
    b = fraction("power", power, allow_zero=False, allow_one=False)
    p2 = p1 + d
    k = (_N.inv_cdf(1 - a / 2) + _N.inv_cdf(b)) ** 2
    # round before ceil so that floating-point noise (3839.0000001) does not add a user
    return math.ceil(round(k * (p1 * (1 - p1) + p2 * (1 - p2)) / d**2, 6))


def _mde(mde: Any, p1: float) -> float:
    if type(mde) is bool or type(mde) not in (int, float):
        raise InputTypeError(f"mde must be a number (an absolute difference such as 0.02); got {describe(mde)}.")
    d = float(mde)
    if not math.isfinite(d) or d == 0:
        raise InputError(f"mde must be a non-zero difference in proportion, e.g. 0.02 for 2 points; got {mde!r}.")
    if not 0 < p1 + d < 1:
        hint = f" Did you mean {d / 100:g}?" if abs(d) >= 1 else ""
        raise InputError(f"baseline + mde must stay between 0 and 1; got {p1:g} + {d:g} = {p1 + d:g}.{hint}")
    return d


def minimum_detectable_effect(baseline: float, n_per_arm: int, alpha: float = 0.05, power: float = 0.8) -> float:
    """The smallest absolute increase over ``baseline`` that ``n_per_arm`` users per arm detect with this power.

    Solves the sample-size formula for the difference (bisection); a larger n never gives a larger MDE.

    >>> round(minimum_detectable_effect(0.10, 3839), 4)
    0.02
    """
    p1 = fraction("baseline", baseline, allow_zero=False, allow_one=False)
    n = integer("n_per_arm", n_per_arm, low=1)
    a = _alpha(alpha)
    b = fraction("power", power, allow_zero=False, allow_one=False)
    k = (_N.inv_cdf(1 - a / 2) + _N.inv_cdf(b)) ** 2

    def needed(d: float) -> float:
        p2 = p1 + d
        return k * (p1 * (1 - p1) + p2 * (1 - p2)) / d**2

    lo, hi = 1e-9, 1 - p1 - 1e-9
    if needed(hi) > n:
        raise InputError(f"with {n} users per arm no increase over {p1:g} can be detected at this alpha and power; "
                         f"use more users (at least {math.ceil(needed(hi))}).")
    for _ in range(200):
        mid = (lo + hi) / 2
        if needed(mid) > n:
            lo = mid
        else:
            hi = mid
    return hi


def days_needed(n_per_arm: int, daily_traffic: float, arms: int = 2, share_in_test: float = 1.0,
                population: int | None = None) -> int:
    """Whole days to reach ``n_per_arm`` users in each of ``arms`` arms, ``share_in_test`` of the eligible users
    entering the test the first time they come.

    With ``population`` (the eligible users there are), users accrue sublinearly, as in most tests (Kohavi, Tang
    and Xu 2020): each eligible user comes on a given day with chance q = ``daily_traffic`` / ``population``, so
    after d days population x (1 - (1 - q)^d) distinct users have come, and returning users add nobody new. A
    test that needs more users than the population holds can never finish: that is an error, not a number.
    Without ``population`` the count is linear (``daily_traffic`` new users every day), which holds only while
    the test reaches a small part of its population.

    >>> days_needed(3839, 440)
    18
    >>> days_needed(4435, 1200, population=10_000)
    18
    """
    n = integer("n_per_arm", n_per_arm, low=1)
    k = integer("arms", arms, low=2, high=10)
    traffic = number("daily_traffic", daily_traffic, low=0, low_open=True, high=1e9,
                     hint="Give a positive number of eligible users a day (at most a billion).")
    share = fraction("share_in_test", share_in_test, allow_zero=False)
    needed = n * k / share   # eligible users who must come for n per arm to enter
    if population is None:
        return max(1, math.ceil(needed / traffic - 1e-9))
    pop = integer("population", population, low=1, high=10**10, hint="The eligible users there are, in all.")
    if traffic > pop:
        raise InputError(f"daily_traffic ({traffic:g}) cannot be more than the population ({pop:,}): nobody can "
                         "come twice as a new user on one day.")
    if needed > pop:
        raise InputError(
            f"{n:,} users per arm in {k} arms needs {needed:,.0f} eligible users, but the population has only "
            f"{pop:,}: the test can never reach that size. Test a bigger change (a larger MDE), a busier surface, "
            "or decide with other evidence.")
    if traffic == pop:
        return 1
    q = traffic / pop
    if needed == pop:
        raise InputError(
            f"{n:,} users per arm in {k} arms needs every one of the {pop:,} eligible users: returning users add "
            "nobody new, so the last ones may never come. Plan for fewer users (a larger MDE).")
    return max(1, math.ceil(math.log(1 - needed / pop) / math.log(1 - q) - 1e-9))


def reached(days: int, daily_traffic: float, population: int) -> float:
    """Distinct eligible users who have come after ``days`` days: population x (1 - (1 - q)^days), with
    q = daily_traffic / population (the returning-user model of :func:`days_needed`).

    >>> round(reached(21, 1200, 10_000))
    9317
    """
    d = integer("days", days, low=0, high=3650)
    pop = integer("population", population, low=1, high=10**10, hint="The eligible users there are, in all.")
    traffic = number("daily_traffic", daily_traffic, low=0, high=pop,
                     hint="The users who come on a day, at most the population.")
    return pop * (1 - (1 - traffic / pop) ** d)


def srm_test(observed: Sequence[int], planned: Sequence[float] = (0.5, 0.5), alpha: float = 0.001) -> dict:
    """Sample ratio mismatch: Pearson's chi-square of two arms' sizes against the planned split (1 d.f.).

    ``alpha`` is the threshold for raising the alarm; SRM checks usually use a strict one such as 0.001,
    because they run on every experiment. Returns ``{"chi_square", "p_value", "expected", "mismatch"}``.

    >>> r = srm_test([5100, 4900])
    >>> round(r["chi_square"], 1), round(r["p_value"], 4)
    (4.0, 0.0455)
    """
    if type(observed) not in (list, tuple) or len(observed) != 2:
        raise InputError(f"observed must be the two arms' user counts, e.g. [5100, 4900]; got {describe(observed)}.")
    obs = [integer(f"observed[{i}]", o, low=0, hint="A count of users cannot be negative.")
           for i, o in enumerate(observed)]
    if type(planned) not in (list, tuple) or len(planned) != 2:
        raise InputError(f"planned must be the two arms' planned shares, e.g. [0.5, 0.5]; got {describe(planned)}.")
    shares = [fraction(f"planned[{i}]", s, allow_zero=False, allow_one=False) for i, s in enumerate(planned)]
    if abs(sum(shares) - 1) > 1e-9:
        raise InputError(f"the planned shares must add up to 1; got {shares[0]:g} + {shares[1]:g}.")
    a = _alpha(alpha)
    total = sum(obs)
    if total == 0:
        raise InputError("observed has no users in either arm; got [0, 0].")
    expected = [total * s for s in shares]
    chi = sum((o - e) ** 2 / e for o, e in zip(obs, expected))
    p = min(1.0, max(0.0, 2 * (1 - _N.cdf(math.sqrt(chi)))))
    return {"chi_square": chi, "p_value": p, "expected": expected, "mismatch": p < a}


def peeking_simulation(
    tests: int = 2000,
    days: int = 20,
    users_per_day: int = 200,
    baseline: float = 0.12,
    alpha: float = 0.05,
    seed: int = 6,
) -> dict:
    """Run ``tests`` A/A tests (no real difference) and peek every day, as someone who stops at the first p < alpha.

    Each day ``users_per_day`` users enter each arm, converting at ``baseline``; on every day the
    cumulative z-test is run. Returns ``{"days": [1..days], "stopped_by_day": [share of tests that had
    shown p < alpha on some day up to d], "significant_on_day": [share with p < alpha on day d],
    "fixed_horizon": share significant on the last day only, "peeking": share stopped by the end,
    "alpha": alpha}``. Seeded, so the same arguments give the same numbers (numpy's default generator).
    """
    import numpy as np

    t = integer("tests", tests, low=1, high=20_000)
    d = integer("days", days, low=1, high=60)
    u = integer("users_per_day", users_per_day, low=1, high=100_000)
    p = fraction("baseline", baseline, allow_zero=False, allow_one=False)
    a = _alpha(alpha)
    s = integer("seed", seed, low=0)
    rng = np.random.default_rng(s)
    conv = rng.binomial(u, p, size=(2, t, d)).cumsum(axis=2)
    n = u * np.arange(1, d + 1)
    p1, p2 = conv[0] / n, conv[1] / n
    pooled = (p1 + p2) / 2
    se = np.sqrt(pooled * (1 - pooled) * 2 / n)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(se > 0, (p1 - p2) / se, 0.0)
    sig = np.abs(z) > _N.inv_cdf(1 - a / 2)
    stopped = np.logical_or.accumulate(sig, axis=1)
    return {
        "days": list(range(1, d + 1)),
        "stopped_by_day": [float(v) for v in stopped.mean(axis=0)],
        "significant_on_day": [float(v) for v in sig.mean(axis=0)],
        "fixed_horizon": float(sig[:, -1].mean()),
        "peeking": float(stopped[:, -1].mean()),
        "alpha": a,
        "tests": t,
    }
