"""Plots a learner reads: labels whole and apart, empty states that say what to do (issue 12, "Plots")."""

import itertools

import pytest

from pm_course.data import load


@pytest.fixture(autouse=True)
def _agg(tmp_path, monkeypatch):
    import matplotlib

    matplotlib.use("Agg")
    monkeypatch.setenv("PM_COURSE_HOME", str(tmp_path))
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def _label_boxes(fig, texts):
    from matplotlib.text import Text

    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    # Text's own extent: an annotation's would include its leader line
    return [(t.get_text(), Text.get_window_extent(t, renderer)) for t in texts if t.get_text()]


def _overlaps(boxes):
    return [(a, b) for (a, ba), (b, bb) in itertools.combinations(boxes, 2) if ba.overlaps(bb)]


def test_rice_chart_labels_are_cut_between_words_only():
    from pm_course.prioritization.widgets import RiceTable

    titles = {b["id"]: b["title"] for b in load("backlog")}
    ax = RiceTable().plot().axes[0]
    for label in ax.get_yticklabels():
        rank_id, _, shown = label.get_text().partition(" ")[2].partition(" ")
        full = titles[rank_id]
        if shown.endswith(" …"):
            kept = shown[: -len(" …")]
            assert full.startswith(kept) and full[len(kept)] == " ", label.get_text()
        else:
            assert shown == full


@pytest.mark.parametrize("measure", ["RICE value (reach × impact × confidence)", "Cost of Delay ($ per week)"])
def test_value_effort_matrix_labels_do_not_overlap(measure):
    from pm_course.prioritization.widgets import ValueEffortMatrix

    m = ValueEffortMatrix()
    m.set(measure=measure)
    fig = m.plot()
    boxes = _label_boxes(fig, fig.axes[0].texts)
    shown = {i for text, _ in boxes for i in text.split(", ")}
    assert shown == {b["id"] for b in load("backlog")}  # every item is labelled
    assert _overlaps(boxes) == []


def test_stakeholder_grid_labels_do_not_overlap():
    from pm_course.collaboration.widgets import SHORT_NAMES, stakeholder_grid

    fig = stakeholder_grid(load("stakeholders"))
    names = set(SHORT_NAMES.values())
    boxes = _label_boxes(fig, [t for t in fig.axes[0].texts if t.get_text() in names])
    assert len(boxes) == len(load("stakeholders"))
    assert _overlaps(boxes) == []


def test_affinity_board_starts_with_a_helpful_empty_state():
    from pm_course.research.widgets import AffinityBoard

    board = AffinityBoard(load("interviews")[:4])
    ax = board.plot().axes[0]
    assert not ax.axison, "an empty board draws no meaningless axes"
    assert any("No snippet tagged yet" in t.get_text() for t in ax.texts)
    assert "No snippet tagged yet" in board.chart.outputs[0]["data"]["text/html"]
    board.set({"S01": "rota takes too long"})
    assert board.plot().axes[0].axison
