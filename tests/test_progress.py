"""The progress store: concurrency, crashes, a read-only home, export and import; summary and CLI."""

import json
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
import warnings

import pytest

from pm_course import cli
from pm_course import progress as public
from pm_course.core import progress as store
from pm_course.core.validate import InputError

WRITER = textwrap.dedent("""
    import sys
    from pm_course.core import progress
    tag, n = sys.argv[1], int(sys.argv[2])
    for i in range(n):
        progress.record("99_test", f"{tag}-{i}", "check", "passed")
    print("done")
""")


def test_two_processes_writing_500_records_each_lose_none(fresh_home):
    env = dict(os.environ, PM_COURSE_HOME=str(fresh_home))
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, tag, "500"], env=env, stdout=subprocess.PIPE, text=True)
        for tag in ("a", "b")
    ]
    for p in procs:
        out, _ = p.communicate(timeout=120)
        assert p.returncode == 0 and "done" in out
    evs = store.events("99_test")
    assert len(evs) == 1000
    assert {e["question"] for e in evs} == {f"{t}-{i}" for t in "ab" for i in range(500)}


def test_a_process_killed_while_writing_leaves_a_readable_database(fresh_home):
    env = dict(os.environ, PM_COURSE_HOME=str(fresh_home))
    p = subprocess.Popen([sys.executable, "-c", WRITER, "k", "1000000"], env=env, stdout=subprocess.DEVNULL)
    db = fresh_home / "progress.sqlite3"
    deadline = time.time() + 60
    while time.time() < deadline:  # wait until it is busy writing
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=5) as c:
                    if c.execute("SELECT COUNT(*) FROM events").fetchone()[0] > 200:
                        break
            except sqlite3.Error:
                pass
        time.sleep(0.05)
    p.kill()
    p.wait()
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        n = c.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    assert n > 200
    store.record("99_test", "after", "check", "passed")  # and it is still writable
    assert len(store.events("99_test")) == n + 1


