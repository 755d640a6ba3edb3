"""Streaming writers for bulk export: JSON Lines (every field) and CSV (the import's columns).

Why the import's columns: an exported CSV can be corrected in a spreadsheet and imported
again. What the columns cannot hold is left out of CSV (photos; name kinds other than the
first name and aliases); JSON Lines keeps everything.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO
from uuid import UUID

from interlink.domain import model
from interlink.domain.provenance import Provenance
from interlink.transfer.readers import escape_item, formula_risk
from interlink.transfer.rows import COLUMNS, kind_name

Record = tuple[UUID, str | None, model.Facts, Provenance]
"""(record id, external ref or None, facts, provenance): one record to export."""

RefOf = Callable[[UUID], str | None]


def _join(items: Iterable[object]) -> str:
    return ";".join(escape_item(str(getattr(i, "value", i))) for i in items)


def _text(value: object) -> str:
    if value is None:
        return ""
    return str(getattr(value, "value", value)) if not isinstance(value, str) else value


def provenance_columns(provenance: Provenance) -> dict[str, str]:
    return {
        "reliability": provenance.reliability.value,
        "assessment": provenance.assessment.value,
        "handling_code": provenance.handling_code.value,
        "handling_text": provenance.handling_text or "",
        "review_date": provenance.review_date.isoformat() if provenance.review_date else "",
        "source": provenance.source or "",
    }


def to_columns(
    kind: str,
    record: Record,
    *,
    ref: RefOf | None = None,
    holder_ref: str | None = None,
) -> dict[str, str]:
    """The import columns of one record; ``ref`` names referenced records by their file id.

    Without ``ref`` a reference is written as the record id (a UUID), which an import can
    resolve only if it looks record ids up as well as file ids.
    """
    kind = kind_name(kind)
    record_id, external_ref, facts, provenance = record

    def name(uid: UUID | None) -> str:
        if uid is None:
            return ""
        found = ref(uid) if ref else None
        return found or str(uid)

    def names(uids: Iterable[UUID]) -> str:
        return ";".join(escape_item(name(u)) for u in uids)

    out: dict[str, str] = {"id": external_ref or str(record_id)}
    if kind == "persons" and isinstance(facts, model.Person):
        first = facts.names[0]
        out.update(
            full_name=_text(first.full),
            first_name=_text(first.given),
            middle_name=_text(first.middle),
            last_name=_text(first.family),
            aliases=_join(n.full or "" for n in facts.names[1:]),
            gender=facts.gender.value,
            date_of_birth=_text(facts.birth_date),
            place_of_birth=_text(facts.birth_place),
            birth_country=_text(facts.birth_country),
            nationality=_join(facts.nationalities),
            document_number=_join(facts.document_numbers),
            phone=_join(facts.phones),
            email=_join(facts.emails),
            address=_join(facts.addresses),
            distinguishing_marks=_join(facts.distinguishing_marks),
            role=facts.role.value,
            category=_join(facts.categories),
            notes=_text(facts.notes),
        )
    elif kind == "organizations" and isinstance(facts, model.Organization):
        out.update(
            name=_join(facts.names),
            kind=facts.organization_kind.value,
            country=_text(facts.country),
            registration_number=_text(facts.registration_number),
            phone=_join(facts.phones),
            email=_join(facts.emails),
            address=_join(facts.addresses),
            category=_join(facts.categories),
            notes=_text(facts.notes),
        )
    elif kind == "documents" and isinstance(facts, model.Document):
        out.update(
            kind=facts.document_kind.value,
            issuing_country=facts.issuing_country,
            number=facts.number,
            holder_family_name=_text(facts.holder_family_name),
            holder_given_names=_text(facts.holder_given_names),
            holder_birth_date=_text(facts.holder_birth_date),
            holder_nationality=_text(facts.holder_nationality),
            holder_gender=_text(facts.holder_gender),
            issue_date=facts.issue_date.isoformat() if facts.issue_date else "",
            expiry_date=facts.expiry_date.isoformat() if facts.expiry_date else "",
            status=facts.status.value,
            holder_id=holder_ref or "",
            notes=_text(facts.notes),
        )
    elif kind == "events" and isinstance(facts, model.Marriage):
        out.update(
            type="marriage",
            date=_text(facts.date),
            place=_text(facts.place),
            country=_text(facts.country),
            status=facts.status.value,
            spouse_ids=names(facts.spouses),
            witness_ids=names(facts.witnesses),
            intermediary_id=name(facts.intermediary),
            officiant=_text(facts.officiant),
            registrar=_text(facts.registrar),
            description=_text(facts.notes),
        )
    elif kind == "events" and isinstance(facts, model.BorderCrossing):
        out.update(
            type="crossing",
            date=facts.date,
            country=facts.country,
            person_id=name(facts.person),
            crossing_point=_text(facts.crossing_point),
            direction=facts.direction.value,
            outcome=facts.outcome.value,
            document_number=_text(facts.document_number),
            description=_text(facts.notes),
        )
    elif kind == "events" and isinstance(facts, model.ExploitationIncident):
        out.update(
            type="incident",
            place=_text(facts.place),
            country=_text(facts.country),
            victim_ids=names(facts.victims),
            suspect_ids=names(facts.suspects),
            organization_ids=names(facts.organizations),
            start=_text(facts.start),
            end=_text(facts.end),
            forms=_join(facts.forms),
            category=_join(facts.categories),
            description=_text(facts.description),
        )
    else:
        raise ValueError(f"a {type(facts).__name__} does not go in a {kind} file")
    out.update(provenance_columns(provenance))
    return out


def spreadsheet_safe(cell: str) -> str:
    """Defuse a cell a spreadsheet would run as a formula (``=cmd|…``, ``@SUM(…)``) with the
    usual leading apostrophe; the import takes it off again (``unescape_formula``)."""
    return "'" + cell if formula_risk(cell) else cell


class CsvWriter:
    """Writes the header at once, then one row per record; the stream should use newline=''.

    ``bom`` starts the file with a byte-order mark so Excel reads it as UTF-8 (the import
    ignores it).
    """

    def __init__(
        self,
        stream: TextIO,
        kind: str,
        *,
        ref: RefOf | None = None,
        holder_ref: RefOf | None = None,
        bom: bool = True,
    ):
        self.kind = kind_name(kind)
        self.columns = list(COLUMNS[self.kind])
        self.ref = ref
        self.holder_ref = holder_ref
        self.count = 0
        if bom:
            stream.write("\ufeff")
        self._writer = csv.writer(stream)
        self._writer.writerow(self.columns)

    def write(self, record: Record) -> None:
        holder = self.holder_ref(record[0]) if self.holder_ref else None
        self.write_values(to_columns(self.kind, record, ref=self.ref, holder_ref=holder))

    def write_values(self, values: dict[str, str]) -> None:
        """One row from column values; columns not given are left empty."""
        self._writer.writerow([spreadsheet_safe(values.get(c, "")) for c in self.columns])
        self.count += 1

    def write_all(self, records: Iterable[Record]) -> int:
        for record in records:
            self.write(record)
        return self.count


def to_json(record: Record) -> dict[str, Any]:
    """One record as the JSON object of a JSON Lines export."""
    record_id, external_ref, facts, provenance = record
    return {
        "id": str(record_id),
        "kind": type(facts).kind,  # type: ignore[attr-defined]
        "external_ref": external_ref,
        "provenance": provenance.model_dump(mode="json"),
        "facts": facts.model_dump(mode="json"),
    }


class JsonlWriter:
    """One JSON object per line, UTF-8 text as is (names stay in their script)."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.count = 0

    def write(self, record: Record) -> None:
        self.stream.write(json.dumps(to_json(record), ensure_ascii=False) + "\n")
        self.count += 1

    def write_all(self, records: Iterable[Record]) -> int:
        for record in records:
            self.write(record)
        return self.count
