"""The national database's service surface: create, read, update, delete, list, search.

Every call goes through the access policy and writes its audit entry in the same
transaction as the work, so nothing is changed or read without a trace.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection

from interlink.access import audit
from interlink.access.policy import (
    RecordMeta,
    Scope,
    Visibility,
    decide,
    grants,
    permits,
)
from interlink.access.roles import Action, Actor
from interlink.domain import model, registry
from interlink.domain.codes import VICTIM_ROLES, HandlingCode, SubjectCategory
from interlink.domain.provenance import Provenance, ProvenanceIn
from interlink.domain.values import error_message, parse_phone
from interlink.identity.normalize import normalize_name
from interlink.node import Node
from interlink.records import protected
from interlink.records.errors import Conflict, Forbidden, Invalid, NotFound
from interlink.store import protection as protection_store
from interlink.store import records as store
from interlink.store.db import reading, transaction

MAX_PAGE = 500


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _scope_condition(actor: Actor, scope: Scope) -> Any:
    if scope == Scope.CASE_TEAM:
        return protection_store.case_team_condition(actor.id, actor.username)
    if scope == Scope.OWN_UNIT_UNLESS_HIGH_RISK:
        return protection_store.not_high_risk()
    return None


def access_clauses(actor: Actor, action: Action) -> list[store.AccessClause]:
    """The policy's grants for this actor as the store's SQL filter."""
    return [
        store.AccessClause(
            unit=None if g.scope == Scope.ANY_UNIT else actor.unit,
            codes=frozenset(c.value for c in g.codes),
            subjects=frozenset(s.value for s in g.subjects),
            condition=_scope_condition(actor, g.scope),
        )
        for g in grants(actor, action)
    ]


def _meta(rec: store.StoredRecord, conn: Connection) -> RecordMeta:
    """What the policy weighs about a stored record (for a victim: its case team and risk)."""
    return RecordMeta(
        owning_unit=rec.provenance.owning_unit,
        handling_code=rec.provenance.handling_code,
        subject_category=SubjectCategory(rec.subject_category),
        **protected.victim_access(conn, rec),
    )


def meta_in(conn: Connection, rec: store.StoredRecord) -> RecordMeta:
    """What the policy weighs about a stored record, read in the caller's transaction."""
    return _meta(rec, conn)


def record_meta(node: Node, rec: store.StoredRecord) -> RecordMeta:
    """``_meta`` for a front end deciding what to offer (an edit button) on a read record."""
    with reading(node.engine) as conn:
        return _meta(rec, conn)


def _meta_for(
    facts: model.Facts,
    unit: str,
    code: HandlingCode,
    recorded_by: str | None = None,
    case_team: frozenset[str] = frozenset(),
    high_risk: bool = False,
) -> RecordMeta:
    return RecordMeta(
        unit,
        code,
        registry.subject_category(facts),
        case_team=case_team,
        high_risk=high_risk,
        recorded_by=recorded_by,
    )


def _require(actor: Actor, action: Action, meta: RecordMeta, record_id: str | None) -> None:
    verdict = decide(actor, action, meta)
    if verdict == Visibility.NOT_FOUND:
        raise NotFound(f"no record {record_id}" if record_id else "not allowed")
    if verdict == Visibility.FORBIDDEN:
        raise Forbidden(f"your role may not {action.value} this record")


def _check_references(conn: Connection, actor: Actor, facts: model.Facts) -> None:
    """Every id a record points to must exist, be visible to the actor and be of a fitting kind."""
    kind = type(facts).kind  # type: ignore[attr-defined]
    pointed = model.references(facts)
    if not pointed:
        return
    ids = [str(t) for _, t in pointed]
    found = {r.id: r for r in store.get_many(conn, sorted(set(ids)))}
    for field, target in pointed:
        rec = found.get(str(target))
        if rec is None or not permits(actor, Action.READ, _meta(rec, conn)):
            raise Invalid(f"{field}: no record {target}", field=field)
        allowed = model.REFERENCE_KINDS.get((kind, field))
        if isinstance(facts, model.Link):
            sources, targets = model.LINK_ENDS[facts.link_kind]
            allowed = sources if field == "source" else targets
        if allowed is not None and rec.kind not in allowed:
            raise Invalid(
                f"{field}: record {target} is a {rec.kind}; expected {', '.join(sorted(allowed))}",
                field=field,
            )


