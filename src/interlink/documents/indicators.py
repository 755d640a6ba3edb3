"""Reuse and fraud indicators of a travel document: explained alerts for human review.

An indicator says why a document deserves a second look — the same number with another
holder, overlapping documents of one issuer, an MRZ that does not check out or disagrees
with the printed page, a register hit, an expired document used at a crossing — and which
records show it. It is never a decision. Explanations name record ids, fields and dates,
never names or document numbers, and an indicator only ever points at records its reader
may read: every query is filtered by the access policy.

``attach_mrz`` makes a document record from an MRZ and links it to its holder; the MRZ is
kept in the record's notes (the record has no field of its own for it) so that its checks
and its agreement with the page can be computed again later.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection

from interlink import records
from interlink.access import audit
from interlink.access.policy import RecordMeta, has_capability, permits
from interlink.access.roles import Action, Actor, Capability
from interlink.documents import register
from interlink.documents.consistency import Discrepancy, compare_document, compare_person
from interlink.documents.mrz import MRZ_CHARACTERS, Mrz, MrzFormatError, parse
from interlink.domain import model, registry
from interlink.domain.codes import DocumentKind, DocumentStatus, Gender, LinkKind, LinkRole
from interlink.domain.provenance import ProvenanceIn
from interlink.domain.values import partial_date_bounds
from interlink.identity.normalize import normalize_identifier
from interlink.node import Node
from interlink.records.errors import Forbidden, Invalid, RecordError
from interlink.records.service import access_clauses, validation_invalid
from interlink.store import documents as store
from interlink.store import records as record_store
from interlink.store.db import transaction


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@dataclass(frozen=True)
class Indicator:
    """One reason to review a document, with the records that show it (ids only)."""

    code: str
    severity: Severity
    explanation: str
    record_ids: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "explanation": self.explanation,
            "record_ids": list(self.record_ids),
        }


SHARED_NUMBER = "shared_document_number"
OVERLAPPING = "overlapping_documents"
MRZ_CHECKS = "mrz_checks_failed"
MRZ_PAGE = "mrz_page_mismatch"
REGISTER_HIT = "register_hit"
EXPIRED_AT_CROSSING = "expired_at_crossing"

MRZ_NOTE = "MRZ as read:"
_HOLDING_ROLES = frozenset({LinkRole.HOLDER, LinkRole.USER})


# -- the MRZ kept with a document --------------------------------------------------------


def mrz_note(lines: Sequence[str]) -> str:
    return "\n".join([MRZ_NOTE, *lines])


def mrz_from_notes(notes: str | None) -> tuple[str, ...] | None:
    """The MRZ lines ``attach_mrz`` kept in a document's notes, if they are there."""
    if not notes or MRZ_NOTE not in notes:
        return None
    after = notes.split(MRZ_NOTE, 1)[1].splitlines()
    lines = tuple(
        t.strip()
        for t in after
        if t.strip() and len(t.strip()) in (30, 36, 44) and set(t.strip()) <= MRZ_CHARACTERS
    )
    return lines if len(lines) in (2, 3) else None


# -- indicators that need only the MRZ and the page --------------------------------------


def failed_checks(mrz: Mrz, document_id: str | None = None) -> Indicator | None:
    """(c) The MRZ fails its check digits — of a stored document, or of one being checked."""
    if mrz.valid:
        return None
    hint = (
        f"; {len(mrz.suggestions)} OCR correction(s) would make them pass — "
        "re-read the zone before suspecting the document"
        if mrz.suggestions
        else ""
    )
    subject = f"The MRZ of document {document_id}" if document_id else "The MRZ"
    return Indicator(
        MRZ_CHECKS,
        Severity.MEDIUM,
        f"{subject} fails its checks: {', '.join(mrz.failed)}{hint}.",
        (document_id,) if document_id else (),
    )


def page_disagrees(fields: Sequence[str], document_id: str | None = None) -> Indicator | None:
    """(d) The MRZ and the printed page disagree on these fields."""
    if not fields:
        return None
    of = f" of document {document_id}" if document_id else ""
    return Indicator(
        MRZ_PAGE,
        Severity.MEDIUM,
        f"The MRZ and the printed page{of} disagree on: {', '.join(fields)}.",
        (document_id,) if document_id else (),
    )


