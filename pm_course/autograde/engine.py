"""Grading one submission: the learner's cells run in the sandbox, the instructor's tests run here.

For each notebook of an assignment:

1. The instructor's source notebook (``solutions/``) is the authority: its
   locked cells replace the submission's, its test cells (with hidden tests)
   are never sent into the sandbox, and the submission's copies of them are
   ignored.
2. The learner's cells (and the locked setup cells) run in order in the
   sandbox (:mod:`.sandbox`). A cell that fails, exits or overruns is
   reported; if it brings the sandbox down, the sandbox is restarted without
   that cell, so it costs only the answers that depended on it.
3. Here, in a process where no learner code has run, the setup cells run
   again and each test cell runs with the names it uses fetched from the
   sandbox as plain data; a function answer becomes a stand-in that calls the
   learner's function inside the sandbox and returns only its plain result.
   ``qN.grade(...)`` raises while grading, so a test cell scores its points
   or nothing.

The result is plain data (:class:`NotebookResult` as a dict), written to the
gradebook by :mod:`.cohort` as the single writer.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import errno
import hashlib
import io
import json
import math
import os
import re
import stat
import time
from pathlib import Path
from typing import Any

from .. import settings
from . import plain
from .sandbox import DEFAULT_LIMITS, BudgetExhausted, Limits, RemoteError, Sandbox, SandboxCrashed

__all__ = ["grade_notebook", "source_cells", "strip_hidden_tests", "read_inside", "parse_submission",
           "MAX_NOTEBOOK_BYTES"]

MAX_NOTEBOOK_BYTES = 8 * 1024**2
MAX_RESTARTS = 3
_HIDDEN = re.compile(r"^[ \t]*### BEGIN HIDDEN TESTS.*?^[ \t]*### END HIDDEN TESTS[ \t]*\n?", re.M | re.S)


def strip_hidden_tests(source: str) -> str:
    """A test cell's source without its hidden tests (what learners may see in feedback)."""
    return _HIDDEN.sub("", source)


def _meta(cell: dict) -> dict:
    m = cell.get("metadata") if isinstance(cell, dict) else None
    m = m.get("nbgrader", {}) if isinstance(m, dict) else {}
    return m if isinstance(m, dict) else {}


def _source(cell: dict) -> str:
    s = cell.get("source", "")
    return "".join(x if isinstance(x, str) else "" for x in s) if isinstance(s, list) else str(s)


def read_inside(base: Path, parts: list[str], limit: int) -> bytes:
    """The bytes of ``base/parts...``, never following a symbolic link below ``base`` (the learner's folder).

    Each folder is opened with O_NOFOLLOW relative to the one before, and the file must be a regular file
    of at most ``limit`` bytes: a link to solutions/, the gradebook or another student's work is refused,
    not read. Raises ValueError saying what was found.
    """
    fd = os.open(base, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            flags = os.O_RDONLY | os.O_NOFOLLOW | (os.O_NONBLOCK if last else os.O_DIRECTORY)
            where = "/".join(parts[: i + 1])
            try:
                nfd = os.open(part, flags, dir_fd=fd)
            except FileNotFoundError:
                raise ValueError(f"{where} is missing from the submission") from None
            except OSError as exc:
                if exc.errno in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK):
                    raise ValueError(f"{where} is a symbolic link or not a folder; links are not followed") from None
                raise ValueError(f"{where} could not be read ({exc.strerror})") from None
            os.close(fd)
            fd = nfd
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ValueError(f"{'/'.join(parts)} is not a regular file")
        if st.st_size > limit:
            raise ValueError(f"{'/'.join(parts)} is {st.st_size / 1024**2:.1f} MB; at most {limit / 1024**2:g} MB")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise ValueError(f"{'/'.join(parts)} is larger than {limit / 1024**2:g} MB")
        return b"".join(chunks)
    finally:
        os.close(fd)


def _check_cells(nb: Any) -> None:
    """Raise ValueError unless ``nb`` has a notebook's structure wherever the grader reads it."""
    if type(nb) is not dict or type(nb.get("cells")) is not list:
        raise ValueError("the file is not a notebook (no list of cells)")
    if type(nb.get("metadata", {})) is not dict:
        raise ValueError("the notebook's metadata is not a mapping")
    for i, c in enumerate(nb["cells"], 1):
        if type(c) is not dict or c.get("cell_type") not in ("code", "markdown", "raw"):
            raise ValueError(f"the notebook has a malformed cell (cell {i})")
        meta = c.get("metadata", {})
        if type(meta) is not dict:
            raise ValueError(f"cell {i}'s metadata is a {type(meta).__name__}, not a mapping")
        nbg = meta.get("nbgrader", {})
        if type(nbg) is not dict:
            raise ValueError(f"cell {i}'s nbgrader metadata is a {type(nbg).__name__}, not a mapping")
        if "grade_id" in nbg and type(nbg["grade_id"]) is not str:
            raise ValueError(f"cell {i}'s grade_id is a {type(nbg['grade_id']).__name__}, not a text")
        for key in ("grade", "solution", "locked", "task"):
            if key in nbg and type(nbg[key]) is not bool:
                raise ValueError(f"cell {i}'s nbgrader {key!r} is a {type(nbg[key]).__name__}, not True or False")
        if "points" in nbg and (type(nbg["points"]) not in (int, float) or not math.isfinite(nbg["points"])):
            raise ValueError(f"cell {i}'s nbgrader points are not a number")
        src = c.get("source", "")
        if not (type(src) is str or type(src) is list and all(type(x) is str for x in src)):
            raise ValueError(f"cell {i}'s source is not text or a list of texts")


