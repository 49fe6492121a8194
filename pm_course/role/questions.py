"""The auto-graded questions of Module 01, The product manager's role (exercises/01_pm_role).

Declared with :mod:`pm_course.core`; reference answers are computed here, once,
from the case study and the pure logic. No widgets are imported: the
week-planner question reads any object with a ``.value`` (the planner).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..core import (
    Choice,
    Function,
    Mapping,
    Misconception,
    Question,
    Rubric,
    Rule,
    SetOf,
    Value,
    WidgetState,
    WrittenAnswer,
    length,
    mentions,
)
from ..data import load
from .lifecycle import (
    STAGE_ALIASES,
    STAGES,
    compound_growth_rate,
    growth_change,
    growth_rates,
    lifecycle_stage,
    series,
    trend_projection,
)
from .practice import (
    FIRST_RELEASE_WEEKS,
    GOAL_KINDS,
    GOALS,
    PMM_ROLES,
    PMM_TASKS,
    PRFAQ_RULES,
    SPLIT_PATTERNS,
    SPLITS,
    TEAM_TYPES,
    TEAMS,
    TRACK_WORK,
    TRACKS,
    check_release,
)
from .roles import (
    ACTIVITIES,
    FIND_COVER_ASSUMPTIONS,
    REFERENCE_RANGES,
    RISK_ALIASES,
    RISK_OWNERS,
    RISKS,
    ROLE_ALIASES,
    ROLES,
    TASKS,
    week_plan,
)
from .stories import BRIEF_FIELDS, BRIEF_RULES, MAX_STORY, check_brief, check_story_with_criteria, problems

__all__ = [
    "QUESTIONS", "WRITTEN", "MODULE", "WEEKLY", "SITES", "SORT_TASKS", "SCENARIOS", "ASSUMPTIONS",
    "AliasMapping", "AliasChoice", "SHARE", "TREND_WEEK", "TREND_PROJECTION", "TARGET_UPLIFT_POINTS",
    "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11", "w1",
    "GOAL_STATEMENTS", "TEAM_BRIEFS", "TRACK_ITEMS", "SPLIT_EXAMPLES", "MARKETING_TASKS",
    "q12", "q13", "q14", "q15", "q16", "q17", "q18", "FLAWED_PRFAQ", "PRFAQ_RUBRIC",
]

MODULE = "01_pm_role"
WEEKLY = load("analytics")["weekly"]
SITES = series(WEEKLY, "sites_with_published_rota")


def _key(v: str) -> str:
    return " ".join(v.split()).casefold()


@dataclass
class AliasMapping(Mapping):
    """:class:`pm_course.core.Mapping` that also accepts the other forms of a category the lessons show
    (``aliases``: form -> category, e.g. ``"PM" -> "product manager"``), case- and space-insensitive."""

    aliases: dict[str, str] = field(default_factory=dict)

    def conform(self, answer: Any) -> Any:
        if type(answer) is dict:
            forms = {_key(k): v for k, v in self.aliases.items()}
            answer = {k: forms.get(_key(v), v) if type(v) is str else v for k, v in answer.items()}
        return super().conform(answer)


@dataclass
class AliasChoice(Choice):
    """:class:`pm_course.core.Choice` that also accepts other names of an option (``aliases``: name -> option)."""

    aliases: dict[str, str] = field(default_factory=dict)

    def conform(self, answer: Any) -> Any:
        if type(answer) is str:
            answer = {_key(k): v for k, v in self.aliases.items()}.get(_key(answer), answer)
        return super().conform(answer)



def _literal(name: str, d: dict) -> str:
    """``name = {...}`` with one key per line (as a solution shows it)."""
    lines = [f"{name} = {{"]
    for k, v in d.items():
        if type(v) is list:
            lines.append(f"    {k!r}: [")
            lines += [f"        {x!r}," for x in v]
            lines.append("    ],")
        else:
            lines.append(f"    {k!r}: {v!r},")
    return "\n".join(lines + ["}"])


# ---------------------------------------------------------------- q1 tasks to roles

#: The tasks of q1: two of each role.
SORT_TASKS = [
    "Interview café owners about how they cover a no-show",
    "Lead the launch of one-tap swap with marketing, sales and support",
    "Order the Product Backlog for the next Sprint",
    "Split 'multi-site reports' into smaller backlog items",
    "Keep the payroll integration's cross-team schedule and its dependencies on the partner's releases",
    "Track the payroll integration's budget and the contractor's hours",
    "Keep stakeholders informed of progress",
    "Talk with customers every week",
]
_Q1 = {t: TASKS[t]["role"] for t in SORT_TASKS}
_ORDER = "Order the Product Backlog for the next Sprint"
_LAUNCH = "Lead the launch of one-tap swap with marketing, sales and support"
_SCHEDULE = "Keep the payroll integration's cross-team schedule and its dependencies on the partner's releases"
_INTERVIEW = "Interview café owners about how they cover a no-show"
_ROLE_FORMS = {k: v for k, v in ROLE_ALIASES.items() if v in ROLES}
q1 = Question(
    module=MODULE, id="q1", points=2,
    prompt="For each task in SORT_TASKS, the role that owns it: 'product manager' (or 'PM'), 'product owner' "
           "(or 'PO'), 'project manager', or 'shared' when the task splits into parts that each role owns "
           "(each part still has exactly one accountable role, as in a RACI).",
    checker=AliasMapping(expected=_Q1, categories=list(ROLES), aliases=_ROLE_FORMS, item_hints={
        _ORDER: "Ordering the Product Backlog: which accountability does the Scrum Guide give it to?",
        _LAUNCH: "The launch: who leads it with marketing, sales and support, and answers for its goal?",
        _SCHEDULE: "The integration's schedule across teams: is it about why and what, or about dates and "
                   "dependencies?",
        "Talk with customers every week": "Talking with customers weekly: is discovery one person's job?",
    }),
    hints=[
        "The product manager owns the why and the what (problems, outcomes, strategy) and leads launches; the "
        "product owner orders and clarifies the Product Backlog; the project manager owns a project's scope, "
        "schedule and resources.",
        "'shared' is for work where each role owns its own part of the same thing. Once you have tried, "
        "from pm_course.role import TASKS, SHARED_PARTS: TASKS[task]['why'] explains any task, and "
        "SHARED_PARTS[task] lists a shared task's parts and who owns each.",
    ],
    solution_text="# Each task's owner, from the lesson's three accountabilities:\n"
                  "# why and what, and the launch -> product manager; the backlog -> product owner;\n"
                  "# a project's schedule, budget and people -> project manager.\n"
                  + _literal("answer_q1", _Q1),
    answer=dict(_Q1),
    wrong=[{**_Q1, _ORDER: "product manager"}, {**_Q1, _LAUNCH: "project manager"}, {t: "shared" for t in _Q1}],
    misconceptions=[
        Misconception(lambda a: a[_ORDER] == "product manager",
                      "In Scrum, ordering the Product Backlog is the product owner's accountability; "
                      "it is the product manager's only where one person holds both roles.",
                      example={**_Q1, _ORDER: "product manager"}),
        Misconception(lambda a: a[_LAUNCH] == "project manager",
                      "Launching is a team sport the product manager leads, with marketing, sales and support "
                      "(module 06); a project manager, where there is one, may keep a multi-team schedule, but the "
                      "launch's goal and readiness stay the PM's.", example={**_Q1, _LAUNCH: "project manager"}),
        Misconception(lambda a: a[_INTERVIEW] == "project manager",
                      "Interviews are discovery, the product manager's first job; a project manager plans "
                      "work already decided.", example={**_Q1, _INTERVIEW: "project manager"}),
    ],
)

# ---------------------------------------------------------------- q2 assumptions to risks

ASSUMPTIONS = {k: v["text"] for k, v in FIND_COVER_ASSUMPTIONS.items()}
_Q2 = {k: v["risk"] for k, v in FIND_COVER_ASSUMPTIONS.items()}
q2 = Question(
    module=MODULE, id="q2", points=2,
    prompt="For each assumption behind 'find cover' in ASSUMPTIONS (id -> text), its risk: "
           "'value', 'usability', 'feasibility' or 'viability' (Cagan's 'business viability' is accepted too).",
    checker=AliasMapping(expected=_Q2, categories=list(RISKS), aliases=RISK_ALIASES, item_hints={
        "A4": "A4: if it were false, who would be hurt: the customer, or the business model?",
        "A7": "A7: a legal constraint is a risk to the business, not to the build.",
        "A8": "A8: is that about how to use the app, or whether staff want it at all?",
    }),
    hints=[
        "Ask what happens if the assumption is false: nobody wants it (value), people cannot use it "
        "(usability), we cannot build it (feasibility), or it does not work for the business (viability).",
        "Viability covers money, law, support and sales; usability is about finding and understanding the feature.",
    ],
    solution_text="# For each assumption: which question fails if it is false?\n" + _literal("answer_q2", _Q2),
    answer=dict(_Q2),
    wrong=[{**_Q2, "A7": "feasibility"}, {**_Q2, "A8": "usability"}, {k: "value" for k in _Q2}],
    misconceptions=[
        Misconception(lambda a: a["A7"] == "feasibility",
                      "Something can be easy to build and still not allowed: law and money are viability.",
                      example={**_Q2, "A7": "feasibility"}),
        Misconception(lambda a: a["A8"] == "usability",
                      "Whether staff would rather be asked by the app is about wanting it at all: value risk.",
                      example={**_Q2, "A8": "usability"}),
    ],
)

# ---------------------------------------------------------------- q3 risk owners

_OWNERS = ["product manager", "designer", "tech lead"]
_OWNER_FORMS = {k: v for k, v in ROLE_ALIASES.items() if v in _OWNERS}
q3 = Question(
    module=MODULE, id="q3", points=1,
    prompt="Who answers for each of Cagan's four risks in the product trio (Torres's word for the product "
           "manager, the designer and the tech lead)? A dict risk -> 'product manager' (or 'PM'), 'designer' or "
           "'tech lead'.",
    checker=AliasMapping(expected=dict(RISK_OWNERS), categories=_OWNERS, aliases=_OWNER_FORMS),
    hints=[
        "Each member of the trio owns the risk closest to their craft.",
        "Two of the four risks are the product manager's: the ones about the customer wanting it and the "
        "business working.",
    ],
    solution_text="# value and viability: the PM; usability: the designer; feasibility: the tech lead\n"
                  + _literal("answer_q3", RISK_OWNERS),
    answer=dict(RISK_OWNERS),
    wrong=[{**RISK_OWNERS, "viability": "tech lead"}, {r: "product manager" for r in RISKS}],
    misconceptions=[
        Misconception(lambda a: all(v == "product manager" for v in a.values()),
                      "The PM answers for the product's outcome, but not alone: the designer and the tech lead "
                      "each own a risk.", example={r: "product manager" for r in RISKS}),
    ],
)

# ---------------------------------------------------------------- q4 compound weekly growth

_RATE = compound_growth_rate(SITES) * 100
_RATE_26 = ((SITES[-1] / SITES[0]) ** (1 / len(SITES)) - 1) * 100
_TOTAL = (SITES[-1] / SITES[0] - 1) * 100
_MEAN = sum(growth_rates(SITES)) / (len(SITES) - 1) * 100
q4 = Question(
    module=MODULE, id="q4", points=1,
    prompt="The compound weekly growth rate of sites with a published rota, from the first to the last week "
           "of the analytics, in percent to 2 decimal places.",
    checker=Value(expected=_RATE, decimals=2, unit="% a week"),
    hints=[
        "Compound growth per week: (last / first) ** (1 / number of week-on-week steps) - 1.",
        "26 weeks of data hold 25 week-on-week steps; multiply the fraction by 100 for percent. "
        "compound_growth_rate(values) gives the fraction.",
    ],
    solution_text="# (last / first) ** (1 / steps) - 1, with steps = weeks - 1; times 100 for percent\n"
                  "answer_q4 = compound_growth_rate(sites) * 100",
    answer=_RATE,
    wrong=[_RATE_26, _TOTAL, _RATE / 100, round(_MEAN, 3)],
    misconceptions=[
        Misconception(_RATE_26, "Count the steps, not the weeks: 26 weekly values span 25 week-on-week steps.",
                      example=_RATE_26),
        Misconception(lambda a: a > 20, "That is the growth over the whole period; the question asks per week.",
                      example=_TOTAL),
        Misconception(lambda a: 0 < a < 0.1, "Give percent, not a fraction: multiply by 100.",
                      example=_RATE / 100),
        Misconception(lambda a: abs(a - _MEAN) < 0.005 <= abs(_MEAN - _RATE),
                      "That is the arithmetic mean of the week-on-week rates. Growth compounds: the rate that "
                      "takes the first week to the last is (last / first) ** (1 / steps) - 1, a little lower.",
                      example=round(_MEAN, 3)),
    ],
)

# ---------------------------------------------------------------- q5 change of growth

_CHANGE = growth_change(SITES) * 100
_MID = (len(SITES) - 1) // 2
_HALVES_SPLIT = (compound_growth_rate(SITES[_MID + 1:]) - compound_growth_rate(SITES[: _MID + 1])) * 100
q5 = Question(
    module=MODULE, id="q5", points=1,
    prompt="How much faster (positive) or slower (negative) did sites with a published rota grow in the "
           f"second half of the weeks than in the first? The compound weekly rate of weeks {_MID + 1}-{len(SITES)} "
           f"minus that of weeks 1-{_MID + 1}, in percentage points to 2 decimal places.",
    checker=Value(expected=_CHANGE, decimals=2, unit="percentage points"),
    hints=[
        f"Compute the compound weekly rate of each half (they share week {_MID + 1}), then subtract the first "
        "from the second.",
        "growth_change(values) does it, as a fraction: multiply by 100 for percentage points.",
    ],
    solution_text=f"# second half's compound weekly rate minus the first half's; halves share week {_MID + 1}\n"
                  "answer_q5 = growth_change(sites) * 100",
    answer=_CHANGE,
    wrong=[_HALVES_SPLIT, _CHANGE / 100 + 0.5, _CHANGE + 1, _CHANGE / 100],
    misconceptions=[
        Misconception(lambda a: abs(a - _HALVES_SPLIT) < 0.005 and abs(_HALVES_SPLIT - _CHANGE) >= 0.01,
                      f"The halves share the middle week ({_MID + 1}): weeks 1-{_MID + 1} and "
                      f"{_MID + 1}-{len(SITES)}.",
                      example=_HALVES_SPLIT),
        # the fraction form (growth_change(sites) without * 100): a hundred times the answer is the answer
        Misconception(lambda a: a != 0 and abs(a * 100 - _CHANGE) < 0.005,
                      "Did you mean percentage points? That looks like the change as a fraction: multiply by 100.",
                      example=_CHANGE / 100),
    ],
)

# ---------------------------------------------------------------- q6 the stage

_STAGE = lifecycle_stage(SITES)["stage"]
q6 = Question(
    module=MODULE, id="q6", points=1,
    prompt="At which stage of the product life cycle, read by analogy from its weekly usage, do Shiftbrew's "
           "sites with a published rota put it: 'market development' (or 'introduction'), 'growth', 'maturity' "
           "or 'decline'?",
    checker=AliasChoice(expected=_STAGE, options=list(STAGES), aliases=dict(STAGE_ALIASES)),
    hints=[
        "Look at your answers to q4 and q5: how fast does the metric grow, and is the growth slowing down?",
        "The lesson's rule of thumb: about flat is maturity; shrinking is decline; slow but speeding up is "
        "market development; otherwise growth. lifecycle_stage(values) applies it.",
    ],
    solution_text="# q4: 1.88 % a week compound, above the 1 % line; q5: not slowing down -> growth\n"
                  "answer_q6 = lifecycle_stage(sites)['stage']",
    answer=_STAGE,
    wrong=[s for s in STAGES if s != _STAGE][:2],
    misconceptions=[
        Misconception("maturity", "A mature product is about flat; this metric still grows by more than the "
                      "flat band each week.", example="maturity") if _STAGE == "growth" else
        Misconception("growth", "Check the growth rate against the rule's bands again.", example="growth"),
        *([Misconception("market development",
                         "Market development (later textbooks: introduction) is slow growth, under 1 % a week, "
                         "that speeds up; compare q4's rate with that line.", example="market development")]
          if _STAGE == "growth" else []),
    ],
)

# ---------------------------------------------------------------- q7 a user story through the rubric

_GOOD_STORY = {
    "story": "As a café owner, I want to offer an open shift to the staff who are free, "
             "so that a no-show is covered without me phoning around",
    "criteria": [
        "Given a shift with no barista, when the owner marks it open, then every free barista trained for it "
        "gets an alert within 60 seconds",
        "Given an open shift, when a barista accepts it, then the rota shows that barista on the shift "
        "and the owner gets a message",
        "Given an open shift already taken, when a second barista tries to accept it, then they see "
        "'this shift is covered'",
    ],
}


def _story_rule(part: str):
    def test(answer):
        story = answer.get("story")
        criteria = answer.get("criteria")
        if type(story) is not str or not story.strip():
            return "write the story as text under 'story'."
        if type(criteria) is not list or any(type(c) is not str for c in criteria):
            return "give 'criteria' as a list of texts, one Given / When / Then each."
        res = check_story_with_criteria(story, criteria)
        if part == "story":
            found = problems(res["story"])
        elif part == "count":
            found = [res["count"]] if res["count"] else []
            if len(criteria) == 1:
                found.append("give at least two criteria: the main path and one edge case.")
        else:
            found = [f"criterion {i + 1}, {p}" for i, c in enumerate(res["criteria"]) for p in problems(c)]
        return "; ".join(found) or None

    return test


# B05: a shift that opens (someone cannot work it) and the staff who could cover it. Whole words: a bare "shift"
# is any shift (a swap, the rota, payroll), and "open" is in "opening hours".
_FIND_COVER = re.compile(
    r"\b(?:open|opens|opened|vacant|empty|unfilled|uncovered|available|extra|offered)\s+shifts?\b"
    r"|\bshifts?\s+(?:opens?|opened|becomes?\s+(?:available|free|open|vacant)|(?:is|are)\s+(?:still\s+)?"
    r"(?:open|unfilled|uncovered|vacant|empty))\b"
    r"|\b(?:cover|covers|covered|covering|gap|gaps|no-?shows?|absen\w*|sick|ill|unwell|cancels?|cancell?ed|"
    r"drops?\s+out|dropped\s+out|short-?staffed|short|step\s+in|replace\w*|emergenc\w*|who\s+is\s+free|"
    r"who's\s+free|free\s+staff|staff\s+who\s+are\s+free|available\s+staff|calls?\s+in|called\s+in)\b",
    re.IGNORECASE)


def _about_find_cover(answer):
    story = answer.get("story") if isinstance(answer, dict) else None
    if type(story) is not str:
        return None
    return None if _FIND_COVER.search(story[:MAX_STORY]) else (
        "the story should be about B05, find cover: a shift that opens and needs someone. I looked for an open "
        "shift, a gap, cover or an absence ('calls in sick', 'no-show') and found none; if yours is about it, "
        "you're fine.")


q7 = Question(
    module=MODULE, id="q7", points=2,
    prompt="A user story for B05, 'Find cover: notify available staff when a shift opens', with 2 to 6 "
           "acceptance criteria: a dict {'story': text, 'criteria': [text, ...]} that meets every rule of "
           "the lesson's story rubric.",
    checker=Rubric(shape=None, fields=("story", "criteria"), rules=[
        Rule("about find cover", _about_find_cover),
        Rule("the story", _story_rule("story")),
        Rule("how many criteria", _story_rule("count")),
        Rule("the criteria", _story_rule("criteria")),
    ]),
    hints=[
        "Story: 'As a <specific person>, I want <one thing>, so that <what they gain>'. Criteria: 'Given "
        "<context>, when <one action>, then <what a tester can see>'.",
        "Run check_story_with_criteria(story, criteria) and fix each message; replace words like 'fast' with a "
        "number ('within 60 seconds').",
    ],
    solution_text="# who: the café owner; one want; the gain in the 'so that'; each criterion one testable scenario\n"
                  + _literal("answer_q7", _GOOD_STORY),
    answer=dict(_GOOD_STORY),
    wrong=[
        {"story": "As a user, I want notifications and a report, so that I can click a button",
         "criteria": ["Notifications should be fast"]},
        {"story": _GOOD_STORY["story"], "criteria": ["Given an open shift, when it is posted, then it is easy "
                                                    "to accept"]},
        {"story": _GOOD_STORY["story"], "criteria": []},
    ],
    misconceptions=[
        Misconception(lambda a: type(a.get("criteria")) is list and not a["criteria"],
                      "A story without acceptance criteria cannot be tested: add Given / When / Then scenarios.",
                      example={"story": _GOOD_STORY["story"], "criteria": []}),
    ],
)

# ---------------------------------------------------------------- q8 a function: week-on-week growth


def _week_on_week_reference(values: list) -> list[float]:
    """The reference: each week's growth on the week before, as a fraction (one fewer than the values)."""
    return growth_rates(values)


