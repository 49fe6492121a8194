"""Grading a cohort: parallel workers, one writer, results nbgrader's formgrader and feedback can use.

    pm-course autograde 04_prioritization                 # every submission in submitted/*/04_prioritization/
    pm-course autograde 04_prioritization --student s17   # regrade one
    pm-course autograde 04_prioritization --shard 2/8 --results out/   # one of 8 shards, as files
    pm-course autograde 04_prioritization --merge out/    # the shards' files into the gradebook

Workers (default: one per core) each grade whole submissions through
:func:`.engine.grade_notebook`; the main process alone writes the gradebook
(nbgrader's own API), the autograded notebooks and a small record per
submission that lets a re-run skip what has not changed.
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import settings
from ..core.validate import InputError, InputTypeError, describe, integer, text
from .engine import (
    MAX_NOTEBOOK_BYTES,
    _meta,
    _source,
    grade_notebook,
    parse_submission,
    read_inside,
    strip_hidden_tests,
)
from .sandbox import DEFAULT_LIMITS, Limits, bwrap_status, prepare_mpl_seed, prepare_stubs

__all__ = ["Course", "Summary", "autograde", "merge", "ENGINE_VERSION"]

ENGINE_VERSION = "2"  # a change to what a grade means re-grades every submission on the next run
RECORD = ".pm_course_grade.json"


class GradingRefused(RuntimeError):
    """The grader will not run as asked (e.g. no sandbox and no explicit permission)."""


def _path(name: str, value: Any, *, none_ok: bool = False) -> Path | None:
    """A folder or file name given as text or a Path (None only when ``none_ok``)."""
    if value is None and none_ok:
        return None
    if type(value) is str:
        if not value.strip():
            raise InputError(f"{name} must be a folder or file name; got an empty text.")
        return Path(value)
    if isinstance(value, os.PathLike) and not isinstance(value, bytes):
        try:
            return Path(value)
        except TypeError:
            pass
    raise InputTypeError(f"{name} must be a folder or file name (text or a Path); got {describe(value)}.")


def _flag(name: str, value: Any, *, none_ok: bool = False) -> bool | None:
    """True or False (or None only when ``none_ok``)."""
    if value is None and none_ok:
        return None
    if type(value) is not bool:
        raise InputTypeError(f"{name} must be True or False; got {describe(value)}.")
    return value


def _assignment(value: Any) -> str:
    """An assignment's name, such as '04_prioritization' (a folder name: no path separators)."""
    name = text("assignment", value).strip()
    if "/" in name or "\\" in name or name in (".", ".."):
        raise InputError(f"assignment must be an assignment's name such as '04_prioritization'; got {name!r}.")
    return name


@dataclass(init=False)
class Course:
    """Where nbgrader keeps an assignment's files (the course root, as in nbgrader_config.py)."""

    root: Path
    db_url: str = ""

    def __init__(self, root: Path | str, db_url: str = ""):
        self.root = Path(_path("root", root) or ".").resolve()
        self.db_url = text("db_url", db_url, empty_ok=True)
        if not self.db_url:
            self.db_url = f"sqlite:///{self.root / 'gradebook.db'}"

    def source(self, assignment: str) -> Path:
        return self.root / "solutions" / assignment

    def notebooks(self, assignment: str) -> list[str]:
        src = self.source(assignment)
        if not src.is_dir():
            raise GradingRefused(f"no assignment {assignment!r}: expected its source in {src}")
        return sorted(p.stem for p in src.glob("*.ipynb"))

    def students(self, assignment: str) -> list[str]:
        base = self.root / "submitted"
        if not base.is_dir():
            return []
        # os.path.lexists: a student folder or assignment folder that is a symbolic link is listed, so that
        # its submission gets a result saying it was not followed (never read through the link).
        return sorted(p.name for p in base.iterdir()
                      if not p.name.startswith(".") and (p.is_symlink() or (p / assignment).is_dir()
                                                         or os.path.lexists(p / assignment)))

    def submitted(self, student: str, assignment: str) -> Path:
        return self.root / "submitted" / student / assignment

    def autograded(self, student: str, assignment: str) -> Path:
        return self.root / "autograded" / student / assignment


