"""What a first `make lab` costs: the learner's environment against a bare JupyterLab, built the same way.

    python tools/bench_install.py            # prints a table
    python tools/bench_install.py --machine  # tab-separated rows for tools/bench.py

Both environments are built in the same run and the same way, each with an empty package cache of its own
(so each downloads what it needs, as on a fresh machine): ``python3 -m venv``, uv installed with pip, then

- the course: tools/setup_env.py ``lab`` in a scratch copy of what it reads (the lock, pyproject, the package);
- the baseline: ``uv pip install jupyterlab`` at the version the lock pins.

Budgets (DESIGN.md): the course's install at most 1.5x the baseline's time; the learner environment under
400 MB (``du`` of .venv).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RATIO_BUDGET = 1.5
SIZE_BUDGET_MB = 400


def _size_mb(path: Path) -> float:
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            p = os.path.join(dirpath, name)
            if not os.path.islink(p):
                total += os.path.getsize(p)
    return total / 1e6


def _timed(argv: list[str], cwd: Path, env: dict) -> float:
    t0 = time.perf_counter()
    subprocess.run(argv, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - t0


def course_install(tmp: Path) -> tuple[float, float]:
    course = tmp / "course"
    (course / "tools").mkdir(parents=True)
    for name in ("pyproject.toml", "requirements-lab.lock", "README.md", "LICENSE", "LICENSE-CONTENT",
                 "tools/setup_env.py"):
        shutil.copy2(ROOT / name, course / name)
    shutil.copytree(ROOT / "pm_course", course / "pm_course", ignore=shutil.ignore_patterns("__pycache__"))
    env = dict(os.environ, UV_CACHE_DIR=str(tmp / "cache-course"), PIP_DISABLE_PIP_VERSION_CHECK="1")
    secs = _timed([sys.executable, "tools/setup_env.py", "lab"], course, env)
    return secs, _size_mb(course / ".venv")


def baseline_install(tmp: Path) -> tuple[float, float]:
    pin = re.search(r"^jupyterlab==(\S+)", (ROOT / "requirements-lab.lock").read_text(), re.M).group(1)
    venv = tmp / "bare"
    env = dict(os.environ, UV_CACHE_DIR=str(tmp / "cache-bare"), PIP_DISABLE_PIP_VERSION_CHECK="1")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", "uv"], check=True, env=env)
    subprocess.run([str(venv / "bin" / "uv"), "pip", "install", "--quiet", "--python", str(py), f"jupyterlab=={pin}"],
                   check=True, env=env)
    return time.perf_counter() - t0, _size_mb(venv)


def measure() -> list[tuple[str, float, float, str]]:
    with tempfile.TemporaryDirectory(prefix="pm-bench-install-") as d:
        tmp = Path(d)
        base_s, base_mb = baseline_install(tmp)
        course_s, course_mb = course_install(tmp)
    return [
        (f"first install of the learner environment: {course_s:.1f} s, bare JupyterLab the same way {base_s:.1f} s",
         course_s / base_s, RATIO_BUDGET, "x"),
        (f"learner environment (.venv, what make lab installs; bare JupyterLab {base_mb:.0f} MB)", course_mb,
         SIZE_BUDGET_MB, "MB"),
    ]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--machine", action="store_true")
    args = parser.parse_args(argv)
    for label, value, budget, unit in measure():
        if args.machine:
            print(f"{label}\t{value}\t{budget}\t{unit}")
        else:
            print(f"{label}: {value:.2f} {unit} (budget {budget:g} {unit})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
