"""Sealed answers: how the assessment checks an answer without holding it.

For each auto-graded question and each variant of the case, ``sealed.json``
(written by ``tools/seal_exam.py``, never by hand) holds salted, slow hashes
(PBKDF2-HMAC-SHA256, :data:`ITERATIONS` rounds; salt = :data:`COURSE_SALT`,
the variant and the question id) of every accepted answer in its canonical
form, and the hashes of known wrong answers mapped to what they tell the
learner. This module holds no reference answer and nothing that computes one:
an answer is put in its canonical form (:func:`canonical`), hashed
(:func:`digest`) and looked up.

Canonical forms:

- a number: written with one decimal more than the question states
  (``f"{x:.3f}"`` for "to 2 decimal places"); the sealing tool accepts every
  such number within half a unit of the stated last decimal of the reference,
  the tolerance the course's checks use, so both the unrounded value and the
  value rounded as the lesson shows it pass;
- one option or a text: trimmed, spaces collapsed, lower case;
- a set or letters: sorted; a mapping: its (item, category) pairs, sorted; a
  ranking: the list as given;
- a function: its results on fixed inputs, each a ranking, run in the isolated
  runner (:func:`pm_course.core.checkers.isolated`), each hashed on its own.

What this protects, and what it does not: no reference answer, and no function
that computes one, can be read from the package, and a revealed worked solution
no longer exists to run. Someone who reads this code can still try every
answer of a small answer space offline (a letter, one of four options) against
the hashes; the slow hash only makes large numeric spaces costly. Nor can a
self-paced exam know who did the work. The certificate says what was shown:
a self-assessed result on the first submission.
"""

from __future__ import annotations

import hashlib
import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..core.checkers import conform_mapping
from ..core.validate import MalformedAnswer, NotAttempted, conform, describe

__all__ = [
    "COURSE_SALT", "ITERATIONS", "VARIANTS", "SEALED_PATH", "digest", "canonical", "load", "lookup",
    "NumberForm", "ChoiceForm", "MappingForm", "SetForm", "LettersForm", "RankingForm", "FunctionForm", "WidgetForm",
    "for_case",
]

COURSE_SALT = "pm-course/09_capstone/sealed/v1"
#: PBKDF2 rounds per hash: slow enough that a large numeric space costs time, fast enough for a submission.
ITERATIONS = 4000
#: Bytes of each hash kept in sealed.json.
HASH_BYTES = 12
#: The bank of variants a learner's id picks from (the demo id has its own, "demo").
VARIANTS = 256
SEALED_PATH = Path(__file__).with_name("sealed.json")


def digest(variant: str, qid: str, canon: str) -> str:
    """The sealed hash of one canonical answer of question ``qid`` in ``variant``."""
    salt = f"{COURSE_SALT}|{variant}|{qid}".encode()
    return _pbkdf2_sha256(canon.encode("utf-8"), salt, ITERATIONS)[:HASH_BYTES].hex()


def _pbkdf2_sha256(password: bytes, salt: bytes, rounds: int) -> bytes:
    """PBKDF2-HMAC-SHA256 (RFC 8018), one 32-byte block: hashlib's where it has it; in the browser, Pyodide's hashlib
    is built without OpenSSL and has no ``pbkdf2_hmac``, so the same function is computed with ``hmac`` there.

    >>> _pbkdf2_sha256(b"password", b"salt", 2).hex()[:16]
    'ae4d0c95af6b46d3'
    """
    if hasattr(hashlib, "pbkdf2_hmac"):
        return hashlib.pbkdf2_hmac("sha256", password, salt, rounds)
    return _pbkdf2_sha256_by_hand(password, salt, rounds)


def _pbkdf2_sha256_by_hand(password: bytes, salt: bytes, rounds: int) -> bytes:
    import hmac

    key = hmac.new(password, digestmod="sha256")
    mac = key.copy()
    mac.update(salt + b"\x00\x00\x00\x01")
    u = mac.digest()
    out = int.from_bytes(u, "big")
    for _ in range(rounds - 1):
        mac = key.copy()
        mac.update(u)
        u = mac.digest()
        out ^= int.from_bytes(u, "big")
    return out.to_bytes(32, "big")


def _text(s: str) -> str:
    return " ".join(s.split()).casefold()


def number_text(x: float, decimals: int) -> str:
    """A number as written at ``decimals`` places, with no negative zero."""
    out = f"{float(x):.{decimals}f}"
    return out[1:] if out.startswith("-") and float(out) == 0 else out


