"""Function checks where fork is missing or fails (Windows, the browser): in-process, under a step guard."""

import os
import sys
import threading

import pytest

from pm_course.core import isolation
from pm_course.core.checkers import Function, Incorrect
from pm_course.core.isolation import Runs, TimeLimitExceeded, call_with_time_limit


def _ref(xs):
    return sorted(xs, reverse=True)


def good(xs):
    return sorted(xs)[::-1]


def wrong(xs):
    return sorted(xs)


def endless(xs):
    while True:
        pass


_DONE = threading.Event()  # set when a test ends: an in-process check cannot kill the thread it left running


def stubborn(xs):  # catches everything, and loops again (until the test is over: see _stop_stubborn_threads)
    while not _DONE.is_set():
        try:
            while not _DONE.is_set():
                xs = xs + []
        except BaseException:
            continue


@pytest.fixture(autouse=True)
def _stop_stubborn_threads():
    """A stubborn function outlives its check in-process (a thread cannot be killed: the documented limit of this
    mode). Left running, it would take the GIL from every later test in this worker; it ends with its test."""
    _DONE.clear()
    yield
    _DONE.set()


def leaves(xs):
    raise SystemExit(3)


def fails(checker, answer):
    with pytest.raises(Incorrect) as err:
        checker.verify(checker.conform(answer))
    return err.value.lines


@pytest.fixture(params=["env", "fork-fails", "no-fork"])
def in_process(request, monkeypatch):
    """Each way a platform comes to run checks in-process, forced on Linux."""
    monkeypatch.setattr(isolation, "_fork_failed", False)
    if request.param == "env":
        monkeypatch.setenv("PM_COURSE_CHECKS", "in-process")
    elif request.param == "fork-fails":  # the browser: os.fork exists but raises
        def no(*a):
            raise OSError(38, "Function not implemented")
        monkeypatch.setattr(os, "fork", no)
    else:  # Windows
        monkeypatch.delattr(os, "fork")
    return request.param


def test_in_process_checks_pass_right_answers_fail_wrong_ones_and_stop_endless_loops(in_process, monkeypatch):
    seen = []
    real = isolation._run_cases_in_process
    monkeypatch.setattr(isolation, "_run_cases_in_process", lambda *a: seen.append(1) or real(*a))
    c = Function(reference=_ref, inputs=[([3, 1, 2],), ([5, 4],)], returns=list[int], time_limit=0.3)
    c.verify(c.conform(good))
    lines = fails(c, wrong)
    assert "wrong on 2 of 2" in lines[0] and lines[-1] == isolation.NOT_ISOLATED
    for loop in (endless, stubborn):
        lines = fails(c, loop)
        assert "did not finish within 0.3 s" in lines[0] and "not in a separate one" in lines[-1]
    assert "SystemExit" in fails(c, leaves)[0]
    assert "IndexError" in fails(c, lambda xs: xs[10])[0]
    assert seen, "the in-process runner was not used"
    assert sys.gettrace() is None  # the guard is gone once the check is over
    with pytest.raises(TimeLimitExceeded):
        call_with_time_limit(endless, ([1],), 0.2)
    assert call_with_time_limit(good, ([1, 2],), 1.0) == [2, 1]


def test_predicates_still_receive_a_runs_and_never_the_function(monkeypatch):
    monkeypatch.setenv("PM_COURSE_CHECKS", "in-process")
    assert isolation.isolation() == "in-process"
    c = Function(reference=_ref, inputs=[([3, 1, 2],)], returns=list[int], time_limit=0.3)
    runs = c.runs(good)
    assert isinstance(runs, Runs) and not hasattr(runs, "__wrapped__")
    assert repr(runs) == "<the learner's function, as run in this process, under a time guard>"
    assert runs([2, 5]) == [5, 2]
    over = c.runs(endless)
    with pytest.raises(TimeLimitExceeded):
        over([1])
    with pytest.raises(TimeLimitExceeded):  # after one overrun no further input is run
        over([2])


def test_fork_is_used_where_it_works(monkeypatch):
    monkeypatch.delenv("PM_COURSE_CHECKS", raising=False)
    monkeypatch.setattr(isolation, "_fork_failed", False)
    assert isolation.isolation() == "fork"
    c = Function(reference=_ref, inputs=[([3, 1, 2],)], returns=list[int], time_limit=0.5)
    assert isolation.NOT_ISOLATED not in fails(c, wrong)
