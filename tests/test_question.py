"""Questions: check, hint, solution, grade; malformed answers never pass and never raise."""

import math
import types

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pm_course.core import Function, Misconception, Question, Value
from pm_course.core import progress as store


def make(**kw):
    base = dict(
        module="99_test", id="q1", prompt="The RICE score.", checker=Value(expected=1520.0, abs_tol=0.01),
        hints=["first", "second"], solution_text="answer = 1520", answer=1520.0, wrong=[152000.0],
        misconceptions=[Misconception(lambda a: a > 10_000, "Confidence is a fraction (0.8), not 80.")],
    )
    base.update(kw)
    return Question(**base)


class EqualsAll:
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = object.__hash__


class Sneaky(float):
    def __eq__(self, other):
        return True

    def __sub__(self, other):
        return 0.0

    def __abs__(self):
        return 0.0


HOSTILE = [
    EqualsAll(), Sneaky(0.0), type("I", (int,), {"__eq__": lambda s, o: True})(0),
    type("S", (str,), {"__eq__": lambda s, o: True})("x"), type("L", (list,), {})([1520.0]),
    type("D", (dict,), {})(a=1), float("nan"), float("inf"), -float("inf"), "", [], {}, None, True,
    "1520", [1520.0], "x" * 100_000, list(range(100_000)), print, types.SimpleNamespace(value=1520.0),
]


@pytest.mark.parametrize("answer", HOSTILE, ids=lambda a: type(a).__name__)
def test_malformed_answers_get_a_message_never_a_pass_never_a_traceback(fresh_home, answer):
    q = make()
    fb = q.check(answer)
    assert fb.outcome == "invalid"
    assert fb.lines and "Traceback" not in str(fb)
    with pytest.raises(AssertionError):
        q.grade(answer)


def test_outcomes_and_feedback(fresh_home):
    q = make()
    assert q.check(1520).passed
    fb = q.check(152000.0)
    assert fb.outcome == "failed"
    text = str(fb)
    assert "Confidence is a fraction" in text and "too high" in text
    assert "1520 " not in text.replace("152000", "")  # the expected value is not given away
    assert q.check(...).outcome == "not attempted"


def test_feedback_renders_as_html_and_text(fresh_home):
    fb = make().check(3.0)
    html = fb._repr_html_()
    assert "pm-feedback pm-failed" in html and "<li>" in html
    assert str(fb).startswith("[Not yet] q1: not quite")
    assert repr(fb) == str(fb)
    assert "&lt;b&gt;" in make(prompt="<b>").check(...)._repr_html_()  # learner text is escaped


def test_hints_come_in_order_and_the_last_repeats(fresh_home):
    q = make()
    assert q.hint().lines[0] == "first"
    second = q.hint()
    assert second.lines[0] == "second" and "last hint" in second.lines[1]
    assert q.hint().lines[0] == "second"


def test_solution_can_be_switched_off(fresh_home, monkeypatch):
    q = make()
    assert q.solution().code == "answer = 1520"
    monkeypatch.setenv("PM_COURSE_SOLUTIONS", "off")
    fb = q.solution()
    assert fb.code == "" and "switched off" in fb.title


def test_every_action_is_recorded(fresh_home):
    q = make()
    q.check(1.0)
    q.check(1520.0)
    q.hint()
    q.solution()
    q.check(...)
    evs = store.events("99_test")
    assert [(e["action"], e["outcome"]) for e in evs] == [
        ("check", "failed"), ("check", "passed"), ("hint", "1"), ("solution", ""), ("check", "not attempted"),
    ]


def test_grade_raises_assertion_error_with_the_feedback_and_records_nothing(fresh_home, capsys):
    q = make()
    with pytest.raises(AssertionError) as err:
        q.grade(152000.0)
    assert "Confidence is a fraction" in str(err.value)
    with pytest.raises(AssertionError, match="Not attempted"):
        q.grade(...)
    q.grade(1520.0)
    assert "q1: passed" in capsys.readouterr().out
    assert store.events("99_test") == []


def test_grade_with_hidden_checks(fresh_home):
    q = make()
    q.grade(1520.0, also=[Value(expected=1520.0, abs_tol=0.5)])
    with pytest.raises(AssertionError):
        q.grade(1520.0, also=[Value(expected=1.0)])


def test_a_question_needs_hints_and_a_wrong_answer():
    with pytest.raises(ValueError):
        make(hints=[])
    with pytest.raises(ValueError):
        make(wrong=[])


def test_a_broken_misconception_predicate_does_not_break_the_check(fresh_home):
    q = make(misconceptions=[Misconception(lambda a: 1 / 0, "never shown")])
    assert q.check(3.0).outcome == "failed"


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.floats(), st.integers(), st.text(), st.booleans(), st.none(),
                 st.lists(st.floats(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=3)))
def test_no_answer_but_the_right_one_passes(answer):
    q = make()
    fb = q._evaluate(answer)
    right = (type(answer) in (int, float) and not math.isnan(answer)
             and math.isclose(answer, 1520.0, abs_tol=0.01, rel_tol=1e-6))
    assert fb.passed == right


def test_function_question_hidden_inputs(fresh_home):
    def ref(x):
        return 2 * x

    q = make(checker=Function(reference=ref, inputs=[(1,)], returns=int), answer=ref, wrong=[lambda x: x],
             misconceptions=[])

    def only_one(x):
        return 2

    assert q.check(only_one).passed
    with pytest.raises(AssertionError, match="wrong on 1 of 2"):
        q.grade(only_one, extra_inputs=[(5,)])
