"""The declared data model: every kind of record Interlink keeps, and its facts.

These classes are the single declaration: the API's request and response bodies, the
import validators, the stored JSON and the generated reference (docs/model.md) all come
from them. Provenance is not here: it is the same for every record (see provenance.py).
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Annotated, Any, ClassVar
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from interlink.domain import codes
from interlink.domain.values import (
    CLEAN_PATTERN,
    Country,
    Email,
    PartialDate,
    detect_script,
    parse_phone,
)

ShortText = Annotated[str, Field(min_length=1, max_length=500, pattern=CLEAN_PATTERN)]
LongText = Annotated[str, Field(max_length=10_000, pattern=CLEAN_PATTERN)]


class Facts(BaseModel):
    """Base of every declared class: unknown fields are errors, text is trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, use_enum_values=False)

    def name_texts(self) -> list[str]:
        """The names this record is searched by, as written (none for most kinds)."""
        return []


def _phone(value: object, info: ValidationInfo) -> object:
    """Phones without ``+`` are read in the node's region (passed as validation context)."""
    if not isinstance(value, str):
        return value
    region = (info.context or {}).get("phone_region") if info.context else None
    return parse_phone(value, region)


# Scripts whose names are written family name first and without spaces.
FAMILY_NAME_FIRST = frozenset({"Hani", "Jpan", "Hira", "Kana", "Hang"})


class PersonName(Facts):
    """One name of a person, as written, in its own script; parts when they are known."""

    full: ShortText | None = Field(None, description="The name exactly as written.")
    given: ShortText | None = None
    middle: ShortText | None = None
    family: ShortText | None = None
    kind: codes.NameKind = codes.NameKind.BIRTH
    script: str | None = Field(
        None, pattern=r"^[A-Z][a-z]{3}$", description="ISO 15924; detected when absent."
    )

    @model_validator(mode="after")
    def _complete(self) -> PersonName:
        if not self.full:
            parts = [p for p in (self.given, self.middle, self.family) if p]
            if not parts:
                raise ValueError("a name needs the full name or at least one part")
            script = detect_script("".join(parts))
            if script in FAMILY_NAME_FIRST:  # 张伟, 山田太郎, 김민준: family name first, joined
                self.full = "".join(p for p in (self.family, self.given, self.middle) if p)
            else:
                self.full = " ".join(parts)
        if not self.script:
            self.script = detect_script(self.full)
        return self


class Photo(Facts):
    """A stored photo, referenced by the SHA-256 of its bytes (uploaded through /api/files)."""

    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    media_type: str = Field("image/jpeg", pattern=r"^image/[a-z0-9.+-]+$")
    caption: str | None = Field(None, max_length=500)


class Person(Facts):
    """A natural person known to the police in any role, suspect or victim."""

    kind: ClassVar[str] = "person"
    names: list[PersonName] = Field(min_length=1)
    gender: codes.Gender = codes.Gender.UNKNOWN
    birth_date: PartialDate | None = None
    birth_place: ShortText | None = None
    birth_country: Country | None = None
    nationalities: list[Country] = Field(default_factory=list)
    distinguishing_marks: list[ShortText] = Field(default_factory=list)
    photos: list[Photo] = Field(default_factory=list)
    role: codes.PersonRole = codes.PersonRole.SUSPECT
    categories: list[codes.ActivityCategory] = Field(default_factory=list)
    document_numbers: list[ShortText] = Field(
        default_factory=list, description="Identity document numbers as reported."
    )
    phones: list[str] = Field(default_factory=list, description="E.164 phone numbers.")
    emails: list[Email] = Field(default_factory=list)
    addresses: list[ShortText] = Field(default_factory=list)
    notes: LongText | None = None

    _check_phones = field_validator("phones", mode="before")(
        lambda v, info: [_phone(x, info) for x in v] if isinstance(v, list) else v
    )

    def name_texts(self) -> list[str]:
        return [n.full for n in self.names if n.full]


