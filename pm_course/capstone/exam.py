"""The assessment's case: Shiftbrew's figures, different for every learner and the same every time.

Each learner's id draws one variant of a bank of 256 (a SHA-256 hash of the
id; the demo id has its own variant, which never counts toward a
certificate), and the variant seeds a private random generator: one learner
always gets the same figures, two learners almost always different ones
(1 chance in 256 of the same variant), and the instructor's grader rebuilds
them from the student id nbgrader knows. The answers are sealed per variant
(:mod:`.sealed`): :func:`submit` gives the verdicts once. Nothing here imports ipywidgets or matplotlib.

    >>> case = Case("ada")
    >>> case == Case("ada"), case == Case("grace")
    (True, False)

Binding while grading (:func:`bind`): ``pm-course autograde`` sets
``PM_COURSE_STUDENT_ID`` to nbgrader's student id; under plain
``nbgrader autograde`` the notebook runs in ``autograded/<student>/09_capstone/``,
which names the student. A notebook whose declared ``STUDENT_ID`` is not the
submitter's gets no marks on the exam's questions, with a message saying why.
"""

from __future__ import annotations

import hashlib
import os
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import settings
from ..core.validate import InputError, InputTypeError, describe, text

__all__ = [
    "ASSIGNMENT", "PASS_MARK", "MODULE_MIN", "WRITTEN_MIN", "FOLLOWUP", "FOLLOWUP_WEEKS", "STUDENT_VARIABLE", "DEMO_ID", "Case", "case_for", "use", "current",
    "submitter", "bind", "check_id", "check_case", "variant_of", "STAKEHOLDERS", "submit", "recorded",
    "first_submission",
]

ASSIGNMENT = "09_capstone"
#: The pass mark: the share of the auto-graded points needed to pass (the one place it is set).
PASS_MARK = 0.70
#: The least share of each module's (01 to 08) auto-graded points that passing also needs: a high score in some
#: modules does not make up for a module not learned.
MODULE_MIN = 0.50
#: The least share of the written (applied) answers' points, graded by a person, for the instructor-signed certificate.
WRITTEN_MIN = 0.50
#: The applied follow-up assignment the instructor-signed certificate also needs graded (at WRITTEN_MIN of its points).
FOLLOWUP = "10_followup"
#: How long after the capstone the instructor releases the follow-up, by default (``pm-course certify --followup-weeks``).
FOLLOWUP_WEEKS = 8
STUDENT_VARIABLE = settings.STUDENT_ID.name
#: The variant used before a learner declares an id (the lesson's examples, the self-tests).
DEMO_ID = "demo-learner"
#: What to do when no id is declared yet (said where an id is refused and where ``exam.use(...)`` is run).
DECLARE_ID = ('Declare your id first: STUDENT_ID = "your id" (the id your instructor gave you, or any name you '
              "choose when you study on your own)")

_BACKLOG_IDS = ("B01", "B02", "B03", "B04", "B05", "B06")
STAKEHOLDERS = ("ceo", "cto", "sales_head", "support_lead")
_FIBONACCI = (1, 2, 3, 5, 8, 13, 20)
_FUNNEL_STEPS = ("signed up", "created a rota", "invited staff", "published a rota")

# ---------------------------------------------------------------- the pools the concept questions draw from
# Each learner's case draws its own items for the questions that apply a concept (q1, q5, q8, q13, q16, q20-q23),
# as it draws its own figures for the others: so no two learners can simply share answers. Every pool item's
# right answer is written out here by hand (the author's key); tests check that the course's functions agree.

#: Kano answer pairs (functional, dysfunctional) and their category, one pair per category taught.
KANO_PAIRS = ((("like", "dislike"), "O"), (("like", "neutral"), "A"), (("must-be", "dislike"), "M"),
              (("neutral", "neutral"), "I"), (("like", "live-with"), "A"), (("neutral", "dislike"), "M"))
