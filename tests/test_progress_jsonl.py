"""The JSONL store (PM_COURSE_STORE=jsonl, or chosen where SQLite is not safe): the store's reliability tests."""

import json
import os
import subprocess
import sys
import textwrap
import time
import warnings

import pytest

from pm_course import progress as public
from pm_course.core import progress as store

WRITER = textwrap.dedent("""
    import sys
    from pm_course.core import progress
    assert progress.store_kind() == "jsonl", progress.store_kind()
    tag, n = sys.argv[1], int(sys.argv[2])
    for i in range(n):
        progress.record("99_test", f"{tag}-{i}", "check", "passed")
    print("done")
""")


@pytest.fixture
def jsonl_home(fresh_home, monkeypatch):
    monkeypatch.setenv("PM_COURSE_STORE", "jsonl")
    store.reset_connection()
    return fresh_home


def _journal(home):
    return home / "progress.journal.jsonl"


def test_the_store_is_chosen_by_pm_course_store_and_where_sqlite_is_not_safe(fresh_home, monkeypatch):
    assert store.store_kind() == "sqlite"
    monkeypatch.setenv("PM_COURSE_STORE", "jsonl")
    assert store.store_kind() == "jsonl"
    monkeypatch.setenv("PM_COURSE_STORE", "JSONL ")
    assert store.store_kind() == "jsonl"
    monkeypatch.setenv("PM_COURSE_STORE", "postgres")
    store.reset_connection()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert store.store_kind() == "sqlite"
    assert any("PM_COURSE_STORE must be one of sqlite, jsonl" in str(w.message) and "'postgres'" in str(w.message)
               for w in caught)
    monkeypatch.delenv("PM_COURSE_STORE")
    monkeypatch.setattr(store, "sqlite3", None)  # a Python built without sqlite3
    assert store.store_kind() == "jsonl"
    monkeypatch.undo()
    monkeypatch.setenv("PM_COURSE_HOME", str(fresh_home))
    monkeypatch.setattr(sys, "platform", "emscripten")  # the browser (Pyodide, JupyterLite)
    assert store.store_kind() == "jsonl"


