"""Stakeholder mapping, RACI and DACI checks, and a communication plan: pure logic.

Sources (the versions the course teaches):

- Power / interest grid: Mendelow, A. L. (1981). "Environmental scanning: the
  impact of the stakeholder concept". Proceedings of the Second International
  Conference on Information Systems (ICIS), Cambridge, MA. The four strategies
  (manage closely, keep satisfied, keep informed, monitor) come from Johnson
  and Scholes' adaptation of Mendelow's grid (*Exploring Corporate Strategy*,
  later editions with Whittington), not from Mendelow himself.
- The product trio (product manager, designer, engineering lead; Torres,
  *Continuous Discovery Habits*) is one team deciding together, not a set of
  stakeholders to manage: :data:`PRODUCT_TRIO` roles get the trio's rhythm.
- RACI (a responsibility assignment matrix): Project Management Institute,
  *A Guide to the Project Management Body of Knowledge (PMBOK Guide)*.
  Responsible, Accountable, Consulted, Informed; exactly one A and at least
  one R per task.
- DACI: Driver, Approver, Contributors, Informed (first used at Intuit;
  Atlassian Team Playbook, "DACI: a decision-making framework"). Exactly one
  Approver, at least one Driver (the Atlassian play asks for a single Driver:
  ``validate_daci(..., single_driver=True)``).

- External stakeholders (partners, suppliers, analysts, regulators) go on
  the same grid: power and interest are read the same way, but the
  relationship is run differently by kind (:data:`EXTERNAL_ENGAGEMENT`):
  a partner through a shared roadmap and contract, a supplier through its
  contract and service levels with an exit plan, an analyst through
  briefings led by product marketing, a regulator through compliance by
  design and legal counsel (Freeman, *Strategic Management: A Stakeholder
  Approach*, 1984, for stakeholders outside the firm; Cagan, *Inspired*,
  2017, on product marketing and analysts). The engagement rules are this
  course's summary, not a published standard.

Nothing here imports ipywidgets or matplotlib.
"""

from __future__ import annotations

import re
from typing import Any

from ..core.validate import InputError, InputTypeError, choice, describe, number, records, text

__all__ = [
    "QUADRANTS",
    "RACI_LETTERS",
    "DACI_LETTERS",
    "PLAN_BY_QUADRANT",
    "PRODUCT_TRIO",
    "stakeholder_quadrant",
    "validate_raci",
    "validate_daci",
    "accountable",
    "communication_plan",
    "find_stakeholder",
    "stakeholder_placements",
    "raci_roles",
    "raci_cell",
    "EXTERNAL_KINDS",
    "EXTERNAL_ENGAGEMENT",
    "external_plan",
]

#: The four quadrants of the power / interest grid, from the most attention to the least.
QUADRANTS = ("manage closely", "keep satisfied", "keep informed", "monitor")

RACI_LETTERS = {"R": "Responsible", "A": "Accountable", "C": "Consulted", "I": "Informed"}
DACI_LETTERS = {"D": "Driver", "A": "Approver", "C": "Contributor", "I": "Informed"}

_SCALE_HINT = "Power and interest are scored on a 1-10 scale (1 = hardly any, 10 = the most)."


# ---------------------------------------------------------------- power / interest


