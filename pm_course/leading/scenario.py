"""A leadership scenario: Shiftbrew's product manager leads, without authority, through a missed target.

The story is data played by the course's scenario engine
(:mod:`pm_course.scenario`, the same engine as module 05's scenario). The
product manager has no authority over the engineers, the designer or the
CEO: every option is a way to lead by influence, or a way to reach for
authority, blame or spin. Three meters move: the team's trust, the CEO's
trust (0-10, starting at 5) and what you know about the cause of the miss
(0-5). An ending's outcome says whether next quarter's target is met (chance,
more likely the more you know) and gives a verdict scored on the outcome and
the team's trust.

    s = LeadershipScenario(seed=8)
    s.play(["a", "a", "a", "a"])
    s.value["outcome"]["verdict"]

The case: find cover (B05, "notify available staff when a shift opens") has
shipped, and its key result for the quarter was missed.
"""

from __future__ import annotations

from typing import Any

from .. import scenario as engine
from ..scenario import Chance, Meter, Node, Option, ScenarioSpec

__all__ = ["LeadershipScenario", "play_leadership", "SPEC", "NODES", "ENDINGS", "VERDICTS", "all_paths",
           "TEAM_TRUST_NEEDED", "BASE_CHANCE"]

VERDICTS = ("strong", "mixed", "poor")
#: The team's trust (0-10) an ending needs to count as kept.
TEAM_TRUST_NEEDED = 7
#: The chance that next quarter's target is met, by ending, before what you learned adds to it.
BASE_CHANCE = {"recovered": 0.55, "overpromised": 0.45, "imposed": 0.3, "shipped_blind": 0.15, "spin": 0.05}
#: Each point of what you know about the cause adds this much to that chance (at most 0.95 in all).
PER_EVIDENCE = 0.1

