"""Module 02's graded questions (exercises/02_research). No widgets are imported here.

Reference answers are computed once, at import, from the case study's data
(``pm_course.data.load``) with this package's own functions.
"""

from __future__ import annotations

import re
import statistics

from ..core import Choice, Function, Mapping, Misconception, Question, Rubric, Rule, Value
from ..core.isolation import call_with_time_limit
from ..core.written import WrittenAnswer, length, mentions
from ..data import load
from .interviews import check_job_story, critique_question, theme_counts
from .market import bottom_up, market_funnel
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

def _near(x: float, tol: float = 0.5):
    """A predicate: the answer rounds to the same whole number as ``x`` (NPS is reported as a whole number)."""
    return lambda a: abs(a - x) < tol


_NPS_MISCONCEPTIONS = [
    Misconception(lambda a: -1 <= a <= 1 and abs(a) > 1e-9,
                  "NPS is a number from -100 to 100, not a fraction: multiply the shares by 100.",
                  example=NPS_ALL / 100),
    Misconception(_near(_MEAN, 0.05), "That is the mean score; NPS is % promoters minus % detractors.",
                  example=_MEAN),
    Misconception(_near(_PROMOTERS_PCT), "That is the share of promoters alone; subtract the share of detractors.",
                  example=_PROMOTERS_PCT),
    Misconception(_near(_NPS_7_UP), "Only 9 and 10 are promoters; 7 and 8 are passives.", example=_NPS_7_UP),
    Misconception(_near(_NPS_6_PASSIVE), "A 6 is a detractor: detractors score 0 to 6.", example=_NPS_6_PASSIVE),
]

q1 = Question(
    module=MODULE, id="q1", points=1,
    prompt=("The Net Promoter Score of all 320 responses in load('survey') (field 'nps'), as a whole number from "
            "-100 to 100 (NPS is reported as a whole number; the unrounded value passes too)."),
    checker=Value(expected=round(NPS_ALL), decimals=0),  # the whole number: any answer that rounds to it passes
    hints=[
        "Promoters score 9 or 10, passives 7 or 8, detractors 0 to 6.",
        "NPS = 100 x (promoters - detractors) / all responses; passives count only in the total.",
        "The package has a function for it, named after the score: look at what the setup cell imports.",
    ],
    solution_text=('# NPS = % promoters (9-10) - % detractors (0-6); passives (7-8) count only in the total.\n'
                   'answer_q1 = nps([r["nps"] for r in survey])'),
    answer=NPS_ALL,
    wrong=[NPS_ALL / 100, _MEAN, _NPS_7_UP, _NPS_6_PASSIVE, round(NPS_ALL) - 1],
    misconceptions=_NPS_MISCONCEPTIONS,
)

# ---------------------------------------------------------------- q2: NPS by segment

NPS_SEG = {s: nps_by_segment(_SURVEY)[s] for s in SEGMENTS}


def _seg_rule(seg: str) -> Rule:
    def test(answer):
        a = answer[seg]
        if abs(a - NPS_SEG[seg]) < 0.5:  # whole numbers pass
            return None
        if -1 <= a <= 1 and a != 0:
            return f"your {a:g} looks like a fraction: NPS runs from -100 to 100, so multiply the shares by 100."
        if abs(a - NPS_ALL) < 0.5:
            return f"your {a:g} is the NPS of all responses; use only the {seg}s' responses."
        for other in SEGMENTS:
            if other != seg and abs(a - NPS_SEG[other]) < 0.5:
                return f"your {a:g} is the {other}s' NPS; check which segment each value belongs to."
        return f"your {a:g} is {'too high' if a > NPS_SEG[seg] else 'too low'} (a whole number is enough)."
    return Rule(seg, test)


