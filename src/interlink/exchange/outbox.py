"""Sending: a message written is a message delivered.

``queue`` writes the message (sealed for its recipients) and one outbox row per recipient in
the caller's transaction, so a message exists exactly when the work that produced it
committed; the delivery worker (``delivery``) posts it afterwards, retrying until each
recipient has it. ``send`` is the same for a user: rights checked, records attached through
the access policy and the victim check, the handling codes enforced, all audited.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy import Connection

from interlink.access import audit
from interlink.access.policy import has_capability
from interlink.access.roles import Actor, Capability
from interlink.domain.codes import HandlingCode
from interlink.exchange import crypto
from interlink.exchange.keys import encryption_public_key
from interlink.exchange.messages import Draft, Envelope, Kind, SharedRecord
from interlink.node import Node
from interlink.protection.outgoing import outgoing_facts, refuse_victim_contacts
from interlink.records.errors import Forbidden, Invalid
from interlink.records.service import readable_in
from interlink.store import exchange as store
from interlink.store.db import transaction
from interlink.store.records import StoredRecord, new_id

ALL = "all"  # as a recipient: every national node in the directory

# Kinds a user sends, and the capability each needs. Receipts and hits are the node's own.
_USER_KINDS: dict[Kind, str] = {
    Kind.MESSAGE: Capability.SEND_MESSAGES.value,
    Kind.REQUEST: Capability.SEND_MESSAGES.value,
    Kind.REPLY: Capability.SEND_MESSAGES.value,
    Kind.UPDATE: Capability.SEND_MESSAGES.value,
    Kind.WITHDRAWAL: Capability.SEND_MESSAGES.value,
    Kind.REPORT: "report_to_secretariat",
    Kind.STATISTICS: "report_to_secretariat",
    Kind.HASHES: Capability.SEND_MESSAGES.value,
    Kind.NOTICE: "publish_notice",
    Kind.NOTICE_CANCELLATION: "publish_notice",
}

_wake = threading.Event()


def wake() -> None:
    """Tell this process's delivery worker there is something to post (after a commit)."""
    _wake.set()


def wait_for_work(timeout: float) -> None:
    _wake.wait(timeout)
    _wake.clear()


def may(actor: Actor, capability: str) -> bool:
    try:
        return has_capability(actor, Capability(capability))
    except ValueError:  # a capability another area has not declared yet
        return False


def resolve_recipients(
    conn: Connection,
    node: Node,
    wanted: Sequence[str],
    known: dict[str, store.NodeEntry] | None = None,
) -> list[str]:
    """Node ids from the directory, in order, without repeats; ``all`` = every national node."""
    me = node.settings.node_id
    if known is None:
        known = {e.id: e for e in store.list_nodes(conn)}
    result: list[str] = []
    for raw in wanted:
        name = raw.strip().upper()
        if name == ALL.upper():
            result += [i for i, e in sorted(known.items()) if e.role == "national" and i != me]
            continue
        if name == me:
            raise Invalid(f"recipients: {name} is this node itself", field="recipients")
        if name not in known:
            raise Invalid(f"recipients: no node {name} in the directory", field="recipients")
        result.append(name)
    unique = list(dict.fromkeys(result))
    if not unique:
        raise Invalid("recipients: no node to send to", field="recipients")
    return unique


def check_passing_on(node: Node, records: Sequence[SharedRecord]) -> None:
    """H2: a record of another node is not passed on without its owner's permission."""
    for rec in records:
        if rec.owner != node.settings.node_id and rec.handling_code == HandlingCode.H2:
            raise Forbidden(
                f"record {rec.record_id} belongs to {rec.owner} and is H2: it may not be "
                "passed on without the owner's permission"
            )


