"""Generated specimens: the ICAO ones come out exactly; generate → parse gives the fields back;
any single changed digit is caught; no input crashes the parser."""

from __future__ import annotations

import random
import string
from datetime import date

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from interlink.documents import Mrz, MrzFormat, MrzFormatError, generate, parse, random_specimen
from interlink.documents.mrz import LAYOUTS, MRZ_CHARACTERS
from tests.documents.conftest import SPECIMENS, TODAY, changed

ERIKSSON = dict(surname="Eriksson", given_names="Anna Maria", sex="F")


def test_the_icao_specimens_are_generated_exactly() -> None:
    dates = dict(date_of_birth=date(1974, 8, 12), expiry_date=date(2012, 4, 15))
    visa = dict(nationality="XXX", date_of_birth=date(1940, 9, 7), expiry_date=date(1996, 12, 10))
    made = {
        "TD3": generate(
            "TD3", document_number="L898902C3", optional_data="ZE184226B", **ERIKSSON, **dates
        ),
        "TD1": generate("TD1", document_number="D23145890", **ERIKSSON, **dates),
        "TD1-long": generate(
            "TD1",
            document_number="D23145890734",
            surname="Stevenson",
            given_names="Peter John",
            sex="M",
            date_of_birth=date(1934, 7, 12),
            expiry_date=date(1995, 7, 12),
        ),
        "TD2": generate("TD2", document_number="D23145890", **ERIKSSON, **dates),
        "MRVA": generate(
            "MRVA", document_number="L8988901C", optional_data="6ZE184226B", **ERIKSSON, **visa
        ),
        "MRVB": generate("MRVB", document_number="L8988901C", **ERIKSSON, **visa),
    }
    assert made == SPECIMENS


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        (dict(document_number=""), "document_number"),
        (dict(document_number="AB-12"), "document_number"),
        (dict(document_number="A" * 10), "document_number: at most 9"),
        (dict(surname="123"), "surname"),
        (dict(issuing_state="Atlantis"), "issuing_state"),
        (dict(nationality="QQQ"), "nationality"),
        (dict(sex="Z"), "sex"),
        (dict(date_of_birth="12.08.1974"), "date_of_birth"),
        (dict(optional_data="a-b"), "optional_data"),
        (dict(optional_data="A" * 15), "optional_data: at most 14"),
        (dict(optional_data_2="A"), "optional_data_2"),
        (dict(document_code="V"), "document_code"),
    ],
)
def test_values_that_cannot_be_written_name_the_field(kwargs, field) -> None:
    values = dict(document_number="X1", surname="SPECIMEN") | kwargs
    with pytest.raises(ValueError, match=field):
        generate("TD3", **values)  # type: ignore[arg-type]


def test_a_long_number_must_fit_beside_the_optional_data() -> None:
    with pytest.raises(ValueError, match="too long"):
        generate("TD2", document_number="A" * 15, surname="SPECIMEN")
    with pytest.raises(ValueError, match="too long"):
        generate("TD1", document_number="A" * 12, surname="SPECIMEN", optional_data="B" * 12)


@pytest.mark.parametrize("fmt", list(MrzFormat))
def test_random_specimens_are_valid_and_repeatable(fmt) -> None:
    first = [random_specimen(random.Random(7), fmt, today=TODAY) for _ in range(3)]
    again = [random_specimen(random.Random(7), fmt, today=TODAY) for _ in range(3)]
    assert first == again
    for specimen in first:
        result = parse(specimen.lines, today=TODAY)
        assert result.valid and result.issuing_state == "UTO"


# -- properties ----------------------------------------------------------------------------

CODES = ["UTO", "D", "UKR", "FRA", "THA", "EUE", "UNO", "GBD", "RKS"]
NATIONALITIES = [*CODES, "XXA", "XXB", "XXC", "XXX"]
WORD = st.text(string.ascii_uppercase, min_size=1, max_size=10)
ALNUM = string.ascii_uppercase + string.digits
OPTIONAL_WIDTH = {
    fmt: LAYOUTS[fmt].span("optional_data").end - LAYOUTS[fmt].span("optional_data").start
    for fmt in MrzFormat
}
NAME_WIDTH = {
    fmt: LAYOUTS[fmt].span("name").end - LAYOUTS[fmt].span("name").start for fmt in MrzFormat
}
LONGEST_NUMBER = {MrzFormat.TD1: 22, MrzFormat.TD2: 14}


@st.composite
def birth_dates(draw: st.DrawFn) -> str | None:
    """Full or partial birth dates that two digits can tell apart, as on ``TODAY``."""
    precision = draw(st.sampled_from(["day", "month", "year", "unknown"]))
    if precision == "unknown":
        return None
    if precision == "day":
        return draw(st.dates(date(1926, 6, 2), TODAY)).isoformat()
    day = draw(st.dates(date(1927, 1, 1), TODAY))
    return day.isoformat()[:7] if precision == "month" else day.isoformat()[:4]


