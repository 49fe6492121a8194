"""01: is an acceptance criterion one testable Given / When / Then scenario?"""

RIGHT = [
    # quoted in the course's reviews
    "Scenario: Given an open shift, when a barista accepts it, then the rota shows that barista on the shift",
    "Scenario: given a shift with no barista, when the owner marks it open, then every free barista gets an alert "
    "within 60 seconds",
    # the many ways people write
    "Given a shift with no barista, when the owner marks it open, then every free barista gets an alert within 60 "
    "seconds",
    "Given an open shift, when a barista accepts it, then the rota shows that barista on the shift",
    "Given a week with 40 planned hours, when the owner exports payroll, then the file has one row per staff member",
    "Given a swap request, when the manager rejects it, then both baristas see the reason",
    "Given a barista has set Tuesdays as unavailable, when the owner auto-fills the rota, then no Tuesday shift goes "
    "to that barista",
    "Given an open shift already taken, when a second barista tries to accept it, then they see 'this shift is "
    "covered'",
    "Given the owner is offline, when a barista swaps a shift, then the owner gets an email with the change",
    "given an open shift when nobody accepts it within 1 hour then the owner gets a text",
    "GIVEN a covered shift WHEN the barista who took it cancels THEN the shift shows as open again",
    "Given: an open shift. When: a barista accepts. Then: the owner sees the barista's name on the rota.",
    "Given an open shift at 7am\nWhen a free barista taps accept\nThen the shift shows as covered on the owner's "
    "rota",
    "Given two baristas are free, when the owner opens the shift, then both get the offer at the same time",
    "Given a barista who is on holiday, when a shift opens, then they do not get the offer",
    "Given that a shift opens less than 2 hours before it starts, when the owner posts it, then the offer is marked "
    "urgent",
    "Given the shift was filled, when the owner opens the rota, then the filled shift shows the barista's name and "
    "the time they accepted",
    "Given an owner with 2 sites, when a shift opens at site A, then only staff trained for site A get the offer",
    "Given an open shift, when a barista declines it, then the next free barista is offered it within 5 minutes",
    "Given no one is free, when the owner posts an open shift, then the owner sees 'no one is free' and a list of "
    "staff on overtime",
    "Given I'm a barista on the rota, when my shift is changed, then I get a message with the new time",
    "Given an open shift, when two baristas accept it at the same second, then only the first one is booked and the "
    "other sees 'already covered'",
    "Scenario: late cancellation. Given a barista cancels 1 hour before opening, when the owner posts the shift, "
    "then free staff get a text",
    "Given the rota is published, when a barista opens it on their phone, then they see their next 3 shifts",
    "Given an accepted shift, when the owner checks payroll, then the covering barista's hours are counted",
    "Given an open shift that nobody has accepted after 30 minutes, when the owner looks at the rota, then the "
    "shift is shown in red",
    "given a barista with 40 hours already this week, when a shift opens, then they are not offered it",
    "Given a shift with a trained role, when it opens, then only baristas trained for that role get the offer",
    "Given an open shift, when the owner cancels the offer, then baristas who got it see 'withdrawn'",
    "Given the owner turned alerts off, when a shift opens, then no text is sent and the shift shows as open",
    # written after the rule was tuned, measured before adding (30/30 right, 29/30 wrong)
    'Given the owner has posted an open shift, when no one accepts it within 30 minutes, then the owner receives a reminder',
    'Given a barista who worked 6 days in a row, when a shift opens, then that barista is not offered it',
    "Scenario: double booking. Given a shift already covered, when another barista taps accept, then they see 'taken'",
    "given it's 6am and the opener is sick, when the owner marks the shift open, then 3 free baristas get a text within 1 minute",
    'Given an open shift, when a barista accepts, then the shift turns green on the rota',
    'Given the café has two trained openers, when one calls in sick, then the other is offered the shift first',
]

WRONG = [
    "The alert should be fast",
    "Given an open shift, when it is posted, then it is easy to accept",
    "When a shift opens, then staff are notified",
    "Given a shift, when the owner opens it, then staff get an alert, when a barista accepts, then the rota updates",
    "Given a swap, when it is approved, then it works properly",
    "Export must be user-friendly",
    "Given a rota, when it is published, then the page loads quickly",
    "Given two sites, then the report shows both",
    "Staff are notified when a shift opens.",
    "It should work correctly.",
    "Then the barista sees the shift, given it is open, when they log in",
    "Given an open shift, then staff are notified",
    "When a barista accepts, then the rota is updated and it is intuitive",
    "Given an open shift, when a barista accepts it, then everything works as expected",
    "Given an open shift when posted then it is simple",
    "Scenario: the shift is covered quickly",
    "Given an open shift, when a barista accepts it",
    "Given a busy day, when a shift opens, then the notification is seamless",
    "The owner can find cover easily",
    "Given an open shift, when a barista accepts, then the rota updates. When the owner checks, then it is shown.",
    "Given a shift opens, when staff are told, then they respond fast",
    "Given the app, when it runs, then it is robust",
    "Notifications must be sent in a timely and efficient manner",
    "Given a shift, when opened, then nice",
    "Given an open shift, when a barista accepts, then it should work",
    "Scenario: Given an open shift, when it is posted, then the experience is smooth",
    "then the barista gets a text",
    "Given, when, then",
    "Acceptance: users are happy with cover finding",
    "Given an open shift, when a barista accepts it, then the owner is notified quickly and the rota is updated "
    "correctly",
    # written after the rule was tuned, measured before adding (30/30 right, 29/30 wrong)
    'When the shift opens, staff are told right away',
    'Given an open shift, when someone accepts, then things go smoothly',
    'The owner should be able to find cover in a simple way',
    'Given a shift, when posted, then quick',
    'Given an open shift then the right person accepts',
    'Cover is found correctly every time',
]
