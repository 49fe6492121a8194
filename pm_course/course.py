"""The course map: one place that lists the modules, their files and their questions."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

__all__ = ["Module", "MODULES", "module", "questions", "exercise_file", "EXERCISE_SUFFIX"]

#: An exercise notebook is named after its module with this suffix (solutions/NN_slug/NN_slug_exercise.ipynb,
#: the same in exercises/): a lesson and its exercise open side by side in two tabs with different names.
#: nbgrader's assignment is the folder (NN_slug); the notebook inside it is NN_slug_exercise.
EXERCISE_SUFFIX = "_exercise"


def exercise_file(name: str) -> str:
    """The file name of a module's exercise notebook inside its assignment folder.

    >>> exercise_file("04_prioritization")
    '04_prioritization_exercise.ipynb'
    """
    from .core.validate import InputTypeError, describe

    if type(name) is not str or not name:
        raise InputTypeError(f"exercise_file takes a module's name, such as '04_prioritization'; got {describe(name)}.")
    return f"{name}{EXERCISE_SUFFIX}.ipynb"


@dataclass(frozen=True)
class Module:
    number: str
    slug: str
    title: str
    minutes: int  # the whole module: reading, playing with the widgets and the exercise together
    covers: str
    package: str | None = None  # pm_course.<package> holds its logic, widgets and questions
    ready: bool = False  # lesson notebook published
    exercise_minutes: int = 0  # the part of ``minutes`` the exercise takes (0: no exercise notebook)

    @property
    def lesson_minutes(self) -> int:
        """The lesson alone: ``minutes`` less the exercise."""
        return self.minutes - self.exercise_minutes

    @property
    def name(self) -> str:
        """e.g. '04_prioritization': the notebook, solutions and exercises name."""
        return f"{self.number}_{self.slug}"

    @property
    def notebook(self) -> str:
        return f"notebooks/{self.name}.ipynb"

    @property
    def exercise(self) -> str:
        """e.g. 'exercises/04_prioritization/04_prioritization_exercise.ipynb' (see :func:`exercise_file`)."""
        return f"exercises/{self.name}/{exercise_file(self.name)}"


MODULES: tuple[Module, ...] = (
    Module("00", "welcome", "Welcome", 20,
           "how the course works, checks and progress, skills self-assessment", "welcome", True),
    Module("01", "pm_role", "The product manager's role", 135,
           "what PMs do; business, technology and customers; PM vs product owner vs project manager; outcomes and "
           "empowered teams; dual track; product marketing; the lifecycle; briefs, PR/FAQ, stories and story maps",
           "role", True, 60),
    Module("02", "research", "User and market research", 100,
           "interviews, synthesis, jobs to be done, surveys and NPS, market sizing, continuous discovery", "research", True,
           45),
    Module("03", "vision_strategy_roadmap", "Vision, strategy and roadmap", 120,
           "vision board, positioning, North Star, OKRs, Now/Next/Later, aligning with the business, the business case", "vision", True, 55),
    Module("04", "prioritization", "Prioritization", 120,
           "saying no, RICE, ICE, MoSCoW, Kano, Cost of Delay and WSJF, opportunity scoring, capacity",
           "prioritization", True, 60),
    Module("05", "collaboration", "Collaboration and stakeholders", 130,
           "stakeholder map (inside and outside the company), RACI/DACI, communication, influence without authority, "
           "empowered teams", "collaboration", True, 50),
    Module("06", "data_launch", "Data-driven decisions and launch", 160,
           "metrics and funnels, experiments and A/B tests, experiment design done right, launch and iterate",
           "data_launch", True, 60),
    Module("07", "career", "Career paths and skills", 140,
           "the ladder, eligibility, core skills, portfolio, SMART goals, mentors and network, promotion evidence, "
           "PM interviews, IC to manager, writing in public, switching in and the MBA", "career", True, 60),
    Module("08", "leading", "Leading products", 160,
           "motivation, the CEO-of-the-product mindset, managing vs leading, leading change (Kotter's eight steps), "
           "psychological safety, feedback, one-to-ones, delegation and coaching", "leading", True, 65),
    Module("09", "capstone", "Capstone and certificate", 180,
           "the case end to end; an assessment that issues a certificate", "capstone", True, 90),
)


def module(name: str) -> Module:
    """Look a module up by number ('04'), slug ('prioritization') or name ('04_prioritization')."""
    from .core.validate import InputError, InputTypeError, describe

    if type(name) is not str:
        raise InputTypeError(f"name must be a module's number, slug or name (text such as '04'); got {describe(name)}.")
    for m in MODULES:
        if name in (m.number, m.slug, m.name):
            return m
    known = ", ".join(m.name for m in MODULES)
    raise InputError(f"unknown module {name!r}; the modules are {known}")


def questions(name: str | None = None) -> list:
    """The questions of one module, or of every module with questions, in course order."""
    chosen = [module(name)] if name is not None else [m for m in MODULES if m.package]
    found = []
    for m in chosen:
        if not m.package:
            continue
        try:
            mod = importlib.import_module(f"pm_course.{m.package}.questions")
        except ModuleNotFoundError as exc:
            if exc.name == f"pm_course.{m.package}.questions" or exc.name == f"pm_course.{m.package}":
                continue  # module not built yet
            raise
        found.extend(mod.QUESTIONS)
    return found
