"""SMART development goals and feedback-loop metrics (pure logic).

SMART is Doran's (1981): **s**pecific, **m**easurable, **a**ssignable,
**r**ealistic, **t**ime-related (G. T. Doran, "There's a S.M.A.R.T. way to write
management's goals and objectives", *Management Review* 70(11), 35-36). A later
and now common variant reads A as *achievable*, R as *relevant* and T as
*time-bound*; this course checks Doran's letters and names the variant.

The rubric reads one sentence, the way a coach would skim it, by simple
word rules (it is tested on a labelled set of goals, see tests/test_career.py):

- **S**: it says what you will *do*: a concrete action (interview, run, write,
  present, ...), not only "improve", "learn" or "get better at";
- **M**: a number with its unit ("6 customer interviews", "2 talks", "15 %"),
  besides any dates or durations;
- **A**: it says who does it ("I", "we", or a named role);
- **R**: it claims nothing absolute ("every", "all", "perfect", "100 %") and
  its pace is humane (at most 10 of something per week);
- **T**: a deadline or a span: a date, a quarter, "by the end of ...",
  "within 90 days"; a frequency alone ("each month") is not a deadline.

A metric is a *feedback loop* (the course's model of development goals, lesson 07)
when it counts an activity **and** says what the activity produced (insights,
findings) **and** what changed because of it (a decision, the roadmap). An
activity count alone ("visit 2 customers a month") is easy to track and
teaches nothing.
"""

from __future__ import annotations

import re

from ..core.validate import text

__all__ = [
    "LETTERS", "VARIANT", "LOOP_PARTS", "smart_check", "missing_letters", "is_smart",
    "metric_parts", "metric_check", "is_feedback_loop", "quantities", "duration_weeks", "metrics_as_feedback",
]

LETTERS = {"S": "specific", "M": "measurable", "A": "assignable", "R": "realistic", "T": "time-related"}
VARIANT = {"S": "specific", "M": "measurable", "A": "achievable", "R": "relevant", "T": "time-bound"}
LOOP_PARTS = {
    "activity": "an activity you can count, with a number and a period (e.g. 2 customer visits per month)",
    "produced": "what the activity produced (e.g. the insights written up after each visit)",
    "changed": "what changed because of it (e.g. a backlog or roadmap decision the insights led to)",
}
_NOT_A_REWARD = "leave out pay, prizes and quotas: a bonus per visit makes the count a target to hit"
#: What each part's rule looked for, said back to the learner when it finds nothing.
_LOOKED_FOR = {
    "activity": "a number or a rhythm such as 'per month'",
    "produced": "words such as 'insights', 'findings', 'what I learned', 'pain points'",
    "changed": "words such as 'decisions', 'backlog', 'changed', 'reprioritised'",
}

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100,
}
_TIME_UNITS = {"day": 1 / 7, "days": 1 / 7, "week": 1, "weeks": 1, "month": 4.345, "months": 4.345,
               "quarter": 13, "quarters": 13, "year": 52, "years": 52, "weekly": 1, "monthly": 4.345,
               "hour": 0, "hours": 0, "minute": 0, "minutes": 0}
_MONTHS = ("january february march april may june july august september october november december "
           "jan feb mar apr jun jul aug sep sept oct nov dec").split()
_TOKEN = re.compile(r"\d+(?:[.,]\d+)?%?|[A-Za-z][A-Za-z0-9'’-]*|%")

_ACTION_STEMS = (
    "run", "interview", "visit", "lead", "write", "publish", "present", "ship", "launch", "shadow", "analy[sz]e",
    "build", "complete", "facilitate", "map", "draft", "design", "test", "review", "pair", "read", "attend",
    "observe", "call", "deliver", "teach", "coach", "mentor", "score", "set up", "define", "own", "prioriti[sz]e",
    "sit in", "take", "join", "speak", "send", "produce", "hold", "organi[sz]e", "conduct", "document", "rewrite",
    "measure", "survey", "host", "give", "answer", "reply", "respond", "fix", "talk", "meet", "agree", "ask",
    "phone", "email", "demo", "share", "log", "record", "sketch", "prototype", "plan", "schedule", "book",
    "study", "finish", "submit", "pitch", "sell", "recruit", "hire", "onboard", "train", "cut", "reduce",
    "increase", "raise", "lift", "grow", "write up", "present", "note", "collect", "gather", "compare",
    "benchmark", "audit", "chair", "moderate", "spend",
)
_CONCRETE = re.compile(
    r"\b(?:" + "|".join(a.replace(" ", r"\s+") for a in _ACTION_STEMS)
    + r")(?:s|es|ed|d|ing|ning|ting|ped|ping|ted|ned)?\b(?!-)", re.IGNORECASE)
