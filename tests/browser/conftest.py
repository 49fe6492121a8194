"""A real JupyterLab in headless Chromium, as a learner (or an instructor) sees it.

Fixtures:

- ``lab`` / ``instructor_lab``: JupyterLab started with the project's settings
  (``.jupyter/``, the same as ``make lab``; ``.jupyter/instructor`` for
  ``make lab-instructor``) on a free loopback port, with a token, a temporary
  PM_COURSE_HOME and a temporary copy of ``notebooks/`` and ``exercises/`` as
  its root (and a copy of the settings), so that running and autosaving never touch the committed
  notebooks; the test run fails if it changed a tracked notebook or setting.
- ``page``: a new Chromium tab (Debian's Chromium, driven by Playwright). When a
  test fails, a screenshot and the browser console go to ``test-artifacts/``.

Lessons are found by glob (``notebooks/NN_*.ipynb``): a new lesson joins the
tests without new code.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from .jlab import UI, NotebookPage

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = os.environ.get("PM_COURSE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START = float(os.environ.get("PM_COURSE_BROWSER_SERVER_TIMEOUT", "120"))  # seconds
#: What a run must leave as it found it: the committed notebooks and the project's JupyterLab settings.
TRACKED = ("notebooks", "exercises", "solutions", ".jupyter")


def tracked_changes() -> str:
    """``git status --porcelain`` of :data:`TRACKED` ("" outside a git checkout)."""
    try:
        out = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all", "--", *TRACKED], cwd=REPO,
                             capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return out.stdout if out.returncode == 0 else ""


@pytest.fixture(scope="session", autouse=True)
def tracked_files_unchanged():
    """Fails the run if it changed a committed notebook or setting (a notebook saved with outputs, say).

    The servers work on temporary copies (notebooks, exercises, settings), so a
    learner's Run All and JupyterLab's autosave land there, never in the repository.
    """
    before = tracked_changes()
    yield
    after = tracked_changes()
    if after != before:
        changed = sorted(set(after.splitlines()) - set(before.splitlines()))
        pytest.fail("the browser tests changed tracked files (they must work on copies):\n" + "\n".join(changed))


def lesson_notebooks() -> list[Path]:
    """Every lesson, in reading order (the welcome notebook is 00)."""
    return sorted(REPO.glob("notebooks/[0-9][0-9]_*.ipynb"))


def exercise_notebooks() -> list[Path]:
    return sorted(REPO.glob("exercises/[0-9][0-9]_*/[0-9][0-9]_*_exercise.ipynb"))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lab:
    """One JupyterLab server process, started with one of the project's config dirs."""

    def __init__(self, name: str, config_dir: Path, workdir: Path):
        self.name = name
        self.config_dir = config_dir
        self.workdir = workdir
        self.root = workdir / "course"
        self.home = workdir / "pm_course_home"
        self.token = uuid.uuid4().hex
        self.port = 0
        self.proc: subprocess.Popen | None = None
        self.log_path = ARTIFACTS / f"jupyterlab-{name}.log"

    # -- lifecycle
    def start(self) -> Lab:
        for folder in ("notebooks", "exercises"):
            if (REPO / folder).is_dir():
                shutil.copytree(REPO / folder, self.root / folder,
                                ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        # the settings too: a setting changed in the interface during a test lands in the copy
        settings = self.workdir / "user-settings"
        shutil.copytree(REPO / ".jupyter" / "lab" / "user-settings", settings)
        self.root.mkdir(parents=True, exist_ok=True)
        self.home.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        env.pop("MPLBACKEND", None)  # the kernels use the inline backend, as for a learner
        env.pop("PM_COURSE_GRADE_STRICT", None)  # a learner's grading cells never raise (tests/conftest.py sets it)
        env.update(
            JUPYTER_CONFIG_DIR=str(self.config_dir),
            JUPYTERLAB_SETTINGS_DIR=str(settings),
            JUPYTERLAB_WORKSPACES_DIR=str(self.workdir / "workspaces"),
            JUPYTER_RUNTIME_DIR=str(self.workdir / "runtime"),
            IPYTHONDIR=str(self.workdir / "ipython"),
            PM_COURSE_HOME=str(self.home),
            PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        )
        ARTIFACTS.mkdir(exist_ok=True)
        for _attempt in range(3):
            self.port = _free_port()
            cmd = [
                str(Path(sys.executable).parent / "jupyter-lab"),
                "--no-browser",
                "--ip=127.0.0.1",
                f"--port={self.port}",
                "--port-retries=0",
                f"--ServerApp.root_dir={self.root}",
                f"--IdentityProvider.token={self.token}",
                # lets the tests ask the page for kernel state and cell outputs; changes nothing a learner sees
                "--LabApp.expose_app_in_browser=True",
            ]
            if hasattr(os, "geteuid") and os.geteuid() == 0:
                cmd.append("--allow-root")  # CI containers run as root
            log = open(self.log_path, "w", encoding="utf-8")
            self.proc = subprocess.Popen(cmd, cwd=self.root, env=env, stdout=log, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL, start_new_session=True)
            log.close()
            if self._wait_ready():
                return self
            self.stop()
            if "address already in use" not in self.log_path.read_text(errors="replace").lower():
                break
        raise RuntimeError(f"JupyterLab ({self.name}) did not start; see {self.log_path}:\n"
                           + self.log_path.read_text(errors="replace")[-3000:])

    def _wait_ready(self) -> bool:
        deadline = time.monotonic() + SERVER_START
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            try:
                with urllib.request.urlopen(self.url("api/status"), timeout=5) as r:
                    if r.status == 200:
                        return True
            except OSError:
                pass
            time.sleep(0.3)
        return False

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)  # the group this fixture started (server + kernels)
            self.proc.wait(timeout=10)

    # -- addresses
    def url(self, path: str, **query: str) -> str:
        q = "&".join([f"token={self.token}"] + [f"{k}={v}" if v else k for k, v in query.items()])
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}?{q}"

    def get_status(self, path: str) -> int:
        try:
            with urllib.request.urlopen(self.url(path), timeout=30) as r:
                return r.status
        except urllib.error.HTTPError as err:
            return err.code


