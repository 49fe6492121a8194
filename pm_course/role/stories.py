"""User stories, acceptance criteria and the one-page product brief: a rubric with a message per rule.

Sources: the user story template "As a <role>, I want <goal>, so that <benefit>"
(Cohn, *User Stories Applied*, 2004); INVEST (Wake, "INVEST in Good Stories,
and SMART Tasks", 2003): Independent, Negotiable, Valuable, Estimable, Small,
Testable; acceptance criteria as Given / When / Then scenarios (Dan North
with Chris Matts; North, "Introducing BDD", 2006; the Gherkin form). The brief's sections (problem,
users, goals and non-goals, success metric, open questions) are this course's
one-page variant of a PRD.

The rubric looks at words and structure, so it catches *smells*, not every
flaw: a story that passes can still be a poor story. Its precision and recall
on a labelled set of stories and criteria are measured in the tests.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..core.validate import InputError, InputTypeError, describe, text
from ..data import load

__all__ = [
    "STORY_RULES",
    "CRITERION_RULES",
    "BRIEF_FIELDS",
    "BRIEF_RULES",
    "parse_story",
    "check_story",
    "check_criterion",
    "check_story_with_criteria",
    "criteria_list",
    "check_brief",
    "brief_sections",
    "backlog_item",
    "problems",
]

_STORY = re.compile(
    r"^\s*as\s+(?:an?|the)?\s*(?P<role>.+?)\s*,?\s+i\s*(?:want|need|would\s+like|['’]d\s+like|would\s+love|"
    r"['’]d\s+love|wish)\s+(?:to\s+)?(?P<want>.+?)"
    r"\s*,?\s+so\s+(?:that\s+)?(?P<benefit>.+?)\s*[.!]?\s*$",
    re.IGNORECASE | re.DOTALL,
)
_VAGUE_ROLES = {"user", "users", "the user", "customer", "person", "someone", "system", "the system", "developer",
                "product manager", "stakeholder"}
#: Words that name a piece of interface or implementation: a solution, not a benefit.
_SOLUTION_WORDS = ("button", "screen", "page", "dropdown", "drop-down", "menu", "tab", "popup", "pop-up", "modal",
                   "database", "api", "endpoint", "field", "checkbox", "toggle", "click", "tap", "table", "column",
                   "icon", "link", "form", "widget", "press")
#: Words with no test behind them (what would a tester check?).
_VAGUE_WORDS = ("fast", "quick", "quickly", "easy", "easily", "simple", "simply", "intuitive", "user-friendly",
                "user friendly", "nice", "better", "seamless", "seamlessly", "smooth", "smoothly", "properly",
                "correctly", "appropriate", "appropriately", "efficient", "efficiently", "robust", "good",
                "friendly", "clean", "modern", "etc", "as expected", "works", "should work", "and so on")
_MAX_WANT_WORDS = 16
#: A story or a criterion is a sentence or two; longer texts get a clear message, not a slow check.
MAX_STORY = 1_000
MAX_CRITERION = 1_000


def _has_word(haystack: str, word: str) -> bool:
    return re.search(r"(?<![A-Za-z0-9])" + re.escape(word) + r"(?![A-Za-z0-9])", haystack, re.IGNORECASE) is not None


def parse_story(story: str) -> dict[str, str] | None:
    """The parts of a user story, ``{"role", "want", "benefit"}``, or None when it does not follow the template."""
    s = text("story", story, max_len=MAX_STORY)
    m = _STORY.match(" ".join(s.split()))
    if not m:
        return None
    return {k: m.group(k).strip(" ,.") for k in ("role", "want", "benefit")}


# ---------------------------------------------------------------- story rules


def _rule_template(parts: dict | None, story: str) -> str | None:
    if parts is None:
        return ("write it as 'As a <who>, I want <what>, so that <why>': "
                "the story needs all three parts, in that order.")
    return None


def _rule_real_user(parts: dict | None, story: str) -> str | None:
    if parts and parts["role"].casefold() in _VAGUE_ROLES:
        return (f"'{parts['role']}' is not a person with a need: name who it is "
                "(a café owner, a chain's operations manager, a barista).")
    return None


#: Verbs that start a second goal after "and": "swap shifts and export payroll" is two stories.
_GOAL_VERBS = (
    "see", "view", "export", "import", "pay", "chat", "message", "text", "email", "e-mail", "call", "phone", "ring",
    "send", "get", "receive", "approve", "reject", "swap", "drop", "book", "post", "publish", "print", "share",
    "track", "edit", "change", "update", "delete", "remove", "add", "create", "make", "set", "manage", "plan",
    "build", "check", "compare", "search", "filter", "sort", "notify", "invite", "schedule", "assign", "order",
    "download", "upload", "sync", "report", "log", "record", "save", "copy", "cancel", "request", "rate", "read",
    "write", "open", "close", "move", "chat", "review", "configure", "connect", "archive", "then", "offer", "pick",
    "choose", "find", "contact", "hire", "train", "clock", "plus",
)
_JOINS = re.compile(r"(?<![A-Za-z0-9])(and\s*/\s*or|as\s+well\s+as|also|plus|or|and)(?![A-Za-z0-9])", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s*(?:to\s+)?([A-Za-z'-]+)")


def _joined_goals(want: str) -> str | None:
    """The joining word when ``want`` joins two goals, or None.

    "and" joins two goals when a new action follows it ("swap shifts and export payroll"), not when it joins
    two words of one goal ("staff who are free and trained", "find and accept an open shift"). "or",
    "and/or", "as well as", "also" and "plus" always offer alternatives or extras.
    """
    for m in _JOINS.finditer(want):
        word = " ".join(m.group(1).lower().split())
        if word != "and":
            return word
        before = want[: m.start()].split()
        nxt = _NEXT_WORD.match(want, m.end())
        if nxt and nxt.group(1).lower() in _GOAL_VERBS and len(before) >= 2:
            return "and"
    return None


def _rule_small(parts: dict | None, story: str) -> str | None:
    if not parts:
        return None
    want = parts["want"]
    n = len(want.split())
    joined = _joined_goals(want)
    if not joined and want.count(",") >= 2 and _JOINS.search(want):
        joined = "a list of several things"
    if joined or "/" in want or n > _MAX_WANT_WORDS:
        why = (f"it joins goals with '{joined}'" if joined != "a list of several things" else "it lists several things"
               ) if joined else (
            "it lists alternatives with '/'" if "/" in want else f"the goal takes {n} words")
        return (f"INVEST's Small: {why}; split it into stories that each deliver one thing. (I read 'and' followed "
                "by a new action as a second goal; if yours is one goal, you're fine.)")
    return None


def _rule_benefit(parts: dict | None, story: str) -> str | None:
    if not parts:
        return None
    benefit = parts["benefit"]
    found = [w for w in _SOLUTION_WORDS if _has_word(benefit, w)]
    if found:
        return (f"the 'so that' names a solution ('{found[0]}'), not a benefit: "
                "say what changes for the person (time saved, a gap covered, money known).")
    if len(benefit.split()) < 3:
        return "the 'so that' is too short to state a benefit: say what the person gains."
    return None


#: (name, test) for a story's text: each test returns None when met, or what to fix.
STORY_RULES = (
    ("three parts: who, what, why", _rule_template),
    ("a real user, not 'user' or 'system'", _rule_real_user),
    ("small: one goal (INVEST)", _rule_small),
    ("a benefit, not a solution, in the 'so that' (INVEST: valuable)", _rule_benefit),
)


def check_story(story: str) -> dict[str, str | None]:
    """Each story rule's name -> None (met) or the message saying what to fix."""
    s = text("story", story, max_len=MAX_STORY)
    parts = parse_story(s)
    return {name: test(parts, s) for name, test in STORY_RULES}


