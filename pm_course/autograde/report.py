"""``pm-course report ASSIGNMENT``: one HTML file for the instructor about a graded assignment.

Read from the records ``pm-course autograde`` leaves beside each autograded
submission: the score distribution, the pass rate of each question, how often
each known misconception was met, and the submissions that did not run and
why. Plots are embedded as PNG with alt text, so the file stands alone.
"""

from __future__ import annotations

import base64
import html
import importlib
import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

__all__ = ["collect", "write_report"]  # capstone_standing reads collect()'s results: the report's own helper


def collect(assignment: str, root: Path | str = ".") -> list[dict[str, Any]]:
    """Every graded submission's result for ``assignment``."""
    from .cohort import RECORD, _assignment, _path

    assignment = _assignment(assignment)
    base = (_path("root", root) or Path(".")) / "autograded"
    out = []
    for rec in sorted(base.glob(f"*/{assignment}/{RECORD}")):
        try:
            out.append(json.loads(rec.read_text(encoding="utf-8"))["result"])
        except (ValueError, KeyError):
            continue
    return out


def _png(fig) -> str:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode()


def _misconceptions(assignment: str) -> dict[str, list[str]]:
    """question id -> the texts of its known misconceptions (from the course's declarations)."""
    from ..course import module

    try:
        m = module(assignment)
    except ValueError:
        return {}
    if not m.package:
        return {}
    try:
        qs = importlib.import_module(f"pm_course.{m.package}.questions").QUESTIONS
    except (ModuleNotFoundError, AttributeError):
        return {}
    return {q.id: [mc.says for mc in getattr(q, "misconceptions", ())] for q in qs}  # a sealed question has none


def capstone_standing(results: list[dict[str, Any]], root: Path | str = ".") -> list[dict[str, Any]]:
    """For each capstone submission: points by module (01-08) and the pass rule, and, where the gradebook holds them,
    the written answers' and the applied follow-up's grades (None where not known)."""
    from ..capstone.exam import FOLLOWUP
    from ..capstone.questions import BY_MODULE
    from ..capstone.results import pass_rule

    extra: dict[str, dict[str, Any]] = {}
    db = Path(root) / "gradebook.db"
    if db.is_file():
        from ..certificate.gradebook import default_db, scores

        for name, key in (("09_capstone", "written"), (FOLLOWUP, "followup")):
            try:
                for r in scores(name, default_db(root)):
                    total = r["written_max"] + (r["auto_max"] if key == "followup" else 0)
                    got = r["written"] + (r["auto"] if key == "followup" else 0)
                    extra.setdefault(r["student"], {})[key] = (
                        "to grade" if r["ungraded"] else f"{got:g} of {total:g}" if total else None)
            except (ValueError, OSError, ImportError):
                continue  # that assignment is not in the gradebook (yet)
    rows = []
    for res in results:
        cells = {t["grade_id"]: t["score"] for nb in res["notebooks"] for t in nb["tests"]}
        by_module = {m: (float(sum(cells.get(f"{q.id}_test", 0) for q in qs)), float(sum(q.points for q in qs)))
                     for m, qs in BY_MODULE.items()}
        rule = pass_rule(by_module)
        rows.append({"student": res["student"], "by_module": by_module, "below": rule["below"],
                     "passed": rule["passed"], "score": rule["score"], "total": rule["total"],
                     "written": extra.get(res["student"], {}).get("written"),
                     "followup": extra.get(res["student"], {}).get("followup")})
    return rows


def _capstone_table(rows: list[dict[str, Any]]) -> str:
    esc = html.escape
    if not rows:
        return ""
    mods = list(rows[0]["by_module"])
    head = "".join(f"<th>{esc(m[:2])}</th>" for m in mods)
    body = ""
    for r in rows:
        cells = "".join(f"<td>{got:g}/{of:g}{' <b>below</b>' if m in r['below'] else ''}</td>"
                        for m, (got, of) in r["by_module"].items())
        body += (f"<tr><td>{esc(r['student'])}</td>{cells}<td>{r['score']:g}/{r['total']:g}</td>"
                 f"<td>{'passed' if r['passed'] else 'not passed'}</td><td>{esc(r['written'] or 'not known')}</td>"
                 f"<td>{esc(r['followup'] or 'not known')}</td><td>not known (recorded in the learner's progress)</td></tr>")
    return ("<h2>Per module and the parts a person grades</h2><p>The pass rule: at least 70 % of the auto-graded "
            "points overall and at least 50 % of each module's points. Written and follow-up grades come from the "
            "gradebook; solutions viewed are recorded only in the learner's own progress (and on a self-assessed "
            "certificate).</p><table><tr><th>student</th>" + head + "<th>overall</th><th>rule</th><th>written</th>"
            "<th>follow-up</th><th>solutions viewed</th></tr>" + body + "</table>")


