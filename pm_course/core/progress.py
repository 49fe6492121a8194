"""The progress store: every check, hint and solution request, in SQLite.

Where: ``$PM_COURSE_HOME/progress.sqlite3``, by default ``~/.pm_course`` (in the browser,
``/drive/.pm_course``: JupyterLite's drive, kept in the browser's storage for the site).

Safety, in order:

1. Each record is one transaction in WAL mode with a short busy timeout, so
   several kernels can write at once, a crash mid-write leaves the database
   readable, and a lock held by another kernel never blocks a check for more
   than a fraction of a second.
2. A write that still fails (locked, read-only, disk full, damaged) is kept in
   a journal beside the database (``progress.journal.jsonl``, append-only, each
   line fsynced before ``record()`` returns). The next successful write, or the
   next kernel to start, moves the journal into the database (records carry a unique id,
   so moving one twice changes nothing).
3. Only when the home cannot be written at all are records kept in memory for
   as long as the kernel runs; that is said once.

A damaged database is never written to: it is diagnosed read-only, what can
be read stays visible, new records go to the journal, and the learner is told
how to recover (:func:`repair`, or ``pm-course repair``).

Where SQLite is not safe (Python without ``sqlite3``, the browser, a home on
a network file system) or ``PM_COURSE_STORE=jsonl`` is set, the journal is
the store itself: same API, one ``O_APPEND`` line per record, cut lines
skipped (see :func:`store_kind`). Without ``fcntl`` (Windows: ``msvcrt``
locks; the browser: none) a journal is never emptied after it is moved into
SQLite, since a record appended meanwhile could otherwise be lost.

Export and import use a JSON file (Binder sessions are temporary): import
validates the whole file first, merges, never deletes, and skips records it
already has. Both report exactly what they wrote, read back from the target.
"""

from __future__ import annotations

import enum
import json
import math
import os
import stat
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import settings
from .validate import InputError, InputTypeError, describe

# POSIX-only and optional modules are imported here, guarded, so that importing the store works everywhere.
try:
    import fcntl  # Linux, macOS
except ImportError:  # Windows, some browser builds
    fcntl = None  # type: ignore[assignment]
try:
    import msvcrt  # Windows
except ImportError:
    msvcrt = None  # type: ignore[assignment]
try:
    import sqlite3
except ImportError:  # a Python built without it (some browser and embedded builds): the JSONL store is used
    sqlite3 = None  # type: ignore[assignment]

__all__ = [
    "home", "db_path", "journal_path", "record", "events", "save_artifact", "load_artifact", "artifacts",
    "export_json", "import_json", "reset_connection", "in_memory", "status", "repair", "flush",
    "Exported", "Imported", "Repaired", "ProgressWriteError", "store_kind",
]

SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    ts REAL NOT NULL,
    module TEXT NOT NULL,
    question TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('check', 'hint', 'solution', 'dispute', 'retrieval')),
    outcome TEXT NOT NULL DEFAULT '',
    uid TEXT NOT NULL UNIQUE
);
CREATE INDEX IF NOT EXISTS events_by_question ON events (module, question);
CREATE TABLE IF NOT EXISTS artifacts (
    module TEXT NOT NULL,
    key TEXT NOT NULL,
    ts REAL NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (module, key)
);
"""
#: What a learner did: checked an answer, asked for a hint or the solution, disputed a verdict (q.dispute(why)), or
#: answered a lesson's opening recall question from memory (practice, never graded: pm_course.core.retrieval).
ACTIONS = ("check", "hint", "solution", "dispute", "retrieval")
EVENT_FIELDS = ("ts", "module", "question", "action", "outcome", "uid")
MAX_ARTIFACT_CHARS = 1_000_000
MAX_NAME_CHARS = 200          # module, question, artifact key
MAX_OUTCOME_CHARS = 500
MAX_UID_CHARS = 64
MAX_DEPTH = 40                # nesting of an artifact's data
MAX_IMPORT_BYTES = 200_000_000
FUTURE_SLACK_S = 2 * 86_400   # clocks differ; a timestamp more than two days ahead is refused
EXPORT_FORMAT = "pm-course-progress"
EXPORT_VERSION = 1
BUSY_TIMEOUT_S = 0.1          # how long one write waits for another kernel's lock
RETRY_AFTER_S = 0.5           # after a failed write, later records go straight to the journal this long

_lock = threading.RLock()
_conn: sqlite3.Connection | None = None
_conn_pid: int | None = None
_retry_at = 0.0               # monotonic time before which the database is not tried again
_last_error: BaseException | None = None
_damaged: str = ""            # why the database is considered damaged ("" when it is not)
_failing: str = ""            # why the last write to the database failed ("" once one succeeds)
_sound: set[str] = set()        # databases found sound (read-only check) by this process
_memory_events: list[tuple] = []
_memory_artifacts: dict[tuple[str, str], tuple[float, str]] = {}
_memory = False
_warned: set[str] = set()
_connect_db = sqlite3.connect if sqlite3 is not None else None  # tests replace it to simulate a read-only database
_journal_error: BaseException | None = None  # why the last append to the journal failed (None once one succeeds)
#: File systems where SQLite's locking is unsafe (JupyterHub's docs: do not put SQLite on NFS).
NETWORK_FS = ("nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "fuse.sshfs", "afs", "lustre", "gpfs", "ceph")
STORES = ("sqlite", "jsonl")


class ProgressWriteError(OSError):
    """Export or import could not write what it had to; the message says where and why."""


class _Damaged(Exception):
    pass


#: JupyterLite's persistent drive (the browser's storage for the site); the home folder there is in memory only.
BROWSER_DRIVE = Path("/drive")


def home() -> Path:
    """The folder that holds the progress database (``PM_COURSE_HOME``, else ``~/.pm_course``).

    In the browser (Pyodide under JupyterLite) ``~`` is in memory and gone at
    the next page load, so there the default is ``.pm_course`` on the site's
    drive (``/drive``), which the browser keeps.
    """
    chosen = settings.read(settings.HOME)
    if chosen == Path.home() / ".pm_course" and sys.platform == "emscripten" and BROWSER_DRIVE.is_dir():
        return BROWSER_DRIVE / ".pm_course"
    return chosen


def db_path() -> Path:
    return home() / "progress.sqlite3"


def journal_path() -> Path:
    return home() / "progress.journal.jsonl"


def _mount_type(path: Path, mounts: str | None = None) -> str:
    """The file-system type of the mount holding ``path`` (Linux, from /proc/mounts); "" when unknown."""
    if mounts is None:
        try:
            with open("/proc/mounts", encoding="utf-8", errors="replace") as fh:
                mounts = fh.read()
        except OSError:
            return ""
    target = Path(os.path.abspath(path))
    while not target.exists() and target != target.parent:
        target = target.parent
    try:
        target = target.resolve()
    except OSError:
        pass
    best, kind = -1, ""
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        if (str(target) == point or str(target).startswith(point.rstrip("/") + "/")) and len(point) > best:
            best, kind = len(point), parts[2]
    return kind


def store_kind() -> str:
    """Which store keeps progress: ``"sqlite"`` or ``"jsonl"``.

    ``PM_COURSE_STORE=jsonl`` (or ``sqlite``) chooses; otherwise the JSONL
    journal is the store wherever SQLite is not safe: Python without
    ``sqlite3``, the browser (Pyodide / JupyterLite), or a home on a network
    file system (NFS, SMB, ...), where SQLite's file locks cannot be trusted.
    """
    chosen = settings.read(settings.STORE)
    if chosen and chosen not in STORES + ("auto",):
        _warn_once("store", f"PM_COURSE_STORE must be one of {', '.join(STORES)} or auto; got {chosen!r}. "
                   "The store is chosen automatically.")
        chosen = ""
    if sqlite3 is None:
        return "jsonl"
    if chosen in STORES:
        return chosen
    if sys.platform == "emscripten":
        return "jsonl"
    h = home()
    key = str(h)
    if key not in _fs_kind:
        _fs_kind[key] = _mount_type(h) if sys.platform.startswith("linux") else ""
    return "jsonl" if _fs_kind[key] in NETWORK_FS else "sqlite"


_fs_kind: dict[str, str] = {}


def _jsonl() -> bool:
    return store_kind() == "jsonl"


def _lock_fd(fd: int, wait: bool) -> bool:
    """Lock an open journal for this process: True when locked (or when no lock exists on this platform).

    With ``fcntl`` (Linux, macOS): an exclusive ``flock``. With ``msvcrt``
    (Windows): a lock on the first byte. Without either (a browser): no lock;
    each record is still one append of one line, and a journal that cannot be
    locked is never emptied after it is moved into the database (records carry
    a unique id, so keeping them changes nothing).
    """
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False
    if msvcrt is not None:  # pragma: no cover - Windows
        try:
            pos = os.lseek(fd, 0, os.SEEK_CUR)
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)
            os.lseek(fd, pos, os.SEEK_SET)
            return True
        except OSError:
            return False
    return wait  # no lock at all: appends go ahead, emptying the journal does not


def _can_empty_journal() -> bool:
    return fcntl is not None or msvcrt is not None


# --------------------------------------------------------------------------- warnings, said once

def _warn_once(kind: str, message: str) -> None:
    if kind in _warned:
        return
    _warned.add(kind)
    warnings.warn(message, RuntimeWarning, stacklevel=4)


def _warn_damaged() -> None:
    _warn_once("damaged", (
        f"Your progress database {db_path()} is damaged ({_damaged}). It is not changed; what can be "
        f"read is still shown, and new progress is kept in {journal_path().name} beside it. " + _recovery_steps()))


def _recovery_steps() -> str:
    return (
        "To recover: run `pm-course repair` in a terminal (or pm_course.progress.repair() in a notebook). It saves "
        "everything that can still be read to a JSON file, moves the damaged file aside and starts a fresh store "
        "with what was saved. By hand: `pm-course export rescued.json`, move progress.sqlite3 out of "
        f"{home()}, then `pm-course import rescued.json`."
    )


# --------------------------------------------------------------------------- opening the database

def reset_connection() -> None:
    """Close the connection so the next call opens ``db_path()`` again (after changing PM_COURSE_HOME)."""
    global _conn, _conn_pid, _memory, _retry_at, _damaged, _last_error, _failing
    with _lock:
        if _conn is not None:
            try:
                _conn.close()
            except sqlite3.Error:
                pass
        _conn, _conn_pid, _memory, _retry_at, _damaged, _last_error = None, None, False, 0.0, "", None
        _failing = ""
        _fs_kind.clear()
        _memory_events.clear()
        _memory_artifacts.clear()
        _warned.clear()
        _sound.clear()


def _ro_uri(path: Path) -> str:
    return "file:" + urllib.parse.quote(str(path)) + "?mode=ro"


def _is_damage(exc: BaseException) -> bool:
    """SQLite says the file is corrupt or not a database (not: locked, read-only, cannot open)."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB
    msg = str(exc).lower()
    return "malformed" in msg or "not a database" in msg


