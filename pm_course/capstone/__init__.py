"""Module 09, Capstone, assessment and certificate: the Shiftbrew case end to end.

Importing this package is cheap (pure logic only). The capstone's steps and the
portfolio live in :mod:`pm_course.capstone.steps` and
:mod:`pm_course.capstone.folio` (matplotlib is imported only when a
portfolio is written), the widgets in :mod:`pm_course.capstone.widgets`, the
assessment's case in :mod:`pm_course.capstone.exam` and its questions in
:mod:`pm_course.capstone.questions`.
"""

from .exam import ASSIGNMENT, PASS_MARK, Case, bind, case_for, submitter, use
from .steps import STEPS, load_step, save_step, saved_steps

__all__ = ["ASSIGNMENT", "PASS_MARK", "Case", "bind", "case_for", "submitter", "use", "STEPS", "save_step",
           "load_step", "saved_steps", "portfolio", "result"]


def portfolio(path="shiftbrew_portfolio.html", pdf=True, **kwargs):
    """Write your capstone portfolio: one self-contained HTML file (and a PDF); returns the paths written."""
    from .folio import write_portfolio

    return write_portfolio(path, pdf=pdf, **kwargs)


def result():
    """Your assessment result: the verdicts on your first sealed submission (``exam.submit()``), the pass mark and
    whether you passed."""
    from .results import exam_result

    return exam_result()
