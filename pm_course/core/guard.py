"""What a graded answer cell may do: a static scan of a learner's code (pure logic).

nbgrader scores a test cell by its output: an error means no points, anything
else full points. Code in a learner's cell runs in the same kernel before the
tests, so it could try to fool them: swallow the tests' errors
(``get_ipython().set_custom_exc``), replace ``q1.grade``, patch the check engine,
or end the kernel. The exercises need none of that: answers are values and
small functions built from the course's own helpers.

So, before autograding, every cell a learner can edit is scanned. Code that
reaches for the machinery is not run; instead the cell raises an error that
names what was found, the tests that depend on it fail, and the instructor
sees why in the feedback. The rules (all deliberate, none needed by any
exercise):

- imports only from :data:`ALLOWED_IMPORTS` (the standard library's maths and
  data helpers, numpy, pandas, matplotlib, and the course's public modules,
  never ``pm_course.core``);
- no names from :data:`FORBIDDEN_NAMES` (``exec``, ``eval``, ``getattr``,
  ``get_ipython``, ``__builtins__`` ...);
- no attribute whose name starts with an underscore (``__class__``,
  ``_evaluate`` ...);
- no assignment to an attribute named in :data:`PROTECTED_ATTRIBUTES`
  (``q1.grade = ...``);
- no IPython magics or shell commands (they turn into ``get_ipython()`` calls).

A scan that cannot parse the cell leaves it alone: a syntax error fails by itself.
Code nested too deeply for the parser (thousands of brackets or operators in a
row) is refused with that reason, never with a RecursionError or MemoryError.
"""

from __future__ import annotations

import ast

__all__ = ["scan", "ALLOWED_IMPORTS", "FORBIDDEN_NAMES", "PROTECTED_ATTRIBUTES"]

ALLOWED_IMPORTS = (
    "math", "statistics", "itertools", "functools", "collections", "fractions", "decimal", "random",
    "re", "string", "datetime", "dataclasses", "typing", "operator", "heapq", "bisect", "copy", "json",
    "numpy", "pandas", "matplotlib", "matplotlib.pyplot",
    "pm_course", "pm_course.data", "pm_course.ui",
)
ALLOWED_IMPORT_PREFIXES = ("pm_course.",)
BLOCKED_IMPORT_PREFIXES = ("pm_course.core", "pm_course.cli", "pm_course.progress")

FORBIDDEN_NAMES = frozenset({
    "exec", "eval", "compile", "__import__", "getattr", "setattr", "delattr", "globals", "locals", "vars",
    "open", "breakpoint", "input", "get_ipython", "__builtins__", "builtins", "sys", "os", "gc", "inspect",
    "ctypes", "importlib", "signal", "threading", "subprocess", "exit", "quit", "memoryview", "type",
    "object", "super", "classmethod", "staticmethod", "property",
})
PROTECTED_ATTRIBUTES = frozenset({
    "grade", "check", "hint", "solution", "checker", "answer", "wrong", "expected", "reference", "inputs",
    "verify", "conform", "same", "rules", "misconceptions", "points", "module", "id",
})


def _ipython_to_python(source: str) -> str:
    """Turn IPython syntax (magics, !shell) into the Python it runs, so the scan sees it."""
    try:
        from IPython.core.inputtransformer2 import TransformerManager
    except ImportError:  # pragma: no cover - IPython always comes with Jupyter
        return source
    return TransformerManager().transform_cell(source)


def _import_allowed(name: str) -> bool:
    if name.startswith(BLOCKED_IMPORT_PREFIXES):
        return False
    return name in ALLOWED_IMPORTS or name.startswith(ALLOWED_IMPORT_PREFIXES) or name.split(".")[0] in {
        "numpy", "pandas", "matplotlib"
    }


def scan(source: str) -> list[str]:
    """The reasons this code may not run in a graded exercise (an empty list: it may)."""
    if type(source) is not str:
        from .validate import InputTypeError, describe

        raise InputTypeError(f"source must be the code of a cell as text (str); got {describe(source)}.")
    try:
        tree = ast.parse(_ipython_to_python(source))
    except (SyntaxError, ValueError):
        return []
    except (RecursionError, MemoryError) as exc:  # e.g. 5,000 nested minus signs: refused, never a crash
        return [f"line 1: the code is nested too deeply to be checked ({type(exc).__name__} while reading it); "
                "write it as several shorter statements"]
    found: list[str] = []

    def add(node: ast.AST, what: str) -> None:
        line = getattr(node, "lineno", "?")
        msg = f"line {line}: {what}"
        if msg not in found:
            found.append(msg)

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if not _import_allowed(alias.name):
                    add(node, f"imports {alias.name}")
        elif isinstance(node, ast.ImportFrom):
            mod = "." * node.level + (node.module or "")
            if node.level or not _import_allowed(mod):
                add(node, f"imports from {mod}")
            for alias in node.names:
                if alias.name.startswith("_") or alias.name in FORBIDDEN_NAMES:
                    add(node, f"imports {alias.name}")
        elif isinstance(node, ast.Name) and node.id in FORBIDDEN_NAMES:
            add(node, f"uses {node.id}")
        elif isinstance(node, ast.Attribute):
            if node.attr.startswith("_"):
                add(node, f"uses the attribute {node.attr}")
            if isinstance(node.ctx, (ast.Store, ast.Del)) and node.attr in PROTECTED_ATTRIBUTES:
                add(node, f"changes .{node.attr}")
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            add(node, "declares global or nonlocal names")
        elif isinstance(node, ast.ClassDef):
            add(node, f"defines a class ({node.name})")
    return found
