"""What an officer sees of a travel document: checking an MRZ on the spot, and a document
record with its holders, its MRZ's checks and its indicators.

``check_mrz`` answers "is this MRZ well-formed, does it agree with the printed page, is the
document in the register, and is its number already known with another holder?" without
recording anything but the audit entries: the register check is the audited one of
``register`` (for roles that may consult it), and the search for the number goes only over
records the reader may see, through the access policy, and is audited with the ids it found
(never the number).

``document_report`` gathers a stored document's page: the record (an audited read), the
persons who hold it that the reader may see (each read audited), the MRZ kept in its notes
with its checks, where that MRZ disagrees with each holder, and the indicators.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from interlink import records
from interlink.access import audit
from interlink.access.policy import has_capability
from interlink.access.roles import Action, Actor, Capability
from interlink.documents import register
from interlink.documents.consistency import (
    Discrepancy,
    PrintedPage,
    compare_page,
    compare_person,
)
from interlink.documents.indicators import (
    SHARED_NUMBER,
    Indicator,
    Severity,
    _holding_links,
    failed_checks,
    for_document,
    mrz_from_notes,
    page_disagrees,
    register_hit,
)
from interlink.documents.mrz import Mrz, MrzFormatError, parse
from interlink.domain import model
from interlink.identity.normalize import normalize_identifier
from interlink.node import Node
from interlink.records.errors import Invalid, NotFound, RecordError
from interlink.records.service import access_clauses
from interlink.store import documents as store
from interlink.store import records as record_store
from interlink.store.db import transaction
from interlink.store.records import StoredRecord

# Why the register was not consulted (the page says it in words of its own).
REGISTER_NOT_PERMITTED = "not_permitted"
REGISTER_NOT_ASKED = "not_asked"  # the MRZ gives no issuer or number the register can take

_HOLDER_FIELDS = frozenset({"name", "date_of_birth"})


@dataclass(frozen=True)
class KnownHolder:
    """A person the reader may see who holds, or reports, a document with the same number."""

    person_id: str
    label: str  # the person's first name as recorded
    document_ids: tuple[str, ...]  # visible documents of the same issuer linked to them
    agrees: bool  # name and birth date agree with the MRZ: the same holder, probably


@dataclass(frozen=True)
class MrzReport:
    mrz: Mrz
    page: list[Discrepancy]  # where the MRZ and the printed page disagree
    register: register.RegisterCheck | None
    register_skipped: str | None  # REGISTER_NOT_PERMITTED, REGISTER_NOT_ASKED or None
    register_reason: str  # the service's message when not asked
    holders: list[KnownHolder]
    indicators: list[Indicator]


def _mrz(lines: str | Sequence[str], today: date | None = None) -> Mrz:
    try:
        return parse(lines if isinstance(lines, str) else list(lines), today=today)
    except MrzFormatError as exc:
        raise Invalid(f"lines: not an MRZ: {exc.message}", field="lines") from None


def _known_holders(node: Node, actor: Actor, mrz: Mrz) -> list[KnownHolder]:
    number = normalize_identifier("document", mrz.document_number)
    if not number:
        return []
    visible = record_store.visibility(access_clauses(actor, Action.READ))
    issuer = mrz.issuing_country
    with transaction(node.engine) as conn:
        docs: list[str] = []
        if issuer is not None:
            candidates = store.ids_with_document_number(conn, number, ["document"], visible)
            docs = [
                rec.id
                for rec in record_store.get_many(conn, candidates)
                if isinstance(rec.facts, model.Document) and rec.facts.issuing_country == issuer
            ]
        held: dict[str, set[str]] = {}
        for link in _holding_links(conn, visible, docs, "target"):
            held.setdefault(str(link.source), set()).add(str(link.target))
        reporting = store.ids_with_document_number(conn, number, ["person"], visible)
        persons = sorted(set(held) | set(reporting))
        seen = store.visible_ids(conn, persons, visible)
        found: list[KnownHolder] = []
        for rec in record_store.get_many(conn, [p for p in persons if p in seen]):
            person = rec.facts
            if not isinstance(person, model.Person):
                continue
            fields = {d.field for d in compare_person(mrz, person)}
            found.append(
                KnownHolder(
                    person_id=rec.id,
                    label=person.names[0].full or rec.id if person.names else rec.id,
                    document_ids=tuple(sorted(held.get(rec.id, ()))),
                    agrees=not fields & _HOLDER_FIELDS,
                )
            )
    return sorted(found, key=lambda h: (h.agrees, h.person_id))


def _indicators(
    mrz: Mrz,
    page: list[Discrepancy],
    answer: register.RegisterCheck | None,
    holders: list[KnownHolder],
) -> list[Indicator]:
    found = [
        i
        for i in (
            failed_checks(mrz),
            page_disagrees([d.field for d in page]),
            register_hit(answer) if answer is not None else None,
        )
        if i is not None
    ]
    others = [h for h in holders if not h.agrees]
    if others:
        docs = sorted({d for h in others for d in h.document_ids})
        via = f" (document(s) {', '.join(docs)})" if docs else ""
        found.append(
            Indicator(
                SHARED_NUMBER,
                Severity.HIGH,
                f"The number in this MRZ is already known with {len(others)} other "
                f"holder(s): person(s) {', '.join(h.person_id for h in others)}{via}, whose "
                "name or birth date differ from the MRZ.",
                tuple(sorted({*docs, *(h.person_id for h in others)})),
            )
        )
    return found


def check_mrz(
    node: Node,
    actor: Actor,
    lines: str | Sequence[str],
    page: PrintedPage | None = None,
    *,
    purpose: str | None = None,
    today: date | None = None,
) -> MrzReport:
    """Check an MRZ: its format and check digits (with OCR suggestions), the printed page,
    the register, and the same number known with other holders the actor may see.

    Invalid (naming why) when the text is not an MRZ, or a printed-page detail cannot be
    read. Nothing is written but the audit entries.
    """
    mrz = _mrz(lines, today)
    try:
        discrepancies = compare_page(mrz, page) if page is not None else []
    except ValueError as exc:
        raise Invalid(f"nationality: {exc}", field="nationality") from None
    answer: register.RegisterCheck | None = None
    skipped: str | None = None
    reason = ""
    if not has_capability(actor, Capability.REGISTER_CHECK):
        skipped = REGISTER_NOT_PERMITTED
    else:
        try:
            answer = register.check(node, actor, mrz.issuing_state, mrz.document_number)
        except Invalid as exc:
            skipped, reason = REGISTER_NOT_ASKED, exc.message
    holders = _known_holders(node, actor, mrz)
    found = _indicators(mrz, discrepancies, answer, holders)
    with transaction(node.engine) as conn:
        audit.write(
            conn,
            node.audit_key,
            actor,
            "mrz_check",
            record_kind="document",
            purpose=purpose,
            details={
                "valid": mrz.valid,
                "indicators": [i.code for i in found],
                "records": sorted(
                    {h.person_id for h in holders} | {d for h in holders for d in h.document_ids}
                ),
            },
        )
    return MrzReport(mrz, discrepancies, answer, skipped, reason, holders, found)


# -- a stored document -------------------------------------------------------------------


@dataclass(frozen=True)
class Holder:
    """A visible person linked to the document as holder or user."""

    person: StoredRecord
    role: str
    discrepancies: list[Discrepancy]  # the kept MRZ against the person record


@dataclass(frozen=True)
class DocumentReport:
    record: StoredRecord
    mrz: Mrz | None  # the MRZ kept in the notes, checked again
    holders: list[Holder]
    indicators: list[Indicator]


def document_report(
    node: Node, actor: Actor, document_id: str, *, purpose: str | None = None
) -> DocumentReport:
    """A document the actor may read (NotFound otherwise), its visible holders, the MRZ kept
    with it and its indicators; every read audited."""
    rec = records.read(node, actor, document_id, kind="document", purpose=purpose)
    doc = rec.facts
    assert isinstance(doc, model.Document)
    kept = mrz_from_notes(doc.notes)
    mrz: Mrz | None = None
    if kept is not None:
        try:
            mrz = parse(kept)
        except MrzFormatError:  # pragma: no cover - mrz_from_notes keeps well-formed lines
            mrz = None
    visible = record_store.visibility(access_clauses(actor, Action.READ))
    with transaction(node.engine) as conn:
        links = _holding_links(conn, visible, [rec.id], "target")
    holders: list[Holder] = []
    for link in sorted(links, key=lambda lk: str(lk.source)):
        try:
            person = records.read(node, actor, str(link.source), kind="person", purpose=purpose)
        except (NotFound, RecordError):
            continue
        assert isinstance(person.facts, model.Person)
        holders.append(
            Holder(
                person,
                link.role.value if link.role else "",
                compare_person(mrz, person.facts) if mrz is not None else [],
            )
        )
    found = for_document(node, actor, rec.id, mrz=mrz, purpose=purpose)
    return DocumentReport(rec, mrz, holders, found)
