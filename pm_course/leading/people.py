"""Leading change and people: Kotter's eight steps, psychological safety, feedback, one-to-ones and delegation.

Pure logic for the second half of module 08 (no widgets). Sources, in the
versions the course teaches:

- John P. Kotter, *Leading Change* (Harvard Business School Press, 1996):
  eight steps, in order: establish a sense of urgency; create the guiding
  coalition; develop a vision and strategy; communicate the change vision;
  empower broad-based action; generate short-term wins; consolidate gains
  and produce more change; anchor new approaches in the culture. (Kotter's
  1990 article "What Leaders Really Do", in :mod:`.leadership`, says what
  leading is; the 1996 book says how a leader takes an organisation through
  one change.)
- Amy Edmondson, "Psychological Safety and Learning Behavior in Work Teams",
  *Administrative Science Quarterly* 44(2), 1999: a team's shared belief that
  it is safe to take interpersonal risks (ask, admit a mistake, disagree).
  Blameless reviews put it into practice: they ask what happened and why the
  system let it happen, not who is to blame.
- Feedback: SBI, Situation-Behaviour-Impact (Center for Creative Leadership);
  Radical Candor (Kim Scott, *Radical Candor*, 2017): care personally and
  challenge directly; the other three quadrants are ruinous empathy,
  obnoxious aggression and manipulative insincerity.
- One-to-ones: Andy Grove, *High Output Management* (1983): the report's
  meeting, with the report's agenda.
- Levels of delegation: Jurgen Appelo's seven (Management 3.0, the
  delegation poker cards): tell, sell, consult, agree, advise, inquire,
  delegate.
- Coaching: Marty Cagan and Chris Jones, *Empowered* (2020): a manager's
  main job is to coach; the tools named here are an assessment of the
  person's skills against the job, a coaching plan for the gaps, weekly
  one-on-ones, and written narratives that make the thinking visible.
"""

from __future__ import annotations

import re
from typing import Any

from ..core.validate import InputError, InputTypeError, describe

__all__ = [
    "KOTTER_STEPS", "STEP_NAMES", "CHANGE_ACTIONS", "kotter_step", "validate_steps", "step_score",
    "JUDGEMENT_WORDS", "judgement_words", "sbi_issues", "sbi_text",
    "CANDOR_QUADRANTS", "candor_quadrant",
    "DELEGATION_LEVELS", "DELEGATION_DECISIONS", "delegation_level", "who_decides",
    "COACHING_TOOLS",
]

# ---------------------------------------------------------------- Kotter (1996): eight steps

#: (number, name, what it means), in Kotter's order.
KOTTER_STEPS: tuple[tuple[int, str, str], ...] = (
    (1, "establish a sense of urgency", "show, with evidence, why staying as we are costs more than changing"),
    (2, "create the guiding coalition", "a group with enough trust, skill and position to lead the change"),
    (3, "develop a vision and strategy", "where the change leads and how, short enough to say in a minute"),
    (4, "communicate the change vision", "say it often, in many places, and act it out"),
    (5, "empower broad-based action", "remove what stops people acting on the vision: structures, rules, habits"),
    (6, "generate short-term wins", "visible, early results that prove the change works"),
    (7, "consolidate gains and produce more change", "use the credibility of the wins to change more"),
    (8, "anchor new approaches in the culture", "make the new way the normal way: hiring, promotion, stories"),
)
STEP_NAMES: tuple[str, ...] = tuple(s[1] for s in KOTTER_STEPS)

# id, action (Shiftbrew moves from a feature team to an empowered team), Kotter step, why
_CHANGE = [
    ("K01", "Shows the leadership meeting that four of the last six features shipped moved no metric, and that "
            "sign-ups are behind the year's target",
     1, "Evidence that the current way is failing creates urgency before anyone is asked to change."),
    ("K02", "Asks the CTO, the engineering lead and the PM to lead the change with the CEO, meeting every week",
     2, "A small group with the position and trust to carry the change is the guiding coalition."),
    ("K03", "Writes, with that group, one page: teams get problems to solve and outcomes to reach, not features "
            "to build, starting with find cover",
     3, "Where the change leads, and how, is the vision and strategy of the change."),
    ("K04", "Explains the one page at the all-hands, in the sales meeting and in each sprint review for a month",
     4, "Saying the vision often, to everyone, in their own meetings, communicates it."),
    ("K05", "Drops the rule that every feature needs the CEO's sign-off, and gives the team a weekly slot with "
            "customers",
     5, "Removing an obstacle (a sign-off, no access to customers) empowers people to act on the vision."),
    ("K06", "Gives the team the find-cover problem and an outcome, and shares the result when cover is found "
            "in under an hour",
     6, "An early, visible result that proves the new way works is a short-term win."),
    ("K07", "Uses the find-cover result to give the payroll-export work to the team as a problem too",
     7, "The win's credibility is spent on changing more: consolidating gains."),
    ("K08", "Adds 'has run discovery with customers' to what the company hires and promotes engineers and PMs "
            "for",
     8, "Hiring and promotion make the new way how things are done: anchoring it in the culture."),
]
CHANGE_ACTIONS: list[dict[str, Any]] = [
    {"id": i, "action": a, "step": s, "step_name": STEP_NAMES[s - 1], "why": w} for i, a, s, w in _CHANGE
]
_CHANGE_BY_ID = {a["id"]: a for a in CHANGE_ACTIONS}


