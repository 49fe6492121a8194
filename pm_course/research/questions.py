"""Module 02's graded questions (exercises/02_research). No widgets are imported here.

Reference answers are computed once, at import, from the case study's data
(``pm_course.data.load``) with this package's own functions.
"""

from __future__ import annotations

import re
import statistics

from ..core import Choice, Function, Mapping, Misconception, Question, Rubric, Rule, Value
from ..data import load
from .interviews import check_job_story, critique_question, theme_counts
from .market import market_funnel
from .surveys import margin_of_error, nps, nps_breakdown, nps_by_segment, sample_size

MODULE = "02_research"

_SURVEY = load("survey")
_INTERVIEWS = load("interviews")
_MARKET = load("market")
_COMPANY = load("company")
_SCORES = [r["nps"] for r in _SURVEY]
SEGMENTS = ("owner", "manager", "barista")

# ---------------------------------------------------------------- q1: NPS of the whole survey

NPS_ALL = nps(_SCORES)
_MEAN = statistics.fmean(_SCORES)
_PROMOTERS_PCT = nps_breakdown(_SCORES)["promoters_pct"]
# common slips: 7-8 counted as promoters; 6 counted as a passive
_NPS_7_UP = 100 * (sum(s >= 7 for s in _SCORES) - sum(s <= 6 for s in _SCORES)) / len(_SCORES)
_NPS_6_PASSIVE = 100 * (sum(s >= 9 for s in _SCORES) - sum(s <= 5 for s in _SCORES)) / len(_SCORES)

_NPS_MISCONCEPTIONS = [
    Misconception(lambda a: -1 <= a <= 1 and abs(a) > 1e-9,
                  "NPS is a number from -100 to 100, not a fraction: multiply the shares by 100."),
    Misconception(lambda a: abs(a - _MEAN) < 0.05, "That is the mean score; NPS is % promoters minus % detractors."),
    Misconception(lambda a: abs(a - _PROMOTERS_PCT) < 0.05, "That is the share of promoters alone; subtract the share of detractors."),
    Misconception(lambda a: abs(a - _NPS_7_UP) < 0.05, "Only 9 and 10 are promoters; 7 and 8 are passives."),
    Misconception(lambda a: abs(a - _NPS_6_PASSIVE) < 0.05, "A 6 is a detractor: detractors score 0 to 6."),
]

q1 = Question(
    module=MODULE, id="q1", points=1,
    prompt="The Net Promoter Score of all 320 responses in load('survey') (field 'nps'), as a number from -100 to 100.",
    checker=Value(expected=NPS_ALL, abs_tol=0.05),
    hints=[
        "Promoters score 9 or 10, passives 7 or 8, detractors 0 to 6.",
        "NPS = 100 x (promoters - detractors) / all responses; passives count only in the total.",
        "nps([r['nps'] for r in survey]) does it for you.",
    ],
    solution_text='answer_q1 = nps([r["nps"] for r in survey])',
    answer=NPS_ALL,
    wrong=[NPS_ALL / 100, _MEAN, _NPS_7_UP, _NPS_6_PASSIVE],
    misconceptions=_NPS_MISCONCEPTIONS,
)

# ---------------------------------------------------------------- q2: NPS by segment

NPS_SEG = {s: nps_by_segment(_SURVEY)[s] for s in SEGMENTS}


def _seg_rule(seg: str) -> Rule:
    def test(answer):
        a = answer[seg]
        if abs(a - NPS_SEG[seg]) <= 0.05:
            return None
        if -1 <= a <= 1 and a != 0:
            return "NPS runs from -100 to 100: multiply the shares by 100."
        return f"{'too high' if a > NPS_SEG[seg] else 'too low'}; use only the {seg}s' responses."
    return Rule(seg, test)


