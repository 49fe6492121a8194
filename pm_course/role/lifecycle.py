"""The product life cycle (Levitt, "Exploit the Product Life Cycle", Harvard Business Review, 1965).

Levitt, who popularised the cycle rather than originating it, names four
stages: market development, growth, maturity, decline. "Introduction" is the
later textbook name of the first stage (Kotler); both are accepted here. The
cycle describes a product category's *sales over years*. Reading it from
weeks of one product's usage metric, as module 01 does, is an analogy: a
stage shows in the *growth rate* (the slope, relative to the level) and in
its *change* (is growth speeding up or slowing down?).

The stage rule in :func:`lifecycle_stage` is this course's rule of thumb for
weekly data, not Levitt's (he gives no thresholds): a metric shrinking faster
than ``flat`` per week is in decline; within ``flat`` of zero, mature;
growing slowly and speeding up, market development; otherwise growth. Slow
growth that is slowing down is what life-cycle texts call the approach to
maturity, and slow growth whose change is within ``STEADY`` of zero sits on
the rule's knife-edge: the reading says so. Read the data and the market
together before you believe a label.

:func:`linear_trend` and :func:`trend_projection` fit an ordinary least-squares
line to weekly values: what the metric would do with no change at all, the
counterfactual a target is set against.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from ..core.validate import InputError, InputTypeError, choice, describe, integer, number

__all__ = [
    "STAGES",
    "STAGE_FOCUS",
    "FLAT",
    "FAST",
    "NOISY",
    "STEADY",
    "STAGE_ALIASES",
    "stage_id",
    "linear_trend",
    "trend_projection",
    "growth_rates",
    "compound_growth_rate",
    "growth_change",
    "lifecycle_stage",
    "series",
]

STAGES = ("market development", "growth", "maturity", "decline")

#: Other names of the stages -> Levitt's ("introduction" is the later textbook name, Kotler).
STAGE_ALIASES = {"introduction": "market development", "development": "market development"}

#: Where a PM's work goes at each stage (Levitt's stages; the focus is this course's summary).
STAGE_FOCUS = {
    "market development": "find product-market fit: discovery with early customers, fix the onboarding, learn fast",
    "growth": "scale what works: onboarding and activation, reliability, the features that keep customers",
    "maturity": "defend and extend: retention, pricing and packaging, efficiency, new segments",
    "decline": "harvest or renew: cut cost, migrate customers, decide whether to reinvent or retire",
}

FLAT = 0.002  # 0.2 % a week, about 11 % a year: below this a metric is about flat
FAST = 0.01  # 1 % a week, about 68 % a year: fast growth
STEADY = 0.001  # a change in weekly growth under 0.1 percentage points reads as steady
NOISY = 0.05  # week-on-week growth that swings by more than 5 % (standard deviation): endpoints mislead


def stage_id(name: str, value: Any) -> str:
    """The stage ``value`` names, one of :data:`STAGES` (or a name in :data:`STAGE_ALIASES`, e.g.
    "introduction"), case- and space-insensitive.

    >>> stage_id("stage", "Introduction")
    'market development'
    """
    if type(value) is str:
        key = " ".join(value.split()).casefold()
        value = STAGE_ALIASES.get(key, value)
    try:
        return choice(name, value, STAGES)
    except InputError:
        raise InputError(f"{name} must be one of {', '.join(map(repr, STAGES))} (Levitt's names; 'introduction' "
                         f"is accepted for the first); got {value!r}.") from None


def _values(values: Any, name: str = "values") -> list[float]:
    if type(values) not in (list, tuple):
        raise InputTypeError(f"{name} must be a list of numbers (one per week); got {describe(values)}.")
    if len(values) < 2:
        raise InputError(f"{name} needs at least 2 numbers to have a growth rate; got {len(values)}.")
    if len(values) > 10_000:  # about 190 years of weeks: more is a mistake, and would only be slow
        raise InputError(f"{name} may hold at most 10,000 numbers (one per week); got {len(values):,}.")
    out = [number(f"{name}[{i}]", v) for i, v in enumerate(values)]
    if any(v <= 0 for v in out):
        bad = next(i for i, v in enumerate(out) if v <= 0)
        raise InputError(f"growth rates need positive values; {name}[{bad}] is {values[bad]!r}.")
    return out


def series(weekly: Sequence[dict], metric: str) -> list[float]:
    """One metric of the weekly analytics, in week order (e.g. ``series(load('analytics')['weekly'], 'signups')``)."""
    if type(weekly) not in (list, tuple) or not weekly or any(type(r) is not dict for r in weekly):
        raise InputTypeError(f"weekly must be a non-empty list of dicts (one per week); got {describe(weekly)}.")
    metric = choice("metric", metric, [k for k in weekly[0] if k != "week"], normalise=False)
    rows = sorted(weekly, key=lambda r: r.get("week", 0))
    return [float(r[metric]) for r in rows]


def growth_rates(values: Sequence[float]) -> list[float]:
    """Period-on-period growth rates, ``v[t] / v[t-1] - 1``, as fractions (one fewer than the values)."""
    v = _values(values)
    return [b / a - 1 for a, b in zip(v, v[1:])]


def compound_growth_rate(values: Sequence[float]) -> float:
    """The compound growth rate per period from the first to the last value.

    ``(last / first) ** (1 / (n - 1)) - 1`` for ``n`` values: ``n`` values span
    ``n - 1`` periods (26 weeks of data hold 25 week-on-week steps).
    """
    v = _values(values)
    return (v[-1] / v[0]) ** (1 / (len(v) - 1)) - 1


def growth_change(values: Sequence[float]) -> float:
    """How growth changed: the compound rate of the second half minus that of the first half.

    The halves share the middle value (for 26 weeks: weeks 1-13 and 13-26).
    Positive: growth is speeding up; negative: slowing down. Needs 3 values.
    """
    v = _values(values)
    if len(v) < 3:
        raise InputError(f"the change in growth needs at least 3 values (two halves); got {len(v)}.")
    mid = (len(v) - 1) // 2
    return compound_growth_rate(v[mid:]) - compound_growth_rate(v[: mid + 1])


def linear_trend(values: Sequence[float]) -> dict[str, float]:
    """The ordinary least-squares line through weekly values, weeks numbered 1, 2, ...:
    ``{"slope" (per week), "intercept" (at week 0)}``.

    >>> t = linear_trend([1.0, 3.0, 5.0]); (round(t["slope"], 9), round(t["intercept"], 9))
    (2.0, -1.0)
    """
    if type(values) not in (list, tuple):
        raise InputTypeError(f"values must be a list of numbers (one per week); got {describe(values)}.")
    if len(values) < 2:
        raise InputError(f"a trend needs at least 2 numbers; got {len(values)}.")
    y = [number(f"values[{i}]", v) for i, v in enumerate(values)]
    n = len(y)
    mx = (n + 1) / 2
    my = math.fsum(y) / n
    sxx = math.fsum((x - mx) ** 2 for x in range(1, n + 1))
    slope = math.fsum((x - mx) * (v - my) for x, v in zip(range(1, n + 1), y)) / sxx
    return {"slope": slope, "intercept": my - slope * mx}


def trend_projection(values: Sequence[float], weeks_ahead: int = 8) -> float:
    """Where the least-squares trend of ``values`` (weeks 1 to n) puts the metric ``weeks_ahead`` weeks after
    the last one (week n + weeks_ahead): what it would do if nothing changed, the counterfactual to set a
    target against.

    >>> trend_projection([1.0, 3.0, 5.0], 2)
    9.0
    """
    t = linear_trend(values)
    ahead = integer("weeks_ahead", weeks_ahead, low=0, hint="Count weeks after the last value, e.g. 8.")
    return t["intercept"] + t["slope"] * (len(values) + ahead)


def lifecycle_stage(values: Sequence[float], *, flat: float = FLAT, fast: float = FAST) -> dict[str, Any]:
    """The life-cycle stage a weekly metric suggests, with the numbers behind it.

    Returns ``{"stage", "rate" (compound per week), "change" (second half - first half),
    "reason", "noisy", "spread", "borderline"}``. Rule of thumb (this course's, see the module
    docstring): rate < -flat: decline; |rate| <= flat: maturity; flat < rate < fast and change
    above :data:`STEADY`: market development (slow but speeding up); otherwise growth. Slow growth
    that slows down by more than STEADY is read as the approach to maturity; slow growth whose
    change is within STEADY of zero is ``borderline`` (the rule cannot tell market development
    from growth).

    ``spread`` is the standard deviation of the week-on-week growth rates;
    above :data:`NOISY` the series is ``noisy``: a rate read from its first and
    last values can say almost anything, so do not name a stage from it alone.
    """
    rate = compound_growth_rate(values)
    change = growth_change(values)
    flat = number("flat", flat, low=0, high=0.5)
    fast = number("fast", fast, low=flat, high=1)
    borderline = False
    if rate < -flat:
        stage, why = "decline", f"it shrinks by {-rate:.2%} a week"
    elif rate <= flat:
        stage, why = "maturity", f"it is about flat ({rate:+.2%} a week)"
    elif rate < fast and change > STEADY:
        stage, why = ("market development",
                      f"it grows slowly ({rate:.2%} a week) but speeds up ({change * 100:+.2f} points)")
    elif rate < fast and change < -STEADY:
        stage, why = "growth", (f"it grows slowly ({rate:.2%} a week) and is slowing down ({change * 100:+.2f} "
                                "points): what life-cycle texts call the approach to maturity")
    elif rate < fast:
        borderline = True
        stage, why = "growth", (f"it grows slowly ({rate:.2%} a week) and its growth barely changes "
                                f"({change * 100:+.3f} points): on the rule's edge between market development "
                                "and growth, so read the market before naming a stage")
    else:
        trend = "steady" if abs(change) < STEADY else "speeding up" if change > 0 else "slowing down"
        stage, why = "growth", f"it grows {rate:.2%} a week, {trend} ({change * 100:+.2f} points)"
    if math.isclose(change, 0, abs_tol=1e-12):
        change = 0.0
    rates = growth_rates(values)
    mean = math.fsum(rates) / len(rates)
    spread = math.sqrt(math.fsum((r - mean) ** 2 for r in rates) / len(rates))
    noisy = spread > NOISY
    if noisy:
        why += (f"; but week-on-week growth swings from {min(rates):+.0%} to {max(rates):+.0%}, "
                "so the endpoints alone can mislead")
    return {"stage": stage, "rate": rate, "change": change, "reason": why, "noisy": noisy, "spread": spread,
            "borderline": borderline}
