"""Linked records of a record page: what it points to and what points to it.

A record's references (``domain.model.references``) and the records referring to it (the
``refs`` index) are shown only where the reader may read the other record (the policy,
record by record); the ids shown are written to the audit log in one entry (``linked``),
as a list's are. A ``link`` record is shown as the record at its other end, with its kind.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any
from uuid import UUID

from interlink.access import audit
from interlink.access.policy import RecordMeta, permits
from interlink.access.roles import Action, Actor
from interlink.domain import model, registry
from interlink.domain.codes import SubjectCategory
from interlink.node import Node
from interlink.records import protected
from interlink.records.service import meta_in
from interlink.store import records as store
from interlink.store.db import transaction
from interlink.web.i18n import _

# Where each kind's page is; kinds without one of their own use the generic record page.
PAGES = {"person": "/persons/", "document": "/documents/"}
EVENT_KINDS = ("marriage", "crossing", "incident")


KIND_NAMES = {
    "organization": "Organization",
    "case": "Case",
    "marriage": "Marriage",
    "crossing": "Border crossing",
    "incident": "Exploitation incident",
    "link": "Link",
    "person": "Person",
    "document": "Document",
    "address": "Address",
    "phone": "Phone",
    "handle": "E-mail or online handle",
}


def kind_name(kind: str) -> str:
    return _(KIND_NAMES.get(kind, kind))


def label_of(kind: str, facts: model.Facts) -> str:
    """A record's label in lists; an event has no name, so its kind and date say which."""
    label = registry.label(facts)
    if label == type(facts).__name__:
        when = getattr(facts, "date", None) or getattr(facts, "start", None)
        return f"{kind_name(kind)} {when}" if when else kind_name(kind)
    return label


def title_of(rec: store.StoredRecord) -> str:
    label = label_of(rec.kind, rec.facts)
    return label if label.startswith(kind_name(rec.kind)) else f"{kind_name(rec.kind)}: {label}"


def href(kind: str, record_id: str) -> str:
    return PAGES.get(kind, "/records/") + record_id


@dataclass(frozen=True)
class Linked:
    id: str
    kind: str
    label: str  # personal data: shown, never logged
    relation: str  # the field that links them, e.g. "spouses", or a link's kind
    outgoing: bool  # this record points to the other
    evaluation: str
    handling_code: str

    @property
    def href(self) -> str:
        return href(self.kind, self.id)


def meta_of(rec: store.StoredRecord) -> RecordMeta:
    """What the policy weighs about a record that is not a victim (a victim's case team and
    risk are looked up: ``records.service.meta_in`` / ``record_meta``)."""
    return RecordMeta(
        rec.provenance.owning_unit,
        rec.provenance.handling_code,
        SubjectCategory(rec.subject_category),
    )


def _ids(values: Iterable[UUID | str]) -> list[str]:
    return list(dict.fromkeys(str(v) for v in values))


def linked(node: Node, actor: Actor, rec: store.StoredRecord, purpose: str | None) -> list[Linked]:
    """The records linked to ``rec`` that the actor may read, outgoing first."""
    outgoing = model.references(rec.facts)
    with transaction(node.engine) as conn:
        incoming = store.referencing(conn, rec.id)
        wanted = _ids([str(t) for _f, t in outgoing] + [r for r, _f in incoming])
        # Masked as every read is: a victim's phone, address or handle record shows none.
        stored = {r.id: r for r in protected.masked_in(conn, store.get_many(conn, wanted))}
        # A link record stands for the record at its other end.
        ends: dict[str, str] = {}
        for record_id, _field in incoming:
            link = stored.get(record_id)
            if link is not None and isinstance(link.facts, model.Link):
                source, end = str(link.facts.source), str(link.facts.target)
                ends[record_id] = end if source == rec.id else source
        far_ends = store.get_many(conn, [e for e in ends.values() if e not in stored])
        for other in protected.masked_in(conn, far_ends):
            stored[other.id] = other

        def readable(record_id: str) -> store.StoredRecord | None:
            # The one policy, with a victim's case team and risk (issue 7).
            found = stored.get(record_id)
            return found if found and permits(actor, Action.READ, meta_in(conn, found)) else None

        rows: list[Linked] = []
        for field, pointed_id in outgoing:
            pointed = readable(str(pointed_id))
            if pointed is not None:
                rows.append(_row(pointed, field, outgoing=True))
        for record_id, via_field in incoming:
            via = readable(record_id)
            if via is None:
                continue
            if record_id in ends:
                far = readable(ends[record_id])
                if far is not None:
                    assert isinstance(via.facts, model.Link)
                    rows.append(_row(far, via.facts.link_kind.value, outgoing=False))
                continue
            rows.append(_row(via, via_field, outgoing=False))
        if rows:
            audit.write(
                conn,
                node.audit_key,
                actor,
                "linked",
                record_kind=rec.kind,
                record_id=rec.id,
                purpose=purpose,
                details={"returned": _ids(r.id for r in rows)},
            )
    return rows


def _row(other: store.StoredRecord, relation: str, *, outgoing: bool) -> Linked:
    return Linked(
        id=other.id,
        kind=other.kind,
        label=label_of(other.kind, other.facts),
        relation=relation,
        outgoing=outgoing,
        evaluation=other.provenance.evaluation,
        handling_code=other.provenance.handling_code.value,
    )


def _shown(value: Any) -> str:
    if isinstance(value, Enum):
        return str(value.value).replace("_", " ")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def facts_rows(facts: model.Facts, linked_rows: list[Linked]) -> list[tuple[str, Any, str]]:
    """A record's facts as (field, shown value, how): references become links to the records
    the reader may see ("refs"), lists are listed ("list"), the rest is text ("text")."""
    labels = {r.id: r for r in linked_rows if r.outgoing}
    refs = {field for field, _target in model.references(facts)}
    rows: list[tuple[str, Any, str]] = []
    for name in type(facts).model_fields:
        value = getattr(facts, name)
        if value is None or value == [] or value == "":
            continue
        if name in refs:
            ids = [str(v) for v in (value if isinstance(value, list) else [value])]
            shown = [labels[i] for i in ids if i in labels]
            rows.append((name, (shown, len(ids) - len(shown)), "refs"))
        elif isinstance(value, list):
            rows.append((name, [_shown(v) for v in value], "list"))
        else:
            rows.append((name, _shown(value), "text"))
    return rows
