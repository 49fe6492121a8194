"""Reading an assignment's scores from nbgrader's gradebook, split into the auto-graded and written parts."""

from __future__ import annotations

import os
import shutil
import sys
import urllib.parse
from pathlib import Path
from typing import Any

from ..core.validate import InputError, text

__all__ = ["scores"]


def _part(cell_name: str) -> str:
    return "auto" if cell_name.endswith("_test") else "written"


def scores(assignment: str, db_url: str) -> list[dict[str, Any]]:
    """One row per submission: student id, name, auto and written score and maximum, written still to grade, and
    each grade cell's (score, maximum) under ``cells``."""
    from nbgrader.api import Gradebook, MissingEntry

    from ..autograde.cohort import _assignment

    assignment = _assignment(assignment)
    db_url = text("db_url", db_url)
    if "://" not in db_url:
        raise InputError(f"db_url must be a database URL such as 'sqlite:///gradebook.db'; got {db_url!r}.")
    if db_url.startswith("sqlite:///"):  # a missing file would be created, empty, by opening it
        path = Path(urllib.parse.unquote(db_url[len("sqlite:///"):].split("?")[0]))
        if not path.is_file():
            raise InputError(f"there is no gradebook at {path}: autograde the assignment first "
                             f"(pm-course autograde {assignment}), or give the gradebook with --db.")
    _find_alembic()
    rows = []
    with Gradebook(db_url) as gb:
        try:
            gb.find_assignment(assignment)
        except MissingEntry:
            raise ValueError(f"the gradebook {db_url} has no assignment {assignment!r}: autograde it first") from None
        for sub in gb.assignment_submissions(assignment):
            st = sub.student
            row = {"student": st.id, "name": " ".join(p for p in (st.first_name, st.last_name) if p) or st.id,
                   "auto": 0.0, "auto_max": 0.0, "written": 0.0, "written_max": 0.0, "ungraded": 0, "cells": {}}
            for nb in sub.notebooks:
                for g in nb.grades:
                    part = _part(g.name)
                    row[part] += float(g.score or 0)
                    row[part + "_max"] += float(g.max_score or 0)
                    row["cells"][g.name] = (float(g.score or 0), float(g.max_score or 0))
                    if part == "written" and g.needs_manual_grade:
                        row["ungraded"] += 1
            rows.append(row)
    return sorted(rows, key=lambda r: r["student"])


def _find_alembic() -> None:
    """nbgrader opens a gradebook by running its ``alembic`` command: make sure it is found, or say what is missing."""
    if shutil.which("alembic"):
        return
    beside = Path(sys.executable).parent  # the environment's bin folder, when it is not on PATH
    if (beside / "alembic").is_file():
        os.environ["PATH"] = f"{beside}{os.pathsep}{os.environ.get('PATH', '')}"
        return
    raise InputError(
        "nbgrader needs its 'alembic' command (installed with nbgrader) to open the gradebook, and it is "
        f"neither on PATH nor in {beside}: run pm-course from the course environment (make venv; "
        "source .venv/bin/activate), or reinstall nbgrader there.")


def default_db(root: str | Path) -> str:
    return f"sqlite:///{Path(root).resolve() / 'gradebook.db'}"
