"""Identity decisions: a user confirms two person records as the same person, or as
different people, saying why.

A decision is the link between the two records: the records themselves are never changed
or merged, so undoing a decision (which keeps it, with who undid it and why) restores
exactly what was there. At most one decision per pair is active; a new one for the same
pair supersedes the earlier (marked undone with the reason "superseded").

Deciding and undoing need the ``identity_decide`` capability and the right to update both
records (``records.service.locked_for``: 404 for a record out of the actor's sight, 403 for
one they may read but not change). Listing a record's decisions needs the right to read it,
and shows only the decisions whose other record the reader may see too. Every decide, undo
and listing writes its audit entries (ids only, never names, never the stated reason).

Later runs respect decisions through ``verdicts`` (one query for a batch of pairs) and
``same_person_group`` (the records joined by 'same' decisions, transitively). Both work
on a connection and decide no access: their callers show only what the reader may see.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection

from interlink.access import audit
from interlink.access.policy import has_capability
from interlink.access.roles import Action, Actor, Capability
from interlink.domain.values import clean_text
from interlink.node import Node
from interlink.records.errors import Conflict, Forbidden, Invalid, NotFound
from interlink.records.service import access_clauses, locked_for, readable_in
from interlink.store import decisions as store
from interlink.store import records as records_store
from interlink.store.db import transaction

KIND = "person"
MIN_REASON = 3
MAX_REASON = 2000
SUPERSEDED = "superseded"


class Verdict(StrEnum):
    SAME = "same"
    DIFFERENT = "different"


@dataclass(frozen=True)
class Decision:
    """Two person records (``left_id`` < ``right_id``) decided the same person or different."""

    id: str
    left_id: str
    right_id: str
    verdict: Verdict
    reason: str
    decided_by: str
    decided_at: datetime
    undone_at: datetime | None = None
    undone_by: str | None = None
    undo_reason: str | None = None

    @property
    def active(self) -> bool:
        return self.undone_at is None

    @property
    def pair(self) -> tuple[str, str]:
        return (self.left_id, self.right_id)

    def other(self, record_id: str) -> str:
        """The record of the pair that is not ``record_id``."""
        return self.right_id if record_id == self.left_id else self.left_id

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "left_id": self.left_id,
            "right_id": self.right_id,
            "verdict": self.verdict.value,
            "reason": self.reason,
            "decided_by": self.decided_by,
            "decided_at": self.decided_at.isoformat(),
            "active": self.active,
            "undone_at": self.undone_at.isoformat() if self.undone_at else None,
            "undone_by": self.undone_by,
            "undo_reason": self.undo_reason,
        }


def _decision(row: store.StoredDecision) -> Decision:
    return Decision(
        id=row.id,
        left_id=row.left_id,
        right_id=row.right_id,
        verdict=Verdict(row.verdict),
        reason=row.reason,
        decided_by=row.decided_by,
        decided_at=row.decided_at,
        undone_at=row.undone_at,
        undone_by=row.undone_by,
        undo_reason=row.undo_reason,
    )


# -- checks --------------------------------------------------------------------------------


def _decider(actor: Actor) -> str:
    """The deciding user's id, if their role may decide."""
    if actor.id is None or not has_capability(actor, Capability.IDENTITY_DECIDE):
        raise Forbidden("your role may not decide whether records are the same person")
    return actor.id


def _reason(text: object, field: str = "reason") -> str:
    if not isinstance(text, str):
        raise Invalid(f"{field}: say why, in words", field=field)
    try:
        clean_text(text)
    except ValueError as exc:
        raise Invalid(f"{field}: {exc}", field=field) from None
    stripped = text.strip()
    if len(stripped) < MIN_REASON:
        raise Invalid(f"{field}: say why, in at least {MIN_REASON} characters", field=field)
    if len(stripped) > MAX_REASON:
        raise Invalid(f"{field}: at most {MAX_REASON} characters", field=field)
    return stripped


def _verdict(value: object) -> Verdict:
    try:
        return Verdict(str(value))
    except ValueError:
        raise Invalid("verdict: 'same' or 'different'", field="verdict") from None


def _record_id(text: str) -> str:
    """The canonical form of a record id; anything that is not a UUID names no record."""
    try:
        return str(uuid.UUID(str(text)))
    except ValueError:
        raise NotFound(f"no {KIND} {text}") from None


def _lock_both(conn: Connection, actor: Actor, left_id: str, right_id: str) -> None:
    """Lock both records in their stored order (no two deciders deadlock) if the actor may
    update them. A record out of sight (404) outweighs one that is only not theirs (403)."""
    refused: Forbidden | None = None
    for record_id in store.pair(left_id, right_id):
        try:
            locked_for(conn, actor, Action.UPDATE, record_id, kind=KIND)
        except Forbidden as exc:
            refused = refused or exc
    if refused is not None:
        raise refused


