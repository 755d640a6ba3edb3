"""Hits: a person reported by one country found to be one reported by another.

At the Secretariat, each person reported or updated is searched for among the reported
persons of the other countries with the identity engine's online search (the same index,
model and bands as a national search), in the inbox transaction. On ``same`` or ``possibly
same`` the pair becomes a hit — one per pair: a later report or update re-evaluates it, a
withdrawal closes it — and each owner is told what the other owner's rules allow:

* nothing at all, if the other owner's ``hit_countries`` leave it out;
* otherwise that there is a hit, on which of its own records, the other country, the band
  and the hit's id as the reference to ask about;
* the other record's details (its facts, as a record copy, with its owner's handling
  code), only if the other owner's ``detail_countries`` name it.

The owners then follow up bilaterally (a REQUEST naming the hit). At a national node, a hit
notification is kept in ``hit_notifications`` and shown in the work queue.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Connection

from interlink.access import audit
from interlink.access.policy import has_capability
from interlink.access.roles import Actor, Capability
from interlink.domain.codes import HandlingCode
from interlink.exchange import outlet
from interlink.exchange.handlers import Received, on
from interlink.exchange.messages import SECRETARIAT, Body, Draft, Kind, SharedRecord
from interlink.identity.model import Band
from interlink.identity.search import Candidate, search_stored_in
from interlink.node import Node
from interlink.records.errors import Forbidden, Invalid, NotFound
from interlink.store import records as store
from interlink.store import secretariat as sql
from interlink.store.db import transaction

log = logging.getLogger(__name__)

HIT_BANDS = frozenset({Band.SAME, Band.POSSIBLY_SAME})
NO_LONGER = "no longer matches"


# -- at the Secretariat -------------------------------------------------------------------------


def candidates(conn: Connection, node: Node, record_id: str, owner: str) -> list[Candidate]:
    """The reported persons of other countries that ``record_id`` may be (band same or
    possibly same), searched in the caller's transaction."""
    found = search_stored_in(conn, node, record_id, sql.other_countries_clause(owner))
    return [c for c in found if c.band in HIT_BANDS]


@dataclass(frozen=True)
class Side:
    record: str
    owner: str
    origin: str


def evaluate(conn: Connection, node: Node, record_id: str, owner: str) -> list[str]:
    """Link one reported person against the other countries' persons; create, update or
    close its hits and queue the notifications. The ids of the hits that changed."""
    now = datetime.now(UTC)
    found = candidates(conn, node, record_id, owner)
    others = sql.reported_by_id(conn, [c.record_id for c in found])
    me = sql.reported_by_id(conn, [record_id])[record_id]
    changed: list[str] = []
    matched: set[str] = set()
    for cand in found:
        other = others.get(cand.record_id)
        if other is None or other.owner == owner:
            continue
        this_side = Side(record_id, owner, me.origin_id)
        other_side = Side(other.record_id, other.owner, other.origin_id)
        hit_id = upsert(conn, node, this_side, other_side, cand, now)
        matched.add(cand.record_id)
        if hit_id:
            changed.append(hit_id)
    for hit in sql.hits_of(conn, record_id):
        other_record = hit.right_record if hit.left_record == record_id else hit.left_record
        if other_record not in matched:
            close(conn, node, hit, NO_LONGER, now)
            changed.append(hit.id)
    return changed


def upsert(
    conn: Connection, node: Node, a: Side, b: Side, cand: Candidate, now: datetime
) -> str | None:
    """Create the pair's hit, reopen it, or update its band; notify on each of those."""
    left, right = (a, b) if a.record < b.record else (b, a)
    hit = sql.hit_for_pair(conn, left.record, right.record)
    band, probability = cand.band.value, round(cand.probability, 6)
    if hit is None:
        hit_id = store.new_id()
        sql.insert_hit(
            conn,
            id=hit_id,
            left_record=left.record,
            right_record=right.record,
            left_owner=left.owner,
            left_origin=left.origin,
            right_owner=right.owner,
            right_origin=right.origin,
            band=band,
            probability=probability,
            status="open",
            closed_reason=None,
            left_told=False,
            right_told=False,
            created_at=now,
            updated_at=now,
        )
    elif hit.status == "open" and hit.band == band:
        return None  # nothing new to tell
    else:
        hit_id = hit.id
        sql.update_hit(
            conn,
            hit_id,
            band=band,
            probability=probability,
            status="open",
            closed_reason=None,
            updated_at=now,
        )
    fresh = sql.hit_for_pair(conn, left.record, right.record)
    assert fresh is not None
    notify(conn, node, fresh)
    return hit_id