def _diagnose(path: Path) -> str:
    """Read-only check of an existing database: "" when sound, else what is wrong. Never writes to it."""
    try:
        if not path.exists() or path.stat().st_size == 0:
            return ""
        conn = sqlite3.connect(_ro_uri(path), uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except (OSError, sqlite3.Error):
        return ""  # cannot tell here; opening for writing will say what is wrong
    try:
        rows = conn.execute("PRAGMA quick_check(5)").fetchall()
        if [r[0] for r in rows] != ["ok"]:
            return "; ".join(str(r[0]) for r in rows)[:300]
        return ""
    except sqlite3.Error as exc:
        return str(exc) if _is_damage(exc) else ""
    finally:
        conn.close()


def _allow_every_action(conn: sqlite3.Connection) -> None:
    """A store made before an action existed (its events table's CHECK lists fewer): copy it into today's table."""
    def old() -> bool:
        row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'events'").fetchone()
        return row is not None and any(f"'{a}'" not in row[0] for a in ACTIONS)

    if not old():
        return
    create = SCHEMA[SCHEMA.index("CREATE TABLE IF NOT EXISTS events"): SCHEMA.index(");") + 2]
    conn.execute("BEGIN IMMEDIATE")
    try:
        if old():  # another kernel may have done it while this one waited
            conn.execute("DROP INDEX IF EXISTS events_by_question")
            conn.execute("ALTER TABLE events RENAME TO events_before_upgrade")
            conn.execute(create)
            conn.execute("INSERT INTO events (id, ts, module, question, action, outcome, uid) "
                         "SELECT id, ts, module, question, action, outcome, uid FROM events_before_upgrade")
            conn.execute("DROP TABLE events_before_upgrade")
            conn.execute("CREATE INDEX IF NOT EXISTS events_by_question ON events (module, question)")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _open(path: Path) -> sqlite3.Connection:
    if str(path) not in _sound:  # checked once per process: reopening after a lock stays cheap
        damage = _diagnose(path)
        if damage:
            raise _Damaged(damage)
    conn = _connect_db(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":  # e.g. a network file system: a rollback journal still protects each record
            conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.executescript(SCHEMA)
        _allow_every_action(conn)
        # A read-only database opens fine but fails on the first write: find out now with a write.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA user_version = {int(version)}")
    except BaseException:
        conn.close()
        raise
    _sound.add(str(path))
    return conn


def _connect() -> sqlite3.Connection | None:
    """The open database, or None while it cannot be written (then records go to the journal)."""
    global _conn, _conn_pid, _retry_at, _damaged, _last_error, _failing
    if _conn is not None and _conn_pid == os.getpid():
        return _conn
    with _lock:
        if _conn_pid != os.getpid():  # a forked child never shares its parent's connection
            _conn, _conn_pid = None, os.getpid()
        if _conn is not None:
            return _conn
        if _damaged or time.monotonic() < _retry_at or _jsonl():
            return None
        path = db_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _conn = _open(path)
        except _Damaged as exc:
            _damaged = str(exc)
            _warn_damaged()
            return None
        except Exception as exc:  # OSError, sqlite3.Error, or anything else: the journal keeps the records
            _last_error = exc
            _failing = f"{exc.__class__.__name__}: {exc}"
            if _is_damage(exc):
                _damaged = str(exc)
                _warn_damaged()
            else:
                _retry_at = time.monotonic() + RETRY_AFTER_S
            return None
        _flush_journal(_conn)
        return _conn


def _transient(exc: BaseException) -> bool:
    msg = str(exc).lower()
    return "locked" in msg or "busy" in msg


def _unwritable_message(exc: BaseException) -> str:
    return (
        f"Progress cannot be written to {db_path()} right now ({exc.__class__.__name__}: {exc}). "
        f"It is kept safely in {journal_path()} and moved into the database as soon as that can be written."
    )


def in_memory() -> bool:
    """True when progress could not be saved to disk at all and lives only in this kernel."""
    _connect()
    return _memory


def status() -> dict[str, Any]:
    """Where progress is kept right now, as plain data.

    ``{"store", "database", "journal", "writable", "failing", "waiting", "in_memory", "damaged", "memory"}``:
    ``store`` is ``"sqlite"`` or ``"jsonl"`` (see :func:`store_kind`; in the
    JSONL store the journal is the store, ``database`` is "" and ``waiting``
    counts only what is held in memory);
    ``writable`` is False while the last write to the database failed (a full
    disk, a file-size limit) even when it still opens; ``failing`` says why;
    ``in_memory`` counts the records held only by this kernel (lost when it
    ends unless exported).
    """
    held = len(_memory_events) + len(_memory_artifacts)
    if _jsonl():
        why = f"{_journal_error.__class__.__name__}: {_journal_error}" if _journal_error is not None else ""
        return {
            "store": "jsonl",
            "database": "",
            "journal": str(journal_path()),
            "writable": _journal_error is None and not _memory,
            "failing": why,
            "waiting": held,
            "in_memory": held,
            "damaged": "",
            "memory": _memory,
        }
    conn = _connect()
    j_evs, j_arts = _read_journal()
    return {
        "store": "sqlite",
        "database": str(db_path()),
        "journal": str(journal_path()),
        "writable": conn is not None and not _failing and not _damaged,
        "failing": _failing or _damaged or (f"{_last_error.__class__.__name__}: {_last_error}"
                                            if conn is None and _last_error is not None else ""),
        "waiting": len(j_evs) + len(j_arts) + held,
        "in_memory": held,
        "damaged": _damaged,
        "memory": _memory,
    }


# --------------------------------------------------------------------------- the journal

def _append_journal(entries: list[dict[str, Any]]) -> bool:
    """Append entries to the journal and fsync; True when they are on disk.

    The whole batch is one ``os.write`` on a file opened with ``O_APPEND``, so
    writers in several processes never interleave inside a line, even where no
    file lock exists.
    """
    global _journal_error
    path = journal_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    except OSError as exc:
        _journal_error = exc
        return False
    try:
        _lock_fd(fd, wait=True)
        # Each entry on its own line, with a newline before it too: a line cut short by a crash
        # never runs into the next one.
        blob = "".join("\n" + json.dumps(e, allow_nan=False, separators=(",", ":")) + "\n" for e in entries)
        data = blob.encode("utf-8")
        while data:
            n = os.write(fd, data)
            data = data[n:]
        os.fsync(fd)
        _journal_error = None
        return True
    except OSError as exc:
        _journal_error = exc
        return False
    finally:
        os.close(fd)  # also releases the lock


def _parse_journal(raw: bytes) -> tuple[list[tuple], list[tuple]]:
    evs: list[tuple] = []
    arts: list[tuple] = []
    for line in raw.split(b"\n"):
        if not line.strip():
            continue
        try:
            e = json.loads(line)
            if e.get("t") == "e":
                row = _event_row(e)
                evs.append(row)
            elif e.get("t") == "a":
                arts.append((_name(e["module"]), _name(e["key"]), _ts(e["ts"]), str(e["data"])))
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
            continue  # a line cut short by a crash: it was never acknowledged
    return evs, arts


def _event_row(e: dict[str, Any]) -> tuple:
    row = (_ts(e["ts"]), _name(e["module"]), _name(e["question"]), e["action"], e.get("outcome", ""),
           e["uid"])
    if row[3] not in ACTIONS or type(row[4]) is not str or type(row[5]) is not str:
        raise ValueError("bad journal event")
    return row


def _name(v: Any) -> str:
    if type(v) is not str or not v or len(v) > MAX_NAME_CHARS:
        raise ValueError("bad name")
    return v


def _ts(v: Any) -> float:
    if type(v) not in (int, float) or not math.isfinite(v) or v < 0:
        raise ValueError("bad ts")
    return float(v)


def _read_journal() -> tuple[list[tuple], list[tuple]]:
    path = journal_path()
    try:
        if path.stat().st_size == 0:
            return [], []
        raw = path.read_bytes()
    except OSError:
        return [], []
    return _parse_journal(raw)


def _insert(conn: sqlite3.Connection, evs: list[tuple], arts: list[tuple]) -> None:
    """Insert events and artifacts in one transaction (idempotent: known uids are skipped, newer artifacts win)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        if evs:
            conn.executemany(
                "INSERT OR IGNORE INTO events (ts, module, question, action, outcome, uid) VALUES (?, ?, ?, ?, ?, ?)",
                evs,
            )
        for row in arts:
            conn.execute(
                "INSERT INTO artifacts (module, key, ts, data) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (module, key) DO UPDATE SET ts = excluded.ts, data = excluded.data "
                "WHERE excluded.ts >= artifacts.ts",
                row,
            )
        conn.execute("COMMIT")
    except BaseException:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        raise


def _flush_journal(conn: sqlite3.Connection) -> None:
    """Move what waits in memory and in the journal into the database (called with _lock held)."""
    global _memory, _failing
    if _memory_events or _memory_artifacts:
        mem_arts = [(m, k, t, d) for (m, k), (t, d) in _memory_artifacts.items()]
        try:
            _insert(conn, list(_memory_events), mem_arts)
        except sqlite3.Error:
            return
        _memory_events.clear()
        _memory_artifacts.clear()
        _memory, _failing = False, ""
    path = journal_path()
    try:
        if path.stat().st_size == 0:
            return
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return
    try:
        if not _lock_fd(fd, wait=False):
            return  # another kernel is moving it right now
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        evs, arts = _parse_journal(b"".join(chunks))
        try:
            _insert(conn, evs, arts)
        except sqlite3.Error:
            return  # still locked or unwritable: the journal stays as it is
        if not _can_empty_journal():
            return  # no lock: a record appended meanwhile could be lost, so the journal is kept (uids dedupe)
        os.ftruncate(fd, 0)
        os.fsync(fd)
    except OSError:
        return
    finally:
        os.close(fd)


def flush() -> int:
    """Move records waiting in the journal (or memory) into the database now; returns how many still wait."""
    with _lock:
        if _jsonl():
            _memory_to_journal()
            return len(_memory_events) + len(_memory_artifacts)
        conn = _connect()
        if conn is not None:
            _flush_journal(conn)
        evs, arts = _read_journal()
        return len(evs) + len(arts) + len(_memory_events) + len(_memory_artifacts)


# --------------------------------------------------------------------------- writing

def _write(sql: str, row: tuple, entry: dict[str, Any], remember) -> None:
    """One durable write: the database, else the journal, else memory (called with _lock held)."""
    global _conn, _retry_at, _memory, _damaged, _last_error, _failing
    conn = None if time.monotonic() < _retry_at else _connect()
    if conn is not None:
        for attempt in range(2):
            try:
                conn.execute(sql, row)
                _failing = ""
                if _memory_events or _memory_artifacts or _journal_waiting():
                    _flush_journal(conn)
                return
            except Exception as exc:  # sqlite3.Error mostly; whatever it is, the journal keeps the record
                _last_error = exc
                if _transient(exc) and attempt == 0:
                    time.sleep(0.01)
                    continue
                _retry_at = time.monotonic() + RETRY_AFTER_S
                _failing = f"{exc.__class__.__name__}: {exc}"
                if _is_damage(exc):
                    _damaged = str(exc)
                if not _transient(exc):  # open it again later (it may be writable again)
                    try:
                        conn.close()
                    except sqlite3.Error:
                        pass
                    _conn = None
                break
    if _append_journal([entry]):
        if _jsonl():
            _memory_to_journal()
            return
        if _damaged:
            _warn_damaged()
        elif _last_error is not None and not _transient(_last_error):
            _warn_once("unwritable", _unwritable_message(_last_error))
        return
    remember()
    _memory = True
    _warn_once("memory", _memory_message())


def _memory_to_journal() -> None:
    """JSONL store: move records held in memory (the home was unwritable) into the journal."""
    global _memory
    if not (_memory_events or _memory_artifacts):
        return
    entries = [{"t": "e", **dict(zip(EVENT_FIELDS, r))} for r in _memory_events]
    entries += [{"t": "a", "module": m, "key": k, "ts": t, "data": d} for (m, k), (t, d) in _memory_artifacts.items()]
    if _append_journal(entries):
        _memory_events.clear()
        _memory_artifacts.clear()
        _memory = False


def _memory_message() -> str:
    err = _last_error if _last_error is not None else _journal_error
    why = f"{err.__class__.__name__}: {err}" if err is not None else "it cannot be written"
    return (
        f"Progress cannot be saved in {home()} ({why}); new records are kept in memory for as long as this "
        "kernel runs, and moved to disk by the first write that succeeds (after you free some space, for "
        "instance). To keep them if the kernel stops first, export them to a folder on another disk that has "
        "room: pm_course.progress.export('/path/with/space/my_progress.json') in a notebook, then "
        "pm_course.progress.import_() it later. pm_course.progress.where() says how many are waiting.")


def _journal_waiting() -> bool:
    try:
        return journal_path().stat().st_size > 0
    except OSError:
        return False


def _check_text(name: str, value: Any, limit: int, empty_ok: bool = False) -> str:
    if type(value) is not str:
        raise InputTypeError(f"{name} must be text (str); got {describe(value)}.")
    if not empty_ok and not value.strip():
        raise InputError(f"{name} must not be empty; got {value!r}.")
    if len(value) > limit:
        raise InputError(f"{name} may be at most {limit} characters long; got {len(value):,}.")
    return value


def record(module: str, question: str, action: str, outcome: str = "") -> None:
    """Record one event. Never raises: progress must not break a check.

    Bad arguments (not text, empty, too long, an unknown action) are dropped
    with a RuntimeWarning naming what was expected.
    """
    if settings.read(settings.GRADING):  # nbgrader is validating or autograding: not the learner
        return
    if isinstance(outcome, str) and isinstance(outcome, enum.Enum):  # a typed outcome (core.feedback.Outcome)
        outcome = outcome.value
    try:
        _check_text("module", module, MAX_NAME_CHARS)
        _check_text("question", question, MAX_NAME_CHARS)
        if type(action) is not str or action not in ACTIONS:
            raise InputError(f"action must be one of {', '.join(map(repr, ACTIONS))}; got {describe(action)}.")
        _check_text("outcome", outcome, MAX_OUTCOME_CHARS, empty_ok=True)
    except (InputError, InputTypeError) as exc:
        warnings.warn(f"Progress not recorded: {exc}", RuntimeWarning, stacklevel=2)
        return
    try:
        row = (time.time(), module, question, action, outcome, uuid.uuid4().hex)
        entry = {"t": "e", **dict(zip(EVENT_FIELDS, row))}
        sql = "INSERT INTO events (ts, module, question, action, outcome, uid) VALUES (?, ?, ?, ?, ?, ?)"
        with _lock:
            _write(sql, row, entry, lambda: _memory_events.append(row))
    except Exception as exc:  # never into a check
        warnings.warn(f"Progress not recorded: {exc.__class__.__name__}: {exc}", RuntimeWarning, stacklevel=2)


# --------------------------------------------------------------------------- reading

def _db_for_reading() -> sqlite3.Connection | None:
    """The open database, or a read-only connection (damaged or unwritable database), or None."""
    conn = _connect()
    if conn is not None:
        return conn
    path = db_path()
    if sqlite3 is None or not path.exists():  # the JSONL store still reads, read-only, a database kept before it
        return None
    try:
        return sqlite3.connect(_ro_uri(path), uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error:
        return None


def _salvage(conn: sqlite3.Connection, table: str, cols: str, order: str) -> list[tuple]:
    """Every row that can be read; rows on damaged pages are skipped."""
    try:
        return conn.execute(f"SELECT {cols} FROM {table} ORDER BY {order}").fetchall()
    except sqlite3.Error:
        pass
    rows: list[tuple] = []
    last, step, failures = -1, 1, 0
    while failures < 64:
        try:
            cur = conn.execute(f"SELECT rowid, {cols} FROM {table} WHERE rowid > ? ORDER BY rowid", (last,))
            for r in cur:
                rows.append(r[1:])
                last, step = r[0], 1
            break
        except sqlite3.Error:
            failures += 1
            last += step
            step *= 2
    return rows


def _event_rows() -> list[tuple]:
    cols = "ts, module, question, action, outcome, uid"
    db_rows: list[tuple] = []
    conn = _db_for_reading()
    if conn is not None:
        try:
            db_rows = _salvage(conn, "events", cols, "ts, id")
        finally:
            if conn is not _conn:
                conn.close()
    j_rows, _ = _read_journal()
    extra = j_rows + list(_memory_events)
    if not extra:
        return db_rows
    seen = {r[5] for r in db_rows}
    out = list(db_rows)
    for r in extra:
        if r[5] not in seen:
            seen.add(r[5])
            out.append(r)
    out.sort(key=lambda r: r[0])
    return out


def events(module: str | None = None) -> list[dict[str, Any]]:
    """All recorded events (optionally for one module), oldest first, as plain dicts."""
    if module is not None:
        _check_text("module", module, MAX_NAME_CHARS)
    with _lock:
        rows = _event_rows()
    return [dict(zip(EVENT_FIELDS, r)) for r in rows if module is None or r[1] == module]


def _artifact_rows() -> dict[tuple[str, str], tuple[float, str]]:
    found: dict[tuple[str, str], tuple[float, str]] = {}
    conn = _db_for_reading()
    if conn is not None:
        try:
            for m, k, t, d in _salvage(conn, "artifacts", "module, key, ts, data", "module, key"):
                found[(m, k)] = (t, d)
        finally:
            if conn is not _conn:
                conn.close()
    _, j_arts = _read_journal()
    for m, k, t, d in j_arts + [(m, k, t, d) for (m, k), (t, d) in _memory_artifacts.items()]:
        if (m, k) not in found or t >= found[(m, k)][0]:
            found[(m, k)] = (t, d)
    return found


def _depth(value: Any) -> int:
    """Nesting depth of plain data, without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, (list, dict)):
            deepest = max(deepest, d)
            if d > MAX_DEPTH:
                return d
            stack.extend((x, d + 1) for x in (v.values() if isinstance(v, dict) else v))
    return deepest


def _artifact_json(module: Any, key: Any, data: Any) -> str:
    _check_text("module", module, MAX_NAME_CHARS)
    _check_text("key", key, MAX_NAME_CHARS)
    if _depth(data) > MAX_DEPTH:
        raise InputError(f"a saved artifact may be nested at most {MAX_DEPTH} levels deep; got deeper.")
    try:
        blob = json.dumps(data, allow_nan=False, sort_keys=True)
    except (TypeError, ValueError) as exc:
        raise InputTypeError(
            f"a saved artifact must be plain data (dicts, lists, text, finite numbers, True/False/None); {exc}"
        ) from None
    if len(blob) > MAX_ARTIFACT_CHARS:
        raise InputError(f"a saved artifact may hold at most {MAX_ARTIFACT_CHARS:,} characters as JSON; got {len(blob):,}.")
    return blob


def save_artifact(module: str, key: str, data: Any) -> None:
    """Save a piece of the learner's own work (a skills assessment, a plan, a capstone step) as plain data.

    One value per ``(module, key)``; saving again replaces it. It is exported
    and imported with the rest of the progress, and kept as safely as the
    events (journal, then memory). Not recorded while nbgrader executes a
    notebook. Raises InputError / InputTypeError for data that is not plain.
    """
    blob = _artifact_json(module, key, data)
    if settings.read(settings.GRADING):
        return
    ts = time.time()
    row = (module, key, ts, blob)
    entry = {"t": "a", "module": module, "key": key, "ts": ts, "data": blob}
    sql = "INSERT OR REPLACE INTO artifacts (module, key, ts, data) VALUES (?, ?, ?, ?)"
    with _lock:
        _write(sql, row, entry, lambda: _memory_artifacts.__setitem__((module, key), (ts, blob)))


def load_artifact(module: str, key: str, default: Any = None) -> Any:
    """The saved artifact ``(module, key)``, or ``default`` when nothing was saved."""
    _check_text("module", module, MAX_NAME_CHARS)
    _check_text("key", key, MAX_NAME_CHARS)
    with _lock:
        found = _artifact_rows().get((module, key))
    return json.loads(found[1]) if found else default


def artifacts(module: str | None = None) -> list[dict[str, Any]]:
    """Every saved artifact (optionally of one module) as ``{"module", "key", "ts", "data"}`` dicts."""
    if module is not None:
        _check_text("module", module, MAX_NAME_CHARS)
    with _lock:
        found = _artifact_rows()
    return [{"module": m, "key": k, "ts": t, "data": json.loads(d)}
            for (m, k), (t, d) in sorted(found.items()) if module is None or m == module]


# --------------------------------------------------------------------------- export

class Exported(type(Path())):  # type: ignore[misc]
    """The path written by :func:`export_json`, with ``.events`` and ``.artifacts``: the counts read back from it."""

    events: int = 0
    artifacts: int = 0
    bytes: int = 0

    def report(self) -> str:
        return (f"Saved {self.events} event{'s' if self.events != 1 else ''} and {self.artifacts} "
                f"artifact{'s' if self.artifacts != 1 else ''} to {self} ({self.bytes:,} bytes)")


def _path_arg(path: Any) -> Path:
    if not isinstance(path, (str, os.PathLike)):
        raise InputTypeError(f"path must be a file name (str or pathlib.Path); got {describe(path)}.")
    try:
        raw = os.fspath(path)
    except TypeError:
        raise InputTypeError(f"path must be a file name (str or pathlib.Path); got {describe(path)}.") from None
    if isinstance(raw, bytes):
        raise InputTypeError(f"path must be a file name as text (str); got {describe(path)}.")
    if not raw.strip() or "\x00" in raw:
        raise InputError(f"path must be a non-empty file name; got {raw!r}.")
    return Path(raw).expanduser()


def _shown(path: Any, limit: int = 160) -> str:
    """A path as a message shows it: cut short in the middle when it is very long."""
    text = str(path)
    if len(text) <= limit:
        return text
    return f"{text[: limit // 2]}...{text[-limit // 2:]} ({len(text):,} characters)"


def _export_target(path: Any) -> tuple[Path, os.stat_result | None]:
    """The file an export may write, and its current state; refuses anything it must not replace or create."""
    target = _path_arg(path)
    try:
        if target.is_dir():
            target = target / "pm_course_progress.json"
        try:
            st = os.lstat(target)
        except FileNotFoundError:
            st = None
        parent_ok = target.parent.is_dir()
    except OSError as exc:  # a name too long, a folder that cannot be searched, ...
        raise ProgressWriteError(f"Cannot export to {_shown(target)}: {exc.strerror or exc}. Nothing was written.") from None
    if st is not None and stat.S_ISLNK(st.st_mode):
        where = os.readlink(target)
        raise InputError(
            f"Cannot export to {_shown(target)}: it is a symbolic link (to {_shown(where)}), and an export never replaces "
            "a link. Give the path of the file itself, or a new file name. Nothing was written.")
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise InputError(
            f"Cannot export to {_shown(target)}: it is not a regular file (it is a {_kind(st.st_mode)}); "
            "give the name of a new or existing .json file. Nothing was written.")
    if st is not None and (not st.st_mode & 0o222 or not os.access(target, os.W_OK)):
        raise InputError(
            f"Cannot export to {_shown(target)}: the file is marked read-only, so it is not replaced. Choose another "
            "name, or make it writable first (chmod u+w). Nothing was written.")
    if not parent_ok:
        raise InputError(
            f"Cannot export to {_shown(target)}: the folder {_shown(target.parent)} does not exist (an export does not "
            "create folders). Create it first, or choose a folder that exists. Nothing was written.")
    return target, st


def export_json(path: str | os.PathLike) -> Exported:
    """Write every event and artifact to ``path`` (JSON), atomically.

    Returns the path written, carrying the counts read back from the file
    (``.events``, ``.artifacts``) and its size (``.bytes``). Refuses, with a
    message and without writing anything: a target that is not a regular file
    (a FIFO, a device), a symbolic link (it would be replaced by a file), a
    file marked read-only, and a folder that does not exist (none is created).
    Raises :class:`ProgressWriteError` when the file cannot be written.
    """
    target, st = _export_target(path)
    evs = events()
    arts = artifacts()
    data = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "exported_at": time.time(), "events": evs,
            "artifacts": arts}
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".progress-", suffix=".json", dir=target.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        if st is not None:
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
        os.replace(tmp, target)
        tmp = None
        raw = target.read_bytes()
        written = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        held = len(_memory_events) + len(_memory_artifacts)
        note = (f" {held} record{'s are' if held != 1 else ' is'} held only in this kernel's memory: export to a "
                "folder on a disk that has room, before the kernel stops." if held else "")
        raise ProgressWriteError(f"Cannot export to {_shown(target)}: {reason}. Nothing was written.{note}") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    out = Exported(target)
    out.events = len(written.get("events", []))
    out.artifacts = len(written.get("artifacts", []))
    out.bytes = len(raw)
    if (out.events, out.artifacts) != (len(evs), len(arts)):
        raise ProgressWriteError(
            f"Export to {target} is incomplete: {out.events} of {len(evs)} events and {out.artifacts} of "
            f"{len(arts)} artifacts read back.")
    return out


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "FIFO (named pipe)"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket"), (stat.S_ISDIR, "folder")):
        if test(mode):
            return name
    return "special file"


