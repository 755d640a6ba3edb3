"""The inbox and outbox as users see them: lists, one message (which marks it read and
sends the "read" receipt), each recipient's status, and receipts arriving for the sender.

Reading needs ``READ_MESSAGES``; every list and every opened message is audited with ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from interlink.access import audit
from interlink.access.roles import Actor, Capability
from interlink.exchange.handlers import Received, on
from interlink.exchange.inbox import receipt
from interlink.exchange.messages import Kind, ReceiptData
from interlink.exchange.outbox import may, wake
from interlink.node import Node
from interlink.records.errors import Forbidden, Invalid, NotFound
from interlink.store import exchange as store
from interlink.store.db import transaction

BOXES = {"inbox": "in", "outbox": "out"}
# Receipts are shown as each recipient's status, not as messages of their own.
LISTED_KINDS = [k.value for k in Kind if k != Kind.RECEIPT]


@on(Kind.RECEIPT)
def note_receipt(received: Received) -> None:
    """A recipient's receipt moves its status on (received, read); never backwards."""
    try:
        data = ReceiptData.model_validate(received.message.body.data)
    except ValidationError:
        raise Invalid("data: a receipt names a message and a status") from None
    ids = [str(data.of), *(str(i) for i in data.also)]
    sender = received.message.envelope.sender
    store.advance_statuses(received.conn, ids, sender, data.status, data.at)


def _require_read(actor: Actor) -> None:
    if not may(actor, Capability.READ_MESSAGES.value):
        raise Forbidden("your role may not read exchange messages")


@dataclass(frozen=True)
class Listing:
    items: list[store.StoredMessage]
    total: int
    limit: int
    offset: int


def list_box(node: Node, actor: Actor, box: str, *, limit: int = 50, offset: int = 0) -> Listing:
    _require_read(actor)
    if box not in BOXES:
        raise Invalid("box: inbox or outbox", field="box")
    limit = max(1, min(limit, 500))
    with transaction(node.engine) as conn:
        items, total = store.list_messages(
            conn, BOXES[box], kinds=LISTED_KINDS, limit=limit, offset=max(offset, 0)
        )
        audit.write(
            conn,
            node.audit_key,
            actor,
            "exchange_list",
            details={"box": box, "returned": [m.id for m in items], "total": total},
        )
    return Listing(items, total, limit, offset)


@dataclass(frozen=True)
class Opened:
    message: store.StoredMessage
    statuses: list[dict[str, Any]]  # each recipient's, for an outgoing message
    replies: list[store.StoredMessage]


def show(node: Node, actor: Actor, message_id: str) -> Opened:
    """One message; the first opening of an incoming one sends its sender a "read" receipt."""
    _require_read(actor)
    read_now = False
    with transaction(node.engine) as conn:
        msg = store.get_message(conn, message_id)
        if msg is None or msg.kind == Kind.RECEIPT.value:
            raise NotFound(f"no message {message_id}")
        if msg.direction == "in" and store.mark_read(
            conn, message_id, datetime.now(UTC), actor.username
        ):
            receipt(conn, node, msg.sender, message_id, "read")
            read_now = True
        audit.write(
            conn,
            node.audit_key,
            actor,
            "exchange_read",
            details={
                "message": message_id,
                "kind": msg.kind,
                "records": [str(r.get("record_id")) for r in msg.body.get("records", [])],
            },
        )
        statuses = store.statuses(conn, message_id) if msg.direction == "out" else []
        replies = store.thread(conn, message_id)
        if read_now:
            msg = store.get_message(conn, message_id) or msg
    if read_now:
        wake()
    return Opened(msg, statuses, replies)


def status(node: Node, actor: Actor, message_id: str) -> list[dict[str, Any]]:
    """Each recipient's status of an outgoing message: queued, delivered, received, read,
    failed (with the reason the recipient gave)."""
    _require_read(actor)
    with transaction(node.engine) as conn:
        msg = store.get_message(conn, message_id)
        if msg is None or msg.direction != "out" or msg.kind == Kind.RECEIPT.value:
            raise NotFound(f"no outgoing message {message_id}")
        return store.statuses(conn, message_id)


def refusals(node: Node, actor: Actor, limit: int = 100) -> list[dict[str, Any]]:
    """Deliveries this node refused (for administrators and the data-protection officer)."""
    if not (may(actor, Capability.MANAGE_NODES.value) or may(actor, Capability.READ_AUDIT.value)):
        raise Forbidden("your role may not see refused deliveries")
    with transaction(node.engine) as conn:
        return store.list_refusals(conn, limit)


def failed_deliveries(node: Node, actor: Actor, limit: int = 100) -> list[dict[str, Any]]:
    """Outgoing messages a recipient will never get as things stand: refused by it (with
    its reason, a dead letter included) or given up after the bounded attempts."""
    _require_read(actor)
    with transaction(node.engine) as conn:
        return store.failed_rows(conn, limit)


def dead_letters(node: Node, actor: Actor, limit: int = 100) -> list[dict[str, Any]]:
    """Messages this node accepted but could not process, with the incident to look up in
    the log (for administrators and the data-protection officer; no bodies)."""
    if not (may(actor, Capability.MANAGE_NODES.value) or may(actor, Capability.READ_AUDIT.value)):
        raise Forbidden("your role may not see dead letters")
    with transaction(node.engine) as conn:
        return store.list_dead_letters(conn, limit)
