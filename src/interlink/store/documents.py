"""SQL of the document register (the table is ``store.schema.document_register``).

An import writes a batch at a time through the driver, as ``store.records.BulkWriter``
does: the batch goes into a temporary table (``executemany`` on SQLite, ``COPY`` on
PostgreSQL), then one ``INSERT … SELECT … ON CONFLICT DO UPDATE`` merges it, changing
only rows whose details differ. Added and updated rows are told apart by counting the
batch's new keys first (SQLite) or by what the merge returns (PostgreSQL: no join for a
planner to get wrong while the table grows unanalyzed in the import's transaction). A
lookup is one primary-key probe.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, func, select

from interlink.store.schema import document_register as table
from interlink.store.schema import identifiers, records, refs

COLUMNS = (
    "issuing_country",
    "number",
    "kind",
    "status",
    "reported_date",
    "reporting_agency",
    "updated_at",
    "import_job",
)
_DETAILS = ("kind", "status", "reported_date", "reporting_agency")
BATCH_TABLE = "document_register_batch"
_NAMES = ", ".join(COLUMNS)
_NEW_KEYS = (
    f"SELECT count(*) FROM {BATCH_TABLE} b WHERE NOT EXISTS (SELECT 1 FROM document_register r "
    "WHERE r.issuing_country = b.issuing_country AND r.number = b.number)"
)
_MERGE = (
    f"INSERT INTO document_register ({_NAMES}) SELECT {_NAMES} FROM {BATCH_TABLE} WHERE true "
    "ON CONFLICT (issuing_country, number) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in COLUMNS[2:])
    + " WHERE "
    + " OR ".join(f"document_register.{c} <> excluded.{c}" for c in _DETAILS)
)


@dataclass(frozen=True)
class Entry:
    issuing_country: str
    number: str
    kind: str
    status: str
    reported_date: date
    reporting_agency: str
    updated_at: datetime
    import_job: str


class BatchMerger:
    """Merges batches of entries into the register in the caller's transaction.

    An entry is a tuple of the first six ``COLUMNS``; every entry of one import gets the
    same ``updated_at`` and ``import_job``. ``close`` removes the temporary table.
    """

    def __init__(self, conn: Connection, updated_at: datetime, import_job: str) -> None:
        self.conn = conn
        self.postgres = conn.dialect.name == "postgresql"
        self.raw: Any = conn.connection.driver_connection
        self._dates: dict[date, Any] = {}
        self._date = self._processor("reported_date")
        stamp = self._processor("updated_at")
        self.shared = (stamp(updated_at) if stamp else updated_at, import_job)
        if self.postgres:
            # A few thousand rows a statement: compiling them to machine code costs more.
            conn.exec_driver_sql("SET LOCAL jit = off")
            conn.exec_driver_sql(
                f"CREATE TEMP TABLE IF NOT EXISTS {BATCH_TABLE} "
                "(LIKE document_register INCLUDING DEFAULTS) ON COMMIT DROP"
            )
        else:
            conn.exec_driver_sql(
                f"CREATE TEMP TABLE IF NOT EXISTS {BATCH_TABLE} AS "
                "SELECT * FROM document_register WHERE 0"
            )
        self._empty()

    def _processor(self, name: str) -> Any:
        """SQLAlchemy's conversion of a column's values (SQLite keeps dates as text)."""
        if self.postgres:
            return None
        column = table.c[name]
        return column.type.dialect_impl(self.conn.dialect).bind_processor(self.conn.dialect)

    def _empty(self) -> None:
        # TRUNCATE on PostgreSQL: deleted rows would stay in the table until the commit.
        verb = "TRUNCATE" if self.postgres else "DELETE FROM"
        self.conn.exec_driver_sql(f"{verb} {BATCH_TABLE}")

    def _stored(self, entry: Sequence[Any]) -> tuple[Any, ...]:
        if self._date is None:
            return (*entry, *self.shared)
        reported = entry[4]
        if reported not in self._dates:
            self._dates[reported] = self._date(reported)
        return (*entry[:4], self._dates[reported], entry[5], *self.shared)

    def merge(self, entries: Sequence[Sequence[Any]]) -> tuple[int, int]:
        """Write one batch (one entry per key); returns (added, updated)."""
        if not entries:
            return 0, 0
        cursor = self.raw.cursor()
        try:
            if self.postgres:
                with cursor.copy(f"COPY {BATCH_TABLE} ({_NAMES}) FROM STDIN") as copy:
                    for entry in entries:
                        copy.write_row(self._stored(entry))
            else:
                marks = ", ".join("?" * len(COLUMNS))
                cursor.executemany(
                    f"INSERT INTO {BATCH_TABLE} ({_NAMES}) VALUES ({marks})",
                    [self._stored(e) for e in entries],
                )
            if self.postgres:
                # A row the merge inserted has no xmax; one it updated carries the lock.
                cursor.execute(_MERGE + " RETURNING (xmax = 0)")
                inserted = [flag for (flag,) in cursor.fetchall()]
                added, changed = sum(inserted), len(inserted)
            else:
                cursor.execute(_NEW_KEYS)
                added = int(cursor.fetchone()[0])
                cursor.execute(_MERGE)
                changed = int(cursor.rowcount)
        finally:
            cursor.close()
        self._empty()
        return added, changed - added

    def close(self) -> None:
        if not self.postgres:
            self.conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{BATCH_TABLE}")


_LOOKUP = (
    "SELECT kind, status, reported_date, reporting_agency, updated_at, import_job "
    "FROM document_register WHERE issuing_country = {0} AND number = {0}"
)


def lookup(conn: Connection, issuing_country: str, number: str) -> Entry | None:
    """The entry for an issuer and a normalized number, or None.

    Asked through the driver: building the statement in SQLAlchemy costs ten times the
    probe itself, and a check has a millisecond. The values are converted back as
    SQLAlchemy would (SQLite returns dates as text).
    """
    postgres = conn.dialect.name == "postgresql"
    cursor: Any = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(_LOOKUP.format("%s" if postgres else "?"), (issuing_country, number))
        row = cursor.fetchone()
    finally:
        cursor.close()
    if row is None:
        return None
    kind, status, reported, agency, updated, job = row
    if not postgres:
        reported = _result(conn, "reported_date")(reported)
        updated = _result(conn, "updated_at")(updated)
    return Entry(issuing_country, number, kind, status, reported, agency, updated, job)


def _result(conn: Connection, name: str) -> Any:
    processor = table.c[name].type.dialect_impl(conn.dialect).result_processor(conn.dialect, None)
    return processor or (lambda value: value)


def count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


# -- queries of the reuse and fraud indicators -------------------------------------------
# Each takes the reader's ``visible`` condition (``store.records.visibility``) and returns
# only ids of records it allows, so an indicator can never point at a record its reader
# may not read.


def ids_with_document_number(
    conn: Connection, number: str, kinds: Sequence[str], visible: ColumnElement[bool]
) -> list[str]:
    """Visible records of these kinds indexed with a (normalized) document number."""
    query = (
        select(records.c.id)
        .join(identifiers, identifiers.c.record_id == records.c.id)
        .where(
            identifiers.c.kind == "document",
            identifiers.c.value == number,
            records.c.kind.in_(list(kinds)),
            visible,
        )
        .order_by(records.c.id)
    )
    return list(conn.execute(query).scalars())


def ids_referring(
    conn: Connection,
    targets: Sequence[str],
    field: str,
    kind: str,
    visible: ColumnElement[bool],
) -> list[str]:
    """Visible records of ``kind`` whose ``field`` points to one of ``targets``."""
    if not targets:
        return []
    query = (
        select(records.c.id)
        .join(refs, refs.c.record_id == records.c.id)
        .where(
            refs.c.field == field,
            refs.c.target_id.in_(sorted(set(targets))),
            records.c.kind == kind,
            visible,
        )
        .distinct()
        .order_by(records.c.id)
    )
    return list(conn.execute(query).scalars())


def visible_ids(conn: Connection, ids: Sequence[str], visible: ColumnElement[bool]) -> set[str]:
    """Those of ``ids`` the reader may see."""
    if not ids:
        return set()
    query = select(records.c.id).where(records.c.id.in_(sorted(set(ids))), visible)
    return set(conn.execute(query).scalars())
