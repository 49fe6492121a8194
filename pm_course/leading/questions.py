"""Auto-graded questions (and the written answer) of module 08, Leading products.

Cheap to import: pure logic and the case study data only (no widgets). The
widget questions read any object with a ``.value`` (the sorter, the scenario).
"""

from __future__ import annotations

from ..career.goals import metrics_as_feedback
from ..core import Choice, Mapping, Misconception, Question, Rubric, Rule, SetOf, Value, WidgetState
from ..core.written import WrittenAnswer, length, mentions
from ..data import load
from ..scenario import play_rules, reading
from .leadership import ACTIONS, CATEGORIES, kotter_category
from .motivation import SDT_NEEDS, driver_id, team_view
from .scenario import SPEC, play_leadership

__all__ = [
    "QUESTIONS", "WRITTEN", "NEW_ACTIONS", "NEW_ACTION_LIST", "EMPOWERED_ITEMS", "SDT_DRIVERS", "HERZBERG_LIST",
    "REWARD_OPTIONS", "MOVES", "REASONS", "CEO_STATEMENTS", "SCENARIO_SEED",
    "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11", "w1",
]

MODULE = "08_leading"


class KotterMapping(Mapping):
    """A Mapping onto Kotter's activities that reads any spelling the lesson uses ("organising and staffing",
    "organise and staff"): :func:`.leadership.kotter_category` spells each as CATEGORIES does."""

    def conform(self, answer):
        if type(answer) is dict:
            answer = {k: (kotter_category(v) or v) if type(v) is str else v for k, v in answer.items()}
        return super().conform(answer)


class DriverChoice(Choice):
    """A Choice of a driver id that also reads the driver's name ("customer impact" for 'customer_impact')."""

    def conform(self, answer):
        if type(answer) is str and driver_id(answer) is not None:
            answer = driver_id(answer)
        return super().conform(answer)
TEAM = load("team_motivation")
TEAM_ROWS = team_view(TEAM)

# ---------------------------------------------------------------- q1: Kotter's six activities

NEW_ACTIONS = {
    "Estimates the cost of the payroll-export rebuild for next year's budget": "planning and budgeting",
    "Sets up an on-call rota for the support team during the launch week": "organizing and staffing",
    "Checks each Monday that the week's support tickets stay under the agreed level": "controlling and problem solving",
    "Describes to the board where Shiftbrew should be in three years, and why": "setting a direction",
    "Meets the marketing lead to make sure the launch message tells the same story as the vision": "aligning people",
    "Shows the engineers a video of a café owner who stopped working Sundays thanks to their feature":
        "motivating and inspiring",
}
NEW_ACTION_LIST = list(NEW_ACTIONS)
#: Why each action is where it is: its side (managing copes with complexity, leading with change) and its pair.
_Q1_WHY = {
    NEW_ACTION_LIST[0]: "managing, 1st pair: putting a cost into next year's budget says how much and when",
    NEW_ACTION_LIST[1]: "managing, 2nd pair: deciding who does which job when fits people into a structure",
    NEW_ACTION_LIST[2]: "managing, 3rd pair: comparing a result with an agreed level catches a deviation",
    NEW_ACTION_LIST[3]: "leading, 1st pair: where Shiftbrew should go and why is a direction, not a plan",
    NEW_ACTION_LIST[4]: "leading, 2nd pair: the vision exists; getting others to tell the same story aligns them",
    NEW_ACTION_LIST[5]: "leading, 3rd pair: connecting the work to the people it helps keeps the engineers moving",
}
q1 = Question(
    module=MODULE, id="q1", points=2,
    prompt="Place each action of NEW_ACTION_LIST in one of Kotter's six activities (a dict action -> activity).",
    checker=KotterMapping(
        expected=NEW_ACTIONS, categories=list(CATEGORIES),
        item_hints={
            "Sets up an on-call rota for the support team during the launch week":
                "Who does which job when: is that a plan, a structure, or a check?",
            "Checks each Monday that the week's support tickets stay under the agreed level":
                "Comparing a result with an agreed level is the management loop that comes after the plan.",
            "Meets the marketing lead to make sure the launch message tells the same story as the vision":
                "The vision exists already: this is about getting others to tell it the same way.",
            "Shows the engineers a video of a café owner who stopped working Sundays thanks to their feature":
                "It changes nothing in the plan or the direction: what does it do for the engineers?",
        },
    ),
    hints=[
        "First decide the side: does the action cope with complexity (managing) or with change (leading)?",
        "Then the pair: plan and budget / set a direction; organise and staff / align people; control and solve "
        "problems / motivate and inspire.",
    ],
    solution_text=("# Kotter (1990): first the side, managing (copes with complexity) or leading (copes with change);\n"
                   "# then the pair: plan and budget / set a direction; organise and staff / align people;\n"
                   "# control and solve problems / motivate and inspire.\n"
                   "answer_q1 = {\n"
                   + "".join(f"    # {_Q1_WHY[a]}\n    {a!r}: {c!r},\n" for a, c in NEW_ACTIONS.items()) + "}"),
    answer=dict(NEW_ACTIONS),
    wrong=[{a: "setting a direction" for a in NEW_ACTIONS},
           {**NEW_ACTIONS, NEW_ACTION_LIST[4]: "setting a direction"}],
    misconceptions=[Misconception(
        lambda a: a[NEW_ACTION_LIST[3]] == "planning and budgeting",
        "A picture of the future and why it matters is a direction; a plan says how and when.",
        example={**NEW_ACTIONS, NEW_ACTION_LIST[3]: "planning and budgeting"})],
)

