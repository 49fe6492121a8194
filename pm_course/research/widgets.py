"""Module 02's widgets and plots: thin layers over the pure logic in this package.

- :class:`QuestionCritic`: type an interview question, see the verdict and the rule it breaks.
- :class:`AffinityBoard`: tag interview snippets with themes; see evidence counts per theme.
- :class:`NPSExplorer`: NPS histogram by segment, bars in promoter / passive / detractor colours.
- :class:`SampleSizeCalculator`: margin, confidence, proportion, population -> responses needed.
- :class:`MarketFunnel`: TAM, SAM and SOM as a funnel chart.

Each is a :class:`pm_course.ui.Widget`: ``.widget`` (the ipywidgets container),
``.value`` (plain data), ``.set(...)`` (the one way to change the state from
code), ``.code()`` (that line, shown in ``.code_box``), ``.plot()`` (a new
Figure) drawn into ``.chart``; it displays itself in a notebook.
"""

from __future__ import annotations

import html
import math
from typing import Any

import ipywidgets as w

from ..core.validate import arguments, number, one_of, records, text
from ..data import load
from ..ui import CATEGORY, PALETTE, Widget, figure, status_box
from .interviews import check_snippets, check_tags, critique_question, theme_counts
from .market import market_funnel
from .surveys import PASSIVE_MIN, PROMOTER_MIN, nps_breakdown, sample_size, z_value

__all__ = [
    "NPS_COLOURS",
    "QuestionCritic",
    "AffinityBoard",
    "NPSExplorer",
    "SampleSizeCalculator",
    "MarketFunnel",
    "theme_chart",
    "nps_histogram",
    "nps_segments_chart",
    "sample_size_chart",
    "funnel_chart",
]

# Promoters green, passives grey, detractors vermillion (Okabe-Ito); hatches so colour is never the only cue.
NPS_COLOURS = {"promoter": PALETTE["green"], "passive": PALETTE["grey"], "detractor": PALETTE["vermillion"]}
NPS_HATCH = {"promoter": "", "passive": "..", "detractor": "//"}


# ---------------------------------------------------------------- question critic

_EXAMPLES = [
    "Would you use an app that finds cover for you?",
    "How much would you pay for automatic scheduling?",
    "Don't you hate building the rota on Sunday night?",
    "What do you usually do when someone calls in sick?",
    "What do you think of our new swap screen?",
    "Tell me about the last time someone called in sick before opening.",
]


class QuestionCritic(Widget):
    """Type an interview question; the critic (:func:`critique_question`) gives the verdict and the rules broken.

    ``.value`` is ``{'question', 'verdict', 'rules', 'reasons'}`` (verdict ``None`` while the box is empty).
    """

    def __init__(self, question: str = "", name: str = "critic"):
        super().__init__(name)
        self.box = w.Text(value="", description="Question", placeholder="Type an interview question",
                          continuous_update=True, layout=w.Layout(width="95%"))
        self.examples = w.Dropdown(options=[("try an example ...", "")] + [(e, e) for e in _EXAMPLES],
                                   value="", description="Examples", layout=w.Layout(width="95%"))
        self.result = w.HTML()
        self.result.add_class("pm-result")
        self.make_code_box()
        self.on_change(self.box, lambda _: self.refresh())
        self.on_change(self.examples, self._pick)
        self.widget = w.VBox([self.box, self.examples, self.result, self.code_box])
        self.widget.add_class("pm-question-critic")
        self._critique: Any = None
        self.set(question) if question else self.refresh()

    def set(self, question: str) -> None:
        """Put ``question`` in the box (as if typed) and judge it."""
        text("question", question, empty_ok=True)
        with self.quiet():
            self.box.value = question
        self.refresh()

    def code(self) -> str:
        return f"{self.name}.set({self.box.value!r})" if self.box.value.strip() else ""

    @property
    def value(self) -> dict[str, Any]:
        if self._critique is None:
            return {"question": self.box.value, "verdict": None, "rules": [], "reasons": []}
        return self._critique.as_dict()

    def _pick(self, change) -> None:
        if change["new"]:
            self.set(change["new"])

    def refresh(self) -> None:
        q = self.box.value
        if not q.strip():
            self._critique = None
            self.result.value = "<i>Type a question to see what the critic makes of it.</i>"
            self.show_code()
            return
        c = critique_question(q[:500])
        self._critique = c
        if c.good:
            colour, head = CATEGORY["good"], "Good question"
            body = ("<p>It asks about their life and a specific past event, not your idea or the future. "
                    "The critic follows fixed rules: read the question aloud and check it yourself too.</p>")
        else:
            colour, head = CATEGORY["bad"], f"Bad question: breaks {len(c.rules)} rule{'s' if len(c.rules) > 1 else ''}"
            body = "<ul>" + "".join(f"<li>{html.escape(r)}</li>" for r in c.reasons) + "</ul>"
        self.result.value = (
            f"<div style='border-left:6px solid {colour};padding:.3em .8em'>"
            f"<b style='color:{colour}'>{head}</b>{body}</div>"
        )
        self.show_code()


