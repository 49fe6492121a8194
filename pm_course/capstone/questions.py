"""The assessment (nbgrader assignment 09_capstone): questions from every module, a variant per learner.

Exam mode. The questions hold prompts, hints, points and the form of each
answer, and no reference answer, worked solution or function that computes
one: an answer is checked against salted, slow hashes of the accepted answers
of the learner's variant (:mod:`.sealed`, written by ``tools/seal_exam.py``
from the reference glue that lives with the instructor's tools). In a
learner's session ``qN.check(answer)`` confirms the form and records the
answer; ``exam.submit()`` seals the answers once and gives the verdicts. While
grading (nbgrader, ``pm-course autograde``), ``qN.grade(answer)`` gives the
verdict from the same hashes. ``qN.solution()`` refuses: applying the course's
tools (rice_score, wsjf, nps ...) to the case is the exam's work.

Questions are grouped by the module whose objectives they test in
:data:`BY_MODULE`; a module's questions are added there and nowhere else
(then ``python tools/seal_exam.py``). No widgets are imported: the capacity
question reads any object with a ``.value``.
"""

from __future__ import annotations

from typing import Any

from ..core import progress
from ..core.feedback import FAILED, GRADE_PENDING, HINT, INFO, INVALID, NOT_ATTEMPTED, PASSED, Feedback
from ..core.question import grading_strict
from ..core.validate import GradeFailed, MalformedAnswer, NotAttempted
from ..core.written import WrittenAnswer, length, mentions
from . import exam, sealed
from .exam import Case
from .sealed import (
    ChoiceForm,
    FunctionForm,
    LettersForm,
    MappingForm,
    NumberForm,
    RankingForm,
    SetForm,
    WidgetForm,
    for_case,
)

__all__ = [
    "MODULE", "QUESTIONS", "WRITTEN", "BY_MODULE", "BY_ID", "VARIANT", "FIGURES", "CONCEPTS", "SealedQuestion", "points", "function_cases",
    "RANK_TIES",
] + [f"q{i}" for i in range(1, 24)] + ["w1", "w2"]

MODULE = exam.ASSIGNMENT
#: The questions on the learner's figures: two learners' answers differ (but for rare coincidences).
FIGURES = ["q2", "q3", "q4", "q6", "q7", "q9", "q10", "q11", "q12", "q15", "q17", "q18", "q19"]
#: The questions on the learner's items (tasks, statements, factors, a goal ... drawn for each case): the items
#: differ between learners; the answer space is small (a letter, a tier), so two learners may share an answer.
CONCEPTS = ["q1", "q5", "q8", "q13", "q16", "q20", "q21", "q22", "q23"]
#: The questions whose answer depends on the learner's case: every question but q14, whose visible test inputs are
#: the same for everyone (a function the learner writes; its hidden tests run it on the learner's own backlog).
VARIANT = sorted(FIGURES + CONCEPTS, key=lambda qid: int(qid[1:]))


def function_cases(case: Case, hidden: bool = False) -> list[tuple[str, tuple]]:
    """The inputs a function question's answer is run on: (case key, arguments); the hidden ones use your case."""
    from .exam import case_for, check_case

    case = check_case(case, "function_cases")
    if type(hidden) is not bool:
        from ..core.validate import InputTypeError, describe

        raise InputTypeError(f"hidden must be True or False; got {describe(hidden)}.")
    demo = case_for(exam.DEMO_ID)
    cases: list[tuple[str, tuple]] = [("v1", ([dict(b) for b in demo.backlog],)), ("v2", ([dict(b) for b in RANK_TIES],)),
                                      ("v3", ([dict(RANK_TIES[0])],))]
    if hidden:
        cases += [("h1", ([dict(b) for b in case.backlog],)), ("h2", ([dict(b, effort=1) for b in case.backlog],))]
    return cases


def _recorded_key(qid: str) -> str:
    return f"answer/{qid}"


