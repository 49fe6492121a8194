"""Input validation: one place for the messages a learner sees when input is wrong.

Two jobs live here.

1. Arguments of public functions (``rice_score(reach=...)``): ``number``,
   ``integer``, ``fraction``, ``text``, ``choice`` raise :class:`InputError`
   (a ``ValueError``) or :class:`InputTypeError` (a ``TypeError``) whose
   message names what was expected and what was given.

2. Answers passed to ``check()``: :func:`conform` accepts only *plain data*
   of an expected shape, checked with exact types, recursively inside
   containers. An object that overrides ``__eq__``, a subclass of a builtin,
   NaN, infinity, an empty or enormous answer are refused with a clear
   message (never a pass). ``...`` anywhere in an answer means "not attempted".

Shapes are written with ordinary type expressions: ``float``, ``int``,
``str``, ``bool``, ``list[str]``, ``dict[str, float]``, ``tuple[float, float]``,
``set[str]``, or ``None`` for "anything plain".
"""

from __future__ import annotations

import math
import sys
import types
import typing
from collections.abc import Iterable
from typing import Any

__all__ = [
    "arguments",
    "InputError",
    "InputTypeError",
    "GradeFailed",
    "NotAttempted",
    "MalformedAnswer",
    "conform",
    "describe",
    "shape_name",
    "number",
    "integer",
    "fraction",
    "percent_guess",
    "text",
    "choice",
    "one_of",
    "members",
    "records",
    "MAX_TEXT",
    "MAX_ITEMS",
    "MAX_DEPTH",
]

MAX_TEXT = 20_000  # characters in one string answer
MAX_ITEMS = 10_000  # items in one container answer
MAX_DEPTH = 8  # nesting of containers


class InputError(ValueError):
    """A value of the right type but outside what is accepted."""


class InputTypeError(TypeError):
    """A value of the wrong type."""


class GradeFailed(AssertionError):
    """Raised by ``Question.grade`` in an nbgrader test cell: the answer did not pass (an AssertionError)."""


class NotAttempted(Exception):
    """The answer still holds the ``...`` placeholder."""


class MalformedAnswer(Exception):
    """The answer is not plain data of the expected shape."""


def describe(value: Any, limit: int = 60) -> str:
    """A short, safe description of ``value`` for a message: its type and a clipped repr.

    A foreign object's ``__repr__`` is never called (it may loop, raise or lie).
    """
    kind = type(value).__name__
    scalars = (int, float, str, bool, type(None))
    containers = (list, tuple, set, frozenset, dict)
    if value is None:
        return "None"
    if type(value) in scalars:
        shown = repr(value)
        return f"{kind} {shown if len(shown) <= limit else shown[: limit - 3] + '...'}"
    if type(value) in containers:
        n = len(value)
        if n == 0:
            return f"an empty {kind}"
        items = [v for kv in value.items() for v in kv] if type(value) is dict else list(value)
        head = f"a {kind} of {n} item{'s' if n != 1 else ''}"
        if n <= 50 and all(type(v) in scalars for v in items):
            shown = repr(value)
            return f"{head}: {shown if len(shown) <= limit else shown[: limit - 3] + '...'}"
        return head
    return f"an object of type {kind}"


# ---------------------------------------------------------------- arguments


def _is_real(value: Any) -> bool:
    return type(value) in (int, float) or _numpy_scalar(value) is not None


def _numpy_scalar(value: Any) -> float | int | None:
    """Convert an exact numpy number (not a subclass) to a Python number, else None."""
    np = sys.modules.get("numpy")
    if np is None:
        return None
    t = type(value)
    if t in (np.float64, np.float32, np.float16):
        return float(value)
    if t in (np.int64, np.int32, np.int16, np.int8, np.uint64, np.uint32, np.uint16, np.uint8):
        return int(value)
    return None


