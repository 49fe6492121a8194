"""nbgrader invariants (DESIGN.md): the release is exactly nbgrader's, solutions score full marks,
an untouched release scores zero, and hostile submissions gain nothing and hang nothing."""

from __future__ import annotations

import json

import nbformat
import pytest
from nbgrader_course import ROOT, Course, assignments

from pm_course.course import exercise_file

ASSIGNMENTS = assignments()
VOLATILE_NB_METADATA = {"language_info"}  # differs by the kernel that last saved a file, not by content


def normalise(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for key in VOLATILE_NB_METADATA:
        nb.get("metadata", {}).pop(key, None)
    return nb


def test_every_published_module_with_questions_has_an_exercise():
    from pm_course.course import MODULES, questions

    for m in MODULES:
        if m.ready and m.package and m.number != "00" and questions(m.name):
            assert m.name in ASSIGNMENTS, f"{m.name}: no solutions/{m.name}/"
            assert (ROOT / "solutions" / m.name / exercise_file(m.name)).exists()


def test_exercises_hold_nothing_but_releases():
    released = sorted(p.name for p in (ROOT / "exercises").iterdir() if p.is_dir())
    assert released == ASSIGNMENTS


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_roundtrip(assignment, tmp_path):
    course = Course(tmp_path, assignment)

    # 1. exercises/ equals what nbgrader generates from solutions/ today.
    committed = sorted(p.relative_to(ROOT / "exercises" / assignment) for p in (ROOT / "exercises" / assignment).rglob("*") if p.is_file())
    generated = sorted(p.relative_to(course.release) for p in course.release.rglob("*") if p.is_file())
    assert committed == generated, "run `make release`"
    for rel in generated:
        if rel.suffix == ".ipynb":
            assert normalise(ROOT / "exercises" / assignment / rel) == normalise(course.release / rel), (
                f"exercises/{assignment}/{rel} differs from nbgrader's release: run `make release`"
            )

    # 2 and 3. Solutions as a submission: full marks. The untouched release: zero, and it finishes.
    notebooks = [p.name for p in (ROOT / "solutions" / assignment).glob("*.ipynb")]
    course.submit("solution", {n: ROOT / "solutions" / assignment / n for n in notebooks})
    course.submit("untouched", {n: course.release / n for n in notebooks})
    out, seconds = course.autograde()
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    for name, (score, top) in course.scores("solution").items():
        assert top > 0, f"{name} has no autograded tests"
        assert score == top, f"{name}: solutions scored {score} of {top}\n{out.stderr[-3000:]}"
    for name, (score, top) in course.scores("untouched").items():
        assert score == 0, f"{name}: an untouched release scored {score} of {top}"


ATTACKS = {
    # cell index among the answer cells -> hostile source
    0: "get_ipython().set_custom_exc((Exception,), lambda *a, **k: None)  # hide every failing test's error",
    1: "while True:\n    pass",
    2: "for i in range(100_000):\n    print('flood', i)",
    3: "import pm_course\nfor q in list(vars(pm_course)):\n    pass\npm_course.grade = None",
    4: "raise SystemExit('bye')",
}
ADDED = [
    "import os\nos._exit(0)",
    # Without the guard this one alone scores full marks on an empty submission (docs/instructors.md).
    "from pm_course.core.question import Question\nQuestion.grade = lambda *a, **k: None",
]


def hostile(release_nb: dict) -> dict:
    nb = json.loads(json.dumps(release_nb))
    answers = [c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("solution") and c["cell_type"] == "code"]
    for i, src in ATTACKS.items():
        if i < len(answers):
            answers[i]["source"] = src
    tests = [c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade") and c["cell_type"] == "code"
             and not c["metadata"]["nbgrader"].get("solution")]  # test cells, not written answers in code cells
    for c in tests:
        c["source"] = "pass  # edited by the learner"
    first_answer = nb["cells"].index(answers[0])
    for src in reversed(ADDED):
        nb["cells"].insert(first_answer, nbformat.v4.new_code_cell(src))
    return nb


@pytest.mark.parametrize("assignment", [a for a in ASSIGNMENTS if a == "04_prioritization"] or ASSIGNMENTS[:1])
def test_hostile_submissions_gain_nothing_and_hang_nothing(assignment, tmp_path):
    course = Course(tmp_path, assignment)
    notebooks = [p.name for p in (ROOT / "solutions" / assignment).glob("*.ipynb")]
    course.submit("hostile", {n: hostile(json.loads((course.release / n).read_text())) for n in notebooks})
    course.submit("honest", {n: ROOT / "solutions" / assignment / n for n in notebooks})
    out, seconds = course.autograde("--Execute.timeout=10")
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    for name, (score, top) in course.scores("hostile").items():
        assert score == 0, f"{name}: a hostile submission scored {score} of {top}"
    for name, (score, top) in course.scores("honest").items():
        assert score == top, f"{name}: the honest submission in the same batch scored {score} of {top}"
    graded = (tmp_path / "autograded" / "hostile" / assignment / notebooks[0]).read_text()
    assert "was not run for grading" in graded and "get_ipython" in graded
    assert "pass  # edited by the learner" not in graded  # nbgrader restored the tests
