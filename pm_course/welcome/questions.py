"""The welcome notebook's question to try: it shows how check, hint and solution work."""

from ..core import Misconception, Question, Value
from ..data import NAMES, load

_N = len(load("backlog"))
_FIELDS = len(load("backlog")[0])  # the fields of one item: counting them is the common slip
_DATASETS = len(NAMES)  # the datasets of the case study

q1 = Question(
    module="00_welcome",
    id="q1",
    prompt="How many items are in Shiftbrew's product backlog? Load it with load('backlog') and count them "
           "(as a whole number).",
    checker=Value(expected=_N, shape=int, direction=True, decimals=0),
    hints=[
        "load('backlog') returns a list with one dict per backlog item.",
        "len(...) counts the items of a list.",
    ],
    solution_text="# load('backlog') is a list with one dict per item: len() of the list counts the items.\n"
                  "# (len() of one item would count its fields instead.)\n"
                  "backlog = load('backlog')\nanswer_q1 = len(backlog)",
    answer=_N,
    wrong=[_N - 1, _FIELDS, _DATASETS],
    misconceptions=[
        Misconception(_FIELDS, "That is the number of fields of one item (its keys): count the items of the list."),
        Misconception(_DATASETS, "That is the number of datasets in the case study: count the items of the backlog."),
    ],
)

QUESTIONS = [q1]
