"""The auto-graded questions of Module 04, Prioritization (exercises/04_prioritization).

Declared with :mod:`pm_course.core`; reference answers are computed once,
here, from the case study and the pure logic. No widgets are imported: the
capacity-planner question reads any object with a ``.value`` (the planner).
"""

from __future__ import annotations

import math
import statistics

from ..core import (
    Case,
    Choice,
    Function,
    Mapping,
    Misconception,
    Ordering,
    Question,
    Rubric,
    Rule,
    Value,
    WidgetState,
)
from ..core.written import WrittenAnswer, length, mentions
from ..data import load
from .frameworks import (
    best_within_capacity,
    capacity_items,
    cd3,
    greedy_within_capacity,
    ice_score,
    kano_category,
    kano_survey,
    moscow_effort_shares,
    outcome_opportunities,
    quarter_candidates,
    rank_by,
    rice_score,
    rice_value,
    top_two_box,
    wsjf,
)

__all__ = [
    "QUESTIONS", "MODULE", "BACKLOG", "SURVEY", "CAPACITY", "SHORTLIST", "SHORTLIST_ITEMS", "DRAFT_PLAN",
    "KANO_PAIRS", "CD3_ITEMS", "WSJF_ITEMS", "rank_by_rice_reference",
    "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11", "q12", "WRITTEN", "w1",
]

MODULE = "04_prioritization"
BACKLOG = load("backlog")
SURVEY = load("survey")
CAPACITY = float(load("company")["sprint_capacity_person_months"])
_BY_ID = {b["id"]: b for b in BACKLOG}


def _rice(b) -> float:
    return rice_score(b["reach"], b["impact"], b["confidence"], b["effort"])


# ---------------------------------------------------------------- q1 RICE of one item

_B05 = _BY_ID["B05"]
q1 = Question(
    module=MODULE, id="q1", points=1,
    prompt="The RICE score of B05, 'Find cover: notify available staff when a shift opens', as a whole number.",
    checker=Value(expected=_rice(_B05), decimals=0),
    hints=[
        "RICE = Reach x Impact x Confidence / Effort. Read B05's four inputs from the backlog.",
        "Confidence is a fraction (0.8), not a percentage (80); effort is in person-months (3).",
    ],
    solution_text=('# RICE = Reach x Impact x Confidence / Effort, with the four fields of B05 from the backlog.\n'
                   '# Confidence stays a fraction (0.8); effort is in person-months and divides.\n'
                   "b05 = by_id['B05']\n"
                   "answer_q1 = rice_score(b05['reach'], b05['impact'], b05['confidence'], b05['effort'])"),
    answer=_rice(_B05),
    wrong=[rice_value(950, 3, 0.8), 950 * 3 * 0.8 * 3, rice_score(950, 3, 0.5, 3)],
    misconceptions=[
        Misconception(lambda a: a > 10_000, "Confidence is a fraction such as 0.8, not 80.",
                      example=rice_score(950, 3, 0.8, 3) * 100),
        Misconception(rice_value(950, 3, 0.8), "That is Reach x Impact x Confidence: divide by the effort too."),
        Misconception(950 * 3 * 0.8 * 3, "Effort divides the score; it does not multiply it."),
    ],
)

# ---------------------------------------------------------------- q2 ICE

_B03 = _BY_ID["B03"]
_ICE_B03 = ice_score(_B03["ice_impact"], _B03["ice_confidence"], _B03["ice_ease"])
q2 = Question(
    module=MODULE, id="q2", points=1,
    prompt="The ICE score of B03, 'Copy last week's rota in one click' (the product, as taught here), "
           "as a whole number.",
    checker=Value(expected=_ICE_B03, decimals=0),
    hints=[
        "The backlog has ice_impact, ice_confidence and ice_ease for each item, each from 1 to 10.",
        "This course teaches ICE as the product Impact x Confidence x Ease (1 to 1000).",
    ],
    solution_text="# ICE as taught here: the product Impact x Confidence x Ease, each scored 1-10 in the backlog.\n"
                  "# (Ellis and Brown's Hacking Growth averages the three; the product is a later variant.)\n"
                  "b03 = by_id['B03']\n"
                  "answer_q2 = ice_score(b03['ice_impact'], b03['ice_confidence'], b03['ice_ease'])",
    answer=_ICE_B03,
    wrong=[(_B03["ice_impact"] + _B03["ice_confidence"] + _B03["ice_ease"]) / 3, _ICE_B03 / 10],
    misconceptions=[
        Misconception(lambda a: a <= 10,
                      "That looks like the mean of the three scores (Ellis and Brown's version); "
                      "here ICE is their product.",
                      example=(_B03["ice_impact"] + _B03["ice_confidence"] + _B03["ice_ease"]) / 3),
    ],
)

