"""Interviews and their synthesis: a question critic, a job-story rubric and theme counts.

Pure Python; no ipywidgets, no matplotlib.

Sources
-------
- Fitzpatrick, R. (2013), *The Mom Test: How to talk to customers and learn if
  your business is a good idea when everyone is lying to you*. Talk about
  their life, not your idea; ask about specifics in the past, not generics or
  opinions about the future; compliments, hypotheticals ("would you buy") and
  price guesses are bad data.
- Klement, A. (2013), "Replacing the user story with the job story", JTBD.info;
  Klement, A. (2018), *When Coffee and Kale Compete*: a job story reads
  "When <situation>, I want to <motivation>, so I can <expected outcome>".
- Ulwick, A. (2016), *Jobs to be Done: Theory to Practice*: a job statement is
  verb + object + contextual clarifier; neither names a solution.

The critic is a set of explainable rules (regular expressions over the
question's words), not a language model: every verdict names the rule and
the words that triggered it, so a learner can argue with it. It can be fooled
by unusual phrasing; the lesson says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..core.validate import InputError, InputTypeError, choice, describe, records, text

__all__ = [
    "check_snippets",
    "check_tags",
    "RULES",
    "Critique",
    "critique_question",
    "JobStoryCheck",
    "check_job_story",
    "SOLUTION_WORDS",
    "theme_counts",
    "top_theme",
]


@dataclass(frozen=True)
class _Rule:
    id: str
    label: str
    why: str
    fix: str
    patterns: tuple[str, ...]


# Each rule: the patterns that trigger it (matched on the lower-cased question, straight apostrophes).
RULES: tuple[_Rule, ...] = (
    _Rule(
        "future",
        "asks about the future or a hypothetical",
        "people are poor forecasters of their own behaviour; a prediction is not evidence",
        "ask what they did the last time it happened",
        (
            r"\bwould\b", r"\bwouldn't\b", r"\bwill\b", r"\bwon't\b", r"\b(you|we|i|it|they|that)'ll\b", r"\bwould've\b",
            r"\bgoing to\b", r"\bimagine\b", r"\bsuppose\b", r"\bin the future\b", r"\bsomeday\b",
            r"\bwhat if\b", r"\bif (we|you|there|it|i|shiftbrew)\b (built|made|added|had|offered|were|was|could|gave|launched|created)\b",
            r"\bcould you see yourself\b", r"\bcould (it|this|that|we|an?)\b", r"\bhow likely\b", r"\bare you likely\b",
            r"\bplan(ning)? to\b", r"\bnext (year|month|week)\b", r"\bmight you\b", r"\bdream\b", r"\bideal\b",
        ),
    ),
    _Rule(
        "opinion",
        "seeks opinions or compliments",
        "opinions and compliments are cheap and polite; they tell you nothing about behaviour",
        "ask about what they actually did, spent or tried",
        (
            r"\b(do|did|would|will) you (like|love|hate|enjoy|prefer|want)\b", r"\bwhat do you think\b",
            r"\bwhat did you think of\b", r"\bdo you think\b", r"\bhow do you feel\b", r"\bhow would you feel\b",
            r"\bopinion\b", r"\b(good|great|nice|bad|cool|smart) idea\b", r"\bfavou?rite\b",
            r"\b(is|was|isn't) (it|this|that) (a |an )?(good|great|useful|helpful|cool|nice|valuable|important|interesting)\b",
            r"\bhow (useful|helpful|important|valuable|good|great|cool|interesting) (is|was|would|do|does|are)\b",
            r"\b(how (would|do|did) you )rate\b", r"\brate (it|this|that|us|our|the (app|idea|product|feature))\b", r"\bon a scale\b", r"\blooks? (good|nice|great|ok|okay)\b", r"\bwhat do you make of\b",
            r"\brecommend\b", r"\bimpress", r"\bdo you find (it|this|that|our)\b", r"\bany feedback\b",
            r"\bfeedback on\b",
        ),
    ),
    _Rule(
        "leading",
        "leads the answer",
        "the question already contains the answer you hope for, so a polite person agrees",
        "ask a neutral, open question (what happened, how, who) and let them bring up the pain",
        (
            r"^(don't|doesn't|isn't|aren't|wouldn't|won't|didn't|wasn't|can't|shouldn't|haven't|hasn't)\b",
            r",\s*(right|correct|yes|no|surely|isn't it|don't you|wouldn't you|aren't they|doesn't it|wasn't it)\s*\?*$",
            r"\bsurely\b", r"\bagree\b", r"\bobviously\b", r"\bclearly\b", r"\bof course\b",
            r"\bisn't it true\b", r"\bhate\b", r"\bannoying\b", r"\bfrustrat", r"\bnightmare\b", r"\bawful\b",
            r"\bterrible\b", r"\bpainful\b", r"\bstressful\b", r"\bhorrible\b", r"\bhow (bad|hard|much of a pain)\b",
        ),
    ),
    _Rule(
        "pitch",
        "pitches the idea",
        "once you describe your idea, the talk is about it rather than their life, and politeness takes over",
        "leave the product out; ask about the problem and how they handle it now",
        (
            r"\bour (app|product|idea|tool|feature|solution|platform|service|prototype|design|new)\b",
            r"\bshiftbrew\b", r"\bwe('re| are| have|'ve)? (building|built|made|making|developing|launching|adding|designing)\b",
            r"\b(an?|this|that|the) (new )?(app|tool|feature|product|solution|platform|service|dashboard|button|system)\b"
            r" (that|which) (would|could|will|can|lets|let|automatically|finds|fills|sends|does|shows|tells|builds|makes)\b",
            r"\bdemo\b", r"\bmock-?up\b", r"\bprototype\b", r"\bwe could\b", r"\bwe should\b",
            r"\bif we (built|made|added|offered|had|gave|launched|created)\b", r"\bour\b.*\b(help|solve|fix|save)\b",
        ),
    ),
    _Rule(
        "price",
        "asks for a price",
        "a price guess costs nothing to give; only money actually spent (or a real commitment) counts",
        "ask what they spend on the problem today, or ask for a real commitment (a pre-order, a deposit)",
        (
            r"\b(would|will|could|might)\b[^?.]*\b(pay|buy|spend|subscribe|purchase)\b", r"\bwilling to (pay|spend)\b",
            r"\b(right|fair|good|reasonable|acceptable|ideal) price\b", r"\bwhat price\b", r"\bhow much (is|was) (it|this|that) worth\b",
            r"\bworth paying\b", r"\bafford\b", r"\btoo (expensive|cheap|much money)\b", r"\bpay \$?\d",
            r"\$\d+[^?]*\b(ok|okay|fair|reasonable|too|right)\b", r"\bprice point\b",
        ),
    ),
    _Rule(
        "generic",
        "asks for a generality",
        "'usually' and 'ever' invite how people see themselves, not what they did",
        "ask about one specific, recent time: 'Tell me about the last time ...'",
        (
            r"\busually\b", r"\btypically\b", r"\bnormally\b", r"\bgenerally\b", r"\bin general\b",
            r"\b(do|does|would|will|did) (you|they|your staff) ever\b", r"\balways\b",
        ),
    ),
)


@lru_cache(maxsize=1)
def _compiled() -> tuple:
    """The rules' patterns, compiled on first use (keeps `import pm_course.research` cheap)."""
    return tuple((rule, tuple(re.compile(p) for p in rule.patterns)) for rule in RULES)


