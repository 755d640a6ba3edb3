"""Persistence of records and their search index. The only module that writes them.

A record is one row in ``records`` (provenance in columns, facts as JSON) plus its index
rows (name tokens, identifiers, references), always written together in the caller's
transaction.
"""

from __future__ import annotations

import json
import secrets
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Index,
    and_,
    delete,
    false,
    func,
    insert,
    or_,
    select,
    update,
)

from interlink.domain import model, registry
from interlink.domain.provenance import Provenance
from interlink.identity import index as match_index
from interlink.identity.normalize import (
    name_tokens,
    normalize_identifier,
)
from interlink.store import decisions as identity_decisions
from interlink.store.db import RawJson
from interlink.store.schema import identifiers, match_features, records, refs
from interlink.store.schema import name_tokens as name_tokens_table

PROVENANCE_COLUMNS = (
    "owning_unit",
    "handling_code",
    "handling_text",
    "reliability",
    "assessment",
    "source",
    "recorded_at",
    "recorded_by",
    "updated_at",
    "updated_by",
    "review_date",
    "origin_node",
    "origin_id",
)


@dataclass(frozen=True)
class StoredRecord:
    id: str
    kind: str
    external_ref: str | None
    facts: model.Facts
    provenance: Provenance
    subject_category: str
    version: int


@dataclass(frozen=True)
class AccessClause:
    """One way a reader may see records: in one unit (or any) with these codes and subjects."""

    unit: str | None
    codes: frozenset[str]
    subjects: frozenset[str]
    # A further SQL condition of the grant's scope (victims: the case team, the risk level;
    # built by interlink.store.protection).
    condition: ColumnElement[bool] | None = field(default=None, compare=False)


class DuplicateExternalRef(ValueError):
    pass


def visibility(clauses: Sequence[AccessClause]) -> ColumnElement[bool]:
    """The SQL condition equivalent to the access policy's grants for one reader."""
    if not clauses:
        return false()
    parts = []
    for c in clauses:
        cond = and_(
            records.c.handling_code.in_(sorted(c.codes)),
            records.c.subject_category.in_(sorted(c.subjects)),
        )
        if c.unit is not None:
            cond = and_(records.c.owning_unit == c.unit, cond)
        if c.condition is not None:
            cond = and_(cond, c.condition)
        parts.append(cond)
    return or_(*parts)


# -- index rows --------------------------------------------------------------------------

IndexRows = tuple[
    list[tuple[str, str]],  # name_tokens: token, record id
    list[tuple[str, str, str]],  # identifiers: kind, value, record id
    list[tuple[str, str, str]],  # refs: record id, field, target id
    list[tuple[str, str, str]],  # match: record id, features (JSON), keys (one per line)
]


def index_rows(record_id: str, facts: model.Facts) -> IndexRows:
    """Rows of name_tokens (token, id), identifiers (kind, value, id), refs (id, field, target)
    and match_features (id, features).

    A person also has its match row (``identity.index``): the forms it is scored by, for
    match_features, and the keys search finds it by, identifiers of kind ``match`` — one
    string, expanded only when written, because an import worker sends it to the writing
    process and a string crosses cheaper than a dozen tuples."""
    tokens: set[str] = set()
    for text in facts.name_texts():
        tokens.update(t[:100] for t in name_tokens(text))
    idents = {
        (kind, normalize_identifier(kind, value)[:200])
        for kind, value in registry.identifiers(facts)
    }
    keys, features = match_index.person_index(facts)
    return (
        [(t, record_id) for t in sorted(tokens)],
        [(k, v, record_id) for k, v in sorted(idents) if v],
        [(record_id, f, str(t)) for f, t in sorted(set(model.references(facts)))],
        [(record_id, features, "\n".join(sorted(keys)))] if features else [],
    )


def _match_rows(
    match: Sequence[tuple[str, str, str]],
) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    """match_features rows and identifier rows from index_rows' match rows."""
    features = [(rid, f) for rid, f, _ in match]
    keys = [(match_index.KIND, k, rid) for rid, _, joined in match for k in joined.split("\n") if k]
    return features, keys


def record_row(
    record_id: str,
    facts: model.Facts,
    provenance: Provenance,
    *,
    external_ref: str | None = None,
    import_job: str | None = None,
    version: int = 1,
) -> dict[str, Any]:
    row: dict[str, Any] = {c: getattr(provenance, c) for c in PROVENANCE_COLUMNS}
    row["handling_code"] = provenance.handling_code.value
    row["reliability"] = provenance.reliability.value
    row["assessment"] = provenance.assessment.value
    row.update(
        id=record_id,
        kind=type(facts).kind,  # type: ignore[attr-defined]
        external_ref=external_ref,
        subject_category=registry.subject_category(facts).value,
        import_job=import_job,
        version=version,
        facts=RawJson(facts.model_dump_json()),
    )
    return row


