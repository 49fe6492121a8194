"""Issuing certificates: the self-paced one (from your progress) and the instructor's signed ones."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..capstone.exam import MODULE_MIN
from ..core.validate import InputError, text
from .content import MODULE_PASS_SHARE, NotEligible, certificate_content, eligibility, verification_code

__all__ = ["issue_self_paced"]


def _slug(name: str) -> str:
    """A file-name-safe form of a name (the course's own code passes validated text)."""
    s = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    return s[:60] or "learner"


def _write_record(record: dict[str, Any], folder: Path, stem: str) -> dict[str, Path]:
    """Write a certificate record (.json) and its PDF and PNG; returns the paths."""
    from .render import _write_files

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.json"
    path.write_text(json.dumps(record, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    files = _write_files(record["content"], record["code"], folder / stem)
    return {"json": path, **files}


def issue_self_paced(name: Any, folder: Any = ".", *, date: Any = None) -> dict[str, Any]:
    """The self-assessed certificate, if eligible; raises :class:`NotEligible` saying what is missing."""
    who = text("name", name).strip()
    if not who:
        raise InputError("name must be your name as it should appear on the certificate; got an empty text.")
    from .render import check_name

    check_name(who)  # before anything else: a name no installed font can draw is refused, and says why
    state = eligibility()
    result = state["exam"]
    if not state["eligible"]:
        lines = []
        if not result.submitted:
            lines.append("record your assessment answers (qN.check(...)) and submit them once with exam.submit() "
                         "(from pm_course.capstone import exam): the certificate uses your first submission")
        elif not result.passed:
            below = (f"; below the {MODULE_MIN:.0%} minimum of each module: {', '.join(result.below_minimum)}"
                     if result.below_minimum else "")
            lines.append(f"pass the assessment's auto-graded part: {result.score:g} of {result.total:g} points so "
                         f"far, {result.needed:g} needed overall{below} (run pm_course.capstone.result())")
        short = state["min_modules"] - len(state["passed_modules"])
        if short > 0:
            todo = ", ".join(f"{r['module']} ({r['points']:g} of {r['total']:g})" for r in state["standing"]
                             if not r["passed"])
            lines.append(f"pass at least {state['min_modules']} of the {len(state['modules'])} module exercises, "
                         f"each with {MODULE_PASS_SHARE:.0%} of its auto-graded points in questions whose latest "
                         f"check passed (a check of an invalid or wrong answer counts 0): "
                         f"{len(state['passed_modules'])} passed so far, {short} more needed; points so far in "
                         f"the others: {todo} (pm_course.progress.review('NN_slug') shows each question)")
        if len(state["steps_shown"]) < state["steps_needed"]:
            todo = "; ".join(f"{row['title']}: {row['missing']}" for row in state["steps"].values()
                             if row["state"] != "shown")
            lines.append(f"show at least {state['steps_needed']} of the {len(state['steps'])} capstone steps "
                         f"(saved as your own work and meeting their rubric): {len(state['steps_shown'])} shown so "
                         f"far; still to do: {todo} (the capstone lesson, notebooks/09_capstone.ipynb)")
        raise NotEligible("Not yet: " + "; and ".join(lines) + ".")
    content = certificate_content(who, kind="self-assessed", score=result.score, total=result.total,
                                  modules=state["passed_modules"], date=date, student_id=result.student_id,
                                  solutions_viewed=state["solutions_viewed"],
                                  capstone_steps=state["steps_shown"])
    record = {"content": content, "code": verification_code(content)}
    paths = _write_record(record, Path(folder), f"certificate_{_slug(who)}")
    return {"code": record["code"], **{k: str(v) for k, v in paths.items()}}
