"""First page load (tests/test_pyodide.py): record progress on the drive, export it, print what was written."""

import json

from pm_course import progress as learner
from pm_course.core import progress
from pm_course.course import questions

q = questions("01_pm_role")[0]
q.check(q.answer)  # a real check records a pass
progress.record("01_pm_role", "q2", "hint")
progress.record("01_pm_role", "q2", "check", "failed")
exported = learner.export("/drive/my_progress.json")
print("RESULT " + json.dumps({"home": str(progress.home()), "store": progress.store_kind(),
                              "where": learner.where(), "events": progress.events(),
                              "exported": exported.events, "question": q.id}))
