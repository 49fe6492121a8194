"""What motivates product managers: eight drivers set against the research, one profile and a team view.

The eight drivers are those of an opinion piece on what motivates product
managers (customer impact, innovation, collaboration, ownership, data-driven
decisions, career growth, market success, passion for the product). The list
is not the result of a study; this module ties each driver to the research
the course teaches:

- self-determination theory (Ryan, R. M. and Deci, E. L., "Self-determination
  theory and the facilitation of intrinsic motivation, social development, and
  well-being", American Psychologist 55(1), 68-78, 2000; on rewards, the
  meta-analysis of Deci, Koestner and Ryan, Psychological Bulletin 125(6), 1999):
  three basic needs, autonomy, competence and relatedness; intrinsic
  motivation thrives when they are met, and expected, controlling rewards can
  undermine it (cognitive evaluation theory);
- Daniel Pink, *Drive* (2009): autonomy, mastery and purpose, a popular
  synthesis of the same research;
- Frederick Herzberg's two-factor theory (Herzberg, Mausner and Snyderman,
  *The Motivation to Work*, 1959): motivators (achievement, recognition, the
  work itself, responsibility, advancement, growth) cause satisfaction;
  hygiene factors (company policy and administration, supervision, relations
  with peers, working conditions, salary, status, security) only prevent
  dissatisfaction.

The mapping of each driver to a need, an element and a factor is this
course's reading (a driver can feed more than one need); the profile
arithmetic (points by rank) is a teaching device, not a validated instrument.
"""

from __future__ import annotations

from typing import Any

from ..core.validate import InputError, InputTypeError, describe, text

__all__ = [
    "DRIVERS", "DRIVER_INFO", "SDT_NEEDS", "PINK_ELEMENTS", "HERZBERG_FACTORS", "HERZBERG_KINDS",
    "validate_ranking", "driver_points", "profile", "team_view", "where_to_act", "validate_fed", "driver_id",
]

DRIVERS = ("customer_impact", "innovation", "collaboration", "ownership", "data", "growth", "market_success",
           "passion")
SDT_NEEDS = ("autonomy", "competence", "relatedness")
PINK_ELEMENTS = ("autonomy", "mastery", "purpose")
HERZBERG_KINDS = ("motivator", "hygiene")
#: Herzberg (1959): the factors and which kind each is.
HERZBERG_FACTORS = {
    "achievement": "motivator", "recognition": "motivator", "the work itself": "motivator",
    "responsibility": "motivator", "advancement": "motivator", "growth": "motivator",
    "company policy and administration": "hygiene", "supervision": "hygiene", "relations with peers": "hygiene",
    "working conditions": "hygiene", "salary": "hygiene", "status": "hygiene", "security": "hygiene",
}

