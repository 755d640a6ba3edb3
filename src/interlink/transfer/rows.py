"""Mapping one import row to a record's facts and provenance, naming every bad field.

Why here and not in the model: an import speaks in columns (``date_of_birth``, ``spouse_ids``),
the model in fields (``birth_date``, ``spouses``). This module owns the column sets, turns
columns into model input, and turns the model's validation errors back into column names,
so a user fixing a file reads the names of the file. Pure: no I/O, no database.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any
from uuid import UUID

from pydantic import ValidationError

from interlink.domain import codes, model
from interlink.domain.provenance import ProvenanceIn
from interlink.domain.values import error_message
from interlink.transfer.readers import FileFormatError, SourceRow

Resolver = Callable[[str], UUID | None]

# --- the column sets (docs are generated from these dicts) ---------------------------------

PROVENANCE_COLUMNS: dict[str, str] = {
    "reliability": "Source reliability: A reliable, B usually, C not usually, X cannot be "
    "judged (default X).",
    "assessment": "Information assessment: 1 true, 2 known to the source, 3 corroborated, "
    "4 cannot be judged (default 4).",
    "handling_code": "H0 law-enforcement use only (default), H1 not for court, H2 not to be "
    "passed on, H3 other restrictions.",
    "handling_text": "The restrictions in words; required with H3.",
    "review_date": "When the owner must review the record, YYYY-MM-DD (default: in 5 years).",
    "source": "Where the information came from.",
}

_LIST = "; several separated by ';'"

PERSON_COLUMNS: dict[str, str] = {
    "id": "Your identifier of the person, unique in your files (required).",
    "full_name": "The name as written, in its own script (this or first/last name required).",
    "first_name": "Given name(s).",
    "middle_name": "Middle name(s) or patronymic.",
    "last_name": "Family name(s).",
    "aliases": "Other names the person uses" + _LIST + ".",
    "gender": "male, female, other or unknown (m, f, x accepted).",
    "date_of_birth": "YYYY, YYYY-MM or YYYY-MM-DD (DD.MM.YYYY accepted).",
    "place_of_birth": "Place of birth as written.",
    "birth_country": "Country of birth: ISO code or English name.",
    "nationality": "ISO code (UA, UKR) or English name" + _LIST + ".",
    "document_number": "Identity document numbers" + _LIST + ".",
    "phone": "Phone numbers, with + and country code or dialled in the node's country" + _LIST,
    "email": "E-mail addresses" + _LIST + ".",
    "address": "Addresses as written" + _LIST + ".",
    "distinguishing_marks": "Scars, tattoos and other marks" + _LIST + ".",
    "role": "suspect (default), convicted, victim, possible_victim, witness or contact.",
    "category": "Activity: procurement, exploitation_of_prostitution, bogus_marriage, "
    "illegal_marriage, illegal_entry, forged_identity_papers, child_sexual_exploitation, "
    "forced_labour, other" + _LIST + ".",
    "notes": "Free text.",
    **PROVENANCE_COLUMNS,
}

ORGANIZATION_COLUMNS: dict[str, str] = {
    "id": "Your identifier of the organization (required).",
    "name": "Names of the organization" + _LIST + " (required).",
    "kind": "criminal_group, front_company, marriage_agency, recruitment_agency, "
    "travel_agency, venue or other (default).",
    "country": "Country: ISO code or English name.",
    "registration_number": "Company registration number.",
    "phone": PERSON_COLUMNS["phone"],
    "email": PERSON_COLUMNS["email"],
    "address": PERSON_COLUMNS["address"],
    "category": PERSON_COLUMNS["category"],
    "notes": "Free text.",
    **PROVENANCE_COLUMNS,
}

DOCUMENT_COLUMNS: dict[str, str] = {
    "id": "Your identifier of the document (required).",
    "kind": "passport (default), identity_card, visa, residence_permit, travel_document, "
    "driving_licence or other.",
    "issuing_country": "Issuing country: ISO code or English name (required).",
    "number": "Document number as printed (required).",
    "holder_family_name": "Holder's family name as printed.",
    "holder_given_names": "Holder's given names as printed.",
    "holder_birth_date": "Holder's date of birth as printed: YYYY, YYYY-MM or YYYY-MM-DD.",
    "holder_nationality": "Holder's nationality as printed: ISO code or English name.",
    "holder_gender": "male, female, other or unknown.",
    "issue_date": "YYYY-MM-DD.",
    "expiry_date": "YYYY-MM-DD.",
    "status": "genuine, forged, counterfeit, fraudulently_obtained, stolen_blank, lost, "
    "stolen, revoked or unknown (default).",
    "holder_id": "The id of the holder in your persons file (import persons first).",
    "notes": "Free text.",
    **PROVENANCE_COLUMNS,
}

EVENT_COLUMNS: dict[str, str] = {
    "id": "Your identifier of the event (required).",
    "type": "marriage, crossing or incident (required).",
    "date": "Marriage or crossing date: YYYY, YYYY-MM or YYYY-MM-DD (required for a crossing).",
    "place": "Place of a marriage or incident.",
    "country": "Country: ISO code or English name (required for a crossing).",
    "status": "Marriage: recorded (default), suspected_bogus, suspected_illegal, "
    "confirmed_bogus or confirmed_illegal.",
    "spouse_ids": "Marriage: the ids of the two spouses in your persons file, separated by ';'.",
    "witness_ids": "Marriage: ids of witnesses" + _LIST + ".",
    "intermediary_id": "Marriage: id of the intermediary organization (e.g. an agency).",
    "officiant": "Marriage: who performed it.",
    "registrar": "Marriage: where it was registered.",
    "person_id": "Crossing: id of the person crossing (required for a crossing).",
    "crossing_point": "Crossing: the border crossing point.",
    "direction": "Crossing: entry (default) or exit.",
    "outcome": "Crossing: lawful (default), illegal_entry or attempted.",
    "document_number": "Crossing: number of the document shown.",
    "victim_ids": "Incident: ids of victims" + _LIST + ".",
    "suspect_ids": "Incident: ids of suspects" + _LIST + ".",
    "organization_ids": "Incident: ids of organizations involved" + _LIST + ".",
    "start": "Incident: when it started, YYYY, YYYY-MM or YYYY-MM-DD.",
    "end": "Incident: when it ended.",
    "forms": "Incident: sexual, forced_labour, domestic_servitude, forced_marriage, "
    "forced_criminality, forced_begging, organ_removal, child_sexual_exploitation, other"
    + _LIST
    + ".",
    "category": "Incident: " + PERSON_COLUMNS["category"],
    "description": "Free text.",
    **PROVENANCE_COLUMNS,
}

COLUMNS: dict[str, dict[str, str]] = {
    "persons": PERSON_COLUMNS,
    "organizations": ORGANIZATION_COLUMNS,
    "documents": DOCUMENT_COLUMNS,
    "events": EVENT_COLUMNS,
}
_KNOWN = {kind: frozenset(cols) for kind, cols in COLUMNS.items()}
_KIND_NAMES = {
    **{k: k for k in COLUMNS},
    "person": "persons",
    "organization": "organizations",
    "document": "documents",
    "event": "events",
}

EVENT_TYPES = ("marriage", "crossing", "incident")
EVENT_TYPE_COLUMNS: dict[str, frozenset[str]] = {
    "marriage": frozenset(
        {
            "date",
            "place",
            "country",
            "status",
            "spouse_ids",
            "witness_ids",
            "intermediary_id",
            "officiant",
            "registrar",
            "description",
        }
    ),
    "crossing": frozenset(
        {
            "date",
            "country",
            "person_id",
            "crossing_point",
            "direction",
            "outcome",
            "document_number",
            "description",
        }
    ),
    "incident": frozenset(
        {
            "place",
            "country",
            "victim_ids",
            "suspect_ids",
            "organization_ids",
            "start",
            "end",
            "forms",
            "category",
            "description",
        }
    ),
}
_EVENT_ONLY = frozenset().union(*EVENT_TYPE_COLUMNS.values())

MAX_ID_LENGTH = 200  # the store keeps external refs in 200 characters
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


# --- results and errors -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FieldError:
    """One bad column of one row; ``field`` is the file's column name."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class RowErrors(ValueError):
    """Every bad field of one row, so the user fixes the row in one pass."""

    def __init__(self, line: int, errors: list[FieldError]):
        super().__init__(line, errors)
        self.line = line
        self.errors = errors

    def __str__(self) -> str:
        return f"line {self.line}: " + "; ".join(str(e) for e in self.errors)


