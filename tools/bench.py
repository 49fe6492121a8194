"""Measure the course's speed budgets (DESIGN.md, "Budgets") and print them.

    make bench                       # prints the table
    python tools/bench.py --write    # also writes docs/benchmarks.md

Budgets: `import pm_course` under 50 ms; one check() with progress recorded under
5 ms (median); each lesson notebook executed headless under 20 s; JupyterLab
ready and the welcome notebook's first widget responding under 10 s (when the
browser tools are installed: tools/bench_lab.py).

Reliability (issue 13): the worst check() of a hostile learner function (an
endless loop that catches BaseException, sys.exit, os._exit, patching the
checker) returns within the question's time limit plus 0.5 s; the child
process a function check runs in costs under 50 ms; best_within_capacity
answers in under 1 s for 200 and 1,000 items of a realistic backlog;
parse_positioning and 03/q11 read crafted 20,000-character texts in under
0.5 s; 04/q3 and 04/q10 judge a 10,000-item list in under 0.5 s.
`--quick` skips the notebooks and JupyterLab.

Rules that read learner text (docs/authoring.md, "Rules that read text"): each is measured on its
labelled set in tests/labelled/; a rule that decides points must accept at least 95 % of the right
answers and reject at least 90 % of the wrong ones. `--rules` prints only that table.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMPORT_BUDGET_MS = 50
CHECK_BUDGET_MS = 5
NOTEBOOK_BUDGET_S = 20
CHILD_BUDGET_MS = 50
CAPACITY_BUDGET_S = 1.0
TEXT_BUDGET_S = 0.5


def import_time(runs: int = 15) -> float:
    """Median wall time of `import pm_course` in a fresh interpreter, in ms."""
    code = "import time; t = time.perf_counter(); import pm_course; print(time.perf_counter() - t)"
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        times.append(float(out.stdout) * 1000)
    return statistics.median(times)


def check_time(runs: int = 2000) -> tuple[float, float]:
    """Median and 95th percentile of one check() on a wrong answer, progress recorded on disk, in ms."""
    with tempfile.TemporaryDirectory() as home:
        os.environ["PM_COURSE_HOME"] = home
        from pm_course.core import progress
        from pm_course.course import questions

        progress.reset_connection()
        qs = questions()
        q = next((q for q in qs if q.module == "04_prioritization"), qs[0])
        wrong = q.wrong[0]
        for _ in range(50):  # warm up: open the database, compile regexes
            q.check(wrong)
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            q.check(wrong)
            times.append((time.perf_counter() - t) * 1000)
        n = len(progress.events(q.module))
        progress.reset_connection()
        assert n == runs + 50, f"expected {runs + 50} progress records, found {n}"
        times.sort()
        return statistics.median(times), times[int(0.95 * len(times))], q.key


STALL_GAP_S = 5  # a lesson's cells each take under 2 s: a longer wait between two of them is not the notebook's


def _stall(nb) -> float:
    """The longest wait, in s, between one cell's end and the next cell's start in the kernel's own clock."""
    from datetime import datetime

    def at(cell, key):
        stamp = cell.metadata.get("execution", {}).get(key)
        return datetime.fromisoformat(stamp.replace("Z", "+00:00")) if stamp else None

    code = [c for c in nb.cells if c.cell_type == "code"]
    gaps = [(at(b, "iopub.status.busy") - at(a, "shell.execute_reply")).total_seconds()
            for a, b in zip(code, code[1:]) if at(a, "shell.execute_reply") and at(b, "iopub.status.busy")]
    return max(gaps, default=0.0)


