"""The assessment (nbgrader assignment 09_capstone): questions from every module, a variant per learner.

Questions marked *variant* check against the current learner's case
(:mod:`.exam`): ``exam.use(STUDENT_ID)`` in the learner's notebook,
``exam.bind(STUDENT_ID)`` in the instructor's test cells, which binds the case
to nbgrader's student id while grading. Their ``answer``, ``wrong`` and
misconception examples are those of the demo case (the self-tests run on it);
:func:`reference_answers` gives any learner's reference answers.

Questions are grouped by the module whose objectives they test in
:data:`BY_MODULE`; a module's questions are added there and nowhere else
(when a module is added, renumber the questions to keep module order). No widgets
are imported: the capacity question reads any object with a ``.value``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..collaboration.stakeholders import stakeholder_quadrant, validate_raci
from ..core import Choice, Function, Letters, Mapping, Misconception, Question, SetOf, Value, WidgetState, WrittenAnswer
from ..core.checkers import Checker, Ordering
from ..core.written import length, mentions
from ..data_launch.experiments import sample_size_per_arm, z_test
from ..data_launch.launch import launch_tier
from ..data_launch.metrics import overall_conversion
from ..leading.leadership import kotter_kind
from ..leading.motivation import HERZBERG_FACTORS
from ..prioritization.frameworks import best_within_capacity, kano_category, rank_by, rice_score, wsjf
from ..research.interviews import check_job_story
from ..research.market import bottom_up
from ..research.surveys import nps
from ..role.lifecycle import compound_growth_rate
from ..role.roles import role_of
from ..vision.strategy import key_result_progress, okr_score, roadmap_column
from . import exam
from .exam import Case

__all__ = [
    "MODULE", "QUESTIONS", "WRITTEN", "BY_MODULE", "VARIANT", "REFERENCE", "reference_answers", "points",
    "JOB_STORY_OPTIONS", "ROADMAP_ITEMS", "RACI_MATRIX", "RACI_TASKS", "GOAL", "KOTTER_ACTIVITIES", "FACTORS",
    "TIERS_ASKED", "ROLE_TASKS",
] + [f"q{i}" for i in range(1, 24)] + ["w1", "w2"]

MODULE = exam.ASSIGNMENT


@dataclass
class Variant(Checker):
    """A checker built for the current learner's case each time it is used (the case is :func:`exam.current`)."""

    build: Callable[[Case], Checker]

    def inner(self) -> Checker:
        return self.build(exam.current())

    def conform(self, answer: Any) -> Any:
        return self.inner().conform(answer)

    def verify(self, answer: Any) -> None:
        self.inner().verify(answer)

    def same(self, answer: Any, other: Any) -> bool:
        return self.inner().same(answer, other)

    def describe_expected(self) -> str:
        return self.inner().describe_expected()

    @property
    def shape(self):  # type: ignore[override]
        return self.inner().shape


#: question id -> the reference answer for a case (variant questions only).
REFERENCE: dict[str, Callable[[Case], Any]] = {}
VARIANT: list[str] = []
_DEMO = exam.case_for(exam.DEMO_ID)


def _cur() -> Case:
    return exam.current()


def _variant(qid: str, reference: Callable[[Case], Any], make: Callable[[Any], Checker]) -> Variant:
    REFERENCE[qid] = reference
    VARIANT.append(qid)
    return Variant(build=lambda case: make(reference(case)))


# ================================================================ 01 the PM's role

#: One task per accountability and one more for the product owner (tasks from module 01's TASKS).
ROLE_TASKS = [
    "Choose which problem the team tackles next quarter: churn or small chains",
    "Order the Product Backlog for the next Sprint",
    "Write acceptance criteria for the 'swap a shift' backlog item",
    "Track the payroll integration's budget and the contractor's hours",
]
_ROLES = {t: role_of(t) for t in ROLE_TASKS}
_ORDER, _BUDGET = ROLE_TASKS[1], ROLE_TASKS[3]
q1 = Question(
    module=MODULE, id="q1", points=1,
    prompt="For each task in ROLE_TASKS, the accountability it belongs to: a dict of task -> 'product manager', "
           "'product owner' or 'project manager'.",
    checker=Mapping(expected=_ROLES, categories=["product manager", "product owner", "project manager"]),
    hints=["The product manager owns the why and the what (problems, outcomes, strategy); the product owner orders "
           "and clarifies the Product Backlog; the project manager owns scope, schedule and resources.",
           "role_of(task) from pm_course.role gives the accountable role of any task in module 01's TASKS."],
    solution_text="# why and what -> product manager; the Product Backlog's order and clarity -> product owner;\n"
                  "# budget, schedule and people of a project -> project manager\n"
                  "answer_q1 = {t: role_of(t) for t in ROLE_TASKS}",
    answer=dict(_ROLES),
    wrong=[{**_ROLES, _ORDER: "product manager"}, {**_ROLES, _BUDGET: "product manager"},
           {t: "product manager" for t in ROLE_TASKS}],
    misconceptions=[
        Misconception(lambda a: a.get(_ORDER) == "product manager",
                      "The Scrum Guide (2020) makes ordering the Product Backlog the product owner's "
                      "accountability; it is the product manager's only where one person holds both roles.",
                      example={**_ROLES, _ORDER: "product manager"}),
        Misconception(lambda a: a.get(_BUDGET) == "product manager",
                      "A project's budget and hours are project management: a PM who tracks them drifts into the "
                      "project-manager anti-pattern.", example={**_ROLES, _BUDGET: "product manager"}),
    ],
)


