"""Receiving: what another node posts to ``/api/exchange/inbox``.

A delivery is accepted only from a node in the directory, signed by that node's key, for
this node, timed within the clock window, and new — or a re-delivery of a message accepted
before, with the same content and a later signed time, answered "duplicate" without storing
anything again. Every refusal is answered 4xx with a reason code and kept in
``exchange_refusals`` and the audit log (who claimed to send, why, when, from where — never
the body); nothing else of a refused delivery is stored.

An accepted message is stored, its kind's handlers run and a "received" receipt is queued,
all in one transaction: the message, what the handlers made of it and the receipt commit
together or not at all.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from sqlalchemy import Connection

from interlink.access import audit
from interlink.access.roles import Actor
from interlink.exchange import crypto, handlers
from interlink.exchange.crypto import PacketError
from interlink.exchange.keys import load_keys, signing_public_key
from interlink.exchange.messages import Body, Draft, Kind, Message, ReceiptData
from interlink.exchange.outbox import queue, wake
from interlink.node import Node
from interlink.records.errors import RecordError
from interlink.store import exchange as store
from interlink.store.db import reading, transaction

log = logging.getLogger("interlink.exchange.inbox")

INBOX = Actor.system("exchange-inbox")

STATUS = {
    "malformed": 400,
    "undecryptable": 400,
    "invalid_body": 400,
    "unknown_sender": 403,
    "bad_signature": 403,
    "not_recipient": 403,
    "clock_skew": 403,
    "replay": 409,
    "rejected": 422,
}


@dataclass(frozen=True)
class Answer:
    status: int
    body: dict[str, Any]


def _refuse(
    node: Node,
    exc: PacketError,
    claimed: str | None,
    mid: str | None,
    remote: str | None,
    status: int | None = None,
) -> Answer:
    now = datetime.now(UTC)
    with transaction(node.engine) as conn:
        store.add_refusal(
            conn,
            at=now,
            claimed_sender=claimed,
            reason=exc.reason,
            message_id=mid,
            remote_addr=remote,
        )
        audit.write(
            conn,
            node.audit_key,
            INBOX,
            "exchange_refuse",
            outcome="refused",
            details={"reason": exc.reason, "claimed_sender": claimed, "message": mid},
        )
    log.warning("refused message %s claimed from %s: %s", mid, claimed, exc.reason)
    return Answer(
        status or STATUS.get(exc.reason, 400), {"detail": exc.message, "reason": exc.reason}
    )


def receipt(conn: Connection, node: Node, to: str, of: str, status: str) -> None:
    """Queue a receipt (received or read) of message ``of`` for its sender ``to``."""
    data = ReceiptData(of=UUID(of), status=status, at=datetime.now(UTC))
    queue(
        conn,
        node,
        Draft(kind=Kind.RECEIPT, recipients=[to], body=Body(data=data.model_dump(mode="json"))),
    )


def accept(node: Node, raw: bytes, remote: str | None = None) -> Answer:
    """Check and store one posted packet; the answer to give the sender."""
    claimed: str | None = None
    mid: str | None = None
    now = datetime.now(UTC)
    me = node.settings.node_id
    try:
        parsed = crypto.parse(raw)
        envelope = parsed.envelope
        claimed, mid = envelope.sender, str(envelope.id)
        with reading(node.engine) as conn:
            entry = store.get_node(conn, envelope.sender)
        if entry is None:
            raise PacketError(
                "unknown_sender", f"{envelope.sender} is not in this node's directory"
            )
        crypto.verify(parsed, signing_public_key(entry.signing_key))
        if me not in envelope.recipients:
            raise PacketError("not_recipient", f"{me} is not a recipient of this message")
        window = timedelta(seconds=node.settings.exchange_clock_window_seconds)
        if abs(now - parsed.sent) > window or envelope.created > now + window:
            raise PacketError(
                "clock_skew", f"the message's time is outside ±{window.seconds} s of {me}'s clock"
            )
        body = crypto.open_body(parsed, me, load_keys(node.settings.keys_dir))
        digest = crypto.digest(parsed.packet)
        with store.write_lock(node.engine), transaction(node.engine) as conn:
            seen = store.get_message(conn, mid)
            if seen is not None:
                fresh = seen.last_sent is None or parsed.sent > seen.last_sent
                if (seen.direction, seen.sender, seen.digest) == (
                    "in",
                    envelope.sender,
                    digest,
                ) and fresh:
                    store.set_last_sent(conn, mid, parsed.sent)
                    return Answer(200, {"status": "duplicate", "id": mid})
                raise PacketError("replay", f"message {mid} was seen before")
            row = {
                "id": mid,
                "direction": "in",
                "sender": envelope.sender,
                "recipients": list(envelope.recipients),
                "kind": envelope.kind.value,
                "created": envelope.created,
                "handling_code": envelope.handling_code.value,
                "restrictions": envelope.restrictions,
                "in_reply_to": str(envelope.in_reply_to) if envelope.in_reply_to else None,
                "subject": envelope.subject,
                "body": body.model_dump_json(),
                "digest": digest,
                "received_at": now,
                "last_sent": parsed.sent,
            }
            if not store.try_insert_message(conn, row):
                # Another delivery of the same message is being stored right now (PostgreSQL):
                # the sender retries and gets "duplicate" then.
                return Answer(
                    503, {"detail": "this message is being stored; retry", "reason": "busy"}
                )
            handlers.handle(handlers.Received(node, conn, Message(envelope=envelope, body=body)))
            if envelope.kind != Kind.RECEIPT:
                receipt(conn, node, envelope.sender, mid, "received")
            audit.write(
                conn,
                node.audit_key,
                INBOX,
                "exchange_receive",
                details={
                    "message": mid,
                    "sender": envelope.sender,
                    "kind": envelope.kind.value,
                    "records": [str(r.record_id) for r in body.records],
                },
            )
    except PacketError as exc:
        return _refuse(node, exc, claimed, mid, remote)
    except RecordError as exc:  # a handler refused what the message carries
        return _refuse(node, PacketError("rejected", exc.message), claimed, mid, remote)
    wake()
    return Answer(200, {"status": "accepted", "id": mid})
