"""Feedback objects: what check(), hint() and solution() return.

Each renders as HTML in JupyterLab (``_repr_html_``) and as plain text in a
terminal or in nbgrader's feedback (``__str__``). They hold plain data
(``outcome``, ``title``, ``lines``) so tests can read them.

An outcome is an :class:`Outcome`, a ``StrEnum``: each member is equal to
the text the progress store has always recorded for it (``"passed"``,
``"not attempted"``, ...), so stored events and exports read the same, and
mypy checks every use against the list.

>>> Feedback("passed", "q1", "well done").outcome is Outcome.PASSED
True
>>> Outcome.NOT_ATTEMPTED == "not attempted"
True
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "Feedback", "Outcome",
    "PASSED", "FAILED", "NOT_ATTEMPTED", "INVALID", "HINT", "SOLUTION", "INFO", "REVIEWED", "GRADE_PENDING",
]


class Outcome(StrEnum):
    """What an action on a question came to. The values are the texts kept in the progress store: never change one."""

    PASSED = "passed"
    FAILED = "failed"
    NOT_ATTEMPTED = "not attempted"
    INVALID = "invalid"  # malformed answer: wrong type, NaN, empty ...
    HINT = "hint"
    SOLUTION = "solution"
    INFO = "info"
    REVIEWED = "reviewed"  # a written answer read by word rules: formative, not a grade
    GRADE_PENDING = "not graded yet"  # a grading cell run by the learner before the answer is written


PASSED = Outcome.PASSED
FAILED = Outcome.FAILED
NOT_ATTEMPTED = Outcome.NOT_ATTEMPTED
INVALID = Outcome.INVALID
HINT = Outcome.HINT
SOLUTION = Outcome.SOLUTION
INFO = Outcome.INFO
REVIEWED = Outcome.REVIEWED
GRADE_PENDING = Outcome.GRADE_PENDING

# Colour-blind-safe accents (Okabe-Ito) with a text label, so colour is never the only cue.
_STYLE: dict[Outcome, tuple[str, str]] = {
    PASSED: ("#009E73", "Correct"),
    FAILED: ("#D55E00", "Not yet"),
    NOT_ATTEMPTED: ("#56B4E9", "Not attempted"),
    INVALID: ("#E69F00", "Check the form of your answer"),
    HINT: ("#0072B2", "Hint"),
    SOLUTION: ("#CC79A7", "Solution"),
    INFO: ("#999999", "Note"),
    REVIEWED: ("#0072B2", "Writing checks"),
    GRADE_PENDING: ("#56B4E9", "Not graded yet"),
}


@dataclass
class Feedback:
    """The outcome of an action on a question, with the lines that explain it."""

    outcome: Outcome
    question: str
    title: str
    lines: list[str] = field(default_factory=list)
    code: str = ""  # shown in a code block (solutions)

    def __post_init__(self) -> None:
        if not isinstance(self.outcome, Outcome):
            try:
                self.outcome = Outcome(self.outcome)
            except ValueError:
                raise ValueError(f"outcome must be one of {', '.join(repr(o.value) for o in Outcome)}; "
                                 f"got {self.outcome!r}.") from None

    @property
    def passed(self) -> bool:
        return self.outcome == PASSED

    def __str__(self) -> str:
        label = _STYLE[self.outcome][1]
        head = f"[{label}] {self.question}: {self.title}" if self.question else f"[{label}] {self.title}"
        body = [head] + [f"  - {line}" for line in self.lines]
        if self.code:
            body += ["", *("    " + c for c in self.code.rstrip().splitlines())]
        return "\n".join(body)

    def __repr__(self) -> str:  # a terminal shows the same words as the notebook
        return str(self)

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(str(self))

    def _repr_html_(self) -> str:
        colour, label = _STYLE[self.outcome]
        esc = html.escape
        items = "".join(f"<li>{esc(line)}</li>" for line in self.lines)
        code = f"<pre style='margin:.4em 0 0 0'>{esc(self.code.rstrip())}</pre>" if self.code else ""
        q = f"<span style='opacity:.75'>{esc(self.question)}</span> " if self.question else ""
        return (
            f"<div class='pm-feedback pm-{self.outcome.replace(' ', '-')}' role='status' "
            f"style='border-left:6px solid {colour};padding:.5em .8em;margin:.3em 0;"
            f"background:rgba(127,127,127,.08)'>"
            f"<strong style='color:{colour}'>{esc(label)}</strong> {q}&mdash; {esc(self.title)}"
            f"{'<ul style=margin:.3em 0 0 1.2em>' + items + '</ul>' if items else ''}{code}</div>"
        )