def register_hit(
    answer: register.RegisterCheck, document_id: str | None = None
) -> Indicator | None:
    """(e) The document is in the register of lost, stolen, revoked and forged documents."""
    if not answer.hit:
        return None
    reported = answer.reported_date.isoformat() if answer.reported_date else "an unknown date"
    subject = f"Document {document_id}" if document_id else "The document"
    return Indicator(
        REGISTER_HIT,
        Severity.HIGH,
        f"{subject} is registered as {answer.status} "
        f"(reported {reported} by {answer.reporting_agency}).",
        (document_id,) if document_id else (),
    )


def mrz_indicators(document_id: str, mrz: Mrz, page: model.Document | None) -> list[Indicator]:
    """(c) failed MRZ checks and (d) disagreements between the MRZ and the printed page."""
    fields = [d.field for d in compare_document(mrz, page)] if page is not None else []
    found = (failed_checks(mrz, document_id), page_disagrees(fields, document_id))
    return [i for i in found if i is not None]


# -- indicators from the database --------------------------------------------------------


@dataclass
class _Context:
    conn: Connection
    visible: Any
    doc_id: str
    doc: model.Document
    number: str
    holders: dict[str, set[str]] = field(default_factory=dict)  # person → documents


def _holding_links(
    conn: Connection, visible: Any, ends: Sequence[str], end_field: str
) -> list[model.Link]:
    ids = store.ids_referring(conn, ends, end_field, "link", visible)
    found = []
    for rec in record_store.get_many(conn, ids):
        link = rec.facts
        if (
            isinstance(link, model.Link)
            and link.link_kind == LinkKind.PERSON_DOCUMENT
            and link.role in _HOLDING_ROLES
        ):
            found.append(link)
    return found


def _holders(ctx: _Context, doc_ids: Sequence[str]) -> dict[str, set[str]]:
    """Visible persons linked as holder or user to these documents, with which ones."""
    held: dict[str, set[str]] = {}
    for link in _holding_links(ctx.conn, ctx.visible, doc_ids, "target"):
        held.setdefault(str(link.source), set()).add(str(link.target))
    seen = store.visible_ids(ctx.conn, sorted(held), ctx.visible)
    return {p: d for p, d in held.items() if p in seen}


def _shared_number(ctx: _Context) -> list[Indicator]:
    """(a) The same number of the same issuer held by more than one person."""
    same: list[str] = []
    candidates = store.ids_with_document_number(ctx.conn, ctx.number, ["document"], ctx.visible)
    for rec in record_store.get_many(ctx.conn, candidates):
        if isinstance(rec.facts, model.Document) and (
            rec.facts.issuing_country == ctx.doc.issuing_country
        ):
            same.append(rec.id)
    if ctx.doc_id not in same:
        same.append(ctx.doc_id)
    linked = _holders(ctx, same)
    reporting = store.ids_with_document_number(ctx.conn, ctx.number, ["person"], ctx.visible)
    persons = sorted(set(linked) | set(reporting))
    if len(persons) < 2:
        return []
    parts = []
    if linked:
        docs = sorted({d for held in linked.values() for d in held})
        parts.append(
            f"person(s) {', '.join(sorted(linked))} are linked as holder or user to "
            f"document(s) {', '.join(docs)} with this number and issuer"
        )
    only_reported = [p for p in reporting if p not in linked]
    if only_reported:
        parts.append(
            f"person(s) {', '.join(only_reported)} report this number among their documents "
            "(issuer not stated on the person record)"
        )
    explanation = (
        f"The number of document {ctx.doc_id} (issuer {ctx.doc.issuing_country}) is held by "
        f"{len(persons)} different persons: {'; '.join(parts)}."
    )
    ids = sorted({ctx.doc_id, *same, *persons})
    return [Indicator(SHARED_NUMBER, Severity.HIGH, explanation, tuple(ids))]


def _period(doc: model.Document) -> tuple[date | None, date | None]:
    return doc.issue_date, doc.expiry_date