# ---------------------------------------------------------------- q3 top five by RICE

_RICE_RANKING = rank_by(BACKLOG, _rice)
_VALUE_RANKING = rank_by(BACKLOG, lambda b: rice_value(b["reach"], b["impact"], b["confidence"]))
q3 = Question(
    module=MODULE, id="q3", points=1,
    prompt="The ids of the five backlog items with the highest RICE scores, highest first.",
    checker=Ordering(expected=_RICE_RANKING[:5]),
    hints=[
        "Score every item with rice_score, sort from highest to lowest, keep the first five ids.",
        "sorted(backlog, key=..., reverse=True) sorts dicts by a score; a list comprehension takes the ids.",
    ],
    solution_text=('# Score every item, sort from the highest score down, keep the first five ids.\n'
                   'def rice_of(b):\n'
                   "    return rice_score(b['reach'], b['impact'], b['confidence'], b['effort'])\n"
                   '\n'
                   "answer_q3 = [b['id'] for b in sorted(backlog, key=rice_of, reverse=True)[:5]]"),
    answer=list(_RICE_RANKING[:5]),
    wrong=[_VALUE_RANKING[:5], list(reversed(_RICE_RANKING[:5])), _RICE_RANKING[-5:][::-1]],
    misconceptions=[
        Misconception(_VALUE_RANKING[:5],
                      "These are the items with the most Reach x Impact x Confidence: RICE divides by effort."),
        Misconception(lambda a: list(a) == list(reversed(_RICE_RANKING[:5])),
                      "Right items, upside down: the highest score comes first.",
                      example=list(reversed(_RICE_RANKING[:5]))),
    ],
)

# ---------------------------------------------------------------- q4 a function: rank by RICE


def rank_by_rice_reference(backlog: list[dict]) -> list[str]:
    """The reference: ids by RICE score, highest first; ties keep the backlog's order."""
    return rank_by(backlog, _rice)


_TINY = [
    {"id": "X1", "reach": 100, "impact": 1, "confidence": 0.5, "effort": 1},
    {"id": "X2", "reach": 200, "impact": 0.5, "confidence": 0.5, "effort": 1},
    {"id": "X3", "reach": 50, "impact": 3, "confidence": 1.0, "effort": 0.5},
]
q4 = Question(
    module=MODULE, id="q4", points=2,
    prompt="Write rank_by_rice(backlog): the ids of the items ranked by RICE score, highest first; "
           "items with equal scores keep their order in the backlog.",
    checker=Function(reference=rank_by_rice_reference, returns=list[str],
                     inputs=[Case((BACKLOG,), "Shiftbrew's whole backlog"),
                             Case(([_BY_ID[k] for k in ("B31", "B05", "B03", "B10")],), "four items of the backlog"),
                             Case((_TINY,), "a backlog with ties (two items with equal scores)")]),
    hints=[
        "Inside the function: compute each item's score with rice_score(...), then sort the items by it.",
        "sorted(items, key=score, reverse=True) keeps equal items in their original order (sorting is stable). "
        "Return a list of ids, not of dicts.",
    ],
    solution_text=('# Score each item, sort by the score from high to low, return the ids.\n'
                   '# sorted() is stable: with reverse=True, items with equal scores keep their backlog order.\n'
                   'def rank_by_rice(backlog):\n'
                   '    def score(b):\n'
                   '        return rice_score(b["reach"], b["impact"], b["confidence"], b["effort"])\n'
                   '    return [b["id"] for b in sorted(backlog, key=score, reverse=True)]'),
    answer=lambda backlog: rank_by(backlog, _rice),
    wrong=[
        lambda backlog: [b["id"] for b in sorted(backlog, key=_rice)],
        lambda backlog: [b["id"] for b in backlog],
        lambda backlog: rank_by(backlog, lambda b: rice_value(b["reach"], b["impact"], b["confidence"])),
        lambda backlog: [b["id"] for b in sorted(backlog, key=_rice)][::-1],  # right scores, ties reversed
    ],
)
q4.answer.__name__ = "rank_by_rice"  # a real function object, as a learner would define

