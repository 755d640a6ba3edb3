"""Possible duplicates of a person: while it is entered, and on its page with the decisions
users recorded ("same person" / "different people").

Every search goes through ``identity.search`` (audited with a purpose: the session's, or
when none is stated yet, the checking for duplicates that entering or opening a record
is), every decision through ``identity.decisions`` (its capability and the right to change
both records are checked there, and audited).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select

from interlink.access.policy import has_capability, permits
from interlink.access.roles import Action, Actor, Capability
from interlink.domain import registry
from interlink.identity import decisions
from interlink.identity.search import MatchQuery, search
from interlink.node import Node
from interlink.records.errors import Invalid
from interlink.records.service import meta_in
from interlink.store import records as store
from interlink.store.db import reading
from interlink.store.schema import users
from interlink.web.finder import Hit, form_query, hits_for

DUPLICATE_PURPOSE = "checking for duplicates of a person record"
SHOWN = 10
MIN_PROBABILITY = 0.5  # "possibly related" and above


def purpose_of(stated: str | None) -> str:
    return stated or DUPLICATE_PURPOSE


def while_entering(
    node: Node, actor: Actor, form: Mapping[str, object], purpose: str | None
) -> list[Hit] | None:
    """Possible duplicates of the person a form describes so far (None without a name:
    nothing to look for yet)."""
    values = form_query(form)
    if not any(values.get(f) for f in ("full_name", "first_name", "last_name")):
        return None
    try:
        found = search(
            node,
            actor,
            MatchQuery(values),
            purpose=purpose_of(purpose),
            limit=SHOWN,
            min_probability=MIN_PROBABILITY,
        )
    except Invalid:
        return None
    return hits_for(node, actor, found)


def of_record(node: Node, actor: Actor, record_id: str, purpose: str | None) -> list[Hit]:
    """Other persons who may be this one; confirmed same first, confirmed different out."""
    found = search(
        node,
        actor,
        MatchQuery(record_id=record_id),
        purpose=purpose_of(purpose),
        limit=SHOWN,
        min_probability=MIN_PROBABILITY,
    )
    return hits_for(node, actor, found)


@dataclass(frozen=True)
class DecisionRow:
    id: str
    verdict: str
    other_id: str
    other_label: str
    reason: str
    decided_by: str
    decided_at: datetime


def may_decide(actor: Actor) -> bool:
    return has_capability(actor, Capability.IDENTITY_DECIDE)


def recorded(node: Node, actor: Actor, record_id: str, purpose: str | None) -> list[DecisionRow]:
    """The active decisions about a person whose other record the reader may see."""
    found = decisions.decisions_for(node, actor, record_id, purpose=purpose)
    others = [d.other(record_id) for d in found]
    with reading(node.engine) as conn:
        stored = {r.id: r for r in store.get_many(conn, others)}
        # The one policy, with a victim's case team and risk (issue 7).
        metas = {rid: meta_in(conn, r) for rid, r in stored.items()}
        names = _usernames(conn, [d.decided_by for d in found])
    rows = []
    for d in found:
        other = stored.get(d.other(record_id))
        if other is None:
            continue
        if not permits(actor, Action.READ, metas[other.id]):
            continue
        rows.append(
            DecisionRow(
                id=d.id,
                verdict=d.verdict.value,
                other_id=other.id,
                other_label=registry.label(other.facts),
                reason=d.reason,
                decided_by=names.get(d.decided_by, d.decided_by),
                decided_at=d.decided_at,
            )
        )
    return rows


def _usernames(conn: Connection, ids: Sequence[str]) -> dict[str, str]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = conn.execute(select(users.c.id, users.c.username).where(users.c.id.in_(wanted)))
    return {str(r.id): r.username for r in rows}
