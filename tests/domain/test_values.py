"""Value parsers: what people type becomes one stored form, or a message naming the problem."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interlink.domain.values import (
    clean_text,
    detect_script,
    parse_country,
    parse_email,
    parse_partial_date,
    parse_phone,
    partial_date_bounds,
)

TODAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("1974", "1974"),
        ("1974-08", "1974-08"),
        ("1974-08-12", "1974-08-12"),
        (" 1974-08-12 ", "1974-08-12"),
        ("12.08.1974", "1974-08-12"),
        ("2.8.1974", "1974-08-02"),
    ],
)
def test_partial_dates(text: str, stored: str) -> None:
    assert parse_partial_date(text, today=TODAY) == stored


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("1974-13", "exists"),
        ("1974-02-30", "exists"),
        ("2030", "future"),
        ("1700", "before"),
        ("12/08/1974", "YYYY"),
        ("", "YYYY"),
        ("74", "YYYY"),
    ],
)
def test_bad_dates_say_why(text: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        parse_partial_date(text, today=TODAY)


@given(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
def test_every_real_date_round_trips_in_every_precision(day: date) -> None:
    full = day.isoformat()
    assert parse_partial_date(full, today=TODAY) == full
    assert parse_partial_date(full[:7], today=TODAY) == full[:7]
    assert parse_partial_date(full[:4], today=TODAY) == full[:4]
    for text in (full, full[:7], full[:4]):
        first, last = partial_date_bounds(text)
        assert first <= day <= last


@given(st.text(max_size=20))
def test_any_text_gives_a_date_or_a_value_error(text: str) -> None:
    try:
        stored = parse_partial_date(text, today=TODAY)
    except ValueError:
        return
    assert parse_partial_date(stored, today=TODAY) == stored


@pytest.mark.parametrize("text", ["UA", "ua", "UKR", "Ukraine", " ukraine "])
def test_countries(text: str) -> None:
    assert parse_country(text) == "UA"


def test_kosovo_and_unknown_countries() -> None:
    assert parse_country("XKX") == "XK"
    with pytest.raises(ValueError, match="unknown country 'Atlantis'"):
        parse_country("Atlantis")


@given(st.text(max_size=30))
def test_any_country_text_gives_a_code_or_a_value_error(text: str) -> None:
    try:
        code = parse_country(text)
    except ValueError:
        return
    assert len(code) == 2 and code.isupper()


def test_phones() -> None:
    assert parse_phone("+380 50 123 45 67") == "+380501234567"
    assert parse_phone("050 123 45 67", "UA") == "+380501234567"
    with pytest.raises(ValueError, match=r"write it with \+"):
        parse_phone("050 123 45 67")
    with pytest.raises(ValueError):
        parse_phone("+1 2")


@given(st.text(max_size=25))
def test_any_phone_text_gives_e164_or_a_value_error(text: str) -> None:
    try:
        number = parse_phone(text, "UA")
    except ValueError:
        return
    assert number.startswith("+") and number[1:].isdigit()


def test_emails() -> None:
    assert parse_email("Ivan.P@Example.ORG") == "Ivan.P@example.org"
    with pytest.raises(ValueError):
        parse_email("not-an-address")


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Олег Петренко", "Cyrl"),
        ("Oleh Petrenko", "Latn"),
        ("Ζωή Παπαδοπούλου", "Grek"),
        ("محمد علي", "Arab"),
        ("สมชาย ใจดี", "Thai"),
        ("王小明", "Hani"),
        ("やまだ たろう", "Jpan"),
        ("김민준", "Hang"),
        ("Արամ", "Armn"),
        ("გიორგი", "Geor"),
        ("דוד", "Hebr"),
        ("राहुल", "Deva"),
        ("Łukasz Wiśniewski", "Latn"),
        ("123", "Zyyy"),
    ],
)
def test_script_detection(text: str, script: str) -> None:
    assert detect_script(text) == script


def test_control_characters_are_refused() -> None:
    with pytest.raises(ValueError, match="control"):
        clean_text("a\x00b")
    assert clean_text("line one\nline two\ttab") == "line one\nline two\ttab"


@given(st.from_regex(r"\+[1-9][0-9 ]{6,18}", fullmatch=True))
def test_the_fast_path_agrees_with_the_full_parser(text: str) -> None:
    import phonenumbers

    from interlink.domain.values import _fast_international

    fast = _fast_international(text)
    if fast is None:
        return
    number = phonenumbers.parse(text, None)
    assert phonenumbers.is_possible_number(number)
    assert fast == phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
