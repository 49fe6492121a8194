"""Module 02 (User and market research): unit, property and widget tests of pm_course.research."""

from __future__ import annotations

import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pm_course.core import InputError, InputTypeError
from pm_course.data import load
from pm_course.research import (
    bottom_up,
    check_job_story,
    critique_question,
    funnel_in,
    margin_of_error,
    market_funnel,
    nested_funnel,
    nps,
    nps_breakdown,
    nps_by_segment,
    nps_category,
    sample_size,
    theme_counts,
    top_theme,
    z_value,
)

# (question, verdict, rules that must be among those reported)
LABELLED = [
    # good: specific, past, about their life
    ("Tell me about the last time someone called in sick before opening.", "good", set()),
    ("When did you last rebuild the rota from scratch?", "good", set()),
    ("Walk me through how you built last week's rota.", "good", set()),
    ("What happened the last time two people wanted the same day off?", "good", set()),
    ("How much time did you spend on the rota last Sunday?", "good", set()),
    ("Who did you call first when the barista cancelled on Friday?", "good", set()),
    ("What did you try before the spreadsheet?", "good", set()),
    ("How do you find cover today?", "good", set()),
    ("What do you pay for your current payroll software each month?", "good", set()),
    ("How much did the agency staff cost you last winter?", "good", set()),
    ("Why did you stop using the enterprise suite?", "good", set()),
    ("Can you show me the spreadsheet you used for this week's rota?", "good", set()),
    ("Could you tell me about the last payroll run?", "good", set()),
    ("What else have you tried to fix the swap problem?", "good", set()),
    ("Talk me through what happened when the wrong person turned up for a shift.", "good", set()),
    ("Where do staff tell you their availability at the moment?", "good", set()),
    ("What were the consequences when the hours sheet was wrong last month?", "good", set()),
    ("Who else was involved in sorting out the cover that morning?", "good", set()),
    ("How many messages did it take to confirm the last swap?", "good", set()),
    ("What did you do after the accountant sent the sheet back?", "good", set()),
    ("Which tools did you look at when you last searched for a rota solution?", "good", set()),
    ("How did you find out that labour was 38 % of sales?", "good", set()),
    # bad: future or hypothetical
    ("Would you use a rota app on your phone?", "bad", {"future"}),
    ("Will you switch rota tools next year?", "bad", {"future"}),
    ("Imagine the rota built itself: what would you do with the time?", "bad", {"future"}),
    ("If there was a way to swap shifts instantly, how often would you use it?", "bad", {"future"}),
    ("Are you planning to hire more baristas?", "bad", {"future"}),
    ("What would your ideal rota tool look like?", "bad", {"future"}),
    ("Would you ever let staff swap shifts without approval?", "bad", {"future", "generic"}),
    # bad: opinions and compliments
    ("Do you like the idea of automatic scheduling?", "bad", {"opinion"}),
    ("What do you think of our new design?", "bad", {"opinion", "pitch"}),
    ("How do you feel about building the rota every week?", "bad", {"opinion"}),
    ("Is it a good idea to let baristas claim open shifts?", "bad", {"opinion"}),
    ("On a scale of 1 to 10, how important is payroll export?", "bad", {"opinion"}),
    ("Do you think other owners have this problem?", "bad", {"opinion"}),
    ("Would you recommend a rota tool to a friend?", "bad", {"future", "opinion"}),
    ("How useful is a labour cost dashboard?", "bad", {"opinion"}),
    # bad: leading
    ("Don't you find the rota a waste of your Sunday?", "bad", {"leading"}),
    ("Isn't it frustrating when staff swap without telling you?", "bad", {"leading"}),
    ("Payroll is the worst part of the month, right?", "bad", {"leading"}),
    ("How annoying is it when someone calls in sick?", "bad", {"leading"}),
    ("You'd agree that spreadsheets are error-prone?", "bad", {"leading"}),
    ("Surely texting every barista one by one takes too long?", "bad", {"leading"}),
    # bad: pitching the idea
    ("Our app sends open shifts to every free barista; does that solve your problem?", "bad", {"pitch"}),
    ("We're building a tool for cover; can I tell you about it?", "bad", {"pitch"}),
    ("Do you want a feature that fills the rota automatically?", "bad", {"pitch", "opinion"}),
    ("Can I show you a demo of the swap screen?", "bad", {"pitch"}),
    ("How does Shiftbrew compare with your spreadsheet?", "bad", {"pitch"}),
    # bad: price
    ("How much would you pay for automatic scheduling?", "bad", {"price"}),
    ("Is $10 a month a fair price?", "bad", {"price"}),
    ("What price feels right for a rota app?", "bad", {"price"}),
    ("Are you willing to pay for easier swaps?", "bad", {"price"}),
    ("Could you afford 39 dollars a month per site?", "bad", {"price"}),
    # bad: generic
    ("What do you usually do when someone calls in sick?", "bad", {"generic"}),
    ("Do you ever struggle to find cover?", "bad", {"generic"}),
    ("How do you typically build the rota?", "bad", {"generic"}),
    ("Do staff always tell you about swaps?", "bad", {"generic"}),
]


# ---------------------------------------------------------------- import cost


