"""Keep environment.yml (Binder / conda) pinned to the same versions as requirements-lab.lock.

    python tools/sync_environment.py            # rewrite environment.yml from the lock
    python tools/sync_environment.py --check    # exit 1 if environment.yml differs

environment.yml pins, in its pip section, every package a learner's session needs:
exactly the packages of requirements-lab.lock (pyproject's dependencies and its
``lab`` extra, JupyterLab, with everything they pull in), at the lock's versions.
The instructor's tools (nbgrader) and the test tools are left out; a hub that
grades adds them with ``pip install ".[instructor]"`` (docs/workshops.md).
The pins go in the pip section because the lock's versions come from PyPI;
Binder installs them from there. tests/test_binder.py checks the result.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = "3.11"

HEADER = f"""\
# The course's conda environment, used by Binder (repo2docker) and by anyone who prefers conda.
# Generated from requirements-lab.lock by `python tools/sync_environment.py`: do not edit the pins by hand.
# The packages come from PyPI (pip section) at exactly the lock's versions; postBuild then installs
# pm_course itself and the course's JupyterLab settings.
name: pm-course
channels:
  - conda-forge
  - nodefaults
dependencies:
  - python={PYTHON}
  - pip
  - pip:
"""


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def parse_lock(text: str) -> tuple[dict[str, str], dict[str, set[str]]]:
    """``({package: version}, {package: {what requires it}})`` from a ``uv pip compile`` lock file."""
    versions: dict[str, str] = {}
    via: dict[str, set[str]] = {}
    current = None
    for line in text.splitlines():
        m = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)", line)
        if m:
            current = canonical(m.group(1))
            versions[current] = m.group(2)
            via[current] = set()
            continue
        m = re.match(r"^\s+#\s+via\s+(\S+)\s*$", line) or re.match(r"^\s+#\s{2,}(\S+)", line)
        if m and current:
            via[current].add(canonical(m.group(1)))
    return versions, via


def runtime_dependencies(root: Path = ROOT) -> list[str]:
    """pyproject's ``[project] dependencies``, as canonical names."""
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [canonical(re.split(r"[\s<>=!~;\[]", d, maxsplit=1)[0]) for d in project["dependencies"]]


def runtime_closure(root: Path = ROOT) -> dict[str, str]:
    """Every package of the learner's lock (requirements-lab.lock), with its version."""
    versions, _ = parse_lock((root / "requirements-lab.lock").read_text(encoding="utf-8"))
    missing = set(runtime_dependencies(root)) - set(versions)
    if missing:
        raise SystemExit(f"requirements-lab.lock does not pin {sorted(missing)}: run `make lock`")
    return dict(sorted(versions.items()))


def render(root: Path = ROOT) -> str:
    return HEADER + "".join(f"      - {pkg}=={ver}\n" for pkg, ver in runtime_closure(root).items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="environment.yml from requirements-lab.lock")
    parser.add_argument("--check", action="store_true", help="only report whether environment.yml is up to date")
    args = parser.parse_args(argv)
    target = ROOT / "environment.yml"
    text = render()
    if args.check:
        if target.read_text(encoding="utf-8") != text:
            print("environment.yml differs from requirements-lab.lock: run python tools/sync_environment.py")
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
