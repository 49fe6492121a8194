"""Build the course as a JupyterLite site: static files, Python in the browser (Pyodide), nothing to install.

    .venv/bin/python tools/build_lite.py [--output _build/lite]      (what `make lite` runs)

1. Builds the pm_course wheel (``uv build``) and ships it in the site (``pypi/``, the site's own package index),
   with the pure-Python wheels it needs that Pyodide does not carry (ipywidgets, comm, jupyterlab-widgets, at
   the versions of requirements-lab.lock, downloaded from PyPI).
2. Copies every lesson (notebooks/), every exercise (exercises/) and the two pages they link to
   (docs/glossary.md, docs/case_study.md), and adds to each notebook a first cell that installs the course
   package from the site's index. The cell runs only in the browser (``sys.platform == "emscripten"``): in a
   normal Jupyter it does nothing.
3. Runs ``jupyter lite build`` (jupyterlite-core with the Pyodide kernel, versions pinned in pyproject's
   ``lite`` extra) into the output folder (git-ignored), and prints its size and the time taken.

In the browser, progress is kept in the JSONL store on the site's drive (``/drive/.pm_course``, the browser's
storage for the site) and function questions are checked in-process: pm_course detects Pyodide by itself.
Any static web server can host the output folder (docs/workshops.md, "A course with no install").
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "_build" / "lite"
DOCS = ("glossary.md", "case_study.md")  # the pages the notebooks link to (../docs/...)
INSTALL_TAG = "pm-course-lite-install"
INSTALL_CELL = (
    "# In the browser (JupyterLite) this installs the course's package; elsewhere it does nothing.\n"
    "import sys\n"
    "if sys.platform == \"emscripten\":\n"
    "    import piplite\n"
    "    await piplite.install(\"pm_course\")"
)


def say(line: str) -> None:
    print("[pm-course] " + line, flush=True)


def build_wheel(dest: Path) -> Path:
    """Build the pm_course wheel into ``dest``; returns its path (the source tree is left as it was)."""
    dest.mkdir(parents=True, exist_ok=True)
    uv = Path(sys.executable).with_name("uv")
    argv = [str(uv), "build", "--wheel", "--quiet", "--out-dir", str(dest), str(ROOT)] if uv.exists() else \
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dest), str(ROOT)]
    had_build = (ROOT / "build").exists()
    try:
        subprocess.run(argv, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    finally:
        if not had_build:  # setuptools leaves build/ behind
            shutil.rmtree(ROOT / "build", ignore_errors=True)
    wheels = sorted(dest.glob("pm_course-*-py3-none-any.whl"))
    if len(wheels) != 1:
        raise SystemExit(f"expected one pure-Python pm_course wheel in {dest}; found {[w.name for w in wheels]}")
    return wheels[0]


#: Pure-Python wheels shipped in the site beside pm_course, at requirements-lab.lock's versions, so that
#: installing the course in the browser needs no PyPI (Pyodide's own packages, matplotlib among them, come
#: with Pyodide; widgetsnbextension is provided by the kernel).
SHIPPED = ("ipywidgets", "comm", "jupyterlab-widgets")


def locked_versions(names: tuple[str, ...] = SHIPPED, lock: Path = ROOT / "requirements-lab.lock") -> list[str]:
    """``name==version`` for each of ``names``, from ``lock``."""
    pins = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith((" ", "#")):
            name, version = line.split("==", 1)
            pins[name.strip().lower().replace("_", "-")] = version.split(";")[0].strip()
    missing = [n for n in names if n not in pins]
    if missing:
        raise SystemExit(f"{lock.name} pins no {', '.join(missing)}: run `make lock`")
    return [f"{n}=={pins[n]}" for n in names]


def download_wheels(dest: Path) -> list[Path]:
    """The :data:`SHIPPED` wheels at the lock's versions (pip download from PyPI, no dependencies)."""
    dest.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps",
                    "--only-binary=:all:", "--implementation", "py", "--abi", "none", "--platform", "any",
                    "-d", str(dest), *locked_versions()], check=True)
    wheels = sorted(dest.glob("*-py3-none-any.whl"))
    if len(wheels) != len(SHIPPED):
        raise SystemExit(f"expected {len(SHIPPED)} pure-Python wheels for {SHIPPED}; got {[w.name for w in wheels]}")
    return wheels