def _overlapping(ctx: _Context) -> list[Indicator]:
    """(b) A holder of this document has another of the same issuer valid at the same time."""
    start, end = _period(ctx.doc)
    if end is None:
        return []
    found: list[Indicator] = []
    for person in sorted(h for h, docs in ctx.holders.items() if ctx.doc_id in docs):
        links = _holding_links(ctx.conn, ctx.visible, [person], "source")
        others = sorted({str(link.target) for link in links} - {ctx.doc_id})
        seen = store.visible_ids(ctx.conn, others, ctx.visible)
        overlapping: list[str] = []
        proven = True
        for rec in record_store.get_many(ctx.conn, [o for o in others if o in seen]):
            other = rec.facts
            if not isinstance(other, model.Document):
                continue
            if other.issuing_country != ctx.doc.issuing_country:
                continue
            if normalize_identifier("document", other.number) == ctx.number:
                continue  # the same document recorded twice: not a second document
            o_start, o_end = _period(other)
            if o_end is None:
                continue
            if (o_start is None or o_start <= end) and (start is None or start <= o_end):
                overlapping.append(rec.id)
                proven = proven and o_start is not None and start is not None
        if overlapping:
            hedge = (
                ""
                if proven
                else " (an issue date is not recorded: the periods may overlap; check them)"
            )
            found.append(
                Indicator(
                    OVERLAPPING,
                    Severity.MEDIUM if proven else Severity.LOW,
                    f"Person {person} holds document {ctx.doc_id} and document(s) "
                    f"{', '.join(overlapping)} of the same issuer "
                    f"({ctx.doc.issuing_country}) whose validity periods overlap{hedge}.",
                    (ctx.doc_id, person, *overlapping),
                )
            )
    return found


def _expired_at_crossing(ctx: _Context) -> list[Indicator]:
    """(f) A crossing, with this document, dated after the document expired."""
    expiry = ctx.doc.expiry_date
    if expiry is None:
        return []
    by_reference = store.ids_referring(ctx.conn, [ctx.doc_id], "document", "crossing", ctx.visible)
    by_number = store.ids_with_document_number(ctx.conn, ctx.number, ["crossing"], ctx.visible)
    holders = {p for p, docs in ctx.holders.items() if ctx.doc_id in docs}
    found: list[Indicator] = []
    for rec in record_store.get_many(ctx.conn, sorted(set(by_reference) | set(by_number))):
        crossing = rec.facts
        if not isinstance(crossing, model.BorderCrossing):
            continue
        if rec.id not in by_reference and (
            crossing.document is not None or str(crossing.person) not in holders
        ):
            continue  # the number alone, used by someone not known to hold this document
        first_day, _ = partial_date_bounds(crossing.date)
        if first_day <= expiry:
            continue
        days = (first_day - expiry).days
        found.append(
            Indicator(
                EXPIRED_AT_CROSSING,
                Severity.MEDIUM,
                f"Border crossing {rec.id} ({crossing.direction.value}, dated {crossing.date}) "
                f"used document {ctx.doc_id}, which expired on {expiry.isoformat()} — "
                f"at least {days} day(s) earlier.",
                (ctx.doc_id, rec.id, str(crossing.person)),
            )
        )
    return found


def _register_hit(node: Node, actor: Actor, doc_id: str, doc: model.Document) -> list[Indicator]:
    """(e) The document is in the register of lost, stolen, revoked and forged documents."""
    if not has_capability(actor, Capability.REGISTER_CHECK):
        return []  # the register is not this reader's to consult
    try:
        answer = register.check(node, actor, doc.issuing_country, doc.number)
    except RecordError:
        return []
    hit = register_hit(answer, doc_id)
    return [hit] if hit is not None else []


def _only_visible(
    conn: Connection, visible: Any, found: list[Indicator], doc_id: str
) -> list[Indicator]:
    """Drop from each indicator any id its reader may not read (a safety net)."""
    ids = sorted({i for ind in found for i in ind.record_ids})
    seen = store.visible_ids(conn, ids, visible) | {doc_id}
    return [
        Indicator(
            ind.code,
            ind.severity,
            ind.explanation,
            tuple(dict.fromkeys(i for i in ind.record_ids if i in seen)),
        )
        for ind in found
    ]


def for_document(
    node: Node,
    actor: Actor,
    document_id: str,
    *,
    mrz: Mrz | None = None,
    purpose: str | None = None,
) -> list[Indicator]:
    """Every indicator of a document the actor may read (NotFound otherwise); audited.

    ``mrz``: the zone just read from the document; without it, the one kept in its notes.
    """
    rec = records.read(node, actor, document_id, kind="document", purpose=purpose)
    doc = rec.facts
    assert isinstance(doc, model.Document)
    if mrz is None:
        kept = mrz_from_notes(doc.notes)
        if kept is not None:
            try:
                mrz = parse(kept)
            except MrzFormatError:  # pragma: no cover - mrz_from_notes keeps well-formed lines
                mrz = None
    found: list[Indicator] = []
    if mrz is not None:
        found += mrz_indicators(rec.id, mrz, doc)
    found += _register_hit(node, actor, rec.id, doc)
    visible = record_store.visibility(access_clauses(actor, Action.READ))
    number = normalize_identifier("document", doc.number)
    with transaction(node.engine) as conn:
        ctx = _Context(conn, visible, rec.id, doc, number)
        if number:
            found += _shared_number(ctx)
        ctx.holders = _holders(ctx, [rec.id])
        found += _overlapping(ctx)
        found += _expired_at_crossing(ctx)
        found = _only_visible(conn, visible, found, rec.id)
        audit.write(
            conn,
            node.audit_key,
            actor,
            "document_indicators",
            record_kind="document",
            record_id=rec.id,
            purpose=purpose,
            details={
                "indicators": [i.code for i in found],
                "records": sorted({r for i in found for r in i.record_ids}),
            },
        )
    return found


