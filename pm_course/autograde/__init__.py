"""Grading a cohort where learner code cannot change a verdict (instructors).

The learner's notebook runs inside a sandbox (:mod:`.sandbox`, bubblewrap),
where the course's questions carry no answers (:mod:`.formonly`). Only plain
data leaves it (:mod:`.plain`). The instructor's tests, with their hidden
parts, run outside in a process where no learner code ran (:mod:`.engine`),
for a whole cohort in parallel, with nbgrader's gradebook written by one
writer (:mod:`.cohort`). ``pm-course autograde`` and ``pm-course report``
(:mod:`.cli`) are the commands; docs/instructors.md has the threat model.
"""