# ---------------------------------------------------------------- criterion rules

_WORD_GWT = re.compile(r"(?<![A-Za-z0-9])(given|when|then)(?![A-Za-z0-9])", re.IGNORECASE)
_SCENARIO = re.compile(r"^\s*scenario\b[^:]*:\s*", re.IGNORECASE)


class _GWTMatch:
    """The Given, When and Then parts of a criterion (what a regex match offered, found in one pass)."""

    def __init__(self, parts: dict[str, str]):
        self._parts = parts

    def group(self, name: str) -> str:
        return self._parts[name]


def _gwt(criterion: str) -> _GWTMatch | None:
    """The first Given, the first When after it and the first Then after that, in one linear pass.

    A leading "Scenario: <title>" (Gherkin) is allowed before the Given. (A lazy regex over the three parts
    took quadratic time on long texts.)
    """
    s = " ".join(criterion.split())
    title = _SCENARIO.match(s)
    s = s[title.end():] if title else s
    # the title of a Gherkin scenario may end with a full stop before the Given
    lead = re.match(r"^[^.]{0,120}\.\s*(?=given\b)", s, re.IGNORECASE)
    if lead and not _WORD_GWT.search(s, 0, lead.end()):
        s = s[lead.end():]
    marks: dict[str, tuple[int, int]] = {}
    for m in _WORD_GWT.finditer(s):
        word = m.group(1).lower()
        if not marks:
            if word != "given" or s[: m.start()].strip(" :"):
                return None
            marks["given"] = m.span()
        elif word == "when" and "when" not in marks:
            marks["when"] = m.span()
        elif word == "then" and "when" in marks:
            marks["then"] = m.span()
            break
    if len(marks) < 3:
        return None
    (_, g_end), (w_start, w_end), (t_start, t_end) = marks["given"], marks["when"], marks["then"]
    parts = {"given": s[g_end:w_start], "when": s[w_end:t_start], "then": s[t_end:]}
    if any(not p.strip(" ,.:;") for p in parts.values()):
        return None
    return _GWTMatch(parts)


