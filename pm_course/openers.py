"""The "Before you start" openers of lessons 02 to 09: two or three questions from earlier modules, answered from
memory before the lesson begins (retrieval practice; see :mod:`pm_course.core.retrieval` for the why and the
sources). Practice only: attempts are recorded in progress and never graded.

Each answer is what the earlier lesson teaches; ``tests/test_openers.py`` checks it against that module's own
logic or data wherever the logic holds it.
"""

from __future__ import annotations

from .core.retrieval import Opener, Recall
from .core.validate import InputError

__all__ = ["OPENERS", "opener"]

_OPENERS = [
    Opener("02_research", (
        Recall("r1", "00_welcome",
               "Which of these is one of Shiftbrew's three business goals for the next 12 months?",
               ("Double the number of baristas using the app", "Cut monthly site churn from 3.1 % to under 2 %",
                "Launch in a second country", "Reach a million app downloads"),
               "Cut monthly site churn from 3.1 % to under 2 %",
               "The welcome listed the three goals: grow ARR from $0.78M to $1.2M, cut monthly site churn from 3.1 % "
               "to under 2 %, and raise the share of Group-plan sites (small chains) from 30 % to 45 %."),
        Recall("r2", "01_pm_role",
               "In Seiden's terms, 'Baristas swap shifts in the app instead of by text message' is an ...",
               ("output", "outcome", "impact"), "outcome",
               "01 §3: an outcome is a change in what people do; an output is a thing the team ships, an impact a "
               "business result such as lower churn."),
    )),
    Opener("03_vision_strategy_roadmap", (
        Recall("r1", "01_pm_role",
               "A team is handed a list of features with dates each quarter and praised when they ship on time. "
               "Cagan and Jones would call it ...",
               ("a delivery team", "a feature team", "an empowered team"), "a feature team",
               "01 §3: features come from above and success is shipping, so the team designs but does no "
               "discovery; an empowered team is given a problem and answers for the outcome."),
        Recall("r2", "02_research",
               "A survey of 10 customers: 5 score 9 or 10, 3 score 7 or 8, 2 score 0 to 6. The Net Promoter Score is ...",
               ("30", "50", "30 %", "8.1"), "30",
               "02 §6: NPS = % promoters (9-10) − % detractors (0-6) = 50 − 20 = 30, a number from −100 to 100, not "
               "a percentage and not a mean score; passives count only in the total."),
    )),
    Opener("04_prioritization", (
        Recall("r1", "02_research",
               "Which interview question follows the Mom Test?",
               ("Would you use an app that finds cover for you?",
                "Tell me about the last time a barista called in sick. What did you do?",
                "How much would you pay for automatic cover?", "Don't you think rotas are a pain?"),
               "Tell me about the last time a barista called in sick. What did you do?",
               "02 §3: ask about specific past events in their life, not about your idea, the future, a price or "
               "an opinion you lead them to."),
        Recall("r2", "03_vision_strategy_roadmap",
               "How many key results does one OKR objective have, in the version the course teaches?",
               ("exactly 1", "2 to 5", "6 to 10", "one per task on the plan"), "2 to 5",
               "03 §6 (Doerr; Google re:Work): 2 to 5 measurable key results per objective, each an outcome, not a "
               "task."),
    )),
    Opener("05_collaboration", (
        Recall("r1", "03_vision_strategy_roadmap",
               "Which makes the best North Star metric for Shiftbrew?",
               ("Annual recurring revenue", "Daily active users",
                "Shifts filled per week without the manager phoning round", "App logins per week"),
               "Shifts filled per week without the manager phoning round",
               "03 §5 (Amplitude's playbook): the North Star counts the value customers get; revenue follows from it "
               "and raw activity such as daily active users does not show value."),
        Recall("r2", "04_prioritization",
               "Reach 500 a quarter, impact 2, confidence 80 %, effort 2 person-months. The RICE score is ...",
               ("400", "800", "40,000", "1,000"), "400",
               "04 §3: RICE = reach × impact × confidence / effort = 500 × 2 × 0.8 / 2 = 400; confidence is a "
               "fraction (0.8), not 80."),
    )),
    Opener("06_data_launch", (
        Recall("r1", "04_prioritization",
               "MoSCoW's effort rule (DSDM): Musts above about what share of the planned effort put delivery at risk?",
               ("20 %", "60 %", "80 %", "100 %"), "60 %",
               "04 §5: the rule is about effort, not the count of items; Coulds of about 20 % give the team its "
               "contingency."),
        Recall("r2", "05_collaboration",
               "In a valid RACI matrix, how many roles are Accountable (A) for one task?",
               ("exactly one", "at least one", "one per team involved", "none: A is optional"), "exactly one",
               "05 §4: exactly one A (owns the outcome and signs it off) and at least one R (does the work) per "
               "task."),
    )),
    Opener("07_career", (
        Recall("r1", "05_collaboration",
               "On the power / interest grid, a stakeholder with high power and low interest is one you ...",
               ("manage closely", "keep satisfied", "keep informed", "monitor"), "keep satisfied",
               "05 §2 (Mendelow): high power and high interest: manage closely; high power, low interest: keep "
               "satisfied; low power, high interest: keep informed; low and low: monitor."),
        Recall("r2", "06_data_launch",
               "1,000 accounts signed up, 400 created a rota, 300 of those invited staff. The step conversion from "
               "'created a rota' to 'invited staff' is ...",
               ("30 %", "75 %", "25 %", "40 %"), "75 %",
               "06 §2: step conversion = the users at this step / the users at the step before = 300 / 400; 30 % is "
               "the share of all sign-ups."),
    )),
    Opener("08_leading", (
        Recall("r1", "06_data_launch",
               "You look at an A/A test every day and stop at the first p < 0.05. Over many such tests, the share "
               "of false 'wins' is ...",
               ("about 5 %", "well above 5 %", "below 5 %", "0 %, since nothing changed"), "well above 5 %",
               "06 §4.4: every look gives chance another try, so peeking daily climbs far past alpha; plan the looks "
               "with an alpha-spending boundary (§5.4) or read once at the end."),
        Recall("r2", "07_career",
               "In Doran's original SMART (1981), the A stands for ...",
               ("achievable", "assignable", "ambitious", "aligned"), "assignable",
               "07 §5: Doran wrote specific, measurable, assignable, realistic, time-related; 'achievable' and "
               "'relevant' belong to the later variant."),
    )),
    Opener("09_capstone", (
        Recall("r1", "04_prioritization",
               "An item reaches 200 cafés a quarter, has impact 2, confidence 80 % and effort 4 person-months. "
               "Its RICE score is ...",
               ("80", "320", "100", "400"), "80",
               "04 §3: RICE = reach x impact x confidence / effort = 200 x 2 x 0.8 / 4 = 80; 320 forgets to divide "
               "by the effort, 100 leaves out the confidence."),
        Recall("r2", "08_leading",
               "In Kotter's terms, 'setting a direction' is part of ...",
               ("managing", "leading", "neither: it is administration"), "leading",
               "08 §2: leading is setting a direction, aligning people, motivating and inspiring; managing is "
               "planning and budgeting, organising and staffing, controlling and problem solving."),
    )),
]

#: lesson name -> its opener
OPENERS: dict[str, Opener] = {op.module: op for op in _OPENERS}


def opener(module: str) -> Opener:
    """The opener of a lesson, e.g. ``opener("03_vision_strategy_roadmap")``."""
    from .course import module as course_module

    name = course_module(module).name
    if name not in OPENERS:
        raise InputError(f"{name} has no 'Before you start' questions; lessons {', '.join(OPENERS)} do.")
    return OPENERS[name]
