"""Lay out a new course module from the reference pattern, so it passes the module's tests before any content.

    make new-module NN=06 SLUG=data_launch PKG=launch
    python tools/new_module.py 06 data_launch launch [--title "..."] [--root DIR] [--no-release]

Writes (and refuses to overwrite):

    pm_course/<PKG>/__init__.py, logic.py, widgets.py, questions.py
    notebooks/NN_SLUG.ipynb                  the lesson, with every part a lesson has, to fill in
    solutions/NN_SLUG/NN_SLUG_exercise.ipynb           the nbgrader source: one question, its hidden test, one written answer
    tests/test_<PKG>.py                       unit tests of the logic and the widget

then adds (or completes) the module's entry in pm_course/course.py and runs
tools/release.py NN_SLUG, which makes exercises/NN_SLUG/. The generated module
passes its unit tests, tests/test_questions.py, nbval, tests/test_authoring.py
and the nbgrader round trip as it is; replace the example (a share of a
whole) with the module's content. docs/authoring.md lists what else a module
touches (README table, docs/instructors.md, case data, browser tests).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pm_course.course import exercise_file  # noqa: E402

META = {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"}}


def _nbgrader(grade_id: str, *, grade: bool = False, solution: bool = False, locked: bool = False,
              points: int | None = None) -> dict:
    meta: dict = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
                  "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def _notebook(name: str, cells: list) -> nbformat.NotebookNode:
    for i, cell in enumerate(cells):
        cell["id"] = f"{name.replace('_', '-')}-{i:02d}"
    nb = new_notebook(cells=cells, metadata=META)
    nbformat.validate(nb)
    return nb


# ---------------------------------------------------------------- the package


def package_files(nn: str, slug: str, pkg: str, title: str) -> dict[str, str]:
    name = f"{nn}_{slug}"
    init = f'''\
"""Module {nn}, {title}: the pure logic, re-exported (importing this stays cheap: no widgets, no plots)."""

from .logic import share

__all__ = ["share"]
'''
    logic = f'''\
"""Module {nn}, {title}: pure, typed, validated logic (no ipywidgets, no matplotlib).

Replace the example below with the module's formulas; cite the source of each
one and name the variant taught (see PM_REFERENCE).
"""

from __future__ import annotations

from ..core.validate import InputError, number

__all__ = ["share"]


def share(part: float, whole: float) -> float:
    """The share ``part / whole`` as a fraction from 0 to 1 (an example to replace).

    >>> share(3, 12)
    0.25
    """
    w = number("whole", whole, low=0, low_open=True)
    p = number("part", part, low=0)
    if p > w:
        raise InputError(f"part cannot be larger than whole: a share is at most 1; got part {{part!r}}, whole {{whole!r}}.")
    return p / w
'''
    widgets = f'''\
"""Module {nn}'s widgets: thin layers over :mod:`.logic`, each a :class:`pm_course.ui.Widget`.

``.widget`` (the container), ``.value`` (plain data), ``.set(...)`` (the one
setter, validated by the logic), ``.code()`` (the line reproducing the state,
shown in ``.code_box``), ``.plot()`` (a new Figure) drawn into ``.chart``.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from ..ui import CATEGORY, Widget, figure
from .logic import share

__all__ = ["ShareExplorer"]


