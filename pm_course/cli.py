"""The ``pm-course`` command.

    pm-course progress                 print your progress table
    pm-course export FILE              save your progress to FILE (JSON)
    pm-course import FILE              merge progress from FILE
    pm-course where                    where progress is kept
    pm-course autograde ASSIGNMENT     grade a cohort in the sandbox (instructors; see docs/instructors.md)
    pm-course report ASSIGNMENT        an HTML report of a graded assignment (instructors)
    pm-course keygen / certify / verify   signed certificates (pm_course/certificate/cli.py)
"""

from __future__ import annotations

import argparse
import sys

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

    try:
        if args.command == "progress":
            print(progress.summary())
        elif args.command == "export":
            print(f"Progress saved to {progress.export(args.file)}")
        elif args.command == "import":
            print(progress.import_(args.file).message())
        elif args.command == "where":
            print(progress.where())
    except (InputError, InputTypeError, OSError) as exc:
        print(f"pm-course: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