@dataclass(slots=True)
class MappedRow:
    """A row ready for the store; ``holder_external_id`` links a document to its holder."""

    external_id: str
    facts: model.Facts
    provenance: ProvenanceIn
    holder_external_id: str | None = None


# --- header check -----------------------------------------------------------------------


def kind_name(kind: str) -> str:
    """``persons`` for ``person`` or ``persons``; unknown kinds are a ValueError."""
    try:
        return _KIND_NAMES[kind.strip().lower()]
    except KeyError:
        raise ValueError(f"unknown import kind '{kind}': use {', '.join(COLUMNS)}") from None


def check_header(kind: str, header: Iterable[str]) -> None:
    """Reject a header with unknown columns or without the required ones, once per file."""
    kind = kind_name(kind)
    names = [h.strip().lower() for h in header]
    known = _KNOWN[kind]
    if not any(n in known for n in names):
        raise FileFormatError(
            "the header is missing or names no known column: the first row must name the "
            f"columns, e.g. {', '.join(list(COLUMNS[kind])[:4])}",
            line=None,
        )
    problems: list[str] = []
    unknown = [n for n in names if n not in known]
    if unknown:
        problems.append(
            "unknown column"
            + ("s " if len(unknown) > 1 else " ")
            + ", ".join(_with_hint(n, known) for n in unknown)
        )
    missing = [r for r in _REQUIRED_HEADER[kind] if not any(n in names for n in r)]
    if missing:
        problems.append("missing column " + ", ".join(" or ".join(r) for r in missing))
    if problems:
        field = unknown[0] if unknown else missing[0][0]
        raise FileFormatError(
            "; ".join(problems) + f" (the {kind} columns are: {', '.join(COLUMNS[kind])})",
            field=field,
        )