def close(conn: Connection, node: Node, hit: sql.Hit, reason: str, now: datetime) -> None:
    sql.update_hit(conn, hit.id, status="closed", closed_reason=reason, updated_at=now)
    closed = sql.hit_for_pair(conn, hit.left_record, hit.right_record)
    assert closed is not None
    notify(conn, node, closed)


def close_all(conn: Connection, node: Node, record_id: str, reason: str) -> None:
    now = datetime.now(UTC)
    for hit in sql.hits_of(conn, record_id):
        close(conn, node, hit, reason, now)


def _may_learn(rules: sql.Reported | None, country: str) -> bool:
    return rules is not None and (rules.hit_countries is None or country in rules.hit_countries)


def _may_see(rules: sql.Reported | None, country: str) -> bool:
    return _may_learn(rules, country) and rules is not None and country in rules.detail_countries


def notify(conn: Connection, node: Node, hit: sql.Hit) -> None:
    """Queue the hit's news to each owner the other owner's rules allow to learn of it. A
    closed hit is told to those who were told it was open, whatever the rules say now."""
    rules = sql.reported_by_id(conn, [hit.left_record, hit.right_record])
    told = {"left": hit.left_told, "right": hit.right_told}
    sides = (
        (
            "left",
            hit.left_owner,
            hit.left_origin,
            hit.right_record,
            hit.right_owner,
            hit.right_origin,
        ),
        (
            "right",
            hit.right_owner,
            hit.right_origin,
            hit.left_record,
            hit.left_owner,
            hit.left_origin,
        ),
    )
    for side, owner, origin, other_record, other_owner, other_origin in sides:
        other_rules = rules.get(other_record)
        if hit.status == "closed":
            if not told[side]:
                continue
            details = False
        else:
            if not _may_learn(other_rules, owner):
                continue
            details = _may_see(other_rules, owner)
        data: dict[str, Any] = {
            "hit": hit.id,
            "status": hit.status,
            "record": origin,
            "other_country": other_owner,
            "band": hit.band,
            "probability": hit.probability,
        }
        if hit.closed_reason:
            data["reason"] = hit.closed_reason
        records: list[SharedRecord] = []
        code = HandlingCode.H0
        restrictions = None
        if details:
            copy = _copy_of(conn, other_record, other_owner, other_origin)
            # H2 is not passed on by anyone but its owner, even where the owner's rules
            # name the country: the owner sends the details itself, on request.
            if copy is not None and copy.handling_code != HandlingCode.H2:
                data["other_record"] = other_origin
                records.append(copy)
                code, restrictions = copy.handling_code, copy.handling_text
        draft = Draft(
            kind=Kind.HIT,
            recipients=[owner],
            body=Body(
                text=f"Hit {hit.id}: your record {origin} and a record of {other_owner} "
                f"({hit.band}).",
                records=records,
                data=data,
            ),
            handling_code=code,
            restrictions=restrictions,
            subject=f"Hit with {other_owner}" if hit.status == "open" else f"Hit {hit.status}",
        )
        outlet.queue(conn, node, draft)
        if hit.status == "open" and not told[side]:
            sql.update_hit(conn, hit.id, **{f"{side}_told": True})
        audit.write(
            conn,
            node.audit_key,
            Actor.system("secretariat"),
            "hit_notified",
            record_kind="person",
            record_id=hit.left_record if side == "left" else hit.right_record,
            details={"hit": hit.id, "to": owner, "status": hit.status, "details": bool(records)},
        )


def _copy_of(conn: Connection, record_id: str, owner: str, origin: str) -> SharedRecord | None:
    """The other owner's record as the Secretariat holds it, for an owner allowed details."""
    rec = store.get(conn, record_id)
    if rec is None:
        return None
    prov = rec.provenance
    return SharedRecord(
        owner=owner,
        record_id=origin,
        kind=rec.kind,
        facts=rec.facts.model_dump(mode="json"),
        handling_code=prov.handling_code,
        handling_text=prov.handling_text,
        reliability=prov.reliability.value,
        assessment=prov.assessment.value,
        version=rec.version,
    )


# -- at a national node ------------------------------------------------------------------------


class HitData(BaseModel):
    """What a HIT message's data holds (see ``notify``)."""

    model_config = ConfigDict(extra="ignore")

    hit: str
    status: str = Field(pattern="^(open|closed)$")
    record: str
    other_country: str = Field(min_length=2, max_length=2)
    band: str
    probability: float = Field(ge=0, le=1)
    other_record: str | None = None
    reason: str | None = None