def install_cell() -> dict:
    return {"cell_type": "code", "execution_count": None, "id": INSTALL_TAG,
            "metadata": {"tags": [INSTALL_TAG], "editable": False, "deletable": False},
            "outputs": [], "source": INSTALL_CELL}


def with_install_cell(nb: dict) -> dict:
    """The notebook with the install cell first (once: a notebook that has it is returned unchanged)."""
    if any(INSTALL_TAG in c.get("metadata", {}).get("tags", []) for c in nb.get("cells", [])):
        return nb
    out = copy.deepcopy(nb)
    out["cells"] = [install_cell()] + out["cells"]
    return out


def course_files(folders: tuple[str, ...]) -> list[Path]:
    """The course's own files under ``folders``: those git tracks, so what a learner made in this clone (a
    portfolio export, a certificate, checkpoints) never goes on a site for others. Outside a git clone (an
    unpacked archive) every file but checkpoints and caches."""
    try:
        out = subprocess.run(["git", "ls-files", "-z", "--", *folders], cwd=ROOT, capture_output=True, check=True)
        tracked = [ROOT / name for name in out.stdout.decode("utf-8").split("\0") if name]
        if tracked:
            return sorted(p for p in tracked if p.is_file())
    except (OSError, subprocess.CalledProcessError):
        pass
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*")
                  if p.is_file() and ".ipynb_checkpoints" not in p.parts and "__pycache__" not in p.parts)


def stage_contents(dest: Path) -> list[Path]:
    """Copy lessons, exercises and the linked docs into ``dest``, each notebook with the install cell."""
    notebooks = []
    for src in course_files(("notebooks", "exercises")):
        target = dest / src.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        if src.suffix == ".ipynb":
            nb = json.loads(src.read_text(encoding="utf-8"))
            target.write_text(json.dumps(with_install_cell(nb), indent=1, ensure_ascii=False) + "\n",
                              encoding="utf-8")
            notebooks.append(target)
        else:
            shutil.copy2(src, target)
    (dest / "docs").mkdir(parents=True, exist_ok=True)
    for name in DOCS:
        shutil.copy2(ROOT / "docs" / name, dest / "docs" / name)
    return notebooks


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def build(output: Path) -> dict:
    started = time.monotonic()
    jupyter = Path(sys.executable).with_name("jupyter")
    with tempfile.TemporaryDirectory(prefix="pm-course-lite-") as tmp:
        work = Path(tmp)
        say("building the pm_course wheel")
        wheel = build_wheel(work / "wheels")
        say("downloading " + ", ".join(locked_versions()) + " (pure-Python wheels shipped in the site)")
        shipped = download_wheels(work / "shipped")
        contents = work / "contents"
        notebooks = stage_contents(contents)
        say(f"{len(notebooks)} notebooks (lessons and exercises), each with a first cell that installs pm_course")
        lite_dir = work / "lite"
        lite_dir.mkdir()
        # The site opens on the welcome notebook's folder; the app's name is the course's.
        (lite_dir / "jupyter-lite.json").write_text(json.dumps({
            "jupyter-lite-schema-version": 0,
            "jupyter-config-data": {"appName": "PM Course", "faviconUrl": "./lab/favicon.ico"},
        }, indent=1) + "\n", encoding="utf-8")
        if output.exists():
            shutil.rmtree(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        say("running jupyter lite build (jupyterlite-core and the Pyodide kernel)")
        env = dict(os.environ, JUPYTER_CONFIG_DIR=str(work / "jupyter-config"))  # not the course's lab settings
        subprocess.run([str(jupyter), "lite", "build", "--lite-dir", str(lite_dir), "--contents", str(contents),
                        *[a for w in [wheel, *shipped] for a in ("--piplite-wheels", str(w))],
                        "--output-dir", str(output)],
                       cwd=work, check=True, env=env)
    (output / ".nojekyll").write_text("")  # GitHub Pages: serve the files as they are (no Jekyll)
    seconds = time.monotonic() - started
    info = {"output": str(output), "notebooks": len(notebooks), "bytes": size_of(output),
            "seconds": round(seconds, 1), "wheel": wheel.name}
    say(f"the site is in {output}: {info['bytes'] / 1e6:.0f} MB, built in {seconds:.0f} s; "
        "serve it with any static web server, e.g. python3 -m http.server -d " + os.path.relpath(output, ROOT))
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where the site goes (default: _build/lite)")
    args = parser.parse_args(argv)
    build(args.output.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
