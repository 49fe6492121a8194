"""Make or update the course's virtual environment (.venv), saying what it does as it goes.

    python3 tools/setup_env.py lab     # what a learner needs: the course package and JupyterLab
    python3 tools/setup_env.py all     # everything: also the instructor's tools (nbgrader) and the test tools
    python3 tools/setup_env.py lite    # what `make lite` needs: the JupyterLite site builder
    python3 tools/setup_env.py site    # what `make site` needs: the course's packages, Sphinx and myst-nb

The Makefile runs this (``make lab`` the first, ``make test`` the second); it can be run by hand too.
It is written for any python3, so that an old one gets a clear message instead of an error from deep
inside an installer:

1. It checks the Python version first (3.11 or newer). A ``.venv`` made by another Python is replaced.
2. It creates ``.venv``, installs uv into it, then the exact versions in ``requirements-lab.lock``
   (``lab``) or ``requirements.lock`` (``all``), then the course itself (editable).
3. While a step runs it prints a line every few seconds, so a first install never looks stuck.

Packages are installed without compiling their bytecode in advance: Python compiles and caches each
module the first time it is imported, which keeps the environment small (under 400 MB for ``lab``)
and the install short. Only the course's own package is compiled here.
"""

import os
import shutil
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, ".venv")
MINIMUM = (3, 11)
LOCKS = {"lab": "requirements-lab.lock", "all": "requirements.lock", "lite": "requirements-lite.lock",
         "site": "requirements-site.lock"}
TICK = 3.0  # seconds between two "still working" lines


def say(line):
    print("[pm-course] " + line, flush=True)


def venv_python():
    return os.path.join(VENV, "Scripts" if os.name == "nt" else "bin", "python")


def check_python(version=None):
    """``None`` when ``version`` (default: this Python's) is new enough, else a message for the learner."""
    version = tuple(version or sys.version_info[:3])
    if version[:2] >= MINIMUM:
        return None
    have = ".".join(str(v) for v in version)
    need = ".".join(str(v) for v in MINIMUM)
    return (
        f"PM Course needs Python {need} or newer; this python3 is {have} ({sys.executable}).\n"
        "Install a newer Python (python.org, your package manager, or conda), then run make again with it,\n"
        "for example: make lab PYTHON=python3.12"
    )


def run(label, argv):
    """Run ``argv``, printing ``label`` and then a line every few seconds until it ends; stop on failure."""
    say(label)
    started = time.monotonic()
    done = threading.Event()

    def ticker():
        while not done.wait(TICK):
            say(f"  ... still working ({time.monotonic() - started:.0f} s)")

    thread = threading.Thread(target=ticker, daemon=True)
    thread.start()
    try:
        proc = subprocess.run(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
    finally:
        done.set()
        thread.join()
    if proc.returncode != 0:
        say("FAILED: " + " ".join(argv))
        print(proc.stdout, file=sys.stderr)
        sys.exit(proc.returncode)
    say(f"  done in {time.monotonic() - started:.0f} s")


def venv_version():
    """The (major, minor) of .venv's Python, or None when there is no working one."""
    exe = venv_python()
    if not os.path.exists(exe):
        return None
    try:
        out = subprocess.run([exe, "-c", "import sys; print(sys.version_info[0], sys.version_info[1])"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, timeout=60)
        major, minor = out.stdout.split()
        return int(major), int(minor)
    except Exception:
        return None


def main(argv=None):
    args = sys.argv[1:] if argv is None else argv
    role = args[0] if args else "lab"
    if role not in LOCKS:
        say("unknown role {!r}; expected one of: {}".format(role, ", ".join(LOCKS)))
        return 2
    problem = check_python()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    have = venv_version()
    if have is not None and have != tuple(sys.version_info[:2]):
        say("replacing .venv (made with Python {}.{}; this is {}.{})".format(*(have + tuple(sys.version_info[:2]))))
        shutil.rmtree(VENV)
        have = None
    elif have is None and os.path.exists(VENV):
        say("replacing .venv (it has no working Python)")
        shutil.rmtree(VENV)
    if have is None:
        run("creating the course environment in .venv (Python {}.{})".format(*sys.version_info[:2]),
            [sys.executable, "-m", "venv", VENV])
    py = venv_python()
    uv = os.path.join(os.path.dirname(py), "uv")
    if not os.path.exists(uv) and not os.path.exists(uv + ".exe"):
        run("installing uv, the package installer", [py, "-m", "pip", "install", "--quiet",
                                                     "--disable-pip-version-check", "uv"])
    what = {"lab": "JupyterLab and the course's packages",
            "lite": "the JupyterLite site builder (jupyterlite-core and its Pyodide kernel)",
            "site": "the course's packages and the website builder (Sphinx, myst-nb)",
            "all": "every package: JupyterLab, the course's, the instructor's (nbgrader) and the test tools"}[role]
    run(f"installing {what} from {LOCKS[role]} (a minute or so the first time)",
        [uv, "pip", "install", "--quiet", "--python", py, "-r", LOCKS[role]])
    run("installing the course (pm_course) itself", [uv, "pip", "install", "--quiet", "--python", py,
                                                      "--no-deps", "-e", "."])
    subprocess.run([py, "-m", "compileall", "-q", "pm_course"], cwd=ROOT, stdout=subprocess.DEVNULL)
    say("the environment is ready")
    return 0


if __name__ == "__main__":
    sys.exit(main())