def parse_submission(data: bytes) -> dict:
    """A submitted notebook's bytes as a notebook whose structure is checked (ValueError says what is wrong)."""
    try:
        nb = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError, MemoryError) as exc:
        raise ValueError(f"the notebook is not valid JSON ({str(exc)[:80]})") from None
    _check_cells(nb)
    return nb


def source_cells(path: Path) -> dict[str, Any]:
    """The instructor's notebook: its cells and which are locked, tests, or written answers."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = nb["cells"]
    by_id = {}
    for c in cells:
        gid = _meta(c).get("grade_id")
        if gid:
            by_id[gid] = c
    tests = [c for c in cells if c["cell_type"] == "code" and _meta(c).get("grade") and not _meta(c).get("solution")]
    written = [c for c in cells if _meta(c).get("grade") and _meta(c).get("solution")]
    setup = [c for c in cells if c["cell_type"] == "code" and _meta(c).get("locked") and not _meta(c).get("grade")]
    return {"nb": nb, "by_id": by_id, "tests": tests, "written": written, "setup": setup}


def _read_submission(path: Path, base: Path | None = None) -> dict:
    """The submitted notebook at ``path``, read without following links below ``base`` (default: the
    submitted/ folder, three levels up: submitted/STUDENT/ASSIGNMENT/NAME.ipynb)."""
    base = base if base is not None else path.parents[2]
    parts = list(path.relative_to(base).parts)
    return parse_submission(read_inside(base, parts, MAX_NOTEBOOK_BYTES))


def _cells_to_run(source: dict, sub: dict) -> list[dict]:
    """The code cells to run in the sandbox, in the submission's order, locked cells as the instructor wrote them."""
    by_id = source["by_id"]
    run: list[dict] = []
    seen_setup = set()
    for index, c in enumerate(sub["cells"]):
        if c.get("cell_type") != "code":
            continue
        gid = _meta(c).get("grade_id")
        src_cell = by_id.get(gid) if isinstance(gid, str) else None
        if src_cell is not None and src_cell["cell_type"] == "code":
            m = _meta(src_cell)
            if m.get("grade") and not m.get("solution"):
                continue  # a test cell: run outside, from the source
            if m.get("locked"):
                seen_setup.add(gid)
                run.append({"grade_id": gid, "source": _source(src_cell), "kind": "locked", "sub_index": index})
                continue
        run.append({"grade_id": gid if isinstance(gid, str) else None, "source": _source(c)[:200_000],
                    "kind": "learner", "sub_index": index})
    missing = [c for c in source["setup"] if _meta(c).get("grade_id") not in seen_setup]
    return [{"grade_id": _meta(c).get("grade_id"), "source": _source(c), "kind": "locked", "sub_index": None}
            for c in missing] + run


def _run_in_sandbox(cells: list[dict], stubs: dict, limits: Limits, sandboxed: bool,
                    mpl_seed: str | None = None, student: str = "",
                    deadline: float | None = None) -> tuple[Sandbox, list[dict], list[str]]:
    """Run the cells; restart without any cell that brings the sandbox down. Returns the live sandbox."""
    skipped: set[int] = set()
    notes: list[str] = []
    started = time.monotonic()
    for _attempt in range(MAX_RESTARTS + 1):
        box = Sandbox(stubs, limits, sandboxed=sandboxed, mpl_seed=mpl_seed, student=student)
        box.deadline = deadline
        box.start()
        order = [i for i in range(len(cells)) if i not in skipped]
        try:
            results = box.run([cells[i]["source"] for i in order], started=time.monotonic())
        except SandboxCrashed as exc:
            done = getattr(exc, "results", [])
            bad = order[len(done)] if len(done) < len(order) else None
            box.close()
            if bad is None or isinstance(exc, BudgetExhausted) or time.monotonic() - started > limits.notebook_seconds:
                raise
            skipped.add(bad)
            notes.append(f"cell {bad + 1} stopped the notebook ({exc}); it was left out and the rest run again")
            continue
        out = []
        it = iter(results)
        for i in range(len(cells)):
            if i in skipped:
                out.append({"status": "stopped", "output": "",
                            "error": "this cell ended or hung the notebook and was not run for grading"})
            else:
                out.append(next(it))
        return box, out, notes
    raise SandboxCrashed("the notebook kept stopping")


