"""Auto-graded questions for module 05, Collaboration and stakeholders.

Cheap to import: pure logic and the case study data only (no widgets).
Reference answers are computed once, here, from the module's own logic.
"""

from __future__ import annotations

from ..core import Case, Choice, Function, Mapping, Misconception, Question, Rubric, Rule, SetOf, WidgetState
from ..core.written import WrittenAnswer, length, mentions
from ..data import load
from ..scenario import play_rules, reading
from .scenario import SPEC, play_scenario
from .stakeholders import (
    EXTERNAL_ENGAGEMENT,
    QUADRANTS,
    accountable,
    communication_plan,
    external_plan,
    stakeholder_quadrant,
    validate_daci,
    validate_raci,
)

__all__ = [
    "QUESTIONS", "BROKEN_RACI", "RACI_ROLES", "ROLE_TASK_LIST", "DACI_DECISION", "DACI_ROLES", "SCENARIO_SEED",
    "STATEMENT_LIST", "SAY_NO", "FREQUENCIES",
    "q1", "q2", "q3", "q5", "q6", "q7", "q8", "q12", "q4", "q11", "q10", "q9", "WRITTEN", "w1",
    "EXTERNAL", "q13", "q14",
]

MODULE = "05_collaboration"
STAKEHOLDERS = load("stakeholders")
BY_ID = {s["id"]: s for s in STAKEHOLDERS}
PLAN = communication_plan(STAKEHOLDERS)
FREQUENCIES = ("weekly", "every two weeks", "monthly", "quarterly")


def _quadrant(key: str) -> str:
    return stakeholder_quadrant(BY_ID[key]["power"], BY_ID[key]["interest"])


# ---------------------------------------------------------------- q1: one stakeholder, on the boundary

q1 = Question(
    module=MODULE, id="q1", points=1,
    prompt="The quadrant of the operations director of the 14-site chain (the prospect, id 'key_customer'), "
           "with the default threshold of 5.",
    checker=Choice(expected=_quadrant("key_customer"), options=list(QUADRANTS)),
    hints=[
        "Look the prospect up in load('stakeholders'): power 5, interest 9.",
        "A score is high only when it is strictly above the threshold: is 5 above 5?",
    ],
    solution_text=("# The prospect's scores are power 5, interest 9. High means strictly above the threshold (5):\n"
                   '# interest is high, power is not, so the quadrant is the one for low power and high interest.\n'
                   'answer_q1 = stakeholder_quadrant(people["key_customer"]["power"], people["key_customer"]["interest"])'),
    answer=_quadrant("key_customer"),
    wrong=["manage closely", "monitor"],
    misconceptions=[
        Misconception("manage closely", "Power 5 sits exactly on the threshold; this course counts it as low."),
        Misconception("keep satisfied", "Power and interest swapped? Interest is the high score here."),
        Misconception("monitor", "Interest 9 is about as high as it gets: this prospect cares a lot."),
    ],
)

# ---------------------------------------------------------------- q2: place six stakeholders

Q2_IDS = ["finance", "investor", "legal", "eng_lead", "support_lead", "barista_council"]
q2 = Question(
    module=MODULE, id="q2", points=1,
    prompt="Place six stakeholders in their quadrant (a dict id -> quadrant): " + ", ".join(Q2_IDS) + ".",
    checker=Mapping(
        expected={k: _quadrant(k) for k in Q2_IDS},
        categories=list(QUADRANTS),
        item_hints={
            "investor": "The lead investor: high power (a board seat), but how often do they think about rota features?",
            "eng_lead": "The engineering lead's power is 6: compare it with the threshold, not with the CTO's.",
            "barista_council": "The barista group cares (interest 6) but has little power (2).",
            "finance": "The finance manager: power 6, interest 3. Which axis is high?",
        },
    ),
    hints=[
        "Use stakeholder_quadrant(power, interest) for each; the scores are in load('stakeholders').",
        "High means strictly above 5. Power is the vertical axis (can they change or block it?), "
        "interest the horizontal one.",
    ],
    solution_text=('# For each stakeholder: power (can they change or block it?) and interest (how much they care),\n'
                   '# each high only when strictly above 5; stakeholder_quadrant reads both.\n'
                   'answer_q2 = {k: stakeholder_quadrant(people[k]["power"], people[k]["interest"])\n'
                   '             for k in ["finance", "investor", "legal", "eng_lead", "support_lead", "barista_council"]}'),
    answer={k: _quadrant(k) for k in Q2_IDS},
    wrong=[{k: ("keep informed" if _quadrant(k) == "keep satisfied" else _quadrant(k)) for k in Q2_IDS},
           {k: "manage closely" for k in Q2_IDS}],
    misconceptions=[Misconception(lambda a: a.get("investor") == "keep informed" and a.get("finance") == "keep informed",
                                  "Power and interest may be swapped: power is what they can do, interest how much they care.",
                                  example={k: ("keep informed" if _quadrant(k) == "keep satisfied" else _quadrant(k))
                                           for k in Q2_IDS})],
)

