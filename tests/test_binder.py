"""Binder (repo2docker) gets the course's environment: the lock's versions, Python 3.11, postBuild.

conda-forge cannot be reached from the test machine, so the pins live in the
pip section of environment.yml (installed from PyPI, like the lock); these tests
check them against requirements.lock, and ask repo2docker itself (without
building an image) which build pack it picks.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def lock_versions() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)", line)
        if m:
            pins[canonical(m.group(1))] = m.group(2)
    return pins


def environment() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))


def pip_pins(env: dict) -> dict[str, str]:
    pip_sections = [d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d]
    assert len(pip_sections) == 1, "environment.yml needs exactly one pip section"
    pins = {}
    for spec in pip_sections[0]:
        m = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", spec.strip())
        assert m, f"environment.yml: {spec!r} is not pinned with =="
        pins[canonical(m.group(1))] = m.group(2)
    return pins


def test_environment_pins_the_lock_versions():
    lock = lock_versions()
    pins = pip_pins(environment())
    wrong = {name: (ver, lock.get(name)) for name, ver in pins.items() if lock.get(name) != ver}
    assert not wrong, f"environment.yml pins differ from requirements.lock (env, lock): {wrong}"


def test_environment_has_every_course_dependency():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    needed = {canonical(re.split(r"[\s<>=!~;\[]", d, maxsplit=1)[0]) for d in project["dependencies"]}
    missing = needed - set(pip_pins(environment()))
    assert not missing, f"environment.yml lacks {sorted(missing)} (run python tools/sync_environment.py)"


def test_environment_is_what_the_sync_tool_writes():
    """Every package the runtime dependencies pull in, no more: regenerate after `make lock`."""
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "sync_environment.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_environment_channels_and_python():
    env = environment()
    assert env["channels"] == ["conda-forge", "nodefaults"]
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    assert "python=3.11" in conda
    assert "pip" in conda


def test_postbuild_installs_the_course_and_its_settings():
    post = ROOT / "postBuild"
    assert os.access(post, os.X_OK), "postBuild must be executable"
    text = post.read_text(encoding="utf-8")
    assert text.startswith("#!/bin/bash") and "set -euo pipefail" in text
    assert re.search(r"pip install .*--no-deps.* \.$", text, re.M), "postBuild must install the repository itself"
    assert "tools/apply_lab_settings.py" in text


def test_apply_lab_settings_writes_an_environment_that_hides_instructor_tools(tmp_path):
    """What postBuild does, into a scratch prefix; then JupyterLab's own config loader reads it."""
    prefix = tmp_path / "env"
    etc = prefix / "etc" / "jupyter"
    # the environment as nbgrader leaves it: its server extensions switched on
    (etc / "jupyter_server_config.d").mkdir(parents=True)
    (etc / "jupyter_server_config.d" / "nbgrader.json").write_text(
        '{"ServerApp": {"jpserver_extensions": {"nbgrader.server_extensions.formgrader": true, '
        '"nbgrader.server_extensions.assignment_list": true}}}', encoding="utf-8")
    subprocess.run([sys.executable, str(ROOT / "tools" / "apply_lab_settings.py"), "--prefix", str(prefix)],
                   check=True, capture_output=True)
    probe = (
        "import json\n"
        "from jupyter_server.serverapp import ServerApp\n"
        "from jupyterlab_server.config import get_static_page_config\n"
        "app = ServerApp()\n"
        "app.load_config_file()\n"
        "app.find_server_extensions()\n"
        "exts = {k: v for k, v in app.jpserver_extensions.items() if 'nbgrader' in k or 'pm_course' in k}\n"
        "print(json.dumps({'extensions': exts, 'page': get_static_page_config(level='all')}))\n"
    )
    empty = tmp_path / "user-config"
    empty.mkdir()
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(empty), JUPYTER_CONFIG_PATH=str(etc))
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    nbgrader = {k: v for k, v in seen["extensions"].items() if "nbgrader" in k}
    assert nbgrader and not any(nbgrader.values()), seen
    assert seen["extensions"]["pm_course.warm_start"] is True, seen  # the welcome's kernel starts with the server
    assert seen["page"]["disabledExtensions"].get("@jupyter/nbgrader") is True
    overrides = json.loads((prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json").read_text())
    assert overrides["@jupyterlab/apputils-extension:notification"] == {"fetchNews": "false", "checkForUpdates": False}


def test_repo2docker_detects_conda_with_postbuild(tmp_path):
    """repo2docker (from PyPI), without building: the conda build pack, Python 3.11, environment.yml, postBuild."""
    exe = shutil.which("jupyter-repo2docker", path=str(Path(sys.executable).parent)) or shutil.which("jupyter-repo2docker")
    assert exe, "jupyter-repo2docker is not installed (it is in requirements.lock)"
    # repo2docker sees what a clone has: the files git would carry, not .venv or test output
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in ("environment.yml", "postBuild", "pyproject.toml", "requirements.lock", "README.md", "Makefile"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, repo / name)
    for folder in ("pm_course", "tools", ".jupyter"):
        shutil.copytree(ROOT / folder, repo / folder, ignore=shutil.ignore_patterns("__pycache__", "workspaces"))
    result = subprocess.run([exe, "--no-build", "--debug", str(repo)], capture_output=True, text=True, timeout=300)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-3000:]
    assert "Building conda environment for python=3.11" in log, log[-3000:]
    assert re.search(r'env update -p \$\{NB_PYTHON_PREFIX\} --file "environment.yml"', log), log[-3000:]
    assert "RUN ./postBuild" in log, log[-3000:]


def test_learner_and_instructor_page_configs_differ_on_nbgrader():
    """nbgrader's menus for the instructor only; the JupyterLite kernel (installed for `make lite`) in neither
    lab, where it cannot load (it needs JupyterLite's own services)."""
    learner = json.loads((ROOT / ".jupyter" / "labconfig" / "page_config.json").read_text())
    instructor = json.loads((ROOT / ".jupyter" / "instructor" / "labconfig" / "page_config.json").read_text())
    lite = "@jupyterlite/pyodide-kernel-extension"
    assert learner["disabledExtensions"] == {"@jupyter/nbgrader": True, lite: True}
    assert instructor["disabledExtensions"] == {"@jupyter/nbgrader": False, lite: True}


#: The learner's kernel culling (docs/workshops.md, "Kernels that nobody uses"): seconds, and what is spared.
CULLING = {"cull_idle_timeout": 1200, "cull_interval": 120, "cull_connected": False, "cull_busy": False}

_KERNEL_PROBE = (
    "import json\n"
    "from jupyter_server.serverapp import ServerApp\n"
    "app = ServerApp()\n"
    "app.load_config_file()\n"
    "from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager\n"
    "km = AsyncMappingKernelManager(config=app.config)  # the server's kernel manager (no gateway)\n"
    "print(json.dumps({k: getattr(km, k) for k in %r}))\n"
)


def _kernel_settings(env: dict) -> dict:
    out = subprocess.run([sys.executable, "-c", _KERNEL_PROBE % (list(CULLING),)], env=env, capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_make_lab_culls_kernels_nobody_uses(tmp_path):
    """``make lab`` (JUPYTER_CONFIG_DIR=.jupyter): a kernel whose notebook was closed goes after 20 idle minutes;
    a notebook still open, or a kernel still running a cell, is never culled."""
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(ROOT / ".jupyter"), JUPYTER_CONFIG_PATH=str(tmp_path))
    assert _kernel_settings(env) == CULLING


def test_binder_culls_kernels_nobody_uses(tmp_path):
    """What postBuild writes into the environment gives Binder (and a hub) the same culling as ``make lab``."""
    prefix = tmp_path / "env"
    subprocess.run([sys.executable, str(ROOT / "tools" / "apply_lab_settings.py"), "--prefix", str(prefix)],
                   check=True, capture_output=True)
    empty = tmp_path / "user-config"
    empty.mkdir()
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(empty), JUPYTER_CONFIG_PATH=str(prefix / "etc" / "jupyter"))
    assert _kernel_settings(env) == CULLING
