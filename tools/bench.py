"""Measure the course's speed budgets (DESIGN.md, "Budgets") and print them.

    make bench                       # prints the table
    python tools/bench.py --write    # also writes docs/benchmarks.md

Budgets: `import pm_course` under 50 ms; one check() with progress recorded under
5 ms (median); each lesson notebook executed headless under 20 s; JupyterLab
ready and the welcome notebook's first widget responding under 10 s (when the
browser tools are installed: tools/bench_lab.py).
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


def notebook_times() -> list[tuple[str, float]]:
    """Headless execution time of every lesson notebook, in s (a fresh kernel each)."""
    import nbformat
    from nbclient import NotebookClient

    results = []
    with tempfile.TemporaryDirectory() as home:
        os.environ["PM_COURSE_HOME"] = home
        # the kernels run in a copy of notebooks/, so a file a lesson writes never lands in the repository
        workdir = Path(home) / "notebooks"
        shutil.copytree(ROOT / "notebooks", workdir, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        shutil.copytree(ROOT / "docs", Path(home) / "docs")  # lessons link to ../docs
        for path in sorted(workdir.glob("*.ipynb")):
            nb = nbformat.read(path, as_version=4)
            client = NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                                    resources={"metadata": {"path": str(path.parent)}})
            t = time.perf_counter()
            client.execute()
            results.append((path.name, time.perf_counter() - t))
    return results


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


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true", help="also write docs/benchmarks.md")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tools"))
    from bench_lab import tracked_changes

    before = tracked_changes()

    rows = []
    imp = import_time()
    rows.append(("import pm_course (median of 15, fresh interpreter)", f"{imp:.1f} ms", f"< {IMPORT_BUDGET_MS} ms",
                 imp < IMPORT_BUDGET_MS))
    med, p95, key = check_time()
    rows.append((f"one check() with progress recorded ({key}; median, p95 {p95:.2f} ms)", f"{med:.2f} ms",
                 f"< {CHECK_BUDGET_MS} ms", med < CHECK_BUDGET_MS))
    for name, secs in notebook_times():
        rows.append((f"execute notebooks/{name} headless", f"{secs:.1f} s", f"< {NOTEBOOK_BUDGET_S} s",
                     secs < NOTEBOOK_BUDGET_S))
    for label, value, budget, unit in lab_times():
        if unit == "x":  # a ratio, e.g. the first screen against a blank notebook (goal: at most 1.3 x)
            rows.append((label, f"{value:.2f} x", f"<= {budget:g} x", value <= budget))
        else:
            rows.append((label, f"{value:.1f} s", f"< {budget:g} s", value < budget))
    rows += grading_times()

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