def test_import_is_cheap():
    code = ("import sys, pm_course.research; "
            "print(any(m in sys.modules for m in ('ipywidgets', 'matplotlib', 'statistics')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------- NPS


@pytest.mark.parametrize("scores, expected", [
    ([10, 9, 8, 3], 25.0),          # 2 promoters, 1 passive, 1 detractor of 4
    ([8] * 10, 0.0),                # all passives: mean 8, NPS 0
    ([10] * 5, 100.0),
    ([0, 6, 6], -100.0),
    ([9, 7, 6, 10, 0], 0.0),
    ([10, 10, 0, 8], 25.0),
])
def test_nps_worked_examples(scores, expected):
    assert nps(scores) == pytest.approx(expected)


def test_nps_category_boundaries():
    assert [nps_category(s) for s in (0, 6, 7, 8, 9, 10)] == [
        "detractor", "detractor", "passive", "passive", "promoter", "promoter"]


def test_nps_breakdown_counts_and_shares():
    b = nps_breakdown([10, 9, 8, 7, 6, 0, 5, 9])
    assert (b["n"], b["promoters"], b["passives"], b["detractors"]) == (8, 3, 2, 3)
    assert b["promoters_pct"] == pytest.approx(37.5)
    assert b["detractors_pct"] == pytest.approx(37.5)
    assert b["nps"] == pytest.approx(0.0)


def test_nps_by_segment_on_the_case_study():
    survey = load("survey")
    by = nps_by_segment(survey)
    assert set(by) == {"owner", "manager", "barista"}
    for seg, value in by.items():
        scores = [r["nps"] for r in survey if r["segment"] == seg]
        assert value == pytest.approx(100 * (sum(s >= 9 for s in scores) - sum(s <= 6 for s in scores)) / len(scores))
    assert by["manager"] < by["owner"] < by["barista"]


@given(st.lists(st.integers(0, 10), min_size=1, max_size=300))
def test_nps_property_range_and_definition(scores):
    b = nps_breakdown(scores)
    assert -100 <= b["nps"] <= 100
    assert b["nps"] == pytest.approx(b["promoters_pct"] - b["detractors_pct"])
    assert b["promoters"] + b["passives"] + b["detractors"] == b["n"] == len(scores)
    assert b["promoters_pct"] + b["passives_pct"] + b["detractors_pct"] == pytest.approx(100)
    assert nps(scores) == b["nps"]


@given(st.lists(st.integers(0, 10), min_size=1, max_size=100), st.integers(0, 10))
def test_nps_property_adding_a_promoter_never_lowers_it(scores, _):
    assert nps(scores + [10]) >= nps(scores) - 1e-9
    assert nps(scores + [0]) <= nps(scores) + 1e-9


def test_nps_accepts_whole_floats_and_tuples():
    assert nps((9.0, 10.0, 3.0)) == pytest.approx(100 / 3)


@pytest.mark.parametrize("bad, kind, words", [
    ([11], InputError, "between 0 and 10; got 11"),
    ([-1, 9], InputError, "between 0 and 10"),
    ([9.5], InputTypeError, "whole number"),
    ([], InputError, "empty"),
    ("9 10", InputTypeError, "list of whole-number scores"),
    (42, InputTypeError, "list of whole-number scores"),
    ([True], InputTypeError, "whole number"),
])
def test_nps_bad_input(bad, kind, words):
    with pytest.raises(kind) as err:
        nps(bad)
    assert words.lower() in str(err.value).lower()


def test_nps_score_of_11_message_teaches_the_scale():
    with pytest.raises(InputError, match="0-10"):
        nps([10, 11])


def test_nps_by_segment_bad_rows():
    with pytest.raises(InputError, match="no 'nps' field"):
        nps_by_segment([{"segment": "owner"}])
    with pytest.raises(InputTypeError):
        nps_by_segment([3, 4])
    with pytest.raises(InputError, match="empty"):
        nps_by_segment([])


# ---------------------------------------------------------------- z, sample size, margin of error


def test_z_values_from_the_normal_distribution():
    assert z_value(0.95) == pytest.approx(1.959964, abs=1e-6)
    assert z_value(0.99) == pytest.approx(2.575829, abs=1e-6)
    assert z_value(0.90) == pytest.approx(1.644854, abs=1e-6)
    assert z_value(0.80) == pytest.approx(1.281552, abs=1e-6)


@pytest.mark.parametrize("kwargs, expected", [
    ({"margin_of_error": 0.05}, 385),                            # the classic: 384.15 rounded up
    ({"margin_of_error": 0.03}, 1068),                           # 1067.07 rounded up
    ({"margin_of_error": 0.05, "confidence": 0.99}, 664),        # 663.49
    ({"margin_of_error": 0.05, "confidence": 0.90}, 271),        # 270.55
    ({"margin_of_error": 0.10}, 97),                             # 96.04
    ({"margin_of_error": 0.05, "proportion": 0.2}, 246),         # 245.85
    ({"margin_of_error": 0.05, "population": 1000}, 278),        # 384.15 / (1 + 383.15 / 1000) = 277.7
    ({"margin_of_error": 0.05, "population": 760}, 256),         # Shiftbrew's paying accounts
    ({"margin_of_error": 0.05, "population": 100}, 80),          # 79.5
])
def test_sample_size_published_examples(kwargs, expected):
    assert sample_size(**kwargs) == expected


@pytest.mark.parametrize("n, expected", [(385, 0.0499), (1000, 0.0310), (320, 0.0548), (100, 0.0980)])
def test_margin_of_error_published_examples(n, expected):
    assert margin_of_error(n) == pytest.approx(expected, abs=5e-5)


def test_margin_of_error_finite_population():
    assert margin_of_error(100, population=100) == 0.0          # a census has no sampling error
    assert margin_of_error(1, population=1) == 0.0
    assert margin_of_error(278, population=1000) < margin_of_error(278)
    assert margin_of_error(278, population=1000) <= 0.05


margins = st.floats(0.005, 0.5)
confidences = st.sampled_from([0.8, 0.85, 0.9, 0.95, 0.98, 0.99, 0.999])
proportions = st.floats(0.01, 0.99)
populations = st.one_of(st.none(), st.integers(1, 10_000_000))


@given(margins, margins, confidences, proportions)
def test_sample_size_monotone_in_margin(e1, e2, c, p):
    lo, hi = sorted((e1, e2))
    assert sample_size(lo, c, p) >= sample_size(hi, c, p)


@given(margins, st.sampled_from([0.8, 0.9, 0.95]), st.sampled_from([0.95, 0.99]), proportions)
def test_sample_size_grows_with_confidence(e, c1, c2, p):
    assert sample_size(e, c2, p) >= sample_size(e, c1, p)


@settings(max_examples=300)
@given(margins, confidences, proportions, populations)
def test_margin_and_sample_size_consistent(e, c, p, big_n):
    n = sample_size(e, c, p, big_n)
    assert n >= 1
    # the n found reaches the margin asked for (up to float noise of one part in a billion) ...
    assert margin_of_error(n, c, p, big_n) <= e * (1 + 1e-9)
    # ... and one response fewer would not (so n is the smallest such whole number), unless n is 1
    if n > 1:
        assert margin_of_error(n - 1, c, p, big_n) > e * (1 - 1e-9)


@given(margins, confidences, proportions, st.integers(1, 10_000_000))
def test_finite_population_correction_never_increases_n(e, c, p, big_n):
    n_fpc = sample_size(e, c, p, big_n)
    assert n_fpc <= sample_size(e, c, p)
    assert n_fpc <= big_n


@given(st.integers(1, 100_000), st.integers(1, 100_000), confidences)
def test_margin_shrinks_as_n_grows(n1, n2, c):
    lo, hi = sorted((n1, n2))
    assert margin_of_error(hi, c) <= margin_of_error(lo, c)


def test_p_half_is_the_worst_case():
    assert all(sample_size(0.05, 0.95, p) <= sample_size(0.05, 0.95, 0.5) for p in (0.1, 0.3, 0.45, 0.55, 0.9))


def test_margin_given_as_a_percentage_is_refused_with_a_teaching_message():
    with pytest.raises(InputError) as err:
        sample_size(5)
    assert "margin_of_error is a fraction: did you mean 0.05?" in str(err.value)
    with pytest.raises(InputError, match="did you mean 0.03"):
        sample_size(3, 0.95)


@pytest.mark.parametrize("call, kind, words", [
    (lambda: sample_size(0), InputError, "above 0 and below 1"),
    (lambda: sample_size(-0.05), InputError, "above 0 and below 1"),
    (lambda: sample_size(float("nan")), InputError, "finite"),
    (lambda: sample_size("5%"), InputTypeError, "fraction such as 0.05"),
    (lambda: sample_size(0.05, confidence=95), InputError, "did you mean 0.95?"),
    (lambda: sample_size(0.05, confidence=1), InputError, "below 1"),
    (lambda: sample_size(0.05, proportion=50), InputError, "did you mean 0.5?"),
    (lambda: sample_size(0.05, proportion=0), InputError, "above 0"),
    (lambda: sample_size(0.05, population=0), InputError, "at least 1"),
    (lambda: sample_size(0.05, population=760.5), InputTypeError, "whole number"),
    (lambda: margin_of_error(-5), InputError, "at least 1; got -5"),
    (lambda: margin_of_error(0), InputError, "at least 1"),
    (lambda: margin_of_error(12.5), InputTypeError, "whole number"),
    (lambda: margin_of_error(800, population=760), InputError, "cannot be larger than the population"),
    (lambda: margin_of_error(100, confidence=0.0), InputError, "above 0"),
])
def test_sampling_bad_input(call, kind, words):
    with pytest.raises(kind) as err:
        call()
    assert words.lower() in str(err.value).lower()


# ---------------------------------------------------------------- market sizing


def test_market_funnel_case_study_in_sites_and_money():
    m = load("market")
    shares = [m["share_independent_or_small_chain"], m["share_with_five_or_more_staff"]]
    sites = market_funnel(m["cafes_total"], shares, m["obtainable_share_in_3_years"], "sites")
    assert sites["tam"] == 41_000
    assert sites["sam"] == pytest.approx(41_000 * 0.55 * 0.62)
    assert sites["som"] == pytest.approx(41_000 * 0.55 * 0.62 * 0.06)
    usd = funnel_in(sites, m["blended_annual_price_per_site_usd"], "USD per year")
    assert usd["tam"] == pytest.approx(41_000 * 630)
    assert usd["sam"] == pytest.approx(41_000 * 0.55 * 0.62 * 630)
    assert usd["unit"] == "USD per year"
    # converting the top-down sites to accounts and back is the same number (not an independent estimate)
    accounts = sites["sam"] / m["average_sites_per_account"]
    acv = m["average_sites_per_account"] * m["blended_annual_price_per_site_usd"]
    assert bottom_up(accounts, acv) == pytest.approx(usd["sam"])
    # the independent bottom-up estimate: accounts from a separate register x contract value per account
    bu = m["bottom_up"]
    independent = sum(bottom_up(n, bu["sites_per_account"][p] * m["annual_price_per_site_usd"][p])
                      for p, n in bu["accounts_in_sam"].items())
    assert independent == pytest.approx(7_600 * 1.356 * 468 + 700 * 3.1 * 1008)
    assert 0.7 < independent / usd["sam"] < 0.9


def test_market_funnel_single_share_worked_example():
    f = market_funnel(1_000_000, 0.4, 0.1, "people")
    assert (f["tam"], f["sam"], f["som"], f["unit"]) == (1_000_000, pytest.approx(400_000), pytest.approx(40_000), "people")


@given(st.floats(0, 1e12), st.lists(st.floats(0, 1), min_size=1, max_size=4), st.floats(0, 1))
def test_market_funnel_nesting(total, shares, obtainable):
    f = market_funnel(total, shares, obtainable)
    assert 0 <= f["som"] <= f["sam"] <= f["tam"] == total


@given(st.floats(0, 1e9), st.floats(0, 1e9), st.floats(0, 1e9))
def test_nested_funnel_accepts_only_nested_figures(a, b, c):
    tam, sam, som = sorted((a, b, c), reverse=True)
    assert nested_funnel(tam, sam, som)["som"] == som
    if som < sam * (1 - 1e-6) and sam > 1:
        with pytest.raises(InputError, match="SOM"):
            nested_funnel(tam, som, sam)


@pytest.mark.parametrize("call, kind, words", [
    (lambda: market_funnel(1000, 55, 0.1), InputError, "did you mean 0.55?"),
    (lambda: market_funnel(1000, [0.5, 62], 0.1), InputError, "did you mean 0.62?"),
    (lambda: market_funnel(1000, 0.5, 6), InputError, "did you mean 0.06?"),
    (lambda: market_funnel(1000, -0.1, 0.1), InputError, "fraction"),
    (lambda: market_funnel(1000, [], 0.1), InputError, "empty"),
    (lambda: market_funnel(-5, 0.5, 0.1), InputError, "at least 0"),
    (lambda: market_funnel("41000", 0.5, 0.1), InputTypeError, "must be a number"),
    (lambda: nested_funnel(100, 200, 50), InputError, "SAM (200) is larger than TAM (100)"),
    (lambda: nested_funnel(100, 50, 60), InputError, "SOM (60) is larger than SAM (50)"),
    (lambda: bottom_up(-1, 928), InputError, "at least 0"),
    (lambda: funnel_in({"tam": 1}, 5, "USD"), InputTypeError, "funnel must be a dict"),
])
def test_market_bad_input(call, kind, words):
    with pytest.raises(kind) as err:
        call()
    assert words.lower() in str(err.value).lower()


# ---------------------------------------------------------------- the question critic


def test_labelled_set_is_big_enough_and_balanced():
    assert len(LABELLED) >= 40
    verdicts = [v for _, v, _ in LABELLED]
    assert verdicts.count("good") >= 15 and verdicts.count("bad") >= 25
    rules = set().union(*(r for _, _, r in LABELLED))
    assert rules == {"future", "opinion", "leading", "pitch", "price", "generic"}


def test_critic_labels_every_question_of_the_labelled_set():
    misses = []
    for question, verdict, rules in LABELLED:
        c = critique_question(question)
        if c.verdict != verdict or not rules <= set(c.rules):
            misses.append(f"{question!r}: expected {verdict} {sorted(rules)}, got {c.verdict} {list(c.rules)}")
    assert not misses, "critique_question mislabels:\n" + "\n".join(misses)


def test_critic_explains_each_rule_with_the_words_that_triggered_it():
    c = critique_question("Would you use an app that finds cover for you?")
    assert c.verdict == "bad" and c.rules == ("future", "pitch")
    assert len(c.reasons) == 2
    assert "('would')" in c.reasons[0] and "future or a hypothetical" in c.reasons[0]
    assert "pitches the idea" in c.reasons[1] and "an app that finds" in c.reasons[1]
    d = c.as_dict()
    assert d == {"question": c.question, "verdict": "bad", "rules": ["future", "pitch"], "reasons": list(c.reasons)}
    good = critique_question("Tell me about the last time someone called in sick.")
    assert good.good and good.rules == () and good.reasons == ()


def test_critic_handles_curly_apostrophes_and_case():
    assert critique_question("DON\u2019T YOU HATE THE ROTA?").rules[0] == "leading"


def test_critic_bad_input():
    with pytest.raises(InputError, match="must not be empty"):
        critique_question("   ")
    with pytest.raises(InputTypeError, match="text"):
        critique_question(["Would you?"])
    with pytest.raises(InputError, match="too long"):
        critique_question("why " * 200)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=200)
       .filter(lambda s: s.strip()))