# --------------------------------------------------------------------------- import

class Imported(int):
    """How many new events an import stored (the int itself), with ``.events`` and ``.artifacts`` counts."""

    events: int = 0
    artifacts: int = 0

    def report(self) -> str:
        return (f"Imported {self.events} new event{'s' if self.events != 1 else ''} and {self.artifacts} "
                f"artifact{'s' if self.artifacts != 1 else ''}")


def _bad(source: Path, what: str, problem: str) -> InputError:
    return InputError(f"{source}: {what} {problem}. Nothing was imported.")


def _validate_event(source: Path, i: int, ev: Any, now: float) -> tuple:
    what = f"event {i + 1}"
    if type(ev) is not dict:
        raise _bad(source, what, f"should be an object with {', '.join(EVENT_FIELDS)}; got {describe(ev)}")
    missing = [k for k in ("ts", "module", "question", "action", "uid") if k not in ev]
    if missing:
        raise _bad(source, what, f"is incomplete (needs ts, module, question, action, uid; missing {', '.join(missing)})")
    unknown = [k for k in ev if k not in EVENT_FIELDS]
    if unknown:
        raise _bad(source, what, f"has unknown field(s) {', '.join(map(repr, unknown[:5]))}")
    ts = ev["ts"]
    if type(ts) not in (int, float) or not math.isfinite(ts) or ts < 0 or ts > now + FUTURE_SLACK_S:
        raise _bad(source, what, f"has ts {describe(ts)}; expected a finite, non-negative time in seconds, "
                   "not in the future")
    for name, limit, empty_ok in (("module", MAX_NAME_CHARS, False), ("question", MAX_NAME_CHARS, False),
                                  ("outcome", MAX_OUTCOME_CHARS, True), ("uid", MAX_UID_CHARS, False)):
        v = ev.get(name, "")
        if type(v) is not str:
            raise _bad(source, what, f"has {name} {describe(v)}; expected text")
        if len(v) > limit or (not empty_ok and not v.strip()):
            raise _bad(source, what, f"has a {name} of {len(v):,} characters; expected 1 to {limit}")
    if ev["action"] not in ACTIONS:
        raise _bad(source, what, f"has unknown action {describe(ev['action'])}; expected one of "
                   f"{', '.join(map(repr, ACTIONS))}")
    return (float(ts), ev["module"], ev["question"], ev["action"], ev.get("outcome", ""), ev["uid"])