def notebook_times() -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """Headless execution time of every lesson notebook, in s (a fresh kernel each), and the stalls.

    A stall: the kernel idle between two cells, a request waiting unread in the messaging layer
    (seen in 1 of 60 to 1 of 12 headless runs, more often on a busy machine, with ipykernel 6.31 and
    7.4 alike; it ends shortly before the client's per-cell timeout). A stalled notebook is timed again, and the stall is
    reported in its own row rather than as the notebook's time.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError

    results, stalls = [], []
    with tempfile.TemporaryDirectory() as home:
        os.environ["PM_COURSE_HOME"] = home
        # the kernels run in a copy of notebooks/, so a file a lesson writes never lands in the repository
        workdir = Path(home) / "notebooks"
        shutil.copytree(ROOT / "notebooks", workdir, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        shutil.copytree(ROOT / "docs", Path(home) / "docs")  # lessons link to ../docs
        for path in sorted(workdir.glob("*.ipynb")):
            for _attempt in range(3):
                nb = nbformat.read(path, as_version=4)
                client = NotebookClient(nb, timeout=30, kernel_name="python3", allow_errors=True, record_timing=True,
                                        resources={"metadata": {"path": str(path.parent)}})
                t = time.perf_counter()
                try:
                    client.execute()
                except CellTimeoutError:
                    stalls.append((path.name, time.perf_counter() - t))
                    continue
                secs, gap = time.perf_counter() - t, _stall(nb)
                if gap > STALL_GAP_S:
                    stalls.append((path.name, gap))
                    continue
                results.append((path.name, secs))
                break
            else:
                results.append((path.name, float("inf")))
    return results, stalls


HOSTILE = {
    "endless loop catching BaseException": (
        "def f(backlog):\n    while True:\n        try:\n            while True:\n                pass\n"
        "        except BaseException:\n            pass\n"),
    "sys.exit()": "def f(backlog):\n    import sys\n    sys.exit(0)\n",
    "raise KeyboardInterrupt": "def f(backlog):\n    raise KeyboardInterrupt\n",
    "os._exit()": "def f(backlog):\n    import os\n    os._exit(3)\n",
    "patches the checker": (
        "def f(backlog):\n    import pm_course.core.checkers as c\n    c._equal = lambda *a, **k: True\n"
        "    return ['x']\n"),
    "recursion without end": "def f(backlog):\n    return f(backlog)\n",
}


def hostile_check_times() -> tuple[list[tuple[str, float]], float, float, str]:
    """check() time for each hostile learner function, and the median check() of a right one (ms)."""
    from pm_course.core.checkers import Function
    from pm_course.course import questions

    with tempfile.TemporaryDirectory() as home:
        os.environ["PM_COURSE_HOME"] = home
        from pm_course.core import progress

        progress.reset_connection()
        q = next(q for q in questions() if isinstance(q.checker, Function))
        results = []
        for label, source in HOSTILE.items():
            scope: dict = {}
            exec(source, scope)
            t = time.perf_counter()
            fb = q.check(scope["f"])
            results.append((label, time.perf_counter() - t))
            assert fb.outcome != "passed", label
        assert q.check(q.answer).outcome == "passed"  # later answers are still judged right
        times = []
        for _ in range(30):
            t = time.perf_counter()
            q.check(q.answer)
            times.append((time.perf_counter() - t) * 1000)
        progress.reset_connection()
        return results, q.checker.time_limit, statistics.median(times), q.key


def capacity_times() -> list[tuple[int, float]]:
    """best_within_capacity on a realistic backlog of 200 and 1,000 items (efforts in quarter months), in s."""
    import random

    from pm_course.prioritization.frameworks import best_within_capacity

    rnd = random.Random(2026)
    out = []
    for n in (200, 1000):
        items = [{"id": f"B{i:04d}", "value": rnd.choice([100, 300, 900, 2000]) * rnd.choice([0.25, 0.5, 1, 2, 3])
                  * rnd.choice([0.5, 0.8, 1.0]), "effort": 0.25 * rnd.randint(1, 24)} for i in range(n)]
        capacity = round(sum(it["effort"] for it in items) * 0.2 * 4) / 4
        t = time.perf_counter()
        best_within_capacity(items, capacity)
        out.append((n, time.perf_counter() - t))
    return out


def fine_capacity_times() -> list[tuple[str, float]]:
    """best_within_capacity on 1,000 items with two-decimal efforts, and with unrounded float efforts, in s."""
    import random

    from pm_course.prioritization.frameworks import best_within_capacity

    out = []
    for label, digits in (("two-decimal efforts", 2), ("float efforts, rounded to 0.01", None)):
        rnd = random.Random(1)
        items = [{"id": f"I{i}", "value": round(rnd.uniform(1, 1000), 1),
                  "effort": round(rnd.uniform(0.1, 10), digits) if digits else rnd.uniform(0.1, 10)}
                 for i in range(1000)]
        capacity = round(sum(it["effort"] for it in items) / 4, 2)
        t = time.perf_counter()
        best_within_capacity(items, capacity)
        out.append((label, time.perf_counter() - t))
    return out


CRAFTED = [
    "for " + "a " * 9000 + "who " * 500,
    "For x who " + " " * 19_900 + ",",
    "for a who b, c is a " + "that " * 3900,
    "unlike " + "a ," * 6000,
    ", " * 9900 + "is a",
    "For cafés who " + "1" * 19_000 + " days from",
]


def text_times() -> tuple[float, float, float]:
    """Worst parse_positioning and 03/q11 check() on crafted 20,000-character texts; worst 04/q3, q10 on 10,000 items."""
    from pm_course.course import questions
    from pm_course.vision.strategy import parse_positioning

    with tempfile.TemporaryDirectory() as home:
        os.environ["PM_COURSE_HOME"] = home
        from pm_course.core import progress

        progress.reset_connection()
        by_key = {q.key: q for q in questions()}
        parse = check = ordering = 0.0
        for text in CRAFTED:
            text = text[:20_000]
            t = time.perf_counter()
            parse_positioning(text)
            parse = max(parse, time.perf_counter() - t)
            t = time.perf_counter()
            by_key["03_vision_strategy_roadmap/q11"].check(text)
            check = max(check, time.perf_counter() - t)
        for key in ("04_prioritization/q3", "04_prioritization/q10"):
            for answer in ([f"x{i}" for i in range(10_000)], ["a"] * 10_000, [f"x{i % 5000}" for i in range(10_000)]):
                t = time.perf_counter()
                by_key[key].check(answer)
                ordering = max(ordering, time.perf_counter() - t)
        progress.reset_connection()
        return parse, check, ordering


def lab_times() -> list[tuple[str, float, float, str]]:
    """JupyterLab start and first widget response, from tools/bench_lab.py when present."""
    script = ROOT / "tools" / "bench_lab.py"
    if not script.exists() or not Path("/usr/bin/chromium").exists():
        return []
    out = subprocess.run([sys.executable, str(script), "--machine"], capture_output=True, text=True, cwd=ROOT)
    rows = []
    for line in out.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) in (3, 4):  # name, value, budget[, unit: "s" seconds or "x" a ratio]
            rows.append((parts[0], float(parts[1]), float(parts[2]), parts[3] if len(parts) == 4 else "s"))
    return rows


def install_times() -> list[tuple[str, str, str, bool]]:
    """The first install against a bare JupyterLab, and the learner environment's size (tools/bench_install.py)."""
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "bench_install.py"), "--machine"], capture_output=True,
                         text=True, cwd=ROOT)
    rows = []
    for line in out.stdout.splitlines():
        label, value, budget, unit = line.split("\t")
        v, b = float(value), float(budget)
        rows.append((label, f"{v:.2f} x" if unit == "x" else f"{v:.0f} MB",
                     f"<= {b:g} x" if unit == "x" else f"< {b:g} MB", v <= b if unit == "x" else v < b))
    if not rows:
        rows.append((f"first install (failed: {out.stderr.strip()[-200:]})", "-", "<= 1.5 x", False))
    return rows