def test_unusable_home_falls_back_to_memory_and_warns_once(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PM_COURSE_HOME", str(blocker / "home"))  # cannot be made: a file is in the way
    store.reset_connection()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        store.record("99_test", "q1", "check", "passed")
        store.record("99_test", "q2", "check", "failed")
    assert [str(w.message) for w in caught if "kept in memory" in str(w.message)].__len__() == 1
    assert store.in_memory()
    assert len(store.events("99_test")) == 2
    assert "memory only" in public.where()
    store.reset_connection()


def _read_only(monkeypatch):
    """Open the database in SQLite's read-only mode (root is not refused by file permissions)."""
    real = sqlite3.connect

    def connect(path, *args, **kwargs):
        return real(f"file:{path}?mode=ro", *args, uri=True, **kwargs)

    monkeypatch.setattr(store, "_connect_db", connect)
    store.reset_connection()
    return real


def _db_questions(home):
    with sqlite3.connect(home / "progress.sqlite3") as c:
        return [r[0] for r in c.execute("SELECT question FROM events ORDER BY id")]


def test_read_only_database_keeps_records_in_the_journal_then_moves_them_in(fresh_home, monkeypatch):
    store.record("99_test", "before", "check", "passed")
    _read_only(monkeypatch)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        store.record("99_test", "ro-1", "check", "passed")
        store.record("99_test", "ro-2", "hint", "1")
    said = [str(w.message) for w in caught]
    assert len(said) == 1 and "kept safely in" in said[0], said
    assert not store.in_memory()
    assert [e["question"] for e in store.events("99_test")] == ["before", "ro-1", "ro-2"]  # shown meanwhile
    assert _db_questions(fresh_home) == ["before"]  # the database itself was not written
    assert (fresh_home / "progress.journal.jsonl").stat().st_size > 0
    monkeypatch.setattr(store, "_connect_db", sqlite3.connect)  # writable again: the next kernel moves them in
    store.reset_connection()
    store.record("99_test", "after", "check", "passed")
    assert _db_questions(fresh_home) == ["before", "ro-1", "ro-2", "after"]
    assert (fresh_home / "progress.journal.jsonl").stat().st_size == 0


def test_a_write_failing_mid_session_is_journalled_and_flushed_by_the_next_write(fresh_home, monkeypatch):
    store.record("99_test", "before", "check", "passed")
    real = store._connect()

    class Failing:
        def execute(self, sql, *args):
            if sql.startswith("INSERT"):
                raise sqlite3.OperationalError("database or disk is full")
            return real.execute(sql, *args)

        def close(self):
            pass

    monkeypatch.setattr(store, "_conn", Failing())
    with pytest.warns(RuntimeWarning, match="disk is full"):
        store.record("99_test", "during-1", "check", "passed")
    store.record("99_test", "during-2", "check", "passed")  # said once; still not lost
    assert not store.in_memory()
    monkeypatch.setattr(store, "_retry_at", 0.0)  # the disk has room again
    store.record("99_test", "after", "check", "passed")
    assert _db_questions(fresh_home) == ["before", "during-1", "during-2", "after"]
    assert [e["question"] for e in store.events("99_test")] == ["before", "during-1", "during-2", "after"]


def test_a_lock_held_by_another_kernel_blocks_a_check_for_a_fraction_of_a_second(fresh_home):
    from pm_course.course import questions

    store.record("99_test", "before", "check", "passed")
    holder = sqlite3.connect(fresh_home / "progress.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        q = questions("00_welcome")[0]
        # each check returns while the other kernel still holds the lock (so it waited at most the store's busy
        # timeout, a fraction of a second, not for the lock to be released), and its record is journalled, visible
        assert store.BUSY_TIMEOUT_S <= 0.25
        for _ in range(5):
            assert q.check(q.answer).outcome == "passed"
        assert sum(e["module"] == "00_welcome" for e in store.events()) == 5
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    time.sleep(store.RETRY_AFTER_S + 0.05)
    store.record("99_test", "after", "check", "passed")
    with sqlite3.connect(fresh_home / "progress.sqlite3") as c:
        assert c.execute("SELECT COUNT(*) FROM events WHERE module = '00_welcome'").fetchone()[0] == 5


def test_a_line_cut_short_in_the_journal_is_skipped_and_the_rest_kept(fresh_home):
    store.record("99_test", "first", "check", "passed")
    j = fresh_home / "progress.journal.jsonl"
    good = {"t": "e", "ts": time.time(), "module": "99_test", "question": "journalled", "action": "check",
            "outcome": "passed", "uid": "j1"}
    j.write_text('\n{"t": "e", "ts": 1.0, "modu' + "\n" + json.dumps(good) + "\n")
    store.reset_connection()
    assert [e["question"] for e in store.events("99_test")] == ["first", "journalled"]
    assert j.stat().st_size == 0


def test_journal_and_memory_keep_artifacts_too(fresh_home, monkeypatch):
    _read_only(monkeypatch)
    with pytest.warns(RuntimeWarning, match="kept safely"):
        store.save_artifact("07_career", "plan", {"goals": ["one"]})
    assert store.load_artifact("07_career", "plan") == {"goals": ["one"]}
    monkeypatch.setattr(store, "_connect_db", sqlite3.connect)
    store.reset_connection()
    store.record("99_test", "after", "check", "passed")
    with sqlite3.connect(fresh_home / "progress.sqlite3") as c:
        assert c.execute("SELECT data FROM artifacts").fetchall() == [('{"goals": ["one"]}',)]


def test_memory_buffer_is_moved_to_the_database_when_the_home_is_writable_again(tmp_path, monkeypatch):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the home folder should be")
    monkeypatch.setenv("PM_COURSE_HOME", str(blocker))
    store.reset_connection()
    with pytest.warns(RuntimeWarning, match="kept in memory"):
        store.record("99_test", "m1", "check", "passed")
    assert store.in_memory()
    blocker.unlink()
    monkeypatch.setattr(store, "_retry_at", 0.0)
    store.record("99_test", "m2", "check", "passed")
    assert not store.in_memory()
    assert _db_questions(blocker) == ["m1", "m2"]
    store.reset_connection()


def test_export_then_import_merges_without_duplicates(fresh_home, tmp_path):
    store.record("02_research", "q1", "check", "passed")
    store.record("02_research", "q2", "hint", "1")
    path = public.export(tmp_path / "out.json")
    data = json.loads(path.read_text())
    assert data["format"] == "pm-course-progress" and len(data["events"]) == 2
    assert public.import_(path) == 0  # already there
    store.reset_connection()
    os.environ["PM_COURSE_HOME"] = str(tmp_path / "other-home")
    store.record("04_prioritization", "q1", "check", "failed")
    assert public.import_(path) == 2
    assert len(store.events()) == 3
    assert public.import_(path) == 0


def test_export_to_a_folder_writes_a_named_file(fresh_home, tmp_path):
    store.record("02_research", "q1", "check", "passed")
    assert public.export(tmp_path).name == "pm_course_progress.json"


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "No progress file"),
        ("{not json", "not valid JSON"),
        ('{"format": "other"}', "not a progress export"),
        ('{"format": "pm-course-progress", "version": 9}', "version 9"),
        ('{"format": "pm-course-progress", "version": 1, "events": [{"ts": 1}]}', "event 1 is incomplete"),
    ],
)
def test_bad_import_files_get_clear_messages_and_change_nothing(fresh_home, tmp_path, content, message):
    store.record("02_research", "q1", "check", "passed")
    path = tmp_path / "in.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(InputError, match=message):
        public.import_(path)
    assert len(store.events()) == 1