@st.composite
def specimens(draw: st.DrawFn) -> tuple[MrzFormat, dict[str, object]]:
    fmt = draw(st.sampled_from(list(MrzFormat)))
    longest = LONGEST_NUMBER.get(fmt, 9)
    number = draw(st.text(ALNUM, min_size=1, max_size=longest))
    surname = draw(st.lists(WORD, min_size=1, max_size=3))
    given_names = draw(st.lists(WORD, max_size=3))
    full = "<".join(surname) + ("<<" + "<".join(given_names) if given_names else "")
    assume(len(full) < NAME_WIDTH[fmt])
    width = OPTIONAL_WIDTH[fmt]
    if len(number) > 9:
        width -= len(number) - 9 + 2  # the rest of the number, its check digit, a filler
    fields: dict[str, object] = {
        "document_number": number,
        "surname": " ".join(surname),
        "given_names": " ".join(given_names),
        "issuing_state": draw(st.sampled_from(CODES)),
        "nationality": draw(st.sampled_from(NATIONALITIES)),
        "date_of_birth": draw(birth_dates()),
        "sex": draw(st.sampled_from(["M", "F", "X", None])),
        "expiry_date": draw(st.none() | st.dates(date(1947, 1, 1), date(2046, 12, 31))),
        "optional_data": draw(st.text(ALNUM, max_size=width)),
    }
    if fmt == MrzFormat.TD1:
        fields["optional_data_2"] = draw(st.text(ALNUM, max_size=11))
    return fmt, fields


@settings(max_examples=400)
@given(specimens())
def test_generate_then_parse_gives_the_same_fields(case) -> None:
    fmt, fields = case
    result = parse(generate(fmt, **fields), today=TODAY)  # type: ignore[arg-type]
    assert result.valid, result.failed
    assert result.format == fmt
    for name in ("document_number", "surname", "given_names", "issuing_state", "nationality"):
        assert getattr(result, name) == fields[name], name
    assert result.date_of_birth == fields["date_of_birth"]
    assert result.sex == fields["sex"]
    assert result.expiry_date == fields["expiry_date"]
    assert result.optional_data == fields["optional_data"]
    assert result.optional_data_2 == fields.get("optional_data_2", "")


def _digit_positions(result: Mrz) -> list[tuple[int, int]]:
    """Every digit a check digit protects, the check digits included."""
    protected = {p for c in result.checks if c.field.endswith("_check_digit") for p in c.positions}
    return sorted(p for p in protected if result.lines[p[0]][p[1]].isdigit())


@settings(max_examples=400)
@given(specimens(), st.data())
def test_any_single_changed_digit_in_a_checked_field_is_caught(case, data) -> None:
    fmt, fields = case
    lines = generate(fmt, **fields)  # type: ignore[arg-type]
    positions = _digit_positions(parse(lines, today=TODAY))
    assume(positions)
    line, index = data.draw(st.sampled_from(positions))
    old = lines[line][index]
    new = data.draw(st.sampled_from([d for d in string.digits if d != old]))
    result = parse(changed(lines, line + 1, index + 1, new), today=TODAY)
    assert not result.valid
    caught = [c for c in result.checks if not c.valid and (line, index) in c.positions]
    assert any(c.field.endswith("_check_digit") for c in caught)


MRZ_TEXT = "".join(sorted(MRZ_CHARACTERS))


@st.composite
def mrz_shaped(draw: st.DrawFn) -> list[str]:
    count, length = draw(st.sampled_from([(3, 30), (2, 36), (2, 44)]))
    first = draw(st.sampled_from(["P", "I", "A", "C", "V", "X", "<", "1"]))
    lines = [draw(st.text(MRZ_TEXT, min_size=length, max_size=length)) for _ in range(count)]
    lines[0] = first + lines[0][1:]
    return lines


def _never_crashes(text: str | list[str], today: date) -> None:
    try:
        result = parse(text, today=today)
    except MrzFormatError as exc:
        assert exc.message
        return
    assert isinstance(result.valid, bool)
    assert result.to_dict()["format"] in {f.value for f in MrzFormat}


@settings(max_examples=500)
@given(mrz_shaped(), st.dates(date(1950, 1, 1), date(2150, 12, 31)))
def test_mrz_shaped_noise_never_crashes_the_parser(lines, today) -> None:
    _never_crashes(lines, today)


@settings(max_examples=500)
@given(st.text(max_size=200) | st.lists(st.text(max_size=50), max_size=4))
def test_random_strings_never_crash_the_parser(text) -> None:
    _never_crashes(text, TODAY)