q2 = Question(
    module=MODULE, id="q2", points=2,
    prompt=("NPS for each segment of the survey, each as a whole number (unrounded values pass too): a dict "
            "{'owner': ..., 'manager': ..., 'barista': ...}."),
    checker=Rubric(rules=[_seg_rule(s) for s in SEGMENTS], shape=dict[str, float], fields=SEGMENTS),
    hints=[
        "Split the responses by r['segment'] first, then compute the NPS of each group.",
        "Compute one NPS per group, with the same function as in q1; a dict comprehension over the segments builds the dict.",
    ],
    solution_text=('# Split the responses by segment, then take the NPS of each group on its own.\n'
                   'answer_q2 = {s: nps([r["nps"] for r in survey if r["segment"] == s]) for s in ["owner", "manager", "barista"]}'),
    answer=dict(NPS_SEG),
    wrong=[{s: NPS_ALL for s in SEGMENTS}, {s: v / 100 for s, v in NPS_SEG.items()},
           {"owner": NPS_SEG["manager"], "manager": NPS_SEG["owner"], "barista": NPS_SEG["barista"]}],
)
assert q2.answer == {s: NPS_SEG[s] for s in SEGMENTS}

# ---------------------------------------------------------------- q3: least likely to recommend

LOWEST_SEGMENT = min(NPS_SEG, key=lambda k: NPS_SEG[k])

q3 = Question(
    module=MODULE, id="q3", points=1,
    prompt="Which segment is least likely to recommend Shiftbrew: 'owner', 'manager' or 'barista'?",
    checker=Choice(expected=LOWEST_SEGMENT, options=list(SEGMENTS)),
    hints=["Compare the three NPS values from q2.", "The lowest NPS, the most negative, wins here."],
    solution_text=("# The least likely to recommend is the segment with the lowest (most negative) NPS.\n"
                   "answer_q3 = min(answer_q2, key=answer_q2.get)"),
    answer=LOWEST_SEGMENT,
    wrong=[s for s in SEGMENTS if s != LOWEST_SEGMENT],
    misconceptions=[Misconception(lambda a: a == max(NPS_SEG, key=lambda k: NPS_SEG[k]),
                                  "That segment has the highest NPS, not the lowest.",
                                  example=max(NPS_SEG, key=lambda k: NPS_SEG[k]))],
)

# ---------------------------------------------------------------- q4: sample size with a finite population

ACCOUNTS = _COMPANY["today"]["paying_accounts"]
POPULATION = {s: _COMPANY["survey_population"][s] for s in SEGMENTS}  # people, by segment (company.json)
N_ACCOUNTS = sample_size(0.05, 0.95, 0.5, population=ACCOUNTS)
_N_INFINITE = sample_size(0.05, 0.95, 0.5)

q4 = Question(
    module=MODULE, id="q4", points=1,
    prompt=(f"Shiftbrew plans a survey of its {ACCOUNTS} paying accounts: one response per account, from the person "
            "who builds the rota, so the population is N = the number of accounts. How many responses does it need "
            "for a margin of error of ±5 % at 95 % confidence, with p = 0.5? A whole number (sample sizes round up)."),
    checker=Value(expected=N_ACCOUNTS, shape=int, decimals=0),
    hints=[
        "Start from n0 = z² p (1 - p) / E², with z for 95 % confidence and E = 0.05 (a fraction).",
        f"The population is small ({ACCOUNTS}): apply the finite population correction n0 / (1 + (n0 - 1) / N).",
        "Round up at the end. sample_size(...) has a population argument for the correction.",
    ],
    solution_text=('# n0 = z^2 p (1 - p) / E^2 = 1.96^2 x 0.25 / 0.05^2, about 384 for a very large population;\n'
                   '# the population is only 760 accounts, so correct it: n0 / (1 + (n0 - 1) / N), rounded up.\n'
                   'answer_q4 = sample_size(0.05, confidence=0.95, proportion=0.5, population=company["today"]["paying_accounts"])'),
    answer=N_ACCOUNTS,
    wrong=[_N_INFINITE, N_ACCOUNTS - 1, 384],
    misconceptions=[
        Misconception(lambda a: a in (_N_INFINITE, _N_INFINITE - 1),
                      "That is the size for a very large population; with only a few hundred accounts, apply the "
                      "finite population correction.", example=_N_INFINITE),
        Misconception(lambda a: a == N_ACCOUNTS - 1, "Round up, not down: rounding down misses the margin.",
                      example=N_ACCOUNTS - 1),
    ],
)

# ---------------------------------------------------------------- q5: margin of error of a segment

