"""A portable runtime: what a learner imports works without POSIX-only modules (a simulated Windows)."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Run in a fresh interpreter: fcntl and resource cannot be imported and os.fork does not exist, as on Windows.
SIMULATED_WINDOWS = textwrap.dedent("""
    import importlib, os, pkgutil, sys, types

    BLOCKED = tuple(os.environ["BLOCKED"].split(","))

    class Blocker:
        def find_spec(self, name, path=None, target=None):
            if name in BLOCKED:
                raise ModuleNotFoundError(f"No module named {name!r}", name=name)
            return None

    sys.meta_path.insert(0, Blocker())
    for name in BLOCKED:
        sys.modules.pop(name, None)
    del os.fork

    import pm_course
    NOT_FOR_LEARNERS = ("pm_course.autograde", "pm_course.grading", "pm_course.certificate.gradebook",
                        "pm_course.certificate.cli")
    imported = []
    for info in pkgutil.walk_packages(pm_course.__path__, "pm_course."):
        if info.name.startswith(NOT_FOR_LEARNERS):
            continue
        importlib.import_module(info.name)
        imported.append(info.name)
    assert not any(name in sys.modules for name in BLOCKED)
    from pm_course.core import progress
    from pm_course.core.checkers import WidgetState
    from pm_course.course import questions
    print("store", progress.store_kind())
    progress.record("99_test", "q1", "check", "passed")
    assert [e["question"] for e in progress.events("99_test")] == ["q1"]

    def given(q, answer):
        return types.SimpleNamespace(value=answer) if isinstance(q.checker, WidgetState) else answer

    wrong_passes, right_fails, n = [], [], 0
    for q in questions():
        if not hasattr(q, "answer"):
            continue  # the capstone's sealed questions hold no answer (tests/test_exam_sealed.py)
        n += 1
        if not q.check(given(q, q.answer)).passed:
            right_fails.append(q.id)
        for w in q.wrong:
            if q.check(given(q, w)).passed:
                wrong_passes.append((q.id, repr(w)[:60]))
    assert not right_fails and not wrong_passes, (right_fails, wrong_passes)
    print("modules", len(imported), "questions", n)
""")


@pytest.mark.parametrize("blocked, kind", [("fcntl,resource", "sqlite"), ("fcntl,resource,sqlite3,_sqlite3", "jsonl")],
                         ids=["windows", "windows-without-sqlite3"])
def test_a_simulated_windows_imports_every_learner_module_and_passes_every_self_test(tmp_path, blocked, kind):
    env = dict(os.environ, PM_COURSE_HOME=str(tmp_path / "home"), PM_COURSE_GRADE_STRICT="1", BLOCKED=blocked)
    env.pop("PM_COURSE_STORE", None)
    done = subprocess.run([sys.executable, "-c", SIMULATED_WINDOWS], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    words = done.stdout.split()
    assert words[:2] == ["store", kind], done.stdout
    assert words[2] == "modules" and int(words[3]) >= 20, done.stdout
    assert words[4] == "questions" and int(words[5]) >= 50, done.stdout
