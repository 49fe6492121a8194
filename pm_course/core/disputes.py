"""Disputes: a learner says a verdict is wrong (``q.dispute("why")``); instructors see which rule fails whom.

A dispute is a progress event (action ``"dispute"``) whose outcome holds the verdict disputed, the rules
that spoke in it and the learner's reason, so it travels with ``pm-course export`` and is read back by
``pm-course report --disputes FILE ...``. Disputed answers are the next additions to the labelled sets
in tests/labelled/. Pure Python.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .feedback import Feedback
from .validate import InputError, InputTypeError, describe

__all__ = ["MAX_WHY", "outcome", "parse", "rules_in", "summarise", "read_exports", "table"]

MAX_WHY = 400
_SEP = " | "


def _why(why: Any) -> str:
    if type(why) is not str or not why.strip():
        raise InputTypeError(f"why must be a sentence saying why the verdict is wrong (text); got {describe(why)}.")
    why = " ".join(why.split())
    if len(why) > MAX_WHY:
        raise InputError(f"why may be at most {MAX_WHY} characters; got {len(why)}. Say it in a sentence or two.")
    return why


def outcome(verdict: str, rules: Sequence[str], why: Any) -> str:
    """The text recorded for a dispute: 'verdict | rule, rule | why' (the reason is checked: text, at most 400)."""
    names = ", ".join(r.replace("|", "/").replace(",", ";") for r in rules) or "-"
    return _SEP.join((verdict or "not checked", names, _why(why)))[:500]


def parse(text: str) -> dict[str, Any]:
    """A recorded dispute's parts: {'verdict', 'rules', 'why'}."""
    verdict, _, rest = text.partition(_SEP)
    names, _, why = rest.partition(_SEP)
    return {"verdict": verdict, "rules": [] if names in ("", "-") else names.split(", "), "why": why}


def rules_in(fb: Feedback, names: Iterable[str]) -> list[str]:
    """The rules (by name) that speak in a feedback's lines: those not met, and any advice."""
    body = "\n".join(fb.lines)
    return [n for n in names if f"{n}:" in body]


def summarise(events: Iterable[dict]) -> list[dict[str, Any]]:
    """Disputes by question and rule, most disputed first: {'question', 'rule', 'count', 'reasons'}."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for e in events:
        if e.get("action") != "dispute":
            continue
        d = parse(str(e.get("outcome", "")))
        key = f"{e.get('module', '?')}/{e.get('question', '?')}"
        for rule in d["rules"] or ["(the verdict)"]:
            row = rows.setdefault((key, rule), {"question": key, "rule": rule, "count": 0, "reasons": []})
            row["count"] += 1
            if d["why"] and d["why"] not in row["reasons"]:
                row["reasons"].append(d["why"])
    return sorted(rows.values(), key=lambda r: (-r["count"], r["question"], r["rule"]))


def read_exports(paths: Sequence[str | Path]) -> list[dict]:
    """The events of progress exports (``pm-course export``), one file per learner."""
    out: list[dict] = []
    for p in paths:
        path = Path(p)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"{path}: expected a progress export made by 'pm-course export' ({exc}).") from None
        if type(data) is not dict or type(data.get("events")) is not list:
            raise InputError(f"{path}: expected a progress export made by 'pm-course export' (a JSON object with "
                             f"'events'); got {describe(data)}.")
        out += [e for e in data["events"] if type(e) is dict]
    return out


def table(rows: Sequence[dict[str, Any]]) -> str:
    """The disputes as plain text, one line per question and rule, with up to three reasons."""
    if not rows:
        return "No disputes."
    width = max(len(r["question"]) for r in rows)
    rule_w = max(len(r["rule"]) for r in rows)
    lines = [f"{'question':<{width}}  {'rule':<{rule_w}}  disputes", "-" * (width + rule_w + 12)]
    for r in rows:
        lines.append(f"{r['question']:<{width}}  {r['rule']:<{rule_w}}  {r['count']}")
        lines += [f"    - {why}" for why in r["reasons"][:3]]
    lines.append("Disputed answers are the next additions to the labelled sets (tests/labelled/).")
    return "\n".join(lines)
