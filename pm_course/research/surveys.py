"""Survey arithmetic: Net Promoter Score, margin of error and sample size.

Pure Python (standard library only); no ipywidgets, no matplotlib.

Sources
-------
- Net Promoter Score: Reichheld, F. F. (2003), "The One Number You Need to
  Grow", Harvard Business Review 81(12); Bain & Company, "Measuring your Net
  Promoter Score". Scale 0-10; promoters 9-10, passives 7-8, detractors 0-6;
  NPS = % promoters - % detractors, a number from -100 to 100 (not a
  percentage, not a mean).
- Sample size and margin of error for a proportion (normal approximation):
  Cochran, W. G. (1977), *Sampling Techniques*, 3rd ed., Wiley, sections 4.4
  and 4.6: n0 = z^2 p (1 - p) / E^2, rounded up; with a finite population N,
  n = n0 / (1 + (n0 - 1) / N). Margin of error E = z sqrt(p (1 - p) / n),
  times the finite population correction sqrt((N - n) / (N - 1)) when N is
  given (the two formulas are exact inverses of each other).
- z is the two-sided critical value of the standard normal distribution,
  z = Phi^-1(1 - (1 - confidence) / 2), computed with the standard library's
  ``statistics.NormalDist().inv_cdf`` rather than a rounded lookup table: at
  95 % confidence z = 1.959964..., which is why the classic sample size for a
  5 % margin is 385 (384.15 rounded up) and not 384.16 from z = 1.96.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from ..core.validate import InputError, InputTypeError, describe, fraction, integer, percent_guess, text

__all__ = [
    "PROMOTER_MIN",
    "PASSIVE_MIN",
    "nps_category",
    "nps",
    "nps_breakdown",
    "nps_by_segment",
    "z_value",
    "sample_size",
    "margin_of_error",
]

PROMOTER_MIN = 9  # 9 and 10 are promoters (Bain)
PASSIVE_MIN = 7  # 7 and 8 are passives; 0 to 6 are detractors


# ---------------------------------------------------------------- NPS


def _scores(scores: Any, name: str = "scores") -> list[int]:
    """Validate a collection of 0-10 integer scores and return it as a list."""
    if isinstance(scores, (str, bytes, dict)) or not isinstance(scores, Iterable):
        raise InputTypeError(
            f"{name} must be a list of whole-number scores from 0 to 10 (the answers to 'How likely are you "
            f"to recommend us?'); got {describe(scores)}."
        )
    out = []
    for i, s in enumerate(scores):
        if type(s) is float and s.is_integer():
            s = int(s)  # a score read from a CSV as 9.0 is still a 9
        out.append(
            integer(f"{name}[{i}]", s, low=0, high=10,
                    hint="NPS uses the 0-10 'likely to recommend' scale: 0 is not at all likely, 10 extremely likely.")
        )
    if not out:
        raise InputError(f"{name} is empty: NPS needs at least one response.")
    return out


def nps_category(score: int) -> str:
    """'promoter' (9-10), 'passive' (7-8) or 'detractor' (0-6), per Bain's Net Promoter System."""
    s = integer("score", score, low=0, high=10, hint="NPS uses the 0-10 'likely to recommend' scale.")
    if s >= PROMOTER_MIN:
        return "promoter"
    if s >= PASSIVE_MIN:
        return "passive"
    return "detractor"


def nps_breakdown(scores: Iterable[int]) -> dict[str, float | int]:
    """Counts and shares of promoters (9-10), passives (7-8) and detractors (0-6), and the NPS.

    Returns a plain dict: ``n``, ``promoters``, ``passives``, ``detractors``
    (counts), ``promoters_pct``, ``passives_pct``, ``detractors_pct`` (shares in
    per cent, 0-100) and ``nps`` (= promoters_pct - detractors_pct, from -100 to 100).

    >>> nps_breakdown([10, 9, 8, 3])["nps"]
    25.0
    """
    xs = _scores(scores)
    n = len(xs)
    p = sum(1 for s in xs if s >= PROMOTER_MIN)
    d = sum(1 for s in xs if s < PASSIVE_MIN)
    m = n - p - d
    return {
        "n": n,
        "promoters": p,
        "passives": m,
        "detractors": d,
        "promoters_pct": 100.0 * p / n,
        "passives_pct": 100.0 * m / n,
        "detractors_pct": 100.0 * d / n,
        "nps": 100.0 * (p - d) / n,
    }


def nps(scores: Iterable[int]) -> float:
    """Net Promoter Score (Bain): % promoters (9-10) minus % detractors (0-6), from -100 to 100.

    It is a *number*, not a percentage and not a mean score: ``nps([10, 10, 0, 8])`` is 25.0.
    Passives (7-8) count in the total but in neither group.
    """
    return nps_breakdown(scores)["nps"]


