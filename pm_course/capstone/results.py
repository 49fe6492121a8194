"""The assessment's result from your own checks: score, pass mark, and a clear result screen.

Self-assessed: it counts the auto-graded questions whose latest check passed
since you declared your id (``exam.use``). Your instructor's grade comes from
``pm-course autograde`` and the gradebook instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core import progress
from ..core.validate import number
from ..ui import esc, status_box, table
from .exam import ASSIGNMENT, PASS_MARK

__all__ = ["ExamResult", "exam_result", "pass_points"]


def pass_points(total: float) -> float:
    """The points needed to pass out of ``total`` auto-graded points (the pass mark is :data:`exam.PASS_MARK`)."""
    return PASS_MARK * number("total", total, low=0)


@dataclass(repr=False)
class ExamResult:
    student_id: str | None
    score: float
    total: float
    by_module: dict = field(default_factory=dict)
    not_passed: list = field(default_factory=list)

    @property
    def needed(self) -> float:
        return pass_points(self.total)

    @property
    def passed(self) -> bool:
        return self.total > 0 and self.score >= self.needed - 1e-9

    @property
    def share(self) -> float:
        return self.score / self.total if self.total else 0.0

    def as_dict(self) -> dict:
        return {"student_id": self.student_id, "score": self.score, "total": self.total, "share": self.share,
                "pass_mark": PASS_MARK, "passed": self.passed, "by_module": dict(self.by_module)}

    def __str__(self) -> str:
        verdict = "PASSED" if self.passed else "not passed yet"
        lines = [f"Assessment 09_capstone: {self.score:g} of {self.total:g} auto-graded points ({self.share:.0%}); "
                 f"pass mark {PASS_MARK:.0%} ({self.needed:g} points): {verdict}."]
        for m, (got, of) in self.by_module.items():
            lines.append(f"  {m}: {got:g} of {of:g}")
        if self.not_passed:
            lines.append("Not passed yet: " + ", ".join(self.not_passed))
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        verdict = (f"Passed: {self.score:g} of {self.total:g} points ({self.share:.0%})" if self.passed else
                   f"Not passed yet: {self.score:g} of {self.total:g} points ({self.share:.0%})")
        detail = f"the pass mark is {PASS_MARK:.0%} of the auto-graded points ({self.needed:g})"
        items = ([f"Still to pass: {', '.join(self.not_passed)}"] if self.not_passed else [])
        rows = [(m, f"{got:g}", f"{of:g}") for m, (got, of) in self.by_module.items()]
        nxt = "Next: work on the questions above, then run this cell again."
        if self.passed:  # the certificate also needs every module's exercise attempted: say so, never promise it
            from ..certificate.content import eligibility

            missing = eligibility()["missing_modules"]
            nxt = ("Next: pm_course.certificate.issue('Your Name') writes your certificate of completion."
                   if not missing else "Next, before the certificate: attempt these modules' exercises: "
                   + ", ".join(missing) + ".")
        return (f"<div class='pm-exam-result'>{status_box(self.passed, verdict, items, detail)}"
                f"{table(['module', 'points', 'of'], rows, caption='By module')}"
                f"<p>{esc(nxt)} The written answers are graded by a person and are not part of this score.</p></div>")


def exam_result() -> ExamResult:
    """Your result so far: the auto-graded questions whose latest check (since your id) passed."""
    from .questions import BY_MODULE, QUESTIONS

    since = 0.0
    sid = None
    for a in progress.artifacts(ASSIGNMENT):
        if a["key"] == "student_id":
            since, sid = a["ts"], a["data"]
    latest: dict[str, str] = {}
    for e in progress.events(ASSIGNMENT):
        if e["action"] == "check" and e["ts"] >= since:
            latest[e["question"]] = e["outcome"]
    passed = {q.id for q in QUESTIONS if latest.get(q.id) == "passed"}
    by_module = {m: (sum(q.points for q in qs if q.id in passed), sum(q.points for q in qs))
                 for m, qs in BY_MODULE.items()}
    return ExamResult(sid, float(sum(q.points for q in QUESTIONS if q.id in passed)),
                      float(sum(q.points for q in QUESTIONS)), by_module,
                      [q.id for q in QUESTIONS if q.id not in passed])