def _rule_gwt(criterion: str) -> str | None:
    m = _gwt(criterion)
    if not m:
        return ("write it as 'Given <context>, when <action>, then <observable result>', in that order (a "
                "'Scenario: ...' title before it is fine). I found no Given, When and Then in that order, each "
                "followed by words; if yours has them, tell us with q.dispute('why').")
    if min(len(m.group(k).strip(" ,.").split()) for k in ("given", "when", "then")) < 1:
        return "each of Given, When and Then needs words after it."
    return None


def _rule_testable(criterion: str) -> str | None:
    m = _gwt(criterion)
    then = m.group("then") if m else criterion
    found = [w for w in _VAGUE_WORDS if _has_word(then, w)]
    if found:
        return (f"'{found[0]}' cannot be tested: say what a tester would see "
                "(a message, a number, a time limit such as 'within 60 seconds').")
    return None


def _rule_one_action(criterion: str) -> str | None:
    whens = len(re.findall(r"(?<![A-Za-z])when(?![A-Za-z])", criterion, re.IGNORECASE))
    thens = len(re.findall(r"(?<![A-Za-z])then(?![A-Za-z])", criterion, re.IGNORECASE))
    if whens > 1 or thens > 1:
        return "one scenario per criterion: it has more than one When or Then; split it in two."
    return None


CRITERION_RULES = (
    ("Given / When / Then", _rule_gwt),
    ("testable: an observable result", _rule_testable),
    ("one scenario", _rule_one_action),
)


def check_criterion(criterion: str) -> dict[str, str | None]:
    """Each criterion rule's name -> None (met) or the message saying what to fix."""
    c = text("criterion", criterion, max_len=MAX_CRITERION)
    return {name: test(c) for name, test in CRITERION_RULES}