def number(
    name: str,
    value: Any,
    *,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    high_open: bool = False,
    hint: str = "",
) -> float:
    """Return ``value`` as a float if it is a finite real number within the bounds.

    ``low_open`` / ``high_open`` make a bound exclusive. ``hint`` is appended to
    the message (e.g. "did you mean 0.8?").
    """
    if type(value) is bool or not _is_real(value):
        raise InputTypeError(f"{name} must be a number (int or float); got {describe(value)}.")
    converted = _numpy_scalar(value)
    x = float(converted if converted is not None else value)
    if math.isnan(x) or math.isinf(x):
        raise InputError(f"{name} must be a finite number; got {value!r}.")
    below = low is not None and (x <= low if low_open else x < low)
    above = high is not None and (x >= high if high_open else x > high)
    if below or above:
        raise InputError(f"{name} must be {_range_text(low, high, low_open, high_open)}; got {value!r}.{_sp(hint)}")
    return x


def integer(name: str, value: Any, *, low: int | None = None, high: int | None = None, hint: str = "") -> int:
    """Return ``value`` if it is an int (not a bool, not a float) within the bounds."""
    converted = _numpy_scalar(value)
    if type(value) is not int and not isinstance(converted, int):
        if type(value) is float and value.is_integer():
            raise InputTypeError(f"{name} must be a whole number (int); got the float {value!r}: write {int(value)}.")
        raise InputTypeError(f"{name} must be a whole number (int); got {describe(value)}.")
    x = int(converted if converted is not None else value)
    if (low is not None and x < low) or (high is not None and x > high):
        raise InputError(f"{name} must be {_range_text(low, high, False, False)}; got {x}.{_sp(hint)}")
    return x


def percent_guess(x: float, *, one_is_percent: bool = False) -> float | None:
    """The fraction meant when a percentage is written where a fraction belongs (80 -> 0.8), else None.

    The one rule behind every "did you mean x/100?" of the course. ``one_is_percent``
    reads 1 as 1 % (for quantities that are never a whole, such as a margin of error).

    >>> percent_guess(80), percent_guess(0.8), percent_guess(1), percent_guess(1, one_is_percent=True)
    (0.8, None, None, 0.01)
    """
    x = number("x", x)
    if type(one_is_percent) is not bool:
        raise InputTypeError(f"one_is_percent must be True or False; got {describe(one_is_percent)}.")
    low_ok = x >= 1 if one_is_percent else x > 1
    return x / 100 if low_ok and x <= 100 else None


def fraction(name: str, value: Any, *, allow_zero: bool = True, allow_one: bool = True, hint: str = "") -> float:
    """A share between 0 and 1. A value such as 80 gets "did you mean 0.8?"; ``hint`` is appended."""
    if type(value) is bool or not _is_real(value):
        raise InputTypeError(f"{name} must be a fraction between 0 and 1 (a number); got {describe(value)}.")
    converted = _numpy_scalar(value)
    x = float(converted if converted is not None else value)
    if math.isnan(x) or math.isinf(x):
        raise InputError(f"{name} must be a finite fraction between 0 and 1; got {value!r}.")
    bad = x < 0 or x > 1 or (x == 0 and not allow_zero) or (x == 1 and not allow_one)
    if bad:
        rng = _range_text(0, 1, not allow_zero, not allow_one)
        guess = percent_guess(x)
        if guess is not None:  # a percentage written as a number: say which fraction was meant
            raise InputError(
                f"{name} is a fraction {rng}; did you mean {guess:g}? (got {value!r}: write {x:g} % as {guess:g}.){_sp(hint)}"
            )
        raise InputError(f"{name} is a fraction {rng}; got {value!r}.{_sp(hint)}")
    return x


def text(name: str, value: Any, *, empty_ok: bool = False, max_len: int = MAX_TEXT) -> str:
    """Return ``value`` if it is a plain ``str`` (not a subclass) of sensible length."""
    if type(value) is not str:
        raise InputTypeError(f"{name} must be text (a str); got {describe(value)}.")
    if not empty_ok and not value.strip():
        raise InputError(f"{name} must not be empty.")
    if len(value) > max_len:
        raise InputError(f"{name} is too long: at most {max_len} characters; got {len(value)}.")
    return value


def choice(name: str, value: Any, options: Iterable[str], *, normalise: bool = True) -> str:
    """Return the option ``value`` names (case- and space-insensitive when ``normalise``).

    The message for an unknown value lists the accepted ones.
    """
    opts = list(options)
    if type(value) is not str:
        raise InputTypeError(f"{name} must be one of {_list(opts)}; got {describe(value)}.")
    key = _norm(value) if normalise else value
    for opt in opts:
        if (_norm(opt) if normalise else opt) == key:
            return opt
    raise InputError(f"{name} must be one of {_list(opts)}; got {value!r}.")


