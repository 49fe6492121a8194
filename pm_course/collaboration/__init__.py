"""Module 05, Collaboration and stakeholders: stakeholder mapping, RACI / DACI, communication plans
and a branching stakeholder scenario.

Importing this package loads pure logic only; the widgets live in
``pm_course.collaboration.widgets`` (they import ipywidgets and matplotlib).
"""

from .scenario import Scenario, play_scenario
from .stakeholders import (
    DACI_LETTERS,
    EXTERNAL_ENGAGEMENT,
    EXTERNAL_KINDS,
    PLAN_BY_QUADRANT,
    PRODUCT_TRIO,
    QUADRANTS,
    RACI_LETTERS,
    accountable,
    communication_plan,
    external_plan,
    stakeholder_quadrant,
    validate_daci,
    validate_raci,
)

__all__ = [
    "QUADRANTS", "RACI_LETTERS", "DACI_LETTERS", "PLAN_BY_QUADRANT", "PRODUCT_TRIO",
    "stakeholder_quadrant", "validate_raci", "validate_daci", "accountable", "communication_plan",
    "Scenario", "play_scenario", "EXTERNAL_KINDS", "EXTERNAL_ENGAGEMENT", "external_plan",
]
