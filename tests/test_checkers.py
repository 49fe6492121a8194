"""Every kind of checker: passes the right answer, fails a wrong one with teaching feedback."""

import time
import types

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pm_course.core import (
    Choice,
    Function,
    Incorrect,
    MalformedAnswer,
    Mapping,
    NotAttempted,
    Ordering,
    Rubric,
    Rule,
    SetOf,
    Value,
    WidgetState,
)
from pm_course.core.checkers import TimeLimitExceeded, call_with_time_limit


def run(checker, answer):
    checker.verify(checker.conform(answer))


def fails(checker, answer) -> list[str]:
    with pytest.raises(Incorrect) as err:
        run(checker, answer)
    assert err.value.lines
    return err.value.lines


def test_value_with_tolerance_and_direction():
    c = Value(expected=1520.0, abs_tol=0.5)
    run(c, 1520.4)
    lines = fails(c, 1600)
    assert "too high" in lines[0] and "1520" not in " ".join(lines)
    assert "too low" in fails(c, 3)[0]


def test_value_text_ignores_case_and_spaces():
    c = Value(expected="Keep satisfied", shape=str)
    run(c, "  keep   SATISFIED ")
    fails(c, "monitor")


@given(st.floats(min_value=-1e6, max_value=1e6))
def test_value_never_passes_far_from_expected(x):
    c = Value(expected=42.0, abs_tol=0.01, rel_tol=0)
    if abs(x - 42.0) > 0.011:
        with pytest.raises(Incorrect):
            run(c, x)


def test_choice_lists_options_on_unknown_option():
    c = Choice(expected="A", options=["A", "O", "M", "I", "R", "Q"])
    run(c, "a")
    fails(c, "M")
    with pytest.raises(MalformedAnswer, match="'A', 'O'"):
        c.conform("attractive")


def test_set_counts_missing_and_names_extras():
    c = SetOf(expected=["B01", "B03", "B05"])
    run(c, ["b05", "B01", "B03"])
    lines = fails(c, ["B01", "B03", "B99"])
    assert "1 item is missing" in lines[0] and "'b99'" in lines[1]
    assert "B05" not in " ".join(lines).upper().replace("B99", "")


def test_ordering_reports_first_misplaced_without_the_answer():
    c = Ordering(expected=["B05", "B01", "B03"])
    run(c, ["B05", "B01", "B03"])
    lines = fails(c, ["B01", "B05", "B03"])
    assert "1 of 3" in lines[0] and "position 1" in lines[1]
    assert "Each item should appear once" in fails(c, ["B01", "B01", "B03"])[0]
    assert "exactly 3 items" in fails(c, ["B01", "B05"])[0]


def test_mapping_counts_and_hints_and_checks_keys_and_categories():
    c = Mapping(expected={"a": "x", "b": "y", "c": "x"}, categories=["x", "y"], item_hints={"b": "Look at b again."})
    run(c, {"A": "X", "b": "y", "c": "x"})
    lines = fails(c, {"a": "x", "b": "x", "c": "x"})
    assert lines == ["2 of 3 items are placed right.", "Look at b again."]
    with pytest.raises(MalformedAnswer, match="missing: 'c'"):
        c.conform({"a": "x", "b": "y"})
    with pytest.raises(MalformedAnswer, match="not a category"):
        c.conform({"a": "x", "b": "z", "c": "x"})
    with pytest.raises(MalformedAnswer, match="not one of the items"):
        c.conform({"a": "x", "b": "y", "c": "x", "d": "x"})


def _ref(xs):
    return sorted(xs, reverse=True)


def test_function_checker_runs_cases_and_reports_learner_errors():
    c = Function(reference=_ref, inputs=[([3, 1, 2],), ([5],)], returns=list[int], time_limit=0.5)

    def good(xs):
        return sorted(xs)[::-1]

    def wrong(xs):
        return sorted(xs)

    def crash(xs):
        return xs[10]

    def mutating(xs):
        xs.clear()
        return _ref(xs)

    run(c, good)
    assert "wrong on 1 of 2" in fails(c, wrong)[0]
    assert "IndexError" in fails(c, crash)[0]
    fails(c, mutating)  # gets a copy; its own result is wrong
    lines = fails(c, lambda xs: "text")
    assert "should be a list" in lines[0]


def test_function_checker_stub_is_not_attempted_and_builtins_are_refused():
    c = Function(reference=_ref, inputs=[([1],)], returns=list[int])

    def stub(xs):
        return ...

    with pytest.raises(NotAttempted):
        run(c, stub)
    with pytest.raises(MalformedAnswer):
        c.conform(sorted)


def test_function_checker_hidden_inputs_add_cases():
    c = Function(reference=_ref, inputs=[([2, 1],)], returns=list[int])

    def only_two(xs):
        return [max(xs), min(xs)]

    run(c, only_two)
    with pytest.raises(Incorrect):
        c.verify(only_two, extra_inputs=[([1, 2, 3],)])


def test_endless_loop_is_stopped_by_the_time_limit():
    def forever(xs):
        while True:
            pass

    c = Function(reference=_ref, inputs=[([1],)], returns=list[int], time_limit=0.3)
    start = time.perf_counter()
    lines = fails(c, forever)
    assert time.perf_counter() - start < 3
    assert "did not finish" in lines[0]


def test_endless_loop_that_catches_exceptions_is_still_stopped():
    def stubborn():
        while True:
            try:
                while True:
                    pass
            except Exception:
                pass

    with pytest.raises(TimeLimitExceeded):
        call_with_time_limit(stubborn, (), 0.2)


def test_time_limit_off_the_main_thread_uses_a_worker():
    import threading

    box = {}

    def body():
        try:
            call_with_time_limit(lambda: time.sleep(5), (), 0.2)
        except TimeLimitExceeded:
            box["stopped"] = True

    t = threading.Thread(target=body)
    t.start()
    t.join(3)
    assert box.get("stopped")


def test_rubric_lists_every_failing_rule():
    rules = [
        Rule("has a number", lambda s: None if any(ch.isdigit() for ch in s) else "add a number"),
        Rule("short", lambda s: None if len(s) < 40 else "keep it under 40 characters"),
    ]
    c = Rubric(rules=rules)
    run(c, "Raise NPS to 40")
    lines = fails(c, "Make customers much, much happier than they are today")
    assert lines[0] == "0 of 2 criteria met." and len(lines) == 3


def test_rubric_over_fields():
    c = Rubric(rules=[Rule("vision", lambda d: None if len(d["vision"]) > 5 else "too short")],
               shape=dict[str, str], fields=["vision", "needs"])
    run(c, {"vision": "long enough", "needs": "x"})
    with pytest.raises(MalformedAnswer, match="missing: 'needs'"):
        c.conform({"vision": "long enough"})
    with pytest.raises(MalformedAnswer, match="Unknown field"):
        c.conform({"vision": "v", "needs": "n", "colour": "red"})


def test_widget_state_reads_value_and_refuses_typed_values():
    c = WidgetState(Ordering(expected=["a", "b"]))
    run(c, types.SimpleNamespace(value=["a", "b"]))
    fails(c, types.SimpleNamespace(value=["b", "a"]))
    with pytest.raises(MalformedAnswer, match="Pass the widget itself"):
        c.conform(["a", "b"])
    with pytest.raises(MalformedAnswer):
        c.conform(object())
    with pytest.raises(NotAttempted):
        c.conform(...)
