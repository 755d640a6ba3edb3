"""The international database at the General Secretariat: what countries report.

A reported record is kept as an ordinary record of the Secretariat's own ``records`` table,
under a unit per owner (``REPORTED-UA``) and with its origin (owner, id at the owner), so
that the identity engine's index and search work on it unchanged. Beside it,
``reported_records`` keeps the owner's dissemination rules. Each person reported or updated
is linked at once against the reported persons of the other countries (``hits``); an
update replaces the record and re-evaluates its hits; a withdrawal removes it (and the
owner's links to it) and closes its hits, so that nothing stale survives here.

The handlers run inside the inbox transaction: what they write commits with the message.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection

from interlink.access import audit
from interlink.access.accounts import ensure_unit
from interlink.access.roles import Actor, Role
from interlink.domain import model, registry
from interlink.domain.provenance import Provenance
from interlink.exchange import hits, outlet
from interlink.exchange.handlers import Received, on
from interlink.exchange.messages import (
    RULES_CARRIED,
    Dissemination,
    Kind,
    RecordRef,
    SharedRecord,
)
from interlink.node import Node
from interlink.protection.outgoing import is_victim
from interlink.records.errors import Invalid
from interlink.records.service import add_years
from interlink.store import records as store
from interlink.store import secretariat as sql

log = logging.getLogger(__name__)


def owner_unit(owner: str) -> str:
    """The Secretariat's unit holding what one country reported."""
    return f"REPORTED-{owner}"


def reporting_actor(owner: str) -> Actor:
    """Who the audit log names for what a country's node submitted."""
    return Actor(id=None, username=f"node:{owner}", role=Role.NCB_OFFICER, unit=owner_unit(owner))


