"""Your progress through the course: summary, plot, export and import.

    import pm_course.progress as progress
    progress.summary()                    # a table: module, questions passed, hints, solutions
    progress.plot()                       # completion by module, as a bar chart
    progress.export("my_progress.json")   # before a temporary (Binder) session ends
    progress.import_("my_progress.json")  # in the next session: merges, never deletes
    progress.repair()                     # after a warning that the database is damaged

In a terminal: ``pm-course progress``. Records live in an SQLite file under
``~/.pm_course`` (or ``$PM_COURSE_HOME``); see ``pm_course.core.progress``.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass, field
from typing import Any

from .core import progress as _store
from .course import MODULES, questions

__all__ = ["summary", "plot", "export", "import_", "repair", "where", "Summary"]


@dataclass
class Summary:
    """Progress per module as plain rows (``.rows``), shown as a table in a notebook or a terminal."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    location: str = ""

    @property
    def total(self) -> dict[str, int]:
        return {
            "questions": sum(r["questions"] for r in self.rows),
            "passed": sum(r["passed"] for r in self.rows),
        }

    def __str__(self) -> str:
        head = f"{'module':<36}{'passed':>8}{'of':>5}{'tried':>7}{'hints':>7}{'solutions':>11}{'done':>7}"
        lines = [head, "-" * len(head)]
        for r in self.rows:
            lines.append(
                f"{r['module'] + ' ' + r['title']:<36.36}{r['passed']:>8}{r['questions']:>5}{r['attempted']:>7}"
                f"{r['hints']:>7}{r['solutions']:>11}{r['completion']:>7.0%}"
            )
        t = self.total
        lines.append("-" * len(head))
        lines.append(f"{'all modules':<36}{t['passed']:>8}{t['questions']:>5}")
        lines.append(f"saved in {self.location}")
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        esc = html.escape
        body = "".join(
            f"<tr><td>{esc(r['module'])}</td><td>{esc(r['title'])}</td><td>{r['passed']} / {r['questions']}</td>"
            f"<td>{r['attempted']}</td><td>{r['hints']}</td><td>{r['solutions']}</td>"
            f"<td><progress value='{r['passed']}' max='{max(r['questions'], 1)}' "
            f"aria-label='{esc(r['title'])}: {r['completion']:.0%} done'></progress> {r['completion']:.0%}</td></tr>"
            for r in self.rows
        )
        t = self.total
        return (
            "<table class='pm-progress'><thead><tr><th>#</th><th>module</th><th>passed</th><th>tried</th>"
            f"<th>hints</th><th>solutions</th><th>done</th></tr></thead><tbody>{body}</tbody>"
            f"<tfoot><tr><td></td><td>all modules</td><td>{t['passed']} / {t['questions']}</td>"
            "<td colspan='4'></td></tr></tfoot></table>"
            f"<p style='opacity:.7'>Saved in {esc(self.location)}</p>"
        )


def where() -> str:
    """Where progress is kept, in words."""
    st = _store.status()
    if st["memory"]:
        return "memory only (this session): export it before you leave"
    if st["damaged"]:
        return (f"{st['database']} is damaged (read-only until repaired; run `pm-course repair`); "
                f"new progress is kept in {st['journal']}")
    if st["waiting"]:
        return f"{st['database']} ({st['waiting']} records wait in {st['journal']} until it can be written)"
    return st["database"]


def summary() -> Summary:
    """Progress per module with questions: questions passed, tried, hints and solutions asked for."""
    evs = _store.events()
    rows = []
    for m in MODULES:
        qs = questions(m.name) if m.package else []
        if not qs:
            continue
        ids = {q.id for q in qs}
        mine = [e for e in evs if e["module"] == m.name and e["question"] in ids]
        passed = {e["question"] for e in mine if e["action"] == "check" and e["outcome"] == "passed"}
        tried = {e["question"] for e in mine if e["action"] == "check" and e["outcome"] != "not attempted"}
        rows.append({
            "module": m.number,
            "name": m.name,
            "title": m.title,
            "questions": len(qs),
            "passed": len(passed),
            "attempted": len(tried),
            "hints": sum(e["action"] == "hint" for e in mine),
            "solutions": sum(e["action"] == "solution" for e in mine),
            "completion": len(passed) / len(qs),
        })
    return Summary(rows, where())


def plot(data: Summary | None = None):
    """Completion by module as a horizontal bar chart; returns the matplotlib figure."""
    from .ui import CATEGORY, figure

    if data is not None and not isinstance(data, Summary):
        from .core.validate import InputTypeError, describe

        raise InputTypeError(f"data must be a progress summary (pm_course.progress.summary()) or None; got {describe(data)}.")
    s = data if data is not None else summary()
    fig, ax = figure(7, 0.5 + 0.45 * max(len(s.rows), 1))
    labels = [f"{r['module']} {r['title']}" for r in s.rows]
    done = [100 * r["completion"] for r in s.rows]
    ax.barh(labels, [100] * len(labels), color=CATEGORY["neutral"], alpha=0.25, label="to do")
    bars = ax.barh(labels, done, color=CATEGORY["good"], label="questions passed")
    for bar, r in zip(bars, s.rows):
        ax.text(min(bar.get_width() + 1, 92), bar.get_y() + bar.get_height() / 2,
                f"{r['passed']}/{r['questions']}", va="center", fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("questions passed (%)")
    ax.set_title("Your progress by module")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.45 / max(len(s.rows), 1) - 0.12), ncol=2,
              frameon=False, fontsize=8)
    return fig


def export(path: str | os.PathLike = "pm_course_progress.json") -> _store.Exported:
    """Save all your progress to a JSON file (download it before a temporary session ends).

    Returns the path written; ``.events`` and ``.artifacts`` count what the file holds, ``.report()`` says it.
    """
    return _store.export_json(path)


def import_(path: str | os.PathLike = "pm_course_progress.json") -> _store.Imported:
    """Merge progress from a file made by :func:`export`; returns how many events were new (``.artifacts`` too)."""
    return _store.import_json(path)


def repair() -> _store.Repaired:
    """Recover from a damaged progress database: save what can be read, start a fresh store, import it."""
    return _store.repair()