q2 = Question(
    module=MODULE, id="q2", points=2,
    prompt="NPS for each segment of the survey: a dict {'owner': ..., 'manager': ..., 'barista': ...}.",
    checker=Rubric(rules=[_seg_rule(s) for s in SEGMENTS], shape=dict[str, float], fields=SEGMENTS),
    hints=[
        "Split the responses by r['segment'] first, then compute the NPS of each group.",
        "nps_by_segment(survey) returns the dict; or {s: nps([r['nps'] for r in survey if r['segment'] == s]) for s in ...}.",
    ],
    solution_text='answer_q2 = {s: nps([r["nps"] for r in survey if r["segment"] == s]) for s in ["owner", "manager", "barista"]}',
    answer=dict(NPS_SEG),
    wrong=[{s: NPS_ALL for s in SEGMENTS}, {s: v / 100 for s, v in NPS_SEG.items()},
           {"owner": NPS_SEG["manager"], "manager": NPS_SEG["owner"], "barista": NPS_SEG["barista"]}],
)

# ---------------------------------------------------------------- q3: least likely to recommend

LOWEST_SEGMENT = min(NPS_SEG, key=NPS_SEG.__getitem__)

q3 = Question(
    module=MODULE, id="q3", points=1,
    prompt="Which segment is least likely to recommend Shiftbrew: 'owner', 'manager' or 'barista'?",
    checker=Choice(expected=LOWEST_SEGMENT, options=list(SEGMENTS)),
    hints=["Compare the three NPS values from q2.", "The lowest NPS, the most negative, wins here."],
    solution_text="answer_q3 = min(answer_q2, key=answer_q2.get)",
    answer=LOWEST_SEGMENT,
    wrong=[s for s in SEGMENTS if s != LOWEST_SEGMENT],
    misconceptions=[Misconception(lambda a: a == max(NPS_SEG, key=NPS_SEG.__getitem__),
                                  "That segment has the highest NPS, not the lowest.")],
)

# ---------------------------------------------------------------- q4: sample size with a finite population

ACCOUNTS = _COMPANY["today"]["paying_accounts"]
N_ACCOUNTS = sample_size(0.05, 0.95, 0.5, population=ACCOUNTS)
_N_INFINITE = sample_size(0.05, 0.95, 0.5)

q4 = Question(
    module=MODULE, id="q4", points=1,
    prompt=(f"Shiftbrew has {ACCOUNTS} paying accounts. How many responses does a survey of them need for a "
            "margin of error of ±5 % at 95 % confidence, with p = 0.5? (A whole number.)"),
    checker=Value(expected=N_ACCOUNTS, shape=int, abs_tol=0, rel_tol=0),
    hints=[
        "Start from n0 = z² p (1 - p) / E², with z for 95 % confidence and E = 0.05 (a fraction).",
        f"The population is small ({ACCOUNTS}): apply the finite population correction n0 / (1 + (n0 - 1) / N).",
        "Round up at the end. sample_size(0.05, 0.95, 0.5, population=...) does it all.",
    ],
    solution_text='answer_q4 = sample_size(0.05, confidence=0.95, proportion=0.5, population=company["today"]["paying_accounts"])',
    answer=N_ACCOUNTS,
    wrong=[_N_INFINITE, N_ACCOUNTS - 1, 384],
    misconceptions=[
        Misconception(lambda a: a in (_N_INFINITE, _N_INFINITE - 1),
                      "That is the size for a very large population; with only a few hundred accounts, apply the "
                      "finite population correction."),
        Misconception(lambda a: a == N_ACCOUNTS - 1, "Round up, not down: rounding down misses the margin."),
    ],
)

# ---------------------------------------------------------------- q5: margin of error of a segment

N_MANAGERS = sum(1 for r in _SURVEY if r["segment"] == "manager")
MOE_MANAGERS = margin_of_error(N_MANAGERS, 0.95, 0.5)
_MOE_ALL = margin_of_error(len(_SURVEY), 0.95, 0.5)

