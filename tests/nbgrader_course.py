"""A throw-away nbgrader course built from this repository, for the round-trip tests.

The real course's nbgrader_config.py and solutions/ are copied to a temporary root; students'
submissions are placed in submitted/<student>/<assignment>/; nbgrader's own commands run there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from pm_course.course import EXERCISE_SUFFIX

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def assignments() -> list[str]:
    return sorted(p.name for p in (ROOT / "solutions").iterdir() if p.is_dir() and not p.name.startswith("."))


def nbgrader(root: Path, *args: str, timeout: float = 900) -> subprocess.CompletedProcess:
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    env.pop("NBGRADER_EXECUTION", None)
    return subprocess.run(
        [str(BIN / "nbgrader"), *args, f"--CourseDirectory.root={root}", f"--db=sqlite:///{root}/gradebook.db"],
        cwd=root, env=env, capture_output=True, text=True, timeout=timeout,
    )


class Course:
    def __init__(self, root: Path, assignment: str):
        self.root, self.assignment = root, assignment
        shutil.copy(ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
        shutil.copytree(ROOT / "solutions" / assignment, root / "solutions" / assignment)
        out = nbgrader(root, "generate_assignment", assignment, "--force")
        assert out.returncode == 0, out.stdout + out.stderr
        self.release = root / "exercises" / assignment

    def submit(self, student: str, notebooks: dict[str, Path | dict]) -> None:
        """notebooks maps a notebook file name to a path to copy, or to notebook JSON to write."""
        import nbformat

        target = self.root / "submitted" / student / self.assignment
        target.mkdir(parents=True, exist_ok=True)
        for name, src in notebooks.items():
            if isinstance(src, Path):
                shutil.copy(src, target / name)
            else:
                nbformat.write(nbformat.from_dict(src), target / name)
        (target / "timestamp.txt").write_text("2026-01-01 00:00:00.000000 UTC")

    def autograde(self, *extra: str) -> tuple[subprocess.CompletedProcess, float]:
        start = time.perf_counter()
        out = nbgrader(self.root, "autograde", self.assignment, "--force", *extra)
        return out, time.perf_counter() - start

    def scores(self, student: str) -> dict[str, tuple[float, float]]:
        """For each notebook, keyed by its module (``04_prioritization`` for ``04_prioritization_exercise``):
        (auto score, max auto score) over the autograded code test cells.

        Manually graded answer cells (written answers: solution and grade cells at once) are left out:
        a person grades them, so they are in neither the solutions' full marks nor the release's zero.
        """
        from nbgrader.api import Gradebook

        with Gradebook(f"sqlite:///{self.root}/gradebook.db") as gb:
            sub = gb.find_submission(self.assignment, student)
            result = {}
            for nb in sub.notebooks:
                # written answers are manually graded code cells (grade and solution): not autograded
                manual = {c.name for c in nb.notebook.solution_cells}
                auto = [g for g in nb.grades if g.cell.cell_type == "code" and g.cell.name not in manual]
                result[nb.name.removesuffix(EXERCISE_SUFFIX)] = (sum(g.auto_score or 0 for g in auto), sum(g.max_score for g in auto))
            return result