# ---------------------------------------------------------------- q2: Empowered's split

EMPOWERED = {
    "Hiring a designer for the swap team": "management",
    "Coaching the product manager every week": "management",
    "The product vision": "leadership",
    "The team's objectives for the quarter": "leadership",
    "The product strategy: win small chains first": "leadership",
}
EMPOWERED_ITEMS = list(EMPOWERED)
_Q2_WHY = {
    "Hiring a designer for the swap team": "hiring is staffing, which Empowered files under management",
    "Coaching the product manager every week": "coaching is management in Empowered (Kotter would say motivating, "
                                               "a leadership activity)",
    "The product vision": "the vision is part of the strategic context leadership provides",
    "The team's objectives for the quarter": "team objectives are part of the strategic context",
    "The product strategy: win small chains first": "the strategy is part of the strategic context",
}
q2 = Question(
    module=MODULE, id="q2", points=1,
    prompt="In Empowered (Cagan and Jones), is each item of EMPOWERED_ITEMS part of 'management' or of "
           "'leadership'? A dict item -> 'management' or 'leadership'.",
    checker=Mapping(expected=EMPOWERED, categories=["management", "leadership"], item_hints={
        "Coaching the product manager every week": "Empowered differs from Kotter here: read the lesson's note.",
    }),
    hints=[
        "Empowered: leadership provides the strategic context; management staffs and coaches the team.",
        "Strategic context is the product vision, the strategy and the team objectives.",
    ],
    solution_text=("# Empowered (Cagan and Jones): leadership is the strategic context (vision, strategy, objectives);\n"
                   "# management is staffing and coaching the people.\n"
                   "answer_q2 = {\n"
                   + "".join(f"    # {_Q2_WHY[a]}\n    {a!r}: {c!r},\n" for a, c in EMPOWERED.items()) + "}"),
    answer=dict(EMPOWERED),
    wrong=[{a: "leadership" for a in EMPOWERED}, {**EMPOWERED, "The product vision": "management"}],
    misconceptions=[Misconception(
        lambda a: a["Coaching the product manager every week"] == "leadership",
        "Kotter counts coaching among a leader's ways to motivate, but Empowered files staffing and coaching "
        "under management.",
        example={**EMPOWERED, "Coaching the product manager every week": "leadership"})],
)

# ---------------------------------------------------------------- q3: drivers and SDT's needs