q8 = Question(
    module=MODULE, id="q8", points=2,
    prompt="Write week_on_week(values): for a list of weekly values (positive numbers), the list of "
           "each week's growth on the week before, as fractions (0.02 for 2 %): one item fewer than the values.",
    checker=Function(reference=_week_on_week_reference, returns=list[float], inputs=[
        ([100, 110, 121],),             # steady 10 % growth
        ([50, 50, 50, 50],),            # a flat series
        ([200, 150, 120],),             # a falling series
        ([80, 100],),                   # only two weeks
        (SITES,),                       # Shiftbrew's 26 weeks
    ]),
    hints=[
        "Growth of week t on week t-1 is values[t] / values[t - 1] - 1; there is none for the first week.",
        "zip(values, values[1:]) pairs each week with the next; build the list of growths from those pairs. "
        "Return fractions, not percent, and one item fewer than the values.",
    ],
    solution_text="# growth of each week on the one before; the first week has none\n"
                  "def week_on_week(values):\n"
                  "    return [b / a - 1 for a, b in zip(values, values[1:])]",
    answer=lambda values: [b / a - 1 for a, b in zip(values, values[1:])],
    wrong=[
        lambda values: [(b / a - 1) * 100 for a, b in zip(values, values[1:])],
        lambda values: [b - a for a, b in zip(values, values[1:])],
        lambda values: [b / a - 1 for a, b in zip(values, values[1:])][:-1] or [0.0],
    ],
)
q8.answer.__name__ = "week_on_week"