N_MANAGERS = sum(1 for r in _SURVEY if r["segment"] == "manager")
N_POP_MANAGERS = POPULATION["manager"]
MOE_MANAGERS = margin_of_error(N_MANAGERS, 0.95, 0.5, population=N_POP_MANAGERS)
_MOE_MANAGERS_NO_FPC = margin_of_error(N_MANAGERS, 0.95, 0.5)
_MOE_ALL = margin_of_error(len(_SURVEY), 0.95, 0.5)
_MOE_NO_ROOT = 1.96 * (0.25 / N_MANAGERS)

q5 = Question(
    module=MODULE, id="q5", points=1,
    prompt=("The margin of error, at 95 % confidence with p = 0.5, of a share measured on the managers' responses "
            f"alone. The managers' population is small: one operations manager per Group account, "
            f"company['survey_population']['manager'] = {N_POP_MANAGERS} people, so apply the finite population "
            "correction. Give it as a fraction to 3 decimal places (0.050 for ±5 %)."),
    checker=Value(expected=MOE_MANAGERS, decimals=3),
    hints=[
        "Count the managers in the survey first: that is n.",
        "E = z sqrt(p (1 - p) / n), with z for 95 % confidence.",
        f"Then multiply by the finite population correction sqrt((N - n) / (N - 1)), with N = {N_POP_MANAGERS}; "
        "margin_of_error(...) takes a population argument.",
    ],
    solution_text=('# n = the managers who answered; N = the managers there are (one per Group account).\n'
                   '# E = z sqrt(p (1 - p) / n) x sqrt((N - n) / (N - 1)): the correction matters when n is a large\n'
                   '# part of N (here more than half of all managers answered).\n'
                   'n_managers = sum(1 for r in survey if r["segment"] == "manager")\n'
                   'answer_q5 = margin_of_error(n_managers, confidence=0.95, proportion=0.5,\n'
                   '                            population=company["survey_population"]["manager"])'),
    answer=MOE_MANAGERS,
    wrong=[MOE_MANAGERS * 100, _MOE_ALL, _MOE_NO_ROOT],  # the no-correction answer: see the misconception's example
    misconceptions=[
        Misconception(lambda a: 1 < a <= 100, "Give the margin as a fraction (0.050), not as a percentage (5).",
                      example=round(MOE_MANAGERS * 100, 1)),
        Misconception(_near(_MOE_ALL, 0.0005),
                      "That is the margin of the whole survey; a segment has fewer responses, so a wider margin.",
                      example=_MOE_ALL),
        Misconception(_near(_MOE_NO_ROOT, 0.0005), "Take the square root of p (1 - p) / n.", example=_MOE_NO_ROOT),
        Misconception(_near(_MOE_MANAGERS_NO_FPC, 0.0005),
                      f"That treats the managers as a very large population; there are only {N_POP_MANAGERS}, and "
                      f"{N_MANAGERS} of them answered: apply the finite population correction.",
                      example=_MOE_MANAGERS_NO_FPC),
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
        "critique_question(q) checks one question and names the rule it breaks; decide first, then compare.",
    ],
    solution_text=("# Good: about their life and one specific past event. Bad: the future ('would you'), an opinion\n"
                   "# ('do you like'), a price guess, a generality ('usually') or a leading question ('don't you').\n"
                   "answer_q6 = {q: critique_question(q).verdict for q in CLASSIFY}"),
    answer=dict(CLASSIFY),
    wrong=[{q: "good" for q in CLASSIFY}, {q: ("bad" if v == "good" else "good") for q, v in CLASSIFY.items()}],
)

# ---------------------------------------------------------------- q7: rewrite a bad question

BAD_QUESTION = "Would you use an app that finds cover for you when someone calls in sick?"
_PAST = re.compile(
    r"\b(last|yesterday|ago|recent|recently|this (morning|week|month)|did|didn't|was|wasn't|were|weren't|had|"
    r"happened|came|went|rang|phoned|called|told|got|found|paid|spent|took|asked|cancell?ed|turned|showed|"
    r"missed|couldn't|needed|tried|used)\b", re.I)
