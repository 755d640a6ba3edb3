"""FtM export: every entity is valid for the followthemoney model, property by property."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

import pytest

from interlink.domain import codes, model
from interlink.domain.provenance import Provenance
from interlink.transfer.ftm import TRAFFICKING, to_ftm

ftm = pytest.importorskip("followthemoney")
from followthemoney import model as ftm_model  # noqa: E402

NOW = datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)
PROVENANCE = Provenance(
    owning_unit="THB-UNIT-1",
    recorded_at=NOW,
    recorded_by="user-1",
    updated_at=NOW,
    updated_by="user-1",
    review_date=date(2030, 3, 4),
)
A, B, C, ORG, DOC = (uuid.uuid4() for _ in range(5))

SUSPECT = model.Person(
    names=[
        {"full": "Petro Melnyk", "given": "Petro", "family": "Melnyk"},
        {"full": "Petya", "kind": "alias"},
        {"full": "Петро Мельник", "kind": "as_in_document"},
    ],
    gender=codes.Gender.MALE,
    birth_date="1980-05",
    birth_place="Sampletown",
    birth_country="UA",
    nationalities=["UA", "XK"],
    role=codes.PersonRole.SUSPECT,
    categories=[codes.ActivityCategory.FORCED_LABOUR],
    document_numbers=["FX000001"],
    phones=["+380501234567"],
    emails=["p.m@example.org"],
    addresses=["Main St 1"],
    notes="Gen.",
)
VICTIM = model.Person(
    names=[{"full": "Anna Koval"}], role=codes.PersonRole.VICTIM, gender=codes.Gender.FEMALE
)
RECORDS: list[tuple[uuid.UUID, model.Facts]] = [
    (A, SUSPECT),
    (B, VICTIM),
    (
        ORG,
        model.Organization(
            names=["Sunrise Travel", "Sunrise Ltd"],
            country="DE",
            organization_kind=codes.OrganizationKind.CRIMINAL_GROUP,
            registration_number="HRB 1",
            phones=["+49301234567"],
        ),
    ),
    (
        DOC,
        model.Document(
            issuing_country="UA",
            number="FX000001",
            holder_family_name="MELNYK",
            holder_given_names="PETRO",
            holder_birth_date="1980-05-02",
            holder_gender=codes.Gender.MALE,
            issue_date=date(2019, 1, 2),
            expiry_date=date(2029, 1, 1),
            status=codes.DocumentStatus.FORGED,
        ),
    ),
    (
        uuid.uuid4(),
        model.Document(
            document_kind=codes.DocumentKind.IDENTITY_CARD,
            issuing_country="MD",
            number="ID42",
            holder_family_name="X",
        ),
    ),
    (
        uuid.uuid4(),
        model.Address(
            full="Main St 1, Sampletown", city="Sampletown", country="UA", postal_code="01001"
        ),
    ),
    (uuid.uuid4(), model.OnlineHandle(value="p.m@example.org")),
    (
        uuid.uuid4(),
        model.OnlineHandle(
            handle_kind=codes.HandleKind.MESSENGER, value="@pm", platform="Telegram"
        ),
    ),
    (
        uuid.uuid4(),
        model.Marriage(
            spouses=[A, B],
            date="2019-06",
            country="UA",
            status=codes.MarriageStatus.SUSPECTED_BOGUS,
        ),
    ),
    (
        uuid.uuid4(),
        model.BorderCrossing(
            person=B, date="2020-02-03", country="HU", outcome=codes.CrossingOutcome.ILLEGAL_ENTRY
        ),
    ),
    (
        uuid.uuid4(),
        model.ExploitationIncident(
            victims=[B],
            suspects=[A],
            organizations=[ORG],
            start="2021",
            end="2021-06",
            country="DE",
            forms=[codes.ExploitationForm.FORCED_LABOUR],
        ),
    ),
    (
        uuid.uuid4(),
        model.Link(
            link_kind=codes.LinkKind.PERSON_PERSON,
            source=A,
            target=C,
            role=codes.LinkRole.FAMILY,
            start="2001",
        ),
    ),
    (
        uuid.uuid4(),
        model.Link(
            link_kind=codes.LinkKind.PERSON_PERSON,
            source=A,
            target=C,
            role=codes.LinkRole.ASSOCIATE,
        ),
    ),
    (
        uuid.uuid4(),
        model.Link(
            link_kind=codes.LinkKind.PERSON_ORGANIZATION,
            source=A,
            target=ORG,
            role=codes.LinkRole.RECRUITER,
        ),
    ),
]


def entities(record_id: uuid.UUID, facts: model.Facts) -> list[dict[str, Any]]:
    holder = A if isinstance(facts, model.Document) else None
    return to_ftm(record_id, "X1", facts, PROVENANCE, holder=holder)


@pytest.mark.parametrize(
    ("record_id", "facts"),
    RECORDS,
    ids=[f"{i}-{type(f).__name__}" for i, (_, f) in enumerate(RECORDS)],
)
def test_every_entity_is_valid_ftm(record_id: uuid.UUID, facts: model.Facts) -> None:
    found = entities(record_id, facts)
    assert found, f"no entity for {type(facts).__name__}"
    for entity in found:
        assert set(entity) == {"id", "schema", "properties"}
        schema = ftm_model.get(entity["schema"])
        assert schema is not None
        for prop, values in entity["properties"].items():
            assert schema.get(prop) is not None, f"{schema.name} has no property {prop}"
            assert values and all(isinstance(v, str) and v for v in values)
        for required in schema.required:
            assert required in entity["properties"], f"{schema.name} needs {required}"
        proxy = ftm_model.get_proxy(entity, cleaned=False)
        assert proxy.to_dict()["properties"] == entity["properties"], "nothing dropped"
        # FtM's own cleaning keeps every value: they are in the forms FtM expects.
        cleaned = ftm_model.make_entity(schema)
        for prop, values in entity["properties"].items():
            cleaned.add(prop, values)
            assert sorted(cleaned.get(prop)) == sorted(values), prop


def test_person_properties() -> None:
    (entity,) = entities(A, SUSPECT)
    props = entity["properties"]
    assert entity["id"] == str(A) and entity["schema"] == "Person"
    assert props["name"] == ["Petro Melnyk", "Петро Мельник"]
    assert props["alias"] == ["Petya"]
    assert props["nationality"] == ["ua", "xk"]
    assert props["gender"] == ["male"]
    assert props["topics"] == [TRAFFICKING, "forced.labor"]


def test_a_victim_is_never_marked_with_a_crime_topic() -> None:
    (entity,) = entities(B, VICTIM)
    assert "topics" not in entity["properties"]


def test_documents_marriages_and_links() -> None:
    by_schema = {e["schema"]: e for r in RECORDS for e in entities(*r)}
    assert by_schema["Passport"]["properties"]["holder"] == [str(A)]
    assert by_schema["Passport"]["properties"]["country"] == ["ua"]
    assert by_schema["Identification"]["properties"]["type"] == ["identity_card"]
    families = [e for r in RECORDS for e in entities(*r) if e["schema"] == "Family"]
    assert {f["properties"]["relationship"][0] for f in families} == {"spouse", "family"}
    assert by_schema["Membership"]["properties"]["role"] == ["recruiter"]


def test_kinds_without_an_ftm_schema_give_nothing() -> None:
    phone = model.Phone(number="+380501234567")
    case = model.Case(reference="C-1", title="Generated case")
    contact = model.Link(
        link_kind=codes.LinkKind.CONTACT, source=A, target=C, role=codes.LinkRole.USES
    )
    for facts in (phone, case, contact):
        assert to_ftm(uuid.uuid4(), None, facts, PROVENANCE) == []
