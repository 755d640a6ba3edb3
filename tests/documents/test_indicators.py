"""Reuse and fraud indicators of a document, on SQLite and PostgreSQL: each one planted and
found, and absent when it is not; never a record the reader may not read, never a name.

Generated specimen data only (names of Doc 9303's fictional holders, made-up numbers).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from uuid import UUID

import pytest
from sqlalchemy import select

from interlink import records
from interlink.access import Role
from interlink.documents import attach_mrz, for_document, generate, import_register, parse
from interlink.documents.indicators import (
    EXPIRED_AT_CROSSING,
    MRZ_CHECKS,
    MRZ_PAGE,
    OVERLAPPING,
    REGISTER_HIT,
    SHARED_NUMBER,
    Indicator,
    Severity,
    mrz_from_notes,
    mrz_indicators,
)
from interlink.domain import model
from interlink.domain.codes import HandlingCode, LinkKind, LinkRole
from interlink.domain.provenance import ProvenanceIn
from interlink.records.errors import Invalid, NotFound
from interlink.store.db import reading
from interlink.store.schema import audit_log

H0 = ProvenanceIn()
H2 = ProvenanceIn(handling_code=HandlingCode.H2)
SURNAME, GIVEN = "ERIKSSON", "ANNA MARIA"  # the Doc 9303 specimen holder


@pytest.fixture
def kyiv(people):
    return people.actor(Role.INVESTIGATOR, "UA-KYIV")


@pytest.fixture
def lviv(people):
    return people.actor(Role.INVESTIGATOR, "UA-LVIV")


def _person(node, actor, *, prov=H0, numbers=()) -> str:
    facts = model.Person(
        names=[model.PersonName(given="Anna Maria", family="Eriksson")],
        document_numbers=list(numbers),
    )
    return records.create(node, actor, facts, prov).id


def _document(
    node,
    actor,
    number: str,
    *,
    country: str = "UA",
    issued: date | None = None,
    expires: date | None = date(2030, 1, 1),
    prov=H0,
) -> str:
    facts = model.Document(
        issuing_country=country,
        number=number,
        holder_family_name="Eriksson",
        issue_date=issued,
        expiry_date=expires,
    )
    return records.create(node, actor, facts, prov).id


def _hold(node, actor, person: str, document: str, *, prov=H0) -> str:
    link = model.Link(
        link_kind=LinkKind.PERSON_DOCUMENT,
        source=UUID(person),
        target=UUID(document),
        role=LinkRole.HOLDER,
    )
    return records.create(node, actor, link, prov).id


def _crossing(node, actor, person: str, day: str, *, document: str | None = None, number=None):
    facts = model.BorderCrossing(
        person=UUID(person),
        date=day,
        country="UA",
        document=UUID(document) if document else None,
        document_number=number,
    )
    return records.create(node, actor, facts, H0).id


def _codes(found: list[Indicator]) -> list[str]:
    return [i.code for i in found]


def _one(found: list[Indicator], code: str) -> Indicator:
    matching = [i for i in found if i.code == code]
    assert len(matching) == 1, found
    return matching[0]


def _no_names(found: list[Indicator]) -> None:
    for ind in found:
        assert "ERIKSSON" not in ind.explanation.upper()
        assert "ANNA" not in ind.explanation.upper()


# -- (a) the same number with different holders -------------------------------------------


def test_same_number_of_same_issuer_with_two_holders_is_found(node, kyiv) -> None:
    p1, p2 = _person(node, kyiv), _person(node, kyiv)
    d1, d2 = _document(node, kyiv, "FE 123456"), _document(node, kyiv, "fe-123456")
    _hold(node, kyiv, p1, d1)
    _hold(node, kyiv, p2, d2)
    found = for_document(node, kyiv, d1)
    shared = _one(found, SHARED_NUMBER)
    assert shared.severity == Severity.HIGH
    assert set(shared.record_ids) == {p1, p2, d1, d2}
    assert p1 in shared.explanation and p2 in shared.explanation
    assert "FE123456" not in shared.explanation.replace(" ", "")  # the number is not repeated
    _no_names(found)


def test_a_person_reporting_the_number_counts_as_a_holder(node, kyiv) -> None:
    p1, p2 = _person(node, kyiv), _person(node, kyiv, numbers=["FE123456"])
    d1 = _document(node, kyiv, "FE123456")
    _hold(node, kyiv, p1, d1)
    shared = _one(for_document(node, kyiv, d1), SHARED_NUMBER)
    assert set(shared.record_ids) == {p1, p2, d1}
    assert "issuer not stated" in shared.explanation


def test_same_number_absent_with_one_holder_or_another_issuer(node, kyiv) -> None:
    p1, p2 = _person(node, kyiv), _person(node, kyiv)
    d1, d2 = _document(node, kyiv, "FE123456"), _document(node, kyiv, "FE123456", country="PL")
    d3 = _document(node, kyiv, "FE123456")
    _hold(node, kyiv, p1, d1)
    _hold(node, kyiv, p1, d3)  # the same person twice: one holder
    _hold(node, kyiv, p2, d2)  # another issuer's document with the same number
    assert SHARED_NUMBER not in _codes(for_document(node, kyiv, d1))


def test_same_number_never_reveals_a_record_the_reader_may_not_read(node, kyiv, lviv) -> None:
    p1, d1 = _person(node, kyiv), _document(node, kyiv, "FE123456")
    _hold(node, kyiv, p1, d1)
    p2 = _person(node, lviv, prov=H2)
    d2 = _document(node, lviv, "FE123456", prov=H2)
    _hold(node, lviv, p2, d2, prov=H2)
    assert SHARED_NUMBER not in _codes(for_document(node, kyiv, d1))
    # Lviv sees its own holder and Kyiv's (H0) one.
    shared = _one(for_document(node, lviv, d2), SHARED_NUMBER)
    assert set(shared.record_ids) == {p1, p2, d1, d2}


# -- (b) overlapping documents of one issuer ---------------------------------------------


def test_overlapping_documents_of_one_issuer_are_found(node, kyiv) -> None:
    p = _person(node, kyiv)
    d1 = _document(node, kyiv, "FE100001", issued=date(2020, 1, 1), expires=date(2030, 1, 1))
    d2 = _document(node, kyiv, "FE100002", issued=date(2022, 1, 1), expires=date(2032, 1, 1))
    _hold(node, kyiv, p, d1)
    _hold(node, kyiv, p, d2)
    found = for_document(node, kyiv, d1)
    overlap = _one(found, OVERLAPPING)
    assert overlap.severity == Severity.MEDIUM
    assert overlap.record_ids == (d1, p, d2)
    _no_names(found)


def test_overlap_with_an_unknown_issue_date_is_a_low_hint(node, kyiv) -> None:
    p = _person(node, kyiv)
    d1 = _document(node, kyiv, "FE100001", expires=date(2030, 1, 1))
    d2 = _document(node, kyiv, "FE100002", issued=date(2022, 1, 1), expires=date(2032, 1, 1))
    _hold(node, kyiv, p, d1)
    _hold(node, kyiv, p, d2)
    overlap = _one(for_document(node, kyiv, d1), OVERLAPPING)
    assert overlap.severity == Severity.LOW and "may overlap" in overlap.explanation


def test_overlap_absent_for_successive_or_other_issuer_documents(node, kyiv) -> None:
    p = _person(node, kyiv)
    d1 = _document(node, kyiv, "FE100001", issued=date(2015, 1, 1), expires=date(2025, 1, 1))
    d2 = _document(node, kyiv, "FE100002", issued=date(2025, 1, 2), expires=date(2035, 1, 1))
    d3 = _document(node, kyiv, "EA100003", country="PL", issued=date(2020, 1, 1))
    for d in (d1, d2, d3):
        _hold(node, kyiv, p, d)
    assert OVERLAPPING not in _codes(for_document(node, kyiv, d1))


# -- (c) MRZ checks, (d) MRZ and printed page --------------------------------------------

LINES = generate(
    "TD3",
    document_number="FE1234567",
    surname=SURNAME,
    given_names=GIVEN,
    issuing_state="UKR",
    nationality="UKR",
    date_of_birth="1974-08-12",
    sex="F",
    expiry_date=date(2031, 4, 15),
)


def _broken(lines: tuple[str, ...]) -> tuple[str, ...]:
    """The document number's check digit changed."""
    second = lines[1]
    digit = str((int(second[9]) + 1) % 10)
    return (lines[0], second[:9] + digit + second[10:])


