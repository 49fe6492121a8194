"""`make site` in small: one lesson built (executed) with the glossary and the case study; every image has
alt text, the launch links and the search index are there. The whole site: `make site-check`."""

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import site_check  # noqa: E402

LESSON = "02_research"  # plain matplotlib figures and chart-bearing widgets both
REPO_URL = "https://github.com/example-org/pm-course"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    site_check.build(out, [LESSON], repo_url=REPO_URL)
    return out


def test_the_alt_text_check_finds_an_image_without_it():
    page = "<p><img src='a.png' alt='A chart: 3 bars'><img src='b.png'><img src='c.png' alt='  '></p>"
    assert site_check.images_without_alt(page) == ["b.png", "c.png"]


def test_every_plot_of_the_lesson_is_an_image_with_alt_text(site):
    html = (site / "notebooks" / f"{LESSON}.html").read_text(encoding="utf-8")
    imgs = site_check.images(html)
    assert len(imgs) >= 4, f"the lesson's plots are missing from its page ({len(imgs)} images)"
    assert site_check.check(site) == {}
    for img in imgs:  # a plot's image file, or a widget's static figure inline
        src = img["src"]
        assert src.startswith("data:image/png;base64,") or (site / "notebooks" / src).is_file(), src[:80]
        assert img["alt"].startswith("Chart: "), img["alt"]
    alts = " ".join(img["alt"] for img in imgs)
    assert "Evidence per theme in Shiftbrew's 12 interviews" in alts  # a plain figure of the lesson
    assert "NPS" in alts  # a widget's static figure


def test_the_lesson_page_shows_no_widget_script_and_no_web_dependency(site):
    html = (site / "notebooks" / f"{LESSON}.html").read_text(encoding="utf-8")
    assert "application/vnd.jupyter.widget-view+json" not in html
    assert not re.search(r"<script[^>]+src=['\"]https?://", html), "the site loads no script from the web"


def test_the_lesson_has_launch_links_to_jupyterlite_and_binder(site):
    html = (site / "notebooks" / f"{LESSON}.html").read_text(encoding="utf-8")
    assert f"href='../lite/lab/index.html?path=notebooks/{LESSON}.ipynb'" in html
    binder = f"https://mybinder.org/v2/gh/example-org/pm-course/HEAD?urlpath=lab/tree/notebooks/{LESSON}.ipynb"
    assert f"href='{binder}'" in html
    # its link to the exercise opens the exercise in JupyterLite too
    assert f'href="../lite/lab/index.html?path=exercises/{LESSON}/{LESSON}_exercise.ipynb"' in html


def test_the_glossary_case_study_and_search_are_there(site):
    glossary = (site / "docs" / "glossary.html").read_text(encoding="utf-8")
    assert 'id="aa-test"' in glossary
    assert (site / "docs" / "case_study.html").is_file()
    index = (site / "searchindex.js").read_text(encoding="utf-8")
    assert "shiftbrew" in index.lower()
    lesson = (site / "notebooks" / f"{LESSON}.html").read_text(encoding="utf-8")
    assert 'href="../docs/glossary.html#' in lesson, "the lesson's glossary links lead to the glossary page"
    assert (site / "index.html").read_text(encoding="utf-8").count("site/index.html") >= 1