# -- attaching an MRZ to a person --------------------------------------------------------

_KIND_FOR_CODE = {
    "P": DocumentKind.PASSPORT,
    "V": DocumentKind.VISA,
    "I": DocumentKind.IDENTITY_CARD,
    "A": DocumentKind.IDENTITY_CARD,
    "C": DocumentKind.IDENTITY_CARD,
}
_GENDER = {"M": Gender.MALE, "F": Gender.FEMALE, "X": Gender.OTHER}


def document_from_mrz(mrz: Mrz, status: DocumentStatus | None = None) -> model.Document:
    """The document record an MRZ describes; Invalid naming the field it cannot give."""
    issuer = mrz.issuing_country
    if issuer is None:
        raise Invalid(
            f"lines: the issuing state '{mrz.issuing_state}' is not a country; a document "
            "record needs the issuing country",
            field="lines",
        )
    data: dict[str, Any] = {
        "document_kind": _KIND_FOR_CODE.get(mrz.document_code[:1], DocumentKind.OTHER),
        "issuing_country": issuer,
        "number": mrz.document_number,
        "holder_family_name": mrz.surname or None,
        "holder_given_names": mrz.given_names or None,
        "holder_birth_date": mrz.date_of_birth,
        "holder_nationality": mrz.nationality_country,
        "holder_gender": _GENDER.get(mrz.sex or ""),
        "expiry_date": mrz.expiry_date,
        "status": status or DocumentStatus.UNKNOWN,
        "notes": mrz_note(mrz.lines),
    }
    try:
        return model.Document.model_validate(data)
    except ValidationError as exc:
        raise validation_invalid(exc, prefix="lines") from None


@dataclass(frozen=True)
class Attached:
    document: record_store.StoredRecord
    link_id: str
    mrz: Mrz
    discrepancies: list[Discrepancy]
    indicators: list[Indicator]


def _may_create(actor: Actor, facts: model.Facts, prov: ProvenanceIn) -> None:
    if actor.unit is None:
        raise Forbidden("your account has no unit")
    meta = RecordMeta(actor.unit, prov.handling_code, registry.subject_category(facts))
    if not permits(actor, Action.CREATE, meta):
        raise Forbidden(f"your role may not create this {type(facts).kind} record")  # type: ignore[attr-defined]


def attach_mrz(
    node: Node,
    actor: Actor,
    person_id: str,
    lines: Sequence[str],
    provenance: ProvenanceIn,
    *,
    status: DocumentStatus | None = None,
) -> Attached:
    """Read an MRZ, create its document, link it to the person as holder.

    Raises Invalid (naming why) when the lines are not an MRZ, NotFound when the person is
    not the actor's to read. The MRZ's checks may fail: the document is still recorded,
    with the failure among its indicators.
    """
    person = records.read(node, actor, person_id, kind="person", purpose="attach document")
    assert isinstance(person.facts, model.Person)
    try:
        mrz = parse(list(lines))
    except MrzFormatError as exc:
        raise Invalid(f"lines: not an MRZ: {exc.message}", field="lines") from None
    facts = document_from_mrz(mrz, status)
    # The link has the document's provenance and holds no data subject either: one check
    # before anything is written, so that a refused link cannot leave a lone document.
    _may_create(actor, facts, provenance)
    document = records.create(node, actor, facts, provenance)
    link = records.create(
        node,
        actor,
        model.Link(
            link_kind=LinkKind.PERSON_DOCUMENT,
            source=person.id,
            target=document.id,
            role=LinkRole.HOLDER,
        ),
        provenance,
    )
    return Attached(
        document=document,
        link_id=link.id,
        mrz=mrz,
        discrepancies=compare_person(mrz, person.facts),
        indicators=for_document(node, actor, document.id, mrz=mrz),
    )
