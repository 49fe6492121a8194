"""The welcome notebook's question to try: it shows how check, hint and solution work."""

from ..core import Misconception, Question, Value
from ..data import load

_N = len(load("backlog"))

q1 = Question(
    module="00_welcome",
    id="q1",
    prompt="How many items are in Shiftbrew's product backlog? Load it with load('backlog') and count them.",
    checker=Value(expected=_N, shape=int, direction=True),
    hints=[
        "load('backlog') returns a list with one dict per backlog item.",
        "len(...) counts the items of a list.",
    ],
    solution_text="backlog = load('backlog')\nanswer_q1 = len(backlog)",
    answer=_N,
    wrong=[_N - 1, 19],
    misconceptions=[Misconception(lambda a: a in (6, 7), "That counts datasets or fields, not backlog items.")],
)

QUESTIONS = [q1]
