"""Managing and leading: Kotter's three pairs, and twenty actions of Shiftbrew's CEO, who leads product, to sort.

Shiftbrew has one product manager, who reports to the CEO (a co-founder); the
actions are those of the CEO as the product leader above the PM (the case study).

John P. Kotter, "What Leaders Really Do", Harvard Business Review, May-June
1990: management copes with complexity (planning and budgeting, organizing
and staffing, controlling and problem solving); leadership copes with change
(setting a direction, aligning people, motivating and inspiring). Each
management activity has a leadership counterpart, and an organisation needs
both. Kotter counts coaching and feedback among the ways leaders motivate;
Marty Cagan and Chris Jones (*Empowered*, 2020) file staffing and coaching
under management and strategic context (mission, vision, strategy, objectives,
product principles and team topology) under leadership: the sorter follows
Kotter and says where Empowered differs.
"""

from __future__ import annotations

from typing import Any

from ..core.validate import InputError, InputTypeError, describe

__all__ = ["KOTTER", "CATEGORIES", "KINDS", "PAIRS", "ACTIONS", "kotter_category", "kotter_kind",
           "validate_placements", "sort_score"]

KINDS = ("managing", "leading")
#: Kotter (1990): each kind's three activities, in the order of the three pairs.
KOTTER = {
    "managing": ("planning and budgeting", "organizing and staffing", "controlling and problem solving"),
    "leading": ("setting a direction", "aligning people", "motivating and inspiring"),
}
CATEGORIES = KOTTER["managing"] + KOTTER["leading"]
#: The three pairs: a management activity and its leadership counterpart.
PAIRS = tuple(zip(KOTTER["managing"], KOTTER["leading"]))

# id, action, Kotter category, why
_ACTIONS = [
    ("A01", "Splits next quarter's six person-months between the swap launch, find cover and technical debt",
     "planning and budgeting", "Allocating a fixed capacity to items is budgeting: it makes the plan feasible."),
    ("A02", "Writes the quarter's release plan for the payroll export, with milestones and dates",
     "planning and budgeting", "Steps, dates and milestones are a plan: management produces predictability."),
    ("A03", "Sets the year's budget for customer visits and usability tests",
     "planning and budgeting", "Deciding how much money goes where is budgeting, even when the money buys research."),
    ("A04", "Hires a second designer and decides which team they join",
     "organizing and staffing", "Creating and filling jobs is staffing; Empowered agrees that staffing is management."),
    ("A05", "Moves the mobile engineer to the swap team for the launch",
     "organizing and staffing", "Assigning people to work is organizing: fitting the structure to the plan."),
    ("A06", "Writes down who decides what for the launch (a DACI)",
     "organizing and staffing", "Delegating responsibility and defining decision rights is organizing."),
    ("A07", "Reviews the weekly dashboard against the plan and asks why sign-ups dipped",
     "controlling and problem solving", "Comparing results with the plan and investigating a deviation is control."),
    ("A08", "Runs the triage when payroll exports fail for three cafés",
     "controlling and problem solving", "Finding and fixing a deviation from what should happen is problem solving."),
    ("A09", "Compares what the sprint delivered with the release plan and re-plans the item that slipped",
     "controlling and problem solving", "Monitoring against plan and correcting is the control loop of management."),
    ("A10", "Requires a second reviewer for every change to the payroll export",
     "controlling and problem solving", "A rule that catches errors before they reach customers is a control."),
    ("A11", "Writes the product vision: rotas that fill themselves, and why that matters to café owners",
     "setting a direction", "A vision of the future and why it is worth reaching is direction, not a plan."),
    ("A12", "Chooses to win small chains before large ones, and says what Shiftbrew will not do",
     "setting a direction", "A strategy (where to play, what not to do) sets the direction plans then serve."),
    ("A13", "Proposes one North Star metric, shifts filled without a manager's call, to guide the teams",
     "setting a direction", "Naming the outcome everyone aims at points the organisation; it is not a plan."),
    ("A14", "Tells the vision story to sales, support and engineering until each can retell it",
     "aligning people", "Kotter's alignment is communication: many people understanding and believing one direction."),
    ("A15", "Gets the CTO and the Head of Sales to agree on the chain strategy before the roadmap review",
     "aligning people", "Winning the cooperation of those who could block the direction is aligning people."),
    ("A16", "Shares clips from customer interviews with the whole company",
     "aligning people", "One shared picture of the customer's problem lines people up behind the same direction."),
    ("A17", "Takes two engineers to a café at six in the morning to watch a manager build a rota",
     "motivating and inspiring", "Connecting the work to the people it helps feeds purpose: that motivates."),
    ("A18", "Thanks the support lead at the all-hands for the insight behind the swap feature",
     "motivating and inspiring", "Recognition, given specifically and in public, is one of Kotter's motivators."),
    ("A19", "Lets the team decide how to solve the find-cover problem instead of handing them a design",
     "motivating and inspiring", "Involving people in how to reach the vision gives them control: Kotter's motivation."),
    ("A20", "Coaches the product manager in a weekly one-to-one on running discovery interviews",
     "motivating and inspiring", "Kotter lists coaching and feedback among the ways leaders motivate; Empowered "
                                 "calls coaching management. This sorter follows Kotter."),
]
ACTIONS: list[dict[str, str]] = [
    {"id": i, "action": a, "category": c, "kind": "managing" if c in KOTTER["managing"] else "leading", "why": w}
    for i, a, c, w in _ACTIONS
]
_BY_ID = {a["id"]: a for a in ACTIONS}


