"""Every rule that reads a learner's text, and how well it agrees with a careful reader.

A rule may decide points only where its labelled set (tests/labelled/<key>.py: right answers and wrong
ones, written the many ways people write) shows it accepts at least 95 % of the right answers and rejects
at least 90 % of the wrong ones (:data:`RIGHT_ACCEPTED`, :data:`WRONG_REJECTED`). Any other rule is
*formative*: its advice is shown and the learner carries on, and a person (or an exactly checkable
question) decides the points. docs/authoring.md states the policy; ``make bench`` and
``python tools/bench.py --rules`` print the table; tests/test_rulebench.py holds the graded rules to it.

Imports neither ipywidgets nor matplotlib; the rules are imported when first measured.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["RIGHT_ACCEPTED", "WRONG_REJECTED", "TextRule", "Measured", "RULES", "rule", "measure", "table",
           "unmeasured"]

RIGHT_ACCEPTED = 0.95
WRONG_REJECTED = 0.90


@dataclass(frozen=True)
class TextRule:
    """One rule that reads learner text: its labelled set's key, what it judges, where, and whether it grades."""

    key: str
    judges: str
    where: str
    graded: bool
    accepts: Callable[[str], bool]


@dataclass(frozen=True)
class Measured:
    """A rule's rates on its labelled set."""

    rule: TextRule
    right: int
    wrong: int
    right_accepted: float
    wrong_rejected: float
    missed: tuple[str, ...]   # right answers the rule rejects
    passed: tuple[str, ...]   # wrong answers the rule accepts

    @property
    def n(self) -> int:
        return self.right + self.wrong

    @property
    def meets_threshold(self) -> bool:
        return self.right_accepted >= RIGHT_ACCEPTED and self.wrong_rejected >= WRONG_REJECTED


def _smart(goal: str) -> bool:
    from .career.goals import is_smart

    return is_smart(goal)


def _loop(metric: str) -> bool:
    from .career.goals import is_feedback_loop

    return is_feedback_loop(metric)


def _story(story: str) -> bool:
    from .role.stories import check_story, problems

    return not problems(check_story(story))


def _criterion(criterion: str) -> bool:
    from .role.stories import check_criterion, problems

    return not problems(check_criterion(criterion))


def _brief_problem(problem: str) -> bool:
    from .role.questions import _GOOD_BRIEF
    from .role.stories import check_brief

    return check_brief({**_GOOD_BRIEF, "problem": problem})["a problem, not a solution"] is None


def _key_result(kr: str) -> bool:
    from .vision.strategy import key_result_issues

    return not key_result_issues(kr)


def _brief_metric(metric: str) -> bool:
    from .role.questions import _GOOD_BRIEF
    from .role.stories import check_brief

    return check_brief({**_GOOD_BRIEF, "success_metric": metric})["a measurable success metric"] is None


def _vision(vision: str) -> bool:
    from .vision.questions import SHIFTBREW_BOARD, q10

    return q10._evaluate({**SHIFTBREW_BOARD, "vision": vision}).passed


def _north_star(name: str) -> bool:
    from .vision.questions import _NS_INPUTS, SHIFTBREW_NORTH_STAR, q12

    return q12._evaluate({**SHIFTBREW_NORTH_STAR, "inputs": dict(_NS_INPUTS), "name": name}).passed


def _story_topic(story: str) -> bool:
    from .role.questions import _about_find_cover

    return _about_find_cover({"story": story}) is None


def _question(module: str, qid: str) -> Callable[[str], bool]:
    def accepts(answer: str) -> bool:
        from .course import questions

        q = next(q for q in questions(module) if q.id == qid)
        return q._evaluate(answer).passed

    return accepts


def _written_rule(module: str, rule_name: str) -> Callable[[str], bool]:
    def accepts(answer: str) -> bool:
        import importlib

        from .course import module as find

        mod = importlib.import_module(f"pm_course.{find(module).package}.questions")
        for w in mod.WRITTEN:
            for r in w.rules:
                if r.name == rule_name:
                    return r.test(answer) is None
        raise LookupError(f"{module}: no written-answer rule named {rule_name!r}")

    return accepts


