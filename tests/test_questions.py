"""The self-test of every question in the course (the idea of learntools' assert_check_passed).

For each question: its reference answer passes, each of its wrong answers fails with feedback
that does not give the expected value away, ``...`` is "not attempted", a malformed answer is
"invalid", and grade() agrees with check(). New modules join through pm_course.course.
"""

import types

import pytest
import sealed_refs

from pm_course.core import Function, Rubric, Value, WidgetState
from pm_course.course import MODULES, questions

# the capstone's questions hold no answers (exam mode): their reference questions, from the instructor's tools, take
# the same self-tests here, and tests/test_exam_sealed.py shows the sealed verdicts equal theirs
ALL = [sealed_refs.reference_for(q) if sealed_refs.is_sealed(q) else q for q in questions()]


def _as_answer(q, value):
    """Widget questions take the widget: wrap a plain value in an object with .value."""
    return types.SimpleNamespace(value=value) if isinstance(q.checker, WidgetState) else value


@pytest.fixture(autouse=True)
def _home(fresh_home):
    yield


def test_the_course_has_questions_in_every_published_module_with_a_package():
    names = {q.module for q in ALL}
    for m in MODULES:
        if m.ready and m.package:
            assert m.name in names, f"{m.name} is published but has no questions"


def test_question_ids_are_unique_within_a_module():
    keys = [q.key for q in ALL]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("q", ALL, ids=lambda q: q.key)
def test_reference_answer_passes(q):
    fb = q.check(_as_answer(q, q.answer))
    assert fb.outcome == "passed", str(fb)
    q.grade(_as_answer(q, q.answer))


@pytest.mark.parametrize("q", ALL, ids=lambda q: q.key)
def test_wrong_answers_fail_with_feedback(q):
    for wrong in q.wrong:
        fb = q.check(_as_answer(q, wrong))
        assert fb.outcome == "failed", f"{q.key}: {wrong!r} gave {fb}"
        assert len(fb.lines) >= 2  # what is wrong, and what to do next
        with pytest.raises(AssertionError):
            q.grade(_as_answer(q, wrong))


@pytest.mark.parametrize("q", ALL, ids=lambda q: q.key)
def test_feedback_does_not_give_the_expected_value_away(q):
    inner = q.checker.inner if isinstance(q.checker, WidgetState) else q.checker
    if not isinstance(inner, Value):
        return  # rankings, sets and rubrics name the learner's own items, not the expected ones
    expected = inner.expected
    shown = {f"{expected:g}", f"{expected:.1f}", f"{expected:.2f}"} if isinstance(expected, (int, float)) else {expected}
    for wrong in q.wrong:
        text = " ".join(q.check(_as_answer(q, wrong)).lines)
        # the question's own name ("ask q20.hint()") is not a value
        text_without_answer = text.replace(str(wrong), "").replace(f"{q.id}.", "")
        for s in shown:
            assert str(s) not in text_without_answer, f"{q.key} reveals {s!r}: {text}"


@pytest.mark.parametrize("q", ALL, ids=lambda q: q.key)
def test_placeholder_is_not_attempted(q):
    assert q.check(...).outcome == "not attempted"
    with pytest.raises(AssertionError, match="Not attempted"):
        q.grade(...)


class _EqualsEverything:
    value = None

    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


@pytest.mark.parametrize("q", ALL, ids=lambda q: q.key)
def test_an_object_that_equals_everything_never_passes(q):
    fb = q.check(_EqualsEverything())
    assert fb.outcome in ("invalid", "failed"), str(fb)
    with pytest.raises(AssertionError):
        q.grade(_EqualsEverything())


@pytest.mark.parametrize("q", ALL, ids=lambda q: q.key)
def test_every_question_teaches(q):
    assert q.prompt.strip() and len(q.hints) >= 2, f"{q.key}: a prompt and at least two hints"
    assert q.solution_text.strip(), f"{q.key}: a worked solution"
    assert q.points >= 1