_REQUIRED_HEADER: dict[str, list[tuple[str, ...]]] = {
    "persons": [("id",), ("full_name", "first_name", "last_name")],
    "organizations": [("id",), ("name",)],
    "documents": [("id",), ("issuing_country",), ("number",)],
    "events": [("id",), ("type",)],
}


def _with_hint(name: str, known: frozenset[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1)
    return f"'{name}' (did you mean '{close[0]}'?)" if close else f"'{name}'"


# --- small parsers ------------------------------------------------------------------------

_ESCAPES = re.compile(r"\\[\\;]|;|[^\\;]+|\\")


def split_list(text: str) -> list[str]:
    """The values of a ``;``-separated cell; ``\\;`` and ``\\\\`` escape ``;`` and ``\\``."""
    if "\\" not in text:
        if ";" not in text:  # the common case: one value
            text = text.strip()
            return [text] if text else []
        parts = [p.strip() for p in text.split(";")]
        return [p for p in parts if p]
    values: list[str] = []
    current: list[str] = []
    for piece in _ESCAPES.findall(text):
        if piece == ";":
            values.append("".join(current).strip())
            current = []
        else:
            current.append(piece[1] if len(piece) == 2 and piece[0] == "\\" else piece)
    values.append("".join(current).strip())
    return [v for v in values if v]


class _Table(dict[str, Any]):
    """Accepted spellings of an enum's values; ``choices`` lists the values for messages."""

    choices: str


def _enum_table(enum: type[StrEnum], **aliases: StrEnum) -> _Table:
    table = _Table()
    table.choices = ", ".join(m.value for m in enum)
    for member in enum:
        value = member.value.lower()
        table[value] = member
        table[value.replace("_", " ")] = member
        table[value.replace("_", "-")] = member
    table.update(aliases)
    return table


_G = codes.Gender
_GENDER = _enum_table(_G, m=_G.MALE, f=_G.FEMALE, x=_G.OTHER, u=_G.UNKNOWN)
_ROLE = _enum_table(codes.PersonRole)
_CATEGORY = _enum_table(codes.ActivityCategory, forced_labor=codes.ActivityCategory.FORCED_LABOUR)
_ORG_KIND = _enum_table(codes.OrganizationKind)
_D = codes.DocumentKind
_DOC_KIND = _enum_table(_D, id_card=_D.IDENTITY_CARD, driving_license=_D.DRIVING_LICENCE)
_DOC_STATUS = _enum_table(codes.DocumentStatus)
_MARRIAGE_STATUS = _enum_table(codes.MarriageStatus)
_DIRECTION = _enum_table(codes.CrossingDirection)
_OUTCOME = _enum_table(codes.CrossingOutcome)
_FORM = _enum_table(codes.ExploitationForm, forced_labor=codes.ExploitationForm.FORCED_LABOUR)
_RELIABILITY = _enum_table(codes.Reliability)
_ASSESSMENT = _enum_table(codes.Assessment)
_HANDLING = _enum_table(codes.HandlingCode)

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def parse_full_date(text: str) -> date:
    """A whole date, ``YYYY-MM-DD`` (``DD.MM.YYYY`` accepted); ValueError says why not."""
    iso = _ISO_DATE.match(text)
    dotted = None if iso else _DOTTED_DATE.match(text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif dotted:
        day, month, year = (int(g) for g in dotted.groups())
    else:
        raise ValueError(f"'{text}' is not a date: write YYYY-MM-DD")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"'{text}' is not a date that exists") from None


# --- the row being mapped ------------------------------------------------------------------


class _Row:
    """The cells of one row and the errors found so far, by column."""

    __slots__ = ("bad", "errors", "values")

    def __init__(self, values: dict[str, str]):
        self.values = values
        self.errors: list[FieldError] = []
        self.bad: set[str] = set()

    def error(self, column: str, message: str) -> None:
        self.errors.append(FieldError(column, message))
        self.bad.add(column)

    def enum(self, column: str, table: _Table) -> Any:
        text = self.values.get(column)
        if not text:
            return None
        member = table.get(text.lower())
        if member is None:
            member = table.get(text.lower().replace(" ", "_").replace("-", "_"))
        if member is None:
            self.error(column, f"'{text}' is not one of: {table.choices}")
        return member

    def enums(self, column: str, table: _Table) -> list[Any]:
        text = self.values.get(column)
        if not text:
            return []
        found = []
        for item in split_list(text):
            member = table.get(item.lower())
            if member is None:
                member = table.get(item.lower().replace(" ", "_").replace("-", "_"))
            if member is None:
                self.error(column, f"'{item}' is not one of: {table.choices}")
            else:
                found.append(member)
        return found

    def ids(self, column: str, resolve: Resolver, what: str) -> list[UUID]:
        text = self.values.get(column)
        if not text:
            return []
        found: list[UUID] = []
        unknown: list[str] = []
        for ref in split_list(text):
            uid = resolve(ref)
            if uid is None:
                unknown.append(f"'{ref}'")
            else:
                found.append(uid)
        if unknown:
            self.error(column, f"no {what} with id {', '.join(unknown)} (import {what}s first)")
        return found

    def full_date(self, column: str) -> date | None:
        text = self.values.get(column)
        if not text:
            return None
        try:
            return parse_full_date(text)
        except ValueError as exc:
            self.error(column, str(exc))
            return None

    def put(self, data: dict[str, Any], key: str, column: str) -> None:
        """Copy a non-empty cell to the model input."""
        text = self.values.get(column)
        if text:
            data[key] = text

    def put_list(self, data: dict[str, Any], key: str, column: str) -> None:
        text = self.values.get(column)
        if text:
            items = split_list(text)
            if items:
                data[key] = items


# --- validation errors back to columns ------------------------------------------------------

_PREFIXED = re.compile(r"^([a-z_]+):? (.*)$", re.DOTALL)


def _collect(
    row: _Row,
    exc: ValidationError,
    columns: dict[str, str],
    default: str,
    column_of_loc: Callable[[tuple[Any, ...]], str | None] | None = None,
) -> None:
    """Add the model's errors to the row, named by column; columns already reported win."""
    reported = set(row.bad)
    seen = {(e.field, e.message) for e in row.errors}
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        message = _message(err)
        column = column_of_loc(loc) if column_of_loc else None
        if column is None and loc:
            column = columns.get(str(loc[0]))
        if column is None:
            # A model-level rule; its message starts with the field it is about, if any.
            match = _PREFIXED.match(message)
            if match and match.group(1) in columns:
                column, message = columns[match.group(1)], match.group(2)
            else:
                column = default
        if column in reported or (column, message) in seen:
            continue
        seen.add((column, message))
        row.error(column, message)


def _message(err: Any) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind in ("value_error", "string_pattern_mismatch", "string_unicode"):
        return error_message(err)
    if kind == "missing":
        return "missing"
    text = isinstance(err.get("input"), str)
    if kind == "string_too_long" or (kind == "too_long" and text):
        return f"is longer than {ctx.get('max_length')} characters"
    if kind == "string_too_short" or (kind == "too_short" and text):
        return "is empty"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} values"
    if kind == "too_long":
        return f"takes at most {ctx.get('max_length')} values"
    return error_message(err)