class SealedQuestion:
    """A question of the assessment: prompt, hints, points and the form of the answer; no answer."""

    def __init__(self, module: str, id: str, points: int, form: Any, prompt: str, hints: list[str]):
        if not hints:
            raise ValueError(f"{module}/{id}: a question needs at least one hint")
        self.module, self.id, self.points, self.form, self.prompt, self.hints = module, id, points, form, prompt, hints
        self._hints_given = 0

    @property
    def key(self) -> str:
        return f"{self.module}/{self.id}"

    # ---------------------------------------------------------------- learner API

    def _canon(self, answer: Any, case: Case, hidden: bool) -> Any:
        """The conformed answer in canonical form: a text, or for a function its results case by case."""
        clean = for_case(self.form, case).conform(answer)
        if isinstance(self.form, FunctionForm):
            return self.form.results(clean, function_cases(case, hidden))
        return self.form.canonical(clean)

    def check(self, answer: Any) -> Feedback:
        """Check the form of ``answer`` and record it for your id; the verdict comes with ``exam.submit()``."""
        case = exam.current()
        try:
            canon = self._canon(answer, case, hidden=True)
        except NotAttempted:
            progress.record(self.module, self.id, "check", NOT_ATTEMPTED.value)
            return Feedback(NOT_ATTEMPTED, self.id, "replace the ... placeholder with your answer", [self.prompt])
        except MalformedAnswer as exc:
            progress.record(self.module, self.id, "check", INVALID.value)
            return Feedback(INVALID, self.id, f"expected {self.form.describe_expected()}", [str(exc)])
        except SystemExit:  # an answer object whose methods call exit(): feedback, never the end of the kernel
            progress.record(self.module, self.id, "check", INVALID.value)
            return Feedback(INVALID, self.id, f"expected {self.form.describe_expected()}",
                            ["Reading your answer raised SystemExit: pass plain data (or the exercise's widget)."])
        problems = [v[1:] for v in canon.values() if v.startswith("!")] if isinstance(canon, dict) else []
        progress.save_artifact(self.module, _recorded_key(self.id), {"student_id": case.student_id, "canon": canon})
        progress.record(self.module, self.id, "check", "recorded")
        lines = [f"Your answer to {self.id} is recorded for {case.student_id!r}; run the check again to change it.",
                 "This is an exam: the verdict comes when you submit, with exam.submit(), once."]
        if problems:
            lines.insert(0, "Note: your function " + problems[0] + ".")
        return Feedback(INFO, self.id, "answer recorded", lines)

    def hint(self) -> Feedback:
        """The next hint (each call gives the next one; the last one repeats)."""
        n = min(self._hints_given, len(self.hints) - 1)
        self._hints_given = n + 1
        progress.record(self.module, self.id, "hint", f"{n + 1}")
        return Feedback(HINT, self.id, f"hint {n + 1} of {len(self.hints)}", [self.hints[n]])

    def solution(self) -> Feedback:
        """No worked solutions in the assessment."""
        return Feedback(INFO, self.id, "no worked solutions in the assessment", [
            "Applying the course's tools to your case is the exam's work: the module exercises keep their "
            f"worked solutions. {self.id}.hint() still nudges."])

    # ---------------------------------------------------------------- grading API

    def verdict(self, answer: Any, case: Case | None = None, hidden: bool = False) -> Feedback:
        """The verdict on ``answer`` from the sealed hashes of ``case``'s variant (the current case by default)."""
        case = case if case is not None else exam.current()
        try:
            canon = self._canon(answer, case, hidden)
        except NotAttempted:
            return Feedback(NOT_ATTEMPTED, self.id, "replace the ... placeholder with your answer", [self.prompt])
        except MalformedAnswer as exc:
            return Feedback(INVALID, self.id, f"expected {self.form.describe_expected()}", [str(exc)])
        except SystemExit:
            return Feedback(INVALID, self.id, f"expected {self.form.describe_expected()}",
                            ["Reading your answer raised SystemExit: pass plain data (or the exercise's widget)."])
        return self.verdict_of(canon, case.variant)

    def verdict_of(self, canon: Any, variant: str) -> Feedback:
        """The verdict on a recorded canonical answer in ``variant``."""
        if isinstance(canon, dict):  # a function: its results case by case
            wrong, first = 0, ""
            for key, value in canon.items():
                ok = False if value.startswith("!") else sealed.lookup(variant, self.id, value, key)[0]
                if not ok:
                    wrong += 1
                    first = first or (f"On test case {key} it {value[1:]}." if value.startswith("!") else
                                      f"On test case {key} it returned a ranking that is not right.")
            if not wrong:
                return self._passed()
            return Feedback(FAILED, self.id, "not quite",
                            [f"Your function is wrong on {wrong} of {len(canon)} test cases.", first])
        ok, messages = sealed.lookup(variant, self.id, canon)
        if ok:
            return self._passed()
        return Feedback(FAILED, self.id, "not quite", ["That is not the expected answer.", *messages])

    def _passed(self) -> Feedback:
        return Feedback(PASSED, self.id, "well done", [f"{self.points} point{'s' if self.points != 1 else ''}."])

    def grade(self, answer: Any, *, hidden: bool = False) -> Feedback | None:
        """For nbgrader test cells: while grading, pass silently or raise AssertionError with the feedback.

        ``hidden=True`` (the hidden tests) adds the cases a function question keeps for grading. In a
        learner's own session a grading cell gives no verdict (that comes with ``exam.submit()``).
        """
        if grading_strict():
            fb = self.verdict(answer, hidden=hidden)
            if not fb.passed:
                raise GradeFailed("\n" + str(fb))
            print(f"{self.id}: passed")
            return None
        return Feedback(GRADE_PENDING, self.id, "this cell counts when your instructor grades the assessment",
                        [f"Record your answer with {self.id}.check(...); the verdict comes when you submit."])

    def _repr_html_(self) -> str:
        return Feedback(INFO, self.id, self.prompt, [
            f"{self.id}.check(answer) records your answer, {self.id}.hint() nudges; exam.submit() gives the verdicts."
        ])._repr_html_()

    def __repr__(self) -> str:
        return f"<question {self.key}: {self.prompt}>"