# ---------------------------------------------------------------- q9 week planner (widget)


def _week_rule(check):
    def test(value):
        if type(value) is not dict or "hours" not in value:
            return "pass the week planner itself."
        try:
            plan = week_plan(value["hours"])
        except (TypeError, ValueError) as exc:
            return str(exc)
        return check(plan)

    return test


def _forty(plan):
    return None if abs(plan["total"] - 40) < 1e-9 else f"the week should have 40 hours; yours has {plan['total']:g}."


def _in_range(plan):
    out = [a for a in ACTIVITIES if plan["status"][a] != "ok"]
    return None if not out else "outside the reference range: " + ", ".join(
        f"{a} ({plan['status'][a]})" for a in out) + "."


def _market_first(plan):
    top = max(plan["hours"].values())
    return None if plan["hours"]["customers and market"] >= top - 1e-9 else \
        "give customers and the market at least as many hours as any other activity (the lesson's case for time in the market)."


_PLAN = {"customers and market": 14.0, "team": 14.0, "stakeholders": 5.0, "data": 5.0, "admin": 2.0}
q9 = Question(
    module=MODULE, id="q9", points=2,
    prompt="With the week planner, plan the Shiftbrew PM's 40-hour week: every activity within the course's "
           "reference range, and customers and the market getting at least as many hours as any other "
           "activity. Answer with the planner itself.",
    checker=WidgetState(inner=Rubric(shape=None, rules=[
        Rule("40 hours", _week_rule(_forty)),
        Rule("within the reference ranges", _week_rule(_in_range)),
        Rule("customers and market first", _week_rule(_market_first)),
    ])),
    hints=[
        "Start from the ranges: 40 hours x each activity's share. Customers and market can take up to "
        f"{REFERENCE_RANGES['customers and market'][1]:.0%} of the week, the team up to "
        f"{REFERENCE_RANGES['team'][1]:.0%}.",
        "Give customers and the team the same hours at about a third of the week each, and split the rest "
        "between stakeholders, data and a little admin; the planner shows each share against its range.",
    ],
    solution_text="# ranges: market 20-40 %, team 25-40 %, stakeholders 10-20 %, data 10-20 %, admin 0-10 %\n"
                  f"week.set({_PLAN!r})\nanswer_q9 = week",
    answer=week_plan(_PLAN),
    wrong=[week_plan({"customers and market": 4.0, "team": 16.0, "stakeholders": 8.0, "data": 4.0, "admin": 8.0}),
           week_plan({"customers and market": 12.0, "team": 16.0, "stakeholders": 6.0, "data": 4.0, "admin": 2.0}),
           week_plan({"customers and market": 14.0, "team": 14.0, "stakeholders": 5.0, "data": 5.0, "admin": 4.0})],
    misconceptions=[
        Misconception(lambda v: v["hours"]["customers and market"] < 0.2 * v["total"],
                      "A week with under a fifth in the market decides from second-hand reports.",
                      example=week_plan({"customers and market": 4.0, "team": 16.0, "stakeholders": 8.0,
                                         "data": 4.0, "admin": 8.0})),
    ],
)