def _growth(case: Case) -> float:
    return compound_growth_rate(case.weekly_sites) * 100


def _growth_per_value(case: Case) -> float:
    """The rate taken over as many periods as there are values (the misconception that counts weeks, not steps)."""
    v = case.weekly_sites
    return ((v[-1] / v[0]) ** (1 / len(v)) - 1) * 100


q2 = Question(
    module=MODULE, id="q2", points=1,
    prompt="The compound weekly growth rate of case.weekly_sites (sites with a published rota, one value a week), "
           "from the first week to the last, in percent to 2 decimal places.",
    checker=_variant("q2", _growth, lambda x: Value(expected=x, decimals=2, unit="% a week")),
    hints=["Compound growth per week: (last / first) ** (1 / number of week-on-week steps) - 1.",
           "Count the steps between the weeks, not the weeks; compound_growth_rate(values) from pm_course.role "
           "gives a fraction, and the question asks for percent."],
    solution_text="# (last / first) ** (1 / steps) - 1, with steps = weeks - 1; times 100 for percent\n"
                  "answer_q2 = compound_growth_rate(case.weekly_sites) * 100",
    answer=_growth(_DEMO), wrong=[_growth_per_value(_DEMO), _growth(_DEMO) / 100, _growth(_DEMO) + 1],
    misconceptions=[
        Misconception(lambda a: abs(a - _growth_per_value(_cur())) < 0.005
                      and abs(_growth_per_value(_cur()) - _growth(_cur())) > 0.01,
                      "Count the steps, not the weeks: n weekly values span n - 1 week-on-week steps.",
                      example=_growth_per_value(_DEMO)),
        Misconception(lambda a: abs(a * 100 - _growth(_cur())) < 0.005 and abs(_growth(_cur())) > 0.05,
                      "Give percent, not a fraction: multiply the rate by 100.", example=_growth(_DEMO) / 100),
    ],
)

# ================================================================ 02 research

def _nps(case: Case) -> float:
    return nps(case.survey_scores)


q3 = Question(
    module=MODULE, id="q3", points=1,
    prompt="The Net Promoter Score of your survey subset, case.survey_scores, to 1 decimal place.",
    checker=_variant("q3", _nps, lambda x: Value(expected=x, decimals=1)),
    hints=["NPS = % promoters (9-10) minus % detractors (0-6); passives (7-8) count only in the total.",
           "The course's nps(scores) does it; the answer is between -100 and 100, not a fraction."],
    solution_text="# promoters minus detractors, as percentages of all answers\nanswer_q3 = nps(case.survey_scores)",
    answer=_nps(_DEMO), wrong=[_nps(_DEMO) / 100 + 0.5, _nps(_DEMO) + 10],
    misconceptions=[Misconception(lambda a: abs(a * 100 - _nps(_cur())) < 0.5 and abs(_nps(_cur())) > 1,
                                  "NPS is given in points from -100 to 100, not as a fraction.",
                                  example=_nps(_DEMO) / 100)],
)


def _market(case: Case) -> float:
    return bottom_up(case.cafes, case.annual_value)


q4 = Question(
    module=MODULE, id="q4", points=1,
    prompt="The bottom-up serviceable market in US dollars a year: case.cafes cafés that could buy, each paying "
           "case.annual_value dollars a year, as a whole number.",
    checker=_variant("q4", _market, lambda x: Value(expected=x, decimals=0, unit="USD a year")),
    hints=["Bottom-up sizing multiplies the number of accounts by what one account pays in a year.",
           "bottom_up(accounts, annual_value_per_account) from pm_course.research."],
    solution_text="# accounts x annual value per account\nanswer_q4 = bottom_up(case.cafes, case.annual_value)",
    answer=_market(_DEMO), wrong=[_market(_DEMO) / 12, _DEMO.cafes + _DEMO.annual_value],
    misconceptions=[Misconception(lambda a: abs(a * 12 - _market(_cur())) < 1,
                                  "That is a month's worth: the price is per year already.",
                                  example=_market(_DEMO) / 12)],
)

