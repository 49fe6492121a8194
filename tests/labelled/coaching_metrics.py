"""08 w1: does a coaching plan use metrics as a feedback loop (what was done and what it taught or changed),
not as a quota, a mandate or a bonus? Each answer is the part of a plan that speaks of measuring."""

RIGHT = [
    "Metrics as feedback, not as a target: visits per month is easy to count, so the one-to-one also reviews what "
    "was learned and where it went (a backlog change, a discovery question, a dropped idea).",
    "We'll track two visits a month and, more importantly, the insight from each and what it changed in the "
    "backlog.",
    "Each month we look at how many cafés she visited and what she learned, and which decisions it led to.",
    "I'll ask him to keep a short log: the visits he made, one insight per visit, and whether it changed the "
    "roadmap.",
    "The measure is not the number of visits alone but the findings they produced and what we did with them.",
    "We review the visit notes together every fortnight: what did customers tell you, and what did we change?",
    "Success: 2 visits a month, each written up, and at least one backlog decision a quarter that came from them.",
    "A simple count of customer conversations per month, plus the insights shared with the team, tells us both "
    "whether the habit is back and whether it is paying off.",
    "we will look at visits per month together with the learnings and the changes they fed into",
    "Progress is measured by conversations held, what they revealed, and how the team acted on it.",
    "I'd keep an eye on the number of interviews each month, but the real measure is the insights they bring and "
    "what we change because of them.",
    "Our metric: customer visits per month, the problems they uncovered, and the backlog items reprioritised as a "
    "result.",
    "Track: visits (2 a month), insights (one per visit), impact (backlog changes). We read them together in our "
    "1:1.",
    "Each visit ends with three lines in our shared doc: what we saw, what surprised us, what we'll change; we "
    "review the doc monthly.",
    "The numbers I'll watch are visits per month and how many of her findings made it into the roadmap.",
    "Rather than a quota, we'll use the count of visits as a prompt to talk about what she learned and what she "
    "would change.",
    "We'll measure the feedback loop: how often she meets customers, what comes out of it, and what the team "
    "changes.",
    "At our monthly check-in we compare the visits she made with the insights they gave and the decisions they "
    "informed.",
    "Two café visits a month, with the lessons learnt shared at stand-up and any resulting changes to the backlog "
    "noted.",
    "I'll measure progress by the insights per visit and the product changes they trigger, not by visits alone.",
    "Metrics: visits per month (the habit), insights written up (the learning), roadmap changes (the effect).",
    "We agreed to count her customer calls each week and note which of them changed a decision.",
    "He reports monthly on how many customers he spoke to and what the conversations changed in our plans.",
    "The scorecard has the number of discovery calls, the pain points found and the features we re-prioritised.",
    "Visits are counted, but we talk about the findings and the decisions they fed, so the number stays a signal.",
    "She'll keep track of her interviews per month and the insights each produced; we'll review how they shaped "
    "the roadmap.",
    "Feedback loop: visits per month, what each taught us, and what we changed because of it.",
    "We'll use the count of visits as feedback for her, alongside the ideas and changes each visit produced.",
    "I will look at two numbers in our one-to-ones: customer visits this month and insights that changed a "
    "decision.",
    "Measure: how many customers he talked to, what he heard, and whether the backlog moved as a result.",
]

WRONG = [
    # quoted in the course's reviews
    "I'll pay a bonus for every customer visit, so the visits come back.",
    "A bonus for every customer visit.",
    # quotas, mandates, rewards
    "She must make 4 customer visits per month; I'll check the number each Friday.",
    "I'll set a target of 10 visits a month and flag it in her review if she misses it.",
    "Visits per month will be part of his performance rating.",
    "Each visit earns a £50 voucher.",
    "We'll put a visit counter on the team dashboard so everyone can see who is behind.",
    "I'll mandate two visits per month and report the count to the CEO.",
    "The metric is simple: number of visits per month, and she gets a bonus if it goes above four.",
    "The KPI is 8 customer visits a month; missing it twice means a warning.",
    "Whoever makes the most visits per month wins a prize.",
    "We'll track visits per month, and that's it: what gets measured gets done.",
    "A monthly league table of customer visits, with the top PM recognised at the all-hands.",
    "I'll track how many visits he makes and tie his bonus to the number.",
    # no metric at all
    "I will have a one-to-one to understand why the visits stopped, and listen.",
    "We agree a goal: get back to visiting customers.",
    "I'll give her more autonomy and recognise her work publicly.",
    "We will review progress together after a quarter.",
    "I will join her first visit and we'll debrief afterwards.",
    "He picks the cafés and the questions himself.",
    "I'll celebrate every win with the team.",
    "I'll remind her of why customer contact matters for the product.",
    "We'll talk about what got in the way and remove the blockers.",
    # the vocabulary of feedback, not a metric used as feedback
    "I'll give him feedback on his presentation skills every week.",
    "I'll ask the team for feedback on her work.",
    "Feedback: I'll tell her the visits matter.",
    "I'll share my insight into how I ran visits when I was a PM.",
    "Per month I'll send a reminder to visit customers.",
    "She will get feedback from me in her annual review.",
    "The metric I care about most is company revenue.",
]
