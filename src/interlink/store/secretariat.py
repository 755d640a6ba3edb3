"""SQL of the Secretariat's part of the exchange: reported records and their owners' rules,
hits between countries, hit notifications at a national node, and notices.

The reported records themselves are ordinary rows of ``records`` (``store.records``), so
that the identity engine's index and search work on them unchanged; this module keeps what
only the exchange needs beside them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, or_, select, update

from interlink.store.schema import (
    hit_notifications,
    notices,
    records,
    reported_records,
    secretariat_hits,
)

# -- reported records (at the Secretariat) ---------------------------------------------------


@dataclass(frozen=True)
class Reported:
    record_id: str  # at the Secretariat
    owner: str
    origin_id: str
    kind: str
    hit_countries: list[str] | None
    detail_countries: list[str]


def _reported(row: Any) -> Reported:
    return Reported(
        str(row.record_id),
        row.owner,
        row.origin_id,
        row.kind,
        list(row.hit_countries) if row.hit_countries is not None else None,
        list(row.detail_countries or []),
    )


def reported_by_origin(
    conn: Connection, owner: str, origin_ids: Sequence[str]
) -> dict[str, Reported]:
    """The reported records of an owner by their id at the owner."""
    if not origin_ids:
        return {}
    rows = conn.execute(
        select(reported_records).where(
            reported_records.c.owner == owner, reported_records.c.origin_id.in_(list(origin_ids))
        )
    )
    return {r.origin_id: _reported(r) for r in rows}


def reported_by_id(conn: Connection, record_ids: Sequence[str]) -> dict[str, Reported]:
    if not record_ids:
        return {}
    rows = conn.execute(
        select(reported_records).where(reported_records.c.record_id.in_(list(record_ids)))
    )
    return {str(r.record_id): _reported(r) for r in rows}


def add_reported(
    conn: Connection,
    *,
    record_id: str,
    owner: str,
    origin_id: str,
    kind: str,
    hit_countries: list[str] | None,
    detail_countries: list[str],
    message_id: str,
    at: datetime,
) -> None:
    conn.execute(
        insert(reported_records).values(
            record_id=record_id,
            owner=owner,
            origin_id=origin_id,
            kind=kind,
            hit_countries=hit_countries,
            detail_countries=detail_countries,
            message_id=message_id,
            reported_at=at,
            updated_at=at,
        )
    )


def touch_reported(
    conn: Connection,
    record_id: str,
    message_id: str,
    at: datetime,
    rules: tuple[list[str] | None, list[str]] | None = None,
) -> None:
    """Mark a reported record updated; with ``rules``, replace the owner's rules too."""
    values: dict[str, Any] = {"message_id": message_id, "updated_at": at}
    if rules is not None:
        values.update(hit_countries=rules[0], detail_countries=rules[1])
    conn.execute(
        update(reported_records).where(reported_records.c.record_id == record_id).values(**values)
    )


def forget_reported(conn: Connection, record_id: str) -> None:
    conn.execute(delete(reported_records).where(reported_records.c.record_id == record_id))


def reported_links_to(conn: Connection, owner: str, record_id: str) -> list[str]:
    """The owner's reported link records that point at this record (they go with it)."""
    from interlink.store.schema import refs

    rows = conn.execute(
        select(refs.c.record_id)
        .join(reported_records, reported_records.c.record_id == refs.c.record_id)
        .where(
            refs.c.target_id == record_id,
            reported_records.c.owner == owner,
            reported_records.c.kind == "link",
        )
    )
    return sorted({str(r[0]) for r in rows})


def reported_counts(conn: Connection) -> dict[str, int]:
    """Reported records per owner."""
    rows = conn.execute(
        select(reported_records.c.owner, func.count()).group_by(reported_records.c.owner)
    )
    return {owner: int(n) for owner, n in rows}


def reported_persons(conn: Connection) -> list[tuple[str, str]]:
    """(record id, owner) of every reported person, for a batch re-link."""
    rows = conn.execute(
        select(reported_records.c.record_id, reported_records.c.owner).where(
            reported_records.c.kind == "person"
        )
    )
    return [(str(r[0]), r[1]) for r in rows]


