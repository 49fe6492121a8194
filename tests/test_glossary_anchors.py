"""Glossary links jump: every term has an explicit anchor (``<a id="...">``), the same target in JupyterLab,
on GitHub and in a static site, and every link to the glossary names one that exists.

JupyterLab makes heading ids of its own (``Cost-of-delay``), so a link written with GitHub's slug
(``#cost-of-delay``) to a heading alone did not jump there in JupyterLab.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "docs" / "glossary.md"
ANCHORS = set(re.findall(r'^<a id="([^"]+)"></a>$', GLOSSARY.read_text(encoding="utf-8"), re.M))


def _texts():
    for nb in sorted(ROOT.glob("notebooks/*.ipynb")) + sorted(ROOT.glob("exercises/*/*.ipynb")):
        for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
            src = cell["source"]
            yield nb.relative_to(ROOT), "".join(src) if isinstance(src, list) else src
    for md in sorted((ROOT / "docs").glob("*.md")):
        yield md.relative_to(ROOT), md.read_text(encoding="utf-8")


def test_every_term_has_an_explicit_anchor():
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "glossary_anchors.py"), "--check"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert len(ANCHORS) >= 100


def test_every_glossary_link_names_an_anchor_that_exists():
    links = 0
    broken = []
    for where, text in _texts():
        targets = re.findall(r"\]\((?:\.\./)*(?:docs/)?glossary\.md#([^)\s]+)\)", text)
        if where == GLOSSARY.relative_to(ROOT):
            targets += re.findall(r"\]\(#([^)\s]+)\)", text)
        for t in targets:
            links += 1
            if t not in ANCHORS:
                broken.append(f"{where}: #{t}")
    assert links > 50, "found too few glossary links: the pattern no longer matches how lessons link"
    assert not broken, "links to glossary anchors that do not exist:\n" + "\n".join(broken)