# ---------------------------------------------------------------- affinity board

UNTAGGED = "(untagged)"


@arguments
def theme_chart(snippets: list[dict], tags: dict[str, str], facts_only: bool = True,
                title: str = "Evidence per theme"):
    """Horizontal bars: tagged snippets per theme; facts solid blue, other kinds grey and hatched.

    Returns the matplotlib figure. ``tags`` maps snippet id -> theme.
    """
    import matplotlib.pyplot as plt  # noqa: F401  (figure() needs pyplot)

    by_id = {s["id"]: s for s in snippets}
    tagged = [dict(by_id[i], theme=t) for i, t in tags.items() if i in by_id]
    facts = theme_counts(tagged, kinds=("fact",)) if tagged else {}
    every = theme_counts(tagged, kinds=None) if tagged else {}
    order = sorted(every, key=lambda t: (facts.get(t, 0), every[t]), reverse=True)
    fig, ax = figure(7.0, 0.45 * max(len(order), 3) + 1.4)
    if not order:  # the empty state: say what to do, not an empty pair of axes
        ax.axis("off")
        ax.set_title(title)
        ax.text(0.5, 0.5, "No snippet tagged yet.\nPick a theme for a snippet above: each theme's\n"
                "evidence count (facts first) appears here.", transform=ax.transAxes, ha="center", va="center",
                fontsize=11, color=PALETTE["black"], linespacing=1.6)
        return fig
    y = list(range(len(order)))[::-1]
    f = [facts.get(t, 0) for t in order]
    o = [every[t] - facts.get(t, 0) for t in order]
    ax.barh(y, f, color=CATEGORY["highlight"], label="facts (specific past events)")
    if not facts_only:
        ax.barh(y, o, left=f, color=CATEGORY["neutral"], hatch="//", edgecolor="white",
                label="opinions, compliments, hypotheticals")
    totals = [fi + (0 if facts_only else oi) for fi, oi in zip(f, o)]
    for yi, total in zip(y, totals):
        ax.text(total + 0.1, yi, str(total), va="center", fontsize=9)
    ax.set_xlim(0, max(totals + [1]) * 1.12 + 0.5)  # room for the count labels
    ax.set_yticks(y, order)
    ax.set_xlabel("number of snippets (evidence count)" if not facts_only else "number of facts (evidence count)")
    ax.set_ylabel("theme")
    ax.set_title(title)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.28 if len(order) < 4 else -0.12), ncol=2, fontsize=8,
              frameon=False)  # below the axes: never on a bar
    return fig


