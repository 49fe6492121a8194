"""The progress store: every check, hint and solution request, in SQLite.

Where: ``$PM_COURSE_HOME/progress.sqlite3``, by default ``~/.pm_course``.
Safety: each record is one transaction in WAL mode with a busy timeout, so
several kernels can write at once and a crash mid-write leaves the database
readable. If the home is missing and cannot be made, or is read-only, the
store falls back to memory and says so once; nothing raises into a check.

Export and import use a JSON file (Binder sessions are temporary): import
merges, never deletes, and skips records it already has.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import threading
import time
import uuid
import warnings
from pathlib import Path
from typing import Any, cast

from .validate import InputError, InputTypeError

__all__ = [
    "home", "db_path", "record", "events", "save_artifact", "load_artifact", "artifacts",
    "export_json", "import_json", "reset_connection", "in_memory",
]

SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    ts REAL NOT NULL,
    module TEXT NOT NULL,
    question TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('check', 'hint', 'solution')),
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
MAX_ARTIFACT_CHARS = 1_000_000
EXPORT_FORMAT = "pm-course-progress"
EXPORT_VERSION = 1

_lock = threading.Lock()
_conn: sqlite3.Connection | None = None
_conn_pid: int | None = None
_memory = False
_warned = False


def home() -> Path:
    """The folder that holds the progress database (``PM_COURSE_HOME`` or ``~/.pm_course``)."""
    env = os.environ.get("PM_COURSE_HOME")
    return Path(env).expanduser() if env else Path.home() / ".pm_course"


def db_path() -> Path:
    return home() / "progress.sqlite3"


def in_memory() -> bool:
    """True when progress could not be saved to disk and lives only in this kernel."""
    _connect()
    return _memory


def reset_connection() -> None:
    """Close the connection so the next call opens ``db_path()`` again (after changing PM_COURSE_HOME)."""
    global _conn, _conn_pid, _memory, _warned
    with _lock:
        if _conn is not None:
            try:
                _conn.close()
            except sqlite3.Error:
                pass
        _conn, _conn_pid, _memory, _warned = None, None, False, False


def _open(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=30, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 30000")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal":  # e.g. a network file system: rollback journal still protects each record
        conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.executescript(SCHEMA)
    # A read-only database opens fine but fails on the first write: find out now with a write.
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.execute(f"PRAGMA user_version = {int(version)}")
    return conn


def _memory_store(reason: Exception) -> sqlite3.Connection:
    """Switch to an in-memory database and say so once (called with _lock held)."""
    global _memory, _warned
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.executescript(SCHEMA)
    _memory = True
    if not _warned:
        _warned = True
        warnings.warn(
            f"Progress cannot be saved in {db_path().parent} ({reason.__class__.__name__}: {reason}); "
            "it is kept in memory for this session only. Set PM_COURSE_HOME to a writable "
            "folder, or export your progress before you leave (pm_course.progress.export()).",
            RuntimeWarning,
            stacklevel=4,
        )
    return conn


def _connect() -> sqlite3.Connection:
    global _conn, _conn_pid, _memory
    if _conn is not None and _conn_pid == os.getpid():
        return _conn
    with _lock:
        if _conn is not None and _conn_pid == os.getpid():
            return _conn
        path = db_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            for attempt in range(40):  # another kernel may be creating the schema or switching to WAL
                try:
                    conn = _open(path)
                    break
                except sqlite3.OperationalError as exc:
                    if "locked" not in str(exc) or attempt == 39:
                        raise
                    time.sleep(0.05)
            _memory = False
        except (OSError, sqlite3.Error) as exc:
            conn = _memory_store(exc)
        _conn, _conn_pid = conn, os.getpid()
        return conn


def record(module: str, question: str, action: str, outcome: str = "") -> None:
    """Record one event. Never raises: progress must not break a check."""
    global _conn
    if os.environ.get("NBGRADER_EXECUTION"):  # nbgrader is validating or autograding: not the learner
        return
    row = (time.time(), module, question, action, outcome, uuid.uuid4().hex)
    sql = "INSERT INTO events (ts, module, question, action, outcome, uid) VALUES (?, ?, ?, ?, ?, ?)"
    conn = _connect()
    with _lock:
        try:
            conn.execute(sql, row)
        except sqlite3.Error as exc:  # the file became read-only, the disk is full, locked for 30 s ...
            # Keep the record (and the rest of the session) in memory rather than lose it.
            _conn = _memory_store(exc)
            _conn.execute(sql, row)


def events(module: str | None = None) -> list[dict[str, Any]]:
    """All recorded events (optionally for one module), oldest first, as plain dicts."""
    conn = _connect()
    sql = "SELECT ts, module, question, action, outcome, uid FROM events"
    args: tuple = ()
    if module is not None:
        sql += " WHERE module = ?"
        args = (module,)
    rows = conn.execute(sql + " ORDER BY ts, id", args).fetchall()
    return [dict(zip(("ts", "module", "question", "action", "outcome", "uid"), r)) for r in rows]


def _artifact_json(module: str, key: str, data: Any) -> str:
    from .validate import text

    text("module", module)
    text("key", key)
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
    and imported with the rest of the progress. Not recorded while nbgrader
    executes a notebook.
    """
    global _conn
    blob = _artifact_json(module, key, data)
    if os.environ.get("NBGRADER_EXECUTION"):
        return
    sql = "INSERT OR REPLACE INTO artifacts (module, key, ts, data) VALUES (?, ?, ?, ?)"
    row = (module, key, time.time(), blob)
    conn = _connect()
    with _lock:
        try:
            conn.execute(sql, row)
        except sqlite3.Error as exc:
            _conn = _memory_store(exc)
            _conn.execute(sql, row)


