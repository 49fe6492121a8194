"""Grading speed: `pm-course autograde` (sandbox on) against `nbgrader autograde` on the same cohorts.

    python tools/bench_grading.py              # cohorts of 30 and 100 submissions of exercise 04
    python tools/bench_grading.py --sizes 30   # one cohort
    python tools/bench_grading.py --machine    # tab-separated rows for tools/bench.py

Each cohort is a mix of full (the solutions), half-done and untouched
notebooks, submitted twice into two copies of a throw-away course: nbgrader
grades one copy, one student at a time as it does; pm-course grades the other
with its workers. The scores must be identical. Goals: at least 10x nbgrader
at 100 submissions, and a per-student cost at 100 within 10% of the cost at
30 (grading cost grows with the cohort only linearly).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from pm_course.course import exercise_file  # noqa: E402

GOAL = 10.0
FLAT = 1.10  # per-student cost at the largest cohort / at the smallest


def cohort(course, n: int) -> None:
    from test_autograde import half_done  # the same mix the grading tests use

    name = exercise_file(course.assignment)
    half = half_done(course)
    for i in range(n):
        kind = ("full", "half", "untouched")[i % 3]
        src = {"full": ROOT / "solutions" / course.assignment / name, "untouched": course.release / name}.get(kind)
        course.submit(f"{kind}-{i:03d}", {name: src if src else half})


def measure(n: int, assignment: str = "04_prioritization") -> dict:
    from nbgrader_course import Course

    from pm_course.autograde.cohort import autograde

    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp) / "nbgrader", Path(tmp) / "pm_course"
        a.mkdir()
        b.mkdir()
        ca, cb = Course(a, assignment), Course(b, assignment)
        cohort(ca, n)
        cohort(cb, n)
        out, nb_seconds = ca.autograde()
        if out.returncode != 0:
            raise RuntimeError(out.stderr[-2000:])
        import resource

        def cpu() -> float:
            own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
            return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

        t, c = time.perf_counter(), cpu()
        summary = autograde(assignment, b, progress=False)
        ours, ours_cpu = time.perf_counter() - t, cpu() - c
        students = [p.name for p in (b / "submitted").iterdir()]
        same = all(ca.scores(s)[assignment] == cb.scores(s)[assignment] for s in students)
        return {"n": n, "nbgrader_s": nb_seconds, "pm_course_s": ours, "ratio": nb_seconds / ours, "same": same,
                "sandboxed": summary.sandboxed, "per_student_s": ours / n, "cpu_per_student_s": ours_cpu / n,
                "load": os.getloadavg()[0]}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[30, 100])
    parser.add_argument("--machine", action="store_true")
    args = parser.parse_args(argv)
    rows = [measure(n) for n in args.sizes]
    largest = max(r["n"] for r in rows)
    for r in rows:
        label = (f"autograde {r['n']} submissions: nbgrader {r['nbgrader_s']:.1f} s, pm-course {r['pm_course_s']:.1f} s "
                 f"= {r['per_student_s']:.3f} s a student, {r['cpu_per_student_s']:.2f} CPU-s a student, "
                 f"load {r['load']:.1f} "
                 f"({'sandbox on' if r['sandboxed'] else 'NO sandbox'}; scores {'identical' if r['same'] else 'DIFFER'})")
        goal_met = r["ratio"] >= GOAL or r["n"] != largest  # the goal is stated at the largest cohort
        ok = goal_met and r["same"] and r["sandboxed"]
        if args.machine:
            budget = f">= {GOAL:g}x" if r["n"] == largest else "(measured)"
            print(f"{label}\t{r['ratio']:.1f}x faster\t{budget}\t{int(ok)}")
        else:
            print(json.dumps(r))
    if len(rows) > 1:
        small, big = min(rows, key=lambda r: r["n"]), max(rows, key=lambda r: r["n"])
        growth = big["per_student_s"] / small["per_student_s"]
        label = (f"autograde: per-student cost at {big['n']} ({big['per_student_s']:.3f} s) over the cost at "
                 f"{small['n']} ({small['per_student_s']:.3f} s)")
        if args.machine:
            print(f"{label}\t{growth:.2f}x\t<= {FLAT:.2f}x\t{int(growth <= FLAT)}")
        else:
            print(json.dumps({"per_student_growth": growth}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
