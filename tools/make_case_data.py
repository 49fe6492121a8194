"""Make the case study's data (package data in pm_course/data/), reproducibly.

    python tools/make_case_data.py          # rewrites pm_course/data/*.json

The company, its product and everyone in it are fictional. Random parts use a
fixed seed, so the files only change when this script does; a test checks that
the committed files equal what this script makes.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

SEED = 20261
OUT = Path(__file__).resolve().parents[1] / "pm_course" / "data"

# Plans and prices: the one source of ARR, price per site, Group-plan share and weekly revenue.
# Group is for chains of 3 or more sites, Solo for one or two. Prices are per site per month.
PRICES_PER_SITE_MONTH = {"Solo": 39, "Group": 84}
SITES_BY_PLAN = {"Solo": 868, "Group": 372}        # 1,240 paying sites; Group share 372 / 1,240 = 30 %
ACCOUNTS_BY_PLAN = {"Solo": 640, "Group": 120}     # 760 paying accounts (customers), 1.63 sites each
PAYING_SITES = sum(SITES_BY_PLAN.values())
PAYING_ACCOUNTS = sum(ACCOUNTS_BY_PLAN.values())
MRR_USD = sum(SITES_BY_PLAN[p] * PRICES_PER_SITE_MONTH[p] for p in SITES_BY_PLAN)
BLENDED_MONTHLY_PRICE = MRR_USD / PAYING_SITES     # $52.50 per site per month
ARR_USD = MRR_USD * 12                             # $781,200: about $0.78M
WEEKLY_SITE_GROWTH = 0.009                         # paying sites grew about 0.9 % a week over the last 26 weeks
LAST_WEEK = 26                                     # the data end in week 26: today
OPEN_SHIFTS_PER_SITE_WEEK = 1.5                    # shifts that open at short notice, per site with a rota, per week

COMPANY = {
    "name": "Shiftbrew",
    "tagline": "Rotas that fill themselves, for independent cafés",
    "product": "Shiftbrew, a web and mobile app for building staff rotas (shift schedules), swapping shifts, "
    "tracking hours and exporting them to payroll",
    "founded": 2023,
    "customers": "independent cafés and small coffee chains (1 to 20 sites)",
    "users": {
        "owner": "owner of a single café, who builds the rota on Sunday night and covers gaps herself",
        "manager": "operations manager of a small chain (3 to 20 sites), who balances labour cost across sites",
        "barista": "front-line staff member, who checks shifts on a phone and wants to swap them easily",
    },
    "pricing": {"currency": "USD", "plans": dict(PRICES_PER_SITE_MONTH), "unit": "per site per month",
                "plan_for": {"Solo": "one or two sites", "Group": "chains of 3 or more sites"}},
    "today": {
        "paying_sites": PAYING_SITES,
        "paying_accounts": PAYING_ACCOUNTS,
        "sites_by_plan": dict(SITES_BY_PLAN),
        "accounts_by_plan": dict(ACCOUNTS_BY_PLAN),
        "group_share_of_sites": round(SITES_BY_PLAN["Group"] / PAYING_SITES, 4),
        "blended_price_per_site_month_usd": round(BLENDED_MONTHLY_PRICE, 2),
        "arr_usd": round(ARR_USD),
        "monthly_site_churn": 0.031,
        "team": {"engineers": 7, "designers": 1, "product managers": 1, "sales": 2, "support": 2, "marketing": 1},
    },
    "business_goals": [
        "Grow annual recurring revenue from $0.78M to $1.2M within 12 months",
        "Cut monthly site churn from 3.1 % to under 2 %",
        "Win small chains: raise the share of Group-plan sites from 30 % to 45 %",
    ],
    "sprint_capacity_person_months": 6.0,
    "note": "Shiftbrew is fictional. People appear by role only.",
}

# Unit economics (module 03, the business case). The unit is one paying site, since Shiftbrew prices per site.
# Variable costs per site per month: hosting, and support (Group sites need more: multi-site set-up and an
# account contact). Churn by plan averages, weighted by sites, to the company's 3.1 % (868 x 3.7 % + 372 x 1.7 %
# = 1,240 x 3.1 %). Acquisition over the same 26 weeks as the analytics: new sites and the sales and marketing
# spend that won them (ads, and the people and tools of sales and marketing), so CAC is $300 a Solo site and
# $1,400 a Group site. Tests keep these identities true.
UNIT_ECONOMICS = {
    "unit": "one paying site",
    "variable_cost_per_site_month_usd": {"Solo": {"hosting": 3.0, "support": 5.0},
                                         "Group": {"hosting": 3.0, "support": 7.0}},
    "monthly_site_churn_by_plan": {"Solo": 0.037, "Group": 0.017},
    "acquisition_last_26_weeks": {
        "Solo": {"new_sites": 320, "ads_usd": 51_000, "people_and_tools_usd": 45_000},
        "Group": {"new_sites": 130, "ads_usd": 22_000, "people_and_tools_usd": 160_000},
    },
    "cost_per_engineering_person_month_usd": 10_000,
    # Two churn bets, each with its outcomes under uncertain adoption: the chance of each, and the cut in the
    # monthly site churn of the plans it reaches, in percentage points (module 03's expected value).
    "feature_bets": {
        "B05": {"plans": ["Solo", "Group"], "outcomes": [
            {"adoption": "most sites use it", "probability": 0.3, "churn_cut_points": 0.8},
            {"adoption": "some sites use it", "probability": 0.4, "churn_cut_points": 0.3},
            {"adoption": "few sites use it", "probability": 0.3, "churn_cut_points": 0.0}]},
        "B07": {"plans": ["Group"], "outcomes": [
            {"adoption": "most chains use it", "probability": 0.15, "churn_cut_points": 1.5},
            {"adoption": "some chains use it", "probability": 0.35, "churn_cut_points": 0.4},
            {"adoption": "few chains use it", "probability": 0.5, "churn_cut_points": 0.0}]},
    },
    "horizon_months": 24,
}
COMPANY["unit_economics"] = UNIT_ECONOMICS

MARKET = {
    "region": "the United Kingdom, Ireland and the Netherlands",
    "cafes_total": 41_000,
    "cafes_source": "a fictional industry census used for teaching",
    "share_independent_or_small_chain": 0.55,
    "share_with_five_or_more_staff": 0.62,
    "obtainable_share_in_3_years": 0.06,
    "average_sites_per_account": round(PAYING_SITES / PAYING_ACCOUNTS, 2),
    "annual_price_per_site_usd": {p: price * 12 for p, price in PRICES_PER_SITE_MONTH.items()},
    "blended_annual_price_per_site_usd": round(BLENDED_MONTHLY_PRICE * 12),
    # Bottom-up sizing: businesses (accounts) counted in a separate source, times an annual contract value per
    # account (Shiftbrew's own sites per account on each plan x that plan's annual price per site).
    "bottom_up": {
        "source": "a fictional register of café businesses, counted separately from the census",
        "accounts_in_sam": {"Solo": 7_600, "Group": 700},
        "what_counts": "independent cafés (Solo: one or two sites) and small chains (Group: 3 to 20 sites) "
                       "with five or more staff",
        "sites_per_account": {p: round(SITES_BY_PLAN[p] / ACCOUNTS_BY_PLAN[p], 3) for p in SITES_BY_PLAN},
    },
    "competitors": [
        {"name": "spreadsheets and group chats", "kind": "workaround", "strength": "free and familiar",
         "weakness": "no swaps, no hours, errors in payroll"},
        {"name": "an enterprise workforce suite", "kind": "direct", "strength": "deep labour analytics",
         "weakness": "priced and built for 50+ sites, weeks to set up"},
        {"name": "a general team-messaging app", "kind": "indirect", "strength": "everyone already has it",
         "weakness": "no rota, no hours, messages get lost"},
        {"name": "a point-of-sale add-on rota", "kind": "direct", "strength": "bundled with the till",
         "weakness": "only works with one till brand, weak mobile app"},
    ],
}

# Interview snippets: 12 interviews, 3 segments. `theme` is the reference synthesis;
# `kind` tells facts about past behaviour from opinions, compliments and hypotheticals (Mom Test).
INTERVIEWS = [
    ("I01", "owner", "Last Sunday I spent three hours on the rota because two people had asked for the same day off.", "rota takes too long", "fact"),
    ("I01", "owner", "When someone calls in sick at 6am I'm the one who opens the shop. That happened twice last month.", "last-minute cover", "fact"),
    ("I01", "owner", "Honestly, your app looks lovely.", "other", "compliment"),
    ("I02", "owner", "Last Saturday I texted the baristas one by one to find cover; it took eleven messages.", "last-minute cover", "fact"),
    ("I02", "owner", "In May my accountant sent the hours sheet back because the totals didn't match the rota.", "payroll and hours", "fact"),
    ("I02", "owner", "I would definitely pay more for automatic scheduling.", "rota takes too long", "hypothetical"),
    ("I03", "manager", "Last Sunday I copied the four site rotas into one spreadsheet to see what labour cost me that week.", "labour cost visibility", "fact"),
    ("I03", "manager", "Two weeks ago we were overstaffed on a rainy Tuesday and understaffed on Saturday.", "labour cost visibility", "fact"),
    ("I03", "manager", "Staff swap shifts in the group chat and I only find out when the wrong person turns up.", "swaps and availability", "fact"),
    ("I04", "barista", "Last Tuesday I checked my shift on a screenshot someone had posted; it was two days out of date and I came in an hour late.", "communication", "fact"),
    ("I04", "barista", "I swapped with a colleague last week by messaging the owner, and she forgot to change the rota.", "swaps and availability", "fact"),
    ("I04", "barista", "It would be cool to have a chat in the app, I guess.", "communication", "hypothetical"),
    ("I05", "manager", "Last month's payroll took me a full day: I retyped hours from three systems.", "payroll and hours", "fact"),
    ("I05", "manager", "We lost a good barista in March because she never knew her hours in advance.", "communication", "fact"),
    ("I05", "manager", "I think most managers would love a dashboard.", "labour cost visibility", "opinion"),
    ("I06", "owner", "I built the rota in a notebook for years; I moved to a spreadsheet last spring and it still takes two hours.", "rota takes too long", "fact"),
    ("I06", "owner", "Students tell me their availability on scraps of paper; I lost one last month and scheduled someone during an exam.", "swaps and availability", "fact"),
    ("I06", "owner", "$10 a month sounds about right for something like this.", "pricing", "hypothetical"),
    ("I07", "barista", "Last month two of us turned up for the same opening shift because the rota changed and nobody told me.", "communication", "fact"),
    ("I07", "barista", "Last week I posted a swap in the group chat and nobody answered for a day.", "swaps and availability", "fact"),
    ("I07", "barista", "I'd use it every day if it had dark mode.", "other", "hypothetical"),
    ("I08", "manager", "Our payroll provider needs a CSV in its own format; last Friday I reformatted it by hand for two hours.", "payroll and hours", "fact"),
    ("I08", "manager", "At our busiest site last quarter, labour was 38 % of sales and I only noticed at month end.", "labour cost visibility", "fact"),
    ("I08", "manager", "We trialled an enterprise scheduling suite last year and gave up after the six-week set-up.", "rota takes too long", "fact"),
    ("I09", "owner", "Last Friday a barista cancelled at 7am; I called four people before someone said yes.", "last-minute cover", "fact"),
    ("I09", "owner", "I'd probably recommend you to other owners.", "other", "opinion"),
    ("I09", "owner", "On Monday I printed the rota and pinned it by the coffee machine.", "communication", "fact"),
    ("I10", "barista", "I had to pay for a taxi last month because I found out about an early shift at midnight.", "communication", "fact"),
    ("I10", "barista", "I track my own hours in a notes app because my payslip was short twice this year.", "payroll and hours", "fact"),
    ("I10", "barista", "Everyone I know hates their rota app.", "other", "opinion"),
    ("I11", "manager", "Last Thursday I spent the morning moving people between sites to cover gaps.", "last-minute cover", "fact"),
    ("I11", "manager", "Last winter we paid agency staff on 14 days because nobody could see who was free at the other sites.", "last-minute cover", "fact"),
    ("I11", "manager", "If you built forecasting from till data, would I buy it? Probably.", "labour cost visibility", "hypothetical"),
    ("I12", "owner", "Last week I redid the rota from scratch; I didn't know I could copy the week before.", "rota takes too long", "fact"),
    ("I12", "owner", "The last time a new barista started, I spent an evening explaining how we swap shifts.", "swaps and availability", "fact"),
    ("I12", "owner", "Your onboarding emails are great.", "other", "compliment"),
]

KANO_FEATURES = {
    # feature: probabilities of (A, O, M, I, R, Q) used to draw consistent answer pairs
    "payroll export": (0.08, 0.22, 0.52, 0.14, 0.02, 0.02),
    "shift swap in the app": (0.18, 0.50, 0.16, 0.12, 0.02, 0.02),
    "auto-scheduling": (0.48, 0.16, 0.06, 0.24, 0.04, 0.02),
    "dark mode": (0.14, 0.06, 0.02, 0.72, 0.04, 0.02),
    "in-app chat": (0.12, 0.06, 0.04, 0.38, 0.36, 0.04),
    "labour cost dashboard": (0.36, 0.30, 0.06, 0.24, 0.02, 0.02),
}
# A pair of answers that yields each category (functional, dysfunctional), per the Kano table.
KANO_PAIRS = {
    "A": [("like", "neutral"), ("like", "live-with"), ("like", "must-be")],
    "O": [("like", "dislike")],
    "M": [("must-be", "dislike"), ("neutral", "dislike"), ("live-with", "dislike")],
    "I": [("neutral", "neutral"), ("live-with", "live-with"), ("must-be", "neutral"), ("neutral", "live-with")],
    "R": [("dislike", "like"), ("neutral", "like"), ("dislike", "neutral")],
    "Q": [("like", "like"), ("dislike", "dislike")],
}

OUTCOMES = {
    # desired outcome (Ulwick job statement style): (mean importance, mean satisfaction) on 1-5
    "minimise the time it takes to build next week's rota": (4.5, 2.4),
    "minimise the number of shifts left uncovered on the day": (4.7, 2.1),
    "minimise errors in the hours sent to payroll": (4.3, 3.0),
    "know the week's labour cost before the week starts": (3.9, 1.9),
    "minimise the messages needed to confirm a swap": (4.0, 2.6),
    "let staff see their shifts as soon as they change": (4.2, 3.6),
}

SEGMENTS = {"owner": 0.45, "manager": 0.25, "barista": 0.30}
NPS_MEAN = {"owner": 7.6, "manager": 6.3, "barista": 7.9}

STAKEHOLDERS = [
    {"id": "ceo", "role": "CEO and co-founder", "team": "leadership", "power": 10, "interest": 8,
     "wants": "hit the revenue goal and raise the next round", "concerns": "roadmap bets that do not move revenue",
     "channel": "weekly one-to-one"},
    {"id": "cto", "role": "CTO and co-founder", "team": "engineering", "power": 9, "interest": 7,
     "wants": "a stable platform and a sustainable pace", "concerns": "custom one-off features and rushed launches",
     "channel": "weekly one-to-one"},
    {"id": "eng_lead", "role": "Engineering lead", "team": "engineering", "power": 6, "interest": 9,
     "wants": "clear problems to solve and time for technical debt", "concerns": "scope that changes mid-sprint",
     "channel": "daily stand-up and planning"},
    {"id": "designer", "role": "Product designer", "team": "design", "power": 5, "interest": 9,
     "wants": "time with customers and room to test ideas", "concerns": "being handed finished solutions",
     "channel": "daily, in the team"},
    {"id": "sales_head", "role": "Head of Sales", "team": "sales", "power": 7, "interest": 8,
     "wants": "features that close deals with small chains", "concerns": "losing a large prospect to a competitor",
     "channel": "fortnightly roadmap review"},
    {"id": "support_lead", "role": "Support lead", "team": "support", "power": 3, "interest": 8,
     "wants": "fewer tickets about payroll exports and swaps", "concerns": "launches that surprise support",
     "channel": "release notes and a launch briefing"},
    {"id": "marketing", "role": "Marketing manager", "team": "marketing", "power": 4, "interest": 7,
     "wants": "a launch story every quarter", "concerns": "dates that slip after the campaign is booked",
     "channel": "monthly roadmap update"},
    {"id": "finance", "role": "Finance manager", "team": "finance", "power": 6, "interest": 3,
     "wants": "predictable spend and pricing discipline", "concerns": "discounts and custom deals",
     "channel": "quarterly business review"},
    {"id": "investor", "role": "Lead investor (board member)", "team": "board", "power": 8, "interest": 3,
     "wants": "evidence of growth and retention", "concerns": "churn", "channel": "quarterly board pack"},
    {"id": "legal", "role": "External legal counsel", "team": "legal", "power": 4, "interest": 2,
     "wants": "compliance with working-time and data rules", "concerns": "storing staff data carelessly",
     "channel": "as needed"},
    {"id": "key_customer", "role": "Operations director of a 14-site chain (prospect)", "team": "customer",
     "power": 5, "interest": 9, "wants": "multi-site labour reports before signing",
     "concerns": "paying for a tool the baristas will not use", "channel": "sales calls"},
    {"id": "barista_council", "role": "Customer advisory group of baristas", "team": "customer", "power": 2,
     "interest": 6, "wants": "easy swaps and early notice of shifts", "concerns": "being tracked",
     "channel": "monthly feedback session"},
]

#: Module 05: parties outside the company on the same power / interest grid (two partners, two suppliers, an
#: analyst, a regulator); ``kind`` says which, and so how the relationship is run (pm_course.collaboration.stakeholders).
EXTERNAL_STAKEHOLDERS = [
    {"id": "payroll_partner", "role": "Payroll provider whose file format Shiftbrew exports (integration partner)",
     "team": "external", "kind": "partner", "power": 7, "interest": 6,
     "wants": "clean exports and customers who stay with both products",
     "concerns": "support calls caused by malformed files", "channel": "quarterly partner review"},
    {"id": "bookkeeping_partner", "role": "Bookkeeping app asking to integrate (prospective partner)", "team": "external",
     "kind": "partner", "power": 3, "interest": 7, "wants": "a way to read Shiftbrew's worked hours",
     "concerns": "being an afterthought on Shiftbrew's roadmap", "channel": "monthly partner call"},
    {"id": "cloud_host", "role": "Cloud hosting provider (supplier)", "team": "external", "kind": "supplier",
     "power": 7, "interest": 2, "wants": "a growing account on a long contract",
     "concerns": "customers who outgrow their plan without warning", "channel": "status page and support contract"},
    {"id": "sms_gateway", "role": "Text-message gateway (supplier)", "team": "external", "kind": "supplier",
     "power": 4, "interest": 2, "wants": "more messages sent", "concerns": "spam complaints from recipients",
     "channel": "account manager, as needed"},
    {"id": "analyst", "role": "Industry analyst covering workforce-management software", "team": "external",
     "kind": "analyst", "power": 6, "interest": 3, "wants": "facts about customers and direction for a yearly report",
     "concerns": "vendors who brief promises rather than shipped products", "channel": "briefing twice a year"},
    {"id": "regulator", "role": "Data protection authority (regulator)", "team": "external", "kind": "regulator",
     "power": 9, "interest": 2, "wants": "staff personal data handled lawfully",
     "concerns": "location tracking, consent, breaches", "channel": "through legal counsel, as needed"},
]

# Backlog: (id, title, theme, reach per quarter [sites], impact, confidence, effort [person-months],
#           ICE impact/confidence/ease, MoSCoW, WSJF value/time/risk/size, cost of delay [$ per week],
#           duration [weeks], requested by, certainty ["high","medium","low"])
BACKLOG = [
    ("B01", "Payroll export in the provider's own CSV formats", "payroll and hours", 900, 2, 1.0, 2, 8, 9, 6, "Must", 13, 8, 5, 5, 3200, 6, "support_lead", "high"),
    ("B02", "Swap a shift from the phone, with manager approval", "swaps and availability", 1100, 2, 0.8, 3, 8, 8, 5, "Must", 13, 5, 3, 8, 2800, 10, "barista_council", "high"),
    ("B03", "Copy last week's rota in one click", "rota takes too long", 1000, 1, 1.0, 0.5, 6, 9, 10, "Should", 5, 3, 1, 1, 900, 2, "support_lead", "high"),
    ("B04", "Auto-fill a rota from availability and rules", "rota takes too long", 700, 3, 0.5, 6, 9, 4, 2, "Could", 13, 3, 8, 20, 3500, 24, "ceo", "low"),
    ("B05", "Find cover: notify available staff when a shift opens", "last-minute cover", 950, 3, 0.8, 3, 9, 7, 5, "Must", 20, 8, 5, 8, 4200, 10, "ceo", "medium"),
    ("B06", "Labour cost per site before the week starts", "labour cost visibility", 380, 2, 0.8, 2, 7, 7, 6, "Should", 8, 5, 3, 5, 2100, 8, "sales_head", "medium"),
    ("B07", "Multi-site labour report for chains", "labour cost visibility", 300, 2, 0.5, 4, 7, 5, 4, "Could", 8, 8, 2, 8, 2600, 14, "key_customer", "low"),
    ("B08", "Staff availability form on the phone", "swaps and availability", 1000, 1, 0.8, 1, 6, 8, 8, "Should", 5, 3, 3, 3, 800, 4, "eng_lead", "high"),
    ("B09", "Push notification when my shifts change", "communication", 1150, 1, 1.0, 1, 6, 9, 8, "Should", 5, 5, 2, 3, 1100, 4, "barista_council", "high"),
    ("B10", "In-app team chat", "communication", 800, 0.5, 0.5, 4, 4, 4, 3, "Won't", 2, 1, 1, 13, 200, 16, "marketing", "low"),
    ("B11", "Dark mode", "other", 600, 0.25, 0.8, 1, 2, 8, 7, "Won't", 1, 1, 1, 3, 50, 4, "barista_council", "medium"),
    ("B12", "Single sign-on for chains", "other", 150, 1, 0.8, 2, 4, 7, 5, "Could", 5, 3, 2, 5, 700, 8, "sales_head", "medium"),
    ("B13", "Custom break rules per country", "payroll and hours", 420, 1, 0.8, 2, 5, 7, 5, "Should", 5, 8, 5, 5, 1200, 8, "legal", "medium"),
    ("B14", "Clock in and out from the phone", "payroll and hours", 850, 2, 0.8, 3, 7, 7, 5, "Should", 8, 3, 3, 8, 1900, 12, "sales_head", "medium"),
    ("B15", "Till integration for sales-based forecasting", "labour cost visibility", 250, 3, 0.5, 8, 8, 3, 1, "Won't", 8, 2, 8, 20, 1500, 32, "ceo", "low"),
    ("B16", "Fix: rota print cuts off the weekend", "communication", 500, 0.5, 1.0, 0.5, 3, 10, 10, "Must", 2, 5, 1, 1, 300, 1, "support_lead", "high"),
    ("B17", "Open shifts board staff can claim", "last-minute cover", 900, 2, 0.8, 2, 8, 7, 6, "Should", 13, 5, 3, 5, 2900, 8, "eng_lead", "medium"),
    ("B18", "Manager approval queue for time off", "swaps and availability", 800, 1, 0.8, 1.5, 5, 8, 6, "Should", 5, 3, 2, 3, 700, 6, "support_lead", "high"),
    ("B19", "Onboarding checklist for new owners", "rota takes too long", 400, 1, 0.5, 1, 5, 5, 7, "Could", 3, 2, 3, 2, 600, 4, "marketing", "medium"),
    ("B20", "Overtime warnings while building the rota", "labour cost visibility", 700, 1, 0.8, 1, 6, 8, 7, "Should", 5, 3, 3, 3, 900, 4, "finance", "high"),
    ("B21", "Share a read-only rota link", "communication", 650, 0.5, 1.0, 0.5, 4, 9, 9, "Could", 3, 2, 1, 1, 300, 2, "barista_council", "high"),
    ("B22", "Cross-site cover for chains", "last-minute cover", 280, 2, 0.8, 3, 7, 6, 4, "Should", 8, 5, 3, 8, 1800, 12, "key_customer", "medium"),
    ("B23", "Annual billing with a discount", "pricing", 760, 0.5, 0.8, 1, 5, 7, 7, "Could", 5, 3, 1, 2, 1300, 4, "finance", "medium"),
    ("B24", "Referral programme for owners", "pricing", 500, 0.5, 0.5, 1, 4, 4, 6, "Could", 3, 1, 2, 3, 500, 4, "marketing", "low"),
    ("B25", "Accessibility fixes for screen readers", "other", 200, 1, 1.0, 1, 4, 9, 7, "Must", 5, 5, 3, 3, 400, 4, "legal", "high"),
    ("B26", "Export hours to Excel", "payroll and hours", 600, 0.5, 1.0, 0.5, 4, 9, 9, "Should", 3, 2, 1, 1, 350, 2, "finance", "high"),
    ("B27", "Skills on staff profiles (barista, kitchen, keyholder)", "rota takes too long", 650, 1, 0.8, 1, 5, 7, 7, "Could", 3, 2, 5, 2, 500, 4, "eng_lead", "medium"),
    ("B28", "Rota templates for seasonal hours", "rota takes too long", 500, 0.5, 0.8, 1, 4, 7, 7, "Could", 2, 2, 1, 2, 250, 4, "support_lead", "medium"),
    ("B29", "Wage budget per week with alerts", "labour cost visibility", 450, 2, 0.5, 2, 6, 5, 6, "Could", 5, 3, 2, 5, 1000, 8, "finance", "low"),
    ("B30", "Two-factor login", "other", 1240, 0.25, 1.0, 0.5, 3, 9, 8, "Should", 2, 3, 8, 2, 450, 2, "cto", "high"),
    ("B31", "Custom report for the 14-site prospect", "labour cost visibility", 14, 1, 0.8, 2, 3, 7, 5, "Won't", 3, 8, 1, 5, 900, 8, "key_customer", "medium"),
    ("B32", "Reduce app start time on old phones", "communication", 900, 0.5, 0.8, 1, 4, 7, 6, "Could", 2, 1, 3, 3, 250, 4, "eng_lead", "medium"),
    ("B33", "Migrate to the new database cluster", "other", 1240, 0.25, 0.8, 2, 3, 7, 4, "Should", 2, 3, 13, 5, 800, 8, "cto", "high"),
    ("B34", "Holiday entitlement tracking", "payroll and hours", 600, 1, 0.8, 2, 5, 7, 5, "Could", 3, 2, 2, 5, 600, 8, "support_lead", "medium"),
    ("B35", "Availability sync with personal calendars", "swaps and availability", 550, 0.5, 0.5, 1.5, 4, 5, 5, "Could", 2, 1, 2, 3, 300, 6, "barista_council", "low"),
    ("B36", "Shift reminders by text message", "communication", 800, 1, 0.8, 0.5, 5, 8, 9, "Should", 3, 2, 1, 1, 600, 2, "support_lead", "high"),
    ("B37", "Site managers with limited permissions", "labour cost visibility", 300, 1, 1.0, 1, 5, 9, 7, "Should", 5, 5, 2, 3, 900, 4, "sales_head", "high"),
    ("B38", "Minimum rest warning between shifts", "payroll and hours", 700, 1, 0.8, 0.5, 5, 8, 9, "Must", 5, 8, 5, 1, 1100, 2, "legal", "high"),
    ("B39", "Weekly rota digest email for owners", "communication", 700, 0.5, 0.8, 0.5, 3, 7, 9, "Could", 2, 1, 1, 1, 200, 2, "marketing", "medium"),
    ("B40", "Public API for chains", "other", 120, 1, 0.5, 4, 4, 4, 3, "Won't", 3, 1, 5, 13, 500, 16, "key_customer", "low"),
]

BACKLOG_FIELDS = (
    "id", "title", "theme", "reach", "impact", "confidence", "effort",
    "ice_impact", "ice_confidence", "ice_ease", "moscow",
    "business_value", "time_criticality", "risk_reduction", "job_size",
    "cost_of_delay_per_week", "duration_weeks", "requested_by", "certainty",
)


def _interviews() -> list[dict]:
    return [
        {"id": f"S{i + 1:02d}", "interview": iv, "segment": seg, "quote": quote, "theme": theme, "kind": kind}
        for i, (iv, seg, quote, theme, kind) in enumerate(INTERVIEWS)
    ]


def _clip(x: float, lo: int, hi: int) -> int:
    return max(lo, min(hi, int(round(x))))


def _survey_plan(segment: str, rng: random.Random) -> str:
    """The plan of a respondent's account. Owners answer for a Solo account and managers for a Group one (the
    survey population counts them so); staff work at either, one in ten at a chain. Every segment but the
    managers takes one draw, as the first version did, so the draws after it stay the same."""
    at_a_chain = segment == "manager" or rng.random() < 0.1
    if segment == "owner":
        return "Solo"
    return "Group" if at_a_chain else "Solo"


def _survey(rng: random.Random) -> list[dict]:
    rows = []
    segs = list(SEGMENTS)
    weights = [SEGMENTS[s] for s in segs]
    for i in range(320):
        seg = rng.choices(segs, weights)[0]
        score = _clip(rng.gauss(NPS_MEAN[seg], 2.0), 0, 10)
        kano = {}
        for feature, probs in KANO_FEATURES.items():
            cat = rng.choices("AOMIRQ", probs)[0]
            kano[feature] = list(rng.choice(KANO_PAIRS[cat]))
        outcomes = {
            o: {"importance": _clip(rng.gauss(imp, 0.8), 1, 5), "satisfaction": _clip(rng.gauss(sat, 0.9), 1, 5)}
            for o, (imp, sat) in OUTCOMES.items()
        }
        rows.append({
            "id": f"R{i + 1:03d}",
            "segment": seg,
            "plan": _survey_plan(seg, rng),
            "nps": score,
            "kano": kano,
            "outcomes": outcomes,
        })
    return rows


ACCOUNTS_SAMPLED = 600   # analytics.accounts: a sample of the sign-ups, in the same proportion each week
SAMPLED_WEEKS = 22       # sign-up weeks 1 to 22: every sampled account has had its 4 weeks by week 26
# Sites per sign-up, drawn to match the paying accounts' plans: a Solo account has one or two sites (868 sites on
# 640 accounts: 228 have two), a Group account 3 or more (372 sites on 120 accounts: 3.1 on average).
SOLO_TWO_SITE_SHARE = (SITES_BY_PLAN["Solo"] - ACCOUNTS_BY_PLAN["Solo"]) / ACCOUNTS_BY_PLAN["Solo"]
GROUP_SITES = {3: 0.915, 4: 0.07, 5: 0.01, 6: 0.005}  # mean 3.105


def _sites(segment: str, sizes: random.Random) -> int:
    if segment == "manager":
        return sizes.choices(list(GROUP_SITES), list(GROUP_SITES.values()))[0]
    return 2 if sizes.random() < SOLO_TWO_SITE_SHARE else 1


def _sampled_weeks(drawn: list[int], signups: list[int]) -> list[int]:
    """Sign-up weeks for the sampled accounts: week k gets its share of the sample (signups[k] / all sign-ups,
    largest remainder, so the weeks add up), and the accounts keep the order of the weeks first drawn for them."""
    total, n = sum(signups), len(drawn)
    exact = [c * n / total for c in signups]
    quota = [int(e) for e in exact]
    for k in sorted(range(len(exact)), key=lambda k: exact[k] - quota[k], reverse=True)[: n - sum(quota)]:
        quota[k] += 1
    weeks = [k + 1 for k, q in enumerate(quota) for _ in range(q)]
    order = sorted(range(n), key=lambda i: (drawn[i], i))
    out = [0] * n
    for i, week in zip(order, weeks):
        out[i] = week
    return out


def _analytics(rng: random.Random) -> dict:
    """Weekly product metrics, and a sample of the sign-ups with their funnel steps.

    ``accounts`` is a sample of 600 of the sign-ups of weeks 1 to 22, in the same proportion each week (within one
    account), so that every one has had the 4 weeks its last funnel step needs;
    its sites follow the plans (owners: Solo, one or two sites; managers: Group, 3.1 sites on average). The draws
    are made in the order of the first version, so that the weekly series the other modules quote stay the same.
    """
    sizes = random.Random(SEED + 600)
    accounts = []
    drawn_weeks = []
    for i in range(ACCOUNTS_SAMPLED):
        seg = "manager" if rng.random() < 0.3 else "owner"
        if seg == "manager":
            rng.randint(3, 14)  # the first version's chain size; kept so the draws after it stay the same
        sites = _sites(seg, sizes)
        created = rng.random() < 0.78
        invited = created and rng.random() < 0.70
        published = invited and rng.random() < 0.82
        active_w4 = published and rng.random() < (0.72 if seg == "manager" else 0.61)
        drawn_weeks.append(rng.randint(1, 26))
        accounts.append({
            "account": f"A{i + 1:04d}",
            "signup_week": 0,
            "segment": seg,
            "sites": sites,
            "created_rota": created,
            "invited_staff": invited,
            "published_rota": published,
            "active_week_4": active_w4,
            "staff_invited": rng.randint(3, 12) * sites if invited else 0,
        })
    weekly = []
    sites_published = 640.0
    for week in range(1, 27):
        sites_published *= 1 + rng.gauss(0.018, 0.012)
        share_filled = round(0.42 + week * 0.004 + rng.gauss(0, 0.01), 3)
        # Paying sites grow smoothly to today's count in week 26; revenue is paying sites x the blended price
        # (not sites publishing a rota: a paying site pays whether or not it published this week).
        paying = round(PAYING_SITES * (1 + WEEKLY_SITE_GROWTH) ** (week - 26))
        open_shifts = round(int(sites_published) * OPEN_SHIFTS_PER_SITE_WEEK)
        weekly.append({
            "week": week,
            "paying_sites": paying,
            "sites_with_published_rota": int(sites_published),
            "open_shifts": open_shifts,
            "shifts_filled_without_manager_calls": share_filled,
            "shifts_filled_without_manager_calls_count": round(open_shifts * share_filled),
            "staff_weekly_active": int(sites_published * (6.1 + rng.gauss(0, 0.2))),
            "swaps_completed": int(sites_published * (0.9 + week * 0.01 + rng.gauss(0, 0.05))),
            "signups": int(rng.gauss(45, 8)),
            "revenue_usd": round(paying * BLENDED_MONTHLY_PRICE * 12 / 52),
        })
    sampled_from = [w["signups"] for w in weekly[:SAMPLED_WEEKS]]
    for a, week in zip(accounts, _sampled_weeks(drawn_weeks, sampled_from)):
        a["signup_week"] = week
    return {
        "accounts_note": f"a sample of {ACCOUNTS_SAMPLED} of the {sum(sampled_from):,} sign-ups of weeks 1 to "
                         f"{SAMPLED_WEEKS} (those who have had 4 weeks by week {LAST_WEEK}, so 'active in week 4' "
                         "is known for each), in the same proportion each week",
        "accounts": accounts, "weekly": weekly,
    }


# Motivation profiles of the product team (module 08): each member ranks the eight drivers of what
# motivates product people, most motivating first, and says how well today's work feeds each one
# (1 not at all .. 5 fully) in the team's quarterly pulse survey. Roles only; written by hand.
_DRIVER_ORDER = ("customer_impact", "innovation", "collaboration", "ownership", "data", "growth",
                 "market_success", "passion")
_TEAM_MOTIVATION = [
    ("pm", "Product manager",
     ["customer_impact", "ownership", "market_success", "data", "innovation", "growth", "collaboration", "passion"],
     [2, 3, 4, 3, 3, 2, 3, 4]),
    ("eng_lead", "Engineering lead",
     ["ownership", "innovation", "collaboration", "customer_impact", "growth", "data", "passion", "market_success"],
     [2, 3, 4, 2, 4, 3, 3, 3]),
    ("designer", "Product designer",
     ["customer_impact", "passion", "collaboration", "innovation", "ownership", "growth", "data", "market_success"],
     [2, 3, 4, 3, 3, 2, 3, 4]),
    ("backend_engineer", "Backend engineer",
     ["innovation", "growth", "ownership", "data", "collaboration", "customer_impact", "passion", "market_success"],
     [1, 3, 4, 2, 4, 3, 3, 3]),
    ("mobile_engineer", "Mobile engineer",
     ["growth", "customer_impact", "innovation", "collaboration", "ownership", "passion", "data", "market_success"],
     [1, 3, 5, 2, 3, 2, 3, 3]),
    ("frontend_engineer", "Frontend engineer",
     ["customer_impact", "collaboration", "growth", "innovation", "ownership", "passion", "data", "market_success"],
     [1, 2, 4, 2, 3, 3, 3, 4]),
    ("data_engineer", "Data engineer",
     ["data", "innovation", "growth", "ownership", "customer_impact", "collaboration", "market_success", "passion"],
     [2, 3, 3, 3, 4, 2, 3, 3]),
]


def _team_motivation() -> list[dict]:
    rows = []
    for member, role, ranking, fed in _TEAM_MOTIVATION:
        assert sorted(ranking) == sorted(_DRIVER_ORDER) and len(fed) == len(_DRIVER_ORDER)
        rows.append({"id": member, "role": role, "ranking": ranking, "fed": dict(zip(_DRIVER_ORDER, fed))})
    return rows


def _activity(analytics: dict) -> dict:
    """Weekly activity of the 600 sign-ups for the 12 weeks after each sign-up (module 06, cohort retention).

    Its own seed, so the other datasets do not change; week 4 agrees with ``active_week_4`` in analytics.
    """
    rng = random.Random(SEED + 6)
    rows = []
    for a in analytics["accounts"]:
        weeks = []
        for n in range(1, 13):
            if n == 4:
                active = a["active_week_4"]
            elif a["published_rota"]:
                floor, start = (0.68, 0.27) if a["segment"] == "manager" else (0.56, 0.36)
                active = rng.random() < floor + start * 2.718281828 ** (-(n - 1) / 1.5)
            elif a["created_rota"]:
                active = rng.random() < (0.55, 0.25, 0.1)[n - 1] if n <= 3 else rng.random() < 0.02
            else:
                active = False
            if active:
                weeks.append(n)
        observed = min(12, LAST_WEEK - a["signup_week"])  # weeks after sign-up that have happened by week 26
        rows.append({"account": a["account"], "signup_week": a["signup_week"], "segment": a["segment"],
                     "observed_weeks": observed, "active_weeks": [n for n in weeks if n <= observed]})
    return {
        "definition": "an account is active in week n after sign-up (n = 1 to 12) if anyone in it published or "
                      "edited a rota that week; week 0 is the sign-up week. The data end in week 26 (today), so an "
                      "account that signed up in week w is observed for min(12, 26 - w) weeks after it "
                      "(observed_weeks); later weeks have not happened yet",
        "last_week": LAST_WEEK,
        "observed_weeks": 12,
        "accounts": rows,
    }


def _experiment_days(rng: random.Random, days: int, daily: tuple[float, float], rates: dict[str, float],
                     guardrail: dict[str, float], keep: dict[str, float]) -> list[dict]:
    out = []
    for day in range(1, days + 1):
        arrivals = max(0, int(round(rng.gauss(*daily))))
        row: dict = {"day": day}
        counts = {"control": 0, "treatment": 0}
        for _ in range(arrivals):
            counts["control" if rng.random() < 0.5 else "treatment"] += 1
        for arm in ("control", "treatment"):
            assigned = sum(rng.random() < keep[arm] for _ in range(counts[arm]))
            converted = sum(rng.random() < rates[arm] for _ in range(assigned))
            events = sum(rng.random() < guardrail[arm] for _ in range(assigned))
            row[arm] = {"assigned": assigned, "converted": converted, "guardrail_events": events}
        out.append(row)
    return out


# The staff the tests can reach: everyone with a staff-app login at a site that publishes its rota (about 9.5 on
# each of the 1,050 sites' rotas). Each of them opens the app on a given day with this chance, so a test that
# enrols staff the first time they open the app reaches them sublinearly: 1,200 on day 1, 5,900 distinct in a
# week (the weekly-active staff were 5,100 to 6,600 this quarter), 9,300 in three weeks, never more than 10,000.
ELIGIBLE_STAFF = 10_000
DAILY_OPEN_CHANCE = 0.12


def _reached(days: int, share: float = 1.0) -> float:
    """Distinct eligible staff a test enrolling ``share`` of them on first open has reached after ``days``."""
    return ELIGIBLE_STAFF * share * (1 - (1 - DAILY_OPEN_CHANCE) ** days)


def _accrue(rng: random.Random, rows: list[dict], share: float) -> list[dict]:
    """Spread an experiment's users over its days as staff arrive: the day a staff member first opens the app
    during the test. Each user keeps the arm and outcomes drawn for them; only the day changes, so the totals
    (and every result read at the end) are those of the draws."""
    days = len(rows)
    weights = [DAILY_OPEN_CHANCE * (1 - DAILY_OPEN_CHANCE) ** (d - 1) for d in range(1, days + 1)]
    out = [{"day": d, "control": {}, "treatment": {}} for d in range(1, days + 1)]
    for arm in ("control", "treatment"):
        totals = {k: sum(r[arm][k] for r in rows) for k in ("assigned", "converted", "guardrail_events")}
        users = [[False, False] for _ in range(totals["assigned"])]
        for j, k in enumerate(("converted", "guardrail_events")):
            for u in rng.sample(range(totals["assigned"]), totals[k]):
                users[u][j] = True
        day_of = rng.choices(range(days), weights, k=totals["assigned"])
        for d in range(days):
            out[d][arm] = {"assigned": 0, "converted": 0, "guardrail_events": 0}
        for (conv, event), d in zip(users, day_of):
            out[d][arm]["assigned"] += 1
            out[d][arm]["converted"] += conv
            out[d][arm]["guardrail_events"] += event
    assert sum(r["control"]["assigned"] + r["treatment"]["assigned"] for r in out) <= _reached(days, share)
    return out


def _experiment() -> dict:
    """Two A/B tests on the staff app, as daily assignments and conversions per arm (module 06).

    EXP-1 is clean; EXP-2 lost part of its treatment arm to a crash (a sample ratio mismatch to find). Both enrol
    staff the first time they open the app during the test, so their daily arrivals fall as the test runs
    (sublinear accrual, Kohavi, Tang and Xu 2020) and stay within the eligible staff.
    """
    rng = random.Random(SEED + 60)
    accrual = random.Random(SEED + 61)
    out: dict = {
        "unit": "staff member (a barista or shift lead who opens the Shiftbrew staff app)",
        "eligible_staff": ELIGIBLE_STAFF,
        "eligible_staff_definition": "staff with a staff-app login at the sites that publish a rota (about 9.5 "
                                     "per site); each opens the app on a given day with chance "
                                     f"{DAILY_OPEN_CHANCE}, about {round(_reached(7)):,} in a week",
        "daily_open_chance": DAILY_OPEN_CHANCE,
        "eligible_staff_per_day": round(ELIGIBLE_STAFF * DAILY_OPEN_CHANCE),
        "experiments": [
            {
                "id": "EXP-1",
                "name": "One-tap swap",
                "change": "a 'Swap this shift' button on each shift card, replacing the three-screen swap form",
                "hypothesis": "If staff can offer a shift for swap in one tap, more of them will complete a swap "
                              "within 14 days, because the form is where most swap attempts stop today.",
                "primary_metric": "completed a shift swap within 14 days of first seeing the app in the test",
                "guardrail_metric": "raised a support ticket about a wrong or missing shift within 14 days",
                "planned_split": [0.5, 0.5],
                "alpha": 0.05,
                "power": 0.8,
                "baseline": 0.12,
                "minimum_detectable_effect": 0.02,
                "planned_days": 21,
                "share_in_test": 1.0,
                "days": _experiment_days(rng, 21, (440, 35), {"control": 0.118, "treatment": 0.137},
                                         {"control": 0.011, "treatment": 0.012},
                                         {"control": 1.0, "treatment": 1.0}),
            },
            {
                "id": "EXP-2",
                "name": "Shift reminders",
                "change": "a push reminder the evening before each shift, with a 'Confirm' button",
                "hypothesis": "If staff get a reminder the evening before, more of them will confirm their next "
                              "shift in the app within 48 hours, because forgotten shifts are the managers' top "
                              "complaint.",
                "primary_metric": "confirmed their next shift in the app within 48 hours",
                "guardrail_metric": "turned push notifications off within 14 days",
                "planned_split": [0.5, 0.5],
                "alpha": 0.05,
                "power": 0.8,
                "baseline": 0.30,
                "minimum_detectable_effect": 0.04,
                "planned_days": 14,
                "share_in_test": 0.6,
                "days": _experiment_days(rng, 14, (330, 30), {"control": 0.30, "treatment": 0.345},
                                         {"control": 0.02, "treatment": 0.045},
                                         {"control": 1.0, "treatment": 0.86}),
            },
        ],
    }
    for e in out["experiments"]:
        e["days"] = _accrue(accrual, e["days"], e["share_in_test"])
    return out


def _company(analytics: dict) -> dict:
    """COMPANY, with the population the survey samples from (people, not accounts)."""
    population = {
        "owner": ACCOUNTS_BY_PLAN["Solo"],     # one owner per Solo account
        "manager": ACCOUNTS_BY_PLAN["Group"],  # one operations manager per Group (chain) account
        "barista": analytics["weekly"][-1]["staff_weekly_active"],  # staff active in the app in the survey week
    }
    return dict(COMPANY, survey_population={
        **population,
        "definition": "the people who use Shiftbrew at its paying accounts in the survey week: the owner of each "
                      "Solo account, the operations manager of each Group account, and the staff (baristas) active "
                      "in the app; each respondent is one person, not one account",
    })


def build() -> dict[str, object]:
    rng = random.Random(SEED)
    backlog = [dict(zip(BACKLOG_FIELDS, row)) for row in BACKLOG]
    assert len({b["id"] for b in backlog}) == len(backlog)
    survey = _survey(rng)
    analytics = _analytics(rng)
    return {
        "company": _company(analytics),
        "market": MARKET,
        "interviews": _interviews(),
        "survey": survey,
        "analytics": analytics,
        "backlog": backlog,
        "stakeholders": STAKEHOLDERS,
        "external_stakeholders": EXTERNAL_STAKEHOLDERS,  # module 05: written by hand
        "team_motivation": _team_motivation(),  # module 08: written by hand
        "activity": _activity(analytics),  # module 06: derived from the sign-ups, its own seed
        "experiment": _experiment(),  # module 06: its own seed
    }


def dumps(obj: object) -> str:
    return json.dumps(obj, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, obj in build().items():
        (OUT / f"{name}.json").write_text(dumps(obj), encoding="utf-8")
        print(f"wrote {OUT / (name + '.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
