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

.PHONY: grading-setup
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
	@echo "make bench           print the speed budgets (import, check, notebooks, grading)"
	@echo "make progress        print your progress (the same as .venv/bin/pm-course progress)"
	@echo "make binder-link     print the Binder badge for this clone's GitHub remote (origin)"
	@echo "make grading-setup   install bubblewrap, the sandbox pm-course autograde uses (instructors)"

venv: $(STAMP)

# Packages are installed with their bytecode compiled (--compile-bytecode), so the first JupyterLab,
# kernel and widget start fast even where PYTHONDONTWRITEBYTECODE is set or site-packages is read-only.

# The course's JupyterLab settings are installed as the .venv's defaults: a changed setting reinstalls them.
LAB_SETTINGS := $(wildcard .jupyter/lab/user-settings/@jupyterlab/*/*.jupyterlab-settings)

$(STAMP): requirements.lock pyproject.toml tools/apply_lab_settings.py $(LAB_SETTINGS)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check uv
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(PY) -r requirements.lock
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(PY) --no-deps -e .
	@$(PY) -m compileall -q pm_course >/dev/null
	@$(PY) tools/apply_lab_settings.py --defaults-only --prefix $(VENV) >/dev/null
	@touch $(STAMP)

# The whole course folder is served (notebooks/ and exercises/); the browser opens the welcome notebook.
# compileall first: after a `git pull` the course's bytecode is brought up to date once, here, rather than
# the source recompiled at every kernel start wherever PYTHONDONTWRITEBYTECODE is set (quick when current).
lab: $(STAMP)
	@$(PY) -m compileall -q pm_course >/dev/null
	$(BIN)/jupyter lab --ip=127.0.0.1 --port=$(PORT) $$([ "$$(id -u)" = 0 ] && echo --allow-root) \
	  --ServerApp.root_dir=$(CURDIR) --LabApp.default_url=/lab/tree/notebooks/00_welcome.ipynb

# The same course with nbgrader's instructor tools (formgrader, Create Assignment, course list) switched on.
lab-instructor: $(STAMP)
	JUPYTER_CONFIG_DIR=$(CURDIR)/.jupyter/instructor JUPYTERLAB_WORKSPACES_DIR=$(CURDIR)/.jupyter/lab/workspaces \
	  $(BIN)/jupyter lab --ip=127.0.0.1 --port=$(PORT) $$([ "$$(id -u)" = 0 ] && echo --allow-root) \
	  --ServerApp.root_dir=$(CURDIR) --LabApp.default_url=/lab/tree/notebooks/00_welcome.ipynb

# The pm-course command lives in .venv: `.venv/bin/pm-course progress` from any shell, or this target.
progress: $(STAMP)
	$(BIN)/pm-course progress

# The Binder badge, derived from the git remote "origin" (any GitHub URL: https or ssh).
binder-link:
	@$(PYTHON) tools/binder_link.py

lint: $(STAMP)
	$(BIN)/ruff check pm_course tests tools
	$(BIN)/mypy

# Lay out a new module from the reference pattern: make new-module NN=06 SLUG=data_launch PKG=launch
new-module: $(STAMP)
	@test -n "$(NN)" -a -n "$(SLUG)" -a -n "$(PKG)" || { echo "usage: make new-module NN=06 SLUG=data_launch PKG=launch"; exit 2; }
	$(PY) tools/new_module.py $(NN) $(SLUG) $(PKG) $(if $(TITLE),--title "$(TITLE)")

doctest: $(STAMP)
	PM_COURSE_GRADE_STRICT=1 $(BIN)/pytest -q --doctest-modules pm_course

test: lint doctest
	PM_COURSE_GRADE_STRICT=1 $(BIN)/pytest -n $(WORKERS) --dist loadscope -m "not browser" tests notebooks solutions \
	  --nbval-lax --nbval-current-env

test-fast: $(STAMP)
	$(BIN)/pytest -q -m "not browser" tests

test-notebooks: $(STAMP)
	PM_COURSE_GRADE_STRICT=1 $(BIN)/pytest -n $(WORKERS) --nbval-lax --nbval-current-env notebooks solutions

test-nbgrader: $(STAMP)
	$(BIN)/pytest -q tests/test_nbgrader_roundtrip.py

test-browser: $(STAMP)
	$(PY) tools/browser_setup.py
	$(BIN)/pytest -m browser tests/browser

screenshots: $(STAMP)
	$(PY) tools/browser_setup.py
	PM_COURSE_SCREENSHOTS=$(CURDIR)/docs/screenshots $(BIN)/pytest -m browser \
	  tests/browser/test_lessons.py -k lesson_runs_clean

bench: $(STAMP)
	$(PY) tools/bench.py --write

# The grading sandbox (pm-course autograde) is bubblewrap: installed with apt-get (root or passwordless sudo).
grading-setup:
	$(PYTHON) tools/browser_setup.py --only-grading

release: $(STAMP)
	$(PY) tools/release.py

data: $(STAMP)
	$(PY) tools/make_case_data.py

lock:
	$(BIN)/uv pip compile pyproject.toml --extra test --python-version 3.11 -o requirements.lock

clean-notebooks: $(STAMP)
	$(PY) tools/clean_notebooks.py

clean:
	rm -rf $(VENV) gradebook.db submitted autograded feedback .pytest_cache