def _provenance(row: _Row) -> ProvenanceIn:
    values = row.values
    data: dict[str, Any] = {}
    for column, table in (
        ("reliability", _RELIABILITY),
        ("assessment", _ASSESSMENT),
        ("handling_code", _HANDLING),
    ):
        member = row.enum(column, table)
        if member is not None:
            data[column] = member
    review = row.full_date("review_date")
    if review is not None and review <= date.today():
        row.error("review_date", f"'{review.isoformat()}' is not in the future")
    elif review is not None:
        data["review_date"] = review
    if values.get("handling_text"):
        data["handling_text"] = values["handling_text"]
    if values.get("source"):
        data["source"] = values["source"]
    try:
        return ProvenanceIn.model_validate(data)
    except ValidationError as exc:
        _collect(row, exc, _PROVENANCE_FIELDS, "handling_code")
        return ProvenanceIn()


_PROVENANCE_FIELDS = {name: name for name in PROVENANCE_COLUMNS}


def _external_id(row: _Row) -> str:
    ref = row.values.get("id", "")
    if not ref:
        row.error("id", "missing")
    elif len(ref) > MAX_ID_LENGTH:
        row.error("id", f"is longer than {MAX_ID_LENGTH} characters")
    elif _CONTROL.search(ref):
        row.error("id", "contains a control character")
    return ref


