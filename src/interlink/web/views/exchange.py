"""Exchange pages: inbox and outbox, a message with its thread and each recipient's status,
compose (recipients, subject, text, attached records, handling code, restrictions), the
Secretariat's hit notifications and its notices.

Every page calls ``interlink.exchange``, which checks the reader's capability and writes the
audit entry; what is typed is sent by POST only, so that it stays out of URLs and logs.
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from starlette.datastructures import FormData
from starlette.responses import RedirectResponse, Response

from interlink import exchange
from interlink.domain.codes import HandlingCode
from interlink.exchange import hits, notices
from interlink.exchange.messages import Body, Draft, Kind
from interlink.records.errors import Forbidden, Invalid, NotFound
from interlink.web.i18n import _
from interlink.web.routing import WebRoute
from interlink.web.templating import render
from interlink.web.visit import FormDep, VisitDep

router = APIRouter(route_class=WebRoute)

PAGE = 50
COMPOSED = (Kind.MESSAGE.value, Kind.REQUEST.value, Kind.REPLY.value)
CODES = [c.value for c in HandlingCode]
MAX_SUBJECT = 500
MAX_TEXT = 20_000


def _id(text: str, what: str) -> str:
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise NotFound(f"no {what} {text}") from None


def kind_names() -> dict[str, str]:
    return {
        "message": _("Message"),
        "request": _("Request"),
        "reply": _("Reply"),
        "report": _("Report to the Secretariat"),
        "update": _("Update"),
        "withdrawal": _("Withdrawal"),
        "hit": _("Hit notification"),
        "notice": _("Notice"),
        "notice_cancellation": _("Notice cancelled"),
        "statistics": _("Statistical report"),
        "hashes": _("Hashes"),
        "warning": _("Warning"),
        "locate": _("Request to locate"),
    }


# -- mailbox ---------------------------------------------------------------------------


@router.get("/exchange")
def exchange_home(visit: VisitDep) -> Response:
    return RedirectResponse("/exchange/inbox", status_code=303)


@router.get("/exchange/{box}")
def box_page(request: Request, visit: VisitDep, box: str, offset: int = 0) -> Response:
    if box not in ("inbox", "outbox"):
        raise NotFound(f"no page /exchange/{box}")
    listing = exchange.list_box(visit.node, visit.actor, box, limit=PAGE, offset=max(offset, 0))
    failed = exchange.failed_deliveries(visit.node, visit.actor) if box == "outbox" else []
    return render(
        request, "exchange/box.html", box=box, listing=listing, kinds=kind_names(), failed=failed
    )


@router.get("/exchange/messages/{message_id}")
def message_page(request: Request, visit: VisitDep, message_id: str) -> Response:
    opened = exchange.show(visit.node, visit.actor, _id(message_id, "message"))
    return render(request, "exchange/message.html", opened=opened, kinds=kind_names())


def _compose_page(
    request: Request, values: dict[str, str], errors: dict[str, list[str]] | None = None
) -> Response:
    return render(
        request,
        "exchange/compose.html",
        values=values,
        errors=errors or {},
        kinds=[k for k in COMPOSED],
        kind_names=kind_names(),
        codes=CODES,
        labels={
            "recipients": _("Recipients"),
            "kind": _("Kind"),
            "subject": _("Subject"),
            "text": _("Text"),
            "record_ids": _("Attached records"),
            "handling_code": _("Handling code"),
            "restrictions": _("Restrictions"),
        },
    )


@router.get("/exchange/compose/new")
def compose_page(
    request: Request, visit: VisitDep, reply_to: str | None = None, to: str | None = None
) -> Response:
    values = {
        "recipients": (to or "")[:100],
        "kind": "reply" if reply_to else "message",
        "subject": "",
        "text": "",
        "record_ids": "",
        "handling_code": "H0",
        "restrictions": "",
        "in_reply_to": "",
    }
    if reply_to:
        opened = exchange.show(visit.node, visit.actor, _id(reply_to, "message"))
        values.update(
            recipients=opened.message.sender,
            in_reply_to=opened.message.id,
            subject=f"Re: {opened.message.subject or ''}"[:MAX_SUBJECT],
        )
    return _compose_page(request, values)


def _text(posted: FormData, name: str, limit: int) -> str:
    value = posted.get(name)
    return value.strip()[:limit] if isinstance(value, str) else ""


@router.post("/exchange/compose/new")
def compose(request: Request, visit: VisitDep, posted: FormDep) -> Response:
    values = {
        "recipients": _text(posted, "recipients", 1000),
        "kind": _text(posted, "kind", 20),
        "subject": _text(posted, "subject", MAX_SUBJECT),
        "text": _text(posted, "text", MAX_TEXT),
        "record_ids": _text(posted, "record_ids", 20_000),
        "handling_code": _text(posted, "handling_code", 2),
        "restrictions": _text(posted, "restrictions", 2000),
        "in_reply_to": _text(posted, "in_reply_to", 36),
    }
    errors: dict[str, list[str]] = {}
    recipients = [r.strip().upper() for r in values["recipients"].replace(";", ",").split(",")]
    recipients = [r for r in recipients if r]
    if not recipients:
        errors["recipients"] = [_("Name at least one country (UA, MD) or GS.")]
    if values["kind"] not in COMPOSED:
        errors["kind"] = [_("Choose one of the options.")]
    if values["handling_code"] not in CODES:
        errors["handling_code"] = [_("Choose one of the options.")]
    if values["handling_code"] == "H3" and not values["restrictions"]:
        errors["restrictions"] = [_("H3 needs its restrictions stated in words.")]
    if values["kind"] == "reply" and not values["in_reply_to"]:
        errors["kind"] = [_("A reply answers a message: open the message and choose Reply.")]
    record_ids: list[str] = []
    for number, line in enumerate(values["record_ids"].splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record_ids.append(str(uuid.UUID(line.strip())))
        except ValueError:
            errors["record_ids"] = [_("Line %(n)s is not a record id.", n=number)]
            break
    if not values["subject"] and not values["text"]:
        errors["subject"] = [_("Write a subject or a text.")]
    if errors:
        return _compose_page(request, values, errors)
    try:
        draft = Draft(
            kind=Kind(values["kind"]),
            recipients=recipients,
            body=Body(text=values["text"] or None),
            handling_code=HandlingCode(values["handling_code"]),
            restrictions=values["restrictions"] or None,
            in_reply_to=uuid.UUID(values["in_reply_to"]) if values["in_reply_to"] else None,
            subject=values["subject"] or None,
        )
        message_id = exchange.send(visit.node, visit.actor, draft, record_ids=record_ids)
    except (Invalid, Forbidden, NotFound) as exc:
        field = exc.field if exc.field in values else "recipients"
        if exc.field is None and "record" in exc.message:
            field = "record_ids"
        return _compose_page(request, values, {field: [exc.message]})
    except ValueError:
        return _compose_page(request, values, {"in_reply_to": [_("Not accepted.")]})
    return RedirectResponse(f"/exchange/messages/{message_id}?sent=1", status_code=303)


# -- hits ----------------------------------------------------------------------------------


@router.get("/hits")
def hits_page(request: Request, visit: VisitDep, status: str = "open") -> Response:
    wanted = status if status in ("open", "closed") else "open"
    found = hits.list_hits(visit.node, visit.actor, status=wanted, limit=200)
    return render(request, "exchange/hits.html", hits=found, status=wanted)


@router.get("/hits/{hit_id}")
def hit_page(request: Request, visit: VisitDep, hit_id: str) -> Response:
    view = hits.read_hit(visit.node, visit.actor, _id(hit_id, "hit"))
    return render(request, "exchange/hit.html", view=view, hit=view.notification)


# -- notices -------------------------------------------------------------------------------


@router.get("/notices")
def notices_page(request: Request, visit: VisitDep) -> Response:
    found = notices.list_notices(visit.node, visit.actor, limit=200)
    return render(request, "exchange/notices.html", notices=found, kinds=kind_names())


@router.get("/notices/{notice_id}")
def notice_page(request: Request, visit: VisitDep, notice_id: str) -> Response:
    found = notices.read_notice(visit.node, visit.actor, _id(notice_id, "notice"))
    return render(
        request, "exchange/notice.html", notice=found, kinds=kind_names(), names=_names(found)
    )


def _names(found: Any) -> list[str]:
    person = found.person or {}
    names = [n for n in person.get("names", []) if isinstance(n, dict)]
    parts = ("given", "middle", "family")
    return [n.get("full") or " ".join(str(n[p]) for p in parts if n.get(p)) for n in names]


def queue_exchange(visit: Any) -> Any:
    """The work queue's counts: unread messages, unopened hits and notices."""
    from interlink.exchange.waiting import waiting

    return waiting(visit.node, visit.actor)
