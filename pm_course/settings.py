"""Every run-time setting of the course, declared once: the environment variables it reads.

Each setting is a :class:`Setting`: its variable's name, the type it is
read as, its default, and what it does. Code reads a setting through one
typed accessor, :func:`read` (``read(SOLUTIONS)`` is a ``bool``), never
through ``os.environ``; ``tests/test_settings.py`` holds every other module
of the package to that, and checks that the table in ``docs/settings.md``
is the one :func:`markdown_table` prints from the declarations below
(``python -m pm_course.settings`` prints it; ``--write docs/settings.md``
updates the file).

A setting is read when it is asked for, never cached: a test, the grader or
a learner may change it while a kernel runs.

>>> import os
>>> os.environ["PM_COURSE_SOLUTIONS"] = "off"
>>> read(SOLUTIONS)
False
>>> del os.environ["PM_COURSE_SOLUTIONS"]
>>> read(SOLUTIONS)
True

This module imports nothing from the course, so every layer may read it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

__all__ = [
    "Setting", "SETTINGS", "read", "take", "override", "markdown_table",
    "GRADING", "GRADE_STRICT", "SOLUTIONS", "CHECKS", "HOME", "STORE", "STUDENT_ID", "WARM_START",
    "STUBS", "MPL_SEED", "CHROMIUM",
]

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One environment variable the course reads, and how its text becomes a typed value."""

    #: The environment variable.
    name: str
    #: The type :func:`read` returns, in words (for the table).
    kind: str
    #: The text used when the variable is not set ("" for none).
    default: str
    #: What it does and who sets it, in one or two sentences (for the table).
    meaning: str
    #: Turns the variable's text (or ``default``) into the value :func:`read` returns.
    parse: Callable[[str], T] = field(repr=False, compare=False)


def _on(text: str) -> bool:
    return text.strip().lower() in {"1", "on", "yes", "true"}


def _not_off(text: str) -> bool:
    return text.strip().lower() not in {"off", "0", "no", "false"}


def _checks(text: str) -> Literal["auto", "in-process"]:
    return "in-process" if text.strip().lower() == "in-process" else "auto"


def _home(text: str) -> Path:
    return Path(text).expanduser() if text else Path.home() / ".pm_course"


def _stripped(text: str) -> str:
    return text.strip()


GRADING: Setting[bool] = Setting(
    "NBGRADER_EXECUTION", "flag (set or not)", "",
    "Set by nbgrader while it validates or autogrades a notebook, and by `pm-course autograde` while its "
    "tests run. Any non-empty value: grading cells raise on anything but a pass, and nothing is recorded "
    "in the learner's progress.",
    bool)
GRADE_STRICT: Setting[bool] = Setting(
    "PM_COURSE_GRADE_STRICT", "on/off (`1`, `on`, `yes`, `true`)", "",
    "Grading cells raise on anything but a pass outside nbgrader too, as while grading. The test suite "
    "and `make test` set it; in a learner's session grading cells never raise.",
    _on)
SOLUTIONS: Setting[bool] = Setting(
    "PM_COURSE_SOLUTIONS", "on/off (`off`, `0`, `no`, `false` switch it off)", "on",
    "Whether `qN.solution()` and written answers' model answers are shown. Instructors set `off` in the "
    "learners' environment while an exercise is graded; hints still work.",
    _not_off)
CHECKS: Setting[Literal["auto", "in-process"]] = Setting(
    "PM_COURSE_CHECKS", "`in-process`, or anything else for auto", "auto",
    "How a check runs a learner's function: `auto` forks an isolated child process where fork works "
    "(Linux, macOS); `in-process` runs it in the notebook's own process under a time guard, as on Windows "
    "and in the browser (to try that mode on Linux).",
    _checks)
HOME: Setting[Path] = Setting(
    "PM_COURSE_HOME", "path (`~` expanded)", "~/.pm_course",
    "The folder that holds the learner's progress store (in the browser, JupyterLite's drive: "
    "`/drive/.pm_course`). The grader points it into each sandbox.",
    _home)
