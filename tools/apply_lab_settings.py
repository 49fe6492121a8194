"""Install the course's JupyterLab settings into a Python environment (Binder, JupyterHub images).

    python tools/apply_lab_settings.py                 # into sys.prefix (what postBuild runs)
    python tools/apply_lab_settings.py --prefix DIR    # into another environment prefix

Locally, ``make lab`` points JupyterLab at ``.jupyter/`` directly. An image built
by repo2docker starts JupyterLab without the Makefile, and a JupyterHub may mount
an empty home over the image's, so the same settings are copied into the
environment itself, where every JupyterLab started from it reads them:

- ``.jupyter/jupyter_server_config.json`` -> ``etc/jupyter/jupyter_server_config.d/zz-pm-course.json``
  (nbgrader's server extensions off, the course's ``pm_course.warm_start`` on, no news or update
  checks; the ``zz-`` name is read after
  ``nbgrader.json`` in the same folder, so it wins);
  the other settings of that file (idle kernels culled, see docs/workshops.md; LabApp) are also merged into
  ``etc/jupyter/jupyter_server_config.json``, since the server reads only extensions from a ``.d`` folder;
- ``.jupyter/labconfig/page_config.json`` -> merged into ``etc/jupyter/labconfig/page_config.json``
  (nbgrader's lab extension disabled);
- ``.jupyter/lab/user-settings/**/*.jupyterlab-settings`` -> merged into
  ``share/jupyter/lab/settings/overrides.json`` (the defaults every user starts with);
- ``.jupyter/ipython_kernel_config.json`` -> ``etc/ipython/ipython_kernel_config.json`` (kernels log errors
  only: their start-up warning that a kernel on this machine talks over TCP without encryption, which is
  how every local Jupyter kernel talks, alarmed newcomers in the terminal of ``make lab``).

An instructor switches the tools back on for their own session with
``JUPYTER_CONFIG_DIR=.jupyter/instructor jupyter lab`` (see docs/workshops.md):
the user config dir outranks the environment's.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = ROOT / ".jupyter"


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() and path.stat().st_size else {}


def _merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for key, value in extra.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path}")


def overrides_from_user_settings(folder: Path) -> dict:
    """``{plugin id: settings}`` from a JupyterLab user-settings folder (``@scope/ext/plugin.jupyterlab-settings``)."""
    found = {}
    for f in sorted(folder.rglob("*.jupyterlab-settings")):
        rel = f.relative_to(folder)
        extension = "/".join(rel.parts[:-1])
        found[f"{extension}:{f.stem}"] = json.loads(f.read_text(encoding="utf-8"))
    return found


def apply_defaults(prefix: Path, settings: Path = SETTINGS) -> None:
    """Only the interface defaults (overrides.json) and the kernels' log level: what ``make lab`` installs
    into .venv."""
    overrides = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    _write(overrides, _merge(_read(overrides), overrides_from_user_settings(settings / "lab" / "user-settings")))
    kernel = prefix / "etc" / "ipython" / "ipython_kernel_config.json"
    _write(kernel, _merge(_read(kernel), _read(settings / "ipython_kernel_config.json")))


def apply(prefix: Path, settings: Path = SETTINGS) -> None:
    etc = prefix / "etc" / "jupyter"
    server = _read(settings / "jupyter_server_config.json")
    _write(etc / "jupyter_server_config.d" / "zz-pm-course.json", server)
    # a .d folder gives the server only its extensions; every other setting (kernel culling, LabApp) is
    # read from the environment's jupyter_server_config.json, merged into what is there
    rest = {k: v for k, v in server.items() if k != "ServerApp"}
    config = etc / "jupyter_server_config.json"
    _write(config, _merge(_read(config), rest))
    page_config = etc / "labconfig" / "page_config.json"
    _write(page_config, _merge(_read(page_config), _read(settings / "labconfig" / "page_config.json")))
    apply_defaults(prefix, settings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prefix", type=Path, default=Path(sys.prefix), help="environment prefix (default: this one)")
    parser.add_argument("--defaults-only", action="store_true",
                        help="install only the interface defaults (overrides.json); what `make lab` does, since "
                        "it reads the server and page settings from .jupyter/ directly and an environment-wide "
                        "page config would outrank the instructor's")
    args = parser.parse_args(argv)
    (apply_defaults if args.defaults_only else apply)(args.prefix)
    return 0


if __name__ == "__main__":
    sys.exit(main())
