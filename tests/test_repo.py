"""The repository keeps its promises: clean notebooks, reproducible data, cheap import, one lock."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p for d in ("notebooks", "solutions", "exercises") for p in (ROOT / d).rglob("*.ipynb")
                   if ".ipynb_checkpoints" not in p.parts)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebooks_are_committed_clean(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [] and cell.get("execution_count") is None, (
                f"{path.name} cell {i} has outputs: run `make clean-notebooks`"
            )
    assert nb["metadata"]["kernelspec"]["name"] == "python3"


def test_published_modules_have_their_files():
    from pm_course.course import MODULES

    for m in MODULES:
        if m.ready:
            assert (ROOT / m.notebook).exists(), m.notebook


def test_lessons_are_numbered_like_the_course_map():
    from pm_course.course import MODULES

    names = {m.name for m in MODULES}
    for p in (ROOT / "notebooks").glob("*.ipynb"):
        assert p.stem in names, f"{p.name} is not on the course map in pm_course/course.py"


def test_case_data_is_what_the_script_makes():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import make_case_data
    finally:
        sys.path.pop(0)
    for name, obj in make_case_data.build().items():
        committed = (ROOT / "pm_course" / "data" / f"{name}.json").read_text(encoding="utf-8")
        assert committed == make_case_data.dumps(obj), f"{name}.json is stale: run `make data`"


def test_every_dataset_loads_as_fresh_plain_data():
    from pm_course.data import NAMES, load

    for name in NAMES:
        a, b = load(name), load(name)
        assert a == b and a is not b
    backlog = load("backlog")
    assert len(backlog) == 40 and len({b["id"] for b in backlog}) == 40


def test_unknown_dataset_gets_a_message():
    from pm_course.core.validate import InputError
    from pm_course.data import load

    with pytest.raises(InputError, match="the datasets are company"):
        load("backlogs")


def test_import_is_cheap_no_widgets_or_plots():
    code = (
        "import sys, importlib, pm_course, pm_course.course\n"
        "from pm_course.course import MODULES\n"
        "for m in MODULES:\n"
        "    if m.package:\n"
        "        importlib.import_module('pm_course.' + m.package)\n"
        "        try:\n"
        "            importlib.import_module('pm_course.' + m.package + '.questions')\n"
        "        except ModuleNotFoundError:\n"
        "            pass\n"
        "heavy = [n for n in ('matplotlib', 'ipywidgets', 'pandas', 'nbgrader') if n in sys.modules]\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def _pins(lock: str) -> dict[str, str]:
    pins = {}
    for line in lock.splitlines():
        m = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)", line)
        if m:
            pins[m.group(1).lower().replace("_", "-")] = m.group(2)
    return pins


def test_the_lock_pins_every_dependency():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = _pins((ROOT / "requirements.lock").read_text())
    wanted = meta["dependencies"] + [d for extra in meta["optional-dependencies"].values() for d in extra]
    for req in wanted:
        name = re.match(r"[A-Za-z0-9_.\-]+", req).group(0).lower().replace("_", "-")
        assert name in pins, f"{name} is not pinned in requirements.lock: run `make lock`"


def _name(req: str) -> str:
    return re.match(r"[A-Za-z0-9_.\-]+", req).group(0).lower().replace("_", "-")


def test_the_learner_lock_is_the_lab_part_of_the_full_lock_at_the_same_versions():
    """`make lab` installs requirements-lab.lock: the course's dependencies and JupyterLab, nothing for
    grading or testing, each at the version the full lock (what the tests ran against) pins."""
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    full = _pins((ROOT / "requirements.lock").read_text())
    lab = _pins((ROOT / "requirements-lab.lock").read_text())
    for req in meta["dependencies"] + meta["optional-dependencies"]["lab"]:
        assert _name(req) in lab, f"{_name(req)} is not pinned in requirements-lab.lock: run `make lock`"
    differ = {name: (ver, full.get(name)) for name, ver in lab.items() if full.get(name) != ver}
    assert not differ, f"requirements-lab.lock and requirements.lock disagree (lab, full): {differ}"
    for role in ("instructor", "test"):
        for req in meta["optional-dependencies"][role]:
            assert _name(req) not in lab, f"{_name(req)} ({role}) is in the learner's lock"


def test_no_upper_cap_on_the_instructor_tools_that_blocks_other_installs():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    capped = [req for req in meta["optional-dependencies"]["instructor"] if "<" in req and _name(req) != "nbgrader"]
    assert not capped, f"upper caps block other installs without a reason shown by a test: {capped}"


def test_licence_files_and_metadata():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert meta["license"] == "MIT AND CC-BY-4.0"
    for name in meta["license-files"]:
        assert (ROOT / name).is_file(), name
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Attribution 4.0 International" in (ROOT / "LICENSE-CONTENT").read_text(encoding="utf-8")


LEARNER_BLOCKED = ("nbgrader", "cryptography", "tqdm", "pytest", "nbval", "playwright", "hypothesis")


def test_a_learner_install_runs_the_course_without_the_instructor_or_test_tools(tmp_path):
    """A learner's environment (requirements-lab.lock) has no nbgrader, cryptography or test tools: every
    module a lesson or exercise uses imports, and every question's self-test passes, with them blocked."""
    code = f"""
import importlib, importlib.abc, pkgutil, sys
BLOCKED = {LEARNER_BLOCKED!r}
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {{name!r}} (blocked: not in a learner's install)")
sys.meta_path.insert(0, Block())
import types
import pm_course
from pm_course.core import WidgetState
from pm_course.course import questions
skip = ("pm_course.autograde", "pm_course.grading", "pm_course.certificate.gradebook", "pm_course.certificate.cli")
for info in pkgutil.walk_packages(pm_course.__path__, "pm_course."):
    if not info.name.startswith(skip):
        importlib.import_module(info.name)
n = 0
for q in questions():
    if not hasattr(q, "answer"):  # the capstone in exam mode holds no answer (tests/test_exam_sealed.py)
        continue
    answer = types.SimpleNamespace(value=q.answer) if isinstance(q.checker, WidgetState) else q.answer
    fb = q.check(answer)
    assert fb.outcome == "passed", (q.key, str(fb))
    n += 1
print("self-tests", n)
"""
    env = dict(os.environ, PM_COURSE_HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-3000:]
    assert int(out.stdout.split()[-1]) > 50, out.stdout


