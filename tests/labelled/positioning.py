"""03 q11: is it Shiftbrew's positioning statement in Moore's template (a specific target, the need, product and
category, the benefit, a real alternative customers use today, a differentiator)?"""

RIGHT = [
    "For operations managers of small coffee chains who cover gaps by moving staff between sites by hand, Shiftbrew "
    "is a rota app that shows who is free across every site and fills open shifts in minutes. Unlike an enterprise "
    "workforce suite, Shiftbrew is priced for 3 to 20 sites and set up in an afternoon.",
    "For owners of independent cafés who lose their mornings finding cover, Shiftbrew is a rota app that fills open "
    "shifts from their own staff. Unlike spreadsheets and group chats, it knows who is free and trained.",
    "For café owners who phone round at dawn when someone is sick, Shiftbrew is a scheduling app that offers the "
    "shift to free staff at once. Unlike phoning round, it reaches everyone in one go.",
    "For independent café owners who build rotas on Sunday nights, Shiftbrew is a rota tool that builds next week's "
    "rota from availability. Unlike a spreadsheet, it never double-books a barista.",
    "For managers of 2 to 20 coffee shops who juggle cover between sites, Shiftbrew is a shift-planning app that "
    "shows gaps across every site. Unlike a WhatsApp group, it tells you who actually took the shift.",
    "for owners of single cafés who keep the rota on paper, shiftbrew is a rota app that puts the week on every "
    "barista's phone. unlike a paper rota on the wall, it updates the moment a shift changes.",
    "For café owners who pay agency rates when staff call in sick, Shiftbrew is a staffing app that fills gaps from "
    "their own team first. Unlike an agency, it costs a flat monthly fee and sends people who know the café.",
    "For small coffee chains that run payroll from a spreadsheet, Shiftbrew is a rota and hours app that exports "
    "worked hours to payroll. Unlike Excel, it needs no retyping at month end.",
    "For owners of independent cafés who swap shifts by text, Shiftbrew is a scheduling app that lets staff swap "
    "with approval. Unlike text messages, every swap lands on the rota.",
    "For café owners who hear about no-shows when the doors should open, Shiftbrew is a rota app that alerts free "
    "staff the moment a gap appears. Unlike a group chat, nothing gets lost in the scroll.",
    "For operations managers of coffee chains who need labour costs before the week starts, Shiftbrew is a "
    "workforce app that shows each site's hours and cost. Unlike an enterprise workforce suite, it takes an "
    "afternoon to set up.",
    "For independent café owners who cover sick baristas themselves, Shiftbrew is a shift app that finds a free "
    "colleague in minutes. Unlike calling staff one by one, it asks everyone free at once.",
    "For café owners whose staff swap shifts in a group chat, Shiftbrew is a rota app that keeps the rota and the "
    "swaps in one place. Unlike a general team-messaging app, it knows the rota.",
    "For owners of one to three cafés who plan shifts on a whiteboard, Shiftbrew is a scheduling app that works "
    "from staff availability. Unlike a whiteboard in the back room, staff see it from home.",
    "For coffee shop owners who lose hours to rotas, Shiftbrew is a rota app that fills open shifts. Unlike "
    "spreadsheets, it keeps swaps in one place.",
    "For café managers who need cover at short notice, Shiftbrew is a staff scheduling app that offers open shifts "
    "to trained baristas first. Unlike a point-of-sale add-on rota, it handles cover, not just hours.",
    "For owners of independent cafés who get sick calls at 6am, Shiftbrew is a rota app that fills the gap before "
    "opening. Unlike ringing round, it doesn't need the owner's morning.",
    "For small café chains whose managers move staff between sites by phone, Shiftbrew is a multi-site rota app "
    "that shows free staff at every site. Unlike phone calls, it shows everyone at once.",
    "For owners of busy cafés who spend Sunday evenings on the rota, Shiftbrew is a rota builder that copies last "
    "week in a click. Unlike Google Sheets, it checks who is available.",
    "For café owners who pay staff from hours noted in a notebook, Shiftbrew is a time and rota app that records "
    "hours worked automatically. Unlike a notebook behind the till, it sends the hours straight to payroll.",
    "For independent coffee shops whose baristas are students, Shiftbrew is a rota app that plans around classes. "
    "Unlike a paper timetable, baristas update their own availability.",
    "For operations managers of coffee chains who can't see cover gaps across sites, Shiftbrew is a rota platform "
    "that shows every site's gaps for tomorrow. Unlike Deputy, it is built for cafés of 3 to 20 sites.",
    "For café owners who pay for agency baristas at the last minute, Shiftbrew is a scheduling app that fills "
    "shifts from their own staff. Unlike agencies, it sends people the customers already know.",
    "For cafe owners who learn about no-shows too late, Shiftbrew is a rota app that flags an uncovered shift an "
    "hour before it starts. Unlike texting staff, it tracks who said yes.",
    "For owners of small coffee chains who juggle rotas in Excel, Shiftbrew is a rota app that builds them from "
    "availability. Unlike Excel, it warns before anyone works too many hours.",
    "For independent café owners who run rotas through WhatsApp, Shiftbrew is a shift app that turns a sick message "
    "into an open shift. Unlike WhatsApp, it shows who is free and trained.",
    "For owners of independent cafés who cover gaps themselves, Shiftbrew is a cover app that offers open shifts "
    "to their staff. Unlike a staff noticeboard, it reaches people at home.",
    "For managers of small coffee chains who plan staffing on a till's rota add-on, Shiftbrew is a rota app that "
    "adds cover and swaps. Unlike a POS rota add-on, it handles the last-minute changes.",
    "For café owners who want the rota sorted without chasing staff, Shiftbrew is a scheduling app that lets "
    "baristas swap and pick up shifts. Unlike email, every change shows on the rota at once.",
    "For owners of independent cafés who lose takings when a shift goes uncovered, Shiftbrew is a rota app that "
    "fills gaps in minutes. Unlike spreadsheets and group chats, it knows who is free.",
]