# ---------------------------------------------------------------- q10 anti-patterns

SCENARIOS = {
    "S1": "The PM spends four days a week writing tickets and updating their status; nobody on the team has "
          "spoken to a café owner this quarter.",
    "S2": "The PM runs the weekly status meeting, owns the Gantt chart and reports on dates; nobody can say "
          "which outcome the quarter is for.",
    "S3": "The PM tells the engineers which library to use and promises a chain a feature, then tells the "
          "team it must ship by Friday.",
    "S4": "The PM sets the quarter's outcome with the founders, interviews owners weekly and leaves the "
          "backlog's order to the product owner.",
}
_Q10 = {"S1": "backlog administrator", "S2": "project manager", "S3": "mini-CEO", "S4": "none"}
_PATTERNS = ["backlog administrator", "project manager", "mini-CEO", "none"]
q10 = Question(
    module=MODULE, id="q10", points=1,
    prompt="For each scenario in SCENARIOS, the anti-pattern it shows: 'backlog administrator', "
           "'project manager', 'mini-CEO' or 'none'.",
    checker=Mapping(expected=_Q10, categories=_PATTERNS),
    hints=[
        "Ask what the PM is spending their authority and time on: tickets, dates, or decisions that belong "
        "to others.",
        "The mini-CEO acts with authority the role does not have; one scenario is a PM doing the job.",
    ],
    solution_text="# tickets all week -> backlog administrator; dates and Gantt -> project manager;\n"
                  "# commanding engineers and customers -> mini-CEO; S4 is the role done well\n"
                  + _literal("answer_q10", _Q10),
    answer=dict(_Q10),
    wrong=[{**_Q10, "S4": "backlog administrator"}, {**_Q10, "S1": "project manager", "S2": "backlog administrator"}],
    misconceptions=[
        Misconception(lambda a: a["S4"] != "none",
                      "Leaving the backlog's order to a product owner is not a failing: that is the PO's "
                      "accountability.", example={**_Q10, "S4": "backlog administrator"}),
    ],
)

