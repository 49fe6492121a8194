"""The JupyterLite site (`make lite`, in _build/lite) in headless Chromium, served by a plain static server.

What this machine allows offline: the site loads, lists every lesson, opens the welcome notebook with the
install cell first, and every exercise, the pm_course wheel and the widget wheels are in the site. Not tested here: the
Pyodide kernel starting and running cells. The kernel loads Pyodide and its packages (micropip, numpy,
matplotlib) from Pyodide's CDN, which this machine cannot reach (docs/workshops.md says so); the course's
Python under Pyodide is tested in tests/test_pyodide.py instead.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from .conftest import REPO

pytestmark = pytest.mark.browser

SITE = REPO / "_build" / "lite"


@pytest.fixture(scope="module")
def lite_site():
    """The built site on a static server (python -m http.server) on a free loopback port."""
    if not (SITE / "index.html").exists():
        pytest.fail(f"no JupyterLite site in {SITE}: run `make lite` (make test-browser does)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port), "-d", str(SITE)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/index.html", timeout=2).close()
                break
            except OSError:
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def _get(url: str):
    with urllib.request.urlopen(url, timeout=30) as r:
        return json.loads(r.read())


def test_the_site_lists_every_lesson_and_opens_the_welcome_notebook(page, lite_site):
    page.goto(lite_site + "/lab/index.html?path=notebooks/00_welcome.ipynb", timeout=120_000)
    page.wait_for_selector(".jp-DirListing-itemName", timeout=120_000)
    listed = [e.inner_text() for e in page.query_selector_all(".jp-DirListing-itemName")]
    lessons = sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb"))
    assert sorted(listed) == lessons
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
    first = page.query_selector(".jp-Notebook .jp-Cell .jp-InputArea-editor").inner_text()
    assert 'sys.platform == "emscripten"' in first and "piplite.install" in first
    page.get_by_role("heading", name="Welcome to PM Course").wait_for(timeout=60_000)


def test_every_exercise_and_the_course_wheel_are_in_the_site(lite_site):
    for folder in sorted(p for p in (REPO / "exercises").iterdir() if p.is_dir()):
        names = {c["name"] for c in _get(f"{lite_site}/api/contents/exercises/{folder.name}/all.json")["content"]}
        assert {p.name for p in folder.glob("*.ipynb")} <= names, folder.name
    index = _get(lite_site + "/pypi/all.json")
    import tomllib

    version = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    release = index["pm-course"]["releases"]
    assert list(release) == [version]
    wheel = release[version][0]["url"].removeprefix("./")
    with urllib.request.urlopen(f"{lite_site}/pypi/{wheel}", timeout=30) as r:
        assert r.read(2) == b"PK"  # a zip: the wheel itself is served
    # what pm_course needs beyond Pyodide's own packages is in the site too, at the learner lock's versions
    lab_lock = (REPO / "requirements-lab.lock").read_text()
    for name in ("ipywidgets", "comm", "jupyterlab-widgets"):
        assert list(index[name]["releases"]) == [re.search(rf"^{name}==(\S+)", lab_lock, re.M).group(1)], name