def _norm(s: str) -> str:
    return " ".join(s.casefold().replace("-", " ").split())


def kotter_step(step: Any) -> int:
    """The number (1-8) of one of Kotter's eight steps, given its number or its name (any case)."""
    if type(step) is int:
        if 1 <= step <= 8:
            return step
        raise InputError(f"Kotter's steps are numbered 1 to 8; got {step}.")
    if type(step) is str:
        s = _norm(step)
        if s.isdigit() and 1 <= int(s) <= 8:
            return int(s)
        for n, name, _ in KOTTER_STEPS:
            if s == _norm(name):
                return n
        raise InputError(f"{step!r} is not one of Kotter's eight steps; use a number 1-8 or a name such as "
                         f"{STEP_NAMES[0]!r}.")
    raise InputTypeError(f"a step is a number 1-8 or a step's name; got {describe(step)}.")


def validate_steps(placements: Any) -> dict[str, int | None]:
    """Check a step sorter's state: a dict action id (K01-K08) -> step (number or name), or None (not placed)."""
    if type(placements) is not dict:
        raise InputTypeError(f"placements are a dict action id -> step, e.g. {{'K01': 1}}; got {describe(placements)}.")
    out: dict[str, int | None] = {}
    for k, v in placements.items():
        key = k.strip().upper() if type(k) is str else k
        if key not in _CHANGE_BY_ID:
            raise InputError(f"{k!r} is not an action id; the actions are K01 to K{len(CHANGE_ACTIONS):02d}.")
        out[key] = None if v is None else kotter_step(v)
    return out


def step_score(placements: Any) -> dict[str, Any]:
    """Placed, right, the ids placed wrongly, and how far off each wrong one is (steps)."""
    p = validate_steps(placements)
    placed = {k: v for k, v in p.items() if v is not None}
    wrong = sorted(k for k, v in placed.items() if v != _CHANGE_BY_ID[k]["step"])
    return {
        "placed": len(placed),
        "total": len(CHANGE_ACTIONS),
        "right": len(placed) - len(wrong),
        "wrong": wrong,
        "off_by": {k: placed[k] - _CHANGE_BY_ID[k]["step"] for k in wrong},
    }


# ---------------------------------------------------------------- SBI feedback

#: Words that judge the person or generalise instead of describing what they did. The builder flags them.
JUDGEMENT_WORDS: tuple[str, ...] = (
    "lazy", "careless", "sloppy", "rude", "arrogant", "unprofessional", "disrespectful", "incompetent", "useless",
    "hopeless", "terrible", "awful", "bad", "poor", "great", "amazing", "awesome", "brilliant", "excellent",
    "perfect", "always", "never", "attitude", "disorganised", "disorganized", "negative", "defensive", "lack",
)
_WORD = re.compile(r"[A-Za-z']+")


def judgement_words(text: Any) -> list[str]:
    """The words of ``text`` that are in :data:`JUDGEMENT_WORDS` (lower case, in order, each once)."""
    if type(text) is not str:
        raise InputTypeError(f"text is a str; got {describe(text)}.")
    seen: list[str] = []
    for w in _WORD.findall(text.casefold()):
        if w in JUDGEMENT_WORDS and w not in seen:
            seen.append(w)
    return seen


def sbi_issues(situation: Any, behaviour: Any, impact: Any) -> list[str]:
    """What to fix in a piece of SBI feedback (empty if nothing): a missing part, judgement words, a label.

    SBI (Center for Creative Leadership): the *situation* says when and where;
    the *behaviour* what the person did or said, as a camera would record it;
    the *impact* what it caused (for you, the team, customers).
    """
    parts = {"situation": situation, "behaviour": behaviour, "impact": impact}
    for name, v in parts.items():
        if type(v) is not str:
            raise InputTypeError(f"{name} is text (a str); got {describe(v)}.")
    issues = []
    for name, v in parts.items():
        if not v.strip():
            issues.append(f"The {name} is empty.")
    for name, v in parts.items():
        words = judgement_words(v)
        if words:
            issues.append(f"The {name} judges or generalises ({', '.join(words)}): say what happened instead.")
    if re.search(r"\byou(?:'re| are)\b", behaviour.casefold()):
        issues.append("The behaviour says what the person is ('you are ...'); say what they did or said.")
    return issues