SDT = {"ownership": "autonomy", "collaboration": "relatedness", "growth": "competence", "data": "competence"}
SDT_DRIVERS = list(SDT)
q3 = Question(
    module=MODULE, id="q3", points=1,
    prompt="Which basic need of self-determination theory does each driver of SDT_DRIVERS feed most directly? "
           "A dict driver -> 'autonomy', 'competence' or 'relatedness'.",
    checker=Mapping(expected=SDT, categories=list(SDT_NEEDS), item_hints={
        "data": "Fast feedback on your decisions tells you how good you are getting at them.",
        "collaboration": "Which need is about belonging and connection with others?",
    }),
    hints=[
        "Autonomy: acting by your own choice. Competence: feeling effective and growing. Relatedness: "
        "connection with others.",
        "DRIVER_INFO[driver]['sdt'] holds the course's reading; try first, then compare.",
    ],
    solution_text=("# Autonomy is acting by your own choice, competence feeling effective and getting better,\n"
                   "# relatedness connection with others. The course's reading (a driver can feed more than one):\n"
                   "# ownership -> autonomy: you choose how to reach the outcome you own;\n"
                   "# collaboration -> relatedness: working closely with engineering, design, sales and support;\n"
                   "# growth -> competence: new skills and stretch assignments make you better at the job;\n"
                   "# data -> competence: fast feedback on your decisions shows how effective they are.\n"
                   "answer_q3 = {d: DRIVER_INFO[d]['sdt'] for d in SDT_DRIVERS}"),
    answer=dict(SDT),
    wrong=[{d: "autonomy" for d in SDT}, {**SDT, "growth": "autonomy"}],
    misconceptions=[Misconception(lambda a: a["ownership"] == "competence",
                                  "Ownership is about choosing how to reach the goal: a matter of choice, not skill.",
                                  example={**SDT, "ownership": "competence"})],
)

# ---------------------------------------------------------------- q4: Herzberg's two factors

HERZBERG = {"salary": "hygiene", "recognition": "motivator", "company policy and administration": "hygiene",
            "responsibility": "motivator", "relations with peers": "hygiene", "advancement": "motivator"}
HERZBERG_LIST = list(HERZBERG)
q4 = Question(
    module=MODULE, id="q4", points=1,
    prompt="In Herzberg's two-factor theory (1959), is each factor of HERZBERG_LIST a 'motivator' or a 'hygiene' "
           "factor? A dict factor -> kind.",
    checker=Mapping(expected=HERZBERG, categories=["motivator", "hygiene"], item_hints={
        "relations with peers": "Good colleagues prevent misery; do they make the work itself satisfying?",
        "salary": "A fair salary stops complaints; Herzberg's interviewees rarely named it as what made a good day.",
    }),
    hints=[
        "Motivators are about the work itself and what it gives you; hygiene factors are about the context around it.",
        "Herzberg's motivators: achievement, recognition, the work itself, responsibility, advancement, growth.",
    ],
    solution_text=("# Herzberg (1959): motivators come from the work itself and what it gives you, and create\n"
                   "# satisfaction; hygiene factors are the context around the work, and only prevent dissatisfaction.\n"
                   "# recognition, responsibility, advancement: what the work gives you -> motivators;\n"
                   "# salary, company policy and administration, relations with peers: the context -> hygiene\n"
                   "# (good colleagues and fair pay stop complaints; they do not make the work itself satisfying).\n"
                   "answer_q4 = {f: HERZBERG_FACTORS[f] for f in HERZBERG_LIST}"),
    answer=dict(HERZBERG),
    wrong=[{f: "motivator" for f in HERZBERG}, {**HERZBERG, "recognition": "hygiene"}],
    misconceptions=[Misconception(lambda a: a["salary"] == "motivator",
                                  "In Herzberg's study pay mostly showed up when it was a source of dissatisfaction.",
                                  example={**HERZBERG, "salary": "motivator"})],
)

# ---------------------------------------------------------------- q5: rewards and intrinsic motivation

REWARD_OPTIONS = {
    "a": "Announce a gift voucher for every PM who passes the exam: rewards always add to motivation.",
    "b": "Recognise what each PM learned and applied, specifically and without announcing a prize in advance; "
         "expected rewards made contingent on the task can crowd out interest in it.",
    "c": "Pay a bonus per customer visit, so that visits go up.",
    "d": "Skip recognition: motivated people need none.",
}
q5 = Question(
    module=MODULE, id="q5", points=1,
    prompt="An article suggests adding a small gift voucher to a PM certificate exam to motivate the team. Which "
           "option of REWARD_OPTIONS fits the research? One letter.",
    checker=Choice(expected="b", options=list(REWARD_OPTIONS)),
    hints=[
        "Self-determination theory separates rewards that inform (you did this well) from rewards that control "
        "(do this to get that).",
        "Herzberg counts recognition among the motivators; Deci and Ryan warn about expected, contingent rewards.",
    ],
    solution_text=("# a: expected tangible rewards made contingent on an interesting task tend to lower interest in it\n"
                   "#    (Deci and Ryan's cognitive evaluation theory; Pink's 'if-then' rewards).\n"
                   "# c: a bonus per visit pays for the visit, not the insight, and turns it into a chore.\n"
                   "# d: recognition is one of Herzberg's motivators; withholding it is not neutral.\n"
                   "# b: specific recognition of what was learned and applied informs, and supports competence.\n"
                   "answer_q5 = 'b'   # informational recognition; no expected, contingent prize"),
    answer="b",
    wrong=["a", "c", "d"],
    misconceptions=[
        Misconception("a", "Expected tangible rewards for an interesting task tend to lower interest in it "
                           "(Deci and Ryan; Pink's 'if-then' rewards)."),
        Misconception("c", "Paying per visit measures the visit, not the insight, and makes visits a chore to be paid for."),
        Misconception("d", "Recognition is one of Herzberg's motivators: withholding it is not neutral."),
    ],
)

