"""The learner's side of the wall: runs inside the sandbox, executes the submission's cells, answers requests.

    python -m pm_course.autograde.runner      # started by the grader, inside bubblewrap

Requests arrive as JSON lines on fd 3, answers leave on fd 4. Nothing that
is said here is trusted by the grader: it receives plain data only
(:mod:`pm_course.autograde.plain`) and computes every verdict itself. This
process only has to keep going (a cell that fails, exits or overruns is
reported, and the next cell runs) so that one bad cell costs only its own
answers.
"""

from __future__ import annotations

import ast
import builtins
import io
import os
import signal
import sys
import traceback
from typing import Any

from .. import settings
from . import plain

OUTPUT_LIMIT = 4_000


class _TimeUp(BaseException):
    pass


def _alarm(signum, frame):
    raise _TimeUp()


class _Capped(io.StringIO):
    def write(self, s: str) -> int:
        room = OUTPUT_LIMIT - self.tell()
        if room > 0:
            super().write(s[:room])
        return len(s)


def _strip_magics(source: str) -> str:
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())


def _short_error(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:400]


def run_cell(source: str, ns: dict, timeout: float) -> dict[str, Any]:
    out = _Capped()
    old = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = out
    signal.setitimer(signal.ITIMER_REAL, timeout)
    result: dict[str, Any] = {"status": "ok"}
    try:
        tree = ast.parse(_strip_magics(source))
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        assert last is None or isinstance(last, ast.Expr)
        exec(compile(tree, "<cell>", "exec"), ns)  # noqa: S102 - the learner's own code, inside the sandbox
        if last is not None:
            value = eval(compile(ast.Expression(last.value), "<cell>", "eval"), ns)  # noqa: S307
            if value is not None:
                out.write(str(value))
    except _TimeUp:
        result = {"status": "timeout", "error": f"the cell ran for more than {timeout:g} s and was stopped"}
    except BaseException as exc:  # noqa: BLE001 - SystemExit, KeyboardInterrupt ... are reported, not obeyed
        result = {"status": "error", "error": _short_error(exc),
                  "trace": "".join(traceback.format_exception_only(type(exc), exc))[-1000:]}
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        sys.stdout, sys.stderr = old
    result["output"] = out.getvalue()
    return result


def call(fn: Any, args: list, timeout: float) -> dict[str, Any]:
    out = _Capped()
    old = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = out
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        value = fn(*args)
        return {"ok": True, "value": plain.encode(value)}
    except _TimeUp:
        return {"ok": False, "timeout": True, "error": f"did not finish within {timeout:g} s"}
    except BaseException as exc:  # noqa: BLE001
        # Only the exception's type: its message may hold the (hidden) inputs the function was given.
        return {"ok": False, "error": "its message is not shown when grading", "type": type(exc).__name__[:80]}
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        sys.stdout, sys.stderr = old


def call_in_child(fn: Any, args: list, timeout: float) -> dict[str, Any]:
    """:func:`call` in a fresh child process: what the function sees and changes (a hidden test's inputs recorded
    in a global, say) ends with the child, so it reaches neither another test nor another answer."""
    import select
    import time

    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: one call, its answer down the pipe, then gone
        os.close(r)
        try:
            data = (plain.dumps(call(fn, args, timeout)) + "\n").encode("utf-8", "replace")
        except BaseException:  # noqa: BLE001 - an unsendable result (e.g. a recursive structure)
            data = b'{"ok":false,"error":"unsendable"}\n'
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(w, view):]
        finally:
            os._exit(0)
    os.close(w)
    chunks, size = [], 0
    deadline = time.monotonic() + timeout + 2
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return {"ok": False, "timeout": True, "error": f"did not finish within {timeout:g} s"}
            ready, _, _ = select.select([r], [], [], left)
            if not ready:
                continue
            chunk = os.read(r, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > plain.MAX_LINE:
                return {"ok": False, "error": "the result is too large"}
    finally:
        os.close(r)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
    try:
        return plain.loads(b"".join(chunks).decode("utf-8", "replace"))
    except plain.PlainError:
        return {"ok": False, "error": "the function ended its process", "type": "SystemExit"}


def _install_stubs(spec: str) -> None:
    """Without bubblewrap, the stand-in questions modules are found by an import hook instead of a bind mount."""
    if not spec:
        return
    import importlib.abc
    import importlib.util

    by_name = {}
    for item in spec.split(os.pathsep):
        real, _, stub = item.partition("=")
        parts = real.replace("\\", "/").split("/")
        by_name[f"pm_course.{parts[-2]}.questions"] = stub

    class _Finder(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name in by_name:
                return importlib.util.spec_from_file_location(name, by_name[name])
            return None

    sys.meta_path.insert(0, _Finder())


def main() -> int:
    signal.signal(signal.SIGALRM, _alarm)
    fd_in, fd_out = (int(a) for a in sys.argv[1:3])
    inbox = os.fdopen(fd_in, "r", encoding="utf-8", errors="replace")
    outbox = os.fdopen(fd_out, "w", encoding="utf-8")
    _install_stubs(settings.take(settings.STUBS))
    seed = settings.take(settings.MPL_SEED)
    if seed and os.path.isdir(seed) and os.environ.get("MPLCONFIGDIR"):  # matplotlib's font cache, built once
        import shutil

        shutil.copytree(seed, os.environ["MPLCONFIGDIR"], dirs_exist_ok=True)

    def send(msg: dict) -> None:
        try:
            outbox.write(plain.dumps(msg) + "\n")
            outbox.flush()
        except (ValueError, OSError):
            outbox.write('{"ok":false,"error":"unsendable"}\n')
            outbox.flush()

    ns: dict[str, Any] = {"__name__": "__main__", "__builtins__": builtins}
    send({"ready": True})
    for line in inbox:
        try:
            msg = plain.loads(line)
        except plain.PlainError:
            send({"ok": False, "error": "bad request"})
            continue
        op = msg.get("op")
        if op == "run":
            for i, cell in enumerate(msg.get("cells", [])):
                res = run_cell(str(cell.get("source", "")), ns, float(msg.get("cell_timeout", 10)))
                res["cell"] = i
                send(res)
            send({"done": True})
        elif op == "get":
            values = {}
            for name in msg.get("names", []):
                if name not in ns:
                    values[name] = {"ok": False, "error": f"NameError: name {name!r} is not defined"}
                    continue
                try:
                    values[name] = {"ok": True, "value": plain.encode(ns[name])}
                except BaseException as exc:  # noqa: BLE001
                    values[name] = {"ok": False, "error": _short_error(exc)}
            send({"values": values})
        elif op == "call":
            fn = ns.get(str(msg.get("name")))
            if fn is None or not callable(fn):
                send({"ok": False, "error": "the function is not defined"})
                continue
            try:
                args = [plain.decode(a) for a in msg.get("args", [])]
            except plain.PlainError as exc:
                send({"ok": False, "error": f"bad arguments: {exc}"})
                continue
            send(call_in_child(fn, args, float(msg.get("timeout", 2))))
        elif op == "exit":
            break
    return 0


if __name__ == "__main__":
    sys.exit(main())
