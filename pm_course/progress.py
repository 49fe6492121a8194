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
from .core.feedback import Outcome
from .course import MODULES, questions

__all__ = ["summary", "review", "plot", "export", "import_", "repair", "where", "Summary", "Review", "Imported"]


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
            f"<tr><td>{esc(r['module'])}</td><td style='text-align:left'>{esc(r['title'])}</td>"
            f"<td>{r['passed']} / {r['questions']}</td>"
            f"<td>{r['attempted']}</td><td>{r['hints']}</td><td>{r['solutions']}</td>"
            f"<td><progress value='{r['passed']}' max='{max(r['questions'], 1)}' "
            f"aria-label='{esc(r['title'])}: {r['completion']:.0%} done'></progress> {r['completion']:.0%}</td></tr>"
            for r in self.rows
        )
        t = self.total
        return (
            "<table class='pm-progress'><thead><tr><th>#</th><th style='text-align:left'>module</th><th>passed</th>"
            "<th>tried</th>"
            f"<th>hints</th><th>solutions</th><th>done</th></tr></thead><tbody>{body}</tbody>"
            f"<tfoot><tr><td></td><td style='text-align:left'>all modules</td><td>{t['passed']} / {t['questions']}</td>"
            "<td colspan='4'></td></tr></tfoot></table>"
            f"<p style='opacity:.7'>Saved in {esc(self.location)}</p>"
        )


@dataclass
class Review:
    """Where each question of one exercise stands, from your latest check of it (``.rows``)."""

    module: str
    title: str
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.rows:
            out[r["state"]] = out.get(r["state"], 0) + 1
        return out

    def _head(self) -> str:
        c = self.counts
        return (f"{self.module} {self.title}: {c.get('passed', 0)} of {len(self.rows)} questions passed"
                + "".join(f", {n} {state}" for state, n in c.items() if state != "passed"))

    def __str__(self) -> str:
        lines = [self._head(), f"{'question':<10}{'points':>7}  {'state':<16}prompt"]
        for r in self.rows:
            lines.append(f"{r['question']:<10}{r['points']:>7}  {r['state']:<16}{r['prompt'][:70]}")
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        from .ui import table

        return f"<p><b>{html.escape(self._head())}</b></p>" + table(
            ["question", "points", "state", "prompt"],
            [[r["question"], r["points"], r["state"], r["prompt"]] for r in self.rows],
            left=(0, 2, 3), selected=lambda i, row: row[2] != "passed",
        ) + "<p style='opacity:.7'>From your latest check of each question; run the notebook's cells to update it.</p>"


def review(module: str) -> Review:
    """Every question of one exercise and where it stands: passed, not yet, not attempted, or not checked yet."""
    import importlib

    from .core.written import WrittenAnswer  # noqa: F401 - written answers are listed too, when a module has them

    m = _module(module)
    latest: dict[str, str] = {}
    for e in _store.events(m.name):
        if e["action"] == "check":
            latest[e["question"]] = e["outcome"]
    items = list(questions(m.name))
    if m.package:
        try:
            items += list(getattr(importlib.import_module(f"pm_course.{m.package}.questions"), "WRITTEN", []))
        except ModuleNotFoundError:
            pass
    names: dict[str, str] = {Outcome.PASSED: "passed", Outcome.FAILED: "not yet", Outcome.INVALID: "check the form",
                             Outcome.NOT_ATTEMPTED: "not attempted", Outcome.REVIEWED: "draft checked"}
    rows = [{"question": q.id, "points": q.points, "prompt": q.prompt,
             "state": names.get(latest.get(q.id, ""), "not checked yet")} for q in items]
    return Review(m.name, m.title, rows)


def _module(name: str):
    from .core.validate import text
    from .course import module

    return module(text("module", name))


def where() -> str:
    """Where progress is kept, in words."""
    st = _store.status()
    if st["memory"]:
        return (f"memory only, in this kernel ({st['in_memory']} records; the disk cannot be written: {st['failing']}): "
                "export them to a folder with room, e.g. pm_course.progress.export('/path/with/space/progress.json'), "
                "before the kernel stops")
    if st.get("store") == "jsonl":
        return f"{st['journal']} (the JSONL store: one line per record, chosen where SQLite is not safe or by PM_COURSE_STORE)"
    if not st["writable"] and st["failing"] and not st["damaged"]:
        return (f"{st['database']} cannot be written right now ({st['failing']}); "
                f"{st['waiting']} records wait in {st['journal']}")
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
        passed = {e["question"] for e in mine if e["action"] == "check" and e["outcome"] == Outcome.PASSED}
        tried = {e["question"] for e in mine if e["action"] == "check" and e["outcome"] != Outcome.NOT_ATTEMPTED}
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


class Imported(int):
    """How many new events an import added (the int itself), shown as a sentence saying what was done.

    ``.events`` and ``.artifacts`` count what was stored; ``.report()`` is the command's short line.
    """

    events: int
    artifacts: int
    path: str

    def __new__(cls, result: _store.Imported, path: str | os.PathLike):
        obj = super().__new__(cls, int(result))
        obj.events, obj.artifacts, obj.path = result.events, result.artifacts, str(path)
        return obj

    def report(self) -> str:
        return (f"Imported {self.events} new event{'s' if self.events != 1 else ''} and {self.artifacts} "
                f"artifact{'s' if self.artifacts != 1 else ''}")

    def message(self) -> str:
        if not self.events and not self.artifacts:
            return f"Nothing new in {self.path}: everything in it was already in your progress (kept as it was)."
        saved = f" and {self.artifacts} piece{'s' if self.artifacts != 1 else ''} of saved work" if self.artifacts else ""
        return (f"Imported {self.events} new record{'s' if self.events != 1 else ''}{saved} from {self.path} into "
                "your progress; what you already had is kept.")

    def __repr__(self) -> str:
        return self.message()

    __str__ = __repr__


def import_(path: str | os.PathLike = "pm_course_progress.json") -> Imported:
    """Merge progress from a file made by :func:`export`; says what it did and counts the new records.

    The result is a number (how many events were new) that shows as a sentence, e.g. "Imported 12 new
    records from my_progress.json into your progress"; ``.artifacts`` counts the saved work imported.
    """
    return Imported(_store.import_json(path), path)


def repair() -> _store.Repaired:
    """Recover from a damaged progress database: save what can be read, start a fresh store, import it."""
    return _store.repair()