def _unknown_columns(row: _Row, known: frozenset[str]) -> None:
    if not row.values.keys() <= known:
        for column in row.values:
            if column not in known:
                row.error(column, "unknown column")


# --- persons (the hot path of a large import: keep it lean) ----------------------------------

_PERSON_FIELDS = {
    "gender": "gender",
    "birth_date": "date_of_birth",
    "birth_place": "place_of_birth",
    "birth_country": "birth_country",
    "nationalities": "nationality",
    "distinguishing_marks": "distinguishing_marks",
    "role": "role",
    "categories": "category",
    "document_numbers": "document_number",
    "phones": "phone",
    "emails": "email",
    "addresses": "address",
    "notes": "notes",
    "names": "full_name",
}
_NAME_PARTS = {
    "full": "full_name",
    "given": "first_name",
    "middle": "middle_name",
    "family": "last_name",
}
_PERSON_LISTS = (
    ("nationalities", "nationality"),
    ("document_numbers", "document_number"),
    ("phones", "phone"),
    ("emails", "email"),
    ("addresses", "address"),
    ("distinguishing_marks", "distinguishing_marks"),
)
_PERSON_TEXTS = (
    ("birth_date", "date_of_birth"),
    ("birth_place", "place_of_birth"),
    ("birth_country", "birth_country"),
    ("notes", "notes"),
)