# ---------------------------------------------------------------- q3: who do you manage closely?

MANAGE_CLOSELY = sorted(k for k, p in PLAN.items() if p["quadrant"] == "manage closely")
q3 = Question(
    module=MODULE, id="q3", points=1,
    prompt="The ids of every case-study stakeholder you manage closely (a set or list of ids).",
    checker=SetOf(expected=MANAGE_CLOSELY),
    hints=[
        "Manage closely = high power and high interest: both strictly above 5.",
        "communication_plan(load('stakeholders')) gives every stakeholder's quadrant; keep those in 'manage closely'.",
    ],
    solution_text=('# Manage closely = high power and high interest, both strictly above 5.\n'
                   'plan = communication_plan(stakeholders)\n'
                   'answer_q3 = {k for k, p in plan.items() if p["quadrant"] == "manage closely"}'),
    answer=set(MANAGE_CLOSELY),
    wrong=[set(MANAGE_CLOSELY) | {"designer", "key_customer"}, set(MANAGE_CLOSELY) - {"eng_lead"}],
    misconceptions=[
        Misconception(lambda a: "designer" in a or "key_customer" in a,
                      "A power of exactly 5 is not high on this course's rule (strictly above the threshold).",
                      example=set(MANAGE_CLOSELY) | {"designer", "key_customer"}),
        Misconception(lambda a: "eng_lead" not in a and set(a) < set(MANAGE_CLOSELY),
                      "The engineering lead is in the product trio with you, and on the grid too: power 6 and "
                      "interest 9 are both above 5.",
                      example=set(MANAGE_CLOSELY) - {"eng_lead"}),
    ],
)

# ---------------------------------------------------------------- q5, q6, q9: the launch RACI

RACI_ROLES = ["Product manager", "Engineering lead", "Engineers", "Designer", "Marketing manager", "Support lead", "CEO"]
BROKEN_RACI: dict[str, dict[str, str]] = {
    "Decide what ships in the swap launch": {
        "Product manager": "A", "CEO": "A", "Engineering lead": "C", "Designer": "C"},
    "Build and test shift swaps": {
        "Engineering lead": "A", "Designer": "C", "Product manager": "C"},
    "Launch campaign": {
        "Marketing manager": "R", "Product manager": "C", "CEO": "I"},
    "Support briefing and help articles": {
        "Support lead": "A/R", "Product manager": "C", "Engineers": "FYI"},
    "Release notes": {
        "Product manager": "A", "Support lead": "R", "Marketing manager": "C", "Engineers": "C"},
}
FIXED_RACI: dict[str, dict[str, str]] = {
    "Decide what ships in the swap launch": {
        "Product manager": "A/R", "CEO": "I", "Engineering lead": "C", "Designer": "C"},
    "Build and test shift swaps": {
        "Engineering lead": "A", "Engineers": "R", "Designer": "C", "Product manager": "C"},
    "Launch campaign": {
        "Marketing manager": "A/R", "Product manager": "C", "CEO": "I"},
    "Support briefing and help articles": {
        "Support lead": "A/R", "Product manager": "C", "Engineers": "C"},
    "Release notes": {
        "Product manager": "A", "Support lead": "R", "Marketing manager": "C", "Engineers": "C"},
}
BROKEN_TASKS = sorted({t for t in BROKEN_RACI for p in validate_raci(BROKEN_RACI) if p.startswith(repr(t) + ":")})

q5 = Question(
    module=MODULE, id="q5", points=1,
    prompt="Which tasks of BROKEN_RACI (the swap launch) break a RACI rule? A set of task names.",
    checker=SetOf(expected=BROKEN_TASKS),
    hints=[
        "Check each task for exactly one A, at least one R, and only R, A, C, I (or the words they stand for).",
        "validate_raci(BROKEN_RACI) lists every problem; each starts with the task's name.",
    ],
    solution_text=('# Each task needs exactly one A, at least one R, and only R, A, C or I in its cells;\n'
                   "# validate_raci lists every problem, each starting with its task's name.\n"
                   'problems = validate_raci(BROKEN_RACI)\n'
                   'answer_q5 = {task for task in BROKEN_RACI if any(p.startswith(repr(task) + ":") for p in problems)}'),
    answer=set(BROKEN_TASKS),
    wrong=[set(BROKEN_TASKS) - {"Support briefing and help articles"}, set(BROKEN_RACI)],
    misconceptions=[
        Misconception(lambda a: "Support briefing and help articles" not in a,
                      "A cell must hold a RACI letter (or its word): 'FYI' is none of R, A, C or I, so it breaks "
                      "the matrix too.",
                      example=set(BROKEN_TASKS) - {"Support briefing and help articles"}),
        Misconception(lambda a: "Release notes" in a,
                      "A task with one A, one R and some C's is valid, even when the A is not the one doing the work.",
                      example=set(BROKEN_TASKS) | {"Release notes"}),
    ],
)