# ---------------------------------------------------------------- q5 Kano table

KANO_PAIRS = {
    "P1": ("like", "live-with"),
    "P2": ("must-be", "dislike"),
    "P3": ("dislike", "like"),
    "P4": ("like", "like"),
    "P5": ("neutral", "must-be"),
    "P6": ("like", "dislike"),
}
_KANO_EXPECTED = {k: kano_category(*v) for k, v in KANO_PAIRS.items()}
q5 = Question(
    module=MODULE, id="q5", points=1,
    prompt="KANO_PAIRS maps six labels to answer pairs (functional answer, dysfunctional answer): give a dict "
           "mapping each label to its Kano category letter, 'A', 'O', 'M', 'I', 'R' or 'Q'.",
    checker=Mapping(expected=_KANO_EXPECTED, categories=["A", "O", "M", "I", "R", "Q"], item_hints={
        "P3": "P3: liking the absence and disliking the presence is the reverse of what you built for.",
        "P4": "P4: liking both the presence and the absence contradicts itself.",
        "P5": "P5: here 'must-be' is the answer to the dysfunctional question (the feature is absent), so it "
              "picks a column, not the Must-be category; read the cell where the 'neutral' row meets that column.",
    }),
    hints=[
        "Look each pair up in the evaluation table: the row is the functional answer, the column the dysfunctional.",
        "Each pair is (functional, dysfunctional). kano_category(functional, dysfunctional) looks one pair up: "
        "use it to check your reading of the table, pair by pair.",
    ],
    solution_text=('# Each pair is (functional answer, dysfunctional answer): the row, then the column of the\n'
                   '# evaluation table (Berger et al. 1993). kano_category does that lookup for one pair.\n'
                   'answer_q5 = {label: kano_category(f, d) for label, (f, d) in KANO_PAIRS.items()}'),
    answer=dict(_KANO_EXPECTED),
    wrong=[{**_KANO_EXPECTED, "P5": "M"}, {**_KANO_EXPECTED, "P3": "Q", "P4": "A"}],
)

# ---------------------------------------------------------------- q6 survey features

_KANO = kano_survey(SURVEY)
_KANO_FEATURES = {f: v["category"] for f, v in _KANO.items()}
q6 = Question(
    module=MODULE, id="q6", points=1,
    prompt="For each feature in the survey's Kano answers (all 320 respondents), its most frequent category letter.",
    checker=Mapping(expected=_KANO_FEATURES, categories=["A", "O", "M", "I", "R", "Q"], item_hints={
        "in-app chat": "in-app chat: two categories are close; count every answer pair, reverse ones included.",
        "payroll export": "payroll export: what do respondents say when it is missing?",
    }),
    hints=[
        "Classify each respondent's pair with kano_category, count the letters per feature, take the largest count.",
        "kano_survey(survey) returns counts and the dominant category per feature.",
    ],
    solution_text=("# Classify every respondent's pair per feature, count the letters, keep the most frequent.\n"
                   '# kano_survey does the counting and returns the dominant category of each feature.\n'
                   "answer_q6 = {feature: v['category'] for feature, v in kano_survey(survey).items()}"),
    answer=dict(_KANO_FEATURES),
    wrong=[{**_KANO_FEATURES, "in-app chat": "R"}, {**_KANO_FEATURES, "payroll export": "O"}],
)

# ---------------------------------------------------------------- q7 worse coefficient

