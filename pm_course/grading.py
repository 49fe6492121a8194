"""nbgrader integration: the preprocessor that keeps a submission from tampering with its tests.

nbgrader_config.py adds :class:`TamperGuard` to autograding, after nbgrader has
restored the instructor's locked cells. Every other code cell (answer cells and
any cell the learner added) is scanned by :func:`pm_course.core.guard.scan`;
a cell that reaches for the grading machinery is replaced by one that raises
an error saying what was found, so it is not run, its tests fail and the
instructor sees the reason in the feedback. Imported only by nbgrader.
"""

from __future__ import annotations

from nbgrader.preprocessors import NbGraderPreprocessor

from .core.guard import scan

MESSAGE = (
    "raise RuntimeError({text!r})  # pm_course: this cell was not run when grading\n"
)


class TamperGuard(NbGraderPreprocessor):
    """Replace learner cells that reach for the grading machinery with a cell that raises."""

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code":
            return cell, resources
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("locked") or meta.get("grade"):
            return cell, resources  # the instructor's cells, already restored by OverwriteCells
        reasons = scan(cell.source)
        if reasons:
            text = (
                "This cell was not run for grading: it " + "; ".join(reasons)
                + ". Exercises need only values and small functions; ask your instructor if this is a mistake."
            )
            self.log.warning("Cell %s (%s) not run: %s", index, meta.get("grade_id", "added by the learner"), reasons)
            cell.source = MESSAGE.format(text=text)
        return cell, resources


class HideHiddenTests(NbGraderPreprocessor):
    """For ``nbgrader generate_feedback``: test cells lose their hidden part, and errors show their message only.

    nbgrader's own feedback shows the autograded notebook, whose test cells hold
    the hidden tests (expected values included) when plain ``nbgrader
    autograde`` made it. ``pm-course autograde`` already writes test cells
    without them; this keeps the plain path from leaking them too.
    """

    def preprocess_cell(self, cell, resources, index):
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
            from .autograde.engine import strip_hidden_tests

            cell.source = strip_hidden_tests(cell.source)
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error":
                    out["traceback"] = [f"{out.get('ename', 'Error')}: {out.get('evalue', '')}"]
        return cell, resources