def _free_names(source: str) -> list[str]:
    tree = ast.parse(source)
    bound = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    loads = [n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)]
    return sorted({n for n in loads if n not in bound and not hasattr(builtins, n)})


def _proxy(box: Sandbox, name: str) -> Any:
    """A real function (so answer checks accept it) whose body asks the sandbox to call the learner's one."""

    def learner_function(*args):
        try:
            return box.call(name, args)
        except RemoteError as exc:
            if exc.timeout:
                from ..core.isolation import TimeLimitExceeded

                raise TimeLimitExceeded() from None
            raise _LearnerError(exc.type_name, "its message is not shown when grading") from None
        except BudgetExhausted as exc:
            raise _LearnerError("TimeBudget", str(exc)) from None
        except SandboxCrashed as exc:
            raise _LearnerError("Crash", f"the function stopped the notebook ({exc})") from None

    learner_function.__name__ = learner_function.__qualname__ = name
    learner_function.__pm_course_remote__ = True  # type: ignore[attr-defined]
    return learner_function


class _LearnerError(Exception):
    def __init__(self, type_name: str, message: str):
        super().__init__(message)
        self.type_name = type_name

    def __str__(self) -> str:
        return super().__str__()


def _fetch(box: Sandbox | None, names: list[str]) -> dict[str, Any]:
    if box is None or not names:
        return {}
    try:
        values = box.get(names)
    except SandboxCrashed:
        return {}
    out: dict[str, Any] = {}
    for name in names:
        item = values.get(name)
        if type(item) is not dict or item.get("ok") is not True:
            continue
        try:
            value = plain.decode(item.get("value"))
        except plain.PlainError:
            value = plain.Opaque("<malformed>")
        out[name] = _proxy(box, name) if isinstance(value, plain.FunctionMarker) else value
    return out


def _budget_message(box: Sandbox | None) -> str | None:
    """The reason a test scores nothing when the submission's time budget is used up (else None)."""
    if box is None or box.deadline is None or box._budget_left() > 0:
        return None
    return f"not graded: the submission's time budget of {box.limits.submission_seconds:g} s was used up"


def _segments(source: str) -> list[tuple[bool, str]]:
    """A test cell's source in order, as (hidden, code) pieces: the visible code and each hidden-tests block."""
    pieces: list[tuple[bool, str]] = []
    at = 0
    for m in _HIDDEN.finditer(source):
        pieces.append((False, source[at:m.start()]))
        pieces.append((True, m.group(0)))
        at = m.end()
    pieces.append((False, source[at:]))
    return [(hidden, code) for hidden, code in pieces if code.strip()]


HIDDEN_DETAIL = "  - (what the hidden test cases gave and got is not shown)"


def _redact_hidden(message: str) -> str:
    """A failure in a hidden test: its lines that show values (what a function was given or returned, an
    answer as read back) are replaced, so feedback never shows a hidden input."""
    out: list[str] = []
    for line in message.splitlines():
        if re.search(r"\breturned\b|\binputs?\b|\(input|\bgot\b|[\[{(]'", line):
            if out and out[-1] == HIDDEN_DETAIL:
                continue
            line = HIDDEN_DETAIL
        out.append(line)
    return "\n".join(out)


def _run_test(source: str, base_ns: dict, box: Sandbox | None, cell_notes: dict,
              fetched: dict[str, Any] | None = None) -> tuple[bool, str]:
    """Run one instructor test cell here. Returns (passed, message).

    The cell's visible code and its hidden-tests blocks run in order; a failure in a hidden block is
    reported with its values left out (:func:`_redact_hidden`).
    """
    from ..core.validate import GradeFailed

    over = _budget_message(box)
    if over:
        return False, over
    ns = dict(base_ns)
    wanted = [n for n in _free_names(source) if n not in ns]
    if fetched is None:
        fetched = _fetch(box, wanted)
    ns.update({n: fetched[n] for n in wanted if n in fetched})
    missing = [n for n in wanted if n not in ns]
    buf = io.StringIO()
    try:
        pieces = [(hidden, compile(code, "<test>", "exec")) for hidden, code in _segments(source)]
    except SyntaxError:  # hidden blocks that are not whole statements: the cell runs as one piece
        pieces = [(source != strip_hidden_tests(source), compile(source, "<test>", "exec"))]
    hidden = False
    try:
        with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
            for is_hidden, code in pieces:
                hidden = is_hidden
                exec(code, ns)  # noqa: S102 - the instructor's own test cell
    except GradeFailed as exc:
        message = str(exc).strip()
        return False, _budget_message(box) or (_redact_hidden(message) if hidden else message)
    except NameError as exc:
        over = _budget_message(box)
        if over:
            return False, over
        name = missing[0] if missing else str(exc)
        why = cell_notes.get(name, "")
        return False, f"{name} is not defined: the cell that should define it did not run{': ' + why if why else ''}."
    except Exception as exc:  # noqa: BLE001 - a test that errors scores nothing, with the reason
        if hidden:
            return False, _budget_message(box) or f"{type(exc).__name__} in a hidden test (its details are not shown)"
        return False, _budget_message(box) or f"{type(exc).__name__}: {str(exc)[:300]}"
    return True, buf.getvalue().strip()[:500]