#: Job stories, user stories with a solution in them, and solution statements (q5 shows one of each).
JOB_STORIES = (
    "When a barista calls in sick before opening, I want to find someone to cover the shift quickly, "
    "so I can open the café on time.",
    "When the week's sales forecast changes, I want to adjust the rota before it is published, "
    "so I can keep wage costs in budget.",
    "When a new starter joins mid-week, I want them on the rota with the right hours at once, "
    "so I can pay them correctly.",
)
USER_STORIES = (
    "As an owner, I want a drag-and-drop rota editor so that I can build rotas.",
    "As a barista, I want a swap button in the app so that I can change shifts.",
    "As a site manager, I want an AI rota generator so that I save time.",
)
SOLUTION_STATEMENTS = (
    "Owners need better scheduling software with notifications and an AI assistant.",
    "Cafés want a modern rota app with chat, reminders and a dashboard.",
    "The market needs an all-in-one workforce platform for hospitality.",
)
#: The backlog items q8 places, and the certainties a team can have of them.
ROADMAP_IDS = ("B01", "B07", "B12", "B02")
CERTAINTIES = ("high", "medium", "low")
#: RACI rows (task -> role -> letter) and, by hand, whether each keeps the rules (one A, at least one R).
RACI_ROWS = (
    ("Write the launch brief", {"PM": "A", "Product marketing": "R", "Support lead": "C"}, True),
    ("Train the support team", {"PM": "C", "Product marketing": "I", "Support lead": "R"}, False),  # no A
    ("Decide the rollout stages", {"PM": "A", "CTO": "A", "Support lead": "I"}, False),  # two A, no R
    ("Update the help centre", {"PM": "A", "Support lead": "R", "Product marketing": "C"}, True),
    ("Choose the pilot cafés", {"PM": "R", "Head of Sales": "C", "CTO": "I"}, False),  # no A
    ("Announce the feature to customers", {"PM": "C", "Product marketing": "A", "Support lead": "R"}, True),
)
#: Development goals and, by hand, the SMART letters each misses (module 07's reading of the letters).
GOALS = (
    ("Get better at talking to customers.", "SMAT"),
    ("Run six customer interviews by the end of March.", "A"),
    ("Ship the swap feature so that churn falls by 2 points.", "AT"),
    ("Learn about pricing by the end of the year.", "SMA"),
)


def check_id(student_id: Any) -> str:
    """The learner's id as text: stripped, 1 to 100 characters, no line breaks."""
    if student_id is Ellipsis:
        raise InputError(f"{DECLARE_ID}; got ... (the placeholder).")
    if type(student_id) is not str:
        raise InputTypeError(f'STUDENT_ID must be text in quotes, e.g. STUDENT_ID = "s1234"; got {describe(student_id)}.')
    sid = student_id.strip()
    if not sid or len(sid) > 100 or "\n" in sid:
        raise InputError(f"STUDENT_ID must be 1 to 100 characters on one line; got {describe(student_id)}.")
    return sid


def variant_of(student_id: Any) -> str:
    """The variant of the case bank an id draws: "demo" for :data:`DEMO_ID`, else "0" to "255" by a stable hash."""
    from .sealed import VARIANTS

    sid = check_id(student_id)
    if sid == DEMO_ID:
        return "demo"
    digest = hashlib.sha256(f"pm-course/{ASSIGNMENT}/variant/{sid}".encode()).digest()
    return str(int.from_bytes(digest[:8], "big") % VARIANTS)