def test_a_home_on_a_network_file_system_is_detected_from_the_mount_table(tmp_path, monkeypatch):
    mounts = ("/dev/sda1 / ext4 rw 0 0\n"
              f"server:/export {tmp_path} nfs4 rw,relatime 0 0\n"
              f"tmpfs {tmp_path}/scratch tmpfs rw 0 0\n")
    (tmp_path / "scratch").mkdir()
    assert store._mount_type(tmp_path / "home" / "not-made-yet", mounts) == "nfs4"
    assert store._mount_type(tmp_path / "scratch" / "x", mounts) == "tmpfs"
    assert store._mount_type(tmp_path.parent / (tmp_path.name + "-other"), mounts) == "ext4"
    monkeypatch.setenv("PM_COURSE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("PM_COURSE_STORE", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    store.reset_connection()
    monkeypatch.setattr(store, "_mount_type", lambda path, mounts=None: "nfs4")
    assert store.store_kind() == "jsonl"
    store.reset_connection()
    monkeypatch.setattr(store, "_mount_type", lambda path, mounts=None: "ext4")
    assert store.store_kind() == "sqlite"
    store.reset_connection()


def test_the_jsonl_store_records_reads_and_reports_without_a_database(jsonl_home):
    store.record("99_test", "q1", "check", "passed")
    store.record("99_test", "q1", "hint")
    store.save_artifact("99_test", "plan", {"a": 1})
    store.save_artifact("99_test", "plan", {"a": 2})
    assert [(e["question"], e["action"]) for e in store.events("99_test")] == [("q1", "check"), ("q1", "hint")]
    assert store.load_artifact("99_test", "plan") == {"a": 2}
    assert not (jsonl_home / "progress.sqlite3").exists()
    st = store.status()
    assert (st["store"], st["writable"], st["waiting"], st["failing"]) == ("jsonl", True, 0, "")
    assert "JSONL store" in public.where()
    assert store.flush() == 0
    assert str(store.repair()).endswith("nothing to repair.")
    assert len(store.events("99_test")) == 2


@pytest.mark.parametrize("source, target", [("jsonl", "sqlite"), ("sqlite", "jsonl"), ("jsonl", "jsonl")])
def test_export_and_import_between_the_stores_merge_without_duplicates(tmp_path, monkeypatch, source, target):
    monkeypatch.setenv("PM_COURSE_HOME", str(tmp_path / "a"))
    monkeypatch.setenv("PM_COURSE_STORE", source)
    store.reset_connection()
    store.record("99_test", "q1", "check", "passed")
    store.save_artifact("99_test", "plan", [1, 2])
    out = store.export_json(tmp_path / "p.json")
    assert (out.events, out.artifacts) == (1, 1)
    monkeypatch.setenv("PM_COURSE_HOME", str(tmp_path / "b"))
    monkeypatch.setenv("PM_COURSE_STORE", target)
    store.reset_connection()
    store.record("99_test", "q2", "check", "failed")
    first = store.import_json(tmp_path / "p.json")
    assert (first.events, first.artifacts) == (1, 1)
    again = store.import_json(tmp_path / "p.json")
    assert (again.events, again.artifacts) == (0, 0)
    assert sorted(e["question"] for e in store.events("99_test")) == ["q1", "q2"]
    assert store.load_artifact("99_test", "plan") == [1, 2]
    assert (tmp_path / "b" / "progress.sqlite3").exists() == (target == "sqlite")
    store.reset_connection()


def test_two_processes_writing_500_records_each_lose_none(jsonl_home):
    env = dict(os.environ, PM_COURSE_HOME=str(jsonl_home), PM_COURSE_STORE="jsonl")
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, tag, "500"], env=env, stdout=subprocess.PIPE, text=True)
        for tag in ("a", "b")
    ]
    for p in procs:
        out, _ = p.communicate(timeout=300)
        assert p.returncode == 0 and "done" in out
    evs = store.events("99_test")
    assert len(evs) == 1000
    assert {e["question"] for e in evs} == {f"{t}-{i}" for t in "ab" for i in range(500)}
    lines = [ln for ln in _journal(jsonl_home).read_bytes().split(b"\n") if ln.strip()]
    assert len(lines) == 1000 and all(json.loads(ln)["t"] == "e" for ln in lines)  # no line interleaved
    assert not (jsonl_home / "progress.sqlite3").exists()


def test_a_process_killed_while_writing_leaves_at_most_a_cut_last_line_which_is_skipped(jsonl_home):
    env = dict(os.environ, PM_COURSE_HOME=str(jsonl_home), PM_COURSE_STORE="jsonl")
    p = subprocess.Popen([sys.executable, "-c", WRITER, "k", "1000000"], env=env, stdout=subprocess.DEVNULL)
    j = _journal(jsonl_home)
    for _ in range(1200):  # poll until it is busy writing (at most about a minute)
        if j.exists() and j.read_bytes().count(b"\n") > 400:
            break
        time.sleep(0.05)
    p.kill()
    p.wait()
    lines = [ln for ln in j.read_bytes().split(b"\n") if ln.strip()]
    whole = []
    for i, ln in enumerate(lines):
        try:
            whole.append(json.loads(ln))
        except ValueError:
            assert i == len(lines) - 1, "only the last line may be cut short"
    n = len(whole)
    assert n > 200
    assert len(store.events("99_test")) == n
    with open(j, "ab") as fh:  # a write cut short by a crash, by hand
        fh.write(b'{"t":"e","ts":1.0,"modu')
    store.record("99_test", "after", "check", "passed")  # still writable; the cut line does not swallow it
    evs = store.events("99_test")
    assert len(evs) == n + 1 and evs[-1]["question"] == "after"