def nps_by_segment(rows: Any, segment_key: str = "segment", score_key: str = "nps") -> dict[str, float]:
    """NPS for each segment of survey rows (dicts), e.g. ``nps_by_segment(load("survey"))``.

    Segments appear in the order they are first met in the rows.
    """
    if isinstance(rows, (str, bytes, dict)) or not isinstance(rows, Iterable):
        raise InputTypeError(f"rows must be a list of survey responses (dicts); got {describe(rows)}.")
    text("segment_key", segment_key)
    text("score_key", score_key)
    groups: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        if type(row) is not dict:
            raise InputTypeError(f"rows[{i}] must be a dict such as one row of load('survey'); got {describe(row)}.")
        for key in (segment_key, score_key):
            if key not in row:
                raise InputError(f"rows[{i}] has no {key!r} field; its fields are {', '.join(map(repr, row))}.")
        groups.setdefault(str(row[segment_key]), []).append(row[score_key])
    if not groups:
        raise InputError("rows is empty: there are no responses to score.")
    return {seg: nps(scores) for seg, scores in groups.items()}


# ---------------------------------------------------------------- sampling


def z_value(confidence: float = 0.95) -> float:
    """Two-sided critical value of the standard normal: Phi^-1(1 - (1 - confidence) / 2).

    Computed with ``statistics.NormalDist().inv_cdf`` (standard library), so any
    confidence level works, not only the 90/95/99 % of a lookup table.
    z_value(0.95) = 1.959964..., z_value(0.99) = 2.575829...
    """
    from statistics import NormalDist  # imported here so `import pm_course.research` stays cheap

    c = fraction("confidence", confidence, allow_zero=False, allow_one=False)
    return NormalDist().inv_cdf(1 - (1 - c) / 2)


def _margin(value: Any) -> float:
    if type(value) is bool or type(value) not in (int, float):
        if not (hasattr(value, "__float__") and type(value).__module__ == "numpy"):
            raise InputTypeError(f"margin_of_error must be a number, a fraction such as 0.05 for ±5 %; got {describe(value)}.")
        value = float(value)
    x = float(value)
    if math.isnan(x) or math.isinf(x):
        raise InputError(f"margin_of_error must be a finite fraction such as 0.05; got {value!r}.")
    guess = percent_guess(x, one_is_percent=True)
    if guess is not None:
        raise InputError(f"margin_of_error is a fraction: did you mean {guess:g}? (got {value!r}; ±5 % is written 0.05)")
    if not 0 < x < 1:
        raise InputError(f"margin_of_error must be a fraction above 0 and below 1, such as 0.05 for ±5 %; got {value!r}.")
    return x


def _proportion(value: Any) -> float:
    p = fraction("proportion", value, allow_zero=False, allow_one=False)
    return p


def _population(value: Any) -> int | None:
    if value is None:
        return None
    return integer("population", value, low=1,
                   hint="population is the number of people (or accounts) you could survey; leave it out when it is very large or unknown.")


def sample_size(
    margin_of_error: float,
    confidence: float = 0.95,
    proportion: float = 0.5,
    population: int | None = None,
) -> int:
    """Responses needed to estimate a proportion within ±margin_of_error (Cochran 1977).

    n0 = z^2 p (1 - p) / E^2; with a finite ``population`` N,
    n = n0 / (1 + (n0 - 1) / N). The result is rounded *up* (a fraction of a
    respondent does not exist, and rounding down would miss the margin).
    ``proportion`` is your prior guess of the share; 0.5 (the default) is the
    safe choice when you do not know, because it gives the largest n.

    All three of margin_of_error, confidence and proportion are fractions:
    ±5 % at 95 % confidence is ``sample_size(0.05, 0.95)`` -> 385.
    """
    e = _margin(margin_of_error)
    z = z_value(confidence)
    p = _proportion(proportion)
    big_n = _population(population)
    n = z * z * p * (1 - p) / (e * e)
    if big_n is not None:
        n = n / (1 + (n - 1) / big_n)
    # round up; the tiny allowance stops 384.0000000001 (float noise) becoming 385
    return max(1, math.ceil(n - 1e-9))


def margin_of_error(
    n: int,
    confidence: float = 0.95,
    proportion: float = 0.5,
    population: int | None = None,
) -> float:
    """Margin of error (a fraction) of a proportion estimated from ``n`` responses (Cochran 1977).

    E = z sqrt(p (1 - p) / n), times sqrt((N - n) / (N - 1)) when the
    ``population`` N is given (finite population correction). With p = 0.5 it
    is the widest margin, the one usually reported for a whole survey.
    ``margin_of_error(320)`` is about 0.055, i.e. ±5.5 percentage points.
    """
    if type(n) is float and n.is_integer():
        n = int(n)
    k = integer("n", n, low=1, hint="n is the number of responses, a whole number of at least 1.")
    z = z_value(confidence)
    p = _proportion(proportion)
    big_n = _population(population)
    e = z * math.sqrt(p * (1 - p) / k)
    if big_n is not None:
        if k > big_n:
            raise InputError(
                f"n ({k}) cannot be larger than the population ({big_n}): you cannot survey more people than there are."
            )
        e *= math.sqrt((big_n - k) / (big_n - 1)) if big_n > 1 else 0.0
    return e
