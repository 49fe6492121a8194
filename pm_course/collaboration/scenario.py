"""A branching scenario: the Head of Sales asks for a custom report just before a launch.

The story is data (nodes with choices, each choice with a consequence: a
change in trust, in launch risk, sometimes a chance event; endings with an
outcome that can be checked), played by the course's scenario engine
(:mod:`pm_course.scenario`). Chance events draw from ``random.Random(seed)``
in the order they happen, so the same seed and the same choices always give
the same story and the same outcome.

    s = Scenario(seed=7)
    s.choose("b")            # returns what happened
    s.play(["a"])            # several choices at once; returns the outcome when the story ends
    s.value                  # {'seed': 7, 'choices': ['b', 'a'], 'finished': True, 'outcome': {...}}

The situation uses the Shiftbrew case study: B02 (swap a shift from the phone)
is about to launch; B31 (custom report for the 14-site prospect) is a Won't;
B07 (multi-site labour report for chains) is a Could.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import scenario as engine
from ..scenario import Chance, Meter, Option, ScenarioSpec

__all__ = ["Scenario", "play_scenario", "NODES", "ENDINGS", "TRUST", "VERDICTS", "all_paths", "SPEC"]

#: The three relationships the scenario tracks, each 0-10, starting at 5.
TRUST = ("sales", "team", "leadership")
TRUST_NAMES = {"sales": "Head of Sales", "team": "engineering and design team", "leadership": "CEO"}
VERDICTS = ("strong", "mixed", "poor")


@dataclass(frozen=True)
class Node(engine.Node):
    """A node of this story; an ending's ``deal`` is "signed", "not signed", or a chance."""

    deal: str | Chance | None = None


# ---------------------------------------------------------------- the story

# The same chance event ends every path where the custom report gets built.
_SIGNS_FOR_CUSTOM_REPORT = Chance(0.8, "the prospect signs for the custom report", "", "", "The chain signs.",
                                  "The chain signs with a competitor anyway.")

NODES: dict[str, Node] = {
    "request": Node(
        "A request before the launch",
        "Eight days before Shiftbrew launches shift swaps from the phone (B02), with the marketing campaign "
        "already booked, the Head of Sales stops by: the operations director of a 14-site chain will sign "
        "this month if Shiftbrew builds them a custom labour report (B31, a Won't on the roadmap). "
        "\"It's only a report. Can the team fit it in before the launch?\"",
        (
            Option("a", "Say yes and add B31 to the current sprint.",
                   "The Head of Sales is delighted. The engineering lead hears about it at stand-up and is not.",
                   {"sales": 2, "team": -2, "risk": 2}, "squeeze"),
            Option("b", "Ask for thirty minutes today to understand what the prospect needs, and by when.",
                   "The Head of Sales is impatient but agrees, and offers to bring you onto a call with the prospect.",
                   {}, "discovery"),
            Option("c", "Reply that B31 is a Won't on the roadmap, so the answer is no.",
                   "A one-line no without a reason. The Head of Sales forwards it to the CEO.",
                   {"sales": -3, "leadership": -1}, "escalation"),
        ),
    ),
    "squeeze": Node(
        "The team pushes back",
        "The engineering lead explains that the report takes two engineers off the swap launch for a week and "
        "leaves no time for testing. Marketing's campaign date cannot move.",
        (
            Option("a", "Hold the line: ask the team to work the weekend to do both.",
                   "The team does it, tired and unconvinced. Testing is squeezed into a day.",
                   {"team": -2, "risk": 1}, "crunch"),
            Option("b", "Go back to the Head of Sales, say you agreed too fast, and work out the real need together.",
                   "Awkward, but the Head of Sales respects that you came back in person with a reason.",
                   {"sales": -1, "team": 1, "risk": -2}, "discovery"),
        ),
    ),
    "escalation": Node(
        "The CEO calls",
        "The CEO calls you: \"Sales says you turned down a 14-site deal. Walk me through it.\"",
        (
            Option("a", "Show the trade-off: what a late launch costs, how many sites the report serves, and an "
                        "alternative you can offer the prospect.",
                   "The CEO backs the launch and asks you to find the prospect a way in. The Head of Sales joins.",
                   {"leadership": 2, "sales": 1}, "discovery"),
            Option("b", "Point to the process: B31 is a Won't and the roadmap was agreed.",
                   "The CEO hears a rule, not a reason, and decides without you: B31 goes into the sprint.",
                   {"leadership": -2, "sales": -1, "team": -1, "risk": 3}, "overruled"),
        ),
    ),
    "discovery": Node(
        "The problem behind the request",
        "On a call with the Head of Sales and the prospect's operations director you learn the real need: "
        "to compare labour cost across the 14 sites every week. The contract is due at the end of the quarter, "
        "six weeks away. Shiftbrew already holds every site's hours, and a multi-site labour report for chains "
        "(B07) is on the roadmap as a Could.",
        (
            Option("a", "Offer an interim now (a weekly multi-site hours export that support sets up) and a place "
                        "in discovery for the multi-site report (B07) next quarter; explain to sales why the launch "
                        "comes first.",
                   "Sales can take something real to the prospect this week; the team keeps its launch.",
                   {"sales": 1, "team": 1, "leadership": 1},
                   Chance(0.7, "the prospect accepts the interim", "partner", "hesitation",
                          "The operations director likes the export.",
                          "The operations director hesitates: their finance team wants to see more.")),
            Option("b", "Promise the custom report (B31) straight after the launch, with a date.",
                   "Sales is happy. The CTO asks, again, why the roadmap is being set deal by deal.",
                   {"sales": 2, "team": -1, "leadership": -1},
                   "one_off"),
            Option("c", "Take the problem to the team: ask the engineering lead and the designer for the smallest "
                        "thing after the launch that lets the prospect compare sites.",
                   "The team proposes a simple multi-site view built on the hours export, a first step towards B07.",
                   {"team": 2, "sales": 1},
                   Chance(0.75, "the prospect accepts the team's proposal", "partner", "hesitation",
                          "The operations director is convinced by the sketch.",
                          "The operations director hesitates: their finance team wants to see more.")),
        ),
    ),
    "hesitation": Node(
        "The prospect hesitates",
        "The operations director likes the direction, but their finance team wants to see the multi-site view "
        "before they sign.",
        (
            Option("a", "Offer a working session with the designer to sketch the multi-site view together, and "
                        "a dated discovery plan in writing.",
                   "The session goes well; sales sees a partner-customer in the making.",
                   {"team": 1, "sales": 1},
                   Chance(0.6, "the prospect signs after the session", "partner", "lost_well",
                          "Their finance team is satisfied.",
                          "Their finance team decides to wait until the report exists.")),
            Option("b", "Give in: put B31 into the sprint before the launch after all.",
                   "Two engineers leave the launch for the report.",
                   {"team": -3, "sales": 1, "risk": 2}, "one_off"),
        ),
    ),
    # ---- endings
    "partner": Node(
        "A customer and a direction",
        "The chain signs with the interim export and joins discovery for the multi-site labour report.",
        deal="signed",
        lesson="Asking about the problem behind the request opened an option nobody had asked for, and kept "
               "the launch promise to everyone else.",
    ),
    "lost_well": Node(
        "No deal this quarter",
        "The chain does not sign this quarter but stays in the discovery group for the multi-site report.",
        deal="not signed",
        lesson="A good decision can still have a disappointing outcome. Sales, the team and the CEO understood "
               "the trade-off, so trust survived and the door stays open.",
    ),
    "one_off": Node(
        "A report for one customer",
        "The team builds a one-off report for one prospect. Others will ask for theirs.",
        deal=_SIGNS_FOR_CUSTOM_REPORT,
        lesson="Building what one buyer asks for trades the roadmap for a single deal, and teaches the company "
               "that the roadmap is negotiable deal by deal.",
    ),
    "crunch": Node(
        "Both, at a cost",
        "The report ships; the launch has a day of testing and a tired team.",
        deal=_SIGNS_FOR_CUSTOM_REPORT,
        lesson="Saying yes to everything moves the cost onto the team and the launch; it is still a choice, "
               "just not an explicit one.",
    ),
    "overruled": Node(
        "Decided for you",
        "The CEO put B31 into the sprint. The launch carries the risk.",
        deal=_SIGNS_FOR_CUSTOM_REPORT,
        lesson="A rule is not a reason. Without the story behind the priority, the decision moved to someone "
               "who had less context.",
    ),
}

