"""The exercise questions of module 03, Vision, strategy and roadmap.

Reference answers are computed once, here, from the pure logic and the case
study data; nothing here imports ipywidgets or matplotlib.
"""

from __future__ import annotations

import re
from typing import Any

from ..core import Choice, Function, Mapping, Misconception, Question, Rubric, Rule, SetOf, Value, WidgetState
from ..core.isolation import call_with_time_limit
from ..core.validate import InputError, InputTypeError, MalformedAnswer, conform
from ..core.written import WrittenAnswer, length, mentions
from ..data import load
from .business import bet_outcomes, bet_summary, ltv, ltv_to_cac, plan_economics
from .strategy import (
    NORTH_STAR_CRITERIA,
    POSITIONING_CRITERIA,
    VISION_BOARD_CRITERIA,
    VISION_BOARD_FIELDS,
    _metric,
    annual_key_results,
    critique_key_result,
    key_result_count_issue,
    key_result_issues,
    key_result_progress,
    okr_score,
    okr_shape_issue,
    parse_positioning,
    roadmap_column,
)

MODULE = "03_vision_strategy_roadmap"

_WEEKLY = load("analytics")["weekly"]
_BACKLOG = load("backlog")
FILLED_WEEK_1 = _WEEKLY[0]["shifts_filled_without_manager_calls"]
FILLED_WEEK_26 = _WEEKLY[-1]["shifts_filled_without_manager_calls"]
WEEK_1, WEEK_26 = _WEEKLY[0], _WEEKLY[-1]

# ---------------------------------------------------------------- q1, q2: one key result

_Q1 = key_result_progress(FILLED_WEEK_1, 0.60, FILLED_WEEK_26)

q1 = Question(
    module=MODULE, id="q1", points=1,
    prompt=("Key result: 'Raise the share of shifts filled without the manager phoning round from its week-1 "
            "level to 0.60 by week 26.' Take the baseline from week 1 and the actual from week 26 of "
            "load('analytics')['weekly'] (column 'shifts_filled_without_manager_calls'). Its progress, from 0.0 to "
            "1.0, to 2 decimal places?"),
    checker=Value(expected=_Q1, decimals=2),
    hints=[
        "Progress is the share of the distance from the baseline to the target that has been covered.",
        "(actual - baseline) / (target - baseline), clipped to 0..1; weekly[0] is week 1, weekly[-1] is week 26.",
    ],
    solution_text=('# Progress = the share of the distance from baseline to target covered so far, clipped to 0..1.\n'
                   'baseline = weekly[0]["shifts_filled_without_manager_calls"]\n'
                   'actual = weekly[-1]["shifts_filled_without_manager_calls"]\n'
                   'answer_q1 = key_result_progress(baseline=baseline, target=0.60, actual=actual)'),
    answer=_Q1,
    wrong=[FILLED_WEEK_26 / 0.60, _Q1 * 100, 1 - _Q1],
    misconceptions=[
        Misconception(lambda a: abs(a - FILLED_WEEK_26 / 0.60) < 0.005,
                      "You divided the actual by the target: that measures from zero, but the key result starts "
                      "from its baseline.", example=FILLED_WEEK_26 / 0.60),
        Misconception(lambda a: a > 1, "Progress is a grade from 0.0 to 1.0, not a percentage.", example=_Q1 * 100),
    ],
)

_Q2 = key_result_progress(3.1, 2.0, 2.4)

q2 = Question(
    module=MODULE, id="q2", points=1,
    prompt=("A falling target. Key result: 'Cut monthly site churn from 3.1 % to 2.0 % by the end of Q4.' "
            "At the end-of-Q4 review churn is 2.4 % (a hypothetical reading: the case data stop today, at week 26). "
            "Its progress, from 0.0 to 1.0, to 2 decimal places?"),
    checker=Value(expected=_Q2, decimals=2),
    hints=[
        "The same formula works when the target is below the baseline: the signs cancel.",
        "(2.4 - 3.1) / (2.0 - 3.1): how much of the planned fall has happened?",
    ],
    solution_text=('# The planned fall is 3.1 - 2.0 = 1.1 points; churn has fallen 3.1 - 2.4 = 0.7 of them.\n'
                   '# The same formula as a rising target: (actual - baseline) / (target - baseline).\n'
                   'answer_q2 = key_result_progress(baseline=3.1, target=2.0, actual=2.4)'),
    answer=_Q2,
    wrong=[2.4 / 2.0, 2.0 / 2.4, (3.1 - 2.4) / 3.1, 1 - _Q2, _Q2 * 100],
    misconceptions=[
        Misconception(lambda a: 1 < a <= 2, "Progress is from 0.0 to 1.0; for a falling target the actual is above "
                                            "the target until it is reached.", example=2.4 / 2.0),
        Misconception(lambda a: abs(a - (3.1 - 2.4) / 3.1) < 0.005,
                      "That is the relative fall in churn; progress compares the fall so far with the planned fall.",
                      example=(3.1 - 2.4) / 3.1),
        Misconception(lambda a: abs(a - 2.0 / 2.4) < 0.005,
                      "Dividing target by actual ignores the baseline: measure the distance covered from 3.1 %.",
                      example=2.0 / 2.4),
        Misconception(lambda a: a > 2, "Progress is a grade from 0.0 to 1.0, not a percentage.", example=_Q2 * 100),
    ],
)

# ---------------------------------------------------------------- q3: the objective's score

_Q3_KRS = [(kr["baseline"], kr["target"], kr["actual"])
           for kr in annual_key_results(load("company"), load("analytics")["weekly"])]
_Q3 = okr_score([key_result_progress(*kr) for kr in _Q3_KRS])

