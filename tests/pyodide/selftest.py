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
for q in questions():
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

print("RESULT " + json.dumps({
    "platform": sys.platform,
    "fork_attr": hasattr(os, "fork"),
    "isolation": checkers.isolation(),
    "home": str(progress.home()),
    "store": progress.store_kind(),
    "imported": imported,
    "import_failed": failed,
    "questions": [q.key for q in questions()],
    "passed": passed,
    "broken": broken,
    "function_questions": functions,
    "loop_outcome": loop.outcome,
    "loop_text": " ".join(loop.lines),
    "events": len(progress.events()),
}))
