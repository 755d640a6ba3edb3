"""Parsing and validation of the five MRZ layouts, on the ICAO specimens and variations."""

from __future__ import annotations

from datetime import date

import pytest

from interlink.documents import MrzFormat, MrzFormatError, check_digit, generate, parse
from interlink.documents.countries import alpha2, icao_code, issuer_key, to_icao
from interlink.documents.mrz import resolve_birth, resolve_expiry
from tests.documents.conftest import JSON_KEYS, SPECIMENS, TODAY, changed

EXPECTED = {
    "TD3": dict(
        format=MrzFormat.TD3,
        document_code="P",
        document_number="L898902C3",
        nationality="UTO",
        date_of_birth="1974-08-12",
        sex="F",
        expiry_date=date(2012, 4, 15),
        optional_data="ZE184226B",
        surname="ERIKSSON",
        given_names="ANNA MARIA",
    ),
    "TD1": dict(
        format=MrzFormat.TD1,
        document_code="I",
        document_number="D23145890",
        nationality="UTO",
        date_of_birth="1974-08-12",
        sex="F",
        expiry_date=date(2012, 4, 15),
        optional_data="",
        optional_data_2="",
        surname="ERIKSSON",
        given_names="ANNA MARIA",
    ),
    "TD1-long": dict(
        format=MrzFormat.TD1,
        document_number="D23145890734",
        date_of_birth="1934-07-12",
        sex="M",
        expiry_date=date(1995, 7, 12),
        optional_data="",
        surname="STEVENSON",
        given_names="PETER JOHN",
    ),
    "TD2": dict(
        format=MrzFormat.TD2,
        document_code="I",
        document_number="D23145890",
        date_of_birth="1974-08-12",
        expiry_date=date(2012, 4, 15),
        surname="ERIKSSON",
        given_names="ANNA MARIA",
    ),
    "MRVA": dict(
        format=MrzFormat.MRVA,
        document_code="V",
        document_number="L8988901C",
        nationality="XXX",
        date_of_birth="1940-09-07",
        sex="F",
        expiry_date=date(1996, 12, 10),
        optional_data="6ZE184226B",
    ),
    "MRVB": dict(
        format=MrzFormat.MRVB,
        document_number="L8988901C",
        nationality="XXX",
        date_of_birth="1940-09-07",
        expiry_date=date(1996, 12, 10),
        optional_data="",
    ),
}
CHECK_DIGITS = [
    "document_number_check_digit",
    "date_of_birth_check_digit",
    "expiry_date_check_digit",
]


def test_every_icao_specimen_is_valid_with_every_field(specimen) -> None:
    name, lines = specimen
    result = parse(lines, today=TODAY)
    assert result.valid, result.failed
    assert result.issuing_state == "UTO" and result.issuing_country is None
    for field, value in EXPECTED[name].items():
        assert getattr(result, field) == value, field
    assert result.suggestions == ()


@pytest.mark.parametrize(
    ("name", "checks"),
    [
        ("TD3", [*CHECK_DIGITS, "optional_data_check_digit", "composite_check_digit"]),
        ("TD1", [*CHECK_DIGITS, "composite_check_digit"]),
        ("TD2", [*CHECK_DIGITS, "composite_check_digit"]),
        ("MRVA", CHECK_DIGITS),
        ("MRVB", CHECK_DIGITS),
    ],
)
def test_each_format_has_its_check_digits_and_visas_no_composite(name, checks) -> None:
    result = parse(SPECIMENS[name], today=TODAY)
    digits = [c.field for c in result.checks if c.field.endswith("_check_digit")]
    assert digits == checks


def test_check_digit_is_the_doc_9303_computation() -> None:
    assert check_digit("L898902C3") == "6"
    assert check_digit("740812") == "2"
    assert check_digit("ZE184226B<<<<<") == "1"
    assert check_digit("<<<<<<") == "0"
    assert check_digit("") == "0"