q3 = Question(
    module=MODULE, id="q3", points=1,
    prompt=("An annual, aspirational objective set today (week 26) for the next 12 months: 'Cafés rely on Shiftbrew "
            "every week.' It is reviewed at mid-year, week 52; the week-52 readings are hypothetical, since the data "
            "stop today. Its key results: churn 3.1 % -> 2.0 %, at week 52 2.6 %; shifts filled without manager "
            "calls, from week 26's value -> 0.65, at week 52 0.585; Group-plan share of sites 0.30 -> 0.45, at week "
            "52 0.37. The objective's score so far, from 0.0 to 1.0, to 2 decimal places?"),
    checker=Value(expected=_Q3, decimals=2),
    hints=[
        "Score each key result from 0.0 to 1.0 first, with key_result_progress; the shifts baseline is "
        "weekly[-1] (week 26, today).",
        "The objective's score is the mean of its key results' scores: okr_score([...]). Then read it against the "
        "time elapsed: okr_verdict(score, elapsed=0.5).",
    ],
    solution_text=('# Grade each key result from 0.0 to 1.0, then take the plain mean (not the sum).\n'
                   'scores = [\n'
                   '    key_result_progress(3.1, 2.0, 2.6),\n'
                   '    key_result_progress(weekly[-1]["shifts_filled_without_manager_calls"], 0.65, 0.585),\n'
                   '    key_result_progress(0.30, 0.45, 0.37),\n'
                   ']\n'
                   'answer_q3 = okr_score(scores)\n'
                   '# Half the year has gone: read the score against the time elapsed, not as an end-of-year verdict.\n'
                   'print(f"{answer_q3:.2f}: {okr_verdict(answer_q3, \'aspirational\', elapsed=0.5)}")'),
    answer=_Q3,
    wrong=[_Q3 * 100, _Q3 * 3, 0.65],
    misconceptions=[
        Misconception(lambda a: a > 1.0 and a < 3.01, "That looks like the sum of the scores; the objective's "
                                                       "score is their mean.", example=_Q3 * 3),
        Misconception(lambda a: a > 3.01, "OKRs are graded from 0.0 to 1.0, not in percent.", example=_Q3 * 100),
        Misconception(lambda a: abs(a - 0.65) < 1e-9, "0.65 is the sweet spot to aim for, not this objective's score.",
                      example=0.65),
    ],
)

# ---------------------------------------------------------------- q4: outcomes and outputs

OUTCOME_OR_OUTPUT = {
    "a": "Launch shift swaps on the phone",
    "b": "Owners spend under 30 minutes a week building the rota",
    "c": "Ship the payroll export in five provider formats",
    "d": "Monthly site churn falls below 2 %",
    "e": "Run a webinar series for café owners",
    "f": "Eight in ten open shifts are claimed by staff within an hour",
    "g": "Redesign the rota editor",
    "h": "Support tickets about payroll exports halve",
}
_Q4 = {"a": "output", "b": "outcome", "c": "output", "d": "outcome", "e": "output", "f": "outcome",
       "g": "output", "h": "outcome"}

q4 = Question(
    module=MODULE, id="q4", points=1,
    prompt=("Outcomes or outputs? For each statement in OUTCOME_OR_OUTPUT (keys 'a' to 'h'), answer 'outcome' "
            "(a change in what customers do or in business results) or 'output' (something the team makes or does)."),
    checker=Mapping(
        expected=_Q4, categories=["outcome", "output"],
        item_hints={
            "a": "Statement a: when it is done, has anything changed for a café yet?",
            "b": "Statement b: who changes, the team or the owners?",
            "e": "Statement e: an event the team runs is work, whatever it leads to.",
            "f": "Statement f: this describes what staff do, not what the team builds.",
            "h": "Statement h: fewer tickets is a change in customers' experience, seen from support.",
        },
    ),
    hints=[
        "An output is something you can finish by working harder (ship, launch, run, redesign).",
        "An outcome is a change you hope the output causes: in behaviour (owners, staff) or in business results.",
    ],
    solution_text=('# Outputs are work the team can finish (launch, ship, run, redesign); outcomes are changes in what\n'
                   '# customers do or in business results (owners spend less time, churn falls, tickets halve).\n'
                   'answer_q4 = {"a": "output", "b": "outcome", "c": "output", "d": "outcome",\n'
                   '             "e": "output", "f": "outcome", "g": "output", "h": "outcome"}'),
    answer=_Q4,
    wrong=[{k: "outcome" for k in _Q4}, {**_Q4, "h": "output", "e": "outcome"}],
    misconceptions=[Misconception(lambda a: len(set(a.values())) == 1,
                                  "You gave every statement the same label: look for the verbs of work.",
                                  example={k: "outcome" for k in _Q4})],
)

# ---------------------------------------------------------------- q5: well-formed key results

KEY_RESULTS = {
    "a": "Cut monthly site churn from 3.1 % to under 2 % by the end of Q4",
    "b": "Launch the open shifts board by the end of Q3",
    "c": "Increase customer happiness",
    "d": "Raise the share of Group-plan sites from 30 % to 45 % within 12 months",
    "e": "Hold 20 customer interviews by June",
    "f": "Reduce the median time to cover an open shift from 3 hours to 45 minutes by the end of Q3",
    "g": "Increase weekly swaps completed from 600 to 1200",
}
_Q5 = {k for k, v in KEY_RESULTS.items() if not key_result_issues(v)}
assert _Q5 == {"a", "d", "f"}, _Q5

q5 = Question(
    module=MODULE, id="q5", points=1,
    prompt=("Which of KEY_RESULTS (keys 'a' to 'g') are well-formed key results: an outcome, with a number, "
            "and a time frame? Answer a set of keys."),
    checker=SetOf(expected=_Q5),
    hints=[
        "Check each one for three things: is there a number? is it a change (not a task)? does it say by when?",
        "Verbs such as 'launch' and 'hold' describe tasks; decide each one yourself, then compare with critique_key_result.",
    ],
    solution_text=('# Keep the statements with a number, a time frame and a change in results.\n'
                   'answer_q5 = {key for key, kr in KEY_RESULTS.items() if not critique_key_result(kr)}\n'
                   "# {'a', 'd', 'f'}: b and e are tasks, c has no number or date, g has no time frame"),
    answer=_Q5,
    wrong=[{"a", "d", "f", "g"}, {"a", "b", "d", "e", "f"}, {"a"}],
    misconceptions=[
        Misconception(lambda a: "g" in a, "Check the one about swaps again: by when?", example={"a", "d", "f", "g"}),
        Misconception(lambda a: "b" in a or "e" in a, "A date and a number do not turn a task into an outcome.",
                      example={"a", "b", "d", "e", "f"}),
    ],
)

