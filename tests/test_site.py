"""The static figure every chart-bearing widget carries, alt text for every chart, and the site's lock."""

import importlib
import inspect
import pkgutil
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import pm_course
from pm_course import ui

ROOT = Path(__file__).resolve().parent.parent

# Widgets whose constructor needs arguments: the arguments a lesson gives them.
NORTH_STAR = {
    "name": "Shifts filled per week without the manager phoning round",
    "customer_value": "Each one is a gap that staff covered themselves.",
    "inputs": {"sites that publish a rota each week": "breadth",
               "share of rota changes made in the app": "depth",
               "open shifts posted per site per week": "frequency",
               "median minutes from an open shift to cover": "efficiency"},
}
ARGUMENTS = {
    "CupedExplorer": ((0.02, 0.015), {"rho": 0.5, "mde": 0.02}),
    "NorthStarTree": ((NORTH_STAR,), {}),
    "RaciEditor": None,  # no chart
}


@pytest.fixture(autouse=True)
def _agg(tmp_path, monkeypatch):
    import matplotlib

    matplotlib.use("Agg")
    monkeypatch.setenv("PM_COURSE_HOME", str(tmp_path))
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def _widget_classes():
    found = []
    for info in pkgutil.walk_packages(pm_course.__path__, "pm_course."):
        if not info.name.endswith("widgets"):
            continue
        module = importlib.import_module(info.name)
        for cls in vars(module).values():
            if inspect.isclass(cls) and issubclass(cls, ui.Widget) and cls.__module__ == info.name:
                found.append(cls)
    return found


def _make(cls):
    args, kwargs = ARGUMENTS.get(cls.__name__) or ((), {})
    return cls(*args, **kwargs)


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


def _images(html: str) -> list[dict]:
    parser = _Images()
    parser.feed(html)
    return parser.images


CHARTED = [cls for cls in _widget_classes() if cls.plot is not ui.Widget.plot]


def test_the_course_has_chart_bearing_widgets_to_check():
    names = {cls.__name__ for cls in CHARTED}
    assert {"RiceTable", "NPSExplorer", "FunnelExplorer", "StakeholderMap", "CupedExplorer"} <= names, names


@pytest.mark.parametrize("cls", CHARTED, ids=lambda c: c.__name__)
def test_every_chart_bearing_widget_carries_a_static_figure_with_alt_text(cls):
    w = _make(cls)
    assert w.has_chart()
    bundle = w._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle, "the live widget is still what JupyterLab shows"
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == w.widget.model_id
    images = _images(bundle.get("text/html", ""))
    assert len(images) == 1, f"{cls.__name__}: no static figure in its output ({sorted(bundle)})"
    img = images[0]
    assert img["src"].startswith("data:image/png;base64,") and len(img["src"]) > 1000
    alt = img.get("alt", "")
    assert alt.startswith("Chart: ") and len(alt) > len("Chart: ") + 10, f"{cls.__name__}: alt text {alt!r}"
    assert alt == w.alt_text()


def test_widgets_without_a_chart_add_no_figure():
    from pm_course.research.widgets import QuestionCritic

    bundle = QuestionCritic()._repr_mimebundle_()
    assert "text/html" not in bundle and "application/vnd.jupyter.widget-view+json" in bundle


def test_a_widget_with_nothing_to_draw_yet_says_so_in_its_static_output():
    from pm_course.vision.widgets import NorthStarTree

    html = NorthStarTree(name="tree")._repr_mimebundle_()["text/html"]
    assert "No chart yet" in html and "must not be empty" in html and "<img" not in html


def test_the_static_figure_follows_the_state():
    from pm_course.prioritization.widgets import RiceTable

    t = RiceTable()
    before = _images(t._repr_mimebundle_()["text/html"])[0]["alt"]
    t.set("B03", reach=1)
    after = _images(t._repr_mimebundle_()["text/html"])[0]["alt"]
    assert "1. B03 Copy last week's rota in one click 2,000" in before
    assert "B03 Copy" not in after.split("…")[0].split(", 2.")[0], after


def test_alt_text_says_what_a_bar_chart_shows_with_its_numbers():
    fig, ax = ui.figure()
    ax.barh(["Signed up", "Activated"], [600, 168])
    ax.set_title("Activation funnel")
    ax.set_xlabel("accounts")
    assert ui.describe_figure(fig) == ("Chart: Activation funnel. 2 bars: Signed up 600, Activated 168. "
                                       "horizontal axis: accounts.")


