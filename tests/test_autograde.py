"""The grading engine: learner code runs in the sandbox and cannot change a verdict (pm_course.autograde).

- plain data across the wall, and the stand-in questions that carry no answers;
- a cohort graded with the same scores as nbgrader for honest work;
- a corpus of hostile submissions (tests/hostile/attacks.py), each scoring 0 beside an honest one;
- feedback without hidden tests or expected values, on every assignment;
- shards graded in separate processes and merged equal an unsharded run;
- no sandbox: refused unless allowed, and then recorded; the cohort report.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hostile.attacks import ATTACKS
from nbgrader_course import ROOT, Course, assignments, nbgrader

from pm_course.autograde import plain
from pm_course.autograde.cohort import GradingRefused, autograde, merge
from pm_course.autograde.formonly import module_spec, stub_source
from pm_course.autograde.sandbox import Limits, bwrap_status
from pm_course.course import exercise_file

ASSIGNMENTS = assignments()
FAST = Limits(cell_seconds=3, notebook_seconds=60, call_seconds=2)


def page_text(path: Path) -> str:
    """The text of an HTML page as a reader sees it (code is split into highlighted spans in the HTML)."""
    import html as _html
    import re

    return _html.unescape(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")))


def release_nb(course: Course) -> dict:
    return json.loads((course.release / exercise_file(course.assignment)).read_text())


def with_cell(nb: dict, source: str) -> dict:
    nb = json.loads(json.dumps(nb))
    answers = [i for i, c in enumerate(nb["cells"]) if c["metadata"].get("nbgrader", {}).get("solution")]
    cell = {"cell_type": "code", "execution_count": None, "id": "hostile", "metadata": {}, "outputs": [],
            "source": source}
    nb["cells"].insert(answers[0] if answers else len(nb["cells"]), cell)
    return nb


def half_done(course: Course) -> dict:
    """The release with every other answer cell taken from the solutions."""
    sol = json.loads((ROOT / "solutions" / course.assignment / exercise_file(course.assignment)).read_text())
    rel = release_nb(course)
    by_id = {c["metadata"].get("nbgrader", {}).get("grade_id"): c for c in sol["cells"]}
    k = 0
    for c in rel["cells"]:
        m = c["metadata"].get("nbgrader", {})
        if m.get("solution") and c["cell_type"] == "code" and not m.get("grade"):
            if k % 2 == 0:
                c["source"] = by_id[m["grade_id"]]["source"]
            k += 1
    return rel


# ---------------------------------------------------------------- the wall


@pytest.mark.parametrize("value", [None, True, 3, -2.5, "text", [1, "a"], (1, 2), {1, 2}, frozenset({"x"}),
                                   {"a": [1, {"b": None}]}, {(1, 2): "tuple key"}, Ellipsis, float("nan")])
def test_plain_values_cross_the_wall_unchanged(value):
    back = plain.decode(json.loads(json.dumps(plain.encode(value))))
    if isinstance(value, float) and value != value:
        assert back != back
    else:
        assert back == value and type(back) is type(value)


def test_objects_that_are_not_plain_data_are_described_not_carried():
    class Eq:
        def __eq__(self, other):
            return True

    class F(float):
        pass

    for obj in (Eq(), F(1.0)):
        back = plain.decode(plain.encode(obj))
        assert isinstance(back, plain.Opaque) and not back.has_value
    widget = type("W", (), {"value": property(lambda self: {"chosen": ["B01"]})})()
    back = plain.decode(plain.encode(widget))
    assert back.value == {"chosen": ["B01"]}
    assert isinstance(plain.decode(plain.encode(lambda x: x)), plain.FunctionMarker)
    deep: list = []
    for _ in range(50):
        deep = [deep]
    assert isinstance(plain.decode(plain.encode(deep)), list)  # cut at the depth limit, described inside
    with pytest.raises(plain.PlainError):
        plain.decode({"t": "code", "v": "import os"})
    with pytest.raises(plain.PlainError):
        plain.loads("[" * 100_000)


@pytest.mark.parametrize("package", ["prioritization", "research", "vision", "collaboration", "welcome"])
def test_the_stand_in_questions_carry_no_answers(package):
    import importlib

    from pm_course.autograde.engine import _source, source_cells
    from pm_course.autograde.formonly import handed_out

    module = importlib.import_module(f"pm_course.{package}.questions")
    setup = [_source(c) for p in (ROOT / "solutions").glob("*/*.ipynb") for c in source_cells(p)["setup"]]
    spec = module_spec(module, handed_out(setup).get(module.__name__, set()))
    source = stub_source(spec)
    allowed = {"kind", "module", "id", "prompt", "hints", "points", "shape", "attr", "value", "items"}
    for item in spec["names"].values():
        assert set(item) <= allowed
    for q in module.QUESTIONS:
        visible = " ".join([q.prompt, *q.hints])  # what the learner is shown anyway
        code = [line.strip() for line in q.solution_text.splitlines()
                if line.strip() and not line.lstrip().startswith("#") and line.strip() not in visible]
        assert not any(line in source for line in code if len(line) > 24), f"{q.key}: solution code in the stand-in"
        if isinstance(q.answer, float) and q.answer != round(q.answer):
            assert repr(q.answer) not in source, f"{q.key}: its reference answer is in the stand-in"


# ---------------------------------------------------------------- honest work


def test_honest_cohort_scores_equal_nbgraders_and_hostile_ones_score_zero(tmp_path):
    """One batch: full, half-done and untouched submissions and the whole hostile corpus (exercise 04)."""
    assignment = "04_prioritization"
    course = Course(tmp_path, assignment)
    name = exercise_file(assignment)
    course.submit("full", {name: ROOT / "solutions" / assignment / name})
    course.submit("half", {name: half_done(course)})
    course.submit("untouched", {name: course.release / name})

    # nbgrader's own autograde of the honest three, in a separate copy of the course, for reference
    (tmp_path / "ref").mkdir()
    ref = Course(tmp_path / "ref", assignment)
    for s in ("full", "half", "untouched"):
        ref.submit(s, {name: course.root / "submitted" / s / assignment / name})
    out, _ = ref.autograde()
    assert out.returncode == 0, out.stderr[-2000:]
    expected = {s: ref.scores(s)[assignment][0] for s in ("full", "half", "untouched")}
    assert expected["full"] > expected["half"] > expected["untouched"] == 0

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    seen: list[bytes] = []
    stop = threading.Event()

    def serve():
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
                seen.append(conn.recv(100))
                conn.close()
            except OSError:
                continue

    threading.Thread(target=serve, daemon=True).start()
    fields = {"root": course.root, "port": port, "module": "pm_course.prioritization.questions",
              "package": "pm_course.prioritization", "assignment": assignment}
    for attack, src in ATTACKS.items():
        course.submit(f"hostile-{attack}", {name: with_cell(release_nb(course), src.format(**fields))})
    try:
        summary = autograde(assignment, course.root, workers=2, limits=FAST, progress=False)
    finally:
        stop.set()
    for s, score in expected.items():
        assert course.scores(s)[assignment][0] == score, f"{s}: {course.scores(s)} != nbgrader's {score}"
    for attack in ATTACKS:
        got = course.scores(f"hostile-{attack}")[assignment][0]
        assert got == 0, f"the attack {attack!r} scored {got}"
    assert not seen, "a sandboxed cell reached the network"
    assert not (course.root / "pwned.txt").exists()
    assert summary.graded == 3 + len(ATTACKS) and summary.sandboxed is bwrap_status()[0]
    graded = json.loads((course.root / "autograded" / "hostile-exit_kernel" / assignment / name).read_text())
    assert graded["metadata"]["pm_course_grading"]["notes"], "the cell that ended the notebook is reported"

    # A re-run skips every unchanged submission; --student regrades one.
    again = autograde(assignment, course.root, workers=2, limits=FAST, progress=False)
    assert again.graded == 0 and again.skipped == summary.graded
    one = autograde(assignment, course.root, student="half", force=True, limits=FAST, progress=False)
    assert one.graded == 1 and course.scores("half")[assignment][0] == expected["half"]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_assignment_solutions_full_release_zero_and_feedback_keeps_tests_hidden(assignment, tmp_path):
    from pm_course.core import Value
    from pm_course.course import MODULES, questions

    course = Course(tmp_path, assignment)
    name = exercise_file(assignment)
    course.submit("full", {name: ROOT / "solutions" / assignment / name})
    course.submit("untouched", {name: course.release / name})
    autograde(assignment, course.root, workers=2, limits=FAST, progress=False)
    full, top = course.scores("full")[assignment]
    assert full == top > 0
    assert course.scores("untouched")[assignment][0] == 0
    out = nbgrader(course.root, "generate_feedback", assignment, "--force")
    assert out.returncode == 0, out.stderr[-2000:]
    html = page_text(course.root / "feedback" / "untouched" / assignment / exercise_file(assignment).replace(".ipynb", ".html"))
    # the text is readable, so the checks below are not vacuous: the first answer cell's code is shown
    readable = "q1.check(answer_q1)" if assignment in {m.name for m in MODULES} else "answer_f1 ="
    assert readable in html
    source = (ROOT / "solutions" / assignment / name).read_text()
    assert "HIDDEN TESTS" not in html
    hidden = [line.strip() for block in source.split("### BEGIN HIDDEN TESTS")[1:]
              for line in block.split("### END HIDDEN TESTS")[0].encode().decode("unicode_escape").splitlines()]
    for line in hidden:
        if len(line) > 20 and line.strip('",\\n '):
            assert line.strip('",\\n ') not in html, f"hidden test shown: {line}"
    for q in (questions(assignment) if assignment in {m.name for m in MODULES} else []):
        if not hasattr(q, "checker"):
            continue  # a sealed capstone question holds no expected value to show
        inner = getattr(q.checker, "inner", q.checker)
        if isinstance(inner, Value) and isinstance(inner.expected, float) and abs(inner.expected) >= 1:
            shown = f"{inner.expected:.2f}"
            assert shown not in html, f"{q.key}: expected value {shown} in the feedback"


# ---------------------------------------------------------------- scale


def test_shards_in_separate_processes_merge_to_the_unsharded_result(tmp_path):
    assignment = "05_collaboration"
    course = Course(tmp_path, assignment)
    name = exercise_file(assignment)
    for i in range(6):
        src = ROOT / "solutions" / assignment / name if i % 3 == 0 else (course.release / name if i % 3 == 1 else None)
        course.submit(f"s{i}", {name: src if src else half_done(course)})
    env = dict(os.environ)
    procs = [subprocess.Popen([sys.executable, "-m", "pm_course.cli", "autograde", assignment, "--root", str(course.root),
                               "--shard", f"{k}/3", "--results", str(tmp_path / f"shard{k}"), "--quiet",
                               "--cell-timeout", "3"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for k in (1, 2, 3)]
    for p in procs:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
    merged = merge(assignment, [tmp_path / f"shard{k}" for k in (1, 2, 3)], course.root)
    assert merged.graded == 6
    sharded = {f"s{i}": course.scores(f"s{i}")[assignment][0] for i in range(6)}
    whole = autograde(assignment, course.root, force=True, limits=FAST, progress=False)
    assert whole.scores == sharded


def test_without_a_sandbox_grading_is_refused_unless_allowed_and_then_recorded(tmp_path, monkeypatch):
    import pm_course.autograde.cohort as cohort

    assignment = "05_collaboration"
    course = Course(tmp_path, assignment)
    name = exercise_file(assignment)
    course.submit("full", {name: ROOT / "solutions" / assignment / name})
    monkeypatch.setattr(cohort, "bwrap_status", lambda: (False, "bubblewrap is not installed"))
    with pytest.raises(GradingRefused, match="--allow-unsandboxed"):
        autograde(assignment, course.root, progress=False)
    summary = autograde(assignment, course.root, allow_unsandboxed=True, limits=FAST, progress=False)
    assert not summary.sandboxed and "WITHOUT the sandbox" in str(summary)
    graded = json.loads((course.root / "autograded" / "full" / assignment / name).read_text())
    assert graded["metadata"]["pm_course_grading"]["sandboxed"] is False
    assert course.scores("full")[assignment][0] == course.scores("full")[assignment][1]


def test_the_report_shows_scores_pass_rates_misconceptions_and_failures(tmp_path):
    from pm_course.autograde.report import write_report

    assignment = "04_prioritization"
    course = Course(tmp_path, assignment)
    name = exercise_file(assignment)
    course.submit("full", {name: ROOT / "solutions" / assignment / name})
    course.submit("broken", {name: course.release / name})
    (course.root / "submitted" / "broken" / assignment / name).write_text("{ not json")
    autograde(assignment, course.root, limits=FAST, progress=False)
    page = write_report(assignment, course.root).read_text()
    assert page.count("<img src=\"data:image/png;base64,") == 2
    assert 'alt="Histogram of auto-graded scores' in page and "Pass rate per question" in page
    assert "broken" in page and "not valid JSON" in page


def test_the_command_says_what_is_wrong(tmp_path):
    from pm_course.cli import main

    assert main(["autograde", "99_nothing", "--root", str(tmp_path), "--quiet"]) == 2
    assert main(["autograde", "04_prioritization", "--root", str(tmp_path), "--shard", "3/2", "--results", "x"]) == 2
    for option in ("--submission-timeout", "--cell-timeout"):
        assert main(["autograde", "04_prioritization", "--root", str(tmp_path), option, "0"]) == 2
        assert main(["autograde", "04_prioritization", "--root", str(tmp_path), option, "nan"]) == 2


def test_plain_nbgrader_feedback_hides_hidden_tests_too(tmp_path):
    assignment = "04_prioritization"
    course = Course(tmp_path, assignment)
    name = exercise_file(assignment)
    course.submit("untouched", {name: course.release / name})
    out, _ = course.autograde()
    assert out.returncode == 0, out.stderr[-2000:]
    out = nbgrader(course.root, "generate_feedback", assignment, "--force")
    assert out.returncode == 0, out.stderr[-2000:]
    html = page_text(course.root / "feedback" / "untouched" / assignment / name.replace(".ipynb", ".html"))
    assert "HIDDEN TESTS" not in html and "also=[Value(expected=" not in html
    assert "q1.grade(answer_q1)" in html  # the visible part stays


@pytest.mark.parametrize("call, words", [
    (lambda tmp: autograde("04_prioritization", tmp, workers=0), "workers must be"),
    (lambda tmp: autograde("04_prioritization", tmp, force="yes"), "force must be True or False"),
    (lambda tmp: autograde("04_prioritization", tmp, limits={"cell_seconds": 1}), "limits must be a Limits"),
    (lambda tmp: autograde("../04_prioritization", tmp), "assignment must be an assignment's name"),
    (lambda tmp: autograde("04_prioritization", None), "root must be a folder"),
    (lambda tmp: merge("04_prioritization", str(tmp), tmp), "results_dirs must be a list of folders"),
    (lambda tmp: merge("04_prioritization", [], tmp), "at least one folder"),
])
def test_bad_arguments_to_the_grader_are_named_before_any_work(call, words, tmp_path):
    from pm_course.core.validate import InputError, InputTypeError

    with pytest.raises((InputError, InputTypeError), match=words):
        call(tmp_path)
    assert not any(tmp_path.iterdir())  # nothing was written


def test_the_command_runner_takes_only_parsed_arguments():
    import argparse

    from pm_course.autograde import cli
    from pm_course.core.validate import InputError, InputTypeError

    with pytest.raises(InputTypeError, match="argparse.Namespace"):
        cli.run(None)
    with pytest.raises(InputError, match="args.command must be one of"):
        cli.run(argparse.Namespace(command="keygen"))


# ---------------------------------------------------------------- grading security


def test_verify_without_a_key_never_calls_an_instructor_certificate_valid(tmp_path, capsys):
    from pm_course.certificate.content import certificate_content, generate_keys, sign, verification_code
    from pm_course.cli import main

    content = certificate_content("Eve Forger", kind="instructor-issued", score=25, total=25, modules=["09_capstone"],
                                  date="2026-12-01", issuer="PM Course")
    forged = tmp_path / "forged.json"  # what anyone can write: the content and its code, no signature
    forged.write_text(json.dumps({"content": content, "code": verification_code(content)}))
    assert main(["verify", str(forged)]) == 1
    out = capsys.readouterr().out
    assert "NOT VERIFIED" in out and "--public-key" in out and "VALID:" not in out.replace("NOT VERIFIED", "")
    private, public = generate_keys()
    (tmp_path / "inst.pub").write_bytes(public)
    assert main(["verify", str(forged), "--public-key", str(tmp_path / "inst.pub")]) == 1
    assert "NOT VALID" in capsys.readouterr().out
    genuine = tmp_path / "genuine.json"
    genuine.write_text(json.dumps(sign(content, private)))
    assert main(["verify", str(genuine)]) == 1  # even a genuine one: only the signature check says VALID
    assert "NOT VERIFIED" in capsys.readouterr().out
    assert main(["verify", str(genuine), "--public-key", str(tmp_path / "inst.pub")]) == 0
    assert capsys.readouterr().out.startswith("VALID: Eve Forger")
    mine = certificate_content("Sam Learner", kind="self-assessed", score=20, total=25, modules=["01_pm_role"],
                               date="2026-12-01")
    own = tmp_path / "own.json"
    own.write_text(json.dumps({"content": mine, "code": verification_code(mine)}))
    assert main(["verify", str(own)]) == 0
    assert "self-assessed" in capsys.readouterr().out


def _solved(assignment: str) -> dict:
    return json.loads((ROOT / "solutions" / assignment / exercise_file(assignment)).read_text())


def _write_raw(course: Course, student: str, text: str) -> None:
    target = course.root / "submitted" / student / course.assignment
    target.mkdir(parents=True, exist_ok=True)
    (target / exercise_file(course.assignment)).write_text(text, encoding="utf-8")
    (target / "timestamp.txt").write_text("2026-01-01 00:00:00.000000 UTC")


def test_malformed_submissions_cost_only_their_own_grades_and_feedback_works_for_everyone(tmp_path):
    """Each malformed shape is that learner's "malformed" result; the honest learners graded after them in sorted
    order get their grades, autograded notebooks and feedback. Learner markdown and HTML reach feedback as text."""
    assignment = "04_prioritization"
    course = Course(tmp_path, assignment)
    name = exercise_file(assignment)
    solved = _solved(assignment)

    def answer_cell(nb: dict) -> dict:
        return next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == "q1_answer")

    shapes = {}
    for label, change in {
        "a-metadata-null": lambda c: c.__setitem__("metadata", None),
        "a-metadata-list": lambda c: c.__setitem__("metadata", [1, 2]),
        "a-nbgrader-list": lambda c: c.__setitem__("metadata", {"nbgrader": ["q1_answer"]}),
        "a-grade-id-list": lambda c: c["metadata"]["nbgrader"].__setitem__("grade_id", ["q1_answer"]),
        "a-grade-id-dict": lambda c: c["metadata"]["nbgrader"].__setitem__("grade_id", {"q": 1}),
        "a-source-ints": lambda c: c.__setitem__("source", [1, 2]),
    }.items():
        nb = json.loads(json.dumps(solved))
        change(answer_cell(nb))
        shapes[label] = nb
        _write_raw(course, label, json.dumps(nb))
    _write_raw(course, "a-deep-json", "[" * 200_000 + "]" * 200_000)
    # Honest work with hostile text in it: it grades in full, and its feedback shows the text as text.
    odd = json.loads(json.dumps(solved))
    odd["cells"].insert(1, {"cell_type": "markdown", "metadata": {}, "source": "<script>alert('pwn')</script>\n"
                            "<img src=x onerror=alert(1)> and a lone \ud800 surrogate"})
    odd["cells"].insert(1, {"cell_type": "raw", "metadata": {}, "source": "<script>alert('raw')</script>"})
    odd["cells"].insert(1, {"cell_type": "markdown", "source": "relabelled",
                            "metadata": {"nbgrader": {"grade": True, "grade_id": "bogus", "points": 9,
                                                      "solution": False, "locked": False, "schema_version": 3}}})
    odd["cells"].insert(1, {"cell_type": "markdown", "source": "claims a test's id",
                            "metadata": {"nbgrader": {"grade": True, "grade_id": "q2_test", "points": 1,
                                                      "solution": True, "locked": False, "schema_version": 3}}})
    _write_raw(course, "b-odd-but-honest", json.dumps(odd))
    course.submit("z-full", {name: ROOT / "solutions" / assignment / name})
    course.submit("z-half", {name: half_done(course)})
    summary = autograde(assignment, course.root, workers=2, limits=FAST, progress=False)
    malformed = ["a-deep-json", *shapes]
    assert summary.graded == len(malformed) + 3
    top = course.scores("z-full")[assignment][1]
    assert course.scores("z-full")[assignment][0] == top > 0
    assert 0 < course.scores("z-half")[assignment][0] < top
    assert course.scores("b-odd-but-honest")[assignment][0] == top
    for s in malformed:
        assert course.scores(s)[assignment][0] == 0, s
        assert any(line.startswith(f"{s}: {exercise_file(assignment).removesuffix('.ipynb')}: malformed:") for line in summary.failures), (s, summary.failures)
        graded = json.loads((course.root / "autograded" / s / assignment / name).read_text())
        assert graded["metadata"]["pm_course_grading"]["status"] == "malformed"
        text = json.dumps(graded)
        assert "rice_score(reach=950" not in text, f"{s}: the solution is in its autograded notebook"
    out = nbgrader(course.root, "generate_feedback", assignment, "--force")
    assert out.returncode == 0, out.stderr[-2000:]
    for s in [*malformed, "b-odd-but-honest", "z-full", "z-half"]:
        page = course.root / "feedback" / s / assignment / exercise_file(assignment).replace(".ipynb", ".html")
        assert page.is_file(), f"no feedback for {s}"
    raw = (course.root / "feedback" / "b-odd-but-honest" / assignment / exercise_file(assignment).replace(".ipynb", ".html")).read_text()
    assert "<script>alert(" not in raw and "<img src=x" not in raw
    shown = page_text(course.root / "feedback" / "b-odd-but-honest" / assignment / exercise_file(assignment).replace(".ipynb", ".html"))
    assert "<script>alert('pwn')</script>" in shown  # shown as the learner wrote it, as text

    # The writer: a result it cannot write (a test the gradebook does not know) is that student's problem;
    # the students before and after it in the same batch are written.
    from pm_course.autograde.cohort import Course as Where
    from pm_course.autograde.cohort import write_results

    def result_of(student: str) -> dict:
        return json.loads((course.root / "autograded" / student / assignment / ".pm_course_grade.json").read_text())["result"]

    before, bad, after = result_of("z-half"), result_of("z-full"), result_of("b-odd-but-honest")
    for res in (before, after):
        for t in res["notebooks"][0]["tests"]:
            t["score"] = 0.0
    bad["notebooks"][0]["tests"][0]["grade_id"] = "no_such_test"
    problems = write_results(Where(course.root), [before, bad, after], {})
    assert len(problems) == 1 and problems[0].startswith("z-full: could not be written"), problems
    assert course.scores("z-half")[assignment][0] == 0 == course.scores("b-odd-but-honest")[assignment][0]
    assert course.scores("z-full")[assignment][0] == top  # its earlier grades stand


def test_links_in_submitted_are_never_followed_and_timestamps_are_bounded(tmp_path):
    """A timestamp.txt or notebook that is a symbolic link (to the source, the gradebook, solutions/ or another
    student's work), or a linked assignment folder, is not read through; out-of-range timestamps are refused."""
    from nbgrader.api import Gradebook

    assignment = "04_prioritization"
    course = Course(tmp_path, assignment)
    name = exercise_file(assignment)
    solution = course.root / "solutions" / assignment / name
    for s in ("ts-source", "ts-gradebook", "nb-solutions", "nb-other", "folder-link", "ts-1970", "ts-9999",
              "z-full"):
        course.submit(s, {name: solution if s.startswith(("ts", "z")) else course.release / name})
    sub = course.root / "submitted"
    ensure = autograde(assignment, course.root, student="z-full", limits=FAST, progress=False)  # gradebook exists
    assert ensure.graded == 1 and (course.root / "gradebook.db").is_file()
    (sub / "ts-source" / assignment / "timestamp.txt").unlink()
    (sub / "ts-source" / assignment / "timestamp.txt").symlink_to(solution)
    (sub / "ts-gradebook" / assignment / "timestamp.txt").unlink()
    (sub / "ts-gradebook" / assignment / "timestamp.txt").symlink_to(course.root / "gradebook.db")
    (sub / "nb-solutions" / assignment / name).unlink()
    (sub / "nb-solutions" / assignment / name).symlink_to(solution)
    (sub / "nb-other" / assignment / name).unlink()
    (sub / "nb-other" / assignment / name).symlink_to(sub / "z-full" / assignment / name)
    import shutil

    shutil.rmtree(sub / "folder-link" / assignment)
    (sub / "folder-link" / assignment).symlink_to(sub / "z-full" / assignment, target_is_directory=True)
    (sub / "ts-1970" / assignment / "timestamp.txt").write_text("1970-01-01 00:00:00 UTC")
    (sub / "ts-9999" / assignment / "timestamp.txt").write_text("9999-12-31 23:59:59 UTC")
    summary = autograde(assignment, course.root, workers=2, limits=FAST, progress=False, force=True)
    top = course.scores("z-full")[assignment][1]
    for s in ("nb-solutions", "nb-other", "folder-link"):
        assert course.scores(s)[assignment][0] == 0, f"{s} scored through a link"
        assert any(line.startswith(f"{s}:") and "symbolic link" in line for line in summary.failures), s
    for s in ("ts-source", "ts-gradebook", "ts-1970", "ts-9999"):
        assert course.scores(s)[assignment][0] == top  # the notebook itself is honest
        assert any(line.startswith(f"{s}: timestamp.txt refused") for line in summary.failures), (s, summary.failures)
        assert not (course.root / "autograded" / s / assignment / "timestamp.txt").exists()
    with Gradebook(f"sqlite:///{course.root}/gradebook.db") as gb:
        assert gb.find_submission(assignment, "ts-9999").timestamp is None
        assert gb.find_submission(assignment, "ts-1970").timestamp is None
        assert gb.find_submission(assignment, "z-full").timestamp is not None
    out = nbgrader(course.root, "generate_feedback", assignment, "--force")
    assert out.returncode == 0, out.stderr[-2000:]
    for s in ("ts-source", "ts-gradebook"):
        folder = course.root / "feedback" / s / assignment
        for f in folder.iterdir():
            data = f.read_bytes()
            assert b"SQLite format" not in data and b"HIDDEN TESTS" not in data, f"{s}: {f.name} leaks"


HONEST_FORMS = {  # label: (question, the answer as a learner might write it); the in-kernel grade decides each
    "float64": ("q1", "np.float64(760.0)"),
    "int-for-float": ("q1", "760"),
    "int64": ("q2", "np.int64(540)"),
    "float32": ("q2", "np.float32(540.0)"),
    "tuple-for-list": ("q3", "('B03', 'B36', 'B09', 'B38', 'B01')"),
    "str_-items": ("q3", "[np.str_(x) for x in ['B03', 'B36', 'B09', 'B38', 'B01']]"),
    "float64-mean": ("q7", "np.float64(-0.7580645161290323)"),
    "ratio": ("q9", "2 / 3"),
    "str_": ("q11", "np.str_('B38')"),
    "bool_": ("q1", "np.bool_(True)"),
    "wrong-float64": ("q1", "np.float64(761.0)"),
}


def test_both_graders_give_equal_verdicts_on_honest_answer_forms(tmp_path, fresh_home, monkeypatch):
    """numpy scalars, tuples for lists, ints for floats: `pm-course autograde` agrees with q.grade in a kernel."""
    import numpy as np

    from pm_course.core.validate import GradeFailed
    from pm_course.course import questions

    assignment = "04_prioritization"
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    by_id = {q.id: q for q in questions("04")}
    expected = {}
    for label, (qid, expr) in HONEST_FORMS.items():
        try:
            by_id[qid].grade(eval(expr, {"np": np}))  # noqa: S307 - the labelled forms above
            expected[label] = True
        except GradeFailed:
            expected[label] = False
    monkeypatch.delenv("NBGRADER_EXECUTION")
    assert expected["float64"] and expected["tuple-for-list"] and not expected["wrong-float64"]  # not vacuous

    course = Course(tmp_path, assignment)
    solved = _solved(assignment)
    for label, (qid, expr) in HONEST_FORMS.items():
        nb = json.loads(json.dumps(solved))
        cell = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == f"{qid}_answer")
        cell["source"] = f"import numpy as np\nanswer_{qid} = {expr}\n"
        _write_raw(course, label, json.dumps(nb))
    autograde(assignment, course.root, workers=2, limits=FAST, progress=False)
    got = {}
    for label, (qid, _) in HONEST_FORMS.items():
        record = json.loads((course.root / "autograded" / label / assignment / ".pm_course_grade.json").read_text())
        tests = {t["grade_id"]: t for nb in record["result"]["notebooks"] for t in nb["tests"]}
        got[label] = tests[f"{qid}_test"]["passed"]
    assert got == expected