def _raci_valid(a: dict) -> str | None:
    problems = validate_raci(a)
    if problems:
        return f"validate_raci still finds {len(problems)} problem(s), e.g. {problems[0]}"
    return None


def _same_tasks(a: dict) -> str | None:
    missing = [t for t in BROKEN_RACI if t not in a]
    extra = [t for t in a if t not in BROKEN_RACI]
    if missing or extra:
        return ("keep the same five tasks: fix the letters, do not drop or rename tasks"
                + (f"; missing {', '.join(map(repr, missing))}" if missing else "")
                + (f"; not in the matrix {', '.join(map(repr, extra))}" if extra else ""))
    return None


def _known_roles(a: dict) -> str | None:
    unknown = sorted({r for row in a.values() if type(row) is dict for r in row if r not in RACI_ROLES})
    return f"use the roles of the matrix; unknown: {', '.join(map(repr, unknown))}" if unknown else None


def _owner(task: str, role: str, why: str):
    def test(a: dict) -> str | None:
        if task in a and accountable(a).get(task) != role:
            return why
        return None
    return test


def _engineers_build(a: dict) -> str | None:
    row = a.get("Build and test shift swaps", {})
    if type(row) is dict and "R" not in str(row.get("Engineers", "")).upper():
        return "the engineers do the building and testing: their cell on that task needs an R"
    return None


def _ceo_informed(a: dict) -> str | None:
    cell = a.get("Decide what ships in the swap launch", {}).get("CEO", "")
    if "A" in cell.upper() or "R" in cell.upper():
        return "the CEO asked only to hear what ships, not to own or do it"
    return None


RACI_RULES = [
    Rule("valid", lambda a: _raci_valid(a) if type(a) is dict else "give a dict of task -> {role: letter}"),
    Rule("same tasks", _same_tasks),
    Rule("roles", _known_roles),
    Rule("scope owner", _owner("Decide what ships in the swap launch", "Product manager",
                               "the product manager owns what ships, so one A on that task, and it is theirs")),
    Rule("CEO", _ceo_informed),
    Rule("build owner", _owner("Build and test shift swaps", "Engineering lead",
                               "the engineering lead owns the build: the A on that task is theirs")),
    Rule("builders", _engineers_build),
    Rule("campaign owner", _owner("Launch campaign", "Marketing manager",
                                  "the marketing manager owns the campaign as well as running it")),
]

q6 = Question(
    module=MODULE, id="q6", points=2,
    prompt="Fix BROKEN_RACI so that validate_raci finds no problem, keeping its tasks and roles and following "
           "the team's agreements below (a dict task -> {role: letter}; editor.value from the RACI editor works).",
    checker=Rubric(rules=RACI_RULES, shape=dict[str, dict[str, str]]),
    hints=[
        "Start from validate_raci(BROKEN_RACI): it names each problem and its task.",
        "One owner per task: the product manager owns the scope, the engineering lead the build, the marketing "
        "manager the campaign. Someone who owns and also does the work gets 'A/R'. 'FYI' is not a RACI letter.",
    ],
    solution_text=('# Fix each task in turn: one A (the owner the team agreed), at least one R (who does the work),\n'
                   "# 'A/R' when the owner also does it, 'I' for the CEO on the scope and for 'FYI'.\n"
                   'answer_q6 = {\n'
                   '    "Decide what ships in the swap launch": {\n'
                   '        "Product manager": "A/R", "CEO": "I", "Engineering lead": "C", "Designer": "C"},\n'
                   '    "Build and test shift swaps": {\n'
                   '        "Engineering lead": "A", "Engineers": "R", "Designer": "C", "Product manager": "C"},\n'
                   '    "Launch campaign": {\n'
                   '        "Marketing manager": "A/R", "Product manager": "C", "CEO": "I"},\n'
                   '    "Support briefing and help articles": {\n'
                   '        "Support lead": "A/R", "Product manager": "C", "Engineers": "C"},\n'
                   '    "Release notes": {\n'
                   '        "Product manager": "A", "Support lead": "R", "Marketing manager": "C", "Engineers": "C"},\n'
                   '}'),
    answer=FIXED_RACI,
    wrong=[
        BROKEN_RACI,
        {**FIXED_RACI, "Decide what ships in the swap launch": {
            "Product manager": "R", "CEO": "A", "Engineering lead": "C", "Designer": "C"}},
        {t: row for t, row in FIXED_RACI.items() if t != "Launch campaign"},
    ],
    misconceptions=[Misconception(
        lambda a: any(validate_raci({t: r}) for t, r in a.items() if type(r) is dict),
        "Each task needs exactly one A and at least one R; one role can hold both, written 'A/R'.",
        example=BROKEN_RACI)],
)

