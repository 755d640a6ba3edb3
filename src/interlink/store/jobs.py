"""Import jobs: a row per bulk load, so that every imported record can be traced to its file.

Shared by the record import and the document register's import.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, update

from interlink.store.schema import import_jobs

# A large load touches index pages everywhere (random keys): on SQLite it keeps them in a
# page cache of this size instead of going to disk and back for every batch.
SQLITE_LOAD_CACHE_KIB = 256 * 1024


def start(
    conn: Connection,
    *,
    job_id: str,
    kind: str,
    file_name: str,
    file_sha256: str,
    user: str,
    started_at: datetime,
) -> None:
    """Record a running job in the load's transaction and size the connection for it."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_LOAD_CACHE_KIB}")
    conn.execute(
        import_jobs.insert().values(
            id=job_id,
            kind=kind,
            file_name=file_name[:500],
            file_sha256=file_sha256,
            user_id=user,
            started_at=started_at,
            status="running",
        )
    )


def finish(conn: Connection, job_id: str, *, imported: int, rejected: int) -> None:
    conn.execute(
        update(import_jobs)
        .where(import_jobs.c.id == job_id)
        .values(
            finished_at=datetime.now(UTC),
            rows_imported=imported,
            rows_rejected=rejected,
            status="done",
        )
    )