JOB_STORY_OPTIONS = {
    "A": "As an owner, I want a drag-and-drop rota editor so that I can build rotas.",
    "B": "When a barista calls in sick before opening, I want to find someone to cover the shift quickly, "
         "so I can open the café on time.",
    "C": "Owners need better scheduling software with notifications and an AI assistant.",
}
_STORY = next(k for k, v in JOB_STORY_OPTIONS.items() if check_job_story(v).passed)
q5 = Question(
    module=MODULE, id="q5", points=1,
    prompt="Which statement in JOB_STORY_OPTIONS is a job story (a situation, a motivation and an expected "
           "outcome, with no solution in it)? Give its letter.",
    checker=Choice(expected=_STORY, options=list(JOB_STORY_OPTIONS)),
    hints=["A job story starts from the situation (When ...), not from a persona (As a ...).",
           "It names no feature: check_job_story(text) tells you which parts are there."],
    solution_text="# the one that starts from a situation and names no feature\n"
                  "answer_q5 = [k for k, v in JOB_STORY_OPTIONS.items() if check_job_story(v).passed][0]",
    answer=_STORY, wrong=[k for k in JOB_STORY_OPTIONS if k != _STORY],
    misconceptions=[Misconception("A", "That is a user story with a solution in it (a drag-and-drop editor): "
                                       "a job story starts from the situation and names no feature.")],
)

# ================================================================ 03 vision, strategy and roadmap


def _kr1(case: Case) -> float:
    k = case.key_results[0]
    return key_result_progress(k["baseline"], k["target"], k["actual"])


q6 = Question(
    module=MODULE, id="q6", points=1,
    prompt="The progress of your objective's first key result, case.key_results[0], from its baseline to its "
           "target (0 at the baseline or below, 1 at the target or beyond), to 2 decimal places.",
    checker=_variant("q6", _kr1, lambda x: Value(expected=x, decimals=2)),
    hints=["Progress = (actual - baseline) / (target - baseline), kept between 0 and 1.",
           "key_result_progress(baseline, target, actual) from pm_course.vision."],
    solution_text="# (actual - baseline) / (target - baseline), between 0 and 1\n"
                  "kr = case.key_results[0]\n"
                  "answer_q6 = key_result_progress(kr['baseline'], kr['target'], kr['actual'])",
    answer=_kr1(_DEMO), wrong=[_kr1(_DEMO) + 0.2, -1.0],
    misconceptions=[Misconception(
        lambda a: abs(a - case_ratio(_cur())) < 0.005 and abs(case_ratio(_cur()) - _kr1(_cur())) > 0.01,
        "That is actual / target: progress starts at the baseline, not at zero.",
        example=0.0)],
)


def case_ratio(case: Case) -> float:
    """actual / target of the first key result (the misconception that ignores the baseline)."""
    k = case.key_results[0]
    return k["actual"] / k["target"]


q6.misconceptions[0].example = case_ratio(_DEMO)


def _okr(case: Case) -> float:
    return okr_score([key_result_progress(k["baseline"], k["target"], k["actual"]) for k in case.key_results])


q7 = Question(
    module=MODULE, id="q7", points=1,
    prompt="The score of your objective: the mean progress of its three key results, case.key_results, each "
           "capped between 0 and 1, to 2 decimal places.",
    checker=_variant("q7", _okr, lambda x: Value(expected=x, decimals=2)),
    hints=["Compute each key result's progress, as in the question before.",
           "okr_score(list_of_progress) caps each at 0 and 1 and takes the mean."],
    solution_text="# each key result's progress, capped, then the mean\n"
                  "progress = [key_result_progress(k['baseline'], k['target'], k['actual']) for k in case.key_results]\n"
                  "answer_q7 = okr_score(progress)",
    answer=_okr(_DEMO), wrong=[_okr(_DEMO) + 0.3, 3.0],
)

ROADMAP_ITEMS = {"B01": "high", "B07": "medium", "B12": "low", "B02": "high"}
_ROADMAP = {k: roadmap_column(v) for k, v in ROADMAP_ITEMS.items()}
q8 = Question(
    module=MODULE, id="q8", points=1,
    prompt="Place each item of ROADMAP_ITEMS (item id -> how certain the team is of the problem and the solution) "
           "in the Now / Next / Later column its certainty suggests: a dict of id -> 'Now', 'Next' or 'Later'.",
    checker=Mapping(expected=_ROADMAP, categories=["Now", "Next", "Later"]),
    hints=["Now holds what is well understood; Later the problems still being explored.",
           "roadmap_column(certainty) from pm_course.vision gives the column."],
    solution_text="# high certainty -> Now, medium -> Next, low -> Later\n"
                  "answer_q8 = {k: roadmap_column(v) for k, v in ROADMAP_ITEMS.items()}",
    answer=_ROADMAP, wrong=[{k: "Now" for k in ROADMAP_ITEMS}],
    misconceptions=[Misconception(lambda a: set(a.values()) == {"Now"},
                                  "A roadmap where everything is Now has no order: uncertain items go later.",
                                  example={k: "Now" for k in ROADMAP_ITEMS})],
)

