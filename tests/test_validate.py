"""Input validation: public-function arguments and strict answers."""

import math
import types

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pm_course.core.validate import (
    InputError,
    InputTypeError,
    MalformedAnswer,
    NotAttempted,
    choice,
    conform,
    describe,
    fraction,
    integer,
    number,
    shape_name,
    text,
)


class Int(int):
    pass


class Float(float):
    pass


class Str(str):
    pass


class List(list):
    pass


class Dict(dict):
    pass


class EqualsAll:
    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


@pytest.mark.parametrize(
    "value, shape",
    [
        (Int(3), int), (Int(3), float), (Float(1.0), float), (Str("x"), str), (List([1]), list[float]),
        (Dict({"a": "b"}), dict[str, str]), (EqualsAll(), float), (EqualsAll(), str), ([EqualsAll()], list[str]),
        ({"a": EqualsAll()}, dict[str, str]), (True, float), (True, int), (None, float), ("3", float),
        (1.5, int), ([], list[str]), ({}, dict[str, str]), ("", str), ("   ", str), ("x" * 20_001, str),
        (list(range(10_001)), list[int]), (float("nan"), float), (float("inf"), float), (-math.inf, float),
        ([1.0, float("nan")], list[float]), ((1.0,), tuple[float, float]), ({1, 2}, list[int]),
        (print, types.FunctionType), (lambda: 1, float),
    ],
)
def test_malformed_answers_are_refused_with_a_message(value, shape):
    with pytest.raises(MalformedAnswer) as err:
        conform(value, shape)
    assert str(err.value)  # always says something
    assert "Traceback" not in str(err.value)


@pytest.mark.parametrize(
    "value, shape", [(..., float), ([1.0, ...], list[float]), ({"a": ...}, dict[str, str]), ((1, ...), tuple[int, int])]
)
def test_placeholder_anywhere_means_not_attempted(value, shape):
    with pytest.raises(NotAttempted):
        conform(value, shape)


def test_plain_answers_are_accepted_and_copied():
    data = {"a": [1.0, 2]}
    out = conform(data, dict[str, list[float]])
    assert out == data and out is not data
    assert conform((1, 2.5), tuple[int, float]) == (1, 2.5)
    assert conform(["b", "a"], set[str]) == {"a", "b"}
    assert conform(4.0, int) == 4
    assert conform({"a": None, "b": "x"}, dict[str, str | None]) == {"a": None, "b": "x"}
    with pytest.raises(MalformedAnswer, match="should be text"):
        conform({"a": 3}, dict[str, str | None])


def test_numpy_scalars_count_as_numbers_but_not_their_subclasses():
    np = pytest.importorskip("numpy")
    assert conform(np.float64(2.5), float) == 2.5
    assert conform(np.int64(3), int) == 3

    class F64(np.float64):
        pass

    with pytest.raises(MalformedAnswer):
        conform(F64(1.0), float)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_any_finite_float_conforms_to_number(x):
    assert conform(x, float) == x


@given(st.one_of(st.just(float("nan")), st.just(float("inf")), st.just(float("-inf"))))
def test_non_finite_never_conforms(x):
    with pytest.raises(MalformedAnswer):
        conform(x, float)


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=3), kids, max_size=3),
                    max_leaves=10))
def test_any_json_like_value_conforms_to_plain_data(value):
    assert conform(value, None) == (list(value) if isinstance(value, tuple) else value)


def test_describe_never_calls_foreign_repr():
    class Loud:
        def __repr__(self):
            raise RuntimeError("boom")

    assert describe(Loud()) == "an object of type Loud"
    assert describe([Loud()]) == "a list of 1 item"
    assert describe(None) == "None"
    assert describe([]) == "an empty list"


def test_shape_names_are_plain_language():
    assert shape_name(list[str]) == "a list of text"
    assert shape_name(dict[str, float]) == "a dict mapping text to numbers"
    assert shape_name(float) == "a number"


