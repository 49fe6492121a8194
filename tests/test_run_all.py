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

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(REPO.glob("notebooks/[0-9][0-9]_*.ipynb")) + sorted(
    REPO.glob("exercises/[0-9][0-9]_*/[0-9][0-9]_*.ipynb"))
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


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[str(p.relative_to(REPO)) for p in NOTEBOOKS])
def test_run_all_shows_no_solution_and_no_ending(path, tmp_path, monkeypatch):
    monkeypatch.setenv("PM_COURSE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("PM_COURSE_GRADE_STRICT", raising=False)  # a learner's session
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(AUDIT))
    NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    found = audit(nb)
    assert found["solutions"] == [], f"{path.name}: Run All showed and recorded solutions {found['solutions']}"
    assert found["endings"] == [], f"{path.name}: Run All played a scenario to its ending: {found['endings']}"
