"""The capstone in exam mode: no reference answer in the learner's package, verdicts from sealed hashes.

The reference answers are computed here with the instructor's tools (tools/capstone_reference.py, which
tools/seal_exam.py seals), then searched for in everything reachable from ``pm_course.capstone``.
"""

from __future__ import annotations

import importlib
import inspect
import json
import math
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import capstone_reference as R  # noqa: E402
import seal_exam  # noqa: E402

from pm_course.capstone import exam  # noqa: E402
from pm_course.capstone import questions as Q  # noqa: E402
from pm_course.core.feedback import SOLUTION  # noqa: E402

REAL_IDS = ["ada", "s1234", "grace.hopper", "learner-77"]
OWN = ("pm_course.capstone.exam", "pm_course.capstone.questions", "pm_course.capstone.results",
       "pm_course.capstone.sealed", "pm_course.capstone")


@pytest.fixture(autouse=True)
def _demo_case_after():
    yield
    exam._current[0] = exam.DEMO_ID


def _references(sid: str) -> dict[str, object]:
    """Every auto-graded question's reference answer for ``sid`` (variant questions and the distinctive
    constant answers: mappings and sets)."""
    case = exam.case_for(sid)
    refs = {qid: R.REFERENCE[qid](case) for qid in R.VARIANT}
    refs.update({q.id: q.answer for q in R.QUESTIONS if isinstance(q.answer, (dict, set))})
    refs["q14"] = R.rank_by_rice_reference(case.backlog)
    return refs


def _same(value: object, ref: object) -> bool:
    if isinstance(ref, float) or isinstance(ref, int) and not isinstance(ref, bool):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if float(ref).is_integer() and abs(float(ref)) < 1000:
                return False  # a small whole number (a word limit, a count) is too common to mean anything
            return math.isclose(float(value), float(ref), rel_tol=1e-9, abs_tol=1e-9)
        return False
    if isinstance(ref, (list, tuple)):
        return isinstance(value, (list, tuple)) and list(value) == list(ref)
    if isinstance(ref, (set, frozenset)):
        if not isinstance(value, (set, frozenset, list)) or not all(isinstance(v, str) for v in value):
            return False
        return set(value) == set(ref) and len(set(ref)) > 0
    if isinstance(ref, dict):
        return isinstance(value, dict) and value == ref
    return False


def _reachable():
    """Every object reachable from the capstone's modules: globals, attributes, containers, closures, defaults."""
    for name in [m for m in list(sys.modules) if m.startswith("pm_course.capstone")]:
        importlib.import_module(name)
    seen: set[int] = set()
    stack = [(sys.modules[m], 0) for m in list(sys.modules) if m.startswith("pm_course.capstone")]
    while stack:
        obj, depth = stack.pop()
        if id(obj) in seen or depth > 8:
            continue
        seen.add(id(obj))
        yield obj
        kids: list = []
        if isinstance(obj, types.ModuleType):
            if not obj.__name__.startswith("pm_course.capstone"):
                continue
            kids = list(vars(obj).values())
        elif isinstance(obj, dict):
            kids = list(obj.keys()) + list(obj.values())
        elif isinstance(obj, (list, tuple, set, frozenset)):
            kids = list(obj)
        elif isinstance(obj, types.FunctionType):
            if not obj.__module__ or not obj.__module__.startswith("pm_course.capstone"):
                continue
            kids = [c.cell_contents for c in (obj.__closure__ or ()) if _has_contents(c)]
            kids += list(obj.__defaults__ or ()) + list((obj.__kwdefaults__ or {}).values())
            kids += [v for v in obj.__code__.co_consts]
        elif isinstance(obj, type):
            if obj.__module__.startswith("pm_course.capstone"):
                kids = list(vars(obj).values())
        elif isinstance(obj, (str, bytes, int, float, bool, type(None))):
            continue
        elif hasattr(obj, "__dict__") and type(obj).__module__.startswith("pm_course"):
            kids = list(vars(obj).values())
            for attr in dir(obj):  # properties too
                if not attr.startswith("__"):
                    try:
                        kids.append(getattr(obj, attr))
                    except Exception:  # noqa: BLE001 - an attribute that refuses is not a leak
                        pass
        stack.extend((k, depth + 1) for k in kids)