def _start_lab(name: str, config_dir: Path, tmp_path_factory):
    lab = Lab(name, config_dir, tmp_path_factory.mktemp(f"lab-{name}"))
    lab.start()
    return lab


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """JupyterLab with the learner settings of ``make lab``."""
    server = _start_lab("learner", REPO / ".jupyter", tmp_path_factory)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def instructor_lab(tmp_path_factory):
    """JupyterLab with the settings of ``make lab-instructor``."""
    server = _start_lab("instructor", REPO / ".jupyter" / "instructor", tmp_path_factory)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"No Chromium at {CHROMIUM}: run `python tools/browser_setup.py` (or `make test-browser`).")
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    context = pw.chromium.launch_persistent_context(
        str(tmp_path_factory.mktemp("chromium-profile")),
        executable_path=CHROMIUM,
        headless=True,
        args=CHROMIUM_ARGS,
        viewport={"width": 1366, "height": 900},
        device_scale_factor=1,
    )
    context.set_default_timeout(UI * 1000)
    yield context
    context.close()
    pw.stop()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


def artifact_name(nodeid: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid.split("::", 1)[-1]).strip("_")[:150]


@pytest.fixture()
def page(browser_context, request):
    """A new tab; on failure its screenshot and console go to test-artifacts/."""
    tab = browser_context.new_page()
    console: list[str] = []
    tab.on("console", lambda msg: console.append(f"[{msg.type}] {msg.text}"))
    tab.on("pageerror", lambda exc: console.append(f"[pageerror] {exc}"))
    yield tab
    failed = any(getattr(request.node, f"rep_{when}", None) is not None
                 and getattr(request.node, f"rep_{when}").failed for when in ("setup", "call"))
    if failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = artifact_name(request.node.nodeid)
        try:
            tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        except Exception as exc:  # the page may be gone; keep the console anyway
            console.append(f"[screenshot failed] {exc}")
        (ARTIFACTS / f"{name}.console.txt").write_text("\n".join(console), encoding="utf-8")
    tab.close()


@pytest.fixture()
def notebook(page, lab):
    """Open a notebook of the learner server: ``nb = notebook("notebooks/00_welcome.ipynb")``."""
    def open_(path: str) -> NotebookPage:
        return NotebookPage.open(page, lab, path)

    return open_


@pytest.fixture
def cpu_contention():
    """Busy loops beside a test, one per core (PM_COURSE_BROWSER_BUSY sets how many; 0: none), so that a click
    the kernel loses, or a readout that lags behind its controls, fails here rather than for a learner on a
    busy laptop or a shared Binder node. Ends with the test (and if pytest dies, the loops see it and stop)."""
    n = int(os.environ.get("PM_COURSE_BROWSER_BUSY", str(os.cpu_count() or 1)))
    spin = "import os\nparent = os.getppid()\nwhile os.getppid() == parent:\n    pass\n"
    loops = [subprocess.Popen([sys.executable, "-c", spin], stdin=subprocess.DEVNULL) for _ in range(n)]
    yield n
    for p in loops:
        p.kill()
        p.wait(timeout=30)