#: Every rule that reads learner text, in course order.
RULES: tuple[TextRule, ...] = (
    TextRule("user_story", "a user story: who / what / why, a real user, Small, a benefit", "01 q7", True, _story),
    TextRule("story_topic", "a user story about B05, find cover", "01 q7", True, _story_topic),
    TextRule("acceptance_criterion", "an acceptance criterion: one testable Given / When / Then", "01 q7", True,
             _criterion),
    TextRule("brief_problem", "a brief's problem, not a solution", "01 q11", True, _brief_problem),
    TextRule("brief_metric", "a brief's success metric: a number and a time frame", "01 q11", True, _brief_metric),
    TextRule("interview_question", "a Mom Test question about a past absence", "02 q7", True,
             _question("02", "q7")),
    TextRule("job_story", "a job story about last-minute cover, no solution", "02 q8", True, _question("02", "q8")),
    TextRule("key_result", "an OKR key result: a measurable, time-bound outcome", "03 q13", True, _key_result),
    TextRule("vision_statement", "a vision board's vision: the change, not the product", "03 q10", True, _vision),
    TextRule("north_star", "a North Star metric: customer value counted per period, not money or activity",
             "03 q12", True, _north_star),
    TextRule("positioning", "a positioning statement in Moore's template, with a real alternative", "03 q11", True,
             _question("03", "q11")),
    TextRule("smart_goal", "a SMART goal (Doran)", "07 q10 (advice), builder", False, _smart),
    TextRule("feedback_loop", "a feedback-loop metric", "07 q10 (advice), builder", False, _loop),
    TextRule("coaching_metrics", "08 w1 'uses metrics as feedback'", "08 w1 (advice)", False,
             _written_rule("08", "uses metrics as feedback")),
)


def rule(key: str) -> TextRule:
    for r in RULES:
        if r.key == key:
            return r
    raise LookupError(f"no text rule {key!r}; the rules are {', '.join(r.key for r in RULES)}")


def measure(text_rule: TextRule, right: Sequence[Any], wrong: Sequence[Any]) -> Measured:
    """The share of right answers ``text_rule`` accepts and of wrong answers it rejects."""
    if not right or not wrong:
        raise ValueError(f"{text_rule.key}: a labelled set needs right and wrong answers")
    missed = tuple(a for a in right if not text_rule.accepts(a))
    passed = tuple(a for a in wrong if text_rule.accepts(a))
    return Measured(text_rule, len(right), len(wrong), 1 - len(missed) / len(right), 1 - len(passed) / len(wrong),
                    missed, passed)


def unmeasured() -> list[str]:
    """The advice-only rules that read text and have no labelled set yet: the writing checks of written answers
    (a person grades them with the mark scheme) and the PR/FAQ rubric (01: the lesson and q15's try-it; q15's points
    go to an exactly checked set of rule names)."""
    import importlib

    from .course import MODULES

    measured = {"uses metrics as feedback"}  # 08 w1: coaching_metrics
    out = []
    for m in MODULES:
        if not m.package:
            continue
        try:
            mod = importlib.import_module(f"pm_course.{m.package}.questions")
        except ModuleNotFoundError:
            continue
        for w in getattr(mod, "WRITTEN", []):
            out += [f"{m.name[:2]} {w.id}: {r.name}" for r in w.rules
                    if r.name not in measured and not r.name.startswith("length")]
    from .role.practice import PRFAQ_RULES

    out += [f"01 PR/FAQ rubric (q15 try-it, advice): {name}" for name, _ in PRFAQ_RULES]
    return out


def table(rows: Sequence[Measured]) -> str:
    """The rates as a plain-text table: rule, where, n, right accepted, wrong rejected, graded or formative."""
    head = ("rule", "where", "n", "right accepted", "wrong rejected", "decides points")
    body = [(m.rule.key, m.rule.where, str(m.n), f"{m.right_accepted:.0%} ({m.right - len(m.missed)}/{m.right})",
             f"{m.wrong_rejected:.0%} ({m.wrong - len(m.passed)}/{m.wrong})",
             "graded" if m.rule.graded else "formative (advice)") for m in rows]
    widths = [max(len(r[i]) for r in (head, *body)) for i in range(len(head))]
    line = "  ".join("{:<" + str(w) + "}" for w in widths)
    out = [line.format(*head), line.format(*("-" * w for w in widths))]
    out += [line.format(*r) for r in body]
    out.append(f"A rule decides points only at >= {RIGHT_ACCEPTED:.0%} right accepted and >= {WRONG_REJECTED:.0%} "
               "wrong rejected; the others give advice.")
    rest = unmeasured()
    if rest:
        out.append(f"Not yet measured ({len(rest)} advice-only checks: a person grades written answers with the mark "
                   "scheme; a PR/FAQ's points are an exactly checked question): " + "; ".join(rest) + ".")
    return "\n".join(out)
