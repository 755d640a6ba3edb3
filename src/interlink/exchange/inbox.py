"""Receiving: what another node posts to ``/api/exchange/inbox``.

A delivery is accepted only from a node in the directory, signed by that node's key, for
this node, timed within the clock window, and new — or a re-delivery of a message accepted
before, with the same content and a later signed time, answered "duplicate" without storing
anything again. Every refusal is answered 4xx with a reason code and kept in
``exchange_refusals`` and the audit log (who claimed to send, why, when, from where — never
the body); nothing else of a refused delivery is stored.

An accepted message is stored, its kind's handlers run and a "received" receipt is queued,
all in one transaction: the message, what the handlers made of it and the receipt commit
together or not at all. A sender may post a batch (``/api/exchange/inbox/batch``): every
message in it is checked on its own, the accepted ones are stored in one transaction (each
in a savepoint, so one refused message leaves the others), and one receipt per sender
acknowledges them all. A message whose handler fails with an unexpected error (not a
refusal of its content) is a **dead letter**: kept with the incident's id for an
administrator, audited, and answered 422 ``dead_letter`` so that its sender stops retrying.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from interlink.access import audit
from interlink.access.roles import Actor
from interlink.exchange import crypto, handlers
from interlink.exchange.crypto import PacketError
from interlink.exchange.keys import KeysError, NodeKeys, load_keys, signing_public_key
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
    "dead_letter": 422,
}
MAX_BATCH = 500  # messages in one posted batch


@dataclass(frozen=True)
class Answer:
    status: int
    body: dict[str, Any]


def _note_refusal(
    conn: Connection,
    node: Node,
    exc: PacketError,
    claimed: str | None,
    mid: str | None,
    remote: str | None,
    status: int | None = None,
) -> Answer:
    """Keep a refusal (its row and audit entry) in ``conn``'s transaction; the answer."""
    store.add_refusal(
        conn,
        at=datetime.now(UTC),
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
        status or STATUS.get(exc.reason, 400),
        {"detail": exc.message, "reason": exc.reason, "id": mid},
    )


def _refuse(
    node: Node,
    exc: PacketError,
    claimed: str | None,
    mid: str | None,
    remote: str | None,
    status: int | None = None,
) -> Answer:
    with transaction(node.engine) as conn:
        return _note_refusal(conn, node, exc, claimed, mid, remote, status)


def receipt(
    conn: Connection, node: Node, to: str, of: str, status: str, also: Sequence[str] = ()
) -> None:
    """Queue a receipt (received or read) of message ``of`` (and ``also``) for their sender."""
    data = ReceiptData(
        of=UUID(of), also=[UUID(i) for i in also], status=status, at=datetime.now(UTC)
    )
    queue(
        conn,
        node,
        Draft(kind=Kind.RECEIPT, recipients=[to], body=Body(data=data.model_dump(mode="json"))),
    )


@dataclass(frozen=True)
class _Checked:
    """A packet whose signature, recipient and time passed, and its opened body."""

    parsed: crypto.Parsed
    body: Body
    digest: str

    @property
    def id(self) -> str:
        return str(self.parsed.envelope.id)


def _check(
    node: Node,
    item: bytes | dict[str, Any],
    now: datetime,
    directory: dict[str, store.NodeEntry],
    keys: Callable[[], NodeKeys],
) -> _Checked:
    """Every check that needs no write: PacketError with the reason otherwise. This node's
    keys are opened only for a packet that passed the others (KeysError if they cannot be)."""
    me = node.settings.node_id
    parsed = crypto.parse(item)
    envelope = parsed.envelope
    entry = directory.get(envelope.sender)
    if entry is None:
        raise PacketError("unknown_sender", f"{envelope.sender} is not in this node's directory")
    crypto.verify(parsed, signing_public_key(entry.signing_key))
    if me not in envelope.recipients:
        raise PacketError("not_recipient", f"{me} is not a recipient of this message")
    window = timedelta(seconds=node.settings.exchange_clock_window_seconds)
    if abs(now - parsed.sent) > window or envelope.created > now + window:
        raise PacketError(
            "clock_skew", f"the message's time is outside ±{window.seconds} s of {me}'s clock"
        )
    body = crypto.open_body(parsed, me, keys())
    return _Checked(parsed, body, crypto.digest(parsed.packet))


