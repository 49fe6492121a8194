"""Running a learner's function: isolated in a forked child process, or guarded in this one.

A :class:`~pm_course.core.checkers.Function` check calls a learner's
function only through this module. Where fork works (Linux, macOS) each
check forks a supervisor and, under it, a worker that runs every case and
sends back plain data only (pickled frames read by a safe unpickler); the
supervisor ends the worker and every process it started when the results
are in or the time is up. Where fork is missing or fails (Windows, the
browser), or ``PM_COURSE_CHECKS=in-process`` is set, each case runs in this
process under a trace guard that stops Python code at its time limit.

Misconception predicates and rules see the function only as a :class:`Runs`.
"""

from __future__ import annotations

import copy
import io
import os
import pickle
import select
import signal
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

try:
    import resource
except ImportError:  # pragma: no cover - not a Unix
    resource = None  # type: ignore[assignment]

from .. import settings
from .validate import InputTypeError, _numpy_scalar, describe, number

__all__ = [
    "TimeLimitExceeded", "LearnerCodeError", "RunKind", "Runs", "isolated", "call_with_time_limit", "isolation",
    "NOT_ISOLATED", "MEMORY_HEADROOM", "unplain_in",
]


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


def unplain_in(value: Any, depth: int = 0) -> _Unplain | None:
    """The first marker of a value that was not plain data inside a result sent back by the child, or None."""
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
        found = unplain_in(v, depth + 1)
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