# ================================================================ the handed-out data

#: Two of the fixed inputs a rank_by_rice function is run on (equal scores keep the backlog's order).
RANK_TIES = [{"id": "T1", "reach": 100, "impact": 1, "confidence": 1.0, "effort": 1},
         {"id": "T2", "reach": 200, "impact": 1, "confidence": 1.0, "effort": 2},
         {"id": "T3", "reach": 300, "impact": 1, "confidence": 1.0, "effort": 1}]


# ================================================================ the questions

q1 = SealedQuestion(
    module=MODULE, id="q1", points=1, form=MappingForm("role_tasks", ["product manager", "product owner", "project manager"]),
    prompt="For each task in your case's case.role_tasks (four tasks at Shiftbrew), the accountability it belongs "
           "to: a dict of task -> 'product manager', 'product owner' or 'project manager'.",
    hints=["The product manager owns the why and the what (problems, outcomes, strategy); the product owner orders "
           "and clarifies the Product Backlog; the project manager owns scope, schedule and resources.",
           "role_of(task) from pm_course.role gives the accountable role of any task in module 01's TASKS."],
)

q2 = SealedQuestion(
    module=MODULE, id="q2", points=1, form=NumberForm(2, "% a week"),
    prompt="The compound weekly growth rate of case.weekly_sites (sites with a published rota, one value a week), "
           "from the first week to the last, in percent to 2 decimal places.",
    hints=["Compound growth per week: (last / first) ** (1 / number of week-on-week steps) - 1.",
           "Count the steps between the weeks, not the weeks; compound_growth_rate(values) from pm_course.role "
           "gives a fraction, and the question asks for percent."],
)

q3 = SealedQuestion(
    module=MODULE, id="q3", points=1, form=NumberForm(1),
    prompt="The Net Promoter Score of your survey subset, case.survey_scores, to 1 decimal place.",
    hints=["NPS = % promoters (9-10) minus % detractors (0-6); passives (7-8) count only in the total.",
           "The course's nps(scores) does it; the answer is between -100 and 100, not a fraction."],
)

q4 = SealedQuestion(
    module=MODULE, id="q4", points=1, form=NumberForm(0, "USD a year"),
    prompt="The bottom-up serviceable market in US dollars a year: case.cafes cafés that could buy, each paying "
           "case.annual_value dollars a year, as a whole number.",
    hints=["Bottom-up sizing multiplies the number of accounts by what one account pays in a year.",
           "bottom_up(accounts, annual_value_per_account) from pm_course.research."],
)

q5 = SealedQuestion(
    module=MODULE, id="q5", points=1, form=ChoiceForm(["A", "B", "C"]),
    prompt="Which statement in your case's case.job_story_options (three statements, by letter) is a job story "
           "(a situation, a motivation and an expected outcome, with no solution in it)? Give its letter.",
    hints=["A job story starts from the situation (When ...), not from a persona (As a ...).",
           "It names no feature: check_job_story(text) tells you which parts are there."],
)