q5 = Question(
    module=MODULE, id="q5", points=1,
    prompt=("The margin of error, at 95 % confidence with p = 0.5, of a share measured on the managers' responses "
            "alone. Give it as a fraction (0.05 for ±5 %)."),
    checker=Value(expected=MOE_MANAGERS, abs_tol=0.0005),
    hints=[
        "Count the managers in the survey first: that is n.",
        "E = z sqrt(p (1 - p) / n), with z for 95 % confidence.",
        "margin_of_error(n, 0.95, 0.5) gives it; treat the customer base as very large here.",
    ],
    solution_text=('n_managers = sum(1 for r in survey if r["segment"] == "manager")\n'
                   'answer_q5 = margin_of_error(n_managers, confidence=0.95, proportion=0.5)'),
    answer=MOE_MANAGERS,
    wrong=[MOE_MANAGERS * 100, _MOE_ALL, 1.96 * (0.25 / N_MANAGERS)],
    misconceptions=[
        Misconception(lambda a: 1 < a <= 100, "Give the margin as a fraction (0.05), not as a percentage (5)."),
        Misconception(lambda a: abs(a - _MOE_ALL) < 0.0005,
                      "That is the margin of the whole survey; a segment has fewer responses, so a wider margin."),
        Misconception(lambda a: abs(a - 1.96 * 0.25 / N_MANAGERS) < 0.0005, "Take the square root of p (1 - p) / n."),
    ],
)

# ---------------------------------------------------------------- q6: classify interview questions

CLASSIFY = {
    "Would you use an app that tells staff when a shift opens?": "bad",
    "Tell me about the last time a barista called in sick.": "good",
    "How much would you pay to never build a rota again?": "bad",
    "What did you do the last time two people asked for the same day off?": "good",
    "Don't you think payroll exports are a pain?": "bad",
    "How did you sort out cover last Saturday?": "good",
    "Do you like the idea of swapping shifts from your phone?": "bad",
    "What do you usually do when the rota changes?": "bad",
}

q6 = Question(
    module=MODULE, id="q6", points=2,
    prompt="Label each interview question 'good' or 'bad' by the Mom Test: a dict {question: 'good' or 'bad'} (the keys are in CLASSIFY).",
    checker=Mapping(expected=CLASSIFY, categories=["good", "bad"], item_hints={
        "Would you use an app that tells staff when a shift opens?": "Re-read the first one: is its answer a memory or a prediction?",
        "How much would you pay to never build a rota again?": "Re-read the pay question: would the answer cost them anything to give?",
        "Don't you think payroll exports are a pain?": "Re-read the payroll question: how easy is it to disagree with?",
        "Do you like the idea of swapping shifts from your phone?": "Re-read the phone question: does it ask about their life or about your idea?",
        "What do you usually do when the rota changes?": "Re-read the rota-change question: one real event, or a self-image?",
        "Tell me about the last time a barista called in sick.": "Re-read the sick-barista one against each rule: future, opinion, idea, price, generality, leading.",
        "What did you do the last time two people asked for the same day off?": "Re-read the day-off one against each rule: future, opinion, idea, price, generality, leading.",
        "How did you sort out cover last Saturday?": "Re-read the Saturday one against each rule: future, opinion, idea, price, generality, leading.",
    }),
    hints=[
        "Good questions ask about their life and specific past events.",
        "Bad ones ask about the future, opinions, your idea, a price, or what 'usually' happens, or lead the answer.",
        "critique_question(q).verdict checks one question, and tells you which rule it breaks.",
    ],
    solution_text="answer_q6 = {q: critique_question(q).verdict for q in CLASSIFY}",
    answer=dict(CLASSIFY),
    wrong=[{q: "good" for q in CLASSIFY}, {q: ("bad" if v == "good" else "good") for q, v in CLASSIFY.items()}],
)

# ---------------------------------------------------------------- q7: rewrite a bad question

BAD_QUESTION = "Would you use an app that finds cover for you when someone calls in sick?"
_PAST = re.compile(r"\b(last|yesterday|ago|did|was|were|happened|had|recent|recently)\b", re.I)
_COVER = re.compile(r"\b(cover|covered|sick|cancel\w*|absen\w*|no-show|called in|calls in|call in|gap|gaps|shift|shifts)\b", re.I)
_PROMPT = re.compile(r"^\s*(tell|walk|talk|show|describe|take)\b", re.I)


def _is_question(a: str) -> str | None:
    if a.strip().endswith("?") or _PROMPT.match(a):
        return None
    return "ask a question (ending with '?') or an open prompt ('Tell me about ...')."


def _passes_critic(a: str) -> str | None:
    c = critique_question(a)
    if c.good:
        return None
    return "the critic finds that it " + "; and ".join(r.split(":")[0] for r in c.reasons) + "."