def _person_loc(loc: tuple[Any, ...]) -> str | None:
    if loc and loc[0] == "names":
        if len(loc) > 1 and loc[1] != 0:
            return "aliases"
        return _NAME_PARTS.get(str(loc[2]), "full_name") if len(loc) > 2 else "full_name"
    return None


def _person(row: _Row, context: dict[str, Any]) -> model.Facts | None:
    values = row.values
    name: dict[str, str] = {}
    for column, key in (
        ("full_name", "full"),
        ("first_name", "given"),
        ("middle_name", "middle"),
        ("last_name", "family"),
    ):
        text = values.get(column)
        if text:
            name[key] = text
    if not (name.get("full") or name.get("given") or name.get("family")):
        row.error("full_name", "a name is required (full_name, or first_name/last_name)")
    names: list[dict[str, Any]] = [name]
    aliases = values.get("aliases")
    if aliases:
        names += [{"full": a, "kind": codes.NameKind.ALIAS} for a in split_list(aliases)]
    data: dict[str, Any] = {"names": names}
    for key, column in _PERSON_TEXTS:
        text = values.get(column)
        if text:
            data[key] = text
    for key, column in _PERSON_LISTS:
        text = values.get(column)
        if text:
            data[key] = split_list(text)
    gender = row.enum("gender", _GENDER)
    if gender is not None:
        data["gender"] = gender
    role = row.enum("role", _ROLE)
    if role is not None:
        data["role"] = role
    if values.get("category"):
        data["categories"] = row.enums("category", _CATEGORY)
    if row.bad:
        _drop(data, row.bad, _PERSON_FIELDS)
    try:
        return model.Person.model_validate(data, context=context)
    except ValidationError as exc:
        _collect(row, exc, _PERSON_FIELDS, "full_name", _person_loc)
        return None


def _drop(data: dict[str, Any], bad: set[str], fields: dict[str, str]) -> None:
    """Leave out of the model input what was already reported, so it is not reported twice."""
    for key, column in fields.items():
        if column in bad and key in data and key != "names":
            del data[key]


# --- organizations and documents --------------------------------------------------------------

_ORGANIZATION_FIELDS = {
    "names": "name",
    "organization_kind": "kind",
    "country": "country",
    "registration_number": "registration_number",
    "categories": "category",
    "phones": "phone",
    "emails": "email",
    "addresses": "address",
    "notes": "notes",
}


def _organization(row: _Row, context: dict[str, Any]) -> model.Facts | None:
    data: dict[str, Any] = {}
    row.put_list(data, "names", "name")
    if "names" not in data:
        row.error("name", "missing")
    kind = row.enum("kind", _ORG_KIND)
    if kind is not None:
        data["organization_kind"] = kind
    row.put(data, "country", "country")
    row.put(data, "registration_number", "registration_number")
    row.put(data, "notes", "notes")
    for key, column in (("phones", "phone"), ("emails", "email"), ("addresses", "address")):
        row.put_list(data, key, column)
    if row.values.get("category"):
        data["categories"] = row.enums("category", _CATEGORY)
    _drop(data, row.bad, _ORGANIZATION_FIELDS)
    try:
        return model.Organization.model_validate(data, context=context)
    except ValidationError as exc:
        _collect(row, exc, _ORGANIZATION_FIELDS, "name")
        return None