def one_of(name: str, value: Any, options: Iterable[Any], *, hint: str = "") -> Any:
    """Return ``value`` if it is exactly one of ``options`` (numbers or text, compared as given).

    >>> one_of("confidence", 0.95, (0.9, 0.95, 0.99))
    0.95
    """
    opts = list(options)
    if type(value) is bool or type(value) not in (int, float, str) or value not in opts:
        shown = repr(value) if type(value) in (int, float, str) else describe(value)
        raise InputError(f"{name} must be one of {_list(opts)}; got {shown}.{_sp(hint)}")
    return value


def members(name: str, value: Any, known: Iterable[str], *, what: str = "id", where: str = "",
            example: Any = None) -> list[str]:
    """A list of ids (text), each one of ``known``; returns it as a list.

    ``what`` names one id ("item id"), ``where`` the collection ("the planner"),
    ``example`` a valid list for the message.

    >>> members("ids", ["B01"], ["B01", "B02"], what="item id")
    ['B01']
    """
    text("what", what)
    text("where", where, empty_ok=True)
    pool = _texts("known", list(known) if isinstance(known, dict) else known, "ids")
    eg = f", e.g. {example!r}" if example is not None else ""
    if type(value) not in (list, tuple, set, frozenset) or any(type(v) is not str for v in value):
        raise InputTypeError(f"{name} takes a list of {what}s{eg}; got {describe(value)}.")
    unknown = [v for v in value if v not in pool]
    if unknown:
        holds = f"{where} holds" if where else "the known ids are"
        raise InputError(f"unknown {what}(s) {_list(unknown)}; {holds} {', '.join(pool)}.")
    return list(value)


def records(name: str, value: Any, *, keys: Iterable[str] = (), what: str = "records", example: str = "",
            empty_ok: bool = False) -> list:
    """A list of records (dicts), each holding ``keys``; returns it as a list.

    The one list-of-records check of the course: any iterable except text and
    a dict is accepted; the messages say which record (counting from 1) is
    wrong and which keys it lacks. ``what`` names the records ("backlog
    items"), ``example`` where such a list comes from ("as from load('backlog')").

    >>> records("snippets", [{"id": "S01", "quote": "..."}], keys=("id", "quote"))
    [{'id': 'S01', 'quote': '...'}]
    """
    from collections.abc import Mapping

    need = _texts("keys", keys, "keys")
    text("what", what)
    text("example", example, empty_ok=True)
    eg = f", {example}" if example else ""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InputTypeError(f"{name} must be a list of {what} (dicts{eg}); got {describe(value)}.")
    out = list(value)
    if not out and not empty_ok:
        raise InputError(f"{name} is empty: give at least one of the {what}{eg}.")
    for i, r in enumerate(out):
        if not isinstance(r, Mapping):
            with_keys = f" with {_list(need)}" if need else ""
            raise InputTypeError(f"item {i + 1} of {name} must be a dict{with_keys}; got {describe(r)}.")
        missing = [k for k in need if k not in r]
        if missing:
            raise InputError(f"item {i + 1} of {name} has no {_list(missing)}; it has {_list(list(r)) or 'no keys'}.")
    return out


def _texts(name: str, value: Any, what: str) -> list[str]:
    """An iterable of text (not text itself, not a dict) as a list: the validators' own options."""
    from collections.abc import Mapping

    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InputTypeError(f"{name} must be a list of {what} (text); got {describe(value)}.")
    out = list(value)
    if any(type(v) is not str for v in out):
        raise InputTypeError(f"{name} must be a list of {what} (text); got {describe(out)}.")
    return out


def _norm(s: str) -> str:
    return " ".join(s.replace("_", " ").split()).casefold().replace(" - ", "-")


def _list(opts: list[str]) -> str:
    return ", ".join(repr(o) for o in opts)


def _sp(hint: str) -> str:
    return f" {hint}" if hint else ""