# ---------------------------------------------------------------- q7: who owns which task

ROLES3 = ["product manager", "product owner", "project manager"]
ROLE_TASKS = {
    "Decide which customer problem the team tackles next quarter, and explain why": "product manager",
    "Write acceptance criteria and order the product backlog": "product owner",
    "Track the launch schedule, dependencies and who is free when": "project manager",
    "Present the product strategy and its evidence to the board": "product manager",
    "Answer the developers' questions about a story in the middle of the sprint": "product owner",
    "Keep the budget and the risk log of the database migration": "project manager",
}
ROLE_TASK_LIST = list(ROLE_TASKS)  # the tasks, without their answers
q7 = Question(
    module=MODULE, id="q7", points=1,
    prompt="Which role usually owns each task: 'product manager', 'product owner' or 'project manager'? "
           "(a dict task -> role for the six tasks of ROLE_TASK_LIST)",
    checker=Mapping(
        expected=ROLE_TASKS, categories=ROLES3,
        item_hints={
            "Present the product strategy and its evidence to the board": "Strategy, the why and the what: whose job is that?",
            "Answer the developers' questions about a story in the middle of the sprint":
                "Day-to-day work with the team on the backlog belongs to one of the three roles in Scrum.",
            "Keep the budget and the risk log of the database migration": "Schedule, scope and resources.",
        },
    ),
    hints=[
        "Product manager: strategy, the why and the what. Product owner: the product backlog and day-to-day "
        "work with the team (an accountability in Scrum, 2020; the Developers own the sprint backlog). "
        "Project manager: schedule, scope and resources.",
        "Ask of each task: is it about why and what (strategy), about the backlog with the team this sprint, "
        "or about when and with whom?",
    ],
    solution_text=("# Why and what (strategy, the board): product manager. The product backlog and the team's\n"
                   '# questions during the sprint: product owner. Schedule, budget, risks: project manager.\n'
                   'answer_q7 = {\n'
                   '    "Decide which customer problem the team tackles next quarter, and explain why": "product manager",\n'
                   '    "Write acceptance criteria and order the product backlog": "product owner",\n'
                   '    "Track the launch schedule, dependencies and who is free when": "project manager",\n'
                   '    "Present the product strategy and its evidence to the board": "product manager",\n'
                   '    "Answer the developers\' questions about a story in the middle of the sprint": "product owner",\n'
                   '    "Keep the budget and the risk log of the database migration": "project manager",\n'
                   '}'),
    answer=dict(ROLE_TASKS),
    wrong=[{t: "product manager" for t in ROLE_TASKS},
           {t: ("product owner" if r == "product manager" else "product manager" if r == "product owner" else r)
            for t, r in ROLE_TASKS.items()}],
    misconceptions=[Misconception(lambda a: all(v == "product manager" for v in a.values()),
                                  "In a small company one person may wear all three hats, but the tasks still "
                                  "belong to different roles.", example={t: "product manager" for t in ROLE_TASKS})],
)

# ---------------------------------------------------------------- q8: a DACI for a decision

DACI_DECISION = "Build the custom report (B31) for the 14-site prospect before the swap launch?"
DACI_ROLES = ["Product manager", "CEO", "Head of Sales", "Engineering lead", "Support lead", "Marketing manager"]
DACI_ANSWER = {"Product manager": "D", "CEO": "A", "Head of Sales": "C", "Engineering lead": "C",
               "Support lead": "I", "Marketing manager": "I"}


def _daci_valid(a: dict) -> str | None:
    problems = validate_daci({DACI_DECISION: a}, single_driver=True)
    return f"validate_daci finds {len(problems)} problem(s), e.g. {problems[0]}" if problems else None


def _daci_role(role: str, letter: str, why: str):
    return lambda a: None if a.get(role, "").strip().upper() == letter else why


