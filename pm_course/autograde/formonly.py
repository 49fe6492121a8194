"""The questions as the sandbox sees them: prompts, hints, points and answer shapes, and no answers.

On the grader's side, :func:`module_spec` reads a real ``questions`` module and
keeps what a learner may see: each question's prompt, hints, points and the
shape of its answer; each written answer's prompt and points; and the plain
data constants the exercise hands out (backlog items, pairs to classify ...).
Reference answers, wrong answers, misconceptions, solutions, model answers,
mark schemes and reference functions are left out. :func:`stub_source` turns
that into the source of a module that stands in for ``questions.py`` inside the
sandbox, where :func:`materialise` rebuilds it. There, ``check()`` confirms
the form of an answer only; the verdict is computed outside.
"""

from __future__ import annotations

import json
import types
import typing
from typing import Any

from ..core.feedback import HINT, INFO, INVALID, NOT_ATTEMPTED, Feedback
from ..core.validate import MalformedAnswer, NotAttempted, conform
from . import plain

__all__ = ["module_spec", "stub_source", "materialise", "FormOnlyQuestion", "FormOnlyWritten"]

_SHAPE_NAMES: dict[str, Any] = {
    "float": float, "int": int, "str": str, "bool": bool, "None": type(None), "function": types.FunctionType,
    "list": list, "set": set, "dict": dict, "tuple": tuple, "frozenset": frozenset, "plain": None, "Ellipsis": Ellipsis,
}


def shape_to_text(shape: Any) -> str:
    """``list[str | None]`` -> "list[str | None]"; unknown shapes become "plain" (any plain data)."""
    if shape is None:
        return "plain"
    if shape is type(None):
        return "None"
    if shape is Ellipsis:
        return "Ellipsis"
    if shape in (float, int, str, bool):
        return shape.__name__
    if shape is types.FunctionType:
        return "function"
    origin, args = typing.get_origin(shape), typing.get_args(shape)
    if origin in (typing.Union, types.UnionType):
        return " | ".join(shape_to_text(a) for a in args)
    if origin in (list, set, dict, tuple, frozenset):
        return f"{origin.__name__}[{', '.join(shape_to_text(a) for a in args)}]"
    return "plain"


def text_to_shape(text: str) -> Any:
    """The inverse of :func:`shape_to_text` (the text comes from the grader, never from a learner)."""
    if text == "plain":
        return None
    code = compile(text, "<shape>", "eval")
    for name in code.co_names:
        if name not in _SHAPE_NAMES:
            raise ValueError(f"unknown shape name {name!r}")
    return eval(code, {"__builtins__": {}}, dict(_SHAPE_NAMES))  # noqa: S307 - names checked above


def _checker_shape(checker: Any) -> tuple[str, str]:
    """(shape text, attribute read from a widget answer or "")."""
    from ..capstone.sealed import WidgetForm
    from ..core.checkers import Choice, Mapping, WidgetState

    if isinstance(checker, (WidgetState, WidgetForm)):
        inner, _ = _checker_shape(checker.inner)
        return inner, checker.attr
    if isinstance(checker, Choice):
        return "str", ""
    if isinstance(checker, Mapping):
        return "dict[str, str]", ""
    return shape_to_text(getattr(checker, "shape", None)), ""


def handed_out(setup_sources: list[str]) -> dict[str, set[str]]:
    """The names each setup cell imports from a ``questions`` module: the constants an exercise hands out."""
    import ast

    out: dict[str, set[str]] = {}
    for src in setup_sources:
        try:
            tree = ast.parse(src)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.endswith(".questions"):
                out.setdefault(node.module, set()).update(a.name for a in node.names)
    return out


def module_spec(module: types.ModuleType, constants: set[str] | frozenset[str] = frozenset()) -> dict[str, Any]:
    """What of a questions module may be seen inside the sandbox (plain data, JSON-ready).

    Questions and written answers are kept without their answers; of the other
    names, only the plain-data ``constants`` the exercise's setup cell imports
    (:func:`handed_out`) are kept, so a module-level value that is an answer
    does not travel.
    """
    from ..capstone.questions import SealedQuestion
    from ..core.question import Question
    from ..core.written import WrittenAnswer

    names: dict[str, Any] = {}
    for name, value in vars(module).items():
        if name.startswith("_"):
            continue
        if isinstance(value, (Question, SealedQuestion)):
            shape, attr = _checker_shape(value.checker if isinstance(value, Question) else value.form)
            names[name] = {"kind": "question", "module": value.module, "id": value.id, "prompt": value.prompt,
                           "hints": list(value.hints), "points": value.points, "shape": shape, "attr": attr}
        elif isinstance(value, WrittenAnswer):
            names[name] = {"kind": "written", "module": value.module, "id": value.id, "prompt": value.prompt,
                           "points": value.points}
        elif isinstance(value, (list, tuple)) and value and all(
                isinstance(v, (Question, SealedQuestion, WrittenAnswer)) for v in value):
            names[name] = {"kind": "list", "items": [
                n for v in value for n, w in vars(module).items() if w is v and not n.startswith("_")
            ]}
        elif isinstance(value, (types.ModuleType, type)) or callable(value):
            continue  # functions and classes live in the pure logic, importable there
        elif name in constants:
            encoded = plain.encode(value)
            if _carries(encoded):
                names[name] = {"kind": "data", "value": encoded}
    return {"module": module.__name__, "names": names}