class ShareExplorer(Widget):
    """Move part and whole; see the share as a number and as a bar (an example to replace).

    ``explorer.set(part=3, whole=12)`` sets it from code; ``.value`` is ``{{"part", "whole", "share"}}``.
    """

    def __init__(self, part: float = 3, whole: float = 12, name: str = "explorer"):
        super().__init__(name)
        self.part = W.FloatText(description="Part", layout=W.Layout(width="220px"))
        self.whole = W.FloatText(description="Whole", layout=W.Layout(width="220px"))
        self.result = W.HTML().add_class("pm-result")
        self.make_chart()
        self.make_code_box()
        self.on_change([self.part, self.whole], lambda _: self.refresh())
        self.widget = W.VBox([W.HBox([self.part, self.whole]), self.result, self.chart, self.code_box])
        self.widget.add_class("pm-{slug.replace('_', '-')}")
        self.set(part=part, whole=whole)

    @property
    def value(self) -> dict[str, Any]:
        return {{"part": self.part.value, "whole": self.whole.value, "share": share(self.part.value, self.whole.value)}}

    def set(self, part: float, whole: float) -> None:
        """Set part and whole from code (validated like :func:`share`)."""
        share(part, whole)
        with self.quiet():
            self.part.value, self.whole.value = float(part), float(whole)
        self.refresh()

    def code(self) -> str:
        return f"{{self.name}}.set(part={{self.part.value:g}}, whole={{self.whole.value:g}})"

    def plot(self):
        """The share as one horizontal bar out of 100 % (a new matplotlib figure)."""
        s = self.value["share"]
        fig, ax = figure(6.0, 1.8)
        ax.barh([0], [1.0], color=CATEGORY["neutral"], alpha=0.3, label="the whole")
        ax.barh([0], [s], color=CATEGORY["highlight"], hatch="//", edgecolor="white", label=f"the part: {{s:.0%}}")
        ax.set_xlim(0, 1)
        ax.set_yticks([])
        ax.set_xlabel("share of the whole (0 to 1)")
        ax.set_ylabel("share")
        ax.set_title("The part as a share of the whole")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.45), ncol=2, fontsize=8, frameon=False)
        return fig

    def refresh(self) -> None:
        try:
            v = self.value
        except ValueError as err:  # an InputError from the logic: show its message, keep the last chart
            self.result.value = f"<i>{{err}}</i>"
            return
        self.result.value = f"The part is <b>{{v['share']:.1%}}</b> of the whole."
        self.draw()
        self.show_code()
'''
    questions = f'''\
"""Module {nn}'s questions, declared with pm_course.core (imports no widgets).

tests/test_questions.py self-tests every question; tests/test_authoring.py
checks that solutions/{name}/{name}_exercise.ipynb agrees with these declarations
(prompt, points, solution code). Replace the example question.
"""

from __future__ import annotations

from ..core import Misconception, Question, Value
from .logic import share

MODULE = "{name}"

_Q1 = share(3, 12)

q1 = Question(
    module=MODULE, id="q1", points=1,
    prompt="The share of 3 in 12, as a fraction from 0 to 1, to 2 decimal places.",
    checker=Value(expected=_Q1, decimals=2),
    hints=[
        "A share is the part divided by the whole.",
        "share(part, whole) computes it; a fraction, not a percentage.",
    ],
    solution_text=("# the part over the whole, as a fraction (not a percentage)\\n"
                   "answer_q1 = share(3, 12)"),
    answer=_Q1,
    wrong=[_Q1 * 100, 12 / 3],
    misconceptions=[Misconception(lambda a: a > 1, "A share is a fraction from 0 to 1, not a percentage: divide by 100.",
                                  example=25)],
)

QUESTIONS = [q1]
'''
    imports = "\n".join(sorted([f"from pm_course.{pkg} import share",
                                 "from pm_course.core.validate import InputError, InputTypeError"]))
    tests = f'''\
"""Module {nn}: the logic, the widget and the questions' imports."""

import os
import subprocess
import sys

import pytest

{imports}


def test_share_is_part_over_whole():
    assert share(3, 12) == 0.25 and share(0, 5) == 0


@pytest.mark.parametrize("args,exc,words", [
    ((3, 0), InputError, "whole must be"),
    ((13, 12), InputError, "cannot be larger"),
    (("3", 12), InputTypeError, "must be a number"),
])
def test_share_bad_input_gets_a_message(args, exc, words):
    with pytest.raises(exc, match=words):
        share(*args)


def test_widget_follows_the_convention():
    import matplotlib

    matplotlib.use("Agg")
    from pm_course.{pkg}.widgets import ShareExplorer

    w = ShareExplorer()
    assert w.value == {{"part": 3, "whole": 12, "share": 0.25}}
    w.part.value = 6  # as a learner would
    assert w.value["share"] == 0.5 and "50.0%" in w.result.value
    w.set(part=1, whole=4)
    assert w.code() == "explorer.set(part=1, whole=4)" and "explorer.set(part=1, whole=4)" in w.code_box.value
    with pytest.raises(InputError):
        w.set(part=5, whole=4)
    fig = w.plot()
    assert fig.axes[0].get_title() and fig.axes[0].get_xlabel()


