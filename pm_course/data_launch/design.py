"""Experiment design done right (module 06): the unit of randomisation, many metrics, variance reduction,
rules of thumb for sample size, looking early with a group sequential design, and ratio metrics.

Sources (Kohavi, Tang and Xu, *Trustworthy Online Controlled Experiments*, Cambridge University Press,
2020, unless noted), and the variants taught here:

- Cluster randomisation: when users affect each other, randomise whole clusters (cafés). With clusters of
  ``m`` users and an intra-cluster correlation ``icc``, the design effect is DEFF = 1 + (m - 1) icc
  (Kish, *Survey Sampling*, 1965), and n users carry the information of n / DEFF independent ones.
- Many metrics: Bonferroni (each p <= alpha / m); Holm's step-down (Holm 1979, "A simple sequentially
  rejective multiple test procedure", *Scandinavian Journal of Statistics* 6(2)): sort the p-values, reject
  the k-th smallest while p_(k) <= alpha / (m - k + 1), stop at the first that is not; both control the
  family-wise error rate. Benjamini and Hochberg's step-up (1995, *Journal of the Royal Statistical
  Society B* 57(1)): find the largest k with p_(k) <= k q / m and reject the k smallest; it controls the
  false discovery rate.
- CUPED (Deng, Xu, Kohavi and Walker, WSDM 2013): Y' = Y - theta (X - mean X), theta = cov(X, Y) / var(X),
  X measured before the test; var(Y') = var(Y) (1 - rho^2), so an interval shrinks by sqrt(1 - rho^2).
- Lehr's rule (van Belle, *Statistical Rules of Thumb*, 2nd ed., 2008): n per arm is about 16 sigma^2 /
  delta^2 at alpha 0.05 (two-sided) and power 0.8; 16 rounds up 2 (1.96 + 0.84)^2 = 15.7.
- Group sequential tests with O'Brien-Fleming boundaries (O'Brien and Fleming 1979, *Biometrics* 35(3)):
  with K equally spaced looks, stop at look k when |z_k| >= C sqrt(K / k), C chosen so that the chance of
  ever stopping when nothing changed is alpha. C is computed here by numerical integration of the
  cumulative sums (Armitage, McPherson and Rowe 1969); for alpha 0.05 it is 1.977, 2.004, 2.024 and 2.040
  for 2 to 5 looks.
- Alpha spending (Lan and DeMets 1983, "Discrete sequential boundaries for clinical trials", *Biometrika*
  70(3)): the looks need not be planned or equally spaced; each look spends part of alpha by a spending
  function of the information fraction t (the share of the planned users read so far). The
  O'Brien-Fleming-type function taught here, applied to each side of a two-sided test with a = alpha / 2 per
  side as rpact and gsDesign do, spends a(t) = 2 - 2 Phi(z_(1-a/2) / sqrt(t)) on each side by fraction t (both
  sides together twice that, alpha at t = 1); the boundary at look k is the |z| whose crossing, not having
  crossed before, has the chance spent(t_k) - spent(t_(k-1)),
  computed by numerical integration (Armitage, McPherson and Rowe 1969; Jennison and Turnbull, *Group
  Sequential Methods with Applications to Clinical Trials*, 2000, ch. 19). For 5 equal looks at alpha 0.05:
  4.877, 3.357, 2.680, 2.290, 2.031. The variant not taught in depth: always-valid p-values from the mixture
  sequential probability ratio test (mSPRT; Johari, Koomen, Pekelis and Walsh 2017, "Peeking at A/B tests",
  KDD), which allow a look at any moment.
- Ratio metrics (e.g. swaps per shift, summed per café): the delta method (Deng, Knoblich and Lu, KDD 2018,
  "Applying the delta method in metric analytics"): for R = mean(N) / mean(D) over n clusters,
  var(R) ~ (var(N) - 2 R cov(N, D) + R^2 var(D)) / (n mean(D)^2).

The sequential simulation imports numpy when it runs; everything else uses the standard library and numpy
only inside ``obrien_fleming``.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from statistics import NormalDist
from typing import Any

from ..core.validate import InputError, InputTypeError, describe, fraction, integer, number

__all__ = [
    "design_effect", "effective_sample_size", "bonferroni", "holm", "benjamini_hochberg", "cuped_theta",
    "cuped_adjust", "cuped_interval", "lehr_sample_size", "obrien_fleming", "sequential_simulation",
    "delta_method_ratio", "obf_spending", "spending_boundaries", "sequential_readout",
]

_N = NormalDist()


# ---------------------------------------------------------------- the unit of randomisation


def design_effect(cluster_size: float, icc: float) -> float:
    """DEFF = 1 + (m - 1) icc for clusters of ``cluster_size`` users (m >= 1) and intra-cluster correlation ``icc``.

    >>> design_effect(9.5, 0.05)
    1.425
    """
    m = number("cluster_size", cluster_size, low=1, hint="A cluster (a café) holds at least one user.")
    rho = fraction("icc", icc, hint="The intra-cluster correlation is a fraction from 0 (users in a café are "
                                    "no more alike than strangers) to 1 (all alike).")
    return 1 + (m - 1) * rho


def effective_sample_size(n: int, cluster_size: float, icc: float) -> float:
    """The number of independent users that ``n`` users in clusters of ``cluster_size`` are worth: n / DEFF.

    >>> round(effective_sample_size(1000, 9.5, 0.05), 1)
    701.8
    """
    users = integer("n", n, low=1, hint="n is the number of users in the test.")
    return users / design_effect(cluster_size, icc)


# ---------------------------------------------------------------- many metrics


def _p_values(p_values: Any) -> list[float]:
    if type(p_values) not in (list, tuple) or not p_values:
        raise InputTypeError(f"p_values must be a non-empty list of p-values, e.g. [0.003, 0.04, 0.2]; "
                             f"got {describe(p_values)}.")
    return [fraction(f"p_values[{i}]", p, allow_zero=True, allow_one=True) for i, p in enumerate(p_values)]


def _order(ps: list[float]) -> list[int]:
    return sorted(range(len(ps)), key=lambda i: (ps[i], i))


def bonferroni(p_values: Sequence[float], alpha: float = 0.05) -> list[bool]:
    """Reject each hypothesis whose p <= alpha / m (m = the number of p-values); in the input order.

    >>> bonferroni([0.01, 0.02, 0.3], alpha=0.05)
    [True, False, False]
    """
    ps = _p_values(p_values)
    a = fraction("alpha", alpha, allow_zero=False, allow_one=False)
    return [p <= a / len(ps) for p in ps]


def holm(p_values: Sequence[float], alpha: float = 0.05) -> list[bool]:
    """Holm's step-down (1979): reject the k-th smallest p while p_(k) <= alpha / (m - k + 1); in the input order.

    >>> holm([0.01, 0.02, 0.3], alpha=0.05)
    [True, True, False]
    """
    ps = _p_values(p_values)
    a = fraction("alpha", alpha, allow_zero=False, allow_one=False)
    m = len(ps)
    out = [False] * m
    for k, i in enumerate(_order(ps), start=1):
        if ps[i] > a / (m - k + 1):
            break
        out[i] = True
    return out


def benjamini_hochberg(p_values: Sequence[float], q: float = 0.05) -> list[bool]:
    """Benjamini and Hochberg's step-up (1995): reject the k smallest p-values for the largest k with
    p_(k) <= k q / m (false discovery rate q); in the input order.

    >>> benjamini_hochberg([0.01, 0.02, 0.3], q=0.05)
    [True, True, False]
    """
    ps = _p_values(p_values)
    rate = fraction("q", q, allow_zero=False, allow_one=False)
    m = len(ps)
    order = _order(ps)
    last = max((k for k, i in enumerate(order, start=1) if ps[i] <= k * rate / m), default=0)
    out = [False] * m
    for i in order[:last]:
        out[i] = True
    return out


# ---------------------------------------------------------------- CUPED and Lehr's rule


def _paired(y: Any, x: Any) -> tuple[list[float], list[float]]:
    for name, v in (("y", y), ("x", x)):
        if type(v) not in (list, tuple) or len(v) < 2:
            raise InputTypeError(f"{name} must be a list of at least two numbers, one per user; got {describe(v)}.")
    if len(y) != len(x):
        raise InputError(f"y and x must hold one number per user each; got {len(y)} values of y and {len(x)} of x.")
    ys = [number(f"y[{i}]", v) for i, v in enumerate(y)]
    xs = [number(f"x[{i}]", v) for i, v in enumerate(x)]
    return ys, xs


def cuped_theta(y: Sequence[float], x: Sequence[float]) -> float:
    """theta = cov(X, Y) / var(X), with X the pre-experiment covariate (0.0 when X does not vary).

    >>> cuped_theta([2, 4, 6], [1, 2, 3])
    2.0
    """
    ys, xs = _paired(y, x)
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    var_x = sum((v - mx) ** 2 for v in xs)
    cov = sum((a - mx) * (b - my) for a, b in zip(xs, ys))
    return cov / var_x if var_x > 0 else 0.0


def cuped_adjust(y: Sequence[float], x: Sequence[float]) -> list[float]:
    """Y' = Y - theta (X - mean X): the same mean as Y, less variance when X predicts Y (Deng et al. 2013).

    >>> cuped_adjust([2, 4, 6], [1, 2, 3])
    [4.0, 4.0, 4.0]
    """
    ys, xs = _paired(y, x)
    theta = cuped_theta(ys, xs)
    mx = sum(xs) / len(xs)
    return [b - theta * (a - mx) for a, b in zip(xs, ys)]


def cuped_interval(difference: float, half_width: float, rho: float) -> dict:
    """The interval ``difference`` +/- ``half_width`` after CUPED with pre-period correlation ``rho``.

    The half-width shrinks by sqrt(1 - rho^2); the same precision without CUPED would need 1 / (1 - rho^2)
    times the users. Returns ``{"rho", "variance_factor", "half_width", "ci_low", "ci_high", "users_factor"}``.

    >>> r = cuped_interval(0.021, 0.014, 0.6)
    >>> round(r["half_width"], 4), r["variance_factor"]
    (0.0112, 0.64)
    """
    d = number("difference", difference)
    h = number("half_width", half_width, low=0, low_open=True, hint="The half-width of an interval is positive.")
    r = number("rho", rho, low=-1, high=1, low_open=True, high_open=True,
               hint="A correlation lies strictly between -1 and 1; CUPED needs |rho| < 1.")
    factor = 1 - r * r
    shrunk = h * math.sqrt(factor)
    return {"rho": r, "variance_factor": factor, "half_width": shrunk, "ci_low": d - shrunk,
            "ci_high": d + shrunk, "users_factor": factor}


def lehr_sample_size(sigma: float, delta: float) -> int:
    """Lehr's rule: n per arm ~ 16 sigma^2 / delta^2 (alpha 0.05 two-sided, power 0.8), rounded up.

    For a conversion rate p, sigma^2 = p (1 - p).

    >>> lehr_sample_size(math.sqrt(0.1 * 0.9), 0.02)
    3600
    """
    s = number("sigma", sigma, low=0, low_open=True, hint="sigma is the metric's standard deviation, positive.")
    dl = number("delta", delta, low=0, low_open=True,
                hint="delta is the smallest difference worth detecting, in the metric's units, positive.")
    return math.ceil(round(16 * s * s / (dl * dl), 9))


# ---------------------------------------------------------------- looking early, done right


def _crossing_probability(bound: float, looks: int, cells: int = 400) -> float:
    """P(max over k <= looks of |S_k| >= bound), S_k a sum of k independent standard normals."""
    import numpy as np

    h = 2 * bound / cells
    grid = -bound + h * (np.arange(cells) + 0.5)            # midpoints of the continuation region
    density = np.exp(-grid ** 2 / 2) / math.sqrt(2 * math.pi)
    kernel = np.exp(-(grid[:, None] - grid[None, :]) ** 2 / 2) / math.sqrt(2 * math.pi) * h
    for _ in range(looks - 1):
        density = kernel @ density
    return float(1 - density.sum() * h)


@functools.lru_cache(maxsize=64)
def _obf_constant(looks: int, alpha: float) -> float:
    low, high = _N.inv_cdf(1 - alpha / 2), _N.inv_cdf(1 - alpha / (2 * looks)) + 0.5
    for _ in range(40):                                      # bisection on C: the crossing chance falls as C grows
        mid = (low + high) / 2
        if _crossing_probability(mid * math.sqrt(looks), looks) > alpha:
            low = mid
        else:
            high = mid
    return (low + high) / 2


def obrien_fleming(looks: int, alpha: float = 0.05) -> list[float]:
    """O'Brien-Fleming boundaries (two-sided) for ``looks`` equally spaced looks: |z| at look k to stop.

    The boundary at look k is C sqrt(K / k); with one look it is the fixed test's z_(1 - alpha/2).

    >>> [round(b, 3) for b in obrien_fleming(5)]
    [4.562, 3.226, 2.634, 2.281, 2.04]
    """
    k_looks = integer("looks", looks, low=1, high=20, hint="A test has from 1 to 20 planned looks.")
    a = fraction("alpha", alpha, allow_zero=False, allow_one=False)
    if k_looks == 1:
        return [_N.inv_cdf(1 - a / 2)]
    c = _obf_constant(k_looks, a)
    return [c * math.sqrt(k_looks / k) for k in range(1, k_looks + 1)]


def sequential_simulation(tests: int = 2000, looks: int = 5, users_per_look: int = 800, baseline: float = 0.12,
                          alpha: float = 0.05, seed: int = 6) -> dict:
    """A/A tests (no real difference) read at ``looks`` equally spaced looks, three ways.

    Returns the share of tests declared significant ``{"fixed_horizon": once at the end, "naive": at any look
    with |z| >= z_(1-alpha/2), "obrien_fleming": at any look past its O'Brien-Fleming boundary, "spending": at
    any look past its O'Brien-Fleming-type spending boundary, "by_look": {"naive", "obrien_fleming",
    "spending"}: the share stopped by each look, "boundaries", "spending_boundaries", "looks", "tests",
    "alpha"}``. Seeded (numpy's default generator).
    """
    import numpy as np

    t = integer("tests", tests, low=1, high=20_000)
    k = integer("looks", looks, low=1, high=20)
    u = integer("users_per_look", users_per_look, low=1, high=100_000)
    p = fraction("baseline", baseline, allow_zero=False, allow_one=False)
    a = fraction("alpha", alpha, allow_zero=False, allow_one=False)
    s = integer("seed", seed, low=0)
    rng = np.random.default_rng(s)
    conv = rng.binomial(u, p, size=(2, t, k)).cumsum(axis=2)
    n = u * np.arange(1, k + 1)
    p1, p2 = conv[0] / n, conv[1] / n
    pooled = (p1 + p2) / 2
    se = np.sqrt(pooled * (1 - pooled) * 2 / n)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.abs(np.where(se > 0, (p1 - p2) / se, 0.0))
    bounds = obrien_fleming(k, a)
    spend = spending_boundaries([j / k for j in range(1, k + 1)], a)
    crossed = {
        "naive": z >= _N.inv_cdf(1 - a / 2),
        "obrien_fleming": z >= np.array(bounds),
        "spending": z >= np.array(spend),
    }
    by_look = {name: [float(v) for v in np.logical_or.accumulate(c, axis=1).mean(axis=0)]
               for name, c in crossed.items()}
    return {
        "fixed_horizon": float((z[:, -1] >= _N.inv_cdf(1 - a / 2)).mean()),
        "naive": by_look["naive"][-1],
        "obrien_fleming": by_look["obrien_fleming"][-1],
        "spending": by_look["spending"][-1],
        "by_look": by_look,
        "boundaries": bounds, "spending_boundaries": spend, "looks": k, "tests": t, "alpha": a,
    }


def obf_spending(fraction_read: float, alpha: float = 0.05) -> float:
    """The O'Brien-Fleming-type spending function (Lan and DeMets 1983) of a two-sided test at ``alpha``: the
    alpha spent, both sides together, by the look at information fraction t.

    Each side has a = alpha / 2 to spend and spends a(t) = 2 - 2 Phi(z_(1-a/2) / sqrt(t)) of it (the
    convention of rpact and gsDesign); the two sides spend twice that, and all of alpha at t = 1.

    >>> round(obf_spending(0.5), 4), round(obf_spending(1.0), 4)
    (0.0031, 0.05)
    """
    t = number("fraction_read", fraction_read, low=0, high=1, low_open=True,
               hint="The information fraction is the share of the planned users read so far, above 0 and at most 1.")
    side = fraction("alpha", alpha, allow_zero=False, allow_one=False) / 2
    return 2 * math.erfc(_N.inv_cdf(1 - side / 2) / math.sqrt(2 * t))     # 2 - 2 Phi(x) = erfc(x / sqrt 2), exact in the tail


def _fractions(fractions: Any) -> list[float]:
    if type(fractions) not in (list, tuple) or not fractions:
        raise InputTypeError("fractions must be a non-empty list of information fractions, one per look, rising "
                             f"to 1, e.g. [0.33, 0.67, 1.0]; got {describe(fractions)}.")
    ts = [number(f"fractions[{i}]", t, low=0, high=1, low_open=True,
                 hint="An information fraction is the share of the planned users read at that look, above 0 and "
                      "at most 1.") for i, t in enumerate(fractions)]
    if len(ts) > 20:
        raise InputError(f"a test has at most 20 planned looks; got {len(ts)}.")
    for i in range(1, len(ts)):
        if ts[i] <= ts[i - 1]:
            raise InputError(f"the information fractions must rise from look to look (each look reads more users); "
                             f"got {ts[i - 1]:g} then {ts[i]:g} at looks {i} and {i + 1}.")
    return ts


@functools.lru_cache(maxsize=64)
def _spending_bounds(ts: tuple[float, ...], alpha: float, cells: int = 600) -> tuple[float, ...]:
    """Boundaries on the z scale, found look by look on the Brownian scale W(t) = Z sqrt(t)."""
    import numpy as np

    erfc = np.frompyfunc(math.erfc, 1, 1)

    def upper_tail(x):                                       # 1 - Phi(x), vectorised, accurate far out
        return (0.5 * erfc(np.asarray(x) / math.sqrt(2))).astype(float)

    spent = [obf_spending(t, alpha) for t in ts]
    low, high = 0.0, 40.0
    for _ in range(80):                                      # the |z| with two-sided tail spent[0], even when tiny
        mid = (low + high) / 2
        low, high = (mid, high) if math.erfc(mid / math.sqrt(2)) > spent[0] else (low, mid)
    bounds = [(low + high) / 2]
    c = bounds[0] * math.sqrt(ts[0])
    h = 2 * c / cells
    grid = -c + h * (np.arange(cells) + 0.5)
    mass = np.exp(-grid ** 2 / (2 * ts[0])) / math.sqrt(2 * math.pi * ts[0]) * h   # P(W(t1) in each cell, no stop)
    for k in range(1, len(ts)):
        sd = math.sqrt(ts[k] - ts[k - 1])
        target = spent[k] - spent[k - 1]

        def crossing(bound_w: float, mass=mass, grid=grid, sd=sd) -> float:
            return float((mass * (upper_tail((bound_w - grid) / sd) + upper_tail((bound_w + grid) / sd))).sum())

        low, high = 0.0, 12.0 * math.sqrt(ts[k])
        if target <= 0:
            bound_w = high
        else:
            for _ in range(60):                              # bisection: the crossing chance falls as the bound rises
                mid = (low + high) / 2
                low, high = (mid, high) if crossing(mid) > target else (low, mid)
            bound_w = (low + high) / 2
        bounds.append(bound_w / math.sqrt(ts[k]))
        h_new = 2 * bound_w / cells
        new_grid = -bound_w + h_new * (np.arange(cells) + 0.5)
        kernel = np.exp(-(new_grid[:, None] - grid[None, :]) ** 2 / (2 * sd * sd)) / (sd * math.sqrt(2 * math.pi))
        mass, grid = kernel @ mass * h_new, new_grid
    return tuple(float(b) for b in bounds)


def spending_boundaries(fractions: Sequence[float], alpha: float = 0.05) -> list[float]:
    """Two-sided group sequential boundaries (|z| to stop at each look) from the O'Brien-Fleming-type alpha
    spending function (:func:`obf_spending`), for looks at the information ``fractions`` (rising, the last usually 1.0).

    Unlike :func:`obrien_fleming`, the looks need not be equally spaced or all planned in advance; only the
    spending function is. The first boundary is the |z| with two-sided tail obf_spending(t_1), exactly.

    >>> [round(b, 2) for b in spending_boundaries([0.2, 0.4, 0.6, 0.8, 1.0])]
    [4.88, 3.36, 2.68, 2.29, 2.03]
    >>> [round(b, 2) for b in spending_boundaries([1 / 3, 2 / 3, 1.0])]
    [3.71, 2.51, 1.99]
    """
    ts = _fractions(fractions)
    a = fraction("alpha", alpha, allow_zero=False, allow_one=False)
    return list(_spending_bounds(tuple(ts), a))


def sequential_readout(experiment: Any, enrolled_by_days: Sequence[int], window_days: int = 14,
                       alpha: float | None = None) -> dict:
    """An experiment read at planned looks with O'Brien-Fleming-type alpha spending.

    Look k reads the staff enrolled by day ``enrolled_by_days[k]``, on the day their outcome window closes
    (``window_days`` later); its information fraction is the staff read over the staff enrolled by the last
    look's day. Returns ``{"looks": [{"look", "enrolled_by_day", "read_on_day", "staff", "fraction", "z",
    "p_value", "alpha_spent", "boundary", "crosses", "crosses_naive"}, ...], "stops_at": the first look whose
    |z| reaches its boundary (None if none), "naive_stops_at": the same at 1.96, "alpha"}``.
    """
    from .experiments import daily_cumulative, z_test

    cum = daily_cumulative(experiment)
    last_day = cum[-1]["day"] if cum else 0
    if type(enrolled_by_days) not in (list, tuple) or not enrolled_by_days:
        raise InputTypeError(f"enrolled_by_days must be a list of days, one per look, e.g. [7, 14, 21]; got "
                             f"{describe(enrolled_by_days)}.")
    days = [integer(f"enrolled_by_days[{i}]", d, low=1, high=last_day,
                    hint=f"The experiment enrolled staff on days 1 to {last_day}.")
            for i, d in enumerate(enrolled_by_days)]
    for i in range(1, len(days)):
        if days[i] <= days[i - 1]:
            raise InputError(f"enrolled_by_days must rise from look to look (each look reads the staff enrolled by a "
                             f"later day); got day {days[i - 1]} then day {days[i]}.")
    window = integer("window_days", window_days, low=0, high=365)
    a = fraction("alpha", experiment.get("alpha", 0.05) if alpha is None else alpha,
                 allow_zero=False, allow_one=False)
    by_day = {c["day"]: c["totals"] for c in cum}
    staff = [sum(by_day[d][arm]["assigned"] for arm in ("control", "treatment")) for d in days]
    ts = _fractions([n / staff[-1] for n in staff])
    bounds = spending_boundaries(ts, a)
    naive = _N.inv_cdf(1 - a / 2)
    looks = []
    for k, (d, n, t, b) in enumerate(zip(days, staff, ts, bounds), start=1):
        tot = by_day[d]
        r = z_test(tot["treatment"]["converted"], tot["treatment"]["assigned"], tot["control"]["converted"],
                   tot["control"]["assigned"], alpha=a)
        looks.append({"look": k, "enrolled_by_day": d, "read_on_day": d + window, "staff": n, "fraction": t,
                      "z": r["z"], "p_value": r["p_value"], "alpha_spent": obf_spending(t, a), "boundary": b,
                      "crosses": abs(r["z"]) >= b, "crosses_naive": abs(r["z"]) >= naive})
    first = next((row["look"] for row in looks if row["crosses"]), None)
    naive_first = next((row["look"] for row in looks if row["crosses_naive"]), None)
    return {"looks": looks, "stops_at": first, "naive_stops_at": naive_first, "alpha": a}


# ---------------------------------------------------------------- ratio metrics


def delta_method_ratio(numerators: Sequence[float], denominators: Sequence[float]) -> dict:
    """A ratio metric over clusters, R = sum(N) / sum(D), and its standard error by the delta method.

    ``numerators`` and ``denominators`` hold one value per randomised unit (e.g. per café: swaps, shifts).
    Returns ``{"ratio", "se", "clusters"}``; sample variances with n - 1.

    >>> r = delta_method_ratio([1, 2, 3], [10, 10, 10])
    >>> round(r["ratio"], 3), round(r["se"], 4)
    (0.2, 0.0577)
    """
    nums, dens = _paired(numerators, denominators)
    if any(d <= 0 for d in dens):
        raise InputError("denominators must be positive (e.g. shifts per café); got "
                         f"{min(dens):g} among them.")
    n = len(nums)
    mn, md = sum(nums) / n, sum(dens) / n
    ratio = mn / md
    var_n = sum((v - mn) ** 2 for v in nums) / (n - 1)
    var_d = sum((v - md) ** 2 for v in dens) / (n - 1)
    cov = sum((a - mn) * (b - md) for a, b in zip(nums, dens)) / (n - 1)
    var_r = max(0.0, var_n - 2 * ratio * cov + ratio * ratio * var_d) / (n * md * md)
    return {"ratio": ratio, "se": math.sqrt(var_r), "clusters": n}
