"""The certificate commands of ``pm-course`` (added to its parser): keygen, certify, verify.

    pm-course keygen [--out PREFIX]                        a key pair: PREFIX.key (private) and PREFIX.pub
    pm-course certify ASSIGNMENT --key KEYFILE             signed certificates for the students who passed
    pm-course verify CERTIFICATE [--public-key FILE]       valid or not (exit status 0 or 1)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

__all__ = ["COMMANDS", "add_commands", "run"]

COMMANDS = ("keygen", "certify", "verify")


def add_commands(sub) -> None:
    k = sub.add_parser("keygen", help="make an Ed25519 key pair for signing certificates (instructors)")
    k.add_argument("--out", default="pm_course_signing", help="file prefix: PREFIX.key and PREFIX.pub")
    k.add_argument("--force", action="store_true", help="overwrite existing key files")
    c = sub.add_parser("certify", help="signed certificates for every student above the pass mark (instructors)",
                       description="Read ASSIGNMENT's auto-graded and manually graded scores from nbgrader's "
                                   "gradebook and sign a certificate for each student whose auto-graded score is "
                                   "at or above the pass mark.")
    c.add_argument("assignment")
    c.add_argument("--key", required=True, help="the private key file from pm-course keygen")
    c.add_argument("--root", default=".", help="the course root (default: here)")
    c.add_argument("--db", default="", help="the gradebook URL (default: sqlite:///ROOT/gradebook.db)")
    c.add_argument("--out", default="certificates", help="folder for the certificates (default: certificates)")
    c.add_argument("--issuer", default="", help="who issues them, e.g. the course and cohort")
    c.add_argument("--date", default=None, help="the date on the certificates (default: today, YYYY-MM-DD)")
    v = sub.add_parser("verify", help="check a certificate (.json): valid or not")
    v.add_argument("certificate")
    v.add_argument("--public-key", default=None, help="the instructor's public key (for a signed certificate)")


def _keygen(args) -> int:
    from .content import generate_keys, key_fingerprint

    private, public = Path(args.out + ".key"), Path(args.out + ".pub")
    existing = [str(p) for p in (private, public) if p.exists()]
    if existing and not args.force:
        print(f"pm-course: {', '.join(existing)} exists; use --force to replace it (certificates signed with the "
              "old key will no longer verify with the new public key)", file=sys.stderr)
        return 2
    priv, pub = generate_keys()
    fd = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(priv)
    public.write_bytes(pub)
    print(f"Private key: {private} (keep it secret)\nPublic key:  {public} (publish it; fingerprint "
          f"{key_fingerprint(pub)})")
    return 0


def _certify(args) -> int:
    from ..capstone.exam import PASS_MARK
    from ..capstone.questions import BY_MODULE
    from ..core.validate import InputError
    from .content import certificate_content, sign
    from .gradebook import default_db, scores
    from .issuing import _slug, _write_record
    from .render import check_name

    private = Path(args.key).read_bytes()
    rows = scores(args.assignment, args.db or default_db(args.root))
    out = Path(args.out)
    issued = waiting = below = unprintable = 0
    for r in rows:
        if not r["auto_max"] or r["auto"] < PASS_MARK * r["auto_max"] - 1e-9:
            below += 1
            print(f"{r['student']}: {r['auto']:g} of {r['auto_max']:g} auto-graded points, below the pass mark "
                  f"({PASS_MARK:.0%}): no certificate")
            continue
        if r["ungraded"]:
            waiting += 1
            print(f"{r['student']}: {r['ungraded']} written answer(s) still to grade in the formgrader: not yet")
            continue
        try:
            check_name(r["name"])
        except InputError as exc:
            unprintable += 1
            print(f"{r['student']}: no certificate: {exc}")
            continue
        content = certificate_content(
            r["name"], kind="instructor-issued", score=r["auto"], total=r["auto_max"], date=args.date,
            modules=list(BY_MODULE) if args.assignment == "09_capstone" else [args.assignment],
            student_id=r["student"], written=(r["written"], r["written_max"]) if r["written_max"] else None,
            issuer=args.issuer)
        record = sign(content, private)
        paths = _write_record(record, out, f"{_slug(r['student'])}_{args.assignment}")
        issued += 1
        print(f"{r['student']}: certificate {paths['json']} (code {record['code']})")
    print(f"{issued} issued, {waiting} waiting for manual grading, {below} below the pass mark."
          + (f" {unprintable} not issued: the name needs a font this computer does not have (see above)."
             if unprintable else ""))
    return 0


def _verify(args) -> int:
    from .content import verify_certificate

    try:
        record = json.loads(Path(args.certificate).read_text(encoding="utf-8"))
    except ValueError:
        print(f"NOT VALID: {args.certificate} is not a certificate record (.json)")
        return 1
    public = Path(args.public_key).read_bytes() if args.public_key else None
    res = verify_certificate(record, public)
    c = record.get("content", {}) if isinstance(record, dict) else {}
    if res["valid"]:
        print(f"VALID: {c.get('name')}, {c.get('score')} of {c.get('total')} points, {c.get('date')} "
              f"({c.get('kind')}); {res['reason']}")
        return 0
    print(f"NOT VALID: {res['reason']}")
    return 1


def run(args: argparse.Namespace) -> int:
    from ..autograde.cli import _check_args
    from ..core.validate import InputError, InputTypeError

    _check_args(args, COMMANDS)
    try:
        return {"keygen": _keygen, "certify": _certify, "verify": _verify}[args.command](args)
    except (InputError, InputTypeError, ValueError, OSError) as exc:
        print(f"pm-course: {exc}", file=sys.stderr)
        return 2
