"""Outcomes are typed (an Enum), and what the progress store keeps for them is the same text as always."""

from __future__ import annotations

import pytest

from pm_course.core import Misconception, Outcome, Question, Value
from pm_course.core import progress as store
from pm_course.core.feedback import _STYLE, Feedback

# The texts the progress store has recorded since the first release: exports and old stores hold these.
STORED = {
    "PASSED": "passed", "FAILED": "failed", "NOT_ATTEMPTED": "not attempted", "INVALID": "invalid", "HINT": "hint",
    "SOLUTION": "solution", "INFO": "info", "REVIEWED": "reviewed", "GRADE_PENDING": "not graded yet",
}


def test_outcome_values_are_the_stored_texts():
    assert {o.name: o.value for o in Outcome} == STORED


def test_every_outcome_has_a_colour_and_a_label():
    assert set(_STYLE) == set(Outcome)


def test_feedback_takes_the_stored_text_and_holds_the_enum():
    fb = Feedback("not attempted", "q1", "replace the ... placeholder")
    assert fb.outcome is Outcome.NOT_ATTEMPTED
    assert "Not attempted" in str(fb)


def test_feedback_refuses_an_unknown_outcome_naming_the_known_ones():
    with pytest.raises(ValueError, match=r"outcome must be one of 'passed', 'failed'.*got 'pased'"):
        Feedback("pased", "q1", "well done")


def test_a_check_is_stored_as_plain_text(fresh_home):
    q = Question(module="99_test", id="q1", prompt="Two.", checker=Value(expected=2), hints=["1 + 1"],
                 solution_text="answer = 2", answer=2, wrong=[3],
                 misconceptions=[Misconception(3, "One too many.")])
    assert q.check(2).outcome is Outcome.PASSED
    assert q.check(3).outcome is Outcome.FAILED
    kept = [e["outcome"] for e in store.events("99_test") if e["action"] == "check"]
    assert kept == ["passed", "failed"]
    assert all(type(o) is str for o in kept)