@dataclass
class Summary:
    assignment: str
    graded: int = 0
    skipped: int = 0
    failures: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    max_score: float = 0.0
    seconds: float = 0.0
    sandboxed: bool = True

    def __str__(self) -> str:
        mean = sum(self.scores.values()) / len(self.scores) if self.scores else 0.0
        lines = [
            f"{self.assignment}: {self.graded} graded, {self.skipped} unchanged and skipped, "
            f"{len(self.failures)} with problems, in {self.seconds:.1f} s",
            f"mean auto-graded score {mean:.2f} of {self.max_score:g}"
            + ("" if self.sandboxed else "  (graded WITHOUT the sandbox)"),
        ]
        return "\n".join(lines)


def _digest(paths: Iterable[Path], submitted: Iterable[tuple[Path, list[str]]] = ()) -> str:
    """A digest of the source notebooks (``paths``) and the submission's files (read without following links)."""
    h = hashlib.sha256(ENGINE_VERSION.encode())
    for p in paths:
        h.update(p.name.encode())
        h.update(hashlib.sha256(p.read_bytes()).digest() if p.is_file() else b"-")
    for base, parts in submitted:
        h.update("/".join(parts).encode())
        try:
            h.update(hashlib.sha256(read_inside(base, parts, MAX_NOTEBOOK_BYTES)).digest())
        except (ValueError, OSError) as exc:
            h.update(b"-" + str(exc).encode())
    return h.hexdigest()


def _job(args: tuple) -> dict[str, Any]:
    """One submission (all its notebooks), in a worker process."""
    student, assignment, sources, submitted, stubs, limits, sandboxed, mpl_seed = args
    t0 = time.perf_counter()
    deadline = time.monotonic() + limits.submission_seconds  # one budget for all the submission's notebooks
    notebooks = []
    for name in sources:
        src = Path(sources[name])
        notebooks.append(grade_notebook(src, Path(submitted) / f"{name}.ipynb", stubs, limits, sandboxed, student,
                                        mpl_seed, deadline))
    return {"student": student, "assignment": assignment, "notebooks": notebooks, "sandboxed": sandboxed,
            "seconds": round(time.perf_counter() - t0, 3)}


def _problems(result: dict) -> list[str]:
    out = []
    for nb in result["notebooks"]:
        if nb["status"] != "graded":
            out.append(f"{result['student']}: {nb['notebook']}: {nb['status']}: {nb['reason']}")
        for note in nb.get("notes", []):
            out.append(f"{result['student']}: {nb['notebook']}: {note}")
    return out


def ensure_assignment(course: Course, assignment: str) -> None:
    """Make sure the gradebook knows the assignment's notebooks and grade cells (nbgrader generate_assignment)."""
    from nbgrader.api import Gradebook, MissingEntry

    try:
        with Gradebook(course.db_url) as gb:
            a = gb.find_assignment(assignment)
            if {n.name for n in a.notebooks} >= set(course.notebooks(assignment)):
                return
    except MissingEntry:
        pass
    exe = Path(sys.executable).parent / "nbgrader"
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [str(exe if exe.exists() else "nbgrader"), "generate_assignment", assignment, "--force",
               f"--CourseDirectory.root={course.root}", f"--db={course.db_url}",
               f"--CourseDirectory.release_directory={tmp}", "--log-level=WARN"]
        env = dict(os.environ)
        env.pop(settings.GRADING.name, None)
        out = subprocess.run(cmd, cwd=course.root, capture_output=True, text=True, env=env)
        if out.returncode != 0:
            raise GradingRefused(f"nbgrader could not register {assignment}: {out.stderr.strip()[-500:]}")


def _clean(text: Any) -> str:
    """Text as it may go into a notebook file and its HTML: lone surrogates and other unencodable points replaced."""
    return str(text).encode("utf-8", "replace").decode("utf-8")


def _as_code_block(text: str) -> str:
    """A learner's markdown or raw text shown as written: an indented code block, which markdown never turns into
    HTML (so a <script>, a link or an image in it stays text in the feedback and in the formgrader)."""
    lines = _clean(text).splitlines() or [""]
    return "\n".join("    " + line for line in lines)