def _past(a: str) -> str | None:
    return None if _PAST.search(a) else "ask about a specific event in the past ('the last time ...', 'what did you do ...')."


def _on_topic(a: str) -> str | None:
    return None if _COVER.search(a) else "stay on the same problem: finding cover when someone cannot work a shift."


q7 = Question(
    module=MODULE, id="q7", points=2,
    prompt=f"Rewrite this bad interview question as a good one about the same problem: {BAD_QUESTION!r}",
    checker=Rubric(rules=[Rule("a question", _is_question), Rule("passes the Mom Test critic", _passes_critic),
                          Rule("about a specific past event", _past), Rule("same problem", _on_topic)]),
    hints=[
        "Leave the app out: ask about their life, not your idea.",
        "Ask about the last time it happened, not what they would do.",
        "For example, start with 'Tell me about the last time ...'.",
    ],
    solution_text='answer_q7 = "Tell me about the last time someone called in sick before a shift: what did you do?"',
    answer="Tell me about the last time someone called in sick before a shift: what did you do?",
    wrong=[BAD_QUESTION, "Would you like an app that finds cover?", "What do you usually do when someone calls in sick?",
           "Tell me about your favourite coffee.", "How do you feel about finding cover?"],
)

# ---------------------------------------------------------------- q8: a job story

_COVER_JOB = re.compile(r"\b(cover|covers|covered|sick|cancel\w*|absen\w*|no-show|calls? in|called in|gap|gaps|missing|short-staffed|understaffed)\b", re.I)


def _story_form(a: str) -> str | None:
    r = check_job_story(a)
    problems = [p for p in r.problems if not p.startswith("it names a solution")]
    return " ".join(problems) or None


def _story_no_solution(a: str) -> str | None:
    r = check_job_story(a)
    problems = [p for p in r.problems if p.startswith("it names a solution")]
    return problems[0] if problems else None


def _story_topic(a: str) -> str | None:
    parts = check_job_story(a).parts
    where = " ".join(parts.values()) if any(parts.values()) else a
    return None if _COVER_JOB.search(where) else "write it about the owners' last-minute cover problem (snippets S02, S04, S25)."


JOB_STORY = ("When someone calls in sick before the morning shift, I want to reach the staff who are free without "
             "calling them one by one, so I can open on time and keep my own day for the business.")

q8 = Question(
    module=MODULE, id="q8", points=2,
    prompt=("A job story (Klement) for the owners' 'last-minute cover' theme (snippets S02, S04, S25): "
            "'When ..., I want to ..., so I can ...', with no solution in it."),
    checker=Rubric(rules=[Rule("Klement's form", _story_form), Rule("no solution named", _story_no_solution),
                          Rule("about last-minute cover", _story_topic)]),
    hints=[
        "Start with the situation (the moment it happens), then the motivation, then the outcome they want.",
        "Leave the product out: no app, button or notification; the team decides those later.",
        "check_job_story(text) tells you which part is missing.",
    ],
    solution_text=('answer_q8 = ("When someone calls in sick before the morning shift, I want to reach the staff who are free without "\n'
                   '             "calling them one by one, so I can open on time and keep my own day for the business.")'),
    answer=JOB_STORY,
    wrong=[
        "As an owner, I want a button that texts all my staff, so that I can find cover.",
        "When someone calls in sick, I want a push notification to go to every barista, so I can find cover.",
        "When the rota is published, I want to see my hours, so I can plan my week.",
        "I want to find cover faster.",
    ],
)

# ---------------------------------------------------------------- q9, q10: evidence from tagged snippets

LABOUR_THEME = "labour cost visibility"
LABOUR_FACTS = theme_counts(_INTERVIEWS)[LABOUR_THEME]
_LABOUR_ALL = theme_counts(_INTERVIEWS, kinds=None)[LABOUR_THEME]