def test_installed_versions_match_the_lock():
    from importlib.metadata import version

    pins = _pins((ROOT / "requirements.lock").read_text())
    for name in ("jupyterlab", "ipywidgets", "nbgrader", "matplotlib", "nbval", "notebook"):
        assert version(name) == pins[name], f"{name}: installed {version(name)}, locked {pins[name]}"


def test_setup_checks_the_python_version_first_with_a_clear_message():
    """An old python3 gets told what to do (tools/setup_env.py runs before anything is installed)."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import setup_env
    finally:
        sys.path.remove(str(ROOT / "tools"))
    assert setup_env.check_python((3, 11, 0)) is None
    assert setup_env.check_python((3, 13, 1)) is None
    message = setup_env.check_python((3, 9, 18))
    assert "needs Python 3.11 or newer" in message and "3.9.18" in message and "PYTHON=" in message
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "setup_env.py"), "nonsense"], capture_output=True,
                         text=True)
    assert out.returncode == 2 and "expected one of: lab, all" in out.stdout


def test_a_lesson_and_its_exercise_have_different_file_names():
    """Opened side by side, the two tabs must not both read '01_pm_role.ipynb' (the file browser highlighted the
    lesson when the exercise was active). Every notebook in an assignment folder is named by exercise_file()."""
    from pm_course.course import MODULES, exercise_file

    for folder in ("solutions", "exercises"):
        for assignment in sorted(p for p in (ROOT / folder).iterdir() if p.is_dir()):
            names = sorted(p.name for p in assignment.glob("*.ipynb"))
            assert names == [exercise_file(assignment.name)], f"{folder}/{assignment.name}: {names}"
    lessons = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}
    exercises = {p.name for p in (ROOT / "exercises").glob("*/*.ipynb")}
    assert lessons and exercises and not lessons & exercises
    for m in MODULES:
        if m.ready and m.exercise_minutes:
            assert (ROOT / m.exercise).is_file(), m.exercise