def test_critic_never_crashes_and_is_consistent(question):
    c = critique_question(question)
    assert c.verdict in ("good", "bad")
    assert (c.verdict == "bad") == bool(c.rules) == bool(c.reasons)
    assert len(c.rules) == len(set(c.rules)) == len(c.reasons)


# ---------------------------------------------------------------- job stories

GOOD_STORIES = [
    "When a barista cancels an hour before opening, I want to find someone free to cover the shift quickly, "
    "so I can open on time without working it myself.",
    "When I close the month, I want to send hours that match the rota to the accountant, so that I can pay "
    "everyone correctly the first time.",
    "When my shifts change at short notice, I want to know straight away, so I can plan my travel and my studies.",
    "when labour at a site runs above budget, I want to see it before the week starts, so I can move staff in time",
]
BAD_STORIES = [
    ("As an owner, I want to find cover fast, so that I can open on time.", "persona"),
    ("When someone is sick, I want an app that texts all staff, so I can find cover.", "names a solution"),
    ("When a shift opens, I want a push notification, so I can claim it.", "names a solution"),
    ("When I build the rota, I want to click one button, so I can save time.", "names a solution"),
    ("I want to find cover faster, so I can open on time.", "start with the situation"),
    ("When someone calls in sick, so I can open on time, I want to find cover.", "in order"),
    ("When someone calls in sick, I want to find cover.", "expected outcome"),
    ("When it rains, I want to cope, so I can.", "too thin"),
    ("When the week starts, I need the labour cost, so I can plan.", "add the motivation"),
]