q9 = Question(
    module=MODULE, id="q9", points=1,
    prompt=("load('interviews') is tagged: each snippet has a 'theme' and a 'kind'. How many snippets are evidence "
            f"for the theme {LABOUR_THEME!r}? Count only facts (specific past events)."),
    checker=Value(expected=LABOUR_FACTS, shape=int, abs_tol=0, rel_tol=0),
    hints=[
        "Keep the snippets whose theme is the one asked about.",
        "Of those, count only the ones whose 'kind' is 'fact': opinions and hypotheticals are not evidence.",
    ],
    solution_text='answer_q9 = sum(1 for s in interviews if s["theme"] == "labour cost visibility" and s["kind"] == "fact")',
    answer=LABOUR_FACTS,
    wrong=[_LABOUR_ALL, LABOUR_FACTS + 1],
    misconceptions=[Misconception(lambda a: a == _LABOUR_ALL,
                                  "That counts every snippet; an opinion ('most managers would love ...') or a "
                                  "hypothetical ('would I buy it? probably') is not evidence.")],
)

_MANAGER_FACTS = theme_counts([s for s in _INTERVIEWS if s["segment"] == "manager"])
MANAGER_TOP = max(_MANAGER_FACTS, key=_MANAGER_FACTS.__getitem__)
assert sorted(_MANAGER_FACTS.values())[-1] > sorted(_MANAGER_FACTS.values())[-2], "q10 needs a unique top theme"
THEMES = sorted({s["theme"] for s in _INTERVIEWS})

q10 = Question(
    module=MODULE, id="q10", points=1,
    prompt="Which theme has the most evidence (facts) among the managers' snippets? One of THEMES.",
    checker=Choice(expected=MANAGER_TOP, options=THEMES),
    hints=[
        "Keep the snippets with segment 'manager' and kind 'fact'.",
        "Count them by theme: theme_counts(snippets) does it and sorts the themes, most first.",
    ],
    solution_text='answer_q10 = next(iter(theme_counts([s for s in interviews if s["segment"] == "manager"])))',
    answer=MANAGER_TOP,
    wrong=[t for t in THEMES if t != MANAGER_TOP][:3],
    misconceptions=[Misconception(lambda a: a == max(theme_counts(_INTERVIEWS, kinds=None), key=theme_counts(_INTERVIEWS, kinds=None).__getitem__),
                                  "That theme leads across all segments; the question asks about managers only.")],
)

# ---------------------------------------------------------------- q11: a function that counts evidence


def _reference_fact_counts(snippets):
    return theme_counts(snippets)


_SAMPLE = [
    {"id": "X1", "theme": "payroll and hours", "kind": "fact"},
    {"id": "X2", "theme": "payroll and hours", "kind": "opinion"},
    {"id": "X3", "theme": "communication", "kind": "fact"},
    {"id": "X4", "theme": "payroll and hours", "kind": "fact"},
    {"id": "X5", "theme": "pricing", "kind": "hypothetical"},
]

q11 = Question(
    module=MODULE, id="q11", points=2,
    prompt=("Write fact_counts(snippets): given tagged snippets (dicts with 'theme' and 'kind'), return a dict "
            "{theme: number of snippets of kind 'fact'}; themes with no facts are left out."),
    checker=Function(reference=_reference_fact_counts, inputs=[(_SAMPLE,), (_INTERVIEWS,), (_INTERVIEWS[:12],)],
                     returns=dict[str, int]),
    hints=[
        "Loop over the snippets; skip any whose s['kind'] is not 'fact'.",
        "counts[theme] = counts.get(theme, 0) + 1 adds one to a theme's count.",
    ],
    solution_text=('def fact_counts(snippets):\n'
                   '    counts = {}\n'
                   '    for s in snippets:\n'
                   '        if s["kind"] == "fact":\n'
                   '            counts[s["theme"]] = counts.get(s["theme"], 0) + 1\n'
                   '    return counts'),
    answer=lambda snippets: theme_counts(snippets),
    wrong=[lambda snippets: theme_counts(snippets, kinds=None),
           lambda snippets: {s["theme"]: 1 for s in snippets if s["kind"] == "fact"}],
)

# ---------------------------------------------------------------- q12, q13: market sizing

PRICE_PER_SITE = _MARKET["blended_annual_price_per_site_usd"]
SHARES = [_MARKET["share_independent_or_small_chain"], _MARKET["share_with_five_or_more_staff"]]
FUNNEL_USD = market_funnel(_MARKET["cafes_total"] * PRICE_PER_SITE, SHARES, _MARKET["obtainable_share_in_3_years"],
                           "USD per year")
