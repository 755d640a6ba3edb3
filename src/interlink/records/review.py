"""Review of records at their review date: extend with a reason, or erase.

Erasure removes the record, its index rows, the links that hang on it and the photos
only it used; records that point to it lose the reference, or, when they cannot stand
without it (a marriage needs two spouses), the erasure is refused and names them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from pydantic import ValidationError
from sqlalchemy import Connection, delete, select

from interlink.access import audit
from interlink.access.policy import has_capability
from interlink.access.roles import Action, Actor, Capability
from interlink.domain import model, registry
from interlink.files import photo_path
from interlink.node import Node
from interlink.records.errors import Conflict, Forbidden, Invalid
from interlink.records.service import access_clauses, add_years, locked_for
from interlink.store import records as store
from interlink.store.db import reading, transaction
from interlink.store.schema import files, identifiers, records


@dataclass(frozen=True)
class DueRecord:
    id: str
    kind: str
    external_ref: str | None
    owning_unit: str
    review_date: date


def _need_review_capability(actor: Actor) -> None:
    if not has_capability(actor, Capability.REVIEW):
        raise Forbidden("your role does not review records")


def due(node: Node, actor: Actor, *, on: date | None = None, limit: int = 1000) -> list[DueRecord]:
    """Records past their review date that the actor may act on (ids only: no personal data)."""
    _need_review_capability(actor)
    day = on or datetime.now(UTC).date()
    clauses = access_clauses(actor, Action.DELETE) + access_clauses(actor, Action.UPDATE)
    with reading(node.engine) as conn:
        rows = conn.execute(
            select(
                records.c.id,
                records.c.kind,
                records.c.external_ref,
                records.c.owning_unit,
                records.c.review_date,
            )
            .where(store.visibility(clauses), records.c.review_date <= day)
            .order_by(records.c.review_date, records.c.id)
            .limit(limit)
        ).all()
    return [DueRecord(r.id, r.kind, r.external_ref, r.owning_unit, r.review_date) for r in rows]


def extend(
    node: Node, actor: Actor, record_id: str, *, reason: str, until: date | None = None
) -> date:
    _need_review_capability(actor)
    if len(reason.strip()) < 3:
        raise Invalid("reason: say why the record is still needed", field="reason")
    now = datetime.now(UTC)
    new_date = until or add_years(now.date(), node.settings.review_years)
    if new_date <= now.date():
        raise Invalid("until: must be in the future", field="until")
    if new_date > add_years(now.date(), node.settings.review_years):
        raise Invalid(f"until: at most {node.settings.review_years} years ahead", field="until")
    with transaction(node.engine) as conn:
        rec = locked_for(conn, actor, Action.UPDATE, record_id)
        store.set_review_date(conn, record_id, new_date, actor.username, now)
        audit.write(
            conn,
            node.audit_key,
            actor,
            "review_extend",
            record_kind=rec.kind,
            record_id=record_id,
            purpose=reason.strip(),
            details={"from": rec.provenance.review_date.isoformat(), "to": new_date.isoformat()},
        )
    return new_date


def _detach(conn: Connection, node: Node, record_id: str) -> list[str]:
    """Remove every reference to the record; returns the ids of the records that changed."""
    changed: list[str] = []
    blockers: list[str] = []
    for other_id, _field in store.referencing(conn, record_id):
        if other_id in changed or other_id in blockers:
            continue
        other = store.get(conn, other_id, for_update=True)
        if other is None:
            continue
        if isinstance(other.facts, model.Link):
            store.remove(conn, other_id)
            changed.append(other_id)
            continue
        data = other.facts.model_dump(mode="json")
        for key, value in data.items():
            if isinstance(value, list):
                data[key] = [v for v in value if v != record_id]
            elif value == record_id:
                data[key] = None
        try:
            facts = registry.BY_NAME[other.kind].facts.model_validate(
                data, context={"phone_region": node.settings.phone_region}
            )
        except ValidationError:
            blockers.append(other_id)
            continue
        store.replace(conn, other_id, facts, other.provenance, other.version + 1)
        changed.append(other_id)
    if blockers:
        raise Conflict(
            f"record {record_id} cannot be erased while these records need it: "
            + ", ".join(sorted(blockers))
            + " (review or erase them first)"
        )
    return changed


def _photos_only_here(conn: Connection, rec: store.StoredRecord) -> list[str]:
    if not isinstance(rec.facts, model.Person):
        return []
    mine = {p.sha256 for p in rec.facts.photos}
    if not mine:
        return []
    shared = conn.execute(
        select(identifiers.c.value).where(
            identifiers.c.kind == "photo",
            identifiers.c.value.in_(sorted(mine)),
            identifiers.c.record_id != rec.id,
        )
    )
    return sorted(mine - {row.value for row in shared})


def erase(node: Node, actor: Actor, record_id: str, *, reason: str) -> list[str]:
    """Erase a record for good; returns the ids of other records whose references were removed."""
    _need_review_capability(actor)
    if len(reason.strip()) < 3:
        raise Invalid("reason: say why the record is erased", field="reason")
    with transaction(node.engine) as conn:
        rec = locked_for(conn, actor, Action.DELETE, record_id)
        changed = _detach(conn, node, record_id)
        orphans = _photos_only_here(conn, rec)
        _forget_in_alerts(conn, record_id)
        store.remove(conn, record_id)
        if orphans:
            conn.execute(delete(files).where(files.c.sha256.in_(orphans)))
        audit.write(
            conn,
            node.audit_key,
            actor,
            "erase",
            record_kind=rec.kind,
            record_id=record_id,
            purpose=reason.strip(),
            details={"references_removed": changed, "photos_erased": len(orphans)},
        )
    for sha256 in orphans:
        photo_path(node, sha256).unlink(missing_ok=True)
    flush_erased_pages(node)
    return changed


def _forget_in_alerts(conn: Connection, record_id: str) -> None:
    """No pattern alert keeps the erased record or one of its values in its key (issue 9)."""
    from interlink.network.alerts import forget_record  # the network reads the records

    forget_record(conn, record_id)


def flush_erased_pages(node: Node) -> None:
    """SQLite keeps old pages in its write-ahead log until a checkpoint: fold and empty it.

    With ``secure_delete`` the erased rows' bytes are then gone from the database file and
    the log. PostgreSQL removes dead rows at its next vacuum (see docs/operations.md).
    """
    if node.engine.dialect.name == "sqlite":
        with node.engine.connect() as conn:
            # Outside any transaction (a checkpoint cannot run inside one).
            conn.connection.driver_connection.execute(  # type: ignore[union-attr]
                "PRAGMA wal_checkpoint(TRUNCATE)"
            )
