"""The course's Python under Pyodide in Node.js: the runtime of JupyterLite's kernel (`make lite`), offline.

The npm ``pyodide`` package (package.json, installed by ``make test`` with ``npm ci``) is Pyodide's core:
the interpreter and the standard library, without the packages Pyodide serves from its CDN (numpy,
matplotlib, micropip). So ipywidgets and matplotlib cannot be loaded here: the widget modules are named
below as the only modules that do not import, and everything else must (the test fails on any other).
Every question's self-test runs, the function questions included (in-process: os.fork exists in
Pyodide but fails), and the progress store survives a reload (a new interpreter over the same drive).
No numpy either: the four lesson functions that compute with it are named in NEEDS_NUMPY, and the test
checks that each stops for want of it, while every question passes without it.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "tests" / "pyodide" / "run.mjs"
PYODIDE = ROOT / "node_modules" / "pyodide" / "package.json"

#: Modules that cannot be imported under Node Pyodide, each with why. The test asserts this is the complete list.
WIDGETS = "widgets need ipywidgets and matplotlib, Pyodide packages served from its CDN, not in the npm core"
NOT_IN_NODE_PYODIDE = {
    "pm_course.capstone.widgets": WIDGETS,
    "pm_course.career.widgets": WIDGETS,
    "pm_course.collaboration.widgets": WIDGETS,
    "pm_course.data_launch.widgets": WIDGETS,
    "pm_course.leading.widgets": WIDGETS,
    "pm_course.prioritization.widgets": WIDGETS,
    "pm_course.research.widgets": WIDGETS,
    "pm_course.role.widgets": WIDGETS,
    "pm_course.vision.widgets": WIDGETS,
    "pm_course.welcome.widgets": WIDGETS,
    # the instructor's side, never run in a learner's browser
    "pm_course.autograde.cohort": "grading sandbox: POSIX resource limits (no 'resource' module in the browser)",
    "pm_course.autograde.engine": "grading sandbox: POSIX resource limits (no 'resource' module in the browser)",
    "pm_course.autograde.sandbox": "grading sandbox: POSIX resource limits (no 'resource' module in the browser)",
    "pm_course.grading": "the instructor's nbgrader commands (nbgrader is not a learner's package)",
}

#: Questions whose self-test cannot run under Node Pyodide: none. Asserted below to be the complete list.
QUESTIONS_NOT_RUN: dict[str, str] = {}

#: Lesson functions not run here: they compute with numpy (imported when called), which Node's Pyodide lacks.
#: In JupyterLite numpy comes with matplotlib from Pyodide's CDN. No question's check needs numpy.
NEEDS_NUMPY = ("obrien_fleming", "sequential_simulation", "peeking_simulation",
               "best_within_capacity (more than 24 items that fit)")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from build_lite import build_wheel
    finally:
        sys.path.pop(0)
    return build_wheel(tmp_path_factory.mktemp("wheel"))


def run(wheel: Path, drive: Path, script: str) -> dict:
    node = shutil.which("node")
    assert node, "Node.js is needed for the Pyodide tests (Debian: apt-get install nodejs npm)"
    assert PYODIDE.exists(), "the npm pyodide package is missing: run `npm ci` (make test does)"
    done = subprocess.run([node, str(RUN), str(wheel), str(drive), str(ROOT / "tests" / "pyodide" / script)],
                          cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, (done.stdout[-2000:], done.stderr[-3000:])
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert len(lines) == 1, done.stdout[-2000:]
    return json.loads(lines[0][len("RESULT "):])


@pytest.fixture(scope="module")
def selftest(wheel, tmp_path_factory):
    return run(wheel, tmp_path_factory.mktemp("drive"), "selftest.py")


def test_pyodide_is_the_version_jupyterlite_uses():
    """package.json pins the Pyodide that the pinned jupyterlite-pyodide-kernel loads in the browser."""
    import re
    import sys

    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"]
    lock = json.loads((ROOT / "package-lock.json").read_text())["packages"]["node_modules/pyodide"]["version"]
    assert pinned == lock
    ext = Path(sys.prefix) / "share" / "jupyter" / "labextensions" / \
        "@jupyterlite" / "pyodide-kernel-extension" / "static" / "schema" / "kernel.v0.schema.json"
    assert ext.exists(), f"jupyterlite-pyodide-kernel is not installed ({ext}): the lite extra is in requirements.lock"
    used = set(re.findall(r"pyodide/v([0-9][0-9.]*[0-9])/", ext.read_text()))
    assert used == {pinned}, f"the kernel loads Pyodide {used}; package.json pins {pinned}"


def test_the_runtime_is_detected_as_the_browser(selftest):
    assert selftest["platform"] == "emscripten"
    assert selftest["fork_attr"], "Pyodide has os.fork (which fails): the check must not rely on its absence"
    assert selftest["isolation"] == "in-process"
    assert selftest["store"] == "jsonl"
    assert selftest["home"] == "/drive/.pm_course"


def test_every_learner_module_imports_except_the_named_ones(selftest):
    assert selftest["import_failed"].keys() == NOT_IN_NODE_PYODIDE.keys(), selftest["import_failed"]
    assert len(selftest["imported"]) >= 60
    for name in ("pm_course.progress", "pm_course.course", "pm_course.core.checkers", "pm_course.capstone.questions"):
        assert name in selftest["imported"]


def test_every_question_self_test_passes_under_pyodide(selftest):
    assert not selftest["broken"], selftest["broken"]
    assert len(selftest["questions"]) >= 100
    not_run = set(selftest["questions"]) - set(selftest["passed"]) - set(selftest["sealed"])
    assert not_run == set(QUESTIONS_NOT_RUN), not_run
    # the capstone's questions hold no answer in the package (exam mode): tests/test_exam_sealed.py runs their
    # self-tests in CPython against the instructor's references; here, the sealed hashes come out the same
    from pm_course.capstone import questions as capstone
    from pm_course.capstone.sealed import digest

    assert set(selftest["sealed"]) == {q.key for q in capstone.QUESTIONS}
    assert selftest["sealed_digest"] == digest("demo", "q9", "285.0")
    # the course's 8 "write a function" questions: 7 run their self-test here; the capstone's q14 is sealed (above)
    assert len(selftest["function_questions"]) >= 7, selftest["function_questions"]


def test_an_endless_loop_in_a_learners_function_is_stopped(selftest):
    assert selftest["loop_outcome"] == "failed", selftest["loop_text"]
    assert "time" in selftest["loop_text"].lower(), selftest["loop_text"]


def test_progress_survives_a_reload_and_moves_by_export_and_import(wheel, tmp_path):
    drive = tmp_path / "drive"
    drive.mkdir()
    first = run(wheel, drive, "reload_write.py")
    assert first["home"] == "/drive/.pm_course" and first["store"] == "jsonl"
    assert "/drive/.pm_course" in first["where"]
    assert len(first["events"]) == 3 and first["exported"] == 3
    assert (drive / ".pm_course" / "progress.journal.jsonl").exists()  # on the drive, not in memory
    second = run(wheel, drive, "reload_read.py")  # a new interpreter over the same files
    assert second["events"] == first["events"]
    assert second["passed_01"] == 1
    assert second["empty"] == 0
    assert second["imported"] == 3 and second["imported_again"] == 0
    assert second["after_import"] == first["events"]


def test_in_the_browser_the_default_home_is_on_the_drive(tmp_path, monkeypatch):
    """JupyterLite keeps /drive in the browser's storage; ~ is in memory and gone at the next page load."""
    import sys

    from pm_course.core import progress

    monkeypatch.delenv("PM_COURSE_HOME", raising=False)
    monkeypatch.setattr(progress, "BROWSER_DRIVE", tmp_path / "drive")
    monkeypatch.setattr(sys, "platform", "emscripten")
    assert progress.home() == Path.home() / ".pm_course"  # Pyodide without JupyterLite's drive
    (tmp_path / "drive").mkdir()
    assert progress.home() == tmp_path / "drive" / ".pm_course"
    monkeypatch.setenv("PM_COURSE_HOME", str(tmp_path / "chosen"))
    assert progress.home() == tmp_path / "chosen"  # an explicit home still wins
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("PM_COURSE_HOME")
    assert progress.home() == Path.home() / ".pm_course"


def test_the_lite_lock_is_the_lite_part_of_the_full_lock_at_the_same_versions():
    """`make lite` installs requirements-lite.lock: the site builder, at the versions the tests ran against."""
    import re
    import tomllib

    def pins(name: str) -> dict[str, str]:
        found = re.findall(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)", (ROOT / name).read_text(), re.M)
        return {n.lower().replace("_", "-"): v for n, v in found}

    lite, full = pins("requirements-lite.lock"), pins("requirements.lock")
    wanted = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["lite"]
    for req in wanted:
        name, version = req.split("==")
        assert lite.get(name) == version == full.get(name), (name, lite.get(name), full.get(name))
    differ = {n: (v, full.get(n)) for n, v in lite.items() if full.get(n) != v}
    assert not differ, f"requirements-lite.lock and requirements.lock disagree (lite, full): {differ}"


def test_only_the_named_lesson_functions_need_numpy_and_numpy_is_really_missing(selftest):
    """If Node's Pyodide ever carries numpy, this fails: then run those functions here instead of naming them."""
    assert not selftest["numpy_available"]
    assert selftest["needs_numpy"] == {name: "ModuleNotFoundError: numpy" for name in NEEDS_NUMPY}