# An action that only follows "get better at", "improve", "learn about", "work on" names a wish, not what you will do.
_VAGUE_BEFORE = re.compile(
    r"\b(?:better\s+at|good\s+at|improve(?:\s+(?:my|at|on))?|work\s+on(?:\s+my)?|learn(?:\s+(?:about|to|how\s+to))?|"
    r"understand|become|be\s+more|focus\s+on|get\s+into)\s+(?:\w+\s+)?$", re.IGNORECASE)
_WHO = re.compile(
    r"\b(I|I'll|I’ll|I'm|I’m|I've|we|we'll|we’ll|"
    r"(?:my|our|the) (?:manager|mentor|sponsor|coach|team|designer|engineering lead|tech lead|head of \w+|"
    r"product lead|director|ceo|cto))\b", re.IGNORECASE)
_PERIODS = r"(?:day|days|week|weeks|month|months|quarter|quarters|year|years|sprint|sprints|fortnight|morning|evening|" \
           r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekday|weekend|other|single)"
# "all 5 owners" is a count and "every month" a rhythm; "every owner", "all bugs", "always" claim the absolute.
_ABSOLUTE = re.compile(
    r"\b(?:every|all|entire)\b(?!-)(?!\s+(?:of\s+(?:the\s+|my\s+|our\s+)?)?(?:\d|(?:one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)\b))(?!\s+(?:the\s+|other\s+)?" + _PERIODS + r"\b)"
    r"|\b(?:always|never|perfect|perfectly|flawless|flawlessly|everything|everyone|everybody|world-class|"
    r"best in the world|no mistakes|zero mistakes|overnight)\b|\b100 ?%", re.IGNORECASE)
_DEADLINE = re.compile(
    r"\b(by|before|until|till|on|from|starting)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?|mid-?|\d{1,2}(?:st|nd|rd|th)?\s+)?"
    r"(?:" + "|".join(_MONTHS) + r"|q[1-4]|h[12]|\d{4}|tomorrow|tonight|"
    r"(?:(?:this|next|the|coming)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"(?:this|next|the|coming)\s+(?:week|month|quarter|year|sprint|fortnight|half|weekend))\b"
    r"|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}\s+(?:" + "|".join(_MONTHS) + r")\b"
    r"|\b(?:" + "|".join(_MONTHS) + r")\s+\d{1,2}\b"
    r"|\b(?:by|before)\s+(?:the\s+)?end\s+of\b"
    r"|\b(?:this|next)\s+(?:quarter|month|half|year|fortnight)\b"
    r"|\b(?:end|close)\s+of\s+(?:the\s+)?(?:q[1-4]|h[12]|year|quarter|month|sprint|week|"
    + "|".join(_MONTHS) + r")\b"
    r"|\bq[1-4](?:\s+\d{4})?\b"
    r"|\b(?:within|in|over|for|during)\s+(?:the\s+)?(?:next\s+|first\s+|coming\s+)?"
    r"(?:\d+|" + "|".join(_WORDS) + r")\s+(?:days?|weeks?|months?|quarters?|years?)\b"
    r"|\b(?:\d+|" + "|".join(_WORDS) + r")-(?:day|week|month)\b"
    r"|\bwithin\s+(?:a|one|the\s+next)\s+(?:week|month|quarter|year|fortnight)\b",
    re.IGNORECASE)
_PRODUCED = re.compile(
    r"\b(insights?|findings?|learn(?:ed|t|ings?)|taught|lessons?|notes?|summar(?:y|ies)|write-?ups?|written up|ideas?|"
    r"opportunit(?:y|ies)|patterns?|themes?|problems?|pain[- ]points?|issues?|objections?|concerns?|reasons?|quotes?|"
    r"takeaways?|questions (?:it|they|each) raised|"
    r"what (?:I|we|she|he|they|customers) (?:heard|saw|observed|noted|captured|found|spotted|learned|learnt)|"
    r"feedback|observations?|hypothes[ie]s|results?|evidence|signals?|revealed|uncovered|found|captured|"
    r"recorded|observed|spotted|noted|heard)\b", re.IGNORECASE)