_FUNNEL_SITES = market_funnel(_MARKET["cafes_total"], SHARES, _MARKET["obtainable_share_in_3_years"], "sites")


def _market_rule(key: str) -> Rule:
    exp = FUNNEL_USD[key]

    def test(answer):
        a = answer[key]
        if abs(a - exp) <= max(1.0, 1e-6 * exp):
            return None
        if abs(a - _FUNNEL_SITES[key]) <= 1:
            return "that is a number of sites (cafés); the question asks for money: USD per year."
        if key == "sam" and abs(a - FUNNEL_USD["tam"] * SHARES[0]) <= 1:
            return "apply both serviceable filters (independent or small chain, and five or more staff)."
        if key == "som" and abs(a - FUNNEL_USD["tam"] * _MARKET["obtainable_share_in_3_years"]) <= 1:
            return "the obtainable share is a share of SAM, not of TAM."
        if abs(a - exp / 12) <= 1:
            return "that is per month; give USD per year (the price per site is already annual)."
        return f"{'too high' if a > exp else 'too low'} (USD per year)."
    return Rule(key.upper(), test)


q12 = Question(
    module=MODULE, id="q12", points=2,
    prompt=("Top-down TAM, SAM and SOM of Shiftbrew's market, in USD per year, from load('market'): a dict "
            "{'tam': ..., 'sam': ..., 'som': ...}. TAM: every café at the blended annual price per site; SAM: the "
            "independent or small-chain cafés with five or more staff; SOM: the share obtainable in 3 years."),
    checker=Rubric(rules=[_market_rule(k) for k in ("tam", "sam", "som")], shape=dict[str, float],
                   fields=("tam", "sam", "som")),
    hints=[
        "TAM = cafes_total x blended_annual_price_per_site_usd (sites x USD per site per year = USD per year).",
        "SAM = TAM x share_independent_or_small_chain x share_with_five_or_more_staff; SOM = SAM x obtainable_share_in_3_years.",
        "market_funnel(total, [share1, share2], obtainable_share, 'USD per year') returns all three.",
    ],
    solution_text=('f = market_funnel(market["cafes_total"] * market["blended_annual_price_per_site_usd"],\n'
                   '                  [market["share_independent_or_small_chain"], market["share_with_five_or_more_staff"]],\n'
                   '                  market["obtainable_share_in_3_years"], "USD per year")\n'
                   'answer_q12 = {"tam": f["tam"], "sam": f["sam"], "som": f["som"]}'),
    answer={k: FUNNEL_USD[k] for k in ("tam", "sam", "som")},
    wrong=[{k: _FUNNEL_SITES[k] for k in ("tam", "sam", "som")},
           {"tam": FUNNEL_USD["tam"], "sam": FUNNEL_USD["tam"] * SHARES[0], "som": FUNNEL_USD["tam"] * SHARES[0] * 0.06}],
)

SITES_PER_ACCOUNT = _MARKET["average_sites_per_account"]
ACV = SITES_PER_ACCOUNT * PRICE_PER_SITE

q13 = Question(
    module=MODULE, id="q13", points=1,
    prompt=("Bottom-up sizing counts accounts x annual contract value per account. What is Shiftbrew's annual "
            "contract value per account, in USD per year, from load('market')?"),
    checker=Value(expected=ACV, abs_tol=0.5, unit="USD per account per year"),
    hints=[
        "The price in market.json is per site per year; an account has several sites on average.",
        "USD per account = sites per account x USD per site.",
    ],
    solution_text='answer_q13 = market["average_sites_per_account"] * market["blended_annual_price_per_site_usd"]',
    answer=ACV,
    wrong=[PRICE_PER_SITE, PRICE_PER_SITE / SITES_PER_ACCOUNT, ACV / 12],
    misconceptions=[
        Misconception(lambda a: abs(a - PRICE_PER_SITE) < 0.5, "That is the price per site; an account has more than one site on average."),
        Misconception(lambda a: abs(a - PRICE_PER_SITE / SITES_PER_ACCOUNT) < 0.5, "Multiply by the sites per account, do not divide."),
        Misconception(lambda a: abs(a - ACV / 12) < 0.5, "That is per month; give it per year."),
    ],
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13]