def _facts(shared: SharedRecord, local_ids: dict[str, str], node: Node) -> model.Facts:
    """The facts of a reported record, its references turned into the Secretariat's ids
    where the owner reported the record pointed to."""
    kind = registry.BY_NAME.get(shared.kind)
    if kind is None:
        raise Invalid(f"records: unknown record kind '{shared.kind}'", field="records.kind")
    try:
        facts = kind.facts.model_validate(
            shared.facts, context={"phone_region": node.settings.phone_region}
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise Invalid(
            f"record {shared.record_id}: {where}: {first['msg']}", field="records.facts"
        ) from None
    if is_victim(facts):  # the national node refuses this already; the database is of suspects
        raise Invalid(
            f"record {shared.record_id}: a victim is never reported as a suspect",
            field="records.facts.role",
        )
    pointed = model.references(facts)
    if not pointed:
        return facts
    data = facts.model_dump(mode="json")
    for field, _target in pointed:
        value = data[field]
        if isinstance(value, list):
            data[field] = [local_ids.get(str(v), v) for v in value]
        else:
            data[field] = local_ids.get(str(value), value)
    return kind.facts.model_validate(data)


def _provenance(shared: SharedRecord, node: Node, now: datetime) -> Provenance:
    owner = shared.owner
    return Provenance(
        reliability=shared.reliability or "X",
        assessment=shared.assessment or "4",
        handling_code=shared.handling_code,
        handling_text=shared.handling_text,
        source=f"reported by {owner}",
        owning_unit=owner_unit(owner),
        recorded_at=now,
        recorded_by=f"node:{owner}",
        updated_at=now,
        updated_by=f"node:{owner}",
        review_date=add_years(now.date(), node.settings.review_years),
        origin_node=owner,
        origin_id=str(shared.record_id),
    )


def _check_owner(sender: str, shared: list[SharedRecord]) -> None:
    for s in shared:
        if s.owner != sender:
            raise Invalid(
                f"record {s.record_id}: owned by {s.owner}, reported by {sender}: "
                "only a record's owner reports it",
                field="records.owner",
            )


def keep(
    conn: Connection,
    node: Node,
    sender: str,
    message_id: str,
    shared: list[SharedRecord],
    *,
    new_rules: bool,
) -> list[str]:
    """Store reported records (new ones, or new versions of ones reported before) and link
    their persons; the Secretariat's ids of the records kept. With ``new_rules`` (a report)
    the owner's dissemination rules are replaced too; an update keeps them."""
    _check_owner(sender, shared)
    now = datetime.now(UTC)
    ensure_unit(conn, owner_unit(sender), f"Reported by {sender}", sender)
    known = sql.reported_by_origin(conn, sender, [str(s.record_id) for s in shared])
    local_ids = {origin: r.record_id for origin, r in known.items()}
    for s in shared:
        local_ids.setdefault(str(s.record_id), store.new_id())
    kept: list[str] = []
    persons: list[str] = []
    for s in shared:
        origin = str(s.record_id)
        rid = local_ids[origin]
        facts = _facts(s, local_ids, node)
        prov = _provenance(s, node, now)
        rules = s.dissemination
        if origin in known:
            stored = store.get(conn, rid, for_update=True)
            if stored is not None:
                prov = prov.model_copy(
                    update={
                        "recorded_at": stored.provenance.recorded_at,
                        "review_date": stored.provenance.review_date,
                    }
                )
            store.replace(conn, rid, facts, prov, s.version)
            sql.touch_reported(
                conn,
                rid,
                message_id,
                now,
                (rules.hit_countries, rules.detail_countries) if new_rules else None,
            )
        else:
            store.insert_many(
                conn, [store.record_row(rid, facts, prov, version=s.version)], [facts]
            )
            sql.add_reported(
                conn,
                record_id=rid,
                owner=sender,
                origin_id=origin,
                kind=s.kind,
                hit_countries=rules.hit_countries,
                detail_countries=rules.detail_countries,
                message_id=message_id,
                at=now,
            )
        kept.append(rid)
        if s.kind == "person":
            persons.append(rid)
    audit.write(
        conn,
        node.audit_key,
        reporting_actor(sender),
        "report_received" if new_rules else "update_received",
        details={"message": message_id, "records": kept, "count": len(kept)},
    )
    for rid in persons:
        hits.evaluate(conn, node, rid, sender)
    return kept


def withdraw(
    conn: Connection, node: Node, sender: str, message_id: str, origin_ids: list[str]
) -> list[str]:
    """Remove what the owner withdrew (and the owner's links to it); close their hits."""
    known = sql.reported_by_origin(conn, sender, origin_ids)
    removed: list[str] = []
    for origin in origin_ids:
        reported = known.get(origin)
        if reported is None:
            continue  # not reported here (or withdrawn already): nothing to remove
        for link_id in sql.reported_links_to(conn, sender, reported.record_id):
            store.remove(conn, link_id)
            sql.forget_reported(conn, link_id)
            removed.append(link_id)
        if reported.kind == "person":
            hits.close_all(conn, node, reported.record_id, "withdrawn")
        store.remove(conn, reported.record_id)
        sql.forget_reported(conn, reported.record_id)
        removed.append(reported.record_id)
    audit.write(
        conn,
        node.audit_key,
        reporting_actor(sender),
        "withdrawal_received",
        details={"message": message_id, "records": removed, "count": len(removed)},
    )
    return removed


def withdrawn_ids(sender: str, records: list[SharedRecord], data: dict[str, Any]) -> list[str]:
    """The owner's ids a withdrawal names (``WithdrawalData.records``, or records carried)."""
    ids = [str(r.record_id) for r in records if r.owner == sender]
    for ref in data.get("records") or []:
        try:
            found = RecordRef.model_validate(ref)
        except ValidationError:
            raise Invalid("data.records: a withdrawal names records by owner and id") from None
        if found.owner != sender:
            raise Invalid(
                f"data.records: {sender} may not withdraw {found.owner}'s record",
                field="data.records",
            )
        ids.append(str(found.record_id))
    return list(dict.fromkeys(ids))


# -- what the inbox calls ---------------------------------------------------------------------


@on(Kind.REPORT)
def _on_report(ctx: Received) -> None:
    if not outlet.is_secretariat(ctx.node):
        return
    env = ctx.message.envelope
    keep(
        ctx.conn, ctx.node, env.sender, str(env.id), list(ctx.message.body.records), new_rules=True
    )


@on(Kind.UPDATE)
def _on_update(ctx: Received) -> None:
    """A new version of records: those reported here are replaced (the rest are copies the
    transport keeps, or nothing the Secretariat holds); the owner's rules too when the
    update carries them."""
    if not outlet.is_secretariat(ctx.node):
        return
    env = ctx.message.envelope
    mine = [r for r in ctx.message.body.records if r.owner == env.sender]
    known = sql.reported_by_origin(ctx.conn, env.sender, [str(r.record_id) for r in mine])
    reported = [r for r in mine if str(r.record_id) in known]
    if reported:
        carried = ctx.message.body.data.get("dissemination") == RULES_CARRIED
        keep(ctx.conn, ctx.node, env.sender, str(env.id), reported, new_rules=carried)


@on(Kind.WITHDRAWAL)
def _on_withdrawal(ctx: Received) -> None:
    if not outlet.is_secretariat(ctx.node):
        return
    env = ctx.message.envelope
    ids = withdrawn_ids(env.sender, list(ctx.message.body.records), ctx.message.body.data)
    if ids:
        withdraw(ctx.conn, ctx.node, env.sender, str(env.id), ids)


def rules_of(conn: Connection, record_id: str) -> Dissemination | None:
    found = sql.reported_by_id(conn, [record_id]).get(record_id)
    if found is None:
        return None
    return Dissemination(hit_countries=found.hit_countries, detail_countries=found.detail_countries)