def canonical(form: str, value: Any, decimals: int = 0) -> str:
    """The canonical text of a conformed answer of kind ``form``."""
    if form == "number":
        return number_text(value, decimals + 1)
    if form == "choice":
        return _text(value)
    if form in ("set", "letters"):
        return json.dumps(sorted(_text(x) for x in value))
    if form == "mapping":
        return json.dumps(sorted((_text(k), _text(v)) for k, v in value.items()))
    if form == "ranking":
        return json.dumps([_text(x) for x in value])
    raise ValueError(f"unknown form {form!r}")


def neighbours(x: float, decimals: int) -> list[str]:
    """The canonical numbers accepted for a reference ``x`` asked to ``decimals`` places: every number written with
    ``decimals + 1`` places within half a unit of the last stated decimal (the course's tolerance)."""
    half = 0.5 * 10.0 ** -decimals + 1e-9
    step = 10.0 ** -(decimals + 1)
    low, high = math.ceil(round((x - half) / step, 6)), math.floor(round((x + half) / step, 6))
    return sorted({number_text(k * step, decimals + 1) for k in range(low, high + 1)})


@lru_cache(maxsize=1)
def load() -> dict[str, Any]:
    """The sealed record (hashes only)."""
    return json.loads(SEALED_PATH.read_text(encoding="utf-8"))


def lookup(variant: str, qid: str, canon: str, key: str = "") -> tuple[bool, list[str]]:
    """(accepted?, the messages of a known wrong answer) for a canonical answer; ``key`` names a function case."""
    seal = load()["seals"][variant][qid]
    if key:
        seal = seal["cases"][key]
    h = digest(variant, qid + (f"#{key}" if key else ""), canon)
    if h in seal["ok"]:
        return True, []
    found = seal.get("mis", {}).get(h, [])
    messages = load()["questions"][qid]["messages"]
    return False, [messages[i] for i in found]


# ---------------------------------------------------------------- answer forms (no expected values)


def for_case(form: Any, case: Any) -> Any:
    """``form`` with ``case``'s items where it takes them from the case (see :class:`MappingForm`)."""
    bind = getattr(form, "for_case", None)
    return bind(case) if bind is not None else form


class NumberForm:
    form = "number"
    shape: Any = float

    def __init__(self, decimals: int, unit: str = ""):
        self.decimals, self.unit = decimals, unit

    def conform(self, answer: Any) -> Any:
        return conform(answer, float)

    def canonical(self, clean: Any) -> str:
        return canonical("number", clean, self.decimals)

    def describe_expected(self) -> str:
        return "a number" + (f" ({self.unit})" if self.unit else "")


class ChoiceForm:
    form = "choice"
    shape: Any = str

    def __init__(self, options: list[str]):
        self.options = list(options)

    def conform(self, answer: Any) -> Any:
        value = conform(answer, str)
        for opt in self.options:
            if _text(opt) == _text(value):
                return opt
        raise MalformedAnswer(f"your answer should be one of {', '.join(repr(o) for o in self.options)}; "
                              f"got {describe(value)}.")

    def canonical(self, clean: Any) -> str:
        return canonical("choice", clean)

    def describe_expected(self) -> str:
        return "one of " + ", ".join(repr(o) for o in self.options)


class MappingForm:
    """A dict of item -> category. ``items`` is the list of items, or the name of the case attribute that holds
    them (each learner's case has its own items): :meth:`for_case` gives the form with that case's items."""

    form = "mapping"
    shape: Any = dict[str, str]

    def __init__(self, items: list[str] | str, categories: list[str]):
        self.items_of = items if isinstance(items, str) else None
        self.items = [] if isinstance(items, str) else list(items)
        self.categories = list(categories)

    def for_case(self, case: Any) -> MappingForm:
        """This form with ``case``'s items (itself when its items are the same for every case)."""
        if self.items_of is None:
            return self
        return MappingForm(list(getattr(case, self.items_of)), self.categories)

    def conform(self, answer: Any) -> Any:
        if self.items_of is not None:
            raise RuntimeError("a case's mapping form: use form.for_case(case) first")
        return conform_mapping(answer, self.items, self.categories)

    def canonical(self, clean: Any) -> str:
        return canonical("mapping", clean)

    def describe_expected(self) -> str:
        return "a dict of item -> " + " or ".join(repr(c) for c in self.categories)


class SetForm:
    form = "set"
    shape: Any = set[str]

    def conform(self, answer: Any) -> Any:
        return conform(answer, set[str])

    def canonical(self, clean: Any) -> str:
        return canonical("set", clean)

    def describe_expected(self) -> str:
        return "a set of texts"