# The problem of q7 and q8: a shift someone cannot work at short notice, and finding cover for it. Words for the
# absence, for the gap and for the ways of filling it, so that right answers in the learner's own words pass.
_ABSENCE = (r"sick|ill|illness|unwell|cancel\w*|absen\w*|no-?shows?|no show|(call|phone|ring)(s|ed)? in|rang in|"
            r"(turn|show)(s|ed)? up|(didn't|did not|doesn't|does not|don't|couldn't|can't|cannot|wasn't able to) "
            r"(come|make it|work|turn up|show up)|"
            r"drop(s|ped)? out|pull(s|ed)? out|short notice|last[- ]minute|at the last minute|short-?staffed|"
            r"understaffed|short of staff|short|emergenc\w*|miss(es|ed)? (a|the|their|his|her|my|your) shift|"
            r"overslept|oversleeps|(was|were|is|are) off|off (sick|ill|work)|let (you|me|them) down|let down|"
            r"nobody|no-one|no one|empty|unfilled|uncovered|gap|gaps")
# The problem of q7 and q8: a shift someone cannot work at short notice, and finding cover for it. The absence (or the
# gap it leaves) or the cover itself must be named: a bare "shift" is any shift (a swap, payroll, a late start).
_COVER = re.compile(r"\b(cover|covers|covered|covering|agency|" + _ABSENCE + r")\b", re.I)
_PRODUCT = re.compile(r"\b(app|apps|tool|tools|feature|features|software|platform|shiftbrew|product)\b", re.I)
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
    return None if _COVER.search(a) else (
        "stay on the same problem: finding cover when someone cannot work a shift. I looked for the absence or the "
        "cover ('called in sick', 'didn't turn up', 'no-show', 'cover', 'short-staffed') and found none; if yours "
        "is about it, you're fine.")


def _no_product(a: str) -> str | None:
    m = _PRODUCT.search(a)
    return None if m is None else (f"leave the product out of the question (I found {m.group(0)!r}): ask about what "
                                   "they did, not about a tool that might have helped.")


q7 = Question(
    module=MODULE, id="q7", points=2,
    prompt=f"Rewrite this bad interview question as a good one about the same problem: {BAD_QUESTION!r}",
    checker=Rubric(rules=[Rule("a question", _is_question), Rule("passes the Mom Test critic", _passes_critic),
                          Rule("about a specific past event", _past), Rule("same problem", _on_topic),
                          Rule("no product in it", _no_product)]),
    hints=[
        "Leave the app out: ask about their life, not your idea.",
        "Ask about the last time it happened, not what they would do.",
        "For example, start with 'Tell me about the last time ...'.",
    ],
    solution_text=('# Leave the app out (no pitch), and ask about one real, recent event instead of a prediction;\n'
                   '# keep the problem: a shift someone could not work at short notice.\n'
                   'answer_q7 = "Tell me about the last time someone called in sick before a shift: what did you do?"'),
    answer="Tell me about the last time someone called in sick before a shift: what did you do?",
    wrong=[BAD_QUESTION, "Would you like an app that finds cover?", "What do you usually do when someone calls in sick?",
           "Tell me about your favourite coffee.", "How do you feel about finding cover?"],
)

# ---------------------------------------------------------------- q8: a job story

_COVER_JOB = re.compile(r"\b(cover|covers|covered|covering|gap|gaps|missing|open shifts?|empty shifts?|unfilled|"
                        r"agency|" + _ABSENCE + r")\b", re.I)
# What the owner wants to do about it: get the gap filled by someone.
_COVER_WANT = re.compile(
    r"\b(cover|covers|covered|covering|fill|fills|filled|filling|replace\w*|replacement|free|available|step in|"
    r"take (it|the shift|their shift|the extra|over|shifts?)|someone|somebody|anyone|colleague|person|people|staff|"
    r"regulars|team|barista|baristas|who (can|could|is|are|has)|extra (hours|shifts)|gap|gaps|reach)\b", re.I)


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
    if not any(parts.values()):
        return None if _COVER_JOB.search(a) else _OFF_TOPIC
    if not _COVER_JOB.search(parts["situation"]):
        return _OFF_TOPIC + (" I looked in the 'When ...' for the absence or the gap ('calls in sick', 'no-show', "
                             "'short-staffed', 'nobody on it') and found none; if yours has it, you're fine.")
    if not _COVER_WANT.search(parts["motivation"] + " " + parts["outcome"]):
        return _OFF_TOPIC + (" I looked in the 'I want to ...' for getting the gap filled (cover, someone free, "
                             "staff) and found none; if yours is about it, you're fine.")
    return None