def load_artifact(module: str, key: str, default: Any = None) -> Any:
    """The saved artifact ``(module, key)``, or ``default`` when nothing was saved."""
    row = _connect().execute("SELECT data FROM artifacts WHERE module = ? AND key = ?", (module, key)).fetchone()
    return json.loads(row[0]) if row else default


def artifacts(module: str | None = None) -> list[dict[str, Any]]:
    """Every saved artifact (optionally of one module) as ``{"module", "key", "ts", "data"}`` dicts."""
    sql, args = "SELECT module, key, ts, data FROM artifacts", cast(tuple[str, ...], ())
    if module is not None:
        sql, args = sql + " WHERE module = ?", (module,)
    rows = _connect().execute(sql + " ORDER BY module, key", args).fetchall()
    return [{"module": m, "key": k, "ts": t, "data": json.loads(d)} for m, k, t, d in rows]


def export_json(path: str | os.PathLike) -> Path:
    """Write every event to ``path`` (JSON), atomically; returns the path written."""
    if not isinstance(path, (str, os.PathLike)):
        raise InputTypeError(f"path must be a file name (str); got {type(path).__name__}.")
    target = Path(path).expanduser()
    if target.is_dir():
        target = target / "pm_course_progress.json"
    data = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "exported_at": time.time(), "events": events(),
            "artifacts": artifacts()}
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".progress-", suffix=".json", dir=target.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=1)
    os.replace(tmp, target)
    return target


def import_json(path: str | os.PathLike) -> int:
    """Merge events from an exported file; returns how many were new. Existing records are kept."""
    if not isinstance(path, (str, os.PathLike)):
        raise InputTypeError(f"path must be a file name (str); got {type(path).__name__}.")
    source = Path(path).expanduser()
    if not source.is_file():
        raise InputError(f"No progress file at {source}: expected a file made by pm_course.progress.export().")
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{source} is not a progress export (it is not valid JSON: {exc}).") from None
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise InputError(f"{source} is not a progress export (expected format {EXPORT_FORMAT!r}).")
    if data.get("version") != EXPORT_VERSION:
        raise InputError(f"{source} has export version {data.get('version')!r}; this course reads version {EXPORT_VERSION}.")
    rows = []
    for i, ev in enumerate(data.get("events", [])):
        try:
            row = (
                float(ev["ts"]), str(ev["module"]), str(ev["question"]), str(ev["action"]),
                str(ev.get("outcome", "")), str(ev["uid"]),
            )
        except (KeyError, TypeError, ValueError):
            raise InputError(f"{source}: event {i + 1} is incomplete (needs ts, module, question, action, uid).") from None
        if row[3] not in ("check", "hint", "solution"):
            raise InputError(f"{source}: event {i + 1} has unknown action {row[3]!r}.")
        rows.append(row)
    saved = []
    for i, art in enumerate(data.get("artifacts", [])):  # files from before artifacts existed have none
        try:
            saved.append((str(art["module"]), str(art["key"]), float(art["ts"]),
                          _artifact_json(str(art["module"]), str(art["key"]), art["data"])))
        except (KeyError, TypeError, ValueError):
            raise InputError(f"{source}: artifact {i + 1} is incomplete (needs module, key, ts, data).") from None
    conn = _connect()
    with _lock:
        before = conn.total_changes
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.executemany(
                "INSERT OR IGNORE INTO events (ts, module, question, action, outcome, uid) VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
            added = conn.total_changes - before
            for module, key, ts, blob in saved:  # the newer of the two copies wins
                conn.execute(
                    "INSERT INTO artifacts (module, key, ts, data) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (module, key) DO UPDATE SET ts = excluded.ts, data = excluded.data "
                    "WHERE excluded.ts > artifacts.ts",
                    (module, key, ts, blob),
                )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return added