def write_report(assignment: str, root: Path | str = ".", output: Path | str | None = None) -> Path:
    """Write the HTML report of a graded assignment (default: ROOT/reports/ASSIGNMENT.html); returns its path."""
    from ..ui import CATEGORY, figure
    from .cohort import _assignment, _path

    assignment = _assignment(assignment)
    root = _path("root", root) or Path(".")
    output = _path("output", output, none_ok=True)
    results = collect(assignment, root)
    if not results:
        raise ValueError(f"no graded submissions of {assignment} under {Path(root) / 'autograded'}: "
                         "expected the records pm-course autograde writes there; run it first")
    scores = [sum(t["score"] for nb in r["notebooks"] for t in nb["tests"]) for r in results]
    top = max(sum(t["points"] for nb in r["notebooks"] for t in nb["tests"]) for r in results)
    tests: dict[str, list[bool]] = {}
    messages: dict[str, list[str]] = {}
    for r in results:
        for nb in r["notebooks"]:
            for t in nb["tests"]:
                tests.setdefault(t["grade_id"], []).append(t["passed"])
                messages.setdefault(t["grade_id"], []).append(t["message"])
    problems = [(r["student"], nb["notebook"], nb["status"], nb["reason"]) for r in results for nb in r["notebooks"]
                if nb["status"] != "graded"]
    unsandboxed = sum(not r.get("sandboxed", True) for r in results)

    fig, ax = figure(7, 3.2)
    ax.hist(scores, bins=min(20, max(5, int(top) + 1)), range=(0, max(top, 1)), color=CATEGORY["highlight"],
            edgecolor="white")
    ax.set_title(f"{assignment}: auto-graded scores of {len(results)} submissions")
    ax.set_xlabel(f"score (of {top:g} auto-graded points)")
    ax.set_ylabel("submissions")
    hist = _png(fig)

    ids = list(tests)
    rates = [100 * sum(v) / len(v) for v in tests.values()]
    fig, ax = figure(7, 0.6 + 0.32 * max(len(ids), 1))
    ax.barh([i.removesuffix("_test") for i in ids], rates, color=CATEGORY["good"])
    for y, rate in enumerate(rates):
        ax.text(min(rate + 1, 92), y, f"{rate:.0f} %", va="center", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_title("Pass rate per question")
    ax.set_xlabel("submissions passing (%)")
    bars = _png(fig)

    known = _misconceptions(assignment)
    hits: Counter[tuple[str, str]] = Counter()
    for gid, msgs in messages.items():
        qid = gid.removesuffix("_test")
        for says in known.get(qid, []):
            hits[(qid, says)] += sum(says in m for m in msgs)
    esc = html.escape
    rows_m = "".join(f"<tr><td>{esc(q)}</td><td>{n}</td><td>{esc(s)}</td></tr>"
                     for (q, s), n in sorted(hits.items(), key=lambda kv: -kv[1]) if n)
    rows_p = "".join(f"<tr><td>{esc(s)}</td><td>{esc(nb)}</td><td>{esc(st)}</td><td>{esc(why)}</td></tr>"
                     for s, nb, st, why in problems)
    mean = sum(scores) / len(scores)
    page = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{esc(assignment)}: grading report</title>
<style>body{{font-family:system-ui,sans-serif;max-width:900px;margin:2em auto;padding:0 1em}}
table{{border-collapse:collapse}}td,th{{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left}}</style></head><body>
<h1>{esc(assignment)}: grading report</h1>
<p>{len(results)} submissions; mean auto-graded score {mean:.2f} of {top:g}; {len(problems)} notebooks did not run as
expected{f"; <b>{unsandboxed} graded without the sandbox</b>" if unsandboxed else ""}. Written answers are graded by hand
in the formgrader and are not included.</p>
<h2>Score distribution</h2>
<img src="data:image/png;base64,{hist}" alt="Histogram of auto-graded scores: {len(results)} submissions, mean {mean:.1f} of {top:g}.">
<h2>Pass rate per question</h2>
<img src="data:image/png;base64,{bars}" alt="Bar chart of the share of submissions passing each question: {esc(', '.join(f'{i.removesuffix("_test")} {r:.0f} %' for i, r in zip(ids, rates)))}.">
<h2>Known misconceptions met</h2>
{"<table><tr><th>question</th><th>submissions</th><th>misconception</th></tr>" + rows_m + "</table>" if rows_m else "<p>None of the known misconceptions was met.</p>"}
<h2>Submissions that did not run as expected</h2>
{"<table><tr><th>student</th><th>notebook</th><th>status</th><th>reason</th></tr>" + rows_p + "</table>" if rows_p else "<p>Every submission ran.</p>"}
{_capstone_table(capstone_standing(results, root)) if assignment == "09_capstone" else ""}
</body></html>"""
    out = Path(output) if output else Path(root) / "reports" / f"{assignment}.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out