def _learner_cells(course: Course, assignment: str, student: str, notebook: str) -> list[dict] | None:
    """The submission's cells (checked as the worker checked them), or None when it cannot be read."""
    try:
        data = read_inside(course.root / "submitted", [student, assignment, f"{notebook}.ipynb"], MAX_NOTEBOOK_BYTES)
        return parse_submission(data)["cells"]
    except (OSError, ValueError):
        return None


def _autograded_notebook(course: Course, assignment: str, nb_result: dict, student: str,
                         src: dict | None = None) -> dict:
    """The notebook formgrader and generate_feedback read: the learner's cells with their outputs, tests without
    hidden parts. Only the instructor's cells keep nbgrader metadata (the source's, whatever the learner relabelled);
    the learner's markdown is shown as text, never as HTML."""
    if src is None:
        src = json.loads((course.source(assignment) / f"{nb_result['notebook']}.ipynb").read_text(encoding="utf-8"))
    cells_in = _learner_cells(course, assignment, student, nb_result["notebook"])
    by_id = {_meta(c).get("grade_id"): c for c in src["cells"] if _meta(c).get("grade_id")}
    instructor_text = {_source(c) for c in src["cells"] if c.get("cell_type") == "markdown"}
    if cells_in is None:  # unreadable: the source's cells, with every answer left empty (never the solution)
        cells_in = [c if not _meta(c).get("solution") else
                    {**c, "source": "" if c["cell_type"] == "code" else "(not graded: the submission could not be read)"}
                    for c in src["cells"]]
        learner_source = False
    else:
        learner_source = True
    tests = {t["grade_id"]: t for t in nb_result["tests"]}
    ran = {c["sub_index"]: c for c in nb_result["cells"] if c.get("sub_index") is not None}
    out_cells: list[dict[str, Any]] = []
    used: set[str] = set()
    for index, c in enumerate(cells_in):
        gid = _meta(c).get("grade_id")
        scell = by_id.get(gid) if isinstance(gid, str) and gid not in used else None
        smeta = _meta(scell) if scell is not None else {}
        if scell is not None and (smeta.get("locked") or (smeta.get("grade") and not smeta.get("solution"))):
            cell = json.loads(json.dumps(scell))  # the instructor's cell, as written in solutions/
        elif scell is not None:  # an answer cell: the learner's text under the instructor's identity and type
            text = _source(c)
            if scell["cell_type"] != "code" and learner_source:
                text = _as_code_block(text)
            cell = {"cell_type": scell["cell_type"], "metadata": {"nbgrader": json.loads(json.dumps(smeta))},
                    "source": _clean(text)}
        elif c.get("cell_type") == "code":  # a code cell the learner added: no grading identity
            cell = {"cell_type": "code", "metadata": {}, "source": _clean(_source(c))}
        else:  # markdown or raw the learner wrote or changed: text; the handout's own markdown stays markdown
            text = _source(c)
            shown = text if (text in instructor_text or not learner_source) else _as_code_block(text)
            cell = {"cell_type": "markdown", "metadata": {}, "source": _clean(shown)}
        if scell is not None:
            used.add(str(gid))
        cell.pop("attachments", None)
        cell["id"] = f"cell-{len(out_cells)}"
        if cell.get("cell_type") == "code":
            cell["execution_count"] = None
            m = _meta(cell)
            if m.get("grade") and not m.get("solution") and gid in tests:
                t = tests[gid]
                cell["source"] = strip_hidden_tests(_source(cell))
                message = _clean(t["message"])
                if t["passed"]:
                    cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": (message or f"{gid}: passed") + "\n"}]
                else:
                    cell["outputs"] = [{"output_type": "error", "ename": "GradeFailed", "evalue": message,
                                        "traceback": [message]}]
            else:
                r = ran.get(index) if learner_source else None
                r = r or {"status": "stopped", "output": "", "error": "not run"}
                outs: list[dict[str, Any]] = []
                if r.get("output"):
                    outs.append({"output_type": "stream", "name": "stdout", "text": _clean(r["output"])})
                if r["status"] != "ok":
                    error = _clean(r.get("error", ""))
                    ename = error.split(":", 1)[0] if error else "Error"
                    outs.append({"output_type": "error", "ename": ename[:60] or "Error", "evalue": error,
                                 "traceback": [error]})
                cell["outputs"] = outs
        out_cells.append(cell)
    for gid, t in tests.items():  # tests the learner deleted are restored, as nbgrader does
        if gid not in used and gid in by_id:
            cell = json.loads(json.dumps(by_id[gid]))
            cell["source"] = strip_hidden_tests(_source(cell))
            cell["execution_count"] = None
            cell["id"] = f"cell-{len(out_cells)}"
            message = _clean(t["message"])
            cell["outputs"] = [{"output_type": "error", "ename": "GradeFailed", "evalue": message, "traceback": [message]}]
            out_cells.append(cell)
    nb = {"cells": out_cells, "metadata": dict(src.get("metadata", {})), "nbformat": 4, "nbformat_minor": src.get("nbformat_minor", 5)}
    nb["metadata"]["pm_course_grading"] = {"sandboxed": nb_result["sandboxed"], "status": nb_result["status"],
                                           "reason": _clean(nb_result["reason"]),
                                           "notes": [_clean(n) for n in nb_result.get("notes", [])],
                                           "engine": ENGINE_VERSION}
    return nb