# ================================================================ 04 prioritization


def _rice_b03(case: Case) -> float:
    return rice_score(**case.rice_inputs("B03"))


q9 = Question(
    module=MODULE, id="q9", points=1,
    prompt="The RICE score of item B03 in your case's backlog, case.backlog, to 1 decimal place.",
    checker=_variant("q9", _rice_b03, lambda x: Value(expected=x, decimals=1)),
    hints=["RICE = Reach x Impact x Confidence / Effort.",
           "case.rice_inputs('B03') gives the four inputs; rice_score(**...) does the sum."],
    solution_text="# reach x impact x confidence / effort\nanswer_q9 = rice_score(**case.rice_inputs('B03'))",
    answer=_rice_b03(_DEMO), wrong=[_rice_b03(_DEMO) * _DEMO.item("B03")["effort"] + 1, 0.5],
    misconceptions=[Misconception(
        lambda a: _cur().item("B03")["effort"] != 1 and abs(a - _rice_b03(_cur()) * _cur().item("B03")["effort"]) < 0.05,
        "That is Reach x Impact x Confidence: RICE divides by the effort.",
        example=_rice_b03(_DEMO) * _DEMO.item("B03")["effort"])],
)


def _rice(b: dict) -> float:
    return rice_score(b["reach"], b["impact"], b["confidence"], b["effort"])


def _ranking(case: Case) -> list:
    return rank_by(case.backlog, _rice)


q10 = Question(
    module=MODULE, id="q10", points=1,
    prompt="Your case's six backlog items ranked by RICE score, highest first: a list of their ids.",
    checker=_variant("q10", _ranking, lambda x: Ordering(expected=x)),
    hints=["Score every item of case.backlog with RICE, then sort by the score.",
           "Highest first: sorted(..., reverse=True); return the ids, not the dicts."],
    solution_text="# score each item, sort highest first, keep the ids\n"
                  "answer_q10 = [b['id'] for b in sorted(case.backlog, key=lambda b: rice_score(b['reach'], "
                  "b['impact'], b['confidence'], b['effort']), reverse=True)]",
    answer=_ranking(_DEMO), wrong=[list(reversed(_ranking(_DEMO))), [b["id"] for b in _DEMO.backlog][:5]],
    misconceptions=[Misconception(lambda a: list(a) == list(reversed(_ranking(_cur()))),
                                  "Right items, upside down: the highest score comes first.",
                                  example=list(reversed(_ranking(_DEMO))))],
)


def _wsjf_b05(case: Case) -> float:
    return wsjf(**case.wsjf_inputs("B05"))


q11 = Question(
    module=MODULE, id="q11", points=1,
    prompt="The WSJF of item B05 in your case's backlog (cost of delay over job size), to 2 decimal places.",
    checker=_variant("q11", _wsjf_b05, lambda x: Value(expected=x, decimals=2)),
    hints=["Cost of delay = business value + time criticality + risk reduction.",
           "WSJF = cost of delay / job size: wsjf(**case.wsjf_inputs('B05'))."],
    solution_text="# (business value + time criticality + risk reduction) / job size\n"
                  "answer_q11 = wsjf(**case.wsjf_inputs('B05'))",
    answer=_wsjf_b05(_DEMO), wrong=[_wsjf_b05(_DEMO) + 1, 0.01],
)


def _best(case: Case) -> list:
    return sorted(best_within_capacity(case.capacity_items(), case.capacity)["ids"])


q12 = Question(
    module=MODULE, id="q12", points=1,
    prompt="With the capacity planner made for your case, capacity_planner(case), choose the items that deliver "
           "the most value within case.capacity person-months, then pass the planner itself.",
    checker=WidgetState(inner=_variant("q12", _best, lambda x: SetOf(expected=x))),
    hints=["Each item's value is Reach x Impact x Confidence; its cost is its effort in person-months.",
           "Try combinations in the planner, or ask best_within_capacity(case.capacity_items(), case.capacity) "
           "and set the planner to its ids."],
    solution_text="# the set with the most value that fits, chosen in the planner\n"
                  "planner = capacity_planner(case)\n"
                  "planner.set(best_within_capacity(case.capacity_items(), case.capacity)['ids'])\n"
                  "answer_q12 = planner",
    # as for every widget question, the reference and wrong answers are the planner's .value
    answer=_best(_DEMO), wrong=[[b["id"] for b in _DEMO.backlog], ["B01"]],
)

