"""The course's branching-scenario engine: a scenario is data, played by one engine.

A scenario (:class:`ScenarioSpec`) is plain data: nodes with options, each
option with a consequence, effects on named meters (trust, risk, ...) and a
next node or a :class:`Chance`; endings are nodes without options. One
``score`` function per scenario turns the state at an ending into the
outcome's fields (e.g. a verdict). The engine (:class:`Scenario`) plays any
spec. Chance events draw from ``random.Random(seed)`` in the order they
happen, so the same seed and the same choices always give the same story and
the same outcome; ``code()`` gives the line that replays a state.

Module 05 (pm_course.collaboration.scenario) and module 08
(pm_course.leading.scenario) define their stories as specs. No widgets here.

    s = Scenario(SPEC, seed=7)
    s.choose("b")            # returns what happened
    s.play(["a"])            # several choices; returns the outcome when the story ends
    s.value                  # {'seed': 7, 'choices': ['b', 'a'], 'finished': True, 'outcome': {...}}
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .core.validate import InputError, InputTypeError, describe, fraction, integer, text

__all__ = ["Chance", "Option", "Node", "Meter", "ScenarioSpec", "Scenario", "all_paths", "replay", "replay_issue",
           "reading"]


@dataclass(frozen=True)
class Chance:
    """A chance event: with probability ``p`` go to ``yes``, else to ``no``."""

    p: float
    event: str
    yes: str
    no: str
    yes_text: str
    no_text: str

    def __post_init__(self) -> None:
        fraction("p", self.p)
        text("event", self.event)
        for name in ("yes", "no", "yes_text", "no_text"):
            text(name, getattr(self, name), empty_ok=True)


@dataclass(frozen=True)
class Option:
    """One option at a node: a label, what happens, effects on meters, and the next node (or a chance)."""

    key: str
    label: str
    consequence: str
    effects: dict[str, int] = field(default_factory=dict)
    next: str | Chance = ""

    def __post_init__(self) -> None:
        text("key", self.key)
        text("label", self.label)
        text("consequence", self.consequence, empty_ok=True)
        if type(self.effects) is not dict:
            raise InputTypeError(f"effects must be a dict of meter name -> change, e.g. {{'trust': 1}}; "
                                 f"got {describe(self.effects)}.")
        for meter, delta in self.effects.items():
            text("a meter name in effects", meter)
            integer(f"the effect on {meter!r}", delta)
        if not isinstance(self.next, Chance):
            text("next", self.next, empty_ok=True)


@dataclass(frozen=True)
class Node:
    """A decision point (with options) or an ending (without); ``lesson`` is what an ending teaches."""

    title: str
    text: str
    options: tuple[Option, ...] = ()
    lesson: str = ""

    def __post_init__(self) -> None:
        text("title", self.title)
        text("text", self.text, empty_ok=True)
        if type(self.options) not in (tuple, list) or any(not isinstance(o, Option) for o in self.options):
            raise InputTypeError(f"options must be a tuple of Option(...); got {describe(self.options)}.")
        text("lesson", self.lesson, empty_ok=True)


def _bar(n: int, low: int, high: int) -> tuple[str, str]:
    return "■" * (n - low) + "□" * (high - n), f"{n}/{high}"


@dataclass(frozen=True)
class Meter:
    """A number the story tracks: it starts at ``start`` and effects move it, kept within ``low``..``high``.

    ``label`` is how a player shows it (empty: not shown); ``gauge(n)`` returns
    the two texts a player shows for value ``n`` (a gauge and a reading); by
    default a bar of ``high - low`` squares and ``n/high``.
    """

    start: int = 5
    low: int = 0
    high: int | None = 10
    label: str = ""
    gauge: Callable[[int], tuple[str, str]] | None = None

    def __post_init__(self) -> None:
        low = integer("low", self.low)
        high = None if self.high is None else integer("high", self.high, low=low)
        integer("start", self.start, low=low, high=high)
        text("label", self.label, empty_ok=True)
        if self.gauge is not None and not callable(self.gauge):
            raise InputTypeError(f"gauge must be a function of the meter's value, or None; got {describe(self.gauge)}.")

    def clamp(self, n: int) -> int:
        n = max(self.low, n)
        return n if self.high is None else min(self.high, n)

    def show(self, n: int) -> tuple[str, str]:
        if self.gauge is not None:
            return self.gauge(n)
        if self.high is None:
            return "", str(n)
        return _bar(n, self.low, self.high)


@dataclass(frozen=True)
class ScenarioSpec:
    """A whole scenario as data, checked when it is made (every target exists, every path ends).

    ``score(run)`` is called once at an ending, with the finished run (read
    ``run.meters``, ``run.node``, ``run.spec.nodes[run.node]``; draw chance with
    ``run.draw(p)``); it returns the outcome's fields, which must include a
    ``verdict``. ``summary(outcome)`` is one plain sentence a player shows
    with the verdict.
    """

    name: str
    nodes: Mapping[str, Node]
    start: str
    meters: Mapping[str, Meter]
    score: Callable[[Scenario], dict[str, Any]]
    summary: Callable[[dict[str, Any]], str] = lambda outcome: ""
    max_steps: int = 10

    def __post_init__(self) -> None:
        text("name", self.name)
        for field_name, kind in (("nodes", Node), ("meters", Meter)):
            value = getattr(self, field_name)
            if not isinstance(value, Mapping) or any(type(k) is not str or not isinstance(v, kind)
                                                     for k, v in value.items()):
                raise InputTypeError(f"{field_name} must be a dict of name -> {kind.__name__}(...); "
                                     f"got {describe(value)}.")
        text("start", self.start)
        for field_name in ("score", "summary"):
            if not callable(getattr(self, field_name)):
                raise InputTypeError(f"{field_name} must be a function; got {describe(getattr(self, field_name))}.")
        integer("max_steps", self.max_steps, low=1)
        if self.start not in self.nodes:
            raise ValueError(f"{self.name}: the start node {self.start!r} is not a node")
        for key, node in self.nodes.items():
            for o in node.options:
                unknown = [m for m in o.effects if m not in self.meters]
                if unknown:
                    raise ValueError(f"{self.name}: option {key}/{o.key} moves unknown meters {unknown}")
                targets = [o.next.yes, o.next.no] if isinstance(o.next, Chance) else [o.next]
                missing = [t for t in targets if t not in self.nodes]
                if missing:
                    raise ValueError(f"{self.name}: option {key}/{o.key} leads to unknown nodes {missing}")
        all_paths(self)  # raises if a path is longer than max_steps

    @property
    def endings(self) -> tuple[str, ...]:
        return tuple(k for k, n in self.nodes.items() if not n.options)


class Scenario:
    """Plays one :class:`ScenarioSpec`; deterministic from ``seed``.

    Attributes you can read: ``node`` (the current node id), ``title``,
    ``text``, ``options`` ({key: label}), ``meters`` ({name: number}),
    ``choices``, ``history`` (one dict per step), ``finished`` and ``outcome``
    (None until the story ends).
    """

    def __init__(self, spec: ScenarioSpec, seed: int = 0):
        if not isinstance(spec, ScenarioSpec):
            raise InputTypeError(f"a scenario is played from a ScenarioSpec; got {describe(spec)}.")
        self.spec = spec
        if seed is None:
            raise InputTypeError("seed must be a whole number 0 or above (the same seed replays the same story); "
                                 "got None.")
        self.reset(seed)

    def reset(self, seed: int | None = None) -> None:
        """Start again, with the same seed or a new one."""
        if seed is not None:
            self.seed = integer("seed", seed, low=0, hint="Any whole number 0 or above; the same seed replays the same story.")
        self._rng = random.Random(self.seed)
        self.node = self.spec.start
        self.meters = {k: m.start for k, m in self.spec.meters.items()}
        self.choices: list[str] = []
        self.history: list[dict[str, Any]] = []
        self.outcome: dict[str, Any] | None = None

    # ---------------------------------------------------------------- reading

    @property
    def finished(self) -> bool:
        return self.outcome is not None

    @property
    def title(self) -> str:
        return self.spec.nodes[self.node].title

    @property
    def text(self) -> str:
        return self.spec.nodes[self.node].text

    @property
    def options(self) -> dict[str, str]:
        return {o.key: o.label for o in self.spec.nodes[self.node].options}

    @property
    def value(self) -> dict[str, Any]:
        """Plain data: the seed, the choices made, whether the story ended, and the outcome."""
        return {
            "seed": self.seed,
            "choices": list(self.choices),
            "finished": self.finished,
            "outcome": None if self.outcome is None else copy.deepcopy(self.outcome),
        }

    def gauges(self) -> list[tuple[str, str, str]]:
        """What a player shows for each labelled meter: (label, gauge, reading), plain text."""
        return [(m.label, *m.show(self.meters[k])) for k, m in self.spec.meters.items() if m.label]

    def summary(self) -> str:
        """One plain sentence about the outcome ('' before the end)."""
        return "" if self.outcome is None else self.spec.summary(self.outcome)

    def code(self, name: str = "scenario") -> str:
        """The line of code that replays this state."""
        name = text("name", name)
        if not name.isidentifier():
            raise InputError(f"name must be a Python variable name (the variable that holds the scenario, e.g. 'scenario'); got {name!r}.")
        return f"{name}.reset(seed={self.seed}); {name}.play({self.choices!r})"

    # ---------------------------------------------------------------- playing

    def draw(self, p: float) -> bool:
        """One chance draw from the seeded generator: True with probability ``p``."""
        return self._rng.random() < p

    def choose(self, key: str) -> str:
        """Make one choice ('a', 'b', ...) at the current node; returns what happened."""
        if self.outcome is not None:
            raise InputError(
                f"the story has ended ({self.outcome['title']}); call reset() to play again, "
                "or reset(seed=...) for a different run of chance."
            )
        opts = self.spec.nodes[self.node].options
        keys = [o.key for o in opts]
        if type(key) is not str:
            raise InputTypeError(f"a choice is one letter, one of {', '.join(map(repr, keys))}; got {describe(key)}.")
        k = key.strip().lower()
        if k not in keys:
            raise InputError(f"at '{self.title}' the choices are {', '.join(map(repr, keys))}; got {key!r}.")
        option = next(o for o in opts if o.key == k)
        lines = [option.consequence]
        for name, delta in option.effects.items():
            self.meters[name] = self.spec.meters[name].clamp(self.meters[name] + delta)
        target = option.next
        if isinstance(target, Chance):
            ok = self.draw(target.p)
            lines.append(target.yes_text if ok else target.no_text)
            target = target.yes if ok else target.no
        step = {"node": self.node, "choice": k, "label": option.label, "happened": " ".join(lines)}
        self.choices.append(k)
        self.node = target
        if not self.spec.nodes[target].options:
            lines += self._end()
            step["happened"] = " ".join(lines)
        self.history.append(step)
        return " ".join(lines)

    def play(self, keys: list[str] | tuple[str, ...]) -> dict[str, Any] | None:
        """Make several choices in order; returns the outcome if the story ended, else None."""
        if type(keys) not in (list, tuple):
            raise InputTypeError(f"play() takes a list of choices such as ['b', 'a']; got {describe(keys)}.")
        for k in keys:
            self.choose(k)
        return None if self.outcome is None else copy.deepcopy(self.outcome)

    def _end(self) -> list[str]:
        ending = self.spec.nodes[self.node]
        fields = self.spec.score(self)
        self.outcome = {
            "ending": self.node,
            "title": ending.title,
            **fields,
            "steps": len(self.choices),
            "lesson": ending.lesson,
        }
        return [ending.lesson]

    def __repr__(self) -> str:
        state = f"ended: {self.outcome['title']}" if self.outcome is not None else f"at '{self.title}'"
        return f"<{type(self).__name__} seed={self.seed} choices={self.choices} {state}>"


def replay(spec: ScenarioSpec, choices: list[str], seed: int = 0) -> dict[str, Any]:
    """Replay ``choices`` from the start with ``seed``; returns the run's ``value``."""
    s = Scenario(spec, seed)
    s.play(choices)
    return s.value