def insert_many(
    conn: Connection, rows: Sequence[dict[str, Any]], facts: Sequence[model.Facts]
) -> None:
    """Insert records (as made by ``record_row``) and their index rows."""
    writer = BulkWriter(conn)
    for row, f in zip(rows, facts, strict=True):
        writer.add_row(row, index_rows(row["id"], f))
    writer.flush()


# Per-record columns first, then those a whole import shares (provenance and the like), so
# that a row is one short tuple joined to one shared tuple.
_OWN_COLUMNS = ("id", "kind", "external_ref", "subject_category", "facts")
_SHARED_COLUMNS = tuple(c.name for c in records.columns if c.name not in _OWN_COLUMNS)


class BulkWriter:
    """Many records at once, through the driver: executemany on SQLite, COPY on PostgreSQL.

    Why not SQLAlchemy here: building its parameters costs more than the insert itself, and
    an import of a million persons spends its time nowhere else. Values are stored exactly
    as SQLAlchemy stores them (its own type processors convert the dates).
    """

    OWN_COLUMNS = _OWN_COLUMNS
    SHARED_COLUMNS = _SHARED_COLUMNS
    RECORD_COLUMNS = _OWN_COLUMNS + _SHARED_COLUMNS

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.postgres = conn.dialect.name == "postgresql"
        self.records: list[tuple[Any, ...]] = []
        self.tokens: list[tuple[str, str]] = []
        self.idents: list[tuple[str, str, str]] = []
        self.refs: list[tuple[str, str, str]] = []
        self.features: list[tuple[str, str]] = []
        self._process = {
            c.name: c.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
            for c in records.columns
            if c.name in ("recorded_at", "updated_at", "review_date")
        }

    def _value(self, name: str, value: Any) -> Any:
        process = None if self.postgres else self._process.get(name)
        return process(value) if process is not None and value is not None else value

    def shared_values(self, provenance: Provenance, import_job: str | None) -> tuple[Any, ...]:
        """The shared columns of records with this provenance, as stored."""
        row: dict[str, Any] = {c: getattr(provenance, c) for c in PROVENANCE_COLUMNS}
        row.update(
            handling_code=provenance.handling_code.value,
            reliability=provenance.reliability.value,
            assessment=provenance.assessment.value,
            import_job=import_job,
            version=1,
        )
        return tuple(self._value(c, row[c]) for c in self.SHARED_COLUMNS)

    def add_prepared(
        self,
        shared: tuple[Any, ...],
        record_id: str,
        kind: str,
        external_ref: str | None,
        subject_category: str,
        facts_json: str,
        index: IndexRows,
    ) -> None:
        """A record whose facts are serialized and indexed already (by an import worker)."""
        self.records.append((record_id, kind, external_ref, subject_category, facts_json, *shared))
        self._add_index(index)

    def add_row(self, row: dict[str, Any], index: IndexRows) -> None:
        self.records.append(tuple(self._value(c, row[c]) for c in self.RECORD_COLUMNS))
        self._add_index(index)

    def _add_index(self, index: IndexRows) -> None:
        tokens, idents, refs_, match = index
        self.tokens += tokens
        self.idents += idents
        self.refs += refs_
        if match:
            features, keys = _match_rows(match)
            self.features += features
            self.idents += keys

    def __len__(self) -> int:
        return len(self.records)

    def flush(self) -> None:
        raw: Any = self.conn.connection.driver_connection
        for table, columns, rows in (
            ("records", self.RECORD_COLUMNS, self.records),
            ("name_tokens", ("token", "record_id"), self.tokens),
            ("identifiers", ("kind", "value", "record_id"), self.idents),
            ("refs", ("record_id", "field", "target_id"), self.refs),
            ("match_features", ("record_id", "features"), self.features),
        ):
            if not rows:
                continue
            names_ = ", ".join(columns)
            if self.postgres:
                with (
                    raw.cursor() as cursor,
                    cursor.copy(f"COPY {table} ({names_}) FROM STDIN") as copy,
                ):
                    for item in rows:
                        copy.write_row(item)
            else:
                marks = ", ".join("?" * len(columns))
                raw.executemany(f"INSERT INTO {table} ({names_}) VALUES ({marks})", rows)
        self.records, self.tokens, self.idents, self.refs, self.features = [], [], [], [], []


_INDEX_TABLES = (name_tokens_table, identifiers, refs, match_features)
# What a bulk load may drop and build again: everything but the primary key and the unique
# (external_ref, kind) index, which the load itself uses to refuse ids that exist.
_BULK_INDEXES = tuple(
    index
    for table in (records, *_INDEX_TABLES)
    for index in sorted(table.indexes, key=lambda i: str(i.name))
    if index.name != "uq_records_external_ref_kind"
)