ENDINGS = tuple(k for k, n in NODES.items() if not n.options)
START = "request"
MAX_STEPS = 10  # no path is longer; a test proves every path ends


def _score(run: engine.Scenario) -> dict[str, Any]:
    """The ending's outcome: whether the deal signed, whether the launch kept its date, trust, a verdict."""
    deal = NODES[run.node].deal
    if isinstance(deal, Chance):
        deal = "signed" if run.draw(deal.p) else "not signed"
    risk = run.meters["risk"]
    if risk >= 3:
        launch = "late"
    elif risk == 2:
        launch = "on time" if run.draw(0.5) else "late"
    else:
        launch = "on time"
    trust = {k: run.meters[k] for k in TRUST}
    # The verdict judges the decision, not the luck: the launch kept and every relationship intact
    # (each trust 5 or more). The deal is reported on its own, because chance decides part of it.
    goals = (launch == "on time") + (min(trust.values()) >= 5)
    return {"launch": launch, "deal": deal, "trust": trust, "verdict": VERDICTS[2 - goals]}


def _risk_gauge(r: int) -> tuple[str, str]:
    return "●" * min(r, 3) + "○" * max(0, 3 - r), "slips" if r >= 3 else "at risk" if r == 2 else "on track"


SPEC = ScenarioSpec(
    name="a custom report before the launch",
    nodes=NODES,
    start=START,
    meters={
        **{k: Meter(start=5, low=0, high=10, label=f"trust of the {TRUST_NAMES[k]}") for k in TRUST},
        "risk": Meter(start=0, low=0, high=None, label="launch", gauge=_risk_gauge),
    },
    score=_score,
    summary=lambda o: f"Launch {o['launch']}; deal {o['deal']}",
    max_steps=MAX_STEPS,
)


class Scenario(engine.Scenario):
    """The custom-report scenario; deterministic from ``seed``.

    Attributes you can read: ``node`` (the current node id), ``title``,
    ``text``, ``options`` ({key: label}), ``trust`` ({"sales", "team",
    "leadership"}: 0-10), ``launch_risk``, ``choices``, ``history`` (one dict
    per step), ``finished`` and ``outcome`` (None until the story ends).
    """

    def __init__(self, seed: int = 0):
        super().__init__(SPEC, seed)

    @property
    def trust(self) -> dict[str, int]:
        return {k: self.meters[k] for k in TRUST}

    @property
    def launch_risk(self) -> int:
        return self.meters["risk"]


def play_scenario(choices: list[str], seed: int = 0) -> dict[str, Any]:
    """Replay ``choices`` from the start with ``seed``; returns the scenario's ``value``."""
    s = Scenario(seed)
    s.play(choices)
    return s.value


def all_paths() -> list[list[str]]:
    """Every sequence of choices from the start to an ending (chance aside: each branch of a chance is explored)."""
    return engine.all_paths(SPEC)