# ---------------------------------------------------------------- q6: weak North Star candidates

NORTH_STAR_CANDIDATES = {
    "a": "Monthly recurring revenue",
    "b": "Shifts filled per week without the manager phoning round",
    "c": "Daily active users of the mobile app",
    "d": "Sign-ups per week",
    "e": "Open shifts covered by staff within an hour, per week",
    "f": "Number of features shipped per quarter",
}
_Q6 = {"a", "c", "d", "f"}

q6 = Question(
    module=MODULE, id="q6", points=1,
    prompt=("Which of NORTH_STAR_CANDIDATES (keys 'a' to 'f') are weak North Star metrics for Shiftbrew? "
            "Answer the set of keys of the weak ones."),
    checker=SetOf(expected=_Q6),
    hints=[
        "A North Star counts the moment customers get value from the product, over a period.",
        "Revenue is what the company captures, raw activity can happen without value, and outputs are the team's work.",
    ],
    solution_text=('# a is revenue (what the company captures), c raw activity, d a top-of-funnel count, f an output;\n'
                   '# b and e count a moment a café gets value (a shift sorted without phoning round), per week.\n'
                   'answer_q6 = {"a", "c", "d", "f"}  # revenue, raw activity, a top-of-funnel count, an output'),
    answer=_Q6,
    wrong=[{"a", "d", "f"}, {"a", "c", "d", "e", "f"}, {"b", "e"}],
    misconceptions=[
        Misconception(lambda a: "c" not in a, "Opening the app is activity: it can happen without a shift being sorted.",
                      example={"a", "d", "f"}),
        Misconception(lambda a: "b" in a or "e" in a, "One you marked weak counts a moment a café gets value.",
                      example={"a", "c", "d", "e", "f"}),
    ],
)

# ---------------------------------------------------------------- q7: input metric kinds

_INPUT_METRICS = {
    "sites that publish a rota each week": "breadth",
    "share of a site's rota changes made in the app (not by text or on paper)": "depth",
    "open shifts posted per site per week": "frequency",
    "median minutes from an open shift to cover": "efficiency",
    "cafés that filled at least one open shift through the app this week": "breadth",
}

q7 = Question(
    module=MODULE, id="q7", points=1,
    prompt=("Label each input metric in INPUT_METRICS_TO_LABEL (a list) with its kind: 'breadth' (how many use it), "
            "'depth' (how much of it they use), 'frequency' (how often) or 'efficiency' (how fast or easily). "
            "Answer a dict mapping each metric to its kind."),
    checker=Mapping(
        expected=_INPUT_METRICS, categories=["breadth", "depth", "frequency", "efficiency"],
        item_hints={
            "share of a site's rota changes made in the app (not by text or on paper)": "A share of one site's rota work: how much of it runs through the product?",
            "median minutes from an open shift to cover": "Minutes to cover: is that about how many, how much, how often, or how fast?",
            "cafés that filled at least one open shift through the app this week": "Counting cafés: how many get the value at all.",
        },
    ),
    hints=[
        "Breadth counts accounts or users; depth how much of the product each uses.",
        "Frequency is 'how often per period'; efficiency is time or effort per task.",
    ],
    solution_text=('# Breadth counts sites or people; depth is how much of their work goes through the product;\n'
                   '# frequency is how often per period; efficiency is time or effort per task.\n'
                   'answer_q7 = {\n'
                   '    "sites that publish a rota each week": "breadth",\n'
                   '    "share of a site\'s rota changes made in the app (not by text or on paper)": "depth",\n'
                   '    "open shifts posted per site per week": "frequency",\n'
                   '    "median minutes from an open shift to cover": "efficiency",\n'
                   '    "cafés that filled at least one open shift through the app this week": "breadth",\n'
                   '}'),
    answer=dict(_INPUT_METRICS),
    wrong=[{**_INPUT_METRICS, "median minutes from an open shift to cover": "frequency"},
           {k: "breadth" for k in _INPUT_METRICS}],
)
INPUT_METRICS_TO_LABEL = list(_INPUT_METRICS)

# ---------------------------------------------------------------- q8: Now / Next / Later by certainty


def _place(items: list[dict]) -> dict[str, str]:
    return {it["id"]: roadmap_column(it["certainty"]) for it in items}


def _q8_answer(items):
    column = {"high": "Now", "medium": "Next", "low": "Later"}
    return {item["id"]: column[item["certainty"]] for item in items}


def _q8_reversed(items):
    column = {"high": "Later", "medium": "Next", "low": "Now"}
    return {item["id"]: column[item["certainty"]] for item in items}


def _q8_all_now(items):
    return {item["id"]: "Now" for item in items}


def _q8_first_only(items):
    column = {"high": "Now", "medium": "Next", "low": "Later"}
    return {items[0]["id"]: column[items[0]["certainty"]]} if items else {}


_HIGH = {"id": "H1", "title": "a well-understood item", "certainty": "high"}
_LOW = {"id": "L1", "title": "a rough idea", "certainty": "low"}


def _q8_on(f, items: list[dict]) -> dict:
    """The learner's function on a small, described case ({} if it fails: other feedback covers that)."""
    try:
        r = call_with_time_limit(f, (items,), 1.0)
    except Exception:
        return {}
    return r if isinstance(r, dict) else {}


