"""Module 00: the skills self-assessment (logic and widget)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pm_course.core.validate import InputError, InputTypeError
from pm_course.welcome import SKILL_AREAS, suggest_start

AREAS = list(SKILL_AREAS)


def ratings(**changes):
    r = {a: 3 for a in AREAS}
    r.update({a.replace("_", " "): v for a, v in changes.items()})
    return r


def test_lowest_rated_first_ties_in_course_order():
    r = {a: 4 for a in AREAS}
    r["Prioritization"] = 1
    r["Research"] = 2
    r["Collaboration"] = 2
    assert suggest_start(r) == ["Prioritization", "Research", "Collaboration"]


def test_confident_everywhere_means_no_suggestion():
    assert suggest_start({a: 4 for a in AREAS}) == []


@given(st.lists(st.integers(1, 5), min_size=len(AREAS), max_size=len(AREAS)), st.integers(1, len(AREAS)))
def test_suggestions_are_never_confident_areas_and_sorted_by_rating(values, n):
    r = dict(zip(AREAS, values))
    picks = suggest_start(r, n)
    assert len(picks) <= n
    assert all(r[p] <= 3 for p in picks)
    assert [r[p] for p in picks] == sorted(r[p] for p in picks)
    left_out = [a for a in AREAS if a not in picks and r[a] <= 3]
    if len(picks) == n and left_out:
        assert max(r[p] for p in picks) <= min(r[a] for a in left_out)


def test_bad_ratings_get_messages():
    r = {a: 3 for a in AREAS}
    with pytest.raises(InputError, match="between 1 and 5"):
        suggest_start({**r, "Research": 6})
    with pytest.raises(InputError, match="missing"):
        suggest_start({"Research": 2})
    with pytest.raises(InputError, match="Unknown skill area"):
        suggest_start({**r, "Cooking": 2})
    with pytest.raises(InputTypeError, match="whole number"):
        suggest_start({**r, "Research": 2.5})
    with pytest.raises(InputTypeError, match="ratings must map"):
        suggest_start([1, 2, 3])


def test_widget_updates_suggestion_and_chart_when_a_slider_moves():
    from pm_course.welcome.widgets import SkillsAssessment

    w = SkillsAssessment()
    assert w.value == {a: 3 for a in AREAS}
    before = w.advice.value
    w.sliders["Leadership"].value = 1
    assert w.suggestions[0] == "Leadership"
    assert "Leadership" in w.advice.value and w.advice.value != before
    w.set({a: 5 for a in AREAS})
    assert "capstone" in w.advice.value
    drawn = list(w.plot().axes[0].lines[0].get_ydata())
    assert drawn[:-1] == [5] * len(AREAS)  # the chart shows the new ratings (closed polygon)
    with pytest.raises(InputError):
        w.set({"Research": 9})


@given(st.lists(st.integers(1, 5), min_size=len(AREAS), max_size=len(AREAS)))
def test_the_live_radar_draws_each_rating_on_its_spoke(values):
    """The SVG radar of the widget: one vertex per area, clockwise from the top, at rating/5 of the rim."""
    import math
    import re

    from pm_course.welcome.widgets import _spokes, radar_svg

    r = dict(zip(AREAS, values))
    svg = radar_svg(r)
    rim = max(float(x) for x in re.findall(r"<circle cx='220' cy='205' r='([\d.]+)'", svg))
    points = re.search(r"<polygon points='([^']+)'", svg).group(1).split()
    assert len(points) == len(AREAS)
    for (area, angle), point in zip(_spokes(), points):
        x, y = (float(v) for v in point.split(","))
        assert math.hypot(x - 220, y - 205) == pytest.approx(rim * r[area] / 5, abs=0.15)
        # on its own spoke: clockwise from the top
        assert math.atan2(x - 220, 205 - y) % (2 * math.pi) == pytest.approx(angle, abs=0.01)
    title = re.search(r"<title>([^<]+)</title>", svg).group(1)  # what a screen reader reads: every rating
    assert all(f"{a} {v}" in title for a, v in r.items())


def test_the_live_radar_follows_the_sliders_and_rejects_bad_ratings():
    from pm_course.welcome.widgets import SkillsAssessment, radar_svg

    w = SkillsAssessment(save=False)
    assert "Leadership 3" in w.chart.value
    w.sliders["Leadership"].value = 1
    assert "Leadership 1" in w.chart.value and w.chart.value == radar_svg(w.value)
    with pytest.raises(InputError, match="Research"):
        radar_svg({**w.value, "Research": 9})
    with pytest.raises(InputTypeError):
        radar_svg("all threes")


def test_ratings_are_saved_with_progress_under_the_key_module_07_reads(fresh_home):
    from pm_course.core.progress import load_artifact
    from pm_course.welcome.widgets import SkillsAssessment

    w = SkillsAssessment()
    w.sliders["Prioritization"].value = 1
    saved = load_artifact("00_welcome", "skills")
    assert saved["ratings"]["Prioritization"] == 1 and set(saved["ratings"]) == set(AREAS)
    again = SkillsAssessment()  # a new assessment, later on, starts from the saved ratings
    assert again.value["Prioritization"] == 1


def test_a_target_goal_and_metric_are_saved_with_the_ratings(fresh_home):
    from pm_course.core.progress import load_artifact
    from pm_course.welcome import save_ratings, set_goal

    with pytest.raises(InputError, match="Rate yourself first"):
        set_goal(4, "Run a prioritization review", "exercise 04 passed")
    save_ratings(ratings(Prioritization=2, Collaboration=3))
    out = set_goal({"Prioritization": 4, "Collaboration": 4}, "Lead my team's quarterly prioritization",
                   "exercises 04 and 05 passed, and one review run with my team by March")
    assert out["gaps"] == {"Prioritization": 2, "Collaboration": 1}
    saved = load_artifact("00_welcome", "skills")
    assert saved["targets"]["Prioritization"] == 4 and saved["goal"] and saved["metric"]
    assert saved["ratings"]["Prioritization"] == 2
    with pytest.raises(InputError):
        set_goal({"Cooking": 4}, "x", "y")
    with pytest.raises(InputError):
        set_goal(4, "", "y")


def test_set_goal_can_save_the_ratings_in_the_same_call(fresh_home):
    from pm_course.welcome import assessment, set_goal

    out = set_goal(4, "Lead prioritization", "exercise 04 passed", ratings=ratings(Research=2))
    assert out["gaps"]["Research"] == 2 and assessment()["ratings"]["Research"] == 2
