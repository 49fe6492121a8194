"""The progress store: concurrency, crashes, a read-only home, export and import; summary and CLI."""

import json
import os
import sqlite3
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


def test_read_only_database_file_falls_back_to_memory(tmp_path, monkeypatch):
    """A database opened read-only (as root cannot be refused by permissions, use SQLite's own read-only mode)."""
    home = tmp_path / "home"
    monkeypatch.setenv("PM_COURSE_HOME", str(home))
    store.reset_connection()
    store.record("99_test", "q", "check", "passed")
    store.reset_connection()

    def read_only_connect(path, *args, **kwargs):
        return real_connect(f"file:{path}?mode=ro", *args, uri=True, **kwargs)

    real_connect = sqlite3.connect
    monkeypatch.setattr(store.sqlite3, "connect", lambda p, *a, **k: (
        read_only_connect(p, *a, **k) if p != ":memory:" else real_connect(p, *a, **k)))
    with pytest.warns(RuntimeWarning, match="kept in memory"):
        store.record("99_test", "q", "check", "passed")
    assert store.in_memory() and len(store.events("99_test")) == 1
    monkeypatch.setattr(store.sqlite3, "connect", real_connect)
    store.reset_connection()
    assert len(store.events("99_test")) == 1  # the file itself was untouched


def test_a_write_failing_mid_session_keeps_the_record_in_memory(fresh_home, monkeypatch):
    store.record("99_test", "before", "check", "passed")
    conn = store._connect()

    class Failing:
        def execute(self, sql, *args):
            if sql.startswith("INSERT"):
                raise sqlite3.OperationalError("database or disk is full")
            return conn.execute(sql, *args)

    monkeypatch.setattr(store, "_conn", Failing())
    with pytest.warns(RuntimeWarning, match="disk is full"):
        store.record("99_test", "during", "check", "passed")
    assert [e["question"] for e in store.events("99_test")] == ["during"]
    assert store.in_memory()


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