def _range_text(low, high, low_open, high_open) -> str:
    def fmt(v):
        return f"{v:g}" if isinstance(v, float) else str(v)

    if low is not None and high is not None:
        lo = "above" if low_open else "from"
        if not low_open and not high_open:
            return f"between {fmt(low)} and {fmt(high)}"
        hi = "below" if high_open else "up to"
        return f"{lo} {fmt(low)} and {hi} {fmt(high)}"
    if low is not None:
        return f"greater than {fmt(low)}" if low_open else f"at least {fmt(low)}"
    if high is not None:
        return f"less than {fmt(high)}" if high_open else f"at most {fmt(high)}"
    return "a number"


# ---------------------------------------------------------------- answers


def shape_name(shape: Any) -> str:
    """Plain-language name of a shape: ``list[str]`` -> "a list of text"."""
    if shape is None:
        return "plain data"
    if shape is type(None):
        return "None"
    if shape is float:
        return "a number"
    if shape is int:
        return "a whole number (int)"
    if shape is str:
        return "text (a str)"
    if shape is bool:
        return "True or False"
    origin = typing.get_origin(shape)
    args = typing.get_args(shape)
    if origin is list:
        return f"a list of {_plural(args[0])}"
    if origin is set:
        return f"a set of {_plural(args[0])}"
    if origin is dict:
        return f"a dict mapping {_plural(args[0])} to {_plural(args[1])}"
    if origin is tuple:
        return "a tuple of " + ", ".join(shape_name(a) for a in args)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(shape_name(a) for a in args)
    if origin is typing.Literal:
        return "one of " + _list([str(a) for a in args])
    if shape is types.FunctionType:
        return "a function (defined with def)"
    return getattr(shape, "__name__", str(shape))


def _plural(shape: Any) -> str:
    return {float: "numbers", int: "whole numbers", str: "text", bool: "True/False values"}.get(
        shape, shape_name(shape)
    )


def conform(value: Any, shape: Any, where: str = "your answer") -> Any:
    """Check that ``value`` is plain data of ``shape`` and return a clean copy.

    Raises :class:`NotAttempted` if ``...`` is found anywhere, and
    :class:`MalformedAnswer` with a message naming the expected shape and what
    was given otherwise. Sets are accepted where a list is expected only when
    the shape says ``set``; exact numpy scalars count as numbers.
    """
    return _conform(value, shape, where, 0)


def _conform(value: Any, shape: Any, where: str, depth: int) -> Any:
    if value is Ellipsis:
        raise NotAttempted(where)
    if depth > MAX_DEPTH:
        raise MalformedAnswer(f"{where} is nested too deeply (more than {MAX_DEPTH} levels).")
    origin = typing.get_origin(shape)
    args = typing.get_args(shape)
    if shape is None:
        return _plain(value, where, depth)
    if origin in (typing.Union, types.UnionType):
        errors = []
        for option in args:
            try:
                return _conform(value, option, where, depth)
            except MalformedAnswer as exc:
                errors.append(str(exc))
        raise MalformedAnswer(f"{where} should be {shape_name(shape)}; got {describe(value)}.")
    if origin is typing.Literal:
        if type(value) in (str, int) and value in args:
            return value
        raise MalformedAnswer(f"{where} should be {shape_name(shape)}; got {describe(value)}.")
    if shape is type(None):
        if value is not None:
            raise MalformedAnswer(f"{where} should be None; got {describe(value)}.")
        return None
    if shape is float:
        return _number(value, where, integral=False)
    if shape is int:
        return _number(value, where, integral=True)
    if shape is bool:
        if type(value) is not bool:
            raise MalformedAnswer(f"{where} should be True or False; got {describe(value)}.")
        return value
    if shape is str:
        if type(value) is not str:
            raise MalformedAnswer(f"{where} should be {shape_name(str)}; got {describe(value)}.")
        if not value.strip():
            raise MalformedAnswer(f"{where} is empty: write your answer between the quotes.")
        if len(value) > MAX_TEXT:
            raise MalformedAnswer(f"{where} is too long: at most {MAX_TEXT} characters; got {len(value)}.")
        return value
    if shape is types.FunctionType:
        if type(value) is not types.FunctionType:
            raise MalformedAnswer(
                f"{where} should be a function you defined with def (pass its name without brackets); got {describe(value)}."
            )
        return value
    if origin in (list, set):
        allowed = (list, tuple) if origin is list else (set, frozenset, list, tuple)
        if type(value) not in allowed:
            raise MalformedAnswer(f"{where} should be {shape_name(shape)}; got {describe(value)}.")
        _size(value, where)
        items = [_conform(v, args[0], f"item {i + 1} of {where}", depth + 1) for i, v in enumerate(value)]
        if origin is set:
            try:
                return set(items)
            except TypeError:
                raise MalformedAnswer(f"{where} should be {shape_name(shape)}; its items cannot be collected in a set.") from None
        return items
    if origin is tuple:
        if type(value) not in (tuple, list):
            raise MalformedAnswer(f"{where} should be {shape_name(shape)}; got {describe(value)}.")
        if len(args) == 2 and args[1] is Ellipsis:
            _size(value, where)
            return tuple(_conform(v, args[0], f"item {i + 1} of {where}", depth + 1) for i, v in enumerate(value))
        if len(value) != len(args):
            raise MalformedAnswer(f"{where} should have {len(args)} items ({shape_name(shape)}); got {len(value)}.")
        return tuple(_conform(v, a, f"item {i + 1} of {where}", depth + 1) for i, (v, a) in enumerate(zip(value, args)))
    if origin is dict:
        if type(value) is not dict:
            raise MalformedAnswer(f"{where} should be {shape_name(shape)}; got {describe(value)}.")
        _size(value, where)
        out = {}
        for k, v in value.items():
            key = _conform(k, args[0], f"a key of {where}", depth + 1)
            out[key] = _conform(v, args[1], f"{where}[{k!r}]", depth + 1)
        return out
    raise TypeError(f"unsupported answer shape {shape!r}")  # a course-author error, not a learner's


