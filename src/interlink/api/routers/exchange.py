"""Exchange between nodes: the inbox other nodes post to (authenticated by the message's
signature, not by a user token), the directory of nodes, and messages as users send and
read them. Every route but the inbox needs a signed-in user with the right capability."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from interlink import exchange
from interlink.access import Capability
from interlink.api.deps import ActorDep, NodeDep, require
from interlink.domain.codes import HandlingCode
from interlink.domain.values import CleanText
from interlink.exchange import inbox as inbox_module
from interlink.exchange.crypto import PacketError
from interlink.exchange.directory import DirectoryEntry
from interlink.exchange.messages import Body, Draft, Kind
from interlink.records.errors import Invalid

router = APIRouter(prefix="/api", tags=["exchange"])

COMPOSED_KINDS = (Kind.MESSAGE, Kind.REQUEST, Kind.REPLY)


@router.post(
    "/exchange/inbox",
    operation_id="exchange_inbox",
    summary="Another node delivers a signed, encrypted message (no user token)",
    responses={200: {"description": "accepted or duplicate"}, 403: {}, 409: {}},
)
async def inbox(request: Request, node: NodeDep) -> JSONResponse:
    raw = await request.body()
    remote = request.client.host if request.client else None
    answer = await run_in_threadpool(exchange.accept, node, raw, remote)
    return JSONResponse(answer.body, status_code=answer.status)


@router.post(
    "/exchange/inbox/batch",
    operation_id="exchange_inbox_batch",
    summary="Another node delivers several signed messages at once (no user token)",
    responses={200: {"description": "one answer per packet, in order"}, 400: {}},
)
async def inbox_batch(request: Request, node: NodeDep) -> JSONResponse:
    """``{"packets": [packet, ...]}``: each packet is checked, stored and answered as if
    posted alone to ``/exchange/inbox``; the answers come back in the same order."""
    raw = await request.body()
    remote = request.client.host if request.client else None
    try:
        packets = inbox_module.parse_batch(raw)
    except PacketError as exc:  # not a batch: refused and logged like a malformed packet
        answer = await run_in_threadpool(inbox_module.refuse, node, exc, remote)
        return JSONResponse(answer.body, status_code=answer.status)
    answers = await run_in_threadpool(inbox_module.accept_batch, node, packets, remote)
    return JSONResponse({"results": [{**a.body, "code": a.status} for a in answers]})


# -- directory ---------------------------------------------------------------------------


class NodeOut(BaseModel):
    id: str
    role: str
    url: str
    signing_key: str
    encryption_key: str


@router.get("/nodes", response_model=list[NodeOut], operation_id="list_nodes")
def list_nodes(node: NodeDep, actor: ActorDep) -> list[dict[str, Any]]:
    return [e.__dict__ for e in exchange.directory.entries(node, actor)]


@router.get("/nodes/self", response_model=NodeOut, operation_id="own_node_entry")
def own_entry(node: NodeDep, actor: Annotated[Any, require(Capability.MANAGE_NODES)]) -> Any:
    """This node's directory entry, to hand to other nodes' administrators."""
    return exchange.directory.own_entry(node).model_dump()


@router.post("/nodes", status_code=201, response_model=NodeOut, operation_id="add_node")
def add_node(entry: DirectoryEntry, node: NodeDep, actor: ActorDep) -> Any:
    exchange.directory.add(node, actor, exchange.directory.parse_entry(entry.model_dump()))
    return entry.model_dump()


@router.delete("/nodes/{node_id}", status_code=204, operation_id="remove_node")
def remove_node(node_id: str, node: NodeDep, actor: ActorDep) -> None:
    exchange.directory.remove(node, actor, node_id)


@router.get("/exchange/refusals", operation_id="exchange_refusals")
def refusals(
    node: NodeDep, actor: ActorDep, limit: Annotated[int, Query(ge=1, le=1000)] = 100
) -> list[dict[str, Any]]:
    """Deliveries this node refused: claimed sender, reason, message id, address, time."""
    return exchange.refusals(node, actor, limit)


@router.get("/exchange/dead-letters", operation_id="exchange_dead_letters")
def dead_letters(
    node: NodeDep, actor: ActorDep, limit: Annotated[int, Query(ge=1, le=1000)] = 100
) -> list[dict[str, Any]]:
    """Messages this node accepted but could not process: id, sender, kind, time, the
    incident to look up in the server's log (administrators, data-protection officer)."""
    return exchange.dead_letters(node, actor, limit)


@router.get("/exchange/outbox/failed", operation_id="exchange_failed_deliveries")
def failed_deliveries(
    node: NodeDep, actor: ActorDep, limit: Annotated[int, Query(ge=1, le=1000)] = 100
) -> list[dict[str, Any]]:
    """Outgoing messages a recipient refused (dead letters too) or that were given up after
    ``exchange_max_attempts``: message, recipient, attempts, reason."""
    return exchange.failed_deliveries(node, actor, limit)


