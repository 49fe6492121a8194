"""Labelled sets for every rule that reads learner text: answers a careful reader judged right or wrong.

Each module here is plain data: ``RIGHT`` (answers the rule must accept) and ``WRONG`` (answers it must
reject), written the many ways people write (contractions, British and American spelling, synonyms,
numbers in words, lists, long sentences, lower case), with tricky wrong answers that share the
vocabulary of right ones. Answers a learner disputes (``q.dispute(...)``, ``pm-course report``) are the
next additions. ``pm_course.rulebench`` measures each rule on its set.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path


def names() -> list[str]:
    """The labelled sets, by module name (the rule's key in pm_course.rulebench.RULES)."""
    return sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]))


def load(name: str) -> tuple[list, list]:
    """(RIGHT, WRONG) of one labelled set."""
    mod = importlib.import_module(f"{__name__}.{name}")
    return list(mod.RIGHT), list(mod.WRONG)


def all_sets() -> dict[str, tuple[list, list]]:
    return {n: load(n) for n in names()}
