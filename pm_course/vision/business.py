"""The business case: unit economics and the expected value of a feature bet (module 03; the capstone reuses it).

Plain, typed Python (no ipywidgets, no matplotlib). Every function takes its
inputs explicitly, so the same arithmetic serves the lesson, the widget, the
exercise and the capstone; :func:`plan_economics` and :func:`bet_outcomes`
read Shiftbrew's numbers from the case data.

Formulas, as in David Skok, "SaaS Metrics 2.0 - A Guide to Measuring and
Improving what Matters" (For Entrepreneurs blog):

* contribution margin per unit = price - variable costs (:func:`contribution_margin`);
* CAC = sales and marketing spend / new customers won in the same period (:func:`cac`);
* LTV = revenue per unit per month x gross margin / monthly churn (:func:`ltv`), the
  steady-state form that assumes a constant churn rate and no discounting;
* CAC payback (months) = CAC / (monthly revenue per unit x gross margin) (:func:`payback_months`);
* LTV:CAC of about 3 or more is a practitioner benchmark (Skok), not a law.

A feature bet's expected value is the sum of probability x value over its
outcomes (:func:`expected_value`), weighed against its cost; the spread of
the outcomes (:func:`bet_summary`) is what the expected value hides (Douglas
Hubbard, *How to Measure Anything*, 3rd ed. 2014, on deciding under
uncertainty with probabilities).

The unit here is one paying site, since Shiftbrew prices per site; the same
formulas work per account.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from ..core.validate import InputError, fraction, integer, number, records, text

__all__ = [
    "contribution_margin", "margin_rate", "cac", "ltv", "ltv_to_cac", "payback_months",
    "plan_economics", "blended_vs_segment_ltv", "churn_cut_value", "expected_value", "bet_outcomes",
    "bet_summary",
]

_PLANS = ("Solo", "Group")


def contribution_margin(price: float, variable_costs: float) -> float:
    """Price less the variable costs of one unit, per month (the money a unit adds towards fixed costs).

    >>> contribution_margin(39, 8)
    31.0
    """
    p = number("price", price, low=0, low_open=True, hint="the price per unit per month, e.g. 39")
    c = number("variable_costs", variable_costs, low=0, hint="the variable cost per unit per month, e.g. 8")
    if c > p:
        raise InputError(f"variable_costs ({c:g}) are more than the price ({p:g}): each unit would lose money; "
                         "check that both are per unit per month.")
    return p - c


def margin_rate(price: float, variable_costs: float) -> float:
    """The gross margin as a fraction of the price: contribution margin / price.

    >>> round(margin_rate(39, 8), 3)
    0.795
    """
    return contribution_margin(price, variable_costs) / float(price)


def cac(spend: float, new_customers: int) -> float:
    """Customer acquisition cost: all sales and marketing spend of a period / the customers won in it.

    Count all of it: ads, and the people and tools of sales and marketing (Skok).

    >>> cac(96_000, 320)
    300.0
    """
    s = number("spend", spend, low=0, hint="the sales and marketing spend of the period, in dollars")
    n = integer("new_customers", new_customers, low=1, hint="the customers (here: sites) won in the same period")
    return s / n


def _churn(churn: Any) -> float:
    return fraction("monthly_churn", churn, allow_zero=False, allow_one=True,
                    hint="the share of units lost each month, e.g. 0.031 for 3.1 %")


def ltv(revenue_per_month: float, gross_margin: float, monthly_churn: float) -> float:
    """Lifetime value of one unit: monthly revenue x gross margin / monthly churn (Skok's steady-state form).

    1 / churn is the expected lifetime in months, so this is the margin a unit
    earns over its expected life, undiscounted.

    >>> round(ltv(39, 31 / 39, 0.037), 2)
    837.84
    """
    r = number("revenue_per_month", revenue_per_month, low=0, low_open=True,
               hint="the revenue per unit per month, e.g. 39")
    m = fraction("gross_margin", gross_margin, allow_zero=False, hint="the margin as a share of revenue, e.g. 0.8")
    return r * m / _churn(monthly_churn)


def ltv_to_cac(ltv_value: float, cac_value: float) -> float:
    """LTV / CAC: how many times a unit pays back what it cost to win (about 3 or more: Skok's benchmark).

    >>> round(ltv_to_cac(837.84, 300), 2)
    2.79
    """
    lv = number("ltv_value", ltv_value, low=0, hint="the lifetime value in dollars")
    c = number("cac_value", cac_value, low=0, low_open=True, hint="the acquisition cost in dollars, above 0")
    return lv / c


def payback_months(cac_value: float, revenue_per_month: float, gross_margin: float) -> float:
    """Months of margin needed to earn back the CAC: CAC / (monthly revenue x gross margin) (Skok).

    >>> round(payback_months(300, 39, 31 / 39), 1)
    9.7
    """
    c = number("cac_value", cac_value, low=0, hint="the acquisition cost in dollars")
    r = number("revenue_per_month", revenue_per_month, low=0, low_open=True,
               hint="the revenue per unit per month, e.g. 39")
    m = fraction("gross_margin", gross_margin, allow_zero=False, hint="the margin as a share of revenue, e.g. 0.8")
    return c / (r * m)


def _company(company: Any) -> Mapping[str, Any]:
    if not isinstance(company, Mapping) or "unit_economics" not in company or "pricing" not in company:
        raise InputError("company should be the case's company data (pm_course.data.load('company')), with "
                         f"'pricing' and 'unit_economics'; got {type(company).__name__}.")
    return company


def _plan(plan: Any) -> str:
    if text("plan", plan) not in _PLANS:
        raise InputError(f"plan should be one of {', '.join(_PLANS)}; got {plan!r}.")
    return str(plan)


def plan_economics(company: Mapping[str, Any], plan: str, *, costs: str = "all") -> dict[str, float]:
    """One plan's unit economics per site, from the case data: price, variable cost, margin, churn, CAC, LTV, payback.

    ``costs="ads"`` counts only the ad spend in CAC: the pitfall of a CAC without all its costs.
    """
    ue = _company(company)["unit_economics"]
    plan = _plan(plan)
    if costs not in ("all", "ads"):
        raise InputError(f"costs should be 'all' or 'ads'; got {costs!r}.")
    price = float(company["pricing"]["plans"][plan])
    variable = math.fsum(ue["variable_cost_per_site_month_usd"][plan].values())
    acq = ue["acquisition_last_26_weeks"][plan]
    spend = acq["ads_usd"] + (acq["people_and_tools_usd"] if costs == "all" else 0)
    churn = float(ue["monthly_site_churn_by_plan"][plan])
    m = margin_rate(price, variable)
    c = cac(spend, acq["new_sites"])
    life = ltv(price, m, churn)
    return {"price": price, "variable_cost": variable, "contribution_margin": price - variable,
            "margin_rate": m, "monthly_churn": churn, "cac": c, "ltv": life,
            "ltv_to_cac": ltv_to_cac(life, c), "payback_months": payback_months(c, price, m)}


def blended_vs_segment_ltv(company: Mapping[str, Any]) -> dict[str, float]:
    """LTV from the blended averages (mean margin / mean churn) against the site-weighted mean of each plan's LTV.

    They differ because LTV divides by churn: an average of ratios is not a
    ratio of averages (the 'averages over segments' pitfall).
    """
    company = _company(company)
    sites = company["today"]["sites_by_plan"]
    total = sum(sites[p] for p in _PLANS)
    plans = {p: plan_economics(company, p) for p in _PLANS}
    margin = math.fsum(sites[p] * plans[p]["contribution_margin"] for p in _PLANS) / total
    churn = math.fsum(sites[p] * plans[p]["monthly_churn"] for p in _PLANS) / total
    return {"blended_margin_per_month": margin, "blended_churn": churn, "ltv_from_averages": margin / churn,
            "ltv_weighted_by_plan": math.fsum(sites[p] * plans[p]["ltv"] for p in _PLANS) / total}


def churn_cut_value(sites: int, churn_before: float, churn_after: float, margin_per_month: float,
                    months: int = 24) -> float:
    """The extra margin earned over ``months`` by today's sites if monthly churn falls from before to after.

    A closed group of sites (no new sign-ups): each month t, (1 - churn)^t of
    them are still paying; the value is the difference in site-months kept,
    times the margin per site-month, summed over the horizon. Undiscounted.

    >>> churn_cut_value(100, 0.05, 0.05, 30)
    0.0
    """
    n = integer("sites", sites, low=0, hint="the number of sites the change reaches")
    before = _churn(churn_before)
    after = fraction("churn_after", churn_after, allow_zero=True, hint="the monthly churn after the change")
    if after > before:
        raise InputError(f"churn_after ({after:g}) is above churn_before ({before:g}): a cut lowers churn.")
    m = number("margin_per_month", margin_per_month, low=0, hint="the margin per site per month, in dollars")
    h = integer("months", months, low=1, high=240, hint="the horizon in months, e.g. 24")
    return math.fsum(n * ((1 - after) ** t - (1 - before) ** t) * m for t in range(1, h + 1))


def _outcomes(outcomes: Any) -> list[tuple[float, float]]:
    rows = records("outcomes", outcomes, keys=("probability", "value"), what="outcome",
                   example="[{'probability': 0.3, 'value': 90000}, {'probability': 0.7, 'value': 0}]")
    out = [(fraction(f"outcomes[{i}]['probability']", r["probability"]),
            number(f"outcomes[{i}]['value']", r["value"])) for i, r in enumerate(rows)]
    total = math.fsum(p for p, _ in out)
    if abs(total - 1) > 1e-9:
        raise InputError(f"the outcomes' probabilities should add up to 1 (one of them happens); they add up to "
                         f"{total:g}.")
    return out


def expected_value(outcomes: Sequence[Mapping[str, float]]) -> float:
    """The sum of probability x value over the outcomes (which must be all that can happen: probabilities add to 1).

    >>> expected_value([{"probability": 0.3, "value": 100.0}, {"probability": 0.7, "value": 0.0}])
    30.0
    """
    return math.fsum(p * v for p, v in _outcomes(outcomes))


def bet_outcomes(company: Mapping[str, Any], item_id: str) -> list[dict[str, Any]]:
    """A feature bet of the case data as outcomes with a dollar value each: the margin its churn cut keeps.

    Each outcome cuts the monthly churn of the plans the bet reaches by some
    percentage points; its value is :func:`churn_cut_value` summed over those
    plans, over the case's horizon.
    """
    ue = _company(company)["unit_economics"]
    bets = ue["feature_bets"]
    item_id = text("item_id", item_id).strip()
    if item_id not in bets:
        raise InputError(f"item_id should be one of the case's feature bets ({', '.join(bets)}); got {item_id!r}.")
    bet = bets[item_id]
    sites = company["today"]["sites_by_plan"]
    out = []
    for o in bet["outcomes"]:
        value = 0.0
        for p in bet["plans"]:
            e = plan_economics(company, p)
            after = max(0.0, e["monthly_churn"] - o["churn_cut_points"] / 100)
            value += churn_cut_value(sites[p], e["monthly_churn"], after, e["contribution_margin"],
                                     ue["horizon_months"])
        out.append({"adoption": o["adoption"], "probability": o["probability"],
                    "churn_cut_points": o["churn_cut_points"], "value": value})
    return out


def bet_summary(outcomes: Sequence[Mapping[str, float]], cost: float) -> dict[str, float]:
    """Expected value, net of cost, the spread (standard deviation) and the chance of earning less than the cost.

    >>> s = bet_summary([{"probability": 0.5, "value": 100.0}, {"probability": 0.5, "value": 0.0}], 40)
    >>> s["expected_value"], s["net"], s["sd"], s["chance_of_loss"]
    (50.0, 10.0, 50.0, 0.5)
    """
    rows = _outcomes(outcomes)
    c = number("cost", cost, low=0, hint="the cost of the bet in dollars")
    ev = math.fsum(p * v for p, v in rows)
    var = math.fsum(p * (v - ev) ** 2 for p, v in rows)
    return {"expected_value": ev, "cost": c, "net": ev - c, "sd": math.sqrt(var),
            "chance_of_loss": math.fsum(p for p, v in rows if v < c)}