# ---------------------------------------------------------------- q6, q7: the team view

CI_POINTS = next(r["points"] for r in TEAM_ROWS if r["driver"] == "customer_impact")
q6 = Question(
    module=MODULE, id="q6", points=1,
    prompt="The Shiftbrew team's mean points (8 for a first place ... 1 for a last) for customer impact, "
           "to 2 decimal places.",
    checker=Value(expected=CI_POINTS, decimals=2),
    hints=[
        "Give each member's ranking points: 8 for the first driver, 7 for the second, ..., 1 for the last.",
        "Average customer impact's points over the members of load('team_motivation'); driver_points(ranking) "
        "does the first step.",
    ],
    solution_text=("# Each member's ranking gives points: 8 for the first driver down to 1 for the last\n"
                   "# (driver_points). Add customer impact's points over the team, then divide by the number of\n"
                   "# members: a mean of points, not of ranks (first place earns the most), and not the total.\n"
                   "team = load('team_motivation')\n"
                   "answer_q6 = sum(driver_points(m['ranking'])['customer_impact'] for m in team) / len(team)"),
    answer=CI_POINTS,
    wrong=[9 - CI_POINTS, CI_POINTS * len(TEAM)],
    misconceptions=[
        Misconception(lambda a: abs(a - (9 - CI_POINTS)) < 0.006,
                      "That is the mean rank (1 = first), not the mean points: first place earns the most points.",
                      example=round(9 - CI_POINTS, 2)),
        Misconception(lambda a: abs(a - CI_POINTS * len(TEAM)) < 0.006,
                      "That is the total over the team; divide by the number of members.",
                      example=CI_POINTS * len(TEAM)),
    ],
)

DRIVER_IDS = [r["driver"] for r in TEAM_ROWS]
FIRST = TEAM_ROWS[0]["driver"]
MOST_POINTS = max(TEAM_ROWS, key=lambda r: r["points"])["driver"]
LEAST_FED = min(TEAM_ROWS, key=lambda r: r["fed"])["driver"]
HIGHEST_FED = max(TEAM_ROWS, key=lambda r: r["fed"])["driver"]
q7 = Question(
    module=MODULE, id="q7", points=1,
    prompt="In the team view of the Shiftbrew team, which driver needs a leader's attention first (the highest "
           "attention)? One driver: its id or its name.",
    checker=DriverChoice(expected=FIRST, options=sorted(DRIVER_IDS)),
    hints=[
        "attention = mean points / 8 x (5 - mean fed) / 4: high when a driver matters and today's work starves it.",
        "team_view(load('team_motivation')) returns the rows sorted, highest attention first.",
    ],
    solution_text=("# attention = mean points / 8 x (5 - mean fed) / 4: high when a driver matters to the team and\n"
                   "# today's work starves it. A driver that is already well fed needs little attention, however\n"
                   "# much it matters. team_view sorts its rows highest attention first, so take the first row.\n"
                   "answer_q7 = team_view(load('team_motivation'))[0]['driver']"),
    answer=FIRST,
    wrong=[HIGHEST_FED, "market_success"],
    misconceptions=[Misconception(HIGHEST_FED, "That driver is already well fed today; attention goes where "
                                               "what matters is starved.")],
)

# ---------------------------------------------------------------- q8: the leader's move, with a reason

