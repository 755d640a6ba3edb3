"""Online identity search (`identity.search`) against a node, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest

from interlink import records
from interlink.access.roles import Role
from interlink.domain import model
from interlink.domain.codes import HandlingCode
from interlink.domain.provenance import ProvenanceIn
from interlink.identity import decisions
from interlink.identity.model import Band
from interlink.identity.search import MatchQuery, search
from interlink.records.errors import Invalid
from interlink.store.db import reading
from interlink.store.schema import audit_log

PURPOSE = "case 2026/117"


def _person(node, actor, ref: str, *names: str, code: HandlingCode = HandlingCode.H1, **facts):
    person = model.Person(names=[{"full": n} for n in names], **facts)
    return records.create(node, actor, person, ProvenanceIn(handling_code=code), external_ref=ref)


@pytest.fixture
def stored(node, people):
    """Olena Petrenko in Cyrillic, a namesake born another year, and unrelated people."""
    inv = people.actor(Role.INVESTIGATOR)
    made = {
        "olena": _person(
            node,
            inv,
            "P-1",
            "Олена Петренко",
            birth_date="1985-03-12",
            nationalities=["UA"],
            gender="female",
            document_numbers=["FA123456"],
        ),
        "namesake": _person(
            node,
            inv,
            "P-2",
            "Olena Petrenko",
            birth_date="1961-11-02",
            nationalities=["UA"],
            gender="female",
        ),
        "other": _person(node, inv, "P-3", "Ivan Shevchenko", birth_date="1985-03-12"),
        "arabic": _person(node, inv, "P-4", "محمد الرشيد", birth_date="1990-01-05"),
    }
    return {k: v.id for k, v in made.items()}


def test_latin_query_finds_the_cyrillic_record_first(node, people, stored) -> None:
    found = search(
        node,
        people.actor(Role.INVESTIGATOR),
        MatchQuery({"full_name": "PETRENKO, Olena", "date_of_birth": "1985-03-12"}),
        purpose=PURPOSE,
    )
    assert found[0].record_id == stored["olena"]
    assert found[0].external_ref == "P-1"
    assert found[0].band in (Band.SAME, Band.POSSIBLY_SAME)
    assert found[0].probability > found[1].probability  # the namesake born in 1961
    reasons = {r["comparison"]: r["level"] for r in found[0].explanation()}
    assert reasons["birth_date"] == "same birth date"
    assert stored["other"] not in [c.record_id for c in found[:1]]


def test_day_and_month_swapped_and_ocr_confused_document(node, people, stored) -> None:
    found = search(
        node,
        people.actor(Role.INVESTIGATOR),
        MatchQuery(
            {
                "full_name": "Olena Petrenko",
                "date_of_birth": "1985-12-03",
                "document_number": "FA12345G",
            }
        ),
        purpose=PURPOSE,
    )
    best = found[0]
    assert best.record_id == stored["olena"]
    reasons = {r["comparison"]: r["level"] for r in best.explanation()}
    assert reasons["birth_date"] == "day and month swapped"
    assert reasons["document"] == "same document number but for OCR confusions"


def test_arabic_script_record_found_by_latin_spelling(node, people, stored) -> None:
    found = search(
        node,
        people.actor(Role.INVESTIGATOR),
        MatchQuery({"full_name": "Mohammed Al-Rashid", "date_of_birth": "1990-01-05"}),
        purpose=PURPOSE,
    )
    assert found and found[0].record_id == stored["arabic"]


def test_a_person_not_stored_gets_no_confident_answer(node, people, stored) -> None:
    found = search(
        node,
        people.actor(Role.INVESTIGATOR),
        MatchQuery({"full_name": "Tomasz Kowalczyk", "date_of_birth": "1977-07-07"}),
        purpose=PURPOSE,
    )
    assert all(c.band in (Band.DIFFERENT, Band.POSSIBLY_RELATED) for c in found)


def test_what_a_reader_may_not_see_is_never_a_candidate(node, people) -> None:
    kyiv = people.actor(Role.INVESTIGATOR)
    hidden = _person(node, kyiv, "H-1", "Taras Bondar", code=HandlingCode.H2, birth_date="1980")
    lviv = people.actor(Role.INVESTIGATOR, "UA-LVIV")
    query = MatchQuery({"full_name": "Taras Bondar", "date_of_birth": "1980"})
    assert [c.record_id for c in search(node, kyiv, query, purpose=PURPOSE)] == [hidden.id]
    assert search(node, lviv, query, purpose=PURPOSE) == []


def test_found_right_after_create_update_and_gone_after_delete(node, people) -> None:
    inv = people.actor(Role.INVESTIGATOR)
    query = MatchQuery({"full_name": "Bohdan Melnyk"})
    assert search(node, inv, query, purpose=PURPOSE) == []
    made = _person(node, inv, "U-1", "Bohdan Kravets")
    assert [
        c.record_id
        for c in search(node, inv, MatchQuery({"full_name": "Bohdan Kravets"}), purpose=PURPOSE)
    ] == [made.id]
    records.update(node, inv, made.id, changes={"names": [{"full": "Bohdan Melnyk"}]})
    assert [c.record_id for c in search(node, inv, query, purpose=PURPOSE)] == [made.id]
    records.delete(node, people.actor(Role.SUPERVISOR), made.id, reason="entered twice")
    assert search(node, inv, query, purpose=PURPOSE) == []


def test_a_query_without_a_name_or_purpose_is_refused(node, people) -> None:
    inv = people.actor(Role.INVESTIGATOR)
    with pytest.raises(Invalid, match="full_name"):
        search(node, inv, MatchQuery({"date_of_birth": "1980"}), purpose=PURPOSE)
    with pytest.raises(Invalid, match="purpose"):
        search(node, inv, MatchQuery({"full_name": "A B"}), purpose=" ")


def test_search_is_audited_without_the_values_asked(node, people, stored) -> None:
    inv = people.actor(Role.INVESTIGATOR)
    found = search(node, inv, MatchQuery({"full_name": "Olena Petrenko"}), purpose=PURPOSE)
    with reading(node.engine) as conn:
        entry = conn.execute(
            audit_log.select().where(audit_log.c.action == "match").order_by(audit_log.c.seq.desc())
        ).first()
    assert entry is not None
    details = entry.details if isinstance(entry.details, dict) else json.loads(entry.details)
    assert entry.purpose == PURPOSE
    assert details["fields"] == ["full_name"]
    assert set(details["returned"]) == {c.record_id for c in found}
    assert "Petrenko" not in json.dumps(details)


def test_decisions_override_the_model_for_a_stored_person(node, people, stored) -> None:
    inv = people.actor(Role.INVESTIGATOR)
    query = MatchQuery(record_id=stored["olena"])
    before = [c.record_id for c in search(node, inv, query, purpose=PURPOSE)]
    assert stored["namesake"] in before and stored["olena"] not in before
    decisions.decide(node, inv, stored["olena"], stored["namesake"], "different", "born 1961")
    after = search(node, inv, query, purpose=PURPOSE)
    assert stored["namesake"] not in [c.record_id for c in after]
    decided = decisions.decide(
        node, inv, stored["olena"], stored["other"], "same", "same fingerprints"
    )
    first = search(node, inv, query, purpose=PURPOSE)[0]
    assert (first.record_id, first.band, first.decision) == (stored["other"], Band.SAME, "same")
    decisions.undo(node, inv, decided.id, "entered by mistake")
    assert all(c.decision is None for c in search(node, inv, query, purpose=PURPOSE))


def _reasons(candidate) -> dict[str, str]:
    return {r["comparison"]: r["level"] for r in candidate.explanation()}


def test_a_name_with_only_general_facts_is_never_possibly_same(node, people) -> None:
    """Two people with one name share its nationality and gender: that is not a match."""
    inv = people.actor(Role.INVESTIGATOR)
    made = _person(node, inv, "N-1", "Csilla Anna Sipos", nationalities=["HU"], gender="female")
    query = MatchQuery({"full_name": "SIPOS, Csilla", "nationality": "HU", "gender": "female"})
    [found] = search(node, inv, query, purpose=PURPOSE)
    assert found.record_id == made.id
    assert found.band is Band.POSSIBLY_RELATED
    assert _reasons(found)["corroboration"] == "nothing but the name and general facts agree"
    [cap] = [r for r in found.explanation() if r["comparison"] == "corroboration"]
    assert cap["weight"] < 0  # the cap is a line of the explanation, against


def test_a_name_and_a_birth_year_are_never_same(node, people) -> None:
    inv = people.actor(Role.INVESTIGATOR)
    _person(node, inv, "N-2", "Vsevolod Igorevich Popov", birth_date="2001", nationalities=["RU"])
    query = {"full_name": "Vsevolod Popov", "date_of_birth": "2001-05-04", "nationality": "RU"}
    [found] = search(node, inv, MatchQuery(query), purpose=PURPOSE)
    assert found.band is Band.POSSIBLY_SAME
    assert _reasons(found)["corroboration"] == "nothing but the name and the birth year agree"
    # a document number in common is an individual fact: no cap
    _person(node, inv, "N-3", "Mykola Hrytsenko", birth_date="1970", document_numbers=["KX1"])
    query = {"full_name": "Mykola Hrytsenko", "date_of_birth": "1970", "document_number": "KX1"}
    [found] = search(node, inv, MatchQuery(query), purpose=PURPOSE)
    assert found.band is Band.SAME and "corroboration" not in _reasons(found)


def test_a_year_apart_on_1_january_is_weak_evidence(node, people) -> None:
    inv = people.actor(Role.INVESTIGATOR)
    _person(node, inv, "J-1", "Taras Kovalenko", birth_date="1980-01-01", gender="male")
    _person(node, inv, "J-2", "Taras Kovalchuk", birth_date="1980-06-15", gender="male")
    found = search(
        node,
        inv,
        MatchQuery({"full_name": "Taras Kovalenko", "date_of_birth": "1981-01-01"}),
        purpose=PURPOSE,
    )
    assert _reasons(found[0])["birth_date"] == "year off by one, both on 1 January"
    assert found[0].band in (Band.DIFFERENT, Band.POSSIBLY_RELATED)
    found = search(
        node,
        inv,
        MatchQuery({"full_name": "Taras Kovalchuk", "date_of_birth": "1981-06-15"}),
        purpose=PURPOSE,
    )
    assert _reasons(found[0])["birth_date"] == "year off by one"
