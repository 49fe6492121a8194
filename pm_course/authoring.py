"""Checks that each question is written once: its solutions notebook agrees with its declaration.

Used by tests/test_authoring.py, tools/sync_questions.py (which repairs what
disagrees) and tools/new_module.py. The declaration in
``pm_course/<package>/questions.py`` is the truth for prompt and points; the
notebook's ``### BEGIN SOLUTION`` block is the truth for the solution code.
Imports neither ipywidgets nor matplotlib.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .course import MODULES, exercise_file

__all__ = ["ROOT", "authored", "code_lines", "solution_block", "stated_total", "stated_totals", "with_total", "STATED_TOTAL_PATTERNS", "disagreements", "solution_notebook"]

ROOT = Path(__file__).resolve().parents[1]  # the course folder (a source checkout)


def solution_notebook(name: str, root: Path = ROOT) -> Path:
    return root / "solutions" / name / exercise_file(name)


def authored(root: Path = ROOT) -> list:
    """The modules of the course map with a package and a solutions notebook."""
    return [m for m in MODULES if m.package and solution_notebook(m.name, root).exists()]


def code_lines(source: str) -> list[str]:
    """The lines that are code: not blank, not a comment (trailing spaces ignored)."""
    return [line.rstrip() for line in source.splitlines() if line.strip() and not line.strip().startswith("#")]


def solution_block(source: str) -> str | None:
    m = re.search(r"^[ \t]*### BEGIN SOLUTION[^\n]*\n(.*?)^[ \t]*### END SOLUTION", source, re.S | re.M)
    return None if m is None else m.group(1)


def _text(cell) -> str:
    src = cell["source"]
    return "".join(src) if isinstance(src, list) else src


def _normalise(s: str) -> str:
    return " ".join(s.split())


#: The ways a notebook states the auto-graded total: "14 points auto-graded", "Thirteen questions (20 points) are
#: checked automatically", "thirteen auto-checked questions (18 points)", "12 auto-graded questions (14 points)".
STATED_TOTAL_PATTERNS = (
    r"(\d+)\s+points?\s+auto-?graded",
    r"\((\d+)\s+points?\)\s+(?:are|is)\s+checked\s+automatically",
    r"auto-?(?:checked|graded)\s+questions?\s+\((\d+)\s+points?\)",
)


def _total_matches(markdown: str) -> list[re.Match]:
    found = [m for p in STATED_TOTAL_PATTERNS for m in re.finditer(p, markdown, re.I)]
    return sorted(found, key=lambda m: m.start(1))


def stated_total(markdown: str) -> int | None:
    """The first auto-graded points total that ``markdown`` states, in any of ``STATED_TOTAL_PATTERNS``."""
    found = _total_matches(markdown)
    return None if not found else int(found[0].group(1))


def stated_totals(markdown: str) -> list[int]:
    """Every auto-graded points total that ``markdown`` states (a lesson's closing cell may state one)."""
    return [int(m.group(1)) for m in _total_matches(markdown)]


def with_total(markdown: str, total: int) -> str:
    """``markdown`` with every stated auto-graded total set to ``total`` (used by tools/sync_questions.py)."""
    spans = sorted({(m.start(1), m.end(1)) for m in _total_matches(markdown)}, reverse=True)
    for start, end in spans:
        markdown = markdown[:start] + str(total) + markdown[end:]
    return markdown


def disagreements(name: str, qs: list, root: Path = ROOT) -> list[str]:
    """Every place where the solutions notebook of module ``name`` and its declared questions disagree."""
    nb = json.loads(solution_notebook(name, root).read_text(encoding="utf-8"))
    cells = nb["cells"]
    grade_ids = {(c.get("metadata", {}).get("nbgrader") or {}).get("grade_id"): i for i, c in enumerate(cells)}
    problems = []
    for q in qs:
        test = grade_ids.get(f"{q.id}_test")
        answer = grade_ids.get(f"{q.id}_answer")
        if test is None:
            problems.append(f"{q.id}: no grade cell {q.id}_test")
        else:
            points = cells[test]["metadata"]["nbgrader"].get("points")
            if points != q.points:
                problems.append(f"{q.id}: {q.id}_test has {points} points, the question declares {q.points}")
        if answer is None:
            problems.append(f"{q.id}: no answer cell {q.id}_answer")
            continue
        block = solution_block(_text(cells[answer]))
        if block is None:
            problems.append(f"{q.id}: {q.id}_answer has no ### BEGIN SOLUTION / ### END SOLUTION block")
        elif code_lines(block) != code_lines(q.solution_text):
            problems.append(f"{q.id}: the solution block's code differs from solution_text:\n"
                            f"  notebook: {code_lines(block)}\n  declared: {code_lines(q.solution_text)}")
        before = next((cells[i] for i in range(answer - 1, -1, -1) if cells[i]["cell_type"] == "markdown"), None)
        if before is None or _normalise(q.prompt) not in _normalise(_text(before)):
            problems.append(f"{q.id}: the markdown cell before {q.id}_answer does not hold the prompt {q.prompt!r}")
    first = next((c for c in cells if c["cell_type"] == "markdown"), None)
    total = stated_total(_text(first)) if first else None
    if total is not None and total != sum(q.points for q in qs):
        problems.append(f"the first cell states {total} points auto-graded; the questions sum to "
                        f"{sum(q.points for q in qs)}")
    lesson = root / "notebooks" / f"{name}.ipynb"
    if lesson.exists():
        for c in json.loads(lesson.read_text(encoding="utf-8"))["cells"]:
            if c["cell_type"] != "markdown":
                continue
            for stated in stated_totals(_text(c)):
                if stated != sum(q.points for q in qs):
                    problems.append(f"the lesson states {stated} auto-graded points for its exercise; the questions "
                                    f"sum to {sum(q.points for q in qs)}")
    return problems
