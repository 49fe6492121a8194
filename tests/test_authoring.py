"""Each question written once: the solutions notebook agrees with the question declarations (issue 10).

For every module of pm_course/course.py with a solutions notebook: each grade cell ``qN_test`` carries
``qN.points``; the code of the ``qN_answer`` solution block is the code of ``qN.solution_text`` (which may
add comment lines); the markdown cell before the answer cell holds ``qN.prompt`` verbatim; and a total of
auto-graded points stated in the first markdown cell is the sum of the questions' points. The declaration is
the truth for prompt and points; the notebook's solution code is the truth for the solution.
``python tools/sync_questions.py NN_slug`` repairs a module that disagrees.
"""

from __future__ import annotations

import json

import pytest

from pm_course.authoring import authored, disagreements
from pm_course.course import questions


@pytest.mark.parametrize("module", authored(), ids=lambda m: m.name)
def test_solutions_notebook_agrees_with_the_declarations(module):
    problems = disagreements(module.name, questions(module.name))
    assert not problems, "\n".join(problems)


def test_the_checks_can_fail(tmp_path):
    """The test above is not one that cannot fail: a notebook that drifts is caught on each count."""
    from pm_course.core import Question, Value

    q = Question(module="99_x", id="q1", points=2, prompt="The answer, as a whole number.",
                 checker=Value(expected=1, decimals=0), hints=["a", "b"], solution_text="# one\nanswer_q1 = 1",
                 answer=1, wrong=[2])
    md = {"cell_type": "markdown", "metadata": {}, "source": "# Exercise\n\n3 points auto-graded."}
    task = {"cell_type": "markdown", "metadata": {}, "source": "## Q1\n\nThe answer."}
    answer = {"cell_type": "code", "metadata": {"nbgrader": {"grade_id": "q1_answer", "solution": True}},
              "source": "answer_q1 = ...\n### BEGIN SOLUTION\nanswer_q1 = 2\n### END SOLUTION\n", "outputs": [],
              "execution_count": None}
    test = {"cell_type": "code", "metadata": {"nbgrader": {"grade_id": "q1_test", "grade": True, "points": 1}},
            "source": "q1.grade(answer_q1)", "outputs": [], "execution_count": None}
    path = tmp_path / "solutions" / "99_x" / "99_x.ipynb"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"cells": [md, task, answer, test], "metadata": {}, "nbformat": 4,
                                "nbformat_minor": 5}))
    found = disagreements("99_x", [q], root=tmp_path)
    assert len(found) == 4, found
    assert any("points" in p and "_test" in p for p in found) and any("solution_text" in p for p in found)
    assert any("prompt" in p for p in found) and any("auto-graded" in p for p in found)