def _validate_artifact(source: Path, i: int, art: Any, now: float) -> tuple:
    what = f"artifact {i + 1}"
    if type(art) is not dict or any(k not in art for k in ("module", "key", "ts", "data")):
        raise _bad(source, what, "is incomplete (needs module, key, ts, data)")
    unknown = [k for k in art if k not in ("module", "key", "ts", "data")]
    if unknown:
        raise _bad(source, what, f"has unknown field(s) {', '.join(map(repr, unknown[:5]))}")
    ts = art["ts"]
    if type(ts) not in (int, float) or not math.isfinite(ts) or ts < 0 or ts > now + FUTURE_SLACK_S:
        raise _bad(source, what, f"has ts {describe(ts)}; expected a finite, non-negative time in seconds, "
                   "not in the future")
    try:
        blob = _artifact_json(art["module"], art["key"], art["data"])
    except (InputError, InputTypeError) as exc:
        raise _bad(source, what, f"is not valid: {exc}") from None
    return (art["module"], art["key"], float(ts), blob)


def _read_export(source: Path) -> tuple[list[tuple], list[tuple]]:
    """Read and validate a whole export file; raises InputError naming the first bad record."""
    try:
        st = os.stat(source)
    except OSError:
        raise InputError(f"No progress file at {source}: expected a file made by pm_course.progress.export().") from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{source} is not a regular file (it is a {_kind(st.st_mode)}); expected a file made by "
                         "pm_course.progress.export().")
    if st.st_size > MAX_IMPORT_BYTES:
        raise InputError(f"{source} is {st.st_size:,} bytes; a progress export is at most {MAX_IMPORT_BYTES:,}.")
    try:
        data = json.loads(source.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{source} is not a progress export (it is not valid JSON: {exc}).") from None
    except RecursionError:
        raise InputError(f"{source} is not a progress export (its JSON is nested too deeply).") from None
    except OSError as exc:
        raise InputError(f"Cannot read {source}: {exc.strerror or exc}.") from None
    if type(data) is not dict or data.get("format") != EXPORT_FORMAT:
        raise InputError(f"{source} is not a progress export (expected format {EXPORT_FORMAT!r}).")
    if data.get("version") != EXPORT_VERSION:
        raise InputError(f"{source} has export version {repr(data.get('version'))[:60]}; this course reads "
                         f"version {EXPORT_VERSION}.")
    evs = data.get("events", [])
    arts = data.get("artifacts", [])  # files from before artifacts existed have none
    if type(evs) is not list:
        raise InputError(f"{source}: 'events' should be a list of events; got {describe(evs)}. Nothing was imported.")
    if type(arts) is not list:
        raise InputError(f"{source}: 'artifacts' should be a list; got {describe(arts)}. Nothing was imported.")
    now = time.time()
    rows = [_validate_event(source, i, ev, now) for i, ev in enumerate(evs)]
    saved = [_validate_artifact(source, i, art, now) for i, art in enumerate(arts)]
    return rows, saved


def import_json(path: str | os.PathLike) -> Imported:
    """Merge events and artifacts from an exported file; returns how many events were new (``.artifacts`` too).

    The whole file is validated first: one bad record rejects it, with a
    message naming that record. Existing records are kept (for an artifact
    saved in both, the newer copy wins). Raises :class:`ProgressWriteError`
    when the database cannot be written: then nothing was imported.
    """
    source = _path_arg(path)
    rows, saved = _read_export(source)
    if _jsonl():
        return _import_jsonl(rows, saved)
    with _lock:
        conn = _connect()
        if conn is None:
            raise ProgressWriteError(
                f"Cannot import into {db_path()}: the progress database cannot be written right now"
                + (f" (it is damaged: {_damaged}). " + _recovery_steps() if _damaged else
                   " (another program holds it, or it is read-only); try again.") + " Nothing was imported.")
        try:
            uids = [r[5] for r in rows]
            known = _known_uids(conn, uids)
            held_before = _held_artifacts(conn, saved)
            _insert(conn, rows, saved)
            stored = _known_uids(conn, uids)
            held_after = _held_artifacts(conn, saved)
        except sqlite3.Error as exc:
            raise ProgressWriteError(f"Cannot import into {db_path()}: {exc}. Nothing was imported.") from None
    new_events = len(stored - known)
    if len(stored) != len(set(uids)):
        raise ProgressWriteError(f"Import into {db_path()} is incomplete: {len(stored)} of {len(set(uids))} events "
                                 "are in the database after it.")
    out = Imported(new_events)
    out.events = new_events
    out.artifacts = len(held_after - held_before)  # artifacts whose stored copy is now the imported one
    return out


def _import_jsonl(rows: list[tuple], saved: list[tuple]) -> Imported:
    """Import into the JSONL store: append what is new in one write, then count it back from the journal."""
    def held(arts: dict[tuple[str, str], tuple[float, str]]) -> set[tuple[str, str]]:
        return {(m, k) for m, k, t, d in saved if arts.get((m, k)) == (t, d)}

    with _lock:
        _memory_to_journal()
        known = {r[5] for r in _event_rows()}
        arts_before = _artifact_rows()
        held_before = held(arts_before)
        new = [r for r in {r[5]: r for r in rows}.values() if r[5] not in known]
        entries = [{"t": "e", **dict(zip(EVENT_FIELDS, r))} for r in new]
        entries += [{"t": "a", "module": m, "key": k, "ts": t, "data": d} for m, k, t, d in saved
                    if (m, k) not in arts_before or t >= arts_before[(m, k)][0]]
        if entries and not _append_journal(entries):
            raise ProgressWriteError(
                f"Cannot import into {journal_path()}: {_journal_error}. Nothing was imported.")
        j_evs, _ = _read_journal()
        stored = {r[5] for r in j_evs} & {r[5] for r in rows}
        held_after = held(_artifact_rows())
    if len(stored) != len({r[5] for r in rows}):
        raise ProgressWriteError(f"Import into {journal_path()} is incomplete: {len(stored)} of "
                                 f"{len({r[5] for r in rows})} events are in the journal after it.")
    out = Imported(len(new))
    out.events = len(new)
    out.artifacts = len(held_after - held_before)
    return out


def _known_uids(conn: sqlite3.Connection, uids: list[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(uids), 500):
        chunk = uids[i:i + 500]
        q = "SELECT uid FROM events WHERE uid IN (" + ",".join("?" * len(chunk)) + ")"
        found.update(r[0] for r in conn.execute(q, chunk))
    return found


def _held_artifacts(conn: sqlite3.Connection, arts: list[tuple]) -> set[tuple[str, str]]:
    """The (module, key) of the given artifacts whose stored copy is exactly the given one."""
    held = set()
    for module, key, ts, blob in arts:
        row = conn.execute("SELECT ts, data FROM artifacts WHERE module = ? AND key = ?", (module, key)).fetchone()
        if row is not None and row[0] == ts and row[1] == blob:
            held.add((module, key))
    return held


# --------------------------------------------------------------------------- repair

@dataclass
class Repaired:
    """What :func:`repair` did, in plain data and in words (``str(result)``)."""

    damaged: str = ""
    rescued: Path | None = None
    moved_to: Path | None = None
    events: int = 0
    artifacts: int = 0

    def __str__(self) -> str:
        if not self.damaged:
            return f"The progress database {db_path()} is sound: nothing to repair."
        return (f"The damaged database was moved to {self.moved_to}; {self.events} events and {self.artifacts} "
                f"artifacts that could be read were saved to {self.rescued} and imported into a fresh store "
                f"at {db_path()}.")


def repair() -> Repaired:
    """Recover from a damaged progress database.

    Saves everything that can still be read (database, journal, memory) to
    ``progress-rescued-<time>.json`` in the home, moves the damaged file
    aside (renamed, not changed), starts a fresh database and imports what
    was saved. On a sound database it only moves waiting records in.
    """
    global _damaged
    with _lock:
        if _jsonl():  # a damaged line is skipped when read, and never stops a write: nothing to move aside
            flush()
            return Repaired()
        path = db_path()
        problem = _damaged or _diagnose(path)
        if not problem:
            flush()
            return Repaired()
        stamp = time.strftime("%Y%m%d-%H%M%S")
        _damaged = problem  # read through a read-only connection while rescuing
        rescued = export_json(home() / f"progress-rescued-{stamp}.json")
        moved = path.with_name(f"{path.name}.damaged-{stamp}")
        os.replace(path, moved)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                os.replace(side, moved.with_name(moved.name + suffix))
        reset_connection()
        result = import_json(rescued)
        flush()
        return Repaired(problem, Path(rescued), moved, result.events, len(artifacts()))
