"""Written answers (formative word rules), the learner's Run All through grading cells, and the review table."""

import pytest

from pm_course.core import WrittenAnswer, length, mentions
from pm_course.core.feedback import GRADE_PENDING, INVALID, NOT_ATTEMPTED, REVIEWED


@pytest.fixture()
def w1(fresh_home):
    return WrittenAnswer(
        module="04_prioritization", id="w1", points=4, prompt="Say no to the custom report.",
        rules=[mentions("states the decision", ["not now", "not this quarter"], "Say plainly what you decided."),
               mentions("offers an alternative", ["instead", "alternative"], "Offer something in its place."),
               length(min_words=8, max_words=40)],
        model_answer="Not this quarter: ... Instead, ...", mark_scheme=["1 point: states the decision"],
    )


def test_an_empty_draft_is_not_attempted_and_a_non_text_is_invalid(w1):
    assert w1.check("").outcome == NOT_ATTEMPTED
    assert w1.check("   \n").outcome == NOT_ATTEMPTED
    assert w1.check(...).outcome == NOT_ATTEMPTED
    fb = w1.check(42)
    assert fb.outcome == INVALID and "got int" in " ".join(fb.lines)


def test_each_rule_reports_met_or_what_is_missing(w1):
    fb = w1.check("Not this quarter. The custom report reaches one account; our goal is churn.")
    assert fb.outcome == REVIEWED
    assert fb.title == "2 of 3 writing checks met"
    text = " ".join(fb.lines)
    assert "Met: states the decision." in text
    assert "Not yet: offers an alternative: Offer something in its place." in text
    assert "only look for words" in text  # honest about what the rules are


def test_phrases_match_whole_words_only(w1):
    fb = w1.review("Nothing nowhere: we are notnow sure of this quarter instead-ish.")
    assert "Not yet: states the decision" in " ".join(fb.lines)


def test_the_model_answer_waits_for_a_draft_and_respects_solutions_off(w1, monkeypatch):
    assert "write a draft first" in w1.solution().title
    w1.check("Not this quarter; instead we offer the export that already exists.")
    fb = w1.solution()
    assert fb.outcome == "solution" and "Instead" in fb.code and fb.lines[0].startswith("Mark scheme:")
    monkeypatch.setenv("PM_COURSE_SOLUTIONS", "off")
    assert "switched off" in w1.solution().title


def test_a_written_answer_needs_rules_a_model_answer_and_a_mark_scheme():
    with pytest.raises(ValueError):
        WrittenAnswer(module="m", id="w1", prompt="p", rules=[], model_answer="x", mark_scheme=["y"])


def test_outside_grading_a_grading_cell_never_raises(fresh_home, monkeypatch):
    from pm_course.prioritization.questions import q1

    monkeypatch.delenv("PM_COURSE_GRADE_STRICT", raising=False)
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    assert q1.grade(...).outcome == GRADE_PENDING
    fb = q1.grade(-1.0)
    assert fb.outcome == "failed" and "counts when your instructor grades" in fb.lines[-1]
    assert q1.grade(q1.answer).outcome == "passed"


@pytest.mark.parametrize("env", [{"NBGRADER_EXECUTION": "autograde"}, {"PM_COURSE_GRADE_STRICT": "1"}])
def test_while_grading_a_grading_cell_raises_for_anything_but_a_pass(fresh_home, monkeypatch, env):
    from pm_course.prioritization.questions import q1

    monkeypatch.delenv("PM_COURSE_GRADE_STRICT", raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    with pytest.raises(AssertionError):
        q1.grade(...)
    with pytest.raises(AssertionError):
        q1.grade(-1.0)
    assert q1.grade(q1.answer) is None


def test_review_lists_every_question_with_its_latest_state(fresh_home):
    import pm_course.progress as progress
    from pm_course.prioritization.questions import QUESTIONS, q1, q2

    q1.check(-1.0)
    q1.check(q1.answer)
    q2.check(...)
    r = progress.review("04")
    states = {row["question"]: row["state"] for row in r.rows}
    assert len(r.rows) >= len(QUESTIONS)
    assert states["q1"] == "passed" and states["q2"] == "not attempted" and states["q3"] == "not checked yet"
    assert "1 of" in str(r) and "<table" in r._repr_html_()
    with pytest.raises(ValueError, match="unknown module"):
        progress.review("99")