def _rng(variant: str) -> random.Random:
    seed = DEMO_ID if variant == "demo" else f"variant-{variant}"  # the demo case keeps its figures
    digest = hashlib.sha256(f"pm-course/{ASSIGNMENT}/{seed}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


@dataclass(frozen=True)
class Case:
    """One learner's Shiftbrew figures for the assessment (plain data in every field).

    ``backlog``: six items with RICE and WSJF inputs; ``capacity``: person-months
    for the quarter; ``survey_scores``: the 0-10 answers of the learner's survey
    subset; ``cafes`` and ``annual_value``: the bottom-up market; ``key_results``:
    baseline, target and actual of the objective's three key results;
    ``stakeholders``: power and interest (1-10) of four stakeholders;
    ``funnel``: accounts at each onboarding step; ``ab``: an A/B test's counts;
    ``planning``: baseline rate and minimum detectable effect for a new test;
    ``weekly_sites``: sites with a published rota, one value a week for 13 weeks.
    """

    student_id: str
    variant: str = field(compare=False, repr=False)
    backlog: list = field(compare=False, repr=False)
    capacity: int = field(compare=False, repr=False)
    survey_scores: list = field(compare=False, repr=False)
    cafes: int = field(compare=False, repr=False)
    annual_value: int = field(compare=False, repr=False)
    key_results: list = field(compare=False, repr=False)
    stakeholders: dict = field(compare=False, repr=False)
    funnel: dict = field(compare=False, repr=False)
    ab: dict = field(compare=False, repr=False)
    planning: dict = field(compare=False, repr=False)
    weekly_sites: list = field(compare=False, repr=False)
    role_tasks: list = field(compare=False, repr=False)
    job_story_options: dict = field(compare=False, repr=False)
    roadmap_items: dict = field(compare=False, repr=False)
    kano_pair: tuple = field(compare=False, repr=False)
    raci_matrix: dict = field(compare=False, repr=False)
    launch_change: dict = field(compare=False, repr=False)
    goal: str = field(compare=False, repr=False)
    kotter_activities: list = field(compare=False, repr=False)
    factors: list = field(compare=False, repr=False)

    def __init__(self, student_id: Any = DEMO_ID, _variant: str | None = None) -> None:
        from ..data import load

        sid = check_id(student_id)
        variant = variant_of(sid) if _variant is None else _variant
        rng = _rng(variant)
        items = {b["id"]: b for b in load("backlog")}
        backlog = []
        for bid in _BACKLOG_IDS:
            b = items[bid]
            backlog.append({
                "id": bid, "title": b["title"],
                "reach": rng.randrange(200, 2001, 10), "impact": b["impact"], "confidence": b["confidence"],
                "effort": rng.choice((1, 2, 3, 4, 5, 6)),
                "business_value": rng.choice(_FIBONACCI), "time_criticality": rng.choice(_FIBONACCI),
                "risk_reduction": rng.choice(_FIBONACCI), "job_size": rng.choice(_FIBONACCI),
            })
        survey = load("survey")
        n = rng.randrange(50, 81)
        scores = [r["nps"] for r in rng.sample(survey, n)]
        krs = []
        for kr_text, base, target in (("weekly active cafés", 400, 700), ("swaps completed in the app per week", 120, 400),
                                      ("median minutes to build a week's rota", 95, 45)):
            actual = base + (target - base) * rng.randrange(10, 111) / 100
            krs.append({"text": kr_text, "baseline": base, "target": target, "actual": round(actual)})
        roles = {s["id"]: s["role"] for s in load("stakeholders")}
        stakeholders = {}
        for sid_ in STAKEHOLDERS:
            stakeholders[sid_] = {"role": roles.get(sid_, sid_), "power": rng.choice((1, 2, 3, 4, 6, 7, 8, 9)),
                                  "interest": rng.choice((1, 2, 3, 4, 6, 7, 8, 9))}
        signed = rng.randrange(800, 1601)
        counts = [signed]
        for low, high in ((45, 80), (40, 75), (50, 85)):
            counts.append(round(counts[-1] * rng.randrange(low, high + 1) / 100))
        n1 = rng.randrange(1800, 3201)
        n2 = n1 + rng.randrange(-60, 61)
        p1 = rng.randrange(90, 151) / 1000
        x1 = round(n1 * p1)
        x2 = round(n2 * (p1 + rng.randrange(-10, 41) / 1000))
        base_rate = rng.randrange(8, 21) / 100
        mde = rng.choice((0.01, 0.015, 0.02, 0.025, 0.03, 0.035, 0.04))
        object.__setattr__(self, "student_id", sid)
        object.__setattr__(self, "variant", variant)
        object.__setattr__(self, "backlog", backlog)
        object.__setattr__(self, "capacity", rng.randrange(7, 13))
        object.__setattr__(self, "survey_scores", scores)
        object.__setattr__(self, "cafes", rng.randrange(1800, 4201, 10))
        object.__setattr__(self, "annual_value", rng.choice((240, 288, 300, 336, 360, 420, 480)))
        object.__setattr__(self, "key_results", krs)
        object.__setattr__(self, "stakeholders", stakeholders)
        object.__setattr__(self, "funnel", {"steps": list(_FUNNEL_STEPS), "counts": counts})
        object.__setattr__(self, "ab", {"control_converted": x1, "control_assigned": n1,
                                        "treatment_converted": x2, "treatment_assigned": n2})
        object.__setattr__(self, "planning", {"baseline": base_rate, "mde": mde})
        # drawn last, so that the figures above stay what they were before this series existed
        sites = [float(rng.randrange(300, 701))]
        trend = rng.choice((-1, 1, 1, 1)) * rng.randrange(20, 301) / 10000  # 0.2 % to 3 % a week, mostly up
        for _ in range(12):
            sites.append(sites[-1] * (1 + trend + rng.randrange(-6, 7) / 1000))
        object.__setattr__(self, "weekly_sites", [round(v) for v in sites])
        self._draw_concepts(rng)

    def _draw_concepts(self, rng: random.Random) -> None:
        """The items of the concept questions (drawn after the figures, which stay what they were)."""
        from ..leading.leadership import KOTTER
        from ..leading.motivation import HERZBERG_FACTORS
        from ..role.roles import TASKS

        by_role: dict[str, list[str]] = {}
        for task, t in TASKS.items():
            by_role.setdefault(t["role"], []).append(task)
        roles = ("product manager", "product owner", "project manager")
        tasks = [rng.choice(by_role[r]) for r in roles]  # one task of each accountability ...
        extra = rng.choice([t for r in roles for t in by_role[r] if t not in tasks])  # ... and one more
        tasks.append(extra)
        rng.shuffle(tasks)
        options = [rng.choice(JOB_STORIES), rng.choice(USER_STORIES), rng.choice(SOLUTION_STATEMENTS)]
        rng.shuffle(options)
        certainty: dict[str, str] = {}
        while len(set(certainty.values())) < 2:  # at least two columns of the roadmap
            certainty = {i: rng.choice(CERTAINTIES) for i in ROADMAP_IDS}
        raci: list[tuple] = []
        while not (any(ok for _, _, ok in raci) and not all(ok for _, _, ok in raci)):  # kept and broken rows
            raci = rng.sample(RACI_ROWS, 3)
        change = {"share_of_customers": rng.choice((0.1, 0.35, 0.6, 0.9)), "changes_workflow": rng.random() < 0.7,
                  "new_capability": rng.random() < 0.5}
        activities = [rng.choice(KOTTER["managing"]), rng.choice(KOTTER["leading"])]
        activities += rng.sample([a for kind in ("managing", "leading") for a in KOTTER[kind] if a not in activities], 2)
        rng.shuffle(activities)
        motivators = [f for f, k in HERZBERG_FACTORS.items() if k == "motivator"]
        hygiene = [f for f, k in HERZBERG_FACTORS.items() if k == "hygiene" and f != "salary"]
        factors = ["salary", rng.choice(motivators), *rng.sample([f for f in motivators + hygiene], 2)]
        factors = list(dict.fromkeys(factors))
        while len(factors) < 4:
            factors.append(rng.choice([f for f in motivators + hygiene if f not in factors]))
        rng.shuffle(factors)
        object.__setattr__(self, "role_tasks", tasks)
        object.__setattr__(self, "job_story_options", dict(zip("ABC", options)))
        object.__setattr__(self, "roadmap_items", certainty)
        object.__setattr__(self, "kano_pair", rng.choice(KANO_PAIRS)[0])
        object.__setattr__(self, "raci_matrix", {task: dict(row) for task, row, _ in raci})
        object.__setattr__(self, "launch_change", change)
        object.__setattr__(self, "goal", rng.choice(GOALS)[0])
        object.__setattr__(self, "kotter_activities", activities)
        object.__setattr__(self, "factors", factors)

    def item(self, item_id: Any) -> dict:
        """One backlog item of this case, by id ("B01" ... "B06"), as a new dict."""
        for b in self.backlog:
            if b["id"] == item_id:
                return dict(b)
        raise InputError(f"the case's backlog has the items {', '.join(_BACKLOG_IDS)}; got {describe(item_id)}.")

    def rice_inputs(self, item_id: Any) -> dict:
        """reach, impact, confidence and effort of one item (ready for ``rice_score(**...)``)."""
        b = self.item(item_id)
        return {k: b[k] for k in ("reach", "impact", "confidence", "effort")}

    def wsjf_inputs(self, item_id: Any) -> dict:
        """business_value, time_criticality, risk_reduction and job_size of one item (for ``wsjf(**...)``)."""
        b = self.item(item_id)
        return {k: b[k] for k in ("business_value", "time_criticality", "risk_reduction", "job_size")}

    def capacity_items(self) -> list:
        """The backlog as the capacity planner takes it: id, title, value (Reach x Impact x Confidence), effort."""
        return [{"id": b["id"], "title": b["title"], "value": b["reach"] * b["impact"] * b["confidence"],
                 "effort": b["effort"]} for b in self.backlog]

    def as_dict(self) -> dict:
        """Every figure of the case as plain data."""
        return {"student_id": self.student_id, "backlog": [dict(b) for b in self.backlog], "capacity": self.capacity,
                "survey_scores": list(self.survey_scores), "cafes": self.cafes, "annual_value": self.annual_value,
                "key_results": [dict(k) for k in self.key_results],
                "stakeholders": {k: dict(v) for k, v in self.stakeholders.items()},
                "funnel": {"steps": list(self.funnel["steps"]), "counts": list(self.funnel["counts"])},
                "ab": dict(self.ab), "planning": dict(self.planning), "weekly_sites": list(self.weekly_sites),
                "role_tasks": list(self.role_tasks), "job_story_options": dict(self.job_story_options),
                "roadmap_items": dict(self.roadmap_items), "kano_pair": list(self.kano_pair),
                "raci_matrix": {k: dict(v) for k, v in self.raci_matrix.items()},
                "launch_change": dict(self.launch_change), "goal": self.goal,
                "kotter_activities": list(self.kotter_activities), "factors": list(self.factors)}

    def __repr__(self) -> str:
        return f"<Shiftbrew case for {self.student_id!r}>"

    def _repr_html_(self) -> str:
        from ..ui import esc, table

        backlog = table(["id", "title", "reach", "impact", "confidence", "effort", "BV", "TC", "RR", "job size"],
                        [(b["id"], b["title"][:40], b["reach"], b["impact"], b["confidence"], b["effort"],
                          b["business_value"], b["time_criticality"], b["risk_reduction"], b["job_size"])
                         for b in self.backlog], left=(0, 1), caption="case.backlog")
        krs = table(["key result", "baseline", "target", "actual"],
                    [(k["text"], k["baseline"], k["target"], k["actual"]) for k in self.key_results],
                    caption="case.key_results")
        people = table(["id", "role", "power", "interest"],
                       [(k, v["role"], v["power"], v["interest"]) for k, v in self.stakeholders.items()],
                       left=(0, 1), caption="case.stakeholders")
        a = self.ab
        facts = [f"case.capacity: {self.capacity} person-months", f"case.survey_scores: {len(self.survey_scores)} answers",
                 f"case.cafes: {self.cafes}, case.annual_value: {self.annual_value} USD",
                 f"case.funnel: {', '.join(f'{s} {c}' for s, c in zip(self.funnel['steps'], self.funnel['counts']))}",
                 f"case.ab: control {a['control_converted']} of {a['control_assigned']}, treatment "
                 f"{a['treatment_converted']} of {a['treatment_assigned']}",
                 f"case.planning: baseline {self.planning['baseline']}, mde {self.planning['mde']}",
                 f"case.weekly_sites (sites with a published rota, weeks 1-{len(self.weekly_sites)}): "
                 f"{', '.join(str(v) for v in self.weekly_sites)}"]
        items = "".join(f"<li>{esc(f)}</li>" for f in facts)
        return (f"<div class='pm-case'><b>Your Shiftbrew case ({esc(self.student_id)})</b><ul>{items}</ul>"
                f"{backlog}{krs}{people}</div>")


_CACHE: dict[str, Case] = {}
_current: list[str] = [DEMO_ID]


def case_for(student_id: Any) -> Case:
    """The case of ``student_id`` (cached; the same id always gives the same case)."""
    sid = check_id(student_id)
    if sid not in _CACHE:
        if len(_CACHE) > 512:
            _CACHE.clear()
        _CACHE[sid] = Case(sid)
    return _CACHE[sid]


def use(student_id: Any) -> Case:
    """Make ``student_id``'s case the one the questions check against, and return it.

    In a learner's own session the id is kept in their progress; answers are
    recorded for it (``qN.check``) and sealed by :func:`submit`.

    The placeholder ``...`` (an id not declared yet) gives the demo case with a note saying what to do, so that
    Run All on the untouched exercise reaches the end; the demo case is practice and never counts.
    """
    from ..core import progress

    if student_id is Ellipsis:
        print(f"{DECLARE_ID}, then run this cell again. Until then `case` is the demo case: practice only; answers "
              "checked now are recorded for the demo id and never count.")
        _current[0] = DEMO_ID
        return case_for(DEMO_ID)
    case = case_for(student_id)
    _current[0] = case.student_id
    if not settings.read(settings.GRADING) and progress.load_artifact(ASSIGNMENT, "student_id") != case.student_id:
        progress.save_artifact(ASSIGNMENT, "student_id", case.student_id)
    return case


def check_case(case: Any, taker: str = "this step") -> Case:
    """``case`` if it is a learner's :class:`Case` (``case = exam.use(STUDENT_ID)``); ``taker`` names what
    takes it in the message (e.g. ``"capacity_planner"``)."""
    who = text("taker", taker)
    if not isinstance(case, Case):
        raise InputTypeError(f"{who} takes your case (case = exam.use(STUDENT_ID)); got {describe(case)}.")
    return case


def current() -> Case:
    """The case the questions check against now (the demo case until :func:`use` is called)."""
    return case_for(_current[0])


def submitter(cwd: str | os.PathLike | None = None) -> str | None:
    """nbgrader's id of the student whose notebook is being graded, or None outside grading.

    ``PM_COURSE_STUDENT_ID`` (set by ``pm-course autograde``) first; else the
    working directory ``.../autograded/<student>/09_capstone`` in which plain
    ``nbgrader autograde`` runs the notebook.
    """
    env = settings.read(settings.STUDENT_ID)
    if env:
        return env
    here = Path(cwd) if cwd is not None else Path.cwd()
    if here.name == ASSIGNMENT and here.parent.parent.name == "autograded" and here.parent.name:
        return here.parent.name
    return None


def bind(declared: Any) -> Case:
    """For the exam's test cells: the case to grade against, bound to the submitter while grading.

    While grading, the case is the submitter's; if the notebook declares
    another id, :class:`GradeFailed` says so and the cell scores nothing. In a
    learner's own session it is the declared id's case.
    """
    from ..core.question import grading_strict
    from ..core.validate import GradeFailed

    who = submitter()
    if who is None or not grading_strict():
        try:
            return use(declared)
        except (InputError, InputTypeError) as exc:
            if grading_strict():
                raise GradeFailed(f"\nNo marks: {exc}") from None
            return use(DEMO_ID)
    if declared is Ellipsis or type(declared) is not str or declared.strip() != who:
        raise GradeFailed(
            f"\nNo marks for this question: the notebook declares STUDENT_ID = {describe(declared)}, but it was "
            f"submitted by {who!r}. The exam's figures are your own: set STUDENT_ID to your id and redo the answers."
        )
    return use(who)


# ---------------------------------------------------------------- submitting (self-paced)


def recorded(student_id: Any = None) -> dict[str, Any]:
    """The answers recorded by ``qN.check(...)`` for ``student_id`` (the current id by default): id -> canonical."""
    from ..core import progress
    from .questions import QUESTIONS

    sid = check_id(student_id) if student_id is not None else current().student_id
    out = {}
    for q in QUESTIONS:
        rec = progress.load_artifact(ASSIGNMENT, f"answer/{q.id}")
        if type(rec) is dict and rec.get("student_id") == sid:
            out[q.id] = rec.get("canon")
    return out


def first_submission() -> dict[str, Any] | None:
    """The first sealed submission of a non-demo id in your progress (the one a certificate uses), or None."""
    from ..core import progress

    found = [a for a in progress.artifacts(ASSIGNMENT) if a["key"].startswith("submission/")
             and type(a["data"]) is dict and a["data"].get("variant") != "demo"]
    if not found:
        return None
    return min(found, key=lambda a: (a["data"].get("sealed_at", a["ts"]), a["ts"]))["data"]


def submit(*, anyway: bool = False) -> Any:
    """Seal your recorded answers once and show the verdicts (your self-assessed result).

    The first submission of a non-demo id is the one that counts: later calls show it again. Questions without a
    recorded answer count 0; ``submit()`` lists them and waits for ``submit(anyway=True)``. On the demo id the
    verdicts are practice: they never count, and the questions that are the same for every variant are not marked.
    """
    import time

    from ..core import progress
    from ..core.feedback import INFO, Feedback
    from .questions import QUESTIONS, VARIANT
    from .results import result_of

    if type(anyway) is not bool:
        raise InputTypeError(f"anyway must be True or False (exam.submit(anyway=True) submits with questions "
                             f"unanswered); got {describe(anyway)}.")
    if settings.read(settings.GRADING):
        return Feedback(INFO, "submit", "graded by your instructor", ["While grading, the test cells give the marks."])
    case = current()
    first = first_submission()
    if case.variant != "demo" and first is not None:
        result = result_of(first)
        result.note = (f"Your first submission (id {first['student_id']!r}) is sealed; answers changed or submitted "
                       "since do not count.")
        return result
    answers = recorded(case.student_id)
    missing = [q.id for q in QUESTIONS if q.id not in answers]
    if missing and not anyway:
        return Feedback(INFO, "submit", "not submitted yet", [
            f"No recorded answer for {', '.join(missing)} (id {case.student_id!r}): check those answers first, or "
            "submit as it is with exam.submit(anyway=True); unanswered questions score 0.",
            "You can submit only once: the first submission is the one that counts."])
    if case.variant == "demo":
        answers = {k: v for k, v in answers.items() if k in VARIANT}
    record = {"student_id": case.student_id, "variant": case.variant, "answers": answers, "sealed_at": time.time()}
    progress.save_artifact(ASSIGNMENT, f"submission/{case.student_id}", record)
    result = result_of(record)
    if case.variant == "demo":
        result.note = ("The demo id's variant is practice: it never counts toward a certificate, and only the "
                       "questions on your own case are marked.")
    return result