def test_failing_mrz_checks_are_found_and_valid_ones_are_not() -> None:
    doc_id = "0190e0b0-0000-7000-8000-000000000001"
    bad = parse(_broken(LINES))
    found = mrz_indicators(doc_id, bad, None)
    ind = _one(found, MRZ_CHECKS)
    assert "document_number_check_digit" in ind.explanation and ind.record_ids == (doc_id,)
    _no_names(found)
    assert mrz_indicators(doc_id, parse(LINES), None) == []


def test_mrz_page_disagreement_is_found_and_agreement_is_not(node, kyiv) -> None:
    p = _person(node, kyiv)
    done = attach_mrz(node, kyiv, p, LINES, H0)
    assert MRZ_PAGE not in _codes(done.indicators)
    assert mrz_from_notes(done.document.facts.notes) == LINES  # type: ignore[attr-defined]
    # The printed page, read by an officer, gives another surname and expiry.
    records.update(
        node,
        kyiv,
        done.document.id,
        changes={"holder_family_name": "Andersson", "expiry_date": "2032-04-15"},
    )
    found = for_document(node, kyiv, done.document.id)
    mismatch = _one(found, MRZ_PAGE)
    assert "surname" in mismatch.explanation and "expiry_date" in mismatch.explanation
    assert "ANDERSSON" not in mismatch.explanation.upper()
    _no_names(found)