# ---------------------------------------------------------------- q11 the brief through the rubric

#: The metric the brief's target is set on, and where its trend alone (no launch) puts it 8 weeks after now.
SHARE = series(WEEKLY, "shifts_filled_without_manager_calls")
TREND_WEEK = len(SHARE) + 8
TREND_PROJECTION = trend_projection(SHARE, weeks_ahead=TREND_WEEK - len(SHARE))
#: The brief's target: this many percentage points above the counterfactual (a holdout, and the trend).
TARGET_UPLIFT_POINTS = 5
#: The model brief's success metric as the solution writes it: the trend computed, not copied.
_METRIC_CODE = (
    'f"8 weeks after launch, sites with find cover fill 5 points more of their open shifts without manager "\n'
    '        f"calls than a holdout of sites without it. The trend alone takes the share from {share[-1] * 100:.1f} % "\n'
    '        f"to about {trend * 100:.1f} % by week {len(share) + 8}, so about {round(trend * 100 + 5)} % with find cover."'
)
_GOOD_BRIEF = {
    "problem": "When a barista calls in sick, a café owner spends 30 to 60 minutes phoning staff to cover "
               "the shift, often before dawn.",
    "users": "Owners of single cafés on the Solo plan; their baristas.",
    "goals": "Open shifts get covered without phone calls; owners trust the rota on the day.",
    "non_goals": "Paying staff for extra shifts; multi-site cover between a chain's cafés.",
    "success_metric": f"8 weeks after launch, sites with find cover fill {TARGET_UPLIFT_POINTS} points more of "
                      "their open shifts without manager calls than a holdout of sites without it. The trend alone "
                      f"takes the share from {SHARE[-1] * 100:.1f} % to about {TREND_PROJECTION * 100:.1f} % by "
                      f"week {TREND_WEEK}, so about {round(TREND_PROJECTION * 100 + TARGET_UPLIFT_POINTS)} % with "
                      "find cover.",
    "open_questions": "Do baristas turn on phone alerts? Who pays overtime rates when a shift is picked up late?",
}


def _brief_solution() -> str:
    lines = ["# the counterfactual: where the share's trend alone goes in the 8 weeks after launch (week 34)",
             'share = series(weekly, "shifts_filled_without_manager_calls")',
             "trend = trend_projection(share, weeks_ahead=8)",
             "# problem without a solution; a target set against a holdout and the trend; questions with '?'",
             "answer_q11 = {"]
    for k, v in _GOOD_BRIEF.items():
        lines.append(f"    {k!r}: ({_METRIC_CODE})," if k == "success_metric" else f"    {k!r}: {v!r},")
    return "\n".join(lines + ["}"])


