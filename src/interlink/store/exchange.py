"""Persistence of the exchange: the node directory, messages, the outbox with its leases,
refusals and the register of shared records. The only module with the exchange's SQL."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from interlink.store.schema import (
    exchange_dead_letters,
    exchange_messages,
    exchange_nodes,
    exchange_outbox,
    exchange_refusals,
    exchange_shared,
    records,
)

_WRITE_LOCKS: dict[str, threading.Lock] = {}


def write_lock(engine: Engine) -> AbstractContextManager[object]:
    """On SQLite, one writer at a time per process, queued on a lock: the threads of a busy
    inbox and its delivery worker otherwise meet at the database lock, whose busy handler
    sleeps up to 100 ms between tries. PostgreSQL locks rows and needs no such thing."""
    if engine.dialect.name != "sqlite":
        return nullcontext()
    return _WRITE_LOCKS.setdefault(str(engine.url), threading.Lock())


# Order of a recipient's status: a receipt never moves it back.
STATUS_ORDER = {"queued": 0, "failed": 0, "delivered": 1, "received": 2, "read": 3}


# -- directory ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NodeEntry:
    id: str
    role: str
    url: str
    signing_key: str
    encryption_key: str


def _entry(row: Any) -> NodeEntry:
    return NodeEntry(row.id, row.role, row.url, row.signing_key, row.encryption_key)


def put_node(conn: Connection, entry: NodeEntry, at: datetime, by: str) -> bool:
    """Add or replace a directory entry; True when it was new."""
    values = {
        "role": entry.role,
        "url": entry.url,
        "signing_key": entry.signing_key,
        "encryption_key": entry.encryption_key,
        "added_at": at,
        "added_by": by,
    }
    changed = conn.execute(
        update(exchange_nodes).where(exchange_nodes.c.id == entry.id).values(**values)
    ).rowcount
    if changed:
        return False
    conn.execute(insert(exchange_nodes).values(id=entry.id, **values))
    return True


def get_node(conn: Connection, node_id: str) -> NodeEntry | None:
    row = conn.execute(select(exchange_nodes).where(exchange_nodes.c.id == node_id)).first()
    return _entry(row) if row else None


def list_nodes(conn: Connection) -> list[NodeEntry]:
    return [_entry(r) for r in conn.execute(select(exchange_nodes).order_by(exchange_nodes.c.id))]


def remove_node(conn: Connection, node_id: str) -> bool:
    return bool(conn.execute(delete(exchange_nodes).where(exchange_nodes.c.id == node_id)).rowcount)


# -- messages ----------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredMessage:
    id: str
    direction: str
    sender: str
    recipients: list[str]
    kind: str
    created: datetime
    handling_code: str
    restrictions: str | None
    in_reply_to: str | None
    subject: str | None
    body: dict[str, Any]
    digest: str
    created_by: str | None
    received_at: datetime | None
    last_sent: datetime | None
    read_at: datetime | None
    read_by: str | None


def _message(row: Any) -> StoredMessage:
    m = row._mapping
    return StoredMessage(
        id=m["id"],
        direction=m["direction"],
        sender=m["sender"],
        recipients=json.loads(m["recipients"]),
        kind=m["kind"],
        created=m["created"],
        handling_code=m["handling_code"],
        restrictions=m["restrictions"],
        in_reply_to=m["in_reply_to"],
        subject=m["subject"],
        body=json.loads(m["body"]),
        digest=m["digest"],
        created_by=m["created_by"],
        received_at=m["received_at"],
        last_sent=m["last_sent"],
        read_at=m["read_at"],
        read_by=m["read_by"],
    )


def insert_message(conn: Connection, row: dict[str, Any]) -> None:
    """Insert a message row; ``recipients`` a list and ``body`` JSON text."""
    values: dict[str, Any] = {c.name: None for c in exchange_messages.columns}
    values.update(row, recipients=json.dumps(row["recipients"]))
    # Parameters apart from the statement: one compiled INSERT, cached, for every message.
    conn.execute(insert(exchange_messages), values)


def try_insert_message(conn: Connection, row: dict[str, Any]) -> bool:
    """Insert unless the id exists (a concurrent delivery of the same message); False then."""
    try:
        with conn.begin_nested():
            insert_message(conn, row)
    except IntegrityError:
        return False
    return True


def get_message(conn: Connection, message_id: str) -> StoredMessage | None:
    row = conn.execute(
        select(exchange_messages).where(exchange_messages.c.id == message_id)
    ).first()
    return _message(row) if row else None


@dataclass(frozen=True)
class Seen:
    """What the inbox needs to know of a message id it has stored already."""

    direction: str
    sender: str
    digest: str
    last_sent: datetime | None


def seen_messages(conn: Connection, message_ids: Sequence[str]) -> dict[str, Seen]:
    """The stored messages among ``message_ids`` (one query for a whole batch)."""
    if not message_ids:
        return {}
    c = exchange_messages.c
    rows = conn.execute(
        select(c.id, c.direction, c.sender, c.digest, c.last_sent).where(
            c.id.in_(list(message_ids))
        )
    )
    return {r.id: Seen(r.direction, r.sender, r.digest, r.last_sent) for r in rows}


def packet_of(conn: Connection, message_id: str) -> str | None:
    return conn.execute(
        select(exchange_messages.c.packet).where(exchange_messages.c.id == message_id)
    ).scalar_one_or_none()


def set_last_sent(conn: Connection, message_id: str, sent: datetime) -> None:
    conn.execute(
        update(exchange_messages).where(exchange_messages.c.id == message_id).values(last_sent=sent)
    )


def mark_read(conn: Connection, message_id: str, at: datetime, by: str) -> bool:
    """Note the first opening of an incoming message; True if this was the first."""
    return bool(
        conn.execute(
            update(exchange_messages)
            .where(exchange_messages.c.id == message_id, exchange_messages.c.read_at.is_(None))
            .values(read_at=at, read_by=by)
        ).rowcount
    )


def list_messages(
    conn: Connection,
    direction: str,
    *,
    kinds: Sequence[str] | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[StoredMessage], int]:
    cond = [exchange_messages.c.direction == direction]
    if kinds:
        cond.append(exchange_messages.c.kind.in_(list(kinds)))
    total = conn.execute(
        select(func.count()).select_from(exchange_messages).where(*cond)
    ).scalar_one()
    rows = conn.execute(
        select(exchange_messages)
        .where(*cond)
        .order_by(exchange_messages.c.created.desc(), exchange_messages.c.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return [_message(r) for r in rows], int(total)


def thread(conn: Connection, message_id: str) -> list[StoredMessage]:
    """Messages that answer this one (its replies), oldest first."""
    rows = conn.execute(
        select(exchange_messages)
        .where(exchange_messages.c.in_reply_to == message_id)
        .order_by(exchange_messages.c.created)
    )
    return [_message(r) for r in rows]


def count_messages(conn: Connection, direction: str | None = None) -> int:
    query = select(func.count()).select_from(exchange_messages)
    if direction:
        query = query.where(exchange_messages.c.direction == direction)
    return int(conn.execute(query).scalar_one())


# -- outbox ------------------------------------------------------------------------------


def queue_rows(conn: Connection, message_id: str, recipients: Sequence[str], now: datetime) -> None:
    conn.execute(
        insert(exchange_outbox),
        [
            {
                "message_id": message_id,
                "recipient": r,
                "status": "queued",
                "attempts": 0,
                "next_attempt_at": now,
            }
            for r in recipients
        ],
    )


@dataclass(frozen=True)
class Claimed:
    message_id: str
    recipient: str
    attempts: int


def _claimable(now: datetime) -> Any:
    return and_(
        exchange_outbox.c.status == "queued",
        exchange_outbox.c.next_attempt_at <= now,
        or_(exchange_outbox.c.lease_until.is_(None), exchange_outbox.c.lease_until < now),
    )


def due(conn: Connection, now: datetime, limit: int) -> list[tuple[str, str]]:
    rows = conn.execute(
        select(exchange_outbox.c.message_id, exchange_outbox.c.recipient)
        .where(_claimable(now))
        .order_by(exchange_outbox.c.next_attempt_at)
        .limit(limit)
    )
    return [(r.message_id, r.recipient) for r in rows]


@dataclass(frozen=True)
class Leased:
    """An outbox row claimed for one attempt, with what posting it needs."""

    message_id: str
    recipient: str
    attempts: int
    packet: str | None


def claim_batch(
    conn: Connection, now: datetime, limit: int, token: str, lease: float
) -> list[Leased]:
    """Take up to ``limit`` due rows for ``lease`` seconds in two statements, oldest first.

    The UPDATE repeats the due condition, so of two workers racing for a row exactly one
    changes it (both databases lock the row and PostgreSQL re-checks the condition); each
    claim has its own ``token``, so the SELECT finds exactly the rows this UPDATE took."""
    o = exchange_outbox.c
    candidates = [
        (r.message_id, r.recipient)
        for r in conn.execute(
            select(o.message_id, o.recipient)
            .where(_claimable(now))
            .order_by(o.next_attempt_at, o.message_id)
            .limit(limit)
        )
    ]
    if not candidates:
        return []
    by_recipient: dict[str, list[str]] = {}
    for message_id, recipient in candidates:
        by_recipient.setdefault(recipient, []).append(message_id)
    for recipient, ids in by_recipient.items():
        conn.execute(
            update(exchange_outbox)
            .where(o.recipient == recipient, o.message_id.in_(ids), _claimable(now))
            .values(
                lease_until=now + timedelta(seconds=lease),
                leased_by=token,
                attempts=o.attempts + 1,
            )
        )
    rows = conn.execute(
        select(o.message_id, o.recipient, o.attempts, exchange_messages.c.packet)
        .select_from(
            exchange_outbox.outerjoin(exchange_messages, exchange_messages.c.id == o.message_id)
        )
        .where(o.leased_by == token)
        .order_by(o.recipient, o.message_id)
    )
    return [Leased(r.message_id, r.recipient, int(r.attempts), r.packet) for r in rows]


def finish(
    conn: Connection,
    message_id: str,
    recipient: str,
    worker: str,
    *,
    status: str,
    at: datetime,
    error: str | None = None,
    next_attempt_at: datetime | None = None,
) -> None:
    """End a claimed attempt: delivered, failed, or queued again for ``next_attempt_at``."""
    values: dict[str, Any] = {"lease_until": None, "leased_by": None, "last_error": error}
    if status == "delivered":
        values.update(status="delivered", delivered_at=at)
    elif status == "failed":
        values.update(status="failed")
    else:
        values.update(next_attempt_at=next_attempt_at or at)
    conn.execute(
        update(exchange_outbox)
        .where(
            exchange_outbox.c.message_id == message_id,
            exchange_outbox.c.recipient == recipient,
            exchange_outbox.c.leased_by == worker,
            exchange_outbox.c.status == "queued",
        )
        .values(**values)
    )


def advance_status(
    conn: Connection, message_id: str, recipient: str, status: str, at: datetime
) -> bool:
    """A receipt: received or read (never backwards); True when the row changed."""
    row = conn.execute(
        select(exchange_outbox.c.status).where(
            exchange_outbox.c.message_id == message_id, exchange_outbox.c.recipient == recipient
        )
    ).first()
    if row is None or STATUS_ORDER.get(row.status, 0) >= STATUS_ORDER[status]:
        return False
    values: dict[str, Any] = {"status": status, f"{status}_at": at}
    if row.status == "queued":  # the receipt overtook the answer to our post
        values.update(delivered_at=at, lease_until=None, leased_by=None)
    conn.execute(
        update(exchange_outbox)
        .where(exchange_outbox.c.message_id == message_id, exchange_outbox.c.recipient == recipient)
        .values(**values)
    )
    return True


def advance_statuses(
    conn: Connection, message_ids: Sequence[str], recipient: str, status: str, at: datetime
) -> int:
    """A receipt for many messages at once (one UPDATE): received or read, never backwards.
    A row still queued (the receipt overtook the answer to our post) is delivered too."""
    if not message_ids:
        return 0
    o = exchange_outbox.c
    lower = [s for s, order in STATUS_ORDER.items() if order < STATUS_ORDER[status]]
    return int(
        conn.execute(
            update(exchange_outbox)
            .where(o.message_id.in_(list(message_ids)), o.recipient == recipient)
            .where(o.status.in_(lower))
            .values(
                {
                    "status": status,
                    f"{status}_at": at,
                    "delivered_at": func.coalesce(o.delivered_at, at),
                    "lease_until": None,
                    "leased_by": None,
                }
            )
        ).rowcount
    )


def statuses(conn: Connection, message_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(exchange_outbox)
        .where(exchange_outbox.c.message_id == message_id)
        .order_by(exchange_outbox.c.recipient)
    )
    return [
        {
            "recipient": r.recipient,
            "status": r.status,
            "attempts": r.attempts,
            "last_error": r.last_error,
            "delivered_at": r.delivered_at,
            "received_at": r.received_at,
            "read_at": r.read_at,
        }
        for r in rows
    ]


def outbox_counts(conn: Connection) -> dict[str, int]:
    rows = conn.execute(
        select(exchange_outbox.c.status, func.count()).group_by(exchange_outbox.c.status)
    )
    return {r[0]: int(r[1]) for r in rows}


# -- refusals ----------------------------------------------------------------------------


def add_refusal(
    conn: Connection,
    *,
    at: datetime,
    claimed_sender: str | None,
    reason: str,
    message_id: str | None,
    remote_addr: str | None,
) -> None:
    conn.execute(
        insert(exchange_refusals).values(
            id=str(uuid.uuid4()),
            at=at,
            claimed_sender=(claimed_sender or "")[:8] or None,
            reason=reason,
            message_id=(message_id or "")[:36] or None,
            remote_addr=(remote_addr or "")[:64] or None,
        )
    )


def list_refusals(conn: Connection, limit: int = 100) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(exchange_refusals).order_by(exchange_refusals.c.at.desc()).limit(limit)
    )
    return [dict(r._mapping) for r in rows]


# -- shared records and copies -----------------------------------------------------------


def note_shared(
    conn: Connection,
    record_id: str,
    version: int,
    recipients: Sequence[str],
    message_id: str,
    as_suspect: bool,
    at: datetime,
) -> None:
    conn.execute(
        insert(exchange_shared),
        [
            {
                "record_id": record_id,
                "recipient": r,
                "message_id": message_id,
                "version": version,
                "as_suspect": as_suspect,
                "sent_at": at,
            }
            for r in recipients
        ],
    )


def holders(conn: Connection, record_id: str) -> dict[str, bool]:
    """Nodes holding a copy of this record (not withdrawn) → whether it went as a suspect's."""
    rows = conn.execute(
        select(exchange_shared.c.recipient, exchange_shared.c.as_suspect).where(
            exchange_shared.c.record_id == record_id, exchange_shared.c.withdrawn_at.is_(None)
        )
    )
    found: dict[str, bool] = {}
    for r in rows:
        found[r.recipient] = found.get(r.recipient, False) or bool(r.as_suspect)
    return found


