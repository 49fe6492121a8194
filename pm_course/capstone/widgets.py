"""The capstone's widgets: the step tracker and the assessment's capacity planner.

The steps themselves use the modules' own widgets (affinity board, vision
board, OKR builder, capacity planner, stakeholder map, A/B test planner,
launch planner) through their public constructors, ``.value`` and ``.set``.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from .. import ui
from .exam import Case, check_case
from .steps import STEP_TITLES, STEPS, save_step, saved_steps

__all__ = ["CapstoneTracker", "capacity_planner"]


def capacity_planner(case: Case, name: str = "planner"):
    """The module 04 capacity planner holding your case's backlog and capacity (no "show the best" button)."""
    from ..prioritization.widgets import CapacityPlanner

    case = check_case(case, taker="capacity_planner")
    return CapacityPlanner(items=case.capacity_items(), capacity=case.capacity, name=name, allow_reveal=False)


class CapstoneTracker(ui.Widget):
    """The six capstone steps and where each stands: saved (and what its rubric still wants) or not yet.

    ``tracker.set("roadmap", planner_data)`` reviews and saves a step (as
    :func:`pm_course.capstone.save_step`); ``.value`` is
    ``{step: {"saved": bool, "problems": [...]}}``; ``.plot()`` draws the steps.
    """

    def __init__(self, name: str = "tracker") -> None:
        super().__init__(name)
        self.status = W.HTML().add_class("pm-capstone-status")
        self.chart = W.Output().add_class("pm-capstone-chart")
        self.refresh_button = W.Button(description="Refresh", icon="refresh", tooltip="Read the saved steps again")
        self.refresh_button.on_click(lambda _: self._reread())
        self.note = W.HTML().add_class("pm-result")
        self.widget = W.VBox([self.status, W.HBox([self.refresh_button, self.note]), self.chart]).add_class("pm-capstone")
        self._last: list[str] = []
        self._seen: dict[str, Any] = {}
        self.refresh()

    def _reread(self) -> None:
        """The Refresh button: read the saved steps again and say what changed (a click is never silent)."""
        before = self._seen
        self.refresh()
        changed = [STEP_TITLES[s] for s in STEPS if self._seen.get(s) != before.get(s)]
        self.note.value = ("Read again: " + ("updated " + ", ".join(changed) + "." if changed
                                              else "nothing has changed since the last look."))

    @property
    def value(self) -> dict[str, Any]:
        saved = saved_steps()
        return {s: {"saved": s in saved, "problems": list(saved.get(s, {}).get("problems", []))} for s in STEPS}

    def set(self, step: Any, data: Any) -> None:  # type: ignore[override]
        """Review and save one step's artifact (the data a module's widget gives as ``.value``)."""
        self._last = save_step(step, data)["problems"]
        self.refresh()

    def refresh(self) -> None:
        v = self.value
        self._seen = v
        rows = [(STEP_TITLES[s], "saved" if v[s]["saved"] else "not yet",
                 "; ".join(v[s]["problems"][:2]) or ("meets the rubric" if v[s]["saved"] else ""))
                for s in STEPS]
        done = sum(1 for s in STEPS if v[s]["saved"])
        self.status.value = ui.status_box(done == len(STEPS) or None, f"{done} of {len(STEPS)} steps saved") + \
            ui.table(["step", "state", "the rubric says"], rows, selected=lambda i, r: r[1] == "saved")
        ui.show_in(self.chart, self.plot())

    def plot(self):
        v = self.value
        fig, ax = ui.figure(8.0, 3.2)
        labels = [STEP_TITLES[s] for s in STEPS][::-1]
        open_ = [len(v[s]["problems"]) if v[s]["saved"] else 0 for s in STEPS][::-1]
        colours = [ui.CATEGORY["good"] if v[s]["saved"] and not v[s]["problems"] else
                   ui.CATEGORY["warning"] if v[s]["saved"] else ui.CATEGORY["neutral"] for s in STEPS][::-1]
        ax.barh(labels, [1] * len(labels), color=colours, edgecolor="black")
        for i, s in enumerate(STEPS[::-1]):
            text = "not saved yet" if not v[s]["saved"] else (f"{open_[i]} open point(s)" if open_[i] else "done")
            ax.text(0.02, i, text, va="center", fontsize=9)
        ax.set_xlim(0, 1)
        ax.set_xticks([])
        ax.set_xlabel("green: done; orange: open points; grey: not saved")
        ax.set_ylabel("capstone step")
        ax.set_title("Your capstone: the six steps")
        return fig