EARLIEST_TIMESTAMP = "2000-01-01"


def _timestamp(course: Course, student: str, assignment: str) -> tuple[Any, str]:
    """The submission's time from its timestamp.txt (never through a link), or None with the reason it was refused.

    The learner controls the file, so a time before 2000 or more than a day in the future is refused: the
    gradebook then has no time for the submission (nbgrader counts it as on time) and the summary says so.
    """
    import datetime

    from nbgrader.utils import parse_utc

    try:
        raw = read_inside(course.root / "submitted", [student, assignment, "timestamp.txt"], 200)
    except ValueError as exc:
        return None, "" if "missing" in str(exc) else f"timestamp.txt refused: {exc}"
    try:
        when = parse_utc(raw.decode("utf-8").strip())
    except Exception:  # noqa: BLE001 - dateutil raises many kinds of errors for a bad date
        return None, f"timestamp.txt refused: {_clean(raw[:60].decode('utf-8', 'replace'))!r} is not a date"
    now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
    low = datetime.datetime.fromisoformat(EARLIEST_TIMESTAMP)
    naive = when.replace(tzinfo=None) if when.tzinfo is None else when.astimezone(datetime.UTC).replace(tzinfo=None)
    if not low <= naive <= now + datetime.timedelta(days=1):
        return None, f"timestamp.txt refused: {naive:%Y-%m-%d %H:%M} is before {EARLIEST_TIMESTAMP} or in the future"
    return when, ""