def criteria_list(criteria: Sequence[str]) -> list[str]:
    """Acceptance criteria as a list of texts, one per criterion (a list or tuple of non-empty ``str``)."""
    if type(criteria) not in (list, tuple):
        raise InputTypeError(f"criteria must be a list of texts (one per criterion); got {describe(criteria)}.")
    return [text(f"criterion {i + 1}", c, max_len=MAX_CRITERION) for i, c in enumerate(criteria)]


def check_story_with_criteria(story: str, criteria: Any) -> dict[str, Any]:
    """The story's rules, each criterion's rules, and whether it has 1 to 6 criteria.

    Returns ``{"story": {...}, "criteria": [{...}, ...], "count": message or None, "ok": bool}``.
    """
    criteria = criteria_list(criteria)
    story_result = check_story(story)
    crits = [check_criterion(c) for c in criteria]
    count = None
    if not criteria:
        count = "a story needs acceptance criteria: add at least one Given / When / Then scenario."
    elif len(criteria) > 6:
        count = f"{len(criteria)} criteria: a story that needs this many is probably too big to be Small; split it."
    ok = count is None and not problems(story_result) and not any(problems(c) for c in crits)
    return {"story": story_result, "criteria": crits, "count": count, "ok": ok}


def problems(result: Mapping[str, str | None]) -> list[str]:
    """The messages of the rules that are not met, as 'rule: message'."""
    if not isinstance(result, Mapping) or any(type(k) is not str or not (m is None or type(m) is str)
                                              for k, m in result.items()):
        raise InputTypeError("result must be what a check returns, a dict mapping each rule to None or a message "
                             f"(e.g. check_story(...)); got {describe(result)}.")
    return [f"{name}: {msg}" for name, msg in result.items() if msg]


# ---------------------------------------------------------------- the one-page brief

BRIEF_FIELDS = ("problem", "users", "goals", "non_goals", "success_metric", "open_questions")
_EMPTY = {"", "-", "none", "n/a", "na", "tbd", "todo", "..."}


def _filled(brief: Mapping[str, str]) -> str | None:
    empty = [f for f in BRIEF_FIELDS if brief[f].strip().casefold().rstrip(".") in _EMPTY]
    return f"fill in {', '.join(empty)} ('none' or 'TBD' does not count)." if empty else None


#: Words that name a product or a piece of one in a problem statement (whole words).
_PROBLEM_SOLUTION_WORDS = _SOLUTION_WORDS + (
    "feature", "features", "app", "apps", "dashboard", "notification", "notifications", "integration", "algorithm",
    "marketplace", "sms", "alerts", "board", "module", "plugin", "chatbot", "one-click", "auto-cover",
)
# A problem that opens with an instruction ("Add ...", "Build ...") or says what someone should build is a solution;
# "the owner has to add the shift to a group chat" is what happens today.
_IMPERATIVE = re.compile(
    r"^\s*(?:let's\s+|let\s+us\s+|please\s+)?(?:add|build|create|implement|make|develop|introduce|ship|give|design|"
    r"launch|provide|offer|enable|allow|integrate|automate|set\s+up)\b", re.IGNORECASE)
_SHOULD_BUILD = re.compile(
    r"\b(?:we|shiftbrew|the\s+(?:app|product|system|software|tool|team)|our\s+(?:app|product|system)|it)\s+"
    r"(?:should|must|needs?\s+to|need|has\s+to|will|could|ought\s+to)\s+(?:\w+\s+)?"
    r"(?:add|build|create|implement|make|develop|introduce|ship|send|show|notify|offer|provide|have|automate|"
    r"integrate|text|alert|display|list)\b", re.IGNORECASE)


def _problem_not_solution(brief: Mapping[str, str]) -> str | None:
    p = brief["problem"]
    found = [w for w in _PROBLEM_SOLUTION_WORDS if _has_word(p, w)]
    if found:
        return (f"the problem names a solution ('{found[0]}'): state whose pain it is and what happens today. "
                "(I look for words that name a product or a piece of one; if yours is about what happens today, "
                "you're fine.)")
    m = _IMPERATIVE.match(p) or _SHOULD_BUILD.search(p)
    if m:
        return (f"the problem says what to build ('{m.group(0).strip()}'): state whose pain it is and what happens "
                "today. (I look for an instruction to build something; if yours describes today, you're fine.)")
    return None


