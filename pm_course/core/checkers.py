"""Checkers: the declarative part of a question.

A checker knows the *shape* of a valid answer (see :func:`validate.conform`)
and decides whether a conformed answer is right. A wrong answer raises
:class:`Incorrect` carrying lines of feedback that teach without giving the
expected value away. Checkers are pure: no display, no progress, no widgets.

Kinds: :class:`Value` (number with tolerance, or text), :class:`Choice`,
:class:`SetOf`, :class:`Ordering`, :class:`Mapping` (item -> category),
:class:`Function` (a learner's function run on cases, each under a time
limit), :class:`Rubric` (named rules over a structured answer) and
:class:`WidgetState` (reads a widget's plain ``.value`` and delegates).
"""

from __future__ import annotations

import collections
import copy
import math
import types
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

# Learners' functions are run by .isolation; its public names stay importable from here.
from .isolation import (
    MEMORY_HEADROOM,
    NOT_ISOLATED,
    LearnerCodeError,
    Runs,
    TimeLimitExceeded,
    call_with_time_limit,
    isolated,
    isolation,
    unplain_in,
)
from .validate import (
    MalformedAnswer,
    NotAttempted,
    conform,
    describe,
    shape_name,
)

__all__ = [
    "Incorrect",
    "Checker",
    "Value",
    "Choice",
    "SetOf",
    "Letters",
    "Ordering",
    "Mapping",
    "Function",
    "Rubric",
    "Rule",
    "WidgetState",
    "Case",
    "as_typed",
    "call_with_time_limit",
    "isolated",
    "Runs",
    "TimeLimitExceeded",
    "isolation",
    "LearnerCodeError",
]


class Incorrect(Exception):
    """A well-formed answer that is wrong; ``lines`` explain why, without the expected value."""

    def __init__(self, *lines: str):
        super().__init__(" ".join(lines))
        self.lines = [line for line in lines if line]


class Checker:
    """Base class. Subclasses set ``shape`` and implement :meth:`verify`."""

    shape: Any = None

    def conform(self, answer: Any) -> Any:
        return conform(answer, self.shape)

    def verify(self, answer: Any) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def same(self, answer: Any, other: Any) -> bool:
        """Whether two conformed answers count as the same (used for misconceptions)."""
        return _equal(answer, other, 1e-9, 1e-9)

    def describe_expected(self) -> str:
        return shape_name(self.shape)

    def advice(self, answer: Any) -> list[str]:
        """Formative lines on a conformed answer, shown whether or not it passes; they never decide points."""
        return []


def _norm_text(s: str) -> str:
    return " ".join(s.split()).casefold()


def conform_mapping(answer: Any, items: Sequence[str], categories: Sequence[str] | None = None) -> dict[str, str]:
    """A dict placing every one of ``items`` (matched with case and spacing ignored), each value one of
    ``categories`` when they are given; anything else is a :class:`MalformedAnswer` that says what to fix.
    One definition for :class:`Mapping` and the capstone's sealed mapping questions."""
    value = conform(answer, dict[str, str])
    keys = {_norm_text(k): k for k in items}
    out = {}
    for k, v in value.items():
        if _norm_text(k) not in keys:
            raise MalformedAnswer(f"{k!r} is not one of the items asked about ({', '.join(map(repr, items))}).")
        if categories is not None:
            match = [c for c in categories if _norm_text(c) == _norm_text(v)]
            if not match:
                raise MalformedAnswer(
                    f"{v!r} (for {k!r}) is not a category; use one of {', '.join(map(repr, categories))}."
                )
            v = match[0]
        out[keys[_norm_text(k)]] = v
    missing = [k for k in items if k not in out]
    if missing:
        raise MalformedAnswer("Place every item; missing: " + ", ".join(map(repr, missing)) + ".")
    return out


def _equal(a: Any, b: Any, abs_tol: float, rel_tol: float) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and type(a) is not bool and type(b) is not bool:
        return math.isclose(float(a), float(b), abs_tol=abs_tol, rel_tol=rel_tol)
    if type(a) is str and type(b) is str:
        return _norm_text(a) == _norm_text(b)
    if type(a) in (list, tuple) and type(b) in (list, tuple):
        return len(a) == len(b) and all(_equal(x, y, abs_tol, rel_tol) for x, y in zip(a, b))
    if type(a) is dict and type(b) is dict:
        return a.keys() == b.keys() and all(_equal(a[k], b[k], abs_tol, rel_tol) for k in a)
    if type(a) in (set, frozenset) and type(b) in (set, frozenset):
        return {_key(x) for x in a} == {_key(x) for x in b}
    return type(a) is type(b) and a == b


