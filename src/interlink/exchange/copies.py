"""Records shared between national nodes: the recipient's copies, updates and withdrawals.

A received record is stored as a copy in the records table under the node's NCB unit (made
when first needed), with its origin (owner node, owner's id), the owner's handling code and
restrictions: the copy shows the owner's code wherever it is shown. An H1 copy says in its
restrictions that it is not for use in court without the owner's permission. An UPDATE
replaces the copy, a WITHDRAWAL deletes it; each change is audited as the exchange's.

On the owner's side, ``update`` and ``withdraw`` reach every node that holds a copy (and the
Secretariat when the record was reported), from the register ``queue`` keeps of what went
where.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from pydantic import ValidationError
from sqlalchemy import Connection

from interlink.access import audit
from interlink.access.accounts import ensure_unit
from interlink.access.roles import Action, Actor, Capability
from interlink.domain import model, registry
from interlink.domain.codes import Assessment, HandlingCode, Reliability
from interlink.domain.provenance import Provenance
from interlink.exchange.handlers import Received, on
from interlink.exchange.inbox import INBOX
from interlink.exchange.messages import (
    RULES_CARRIED,
    SECRETARIAT,
    Body,
    Dissemination,
    Draft,
    Kind,
    RecordRef,
    SharedRecord,
    WithdrawalData,
)
from interlink.exchange.outbox import may, queue, shared_record, wake
from interlink.node import Node
from interlink.protection.outgoing import refuse_victim_contacts
from interlink.records.errors import Forbidden, Invalid
from interlink.records.service import add_years, locked_for
from interlink.store import exchange as sql
from interlink.store import records as store
from interlink.store.db import transaction

POINTING_KINDS = frozenset({"link", "case", "incident", "marriage", "crossing"})
COURT = "Not for use in court without the permission of the owner ({owner})."


def ncb_unit(conn: Connection, node: Node) -> str:
    """The unit that holds what other nodes send: ``<node id>-NCB``, made on first use."""
    code = f"{node.settings.node_id}-NCB"
    ensure_unit(
        conn, code, f"National Central Bureau ({node.settings.node_id})", node.settings.node_country
    )
    return code


def _restrictions(shared: SharedRecord) -> str | None:
    text = shared.handling_text
    if shared.handling_code == HandlingCode.H1:
        court = COURT.format(owner=shared.owner)
        return f"{court} {text}" if text and court not in text else (text or court)
    if shared.handling_code == HandlingCode.H3 and not text:
        return f"Restricted by the owner ({shared.owner}); ask them before any use."
    return text


def local_references(
    conn: Connection, node: Node, kind: Any, facts: model.Facts, owner: str
) -> tuple[model.Facts, list[str]]:
    """The facts with each reference to another of the owner's records turned into this
    node's copy of it; the references it holds no copy of, as ``field=id`` (ids at the
    owner: foreign references, shown as such rather than as ids that lead nowhere here)."""
    pointed = model.references(facts)
    if not pointed:
        return facts, []
    foreign: list[str] = []
    data = facts.model_dump(mode="json")

    def local(name: str, value: Any) -> Any:
        copies = sql.copies_of(conn, owner, str(value))
        if copies:
            return copies[0]
        foreign.append(f"{name}={value}")
        return value

    for name in dict.fromkeys(field for field, _ in pointed):
        value = data[name]
        data[name] = (
            [local(name, v) for v in value] if isinstance(value, list) else local(name, value)
        )
    translated = kind.facts.model_validate(
        data, context={"phone_region": node.settings.phone_region}
    )
    return translated, foreign


def _source(message_id: str, owner: str, foreign: list[str]) -> str:
    """Where a copy came from, with its foreign references (within the field's 500 chars)."""
    source = f"exchange: message {message_id} from {owner}"
    if not foreign:
        return source
    note = f"; references to {owner}'s records not held here (ids at {owner}): "
    listed = ", ".join(foreign)
    if len(source) + len(note) + len(listed) > 500:
        listed = f"{len(foreign)} references"
    return source + note + listed


def store_copy(conn: Connection, node: Node, shared: SharedRecord, message_id: str) -> str:
    """Insert or replace this node's copy of another node's record; returns the copy's id."""
    kind = registry.BY_NAME.get(shared.kind)
    if kind is None:
        raise Invalid(f"records: unknown record kind {shared.kind}", field="records")
    try:
        facts = kind.facts.model_validate(
            shared.facts, context={"phone_region": node.settings.phone_region}
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise Invalid(f"records: record {shared.record_id}: {loc}: {first['msg']}") from None
    facts, foreign = local_references(conn, node, kind, facts, shared.owner)
    now = datetime.now(UTC)
    prov = Provenance(
        reliability=Reliability(shared.reliability or "X"),
        assessment=Assessment(shared.assessment or "4"),
        handling_code=shared.handling_code,
        handling_text=_restrictions(shared),
        source=_source(message_id, shared.owner, foreign),
        owning_unit=ncb_unit(conn, node),
        recorded_at=now,
        recorded_by=f"exchange:{shared.owner}",
        updated_at=now,
        updated_by=f"exchange:{shared.owner}",
        review_date=add_years(now.date(), node.settings.review_years),
        origin_node=shared.owner,
        origin_id=str(shared.record_id),
    )
    existing = sql.copies_of(conn, shared.owner, str(shared.record_id))
    if existing:
        for copy_id in existing:
            old = store.get(conn, copy_id, for_update=True)
            version = (old.version if old else 0) + 1
            store.replace(conn, copy_id, facts, prov, version)
            audit.write(
                conn,
                node.audit_key,
                INBOX,
                "exchange_copy_update",
                record_kind=shared.kind,
                record_id=copy_id,
                details={"message": message_id, "owner": shared.owner, "foreign": foreign},
            )
        return existing[0]
    copy_id = store.new_id()
    store.insert_many(conn, [store.record_row(copy_id, facts, prov)], [facts])
    audit.write(
        conn,
        node.audit_key,
        INBOX,
        "exchange_copy_store",
        record_kind=shared.kind,
        record_id=copy_id,
        details={"message": message_id, "owner": shared.owner, "foreign": foreign},
    )
    return copy_id


def _national(received: Received) -> bool:
    return received.node.settings.node_role == "national"


@on(Kind.MESSAGE)
@on(Kind.REQUEST)
@on(Kind.REPLY)
def keep_copies(received: Received) -> None:
    """Records carried by a message, a request or a reply become copies at a national node."""
    if not _national(received):
        return
    # Records that point to no other record first (persons, organizations...), then those
    # that point (links, cases): a link's ends then become this node's copies.
    carried = sorted(received.message.body.records, key=lambda r: r.kind in POINTING_KINDS)
    for shared in carried:
        if shared.owner == received.node.settings.node_id:
            continue  # our own record coming back: we hold the original
        store_copy(received.conn, received.node, shared, str(received.message.envelope.id))


@on(Kind.UPDATE)
def update_copies(received: Received) -> None:
    """A new version replaces the copies this node holds (it never creates one)."""
    if not _national(received):
        return
    sender = received.message.envelope.sender
    for shared in received.message.body.records:
        if shared.owner != sender:
            raise Forbidden(f"records: {sender} may not update {shared.owner}'s record")
        if sql.copies_of(received.conn, shared.owner, str(shared.record_id)):
            store_copy(received.conn, received.node, shared, str(received.message.envelope.id))


@on(Kind.WITHDRAWAL)
def delete_copies(received: Received) -> None:
    """A withdrawn record's copies are deleted, each deletion audited."""
    if not _national(received):
        return
    try:
        data = WithdrawalData.model_validate(received.message.body.data)
    except ValidationError:
        raise Invalid("data: a withdrawal names its records and reason") from None
    sender = received.message.envelope.sender
    for ref in data.records:
        if ref.owner != sender:
            raise Forbidden(f"records: {sender} may not withdraw {ref.owner}'s record")
        for copy_id in sql.copies_of(received.conn, ref.owner, str(ref.record_id)):
            rec = store.get(received.conn, copy_id)
            store.remove(received.conn, copy_id)
            audit.write(
                received.conn,
                received.node.audit_key,
                INBOX,
                "exchange_copy_withdrawn",
                record_kind=rec.kind if rec else None,
                record_id=copy_id,
                details={"message": str(received.message.envelope.id), "owner": ref.owner},
            )


def _own(
    node: Node, conn: Connection, actor: Actor, record_id: str, action: Action
) -> store.StoredRecord:
    rec = locked_for(conn, actor, action, record_id)
    if rec.provenance.origin_node not in (None, node.settings.node_id):
        raise Forbidden(
            f"record {record_id} is a copy of {rec.provenance.origin_node}'s: "
            "only its owner updates or withdraws it"
        )
    return rec


def update(node: Node, actor: Actor, record_id: str) -> UUID:
    """Send the record's current version to every node that holds a copy of it (the
    Secretariat with the owner's dissemination rules, in a message of its own); the id of
    the first message."""
    if not may(actor, Capability.SEND_MESSAGES.value):
        raise Forbidden("your role may not send messages")
    with transaction(node.engine) as conn:
        rec = _own(node, conn, actor, record_id, Action.READ)
        refuse_victim_contacts(conn, [rec])  # a victim's contact details stay (issue 7)
        holders = sql.holders(conn, record_id)
        if not holders:
            raise Invalid(f"record {record_id} was not sent to any node: nothing to update")
        suspect = any(holders.values())
        shared = shared_record(node, rec, as_suspect=suspect)
        # The Secretariat gets the owner's dissemination rules again (those it was last
        # reported with), in a message of its own; the other holders never see them.
        groups = [sorted(h for h in holders if h != SECRETARIAT)]
        if SECRETARIAT in holders:
            groups.append([SECRETARIAT])
        ids: list[UUID] = []
        for recipients in (g for g in groups if g):
            to_gs = recipients == [SECRETARIAT]
            rules = _reported_rules(conn, record_id) if to_gs else shared.dissemination
            draft = Draft(
                kind=Kind.UPDATE,
                recipients=recipients,
                body=Body(
                    records=[shared.model_copy(update={"dissemination": rules})],
                    data={"dissemination": RULES_CARRIED} if to_gs else {},
                ),
                handling_code=rec.provenance.handling_code,
                subject=f"update of record {record_id}",
            )
            ids.append(queue(conn, node, draft, created_by=actor.username, as_suspect=suspect))
        mid = ids[0]
        audit.write(
            conn,
            node.audit_key,
            actor,
            "exchange_update",
            record_kind=rec.kind,
            record_id=record_id,
            details={"messages": [str(i) for i in ids], "recipients": sorted(holders)},
        )
    wake()
    return mid


def _reported_rules(conn: Connection, record_id: str) -> Dissemination:
    """The dissemination rules the record was last reported to the Secretariat with."""
    last = sql.last_sent_version(conn, record_id, SECRETARIAT)
    if last is None or not isinstance(last.get("dissemination"), dict):
        return Dissemination()
    return Dissemination.model_validate(last["dissemination"])


def withdraw(node: Node, actor: Actor, record_id: str, reason: str) -> UUID:
    """Tell every node that holds a copy (and the Secretariat if reported) to remove it."""
    if not reason or not reason.strip():
        raise Invalid("reason: a withdrawal states its reason", field="reason")
    if not may(actor, Capability.SEND_MESSAGES.value):
        raise Forbidden("your role may not send messages")
    with transaction(node.engine) as conn:
        rec = _own(node, conn, actor, record_id, Action.READ)
        holders = sql.holders(conn, record_id)
        if not holders:
            raise Invalid(f"record {record_id} was not sent to any node: nothing to withdraw")
        data = WithdrawalData(
            records=[RecordRef(owner=node.settings.node_id, record_id=UUID(record_id))],
            reason=reason.strip(),
        )
        draft = Draft(
            kind=Kind.WITHDRAWAL,
            recipients=sorted(holders),
            body=Body(data=data.model_dump(mode="json")),
            subject=f"withdrawal of record {record_id}",
        )
        mid = queue(conn, node, draft, created_by=actor.username)
        sql.mark_withdrawn(conn, record_id, datetime.now(UTC))
        audit.write(
            conn,
            node.audit_key,
            actor,
            "exchange_withdraw",
            record_kind=rec.kind,
            record_id=record_id,
            purpose=reason.strip(),
            details={"message": str(mid), "recipients": sorted(holders)},
        )
    wake()
    return mid
