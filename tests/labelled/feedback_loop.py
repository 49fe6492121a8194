"""07: is a development metric a feedback loop (an activity count, what it produced, what changed because of it)?"""

RIGHT = [
    # quoted in the course's reviews: right metrics once rejected
    "2 briefs per quarter and the feedback each produced, plus how the strategy was revised",
    "Visits per month, insights per visit, and % of insights that led to a backlog change",
    "Customer calls each week, the pain points I captured, and the features we reprioritised",
    # the course's own
    "2 customer visits per month, the insights written up within a day, and the backlog decisions they led to",
    "3 experiments per quarter, what each one taught us, and which roadmap items changed because of them",
    "2 briefs per quarter, the objections and insights each review produced, and the roadmap decisions that changed "
    "because of them",
    # the many ways people write
    "4 interviews a month; the findings from each; the backlog items we changed as a result",
    "two usability tests a month, the problems each one found, and the fixes we prioritized",
    "Number of café visits per month, the lessons learned from each, and the decisions they fed into",
    "1 customer call a week -> notes on what I heard -> changes to the next sprint",
    "weekly support shadowing (1 hour), the issues I spotted, and the tickets we re-prioritised because of them",
    "6 interviews per quarter, the opportunities they revealed, and the roadmap items added or dropped",
    "Monthly: 3 sales calls joined, the objections heard, and the changes made to the pitch deck",
    "10 survey responses read each week, the themes I noted, and what we did differently afterwards",
    "Sessions run per month, the insights recorded, and the design decisions they influenced",
    "2 demos per sprint, the feedback gathered, and the stories we rewrote as a result",
    "How many discovery calls I hold each month, what I learnt from them, and which decisions changed",
    "3 stakeholder one-to-ones a month, the concerns raised, and how the plan was updated",
    "5 churn calls per quarter, the reasons we found, and the retention work we started because of them",
    "Every two weeks: 1 usability test, its findings written up, and the backlog updated",
    "Two café visits a month, observations written up the same day, and the features we then cut or changed",
    "the count of interviews per month, the patterns in what customers said, and the roadmap changes that followed",
    "1 experiment per month, the result and what it taught us, and the product decision it led to",
    "4 customer calls a month, the takeaways shared in Slack, and the backlog changes we agreed",
    "3 analytics reviews per month, the questions they raised, and the metrics we then changed in the dashboard",
    "2 interviews per week, the quotes and problems I captured, and what we adjusted in the onboarding",
    "one shadowing session a fortnight, what I observed, and the improvements we shipped because of it",
    "Visits per month (target 2), learnings per visit, and decisions made from those learnings",
    "a monthly count of customer conversations, the insight from each, and the decisions it fed",
    "3 support tickets reviewed per day, the patterns found, and the fixes prioritised in planning",
]

WRONG = [
    # activity only
    "2 customer visits per month",
    "the number of customer calls I make each week",
    "4 interviews a month",
    "2 briefs per quarter",
    "weekly customer calls",
    "one usability test every two weeks",
    "Visits per month",
    "how many books I read each quarter",
    "3 demos per sprint, all attended",
    "10 hours of courses a month",
    # outcome only or vanity
    "the NPS of the product I work on",
    "the number of product books I have read",
    "our monthly active users",
    "revenue growth this year",
    "activation rate from 40 % to 55 %",
    "the number of features shipped",
    "roadmap items delivered on time",
    "customer satisfaction score",
    # two of three parts
    "2 customer visits per month and the insights from each",
    "4 interviews a month and the roadmap changes",
    "what I learned from customers and what we changed",
    "insights per visit and decisions made",
    "3 experiments per quarter and what each taught us",
    "the backlog changes made each month",
    # tricky: the vocabulary of a loop, not the substance
    "a bonus for every customer visit",
    "the number of insights I write per month",
    "2 customer visits per month, rewarded with a bonus",
    "decisions made per month",
    "feedback from my manager every quarter",
    "the number of changes to the roadmap per quarter",
    "how many notes I take per month",
]