DACI_RULES = [
    Rule("valid", _daci_valid),
    Rule("approver", _daci_role("CEO", "A", "Shiftbrew's rule makes a trade between a deal and a launch date one "
                                            "person's call: give that person the A")),
    Rule("driver", _daci_role("Product manager", "D", "someone has to run the decision: gather the facts, "
                                                       "set the deadline, get it made; the task says who")),
    Rule("contributors", lambda a: None if all(a.get(r, "").strip().upper() == "C" for r in ("Head of Sales", "Engineering lead"))
         else "the two roles that hold facts the decision needs (the deal; the cost to the launch) contribute"),
    Rule("informed", lambda a: None if all(a.get(r, "").strip().upper() == "I" for r in ("Support lead", "Marketing manager"))
         else "the roles that only need to know the result are informed, so the decision stays small and fast"),
]
q8 = Question(
    module=MODULE, id="q8", points=2,
    prompt=f"Write a DACI for the decision DACI_DECISION, {DACI_DECISION!r}: a dict role -> letter (D, A, C or I) for the six roles "
           "of DACI_ROLES.",
    checker=Rubric(rules=DACI_RULES, shape=dict[str, str], fields=DACI_ROLES),
    hints=[
        "DACI: Driver runs the decision, Approver makes the call (exactly one), Contributors give knowledge, "
        "Informed hear the result. One letter per role.",
        "Read the task again: who makes calls that trade a deal against a launch date, who runs such decisions, "
        "who holds the facts, who only needs the result?",
    ],
    solution_text=("# Approver: the CEO (a deal against a launch date is the CEO's call). Driver: the product manager,\n"
                   '# who runs the decision. Contributors: who holds the facts. Informed: who needs the result.\n'
                   'answer_q8 = {"Product manager": "D", "CEO": "A", "Head of Sales": "C", "Engineering lead": "C",\n'
                   '             "Support lead": "I", "Marketing manager": "I"}'),
    answer=dict(DACI_ANSWER),
    wrong=[{**DACI_ANSWER, "Head of Sales": "A"}, {**DACI_ANSWER, "Product manager": "A", "CEO": "C"},
           {**DACI_ANSWER, "Support lead": "C", "Marketing manager": "C"}],
    misconceptions=[Misconception(lambda a: a.get("Head of Sales", "").upper() == "A",
                                  "The person asking for the feature should not also approve it.",
                                  example={**DACI_ANSWER, "Head of Sales": "A"})],
)

# ---------------------------------------------------------------- q12: the scenario, through the widget

SCENARIO_SEED = 2026
SCENARIO_ANSWER = play_scenario(["b", "a"], seed=SCENARIO_SEED)


SCENARIO_RULES = [
    *play_rules(SPEC, SCENARIO_SEED),
    Rule("launch", lambda v: None if reading(v, "outcome", "launch") == "on time"
         else "the swap launch must ship on time: every other customer is waiting for it"),
    Rule("trust", lambda v: None if reading(v, "outcome", "verdict") == "strong"
         else "end with every relationship at 5 or more (verdict 'strong')"),
    Rule("deal", lambda v: None if reading(v, "outcome", "deal") == "signed"
         else "with this seed there is a way to keep the launch, keep everyone's trust and get the deal signed"),
]
q12 = Question(
    module=MODULE, id="q12", points=2,
    prompt=f"Play the scenario with seed {SCENARIO_SEED} (SCENARIO_SEED) to an ending with the verdict 'strong' "
           "(the launch on time, every relationship at 5 or more) and the deal signed; pass the scenario widget itself.",
    checker=WidgetState(inner=Rubric(rules=SCENARIO_RULES, shape=dict[str, None],
                                     fields=("seed", "choices", "finished", "outcome"))),
    hints=[
        "Before deciding, find out what the Head of Sales and the prospect actually need, and by when.",
        "Options that protect the launch and offer the prospect something real, now, keep trust; options "
        "that push the cost onto the team or answer with a rule lose it.",
    ],
    solution_text="# First find out what the prospect needs and by when; then protect the launch while offering\n"
                  "# the prospect something real now. That keeps every relationship and gets the deal.\n"
                  f"scenario.reset(seed={SCENARIO_SEED}); scenario.play(['b', 'a'])\nanswer_q12 = scenario",
    answer=SCENARIO_ANSWER,
    wrong=[
        play_scenario(["a", "a"], seed=SCENARIO_SEED),
        play_scenario(["b"], seed=SCENARIO_SEED),
        play_scenario(["b", "a"], seed=SCENARIO_SEED + 1) if play_scenario(["b", "a"], seed=SCENARIO_SEED + 1)
        != SCENARIO_ANSWER else play_scenario(["c", "b"], seed=SCENARIO_SEED),
        {**SCENARIO_ANSWER, "choices": ["a", "a"]},
    ],
)

# ---------------------------------------------------------------- q4: a communication plan detail

