"""Certificates of completion: self-paced (self-assessed) and instructor-issued (signed, verifiable offline).

``pm_course.certificate.issue("Your Name")`` writes a self-assessed certificate
once the assessment's auto-graded part is passed (70 % overall and 50 % of each
module's points), all eight module exercises are passed, each with half of its
auto-graded points (an attempt is not enough), and every capstone step is shown (saved as the learner's own work,
meeting its rubric: :data:`pm_course.capstone.steps.CERTIFICATE_STEPS`); it lists only the modules passed and the
steps shown. Instructors issue signed ones with ``pm-course certify``
(:mod:`.cli`); anyone checks one with ``pm-course verify``. Importing this
package is cheap: the signature library and matplotlib load on first use.
"""

from __future__ import annotations

from .content import (
    COURSE,
    NotEligible,
    canonical,
    certificate_content,
    eligibility,
    verification_code,
    verify_certificate,
)

__all__ = ["COURSE", "NotEligible", "canonical", "certificate_content", "eligibility", "verification_code",
           "verify_certificate", "issue", "check_code"]


def issue(name, folder=".", *, date=None):
    """Write your self-assessed certificate of completion (PDF, PNG and the JSON record); returns the paths.

    Needs the assessment's auto-graded part passed (``pm_course.capstone.result()``: 70 % overall and 50 % of each
    module's points), all eight module exercises passed with half of their auto-graded points (your progress) and every
    capstone step shown (saved as your own work, meeting its rubric); it lists only the modules passed, the capstone
    steps shown and how many worked solutions you viewed, and says plainly that it is self-assessed.
    """
    from .issuing import issue_self_paced

    return issue_self_paced(name, folder, date=date)


def check_code(path):
    """Whether a self-assessed certificate's JSON record still matches its verification code."""
    import json
    from pathlib import Path

    from ..core.validate import InputError

    try:
        record = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"expected a certificate's .json record; could not read {str(path)!r} ({exc})") from None
    return verify_certificate(record)["valid"]
