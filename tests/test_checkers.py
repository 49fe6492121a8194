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
from pm_course.core.isolation import TimeLimitExceeded, call_with_time_limit


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
    assert "1 item is missing" in lines[0] and "'B99'" in lines[1]  # quoted as typed
    assert "B05" not in " ".join(lines).upper().replace("B99", "")


def test_ordering_reports_first_misplaced_without_the_answer():
    c = Ordering(expected=["B05", "B01", "B03"])
    run(c, ["B05", "B01", "B03"])
    lines = fails(c, ["B01", "B05", "B03"])
    assert "1 of 3" in lines[0] and "position 1" in lines[1]
    assert "Each item should appear once" in fails(c, ["B01", "B01", "B03"])[0]
    assert "should hold exactly 3" in fails(c, ["B01", "B05"])[0]
    lines = fails(c, ["B05", "b1", "B03"])  # the right count, one id misspelled: said so, quoted as typed
    assert "holds 3 items, the right number" in lines[0] and "'b1'" in " ".join(lines)


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
    lines = fails(c, forever)  # returns: the child was stopped at its limit (the time it takes is in make bench)
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


# ----------------------------------------------------------------------------- hostile learner functions

HOSTILE_LIMIT = 2.0  # seconds per case: generous, so a loaded machine does not turn a slow attack into a timeout


def _hostile_question():
    from pm_course.core import Question

    return Question(
        module="99_test", id="qf", prompt="Sort the numbers from high to low.",
        checker=Function(reference=_ref, inputs=[([3, 1, 2],), ([5, 4],)], returns=list[int], time_limit=HOSTILE_LIMIT),
        hints=["Use sorted()."], solution_text="def f(xs):\n    return sorted(xs, reverse=True)",
        answer=lambda xs: sorted(xs, reverse=True), wrong=[sorted],
    )


def _exit_via_sys(xs):
    import sys

    sys.exit(0)


def _raise_system_exit(xs):
    raise SystemExit("bye")


def _keyboard_interrupt(xs):
    raise KeyboardInterrupt


def _hard_exit(xs):
    import os

    os._exit(3)


def _loop_catching_everything(xs):
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass


def _patch_the_checker(xs):
    import pm_course.core.checkers as checkers

    checkers._equal = lambda *a, **k: True
    checkers.Function.verify = lambda self, *a, **k: None
    return [0]


def _patch_the_reference(xs):
    import gc

    from pm_course.core import Question

    for obj in gc.get_objects():
        if isinstance(obj, Question) and obj.id == "qf":
            obj.checker.reference = lambda xs: [0]
    return [0]


def _right(xs):
    return sorted(xs, reverse=True)


def _wrong(xs):
    return sorted(xs)


@pytest.mark.parametrize("hostile, says", [
    (_exit_via_sys, "raised SystemExit"),
    (_raise_system_exit, "raised SystemExit"),
    (_keyboard_interrupt, "raised KeyboardInterrupt"),
    (_hard_exit, "ended its own process"),
    (_loop_catching_everything, f"did not finish within {HOSTILE_LIMIT:g} s"),
    (_patch_the_checker, "wrong on 2 of 2"),
    (_patch_the_reference, "wrong on 2 of 2"),
])
def test_a_hostile_function_becomes_feedback_and_later_answers_are_still_judged(hostile, says, fresh_home):
    q = _hostile_question()
    fb = q.check(hostile)  # check() always returns (how fast is measured by make bench)
    assert fb.outcome == "failed" and says in " ".join(fb.lines), fb.lines
    assert q.check(_wrong).outcome == "failed"
    assert q.check(_right).outcome == "passed"
    with pytest.raises(AssertionError):
        q.grade(_wrong)


def test_a_result_that_is_not_plain_data_is_refused_without_calling_it():
    class Liar(list):
        def __eq__(self, other):
            return True

    class Agreeable:
        def __eq__(self, other):
            return True

    c = Function(reference=_ref, inputs=[([2, 1],)], returns=list[int], time_limit=0.5)
    assert "should be a list" in fails(c, lambda xs: Liar([0]))[0]
    assert "object of type Agreeable" in fails(c, lambda xs: [Agreeable()])[0]


