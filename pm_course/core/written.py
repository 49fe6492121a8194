"""Written answers: formative feedback by named word rules for a self-paced learner; a person grades them.

A written answer is declared like a question, with rules instead of a key::

    w1 = WrittenAnswer(
        module="04_prioritization", id="w1", points=4,
        prompt="Say no to the Head of Sales's custom report, in at most 150 words.",
        rules=[
            mentions("states the decision", ["not now", "no", "won't", "will not"],
                     "Say plainly what you decided (e.g. 'not this quarter')."),
            mentions("gives a reason tied to the goals or data", ["goal", "churn", "reach", "rice"],
                     "Tie the decision to a goal or a number the reader cares about."),
            length(min_words=60, max_words=150),
        ],
        model_answer="...", mark_scheme=["1 point: ...", ...],
    )

In the exercise, the learner writes in a text string of a manually graded
code cell and calls ``w1.check(answer_w1)``. The rules only look for words
and structure, and say so: meeting them is not a grade. Once the learner has
written something, ``w1.solution()`` shows the model answer and the mark
scheme (unless solutions are switched off). Instructors grade the cell by
hand in nbgrader's formgrader with the same mark scheme.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from . import progress
from .checkers import Rule
from .feedback import HINT, INFO, INVALID, NOT_ATTEMPTED, REVIEWED, SOLUTION, Feedback
from .validate import MAX_TEXT, InputTypeError, describe, integer, text

__all__ = ["WrittenAnswer", "mentions", "length", "words"]

_WORD = re.compile(r"[A-Za-z0-9%$£€][A-Za-z0-9%$£€'’.-]*")


def words(text: str) -> list[str]:
    """The words of ``text`` (numbers, amounts and hyphenated words count as one)."""
    if type(text) is not str:
        raise InputTypeError(f"text must be text (a str); got {describe(text)}.")
    return _WORD.findall(text[:MAX_TEXT])


def _texts(name: str, value: Any, what: str) -> list[str]:
    """A non-empty list of text (``what`` names one item in the message)."""
    if type(value) not in (list, tuple) or not value or any(type(v) is not str for v in value):
        raise InputTypeError(f"{name} must be a non-empty list of {what} (text); got {describe(value)}.")
    return list(value)


def _has(text: str, phrase: str) -> bool:
    pattern = r"(?<![A-Za-z0-9])" + r"\s+".join(map(re.escape, phrase.split())) + r"(?![A-Za-z0-9])"
    return re.search(pattern, text, flags=re.IGNORECASE) is not None


def mentions(name: str, phrases: Sequence[str], says: str, at_least: int = 1) -> Rule:
    """A rule met when the text contains at least ``at_least`` of ``phrases`` (whole words, any case)."""
    text("name", name)
    text("says", says)
    wanted = [p for p in _texts("phrases", phrases, "phrases") if p.strip()]
    integer("at_least", at_least, low=1, high=max(1, len(wanted)))

    def test(text: str) -> str | None:
        found = sum(_has(text, p) for p in wanted)
        return None if found >= at_least else says

    return Rule(name, test)


def length(min_words: int = 0, max_words: int | None = None) -> Rule:
    """A rule on the number of words."""
    integer("min_words", min_words, low=0)
    if max_words is not None:
        integer("max_words", max_words, low=max(1, min_words))
    span = f"{min_words}-{max_words}" if max_words else f"at least {min_words}"

    def test(text: str) -> str | None:
        n = len(words(text))
        if n < min_words:
            return f"{n} words so far; aim for {span} words."
        if max_words is not None and n > max_words:
            return f"{n} words; keep it to {max_words} at most: a busy reader stops early."
        return None

    return Rule(f"length ({span} words)", test)


@dataclass(eq=False)
class WrittenAnswer:
    """A written answer: word-rule feedback now, the model answer and mark scheme after a first draft."""

    module: str
    id: str
    prompt: str
    rules: Sequence[Rule]
    model_answer: str
    mark_scheme: Sequence[str]
    points: int = 1
    _drafted: bool = field(default=False, repr=False)
    _last: tuple = field(default=("", ()), repr=False)

    def __post_init__(self):
        for name in ("module", "id", "prompt", "model_answer"):
            text(name, getattr(self, name))
        if type(self.rules) not in (list, tuple) or any(not isinstance(r, Rule) for r in self.rules):
            raise InputTypeError(f"rules must be a list of rules made by mentions() or length(); got {describe(self.rules)}.")
        _texts("mark_scheme", self.mark_scheme, "marking lines")
        integer("points", self.points, low=1)
        if not self.rules or not self.mark_scheme or not self.model_answer.strip():
            raise ValueError(f"{self.module}/{self.id}: a written answer needs rules, a model answer and a mark scheme")

    @property
    def key(self) -> str:
        return f"{self.module}/{self.id}"

    def review(self, text: object) -> Feedback:
        """The word-rule feedback on ``text``, without recording anything."""
        if text is Ellipsis or (type(text) is str and not text.strip()):
            return Feedback(NOT_ATTEMPTED, self.id, "write your answer in the text string above", [self.prompt])
        if type(text) is not str:
            return Feedback(INVALID, self.id, "expected text (a str)", [
                f"Write your answer as text between the triple quotes; got {describe(text)}."
            ])
        if len(text) > MAX_TEXT:
            return Feedback(INVALID, self.id, "too long", [f"At most {MAX_TEXT:,} characters; got {len(text):,}."])
        met: list[str] = []
        missing: list[str] = []
        for rule in self.rules:
            try:
                msg = rule.test(text)
            except (TypeError, ValueError) as exc:
                msg = str(exc)
            (missing if msg else met).append(f"{rule.name}: {msg}" if msg else rule.name)
        lines = [f"Met: {m}." for m in met] + [f"Not yet: {m}" for m in missing]
        lines.append("These rules only look for words and structure; a person grades the answer with the mark scheme.")
        lines.append(f"{self.id}.solution() shows a model answer and the mark scheme; if a check got your draft "
                     f"wrong, {self.id}.dispute('why') tells your instructor.")
        title = f"{len(met)} of {len(self.rules)} writing checks met"
        return Feedback(REVIEWED, self.id, title, lines)

    def check(self, text: object) -> Feedback:
        """Feedback on your draft by named word rules (recorded in your progress)."""
        fb = self.review(text)
        if fb.outcome == REVIEWED:
            self._drafted = True
        not_yet = [line[len("Not yet: "):] for line in fb.lines if line.startswith("Not yet: ")]
        self._last = (fb.outcome, tuple(r.name for r in self.rules if any(n.startswith(f"{r.name}:") for n in not_yet)))
        progress.record(self.module, self.id, "check", fb.outcome.value)
        return fb

    def dispute(self, why: str) -> Feedback:
        """Say a writing check got your draft wrong, and why: it is recorded with your progress."""
        from . import disputes

        try:
            recorded = disputes.outcome(self._last[0], self._last[1], why)
        except (TypeError, ValueError) as exc:
            return Feedback(INVALID, self.id, "say why in a sentence", [str(exc)])
        progress.record(self.module, self.id, "dispute", recorded)
        return Feedback(INFO, self.id, "dispute recorded", [
            "Thank you: it is saved with your progress; your instructor sees it in `pm-course report --disputes`.",
            "A person grades this answer with the mark scheme; the writing checks are advice.",
        ])

    def hint(self) -> Feedback:
        """What a strong answer does (the names of the rules)."""
        progress.record(self.module, self.id, "hint", "1")
        return Feedback(HINT, self.id, "what a strong answer does", [r.name for r in self.rules])

    def solution(self) -> Feedback:
        """The model answer and the mark scheme, once you have written a draft (unless solutions are off)."""
        from .question import solutions_enabled

        if not solutions_enabled():
            return Feedback(INFO, self.id, "solutions are switched off for this course run", [
                "Your instructor has turned solutions off while the exercise is graded; the writing checks still work."
            ])
        if not self._drafted:
            return Feedback(INFO, self.id, "write a draft first", [
                f"Write your own answer and run {self.id}.check(answer_{self.id}) first; "
                "then the model answer and the mark scheme are shown, to compare with yours."
            ])
        progress.record(self.module, self.id, "solution", "")
        return Feedback(SOLUTION, self.id, "a model answer and the mark scheme",
                        ["Mark scheme: " + line for line in self.mark_scheme], code=self.model_answer)

    def __repr__(self) -> str:
        return f"<written answer {self.key}: {self.prompt}>"
