"""The welcome notebook's skills self-assessment: one slider per skill area and a radar chart.

The radar is drawn twice over from the same geometry (:func:`_spokes`): :func:`radar` makes a matplotlib
Figure (``SkillsAssessment.plot()``, and module 07's chart of you against a rung), and :func:`radar_svg`
writes the same chart as SVG markup for the live widget. The welcome notebook is the first screen a
learner meets, and it shows no other chart: drawing its radar as SVG keeps matplotlib (half a second to
import, a fifth of a second a redraw) out of it entirely, so the first widget answers sooner (the first-screen
figures are in docs/benchmarks.md). The SVG also follows JupyterLab's light and dark themes, and screen
readers read its title, which lists every rating.
"""

from __future__ import annotations

import math
import textwrap
from html import escape

import ipywidgets as w

from ..core.validate import arguments
from ..course import module
from ..ui import CATEGORY, Widget
from .skills import SCALE, SKILL_AREAS, assessment, save_ratings, suggest_start

__all__ = ["SkillsAssessment", "radar", "radar_svg"]


TITLE = "Your skills today (1 = new to me, 5 = could teach it)"


def _spokes() -> list[tuple[str, float]]:
    """Each skill area with its angle in radians: the first at the top, then clockwise in course order."""
    return [(a, 2 * math.pi * i / len(SKILL_AREAS)) for i, a in enumerate(SKILL_AREAS)]


def _label(area: str) -> list[str]:
    return textwrap.wrap(area, 12, break_long_words=False)


@arguments
def radar_svg(ratings: dict[str, int], title: str = TITLE, *, label: str = "You today") -> str:
    """The radar chart of :func:`radar` as SVG markup (the live chart of the welcome widget).

    >>> svg = radar_svg(dict.fromkeys(SKILL_AREAS, 3))
    >>> svg.startswith("<svg") and svg.count("<circle") == 5 + len(SKILL_AREAS)  # the rings 1-5, a marker per area
    True
    """
    suggest_start(ratings)  # the same checks as the sliders: every area, a whole number 1-5
    size, height, cx, cy, rim = 440, 385, 220, 205, 130
    unit = rim / 5  # 0 at the centre, 5 at the rim (as radar(): ylim 0-5)

    def at(angle: float, r: float) -> tuple[float, float]:
        return cx + r * math.sin(angle), cy - r * math.cos(angle)  # clockwise from the top

    spokes = _spokes()
    parts = [f"<title>{escape(title)}: " + ", ".join(f"{escape(a)} {ratings[a]}" for a in SKILL_AREAS)
             + "</title>",
             f"<text x='{cx}' y='18' text-anchor='middle' font-size='13'>{escape(title)}</text>"]
    for ring in range(1, 6):
        parts.append(f"<circle cx='{cx}' cy='{cy}' r='{ring * unit:.1f}' fill='none' stroke='currentColor' "
                     f"stroke-opacity='{0.6 if ring == 5 else 0.2}'/>")
        x, y = at(math.pi / len(spokes), ring * unit)  # between the first two spokes, clear of the markers
        parts.append(f"<text x='{x + 2:.1f}' y='{y:.1f}' font-size='9' opacity='.7'>{ring}</text>")
    for area, angle in spokes:
        x, y = at(angle, rim)
        parts.append(f"<line x1='{cx}' y1='{cy}' x2='{x:.1f}' y2='{y:.1f}' stroke='currentColor' "
                     "stroke-opacity='.2'/>")
        lx, ly = at(angle, rim + 18)
        lines = _label(area)
        anchor = "middle" if abs(math.sin(angle)) < 0.3 else ("start" if math.sin(angle) > 0 else "end")
        top = ly - 6 * (len(lines) - 1) + 4 + (-6 if math.cos(angle) > 0.3 else 6 if math.cos(angle) < -0.3 else 0)
        spans = "".join(f"<tspan x='{lx:.1f}' y='{top + 13 * i:.1f}'>{escape(t)}</tspan>" for i, t in enumerate(lines))
        parts.append(f"<text text-anchor='{anchor}' font-size='12'>{spans}</text>")
    points = [at(angle, ratings[area] * unit) for area, angle in spokes]
    colour = CATEGORY["highlight"]
    parts.append(f"<polygon points='{' '.join(f'{x:.1f},{y:.1f}' for x, y in points)}' fill='{colour}' "
                 f"fill-opacity='.2' stroke='{colour}' stroke-width='2' stroke-linejoin='round'>"
                 f"<title>{escape(label)}</title></polygon>")
    parts += [f"<circle cx='{x:.1f}' cy='{y:.1f}' r='4' fill='{colour}'/>" for x, y in points]
    return (f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {size} {height}' width='{size}' "
            f"height='{height}' role='img' font-family='sans-serif' fill='currentColor'>" + "".join(parts)
            + "</svg>")


@arguments
def radar(ratings: dict[str, int], title: str = TITLE, *,
          expected: dict[str, int] | None = None, label: str = "You today", expected_label: str = "Expected"):
    """A radar chart of the ratings; returns the matplotlib figure.

    With ``expected`` (a rating per skill area, e.g. what a target rung expects), a second series is drawn,
    dashed with square markers, and a legend names both (``label`` and ``expected_label``).
    """
    from typing import cast

    import matplotlib.pyplot as plt
    from matplotlib.projections.polar import PolarAxes

    areas = [a for a, _ in _spokes()]
    angles = [angle for _, angle in _spokes()]
    values = [ratings[a] for a in areas]
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
    ax.set_xticks(angles, ["\n".join(_label(a)) for a in areas], fontsize=9)
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
        self.chart = w.HTML()  # the radar as SVG (radar_svg); see the module's docstring
        self.chart.add_class("pm-chart")
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
        """The radar chart of the current ratings (a new matplotlib Figure, e.g. to save as an image)."""
        return radar(self.value)

    def draw(self) -> None:
        """Redraw the live chart: the same radar as :meth:`plot`, as SVG (no matplotlib on the first screen)."""
        self.chart.value = radar_svg(self.value)

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
