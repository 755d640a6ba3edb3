"""An MRZ compared with the printed page and with the person: every disagreement, nothing else.

The holder is generated (a fictional Ukrainian specimen), not a real person.
"""

from __future__ import annotations

from datetime import date

import pytest

from interlink.documents import compare_document, compare_person, generate, parse
from interlink.domain import model
from tests.documents.conftest import TODAY

LINES = generate(
    "TD3",
    document_number="FE123456",
    surname="Müller-Petrenko",
    given_names="Олена Марія",
    issuing_state="UKR",
    nationality="UKR",
    date_of_birth=date(1990, 3, 4),
    sex="F",
    expiry_date=date(2030, 1, 31),
)
MRZ = parse(LINES, today=TODAY)
PAGE = dict(
    issuing_country="UA",
    number="FE 123456",
    holder_family_name="Müller-Petrenko",
    holder_given_names="Олена Марія",
    holder_birth_date="1990-03-04",
    holder_nationality="UA",
    holder_gender="female",
    expiry_date=date(2030, 1, 31),
)


def test_the_generated_mrz_writes_the_name_as_doc_9303_does() -> None:
    assert LINES[0].startswith("P<UKRMUELLER<PETRENKO<<OLENA<MARIIA<")
    assert MRZ.valid


def test_an_agreeing_page_has_no_discrepancy() -> None:
    assert compare_document(MRZ, model.Document(**PAGE)) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        (dict(issuing_country="PL"), ["issuing_state"]),
        (dict(document_kind="visa"), ["document_code"]),
        (dict(number="FE123465"), ["document_number"]),
        (dict(holder_family_name="Petrenko"), ["surname"]),
        (dict(holder_given_names="Olga"), ["given_names"]),
        (dict(holder_birth_date="1990-04-03"), ["date_of_birth"]),
        (dict(holder_nationality="PL"), ["nationality"]),
        (dict(holder_gender="male"), ["sex"]),
        (dict(expiry_date=date(2031, 1, 31)), ["expiry_date"]),
        (
            dict(holder_birth_date="1989", number="FE999999", holder_nationality="MD"),
            ["document_number", "date_of_birth", "nationality"],
        ),
    ],
)
def test_each_disagreement_with_the_page_is_listed(changes, fields) -> None:
    found = compare_document(MRZ, model.Document(**(PAGE | changes)))  # type: ignore[arg-type]
    assert [d.field for d in found] == fields
    assert all(d.mrz and d.other and d.field in str(d) for d in found)


@pytest.mark.parametrize(
    "changes",
    [
        dict(holder_family_name="MUELLER PETRENKO"),  # the MRZ's own spelling
        dict(holder_family_name="Muller-Petrenko"),  # umlaut written short
        dict(holder_given_names="Olena Mariia"),  # already transliterated
        dict(holder_given_names="Mariia Olena"),  # another order
        dict(holder_birth_date="1990-03"),  # the page gives less
        dict(holder_birth_date=None, holder_gender=None, expiry_date=None),  # or nothing
        dict(number="fe-123456"),
        dict(document_kind="travel_document"),
    ],
)
def test_what_the_page_may_write_differently_is_no_discrepancy(changes) -> None:
    assert compare_document(MRZ, model.Document(**(PAGE | changes))) == []  # type: ignore[arg-type]


def test_a_name_cut_at_the_end_of_its_field_agrees_with_the_whole_name() -> None:
    long_given = "Oleksandra Anastasiia Volodymyrivna"
    lines = generate(
        "TD3",
        document_number="FE1",
        surname="Petrenko",
        given_names=long_given,
        issuing_state="UKR",
    )
    mrz = parse(lines, today=TODAY)
    assert mrz.name_truncated and len(mrz.given_names) < len(long_given)
    page = model.Document(
        issuing_country="UA",
        number="FE1",
        holder_family_name="Petrenko",
        holder_given_names=long_given,
    )
    assert compare_document(mrz, page) == []


def _person(**changes: object) -> model.Person:
    values: dict[str, object] = dict(
        names=[{"given": "Олена", "family": "Мюллер-Петренко"}],
        birth_date="1990-03-04",
        nationalities=["UA"],
        gender="female",
    )
    return model.Person(**(values | changes))  # type: ignore[arg-type]


def test_the_person_it_belongs_to_agrees() -> None:
    mrz = parse(
        generate(
            "TD1",
            document_number="FE1",
            surname="Мюллер-Петренко",
            given_names="Олена",
            issuing_state="UKR",
            date_of_birth=date(1990, 3, 4),
            sex="F",
        ),
        today=TODAY,
    )
    assert compare_person(mrz, _person()) == []
    assert compare_person(mrz, _person(names=[{"full": "Olena Miuller-Petrenko"}])) == []
    assert compare_person(mrz, _person(names=[{"full": "MIULLER PETRENKO Olena"}])) == []
    assert compare_person(mrz, _person(birth_date="1990", nationalities=[])) == []
    several = [{"full": "Someone Else"}, {"given": "Olena", "family": "Miuller-Petrenko"}]
    assert compare_person(mrz, _person(names=several)) == []


def test_each_disagreement_with_the_person_is_listed() -> None:
    person = _person(
        names=[{"full": "Iryna Koval"}],
        birth_date="1991",
        nationalities=["PL", "MD"],
        gender="male",
    )
    found = compare_person(MRZ, person)
    assert [d.field for d in found] == ["name", "date_of_birth", "nationality", "sex"]
    assert found[2].other == "PL, MD"