MOVES = {
    "a": "Tell the PM that two customer visits a month are now mandatory, and track them.",
    "b": "In the next one-to-one, ask what has got in the way of visits, agree a goal together, and go on the next "
         "visit with them.",
    "c": "Do the customer visits yourself until the PM's schedule is clearer.",
    "d": "Wait for the next performance review to raise it.",
}
REASONS = {
    "r1": "Compliance is easiest to measure.",
    "r2": "It supports autonomy and competence: the PM owns the goal, and coaching shows how; the visit count "
          "becomes feedback, not a target on its own.",
    "r3": "A leader should protect the PM from customers.",
    "r4": "Problems usually solve themselves.",
}
q8 = Question(
    module=MODULE, id="q8", points=2,
    prompt="Shiftbrew's only PM, who reports to the CEO, has not visited a customer for two months. As the CEO, "
           "pick your move from MOVES and the reason from REASONS: a dict {'move': letter, 'reason': id}.",
    checker=Rubric(shape=dict[str, str], fields=("move", "reason"), rules=[
        Rule("move", lambda a: None if a["move"].strip().lower() == "b"
             else f"move {a['move']!r} is not the one that keeps the PM owning the change"),
        Rule("reason", lambda a: None if a["reason"].strip().lower() == "r2"
             else f"reason {a['reason']!r} does not explain why the move works"),
    ]),
    hints=[
        "Which move treats the gap as something to understand and coach, rather than to order or to take over?",
        "Self-determination theory: autonomy (the PM chooses), competence (they get better at it), relatedness "
        "(you go together).",
    ],
    solution_text=("# Move b coaches: it asks what got in the way before prescribing, agrees the goal with the PM\n"
                   "# (autonomy) and goes on the next visit together (competence and relatedness).\n"
                   "# a mandates and tracks: it measures visits, not insight, and takes the ownership away;\n"
                   "# c fills the gap for a month and grows nobody; d lets the gap grow until the review.\n"
                   "# Reason r2 says why b works (self-determination theory; the count is feedback, not a target);\n"
                   "# r1, r3 and r4 do not explain it.\n"
                   "answer_q8 = {'move': 'b', 'reason': 'r2'}   # coach: ask, agree a goal, go together"),
    answer={"move": "b", "reason": "r2"},
    wrong=[{"move": "a", "reason": "r1"}, {"move": "b", "reason": "r1"}, {"move": "c", "reason": "r2"}],
    misconceptions=[
        Misconception(lambda a: a["move"].strip().lower() == "a",
                      "A mandate with tracking measures visits, not insight, and takes the ownership away.",
                      example={"move": "a", "reason": "r2"}),
        Misconception(lambda a: a["move"].strip().lower() == "c",
                      "Doing it yourself fills the gap for a month and grows nobody.",
                      example={"move": "c", "reason": "r1"}),
    ],
)

# ---------------------------------------------------------------- q9: the CEO of the product

CEO_STATEMENTS = {
    "s1": "The PM is accountable for the product's outcome, as a CEO is for the company's.",
    "s2": "The PM can tell engineers what to build, because they are the CEO of the product.",
    "s3": "Critics point out that PMs have no authority over the team and lead by influence.",
    "s4": "The phrase was popularised by the memo 'Good Product Manager / Bad Product Manager' (Ben Horowitz and "
          "David Weiden, 1996).",
    "s5": "The phrase means a PM should decide the roadmap alone.",
}
CEO_TRUE = {"s1", "s3", "s4"}
q9 = Question(
    module=MODULE, id="q9", points=1,
    prompt="Which statements of CEO_STATEMENTS are true of the 'CEO of the product' idea as the lesson teaches "
           "it? A set of ids.",
    checker=SetOf(expected=CEO_TRUE),
    hints=[
        "Read the phrase as accountability for the outcome, not as authority over people.",
        "Three statements are true: where it comes from, what it means, and what its critics say.",
    ],
    solution_text=("# s4: the phrase was popularised by Horowitz and Weiden's 'Good Product Manager / Bad Product Manager' (1996).\n"
                   "# s1: what it means, read well: accountability for the product's outcome, as a CEO's for the company.\n"
                   "# s3: what its critics say (best known, Martin Eriksson, 2017): PMs have no authority and lead by\n"
                   "#     influence (Marty Cagan accepts this but defends the analogy for its accountability).\n"
                   "# s2 and s5 read it as authority: a PM cannot tell engineers what to build, nor decide alone.\n"
                   "answer_q9 = {'s1', 's3', 's4'}"),
    answer=set(CEO_TRUE),
    wrong=[{"s1", "s2", "s4"}, {"s1"}],
    misconceptions=[Misconception(lambda a: "s2" in a or "s5" in a,
                                  "The phrase is about owning the outcome; a PM has no authority to command "
                                  "the team or to decide alone.", example={"s1", "s2", "s3", "s4"})],
)

