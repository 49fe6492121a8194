"""The static scan of learner code before autograding (pm_course.core.guard)."""

import pytest

from pm_course.core.guard import scan

ALLOWED = [
    "answer_q1 = rice_score(reach=950, impact=3, confidence=0.8, effort=3)\nq1.check(answer_q1)",
    "def rank(backlog):\n    return [b['id'] for b in sorted(backlog, key=lambda b: -b['reach'])]",
    "import math\nfrom statistics import mean\nanswer = round(mean([1, 2]) * math.pi, 2)",
    "from pm_course.prioritization import rice_score",
    "import numpy as np\nimport pandas as pd\nimport matplotlib.pyplot as plt",
    "planner.set(['B01', 'B03'])\nskills.value = {'Research': 2}",
    "answer_q2 = {item['id']: item['moscow'] for item in load('backlog')}",
    "def broken(:\n    pass",  # a syntax error fails by itself
]

BLOCKED = {
    "get_ipython().set_custom_exc((AssertionError,), lambda *a, **k: None)": "get_ipython",
    "q1.grade = lambda *a, **k: None": "changes .grade",
    "from pm_course.core.question import Question\nQuestion.grade = print": "pm_course.core",
    "import os\nos._exit(0)": "imports os",
    "import sys; sys.excepthook = None": "imports sys",
    "__builtins__.AssertionError = Warning": "__builtins__",
    "getattr(q1, 'gr' + 'ade')": "getattr",
    "exec('q1.grade = print')": "exec",
    "x = q1.__class__": "__class__",
    "q1._evaluate = None": "_evaluate",
    "%load_ext something": "get_ipython",
    "!rm -rf ~": "get_ipython",
    "import builtins": "builtins",
    "from importlib import reload": "importlib",
    "class Fake(float):\n    def __eq__(self, o): return True": "defines a class",
    "def f():\n    global q1\n    q1 = None": "global",
    "from . import x": "imports from .",
    "import ctypes": "ctypes",
    "type(q1).grade = print": "type",
    "raise SystemExit": None,  # allowed: IPython shows it as an error and grading goes on
}


@pytest.mark.parametrize("source", ALLOWED)
def test_ordinary_answers_are_allowed(source):
    assert scan(source) == []


@pytest.mark.parametrize("source, reason", [(s, r) for s, r in BLOCKED.items() if r])
def test_reaching_for_the_grading_machinery_is_blocked_with_a_reason(source, reason):
    found = scan(source)
    assert found and any(reason in f for f in found), found
    assert found[0].startswith("line ")


def test_system_exit_is_not_blocked_by_the_scan():
    assert scan("raise SystemExit") == []


@pytest.mark.parametrize("source", [
    "-" * 5000 + "1",
    "-" * 10000 + "1",
    "a b " * 25000,
    "not " * 5000 + "x",
    "(" * 5000 + ")" * 5000,
    "[" * 3000 + "]" * 3000,
    "x = " + "f(" * 4000 + ")" * 4000,
])
def test_deeply_nested_code_is_refused_with_a_reason_not_a_crash(source):
    found = scan(source)
    assert isinstance(found, list)
    if found:  # refused (too deep for the parser), or a syntax error left to fail by itself
        assert found[0].startswith("line 1: the code is nested too deeply"), found


def test_the_nesting_the_parser_cannot_read_is_refused():
    assert any("nested too deeply" in f for f in scan("-" * 5000 + "1"))
    assert any("nested too deeply" in f for f in scan("not " * 5000 + "x"))