def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(hashlib.sha256(p).digest())
    return h.hexdigest()


STUDENT_VARIABLE = settings.STUDENT_ID.name


def grade_notebook(source_path: Path, submission_path: Path, stubs: dict, limits: Limits = DEFAULT_LIMITS,
                   sandboxed: bool = True, student: str = "", mpl_seed: str | None = None,
                   deadline: float | None = None) -> dict[str, Any]:
    """Grade one notebook of one submission. Never raises: every failure is a result with a reason.

    While the instructor's cells run here, ``PM_COURSE_STUDENT_ID`` holds nbgrader's id of the student
    whose submission it is (an exam with a variant per learner binds its answers to it); the sandbox
    sees it too, as plain nbgrader's kernel sees the student in its working directory.
    """
    t0 = time.perf_counter()
    source = source_cells(source_path)
    result: dict[str, Any] = {"notebook": source_path.stem, "sandboxed": sandboxed, "status": "graded",
                              "reason": "", "tests": [], "written": [], "cells": [], "notes": []}
    try:
        sub = _read_submission(submission_path)
    except ValueError as exc:
        result.update(status="malformed", reason=str(exc))
        result["tests"] = [{"grade_id": _meta(c)["grade_id"], "points": float(_meta(c).get("points", 0)),
                            "score": 0.0, "passed": False, "message": f"not graded: {exc}"} for c in source["tests"]]
        return result
    cells = _cells_to_run(source, sub)
    box = None
    try:
        if deadline is not None and deadline <= time.monotonic():
            raise BudgetExhausted(f"the submission's time budget of {limits.submission_seconds:g} s is used up")
        box, ran, notes = _run_in_sandbox(cells, stubs, limits, sandboxed, mpl_seed, student, deadline)
        result["notes"] = notes
    except SandboxCrashed as exc:
        ran = [{"status": "stopped", "output": "", "error": str(exc)} for _ in cells]
        result.update(status="crashed", reason=f"the notebook could not be run: {exc}")
    result["cells"] = [{"grade_id": c["grade_id"], "kind": c["kind"], "sub_index": c["sub_index"], **r}
                       for c, r in zip(cells, ran)]
    cell_notes: dict[str, str] = {}
    for c, r in zip(cells, ran):
        if r["status"] != "ok":
            for name in re.findall(r"^\s*([A-Za-z_]\w*)\s*=", c["source"], flags=re.M):
                cell_notes.setdefault(name, r.get("error", "")[:200])
    # grading cells raise on anything but a pass; nothing is recorded
    restore = settings.override({settings.GRADING: "autograde", settings.STUDENT_ID: student})
    try:
        base: dict[str, Any] = {"__name__": "__grading__", "__builtins__": builtins}
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            for c in source["setup"]:
                exec(compile(_source(c), "<setup>", "exec"), base)  # noqa: S102 - the instructor's setup cell
        # Every value the tests use is read from the sandbox once, before any test calls a learner's function:
        # nothing a function is given in a test can be in them.
        names = sorted({n for c in source["tests"] for n in _free_names(_source(c)) if n not in base})
        fetched = _fetch(box, names) if _budget_message(box) is None else {}
        for c in source["tests"]:
            m = _meta(c)
            points = float(m.get("points", 0))
            passed, message = _run_test(_source(c), base, box, cell_notes, fetched)
            result["tests"].append({"grade_id": m["grade_id"], "points": points, "score": points if passed else 0.0,
                                    "passed": passed, "message": message})
        result["written"] = [{"grade_id": _meta(c)["grade_id"], "points": float(_meta(c).get("points", 0))}
                             for c in source["written"]]
        over = _budget_message(box)
        if over:
            result["notes"].append(over.replace("not graded: ", "tests left ") + " (the tests after it score nothing)")
    finally:
        restore()
        if box is not None:
            box.close()
    result["seconds"] = round(time.perf_counter() - t0, 3)
    return result