def _audit_pair(
    conn: Connection, node: Node, actor: Actor, action: str, d: Decision, **extra: str
) -> None:
    """One entry per record, so that each record's history shows the decision."""
    for record_id in d.pair:
        audit.write(
            conn,
            node.audit_key,
            actor,
            action,
            record_kind=KIND,
            record_id=record_id,
            details={
                "decision_id": d.id,
                "other_id": d.other(record_id),
                "verdict": d.verdict.value,
                **extra,
            },
        )


# -- the service -----------------------------------------------------------------------------


def decide(
    node: Node, actor: Actor, left_id: str, right_id: str, verdict: str, reason: str
) -> Decision:
    """Record that two person records are the same person (``verdict`` 'same') or different
    people ('different'), and why; it replaces an active decision about the same pair.

    Raises Forbidden (403) without the capability or the right to update a record,
    NotFound (404) for a record that is missing, not a person or out of sight, Invalid
    (422) for a bad verdict or reason or the same record twice.
    """
    decided_by = _decider(actor)
    chosen = _verdict(verdict)
    why = _reason(reason)
    left, right = _record_id(left_id), _record_id(right_id)
    if left == right:
        raise Invalid("other_id: a record is always the same person as itself", field="other_id")
    now = datetime.now(UTC)
    with transaction(node.engine) as conn:
        _lock_both(conn, actor, left, right)
        earlier = store.active_for_pair(conn, left, right)
        decision_id = records_store.new_id()
        if earlier is not None:
            store.mark_undone(conn, earlier.id, by=decided_by, at=now, reason=SUPERSEDED)
            _audit_pair(
                conn, node, actor, "identity_undo", _decision(earlier), superseded_by=decision_id
            )
        made = _decision(
            store.insert(
                conn,
                decision_id=decision_id,
                left_id=left,
                right_id=right,
                verdict=chosen.value,
                reason=why,
                decided_by=decided_by,
                decided_at=now,
            )
        )
        _audit_pair(conn, node, actor, "identity_decide", made)
    return made


def undo(node: Node, actor: Actor, decision_id: str, reason: str) -> Decision:
    """Undo an active decision, saying why; the decision is kept, marked undone.

    404 for a decision that does not exist or names a record out of the actor's sight, 403
    without the capability or the right to update both records, 409 when it is undone
    already (or was superseded).
    """
    undone_by = _decider(actor)
    why = _reason(reason)
    try:
        wanted = str(uuid.UUID(str(decision_id)))
    except ValueError:
        raise NotFound(f"no decision {decision_id}") from None
    with transaction(node.engine) as conn:
        found = store.get(conn, wanted)
        if found is None:
            raise NotFound(f"no decision {wanted}")
        try:
            _lock_both(conn, actor, found.left_id, found.right_id)
        except NotFound:
            raise NotFound(f"no decision {wanted}") from None  # reveal no record id
        current = store.get(conn, wanted)  # as it is under the records' locks
        if current is None:  # a record was erased meanwhile
            raise NotFound(f"no decision {wanted}")
        if not current.active:
            raise Conflict(f"decision {wanted} was undone already")
        done = _decision(
            store.mark_undone(conn, wanted, by=undone_by, at=datetime.now(UTC), reason=why)
        )
        _audit_pair(conn, node, actor, "identity_undo", done)
    return done


def decisions_for(
    node: Node, actor: Actor, record_id: str, *, purpose: str | None = None
) -> list[Decision]:
    """The active decisions about a person record whose other record the actor may see
    too, oldest first. 404 when the record is missing, not a person or out of sight."""
    wanted = _record_id(record_id)
    visible = records_store.visibility(access_clauses(actor, Action.READ))
    with transaction(node.engine) as conn:
        readable_in(conn, actor, wanted, kind=KIND)
        found = [_decision(r) for r in store.active_for(conn, wanted, visible)]
        audit.write(
            conn,
            node.audit_key,
            actor,
            "identity_decisions",
            record_kind=KIND,
            record_id=wanted,
            purpose=purpose,
            details={
                "decisions": [d.id for d in found],
                "returned": [d.other(wanted) for d in found],
            },
        )
    return found


# -- for search and batch runs ---------------------------------------------------------------


def verdicts(
    conn: Connection, record_ids: Iterable[str], candidates: Iterable[str]
) -> dict[tuple[str, str], Verdict]:
    """The active verdicts between any of ``record_ids`` and any of ``candidates``, keyed by
    the ordered pair (``min(a, b), max(a, b)``); pairs without a decision are absent. One
    query. Decides no access: the caller shows only records the reader may see."""
    found = store.verdicts(conn, record_ids, candidates)
    return {pair: Verdict(v) for pair, v in found.items()}


def pair_key(a: str, b: str) -> tuple[str, str]:
    """The key of a pair in ``verdicts``' answer."""
    return store.pair(a, b)


def same_person_group(conn: Connection, record_id: str) -> set[str]:
    """``record_id`` and every record joined to it by active 'same' decisions, transitively
    (one query per step away). Decides no access."""
    group = {record_id}
    frontier = {record_id}
    while frontier:
        frontier = store.same_neighbours(conn, frontier) - group
        group |= frontier
    return group