def test_alt_text_of_lines_gives_first_last_and_range():
    fig, ax = ui.figure()
    ax.plot([1, 2, 3], [10, 2.5, 7], label="weekly users")
    ax.plot([1, 3], [5, 5])  # an unnamed guide line
    alt = ui.describe_figure(fig)
    assert "line weekly users: from 10 to 7 (lowest 2.5, highest 10)" in alt
    assert "1 more line(s)" in alt


def test_a_figure_can_carry_its_own_alt_text_and_bad_text_is_refused():
    from pm_course.core.validate import InputError, InputTypeError

    fig, _ = ui.figure()
    ui.set_alt(fig, "Three circles: business, technology, user experience.")
    assert ui.describe_figure(fig) == "Three circles: business, technology, user experience."
    with pytest.raises(InputError, match="must not be empty"):
        ui.set_alt(fig, "  ")
    with pytest.raises(InputTypeError, match="must be text"):
        ui.set_alt(fig, None)


def test_figures_shown_in_a_notebook_carry_alt_text_in_their_metadata():
    """The mechanism for plain figures in lessons: IPython's PNG formatter adds `alt` to the output's metadata."""
    from IPython.core.interactiveshell import InteractiveShell
    from matplotlib.figure import Figure

    shell = InteractiveShell.instance()
    png = shell.display_formatter.formatters["image/png"]
    saved = dict(png.type_printers)
    try:
        from IPython.core.pylabtools import select_figure_formats

        select_figure_formats(shell, {"png"})
        fig, ax = ui.figure()
        ax.bar(["a", "b"], [1, 2])
        data, meta = shell.display_formatter.format(fig)
        assert data["image/png"]
        assert meta["image/png"]["alt"] == "Chart: 2 bars: a 1, b 2."
        ui._alt_in_metadata()  # a second call does not wrap it twice
        assert png.lookup_by_type(Figure)(fig)[1]["alt"].count("Chart:") == 1
    finally:
        png.type_printers.clear()
        png.type_printers.update(saved)
        InteractiveShell.clear_instance()


def _pins(path: Path) -> dict[str, str]:
    return dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", path.read_text(), flags=re.M))


def test_the_site_lock_is_part_of_the_full_lock_at_the_same_versions():
    """`make site` installs requirements-site.lock: the versions the tests ran against (requirements.lock)."""
    full, site = _pins(ROOT / "requirements.lock"), _pins(ROOT / "requirements-site.lock")
    assert {"sphinx", "myst-nb", "matplotlib", "ipywidgets", "ipykernel"} <= set(site), sorted(site)
    differ = {n: (v, full.get(n)) for n, v in site.items() if full.get(n) != v}
    assert not differ, f"requirements-site.lock and requirements.lock disagree (site, full): {differ}; run `make lock`"
    assert "jupyterlab" not in site and "nbgrader" not in site


def test_in_a_notebook_a_chart_keeps_its_image_and_description(monkeypatch):
    """show_in, with IPython running: one PNG with `alt` metadata, kept for the static figure, shown as an
    ``<img>`` with that alt text (what screen readers read), never as the Output's tooltip (which stops
    JupyterLab from drawing the Output at all)."""
    import IPython.display

    from pm_course.prioritization.widgets import RiceTable

    shown = []
    monkeypatch.setattr(ui, "_in_ipython", lambda: True)
    monkeypatch.setattr(IPython.display, "display", lambda obj, **kw: shown.append((obj, kw)))
    t = RiceTable()
    obj, kw = shown[-1]
    data, alt = t.chart.pm_static
    assert kw == {"metadata": {"image/png": {"alt": alt}}, "raw": True}
    assert obj == {"text/html": ui.img_html(data, alt), "image/png": data, "text/plain": alt}
    assert not t.chart.tooltip
    assert _images(obj["text/html"]) == [{"src": f"data:image/png;base64,{data}", "alt": alt, "class": "pm-static-chart"}]
    assert alt.startswith("Chart: RICE ranking") and alt == t.alt_text()
    assert _images(t._repr_mimebundle_()["text/html"])[0]["src"].endswith(data)  # no second drawing