def suspend_indexes(conn: Connection) -> list[Index]:
    """Drop the secondary indexes for a large load; ``rebuild_indexes`` makes them again.

    Building an index in one sorted pass is many times faster than growing it one random
    insert at a time. Only in the caller's transaction: a rollback restores them.
    """
    for index in _BULK_INDEXES:
        index.drop(conn)
    return list(_BULK_INDEXES)


def rebuild_indexes(conn: Connection, indexes: Sequence[Index]) -> None:
    for index in indexes:
        index.create(conn)


def count_records(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(records)).scalar_one())


def _reindex(conn: Connection, record_id: str, facts: model.Facts) -> None:
    for table in _INDEX_TABLES:
        conn.execute(delete(table).where(table.c.record_id == record_id))
    tokens, idents, refs_, match = index_rows(record_id, facts)
    features, keys = _match_rows(match)
    idents += keys
    if features:
        conn.execute(insert(match_features), [{"record_id": r, "features": f} for r, f in features])
    if tokens:
        conn.execute(insert(name_tokens_table), [{"token": t, "record_id": r} for t, r in tokens])
    if idents:
        conn.execute(
            insert(identifiers), [{"kind": k, "value": v, "record_id": r} for k, v, r in idents]
        )
    if refs_:
        conn.execute(
            insert(refs), [{"record_id": r, "field": f, "target_id": t} for r, f, t in refs_]
        )


def replace(
    conn: Connection, record_id: str, facts: model.Facts, provenance: Provenance, version: int
) -> None:
    row = record_row(record_id, facts, provenance, version=version)
    for fixed in ("id", "kind", "external_ref", "import_job"):
        row.pop(fixed)
    conn.execute(update(records).where(records.c.id == record_id).values(**row))
    _reindex(conn, record_id, facts)


def remove(conn: Connection, record_id: str) -> None:
    identity_decisions.forget_record(conn, record_id)  # decisions about it go with it
    for table in _INDEX_TABLES:
        conn.execute(delete(table).where(table.c.record_id == record_id))
    conn.execute(delete(records).where(records.c.id == record_id))


def set_review_date(conn: Connection, record_id: str, review: date, by: str, at: datetime) -> None:
    conn.execute(
        update(records)
        .where(records.c.id == record_id)
        .values(review_date=review, updated_by=by, updated_at=at, version=records.c.version + 1)
    )


# -- reading -----------------------------------------------------------------------------


def _stored(row: Any) -> StoredRecord:
    m = row._mapping
    kind = registry.BY_NAME[m["kind"]]
    facts = kind.facts.model_validate(m["facts"])
    provenance = Provenance.model_validate({c: m[c] for c in PROVENANCE_COLUMNS})
    return StoredRecord(
        id=m["id"],
        kind=m["kind"],
        external_ref=m["external_ref"],
        facts=facts,
        provenance=provenance,
        subject_category=m["subject_category"],
        version=m["version"],
    )


def get(conn: Connection, record_id: str, *, for_update: bool = False) -> StoredRecord | None:
    query = select(records).where(records.c.id == record_id)
    if for_update and conn.dialect.name == "postgresql":
        query = query.with_for_update()
    row = conn.execute(query).first()
    return _stored(row) if row else None


def get_many(conn: Connection, ids: Sequence[str]) -> list[StoredRecord]:
    if not ids:
        return []
    rows = conn.execute(select(records).where(records.c.id.in_(list(ids)))).all()
    by_id = {r._mapping["id"]: _stored(r) for r in rows}
    return [by_id[i] for i in ids if i in by_id]


def kinds_of(conn: Connection, ids: Iterable[str]) -> dict[str, str]:
    wanted = sorted({str(i) for i in ids})
    if not wanted:
        return {}
    rows = conn.execute(select(records.c.id, records.c.kind).where(records.c.id.in_(wanted)))
    return {r.id: r.kind for r in rows}


def ids_for_external_refs(conn: Connection, kind: str, refs_: Sequence[str]) -> dict[str, str]:
    """external ref → record id, for the refs that exist.

    Asked through the driver with the whole list as one parameter (an import asks this for
    every batch of thousands). The kind is compared here, not in SQL: so the only index that
    can serve the query is the unique one on (external_ref, kind), whatever the planner
    believes about the table's size in the middle of a bulk import.
    """
    if not refs_:
        return {}
    cursor: Any = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        if conn.dialect.name == "postgresql":
            cursor.execute(
                "SELECT external_ref, id, kind FROM records WHERE external_ref = ANY(%s)",
                (list(refs_),),
            )
        else:
            cursor.execute(
                "SELECT external_ref, id, kind FROM records "
                "WHERE external_ref IN (SELECT value FROM json_each(?))",
                (json.dumps(list(refs_)),),
            )
        return {ref: rid for ref, rid, found_kind in cursor.fetchall() if found_kind == kind}
    finally:
        cursor.close()


