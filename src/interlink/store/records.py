"""Persistence of records and their search index. The only module that writes them.

A record is one row in ``records`` (provenance in columns, facts as JSON) plus its index
rows (names, name tokens, identifiers, references), always written together in the
caller's transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
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
from interlink.identity.normalize import (
    latin,
    name_tokens,
    normalize_identifier,
    normalize_name,
)
from interlink.store.db import RawJson
from interlink.store.schema import identifiers, names, records, refs
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
        parts.append(cond)
    return or_(*parts)


# -- index rows --------------------------------------------------------------------------


def index_rows(
    record_id: str, facts: model.Facts
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The rows of names, name_tokens, identifiers and refs for one record's facts."""
    name_rows: list[dict[str, Any]] = []
    token_set: set[str] = set()
    for position, text in enumerate(facts.name_texts()):  # type: ignore[attr-defined]
        script = "Zyyy"
        if isinstance(facts, model.Person):
            script = facts.names[position].script or "Zyyy"
        name_rows.append(
            {
                "record_id": record_id,
                "position": position,
                "script": script,
                "latin": latin(text)[:500],
                "norm": normalize_name(text)[:500],
            }
        )
        token_set.update(t[:100] for t in name_tokens(text))
    token_rows = [{"token": t, "record_id": record_id} for t in sorted(token_set)]
    ident_set = {
        (kind, normalize_identifier(kind, value)[:200])
        for kind, value in registry.identifiers(facts)
    }
    ident_rows = [
        {"kind": k, "value": v, "record_id": record_id} for k, v in sorted(ident_set) if v
    ]
    ref_rows = [
        {"record_id": record_id, "field": f, "target_id": str(t)}
        for f, t in sorted(set(model.references(facts)))
    ]
    return name_rows, token_rows, ident_rows, ref_rows


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
    """Insert records and their index rows (bulk: one statement per table)."""
    if not rows:
        return
    all_names: list[dict[str, Any]] = []
    all_tokens: list[dict[str, Any]] = []
    all_idents: list[dict[str, Any]] = []
    all_refs: list[dict[str, Any]] = []
    for row, f in zip(rows, facts, strict=True):
        n, t, i, r = index_rows(row["id"], f)
        all_names += n
        all_tokens += t
        all_idents += i
        all_refs += r
    conn.execute(insert(records), list(rows))
    for table, batch in (
        (names, all_names),
        (name_tokens_table, all_tokens),
        (identifiers, all_idents),
        (refs, all_refs),
    ):
        if batch:
            conn.execute(insert(table), batch)


def _reindex(conn: Connection, record_id: str, facts: model.Facts) -> None:
    for table in (names, name_tokens_table, identifiers, refs):
        conn.execute(delete(table).where(table.c.record_id == record_id))
    n, t, i, r = index_rows(record_id, facts)
    for table, batch in ((names, n), (name_tokens_table, t), (identifiers, i), (refs, r)):
        if batch:
            conn.execute(insert(table), batch)


def replace(
    conn: Connection, record_id: str, facts: model.Facts, provenance: Provenance, version: int
) -> None:
    row = record_row(record_id, facts, provenance, version=version)
    for fixed in ("id", "kind", "external_ref", "import_job"):
        row.pop(fixed)
    conn.execute(update(records).where(records.c.id == record_id).values(**row))
    _reindex(conn, record_id, facts)


def remove(conn: Connection, record_id: str) -> None:
    for table in (names, name_tokens_table, identifiers, refs):
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
    """external ref → record id, for the refs that exist."""
    found: dict[str, str] = {}
    for start in range(0, len(refs_), 500):
        chunk = list(refs_[start : start + 500])
        rows = conn.execute(
            select(records.c.external_ref, records.c.id).where(
                records.c.kind == kind, records.c.external_ref.in_(chunk)
            )
        )
        found.update({r.external_ref: r.id for r in rows})
    return found


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
        else:
            sub = select(names.c.record_id).where(names.c.norm == normalize_name(name))
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
    return str(uuid.uuid4())
