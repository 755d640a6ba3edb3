"""The declared model refuses what cannot be true and completes what can be derived."""

from __future__ import annotations

import uuid

import pytest
from pydantic import ValidationError

from interlink.domain import ProvenanceIn, model, registry
from interlink.domain.codes import SubjectCategory


def test_a_name_is_completed_from_its_parts_and_its_script_detected() -> None:
    name = model.PersonName(given="Олег", family="Петренко")
    assert name.full == "Олег Петренко" and name.script == "Cyrl"
    with pytest.raises(ValidationError, match="full name or at least one part"):
        model.PersonName()


def test_a_person_needs_a_name() -> None:
    with pytest.raises(ValidationError, match="names"):
        model.Person.model_validate({"names": []})


def test_unknown_fields_are_errors() -> None:
    with pytest.raises(ValidationError, match="nickname"):
        model.Person.model_validate({"names": [{"full": "A"}], "nickname": "x"})


def test_h3_needs_its_restrictions_in_words() -> None:
    with pytest.raises(ValidationError, match="H3"):
        ProvenanceIn(handling_code="H3")
    assert ProvenanceIn(handling_code="H3", handling_text="not to country X").handling_text


def test_a_marriage_needs_two_different_people() -> None:
    a = uuid.uuid4()
    with pytest.raises(ValidationError, match="two different"):
        model.Marriage(spouses=[a, a])


def test_a_document_cannot_expire_before_it_is_issued() -> None:
    with pytest.raises(ValidationError, match="expiry_date"):
        model.Document(
            issuing_country="UA", number="FB1", issue_date="2020-01-01", expiry_date="2019-01-01"
        )


def test_a_link_role_must_fit_the_link() -> None:
    with pytest.raises(ValidationError, match="does not fit"):
        model.Link(
            link_kind="person_document", source=uuid.uuid4(), target=uuid.uuid4(), role="recruiter"
        )


def test_victims_are_their_own_subject_category() -> None:
    victim = model.Person.model_validate({"names": [{"full": "A"}], "role": "possible_victim"})
    witness = model.Person.model_validate({"names": [{"full": "A"}], "role": "witness"})
    assert registry.subject_category(victim) == SubjectCategory.VICTIM
    assert registry.subject_category(witness) == SubjectCategory.OTHER_PERSON
    assert registry.subject_category(model.Organization(names=["X"])) == SubjectCategory.NON_PERSON


def test_identifiers_are_indexed_from_every_kind() -> None:
    p = model.Person.model_validate(
        {
            "names": [{"full": "A"}],
            "document_numbers": ["X1"],
            "phones": ["+380501234567"],
            "emails": ["a@b.org"],
        }
    )
    assert sorted(registry.identifiers(p)) == [
        ("document", "X1"),
        ("email", "a@b.org"),
        ("phone", "+380501234567"),
    ]


def test_every_kind_is_declared_once() -> None:
    names = [k.name for k in registry.KINDS]
    assert len(names) == len(set(names)) == len(registry.BY_PLURAL)
    for kind in registry.KINDS:
        assert kind.facts.kind == kind.name  # type: ignore[attr-defined]


def test_a_name_in_a_family_first_script_is_completed_family_first() -> None:
    assert model.PersonName(given="伟", family="张").full == "张伟"
    assert model.PersonName(given="민준", family="김").full == "김민준"
    assert model.PersonName(given="Oleh", family="Petrenko").full == "Oleh Petrenko"