class AffinityBoard(Widget):
    """Tag interview snippets with themes; the chart shows each theme's evidence count.

    ``snippets`` defaults to ``load("interviews")``; ``themes`` to the themes
    used in the case study. ``.value`` maps snippet id -> theme for every
    tagged snippet; ``.counts`` is the evidence count per theme (facts only
    unless the box is unticked). ``set({...})`` tags from code.
    """

    def __init__(self, snippets: list[dict] | None = None, themes: list[str] | None = None,
                 tags: dict[str, str] | None = None, facts_only: bool = True, name: str = "board"):
        super().__init__(name)
        self.snippets = load("interviews") if snippets is None else [dict(s) for s in check_snippets(snippets)]
        if themes is None:
            themes = sorted({s["theme"] for s in load("interviews")})
        self.themes = list(themes)
        self._by_id = {s["id"]: s for s in self.snippets}
        self.dropdowns: dict[str, w.Dropdown] = {}
        rows = []
        for s in self.snippets:
            dd = w.Dropdown(options=[UNTAGGED] + self.themes, value=UNTAGGED, description=s["id"],
                            layout=w.Layout(width="300px"), style={"description_width": "40px"})
            self.on_change(dd, lambda _: self.refresh())
            self.dropdowns[s["id"]] = dd
            kind = s.get("kind", "")
            who = f"{s.get('segment', '')}, {s.get('interview', '')}".strip(", ")
            label = w.HTML(f"<span title='{html.escape(kind)}'>“{html.escape(s['quote'])}”</span> "
                           f"<span style='opacity:.65;font-size:90%'>({html.escape(who)}; {html.escape(kind)})</span>",
                           layout=w.Layout(width="auto", flex="1"))
            rows.append(w.HBox([dd, label]))
        self.facts_only = w.Checkbox(value=facts_only, description="count only facts (specific past events)",
                                     indent=False)
        self.on_change(self.facts_only, lambda _: self.refresh())
        self.result = w.HTML()
        self.result.add_class("pm-result")
        self.make_chart()
        self.make_code_box()
        board = w.VBox(rows, layout=w.Layout(max_height="380px", overflow="auto", border="1px solid #ddd"))
        self.widget = w.VBox([board, self.facts_only, self.result, self.chart, self.code_box])
        self.widget.add_class("pm-affinity-board")
        if tags:
            self.set(tags)
        else:
            self.refresh()

    def set(self, tags: dict[str, str]) -> None:
        """Tag snippets from code: ``{snippet id: theme}``; snippets left out become untagged."""
        check_tags(tags, list(self.dropdowns), self.themes)
        with self.quiet():
            for sid, dd in self.dropdowns.items():
                dd.value = tags.get(sid, UNTAGGED)
        self.refresh()

    def code(self) -> str:
        tags = self.value
        return f"{self.name}.set({tags!r})" if tags else ""

    def plot(self):
        """The evidence count per theme as a new matplotlib figure (an empty state until a snippet is tagged)."""
        return theme_chart(self.snippets, self.value, self.facts_only.value)

    @property
    def value(self) -> dict[str, str]:
        return {sid: dd.value for sid, dd in self.dropdowns.items() if dd.value != UNTAGGED}

    @property
    def counts(self) -> dict[str, int]:
        tagged = [dict(self._by_id[i], theme=t) for i, t in self.value.items()]
        if not tagged:
            return {}
        return theme_counts(tagged, kinds=("fact",) if self.facts_only.value else None)

    def refresh(self) -> None:
        tags = self.value
        counts = self.counts
        n = len(tags)
        if counts:
            best = max(counts.values())
            leaders = [t for t, c in counts.items() if c == best]
            lead = (f"strongest theme: <b>{html.escape(leaders[0])}</b> ({best})" if len(leaders) == 1
                    else f"a tie at {best}: {', '.join(html.escape(t) for t in leaders)}")
        else:
            lead = "no evidence counted yet"
        self.result.value = f"{n} of {len(self.snippets)} snippets tagged; {lead}."
        if tags:
            self.draw()
        else:  # the empty state: what to do, not an empty chart
            message = status_box(None, "No snippet tagged yet.", detail=(
                "Pick a theme in a snippet's menu above: the evidence count per theme (facts first) is drawn here."))
            self.chart.outputs = ({"output_type": "display_data", "metadata": {},
                                   "data": {"text/html": message, "text/plain": "No snippet tagged yet."}},)
        self.show_code()


# ---------------------------------------------------------------- NPS explorer