def stakeholder_quadrant(power: float, interest: float, threshold: float = 5) -> str:
    """The quadrant of the Mendelow power / interest grid for one stakeholder.

    ``power`` (can they change or block the product?) and ``interest`` (how
    much do they care about, or are they affected by, it?) are scored 1-10.
    A score is *high* when it is **strictly greater than** ``threshold``: with
    the default 5, scores 1-5 are low and 6-10 are high, which splits the
    1-10 scale into two equal halves. A stakeholder scored exactly on the
    threshold is therefore low on that axis.

    - high power, high interest: "manage closely"
    - high power, low interest: "keep satisfied"
    - low power, high interest: "keep informed"
    - low power, low interest: "monitor"

    Source: Mendelow (1981), with the usual four strategies.

    >>> stakeholder_quadrant(power=7, interest=8)
    'manage closely'
    >>> stakeholder_quadrant(power=5, interest=9)   # 5 is not above the threshold
    'keep informed'
    """
    p = number("power", power, low=1, high=10, hint=_SCALE_HINT)
    i = number("interest", interest, low=1, high=10, hint=_SCALE_HINT)
    t = number(
        "threshold", threshold, low=1, high=10, high_open=True,
        hint="Scores strictly above the threshold count as high; 5 splits the 1-10 scale in half.",
    )
    high_power, high_interest = p > t, i > t
    if high_power and high_interest:
        return "manage closely"
    if high_power:
        return "keep satisfied"
    if high_interest:
        return "keep informed"
    return "monitor"


# ---------------------------------------------------------------- RACI and DACI

_SEPARATORS = re.compile(r"[\s/,+&;]+")


def _letters(cell: str, letters: dict[str, str]) -> tuple[set[str], list[str]]:
    """Split one cell into known letters and unknown tokens.

    Accepts one letter ("A"), several ("A/R", "AR", "A, R"), lower case, the
    full words ("Accountable", "Consulted") and the verbs ("Consult", "Inform").
    A blank cell or "-" means the role is not involved.
    Anything else is returned whole as unknown ("X", "RX", "Resp").
    """
    words = {word.casefold(): letter for letter, word in letters.items()}
    words.update({word.casefold() + "s": letter for letter, word in letters.items()})  # "Contributors"
    words.update({word.casefold()[:-2]: letter for letter, word in letters.items() if word.endswith("ed")})  # "Consult"
    found: set[str] = set()
    unknown: list[str] = []
    for token in _SEPARATORS.split(cell.strip()):
        if not token or token == "-":
            continue
        key = token.casefold()
        if key in words:
            found.add(words[key])
        elif len(token) <= len(letters) and all(ch in letters for ch in token.upper()):
            found.update(token.upper())  # "AR" is A and R
        else:
            unknown.append(token)
    return found, unknown


def _matrix(value: Any, name: str, example: str) -> dict[str, dict[str, str]]:
    """Validate the shape {task: {role: letters}} and return it."""
    if type(value) is not dict:
        raise InputTypeError(
            f"{name} must be a dict mapping each task to a dict of role -> letter, e.g. {example}; "
            f"got {describe(value)}."
        )
    if not value:
        raise InputError(f"{name} is empty: give at least one task, e.g. {example}.")
    for task, roles in value.items():
        text("a task name", task)
        if type(roles) is not dict:
            raise InputTypeError(
                f"the roles of task {task!r} must be a dict of role -> letter, e.g. {{'PM': 'A'}}; "
                f"got {describe(roles)}."
            )
        for role, cell in roles.items():
            text(f"a role name in task {task!r}", role)
            if type(cell) is not str:
                raise InputTypeError(
                    f"the letter for {role!r} in task {task!r} must be text such as 'R' or 'A/R'; got {describe(cell)}."
                )
    return value


def _names(roles: list[str]) -> str:
    return ", ".join(roles)