_PAY = _KANO["payroll export"]["counts"]
_WORSE_PAY = _KANO["payroll export"]["worse"]
q7 = Question(
    module=MODULE, id="q7", points=1,
    prompt="The Worse coefficient of 'payroll export' over all respondents, to 2 decimal places.",
    checker=Value(expected=_WORSE_PAY, decimals=2),
    hints=[
        "Worse = -(O + M) / (A + O + M + I): reverse (R) and questionable (Q) answers are left out.",
        "Worse is negative by convention (it measures dissatisfaction); kano_coefficients(counts) returns (better, worse).",
    ],
    solution_text="# Worse = -(O + M) / (A + O + M + I): R and Q answers are left out of the denominator,\n"
                  "# and the minus sign says it measures dissatisfaction when the feature is missing.\n"
                  "better, worse = kano_coefficients(kano_survey(survey)['payroll export']['counts'])\n"
                  "answer_q7 = worse",
    answer=_WORSE_PAY,
    wrong=[-_WORSE_PAY, -(_PAY["O"] + _PAY["M"]) / sum(_PAY.values()), _KANO["payroll export"]["better"]],
    misconceptions=[
        Misconception(-_WORSE_PAY, "Worse is negative by convention: put a minus sign in front."),
        Misconception(_KANO["payroll export"]["better"],
                      "That is Better, (A + O) / (A + O + M + I); Worse counts O + M, with a minus sign."),
        Misconception(-(_PAY["O"] + _PAY["M"]) / sum(_PAY.values()),
                      "Leave the R and Q answers out of the denominator: A + O + M + I only."),
    ],
)

# ---------------------------------------------------------------- q8 opportunity score

_OUTCOME = "know the week's labour cost before the week starts"
_OPP = outcome_opportunities(SURVEY)[_OUTCOME]["opportunity"]
_means = [statistics.mean(r["outcomes"][_OUTCOME][k] for r in SURVEY) for k in ("importance", "satisfaction")]
_OPP_FROM_MEANS = _means[0] + max(_means[0] - _means[1], 0)
_IMP = top_two_box([r["outcomes"][_OUTCOME]["importance"] for r in SURVEY])  # 0-10
_OPP_NO_X10 = _OPP / 10  # the shares (0-1) instead of 0-10
q8 = Question(
    module=MODULE, id="q8", points=1,
    prompt=f"The opportunity score of the outcome '{_OUTCOME}' from the survey, to 1 decimal place.",
    checker=Value(expected=_OPP, decimals=1),
    hints=[
        "Importance and satisfaction go on 0-10 first: 10 x the share of respondents rating 4 or 5 of 5 (top_two_box).",
        "Then opportunity = importance + max(importance - satisfaction, 0): opportunity_score(importance, satisfaction).",
    ],
    solution_text=('# Importance and satisfaction on 0-10: 10 x the share of respondents rating 4 or 5 of 5.\n'
                   '# Then the unmet part counts again: opportunity = importance + max(importance - satisfaction, 0).\n'
                   'outcome = "know the week\'s labour cost before the week starts"\n'
                   "importance = top_two_box([r['outcomes'][outcome]['importance'] for r in survey])\n"
                   "satisfaction = top_two_box([r['outcomes'][outcome]['satisfaction'] for r in survey])\n"
                   'answer_q8 = opportunity_score(importance, satisfaction)'),
    answer=_OPP,
    wrong=[_OPP_FROM_MEANS, _OPP / 2, _OPP_NO_X10, _IMP],
    misconceptions=[
        Misconception(_OPP_FROM_MEANS,
                      "That looks like means of the 1-5 ratings: the scale is 10 x the share rating 4 or 5."),
        Misconception(_OPP_NO_X10, "Those are shares from 0 to 1: put importance and satisfaction on 0-10 "
                                   "(x 10) first."),
        Misconception(_IMP, "That is the importance alone: add the unmet part, max(importance - satisfaction, 0)."),
    ],
)

# ---------------------------------------------------------------- q9 MoSCoW effort rule

