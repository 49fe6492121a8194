"""Run-time settings: declared once in pm_course/settings.py, read only there, documented in docs/settings.md."""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import pytest

from pm_course import settings

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "pm_course"
OURS = re.compile(r"^(PM_COURSE|NBGRADER)_[A-Z_]+$")


def _is_environ(node: ast.AST) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "environ") or (
        isinstance(node, ast.Name) and node.id == "environ")


def environ_reads(source: str) -> list[tuple[int, str]]:
    """(line, variable) for each read of ``os.environ`` / ``os.getenv`` whose variable is a course or nbgrader one.

    The variable may be written out or named by a module-level constant.
    """
    tree = ast.parse(source)
    constants = {t.id: n.value.value for n in tree.body if isinstance(n, ast.Assign)
                 and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)
                 for t in n.targets if isinstance(t, ast.Name)}

    def name_of(node: ast.AST | None) -> str:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            return constants.get(node.id, "")
        return ""

    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        key: ast.AST | None = None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args:
            if node.func.attr in {"get", "pop", "setdefault"} and _is_environ(node.func.value):
                key = node.args[0]
            elif node.func.attr == "getenv":
                key = node.args[0]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getenv" and node.args:
            key = node.args[0]
        elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load | ast.Del) and _is_environ(node.value):
            key = node.slice
        elif isinstance(node, ast.Compare) and any(isinstance(op, ast.In | ast.NotIn) for op in node.ops) \
                and any(_is_environ(c) for c in node.comparators):
            key = node.left
        name = name_of(key)
        if OURS.match(name):
            found.append((node.lineno, name))
    return found


@pytest.mark.parametrize("source, expected", [
    ('import os\nx = os.environ.get("PM_COURSE_HOME")', [(2, "PM_COURSE_HOME")]),
    ('import os\nNAME = "NBGRADER_EXECUTION"\nif os.environ.get(NAME): pass', [(3, "NBGRADER_EXECUTION")]),
    ('import os\nx = os.environ["PM_COURSE_STORE"]', [(2, "PM_COURSE_STORE")]),
    ('import os\nx = os.environ.pop("PM_COURSE_STUBS", "")', [(2, "PM_COURSE_STUBS")]),
    ('import os\nx = os.getenv("PM_COURSE_CHECKS")', [(2, "PM_COURSE_CHECKS")]),
    ('from os import environ, getenv\nx = getenv("PM_COURSE_X") or "NBGRADER_EXECUTION" in environ',
     [(2, "PM_COURSE_X"), (2, "NBGRADER_EXECUTION")]),
    ('import os\nos.environ["PM_COURSE_HOME"] = "/tmp"', []),  # a write, not a read
    ('import os\nx = os.environ.get("HOME")', []),  # not a course setting
])
def test_the_scan_finds_reads_of_course_variables(source, expected):
    assert sorted(environ_reads(source)) == sorted(expected)


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_only_settings_reads_course_and_nbgrader_variables():
    offenders = [f"{p.relative_to(ROOT)}:{line} reads {name}"
                 for p in _modules() if p != PACKAGE / "settings.py"
                 for line, name in environ_reads(p.read_text(encoding="utf-8"))]
    assert offenders == [], "read these through pm_course.settings.read(...):\n" + "\n".join(offenders)


def test_every_variable_read_by_the_tools_is_declared():
    declared = {s.name for s in settings.SETTINGS}
    paths = sorted((ROOT / "tools").glob("*.py"))  # the test suite's own knobs (tests/browser) are not settings
    undeclared = [f"{p.relative_to(ROOT)}:{line} reads {name}" for p in paths
                  for line, name in environ_reads(p.read_text(encoding="utf-8")) if name not in declared]
    assert undeclared == [], "declare these in pm_course/settings.py:\n" + "\n".join(undeclared)


def test_every_declared_setting_is_read_somewhere():
    used = " ".join(p.read_text(encoding="utf-8") for p in _modules() if p != PACKAGE / "settings.py")
    tools = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "tools").glob("*.py")))
    for attr in settings.__all__:
        s = getattr(settings, attr)
        if isinstance(s, settings.Setting):
            assert f"settings.{attr})" in used or s.name in tools, f"{s.name} is declared but nothing reads it"


def test_names_are_unique_and_every_setting_is_in_the_table():
    names = [s.name for s in settings.SETTINGS]
    assert len(names) == len(set(names))
    declared = {getattr(settings, a) for a in settings.__all__ if isinstance(getattr(settings, a), settings.Setting)}
    assert declared == set(settings.SETTINGS)


def test_docs_table_matches_the_declarations():
    doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert settings.with_table(doc) == doc, (
        "docs/settings.md is out of date: .venv/bin/python -m pm_course.settings --write docs/settings.md")
    for s in settings.SETTINGS:
        assert f"| `{s.name}` |" in doc


def test_instructors_guide_links_the_settings():
    assert "(settings.md)" in (ROOT / "docs" / "instructors.md").read_text(encoding="utf-8")


def test_with_table_refuses_a_document_without_markers():
    with pytest.raises(ValueError, match="no settings table"):
        settings.with_table("# Settings\n")


@pytest.mark.parametrize("text, strict", [("1", True), (" ON ", True), ("yes", True), ("0", False), ("", False)])
def test_grade_strict_reads_on_words(monkeypatch, text, strict):
    monkeypatch.setenv("PM_COURSE_GRADE_STRICT", text)
    assert settings.read(settings.GRADE_STRICT) is strict


def test_defaults_apply_when_unset(monkeypatch):
    for s in settings.SETTINGS:
        monkeypatch.delenv(s.name, raising=False)
    monkeypatch.setenv("HOME", "/somewhere")
    assert settings.read(settings.GRADING) is False
    assert settings.read(settings.SOLUTIONS) is True
    assert settings.read(settings.CHECKS) == "auto"
    assert settings.read(settings.HOME) == Path("/somewhere/.pm_course")
    assert settings.read(settings.STORE) == "auto"
    assert settings.read(settings.STUDENT_ID) == ""
    assert settings.read(settings.WARM_START) is True


def test_values_are_typed(monkeypatch):
    monkeypatch.setenv("PM_COURSE_SOLUTIONS", "Off")
    monkeypatch.setenv("PM_COURSE_CHECKS", " In-Process ")
    monkeypatch.setenv("PM_COURSE_HOME", "~/course")
    monkeypatch.setenv("PM_COURSE_STUDENT_ID", " s0007 ")
    monkeypatch.setenv("PM_COURSE_WARM_START", "0")
    assert settings.read(settings.SOLUTIONS) is False
    assert settings.read(settings.CHECKS) == "in-process"
    assert settings.read(settings.HOME) == Path("~/course").expanduser()
    assert settings.read(settings.STUDENT_ID) == "s0007"
    assert settings.read(settings.WARM_START) is False


def test_take_reads_and_removes(monkeypatch):
    monkeypatch.setenv("PM_COURSE_MPL_SEED", "/tmp/seed")
    assert settings.take(settings.MPL_SEED) == "/tmp/seed"
    assert "PM_COURSE_MPL_SEED" not in os.environ
    assert settings.take(settings.MPL_SEED) == ""


def test_override_puts_back_what_was_there(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.setenv("PM_COURSE_STUDENT_ID", "before")
    restore = settings.override({settings.GRADING: "autograde", settings.STUDENT_ID: "s0001"})
    assert settings.read(settings.GRADING) is True
    assert settings.read(settings.STUDENT_ID) == "s0001"
    restore()
    assert "NBGRADER_EXECUTION" not in os.environ
    assert os.environ["PM_COURSE_STUDENT_ID"] == "before"
