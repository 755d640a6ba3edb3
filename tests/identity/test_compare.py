"""Comparators: one example per level of every field (fictional values only)."""

from __future__ import annotations

from enum import IntEnum

import pytest

from interlink.identity.compare import (
    AddressLevel,
    BirthDateLevel,
    DocumentLevel,
    EmailLevel,
    ExactLevel,
    NameLevel,
    PhoneLevel,
    PlaceLevel,
    compare_address,
    compare_birth_date,
    compare_birth_place,
    compare_country,
    compare_document,
    compare_email,
    compare_gender,
    compare_name,
    compare_phone,
)
from interlink.identity.names import normalize


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        ("PETRENKO, Oleg", "Oleg Petrenko", NameLevel.EXACT),
        ("Олег Петренко", "oleg petrenko", NameLevel.EXACT),
        ("Abdulrahman Haddad", "Abdul Rahman Haddad", NameLevel.EXACT),
        ("Mohammed Haddad", "Muhammad Haddad", NameLevel.EQUIVALENT),
        ("Oleg Petrenko", "Oleh Petrenko", NameLevel.FUZZY),
        ("Oleg Petrenko", "Oleg Ivanovych Petrenko", NameLevel.SUBSET),
        ("O. Petrenko", "Oleg Petrenko", NameLevel.SUBSET),
        ("Oleg Petrenko", "Ivan Petrenko", NameLevel.PARTIAL),
        ("Oleg Petrenko", "Maria Kowalska", NameLevel.DIFFERENT),
        ("Oleg Petrenko", "", NameLevel.MISSING),
        (None, "Oleg Petrenko", NameLevel.MISSING),
    ],
)
def test_name_levels(a: str | None, b: str | None, level: NameLevel) -> None:
    result = compare_name(a, b)
    assert result.level == level
    assert result.reason


def test_name_accepts_normalized_names_and_is_symmetric() -> None:
    a, b = normalize("Oleg Ivanovych Petrenko"), normalize("O. Petrenko")
    assert compare_name(a, b) == compare_name(b, a)


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        ("1974-08-12", "1974-08-12", BirthDateLevel.EXACT),
        ("12.08.1974", "1974-08-12", BirthDateLevel.EXACT),
        ("1974-08-12", "1974-08-30", BirthDateLevel.YEAR_MONTH),
        ("1974-08", "1974-08-12", BirthDateLevel.YEAR_MONTH),
        ("1974-08-12", "1974-12-08", BirthDateLevel.SWAPPED),
        ("1974-08-12", "1974-08-13", BirthDateLevel.YEAR_MONTH),
        ("1974-08-12", "1979-08-12", BirthDateLevel.TYPO),
        ("1974-08-12", "1975-03-02", BirthDateLevel.YEAR_CLOSE),
        ("1974", "1975-08-12", BirthDateLevel.YEAR_CLOSE),
        ("1974", "1974-08-12", BirthDateLevel.PARTIAL),
        ("1974", "1974", BirthDateLevel.PARTIAL),
        ("1974-08-12", "1981-02-03", BirthDateLevel.DIFFERENT),
        ("1974-08-12", None, BirthDateLevel.MISSING),
        ("1974-08-12", "unknown", BirthDateLevel.MISSING),
        ("1974-13-45", "1974-08-12", BirthDateLevel.PARTIAL),  # bad month: year only
    ],
)
def test_birth_date_levels(a: str | None, b: str | None, level: BirthDateLevel) -> None:
    assert compare_birth_date(a, b).level == level