@pytest.mark.parametrize("story", GOOD_STORIES)
def test_good_job_stories_pass(story):
    r = check_job_story(story)
    assert r.passed, r.problems
    assert all(len(p.split()) >= 2 for p in r.parts.values())


def test_job_story_parts_are_split_correctly():
    r = check_job_story(GOOD_STORIES[0])
    assert r.parts == {
        "situation": "a barista cancels an hour before opening",
        "motivation": "find someone free to cover the shift quickly",
        "outcome": "open on time without working it myself",
    }
    assert r.as_dict()["passed"] is True


@pytest.mark.parametrize("story, problem", BAD_STORIES)
def test_bad_job_stories_fail_with_the_reason(story, problem):
    r = check_job_story(story)
    assert not r.passed
    assert any(problem in p for p in r.problems), r.problems


def test_job_story_bad_input():
    with pytest.raises(InputTypeError):
        check_job_story(None)
    with pytest.raises(InputError, match="empty"):
        check_job_story("")


# ---------------------------------------------------------------- synthesis


def test_theme_counts_facts_only_by_default():
    iv = load("interviews")
    facts = theme_counts(iv)
    every = theme_counts(iv, kinds=None)
    assert sum(facts.values()) == sum(1 for s in iv if s["kind"] == "fact") == 26
    assert sum(every.values()) == len(iv) == 36
    assert facts["labour cost visibility"] == 3 and every["labour cost visibility"] == 5
    assert "other" not in facts and "pricing" not in facts
    assert list(facts.values()) == sorted(facts.values(), reverse=True)
    assert theme_counts(iv, kinds="opinion") == theme_counts(iv, kinds=["opinion"])


