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
import io
import math
import os
import pickle
import select
import signal
import struct
import sys
import threading
import time
import types
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

try:
    import resource
except ImportError:  # pragma: no cover - not a Unix
    resource = None  # type: ignore[assignment]

from .. import settings
from .validate import (
    InputTypeError,
    MalformedAnswer,
    NotAttempted,
    _numpy_scalar,
    conform,
    describe,
    number,
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
        value = conform(answer, dict[str, str])
        keys = {_norm_text(k): k for k in self.expected}
        out = {}
        for k, v in value.items():
            if _norm_text(k) not in keys:
                raise MalformedAnswer(
                    f"{k!r} is not one of the items asked about ({', '.join(map(repr, self.expected))})."
                )
            if self.categories is not None:
                match = [c for c in self.categories if _norm_text(c) == _norm_text(v)]
                if not match:
                    raise MalformedAnswer(
                        f"{v!r} (for {k!r}) is not a category; use one of {', '.join(map(repr, self.categories))}."
                    )
                v = match[0]
            out[keys[_norm_text(k)]] = v
        missing = [k for k in self.expected if k not in out]
        if missing:
            raise MalformedAnswer("Place every item; missing: " + ", ".join(map(repr, missing)) + ".")
        return out

    def verify(self, answer: Any) -> None:
        wrong = [k for k in self.expected if _norm_text(answer[k]) != _norm_text(self.expected[k])]
        if not wrong:
            return
        lines = [f"{len(self.expected) - len(wrong)} of {len(self.expected)} items are placed right."]
        lines += [self.item_hints[k] for k in wrong if k in self.item_hints]
        raise Incorrect(*lines)


class TimeLimitExceeded(Exception):
    pass


class LearnerCodeError(Exception):
    """The learner's function raised (or ended its process): ``name`` is what it raised, ``message`` its text."""

    def __init__(self, name: str, message: str = ""):
        super().__init__(f"{name}: {message}" if message else name)
        self.name = name
        self.message = message


class _Unplain:
    """Stands for a value the learner's function returned that is not plain data (described in the child)."""

    def __init__(self, desc: str):
        self.desc = desc

    def __repr__(self) -> str:
        return self.desc


#: How one run of a learner's function ended: it returned a value, raised, overran its time, ended its
#: process, or sent back something that is not a result.
RunKind = Literal["value", "raised", "timeout", "exited", "garbled"]


@dataclass
class _Outcome:
    kind: RunKind
    value: Any = None
    name: str = ""
    message: str = ""


_MAX_FRAME = 64 * 1024 * 1024   # bytes of one result sent back by the child
_MAX_OUTPUT = 20_000            # characters of the learner's printed output passed on
_PLAIN_DEPTH = 60


class _SafeUnpickler(pickle.Unpickler):
    """Reads only plain data from the child: no class can be loaded except the markers below."""

    _allowed = {("builtins", "Ellipsis"), ("builtins", "set"), ("builtins", "frozenset"), ("builtins", "complex"),
                (__name__, "_Unplain")}

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in self._allowed:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not plain data")


def _plain_copy(value: Any, depth: int = 0) -> Any:
    """Plain data as conform() reads it; exact numpy scalars become numbers; anything else a described marker."""
    t = type(value)
    if value is None or value is Ellipsis or t in (bool, int, float, str, complex):
        return value
    if depth > _PLAIN_DEPTH:
        return _Unplain("data nested too deeply")
    if t in (list, tuple, set, frozenset):
        items = [_plain_copy(v, depth + 1) for v in value]
        return t(items) if t is not list else items
    if t is dict:
        return {_plain_copy(k, depth + 1): _plain_copy(v, depth + 1) for k, v in value.items()}
    number = _numpy_scalar(value)
    if number is not None:
        return number
    return _Unplain(describe(value))


def _has_unplain(value: Any, depth: int = 0) -> _Unplain | None:
    if type(value) is _Unplain:
        return value
    if depth > _PLAIN_DEPTH + 2:
        return None
    if type(value) in (list, tuple, set, frozenset):
        items: Iterable[Any] = value
    elif type(value) is dict:
        items = [x for kv in value.items() for x in kv]
    else:
        return None
    for v in items:
        found = _has_unplain(v, depth + 1)
        if found is not None:
            return found
    return None


class _BoundedText(io.TextIOBase):
    def __init__(self):
        self.parts: list[str] = []
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, text: Any) -> int:
        text = str(text) if type(text) is not str else text
        if self.size < _MAX_OUTPUT:
            self.parts.append(text[: _MAX_OUTPUT - self.size])
            self.size += len(self.parts[-1])
        return len(text)