def test_one_time_budget_covers_every_phase_of_a_submission(tmp_path):
    """A function answer that is right but slow (each call within the per-call limit) uses up the submission's
    budget through many calls: the tests left score nothing, saying why; another learner is unaffected."""
    assignment = "04_prioritization"
    course = Course(tmp_path, assignment)
    name = exercise_file(assignment)
    nb = _solved(assignment)
    cell = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == "q4_answer")
    cell["source"] = ("import time\n"
                      "def rank_by_rice(backlog):\n"
                      "    time.sleep(1.5)\n"
                      "    score = lambda b: rice_score(b['reach'], b['impact'], b['confidence'], b['effort'])\n"
                      "    return [b['id'] for b in sorted(backlog, key=score, reverse=True)]\n")
    _write_raw(course, "slow", json.dumps(nb))
    course.submit("z-full", {name: ROOT / "solutions" / assignment / name})
    limits = Limits(cell_seconds=3, notebook_seconds=60, call_seconds=2, submission_seconds=10)
    summary = autograde(assignment, course.root, workers=2, limits=limits, progress=False)
    record = json.loads((course.root / "autograded" / "slow" / assignment / ".pm_course_grade.json").read_text())
    tests = [t for nb_ in record["result"]["notebooks"] for t in nb_["tests"]]
    by_id = {t["grade_id"]: t for t in tests}
    assert by_id["q1_test"]["passed"] and by_id["q3_test"]["passed"]  # graded before the budget ran out
    assert not by_id["q4_test"]["passed"]
    after = tests[[t["grade_id"] for t in tests].index("q4_test") + 1:]
    assert after and all(not t["passed"] and "time budget of 10 s" in t["message"] for t in after)
    assert any(line.startswith("slow:") and "time budget" in line for line in summary.failures)
    assert course.scores("z-full")[assignment][0] == course.scores("z-full")[assignment][1]