@pytest.mark.parametrize(
    ("line", "position", "char", "failed"),
    [
        (2, 1, "M", {"document_number_check_digit", "composite_check_digit"}),
        (2, 10, "5", {"document_number_check_digit", "composite_check_digit"}),
        (2, 19, "9", {"date_of_birth_check_digit", "composite_check_digit"}),
        (2, 23, "3", {"expiry_date_check_digit", "composite_check_digit"}),
        (2, 30, "F", {"optional_data_check_digit", "composite_check_digit"}),
        (2, 44, "1", {"composite_check_digit"}),
    ],
)
def test_a_failed_check_is_named_exactly(line, position, char, failed) -> None:
    result = parse(changed(SPECIMENS["TD3"], line, position, char), today=TODAY)
    assert not result.valid
    assert set(result.failed) == failed
    for check in result.checks:
        if not check.valid:
            assert check.reason


def test_td1_optional_data_is_protected_by_the_composite_only() -> None:
    lines = changed(SPECIMENS["TD1"], 1, 20, "B")
    result = parse(lines, today=TODAY)
    assert result.failed == ("composite_check_digit",)
    assert result.optional_data == "<<<<B"


@pytest.mark.parametrize(
    ("line", "position", "char", "field", "why"),
    [
        (1, 1, "X", "document_code", "starts with 'X'"),
        (1, 3, "Q", "issuing_state", "'QTO' is not an ICAO code"),
        (2, 11, "Q", "nationality", "'QTO'"),
        (2, 21, "Q", "sex", "not a sex code"),
        (1, 8, "1", "name", "not a letter"),
        (1, 6, "<", "name", "starts with a filler"),
    ],
)
def test_a_field_whose_value_cannot_be_is_a_failed_check(line, position, char, field, why) -> None:
    result = parse(changed(SPECIMENS["TD3"], line, position, char), today=TODAY)
    check = result.check(field)
    assert check is not None and not check.valid
    assert why in check.reason


def test_a_date_that_does_not_exist_fails_even_with_a_correct_check_digit() -> None:
    lines = generate(
        "TD3", document_number="X1", surname="SPECIMEN", date_of_birth="1974", expiry_date=None
    )
    body = lines[1][:13] + "741399" + check_digit("741399") + lines[1][20:43]
    body += check_digit(body[0:10] + body[13:20] + body[21:43])
    result = parse((lines[0], body), today=TODAY)
    assert result.failed == ("date_of_birth",)
    assert "not a date that exists" in result.check("date_of_birth").reason  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("740812", TODAY, "1974-08-12"),
        ("250101", TODAY, "2025-01-01"),
        ("260601", TODAY, "2026-06-01"),
        ("260602", TODAY, "1926-06-02"),  # tomorrow cannot be a birth date: a century ago
        ("000229", TODAY, "2000-02-29"),
        ("7408<<", TODAY, "1974-08"),
        ("74<<<<", TODAY, "1974"),
        ("<<<<<<", TODAY, None),
        ("050101", date(2099, 12, 31), "2005-01-01"),
        ("990101", date(2001, 1, 1), "1999-01-01"),
    ],
)
def test_birth_dates_are_in_the_past(text, today, expected) -> None:
    assert resolve_birth(text, today) == (expected, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("120415", date(2012, 4, 15)),
        ("460601", date(2046, 6, 1)),  # twenty years ahead: still a future expiry
        ("470101", date(1947, 1, 1)),
        ("991231", date(1999, 12, 31)),
        ("<<<<<<", None),
    ],
)
def test_expiry_dates_reach_twenty_years_ahead(text, expected) -> None:
    assert resolve_expiry(text, TODAY) == (expected, None)


def test_expiry_window_moves_with_today() -> None:
    assert resolve_expiry("100101", date(2095, 1, 1)) == (date(2110, 1, 1), None)


@pytest.mark.parametrize("text", ["741312", "740230", "74O812", "7<0812", "740<<<", "<<0812"])
def test_bad_birth_dates_say_why(text) -> None:
    value, problem = resolve_birth(text, TODAY)
    assert value is None and problem and text in problem


@pytest.mark.parametrize("text", ["121315", "7408<<", "12O415"])
def test_bad_expiry_dates_say_why(text) -> None:
    value, problem = resolve_expiry(text, TODAY)
    assert value is None and problem


@pytest.mark.parametrize(("char", "sex"), [("M", "M"), ("F", "F"), ("X", "X"), ("<", None)])
def test_sex_codes(char, sex) -> None:
    lines = generate("TD3", document_number="X1", surname="SPECIMEN", sex=char)
    result = parse(lines, today=TODAY)
    assert result.valid and result.sex == sex