DRAFT_PLAN = ["B01", "B02", "B05", "B03", "B08", "B09", "B36", "B21", "B39"]
_PLAN_ITEMS = [_BY_ID[k] for k in DRAFT_PLAN]
_MUST_SHARE = moscow_effort_shares(_PLAN_ITEMS)["shares"]["Must"]
_MUST_COUNT = sum(b["moscow"] == "Must" for b in _PLAN_ITEMS) / len(_PLAN_ITEMS)
q9 = Question(
    module=MODULE, id="q9", points=1,
    prompt="The draft quarter plan DRAFT_PLAN keeps each item's MoSCoW category from the backlog. "
           "What share of its effort (a fraction from 0 to 1) is Must? Give it to 2 decimal places.",
    checker=Value(expected=_MUST_SHARE, decimals=2),
    hints=[
        "DSDM's 60 % rule is about effort, not about the number of items: add up person-months per category.",
        "moscow_effort_shares(items)['shares']['Must'], with items the backlog dicts of DRAFT_PLAN.",
    ],
    solution_text=("# DSDM's 60 % rule counts effort, not items: add up the person-months per category.\n"
                   'plan = [by_id[k] for k in DRAFT_PLAN]\n'
                   "answer_q9 = moscow_effort_shares(plan)['shares']['Must']"),
    answer=_MUST_SHARE,
    wrong=[_MUST_COUNT, _MUST_SHARE * 100],
    misconceptions=[
        Misconception(_MUST_COUNT, "That is the share of items; the rule counts effort (person-months)."),
        Misconception(lambda a: a > 1, "Give a fraction between 0 and 1, e.g. 0.5 for half.",
                      example=_MUST_SHARE * 100),
    ],
)

# ---------------------------------------------------------------- q10 CD3 sequence

CD3_ITEMS = ["B03", "B05", "B04", "B01", "B17"]
_CD3 = {k: cd3(_BY_ID[k]["cost_of_delay_per_week"], _BY_ID[k]["duration_weeks"]) for k in CD3_ITEMS}
_CD3_ORDER = sorted(CD3_ITEMS, key=lambda k: -_CD3[k])
_COD_ORDER = sorted(CD3_ITEMS, key=lambda k: -_BY_ID[k]["cost_of_delay_per_week"])
q10 = Question(
    module=MODULE, id="q10", points=1,
    prompt="The order in which to do the items CD3_ITEMS by CD3 (cost of delay per week / duration in weeks), "
           "first item first.",
    checker=Ordering(expected=_CD3_ORDER),
    hints=[
        "CD3 = cost_of_delay_per_week / duration_weeks for each item; highest CD3 goes first.",
        "sorted(CD3_ITEMS, key=lambda k: -cd3(...)) with the item's two fields.",
    ],
    solution_text=("# CD3 = cost of delay per week / duration in weeks: the value lost per week of the team's time.\n"
                   '# Highest CD3 first delivers the most value over the period.\n'
                   "answer_q10 = sorted(CD3_ITEMS, key=lambda k: cd3(by_id[k]['cost_of_delay_per_week'], by_id[k]['duration_weeks']),\n"
                   '                    reverse=True)'),
    answer=list(_CD3_ORDER),
    wrong=[_COD_ORDER, list(reversed(_CD3_ORDER))],
    misconceptions=[
        Misconception(_COD_ORDER, "That orders by cost of delay alone: divide by the duration."),
    ],
)

# ---------------------------------------------------------------- q11 WSJF

WSJF_ITEMS = ["B01", "B02", "B04", "B05", "B38"]
_WSJF = {k: wsjf(_BY_ID[k]["business_value"], _BY_ID[k]["time_criticality"], _BY_ID[k]["risk_reduction"],
                 _BY_ID[k]["job_size"]) for k in WSJF_ITEMS}
_TOP_WSJF = max(WSJF_ITEMS, key=lambda k: _WSJF[k])
_TOP_COD = max(WSJF_ITEMS, key=lambda k: _BY_ID[k]["business_value"] + _BY_ID[k]["time_criticality"]
               + _BY_ID[k]["risk_reduction"])
