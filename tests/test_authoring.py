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
    import sealed_refs

    # the capstone's worked solutions live with its reference questions (tools/capstone_reference.py)
    problems = disagreements(module.name, [sealed_refs.reference_for(q) if sealed_refs.is_sealed(q) else q
                                           for q in questions(module.name)])
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
    path = tmp_path / "solutions" / "99_x" / "99_x_exercise.ipynb"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"cells": [md, task, answer, test], "metadata": {}, "nbformat": 4,
                                "nbformat_minor": 5}))
    found = disagreements("99_x", [q], root=tmp_path)
    assert len(found) == 4, found
    assert any("points" in p and "_test" in p for p in found) and any("solution_text" in p for p in found)
    assert any("prompt" in p for p in found) and any("auto-graded" in p for p in found)


# ---------------------------------------------------------------- each task stated once in the released exercises

def _sync_tool():
    import importlib.util

    from pm_course.authoring import ROOT

    spec = importlib.util.spec_from_file_location("sync_questions", ROOT / "tools" / "sync_questions.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def _repeated_run(markdown: str, n: int = 10) -> str | None:
    """The first run of ``n`` words that occurs twice (not overlapping) in ``markdown``, blockquotes left out."""
    import re

    body = "\n".join(line for line in markdown.split("\n") if not line.lstrip().startswith(">"))
    words = re.findall(r"[\w']+", body.lower())
    seen: dict[tuple, int] = {}
    for k in range(len(words) - n + 1):
        run = tuple(words[k:k + n])
        if run in seen and k - seen[run] >= n:
            return " ".join(run)
        seen.setdefault(run, k)
    return None


def test_repeated_run_finds_a_task_stated_twice():
    twice = ("## Q1\n\nChoose the items with the most total value that fit in the quarter.\n\n"
             "1. Tick items: choose the items with the most total value that fit in the quarter.")
    assert "most total value" in (_repeated_run(twice) or "")
    assert _repeated_run("**Q7.** Rewrite it.\n\n> Would you use an app that finds cover for you when someone "
                         "calls in sick?\n\nWould you use an app that finds cover for you when someone calls") is None


@pytest.mark.parametrize("module", authored(), ids=lambda m: m.name)
def test_each_exercise_states_each_prompt_once_and_repeats_no_sentence(module):
    from pm_course.authoring import ROOT

    path = ROOT / module.exercise
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    markdown = ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
    flat = " ".join(" ".join(m.split()) for m in markdown)
    for q in questions(module.name):
        assert flat.count(" ".join(q.prompt.split())) == 1, f"{q.id}: its prompt is not stated exactly once"
    for m in markdown:
        assert _repeated_run(m) is None, f"a markdown cell says this twice: {_repeated_run(m)!r}\n{m[:300]}"


def test_sync_replaces_the_task_prose_instead_of_adding_the_prompt_beside_it():
    with_prompt = _sync_tool()._with_prompt
    prompt = "The Kano category letter of each answer pair in KANO_PAIRS."
    heading = "## Q5 · Kano (1 point)\n\n`KANO_PAIRS` maps six labels to answer pairs; give each one's letter.\n\n| a | b |\n|---|---|"
    out = with_prompt(heading, prompt, "q5")
    assert out == f"## Q5 · Kano (1 point)\n\n{prompt}\n\n| a | b |\n|---|---|"
    labelled = "Old wording of the task.\n\n**Q13 (2 points).** A bottom-up SAM, in the old words.\n\n- a list stays"
    out = with_prompt(labelled, prompt, "q13")
    assert out == f"Old wording of the task.\n\n**Q13 (2 points).** {prompt}\n\n- a list stays"
    assert out.count(prompt) == 1
    listed = "## Q12 · Plan\n\n1. Run the planner.\n2. Copy its line."
    assert with_prompt(listed, prompt, "q12") == f"## Q12 · Plan\n\n{prompt}\n\n1. Run the planner.\n2. Copy its line."
    assert with_prompt(out, prompt, "q13") == out  # a cell that holds the prompt is left as it is


@pytest.mark.parametrize("text, total", [
    ("Run the setup cell first. 14 points auto-graded, 4 points for the written answer.", 14),
    ("Thirteen questions\n(20 points) are checked automatically; the last task, an interview guide (5 points)", 20),
    ("thirteen auto-checked questions (18 points), and a vision board (4 points, with feedback)", 18),
    ("12 auto-graded questions (14 points) and one written answer (4 points)", 14),
    ("The written answer is worth 4 points.", None),
])
def test_stated_total_reads_every_form_the_notebooks_use(text, total):
    from pm_course.authoring import stated_total, with_total

    assert stated_total(text) == total
    if total is not None:
        assert stated_total(with_total(text, 99)) == 99 and "(4 points" in with_total(text, 99) + "(4 points"


def test_a_wrong_total_in_the_header_or_the_lesson_is_caught(tmp_path):
    from pm_course.core import Question, Value

    q = Question(module="99_x", id="q1", points=2, prompt="The answer, as a whole number.",
                 checker=Value(expected=1, decimals=0), hints=["a", "b"], solution_text="answer_q1 = 1",
                 answer=1, wrong=[2])
    md = {"cell_type": "markdown", "metadata": {},
          "source": "# Exercise\n\nOne question (3 points) are checked automatically."}
    task = {"cell_type": "markdown", "metadata": {}, "source": "## Q1\n\nThe answer, as a whole number."}
    answer = {"cell_type": "code", "metadata": {"nbgrader": {"grade_id": "q1_answer", "solution": True}},
              "source": "answer_q1 = ...\n### BEGIN SOLUTION\nanswer_q1 = 1\n### END SOLUTION\n", "outputs": [],
              "execution_count": None}
    test = {"cell_type": "code", "metadata": {"nbgrader": {"grade_id": "q1_test", "grade": True, "points": 2}},
            "source": "q1.grade(answer_q1)", "outputs": [], "execution_count": None}
    path = tmp_path / "solutions" / "99_x" / "99_x_exercise.ipynb"
    path.parent.mkdir(parents=True)
    nb = {"cells": [md, task, answer, test], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(nb))
    lesson = tmp_path / "notebooks" / "99_x.ipynb"
    lesson.parent.mkdir()
    closing = {"cell_type": "markdown", "metadata": {},
               "source": "## Next: the exercise\n\none auto-checked question (5 points) and a written answer (4 points)"}
    lesson.write_text(json.dumps({**nb, "cells": [closing]}))
    found = disagreements("99_x", [q], root=tmp_path)
    assert len(found) == 2, found
    assert any("first cell states 3" in p for p in found) and any("lesson states 5" in p for p in found)