_CHANGED = re.compile(
    r"\b(chang(?:e|es|ed|ing)|decisions?|decided|roadmap|backlog|adopted|led to|leads? to|resulted in|results? in|"
    r"as a result|because of|acted on|act on|influenc(?:e|ed|es|ing)|informed|updated?|shipped|dropped|cut|"
    r"re-?priorit\w*|priorit[iy]\w*|revis(?:e|ed|ion)|adjust(?:ed|ments?)?|rewr(?:o|i)te|rewritten|fix(?:es|ed)?|"
    r"improvements?|differently|turned into|fed into|fed|feeds? into|went into|made it into|started)\b",
    re.IGNORECASE)
# An activity you can count: a number or a rhythm ("per month", "each week", "monthly", "a fortnight").
_FREQUENCY = re.compile(r"\b(per|each|every|a|an)\s+(day|week|month|quarter|sprint|fortnight)\b|"
                        r"\b(weekly|monthly|daily|fortnightly|quarterly)\b|\b(number|count) of\b|\bhow many\b",
                        re.IGNORECASE)
# Pay, prizes and quotas turn a metric into a target to hit, not feedback to learn from.
_REWARD = re.compile(r"\b(bonus(?:es)?|prizes?|vouchers?|rewards?|rewarded|commission|league table|performance rating|"
                     r"quota|mandat\w*|warning)\b", re.IGNORECASE)


def _tokens(s: str) -> list[str]:
    return _TOKEN.findall(s)


def _as_number(tok: str) -> float | None:
    t = tok.rstrip("%").replace(",", ".")
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    return float(_WORDS[tok.lower()]) if tok.lower() in _WORDS else None


def quantities(sentence: str) -> list[tuple[float, str]]:
    """The counts in a sentence with their units, leaving out dates, years and durations.

    >>> quantities("I will run 6 customer interviews by 31 March")
    [(6.0, 'customer')]
    """
    toks = _tokens(text("sentence", sentence, empty_ok=True))
    found = []
    for i, tok in enumerate(toks):
        n = _as_number(tok)
        if n is None:
            continue
        if tok.endswith("%"):
            found.append((n, "%"))
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        prev = toks[i - 1].lower() if i else ""
        if nxt == "%":
            found.append((n, "%"))
            continue
        if re.fullmatch(r"(19|20)\d\d", tok) or prev in _MONTHS or prev in ("q",):
            continue  # a year, or the day of "March 31"
        low = nxt.lower()
        if not nxt or low in _TIME_UNITS or low in _MONTHS or _as_number(nxt) is not None:
            continue  # a duration, a date ("31 March"), or a number without a unit
        if tok.lower() == "one" and low in ("of", "another", "thing"):
            continue
        found.append((n, low))
    return found


def duration_weeks(sentence: str) -> float | None:
    """The span a goal gives itself, in weeks ("within 90 days" -> 12.9), or None when it names none."""
    sentence = text("sentence", sentence, empty_ok=True)
    m = re.search(r"\b(?:within|in|over|for|during)\s+(?:the\s+)?(?:next\s+|first\s+|coming\s+)?(\d+|"
                  + "|".join(_WORDS) + r")\s+(days?|weeks?|months?|quarters?|years?)\b", sentence, re.IGNORECASE)
    if not m:
        m = re.search(r"\b(\d+|" + "|".join(_WORDS) + r")-(day|week|month)\b", sentence, re.IGNORECASE)
    if not m:
        return None
    n = _as_number(m.group(1))
    unit = m.group(2).lower()
    unit = unit if unit in _TIME_UNITS else unit + "s"
    return None if n is None else n * _TIME_UNITS[unit]


def smart_check(goal: str) -> dict[str, str | None]:
    """Each of Doran's letters: None when the goal meets it, else what is missing (in plain words)."""
    goal = text("the goal", goal, max_len=600)
    words = _tokens(goal)
    out: dict[str, str | None] = {}
    actions = [m for m in _CONCRETE.finditer(goal)
               if not re.search(r"\b(?:my|our|the|a|an|your|its|their)\s+$", goal[max(0, m.start() - 8): m.start()],
                                re.IGNORECASE)
               and not _VAGUE_BEFORE.search(goal[max(0, m.start() - 40): m.start()])]
    out["S"] = (None if actions and len(words) >= 6 else
                "say what you will do: a concrete action (interview, run, write, present, talk to...), not only "
                "'improve' or 'learn'. I found no action word of the kind I know; if yours has one, you're fine.")
    qty = quantities(goal)
    out["M"] = None if qty else ("add a number with its unit (e.g. '6 customer interviews', '2 talks', '10 %'). "
                                 "I found no count besides dates and spans; if yours has one, you're fine.")
    out["A"] = None if _WHO.search(goal) else ("say who does it ('I will ...', or a named role). I found no 'I', 'we' "
                                               "or role; if yours names one, you're fine.")
    weeks = duration_weeks(goal)
    too_fast = weeks is not None and weeks > 0 and any(u != "%" and n / weeks > 10 for n, u in qty)
    absolute = _ABSOLUTE.search(goal)
    if absolute:
        out["R"] = (f"drop the absolutes ('every', 'all', 'perfect', '100 %'; I found '{absolute.group(0)}'): aim for "
                    "a stretch you can reach. 'all 5 owners' or 'every month' is fine.")
    elif too_fast:
        out["R"] = "the pace is more than 10 a week: set a number you can keep up alongside your job."
    else:
        out["R"] = None
    out["T"] = (None if _DEADLINE.search(goal) else
                "give it a deadline or a span. I found no deadline (such as 'by 31 March', 'next Friday', "
                "'end of Q2' or 'within 6 weeks'); if yours has one, you're fine. 'Each month' alone is a rhythm, "
                "not a deadline.")
    return out