KANO_PAIR = ("like", "dislike")
q13 = Question(
    module=MODULE, id="q13", points=1,
    prompt="A café owner would like it if shifts could be swapped from the phone and would dislike it if they "
           "could not: KANO_PAIR. Which Kano category is the feature for them? Give one of "
           "'A', 'O', 'M', 'I', 'R', 'Q'.",
    checker=Choice(expected=kano_category(*KANO_PAIR), options=["A", "O", "M", "I", "R", "Q"]),
    hints=["Read the functional answer (the feature is there) and the dysfunctional one (it is not).",
           "Like when present and dislike when absent: more is better. kano_category(functional, dysfunctional)."],
    solution_text="# like when present, dislike when absent\nanswer_q13 = kano_category(*KANO_PAIR)",
    answer=kano_category(*KANO_PAIR), wrong=["M", "A"],
    misconceptions=[Misconception("M", "Must-be features are expected: owners would not 'like' having them."),
                    Misconception("A", "Attractive features delight when there, but nobody minds their absence.")],
)

def rank_by_rice_reference(backlog: list) -> list:
    """The reference: ids by RICE score, highest first; ties keep the backlog's order."""
    return rank_by(backlog, _rice)


_TIES = [{"id": "T1", "reach": 100, "impact": 1, "confidence": 1.0, "effort": 1},
         {"id": "T2", "reach": 200, "impact": 1, "confidence": 1.0, "effort": 2},
         {"id": "T3", "reach": 300, "impact": 1, "confidence": 1.0, "effort": 1}]
q14 = Question(
    module=MODULE, id="q14", points=1,
    prompt="Write rank_by_rice(backlog): the ids ranked by RICE score, highest first; items with equal scores keep "
           "their order in the backlog.",
    checker=Function(reference=rank_by_rice_reference, returns=list[str],
                     inputs=[(_DEMO.backlog,), (_TIES,), (_TIES[:1],)]),
    hints=["Compute each item's score with rice_score(...), then sort the items by it.",
           "sorted(..., reverse=True) is stable, so equal scores keep their order; return ids, not dicts."],
    solution_text="# score each item with RICE, sort highest first and keep the ids;\n"
                  "# sorted() is stable, so items with equal scores keep their backlog order\n"
                  "def rank_by_rice(backlog):\n"
                  "    def score(b):\n"
                  "        return rice_score(b['reach'], b['impact'], b['confidence'], b['effort'])\n"
                  "    return [b['id'] for b in sorted(backlog, key=score, reverse=True)]",
    answer=lambda backlog: rank_by(backlog, _rice),
    wrong=[lambda backlog: [b["id"] for b in sorted(backlog, key=_rice)],
           lambda backlog: [b["id"] for b in backlog]],
)
q14.answer.__name__ = "rank_by_rice"

# ================================================================ 05 collaboration


def _quadrants(case: Case) -> dict:
    return {k: stakeholder_quadrant(v["power"], v["interest"]) for k, v in case.stakeholders.items()}


q15 = Question(
    module=MODULE, id="q15", points=1,
    prompt="Place each stakeholder of case.stakeholders on the power-interest grid: a dict of id -> "
           "'manage closely', 'keep satisfied', 'keep informed' or 'monitor'.",
    checker=_variant("q15", _quadrants, lambda x: Mapping(
        expected=x, categories=["manage closely", "keep satisfied", "keep informed", "monitor"])),
    hints=["High power and high interest: manage closely; high power, low interest: keep satisfied.",
           "stakeholder_quadrant(power, interest) from pm_course.collaboration (5 and above is high)."],
    solution_text="# the Mendelow grid: power first, then interest\n"
                  "answer_q15 = {k: stakeholder_quadrant(v['power'], v['interest']) for k, v in case.stakeholders.items()}",
    answer=_quadrants(_DEMO), wrong=[{k: "monitor" for k in _DEMO.stakeholders}],
)

RACI_MATRIX = {
    "Write the launch brief": {"PM": "A", "Product marketing": "R", "Support lead": "C"},
    "Train the support team": {"PM": "C", "Product marketing": "I", "Support lead": "R"},
    "Decide the rollout stages": {"PM": "A", "CTO": "A", "Support lead": "I"},
}
RACI_TASKS = list(RACI_MATRIX)


def _raci_broken() -> set:
    problems = validate_raci(RACI_MATRIX)
    return {t for t in RACI_TASKS if any(f"'{t}'" in p for p in problems)}