q11 = Question(
    module=MODULE, id="q11", points=1,
    prompt="Which item of WSJF_ITEMS has the highest WSJF (SAFe), so that it goes first?",
    checker=Choice(expected=_TOP_WSJF, options=WSJF_ITEMS),
    hints=[
        "WSJF = (business_value + time_criticality + risk_reduction) / job_size, all from the backlog.",
        "A small job with a moderate cost of delay can beat a big job with a large one.",
    ],
    solution_text=('# WSJF (SAFe) = Cost of Delay / job size, with Cost of Delay = business value + time criticality\n'
                   '# + risk reduction; the highest WSJF goes first.\n'
                   'def wsjf_of(k):\n'
                   '    b = by_id[k]\n'
                   "    return wsjf(b['business_value'], b['time_criticality'], b['risk_reduction'], b['job_size'])\n"
                   '\n'
                   'answer_q11 = max(WSJF_ITEMS, key=wsjf_of)'),
    answer=_TOP_WSJF,
    wrong=[_TOP_COD] if _TOP_COD != _TOP_WSJF else [k for k in WSJF_ITEMS if k != _TOP_WSJF][:1],
    misconceptions=[
        Misconception(_TOP_COD, "That item has the highest cost of delay; WSJF divides it by the job size."),
    ],
)

# ---------------------------------------------------------------- q12 capacity planner (widget)

#: The quarter's shortlist: the Must and Should items among those that compete for the quarter's capacity
#: (quarter_candidates: half-month fixes come from the polish budget, as in the lesson).
SHORTLIST = [b["id"] for b in quarter_candidates(BACKLOG) if b["moscow"] in ("Must", "Should")]
SHORTLIST_ITEMS = capacity_items([_BY_ID[k] for k in SHORTLIST])
_BEST = best_within_capacity(SHORTLIST_ITEMS, CAPACITY)
_GREEDY = greedy_within_capacity(SHORTLIST_ITEMS, CAPACITY)
_SL = {it["id"]: it for it in SHORTLIST_ITEMS}
_GAP_PCT = 100 * (_BEST["value"] - _GREEDY["value"]) / _BEST["value"]


def _known(ids):
    bad = [i for i in ids if i not in _SL]
    return f"not on the shortlist: {', '.join(map(repr, bad))}." if bad else None


def _once(ids):
    return "each item can be chosen once." if len(set(ids)) != len(ids) else None


def _fits(ids):
    effort = sum(_SL[i]["effort"] for i in set(ids) if i in _SL)
    return (f"the set takes {effort:g} person-months; the quarter's capacity is {CAPACITY:g}."
            if effort > CAPACITY + 1e-9 else None)


def _most(ids):
    value = math.fsum(_SL[i]["value"] for i in set(ids) if i in _SL)
    return ("another set that fits has more total value; try swapping an item the ranking likes for a "
            "bigger one that uses the room better." if value < _BEST["value"] - 1e-6 else None)


q12 = Question(
    module=MODULE, id="q12", points=2,
    prompt=f"With the capacity planner, choose the shortlist items with the most total value that fit in the "
           f"quarter's capacity ({CAPACITY:g} person-months); answer with the planner itself. The exact best set is asked "
           "for on purpose: the point is to see where ranking by value/effort stops being best.",
    checker=WidgetState(inner=Rubric(shape=list[str], rules=[
        Rule("shortlist items only", _known),
        Rule("each item once", _once),
        Rule("fits the capacity", _fits),
        Rule("most value", _most),
    ])),
    hints=[
        "Press 'Greedy pick' first: it fills the quarter's capacity by value/effort. Is any capacity left, "
        "or could a bigger item replace two smaller ones?",
        "Compare sets by their total value, not by the ranks of their items. Look for room the greedy set "
        "leaves unused, or two small items a bigger one could replace; the planner shows your total each time.",
    ],
    solution_text="# Greedy fills the capacity down the value/effort ranking, and can miss the best set: swapping\n"
                  "# items can use the capacity better. The best set is a 0/1 knapsack; with a short list every\n"
                  "# combination can be tried (best_within_capacity does exactly that).\n"
                  f"planner.set({_BEST['ids']!r})\nanswer_q12 = planner",
    answer=list(_BEST["ids"]),  # the planner's plain .value (a self-test wraps it in an object with .value)
    wrong=[list(_GREEDY["ids"]), list(SHORTLIST[:6])],
    misconceptions=[
        Misconception(lambda ids: sorted(ids) == sorted(_GREEDY["ids"]),
                      "This is the greedy set (down the value/effort ranking): it fills the capacity, yet another "
                      f"set is worth more. Here the gap is small ({_GAP_PCT:.1f} %), well inside the estimates' "
                      "uncertainty, so in real planning either set would do; this question asks for the best "
                      "set because seeing that greedy can miss it is the lesson.",
                      example=list(_GREEDY["ids"])),
    ],
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12]