def validate_raci(matrix: dict[str, dict[str, str]]) -> list[str]:
    """Every problem in a RACI matrix, each naming its task; ``[]`` when the matrix is valid.

    ``matrix`` maps each task to a mapping of role to letter, for example
    ``{"launch plan": {"PM": "A", "Eng": "R", "Support": "I"}}``. A cell holds
    R (Responsible: does the work), A (Accountable: owns the outcome and signs
    it off), C (Consulted: asked before, two-way) or I (Informed: told after,
    one-way). One role may hold two letters, written "A/R" (the owner who also
    does the work). A blank cell or "-" means the role is not involved.

    The rules (PMI, PMBOK Guide): each task has **exactly one A** and **at
    least one R**. Problems reported: no A, more than one A (naming the
    roles), no R, and letters that are not R, A, C or I (listing them).
    """
    _matrix(matrix, "matrix", "{'launch plan': {'PM': 'A', 'Eng': 'R'}}")
    problems: list[str] = []
    for task, roles in matrix.items():
        accountable_roles, responsible_roles = [], []
        for role, cell in roles.items():
            found, unknown = _letters(cell, RACI_LETTERS)
            if unknown:
                hint = ""
                if any(u.upper() in ("D",) for u in unknown):
                    hint = " (D belongs to DACI, the decision framework)"
                problems.append(
                    f"{task!r}: unknown letter{'s' if len(unknown) > 1 else ''} "
                    f"{', '.join(repr(u) for u in unknown)} for {role}{hint}; "
                    "use R (Responsible), A (Accountable), C (Consulted) or I (Informed)."
                )
            if "A" in found:
                accountable_roles.append(role)
            if "R" in found:
                responsible_roles.append(role)
        if not accountable_roles:
            problems.append(f"{task!r}: no one is Accountable (A); give exactly one role the A, the one who owns the outcome.")
        elif len(accountable_roles) > 1:
            problems.append(
                f"{task!r}: {len(accountable_roles)} roles are Accountable ({_names(accountable_roles)}); "
                "exactly one may be, or no one really owns it."
            )
        if not responsible_roles:
            problems.append(f"{task!r}: no one is Responsible (R); at least one role must do the work.")
    return problems


def validate_daci(assignment: dict[str, dict[str, str]], single_driver: bool = False) -> list[str]:
    """Every problem in a DACI assignment, each naming its decision; ``[]`` when valid.

    ``assignment`` maps each decision to a mapping of role to letter, e.g.
    ``{"build B31?": {"PM": "D", "CEO": "A", "Head of Sales": "C"}}``: D
    (Driver: runs the decision process, gathers input, gets it decided),
    A (Approver: makes the call), C (Contributor: has knowledge to give),
    I (Informed: told the outcome). Each role holds one letter.

    Rules: **exactly one Approver** and **at least one Driver** (with
    ``single_driver=True``, exactly one, as the Atlassian play asks); one
    letter per role; only D, A, C, I. Source: Atlassian Team Playbook, DACI.
    """
    if type(single_driver) is not bool:
        raise InputTypeError(f"single_driver must be True or False; got {describe(single_driver)}.")
    _matrix(assignment, "assignment", "{'build B31?': {'PM': 'D', 'CEO': 'A'}}")
    problems: list[str] = []
    for decision, roles in assignment.items():
        approvers, drivers = [], []
        for role, cell in roles.items():
            found, unknown = _letters(cell, DACI_LETTERS)
            if unknown:
                hint = ""
                if any(u.upper() == "R" for u in unknown):
                    hint = " (R belongs to RACI; in DACI the person who runs the decision is the Driver, D)"
                problems.append(
                    f"{decision!r}: unknown letter{'s' if len(unknown) > 1 else ''} "
                    f"{', '.join(repr(u) for u in unknown)} for {role}{hint}; "
                    "use D (Driver), A (Approver), C (Contributor) or I (Informed)."
                )
            if len(found) > 1:
                problems.append(
                    f"{decision!r}: {role} holds {len(found)} letters ({'/'.join(sorted(found))}); "
                    "in DACI each role holds one."
                )
            if "A" in found:
                approvers.append(role)
            if "D" in found:
                drivers.append(role)
        if not approvers:
            problems.append(f"{decision!r}: no Approver (A); exactly one role must make the call.")
        elif len(approvers) > 1:
            problems.append(
                f"{decision!r}: {len(approvers)} Approvers ({_names(approvers)}); exactly one role makes the call."
            )
        if not drivers:
            problems.append(f"{decision!r}: no Driver (D); someone must run the decision and get it made.")
        elif single_driver and len(drivers) > 1:
            problems.append(f"{decision!r}: {len(drivers)} Drivers ({_names(drivers)}); this play asks for exactly one.")
    return problems


