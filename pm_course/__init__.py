"""PM Course: an interactive product management course in Jupyter.

``import pm_course`` is cheap: it loads only the check engine. Widgets and
plots import ipywidgets and matplotlib when they are first used.

Inside Jupyter, a bad argument to a course function (``InputError`` /
``InputTypeError``) is shown as its message alone, without a traceback; it
still counts as an error for nbgrader and nbval.
"""

from __future__ import annotations

import sys

from .core.validate import InputError, InputTypeError

__version__ = "0.1.0"
__all__ = ["InputError", "InputTypeError", "__version__"]


def _friendly_errors() -> None:
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None or not hasattr(shell, "set_custom_exc"):
        return
    if shell.custom_exceptions and set(shell.custom_exceptions) - {InputError, InputTypeError}:
        return  # someone else's handler is installed: leave it alone

    def show(self, etype, value, tb, tb_offset=None):
        kind = "wrong type" if issubclass(etype, TypeError) else "value not accepted"
        stb = [f"\x1b[1;31m{etype.__name__}\x1b[0m ({kind}): {value}"]
        self._showtraceback(etype, value, stb)  # still an 'error' output: cells fail as they should

    shell.set_custom_exc((InputError, InputTypeError), show)


_friendly_errors()
