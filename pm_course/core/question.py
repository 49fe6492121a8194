"""Questions: declared, not coded.

>>> from pm_course.core import Misconception, Question, Value
>>> from pm_course.prioritization import rice_score
>>> q1 = Question(
...     module="04_prioritization", id="q1", points=1,
...     prompt="The RICE score of B05, 'Find cover', as a whole number.",
...     checker=Value(expected=rice_score(950, 3, 0.8, 3), decimals=0),
...     hints=["RICE = Reach x Impact x Confidence / Effort.", "Confidence is a fraction: 0.8, not 80."],
...     solution_text="answer_q1 = rice_score(reach=950, impact=3, confidence=0.8, effort=3)",
...     answer=rice_score(950, 3, 0.8, 3),          # the reference answer, for self-tests
...     wrong=[rice_score(950, 3, 0.8, 3) * 100],    # answers that must fail, for self-tests
...     misconceptions=[Misconception(lambda a: a > 10_000, "Confidence is a fraction (0.8), not 80.",
...                                   example=76_000)],
... )
>>> q1.grade(760)                                   # what an nbgrader test cell runs
q1: passed

The learner passes the answer explicitly: ``q1.check(answer)``, ``q1.hint()``
(each call the next hint), ``q1.solution()``. In an nbgrader test cell,
``q1.grade(answer)`` raises ``AssertionError`` carrying the same feedback when
the answer is not right. Nothing here inspects the caller's stack or globals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import settings
from . import disputes, progress
from .checkers import Checker, Function, Incorrect
from .feedback import FAILED, GRADE_PENDING, HINT, INFO, INVALID, NOT_ATTEMPTED, PASSED, SOLUTION, Feedback
from .isolation import Runs
from .validate import GradeFailed, InputError, InputTypeError, MalformedAnswer, NotAttempted

__all__ = ["Question", "Misconception", "NO_EXAMPLE", "grading_strict", "solutions_enabled"]


NO_EXAMPLE: Any = object()


@dataclass
class Misconception:
    """A known wrong answer (a value, or a predicate on the answer) and what it tells the learner.

    ``example`` is an answer this misconception describes. The self-test of
    every question checks that the example fires this message, and that the
    reference answer and the other misconceptions' examples do not. A
    misconception given as a value is its own example.
    """

    match: Any
    says: str
    example: Any = NO_EXAMPLE

    def __post_init__(self):
        if self.example is NO_EXAMPLE and not callable(self.match):
            self.example = self.match

    def fires(self, checker: Any, clean: Any) -> bool:
        """Whether this misconception describes the (conformed) answer ``clean``.

        A predicate never receives a learner's function: for a function
        question it receives a :class:`~pm_course.core.checkers.Runs`, whose
        calls return what the function returned in its isolated child process.
        """
        if isinstance(checker, Function) and not isinstance(clean, Runs):
            clean = checker.runs(clean)
        elif callable(clean) and not isinstance(clean, Runs):
            return False  # only a function question takes code; nothing here may call it
        try:
            return bool(self.match(clean) if callable(self.match) else checker.same(clean, self.match))
        except Exception:
            return False


def grading_strict() -> bool:
    """True while nbgrader grades or validates the notebook (or the test suite asks for strict grading)."""
    return settings.read(settings.GRADING) or settings.read(settings.GRADE_STRICT)


def solutions_enabled() -> bool:
    """Solutions can be switched off for a graded cohort: ``PM_COURSE_SOLUTIONS=off``."""
    return settings.read(settings.SOLUTIONS)


@dataclass(eq=False)
class Question:
    module: str
    id: str
    prompt: str
    checker: Checker
    hints: Sequence[str]
    solution_text: str
    answer: Any
    wrong: Sequence[Any]
    points: int = 1
    misconceptions: Sequence[Misconception] = ()
    _hints_given: int = field(default=0, repr=False)
    _last: tuple = field(default=("", ()), repr=False)  # the latest verdict and the rules that spoke in it

    def __post_init__(self):
        if not self.hints:
            raise ValueError(f"{self.module}/{self.id}: a question needs at least one hint")
        if not self.wrong:
            raise ValueError(f"{self.module}/{self.id}: a question needs at least one wrong answer for its self-test")

    @property
    def key(self) -> str:
        return f"{self.module}/{self.id}"

    # ---------------------------------------------------------------- learner API

    def check(self, answer: Any) -> Feedback:
        """Check ``answer`` and return feedback; the attempt is recorded in your progress."""
        fb = self._evaluate(answer)
        self._last = (fb.outcome, tuple(disputes.rules_in(fb, self._rule_names())))
        progress.record(self.module, self.id, "check", fb.outcome.value)
        return fb

    def dispute(self, why: str) -> Feedback:
        """Say the latest verdict is wrong, and why: it is recorded with your progress for your instructor.

        Rules that read text can be wrong; a dispute tells the course which rule and which answer, and the
        answer becomes a case its rules are tested on.
        """
        try:
            recorded = disputes.outcome(self._last[0], self._last[1], why)
        except (InputError, InputTypeError) as exc:
            return Feedback(INVALID, self.id, "say why in a sentence", [str(exc)])
        progress.record(self.module, self.id, "dispute", recorded)
        about = f" (rules: {', '.join(self._last[1])})" if self._last[1] else ""
        return Feedback(INFO, self.id, "dispute recorded", [
            f"Thank you: your dispute of the latest verdict on {self.id}{about} is saved with your progress.",
            "Your instructor sees it in `pm-course report --disputes` once you share your progress "
            "(`pm-course export`). Carry on: a disputed check does not hold you up.",
        ])

    def _rule_names(self) -> list[str]:
        inner = getattr(self.checker, "inner", self.checker)
        return [r.name for r in (*getattr(inner, "rules", ()), *getattr(inner, "advisory", ()))]

    def hint(self) -> Feedback:
        """The next hint (each call gives the next one; the last one repeats)."""
        n = min(self._hints_given, len(self.hints) - 1)
        self._hints_given = n + 1
        lines = [self.hints[n]]
        if n == len(self.hints) - 1:
            lines.append(f"That is the last hint. Still stuck? {self.id}.solution() shows a worked answer.")
        progress.record(self.module, self.id, "hint", f"{n + 1}")
        return Feedback(HINT, self.id, f"hint {n + 1} of {len(self.hints)}", lines)

    def solution(self) -> Feedback:
        """A worked solution (unless your instructor has switched solutions off)."""
        if not solutions_enabled():
            return Feedback(INFO, self.id, "solutions are switched off for this course run", [
                "Your instructor has turned solutions off while the exercise is graded; hints still work."
            ])
        progress.record(self.module, self.id, "solution", "")
        return Feedback(SOLUTION, self.id, self.prompt, [], code=self.solution_text)

    # ---------------------------------------------------------------- grading API

    def grade(self, answer: Any, *, extra_inputs: Sequence[tuple] = (), also: Sequence[Checker] = ()) -> Feedback | None:
        """For nbgrader test cells: while grading, pass silently or raise AssertionError with the feedback.

        While nbgrader grades or validates (``NBGRADER_EXECUTION`` is set), or
        with ``PM_COURSE_GRADE_STRICT=1`` (the test suite), any answer that does
        not pass raises :class:`GradeFailed`. In the learner's own session a
        grading cell never raises, so Run All runs to the end: it returns the
        feedback, and an unanswered question shows "not graded yet".

        Hidden tests add cases: ``extra_inputs`` (more inputs for a function
        question) and ``also`` (further checkers the answer must pass).
        Nothing is recorded in the learner's progress.
        """
        fb = self._evaluate(answer, extra_inputs=extra_inputs, also=also)
        if grading_strict():
            if not fb.passed:
                raise GradeFailed("\n" + str(fb))
            print(f"{self.id}: passed")
            return None
        # The learner's own Run All: a grading cell never stops the notebook; it says where the answer stands.
        if fb.outcome == NOT_ATTEMPTED:
            return Feedback(GRADE_PENDING, self.id, "answer the question above; this cell counts when the exercise is graded",
                            [self.prompt])
        return Feedback(fb.outcome, self.id, f"grading cell: {fb.title}",
                        fb.lines + ["This cell counts when your instructor grades the exercise."])

    # ---------------------------------------------------------------- core

    def _evaluate(self, answer: Any, extra_inputs: Sequence[tuple] = (), also: Sequence[Checker] = ()) -> Feedback:
        try:
            return self._judge(answer, extra_inputs, also)
        except SystemExit:  # an answer object whose methods call exit(): feedback, never the end of the kernel
            return Feedback(INVALID, self.id, f"expected {self.checker.describe_expected()}",
                            ["Reading your answer raised SystemExit: pass plain data (or the exercise's widget)."])

    def _judge(self, answer: Any, extra_inputs: Sequence[tuple], also: Sequence[Checker]) -> Feedback:
        try:
            clean = self.checker.conform(answer)
        except NotAttempted:
            return Feedback(NOT_ATTEMPTED, self.id, "replace the ... placeholder with your answer", [self.prompt])
        except MalformedAnswer as exc:
            return Feedback(INVALID, self.id, f"expected {self.checker.describe_expected()}", [str(exc)])
        if isinstance(self.checker, Function):  # from here on only the isolated runner reaches the function
            clean = self.checker.runs(clean)
        try:
            if extra_inputs and isinstance(self.checker, Function):
                self.checker.verify(clean, extra_inputs=extra_inputs)
            else:
                self.checker.verify(clean)
            for extra in also:
                extra.verify(extra.conform(answer))
        except Incorrect as exc:
            lines = list(exc.lines)
            lines += self._misconceptions(clean)
            lines += self._advice(clean)
            lines.append(f"Try again, or ask {self.id}.hint() for a nudge.")
            if self._rule_names():  # word rules can be wrong: say how to tell the instructor
                lines.append(f"Sure your answer is right? {self.id}.dispute('why') records it for your instructor.")
            return Feedback(FAILED, self.id, "not quite", lines)
        except NotAttempted:  # e.g. a function that still returns the stub's ...
            return Feedback(NOT_ATTEMPTED, self.id, "replace the ... placeholder with your code", [self.prompt])
        except MalformedAnswer as exc:  # from a hidden checker with another shape
            return Feedback(INVALID, self.id, "the answer does not have the expected form", [str(exc)])
        return Feedback(PASSED, self.id, "well done",
                        [f"{self.points} point{'s' if self.points != 1 else ''}.", *self._advice(clean)])

    def _advice(self, clean: Any) -> list[str]:
        try:
            return self.checker.advice(clean)
        except (TypeError, ValueError, AttributeError, KeyError):
            return []

    def _misconceptions(self, clean: Any) -> list[str]:
        found = []
        for m in self.misconceptions:
            if m.fires(self.checker, clean):
                found.append(m.says)
        return found

    def _repr_html_(self) -> str:  # showing `q1` alone tells the learner what to do
        return Feedback(INFO, self.id, self.prompt, [
            f"{self.id}.check(answer) checks, {self.id}.hint() nudges, {self.id}.solution() shows a worked answer."
        ])._repr_html_()

    def __repr__(self) -> str:
        return f"<question {self.key}: {self.prompt}>"
