"""SQL of the link graph and of pattern alerts (interlink.network calls only this).

The graph is read from the index tables ``store.records`` keeps current in every record's
transaction: ``refs`` (which record points to which) and ``identifiers`` (the documents,
phones, e-mails, addresses and photos a record is reported with). Every query that reaches
a record joins ``records`` and applies the reader's visibility condition, so a record the
reader may not see never comes back, not even as an id.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)

from interlink.store.db import chunks
from interlink.store.schema import (
    identifiers,
    identity_decisions,
    network_alert_records,
    network_alert_reviews,
    network_alerts,
    network_pattern_settings,
    network_state,
    records,
    refs,
)

# Identifier kinds that join records in the graph ('match' keys are search keys, not facts).
KEY_KINDS = ("document", "phone", "email", "handle", "address", "photo", "registration")
# Record kinds that are not nodes: a link is an edge between its two ends; a case is a file.
NOT_NODES = ("link", "case")
# The graph's own names for the index tables: a visibility condition may hold a subquery on
# ``refs`` (a victim's case team) that must not correlate to the rows walked here.
R = refs.alias("graph_refs")
K = identifiers.alias("graph_keys")


@dataclass(frozen=True)
class RefRow:
    """``record`` points to ``target`` through ``field``; ``other_kind`` is the kind of the
    end that was not asked about."""

    record: str
    field: str
    target: str
    other_kind: str


def refs_from(conn: Connection, ids: Sequence[str], visible: ColumnElement[bool]) -> list[RefRow]:
    """References made by these records to records the reader may see."""
    out: list[RefRow] = []
    for part in chunks(sorted(ids)):
        rows = conn.execute(
            select(R.c.record_id, R.c.field, R.c.target_id, records.c.kind)
            .join(records, records.c.id == R.c.target_id)
            .where(R.c.record_id.in_(part), visible)
        )
        out += [RefRow(r[0], r[1], r[2], r[3]) for r in rows]
    return out


def refs_to(
    conn: Connection, ids: Sequence[str], visible: ColumnElement[bool], limit: int | None = None
) -> list[RefRow]:
    """References to these records made by records the reader may see (cases excluded)."""
    out: list[RefRow] = []
    for part in chunks(sorted(ids)):
        query = (
            select(R.c.record_id, R.c.field, R.c.target_id, records.c.kind)
            .join(records, records.c.id == R.c.record_id)
            .where(R.c.target_id.in_(part), records.c.kind != "case", visible)
        )
        if limit is not None:
            query = query.limit(limit)
        out += [RefRow(r[0], r[1], r[2], r[3]) for r in conn.execute(query)]
    return out


def keys_of(conn: Connection, ids: Sequence[str]) -> list[tuple[str, str, str]]:
    """(kind, value, record id) of the joining identifiers of these records. The kinds are
    picked here, not in SQL: with them in the query SQLite scans every key of those kinds
    instead of looking the records up."""
    out: list[tuple[str, str, str]] = []
    wanted = frozenset(KEY_KINDS)
    for part in chunks(sorted(ids)):
        rows = conn.execute(
            select(K.c.kind, K.c.value, K.c.record_id).where(K.c.record_id.in_(part))
        )
        out += [(r[0], r[1], r[2]) for r in rows if r[0] in wanted]
    return out


def _key_in(keys: Sequence[tuple[str, str]]) -> ColumnElement[bool]:
    """(kind, value) IN keys, written so that SQLite uses the (kind, value) index (a row-value
    IN list makes it scan the table)."""
    by_kind: dict[str, list[str]] = {}
    for kind, value in keys:
        by_kind.setdefault(kind, []).append(value)
    return or_(*(and_(K.c.kind == k, K.c.value.in_(sorted(v))) for k, v in sorted(by_kind.items())))


def key_counts(conn: Connection, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """How many records (visible or not: only compared with a limit) each key has."""
    out: dict[tuple[str, str], int] = {}
    for part in chunks(sorted(keys)):
        rows = conn.execute(
            select(K.c.kind, K.c.value, func.count())
            .where(_key_in(part))
            .group_by(K.c.kind, K.c.value)
        )
        out.update({(r[0], r[1]): int(r[2]) for r in rows})
    return out


def holders_of(
    conn: Connection,
    keys: Sequence[tuple[str, str]],
    visible: ColumnElement[bool],
    limit: int | None = None,
) -> list[tuple[str, str, str, str]]:
    """(kind, value, record id, record kind) of visible records reported with these keys.
    With ``limit``, at most that many per key (a hub is cut, and says so)."""
    out: list[tuple[str, str, str, str]] = []
    if not keys:
        return out
    base = select(K.c.kind, K.c.value, K.c.record_id, records.c.kind).join(
        records, records.c.id == K.c.record_id
    )
    batch = list(keys)
    if limit is not None:  # hubs one at a time with their limit, the rest in one query
        counts = key_counts(conn, batch)
        hubs = [k for k in batch if counts.get(k, 0) > limit]
        batch = [k for k in batch if counts.get(k, 0) <= limit]
        for kind, value in hubs:
            rows = conn.execute(
                base.where(K.c.kind == kind, K.c.value == value, visible)
                .order_by(K.c.record_id)
                .limit(limit)
            )
            out += [(r[0], r[1], r[2], r[3]) for r in rows]
    for part in chunks(sorted(batch)):
        rows = conn.execute(base.where(_key_in(part), visible))
        out += [(r[0], r[1], r[2], r[3]) for r in rows]
    return out


@dataclass(frozen=True)
class NodeRow:
    id: str
    kind: str
    owning_unit: str
    subject_category: str
    facts: Any  # the stored JSON (a dict)


def node_rows(conn: Connection, ids: Sequence[str], visible: ColumnElement[bool]) -> list[NodeRow]:
    """The records behind these nodes, if the reader may see them."""
    out: list[NodeRow] = []
    for part in chunks(sorted(ids)):
        rows = conn.execute(
            select(
                records.c.id,
                records.c.kind,
                records.c.owning_unit,
                records.c.subject_category,
                records.c.facts,
            ).where(records.c.id.in_(part), visible)
        )
        out += [NodeRow(r[0], r[1], r[2], r[3], _json(r[4])) for r in rows]
    return out


def _json(value: Any) -> Any:
    if isinstance(value, str):
        import json

        return json.loads(value)
    return value


def visible_ids(conn: Connection, ids: Sequence[str], visible: ColumnElement[bool]) -> set[str]:
    found: set[str] = set()
    for part in chunks(sorted(set(ids))):
        found |= {
            r[0] for r in conn.execute(select(records.c.id).where(records.c.id.in_(part), visible))
        }
    return found


# -- pattern queries (run as the node: alerts are filtered when they are read) ------------


def shared_keys(
    conn: Connection, kind: str, min_records: int, values: Sequence[str] | None = None
) -> list[str]:
    """Values of identifiers of ``kind`` that at least ``min_records`` records share."""
    query = (
        select(identifiers.c.value)
        .where(identifiers.c.kind == kind)
        .group_by(identifiers.c.value)
        .having(func.count() >= min_records)
    )
    return _first_column(conn, query, identifiers.c.value, values)


def records_with_keys(
    conn: Connection, kind: str, values: Sequence[str]
) -> list[tuple[str, str, str, str]]:
    """(value, record id, record kind, subject category) of every record with these keys."""
    out: list[tuple[str, str, str, str]] = []
    for part in chunks(sorted(set(values))):
        rows = conn.execute(
            select(identifiers.c.value, records.c.id, records.c.kind, records.c.subject_category)
            .join(records, records.c.id == identifiers.c.record_id)
            .where(identifiers.c.kind == kind, identifiers.c.value.in_(part))
        )
        out += [(r[0], r[1], r[2], r[3]) for r in rows]
    return out


def targets_shared(
    conn: Connection, kind: str, field: str, min_records: int, targets: Sequence[str] | None = None
) -> list[str]:
    """Records that at least ``min_records`` records of ``kind`` point to through ``field``."""
    query = (
        select(refs.c.target_id)
        .join(records, records.c.id == refs.c.record_id)
        .where(refs.c.field == field, records.c.kind == kind)
        .group_by(refs.c.target_id)
        .having(func.count() >= min_records)
    )
    return _first_column(conn, query, refs.c.target_id, targets)


def _first_column(
    conn: Connection, query: Select[Any], column: ColumnElement[Any], only: Sequence[str] | None
) -> list[str]:
    """The query's first column, over everything or only where ``column`` is one of ``only``
    (asked in chunks, as every IN list here is)."""
    if only is None:
        return [r[0] for r in conn.execute(query)]
    out: list[str] = []
    for part in chunks(sorted(set(only))):
        out += [r[0] for r in conn.execute(query.where(column.in_(part)))]
    return out


def referrers(
    conn: Connection, kind: str, field: str, targets: Sequence[str]
) -> list[tuple[str, str]]:
    """(target, record) for records of ``kind`` pointing to these targets through ``field``.
    The kind is compared here: in SQL it leads SQLite to scan every record of the kind."""
    out: list[tuple[str, str]] = []
    for part in chunks(sorted(set(targets))):
        rows = conn.execute(
            select(refs.c.target_id, refs.c.record_id, records.c.kind)
            .join(records, records.c.id == refs.c.record_id)
            .where(refs.c.field == field, refs.c.target_id.in_(part))
        )
        out += [(r[0], r[1]) for r in rows if r[2] == kind]
    return out


def references_of(conn: Connection, ids: Sequence[str]) -> list[tuple[str, str, str]]:
    """(record, field, target) of every reference these records make."""
    return _references(conn, ids, refs.c.record_id)


def referencing_records(conn: Connection, ids: Sequence[str]) -> list[tuple[str, str, str]]:
    """(record, field, target) of every reference made to these records."""
    return _references(conn, ids, refs.c.target_id)


def _references(
    conn: Connection, ids: Sequence[str], end: ColumnElement[Any]
) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for part in chunks(sorted(set(ids))):
        query = select(refs.c.record_id, refs.c.field, refs.c.target_id).where(end.in_(part))
        out += [(r[0], r[1], r[2]) for r in conn.execute(query)]
    return out


def facts_of(conn: Connection, ids: Sequence[str]) -> dict[str, tuple[str, str, str, Any]]:
    """id → (kind, owning unit, subject category, facts) for these records (no filter)."""
    out: dict[str, tuple[str, str, str, Any]] = {}
    for part in chunks(sorted(set(ids))):
        rows = conn.execute(
            select(
                records.c.id,
                records.c.kind,
                records.c.owning_unit,
                records.c.subject_category,
                records.c.facts,
            ).where(records.c.id.in_(part))
        )
        for r in rows:
            out[r[0]] = (r[1], r[2], r[3], _json(r[4]))
    return out


def ids_of_kind(
    conn: Connection, kind: str, where: ColumnElement[bool] | None = None
) -> list[tuple[str, Any]]:
    """(id, facts) of every record of ``kind`` (optionally filtered), in id order."""
    query = select(records.c.id, records.c.facts).where(records.c.kind == kind)
    if where is not None:
        query = query.where(where)
    return [(r[0], _json(r[1])) for r in conn.execute(query)]


def fact_text(name: str) -> ColumnElement[Any]:
    """A text fact of the record, in SQL (JSON on SQLite, JSONB on PostgreSQL)."""
    return records.c.facts[name].as_string()


def changed_since(conn: Connection, since: datetime, limit: int) -> list[tuple[str, datetime]]:
    """(id, updated_at) of records changed after ``since``, oldest first, at most ``limit``."""
    rows = conn.execute(
        select(records.c.id, records.c.updated_at)
        .where(records.c.updated_at > since)
        .order_by(records.c.updated_at)
        .limit(limit)
    ).all()
    return [(r[0], r[1]) for r in rows]


def decided_since(conn: Connection, since: datetime) -> list[tuple[str, datetime]]:
    """(person, time) for both persons of every identity decision made or undone since."""
    d = identity_decisions
    out: list[tuple[str, datetime]] = []
    for column in (d.c.decided_at, d.c.undone_at):
        rows = conn.execute(select(d.c.left_id, d.c.right_id, column).where(column > since))
        out += [(str(i), _aware(r[2])) for r in rows for i in (r[0], r[1])]
    return out


def _aware(value: Any) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def latest_change(conn: Connection) -> datetime:
    value = conn.execute(select(func.max(records.c.updated_at))).scalar_one_or_none()
    if value is None:
        return datetime(1970, 1, 1, tzinfo=UTC)
    if isinstance(value, str):  # SQLite's max() of a timestamp column comes back as text
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def get_state(conn: Connection, name: str) -> str | None:
    return conn.execute(
        select(network_state.c.value).where(network_state.c.name == name)
    ).scalar_one_or_none()


def set_state(conn: Connection, name: str, value: str) -> None:
    done = conn.execute(
        update(network_state).where(network_state.c.name == name).values(value=value)
    )
    if not done.rowcount:
        conn.execute(insert(network_state).values(name=name, value=value))


# -- alerts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class AlertRow:
    id: str
    pattern: str
    key: str
    owning_unit: str
    status: str
    record_ids: list[str]
    details: dict[str, Any]
    first_seen: datetime
    updated_at: datetime


def _alert(row: Any) -> AlertRow:
    m = row._mapping
    return AlertRow(
        id=m["id"],
        pattern=m["pattern"],
        key=m["key"],
        owning_unit=m["owning_unit"],
        status=m["status"],
        record_ids=list(_json(m["record_ids"])),
        details=dict(_json(m["details"])),
        first_seen=m["first_seen"],
        updated_at=m["updated_at"],
    )


def alerts_for_keys(conn: Connection, pattern: str, keys: Sequence[str]) -> dict[str, AlertRow]:
    out: dict[str, AlertRow] = {}
    for part in chunks(sorted(set(keys))):
        rows = conn.execute(
            select(network_alerts).where(
                network_alerts.c.pattern == pattern, network_alerts.c.key.in_(part)
            )
        )
        out.update({a.key: a for a in map(_alert, rows)})
    return out


def open_alerts_of(conn: Connection, pattern: str) -> dict[str, AlertRow]:
    rows = conn.execute(
        select(network_alerts).where(
            network_alerts.c.pattern == pattern, network_alerts.c.status == "open"
        )
    )
    return {a.key: a for a in map(_alert, rows)}


def open_alerts_naming(conn: Connection, record_ids: set[str]) -> list[AlertRow]:
    """Open alerts that name any of these records (to be checked again)."""
    return [a for a in alerts_naming(conn, record_ids) if a.status == "open"]


def alerts_naming(conn: Connection, record_ids: set[str]) -> list[AlertRow]:
    """Every alert that names any of these records (through ``network_alert_records``)."""
    found: set[str] = set()
    for part in chunks(sorted(record_ids)):
        found |= {
            r[0]
            for r in conn.execute(
                select(network_alert_records.c.alert_id).where(
                    network_alert_records.c.record_id.in_(part)
                )
            )
        }
    out: list[AlertRow] = []
    for part in chunks(sorted(found)):
        out += map(
            _alert, conn.execute(select(network_alerts).where(network_alerts.c.id.in_(part)))
        )
    return out


def _name_records(conn: Connection, alert_id: str, record_ids: Sequence[str]) -> None:
    conn.execute(delete(network_alert_records).where(network_alert_records.c.alert_id == alert_id))
    if record_ids:
        conn.execute(
            insert(network_alert_records),
            [{"alert_id": alert_id, "record_id": r} for r in sorted(set(record_ids))],
        )


def insert_alert(
    conn: Connection,
    pattern: str,
    key: str,
    unit: str,
    record_ids: list[str],
    details: dict[str, Any],
    now: datetime,
) -> str:
    alert_id = str(uuid.uuid4())
    conn.execute(
        insert(network_alerts).values(
            id=alert_id,
            pattern=pattern,
            key=key,
            owning_unit=unit,
            status="open",
            record_ids=record_ids,
            details=details,
            first_seen=now,
            updated_at=now,
        )
    )
    _name_records(conn, alert_id, record_ids)
    return alert_id


def update_alert(conn: Connection, alert_id: str, now: datetime, **values: Any) -> None:
    conn.execute(
        update(network_alerts)
        .where(network_alerts.c.id == alert_id)
        .values(updated_at=now, **values)
    )
    if "record_ids" in values:
        _name_records(conn, alert_id, values["record_ids"])


def add_review(
    conn: Connection, alert_id: str, action: str, reason: str, by: str, at: datetime
) -> None:
    conn.execute(
        insert(network_alert_reviews).values(
            alert_id=alert_id, action=action, reason=reason, by_user=by, at=at
        )
    )


def reviews_of(conn: Connection, alert_id: str) -> list[tuple[str, str, str, datetime]]:
    rows = conn.execute(
        select(
            network_alert_reviews.c.action,
            network_alert_reviews.c.reason,
            network_alert_reviews.c.by_user,
            network_alert_reviews.c.at,
        )
        .where(network_alert_reviews.c.alert_id == alert_id)
        .order_by(network_alert_reviews.c.id)
    )
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def get_alert(conn: Connection, alert_id: str) -> AlertRow | None:
    row = conn.execute(select(network_alerts).where(network_alerts.c.id == alert_id)).first()
    return _alert(row) if row else None


def list_alerts(
    conn: Connection,
    unit: str | None,
    statuses: Sequence[str],
    pattern: str | None = None,
    limit: int = 1000,
) -> list[AlertRow]:
    query = select(network_alerts).where(network_alerts.c.status.in_(list(statuses)))
    if unit is not None:
        query = query.where(network_alerts.c.owning_unit == unit)
    if pattern:
        query = query.where(network_alerts.c.pattern == pattern)
    rows = conn.execute(query.order_by(network_alerts.c.updated_at.desc()).limit(limit))
    return [_alert(r) for r in rows]


def pattern_settings(conn: Connection) -> dict[str, tuple[bool, dict[str, Any]]]:
    rows = conn.execute(select(network_pattern_settings))
    return {r.pattern: (bool(r.enabled), dict(_json(r.params))) for r in rows}


def save_pattern_settings(
    conn: Connection, pattern: str, enabled: bool, params: dict[str, Any], by: str, at: datetime
) -> None:
    values = {"enabled": enabled, "params": params, "updated_by": by, "updated_at": at}
    done = conn.execute(
        update(network_pattern_settings)
        .where(network_pattern_settings.c.pattern == pattern)
        .values(**values)
    )
    if not done.rowcount:
        conn.execute(insert(network_pattern_settings).values(pattern=pattern, **values))


def any_of(*conds: ColumnElement[bool]) -> ColumnElement[bool]:
    return or_(*conds)


def all_of(*conds: ColumnElement[bool]) -> ColumnElement[bool]:
    return and_(*conds)


def shared_spouse_addresses(
    conn: Connection, min_marriages: int, values: Sequence[str] | None = None
) -> list[str]:
    """Addresses that spouses of at least ``min_marriages`` marriages are reported with."""
    query = (
        select(identifiers.c.value)
        .join(refs, refs.c.target_id == identifiers.c.record_id)
        .where(identifiers.c.kind == "address", refs.c.field == "spouses")
        .group_by(identifiers.c.value)
        .having(func.count(func.distinct(refs.c.record_id)) >= min_marriages)
    )
    return _first_column(conn, query, identifiers.c.value, values)


def shared_fact_texts(
    conn: Connection, kind: str, name: str, min_records: int, values: Sequence[str] | None = None
) -> list[str]:
    """Lower-cased values of a text fact that at least ``min_records`` records share."""
    text = func.lower(fact_text(name))
    query = (
        select(text)
        .where(records.c.kind == kind, fact_text(name).is_not(None))
        .group_by(text)
        .having(func.count() >= min_records)
    )
    if values is not None:
        query = query.where(text.in_(sorted(set(values))))
    return [r[0] for r in conn.execute(query) if r[0]]


def records_with_fact_text(
    conn: Connection, kind: str, name: str, values: Sequence[str]
) -> list[tuple[str, str]]:
    """(lower-cased value, record id) of records of ``kind`` with these fact values."""
    text = func.lower(fact_text(name))
    out: list[tuple[str, str]] = []
    for part in chunks(sorted(set(values))):
        rows = conn.execute(
            select(text, records.c.id).where(records.c.kind == kind, text.in_(part))
        )
        out += [(r[0], r[1]) for r in rows]
    return out


def document_series_members(conn: Connection, prefix: str) -> list[tuple[str, str, str]]:
    """(value, record id, record kind) of records with a document number starting so."""
    rows = conn.execute(
        select(identifiers.c.value, records.c.id, records.c.kind)
        .join(records, records.c.id == identifiers.c.record_id)
        .where(
            identifiers.c.kind == "document",
            identifiers.c.value >= prefix,
            identifiers.c.value < prefix + "\x7f",
        )
    )
    return [(r[0], r[1], r[2]) for r in rows]


# -- whole-store pattern queries (a full run: one grouped query instead of a loop) ---------


def kinds_of(conn: Connection, ids: Sequence[str]) -> dict[str, tuple[str, str, str]]:
    """id → (kind, owning unit, subject category): what most checks need, without reading
    and parsing the facts (the bulk of a record row)."""
    out: dict[str, tuple[str, str, str]] = {}
    for part in chunks(sorted(set(ids))):
        rows = conn.execute(
            select(
                records.c.id, records.c.kind, records.c.owning_unit, records.c.subject_category
            ).where(records.c.id.in_(part))
        )
        out.update({r[0]: (r[1], r[2], r[3]) for r in rows})
    return out


def contact_victim_candidates(
    conn: Connection, kinds: Sequence[str], min_victims: int, victim: str
) -> list[tuple[str, str]]:
    """(kind, value) of contacts tied to at least ``min_victims`` victims, in one grouped
    query: victims reported with the value, and victims linked (as a Link's source) to a
    phone, address or handle record reported with it."""
    holder = records.alias("cv_holder")
    direct = (
        select(identifiers.c.kind, identifiers.c.value, holder.c.id.label("victim"))
        .join(holder, holder.c.id == identifiers.c.record_id)
        .where(
            identifiers.c.kind.in_(list(kinds)),
            holder.c.kind == "person",
            holder.c.subject_category == victim,
        )
    )
    contact = records.alias("cv_contact")
    to_target = refs.alias("cv_target")
    from_source = refs.alias("cv_source")
    source = records.alias("cv_person")
    linked = (
        select(identifiers.c.kind, identifiers.c.value, source.c.id.label("victim"))
        .join(contact, contact.c.id == identifiers.c.record_id)
        .join(to_target, and_(to_target.c.target_id == contact.c.id, to_target.c.field == "target"))
        .join(
            from_source,
            and_(from_source.c.record_id == to_target.c.record_id, from_source.c.field == "source"),
        )
        .join(source, source.c.id == from_source.c.target_id)
        .where(
            identifiers.c.kind.in_(list(kinds)),
            contact.c.kind.in_(["phone", "address", "handle"]),
            source.c.subject_category == victim,
        )
    )
    both = direct.union_all(linked).subquery("cv_ties")
    query = (
        select(both.c.kind, both.c.value)
        .group_by(both.c.kind, both.c.value)
        .having(func.count(func.distinct(both.c.victim)) >= min_victims)
    )
    return [(r[0], r[1]) for r in conn.execute(query)]


def organization_incidents(
    conn: Connection, orgs: Sequence[str] | None = None
) -> list[tuple[str, str, str | None, str, str | None]]:
    """(organization, incident, incident's country, victim named, their category) for every
    incident naming an organization and a victim; over the whole store, or only these
    organizations."""
    by_org = refs.alias("oi_org")
    by_victim = refs.alias("oi_victim")
    org = records.alias("oi_organization")
    person = records.alias("oi_person")
    query = (
        select(
            by_org.c.target_id,
            records.c.id,
            fact_text("country"),
            by_victim.c.target_id,
            person.c.subject_category,
        )
        .join(records, records.c.id == by_org.c.record_id)
        .join(org, org.c.id == by_org.c.target_id)
        .join(
            by_victim,
            and_(by_victim.c.record_id == records.c.id, by_victim.c.field == "victims"),
        )
        .outerjoin(person, person.c.id == by_victim.c.target_id)
        .where(
            by_org.c.field == "organizations",
            records.c.kind == "incident",
            org.c.kind == "organization",
        )
    )
    rows = _maybe_in(conn, query, by_org.c.target_id, orgs)
    return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]


def organization_links(
    conn: Connection, victim: str, orgs: Sequence[str] | None = None
) -> list[tuple[str, str, str]]:
    """(organization, link, victim) for every Link from a victim to an organization."""
    to_org = refs.alias("ol_org")
    from_victim = refs.alias("ol_victim")
    org = records.alias("ol_organization")
    person = records.alias("ol_person")
    query = (
        select(to_org.c.target_id, to_org.c.record_id, from_victim.c.target_id)
        .join(org, org.c.id == to_org.c.target_id)
        .join(
            from_victim,
            and_(from_victim.c.record_id == to_org.c.record_id, from_victim.c.field == "source"),
        )
        .join(person, person.c.id == from_victim.c.target_id)
        .where(
            to_org.c.field == "target",
            org.c.kind == "organization",
            person.c.subject_category == victim,
        )
    )
    return [(r[0], r[1], r[2]) for r in _maybe_in(conn, query, to_org.c.target_id, orgs)]


def _maybe_in(
    conn: Connection, query: Select[Any], column: ColumnElement[Any], only: Sequence[str] | None
) -> list[Any]:
    """The query's rows over everything, or where ``column`` is one of ``only`` (chunked)."""
    if only is None:
        return list(conn.execute(query))
    out: list[Any] = []
    for part in chunks(sorted(set(only))):
        out += list(conn.execute(query.where(column.in_(part))))
    return out


def same_pairs(conn: Connection, ids: Iterable[str]) -> set[tuple[str, str]]:
    """Active 'same person' decisions (``identity.decisions``) touching these records."""
    d = identity_decisions
    out: set[tuple[str, str]] = set()
    for part in chunks(sorted(set(ids))):
        rows = conn.execute(
            select(d.c.left_id, d.c.right_id).where(
                d.c.undone_at.is_(None),
                d.c.verdict == "same",
                or_(d.c.left_id.in_(part), d.c.right_id.in_(part)),
            )
        )
        out |= {(str(r[0]), str(r[1])) for r in rows}
    return out