q4 = Question(
    module=MODULE, id="q4", points=1,
    prompt="How often does communication_plan update the Support lead ('support_lead')?",
    checker=Choice(expected=PLAN["support_lead"]["frequency"], options=list(FREQUENCIES)),
    hints=[
        "Find the support lead's quadrant first: power 3, interest 8.",
        "Each quadrant has its own rhythm in PLAN_BY_QUADRANT; communication_plan(load('stakeholders')) "
        "gives it for everyone.",
    ],
    solution_text=("# The support lead: power 3, interest 8, so low power and high interest; that quadrant's\n"
                   '# rhythm is in PLAN_BY_QUADRANT, and communication_plan applies it.\n'
                   'answer_q4 = communication_plan(stakeholders)["support_lead"]["frequency"]'),
    answer=PLAN["support_lead"]["frequency"],
    wrong=[f for f in FREQUENCIES if f != PLAN["support_lead"]["frequency"]][:2],
    misconceptions=[Misconception("quarterly", "Low power is not low interest: the support lead cares a lot "
                                               "and meets every launch's consequences.")],
)

# ---------------------------------------------------------------- q11: problems, not features

KINDS = ["problem to solve", "feature to build"]
STATEMENTS = {
    "Cut the time an owner spends on next week's rota from three hours to under one": "problem to solve",
    "Add an auto-fill button to the rota screen": "feature to build",
    "Fewer shifts go uncovered when someone calls in sick": "problem to solve",
    "Build push notifications for shift changes": "feature to build",
    "Chain managers stop overspending their weekly labour budget": "problem to solve",
    "Ship a custom report for the 14-site prospect": "feature to build",
}
STATEMENT_LIST = list(STATEMENTS)  # the statements, without their answers
q11 = Question(
    module=MODULE, id="q11", points=1,
    prompt="Empowered teams are given problems to solve, not features to build. Classify each statement of "
           "STATEMENT_LIST as 'problem to solve' or 'feature to build' (a dict statement -> kind).",
    checker=Mapping(
        expected=STATEMENTS, categories=KINDS,
        item_hints={
            "Add an auto-fill button to the rota screen": "A button is a solution: which problem would it solve?",
            "Fewer shifts go uncovered when someone calls in sick": "Does this say how? Many solutions could get there.",
            "Chain managers stop overspending their weekly labour budget": "An outcome for a customer, with the how left open.",
            "Ship a custom report for the 14-site prospect": "The request already names the thing to build.",
        },
    ),
    hints=[
        "A problem to solve names an outcome for a customer or the business and leaves the solution open.",
        "Does the statement say what to build (a button, a notification, a report)? Then the solution is "
        "already decided.",
    ],
    solution_text=('# A problem names an outcome and leaves the how open; a feature already names what to build.\n'
                   'answer_q11 = {\n'
                   '    "Cut the time an owner spends on next week\'s rota from three hours to under one": "problem to solve",\n'
                   '    "Add an auto-fill button to the rota screen": "feature to build",\n'
                   '    "Fewer shifts go uncovered when someone calls in sick": "problem to solve",\n'
                   '    "Build push notifications for shift changes": "feature to build",\n'
                   '    "Chain managers stop overspending their weekly labour budget": "problem to solve",\n'
                   '    "Ship a custom report for the 14-site prospect": "feature to build",\n'
                   '}'),
    answer=dict(STATEMENTS),
    wrong=[{s: "problem to solve" for s in STATEMENTS}, {s: "feature to build" for s in STATEMENTS}],
)

# ---------------------------------------------------------------- q10: saying no

SAY_NO = {
    "a": "\"No. B31 is a Won't on the roadmap.\"",
    "b": "\"Sure, we'll squeeze it in before the launch.\"",
    "c": "\"I'll recommend to the CEO, who makes this call, that we don't build it before the launch, and here "
         "is why: the swap launch is promised to every customer and the campaign is booked. What the prospect "
         "needs is to compare labour cost across sites; we can give them a weekly multi-site export this week, "
         "and multi-site reporting is in discovery next quarter. Can we call them together?\"",
    "d": "\"Let me ask the CEO and get back to you.\"",
}
q10 = Question(
    module=MODULE, id="q10", points=1,
    prompt="Which reply to the Head of Sales says no well? One letter of SAY_NO.",
    checker=Choice(expected="c", options=list(SAY_NO)),
    hints=[
        "A good no explains the reason, acknowledges the need behind the request, and offers a way forward.",
        "A rule is not a reason; a yes you cannot keep is worse than a no. The CEO approves this trade (the "
        "module's DACI), so the driver brings the CEO a recommendation, not the bare question.",
    ],
    solution_text=('# The CEO approves this trade (the DACI of Q8); the product manager drives it. A good reply\n'
                   '# gives the recommendation and the reason, the need behind the request, an alternative and a next step.\n'
                   'answer_q10 = "c"'),
    answer="c",
    wrong=["a", "b", "d"],
    misconceptions=[
        Misconception("a", "A rule without the story behind it sounds like a brush-off and invites escalation."),
        Misconception("d", "Involving the CEO is right, since the CEO approves this trade, but as the driver you "
                           "bring a recommendation with reasons and an alternative; this reply gives the Head of "
                           "Sales none of them and leaves the prospect waiting."),
        Misconception("b", "A yes costs the launch and the team; it is still a choice, just an implicit one."),
    ],
)