class LettersForm:
    form = "letters"
    shape: Any = set[str]

    def __init__(self, alphabet: str = "SMART"):
        self.alphabet = alphabet

    def conform(self, answer: Any) -> Any:
        if type(answer) is str:
            items = [c for c in answer if not c.isspace() and c not in ",;/{}[]()'\"+&"]
        else:
            items = [x.strip() for x in (conform(answer, list[str]) if isinstance(answer, (list, tuple))
                                         else conform(answer, set[str]))]
        letters = {x.upper() for x in items}
        wrong = sorted(x for x in letters if len(x) != 1 or x not in self.alphabet.upper())
        if wrong:
            raise MalformedAnswer(f"each item should be one of the letters {', '.join(self.alphabet)}; got "
                                  f"{', '.join(repr(w) for w in wrong)} (write e.g. {{'M', 'T'}} or 'MT').")
        return letters

    def canonical(self, clean: Any) -> str:
        return canonical("letters", clean)

    def describe_expected(self) -> str:
        return f"a set of letters from {self.alphabet} (e.g. {{'M', 'T'}} or 'MT')"


class RankingForm:
    form = "ranking"
    shape: Any = list[str]

    def conform(self, answer: Any) -> Any:
        return conform(answer, list[str])

    def canonical(self, clean: Any) -> str:
        return canonical("ranking", clean)

    def describe_expected(self) -> str:
        return "a list of ids, in order"


class WidgetForm:
    """An answer given through a widget: its ``attr`` (``.value``) read in ``inner``'s form."""

    def __init__(self, inner: Any, attr: str = "value"):
        self.inner, self.attr = inner, attr
        self.form, self.shape = inner.form, inner.shape

    def for_case(self, case: Any) -> WidgetForm:
        return WidgetForm(for_case(self.inner, case), self.attr)

    def conform(self, answer: Any) -> Any:
        if answer is Ellipsis:
            raise NotAttempted("your answer")
        if type(answer) in (int, float, str, bool, list, dict, tuple, set) or answer is None:
            raise MalformedAnswer("Pass the widget itself (the variable that holds it), not a value you typed: "
                                  f"this question reads what you set in the widget; got {describe(answer)}.")
        try:
            state = getattr(answer, self.attr)
        except (Exception, SystemExit):
            raise MalformedAnswer(f"Expected the widget from this exercise; got {describe(answer)}.") from None
        return self.inner.conform(state)

    def canonical(self, clean: Any) -> str:
        return self.inner.canonical(clean)

    def describe_expected(self) -> str:
        return "the widget itself (the variable that holds it), not its value"


class FunctionForm:
    """A function the learner writes; its results on each case are ranked lists of ids."""

    form = "function"
    shape: Any = None

    def __init__(self, time_limit: float = 2.0):
        import types

        self.time_limit = time_limit
        self.shape = types.FunctionType

    def conform(self, answer: Any) -> Any:
        import types

        if answer is Ellipsis:
            raise NotAttempted("your function")
        if not isinstance(answer, types.FunctionType) and not getattr(answer, "__pm_course_remote__", False):
            raise MalformedAnswer(f"pass your function itself (its name, no brackets); got {describe(answer)}.")
        return answer

    def results(self, fn: Any, cases: list[tuple[str, tuple]]) -> dict[str, str]:
        """Run ``fn`` on every case in the isolated runner: case key -> canonical result, or a problem.

        A problem is a text starting with "!" (it never matches a hash)."""
        from ..core.isolation import isolated, unplain_in

        outcomes = isolated(fn, self.time_limit).run_all([args for _, args in cases])
        out: dict[str, str] = {}
        for (key, _), o in zip(cases, outcomes):
            if o.kind == "timeout":
                out[key] = f"!did not finish within {self.time_limit:g} s: look for a loop that never ends"
            elif o.kind == "exited":
                out[key] = "!ended its own process (os._exit, or a crash): return a value instead"
            elif o.kind == "garbled":
                out[key] = "!returned something that could not be read back: return a list of ids"
            elif o.kind == "raised":
                out[key] = f"!raised {o.name}: {o.message[:200]}"
            elif o.value is Ellipsis:
                out[key] = "!still returns ... : finish your code"
            elif unplain_in(o.value) is not None:
                out[key] = "!returned something that is not a list of ids"
            else:
                try:
                    out[key] = canonical("ranking", conform(o.value, list[str], "the value your function returned"))
                except (MalformedAnswer, NotAttempted) as exc:
                    out[key] = f"!{exc}"
        return out

    def canonical(self, clean: Any) -> str:  # pragma: no cover - functions are sealed case by case
        raise TypeError("a function answer is sealed by its results, case by case")

    def describe_expected(self) -> str:
        return "your function itself (its name, no brackets)"