#: The verb forms the lesson and its hints use ("organise and staff") for each activity.
_VERB_FORMS = {
    "plan and budget": "planning and budgeting",
    "organize and staff": "organizing and staffing",
    "control and solve problems": "controlling and problem solving",
    "control and problem solving": "controlling and problem solving",
    "controlling and solving problems": "controlling and problem solving",
    "set a direction": "setting a direction",
    "set the direction": "setting a direction",
    "setting the direction": "setting a direction",
    "setting direction": "setting a direction",
    "align people": "aligning people",
    "motivate and inspire": "motivating and inspiring",
}


def kotter_category(category: Any) -> str | None:
    """The activity ``category`` names, spelled as :data:`CATEGORIES` spells it, or None if it names none.

    Case and spaces do not matter, nor British or American spelling ("organising" or "organizing"), "&" or "/"
    for "and", or the verb forms the lesson uses ("organise and staff", "set a direction").
    """
    if type(category) is not str:
        return None
    c = category.casefold().replace("&", " and ").replace("/", " and ").replace("+", " and ").replace("-", " ")
    c = " ".join(c.split()).replace("organis", "organiz")
    if c in CATEGORIES:
        return c
    return _VERB_FORMS.get(c)


def kotter_kind(category: Any) -> str:
    """'managing' or 'leading' for one of Kotter's six activities (any spelling :func:`kotter_category` reads)."""
    if type(category) is not str:
        raise InputTypeError(f"a category is text, one of {', '.join(CATEGORIES)}; got {describe(category)}.")
    c = kotter_category(category)
    for kind, cats in KOTTER.items():
        if c in cats:
            return kind
    raise InputError(f"{category!r} is not one of Kotter's six activities ({', '.join(CATEGORIES)}).")


def validate_placements(placements: Any) -> dict[str, str | None]:
    """Check a sorter state: a dict action id -> one of Kotter's six categories, or None (not placed yet)."""
    if type(placements) is not dict:
        raise InputTypeError(f"placements are a dict action id -> Kotter category, e.g. {{'A01': 'planning and "
                             f"budgeting'}}; got {describe(placements)}.")
    out: dict[str, str | None] = {}
    for k, v in placements.items():
        key = k.strip().upper() if type(k) is str else k
        if key not in _BY_ID:
            raise InputError(f"{k!r} is not an action id; the actions are A01 to A{len(ACTIONS):02d}.")
        if v is None:
            out[key] = None
            continue
        kotter_kind(v)
        out[key] = kotter_category(v)
    return out


def sort_score(placements: Any) -> dict[str, Any]:
    """How a set of placements scores: placed, right kind, right category, and the ids placed wrongly."""
    p = validate_placements(placements)
    placed = {k: v for k, v in p.items() if v is not None}
    right_kind = [k for k, v in placed.items() if kotter_kind(v) == _BY_ID[k]["kind"]]
    right = [k for k, v in placed.items() if v == _BY_ID[k]["category"]]
    return {
        "placed": len(placed),
        "total": len(ACTIONS),
        "right_kind": len(right_kind),
        "right_category": len(right),
        "wrong": sorted(k for k in placed if k not in right),
    }