def test_top_theme_unique_and_tie():
    managers = [s for s in load("interviews") if s["segment"] == "manager"]
    assert top_theme(managers) == "labour cost visibility"
    with pytest.raises(InputError, match="tie"):
        top_theme(load("interviews"))
    with pytest.raises(InputError, match="no snippet"):
        top_theme([{"theme": "x", "kind": "opinion"}])


def test_theme_counts_bad_input():
    with pytest.raises(InputTypeError):
        theme_counts("interviews")
    with pytest.raises(InputError, match="no 'theme'"):
        theme_counts([{"kind": "fact"}])
    with pytest.raises(InputTypeError):
        theme_counts([{"theme": "x", "kind": "fact"}], kinds=[1])


@given(st.lists(st.fixed_dictionaries({"theme": st.sampled_from("abcd"),
                                       "kind": st.sampled_from(["fact", "opinion", "hypothetical"])}), max_size=50))
def test_theme_counts_property(snippets):
    facts = theme_counts(snippets)
    every = theme_counts(snippets, kinds=None)
    assert sum(every.values()) == len(snippets)
    assert all(facts[t] <= every[t] for t in facts)
    assert sum(facts.values()) == sum(s["kind"] == "fact" for s in snippets)


# ---------------------------------------------------------------- questions (self-test)


def test_questions_self_test():
    from pm_course.research.questions import QUESTIONS

    assert len(QUESTIONS) >= 10
    for q in QUESTIONS:
        assert q.check(q.answer).outcome == "passed", q.id
        assert q.check(...).outcome == "not attempted", q.id
        q.grade(q.answer)
        assert len(q.hints) >= 2 and q.solution_text
        for wrong in q.wrong:
            fb = q.check(wrong)
            assert fb.outcome == "failed" and fb.lines, (q.id, wrong)
            with pytest.raises(AssertionError):
                q.grade(wrong)


def _misconception_cases(questions):
    return [(q, i) for q in questions for i in range(len(q.misconceptions))]


def _fired(q, answer):
    """The texts of the misconceptions that fire for ``answer`` (through the question's own checker)."""
    clean = q.checker.conform(answer)
    return [m.says for m in q.misconceptions if m.fires(q.checker, clean)]


def test_every_misconception_has_an_example_that_fires_only_it():
    from pm_course.core.question import NO_EXAMPLE
    from pm_course.research.questions import QUESTIONS

    cases = _misconception_cases(QUESTIONS)
    assert len(cases) >= 15
    for q, i in cases:
        m = q.misconceptions[i]
        assert m.example is not NO_EXAMPLE, f"{q.key}: misconception {i} has no example"
        assert _fired(q, m.example) == [m.says], f"{q.key}: the example of misconception {i} fires {_fired(q, m.example)}"
        fb = q.check(m.example)
        assert fb.outcome == "failed" and m.says in fb.lines, (q.key, i)
        assert _fired(q, q.answer) == [], f"{q.key}: the reference answer fires a misconception"


def test_numeric_questions_state_their_precision_and_accept_the_rounded_value():
    from pm_course.core import Value
    from pm_course.research.questions import QUESTIONS

    numeric = [q for q in QUESTIONS if isinstance(q.checker, Value) and q.checker.shape in (int, float)]
    assert {q.id for q in numeric} >= {"q1", "q4", "q5", "q9", "q13"}
    for q in numeric:
        v = q.checker
        assert v.decimals is not None, f"{q.key}: Value without decimals"
        assert v.precision in q.prompt or ("whole number" in q.prompt and v.decimals == 0), q.key
        rounded = round(q.answer, v.decimals)
        assert q.check(int(rounded) if v.shape is int else rounded).outcome == "passed", (q.key, rounded)