q16 = Question(
    module=MODULE, id="q16", points=1,
    prompt="Which tasks of RACI_MATRIX break the RACI rules (exactly one Accountable, at least one Responsible)? "
           "A set of task names.",
    checker=SetOf(expected=_raci_broken()),
    hints=["Look at each task's row: count the A's and the R's.",
           "validate_raci(matrix) lists the problems; each names its task."],
    solution_text="# one A and at least one R per task\n"
                  "problems = validate_raci(RACI_MATRIX)\n"
                  "answer_q16 = {t for t in RACI_TASKS if any(repr(t) in p for p in problems)}",
    answer=_raci_broken(), wrong=[set(RACI_TASKS), {"Write the launch brief"}],
)

# ================================================================ 06 data and launch


def _overall(case: Case) -> float:
    return overall_conversion(case.funnel["counts"])


q17 = Question(
    module=MODULE, id="q17", points=1,
    prompt="The overall conversion of your case's onboarding funnel, case.funnel, from the first step to the last, "
           "as a fraction to 3 decimal places.",
    checker=_variant("q17", _overall, lambda x: Value(expected=x, decimals=3)),
    hints=["Overall conversion = accounts at the last step / accounts at the first step.",
           "overall_conversion(counts) from pm_course.data_launch; a fraction, not a percentage."],
    solution_text="# last step / first step\nanswer_q17 = overall_conversion(case.funnel['counts'])",
    answer=_overall(_DEMO), wrong=[_overall(_DEMO) * 100, 1.0],
    misconceptions=[Misconception(lambda a: abs(a / 100 - _overall(_cur())) < 0.0005,
                                  "Give a fraction (like 0.25), not a percentage.", example=_overall(_DEMO) * 100)],
)


def _z(case: Case) -> float:
    a = case.ab
    return z_test(a["treatment_converted"], a["treatment_assigned"], a["control_converted"], a["control_assigned"])["z"]


q18 = Question(
    module=MODULE, id="q18", points=1,
    prompt="The z statistic of your A/B test, case.ab, with the treatment as the first arm and the control as the "
           "second (positive when the treatment converts better), to 2 decimal places.",
    checker=_variant("q18", _z, lambda x: Value(expected=x, decimals=2)),
    hints=["The two-proportion z-test compares the conversion rates with a pooled standard error.",
           "z_test(x1, n1, x2, n2) with the treatment's converted and assigned counts first; read ['z']."],
    solution_text="# two-proportion z-test, treatment first\n"
                  "ab = case.ab\n"
                  "answer_q18 = z_test(ab['treatment_converted'], ab['treatment_assigned'], "
                  "ab['control_converted'], ab['control_assigned'])['z']",
    answer=_z(_DEMO), wrong=[_z(_DEMO) + 1, 100.0],
    misconceptions=[Misconception(lambda a: abs(_z(_cur())) > 0.05 and abs(a + _z(_cur())) < 0.005,
                                  "The sign is turned round: put the treatment first.", example=-_z(_DEMO))],
)


def _n(case: Case) -> float:
    return sample_size_per_arm(case.planning["baseline"], case.planning["mde"])


q19 = Question(
    module=MODULE, id="q19", points=1,
    prompt="The users needed in each arm of a new test, case.planning (baseline rate, minimum detectable effect in "
           "points), with alpha 0.05 and power 0.8, as a whole number.",
    checker=_variant("q19", _n, lambda x: Value(expected=x, decimals=0)),
    hints=["The sample size grows with the variance at the baseline and shrinks with the square of the effect.",
           "sample_size_per_arm(baseline, mde) from pm_course.data_launch (alpha 0.05, power 0.8 by default)."],
    solution_text="# the normal-approximation sample size per arm\n"
                  "answer_q19 = sample_size_per_arm(case.planning['baseline'], case.planning['mde'])",
    answer=_n(_DEMO), wrong=[_n(_DEMO) * 2, 30.0],
    misconceptions=[Misconception(lambda a: abs(a - 2 * _n(_cur())) < 0.5,
                                  "That is both arms together: the question asks for each arm.", example=_n(_DEMO) * 2)],
)

TIERS_ASKED: dict[str, Any] = {"share_of_customers": 0.35, "changes_workflow": True}
_TIER = launch_tier(TIERS_ASKED["share_of_customers"], TIERS_ASKED["changes_workflow"])
q20 = Question(
    module=MODULE, id="q20", points=1,
    prompt="The launch tier (1 the biggest, 3 the smallest) of a change that reaches TIERS_ASKED"
           "['share_of_customers'] of customers and changes how they work, as a whole number.",
    checker=Value(expected=_TIER, decimals=0),
    hints=["A tier grows with the share of customers reached and with changes to their workflow.",
           "launch_tier(share_of_customers, changes_workflow) from pm_course.data_launch."],
    solution_text="# many customers and a changed workflow: a big launch\nanswer_q20 = launch_tier(**TIERS_ASKED)",
    answer=_TIER, wrong=[3 if _TIER != 3 else 1],
)

