"""Spaced retrieval: a few questions from earlier modules at the top of a lesson, answered from memory.

Why: recalling what you learned, rather than reading it again, makes it last (the testing effect: Roediger and
Karpicke, "Test-enhanced learning", *Psychological Science* 17(3), 2006), and practice spread over time lasts
longer than practice massed together (Cepeda et al., *Psychological Bulletin* 132(3), 2006).

The questions are practice, not assessment. Each attempt is recorded in progress as a ``retrieval`` event
(question ``recall-<id>``, outcome ``recalled`` or ``missed``), never as a ``check``: it earns no points, marks no
question passed, and never reaches the certificate, which read only checks.

Declare an opener once per lesson (see :mod:`pm_course.openers`); :func:`pm_course.ui.before_you_start` shows it.

>>> op = Opener("03_vision_strategy_roadmap", (
...     Recall("r1", "02_research", "NPS runs from", ("0 to 10", "-100 to 100"), "-100 to 100", "02 §5."),
...     Recall("r2", "01_pm_role", "Cagan names how many product risks?", ("three", "four"), "four", "01 §1.")))
>>> op.item("r1").answer
'-100 to 100'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import progress
from .validate import InputError, InputTypeError, describe

__all__ = ["Recall", "Opener", "attempts", "ACTION", "OUTCOMES", "question_id"]

#: the progress action of a retrieval attempt (never "check": it is not graded)
ACTION = "retrieval"
#: the outcomes an attempt is recorded with
OUTCOMES = ("recalled", "missed")
MIN_ITEMS, MAX_ITEMS = 2, 3


def question_id(item_id: str) -> str:
    """The progress question id of a recall item: ``recall-r1`` (never a ``qN`` or ``wN`` of an exercise)."""
    from .validate import text

    return f"recall-{text('item_id', item_id)}"


@dataclass(frozen=True)
class Recall:
    """One recall question: ``source`` is the earlier module it comes from (e.g. ``"01_pm_role"``), ``options``
    the choices shown, ``answer`` the right one, ``why`` the explanation shown after an attempt (where the earlier
    lesson taught it)."""

    id: str
    source: str
    prompt: str
    options: tuple[str, ...]
    answer: str
    why: str

    def __post_init__(self) -> None:
        for name in ("id", "source", "prompt", "answer", "why"):
            if type(getattr(self, name)) is not str or not getattr(self, name).strip():
                raise InputTypeError(f"Recall.{name} must be non-empty text; got {describe(getattr(self, name))}.")
        if type(self.options) is not tuple or len(self.options) < 2 or any(type(o) is not str for o in self.options):
            raise InputTypeError(f"Recall {self.id!r}: options must be a tuple of at least two texts; "
                                 f"got {describe(self.options)}.")
        if len(set(self.options)) != len(self.options):
            raise InputError(f"Recall {self.id!r}: the options repeat one another.")
        if self.answer not in self.options:
            raise InputError(f"Recall {self.id!r}: the answer {self.answer!r} is not among its options.")


@dataclass(frozen=True)
class Opener:
    """The recall questions that open one lesson: 2 or 3, each from a different, earlier module."""

    module: str
    items: tuple[Recall, ...]

    def __post_init__(self) -> None:
        from ..course import module as course_module

        here = course_module(self.module)
        if type(self.items) is not tuple or not MIN_ITEMS <= len(self.items) <= MAX_ITEMS:
            raise InputError(f"An opener must hold a tuple of {MIN_ITEMS} to {MAX_ITEMS} recall questions; "
                             f"{self.module} got {len(self.items) if type(self.items) is tuple else describe(self.items)}.")
        ids, sources = [r.id for r in self.items], [r.source for r in self.items]
        if len(set(ids)) != len(ids):
            raise InputError(f"{self.module}: recall ids repeat: {ids}.")
        if len(set(sources)) != len(sources):
            raise InputError(f"{self.module}: at most one recall question per earlier module; got {sources}.")
        for r in self.items:
            if course_module(r.source).number >= here.number:
                raise InputError(f"{self.module}: recall {r.id!r} comes from {r.source}, which is not an earlier "
                                 "module.")

    def item(self, item_id: str) -> Recall:
        """The recall question with this id."""
        for r in self.items:
            if r.id == item_id:
                return r
        raise InputError(f"{self.module} has no recall question {item_id!r}; it has "
                         f"{', '.join(r.id for r in self.items)}.")

    def choice(self, item_id: str, choice: Any) -> str:
        """``choice`` if it is one of the item's options (validated, as given), else a clear error."""
        r = self.item(item_id)
        if type(choice) is not str or choice not in r.options:
            raise InputError(f"{r.id}: pick one of {', '.join(map(repr, r.options))}; got {describe(choice)}.")
        return choice

    def attempt(self, item_id: str, choice: str) -> dict[str, Any]:
        """Judge one answer from memory and record it as a retrieval attempt (not a check: it is never graded).

        Returns ``{"id", "choice", "correct", "answer", "why"}``.
        """
        picked = self.choice(item_id, choice)
        r = self.item(item_id)
        correct = picked == r.answer
        progress.record(self.module, question_id(r.id), ACTION, OUTCOMES[0] if correct else OUTCOMES[1])
        return {"id": r.id, "choice": picked, "correct": correct, "answer": r.answer, "why": r.why}


def attempts(module: str | None = None) -> list[dict[str, Any]]:
    """Every retrieval attempt in progress (of one lesson's opener, or of all), oldest first."""
    return [e for e in progress.events(module) if e["action"] == ACTION]