@dataclass(frozen=True)
class ListFilter:
    kind: str | None = None
    owning_unit: str | None = None
    handling_code: str | None = None
    subject_category: str | None = None
    role: str | None = None
    updated_since: datetime | None = None
    review_due_before: date | None = None
    external_ref: str | None = None


def _filtered(query: Any, f: ListFilter) -> Any:
    if f.kind:
        query = query.where(records.c.kind == f.kind)
    if f.owning_unit:
        query = query.where(records.c.owning_unit == f.owning_unit)
    if f.handling_code:
        query = query.where(records.c.handling_code == f.handling_code)
    if f.subject_category:
        query = query.where(records.c.subject_category == f.subject_category)
    if f.role:
        query = query.where(records.c.facts["role"].as_string() == f.role)
    if f.updated_since:
        query = query.where(records.c.updated_at >= f.updated_since)
    if f.review_due_before:
        query = query.where(records.c.review_date <= f.review_due_before)
    if f.external_ref:
        query = query.where(records.c.external_ref == f.external_ref)
    return query


def list_records(
    conn: Connection,
    f: ListFilter,
    visible: ColumnElement[bool],
    *,
    limit: int,
    offset: int = 0,
) -> tuple[list[StoredRecord], int]:
    """A page of records the reader may see, newest first, and how many there are in all."""
    base = _filtered(select(records).where(visible), f)
    total = conn.execute(select(func.count()).select_from(base.subquery())).scalar_one()
    rows = conn.execute(
        base.order_by(records.c.recorded_at.desc(), records.c.id).limit(limit).offset(offset)
    ).all()
    return [_stored(r) for r in rows], int(total)


def iter_records(
    conn: Connection, f: ListFilter, visible: ColumnElement[bool], batch: int = 1000
) -> Iterator[StoredRecord]:
    """Every matching record, in id order, a batch at a time (for exports of any size)."""
    last = ""
    while True:
        rows = conn.execute(
            _filtered(select(records).where(visible, records.c.id > last), f)
            .order_by(records.c.id)
            .limit(batch)
        ).all()
        if not rows:
            return
        for r in rows:
            yield _stored(r)
        last = rows[-1]._mapping["id"]


def search_ids(
    conn: Connection,
    *,
    visible: ColumnElement[bool],
    kind: str | None,
    name: str | None = None,
    prefix: bool = False,
    identifier: tuple[str, str] | None = None,
    limit: int = 50,
) -> list[str]:
    """Ids of visible records matching a name (exact or prefix, any script) and/or identifier."""
    query = select(records.c.id).where(visible)
    if kind:
        query = query.where(records.c.kind == kind)
    if name is not None:
        tokens = name_tokens(name)
        if not tokens:
            return []
        if prefix:
            for tok in tokens:
                sub = select(name_tokens_table.c.record_id).where(
                    name_tokens_table.c.token >= tok,
                    name_tokens_table.c.token < tok + "\x7f",
                )
                query = query.where(records.c.id.in_(sub))
        else:  # every token exactly; the service then compares the whole name
            for tok in tokens:
                sub = select(name_tokens_table.c.record_id).where(name_tokens_table.c.token == tok)
                query = query.where(records.c.id.in_(sub))
    if identifier is not None:
        id_kind, value = identifier
        norm = normalize_identifier(id_kind, value)
        if not norm:
            return []
        sub = select(identifiers.c.record_id).where(
            identifiers.c.kind == id_kind, identifiers.c.value == norm
        )
        query = query.where(records.c.id.in_(sub))
    rows = conn.execute(query.order_by(records.c.id).limit(limit)).all()
    return [r.id for r in rows]


def referencing(conn: Connection, target_id: str) -> list[tuple[str, str]]:
    """(record id, field) of every record that points to ``target_id``."""
    rows = conn.execute(select(refs.c.record_id, refs.c.field).where(refs.c.target_id == target_id))
    return [(r.record_id, r.field) for r in rows]


def new_id() -> str:
    """A time-ordered UUID (version 7): new records land at the end of every id index
    instead of on random pages, which keeps bulk imports fast as the database grows."""
    millis = time.time_ns() // 1_000_000
    value = (millis & 0xFFFF_FFFF_FFFF) << 80 | secrets.randbits(80)
    value = (value & ~(0xF << 76)) | (0x7 << 76)  # version 7
    value = (value & ~(0x3 << 62)) | (0x2 << 62)  # RFC 4122 variant
    return str(uuid.UUID(int=value))