def _size(value, where: str) -> None:
    if len(value) == 0:
        raise MalformedAnswer(f"{where} is empty.")
    if len(value) > MAX_ITEMS:
        raise MalformedAnswer(f"{where} is too large: at most {MAX_ITEMS} items; got {len(value)}.")


def _number(value: Any, where: str, integral: bool) -> float | int:
    converted = _numpy_scalar(value)
    if converted is not None:
        value = converted
    if type(value) is bool:
        raise MalformedAnswer(f"{where} should be {'a whole number' if integral else 'a number'}, not True/False.")
    if integral:
        if type(value) is int:
            return value
        if type(value) is float and value.is_integer():
            return int(value)
        raise MalformedAnswer(f"{where} should be a whole number (int); got {describe(value)}.")
    if type(value) not in (int, float):
        hint = " (remove the quotes)" if type(value) is str else ""
        raise MalformedAnswer(f"{where} should be a number (int or float){hint}; got {describe(value)}.")
    x = float(value)
    if math.isnan(x):
        raise MalformedAnswer(f"{where} is NaN (not a number): a calculation went wrong upstream.")
    if math.isinf(x):
        raise MalformedAnswer(f"{where} is infinite: check for a division by zero.")
    return value


def _plain(value: Any, where: str, depth: int) -> Any:
    """Any plain JSON-like data (used where a rubric checks the structure itself)."""
    t = type(value)
    if value is None or t is bool or t is str:
        if t is str and len(value) > MAX_TEXT:
            raise MalformedAnswer(f"{where} is too long: at most {MAX_TEXT} characters.")
        return value
    if t in (int, float) or _numpy_scalar(value) is not None:
        return _number(value, where, integral=False)
    if t in (list, tuple):
        if len(value) > MAX_ITEMS:
            raise MalformedAnswer(f"{where} is too large: at most {MAX_ITEMS} items.")
        return [_conform(v, None, f"item {i + 1} of {where}", depth + 1) for i, v in enumerate(value)]
    if t is dict:
        if len(value) > MAX_ITEMS:
            raise MalformedAnswer(f"{where} is too large: at most {MAX_ITEMS} items.")
        return {
            _conform(k, None, f"a key of {where}", depth + 1): _conform(v, None, f"{where}[{k!r}]", depth + 1)
            for k, v in value.items()
        }
    raise MalformedAnswer(f"{where} should be plain data (numbers, text, lists, dicts); got {describe(value)}.")