_FILL = '''
import os
written = {}
for path in ("/dev/shm/x", "/tmp/x", "/dev/x"):
    n = 0
    try:
        with open(path, "wb") as f:
            for _ in range(8):
                f.write(b"\\0" * 1024 * 1024)
                f.flush()
                n += 1
        written[path] = [n, 0]
    except OSError as e:
        written[path] = [n, e.errno]
uid = os.getuid()
'''


def _box_values(limits: Limits, names: list[str], code: str) -> tuple[dict, list]:
    from pm_course.autograde.sandbox import Sandbox

    box = Sandbox({}, limits)
    box.start()
    try:
        ran = box.run([code])
        values = {k: plain.decode(v["value"]) for k, v in box.get(names).items() if v.get("ok")}
        groups = list(box._cgroups)
    finally:
        box.close()
    assert ran[0]["status"] == "ok", ran
    return values, groups


def test_every_writable_mount_in_the_sandbox_is_capped():
    """/dev/shm and /tmp are sized tmpfs and /dev is read-only: writing 8 MB where 2 or 4 MB are allowed fails."""
    import errno

    assert bwrap_status()[0], "these walls are bubblewrap's"
    limits = Limits(scratch_bytes=4 * 1024**2, shm_bytes=2 * 1024**2)
    values, _ = _box_values(limits, ["written"], _FILL)
    written = values["written"]
    assert written["/dev/shm/x"] == [2, errno.ENOSPC], written
    assert written["/tmp/x"] == [4, errno.ENOSPC], written
    assert written["/dev/x"] == [0, errno.EROFS], written


