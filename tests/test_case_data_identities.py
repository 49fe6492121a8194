"""The case study's figures agree with each other (ARR, prices, plan mix, accounts, weekly revenue).

Every lesson computes its numbers from pm_course.data; these identities keep the data itself
consistent, so that no two lessons can show figures that contradict each other.
"""

import math

import pytest

from pm_course.data import load

COMPANY = load("company")
MARKET = load("market")
WEEKLY = load("analytics")["weekly"]
TODAY = COMPANY["today"]
PRICES = COMPANY["pricing"]["plans"]


def _blended_monthly_price() -> float:
    sites = TODAY["sites_by_plan"]
    return sum(sites[p] * PRICES[p] for p in sites) / sum(sites.values())


def test_plans_add_up_to_the_paying_sites_and_accounts():
    assert sum(TODAY["sites_by_plan"].values()) == TODAY["paying_sites"] == 1240
    assert sum(TODAY["accounts_by_plan"].values()) == TODAY["paying_accounts"] == 760
    assert set(TODAY["sites_by_plan"]) == set(TODAY["accounts_by_plan"]) == set(PRICES)


def test_arr_is_paying_sites_times_blended_monthly_price_times_12():
    arr = TODAY["paying_sites"] * _blended_monthly_price() * 12
    assert TODAY["arr_usd"] == pytest.approx(arr, rel=0.02)
    assert TODAY["blended_price_per_site_month_usd"] == pytest.approx(_blended_monthly_price(), abs=0.005)
    # the goals quote ARR rounded to $0.01M
    assert f"${TODAY['arr_usd'] / 1e6:.2f}M" in COMPANY["business_goals"][0]


def test_market_price_per_site_is_the_same_blended_price():
    assert MARKET["blended_annual_price_per_site_usd"] == pytest.approx(_blended_monthly_price() * 12, rel=0.01)
    for plan, annual in MARKET["annual_price_per_site_usd"].items():
        assert annual == PRICES[plan] * 12


def test_group_share_agrees_with_the_plans_prices_and_the_goal():
    share = TODAY["sites_by_plan"]["Group"] / TODAY["paying_sites"]
    assert TODAY["group_share_of_sites"] == pytest.approx(share, abs=1e-4)
    assert f"from {round(100 * share)} %" in COMPANY["business_goals"][2]
    # the blended price is the plan prices weighted by that share
    assert _blended_monthly_price() == pytest.approx(share * PRICES["Group"] + (1 - share) * PRICES["Solo"])


def test_accounts_are_not_sites():
    per_account = TODAY["paying_sites"] / TODAY["paying_accounts"]
    assert MARKET["average_sites_per_account"] == pytest.approx(per_account, abs=0.01)
    sites, accounts = TODAY["sites_by_plan"], TODAY["accounts_by_plan"]
    assert sites["Group"] / accounts["Group"] >= 3          # Group is for chains of 3 or more sites
    assert 1 <= sites["Solo"] / accounts["Solo"] <= 2       # Solo is for one or two sites
    for plan, ratio in MARKET["bottom_up"]["sites_per_account"].items():
        assert ratio == pytest.approx(sites[plan] / accounts[plan], abs=0.001)


def test_weekly_revenue_times_52_is_the_arr_of_the_same_week():
    last = WEEKLY[-1]
    assert last["paying_sites"] == TODAY["paying_sites"]
    assert last["revenue_usd"] * 52 == pytest.approx(TODAY["arr_usd"], rel=0.02)
    for w in WEEKLY:  # each week: paying sites x blended price
        assert w["revenue_usd"] * 52 == pytest.approx(w["paying_sites"] * _blended_monthly_price() * 12, rel=0.01)


def test_weekly_counts_are_consistent():
    for w in WEEKLY:
        assert w["sites_with_published_rota"] <= w["paying_sites"]
        assert w["shifts_filled_without_manager_calls_count"] <= w["open_shifts"]
        assert w["shifts_filled_without_manager_calls_count"] == pytest.approx(
            w["open_shifts"] * w["shifts_filled_without_manager_calls"], abs=1)
    assert [w["week"] for w in WEEKLY] == list(range(1, 27))
    assert all(a["paying_sites"] <= b["paying_sites"] for a, b in zip(WEEKLY, WEEKLY[1:]))


def test_bottom_up_and_top_down_sizes_are_of_the_same_order():
    m = MARKET
    top_down_sam = (m["cafes_total"] * m["share_independent_or_small_chain"] * m["share_with_five_or_more_staff"]
                    * m["blended_annual_price_per_site_usd"])
    acv = {p: m["bottom_up"]["sites_per_account"][p] * m["annual_price_per_site_usd"][p] for p in PRICES}
    bottom_up_sam = sum(n * acv[p] for p, n in m["bottom_up"]["accounts_in_sam"].items())
    assert 0.6 < bottom_up_sam / top_down_sam < 1.0  # independent estimates: close, and not equal
    assert not math.isclose(bottom_up_sam, top_down_sam, rel_tol=0.05)


def test_interview_facts_are_specific_past_events():
    # a 'fact' is a specific past event (Mom Test): no generalities such as "usually" or "always"
    for s in load("interviews"):
        if s["kind"] == "fact":
            assert not any(w in s["quote"].lower() for w in ("usually", "always", "generally", "normally")), s