_DOCUMENT_FIELDS = {
    "document_kind": "kind",
    "issuing_country": "issuing_country",
    "number": "number",
    "holder_family_name": "holder_family_name",
    "holder_given_names": "holder_given_names",
    "holder_birth_date": "holder_birth_date",
    "holder_nationality": "holder_nationality",
    "holder_gender": "holder_gender",
    "issue_date": "issue_date",
    "expiry_date": "expiry_date",
    "status": "status",
    "notes": "notes",
}


def _document(row: _Row, context: dict[str, Any]) -> model.Facts | None:
    data: dict[str, Any] = {}
    for key, table in (
        ("document_kind", _DOC_KIND),
        ("holder_gender", _GENDER),
        ("status", _DOC_STATUS),
    ):
        member = row.enum(_DOCUMENT_FIELDS[key], table)
        if member is not None:
            data[key] = member
    for key in (
        "issuing_country",
        "number",
        "holder_family_name",
        "holder_given_names",
        "holder_birth_date",
        "holder_nationality",
        "notes",
    ):
        row.put(data, key, key)
    for key in ("issue_date", "expiry_date"):
        day = row.full_date(key)
        if day is not None:
            data[key] = day
    _drop(data, row.bad, _DOCUMENT_FIELDS)
    try:
        return model.Document.model_validate(data, context=context)
    except ValidationError as exc:
        _collect(row, exc, _DOCUMENT_FIELDS, "number")
        return None


# --- events -------------------------------------------------------------------------------------

_MARRIAGE_FIELDS = {
    "spouses": "spouse_ids",
    "date": "date",
    "place": "place",
    "country": "country",
    "officiant": "officiant",
    "registrar": "registrar",
    "witnesses": "witness_ids",
    "intermediary": "intermediary_id",
    "status": "status",
    "notes": "description",
}
_CROSSING_FIELDS = {
    "person": "person_id",
    "date": "date",
    "crossing_point": "crossing_point",
    "country": "country",
    "direction": "direction",
    "outcome": "outcome",
    "document_number": "document_number",
    "notes": "description",
}
_INCIDENT_FIELDS = {
    "victims": "victim_ids",
    "suspects": "suspect_ids",
    "organizations": "organization_ids",
    "place": "place",
    "country": "country",
    "start": "start",
    "end": "end",
    "forms": "forms",
    "categories": "category",
    "description": "description",
}


