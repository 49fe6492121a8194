"""The capstone's reference answers: the glue that computes them, kept out of the learner's package.

Only the instructor's tools import this file: ``tools/seal_exam.py`` seals every variant's accepted answers
(and known wrong ones) as hashes into ``pm_course/capstone/sealed.json``, ``tools/make_capstone_exam.py`` writes
the worked solutions into the instructor's notebook (solutions/09_capstone, which the release strips), and the
test suite compares the sealed verdicts with these checkers. Each question here is the package's question
(its prompt, hints and points) with its reference checker, worked solution, wrong answers and misconceptions.
Checkers marked *variant* check against the case bound with :func:`bind`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pm_course.capstone import exam  # noqa: E402
from pm_course.capstone import questions as P  # noqa: E402
from pm_course.capstone.exam import Case  # noqa: E402
from pm_course.capstone.questions import RANK_TIES  # noqa: E402
from pm_course.collaboration.stakeholders import stakeholder_quadrant, validate_raci  # noqa: E402
from pm_course.core import Choice, Function, Letters, Mapping, Misconception, Question, SetOf, Value, WidgetState  # noqa: E402
from pm_course.core.checkers import Checker, Ordering  # noqa: E402
from pm_course.data_launch.experiments import sample_size_per_arm, z_test  # noqa: E402
from pm_course.data_launch.launch import launch_tier  # noqa: E402
from pm_course.data_launch.metrics import overall_conversion  # noqa: E402
from pm_course.leading.leadership import kotter_kind  # noqa: E402
from pm_course.leading.motivation import HERZBERG_FACTORS  # noqa: E402
from pm_course.prioritization.frameworks import best_within_capacity, kano_category, rank_by, rice_score, wsjf  # noqa: E402
from pm_course.research.market import bottom_up  # noqa: E402
from pm_course.research.surveys import nps  # noqa: E402
from pm_course.role.lifecycle import compound_growth_rate  # noqa: E402
from pm_course.role.roles import role_of  # noqa: E402
from pm_course.vision.strategy import key_result_progress, okr_score, roadmap_column  # noqa: E402

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


def bind(case: Case) -> Case:
    """Make ``case`` the one the reference checkers use (nothing is saved in a progress store)."""
    exam._current[0] = case.student_id
    exam._CACHE[case.student_id] = case
    return case


def _ref(**kw: Any) -> Question:
    """The package's question ``kw['id']`` (prompt, hints) with its reference checker and self-test answers."""
    q = P.BY_ID[kw["id"]]
    return Question(prompt=q.prompt, hints=list(q.hints), **kw)


def _variant(qid: str, reference: Callable[[Case], Any], make: Callable[[Any], Checker]) -> Variant:
    REFERENCE[qid] = reference
    VARIANT.append(qid)
    return Variant(build=lambda case: make(reference(case)))


# ================================================================ 01 the PM's role

def _roles(case: Case) -> dict:
    return {t: role_of(t) for t in case.role_tasks}


def _first_of(case: Case, role: str) -> str:
    return next(t for t in case.role_tasks if role_of(t) == role)


def _role_slip(role: str) -> Callable[[Case], dict]:
    """The case's answer with its first ``role`` task given to the product manager (a misconception's example)."""
    return lambda case: {**_roles(case), _first_of(case, role): "product manager"}


def _gave_pm(role: str) -> Callable[[Any], bool]:
    return lambda a: any(a.get(t) == "product manager" for t in _cur().role_tasks if role_of(t) == role)


q1 = _ref(
    module=MODULE, id="q1", points=1,
    checker=_variant("q1", _roles, lambda x: Mapping(expected=x, categories=["product manager", "product owner",
                                                                             "project manager"])),
    solution_text="# why and what -> product manager; the Product Backlog's order and clarity -> product owner;\n"
                  "# budget, schedule and people of a project -> project manager\n"
                  "answer_q1 = {t: role_of(t) for t in case.role_tasks}",
    answer=_roles(_DEMO),
    wrong=[_role_slip("product owner")(_DEMO), _role_slip("project manager")(_DEMO),
           {t: "product manager" for t in _DEMO.role_tasks}],
    misconceptions=[
        Misconception(_gave_pm("product owner"),
                      "The Scrum Guide (2020) makes the Product Backlog (its order, its items' detail) the product "
                      "owner's accountability; it is the product manager's only where one person holds both roles.",
                      example=_role_slip("product owner")(_DEMO)),
        Misconception(_gave_pm("project manager"),
                      "A project's schedule, budget, risks and people are project management: a PM who runs them "
                      "drifts into the project-manager anti-pattern.", example=_role_slip("project manager")(_DEMO)),
    ],
)


def _growth(case: Case) -> float:
    return compound_growth_rate(case.weekly_sites) * 100


