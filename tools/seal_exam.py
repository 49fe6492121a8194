"""Seal the capstone's answers: write pm_course/capstone/sealed.json from the reference glue.

    python tools/seal_exam.py            # write sealed.json (deterministic: same input, same file)
    python tools/seal_exam.py --check    # exit 1 if sealed.json is stale, or a sealed verdict differs from the
                                         # reference checker's on the self-test answers of 64 variants

For every variant of the bank (and the demo's) and every auto-graded question, the reference answer
(tools/capstone_reference.py) is put in canonical form (pm_course.capstone.sealed); a number is accepted rounded
down and rounded up at the question's stated decimals. Each accepted form and each known wrong answer (a
misconception, mapped to its message) is stored only as a salted PBKDF2 hash. A function question is sealed case by
case: the reference's result on each fixed input.
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import capstone_reference as R  # noqa: E402

from pm_course.capstone import exam, sealed  # noqa: E402
from pm_course.capstone import questions as P  # noqa: E402
from pm_course.capstone.exam import Case  # noqa: E402
from pm_course.capstone.sealed import FunctionForm, NumberForm, WidgetForm, digest, neighbours  # noqa: E402

VARIANT_KEYS = ["demo"] + [str(i) for i in range(sealed.VARIANTS)]

#: Per question, the examples of its misconceptions for a case, in the order of the reference's misconceptions
#: (a misconception given as a value is the same for every case).
MIS_EXAMPLES: dict[str, Any] = {
    "q2": lambda c: [R._growth_per_value(c), R._growth(c) / 100],
    "q3": lambda c: [R._nps(c) / 100],
    "q4": lambda c: [R._market(c) / 12],
    "q6": lambda c: [R.case_ratio(c)],
    "q9": lambda c: [R._rice_b03(c) * c.item("B03")["effort"]],
    "q10": lambda c: [list(reversed(R._ranking(c)))],
    "q17": lambda c: [R._overall(c) * 100],
    "q18": lambda c: [-R._z(c)],
    "q19": lambda c: [R._n(c) * 2],
    "q1": lambda c: [R._role_slip("product owner")(c), R._role_slip("project manager")(c)],
    "q5": lambda c: [R._user_story(c)],
    "q8": lambda c: [{k: "Now" for k in c.roadmap_items}],
    "q13": lambda c: [R._kano_swapped(c)],
    "q23": lambda c: [{**R._herzberg(c), "salary": "motivator"}],
}


def case_of(variant: str) -> Case:
    """The case of one variant (its figures; the id is a placeholder that names the variant)."""
    return exam.case_for(exam.DEMO_ID) if variant == "demo" else Case(f"variant-{variant}", variant)


def reference(qid: str, case: Case) -> Any:
    return R.REFERENCE[qid](case) if qid in R.REFERENCE else R.BY_ID[qid].answer


def _form(qid: str, case: Case | None = None) -> Any:
    """The question's form (for ``case``'s items where it takes them from the case)."""
    form = P.BY_ID[qid].form
    form = form.inner if isinstance(form, WidgetForm) else form
    return sealed.for_case(form, case) if case is not None else form


def accepted(qid: str, value: Any, case: Case) -> list[str]:
    """The canonical forms accepted for a reference (or misconception) value."""
    form = _form(qid, case)
    if isinstance(form, NumberForm):
        return neighbours(float(value), form.decimals)
    return [form.canonical(form.conform(value))]


def finite_space(qid: str, case: Case) -> list[Any] | None:
    """Every answer of a small answer space (one option, a mapping of a few items), or None: a misconception's
    message is sealed for every answer it describes, not only for its example."""
    import itertools

    form = _form(qid, case)
    if not R.BY_ID[qid].misconceptions:
        return None
    if isinstance(form, P.ChoiceForm):
        return list(form.options)
    if isinstance(form, P.MappingForm) and len(form.categories) ** len(form.items) <= 4096:
        return [dict(zip(form.items, combo)) for combo in itertools.product(form.categories, repeat=len(form.items))]
    return None


def mis_examples(qid: str, case: Case) -> list[Any]:
    ref = R.BY_ID[qid]
    if qid in MIS_EXAMPLES:
        return MIS_EXAMPLES[qid](case)
    return [m.example for m in ref.misconceptions]


def plain_table(variant: str) -> dict[str, Any]:
    """The plaintext of one variant's seal: question -> accepted canonical forms and misconceptions (or cases)."""
    case = R.bind(case_of(variant))
    out: dict[str, Any] = {}
    for q in R.QUESTIONS:
        if isinstance(P.BY_ID[q.id].form, FunctionForm):
            out[q.id] = {"cases": {key: {"ok": [P.RankingForm().canonical(R.rank_by_rice_reference(*args))]}
                                   for key, args in P.function_cases(case, hidden=True)}}
            continue
        ok = accepted(q.id, reference(q.id, case), case)
        found: dict[str, list[int]] = {}
        space = finite_space(q.id, case)
        candidates = space if space is not None else mis_examples(q.id, case)
        for example in candidates:
            try:
                clean = q.checker.conform(example if not isinstance(q.checker, R.WidgetState) else
                                          SimpleNamespace(value=example))
            except Exception:  # noqa: BLE001 - an example that is not an answer is no misconception here
                continue
            fired = [i for i, m in enumerate(q.misconceptions) if m.fires(q.checker, clean)]
            if not fired:
                continue  # e.g. "count the steps" where steps and weeks give the same rate
            for c in accepted(q.id, example, case):
                if c not in ok:
                    found[c] = sorted(set(found.get(c, [])) | set(fired))
        out[q.id] = {"ok": ok, "mis": [[c, found[c]] for c in sorted(found)]}
    return out