def grading_times() -> list[tuple[str, str, str, bool]]:
    """Cohort grading against nbgrader (tools/bench_grading.py), when bubblewrap is there."""
    import shutil

    if shutil.which("bwrap") is None:
        return [("autograde a cohort (bubblewrap not installed: not measured)", "-", ">= 5x", False)]
    script = ROOT / "tools" / "bench_grading.py"
    out = subprocess.run([sys.executable, str(script), "--machine"], capture_output=True, text=True, cwd=ROOT)
    rows = []
    for line in out.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) == 4:
            rows.append((parts[0], parts[1], parts[2], parts[3] == "1"))
    if not rows:
        rows.append((f"autograde a cohort (failed: {out.stderr.strip()[-200:]})", "-", ">= 5x", False))
    return rows


def rules_table() -> tuple[str, list[tuple[str, str, str, bool]]]:
    """The rules that read learner text on their labelled sets: the table, and one budget row per rule."""
    sys.path.insert(0, str(ROOT / "tests"))
    import labelled

    from pm_course.rulebench import RIGHT_ACCEPTED, RULES, WRONG_REJECTED, measure, table

    measured = [measure(r, *labelled.load(r.key)) for r in RULES]
    rows = []
    for m in measured:
        budget = f">= {RIGHT_ACCEPTED:.0%} / {WRONG_REJECTED:.0%}" if m.rule.graded else "advice"
        rows.append((f"text rule {m.rule.key} ({m.rule.where}; n={m.n}): right accepted / wrong rejected",
                     f"{m.right_accepted:.0%} / {m.wrong_rejected:.0%}", budget,
                     m.meets_threshold or not m.rule.graded))
    return table(measured), rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true", help="also write docs/benchmarks.md")
    parser.add_argument("--quick", action="store_true", help="skip the notebooks and JupyterLab")
    parser.add_argument("--rules", action="store_true", help="print only the table of the rules that read text")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tools"))
    if args.rules:
        print(rules_table()[0])
        return 0
    from bench_lab import tracked_changes

    before = tracked_changes()

    rows = []
    imp = import_time()
    rows.append(("import pm_course (median of 15, fresh interpreter)", f"{imp:.1f} ms", f"< {IMPORT_BUDGET_MS} ms",
                 imp < IMPORT_BUDGET_MS))
    med, p95, key = check_time()
    rows.append((f"one check() with progress recorded ({key}; median, p95 {p95:.2f} ms)", f"{med:.2f} ms",
                 f"< {CHECK_BUDGET_MS} ms", med < CHECK_BUDGET_MS))
    hostile, limit, overhead, fkey = hostile_check_times()
    worst_label, worst = max(hostile, key=lambda r: r[1])
    rows.append((f"worst check() of a hostile function ({fkey}, limit {limit:g} s: {worst_label})",
                 f"{worst:.2f} s", f"< {limit + 0.5:g} s", worst < limit + 0.5))
    for label, secs in hostile:
        rows.append((f"  check() of a function that does: {label}", f"{secs:.2f} s", f"< {limit + 0.5:g} s",
                     secs < limit + 0.5))
    rows.append((f"check() of a right function, one child process for all cases ({fkey}; median)",
                 f"{overhead:.1f} ms", f"< {CHILD_BUDGET_MS} ms", overhead < CHILD_BUDGET_MS))
    for n, secs in capacity_times():
        rows.append((f"best_within_capacity, {n:,} items of a realistic backlog", f"{secs:.3f} s",
                     f"< {CAPACITY_BUDGET_S:g} s", secs < CAPACITY_BUDGET_S))
    for label, secs in fine_capacity_times():
        rows.append((f"best_within_capacity, 1,000 items, {label}", f"{secs:.3f} s", "< 1 s", secs < 1.0))
    parse, q11, ordering = text_times()
    rows.append(("parse_positioning, worst crafted 20,000-character text", f"{parse * 1000:.1f} ms",
                 f"< {TEXT_BUDGET_S * 1000:g} ms", parse < TEXT_BUDGET_S))
    rows.append(("03/q11 check(), worst crafted 20,000-character answer", f"{q11 * 1000:.1f} ms",
                 f"< {TEXT_BUDGET_S * 1000:g} ms", q11 < TEXT_BUDGET_S))
    rows.append(("04/q3 and 04/q10 check(), worst 10,000-item list", f"{ordering * 1000:.1f} ms",
                 f"< {TEXT_BUDGET_S * 1000:g} ms", ordering < TEXT_BUDGET_S))
    if not args.quick:
        times, stalls = notebook_times()
        for name, secs in times:
            rows.append((f"execute notebooks/{name} headless", f"{secs:.1f} s", f"< {NOTEBOOK_BUDGET_S} s",
                         secs < NOTEBOOK_BUDGET_S))
        seen = ", ".join(f"{name} waited {secs:.0f} s" for name, secs in stalls) or "none"
        rows.append((f"headless runs that stalled between two cells, then timed again ({seen})",
                     f"{len(stalls)} of {len(times) + len(stalls)}", "0", not stalls))
    for label, value, budget, unit in ([] if args.quick else lab_times()):
        if unit == "x":  # a ratio, e.g. the first screen against a blank notebook (goal: at most 1.3 x)
            rows.append((label, f"{value:.2f} x", f"<= {budget:g} x", value <= budget))
        else:
            rows.append((label, f"{value:.1f} s", f"< {budget:g} s", value < budget))
    if not args.quick:
        rows += install_times()
        rows += grading_times()
    rows += rules_table()[1]

    width = max(len(r[0]) for r in rows)
    lines = [f"{'what':<{width}}  {'measured':>10}  {'budget':>9}  ok", "-" * (width + 28)]
    for what, got, budget, ok in rows:
        lines.append(f"{what:<{width}}  {got:>10}  {budget:>9}  {'yes' if ok else 'NO'}")
    print("\n".join(lines))
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"\nmachine: {machine}")
    if args.write:
        md = ["# Benchmarks", "", "Measured by `make bench` (tools/bench.py) against the budgets in the design.",
              f"Machine: {machine}; measured {time.strftime('%Y-%m-%d')}.", "",
              "| what | measured | budget | within |", "|---|---|---|---|"]
        md += [f"| {w} | {g} | {b} | {'yes' if ok else '**no**'} |" for w, g, b, ok in rows]
        (ROOT / "docs" / "benchmarks.md").write_text("\n".join(md) + "\n", encoding="utf-8")
        print("wrote docs/benchmarks.md")
    if tracked_changes() != before:  # a benchmark must leave the committed notebooks as it found them
        print("make bench changed tracked notebooks or settings:\n" + tracked_changes(), file=sys.stderr)
        return 1
    return 0 if all(r[3] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