def _carries(encoded: Any) -> bool:
    """Whether an encoded constant is wholly plain data (no opaque parts)."""
    if isinstance(encoded, dict):
        if encoded.get("t") in ("opaque", "function", "toolarge", "toodeep"):
            return False
        return all(_carries(v) for v in encoded.get("v", []) if True) if "v" in encoded else True
    if isinstance(encoded, list):
        return all(_carries(v) for v in encoded)
    return True


def stub_source(spec: dict[str, Any]) -> str:
    """The source of the stand-in questions module."""
    blob = json.dumps(spec, sort_keys=True)
    return (
        '"""The questions of this module as graded: prompts, hints and answer shapes; no answers."""\n'
        "from pm_course.autograde.formonly import materialise as _materialise\n\n"
        f"globals().update(_materialise({blob!r}))\n"
    )


class FormOnlyQuestion:
    """A question without its answer: ``check`` confirms the form; the verdict is computed outside."""

    def __init__(self, module: str, id: str, prompt: str, hints: list[str], points: int, shape: str, attr: str):
        self.module, self.id, self.prompt, self.hints, self.points = module, id, prompt, list(hints), points
        self._shape, self._attr = text_to_shape(shape), attr

    @property
    def key(self) -> str:
        return f"{self.module}/{self.id}"

    def check(self, answer: Any) -> Feedback:
        try:
            if self._attr:
                if type(answer) in (int, float, str, bool, list, dict, tuple, set) or answer is None:
                    raise MalformedAnswer("pass the widget itself, not a value you typed.")
                if answer is Ellipsis:
                    raise NotAttempted("your answer")
                answer = getattr(answer, self._attr)
            conform(answer, self._shape)
        except NotAttempted:
            return Feedback(NOT_ATTEMPTED, self.id, "replace the ... placeholder with your answer", [self.prompt])
        except MalformedAnswer as exc:
            return Feedback(INVALID, self.id, "check the form of your answer", [str(exc)])
        except Exception as exc:  # noqa: BLE001 - a widget's .value raising is the learner's bug
            return Feedback(INVALID, self.id, "check the form of your answer", [f"{type(exc).__name__}: {exc}"[:200]])
        return Feedback(INFO, self.id, "answer recorded", ["It is checked when the exercise is graded."])

    def grade(self, *args: Any, **kwargs: Any) -> None:
        raise RuntimeError("grading happens outside the sandbox")

    def hint(self) -> Feedback:
        return Feedback(HINT, self.id, "hints", list(self.hints))

    def solution(self) -> Feedback:
        return Feedback(INFO, self.id, "solutions are not available while grading", [])

    def __repr__(self) -> str:
        return f"<question {self.key}: {self.prompt}>"


class FormOnlyWritten:
    """A written answer without its model answer or mark scheme."""

    def __init__(self, module: str, id: str, prompt: str, points: int):
        self.module, self.id, self.prompt, self.points = module, id, prompt, points

    def check(self, text: Any) -> Feedback:
        return Feedback(INFO, self.id, "answer recorded", ["A person grades written answers."])

    def review(self, text: Any) -> Feedback:
        return self.check(text)

    def hint(self) -> Feedback:
        return Feedback(HINT, self.id, "hints", [])

    def solution(self) -> Feedback:
        return Feedback(INFO, self.id, "not available while grading", [])


def materialise(blob: str) -> dict[str, Any]:
    """Rebuild a stand-in questions module's names from :func:`stub_source`'s JSON."""
    spec = json.loads(blob)
    out: dict[str, Any] = {}
    lists = []
    for name, item in spec["names"].items():
        kind = item["kind"]
        if kind == "question":
            out[name] = FormOnlyQuestion(item["module"], item["id"], item["prompt"], item["hints"], item["points"],
                                         item["shape"], item["attr"])
        elif kind == "written":
            out[name] = FormOnlyWritten(item["module"], item["id"], item["prompt"], item["points"])
        elif kind == "data":
            out[name] = plain.decode(item["value"])
        elif kind == "list":
            lists.append((name, item["items"]))
    for name, items in lists:
        out[name] = [out[i] for i in items if i in out]
    return out