q6 = SealedQuestion(
    module=MODULE, id="q6", points=1, form=NumberForm(2),
    prompt="The progress of your objective's first key result, case.key_results[0], from its baseline to its "
           "target (0 at the baseline or below, 1 at the target or beyond), to 2 decimal places.",
    hints=["Progress = (actual - baseline) / (target - baseline), kept between 0 and 1.",
           "key_result_progress(baseline, target, actual) from pm_course.vision."],
)

q7 = SealedQuestion(
    module=MODULE, id="q7", points=1, form=NumberForm(2),
    prompt="The score of your objective: the mean progress of its three key results, case.key_results, each "
           "capped between 0 and 1, to 2 decimal places.",
    hints=["Compute each key result's progress, as in the question before.",
           "okr_score(list_of_progress) caps each at 0 and 1 and takes the mean."],
)

q8 = SealedQuestion(
    module=MODULE, id="q8", points=1, form=MappingForm("roadmap_items", ["Now", "Next", "Later"]),
    prompt="Place each item of your case's case.roadmap_items (item id -> how certain the team is of the problem "
           "and the solution) in the Now / Next / Later column its certainty suggests: a dict of id -> 'Now', "
           "'Next' or 'Later'.",
    hints=["Now holds what is well understood; Later the problems still being explored.",
           "roadmap_column(certainty) from pm_course.vision gives the column."],
)

q9 = SealedQuestion(
    module=MODULE, id="q9", points=1, form=NumberForm(1),
    prompt="The RICE score of item B03 in your case's backlog, case.backlog, to 1 decimal place.",
    hints=["RICE = Reach x Impact x Confidence / Effort.",
           "case.rice_inputs('B03') gives the four inputs; rice_score(**...) does the sum."],
)

q10 = SealedQuestion(
    module=MODULE, id="q10", points=1, form=RankingForm(),
    prompt="Your case's six backlog items ranked by RICE score, highest first: a list of their ids.",
    hints=["Score every item of case.backlog with RICE, then sort by the score.",
           "Highest first: sorted(..., reverse=True); return the ids, not the dicts."],
)

q11 = SealedQuestion(
    module=MODULE, id="q11", points=1, form=NumberForm(2),
    prompt="The WSJF of item B05 in your case's backlog (cost of delay over job size), to 2 decimal places.",
    hints=["Cost of delay = business value + time criticality + risk reduction.",
           "WSJF = cost of delay / job size: wsjf(**case.wsjf_inputs('B05'))."],
)

q12 = SealedQuestion(
    module=MODULE, id="q12", points=1, form=WidgetForm(SetForm()),
    prompt="With the capacity planner made for your case, capacity_planner(case), choose the items that deliver "
           "the most value within case.capacity person-months, then pass the planner itself.",
    hints=["Each item's value is Reach x Impact x Confidence; its cost is its effort in person-months.",
           "Try combinations in the planner, or ask best_within_capacity(case.capacity_items(), case.capacity) "
           "and set the planner to its ids."],
)

q13 = SealedQuestion(
    module=MODULE, id="q13", points=1, form=ChoiceForm(["A", "O", "M", "I", "R", "Q"]),
    prompt="A café owner answered the Kano questions about swapping shifts from the phone: case.kano_pair is "
           "(the answer if the feature is there, the answer if it is not). Which Kano category is the feature "
           "for them? Give one of 'A', 'O', 'M', 'I', 'R', 'Q'.",
    hints=["Read the functional answer (the feature is there) and the dysfunctional one (it is not).",
           "Look the pair up in the Kano table of module 04, or use kano_category(functional, dysfunctional)."],
)

q14 = SealedQuestion(
    module=MODULE, id="q14", points=1, form=FunctionForm(),
    prompt="Write rank_by_rice(backlog): the ids ranked by RICE score, highest first; items with equal scores keep "
           "their order in the backlog.",
    hints=["Compute each item's score with rice_score(...), then sort the items by it.",
           "sorted(..., reverse=True) is stable, so equal scores keep their order; return ids, not dicts."],
)