def seal_variant(variant: str, table: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for qid, t in table.items():
        if "cases" in t:
            out[qid] = {"cases": {k: {"ok": [digest(variant, f"{qid}#{k}", c) for c in v["ok"]]}
                                  for k, v in t["cases"].items()}}
        else:
            out[qid] = {"ok": [digest(variant, qid, c) for c in t["ok"]],
                        "mis": {digest(variant, qid, c): i for c, i in t["mis"]}}
    return out


def source_digest(tables: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(tables, sort_keys=True).encode()).hexdigest()


def header(tables: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": 1, "salt": sealed.COURSE_SALT, "kdf": {"name": "pbkdf2_hmac", "hash": "sha256",
                                                          "iterations": sealed.ITERATIONS, "bytes": sealed.HASH_BYTES},
        "variants": sealed.VARIANTS, "source": source_digest(tables),
        "questions": {q.id: {"form": _form(q.id).form, "messages": [m.says for m in q.misconceptions]}
                      for q in R.QUESTIONS},
    }


def render(head: dict[str, Any], seals: dict[str, Any]) -> str:
    """sealed.json's text: the header, then one line per variant (a regeneration diffs by variant)."""
    body = ",\n".join(f" {json.dumps(v)}: {json.dumps(seals[v], sort_keys=True, separators=(',', ':'))}"
                      for v in VARIANT_KEYS)
    top = json.dumps(head, sort_keys=True, separators=(",", ":"))
    return top[:-1] + ',"seals":{\n' + body + "\n}}\n"


def tables() -> dict[str, Any]:
    return {v: plain_table(v) for v in VARIANT_KEYS}


def write() -> Path:
    t = tables()
    seals = {v: seal_variant(v, t[v]) for v in VARIANT_KEYS}
    sealed.SEALED_PATH.write_text(render(header(t), seals), encoding="utf-8")
    sealed.load.cache_clear()
    return sealed.SEALED_PATH


# ---------------------------------------------------------------- self-check


def tries(qid: str, case: Case) -> list[Any]:
    """Answers to compare on: the reference (unrounded and rounded as asked), the wrong ones, the misconceptions'."""
    ref = R.BY_ID[qid]
    out = [reference(qid, case), *ref.wrong, *mis_examples(qid, case)]
    form = _form(qid)
    if isinstance(form, NumberForm):
        x = float(reference(qid, case))
        out += [round(x, form.decimals), x + 10 ** -form.decimals * 3]
        out = [v for v in out if isinstance(v, (int, float)) and math.isfinite(v)]
    return out


def compare(variant: str) -> list[str]:
    """Where the sealed verdict differs from the reference checker's on one variant ([] when they agree)."""
    case = R.bind(case_of(variant))
    problems = []
    for ref in R.QUESTIONS:
        q = P.BY_ID[ref.id]
        if isinstance(q.form, FunctionForm):
            for fn in [ref.answer, *ref.wrong]:
                for hidden in (False, True):
                    extra = [args for k, args in P.function_cases(case, True) if k.startswith("h")] if hidden else []
                    old = ref._evaluate(fn, extra_inputs=extra).passed
                    new = q.verdict(fn, case, hidden=hidden).passed
                    if old != new:
                        problems.append(f"{variant}/{ref.id} (hidden={hidden}): reference {old}, sealed {new}")
            continue
        for answer in tries(ref.id, case):
            given = SimpleNamespace(value=answer) if isinstance(q.form, WidgetForm) else answer
            old_fb, new_fb = ref._evaluate(given), q.verdict(given, case)
            says_old = [m.says for m in ref.misconceptions if m.says in old_fb.lines]
            says_new = [m.says for m in ref.misconceptions if m.says in new_fb.lines]
            # a number is sealed at one decimal more than asked: a misconception's message may also come for an
            # answer that is written the same as its example at that precision (the reference's predicate can
            # be finer, e.g. a fraction compared at 5 decimals)
            extra = [m for m in says_new if m not in says_old]
            if extra and isinstance(_form(ref.id), NumberForm) and not new_fb.passed:
                examples = dict(zip([m.says for m in ref.misconceptions], mis_examples(ref.id, case)))
                mine = _form(ref.id).canonical(float(answer))
                extra = [m for m in extra if mine not in accepted(ref.id, examples[m], case)]
            if old_fb.passed != new_fb.passed or [m for m in says_old if m not in says_new] or extra:
                problems.append(f"{variant}/{ref.id} on {answer!r}: reference {old_fb.outcome} {says_old}, "
                                f"sealed {new_fb.outcome} {says_new}")
    return problems


def check(n_variants: int = 64, full: tuple[str, ...] = ("demo", "0", "255")) -> list[str]:
    """The problems found: a stale sealed.json (by the source digest, and in full for ``full``), or verdicts that
    differ from the reference checkers on ``n_variants`` variants."""
    problems = []
    t = tables()
    data = sealed.load()
    if data.get("source") != source_digest(t) or header(t) != {k: v for k, v in data.items() if k != "seals"}:
        problems.append("sealed.json is stale: run python tools/seal_exam.py")
    for v in full:
        if data["seals"].get(v) != seal_variant(v, t[v]):
            problems.append(f"sealed.json's variant {v} differs from the tool's output: run python tools/seal_exam.py")
    step = max(1, sealed.VARIANTS // max(1, n_variants))
    for v in ["demo"] + [str(i) for i in range(0, sealed.VARIANTS, step)][:n_variants]:
        problems += compare(v)
    return problems


if __name__ == "__main__":
    if "--check" in sys.argv[1:]:
        found = check()
        print("\n".join(found) if found else "sealed.json is current and agrees with the reference checkers")
        sys.exit(1 if found else 0)
    print(f"wrote {write()}")