class Organization(Facts):
    """A criminal group, front company, agency or venue."""

    kind: ClassVar[str] = "organization"
    names: list[ShortText] = Field(min_length=1)
    organization_kind: codes.OrganizationKind = codes.OrganizationKind.OTHER
    country: Country | None = None
    registration_number: ShortText | None = None
    categories: list[codes.ActivityCategory] = Field(default_factory=list)
    phones: list[str] = Field(default_factory=list)
    emails: list[Email] = Field(default_factory=list)
    addresses: list[ShortText] = Field(default_factory=list)
    notes: LongText | None = None

    _check_phones = field_validator("phones", mode="before")(
        lambda v, info: [_phone(x, info) for x in v] if isinstance(v, list) else v
    )

    def name_texts(self) -> list[str]:
        return list(self.names)


class Document(Facts):
    """A travel or identity document, with the holder's details as printed on it."""

    kind: ClassVar[str] = "document"
    document_kind: codes.DocumentKind = codes.DocumentKind.PASSPORT
    issuing_country: Country
    number: ShortText
    holder_family_name: ShortText | None = None
    holder_given_names: ShortText | None = None
    holder_birth_date: PartialDate | None = None
    holder_nationality: Country | None = None
    holder_gender: codes.Gender | None = None
    issue_date: date | None = None
    expiry_date: date | None = None
    status: codes.DocumentStatus = codes.DocumentStatus.UNKNOWN
    notes: LongText | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> Document:
        if self.issue_date and self.expiry_date and self.expiry_date < self.issue_date:
            raise ValueError("expiry_date is before issue_date")
        return self

    def name_texts(self) -> list[str]:
        parts = [p for p in (self.holder_given_names, self.holder_family_name) if p]
        return [" ".join(parts)] if parts else []


class Address(Facts):
    kind: ClassVar[str] = "address"
    full: ShortText
    street: ShortText | None = None
    city: ShortText | None = None
    postal_code: str | None = Field(None, max_length=20)
    region: ShortText | None = None
    country: Country | None = None


class Phone(Facts):
    kind: ClassVar[str] = "phone"
    number: str = Field(description="E.164")
    phone_kind: codes.PhoneKind = codes.PhoneKind.UNKNOWN
    notes: LongText | None = None

    _check_number = field_validator("number", mode="before")(_phone)


class OnlineHandle(Facts):
    """An e-mail address or an account on a messenger, social network or website."""

    kind: ClassVar[str] = "handle"
    handle_kind: codes.HandleKind = codes.HandleKind.EMAIL
    value: ShortText
    platform: ShortText | None = None

    @model_validator(mode="after")
    def _email_is_email(self) -> OnlineHandle:
        if self.handle_kind == codes.HandleKind.EMAIL:
            from interlink.domain.values import parse_email

            self.value = parse_email(self.value)
        return self


class Marriage(Facts):
    kind: ClassVar[str] = "marriage"
    spouses: list[UUID] = Field(min_length=2, max_length=2)
    date: PartialDate | None = None
    place: ShortText | None = None
    country: Country | None = None
    officiant: ShortText | None = None
    registrar: ShortText | None = None
    witnesses: list[UUID] = Field(default_factory=list)
    intermediary: UUID | None = Field(None, description="Organization, e.g. a marriage agency.")
    status: codes.MarriageStatus = codes.MarriageStatus.RECORDED
    notes: LongText | None = None

    @model_validator(mode="after")
    def _two_people(self) -> Marriage:
        if self.spouses[0] == self.spouses[1]:
            raise ValueError("spouses: a marriage needs two different persons")
        return self


class BorderCrossing(Facts):
    kind: ClassVar[str] = "crossing"
    person: UUID
    date: PartialDate
    crossing_point: ShortText | None = None
    country: Country
    direction: codes.CrossingDirection = codes.CrossingDirection.ENTRY
    outcome: codes.CrossingOutcome = codes.CrossingOutcome.LAWFUL
    document: UUID | None = None
    document_number: ShortText | None = None
    notes: LongText | None = None


class ExploitationIncident(Facts):
    kind: ClassVar[str] = "incident"
    victims: list[UUID] = Field(default_factory=list)
    suspects: list[UUID] = Field(default_factory=list)
    organizations: list[UUID] = Field(default_factory=list)
    place: ShortText | None = None
    country: Country | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    forms: list[codes.ExploitationForm] = Field(default_factory=list)
    categories: list[codes.ActivityCategory] = Field(default_factory=list)
    description: LongText | None = None

    @model_validator(mode="after")
    def _period_in_order(self) -> ExploitationIncident:
        if self.start and self.end and self.end < self.start:
            raise ValueError("end is before start")
        if not (self.victims or self.suspects):
            raise ValueError("an incident needs at least one victim or suspect")
        return self