q15 = SealedQuestion(
    module=MODULE, id="q15", points=1, form=MappingForm(list(exam.STAKEHOLDERS), ["manage closely", "keep satisfied", "keep informed", "monitor"]),
    prompt="Place each stakeholder of case.stakeholders on the power-interest grid: a dict of id -> "
           "'manage closely', 'keep satisfied', 'keep informed' or 'monitor'.",
    hints=["High power and high interest: manage closely; high power, low interest: keep satisfied.",
           "stakeholder_quadrant(power, interest) from pm_course.collaboration (5 and above is high)."],
)

q16 = SealedQuestion(
    module=MODULE, id="q16", points=1, form=SetForm(),
    prompt="Which tasks of your case's case.raci_matrix (task -> role -> R, A, C or I) break the RACI rules "
           "(exactly one Accountable, at least one Responsible)? A set of task names.",
    hints=["Look at each task's row: count the A's and the R's.",
           "validate_raci(matrix) lists the problems; each names its task."],
)

q17 = SealedQuestion(
    module=MODULE, id="q17", points=1, form=NumberForm(3),
    prompt="The overall conversion of your case's onboarding funnel, case.funnel, from the first step to the last, "
           "as a fraction to 3 decimal places.",
    hints=["Overall conversion = accounts at the last step / accounts at the first step.",
           "overall_conversion(counts) from pm_course.data_launch; a fraction, not a percentage."],
)

q18 = SealedQuestion(
    module=MODULE, id="q18", points=1, form=NumberForm(2),
    prompt="The z statistic of your A/B test, case.ab, with the treatment as the first arm and the control as the "
           "second (positive when the treatment converts better), to 2 decimal places.",
    hints=["The two-proportion z-test compares the conversion rates with a pooled standard error.",
           "z_test(x1, n1, x2, n2) with the treatment's converted and assigned counts first; read ['z']."],
)

q19 = SealedQuestion(
    module=MODULE, id="q19", points=1, form=NumberForm(0),
    prompt="The users needed in each arm of a new test, case.planning (baseline rate, minimum detectable effect in "
           "points), with alpha 0.05 and power 0.8, as a whole number.",
    hints=["The sample size grows with the variance at the baseline and shrinks with the square of the effect.",
           "sample_size_per_arm(baseline, mde) from pm_course.data_launch (alpha 0.05, power 0.8 by default)."],
)

q20 = SealedQuestion(
    module=MODULE, id="q20", points=1, form=NumberForm(0),
    prompt="The launch tier (1 the biggest, 3 the smallest) of the change in your case's case.launch_change (the "
           "share of customers it reaches, whether it changes how they work, whether it is a new capability), "
           "as a whole number.",
    hints=["A tier grows with novelty and business impact: a new capability, a changed workflow, for how many.",
           "launch_tier(**case.launch_change) from pm_course.data_launch."],
)

q21 = SealedQuestion(
    module=MODULE, id="q21", points=2, form=LettersForm(),
    prompt="case.goal is a development goal. Which SMART letters does it miss? Answer with the letters, as a set "
           "{'M', 'T'} or a text 'MT' (as in module 07).",
    hints=["Specific (what exactly), Measurable (a number), Assignable (who), Realistic, Time-related (by when).",
           "missing_letters(goal) from pm_course.career checks each letter."],
)

q22 = SealedQuestion(
    module=MODULE, id="q22", points=1, form=MappingForm("kotter_activities", ["managing", "leading"]),
    prompt="Sort the four activities in your case's case.kotter_activities into Kotter's 'managing' and "
           "'leading': a dict of activity -> 'managing' or 'leading'.",
    hints=["Managing copes with complexity (plans, budgets, control); leading copes with change.",
           "kotter_kind(category) from pm_course.leading."],
)

q23 = SealedQuestion(
    module=MODULE, id="q23", points=1, form=MappingForm("factors", ["motivator", "hygiene"]),
    prompt="In Herzberg's two-factor theory, is each of the four factors in your case's case.factors a "
           "'motivator' or a 'hygiene' factor? A dict of factor -> 'motivator' or 'hygiene'.",
    hints=["Hygiene factors prevent dissatisfaction when missing; motivators create satisfaction when present.",
           "HERZBERG_FACTORS in pm_course.leading maps each factor to its kind."],
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
BY_MODULE: dict[str, list[SealedQuestion]] = {
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


BY_ID = {q.id: q for q in QUESTIONS}