_MONTH_NAMES = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
                r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)")
_DATE_NUMBERS = re.compile(
    r"\b(?:q[1-4]|h[12]|(?:19|20)\d\d)\b|\bweek\s+\d+\b|\bmonth\s+\d+\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_NAMES + r"\b|\b" + _MONTH_NAMES + r"\s+\d{1,2}(?:st|nd|rd|th)?\b",
    re.IGNORECASE)


def _metric_measurable(brief: Mapping[str, str]) -> str | None:
    m = brief["success_metric"]
    # a number that measures, not the one in a date ("by Q2", "week 8", "30 June", "2027")
    measure = _DATE_NUMBERS.sub(" ", m)
    has_number = re.search(r"\d|\b(?:half|halve|halves|double|doubles|triple|twice|none|zero)\b", measure,
                           re.IGNORECASE) is not None
    has_time = any(_has_word(m, w) for w in ("week", "weeks", "month", "months", "quarter", "day", "days", "by",
                                             "within", "year"))
    if not has_number or not has_time:
        return ("the success metric needs a number and a time frame (e.g. '5 points above a holdout within 8 weeks of launch'). I found "
                + ("no number besides dates" if not has_number else "no time frame") + "; if yours has both, you're "
                "fine.")
    return None


def _questions(brief: Mapping[str, str]) -> str | None:
    if "?" not in brief["open_questions"]:
        return "list what you do not know yet as questions (with a '?')."
    return None


BRIEF_RULES = (
    ("every section filled", _filled),
    ("a problem, not a solution", _problem_not_solution),
    ("a measurable success metric", _metric_measurable),
    ("open questions asked", _questions),
)


def brief_sections(brief: Mapping[str, str]) -> dict[str, str]:
    """Some sections of a brief, section -> text (each one of :data:`BRIEF_FIELDS`; empty text allowed),
    as when a brief is edited a few sections at a time; :func:`check_brief` wants them all."""
    if not isinstance(brief, Mapping):
        raise InputTypeError(f"brief must be a dict of section -> text; got {describe(brief)}.")
    bad = [k for k in brief if k not in BRIEF_FIELDS]
    if bad:
        raise InputError(f"the brief's sections are {', '.join(BRIEF_FIELDS)}; got {bad[0]!r}.")
    return {k: text(f"brief[{k!r}]", v, empty_ok=True) for k, v in brief.items()}


def backlog_item(item: str) -> dict:
    """The Shiftbrew backlog item (``load("backlog")``) with the id ``item``, e.g. ``"B05"`` (case-insensitive).

    >>> backlog_item("b05")["id"]
    'B05'
    """
    key = text("item", item).strip().upper()
    for row in load("backlog"):
        if row["id"] == key:
            return row
    raise InputError(f"item must be a backlog id such as 'B05'; got {key!r}.")


def check_brief(brief: Any) -> dict[str, str | None]:
    """Each brief rule's name -> None (met) or what to fix. ``brief`` is a dict with :data:`BRIEF_FIELDS`."""
    if type(brief) is not dict:
        raise InputTypeError(f"brief must be a dict with the keys {', '.join(BRIEF_FIELDS)}; got {describe(brief)}.")
    missing = [f for f in BRIEF_FIELDS if f not in brief]
    unknown = [k for k in brief if k not in BRIEF_FIELDS]
    if missing or unknown:
        raise InputError(f"brief needs exactly the keys {', '.join(BRIEF_FIELDS)}; "
                         f"missing {missing or 'none'}, unknown {unknown or 'none'}.")
    clean = {f: text(f"brief[{f!r}]", brief[f], empty_ok=True) for f in BRIEF_FIELDS}
    return {name: test(clean) for name, test in BRIEF_RULES}
