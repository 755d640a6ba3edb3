"""The list of record kinds: their names in URLs and exports, and what is indexed for search."""

from __future__ import annotations

from dataclasses import dataclass

from interlink.domain import model
from interlink.domain.codes import SubjectCategory, subject_category_of


@dataclass(frozen=True)
class RecordKind:
    name: str  # singular, stored in the `kind` column
    plural: str  # used in URLs and CLI commands
    facts: type[model.Facts]
    title: str


KINDS: tuple[RecordKind, ...] = (
    RecordKind("person", "persons", model.Person, "Person"),
    RecordKind("organization", "organizations", model.Organization, "Organization"),
    RecordKind("document", "documents", model.Document, "Travel or identity document"),
    RecordKind("address", "addresses", model.Address, "Address"),
    RecordKind("phone", "phones", model.Phone, "Phone"),
    RecordKind("handle", "handles", model.OnlineHandle, "E-mail or online handle"),
    RecordKind("marriage", "marriages", model.Marriage, "Marriage"),
    RecordKind("crossing", "crossings", model.BorderCrossing, "Border crossing"),
    RecordKind("incident", "incidents", model.ExploitationIncident, "Exploitation incident"),
    RecordKind("case", "cases", model.Case, "Case"),
    RecordKind("link", "links", model.Link, "Link"),
)
BY_NAME = {k.name: k for k in KINDS}
BY_PLURAL = {k.plural: k for k in KINDS}
EVENT_KINDS = frozenset({"marriage", "crossing", "incident"})


def kind_of(facts: model.Facts) -> RecordKind:
    return BY_NAME[type(facts).kind]  # type: ignore[attr-defined]


def subject_category(facts: model.Facts) -> SubjectCategory:
    """Persons are victims, suspects or others; every other kind holds no data subject itself."""
    if isinstance(facts, model.Person):
        return subject_category_of(facts.role)
    return SubjectCategory.NON_PERSON


def identifiers(facts: model.Facts) -> list[tuple[str, str]]:
    """(kind, value as written) pairs that can be searched: documents, phones, e-mails, photos,
    addresses (which the network analysis joins records by)."""
    found: list[tuple[str, str]] = []
    if isinstance(facts, model.Person | model.Organization):
        found += [("phone", p) for p in facts.phones]
        found += [("email", e) for e in facts.emails]
        found += [("address", a) for a in facts.addresses]  # joins persons in the network
    if isinstance(facts, model.Person):
        found += [("document", d) for d in facts.document_numbers]
        found += [("photo", p.sha256) for p in facts.photos]
    elif isinstance(facts, model.Organization) and facts.registration_number:
        found.append(("registration", facts.registration_number))
    elif isinstance(facts, model.Document):
        found.append(("document", facts.number))
    elif isinstance(facts, model.Address):
        found.append(("address", facts.full))
    elif isinstance(facts, model.Phone):
        found.append(("phone", facts.number))
    elif isinstance(facts, model.OnlineHandle):
        found.append(("email" if facts.handle_kind == "email" else "handle", facts.value))
    elif isinstance(facts, model.BorderCrossing) and facts.document_number:
        found.append(("document", facts.document_number))
    return found


def label(facts: model.Facts) -> str:
    """A short label for lists. It is personal data: never log it."""
    names = facts.name_texts()
    if names:
        return str(names[0])
    for attr in ("reference", "number", "full", "value"):
        value = getattr(facts, attr, None)
        if value:
            return str(value)
    return type(facts).__name__
