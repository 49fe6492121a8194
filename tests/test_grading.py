"""TamperGuard, the autograding preprocessor (pm_course/grading.py), tested like nbgrader's own preprocessors:
a notebook is built here with nbformat, the preprocessor is applied, and the resulting cells are asserted."""

import pytest
from nbformat import validate
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from pm_course.grading import TamperGuard


def _meta(grade_id, *, grade=False, solution=False, locked=False, points=None):
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3, "solution": solution,
            "task": False}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


@pytest.fixture
def preprocessor():
    return TamperGuard()


def _notebook(*cells):
    nb = new_notebook(cells=list(cells))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def test_clean_submission_is_left_unchanged(preprocessor):
    setup = new_code_cell("from pm_course.prioritization.questions import q1", metadata=_meta("setup", locked=True))
    answer = new_code_cell("answer_q1 = rice_score(reach=950, impact=3, confidence=0.8, effort=3)\nq1.check(answer_q1)",
                           metadata=_meta("q1_answer", solution=True))
    test = new_code_cell("q1.grade(answer_q1)", metadata=_meta("q1_test", grade=True, locked=True, points=1))
    nb = _notebook(new_markdown_cell("# Exercise"), setup, answer, test)
    before = [c.source for c in nb.cells]
    nb, resources = preprocessor.preprocess(nb, {})
    assert [c.source for c in nb.cells] == before
    validate(nb)


def test_tampering_answer_cell_is_replaced_by_a_cell_that_raises(preprocessor):
    answer = new_code_cell("answer_q1 = 760\nq1.grade = lambda *a, **k: None", metadata=_meta("q1_answer", solution=True))
    test = new_code_cell("q1.grade(answer_q1)", metadata=_meta("q1_test", grade=True, locked=True, points=1))
    nb, _ = preprocessor.preprocess(_notebook(answer, test), {})
    guarded = nb.cells[0].source
    assert guarded.startswith("raise RuntimeError(") and "not run when grading" in guarded
    assert "changes .grade" in guarded and "answer_q1 = 760" not in guarded
    assert nb.cells[0].metadata["nbgrader"]["grade_id"] == "q1_answer"  # the cell keeps its identity
    assert nb.cells[1].source == "q1.grade(answer_q1)"                  # the test cell is untouched
    with pytest.raises(RuntimeError, match="This cell was not run for grading"):
        exec(guarded, {})


def test_cell_added_by_the_learner_is_scanned_too(preprocessor):
    added = new_code_cell("import os\nos._exit(0)")  # no nbgrader metadata: the learner added it
    nb, _ = preprocessor.preprocess(_notebook(added), {})
    assert "imports os" in nb.cells[0].source and nb.cells[0].source.startswith("raise RuntimeError(")


def test_locked_and_grade_cells_and_markdown_are_never_rewritten(preprocessor):
    # the instructor's cells are restored by nbgrader before the guard runs; the guard trusts them
    locked = new_code_cell("import sys", metadata=_meta("setup", locked=True))
    grade = new_code_cell("import os", metadata=_meta("q1_test", grade=True, locked=True, points=1))
    text = new_markdown_cell("import os")
    nb, _ = preprocessor.preprocess(_notebook(locked, grade, text), {})
    assert [c.source for c in nb.cells] == ["import sys", "import os", "import os"]


def test_ipython_magics_in_an_answer_are_refused(preprocessor):
    answer = new_code_cell("%load_ext something\nanswer_q1 = 1", metadata=_meta("q1_answer", solution=True))
    nb, _ = preprocessor.preprocess(_notebook(answer), {})
    assert nb.cells[0].source.startswith("raise RuntimeError(") and "get_ipython" in nb.cells[0].source
