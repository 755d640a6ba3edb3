"""FollowTheMoney (FtM) export: records as entities for analysis tools such as Aleph.

Why FtM: it is the common exchange model of investigative tools. Every value is a list of
strings; countries are lower-case ISO alpha-2; entity ids are the record ids, so links
between entities survive. Victims get no crime topic: a victim is never marked a suspect.
"""

from __future__ import annotations

from datetime import UTC
from typing import Any
from uuid import UUID

from interlink.domain import codes, model
from interlink.domain.provenance import Provenance

Entity = dict[str, Any]

TRAFFICKING = "crime.traffick.human"
_FAMILY_ROLES = frozenset({codes.LinkRole.FAMILY, codes.LinkRole.SPOUSE})
_FTM_GENDER = {
    codes.Gender.MALE: "male",
    codes.Gender.FEMALE: "female",
    codes.Gender.OTHER: "other",
}


def _entity(entity_id: UUID | str, schema: str, **properties: list[str]) -> Entity:
    """An FtM entity dict; empty values are left out, as FtM does."""
    props = {}
    for name, values in properties.items():
        kept = [v for v in dict.fromkeys(values) if v]
        if kept:
            props[name] = kept
    return {"id": str(entity_id), "schema": schema, "properties": props}


def _one(value: object) -> list[str]:
    if value is None:
        return []
    return [str(getattr(value, "value", value))]


def _country(value: str | None) -> list[str]:
    return [value.lower()] if value else []


def _countries(values: list[str]) -> list[str]:
    return [v.lower() for v in values]


def _modified(provenance: Provenance) -> list[str]:
    """FtM dates carry no zone: UTC, as FtM assumes."""
    when = provenance.updated_at
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return [when.isoformat(timespec="seconds")]


def _person_topics(facts: model.Person) -> list[str]:
    if facts.role not in codes.SUSPECT_ROLES:
        return []
    topics = [TRAFFICKING]
    if codes.ActivityCategory.FORCED_LABOUR in facts.categories:
        topics.append("forced.labor")
    return topics


def _person(rid: UUID, facts: model.Person, provenance: Provenance) -> list[Entity]:
    aliases = [n for n in facts.names if n.kind == codes.NameKind.ALIAS]
    names = [n for n in facts.names if n.kind != codes.NameKind.ALIAS] or facts.names[:1]
    return [
        _entity(
            rid,
            "Person",
            name=[n.full or "" for n in names],
            alias=[n.full or "" for n in aliases if n not in names],
            firstName=[n.given or "" for n in names],
            middleName=[n.middle or "" for n in names],
            lastName=[n.family or "" for n in names],
            birthDate=_one(facts.birth_date),
            birthPlace=_one(facts.birth_place),
            birthCountry=_country(facts.birth_country),
            nationality=_countries(facts.nationalities),
            gender=_one(_FTM_GENDER.get(facts.gender)),
            idNumber=list(facts.document_numbers),
            phone=list(facts.phones),
            email=list(facts.emails),
            address=list(facts.addresses),
            topics=_person_topics(facts),
            notes=_one(facts.notes),
            modifiedAt=_modified(provenance),
        )
    ]


def _organization(rid: UUID, facts: model.Organization, provenance: Provenance) -> list[Entity]:
    criminal = facts.organization_kind == codes.OrganizationKind.CRIMINAL_GROUP
    return [
        _entity(
            rid,
            "Organization",
            name=list(facts.names),
            classification=[facts.organization_kind.value],
            country=_country(facts.country),
            registrationNumber=_one(facts.registration_number),
            phone=list(facts.phones),
            email=list(facts.emails),
            address=list(facts.addresses),
            topics=[TRAFFICKING] if criminal else [],
            notes=_one(facts.notes),
            modifiedAt=_modified(provenance),
        )
    ]


def _document(
    rid: UUID, facts: model.Document, provenance: Provenance, holder: UUID | None
) -> list[Entity]:
    common: dict[str, list[str]] = {
        "number": [facts.number],
        "country": _country(facts.issuing_country),
        "type": [facts.document_kind.value],
        "startDate": _one(facts.issue_date.isoformat() if facts.issue_date else None),
        "endDate": _one(facts.expiry_date.isoformat() if facts.expiry_date else None),
        "holder": _one(holder),
        "summary": [] if facts.status == codes.DocumentStatus.UNKNOWN else [facts.status.value],
        "description": _one(facts.notes),
        "modifiedAt": _modified(provenance),
    }
    if facts.document_kind == codes.DocumentKind.PASSPORT:
        return [
            _entity(
                rid,
                "Passport",
                **common,
                surname=_one(facts.holder_family_name),
                givenName=_one(facts.holder_given_names),
                birthDate=_one(facts.holder_birth_date),
                gender=_one(_FTM_GENDER.get(facts.holder_gender) if facts.holder_gender else None),
            )
        ]
    return [_entity(rid, "Identification", **common, namesMentioned=facts.name_texts())]


