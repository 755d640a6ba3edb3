"""Case teams: who works a case. Being on a case is what opens its victims to an investigator.

A supervisor puts investigators (and supervisors) of the case's own unit on a case and takes
them off; every change is audited against the case.
"""

from __future__ import annotations

from datetime import UTC, datetime

from interlink.access import Actor, Capability, Role, audit
from interlink.node import Node
from interlink.protection.common import require
from interlink.records.errors import Invalid, NotFound
from interlink.records.service import readable_in
from interlink.store import protection as store
from interlink.store.db import transaction

TEAM_ROLES = frozenset({Role.INVESTIGATOR, Role.SUPERVISOR})


def assign(node: Node, actor: Actor, case_id: str, user_id: str, *, on: bool = True) -> bool:
    """Put a user on a case (``on``) or take them off; True when something changed."""
    require(actor, Capability.ASSIGN_CASES)
    with transaction(node.engine) as conn:
        case = readable_in(conn, actor, case_id, "case")
        if case.provenance.owning_unit != actor.unit:
            raise NotFound(f"no case {case_id} of your unit")
        found = store.user_unit_role(conn, user_id)
        if found is None:
            raise Invalid(f"user_id: no user {user_id}", field="user_id")
        unit, role = found
        if unit != case.provenance.owning_unit or Role(role) not in TEAM_ROLES:
            raise Invalid(
                "user_id: only investigators and supervisors of the case's unit work it",
                field="user_id",
            )
        if on:
            changed = store.assign(conn, case_id, user_id, actor.username, datetime.now(UTC))
        else:
            changed = store.unassign(conn, case_id, user_id)
        if changed:
            audit.write(
                conn,
                node.audit_key,
                actor,
                "case_assign" if on else "case_unassign",
                record_kind="case",
                record_id=case_id,
                details={"user_id": user_id},
            )
    return changed


def team(node: Node, actor: Actor, case_id: str) -> list[store.Assignment]:
    """Who is on the case (for anyone who may read the case)."""
    with transaction(node.engine) as conn:
        readable_in(conn, actor, case_id, "case")
        return store.team(conn, case_id)
