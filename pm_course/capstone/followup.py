"""The applied follow-up (assignment ``10_followup``): what you applied at work, the evidence, the metric that moved.

Your instructor releases it some weeks after the capstone (by default
:data:`exam.FOLLOWUP_WEEKS`, 8) and grades its written answers with the mark
scheme shown in the notebook; ``pm-course certify`` needs it graded. One small
part is checked by code (:func:`check_metric`): the metric is named, with a
value before and after and when each was measured. Pure logic: no widgets.
"""

from __future__ import annotations

import math
from typing import Any

from ..core.validate import GradeFailed, describe

__all__ = ["metric_problems", "check_metric", "release_date"]


def metric_problems(metric: Any, before: Any, after: Any, when: Any) -> list[str]:
    """What is missing or wrong in the record of the metric that moved (an empty list: complete)."""
    out = []
    if metric is Ellipsis or type(metric) is not str or len(metric.strip()) < 3:
        out.append(f"METRIC must name the metric you watched, in words (e.g. \"median minutes to build a week's "
                   f"rota\"); got {describe(metric)}.")
    for label, v in (("BEFORE", before), ("AFTER", after)):
        if type(v) not in (int, float) or isinstance(v, bool) or not math.isfinite(v):
            out.append(f"{label} must be the metric's value as a number (e.g. 95 or 0.42); got {describe(v)}.")
    if not out and before == after:
        out.append(f"BEFORE and AFTER are the same ({before!r}): report a metric that moved, or say in the written "
                   "answer why it did not and what you changed next.")
    if when is Ellipsis or type(when) is not str or len(when.strip()) < 4:
        out.append(f"WHEN must say when each value was measured (e.g. \"2027-01-04 and 2027-02-22\"); "
                   f"got {describe(when)}.")
    return out


def check_metric(metric: Any, before: Any, after: Any, when: Any) -> bool:
    """The auto-graded part of the follow-up: raises while grading when the record is incomplete; else says what to do."""
    from ..core.question import grading_strict

    problems = metric_problems(metric, before, after, when)
    if problems and grading_strict():
        raise GradeFailed("\n" + "\n".join(problems))
    if problems:
        print("Not complete yet:\n- " + "\n- ".join(problems))
        return False
    change = after - before
    print(f"metric: passed ({metric}: {before:g} -> {after:g}, a change of {change:+g})")
    return True


def release_date(capstone_date: Any, weeks: Any = None) -> str:
    """When to release the follow-up: ``weeks`` (default :data:`exam.FOLLOWUP_WEEKS`, 8) after the capstone's date.

    >>> release_date("2027-01-04")
    '2027-03-01'
    """
    import datetime as dt

    from ..core.validate import InputError, InputTypeError
    from .exam import FOLLOWUP_WEEKS

    weeks = FOLLOWUP_WEEKS if weeks is None else weeks
    if type(weeks) is not int or not 1 <= weeks <= 104:
        raise InputTypeError(f"weeks must be a whole number of weeks from 1 to 104; got {describe(weeks)}.")
    try:
        day = dt.date.fromisoformat(capstone_date) if type(capstone_date) is str else None
    except ValueError:
        day = None
    if day is None:
        raise InputError(f"capstone_date must be a date like '2027-01-04' (YYYY-MM-DD); got {describe(capstone_date)}.")
    return (day + dt.timedelta(weeks=weeks)).isoformat()