_OFF_TOPIC = "write it about the owners' last-minute cover problem (snippets S02, S04, S25)."


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
    solution_text=('# Situation (the moment it happens), motivation (what they want to do), outcome (why); no solution.\n'
                   'answer_q8 = ("When someone calls in sick before the morning shift, I want to reach the staff who are free without "\n'
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
            f"for the theme {LABOUR_THEME!r}? Count only facts (specific past events). A whole number."),
    checker=Value(expected=LABOUR_FACTS, shape=int, decimals=0),
    hints=[
        "Keep the snippets whose theme is the one asked about.",
        "Of those, count only the ones whose 'kind' is 'fact': opinions and hypotheticals are not evidence.",
    ],
    solution_text=('# Evidence = facts about past behaviour; opinions and hypotheticals are left out.\n'
                   'answer_q9 = sum(1 for s in interviews if s["theme"] == "labour cost visibility" and s["kind"] == "fact")'),
    answer=LABOUR_FACTS,
    wrong=[_LABOUR_ALL, LABOUR_FACTS + 1],
    misconceptions=[Misconception(lambda a: a == _LABOUR_ALL,
                                  "That counts every snippet; an opinion ('most managers would love ...') or a "
                                  "hypothetical ('would I buy it? probably') is not evidence.", example=_LABOUR_ALL)],
)

_MANAGER_FACTS = theme_counts([s for s in _INTERVIEWS if s["segment"] == "manager"])
MANAGER_TOP = max(_MANAGER_FACTS, key=lambda k: _MANAGER_FACTS[k])
assert sorted(_MANAGER_FACTS.values())[-1] > sorted(_MANAGER_FACTS.values())[-2], "q10 needs a unique top theme"
THEMES = sorted({s["theme"] for s in _INTERVIEWS})
_ALL_COUNTS = theme_counts(_INTERVIEWS, kinds=None)
_ALL_TOP = max(_ALL_COUNTS, key=lambda k: _ALL_COUNTS[k])
assert _ALL_TOP != MANAGER_TOP, "q10's misconception needs a different top theme across all segments"