def other_countries_clause(owner: str) -> Any:
    """SQL: a reported person of a country other than ``owner`` (the candidates of a link)."""
    return and_(
        records.c.kind == "person",
        records.c.origin_node.is_not(None),
        records.c.origin_node != owner,
    )


# -- hits (at the Secretariat) ----------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    id: str
    left_record: str
    right_record: str
    left_owner: str
    left_origin: str
    right_owner: str
    right_origin: str
    band: str
    probability: float
    status: str
    closed_reason: str | None
    left_told: bool
    right_told: bool
    created_at: datetime
    updated_at: datetime


def _hit(row: Any) -> Hit:
    return Hit(
        str(row.id),
        str(row.left_record),
        str(row.right_record),
        row.left_owner,
        row.left_origin,
        row.right_owner,
        row.right_origin,
        row.band,
        float(row.probability),
        row.status,
        row.closed_reason,
        bool(row.left_told),
        bool(row.right_told),
        row.created_at,
        row.updated_at,
    )


def hit_for_pair(conn: Connection, left: str, right: str) -> Hit | None:
    row = conn.execute(
        select(secretariat_hits).where(
            secretariat_hits.c.left_record == left, secretariat_hits.c.right_record == right
        )
    ).first()
    return _hit(row) if row else None


def hits_of(conn: Connection, record_id: str, *, open_only: bool = True) -> list[Hit]:
    query = select(secretariat_hits).where(
        or_(
            secretariat_hits.c.left_record == record_id,
            secretariat_hits.c.right_record == record_id,
        )
    )
    if open_only:
        query = query.where(secretariat_hits.c.status == "open")
    return [_hit(r) for r in conn.execute(query.order_by(secretariat_hits.c.id))]


def insert_hit(conn: Connection, **values: Any) -> None:
    conn.execute(insert(secretariat_hits).values(**values))


def update_hit(conn: Connection, hit_id: str, **values: Any) -> None:
    conn.execute(update(secretariat_hits).where(secretariat_hits.c.id == hit_id).values(**values))


def list_hits(conn: Connection, *, status: str | None = None, limit: int = 100) -> list[Hit]:
    query = select(secretariat_hits).order_by(secretariat_hits.c.updated_at.desc()).limit(limit)
    if status:
        query = query.where(secretariat_hits.c.status == status)
    return [_hit(r) for r in conn.execute(query)]


def count_hits(conn: Connection, status: str | None = None) -> int:
    query = select(func.count()).select_from(secretariat_hits)
    if status:
        query = query.where(secretariat_hits.c.status == status)
    return int(conn.execute(query).scalar_one())


# -- hit notifications (at a national node) ---------------------------------------------------


@dataclass(frozen=True)
class HitNotification:
    hit_id: str
    record_id: str
    other_country: str
    other_record: str | None
    band: str
    probability: float
    status: str
    message_id: str
    received_at: datetime
    updated_at: datetime
    read_at: datetime | None


def _notification(row: Any) -> HitNotification:
    return HitNotification(
        str(row.hit_id),
        str(row.record_id),
        row.other_country,
        row.other_record,
        row.band,
        float(row.probability),
        row.status,
        str(row.message_id),
        row.received_at,
        row.updated_at,
        row.read_at,
    )


def keep_notification(conn: Connection, values: dict[str, Any]) -> None:
    """Insert or update (by the Secretariat's hit id) a hit notification."""
    hit_id = values["hit_id"]
    found = conn.execute(
        select(hit_notifications.c.hit_id).where(hit_notifications.c.hit_id == hit_id)
    ).first()
    if found is None:
        conn.execute(insert(hit_notifications).values(**values, read_at=None))
    else:
        changed = {k: v for k, v in values.items() if k not in ("hit_id", "received_at")}
        changed["read_at"] = None  # news about a hit is unread again
        conn.execute(
            update(hit_notifications).where(hit_notifications.c.hit_id == hit_id).values(**changed)
        )


