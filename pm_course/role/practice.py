"""How product teams work: outcomes over outputs, empowered teams, dual-track discovery and delivery,
the PR/FAQ, story maps and story splitting, and the PM beside product marketing.

Sources (see PM_REFERENCE, "The role, more (module 01)"):

- Output, outcome, impact (Joshua Seiden, *Outcome over Output*, 2019): an
  output is a thing the team makes (a feature, a release); an outcome is a
  change in what people do that creates value; an impact is the business
  result that follows (revenue, churn).
- Delivery teams, feature teams, empowered product teams (Marty Cagan with
  Chris Jones, *Empowered*, 2020): a feature team is handed a roadmap of
  features and measured on shipping them; an empowered team is given a
  problem to solve and is accountable for the outcome, and does its own
  discovery. A delivery team only builds what it is told to build.
- Dual-track discovery and delivery (Desirée Sy, "Adapting Usability
  Investigations for Agile User-centered Design", *Journal of Usability
  Studies* 2(3), 2007; Cagan, "Dual-Track Agile", SVPG, 2012): one team runs
  two kinds of work at once, discovery (is it worth building?) and delivery
  (build it well), not two teams in a hand-off.
- The PR/FAQ (Colin Bryar and Bill Carr, *Working Backwards*, 2021): a press
  release written as on launch day, in the customer's words (heading,
  subheading, summary, problem, solution, a quote, how to get started), then
  a customer FAQ and an internal FAQ that faces cost and risk.
- Story mapping (Jeff Patton, *User Story Mapping*, 2014): the backbone of
  activities across the top, in the order a person does them; stories under
  each; a release is a horizontal slice, and the first one, the smallest that
  works end to end, is a walking skeleton.
- Story splitting (Richard Lawrence, "Patterns for Splitting User Stories",
  2009; later Humanizing Work's guide, where 'data entry methods' becomes
  'interface variations'): nine patterns.
- The product manager and the product marketing manager (Cagan, *Inspired*,
  2nd ed., 2017, "The Product Marketing Role"; Martina Lauchengco, *Loved*,
  2022): the PM decides what to build and why; product marketing decides
  how the product is positioned and sold, and brings the market to sales.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..core.validate import InputError, InputTypeError, choice, describe, members, number, text
from ..data import load
from .lifecycle import series

__all__ = [
    "GOAL_KINDS",
    "GOALS",
    "TEAM_TYPES",
    "TEAMS",
    "TRACKS",
    "TRACK_WORK",
    "PRFAQ_FIELDS",
    "PRFAQ_RULES",
    "check_prfaq",
    "prfaq_sections",
    "ACTIVITIES_MAP",
    "STORY_MAP",
    "FIRST_RELEASE_WEEKS",
    "story_ids",
    "release_effort",
    "check_release",
    "walking_skeleton",
    "SPLIT_PATTERNS",
    "SPLITS",
    "PMM_ROLES",
    "PMM_TASKS",
    "DECKS",
    "score_cards",
]

_SHARE = series(load("analytics")["weekly"], "shifts_filled_without_manager_calls")
_GOALS_TEXT = load("company")["business_goals"]

# ---------------------------------------------------------------- output, outcome, impact

GOAL_KINDS = ("output", "outcome", "impact")

#: Statements a Shiftbrew plan might hold, each with its kind (Seiden) and why.
GOALS: dict[str, dict[str, str]] = {
    "Ship find cover by the end of March": {
        "kind": "output", "why": "A thing the team makes, with a date. Shipping it says nothing about use."},
    "Release the staff availability form on the phone": {
        "kind": "output", "why": "A feature released: the team's work, not a change in anyone's behaviour."},
    "Deliver ten roadmap items this quarter": {
        "kind": "output", "why": "A count of things shipped: busy is not better off."},
    f"Owners fill open shifts without phoning round: from {_SHARE[-1] * 100:.1f} % to 65 % of open shifts": {
        "kind": "outcome", "why": "A change in what owners do, measured on their behaviour."},
    "Baristas swap shifts in the app instead of by text message": {
        "kind": "outcome", "why": "People doing something differently; the app is how, not what."},
    "Owners publish next week's rota by Friday instead of Sunday night": {
        "kind": "outcome", "why": "A behaviour that shows the rota got easier; it leads to the business result."},
    _GOALS_TEXT[1]: {
        "kind": "impact", "why": "A business result: it follows from outcomes, the team cannot do it directly."},
    _GOALS_TEXT[2]: {
        "kind": "impact", "why": "The mix of customers the business wins: a result of many outcomes, the far end of "
                                 "the chain."},
}

# ---------------------------------------------------------------- team types

TEAM_TYPES = ("delivery team", "feature team", "empowered team")

#: How three teams are briefed, with the type Cagan and Jones would call each and why.
TEAMS: dict[str, dict[str, str]] = {
    "T1": {"text": "The founders hand the team a list of features with dates each quarter; the team designs and "
                   "builds them, and is praised when they ship on time.",
           "type": "feature team",
           "why": "Features come from above and success is shipping: the team does design, not discovery."},
    "T2": {"text": "The team is asked to cut the share of open shifts owners fill by phone; it interviews owners, "
                   "tests three ideas, and reports the share every two weeks.",
           "type": "empowered team",
           "why": "A problem to solve and an outcome to answer for; the team decides what to build."},
    "T3": {"text": "Engineers receive finished tickets from a project office and are measured on story points "
                   "completed per sprint.",
           "type": "delivery team",
           "why": "No product or design decisions at all: only building to order (output)."},
    "T4": {"text": "The team owns churn among Solo owners this half-year; a product manager, a designer and a tech "
                   "lead meet owners every week and choose what to try.",
           "type": "empowered team",
           "why": "An outcome (churn among a segment) with the trio doing discovery every week."},
    "T5": {"text": "Sales promised a 14-site prospect a custom report; the team is told to build it by the end of "
                   "the month and to skip testing it with other chains.",
           "type": "feature team",
           "why": "A feature decided for the team, measured on delivery, with discovery skipped."},
}

# ---------------------------------------------------------------- dual track

TRACKS = ("discovery", "delivery")

#: A fortnight of the Shiftbrew trio's work, each item on its track.
TRACK_WORK: dict[str, dict[str, str]] = {
    "Interview five owners about the last no-show they covered": {
        "track": "discovery", "why": "Learning about the problem: is it worth solving?"},
    "Test a clickable prototype of the cover alert with six baristas": {
        "track": "discovery", "why": "A cheap test of usability and value before anything is built."},
    "Send a fake-door 'Find cover' button to 5 % of owners and count the taps": {
        "track": "discovery", "why": "Measures demand before the feature exists."},
    "Build the cover alert behind a feature flag": {
        "track": "delivery", "why": "Production code: building what discovery has validated."},
    "Fix the rota print that cuts off the weekend": {
        "track": "delivery", "why": "A known fix to ship; nothing to learn first."},
    "Roll find cover out to 10 % of sites and watch the error rate": {
        "track": "delivery", "why": "Releasing production software safely is delivery (its results feed discovery)."},
}

# ---------------------------------------------------------------- PR/FAQ

PRFAQ_FIELDS = ("headline", "subheading", "summary", "problem", "solution", "quote", "getting_started",
                "customer_faq", "internal_faq")
_RELEASE = PRFAQ_FIELDS[:7]
#: Words a customer would not use: the press release is written in the customer's language.
JARGON = ("backlog", "sprint", "mvp", "api", "kpi", "okr", "roadmap", "stakeholder", "epic", "story points",
          "synergy", "leverage", "north star", "okrs", "kpis", "microservice", "feature flag", "a/b test")
_CUSTOMER_WORDS = ("owner", "owners", "café", "cafés", "cafe", "cafes", "barista", "baristas", "manager",
                   "managers", "chain", "chains", "staff")
_HARD_WORDS = ("cost", "costs", "risk", "risks", "price", "pricing", "margin", "effort", "depend", "depends",
               "person-months", "engineers", "revenue", "churn", "legal", "privacy")
_SOLUTION_WORDS = ("button", "screen", "page", "app", "feature", "notification", "alert", "build", "add")
_EMPTY = {"", "-", "none", "n/a", "na", "tbd", "todo", "..."}


def _has_word(haystack: str, word: str) -> bool:
    return re.search(r"(?<![A-Za-z0-9])" + re.escape(word) + r"(?![A-Za-z0-9])", haystack, re.IGNORECASE) is not None


def _pf_filled(doc: Mapping[str, str]) -> str | None:
    empty = [f for f in PRFAQ_FIELDS if doc[f].strip().casefold().rstrip(".") in _EMPTY]
    return f"fill in {', '.join(empty)} ('none' or 'TBD' does not count)." if empty else None


def _pf_customer(doc: Mapping[str, str]) -> str | None:
    if not any(_has_word(doc["headline"] + " " + doc["subheading"], w) for w in _CUSTOMER_WORDS):
        return ("the headline and subheading should say who benefits, in the customer's terms "
                "(café owners, baristas, a chain's managers).")
    return None


def _pf_jargon(doc: Mapping[str, str]) -> str | None:
    release = " ".join(doc[f] for f in _RELEASE)
    found = [w for w in JARGON if _has_word(release, w)]
    if found:
        return (f"the press release uses '{found[0]}', a word customers do not use: "
                "write it as the customer would read it on launch day.")
    return None


def _pf_problem(doc: Mapping[str, str]) -> str | None:
    found = [w for w in _SOLUTION_WORDS if _has_word(doc["problem"], w)]
    if found:
        return (f"the problem paragraph names the solution ('{found[0]}'): describe the customer's pain today, "
                "and keep the product for the solution paragraph.")
    return None


def _pf_faqs(doc: Mapping[str, str]) -> str | None:
    short = [f for f in ("customer_faq", "internal_faq") if doc[f].count("?") < 2]
    if short:
        which = "customer_faq and internal_faq each need" if len(short) == 2 else f"{short[0]} needs"
        return f"{which} at least two questions, each ending with '?', each with its answer."
    return None


def _pf_hard(doc: Mapping[str, str]) -> str | None:
    i = doc["internal_faq"]
    if not (re.search(r"\d", i) and any(_has_word(i, w) for w in _HARD_WORDS)):
        return ("the internal FAQ should face the hard questions with numbers: what it costs, what could go wrong, "
                "what it depends on (e.g. 'about 3 person-months').")
    return None


#: (name, test) for a PR/FAQ: each test returns None when met, or what to fix.
PRFAQ_RULES = (
    ("every section filled", _pf_filled),
    ("the customer named in the headline", _pf_customer),
    ("in the customer's words, no jargon", _pf_jargon),
    ("the problem before the solution", _pf_problem),
    ("questions in both FAQs", _pf_faqs),
    ("the internal FAQ faces cost and risk", _pf_hard),
)


def prfaq_sections(doc: Any, *, partial: bool = False) -> dict[str, str]:
    """A PR/FAQ as section -> text: every key one of :data:`PRFAQ_FIELDS`, each value text (empty allowed).

    With ``partial=False`` (the default) every section must be there; with ``partial=True`` some may be missing
    (a widget edits a few at a time)."""
    if type(partial) is not bool:
        raise InputTypeError(f"partial must be True or False; got {describe(partial)}.")
    if type(doc) is not dict:
        raise InputTypeError(f"a PR/FAQ must be a dict of section -> text, with the keys {', '.join(PRFAQ_FIELDS)}; "
                             f"got {describe(doc)}.")
    unknown = [k for k in doc if k not in PRFAQ_FIELDS]
    missing = [] if partial else [f for f in PRFAQ_FIELDS if f not in doc]
    if unknown or missing:
        raise InputError(f"a PR/FAQ has the sections {', '.join(PRFAQ_FIELDS)}; "
                         f"missing {missing or 'none'}, unknown {unknown or 'none'}.")
    return {k: text(f"prfaq[{k!r}]", v, empty_ok=True) for k, v in doc.items()}


def check_prfaq(doc: Any) -> dict[str, str | None]:
    """Each PR/FAQ rule's name -> None (met) or what to fix (Bryar and Carr, *Working Backwards*, 2021).

    Like the brief's rubric it reads words and structure only: it catches slips, not a bad idea.

    >>> r = check_prfaq({f: "" for f in PRFAQ_FIELDS})
    >>> r["every section filled"].startswith("fill in headline")
    True
    """
    clean = prfaq_sections(doc)
    return {name: test(clean) for name, test in PRFAQ_RULES}


# ---------------------------------------------------------------- the story map for find cover

#: The backbone: what a café owner does when a shift opens, left to right (Patton's activities).
ACTIVITIES_MAP = ("learn of the gap", "find who is free", "offer the shift", "fill and confirm")

#: Find cover (B05) as a story map: id -> activity, story, effort in person-weeks, and the rank within its
#: activity (1 = most needed). The whole map is 13 person-weeks, B05's 3 person-months.
STORY_MAP: dict[str, dict[str, Any]] = {
    "M1": {"activity": "learn of the gap", "rank": 1, "weeks": 1.0,
           "story": "The owner marks a shift on the rota as open"},
    "M2": {"activity": "learn of the gap", "rank": 2, "weeks": 2.0,
           "story": "A barista reports sick in the app, which opens the shift"},
    "M3": {"activity": "find who is free", "rank": 1, "weeks": 1.0,
           "story": "List the staff with no shift at that time"},
    "M4": {"activity": "find who is free", "rank": 2, "weeks": 2.0,
           "story": "Leave out staff the shift would take past their weekly hours"},
    "M5": {"activity": "find who is free", "rank": 3, "weeks": 2.0,
           "story": "Match on skills (keyholder, kitchen)"},
    "M6": {"activity": "offer the shift", "rank": 1, "weeks": 1.0,
           "story": "Send one offer to every free barista by push notification"},
    "M7": {"activity": "offer the shift", "rank": 2, "weeks": 0.5,
           "story": "Offer by text message to staff without the app"},
    "M8": {"activity": "offer the shift", "rank": 3, "weeks": 2.0,
           "story": "Offer in waves, the most reliable staff first"},
    "M9": {"activity": "fill and confirm", "rank": 1, "weeks": 1.0,
           "story": "The first to accept gets the shift, and the rota updates"},
    "M10": {"activity": "fill and confirm", "rank": 2, "weeks": 0.5,
            "story": "Tell the owner who took the shift"},
}
#: The first release's budget, in person-weeks (two engineers for two and a half weeks).
FIRST_RELEASE_WEEKS = 5.0


def story_ids(chosen: Any) -> list[str]:
    """The story ids in ``chosen`` (a list, tuple or set of ids such as 'M1', case-insensitive), in map order."""
    if type(chosen) not in (list, tuple, set, frozenset):
        raise InputTypeError(f"the release must be a list of story ids such as ['M1', 'M3']; got {describe(chosen)}.")
    ids = [text("story id", s).strip().upper() for s in chosen]
    members("release", ids, STORY_MAP, what="story id", where="the story map", example=["M1", "M3"])
    return [k for k in STORY_MAP if k in ids]


def release_effort(chosen: Any) -> float:
    """The person-weeks of the stories in a release."""
    return sum(STORY_MAP[k]["weeks"] for k in story_ids(chosen))


def walking_skeleton() -> list[str]:
    """The smallest release that works end to end: the top story under every activity (Patton's walking skeleton).

    >>> walking_skeleton()
    ['M1', 'M3', 'M6', 'M9']
    """
    return [k for k, s in STORY_MAP.items() if s["rank"] == 1]


def check_release(chosen: Any, capacity: Any = FIRST_RELEASE_WEEKS) -> dict[str, str | None]:
    """Rules for a release slice of the story map: name -> None (met) or what to fix.

    - every activity of the backbone has at least one story (the slice works end to end);
    - within ``capacity`` person-weeks;
    - under each activity, no story is taken before a more-needed one (ranks are taken from the top).
    """
    ids = story_ids(chosen)
    cap = number("capacity", capacity, low=0, low_open=True, hint="person-weeks, e.g. 5")
    covered = {STORY_MAP[k]["activity"] for k in ids}
    gaps = [a for a in ACTIVITIES_MAP if a not in covered]
    effort = release_effort(ids)
    skipped = []
    for a in ACTIVITIES_MAP:
        ranks = sorted(STORY_MAP[k]["rank"] for k in ids if STORY_MAP[k]["activity"] == a)
        if ranks and ranks != list(range(1, len(ranks) + 1)):
            skipped.append(a)
    return {
        "end to end: a story under every activity": (
            f"nothing under {', '.join(repr(g) for g in gaps)}: an owner could not get a shift covered with this "
            "release. Take the top story of each activity first." if gaps else None),
        "within capacity": (
            f"{effort:g} person-weeks is more than the {cap:g} available: drop the lowest stories." if effort > cap
            else None),
        "the most needed first": (
            f"under {', '.join(repr(a) for a in skipped)} a lower story is taken before one above it: "
            "take stories from the top of each column." if skipped else None),
    }


# ---------------------------------------------------------------- story splitting (Lawrence)

SPLIT_PATTERNS = ("workflow steps", "operations", "business rule variations", "variations in data",
                  "data entry methods", "major effort", "simple/complex", "defer performance", "break out a spike")

#: How the big story 'As a café owner, I want open shifts covered without phoning round' was split, each split
#: with the Lawrence pattern it uses and why.
SPLITS: dict[str, dict[str, str]] = {
    "P1": {"text": "First mark the shift open; then find who is free; then offer it; then confirm it.",
           "pattern": "workflow steps", "why": "The story follows the steps of the owner's workflow."},
    "P2": {"text": "First offer to anyone free; later, also leave out staff it would push past their weekly hours.",
           "pattern": "business rule variations", "why": "The same story under a simple rule, then a stricter one."},
    "P3": {"text": "First offer by push notification; later, also by text message and by email.",
           "pattern": "data entry methods",
           "why": "The same outcome through a different channel or interface (Humanizing Work: interface variations)."},
    "P4": {"text": "First send offers the same minute for one site; make it fast for a 20-site chain later.",
           "pattern": "defer performance", "why": "Make it work, then make it fast at scale."},
    "P5": {"text": "Before estimating the payroll provider's rules, spend two days reading their docs.",
           "pattern": "break out a spike", "why": "Too uncertain to estimate: a time-boxed investigation first."},
    "P6": {"text": "Cover one shift at a time now; cover a run of shifts (a week of sick leave) later.",
           "pattern": "simple/complex", "why": "The simple core first, then the complex variation."},
}

# ---------------------------------------------------------------- PM vs product marketing

PMM_ROLES = ("product manager", "product marketing")

#: Tasks around the find-cover launch, each with who leads it (Cagan; Lauchengco) and why.
PMM_TASKS: dict[str, dict[str, str]] = {
    "Decide whether find cover is worth building, from owner interviews and the data": {
        "role": "product manager", "why": "Value and viability: what to build and why is the PM's call."},
    "Write the positioning and the messages for find cover's launch": {
        "role": "product marketing", "why": "How the product is positioned and told to the market."},
    "Train the two salespeople to demo find cover to chains": {
        "role": "product marketing", "why": "Sales enablement: bringing the product to the people who sell it."},
    "Set find cover's success metric and read it after launch": {
        "role": "product manager", "why": "The outcome the product is accountable for."},
    "Compare rivals' cover features for the sales battlecard": {
        "role": "product marketing", "why": "Competitive insight shaped for selling is product marketing's."},
    "Choose what find cover leaves out of its first release": {
        "role": "product manager", "why": "Scope of the product: the PM, with design and engineering."},
}


#: The card decks a learner sorts: deck -> (the cards, the field holding each card's answer, the options).
DECKS: dict[str, tuple[dict[str, dict[str, str]], str, tuple[str, ...]]] = {
    "goals": (GOALS, "kind", GOAL_KINDS),
    "teams": (TEAMS, "type", TEAM_TYPES),
    "tracks": (TRACK_WORK, "track", TRACKS),
    "marketing": (PMM_TASKS, "role", PMM_ROLES),
}


def score_cards(answer: Any, deck: Any) -> dict[str, Any]:
    """Score a sorting of one deck's cards (:data:`DECKS`): ``{"placed", "right", "total", "wrong"}``.

    ``answer`` is a dict card -> option (cards not yet placed may be left out); ``deck`` is 'goals', 'teams',
    'tracks' or 'marketing'.

    >>> score_cards({"T1": "feature team", "T3": "feature team"}, "teams")["wrong"]
    ['T3']
    """
    key, field, options = DECKS[choice("deck", deck, tuple(DECKS))]
    if type(answer) is not dict:
        raise InputTypeError(f"the sorting must be a dict card -> one of {', '.join(options)}; got {describe(answer)}.")
    wrong = []
    for item, v in answer.items():
        if item not in key:
            raise InputError(f"{item!r} is not one of the cards to sort; they are: {', '.join(map(repr, key))}.")
        if type(v) is not str or v not in options:
            raise InputError(f"{item!r} is placed as {v!r}; use one of {', '.join(map(repr, options))}.")
        if key[item][field] != v:
            wrong.append(item)
    return {"placed": len(answer), "right": len(answer) - len(wrong), "total": len(key), "wrong": wrong}
