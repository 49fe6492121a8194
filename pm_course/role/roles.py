"""Who does what: product manager, product owner, project manager; a PM's week; the four risks.

Sources (see PM_REFERENCE, "The role (module 01)" and "Collaboration"):

- Product manager vs product owner vs project manager: the product manager
  owns the why and the what (problem, strategy, outcomes); the product owner
  is an accountability in a Scrum team, accountable for maximising the value
  of the product, for the Product Goal, and for the Product Backlog: its
  order and its clarity (Schwaber and Sutherland, *The Scrum Guide*, 2020;
  the Developers own the Sprint Backlog); the project manager owns scope,
  schedule and resources of a project. In many companies one person is both
  PM and PO. A launch is led by the product manager with marketing, sales and
  support (module 06); a project manager, where there is one, keeps a
  multi-team schedule. A 'shared' task is one whose parts each have exactly
  one owner, as a RACI has exactly one A per task (module 05).
- The four risks (Cagan, *Inspired*, 2nd ed., 2017): value, usability,
  feasibility, business viability; the product manager answers for value and
  viability, the designer for usability, the tech lead (engineering) for
  feasibility.
- A PM's week: there is no published standard split. The reference ranges
  here are this course's rule of thumb, built on Torres's weekly customer
  touchpoints (*Continuous Discovery Habits*, 2021) and on the argument that
  a large share of a PM's time belongs in the market with customers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..core.validate import InputError, InputTypeError, choice, describe, number, text

__all__ = [
    "ROLES",
    "TASKS",
    "SHARED_PARTS",
    "LAUNCH_LEAD",
    "ROLE_ALIASES",
    "role_id",
    "ANTI_PATTERNS",
    "ACTIVITIES",
    "REFERENCE_RANGES",
    "RISKS",
    "RISK_OWNERS",
    "RISK_ALIASES",
    "CHEAPEST_TEST",
    "FIND_COVER_ASSUMPTIONS",
    "role_of",
    "score_sorting",
    "sorter_tasks",
    "sorter_assignment",
    "week_plan",
    "PLANNER_MAX_HOURS",
    "validate_week_hours",
    "score_risk_board",
]

ROLES = ("product manager", "product owner", "project manager", "shared")

#: About twenty real tasks at Shiftbrew, each with the role that owns it and why ('shared': the task splits
#: into parts, each owned by one role; see :data:`SHARED_PARTS`).
TASKS: dict[str, dict[str, str]] = {
    "Interview café owners about how they cover a no-show": {
        "role": "product manager",
        "why": "Discovery: understanding the problem in the market is the product manager's first job."},
    "Choose which problem the team tackles next quarter: churn or small chains": {
        "role": "product manager",
        "why": "Strategy, the why and the what: which outcome matters most is a product decision."},
    "Set the success metric for find cover before it is built": {
        "role": "product manager",
        "why": "Outcomes: the product manager says what success looks like and how it is measured."},
    "Analyse site churn by plan and sign-up cohort": {
        "role": "product manager",
        "why": "Data about the product's market performance feeds the product manager's decisions."},
    "Present the product strategy to the founders": {
        "role": "product manager",
        "why": "Aligning the business with the product's direction is the product manager's."},
    "Say no to the Head of Sales's custom report, with reasons": {
        "role": "product manager",
        "why": "Saying no with reasons protects the strategy; it is a product call, not a scheduling one."},
    "Tell stakeholders what changed in the roadmap and why": {
        "role": "product manager",
        "why": "The roadmap states the product's direction; its owner explains changes to it."},
    "Find out which assumptions about find cover are riskiest before building": {
        "role": "product manager",
        "why": "Value and viability risks are the product manager's to test (with the trio) in discovery."},
    "Order the Product Backlog for the next Sprint": {
        "role": "product owner",
        "why": "The Scrum Guide makes ordering the Product Backlog the product owner's accountability."},
    "Write acceptance criteria for the 'swap a shift' backlog item": {
        "role": "product owner",
        "why": "Keeping backlog items clear and testable is part of managing the Product Backlog."},
    "Answer a developer's question about a backlog item's intent mid-sprint": {
        "role": "product owner",
        "why": "The product owner is there for the team during the Sprint to clarify what an item is for."},
    "Split 'multi-site reports' into smaller backlog items": {
        "role": "product owner",
        "why": "Refining big items into small ones the team can finish is backlog management."},
    "Check that the Sprint Goal serves the product goal": {
        "role": "product owner",
        "why": "The product owner proposes how the Sprint can increase the product's value."},
    "Lead the launch of one-tap swap with marketing, sales and support": {
        "role": "product manager",
        "why": "Launching is a team sport the product manager leads (module 06): the launch's goal, its tier and "
               "the go-to-market checklist with marketing, sales and support. Where a company has a project or "
               "programme manager, they may keep the cross-team schedule; the launch stays the PM's."},
    "Keep the payroll integration's cross-team schedule and its dependencies on the partner's releases": {
        "role": "project manager",
        "why": "A multi-team programme's schedule and dependencies are project management. Shiftbrew has no "
               "project manager, so whoever runs the integration wears this hat; the role is the same."},
    "Track the payroll integration's budget and the contractor's hours": {
        "role": "project manager",
        "why": "Budget and resources of a project are the project manager's."},
    "Keep the partner integration's risk and issue log, with owners and dates": {
        "role": "project manager",
        "why": "Delivery risks to scope and dates are tracked by the project manager."},
    "Ask the design lead for a designer's time when the payroll integration slips": {
        "role": "project manager",
        "why": "Planning a project's resources, and asking for them, is project management; whether the designer "
               "moves is the design (line) manager's call, not any of these three roles'."},
    "Keep stakeholders informed of progress": {
        "role": "shared",
        "why": "Each role reports its own part: outcomes (PM), backlog progress (PO), dates and budget (project)."},
    "Talk with customers every week": {
        "role": "shared",
        "why": "Discovery is a team sport: PM, PO and the trio all need first-hand contact with customers."},
    "Run the Sprint Review with stakeholders": {
        "role": "shared",
        "why": "The whole Scrum team presents the increment; the PO and PM hear what stakeholders say."},
    "Explain the product vision to new engineers": {
        "role": "shared",
        "why": "The PM sets the vision and the PO carries it into every backlog conversation."},
}

#: A 'shared' task is several parts, each with exactly one accountable role (as a RACI has exactly one A):
#: task -> {part: role}.
SHARED_PARTS: dict[str, dict[str, str]] = {
    "Keep stakeholders informed of progress": {
        "progress on the outcomes": "product manager",
        "progress on the Product Backlog and the Product Goal": "product owner",
        "dates and budget of projects": "project manager"},
    "Talk with customers every week": {
        "the weekly discovery interviews": "product manager",
        "checking backlog items with the customers they are for": "product owner"},
    "Run the Sprint Review with stakeholders": {
        "progress toward the Product Goal and the Product Backlog's next items": "product owner",
        "what stakeholders say about the outcomes and the roadmap": "product manager"},
    "Explain the product vision to new engineers": {
        "the vision and the strategy behind it": "product manager",
        "how the vision orders the Product Backlog": "product owner"},
}

#: Who leads a launch: the product manager, with marketing, sales and support (module 06, "Launch").
LAUNCH_LEAD = "product manager"

#: The forms of a role id the lessons show, each -> the role id (matched case- and space-insensitively).
ROLE_ALIASES: dict[str, str] = {
    "pm": "product manager", "product manager": "product manager", "the product manager": "product manager",
    "po": "product owner", "product owner": "product owner", "the product owner": "product owner",
    "project manager": "project manager", "the project manager": "project manager",
    "designer": "designer", "the designer": "designer", "product designer": "designer",
    "tech lead": "tech lead", "the tech lead": "tech lead", "engineering lead": "tech lead",
    "tech lead (engineering)": "tech lead", "engineering": "tech lead",
    "shared": "shared",
}

#: The anti-patterns of the lesson, each with how it shows.
ANTI_PATTERNS = {
    "backlog administrator": "the PM spends the week writing and grooming tickets; nobody talks to customers",
    "project manager": "the PM chases dates and status; outcomes and problems go unowned",
    "mini-CEO": "the PM acts as if they had authority over people and budgets, instead of influence and evidence",
    "none": "the work described is what the role is for",
}


def role_id(name: str, value: Any) -> str:
    """The role id of :data:`ROLES` that ``value`` names: a role id, or a form the lessons show
    (``"PM"``, ``"PO"``, ``"the product manager"``), case- and space-insensitive.

    >>> role_id("role", "PM"), role_id("role", " Product  Owner ")
    ('product manager', 'product owner')
    """
    if type(value) is not str:
        return choice(name, value, ROLES)  # the message for a value that is not text
    key = " ".join(value.split()).casefold()
    canon = ROLE_ALIASES.get(key, key)
    for opt in ROLES:
        if opt == canon:
            return opt
    shown = ", ".join(repr(o) for o in ROLES)
    raise InputError(f"{name} must be one of {shown} ('PM' and 'PO' are accepted too); got {value!r}.")


def _same_task(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def role_of(task: str) -> str:
    """The role accountable for one of :data:`TASKS` (case- and space-insensitive)."""
    name = text("task", task)
    for t, info in TASKS.items():
        if _same_task(t, name):
            return info["role"]
    raise InputError(f"task must be one of the {len(TASKS)} tasks in TASKS; got {name!r}.")


def sorter_tasks(tasks: Sequence[str] | None = None) -> list[str]:
    """The tasks a role sorter shows, in the order of :data:`TASKS`: all of them (``None``), or those named in
    ``tasks`` (names that are not in TASKS are left out; at least one must be in it)."""
    if tasks is None:
        return list(TASKS)
    if isinstance(tasks, (str, bytes, Mapping)) or not isinstance(tasks, Iterable):
        raise InputTypeError(f"tasks must be a list of tasks from TASKS; got {describe(tasks)}.")
    wanted = {t for t in tasks if type(t) is str}
    shown = [t for t in TASKS if t in wanted]
    if not shown:
        raise InputError(f"tasks must name some of the {len(TASKS)} tasks in TASKS; got {describe(tasks)}.")
    return shown


def score_sorting(assignment: Mapping[str, str]) -> dict[str, Any]:
    """Compare a learner's task -> role assignment with :data:`TASKS`.

    Returns ``{"right": n, "placed": n, "total": n, "wrong": [task, ...],
    "by_role": {role: n placed right}}``. Unplaced tasks are simply not counted
    as right; unknown tasks or roles are refused with a message.
    """
    if type(assignment) is not dict:
        raise InputTypeError(f"assignment must be a dict of task -> role; got {describe(assignment)}.")
    right, wrong = 0, []
    by_role = {r: 0 for r in ROLES}
    for task, role in assignment.items():
        expected = role_of(task)
        got = role_id("role", role)
        if got == expected:
            right += 1
            by_role[got] += 1
        else:
            wrong.append(task)
    return {"right": right, "placed": len(assignment), "total": len(TASKS), "wrong": wrong, "by_role": by_role}


def sorter_assignment(assignment: Mapping[str, str], tasks: Sequence[str] | None = None) -> dict[str, str]:
    """A role sorter's placements checked: task -> role for tasks among the ``tasks`` the sorter shows
    (see :func:`sorter_tasks`). Task names and roles are matched case- and space-insensitively and returned
    as written in :data:`TASKS` and :data:`ROLES`.

    >>> sorter_assignment({"talk with customers every week": "Product Manager"})
    {'Talk with customers every week': 'product manager'}
    """
    shown = sorter_tasks(tasks)
    score_sorting(dict(assignment) if isinstance(assignment, Mapping) else assignment)  # validates
    clean = {}
    for task, role in assignment.items():
        match = next((t for t in shown if _same_task(t, task)), None)
        if match is None:
            raise InputError(f"this sorter does not show the task {task!r}; it shows {len(shown)} of the "
                             f"{len(TASKS)} tasks in TASKS.")
        clean[match] = role_id("role", role)
    return clean


# ---------------------------------------------------------------- a week of a PM

ACTIVITIES = ("customers and market", "team", "stakeholders", "data", "admin")

#: Share of a week's hours, (low, high): this course's rule of thumb, not a published standard.
REFERENCE_RANGES: dict[str, tuple[float, float]] = {
    "customers and market": (0.20, 0.40),
    "team": (0.25, 0.40),
    "stakeholders": (0.10, 0.20),
    "data": (0.10, 0.20),
    "admin": (0.0, 0.10),
}

_TOO_LOW = {
    "customers and market": "Too little time in the market: decisions rest on second-hand reports and opinions.",
    "team": "Too little time with the team: questions wait, stories go stale, discovery and delivery drift apart.",
    "stakeholders": "Too little time with stakeholders: expect surprises, and a roadmap nobody else believes in.",
    "data": "Too little time with data: nobody knows whether what shipped moved the metric.",
    "admin": "",
}
_TOO_HIGH = {
    "customers and market": "So much time outside that the team may be left without answers during the week.",
    "team": "Most of the week inside the team: the backlog-administrator trap, far from customers.",
    "stakeholders": "Most of the week in status meetings: the project-manager trap; outcomes go unowned.",
    "data": "Much time in dashboards: numbers say what happens, customers say why; balance the two.",
    "admin": "Admin is eating the week: cancel, delegate or batch it.",
}


def week_plan(hours: Mapping[str, float]) -> dict[str, Any]:
    """Shares of the week and their trade-offs for ``hours`` per activity of :data:`ACTIVITIES`.

    Returns ``{"hours", "total", "shares", "status" (activity -> "low"/"ok"/"high"),
    "in_range" (count), "tradeoffs" (list of sentences)}``. Each activity needs
    0 to 60 hours; the total must be more than 0 and at most 80.
    """
    if type(hours) is not dict:
        raise InputTypeError(f"hours must be a dict of activity -> hours; got {describe(hours)}.")
    unknown = [k for k in hours if k not in ACTIVITIES]
    if unknown:
        raise InputError(f"unknown activity {unknown[0]!r}; the activities are {', '.join(map(repr, ACTIVITIES))}.")
    clean = {a: number(f"hours for {a!r}", hours.get(a, 0), low=0, high=60) for a in ACTIVITIES}
    total = sum(clean.values())
    if total <= 0:
        raise InputError("the week needs some hours: the total is 0; give each activity its hours (e.g. 40 in all).")
    if total > 80:
        raise InputError(f"a week of more than 80 hours is not a plan; got {total:g} hours in all.")
    shares = {a: clean[a] / total for a in ACTIVITIES}
    status, tradeoffs = {}, []
    for a in ACTIVITIES:
        low, high = REFERENCE_RANGES[a]
        if shares[a] < low - 1e-9:
            status[a] = "low"
            if _TOO_LOW[a]:
                tradeoffs.append(_TOO_LOW[a])
        elif shares[a] > high + 1e-9:
            status[a] = "high"
            tradeoffs.append(_TOO_HIGH[a])
        else:
            status[a] = "ok"
    if total > 50:
        tradeoffs.append(f"{total:g} hours is a long week: a plan that needs overtime is not a plan.")
    return {"hours": clean, "total": total, "shares": shares, "status": status,
            "in_range": sum(s == "ok" for s in status.values()), "tradeoffs": tradeoffs}


#: The most hours of one activity a week planner's slider shows.
PLANNER_MAX_HOURS = 30.0


def validate_week_hours(hours: Mapping[str, float], start: Mapping[str, float] | None = None) -> dict[str, float]:
    """Hours per activity for a week planner: ``hours`` (some or all activities) over ``start`` (the hours so
    far; 0 for each activity when ``None``), each at most :data:`PLANNER_MAX_HOURS` (the sliders' range), the
    week valid for :func:`week_plan`. Returns the hours of every activity of :data:`ACTIVITIES`.

    >>> validate_week_hours({"team": 12}, {a: 4.0 for a in ACTIVITIES})["team"]
    12.0
    """
    for name, given in (("hours", hours), ("start", {} if start is None else start)):
        if not isinstance(given, Mapping):
            raise InputTypeError(f"{name} must be a dict of activity -> hours; got {describe(given)}.")
    new = {**dict(start or {}), **dict(hours)}
    week_plan(new)  # validates names, numbers and the total
    too_big = [a for a in new if float(new[a]) > PLANNER_MAX_HOURS]
    if too_big:
        raise InputError(f"the planner's sliders go to {PLANNER_MAX_HOURS:g} hours; {too_big[0]!r} got "
                         f"{new[too_big[0]]!r}.")
    return {a: float(new.get(a, 0)) for a in ACTIVITIES}


# ---------------------------------------------------------------- the four risks

RISKS = ("value", "usability", "feasibility", "viability")

#: Other names of the risks -> the risk id (Cagan's own term is "business viability").
RISK_ALIASES = {"business viability": "viability", "value risk": "value", "usability risk": "usability",
                "feasibility risk": "feasibility", "viability risk": "viability",
                "business viability risk": "viability"}

#: Who answers for each risk (Cagan, Inspired, 2nd ed.).
RISK_OWNERS = {"value": "product manager", "usability": "designer", "feasibility": "tech lead",
               "viability": "product manager"}

#: The cheapest test that reduces each risk before anything is built.
CHEAPEST_TEST = {
    "value": "Ask five café owners about the last no-show they covered, then try a fake-door button",
    "usability": "Put a clickable prototype in front of five baristas and watch where they get stuck",
    "feasibility": "A two-day engineering spike on the riskiest technical part",
    "viability": "A half-hour with the people who own the money, the law or the support queue",
}

#: Assumptions behind B05, "Find cover: notify available staff when a shift opens".
FIND_COVER_ASSUMPTIONS: dict[str, dict[str, str]] = {
    "A1": {"text": "Owners facing a no-show want staff to pick up the open shift without phone calls",
           "risk": "value"},
    "A2": {"text": "Baristas notice the open-shift alert on their phone and understand what it asks",
           "risk": "usability"},
    "A3": {"text": "We can push an alert to every available barista within a minute of a shift opening",
           "risk": "feasibility"},
    "A4": {"text": "Find cover can be part of the Solo plan without lowering its margin",
           "risk": "viability"},
    "A5": {"text": "Owners find how to open a shift for cover without any training",
           "risk": "usability"},
    "A6": {"text": "The rota data already tells us who is free and trained for a given shift",
           "risk": "feasibility"},
    "A7": {"text": "Paying a barista for a last-minute shift complies with local working-time law",
           "risk": "viability"},
    "A8": {"text": "Staff would rather be asked by the app than phoned by the owner",
           "risk": "value"},
}


def score_risk_board(board: Mapping[str, str]) -> dict[str, Any]:
    """Compare an assumption -> risk board with :data:`FIND_COVER_ASSUMPTIONS`.

    Returns ``{"right", "placed", "total", "wrong": [ids], "by_risk": {risk: [ids placed there]}}``.
    """
    if type(board) is not dict:
        raise InputTypeError(f"board must be a dict of assumption id -> risk; got {describe(board)}.")
    by_risk: dict[str, list[str]] = {r: [] for r in RISKS}
    right, wrong = 0, []
    for key, risk in board.items():
        k = text("assumption id", key).strip().upper()
        if k not in FIND_COVER_ASSUMPTIONS:
            raise InputError(f"assumption id must be one of {', '.join(FIND_COVER_ASSUMPTIONS)}; got {key!r}.")
        r = choice("risk", RISK_ALIASES.get(" ".join(risk.split()).casefold(), risk) if type(risk) is str
                   else risk, RISKS)
        by_risk[r].append(k)
        if r == FIND_COVER_ASSUMPTIONS[k]["risk"]:
            right += 1
        else:
            wrong.append(k)
    return {"right": right, "placed": len(board), "total": len(FIND_COVER_ASSUMPTIONS), "wrong": wrong,
            "by_risk": by_risk}