DRIVER_INFO: dict[str, dict[str, Any]] = {
    "customer_impact": {
        "name": "Customer impact", "sdt": "relatedness", "pink": "purpose", "herzberg": "the work itself",
        "kind": "intrinsic",
        "feeds": "regular time with customers; seeing a café owner use what the team built",
        "kills": "never meeting a customer; shipping to a roadmap nobody connects to a customer problem",
        "support": "protect time in the market, for the PM and the engineers and designer who come along",
    },
    "innovation": {
        "name": "Innovation", "sdt": "competence", "pink": "mastery", "herzberg": "the work itself",
        "kind": "intrinsic",
        "feeds": "hard, open problems and room to try ideas in discovery",
        "kills": "a backlog of specified features; punishing experiments that fail",
        "support": "give problems, not solutions, and treat a failed experiment as learning",
    },
    "collaboration": {
        "name": "Collaboration", "sdt": "relatedness", "pink": None, "herzberg": "relations with peers",
        "kind": "intrinsic",
        "feeds": "a product trio (PM, design, engineering) that works together from the start",
        "kills": "hand-offs by document; functions that meet only to negotiate",
        "support": "staff stable, cross-functional teams and bring engineers into discovery",
    },
    "ownership": {
        "name": "Ownership", "sdt": "autonomy", "pink": "autonomy", "herzberg": "responsibility",
        "kind": "intrinsic",
        "feeds": "an outcome to own and the freedom to choose how to reach it",
        "kills": "decisions overruled without reasons; accountability without any say",
        "support": "set the context (vision, strategy, objectives) and let the team decide how",
    },
    "data": {
        "name": "Data-driven decisions", "sdt": "competence", "pink": "mastery", "herzberg": "achievement",
        "kind": "intrinsic",
        "feeds": "metrics that give fast feedback on decisions; experiments",
        "kills": "data used to judge people rather than decisions; no access to analytics",
        "support": "make the numbers visible and use them as feedback, not as a weapon",
    },
    "growth": {
        "name": "Career growth", "sdt": "competence", "pink": "mastery", "herzberg": "growth",
        "kind": "mixed",
        "feeds": "new skills, stretch assignments, coaching and a visible path",
        "kills": "the same work for years; promotions that seem arbitrary",
        "support": "assess gaps, agree development goals, coach in one-to-ones",
    },
    "market_success": {
        "name": "Market success", "sdt": "competence", "pink": None, "herzberg": "achievement",
        "kind": "extrinsic",
        "feeds": "ambitious, shared goals and seeing adoption and revenue move",
        "kills": "goals that change every month; success credited to someone else",
        "support": "celebrate outcomes with the whole team; recognise without bribing",
    },
    "passion": {
        "name": "Passion for the product", "sdt": "autonomy", "pink": "purpose", "herzberg": "the work itself",
        "kind": "intrinsic",
        "feeds": "a product and a mission the person believes in",
        "kills": "cynicism about the product; being asked to sell what they would not use",
        "support": "tell the vision story often and be honest about the product's flaws",
    },
}

_NAMES = {DRIVER_INFO[d]["name"].lower(): d for d in DRIVERS}


def _driver(x: Any, where: str) -> str:
    if type(x) is not str:
        raise InputTypeError(f"{where}: a driver is text, one of {', '.join(DRIVERS)}; got {describe(x)}.")
    k = x.strip().lower().replace(" ", "_").replace("-", "_")
    if k in DRIVERS:
        return k
    if x.strip().lower() in _NAMES:
        return _NAMES[x.strip().lower()]
    raise InputError(f"{where}: {x!r} is not one of the eight drivers ({', '.join(DRIVERS)}).")


def validate_ranking(ranking: Any) -> list[str]:
    """The eight drivers in order, most motivating first; ids or names, any case. Returns the ids."""
    if type(ranking) not in (list, tuple):
        raise InputTypeError(
            f"a ranking is a list of the eight drivers, most motivating first, e.g. {list(DRIVERS)!r}; "
            f"got {describe(ranking)}."
        )
    ids = [_driver(x, f"ranking position {i + 1}") for i, x in enumerate(ranking)]
    repeated = sorted({d for d in ids if ids.count(d) > 1})
    if repeated:
        raise InputError(f"each driver appears once in a ranking; repeated: {', '.join(repeated)}.")
    missing = [d for d in DRIVERS if d not in ids]
    if missing:
        raise InputError(f"rank all eight drivers; missing: {', '.join(missing)} (got {len(ids)}).")
    return ids


def driver_points(ranking: Any) -> dict[str, int]:
    """Points by rank (a Borda count): 8 for the first driver, 7 for the second, ..., 1 for the last."""
    ids = validate_ranking(ranking)
    n = len(DRIVERS)
    return {d: n - i for i, d in enumerate(ids)}


def _shares(points: dict[str, int], key: str, categories: tuple[str, ...]) -> dict[str, float]:
    total = sum(points.values())
    out = {c: 0.0 for c in categories}
    for d, p in points.items():
        c = DRIVER_INFO[d][key]
        if c in out:
            out[c] += p / total
    return out


