"""SQL of interlink.media: hash sets and their hashes, series, scans. Hashes only.

No function here takes or returns an image's content: the tables have no column for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, select, update

from interlink.store.schema import (
    media_hash_sets,
    media_hashes,
    media_scan_files,
    media_scans,
    media_series,
    media_series_cases,
)

ACTIVE = "active"
WITHDRAWN = "withdrawn"
LOOKUP_BATCH = 500
INSERT_BATCH = 5000


@dataclass(frozen=True)
class HashSet:
    id: str
    name: str
    source: str
    format: str
    dated: date | None
    baseline: bool
    status: str
    origin_node: str | None
    entries: int
    file_sha256: str | None
    imported_at: datetime
    imported_by: str
    withdrawn_at: datetime | None


@dataclass(frozen=True)
class KnownHash:
    """A hash entry of an active set, as a match needs it."""

    value: str
    set_id: str
    set_name: str
    baseline: bool
    series: str | None
    category: str | None
    scale: str


@dataclass(frozen=True)
class Series:
    name: str
    production_country: str | None
    victim_identified: bool
    identified_by: str | None
    identified_on: date | None
    updated_at: datetime
    updated_by: str


def _set(row: Any) -> HashSet:
    return HashSet(**row._mapping)


def get_set(
    conn: Connection, *, name: str | None = None, set_id: str | None = None
) -> HashSet | None:
    query = select(media_hash_sets)
    query = query.where(
        media_hash_sets.c.name == name if name is not None else media_hash_sets.c.id == set_id
    )
    row = conn.execute(query).first()
    return _set(row) if row else None


def list_sets(conn: Connection) -> list[HashSet]:
    rows = conn.execute(select(media_hash_sets).order_by(media_hash_sets.c.name))
    return [_set(r) for r in rows]


def replace_set(
    conn: Connection, values: dict[str, Any], entries: Iterable[dict[str, Any]]
) -> None:
    """Write a set and its hashes; an existing set of that id loses its previous hashes."""
    set_id = values["id"]
    exists = conn.execute(
        select(media_hash_sets.c.id).where(media_hash_sets.c.id == set_id)
    ).first()
    if exists:
        conn.execute(update(media_hash_sets).where(media_hash_sets.c.id == set_id).values(values))
        conn.execute(delete(media_hashes).where(media_hashes.c.set_id == set_id))
    else:
        conn.execute(insert(media_hash_sets).values(values))
    batch: list[dict[str, Any]] = []
    for entry in entries:
        batch.append({**entry, "set_id": set_id})
        if len(batch) >= INSERT_BATCH:
            conn.execute(insert(media_hashes), batch)
            batch = []
    if batch:
        conn.execute(insert(media_hashes), batch)


def add_hashes(conn: Connection, set_id: str, entries: Sequence[dict[str, Any]]) -> int:
    """Append entries to a set (the international set grows by what countries share)."""
    if entries:
        conn.execute(insert(media_hashes), [{**e, "set_id": set_id} for e in entries])
    total = conn.execute(
        select(func.count()).select_from(media_hashes).where(media_hashes.c.set_id == set_id)
    ).scalar_one()
    conn.execute(
        update(media_hash_sets).where(media_hash_sets.c.id == set_id).values(entries=total)
    )
    return int(total)


def existing_values(conn: Connection, set_id: str, kind: str, values: Sequence[str]) -> set[str]:
    column = media_hashes.c[kind]
    found: set[str] = set()
    for start in range(0, len(values), LOOKUP_BATCH):
        chunk = list(values[start : start + LOOKUP_BATCH])
        rows = conn.execute(
            select(column).where(media_hashes.c.set_id == set_id, column.in_(chunk))
        )
        found.update(r[0] for r in rows)
    return found


def withdraw_set(conn: Connection, set_id: str, at: datetime) -> None:
    conn.execute(
        update(media_hash_sets)
        .where(media_hash_sets.c.id == set_id)
        .values(status=WITHDRAWN, withdrawn_at=at)
    )


def _known_query(column: Any) -> Any:
    return (
        select(
            column,
            media_hashes.c.set_id,
            media_hash_sets.c.name,
            media_hash_sets.c.baseline,
            media_hashes.c.series,
            media_hashes.c.category,
            media_hashes.c.scale,
        )
        .join(media_hash_sets, media_hash_sets.c.id == media_hashes.c.set_id)
        .where(media_hash_sets.c.status == ACTIVE)
    )


def lookup_exact(conn: Connection, kind: str, values: Sequence[str]) -> dict[str, list[KnownHash]]:
    """Entries of active sets whose ``kind`` hash (md5, sha1, sha256) is one of ``values``."""
    column = media_hashes.c[kind]
    found: dict[str, list[KnownHash]] = {}
    unique = sorted(set(values))
    for start in range(0, len(unique), LOOKUP_BATCH):
        chunk = unique[start : start + LOOKUP_BATCH]
        for row in conn.execute(_known_query(column).where(column.in_(chunk))):
            found.setdefault(row[0], []).append(KnownHash(*row))
    return found


def pdq_entries(conn: Connection) -> Iterator[KnownHash]:
    """Every PDQ hash of the active sets (the scan builds its in-memory index from them)."""
    column = media_hashes.c.pdq
    query = _known_query(column).where(column.is_not(None))
    rows = conn.execute(query.execution_options(yield_per=50_000))
    for row in rows:
        yield KnownHash(*row)


def set_hashes(conn: Connection, set_id: str) -> list[Any]:
    """Every entry of one set (rows with the media_hashes columns)."""
    return list(conn.execute(select(media_hashes).where(media_hashes.c.set_id == set_id)))


def series_hashes(conn: Connection, series: str) -> list[Any]:
    """Distinct entries of active sets naming the series."""
    query = (
        select(media_hashes)
        .join(media_hash_sets, media_hash_sets.c.id == media_hashes.c.set_id)
        .where(media_hash_sets.c.status == ACTIVE, media_hashes.c.series == series)
    )
    seen: set[tuple[Any, ...]] = set()
    rows = []
    for row in conn.execute(query):
        key = (row.md5, row.sha1, row.sha256, row.pdq)
        if key not in seen:
            seen.add(key)
            rows.append(row)
    return rows


# --- series ------------------------------------------------------------------------------


def get_series(conn: Connection, name: str) -> Series | None:
    row = conn.execute(select(media_series).where(media_series.c.name == name)).first()
    return Series(**row._mapping) if row else None


def list_series(conn: Connection, names: Sequence[str] | None = None) -> list[Series]:
    query = select(media_series).order_by(media_series.c.name)
    if names is not None:
        query = query.where(media_series.c.name.in_(list(names)))
    return [Series(**r._mapping) for r in conn.execute(query)]


def put_series(conn: Connection, values: dict[str, Any]) -> None:
    """Create or update a series record (``values`` has its name and the changed fields)."""
    name = values["name"]
    if get_series(conn, name) is None:
        conn.execute(insert(media_series).values({"victim_identified": False, **values}))
    else:
        conn.execute(update(media_series).where(media_series.c.name == name).values(values))


def link_case(conn: Connection, series: str, node: str, case_id: str, at: datetime) -> bool:
    """Record that a case holds a series; False when it was known already."""
    key = and_(
        media_series_cases.c.series == series,
        media_series_cases.c.node == node,
        media_series_cases.c.case_id == case_id,
    )
    if conn.execute(select(media_series_cases.c.series).where(key)).first():
        return False
    conn.execute(
        insert(media_series_cases).values(series=series, node=node, case_id=case_id, first_seen=at)
    )
    return True


def series_cases(conn: Connection, series: str) -> list[tuple[str, str, datetime]]:
    """(node, case id, first seen) of every case known to hold the series."""
    rows = conn.execute(
        select(
            media_series_cases.c.node, media_series_cases.c.case_id, media_series_cases.c.first_seen
        )
        .where(media_series_cases.c.series == series)
        .order_by(media_series_cases.c.node, media_series_cases.c.first_seen)
    )
    return [(r[0], r[1], r[2]) for r in rows]


def series_of_cases(conn: Connection, case_ids: Sequence[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    if not case_ids:
        return found
    rows = conn.execute(
        select(media_series_cases.c.case_id, media_series_cases.c.series)
        .where(media_series_cases.c.case_id.in_(list(case_ids)))
        .order_by(media_series_cases.c.series)
    )
    for case_id, series in rows:
        found.setdefault(case_id, []).append(series)
    return found


# --- scans ---------------------------------------------------------------------------------


def insert_scan(conn: Connection, scan: dict[str, Any], files: Sequence[dict[str, Any]]) -> None:
    conn.execute(insert(media_scans).values(scan))
    for start in range(0, len(files), INSERT_BATCH):
        conn.execute(
            insert(media_scan_files),
            [{**f, "scan_id": scan["id"]} for f in files[start : start + INSERT_BATCH]],
        )


def scans_of_case(conn: Connection, case_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(media_scans)
        .where(media_scans.c.case_id == case_id)
        .order_by(media_scans.c.started_at.desc())
    )
    return [dict(r._mapping) for r in rows]


def get_scan(conn: Connection, scan_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(media_scans).where(media_scans.c.id == scan_id)).first()
    return dict(row._mapping) if row else None


def recent_scans(conn: Connection, limit: int = 100) -> list[dict[str, Any]]:
    rows = conn.execute(select(media_scans).order_by(media_scans.c.started_at.desc()).limit(limit))
    return [dict(r._mapping) for r in rows]


def scan_files(
    conn: Connection, scan_id: str, limit: int = 1000, offset: int = 0
) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(media_scan_files)
        .where(media_scan_files.c.scan_id == scan_id)
        .order_by(media_scan_files.c.status, media_scan_files.c.path)
        .limit(limit)
        .offset(offset)
    )
    return [dict(r._mapping) for r in rows]


def unmatched_of_cases(conn: Connection, case_ids: Sequence[str]) -> dict[str, int]:
    """Distinct unmatched files (by SHA-256) found in each case's scans."""
    if not case_ids:
        return {}
    rows = conn.execute(
        select(media_scans.c.case_id, func.count(func.distinct(media_scan_files.c.sha256)))
        .join(media_scans, media_scans.c.id == media_scan_files.c.scan_id)
        .where(media_scans.c.case_id.in_(list(case_ids)), media_scan_files.c.status == "unmatched")
        .group_by(media_scans.c.case_id)
    )
    return {r[0]: int(r[1]) for r in rows}
