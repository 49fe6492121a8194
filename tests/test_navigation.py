"""Navigation and reference, for every module (issue 12): lesson -> exercise -> back and on; glossary links.

- each lesson ends with a link to its exercise;
- each exercise's first cell links back to its lesson, its last cell is the locked review of every question,
  and the cell before it links on to the next module's lesson (the last module has none);
- points stated at the end of a lesson agree with the exercise's auto-graded questions;
- every link into docs/glossary.md uses a GitHub-style slug that the glossary has.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pm_course.course import MODULES, exercise_file, questions

ROOT = Path(__file__).resolve().parents[1]
WITH_EXERCISE = [m for m in MODULES if m.ready and (ROOT / "solutions" / m.name).is_dir()]


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _src(cell: dict) -> str:
    s = cell["source"]
    return "".join(s) if isinstance(s, list) else s


def _slug(heading: str) -> str:
    s = re.sub(r"[^\w\s-]", "", heading.strip().lower())
    return re.sub(r"\s", "-", s)


@pytest.mark.parametrize("m", WITH_EXERCISE, ids=lambda m: m.name)
def test_lesson_links_its_exercise_and_the_exercise_links_back_and_on(m):
    lesson = _cells(ROOT / m.notebook)
    assert f"](../{m.exercise})" in _src(lesson[-1]), f"{m.notebook}: end with the exercise"
    exercise = _cells(ROOT / "solutions" / m.name / exercise_file(m.name))
    assert f"](../../notebooks/{m.name}.ipynb)" in _src(exercise[0]), f"{m.name}: the exercise links its lesson"
    last = exercise[-1]
    assert _src(last).strip().endswith(f'pm_course.progress.review("{m.name}")'), f"{m.name}: end with the review"
    assert last["metadata"].get("nbgrader", {}).get("locked") is True, f"{m.name}: the review cell is locked"
    later = [n for n in MODULES if n.number > m.number and n.ready]
    if later:
        assert f"](../../notebooks/{later[0].name}.ipynb)" in _src(exercise[-2]), (
            f"{m.name}: the exercise links on to {later[0].name}")


@pytest.mark.parametrize("m", WITH_EXERCISE, ids=lambda m: m.name)
def test_points_a_lesson_states_agree_with_its_exercise(m):
    total = sum(q.points for q in questions(m.name))
    end = _src(_cells(ROOT / m.notebook)[-1])
    for stated in re.findall(r"\((\d+) (?:auto-graded )?points\)", end):
        assert int(stated) == total or int(stated) != total and "written" in end, (m.name, stated, total)


GLOSSARY = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
SLUGS = {_slug(h) for h in re.findall(r"^#{2,4} (.+)$", GLOSSARY, flags=re.M)}


@pytest.mark.parametrize("m", [m for m in MODULES if m.ready], ids=lambda m: m.name)
def test_glossary_links_point_at_terms_the_glossary_has(m):
    text = " ".join(_src(c) for c in _cells(ROOT / m.notebook) if c["cell_type"] == "markdown")
    for term, slug in re.findall(r"\[([^\]]+)\]\(\.\./docs/glossary\.md#([^)]+)\)", text):
        assert slug in SLUGS, f"{m.name}: the glossary has no entry for {term!r} (#{slug})"
