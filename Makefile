# PM Course. On a fresh machine with python3 and make:
#   make lab    runs the course (JupyterLab at the welcome notebook)
#   make test   runs the whole test suite
# Everything else bootstraps itself: .venv is made on first use from requirements.lock.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMP  := $(VENV)/.installed
# The course's own JupyterLab settings (news and update prompts off, instructor tools hidden) live in
# .jupyter/; they are installed into .venv as defaults, so what a learner changes in the interface
# goes to .jupyter/lab/learner-settings/ (ignored by git), never into the tracked files.
export JUPYTERLAB_SETTINGS_DIR := $(CURDIR)/.jupyter/lab/learner-settings
export JUPYTER_CONFIG_DIR      := $(CURDIR)/.jupyter
export PATH := $(CURDIR)/$(BIN):$(PATH)
PORT ?= 8888
WORKERS ?= 2

.PHONY: grading-setup site site-check
.PHONY: lite
.PHONY: help lab lab-instructor progress binder-link lint doctest new-module test test-fast test-notebooks test-nbgrader test-browser bench release \
        data lock screenshots clean-notebooks clean venv

help:
	@echo "make lab             run the course in JupyterLab (opens the welcome notebook)"
	@echo "make test            run every test (lint and types, doctests, unit, property, notebooks, nbgrader round trip)"
	@echo "make lint            ruff and mypy (configured in pyproject.toml)"
	@echo "make new-module NN=06 SLUG=data_and_launch PKG=launch   lay out a new module from the reference pattern"
	@echo "make lab-instructor  JupyterLab with nbgrader's instructor tools switched on"
	@echo "make release         regenerate exercises/ from solutions/ with nbgrader"
	@echo "make test-browser    drive a real JupyterLab in headless Chromium"
	@echo "make lite            build the course as a JupyterLite site in _build/lite (runs in the browser, no install)"
	@echo "make bench           print the speed budgets (import, check, notebooks, grading)"
	@echo "make progress        print your progress (the same as .venv/bin/pm-course progress)"
	@echo "make binder-link     print the Binder badge for this clone's GitHub remote (origin)"
	@echo "make grading-setup   install bubblewrap, the sandbox pm-course autograde uses (instructors)"
	@echo "make site            the lessons as a static website in _build/site (REPO_URL=... for the Binder links)"
	@echo "make site-check      build the site and check every image on it has alt text"

venv: $(STAMP)