# -- messages ----------------------------------------------------------------------------


class ComposeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Kind = Field(Kind.MESSAGE, description="message, request or reply.")
    recipients: list[str] = Field(
        min_length=1, description="Node ids (country codes, GS), or 'all' national nodes."
    )
    subject: CleanText | None = Field(None, max_length=500)
    text: str | None = Field(None, max_length=100_000)
    record_ids: list[UUID] = Field(default_factory=list, description="Records to attach.")
    handling_code: HandlingCode = HandlingCode.H0
    restrictions: CleanText | None = Field(None, max_length=2000)
    in_reply_to: UUID | None = None


class SentOut(BaseModel):
    id: str


class StatusOut(BaseModel):
    recipient: str
    status: str = Field(description="queued, delivered, received, read or failed.")
    attempts: int
    last_error: str | None
    delivered_at: datetime | None
    received_at: datetime | None
    read_at: datetime | None


class MessageOut(BaseModel):
    id: str
    direction: str
    sender: str
    recipients: list[str]
    kind: str
    created: datetime
    handling_code: str
    restrictions: str | None
    in_reply_to: str | None
    subject: str | None
    read_at: datetime | None


class MessageDetail(MessageOut):
    body: dict[str, Any]
    statuses: list[StatusOut]
    replies: list[MessageOut]


class MessageList(BaseModel):
    items: list[MessageOut]
    total: int
    limit: int
    offset: int


def _summary(m: Any) -> dict[str, Any]:
    return {
        k: getattr(m, k)
        for k in (
            "id",
            "direction",
            "sender",
            "recipients",
            "kind",
            "created",
            "handling_code",
            "restrictions",
            "in_reply_to",
            "subject",
            "read_at",
        )
    }


@router.post("/messages", status_code=201, response_model=SentOut, operation_id="send_message")
def send_message(data: ComposeIn, node: NodeDep, actor: ActorDep) -> dict[str, str]:
    """Compose and send; records are attached through the access policy (H2 copies of other
    nodes' records are refused and the attempt audited)."""
    if data.kind not in COMPOSED_KINDS:
        raise Invalid("kind: message, request or reply", field="kind")
    draft = Draft(
        kind=data.kind,
        recipients=data.recipients,
        body=Body(text=data.text),
        handling_code=data.handling_code,
        restrictions=data.restrictions,
        in_reply_to=data.in_reply_to,
        subject=data.subject,
    )
    mid = exchange.send(node, actor, draft, record_ids=[str(r) for r in data.record_ids])
    return {"id": str(mid)}


@router.get("/messages", response_model=MessageList, operation_id="list_messages")
def list_messages(
    node: NodeDep,
    actor: ActorDep,
    box: Annotated[str, Query(pattern="^(inbox|outbox)$")] = "inbox",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    page = exchange.list_box(node, actor, box, limit=limit, offset=offset)
    return {
        "items": [_summary(m) for m in page.items],
        "total": page.total,
        "limit": page.limit,
        "offset": page.offset,
    }


@router.get("/messages/{message_id}", response_model=MessageDetail, operation_id="read_message")
def read_message(message_id: UUID, node: NodeDep, actor: ActorDep) -> dict[str, Any]:
    """One message with its body (marks an incoming message read; audited)."""
    opened = exchange.show(node, actor, str(message_id))
    return {
        **_summary(opened.message),
        "body": opened.message.body,
        "statuses": opened.statuses,
        "replies": [_summary(m) for m in opened.replies],
    }


@router.get(
    "/messages/{message_id}/status",
    response_model=list[StatusOut],
    operation_id="message_status",
)
def message_status(message_id: UUID, node: NodeDep, actor: ActorDep) -> list[dict[str, Any]]:
    return exchange.status(node, actor, str(message_id))


class WithdrawIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: CleanText = Field(min_length=1, max_length=500)


@router.post(
    "/exchange/records/{record_id}/update",
    status_code=201,
    response_model=SentOut,
    operation_id="exchange_update_record",
)
def update_record(record_id: UUID, node: NodeDep, actor: ActorDep) -> dict[str, str]:
    """Send the record's current version to every node holding a copy."""
    return {"id": str(exchange.update(node, actor, str(record_id)))}


@router.post(
    "/exchange/records/{record_id}/withdraw",
    status_code=201,
    response_model=SentOut,
    operation_id="exchange_withdraw_record",
)
def withdraw_record(
    record_id: UUID, data: WithdrawIn, node: NodeDep, actor: ActorDep
) -> dict[str, str]:
    """Withdraw the record from every node holding a copy (and the Secretariat)."""
    return {"id": str(exchange.withdraw(node, actor, str(record_id), data.reason))}