BRIEF_RULE_NAMES = [name for name, _ in BRIEF_RULES]


def _brief_rule(name: str) -> Rule:
    return Rule(name, lambda brief: check_brief(brief)[name])


q11 = Question(
    module=MODULE, id="q11", points=1,
    prompt="A one-page brief for find cover: a dict with the keys problem, users, goals, non_goals, "
           "success_metric and open_questions that meets every rule of the lesson's brief rubric.",
    checker=Rubric(shape=dict[str, str], fields=BRIEF_FIELDS, rules=[_brief_rule(name) for name in BRIEF_RULE_NAMES]),
    hints=[
        "Every section needs real content (not 'none'); the problem says whose pain it is and what happens today, "
        "without naming a feature.",
        "The success metric needs a number and a time frame; open questions end with '?'. check_brief(brief) "
        "tells you which rule fails.",
    ],
    solution_text=_brief_solution(),
    answer=dict(_GOOD_BRIEF),
    wrong=[{**_GOOD_BRIEF, "problem": "Add a find-cover button to the rota screen."},
           {**_GOOD_BRIEF, "success_metric": "More shifts are covered."},
           {**_GOOD_BRIEF, "non_goals": "none"}],
    misconceptions=[
        Misconception(lambda b: check_brief(b)["a problem, not a solution"] is not None,
                      "A brief that opens with the solution has skipped the question of whether it is the right one.",
                      example={**_GOOD_BRIEF, "problem": "Add a find-cover button to the rota screen."}),
    ],
)

# ---------------------------------------------------------------- q12-q18 how product teams work

#: The statements of q12, the team briefs of q13 (id -> text), the work of q14, the splits of q17 (id -> text)
#: and the tasks of q18, as the exercise shows them.
GOAL_STATEMENTS = list(GOALS)
TEAM_BRIEFS = {k: v["text"] for k, v in TEAMS.items()}
TRACK_ITEMS = list(TRACK_WORK)
SPLIT_EXAMPLES = {k: v["text"] for k, v in SPLITS.items()}
MARKETING_TASKS = list(PMM_TASKS)


def _key_of(items: dict[str, dict[str, str]], field_name: str) -> dict[str, str]:
    return {k: v[field_name] for k, v in items.items()}


_Q12 = _key_of(GOALS, "kind")
_OUTCOME = next(k for k, v in _Q12.items() if v == "outcome")
_IMPACT = next(k for k, v in _Q12.items() if v == "impact")
q12 = Question(
    module=MODULE, id="q12", points=1,
    prompt="For each statement in GOAL_STATEMENTS, its kind in Seiden's chain: 'output', 'outcome' or 'impact'.",
    checker=Mapping(expected=_Q12, categories=list(GOAL_KINDS)),
    hints=[
        "An output is something the team makes; an outcome is a change in what people do; an impact is the "
        "business result that follows.",
        "Ask of each statement: could the team tick it off by shipping, does someone behave differently, or is "
        "it money and churn?",
    ],
    solution_text="# shipped things -> output; people doing something differently -> outcome;\n"
                  "# churn and the customer mix, the business results -> impact\n" + _literal("answer_q12", _Q12),
    answer=dict(_Q12),
    wrong=[{**_Q12, _OUTCOME: "impact"}, {k: "outcome" for k in _Q12}],
    misconceptions=[
        Misconception(lambda a: a[_IMPACT] == "outcome",
                      "Churn and the mix of customers are what the business gets: the team moves them only through what people "
                      "do, so they sit one step further along than an outcome.",
                      example={**_Q12, _IMPACT: "outcome"}),
    ],
)

_Q13 = _key_of(TEAMS, "type")
q13 = Question(
    module=MODULE, id="q13", points=1,
    prompt="For each team in TEAM_BRIEFS (id -> how the team is briefed), the kind of team it is: "
           "'delivery team', 'feature team' or 'empowered team'.",
    checker=Mapping(expected=_Q13, categories=list(TEAM_TYPES)),
    hints=[
        "Look at what the team is given (a list of features, finished tickets, or a problem) and what it is "
        "measured on (shipping, points, or an outcome).",
        "An empowered team decides what to build to solve a problem; a feature team designs and builds what it "
        "is handed; a delivery team only builds.",
    ],
    solution_text="# given features -> feature team; given tickets -> delivery team;\n"
                  "# given a problem and an outcome to answer for -> empowered team\n" + _literal("answer_q13", _Q13),
    answer=dict(_Q13),
    wrong=[{**_Q13, "T5": "empowered team"}, {**_Q13, "T3": "feature team"}],
    misconceptions=[
        Misconception(lambda a: a["T1"] == "empowered team",
                      "Designing the features well does not make a team empowered: the features were chosen for it.",
                      example={**_Q13, "T1": "empowered team"}),
    ],
)

_Q14 = _key_of(TRACK_WORK, "track")
_ROLLOUT = "Roll find cover out to 10 % of sites and watch the error rate"
q14 = Question(
    module=MODULE, id="q14", points=1,
    prompt="For each piece of the trio's work in TRACK_ITEMS, its track: 'discovery' or 'delivery'.",
    checker=Mapping(expected=_Q14, categories=list(TRACKS)),
    hints=[
        "Discovery answers 'is it worth building, and will it work?' as cheaply as possible; delivery builds and "
        "ships production software.",
        "A prototype or a fake door is not production software, even if it takes some code.",
    ],
    solution_text="# learning whether to build -> discovery; building and releasing it -> delivery\n"
                  + _literal("answer_q14", _Q14),
    answer=dict(_Q14),
    wrong=[{k: "discovery" for k in _Q14}, {**_Q14, _ROLLOUT: "discovery"}],
    misconceptions=[
        Misconception(lambda a: a[_ROLLOUT] == "discovery",
                      "A staged roll-out teaches you something, but it releases production software: it is "
                      "delivery, and what it shows feeds discovery.",
                      example={**_Q14, _ROLLOUT: "discovery"}),
    ],
)

