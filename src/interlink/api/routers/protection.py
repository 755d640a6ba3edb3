"""Victims, case teams and priority, welfare agencies, referrals and the welfare portal."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from interlink import protection
from interlink.api.deps import ActorDep, NodeDep, Purpose
from interlink.api.schemas import record_out
from interlink.domain.codes import PersonRole
from interlink.domain.values import CleanText
from interlink.protection.agencies import Service

router = APIRouter(prefix="/api", tags=["protection"])

Reason = Annotated[str, Field(min_length=3, max_length=500)]
Text = Annotated[str, Field(max_length=2000)]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RoleChangeIn(_In):
    role: PersonRole
    reason: Reason


class RoleChangeOut(BaseModel):
    from_role: str
    to_role: str
    reason: str
    changed_at: datetime
    changed_by: str


class RiskIn(_In):
    level: protection.RiskLevel
    reasons: list[Annotated[str, Field(max_length=500)]] = Field(default_factory=list)


class EventOut(BaseModel):
    at: datetime
    by: str
    by_unit: str | None
    from_state: str | None
    to_state: str | None
    note: str | None


class ReferralOut(BaseModel):
    id: str
    agency_unit: str
    state: str
    child: bool
    carries: dict[str, Any] = Field(description="All the agency sees of the victim.")
    created_at: datetime
    state_since: datetime
    due: date | None
    overdue: bool
    events: list[EventOut]
    victim_id: str | None = Field(description="Police only; never shown to the agency.")


class VictimOut(BaseModel):
    record: dict[str, Any]
    context: protection.VictimContext
    child_reason: str | None
    risk_level: protection.RiskLevel
    risk_reasons: list[str]
    role_history: list[RoleChangeOut]
    cases: list[str]
    referral_ids: list[str]


class VictimRowOut(BaseModel):
    id: str
    label: str
    risk_level: protection.RiskLevel
    child_reason: str | None


class ReasonOut(BaseModel):
    points: int
    text: str


class PriorityOut(BaseModel):
    case_id: str
    score: int
    level: str
    reasons: list[ReasonOut]
    due: date | None
    overdue: bool


class MemberOut(BaseModel):
    user_id: str
    username: str
    role: str
    assigned_at: datetime
    assigned_by: str


class MemberIn(_In):
    user_id: UUID


class AgencyIn(_In):
    code: Annotated[str, Field(max_length=64)]
    name: Annotated[str, Field(max_length=200)]
    services: list[Service] = Field(min_length=1)
    area: Annotated[str, Field(max_length=200)]
    contact: Annotated[str, Field(max_length=500)]


class AgencyOut(BaseModel):
    unit_code: str
    name: str
    services: list[str]
    area: str
    contact: str


class ReferIn(_In):
    agency: Annotated[str, Field(max_length=64)]
    name_to_use: Text | None = Field(None, description="How the agency should address the victim.")
    needs: Text | None = None


class OutcomeOut(BaseModel):
    referred: bool
    referral_id: str | None
    notification_id: str | None
    message: str


class StateIn(_In):
    state: protection.State
    note: Text | None = None


class NoteIn(_In):
    note: Annotated[str, Field(min_length=1, max_length=2000)]


class NotificationOut(BaseModel):
    id: str
    at: datetime
    by_unit: str
    summary: dict[str, Any]


class PortalOut(BaseModel):
    referrals: list[ReferralOut]
    notifications: list[NotificationOut]


def _referral(v: protection.ReferralView) -> ReferralOut:
    return ReferralOut.model_validate(v, from_attributes=True)


# -- victims -------------------------------------------------------------------------------


@router.get("/victims", operation_id="list_victims")
def list_victims(node: NodeDep, actor: ActorDep) -> list[VictimRowOut]:
    rows = protection.victims.list_victims(node, actor)
    return [
        VictimRowOut(
            id=r.record.id,
            label=(r.record.facts.name_texts() or [r.record.id])[0],
            risk_level=r.risk_level,
            child_reason=r.child_reason,
        )
        for r in rows
    ]


@router.get("/victims/{victim_id}", operation_id="read_victim")
def read_victim(
    victim_id: UUID,
    node: NodeDep,
    actor: ActorDep,
    purpose: Purpose = None,
    unmask_reason: Annotated[
        CleanText | None,
        Query(max_length=500, description="Unmask addresses, phones, e-mails (audited)."),
    ] = None,
) -> VictimOut:
    v = protection.victims.get(
        node, actor, str(victim_id), unmask_reason=unmask_reason, purpose=purpose
    )
    return VictimOut(
        record=record_out(v.record),
        context=v.context,
        child_reason=v.child_reason,
        risk_level=v.risk_level,
        risk_reasons=v.risk_reasons,
        role_history=[
            RoleChangeOut.model_validate(c, from_attributes=True) for c in v.role_history
        ],
        cases=v.cases,
        referral_ids=[r.id for r in v.referrals],
    )


@router.put("/victims/{victim_id}/context", operation_id="set_victim_context", status_code=204)
def set_context(
    victim_id: UUID, body: protection.VictimContext, node: NodeDep, actor: ActorDep
) -> None:
    protection.victims.set_context(node, actor, str(victim_id), body)


@router.put("/victims/{victim_id}/risk", operation_id="set_victim_risk", status_code=204)
def set_risk(victim_id: UUID, body: RiskIn, node: NodeDep, actor: ActorDep) -> None:
    protection.victims.set_risk(node, actor, str(victim_id), body.level, body.reasons)


@router.post("/persons/{person_id}/role", operation_id="change_person_role")
def change_role(
    person_id: UUID, body: RoleChangeIn, node: NodeDep, actor: ActorDep
) -> dict[str, Any]:
    rec = protection.victims.change_role(node, actor, str(person_id), body.role, body.reason)
    return record_out(rec)


@router.get("/persons/{person_id}/role-history", operation_id="person_role_history")
def role_history(person_id: UUID, node: NodeDep, actor: ActorDep) -> list[RoleChangeOut]:
    return [
        RoleChangeOut.model_validate(c, from_attributes=True)
        for c in protection.victims.role_history(node, actor, str(person_id))
    ]


# -- cases ---------------------------------------------------------------------------------


@router.get("/cases/{case_id}/team", operation_id="case_team")
def case_team(case_id: UUID, node: NodeDep, actor: ActorDep) -> list[MemberOut]:
    return [
        MemberOut.model_validate(m, from_attributes=True)
        for m in protection.teams.team(node, actor, str(case_id))
    ]


@router.post("/cases/{case_id}/team", operation_id="assign_to_case")
def assign(case_id: UUID, body: MemberIn, node: NodeDep, actor: ActorDep) -> dict[str, bool]:
    return {"changed": protection.teams.assign(node, actor, str(case_id), str(body.user_id))}


@router.delete("/cases/{case_id}/team/{user_id}", operation_id="unassign_from_case")
def unassign(case_id: UUID, user_id: UUID, node: NodeDep, actor: ActorDep) -> dict[str, bool]:
    changed = protection.teams.assign(node, actor, str(case_id), str(user_id), on=False)
    return {"changed": changed}


@router.get("/cases/{case_id}/priority", operation_id="case_priority")
def case_priority(case_id: UUID, node: NodeDep, actor: ActorDep) -> PriorityOut:
    p = protection.case_priority(node, actor, str(case_id))
    return PriorityOut.model_validate(p, from_attributes=True)


# -- agencies and referrals -------------------------------------------------------------------


@router.get("/agencies", operation_id="list_agencies")
def list_agencies(node: NodeDep, actor: ActorDep) -> list[AgencyOut]:
    return [
        AgencyOut.model_validate(a, from_attributes=True)
        for a in protection.agencies.list_all(node)
    ]


@router.post("/agencies", operation_id="add_agency", status_code=201)
def add_agency(body: AgencyIn, node: NodeDep, actor: ActorDep) -> AgencyOut:
    a = protection.agencies.add(
        node,
        actor,
        code=body.code,
        name=body.name,
        services=body.services,
        area=body.area,
        contact=body.contact,
    )
    return AgencyOut.model_validate(a, from_attributes=True)


@router.post("/victims/{victim_id}/referrals", operation_id="refer_victim", status_code=201)
def refer(victim_id: UUID, body: ReferIn, node: NodeDep, actor: ActorDep) -> OutcomeOut:
    out = protection.referrals.refer(
        node, actor, str(victim_id), body.agency, name_to_use=body.name_to_use, needs=body.needs
    )
    message = (
        "referred"
        if out.referred
        else "not referred: an adult needs recorded informed consent; the agency was "
        "notified anonymously instead"
    )
    return OutcomeOut(
        referred=out.referred,
        referral_id=out.referral_id,
        notification_id=out.notification_id,
        message=message,
    )


@router.get("/referrals/overdue", operation_id="overdue_referrals")
def overdue(node: NodeDep, actor: ActorDep) -> list[ReferralOut]:
    return [_referral(v) for v in protection.referrals.overdue(node, actor)]


@router.get("/referrals/{referral_id}", operation_id="read_referral")
def read_referral(referral_id: UUID, node: NodeDep, actor: ActorDep) -> ReferralOut:
    return _referral(protection.referrals.get(node, actor, str(referral_id)))


@router.post("/referrals/{referral_id}/state", operation_id="move_referral", status_code=204)
def move(referral_id: UUID, body: StateIn, node: NodeDep, actor: ActorDep) -> None:
    protection.referrals.move(node, actor, str(referral_id), body.state, body.note)


@router.post("/referrals/{referral_id}/notes", operation_id="note_referral", status_code=204)
def note(referral_id: UUID, body: NoteIn, node: NodeDep, actor: ActorDep) -> None:
    protection.referrals.add_note(node, actor, str(referral_id), body.note)


@router.get("/welfare/referrals", operation_id="welfare_portal")
def portal(node: NodeDep, actor: ActorDep) -> PortalOut:
    p = protection.referrals.portal(node, actor)
    return PortalOut(
        referrals=[_referral(v) for v in p.referrals],
        notifications=[
            NotificationOut(id=n.id, at=n.at, by_unit=n.by_unit, summary=n.summary)
            for n in p.notifications
        ],
    )
