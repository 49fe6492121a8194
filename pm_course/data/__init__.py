"""The running case study: Shiftbrew, a fictional rota app for independent cafés.

One loader for all its data: ``load(name)`` returns a fresh copy of plain
Python data (lists and dicts), so an exercise can change it freely.

Datasets: company, market, interviews, survey, analytics, backlog,
stakeholders, external_stakeholders, team_motivation, activity, experiment. ``docs/case_study.md`` describes each one. The files are made
by ``tools/make_case_data.py`` with a fixed seed.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from ..core.validate import InputError, InputTypeError

__all__ = ["load", "NAMES"]

NAMES = ("company", "market", "interviews", "survey", "analytics", "backlog", "stakeholders", "team_motivation",
         "activity", "experiment", "external_stakeholders")


@cache
def _text(name: str) -> str:
    return resources.files(__name__).joinpath(f"{name}.json").read_text(encoding="utf-8")


def load(name: str) -> Any:
    """Return a fresh copy of one dataset of the case study, e.g. ``load("backlog")``."""
    if type(name) is not str:
        raise InputTypeError(f"name must be text, one of {', '.join(NAMES)}; got {type(name).__name__}.")
    key = name.strip().lower()
    if key not in NAMES:
        raise InputError(f"There is no dataset called {name!r}; the datasets are {', '.join(NAMES)}.")
    return json.loads(_text(key))  # parsed anew: a fresh copy, faster than deep-copying a parsed one
