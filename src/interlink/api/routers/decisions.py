"""Identity decisions: confirm two persons as the same person or as different people, list a
person's decisions, undo one. The records stay as they are: a decision is a link."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from interlink.access import Actor, Capability
from interlink.api.deps import ActorDep, NodeDep, Purpose, require
from interlink.domain.values import CleanText
from interlink.identity import decisions
from interlink.identity.decisions import MAX_REASON, MIN_REASON, Verdict

router = APIRouter(prefix="/api", tags=["identity"])

Reason = Annotated[
    CleanText,
    Field(min_length=MIN_REASON, max_length=MAX_REASON, description="Why (kept with it)."),
]


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    other_id: UUID = Field(description="The other person record.")
    verdict: Verdict = Field(description="'same' person, or 'different' people.")
    reason: Reason


class UndoIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: Reason


class DecisionOut(BaseModel):
    id: str
    left_id: str
    right_id: str
    verdict: Verdict
    reason: str
    decided_by: str = Field(description="The deciding user's id.")
    decided_at: datetime
    active: bool
    undone_at: datetime | None
    undone_by: str | None
    undo_reason: str | None = Field(
        description="Why it was undone; 'superseded' when a later decision about the same "
        "pair replaced it."
    )


class DecisionList(BaseModel):
    record_id: str
    decisions: list[DecisionOut]


def _out(d: decisions.Decision) -> dict[str, Any]:
    return {
        "id": d.id,
        "left_id": d.left_id,
        "right_id": d.right_id,
        "verdict": d.verdict,
        "reason": d.reason,
        "decided_by": d.decided_by,
        "decided_at": d.decided_at,
        "active": d.active,
        "undone_at": d.undone_at,
        "undone_by": d.undone_by,
        "undo_reason": d.undo_reason,
    }


@router.post(
    "/persons/{record_id}/decisions",
    status_code=201,
    response_model=DecisionOut,
    operation_id="decide_identity",
    summary="Confirm two persons as the same person, or as different people",
    responses={
        403: {"description": "Your role may not decide, or may not change one of the records"},
        404: {"description": "No such person, or not yours to see"},
        422: {"description": "Bad verdict or reason, or the same record twice"},
    },
)
def decide(
    record_id: UUID,
    body: DecisionIn,
    node: NodeDep,
    actor: Actor = require(Capability.IDENTITY_DECIDE),  # type: ignore[assignment]
) -> dict[str, Any]:
    """Record the decision with who made it and why. It replaces an active decision about
    the same pair (kept, marked undone as 'superseded'); the records are not changed."""
    made = decisions.decide(
        node, actor, str(record_id), str(body.other_id), body.verdict.value, body.reason
    )
    return _out(made)


@router.get(
    "/persons/{record_id}/decisions",
    response_model=DecisionList,
    operation_id="identity_decisions",
    summary="The active decisions about a person",
    responses={404: {"description": "No such person, or not yours to see"}},
)
def list_(
    record_id: UUID, actor: ActorDep, node: NodeDep, purpose: Purpose = None
) -> dict[str, Any]:
    """Only the decisions whose other person you may see too."""
    found = decisions.decisions_for(node, actor, str(record_id), purpose=purpose)
    return {"record_id": str(record_id), "decisions": [_out(d) for d in found]}


@router.post(
    "/decisions/{decision_id}/undo",
    response_model=DecisionOut,
    operation_id="undo_identity_decision",
    summary="Undo a decision",
    responses={
        403: {"description": "Your role may not decide, or may not change one of the records"},
        404: {"description": "No such decision, or not yours to see"},
        409: {"description": "Undone already"},
        422: {"description": "No reason given"},
    },
)
def undo(
    decision_id: UUID,
    body: UndoIn,
    node: NodeDep,
    actor: Actor = require(Capability.IDENTITY_DECIDE),  # type: ignore[assignment]
) -> dict[str, Any]:
    """The decision is kept, marked undone with who undid it and why."""
    return _out(decisions.undo(node, actor, str(decision_id), body.reason))
