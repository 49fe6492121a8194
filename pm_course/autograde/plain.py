"""Plain data across the sandbox wall: a tagged JSON encoding that carries only data, never code.

Everything that leaves the sandbox is learner-controlled, so it is decoded
into builtin values only (None, bool, int, float, str, list, tuple, set,
frozenset, dict, and numpy's number, bool and text scalars rebuilt from plain values) and bounded in size
and depth. An object that is not plain
data becomes an :class:`Opaque` record (its type name, and its ``.value`` when
it has one, itself plain), and a function becomes a marker the grader turns
into a call back into the sandbox. The strict checks of
:func:`pm_course.core.validate.conform` then apply on the grader's side as
they do in a learner's kernel.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

__all__ = ["encode", "decode", "Opaque", "FunctionMarker", "PlainError", "MAX_DEPTH", "MAX_ITEMS", "dumps", "loads"]

MAX_DEPTH = 20
MAX_ITEMS = 20_000
MAX_TEXT = 200_000
MAX_LINE = 4_000_000  # characters in one protocol message


class PlainError(ValueError):
    """Data that cannot cross the wall (too deep, too large, malformed)."""


@dataclass(frozen=True)
class Opaque:
    """Something that was not plain data in the sandbox: its type name and, if it had one, its plain ``.value``."""

    type_name: str
    value: Any = None
    has_value: bool = False

    def __getattr__(self, name: str) -> Any:  # only .value is offered, as a widget offers it
        raise AttributeError(name)


@dataclass(frozen=True)
class FunctionMarker:
    """A function defined in the sandbox, by the name it was fetched under."""

    name: str
    qualname: str = ""


def _type_name(value: Any) -> str:
    return type(value).__name__[:80]


def encode(value: Any, depth: int = 0, budget: list[int] | None = None) -> Any:
    """Encode ``value`` for the wall. Exact builtin types only; anything else is described, not carried."""
    budget = budget if budget is not None else [MAX_ITEMS]
    budget[0] -= 1
    if budget[0] < 0:
        return {"t": "toolarge"}
    if depth > MAX_DEPTH:
        return {"t": "toodeep"}
    t = type(value)
    if value is None or t is bool or t is str and len(value) <= MAX_TEXT:
        return value
    if t is str:
        return {"t": "toolarge"}
    if t is int:
        return value if abs(value) < 2**63 else {"t": "bigint", "v": str(value)[:400]}
    if t is float:
        return value if math.isfinite(value) else {"t": "float", "v": repr(value)}
    if value is Ellipsis:
        return {"t": "ellipsis"}
    if t in (list, tuple, set, frozenset):
        items = list(value)
        if len(items) > MAX_ITEMS:
            return {"t": "toolarge"}
        return {"t": t.__name__, "v": [encode(x, depth + 1, budget) for x in items]}
    if t is dict:
        if len(value) > MAX_ITEMS:
            return {"t": "toolarge"}
        return {"t": "dict", "v": [[encode(k, depth + 1, budget), encode(v, depth + 1, budget)] for k, v in value.items()]}
    if getattr(t, "__module__", None) == "numpy" and t.__name__ not in ("ndarray", "matrix"):
        scalar = _numpy_scalar(value, depth, budget)
        if scalar is not None:
            return scalar
    import types

    if t is types.FunctionType:
        return {"t": "function", "q": str(getattr(value, "__qualname__", ""))[:200]}
    out: dict[str, Any] = {"t": "opaque", "type": _type_name(value)}
    try:
        inner = object.__getattribute__(value, "value") if not hasattr(type(value), "value") else value.value
    except BaseException:  # noqa: BLE001 - learner objects may raise anything; they are described, not trusted
        return out
    out["value"] = encode(inner, depth + 1, budget)
    return out


_NUMPY_KINDS = {"b": bool, "i": int, "u": int, "f": float, "U": str}
_NUMPY_SIZES = {"b": (1,), "i": (1, 2, 4, 8), "u": (1, 2, 4, 8), "f": (2, 4, 8), "U": ()}


def _numpy_scalar(value: Any, depth: int, budget: list[int]) -> dict | None:
    """A numpy scalar (np.float64(760.0), np.int64, np.bool_, np.str_) as its kind and its plain value.

    What crosses is only the kind and a plain bool, int, float or str; the grader builds a real numpy
    scalar from them. Anything that only looks like one (a learner's class named like numpy's) gives a
    value of its own making, which is no more than the learner could write as a literal.
    """
    try:
        kind, size = value.dtype.kind, value.dtype.itemsize
        inner = value.item()
    except BaseException:  # noqa: BLE001 - learner objects may raise anything
        return None
    if type(kind) is not str or kind not in _NUMPY_KINDS or type(inner) is not _NUMPY_KINDS[kind]:
        return None
    if type(size) is not int or (_NUMPY_SIZES[kind] and size not in _NUMPY_SIZES[kind]):
        return None
    plain_inner = encode(inner, depth + 1, budget)
    if type(plain_inner) is dict and plain_inner.get("t") != "float":
        return None  # too large a number or text: described, not carried
    return {"t": "np", "k": kind if kind == "U" else f"{kind}{size}", "v": plain_inner}


def _decode_numpy(data: dict, depth: int) -> Any:
    kind = data.get("k")
    if type(kind) is not str or not kind or kind[0] not in _NUMPY_KINDS:
        raise PlainError("malformed numpy scalar")
    size = kind[1:]
    if kind[0] == "U" and size or kind[0] != "U" and (not size.isdigit() or int(size) not in _NUMPY_SIZES[kind[0]]):
        raise PlainError("malformed numpy scalar")
    inner = decode(data.get("v"), depth + 1)
    want = _NUMPY_KINDS[kind[0]]
    if type(inner) is not want:
        raise PlainError("malformed numpy scalar")
    import numpy

    try:
        return numpy.str_(inner) if kind == "U" else numpy.dtype(kind).type(inner)
    except (OverflowError, ValueError, TypeError):
        raise PlainError("a numpy scalar out of range") from None


def decode(data: Any, depth: int = 0) -> Any:
    """Rebuild plain values from :func:`encode`'s output (learner-controlled: checked at every step)."""
    if depth > MAX_DEPTH + 2:
        raise PlainError("nested too deeply")
    t = type(data)
    if data is None or t in (bool, int, float):
        if t is int and abs(data) >= 2**63:
            raise PlainError("integer too large")
        return data
    if t is str:
        if len(data) > MAX_TEXT:
            raise PlainError("text too long")
        return data
    if t is list:
        raise PlainError("untagged list")
    if t is not dict or type(data.get("t")) is not str:
        raise PlainError("malformed value")
    tag = data["t"]
    if tag in ("list", "tuple", "set", "frozenset"):
        items = data.get("v")
        if type(items) is not list or len(items) > MAX_ITEMS:
            raise PlainError("malformed sequence")
        values = [decode(x, depth + 1) for x in items]
        if tag == "list":
            return values
        if tag == "tuple":
            return tuple(values)
        try:
            return set(values) if tag == "set" else frozenset(values)
        except TypeError:
            raise PlainError("a set of unhashable items") from None
    if tag == "dict":
        pairs = data.get("v")
        if type(pairs) is not list or len(pairs) > MAX_ITEMS:
            raise PlainError("malformed dict")
        out = {}
        for pair in pairs:
            if type(pair) is not list or len(pair) != 2:
                raise PlainError("malformed dict item")
            key = decode(pair[0], depth + 1)
            try:
                out[key] = decode(pair[1], depth + 1)
            except TypeError:
                raise PlainError("an unhashable dict key") from None
        return out
    if tag == "float":
        v = data.get("v")
        if v not in ("nan", "inf", "-inf"):
            raise PlainError("malformed float")
        return float(v)
    if tag == "ellipsis":
        return Ellipsis
    if tag == "np":
        return _decode_numpy(data, depth)
    if tag == "function":
        return FunctionMarker("", str(data.get("q", ""))[:200])
    if tag == "opaque":
        name = str(data.get("type", "object"))[:80]
        if "value" in data:
            return Opaque(name, decode(data["value"], depth + 1), True)
        return Opaque(name)
    if tag in ("toolarge", "toodeep", "bigint"):
        return Opaque(f"<{tag}>")
    raise PlainError(f"unknown tag {tag[:40]!r}")


def dumps(message: dict) -> str:
    return json.dumps(message, allow_nan=False, separators=(",", ":"))


def loads(line: str) -> dict:
    if len(line) > MAX_LINE:
        raise PlainError("message too large")
    try:
        msg = json.loads(line)
    except (ValueError, RecursionError):
        raise PlainError("not a JSON message") from None
    if type(msg) is not dict:
        raise PlainError("not a message")
    return msg
