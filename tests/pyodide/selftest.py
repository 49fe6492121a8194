"""Under Pyodide (tests/test_pyodide.py runs it with tests/pyodide/run.mjs): every learner module imports, and
every question's self-test passes, the function questions run in-process under the guard.

Prints one line ``RESULT {json}`` for the test to read. Progress goes to the browser's drive (/drive).
"""

import importlib
import json
import os
import pkgutil
import sys
import types

os.environ["PM_COURSE_GRADE_STRICT"] = "1"  # grade() raises on a wrong answer, as when nbgrader grades

import pm_course
from pm_course.core import checkers, progress
from pm_course.core.checkers import Function, WidgetState
from pm_course.course import questions
from pm_course.data_launch import obrien_fleming, peeking_simulation, sequential_simulation
from pm_course.prioritization.frameworks import best_within_capacity

imported, failed = [], {}
for info in pkgutil.walk_packages(pm_course.__path__, "pm_course."):
    try:
        importlib.import_module(info.name)
        imported.append(info.name)
    except ImportError as exc:
        failed[info.name] = f"{type(exc).__name__}: {exc}"


def given(q, answer):
    return types.SimpleNamespace(value=answer) if isinstance(q.checker, WidgetState) else answer


def self_test(q):
    """The question's self-test (as tests/test_questions.py): the reference answer passes, ``...`` is not
    attempted, each wrong answer fails with feedback that says what to do next, and grade() agrees."""
    fb = q.check(given(q, q.answer))
    assert fb.outcome == "passed", f"{q.key}: the reference answer gave {fb}"
    assert q.check(...).outcome == "not attempted", q.key
    q.grade(given(q, q.answer))
    assert q.wrong, f"{q.key} has no wrong answers to test"
    for wrong in q.wrong:
        fb = q.check(given(q, wrong))
        assert fb.outcome == "failed" and len(fb.lines) >= 2, f"{q.key}: {wrong!r} gave {fb}"
        try:
            q.grade(given(q, wrong))
        except AssertionError:
            continue
        raise AssertionError(f"{q.key}: grade() accepted the wrong answer {wrong!r}")


passed, broken, functions = [], {}, []
real_stdout = sys.stdout
sealed_keys = []
for q in questions():
    if not hasattr(q, "answer"):  # the capstone in exam mode: no answer in the package (tested by its hashes below)
        sealed_keys.append(q.key)
        continue
    sys.stdout = open(os.devnull, "w")  # grade() prints "qN: passed"
    try:
        self_test(q)
        passed.append(q.key)
        if isinstance(q.checker, Function):
            functions.append(q.key)
    except BaseException as exc:  # reported by key, never hidden
        broken[q.key] = f"{type(exc).__name__}: {str(exc)[:300]}"
    finally:
        sys.stdout.close()
        sys.stdout = real_stdout

# A learner's endless loop is stopped by the in-process guard (there is no fork to kill here).
loop_q = next(q for q in questions() if isinstance(q.checker, Function))


def endless(*args, **kwargs):
    while True:
        pass


loop = loop_q.check(endless)

# Lesson functions that compute with numpy (imported inside them, not at import time). Node's Pyodide has no
# numpy: each must stop with numpy's ModuleNotFoundError here (the questions above pass without it).
many = [{"id": f"B{i:02d}", "value": i % 7 + 1, "effort": i % 5 + 1} for i in range(30)]  # > 24 fitting
needs_numpy = {}
for name, call in [("obrien_fleming", lambda: obrien_fleming(3)),
                   ("sequential_simulation", lambda: sequential_simulation(tests=20)),
                   ("peeking_simulation", lambda: peeking_simulation(tests=20)),
                   ("best_within_capacity (more than 24 items that fit)", lambda: best_within_capacity(many, 40))]:
    try:
        call()
        needs_numpy[name] = "ran"
    except ModuleNotFoundError as exc:
        needs_numpy[name] = f"ModuleNotFoundError: {exc.name}"
    except Exception as exc:
        needs_numpy[name] = f"{type(exc).__name__}: {exc}"
try:
    import numpy  # noqa: F401
    numpy_available = True
except ModuleNotFoundError:
    numpy_available = False

print("RESULT " + json.dumps({
    "platform": sys.platform,
    "fork_attr": hasattr(os, "fork"),
    "isolation": checkers.isolation(),
    "home": str(progress.home()),
    "store": progress.store_kind(),
    "imported": imported,
    "import_failed": failed,
    "questions": [q.key for q in questions()],
    "sealed": sealed_keys,
    "sealed_digest": __import__("pm_course.capstone.sealed", fromlist=["digest"]).digest("demo", "q9", "285.0"),
    "passed": passed,
    "broken": broken,
    "function_questions": functions,
    "loop_outcome": loop.outcome,
    "loop_text": " ".join(loop.lines),
    "events": len(progress.events()),
    "needs_numpy": needs_numpy,
    "numpy_available": numpy_available,
}))