q8 = Question(
    module=MODULE, id="q8", points=2,
    prompt=("Write place_on_roadmap(items): given backlog items (dicts with 'id' and 'certainty', as from "
            "load('backlog')), return a dict mapping each id to 'Now' (high certainty), 'Next' (medium) or "
            "'Later' (low)."),
    checker=Function(reference=_place, inputs=[(_BACKLOG[:10],), (_BACKLOG[10:25],)], returns=dict[str, str]),
    hints=[
        "Loop over the items and look at item['certainty']: it is 'high', 'medium' or 'low'.",
        "Certainty falls from Now to Later: the best-understood items go first. A small lookup table from "
        "certainty to column saves a chain of ifs.",
    ],
    solution_text=('# Certainty falls from Now (high) to Later (low); one lookup per item, keyed by its id.\n'
                   'def place_on_roadmap(items):\n'
                   '    column = {"high": "Now", "medium": "Next", "low": "Later"}\n'
                   '    return {item["id"]: column[item["certainty"]] for item in items}'),
    answer=_q8_answer,
    wrong=[_q8_reversed, _q8_all_now, _q8_first_only],
    misconceptions=[
        Misconception(lambda f: _q8_on(f, [_HIGH]).get("H1") == "Later",
                      "On a single item of high certainty, your function answers 'Later': the best-understood "
                      "items go in Now.", example=_q8_reversed),
        Misconception(lambda f: len(set(_q8_on(f, [_HIGH, _LOW]).values())) == 1 and len(_q8_on(f, [_HIGH, _LOW])) == 2,
                      "On one high-certainty and one low-certainty item, your function puts both in the same "
                      "column: the column depends on each item's certainty.", example=_q8_all_now),
        Misconception(lambda f: len(_q8_on(f, [_HIGH, _LOW])) == 1,
                      "On a list of two items, your function returns one entry: return a column for every item.",
                      example=_q8_first_only),
    ],
)

# ---------------------------------------------------------------- q9: the four product risks

RISK_CONCERNS = {
    "a": "Will owners switch from their spreadsheet to auto-fill, or keep building rotas by hand?",
    "b": "Can a barista find the swap button on a small phone during a break?",
    "c": "Can seven engineers build till integrations for six till brands this year?",
    "d": "Will cross-site cover break our working-time obligations or the Group plan's pricing?",
    "e": "Will staff understand why a shift offer reached them and not a colleague?",
}
_Q9 = {"a": "value", "b": "usability", "c": "feasibility", "d": "business viability", "e": "usability"}

q9 = Question(
    module=MODULE, id="q9", points=1,
    prompt=("Cagan's four product risks: which risk does each concern in RISK_CONCERNS (keys 'a' to 'e') test? "
            "Answer 'value', 'usability', 'feasibility' or 'business viability' for each key."),
    checker=Mapping(
        expected=_Q9, categories=["value", "usability", "feasibility", "business viability"],
        item_hints={
            "a": "Concern a: is it about whether they can, or whether they will choose to?",
            "d": "Concern d: who else in the company would object: engineers, users, or legal and finance?",
            "e": "Concern e: understanding what the product did is part of using it.",
        },
    ),
    hints=[
        "Value: will they buy or choose it? Usability: can they use it? Feasibility: can we build it?",
        "Business viability: does it work for the rest of the business (legal, finance, sales, brand)?",
    ],
    solution_text=('# Value: will they choose it? Usability: can they use (and understand) it? Feasibility: can we\n'
                   '# build it? Business viability: does it work for legal, finance, sales and pricing?\n'
                   'answer_q9 = {"a": "value", "b": "usability", "c": "feasibility", "d": "business viability", "e": "usability"}'),
    answer=_Q9,
    wrong=[{**_Q9, "a": "usability"}, {**_Q9, "d": "feasibility", "c": "business viability"}],
)

# ---------------------------------------------------------------- q10: vision board rubric

SHIFTBREW_BOARD = {
    "vision": "Every café team knows who is working, and no owner spends Sunday night on the rota.",
    "target_group": ("Owners and operations managers of independent cafés and small coffee chains (1 to 20 sites) "
                     "in the UK, Ireland and the Netherlands; their baristas are the everyday users."),
    "needs": ("Build next week's rota in minutes, fill last-minute gaps without phoning round, swap shifts "
              "without chasing the owner, and send hours to payroll without retyping them."),
    "product": ("Shiftbrew: last week's rota copied in one click, shift swaps and open shifts on the phone "
                "with manager approval, and hours exported in the payroll provider's own format."),
    "business_goals": ("Grow ARR from $0.78M to $1.2M within 12 months; cut monthly site churn from 3.1 % to "
                       "under 2 %; raise the share of Group-plan sites from 30 % to 45 %."),
}


def _rules(criteria, adapt=lambda a: a) -> list[Rule]:
    def bind(test):
        return lambda a: test(adapt(a))
    return [Rule(name, bind(test)) for name, test in criteria]


def _mentions_case(a: dict) -> str | None:
    body = " ".join(a.values()).casefold()
    if not re.search(r"caf[eé]|coffee|barista", body):
        return "this board should be Shiftbrew's: its target group is independent cafés and small coffee chains."
    return None


