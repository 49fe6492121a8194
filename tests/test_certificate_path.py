"""The way to the certificate says only what is true: the result names the certificate as the next step only
when the learner is eligible, and the command printed on the certificate works from a plain shell."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sealed_refs

from pm_course.capstone import exam

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _demo_case_after():
    yield
    exam.use(exam.DEMO_ID)


def _pass_the_exam() -> None:
    assert sealed_refs.pass_the_exam("s0200").passed


def _pass_every_module() -> None:
    """Every question of every module's exercise checked and passed (what the certificate's eligibility counts)."""
    from pm_course.core import progress
    from pm_course.course import MODULES, questions

    for m in MODULES:
        if m.package and m.name != "09_capstone":
            for q in questions(m.name):
                progress.record(m.name, q.id, "check", "passed")


def test_the_result_offers_the_certificate_only_when_eligible(fresh_home):
    from pm_course import capstone

    _pass_the_exam()
    html = capstone.result()._repr_html_()
    assert capstone.result().passed
    assert "certificate.issue" not in html, "the result offers the certificate before every module is passed"
    assert "pass these modules" in html and "01_pm_role" in html
    _pass_every_module()
    html = capstone.result()._repr_html_()
    assert "certificate.issue" not in html, "the result offers the certificate before the capstone steps are shown"
    assert "capstone step" in html
    from capstone_steps import save_all_steps

    save_all_steps()
    assert "pm_course.certificate.issue(&#x27;Your Name&#x27;)" in capstone.result()._repr_html_()


def test_the_printed_verify_command_works_from_a_plain_shell(fresh_home, tmp_path):
    from capstone_steps import save_all_steps

    from pm_course import certificate
    from pm_course.certificate.render import VERIFY

    _pass_the_exam()
    _pass_every_module()
    save_all_steps()
    out = certificate.issue("Ada Example", tmp_path, date="2026-12-01")
    # a plain shell: the course's environment is not active, so its bin folder is not on the PATH
    path = os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep)
                           if Path(p).resolve() != Path(sys.executable).parent.resolve())
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = path
    command = VERIFY.split()
    assert command[0] == "python"
    # "python" is the course's own Python, named by its path as a learner would from the course folder
    run = subprocess.run([sys.executable, *command[1:], out["json"]], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "valid" in (run.stdout + run.stderr).lower()
    record = json.loads(Path(out["json"]).read_text())
    record["content"]["score"] = 1.0
    Path(out["json"]).write_text(json.dumps(record))
    bad = subprocess.run([sys.executable, *command[1:], out["json"]], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1, bad.stdout + bad.stderr