# ================================================================ 07 career

GOAL = "Get better at talking to customers."
_Q21 = "SMAT"  # the author's key, written out: no action (a wish), no number, no owner, no date; nothing unrealistic
q21 = Question(
    module=MODULE, id="q21", points=2,
    prompt="GOAL is a development goal. Which SMART letters does it miss? Answer with the letters, as a set "
           "{'M', 'T'} or a text 'MT' (as in module 07).",
    checker=Letters(expected=sorted(_Q21)),
    hints=["Specific (what exactly), Measurable (a number), Assignable (who), Realistic, Time-related (by when).",
           "missing_letters(goal) from pm_course.career checks each letter."],
    solution_text="# what exactly, how much, who, by when?\nanswer_q21 = missing_letters(GOAL)",
    answer=_Q21, wrong=["MT", "T", "SMART"],
)

# ================================================================ 08 leading

KOTTER_ACTIVITIES = ["setting a direction", "planning and budgeting", "aligning people", "controlling and problem solving"]
_KOTTER = {a: kotter_kind(a) for a in KOTTER_ACTIVITIES}
q22 = Question(
    module=MODULE, id="q22", points=1,
    prompt="Sort the activities in KOTTER_ACTIVITIES into Kotter's 'managing' and 'leading': a dict of activity -> "
           "'managing' or 'leading'.",
    checker=Mapping(expected=_KOTTER, categories=["managing", "leading"]),
    hints=["Managing copes with complexity (plans, budgets, control); leading copes with change.",
           "kotter_kind(category) from pm_course.leading."],
    solution_text="# managing copes with complexity, leading with change\n"
                  "answer_q22 = {a: kotter_kind(a) for a in KOTTER_ACTIVITIES}",
    answer=_KOTTER, wrong=[{a: "leading" for a in KOTTER_ACTIVITIES}],
)

FACTORS = ["recognition", "salary", "the work itself", "working conditions"]
_HERZ = {f: HERZBERG_FACTORS[f] for f in FACTORS}
q23 = Question(
    module=MODULE, id="q23", points=1,
    prompt="In Herzberg's two-factor theory, is each of FACTORS a 'motivator' or a 'hygiene' factor? "
           "A dict of factor -> 'motivator' or 'hygiene'.",
    checker=Mapping(expected=_HERZ, categories=["motivator", "hygiene"]),
    hints=["Hygiene factors prevent dissatisfaction when missing; motivators create satisfaction when present.",
           "HERZBERG_FACTORS in pm_course.leading maps each factor to its kind."],
    solution_text="# the work and its recognition motivate; pay and conditions are hygiene\n"
                  "answer_q23 = {f: HERZBERG_FACTORS[f] for f in FACTORS}",
    answer=_HERZ, wrong=[{f: "motivator" for f in FACTORS}],
    misconceptions=[Misconception(lambda a: a.get("salary") == "motivator",
                                  "In Herzberg's study pay is a hygiene factor: its lack dissatisfies, more of it "
                                  "does not motivate for long.", example={**_HERZ, "salary": "motivator"})],
)

# ================================================================ written answers