# ---------------------------------------------------------------- q10: the scenario, through the widget

SCENARIO_SEED = 2026
BEST_PATH = ["a", "a", "a", "a"]
SCENARIO_ANSWER = play_leadership(BEST_PATH, seed=SCENARIO_SEED)


SCENARIO_RULES = [
    *play_rules(SPEC, SCENARIO_SEED),
    Rule("team", lambda v: None if (reading(v, "outcome", "trust", "team") or 0) >= 7
         else "end with the team's trust at 7 or more: you will need them next quarter"),
    Rule("verdict", lambda v: None if reading(v, "outcome", "verdict") == "strong"
         else "with this seed there is a path that meets the target and keeps the team (verdict 'strong')"),
]
q10 = Question(
    module=MODULE, id="q10", points=2,
    prompt=f"Play the leadership scenario with seed {SCENARIO_SEED} to an ending with the verdict 'strong'; pass "
           "the scenario widget itself.",
    checker=WidgetState(inner=Rubric(rules=SCENARIO_RULES, shape=dict[str, None],
                                     fields=("seed", "choices", "finished", "outcome"))),
    hints=[
        "Own the miss before explaining it, and find out the cause with the team, where customers are.",
        "Give the team the problem rather than a solution, and promise the CEO an outcome with a checkpoint, "
        "not a promise on the team's behalf.",
    ],
    solution_text=("# a: own the miss in the review instead of blaming engineering or moving the target;\n"
                   "# a: go to cafés with the designer and an engineer (with this seed the visits show the cause);\n"
                   "# a: bring the team the evidence and the problem, not a solution, and ask them for options;\n"
                   "# a: promise the CEO an outcome with a checkpoint, not the full target on the team's behalf.\n"
                   f"# The ending: team's trust {SCENARIO_ANSWER['outcome']['trust']['team']}/10 (7 or more needed), "
                   f"target {SCENARIO_ANSWER['outcome']['target']}: {SCENARIO_ANSWER['outcome']['verdict']}.\n"
                   f"scenario.reset(seed={SCENARIO_SEED}); scenario.play({BEST_PATH!r})\nanswer_q10 = scenario"),
    answer=SCENARIO_ANSWER,
    wrong=[
        play_leadership(["b", "b", "a"], seed=SCENARIO_SEED),
        play_leadership(["a"], seed=SCENARIO_SEED),
        {**SCENARIO_ANSWER, "choices": ["c", "b"]},
    ],
)

# ---------------------------------------------------------------- q11: the sorter, through the widget

ALL_RIGHT = {a["id"]: a["category"] for a in ACTIONS}


_Q11_WHY = {
    "planning and budgeting": "steps, dates and money (how and when)",
    "organizing and staffing": "jobs, people and decision rights fitted to the plan",
    "controlling and problem solving": "results compared with the plan, deviations caught and fixed",
    "setting a direction": "a vision, a strategy or a goal (where and why)",
    "aligning people": "communication and cooperation behind one direction",
    "motivating and inspiring": "purpose, recognition and a say in the work",
}


def _all_placed(v: dict) -> str | None:
    p = v.get("placements")
    if type(p) is not dict:
        return "pass the sorter itself"
    missing = [k for k in ALL_RIGHT if p.get(k) is None]
    return None if not missing else f"{len(missing)} actions are not sorted yet"


def _all_right(v: dict) -> str | None:
    p = v.get("placements")
    if type(p) is not dict:
        return "pass the sorter itself"
    right = sum(p.get(k) == c for k, c in ALL_RIGHT.items())
    return None if right == len(ALL_RIGHT) else f"{right} of {len(ALL_RIGHT)} match Kotter's activity; read the notes"