def test_failing_checks_are_kept_with_the_document(node, kyiv) -> None:
    p = _person(node, kyiv)
    done = attach_mrz(node, kyiv, p, _broken(LINES), H0)
    assert not done.mrz.valid
    assert MRZ_CHECKS in _codes(done.indicators)
    assert MRZ_CHECKS in _codes(for_document(node, kyiv, done.document.id))


# -- (e) register hit --------------------------------------------------------------------


def _register(node, people, tmp_path: Path, number: str, status: str = "stolen") -> None:
    path = tmp_path / "register.csv"
    path.write_text(
        "issuing_country,kind,number,status,reported_date,reporting_agency\n"
        f"UA,passport,{number},{status},2026-01-15,Specimen Agency\n",
        encoding="utf-8",
    )
    report = import_register(node, people.actor(Role.NCB_OFFICER), path, today=date(2026, 6, 1))
    assert report.written


def test_register_hit_is_found(node, people, kyiv, tmp_path) -> None:
    _register(node, people, tmp_path, "FE 777777")
    d = _document(node, kyiv, "FE777777")
    hit = _one(for_document(node, kyiv, d), REGISTER_HIT)
    assert hit.severity == Severity.HIGH and "stolen" in hit.explanation


def test_register_hit_absent(node, people, kyiv, tmp_path) -> None:
    _register(node, people, tmp_path, "FE777777", status="withdrawn")
    d1 = _document(node, kyiv, "FE777777")  # withdrawn: no longer a hit
    d2 = _document(node, kyiv, "FE888888")  # not in the register
    d3 = _document(node, kyiv, "FE777777", country="PL")  # another issuer
    for d in (d1, d2, d3):
        assert REGISTER_HIT not in _codes(for_document(node, kyiv, d))


def test_register_is_not_consulted_for_a_reader_without_the_right(node, people, tmp_path) -> None:
    _register(node, people, tmp_path, "FE777777")
    supervisor = people.actor(Role.SUPERVISOR)
    dpo = people.actor(Role.DATA_PROTECTION_OFFICER)
    d = _document(node, supervisor, "FE777777")
    assert REGISTER_HIT in _codes(for_document(node, supervisor, d))
    assert REGISTER_HIT not in _codes(for_document(node, dpo, d))