def _event(
    row: _Row, context: dict[str, Any], resolve: Resolver, resolve_org: Resolver
) -> model.Facts | None:
    values = row.values
    kind = (values.get("type") or "").lower()
    if not kind:
        row.error("type", "missing (marriage, crossing or incident)")
        return None
    if kind not in EVENT_TYPE_COLUMNS:
        row.error("type", f"'{values['type']}' is not one of: {', '.join(EVENT_TYPES)}")
        return None
    allowed = EVENT_TYPE_COLUMNS[kind]
    for column in _EVENT_ONLY - allowed:
        if values.get(column):
            row.error(column, f"is not used for a {kind}")
    data: dict[str, Any] = {}
    facts_type: type[model.Facts]
    if kind == "marriage":
        facts_type, fields = model.Marriage, _MARRIAGE_FIELDS
        if len(split_list(values.get("spouse_ids", ""))) != 2:
            row.error("spouse_ids", "a marriage needs the ids of two persons, separated by ';'")
        else:
            data["spouses"] = row.ids("spouse_ids", resolve, "person")
        if values.get("witness_ids"):
            data["witnesses"] = row.ids("witness_ids", resolve, "person")
        if values.get("intermediary_id"):
            found = row.ids("intermediary_id", resolve_org, "organization")
            if len(found) > 1:
                row.error("intermediary_id", "only one organization")
            elif found:
                data["intermediary"] = found[0]
        status = row.enum("status", _MARRIAGE_STATUS)
        if status is not None:
            data["status"] = status
        for key in ("date", "place", "country", "officiant", "registrar"):
            row.put(data, key, key)
        row.put(data, "notes", "description")
    elif kind == "crossing":
        facts_type, fields = model.BorderCrossing, _CROSSING_FIELDS
        if values.get("person_id"):
            found = row.ids("person_id", resolve, "person")
            if len(found) > 1:
                row.error("person_id", "only one person")
            elif found:
                data["person"] = found[0]
        else:
            row.error("person_id", "missing")
        for key, table in (("direction", _DIRECTION), ("outcome", _OUTCOME)):
            member = row.enum(key, table)
            if member is not None:
                data[key] = member
        for key in ("date", "country", "crossing_point", "document_number"):
            row.put(data, key, key)
        row.put(data, "notes", "description")
    else:
        facts_type, fields = model.ExploitationIncident, _INCIDENT_FIELDS
        for key, column in (("victims", "victim_ids"), ("suspects", "suspect_ids")):
            if values.get(column):
                data[key] = row.ids(column, resolve, "person")
        if values.get("organization_ids"):
            data["organizations"] = row.ids("organization_ids", resolve_org, "organization")
        if values.get("forms"):
            data["forms"] = row.enums("forms", _FORM)
        if values.get("category"):
            data["categories"] = row.enums("category", _CATEGORY)
        for key in ("place", "country", "start", "end", "description"):
            row.put(data, key, key)
    _drop(data, row.bad, fields)
    # Model-level complaints go to the main column; one already reported keeps them quiet.
    default = {"marriage": "spouse_ids", "crossing": "person_id"}.get(kind, "victim_ids")
    if kind == "incident" and "suspect_ids" in row.bad:
        default = "suspect_ids"
    try:
        return facts_type.model_validate(data, context=context)
    except ValidationError as exc:
        _collect(row, exc, fields, default)
        return None


# --- the entry point ---------------------------------------------------------------------------


def map_row(
    kind: str,
    row: SourceRow,
    *,
    resolve: Resolver,
    phone_region: str | None,
    resolve_organization: Resolver | None = None,
) -> MappedRow:
    """Facts and provenance of one row of a ``kind`` file, or ``RowErrors`` naming every bad field.

    ``resolve`` turns the file's ids of persons (and, unless ``resolve_organization`` is
    given, of organizations) into record ids; ``phone_region`` reads numbers without ``+``.
    """
    kind = kind_name(kind)
    cells = _Row(row.values)
    _unknown_columns(cells, _KNOWN[kind])
    external_id = _external_id(cells)
    context = {"phone_region": phone_region}
    holder: str | None = None
    facts: model.Facts | None
    if kind == "persons":
        facts = _person(cells, context)
    elif kind == "organizations":
        facts = _organization(cells, context)
    elif kind == "documents":
        facts = _document(cells, context)
        holder = row.values.get("holder_id") or None
        if holder is not None and resolve(holder) is None:
            cells.error("holder_id", f"no person with id '{holder}' (import persons first)")
    else:
        facts = _event(cells, context, resolve, resolve_organization or resolve)
    provenance = _provenance(cells)
    if cells.errors or facts is None:
        order = {column: i for i, column in enumerate(row.values)}
        errors = sorted(cells.errors, key=lambda e: order.get(e.field, len(order)))
        raise RowErrors(row.line, errors or [FieldError("id", "cannot be read")])
    return MappedRow(external_id, facts, provenance, holder)
