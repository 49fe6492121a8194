"""Module 00, Welcome: how the course works and a skills self-assessment."""

from .skills import SKILL_AREAS, assessment, gaps, save_ratings, set_goal, suggest_start

__all__ = ["SKILL_AREAS", "suggest_start", "gaps", "save_ratings", "set_goal", "assessment"]