def queue(
    conn: Connection,
    node: Node,
    draft: Draft,
    *,
    created_by: str | None = None,
    as_suspect: bool | None = None,
) -> UUID:
    """Write ``draft`` as a message with one outbox row per recipient, in ``conn``'s
    transaction (handlers call this inside the inbox transaction). Returns the message id.

    Records of this node in the body are noted as shared with each recipient, so that a
    later update or withdrawal reaches them; ``as_suspect`` (default: a REPORT) says they
    went as suspects'. Call ``wake()`` after the commit to post at once."""
    check_passing_on(node, draft.body.records)
    directory = {e.id: e for e in store.list_nodes(conn)}
    recipients = resolve_recipients(conn, node, draft.recipients, directory)
    now = datetime.now(UTC)
    envelope = Envelope(
        id=UUID(new_id()),
        sender=node.settings.node_id,
        recipients=recipients,
        created=now,
        kind=draft.kind,
        handling_code=draft.handling_code,
        restrictions=draft.restrictions,
        in_reply_to=draft.in_reply_to,
        subject=draft.subject,
    )
    packet = crypto.seal(
        envelope,
        draft.body,
        {r: encryption_public_key(directory[r].encryption_key) for r in recipients},
    )
    mid = str(envelope.id)
    store.insert_message(
        conn,
        {
            "id": mid,
            "direction": "out",
            "sender": envelope.sender,
            "recipients": recipients,
            "kind": envelope.kind.value,
            "created": now,
            "handling_code": envelope.handling_code.value,
            "restrictions": envelope.restrictions,
            "in_reply_to": str(envelope.in_reply_to) if envelope.in_reply_to else None,
            "subject": envelope.subject,
            "body": draft.body.model_dump_json(),
            "digest": crypto.digest(packet),
            "packet": json.dumps(packet, separators=(",", ":")),
            "created_by": created_by,
        },
    )
    store.queue_rows(conn, mid, recipients, now)
    suspect = draft.kind == Kind.REPORT if as_suspect is None else as_suspect
    for rec in draft.body.records:
        if rec.owner == node.settings.node_id:
            store.note_shared(conn, str(rec.record_id), rec.version, recipients, mid, suspect, now)
    return envelope.id


def shared_record(node: Node, rec: StoredRecord, *, as_suspect: bool) -> SharedRecord:
    """A stored record as it may leave the node: a copy keeps its owner and the owner's id."""
    prov = rec.provenance
    foreign = prov.origin_node not in (None, node.settings.node_id)
    return SharedRecord(
        owner=prov.origin_node if foreign and prov.origin_node else node.settings.node_id,
        record_id=UUID(prov.origin_id) if foreign and prov.origin_id else UUID(rec.id),
        kind=rec.kind,
        facts=outgoing_facts(rec.id, rec.facts, as_suspect=as_suspect),
        handling_code=prov.handling_code,
        handling_text=prov.handling_text,
        reliability=prov.reliability.value,
        assessment=prov.assessment.value,
        version=rec.version,
    )


def _refused(node: Node, actor: Actor, draft: Draft, record_ids: Sequence[str], why: str) -> None:
    with transaction(node.engine) as conn:
        audit.write(
            conn,
            node.audit_key,
            actor,
            "exchange_send",
            outcome="refused",
            details={
                "kind": draft.kind.value,
                "recipients": list(draft.recipients),
                "records": list(record_ids),
                "reason": why,
            },
        )


def send(
    node: Node,
    actor: Actor,
    draft: Draft,
    *,
    record_ids: Sequence[str] = (),
    as_suspect: bool | None = None,
) -> UUID:
    """Send ``draft`` as ``actor``, with the records ``record_ids`` of this node attached
    (read through the access policy, victims checked, H2 copies refused). Audited."""
    needed = _USER_KINDS.get(draft.kind)
    if needed is None:
        raise Invalid(f"kind: {draft.kind.value} is sent by the node itself", field="kind")
    if not may(actor, needed):
        raise Forbidden(f"your role may not send {draft.kind.value} messages")
    if draft.kind == Kind.REPLY and draft.in_reply_to is None:
        raise Invalid("in_reply_to: a reply names the message it answers", field="in_reply_to")
    suspect = draft.kind == Kind.REPORT if as_suspect is None else as_suspect
    try:
        with store.write_lock(node.engine), transaction(node.engine) as conn:
            if draft.in_reply_to and store.get_message(conn, str(draft.in_reply_to)) is None:
                raise Invalid(f"in_reply_to: no message {draft.in_reply_to}", field="in_reply_to")
            chosen = [readable_in(conn, actor, rid) for rid in record_ids]
            refuse_victim_contacts(conn, chosen)  # a victim's contact details stay (issue 7)
            attached = [shared_record(node, rec, as_suspect=suspect) for rec in chosen]
            if attached:
                body = draft.body.model_copy(update={"records": [*draft.body.records, *attached]})
                draft = draft.model_copy(update={"body": body})
            mid = queue(conn, node, draft, created_by=actor.username, as_suspect=suspect)
            audit.write(
                conn,
                node.audit_key,
                actor,
                "exchange_send",
                details={
                    "message": str(mid),
                    "kind": draft.kind.value,
                    "recipients": resolve_recipients(conn, node, draft.recipients),
                    "records": list(record_ids),
                },
            )
    except Forbidden as exc:
        _refused(node, actor, draft, record_ids, exc.message)
        raise
    wake()
    return mid
