"""The check engine, feedback rendering, input validation and progress store.

Pure Python: nothing here imports ipywidgets or matplotlib. Names are loaded on
first use (PEP 562), so ``import pm_course`` stays cheap.
"""

from importlib import import_module

_EXPORTS = {
    "Checker": "checkers", "Choice": "checkers", "Function": "checkers", "Incorrect": "checkers",
    "Mapping": "checkers", "Ordering": "checkers", "Rubric": "checkers", "Rule": "checkers", "SetOf": "checkers",
    "Letters": "checkers",
    "Value": "checkers", "WidgetState": "checkers", "Case": "checkers", "Feedback": "feedback", "Outcome": "feedback", "Misconception": "question",
    "Question": "question", "InputError": "validate", "InputTypeError": "validate",
    "MalformedAnswer": "validate", "NotAttempted": "validate", "conform": "validate",
    "WrittenAnswer": "written", "mentions": "written", "length": "written",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return __all__