# ---------------------------------------------------------------- q9: write a function


def _reference_owner(matrix: dict) -> dict:
    return accountable(matrix)


OWNER_INPUTS = [
    Case((BROKEN_RACI,), "the launch RACI as drafted (one task with two A's)"),
    Case((FIXED_RACI,), "the fixed launch RACI (cells such as 'A/R')"),
    Case(({"Pricing page": {"PM": "a", "Marketing": "R"}},), "a matrix with a lower-case 'a'"),
    Case(({"Plan": {"PM": "R", "Eng": "C"}, "Ship": {"PM": "A/R", "Eng": "R"}},), "a task with no A at all"),
]
def _owner_answer(matrix):
    result = {}
    for task, roles in matrix.items():
        owners = [role for role, cell in roles.items() if "A" in cell.upper()]
        result[task] = owners[0] if len(owners) == 1 else None
    return result


def _owner_first_a(matrix):  # wrong: takes the first A even when there are two
    result = {}
    for task, roles in matrix.items():
        owners = [role for role, cell in roles.items() if "A" in cell.upper()]
        result[task] = owners[0] if owners else None
    return result


def _owner_exact(matrix):  # wrong: misses 'A/R' and lower case
    return {task: next((r for r, c in roles.items() if c == "A"), None) for task, roles in matrix.items()}


q9 = Question(
    module=MODULE, id="q9", points=2,
    prompt="Write owner(matrix): for each task of a RACI matrix, the one role holding an A, or None when the "
           "task has no A or more than one. A cell may hold several letters ('A/R') and lower case ('a').",
    checker=Function(reference=_reference_owner, inputs=OWNER_INPUTS, returns=None),  # a dict of task -> role or None
    hints=[
        "Loop over the tasks; for each, collect the roles whose cell contains the letter A once upper-cased.",
        "Keep the role when exactly one was collected; otherwise store None.",
    ],
    solution_text=("# For each task, collect every role whose cell holds an A (upper-cased, so 'a' and 'A/R' count);\n"
                   '# exactly one such role is the owner, none or several means no one really owns it (None).\n'
                   'def owner(matrix):\n'
                   '    result = {}\n'
                   '    for task, roles in matrix.items():\n'
                   '        owners = [role for role, cell in roles.items() if "A" in cell.upper()]\n'
                   '        result[task] = owners[0] if len(owners) == 1 else None\n'
                   '    return result'),
    answer=_owner_answer,
    wrong=[_owner_first_a, _owner_exact],
)


# ---------------------------------------------------------------- q13, q14: stakeholders outside the company

EXTERNAL = load("external_stakeholders")
EXTERNAL_PLAN = external_plan(EXTERNAL)
_Q13 = {k: p["quadrant"] for k, p in EXTERNAL_PLAN.items()}
q13 = Question(
    module=MODULE, id="q13", points=1,
    prompt="Place each stakeholder outside the company (EXTERNAL, from load('external_stakeholders')) in its "
           "quadrant of the power / interest grid, with the default threshold: a dict id -> quadrant.",
    checker=Mapping(expected=_Q13, categories=list(QUADRANTS)),
    hints=[
        "The grid reads outside parties exactly as it reads colleagues: high means above 5, on each axis.",
        "stakeholder_quadrant(power, interest) for each one, or external_plan(EXTERNAL) for them all.",
    ],
    solution_text="# the same grid as inside the company: high means above 5 on each axis\n"
                  "answer_q13 = {s['id']: stakeholder_quadrant(s['power'], s['interest']) for s in EXTERNAL}",
    answer=dict(_Q13),
    wrong=[{**_Q13, "regulator": "monitor"}, {**_Q13, "payroll_partner": "keep satisfied"}],
    misconceptions=[
        Misconception(lambda a: a["regulator"] == "monitor",
                      "Low interest is not low stakes: a party that can stop the product needs keeping satisfied, "
                      "however little it follows the product.", example={**_Q13, "regulator": "monitor"}),
    ],
)