def notification(conn: Connection, hit_id: str) -> HitNotification | None:
    row = conn.execute(
        select(hit_notifications).where(hit_notifications.c.hit_id == hit_id)
    ).first()
    return _notification(row) if row else None


def list_notifications(
    conn: Connection, *, status: str | None = None, limit: int = 100, offset: int = 0
) -> list[HitNotification]:
    query = (
        select(hit_notifications)
        .order_by(hit_notifications.c.updated_at.desc(), hit_notifications.c.hit_id)
        .limit(limit)
        .offset(offset)
    )
    if status:
        query = query.where(hit_notifications.c.status == status)
    return [_notification(r) for r in conn.execute(query)]


def unread_notifications(conn: Connection) -> int:
    query = select(func.count()).where(
        hit_notifications.c.read_at.is_(None), hit_notifications.c.status == "open"
    )
    return int(conn.execute(query).scalar_one())


def mark_notification_read(conn: Connection, hit_id: str, at: datetime) -> None:
    conn.execute(
        update(hit_notifications)
        .where(hit_notifications.c.hit_id == hit_id, hit_notifications.c.read_at.is_(None))
        .values(read_at=at)
    )


# -- notices (published at the Secretariat, kept at every node) ------------------------------


@dataclass(frozen=True)
class Notice:
    id: str
    issuer: str
    notice_kind: str
    subject: str | None
    text: str | None
    person: dict[str, Any] | None
    published_at: datetime
    cancelled_at: datetime | None
    cancel_reason: str | None
    read_at: datetime | None

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None


def _notice(row: Any) -> Notice:
    return Notice(
        str(row.id),
        row.issuer,
        row.notice_kind,
        row.subject,
        row.text,
        dict(row.person) if row.person is not None else None,
        row.published_at,
        row.cancelled_at,
        row.cancel_reason,
        row.read_at,
    )


def add_notice(conn: Connection, values: dict[str, Any]) -> bool:
    """Keep a notice; False (nothing changed) when one with its id is kept already."""
    found = conn.execute(select(notices.c.id).where(notices.c.id == values["id"])).first()
    if found is not None:
        return False
    conn.execute(insert(notices).values(**values))
    return True


def cancel_notice(conn: Connection, notice_id: str, at: datetime, reason: str | None) -> bool:
    """Mark a notice cancelled and remove its details; False when there is no such notice or
    it is cancelled already."""
    result = conn.execute(
        update(notices)
        .where(notices.c.id == notice_id, notices.c.cancelled_at.is_(None))
        .values(cancelled_at=at, cancel_reason=reason, subject=None, text=None, person=None)
    )
    return bool(result.rowcount)


def get_notice(conn: Connection, notice_id: str) -> Notice | None:
    row = conn.execute(select(notices).where(notices.c.id == notice_id)).first()
    return _notice(row) if row else None


def list_notices(
    conn: Connection, *, include_cancelled: bool = True, limit: int = 100, offset: int = 0
) -> list[Notice]:
    query = (
        select(notices)
        .order_by(notices.c.published_at.desc(), notices.c.id)
        .limit(limit)
        .offset(offset)
    )
    if not include_cancelled:
        query = query.where(notices.c.cancelled_at.is_(None))
    return [_notice(r) for r in conn.execute(query)]


def unread_notices(conn: Connection) -> int:
    query = select(func.count()).where(
        notices.c.read_at.is_(None), notices.c.cancelled_at.is_(None)
    )
    return int(conn.execute(query).scalar_one())


def mark_notice_read(conn: Connection, notice_id: str, at: datetime) -> None:
    conn.execute(
        update(notices)
        .where(notices.c.id == notice_id, notices.c.read_at.is_(None))
        .values(read_at=at)
    )


def unread_messages(conn: Connection) -> int:
    """Incoming messages (not receipts, hits or notices, which have their own lists) unread."""
    from interlink.store.schema import exchange_messages

    query = select(func.count()).where(
        exchange_messages.c.direction == "in",
        exchange_messages.c.read_at.is_(None),
        exchange_messages.c.kind.in_(["message", "request", "reply"]),
    )
    return int(conn.execute(query).scalar_one())
