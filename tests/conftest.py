"""Test settings shared by the whole suite.

Progress goes to a throw-away PM_COURSE_HOME for every test session (and for the
kernels nbval starts, which inherit the environment), never to the real home.
Plots draw off-screen.
"""

import os
import tempfile

os.environ["PM_COURSE_HOME"] = tempfile.mkdtemp(prefix="pm-course-test-home-")
os.environ.setdefault("MPLBACKEND", "Agg")
# Grading cells raise on any answer that does not pass, as under nbgrader (also in the kernels nbval starts,
# so a wrong answer in a solutions notebook fails the run). Learners' own sessions do not set it.
os.environ["PM_COURSE_GRADE_STRICT"] = "1"

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# Property tests judge results, not speed: a loaded 2-core CI machine must not fail them on time.
# Speed is measured by `make bench`.
settings.register_profile("course", deadline=None)
settings.load_profile("course")


@pytest.fixture()
def fresh_home(tmp_path, monkeypatch):
    """A new, empty progress home for one test."""
    from pm_course.core import progress

    monkeypatch.setenv("PM_COURSE_HOME", str(tmp_path / "home"))
    progress.reset_connection()
    yield tmp_path / "home"
    progress.reset_connection()