def missing_letters(goal: str) -> str:
    """The SMART letters a goal misses, in SMART order ("" when it is SMART), e.g. "MT"."""
    return "".join(k for k, v in smart_check(goal).items() if v)


def is_smart(goal: str) -> bool:
    """Whether the goal meets all five of Doran's letters, by :func:`smart_check`."""
    return missing_letters(goal) == ""


def metric_parts(metric: str) -> dict[str, bool]:
    """Which parts of a feedback loop a metric states: the activity count, what it produced, what changed."""
    metric = text("the metric", metric, max_len=600)
    activity = bool(quantities(metric)) or bool(_FREQUENCY.search(metric))
    return {"activity": activity, "produced": bool(_PRODUCED.search(metric)), "changed": bool(_CHANGED.search(metric))}


def metric_check(metric: str) -> list[str]:
    """What a metric still needs to be a feedback loop (an empty list when it is one)."""
    parts = metric_parts(metric)
    out = []
    for k, ok in parts.items():
        if not ok:
            out.append(f"add {LOOP_PARTS[k]} (I looked for {_LOOKED_FOR[k]} and found none; if yours has it, "
                       "you're fine).")
    reward = _REWARD.search(metric)
    if reward:
        out.append(f"{_NOT_A_REWARD} (I found {reward.group(0)!r}; if it is not a reward, you're fine).")
    return out


def is_feedback_loop(metric: str) -> bool:
    """Whether a metric is a feedback loop: an activity count, what it produced and what changed."""
    return not metric_check(metric)


_NEGATED = re.compile(r"\b(?:not|no|never|nor|rather than|instead of|won't|will not|without|avoid|don't|do not)\b"
                      r"[^.;:]{0,60}$", re.IGNORECASE)
_MEASURED = re.compile(r"\b(metrics?|measur\w*|track\w*|count\w*|numbers?|kpis?|scorecard|log)\b", re.IGNORECASE)
_FEEDBACK_GIVEN = re.compile(r"\b(?:give|gives|giving|get|gets|ask\w*\s+\w+\s+for|share\w*\s+my)\s+(?:\w+\s+){0,2}"
                             r"(?:feedback|insights?)\b", re.IGNORECASE)


def metrics_as_feedback(plan: str) -> str | None:
    """None when a coaching plan uses a metric as a feedback loop, else what it lacks (module 08, w1).

    It looks for something counted (visits per month, how many, a metric), what it taught (insights,
    findings, notes) and what it changed (decisions, the backlog), and for no pay, prize or quota tied to
    the count (unless the plan rules them out: "not a bonus per visit").
    """
    plan = text("the plan", plan)
    rewards = [m for m in _REWARD.finditer(plan) if not _NEGATED.search(plan[max(0, m.start() - 60): m.start()])]
    if rewards:
        return (f"a metric tied to pay, prizes or quotas ('{rewards[0].group(0)}') becomes a target to hit, not "
                "feedback to learn from; if your plan rules it out, you're fine.")
    counted = bool(quantities(plan) or _FREQUENCY.search(plan) or _MEASURED.search(plan))
    produced = bool(_PRODUCED.search(_FEEDBACK_GIVEN.sub(" ", plan)))
    changed = bool(_CHANGED.search(plan))
    if counted and (produced or changed):
        return None
    lacks = [w for w, ok in (("something counted (visits per month, how many)", counted),
                             ("what it taught (insights, findings)", produced),
                             ("what it changed (decisions, the backlog)", changed)) if not ok]
    return ("Pick a metric that feeds back: visits per month and, more importantly, the insights they gave and what "
            "they changed. I found no " + "; no ".join(lacks) + "; if yours has them, you're fine.")
