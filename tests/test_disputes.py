"""Disputes: q.dispute("why") is recorded with progress, exported, imported, and reported by rule."""

from __future__ import annotations

import json
import sqlite3

import pytest

from pm_course.cli import main
from pm_course.core import disputes, progress
from pm_course.core.feedback import INFO, INVALID


def _disputes():
    return [e for e in progress.events() if e["action"] == "dispute"]


def test_a_dispute_records_the_verdict_the_rules_and_the_reason(fresh_home):
    from pm_course.research.questions import q7

    assert q7.check("Tell me about the last time you ordered milk.").outcome == "failed"
    fb = q7.dispute("a supplier missing a delivery is a cover problem too")
    assert fb.outcome == INFO and "same problem" in fb.lines[0]
    (e,) = _disputes()
    assert (e["module"], e["question"]) == ("02_research", "q7")
    assert disputes.parse(e["outcome"]) == {"verdict": "failed", "rules": ["same problem"],
                                            "why": "a supplier missing a delivery is a cover problem too"}


def test_a_dispute_needs_a_reason_in_a_sentence_or_two(fresh_home):
    from pm_course.research.questions import q7

    for why in ("", "   ", 42, None, "x" * 401):
        assert q7.dispute(why).outcome == INVALID
    assert _disputes() == []


def test_a_written_answer_can_be_disputed_too(fresh_home):
    from pm_course.leading.questions import w1

    w1.check("We will pay a bonus for every customer visit.")
    w1.dispute("the bonus was the old policy I describe and reject")
    (e,) = _disputes()
    d = disputes.parse(e["outcome"])
    assert d["verdict"] == "reviewed" and "uses metrics as feedback" in d["rules"]


def test_disputes_travel_with_an_export_and_an_import(fresh_home, tmp_path):
    from pm_course.role.questions import q11

    q11.check({"problem": "x", "users": "", "goals": "", "non_goals": "", "success_metric": "", "open_questions": ""})
    q11.dispute("my problem statement is right")
    out = tmp_path / "mine.json"
    progress.export_json(out)
    data = json.loads(out.read_text())
    assert any(e["action"] == "dispute" for e in data["events"])
    progress.reset_connection()
    (tmp_path / "home").rename(tmp_path / "home-old")
    progress.import_json(out)
    assert len(_disputes()) == 1


def test_a_store_made_before_disputes_is_upgraded_and_keeps_its_events(fresh_home):
    from pm_course.research.questions import q7

    progress.reset_connection()
    path = progress.db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    old = progress.SCHEMA.replace(", 'dispute'", "")
    assert "'dispute'" not in old
    conn = sqlite3.connect(path)
    conn.executescript(old)
    conn.execute("INSERT INTO events (ts, module, question, action, outcome, uid) VALUES "
                 "(1.0, '02_research', 'q1', 'check', 'passed', 'u1')")
    conn.commit()
    conn.close()
    q7.check("Tell me about the last time you ordered milk.")
    q7.dispute("it is about cover")
    evs = progress.events()
    assert [e["action"] for e in evs] == ["check", "check", "dispute"] and evs[0]["uid"] == "u1"
    progress.flush()
    assert not progress.journal_path().exists() or not progress.journal_path().read_text().strip()


def test_pm_course_report_shows_which_rule_is_disputed_and_how_often(fresh_home, tmp_path, capsys):
    from pm_course.research.questions import q7, q8

    q7.check("Tell me about the last time you ordered milk.")
    q7.dispute("a late delivery is a cover problem")
    q8.check("When payroll is due, I want to check the hours, so I can pay people.")
    q8.dispute("payroll is part of cover")
    a = tmp_path / "a.json"
    progress.export_json(a)
    assert main(["report", "--disputes", str(a), str(a)]) == 0
    out = capsys.readouterr().out
    assert "02_research/q7" in out and "same problem" in out and "a late delivery is a cover problem" in out
    row = next(line for line in out.splitlines() if line.startswith("02_research/q7"))
    assert row.split()[-1] == "2"  # the same export twice: two disputes
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]")
    assert main(["report", "--disputes", str(bad)]) == 2
    assert "progress export" in capsys.readouterr().err
    assert main(["report"]) == 2
    assert "ASSIGNMENT" in capsys.readouterr().err


def test_summarise_counts_per_rule():
    evs = [{"module": "m", "question": "q", "action": "dispute", "outcome": disputes.outcome("failed", ["a", "b"], "w")},
           {"module": "m", "question": "q", "action": "dispute", "outcome": disputes.outcome("failed", ["a"], "v")},
           {"module": "m", "question": "q", "action": "check", "outcome": "failed"}]
    rows = disputes.summarise(evs)
    assert [(r["rule"], r["count"]) for r in rows] == [("a", 2), ("b", 1)]
    assert "No disputes." == disputes.table([])
    with pytest.raises(TypeError):
        disputes.outcome("failed", [], 3)


def test_a_verdict_from_word_rules_says_how_to_dispute_it(fresh_home):
    from pm_course.prioritization.questions import q1
    from pm_course.research.questions import q7

    assert "q7.dispute('why')" in q7.check("Tell me about the last time you ordered milk.").lines[-1]
    assert not any("dispute" in line for line in q1.check(-1.0).lines)  # a number has no word rule to dispute