q10 = Question(
    module=MODULE, id="q10", points=1,
    prompt="Which theme has the most evidence (facts) among the managers' snippets? One of THEMES.",
    checker=Choice(expected=MANAGER_TOP, options=THEMES),
    hints=[
        "Keep the snippets with segment 'manager' and kind 'fact'.",
        "Count them by theme (a Counter, or the theme_counts function of the lesson), and take the largest.",
    ],
    solution_text=("# Keep the managers' snippets; theme_counts counts facts only, sorted most first.\n"
                   'answer_q10 = next(iter(theme_counts([s for s in interviews if s["segment"] == "manager"])))'),
    answer=MANAGER_TOP,
    wrong=[t for t in THEMES if t != MANAGER_TOP][:3],
    misconceptions=[Misconception(lambda a: a == _ALL_TOP,
                                  "That theme leads across all segments; the question asks about managers only.",
                                  example=_ALL_TOP)],
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

def _runs_to(f, snippets: list[dict]):
    """The learner's function on a small, described case (None if it fails or times out: other feedback covers that)."""
    try:
        return call_with_time_limit(f, (snippets,), 1.0)
    except Exception:
        return None


_ONLY_OPINION = [{"id": "Y1", "theme": "pricing", "kind": "hypothetical"}]
_TWO_FACTS = [{"id": "Y1", "theme": "communication", "kind": "fact"},
              {"id": "Y2", "theme": "communication", "kind": "fact"}]


def _counts_non_facts(f) -> bool:
    r = _runs_to(f, _ONLY_OPINION)
    return isinstance(r, dict) and any(isinstance(v, int) and v > 0 for v in r.values())


def _keeps_zero_themes(f) -> bool:
    r = _runs_to(f, _ONLY_OPINION)
    return isinstance(r, dict) and any(v == 0 for v in r.values())


def _counts_once_per_theme(f) -> bool:
    r = _runs_to(f, _TWO_FACTS)
    return isinstance(r, dict) and r.get("communication") == 1


def _all_kinds(snippets):
    return theme_counts(snippets, kinds=None)


def _with_zeros(snippets):
    counts = {s["theme"]: 0 for s in snippets}
    counts.update(theme_counts(snippets))
    return counts


def _one_each(snippets):
    return {s["theme"]: 1 for s in snippets if s["kind"] == "fact"}


q11 = Question(
    module=MODULE, id="q11", points=2,
    prompt=("Write fact_counts(snippets): given tagged snippets (dicts with 'theme' and 'kind'), return a dict "
            "{theme: number of snippets of kind 'fact'}; themes with no facts are left out."),
    checker=Function(reference=_reference_fact_counts, inputs=[(_SAMPLE,), (_INTERVIEWS,), (_INTERVIEWS[:12],)],
                     returns=dict[str, int]),
    hints=[
        "Loop over the snippets; skip any whose s['kind'] is not 'fact'.",
        "Keep a dict of counts and add one to a theme's count each time a fact about it comes by; a theme that "
        "never gets a fact should never become a key.",
    ],
    solution_text=('# Count facts only: skip opinions, compliments and hypotheticals. A theme becomes a key the\n'
                   '# first time a fact about it appears, so themes with no facts are left out.\n'
                   'def fact_counts(snippets):\n'
                   '    counts = {}\n'
                   '    for s in snippets:\n'
                   '        if s["kind"] == "fact":\n'
                   '            counts[s["theme"]] = counts.get(s["theme"], 0) + 1\n'
                   '    return counts'),
    answer=lambda snippets: theme_counts(snippets),
    wrong=[_all_kinds, _one_each, _with_zeros],
    misconceptions=[
        Misconception(_counts_non_facts, "On a list holding a single hypothetical, your function counts it: only "
                      "snippets whose kind is 'fact' are evidence.", example=_all_kinds),
        Misconception(_keeps_zero_themes, "On a list with no facts, your function returns a theme with a count "
                      "of 0: leave themes with no facts out.", example=_with_zeros),
        Misconception(_counts_once_per_theme, "On two facts about the same theme, your function counts 1: add one "
                      "per fact, not one per theme.", example=_one_each),
    ],
)

# ---------------------------------------------------------------- q12, q13: market sizing

PRICE_PER_SITE = _MARKET["blended_annual_price_per_site_usd"]
SHARES = [_MARKET["share_independent_or_small_chain"], _MARKET["share_with_five_or_more_staff"]]
FUNNEL_USD = market_funnel(_MARKET["cafes_total"] * PRICE_PER_SITE, SHARES, _MARKET["obtainable_share_in_3_years"],
                           "USD per year")
_FUNNEL_SITES = market_funnel(_MARKET["cafes_total"], SHARES, _MARKET["obtainable_share_in_3_years"], "sites")


def _millions(x: float) -> float:
    return x / 1e6


def _market_rule(key: str) -> Rule:
    exp = _millions(FUNNEL_USD[key])
    same = Value(expected=exp, decimals=2).same

    def test(answer):
        a = answer[key]
        if same(a, exp):
            return None
        if abs(a - _FUNNEL_SITES[key]) <= 1 or same(a, _millions(_FUNNEL_SITES[key])):
            return f"your {a:g} is a number of sites (cafés); the question asks for money: millions of USD per year."
        if abs(a - FUNNEL_USD[key]) <= max(1.0, 0.005 * FUNNEL_USD[key]):
            return f"your {a:,.0f} is in dollars; give it in millions of USD (e.g. 1.25 for $1,250,000)."
        if key == "sam" and same(a, _millions(FUNNEL_USD["tam"] * SHARES[0])):
            return f"your {a:g} applies one filter; apply both (independent or small chain, and five or more staff)."
        if key == "som" and same(a, _millions(FUNNEL_USD["tam"] * _MARKET["obtainable_share_in_3_years"])):
            return f"your {a:g} takes the obtainable share of TAM; it is a share of SAM."
        if same(a, exp / 12):
            return f"your {a:g} is per month; give USD per year (the price per site is already annual)."
        return f"your {a:g} is {'too high' if a > exp else 'too low'} (millions of USD per year, to 2 decimal places)."
    return Rule(key.upper(), test)


q12 = Question(
    module=MODULE, id="q12", points=2,
    prompt=("Top-down TAM, SAM and SOM of Shiftbrew's market from load('market'), in millions of USD per year, each "
            "to 2 decimal places: a dict {'tam': ..., 'sam': ..., 'som': ...}. TAM: every café at the blended "
            "annual price per site; SAM: the independent or small-chain cafés with five or more staff; SOM: the "
            "share of SAM obtainable in 3 years."),
    checker=Rubric(rules=[_market_rule(k) for k in ("tam", "sam", "som")], shape=dict[str, float],
                   fields=("tam", "sam", "som")),
    hints=[
        "TAM = cafes_total x blended_annual_price_per_site_usd (sites x USD per site per year = USD per year).",
        "SAM = TAM x both serviceable shares; SOM = SAM x the obtainable share. Divide by 1,000,000 at the end.",
        "market_funnel(total, [share, ...], obtainable_share, unit) returns all three from a total.",
    ],
    solution_text=('# Top-down: start from a published total (every café x the annual price per site) and narrow\n'
                   '# it with the shares; the units stay USD per year throughout. Report in $M.\n'
                   'f = market_funnel(market["cafes_total"] * market["blended_annual_price_per_site_usd"],\n'
                   '                  [market["share_independent_or_small_chain"], market["share_with_five_or_more_staff"]],\n'
                   '                  market["obtainable_share_in_3_years"], "USD per year")\n'
                   'answer_q12 = {k: f[k] / 1e6 for k in ("tam", "sam", "som")}'),
    answer={k: _millions(FUNNEL_USD[k]) for k in ("tam", "sam", "som")},
    wrong=[{k: _FUNNEL_SITES[k] for k in ("tam", "sam", "som")},
           {k: FUNNEL_USD[k] for k in ("tam", "sam", "som")},
           {"tam": _millions(FUNNEL_USD["tam"]), "sam": _millions(FUNNEL_USD["tam"] * SHARES[0]),
            "som": _millions(FUNNEL_USD["tam"] * SHARES[0] * 0.06)}],
)

# q13: bottom-up, independent of the census: businesses counted in a register x annual contract value per account.
_BU = _MARKET["bottom_up"]
ANNUAL_PRICE = _MARKET["annual_price_per_site_usd"]
ACV = {p: _BU["sites_per_account"][p] * ANNUAL_PRICE[p] for p in ANNUAL_PRICE}   # USD per account per year
BOTTOM_UP_SAM = sum(bottom_up(n, ACV[p]) for p, n in _BU["accounts_in_sam"].items())
_BU_PER_SITE = sum(n * ANNUAL_PRICE[p] for p, n in _BU["accounts_in_sam"].items())          # forgot sites per account
_BU_BLENDED = sum(_BU["accounts_in_sam"].values()) * PRICE_PER_SITE                        # accounts x price per site
_BU_MONTHLY = BOTTOM_UP_SAM / 12

q13 = Question(
    module=MODULE, id="q13", points=2,
    prompt=("A bottom-up SAM, independent of the census: market['bottom_up']['accounts_in_sam'] counts the café "
            "businesses (accounts) in the SAM by plan, from a business register. Multiply each plan's accounts by its "
            "annual contract value per account (sites per account, in market['bottom_up']['sites_per_account'], x the "
            "annual price per site, in market['annual_price_per_site_usd']) and add the plans. In millions of USD "
            "per year, to 2 decimal places."),
    checker=Value(expected=_millions(BOTTOM_UP_SAM), decimals=2, unit="millions of USD per year"),
    hints=[
        "The prices in market.json are per site per year; an account has more than one site on average.",
        "Annual contract value per account = sites per account x USD per site per year, plan by plan.",
        "Bottom-up SAM = Solo accounts x Solo ACV + Group accounts x Group ACV; then divide by 1,000,000.",
    ],
    solution_text=('# Bottom-up: count the customers you could serve (accounts, from a separate source) and multiply\n'
                   '# by what each pays a year. Keep units straight: USD/account = sites/account x USD/site.\n'
                   'bu = market["bottom_up"]\n'
                   'acv = {p: bu["sites_per_account"][p] * market["annual_price_per_site_usd"][p] for p in bu["accounts_in_sam"]}\n'
                   'answer_q13 = sum(bottom_up(n, acv[p]) for p, n in bu["accounts_in_sam"].items()) / 1e6'),
    answer=_millions(BOTTOM_UP_SAM),
    wrong=[_millions(_BU_PER_SITE), _millions(_BU_BLENDED), _millions(_BU_MONTHLY)],
    misconceptions=[
        Misconception(_near(_millions(_BU_PER_SITE), 0.005), "That multiplies accounts by a price per site: an "
                      "account has several sites, so use the annual contract value per account.",
                      example=_millions(_BU_PER_SITE)),
        Misconception(_near(_millions(_BU_BLENDED), 0.005), "That is all accounts x the blended price per site: "
                      "value each plan's accounts at that plan's contract value per account.",
                      example=_millions(_BU_BLENDED)),
        Misconception(_near(_millions(_BU_MONTHLY), 0.005), "That is per month; give it per year.",
                      example=_millions(_BU_MONTHLY)),
        Misconception(lambda a: a > 1000, "Give it in millions of USD (e.g. 1.25 for $1,250,000).",
                      example=BOTTOM_UP_SAM),
    ],
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13]

# ---------------------------------------------------------------- w1: an interview guide (graded by a person)

W1_MODEL = """1. Tell me about the last time you worked out what labour cost you in a week. How did you do it?
   Reason: a specific, recent event shows the real workflow, the tools and how long it takes (S07).
2. When did labour cost last surprise you? What happened, and when did you find out?
   Reason: finds the costly moments and how late they are noticed (S23: 38 % of sales, seen at month end).
3. What did you do about it afterwards?
   Reason: shows whether they acted, and what they tried (a fix already tried is evidence of pain).
4. What have you tried to see labour cost earlier, and why did you stop using it?
   Reason: reveals the workarounds and competitors and why they failed (S24: the enterprise suite's set-up).
5. Who else was involved the last time you changed staffing across sites, and what did they need from you?
   Reason: maps the other people in the decision (site leads, finance, payroll) and who would need to agree.
Closing prompt: Is there anyone else I should talk to about this?"""

W1_MARK_SCHEME = [
    "1 point: five questions, each with a reason (a closing prompt such as 'Is there anyone else I should talk to?' "
    "may follow them and is not counted).",
    "2 points: every question is about the interviewee's life and past behaviour; no 'would you', no opinion of an "
    "idea, no price guess, no leading phrasing (lose 1 point per question that breaks a Mom Test rule, down to 0).",
    "1 point: at least three questions ask about a specific recent event ('the last time ...', 'when did ...').",
    "1 point: the reasons name what each question is meant to learn (workflow, cost or frequency, workarounds and "
    "competitors, people involved), not just restate the question; the guide covers at least three of those four.",
]


def _five_questions(text: str) -> str | None:
    n = text.count("?")
    return None if n >= 5 else f"{n} question mark{'s' if n != 1 else ''} so far: write five questions, each ending with '?'."


def _mom_test(text: str) -> str | None:
    bad = [q.strip() for q in re.findall(r"[^?\n]*\?", text) if q.strip() and not critique_question(q.strip()[-500:]).good]
    if not bad:
        return None
    return "the question critic flags " + "; ".join(repr(q[:60]) for q in bad[:3]) + ": rewrite as past events."


w1 = WrittenAnswer(
    module=MODULE, id="w1", points=5,
    prompt=("A five-question interview guide for an operations manager of a small café chain, to understand how they "
            "keep labour cost under control today; for each question, the reason you ask it. Follow the Mom Test."),
    rules=[
        Rule("five questions", _five_questions),
        Rule("every question passes the Mom Test critic", _mom_test),
        mentions("asks about specific past events", ["last time", "last week", "last month", "when did", "what happened",
                                                     "the last", "recently"],
                 "Ask about specific, recent events ('the last time ...', 'when did ...').", at_least=2),
        mentions("gives a reason for each question", ["reason", "because", "to learn", "to find out", "shows", "reveals"],
                 "Say after each question what you hope to learn from it ('Reason: ...').", at_least=3),
        mentions("on labour cost", ["labour", "labor", "wage", "staffing", "cost", "hours"],
                 "Keep the guide on the managers' problem: labour cost and staffing across sites."),
        length(min_words=60, max_words=400),
    ],
    model_answer=W1_MODEL,
    mark_scheme=W1_MARK_SCHEME,
)

WRITTEN = [w1]