NODES: dict[str, Node] = {
    "review": Node(
        "The quarterly review",
        "Find cover (B05) shipped this quarter, and its key result, the number of cafés using it every week, "
        "came in at about half of the target. In the quarterly review the CEO asks, in front of everyone, what "
        "happened. The feature shipped three weeks later than planned; the engineering lead looks at the table. "
        "You lead the product, but nobody in the room reports to you.",
        (
            Option("a", "Own it: \"I set that target and the plan, so the miss is mine. I don't know yet why cafés "
                        "don't use it; I'll come back in two weeks with what we learn.\"",
                   "The room relaxes. After the meeting the engineering lead thanks you.",
                   {"team": 2, "ceo": 1}, "listen"),
            Option("b", "Explain the delay: engineering shipped three weeks after the plan.",
                   "It is true, and it lands on the engineering lead in front of the whole company.",
                   {"team": -3, "ceo": -1}, "blame"),
            Option("c", "Propose a lower target for next quarter, one that today's numbers already meet.",
                   "The CEO frowns: a target moved after a miss teaches nothing.",
                   {"ceo": -2}, "goalposts"),
        ),
    ),
    "blame": Node(
        "Silence in planning",
        "The engineering lead says little in the next planning meeting. The CEO wants a recovery plan by Friday.",
        (
            Option("a", "Apologise to the engineering lead in private, and ask them to work out with you what went "
                        "wrong and what to do.",
                   "The engineering lead accepts, a little warily, and suggests looking at how cafés use it.",
                   {"team": 2}, "listen"),
            Option("b", "Write the recovery plan yourself: a list of features and dates, handed to the team.",
                   "The plan is on time. The team reads it in silence.",
                   {"team": -1, "ceo": 1}, "command"),
        ),
    ),
    "goalposts": Node(
        "A target is not a wish",
        "The CEO, after the review: \"If we move the target every time we miss it, it isn't a target. What did "
        "we learn?\"",
        (
            Option("a", "Admit you don't know yet, and propose to find out with the team within two weeks.",
                   "The CEO nods: honest, and a plan to learn.",
                   {"ceo": 1}, "listen"),
            Option("b", "Point at the dashboard: sign-ups are up, so the quarter was good overall.",
                   "The CEO stops asking you and starts asking the engineering lead.",
                   {"ceo": -2, "team": -1}, "spin"),
        ),
    ),
    "listen": Node(
        "Why don't cafés use it?",
        "The dashboard shows cafés switching find cover on, then off again within a week. Nobody knows why.",
        (
            Option("a", "Go to cafés with the designer and an engineer, and watch three managers handle a sick call.",
                   "Early mornings in three cafés; the engineer and the designer take the notes.",
                   {"evidence": 2, "team": 1},
                   Chance(0.7, "the visits show the cause", "insight", "murky",
                          "On the second morning you see it happen.",
                          "The visits are interesting, but nobody calls in sick while you are there.")),
            Option("b", "Ask the data engineer for a deeper funnel analysis, and wait for it.",
                   "A week later the analysis arrives, careful and inconclusive.",
                   {"evidence": 1}, "murky"),
            Option("c", "Decide the fix yourself: more notifications. Write the tickets tonight.",
                   "The tickets are in the sprint by morning. Nobody asked the team.",
                   {"team": -2}, "command"),
        ),
    ),
    "insight": Node(
        "The cause",
        "You see it: find cover messages every available barista at once, and the first to answer gets the "
        "shift, even when the manager wanted someone else to cover. Managers switch it off to keep control of "
        "who works.",
        (
            Option("a", "Bring the team the evidence and the problem, not a solution: managers need to choose who "
                        "covers. Ask them for options by Thursday.",
                   "The engineers who came to the cafés explain it to the rest better than you could.",
                   {"team": 2, "evidence": 1}, "team_plan"),
            Option("b", "Write the specification of a manager-approval step and hand it to the team.",
                   "A good idea, delivered as an order.",
                   {"team": -1}, "command"),
        ),
    ),
    "murky": Node(
        "No clear cause yet",
        "What you have is ambiguous: some cafés churn, some just stop using the feature. The CEO asks for a plan "
        "by Friday.",
        (
            Option("a", "Tell the CEO what you know and what you don't; propose two weeks of discovery with the "
                        "team, with a checkpoint, and go to cafés together.",
                   "The CEO agrees to the checkpoint. The designer books the visits.",
                   {"ceo": 1, "evidence": 1, "team": 1},
                   Chance(0.6, "discovery finds the cause", "insight", "rushed",
                          "This time a manager takes a sick call while you watch.",
                          "Two weeks pass without a clear answer, and the CEO wants something built.")),
            Option("b", "Promise the CEO a fix by the end of the month, and start building.",
                   "The CEO is pleased; the team builds without knowing the cause.",
                   {"ceo": 1, "team": -1}, "rushed"),
        ),
    ),
    "command": Node(
        "Built as specified",
        "The team builds what you specified. The engineering lead: \"Next time, tell us the problem you want "
        "solved.\"",
        (
            Option("a", "Ask the CEO to tell the team that your plan is the priority.",
                   "The CEO does it. Authority borrowed gets compliance, not commitment.",
                   {"team": -2, "ceo": -1}, "imposed"),
            Option("b", "Take the point: ask the team what they would change, and re-plan with them.",
                   "The engineering lead proposes watching cafés use it first.",
                   {"team": 2, "evidence": 1}, "team_plan"),
        ),
    ),
    "rushed": Node(
        "Building in the dark",
        "Halfway through the build, the support lead forwards a call: a manager hates that find cover gives "
        "shifts to whoever answers first.",
        (
            Option("a", "Stop, share what support heard, and re-plan with the team; tell the CEO the date moves and "
                        "why.",
                   "The CEO is not pleased about the date, but the team is relieved.",
                   {"team": 1, "ceo": -1, "evidence": 1}, "team_plan"),
            Option("b", "Keep going: the date is promised.",
                   "The team ships on the date and does not believe in what it shipped.",
                   {"team": -3}, "shipped_blind"),
        ),
    ),
    "team_plan": Node(
        "The team's plan",
        "The team proposes that managers choose who is asked first, tried for a week in twenty cafés. The CEO asks "
        "you what to expect.",
        (
            Option("a", "Commit to the outcome, not a feature: weekly use back on track by the end of next quarter, "
                        "a checkpoint in four weeks, and a report either way.",
                   "The CEO accepts: a clear outcome, a way to learn early, and no surprises.",
                   {"ceo": 2}, "recovered"),
            Option("b", "Promise the full target next quarter, with no checkpoint, on the team's behalf.",
                   "The CEO writes the number down. The team hears about the promise afterwards.",
                   {"ceo": 1, "team": -4}, "overpromised"),
        ),
    ),
    # ---- endings
    "recovered": Node(
        "Led through the miss",
        "The team runs the trial and takes it to every café.",
        lesson="You owned the outcome, went to the customers with the team, gave the team a problem rather than a "
               "solution, and promised the CEO an outcome with a checkpoint. That is leading without authority.",
    ),
    "overpromised": Node(
        "A promise the team did not make",
        "The trial goes ahead under a target the team never agreed to.",
        lesson="Accountability for the outcome is yours; a promise made on the team's behalf spends their trust.",
    ),
    "imposed": Node(
        "Authority borrowed",
        "The plan goes ahead because the CEO said so.",
        lesson="'CEO of the product' means accountable for the outcome, not entitled to command: borrowing the "
               "CEO's authority gets compliance, and the next idea will not come from the team.",
    ),
    "shipped_blind": Node(
        "A fix for the wrong problem",
        "More notifications ship on the promised date.",
        lesson="A date kept for a solution nobody tested against the cause is a plan honoured and an outcome "
               "missed.",
    ),
    "spin": Node(
        "Spin",
        "Next quarter's plan is made without you.",
        lesson="Explaining a miss away costs more credibility than the miss itself: leaders own outcomes.",
    ),
}

