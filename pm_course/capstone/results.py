"""The assessment's result from your own checks: score, pass rule, and a clear result screen.

The pass rule: at least :data:`exam.PASS_MARK` (70 %) of all the auto-graded points AND at least
:data:`exam.MODULE_MIN` (50 %) of each module's (01 to 08) auto-graded points (:func:`pass_rule`).

Self-assessed: it is the verdict on your first sealed submission
(``exam.submit()``) of a non-demo id, computed from the sealed hashes of your
variant; checks only record answers. Your instructor's grade comes from
``pm-course autograde`` and the gradebook instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.validate import number
from ..ui import esc, status_box, table
from .exam import MODULE_MIN, PASS_MARK

__all__ = ["ExamResult", "exam_result", "result_of", "pass_points", "pass_rule", "RULE"]

#: The pass rule in words (the lessons, the README and the certificates say the same).
RULE = (f"at least {PASS_MARK:.0%} of the auto-graded points overall and at least {MODULE_MIN:.0%} of each "
        f"module's (01 to 08) auto-graded points")


def pass_points(total: float) -> float:
    """The points needed to pass out of ``total`` auto-graded points (the pass mark is :data:`exam.PASS_MARK`)."""
    return PASS_MARK * number("total", total, low=0)


def pass_rule(by_module: dict) -> dict:
    """The pass rule on points by module (``{module: (points, of)}``): overall share, modules below their minimum.

    Returns ``{"score", "total", "share", "below": [modules under MODULE_MIN], "passed"}``.
    """
    if type(by_module) is not dict or not all(
            type(v) in (tuple, list) and len(v) == 2 and all(type(x) in (int, float) and x == x and x >= 0 for x in v)
            for v in by_module.values()):
        from ..core.validate import InputTypeError, describe

        raise InputTypeError(f"by_module must be a dict of module -> (points, of), two numbers 0 or more; "
                             f"got {describe(by_module)}.")
    score = float(sum(got for got, _ in by_module.values()))
    total = float(sum(of for _, of in by_module.values()))
    below = [m for m, (got, of) in by_module.items() if of > 0 and got < MODULE_MIN * of - 1e-9]
    return {"score": score, "total": total, "share": score / total if total else 0.0, "below": below,
            "passed": total > 0 and score >= PASS_MARK * total - 1e-9 and not below}


@dataclass(repr=False)
class ExamResult:
    student_id: str | None
    score: float
    total: float
    by_module: dict = field(default_factory=dict)
    not_passed: list = field(default_factory=list)
    submitted: bool = True
    note: str = ""

    @property
    def needed(self) -> float:
        return pass_points(self.total)

    @property
    def below_minimum(self) -> list[str]:
        """The modules under :data:`exam.MODULE_MIN` of their points (each one blocks the pass)."""
        return [m for m, (got, of) in self.by_module.items() if of > 0 and got < MODULE_MIN * of - 1e-9]

    @property
    def passed(self) -> bool:
        return self.total > 0 and self.score >= self.needed - 1e-9 and not self.below_minimum

    @property
    def share(self) -> float:
        return self.score / self.total if self.total else 0.0

    def as_dict(self) -> dict:
        return {"student_id": self.student_id, "score": self.score, "total": self.total, "share": self.share,
                "pass_mark": PASS_MARK, "module_min": MODULE_MIN, "passed": self.passed,
                "by_module": dict(self.by_module), "below_minimum": self.below_minimum}

    def __str__(self) -> str:
        verdict = "PASSED" if self.passed else "not passed yet"
        if not self.submitted:
            return ("Assessment 09_capstone: not submitted yet. Record your answers with qN.check(...), then "
                    "exam.submit() seals them once and gives the verdicts.")
        lines = [f"Assessment 09_capstone: {self.score:g} of {self.total:g} auto-graded points ({self.share:.0%}); "
                 f"pass mark {PASS_MARK:.0%} ({self.needed:g} points) and {MODULE_MIN:.0%} of each module: "
                 f"{verdict}."]
        for m, (got, of) in self.by_module.items():
            flag = f"  below its minimum ({MODULE_MIN * of:g})" if m in self.below_minimum else ""
            lines.append(f"  {m}: {got:g} of {of:g}{flag}")
        if self.below_minimum:
            lines.append(f"Below the {MODULE_MIN:.0%} minimum: " + ", ".join(self.below_minimum))
        if self.not_passed:
            lines.append("Not passed yet: " + ", ".join(self.not_passed))
        if self.note:
            lines.append(self.note)
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        if not self.submitted:
            return (f"<div class='pm-exam-result'>{status_box(False, 'Not submitted yet', [], str(self))}</div>")
        verdict = (f"Passed: {self.score:g} of {self.total:g} points ({self.share:.0%})" if self.passed else
                   f"Not passed yet: {self.score:g} of {self.total:g} points ({self.share:.0%})")
        detail = (f"the pass mark is {PASS_MARK:.0%} of the auto-graded points ({self.needed:g}) and at least "
                  f"{MODULE_MIN:.0%} of each module's points")
        items = ([f"Below the {MODULE_MIN:.0%} minimum: {', '.join(self.below_minimum)}"] if self.below_minimum else [])
        items += ([f"Still to pass: {', '.join(self.not_passed)}"] if self.not_passed else [])
        rows = [(m, f"{got:g}", f"{of:g}", f"{MODULE_MIN * of:g}",
                 "below the minimum" if m in self.below_minimum else "reached")
                for m, (got, of) in self.by_module.items()]
        nxt = "Next: work on the questions above, then run this cell again."
        if self.passed:  # the certificate also needs every module's exercise passed: say so, never promise it
            from ..certificate.content import eligibility

            state = eligibility()
            missing, short = state["missing_modules"], state["steps_needed"] - len(state["steps_shown"])
            todo = ([f"pass these modules' exercises (half of each one's auto-graded points): {', '.join(missing)}"]
                    if missing else [])
            todo += [f"show {short} more capstone step{'s' if short != 1 else ''} as your own work (the tracker in "
                     "the 09 lesson lists them)"] if short > 0 else []
            nxt = ("Next: pm_course.certificate.issue('Your Name') writes your certificate of completion."
                   if state["eligible"] else "Next, before the certificate: " + "; ".join(todo or [
                       "see pm_course.certificate.content.eligibility() for what is missing"]) + ".")
        return (f"<div class='pm-exam-result'>{status_box(self.passed, verdict, items, detail)}"
                f"{table(['module', 'points', 'of', 'minimum', 'minimum reached?'], rows, caption='By module')}"
                + (f"<p>{esc(self.note)}</p>" if self.note else "") +
                f"<p>{esc(nxt)} The written answers are graded by a person and are not part of this score.</p></div>")


def result_of(submission: dict) -> ExamResult:
    """The verdicts on a sealed submission (``{"student_id", "variant", "answers"}``), from the sealed hashes."""
    from ..core.validate import InputTypeError, describe
    from .questions import BY_MODULE, QUESTIONS
    from .sealed import load

    if (type(submission) is not dict or type(submission.get("student_id")) is not str
            or submission.get("variant") not in load()["seals"] or type(submission.get("answers", {})) is not dict):
        raise InputTypeError(f"submission must be a sealed submission (a dict with student_id, variant and answers, "
                             f"as exam.submit() saves it); got {describe(submission)}.")
    variant, answers = submission["variant"], submission.get("answers") or {}
    passed = {q.id for q in QUESTIONS if q.id in answers and q.verdict_of(answers[q.id], variant).passed}
    by_module = {m: (float(sum(q.points for q in qs if q.id in passed)), float(sum(q.points for q in qs)))
                 for m, qs in BY_MODULE.items()}
    return ExamResult(submission["student_id"], float(sum(q.points for q in QUESTIONS if q.id in passed)),
                      float(sum(q.points for q in QUESTIONS)), by_module,
                      [q.id for q in QUESTIONS if q.id not in passed])


def exam_result() -> ExamResult:
    """Your result: the verdicts on your first sealed submission of a non-demo id (``exam.submit()``)."""
    from .exam import first_submission
    from .questions import BY_MODULE, QUESTIONS

    first = first_submission()
    if first is None:
        by_module = {m: (0.0, float(sum(q.points for q in qs))) for m, qs in BY_MODULE.items()}
        return ExamResult(None, 0.0, float(sum(q.points for q in QUESTIONS)), by_module, [q.id for q in QUESTIONS],
                          submitted=False)
    return result_of(first)