def test_a_damaged_journal_keeps_every_good_line_and_takes_new_records(jsonl_home, tmp_path):
    store.record("99_test", "before", "check", "passed")
    with open(_journal(jsonl_home), "ab") as fh:
        fh.write(b"\x00\xff\xfe garbage\n[1, 2]\n{\"t\": \"e\", \"ts\": -5}\n"
                 b'{"t": "e", "ts": 1, "module": "99_test", "question": "q", "action": "delete", "uid": "x"}\n'
                 b'{"t": "a", "module": "99_test", "key": "k"}\n' + os.urandom(64).replace(b"\n", b"") + b"\n")
    store.record("99_test", "after", "check", "failed")
    store.save_artifact("99_test", "plan", {"ok": True})
    assert [e["question"] for e in store.events("99_test")] == ["before", "after"]
    assert store.load_artifact("99_test", "plan") == {"ok": True}
    out = store.export_json(tmp_path / "rescued.json")
    assert (out.events, out.artifacts) == (2, 1)
    assert store.status()["writable"]


def test_an_unusable_home_keeps_records_in_memory_then_moves_them_to_the_journal(tmp_path, monkeypatch):
    blocker = tmp_path / "home"
    blocker.write_text("a file where the home folder should be")
    monkeypatch.setenv("PM_COURSE_HOME", str(blocker / "inner"))
    monkeypatch.setenv("PM_COURSE_STORE", "jsonl")
    store.reset_connection()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        store.record("99_test", "q1", "check", "passed")
        store.save_artifact("99_test", "plan", [1])
        store.record("99_test", "q2", "check", "failed")
    said = [str(w.message) for w in caught if "kept in memory" in str(w.message)]
    assert len(said) == 1 and "NotADirectoryError" in said[0]
    st = store.status()
    assert (st["memory"], st["writable"], st["in_memory"]) == (True, False, 3)
    assert "memory only" in public.where()
    assert store.flush() == 3  # still cannot be written
    blocker.unlink()  # the home can be written again
    store.record("99_test", "q3", "check", "passed")
    assert store.status()["in_memory"] == 0 and not store.in_memory()
    store.reset_connection()  # a new kernel reads everything from the journal
    assert sorted(e["question"] for e in store.events("99_test")) == ["q1", "q2", "q3"]
    assert store.load_artifact("99_test", "plan") == [1]
    store.reset_connection()


def test_a_read_only_journal_keeps_records_in_memory_and_says_why(jsonl_home, monkeypatch):
    store.record("99_test", "saved", "check", "passed")
    real_open = os.open

    def refuse(path, flags, *args):
        if str(path).endswith(".jsonl") and flags & os.O_APPEND:
            raise PermissionError(13, "Read-only file system", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.warns(RuntimeWarning, match="Read-only file system"):
        store.record("99_test", "held", "check", "passed")
    assert store.status()["in_memory"] == 1
    assert [e["question"] for e in store.events("99_test")] == ["saved", "held"]
    monkeypatch.setattr(os, "open", real_open)
    assert store.flush() == 0
    store.reset_connection()
    assert [e["question"] for e in store.events("99_test")] == ["saved", "held"]


def test_a_switch_to_the_jsonl_store_keeps_the_database_readable_and_unchanged_and_back_moves_the_journal_in(
        fresh_home, monkeypatch):
    store.record("99_test", "in-sqlite", "check", "passed")
    store.save_artifact("99_test", "plan", {"v": 1})
    store.reset_connection()
    db = fresh_home / "progress.sqlite3"
    before = db.read_bytes()
    monkeypatch.setenv("PM_COURSE_STORE", "jsonl")
    store.reset_connection()
    store.record("99_test", "in-jsonl", "check", "failed")
    assert [e["question"] for e in store.events("99_test")] == ["in-sqlite", "in-jsonl"]
    assert store.load_artifact("99_test", "plan") == {"v": 1}
    assert db.read_bytes() == before
    monkeypatch.setenv("PM_COURSE_STORE", "sqlite")
    store.reset_connection()
    assert store.flush() == 0
    assert [e["question"] for e in store.events("99_test")] == ["in-sqlite", "in-jsonl"]
    assert _journal(fresh_home).stat().st_size == 0