q10 = Question(
    module=MODULE, id="q10", points=2,
    prompt=("Write Shiftbrew's Product Vision Board as a dict with the keys 'vision', 'target_group', 'needs', "
            "'product', 'business_goals' (each a text) that passes check_vision_board."),
    # the case rule is part of the visible check too: the hidden test re-applies it, it never adds an opinion
    checker=Rubric(rules=[*_rules(VISION_BOARD_CRITERIA), Rule("Shiftbrew's case", _mentions_case)],
                   shape=dict[str, str], fields=VISION_BOARD_FIELDS),
    hints=[
        "Run check_vision_board(your_board) and fix each criterion it lists.",
        "The vision is the change for cafés, not the app; the business goals are in load('company')['business_goals'].",
    ],
    solution_text=("# The vision is a change for cafés (no product in it); the target group a segment, not 'everyone';\n"
                   '# the needs problems, not features; the business goals measurable, from company.json.\n'
                   'answer_q10 = {\n'
                   '    "vision": "Café teams always know who is working, and owners get their Sunday evenings back.",\n'
                   '    "target_group": ("Owners of independent cafés and operations managers of small coffee chains (1 to 20 sites) "\n'
                   '                     "in the UK, Ireland and the Netherlands, with baristas as daily users."),\n'
                   '    "needs": ("Cover last-minute gaps without phoning round, swap shifts without chasing the owner, and send "\n'
                   '              "correct hours to payroll without retyping them."),\n'
                   '    "product": ("Shiftbrew: shift swaps and open shifts on the phone with approval, last week\'s rota "\n'
                   '                "copied in one click, and hours exported in each payroll provider\'s format."),\n'
                   '    "business_goals": ("Cut monthly site churn from 3.1 % to under 2 %, grow ARR to $1.2M within 12 months, "\n'
                   '                       "and raise Group-plan sites from 30 % to 45 %."),\n'
                   '}\n'
                   'print(check_vision_board(answer_q10))'),
    answer=dict(SHIFTBREW_BOARD),
    wrong=[
        {**SHIFTBREW_BOARD, "vision": "The best rota app with AI features for cafés", "target_group": "everyone"},
        {**SHIFTBREW_BOARD, "business_goals": "Make Shiftbrew famous"},
    ],
)
BOARD_CASE_RULE = Rubric(rules=[Rule("Shiftbrew's case", _mentions_case)], shape=dict[str, str],
                         fields=VISION_BOARD_FIELDS)

# ---------------------------------------------------------------- q11: positioning statement

SHIFTBREW_POSITIONING = (
    "For owners and managers of independent cafés who lose hours every week to rotas and last-minute gaps, "
    "Shiftbrew is a rota app that fills open shifts without phoning round. Unlike spreadsheets and group "
    "chats, Shiftbrew keeps swaps, hours and payroll exports in one place that every barista has on their phone."
)


_ALTERNATIVES = re.compile(
    r"\b(spreadsheets?|group chats?|chats?|whatsapp|paper|pen|notebooks?|enterprise|workforce|messaging|"
    r"point-of-sale|point of sale|till|pos|excel|google sheets|sheets|text messages?|texts?|texting|sms|phone|"
    r"phoning|phone calls?|calling|ringing round|emails?|notice ?boards?|whiteboards?|slack|deputy|rotacloud|"
    r"when i work|planday|homebase|agency|agencies)\b", re.I)


def _names_a_real_alternative(statement: str) -> str | None:
    alt = parse_positioning(statement).get("alternative", "")
    if not _ALTERNATIVES.search(alt):
        return ("name one of the alternatives Shiftbrew's customers use today (see load('market')['competitors']): "
                "I looked for a workaround or a product such as 'spreadsheets and group chats', 'phoning round' or "
                "'an enterprise workforce suite' after 'Unlike'; if yours names one, you're fine.")
    return None


q11 = Question(
    module=MODULE, id="q11", points=2,
    prompt=("Write Shiftbrew's positioning statement in Moore's template (a str): 'For <target customer> who "
            "<need>, <product> is a <category> that <key benefit>. Unlike <alternative>, <differentiator>.' "
            "It must pass check_positioning."),
    checker=Rubric(rules=[*_rules(POSITIONING_CRITERIA, parse_positioning),
                          Rule("a real alternative", _names_a_real_alternative)], shape=str),
    hints=[
        "Keep the template's signal words in order: For ... who ..., ... is a ... that .... Unlike ..., ....",
        "The alternative is what cafés use today (load('market')['competitors']), not 'competitors'.",
    ],
    solution_text=('# Choose a customer, a need from the interviews, a category buyers compare in, the benefit, the\n'
                   "# alternative they use today (a workaround, not 'competitors') and the one thing it cannot do.\n"
                   'answer_q11 = ("For operations managers of small coffee chains who phone round for cover when someone calls in sick, "\n'
                   '              "Shiftbrew is a rota app that fills open shifts in minutes and sends every site\'s hours to payroll. "\n'
                   '              "Unlike an enterprise workforce suite, Shiftbrew is priced for 3 to 20 sites and set up in an afternoon.")\n'
                   'print(check_positioning(answer_q11))'),
    answer=SHIFTBREW_POSITIONING,
    wrong=[
        "Shiftbrew is the best rota app for everyone.",
        "For everyone who works shifts, Shiftbrew is an app that saves time. Unlike competitors, it is better.",
    ],
)
POSITIONING_CASE_RULE = Rubric(rules=[Rule("a real alternative", _names_a_real_alternative)], shape=str)

# ---------------------------------------------------------------- q12: North Star rubric

_NS_INPUTS: dict[str, str] = {
    "sites that publish a rota each week": "breadth",
    "share of a site's rota changes made in the app (not by text or on paper)": "depth",
    "open shifts posted per site per week": "frequency",
    "median minutes from an open shift to cover": "efficiency",
}
SHIFTBREW_NORTH_STAR: dict[str, Any] = {
    "name": "Shifts filled per week without the manager phoning round",
    "customer_value": ("Each one is a gap that staff covered themselves, so owners and managers get their "
                       "morning back and the café opens on time."),
    "inputs": dict(_NS_INPUTS),
}


class _MetricRubric(Rubric):
    """A rubric whose answer must first have the North Star's shape (name, customer_value, inputs)."""

    def conform(self, answer: Any) -> Any:
        value = conform(answer, None)
        try:
            return _metric(value)
        except (InputError, InputTypeError) as exc:
            raise MalformedAnswer(str(exc)) from None


def _about_shiftbrew(m: dict) -> str | None:
    words = (m["name"] + " " + " ".join(m["inputs"])).casefold()
    if not re.search(r"shift|rota|swap|cover|hours", words):
        return "this North Star should be Shiftbrew's: count something about shifts, rotas, swaps or cover."
    return None


