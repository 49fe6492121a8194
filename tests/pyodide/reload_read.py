"""Second page load, a new interpreter over the same drive (tests/test_pyodide.py): read the progress back,
and import the exported file into an empty home."""

import json
import os

from pm_course import progress as learner
from pm_course.core import progress

before = progress.events()
passed = {r["name"]: r["passed"] for r in learner.summary().rows}
os.environ["PM_COURSE_HOME"] = "/drive/another_browser"  # a second browser: empty, then the file imported
progress.reset_connection()
empty = len(progress.events())
first = learner.import_("/drive/my_progress.json")
again = learner.import_("/drive/my_progress.json")
print("RESULT " + json.dumps({"events": before, "passed_01": passed["01_pm_role"], "empty": empty,
                              "imported": int(first), "imported_again": int(again),
                              "after_import": progress.events()}))
