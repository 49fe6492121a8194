"""Careers in practice: levelling and promotion evidence, PM interviews (with an estimation), the move from
individual contributor to manager, writing in public, and switching into product management (pure logic).

Sources (PM_REFERENCE, "Careers in practice (module 07)"):

- PM interviews test product sense (design), execution and analytics,
  estimation, strategy, and behaviour; behavioural answers follow STAR:
  situation, task, action, result.
- Levelling: scope, impact and autonomy grow by level; promotion rests on
  evidence of already working at the next level. Published frameworks
  describe levels this way (e.g. Ravi Mehta's Product Competency Toolkit,
  2020, used in section 3); titles differ between companies.
- An estimation (a Fermi estimate) breaks an unknown number into factors
  that can each be reasoned about, states each assumption, and multiplies.
"""

from __future__ import annotations

from typing import Any

from ..core.validate import InputError, InputTypeError, describe, number, text

__all__ = ["INTERVIEW_TYPES", "STAR", "LEVEL_DIMENSIONS", "estimate", "validate_factors", "star_order"]

#: The kinds of PM interview question, with what each tests.
INTERVIEW_TYPES: dict[str, str] = {
    "product sense": "design a product or improve one for a user: who, which problem, what, and how to judge it",
    "execution": "goals and metrics, trade-offs, what to do when a metric moves",
    "estimation": "a number nobody knows, broken into factors you can reason about",
    "strategy": "where to play and how to win: markets, competitors, a business model",
    "behavioural": "what you did in a real situation, told with STAR",
}
#: STAR, in order.
STAR: tuple[str, ...] = ("situation", "task", "action", "result")
#: What grows from one level to the next in published levelling frameworks.
LEVEL_DIMENSIONS: tuple[str, ...] = ("scope", "impact", "autonomy")


def validate_factors(factors: Any) -> list[tuple[str, float]]:
    """Check an estimate's factors: a list of (assumption, number) pairs, each number positive."""
    if type(factors) not in (list, tuple) or not factors:
        raise InputTypeError("factors are a non-empty list of (assumption, number) pairs, e.g. "
                             f"[('paying sites', 1240), ('staff per site', 9)]; got {describe(factors)}.")
    out = []
    for i, f in enumerate(factors):
        if type(f) not in (list, tuple) or len(f) != 2:
            raise InputTypeError(f"factor {i + 1} is an (assumption, number) pair; got {describe(f)}.")
        name = text(f"factor {i + 1}'s assumption", f[0])
        value = number(f"factor {i + 1} ({name})", f[1], low=0, low_open=True,
                       hint="Every factor of an estimate is a positive number.")
        out.append((name, float(value)))
    return out


def estimate(factors: Any) -> float:
    """The product of an estimate's factors (a Fermi estimate: each assumption stated, then multiplied)."""
    result = 1.0
    for _, v in validate_factors(factors):
        result *= v
    return result


def star_order(parts: Any) -> list[str]:
    """The STAR parts of a behavioural answer, checked and in STAR's order (each once)."""
    if type(parts) not in (list, tuple, set):
        raise InputTypeError(f"parts are a list of STAR's parts ({', '.join(STAR)}); got {describe(parts)}.")
    names = [text("part", p).strip().casefold() for p in parts]
    unknown = [p for p in names if p not in STAR]
    if unknown:
        raise InputError(f"{unknown[0]!r} is not a part of STAR; the parts are {', '.join(STAR)}.")
    return [p for p in STAR if p in names]