def _texts():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    for folder in ("notebooks", "solutions", "docs"):
        for p in sorted((root / folder).rglob("*")):
            if p.suffix == ".md":
                yield p.relative_to(root), p.read_text(encoding="utf-8")
            elif p.suffix == ".ipynb":
                import json

                cells = json.loads(p.read_text(encoding="utf-8"))["cells"]
                yield p.relative_to(root), "\n".join("".join(c["source"]) for c in cells)


def test_no_text_counts_sites_as_cafes_or_quotes_an_old_figure():
    # 1,240 is the number of paying *sites*, in 760 accounts; $580 and $0.76M were old, inconsistent figures
    for path, text in _texts():
        assert "paying cafés" not in text and "paying cafes" not in text, path
        assert "$580" not in text and "\\$580" not in text, path
        assert "1,240 cafés" not in text, path


def test_arr_quoted_in_texts_matches_the_data():
    import re

    arr = f"{TODAY['arr_usd'] / 1e6:.2f}M"
    found = 0
    for path, text in _texts():
        for quoted in re.findall(r"(?:ARR|recurring revenue) (?:from )?\\?\$(\d\.\d\d)M", text):
            found += 1
            assert f"{quoted}M" == arr, (path, quoted)
    assert found >= 3


def test_prices_quoted_in_texts_match_the_data():
    import re

    annual = MARKET["blended_annual_price_per_site_usd"]
    monthly = {f"{p}": price for p, price in PRICES.items()}
    found = 0
    for path, text in _texts():
        for quoted in re.findall(r"\\?\$(\d+) per site per year", text):
            found += 1
            assert int(quoted) == annual, (path, quoted)
        for plan, quoted in re.findall(r"(Solo|Group)[^.$]{0,40}\\?\$(\d+)(?:\.\d+)? a month", text):
            assert int(quoted) == monthly[plan], (path, plan, quoted)
    assert found >= 1


def test_each_load_is_a_fresh_copy():
    """An exercise may change what load() gave it: the next load() is the case study as published."""
    first = load("backlog")
    first[0]["reach"] = -1
    first.append("mine")
    again = load("backlog")
    assert again[0]["reach"] != -1 and again[-1] != "mine" and again == load("backlog")


# ---------------------------------------------------------------- module 06's sign-ups, tests and survey


def test_sampled_sign_ups_follow_the_weekly_sign_ups_week_by_week():
    analytics = load("analytics")
    weekly, accounts = analytics["weekly"], analytics["accounts"]
    last = max(a["signup_week"] for a in accounts)
    assert last <= 26 - 4        # every sampled account has had the 4 weeks of its last funnel step
    total = sum(w["signups"] for w in weekly[:last])
    assert len(accounts) <= total and f"{len(accounts)} of the {total:,} sign-ups" in analytics["accounts_note"]
    for w in weekly:
        sampled = sum(a["signup_week"] == w["week"] for a in accounts)
        expected = w["signups"] * len(accounts) / total if w["week"] <= last else 0
        assert abs(sampled - expected) < 1, w["week"]


def test_sign_ups_sites_agree_with_the_plans_sites_per_account():
    company = load("company")["today"]
    per_account = {p: company["sites_by_plan"][p] / company["accounts_by_plan"][p] for p in ("Solo", "Group")}
    accounts = load("analytics")["accounts"]
    owners = [a["sites"] for a in accounts if a["segment"] == "owner"]       # Solo: one or two sites
    managers = [a["sites"] for a in accounts if a["segment"] == "manager"]   # Group: 3 to 20 sites
    assert set(owners) <= {1, 2} and all(3 <= s <= 20 for s in managers)
    assert sum(owners) / len(owners) == pytest.approx(per_account["Solo"], abs=0.1)
    assert sum(managers) / len(managers) == pytest.approx(per_account["Group"], abs=0.2)


def test_experiment_traffic_stays_within_the_eligible_staff():
    case = load("experiment")
    population, q = case["eligible_staff"], case["daily_open_chance"]
    assert case["eligible_staff_per_day"] == round(population * q)
    weekly_active = [w["staff_weekly_active"] for w in load("analytics")["weekly"]]
    # the staff who open the app in a week, from the model, are about the weekly-active staff of the quarter
    assert min(weekly_active[13:]) <= population * (1 - (1 - q) ** 7) <= max(weekly_active)
    assert population >= max(weekly_active)
    for e in case["experiments"]:
        enrolled = 0
        for d in e["days"]:
            enrolled += d["control"]["assigned"] + d["treatment"]["assigned"]
            reachable = population * e["share_in_test"] * (1 - (1 - q) ** d["day"])
            assert enrolled <= reachable * 1.05, (e["id"], d["day"], enrolled, round(reachable))
        assert enrolled <= population * e["share_in_test"] * (1 - (1 - q) ** len(e["days"])), e["id"]


def test_survey_respondents_belong_to_their_defined_populations():
    company = load("company")
    population = company["survey_population"]
    assert "owner of each Solo account" in population["definition"]
    for r in load("survey"):
        if r["segment"] == "owner":
            assert r["plan"] == "Solo", r["id"]
        if r["segment"] == "manager":
            assert r["plan"] == "Group", r["id"]
    counts = {s: sum(r["segment"] == s for r in load("survey")) for s in ("owner", "manager", "barista")}
    assert all(counts[s] <= population[s] for s in counts)