def test_numpy_numbers_still_count_and_prints_reach_the_learner(capsys):
    import numpy as np

    c = Function(reference=lambda xs: float(sum(xs)), inputs=[([1.0, 2.0],)], returns=float)

    def total(xs):
        print("adding", xs)
        return np.float64(sum(xs))

    run(c, total)
    assert "adding [1.0, 2.0]" in capsys.readouterr().out


def test_the_arguments_go_in_as_copies_and_a_crash_is_reported():
    data = [3, 1, 2]
    c = Function(reference=_ref, inputs=[(data,)], returns=list[int])

    def clearing(xs):
        xs.clear()
        return []

    fails(c, clearing)
    assert data == [3, 1, 2]
    lines = fails(c, lambda xs: 1 / 0)
    assert "ZeroDivisionError" in lines[0]


def test_one_child_runs_every_case_and_the_overhead_is_small():
    import os

    c = Function(reference=_ref, inputs=[([i, i + 1],) for i in range(20)], returns=list[int])
    pids = set()

    def record_pid(xs):
        pids.add(os.getpid())
        return _right(xs)

    run(c, record_pid)  # the set is the child's copy: the parent's stays empty
    assert pids == set()
    parent = os.getpid()

    def report_pid(xs):
        return [os.getpid(), 0]

    c2 = Function(reference=lambda xs: [0, 0], inputs=[([1],), ([2],)], returns=list[int])
    lines = fails(c2, report_pid)
    assert "wrong on 2 of 2" in lines[0] and str(parent) not in lines[1]
    times = []
    for _ in range(10):
        t = time.perf_counter()
        run(c, _right)
        times.append(time.perf_counter() - t)
    assert sorted(times)[5] < 0.5  # one fork per check, not per case (measured in make bench)


def test_call_with_time_limit_reports_what_the_function_raised():
    from pm_course.core.isolation import LearnerCodeError

    assert call_with_time_limit(lambda a, b: a + b, (1, 2), 1) == 3
    with pytest.raises(LearnerCodeError, match="SystemExit"):
        call_with_time_limit(_hard_exit, ([],), 1)
    with pytest.raises(LearnerCodeError, match="ValueError: no"):
        call_with_time_limit(lambda: (_ for _ in ()).throw(ValueError("no")), (), 1)
    with pytest.raises(TypeError, match="seconds must be a number"):
        call_with_time_limit(_right, ([1],), "1")


def test_a_widget_whose_value_raises_system_exit_is_a_form_error():
    class Exiting:
        @property
        def value(self):
            raise SystemExit("no")

    with pytest.raises(MalformedAnswer, match="widget from this exercise"):
        WidgetState(Value(expected=1.0)).conform(Exiting())


def _starts_a_process_that_lingers(xs):
    import os
    import time

    if os.fork() == 0:  # a grandchild that would outlive the check
        time.sleep(30)
        os._exit(0)
    while True:
        pass


def test_processes_a_learner_function_starts_are_ended_with_it():
    import os
    import signal

    c = Function(reference=_ref, inputs=[([1],)], returns=list[int], time_limit=0.3)
    before = set(os.listdir("/proc"))
    assert "did not finish" in fails(c, _starts_a_process_that_lingers)[0]
    time.sleep(0.2)
    lingering = []
    for pid in set(os.listdir("/proc")) - before:
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/stat") as fh:
                    fields = fh.read().split()
                if int(fields[3]) in (1, os.getpid()) and fields[2] != "Z":
                    lingering.append(pid)
            except OSError:
                pass
    for pid in lingering:
        os.kill(int(pid), signal.SIGKILL)
    assert lingering == []


# ---------------------------------------------------------------- learner code only ever runs isolated