def test_nps_whole_numbers_pass():
    from pm_course.research.questions import NPS_ALL, NPS_SEG, q1, q2

    assert q1.check(-9).outcome == "passed" and round(NPS_ALL) == -9
    assert q1.check(round(NPS_ALL, 1)).outcome == "passed"
    assert q2.check({s: round(v) for s, v in NPS_SEG.items()}).outcome == "passed"
    fb = q2.check({"owner": round(NPS_SEG["owner"]), "manager": round(NPS_SEG["owner"]), "barista": 19})
    text = " ".join(fb.lines)
    assert fb.outcome == "failed" and "owners' NPS" in text and "use only the owners" not in text


def test_survey_population_is_defined_once_and_used_with_the_correction():
    from pm_course.research.questions import MOE_MANAGERS, N_MANAGERS, POPULATION, q5

    pop = load("company")["survey_population"]
    assert POPULATION == {s: pop[s] for s in ("owner", "manager", "barista")}
    assert pop["owner"] + pop["manager"] == load("company")["today"]["paying_accounts"]
    assert MOE_MANAGERS == pytest.approx(margin_of_error(N_MANAGERS) * ((120 - N_MANAGERS) / 119) ** 0.5)
    assert q5.check(round(MOE_MANAGERS, 3)).outcome == "passed"
    assert q5.check(round(margin_of_error(N_MANAGERS), 3)).outcome == "failed"


# A labelled set written for q7: rewrites of "Would you use an app that finds cover for you when someone calls in
# sick?". True: a good rewrite (a question or open prompt, passes the Mom Test, a specific past event, on the
# problem of a shift someone cannot work at short notice). False: a bad one.
Q7_LABELLED = [
    ("Tell me about the last time a barista phoned in ill.", True),
    ("Tell me about the last time someone called in sick before a shift: what did you do?", True),
    ("What happened the last time a member of staff didn't turn up?", True),
    ("Tell me about the last time a member of staff didn't turn up for a shift.", True),
    ("What rate did you pay the agency?", True),
    ("How much did you pay the agency the last time you needed cover?", True),
    ("How did you find cover last Saturday?", True),
    ("Walk me through what you did when a barista cancelled at 7am last week.", True),
    ("Who covered the shift the last time someone rang in sick?", True),
    ("When did you last have to work a shift yourself because someone was off sick?", True),
    ("What did you do the last time a shift was left empty at short notice?", True),
    ("Tell me about the last time you were short-staffed on a Saturday.", True),
    ("How many people did you call the last time someone couldn't come in?", True),
    ("Describe the last no-show you had. What happened next?", True),
    ("How long did it take to fill the gap the last time a barista dropped out?", True),
    ("What happened last month when two baristas were ill on the same day?", True),
    ("Tell me about a recent time a shift needed covering at the last minute.", True),
    ("Talk me through the last time you used agency staff.", True),
    ("What did it cost you the last time you had no cover for the opening shift?", True),
    ("Who did you ask first, the last time someone called in sick?", True),
    ("Would you use an app that finds cover for you when someone calls in sick?", False),
    ("Would you like an app that finds cover?", False),
    ("What do you usually do when someone calls in sick?", False),
    ("Tell me about your favourite coffee.", False),
    ("How do you feel about finding cover?", False),
    ("Don't you hate it when someone calls in sick at 6am?", False),
    ("How much would you pay for an app that finds cover?", False),
    ("If we built a cover finder, would you buy it?", False),
    ("Do you think finding cover is hard?", False),
    ("What do you think of our cover feature?", False),
    ("Tell me about the last time you built the rota.", False),
    ("What did you do the last time you ran payroll?", False),
    ("Tell me about the last time you ordered milk.", False),
    ("How would you rate our app for finding cover?", False),
    ("Do you always find cover in time?", False),
    ("finding cover", False),
    ("What will you do next time someone is ill?", False),
    ("Is finding cover a nightmare, right?", False),
    ("Will you try Shiftbrew for cover next week?", False),
    ("What would make finding cover easier?", False),
]

# A labelled set written for q8: job stories for the owners' "last-minute cover" theme.
Q8_LABELLED = [
    ("When someone calls in sick before the morning shift, I want to reach the staff who are free without calling "
     "them one by one, so I can open on time and keep my own day for the business.", True),
    ("When a barista drops a shift at short notice, I want to find someone free to take it quickly, so I can open "
     "on time.", True),
    ("When a shift opens at short notice, I want to know who can take it, so I can avoid working it myself.", True),
    ("When a member of staff doesn't turn up, I want to find a replacement in minutes, so I can keep the café "
     "open.", True),
    ("When a barista phones in ill at 6am, I want to know straight away who is free, so I can open on time.", True),
    ("When someone cancels a shift at the last minute, I want to fill the gap without phoning round, so I can "
     "get on with my morning.", True),
    ("When I am short-staffed on a busy Saturday, I want to get a free colleague in quickly, so I can serve "
     "every customer.", True),
    ("When a barista can't make a shift at short notice, I want to get it covered by someone who knows the café, "
     "so I can avoid paying for agency staff.", True),
    ("When two people are off sick on the same day, I want to cover both shifts from my own team, so I can keep "
     "wages under control.", True),
    ("When a shift is left empty on the day, I want to find cover among the staff who are free, so I can open "
     "without working it myself.", True),
    ("As an owner, I want a button that texts all my staff, so that I can find cover.", False),
    ("When someone calls in sick, I want a push notification to go to every barista, so I can find cover.", False),
    ("When the rota is published, I want to see my hours, so I can plan my week.", False),
    ("I want to find cover faster.", False),
    ("When I build next week's rota, I want to copy last week's, so I can save an hour.", False),
    ("When payroll is due, I want the hours to match the rota, so I can pay people correctly.", False),
    ("When someone calls in sick, I want an app that finds cover, so I can relax.", False),
    ("When a barista cancels, I want Shiftbrew to send an alert, so I can open on time.", False),
    ("When someone calls in sick, so I can open on time.", False),
    ("When staff swap shifts in the group chat, I want to know who is working, so I can plan.", False),
]


