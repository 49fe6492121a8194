"""Module 00, Welcome: how the course works and a skills self-assessment."""

from .skills import SKILL_AREAS, suggest_start

__all__ = ["SKILL_AREAS", "suggest_start"]