def test_sandbox_runs_unprivileged_and_leaves_no_cgroups_behind():
    """As root: the learner's code runs as uid 65534, inside a pids and a memory cgroup that are gone after close."""
    values, groups = _box_values(Limits(), ["uid"], _FILL)
    if os.geteuid() != 0:
        assert values["uid"] == os.getuid() and groups == []
        return
    assert values["uid"] == 65534
    kinds = {g.parts[-3] if g.parts[-3] in ("pids", "memory") else "v2" for g in groups}
    assert kinds in ({"pids", "memory"}, {"v2"}), groups
    for g in groups:
        assert not g.exists(), f"{g} was left behind"
    memory = Limits().memory_bytes + Limits().scratch_bytes + Limits().shm_bytes
    assert memory < 4 * 1024**3  # the memory cgroup's bound is finite and stated in docs/instructors.md


def test_what_a_function_sees_in_hidden_tests_reaches_no_feedback_and_no_other_answer(tmp_path):
    """q4's function records every input in a global, and raises with its input on the hidden tie case; q5's
    answer is an object whose .value is that record. Neither q4's nor q5's feedback shows a hidden input."""
    assignment = "04_prioritization"
    course = Course(tmp_path, assignment)
    nb = _solved(assignment)
    cells = {c["metadata"].get("nbgrader", {}).get("grade_id"): c for c in nb["cells"]}
    cells["q4_answer"]["source"] = (
        "SEEN = []\n"
        "def rank_by_rice(backlog):\n"
        "    SEEN.append(repr(backlog))\n"
        "    if any(b['id'].startswith('T') for b in backlog):\n"
        "        raise ValueError('inputs: ' + repr(backlog))\n"
        "    score = lambda b: rice_score(b['reach'], b['impact'], b['confidence'], b['effort'])\n"
        "    return [b['id'] for b in sorted(backlog, key=score, reverse=True)]\n")
    cells["q5_answer"]["source"] = ("class Spy:\n"
                                    "    @property\n"
                                    "    def value(self):\n"
                                    "        return {'P1': ' '.join(SEEN)}\n"
                                    "answer_q5 = Spy()\n")
    _write_raw(course, "spy", json.dumps(nb))
    autograde(assignment, course.root, limits=FAST, progress=False)
    graded = (course.root / "autograded" / "spy" / assignment / exercise_file(assignment)).read_text()
    record = (course.root / "autograded" / "spy" / assignment / ".pm_course_grade.json").read_text()
    result = json.loads(record)["result"]
    tests = {t["grade_id"]: t for nb_ in result["notebooks"] for t in nb_["tests"]}
    assert not tests["q4_test"]["passed"]
    for text in (graded, record, tests["q5_test"]["message"]):
        for hidden in ("'T1'", "'T3'", "'reach': 50", "'effort': 0.5"):
            assert hidden not in text, f"a hidden input ({hidden}) reached the feedback"