ENDINGS = tuple(k for k, n in NODES.items() if not n.options)
START = "review"
MAX_STEPS = 8


def target_chance(ending: str, evidence: int) -> float:
    """The chance that next quarter's target is met at ``ending`` with ``evidence`` points of knowledge."""
    return min(0.95, BASE_CHANCE[ending] + PER_EVIDENCE * evidence)


def _score(run: engine.Scenario) -> dict[str, Any]:
    """Next quarter's target (chance), trust, and a verdict scored on the outcome and the team's trust."""
    evidence = run.meters["evidence"]
    met = run.draw(target_chance(run.node, evidence))
    trust = {"team": run.meters["team"], "ceo": run.meters["ceo"]}
    score = int(met) + int(trust["team"] >= TEAM_TRUST_NEEDED)
    return {"target": "met" if met else "missed", "trust": trust, "evidence": evidence, "score": score,
            "verdict": VERDICTS[2 - score]}


SPEC = ScenarioSpec(
    name="leading through a missed target",
    nodes=NODES,
    start=START,
    meters={
        "team": Meter(start=5, low=0, high=10, label="trust of the team"),
        "ceo": Meter(start=5, low=0, high=10, label="trust of the CEO"),
        "evidence": Meter(start=0, low=0, high=5, label="what you know about the cause"),
    },
    score=_score,
    summary=lambda o: f"Target {o['target']}; the team's trust {o['trust']['team']}/10; score {o['score']} of 2",
    max_steps=MAX_STEPS,
)


class LeadershipScenario(engine.Scenario):
    """The missed-target scenario; deterministic from ``seed``. Read ``.value`` for plain data."""

    def __init__(self, seed: int = 0):
        super().__init__(SPEC, seed)


def play_leadership(choices: list[str], seed: int = 0) -> dict[str, Any]:
    """Replay ``choices`` from the start with ``seed``; returns the scenario's ``value``."""
    return engine.replay(SPEC, choices, seed)


def all_paths() -> list[list[str]]:
    """Every sequence of choices from the start to an ending (each branch of a chance explored)."""
    return engine.all_paths(SPEC)