def _every_question():
    import sealed_refs

    from pm_course.course import MODULES, questions

    for m in MODULES:
        if m.package:  # the capstone's sealed questions: their reference checkers (the sealed q14 runs the same way)
            yield from (sealed_refs.reference_for(q) if sealed_refs.is_sealed(q) else q for q in questions(m.name))


def _takes_code(q) -> bool:
    """Whether a function passes the question's form check (so a function answer reaches its checker)."""
    try:
        q.checker.conform(_right)
    except (MalformedAnswer, NotAttempted):
        return False
    return True


def test_no_predicate_or_rule_of_any_question_receives_a_learner_function(monkeypatch):
    """Every misconception predicate and rubric rule of every module sees a learner's function only as Runs."""
    import os

    from pm_course.core.isolation import Runs

    parent = os.getpid()
    called_here: list[tuple] = []

    def sentinel(*args, **kwargs):
        if os.getpid() == parent:  # a call in a child changes the child's copy of the list, not this one
            called_here.append(args)
        return None

    received: list[str] = []

    def watch(where, fn):
        def wrapped(*args, **kwargs):
            if any(x is sentinel for x in list(args) + list(kwargs.values())):
                received.append(where)
            return fn(*args, **kwargs)
        return wrapped

    predicates = function_questions = 0
    for q in _every_question():
        for m in q.misconceptions:
            if callable(m.match):
                predicates += 1
                monkeypatch.setattr(m, "match", watch(f"{q.key}: {m.says[:50]}", m.match))
        for checker in (q.checker, getattr(q.checker, "inner", None)):
            if isinstance(checker, Rubric):
                for rule in checker.rules:
                    monkeypatch.setattr(rule, "test", watch(f"{q.key} rule {rule.name}", rule.test))
        fb = q.check(sentinel)
        assert fb.outcome != "passed", q.key
        for m in q.misconceptions:
            m.fires(q.checker, sentinel)  # as a question's self-test calls it
        if isinstance(q.checker, Function):
            function_questions += 1
            if q.misconceptions:
                seen: list = []
                monkeypatch.setattr(q.misconceptions[0], "match", lambda a, seen=seen: seen.append(a))
                q.check(sentinel)
                assert seen and all(isinstance(a, Runs) for a in seen), q.key
    assert function_questions >= 8 and predicates >= 20
    assert received == [], "predicates or rules handed the learner's function: " + "; ".join(received)
    assert called_here == [], "a learner's function was called in the kernel's own process"


def test_every_question_that_takes_code_survives_the_hostile_battery(fresh_home, monkeypatch):
    """Hangs, interrupts, exits, descriptor writes, detached processes and memory growth: clear feedback each time,
    the process lives on, the progress store stays sound and no process is left behind."""
    import sqlite3

    from hostile.functions import BATTERY, survivors

    from pm_course.core import progress

    for _ in range(5):  # the database is open, so every fork inherits its descriptor
        progress.record("00_welcome", "q1", "check", "passed")
    takes_code = [q for q in _every_question() if _takes_code(q)]
    assert len(takes_code) >= 8
    already = set(survivors())  # left by something else on this machine: not ours to judge
    expected = {
        "catches_everything": "did not finish",
        "raises_keyboard_interrupt": "tried to stop the program",
        "raises_system_exit": "tried to stop the program",
        "hard_exit": "ended its own process",
    }
    checks = 0
    for q in takes_code:
        monkeypatch.setattr(q.checker, "time_limit", 0.5)  # the same runner; a shorter wait keeps the test quick
        for fn in BATTERY:
            fb = q.check(fn)
            checks += 1
            text = " ".join(fb.lines)
            assert fb.outcome in ("failed", "invalid"), (q.key, fn.__name__, fb.outcome)
            assert fn.__name__ not in expected or expected[fn.__name__] in text, (q.key, fn.__name__, text)
            if fn.__name__ == "grows_memory":
                assert "ran out of memory" in text or "did not finish" in text, (q.key, text)
            assert set(survivors()) - already == set(), (q.key, fn.__name__)
    assert len(progress.events()) == 5 + checks
    assert progress.status()["damaged"] == "" and progress.status()["writable"]
    with sqlite3.connect(progress.db_path()) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_child_holds_no_inherited_descriptor_and_has_a_memory_limit():
    import os

    from pm_course.core.isolation import MEMORY_HEADROOM

    keep = os.open(os.devnull, os.O_RDONLY)  # a descriptor the caller holds (like the progress database)
    try:
        def probe():
            import resource

            return [sorted(int(x) for x in os.listdir("/proc/self/fd")), resource.getrlimit(resource.RLIMIT_AS)[0]]

        fds, limit = call_with_time_limit(probe, (), 5)
    finally:
        os.close(keep)
    assert keep not in fds and len(fds) <= 5, fds  # 0, 1, 2, the result pipe (and the listing's own)
    assert 0 < limit < 64 * 2**30 and limit >= MEMORY_HEADROOM