q12 = Question(
    module=MODULE, id="q12", points=2,
    prompt=("Write a North Star metric for Shiftbrew as a dict: 'name' (what is counted, per period), "
            "'customer_value' (a sentence), 'inputs' (a dict mapping 3 to 6 input metrics to 'breadth', 'depth', "
            "'frequency' or 'efficiency'). It must pass check_north_star."),
    checker=_MetricRubric(rules=[*_rules(NORTH_STAR_CRITERIA), Rule("Shiftbrew's case", _about_shiftbrew)],
                          shape=None),
    hints=[
        "Count the moment a café gets value (a shift sorted, a rota published), per week; not revenue, not log-ins.",
        "Inputs are what teams can move: how many sites (breadth), how much each uses it (depth), how often, how fast.",
    ],
    solution_text=('# Count the moment customers get value (a shift covered without phoning round), per week; then\n'
                   '# the levers that drive it: how many sites (breadth), how much (depth), how often, how fast.\n'
                   'answer_q12 = {\n'
                   '    "name": "Open shifts covered by staff per week, without a manager call",\n'
                   '    "customer_value": ("Every covered shift is a gap the team closed on its own, so owners stop phoning "\n'
                   '                       "round at dawn and cafés open fully staffed."),\n'
                   '    "inputs": {\n'
                   '        "cafés with at least one open shift posted per week": "breadth",\n'
                   '        "share of staff at a site who have claimed a shift": "depth",\n'
                   '        "shift swaps completed per site per week": "frequency",\n'
                   '        "median minutes from an open shift to a claim": "efficiency",\n'
                   '    },\n'
                   '}\n'
                   'print(check_north_star(answer_q12))'),
    answer={**SHIFTBREW_NORTH_STAR, "inputs": dict(_NS_INPUTS)},
    wrong=[
        {**SHIFTBREW_NORTH_STAR, "name": "Monthly recurring revenue"},
        {**SHIFTBREW_NORTH_STAR, "name": "Daily active users", "inputs": {"sign-ups per week": "breadth"}},
    ],
)
NORTH_STAR_CASE_RULE = _MetricRubric(rules=[Rule("Shiftbrew's case", _about_shiftbrew)], shape=None)

# ---------------------------------------------------------------- q13: the OKR builder (a widget answer)


class _OKRRubric(Rubric):
    """The OKR builder's value: {"objective": str, "key_results": [{"text", "baseline", "target", "actual"}]}."""

    def conform(self, answer: Any) -> Any:
        value = conform(answer, None)
        issue = okr_shape_issue(value)
        if issue:
            raise MalformedAnswer(issue)
        return value


def _okr_objective(v: dict) -> str | None:
    o = v["objective"]
    if len(o.split()) < 3:
        return "write the objective as a short qualitative sentence (what you want to achieve and why it matters)."
    if re.search(r"\d", o):
        return "keep numbers out of the objective; they belong in its key results."
    return None


def _okr_count(v: dict) -> str | None:
    return key_result_count_issue(len(v["key_results"]))


def _okr_wording(v: dict) -> str | None:
    weak = [f"KR {i + 1} ({', '.join(key_result_issues(kr['text']))})"
            for i, kr in enumerate(v["key_results"]) if key_result_issues(kr["text"])]
    return None if not weak else "not yet measurable, time-bound outcomes: " + "; ".join(weak) + "."


def _tracks_the_analytics(kr: dict) -> bool:
    """The key result whose baseline and actual are weeks 1 and 26 of the shifts filled without manager calls."""
    return any(abs(kr["baseline"] - FILLED_WEEK_1 * scale) < 1e-6 * scale
               and abs(kr["actual"] - FILLED_WEEK_26 * scale) < 1e-6 * scale for scale in (1, 100))


def _okr_targets(v: dict) -> str | None:
    flat = [f"KR {i + 1}" for i, kr in enumerate(v["key_results"]) if kr["baseline"] == kr["target"]]
    if flat:
        return "target equals baseline in " + ", ".join(flat) + ": a key result must move a number."
    falling = [f"KR {i + 1}" for i, kr in enumerate(v["key_results"])
               if _tracks_the_analytics(kr) and kr["target"] < kr["baseline"]]
    return None if not falling else (", ".join(falling) + " tracks shifts filled without manager calls: more is "
                                     "better, so its target should be above its week-1 baseline.")


def _okr_uses_data(v: dict) -> str | None:
    for kr in v["key_results"]:
        for scale in (1, 100):
            if (abs(kr["baseline"] - FILLED_WEEK_1 * scale) < 1e-6 * scale
                    and abs(kr["actual"] - FILLED_WEEK_26 * scale) < 1e-6 * scale):
                return None
    return ("one key result should track shifts filled without manager calls, with week 1 of the analytics as "
            "baseline and week 26 as actual.")


_OKR_RULES = [
    Rule("objective", _okr_objective),
    Rule("2 to 5 key results", _okr_count),
    Rule("key results are outcomes", _okr_wording),
    Rule("targets move", _okr_targets),
    Rule("uses the analytics", _okr_uses_data),
]

_Q13_ANSWER = {
    "objective": "Cafés sort their shifts without the manager",
    "key_results": [
        {"text": "Raise the share of shifts filled without manager calls from 42.8 % to 60 % by week 26",
         "baseline": FILLED_WEEK_1, "target": 0.60, "actual": FILLED_WEEK_26},
        {"text": "Raise the swaps completed per week from 604 to 1,200 by week 26",
         "baseline": WEEK_1["swaps_completed"], "target": 1200, "actual": WEEK_26["swaps_completed"]},
        {"text": "Raise the sites that publish a rota each week from 659 to 1,100 by week 26",
         "baseline": WEEK_1["sites_with_published_rota"], "target": 1100, "actual": WEEK_26["sites_with_published_rota"]},
    ],
}