def last_sent_version(conn: Connection, record_id: str, recipient: str) -> dict[str, Any] | None:
    """The record as it last went to ``recipient`` (a SharedRecord as JSON), or None."""
    s, m = exchange_shared.c, exchange_messages.c
    body = conn.execute(
        select(m.body)
        .select_from(exchange_shared.join(exchange_messages, m.id == s.message_id))
        .where(s.record_id == record_id, s.recipient == recipient, s.withdrawn_at.is_(None))
        .order_by(s.sent_at.desc())
        .limit(1)
    ).scalar_one_or_none()
    if body is None:
        return None
    for rec in json.loads(body).get("records", []):
        if rec.get("record_id") == record_id:
            return dict(rec)
    return None


def mark_withdrawn(conn: Connection, record_id: str, at: datetime) -> None:
    conn.execute(
        update(exchange_shared)
        .where(exchange_shared.c.record_id == record_id, exchange_shared.c.withdrawn_at.is_(None))
        .values(withdrawn_at=at)
    )


def copies_of(conn: Connection, origin_node: str, origin_id: str) -> list[str]:
    """Ids of this node's copies of another node's record."""
    rows = conn.execute(
        select(records.c.id).where(
            records.c.origin_node == origin_node, records.c.origin_id == origin_id
        )
    )
    return [r.id for r in rows]