_LEADS = tuple(dict.fromkeys(e["lead"] for e in EXTERNAL_ENGAGEMENT.values()))
_Q14 = {k: p["lead"] for k, p in EXTERNAL_PLAN.items()}
q14 = Question(
    module=MODULE, id="q14", points=1,
    prompt="Who at Shiftbrew leads the relationship with each stakeholder of EXTERNAL: 'product manager', "
           "'engineering', 'marketing' or 'legal counsel'? A dict id -> lead.",
    checker=Mapping(expected=_Q14, categories=list(_LEADS)),
    hints=[
        "Look at each party's kind (partner, supplier, analyst, regulator): the kind decides who runs the "
        "relationship, not the quadrant.",
        "Partners share the product's roadmap; suppliers are contracts and service levels; analysts are briefed by "
        "product marketing; regulators are answered through counsel.",
    ],
    solution_text="# the kind decides who leads: partner -> PM, supplier -> engineering, analyst -> marketing,\n"
                  "# regulator -> legal counsel\n"
                  "answer_q14 = {k: p['lead'] for k, p in external_plan(EXTERNAL).items()}",
    answer=dict(_Q14),
    wrong=[{**_Q14, "analyst": "product manager"}, {**_Q14, "regulator": "product manager"}],
    misconceptions=[
        Misconception(lambda a: a["regulator"] == "product manager",
                      "The PM makes the product compliant by design, but a regulator is answered through legal "
                      "counsel: a product update sent to a regulator is a statement on the company's behalf.",
                      example={**_Q14, "regulator": "product manager"}),
    ],
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13, q14]

# ---------------------------------------------------------------- w1 written: the update (graded by a person)

W1_MODEL = (
    "Subject: The 14-site prospect and the custom report: what we decided, and what we can offer\n\n"
    "Hi, thank you for pushing on this; a 14-site chain is exactly the customer we want. We decided this morning "
    "(the CEO approved, after hearing from you and the engineering lead) not to build the custom report before the "
    "swap launch. The launch is promised to every one of our customers, the campaign is booked, and moving two "
    "engineers would leave it untested; a late or broken launch would cost us more than this deal is worth.\n\n"
    "On Tuesday's call we heard the real need: to compare labour cost across the 14 sites every week. We can give "
    "them a weekly multi-site hours export from this Friday, set up by support, and the multi-site labour report "
    "(B07) goes into discovery next quarter: I would like the prospect in that group, with the designer.\n\n"
    "Can we call the operations director together on Thursday? I will bring a sample export and the discovery plan "
    "with dates. I will update you every week in our one-to-one, and at the fortnightly roadmap review, or sooner "
    "if anything changes."
)
W1_MARK_SCHEME = [
    "1 point, clear decision: states plainly what was decided and who decided, without hedging or hiding behind a "
    "rule ('it's a Won't') or behind someone else.",
    "1 point, the reason in their terms: explains why, tied to the goals and the launch commitments (what a late "
    "launch costs), and acknowledges the value of the request and of the prospect.",
    "1 point, the need and an alternative: shows the real need behind the request was heard (comparing labour cost "
    "across sites) and offers something concrete with a date (interim export, discovery place, joint call).",
    "1 point, next steps and tone: says what happens next, when they will hear again and through which channel "
    "(matching a manage-closely stakeholder: weekly, personal); respectful, no blame, reads as a colleague keeping "
    "a relationship, not closing a ticket.",
    "Half points allowed. Deduct half a point for a message that promises what the product manager cannot deliver "
    "(e.g. the custom report 'right after the launch' without a decision to do so).",
]
w1 = WrittenAnswer(
    module=MODULE, id="w1", points=4,
    prompt="Write the update (about 120-200 words) to the Head of Sales: B31, the custom report, will not be built "
           "before the swap launch.",
    rules=[
        mentions("states the decision and who made it", ["decided", "decision", "approved", "CEO", "agreed"],
                 "Say what was decided and who decided it (in the module's DACI, the CEO approves).", at_least=2),
        mentions("gives the reason", ["launch", "campaign", "promised", "customers", "goal", "because", "cost"],
                 "Explain why in their terms: the launch commitments and what a late launch would cost.",
                 at_least=2),
        mentions("shows the need was heard", ["need", "compare", "labour cost", "across", "sites", "heard"],
                 "Show you heard the need behind the request (comparing labour cost across sites).", at_least=2),
        mentions("offers an alternative with a date", ["instead", "offer", "export", "B07", "discovery", "Friday",
                                                       "next quarter", "this week"],
                 "Offer something concrete instead, with a date.", at_least=2),
        mentions("says when they hear again", ["update", "weekly", "every week", "one-to-one", "review", "call",
                                               "Thursday", "sooner"],
                 "Say what happens next and when and where they will hear from you.", at_least=2),
        length(min_words=100, max_words=220),
    ],
    model_answer=W1_MODEL,
    mark_scheme=W1_MARK_SCHEME,
)

WRITTEN = [w1]