def test_argument_validators_name_expected_and_given():
    with pytest.raises(InputTypeError, match=r"reach must be a number .*got str '5'"):
        number("reach", "5")
    with pytest.raises(InputError, match=r"effort must be greater than 0; got 0"):
        number("effort", 0, low=0, low_open=True)
    with pytest.raises(InputError, match="finite"):
        number("x", float("nan"))
    with pytest.raises(InputError, match=r"did you mean 0.8\?"):
        fraction("confidence", 80)
    with pytest.raises(InputTypeError, match="whole number"):
        integer("n", 2.5)
    with pytest.raises(InputTypeError, match="write 3"):
        integer("n", 3.0)
    with pytest.raises(InputError, match="between 1 and 10"):
        integer("power", 11, low=1, high=10)
    with pytest.raises(InputError, match="must not be empty"):
        text("story", "  ")
    with pytest.raises(InputError, match="'like', 'dislike'"):
        choice("answer", "love", ["like", "dislike"])
    assert choice("answer", "  Must-Be ", ["like", "must-be"]) == "must-be"
    assert fraction("share", 0.25) == 0.25
    assert number("x", True if False else 2) == 2.0
    with pytest.raises(InputTypeError):
        number("x", True)


def test_errors_are_value_and_type_errors():
    assert issubclass(InputError, ValueError) and issubclass(InputTypeError, TypeError)


# ---------------------------------------------------------------- the shared vocabulary of the widgets and logic


def test_percent_guess_is_the_one_did_you_mean_rule():
    from pm_course.core.validate import percent_guess

    assert percent_guess(80) == 0.8 and percent_guess(100) == 1.0
    assert percent_guess(0.8) is None and percent_guess(1) is None and percent_guess(250) is None
    assert percent_guess(1, one_is_percent=True) == 0.01


def test_fraction_hint_is_appended():
    with pytest.raises(InputError, match=r"did you mean 0.8\? \(got 80: write 80 % as 0.8.\) Levels: 0.5, 0.8"):
        fraction("confidence", 80, hint="Levels: 0.5, 0.8.")


def test_one_of_members_records():
    from pm_course.core.validate import members, one_of, records

    assert one_of("confidence", 0.9, (0.9, 0.95)) == 0.9
    with pytest.raises(InputError, match="confidence must be one of 0.9, 0.95; got 0.97"):
        one_of("confidence", 0.97, (0.9, 0.95))
    with pytest.raises(InputError, match="must be one of"):
        one_of("flag", True, (1, 0))
    assert members("ids", ("B01",), ["B01", "B02"]) == ["B01"]
    with pytest.raises(InputError, match=r"unknown item id\(s\) 'B99'; the planner holds B01, B02"):
        members("ids", ["B99"], ["B01", "B02"], what="item id", where="the planner")
    with pytest.raises(InputTypeError, match="takes a list of ids"):
        members("ids", "B01", ["B01"])
    assert records("rows", iter([{"id": 1}]), keys=("id",)) == [{"id": 1}]
    with pytest.raises(InputTypeError, match="rows must be a list of records"):
        records("rows", {"id": 1})
    with pytest.raises(InputError, match="rows is empty"):
        records("rows", [])
    with pytest.raises(InputTypeError, match="item 2 of rows must be a dict"):
        records("rows", [{"id": 1}, 3])
    with pytest.raises(InputError, match="item 1 of rows has no 'id'; it has 'x'"):
        records("rows", [{"x": 1}], keys=("id",))


def test_arguments_checks_annotations_and_passes_good_calls_untouched():
    import math

    from pm_course.core.validate import InputError, InputTypeError, arguments

    @arguments
    def scale(x: float, label: str | None = None, *, ids: list[str] = (), on: bool = True) -> float:
        return 2 * x

    assert scale(1.5) == 3.0 and scale(2, "a", ids=["B01"], on=False) == 4
    with pytest.raises(InputError, match="x must be a finite number; got nan"):
        scale(math.nan)
    with pytest.raises(InputTypeError, match="label must be text .* or None; got"):
        scale(1, 3)
    with pytest.raises(InputTypeError, match="ids must be a list; got None"):
        scale(1, ids=None)
    with pytest.raises(InputTypeError, match="expects the arguments"):
        scale(1, colour="red")


def test_widgets_check_their_constructor_and_methods():
    from pm_course.core.validate import InputTypeError
    from pm_course.prioritization.widgets import CapacityPlanner

    with pytest.raises(InputTypeError, match="name must be text"):
        CapacityPlanner(name=None)
    planner = CapacityPlanner()
    with pytest.raises(InputTypeError, match="must be"):
        planner.set(None)
