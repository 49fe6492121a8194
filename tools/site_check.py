"""Build the course's static website, or a part of it, and check that every image on it has alt text.

    .venv/bin/python tools/site_check.py _build/site          # check a built site (make site-check)

:func:`build` is what ``make site`` runs (sphinx-build -c site . OUT), optionally for some lessons only,
which is what the tests use; :func:`images_without_alt` is the check: every ``<img>`` of every page.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ["docs/glossary.md", "docs/case_study.md"]
#: the notebook backend: figures a lesson displays become images (MPLBACKEND=Agg, as in tests, would drop them)
INLINE = "module://matplotlib_inline.backend_inline"


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.append({k: v or "" for k, v in attrs})


def images(html: str) -> list[dict[str, str]]:
    """The attributes of every ``<img>`` in ``html``."""
    parser = _Images()
    parser.feed(html)
    return parser.images


def images_without_alt(html: str) -> list[str]:
    """The sources (cut short) of the images in ``html`` whose alt text is missing or blank."""
    return [img.get("src", "")[:80] for img in images(html) if not img.get("alt", "").strip()]


def check(site: Path) -> dict[str, list[str]]:
    """Every page of a built site with an image lacking alt text, and those images (empty when all have it)."""
    pages = sorted(site.rglob("*.html"))
    if not pages:
        raise SystemExit(f"site_check: no HTML pages in {site}: build it first (make site)")
    found = {str(p.relative_to(site)): images_without_alt(p.read_text(encoding="utf-8")) for p in pages}
    return {page: bad for page, bad in found.items() if bad}


def build(out: Path, lessons: list[str] | None = None, repo_url: str = "", quiet: bool = True) -> None:
    """``sphinx-build -c site . out``, the lessons executed; ``lessons`` (e.g. ["02_research"]) builds only those
    (with the glossary and the case study). Progress goes to a throw-away folder. Raises on a failed build."""
    env = dict(os.environ)
    env["MPLBACKEND"] = INLINE
    if repo_url:
        env["PM_COURSE_REPO_URL"] = repo_url
    argv = [sys.executable, "-m", "sphinx", "-c", "site", ".", str(out)] + (["-q"] if quiet else [])
    if lessons is not None:
        pages = ["site/index.md", *REFERENCE, *(f"notebooks/{name}.ipynb" for name in lessons)]
        argv += ["-D", "include_patterns=" + ",".join(pages)]
    with tempfile.TemporaryDirectory() as home:
        env["PM_COURSE_HOME"] = home
        proc = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"sphinx-build failed ({proc.returncode}):\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}")


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else ROOT / "_build" / "site"
    bad = check(site)
    for page, sources in bad.items():
        print(f"{page}: {len(sources)} image(s) without alt text: {sources}")
    if bad:
        return 1
    lessons = sorted((site / "notebooks").glob("*.html"))
    count = sum(len(images(p.read_text(encoding="utf-8"))) for p in lessons)
    print(f"site_check: {count} images on {len(lessons)} lesson pages, every image of the site has alt text")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