STORE: Setting[str] = Setting(
    "PM_COURSE_STORE", "`sqlite`, `jsonl` or `auto` (case ignored)", "auto",
    "Which progress store to use. `auto` uses SQLite unless it is not safe there (no `sqlite3`, the "
    "browser, a home on a network file system), where the JSONL journal is the store. Any other value "
    "is refused with a warning and read as `auto`.",
    lambda text: text.strip().lower())
STUDENT_ID: Setting[str] = Setting(
    "PM_COURSE_STUDENT_ID", "text (spaces stripped)", "",
    "nbgrader's id of the student whose submission is being graded. `pm-course autograde` sets it; the "
    "capstone exam grades each learner's own variant by it.",
    _stripped)
WARM_START: Setting[bool] = Setting(
    "PM_COURSE_WARM_START", "`0` switches it off", "1",
    "When JupyterLab starts, start the first notebook's kernel and import nbconvert in the background "
    "(the course's server extension).",
    lambda text: text.strip() != "0")
STUBS: Setting[str] = Setting(
    "PM_COURSE_STUBS", "text (`path=stub` pairs, separated by the path separator)", "",
    "Internal: set by the grader for an unsandboxed run, read once (and removed) by the runner that "
    "executes a submission. Which question modules are replaced by answer-free stubs.",
    str)
MPL_SEED: Setting[str] = Setting(
    "PM_COURSE_MPL_SEED", "path", "",
    "Internal: set by the grader, read once (and removed) by the runner. matplotlib's font cache, built "
    "once and copied into each sandbox.",
    str)
CHROMIUM: Setting[str] = Setting(
    "PM_COURSE_CHROMIUM", "path", "/usr/bin/chromium",
    "Development only: the Chromium the browser tests and `make bench` drive (`tools/browser_setup.py`, "
    "`tools/bench_lab.py`).",
    str)

#: Every setting, in the order of the table in docs/settings.md.
SETTINGS: tuple[Setting[Any], ...] = (
    GRADING, GRADE_STRICT, SOLUTIONS, CHECKS, HOME, STORE, STUDENT_ID, WARM_START, STUBS, MPL_SEED, CHROMIUM,
)


def read(setting: Setting[T]) -> T:
    """The setting's value now: its variable's text (or the default when unset) as its type."""
    text = os.environ.get(setting.name)
    return setting.parse(setting.default if text is None else text)


def take(setting: Setting[T]) -> T:
    """Like :func:`read`, and remove the variable, so that code run afterwards in this process does not see it."""
    text = os.environ.pop(setting.name, None)
    return setting.parse(setting.default if text is None else text)


def override(values: Mapping[Setting[Any], str]) -> Callable[[], None]:
    """Set these variables in this process; return the function that puts back what was there before."""
    before = {s.name: os.environ.get(s.name) for s in values}
    for s, text in values.items():
        os.environ[s.name] = text

    def restore() -> None:
        for name, old in before.items():
            if old is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = old

    return restore


def markdown_table() -> str:
    """The table of docs/settings.md, made from the declarations above."""
    rows = ["| variable | read as | default | what it does |", "| --- | --- | --- | --- |"]
    for s in SETTINGS:
        default = f"`{s.default}`" if s.default else "not set"
        rows.append(f"| `{s.name}` | {s.kind} | {default} | {s.meaning} |")
    return "\n".join(rows) + "\n"


BEGIN = "<!-- settings table: made by `python -m pm_course.settings --write docs/settings.md` -->"
END = "<!-- end of settings table -->"


def with_table(document: str) -> str:
    """``document`` with the text between :data:`BEGIN` and :data:`END` replaced by :func:`markdown_table`."""
    head, found, rest = document.partition(BEGIN)
    _, found_end, tail = rest.partition(END)
    if not found or not found_end:
        raise ValueError(f"the document has no settings table between {BEGIN!r} and {END!r}")
    return f"{head}{BEGIN}\n{markdown_table()}{END}{tail}"


def main(argv: list[str]) -> int:
    """Print the table; ``--write FILE`` puts it into FILE between the markers instead."""
    if len(argv) == 2 and argv[0] == "--write":
        path = Path(argv[1])
        path.write_text(with_table(path.read_text(encoding="utf-8")), encoding="utf-8")
        return 0
    if argv:
        print("usage: python -m pm_course.settings [--write docs/settings.md]", file=sys.stderr)
        return 2
    sys.stdout.write(markdown_table())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