def failed_rows(conn: Connection, limit: int = 100) -> list[dict[str, Any]]:
    """Outbox rows that will not be posted again (refused, or given up after their attempts)."""
    o = exchange_outbox.c
    m = exchange_messages.c
    rows = conn.execute(
        select(o.message_id, o.recipient, o.attempts, o.last_error, m.kind, m.created)
        .select_from(exchange_outbox.join(exchange_messages, m.id == o.message_id))
        .where(o.status == "failed")
        .order_by(m.created.desc())
        .limit(limit)
    )
    return [dict(r._mapping) for r in rows]


# -- dead letters ------------------------------------------------------------------------


def add_dead_letter(conn: Connection, row: dict[str, Any]) -> bool:
    """Keep a message no handler could process; False when its id is kept already."""
    found = conn.execute(
        select(exchange_dead_letters.c.message_id).where(
            exchange_dead_letters.c.message_id == row["message_id"]
        )
    ).first()
    if found is not None:
        return False
    conn.execute(insert(exchange_dead_letters).values(**row))
    return True


def dead_letter_ids(conn: Connection, message_ids: Sequence[str]) -> dict[str, str]:
    """Dead letters among ``message_ids`` → their error ids."""
    if not message_ids:
        return {}
    d = exchange_dead_letters.c
    rows = conn.execute(select(d.message_id, d.error_id).where(d.message_id.in_(message_ids)))
    return {r.message_id: r.error_id for r in rows}


def list_dead_letters(conn: Connection, limit: int = 100) -> list[dict[str, Any]]:
    """Dead letters, newest first, without their bodies (ids, sender, kind, error)."""
    d = exchange_dead_letters.c
    rows = conn.execute(
        select(d.message_id, d.sender, d.kind, d.at, d.error_id, d.error)
        .order_by(d.at.desc())
        .limit(limit)
    )
    return [dict(r._mapping) for r in rows]