def new_provenance(
    node: Node, actor: Actor, prov: ProvenanceIn, now: datetime, unit: str | None = None
) -> Provenance:
    owning = unit or actor.unit
    if owning is None:
        raise Forbidden("your account has no unit")
    review = prov.review_date or add_years(now.date(), node.settings.review_years)
    if review <= now.date():
        raise Invalid("review_date: must be in the future", field="provenance.review_date")
    data = prov.model_dump()
    data.update(
        owning_unit=owning,
        recorded_at=now,
        recorded_by=actor.username,
        updated_at=now,
        updated_by=actor.username,
        review_date=review,
    )
    return Provenance.model_validate(data)


def create(
    node: Node,
    actor: Actor,
    facts: model.Facts,
    prov: ProvenanceIn,
    *,
    external_ref: str | None = None,
    record_id: str | None = None,
) -> store.StoredRecord:
    now = datetime.now(UTC)
    provenance = new_provenance(node, actor, prov, now)
    kind = type(facts).kind  # type: ignore[attr-defined]
    meta = _meta_for(facts, provenance.owning_unit, provenance.handling_code, actor.username)
    if not permits(actor, Action.CREATE, meta):
        raise Forbidden(f"your role may not create this {kind} record")
    rid = record_id or store.new_id()
    with transaction(node.engine) as conn:
        _check_references(conn, actor, facts)
        if external_ref and store.ids_for_external_refs(conn, kind, [external_ref]):
            raise Conflict(
                f"external_ref: a {kind} '{external_ref}' exists already", "external_ref"
            )
        row = store.record_row(rid, facts, provenance, external_ref=external_ref)
        store.insert_many(conn, [row], [facts])
        audit.write(conn, node.audit_key, actor, "create", record_kind=kind, record_id=rid)
        created = store.get(conn, rid)
        assert created is not None
        # Masked like every read: the answer goes to logs, caches and browsers (issue 7).
        shown = protected.masked_in(conn, [created])[0]
    _patterns_changed(node)
    return shown


def locked_for(
    conn: Connection, actor: Actor, action: Action, record_id: str, kind: str | None = None
) -> store.StoredRecord:
    """The record to change, locked in this transaction, if the actor may ``action`` it.

    404 when it is missing, of another kind or out of the actor's sight; 403 when it is
    visible but not theirs to change.
    """
    rec = store.get(conn, record_id, for_update=True)
    if rec is None or (kind is not None and rec.kind != kind):
        raise NotFound(f"no {kind or 'record'} {record_id}")
    _require(actor, action, _meta(rec, conn), record_id)
    return rec


def readable_in(
    conn: Connection, actor: Actor, record_id: str, kind: str | None = None
) -> store.StoredRecord:
    """The record, if the actor may read it, in the caller's transaction (nothing audited:
    the caller writes the entry of what it does). 404 when missing, of another kind or out
    of the actor's sight."""
    rec = store.get(conn, record_id)
    if rec is None or (kind is not None and rec.kind != kind):
        raise NotFound(f"no {kind or 'record'} {record_id}")
    if not permits(actor, Action.READ, _meta(rec, conn)):
        raise NotFound(f"no {kind or 'record'} {record_id}")
    return rec


def read(
    node: Node,
    actor: Actor,
    record_id: str,
    *,
    kind: str | None = None,
    purpose: str | None = None,
    unmask_reason: str | None = None,
) -> store.StoredRecord:
    """One record, if the actor may read it; a victim's protected fields masked unless
    ``unmask_reason`` is given (the unmasking is audited on its own, with that reason)."""
    refused = False
    if unmask_reason is not None and not unmask_reason.strip():
        raise Invalid("unmask_reason: state why you need the protected fields", "unmask_reason")
    with transaction(node.engine) as conn:
        rec = store.get(conn, record_id)
        if rec is None or (kind is not None and rec.kind != kind):
            raise NotFound(f"no record {record_id}")
        refused = not permits(actor, Action.READ, _meta(rec, conn))
        # A refusal is kept too: the entry is committed with this transaction, and the
        # caller learns no more than that there is no such record.
        audit.write(
            conn,
            node.audit_key,
            actor,
            "read",
            record_kind=None if refused else rec.kind,
            record_id=record_id,
            purpose=purpose,
            outcome="refused" if refused else "ok",
        )
        if refused:
            shown = rec
        else:
            victims = protected.contact_victims(conn, rec)
            has = protected.has_protected(rec) or bool(victims)
            unmask = has and unmask_reason is not None
            if unmask and victims and not _may_read_any(conn, actor, victims):
                raise Forbidden(
                    "unmask_reason: these contact details are a victim's; only those who may "
                    "see the victim may unmask them"
                )
            if unmask:
                audit.write(
                    conn,
                    node.audit_key,
                    actor,
                    "unmask",
                    record_kind=rec.kind,
                    record_id=record_id,
                    purpose=(unmask_reason or "").strip(),
                    details={"fields": protected.protected_field_names(rec)},
                )
            if unmask:
                shown = rec
            else:  # as masked_in does, with the victims already looked up
                shown = protected.masked_contact(rec) if victims else protected.masked(rec)
    if refused:
        raise NotFound(f"no record {record_id}")
    return shown