@arguments
def nps_histogram(scores: list[int], title: str = "Likelihood to recommend"):
    """Bars for each score 0-10, coloured (and hatched) as detractor, passive or promoter. Returns the figure."""
    b = nps_breakdown(scores)
    counts = [0] * 11
    for s in scores:
        counts[int(s)] += 1
    fig, ax = figure(7.0, 3.8)
    for cat, lo, hi in (("detractor", 0, PASSIVE_MIN - 1), ("passive", PASSIVE_MIN, PROMOTER_MIN - 1),
                        ("promoter", PROMOTER_MIN, 10)):
        xs = list(range(lo, hi + 1))
        ax.bar(xs, [counts[x] for x in xs], color=NPS_COLOURS[cat], hatch=NPS_HATCH[cat], edgecolor="white",
               label=f"{cat}s ({lo}-{hi}): {b[cat + 's_pct']:.1f} %")
    ax.set_xticks(range(11))
    ax.set_xlabel("score: how likely are you to recommend Shiftbrew? (0-10)")
    ax.set_ylabel("number of respondents")
    ax.set_title(f"{title}: NPS {b['nps']:+.1f} (n = {b['n']})")
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    return fig


@arguments
def nps_segments_chart(rows: list[dict], title: str = "NPS by segment"):
    """100 % stacked bars per segment (detractors, passives, promoters) with each segment's NPS. Returns the figure."""
    groups: dict[str, list[int]] = {}
    for r in rows:
        groups.setdefault(r["segment"], []).append(r["nps"])
    groups["all"] = [r["nps"] for r in rows]
    names = list(groups)
    fig, ax = figure(7.0, 0.6 * len(names) + 1.9)
    y = list(range(len(names)))[::-1]
    left = [0.0] * len(names)
    for cat in ("detractor", "passive", "promoter"):
        vals = [nps_breakdown(groups[n])[cat + "s_pct"] for n in names]
        ax.barh(y, vals, left=left, color=NPS_COLOURS[cat], hatch=NPS_HATCH[cat], edgecolor="white", label=cat + "s")
        left = [a + b for a, b in zip(left, vals)]
    for yi, n in zip(y, names):
        b = nps_breakdown(groups[n])
        ax.text(101, yi, f"NPS {b['nps']:+.0f}  (n = {b['n']})", va="center", fontsize=9)
    ax.set_yticks(y, names)
    ax.set_xlim(0, 130)
    ax.set_xticks(range(0, 101, 20))
    ax.set_xlabel("share of respondents (%)")
    ax.set_ylabel("segment")
    ax.set_title(title)
    ax.legend(loc="upper center", bbox_to_anchor=(0.4, -0.2), ncol=3, fontsize=8, frameon=False)
    return fig


