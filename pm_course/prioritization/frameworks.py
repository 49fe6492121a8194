"""Prioritization frameworks: pure, typed, validated logic (no widgets, no plots).

Each formula cites its source and names the variant this course teaches
(see the course's PM reference). Every public function validates its
arguments and raises :class:`~pm_course.core.InputError` (a ``ValueError``)
or :class:`~pm_course.core.InputTypeError` (a ``TypeError``) with a message
that says what was expected, what was given, and, where it can, what you
probably meant.

Scores rank items *within one backlog*; they never decide alone.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

from ..core.validate import InputError, InputTypeError, describe, fraction, number, records, text

__all__ = [
    "IMPACT_SCALE",
    "CONFIDENCE_LEVELS",
    "FIBONACCI",
    "POLISH_MAX_EFFORT",
    "quarter_candidates",
    "KANO_ANSWERS",
    "KANO_CATEGORIES",
    "KANO_TABLE",
    "MOSCOW",
    "QUADRANTS",
    "rice_score",
    "rice_inputs",
    "rice_value",
    "ice_score",
    "wsjf",
    "cost_of_delay",
    "cd3",
    "kano_category",
    "normalise_kano_answer",
    "kano_counts",
    "kano_coefficients",
    "kano_dominant",
    "kano_survey",
    "top_two_box",
    "opportunity_score",
    "outcome_opportunities",
    "moscow_effort_shares",
    "value_effort_quadrant",
    "capacity_items",
    "total_of",
    "greedy_within_capacity",
    "best_within_capacity",
    "rank_by",
]

# ---------------------------------------------------------------- scales

#: RICE impact scale (Intercom): value -> label.
IMPACT_SCALE: dict[float, str] = {3: "massive", 2: "high", 1: "medium", 0.5: "low", 0.25: "minimal"}
#: RICE confidence levels (Intercom), as fractions: value -> label.
CONFIDENCE_LEVELS: dict[float, str] = {1.0: "high", 0.8: "medium", 0.5: "low"}
#: SAFe's modified Fibonacci scale for WSJF inputs.
FIBONACCI: tuple[int, ...] = (1, 2, 3, 5, 8, 13, 20)

_SCALE_TEXT = ", ".join(f"{v:g} ({label})" for v, label in IMPACT_SCALE.items())


# ---------------------------------------------------------------- helpers


def _positive(name: str, value: Any, unit: str, why: str) -> float:
    """A number strictly greater than 0, with a message that says why 0 is refused."""
    x = number(name, value)
    if x <= 0:
        raise InputError(f"{name} must be greater than 0 {unit} ({why}); got {value!r}.")
    return x


def _share(name: str, value: Any, *, levels: str = "") -> float:
    """A fraction between 0 and 1; a percentage such as 80 gets 'did you mean 0.8?' (:func:`~pm_course.core.validate.fraction`)."""
    return fraction(name, value, hint=levels)


def _one_to_ten(name: str, value: Any, framework: str) -> float:
    if type(value) is bool:
        raise InputTypeError(f"{name} must be a number from 1 to 10; got {describe(value)}.")
    x = number(name, value)
    if 1 <= x <= 10:
        return x
    guess = ""
    if 0 < x < 1:
        guess = f" It is a score, not a fraction: did you mean {x * 10:g}?"
    elif 10 < x <= 100 and x % 10 == 0:
        guess = f" Did you mean {x / 10:g}?"
    raise InputError(f"{name} is an {framework} score from 1 to 10; got {value!r}.{guess}")


def _fibonacci(name: str, value: Any) -> int:
    if type(value) is bool:
        raise InputTypeError(f"{name} must be a number on SAFe's scale {FIBONACCI}; got {describe(value)}.")
    x = number(name, value)
    if x in FIBONACCI:
        return int(x)
    nearest = min(FIBONACCI, key=lambda f: (abs(f - x), f))
    raise InputError(
        f"{name} must be on SAFe's modified Fibonacci scale "
        f"{', '.join(map(str, FIBONACCI))}; got {value!r}. The nearest step is {nearest}."
    )


def _items(name: str, items: Any) -> list[Mapping[str, Any]]:
    return records(name, items, what="items", empty_ok=True)


def _field(item: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in item:
        keys = ", ".join(map(repr, item)) or "no keys"
        raise InputError(f"{where} has no {key!r} field; it has {keys}.")
    return item[key]


# ---------------------------------------------------------------- RICE, ICE


def _impact(value: Any) -> float:
    if type(value) is bool:
        raise InputTypeError(f"impact must be a number on the scale {_SCALE_TEXT}; got {describe(value)}.")
    x = number("impact", value)
    if x not in IMPACT_SCALE:
        raise InputError(f"impact must be on Intercom's scale {_SCALE_TEXT}; got {value!r}.")
    return x


def rice_value(reach: float, impact: float, confidence: float) -> float:
    """Expected impact per period: Reach x Impact x Confidence (the numerator of RICE).

    This is the *value* an item brings before its cost is considered; the
    capacity planner adds it up across a set of items.
    """
    r = number("reach", reach, low=0)
    if 0 < r < 1:
        raise InputError(
            f"reach is a count of people or events per period (e.g. 900 sites per quarter), "
            f"not a share; got {reach!r}."
        )
    i = _impact(impact)
    c = _share("confidence", confidence, levels="Intercom's levels: 1.0 high, 0.8 medium, 0.5 low.")
    return r * i * c


def rice_score(reach: float, impact: float, confidence: float, effort: float) -> float:
    """RICE score = Reach x Impact x Confidence / Effort.

    Source: Sean McBride, "RICE: Simple prioritization for product managers",
    Inside Intercom (2016). The variant taught here is Intercom's own:

    - reach: people or events per period, a count (900 sites per quarter), not a percentage;
    - impact: on the scale 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal;
    - confidence: a fraction, 1.0 high, 0.8 medium, 0.5 low (0.8, not 80);
    - effort: person-months, greater than 0 (0.5 for well under a month).

    >>> rice_score(reach=950, impact=3, confidence=0.8, effort=3)
    760.0
    """
    value = rice_value(reach, impact, confidence)
    e = _positive("effort", effort, "person-months", "the score divides by it; use 0.5 for well under a month")
    return value / e


RICE_INPUTS = ("reach", "impact", "confidence", "effort")


def rice_inputs(table: Mapping[str, Mapping[str, float]], item_id: str, **changes: float) -> dict[str, float]:
    """The RICE inputs of ``item_id`` in ``table`` (id -> inputs) with ``changes`` applied, validated.

    >>> rice_inputs({"B05": {"reach": 950, "impact": 3, "confidence": 0.8, "effort": 3}}, "B05", confidence=0.5)
    {'reach': 950, 'impact': 3, 'confidence': 0.5, 'effort': 3}
    """
    if not isinstance(table, Mapping) or any(not isinstance(v, Mapping) for v in table.values()):
        raise InputTypeError(
            "table must be a dict of item id -> RICE inputs, e.g. {'B05': {'reach': 950, 'impact': 3, "
            f"'confidence': 0.8, 'effort': 3}}}}; got {describe(table)}."
        )
    text("item_id", item_id)
    if item_id not in table:
        raise InputError(f"there is no item {item_id!r} in this table; the ids are {', '.join(table)}.")
    unknown = set(changes) - set(RICE_INPUTS)
    if unknown:
        raise InputError(f"RICE inputs are reach, impact, confidence and effort; got {', '.join(sorted(unknown))}.")
    new = {**table[item_id], **changes}
    rice_score(**new)  # validates, with the teaching messages
    return new


def ice_score(impact: float, confidence: float, ease: float, *, method: str = "product") -> float:
    """ICE score (Sean Ellis): Impact, Confidence and Ease, each scored 1 to 10.

    The course teaches the product, Impact x Confidence x Ease (1 to 1000);
    ``method="mean"`` gives the variant some teams use, the mean (1 to 10).
    Ease is the inverse of effort: 10 means very little work.

    >>> ice_score(6, 9, 10)
    540.0
    """
    i = _one_to_ten("impact", impact, "ICE")
    c = _one_to_ten("confidence", confidence, "ICE")
    e = _one_to_ten("ease", ease, "ICE")
    how = text("method", method).strip().lower()
    if how == "product":
        return i * c * e
    if how == "mean":
        return (i + c + e) / 3
    raise InputError(f"method must be 'product' (taught here) or 'mean'; got {method!r}.")


# ---------------------------------------------------------------- Cost of Delay, CD3, WSJF


def cost_of_delay(business_value: int, time_criticality: int, risk_reduction: int) -> int:
    """SAFe's relative Cost of Delay: user-business value + time criticality + risk reduction / opportunity enablement.

    Each input is on SAFe's modified Fibonacci scale 1, 2, 3, 5, 8, 13, 20.
    Source: Scaled Agile Framework, "WSJF" (after Reinertsen, *The Principles
    of Product Development Flow*, 2009).
    """
    return (
        _fibonacci("business_value", business_value)
        + _fibonacci("time_criticality", time_criticality)
        + _fibonacci("risk_reduction", risk_reduction)
    )


def wsjf(business_value: int, time_criticality: int, risk_reduction: int, job_size: int) -> float:
    """Weighted Shortest Job First (SAFe): Cost of Delay / job size.

    Cost of Delay = user-business value + time criticality + risk reduction /
    opportunity enablement; every input, job size included, is on the modified
    Fibonacci scale 1, 2, 3, 5, 8, 13, 20. The numbers are relative: compare
    WSJF only within one backlog scored by one team.
    Source: Scaled Agile Framework, "WSJF"; Reinertsen (2009).

    >>> wsjf(20, 8, 5, 8)
    4.125
    """
    cod = cost_of_delay(business_value, time_criticality, risk_reduction)
    return cod / _fibonacci("job_size", job_size)


def cd3(cost_of_delay: float, duration: float) -> float:
    """CD3, Cost of Delay Divided by Duration: money lost per week of delay / weeks of work.

    Doing the highest CD3 first maximises the value delivered over a period
    (Reinertsen, *The Principles of Product Development Flow*, 2009; Arnold,
    Black Swan Farming, "Cost of Delay"). Unlike WSJF, the inputs are real
    quantities (e.g. dollars per week and weeks), so keep the units straight.

    >>> cd3(4200, 10)
    420.0
    """
    cod = number("cost_of_delay", cost_of_delay, low=0)
    d = _positive("duration", duration, "weeks", "CD3 divides by it")
    return cod / d


# ---------------------------------------------------------------- Kano

KANO_ANSWERS: tuple[str, ...] = ("like", "must-be", "neutral", "live-with", "dislike")
KANO_CATEGORIES: dict[str, str] = {
    "A": "attractive",
    "O": "one-dimensional (performance)",
    "M": "must-be",
    "I": "indifferent",
    "R": "reverse",
    "Q": "questionable",
}
# Berger et al. (1993): rows are the functional answer, columns the dysfunctional one, same order.
_ROWS = ("QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ")
#: The Kano evaluation table: (functional, dysfunctional) -> category letter.
KANO_TABLE: dict[tuple[str, str], str] = {
    (f, d): _ROWS[i][j] for i, f in enumerate(KANO_ANSWERS) for j, d in enumerate(KANO_ANSWERS)
}
_ANSWER_KEYS = {a.replace("-", ""): a for a in KANO_ANSWERS}
_ANSWER_KEYS.update({"ilikeit": "like", "itmustbe": "must-be", "iexpectit": "must-be", "imneutral": "neutral",
                     "iamneutral": "neutral", "icanlivewithit": "live-with", "idislikeit": "dislike"})


def _kano_answer(name: str, value: Any) -> str:
    if type(value) is not str:
        raise InputTypeError(
            f"{name} must be one of {', '.join(map(repr, KANO_ANSWERS))} (text); got {describe(value)}."
        )
    key = re.sub(r"[\s_\-'’.]+", "", value.casefold())
    if key in _ANSWER_KEYS:
        return _ANSWER_KEYS[key]
    raise InputError(
        f"{name} must be one of {', '.join(map(repr, KANO_ANSWERS))} "
        f"(case and spaces do not matter, 'must be' and 'live with' are fine); got {value!r}."
    )


def normalise_kano_answer(name: str, value: Any) -> str:
    """One of :data:`KANO_ANSWERS` as written there ("Must be" -> "must-be"); ``name`` is used in messages."""
    return _kano_answer(name, value)


def kano_category(functional: str, dysfunctional: str) -> str:
    """The Kano category of one answer pair, from the evaluation table.

    ``functional`` answers "How do you feel if the product has this
    feature?", ``dysfunctional`` "...if it does not?". Each is one of like,
    must-be, neutral, live-with, dislike (case- and space-insensitive, so
    "Must be" and "live_with" work). Returns "A" attractive, "O" one-dimensional,
    "M" must-be, "I" indifferent, "R" reverse or "Q" questionable.
    Source: Berger et al. (1993), "Kano's methods for understanding
    customer-defined quality", Center for Quality of Management Journal 2(4).

    >>> kano_category("like", "dislike")
    'O'
    """
    return KANO_TABLE[(_kano_answer("functional", functional), _kano_answer("dysfunctional", dysfunctional))]


def kano_counts(pairs: Iterable[Sequence[str]]) -> dict[str, int]:
    """Count the categories of many answer pairs: {"A": .., "O": .., "M": .., "I": .., "R": .., "Q": ..}."""
    counts = dict.fromkeys(KANO_CATEGORIES, 0)
    for i, pair in enumerate(_items_plain("pairs", pairs)):
        if isinstance(pair, str) or not isinstance(pair, Sequence) or len(pair) != 2:
            raise InputTypeError(
                f"item {i + 1} of pairs must be a pair (functional, dysfunctional); got {describe(pair)}."
            )
        counts[kano_category(pair[0], pair[1])] += 1
    return counts


def _hashable_ids(name: str, ids: list) -> None:
    """Ids are text (or numbers): a dict or a list among them gets a message, not "unhashable type"."""
    for i, x in enumerate(ids):
        try:
            hash(x)
        except TypeError:
            raise InputTypeError(f"{name} must be a list of item ids such as 'B01'; item {i + 1} is "
                                 f"{describe(x)}.") from None


def _items_plain(name: str, items: Any) -> list:
    if isinstance(items, (str, bytes, Mapping)) or not isinstance(items, Iterable):
        raise InputTypeError(f"{name} must be a list; got {describe(items)}.")
    return list(items)


def _kano_count_map(counts: Any) -> dict[str, int]:
    if not isinstance(counts, Mapping):
        raise InputTypeError(
            f"counts must be a dict mapping the letters A, O, M, I, R, Q to counts; got {describe(counts)}."
        )
    out = dict.fromkeys(KANO_CATEGORIES, 0)
    for key, n in counts.items():
        letter = key.strip().upper() if type(key) is str else key
        if letter not in KANO_CATEGORIES:
            raise InputError(
                f"counts has the key {key!r}; the keys are the Kano letters "
                + ", ".join(f"{k} ({v})" for k, v in KANO_CATEGORIES.items())
                + "."
            )
        out[letter] += _count(f"counts[{key!r}]", n)
    return out


def _count(name: str, n: Any) -> int:
    if type(n) is float and n.is_integer():
        n = int(n)
    if type(n) is not int:
        raise InputTypeError(f"{name} must be a whole number of answers; got {describe(n)}.")
    if n < 0:
        raise InputError(f"{name} is a count of answers and cannot be negative; got {n}.")
    return n


def kano_coefficients(counts: Mapping[str, int]) -> tuple[float, float]:
    """Better and Worse coefficients (customer satisfaction coefficients) of one feature.

    Better = (A + O) / (A + O + M + I), from 0 to 1: how much having the
    feature raises satisfaction. Worse = -(O + M) / (A + O + M + I), from -1
    to 0: how much its absence lowers it (negative by convention). Reverse and
    questionable answers are left out of the denominator.
    Source: Berger et al. (1993), Center for Quality of Management Journal 2(4).

    >>> kano_coefficients({"A": 10, "O": 20, "M": 5, "I": 15})
    (0.6, -0.5)
    """
    c = _kano_count_map(counts)
    total = c["A"] + c["O"] + c["M"] + c["I"]
    if total == 0:
        raise InputError(
            "better and worse need at least one A, O, M or I answer (R and Q do not count); "
            f"got {c}."
        )
    better = (c["A"] + c["O"]) / total
    worse = -(c["O"] + c["M"]) / total if c["O"] + c["M"] else 0.0
    return better, worse


#: Tie-break when two categories have the same count: M > O > A > I (Matzler and Hinterhuber 1998), then R, Q.
_TIE_ORDER = "MOAIRQ"


def kano_dominant(counts: Mapping[str, int]) -> str:
    """The most frequent category of one feature (ties broken M > O > A > I > R > Q).

    Reading a feature by its most frequent answer category is Berger et al.'s
    simplest rule; the tie-break puts the category that costs most to get
    wrong first (Matzler and Hinterhuber, Technovation 18(1), 1998).
    """
    c = _kano_count_map(counts)
    if sum(c.values()) == 0:
        raise InputError("counts are all zero: there is no answer to classify.")
    return max(_TIE_ORDER, key=lambda k: (c[k], -_TIE_ORDER.index(k)))


def kano_survey(respondents: Iterable[Mapping[str, Any]], segment: str | None = None) -> dict[str, dict[str, Any]]:
    """Summarise a Kano survey per feature: counts, better, worse and the dominant category.

    ``respondents`` is a list of dicts with a ``"kano"`` field mapping each
    feature to its answer pair (the case study's ``load("survey")``);
    ``segment`` keeps only respondents of that segment.
    """
    rows = _items("respondents", respondents)
    if segment is not None:
        seg = text("segment", segment).strip().lower()
        known = sorted({str(r.get("segment")) for r in rows})
        if seg not in known:
            raise InputError(f"segment must be one of {', '.join(map(repr, known))} or None for everyone; got {segment!r}.")
        rows = [r for r in rows if r.get("segment") == seg]
    pairs: dict[str, list] = {}
    for i, r in enumerate(rows):
        answers = _field(r, "kano", f"respondent {i + 1}")
        if not isinstance(answers, Mapping):
            raise InputTypeError(f"respondent {i + 1}'s 'kano' must be a dict of answer pairs; got {describe(answers)}.")
        for feature, pair in answers.items():
            pairs.setdefault(feature, []).append(pair)
    out = {}
    for feature, ps in pairs.items():
        counts = kano_counts(ps)
        usable = counts["A"] + counts["O"] + counts["M"] + counts["I"]
        better, worse = kano_coefficients(counts) if usable else (0.0, 0.0)
        out[feature] = {"counts": counts, "better": better, "worse": worse, "category": kano_dominant(counts),
                        "answers": len(ps)}
    return out


# ---------------------------------------------------------------- opportunity scoring


def top_two_box(ratings: Iterable[int]) -> float:
    """A 1-5 rating turned into Ulwick's 0-10 scale: 10 x the share of respondents who answered 4 or 5.

    >>> top_two_box([5, 4, 3, 2])
    5.0
    """
    values = _items_plain("ratings", ratings)
    if not values:
        raise InputError("ratings is empty: there is no share to compute.")
    for i, v in enumerate(values):
        if type(v) is not int or not 1 <= v <= 5:
            raise InputError(f"item {i + 1} of ratings must be a whole number from 1 to 5; got {describe(v)}.")
    return 10 * sum(v >= 4 for v in values) / len(values)


def opportunity_score(importance: float, satisfaction: float) -> float:
    """Opportunity score = importance + max(importance - satisfaction, 0) (Ulwick, Outcome-Driven Innovation).

    Both inputs are on 0-10: 10 x the share of respondents rating the outcome
    4 or 5 of 5 (see :func:`top_two_box`). Scores run from 0 to 20; above 10
    is usually read as underserved, above 15 as extreme.
    Source: Anthony Ulwick, *What Customers Want* (2005).

    >>> opportunity_score(8.4, 3.1)
    13.7
    """
    hint = "Convert 1-5 ratings first: 10 x the share rating 4 or 5 (top_two_box)."
    imp = number("importance", importance, low=0, high=10, hint=hint)
    sat = number("satisfaction", satisfaction, low=0, high=10, hint=hint)
    return round(imp + max(imp - sat, 0.0), 10)


def outcome_opportunities(respondents: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, float]]:
    """For each desired outcome in a survey: importance, satisfaction (0-10, top two box) and the opportunity score."""
    rows = _items("respondents", respondents)
    ratings: dict[str, tuple[list, list]] = {}
    for i, r in enumerate(rows):
        outcomes = _field(r, "outcomes", f"respondent {i + 1}")
        for outcome, rating in outcomes.items():
            imp, sat = ratings.setdefault(outcome, ([], []))
            imp.append(_field(rating, "importance", f"respondent {i + 1}'s {outcome!r}"))
            sat.append(_field(rating, "satisfaction", f"respondent {i + 1}'s {outcome!r}"))
    out = {}
    for outcome, (imp, sat) in ratings.items():
        i10, s10 = top_two_box(imp), top_two_box(sat)
        out[outcome] = {"importance": i10, "satisfaction": s10, "opportunity": opportunity_score(i10, s10)}
    return out


# ---------------------------------------------------------------- MoSCoW

MOSCOW: tuple[str, ...] = ("Must", "Should", "Could", "Won't")
_MOSCOW_KEYS = {"must": "Must", "musthave": "Must", "should": "Should", "shouldhave": "Should", "could": "Could",
                "couldhave": "Could", "wont": "Won't", "wonthave": "Won't", "willnot": "Won't",
                "wontthistime": "Won't", "wonthavethistime": "Won't"}


def _moscow(value: Any, where: str) -> str:
    if type(value) is not str:
        raise InputTypeError(f"{where} must be one of {', '.join(map(repr, MOSCOW))}; got {describe(value)}.")
    key = re.sub(r"[\s_\-'’.]+", "", value.casefold())
    if key in _MOSCOW_KEYS:
        return _MOSCOW_KEYS[key]
    raise InputError(f"{where} must be one of {', '.join(map(repr, MOSCOW))}; got {value!r}.")


def moscow_effort_shares(items: Iterable[Mapping[str, Any]], *, must_limit: float = 0.6) -> dict[str, Any]:
    """Share of the planned effort in each MoSCoW category, flagging Musts above ``must_limit`` (60 %).

    ``items`` are dicts with a ``"moscow"`` category and an ``"effort"`` (e.g.
    person-months). The shares are of *effort*, not of item count, and of the
    planned work (Must + Should + Could): Won't items are not in this
    timebox, so they are reported in ``effort`` but not shared.
    Source: DSDM Agile Project Framework handbook, "MoSCoW prioritisation":
    Musts above about 60 % of the effort put delivery at risk; Coulds of
    about 20 % give the contingency.

    Returns plain data::

        {"shares": {"Must": .., "Should": .., "Could": ..},   # fractions of planned effort
         "effort": {"Must": .., "Should": .., "Could": .., "Won't": ..},
         "planned_effort": .., "musts_over_limit": bool, "message": str}
    """
    rows = _items("items", items)
    limit = _share("must_limit", must_limit)
    effort = dict.fromkeys(MOSCOW, 0.0)
    for i, it in enumerate(rows):
        cat = _moscow(_field(it, "moscow", f"item {i + 1}"), f"item {i + 1}'s moscow")
        effort[cat] += number(f"item {i + 1}'s effort", _field(it, "effort", f"item {i + 1}"), low=0)
    planned = effort["Must"] + effort["Should"] + effort["Could"]
    if planned <= 0:
        raise InputError("there is no planned effort (Must, Should or Could) to share out.")
    shares = {k: effort[k] / planned for k in MOSCOW[:3]}
    over = shares["Must"] > limit + 1e-12
    if over:
        message = (f"Musts are {shares['Must']:.0%} of the planned effort, above {limit:.0%}: there is too little "
                   "contingency, and one slip puts a Must at risk. Move some Musts to Should or cut scope.")
    else:
        message = f"Musts are {shares['Must']:.0%} of the planned effort (at most {limit:.0%}): within the rule."
    if shares["Could"] < 0.2 - 1e-12:
        message += f" Coulds are {shares['Could']:.0%}; DSDM suggests about 20 % as contingency."
    return {"shares": shares, "effort": effort, "planned_effort": planned, "musts_over_limit": over,
            "message": message}


# ---------------------------------------------------------------- value / effort

QUADRANTS: tuple[str, ...] = ("quick win", "big bet", "fill-in", "time sink")


def value_effort_quadrant(value: float, effort: float, value_split: float, effort_split: float) -> str:
    """Place one item on a value/effort matrix: "quick win", "big bet", "fill-in" or "time sink".

    High value is ``value >= value_split``; low effort is ``effort < effort_split``
    (an item exactly on the effort line counts as high effort). A value is a
    score of 0 or more, like the split.
    """
    v = number("value", value, low=0)
    e = _positive("effort", effort, "person-months", "every piece of work takes some effort")
    vs = number("value_split", value_split, low=0)
    es = number("effort_split", effort_split, low=0)
    high, cheap = v >= vs, e < es
    return {(True, True): "quick win", (True, False): "big bet", (False, True): "fill-in",
            (False, False): "time sink"}[(high, cheap)]


# ---------------------------------------------------------------- ranking and capacity


def rank_by(items: Iterable[Mapping[str, Any]], score: Any, *, key: str = "id") -> list[str]:
    """Ids of ``items`` sorted by ``score(item)``, highest first; ties keep the items' order."""
    rows = _items("items", items)
    if not callable(score):
        raise InputTypeError(f"score must be a function of one item; got {describe(score)}.")
    text("key", key)
    scored = []
    for i, it in enumerate(rows):
        ident = _field(it, key, f"item {i + 1}")
        try:
            s = score(it)
        except Exception as exc:  # the caller's own score function: say where it failed, as an input error
            raise InputError(f"score raised {type(exc).__name__} ({str(exc)[:100]}) on item {i + 1} "
                             f"({describe(ident, 40)}): it must return a number for every item.") from None
        scored.append((number(f"score of item {i + 1}", s), i, ident))
    return [k for _, _, k in sorted(scored, key=lambda t: (-t[0], t[1]))]


def capacity_items(backlog: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Backlog items as capacity-planning items: id, title, value = Reach x Impact x Confidence, effort.

    The value is RICE without the division by effort: what the item brings
    per quarter. Effort stays the knapsack's weight.
    """
    out = []
    for i, it in enumerate(_items("backlog", backlog)):
        where = f"backlog item {i + 1}"
        out.append({
            "id": _field(it, "id", where),
            "title": it.get("title", ""),
            "value": rice_value(_field(it, "reach", where), _field(it, "impact", where),
                                _field(it, "confidence", where)),
            "effort": _positive(f"{where}'s effort", _field(it, "effort", where), "person-months",
                                "every piece of work takes some effort"),
        })
    return out


#: Items of at most this effort (person-months) are small fixes paid from the quarter's polish budget, a share of
#: the team's upkeep time; they do not compete for the quarter's capacity for new items (6 person-months).
POLISH_MAX_EFFORT = 0.5


def quarter_candidates(backlog: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The backlog items that compete for the quarter's capacity: those of more than ``POLISH_MAX_EFFORT``.

    The lesson and the exercise of module 04 plan with this one rule: half-month fixes come from the polish
    budget, and the 6 person-months go to items of a person-month or more.
    """
    rows = _items("backlog", backlog)
    return [it for i, it in enumerate(rows)
            if _positive(f"backlog item {i + 1}'s effort", _field(it, "effort", f"backlog item {i + 1}"),
                         "person-months", "every piece of work takes some effort") > POLISH_MAX_EFFORT]


def _plan_items(items: Any) -> list[tuple[str, float, float, Fraction]]:
    rows = _items("items", items)
    seen: set = set()
    out = []
    for i, it in enumerate(rows):
        where = f"item {i + 1}"
        ident = _field(it, "id", where)
        try:
            hash(ident)
        except TypeError:
            raise InputTypeError(f"{where}'s id must be text such as 'B01'; got {describe(ident)}.") from None
        if ident in seen:
            raise InputError(f"item ids must be unique; {ident!r} appears twice.")
        seen.add(ident)
        value = number(f"{where}'s value", _field(it, "value", where), low=0)
        effort = _positive(f"{where}'s effort", _field(it, "effort", where), "person-months",
                           "every piece of work takes some effort")
        # The decimal the author wrote (0.25, 0.1) as an exact fraction: sums of efforts are then exact.
        exact = Fraction(repr(effort))
        near = exact.limit_denominator(1_000_000)  # 0.15000000000000002 (from 0.05 * 3) was meant as 3/20
        if near != exact and abs(near - exact) <= Fraction(1, 10**12) * max(1, effort):
            exact = near
        out.append((ident, value, effort, exact))
    return out


def _capacity(capacity: Any) -> Fraction:
    c = number("capacity", capacity, low=0)
    return Fraction(repr(c))


def total_of(items: Iterable[Mapping[str, Any]], ids: Iterable[str]) -> dict[str, Any]:
    """Total value and effort of the items whose ids are listed: {"ids", "value", "effort"}."""
    rows = _plan_items(items)
    chosen = list(_items_plain("ids", ids))
    _hashable_ids("ids", chosen)
    by_id = {r[0]: r for r in rows}
    unknown = [i for i in chosen if i not in by_id]
    if unknown:
        raise InputError(f"unknown item id(s): {', '.join(map(repr, unknown))}.")
    if len(set(chosen)) != len(chosen):
        raise InputError("each item can be chosen once; some ids are repeated.")
    picked = [r for r in rows if r[0] in set(chosen)]
    return {"ids": [r[0] for r in picked], "value": math.fsum(r[1] for r in picked),
            "effort": float(sum((r[3] for r in picked), Fraction(0)))}


def greedy_within_capacity(items: Iterable[Mapping[str, Any]], capacity: float) -> dict[str, Any]:
    """The usual shortcut: go down the value/effort ranking and take every item that still fits.

    Ranking by value / effort is ranking by RICE score when the value is
    Reach x Impact x Confidence. Fast, simple and often good, but it can miss
    the best set: see :func:`best_within_capacity`. Ties keep the items' order.
    Returns {"ids": [...] in the items' order, "value": total, "effort": total}.
    """
    rows = _plan_items(items)
    cap = _capacity(capacity)
    order = sorted(range(len(rows)), key=lambda i: (-rows[i][1] / rows[i][2], i))
    used, taken = Fraction(0), set()
    for i in order:
        if used + rows[i][3] <= cap:
            used += rows[i][3]
            taken.add(i)
    return total_of([{"id": r[0], "value": r[1], "effort": r[2]} for r in rows],
                    [rows[i][0] for i in sorted(taken)])


def best_within_capacity(items: Iterable[Mapping[str, Any]], capacity: float) -> dict[str, Any]:
    """The set of items with the most total value whose total effort fits within ``capacity``: exact.

    ``items`` are dicts with "id", "value" (>= 0) and "effort" (> 0, e.g.
    person-months); see :func:`capacity_items` to make them from the backlog.
    This is the 0/1 knapsack problem (each item is taken whole or not at all).

    Method: dynamic programming over total efforts, in whole units. Efforts
    are exact fractions (0.25 stays 1/4); their greatest common divisor is
    the unit (a quarter or half month on a realistic backlog), so every total
    effort is a whole number of units and the table has capacity / unit + 1
    columns. For each item and each total, the best value reachable with
    exactly that total is kept, and which item was taken, so the chosen set
    can be read back. 1,000 items at 0.25-month steps take a fraction of a
    second, and the answer is exact, unlike brute force (2**60 subsets for 60
    items) or a greedy ranking. When the efforts share no useful unit (e.g.
    0.013 and 7.7), the same search runs over the Pareto frontier of
    (effort, value) states instead: still exact, slower for many items. A
    short list (up to 24 items that fit) always takes the frontier search,
    which is quick there and needs no numpy.

    Efforts are counted in hundredths of a person-month (EFFORT_UNIT): the
    plan is exact for efforts given to two decimals (0.25, 1.5, 3.07). A finer
    effort (0.125, or 2.718281828) is rounded *up* to the next hundredth, and
    the capacity down to a hundredth, so a plan never exceeds the capacity;
    the result then carries a "note" saying how many efforts were rounded.
    With this unit, 1,000 items take well under a second (``make bench``).
    A plan whose table would pass 300 million cells (items x hundredths of
    capacity; several thousand items) is counted in a coarser step, said in
    the note.

    Among sets with the same best value the one with the least effort wins.
    Returns {"ids": [...] in the items' order, "value": total, "effort": total}
    (the effort as given, not rounded), plus "note" when efforts were rounded.

    Source: the 0/1 knapsack problem (Martello and Toth, *Knapsack Problems*,
    1990); applied to capacity planning in the course's PM reference.
    """
    rows = _plan_items(items)
    cap = _capacity(capacity)
    for unit in _UNITS:  # hundredths; a coarser unit only when the table would be too big
        search, rounded = _in_effort_units(rows, unit)
        cap_units = Fraction(math.floor(cap / unit)) * unit
        fitting = [i for i, r in enumerate(search) if r[3] <= cap_units]
        weight = sum(int(search[i][3] / unit) for i in fitting)
        columns = min(int(cap_units / unit), weight) + 1
        if len(fitting) <= _SHORT_LIST or columns * len(fitting) <= _TABLE_CELLS:
            break
    _STATS.update(method="", steps=0, unit=unit)
    # a short list (the quarter's shortlist) needs neither numpy nor a table: the frontier is small
    chosen = _knapsack_units(search, fitting, cap_units) if len(fitting) > _SHORT_LIST else None
    if chosen is None:
        chosen = _knapsack_frontier(search, fitting, cap_units)
    out: dict[str, Any] = {"ids": [rows[i][0] for i in chosen], "value": math.fsum(rows[i][1] for i in chosen),
                           "effort": float(sum((rows[i][3] for i in chosen), Fraction(0)))}
    if rounded or cap_units != cap:
        step = f"{float(unit):g}"
        parts = []
        if unit != EFFORT_UNIT:
            parts.append(f"this plan is large ({len(fitting):,} items that fit), so efforts are counted in steps "
                         f"of {step} person-months instead of 0.01")
        if rounded:
            parts.append(f"{rounded} effort{'s' if rounded != 1 else ''} finer than {step} person-months "
                         f"{'were' if rounded != 1 else 'was'} rounded up to the next {step}")
        if cap_units != cap:
            parts.append(f"the capacity was rounded down to {float(cap_units):g}")
        out["note"] = ("Efforts are planned in steps of " + step + " person-months: " + "; ".join(parts)
                       + ". The plan never exceeds the capacity, but a set that fits only with the efforts as "
                         "given can be missed.")
    return out


EFFORT_UNIT = Fraction(1, 100)  # person-months: the precision of an effort the capacity plan is exact for
_UNITS = [EFFORT_UNIT] + [Fraction(n, d) for n, d in ((1, 20), (1, 10), (1, 4), (1, 2), (1, 1), (5, 1), (25, 1),
                                                       (100, 1), (1000, 1), (10**6, 1))]
_TABLE_CELLS = 300_000_000  # items x effort units the unit table may hold (one bit each)
_SHORT_LIST = 24  # up to this many fitting items, the frontier search (plain Python, no numpy import)
_FRONTIER_STEPS = 20_000_000  # states the frontier search may visit before it gives up with a message
_STATS: dict[str, Any] = {"method": "", "steps": 0}  # what the last search did (read by the tests and make bench)


def _in_effort_units(rows, unit: Fraction = EFFORT_UNIT) -> tuple[list[tuple], int]:
    """The rows with every effort rounded up to a whole number of ``unit``, and how many were changed."""
    out, changed = [], 0
    for ident, value, effort, exact in rows:
        units = math.ceil(exact / unit)
        if units * unit != exact:
            changed += 1
        out.append((ident, value, effort, units * unit))
    return out, changed


def _tolerance(values):
    return 1e-9 * max(1.0, max((abs(v) for v in values), default=0.0))


def _knapsack_units(rows, fitting: list[int], cap: Fraction) -> list[int] | None:
    """Exact 0/1 knapsack over whole effort units (numpy); None when the units would make the table too big."""
    if not fitting:
        return []
    denominator = math.lcm(*(rows[i][3].denominator for i in fitting))
    scaled = [int(rows[i][3] * denominator) for i in fitting]
    unit = math.gcd(*scaled)
    weights = [w // unit for w in scaled]
    columns = int(cap * denominator // unit) + 1
    columns = min(columns, sum(weights) + 1)
    if columns * len(fitting) > _TABLE_CELLS:
        return None
    import numpy as np

    best = np.full(columns, -np.inf)   # best value with exactly this total effort (-inf: not reachable)
    best[0] = 0.0
    took: list[Any] = []  # per item: where its bits start, and which totals taking it reached (bits packed)
    tol = _tolerance(rows[i][1] for i in fitting)
    _STATS["method"] = "units"
    top_reached = 0  # the largest total effort reached so far: nothing above it can be extended
    cand_buf, old_buf = np.empty(columns), np.empty(columns)  # reused: no large allocation per item
    better_buf = np.empty(columns, dtype=bool)
    for i, w in zip(fitting, weights):
        if w >= columns:
            took.append(None)
            continue
        end = min(columns, top_reached + w + 1)  # totals from w to end - 1 can be reached by taking item i
        span = end - w
        _STATS["steps"] += span
        cand, old, better = cand_buf[:span], old_buf[:span], better_buf[:span]
        np.add(best[:span], rows[i][1], out=cand)  # -inf stays -inf: an unreachable total cannot be extended
        np.add(best[w:end], tol, out=old)
        np.greater(cand, old, out=better)          # an unreached total (-inf) is beaten by any reachable one
        took.append(np.packbits(better))
        np.copyto(best[w:end], cand, where=better)
        top_reached = end - 1  # the old top plus w is reached now (nothing above the old top was)
    top = best.max()
    total = int(np.flatnonzero(best >= top - tol)[0])  # the least effort with the best value
    chosen = []
    for k in range(len(fitting) - 1, -1, -1):
        bits, w = took[k], weights[k]
        if bits is None or total < w:
            continue
        at = total - w
        if at >> 3 < len(bits) and (bits[at >> 3] >> (7 - (at & 7))) & 1:
            chosen.append(fitting[k])
            total -= w
    return sorted(chosen)


def _knapsack_frontier(rows, fitting: list[int], cap: Fraction) -> list[int]:
    """Exact 0/1 knapsack over the Pareto frontier of (effort, value) states (any efforts)."""
    tol = _tolerance(rows[i][1] for i in fitting)
    states: list[tuple[Fraction, float, tuple[int, ...]]] = [(Fraction(0), 0.0, ())]
    _STATS["method"] = "frontier"
    for i in fitting:
        _, value, _, w = rows[i]
        _STATS["steps"] += len(states)
        if _STATS["steps"] > _FRONTIER_STEPS:
            raise InputError(
                f"this plan is too large to solve exactly here ({len(fitting):,} items that fit, efforts in "
                f"{len(states):,} different totals): plan a shorter list, or give efforts in a coarser unit "
                "(0.25 or 0.5 person-months).")
        grown = [(e + w, v + value, chosen + (i,)) for e, v, chosen in states if e + w <= cap]
        merged = sorted(states + grown, key=lambda s: (s[0], -s[1]))
        frontier: list[tuple[Fraction, float, tuple[int, ...]]] = []
        for s in merged:  # keep a state only if it beats every lighter one
            if not frontier or s[1] > frontier[-1][1] + tol:
                frontier.append(s)
        states = frontier
    return list(states[-1][2])  # the frontier's values increase with effort