def _child(fd: int, fn: Callable, cases: Sequence[tuple]) -> None:
    """In the forked child: run every case, send one frame per case, stop at the first that raises."""
    out = _BoundedText()
    sys.stdout = sys.stderr = out  # the learner's prints come back to the parent as text
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)

    def send(item: tuple) -> None:
        blob = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
        if len(blob) > _MAX_FRAME:
            blob = pickle.dumps(("raised", None, "ResultTooLarge",
                                 f"the result is {len(blob):,} bytes; at most {_MAX_FRAME:,} can be checked", ""))
        data = struct.pack("!Q", len(blob)) + blob
        while data:
            n = os.write(fd, data)
            data = data[n:]

    for args in cases:
        try:
            result = fn(*args)
            item: tuple = ("value", _plain_copy(result), "", "")
        except BaseException as exc:  # SystemExit, KeyboardInterrupt and the rest: all become feedback
            try:
                message = str(exc)[:300]
            except BaseException:
                message = ""
            item = ("raised", None, type(exc).__name__, message)
        send(item + ("".join(out.parts),))
        out.parts, out.size = [], 0
        if item[0] == "raised":
            break


def _read_exact(fd: int, n: int, deadline: float) -> bytes | None:
    """n bytes from fd before the deadline; None on end of file; raises TimeLimitExceeded when time is up."""
    chunks, got = [], 0
    while got < n:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeLimitExceeded()
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            raise TimeLimitExceeded()
        chunk = os.read(fd, min(n - got, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


MEMORY_HEADROOM = 512 * 1024 * 1024  # bytes of address space a learner's function may add to its process
_SETTLE_S = 3.0                         # how long the supervisor gets to end what the function started
_PR_SET_CHILD_SUBREAPER = 36
_libc: Any = None


def _load_libc() -> Any:
    """The C library (Linux only), loaded before a fork so that the child imports nothing."""
    global _libc
    if _libc is None:
        _libc = False
        if sys.platform.startswith("linux"):
            try:
                import ctypes

                _libc = ctypes.CDLL(None, use_errno=True)
            except (OSError, ImportError, AttributeError):  # pragma: no cover - a libc without symbols
                _libc = False
    return _libc or None


def _close_inherited(keep: set[int]) -> None:
    """Close every descriptor from 3 up, except ``keep``: learner code cannot reach the kernel's files or sockets."""
    try:
        top = os.sysconf("SC_OPEN_MAX")
    except (ValueError, OSError):  # pragma: no cover
        top = 1 << 16
    top = max(int(top), max(keep) + 1) if top > 0 else 1 << 16
    low = 3
    for fd in sorted(keep):
        if fd >= low:
            os.closerange(low, fd)
            low = fd + 1
    os.closerange(low, top)


def _limit_memory() -> None:
    """Cap the child's address space at what it has now plus MEMORY_HEADROOM (where the system allows it)."""
    if resource is None:  # pragma: no cover - not a Unix
        return
    try:
        with open("/proc/self/statm", "rb") as fh:
            now = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        now = 0  # no /proc: only the headroom above what the process had (ru_maxrss) can be set
        try:
            now = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024) * 4
        except (OSError, ValueError):
            return
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = now + MEMORY_HEADROOM
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        if soft == resource.RLIM_INFINITY or limit < soft:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (OSError, ValueError):  # pragma: no cover - a platform without RLIMIT_AS
        pass


def _children(pid: int) -> list[int]:
    """The live or unreaped children of ``pid`` (Linux /proc); [] where that cannot be read."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children", "rb") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        pass
    found = []
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for name in entries:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(name))
        except (OSError, IndexError, ValueError):
            continue
    return found


def _end_descendants(worker: int) -> None:
    """In the supervisor: kill every process the worker started, however detached, and reap them.

    The supervisor is a child subreaper (Linux), so a process whose parent
    dies (a daemon, a ``start_new_session`` subprocess) becomes its child and
    is found on the next round. Elsewhere only the worker's group is ended.
    """
    me = os.getpid()
    for round_ in range(200):
        kids = _children(me)
        if round_ == 0 and worker not in kids:
            kids.append(worker)
        if not kids:
            break
        for kid in kids:
            try:
                os.kill(kid, signal.SIGKILL)
            except OSError:
                pass
        for kid in kids:
            try:
                os.waitpid(kid, 0)
            except OSError:
                pass
    while True:  # anything else that ended meanwhile
        try:
            if os.waitpid(-1, os.WNOHANG)[0] == 0:
                break
        except OSError:
            break


def _supervise(ctl: int, w: int, fn: Callable, cases: Sequence[tuple]) -> None:
    """The forked supervisor: a new session, a subreaper, no inherited descriptors; runs the worker, then ends
    every process the worker started once the caller closes ``ctl`` (or dies)."""
    os.setsid()  # its own session and process group: the caller ends the whole group at the end
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_IGN)
    libc = _libc or None
    if libc is not None:
        libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    _close_inherited({ctl, w})
    worker = os.fork()
    if worker == 0:
        try:
            os.close(ctl)
            try:
                null = os.open(os.devnull, os.O_RDONLY)
                os.dup2(null, 0)
                os.close(null)
            except OSError:
                pass
            _limit_memory()
            _child(w, fn, cases)
        finally:
            os._exit(0)
    os.close(w)  # only the worker writes results: its end of file is the caller's "exited"
    try:
        while os.read(ctl, 1):
            pass
    except OSError:
        pass
    _end_descendants(worker)
    os.killpg(0, signal.SIGKILL)  # the supervisor's own group, itself included


def _end_supervisor(pid: int) -> None:
    """In the caller: wait (briefly) for the supervisor to end what the function started; then end its group."""
    deadline = time.monotonic() + _SETTLE_S
    waitid = getattr(os, "waitid", None)
    while waitid is not None and time.monotonic() < deadline:
        try:
            if waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None:
                break  # ended, and not reaped yet: its process group id cannot be reused
        except ChildProcessError:
            return
        time.sleep(0.002)
    for kill, target in ((os.killpg, pid), (os.kill, pid)):
        try:
            kill(target, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass


def _run_cases(fn: Callable, cases: Sequence[tuple], seconds: float) -> list[_Outcome]:
    """Run ``fn`` on each case in one isolated child process; each case has ``seconds``. Stops at the first that fails.

    Two processes are forked: a supervisor (its own session; on Linux a child
    subreaper) and, under it, the worker that calls ``fn``. The worker holds
    no descriptor of the caller's but the result pipe (the progress database,
    the kernel's sockets stay out of reach), and its address space is capped
    at MEMORY_HEADROOM above what it started with. When the results are in, or
    time is up, the supervisor kills the worker and every process it started
    (detached ones too), then its own group.
    """
    if isolation() != "fork":
        return _run_cases_in_process(fn, cases, seconds)
    _load_libc()
    r, w = os.pipe()
    ctl_r, ctl_w = os.pipe()
    try:
        pid = os.fork()
    except (OSError, RuntimeError):  # a fork that exists but fails (the browser's Python): run in this process
        global _fork_failed
        _fork_failed = True
        for fd in (r, w, ctl_r, ctl_w):
            os.close(fd)
        return _run_cases_in_process(fn, cases, seconds)
    if pid == 0:  # the supervisor: never returns into the caller's code, whatever the learner's function does
        try:
            os.close(r)
            os.close(ctl_w)
            _supervise(ctl_r, w, fn, cases)
        finally:
            os._exit(0)
    os.close(w)
    os.close(ctl_r)
    outcomes: list[_Outcome] = []
    printed: list[str] = []
    try:
        while len(outcomes) < len(cases):
            deadline = time.monotonic() + seconds
            try:
                head = _read_exact(r, 8, deadline)
                blob = None
                if head is not None:
                    size = struct.unpack("!Q", head)[0]
                    if size > _MAX_FRAME:
                        outcomes.append(_Outcome("garbled"))
                        break
                    blob = _read_exact(r, size, deadline + 1.0)  # the frame has started: let it finish
            except TimeLimitExceeded:
                outcomes.append(_Outcome("timeout"))
                break
            if head is None or blob is None:
                outcomes.append(_Outcome("exited"))
                break
            try:
                kind, value, name, message, text = _SafeUnpickler(io.BytesIO(blob)).load()
                if kind not in ("value", "raised") or type(name) is not str or type(message) is not str:
                    raise ValueError(kind)
            except Exception:
                outcomes.append(_Outcome("garbled"))
                break
            if type(text) is str and text:
                printed.append(text)
            outcomes.append(_Outcome(kind, value, name, message))
            if kind == "raised":
                break
    finally:
        os.close(r)
        os.close(ctl_w)  # the supervisor's signal to end everything
        _end_supervisor(pid)
    if printed:
        shown = "".join(printed)
        sys.stdout.write(shown[:_MAX_OUTPUT] + ("\n[output cut short]\n" if len(shown) > _MAX_OUTPUT else ""))
    return outcomes


def _run_cases_remote(fn: Callable, cases: Sequence[tuple], seconds: float) -> list[_Outcome]:
    """Call a function that runs elsewhere (the grading sandbox) directly: it enforces its own time limit."""
    outcomes = []
    for args in cases:
        try:
            outcomes.append(_Outcome("value", fn(*args)))
        except TimeLimitExceeded:
            outcomes.append(_Outcome("timeout"))
            break
        except Exception as exc:  # the learner's function raised inside the sandbox (described, not carried)
            outcomes.append(_Outcome("raised", None, str(getattr(exc, "type_name", type(exc).__name__)),
                                     str(exc)[:300]))
            break
    return outcomes


NOT_ISOLATED = (
    "(On this computer a check runs your function inside the notebook's own process, not in a separate one: "
    "it is stopped after its time limit while it runs Python code, but what it changes, opens or prints stays "
    "in your notebook.)"
)


def isolation() -> str:
    """How learner functions run here: ``"fork"`` (an isolated child process) or ``"in-process"`` (guarded).

    Fork where it exists (Linux, macOS); in-process on Windows, in the
    browser (Pyodide, where ``os.fork`` exists but fails), and wherever
    ``PM_COURSE_CHECKS=in-process`` is set.
    """
    if settings.read(settings.CHECKS) == "in-process":
        return "in-process"
    if _fork_failed or not hasattr(os, "fork") or sys.platform in ("win32", "emscripten", "wasi"):
        return "in-process"
    return "fork"


_fork_failed = False  # set once os.fork exists here but fails


class _Overrun(BaseException):
    """Raised inside a learner's function by the step guard when its time is up (not an Exception: a bare
    ``except Exception`` in the learner's code does not swallow it, and the guard raises again on the next line)."""


def _guarded_call(fn: Callable, args: tuple, deadline: float, box: dict[str, Any]) -> None:
    """Call ``fn(*args)`` with a trace function that stops it at ``deadline`` (on any line, call or return)."""
    def guard(frame: Any, event: str, arg: Any) -> Any:
        if time.monotonic() > deadline:
            raise _Overrun()
        return guard

    old = sys.gettrace()
    sys.settrace(guard)
    try:
        box["value"] = _plain_copy(fn(*args))
    except _Overrun:
        box["timeout"] = True
    except BaseException as exc:  # SystemExit, KeyboardInterrupt too: reported to the caller
        box["error"] = exc
    finally:
        sys.settrace(old)


def _run_cases_in_process(fn: Callable, cases: Sequence[tuple], seconds: float) -> list[_Outcome]:
    """Run ``fn`` on each case in this process, under a guard; stops at the first case that fails.

    Where fork is missing (Windows) or fails (the browser). Each case runs
    in a thread of its own (in the calling thread where threads cannot be
    started) under a trace function that raises inside the learner's code once
    the case's ``seconds`` are up, so an endless loop in Python code is
    stopped. Not contained here, unlike with fork: a long call inside C code
    (the trace cannot interrupt it: the thread is abandoned and reported as an
    overrun), memory use, ``os._exit``, and changes to the notebook's own state
    (globals, files, modules the function patches).
    """
    outcomes = []
    for args in cases:
        box: dict[str, Any] = {}
        deadline = time.monotonic() + seconds
        worker = threading.Thread(target=_guarded_call, args=(fn, args, deadline, box), daemon=True)
        try:
            worker.start()
        except RuntimeError:  # no threads (the browser): the guard alone, in this thread
            _guarded_call(fn, args, deadline, box)
        else:
            worker.join(seconds + 1.0)
        if box.get("timeout") or not box:
            outcomes.append(_Outcome("timeout"))
            break
        if "error" in box:
            outcomes.append(_Outcome("raised", None, type(box["error"]).__name__, str(box["error"])[:300]))
            break
        outcomes.append(_Outcome("value", box.get("value")))
    return outcomes


class Runs:
    """A learner's function as misconception predicates and rules see it: only through the isolated runner.

    ``runs(*args)`` returns what the function returned for those arguments in
    its child process: recorded by the check's own run when the arguments
    are one of its cases, else run now in a new child (same time limit).
    What it raised there is raised here as :class:`LearnerCodeError`, an
    overrun as :class:`TimeLimitExceeded` (both ordinary exceptions). After
    one overrun, no further input is run. The function itself is never
    called in this process, and a ``Runs`` never hands it out.
    """

    __slots__ = ("_batch", "_seen", "_dead", "time_limit")

    def __init__(self, batch: Callable[[list[tuple]], list[_Outcome]], time_limit: float):
        self._batch = batch
        self._seen: list[tuple[tuple, _Outcome]] = []
        self._dead = False
        self.time_limit = time_limit

    def run_all(self, cases: Sequence[tuple]) -> list[_Outcome]:
        """Run the cases in one child (stopping at the first that fails) and record every outcome."""
        if self._dead:
            return [_Outcome("timeout")]
        outcomes = self._batch([copy.deepcopy(args) for args in cases])
        for args, out in zip(cases, outcomes):
            self._seen.append((copy.deepcopy(args), out))
            if out.kind == "timeout":
                self._dead = True
        return outcomes

    def outcome(self, *args: Any) -> _Outcome:
        for seen, out in self._seen:
            try:
                if type(seen) is type(args) and seen == args:
                    return out
            except Exception:  # arguments that cannot be compared are run again
                continue
        return self.run_all([args])[0]

    def __call__(self, *args: Any) -> Any:
        out = self.outcome(*args)
        if out.kind == "value":
            return copy.deepcopy(out.value)
        if out.kind == "timeout":
            raise TimeLimitExceeded()
        if out.kind == "raised":
            raise LearnerCodeError(out.name, out.message)
        raise LearnerCodeError("SystemExit" if out.kind == "exited" else "ProtocolError")

    def __repr__(self) -> str:
        where = "in its own process" if isolation() == "fork" else "in this process, under a time guard"
        return f"<the learner's function, as run {where}>"


def isolated(fn: Callable, time_limit: float = 2.0) -> Runs:
    """``fn`` wrapped so that every call runs in an isolated child process (see :class:`Runs`)."""
    if isinstance(fn, Runs):
        return fn
    if not callable(fn):
        raise InputTypeError(f"fn must be a function; got {describe(fn)}.")
    remote = bool(getattr(fn, "__pm_course_remote__", False))
    run = _run_cases_remote if remote else _run_cases

    def batch(cases: list[tuple]) -> list[_Outcome]:
        return run(fn, cases, time_limit)

    return Runs(batch, time_limit)


def call_with_time_limit(fn: Callable, args: tuple, seconds: float) -> Any:
    """Call ``fn(*args)`` in a child process; raise :class:`TimeLimitExceeded` after ``seconds``.

    The call cannot hang, exit or patch the caller: it runs in a forked child
    that is killed when it overruns, and only plain data comes back (a value
    that is not plain data comes back as a described marker). Whatever the
    function raises (SystemExit and KeyboardInterrupt too) is raised here as
    :class:`LearnerCodeError`; ``os._exit`` or a crash as well. Given a
    :class:`Runs` (what a misconception predicate receives), the recorded
    outcome is used, or the input is run under that Runs' own time limit.
    """
    if not callable(fn):
        raise InputTypeError(f"fn must be a function; got {describe(fn)}.")
    if type(args) is not tuple:
        raise InputTypeError(f"args must be a tuple of arguments; got {describe(args)}.")
    seconds = number("seconds", seconds, low=0, low_open=True, high=3600)
    if isinstance(fn, Runs):
        return fn(*args)
    out = _run_cases(fn, [args], seconds)[0]
    if out.kind == "timeout":
        raise TimeLimitExceeded()
    if out.kind == "raised":
        raise LearnerCodeError(out.name, out.message)
    if out.kind in ("exited", "garbled"):
        raise LearnerCodeError("SystemExit" if out.kind == "exited" else "ProtocolError",
                               "the function ended its process" if out.kind == "exited" else
                               "the function's process sent something that is not a result")
    return out.value


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
    :func:`_run_cases`), each case with a deep copy of its arguments and
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
            odd = _has_unplain(result)
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