class NPSExplorer(Widget):
    """Choose a segment; see its score histogram, its NPS and its promoter / passive / detractor shares.

    ``rows`` defaults to ``load("survey")``. ``.value`` is the breakdown for the
    chosen segment (``segment``, ``n``, counts, shares in %, ``nps``).
    """

    def __init__(self, rows: list[dict] | None = None, segment: str = "all", name: str = "explorer"):
        super().__init__(name)
        self.rows = load("survey") if rows is None else records("rows", rows, keys=("segment", "nps"),
                                                                   what="survey responses", example="as in load('survey')")
        segments = sorted({r["segment"] for r in self.rows})
        self.segment = w.ToggleButtons(options=["all"] + segments, value="all", description="Segment")
        self.on_change(self.segment, lambda _: self.refresh())
        self.result = w.HTML()
        self.result.add_class("pm-result")
        self.make_chart()
        self.make_code_box()
        self.widget = w.VBox([self.segment, self.result, self.chart, self.code_box])
        self.widget.add_class("pm-nps-explorer")
        if segment != "all":
            self.set(segment)
        else:
            self.refresh()

    def set(self, segment: str) -> None:
        """Show one segment ('all', 'owner', 'manager', 'barista')."""
        one_of("segment", segment, self.segment.options)
        with self.quiet():
            self.segment.value = segment
        self.refresh()

    def code(self) -> str:
        return f"{self.name}.set({self.segment.value!r})"

    def plot(self):
        """The chosen segment's score histogram, as a new matplotlib figure."""
        seg = self.segment.value
        who = "all respondents" if seg == "all" else f"{seg}s"
        return nps_histogram(self._scores(), title=f"Likelihood to recommend, {who}")

    def _scores(self) -> list[int]:
        seg = self.segment.value
        return [r["nps"] for r in self.rows if seg == "all" or r["segment"] == seg]

    @property
    def value(self) -> dict[str, Any]:
        return {"segment": self.segment.value, **nps_breakdown(self._scores())}

    def refresh(self) -> None:
        v = self.value
        seg = v["segment"]
        who = "all respondents" if seg == "all" else f"{seg}s"
        caution = ""
        if v["n"] < 100:
            caution = (f" <i>Only {v['n']} responses: an NPS this small a sample can move by 10 points or more "
                       "by chance; report the n with it.</i>")
        self.result.value = (
            f"NPS for {who}: <b>{v['nps']:+.1f}</b> (n = {v['n']}): {v['promoters_pct']:.1f} % promoters "
            f"minus {v['detractors_pct']:.1f} % detractors; {v['passives_pct']:.1f} % passives count in n only.{caution}"
        )
        self.draw()
        self.show_code()


# ---------------------------------------------------------------- sample size


@arguments
def sample_size_chart(confidence: float = 0.95, proportion: float = 0.5, population: int | None = None,
                      mark: float | None = None):
    """Responses needed against the margin of error (1 % to 20 %), with and without a finite population."""
    margins = [m / 1000 for m in range(10, 201, 4)]
    fig, ax = figure(7.0, 3.6)
    ax.plot([m * 100 for m in margins], [sample_size(m, confidence, proportion) for m in margins],
            color=CATEGORY["highlight"], linewidth=2, label="very large population")
    if population:
        ax.plot([m * 100 for m in margins], [sample_size(m, confidence, proportion, population) for m in margins],
                color=CATEGORY["warning"], linewidth=2, linestyle="--", label=f"population of {population:,}")
    if mark is not None:
        n = sample_size(mark, confidence, proportion, population)
        ax.plot([mark * 100], [n], marker="o", markersize=9, color=PALETTE["black"], linestyle="none",
                label=f"±{mark * 100:g} %: n = {n:,}")
    ax.set_yscale("log")
    ax.set_xlabel("margin of error (± percentage points)")
    ax.set_ylabel("responses needed (log scale)")
    ax.set_title(f"Sample size at {confidence * 100:g} % confidence, p = {proportion:g}")
    ax.legend(fontsize=8, frameon=False)
    return fig