q11 = Question(
    module=MODULE, id="q11", points=1,
    prompt="Sort all twenty actions in the managing-or-leading sorter into Kotter's activities, each one matching "
           "Kotter's reading; pass the sorter itself.",
    checker=WidgetState(inner=Rubric(rules=[Rule("all sorted", _all_placed), Rule("all matching", _all_right)],
                                     shape=dict[str, None], fields=("placements", "score"))),
    hints=[
        "Sort by side first (complexity or change), then by pair; the note beside each action says whether it "
        "matches and why.",
        "Coaching is the tricky one: the sorter follows Kotter, who counts coaching among the ways to motivate.",
    ],
    solution_text=("sorter.set({a['id']: a['category'] for a in ACTIONS})\n"
                   "# ACTIONS holds Kotter's reading of each action: managing copes with complexity (the first\n"
                   "# three activities), leading copes with change (the last three).\n"
                   + "".join(f"# {c} ({', '.join(a['id'] for a in ACTIONS if a['category'] == c)}): {_Q11_WHY[c]}\n"
                             for c in CATEGORIES)
                   + "# A20, coaching, is the tricky one: Kotter counts coaching among the ways leaders motivate;\n"
                     "# Empowered would call it management, but the sorter follows Kotter.\n"
                     "answer_q11 = sorter"),
    answer={"placements": dict(ALL_RIGHT), "score": {}},
    wrong=[{"placements": {**ALL_RIGHT, "A20": "organizing and staffing"}, "score": {}},
           {"placements": {k: None for k in ALL_RIGHT}, "score": {}}],
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11]

# ---------------------------------------------------------------- w1: a coaching plan

w1 = WrittenAnswer(
    module=MODULE, id="w1", points=4,
    prompt="As Shiftbrew's CEO, the manager of its only product manager: a coaching plan for the PM, who has "
           "stopped visiting customers (about 150-250 words).",
    rules=[
        mentions("finds out why first", ["ask", "why", "listen", "understand", "one-to-one", "1:1"],
                 "Start by finding out what got in the way, in a one-to-one, before prescribing anything."),
        mentions("names the gap and a goal", ["goal", "agree", "target", "aim"],
                 "Agree a development goal with the PM, tied to the skill or habit that is missing."),
        Rule("uses metrics as feedback", metrics_as_feedback),
        mentions("supports a driver", ["autonomy", "competence", "relatedness", "ownership", "customer impact",
                                       "purpose", "mastery"],
                 "Say which motivation driver or need the plan feeds (and which it must not kill)."),
        mentions("reinforces", ["recognise", "recognize", "recognition", "celebrate", "share", "review"],
                 "Say how you will reinforce progress: recognition, a review, sharing what was learned."),
        length(min_words=120, max_words=300),
    ],
    model_answer=(
        "Week 1, a one-to-one: I ask what has got in the way of customer visits, and listen. Suppose the answer is "
        "that the launch filled every day and visits felt optional. I say why visits matter to me (the team's "
        "pulse survey shows customer impact is what the team cares about most and the driver least fed) and ask "
        "the PM what a realistic rhythm would be.\n\n"
        "Goal, agreed together: two café visits a month, each with an engineer or the designer, and one insight "
        "per visit shared with the team. The PM chooses the cafés and the questions (autonomy); I join the first "
        "visit and we debrief for ten minutes afterwards on how the interview went (competence: coaching, not "
        "doing it for them).\n\n"
        "Metrics as feedback, not as a target: visits per month is easy to count, so the one-to-one also reviews "
        "what was learned and where it went (a backlog change, a discovery question, a dropped idea).\n\n"
        "Reinforce: after a month, the PM presents two insights at the all-hands and I recognise the work "
        "specifically. After a quarter we review the goal together and decide whether to keep the rhythm, raise it "
        "or aim at a new skill. What I will not do is make visits a mandated quota or pay a bonus per visit: that "
        "turns a source of meaning into a chore."
    ),
    mark_scheme=[
        "1 point: diagnoses before prescribing (a one-to-one, asks what got in the way, listens).",
        "1 point: a development goal agreed with the PM, specific (e.g. visits a month, with whom), tied to the gap.",
        "1 point: metrics used as a feedback loop (counts and, above all, the insights and what they changed), not "
        "as a mandate or a paid quota.",
        "1 point: grounded in motivation (supports autonomy, competence or relatedness / a named driver) and "
        "reinforces progress (specific recognition, a review date). Give 0 for a point missing or contradicted "
        "(e.g. a bonus per visit, doing the visits for the PM).",
    ],
)

WRITTEN = [w1]