def profile(ranking: Any) -> dict[str, Any]:
    """A motivation profile: each research category's share of the ranking's points, the top three, and what feeds them.

    Shares are of all 36 points: ``needs`` (self-determination theory),
    ``pink`` (Drive; drivers with no element count for none), ``kind``
    (intrinsic, mixed, extrinsic) and ``herzberg`` (motivator or hygiene).
    """
    points = driver_points(ranking)
    total = sum(points.values())
    herz = {"motivator": 0.0, "hygiene": 0.0}
    for d, p in points.items():
        herz[HERZBERG_FACTORS[DRIVER_INFO[d]["herzberg"]]] += p / total
    top = sorted(points, key=lambda d: -points[d])[:3]
    return {
        "points": points,
        "needs": _shares(points, "sdt", SDT_NEEDS),
        "pink": _shares(points, "pink", PINK_ELEMENTS),
        "kind": _shares(points, "kind", ("intrinsic", "mixed", "extrinsic")),
        "herzberg": herz,
        "top": top,
        "suggestions": {d: DRIVER_INFO[d]["feeds"] for d in top},
    }


def validate_fed(fed: Any, where: str = "fed") -> dict[str, int]:
    """How well today's work feeds each driver, 1 (not at all) to 5 (fully), for all eight drivers."""
    where = text("where", where, max_len=200)
    if type(fed) is not dict:
        raise InputTypeError(f"{where} is a dict driver -> 1..5 (how well today's work feeds it); got {describe(fed)}.")
    out = {}
    for k, v in fed.items():
        d = _driver(k, where)
        if type(v) is not int or not 1 <= v <= 5:
            raise InputError(f"{where}[{k!r}] is a whole number from 1 (not at all) to 5 (fully); got {v!r}.")
        out[d] = v
    missing = [d for d in DRIVERS if d not in out]
    if missing:
        raise InputError(f"{where} needs all eight drivers; missing: {', '.join(missing)}.")
    return out


def team_view(profiles: Any) -> list[dict[str, Any]]:
    """Aggregate team members' profiles; one row per driver, the one most needing a leader's attention first.

    Each profile is a dict with ``ranking`` (the eight drivers) and ``fed``
    (driver -> 1..5, how well today's work feeds it). Per driver: ``points``
    (the mean points by rank, 1-8), ``fed`` (the mean, 1-5) and
    ``attention`` = points / 8 x (5 - fed) / 4, from 0 to 1: high when the
    driver matters to the team and today's work starves it. Ties keep the
    order of :data:`DRIVERS`.
    """
    if type(profiles) not in (list, tuple) or not profiles:
        raise InputTypeError(f"the team is a non-empty list of profiles (dicts with 'ranking' and 'fed'); got {describe(profiles)}.")
    pts = {d: 0.0 for d in DRIVERS}
    fed = {d: 0.0 for d in DRIVERS}
    for i, p in enumerate(profiles):
        if type(p) is not dict or "ranking" not in p or "fed" not in p:
            raise InputError(f"profile {i + 1} must be a dict with 'ranking' and 'fed'; got {describe(p)}.")
        for d, v in driver_points(p["ranking"]).items():
            pts[d] += v
        for d, v in validate_fed(p["fed"], f"profile {i + 1} 'fed'").items():
            fed[d] += v
    n = len(profiles)
    rows = []
    for d in DRIVERS:
        mp, mf = pts[d] / n, fed[d] / n
        rows.append({"driver": d, "name": DRIVER_INFO[d]["name"], "points": mp, "fed": mf,
                     "attention": mp / len(DRIVERS) * (5 - mf) / 4})
    return sorted(rows, key=lambda r: -r["attention"])


def where_to_act(profiles: Any, n: int = 3) -> list[str]:
    """The ``n`` drivers most needing a leader's attention in the team view (highest ``attention`` first)."""
    if type(n) is not int or not 1 <= n <= len(DRIVERS):
        raise InputError(f"n is a whole number from 1 to {len(DRIVERS)}; got {n!r}.")
    return [r["driver"] for r in team_view(profiles)[:n]]


def _norm_driver(s: str) -> str:
    return " ".join(s.casefold().replace("_", " ").replace("-", " ").split())


def driver_id(driver: Any) -> str | None:
    """The id of the driver named by ``driver``: its id ('customer_impact') or its name ('Customer impact'), in
    any case and with spaces, hyphens or underscores; None if it names no driver."""
    if type(driver) is not str:
        return None
    n = _norm_driver(driver)
    for d in DRIVERS:
        if n in (_norm_driver(d), _norm_driver(DRIVER_INFO[d]["name"])):
            return d
    return None