q13 = Question(
    module=MODULE, id="q13", points=2,
    prompt=("Use the OKR builder (okr = OKRBuilder()) to write an objective for Shiftbrew with 2 to 5 key results "
            "that pass the critique. One must track 'shifts filled without manager calls' with week 1 of "
            "load('analytics')['weekly'] as its baseline and week 26 as its actual. Pass the widget: q13.check(okr)."),
    checker=WidgetState(inner=_OKRRubric(rules=_OKR_RULES, shape=None)),
    hints=[
        "Every key result needs a number, a time frame and a change in results (not 'launch' or 'build').",
        "The week-1 and week-26 values are weekly[0] and weekly[-1]['shifts_filled_without_manager_calls']; "
        "then copy the line the builder shows into the answer cell so it can be replayed.",
    ],
    solution_text=('# A qualitative objective, then 2-5 outcome key results with a number and a time frame; one tracks the\n'
                   '# share of shifts filled without manager calls from week 1 (baseline) to week 26 (actual). The OKR ran\n'
                   '# over weeks 1 to 26, so every key result has that one time frame and its actual from the data.\n'
                   'okr.set(objective="Cafés sort their shifts without the manager", key_results=[\n'
                   '    ("Raise the share of shifts filled without manager calls from 42.8 % to 60 % by week 26",\n'
                   '     weekly[0]["shifts_filled_without_manager_calls"], 0.60, weekly[-1]["shifts_filled_without_manager_calls"]),\n'
                   '    ("Raise the swaps completed per week from 604 to 1,200 by week 26",\n'
                   '     weekly[0]["swaps_completed"], 1200, weekly[-1]["swaps_completed"]),\n'
                   '    ("Raise the sites that publish a rota each week from 659 to 1,100 by week 26",\n'
                   '     weekly[0]["sites_with_published_rota"], 1100, weekly[-1]["sites_with_published_rota"]),\n'
                   '])\n'
                   'answer_q13 = okr'),
    answer=_Q13_ANSWER,
    wrong=[
        {**_Q13_ANSWER, "key_results": _Q13_ANSWER["key_results"][:1]},
        {**_Q13_ANSWER, "key_results": [_Q13_ANSWER["key_results"][0],
                                        {"text": "Launch the open shifts board", "baseline": 0, "target": 1, "actual": 1}]},
        {"objective": "Reach 60 % by Q4", "key_results": [
            {"text": "Cut monthly site churn from 3.1 % to 2 % by the end of Q4", "baseline": 3.1, "target": 2.0, "actual": 2.4},
            {"text": "Raise Group-plan sites from 30 % to 45 % within 12 months", "baseline": 0.3, "target": 0.45, "actual": 0.33},
        ]},
    ],
)

# ---------------------------------------------------------------- q14, q15: the business case

_COMPANY = load("company")
_UE = _COMPANY["unit_economics"]
_GROUP = plan_economics(_COMPANY, "Group")
_GROUP_ADS = plan_economics(_COMPANY, "Group", costs="ads")
_GROUP_PRICE = _COMPANY["pricing"]["plans"]["Group"]
_Q14 = _GROUP["ltv_to_cac"]
_Q14_REVENUE = ltv_to_cac(ltv(_GROUP_PRICE, 1.0, _GROUP["monthly_churn"]), _GROUP["cac"])   # revenue, not margin
_Q14_BLENDED = ltv_to_cac(ltv(_GROUP_PRICE, _GROUP["margin_rate"], _COMPANY["today"]["monthly_site_churn"]),
                          _GROUP["cac"])                                                      # the company's churn
_Q14_ADS = _GROUP_ADS["ltv_to_cac"]                                                          # ads only in CAC

q14 = Question(
    module=MODULE, id="q14", points=1,
    prompt="The LTV:CAC ratio of a Group-plan site, from company['unit_economics'] and the Group price, to 1 decimal "
           "place (LTV with the gross margin and the Group plan's own churn; CAC with all of its acquisition spend).",
    checker=Value(expected=_Q14, decimals=1),
    hints=[
        "LTV = price x gross margin / monthly churn; the gross margin is (price - variable costs) / price.",
        "CAC = (ads + people and tools) / new sites, over the same 26 weeks; then divide LTV by CAC.",
    ],
    solution_text=("# Skok's unit economics for one Group site: margin per month over churn is the LTV; all sales and\n"
                   "# marketing spend over the sites it won is the CAC. plan_economics does the same arithmetic.\n"
                   "ue = company['unit_economics']\n"
                   "price = company['pricing']['plans']['Group']\n"
                   "margin = margin_rate(price, sum(ue['variable_cost_per_site_month_usd']['Group'].values()))\n"
                   "acq = ue['acquisition_last_26_weeks']['Group']\n"
                   "group_cac = cac(acq['ads_usd'] + acq['people_and_tools_usd'], acq['new_sites'])\n"
                   "answer_q14 = ltv(price, margin, ue['monthly_site_churn_by_plan']['Group']) / group_cac"),
    answer=_Q14,
    wrong=[_Q14_REVENUE, _Q14_BLENDED, _Q14_ADS],
    misconceptions=[
        Misconception(lambda a: abs(a - _Q14_REVENUE) < 0.05,
                      "That LTV uses the price (revenue) instead of the margin: a site earns its price less "
                      "hosting and support.", example=_Q14_REVENUE),
        Misconception(lambda a: abs(a - _Q14_BLENDED) < 0.05,
                      "That uses the company's churn, an average over both plans; Group sites churn less than that.",
                      example=_Q14_BLENDED),
        Misconception(lambda a: abs(a - _Q14_ADS) < 0.05,
                      "That CAC counts the ads only: the people and tools of sales and marketing are part of "
                      "what a site costs to win.", example=_Q14_ADS),
    ],
)

_EFFORT = {b["id"]: b["effort"] for b in _BACKLOG}
#: the two churn bets of the case, each as outcomes with a value and the cost of building it
BETS = {k: {"outcomes": bet_outcomes(_COMPANY, k),
            "cost": _EFFORT[k] * _UE["cost_per_engineering_person_month_usd"]} for k in _UE["feature_bets"]}
_NET = {k: bet_summary(b["outcomes"], b["cost"])["net"] for k, b in BETS.items()}
_Q15 = max(_NET, key=lambda k: _NET[k])
_GROSS_BEST = max(BETS, key=lambda k: max(o["value"] for o in BETS[k]["outcomes"]))

