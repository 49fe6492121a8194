"""Make a module's solutions notebook and its question declarations agree, so each question is written once.

    python tools/sync_questions.py 04_prioritization     # one module
    python tools/sync_questions.py                       # every module with a solutions notebook
    python tools/sync_questions.py --check               # only report (exit 1 if anything disagrees)

tests/test_authoring.py checks what this repairs. The declaration in
pm_course/<package>/questions.py is the truth for the prompt and the points;
the notebook's ``### BEGIN SOLUTION`` block is the truth for the solution:

- each grade cell ``qN_test`` gets ``qN.points``, and a "(N points)" in the
  task's heading follows it;
- the markdown cell before ``qN_answer`` gets the prompt when it does not hold
  it verbatim: the prompt replaces the task's prose (the "**Qn.**" paragraph,
  or the first paragraph after the heading), so the task is never stated twice;
- "Time: about N minutes" in the first markdown cell becomes the course
  map's ``exercise_minutes`` (pm_course/course.py);
- the auto-graded total stated in the first markdown cell ("N points
  auto-graded", "(N points) are checked automatically", ...) becomes the sum;
- ``solution_text=`` of ``qN`` in questions.py is rewritten to the notebook's
  solution code, keeping the comment lines (the reasoning) it had.

Afterwards run ``tools/clean_notebooks.py`` and ``tools/release.py NN_slug``.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pm_course.authoring import (  # noqa: E402
    authored,
    code_lines,
    disagreements,
    solution_block,
    solution_notebook,
    stated_total,
    with_total,
)
from pm_course.course import module, questions  # noqa: E402


def _is_comment(line: str) -> bool:
    return line.strip().startswith("#")


def merged_solution(notebook_code: str, old_text: str) -> str:
    """The notebook's solution code with the comment lines of the old ``solution_text`` kept.

    When both have the same number of code lines, each old comment goes before the code line it preceded;
    otherwise the old comments come first. Comments the notebook already has are not repeated.
    """
    new = [line.rstrip() for line in notebook_code.strip("\n").splitlines()]
    present = {line.strip() for line in new if _is_comment(line)}
    old = old_text.splitlines()
    old_code = code_lines(old_text)
    before: list[list[str]] = [[]]
    for line in old:
        if _is_comment(line):
            if line.strip() not in present:
                before[-1].append(line.rstrip())
        elif line.strip():
            before.append([])
    new_code_idx = [i for i, line in enumerate(new) if line.strip() and not _is_comment(line)]
    if len(old_code) != len(new_code_idx):
        return "\n".join([c for group in before for c in group] + new)
    out: list[str] = []
    k = 0
    for i, line in enumerate(new):
        if k < len(new_code_idx) and i == new_code_idx[k]:
            out += before[k]
            k += 1
        out.append(line)
    out += before[-1] if len(before) > len(new_code_idx) else []
    return "\n".join(out)


def _literal(text: str, indent: int) -> str:
    lines = text.split("\n")
    if len(lines) == 1:
        return repr(text)
    pad = " " * (indent + 1)
    parts = [repr(line + "\n") for line in lines[:-1]] + [repr(lines[-1])]
    return "(" + f"\n{pad}".join(parts) + ")"


def _chars(line: str, byte_offset: int) -> int:
    """ast gives columns in UTF-8 bytes; the text is indexed in characters."""
    return len(line.encode("utf-8")[:byte_offset].decode("utf-8"))


def rewrite_solutions(py: Path, new_texts: dict[str, str]) -> int:
    """Replace ``solution_text=`` of the questions named in ``new_texts`` in the source file ``py``."""
    source = py.read_text(encoding="utf-8")
    tree = ast.parse(source)
    lines = source.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    edits = []
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else None
        if not (isinstance(target, ast.Name) and target.id in new_texts and isinstance(node.value, ast.Call)):
            continue
        for kw in node.value.keywords:
            if kw.arg == "solution_text":
                v = kw.value
                start = offsets[v.lineno - 1] + _chars(lines[v.lineno - 1], v.col_offset)
                end = offsets[v.end_lineno - 1] + _chars(lines[v.end_lineno - 1], v.end_col_offset)  # type: ignore[index,arg-type]
                before, after = source[:start].rstrip(), source[end:].lstrip()
                if before.endswith("(") and before[:-1].rstrip().endswith("=") and after.startswith(")"):
                    start, end = len(before) - 1, len(source) - len(after) + 1  # the value's own brackets
                edits.append((start, end, _literal(new_texts[target.id], start - (source.rfind("\n", 0, start) + 1))))
    for start, end, text in sorted(edits, reverse=True):
        source = source[:start] + text + source[end:]
    if edits:
        py.write_text(source, encoding="utf-8")
    return len(edits)


def _heading_points(md: str, points: int) -> str:
    lines = md.split("\n")
    if lines and lines[0].startswith("#"):
        unit = "point" if points == 1 else "points"
        lines[0] = re.sub(r"\((\d+) points?\)", f"({points} {unit})", lines[0])
    return "\n".join(lines)


def _is_prose(para: str) -> bool:
    """A paragraph of running text: not a list, table, code block, quote, heading, HTML or rule."""
    s = para.lstrip()
    if not s:
        return False
    if s.startswith(("|", "```", ">", "#", "<", "---")):
        return False
    return re.match(r"([-*+]\s|\d+[.)]\s)", s) is None


def _with_prompt(md: str, prompt: str, qid: str = "") -> str:
    """``md`` holding ``prompt`` once. The prompt replaces the task's prose; it is never added beside it.

    - a paragraph "**Qn.** ..." or "**Qn (k points).** ..." becomes that label followed by the prompt;
    - otherwise a prose paragraph first after the heading (or first in the cell) becomes the prompt;
    - a cell that starts with no prose (a list, a table) gets the prompt as its first paragraph.
    Lists, tables, code, quotes and later paragraphs (the task's instructions) are kept.
    """
    if " ".join(prompt.split()) in " ".join(md.split()):
        return md
    lines = md.split("\n")
    heading = lines[0] if lines and lines[0].startswith("#") else None
    body = "\n".join(lines[1:] if heading is not None else lines).strip("\n")
    paragraphs = [p for p in body.split("\n\n") if p.strip()] if body.strip() else []
    label = re.compile(rf"\*\*({re.escape(qid)}\b[^*]*?)\.?\*\*", re.I) if qid else None
    done = False
    for i, para in enumerate(paragraphs):
        m = label.match(para.strip()) if label else None
        if m:
            paragraphs[i] = f"**{m.group(1)}.** {prompt}"
            done = True
            break
    if not done and paragraphs and _is_prose(paragraphs[0]):
        paragraphs[0] = prompt  # the task's own wording gives way to the declared prompt
    elif not done:
        paragraphs.insert(0, prompt)
    text = "\n\n".join(paragraphs)
    return f"{heading}\n\n{text}" if heading is not None else text


def sync(name: str) -> list[str]:
    m = module(name)
    qs = questions(m.name)
    path = solution_notebook(m.name)
    nb = nbformat.read(path, as_version=4)
    cells = nb.cells
    ids = {(c.metadata.get("nbgrader") or {}).get("grade_id"): i for i, c in enumerate(cells)}
    new_solutions = {}
    for q in qs:
        test, answer = ids.get(f"{q.id}_test"), ids.get(f"{q.id}_answer")
        if test is not None:
            cells[test].metadata["nbgrader"]["points"] = q.points
        if answer is None:
            continue
        md_i = next((i for i in range(answer - 1, -1, -1) if cells[i].cell_type == "markdown"), None)
        if md_i is not None:
            cells[md_i].source = _with_prompt(_heading_points(cells[md_i].source, q.points), q.prompt, q.id)
        block = solution_block(cells[answer].source)
        if block is not None and code_lines(block) != code_lines(q.solution_text):
            new_solutions[q.id] = merged_solution(block, q.solution_text)
    first = next((c for c in cells if c.cell_type == "markdown"), None)
    if first is not None and stated_total(first.source) is not None:
        first.source = with_total(first.source, sum(q.points for q in qs))
    if first is not None and m.exercise_minutes:  # the course map is the one source of the exercise's time
        first.source = re.sub(r"(Time:?\*{0,2} about )(\d+)( minutes)", lambda mm: f"{mm.group(1)}{m.exercise_minutes}"
                              f"{mm.group(3)}", first.source, count=1)
    nbformat.write(nb, path)
    py = Path(importlib.import_module(f"pm_course.{m.package}.questions").__file__ or "")
    n = rewrite_solutions(py, new_solutions) if new_solutions else 0
    return [f"{m.name}: notebook synced; {n} solution_text(s) rewritten in {py.relative_to(ROOT)}"]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("modules", nargs="*", help="NN_slug (default: every module with a solutions notebook)")
    parser.add_argument("--check", action="store_true", help="only report what disagrees")
    args = parser.parse_args(argv)
    names = args.modules or [m.name for m in authored()]
    bad = 0
    for name in names:
        if any(not hasattr(q, "solution_text") for q in questions(name)):
            # the capstone's sealed questions: tools/make_capstone_exam.py writes its notebook, and the test suite
            # compares it with the tool's output
            print(f"{name}: written by tools/make_capstone_exam.py (exam mode), not synced here")
            continue
        if args.check:
            problems = disagreements(module(name).name, questions(name))
            bad += len(problems)
            for p in problems:
                print(f"{name}: {p}")
        else:
            for line in sync(name):
                print(line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