# -- (f) an expired document at a crossing -----------------------------------------------


def test_expired_document_at_a_crossing_is_found(node, kyiv) -> None:
    p = _person(node, kyiv)
    d = _document(node, kyiv, "FE100001", expires=date(2024, 1, 1))
    _hold(node, kyiv, p, d)
    by_ref = _crossing(node, kyiv, p, "2024-06-10", document=d)
    by_number = _crossing(node, kyiv, p, "2024-02", number="FE 100001")
    found = for_document(node, kyiv, d)
    expired = [i for i in found if i.code == EXPIRED_AT_CROSSING]
    assert {i.record_ids for i in expired} == {(d, by_ref, p), (d, by_number, p)}
    assert all("2024-01-01" in i.explanation for i in expired)
    _no_names(found)


def test_expired_document_at_a_crossing_absent(node, kyiv) -> None:
    p, other = _person(node, kyiv), _person(node, kyiv)
    d = _document(node, kyiv, "FE100001", expires=date(2024, 1, 1))
    _hold(node, kyiv, p, d)
    _crossing(node, kyiv, p, "2023-12-31", document=d)  # before expiry
    _crossing(node, kyiv, p, "2024", document=d)  # may have been on 1 January
    _crossing(node, kyiv, other, "2025-01-01", number="FE100001")  # not a known holder
    assert EXPIRED_AT_CROSSING not in _codes(for_document(node, kyiv, d))


# -- reading indicators: policy and audit ------------------------------------------------


def test_indicators_of_a_document_out_of_reach_are_not_found(node, kyiv, lviv) -> None:
    d = _document(node, kyiv, "FE100001", prov=H2)
    with pytest.raises(NotFound):
        for_document(node, lviv, d)


def test_indicators_are_audited_with_ids_only(node, kyiv) -> None:
    p1, p2 = _person(node, kyiv), _person(node, kyiv, numbers=["FE123456"])
    d1 = _document(node, kyiv, "FE123456")
    _hold(node, kyiv, p1, d1)
    for_document(node, kyiv, d1)
    with reading(node.engine) as conn:
        row = conn.execute(
            select(audit_log).where(audit_log.c.action == "document_indicators")
        ).one()
    assert row.record_id == d1
    assert p2 in row.details and "FE123456" not in row.details and "Eriksson" not in row.details


# -- attaching an MRZ --------------------------------------------------------------------


def test_attach_creates_the_document_and_the_holder_link(node, kyiv) -> None:
    p = _person(node, kyiv)
    done = attach_mrz(node, kyiv, p, LINES, H0)
    doc = done.document.facts
    assert isinstance(doc, model.Document)
    assert (doc.issuing_country, doc.number, doc.document_kind.value) == (
        "UA",
        "FE1234567",
        "passport",
    )
    assert (doc.holder_family_name, doc.holder_given_names) == (SURNAME, GIVEN)
    assert (doc.holder_birth_date, doc.holder_nationality) == ("1974-08-12", "UA")
    assert doc.holder_gender is not None and doc.holder_gender.value == "female"
    assert doc.expiry_date == date(2031, 4, 15)
    link = records.read(node, kyiv, done.link_id).facts
    assert isinstance(link, model.Link)
    assert (str(link.source), str(link.target), link.role) == (
        p,
        done.document.id,
        LinkRole.HOLDER,
    )
    assert done.mrz.valid and done.discrepancies == [] and done.indicators == []


def test_attach_refuses_what_is_not_an_mrz_or_names_no_country(node, kyiv) -> None:
    p = _person(node, kyiv)
    with pytest.raises(Invalid, match="not an MRZ: an MRZ has 2 or 3 lines"):
        attach_mrz(node, kyiv, p, ["P<UTOERIKSSON"], H0)
    specimen = (
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    )
    with pytest.raises(Invalid, match="'UTO' is not a country"):
        attach_mrz(node, kyiv, p, specimen, H0)
