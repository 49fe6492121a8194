"""Market sizing: TAM, SAM and SOM, top-down and bottom-up, with the units kept straight.

Pure Python; no ipywidgets, no matplotlib.

Sources
-------
- TAM (total addressable market), SAM (serviceable available market) and SOM
  (serviceable obtainable market), nested SOM <= SAM <= TAM: Blank, S. and
  Dorf, B. (2012), *The Startup Owner's Manual*, K&S Ranch (market size in the
  customer-segments hypothesis, which uses TAM, SAM and a target market).
- Top-down: a published total narrowed by shares (filters). Bottom-up:
  number of accounts you could serve x annual contract value per account.
  Each figure carries its unit (sites, accounts, USD per year); a funnel in
  one unit must not be multiplied by a price in another.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from ..core.validate import InputError, InputTypeError, describe, fraction, number, text

__all__ = ["market_funnel", "nested_funnel", "bottom_up", "funnel_in"]


def _shares(name: str, value: Any) -> list[float]:
    if isinstance(value, (list, tuple)):
        if not value:
            raise InputError(f"{name} is empty: give one share, or a list of shares applied one after another.")
        return [fraction(f"{name}[{i}]", v) for i, v in enumerate(value)]
    return [fraction(name, value)]


def nested_funnel(tam: float, sam: float, som: float, unit: str = "") -> dict[str, Any]:
    """Check three market figures (in the same unit) and return them as a funnel dict.

    Refuses negative figures and any set where SOM <= SAM <= TAM fails: the
    serviceable market is part of the total, and what you can obtain is part
    of what you can serve. Use it for bottom-up figures, which are not
    computed as shares of each other.
    """
    t = number("tam", tam, low=0)
    a = number("sam", sam, low=0)
    o = number("som", som, low=0)
    u = text("unit", unit, empty_ok=True, max_len=60)
    if a > t + 1e-9 * max(t, 1.0):
        raise InputError(f"SAM ({a:,.6g}) is larger than TAM ({t:,.6g}): the serviceable market is part of the total. "
                         "Check the two are in the same unit.")
    if o > a + 1e-9 * max(a, 1.0):  # relative to SAM: a tolerance scaled by TAM would let SOM exceed a small SAM
        raise InputError(f"SOM ({o:,.6g}) is larger than SAM ({a:,.6g}): you can only obtain part of what you can serve. "
                         "Check the two are in the same unit.")
    return {"tam": t, "sam": a, "som": o, "unit": u}


def market_funnel(
    total: float,
    serviceable_share: float | Iterable[float],
    obtainable_share: float,
    unit: str = "",
) -> dict[str, Any]:
    """Top-down TAM, SAM and SOM from a total and two shares (Blank and Dorf 2012).

    TAM = total; SAM = TAM x serviceable share (or the product of several
    shares, e.g. ``[0.55, 0.62]`` for "independent" then "five or more
    staff"); SOM = SAM x obtainable share. Shares are fractions from 0 to 1
    (0.55, not 55). The result is a plain dict ``{'tam', 'sam', 'som', 'unit'}``
    in the unit of ``total``: say what it is ("sites", "USD per year").
    """
    t = number("total", total, low=0, hint="the total is a count (sites, people) or money per year, never negative.")
    shares = _shares("serviceable_share", serviceable_share)
    o = fraction("obtainable_share", obtainable_share)
    sam = t * math.prod(shares)
    return nested_funnel(t, sam, sam * o, unit)


def bottom_up(accounts: float, annual_value_per_account: float) -> float:
    """Bottom-up market size: accounts you could serve x annual contract value per account (money per year).

    Keep the units straight: if the price is per *site*, multiply sites (not
    accounts) by it, or first turn it into a value per account
    (sites per account x price per site).
    """
    a = number("accounts", accounts, low=0)
    v = number("annual_value_per_account", annual_value_per_account, low=0)
    return a * v


def funnel_in(funnel: dict[str, Any], value_per_unit: float, unit: str) -> dict[str, Any]:
    """The same funnel in another unit, e.g. sites -> USD per year with the annual price per site."""
    if type(funnel) is not dict or not {"tam", "sam", "som"} <= set(funnel):
        raise InputTypeError(f"funnel must be a dict from market_funnel (with 'tam', 'sam', 'som'); got {describe(funnel)}.")
    k = number("value_per_unit", value_per_unit, low=0)
    return nested_funnel(funnel["tam"] * k, funnel["sam"] * k, funnel["som"] * k, unit)