def _claims(item: bytes | dict[str, Any]) -> tuple[str | None, str | None]:
    """Who a packet claims to be from and its id, as far as they can be read (for a refusal)."""
    try:
        env = crypto.parse(item).envelope
    except PacketError:
        return None, None
    return env.sender, str(env.id)


def accept(node: Node, raw: bytes, remote: str | None = None) -> Answer:
    """Check and store one posted packet; the answer to give the sender."""
    return accept_batch(node, [raw], remote)[0]


def accept_batch(
    node: Node, items: Sequence[bytes | dict[str, Any]], remote: str | None = None
) -> list[Answer]:
    """Check and store posted packets, in order; one answer each (as ``accept`` gives).

    Checks that need no write run first; then one transaction stores every accepted
    message (each in a savepoint, its handlers run in order), the refusals and dead
    letters, and one "received" receipt per sender for all it delivered."""
    now = datetime.now(UTC)
    answers: list[Answer | None] = [None] * len(items)
    refused: list[tuple[int, PacketError, str | None, str | None]] = []
    checked: list[tuple[int, _Checked]] = []
    with reading(node.engine) as conn:
        directory = {e.id: e for e in store.list_nodes(conn)}
    opened: list[NodeKeys] = []

    def keys() -> NodeKeys:
        if not opened:
            opened.append(load_keys(node.settings.keys_dir))
        return opened[0]

    for i, item in enumerate(items):
        try:
            checked.append((i, _check(node, item, now, directory, keys)))
        except PacketError as exc:
            claimed, mid = _claims(item)
            refused.append((i, exc, claimed, mid))
        except KeysError as exc:  # this node's mistake, not the sender's: it retries later
            log.error("cannot open messages: %s", exc)
            busy = {"detail": "this node cannot open messages now; retry", "reason": "busy"}
            answers[i] = Answer(503, busy)
    with store.write_lock(node.engine), transaction(node.engine) as conn:
        for i, error, claimed, mid in refused:
            answers[i] = _note_refusal(conn, node, error, claimed, mid, remote)
        seen = store.seen_messages(conn, [c.id for _, c in checked])
        dead = store.dead_letter_ids(conn, [c.id for _, c in checked])
        acknowledged: dict[str, list[str]] = {}
        stored: list[_Checked] = []
        for i, c in checked:
            answer = _store_one(conn, node, c, seen, dead, remote)
            answers[i] = answer
            if answer.body.get("status") == "accepted":
                stored.append(c)
                if c.parsed.envelope.kind != Kind.RECEIPT:
                    acknowledged.setdefault(c.parsed.envelope.sender, []).append(c.id)
        for sender, ids in acknowledged.items():
            receipt(conn, node, sender, ids[0], "received", ids[1:])
        if stored:
            _audit_received(conn, node, stored)
    if stored:  # receipts, and whatever the handlers queued
        wake()
    return [a for a in answers if a is not None]


def _store_one(
    conn: Connection,
    node: Node,
    c: _Checked,
    seen: dict[str, store.Seen],
    dead: dict[str, str],
    remote: str | None,
) -> Answer:
    """Store one checked message and run its handlers in a savepoint; its answer."""
    envelope, mid = c.parsed.envelope, c.id
    claimed = envelope.sender
    if mid in dead:
        return Answer(
            422,
            {
                "detail": f"this node cannot process message {mid} (incident {dead[mid]})",
                "reason": "dead_letter",
                "id": mid,
            },
        )
    known = seen.get(mid)
    if known is not None:
        fresh = known.last_sent is None or c.parsed.sent > known.last_sent
        if (known.direction, known.sender, known.digest) == ("in", claimed, c.digest) and fresh:
            store.set_last_sent(conn, mid, c.parsed.sent)
            seen[mid] = store.Seen("in", claimed, c.digest, c.parsed.sent)
            return Answer(200, {"status": "duplicate", "id": mid})
        exc = PacketError("replay", f"message {mid} was seen before")
        return _note_refusal(conn, node, exc, claimed, mid, remote)
    row = {
        "id": mid,
        "direction": "in",
        "sender": claimed,
        "recipients": list(envelope.recipients),
        "kind": envelope.kind.value,
        "created": envelope.created,
        "handling_code": envelope.handling_code.value,
        "restrictions": envelope.restrictions,
        "in_reply_to": str(envelope.in_reply_to) if envelope.in_reply_to else None,
        "subject": envelope.subject,
        "body": c.body.model_dump_json(),
        "digest": c.digest,
        "received_at": datetime.now(UTC),
        "last_sent": c.parsed.sent,
    }
    savepoint = conn.begin_nested()
    try:
        store.insert_message(conn, row)
    except IntegrityError:
        # Another delivery of the same message is being stored right now (PostgreSQL):
        # the sender retries and gets "duplicate" then.
        savepoint.rollback()
        return Answer(
            503, {"detail": "this message is being stored; retry", "reason": "busy", "id": mid}
        )
    try:
        handlers.handle(handlers.Received(node, conn, Message(envelope=envelope, body=c.body)))
        savepoint.commit()
    except RecordError as exc:  # a handler refused what the message carries
        savepoint.rollback()
        return _note_refusal(conn, node, PacketError("rejected", exc.message), claimed, mid, remote)
    except DBAPIError as exc:
        savepoint.rollback()
        if exc.connection_invalidated or isinstance(exc, OperationalError):
            raise  # the database is away or busy: the whole delivery fails and is retried
        return _dead_letter(conn, node, c, exc)
    except Exception as exc:  # a bug, or content no handler foresaw: never retried for ever
        savepoint.rollback()
        return _dead_letter(conn, node, c, exc)
    seen[mid] = store.Seen("in", claimed, c.digest, c.parsed.sent)
    return Answer(200, {"status": "accepted", "id": mid})