@on(Kind.HIT)
def _on_hit(ctx: Received) -> None:
    env = ctx.message.envelope
    if outlet.is_secretariat(ctx.node) or env.sender != SECRETARIAT:
        log.warning(
            "hit message %s from %s ignored: hits come from the Secretariat", env.id, env.sender
        )
        return
    data = HitData.model_validate(ctx.message.body.data)
    now = datetime.now(UTC)
    values: dict[str, Any] = {
        "hit_id": data.hit,
        "record_id": data.record,
        "other_country": data.other_country,
        "band": data.band,
        "probability": data.probability,
        "status": data.status,
        "message_id": str(env.id),
        "received_at": now,
        "updated_at": now,
    }
    if data.other_record or data.status == "open":
        values["other_record"] = data.other_record
    sql.keep_notification(ctx.conn, values)
    # The other country's record, where its rules allow the details: a copy like any other
    # received record (the transport's), with its owner's handling code.
    from interlink.exchange.copies import store_copy

    for shared in ctx.message.body.records:
        if shared.owner == data.other_country and str(shared.record_id) == data.other_record:
            store_copy(ctx.conn, ctx.node, shared, str(env.id))


@dataclass(frozen=True)
class HitView:
    """A hit notification as a national node's user sees it."""

    notification: sql.HitNotification
    other_copy_id: str | None  # the other country's record copy here, when details came


def _require(actor: Actor) -> None:
    if not has_capability(actor, Capability.READ_HITS):
        raise Forbidden("your role may not see hit notifications")


def list_hits(
    node: Node, actor: Actor, *, status: str | None = "open", limit: int = 50, offset: int = 0
) -> list[sql.HitNotification]:
    """The Secretariat's hit notifications about this node's records; audited (ids)."""
    _require(actor)
    if status not in (None, "open", "closed"):
        raise Invalid("status: open or closed", field="status")
    with transaction(node.engine) as conn:
        found = sql.list_notifications(
            conn, status=status, limit=max(1, min(limit, 500)), offset=offset
        )
        audit.write(
            conn,
            node.audit_key,
            actor,
            "list_hits",
            details={"returned": [h.hit_id for h in found], "status": status},
        )
    return found


def read_hit(node: Node, actor: Actor, hit_id: str) -> HitView:
    """One hit notification, marked read; audited with the record it is about."""
    _require(actor)
    with transaction(node.engine) as conn:
        found = sql.notification(conn, hit_id)
        if found is None:
            raise NotFound(f"no hit {hit_id}")
        sql.mark_notification_read(conn, hit_id, datetime.now(UTC))
        copy = None
        if found.other_record:
            copy = _copy_ids(conn, found.other_country, [found.other_record]).get(
                found.other_record
            )
        audit.write(
            conn,
            node.audit_key,
            actor,
            "read_hit",
            record_kind="person",
            record_id=found.record_id,
            details={"hit": hit_id, "copy": copy},
        )
    return HitView(found, copy)


def _copy_ids(conn: Connection, origin_node: str, origin_ids: Sequence[str]) -> dict[str, str]:
    from sqlalchemy import select

    from interlink.store.schema import records

    rows = conn.execute(
        select(records.c.origin_id, records.c.id).where(
            records.c.origin_node == origin_node, records.c.origin_id.in_(list(origin_ids))
        )
    )
    return {str(o): str(i) for o, i in rows}


def unread_count(node: Node, actor: Actor) -> int:
    """Open hits not yet opened, for the work queue (a count: nothing to audit)."""
    if not has_capability(actor, Capability.READ_HITS):
        return 0
    from interlink.store.db import reading

    with reading(node.engine) as conn:
        return sql.unread_notifications(conn)


def secretariat_hits(
    node: Node, actor: Actor, *, status: str | None = None, limit: int = 100
) -> list[sql.Hit]:
    """At the Secretariat: the hits of the international database (ids, bands, owners)."""
    _require(actor)
    if not outlet.is_secretariat(node):
        raise Invalid("this node is not the General Secretariat")
    with transaction(node.engine) as conn:
        found = sql.list_hits(conn, status=status, limit=max(1, min(limit, 500)))
        audit.write(
            conn,
            node.audit_key,
            actor,
            "list_hits",
            details={"returned": [h.id for h in found], "status": status},
        )
    return found