w1 = WrittenAnswer(
    module=MODULE, id="w1", points=4,
    prompt="How have you applied, or how would you apply, what this course teaches to a real product you know "
           "(at work, a side project, or one you use)? Name the product and its users, two or more techniques "
           "from different modules, what you did or would do with each, and what changed or what you would "
           "measure. About 150 to 350 words.",
    rules=[
        mentions("names users or customers", ["user", "customer", "client", "staff", "buyer"],
                 "Say who the product is for."),
        mentions("uses research", ["interview", "survey", "nps", "research", "job story", "jobs to be done"],
                 "Name a research technique you used or would use."),
        mentions("uses a prioritization or planning technique",
                 ["rice", "wsjf", "kano", "moscow", "roadmap", "okr", "capacity", "priorit"],
                 "Name how you chose what to build (RICE, Kano, a roadmap, OKRs ...)."),
        mentions("measures", ["metric", "measure", "conversion", "retention", "a/b", "experiment", "rate"],
                 "Say what you measured or would measure."),
        length(min_words=120, max_words=400),
    ],
    model_answer=(
        "Product: the booking app of a small climbing gym, used by members to book sessions and by the front-desk "
        "staff to manage classes.\n\n"
        "Research. I would run six interviews with members about the last time they tried to book and could not, "
        "asking about past behaviour rather than wishes, and tag the snippets on an affinity board. A short NPS "
        "survey after a booking would tell me how many members are detractors and why. The interviews would "
        "become job stories such as: when the evening sessions are full, I want to know at once when a place "
        "frees up, so I can still climb today.\n\n"
        "Prioritization. I would score the backlog with RICE, with reach from the booking logs and a confidence "
        "of 50 % where we only have one interview behind an idea, and fill the next quarter within the two "
        "developers' capacity rather than adding everything to Now. The owner and the front desk are high-power "
        "stakeholders: I would agree a RACI for the waitlist launch so that one person is accountable.\n\n"
        "Measurement. The objective would be 'members get the sessions they want', with key results such as the "
        "share of evening sessions filled and the number of no-shows, each with a baseline. The waitlist would "
        "go out as an A/B test sized in advance for a 3-point change in the booking conversion, with support "
        "contacts as a guardrail, read once at the planned end.\n\n"
        "What would change: fewer empty spots in full-looking sessions and a decision based on evidence rather "
        "than on the loudest request."
    ),
    mark_scheme=[
        "1 point: a real product and its users are named, specifically enough to reason about.",
        "1 point: at least two techniques from different modules are applied, each correctly (e.g. interviews "
        "about past behaviour, RICE with its four inputs, a RACI with one Accountable).",
        "1 point: what was done or would be done is concrete for this product (its data, its people, its "
        "constraints), not a list of technique names.",
        "1 point: an outcome or a measure: what changed, or the metric, baseline and test that would tell.",
        "Give 0 for a point that only repeats the course's words without applying them.",
    ],
)

w2 = WrittenAnswer(
    module=MODULE, id="w2", points=4,
    prompt="Your case's roadmap cannot hold every item within case.capacity. Write the note to the Head of Sales "
           "explaining which items wait and why, how the decision was made, and what would change it. About "
           "120 to 300 words.",
    rules=[
        mentions("says what waits", ["wait", "later", "not now", "next quarter", "postpone", "defer"],
                 "Say plainly which items wait."),
        mentions("gives the reasons", ["rice", "value", "effort", "reach", "capacity", "evidence"],
                 "Give the reasons: the scores and the capacity behind the choice."),
        mentions("says what would change it", ["if ", "unless", "would change", "new evidence", "revisit", "review"],
                 "Say what would change the decision (new evidence, a review date)."),
        length(min_words=100, max_words=350),
    ],
    model_answer=(
        "Subject: what waits this quarter, and why\n\n"
        "We have more good ideas than people: the quarter holds a fixed number of person-months, and the items "
        "the team can deliver within it are the ones that give the most value per person-month. We scored each "
        "item with RICE (how many cafés it reaches, how much it helps them, how sure we are, and the effort), "
        "then chose the set with the most value that fits the capacity.\n\n"
        "Two items you asked for wait until next quarter: they reach fewer cafés than the payroll export and the "
        "swap flow, and one of them costs half the quarter on its own. Waiting is not 'no': they stay on the "
        "roadmap in Next.\n\n"
        "What would change this: evidence that the deals you are working on depend on one of them (how many "
        "accounts, how much revenue), or a smaller first version that fits. Send me the accounts and we will "
        "rescore at the review at the end of the month, with the same rules for every request."
    ),
    mark_scheme=[
        "1 point: says which items wait, consistent with the learner's own roadmap within capacity.",
        "1 point: the decision is explained by evidence (the scores, the capacity) in words a non-PM follows.",
        "1 point: respects the stakeholder: acknowledges the request and keeps the relationship (influence "
        "without authority), no jargon dump.",
        "1 point: says what would change the decision and when it will be reviewed.",
    ],
)

#: The questions by the module whose learning objectives they test, in course order: the one place a module's
#: questions are added (then ``python tools/make_capstone_exam.py`` and ``python tools/release.py 09_capstone``).
BY_MODULE: dict[str, list[Question]] = {
    "01_pm_role": [q1, q2],
    "02_research": [q3, q4, q5],
    "03_vision_strategy_roadmap": [q6, q7, q8],
    "04_prioritization": [q9, q10, q11, q12, q13, q14],
    "05_collaboration": [q15, q16],
    "06_data_launch": [q17, q18, q19, q20],
    "07_career": [q21],
    "08_leading": [q22, q23],
}
QUESTIONS = [q for qs in BY_MODULE.values() for q in qs]
WRITTEN = [w1, w2]


def points() -> int:
    """The auto-graded points of the assessment."""
    return sum(q.points for q in QUESTIONS)


def reference_answers(student_id: Any) -> dict[str, Any]:
    """The reference answers of the variant questions for ``student_id``'s case."""
    case = exam.case_for(student_id)
    return {qid: REFERENCE[qid](case) for qid in VARIANT}
