"""The auto-graded questions and the written answer of Module 07, Career paths and skills (exercises/07_career).

Reference answers are computed once, here, from the pure logic. No widgets are imported: the two widget
questions read any object with a ``.value`` (the assessment and the plan builder).
"""

from __future__ import annotations

from ..core import (
    Choice,
    Function,
    Letters,
    Mapping,
    Misconception,
    Ordering,
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
from .ladder import (
    EXPECTED,
    RUNG_ORDER,
    RUNGS,
    SKILL_AREAS,
    first_rung_expecting,
    largest_gaps,
    rung,
    skill_gaps,
    total_gap,
    track_name,
)
from .plan import review_goal

__all__ = [
    "QUESTIONS", "WRITTEN", "MODULE", "LEARNER", "GOALS", "METRICS", "ABOVE_SENIOR", "CERTIFICATION",
    "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11", "q12", "w1",
]

MODULE = "07_career"


class RungChoice(Choice):
    """A Choice of a rung key that also reads the rung's title ('Senior product manager'), as rung() does."""

    def conform(self, answer):
        if type(answer) is str:
            try:
                answer = rung(answer)
            except ValueError:
                pass  # not a rung: the Choice says which options there are
        return super().conform(answer)


class TrackMapping(Mapping):
    """A Mapping onto the two tracks that also reads 'IC' and 'individual-contributor' (track_name())."""

    def conform(self, answer):
        if type(answer) is dict:
            answer = {k: (track_name(v) or v) if type(v) is str else v for k, v in answer.items()}
        return super().conform(answer)

#: The self-assessment of Shiftbrew's product manager, who is aiming for senior PM.
LEARNER = {"The PM role": 4, "Research": 4, "Vision and strategy": 2, "Prioritization": 4, "Collaboration": 3,
           "Data and launch": 2, "Career planning": 4, "Leadership": 3}

# ---------------------------------------------------------------- q1 rung expectations

_Q1 = first_rung_expecting("Vision and strategy", 4)
q1 = Question(
    module=MODULE, id="q1", points=1,
    prompt="In the course's competency model (EXPECTED), which rung is the first, in ladder order, that expects "
           "at least 4 ('do it on my own') in 'Vision and strategy'? Answer with its key, e.g. 'pm', or its title.",
    checker=RungChoice(expected=_Q1, options=RUNG_ORDER),
    hints=[
        "RUNG_ORDER lists the rungs from associate to chief product officer; EXPECTED[rung] maps each skill area to 1-5.",
        "Walk up RUNG_ORDER and stop at the first rung whose EXPECTED[rung]['Vision and strategy'] is 4 or more.",
    ],
    solution_text="# walk up the ladder and stop at the first rung that expects 4 or more\n"
                  "answer_q1 = next(r for r in RUNG_ORDER if EXPECTED[r]['Vision and strategy'] >= 4)",
    answer=_Q1,
    wrong=["pm", "director"],
    misconceptions=[
        Misconception("pm", "A product manager works inside a strategy someone else sets: read the model's number "
                            "for that rung, it is below 4."),
    ],
)

# ---------------------------------------------------------------- q2 the two tracks

_Q2_RUNGS = ["principal", "group", "director", "cpo"]
_Q2 = {r: RUNGS[r]["track"] for r in _Q2_RUNGS}
q2 = Question(
    module=MODULE, id="q2", points=1,
    prompt="Place each of the rungs 'principal', 'group', 'director' and 'cpo' on its track: "
           "'individual contributor' (or 'IC') or 'management'.",
    checker=TrackMapping(expected=_Q2, categories=["individual contributor", "management"], item_hints={
        "principal": "principal: a principal PM grows in scope and depth without managing other PMs.",
        "group": "group: a group or lead PM coaches the PMs of several product areas.",
    }),
    hints=[
        "Above senior PM the ladder splits: one track grows by leading PMs, the other by taking the hardest problems.",
        "RUNGS[r]['track'] holds the answer for each rung; the lesson's ladder table shows it too.",
    ],
    solution_text="# above senior PM the ladder splits into two tracks\n"
                  "answer_q2 = {r: RUNGS[r]['track'] for r in ['principal', 'group', 'director', 'cpo']}",
    answer=dict(_Q2),
    wrong=[{**_Q2, "principal": "management"}, {r: "management" for r in _Q2_RUNGS}],
    misconceptions=[
        Misconception(lambda a: a.get("principal") == "management",
                      "'Principal' sounds senior, and it is; but a principal PM manages no one: seniority without "
                      "reports is what the individual-contributor track is for.",
                      example={**_Q2, "principal": "management"}),
    ],
)

# ---------------------------------------------------------------- q3 total gap

_Q3 = total_gap(LEARNER, "senior")
_NET = sum(EXPECTED["senior"].values()) - sum(LEARNER.values())
_AREAS_WITH_GAP = sum(1 for v in skill_gaps(LEARNER, EXPECTED["senior"]).values() if v > 0)
q3 = Question(
    module=MODULE, id="q3", points=1,
    prompt="LEARNER is the self-assessment of Shiftbrew's product manager. How many scale steps are they short of "
           "senior PM in all (the sum of the gaps, where a rating above what is expected counts as no gap)? "
           "Give a whole number.",
    checker=Value(expected=_Q3, shape=int, decimals=0),
    hints=[
        "The gap in one area is max(expected - current, 0); EXPECTED['senior'] holds what senior PM expects.",
        "Add the gaps of all eight areas: sum(max(EXPECTED['senior'][a] - LEARNER[a], 0) for a in LEARNER).",
    ],
    solution_text="# a gap is never negative: being ahead in one area does not make up for another\n"
                  "answer_q3 = sum(max(EXPECTED['senior'][a] - LEARNER[a], 0) for a in LEARNER)",
    answer=_Q3,
    wrong=[_NET, _AREAS_WITH_GAP, _Q3 + 2],
    misconceptions=[
        Misconception(_NET, "Being ahead in one area (Career planning) does not cancel a gap in another: "
                            "count negative differences as 0."),
        Misconception(_AREAS_WITH_GAP, "That counts the areas with a gap; add up how many steps each one is short."),
    ],
)

# ---------------------------------------------------------------- q4 largest gaps

_Q4 = largest_gaps(LEARNER, "senior", 3)
_G = skill_gaps(LEARNER, EXPECTED["senior"])
_REVERSED_TIE = [_Q4[1], _Q4[0], _Q4[2]]
q4 = Question(
    module=MODULE, id="q4", points=1,
    prompt="LEARNER's three largest gaps against senior PM, largest first; areas with equal gaps in course order "
           "(the order of SKILL_AREAS).",
    checker=Ordering(expected=_Q4),
    hints=[
        "Compute each area's gap against EXPECTED['senior'], then sort the areas by gap, largest first.",
        "sorted(areas, key=lambda a: -gap[a]) keeps equal gaps in their original order (sorting is stable) "
        "when you sort list(SKILL_AREAS).",
    ],
    solution_text="# a stable sort on the gap keeps equal gaps in course order\n"
                  "gap = {a: max(EXPECTED['senior'][a] - LEARNER[a], 0) for a in SKILL_AREAS}\n"
                  "answer_q4 = sorted(SKILL_AREAS, key=lambda a: -gap[a])[:3]",
    answer=list(_Q4),
    wrong=[_REVERSED_TIE, list(reversed(_Q4))],
    misconceptions=[
        Misconception(lambda a: list(a) == _REVERSED_TIE,
                      "The two largest gaps are equal: keep equal gaps in course order (the order of SKILL_AREAS).",
                      example=_REVERSED_TIE),
    ],
)

# ---------------------------------------------------------------- q5 SMART or not

GOALS = {
    "G1": "I will run 6 customer interviews with café owners and share the findings by 31 January.",
    "G2": "Get better at data.",
    "G3": "I will write 2 product specs for the shift-swap feature and have them reviewed by the tech lead.",
    "G4": "I will interview as many café owners as I can and answer every complaint they raise within 2 weeks.",
    "G5": "Within 90 days I will run 3 pricing experiments with the analyst and write up what each taught us.",
    "G6": "Learn about strategy by reading books.",
}
# The keys are the author's reading of Doran's letters, written out; tests/test_career.py checks that the word rules
# agree on these goals, but the rules do not decide the answer (docs/authoring.md, "Rules that read text").
_Q5 = {"G1": "SMART", "G2": "not SMART", "G3": "not SMART", "G4": "not SMART", "G5": "SMART", "G6": "not SMART"}
q5 = Question(
    module=MODULE, id="q5", points=1,
    prompt="Classify each goal in GOALS as 'SMART' or 'not SMART' (Doran's letters, as the lesson's rubric reads them).",
    checker=Mapping(expected=_Q5, categories=["SMART", "not SMART"], item_hints={
        "G3": "G3: it has an action, a number and an owner; when is it due?",
        "G4": "G4: look for a number with a unit that is not a duration ('as many as I can' is not one), and for an "
              "absolute word.",
    }),
    hints=[
        "For each goal ask five questions: what will be done (S), how many of what (M), who (A), "
        "is it humane and free of 'every' / 'all' (R), by when (T)?",
        "smart_check(goal) shows what the rubric finds missing in one goal; is_smart(goal) says yes or no.",
    ],
    solution_text="# a goal is SMART only when none of the five letters is missing\n"
                  "answer_q5 = {k: 'SMART' if is_smart(g) else 'not SMART' for k, g in GOALS.items()}",
    answer=dict(_Q5),
    wrong=[{**_Q5, "G3": "SMART"}, {k: "SMART" for k in GOALS}],
    misconceptions=[
        Misconception(lambda a: a.get("G3") == "SMART",
                      "G3 has no deadline: 'reviewed by the tech lead' names who, not when.",
                      example={**_Q5, "G3": "SMART"}),
    ],
)

# ---------------------------------------------------------------- q6 missing letters

_Q6 = {"M", "R"}  # no count of interviews ("as many as I can"); "every complaint" in two weeks is an absolute
q6 = Question(
    module=MODULE, id="q6", points=1,
    prompt="Which SMART letters does goal G4 miss? Answer with the letters, as a set {'S', 'T'} or a text 'ST'.",
    checker=Letters(expected=sorted(_Q6)),
    hints=[
        "'within 2 weeks' is a span: it makes the goal time-related, but it is not the measure of the work.",
        "Is there a count of something other than time ('as many as I can' is not one)? And can anyone answer *every* "
        "complaint in two weeks?",
    ],
    solution_text="# '2 weeks' is a span and 'as many as I can' no count: M is missing; 'every' is an absolute: R\n"
                  "answer_q6 = set(missing_letters(GOALS['G4']))",
    answer=set(_Q6),
    wrong=[{"T"}, {"M"}, {"R"}, {"M", "R", "T"}],
    misconceptions=[
        Misconception(lambda a: "T" in a, "'within 2 weeks' gives the goal its deadline: T is there.",
                      example={"M", "R", "T"}),
        Misconception(lambda a: a == {"R"}, "'2 weeks' is a span of time, not a measure of the work, and 'as many "
                                            "as I can' is no number: how many interviews is the goal?", example={"R"}),
    ],
)

# ---------------------------------------------------------------- q7 feedback-loop metrics

METRICS = {
    "M1": "2 customer visits per month",
    "M2": "2 customer visits per month, the insights written up within a day, and the backlog decisions they led to",
    "M3": "the number of product books I have read",
    "M4": "3 experiments per quarter, what each one taught us, and which roadmap items changed because of them",
    "M5": "the NPS of the product I work on",
}
_Q7 = {"M2", "M4"}  # the author's key; tests/test_career.py checks the word rule agrees on METRICS
q7 = Question(
    module=MODULE, id="q7", points=1,
    prompt="Which metrics in METRICS are feedback loops (an activity count, what it produced, and what changed "
           "because of it)? Answer with a set of ids.",
    checker=SetOf(expected=sorted(_Q7)),
    hints=[
        "A feedback loop has three parts: how many times you did something per period, what it produced, "
        "and what changed because of it.",
        "An activity count alone is easy to track and says nothing about learning; an outcome alone (NPS) "
        "does not say what you did. Keep only the metrics with all three parts.",
    ],
    solution_text="# keep the metrics that state the activity, what it produced and what changed\n"
                  "answer_q7 = {k for k, m in METRICS.items() if is_feedback_loop(m)}",
    answer=set(_Q7),
    wrong=[_Q7 | {"M1"}, {"M1"}, _Q7 | {"M5"}],
    misconceptions=[
        Misconception(lambda a: "M1" in a, "M1 counts visits only: it does not say what the visits produced or "
                                           "what changed because of them.", example=_Q7 | {"M1"}),
        Misconception(lambda a: "M5" in a and "M1" not in a,
                      "M5 is an outcome of the whole team's work: it says nothing about what you did or learned.",
                      example=_Q7 | {"M5"}),
    ],
)

# ---------------------------------------------------------------- q8 a function: the gaps


def _skill_gaps_reference(current: dict, expected: dict) -> dict:
    """The reference: the gap in every area, never negative."""
    return {a: max(expected[a] - current[a], 0) for a in expected}


_ALL5 = {a: 5 for a in SKILL_AREAS}
_ALL1 = {a: 1 for a in SKILL_AREAS}


def _negative_when_ahead(runs) -> bool:
    """``runs`` replays what the learner's function returned in its own process (it is never called here)."""
    try:
        out = runs(dict(_ALL5), dict(EXPECTED["associate"]))
        return isinstance(out, dict) and any(type(v) is int and v < 0 for v in out.values())
    except Exception:  # it raised or overran there: other feedback says so
        return False


def _drops_zero_gaps(runs) -> bool:
    try:
        out = runs(dict(_ALL5), dict(EXPECTED["associate"]))
        return isinstance(out, dict) and len(out) < len(SKILL_AREAS)
    except Exception:
        return False


def _negative(c, e):
    return {a: e[a] - c[a] for a in e}


def _only_gaps(c, e):
    return {a: e[a] - c[a] for a in e if e[a] > c[a]}


q8 = Question(
    module=MODULE, id="q8", points=2,
    prompt="Write skill_gaps(current, expected): both map every skill area to a rating from 1 to 5; return a dict "
           "with the gap in every area, expected minus current, and 0 where current meets or beats what is expected.",
    checker=Function(reference=_skill_gaps_reference, returns=dict[str, int],
                     inputs=[(LEARNER, EXPECTED["senior"]), (_ALL5, EXPECTED["associate"]), (_ALL1, EXPECTED["cpo"])]),
    hints=[
        "Loop over the areas of expected; for each one compute expected[a] - current[a].",
        "A rating above what is expected is no gap: max(..., 0). Keep every area in the result, even with gap 0: "
        "{a: max(expected[a] - current[a], 0) for a in expected}.",
    ],
    solution_text="def skill_gaps(current, expected):\n"
                  "    # every area stays in the result; being ahead is a gap of 0, never negative\n"
                  "    return {a: max(expected[a] - current[a], 0) for a in expected}",
    answer=_skill_gaps_reference,
    wrong=[_negative, _only_gaps, lambda c, e: {a: max(c[a] - e[a], 0) for a in e}],
    misconceptions=[
        Misconception(_negative_when_ahead, "On the case where the person is ahead of the rung in every area, your "
                                            "function returns negative gaps: a gap is never below 0.",
                      example=_negative),
        Misconception(_drops_zero_gaps, "On the case with no gaps at all, your function leaves areas out: keep every "
                                        "area, with 0 where there is no gap.", example=_only_gaps),
    ],
)
q8.answer.__name__ = "skill_gaps"

# ---------------------------------------------------------------- q9 the assessment widget

ABOVE_SENIOR = [r for r in RUNG_ORDER if RUNG_ORDER.index(r) > RUNG_ORDER.index("senior")]
_Q9 = min(ABOVE_SENIOR, key=lambda r: (total_gap(LEARNER, r), RUNG_ORDER.index(r)))


def _learner_ratings(v):
    return None if v.get("ratings") == LEARNER else "set the ratings to LEARNER's, exactly."


def _smallest(v):
    t = v.get("target")
    if t not in RUNGS:
        return "choose a target rung."
    if t not in ABOVE_SENIOR:
        return f"{t!r} is not above senior PM; choose among {ABOVE_SENIOR}."
    return None if t == _Q9 else "another rung above senior PM leaves a smaller total gap; compare them in the widget."


q9 = Question(
    module=MODULE, id="q9", points=1,
    prompt="With the competency assessment set to LEARNER's ratings, choose the target rung, among the rungs above "
           "senior PM (ABOVE_SENIOR), with the smallest total gap; answer with the assessment itself.",
    checker=WidgetState(inner=Rubric(shape=dict[str, None], rules=[
        Rule("LEARNER's ratings", _learner_ratings), Rule("the closest rung above senior", _smallest)])),
    hints=[
        "assessment.set(ratings=LEARNER) sets the sliders; then change the target rung and read the total gap "
        "the widget shows for each rung above senior PM.",
        "total_gap(LEARNER, r) computes the same number in code for each r in ABOVE_SENIOR; keep the smallest.",
    ],
    solution_text=("# the total gap to a rung adds up, area by area, how many steps LEARNER is below what the rung\n"
                   "# expects (being ahead counts 0). Above senior PM: "
                   + ", ".join(f"{r} {total_gap(LEARNER, r)}" for r in ABOVE_SENIOR) + ";\n"
                   f"# the smallest is {_Q9!r}, so that is the target.\n"
                   f"assessment.set(ratings=LEARNER, target={_Q9!r})\nanswer_q9 = assessment"),
    answer={"target": _Q9, "ratings": dict(LEARNER), "total_gap": total_gap(LEARNER, _Q9)},
    wrong=[{"target": "principal", "ratings": dict(LEARNER)}, {"target": "senior", "ratings": dict(LEARNER)},
           {"target": _Q9, "ratings": {a: 3 for a in SKILL_AREAS}}],
    misconceptions=[
        Misconception(lambda v: v.get("target") == "principal",
                      "The individual-contributor rung is not the easier one: a principal PM is expected to be "
                      "deeper in the craft than a group PM.", example={"target": "principal", "ratings": dict(LEARNER)}),
    ],
)

# ---------------------------------------------------------------- q10 the plan builder

_GAP = largest_gaps(LEARNER, "senior", 1)[0]


def _target_senior(p):
    return None if p.get("target") == "senior" else "the plan's target rung is senior PM."


def _one_goal_for_the_gap(p):
    goals = p.get("goals") or []
    if len(goals) != 1:
        return f"write exactly one goal; the plan has {len(goals)}."
    return None if goals[0].get("area") == _GAP else f"the goal should close LEARNER's largest gap, {_GAP!r}."


def _goal_ready(p):
    goals = p.get("goals") or []
    if not goals:
        return "write a goal."
    try:
        r = review_goal(goals[0])
    except (TypeError, ValueError) as exc:
        return str(exc)
    return None if r["ok"] else "the builder still lists what is missing: " + "; ".join(r["problems"])


_Q10_GOAL = {
    "area": _GAP,
    "goal": "I will draft 2 one-page strategy briefs for the swap feature and review them with the CEO "
            "by 28 February.",
    "metric": "2 briefs per quarter, the objections and insights each review produced, and the roadmap decisions "
              "that changed because of them",
    "helpers": "a senior PM from my network as mentor; the CEO as sponsor",
}
q10 = Question(
    module=MODULE, id="q10", points=1,
    prompt=f"With the plan builder (target: senior PM), write one goal for LEARNER's largest gap, {_GAP!r}: "
           "SMART, with a metric that is a feedback loop and someone who helps; answer with the builder itself. "
           "The builder's target and the goal's area are graded here; whether the goal is SMART and its metric a "
           "feedback loop is judged by your instructor in W1.",
    checker=WidgetState(inner=Rubric(shape=dict[str, None], rules=[
        Rule("target rung", _target_senior), Rule("one goal for the largest gap", _one_goal_for_the_gap)],
        advisory=[Rule("SMART goal, feedback-loop metric, who helps", _goal_ready)])),
    hints=[
        "No row for the gap? Pick it under 'Goal for' and press 'Add a goal'; 'Remove' the other rows. Type in "
        "the builder until its verdict under the goal turns to 'SMART, with a feedback-loop metric'; "
        "then copy the line it shows under 'Reproduce this in code'.",
        "Goal: 'I will <action> <number> <things> ... by <date>'. Metric: '<number> <activity> per <period>, "
        "the insights it produced, and the decisions that changed because of them'.",
    ],
    solution_text=(f"# against senior PM, LEARNER's largest gap is {_GAP!r} (largest_gaps(LEARNER, 'senior', 1)).\n"
                   "# The goal is SMART in Doran's sense: specific (draft one-page strategy briefs for the swap\n"
                   "# feature), measurable (2), assignable ('I will'), realistic (2 briefs a quarter, beside the job)\n"
                   "# and time-related (by 28 February). The metric is a feedback loop: an activity count with a\n"
                   "# period, what each review produced, and the decisions that changed. A mentor and a sponsor help.\n"
                   f"builder.set([{_Q10_GOAL!r}])\nanswer_q10 = builder"),
    answer={"target": "senior", "start": "2026-12-01", "days": 90, "goals": [dict(_Q10_GOAL)]},
    wrong=[
        {"target": "senior", "goals": [{**_Q10_GOAL, "area": "Leadership"}]},
        {"target": "pm", "goals": [dict(_Q10_GOAL)]},
        {"target": "senior", "goals": [dict(_Q10_GOAL), dict(_Q10_GOAL)]},
    ],
    misconceptions=[
        Misconception(lambda p: any(g.get("area") not in (None, _GAP) for g in p.get("goals") or []),
                      f"Against senior PM, LEARNER's largest gap is {_GAP!r}: largest_gaps(LEARNER, 'senior', 1).",
                      example={"target": "senior", "goals": [{**_Q10_GOAL, "area": "Leadership"}]}),
    ],
)

# ---------------------------------------------------------------- q11 Doran's letters

_DORAN = {"A": "assignable", "R": "realistic", "T": "time-related"}
_LATER = {"A": "achievable", "R": "relevant", "T": "time-bound"}
q11 = Question(
    module=MODULE, id="q11", points=1,
    prompt="In Doran's original 1981 article, what did A, R and T stand for? Map each letter to one of "
           "'assignable', 'achievable', 'realistic', 'relevant', 'time-related', 'time-bound'.",
    checker=Mapping(expected=_DORAN, categories=["assignable", "achievable", "realistic", "relevant",
                                                 "time-related", "time-bound"]),
    hints=[
        "The lesson gives Doran's five words and the later variant side by side.",
        "Doran was writing for managers setting objectives for others: his A says who will do it.",
    ],
    solution_text="# Doran (1981); 'achievable, relevant, time-bound' is the later variant\n"
                  "answer_q11 = {'A': 'assignable', 'R': 'realistic', 'T': 'time-related'}",
    answer=dict(_DORAN),
    wrong=[dict(_LATER), {**_DORAN, "A": "achievable"}],
    misconceptions=[
        Misconception(lambda a: a.get("A") == "achievable" or a.get("R") == "relevant",
                      "'Achievable' and 'relevant' are the later, common variant; Doran's own words were different.",
                      example=dict(_LATER)),
    ],
)

# ---------------------------------------------------------------- q12 certification

CERTIFICATION = {
    "a": "No organisation certifies product managers, so a certificate in product management cannot exist.",
    "b": "Certificates exist (for example AIPMM's Certified Product Manager and Pragmatic Institute's); none is "
         "required to work as a PM, and no single body governs the profession.",
    "c": "You need a certificate from the profession's governing body before a company may hire you as a PM.",
    "d": "PMP is the product manager's professional licence.",
}
q12 = Question(
    module=MODULE, id="q12", points=1,
    prompt="Which statement in CERTIFICATION is true? Answer with its letter.",
    checker=Choice(expected="b", options=list(CERTIFICATION)),
    hints=[
        "Ask two things separately: do product-management certificates exist, and is any of them required?",
        "PMP is the Project Management Institute's certificate for project managers, a different job.",
    ],
    solution_text="# certificates exist; none is required; no single body governs product management\n"
                  "answer_q12 = 'b'",
    answer="b",
    wrong=["a", "c", "d"],
    misconceptions=[
        Misconception("a", "Some articles say this, and it is wrong: AIPMM and Pragmatic Institute, among others, "
                           "issue product-management certificates."),
        Misconception("d", "PMP (Project Management Professional) certifies project managers, not product managers."),
    ],
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12]

# ---------------------------------------------------------------- w1 a 90-day development plan

w1 = WrittenAnswer(
    module=MODULE, id="w1", points=5,
    prompt="Write a 90-day development plan for LEARNER's gap in 'Data and launch' (about 150-300 words): two or "
           "three goals, a feedback-loop metric for each, and who helps.",
    rules=[
        mentions("names the gap", ["data", "metric", "metrics", "experiment", "experiments", "funnel", "launch",
                                   "A/B"], "Say which gap the plan closes (data and launch) and what it looks like "
                                           "at work."),
        mentions("dated goals", ["by", "day 30", "day 60", "day 90", "within", "weeks", "week"],
                 "Give each goal a deadline inside the 90 days (a date, or 'by day 30').", at_least=2),
        mentions("feedback-loop metrics", ["insight", "insights", "finding", "findings", "learned", "changed",
                                           "decision", "decisions", "roadmap", "backlog"],
                 "For each metric, say what the activity produced and what changed because of it.", at_least=2),
        mentions("who helps", ["mentor", "sponsor", "manager", "analyst", "head of", "engineering lead",
                               "data scientist", "coach"], "Name who helps, by role: a mentor, a sponsor, a peer."),
        length(min_words=150, max_words=300),
    ],
    model_answer=(
        "Gap: Data and launch (2 of the 4 senior PM expects). I can read a dashboard, but I have never designed an "
        "experiment or owned a launch's metrics.\n\n"
        "Goal 1 (by day 30): I will define the funnel for shift swaps with the engineering lead, from 'swap "
        "offered' to 'shift covered', and publish a one-page metric tree. Metric: 1 review with the engineering lead "
        "per week; the questions the tree raised; the backlog items we re-scored because of them.\n\n"
        "Goal 2 (by day 60): I will run 2 A/B tests on the swap notification and write a decision memo for each. "
        "Metric: 2 tests finished; what each taught us, written up within 3 days; the decision it led to (ship, "
        "drop or iterate).\n\n"
        "Goal 3 (by day 90): I will own the launch review of the swap feature and present its results to the "
        "leadership team. Metric: 1 launch review; the 3 findings I brought; the roadmap change it produced.\n\n"
        "Who helps: a data-minded senior PM from my network as mentor, every two weeks, to review my test "
        "designs and memos; the engineering lead for instrumentation; the CEO as sponsor, who gives me the launch "
        "review and tells the board about the work. I review the plan with the CEO every two weeks and change a "
        "goal, not a deadline, when it stops fitting."
    ),
    mark_scheme=[
        "1 point: goals close the named gap and are SMART: each has an action, a number with a unit, an owner "
        "and a date inside the 90 days, at a pace that fits beside the job.",
        "1 point: each metric is a feedback loop: an activity count, what it produced (insights, findings) and "
        "what changed because of it; not an activity count alone.",
        "1 point: who helps is named by role with what each does (mentor: advice and review; sponsor: "
        "opportunities and visibility; peers or network).",
        "1 point: the plan is sequenced and realistic (knowledge first, then applied experience with evidence), "
        "with a review rhythm.",
        "1 point: the goal written in the plan builder for Q10 is SMART and its metric a feedback loop, judged as in "
        "the first two points (the builder's verdict is advice, not this point). Give 0 for a point that is missing; "
        "half points allowed.",
    ],
)

WRITTEN = [w1]

# ================================================================ careers in practice (q13 onwards)

from ..data import load  # noqa: E402
from .practice import INTERVIEW_TYPES, STAR  # noqa: E402

__all__ += ["INTERVIEW_QUESTIONS", "EVIDENCE", "SWAP_ASSUMPTIONS", "PRACTICE_STATEMENTS", "BEHAVIOURAL_ANSWER",
            "q13", "q14", "q15", "q16", "q17", "w2"]

# ---------------------------------------------------------------- q13: which kind of interview question?

INTERVIEW = {
    "Design a rota app for hospital nurses.": "product sense",
    "Shift swaps fell 10 % last week. What do you do?": "execution",
    "How many shifts do London's cafés fill in a week?": "estimation",
    "Should Shiftbrew sell to hotel chains next year?": "strategy",
    "Tell me about a time you disagreed with an engineer.": "behavioural",
}
INTERVIEW_QUESTIONS = list(INTERVIEW)
q13 = Question(
    module=MODULE, id="q13", points=1,
    prompt="Which kind of PM interview question is each of INTERVIEW_QUESTIONS? A dict question -> 'product sense', "
           "'execution', 'estimation', 'strategy' or 'behavioural'.",
    checker=Mapping(expected=INTERVIEW, categories=list(INTERVIEW_TYPES), item_hints={
        INTERVIEW_QUESTIONS[1]: "A metric moved: which kind of question asks what you would do about a metric?",
        INTERVIEW_QUESTIONS[3]: "Where to play next is not a design question.",
    }),
    hints=[
        "INTERVIEW_TYPES says what each kind tests.",
        "Design -> product sense; a metric moved -> execution; a number nobody knows -> estimation; where to play "
        "-> strategy; 'tell me about a time' -> behavioural.",
    ],
    solution_text=("# A design brief tests product sense; a metric that moved, execution; an unknown number,\n"
                   "# estimation; a market choice, strategy; 'tell me about a time', behaviour (answered with STAR).\n"
                   "answer_q13 = {\n" + "".join(f"    {a!r}: {c!r},\n" for a, c in INTERVIEW.items()) + "}"),
    answer=dict(INTERVIEW),
    wrong=[{a: "product sense" for a in INTERVIEW}, {**INTERVIEW, INTERVIEW_QUESTIONS[1]: "product sense"}],
)

# ---------------------------------------------------------------- q14: an estimation on Shiftbrew's data

SWAP_ASSUMPTIONS = {"staff per paying site": 9, "swap requests per staff member a month": 1.5}
PAYING_SITES = load("company")["today"]["paying_sites"]
SWAPS = PAYING_SITES * SWAP_ASSUMPTIONS["staff per paying site"] * SWAP_ASSUMPTIONS[
    "swap requests per staff member a month"]
q14 = Question(
    module=MODULE, id="q14", points=2,
    prompt="Estimate the shift-swap requests a month across Shiftbrew's paying sites: the paying sites in "
           "load('company')['today'], times the two assumptions in SWAP_ASSUMPTIONS, as a whole number.",
    checker=Value(expected=SWAPS, decimals=0),
    hints=[
        "An estimate is a chain of factors: sites x staff per site x requests per staff member.",
        "load('company')['today']['paying_sites'] holds the sites; SWAP_ASSUMPTIONS the other two factors.",
    ],
    solution_text=("# paying sites (case data) x staff per site x swap requests per staff member a month\n"
                   "answer_q14 = estimate([('paying sites', load('company')['today']['paying_sites']),\n"
                   "                       *SWAP_ASSUMPTIONS.items()])"),
    answer=SWAPS,
    wrong=[PAYING_SITES * 9, load("company")["today"]["paying_accounts"] * 9 * 1.5],
    misconceptions=[Misconception(lambda a: abs(a - load("company")["today"]["paying_accounts"] * 13.5) < 1e-6,
                                  "Staff work at sites, and an account can hold several sites: count the sites.",
                                  example=load("company")["today"]["paying_accounts"] * 13.5)],
)

# ---------------------------------------------------------------- q15: promotion evidence

EVIDENCE = {
    "e1": "Led find cover from the problem to launch; the share of open shifts filled within a day rose from 41 % "
          "to 63 %, as measured by the team.",
    "e2": "Has worked at Shiftbrew for three years.",
    "e3": "Set the swap team's quarterly outcome with the CEO and chose, with the team, how to reach it, without "
          "being asked.",
    "e4": "Completed two online courses on product strategy.",
    "e5": "Changed the chain strategy after presenting interview evidence to the CEO, the CTO and the Head of Sales.",
}
EVIDENCE_OF_NEXT_LEVEL = {"e1", "e3", "e5"}
q15 = Question(
    module=MODULE, id="q15", points=1,
    prompt="Shiftbrew's PM asks to be promoted to senior PM. Which items of EVIDENCE show work at the next level "
           "(more scope, impact or autonomy)? A set of ids.",
    checker=SetOf(expected=EVIDENCE_OF_NEXT_LEVEL),
    hints=[
        "Promotion evidence is something you did, with its result: not time served, not courses taken.",
        "Three items show a larger scope, a measured impact or more autonomy.",
    ],
    solution_text=("# e1: impact, measured; e3: autonomy (sets the outcome, unasked); e5: scope and influence\n"
                   "# beyond the team. e2 is time served and e4 is learning: neither shows work at the next level.\n"
                   "answer_q15 = {'e1', 'e3', 'e5'}"),
    answer=set(EVIDENCE_OF_NEXT_LEVEL),
    wrong=[set(EVIDENCE), {"e1", "e2", "e3", "e5"}, {"e1"}],
    misconceptions=[Misconception(lambda a: "e2" in a, "Years in the job are not evidence of working at the next "
                                                      "level.", example={"e1", "e2", "e3", "e5"})],
)

# ---------------------------------------------------------------- q16: STAR's order

BEHAVIOURAL_ANSWER = {
    "action": "I took the two engineers to a café at six in the morning to watch a manager build a rota.",
    "result": "They proposed the find-cover design themselves; it shipped in six weeks.",
    "situation": "Two engineers thought last-minute cover was a rare problem and wanted to build reports instead.",
    "task": "I had to get the team behind find cover without any authority over them.",
}
q16 = Question(
    module=MODULE, id="q16", points=1,
    prompt="Put the parts of BEHAVIOURAL_ANSWER in STAR's order, to tell it in an interview: a list of the four "
           "part names.",
    checker=Ordering(expected=list(STAR)),
    hints=["The story starts with where you were, then what you had to do.",
           "STAR: situation, task, action, result."],
    solution_text=("# situation (where you were), task (what you had to do), action (what you did), result (what\n"
                   "# changed): the listener needs the context before the action makes sense.\n"
                   "answer_q16 = ['situation', 'task', 'action', 'result']"),
    answer=list(STAR),
    wrong=[list(BEHAVIOURAL_ANSWER), ["task", "situation", "action", "result"]],
)

# ---------------------------------------------------------------- q17: IC to manager, brand, switching, the MBA

PRACTICE_STATEMENTS = {
    "p1": "Moving from PM to group PM changes the job: success becomes the team's results, and most of the week "
          "goes to hiring, coaching and context, not to one's own product work.",
    "p2": "The individual-contributor track (principal PM) is a demotion for those who could not manage.",
    "p3": "Writing in public about what you learned (with your employer's confidential details left out) builds "
          "a reputation that a CV cannot.",
    "p4": "An MBA is required to become a product manager.",
    "p5": "People often switch into product management from a neighbouring role (engineering, design, support, "
          "analysis, marketing), first by doing product work in their current job.",
}
PRACTICE_TRUE = {"p1", "p3", "p5"}
q17 = Question(
    module=MODULE, id="q17", points=1,
    prompt="Which statements of PRACTICE_STATEMENTS are true as the lesson teaches them? A set of ids.",
    checker=SetOf(expected=PRACTICE_TRUE),
    hints=[
        "Three are true: one about becoming a manager, one about writing in public, one about switching in.",
        "No degree or licence is required to be a PM; the two tracks are both promotions.",
    ],
    solution_text=("# p1: a manager's results are the team's; p3: writing in public builds a reputation;\n"
                   "# p5: most switch from a neighbouring role, by doing product work first.\n"
                   "# p2: the IC track is a real promotion path; p4: no degree is required (an MBA is one route).\n"
                   "answer_q17 = {'p1', 'p3', 'p5'}"),
    answer=set(PRACTICE_TRUE),
    wrong=[{"p1", "p3", "p4", "p5"}, {"p1"}],
)

QUESTIONS = [*QUESTIONS, q13, q14, q15, q16, q17]

# ---------------------------------------------------------------- w2: a practice interview answer (graded by a person)

w2 = WrittenAnswer(
    module=MODULE, id="w2", points=4,
    prompt="A practice product-sense answer: 'Improve Shiftbrew for baristas who want to swap a shift' (about "
           "150-250 words).",
    rules=[length(min_words=100, max_words=320)],
    model_answer=(
        "Users and their problem: baristas who need to swap a shift, often late and on a phone; the interviews "
        "say the hard part is finding a colleague who can take it, not asking the manager. I would focus on "
        "last-minute swaps, within 48 hours, where a failed swap means the manager covers the shift.\n\n"
        "Solutions: (1) a swap request that goes to the colleagues qualified and free for that shift, who accept "
        "with one tap; (2) a standing 'I can cover' list each barista keeps up to date; (3) the manager approves "
        "automatically when the swap keeps the rota within its rules. I would build (1) first: it attacks the "
        "hard part, and (3) can follow.\n\n"
        "Trade-offs: messages to colleagues must not become spam, so only those who fit the shift get them, and "
        "each can mute requests.\n\n"
        "Success: the share of swap requests accepted within two hours, with a guardrail on the number of "
        "notifications per barista a week; I would test it first with a few cafés."
    ),
    mark_scheme=[
        "1 point: names the user and the problem worth solving, with a reason (evidence or a clear argument), and "
        "narrows the scope.",
        "1 point: offers more than one solution and chooses, saying why.",
        "1 point: names a trade-off or risk and how to handle it.",
        "1 point: a success metric that measures the outcome (not activity), with a guardrail or a test plan.",
    ],
)
WRITTEN = [*WRITTEN, w2]