def test_summary_counts_passed_questions_and_plot_draws(fresh_home):
    from pm_course.course import questions

    qs = questions("00_welcome")
    qs[0].check(...)
    s0 = public.summary()
    row = next(r for r in s0.rows if r["name"] == "00_welcome")
    assert row["passed"] == 0 and row["attempted"] == 0
    qs[0].check(qs[0].answer)
    qs[0].hint()
    s = public.summary()
    row = next(r for r in s.rows if r["name"] == "00_welcome")
    assert row["passed"] == 1 and row["hints"] == 1 and row["completion"] == 1.0
    assert "00 Welcome" in str(s) and "<table class='pm-progress'>" in s._repr_html_()
    fig = public.plot(s)
    ax = fig.axes[0]
    assert ax.get_title() == "Your progress by module" and ax.get_xlabel()
    import matplotlib.pyplot as plt

    plt.close(fig)


def test_cli_prints_progress_and_exports(fresh_home, tmp_path, capsys):
    store.record("00_welcome", "q1", "check", "passed")
    assert cli.main(["progress"]) == 0
    out = capsys.readouterr().out
    assert "00 Welcome" in out and "saved in" in out
    assert cli.main(["export", str(tmp_path / "p.json")]) == 0
    assert (tmp_path / "p.json").exists()
    assert cli.main(["import", str(tmp_path / "missing.json")]) == 2
    assert "No progress file" in capsys.readouterr().err


def test_cli_runs_as_a_command(fresh_home):
    exe = os.path.join(os.path.dirname(sys.executable), "pm-course")
    out = subprocess.run([exe, "progress"], capture_output=True, text=True, env=dict(os.environ), timeout=60)
    assert out.returncode == 0 and "all modules" in out.stdout


def test_artifacts_are_saved_replaced_and_survive_export_and_import(fresh_home, tmp_path, monkeypatch):
    from pm_course.core import progress as store

    store.save_artifact("07_career", "plan", {"goals": ["one"]})
    store.save_artifact("07_career", "plan", {"goals": ["one", "two"]})
    assert store.load_artifact("07_career", "plan") == {"goals": ["one", "two"]}
    assert store.load_artifact("07_career", "missing", default=[]) == []
    out = store.export_json(tmp_path / "p.json")
    monkeypatch.setenv("PM_COURSE_HOME", str(tmp_path / "other"))
    store.reset_connection()
    assert store.import_json(out) == 0  # no events, one artifact
    assert store.artifacts() == [
        {"module": "07_career", "key": "plan", "ts": store.artifacts()[0]["ts"], "data": {"goals": ["one", "two"]}}
    ]


def test_an_artifact_must_be_plain_data(fresh_home):
    import pytest

    from pm_course.core import progress as store
    from pm_course.core.validate import InputTypeError

    with pytest.raises(InputTypeError, match="plain data"):
        store.save_artifact("07_career", "plan", {"when": object()})
    with pytest.raises(InputTypeError, match="plain data"):
        store.save_artifact("07_career", "plan", float("nan"))


# ----------------------------------------------------------------------------- export and import say what they wrote