def _has_contents(cell) -> bool:
    try:
        _ = cell.cell_contents
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("solutions", ["off", "on"])
def test_no_reference_answer_is_reachable_from_the_capstone_package(solutions, monkeypatch, fresh_home, tmp_path):
    monkeypatch.setenv("PM_COURSE_SOLUTIONS", solutions)
    monkeypatch.chdir(tmp_path)
    refs = {sid: _references(sid) for sid in REAL_IDS}
    # the cases other tests built are the learners' own public data: a raw figure of one variant can equal an answer
    # of another (s1234's q6 is 0.11, another variant's planning baseline), which is no leak; scan without them
    monkeypatch.setattr(exam, "_CACHE", {})
    objects = list(_reachable())
    leaks = []
    for obj in objects:
        for sid, answers in refs.items():
            for qid, ref in answers.items():
                if _same(obj, ref):
                    leaks.append(f"{qid} of {sid}: {obj!r:.80}")
    # functions of the package that would compute an answer from a case or an id
    own = [o for o in objects if isinstance(o, types.FunctionType) and o.__module__ in OWN
           and not o.__name__.startswith("__")]
    for fn in own:
        try:
            params = [p for p in inspect.signature(fn).parameters.values()
                      if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        except (TypeError, ValueError):
            continue
        if len(params) != 1:
            continue
        for sid in REAL_IDS[:2]:
            for arg in (exam.Case(sid), sid):  # a new case: a probe must not change the cached ones
                try:
                    out = fn(arg)
                except Exception:  # noqa: BLE001 - refusing is what we want
                    continue
                for qid, ref in refs[sid].items():
                    if _same(out, ref) or isinstance(out, dict) and any(_same(v, ref) for v in out.values()):
                        leaks.append(f"{fn.__module__}.{fn.__qualname__}({arg!r}) gives {qid}")
    assert len(objects) > 500  # the walk reached the questions, their forms and the modules' globals
    assert not leaks, "\n".join(leaks[:20])
    for q in Q.QUESTIONS:
        assert not hasattr(q, "answer") and not hasattr(q, "solution_text"), q.id
        assert q.solution().outcome != SOLUTION and not q.solution().code


def test_the_walk_finds_an_answer_when_one_is_there(monkeypatch):
    # the search itself can fail: a reference placed in a question's attributes is found
    ref = _references("ada")["q18"]  # a z statistic: a number with decimals
    assert not any(_same(o, ref) for o in _reachable())
    monkeypatch.setattr(Q.q9, "leak", {"x": [ref]}, raising=False)
    assert any(_same(o, ref) for o in _reachable())


def _record_all(answers: dict, other_items: bool = False) -> None:
    """Record every answer; with ``other_items``, the answers were made for another case: a mapping over that
    case's items (tasks, activities, factors) is not an answer here, and is refused by its form."""
    for q in Q.QUESTIONS:
        a = answers[q.id]
        given = types.SimpleNamespace(value=a) if isinstance(q.form, Q.WidgetForm) else a
        outcome = q.check(given).outcome
        if other_items and outcome == "invalid":
            assert isinstance(q.form, Q.MappingForm) and q.form.items_of, q.id
            continue
        assert outcome == "info", q.id


def test_demo_answers_handed_back_for_a_real_id_fail(fresh_home):
    demo = {q.id: q.answer for q in R.QUESTIONS}
    exam.use("s1234")
    _record_all(demo, other_items=True)
    result = exam.submit(anyway=True)
    passed = {q.id for q in Q.QUESTIONS} - set(result.not_passed)
    assert not passed & set(Q.VARIANT), passed  # none of the questions on the learner's own figures
    assert not result.passed


def test_check_records_and_submit_seals_once(fresh_home):
    from pm_course.capstone.results import exam_result

    case = exam.use("ada")
    R.bind(case)
    right = {q.id: (R.REFERENCE[q.id](case) if q.id in R.REFERENCE else q.answer) for q in R.QUESTIONS}
    right["q14"] = R.BY_ID["q14"].answer
    fb = Q.q9.check(right["q9"])
    assert fb.outcome == "info" and "recorded" in fb.title and "well done" not in str(fb)
    assert not exam_result().submitted
    first = exam.submit()  # q1 ... missing: not submitted yet
    assert "not submitted" in str(first) and not exam_result().submitted
    _record_all(right)
    result = exam.submit()
    assert result.passed and result.score == result.total
    _record_all({**right, "q9": right["q9"] + 50})  # changed after the seal: does not count
    again = exam.submit()
    assert again.score == result.score and "sealed" in again.note
    assert exam_result().passed and exam_result().student_id == "ada"


def test_a_demo_submission_never_counts(fresh_home):
    from pm_course.capstone.results import exam_result

    exam.use(exam.DEMO_ID)
    _record_all({q.id: q.answer for q in R.QUESTIONS})
    result = exam.submit()
    assert set(Q.VARIANT) <= ({q.id for q in Q.QUESTIONS} - set(result.not_passed))
    assert "practice" in result.note
    assert not exam_result().submitted and not exam_result().passed


def test_sealed_json_is_what_the_tool_writes():
    problems = seal_exam.check(n_variants=0)
    assert not problems, problems


def test_sealed_verdicts_equal_the_reference_checkers_on_many_variants():
    problems = []
    for v in ["demo"] + [str(i) for i in range(0, 256, 23)]:
        problems += seal_exam.compare(v)
    assert not problems, "\n".join(problems[:20])


def test_the_sealed_record_holds_hashes_only():
    text = (ROOT / "pm_course" / "capstone" / "sealed.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert set(data["seals"]) == {"demo", *map(str, range(256))}
    refs = _references("ada")
    for qid in ("q9", "q4", "q19"):
        assert f"{refs[qid]:.1f}" not in text and f"{refs[qid]:.3f}" not in text


def test_every_question_has_a_hidden_test_in_the_instructors_notebook():
    nb = json.loads((ROOT / "solutions" / "09_capstone" / "09_capstone_exercise.ipynb").read_text(encoding="utf-8"))
    hidden = {c["metadata"]["nbgrader"]["grade_id"] for c in nb["cells"]
              if "BEGIN HIDDEN TESTS" in "".join(c["source"]) and c["metadata"].get("nbgrader", {}).get("grade")}
    assert hidden == {f"{q.id}_test" for q in Q.QUESTIONS}


def test_the_function_question_is_sealed_on_hidden_inputs_too(monkeypatch):
    monkeypatch.setenv("PM_COURSE_GRADE_STRICT", "1")
    case = R.bind(exam.case_for("ada"))

    def fits_the_visible_cases_only(backlog):
        ids = R.rank_by_rice_reference(backlog)
        return ids if backlog[0]["id"].startswith("T") or backlog == exam.case_for(exam.DEMO_ID).backlog else ids[::-1]

    assert Q.q14.verdict(fits_the_visible_cases_only, case).passed
    assert not Q.q14.verdict(fits_the_visible_cases_only, case, hidden=True).passed
    assert Q.q14.verdict(R.BY_ID["q14"].answer, case, hidden=True).passed


def test_hostile_answers_get_a_message_and_no_verdict(fresh_home):
    class Exits:
        value = property(lambda self: (_ for _ in ()).throw(SystemExit(1)))

        def __float__(self):
            raise SystemExit(1)

    exam.use("ada")
    for q in Q.QUESTIONS:
        for bad in (Exits(), float("nan"), {"x": object()}, None):
            fb = q.check(bad)
            assert fb.outcome == "invalid" and fb.lines, (q.id, bad)
            assert not q.verdict(bad).passed
        assert q.check("").outcome in ("invalid", "info")  # an empty set of letters is a form; never a verdict


def test_the_sealed_function_question_survives_the_hostile_battery(fresh_home, monkeypatch):
    """The sealed q14 runs the learner's function in the isolated runner: clear feedback, the store sound, no
    process left behind, and never a pass."""
    import sqlite3

    from hostile.functions import BATTERY, survivors

    from pm_course.core import progress

    exam.use("ada")
    monkeypatch.setattr(Q.q14.form, "time_limit", 0.5)
    already = set(survivors())
    says = {"catches_everything": "did not finish", "raises_keyboard_interrupt": "KeyboardInterrupt",
            "raises_system_exit": "SystemExit", "hard_exit": "ended its own process"}
    for fn in BATTERY:
        fb = Q.q14.check(fn)
        assert fb.outcome == "info" and "recorded" in fb.title, (fn.__name__, fb)
        if fn.__name__ in says:
            assert says[fn.__name__] in " ".join(fb.lines), (fn.__name__, fb.lines)
        assert not Q.q14.verdict(fn).passed
        assert set(survivors()) - already == set(), fn.__name__
    result = exam.submit(anyway=True)
    assert "q14" in result.not_passed
    assert progress.status()["damaged"] == "" and progress.status()["writable"]
    with sqlite3.connect(progress.db_path()) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_hash_by_hand_is_hashlibs_pbkdf2_for_the_browser():
    """Pyodide's hashlib has no pbkdf2_hmac: the capstone computes PBKDF2-HMAC-SHA256 with hmac there, and it must
    give the same hashes, or no answer would ever match in the browser."""
    import hashlib

    from pm_course.capstone.sealed import _pbkdf2_sha256_by_hand

    for rounds in (1, 2, 4000):
        for pw, salt in ((b"285.0", b"course|demo|q9"), (b"", b"s"), ("café".encode(), b"x" * 70)):
            assert _pbkdf2_sha256_by_hand(pw, salt, rounds) == hashlib.pbkdf2_hmac("sha256", pw, salt, rounds)