class SampleSizeCalculator(Widget):
    """Margin, confidence, expected proportion and population -> the responses a survey needs.

    ``.value`` is ``{'margin_of_error', 'confidence', 'proportion', 'population', 'n'}``
    (population ``None`` for a very large or unknown population).
    """

    CONFIDENCES = (0.8, 0.9, 0.95, 0.99)

    def __init__(self, margin_of_error: float = 0.05, confidence: float = 0.95, proportion: float = 0.5,
                 population: int | None = None, name: str = "calculator"):
        super().__init__(name)
        style = {"description_width": "150px"}
        self.margin = w.FloatSlider(value=0.05, min=0.01, max=0.20, step=0.005, readout_format=".1%",
                                    description="Margin of error ±", continuous_update=False, style=style,
                                    layout=w.Layout(width="460px"))
        self.confidence = w.Dropdown(options=[(f"{c * 100:g} %", c) for c in self.CONFIDENCES], value=0.95,
                                     description="Confidence level", style=style)
        self.proportion = w.FloatSlider(value=0.5, min=0.05, max=0.95, step=0.05, readout_format=".0%",
                                        description="Expected proportion", continuous_update=False, style=style,
                                        layout=w.Layout(width="460px"))
        self.population = w.BoundedIntText(value=0, min=0, max=100_000_000, description="Population (0 = very large)",
                                           style=style, layout=w.Layout(width="320px"))
        self.on_change([self.margin, self.confidence, self.proportion, self.population], lambda _: self.refresh())
        self.result = w.HTML()
        self.result.add_class("pm-result")
        self.make_chart()
        self.make_code_box()
        self.widget = w.VBox([self.margin, self.confidence, self.proportion, self.population,
                              self.result, self.chart, self.code_box])
        self.widget.add_class("pm-sample-size")
        self.set(margin_of_error, confidence, proportion, population)

    def set(self, margin_of_error: float = 0.05, confidence: float = 0.95, proportion: float = 0.5,
            population: int | None = None) -> None:
        """Set every input from code (the same arguments as :func:`sample_size`)."""
        sample_size(margin_of_error, confidence, proportion, population)  # validates, with teaching messages
        number("the calculator's margin", margin_of_error, low=self.margin.min, high=self.margin.max)
        one_of("the calculator's confidence", confidence, self.CONFIDENCES,
               hint="(sample_size() itself accepts any level.)")
        number("the calculator's proportion", proportion, low=self.proportion.min, high=self.proportion.max)
        with self.quiet():
            self.margin.value = margin_of_error
            self.confidence.value = confidence
            self.proportion.value = proportion
            self.population.value = population or 0
        self.refresh()

    def code(self) -> str:
        v = self.value
        args = [repr(v["margin_of_error"]), repr(v["confidence"]), repr(v["proportion"])]
        if v["population"]:
            args.append(repr(v["population"]))
        return f"{self.name}.set({', '.join(args)})"

    def plot(self):
        """Responses needed against the margin of error, the current margin marked (a new figure)."""
        v = self.value
        return sample_size_chart(v["confidence"], v["proportion"], v["population"], v["margin_of_error"])

    @property
    def value(self) -> dict[str, Any]:
        pop = self.population.value or None
        e = round(self.margin.value, 4)
        p = round(self.proportion.value, 4)
        return {"margin_of_error": e, "confidence": self.confidence.value, "proportion": p,
                "population": pop, "n": sample_size(e, self.confidence.value, p, pop)}

    def refresh(self) -> None:
        v = self.value
        z = z_value(v["confidence"])
        pop = f" out of a population of {v['population']:,}" if v["population"] else ""
        self.result.value = (
            f"You need <b>{v['n']:,} responses</b>{pop} for ±{v['margin_of_error'] * 100:g} % at "
            f"{v['confidence'] * 100:g} % confidence (z = {z:.3f}, p = {v['proportion']:g}). "
            f"Halving the margin needs about four times the responses."
        )
        self.draw()
        self.show_code()


# ---------------------------------------------------------------- market funnel


