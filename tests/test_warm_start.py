"""The welcome notebook's kernel starts with the server (pm_course.warm_start), and only that one."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest

from pm_course import warm_start

REPO = Path(__file__).resolve().parents[1]


class FakeSessions:
    def __init__(self, exists: bool = False, fail: Exception | None = None):
        self.exists, self.fail, self.created = exists, fail, []

    async def session_exists(self, path):
        return self.exists

    async def create_session(self, **kwargs):
        if self.fail:
            raise self.fail
        self.created.append(kwargs)
        return {"id": "s1"}


def _server(tmp_path: Path, sessions: FakeSessions, default_url: str = "/lab/tree/notebooks/00_welcome.ipynb"):
    (tmp_path / "notebooks").mkdir(exist_ok=True)
    nb = {"cells": [], "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
          "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "notebooks" / "00_welcome.ipynb").write_text(json.dumps(nb))
    return SimpleNamespace(root_dir=str(tmp_path), default_url=default_url, session_manager=sessions,
                           log=logging.getLogger("test-warm-start"))


def _start(app) -> None:
    async def go():
        await warm_start._start_jupyter_server_extension(app)
        await asyncio.gather(*warm_start._tasks)

    asyncio.run(go())


def test_starts_the_session_jupyterlab_would_create(tmp_path):
    sessions = FakeSessions()
    _start(_server(tmp_path, sessions))
    assert sessions.created == [{"path": "notebooks/00_welcome.ipynb", "name": "00_welcome.ipynb",
                                 "type": "notebook", "kernel_name": "python3"}]


def test_leaves_a_running_session_alone(tmp_path):
    sessions = FakeSessions(exists=True)
    _start(_server(tmp_path, sessions))
    assert sessions.created == []


def test_switched_off_by_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PM_COURSE_WARM_START", "0")
    sessions = FakeSessions()
    _start(_server(tmp_path, sessions))
    assert sessions.created == []


def test_a_kernel_that_cannot_start_is_logged_not_raised(tmp_path, caplog):
    sessions = FakeSessions(fail=RuntimeError("no such kernel"))
    with caplog.at_level(logging.WARNING, logger="test-warm-start"):
        _start(_server(tmp_path, sessions))
    assert "could not start the kernel of notebooks/00_welcome.ipynb early: no such kernel" in caplog.text


@pytest.mark.parametrize("url, expected", [
    ("/lab/tree/notebooks/00_welcome.ipynb", "notebooks/00_welcome.ipynb"),
    ("/lab/workspaces/w1/tree/notebooks/00_welcome.ipynb", "notebooks/00_welcome.ipynb"),
    ("/lab/tree/notebooks/00%5Fwelcome.ipynb", "notebooks/00_welcome.ipynb"),
    ("/lab", "notebooks/00_welcome.ipynb"),                 # no notebook named: the welcome notebook
    ("/lab/tree/notebooks/missing.ipynb", None),           # named but absent: nothing is started
    ("/lab/tree/../outside.ipynb", None),                  # never a file outside the root folder
])
def test_which_notebook(tmp_path, url, expected):
    _server(tmp_path, FakeSessions())
    (tmp_path.parent / "outside.ipynb").write_text("{}")
    assert warm_start.first_notebook(url, str(tmp_path)) == expected


def test_kernel_name_of_a_notebook_without_metadata_is_the_default(tmp_path):
    (tmp_path / "x.ipynb").write_text("not json")
    assert warm_start.kernel_name_of(tmp_path / "x.ipynb") is None
    assert warm_start.kernel_name_of(tmp_path / "absent.ipynb") is None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_course_server_has_the_welcome_kernel_before_any_browser(tmp_path):
    """A real JupyterLab with the course's server config (as `make lab` runs it): no page is asked for,
    yet the welcome notebook has a session with a python3 kernel."""
    root = tmp_path / "course"
    (root / "notebooks").mkdir(parents=True)
    shutil.copy2(REPO / "notebooks" / "00_welcome.ipynb", root / "notebooks")
    port, token = _free_port(), uuid.uuid4().hex
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(REPO / ".jupyter"), JUPYTER_RUNTIME_DIR=str(tmp_path / "rt"),
               PM_COURSE_HOME=str(tmp_path / "home"), JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "ws"))
    env.pop("PM_COURSE_WARM_START", None)
    cmd = [str(Path(sys.executable).parent / "jupyter-lab"), "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           "--port-retries=0", f"--ServerApp.root_dir={root}", f"--IdentityProvider.token={token}",
           "--LabApp.default_url=/lab/tree/notebooks/00_welcome.ipynb"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    log = tmp_path / "lab.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        sessions: list = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not sessions:
            time.sleep(0.2)
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/sessions?token={token}", timeout=5) as r:
                    sessions = json.loads(r.read())
            except OSError:
                pass
        assert [(s["path"], s["type"], s["kernel"]["name"]) for s in sessions] == [
            ("notebooks/00_welcome.ipynb", "notebook", "python3")], log.read_text()
        assert "pm_course: started the kernel of notebooks/00_welcome.ipynb with the server" in log.read_text()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def test_an_import_that_fails_is_logged_not_raised(caplog):
    app = SimpleNamespace(log=logging.getLogger("test-warm-start"))
    with caplog.at_level(logging.WARNING, logger="test-warm-start"):
        asyncio.run(warm_start.import_in_thread(app, "pm_course_no_such_module"))
    assert "could not import pm_course_no_such_module early" in caplog.text


def test_nbconvert_is_imported_in_the_background(tmp_path, monkeypatch):
    imported = []
    monkeypatch.setattr(warm_start.importlib, "import_module", imported.append)
    _start(_server(tmp_path, FakeSessions()))
    assert imported == ["nbconvert.exporters"]
