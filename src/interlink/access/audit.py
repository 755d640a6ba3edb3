"""The audit log: every read, change, export, search and erasure of personal data.

Entries form a chain: each one's hash is an HMAC over its own fields and the previous
hash, with a key kept outside the database. Anyone who edits, removes or reorders an entry
in the database breaks the chain at that point, and cannot rebuild it without the key.
Entries hold ids and counts, never names: the log is for accountability, not a copy of
the data.

Appending takes the chain head with an UPDATE, which serializes concurrent writers (two
API workers, or a worker and the CLI) on SQLite and PostgreSQL alike, in the same
transaction as the change it records: no change without its entry, no entry without it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select, update

from interlink.access.roles import Actor
from interlink.store.schema import audit_head, audit_log

GENESIS = "0" * 64


def load_or_create_key(path: Path) -> bytes:
    """The chain key; created (readable by the node's account only) on first use."""
    if path.exists():
        return bytes.fromhex(path.read_text().strip())
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    path.touch(mode=0o600)
    path.write_text(key.hex())
    return key


def _utc_text(at: datetime) -> str:
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at.isoformat(timespec="microseconds")


def entry_hash(key: bytes, prev_hash: str, row: dict[str, Any]) -> str:
    fields = [
        row["seq"],
        _utc_text(row["at"]),
        row["actor_id"],
        row["actor"],
        row["actor_role"],
        row["actor_unit"],
        row["action"],
        row["record_kind"],
        row["record_id"],
        row["purpose"],
        row["outcome"],
        row["details"],
    ]
    message = prev_hash + json.dumps(fields, ensure_ascii=True, separators=(",", ":"))
    return hmac.new(key, message.encode(), hashlib.sha256).hexdigest()


def write(
    conn: Connection,
    key: bytes,
    actor: Actor,
    action: str,
    *,
    record_kind: str | None = None,
    record_id: str | None = None,
    purpose: str | None = None,
    outcome: str = "ok",
    details: dict[str, Any] | None = None,
) -> int:
    """Append one entry in the caller's transaction; returns its sequence number."""
    head = conn.execute(
        update(audit_head)
        .where(audit_head.c.id == 1)
        .values(seq=audit_head.c.seq + 1)
        .returning(audit_head.c.seq, audit_head.c.hash)
    ).one()
    row: dict[str, Any] = {
        "seq": int(head.seq),
        "at": datetime.now(UTC),
        "actor_id": actor.id,
        "actor": actor.username,
        "actor_role": actor.role.value,
        "actor_unit": actor.unit,
        "action": action,
        "record_kind": record_kind,
        "record_id": record_id,
        "purpose": purpose,
        "outcome": outcome,
        "details": json.dumps(details or {}, sort_keys=True, separators=(",", ":")),
    }
    row["prev_hash"] = head.hash
    row["hash"] = entry_hash(key, head.hash, row)
    conn.execute(audit_log.insert().values(**row))
    conn.execute(update(audit_head).where(audit_head.c.id == 1).values(hash=row["hash"]))
    return row["seq"]


@dataclass
class Verification:
    checked: int = 0
    head_seq: int = 0
    head_hash: str = GENESIS
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _entries(conn: Connection, batch: int = 5000) -> Iterator[dict[str, Any]]:
    last = 0
    while True:
        rows = (
            conn.execute(
                select(audit_log)
                .where(audit_log.c.seq > last)
                .order_by(audit_log.c.seq)
                .limit(batch)
            )
            .mappings()
            .all()
        )
        if not rows:
            return
        yield from (dict(r) for r in rows)
        last = rows[-1]["seq"]


def verify(conn: Connection, key: bytes, expect: tuple[int, str] | None = None) -> Verification:
    """Walk the whole chain; report every entry that was edited, removed or moved.

    ``expect`` is a (seq, hash) noted earlier outside the database: it catches what the
    chain alone cannot, entries cut from the end.
    """
    result = Verification()
    expected_seq, prev = 1, GENESIS
    for row in _entries(conn):
        seq = row["seq"]
        if seq != expected_seq:
            result.problems.append(
                f"entries {expected_seq}..{seq - 1} are missing (removed)"
                if seq > expected_seq
                else f"entry {seq} is out of order"
            )
        if row["prev_hash"] != prev:
            result.problems.append(f"entry {seq} does not follow the entry before it")
        if entry_hash(key, row["prev_hash"], row) != row["hash"]:
            result.problems.append(f"entry {seq} was changed after it was written")
        if expect is not None and seq == expect[0] and row["hash"] != expect[1]:
            result.problems.append(f"entry {seq} is not the entry noted earlier")
        prev = row["hash"]
        expected_seq = seq + 1
        result.checked += 1
    head = conn.execute(select(audit_head).where(audit_head.c.id == 1)).one()
    result.head_seq, result.head_hash = int(head.seq), head.hash
    if head.seq != expected_seq - 1 or head.hash != prev:
        result.problems.append(
            f"the chain ends at entry {expected_seq - 1} but its head says {head.seq}: "
            "entries were removed from the end"
        )
    if expect is not None and expected_seq - 1 < expect[0]:
        result.problems.append(
            f"the log ends at entry {expected_seq - 1}, before entry {expect[0]} noted earlier"
        )
    return result


@dataclass(frozen=True)
class RecordAccess:
    """One entry of a record's history, for "who has looked at this record"."""

    seq: int
    at: datetime
    actor: str
    actor_role: str
    actor_unit: str | None
    action: str
    purpose: str | None
    outcome: str


def record_history(conn: Connection, record_id: str, *, limit: int = 100) -> list[RecordAccess]:
    """The latest entries naming one record (reads, changes, refusals), newest first.

    Searches and lists that returned the record are not included: their entries name it
    only among many ids in ``details``, which is not indexed.
    """
    rows = conn.execute(
        select(
            audit_log.c.seq,
            audit_log.c.at,
            audit_log.c.actor,
            audit_log.c.actor_role,
            audit_log.c.actor_unit,
            audit_log.c.action,
            audit_log.c.purpose,
            audit_log.c.outcome,
        )
        .where(audit_log.c.record_id == record_id)
        .order_by(audit_log.c.seq.desc())
        .limit(limit)
    ).all()
    return [
        RecordAccess(
            int(r.seq),
            r.at if r.at.tzinfo else r.at.replace(tzinfo=UTC),
            r.actor,
            r.actor_role,
            r.actor_unit,
            r.action,
            r.purpose,
            r.outcome,
        )
        for r in rows
    ]