def _money(x: float) -> str:
    for size, suffix in ((1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if abs(x) >= size:
            return f"{x / size:,.3g}{suffix}"
    return f"{x:,.0f}"


@arguments
def funnel_chart(funnel: dict[str, Any], title: str = "Market size"):
    """TAM, SAM and SOM as centred, nested bars (a funnel), each labelled with its value and unit."""
    fig, ax = figure(7.0, 3.4)
    ax.grid(False)
    names = ("tam", "sam", "som")
    colours = (CATEGORY["secondary"], CATEGORY["highlight"], CATEGORY["warning"])
    hatches = ("", "..", "//")
    tam = funnel["tam"] or 1.0
    unit = funnel.get("unit", "")
    for i, (k, c, h) in enumerate(zip(names, colours, hatches)):
        width = funnel[k] / tam
        y = 2 - i
        ax.barh(y, width, left=(1 - width) / 2, color=c, hatch=h, edgecolor="white", height=0.8)
        share = "" if k == "tam" else f", {funnel[k] / tam * 100:.1f} % of TAM"
        ax.text(1.03, y, f"{k.upper()}: {_money(funnel[k])} {unit}{share}", va="center", fontsize=9)
    ax.set_yticks([2, 1, 0], ["TAM (total)", "SAM (serviceable)", "SOM (obtainable)"])
    ax.set_xlim(0, 1.9)
    ax.set_xticks([])
    ax.spines["bottom"].set_visible(False)
    ax.set_xlabel("bar width is proportional to market size (TAM = full width)")
    ax.set_ylabel("market")
    ax.set_title(title)
    return fig


class MarketFunnel(Widget):
    """A top-down TAM / SAM / SOM funnel: a total and two shares (:func:`market_funnel`).

    Defaults to Shiftbrew's market (``load("market")``): 41,000 cafés x $630 per
    site per year; serviceable share 0.55 x 0.62; obtainable share 0.06.
    ``.value`` is ``{'tam', 'sam', 'som', 'unit'}``.
    """

    def __init__(self, total: float | None = None, serviceable_share: Any = None, obtainable_share: float | None = None,
                 unit: str | None = None, name: str = "funnel"):
        super().__init__(name)
        m = load("market")
        style = {"description_width": "150px"}
        self.total = w.FloatText(value=0.0, description="Total (TAM)", style=style)
        self.unit = w.Text(value="", description="Unit", style=style)
        self.sam_share = w.FloatSlider(value=0.5, min=0.0, max=1.0, step=0.001, readout_format=".1%",
                                       description="Serviceable share", continuous_update=False, style=style,
                                       layout=w.Layout(width="460px"))
        self.som_share = w.FloatSlider(value=0.1, min=0.0, max=1.0, step=0.001, readout_format=".1%",
                                       description="Obtainable share", continuous_update=False, style=style,
                                       layout=w.Layout(width="460px"))
        self.on_change([self.total, self.unit, self.sam_share, self.som_share], lambda _: self.refresh())
        self.result = w.HTML()
        self.result.add_class("pm-result")
        self.make_chart()
        self.make_code_box()
        self.widget = w.VBox([self.total, self.unit, self.sam_share, self.som_share, self.result, self.chart,
                              self.code_box])
        self.widget.add_class("pm-market-funnel")
        self.set(
            m["cafes_total"] * m["blended_annual_price_per_site_usd"] if total is None else total,
            [m["share_independent_or_small_chain"], m["share_with_five_or_more_staff"]]
            if serviceable_share is None else serviceable_share,
            m["obtainable_share_in_3_years"] if obtainable_share is None else obtainable_share,
            "USD per year" if unit is None else unit,
        )

    def set(self, total: float, serviceable_share: Any, obtainable_share: float, unit: str = "") -> None:
        """Set the funnel from code (the same arguments as :func:`market_funnel`)."""
        f = market_funnel(total, serviceable_share, obtainable_share, unit)  # validates
        share = f["sam"] / f["tam"] if f["tam"] else (
            math.prod(serviceable_share) if isinstance(serviceable_share, (list, tuple)) else serviceable_share)
        with self.quiet():
            self.total.value = float(total)
            self.unit.value = unit
            self.sam_share.value = round(share, 6)
            self.som_share.value = float(obtainable_share)
        self.refresh()

    def code(self) -> str:
        return (f"{self.name}.set({self.total.value!r}, {round(self.sam_share.value, 6)!r}, "
                f"{round(self.som_share.value, 6)!r}, {self.unit.value!r})")

    def plot(self):
        """TAM, SAM and SOM as a funnel (a new matplotlib figure)."""
        f = self.value
        return funnel_chart(f, title=f"Market size ({f['unit'] or 'no unit given'})")

    @property
    def value(self) -> dict[str, Any]:
        return market_funnel(max(self.total.value, 0.0), self.sam_share.value, self.som_share.value,
                             self.unit.value[:60])

    def refresh(self) -> None:
        f = self.value
        u = f["unit"] or "(say which unit!)"
        self.result.value = (f"TAM <b>{_money(f['tam'])}</b> &sup; SAM <b>{_money(f['sam'])}</b> &sup; "
                             f"SOM <b>{_money(f['som'])}</b> {html.escape(u)}")
        self.draw()
        self.show_code()
