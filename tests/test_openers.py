"""The "Before you start" openers of lessons 02-08: each answer is right by the earlier module's own logic or data,
each attempt is recorded as a retrieval event, and no attempt ever counts as a check (points, passed questions,
the certificate)."""

from __future__ import annotations

import inspect
import json
import math
import re
import sqlite3
from pathlib import Path

import pytest

from pm_course.core import progress
from pm_course.core.retrieval import ACTION, Opener, Recall, attempts, question_id
from pm_course.core.validate import InputError
from pm_course.course import MODULES, module
from pm_course.openers import OPENERS, opener

ROOT = Path(__file__).resolve().parents[1]


def _item(lesson: str, source: str) -> Recall:
    return next(r for r in opener(lesson).items if r.source == source)


# ---------------------------------------------------------------- shape and placement


def test_every_lesson_from_02_on_opens_with_two_or_three_questions_from_earlier_modules():
    assert sorted(OPENERS) == [m.name for m in MODULES if m.number >= "02" and m.ready]
    for name, op in OPENERS.items():
        assert 2 <= len(op.items) <= 3
        sources = [r.source for r in op.items]
        assert len(set(sources)) == len(sources)                           # one per earlier module at most
        assert all(module(s).number < module(name).number for s in sources)


@pytest.mark.parametrize("name", sorted(OPENERS))
def test_the_opener_sits_right_after_the_objectives(name):
    cells = json.loads((ROOT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]
    assert "By the end" in "".join(cells[0]["source"]) or "you will" in "".join(cells[0]["source"]).lower()
    assert "".join(cells[1]["source"]).startswith("### Before you start")
    assert "never graded" in "".join(cells[1]["source"])
    assert "".join(cells[2]["source"]) == f'from pm_course.ui import before_you_start\nbefore_you_start("{name}")'


def test_the_welcome_says_why_with_its_source():
    text = "".join("".join(c["source"]) for c in json.loads(
        (ROOT / "notebooks" / "00_welcome.ipynb").read_text(encoding="utf-8"))["cells"])
    assert "Before you start" in text and "Roediger and Karpicke" in text and "2006" in text


def test_a_bad_declaration_is_refused_clearly():
    r1 = Recall("r1", "01_pm_role", "?", ("a", "b"), "a", "01.")
    with pytest.raises(InputError, match="not an earlier module"):
        Opener("02_research", (r1, Recall("r2", "03_vision_strategy_roadmap", "?", ("a", "b"), "a", "03.")))
    with pytest.raises(InputError, match="one recall question per earlier module"):
        Opener("03_vision_strategy_roadmap", (r1, Recall("r2", "01_pm_role", "?", ("a", "b"), "b", "01.")))
    with pytest.raises(InputError, match="2 to 3"):
        Opener("03_vision_strategy_roadmap", (r1,))
    with pytest.raises(InputError, match="not among its options"):
        Recall("r3", "01_pm_role", "?", ("a", "b"), "c", "01.")


# ---------------------------------------------------------------- each answer, by the earlier module's logic


def test_02_recalls_the_welcome_and_module_01():
    from pm_course.data import load
    from pm_course.role.practice import GOALS

    r = _item("02_research", "00_welcome")
    goals = load("company")["business_goals"]
    assert r.answer in goals and not any(o in goals for o in r.options if o != r.answer)
    r = _item("02_research", "01_pm_role")
    statement = re.search(r"'([^']+)' is", r.prompt).group(1)
    assert GOALS[statement]["kind"] == r.answer


def test_03_recalls_modules_01_and_02():
    from pm_course.research import nps
    from pm_course.role.practice import TEAMS

    r = _item("03_vision_strategy_roadmap", "01_pm_role")
    assert "list of features with dates each quarter" in TEAMS["T1"]["text"] and r.answer == f"a {TEAMS['T1']['type']}"
    r = _item("03_vision_strategy_roadmap", "02_research")
    score = nps([10] * 5 + [8] * 3 + [3] * 2)                              # 5 promoters, 3 passives, 2 detractors
    assert r.answer == f"{score:g}" and "30 %" in r.options                 # a number, not a percentage


def test_04_recalls_modules_02_and_03():
    from pm_course.research import critique_question
    from pm_course.vision.strategy import KEY_RESULTS_RANGE

    r = _item("04_prioritization", "02_research")
    assert {o: critique_question(o).verdict for o in r.options} == {o: "good" if o == r.answer else "bad"
                                                                     for o in r.options}
    r = _item("04_prioritization", "03_vision_strategy_roadmap")
    assert r.answer == "{} to {}".format(*KEY_RESULTS_RANGE)


def test_05_recalls_modules_03_and_04():
    from pm_course.prioritization import rice_score
    from pm_course.vision import check_north_star

    r = _item("05_collaboration", "03_vision_strategy_roadmap")
    inputs = {"owners who post an open shift each week": "breadth", "open shifts offered per owner per week":
              "frequency", "share of open shifts filled within 2 hours": "efficiency"}
    value = "Owners get open shifts covered without phoning round, which saves them time."
    verdicts = {o: check_north_star({"name": o, "customer_value": value, "inputs": inputs}).passed for o in r.options}
    assert verdicts == {o: o == r.answer for o in r.options}
    r = _item("05_collaboration", "04_prioritization")
    assert r.answer == f"{rice_score(500, 2, 0.8, 2):g}"
    assert f"{500 * 2 * 80 / 2:,.0f}" in r.options                         # the confidence-as-80 slip is offered
    with pytest.raises(InputError, match="did you mean 0.8"):
        rice_score(500, 2, 80, 2)


def test_06_recalls_modules_04_and_05():
    from pm_course.collaboration import validate_raci
    from pm_course.prioritization import moscow_effort_shares

    r = _item("06_data_launch", "04_prioritization")
    limit = inspect.signature(moscow_effort_shares).parameters["must_limit"].default
    assert r.answer == f"{limit:.0%}".replace("%", " %")
    r = _item("06_data_launch", "05_collaboration")
    assert r.answer == "exactly one"
    assert validate_raci({"launch": {"PM": "A", "Eng": "R"}}) == []
    assert validate_raci({"launch": {"PM": "A", "Eng": "A", "Design": "R"}})   # two As: refused
    assert validate_raci({"launch": {"PM": "R", "Eng": "R"}})                  # none: refused


def test_07_recalls_modules_05_and_06():
    from pm_course.collaboration import stakeholder_quadrant
    from pm_course.data_launch import conversion_by_step

    r = _item("07_career", "05_collaboration")
    assert r.answer == stakeholder_quadrant(power=8, interest=3)
    assert set(r.options) == {stakeholder_quadrant(p, i) for p in (3, 8) for i in (3, 8)}
    r = _item("07_career", "06_data_launch")
    step = conversion_by_step([1000, 400, 300])
    assert r.answer == f"{step[1]:.0%}".replace("%", " %") and f"{step[0]:.0%}".replace("%", " %") in r.options


def test_08_recalls_modules_06_and_07():
    from pm_course.career.goals import LETTERS
    from pm_course.data_launch import peeking_simulation

    r = _item("08_leading", "06_data_launch")
    sim = peeking_simulation(tests=2000, days=20, users_per_day=200, alpha=0.05, seed=6)   # the 06 lesson's run
    assert sim["peeking"] > 0.05 + 1.96 * math.sqrt(0.05 * 0.95 / 2000) and r.answer == "well above 5 %"
    r = _item("08_leading", "07_career")
    assert r.answer == LETTERS["A"]



def test_09_recalls_modules_04_and_08():
    from pm_course.leading.leadership import kotter_kind
    from pm_course.prioritization import rice_score

    r = _item("09_capstone", "04_prioritization")
    assert r.answer == f"{rice_score(reach=200, impact=2, confidence=0.8, effort=4):g}"
    assert f"{200 * 2 * 0.8:g}" in r.options and f"{200 * 2 / 4:g}" in r.options  # the two slips it names
    r = _item("09_capstone", "08_leading")
    assert r.answer == kotter_kind("setting a direction") == "leading"

# ---------------------------------------------------------------- recorded, never graded


def test_an_attempt_is_recorded_as_retrieval_and_never_counts_as_a_check(fresh_home):
    import pm_course.progress as learner_progress
    from pm_course.certificate.content import module_standing

    op = opener("03_vision_strategy_roadmap")
    right = op.attempt("r1", op.items[0].answer)
    wrong = op.attempt("r2", next(o for o in op.items[1].options if o != op.items[1].answer))
    assert right["correct"] and not wrong["correct"] and wrong["answer"] == op.items[1].answer
    got = attempts("03_vision_strategy_roadmap")
    assert [(e["question"], e["action"], e["outcome"]) for e in got] == [
        (question_id("r1"), ACTION, "recalled"), (question_id("r2"), ACTION, "missed")]
    assert not [e for e in progress.events() if e["action"] == "check"]
    row = next(r for r in learner_progress.summary().rows if r["name"] == "03_vision_strategy_roadmap")
    assert row["passed"] == 0 and row["attempted"] == 0
    assert all(r["state"] == "not checked yet" for r in learner_progress.review("03_vision_strategy_roadmap").rows)
    assert all(r["points"] == 0 for r in module_standing())
    with pytest.raises(InputError, match="pick one of"):
        op.attempt("r1", "a project team")
    with pytest.raises(InputError, match="no recall question"):
        op.attempt("r9", "a feature team")


def test_a_store_made_before_retrieval_attempts_is_upgraded_and_keeps_its_events(fresh_home):
    progress.reset_connection()
    path = progress.db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    old = progress.SCHEMA.replace(", 'retrieval'", "")
    assert "'retrieval'" not in old
    conn = sqlite3.connect(path)
    conn.executescript(old)
    conn.execute("INSERT INTO events (ts, module, question, action, outcome, uid) VALUES "
                 "(1.0, '02_research', 'q1', 'check', 'passed', 'u1')")
    conn.commit()
    conn.close()
    op = opener("02_research")
    op.attempt("r2", "outcome")
    assert [(e["action"], e["outcome"]) for e in progress.events()] == [("check", "passed"), (ACTION, "recalled")]


def test_exported_attempts_import_again(fresh_home, tmp_path):
    opener("04").attempt("r2", "2 to 5")
    out = tmp_path / "p.json"
    progress.export_json(out)
    progress.reset_connection()
    (progress.db_path()).unlink()
    progress.reset_connection()
    assert progress.import_json(out).events == 1 and len(attempts("04_prioritization")) == 1


# ---------------------------------------------------------------- the widget


def test_before_you_start_records_what_was_picked_and_shows_why(fresh_home):
    from pm_course.ui import BeforeYouStart, before_you_start

    w = before_you_start("08_leading")
    assert isinstance(w, BeforeYouStart) and w.value["answers"] == {"r1": None, "r2": None}
    first = w.result.value
    assert w.reveal() == {} and w.result.value != first and not attempts("08_leading")   # nothing picked yet
    w.choices["r2"].value = "assignable"                                   # a learner clicks
    assert w.code() == "recall.set({'r2': 'assignable'})"
    assert w.reveal() == {"r2": True}
    assert "1 of 2 recalled; 1 not answered yet" in w.result.value and "never graded" in w.result.value
    assert "Recalled" in w.notes["r2"].value and "Doran" in w.notes["r2"].value
    w.set({"r1": "about 5 %"})
    assert w.reveal() == {"r1": False, "r2": True}
    assert "well above 5 %" in w.notes["r1"].value
    assert [e["outcome"] for e in attempts("08_leading")] == ["recalled", "missed", "recalled"]
    with pytest.raises(InputError, match="pick one of"):
        w.set({"r1": "about 50 %"})
    with pytest.raises(InputError, match="no 'Before you start'"):
        before_you_start("01_pm_role")
