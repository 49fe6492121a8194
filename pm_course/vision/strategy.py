"""Vision, strategy and roadmap: the pure logic behind module 03.

Everything here is plain, typed Python (no ipywidgets, no matplotlib):

* OKR arithmetic: :func:`key_result_progress` (one key result, 0.0-1.0) and
  :func:`okr_score` (the objective, the mean of its key results), after
  Doerr, *Measure What Matters* (2018) and Google re:Work, "Guide: Set goals
  with OKRs": key results are graded 0.0-1.0 and 0.6-0.7 is the sweet spot.
* A critique of a key result's wording (:func:`critique_key_result`): a
  number, an outcome rather than a task or output, a time frame.
* Rubrics: :func:`check_vision_board` (Pichler's Product Vision Board),
  :func:`check_positioning` (Moore's positioning statement, *Crossing the
  Chasm*) and :func:`check_north_star` (Amplitude, *The North Star
  Playbook*: one metric for the value customers get, 3-6 input metrics of
  breadth, depth, frequency and efficiency; not revenue, not raw activity).
* Now / Next / Later (Bastow): :func:`roadmap_column` places an item by
  how certain the team is about it; :func:`now_next_later` builds the board
  and :func:`goal_coverage` shows which business goal each column serves.

The rubrics are heuristics over words: they catch the common mistakes a
reviewer would point out, they do not judge whether a vision is *good*.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..core.validate import (
    InputError,
    InputTypeError,
    choice,
    describe,
    fraction,
    integer,
    number,
    percent_guess,
    records,
    text,
)

__all__ = [
    "key_result_progress",
    "okr_score",
    "okr_verdict",
    "KEY_RESULTS_RANGE",
    "key_result_count_issue",
    "okr_shape_issue",
    "okr_rows",
    "vision_board_fields",
    "roadmap_ids",
    "roadmap_placement",
    "weekly_metrics",
    "key_result_issues",
    "critique_key_result",
    "is_outcome",
    "RubricReport",
    "VISION_BOARD_FIELDS",
    "VISION_BOARD_CRITERIA",
    "check_vision_board",
    "POSITIONING_CRITERIA",
    "parse_positioning",
    "check_positioning",
    "INPUT_KINDS",
    "NORTH_STAR_CRITERIA",
    "check_north_star",
    "COLUMNS",
    "CERTAINTY_COLUMN",
    "roadmap_column",
    "now_next_later",
    "THEME_GOALS",
    "goal_coverage",
    "FOUR_RISKS",
    "NO_NUMBER",
    "OUTPUT",
    "NO_TIME_FRAME",
    "ANNUAL_OBJECTIVE",
    "ANNUAL_TARGETS",
    "REVIEW_WEEK",
    "REVIEW_ELAPSED",
    "HYPOTHETICAL_WEEK_52",
    "annual_key_results",
    "PLANNED_NOW",
]

# ---------------------------------------------------------------- OKRs


def key_result_progress(baseline: float, target: float, actual: float) -> float:
    """How far a key result has moved from its baseline towards its target, from 0.0 to 1.0.

    progress = (actual - baseline) / (target - baseline), clipped to [0, 1].

    The same formula serves a *rising* target (sites publishing a rota:
    659 -> 1000) and a *falling* one (monthly churn: 3.1 % -> 2 %): moving
    the wrong way scores 0.0, overshooting scores 1.0.

    Source: Doerr, *Measure What Matters* (2018); Google re:Work, "Guide: Set
    goals with OKRs" (key results are graded 0.0-1.0). Grading by the share
    of the distance covered is the common linear variant; some teams grade
    by judgement instead.
    """
    b = number("baseline", baseline)
    t = number("target", target)
    a = number("actual", actual)
    if b == t:
        raise InputError(
            f"baseline and target are both {b:g}: a key result must move a number from where it is "
            "(the baseline) to somewhere new (the target). Set a target that differs from the baseline."
        )
    progress = (a - b) / (t - b)
    return min(1.0, max(0.0, progress))


def okr_score(key_result_scores: Sequence[float]) -> float:
    """The score of an objective: the mean of its key results' scores, each from 0.0 to 1.0.

    Source: Doerr, *Measure What Matters* (2018); Google re:Work, "Guide: Set
    goals with OKRs" (an objective is graded by averaging the grades of its
    key results; 0.6-0.7 is the sweet spot). Some teams weight key results;
    this course teaches the plain mean.
    """
    if type(key_result_scores) not in (list, tuple):
        raise InputTypeError(
            f"key_result_scores must be a list of numbers from 0.0 to 1.0 (one per key result); "
            f"got {describe(key_result_scores)}."
        )
    if not key_result_scores:
        raise InputError("key_result_scores is empty: an objective needs at least one key result (2 to 5 is usual).")
    scores = []
    for i, s in enumerate(key_result_scores):
        name = f"key result score {i + 1}"
        x = number(name, s)
        if x < 0 or x > 1:
            guess = f" Did you mean {percent_guess(x):g}?" if percent_guess(x) is not None else ""
            raise InputError(
                f"{name} must be a grade from 0.0 to 1.0 (OKRs are graded 0.0-1.0, not in percent); got {s!r}.{guess}"
            )
        scores.append(x)
    return sum(scores) / len(scores)


#: How many key results an objective has (Doerr; Google re:Work): 2 to 5.
KEY_RESULTS_RANGE = (2, 5)
_KR_FIELDS = ("text", "baseline", "target", "actual")


def key_result_count_issue(n: int) -> str | None:
    """The "2 to 5 key results" rule: None when ``n`` key results is fine, else what is wrong.

    >>> key_result_count_issue(3) is None, key_result_count_issue(1)
    (True, '1 key result(s); an objective has 2 to 5.')
    """
    n = integer("n", n, low=0)
    lo, hi = KEY_RESULTS_RANGE
    return None if lo <= n <= hi else f"{n} key result(s); an objective has {lo} to {hi}."


def okr_shape_issue(value: Any) -> str | None:
    """None if ``value`` is an OKR as plain data, ``{"objective": str, "key_results": [{"text", "baseline",
    "target", "actual"}, ...]}`` (the OKR builder's value), else what is wrong with its shape."""
    if type(value) is not dict or set(value) != {"objective", "key_results"}:
        return "Expected the OKR builder's value: a dict with 'objective' and 'key_results'."
    if type(value["objective"]) is not str or type(value["key_results"]) is not list:
        return "'objective' should be a text and 'key_results' a list."
    for i, kr in enumerate(value["key_results"]):
        if type(kr) is not dict or set(kr) != set(_KR_FIELDS):
            return f"key result {i + 1} should have text, baseline, target and actual."
        if type(kr["text"]) is not str or any(type(kr[k]) not in (int, float) for k in _KR_FIELDS[1:]):
            return f"key result {i + 1}: text is a str, baseline, target and actual are numbers."
    return None


def okr_rows(objective: Any, key_results: Any, max_rows: int = KEY_RESULTS_RANGE[1]) -> tuple[str, list[tuple]]:
    """Validate an objective and its key results (tuples ``(text, baseline, target, actual)`` or dicts with
    those keys) and return ``(objective, [(text, baseline, target, actual), ...])``."""
    max_rows = integer("max_rows", max_rows, low=1)
    if type(objective) is not str:
        raise InputTypeError(f"objective must be text (a str); got {describe(objective)}.")
    if type(key_results) not in (list, tuple):
        raise InputTypeError(f"key_results must be a list of (text, baseline, target, actual); got {describe(key_results)}.")
    if len(key_results) > max_rows:
        raise InputError(f"at most {max_rows} key results per objective (2 to 5 is the usual advice); got {len(key_results)}.")
    rows = []
    for i, kr in enumerate(key_results):
        where = f"key result {i + 1}"
        if type(kr) is dict:
            missing = [k for k in _KR_FIELDS if k not in kr]
            if missing:
                raise InputError(f"{where} is missing {', '.join(missing)}.")
            kr = tuple(kr[k] for k in _KR_FIELDS)
        if type(kr) not in (list, tuple) or len(kr) != 4:
            raise InputTypeError(f"{where} must be (text, baseline, target, actual); got {describe(kr)}.")
        rows.append((text(f"{where} text", kr[0]), number(f"{where} baseline", kr[1]),
                     number(f"{where} target", kr[2]), number(f"{where} actual", kr[3])))
    return objective, rows


OKR_KINDS = ("aspirational", "committed")


def okr_verdict(score: float, kind: str = "aspirational", *, elapsed: float = 1.0) -> str:
    """A plain-language reading of an OKR score (0.0-1.0), for an aspirational or a committed objective.

    Google re:Work ("Guide: Set goals with OKRs") tells two kinds apart.
    **Committed** OKRs are promises the team agrees to deliver: they are
    expected to score 1.0, and less than 1.0 calls for an explanation.
    **Aspirational** (stretch) OKRs are set beyond what the team knows how
    to reach: an average around 0.6-0.7 is the sweet spot, and a 1.0 is good
    news, though 1.0 every quarter suggests the objectives could be bolder.

    Those verdicts belong to the **end** of the period. ``elapsed`` is the
    share of the period that has passed (1.0, the default, is the end). Before
    the end, a score is read against the time elapsed: 0.47 with half the year
    gone is on track (within 0.1 of the straight line from 0.0 to 1.0), not a
    miss. The tolerance of 0.1 is this course's choice for a rough reading.

    >>> okr_verdict(1.0, "committed")
    'delivered: a committed key result is expected to reach 1.0'
    >>> okr_verdict(0.47, "committed", elapsed=0.5)[:8]
    'on track'
    """
    x = number("score", score)
    if x < 0 or x > 1:
        guess = f" Did you mean {percent_guess(x):g}?" if percent_guess(x) is not None else ""
        raise InputError(f"score must be from 0.0 to 1.0; got {score!r}.{guess}")
    k = choice("kind", kind, OKR_KINDS)
    e = fraction("elapsed", elapsed, allow_zero=False,
                 hint="It is the share of the OKR's period that has passed: 0.5 at mid-year, 1.0 at the end.")
    if e < 1.0:
        pace = f"{x:.2f} with {e:.2f} of the period gone"
        if x >= e + 0.1:
            return f"ahead of pace: {pace}; read the end-of-period verdict when the period ends"
        if x >= e - 0.1:
            return f"on track: {pace}, close to the straight line from 0.0 to 1.0; a mid-period score is not a verdict"
        if k == "committed":
            return (f"behind pace: {pace}; a committed OKR should be near {e:.2f} by now: find what blocks it and "
                    "re-plan while there is time")
        return f"behind pace: {pace}; find what blocks progress while there is time to change course"
    if k == "committed":
        if x >= 1.0:
            return "delivered: a committed key result is expected to reach 1.0"
        if x >= 0.7:
            return "short of a commitment: a committed OKR is expected to reach 1.0; explain what slipped and re-plan"
        return "a missed commitment: find out what blocked it, and whether it should have been committed at all"
    if x < 0.4:
        return "well short: find out what blocked progress and whether the key results were the right ones"
    if x < 0.6:
        return "progress, but short of the 0.6-0.7 sweet spot"
    if x <= 0.7:
        return "in the 0.6-0.7 sweet spot: ambitious and largely achieved"
    if x < 1.0:
        return "above the sweet spot: good, but check the objective was ambitious enough"
    return ("fully achieved: good news for a stretch goal; if aspirational OKRs reach 1.0 every quarter, "
            "set bolder ones (a committed OKR, by contrast, is expected to reach 1.0)")


# ---------------------------------------------------------------- Shiftbrew's annual objective (the lesson's example)

#: The annual, aspirational objective set today (week 26 of the case data) for the next 12 months
#: (weeks 26 to 78), and a review six months ahead, at week 52. The baselines are read from the case data
#: by :func:`annual_key_results`; the targets are the business goals (the shifts target is the outcome of
#: module 02's opportunity solution tree); the week-52 readings are **hypothetical**: the data stop today.
ANNUAL_OBJECTIVE = "Cafés rely on Shiftbrew every week"
ANNUAL_TARGETS = {"churn": 2.0, "shifts": 0.65, "group_share": 0.45}
REVIEW_WEEK = 52
REVIEW_ELAPSED = 0.5
HYPOTHETICAL_WEEK_52 = {"churn": 2.6, "shifts": 0.585, "group_share": 0.37}


def annual_key_results(company: dict, weekly: Sequence[dict]) -> list[dict]:
    """The annual objective's key results: baselines from today's data (week 26), targets, week-52 readings.

    ``company`` is ``load("company")`` and ``weekly`` is ``load("analytics")["weekly"]``; week 26, the
    last week, is today. Each key result is a dict with ``key``, ``text``, ``baseline``, ``target`` and
    ``actual`` (the hypothetical reading at the week-52 review).
    """
    today = company.get("today") if isinstance(company, dict) else None
    if not isinstance(today, dict) or not {"monthly_site_churn", "group_share_of_sites"} <= today.keys():
        raise InputTypeError("company must be load('company'): a dict whose 'today' holds 'monthly_site_churn' and "
                             f"'group_share_of_sites'; got {describe(company)}.")
    rows = records("weekly", weekly, keys=("week", "shifts_filled_without_manager_calls"),
                   what="weekly analytics rows", example="load('analytics')['weekly']")
    churn = round(100 * number("monthly_site_churn", today["monthly_site_churn"]), 1)
    shifts = fraction("shifts_filled_without_manager_calls", rows[-1]["shifts_filled_without_manager_calls"])
    group = fraction("group_share_of_sites", today["group_share_of_sites"])
    t, h = ANNUAL_TARGETS, HYPOTHETICAL_WEEK_52
    return [
        {"key": "churn", "text": f"Cut monthly site churn from {churn:.1f} % to {t['churn']:.1f} % within 12 months",
         "baseline": churn, "target": t["churn"], "actual": h["churn"]},
        {"key": "shifts", "text": (f"Raise the share of shifts filled without manager calls from {shifts:.1%} to "
                                   f"{t['shifts']:.0%} within 12 months").replace("%", " %"),
         "baseline": shifts, "target": t["shifts"], "actual": h["shifts"]},
        {"key": "group_share", "text": (f"Raise the share of Group-plan sites from {group:.0%} to "
                                        f"{t['group_share']:.0%} within 12 months").replace("%", " %"),
         "baseline": group, "target": t["group_share"], "actual": h["group_share"]},
    ]


#: The problems the roadmap works on now, as the strategy chooses them (themes of the backlog). Certainty
#: alone would put last-minute cover in Next; the strategy's crux puts its discovery in Now.
PLANNED_NOW = ("last-minute cover", "swaps and availability", "payroll and hours")


# ---------------------------------------------------------------- key result wording

NO_NUMBER = "no number"
OUTPUT = "task or output"
NO_TIME_FRAME = "no time frame"

_EXPLAIN = {
    NO_NUMBER: "no number: a key result must be measurable; say from what to what (e.g. 'from 3.1 % to 2 %').",
    OUTPUT: "task or output: it describes work to do or things to ship, not the change it should cause; "
    "say what changes for customers or the business (e.g. 'cut the time to build a rota', not 'launch auto-fill').",
    NO_TIME_FRAME: "no time frame: say by when (e.g. 'by the end of Q3', 'within 12 weeks').",
}

_NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "half", "halve", "double", "triple", "twice",
)
_NUMBER_RE = re.compile(r"\d|\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.I)

# Verbs that open a task ("do this") or count an output ("ship that").
_OUTPUT_VERBS = (
    "launch", "ship", "build", "release", "deliver", "implement", "create", "develop", "design", "write",
    "complete", "finish", "add", "introduce", "roll out", "rollout", "migrate", "hire", "run", "hold", "publish",
    "send", "deploy", "integrate", "redesign", "set up", "setup", "make", "start", "host", "conduct", "interview",
    "organise", "organize", "attend", "prepare", "draft", "document", "refactor", "code", "test", "post", "hold",
    "finalise", "finalize", "produce", "deploy", "update", "rewrite", "research", "define", "plan",
)
# Nouns that count outputs however the sentence starts ("increase features shipped to 10").
_OUTPUT_NOUNS = (
    "features", "feature", "releases", "story points", "velocity", "blog posts", "posts",
    "lines of code", "deploys", "deployments", "sprints", "tasks", "epics", "meetings", "slides", "specs",
    "prototypes", "campaigns", "emails sent", "interviews",
)
_LEAD_IN = ("we will", "we'll", "team will", "successfully", "to", "we", "fully", "finally", "will")

_MONTHS = (r"(january|february|march|april|may|june|july|august|september|october|november|december|"
           r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b")
_TIME_RE = re.compile(
    r"\b(by|before|until|till|in|within|during|over|this|next|end of|each|per)\s+"
    r"(the\s+)?(end\s+of\s+)?(the\s+)?"
    r"(q[1-4]|h[12]|quarter|year|month|week|weeks|months|days|quarters|years|sprint|\d{4}|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|week\s+\d+|\d+\s+(days|weeks|months|years|quarters))\b"
    r"|\b(q[1-4]|h[12])\s*(\d{4}|'\d\d)?\b"
    r"|\b(this|next)\s+(quarter|year|month|half)\b"
    r"|\bwithin\s+\d+\s*(days|weeks|months|years|quarters)\b"
    r"|\b(within|in|over|during)\s+(the\s+)?(next\s+|coming\s+|first\s+)?(one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|eighteen|\d+)\s+(days|weeks|months|years|quarters|halves)\b"
    r"|\b\d+\s*(days|weeks|months)\s+(from|after)\b"
    r"|\b(end|start)\s+of\s+(the\s+)?(quarter|year|month|season|q[1-4])\b"
    r"|\b\d{1,2}(st|nd|rd|th)?\s+(of\s+)?" + _MONTHS +
    r"|\b" + _MONTHS + r"\s+\d{1,2}(st|nd|rd|th)?\b"
    r"|\b(19|20)\d\d\b",
    re.I,
)
_PER_ONLY = re.compile(r"\b(each|per)\s+", re.I)
#: A key result is one sentence; a longer text gets a message saying the limit, not a slow check.
MAX_KEY_RESULT = 500


def _words(s: str) -> list[str]:
    return re.findall(r"[a-z0-9%$£€.'-]+", s.casefold())


def _leading_verb_is_output(s: str) -> bool:
    low = " ".join(_words(s))
    changed = True
    while changed:  # strip lead-ins such as "we will", "successfully"
        changed = False
        for lead in _LEAD_IN:
            if low.startswith(lead + " "):
                low = low[len(lead) + 1:]
                changed = True
    return any(low == v or low.startswith(v + " ") for v in _OUTPUT_VERBS)


def _counts_output(s: str) -> bool:
    low = " " + " ".join(_words(s)) + " "
    return any(f" {n} " in low for n in _OUTPUT_NOUNS)


def _has_time_frame(s: str) -> bool:
    for m in _TIME_RE.finditer(s):
        if m.group(1) and _PER_ONLY.fullmatch(m.group(1) + " "):
            continue  # "per week" is a rate, not a deadline
        return True
    return False


def key_result_issues(text_: str) -> list[str]:
    """Which of the three common faults a key result has, as codes in a fixed order.

    The codes are :data:`NO_NUMBER` ("no number"), :data:`OUTPUT` ("task or
    output": it names work to do or things to ship, not a change in
    customer or business results) and :data:`NO_TIME_FRAME` ("no time
    frame"). An empty list means none was found.

    Source: Doerr, *Measure What Matters* (2018) and Google re:Work, "Guide:
    Set goals with OKRs": key results are measurable, time-bound outcomes,
    not tasks. The checks are word heuristics, not understanding.
    """
    s = text("key result", text_, max_len=MAX_KEY_RESULT)
    issues = []
    if not _NUMBER_RE.search(_TIME_RE.sub(" ", s)):  # "by Q3" or "by 30 June" is a deadline, not a measure
        issues.append(NO_NUMBER)
    if _leading_verb_is_output(s) or _counts_output(s):
        issues.append(OUTPUT)
    if not _has_time_frame(s):
        issues.append(NO_TIME_FRAME)
    return issues


def critique_key_result(text_: str) -> list[str]:
    """The reasons a key result is weak, each a sentence that says how to fix it; ``[]`` if none found.

    Flags a key result with no number, one that is a task or output rather
    than an outcome, and one with no time frame (see :func:`key_result_issues`
    for the codes). Source: Doerr, *Measure What Matters* (2018); Google
    re:Work, "Guide: Set goals with OKRs".
    """
    return [_EXPLAIN[code] for code in key_result_issues(text_)]


def is_outcome(statement: str) -> bool:
    """True if ``statement`` reads as an outcome (a change in behaviour or results), False if a task or output.

    Uses the same word heuristics as :func:`key_result_issues` (a leading
    task verb such as 'launch', 'build', 'ship', or a count of outputs such
    as 'features' or 'releases').
    """
    s = text("statement", statement)
    return not (_leading_verb_is_output(s) or _counts_output(s))


# ---------------------------------------------------------------- rubric plumbing


@dataclass(frozen=True)
class RubricReport:
    """The result of a rubric: which criteria are met and what each unmet one is missing."""

    rubric: str
    met: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "criterion: what is missing"

    @property
    def passed(self) -> bool:
        return not self.problems

    @property
    def total(self) -> int:
        return len(self.met) + len(self.problems)

    def __str__(self) -> str:
        head = f"{self.rubric}: {len(self.met)} of {self.total} criteria met"
        return "\n".join([head + ("." if self.passed else ":")] + [f"  - {p}" for p in self.problems])

    def __repr__(self) -> str:
        return str(self)


Criterion = tuple[str, Callable[[Any], "str | None"]]


def _run(rubric: str, criteria: Sequence[Criterion], answer: Any) -> RubricReport:
    met, problems = [], []
    for name, test in criteria:
        msg = test(answer)
        if msg:
            problems.append(f"{name}: {msg}")
        else:
            met.append(name)
    return RubricReport(rubric, met, problems)


def _nwords(s: str) -> int:
    return len(re.findall(r"\w+", s))


def _mentions(s: str, words: Iterable[str]) -> list[str]:
    low = " " + " ".join(re.findall(r"[\w$£€%'-]+", s.casefold())) + " "
    return [w for w in words if f" {w} " in low or (not w[0].isalnum() and w in low)]


_PLACEHOLDERS = {"tbd", "todo", "...", "?", "n/a", "na", "none", "tbc", "x", "xxx", "lorem ipsum"}
_EVERYONE = ("everyone", "anyone", "everybody", "anybody", "all users", "all people", "all businesses",
             "all companies", "the world", "people", "users", "customers", "businesses", "the market", "all")


def _filled(s: str) -> bool:
    return s.strip().casefold() not in _PLACEHOLDERS and _nwords(s) > 0


def _generic_group(s: str) -> bool:
    cleaned = re.sub(r"^(the|all|our)\s+", "", s.strip().casefold().rstrip(".")).strip()
    return cleaned in _EVERYONE or s.strip().casefold().rstrip(".") in _EVERYONE or bool(
        re.search(r"\b(everyone|anyone|everybody|anybody)\b", s, re.I))


# ---------------------------------------------------------------- Product Vision Board

VISION_BOARD_FIELDS = ("vision", "target_group", "needs", "product", "business_goals")

_SOLUTION_WORDS = ("app", "apps", "feature", "features", "software", "platform", "dashboard", "button",
                   "integration", "api", "module", "website", "tool", "saas", "algorithm")
_BUSINESS_WORDS = ("revenue", "arr", "mrr", "churn", "retention", "profit", "profitability", "margin", "cost",
                   "costs", "growth", "grow", "market share", "share", "sales", "subscriptions", "subscribers",
                   "paying", "customers", "sites", "accounts", "brand", "market", "income", "upsell", "renewals",
                   "conversion", "lifetime value", "ltv", "acquisition", "expansion")


def _vb_vision(b: dict) -> str | None:
    v = b["vision"]
    if not _filled(v):
        return "write the vision: the change your product should bring about, in one sentence."
    if _nwords(v) < 4:
        return "too short to say what changes for people; write a full sentence."
    if _nwords(v) > 35:
        return f"{_nwords(v)} words; a vision is short enough to remember and repeat (about 35 words at most)."
    found = _mentions(v, _SOLUTION_WORDS)
    if found:
        return (f"it describes the product ({', '.join(found)}); the vision is the purpose behind the product, "
                "the positive change it brings, and stays true when the product changes.")
    return None


def _vb_target(b: dict) -> str | None:
    t = b["target_group"]
    if not _filled(t):
        return "say who the product is for."
    if _generic_group(t):
        return "too broad; name a specific market or segment (who they are, how big, where), not everyone."
    if _nwords(t) < 2:
        return "name the segment more precisely (e.g. its size, kind of business, or role)."
    return None


def _vb_needs(b: dict) -> str | None:
    n = b["needs"]
    if not _filled(n):
        return "say which problem the product solves or which benefit it gives."
    if _nwords(n) < 4:
        return "too short; describe the problem or benefit in the customers' terms."
    found = _mentions(n, _SOLUTION_WORDS)
    if found:
        return (f"it names a solution ({', '.join(found)}); needs are the customers' problems or desired benefits, "
                "whatever the product turns out to be.")
    return None


def _vb_product(b: dict) -> str | None:
    p = b["product"]
    if not _filled(p):
        return "say what the product is and what makes it stand out."
    if _nwords(p) < 4:
        return "too short; name the three to five features or qualities that make it stand out."
    return None


def _vb_goals(b: dict) -> str | None:
    g = b["business_goals"]
    if not _filled(g):
        return "say how the product benefits the company (revenue, retention, cost, market, brand...)."
    if not _mentions(g, _BUSINESS_WORDS):
        return ("name a benefit to the company, such as revenue, churn or retention, market share, costs or "
                "brand; the board has to make the business case too.")
    if not _NUMBER_RE.search(g):
        return "make at least one goal measurable (a number to reach), so you can tell whether it is met."
    return None


VISION_BOARD_CRITERIA: tuple[Criterion, ...] = (
    ("vision", _vb_vision),
    ("target group", _vb_target),
    ("needs", _vb_needs),
    ("product", _vb_product),
    ("business goals", _vb_goals),
)


def _board(board: Any, partial: bool = False) -> dict[str, str]:
    if type(board) is not dict:
        raise InputTypeError(
            "board must be a dict with the five fields of a Product Vision Board "
            f"({', '.join(VISION_BOARD_FIELDS)}); got {describe(board)}."
        )
    clean: dict[str, str] = {}
    for key, value in board.items():
        if type(key) is not str:
            raise InputTypeError(f"the keys of board are field names (text); got {describe(key)}.")
        k = "_".join(key.strip().casefold().replace("-", " ").split())
        if k not in VISION_BOARD_FIELDS:
            raise InputError(f"board has an unknown field {key!r}; the fields are {', '.join(VISION_BOARD_FIELDS)}.")
        if type(value) is not str:
            raise InputTypeError(f"board[{key!r}] must be text (a str); got {describe(value)}.")
        clean[k] = value
    missing = [f for f in VISION_BOARD_FIELDS if f not in clean]
    if missing and not partial:
        raise InputError("board is missing: " + ", ".join(missing) + f" (the fields are {', '.join(VISION_BOARD_FIELDS)}).")
    return clean


def vision_board_fields(board: Any) -> dict[str, str]:
    """Some or all fields of a Product Vision Board, validated (field names as in :data:`VISION_BOARD_FIELDS`,
    written with spaces or dashes too; every value text)."""
    return _board(board, partial=True)


def check_vision_board(board: dict[str, str]) -> RubricReport:
    """A rubric for a Product Vision Board (Pichler): vision, target group, needs, product, business goals.

    ``board`` is a dict with the keys ``vision``, ``target_group``, ``needs``,
    ``product`` and ``business_goals`` ("target group" with a space is
    accepted too), each a text. Criteria: the vision is a short statement of
    purpose that does not describe the product; the target group is specific,
    not everyone; the needs are problems or benefits, not solutions; the
    product is described; the business goals name a benefit to the company
    and at least one number.

    Source: Roman Pichler, "The Product Vision Board" (romanpichler.com, 2011;
    *Strategize*, 2016).
    """
    return _run("Product Vision Board", VISION_BOARD_CRITERIA, _board(board))


# ---------------------------------------------------------------- positioning statement

# The signal words of Moore's template. Each part is the text up to the *first* signal word that
# follows it, found by one forward search per part (no nested lazy groups to backtrack over), so
# parsing takes time linear in the statement's length whatever it holds. A pattern that starts with
# whitespace only matches where a run of whitespace starts, so a long run is not rescanned.
_POS_FOR = re.compile(r"\s*for\s+", re.I)
_POS_WHO = re.compile(r"(?<!\s)\s+(?:who|that|whose)\s+", re.I)
_POS_IS_A = re.compile(r"(?<!\s)\s+is\s+(?:an?|the)\s+", re.I)
_POS_THAT = re.compile(r"(?<!\s)\s+that\s+", re.I)
_POS_UNLIKE = re.compile(r"(?<![\s.;])\s*[.;]\s*unlike\s+", re.I)
_FIND_WHO_BOUNDARY = re.compile(r"(?<!\s)\s+(?:who|that|whose)\b", re.I)
_FIND_WHO = re.compile(r"\b(?:who|whose)\s+", re.I)
_FIND_IS_A = re.compile(r"(?<!\s)\s+is\s+(?:an?|the)\s", re.I)
_FIND_IS_A_WORD = re.compile(r"\bis\s+(?:an?|the)\s+", re.I)
_FIND_THAT_WORD = re.compile(r"(?<!\s)\s+that\b", re.I)
_FIND_UNLIKE = re.compile(r"\bunlike\s+", re.I)
_GENERIC_ALTERNATIVES = ("competitors", "the competition", "competition", "others", "other apps", "other products",
                         "other tools", "the rest", "alternatives", "other solutions", "everyone else", "them",
                         "the market", "other companies")


def parse_positioning(statement: str) -> dict[str, str]:
    """Split a positioning statement into Moore's parts; the parts not found are missing from the dict.

    Template (Moore, *Crossing the Chasm*, 1991): For <target customer> who
    <need>, <product> is a <category> that <key benefit>. Unlike
    <alternative>, our product <differentiator>.
    """
    s = text("statement", statement)
    whole = _parse_whole_positioning(s)
    if whole is not None:
        return whole
    return _parse_positioning_parts(s)


def _comma_after(s: str, pos: int) -> int:
    """Index of the first comma after a part that starts at ``pos - 1`` (-1 when there is none).

    A part is at least one character; when there is no later comma, a comma right at the start
    closes a part made of the last of two or more spaces before it (as the template's regular
    expression reads it).
    """
    found = s.find(",", pos)
    if found < 0 and 3 <= pos <= len(s) and s[pos - 1] == "," and s[pos - 2].isspace() and s[pos - 3].isspace():
        return pos - 1
    return found


def _after_comma(s: str, comma: int) -> int:
    """Index just after the comma at ``comma`` and the spaces that follow it."""
    i = comma + 1
    while i < len(s) and s[i].isspace():
        i += 1
    return i


def _tail(rest: str) -> str:
    """The differentiator: the rest of the text without trailing spaces and one closing full stop."""
    t = rest.rstrip()
    if len(t) > 1 and t.endswith("."):
        t = t[:-1].rstrip()
    return t


def _parse_whole_positioning(s: str) -> dict[str, str] | None:
    """All eight parts when the statement follows the template in order, else None."""
    m = _POS_FOR.match(s)
    if not m:
        return None
    t0 = m.end()
    who = _POS_WHO.search(s, t0 + 1)
    if not who:
        return None
    n0 = who.end()
    comma = _comma_after(s, n0 + 1)
    if comma < 0:
        return None
    p0 = _after_comma(s, comma)
    is_a = _POS_IS_A.search(s, p0 + 1)
    if not is_a:
        return None
    c0 = is_a.end()
    that = _POS_THAT.search(s, c0 + 1)
    if not that:
        return None
    b0 = that.end()
    unlike = _POS_UNLIKE.search(s, b0 + 1)
    if not unlike:
        return None
    a0 = unlike.end()
    comma2 = _comma_after(s, a0 + 1)
    if comma2 < 0:
        return None
    d0 = _after_comma(s, comma2)
    differentiator = _tail(s[d0:])
    parts = {
        "target": s[t0:who.start()], "need": s[n0:comma], "product": s[p0:is_a.start()],
        "category": s[c0:that.start()], "benefit": s[b0:unlike.start()], "alternative": s[a0:comma2],
        "differentiator": differentiator,
    }
    return {k: v.strip() for k, v in parts.items()}


def _parse_positioning_parts(s: str) -> dict[str, str]:
    """The parts that can be found one by one (a statement that does not follow the whole template)."""
    found: dict[str, str] = {}
    m = _POS_FOR.match(s)
    if m:
        end = _FIND_WHO_BOUNDARY.search(s, m.end() + 1)
        if end:
            found["target"] = s[m.end():end.start()]
    m = _FIND_WHO.search(s)
    if m:
        comma = _comma_after(s, m.end() + 1)
        if comma >= 0:
            found["need"] = s[m.end():comma]
    comma = s.find(",")
    while comma >= 0:  # the product: between a comma and "is a", with no comma in between
        nxt = s.find(",", comma + 1)
        stop = len(s) if nxt < 0 else nxt
        start = comma + 1
        while start < stop and s[start].isspace():
            start += 1
        is_a = _FIND_IS_A.search(s, start + 1, stop)
        if is_a:
            found["product"] = s[start:is_a.start()]
            break
        comma = nxt
    m = _FIND_IS_A_WORD.search(s)
    if m:
        that = _FIND_THAT_WORD.search(s, m.end() + 1)
        if that:
            found["category"] = s[m.end():that.start()]
            after = _POS_THAT.match(s, that.start())
            if after:
                b0 = after.end()
                stops = [i for i in (s.find(".", b0 + 1), s.find(";", b0 + 1)) if i >= 0]
                found["benefit"] = s[b0:min(stops) if stops else len(s)]
    m = _FIND_UNLIKE.search(s)
    if m:
        comma = _comma_after(s, m.end() + 1)
        if comma >= 0:
            found["alternative"] = s[m.end():comma]
            found["differentiator"] = _tail(s[comma + 1:].lstrip())
    order = ("target", "need", "product", "category", "benefit", "alternative", "differentiator")
    return {k: found[k].strip() for k in order if k in found and found[k].strip()}


def _pos_part(name: str, what: str, min_words: int = 1) -> Callable[[dict], str | None]:
    def test(parts: dict) -> str | None:
        if name not in parts:
            return f"not found; the template asks for {what}."
        if _nwords(parts[name]) < min_words:
            return f"say more: {what}."
        return None

    return test


def _pos_target(parts: dict) -> str | None:
    if "target" not in parts:
        return "start with 'For <target customer> who <need>,'."
    if _generic_group(parts["target"]):
        return "too broad; name the customers you serve first (a segment), not everyone."
    return None


def _pos_alternative(parts: dict) -> str | None:
    if "alternative" not in parts:
        return "add 'Unlike <the main alternative>, ...': what customers use today."
    alt = parts["alternative"].strip().casefold().rstrip(".")
    if alt in _GENERIC_ALTERNATIVES or re.sub(r"^(the|our|other)\s+", "", alt) in _GENERIC_ALTERNATIVES:
        return "name the actual alternative customers use today (a competitor or a workaround), not 'competitors'."
    return None


def _pos_differentiator(parts: dict) -> str | None:
    if "differentiator" not in parts:
        return "after 'Unlike <alternative>,' say how your product is different."
    if _nwords(parts["differentiator"]) < 3:
        return "say in a few words what your product does that the alternative does not."
    return None


POSITIONING_CRITERIA: tuple[Criterion, ...] = (
    ("target customer", _pos_target),
    ("need", _pos_part("need", "'who <need>': the problem or opportunity the customer has", 2)),
    ("product and category", lambda p: None if ("product" in p and "category" in p) else
     "write '<product> is a <category>': name the product and the kind of product it is."),
    ("key benefit", _pos_part("benefit", "'that <key benefit>': the main reason to buy", 2)),
    ("alternative", _pos_alternative),
    ("differentiator", _pos_differentiator),
)


def check_positioning(statement: str) -> RubricReport:
    """A rubric for a positioning statement in Moore's template.

    For <target customer> who <need>, <product> is a <category> that <key
    benefit>. Unlike <alternative>, our product <differentiator>.

    Criteria: a specific target customer; their need; the product and its
    category; the key benefit; a named alternative (not just 'competitors');
    a differentiator. Source: Geoffrey A. Moore, *Crossing the Chasm* (1991;
    3rd ed. 2014), chapter 6.
    """
    s = text("statement", statement)
    return _run("Positioning statement", POSITIONING_CRITERIA, parse_positioning(s))


# ---------------------------------------------------------------- North Star metric

INPUT_KINDS = ("breadth", "depth", "frequency", "efficiency")
NORTH_STAR_FIELDS = ("name", "customer_value", "inputs")

_MONEY_WORDS = ("revenue", "arr", "mrr", "sales", "bookings", "profit", "income", "turnover", "gmv", "$", "£",
                "€", "usd", "dollars", "billings", "ltv", "arpu")
_VANITY = ("daily active users", "monthly active users", "weekly active users", "active users", "dau", "mau",
           "wau", "logins", "log-ins", "sign-ups", "signups", "sign ups", "registrations", "page views",
           "pageviews", "downloads", "installs", "sessions", "visits", "app opens", "clicks", "users",
           "time in app", "time spent")
_PERIOD_RE = re.compile(r"\b(per|each|a|every)\s+(day|week|month|quarter|year)\b|\b(daily|weekly|monthly|quarterly)\b",
                        re.I)
_CUSTOMER_WORDS = ("customer", "customers", "user", "users", "owner", "owners", "manager", "managers", "staff",
                   "barista", "baristas", "team", "teams", "café", "cafés", "cafe", "cafes", "site", "sites", "they",
                   "their", "people", "member", "members", "shop", "shops", "business", "businesses")


def _ns_name(m: dict) -> str | None:
    if _nwords(m["name"]) < 3:
        return "describe the metric in a few words: what is counted, and over what period."
    return None


def _ns_money(m: dict) -> str | None:
    found = _mentions(m["name"], _MONEY_WORDS)
    if found:
        return ("it counts money (" + ", ".join(found) + "): revenue is what the company captures, a lagging "
                "result of customer value; pick the moment customers get value instead.")
    return None


def _ns_vanity(m: dict) -> str | None:
    name = m["name"]
    found = sorted(_mentions(name, _VANITY), key=len, reverse=True)
    active = re.search(r"\b(?:daily|weekly|monthly)\s+active\s+[a-z]+", name, re.I)  # "daily active baristas"
    if active and not found:
        found = [active.group(0).lower()]
    if found and not re.search(r"\b(who|that|with|whose)\b", name, re.I):
        return (f"it counts raw activity ({found[0]}): people can log in without getting value; "
                "count the valuable thing they did (e.g. shifts filled, rotas published).")
    return None


def _ns_period(m: dict) -> str | None:
    if not _PERIOD_RE.search(m["name"]):
        return "give it a time window ('per week', 'weekly'), so it can be tracked and compared week to week."
    return None


def _ns_value(m: dict) -> str | None:
    v = m["customer_value"]
    if not _filled(v) or _nwords(v) < 5:
        return "in a sentence, say what value customers get each time the metric goes up."
    if not _mentions(v, _CUSTOMER_WORDS):
        return "say whom it helps: the value is the customer's (owners, managers, staff...), not the company's."
    if _mentions(v, _MONEY_WORDS):
        return "describe the customer's gain, not the company's revenue."
    return None


def _ns_inputs_count(m: dict) -> str | None:
    n = len(m["inputs"])
    if n < 3 or n > 6:
        return f"{n} input metric{'s' if n != 1 else ''}; use 3 to 6 that teams can move and that drive the North Star."
    return None


def _ns_inputs_kinds(m: dict) -> str | None:
    kinds = set(m["inputs"].values())
    if len(kinds) < 2:
        return ("all the inputs are of one kind; cover at least two of breadth (how many), depth (how much), "
                "frequency (how often) and efficiency (how fast or easily).")
    money = [k for k in m["inputs"] if _mentions(k, _MONEY_WORDS)]
    if money:
        return f"an input counts money ({money[0]!r}); inputs are customer behaviours a team can influence."
    return None


NORTH_STAR_CRITERIA: tuple[Criterion, ...] = (
    ("names a metric", _ns_name),
    ("not revenue", _ns_money),
    ("not raw activity", _ns_vanity),
    ("time window", _ns_period),
    ("measures customer value", _ns_value),
    ("3 to 6 input metrics", _ns_inputs_count),
    ("inputs of several kinds", _ns_inputs_kinds),
)


def _metric(metric: Any) -> dict:
    if type(metric) is not dict:
        raise InputTypeError(
            "metric must be a dict with 'name' (text), 'customer_value' (text) and 'inputs' (a dict mapping each "
            f"input metric to its kind: {', '.join(INPUT_KINDS)}); got {describe(metric)}."
        )
    unknown = [k for k in metric if k not in NORTH_STAR_FIELDS]
    if unknown:
        raise InputError(f"metric has unknown key(s) {', '.join(map(repr, unknown))}; the keys are {', '.join(NORTH_STAR_FIELDS)}.")
    missing = [k for k in NORTH_STAR_FIELDS if k not in metric]
    if missing:
        raise InputError(f"metric is missing {', '.join(map(repr, missing))}; the keys are {', '.join(NORTH_STAR_FIELDS)}.")
    name = text("metric['name']", metric["name"])
    value = text("metric['customer_value']", metric["customer_value"])
    inputs = metric["inputs"]
    if type(inputs) is not dict:
        hint = " (write each input metric as a key and its kind as the value)" if type(inputs) in (list, tuple) else ""
        raise InputTypeError(
            f"metric['inputs'] must be a dict mapping each input metric to its kind{hint}; got {describe(inputs)}."
        )
    clean = {}
    for k, kind in inputs.items():
        key = text("an input metric's name", k)
        if type(kind) is not str or kind.strip().casefold() not in INPUT_KINDS:
            raise InputError(
                f"the kind of input {k!r} must be one of {', '.join(INPUT_KINDS)}; got {describe(kind)}."
            )
        clean[key] = kind.strip().casefold()
    return {"name": name, "customer_value": value, "inputs": clean}


def check_north_star(metric: dict) -> RubricReport:
    """A rubric for a North Star metric and its inputs (Amplitude, *The North Star Playbook*).

    ``metric`` is a dict: ``name`` (what is counted, over what period),
    ``customer_value`` (a sentence: the value customers get when it rises) and
    ``inputs`` (a dict mapping 3-6 input metrics to their kind: breadth,
    depth, frequency or efficiency).

    Criteria: a metric with a time window; not revenue; not raw activity
    (DAU, logins, sign-ups) unless qualified by a valuable action; it
    measures value for customers; 3 to 6 inputs covering at least two kinds,
    none of them money. Source: Amplitude, *The North Star Playbook* (2019).
    """
    return _run("North Star metric", NORTH_STAR_CRITERIA, _metric(metric))


# ---------------------------------------------------------------- Now / Next / Later

COLUMNS = ("Now", "Next", "Later")
CERTAINTY_COLUMN = {"high": "Now", "medium": "Next", "low": "Later"}


def roadmap_column(certainty: str) -> str:
    """The column of a Now / Next / Later roadmap for an item of this certainty.

    Certainty falls from Now to Later: what the team understands well
    (high) goes in Now, what still needs discovery (medium) in Next, what is
    a rough idea (low) in Later. Source: Janna Bastow, ProdPad, "The
    Now-Next-Later roadmap" (2012 onwards). The mapping from three certainty
    levels to three columns is the course's simplification; in practice
    capacity and goals decide too.
    """
    if type(certainty) is not str:
        raise InputTypeError(f"certainty must be one of 'high', 'medium', 'low'; got {describe(certainty)}.")
    key = certainty.strip().casefold()
    if key not in CERTAINTY_COLUMN:
        hint = " (a roadmap has no dates: Now / Next / Later are columns, certainty is high / medium / low)" \
            if key.title() in COLUMNS else ""
        raise InputError(f"certainty must be one of 'high', 'medium', 'low'; got {certainty!r}.{hint}")
    return CERTAINTY_COLUMN[key]


def _items(items: Any, name: str = "items") -> list[dict]:
    return records(name, items, keys=("id", "certainty"), what="backlog items", example="as from load('backlog')",
                   empty_ok=True)


def roadmap_ids(ids: Any, backlog: Sequence[dict]) -> list[str]:
    """Backlog ids for a roadmap: a non-empty list, each in ``backlog``; duplicates dropped, order kept."""
    backlog = records("backlog", backlog, keys=("id",), what="backlog items", example="as from load('backlog')")
    known = {b["id"] for b in backlog}
    if type(ids) not in (list, tuple) or not ids:
        raise InputTypeError(f"ids must be a non-empty list of backlog ids such as ['B01', 'B05']; got {describe(ids)}.")
    odd = [i for i in ids if type(i) is not str]
    if odd:
        raise InputTypeError(f"ids must be backlog ids as text, such as 'B01'; got {describe(odd[0])} among them.")
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise InputError(f"not in the backlog: {', '.join(map(repr, unknown))}; ids run from B01 to B{len(backlog):02d}.")
    return list(dict.fromkeys(ids))


def roadmap_placement(placement: Any, board_ids: Iterable[str]) -> dict[str, str]:
    """A placement ``{item id: column}`` for the items ``board_ids``; columns are Now, Next, Later (any case)."""
    if isinstance(board_ids, (str, bytes)) or not isinstance(board_ids, Iterable):
        raise InputTypeError(f"board_ids must be a list of the item ids on the board; got {describe(board_ids)}.")
    on_board = list(board_ids)
    if any(type(i) is not str for i in on_board):
        raise InputTypeError(f"board_ids must be a list of item ids (text); got {describe(on_board)}.")
    if type(placement) is not dict:
        raise InputTypeError(f"placement must be a dict such as {{'B01': 'Now'}}; got {describe(placement)}.")
    clean = {}
    for iid, col in placement.items():
        if iid not in on_board:
            raise InputError(f"{iid!r} is not on this board; its items are {', '.join(on_board)}.")
        if type(col) is not str or col.strip().title() not in COLUMNS:
            raise InputError(f"the column for {iid!r} must be one of Now, Next, Later (no dates); got {describe(col)}.")
        clean[iid] = col.strip().title()
    return clean


def weekly_metrics(weekly: Any, metrics: Any) -> list[str]:
    """Metric names of ``load("analytics")["weekly"]`` rows to chart: each must be a column of the rows."""
    if type(weekly) not in (list, tuple) or not weekly:
        raise InputTypeError(f"weekly must be the list load('analytics')['weekly']; got {describe(weekly)}.")
    if type(metrics) not in (list, tuple) or not metrics:
        raise InputTypeError(f"metrics must be a list of column names; got {describe(metrics)}.")
    known = [k for k in weekly[0] if k != "week"]
    for m in metrics:
        if m not in known:
            raise InputError(f"{m!r} is not a weekly metric; the metrics are {', '.join(known)}.")
    return list(metrics)


def now_next_later(items: Sequence[dict]) -> dict[str, list[str]]:
    """Group backlog items (dicts with 'id' and 'certainty') into Now / Next / Later by certainty.

    Returns ``{"Now": [...ids], "Next": [...], "Later": [...]}`` in the items'
    order. See :func:`roadmap_column` (Bastow).
    """
    board: dict[str, list[str]] = {c: [] for c in COLUMNS}
    for it in _items(items):
        board[roadmap_column(it["certainty"])].append(it["id"])
    return board


# The customer problem behind each backlog theme, in the customers' words (from the interviews of module 02).
THEME_PROBLEMS: dict[str, str] = {
    "last-minute cover": "owners cannot find cover when someone cancels at short notice",
    "swaps and availability": "swaps and availability get lost in group chats and on paper",
    "payroll and hours": "hours sent to payroll don't match the rota",
    "communication": "staff find out about rota changes too late",
    "rota takes too long": "building next week's rota takes hours",
    "labour cost visibility": "managers see labour cost only after the week is over",
    "pricing": "paying for Shiftbrew is harder than it should be",
    "other": "keeping the product safe, accessible and reliable",
}


def roadmap_by_problem(roadmap: dict[str, Sequence[str]], items: Sequence[dict]) -> dict[str, dict[str, list[str]]]:
    """A Now / Next / Later board of problems: for each column, each problem (theme) with the ids under it.

    Bastow's roadmap lists problems or outcomes, not feature titles: this
    regroups a board of backlog ids (e.g. from :func:`now_next_later`) under
    the customer problem of each item's theme (:data:`THEME_PROBLEMS`), in
    order of first appearance.
    """
    by_id = {it["id"]: it for it in _items(items)}
    if type(roadmap) is not dict:
        raise InputTypeError(f"roadmap must be a dict {{'Now': [...], 'Next': [...], 'Later': [...]}}; got {describe(roadmap)}.")
    out: dict[str, dict[str, list[str]]] = {}
    for column, ids in roadmap.items():
        problems: dict[str, list[str]] = {}
        for i in ids:
            if i not in by_id:
                raise InputError(f"{i!r} on the roadmap is not one of the items given.")
            theme = str(by_id[i].get("theme", "other"))
            problems.setdefault(THEME_PROBLEMS.get(theme, theme), []).append(i)
        out[column] = problems
    return out


# Which of Shiftbrew's three business goals (company.json, in order) each backlog theme mainly serves.
# A teaching judgement for this module, not part of the case data: 0 = ARR, 1 = churn, 2 = small chains.
THEME_GOALS: dict[str, int | None] = {
    "payroll and hours": 1,
    "swaps and availability": 1,
    "last-minute cover": 1,
    "communication": 1,
    "rota takes too long": 0,
    "labour cost visibility": 2,
    "pricing": 0,
    "other": None,
}


def goal_coverage(
    roadmap: dict[str, Sequence[str]],
    items: Sequence[dict],
    goals: Sequence[str],
    theme_goals: dict[str, int | None] | None = None,
) -> dict[str, dict[str, list[str]]]:
    """For each business goal, the roadmap items that serve it, by column.

    ``roadmap`` maps the columns Now / Next / Later to lists of item ids;
    ``items`` are backlog dicts with 'id' and 'theme'; ``goals`` the business
    goals (e.g. ``load("company")["business_goals"]``); ``theme_goals`` maps a
    theme to the index of the goal it serves, or None (default
    :data:`THEME_GOALS`). The key ``"no business goal"`` collects items that
    serve none: each one should earn its place for another reason (risk,
    compliance) or leave the roadmap. A goal with nothing in Now or Next is
    a gap the roadmap review should discuss.
    """
    if type(roadmap) is not dict:
        raise InputTypeError(f"roadmap must be a dict mapping 'Now', 'Next', 'Later' to lists of item ids; got {describe(roadmap)}.")
    unknown = [c for c in roadmap if c not in COLUMNS]
    if unknown:
        raise InputError(f"roadmap has unknown column(s) {', '.join(map(repr, unknown))}; the columns are Now, Next, Later (no dates).")
    if type(goals) not in (list, tuple) or not goals or any(type(g) is not str for g in goals):
        raise InputTypeError(f"goals must be a non-empty list of texts; got {describe(goals)}.")
    if theme_goals is not None and type(theme_goals) is not dict:
        raise InputTypeError("theme_goals must be a dict mapping a theme to the index of the goal it serves "
                             f"(or None); got {describe(theme_goals)}.")
    tg = THEME_GOALS if theme_goals is None else theme_goals
    by_id = {it["id"]: it for it in _items(items)}
    out: dict[str, dict[str, list[str]]] = {g: {c: [] for c in COLUMNS} for g in list(goals) + ["no business goal"]}
    for col, ids in roadmap.items():
        if type(ids) not in (list, tuple):
            raise InputTypeError(f"roadmap[{col!r}] must be a list of item ids; got {describe(ids)}.")
        for i in ids:
            if i not in by_id:
                raise InputError(f"roadmap[{col!r}] holds {i!r}, which is not one of the items given.")
            idx = tg.get(str(by_id[i].get("theme", "")))
            if idx is not None and not (type(idx) is int and 0 <= idx < len(goals)):
                raise InputError(f"theme_goals maps {by_id[i].get('theme')!r} to {idx!r}, which is not a goal index (0 to {len(goals) - 1}).")
            key = goals[idx] if idx is not None else "no business goal"
            out[key][col].append(i)
    return out


# ---------------------------------------------------------------- four product risks

FOUR_RISKS = {
    "value": "will customers buy it or choose to use it?",
    "usability": "can users figure out how to use it?",
    "feasibility": "can our engineers build it with the time, skills and technology we have?",
    "business viability": "does this solution work for the other parts of our business (sales, finance, legal...)?",
}
"""Marty Cagan, *Inspired* (2nd ed., 2017), chapter 'The Four Big Risks' (paraphrased)."""
