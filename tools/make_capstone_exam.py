"""Write the assessment's nbgrader source, solutions/09_capstone/09_capstone_exercise.ipynb, from its questions.

    python tools/make_capstone_exam.py && python tools/release.py 09_capstone

The questions live in pm_course/capstone/questions.py, grouped by module in
``BY_MODULE`` (the one place a module's questions are added); their worked
solutions live with the reference answers in tools/capstone_reference.py (the
release strips them). This script writes one part per module, in course order,
each question as its prompt, its answer cell (the placeholder, the worked
solution, the check that records the answer) and its locked test cell (bound to
the submitter's id while grading; its hidden test verifies the answer against
the sealed hashes, with a function question's hidden inputs), then the written
answers, the submission and the result.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import capstone_reference as R  # noqa: E402

from pm_course.capstone import questions as Q  # noqa: E402
from pm_course.course import exercise_file, module  # noqa: E402

OUT = ROOT / "solutions" / "09_capstone" / exercise_file("09_capstone")

def md(src):
    return nbformat.v4.new_markdown_cell(src)


def code(src, meta=None):
    c = nbformat.v4.new_code_cell(src)
    if meta:
        c.metadata["nbgrader"] = meta
    return c


def meta(gid, *, grade=False, solution=False, locked=False, points=None):
    m = {"grade": grade, "grade_id": gid, "locked": locked, "schema_version": 3, "solution": solution, "task": False}
    if points is not None:
        m["points"] = points
    return m



auto = Q.points()
written = sum(w.points for w in Q.WRITTEN)


def _ids(qs):
    names = [q.id.upper() for q in qs]
    return ", ".join(names[:-1]) + " and " + names[-1]


_OWN = [q for q in Q.QUESTIONS if q.id in Q.VARIANT]
_SAME = [q for q in Q.QUESTIONS if q.id not in Q.VARIANT]
_SAME_MODULES = [m for m, qs in Q.BY_MODULE.items() if qs and all(q.id not in Q.VARIANT for q in qs)]


def _same_sentence() -> str:
    """What is the same for everyone (the function question's visible tests), said from the declarations."""
    if not _SAME:
        return ""
    return (f"{_ids(_SAME)} {'is' if len(_SAME) == 1 else 'are'} the same for everyone: you write a function, "
            "checked on a few fixed inputs here and, when graded, on your own backlog too.")


cells = []
cells.append(md(f"""# 09 · Capstone assessment

The assessment of the whole course: {len(Q.QUESTIONS)} auto-graded questions drawn from the learning objectives of
every module (the PM's role, research, vision and OKRs, prioritization, stakeholders, data and launch, career,
leading), on
**your own variant** of the Shiftbrew case, and two written answers. Back to the lesson:
[09 · Capstone and certificate](../../notebooks/09_capstone.ipynb).

**Your variant.** Declare your id once, in the first answer cell: `STUDENT_ID = "..."`, the id your instructor
gave you (your nbgrader id), or any name you choose if you study on your own. Your case is derived from that id:
its figures (the backlog's reach and effort, your survey subset, the funnel, the A/B counts, the weekly sites ...)
and the items the concept questions ask about (the tasks, statements, factors and goal you classify). So on
{len(_OWN)} of the {len(Q.QUESTIONS)} auto-graded questions ({_ids(_OWN)}: {sum(q.points for q in _OWN)} of the {auto}
points) your neighbour's numbers and items are not yours. {_same_sentence()} The setup cell prints both
lists. When the assessment is graded, the figures are bound to the id
you submitted under: a notebook whose declared id is not yours scores no marks on the questions, with a message.

**How it works: an exam.** Replace each `...` with your answer and run the cell: `qN.check(answer_qN)` checks
the form of your answer and records it (run it again to change it); it does not say whether it is right.
`qN.hint()` gives a nudge (call it again for the next). There are no worked solutions here: applying the course's
tools to your case is the work. When every answer is recorded, `exam.submit()` seals your answers, once, and shows
the verdicts: your first submission is the one your self-assessed certificate uses. The cell after each answer is
the grader's test: run it, leave it as it is. Compute your answers in code from `case`; don't type numbers.

**Points.** {auto} points auto-graded; you pass with at least {Q.exam.PASS_MARK:.0%} of them
({Q.exam.PASS_MARK * auto:g} points) and at least {Q.exam.MODULE_MIN:.0%} of each module's points. {written} points for the two written answers, graded by a person with the
mark scheme shown. **Time:** about 90 minutes. The last cells show your result."""))
cells.append(code(f"""from pm_course.data import load
from pm_course.capstone import exam
from pm_course.capstone.widgets import capacity_planner
from pm_course.role import role_of, compound_growth_rate
from pm_course.research import nps, bottom_up, check_job_story
from pm_course.vision import key_result_progress, okr_score, roadmap_column
from pm_course.prioritization import rice_score, wsjf, kano_category, best_within_capacity
from pm_course.collaboration import stakeholder_quadrant, validate_raci
from pm_course.data_launch import overall_conversion, z_test, sample_size_per_arm, launch_tier
from pm_course.career import missing_letters
from pm_course.leading import kotter_kind, HERZBERG_FACTORS
from pm_course.capstone.questions import (
    {", ".join(q.id for q in Q.QUESTIONS)}, {", ".join(w.id for w in Q.WRITTEN)},
)
print("Assessment 09_capstone: {len(Q.QUESTIONS)} auto-graded questions, {len(Q.WRITTEN)} written answers")
from pm_course.capstone.questions import QUESTIONS, VARIANT
print("On your own case:", ", ".join(q.id.upper() for q in QUESTIONS if q.id in VARIANT))
print("The same for everyone:", ", ".join(q.id.upper() for q in QUESTIONS if q.id not in VARIANT))""",
    meta("setup", locked=True)))
cells.append(md("""## Your id and your case

Write your id between the quotes and run the cell. `case` then holds your figures: `case.backlog`,
`case.capacity`, `case.survey_scores`, `case.cafes`, `case.annual_value`, `case.key_results`,
`case.stakeholders`, `case.funnel`, `case.ab`, `case.planning` and `case.weekly_sites` (the cell shows them), and
the items of the concept questions: `case.role_tasks`, `case.job_story_options`, `case.roadmap_items`,
`case.kano_pair`, `case.raci_matrix`, `case.launch_change`, `case.goal`, `case.kotter_activities` and
`case.factors` (each question shows its own; `case.as_dict()` gives everything as plain data)."""))
cells.append(code("""STUDENT_ID = ...   # your id in quotes, e.g. STUDENT_ID = "s1234"
### BEGIN SOLUTION
STUDENT_ID = exam.submitter() or exam.DEMO_ID
### END SOLUTION
case = exam.use(STUDENT_ID)
case""", meta("student_id", solution=True)))

parts = [(f"Part {i} · {module(m).title} (module {module(m).number})", [q.id for q in qs])
         for i, (m, qs) in enumerate(Q.BY_MODULE.items(), 1)]
#: Each concept question shows its case's items under its prompt (a code cell; the items differ by learner).
show_items = {"q1": "case.role_tasks", "q5": "case.job_story_options", "q8": "case.roadmap_items",
              "q13": "case.kano_pair", "q16": "case.raci_matrix", "q20": "case.launch_change", "q21": "case.goal",
              "q22": "case.kotter_activities", "q23": "case.factors"}
byid = {q.id: q for q in Q.QUESTIONS}
for title, ids in parts:
    cells.append(md(f"## {title}"))
    for qid in ids:
        q = byid[qid]
        n = qid[1:]
        if qid == "q12":
            cells.append(md("Open the capacity planner for your case and try combinations (the answer cell below "
                            "sets the planner from code, because the notebook is re-run when it is graded: copy "
                            "the `planner.set([...])` line the planner shows)."))
            cells.append(code("planner = capacity_planner(case)\nplanner"))
        head = f"**Q{n} ({q.points} point{'s' if q.points > 1 else ''}).** {q.prompt}"
        cells.append(md(head))
        if qid in show_items:
            cells.append(code(show_items[qid]))
        if qid == "q14":
            stub = "def rank_by_rice(backlog):\n    return ...  # your code here"
            check = "q14.check(rank_by_rice)"
            name = "rank_by_rice"
        else:
            stub = f"answer_{qid} = ..."
            if qid == "q12":
                stub = "answer_q12 = ...   # the planner.set([...]) line, then: answer_q12 = planner"
            check = f"{qid}.check(answer_{qid})"
            name = f"answer_{qid}"
        cells.append(code(f"{stub}\n### BEGIN SOLUTION\n{R.BY_ID[qid].solution_text}\n### END SOLUTION\n{check}",
                          meta(f"{qid}_answer", solution=True)))
        test = (f"from pm_course.capstone.questions import {qid}\nfrom pm_course.capstone import exam\n"
                f"case = exam.bind(STUDENT_ID)\n{qid}.grade({name})")
        # every question's hidden test: the sealed verdict, with a function question's hidden inputs
        test += f"\n### BEGIN HIDDEN TESTS\n{qid}.grade({name}, hidden=True)\n### END HIDDEN TESTS"
        cells.append(code(test, meta(f"{qid}_test", grade=True, locked=True, points=q.points)))

cells.append(md(f"## Part {len(parts) + 1} · Written answers (graded by a person)"))
for w in Q.WRITTEN:
    n = w.id[1:]
    scheme = "\n".join(f"{i}. {s}" for i, s in enumerate(w.mark_scheme, 1))
    cells.append(md(f"**W{n} ({w.points} points, graded by your instructor).** {w.prompt}\n\n"
                    f"Write between the triple quotes and run the cell: `{w.id}.check(answer_{w.id})` reviews your "
                    f"draft by a few word rules (they only look for words; a person grades it). After a first "
                    f"draft, `{w.id}.solution()` shows a model answer.\n\n**Mark scheme.**\n\n{scheme}"))
    cells.append(code(f'answer_{w.id} = """\n"""\n### BEGIN SOLUTION\nanswer_{w.id} = """{w.model_answer}"""\n'
                      f"### END SOLUTION\n{w.id}.check(answer_{w.id})",
                      meta(w.id, grade=True, solution=True, points=w.points)))

cells.append(md(f"""## Your result

When every answer above is recorded, submit: `exam.submit()` seals your answers once and shows the verdicts
(it lists any question without a recorded answer first; `exam.submit(anyway=True)` submits as it is). Your first
submission under your own id is the one that counts; the demo id's variant is practice and never counts. The cell
after it shows your result: you pass with at
least {Q.exam.PASS_MARK:.0%} of the {auto} auto-graded points and at least {Q.exam.MODULE_MIN:.0%} of each module's points; the
result shows each module and which one is below its minimum. Once you have passed, and passed all eight module exercises with
half of each one's auto-graded points, `pm_course.certificate.issue("Your Name")` writes your self-assessed
certificate, listing the modules you passed; your
instructor's signed certificate comes from the graded run (`pm-course certify`).

Back to the lesson: [09 · Capstone and certificate](../../notebooks/09_capstone.ipynb). This is the last module:
the course map is in the [welcome notebook](../../notebooks/00_welcome.ipynb)."""))
cells.append(code("# when every answer is recorded, remove the # below and run this cell, once\n# exam.submit()"))
cells.append(code("import pm_course.capstone\npm_course.capstone.result()", meta("result", locked=True)))
cells.append(code('import pm_course.progress\npm_course.progress.review("09_capstone")', meta("review", locked=True)))
for i, c in enumerate(cells):  # stable ids, so that a regeneration changes only what changed
    c.id = c.metadata.get("nbgrader", {}).get("grade_id", "").replace("_", "-") or f"cell-{i:03d}"
nb = nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}, "language_info": {"name": "python"}})
nb.nbformat_minor = 5
nbformat.write(nb, OUT)
print(f"wrote {OUT.relative_to(ROOT)} ({len(cells)} cells)")
