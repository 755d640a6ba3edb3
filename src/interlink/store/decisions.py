"""SQL of identity decisions (the table is ``store.schema.identity_decisions``).

The only module that writes the table. A pair is stored ordered (``pair``), so every
lookup asks for ``(min, max)``; at most one decision per pair is active (``undone_at`` is
null), which a partial unique index enforces. Access is not decided here: callers pass the
reader's visibility condition (``store.records.visibility``) where records are shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Connection, and_, delete, exists, or_, select, update

from interlink.store.schema import identity_decisions as table
from interlink.store.schema import records

SAME = "same"
DIFFERENT = "different"


@dataclass(frozen=True)
class StoredDecision:
    id: str
    left_id: str
    right_id: str
    verdict: str
    reason: str
    decided_by: str
    decided_at: datetime
    undone_at: datetime | None
    undone_by: str | None
    undo_reason: str | None

    @property
    def active(self) -> bool:
        return self.undone_at is None

    def other(self, record_id: str) -> str:
        """The pair's record that is not ``record_id``."""
        return self.right_id if record_id == self.left_id else self.left_id


def pair(a: str, b: str) -> tuple[str, str]:
    """The stored order of a pair: (a, b) and (b, a) are the same pair."""
    return (a, b) if a < b else (b, a)


def _decision(row: object) -> StoredDecision:
    m = row._mapping  # type: ignore[attr-defined]
    return StoredDecision(**{c.name: m[c.name] for c in table.columns})


def insert(
    conn: Connection,
    *,
    decision_id: str,
    left_id: str,
    right_id: str,
    verdict: str,
    reason: str,
    decided_by: str,
    decided_at: datetime,
) -> StoredDecision:
    left, right = pair(left_id, right_id)
    row = {
        "id": decision_id,
        "left_id": left,
        "right_id": right,
        "verdict": verdict,
        "reason": reason,
        "decided_by": decided_by,
        "decided_at": decided_at,
    }
    conn.execute(table.insert().values(**row))
    found = get(conn, decision_id)
    assert found is not None
    return found


def get(conn: Connection, decision_id: str, *, for_update: bool = False) -> StoredDecision | None:
    query = select(table).where(table.c.id == decision_id)
    if for_update and conn.dialect.name == "postgresql":
        query = query.with_for_update()
    row = conn.execute(query).first()
    return _decision(row) if row else None


def active_for_pair(conn: Connection, a: str, b: str) -> StoredDecision | None:
    left, right = pair(a, b)
    row = conn.execute(
        select(table).where(
            table.c.left_id == left, table.c.right_id == right, table.c.undone_at.is_(None)
        )
    ).first()
    return _decision(row) if row else None


def mark_undone(
    conn: Connection, decision_id: str, *, by: str, at: datetime, reason: str
) -> StoredDecision:
    """Undo an active decision (the row stays, with who undid it, when and why)."""
    conn.execute(
        update(table)
        .where(table.c.id == decision_id, table.c.undone_at.is_(None))
        .values(undone_at=at, undone_by=by, undo_reason=reason)
    )
    found = get(conn, decision_id)
    assert found is not None
    return found


def active_for(
    conn: Connection, record_id: str, visible: ColumnElement[bool] | None = None
) -> list[StoredDecision]:
    """The active decisions naming ``record_id``, oldest first; with ``visible``, only those
    whose other record exists and meets that condition (one query)."""
    query = select(table).where(
        table.c.undone_at.is_(None),
        or_(table.c.left_id == record_id, table.c.right_id == record_id),
    )
    if visible is not None:
        other = (
            select(records.c.id)
            .where(
                or_(
                    and_(table.c.left_id == record_id, records.c.id == table.c.right_id),
                    and_(table.c.right_id == record_id, records.c.id == table.c.left_id),
                ),
                visible,
            )
            .correlate(table)
        )
        query = query.where(exists(other))
    rows = conn.execute(query.order_by(table.c.decided_at, table.c.id)).all()
    return [_decision(r) for r in rows]


def verdicts(
    conn: Connection, record_ids: Iterable[str], candidates: Iterable[str]
) -> dict[tuple[str, str], str]:
    """(left, right) → verdict of every active decision between one of ``record_ids`` and
    one of ``candidates``; one query."""
    mine = sorted({str(i) for i in record_ids})
    theirs = sorted({str(i) for i in candidates})
    if not mine or not theirs:
        return {}
    rows = conn.execute(
        select(table.c.left_id, table.c.right_id, table.c.verdict).where(
            table.c.undone_at.is_(None),
            or_(
                and_(table.c.left_id.in_(mine), table.c.right_id.in_(theirs)),
                and_(table.c.left_id.in_(theirs), table.c.right_id.in_(mine)),
            ),
        )
    )
    return {(r.left_id, r.right_id): r.verdict for r in rows}


def same_neighbours(conn: Connection, record_ids: Iterable[str]) -> set[str]:
    """Every record an active 'same' decision joins to one of ``record_ids``."""
    ids = sorted(set(record_ids))
    if not ids:
        return set()
    rows = conn.execute(
        select(table.c.left_id, table.c.right_id).where(
            table.c.undone_at.is_(None),
            table.c.verdict == SAME,
            or_(table.c.left_id.in_(ids), table.c.right_id.in_(ids)),
        )
    )
    return {i for r in rows for i in (r.left_id, r.right_id)}


def forget_record(conn: Connection, record_id: str) -> None:
    """Remove every decision naming a record that is deleted or erased: they are about it."""
    conn.execute(
        delete(table).where(or_(table.c.left_id == record_id, table.c.right_id == record_id))
    )
