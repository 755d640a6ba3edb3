"""Victim records: context, intimidation risk, role changes with their reasons, one view.

The victim is a person record (``records``) in the role victim or possible victim; what this
module adds lives beside it (``store.protection``) and follows the same access: whoever may
read the victim may read its context, whoever may change it may change the context.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from interlink import records
from interlink.access import Actor, audit
from interlink.domain.codes import PersonRole
from interlink.node import Node
from interlink.protection.common import victim_in
from interlink.protection.context import RiskLevel, VictimContext
from interlink.records.errors import Invalid
from interlink.records.service import validation_invalid
from interlink.store import protection as store
from interlink.store.db import reading, transaction
from interlink.store.records import ListFilter, StoredRecord

MAX_REASONS = 10


@dataclass(frozen=True)
class Victim:
    record: StoredRecord  # protected fields masked unless unmasked for this request
    context: VictimContext
    risk_level: RiskLevel
    risk_reasons: list[str]
    role_history: list[store.RoleChange] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)
    referrals: list[store.Referral] = field(default_factory=list)
    events: dict[str, list[store.Event]] = field(default_factory=dict)

    @property
    def child_reason(self) -> str | None:
        return self.context.child_reason()


def parse_context(data: dict[str, Any]) -> VictimContext:
    try:
        return VictimContext.model_validate(data)
    except ValidationError as exc:
        raise validation_invalid(exc, prefix="context") from None


def _profile(conn: Any, record_id: str) -> store.Profile:
    found = store.get_profile(conn, record_id)
    if found is not None:
        return found
    return store.Profile(
        record_id, VictimContext().model_dump(mode="json"), "none", [], datetime.now(UTC), ""
    )


def get(
    node: Node,
    actor: Actor,
    victim_id: str,
    *,
    unmask_reason: str | None = None,
    purpose: str | None = None,
) -> Victim:
    """One victim as its reader may see it (the read is audited by ``records.read``)."""
    rec = records.read(
        node, actor, victim_id, kind="person", purpose=purpose, unmask_reason=unmask_reason
    )
    with reading(node.engine) as conn:
        victim_in(conn, actor, victim_id)
        profile = _profile(conn, victim_id)
        refs = store.list_referrals(conn, victim_id=victim_id)
        return Victim(
            record=rec,
            context=VictimContext.model_validate(profile.context),
            risk_level=RiskLevel(profile.risk_level),
            risk_reasons=profile.risk_reasons,
            role_history=store.role_history(conn, victim_id),
            cases=store.cases_of(conn, victim_id),
            referrals=refs,
            events={r.id: store.events(conn, r.id) for r in refs},
        )


def set_context(node: Node, actor: Actor, victim_id: str, context: VictimContext) -> None:
    with transaction(node.engine) as conn:
        victim_in(conn, actor, victim_id, change=True)
        old = _profile(conn, victim_id)
        store.put_profile(
            conn,
            store.Profile(
                victim_id,
                context.model_dump(mode="json"),
                old.risk_level,
                old.risk_reasons,
                datetime.now(UTC),
                actor.username,
            ),
        )
        audit.write(
            conn,
            node.audit_key,
            actor,
            "victim_context",
            record_kind="person",
            record_id=victim_id,
            details={"fields": sorted(context.model_dump(exclude_defaults=True))},
        )


def set_risk(
    node: Node, actor: Actor, victim_id: str, level: RiskLevel, reasons: list[str]
) -> None:
    """Set the intimidation risk; any level above none needs its reasons."""
    cleaned = [r.strip() for r in reasons if r and r.strip()]
    if level != RiskLevel.NONE and not cleaned:
        raise Invalid("risk_reasons: say why the victim is at this risk", field="risk_reasons")
    if len(cleaned) > MAX_REASONS or any(len(r) > 500 for r in cleaned):
        raise Invalid(
            f"risk_reasons: at most {MAX_REASONS} reasons of 500 characters", "risk_reasons"
        )
    with transaction(node.engine) as conn:
        victim_in(conn, actor, victim_id, change=True)
        old = _profile(conn, victim_id)
        store.put_profile(
            conn,
            store.Profile(
                victim_id, old.context, level.value, cleaned, datetime.now(UTC), actor.username
            ),
        )
        audit.write(
            conn,
            node.audit_key,
            actor,
            "victim_risk",
            record_kind="person",
            record_id=victim_id,
            details={"level": level.value, "reasons": len(cleaned)},
        )


def change_role(
    node: Node, actor: Actor, person_id: str, role: PersonRole, reason: str
) -> StoredRecord:
    """Change a person's role (to or from victim) with its reason, kept in the role history."""
    if not reason or not reason.strip():
        raise Invalid("reason: a change of role needs a reason", field="reason")
    return records.update(
        node, actor, person_id, changes={"role": role.value}, reason=reason, kind="person"
    )


def role_history(node: Node, actor: Actor, person_id: str) -> list[store.RoleChange]:
    from interlink.records.service import readable_in

    with reading(node.engine) as conn:
        readable_in(conn, actor, person_id, "person")
        return store.role_history(conn, person_id)


@dataclass(frozen=True)
class VictimRow:
    record: StoredRecord
    risk_level: RiskLevel
    child_reason: str | None


def list_victims(node: Node, actor: Actor, *, limit: int = 200) -> list[VictimRow]:
    """The victims the actor may see (masked), children and high risk first (audited list)."""
    page = records.list_records(
        node,
        actor,
        ListFilter(kind="person", subject_category="victim"),
        limit=limit,
        purpose="victims",
    )
    with reading(node.engine) as conn:
        found = store.profiles(conn, [r.id for r in page.items])
    rows = []
    for r in page.items:
        p = found.get(r.id)
        ctx = VictimContext.model_validate(p.context) if p else VictimContext()
        rows.append(
            VictimRow(r, RiskLevel(p.risk_level) if p else RiskLevel.NONE, ctx.child_reason())
        )
    order = {RiskLevel.HIGH: 0, RiskLevel.MEDIUM: 1, RiskLevel.LOW: 2, RiskLevel.NONE: 3}
    return sorted(rows, key=lambda v: (v.child_reason is None, order[v.risk_level]))