def replay_issue(spec: ScenarioSpec, value: Any) -> str | None:
    """For a rubric over a played scenario: None when ``value`` (a scenario's ``.value``) is a state that ``spec``
    produces when its choices are replayed from its seed, else what is wrong, in words."""
    if not isinstance(spec, ScenarioSpec):
        raise InputTypeError(f"replay_issue() takes a ScenarioSpec; got {describe(spec)}.")
    if type(value) is not dict or "choices" not in value or "seed" not in value:
        return "expected the scenario's value: a dict with its seed and choices (pass the scenario widget itself)."
    try:
        again = replay(spec, list(value["choices"]), seed=value["seed"])
    except (ValueError, TypeError, KeyError) as exc:
        return f"these choices do not replay: {exc}"
    if again != value:
        return "this state is not one the scenario produces: play it in the widget or with scenario.play([...])"
    return None


def play_rules(spec: ScenarioSpec, seed: int) -> list:
    """The rubric rules every played-scenario question starts with: the given seed, played to an ending, and a
    state the scenario produces (:func:`replay_issue`). A question adds its own rules on the outcome."""
    from .core.checkers import Rule

    return [
        Rule("seed", lambda v: None if v.get("seed") == seed
             else f"play with seed {seed}: scenario.reset(seed={seed})"),
        Rule("finished", lambda v: None if v.get("finished") is True else "play the story to an ending"),
        Rule("replays", lambda v: replay_issue(spec, v)),
    ]


def reading(value: Any, *keys: str) -> Any:
    """``value[k1][k2]...`` of a scenario's plain value, or None where a key is missing (for rubric rules)."""
    for k in keys:
        value = value[k] if type(value) is dict and k in value else None
    return value


def all_paths(spec: ScenarioSpec) -> list[list[str]]:
    """Every sequence of choices from the start to an ending (chance aside: each branch of a chance is explored)."""
    if not isinstance(spec, ScenarioSpec):
        raise InputTypeError(f"all_paths() takes a ScenarioSpec; got {describe(spec)}.")
    paths: list[list[str]] = []

    def walk(node: str, path: list[str]) -> None:
        if len(path) > spec.max_steps:
            raise RuntimeError(f"path longer than {spec.max_steps} steps: {path}")
        opts = spec.nodes[node].options
        if not opts:
            paths.append(path)
            return
        for o in opts:
            targets = [o.next.yes, o.next.no] if isinstance(o.next, Chance) else [o.next]
            for t in dict.fromkeys(targets):
                walk(t, path + [o.key])

    walk(spec.start, [])
    unique = {tuple(p) for p in paths}
    return [list(p) for p in sorted(unique)]
