"""The welcome notebook's skills self-assessment: one slider per skill area and a radar chart."""

from __future__ import annotations

import math
import textwrap

import ipywidgets as w

from ..core.validate import arguments
from ..course import module
from ..ui import CATEGORY, Widget
from .skills import SCALE, SKILL_AREAS, assessment, save_ratings, suggest_start

__all__ = ["SkillsAssessment", "radar"]


@arguments
def radar(ratings: dict[str, int], title: str = "Your skills today (1 = new to me, 5 = could teach it)", *,
          expected: dict[str, int] | None = None, label: str = "You today", expected_label: str = "Expected"):
    """A radar chart of the ratings; returns the matplotlib figure.

    With ``expected`` (a rating per skill area, e.g. what a target rung expects), a second series is drawn,
    dashed with square markers, and a legend names both (``label`` and ``expected_label``).
    """
    from typing import cast

    import matplotlib.pyplot as plt
    from matplotlib.projections.polar import PolarAxes

    areas = list(SKILL_AREAS)
    values = [ratings[a] for a in areas]
    angles = [2 * math.pi * i / len(areas) for i in range(len(areas))]
    fig = plt.figure(figsize=(6.4, 5.4), layout="constrained")
    ax = cast(PolarAxes, fig.add_subplot(polar=True))
    ax.set_theta_offset(math.pi / 2)  # first area at the top, then clockwise in course order
    ax.set_theta_direction(-1)
    ax.plot(angles + angles[:1], values + values[:1], color=CATEGORY["highlight"], linewidth=2, marker="o",
            label=label)
    ax.fill(angles + angles[:1], values + values[:1], color=CATEGORY["highlight"], alpha=0.2)
    if expected is not None:
        target = [expected[a] for a in areas]
        ax.plot(angles + angles[:1], target + target[:1], color=CATEGORY["warning"], linewidth=2, linestyle="--",
                marker="s", label=expected_label)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, fontsize=8, frameon=False)
    ax.set_xticks(angles, [textwrap.fill(a, 12, break_long_words=False) for a in areas], fontsize=9)
    ax.tick_params(axis="x", pad=10)
    ax.set_yticks([1, 2, 3, 4, 5], ["1", "2", "3", "4", "5"], fontsize=7)
    ax.set_ylim(0, 5)
    ax.set_title(title, fontsize=10, pad=22)
    return fig


class SkillsAssessment(Widget):
    """Sliders (1-5) for each skill area; the radar chart and suggestions update as you move them.

    ``.value`` is a plain dict of ratings; ``.suggestions`` the areas to start with;
    ``skills.set({"Research": 2, ...})`` moves the sliders from code; ``.plot()`` is the radar chart.
    The ratings are saved with your progress as you move the sliders, and a new
    assessment starts from the saved ones (``save=False`` for neither).
    """

    def __init__(self, start: int = 3, name: str = "skills", save: bool = True):
        super().__init__(name)
        self.save = save
        self.sliders = {
            area: w.IntSlider(value=start, min=1, max=5, description=area, continuous_update=False,
                              style={"description_width": "150px"}, layout=w.Layout(width="420px"))
            for area in SKILL_AREAS
        }
        self.advice = w.HTML()
        self.advice.add_class("pm-result")
        self.make_chart("pm-chart")
        self.on_change(list(self.sliders.values()), self._moved)
        scale = " · ".join(f"{k} {v}" for k, v in SCALE.items())
        self.widget = w.VBox([
            w.HTML(f"<b>Rate yourself</b> <span style='opacity:.7'>({scale})</span>"),
            w.HBox([w.VBox(list(self.sliders.values())), self.chart]),
            self.advice,
        ])
        self.widget.add_class("pm-skills")
        saved = assessment().get("ratings") if save else None
        if isinstance(saved, dict) and set(saved) == set(SKILL_AREAS):
            with self.quiet():
                for area, rating in saved.items():
                    if isinstance(rating, int) and 1 <= rating <= 5:
                        self.sliders[area].value = rating
        self.refresh()

    def _moved(self, change=None) -> None:
        if self.save:  # a slider moved: keep the ratings with your progress
            save_ratings(self.value)
        self.refresh()

    @property
    def value(self) -> dict[str, int]:
        return {area: s.value for area, s in self.sliders.items()}

    def set(self, ratings: dict[str, int]) -> None:
        """Move the sliders: ``ratings`` maps skill areas to 1-5 (areas left out keep their rating)."""
        suggest_start({**self.value, **ratings} if type(ratings) is dict else ratings)  # validates
        with self.quiet():
            for area, rating in ratings.items():
                self.sliders[area].value = rating
        if self.save:
            save_ratings(self.value)
        self.refresh()

    def code(self) -> str:
        return f"{self.name}.set({self.value!r})"

    @property
    def suggestions(self) -> list[str]:
        return suggest_start(self.value)

    def plot(self):
        """The radar chart of the current ratings (a new matplotlib Figure)."""
        return radar(self.value)

    def refresh(self) -> None:
        picks = self.suggestions
        if picks:
            items = "".join(
                f"<li>{a}: module {SKILL_AREAS[a]}, <i>{module(SKILL_AREAS[a]).title}</i>"
                f"{'' if module(SKILL_AREAS[a]).ready else ' (in preparation: read its topic in the course map meanwhile)'}</li>"
                for a in picks
            )
            self.advice.value = f"<b>Start with</b><ol>{items}</ol>"
        else:
            self.advice.value = "<b>You rate yourself 4 or more everywhere:</b> try the capstone (module 09) first."
        self.draw()
