"""01 q7: is the user story about B05, 'Find cover: notify available staff when a shift opens'?"""

RIGHT = [
    "As a café owner, I want to offer an open shift to staff who are free, so that a no-show is covered without "
    "phone calls",
    "As a café owner, I'd like to offer an open shift to the staff who are free, so that a no-show is covered "
    "without phone calls.",
    "As a café owner, I want to alert staff who are free and trained for a shift, so that the gap is covered by "
    "someone who can do the job.",
    "As a barista, I want to find and accept an open shift, so that I can earn extra hours",
    "As a café owner, I want to know who is free when someone calls in sick, so that I can open on time.",
    "As an owner of a single café, I need to reach free staff when someone calls in sick, so that I don't have to "
    "work the shift myself.",
    "As a café owner I'd like to be told when nobody has taken an open shift after an hour, so I can step in early.",
    "As a barista, I want to pick up open shifts near my home, so that I can earn more without a long commute.",
    "As the owner of two cafés, I want to see both sites' cover gaps for tomorrow, so that I can move staff between "
    "them in time.",
    "As a café owner, I want to know who accepted the open shift, so that I can thank them and update my plans.",
    "As a café owner, I want staff who are free and have worked here before to hear about an open shift first, "
    "so that the person who comes knows the café.",
    "As a café owner, I want to offer a shift to my regulars first when someone drops out, so that cover goes to "
    "people I trust.",
    "As a duty manager, I want to see who is free this afternoon when a barista goes home ill, so that I can call "
    "the right person first.",
    "As a café owner, I want to know which staff can work tomorrow morning, so that I can fill a gap before I go "
    "to bed.",
    "As a barista, I'd like to get offered extra shifts first when I've said I want more hours, so that I earn "
    "enough this month.",
    "As an owner, I want to see who's already said yes to an open shift, so that I stop calling people.",
    "As a café manager, I need to hand an open shift to a trained colleague in one step, so that I can open on time.",
    "As a weekend supervisor, I want the free baristas to hear about a gap straight away, so I don't run the bar "
    "alone.",
    "As a barista, I want to turn down an offered shift without a phone call, so that I don't feel pressured.",
    "As a café owner, I want to find someone who's free and nearby, so that the gap is covered within the hour.",
    "As a café owner, I want free staff told at once when a barista cancels, so that the morning is covered.",
    "As a barista, I want to be notified when a shift becomes available, so that I can take it if I'm free.",
    "As an operations manager, I want to see uncovered shifts across sites, so that none opens short-staffed.",
    "As a café owner, I want a no-show's shift offered to everyone free, so that I am not the one who covers it.",
    "As a café owner, I want to post a vacant shift to available staff, so that it is filled before opening.",
    "As a barista, I want to see open shifts I'm trained for, so that I can help when the café is short.",
    "As a café owner, I want to know within minutes if a shift is still unfilled, so that I can call an agency in "
    "time.",
    "As a café owner, I want to replace a sick barista quickly, so that the café opens on time.",
    "As a shift lead, I want absent colleagues' shifts offered to whoever is free, so that we're never short.",
    "As a café owner, I want staff on their day off to hear about an emergency gap, so that someone can step in.",
]

WRONG = [
    "As a café owner, I want to copy last week's rota, so that Sunday night planning takes minutes",
    "As a barista, I want to swap a shift with a colleague, so that I can go to a family event",
    "As a café owner, I want to export the week's hours in my payroll provider's format, so that payday needs no "
    "retyping",
    "As a new barista, I want to enter my availability once, so that I am not rostered on days I study",
    "As a chain's operations manager, I want to approve swaps in one place, so that every site keeps enough "
    "trained staff",
    "As a café owner, I want to see who is working today, so that I know whom to ask about a delivery",
    "As a barista, I want to see my hours for the month, so that I can check my pay before payday.",
    "As an area manager, I want to compare overtime across sites each week, so that I can spot where the rota is "
    "thin.",
    "As a café owner, I want to approve a swap in one step, so that I spend my morning on customers.",
    "As a barista, I want to see the rota for the next two weeks, so that I can plan my childcare.",
    "As a payroll clerk, I want the hours worked per person each month, so that I can pay everyone on time.",
    "As a barista, I want to see my next shift on my phone, so that I don't turn up late.",
    "As a café owner, I want to see labour cost per site, so that I can control costs.",
    "As a barista, I want to request holiday in the app, so that I don't have to ask in person.",
    "As a café owner, I want to publish the rota by Thursday, so that staff can plan their weekend.",
    "As a café owner, I want to set opening hours for each day, so that shifts match when we're open.",
    "As a barista, I want to clock in from my phone, so that my hours are recorded.",
    "As a café owner, I want to add a new barista to the team, so that they appear on the rota.",
    "As a café owner, I want to see which shifts are the longest, so that I can split them.",
    "As a barista, I want to see who I'm working with on my shift, so that I know whom to ask for help.",
    "As a chain manager, I want a weekly report of hours per site, so that I can budget.",
    "As a café owner, I want to print the rota, so that I can pin it on the wall.",
    "As a barista, I want to mark my favourite shifts, so that the owner knows my preferences.",
    "As a café owner, I want to see break times on the rota, so that nobody works 6 hours without a break.",
    "As a barista, I want to get my payslip in the app, so that I don't lose it.",
    "As a café owner, I want to set pay rates per role, so that payroll is correct.",
    "As a café owner, I want the shift pattern to repeat weekly, so that I don't re-enter it.",
    "As a café owner, I want to see the opening shift's tasks, so that the opener knows what to do.",
    "As a barista, I want to swap my Saturday shift for a Sunday one, so that I can go to a wedding.",
    "As a café owner, I want to know how many hours each barista worked last month, so that I can pay overtime.",
]