@pytest.mark.parametrize("answer,right", Q7_LABELLED, ids=[f"q7-{i}" for i in range(len(Q7_LABELLED))])
def test_q7_labelled_rewrites(answer, right):
    from pm_course.research.questions import q7

    fb = q7.check(answer)
    assert (fb.outcome == "passed") == right, f"{answer!r}: {fb}"
    if not right:
        assert fb.outcome == "failed" and len(fb.lines) >= 2


@pytest.mark.parametrize("answer,right", Q8_LABELLED, ids=[f"q8-{i}" for i in range(len(Q8_LABELLED))])
def test_q8_labelled_job_stories(answer, right):
    from pm_course.research.questions import q8

    fb = q8.check(answer)
    assert (fb.outcome == "passed") == right, f"{answer!r}: {fb}"


def test_labelled_sets_are_large_and_balanced():
    assert len(Q7_LABELLED) + len(Q8_LABELLED) >= 40
    for labelled in (Q7_LABELLED, Q8_LABELLED):
        rights = sum(r for _, r in labelled)
        assert rights >= 8 and len(labelled) - rights >= 8


def test_q11_feedback_names_the_property_of_the_failing_case():
    from pm_course.research.questions import q11

    fb = q11.check(lambda snippets: theme_counts(snippets, kinds=None))
    text = " ".join(fb.lines)
    assert fb.outcome == "failed" and "hypothetical" in text and "only snippets whose kind is 'fact'" in text


def test_written_answer_w1():
    from pm_course.research.questions import W1_MODEL, WRITTEN, w1

    assert WRITTEN == [w1] and w1.points == 5
    assert w1.review(W1_MODEL).title.startswith(f"{len(w1.rules)} of {len(w1.rules)}")
    weak = "Would you pay for a labour dashboard? Do you like our app?"
    fb = w1.review(weak)
    assert fb.title.startswith("0 of") or "Not yet" in " ".join(fb.lines)
    assert w1.review(...).outcome == "not attempted"


def test_classification_question_agrees_with_the_critic():
    from pm_course.research.questions import CLASSIFY

    assert {q: critique_question(q).verdict for q in CLASSIFY} == CLASSIFY


# ---------------------------------------------------------------- widgets


@pytest.fixture
def no_open_figures():
    import matplotlib.pyplot as plt

    yield
    assert plt.get_fignums() == [], "a widget left a matplotlib figure open"


def test_question_critic_widget(no_open_figures):
    from pm_course.research.widgets import QuestionCritic

    critic = QuestionCritic()
    assert critic.value["verdict"] is None
    critic.set("Would you pay $10 a month for this?")
    assert critic.value["verdict"] == "bad" and "price" in critic.value["rules"]
    assert "Bad question" in critic.result.value
    assert "critic.set(&#x27;Would you pay $10 a month for this?&#x27;)" in critic.code_box.value
    critic.box.value = "Tell me about the last time you built the rota."   # as if typed
    assert critic.value["verdict"] == "good" and "Good question" in critic.result.value
    critic.examples.value = critic.examples.options[1][1]
    assert critic.value["question"] == critic.examples.options[1][1] and critic.value["verdict"] == "bad"
    critic.set("")
    assert critic.value["verdict"] is None and critic.code_box.value == ""
    assert "pm-result" in critic.result._dom_classes
    with pytest.raises(InputTypeError):
        critic.set(3)


def test_affinity_board_widget(no_open_figures):
    from pm_course.research.widgets import AffinityBoard

    iv = load("interviews")
    board = AffinityBoard(iv[:6])
    assert board.value == {} and board.counts == {}
    assert "0 of 6 snippets tagged" in board.result.value
    board.set({"S01": "rota takes too long", "S02": "last-minute cover", "S04": "last-minute cover",
               "S03": "other"})
    assert board.value == {"S01": "rota takes too long", "S02": "last-minute cover", "S04": "last-minute cover",
                           "S03": "other"}
    assert board.counts == {"last-minute cover": 2, "rota takes too long": 1}   # S03 is a compliment
    assert "4 of 6 snippets tagged" in board.result.value and "last-minute cover" in board.result.value
    assert "board.set(" in board.code_box.value
    board.facts_only.value = False
    assert board.counts["other"] == 1
    board.dropdowns["S05"].value = "payroll and hours"                  # a click
    assert board.value["S05"] == "payroll and hours"
    board.set({})
    assert board.value == {}
    with pytest.raises(InputError, match="not a snippet"):
        board.set({"S99": "other"})
    with pytest.raises(InputError, match="not a theme"):
        board.set({"S01": "coffee"})


