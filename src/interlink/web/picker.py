"""The search picker of reference fields: find a record to point to, among those the user
may read.

Everything goes through ``interlink.records`` (the policy's search filter, the audit log):
names by prefix in any script (persons, organizations, documents' holders), document
numbers, phones and e-mail addresses by their index, a pasted record id by a read. Addresses
and cases have no index: the most recent ones the user may see are listed and filtered by
their label (at most ``SCAN`` records, one ``list`` audit entry).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from interlink import records
from interlink.access.roles import Actor
from interlink.domain import registry
from interlink.node import Node
from interlink.records.errors import Invalid, NotFound
from interlink.store.records import ListFilter, StoredRecord
from interlink.web import links
from interlink.web.record_forms import Chosen

PICK_PURPOSE = "choosing a record to refer to"
SHOWN = 10
SCAN = 200
MAX_QUERY = 200
NAMED = frozenset({"person", "organization", "document"})
UNINDEXED = frozenset({"address", "case"})


def purpose_of(stated: str | None) -> str:
    return stated or PICK_PURPOSE


def chosen(rec: StoredRecord) -> Chosen:
    return Chosen(rec.id, rec.kind, links.label_of(rec.kind, rec.facts))


def _allowed(kinds: Iterable[str] | None) -> list[str]:
    every = [k.name for k in registry.KINDS if k.name != "link"]
    return [k for k in every if kinds is None or k in kinds]


def find(
    node: Node, actor: Actor, text: str, kinds: frozenset[str] | None, purpose: str | None
) -> list[Chosen]:
    """Records of ``kinds`` (None: any) matching ``text`` that the actor may read."""
    text = text.strip()[:MAX_QUERY]
    if not text:
        return []
    why = purpose_of(purpose)
    wanted = _allowed(kinds)
    try:
        record_id = str(uuid.UUID(text))
    except ValueError:
        record_id = None
    if record_id is not None:
        try:
            rec = records.read(node, actor, record_id, purpose=why)
        except NotFound:
            return []
        return [chosen(rec)] if rec.kind in wanted else []
    found: dict[str, StoredRecord] = {}
    for kind in wanted:
        for query in _queries(kind, text):
            try:
                hits = records.search(node, actor, query, purpose=why, limit=SHOWN)
            except Invalid:  # e.g. not a phone number: nothing of this kind to look for
                continue
            found.update((r.id, r) for r in hits)
        if kind in UNINDEXED:
            page = records.list_records(node, actor, ListFilter(kind=kind), limit=SCAN, purpose=why)
            needle = text.casefold()
            found.update(
                (r.id, r)
                for r in page.items
                if needle in links.label_of(r.kind, r.facts).casefold()
            )
    return [chosen(r) for r in list(found.values())[:SHOWN]]


def _queries(kind: str, text: str) -> list[records.SearchQuery]:
    queries = []
    if kind in NAMED:
        queries.append(records.SearchQuery(kind=kind, name=text, prefix=True))
    if kind == "document":
        queries.append(records.SearchQuery(kind=kind, document_number=text))
    if kind == "phone" and any(c.isdigit() for c in text):
        queries.append(records.SearchQuery(kind=kind, phone=text))
    if kind == "handle" and "@" in text:
        queries.append(records.SearchQuery(kind=kind, email=text))
    return queries


def labels_of(node: Node, actor: Actor, ids: list[str], purpose: str | None) -> dict[str, Chosen]:
    """The chosen records of a form, by id (each read is audited); ids the actor may not
    read are left out, so a form never shows what its user may not see."""
    out: dict[str, Chosen] = {}
    for record_id in ids:
        try:
            out[record_id] = chosen(
                records.read(node, actor, record_id, purpose=purpose_of(purpose))
            )
        except NotFound:
            continue
    return out