class _Writer:
    """The single writer: gradebook rows, autograded notebooks and the skip records, student by student as
    results arrive (while the workers grade the rest).

    Students are committed together about once every ``commit_seconds`` (a commit is an fsync: one per
    student was most of the writer's cost); a student's skip record is written only after the commit that
    holds its grades, so a crash loses at most the last batch, which a re-run grades again. Anything that
    goes wrong writing one student rolls back the batch, which is written again without that student:
    that student's problem is reported and the others are written.
    """

    def __init__(self, course: Course, digests: dict[str, str], commit_seconds: float = 1.0):
        import warnings

        from nbgrader.api import Gradebook

        self.course, self.digests, self.commit_seconds = course, digests, commit_seconds
        self.problems: list[str] = []
        self._pending: list[dict] = []
        self._last = time.monotonic()
        self._sources: dict[tuple[str, str], dict] = {}
        self._warnings = warnings.catch_warnings()
        self._warnings.__enter__()
        warnings.simplefilter("ignore")  # SQLAlchemy's autoflush warnings from nbgrader's models
        self.gb = Gradebook(course.db_url)

    def add(self, res: dict) -> None:
        try:
            self._write(res)
        except Exception as exc:  # noqa: BLE001 - one student's write failing must not stop the others
            self._fail(res, exc)
            return
        self._pending.append(res)
        if time.monotonic() - self._last >= self.commit_seconds:
            self.flush()

    def _fail(self, res: dict, exc: BaseException) -> None:
        self.gb.db.rollback()
        self.problems.append(f"{res['student']}: could not be written to the gradebook: {type(exc).__name__}: "
                             f"{_clean(exc)[:200]}")
        again, self._pending = self._pending, []
        for other in again:  # written before in this batch: the rollback undid them
            self.add(other)

    def flush(self) -> None:
        try:
            self.gb.db.commit()
        except Exception as exc:  # noqa: BLE001
            self.gb.db.rollback()
            for res in self._pending:
                self.problems.append(f"{res['student']}: could not be written to the gradebook: "
                                     f"{type(exc).__name__}: {_clean(exc)[:200]}")
            self._pending = []
            return
        for res in self._pending:  # after the commit that holds its grades
            record = {"digest": self.digests.get(res["student"], ""), "result": res}
            target = self.course.autograded(res["student"], res["assignment"])
            (target / RECORD).write_text(json.dumps(record), encoding="utf-8")
        self._pending = []
        self._last = time.monotonic()

    def close(self) -> list[str]:
        try:
            self.flush()
        finally:
            self.gb.close()
            self._warnings.__exit__(None, None, None)
        return self.problems

    def _source(self, assignment: str, notebook: str) -> dict:
        key = (assignment, notebook)
        if key not in self._sources:
            path = self.course.source(assignment) / f"{notebook}.ipynb"
            self._sources[key] = json.loads(path.read_text(encoding="utf-8"))
        return json.loads(json.dumps(self._sources[key]))  # a fresh copy: the page is built from it

    def _write(self, res: dict) -> None:
        from nbgrader.api import (
            Comment,
            Grade,
            MissingEntry,
            Student,
            SubmittedAssignment,
            SubmittedNotebook,
        )
        from sqlalchemy.orm import joinedload

        gb, course = self.gb, self.course
        student, assignment = res["student"], res["assignment"]
        try:
            gb.find_student(student)
        except MissingEntry:
            gb.db.add(Student(id=student))
        when, why = _timestamp(course, student, assignment)
        if why:
            self.problems.append(f"{student}: {why}")
        try:
            submission = gb.find_submission(assignment, student)
            submission.timestamp = when
        except MissingEntry:  # as nbgrader's add_submission, without its commit
            submission = SubmittedAssignment(assignment=gb.find_assignment(assignment),
                                             student=gb.find_student(student), timestamp=when)
            for notebook in submission.assignment.notebooks:
                snb = SubmittedNotebook(notebook=notebook, assignment=submission)
                for cell in notebook.grade_cells:
                    Grade(cell_id=cell.id, notebook=snb)
                for cell in notebook.solution_cells:
                    Comment(cell_id=cell.id, notebook=snb)
                for cell in notebook.task_cells:
                    Comment(cell_id=cell.id, notebook=snb)
                    Grade(cell_id=cell.id, notebook=snb)
            gb.db.add(submission)
        target = course.autograded(student, assignment)
        target.mkdir(parents=True, exist_ok=True)
        stamp = target / "timestamp.txt"
        if when is not None:
            stamp.write_text(f"{when:%Y-%m-%d %H:%M:%S.%f} UTC", encoding="utf-8")
        elif stamp.is_file() or stamp.is_symlink():
            stamp.unlink()
        for nb in res["notebooks"]:
            snb = gb.find_submission_notebook(nb["notebook"], assignment, student)
            # the grades with their cells in one query (reading each grade's name loads its cell: a query each)
            grades = {g.cell.name: g for g in
                      gb.db.query(Grade).options(joinedload(Grade.cell)).filter(Grade.notebook_id == snb.id)}
            for t in nb["tests"]:
                grade = grades[t["grade_id"]]
                grade.auto_score = t["score"]
                grade.needs_manual_grade = grade.manual_score is not None
            for w in nb["written"]:
                grade = grades[w["grade_id"]]
                grade.auto_score = None
                grade.needs_manual_grade = True
            page = _autograded_notebook(course, assignment, nb, student, self._source(assignment, nb["notebook"]))
            with open(target / f"{nb['notebook']}.ipynb", "w", encoding="utf-8") as fh:
                json.dump(page, fh, indent=1)


def write_results(course: Course, results: list[dict], digests: dict[str, str]) -> list[str]:
    """Write ``results`` with the single writer (:class:`_Writer`). Returns the problems, one a line."""
    writer = _Writer(course, digests)
    try:
        for res in results:
            writer.add(res)
    finally:
        problems = writer.close()
    return problems