def accountable(matrix: dict[str, dict[str, str]]) -> dict[str, str | None]:
    """Who is Accountable for each task of a RACI matrix: the single role with an A, or None.

    None means the task breaks the one-A rule (no A, or more than one).
    """
    _matrix(matrix, "matrix", "{'launch plan': {'PM': 'A', 'Eng': 'R'}}")
    out: dict[str, str | None] = {}
    for task, roles in matrix.items():
        owners = [role for role, cell in roles.items() if "A" in _letters(cell, RACI_LETTERS)[0]]
        out[task] = owners[0] if len(owners) == 1 else None
    return out


# ---------------------------------------------------------------- communication plan

#: What each quadrant hears, how often and through what (the course's default plan).
PLAN_BY_QUADRANT: dict[str, dict[str, str]] = {
    "manage closely": {
        "frequency": "weekly",
        "format": "one-to-one or working session",
        "involvement": "consult before decisions; no surprises",
        "content": "decisions coming up, trade-offs and options, risks as soon as you see them",
    },
    "keep satisfied": {
        "frequency": "monthly",
        "format": "one-page written summary",
        "involvement": "consult on decisions that touch their area",
        "content": "headline progress against the goals they care about, and the risks to them",
    },
    "keep informed": {
        "frequency": "every two weeks",
        "format": "demo or written update, open to questions",
        "involvement": "inform and invite feedback",
        "content": "what is shipping, what changed and why, what is next and how it affects them",
    },
    "monitor": {
        "frequency": "quarterly",
        "format": "newsletter or release notes",
        "involvement": "inform; watch for changes in their power or interest",
        "content": "a short summary of what shipped and what is planned",
    },
}


#: Stakeholder ids who sit in the product trio with the product manager (Torres): teammates, not an audience.
PRODUCT_TRIO = ("designer", "eng_lead")
TRIO_PLAN = {
    "frequency": "daily",
    "format": "working together in the product trio",
    "involvement": "decide together: discovery and delivery are the trio's shared work",
    "content": "everything: customer evidence, options, trade-offs, what to build next",
}

#: How often a forum meets, in weeks, by the words that name its rhythm.
_RHYTHMS = (("daily", 0.2), ("weekly", 1.0), ("fortnightly", 2.0), ("every two weeks", 2.0),
            ("monthly", 4.3), ("quarterly", 13.0))


def _weeks(rhythm: str) -> float | None:
    low = rhythm.casefold()
    for word, weeks in _RHYTHMS:
        if word in low:
            return weeks
    return None


