"""`make lite` (tools/build_lite.py): what goes into the JupyterLite site, checked without building it.

The built site itself is checked in headless Chromium (tests/browser/test_lite.py) and the course's Python
under Pyodide in tests/test_pyodide.py.
"""

import ast
import asyncio
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import build_lite  # noqa: E402

sys.path.pop(0)


def test_every_lesson_and_exercise_goes_in_with_the_install_cell_first_and_no_solutions(tmp_path):
    staged = build_lite.stage_contents(tmp_path)
    sources = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "exercises").glob("*/*.ipynb"))
    assert sorted(p.relative_to(tmp_path) for p in staged) == sorted(p.relative_to(ROOT) for p in sources)
    for src in sources:
        site = json.loads((tmp_path / src.relative_to(ROOT)).read_text(encoding="utf-8"))
        original = json.loads(src.read_text(encoding="utf-8"))
        assert site["cells"][0]["metadata"]["tags"] == [build_lite.INSTALL_TAG], src
        assert site["cells"][1:] == original["cells"], src  # the course's cells, unchanged
    assert not (tmp_path / "solutions").exists()
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == sorted(build_lite.DOCS)


def test_the_install_cell_is_added_once():
    nb = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "# x"}]}
    once = build_lite.with_install_cell(nb)
    assert len(once["cells"]) == 2 and nb["cells"] == [{"cell_type": "markdown", "metadata": {}, "source": "# x"}]
    assert build_lite.with_install_cell(once) == once


def test_the_install_cell_does_nothing_outside_the_browser(monkeypatch):
    """Under CPython the cell runs and imports nothing (piplite exists only in the browser)."""
    flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    code = compile(build_lite.INSTALL_CELL, "<install cell>", "exec", flags=flags)
    monkeypatch.delitem(sys.modules, "piplite", raising=False)
    result = eval(code, {})
    if asyncio.iscoroutine(result):
        asyncio.run(result)
    assert "piplite" not in sys.modules
    monkeypatch.setattr(sys, "platform", "emscripten")  # in the browser it reaches for piplite
    with pytest.raises(ModuleNotFoundError, match="piplite"):
        result = eval(code, {})
        if asyncio.iscoroutine(result):
            asyncio.run(result)


def test_the_shipped_wheels_are_the_learner_locks_versions(tmp_path):
    pins = build_lite.locked_versions()
    lock = (ROOT / "requirements-lab.lock").read_text()
    assert [p.split("==")[0] for p in pins] == list(build_lite.SHIPPED)
    for pin in pins:
        assert f"\n{pin}\n" in f"\n{lock}", pin
    bad = tmp_path / "lock"
    bad.write_text("ipywidgets==8.1.9\n")
    with pytest.raises(SystemExit, match="pins no comm, jupyterlab-widgets"):
        build_lite.locked_versions(lock=bad)
