"""The Secretariat's part of the exchange: reports to the international database, hit
notifications, notices. Every route needs a signed-in user; the service checks the
capability and writes the audit entry."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from interlink.api.deps import ActorDep, NodeDep
from interlink.domain.values import CleanText
from interlink.exchange import hits, notices, reports
from interlink.exchange.notices import NoticeKind

router = APIRouter(prefix="/api/secretariat", tags=["secretariat"])


class ReportIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    record_ids: list[UUID] = Field(min_length=1, max_length=reports.MAX_RECORDS)
    hit_countries: list[str] | None = Field(
        None, description="Countries that may learn of a hit; absent: every country."
    )
    detail_countries: list[str] = Field(
        default_factory=list, description="Countries that may see the details."
    )


class ReportOut(BaseModel):
    message_id: str | None
    record_ids: list[str] = Field(description="Every record sent, with what came along.")


class HitOut(BaseModel):
    hit_id: str = Field(description="The Secretariat's reference: name it when you ask.")
    record_id: str = Field(description="This node's record that matched.")
    other_country: str
    other_record: str | None = Field(description="Its id there, when its rules allow details.")
    band: str
    probability: float
    status: str
    received_at: datetime
    updated_at: datetime
    read_at: datetime | None


class HitDetail(HitOut):
    other_copy_id: str | None = Field(description="The other country's record copy here.")


class NoticeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: NoticeKind
    subject: CleanText = Field(min_length=1, max_length=notices.MAX_SUBJECT)
    text: str | None = Field(None, max_length=notices.MAX_TEXT)
    person: dict[str, Any] | None = Field(None, description="The person's facts.")
    record_id: UUID | None = Field(None, description="Or a person of this node's database.")


class NoticeOut(BaseModel):
    id: str
    issuer: str
    notice_kind: str
    subject: str | None
    text: str | None
    person: dict[str, Any] | None
    published_at: datetime
    cancelled_at: datetime | None
    cancel_reason: str | None


class CancelIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: CleanText = Field(min_length=1, max_length=2000)


def _hit(found: Any) -> dict[str, Any]:
    return {k: getattr(found, k) for k in HitOut.model_fields}


def _notice(found: Any) -> dict[str, Any]:
    return {k: getattr(found, k) for k in NoticeOut.model_fields}


@router.post(
    "/reports",
    status_code=201,
    response_model=ReportOut,
    operation_id="secretariat_report",
    summary="Report records to the Secretariat's international database",
    responses={403: {}, 404: {}, 422: {}},
)
def report(body: ReportIn, actor: ActorDep, node: NodeDep) -> dict[str, Any]:
    """A person goes with its linked organizations and documents; a victim is refused."""
    rules = reports.dissemination(body.hit_countries, body.detail_countries)
    sent = reports.report(node, actor, [str(r) for r in body.record_ids], rules)
    return {"message_id": sent.message_id, "record_ids": sent.record_ids}


@router.get(
    "/hits",
    response_model=list[HitOut],
    operation_id="secretariat_hits",
    summary="The Secretariat's hit notifications about this node's records",
    responses={403: {}},
)
def list_hits(
    actor: ActorDep,
    node: NodeDep,
    status: str = Query("open", pattern="^(open|closed|all)$"),
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0, le=10_000_000),
) -> list[dict[str, Any]]:
    wanted = None if status == "all" else status
    found = hits.list_hits(node, actor, status=wanted, limit=limit, offset=offset)
    return [_hit(h) for h in found]


@router.get(
    "/hits/{hit_id}",
    response_model=HitDetail,
    operation_id="secretariat_hit",
    summary="One hit notification (marked read)",
    responses={403: {}, 404: {}},
)
def read_hit(hit_id: UUID, actor: ActorDep, node: NodeDep) -> dict[str, Any]:
    view = hits.read_hit(node, actor, str(hit_id))
    return {**_hit(view.notification), "other_copy_id": view.other_copy_id}


@router.get(
    "/notices",
    response_model=list[NoticeOut],
    operation_id="secretariat_notices",
    summary="The notices this node holds",
    responses={403: {}},
)
def list_notices(
    actor: ActorDep,
    node: NodeDep,
    include_cancelled: bool = True,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0, le=10_000_000),
) -> list[dict[str, Any]]:
    found = notices.list_notices(
        node, actor, include_cancelled=include_cancelled, limit=limit, offset=offset
    )
    return [_notice(n) for n in found]


@router.get(
    "/notices/{notice_id}",
    response_model=NoticeOut,
    operation_id="secretariat_notice",
    summary="One notice (marked read)",
    responses={403: {}, 404: {}},
)
def read_notice(notice_id: UUID, actor: ActorDep, node: NodeDep) -> dict[str, Any]:
    return _notice(notices.read_notice(node, actor, str(notice_id)))


@router.post(
    "/notices",
    status_code=201,
    response_model=NoticeOut,
    operation_id="secretariat_publish_notice",
    summary="At the Secretariat: publish a notice to every national node",
    responses={403: {}, 404: {}, 422: {}},
)
def publish_notice(body: NoticeIn, actor: ActorDep, node: NodeDep) -> dict[str, Any]:
    done = notices.publish(
        node,
        actor,
        body.kind,
        subject=body.subject,
        text=body.text,
        person=body.person,
        record_id=str(body.record_id) if body.record_id else None,
    )
    return _notice(done)


@router.post(
    "/notices/{notice_id}/cancel",
    status_code=204,
    operation_id="secretariat_cancel_notice",
    summary="At the Secretariat: cancel a notice everywhere",
    responses={403: {}, 404: {}, 422: {}},
)
def cancel_notice(notice_id: UUID, body: CancelIn, actor: ActorDep, node: NodeDep) -> None:
    notices.cancel(node, actor, str(notice_id), reason=body.reason)