def _may_read_any(conn: Connection, actor: Actor, record_ids: set[str]) -> bool:
    return any(
        permits(actor, Action.READ, _meta(r, conn))
        for r in store.get_many(conn, sorted(record_ids))
    )


def update(
    node: Node,
    actor: Actor,
    record_id: str,
    *,
    changes: dict[str, Any] | None = None,
    provenance_changes: dict[str, Any] | None = None,
    expected_version: int | None = None,
    kind: str | None = None,
    reason: str | None = None,
) -> store.StoredRecord:
    """Apply changes (a partial document: given fields replace stored ones) atomically.

    The stored record is read and rewritten inside one write transaction, so two workers
    changing different fields of one record both keep their change. A person's role changes
    only with a ``reason``, kept in the role history; masked protected values sent back
    leave the stored ones as they are.
    """
    with transaction(node.engine) as conn:
        rec = locked_for(conn, actor, Action.UPDATE, record_id, kind)
        if expected_version is not None and expected_version != rec.version:
            raise Conflict(
                f"record {record_id} is at version {rec.version}, not {expected_version}: "
                "reload it and apply your change again"
            )
        data = rec.facts.model_dump(mode="json")
        kept = protected.keep_masked_contact(changes or {}, rec.kind)
        data.update(protected.keep_masked(kept, rec.facts))
        facts = _validate(registry.BY_NAME[rec.kind].facts, data, node)
        _keep_role_change(conn, actor, rec, facts, reason)
        prov_data = rec.provenance.model_dump(exclude={"evaluation"})
        for key, value in (provenance_changes or {}).items():
            prov_data[key] = value
        prov_in = _validate_provenance(prov_data)
        now = datetime.now(UTC)
        if prov_in.review_date is not None and prov_in.review_date <= now.date():
            raise Invalid("review_date: must be in the future", field="provenance.review_date")
        prov_data.update(prov_in.model_dump(), updated_at=now, updated_by=actor.username)
        provenance = Provenance.model_validate(prov_data)
        team, high = protection_store.victim_access(conn, record_id)
        new_meta = _meta_for(
            facts,
            provenance.owning_unit,
            provenance.handling_code,
            rec.provenance.recorded_by,
            team,
            high,
        )
        if not permits(actor, Action.UPDATE, new_meta):
            raise Forbidden("after this change the record would be out of your reach")
        _check_references(conn, actor, facts)
        store.replace(conn, record_id, facts, provenance, rec.version + 1)
        changed = sorted((changes or {}).keys()) + sorted(
            f"provenance.{k}" for k in (provenance_changes or {})
        )
        audit.write(
            conn,
            node.audit_key,
            actor,
            "update",
            record_kind=rec.kind,
            record_id=record_id,
            details={"fields": changed},
        )
        updated = store.get(conn, record_id)
        assert updated is not None
        shown = protected.masked_in(conn, [updated])[0]
    _patterns_changed(node)
    return shown


def _keep_role_change(
    conn: Connection,
    actor: Actor,
    rec: store.StoredRecord,
    facts: model.Facts,
    reason: str | None,
) -> None:
    before, after = getattr(rec.facts, "role", None), getattr(facts, "role", None)
    if before is None or after is None or before == after:
        return
    if not reason or not reason.strip():
        raise Invalid(
            "role: a change of role needs a reason: use 'Change role' on the person's page "
            "(POST /api/persons/{id}/role)",
            field="role",
        )
    protection_store.add_role_change(
        conn,
        rec.id,
        protection_store.RoleChange(
            before.value, after.value, reason.strip(), datetime.now(UTC), actor.username
        ),
    )


