"""Users, units and the audit log: for administrators and data-protection officers."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from interlink.access import Capability, Role, audit
from interlink.access.accounts import AccountError, add_user, list_units, list_users
from interlink.access.roles import Actor
from interlink.api.deps import ActorDep, NodeDep, require
from interlink.domain.values import CleanText
from interlink.store.db import reading, transaction
from interlink.store.schema import audit_log

router = APIRouter(prefix="/api", tags=["administration"])


class NewUser(BaseModel):
    model_config = ConfigDict(extra="forbid")
    username: Annotated[CleanText, Field(min_length=1, max_length=100, pattern=r"^\S+$")]
    role: Role
    unit: Annotated[CleanText, Field(min_length=1, max_length=64)]
    password: Annotated[str, Field(min_length=12, max_length=200)]


@router.get("/units", operation_id="list_units")
def units(_actor: ActorDep, node: NodeDep) -> list[dict[str, str]]:
    with reading(node.engine) as conn:
        return [{"code": c, "name": n, "country": k} for c, n, k in list_units(conn)]


@router.get("/users", operation_id="list_users")
def users(
    node: NodeDep,
    actor: Actor = require(Capability.MANAGE_USERS),  # type: ignore[assignment]
) -> list[dict[str, Any]]:
    with reading(node.engine) as conn:
        return [
            {"username": u.username, "role": u.role.value, "unit": u.unit, "active": u.active}
            for u in list_users(conn)
        ]


@router.post("/users", status_code=201, operation_id="add_user")
def create_user(
    body: NewUser,
    node: NodeDep,
    actor: Actor = require(Capability.MANAGE_USERS),  # type: ignore[assignment]
) -> dict[str, Any]:
    with transaction(node.engine) as conn:
        try:
            user = add_user(conn, body.username, body.role, body.unit, body.password)
        except AccountError as exc:
            field, _, message = str(exc).partition(": ")
            raise HTTPException(
                422, [{"loc": ["body", field], "msg": message, "type": "value_error"}]
            ) from None
        audit.write(conn, node.audit_key, actor, "add_user", details={"user_id": user.id})
    return {"username": user.username, "role": user.role.value, "unit": user.unit}


@router.get("/audit", operation_id="search_audit")
def audit_entries(
    node: NodeDep,
    actor: Actor = require(Capability.READ_AUDIT),  # type: ignore[assignment]
    record_id: UUID | None = None,
    actor_name: Annotated[
        str | None, Query(alias="actor", max_length=100, pattern=r"^\S+$")
    ] = None,
    since: datetime | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[dict[str, Any]]:
    """Who did what, when and why; searching the log is itself logged."""
    query = select(audit_log).order_by(audit_log.c.seq.desc()).limit(limit)
    if record_id:
        query = query.where(audit_log.c.record_id == str(record_id))
    if actor_name:
        query = query.where(audit_log.c.actor == actor_name)
    if since:
        query = query.where(audit_log.c.at >= since)
    with transaction(node.engine) as conn:
        rows = conn.execute(query).mappings().all()
        audit.write(
            conn,
            node.audit_key,
            actor,
            "read_audit",
            record_id=str(record_id) if record_id else None,
            details={"returned": len(rows)},
        )
    return [
        {
            k: (v.isoformat() if isinstance(v, datetime) else v)
            for k, v in r.items()
            if k not in ("prev_hash",)
        }
        for r in rows
    ]


@router.get("/audit/verify", operation_id="verify_audit")
def verify(
    node: NodeDep,
    actor: Actor = require(Capability.VERIFY_AUDIT),  # type: ignore[assignment]
) -> dict[str, Any]:
    with reading(node.engine) as conn:
        result = audit.verify(conn, node.audit_key)
    return {
        "ok": result.ok,
        "checked": result.checked,
        "head": {"seq": result.head_seq, "hash": result.head_hash},
        "problems": result.problems,
    }