@dataclass(frozen=True)
class Critique:
    """The critic's verdict on one interview question.

    ``verdict`` is "good" or "bad"; ``rules`` the ids of the rules broken
    (future, opinion, leading, pitch, price, generic); ``reasons`` one
    explanation per rule, quoting the words that triggered it.
    """

    question: str
    verdict: str
    rules: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    triggers: tuple[str, ...] = field(default=(), repr=False)

    @property
    def good(self) -> bool:
        return self.verdict == "good"

    def as_dict(self) -> dict[str, Any]:
        """Plain data: {'question', 'verdict', 'rules', 'reasons'}."""
        return {"question": self.question, "verdict": self.verdict, "rules": list(self.rules),
                "reasons": list(self.reasons)}

    def __str__(self) -> str:
        if self.good:
            return f"good: {self.question}"
        return f"bad: {self.question}\n" + "\n".join(f"  - {r}" for r in self.reasons)


def _normalise(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(s.lower().split())


def critique_question(question: str) -> Critique:
    """Judge an interview question by the Mom Test (Fitzpatrick 2013): "good" or "bad", and why.

    A question is bad when it breaks any of these rules: it asks about the
    future or a hypothetical, seeks opinions or compliments, leads the answer,
    pitches the idea, asks for a price, or asks for a generality instead of a
    specific past event. Otherwise it is good.

    >>> critique_question("Would you use an app that finds cover for you?").rules
    ('future', 'pitch')
    >>> critique_question("Tell me about the last time someone called in sick.").verdict
    'good'
    """
    q = text("question", question, max_len=500)
    norm = _normalise(q)
    rules, reasons, triggers = [], [], []
    for rule, patterns in _compiled():
        for pat in patterns:
            m = pat.search(norm)
            if m:
                words = m.group(0).strip(" ,?")
                rules.append(rule.id)
                triggers.append(words)
                reasons.append(f"{rule.label} ('{words}'): {rule.why}; instead, {rule.fix}.")
                break
    verdict = "bad" if rules else "good"
    return Critique(q.strip(), verdict, tuple(rules), tuple(reasons), tuple(triggers))


# ---------------------------------------------------------------- job stories

# Words that name a solution (a feature, a screen, a technology) rather than a situation or a need.
SOLUTION_WORDS: tuple[str, ...] = (
    "app", "apps", "application", "feature", "features", "button", "buttons", "dashboard", "dashboards",
    "notification", "notifications", "push", "screen", "page", "tab", "menu", "dropdown", "drop-down", "popup",
    "pop-up", "widget", "integration", "integrate", "api", "plugin", "plug-in", "algorithm", "ai", "chatbot",
    "software", "platform", "website", "web site", "tool", "shiftbrew", "click", "tap", "swipe", "toggle",
    "checkbox", "in-app", "sms", "email", "e-mail", "slider", "calendar sync", "module", "system",
)


@lru_cache(maxsize=1)
def _solution_re() -> re.Pattern:
    words = sorted(SOLUTION_WORDS, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")

_WHEN_RE = re.compile(r"^\s*when\b", re.I)
_WANT_RE = re.compile(r",?\s*\bi\s*(?:want|would like|'d like|’d like)(?:\s+to)?\b", re.I)
_SO_RE = re.compile(r",?\s*\bso (that )?i can\b", re.I)


@dataclass(frozen=True)
class JobStoryCheck:
    """The rubric's result for one job story.

    ``passed`` is True when every criterion is met; ``parts`` holds the
    situation, motivation and outcome found (empty text when missing);
    ``problems`` says what to fix, one line per unmet criterion.
    """

    story: str
    passed: bool
    parts: dict[str, str]
    problems: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"story": self.story, "passed": self.passed, "parts": dict(self.parts), "problems": list(self.problems)}

    def __str__(self) -> str:
        if self.passed:
            return f"a job story: {self.story}"
        return "not yet a job story:\n" + "\n".join(f"  - {p}" for p in self.problems)


def check_job_story(story: str) -> JobStoryCheck:
    """Check a job story against Klement's form: "When <situation>, I want to <motivation>, so I can <outcome>".

    Criteria: it starts with "When" and has "I want to" and "so I can" (or
    "so that I can") in that order; each of the three parts has at least two
    words; it starts with a situation, not a persona ("As a ..." is a user
    story); and no part names a solution (an app, a button, a dashboard, a
    notification ...): a job is the progress people want, whatever they hire.
    """
    s = text("story", story, max_len=1000).strip()
    problems: list[str] = []
    parts = {"situation": "", "motivation": "", "outcome": ""}
    low = s.lower()
    if low.startswith("as a ") or low.startswith("as an "):
        problems.append("it starts with a persona ('As a ...'), which makes it a user story; "
                        "a job story starts with the situation: 'When ...'.")
    has_when = bool(_WHEN_RE.match(s))
    want = _WANT_RE.search(s)
    so = (_SO_RE.search(s, want.end()) or _SO_RE.search(s)) if want else _SO_RE.search(s)
    if not has_when:
        problems.append("start with the situation: 'When ...' (the moment the need arises).")
    if not want:
        problems.append("add the motivation: ', I want to ...' (what they are trying to do).")
    if not so:
        problems.append("add the expected outcome: ', so I can ...' (why it matters to them).")
    elif want and so.start() < want.start():
        problems.append("put the parts in order: When ..., I want to ..., so I can ....")
    if has_when and want and so and so.start() > want.start():
        when_match = _WHEN_RE.match(s)
        start = when_match.end() if when_match else 0
        parts = {
            "situation": s[start:want.start()].strip(" ,"),
            "motivation": s[want.end():so.start()].strip(" ,"),
            "outcome": s[so.end():].strip(" ,.;!"),
        }
        for name, part in parts.items():
            if len(part.split()) < 2:
                problems.append(f"the {name} is too thin ({part!r}): say it in a few words of its own.")
    found = sorted({m.group(1) for m in _solution_re().finditer(_normalise(s))})
    if found:
        problems.append(
            "it names a solution (" + ", ".join(repr(f) for f in found) + "): describe the situation and the "
            "progress wanted, and leave the product out, so the team can still find the best way to deliver it."
        )
    return JobStoryCheck(s, not problems, parts, tuple(problems))


# ---------------------------------------------------------------- synthesis


def check_snippets(snippets: Any, keys: tuple[str, ...] = ("id", "quote")) -> list[dict]:
    """Interview snippets to work on: a non-empty list of dicts holding ``keys`` (as in ``load("interviews")``)."""
    return records("snippets", snippets, keys=keys, what="interview snippets", example="as in load('interviews')")


def check_tags(tags: Any, snippet_ids: list[str], themes: list[str]) -> dict[str, str]:
    """Tags for an affinity board: a dict snippet id -> theme, each id one of ``snippet_ids``, each theme one of ``themes``."""
    for name, names in (("snippet_ids", snippet_ids), ("themes", themes)):
        if type(names) not in (list, tuple) or any(type(n) is not str for n in names):
            raise InputTypeError(f"{name} must be a list of text; got {describe(names)}.")
    if type(tags) is not dict:
        raise InputTypeError(f"tags must be a dict of snippet id -> theme; got {describe(tags)}.")
    for sid, theme in tags.items():
        if sid not in snippet_ids:
            raise InputError(f"{sid!r} is not a snippet on this board; the ids run {', '.join(snippet_ids[:3])}, ...")
        if theme not in themes:
            raise InputError(f"{theme!r} is not a theme on this board; the themes are {', '.join(map(repr, themes))}.")
    return dict(tags)


def _snippets(snippets: Any) -> list[dict]:
    if isinstance(snippets, (str, bytes, dict)) or not isinstance(snippets, Iterable):
        raise InputTypeError(f"snippets must be a list of dicts such as load('interviews'); got {describe(snippets)}.")
    out = records("snippets", list(snippets), keys=("theme",), what="interview snippets (tag each with a theme)",
                  empty_ok=True)
    return out


SNIPPET_KINDS = ("fact", "opinion", "compliment", "hypothetical")


def theme_counts(snippets: Iterable[dict], kinds: Iterable[str] | None = ("fact",)) -> dict[str, int]:
    """Evidence count per theme: how many tagged snippets support each theme, most first.

    By default only snippets whose ``kind`` is "fact" (a specific past event)
    count as evidence; compliments, opinions and hypotheticals do not (Mom
    Test). Pass ``kinds=None`` to count every snippet. Ties keep the order in
    which the themes first appear.
    """
    rows = _snippets(snippets)
    allowed = None
    if kinds is not None:
        if isinstance(kinds, str):
            kinds = (kinds,)
        if isinstance(kinds, (bytes, dict)) or not isinstance(kinds, Iterable):
            raise InputTypeError(f"kinds must be a list of snippet kinds such as ['fact'] (or None for all); "
                                 f"got {describe(kinds)}.")
        allowed = {choice("kinds", k, SNIPPET_KINDS) for k in kinds}
    counts: dict[str, int] = {}
    for s in rows:
        if allowed is not None and s.get("kind") not in allowed:
            continue
        counts[s["theme"]] = counts.get(s["theme"], 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


def top_theme(snippets: Iterable[dict], kinds: Iterable[str] | None = ("fact",)) -> str:
    """The theme with the most evidence (see :func:`theme_counts`); refuses a tie, which needs a human call."""
    counts = theme_counts(snippets, kinds)
    if not counts:
        raise InputError("no snippet counts as evidence here: there is no top theme.")
    best = max(counts.values())
    leaders = [t for t, c in counts.items() if c == best]
    if len(leaders) > 1:
        raise InputError(
            f"themes tie with {best} snippets each ({', '.join(map(repr, leaders))}): look at how many different "
            "people raised each, and how recent and costly the events were, before you pick one."
        )
    return leaders[0]