def _validate(facts_type: type[model.Facts], data: dict[str, Any], node: Node) -> model.Facts:
    try:
        return facts_type.model_validate(data, context={"phone_region": node.settings.phone_region})
    except ValidationError as exc:
        raise validation_invalid(exc) from None


def _validate_provenance(data: dict[str, Any]) -> ProvenanceIn:
    wanted = {k: data.get(k) for k in ProvenanceIn.model_fields}
    try:
        return ProvenanceIn.model_validate(wanted)
    except ValidationError as exc:
        raise validation_invalid(exc, prefix="provenance") from None


def validation_invalid(exc: Any, prefix: str | None = None) -> Invalid:
    first = exc.errors()[0]
    loc = ".".join(str(p) for p in first["loc"])
    if prefix:
        loc = f"{prefix}.{loc}" if loc else prefix
    message = error_message(first)
    return Invalid(f"{loc}: {message}" if loc else message, field=loc or None)


def delete(
    node: Node, actor: Actor, record_id: str, *, reason: str, kind: str | None = None
) -> None:
    with transaction(node.engine) as conn:
        rec = locked_for(conn, actor, Action.DELETE, record_id, kind)
        pointing = store.referencing(conn, record_id)
        if pointing:
            ids = ", ".join(sorted({r for r, _ in pointing})[:5])
            raise Conflict(
                f"record {record_id} is referenced by {len(pointing)} record(s) ({ids}): "
                "remove those references first"
            )
        store.remove(conn, record_id)
        audit.write(
            conn,
            node.audit_key,
            actor,
            "delete",
            record_kind=rec.kind,
            record_id=record_id,
            purpose=reason,
        )
    _patterns_changed(node)


def _patterns_changed(node: Node) -> None:
    """Pattern alerts around the changed record, once it is committed (issue 9)."""
    from interlink.network.alerts import after_change  # the network reads through this module

    after_change(node.engine)


@dataclass(frozen=True)
class Page:
    items: list[store.StoredRecord]
    total: int
    limit: int
    offset: int


def list_records(
    node: Node,
    actor: Actor,
    flt: store.ListFilter,
    *,
    limit: int = 50,
    offset: int = 0,
    purpose: str | None = None,
) -> Page:
    limit = max(1, min(limit, MAX_PAGE))
    visible = store.visibility(access_clauses(actor, Action.SEARCH))
    with transaction(node.engine) as conn:
        items, total = store.list_records(conn, flt, visible, limit=limit, offset=offset)
        audit.write(
            conn,
            node.audit_key,
            actor,
            "list",
            record_kind=flt.kind,
            purpose=purpose,
            details={
                "filters": _filter_keys(flt),
                "returned": [r.id for r in items],
                "total": total,
            },
        )
        shown = protected.masked_in(conn, items)
    return Page(shown, total, limit, offset)


def _filter_keys(flt: store.ListFilter) -> list[str]:
    return sorted(k for k, v in flt.__dict__.items() if v is not None)


@dataclass(frozen=True)
class SearchQuery:
    kind: str | None = "person"
    name: str | None = None
    prefix: bool = False
    document_number: str | None = None
    phone: str | None = None
    email: str | None = None

    def criteria(self) -> list[str]:
        return [k for k in ("name", "document_number", "phone", "email") if getattr(self, k)]