def _parse_shard(shard: str | None) -> tuple[int, int] | None:
    if shard is None:
        return None
    try:
        k, n = (int(x) for x in shard.split("/"))
    except ValueError:
        raise GradingRefused(f"--shard takes K/N with whole numbers, e.g. 2/8; got {shard!r}") from None
    if not 1 <= k <= n:
        raise GradingRefused(f"--shard K/N needs 1 <= K <= N; got {shard!r}")
    return k, n


def _in_shard(student: str, shard: tuple[int, int] | None) -> bool:
    if shard is None:
        return True
    k, n = shard
    h = int(hashlib.sha256(student.encode()).hexdigest()[:8], 16)
    return h % n == k - 1


def autograde(assignment: str, root: Path | str = ".", *, workers: int | None = None, student: str | None = None,
              force: bool = False, shard: str | None = None, results_dir: Path | str | None = None,
              allow_unsandboxed: bool = False, db_url: str = "", limits: Limits = DEFAULT_LIMITS,
              progress: bool | None = None, log=print) -> Summary:
    """Grade every submission of ``assignment`` (see the module docstring)."""
    assignment = _assignment(assignment)
    course = Course(_path("root", root) or Path("."), db_url)
    if workers is not None:
        workers = integer("workers", workers, low=1)
    if student is not None:
        student = text("student", student)
    force = bool(_flag("force", force))
    if shard is not None:
        shard = text("shard", shard)
    out_dir = _path("results_dir", results_dir, none_ok=True)
    allow_unsandboxed = bool(_flag("allow_unsandboxed", allow_unsandboxed))
    if not isinstance(limits, Limits):
        raise InputTypeError(f"limits must be a Limits (from pm_course.autograde.sandbox); got {describe(limits)}.")
    progress = _flag("progress", progress, none_ok=True)
    if not callable(log):
        raise InputTypeError(f"log must be a function that takes a line of text, such as print; got {describe(log)}.")
    notebooks = course.notebooks(assignment)
    ok, why = bwrap_status()
    sandboxed = ok
    if not ok and not allow_unsandboxed:
        raise GradingRefused(
            f"the sandbox cannot run here: {why}. Install bubblewrap, or pass --allow-unsandboxed to grade each "
            "submission in its own limited process WITHOUT the file-system and network walls (the grades will say so)."
        )
    picked = _parse_shard(shard)
    students = course.students(assignment)
    if student is not None:
        if student not in students:
            raise GradingRefused(f"no submission of {assignment} by {student!r} in {course.root / 'submitted'}")
        students = [student]
    students = [s for s in students if _in_shard(s, picked)]
    summary = Summary(assignment, sandboxed=sandboxed)
    sources = {n: str(course.source(assignment) / f"{n}.ipynb") for n in notebooks}
    digests, todo = {}, []
    for s in students:
        digests[s] = _digest([Path(sources[n]) for n in notebooks],
                             [(course.root / "submitted", [s, assignment, f"{n}.ipynb"]) for n in notebooks])
        rec = course.autograded(s, assignment) / RECORD
        if not force and out_dir is None and rec.is_file():
            try:
                record = json.loads(rec.read_text())
                if record.get("digest") == digests[s]:
                    summary.skipped += 1
                    old = record["result"]
                    summary.scores[s] = sum(t["score"] for nb in old["notebooks"] for t in nb["tests"])
                    summary.max_score = max(summary.max_score,
                                            sum(t["points"] for nb in old["notebooks"] for t in nb["tests"]))
                    continue
            except (ValueError, KeyError, TypeError):
                pass
        todo.append(s)
    t0 = time.perf_counter()
    stub_dir = Path(tempfile.mkdtemp(prefix="pm-course-stubs-"))
    try:
        from .engine import source_cells
        from .formonly import handed_out

        setup = [_source(c) for n in notebooks for c in source_cells(Path(sources[n]))["setup"]]
        stubs = {k: str(v) for k, v in prepare_stubs(stub_dir, handed_out(setup)).items()}
        seed = prepare_mpl_seed(stub_dir / "mpl") if todo else None
        jobs = [(s, assignment, sources, str(course.submitted(s, assignment)), stubs, limits, sandboxed, seed)
                for s in todo]
        # While the workers grade, this process makes sure the gradebook knows the assignment (slow: nbgrader),
        # then writes each result as it arrives.
        writers: list[_Writer] = []

        def meanwhile() -> None:
            if out_dir is None:
                ensure_assignment(course, assignment)
                writers.append(_Writer(course, digests))

        try:
            results = _run_jobs(jobs, workers or os.cpu_count() or 1, progress, log, meanwhile,
                                on_result=lambda res: writers[0].add(res) if writers else None)
        finally:
            written = writers[0].close() if writers else []
    finally:
        shutil.rmtree(stub_dir, ignore_errors=True)
    for res in results:
        for line in _problems(res):
            summary.failures.append(line)
        summary.scores[res["student"]] = sum(t["score"] for nb in res["notebooks"] for t in nb["tests"])
        summary.max_score = max(summary.max_score, sum(t["points"] for nb in res["notebooks"] for t in nb["tests"]))
    summary.graded = len(results)
    if out_dir is not None:
        out = out_dir
        out.mkdir(parents=True, exist_ok=True)
        for res in results:
            (out / f"{assignment}--{res['student']}.json").write_text(
                json.dumps({"digest": digests[res["student"]], "result": res}), encoding="utf-8")
    else:
        summary.failures += written
    summary.seconds = time.perf_counter() - t0
    return summary