q15 = Question(
    module=MODULE, id="q15", points=1,
    prompt="Of the two churn bets in BETS, B05 and B07, which has the higher expected value net of its cost "
           "(expected value of its outcomes minus the cost of building it)? Answer 'B05' or 'B07'.",
    checker=Choice(expected=_Q15, options=sorted(BETS)),
    hints=[
        "The expected value of a bet is the sum of probability x value over its outcomes.",
        "Then subtract its cost: effort in person-months x the cost of a person-month (BETS holds it).",
    ],
    solution_text=("# Expected value = sum of probability x value; net of the cost of building the bet.\n"
                   "net = {k: bet_summary(b['outcomes'], b['cost'])['net'] for k, b in BETS.items()}\n"
                   "answer_q15 = max(net, key=net.get)"),
    answer=_Q15,
    wrong=[k for k in sorted(BETS) if k != _Q15],
    misconceptions=[
        Misconception(lambda a: a == _GROSS_BEST and _GROSS_BEST != _Q15,
                      "That bet has the bigger best case, but a best case is one outcome: weigh every outcome by "
                      "its chance, then subtract the cost.", example=_GROSS_BEST),
    ],
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13, q14, q15]

# ---------------------------------------------------------------- w1: vision board, positioning and rationale

W1_MODEL = (
    "Vision: Café teams always know who is working, and no owner spends Sunday night on the rota.\n"
    "Target group: owners of independent cafés and operations managers of small chains (1-20 sites) in the UK, "
    "Ireland and the Netherlands; baristas are the daily users.\n"
    "Needs: cover last-minute gaps without phoning round; swap shifts without chasing the owner; send correct "
    "hours to payroll.\n"
    "Product: shift swaps and open shifts on the phone with approval, rotas copied from last week, payroll "
    "exports in the provider's format.\n"
    "Business goals: cut monthly site churn from 3.1 % to under 2 %; ARR from $0.78M to $1.2M in 12 months; "
    "Group-plan sites from 30 % to 45 %.\n"
    "Positioning: For owners and managers of independent cafés who lose hours every week to rotas and last-minute "
    "gaps, Shiftbrew is a rota app that fills open shifts without phoning round. Unlike spreadsheets and group "
    "chats, Shiftbrew keeps swaps, hours and payroll exports in one place every barista has on their phone.\n"
    "Rationale: The interviews show the most frequent, costly pains are last-minute cover (a 7 am cancellation, "
    "four calls; agency staff on 14 days), swaps lost in group chats, and payroll retyping; in the survey, "
    "'minimise the shifts left uncovered on the day' is the most important outcome and one of the least "
    "satisfied. The main alternative for single cafés is the free workaround (spreadsheets and chats), not a "
    "competitor, so the positioning names it. I left auto-fill and till forecasting out of the product field and "
    "the positioning: interviews give only hypothetical interest ('would I buy it? probably'), and both are low "
    "certainty. Churn leads the business goals because keeping cafés is the cheapest route to ARR."
)

W1_MARK_SCHEME = [
    "1 point: all five vision board fields are present and do their job (the vision is a change for customers, not "
    "the product; the target group is a specific segment; needs are problems, not features; business goals are "
    "measurable and match company.json).",
    "1 point: the positioning statement follows Moore's template and names a concrete alternative customers use "
    "today (spreadsheets and group chats, the enterprise suite, the till add-on), with a real differentiator, and "
    "promises nothing the board's product field leaves out.",
    "1 point: the rationale cites specific evidence from at least two case-study sources (an interview fact, the "
    "survey outcomes, the analytics, the market's competitors, the business goals), using facts about past "
    "behaviour rather than compliments or hypotheticals.",
    "1 point: the rationale names at least one deliberate omission or trade-off (a segment, a need or a feature "
    "left out) and justifies it (low certainty, hypothetical evidence, strategy focus). Half points are allowed; "
    "a generic board that could describe any scheduling product earns at most half of the first point.",
]

w1 = WrittenAnswer(
    module=MODULE, id="w1", points=4,
    prompt=("Present Shiftbrew's product vision board (the five fields) and its positioning statement, then one "
            "paragraph of rationale: the evidence behind your target group, needs and alternative, and what you "
            "deliberately left out and why. About 200-300 words."),
    rules=[
        mentions("has the five vision board fields", ["vision", "target group", "needs", "product", "business goals"],
                 "Label the five fields: Vision, Target group, Needs, Product, Business goals.", at_least=5),
        mentions("has a positioning statement in Moore's template", ["unlike"],
                 "Write the positioning as 'For ... who ..., Shiftbrew is a ... that .... Unlike ..., ...'."),
        mentions("names an alternative customers use today", ["spreadsheet", "spreadsheets", "group chat",
                                                             "group chats", "enterprise", "till", "paper"],
                 "Name the alternative cafés use today (see load('market')['competitors']), not 'competitors'."),
        mentions("cites evidence from the case study", ["interview", "interviews", "survey", "analytics", "snippet",
                                                        "churn", "nps"],
                 "Tie your choices to evidence: an interview fact, the survey, the analytics or the goals.", at_least=2),
        mentions("names a deliberate omission", ["left out", "leave out", "left", "omit", "omitted", "not include",
                                                 "excluded", "deliberately"],
                 "Say what you deliberately left out (a segment, a need, a feature) and why."),
        length(min_words=150, max_words=350),
    ],
    model_answer=W1_MODEL,
    mark_scheme=W1_MARK_SCHEME,
)

WRITTEN = [w1]

__all__ = [
    "QUESTIONS", "WRITTEN", "w1", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11", "q12", "q13",
    "q14", "q15", "BETS",
    "OUTCOME_OR_OUTPUT", "KEY_RESULTS", "NORTH_STAR_CANDIDATES", "INPUT_METRICS_TO_LABEL", "RISK_CONCERNS",
    "BOARD_CASE_RULE", "POSITIONING_CASE_RULE", "NORTH_STAR_CASE_RULE", "FILLED_WEEK_1", "FILLED_WEEK_26",
    "critique_key_result",
]
