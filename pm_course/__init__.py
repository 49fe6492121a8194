"""PM Course: an interactive product management course in Jupyter.

``import pm_course`` is cheap: it loads only the check engine. Widgets and
plots import ipywidgets and matplotlib when they are first used.

Inside Jupyter, a bad argument to a course function (``InputError`` /
``InputTypeError``) and a failed grading cell (``GradeFailed``) are shown as
their message alone, without a traceback; they still count as errors for
nbgrader and nbval.
"""

from __future__ import annotations

import sys

from .core.validate import GradeFailed, InputError, InputTypeError

__version__ = "0.1.0"
__all__ = ["InputError", "InputTypeError", "__version__"]


def _friendly_errors() -> None:
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None or not hasattr(shell, "set_custom_exc"):
        return
    ours = (InputError, InputTypeError, GradeFailed)
    if shell.custom_exceptions and set(shell.custom_exceptions) - set(ours):
        return  # someone else's handler is installed: leave it alone

    def show(self, etype, value, tb, tb_offset=None):
        if issubclass(etype, GradeFailed):
            head = "Not passed yet (this is the grading cell; check your answer in the cell above)"
        elif issubclass(etype, TypeError):
            head = f"{etype.__name__} (wrong type)"
        else:
            head = f"{etype.__name__} (value not accepted)"
        stb = [f"\x1b[1;31m{head}\x1b[0m: {value}"]
        self._showtraceback(etype, value, stb)  # still an 'error' output: cells fail as they should

    shell.set_custom_exc(ours, show)


_friendly_errors()
