"""Shared look of the course's widgets and plots. Imports matplotlib only when a figure is made.

Colours are the Okabe-Ito palette, safe for the common forms of colour
blindness; never let colour be the only cue (add labels, hatches or markers).
"""

from __future__ import annotations

from typing import Any

__all__ = ["PALETTE", "CATEGORY", "figure", "show_in"]

PALETTE = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
    "black": "#000000",
}
# One colour per recurring meaning across the course.
CATEGORY = {
    "good": PALETTE["green"],
    "bad": PALETTE["vermillion"],
    "neutral": PALETTE["grey"],
    "highlight": PALETTE["blue"],
    "secondary": PALETTE["sky"],
    "warning": PALETTE["orange"],
}


def figure(width: float = 7.0, height: float = 4.0, **kwargs: Any):
    """A new matplotlib figure and axes in the course style (returns ``fig, ax``)."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(width, height), layout="constrained", **kwargs)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="both", alpha=0.25)
    return fig, ax


def show_in(output, fig) -> None:
    """Show ``fig`` in an ipywidgets Output (replacing what was there) and close it, so it is not shown twice."""
    import matplotlib.pyplot as plt
    from IPython.display import display

    with output:
        output.clear_output(wait=True)
        display(fig)
    plt.close(fig)

