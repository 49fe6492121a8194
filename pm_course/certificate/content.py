"""What a certificate says, its verification code and its signature (pure logic; no plotting).

A certificate's *content* is plain data: the course, the learner's name, the
date, the modules, the score and the kind ("self-assessed" or "instructor-issued").
Its verification code is the first 16 hex digits of the SHA-256 of the content
in canonical JSON (sorted keys, no spaces), so any edit changes it. A signed
certificate also carries an Ed25519 signature (RFC 8032, through the
``cryptography`` package) over the same bytes, made with the instructor's
private key: only the public key is needed to check it, offline.
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import json
from typing import Any

from ..core.feedback import Outcome
from ..core.validate import InputError, InputTypeError, describe, text

__all__ = ["COURSE", "KINDS", "MODULE_PASS_SHARE", "MIN_MODULES", "NotEligible", "canonical", "certificate_content",
           "verification_code", "sign", "verify_certificate", "eligibility", "module_standing", "solutions_viewed",
           "generate_keys", "load_private_key", "load_public_key", "key_fingerprint"]

COURSE = "PM Course: product management in practice (Shiftbrew case study)"
KINDS = ("self-assessed", "instructor-issued")
FORMAT = "pm-course-certificate/1"
#: A module's exercise counts as passed when the questions whose latest check passed hold at least this share of
#: its auto-graded points. An attempt (any check, even an invalid answer) is not enough.
MODULE_PASS_SHARE = 0.5
#: How many of the module exercises (01 to 08) a self-assessed certificate needs passed: all eight (one who skips
#: a module does not pass); it lists only those.
MIN_MODULES = 8


class NotEligible(InputError):
    """Not (yet) eligible for a certificate; the message lists what is missing."""


def _date(value: Any) -> str:
    if value is None:
        return _dt.date.today().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    s = text("date", value)
    try:
        return _dt.date.fromisoformat(s).isoformat()
    except ValueError:
        raise InputError(f"date must be a date like '2026-12-01' (YYYY-MM-DD); got {describe(value)}.") from None


def certificate_content(name: Any, *, kind: str, score: float, total: float, modules: list[str],
                        date: Any = None, student_id: str | None = None, written: tuple | None = None,
                        issuer: str = "", solutions_viewed: int | None = None,
                        followup: tuple | None = None, capstone_steps: list[str] | None = None) -> dict[str, Any]:
    """The content of a certificate as plain data (validated).

    ``modules`` are the modules the certificate lists (for a self-assessed one, the exercises passed);
    ``solutions_viewed`` is how many worked solutions the learner opened (recorded in their progress);
    ``capstone_steps`` the capstone steps shown (saved as the learner's own work, meeting their rubric).
    """
    who = text("name", name).strip()
    if not who or len(who) > 120:
        raise InputError(f"name must be 1 to 120 characters; got {describe(name)}.")
    if kind not in KINDS:
        raise InputError(f"kind must be one of {', '.join(KINDS)}; got {describe(kind)}.")
    for label, v in (("score", score), ("total", total)):
        if type(v) not in (int, float) or v != v or v < 0 or v == float("inf"):
            raise InputTypeError(f"{label} must be a number of points (0 or more); got {describe(v)}.")
    if not total or score > total:
        raise InputError(f"score must be between 0 and total ({describe(total)}); got {describe(score)}.")
    if type(modules) not in (list, tuple) or any(type(m) is not str for m in modules):
        raise InputTypeError(f"modules must be a list of module names such as ['02_research']; got {describe(modules)}.")
    for label, part in (("written", written), ("followup", followup)):
        if type(part) not in (tuple, list, type(None)) or (part is not None and (
                len(part) != 2 or any(type(v) not in (int, float) or v != v or v < 0 or v == float("inf")
                                      for v in part))):
            raise InputTypeError(f"{label} must be (score, total) of the {label} part, two numbers of points "
                                 f"(0 or more), or None; got {describe(part)}.")
    issuer = text("issuer", issuer, empty_ok=True, max_len=200)
    if solutions_viewed is not None and (type(solutions_viewed) is not int or solutions_viewed < 0):
        raise InputTypeError(f"solutions_viewed must be a whole number (0 or more) of worked solutions viewed, or "
                             f"None; got {describe(solutions_viewed)}.")
    content: dict[str, Any] = {
        "format": FORMAT, "course": COURSE, "kind": kind, "name": who, "date": _date(date),
        "modules": [text("module", m) for m in modules],
        "score": round(float(score), 2), "total": round(float(total), 2),
        "percent": round(100 * float(score) / float(total), 1),
    }
    if student_id is not None:
        content["student_id"] = text("student_id", student_id)
    if written is not None:
        content["written"] = {"score": round(float(written[0]), 2), "total": round(float(written[1]), 2)}
    if followup is not None:
        content["followup"] = {"score": round(float(followup[0]), 2), "total": round(float(followup[1]), 2)}
    if issuer:
        content["issuer"] = issuer
    if solutions_viewed is not None:
        content["solutions_viewed"] = solutions_viewed
    if capstone_steps is not None:
        from ..capstone.steps import STEPS

        if type(capstone_steps) not in (list, tuple) or any(s not in STEPS for s in capstone_steps):
            raise InputTypeError(f"capstone_steps must be a list of capstone steps among {', '.join(STEPS)}; "
                                 f"got {describe(capstone_steps)}.")
        content["capstone_steps"] = list(capstone_steps)
    return content


def canonical(content: dict[str, Any]) -> bytes:
    """The bytes that are hashed and signed: the content as JSON with sorted keys and no spaces."""
    if type(content) is not dict:
        raise InputTypeError(f"a certificate's content is a dict; got {describe(content)}.")
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def verification_code(content: dict[str, Any]) -> str:
    """16 hex digits of the content's SHA-256, in groups of four (e.g. '3F2A-09C1-...')."""
    h = hashlib.sha256(canonical(content)).hexdigest()[:16].upper()
    return "-".join(h[i:i + 4] for i in range(0, 16, 4))


# ---------------------------------------------------------------- signatures (Ed25519)


def generate_keys() -> tuple[bytes, bytes]:
    """A new Ed25519 key pair as PEM bytes: (private key, public key)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    public = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return private, public


def _pem(name: str, value: Any) -> bytes:
    """Key bytes in PEM form (as read from a key file in binary mode)."""
    if type(value) is not bytes:
        raise InputTypeError(f"{name} must be a key in PEM form as bytes (e.g. Path('key.pub').read_bytes()); "
                             f"got {describe(value)}.")
    return value


def load_private_key(pem: bytes):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError) as exc:
        raise InputError(f"expected an Ed25519 private key in PEM form (from pm-course keygen); {exc}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise InputError(f"expected an Ed25519 private key; got a {type(key).__name__}.")
    return key


def load_public_key(pem: bytes):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = serialization.load_pem_public_key(pem)
    except (ValueError, TypeError) as exc:
        raise InputError(f"expected an Ed25519 public key in PEM form (from pm-course keygen); {exc}") from None
    if not isinstance(key, Ed25519PublicKey):
        raise InputError(f"expected an Ed25519 public key; got a {type(key).__name__}.")
    return key


def key_fingerprint(public_pem: bytes) -> str:
    """A short fingerprint of a public key (SHA-256 of its raw bytes, 16 hex digits)."""
    from cryptography.hazmat.primitives import serialization

    raw = load_public_key(public_pem).public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def sign(content: dict[str, Any], private_pem: bytes) -> dict[str, Any]:
    """A signed certificate record: ``{"content", "code", "signature", "key"}``."""
    from cryptography.hazmat.primitives import serialization

    if type(content) is not dict or any(k not in content for k in ("format", "name", "score", "total")):
        raise InputTypeError(f"content must be a certificate's content (a dict, as from certificate_content()); "
                             f"got {describe(content)}.")
    key = load_private_key(_pem("private_pem", private_pem))
    public = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    signature = base64.b64encode(key.sign(canonical(content))).decode("ascii")
    return {"content": content, "code": verification_code(content), "signature": signature,
            "key": key_fingerprint(public)}


def verify_certificate(record: Any, public_pem: bytes | None = None) -> dict[str, Any]:
    """Check a certificate record: ``{"valid": bool, "reason": str}``.

    The code must match the content; with ``public_pem``, the record must also
    carry a signature that the key accepts (a self-assessed certificate has none).
    """
    if public_pem is not None:
        _pem("public_pem", public_pem)
    if type(record) is not dict or type(record.get("content")) is not dict:
        return {"valid": False, "reason": "not a certificate record (no content)"}
    content = record["content"]
    if record.get("code") != verification_code(content):
        return {"valid": False, "reason": "the verification code does not match the content: it was edited"}
    if public_pem is None:
        if content.get("kind") != "self-assessed":
            # Anyone can write a record and its code: only the instructor's signature makes it instructor-issued.
            return {"valid": False, "unverified": True,
                    "reason": "not verified: this certificate says it is instructor-issued, which only a signature "
                              "check can confirm; give --public-key with the instructor's public key file"}
        return {"valid": True, "reason": "the code matches the content (a self-assessed certificate: anyone can "
                                         "make one; it is not a signature check)"}
    sig = record.get("signature")
    if type(sig) is not str:
        return {"valid": False, "reason": "the certificate is not signed (a self-assessed certificate?)"}
    from cryptography.exceptions import InvalidSignature

    key = load_public_key(public_pem)
    try:
        key.verify(base64.b64decode(sig, validate=True), canonical(content))
    except (InvalidSignature, ValueError):
        return {"valid": False, "reason": "the signature does not match: the certificate was edited, or another "
                                          "key signed it"}
    return {"valid": True, "reason": f"signed by the key {key_fingerprint(public_pem)}"}


# ---------------------------------------------------------------- eligibility (self-paced)


def _exercise_modules() -> list:
    from ..course import MODULES, questions

    return [m for m in MODULES if m.ready and m.package and m.name not in ("00_welcome", "09_capstone")
            and questions(m.name)]


def module_standing() -> list[dict[str, Any]]:
    """For each module exercise (01 to 08): the points of the questions whose latest check passed, of all its
    auto-graded points, and whether that reaches :data:`MODULE_PASS_SHARE` (an invalid or failed check counts 0)."""
    from ..core import progress
    from ..course import questions

    latest: dict[tuple[str, str], str] = {}
    for e in progress.events():
        if e["action"] == "check":
            latest[(e["module"], e["question"])] = e["outcome"]
    rows = []
    for m in _exercise_modules():
        qs = questions(m.name)
        total = float(sum(q.points for q in qs))
        got = float(sum(q.points for q in qs if latest.get((m.name, q.id)) == Outcome.PASSED))
        rows.append({"module": m.name, "points": got, "total": total,
                     "passed": total > 0 and got >= MODULE_PASS_SHARE * total - 1e-9})
    return rows


def solutions_viewed() -> int:
    """How many worked solutions you have opened (``qN.solution()``), each question counted once, in modules 01-09."""
    from ..core import progress

    return len({(e["module"], e["question"]) for e in progress.events()
                if e["action"] == "solution" and e["module"] not in ("00_welcome",)})


def eligibility() -> dict[str, Any]:
    """Whether you can issue your self-assessed certificate, from your progress: what is passed, what is missing.

    Eligible when the assessment's auto-graded part is passed (its pass rule: overall and each module's minimum),
    at least :data:`MIN_MODULES` module exercises
    are passed (each at :data:`MODULE_PASS_SHARE` of its auto-graded points), and at least
    :data:`pm_course.capstone.steps.CERTIFICATE_STEPS` capstone steps are shown (saved as your own work and meeting
    their rubric); the certificate lists only those modules and those steps.
    """
    from ..capstone.results import exam_result
    from ..capstone.steps import CERTIFICATE_STEPS, step_status

    standing = module_standing()
    passed = [r["module"] for r in standing if r["passed"]]
    missing = [r["module"] for r in standing if not r["passed"]]
    result = exam_result()
    steps = step_status()
    shown = [s for s, row in steps.items() if row["state"] == "shown"]
    return {"exam": result, "steps": steps, "steps_shown": shown, "steps_needed": CERTIFICATE_STEPS,
            "modules": [r["module"] for r in standing], "standing": standing,
            "passed_modules": passed, "missing_modules": missing, "min_modules": MIN_MODULES,
            "solutions_viewed": solutions_viewed(),
            "eligible": result.passed and len(passed) >= MIN_MODULES and len(shown) >= CERTIFICATE_STEPS}