# ---------------------------------------------------------------- arguments checked against their annotations

_SEQUENCES = ("list", "tuple", "set", "frozenset", "Sequence", "Iterable", "Collection")


def _origin(ann: Any) -> tuple[Any, tuple]:
    return typing.get_origin(ann) or ann, typing.get_args(ann)


def _fits(value: Any, ann: Any) -> bool:
    """False when ``value`` is certainly not of annotation ``ann`` (True when unsure: the check is conservative)."""
    import collections.abc as cabc

    origin, args = _origin(ann)
    if origin in (typing.Union, types.UnionType):
        return any(_fits(value, a) for a in args)
    if ann is type(None) or ann is None:
        return value is None
    if origin is typing.Literal:
        return value in args
    if origin is str:
        return type(value) is str
    if origin is bool:
        return type(value) in (bool, int) or type(value).__name__ == "bool_"
    if origin in (int, float):
        if type(value) is bool:
            return False
        if type(value) is int or _numpy_scalar(value) is not None:
            return True
        return type(value) is float and math.isfinite(value)
    if origin in (list, tuple, set, frozenset, cabc.Sequence, cabc.Iterable, cabc.Collection):
        return value is not None and type(value) not in (int, float, bool) and isinstance(value, Iterable)
    if origin in (dict, cabc.Mapping):
        return isinstance(value, cabc.Mapping)
    if origin is cabc.Callable:
        return callable(value)
    return True


def _expected(ann: Any) -> str:
    origin, args = _origin(ann)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(dict.fromkeys(_expected(a) for a in args))
    if ann is type(None) or ann is None:
        return "None"
    if origin is typing.Literal:
        return "one of " + _list([repr(a) for a in args])
    import collections.abc as cabc

    names = {str: "text (a str)", bool: "True or False", int: "a whole number (int)", float: "a finite number",
             dict: "a dict", cabc.Mapping: "a dict", cabc.Callable: "a function"}
    if origin in names:
        return names[origin]
    if getattr(origin, "__name__", "") in _SEQUENCES:
        return "a list"
    return getattr(origin, "__name__", str(origin))


def arguments(func: Any) -> Any:
    """Wrap ``func`` so that each argument is checked against its parameter's annotation first.

    A value that is certainly of the wrong type (text where a number belongs,
    NaN or an infinity, None where None is not allowed, a number where a list
    belongs, ...) raises :class:`InputTypeError` or :class:`InputError` naming
    the parameter, what it expects and what was given; anything else is
    passed on untouched, so good calls behave exactly as before. Used for the
    widgets' constructors and methods (through :class:`pm_course.ui.Widget`)
    and the charts of the widgets modules.

    >>> @arguments
    ... def scale(x: float, label: str = "") -> float:
    ...     return 2 * x
    >>> scale(float("nan"))
    Traceback (most recent call last):
    ...
    pm_course.core.validate.InputError: x must be a finite number; got nan.
    """
    import functools
    import inspect

    if not callable(func):
        raise InputTypeError(f"arguments must wrap a function; got {describe(func)}.")
    if getattr(func, "__checked__", False):
        return func
    plan: list = []

    def checks() -> tuple[inspect.Signature, dict[str, Any]] | None:
        if not plan:
            try:
                plan.append((inspect.signature(func), typing.get_type_hints(func)))
            except (TypeError, ValueError, NameError):
                plan.append(None)
        return plan[0]

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        found = checks()
        if found is not None:
            sig, hints = found
            try:
                bound = sig.bind(*args, **kwargs)
            except TypeError as exc:
                raise InputTypeError(f"{func.__qualname__}() expects the arguments {sig}; "
                                     f"got other ones ({exc}).") from None
            for pname, v in bound.arguments.items():
                ann = hints.get(pname)
                if ann is None or pname == "self" or sig.parameters[pname].kind in (
                        inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD):
                    continue
                if not _fits(v, ann):
                    bad = repr(v) if type(v) is float else describe(v)
                    kind = InputError if type(v) is float else InputTypeError
                    raise kind(f"{pname} must be {_expected(ann)}; got {bad}.")
        return func(*args, **kwargs)

    wrapper.__checked__ = True  # type: ignore[attr-defined]
    return wrapper
