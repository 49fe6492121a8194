"""A Jupyter server extension: the server-side work of the learner's first screen starts with the server.

``make lab`` starts the server and the browser together; JupyterLab's page then takes about 3.5 s
to load on the 2-core reference machine, and all that time the server has nothing to do. Two
things the first notebook needs are started then, in the background, instead of when it is shown:

1. **The kernel of the notebook JupyterLab opens first.** Without this, JupyterLab asks for the
   kernel once the notebook is shown, and the kernel needs about another second to be ready.
   JupyterLab finds the running session for the notebook's path and connects to it, as it does
   whenever a notebook whose kernel is running is opened again: the learner sees nothing
   different, only a kernel that has already booted. Which notebook: the one
   ``ServerApp.default_url`` names (``/lab/tree/<path>.ipynb``, what ``make lab`` passes), else
   :data:`WELCOME`; it has to exist under the server's root folder. Only at start-up: a kernel
   the learner shuts down stays down, and any other notebook starts its kernel as JupyterLab
   always does.
2. **The import of nbconvert.** JupyterLab asks the server for nbconvert's export formats as soon
   as a notebook is shown (for *File > Save and Export As*); the first answer imports nbconvert,
   about 1.5 s during which the server's event loop answers nothing else, so the notebook's
   session and kernel wait behind it. Imported in a thread at start-up, it is ready by then.

Enabled in ``.jupyter/jupyter_server_config.json`` (``make lab``; ``tools/apply_lab_settings.py``
copies it into the environment for Binder). ``PM_COURSE_WARM_START=0`` switches it off:
``tools/bench_lab.py`` does that for its bare-JupyterLab baseline.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import re
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from . import settings

WELCOME = "notebooks/00_welcome.ipynb"
_TREE = re.compile(r"^/lab(?:/workspaces/[^/]+)?/tree/(?P<path>.+\.ipynb)$")
_tasks: set[asyncio.Task[None]] = set()  # a reference to each running start, so it is not collected


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "pm_course.warm_start"}]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    """Nothing to set up before the event loop runs (the start is in :func:`_start_jupyter_server_extension`)."""


async def _start_jupyter_server_extension(serverapp: Any) -> None:
    """Called once the server's event loop runs: start the first notebook's kernel and nbconvert's import."""
    if not settings.read(settings.WARM_START):
        return
    path = first_notebook(getattr(serverapp, "default_url", ""), serverapp.root_dir)
    if path is not None:
        _background(start_session(serverapp, path))
    _background(import_in_thread(serverapp, "nbconvert.exporters"))


def _background(coro: Any) -> None:
    task = asyncio.ensure_future(coro)
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)


async def import_in_thread(serverapp: Any, module: str) -> None:
    """Import ``module`` in a worker thread (the event loop keeps answering); never raises."""
    try:
        await asyncio.to_thread(importlib.import_module, module)
    except Exception as err:  # the server imports it again when it is asked to, and reports it then
        serverapp.log.warning("pm_course: could not import %s early: %s", module, err)


def first_notebook(default_url: str, root_dir: str) -> str | None:
    """The API path (relative to ``root_dir``, ``/``-separated) of the notebook to start, if it exists.

    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp()); (root / "notebooks").mkdir()
    >>> _ = (root / "notebooks" / "00_welcome.ipynb").write_text("{}")
    >>> first_notebook("/lab/tree/notebooks/00_welcome.ipynb", str(root))
    'notebooks/00_welcome.ipynb'
    >>> first_notebook("/lab", str(root))             # no notebook in the URL: the welcome notebook
    'notebooks/00_welcome.ipynb'
    >>> first_notebook("/lab/tree/../secret.ipynb", str(root)) is None   # never outside the root
    True
    """
    match = _TREE.match(unquote(urlsplit(default_url or "").path))
    api_path = match.group("path") if match else WELCOME
    root = Path(root_dir).resolve()
    target = (root / api_path).resolve()
    if not target.is_relative_to(root) or not target.is_file():
        return None
    return target.relative_to(root).as_posix()


def kernel_name_of(notebook: Path) -> str | None:
    """The kernelspec name a notebook asks for, or None (the server's default kernel)."""
    try:
        meta = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {})
        name = meta.get("kernelspec", {}).get("name")
    except (OSError, ValueError, AttributeError):
        return None
    return name if isinstance(name, str) and name else None


async def start_session(serverapp: Any, path: str) -> None:
    """Create the session JupyterLab would create for ``path``, unless one exists; never raises."""
    sessions = serverapp.session_manager
    try:
        if await sessions.session_exists(path=path):
            return
        await sessions.create_session(path=path, name=PurePosixPath(path).name, type="notebook",
                                      kernel_name=kernel_name_of(Path(serverapp.root_dir) / path))
        serverapp.log.info("pm_course: started the kernel of %s with the server", path)
    except Exception as err:  # a kernel that cannot start here fails again, visibly, when JupyterLab asks
        serverapp.log.warning("pm_course: could not start the kernel of %s early: %s", path, err)