def test_runs_replays_recorded_outputs_and_runs_new_inputs_isolated():
    import os

    from pm_course.core.isolation import LearnerCodeError, isolated

    parent = os.getpid()

    def f(x):
        if x == 3:
            raise KeyError("three")
        return [x, os.getpid() == parent]

    runs = isolated(f, 1.0)
    outs = runs.run_all([(1,), (2,)])
    assert [o.value for o in outs] == [[1, False], [2, False]]
    assert runs(2) == [2, False] and runs(5) == [5, False]
    with pytest.raises(LearnerCodeError, match="KeyError"):
        runs(3)
    assert call_with_time_limit(runs, (1,), 1) == [1, False]
    slow = isolated(lambda x: time.sleep(5), 0.2)
    with pytest.raises(TimeLimitExceeded):
        slow(1)
    assert [o.kind for o in slow.run_all([(2,), (3,)])] == ["timeout"]  # after one overrun nothing more is run
    assert "own process" in repr(runs)


def test_a_rubric_rule_that_raises_makes_an_invalid_answer_not_a_crash():
    def reads_a_dict(answer):
        return None if answer.get("story") else "write a story."

    def deep(answer):
        raise RecursionError("too deep")

    c = Rubric(rules=[Rule("story", reads_a_dict)], shape=None)
    for bad in (None, 10**100, [], "", True, -1):
        with pytest.raises(MalformedAnswer, match="could not read your answer"):
            run(c, bad)
    with pytest.raises(MalformedAnswer, match="RecursionError"):
        run(Rubric(rules=[Rule("deep", deep)], shape=None), {"a": 1})
    with pytest.raises(MalformedAnswer, match="a dict with the fields 'story'"):
        Rubric(rules=[Rule("story", reads_a_dict)], shape=None, fields=("story",)).conform("a story")
    fails(c, {"story": ""})  # a rule's own verdict still counts as a criterion


def test_questions_with_rubrics_answer_any_malformed_value_with_a_message():
    from pm_course.core import Rubric as R

    rubric_questions = [q for q in _every_question()
                        if isinstance(q.checker, R) or isinstance(getattr(q.checker, "inner", None), R)]
    assert rubric_questions
    for q in rubric_questions:
        for bad in (None, 10**100, [], "", True, -1, {"story": None, "criteria": None}, [[[]]]):
            fb = q.check(bad)
            assert fb.outcome in ("invalid", "failed", "not attempted") and fb.lines, (q.key, bad)


def test_the_process_runner_lives_in_isolation_and_checkers_stay_pure():
    import ast
    from pathlib import Path

    from pm_course.core import checkers, isolation

    source = Path(checkers.__file__).read_text(encoding="utf-8")
    imported = {a.name.split(".")[0] for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Import) for a in n.names}
    assert imported.isdisjoint({"os", "pickle", "select", "signal", "struct", "threading", "resource"}), imported
    for name in ("call_with_time_limit", "isolated", "isolation", "Runs", "TimeLimitExceeded", "LearnerCodeError"):
        assert getattr(checkers, name) is getattr(isolation, name)  # older imports from checkers keep working