def _growth_per_value(case: Case) -> float:
    """The rate taken over as many periods as there are values (the misconception that counts weeks, not steps)."""
    v = case.weekly_sites
    return ((v[-1] / v[0]) ** (1 / len(v)) - 1) * 100


q2 = _ref(
    module=MODULE, id="q2", points=1,
    checker=_variant("q2", _growth, lambda x: Value(expected=x, decimals=2, unit="% a week")),
    solution_text="# (last / first) ** (1 / steps) - 1, with steps = weeks - 1; times 100 for percent\n"
                  "answer_q2 = compound_growth_rate(case.weekly_sites) * 100",
    answer=_growth(_DEMO), wrong=[_growth_per_value(_DEMO), _growth(_DEMO) / 100, _growth(_DEMO) + 1],
    misconceptions=[
        # the answer as the seal reads it (one decimal more than asked), within the course's half a unit
        Misconception(lambda a: abs(round(a, 3) - _growth_per_value(_cur())) <= 0.005 + 1e-9
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


q3 = _ref(
    module=MODULE, id="q3", points=1,
    checker=_variant("q3", _nps, lambda x: Value(expected=x, decimals=1)),
    solution_text="# promoters minus detractors, as percentages of all answers\nanswer_q3 = nps(case.survey_scores)",
    answer=_nps(_DEMO), wrong=[_nps(_DEMO) / 100 + 0.5, _nps(_DEMO) + 10],
    misconceptions=[Misconception(lambda a: abs(a * 100 - _nps(_cur())) < 0.5 and abs(_nps(_cur())) > 1,
                                  "NPS is given in points from -100 to 100, not as a fraction.",
                                  example=_nps(_DEMO) / 100)],
)


def _market(case: Case) -> float:
    return bottom_up(case.cafes, case.annual_value)


q4 = _ref(
    module=MODULE, id="q4", points=1,
    checker=_variant("q4", _market, lambda x: Value(expected=x, decimals=0, unit="USD a year")),
    solution_text="# accounts x annual value per account\nanswer_q4 = bottom_up(case.cafes, case.annual_value)",
    answer=_market(_DEMO), wrong=[_market(_DEMO) / 12, _DEMO.cafes + _DEMO.annual_value],
    misconceptions=[Misconception(lambda a: abs(a * 12 - _market(_cur())) < 1,
                                  "That is a month's worth: the price is per year already.",
                                  example=_market(_DEMO) / 12)],
)

def _story(case: Case) -> str:
    return next(k for k, v in case.job_story_options.items() if v in exam.JOB_STORIES)


def _user_story(case: Case) -> str:
    return next(k for k, v in case.job_story_options.items() if v in exam.USER_STORIES)


q5 = _ref(
    module=MODULE, id="q5", points=1,
    checker=_variant("q5", _story, lambda x: Choice(expected=x, options=["A", "B", "C"])),
    solution_text="# the one that starts from a situation and names no feature\n"
                  "answer_q5 = [k for k, v in case.job_story_options.items() if check_job_story(v).passed][0]",
    answer=_story(_DEMO), wrong=[k for k in "ABC" if k != _story(_DEMO)],
    misconceptions=[Misconception(lambda a: a == _user_story(_cur()),
                                  "That is a user story with a solution in it (As a ..., I want <a feature>): "
                                  "a job story starts from the situation and names no feature.",
                                  example=_user_story(_DEMO))],
)

# ================================================================ 03 vision, strategy and roadmap


def _kr1(case: Case) -> float:
    k = case.key_results[0]
    return key_result_progress(k["baseline"], k["target"], k["actual"])


q6 = _ref(
    module=MODULE, id="q6", points=1,
    checker=_variant("q6", _kr1, lambda x: Value(expected=x, decimals=2)),
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


q7 = _ref(
    module=MODULE, id="q7", points=1,
    checker=_variant("q7", _okr, lambda x: Value(expected=x, decimals=2)),
    solution_text="# each key result's progress, capped, then the mean\n"
                  "progress = [key_result_progress(k['baseline'], k['target'], k['actual']) for k in case.key_results]\n"
                  "answer_q7 = okr_score(progress)",
    answer=_okr(_DEMO), wrong=[_okr(_DEMO) + 0.3, 3.0],
)

def _roadmap(case: Case) -> dict:
    return {k: roadmap_column(v) for k, v in case.roadmap_items.items()}


q8 = _ref(
    module=MODULE, id="q8", points=1,
    checker=_variant("q8", _roadmap, lambda x: Mapping(expected=x, categories=["Now", "Next", "Later"])),
    solution_text="# high certainty -> Now, medium -> Next, low -> Later\n"
                  "answer_q8 = {k: roadmap_column(v) for k, v in case.roadmap_items.items()}",
    answer=_roadmap(_DEMO), wrong=[{k: "Now" for k in _DEMO.roadmap_items}],
    misconceptions=[Misconception(lambda a: set(a.values()) == {"Now"},
                                  "A roadmap where everything is Now has no order: uncertain items go later.",
                                  example={k: "Now" for k in _DEMO.roadmap_items})],
)

# ================================================================ 04 prioritization


def _rice_b03(case: Case) -> float:
    return rice_score(**case.rice_inputs("B03"))


q9 = _ref(
    module=MODULE, id="q9", points=1,
    checker=_variant("q9", _rice_b03, lambda x: Value(expected=x, decimals=1)),
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


q10 = _ref(
    module=MODULE, id="q10", points=1,
    checker=_variant("q10", _ranking, lambda x: Ordering(expected=x)),
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


q11 = _ref(
    module=MODULE, id="q11", points=1,
    checker=_variant("q11", _wsjf_b05, lambda x: Value(expected=x, decimals=2)),
    solution_text="# (business value + time criticality + risk reduction) / job size\n"
                  "answer_q11 = wsjf(**case.wsjf_inputs('B05'))",
    answer=_wsjf_b05(_DEMO), wrong=[_wsjf_b05(_DEMO) + 1, 0.01],
)


def _best(case: Case) -> list:
    return sorted(best_within_capacity(case.capacity_items(), case.capacity)["ids"])


q12 = _ref(
    module=MODULE, id="q12", points=1,
    checker=WidgetState(inner=_variant("q12", _best, lambda x: SetOf(expected=x))),
    solution_text="# the set with the most value that fits, chosen in the planner\n"
                  "planner = capacity_planner(case)\n"
                  "planner.set(best_within_capacity(case.capacity_items(), case.capacity)['ids'])\n"
                  "answer_q12 = planner",
    # as for every widget question, the reference and wrong answers are the planner's .value
    answer=_best(_DEMO), wrong=[[b["id"] for b in _DEMO.backlog], ["B01"]],
)

def _kano(case: Case) -> str:
    return kano_category(*case.kano_pair)


def _kano_swapped(case: Case) -> str:
    return kano_category(*reversed(case.kano_pair))


q13 = _ref(
    module=MODULE, id="q13", points=1,
    checker=_variant("q13", _kano, lambda x: Choice(expected=x, options=["A", "O", "M", "I", "R", "Q"])),
    solution_text="# the functional answer first, then the dysfunctional one\nanswer_q13 = kano_category(*case.kano_pair)",
    answer=_kano(_DEMO), wrong=[c for c in ("O", "M", "A") if c != _kano(_DEMO)][:2],
    misconceptions=[Misconception(lambda a: a == _kano_swapped(_cur()) != _kano(_cur()),
                                  "That reads the pair the wrong way round: the first answer is the functional one "
                                  "(the feature is there), the second the dysfunctional one (it is not).",
                                  example=_kano_swapped(_DEMO))],
)


def rank_by_rice_reference(backlog: list) -> list:
    """The reference: ids by RICE score, highest first; ties keep the backlog's order."""
    return rank_by(backlog, _rice)


q14 = _ref(
    module=MODULE, id="q14", points=1,
    checker=Function(reference=rank_by_rice_reference, returns=list[str],
                     inputs=[(_DEMO.backlog,), (RANK_TIES,), (RANK_TIES[:1],)]),
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


q15 = _ref(
    module=MODULE, id="q15", points=1,
    checker=_variant("q15", _quadrants, lambda x: Mapping(
        expected=x, categories=["manage closely", "keep satisfied", "keep informed", "monitor"])),
    solution_text="# the Mendelow grid: power first, then interest\n"
                  "answer_q15 = {k: stakeholder_quadrant(v['power'], v['interest']) for k, v in case.stakeholders.items()}",
    answer=_quadrants(_DEMO), wrong=[{k: "monitor" for k in _DEMO.stakeholders}],
)



def _raci_broken(case: Case) -> set:
    problems = validate_raci(case.raci_matrix)
    return {t for t in case.raci_matrix if any(f"'{t}'" in p for p in problems)}


q16 = _ref(
    module=MODULE, id="q16", points=1,
    checker=_variant("q16", _raci_broken, lambda x: SetOf(expected=x)),
    solution_text="# one A and at least one R per task\n"
                  "problems = validate_raci(case.raci_matrix)\n"
                  "answer_q16 = {t for t in case.raci_matrix if any(repr(t) in p for p in problems)}",
    answer=_raci_broken(_DEMO),
    wrong=[set(_DEMO.raci_matrix), set(_DEMO.raci_matrix) - _raci_broken(_DEMO)],  # all of them; the kept ones
)

# ================================================================ 06 data and launch


def _overall(case: Case) -> float:
    return overall_conversion(case.funnel["counts"])


q17 = _ref(
    module=MODULE, id="q17", points=1,
    checker=_variant("q17", _overall, lambda x: Value(expected=x, decimals=3)),
    solution_text="# last step / first step\nanswer_q17 = overall_conversion(case.funnel['counts'])",
    answer=_overall(_DEMO), wrong=[_overall(_DEMO) * 100, 1.0],
    misconceptions=[Misconception(lambda a: abs(a / 100 - _overall(_cur())) < 0.0005,
                                  "Give a fraction (like 0.25), not a percentage.", example=_overall(_DEMO) * 100)],
)


def _z(case: Case) -> float:
    a = case.ab
    return z_test(a["treatment_converted"], a["treatment_assigned"], a["control_converted"], a["control_assigned"])["z"]


q18 = _ref(
    module=MODULE, id="q18", points=1,
    checker=_variant("q18", _z, lambda x: Value(expected=x, decimals=2)),
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


q19 = _ref(
    module=MODULE, id="q19", points=1,
    checker=_variant("q19", _n, lambda x: Value(expected=x, decimals=0)),
    solution_text="# the normal-approximation sample size per arm\n"
                  "answer_q19 = sample_size_per_arm(case.planning['baseline'], case.planning['mde'])",
    answer=_n(_DEMO), wrong=[_n(_DEMO) * 2, 30.0],
    misconceptions=[Misconception(lambda a: abs(a - 2 * _n(_cur())) < 0.5,
                                  "That is both arms together: the question asks for each arm.", example=_n(_DEMO) * 2)],
)

def _tier(case: Case) -> int:
    return launch_tier(**case.launch_change)


q20 = _ref(
    module=MODULE, id="q20", points=1,
    checker=_variant("q20", _tier, lambda x: Value(expected=x, decimals=0)),
    solution_text="# novelty and business impact, then how many it reaches\nanswer_q20 = launch_tier(**case.launch_change)",
    answer=_tier(_DEMO), wrong=[t for t in (1, 2, 3) if t != _tier(_DEMO)],
)

# ================================================================ 07 career

def _smart_key(case: Case) -> str:
    """The author's key for the case's goal, written out in exam.GOALS (the word rules do not decide it)."""
    return dict(exam.GOALS)[case.goal]


q21 = _ref(
    module=MODULE, id="q21", points=2,
    checker=_variant("q21", _smart_key, lambda x: Letters(expected=sorted(x))),
    solution_text="# what exactly, how much, who, by when?\nanswer_q21 = missing_letters(case.goal)",
    answer=_smart_key(_DEMO), wrong=[w for w in ("MT", "T", "SMART") if sorted(w) != sorted(_smart_key(_DEMO))],
)

# ================================================================ 08 leading

def _kotter(case: Case) -> dict:
    return {a: kotter_kind(a) for a in case.kotter_activities}


q22 = _ref(
    module=MODULE, id="q22", points=1,
    checker=_variant("q22", _kotter, lambda x: Mapping(expected=x, categories=["managing", "leading"])),
    solution_text="# managing copes with complexity, leading with change\n"
                  "answer_q22 = {a: kotter_kind(a) for a in case.kotter_activities}",
    answer=_kotter(_DEMO), wrong=[{a: "leading" for a in _DEMO.kotter_activities}],
)


def _herzberg(case: Case) -> dict:
    return {f: HERZBERG_FACTORS[f] for f in case.factors}


q23 = _ref(
    module=MODULE, id="q23", points=1,
    checker=_variant("q23", _herzberg, lambda x: Mapping(expected=x, categories=["motivator", "hygiene"])),
    solution_text="# achievement, recognition, the work, responsibility, growth motivate; pay and conditions are hygiene\n"
                  "answer_q23 = {f: HERZBERG_FACTORS[f] for f in case.factors}",
    answer=_herzberg(_DEMO), wrong=[{f: "motivator" for f in _DEMO.factors}],
    misconceptions=[Misconception(lambda a: a.get("salary") == "motivator",
                                  "In Herzberg's study pay is a hygiene factor: its lack dissatisfies, more of it "
                                  "does not motivate for long.", example={**_herzberg(_DEMO), "salary": "motivator"})],
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13, q14, q15, q16, q17, q18, q19, q20, q21, q22,
             q23]
BY_ID = {q.id: q for q in QUESTIONS}


def reference_answers(student_id: Any) -> dict[str, Any]:
    """The reference answers of the variant questions for ``student_id``'s case."""
    case = exam.case_for(student_id)
    return {qid: REFERENCE[qid](case) for qid in VARIANT}