def _key(x: Any) -> Any:
    return _norm_text(x) if type(x) is str else x


def as_typed(x: Any) -> str:
    """The learner's own value, quoted as typed: ``13.0`` stays ``13.0``, ``'b5'`` stays ``'b5'``."""
    if type(x) is float:
        return repr(x)
    if type(x) is int:
        return str(x)
    return repr(x)


def _quote(items: Iterable[Any], limit: int = 10) -> str:
    items = list(items)
    shown = ", ".join(as_typed(x) for x in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


@dataclass
class Value(Checker):
    """A single value: a number within a tolerance, or text compared case- and space-insensitively.

    ``decimals`` states the precision a number is asked for (the prompt says it
    too, e.g. "to 2 decimal places"): any answer within half a unit of that
    last decimal passes, so both the unrounded value and the value rounded as
    the lesson shows it are right. Without ``decimals``, ``abs_tol`` and
    ``rel_tol`` decide. ``unit`` names what the number is in (shown in the
    feedback on form). ``direction`` says "too high" / "too low" for numbers
    (it does not reveal the value).

    >>> v = Value(expected=-0.7647, decimals=2)
    >>> v.verify(-0.76)   # rounded as shown: passes
    >>> v.precision
    'to 2 decimal places'
    """

    expected: Any
    shape: Any = float
    abs_tol: float = 1e-6
    rel_tol: float = 1e-6
    unit: str = ""
    direction: bool = True
    decimals: int | None = None

    def __post_init__(self):
        if self.decimals is not None:
            if type(self.decimals) is not int or not 0 <= self.decimals <= 6:
                raise ValueError(f"decimals must be a whole number from 0 to 6; got {self.decimals!r}")
            self.abs_tol = 0.5 * 10.0 ** -self.decimals + 1e-9
            self.rel_tol = 0.0

    @property
    def precision(self) -> str:
        """The precision asked for, in words ("" when none is stated)."""
        if self.decimals is None:
            return ""
        if self.decimals == 0:
            return "as a whole number"
        return f"to {self.decimals} decimal place{'s' if self.decimals > 1 else ''}"

    def verify(self, answer: Any) -> None:
        if _equal(answer, self.expected, self.abs_tol, self.rel_tol):
            return
        if self.shape in (float, int) and self.direction:
            side = "too high" if answer > self.expected else "too low"
            lines = [f"Your answer {as_typed(answer)} is {side}{' (' + self.unit + ')' if self.unit else ''}."]
            if self.precision:
                lines.append(f"Give it {self.precision}; any answer that rounds to the right value passes.")
            raise Incorrect(*lines)
        raise Incorrect(f"{describe(answer)} is not the expected answer.")

    def same(self, answer: Any, other: Any) -> bool:
        return _equal(answer, other, self.abs_tol, self.rel_tol)


@dataclass
class Choice(Checker):
    """One option out of a fixed list (e.g. "A", "O", "M"). An unknown option is a form error, listing the options."""

    expected: str
    options: Sequence[str]
    shape: Any = str

    def conform(self, answer: Any) -> Any:
        value = conform(answer, str)
        for opt in self.options:
            if _norm_text(opt) == _norm_text(value):
                return opt
        raise MalformedAnswer(
            f"your answer should be one of {', '.join(repr(o) for o in self.options)}; got {describe(value)}."
        )

    def verify(self, answer: Any) -> None:
        if answer != self.expected:
            raise Incorrect(f"{answer!r} is not the best option here.")


@dataclass
class SetOf(Checker):
    """A collection where order does not matter. Feedback counts missing and unexpected items."""

    expected: Iterable[Any]
    item: Any = str

    def __post_init__(self):
        self.shape = set[self.item]
        self._expected = {_key(x) for x in self.expected}

    def verify(self, answer: Any) -> None:
        got = {_key(x) for x in answer}
        missing = len(self._expected - got)
        extra = sorted((x for x in answer if _key(x) not in self._expected), key=str)  # as typed
        if not missing and not extra:
            return
        lines = []
        if missing:
            lines.append(f"{missing} item{'s are' if missing > 1 else ' is'} missing.")
        if extra:
            lines.append("These do not belong: " + _quote(extra) + ".")
        raise Incorrect(*lines)


@dataclass
class Letters(SetOf):
    """Which letters of an acronym (SMART's by default): one convention for every "which letters" question.

    The learner may write the letters as a set ``{'M', 'T'}``, a list or tuple, or one text: ``'MT'``,
    ``'M, T'``, ``'m t'``. Case, spaces and commas do not matter; a letter outside ``alphabet`` is a form error
    that names the letters allowed.
    """

    alphabet: str = "SMART"

    def conform(self, answer: Any) -> Any:
        if type(answer) is str:
            items = [c for c in answer if not c.isspace() and c not in ",;/{}[]()'\"+&"]
        else:
            items = list(conform(answer, set[str]) if not isinstance(answer, (list, tuple)) else
                         conform(answer, list[str]))
            items = [x.strip() for x in items]
        letters = {x.upper() for x in items}
        wrong = sorted(x for x in letters if len(x) != 1 or x not in self.alphabet.upper())
        if wrong:
            raise MalformedAnswer(f"each item should be one of the letters {', '.join(self.alphabet)}; got "
                                  f"{', '.join(repr(w) for w in wrong)} (write e.g. {{'M', 'T'}} or 'MT').")
        return letters

    def describe_expected(self) -> str:
        return f"a set of letters from {self.alphabet} (e.g. {{'M', 'T'}} or 'MT')"


@dataclass
class Ordering(Checker):
    """A ranking: the same items as expected, in the expected order."""

    expected: Sequence[Any]
    item: Any = str

    def __post_init__(self):
        self.shape = list[self.item]

    def verify(self, answer: Any) -> None:
        exp = [_key(x) for x in self.expected]
        got = [_key(x) for x in answer]
        if got == exp:
            return
        if len(got) != len(set(got)):  # counted once each: a 10,000-item answer takes milliseconds
            counts = collections.Counter(got)
            seen: set[Any] = set()
            dupes = []
            for typed, key in zip(answer, got):
                if counts[key] > 1 and key not in seen:
                    seen.add(key)
                    dupes.append(typed)
            raise Incorrect("Each item should appear once; repeated: " + _quote(dupes) + ".")
        known = set(exp)
        missing = len(known - set(got))
        extra = [typed for typed, key in zip(answer, got) if key not in known]  # as typed
        if missing or extra:
            n, size = len(got), len(exp)
            if n == size:
                lines = [f"Your ranking holds {n} items, the right number, but "
                         f"{len(extra)} {'is' if len(extra) == 1 else 'are'} not among the items to rank."]
            else:
                lines = [f"Your ranking holds {n} item{'s' if n != 1 else ''}; it should hold exactly {size}."]
            if missing:
                lines.append(f"{missing} expected item{'s are' if missing > 1 else ' is'} missing.")
            if extra:
                lines.append("Not part of this ranking (check the spelling): " + _quote(extra) + ".")
            raise Incorrect(*lines)
        first_wrong = next(i for i, (a, b) in enumerate(zip(got, exp)) if a != b)
        right = sum(a == b for a, b in zip(got, exp))
        raise Incorrect(
            f"Right items, wrong order: {right} of {len(exp)} are in the right place.",
            f"The first one out of place is at position {first_wrong + 1} ({as_typed(answer[first_wrong])}).",
        )


@dataclass
class Mapping(Checker):
    """Each item placed in a category. Keys must be exactly the items asked about.

    ``item_hints`` maps an item to a nudge shown when that item is misplaced
    (written by the author; it must not state the category).
    """

    expected: dict[str, str]
    categories: Sequence[str] | None = None
    item_hints: dict[str, str] = field(default_factory=dict)
    shape: Any = dict[str, str]

    def conform(self, answer: Any) -> Any:
        return conform_mapping(answer, list(self.expected), self.categories)

    def verify(self, answer: Any) -> None:
        wrong = [k for k in self.expected if _norm_text(answer[k]) != _norm_text(self.expected[k])]
        if not wrong:
            return
        lines = [f"{len(self.expected) - len(wrong)} of {len(self.expected)} items are placed right."]
        lines += [self.item_hints[k] for k in wrong if k in self.item_hints]
        raise Incorrect(*lines)


@dataclass(frozen=True)
class Case:
    """One input of a function question with a description of what it tests.

    ``Case((backlog,), "a backlog with ties")``: the feedback names the case by
    its description (its property: ties, an empty list, ...), so a learner
    knows what to look at without being shown the expected output.
    """

    args: tuple
    about: str


def _case(item: Any) -> tuple[tuple, str]:
    if isinstance(item, Case):
        return tuple(item.args), item.about
    return tuple(item), ""


@dataclass
class Function(Checker):
    """A function the learner writes, run on cases and compared with a reference.

    ``inputs`` is a list of argument tuples, or of :class:`Case` (the
    arguments and a description of what the case tests, shown in the
    feedback); the expected results come from ``reference`` (so they are
    never written twice). ``returns`` is the shape the function must return.
    The learner's function runs in one child process per check (see
    :mod:`pm_course.core.isolation`), each case with a deep copy of its arguments and
    ``time_limit`` seconds; the reference and the comparison stay in the
    caller, out of the learner's reach. Misconception predicates receive the
    function only as a :class:`Runs` (the recorded outputs of that run). A function that already
    runs elsewhere (the grader's stand-in for a function inside the grading
    sandbox, marked ``__pm_course_remote__``) is called directly. Hidden tests
    add inputs with ``extra_inputs``.
    """

    reference: Callable
    inputs: Sequence[tuple]
    returns: Any = float
    abs_tol: float = 1e-6
    rel_tol: float = 1e-6
    time_limit: float = 2.0
    show_inputs: bool = True
    shape: Any = types.FunctionType

    def runs(self, answer: Any) -> Runs:
        """The learner's function behind the isolated runner: what predicates and rules receive."""
        return isolated(answer, self.time_limit)

    def verify(self, answer: Any, extra_inputs: Sequence[tuple] = ()) -> None:
        try:
            self._verify(answer, extra_inputs)
        except Incorrect as exc:
            if isolation() != "fork" and not getattr(answer, "__pm_course_remote__", False):
                raise Incorrect(*exc.lines, NOT_ISOLATED) from None
            raise

    def _verify(self, answer: Any, extra_inputs: Sequence[tuple]) -> None:
        cases = [_case(c) for c in list(self.inputs) + list(extra_inputs)]
        expected = [self.reference(*copy.deepcopy(args)) for args, _ in cases]
        outcomes = self.runs(answer).run_all([args for args, _ in cases])
        failures = 0
        first: list[str] = []
        failed_about: list[str] = []
        for (args, about), exp, out in zip(cases, expected, outcomes):
            if out.kind == "timeout":
                raise Incorrect(
                    f"Your function did not finish within {self.time_limit:g} s on {self._show(args, about)}: "
                    "look for a loop that never ends."
                )
            if out.kind == "exited":
                raise Incorrect(
                    f"Your function ended its own process on {self._show(args, about)} (os._exit, or a crash): "
                    "return a value instead."
                )
            if out.kind == "garbled":
                raise Incorrect(f"Your function's result on {self._show(args, about)} could not be read back: "
                                "return plain data (numbers, text, lists, dicts).")
            if out.kind == "raised":
                if out.name in ("SystemExit", "KeyboardInterrupt"):
                    raise Incorrect(
                        f"Your function raised {out.name} on {self._show(args, about)}: it tried to stop the program. "
                        "Return a value instead (no sys.exit(), exit() or quit())."
                    )
                if out.name == "MemoryError":
                    raise Incorrect(
                        f"Your function ran out of memory on {self._show(args, about)} (a check allows about "
                        f"{MEMORY_HEADROOM // 2**20} MiB): look for a list or string that keeps growing."
                    )
                raise Incorrect(f"Your function raised {out.name} on {self._show(args, about)}: {out.message[:200]}")
            result = out.value
            if result is Ellipsis:  # the exercise's stub `return ...` is still in place
                raise NotAttempted("your function")
            odd = unplain_in(result)
            if odd is not None:
                raise Incorrect(f"On {self._show(args, about)}: the value your function returned should be "
                                f"{shape_name(self.returns)}; got {odd.desc}.")
            try:
                result = conform(result, self.returns, "the value your function returned")
            except NotAttempted:
                raise Incorrect("Your function returned a result that still holds ... : finish your code.") from None
            except MalformedAnswer as exc:
                raise Incorrect(f"On {self._show(args, about)}: {exc}") from None
            if not _equal(result, exp, self.abs_tol, self.rel_tol):
                failures += 1
                if about and about not in failed_about:
                    failed_about.append(about)
                if not first:
                    first.append(f"On {self._show(args, about)} it returned {describe(result)}, which is not right.")
        if failures:
            head = f"Your function is wrong on {failures} of {len(cases)} test cases"
            head += (": " + "; ".join(failed_about) + ".") if failed_about else "."
            raise Incorrect(head, *first)

    def _show(self, args: tuple, about: str = "") -> str:
        if not self.show_inputs:
            return about or "one of the test cases"
        shown = ", ".join(describe(a, 80) for a in args)
        return f"{about} (input {shown})" if about else f"the input ({shown})"


@dataclass
class Rule:
    """One named rule of a rubric: ``test(answer)`` returns None when met, or a message saying what is missing."""

    name: str
    test: Callable[[Any], str | None]


@dataclass
class Rubric(Checker):
    """Named rules over a structured answer (a text, or a dict of fields).

    Every failing rule contributes its own feedback line, so a learner sees
    all that is missing at once. ``fields`` lists the keys a dict answer must
    have (each a non-empty text unless ``shape`` says otherwise).
    """

    rules: Sequence[Rule]
    shape: Any = str
    fields: Sequence[str] = ()
    #: Formative rules: their messages are shown as advice and never fail the answer (docs/authoring.md: a rule
    #: decides points only where its labelled set shows >= 95 % right accepted and >= 90 % wrong rejected).
    advisory: Sequence[Rule] = ()

    def conform(self, answer: Any) -> Any:
        value = conform(answer, self.shape)
        if self.fields and type(value) is not dict:
            raise MalformedAnswer(f"your answer should be {self.describe_expected()}; got {describe(value)}.")
        if self.fields and type(value) is dict:
            missing = [f for f in self.fields if f not in value]
            unknown = [k for k in value if k not in self.fields]
            if missing:
                raise MalformedAnswer("Fill in every field; missing: " + ", ".join(map(repr, missing)) + ".")
            if unknown:
                raise MalformedAnswer(
                    "Unknown field(s): " + ", ".join(map(repr, unknown)) + f"; the fields are {', '.join(map(repr, self.fields))}."
                )
        return value

    def describe_expected(self) -> str:
        if self.fields:
            return "a dict with the fields " + ", ".join(map(repr, self.fields))
        return shape_name(self.shape)

    def verify(self, answer: Any) -> None:
        """Every rule on the answer; a rule that cannot read the answer makes it an invalid answer, never a crash."""
        problems = []
        for rule in self.rules:
            try:
                msg = rule.test(answer)
            except (TypeError, ValueError) as exc:  # the rule's own message about a value it cannot use
                msg = str(exc)
            except Exception as exc:  # AttributeError, KeyError, RecursionError...: the answer is not of its form
                raise MalformedAnswer(
                    f"the rule {rule.name!r} could not read your answer ({type(exc).__name__}); your answer should "
                    f"be {self.describe_expected()}; got {describe(answer)}."
                ) from None
            if msg:
                problems.append(f"{rule.name}: {msg}")
        if problems:
            passed = len(self.rules) - len(problems)
            raise Incorrect(f"{passed} of {len(self.rules)} criteria met.", *problems)

    def advice(self, answer: Any) -> list[str]:
        lines = []
        for rule in self.advisory:
            try:
                msg = rule.test(answer)
            except (TypeError, ValueError) as exc:
                msg = str(exc)
            lines.append(f"Advice (not graded), {rule.name}: {msg}" if msg else f"Advice (not graded), {rule.name}: "
                         "no suggestions.")
        return lines


@dataclass
class WidgetState(Checker):
    """An answer given through a widget: reads the widget's plain ``value`` and checks it with ``inner``."""

    inner: Checker
    attr: str = "value"

    def conform(self, answer: Any) -> Any:
        if answer is Ellipsis:
            raise NotAttempted("your answer")
        if type(answer) in (int, float, str, bool, list, dict, tuple, set) or answer is None:
            raise MalformedAnswer(
                "Pass the widget itself (the variable that holds it), not a value you typed: "
                f"this question reads what you set in the widget; got {describe(answer)}."
            )
        try:
            state = getattr(answer, self.attr)
        except (Exception, SystemExit):  # a widget whose .value raises (even SystemExit) is not an answer
            raise MalformedAnswer(f"Expected the widget from this exercise; got {describe(answer)}.") from None
        return self.inner.conform(state)

    def verify(self, answer: Any) -> None:
        self.inner.verify(answer)

    def same(self, answer: Any, other: Any) -> bool:
        return self.inner.same(answer, other)

    def advice(self, answer: Any) -> list[str]:
        return self.inner.advice(answer)

    def describe_expected(self) -> str:
        return "the widget itself (the variable that holds it), not its value"

    @property
    def shape(self):  # type: ignore[override]
        return self.inner.shape
