"""The ``pm-course`` command.

    pm-course progress                 print your progress table
    pm-course export FILE              save your progress to FILE (JSON)
    pm-course import FILE              merge progress from FILE
    pm-course repair                   recover from a damaged progress database
    pm-course where                    where progress is kept
    pm-course autograde ASSIGNMENT     grade a cohort in the sandbox (instructors; see docs/instructors.md)
    pm-course report ASSIGNMENT        an HTML report of a graded assignment (instructors)
    pm-course keygen / certify / verify   signed certificates (pm_course/certificate/cli.py)
"""

from __future__ import annotations

import argparse
import sys
import warnings

from . import __version__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pm-course", description="PM Course: your progress and data.")
    parser.add_argument("--version", action="version", version=f"pm-course {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("progress", help="print your progress by module")
    p_exp = sub.add_parser("export", help="save your progress to a JSON file")
    p_exp.add_argument("file", nargs="?", default="pm_course_progress.json")
    p_imp = sub.add_parser("import", help="merge progress from a JSON file")
    p_imp.add_argument("file")
    sub.add_parser("repair", help="recover from a damaged progress database (saves what can be read first)")
    sub.add_parser("where", help="where your progress is kept")
    from .autograde import cli as grading

    grading.add_commands(sub)
    from .certificate import cli as certificates

    certificates.add_commands(sub)
    args = parser.parse_args(argv)
    if args.command in grading.COMMANDS:
        return grading.run(args)
    if args.command in certificates.COMMANDS:
        return certificates.run(args)

    from . import progress
    from .core.validate import InputError, InputTypeError

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            if args.command == "progress":
                print(progress.summary())
            elif args.command == "export":
                print(progress.export(args.file).report())
            elif args.command == "import":
                print(f"{progress.import_(args.file).report()} from {args.file}")
            elif args.command == "repair":
                print(progress.repair())
            elif args.command == "where":
                print(progress.where())
        except (InputError, InputTypeError, OSError) as exc:
            _say(caught)
            print(f"pm-course: {exc}", file=sys.stderr)
            return 2
        except Exception as exc:  # never a traceback: say what happened and where to look
            _say(caught)
            print(f"pm-course: {args.command} failed ({exc.__class__.__name__}: {exc}). Your progress files were "
                  "not changed; `pm-course repair` recovers a damaged store.", file=sys.stderr)
            return 1
    _say(caught)
    return 0


def _say(caught) -> None:
    seen = set()
    for w in caught:
        if issubclass(w.category, RuntimeWarning) and str(w.message) not in seen:
            seen.add(str(w.message))
            print(f"pm-course: {w.message}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