_GOOD_PRFAQ = {
    "headline": "Shiftbrew's find cover fills a café's open shift in minutes, without the owner phoning round",
    "subheading": "When a barista calls in sick, café owners now cover the shift from their phone before the "
                  "doors open.",
    "summary": "From today, any Shiftbrew café can offer an open shift to every barista who is free, and the "
               "first to accept gets it.",
    "problem": "When a barista calls in sick at six in the morning, the owner phones staff one by one; it takes "
               "30 to 60 minutes, and often the owner works the shift herself.",
    "solution": "Find cover sends the open shift to the baristas who are free and within their weekly hours. "
                "The first to accept is put on the rota, and the owner is told who is coming.",
    "quote": "'Last Tuesday I covered a sick call before my first coffee,' says the owner of a two-site café.",
    "getting_started": "Open the rota, mark the shift as open, and press Find cover.",
    "customer_faq": "Does it cost extra? No, it is part of both plans. What if nobody accepts? The owner "
                    "sees that after 15 minutes and can phone as before.",
    "internal_faq": "What does it cost us? About 3 person-months of engineering, or 5 person-weeks for the "
                    "first release. What is the biggest risk? Baristas who turn alerts off: we test that "
                    "with a prototype first.",
}
#: A draft PR/FAQ for find cover with slips in it: q15 asks which rules of the rubric (PRFAQ_RUBRIC) it breaks.
FLAWED_PRFAQ = {
    "headline": "Find cover helps café owners fill an open shift without phoning round",
    "subheading": "Owners of Shiftbrew cafés can now cover a sick call from their phone.",
    "summary": "This sprint we shipped the find cover MVP, the top item on our backlog.",
    "problem": "Café owners need a button in the app that finds cover for a shift.",
    "solution": "Find cover sends the open shift to the baristas who are free, and the first to accept gets it.",
    "quote": "'I covered a sick call before my first coffee,' says the owner of a two-site café.",
    "getting_started": "Open the rota, mark the shift as open, and press Find cover.",
    "customer_faq": "Does it cost extra? No, it is part of both plans. What if nobody accepts? The owner sees "
                    "that after 15 minutes and can phone as before.",
    "internal_faq": "Is it hard to build? Not really. Will baristas like it? We think so.",
}
#: The rubric's rules, by name, in the order the lesson gives them.
PRFAQ_RUBRIC = [name for name, _ in PRFAQ_RULES]
_JARGON_RULE, _PROBLEM_RULE, _FAQS_RULE, _HARD_RULE = (
    "in the customer's words, no jargon", "the problem before the solution", "questions in both FAQs",
    "the internal FAQ faces cost and risk")
#: The key, written out by reading the draft (tests/test_role.py checks that check_prfaq agrees with it): 'MVP',
#: 'sprint' and 'backlog' are team words; the problem asks for a button in the app; the internal FAQ asks two
#: questions but puts no number on cost or risk. The headline names café owners, every section is filled, and
#: both FAQs ask two questions.
_Q15 = {_JARGON_RULE, _PROBLEM_RULE, _HARD_RULE}


def _names(answer: Any) -> set[str]:
    return {" ".join(str(x).split()).casefold() for x in answer}


q15 = Question(
    module=MODULE, id="q15", points=2,
    prompt="FLAWED_PRFAQ is a draft PR/FAQ for find cover. Which rules of the lesson's PR/FAQ rubric does it break? "
           "Give the set of their names, as PRFAQ_RUBRIC spells them.",
    checker=SetOf(expected=_Q15),
    hints=[
        "Read the draft section by section against each rule: who benefits, the customer's words, the pain before "
        "the product, two questions in each FAQ, and a number on cost or risk in the internal one.",
        "Three rules are broken. An FAQ can ask two questions and still dodge the hard ones.",
    ],
    solution_text="# team words (MVP, sprint, backlog); a button in the problem paragraph;\n"
                  "# an internal FAQ with two questions but no number on cost or risk\n"
                  + "answer_q15 = {\n" + "".join(f"    {r!r},\n" for r in PRFAQ_RUBRIC if r in _Q15) + "}",
    answer=set(_Q15),
    wrong=[{_JARGON_RULE, _PROBLEM_RULE}, {_JARGON_RULE, _PROBLEM_RULE, _FAQS_RULE},
           {_JARGON_RULE, _HARD_RULE}, set(PRFAQ_RUBRIC)],
    misconceptions=[
        Misconception(lambda a: _FAQS_RULE.casefold() in _names(a),
                      "Both FAQs do ask two questions, each with its answer: what the internal one lacks is a number "
                      "on what it costs or what could go wrong.", example={*_Q15, _FAQS_RULE}),
        Misconception(lambda a: _PROBLEM_RULE.casefold() not in _names(a),
                      "The problem paragraph asks for 'a button in the app': that is a solution. The problem is the "
                      "owner's pain today (phoning staff one by one at six in the morning).",
                      example={_JARGON_RULE, _HARD_RULE}),
    ],
)


def _release_rule(name: str) -> Rule:
    def test(release: Any) -> str | None:
        try:
            return check_release(release, FIRST_RELEASE_WEEKS)[name]
        except (ValueError, TypeError) as exc:
            return str(exc)
    return Rule(name, test)


_RELEASE_RULE_NAMES = list(check_release([], FIRST_RELEASE_WEEKS))
_Q16 = ["M1", "M3", "M6", "M7", "M9"]
q16 = Question(
    module=MODULE, id="q16", points=2,
    prompt=f"The first release of find cover's story map (STORY_MAP): a list of story ids that works end to end "
           f"(a story under every activity), fits {FIRST_RELEASE_WEEKS:g} person-weeks, and takes each activity's "
           "stories from the top.",
    checker=Rubric(shape=list[str], rules=[_release_rule(n) for n in _RELEASE_RULE_NAMES]),
    hints=[
        "A first release is a thin slice across the whole backbone, not the whole of one column: start with the "
        "top story of every activity (the walking skeleton).",
        "The top row costs 4 person-weeks; with what is left, add only stories that sit directly under one "
        "already taken. check_release(ids) names the rule that fails.",
    ],
    solution_text="# the walking skeleton (top story of each activity, 4 person-weeks), then the cheapest next\n"
                  "# story under one of them that still fits the 5 person-weeks\n"
                  f"answer_q16 = {_Q16!r}",
    answer=list(_Q16),
    wrong=[["M1", "M2", "M3", "M4"], ["M1", "M3", "M6", "M9", "M4"], ["M1", "M3", "M6", "M8", "M9"]],
    misconceptions=[
        Misconception(lambda r: check_release(r)["end to end: a story under every activity"] is not None,
                      "Building one activity completely first gives the owner nothing usable: a release should "
                      "let someone do the whole job, however simply.",
                      example=["M1", "M2", "M3", "M4"]),
    ],
)