def _dead_letter(conn: Connection, node: Node, c: _Checked, exc: BaseException) -> Answer:
    """Keep a message no handler can process, with the incident's id; audited."""
    incident = uuid.uuid4().hex[:12]
    envelope = c.parsed.envelope
    log.error(
        "incident %s: message %s (%s from %s) is a dead letter",
        incident,
        c.id,
        envelope.kind.value,
        envelope.sender,
        exc_info=exc,
    )
    store.add_dead_letter(
        conn,
        {
            "message_id": c.id,
            "sender": envelope.sender,
            "kind": envelope.kind.value,
            "at": datetime.now(UTC),
            "error_id": incident,
            "error": type(exc).__name__[:200],
            "digest": c.digest,
            "envelope": json.dumps(envelope.model_dump(mode="json"), separators=(",", ":")),
            "body": c.body.model_dump_json(),
        },
    )
    audit.write(
        conn,
        node.audit_key,
        INBOX,
        "exchange_dead_letter",
        outcome="failed",
        details={
            "message": c.id,
            "sender": envelope.sender,
            "kind": envelope.kind.value,
            "incident": incident,
            "records": [str(r.record_id) for r in c.body.records],
        },
    )
    return Answer(
        422,
        {
            "detail": f"this node cannot process message {c.id} (incident {incident})",
            "reason": "dead_letter",
            "id": c.id,
        },
    )


def _audit_received(conn: Connection, node: Node, stored: list[_Checked]) -> None:
    """One audit entry for the messages accepted together: each one's id, sender, kind and
    the records it carried (one entry per message when it came alone, as before)."""
    if len(stored) == 1:
        [c] = stored
        env = c.parsed.envelope
        details: dict[str, Any] = {
            "message": c.id,
            "sender": env.sender,
            "kind": env.kind.value,
            "records": [str(r.record_id) for r in c.body.records],
        }
    else:
        details = {
            "messages": [
                {
                    "message": c.id,
                    "sender": c.parsed.envelope.sender,
                    "kind": c.parsed.envelope.kind.value,
                    "records": [str(r.record_id) for r in c.body.records],
                }
                for c in stored
            ],
            "count": len(stored),
        }
    audit.write(conn, node.audit_key, INBOX, "exchange_receive", details=details)


def refuse(node: Node, exc: PacketError, remote: str | None) -> Answer:
    """Refuse a whole posted batch that cannot be read (kept and audited as any refusal)."""
    return _refuse(node, exc, None, None, remote)


def parse_batch(raw: bytes) -> list[Any]:
    """The packets of a posted batch (``{"packets": [...]}``); PacketError("malformed")."""
    try:
        data = json.loads(raw)
    except ValueError:
        raise PacketError("malformed", "not a JSON batch") from None
    packets = data.get("packets") if isinstance(data, dict) else None
    if not isinstance(packets, list) or not packets:
        raise PacketError("malformed", 'a batch is {"packets": [packet, ...]}')
    if len(packets) > MAX_BATCH:
        raise PacketError("malformed", f"packets: at most {MAX_BATCH} messages in one batch")
    return packets