# ---------------------------------------------------------------- w1 written: say no (graded by a person)

W1_MODEL = (
    "Thanks for flagging this: a 14-site chain is exactly the kind of customer our Group-plan goal is about, and I "
    "want us to win it. I'm not going to put the custom report (B31) into next quarter, though. It would take about "
    "2 person-months, a third of the quarter's capacity, for one account: its RICE score is the lowest of our 40 items, because "
    "it reaches 14 sites while the items it would push out, like find cover (B05) and the payroll export (B01), "
    "reach around 900 sites each and answer problems customers raised again and again in interviews. What I can "
    "offer: the prospect's real need is seeing labour cost across sites. B07, a multi-site labour report for every "
    "chain, covers it and serves around 300 sites; I'll bring it to the next roadmap review with your numbers on how "
    "many chain deals it affects. Meanwhile, our existing hours export can give them a site-by-site spreadsheet for "
    "the trial. Could we call the prospect together this week to check that would be enough to sign?"
)
W1_MARK_SCHEME = [
    "1 point, understands the need: acknowledges the request and the need behind it (winning the chain; "
    "multi-site labour visibility), not just the feature.",
    "1 point, clear decision: says no / not now plainly, without hedging or a vague 'maybe later'.",
    "1 point, reasons from evidence and goals: at least two concrete, correct reasons from the case, e.g. reach of "
    "14 sites against hundreds, lowest RICE, 2 of the 6 person-months, what it would displace, a one-off build for "
    "one account, the goals (churn, Group-plan share).",
    "1 point, alternative and relationship: offers a path (B07 for all chains, a workaround, a review date or what "
    "would change the decision) and a respectful, collaborative tone (thanks, a next step together).",
    "Deduct nothing for length or style if all four are met; 0 for a point that is missing or factually wrong "
    "(e.g. a wrong reach or score).",
]
w1 = WrittenAnswer(
    module=MODULE, id="w1", points=4,
    prompt="Decline, for now, the Head of Sales's request to put B31 (the custom report for the 14-site prospect) "
           "into next quarter, in about 120 to 200 words.",
    rules=[
        mentions("acknowledges the need", ["thanks", "thank you", "understand", "need", "prospect", "chain", "win"],
                 "Show you heard the request and the need behind it (the deal, multi-site labour cost).", at_least=2),
        mentions("states the decision", ["not now", "not going to", "won't", "will not", "not this sprint",
                                         "not next sprint", "not this quarter", "not next quarter", "decline", "not in"],
                 "Say plainly what you decided (e.g. 'not in next quarter')."),
        mentions("gives reasons from the data or the goals",
                 ["rice", "reach", "sites", "person-months", "sprint", "quarter", "capacity", "goal", "churn", "B05", "B01",
                  "interviews"],
                 "Give at least two reasons from the case: reach, RICE, effort against the quarter's capacity, what it displaces, "
                 "the goals.", at_least=2),
        mentions("offers an alternative", ["instead", "offer", "alternative", "B07", "export", "workaround",
                                           "meanwhile", "what would change"],
                 "Offer a way forward: another item, a workaround, or what would change the decision."),
        mentions("a next step", ["call", "meet", "review", "this week", "next week", "together", "follow up"],
                 "End with a next step you take together (a call, a review date)."),
        length(min_words=100, max_words=220),
    ],
    model_answer=W1_MODEL,
    mark_scheme=W1_MARK_SCHEME,
)

WRITTEN = [w1]