# tools/setup_env.py checks the Python version first, then makes .venv and installs the exact versions of a
# lock, printing a line every few seconds. `make lab` installs what a learner needs (requirements-lab.lock:
# the course's packages and JupyterLab); the test, grading and instructor targets install everything
# (requirements.lock, which holds the same versions and adds nbgrader and the test tools).
# The course's JupyterLab settings are installed as the .venv's defaults: a changed setting reinstalls them.
LAB_SETTINGS := $(wildcard .jupyter/lab/user-settings/@jupyterlab/*/*.jupyterlab-settings)
ALL_STAMP := $(VENV)/.installed-all

$(STAMP): requirements-lab.lock pyproject.toml tools/setup_env.py tools/apply_lab_settings.py .jupyter/ipython_kernel_config.json $(LAB_SETTINGS)
	@$(PYTHON) tools/setup_env.py lab
	@$(PY) tools/apply_lab_settings.py --defaults-only --prefix $(VENV) >/dev/null
	@touch $(STAMP)

$(ALL_STAMP): $(STAMP) requirements.lock
	@$(PYTHON) tools/setup_env.py all
	@touch $(ALL_STAMP)

# `make lite`: the course as a JupyterLite site in _build/lite (static files; Python runs in the browser).
# requirements-lite.lock adds the site builder at the versions of requirements.lock (docs/workshops.md).
LITE_STAMP := $(VENV)/.installed-lite
$(LITE_STAMP): $(STAMP) requirements-lite.lock
	@$(PYTHON) tools/setup_env.py lite
	@touch $(LITE_STAMP)

lite: $(LITE_STAMP)
	$(PY) tools/build_lite.py --output _build/lite

# Pyodide (the npm package, pinned in package-lock.json) for tests/test_pyodide.py; `make test` installs it.
PYODIDE := node_modules/pyodide/package.json
$(PYODIDE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $(PYODIDE)

# The whole course folder is served (notebooks/ and exercises/); the browser opens the welcome notebook.
# compileall first: after a `git pull` the course's bytecode is brought up to date once, here, rather than
# the source recompiled at every kernel start wherever PYTHONDONTWRITEBYTECODE is set (quick when current).
# The server logs warnings only: what a learner needs is the address it prints (with its token), and the
# browser it opens where there is one (--no-browser where there is none, instead of a warning).
lab: $(STAMP)
	@$(PY) -m compileall -q pm_course >/dev/null
	@echo "[pm-course] starting JupyterLab; it opens the welcome notebook (stop it with Ctrl+C twice)"
	@$(BIN)/jupyter lab --ip=127.0.0.1 --port=$(PORT) $$([ "$$(id -u)" = 0 ] && echo --allow-root) \
	  $$($(PY) -c 'import webbrowser; webbrowser.get()' >/dev/null 2>&1 || echo --no-browser) \
	  --ServerApp.log_level=WARN --LabApp.log_level=WARN \
	  --ServerApp.root_dir=$(CURDIR) --LabApp.default_url=/lab/tree/notebooks/00_welcome.ipynb

# The same course with nbgrader's instructor tools (formgrader, Create Assignment, course list) switched on.
lab-instructor: $(ALL_STAMP)
	JUPYTER_CONFIG_DIR=$(CURDIR)/.jupyter/instructor JUPYTERLAB_WORKSPACES_DIR=$(CURDIR)/.jupyter/lab/workspaces \
	  $(BIN)/jupyter lab --ip=127.0.0.1 --port=$(PORT) $$([ "$$(id -u)" = 0 ] && echo --allow-root) \
	  --ServerApp.root_dir=$(CURDIR) --LabApp.default_url=/lab/tree/notebooks/00_welcome.ipynb

# The lessons as a static website (docs/site.md): Sphinx with myst-nb, from requirements-site.lock, offline.
# Every lesson runs while the site is built (progress goes to a throw-away folder, not the learner's), with
# matplotlib's notebook backend whatever MPLBACKEND the shell has, so every figure becomes an image.
# REPO_URL names the GitHub repository for the Binder links (default: the git remote "origin").
SITE_STAMP := $(VENV)/.installed-site
SITE_OUT ?= _build/site
REPO_URL ?=
$(SITE_STAMP): requirements-site.lock pyproject.toml tools/setup_env.py
	@$(PYTHON) tools/setup_env.py site
	@touch $(SITE_STAMP)

site: $(SITE_STAMP)
	@start=$$(date +%s); home=$$(mktemp -d); \
	  PM_COURSE_HOME=$$home PM_COURSE_REPO_URL=$(REPO_URL) MPLBACKEND=module://matplotlib_inline.backend_inline \
	  $(BIN)/sphinx-build -q -c site . $(SITE_OUT); rc=$$?; rm -rf $$home; [ $$rc = 0 ] || exit $$rc; \
	  echo "[pm-course] site built in $$(( $$(date +%s) - start )) s: open $(SITE_OUT)/index.html"

# The whole site built, then every image on it checked for alt text (CI runs this).
site-check: site
	$(PY) tools/site_check.py $(SITE_OUT)

# The pm-course command lives in .venv: `.venv/bin/pm-course progress` from any shell, or this target.
progress: $(STAMP)
	$(BIN)/pm-course progress

# The Binder badge, derived from the git remote "origin" (any GitHub URL: https or ssh).
binder-link:
	@$(PYTHON) tools/binder_link.py

lint: $(ALL_STAMP)
	$(BIN)/ruff check pm_course tests tools
	$(BIN)/mypy

# Lay out a new module from the reference pattern: make new-module NN=06 SLUG=data_launch PKG=launch
new-module: $(ALL_STAMP)
	@test -n "$(NN)" -a -n "$(SLUG)" -a -n "$(PKG)" || { echo "usage: make new-module NN=06 SLUG=data_launch PKG=launch"; exit 2; }
	$(PY) tools/new_module.py $(NN) $(SLUG) $(PKG) $(if $(TITLE),--title "$(TITLE)")

doctest: $(ALL_STAMP)
	PM_COURSE_GRADE_STRICT=1 $(BIN)/pytest -q --doctest-modules pm_course

test: lint doctest $(PYODIDE)
	PM_COURSE_GRADE_STRICT=1 $(BIN)/pytest -n $(WORKERS) --dist loadscope -m "not browser" tests notebooks solutions \
	  --nbval-lax --nbval-current-env

test-fast: $(ALL_STAMP) $(PYODIDE)
	$(BIN)/pytest -q -m "not browser" tests

test-notebooks: $(ALL_STAMP)
	PM_COURSE_GRADE_STRICT=1 $(BIN)/pytest -n $(WORKERS) --nbval-lax --nbval-current-env notebooks solutions

test-nbgrader: $(ALL_STAMP)
	$(BIN)/pytest -q tests/test_nbgrader_roundtrip.py

test-browser: $(ALL_STAMP) lite
	$(PY) tools/browser_setup.py
	$(BIN)/pytest -m browser tests/browser

screenshots: $(ALL_STAMP)
	$(PY) tools/browser_setup.py
	PM_COURSE_SCREENSHOTS=$(CURDIR)/docs/screenshots $(BIN)/pytest -m browser \
	  tests/browser/test_lessons.py -k lesson_runs_clean

bench: $(ALL_STAMP)
	$(PY) tools/bench.py --write

# The grading sandbox (pm-course autograde) is bubblewrap: installed with apt-get (root or passwordless sudo).
grading-setup:
	$(PYTHON) tools/browser_setup.py --only-grading

release: $(ALL_STAMP)
	$(PY) tools/release.py

data: $(ALL_STAMP)
	$(PY) tools/make_case_data.py

# requirements.lock pins everything; requirements-lab.lock is the learner's part of it, requirements-site.lock
# what `make site` needs, both at the same versions
# (uv keeps the versions already in an output file; tests/test_repo.py and tests/test_site.py check they agree).
lock:
	$(BIN)/uv pip compile pyproject.toml --extra lab --extra instructor --extra test --extra lite --extra site --python-version 3.11 -o requirements.lock
	cp requirements.lock requirements-lab.lock
	$(BIN)/uv pip compile pyproject.toml --extra lab --python-version 3.11 -o requirements-lab.lock
	cp requirements.lock requirements-lite.lock
	$(BIN)/uv pip compile pyproject.toml --extra lite --python-version 3.11 -o requirements-lite.lock
	cp requirements.lock requirements-site.lock
	$(BIN)/uv pip compile pyproject.toml --extra site --python-version 3.11 -o requirements-site.lock

clean-notebooks: $(STAMP)
	$(PY) tools/clean_notebooks.py

clean:
	rm -rf $(VENV) gradebook.db submitted autograded feedback .pytest_cache