def sbi_text(situation: Any, behaviour: Any, impact: Any) -> str:
    """The three parts as one message, in SBI's order."""
    sbi_issues(situation, behaviour, impact)  # validates the types
    text = " ".join(p.strip() for p in (situation, behaviour, impact) if p.strip())
    if not text:
        return ""
    text = text[:1].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


# ---------------------------------------------------------------- Radical Candor (Scott 2017)

#: (cares personally, challenges directly) -> the quadrant's name.
CANDOR_QUADRANTS: dict[tuple[bool, bool], str] = {
    (True, True): "radical candor",
    (True, False): "ruinous empathy",
    (False, True): "obnoxious aggression",
    (False, False): "manipulative insincerity",
}


def candor_quadrant(cares: Any, challenges: Any) -> str:
    """Radical Candor's quadrant for feedback that does or does not care personally and challenge directly."""
    for name, v in (("cares", cares), ("challenges", challenges)):
        if type(v) is not bool:
            raise InputTypeError(f"{name} is True or False; got {describe(v)}.")
    return CANDOR_QUADRANTS[(cares, challenges)]


# ---------------------------------------------------------------- Appelo's seven levels of delegation

#: (number, name, who decides and how), from the manager deciding alone to the team deciding alone.
DELEGATION_LEVELS: tuple[tuple[int, str, str], ...] = (
    (1, "tell", "the manager decides and announces it"),
    (2, "sell", "the manager decides and tries to convince the team"),
    (3, "consult", "the manager asks the team's views first, then decides"),
    (4, "agree", "the manager and the team decide together, by consensus"),
    (5, "advise", "the team decides, after hearing the manager's advice"),
    (6, "inquire", "the team decides, and tells the manager afterwards when asked"),
    (7, "delegate", "the team decides; the manager need not even be told"),
)
_LEVEL_NAMES = tuple(level[1] for level in DELEGATION_LEVELS)

# id, decision at Shiftbrew, the level agreed, why
_DECISIONS = [
    ("D1", "Whether to stop selling to single cafés", 1,
     "A company-level bet on the business model, taken by the CEO and the board: announced."),
    ("D2", "Which quarter the payroll export is rebuilt in", 3,
     "The CEO owns the budget but wants the team's view of effort and risk before deciding."),
    ("D3", "The outcome the team aims at next quarter (the key result)", 4,
     "The team's objective links strategy to the work: agreed between the CEO and the team."),
    ("D4", "How the team solves the find-cover problem", 5,
     "The team owns the solution; the CEO, who knows the customers, gives advice first."),
    ("D5", "Which cafés the PM visits this month", 7,
     "Routine and the PM's own craft: no need to tell anyone."),
    ("D6", "The library used for push notifications", 7,
     "A technical choice inside the team's remit: engineers decide, nobody needs to be told."),
]
DELEGATION_DECISIONS: list[dict[str, Any]] = [
    {"id": i, "decision": d, "level": lv, "level_name": _LEVEL_NAMES[lv - 1], "why": w} for i, d, lv, w in _DECISIONS
]


def delegation_level(level: Any) -> int:
    """The number (1-7) of one of Appelo's levels, given its number or its name ('tell' ... 'delegate')."""
    if type(level) is int:
        if 1 <= level <= 7:
            return level
        raise InputError(f"Appelo's levels are numbered 1 (tell) to 7 (delegate); got {level}.")
    if type(level) is str:
        s = _norm(level)
        if s in _LEVEL_NAMES:
            return _LEVEL_NAMES.index(s) + 1
        if s.isdigit() and 1 <= int(s) <= 7:
            return int(s)
        raise InputError(f"{level!r} is not a level of delegation; the seven are {', '.join(_LEVEL_NAMES)}.")
    raise InputTypeError(f"a level is a number 1-7 or a name such as 'consult'; got {describe(level)}.")


def who_decides(level: Any) -> str:
    """Who decides, and how, at a level of delegation: e.g. 'the manager asks the team's views first, then decides'."""
    return DELEGATION_LEVELS[delegation_level(level) - 1][2]


# ---------------------------------------------------------------- Empowered's coaching tools

#: Cagan and Jones, Empowered (2020): the manager as coach, and the tools named in the lesson.
COACHING_TOOLS: dict[str, str] = {
    "assessment": "an honest assessment of the person's skills against what the job needs, written with them",
    "coaching plan": "a plan that closes the biggest gaps first, with what to practise and how to tell it worked",
    "one-on-ones": "a weekly meeting to coach, not a status report",
    "written narrative": "the person writes out their reasoning (a strategy, a decision) so it can be coached",
}
