"""Tests for the corrections of issues 11 and 12 in modules 00, 04 and 05: each would have caught its error."""

import types

import pytest

from pm_course.core import Case, Function


@pytest.fixture(autouse=True)
def _home(fresh_home):
    yield


def _widget(value):
    return types.SimpleNamespace(value=value)


# ---------------------------------------------------------------- issue 12: feedback that rejected right answers


def test_04_q7_accepts_the_value_the_lesson_prints_and_states_the_precision():
    from pm_course.prioritization.questions import q7

    assert q7.check(-0.76).outcome == "passed"
    assert "to 2 decimal places" in q7.prompt


def test_04_q8_accepts_13_0_and_states_the_precision():
    from pm_course.prioritization.questions import q8

    assert q8.check(13.0).outcome == "passed" and q8.check(12.97).outcome == "passed"
    assert "to 1 decimal place" in q8.prompt


def test_04_q8_scale_misconception_fires_only_for_means_of_1_to_5():
    from pm_course.prioritization.questions import _IMP, _OPP_FROM_MEANS, _OPP_NO_X10, q8

    scale = "means of the 1-5 ratings"
    assert any(scale in line for line in q8.check(_OPP_FROM_MEANS).lines)
    for slip in (_OPP_NO_X10, _IMP):  # top-two-box used, only the x10 or the max term forgotten
        lines = q8.check(slip).lines
        assert not any(scale in line for line in lines), lines


def test_04_q5_p5_message_calls_must_be_the_dysfunctional_answer_a_column():
    from pm_course.prioritization.questions import _KANO_EXPECTED, q5

    text = " ".join(q5.check({**_KANO_EXPECTED, "P5": "M"}).lines)
    assert "dysfunctional" in text and "column" in text
    assert "functional question" not in text.replace("dysfunctional question", "")


def test_04_q3_misspelled_id_gets_the_right_count_and_is_quoted_as_typed():
    from pm_course.prioritization.questions import _RICE_RANKING, q3

    answer = list(_RICE_RANKING[:4]) + ["b5x"]
    text = " ".join(q3.check(answer).lines)
    assert "holds 5 items, the right number" in text and "'b5x'" in text
    assert "should hold exactly 5" not in text


def test_04_q12_heading_for_a_list_of_ids_asks_for_the_widget():
    from pm_course.prioritization.questions import _BEST, q12

    fb = q12.check(list(_BEST["ids"]))
    assert fb.outcome == "invalid"
    assert "list of text" not in fb.title and "widget" in fb.title


def test_04_q12_explains_why_the_exact_best_set_is_asked_for():
    from pm_course.prioritization.questions import _GREEDY, q12

    assert "on purpose" in q12.prompt
    text = " ".join(q12.check(_widget(list(_GREEDY["ids"]))).lines)
    assert "%" in text and "uncertainty" in text


def test_04_q4_feedback_names_ties_for_a_sort_that_breaks_ties_differently():
    from pm_course.prioritization.questions import _rice, q4

    def rank_by_rice(backlog):
        return [b["id"] for b in sorted(backlog, key=_rice)][::-1]

    text = " ".join(q4.check(rank_by_rice).lines)
    assert "ties" in text


def test_function_cases_carry_a_description_shown_without_the_expected_output():
    def ref(xs):
        return sorted(xs)

    c = Function(reference=ref, inputs=[Case(([2, 1],), "two items out of order"), Case(([3],), "a single item")],
                 returns=list[int])
    from pm_course.core.checkers import Incorrect

    with pytest.raises(Incorrect) as exc:
        c.verify(lambda xs: list(xs))
    text = " ".join(exc.value.lines)
    assert "two items out of order" in text and "[1, 2]" not in text


@pytest.mark.parametrize("qid", ["q5", "q12"])
def test_04_hints_do_not_give_the_solution_code(qid):
    from pm_course.prioritization import questions as Q

    q = getattr(Q, qid)
    for hint in q.hints:
        assert "KANO_PAIRS.items()" not in hint and "best_within_capacity(" not in hint


def test_value_feedback_quotes_the_number_as_typed():
    from pm_course.prioritization.questions import q8

    assert any("20.0" in line for line in q8.check(20.0).lines)


# ---------------------------------------------------------------- written answers and review cells


@pytest.mark.parametrize("package", ["prioritization", "collaboration"])
def test_written_answers_are_declared(package):
    import importlib

    mod = importlib.import_module(f"pm_course.{package}.questions")
    assert mod.WRITTEN, f"{package}: WRITTEN = [w1, ...]"
    for w in mod.WRITTEN:
        assert w.review(w.model_answer).title.startswith(f"{len(w.rules)} of {len(w.rules)}"), (
            f"{w.key}: the model answer meets every word rule")
        assert w.review("No.").title != w.review(w.model_answer).title