def test_importing_the_package_and_questions_stays_cheap():
    code = ("import sys, pm_course.{pkg}, pm_course.{pkg}.questions; "
            "print('ipywidgets' in sys.modules, 'matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ)
    assert out.stdout.strip() == "False False", out.stderr
'''
    return {
        f"pm_course/{pkg}/__init__.py": init,
        f"pm_course/{pkg}/logic.py": logic,
        f"pm_course/{pkg}/widgets.py": widgets,
        f"pm_course/{pkg}/questions.py": questions,
        f"tests/test_{pkg}.py": tests,
    }


# ---------------------------------------------------------------- the notebooks


def lesson(nn: str, slug: str, pkg: str, title: str) -> nbformat.NotebookNode:
    name = f"{nn}_{slug}"
    md = [
        f"# {nn} · {title}\n\n"
        "**What you will be able to do**\n\n"
        "1. *(an objective: a verb a learner can be checked on)*\n"
        "2. *(another objective)*\n\n"
        "**Time:** about *N* minutes. **How to use it:** run the cells from top to bottom (Shift+Enter) and do "
        "the *Try it* prompts.",
        "## The idea\n\n*(A short concept section in plain language: what it is, when a product manager uses it, "
        "and the source it comes from.)*",
        "## A worked example on Shiftbrew\n\n*(Compute from the case study data in code, do not type numbers "
        "into the prose.)*",
        "## Play with it\n\n*(The widget: what to move and what to watch. Alt text for its chart: a horizontal "
        "bar showing the part as a share of the whole, from 0 to 1.)*",
        "**Try it.** *(Something to change and a question to answer about what happens.)*\n\n"
        "## Common pitfalls\n\n- *(a mistake and how to spot it)*\n\n"
        "## Key takeaways\n\n- *(one line each)*\n\n"
        "## Sources\n\n- *(the versions cited in PM_REFERENCE, naming variants where sources disagree)*\n\n"
        f"**Next:** practise in the exercise, [exercises/{name}/{name}_exercise.ipynb](../exercises/{name}/{name}_exercise.ipynb).",
    ]
    cells = [
        new_markdown_cell(md[0]),
        new_code_cell("from pm_course.data import load\n"
                      f"from pm_course.{pkg} import share\n"
                      "company = load(\"company\")\n"
                      "print(company[\"name\"], \"-\", company[\"tagline\"])"),
        new_markdown_cell(md[1]),
        new_markdown_cell(md[2]),
        new_code_cell("backlog = load(\"backlog\")\n"
                      "musts = [b for b in backlog if b[\"moscow\"] == \"Must\"]\n"
                      "print(f\"{len(musts)} of {len(backlog)} backlog items are Musts: {share(len(musts), len(backlog)):.0%}\")"),
        new_markdown_cell(md[3]),
        new_code_cell(f"from pm_course.{pkg}.widgets import ShareExplorer\n"
                      "explorer = ShareExplorer(len(musts), len(backlog))\n"
                      "explorer"),
        new_markdown_cell(md[4]),
    ]
    return _notebook(name, cells)


def solutions(nn: str, slug: str, pkg: str, title: str) -> nbformat.NotebookNode:
    name = f"{nn}_{slug}"
    cells = [
        new_markdown_cell(
            f"# Exercise {nn} · {title}\n\n"
            "*(What the exercise covers.)*\n\n"
            "**How it works.** Each question has a cell with `answer_qN = ...`: replace the `...` with your answer "
            "and run the cell; `qN.check(answer_qN)` tells you at once whether it is right. `qN.hint()` gives a hint "
            "(call it again for the next one); `qN.solution()` shows a worked answer. The locked cell after each "
            "answer is what your instructor's autograder runs, with extra hidden tests.\n\n"
            f"Run the setup cell first. **Time:** about *N* minutes. 1 point auto-graded, 2 points for the written "
            f"answer. Back to the lesson: [notebooks/{name}.ipynb](../../notebooks/{name}.ipynb)."),
        new_code_cell("from pm_course.data import load\n"
                      f"from pm_course.{pkg} import share\n"
                      f"from pm_course.{pkg}.questions import q1",
                      metadata=_nbgrader("setup", locked=True)),
        new_markdown_cell("## Q1 · A share (1 point)\n\n"
                          "The share of 3 in 12, as a fraction from 0 to 1, to 2 decimal places."),
        new_code_cell("answer_q1 = ...\n"
                      "### BEGIN SOLUTION\n"
                      "# the part over the whole, as a fraction (not a percentage)\n"
                      "answer_q1 = share(3, 12)\n"
                      "### END SOLUTION\n"
                      "q1.check(answer_q1)",
                      metadata=_nbgrader("q1_answer", solution=True)),
        new_code_cell(f"from pm_course.{pkg}.questions import q1\n"
                      "q1.grade(answer_q1)\n"
                      "### BEGIN HIDDEN TESTS\n"
                      "from pm_course.core import Value\n"
                      "q1.grade(answer_q1, also=[Value(expected=3 / 12, abs_tol=0.005)])\n"
                      "### END HIDDEN TESTS",
                      metadata=_nbgrader("q1_test", grade=True, locked=True, points=1)),
        new_markdown_cell("## W1 · In your own words (2 points, graded by your instructor)\n\n"
                          "*(A written task: what the learner writes, and for whom.)*"),
        new_markdown_cell("*(Model answer.)*\n\n"
                          "**Mark scheme (2 points):** 1 point for *(criterion)*; 1 point for *(criterion)*.",
                          metadata=_nbgrader("w1", grade=True, solution=True, points=2)),
    ]
    return _notebook(name, cells)


# ---------------------------------------------------------------- the course map


def course_entry(root: Path, nn: str, slug: str, pkg: str, title: str) -> str:
    """Add the module to MODULES in pm_course/course.py, or complete the entry its number already has."""
    path = root / "pm_course" / "course.py"
    src = path.read_text(encoding="utf-8")
    entry_re = re.compile(rf'    Module\("{nn}",.*?\),\n(?=    Module\(|\))', re.S)
    old = entry_re.search(src)
    minutes, covers = 45, "(what the module covers)"
    if old:
        m = re.search(r'Module\("\d+", "[^"]*", "([^"]*)", (\d+),\s*"([^"]*)"', old.group(0))
        if m:
            title, minutes, covers = (title or m.group(1)), int(m.group(2)), m.group(3)
    new = (f'    Module("{nn}", "{slug}", "{title}", {minutes},\n'
           f'           "{covers}",\n'
           f'           "{pkg}", True),\n')
    if old:
        src = src[: old.start()] + new + src[old.end():]
    else:
        numbers = [(mm.start(), mm.group(1)) for mm in re.finditer(r'    Module\("(\d+)",', src)]
        later = [pos for pos, n in numbers if n > nn]
        pos = later[0] if later else src.index("\n)\n", numbers[-1][0]) + 1
        src = src[:pos] + new + src[pos:]
    path.write_text(src, encoding="utf-8")
    return title


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Lay out a new course module from the reference pattern.")
    parser.add_argument("nn", help="two-digit module number, e.g. 06")
    parser.add_argument("slug", help="the notebook name after the number, e.g. data_launch")
    parser.add_argument("pkg", help="the package under pm_course/, e.g. launch")
    parser.add_argument("--title", default="", help="the module's title (default: the course map's, if it has one)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the course folder (default: this checkout)")
    parser.add_argument("--no-release", action="store_true", help="do not run tools/release.py afterwards")
    args = parser.parse_args(argv)
    nn, slug, pkg, root = args.nn, args.slug, args.pkg, args.root.resolve()
    for value, what, pattern in ((nn, "NN", r"\d\d"), (slug, "SLUG", r"[a-z][a-z0-9_]*"), (pkg, "PKG", r"[a-z][a-z0-9_]*")):
        if not re.fullmatch(pattern, value):
            print(f"{what} must match {pattern}; got {value!r}", file=sys.stderr)
            return 2
    name = f"{nn}_{slug}"
    title = course_entry(root, nn, slug, pkg, args.title) or slug.replace("_", " ").capitalize()
    files = package_files(nn, slug, pkg, title)
    targets = [root / p for p in files] + [root / "notebooks" / f"{name}.ipynb",
                                            root / "solutions" / name / exercise_file(name)]
    existing = [str(t.relative_to(root)) for t in targets if t.exists()]
    if existing:
        print("refusing to overwrite: " + ", ".join(existing), file=sys.stderr)
        return 1
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(textwrap.dedent(text), encoding="utf-8")
    (root / "solutions" / name).mkdir(parents=True, exist_ok=True)
    nbformat.write(lesson(nn, slug, pkg, title), root / "notebooks" / f"{name}.ipynb")
    nbformat.write(solutions(nn, slug, pkg, title), root / "solutions" / name / exercise_file(name))
    print(f"laid out module {name} (package pm_course.{pkg}) in {root}")
    if not args.no_release:
        subprocess.run([sys.executable, str(root / "tools" / "release.py"), name], cwd=root, check=True)
    print("next: fill in the lesson and the questions, then run its tests (docs/authoring.md, 'A new module')")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
