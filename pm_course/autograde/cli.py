"""The instructor's commands: ``pm-course autograde`` and ``pm-course report`` (added to the ``pm-course`` parser)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

__all__ = ["add_commands", "run"]

COMMANDS = ("autograde", "report")


def add_commands(sub) -> None:
    p = sub.add_parser("autograde", help="grade a cohort's submissions in the sandbox (instructors)",
                       description="Grade every submission of ASSIGNMENT in submitted/*/ASSIGNMENT/ in parallel, "
                                   "each learner's code inside the sandbox, into nbgrader's gradebook.")
    p.add_argument("assignment")
    p.add_argument("--root", default=".", help="the course root (where nbgrader_config.py is); default: here")
    p.add_argument("--db", default="", help="the gradebook URL (default: sqlite:///ROOT/gradebook.db)")
    p.add_argument("--workers", type=int, default=None, help="parallel workers (default: the number of cores)")
    p.add_argument("--student", help="grade only this student's submission")
    p.add_argument("--force", action="store_true", help="regrade submissions that have not changed")
    p.add_argument("--shard", help="grade only shard K of N (e.g. 2/8), into --results files")
    p.add_argument("--results", help="write result files to this folder instead of the gradebook (with --shard)")
    p.add_argument("--merge", nargs="+", metavar="FOLDER", help="write result files from these folders into the gradebook")
    p.add_argument("--allow-unsandboxed", action="store_true",
                   help="where bubblewrap cannot run: grade each submission in a limited process without the "
                        "file-system and network walls (the grades record it)")
    p.add_argument("--cell-timeout", type=float, default=10.0, help="seconds per cell (default 10)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    r = sub.add_parser("report", help="an HTML report of a graded assignment, or the learners' disputes (instructors)")
    r.add_argument("assignment", nargs="?", help="the graded assignment (not needed with --disputes)")
    r.add_argument("--disputes", nargs="+", metavar="EXPORT",
                   help="progress exports (pm-course export): which rule learners dispute, how often, and why")
    r.add_argument("--root", default=".")
    r.add_argument("--output", default=None, help="the HTML file (default: reports/ASSIGNMENT.html)")


def _check_args(args, commands) -> None:
    """``args`` must be what the pm-course parser returned for one of ``commands``."""
    from ..core.validate import InputError, InputTypeError, describe

    if type(args) is not argparse.Namespace:
        raise InputTypeError(f"args must be the argparse.Namespace the pm-course parser returns; got {describe(args)}.")
    command = getattr(args, "command", None)
    if command not in commands:
        raise InputError(f"args.command must be one of {', '.join(map(repr, commands))}; got {describe(command)}.")


def run(args: argparse.Namespace) -> int:
    from ..core.validate import InputTypeError
    from .cohort import GradingRefused, autograde, merge
    from .sandbox import Limits

    _check_args(args, COMMANDS)
    try:
        if args.command == "autograde":
            if args.merge:
                summary = merge(args.assignment, [Path(m) for m in args.merge], args.root, args.db)
            else:
                if args.shard and not args.results:
                    raise GradingRefused("--shard writes result files: give --results FOLDER (then --merge them)")
                if args.workers is not None and args.workers < 1:
                    raise GradingRefused(f"--workers takes a whole number of at least 1; got {args.workers}")
                limits = Limits(cell_seconds=args.cell_timeout)
                summary = autograde(args.assignment, args.root, workers=args.workers, student=args.student,
                                    force=args.force, shard=args.shard, results_dir=args.results,
                                    allow_unsandboxed=args.allow_unsandboxed, db_url=args.db, limits=limits,
                                    progress=False if args.quiet else None)
            print(summary)
            return 0
        if args.command == "report" and getattr(args, "disputes", None):
            from ..core import disputes

            print(disputes.table(disputes.summarise(disputes.read_exports(args.disputes))))
            return 0
        if args.command == "report":
            from .report import write_report

            if not args.assignment:
                raise GradingRefused("report needs an ASSIGNMENT (e.g. 02_research), or --disputes EXPORT.json ...")

            out = write_report(args.assignment, args.root, args.output)
            print(f"Report written to {out}")
            return 0
    except GradingRefused as exc:
        print(f"pm-course: {exc}", file=sys.stderr)
        return 2
    except (OSError, ValueError, InputTypeError) as exc:
        print(f"pm-course: {exc}", file=sys.stderr)
        return 2
    return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(os.EX_USAGE)
