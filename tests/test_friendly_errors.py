"""In a real kernel, course errors show as their message alone, yet still count as errors."""

import nbformat
from nbclient import NotebookClient


def run(*sources):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    NotebookClient(nb, kernel_name="python3", allow_errors=True, timeout=60).execute()
    return [[o for o in c.outputs if o.output_type == "error"] for c in nb.cells]


def test_course_errors_are_short_errors_and_others_keep_their_traceback():
    bad_arg, failed_grade, other = run(
        "import pm_course\nfrom pm_course.core.validate import fraction\nfraction('confidence', 80)",
        "from pm_course.welcome.questions import q1\nq1.grade(3)",
        "1 / 0",
    )
    assert len(bad_arg) == 1 and bad_arg[0].ename == "InputError"
    text = "\n".join(bad_arg[0].traceback)
    assert "did you mean 0.8?" in text and "Traceback" not in text and len(bad_arg[0].traceback) == 1
    assert len(failed_grade) == 1 and failed_grade[0].ename == "GradeFailed"
    assert "Not passed yet" in failed_grade[0].traceback[0] and "too low" in failed_grade[0].traceback[0]
    assert len(other) == 1 and "Traceback" in "\n".join(other[0].traceback)
