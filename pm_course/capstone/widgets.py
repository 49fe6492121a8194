"""The capstone's widgets: the step tracker, the form for the steps written in words, and the assessment's planner.

Most steps use the modules' own widgets (affinity board, vision board, OKR
builder, capacity planner, stakeholder map, A/B test planner, launch planner,
module 07's plan builder) through their public constructors, ``.value`` and
``.set``. The brief, the business case, the decision memo, the review after
launch and the change plan are written in a :class:`StepForm`, whose Save
button saves the step, or says why it is refused and what to change.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from .. import ui
from .exam import Case, check_case
from .steps import FORMS, STEP_TITLES, STEPS, StepRefused, save_step, step_status

__all__ = ["CapstoneTracker", "StepForm", "capacity_planner"]


def capacity_planner(case: Case, name: str = "planner"):
    """The module 04 capacity planner holding your case's backlog and capacity (no "show the best" button)."""
    from ..prioritization.widgets import CapacityPlanner

    case = check_case(case, taker="capacity_planner")
    return CapacityPlanner(items=case.capacity_items(), capacity=case.capacity, name=name, allow_reveal=False)


class CapstoneTracker(ui.Widget):
    """The capstone steps and where each stands: shown, saved with open points, not your own work, or missing.

    ``tracker.set("roadmap", planner_data)`` reviews and saves a step (as
    :func:`pm_course.capstone.save_step`); ``.value`` is
    ``{step: {"saved": bool, "own": bool, "state": ..., "problems": [...]}}`` (see
    :func:`pm_course.capstone.steps.step_status`); ``.plot()`` draws the steps.
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
        status = step_status()
        return {s: {"saved": row["state"] != "missing", "own": row["own"], "state": row["state"],
                    "problems": list(row["problems"]) if row["own"] else ([row["missing"]] if row["state"] ==
                                                                           "not your own" else [])}
                for s, row in status.items()}

    def set(self, step: Any, data: Any) -> None:  # type: ignore[override]
        """Review and save one step's artifact (the data a module's widget gives as ``.value``)."""
        self._last = save_step(step, data)["problems"]
        self.refresh()

    def refresh(self) -> None:
        v = self.value
        self._seen = v
        rows = [(STEP_TITLES[s], v[s]["state"] if v[s]["saved"] else "not yet",
                 "; ".join(v[s]["problems"][:2]) or ("meets the rubric" if v[s]["saved"] else ""))
                for s in STEPS]
        done = sum(1 for s in STEPS if v[s]["own"])
        shown = sum(1 for s in STEPS if v[s]["state"] == "shown")
        self.status.value = ui.status_box(shown == len(STEPS) or None, f"{done} of {len(STEPS)} steps saved as "
                                          f"your own work, {shown} meeting their rubric") + \
            ui.table(["step", "state", "the rubric says"], rows, selected=lambda i, r: r[1] == "shown")
        ui.show_in(self.chart, self.plot())

    def plot(self):
        v = self.value
        fig, ax = ui.figure(9.0, 0.45 * len(STEPS) + 1.2)
        labels = [STEP_TITLES[s] for s in STEPS][::-1]
        open_ = [len(v[s]["problems"]) if v[s]["own"] else 0 for s in STEPS][::-1]
        colours = [ui.CATEGORY["good"] if v[s]["state"] == "shown" else
                   ui.CATEGORY["warning"] if v[s]["saved"] else ui.CATEGORY["neutral"] for s in STEPS][::-1]
        hatches = ["" if v[s]["state"] == "shown" else "//" if v[s]["saved"] else ".." for s in STEPS][::-1]
        ax.barh(labels, [1] * len(labels), color=colours, edgecolor="black", hatch=hatches)
        for i, s in enumerate(STEPS[::-1]):
            state = v[s]["state"]
            text = ("not saved yet" if state == "missing" else "not your own work yet" if state == "not your own"
                    else f"{open_[i]} open point(s)" if open_[i] else "done")
            ax.text(0.02, i, text, va="center", fontsize=9, bbox={"facecolor": "white", "alpha": 0.8, "lw": 0})
        ax.set_xlim(0, 1)
        ax.set_xticks([])
        ax.set_xlabel("green: done; orange, hatched: open points or not your own; grey, dotted: not saved")
        ax.set_ylabel("capstone step")
        ax.set_title(f"Your capstone: the {len(STEPS)} steps")
        return fig


class StepForm(ui.Widget):
    """A form for a capstone step written in words and numbers (brief, business case, decision memo, review
    after launch, change plan): one box per field, with what to write, and a Save button.

    ``.value`` is ``{field: text or number}``; ``form.set(field=...)`` fills fields from code; ``form.save()``
    (or the button) saves the step if it is your own work, else says why not and what to change.
    """

    def __init__(self, step: str, name: str = "form") -> None:
        super().__init__(name)
        if step not in FORMS:
            from ..core.validate import InputError

            raise InputError(f"step must be one of the steps written in a form: {', '.join(FORMS)}; got {step!r}.")
        self.step = step
        self.fields: dict[str, Any] = {}
        rows = []
        for field, kind, what in FORMS[step]:
            label = W.HTML(f"<b>{ui.esc(field.replace('_', ' '))}</b>: {ui.esc(what)}")
            if kind == "number":
                control: Any = W.Text(placeholder="a number", layout=W.Layout(width="200px"))
            elif isinstance(kind, tuple):
                control = W.Dropdown(options=[("(choose)", "")] + [(k, k) for k in kind], value="",
                                     layout=W.Layout(width="320px"))
            else:
                control = W.Textarea(placeholder="in your own words", layout=W.Layout(width="95%", height="56px"))
            control.add_class(f"pm-field-{field}")
            self.fields[field] = control
            rows.append(W.VBox([label, control]))
        self.save_button = W.Button(description="Save this step", icon="save", button_style="primary",
                                    tooltip="Check that this is your own work, review it with the rubric, save it")
        self.save_button.on_click(lambda _: self.save())
        self.result = W.HTML().add_class("pm-result")
        self.widget = W.VBox([W.HTML(f"<b>{ui.esc(STEP_TITLES[step])}</b>"), *rows,
                              W.HBox([self.save_button]), self.result]).add_class("pm-step-form")

    @property
    def value(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for field, kind, _ in FORMS[self.step]:
            raw = self.fields[field].value
            if kind == "number":
                txt = str(raw).strip().replace(",", "")
                try:
                    out[field] = float(txt) if txt else None
                except ValueError:
                    out[field] = txt  # kept as text: the step's check says a number is expected
            else:
                out[field] = raw
        return out

    def set(self, **fields: Any) -> None:  # type: ignore[override]
        """Fill fields from code, e.g. ``form.set(problem="...", baseline=0.525)``; fields left out stay as they are."""
        from ..core.validate import InputError

        kinds = {f: k for f, k, _ in FORMS[self.step]}
        for field, v in fields.items():
            if field not in kinds:
                raise InputError(f"the {self.step} form has the fields {', '.join(kinds)}; got {field!r}.")
            if isinstance(kinds[field], tuple) and v not in ("",) + kinds[field]:
                raise InputError(f"{field} must be one of {', '.join(kinds[field])}; got {v!r}.")
            self.fields[field].value = ("" if v is None else f"{v:g}" if type(v) in (int, float) else str(v)) \
                if kinds[field] == "number" else v

    def save(self) -> dict[str, Any]:
        """Save the step (as :func:`pm_course.capstone.steps.save_step`) and show the result in the form."""
        from ..core.validate import InputError, InputTypeError

        try:
            out = save_step(self.step, self.value)
        except StepRefused as exc:
            self.result.value = ui.status_box(False, "Not saved", [str(exc).removeprefix("Not saved: ")])
            return {"step": self.step, "saved": False, "problems": [], "refused": str(exc)}
        except (InputError, InputTypeError) as exc:
            self.result.value = ui.status_box(False, "Not saved", [str(exc)])
            return {"step": self.step, "saved": False, "problems": [], "refused": str(exc)}
        self.result.value = ui.status_box(not out["problems"] or None, "Saved as your own work" + (
            ": it meets the rubric" if not out["problems"] else f"; the rubric still wants {len(out['problems'])} "
            "thing(s)"), out["problems"])
        return out
