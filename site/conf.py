"""Sphinx configuration of the course's static website (``make site``; docs/site.md says more).

The lessons (notebooks/*.ipynb), executed when the site is built so every plot is there, with the
glossary and the case study, Sphinx's own search, and on each lesson links that open it in JupyterLite
or on Binder. Built with ``sphinx-build -c site . _build/site`` from the repository's root (the Makefile
does it), so the links between lessons, glossary and case study are the same relative links as in Jupyter.

Why Sphinx with myst-nb, not Jupyter Book 2 (MyST): myst-nb and Sphinx install from PyPI alone, as
pinned wheels in requirements-site.lock, and build offline; Jupyter Book 2 runs on the mystmd engine, a
Node.js program that fetches its theme from the web at build time. Both projects are maintained by the
Executable Books community; Sphinx's search index and its plain HTML theme need no server either.
"""

from __future__ import annotations

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))

project = "PM Course"
author = "PM Course contributors"
copyright = "PM Course contributors; text CC BY 4.0, code MIT"

extensions = ["myst_nb"]
root_doc = "site/index"
# Only these are pages of the site (the source directory is the repository's root).
include_patterns = ["site/index.md", "notebooks/*.ipynb", "docs/glossary.md", "docs/case_study.md"]
exclude_patterns = ["_build", ".venv", "**/.ipynb_checkpoints"]

# MyST: the glossary's anchors are <a id=...> tags and heading slugs, as on GitHub and in JupyterLab.
myst_heading_anchors = 3
myst_enable_extensions = ["html_image"]  # no dollarmath: the lessons write prices with $
suppress_warnings = ["myst.header"]  # the glossary's terms are H3 under its H1, as it reads best on GitHub

# Every lesson runs when the site is built (its plots are drawn then); a cell that fails stops the build.
nb_execution_mode = os.environ.get("PM_COURSE_SITE_EXECUTE", "force")
nb_execution_timeout = 300
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_merge_streams = True
# Widgets cannot run on a static page (and their scripts would come from the web): each course widget's
# output also holds a static figure with alt text (text/html), which is what the site shows.
nb_mime_priority_overrides = [("html", "application/vnd.jupyter.widget-view+json", None)]
nb_ipywidgets_js = {}

html_theme = "alabaster"
html_title = "PM Course"
html_static_path: list[str] = []
html_copy_source = False
html_show_sourcelink = False
html_theme_options = {"show_relbars": True}
html_sidebars = {"**": ["about.html", "navigation.html", "relations.html", "searchbox.html"]}

# The images myst-nb writes for plot outputs get the alt text the course's figures carry in their output
# metadata (pm_course.ui: every figure displayed in a notebook has it); myst-nb itself reads only width and
# height there. tests/test_site_build.py fails if any image of a built lesson has no alt text.
from myst_nb.core.render import NbElementRenderer  # noqa: E402

_render_image = NbElementRenderer.render_image


def _render_image_with_alt(self, data):
    nodes = _render_image(self, data)
    alt = (data.output_metadata.get(data.mime_type) or {}).get("alt")
    for node in nodes:
        if alt and not node.get("alt"):
            node["alt"] = str(alt)
    return nodes


NbElementRenderer.render_image = _render_image_with_alt


# ---------------------------------------------------------------- launch links


def _repo_url() -> str:
    """The GitHub repository for Binder: $PM_COURSE_REPO_URL, else the git remote "origin" ("" if neither)."""
    url = os.environ.get("PM_COURSE_REPO_URL", "").strip()
    if url:
        return url
    try:
        return subprocess.run(["git", "remote", "get-url", "origin"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def _binder(path: str) -> str:
    from binder_link import binder_url

    try:
        return binder_url(_repo_url(), path=path)
    except ValueError:
        return ""


def launch_links(pagename: str) -> str:
    """The launch bar of a lesson page: JupyterLite (served beside the site, in lite/) and Binder."""
    path = pagename + ".ipynb"
    lite = _lite_url(pagename, path)
    links = [f"<a class='pm-launch pm-lite' href='{lite}'>Open in the browser (JupyterLite)</a>"]
    binder = _binder(path)
    if binder:
        links.append(f"<a class='pm-launch pm-binder' href='{binder}'>Open on Binder</a>")
    return ("<nav class='pm-launch-bar' aria-label='Run this lesson'>"
            "<span>Run this lesson and try its widgets: </span>" + " · ".join(links) + "</nav>")


def _add_launch_links(app, pagename, templatename, context, doctree):
    if not pagename.startswith("notebooks/") or "body" not in context:
        return
    context["body"] = launch_links(pagename) + context["body"]


def _lite_url(docname: str, path: str) -> str:
    return "../" * docname.count("/") + f"lite/lab/index.html?path={path}"


def _exercise_links(app, doctree):
    """A lesson's links to its exercise (exercises/NN/NN_exercise.ipynb, not a page of the site) open it in JupyterLite."""
    from docutils import nodes
    from sphinx import addnodes

    docname = app.env.docname
    for ref in list(doctree.findall(addnodes.pending_xref)):
        target = ref.get("reftarget", "")
        if ref.get("reftype") == "myst" and target.startswith("exercises/"):
            link = nodes.reference("", "", *[c.deepcopy() for c in ref.children],
                                   refuri=_lite_url(docname, target + ".ipynb"), internal=False)
            ref.replace_self(link)


def _redirect_root(app, exception):
    """The site's address opens the course's index (its page is site/index.html)."""
    if exception is None and app.builder.format == "html":
        with open(os.path.join(app.outdir, "index.html"), "w", encoding="utf-8") as f:
            f.write("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>PM Course</title>"
                    "<meta http-equiv='refresh' content='0; url=site/index.html'></head>"
                    "<body><a href='site/index.html'>PM Course</a></body></html>")


def setup(app):
    if not _binder("notebooks/00_welcome.ipynb"):
        print("[pm-course] no GitHub repository known (git remote origin or PM_COURSE_REPO_URL): "
              "the lessons get no Binder link; e.g. make site REPO_URL=https://github.com/OWNER/REPO",
              file=sys.stderr)
    app.connect("html-page-context", _add_launch_links)
    app.connect("doctree-read", _exercise_links)
    app.connect("build-finished", _redirect_root)