def test_a_function_that_returns_its_hidden_input_does_not_show_it(tmp_path):
    """The visible cases pass; on the hidden tie cases the function returns the ids of its input in the order
    given. The failure says which hidden case (the instructor's label) but never what was given or returned."""
    assignment = "04_prioritization"
    course = Course(tmp_path, assignment)
    nb = _solved(assignment)
    cells = {c["metadata"].get("nbgrader", {}).get("grade_id"): c for c in nb["cells"]}
    cells["q4_answer"]["source"] = (
        "def rank_by_rice(backlog):\n"
        "    if any(b['id'].startswith('T') for b in backlog):\n"
        "        return [b['id'].lower() * 2 + str(b['reach']) for b in backlog]\n"
        "    score = lambda b: rice_score(b['reach'], b['impact'], b['confidence'], b['effort'])\n"
        "    return [b['id'] for b in sorted(backlog, key=score, reverse=True)]\n")
    _write_raw(course, "echo", json.dumps(nb))
    autograde(assignment, course.root, limits=FAST, progress=False)
    folder = course.root / "autograded" / "echo" / assignment
    result = json.loads((folder / ".pm_course_grade.json").read_text())["result"]
    tests = {t["grade_id"]: t for nb_ in result["notebooks"] for t in nb_["tests"]}
    assert not tests["q4_test"]["passed"]
    assert "ties" in tests["q4_test"]["message"]  # the instructor's label for the case is kept
    for text in ((folder / exercise_file(assignment)).read_text(), tests["q4_test"]["message"]):
        assert "t1t1" not in text and "'T1'" not in text, text[:2000]  # what it returned; what it was given