def _link(rid: UUID, facts: model.Link, provenance: Provenance) -> list[Entity]:
    period = {
        "startDate": _one(facts.start),
        "endDate": _one(facts.end),
        "description": _one(facts.notes),
        "modifiedAt": _modified(provenance),
    }
    if facts.link_kind == codes.LinkKind.PERSON_PERSON:
        if facts.role in _FAMILY_ROLES:
            return [
                _entity(
                    rid,
                    "Family",
                    person=[str(facts.source)],
                    relative=[str(facts.target)],
                    relationship=[facts.role.value],
                    **period,
                )
            ]
        return [
            _entity(
                rid,
                "Associate",
                person=[str(facts.source)],
                associate=[str(facts.target)],
                relationship=[facts.role.value],
                **period,
            )
        ]
    if facts.link_kind == codes.LinkKind.PERSON_ORGANIZATION:
        return [
            _entity(
                rid,
                "Membership",
                member=[str(facts.source)],
                organization=[str(facts.target)],
                role=[facts.role.value],
                **period,
            )
        ]
    # Holders are given to the document itself (holder=); contacts are person properties.
    return []


def _event(rid: UUID, facts: model.Facts, provenance: Provenance) -> list[Entity]:
    if isinstance(facts, model.Marriage):
        status = facts.status
        return [
            _entity(
                rid,
                "Family",
                person=[str(facts.spouses[0])],
                relative=[str(facts.spouses[1])],
                relationship=["spouse"],
                startDate=_one(facts.date),
                summary=[] if status == codes.MarriageStatus.RECORDED else [status.value],
                description=_one(facts.notes),
                modifiedAt=_modified(provenance),
            )
        ]
    if isinstance(facts, model.BorderCrossing):
        return [
            _entity(
                rid,
                "Event",
                name=[f"Border crossing ({facts.direction.value})"],
                date=[facts.date],
                country=_country(facts.country),
                involved=[str(facts.person)],
                summary=[facts.outcome.value],
                description=_one(facts.notes),
                modifiedAt=_modified(provenance),
            )
        ]
    if isinstance(facts, model.ExploitationIncident):
        forms = [f.value for f in facts.forms]
        topics = [TRAFFICKING]
        if codes.ExploitationForm.FORCED_LABOUR in facts.forms:
            topics.append("forced.labor")
        return [
            _entity(
                rid,
                "Event",
                name=["Exploitation incident"],
                startDate=_one(facts.start),
                endDate=_one(facts.end),
                country=_country(facts.country),
                involved=[str(u) for u in [*facts.victims, *facts.suspects, *facts.organizations]],
                summary=[", ".join(forms)] if forms else [],
                description=_one(facts.description),
                topics=topics,
                modifiedAt=_modified(provenance),
            )
        ]
    return []


def to_ftm(
    record_id: UUID,
    external_ref: str | None,
    facts: model.Facts,
    provenance: Provenance,
    *,
    holder: UUID | None = None,
) -> list[Entity]:
    """The FtM entities of one record (none for kinds FtM has no schema for: phones, cases).

    ``holder`` is the person holding a document (a person_document link in the store);
    FtM's Passport and Identification require one. ``external_ref`` is not exported: it
    is the owner's file id, not something to share.
    """
    del external_ref
    if isinstance(facts, model.Person):
        return _person(record_id, facts, provenance)
    if isinstance(facts, model.Organization):
        return _organization(record_id, facts, provenance)
    if isinstance(facts, model.Document):
        return _document(record_id, facts, provenance, holder)
    if isinstance(facts, model.Address):
        return [
            _entity(
                record_id,
                "Address",
                full=[facts.full],
                street=_one(facts.street),
                city=_one(facts.city),
                postalCode=_one(facts.postal_code),
                region=_one(facts.region),
                country=_country(facts.country),
                modifiedAt=_modified(provenance),
            )
        ]
    if isinstance(facts, model.OnlineHandle):
        email = facts.handle_kind == codes.HandleKind.EMAIL
        return [
            _entity(
                record_id,
                "UserAccount",
                username=[facts.value],
                email=[facts.value] if email else [],
                service=_one(facts.platform),
                modifiedAt=_modified(provenance),
            )
        ]
    if isinstance(facts, model.Link):
        return _link(record_id, facts, provenance)
    return _event(record_id, facts, provenance)