@pytest.mark.parametrize(
    ("code", "iso"),
    [
        ("D", "DE"),
        ("UKR", "UA"),
        ("GBD", "GB"),
        ("UTO", None),
        ("XXA", None),
        ("XXB", None),
        ("XXC", None),
        ("XXX", None),
        ("EUE", None),
        ("UNO", None),
        ("XPO", None),
        ("RKS", "XK"),
    ],
)
def test_icao_codes_and_their_iso_alpha2(code, iso) -> None:
    assert icao_code(code) is not None
    assert alpha2(code) == iso
    lines = generate(
        "TD3", document_number="X1", surname="SPECIMEN", issuing_state="UTO", nationality=code
    )
    result = parse(lines, today=TODAY)
    assert result.valid, result.failed
    assert result.nationality == code and result.nationality_country == iso


def test_germany_is_d_not_deu_and_stateless_cannot_issue() -> None:
    assert icao_code("DEU") is None
    assert to_icao("DE") == to_icao("DEU") == to_icao("Germany") == "D"
    lines = generate("TD3", document_number="X1", surname="SPECIMEN", issuing_state="D")
    assert lines[0].startswith("P<D<<")
    stateless = changed(lines, 1, 3, "X")
    stateless = changed(changed(stateless, 1, 4, "X"), 1, 5, "A")
    check = parse(stateless, today=TODAY).check("issuing_state")
    assert check is not None and not check.valid and "nationality code" in check.reason
    with pytest.raises(ValueError, match="nationality code"):
        issuer_key("XXA")
    assert issuer_key("UKR") == "UA" and issuer_key("EUE") == "EUE" and issuer_key("D") == "DE"


def test_names_split_at_the_double_filler() -> None:
    lines = generate("TD3", document_number="X1", surname="de la Cruz", given_names="María José")
    result = parse(lines, today=TODAY)
    assert (result.surname, result.given_names) == ("DE LA CRUZ", "MARIA JOSE")
    only_surname = generate("TD3", document_number="X1", surname="SPECIMEN")
    assert parse(only_surname, today=TODAY).given_names == ""
    assert not parse(only_surname, today=TODAY).name_truncated


def test_a_name_that_fills_its_field_may_be_cut() -> None:
    lines = generate("TD2", document_number="X1", surname="SPECIMEN", given_names="A" * 40)
    result = parse(lines, today=TODAY)
    assert result.valid and result.name_truncated


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "this has 0 lines"),
        ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "this has 1 line"),
        ("A\nB\nC\nD", "this has 4 lines"),
        ("P<UTO\nL898", "line 1 has 5 characters"),
        (SPECIMENS["TD3"][0] + "\n" + SPECIMENS["TD3"][1][:40], "line 2 has 40 characters"),
        (SPECIMENS["TD1"][0] + "\n" + SPECIMENS["TD1"][1] + "\nERIKSSON", "line 3 has 8"),
        (SPECIMENS["TD3"][0].lower() + "\n" + SPECIMENS["TD3"][1], "line 1, position 1: 'p'"),
        (SPECIMENS["TD3"][0] + "\n" + SPECIMENS["TD3"][1].replace("<", " ", 1), "' '"),
        (SPECIMENS["TD3"][0].replace("A", "Ä", 1) + "\n" + SPECIMENS["TD3"][1], "'Ä'"),
    ],
)
def test_text_that_is_not_an_mrz_raises_saying_why(text, message) -> None:
    with pytest.raises(MrzFormatError, match=message.replace("(", r"\(")) as caught:
        parse(text, today=TODAY)
    assert caught.value.message


def test_lines_come_as_one_text_with_spaces_around_or_as_one_unbroken_line() -> None:
    lines = SPECIMENS["TD3"]
    assert parse(f"  {lines[0]}  \n\n{lines[1]}\n", today=TODAY).valid
    assert parse(lines[0] + lines[1], today=TODAY).valid
    assert parse("".join(SPECIMENS["TD1"]), today=TODAY).format == MrzFormat.TD1


def test_the_json_form_has_the_keys_of_issue_4() -> None:
    data = parse(SPECIMENS["TD3"], today=TODAY).to_dict()
    assert list(data) == JSON_KEYS
    assert data["checks"][0] == {"field": "document_code", "valid": True}
    assert data["expiry_date"] == "2012-04-15" and data["format"] == "TD3"