WRONG = [
    "Shiftbrew is the best rota app for everyone.",
    "For everyone who works shifts, Shiftbrew is an app that saves time. Unlike competitors, it is better.",
    "For café owners who lose time, Shiftbrew is a rota app that saves time. Unlike competitors, it is simpler.",
    "For businesses who need rotas, Shiftbrew is an app that helps. Unlike other apps, it is good.",
    "Shiftbrew helps cafés find cover fast.",
    "For café owners who need cover, Shiftbrew fills shifts.",
    "For café owners who need cover, Shiftbrew is a rota app that fills shifts.",
    "For café owners who need cover, Shiftbrew is a rota app that fills open shifts. Unlike the competition, it is "
    "easy.",
    "For café owners who need cover, Shiftbrew is a rota app that fills open shifts. Unlike others, it is better.",
    "For all businesses, Shiftbrew is a rota app that fills open shifts. Unlike spreadsheets, it is faster.",
    "For anyone who needs a rota, Shiftbrew is a scheduling app that saves hours. Unlike spreadsheets, it is fast.",
    "Unlike spreadsheets, Shiftbrew is a rota app for café owners.",
    "For café owners, Shiftbrew is a rota app. Unlike spreadsheets, it is better.",
    "Shiftbrew is a rota app that fills open shifts for café owners, unlike spreadsheets.",
    "For café owners who phone round at dawn, Shiftbrew is a rota app that fills open shifts. Unlike other "
    "solutions, it is smarter.",
    "For café owners who phone round at dawn, Shiftbrew is a rota app that fills open shifts. Unlike alternatives, "
    "it is smarter.",
    "For café owners who phone round at dawn, Shiftbrew is a rota app that fills open shifts. Unlike our "
    "competitors, it is smarter.",
    "For café owners who phone round at dawn, Shiftbrew is a rota app that fills open shifts. Unlike the market "
    "leader, it is smarter.",
    "For café owners who phone round at dawn, Shiftbrew is a rota app that fills open shifts.",
    "For café owners who phone round at dawn, Shiftbrew is a rota app that fills open shifts. Unlike "
    "spreadsheets, it.",
    "We position Shiftbrew as a rota app for cafés that is better than spreadsheets.",
    "For people who work, Shiftbrew is an app that works. Unlike spreadsheets, it works better.",
    "For everyone in hospitality who needs staff, Shiftbrew is the rota app that does it all. Unlike Excel, it "
    "does everything.",
    "Café owners who lose mornings to cover: Shiftbrew fills shifts, unlike spreadsheets.",
    "For café owners who need rotas, Shiftbrew is a rota app that makes rotas. Unlike existing tools, it makes "
    "better rotas.",
    "For café owners who want an app, Shiftbrew is an app. Unlike other apps, it is an app.",
    "For companies of all sizes who need scheduling, Shiftbrew is a platform that schedules. Unlike competitors, "
    "it schedules better.",
    "Shiftbrew: the rota app cafés love.",
    "For users who need an app, Shiftbrew is an app that helps users. Unlike competitors, it helps more.",
    "For café owners who need cover, Shiftbrew is a rota app that fills open shifts. Unlike other products, it is "
    "faster and cheaper.",
]
