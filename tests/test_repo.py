"""The repository keeps its promises: clean notebooks, reproducible data, cheap import, one lock."""

from __future__ import annotations

import json
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
    wanted = meta["dependencies"] + meta["optional-dependencies"]["test"]
    for req in wanted:
        name = re.match(r"[A-Za-z0-9_.\-]+", req).group(0).lower().replace("_", "-")
        assert name in pins, f"{name} is not pinned in requirements.lock: run `make lock`"


def test_installed_versions_match_the_lock():
    from importlib.metadata import version

    pins = _pins((ROOT / "requirements.lock").read_text())
    for name in ("jupyterlab", "ipywidgets", "nbgrader", "matplotlib", "nbval", "notebook"):
        assert version(name) == pins[name], f"{name}: installed {version(name)}, locked {pins[name]}"