def test_export_and_import_report_exactly_what_they_wrote(fresh_home, tmp_path, monkeypatch, capsys):
    for i in range(40):
        store.record("02_research", f"q{i}", "check", "passed")
    store.save_artifact("00_welcome", "skills", {"a": 1})
    out = public.export(tmp_path / "p.json")
    assert (out.events, out.artifacts) == (40, 1)
    assert out.report() == f"Saved 40 events and 1 artifact to {tmp_path / 'p.json'} ({out.bytes:,} bytes)"
    assert out.bytes == (tmp_path / "p.json").stat().st_size > 0
    monkeypatch.setenv("PM_COURSE_HOME", str(tmp_path / "other"))
    store.reset_connection()
    n = public.import_(out)
    assert n == 40 and (n.events, n.artifacts) == (40, 1)
    again = public.import_(out)
    assert (again.events, again.artifacts) == (0, 0)
    assert cli.main(["import", str(out)]) == 0
    assert "Imported 0 new events and 0 artifacts" in capsys.readouterr().out


def test_export_onto_a_read_only_target_fails_loudly(fresh_home, capsys):
    store.record("02_research", "q1", "check", "passed")
    with pytest.raises(OSError, match="Cannot export to /proc/pm_course_progress.json.*Nothing was written"):
        public.export("/proc/pm_course_progress.json")
    assert cli.main(["export", "/proc/pm_course_progress.json"]) == 2
    captured = capsys.readouterr()
    assert "Saved" not in captured.out and "Cannot export" in captured.err


@pytest.mark.parametrize("kind", ["fifo", "chardev"])
def test_export_refuses_a_fifo_or_a_device_and_leaves_it_as_it_is(fresh_home, tmp_path, kind):
    store.record("02_research", "q1", "check", "passed")
    if kind == "fifo":
        target = tmp_path / "pipe"
        os.mkfifo(target)
        check = stat.S_ISFIFO
    else:
        target = "/dev/null"
        check = stat.S_ISCHR
    with pytest.raises(InputError, match="not a regular file"):
        public.export(target)
    assert check(os.stat(target).st_mode)
    assert cli.main(["export", str(target)]) == 2


def test_import_into_a_read_only_database_fails_loudly_and_stores_nothing(fresh_home, tmp_path, monkeypatch, capsys):
    store.record("02_research", "q1", "check", "passed")
    src = public.export(tmp_path / "p.json")
    data = json.loads(src.read_text())
    data["events"] = [dict(data["events"][0], uid=f"u{i}", question=f"q{i}") for i in range(250)]
    src.write_text(json.dumps(data))
    _read_only(monkeypatch)
    with pytest.raises(OSError, match="Nothing was imported"):
        public.import_(src)
    assert cli.main(["import", str(src)]) == 2
    assert "Imported" not in capsys.readouterr().out
    monkeypatch.setattr(store, "_connect_db", sqlite3.connect)
    store.reset_connection()
    assert len(store.events()) == 1


# ----------------------------------------------------------------------------- a damaged database

def _damage(home, n=3000):
    for i in range(n):
        store.record("02_research", f"q{i}", "check", "passed" + "." * 40)
    store.reset_connection()
    db = home / "progress.sqlite3"
    with sqlite3.connect(db) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with open(db, "r+b") as fh:  # the header stays valid; some table pages are overwritten
        fh.seek(4096 * 8)
        fh.write(b"\xff" * 4096 * 2)
    return db