@pytest.mark.parametrize("q", [q for q in ALL if isinstance(q.checker, Function)], ids=lambda q: q.key)
def test_function_questions_run_the_reference_on_every_input(q):
    from pm_course.core import Case

    for case in q.checker.inputs:
        q.checker.reference(*(case.args if isinstance(case, Case) else case))


def test_every_checker_kind_used_in_the_course_is_exercised():
    kinds = {type(q.checker.inner if isinstance(q.checker, WidgetState) else q.checker).__name__ for q in ALL}
    assert "Value" in kinds
    if len({q.module for q in ALL}) > 1:  # once modules exist, the richer kinds must be in use
        assert {"Function", "Rubric"} & kinds
    _ = Rubric  # imported for readers: the kinds are in pm_course.core


# ---------------------------------------------------------------- precision and misconceptions (issue 12)

#: Every question of every module follows the rules below.
REVIEWED_QUESTIONS = ALL


def _inner(q):
    return q.checker.inner if isinstance(q.checker, WidgetState) else q.checker


@pytest.mark.parametrize("q", [q for q in REVIEWED_QUESTIONS if isinstance(_inner(q), Value)
                               and _inner(q).shape in (float, int)], ids=lambda q: q.key)
def test_numeric_questions_state_their_precision_and_accept_the_rounded_answer(q):
    checker = _inner(q)
    if checker.decimals is None and checker.rel_tol >= 0.001:  # a relative tolerance, stated in the prompt
        assert f"within {checker.rel_tol:.1%}" in q.prompt, f"{q.key}: the prompt must state the tolerance"
        for edge in (1 - 0.99 * checker.rel_tol, 1 + 0.99 * checker.rel_tol):
            assert q.check(_as_answer(q, q.answer * edge)).outcome == "passed", f"{q.key}: within the tolerance"
        return
    assert checker.decimals is not None, f"{q.key}: use Value(expected=..., decimals=N)"
    said = "whole number" if checker.decimals == 0 else checker.precision
    assert said in q.prompt.lower(), f"{q.key}: the prompt must say {checker.precision!r}"
    rounded = round(float(q.answer), checker.decimals)
    if checker.shape is int:
        rounded = int(rounded)
    assert q.check(_as_answer(q, rounded)).outcome == "passed", f"{q.key}: {rounded!r} rounded as shown must pass"


MISCONCEPTIONS = [(q, i) for q in REVIEWED_QUESTIONS for i in range(len(q.misconceptions))]


@pytest.mark.parametrize("q,i", MISCONCEPTIONS, ids=lambda x: x.key if hasattr(x, "key") else str(x))
def test_each_misconception_fires_for_its_example_and_only_for_what_it_describes(q, i):
    from pm_course.core.question import NO_EXAMPLE

    m = q.misconceptions[i]
    assert m.example is not NO_EXAMPLE, f"{q.key}: misconception {i} needs example=..."
    fb = q.check(_as_answer(q, m.example))
    assert fb.outcome == "failed", f"{q.key}: the example of misconception {i} should be a wrong answer: {fb}"
    assert m.says in fb.lines, f"{q.key}: its example does not fire misconception {i}: {fb}"
    assert m.says not in q.check(_as_answer(q, q.answer)).lines
    for j, other in enumerate(q.misconceptions):
        if j != i:
            lines = q.check(_as_answer(q, other.example)).lines
            assert m.says not in lines, f"{q.key}: misconception {i} also fires for misconception {j}'s example"


@pytest.mark.parametrize("q", REVIEWED_QUESTIONS, ids=lambda q: q.key)
def test_no_hint_is_the_solution(q):
    code = [line.strip() for line in q.solution_text.splitlines() if line.strip() and not line.strip().startswith("#")]
    for hint in q.hints:
        assert not any(len(line) > 25 and line in hint for line in code), f"{q.key}: a hint gives the solution code"


@pytest.mark.parametrize("q", REVIEWED_QUESTIONS, ids=lambda q: q.key)
def test_the_solution_shows_its_reasoning(q):
    assert any(line.strip().startswith("#") for line in q.solution_text.splitlines()), (
        f"{q.key}: solution_text explains the reasoning in comments, then the code")