def communication_plan(stakeholders: list[dict[str, Any]], threshold: float = 5) -> dict[str, dict[str, Any]]:
    """A plan per stakeholder, from their quadrant on the power / interest grid.

    ``stakeholders`` is a list of dicts with ``power`` and ``interest`` (1-10)
    and an ``id`` or a ``role`` (as in ``load("stakeholders")``). Returns a
    dict keyed by id (or role), in the same order, each holding ``role``,
    ``power``, ``interest``, ``quadrant``, and the quadrant's ``frequency``,
    ``format``, ``involvement`` and ``content`` (see :data:`PLAN_BY_QUADRANT`);
    ``forum`` is the stakeholder's own ``channel`` when given (meet people
    where they already are), else the quadrant's format. When that forum
    meets less often than the quadrant's frequency (a quarterly review for a
    monthly update), the forum says what goes in between, so the frequency and
    the forum always agree. Members of the product trio (:data:`PRODUCT_TRIO`)
    keep their grid position but get the trio's plan: daily, deciding together.

    The quadrant strategies follow Johnson and Scholes' adaptation of
    Mendelow (1981); the frequencies and formats are the course's defaults, a
    starting point to adapt.
    """
    if type(stakeholders) not in (list, tuple):
        raise InputTypeError(
            "stakeholders must be a list of dicts, each with 'id' (or 'role'), 'power' and 'interest', "
            f"as in load('stakeholders'); got {describe(stakeholders)}."
        )
    if not stakeholders:
        raise InputError("stakeholders is empty: give at least one stakeholder.")
    number("threshold", threshold, low=1, high=10, high_open=True)
    plan: dict[str, dict[str, Any]] = {}
    for n, s in enumerate(stakeholders, start=1):
        if type(s) is not dict:
            raise InputTypeError(f"stakeholder {n} must be a dict with 'id', 'power' and 'interest'; got {describe(s)}.")
        key = s.get("id", s.get("role"))
        if key is None:
            raise InputError(f"stakeholder {n} needs an 'id' or a 'role' to name them; it has {sorted(s)}.")
        text(f"the id of stakeholder {n}", key)
        if key in plan:
            raise InputError(f"stakeholder {key!r} appears twice; give each stakeholder one entry.")
        for field in ("power", "interest"):
            if field not in s:
                raise InputError(f"stakeholder {key!r} has no {field!r}; score it on the 1-10 scale.")
        quadrant = stakeholder_quadrant(s["power"], s["interest"], threshold)
        entry = {
            "role": s.get("role", key),
            "power": s["power"],
            "interest": s["interest"],
            "quadrant": quadrant,
            **PLAN_BY_QUADRANT[quadrant],
        }
        if key in PRODUCT_TRIO:
            entry.update(TRIO_PLAN)
        channel = s.get("channel")
        forum = channel.strip() if type(channel) is str and channel.strip() else entry["format"]
        meets, needs = _weeks(forum), _weeks(entry["frequency"])
        if meets is not None and needs is not None and meets > needs:
            forum = f"{forum}; between its meetings: {entry['format']}, {entry['frequency']}"
        entry["forum"] = forum
        plan[key] = entry
    return plan


# ---------------------------------------------------------------- checks shared by the widgets


def _key(s: dict[str, Any]) -> Any:
    return s.get("id", s.get("role"))


def find_stakeholder(stakeholders: list[dict[str, Any]], key: Any) -> dict[str, Any]:
    """The stakeholder whose id (or role) is ``key``; the message lists the ids when there is none."""
    stakeholders = records("stakeholders", stakeholders, what="stakeholders", example="as from load('stakeholders')",
                           empty_ok=True)
    text("the stakeholder id", key)
    for s in stakeholders:
        if _key(s) == key:
            return s
    known = ", ".join(repr(_key(s)) for s in stakeholders)
    raise InputError(f"there is no stakeholder {key!r} on this map; the ids are {known}.")


def stakeholder_placements(placements: Any) -> dict[str, dict[str, Any]]:
    """A dict ``{id: {"power": p, "interest": i}}`` (either score may be left out); the scores are checked later."""
    if type(placements) is not dict:
        raise InputTypeError(
            "placements must be a dict such as {'finance': {'power': 7, 'interest': 3}}; "
            f"got {describe(placements)}."
        )
    for key, spot in placements.items():
        if type(spot) is not dict:
            raise InputTypeError(f"the placement of {key!r} must be a dict with 'power' and 'interest'; got {describe(spot)}.")
    return placements


def raci_roles(matrix: dict[str, dict[str, str]], roles: Any = None) -> list[str]:
    """The roles (columns) of a RACI matrix: ``roles`` if given (checked against the matrix), else those it uses."""
    matrix = _matrix(matrix, "matrix", "{'launch plan': {'PM': 'A'}}")
    if roles is None:
        roles = list(dict.fromkeys(r for row in matrix.values() for r in row))
    else:
        if type(roles) is not list or not roles:
            raise InputTypeError(f"roles must be a non-empty list of role names; got {describe(roles)}.")
        for r in roles:
            text("a role name", r)
        extra = [r for row in matrix.values() for r in row if r not in roles]
        if extra:
            raise InputError(f"the matrix uses roles not in roles: {', '.join(map(repr, dict.fromkeys(extra)))}.")
    if not roles:
        raise InputError("the matrix names no roles: give at least one, e.g. {'launch plan': {'PM': 'A'}}.")
    return list(roles)


