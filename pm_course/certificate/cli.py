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
    c = sub.add_parser("certify", help="signed certificates for every student who passed (instructors)",
                       description="Read ASSIGNMENT's auto-graded and manually graded scores from nbgrader's "
                                   "gradebook and sign a certificate for each student who passed: for the capstone, "
                                   "at least 70 %% of the auto-graded points and 50 %% of each module's, the written "
                                   "answers graded at 50 %% or more, and the applied follow-up assignment graded at "
                                   "50 %% or more.")
    c.add_argument("assignment")
    c.add_argument("--key", required=True, help="the private key file from pm-course keygen")
    c.add_argument("--root", default=".", help="the course root (default: here)")
    c.add_argument("--db", default="", help="the gradebook URL (default: sqlite:///ROOT/gradebook.db)")
    c.add_argument("--out", default="certificates", help="folder for the certificates (default: certificates)")
    c.add_argument("--issuer", default="", help="who issues them, e.g. the course and cohort")
    c.add_argument("--date", default=None, help="the date on the certificates (default: today, YYYY-MM-DD)")
    c.add_argument("--followup", default=None,
                   help="the applied follow-up assignment that must be graded too (default for the capstone: "
                        "10_followup; 'none' to certify the capstone alone, and the certificate says so)")
    v = sub.add_parser("verify", help="check a certificate (.json): valid or not")
    v.add_argument("certificate")
    v.add_argument("--public-key", default=None,
                   help="the instructor's public key file; without it an instructor-issued certificate is not "
                        "verified (only its signature proves who issued it)")


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
    from ..capstone.exam import FOLLOWUP, MODULE_MIN, PASS_MARK, WRITTEN_MIN
    from ..capstone.questions import BY_MODULE
    from ..capstone.results import pass_rule
    from ..core.validate import InputError
    from .content import certificate_content, sign
    from .gradebook import default_db, scores
    from .issuing import _slug, _write_record
    from .render import check_name

    private = Path(args.key).read_bytes()
    db = args.db or default_db(args.root)
    rows = scores(args.assignment, db)
    capstone = args.assignment == "09_capstone"
    followup_name = args.followup or (FOLLOWUP if capstone else "none")
    followups: dict[str, dict] | None = None
    if followup_name != "none":
        try:
            followups = {f["student"]: f for f in scores(followup_name, db)}
        except ValueError:
            followups = {}  # not released or not graded yet: nobody has it
    out = Path(args.out)
    issued = waiting = below = unprintable = 0
    for r in rows:
        if capstone:
            by_module = {m: (sum(r["cells"].get(f"{q.id}_test", (0.0, 0.0))[0] for q in qs), float(sum(q.points for q in qs)))
                         for m, qs in BY_MODULE.items()}
            rule = pass_rule(by_module)
            ok, lows = rule["passed"], rule["below"]
        else:
            ok, lows = bool(r["auto_max"]) and r["auto"] >= PASS_MARK * r["auto_max"] - 1e-9, []
        if not ok:
            below += 1
            low = (f"; below {MODULE_MIN:.0%} in " + ", ".join(f"{m} ({by_module[m][0]:g} of {by_module[m][1]:g})"
                                                            for m in lows)) if lows else ""
            print(f"{r['student']}: {r['auto']:g} of {r['auto_max']:g} auto-graded points (pass mark "
                  f"{PASS_MARK:.0%} overall{f' and {MODULE_MIN:.0%} of each module' if capstone else ''}){low}: "
                  f"no certificate")
            continue
        if r["ungraded"]:
            waiting += 1
            print(f"{r['student']}: {r['ungraded']} written answer(s) still to grade in the formgrader: not yet")
            continue
        if r["written_max"] and r["written"] < WRITTEN_MIN * r["written_max"] - 1e-9:
            below += 1
            print(f"{r['student']}: written answers {r['written']:g} of {r['written_max']:g}, below "
                  f"{WRITTEN_MIN:.0%} of their points: no certificate")
            continue
        graded_followup: tuple | None = None
        if followups is not None:
            f = followups.get(r["student"])
            if f is None or f["ungraded"] or not (f["auto_max"] + f["written_max"]):
                waiting += 1
                print(f"{r['student']}: the applied follow-up ({followup_name}) is not "
                      f"{'graded' if f else 'submitted'} yet: not yet")
                continue
            got, of = f["auto"] + f["written"], f["auto_max"] + f["written_max"]
            if got < WRITTEN_MIN * of - 1e-9:
                below += 1
                print(f"{r['student']}: applied follow-up {got:g} of {of:g}, below {WRITTEN_MIN:.0%} of its "
                      f"points: no certificate")
                continue
            graded_followup = (got, of)
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
            issuer=args.issuer, followup=graded_followup)
        record = sign(content, private)
        paths = _write_record(record, out, f"{_slug(r['student'])}_{args.assignment}")
        issued += 1
        print(f"{r['student']}: certificate {paths['json']} (code {record['code']})")
    print(f"{issued} issued, {waiting} waiting for manual grading, {below} below the pass mark."
          + (f" The applied follow-up ({followup_name}) is required." if followups is not None else
             " No applied follow-up was required (--followup none).")
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
    if res.get("unverified"):
        print(f"NOT VERIFIED: {res['reason']}")
        return 1
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
