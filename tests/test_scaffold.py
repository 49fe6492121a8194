"""The scaffold (tools/new_module.py, `make new-module`) lays out a module that passes the module's tests
before any content is written. It is generated into a temporary copy of the course, never into this one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NN, SLUG, PKG = "10", "scaffold_check", "scaffold_check"  # a number no module has: nothing on the map changes
NAME = f"{NN}_{SLUG}"


@pytest.fixture(scope="module")
def course_copy(tmp_path_factory):
    """A copy of the course's files (tracked and new, not ignored), with a module laid out by the scaffold."""
    root = tmp_path_factory.mktemp("course")
    files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.split("\0")
    for rel in filter(None, files):
        src = ROOT / rel
        if src.is_file():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, root / rel)
    env = {**os.environ, "PYTHONPATH": str(root)}
    out = subprocess.run([sys.executable, "tools/new_module.py", NN, SLUG, PKG, "--title", "Scaffold check"],
                         cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr
    return root, env


def _pytest(course, *args):
    root, env = course
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", "-p", "no:cacheprovider", *args],
                         cwd=root, env=env, capture_output=True, text=True, timeout=900)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    return out.stdout


def test_the_scaffold_lays_out_every_file(course_copy):
    root, env = course_copy
    for rel in [f"pm_course/{PKG}/__init__.py", f"pm_course/{PKG}/logic.py", f"pm_course/{PKG}/widgets.py",
                f"pm_course/{PKG}/questions.py", f"notebooks/{NAME}.ipynb", f"solutions/{NAME}/{NAME}_exercise.ipynb",
                f"exercises/{NAME}/{NAME}_exercise.ipynb", f"tests/test_{PKG}.py"]:
        assert (root / rel).is_file(), rel
    course = (root / "pm_course" / "course.py").read_text(encoding="utf-8")
    assert f'Module("{NN}", "{SLUG}", "Scaffold check"' in course and f'"{PKG}", True)' in course
    assert course.count(f'Module("{NN}",') == 1
    assert not (ROOT / "pm_course" / PKG).exists(), "the scaffold wrote into the real course"
    again = subprocess.run([sys.executable, "tools/new_module.py", NN, SLUG, PKG, "--no-release"], cwd=root,
                           env=env, capture_output=True, text=True)
    assert again.returncode == 1 and "refusing to overwrite" in again.stderr


def test_the_new_module_passes_its_tests_before_any_content(course_copy):
    root, _ = course_copy
    out = _pytest(course_copy, f"tests/test_{PKG}.py", "tests/test_authoring.py", "tests/test_repo.py",
                  "tests/test_questions.py", "-k", f"{PKG} or {NAME} or authoring or repo")
    assert " passed" in out and "failed" not in out
    _pytest(course_copy, "--nbval-lax", "--nbval-current-env", f"notebooks/{NAME}.ipynb", f"solutions/{NAME}")
    _pytest(course_copy, "tests/test_nbgrader_roundtrip.py", "-k", f"roundtrip and {NAME}")
    lint = subprocess.run([str(Path(sys.executable).parent / "ruff"), "check", f"pm_course/{PKG}", f"tests/test_{PKG}.py"],
                          cwd=root, capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout


def test_the_course_map_entry_of_a_planned_module_is_completed(tmp_path):
    """A number already on the map (a planned module, no package yet) keeps its title, minutes and topics."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("new_module", ROOT / "tools" / "new_module.py")
    new_module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(new_module)
    (tmp_path / "pm_course").mkdir()
    course = (ROOT / "pm_course" / "course.py").read_text(encoding="utf-8")
    # a planned module: on the map with its title, minutes and topics, but no package yet
    planned = '    Module("10", "pricing", "Pricing and packaging", 40,\n           "value metrics, tiers, price tests"),\n)'
    course = course.replace("\n)\n", "\n" + planned + "\n", 1)
    (tmp_path / "pm_course" / "course.py").write_text(course, encoding="utf-8")
    title = new_module.course_entry(tmp_path, "10", "pricing", "pricing", "")
    src = (tmp_path / "pm_course" / "course.py").read_text(encoding="utf-8")
    assert title == "Pricing and packaging" and src.count('Module("10",') == 1
    assert 'Module("10", "pricing", "Pricing and packaging", 40,' in src and '"pricing", True' in src
    compile(src, "course.py", "exec")