def raci_cell(tasks: list[str], roles: list[str], task: Any, role: Any, letters: Any) -> str:
    """Check one cell of a RACI matrix (a task and a role it has, letters as text, "" for none); returns the letters."""
    for name, names in (("tasks", tasks), ("roles", roles)):
        if type(names) not in (list, tuple) or any(type(n) is not str for n in names):
            raise InputTypeError(f"{name} must be a list of {name[:-1]} names (text); got {describe(names)}.")
    text("task", task)
    text("role", role)
    if task not in tasks:
        raise InputError(f"there is no task {task!r}; the tasks are {', '.join(map(repr, tasks))}.")
    if role not in roles:
        raise InputError(f"there is no role {role!r}; the roles are {', '.join(map(repr, roles))}.")
    return text("letters", letters, empty_ok=True)


# ---------------------------------------------------------------- stakeholders outside the company

EXTERNAL_KINDS = ("partner", "supplier", "analyst", "regulator")

#: How the relationship with each kind of outside party is run: who at Shiftbrew leads it, how, and what to watch.
EXTERNAL_ENGAGEMENT: dict[str, dict[str, str]] = {
    "partner": {
        "lead": "product manager",
        "how": "a shared roadmap and release calendar, a success measure both sides track, and the contract's terms",
        "watch": "their releases that would break the integration, and changes in their own strategy",
    },
    "supplier": {
        "lead": "engineering",
        "how": "the contract and its service levels, with finance; an exit plan for what the product cannot do without",
        "watch": "outages, price changes and end-of-life notices",
    },
    "analyst": {
        "lead": "marketing",
        "how": "briefings on what has shipped and on direction, prepared by product marketing with the product "
               "manager; facts, never promises",
        "watch": "the yearly report that chains read before they buy",
    },
    "regulator": {
        "lead": "legal counsel",
        "how": "compliance by design: a data protection impact assessment before any launch that touches staff data; "
               "questions answered through counsel, no status updates",
        "watch": "new rules and guidance on staff data and working time",
    },
}


def external_plan(stakeholders: list[dict[str, Any]], threshold: float = 5) -> dict[str, dict[str, Any]]:
    """The communication plan of outside parties: each one's grid position and quadrant (as in
    :func:`communication_plan`), with its ``kind`` and the ``lead``, ``how`` and ``watch`` of
    :data:`EXTERNAL_ENGAGEMENT`. The quadrant says how much attention they need; the kind says what form it takes.

    >>> plan = external_plan([{"id": "regulator", "kind": "regulator", "power": 9, "interest": 2}])
    >>> plan["regulator"]["quadrant"], plan["regulator"]["lead"]
    ('keep satisfied', 'legal counsel')
    """
    base = communication_plan(stakeholders, threshold)  # validates the list, the scores and the threshold
    out: dict[str, dict[str, Any]] = {}
    for s in stakeholders:
        key = _key(s)
        if "kind" not in s:
            raise InputError(f"stakeholder {key!r} has no 'kind'; give one of {', '.join(EXTERNAL_KINDS)} "
                             "(as in load('external_stakeholders')).")
        kind = choice(f"the kind of {key!r}", s["kind"], EXTERNAL_KINDS)
        entry = base[key]
        out[key] = {"role": entry["role"], "power": entry["power"], "interest": entry["interest"],
                    "quadrant": entry["quadrant"], "kind": kind, **EXTERNAL_ENGAGEMENT[kind],
                    "forum": entry["forum"]}
    return out
