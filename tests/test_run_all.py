"""Run All spoils nothing: executing a lesson or an exercise top to bottom, as a learner's Run All does,
records no solution view and plays no scenario to an ending.

Solutions and endings appear only when the learner asks for them (a solution cell is left for the
learner to run; a scenario starts at its first choice). Each notebook runs in a fresh kernel, in a
learner's session (no strict grading: a grading cell never stops Run All), with its own empty progress
store; a last cell appended to the copy reads what the run recorded and every scenario player it left.
Cells after an error run too (a stricter test than Run All, which stops there: 09's exercise stops at
its STUDENT_ID cell until the learner declares one); whether cells run clean is tested by nbval.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(REPO.glob("notebooks/[0-9][0-9]_*.ipynb")) + sorted(
    REPO.glob("exercises/[0-9][0-9]_*/[0-9][0-9]_*_exercise.ipynb"))
MARK = "PM-RUN-ALL-AUDIT "

AUDIT = f'''
import json as _json
from pm_course.core import progress as _progress
from pm_course.collaboration.widgets import ScenarioPlayer as _Player
_solutions = [e["module"] + "/" + e["question"] for e in _progress.events() if e["action"] == "solution"]
_endings = sorted(k for k, v in list(globals().items()) if isinstance(v, _Player) and v.value["finished"])
print({MARK!r} + _json.dumps({{"solutions": _solutions, "endings": _endings}}))
'''


def audit(nb) -> dict:
    for out in nb.cells[-1].get("outputs", []):
        for line in out.get("text", "").splitlines():
            if line.startswith(MARK):
                return json.loads(line[len(MARK):])
    raise AssertionError(f"the audit cell printed nothing: {nb.cells[-1].get('outputs')}")


@functools.cache
def run_all(path: Path):
    """The notebook after a Run All in a fresh kernel and an empty progress store (run once per test process)."""
    home = tempfile.mkdtemp(prefix="pm-run-all-")
    env = {"PM_COURSE_HOME": home, "MPLBACKEND": "Agg"}
    saved = {k: os.environ.get(k) for k in (*env, "PM_COURSE_GRADE_STRICT")}
    os.environ.update(env)
    os.environ.pop("PM_COURSE_GRADE_STRICT", None)  # a learner's session
    try:
        nb = nbformat.read(path, as_version=4)
        nb.cells.append(nbformat.v4.new_code_cell(AUDIT))
        # 60 s a cell (each takes under 2 s): headless runs now and then stall with a request unread in the
        # messaging layer until the client's per-cell timeout (tools/bench.py, "stalls"); a long timeout made one
        # such stall cost 10 minutes of the suite
        NotebookClient(nb, timeout=60, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        shutil.rmtree(home, ignore_errors=True)
    return nb


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[str(p.relative_to(REPO)) for p in NOTEBOOKS])
def test_run_all_shows_no_solution_and_no_ending(path):
    nb = run_all(path)
    found = audit(nb)
    assert found["solutions"] == [], f"{path.name}: Run All showed and recorded solutions {found['solutions']}"
    assert found["endings"] == [], f"{path.name}: Run All played a scenario to its ending: {found['endings']}"


LESSONS = [p for p in NOTEBOOKS if p.parent.name == "notebooks"]
#: ``name = SomeWidget(...)`` where SomeWidget is a course widget (a class imported from pm_course.*.widgets)
MAKES_WIDGET = re.compile(r"^(\w+) = (\w+)\(", re.M)
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@pytest.mark.parametrize("path", LESSONS, ids=[p.name for p in LESSONS])
def test_every_widget_a_lesson_makes_is_shown(path):
    """A lesson cell that makes widgets shows them: a learner cannot tick a planner that is not there."""
    import importlib
    import importlib.util
    import pkgutil

    import pm_course
    from pm_course import ui

    for mod in pkgutil.iter_modules(pm_course.__path__):
        if mod.ispkg and importlib.util.find_spec(f"pm_course.{mod.name}.widgets"):
            importlib.import_module(f"pm_course.{mod.name}.widgets")
    widget_classes, todo = set(), [ui.Widget]
    while todo:
        for sub in todo.pop().__subclasses__():
            widget_classes.add(sub.__name__)
            todo.append(sub)
    nb = run_all(path)
    hidden = []
    for i, cell in enumerate(nb.cells[:-1]):
        if cell.cell_type != "code":
            continue
        made = [(var, cls) for var, cls in MAKES_WIDGET.findall(cell.source) if cls in widget_classes]
        views = sum(1 for o in cell.get("outputs", []) if WIDGET_VIEW in o.get("data", {}))
        if made and not views:  # a cell may build a helper widget only to read it; it shows at least one
            hidden.append(f"cell {i} makes {[v for v, _ in made]} but shows none")
    assert not hidden, f"{path.name}: " + "; ".join(hidden)