def _digest(path):
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_damaged_database_is_never_modified_and_the_learner_is_told_how_to_recover(fresh_home, tmp_path, capsys):
    db = _damage(fresh_home)
    before = _digest(db)
    store.reset_connection()
    assert cli.main(["progress"]) == 0
    captured = capsys.readouterr()
    assert "all modules" in captured.out and "pm-course repair" in captured.err
    assert cli.main(["export", str(tmp_path / "rescue.json")]) == 0
    rescued = json.loads((tmp_path / "rescue.json").read_text())["events"]
    assert 0 < len(rescued) < 3000  # what could be read
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        store.record("02_research", "new", "check", "passed")
    assert caught == []  # said once already
    assert "new" in {e["question"] for e in store.events()}
    assert "damaged" in public.where()
    assert _digest(db) == before
    # recovery: everything readable, plus the new record, in a fresh store; the damaged file kept aside
    assert cli.main(["repair"]) == 0
    assert "moved to" in capsys.readouterr().out
    moved = [p for p in fresh_home.glob("progress.sqlite3.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(moved) == 1 and _digest(moved[0]) == before
    store.reset_connection()
    qs = {e["question"] for e in store.events()}
    assert qs == {e["question"] for e in rescued} | {"new"}
    assert _db_questions(fresh_home).__len__() == len(qs)
    assert cli.main(["repair"]) == 0 and "nothing to repair" in capsys.readouterr().out


def test_a_file_that_is_not_a_database_is_left_alone(fresh_home):
    fresh_home.mkdir(parents=True)
    db = fresh_home / "progress.sqlite3"
    db.write_bytes(b"this is not an SQLite file at all" * 100)
    before = _digest(db)
    with pytest.warns(RuntimeWarning, match="damaged"):
        store.record("02_research", "q1", "check", "passed")
    assert [e["question"] for e in store.events()] == ["q1"]
    assert _digest(db) == before


# ----------------------------------------------------------------------------- record() never raises

@pytest.mark.parametrize("args, message", [
    ((b"02_research", "q1", "check", "passed"), "module must be text"),
    (("02_research", None, "check", "passed"), "question must be text"),
    (("02_research", "q1", "grade", "passed"), "action must be one of"),
    (("02_research", "q1", "check", 3), "outcome must be text"),
    (("", "q1", "check", ""), "module must not be empty"),
    (("x" * 5_000_000, "q1", "check", ""), "at most 200 characters"),
    ((["02"], "q1", "check", ""), "module must be text"),
])
def test_record_drops_bad_arguments_with_a_warning_and_exports_still_work(fresh_home, tmp_path, args, message):
    with pytest.warns(RuntimeWarning, match=message):
        store.record(*args)
    assert store.events() == []
    store.record("02_research", "q1", "check", "passed")
    assert public.export(tmp_path / "p.json").events == 1


def test_a_typed_outcome_is_recorded_as_its_text(fresh_home, recwarn):
    """Outcome (a StrEnum) is kept as the text the store has always held: never dropped, never its repr."""
    from pm_course.core.feedback import Outcome

    for outcome in Outcome:
        store.record("09_capstone", "q1", "check", outcome)
    assert [e["outcome"] for e in store.events()] == [o.value for o in Outcome]
    assert all(type(e["outcome"]) is str for e in store.events())
    assert not [w for w in recwarn if "Progress not recorded" in str(w.message)]


# ----------------------------------------------------------------------------- import validates every field

def _export_with(tmp_path, events=None, artifacts=None, raw=None):
    ev = {"ts": 1_700_000_000.0, "module": "02_research", "question": "q1", "action": "check",
          "outcome": "passed", "uid": "good-1"}
    path = tmp_path / "in.json"
    if raw is not None:
        path.write_text(raw)
        return path
    data = {"format": "pm-course-progress", "version": 1, "events": [ev] + (events or []),
            "artifacts": artifacts or []}
    path.write_text(json.dumps(data))
    return path


def _event(**kw):
    ev = {"ts": 1_700_000_000.0, "module": "02_research", "question": "q2", "action": "check",
          "outcome": "passed", "uid": "bad-1"}
    ev.update(kw)
    return ev


@pytest.mark.parametrize("bad, message", [
    (_event(ts=float("nan")), "event 2 has ts"),
    (_event(ts=float("inf")), "event 2 has ts"),
    (_event(ts=-1), "event 2 has ts"),
    (_event(ts=4_000_000_000.0), "not in the future"),
    (_event(ts="1700000000"), "event 2 has ts"),
    (_event(ts=True), "event 2 has ts"),
    (_event(module="m" * 5_000_000), "event 2 has a module of 5,000,000 characters"),
    (_event(question={"a": 1}), "event 2 has question a dict.*expected text"),
    (_event(outcome=["x"]), "event 2 has outcome a list.*expected text"),
    (_event(uid=7), "event 2 has uid.*7.*expected text"),
    (_event(action="grade"), "event 2 has unknown action"),
    (_event(extra=1), "event 2 has unknown field"),
    ("not an event", "event 2 should be an object"),
])
def test_import_rejects_the_whole_file_naming_the_first_bad_event(fresh_home, tmp_path, bad, message):
    store.record("02_research", "q0", "check", "passed")
    path = _export_with(tmp_path, events=[bad, _event(ts=-5, uid="bad-2")])
    with pytest.raises(InputError, match=message) as info:
        public.import_(path)
    assert "Nothing was imported" in str(info.value) and "event 3" not in str(info.value)
    assert len(store.events()) == 1  # not even the good first event


@pytest.mark.parametrize("raw, message", [
    ('{"format": "pm-course-progress", "version": 1, "events": {"ts": 1}}', "'events' should be a list"),
    ('{"format": "pm-course-progress", "version": 1, "events": "abc"}', "'events' should be a list"),
    ('{"format": "pm-course-progress", "version": 1, "events": [], "artifacts": 3}', "'artifacts' should be a list"),
    ('{"format": "pm-course-progress", "version": 1, "events": ' + "[" * 200_000 + "]" * 200_000 + "}",
     "nested too deeply"),
    ("[" * 200_000, "not"),
    ('{"format": "pm-course-progress", "version": 1, "artifacts": [{"module": "m", "key": "k", "ts": 1, '
     '"data": ' + "[" * 100 + "]" * 100 + "}]}", "artifact 1 is not valid: .*nested at most"),
    ('{"format": "pm-course-progress", "version": 1, "artifacts": [{"module": "m", "key": 5, "ts": 1, "data": 1}]}',
     "artifact 1 is not valid: key must be text"),
    ('{"format": "pm-course-progress", "version": 1, "artifacts": [{"module": "m", "key": "k", "ts": NaN, '
     '"data": 1}]}', "artifact 1 has ts"),
])
def test_import_rejects_malformed_files_with_one_message(fresh_home, tmp_path, raw, message):
    path = _export_with(tmp_path, raw=raw)
    with pytest.raises(InputError, match=message):
        public.import_(path)
    assert store.events() == [] and store.artifacts() == []


def test_import_refuses_a_fifo(fresh_home, tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(InputError, match="not a regular file"):
        public.import_(pipe)


# ----------------------------------------------------------------------------- soak: 4 writers, lock holders, kill -9

SOAK_WRITER = textwrap.dedent("""
    import os, random, sys, time
    from pm_course.core import progress
    tag, start, n, acks = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    fd = os.open(acks, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    journalled, append = [0], progress._append_journal
    def counting(entries):
        journalled[0] += 1
        return append(entries)
    progress._append_journal = counting
    for i in range(start, n):
        progress.record("99_soak", f"{tag}-{i}", "check", "passed")
        os.write(fd, f"{tag}-{i}\\n".encode())  # acknowledged: record() has returned
        time.sleep(random.uniform(0, 0.003))  # a learner's pace, compressed: spans many lock periods
    print(journalled[0])
""")

LOCK_HOLDER = textwrap.dedent("""
    import random, sqlite3, sys, time
    db, seed, until = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    rnd = random.Random(seed)
    open(sys.argv[4], "w").close()
    while time.time() < until:
        time.sleep(rnd.uniform(0.05, 0.3))
        try:
            c = sqlite3.connect(db, timeout=1, isolation_level=None)
            c.execute("BEGIN EXCLUSIVE")
            time.sleep(rnd.uniform(0.05, 0.4))
            c.execute("COMMIT")
            c.close()
        except sqlite3.Error:
            pass
""")


def test_soak_four_writers_with_lock_holders_and_kill_9_lose_no_acknowledged_record(fresh_home, tmp_path):
    import random
    import signal

    rnd = random.Random(13)
    env = dict(os.environ, PM_COURSE_HOME=str(fresh_home))
    n = 2000
    store.record("99_soak", "setup", "check", "passed")  # the database exists before the lock holders start
    db = str(fresh_home / "progress.sqlite3")
    started = time.time()
    ready = [tmp_path / f"holder-{s}" for s in (1, 2)]
    holders = [subprocess.Popen([sys.executable, "-c", LOCK_HOLDER, db, str(s), str(started + 300), str(r)], env=env)
               for s, r in zip((1, 2), ready)]
    while not all(r.exists() for r in ready) and time.time() < started + 30:
        time.sleep(0.02)
    acks = {t: tmp_path / f"acks-{t}" for t in "abcd"}

    def start(tag, first):
        return subprocess.Popen([sys.executable, "-c", SOAK_WRITER, tag, str(first), str(n), str(acks[tag])],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def acked(tag):
        if not acks[tag].exists():
            return []
        return [line for line in acks[tag].read_text().split("\n") if line.startswith(f"{tag}-")]

    writers = {t: start(t, 0) for t in "abcd"}
    killed = 0
    for victim in ("a", "c"):  # kill -9 two writers mid-run, then start them again where they stopped
        deadline = time.time() + 60
        while len(acked(victim)) < rnd.randint(200, 900) and time.time() < deadline:
            time.sleep(0.02)
        writers[victim].send_signal(signal.SIGKILL)
        writers[victim].wait()
        killed += 1
        done = acked(victim)
        last = int(done[-1].split("-")[1]) if done else -1
        writers[victim] = start(victim, last + 1)
    holders[0].send_signal(signal.SIGKILL)  # a lock holder dies too (its lock is released by the OS)
    holders[0].wait()
    journalled = 0
    for p in writers.values():
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        journalled += int(out)
    assert journalled > 0  # the lock holders really made writes fall back to the journal
    for h in holders[1:]:
        h.kill()
        h.wait()
    assert killed == 2
    store.reset_connection()
    assert store.flush() == 0  # everything waiting in the journal is now in the database
    with sqlite3.connect(db) as c:
        stored = {r[0] for r in c.execute("SELECT question FROM events WHERE module = '99_soak'")}
    acknowledged = {q for t in "abcd" for q in acked(t)}
    assert len(acknowledged) >= 4 * n - 2  # a kill may cut one acknowledgement line short
    lost = acknowledged - stored
    assert not lost, f"{len(lost)} acknowledged records lost, e.g. {sorted(lost)[:5]}"


def test_a_kernel_starting_while_another_holds_the_lock_is_not_blocked(fresh_home):
    store.record("99_test", "before", "check", "passed")
    store.reset_connection()
    holder = sqlite3.connect(fresh_home / "progress.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        # returns while the lock is still held: the new connection waits at most the busy timeout, then journals
        store.record("99_test", "while-locked", "check", "passed")
        assert "while-locked" in [e["question"] for e in store.events("99_test")]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    store.reset_connection()
    store.record("99_test", "after", "check", "passed")
    assert _db_questions(fresh_home) == ["before", "while-locked", "after"]


def test_import_counts_an_artifact_only_when_its_copy_is_the_one_kept(fresh_home, tmp_path):
    store.save_artifact("07_career", "plan", {"v": 1})
    old = public.export(tmp_path / "old.json")
    time.sleep(0.01)
    store.save_artifact("07_career", "plan", {"v": 2})  # newer than the file's copy: the file's is not kept
    n = public.import_(old)
    assert (n.events, n.artifacts) == (0, 0)
    assert store.load_artifact("07_career", "plan") == {"v": 2}
def test_import_says_what_it_did(fresh_home, tmp_path):
    from pm_course import progress as public
    from pm_course.core import progress as store

    store.record("04_prioritization", "q1", "check", "passed")
    path = public.export(tmp_path / "p.json")
    n = public.import_(path)
    assert n == 0 and "Nothing new" in repr(n) and str(path) in repr(n)
    store.reset_connection()
    import os

    os.environ["PM_COURSE_HOME"] = str(tmp_path / "other")
    try:
        n = public.import_(path)
        assert n == 1 and repr(n).startswith("Imported 1 new record from")
    finally:
        store.reset_connection()


# ----------------------------------------------------------------------------- export never clobbers

def test_export_never_replaces_a_symlink_and_leaves_both_ends_as_they_were(fresh_home, tmp_path, capsys):
    store.record("02_research", "q1", "check", "passed")
    real = tmp_path / "real.json"
    real.write_text("{}")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "nowhere.json")
    for target in (link, dangling):
        with pytest.raises(InputError, match="symbolic link.*never replaces a link.*Nothing was written"):
            public.export(target)
        assert target.is_symlink()
        assert cli.main(["export", str(target)]) == 2
    assert real.read_text() == "{}" and not (tmp_path / "nowhere.json").exists()
    assert "Saved" not in capsys.readouterr().out


def test_export_does_not_create_missing_folders(fresh_home, tmp_path, capsys):
    store.record("02_research", "q1", "check", "passed")
    target = tmp_path / "no" / "such" / "folder" / "p.json"
    with pytest.raises(InputError, match="does not exist.*does not create folders.*Nothing was written"):
        public.export(target)
    assert not (tmp_path / "no").exists()
    assert cli.main(["export", str(target)]) == 2
    assert not (tmp_path / "no").exists() and "does not exist" in capsys.readouterr().err


def test_export_does_not_replace_a_file_marked_read_only(fresh_home, tmp_path):
    store.record("02_research", "q1", "check", "passed")
    target = tmp_path / "kept.json"
    target.write_text("keep me")
    target.chmod(0o444)  # refused by its mode, also for root (whom the permissions do not stop)
    with pytest.raises(InputError, match="marked read-only.*Nothing was written"):
        public.export(target)
    assert target.read_text() == "keep me" and stat.S_IMODE(target.stat().st_mode) == 0o444
    target.chmod(0o644)
    assert public.export(target).events == 1


def test_export_to_a_very_long_path_says_so_clearly(fresh_home, capsys):
    store.record("02_research", "q1", "check", "passed")
    with pytest.raises(store.ProgressWriteError, match="Cannot export to x+\\.\\.\\.x+ \\(100,000 characters\\)") as err:
        public.export("x" * 100_000)
    assert len(str(err.value)) < 400
    assert cli.main(["export", "x" * 100_000]) == 2
    assert "Traceback" not in capsys.readouterr().err


# ----------------------------------------------------------------------------- a full disk

class _DiskFull:
    """A connection that opens (and answers PRAGMAs) but cannot store a row, as under `ulimit -f` or a full disk."""

    def __init__(self, real):
        self.real = real

    def execute(self, sql, *args):
        if sql.lstrip().upper().startswith("INSERT"):
            raise sqlite3.OperationalError("disk I/O error")
        return self.real.execute(sql, *args)

    def executemany(self, sql, *args):
        raise sqlite3.OperationalError("disk I/O error")

    def executescript(self, sql):
        return self.real.executescript(sql)

    def close(self):
        self.real.close()


def test_a_full_disk_keeps_records_in_memory_says_so_truthfully_and_how_to_export_them(fresh_home, tmp_path,
                                                                                       monkeypatch):
    from pathlib import Path

    store.record("99_test", "before", "check", "passed")
    real = sqlite3.connect
    monkeypatch.setattr(store, "_connect_db", lambda *a, **k: _DiskFull(real(*a, **k)))
    monkeypatch.setattr(store, "journal_path", lambda: Path("/dev/full"))  # every write: ENOSPC
    store._conn = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for i in range(30):
            store.record("99_test", f"full-{i}", "check", "passed")
            monkeypatch.setattr(store, "_retry_at", 0.0)  # as if time passed: the database is opened again
    said = [str(w.message) for w in caught if "kept in memory" in str(w.message)]
    assert len(said) == 1 and "pm_course.progress.export(" in said[0] and "another disk" in said[0], said
    st = store.status()  # it opens again, yet it cannot store a row: not writable
    assert (st["writable"], st["memory"], st["in_memory"]) == (False, True, 30) and "disk I/O error" in st["failing"]
    assert "30 records" in public.where() and "export" in public.where()
    assert len(store.events("99_test")) == 31  # nothing lost while the kernel lives
    out = public.export(tmp_path / "rescued.json")  # another disk, with room
    assert out.events == 31
    monkeypatch.setattr(store, "_connect_db", real)  # space again: the next write moves everything in
    store._conn = None
    store.record("99_test", "after", "check", "passed")
    st = store.status()
    assert (st["writable"], st["memory"], st["in_memory"], st["failing"]) == (True, False, 0, "")
    assert len(_db_questions(fresh_home)) == 32


def test_an_export_that_fails_on_a_full_disk_says_what_is_held_in_memory(fresh_home, monkeypatch):
    from pathlib import Path

    store.record("99_test", "before", "check", "passed")
    monkeypatch.setattr(store, "_connect_db", lambda *a, **k: _DiskFull(sqlite3.connect(*a, **k)))
    monkeypatch.setattr(store, "journal_path", lambda: Path("/dev/full"))
    store._conn = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        store.record("99_test", "held", "check", "passed")
    monkeypatch.setattr(store.tempfile, "mkstemp", lambda *a, **k: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    with pytest.raises(store.ProgressWriteError, match="No space left.*1 record is held only in this kernel's memory"):
        public.export(fresh_home / "p.json")