def test_typo_in_month_digit() -> None:
    assert compare_birth_date("1974-08-12", "1974-03-12").level == BirthDateLevel.TYPO


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        ("M", "male", ExactLevel.EXACT),
        ("f", "m", ExactLevel.DIFFERENT),
        ("x", "m", ExactLevel.MISSING),
        (None, "f", ExactLevel.MISSING),
    ],
)
def test_gender_levels(a: str | None, b: str | None, level: ExactLevel) -> None:
    assert compare_gender(a, b).level == level


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        ("UA", "UKR", ExactLevel.EXACT),
        ("Ukraine", "ua", ExactLevel.EXACT),
        (["RO", "MD"], "MDA", ExactLevel.EXACT),
        ("UA", "PL", ExactLevel.DIFFERENT),
        ("Atlantis", "UA", ExactLevel.MISSING),
        (None, "UA", ExactLevel.MISSING),
    ],
)
def test_country_levels(a: str | list[str] | None, b: str | None, level: ExactLevel) -> None:
    assert compare_country(a, b).level == level


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        ("Одеса", "Odesa", PlaceLevel.EXACT),
        ("Odesa", "Odessa", PlaceLevel.SIMILAR),
        ("Odesa", "Odesa, Ukraine", PlaceLevel.OVERLAP),
        ("Odesa", "Lviv", PlaceLevel.DIFFERENT),
        ("", "Lviv", PlaceLevel.MISSING),
    ],
)
def test_birth_place_levels(a: str, b: str, level: PlaceLevel) -> None:
    assert compare_birth_place(a, b).level == level


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        ("AB 123456", "ab123456", DocumentLevel.EXACT),
        ("AB123456", "A8123456", DocumentLevel.OCR),
        ("OS120045", "05I2OO4S", DocumentLevel.OCR),
        ("Z1234567", "21234567", DocumentLevel.OCR),
        ("AB123456", "AB124356", DocumentLevel.TYPO),
        ("AB123456", "AB12345", DocumentLevel.TYPO),
        ("AB123456", "CD987654", DocumentLevel.DIFFERENT),
        ("AB123456", " - ", DocumentLevel.MISSING),
    ],
)
def test_document_levels(a: str, b: str, level: DocumentLevel) -> None:
    assert compare_document(a, b).level == level


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        ("+380 50 123 4567", "+380501234567", PhoneLevel.EXACT),
        ("00380501234567", "+380501234567", PhoneLevel.EXACT),
        ("+380501234567", "050 123 4567", PhoneLevel.LAST_DIGITS),
        ("+380501234567", "+380671112233", PhoneLevel.DIFFERENT),
        ("+380501234567", "", PhoneLevel.MISSING),
        ("123", "+380501234567", PhoneLevel.MISSING),
    ],
)
def test_phone_levels(a: str, b: str, level: PhoneLevel) -> None:
    assert compare_phone(a, b).level == level


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        ("Oleg.Petrenko@Example.ORG", "oleg.petrenko@example.org", EmailLevel.EXACT),
        ("o.petrenko+ads@gmail.com", "opetrenko@googlemail.com", EmailLevel.EXACT),
        ("o.petrenko@example.org", "o.petrenko@example.net", EmailLevel.SAME_LOCAL),
        ("oleg.petrenko85@example.org", "olegpetrenko@example.net", EmailLevel.SIMILAR_LOCAL),
        ("oleg@example.org", "maria@example.org", EmailLevel.DIFFERENT),
        ("not an address", "oleg@example.org", EmailLevel.MISSING),
    ],
)
def test_email_levels(a: str, b: str, level: EmailLevel) -> None:
    assert compare_email(a, b).level == level


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        ("12 Harbour Street, Portville", "Portville, Harbour street 12", AddressLevel.EXACT),
        ("12 Harbour Street, Portville", "12 Harbour Street", AddressLevel.MOST),
        ("12 Harbour Street, Portville", "Flat 3, 12 Harbour Road, Eastbay", AddressLevel.SOME),
        ("12 Harbour Street, Portville", "7 Mill Lane, Eastbay", AddressLevel.DIFFERENT),
        (None, "7 Mill Lane", AddressLevel.MISSING),
    ],
)
def test_address_levels(a: str | None, b: str, level: AddressLevel) -> None:
    assert compare_address(a, b).level == level


@pytest.mark.parametrize(
    "levels",
    [
        NameLevel,
        BirthDateLevel,
        ExactLevel,
        PlaceLevel,
        DocumentLevel,
        PhoneLevel,
        EmailLevel,
        AddressLevel,
    ],
)
def test_levels_are_small_ordered_sets(levels: type[IntEnum]) -> None:
    values = [int(v) for v in levels]
    assert values == list(range(-1, len(values) - 1))
    assert levels["MISSING"] == -1 and levels["DIFFERENT"] == 0