def _run_jobs(jobs: list[tuple], workers: int, progress: bool | None, log, meanwhile=None,
              on_result=None) -> list[dict]:
    from tqdm import tqdm

    show = sys.stderr.isatty() if progress is None else progress
    results: list[dict] = []
    if not jobs:
        if meanwhile is not None:
            meanwhile()
        return results
    bar = tqdm(total=len(jobs), unit="submission", disable=not show, file=sys.stderr)
    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with cf.ProcessPoolExecutor(max_workers=max(1, min(workers, len(jobs))), mp_context=ctx) as pool:
        futures = {pool.submit(_job, j): j for j in jobs}
        if meanwhile is not None:
            meanwhile()
        for fut in cf.as_completed(futures):
            job = futures[fut]
            try:
                res = fut.result()
            except Exception as exc:  # noqa: BLE001 - a worker that died: that student gets 0 with the reason
                res = {"student": job[0], "assignment": job[1], "sandboxed": job[6], "seconds": 0.0, "notebooks": [
                    {"notebook": n, "status": "crashed", "reason": f"the grader's worker failed: {exc}"[:300],
                     "tests": [], "written": [], "cells": [], "notes": [], "sandboxed": job[6]} for n in job[2]]}
            for line in _problems(res):
                (bar.write if show else log)(line)
            if on_result is not None:
                on_result(res)
            results.append(res)
            bar.update(1)
    bar.close()
    return sorted(results, key=lambda r: r["student"])


def merge(assignment: str, results_dirs: Iterable[Path | str], root: Path | str = ".", db_url: str = "") -> Summary:
    """Write shard result files into the gradebook (the single writer)."""
    assignment = _assignment(assignment)
    if isinstance(results_dirs, (str, bytes, os.PathLike)) or not isinstance(results_dirs, Iterable):
        raise InputTypeError(f"results_dirs must be a list of folders (text or Paths); got {describe(results_dirs)}.")
    folders = [Path(_path(f"folder {i} of results_dirs", d) or ".") for i, d in enumerate(results_dirs, 1)]
    if not folders:
        raise InputError("results_dirs must name at least one folder of shard result files; got none.")
    course = Course(_path("root", root) or Path("."), db_url)
    ensure_assignment(course, assignment)
    results, digests = [], {}
    for d in folders:
        for f in sorted(Path(d).glob(f"{assignment}--*.json")):
            data = json.loads(f.read_text(encoding="utf-8"))
            res = data["result"]
            if res.get("assignment") != assignment:
                continue
            results.append(res)
            digests[res["student"]] = data.get("digest", "")
    written = write_results(course, results, digests)
    summary = Summary(assignment, graded=len(results),
                      sandboxed=all(r.get("sandboxed", True) for r in results))
    for res in results:
        summary.scores[res["student"]] = sum(t["score"] for nb in res["notebooks"] for t in nb["tests"])
        summary.max_score = max(summary.max_score, sum(t["points"] for nb in res["notebooks"] for t in nb["tests"]))
        summary.failures += _problems(res)
    summary.failures += written
    return summary