def test_affinity_board_full_reference_tags(no_open_figures):
    from pm_course.research.widgets import AffinityBoard

    iv = load("interviews")
    board = AffinityBoard(tags={s["id"]: s["theme"] for s in iv})
    assert board.counts == theme_counts(iv)
    assert "a tie at 5" in board.result.value


def test_nps_explorer_widget(no_open_figures):
    from pm_course.research.widgets import NPSExplorer

    survey = load("survey")
    explorer = NPSExplorer()
    assert explorer.value["segment"] == "all" and explorer.value["n"] == len(survey)
    assert explorer.value["nps"] == pytest.approx(nps([r["nps"] for r in survey]))
    explorer.set("manager")
    assert explorer.value["nps"] == pytest.approx(nps_by_segment(survey)["manager"])
    assert "NPS for managers" in explorer.result.value and "Only 75 responses" in explorer.result.value
    assert "explorer.set(&#x27;manager&#x27;)" in explorer.code_box.value
    explorer.segment.value = "barista"                                    # a click
    assert explorer.value["segment"] == "barista" and "baristas" in explorer.result.value
    with pytest.raises(InputError, match="segment must be one of"):
        explorer.set("investor")


def test_sample_size_calculator_widget(no_open_figures):
    from pm_course.research.widgets import SampleSizeCalculator

    calc = SampleSizeCalculator()
    assert calc.value == {"margin_of_error": 0.05, "confidence": 0.95, "proportion": 0.5, "population": None,
                          "n": 385}
    assert "385 responses" in calc.result.value
    calc.set(0.05, 0.95, 0.5, 760)
    assert calc.value["n"] == 256 and calc.value["population"] == 760
    assert "calculator.set(0.05, 0.95, 0.5, 760)" in calc.code_box.value
    calc.confidence.value = 0.99                                          # a click
    assert calc.value["n"] == sample_size(0.05, 0.99, 0.5, 760)
    assert "99 % confidence" in calc.result.value
    calc.population.value = 0
    assert calc.value["population"] is None and calc.value["n"] == 664
    with pytest.raises(InputError, match="did you mean 0.05"):
        calc.set(5)
    with pytest.raises(InputError, match="confidence"):
        calc.set(0.05, 0.97)


def test_market_funnel_widget(no_open_figures):
    from pm_course.research.widgets import MarketFunnel

    funnel = MarketFunnel()
    v = funnel.value
    assert v["unit"] == "USD per year"
    assert v["tam"] == pytest.approx(25_830_000) and v["sam"] == pytest.approx(8_808_030, rel=1e-6)
    assert v["som"] == pytest.approx(528_481.8, rel=1e-6)
    funnel.set(41_000, [0.55, 0.62], 0.06, "sites")
    assert funnel.value["tam"] == 41_000 and funnel.value["unit"] == "sites"
    assert funnel.value["som"] == pytest.approx(41_000 * 0.341 * 0.06)
    assert "funnel.set(41000.0, 0.341, 0.06, &#x27;sites&#x27;)" in funnel.code_box.value
    assert "41k" in funnel.result.value
    funnel.som_share.value = 0.1                                          # a drag
    assert funnel.value["som"] == pytest.approx(41_000 * 0.341 * 0.1)
    with pytest.raises(InputError, match="did you mean 0.55"):
        funnel.set(41_000, 55, 0.06, "sites")


def test_widgets_display_their_container(no_open_figures):
    from pm_course.research import widgets

    for cls in (widgets.QuestionCritic, widgets.NPSExplorer, widgets.SampleSizeCalculator, widgets.MarketFunnel):
        obj = cls()
        view = obj._repr_mimebundle_()["application/vnd.jupyter.widget-view+json"]
        assert view["model_id"] == obj.widget.model_id


def test_plots_have_titles_and_axis_labels(no_open_figures):
    import matplotlib.pyplot as plt

    from pm_course.research import widgets

    iv = load("interviews")
    survey = load("survey")
    figs = [
        widgets.theme_chart(iv, {s["id"]: s["theme"] for s in iv}, facts_only=False),
        widgets.nps_histogram([r["nps"] for r in survey]),
        widgets.nps_segments_chart(survey),
        widgets.sample_size_chart(0.95, 0.5, 760, 0.05),
        widgets.funnel_chart(market_funnel(41_000, 0.34, 0.06, "sites")),
    ]
    for fig in figs:
        ax = fig.axes[0]
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
        plt.close(fig)
    hist = widgets.nps_histogram([0, 7, 9])
    colours = {tuple(round(c, 3) for c in p.get_facecolor()[:3]) for p in hist.axes[0].patches}
    assert len(colours) == 3
    plt.close(hist)


# ---------------------------------------------------------------- lesson content (issues 11 and 12)
# Navigation, points stated and glossary links are tested for every module in test_navigation.py;
# reasoning in solutions and hints that lead, in test_questions.py.


def _cells(path):
    import json
    from pathlib import Path

    nb = json.loads((Path(__file__).resolve().parents[1] / path).read_text(encoding="utf-8"))
    return nb["cells"]


def _src(cell):
    return "".join(cell["source"])










def test_lesson_02_tree_root_is_a_product_outcome_and_gaps_are_covered():
    text = " ".join(_src(c) for c in _cells("notebooks/02_research.ipynb"))
    root = text.split("\nOutcome:", 1)[1].splitlines()[0]  # the root line of the tree drawn in the lesson
    assert "churn" not in root and "share of open shifts filled" in root
    for topic in ("informed consent", "usability test", "What NPS cannot tell you", "Recruit"):
        assert topic in text, topic