def search(
    node: Node, actor: Actor, query: SearchQuery, *, purpose: str, limit: int = 50
) -> list[store.StoredRecord]:
    """Find records by name (exact or prefix, any script) and/or identifiers; purpose required."""
    if not purpose or not purpose.strip():
        raise Invalid("purpose: a search needs its purpose stated", field="purpose")
    if not query.criteria():
        raise Invalid("give a name, document_number, phone or email to search for")
    identifier: tuple[str, str] | None = None
    if query.document_number:
        identifier = ("document", query.document_number)
    elif query.phone:
        try:
            identifier = ("phone", parse_phone(query.phone, node.settings.phone_region))
        except ValueError as exc:
            raise Invalid(f"phone: {exc}", field="phone") from None
    elif query.email:
        identifier = ("email", query.email)
    visible = store.visibility(access_clauses(actor, Action.SEARCH))
    limit = max(1, min(limit, MAX_PAGE))
    with transaction(node.engine) as conn:
        exact_name = query.name is not None and not query.prefix
        ids = store.search_ids(
            conn,
            visible=visible,
            kind=query.kind,
            name=query.name,
            prefix=query.prefix,
            identifier=identifier,
            limit=limit * 5 if exact_name else limit,
        )
        found = store.get_many(conn, ids)
        if exact_name:
            wanted = normalize_name(query.name or "")
            found = [
                r for r in found if any(normalize_name(t) == wanted for t in r.facts.name_texts())
            ][:limit]
        audit.write(
            conn,
            node.audit_key,
            actor,
            "search",
            record_kind=query.kind,
            purpose=purpose.strip(),
            details={
                "criteria": query.criteria(),
                "prefix": query.prefix,
                "returned": [r.id for r in found],
            },
        )
        return protected.masked_in(conn, found)


def export(
    node: Node, actor: Actor, flt: store.ListFilter, *, purpose: str
) -> Iterator[store.StoredRecord]:
    """Every record of the filter the actor may export; one audit entry when it is done."""
    if not purpose or not purpose.strip():
        raise Invalid("purpose: an export needs its purpose stated", field="purpose")
    clauses = access_clauses(actor, Action.EXPORT)
    if not clauses:
        raise Forbidden("your role may not export records")
    if flt.subject_category == SubjectCategory.VICTIM.value or flt.role in {
        r.value for r in VICTIM_ROLES
    }:
        raise Forbidden("victims are never exported: their records stay on this node")
    visible = store.visibility(clauses)
    filters = _filter_keys(flt)
    with reading(node.engine) as conn:
        as_suspects = protection_store.victims_listed_as_suspects(conn, flt, visible)
    if as_suspects:
        listed = ", ".join(f"{rid} (victim {vid})" for rid, vid in as_suspects[:5])
        raise Forbidden(
            f"{len(as_suspects)} record(s) to export list a victim as a suspect: {listed}. "
            "A victim is never reported or exported as a suspect: correct those records first"
        )

    def log(outcome: str, **details: Any) -> None:
        with transaction(node.engine) as conn:
            audit.write(
                conn,
                node.audit_key,
                actor,
                "export",
                record_kind=flt.kind,
                purpose=purpose.strip(),
                outcome=outcome,
                details={"filters": filters, **details},
            )

    log("started")  # before the first record leaves, whether or not the export completes
    count = 0
    with reading(node.engine) as conn:
        for rec in _leaving(conn, store.iter_records(conn, flt, visible)):
            count += 1
            yield rec
    log("ok", count=count)


def _leaving(
    conn: Connection, found: Iterator[store.StoredRecord], batch: int = 500
) -> Iterator[store.StoredRecord]:
    """The records that may leave the node: never a victim (no grant exports victims; never,
    whatever), nor an address, phone or handle a contact link joins to a victim."""
    pending: list[store.StoredRecord] = []

    def release() -> list[store.StoredRecord]:
        contacts = [r.id for r in pending if protected.is_contact_record(r)]
        joined = protection_store.victims_of_contacts(conn, contacts) if contacts else {}
        return [r for r in pending if r.id not in joined]

    for rec in found:
        if protected.is_victim_record(rec):
            continue
        pending.append(rec)
        if len(pending) >= batch:
            yield from release()
            pending = []
    yield from release()


def resolve_id(node: Node, text: str) -> str:
    """A record id from a UUID or an external reference (the id a file was imported with)."""
    import uuid as _uuid

    try:
        return str(_uuid.UUID(text))
    except ValueError:
        pass
    with reading(node.engine) as conn:
        found = {
            kind.name: rid
            for kind in registry.KINDS
            for rid in store.ids_for_external_refs(conn, kind.name, [text]).values()
        }
    if not found:
        raise NotFound(f"no record with id or external reference '{text}'")
    if len(found) > 1:
        raise Invalid(
            f"'{text}' names records of several kinds ({', '.join(sorted(found))}): "
            "give the record's UUID"
        )
    return next(iter(found.values()))
