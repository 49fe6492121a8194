"""An exercise as a learner does it: type a wrong answer and check it, then a right one.

The feedback is read as rendered in JupyterLab (``.pm-feedback`` with ``pm-failed``
or ``pm-passed``, from pm_course.core.feedback). The question and its answers come
from the course itself (``pm_course.course.questions``), so the test follows the
exercise when its questions change.
"""

from __future__ import annotations

import ast
import json
import re

import pytest

from .conftest import REPO

pytestmark = pytest.mark.browser

MODULE = "04_prioritization"
EXERCISE = REPO / "exercises" / MODULE / f"{MODULE}_exercise.ipynb"


def _literal(value) -> str | None:
    """``repr(value)`` if typing it back gives the same value, else None."""
    text = repr(value)
    try:
        return text if ast.literal_eval(text) == value else None
    except (ValueError, SyntaxError):
        return None


def pick_question(notebook: dict):
    """The first answer cell whose question has a typeable right answer and a typeable wrong one."""
    from pm_course.core.feedback import FAILED
    from pm_course.course import questions

    by_id = {q.id: q for q in questions(MODULE)}
    for index, cell in enumerate(notebook["cells"]):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell["cell_type"] != "code" or not meta.get("solution"):
            continue
        m = re.search(r"^answer_(q\d+) = \.\.\.", "".join(cell["source"]), re.M)
        if not m or m.group(1) not in by_id:
            continue
        q = by_id[m.group(1)]
        right = _literal(q.answer)
        wrong = next((_literal(w) for w in q.wrong if _literal(w) and q.check(w).outcome == FAILED), None)
        if right and wrong:
            return index, q, right, wrong
    raise AssertionError(f"{EXERCISE.name}: no answer cell with a typeable right and wrong answer")


def test_exercise_feedback_wrong_then_right(notebook, page):
    assert EXERCISE.exists(), f"{EXERCISE.relative_to(REPO)} is missing (the reference module's exercise)"
    index, q, right, wrong = pick_question(json.loads(EXERCISE.read_text(encoding="utf-8")))
    nb = notebook(f"exercises/{MODULE}/{EXERCISE.name}")

    # select the answer cell, then Run > Run All Above Selected Cell (the setup and any cells before)
    cell = nb.cell(index)
    cell.scroll_into_view_if_needed()
    cell.locator(".jp-InputPrompt").click()
    nb.menu("Run", "Run All Above Selected Cell")
    nb.wait_done()
    feedback = cell.locator(".jp-OutputArea .pm-feedback")

    ran = nb.replace_and_run(index, f"answer_{q.id} = {wrong}\n{q.id}.check(answer_{q.id})")
    assert not any(o["type"] == "error" for o in ran["outputs"]), ran["outputs"]
    feedback.first.wait_for()
    assert "pm-failed" in feedback.first.get_attribute("class")
    text = " ".join(feedback.first.text_content().split())
    assert text.startswith("Not yet"), text
    assert right not in text, "the feedback must not give the expected value away"

    ran = nb.replace_and_run(index, f"answer_{q.id} = {right}\n{q.id}.check(answer_{q.id})")
    assert not any(o["type"] == "error" for o in ran["outputs"]), ran["outputs"]
    passed = cell.locator(".jp-OutputArea .pm-feedback.pm-passed")
    passed.first.wait_for()
    assert passed.first.text_content().strip().startswith("Correct")
    assert cell.locator(".jp-OutputArea .pm-failed").count() == 0
