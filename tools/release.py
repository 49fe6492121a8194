"""Regenerate exercises/ (the nbgrader release) from solutions/ (the nbgrader source).

    make release            # every module
    python tools/release.py 04_prioritization

Uses nbgrader's own generate_assignment with a throw-away gradebook, so the
instructor's gradebook.db is never touched. A test proves exercises/ equals
what this makes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def assignments() -> list[str]:
    return sorted(p.name for p in (ROOT / "solutions").iterdir() if p.is_dir() and not p.name.startswith("."))


def generate(name: str, release_dir: Path) -> None:
    """Run nbgrader generate_assignment for one module into ``release_dir``."""
    bindir = Path(sys.executable).parent
    env = dict(os.environ, PATH=f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}")
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [
            str(bindir / "nbgrader"), "generate_assignment", name, "--force",
            f"--db=sqlite:///{tmp}/gradebook.db",
            f"--CourseDirectory.release_directory={release_dir}",
            "--log-level=WARN",
        ]
        subprocess.run(cmd, cwd=ROOT, env=env, check=True)


def main(argv: list[str]) -> int:
    names = argv or assignments()
    for name in names:
        if not (ROOT / "solutions" / name).is_dir():
            print(f"no such module in solutions/: {name}", file=sys.stderr)
            return 2
        target = ROOT / "exercises" / name
        if target.exists():
            shutil.rmtree(target)
        generate(name, ROOT / "exercises")
        print(f"released exercises/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