class Case(Facts):
    kind: ClassVar[str] = "case"
    reference: ShortText
    title: ShortText
    status: codes.CaseStatus = codes.CaseStatus.OPEN
    priority: codes.CasePriority = codes.CasePriority.NORMAL
    child_involved: bool = False
    categories: list[codes.ActivityCategory] = Field(default_factory=list)
    records: list[UUID] = Field(default_factory=list, description="Records linked to the case.")
    notes: LongText | None = None


class Link(Facts):
    """A link between two records, itself a record with its own provenance."""

    kind: ClassVar[str] = "link"
    link_kind: codes.LinkKind
    source: UUID
    target: UUID
    role: codes.LinkRole = codes.LinkRole.OTHER
    start: PartialDate | None = None
    end: PartialDate | None = None
    notes: LongText | None = None

    @model_validator(mode="after")
    def _not_self(self) -> Link:
        if self.source == self.target:
            raise ValueError("a link needs two different records")
        if self.link_kind in ROLES_BY_LINK and self.role not in ROLES_BY_LINK[self.link_kind]:
            allowed = ", ".join(r.value for r in ROLES_BY_LINK[self.link_kind])
            raise ValueError(f"role '{self.role.value}' does not fit this link; use: {allowed}")
        return self


_PO = codes.LinkRole
ROLES_BY_LINK: dict[codes.LinkKind, frozenset[codes.LinkRole]] = {
    codes.LinkKind.PERSON_ORGANIZATION: frozenset(
        {
            _PO.RECRUITER,
            _PO.TRANSPORTER,
            _PO.BROKER,
            _PO.EXPLOITER,
            _PO.FINANCIER,
            _PO.DOCUMENT_FORGER,
            _PO.MEMBER,
            _PO.OTHER,
        }
    ),
    codes.LinkKind.PERSON_PERSON: frozenset({_PO.ASSOCIATE, _PO.FAMILY, _PO.SPOUSE, _PO.OTHER}),
    codes.LinkKind.PERSON_DOCUMENT: frozenset({_PO.HOLDER, _PO.USER}),
    codes.LinkKind.CONTACT: frozenset({_PO.USES, _PO.RESIDES, _PO.REGISTERED, _PO.OTHER}),
}

# Which record kinds each link kind may join (source kinds, target kinds).
LINK_ENDS: dict[codes.LinkKind, tuple[frozenset[str], frozenset[str]]] = {
    codes.LinkKind.PERSON_ORGANIZATION: (frozenset({"person"}), frozenset({"organization"})),
    codes.LinkKind.PERSON_PERSON: (frozenset({"person"}), frozenset({"person"})),
    codes.LinkKind.PERSON_DOCUMENT: (frozenset({"person"}), frozenset({"document"})),
    codes.LinkKind.CONTACT: (
        frozenset({"person", "organization"}),
        frozenset({"address", "phone", "handle"}),
    ),
}


@cache
def _reference_fields(cls: type[Facts]) -> tuple[str, ...]:
    return tuple(
        name for name, field in cls.model_fields.items() if "UUID" in str(field.annotation)
    )


def references(facts: Facts) -> list[tuple[str, UUID]]:
    """Every other record this one points to, with the field that points (for the store)."""
    found: list[tuple[str, UUID]] = []
    for field_name in _reference_fields(type(facts)):
        value: Any = getattr(facts, field_name)
        if isinstance(value, UUID):
            found.append((field_name, value))
        elif isinstance(value, list):
            found.extend((field_name, v) for v in value if isinstance(v, UUID))
    return found


# The record kinds each reference field may point to (None: any kind).
REFERENCE_KINDS: dict[tuple[str, str], frozenset[str] | None] = {
    ("marriage", "spouses"): frozenset({"person"}),
    ("marriage", "witnesses"): frozenset({"person"}),
    ("marriage", "intermediary"): frozenset({"organization"}),
    ("crossing", "person"): frozenset({"person"}),
    ("crossing", "document"): frozenset({"document"}),
    ("incident", "victims"): frozenset({"person"}),
    ("incident", "suspects"): frozenset({"person"}),
    ("incident", "organizations"): frozenset({"organization"}),
    ("case", "records"): None,
}
