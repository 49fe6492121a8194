"""The static website in headless Chromium: a lesson page shows every plot, each with alt text, and the
site's search finds a lesson. The site is built (one lesson, executed) for the test; `make site-check` builds
and checks the whole site."""

from __future__ import annotations

import functools
import http.server
import sys
import threading

import pytest

from .conftest import REPO

sys.path.insert(0, str(REPO / "tools"))
import site_check  # noqa: E402

pytestmark = pytest.mark.browser

LESSON = "02_research"

# JavaScript: every image of the page, as the browser rendered it.
_IMAGES = """() => [...document.images].map(img => ({
  src: img.currentSrc.slice(0, 80), alt: img.getAttribute('alt'), complete: img.complete,
  width: img.naturalWidth, shown: img.getBoundingClientRect().width}))"""


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    site_check.build(out, [LESSON], repo_url="https://github.com/example-org/pm-course")
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def test_a_lesson_page_shows_every_plot_with_alt_text(page, site_url):
    page.goto(f"{site_url}/notebooks/{LESSON}.html")
    page.wait_for_load_state("load")
    imgs = page.evaluate(_IMAGES)
    assert len(imgs) >= 4, f"the lesson's plots are missing: {imgs}"
    broken = [i for i in imgs if not (i["complete"] and i["width"] > 0 and i["shown"] > 0)]
    assert not broken, f"plots not rendered: {broken}"
    no_alt = [i["src"] for i in imgs if not (i["alt"] or "").strip()]
    assert not no_alt, f"plots without alt text: {no_alt}"
    bar = page.get_by_role("navigation", name="Run this lesson")
    assert bar.get_by_role("link", name="Open in the browser (JupyterLite)").get_attribute("href") == \
        f"../lite/lab/index.html?path=notebooks/{LESSON}.ipynb"
    assert "mybinder.org" in bar.get_by_role("link", name="Open on Binder").get_attribute("href")


def test_the_site_search_finds_a_lesson(page, site_url):
    page.goto(f"{site_url}/search.html?q=affinity")
    results = page.locator("#search-results li a")
    results.first.wait_for()
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any(f"notebooks/{LESSON}.html" in h for h in hrefs), hrefs