_Q17 = _key_of(SPLITS, "pattern")
q17 = Question(
    module=MODULE, id="q17", points=1,
    prompt="For each split of the big find-cover story in SPLIT_EXAMPLES (id -> how it was split), the pattern "
           "it uses from Lawrence's list SPLIT_PATTERNS.",
    checker=Mapping(expected=_Q17, categories=list(SPLIT_PATTERNS)),
    hints=[
        "Ask what varies between the first story and the later ones: the steps, a rule, a channel, speed, "
        "how much is known, or how hard the case is.",
        "A time-boxed investigation before estimating is a spike; doing it fast for big chains later defers "
        "performance.",
    ],
    solution_text="# steps of the owner's workflow; simple rule then stricter; another channel; fast later;\n"
                  "# investigate first; one shift before a run of shifts\n" + _literal("answer_q17", _Q17),
    answer=dict(_Q17),
    wrong=[{**_Q17, "P3": "variations in data"}, {**_Q17, "P2": "simple/complex", "P6": "business rule variations"}],
    misconceptions=[
        Misconception(lambda a: a["P5"] == "major effort",
                      "The story is not big, it is uncertain: the pattern for what you cannot yet estimate is a "
                      "time-boxed investigation.", example={**_Q17, "P5": "major effort"}),
    ],
)

_Q18 = _key_of(PMM_TASKS, "role")
_POSITIONING = "Write the positioning and the messages for find cover's launch"
q18 = Question(
    module=MODULE, id="q18", points=1,
    prompt="For each task in MARKETING_TASKS, who leads it: 'product manager' or 'product marketing'.",
    checker=AliasMapping(expected=_Q18, categories=list(PMM_ROLES),
                         aliases={"PM": "product manager", "PMM": "product marketing",
                                  "product marketing manager": "product marketing"}),
    hints=[
        "The product manager decides what to build and whether it worked; product marketing decides how the "
        "product is told to the market and helps sales sell it.",
        "Positioning, messages, sales training and battlecards face the market; scope and success metrics "
        "face the product.",
    ],
    solution_text="# what to build, its scope and its metric -> product manager;\n"
                  "# positioning, messages, sales enablement, competitive battlecards -> product marketing\n"
                  + _literal("answer_q18", _Q18),
    answer=dict(_Q18),
    wrong=[{k: "product manager" for k in _Q18}, {**_Q18, _POSITIONING: "product manager"}],
    misconceptions=[
        Misconception(lambda a: a[_POSITIONING] == "product manager",
                      "The PM feeds positioning with what customers need, but crafting how the product is told to "
                      "the market is product marketing's lead.", example={**_Q18, _POSITIONING: "product manager"}),
    ],
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13, q14, q15, q16, q17, q18]

# ---------------------------------------------------------------- w1 written: the first PM's remit

w1 = WrittenAnswer(
    module=MODULE, id="w1", points=4,
    prompt="Write a note (150 to 300 words) to Shiftbrew's founders on what their first (and so far only) "
           "product manager should own and what they should not own, and why.",
    rules=[
        mentions("says what the PM owns", ["discovery", "problem", "outcome", "strategy", "success metric",
                                           "customers", "roadmap"],
                 "Name what the PM owns: the problems, outcomes, discovery with customers.", at_least=2),
        mentions("says what the PM does not own", ["not own", "should not", "won't", "will not", "does not own",
                                                   "not the"],
                 "Say plainly what the PM should not own (e.g. dates and budgets, technical design, people)."),
        mentions("places the product owner and project work", ["product owner", "backlog", "project manager",
                                                              "schedule", "timeline"],
                 "Say who orders the backlog and who runs schedules, or that one person holds both, and why."),
        mentions("ties it to Shiftbrew", ["churn", "chains", "Group", "Solo", "café", "cafés", "rota"],
                 "Tie the remit to Shiftbrew's goals or customers."),
        length(min_words=150, max_words=300),
    ],
    model_answer=(
        "To the founders, on the remit of our first product manager.\n\n"
        "What the PM should own: the problems we choose to solve and the outcomes we measure. In practice that "
        "means discovery with café owners, chain managers and baristas every week; the product strategy and "
        "roadmap, tied to our goals of cutting churn and winning small chains; the success metric of every "
        "feature before it is built; and the value and viability risks, tested with the designer and the tech "
        "lead before the team commits.\n\n"
        "What the PM should not own: the technical design, which belongs to the engineers; the schedule and "
        "budgets of projects such as the payroll integration, which a delivery or project lead should run; and "
        "line management of the team. Our PM leads by evidence and influence, not by authority over people.\n\n"
        "The product owner question: in Scrum the product owner orders the Product Backlog. With a single "
        "engineering team, I suggest our first PM also acts as product owner, and says so openly, so one "
        "person answers for the backlog's order. The risk is the backlog-administrator trap: to avoid it, the "
        "PM keeps at least a fifth of the week for customers, and the developers own the Sprint Backlog and how "
        "the work is done. If we grow to a second team, we split the roles.\n\n"
        "How we will know it works: within a quarter, every item in a sprint traces to a goal, and the PM can "
        "name the last five customers they spoke to."
    ),
    mark_scheme=[
        "1 point: owns the problems, outcomes and discovery (customers, strategy, success metrics), "
        "tied to Shiftbrew's goals or users.",
        "1 point: says clearly what the PM does not own (technical design, schedules and budgets, people "
        "management) and why.",
        "1 point: places the product owner accountability (orders the Product Backlog) and project work, "
        "including the option that one person holds PM and PO, with the risk that brings.",
        "1 point: clear and brief for founders: a recommendation, not a list of duties; within the length.",
    ],
)

WRITTEN = [w1]
