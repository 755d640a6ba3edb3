"""Notices: the Secretariat's warnings and requests to locate, sent to every national node.

A warning is about a person's criminal activities; a request to locate is about a missing
person or possible victim (its facts leave through the victim check without the protected
fields, and are never presented as a suspect's). The Secretariat keeps what it published;
every national node keeps what it received. A cancellation reaches every node too: the
notice stays listed as cancelled, and its details are removed everywhere.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import Connection

from interlink.access import audit
from interlink.access.policy import has_capability
from interlink.access.roles import Actor, Capability
from interlink.domain import model
from interlink.exchange import outlet
from interlink.exchange.handlers import Received, on
from interlink.exchange.messages import SECRETARIAT, Body, Draft, Kind
from interlink.node import Node
from interlink.protection.outgoing import outgoing_facts
from interlink.records.errors import Forbidden, Invalid, NotFound
from interlink.records.service import readable_in, validation_invalid
from interlink.store import records as store
from interlink.store import secretariat as sql
from interlink.store.db import reading, transaction

log = logging.getLogger(__name__)

MAX_SUBJECT = 200
MAX_TEXT = 10_000


class NoticeKind(StrEnum):
    WARNING = "warning"  # a person's criminal activities
    LOCATE = "locate"  # a missing person or possible victim to be found


class NoticeData(BaseModel):
    """What a NOTICE message's data holds."""

    model_config = ConfigDict(extra="ignore")

    notice: str
    kind: NoticeKind
    person: dict[str, Any] | None = None
    published_at: datetime


def _publishing(node: Node, actor: Actor) -> None:
    if not has_capability(actor, Capability.PUBLISH_NOTICE):
        raise Forbidden("your role may not publish notices")
    if not outlet.is_secretariat(node):
        raise Invalid("notices are published by the General Secretariat")


def _person(node: Node, data: dict[str, Any]) -> model.Person:
    try:
        return model.Person.model_validate(
            data, context={"phone_region": node.settings.phone_region}
        )
    except ValidationError as exc:
        raise validation_invalid(exc, prefix="person") from None


def publish(
    node: Node,
    actor: Actor,
    kind: NoticeKind | str,
    *,
    subject: str,
    text: str | None = None,
    person: dict[str, Any] | None = None,
    record_id: str | None = None,
) -> sql.Notice:
    """Publish a notice to every national node in the directory; audited."""
    _publishing(node, actor)
    try:
        kind = NoticeKind(kind)
    except ValueError:
        raise Invalid("kind: warning or locate", field="kind") from None
    subject = (subject or "").strip()
    if not subject or len(subject) > MAX_SUBJECT:
        raise Invalid(f"subject: 1-{MAX_SUBJECT} characters", field="subject")
    if text is not None and len(text) > MAX_TEXT:
        raise Invalid(f"text: at most {MAX_TEXT} characters", field="text")
    if person is not None and record_id is not None:
        raise Invalid("person: give a person or a record_id, not both", field="person")
    now = datetime.now(UTC)
    notice_id = store.new_id()
    with transaction(node.engine) as conn:
        facts: dict[str, Any] | None = None
        if record_id is not None:
            rec = readable_in(conn, actor, record_id, "person")
            facts = outgoing_facts(rec.id, rec.facts, as_suspect=kind == NoticeKind.WARNING)
        elif person is not None:
            found = _person(node, person)
            facts = outgoing_facts(notice_id, found, as_suspect=kind == NoticeKind.WARNING)
        recipients = outlet.national_nodes(conn, node)
        if not recipients:
            raise Invalid("the directory has no national node to send a notice to")
        sql.add_notice(
            conn,
            {
                "id": notice_id,
                "issuer": outlet.node_id(node),
                "notice_kind": kind.value,
                "subject": subject,
                "text": text,
                "person": facts,
                "message_id": None,
                "published_at": now,
            },
        )
        data = NoticeData(notice=notice_id, kind=kind, person=facts, published_at=now)
        outlet.queue(
            conn,
            node,
            Draft(
                kind=Kind.NOTICE,
                recipients=recipients,
                body=Body(text=text, data=data.model_dump(mode="json")),
                subject=subject,
            ),
        )
        audit.write(
            conn,
            node.audit_key,
            actor,
            "notice_publish",
            record_kind="person" if facts else None,
            record_id=record_id,
            details={"notice": notice_id, "kind": kind.value, "recipients": recipients},
        )
        kept = sql.get_notice(conn, notice_id)
    assert kept is not None
    outlet.wake()
    return kept


def cancel(node: Node, actor: Actor, notice_id: str, *, reason: str) -> None:
    """Cancel a notice at the Secretariat and at every national node; audited."""
    _publishing(node, actor)
    reason = (reason or "").strip()
    if not reason:
        raise Invalid("reason: say why the notice is cancelled", field="reason")
    with transaction(node.engine) as conn:
        found = sql.get_notice(conn, notice_id)
        if found is None:
            raise NotFound(f"no notice {notice_id}")
        if found.cancelled:
            raise Invalid(f"notice {notice_id} is cancelled already")
        sql.cancel_notice(conn, notice_id, datetime.now(UTC), reason)
        recipients = outlet.national_nodes(conn, node)
        if recipients:
            outlet.queue(
                conn,
                node,
                Draft(
                    kind=Kind.NOTICE_CANCELLATION,
                    recipients=recipients,
                    body=Body(
                        text=reason,
                        data=CancelData(
                            notice=notice_id,
                            kind=NoticeKind(found.notice_kind),
                            published_at=found.published_at,
                        ).model_dump(mode="json"),
                    ),
                    subject="Notice cancelled",
                ),
            )
        audit.write(
            conn,
            node.audit_key,
            actor,
            "notice_cancel",
            details={"notice": notice_id, "recipients": recipients},
        )
    outlet.wake()


# -- at every node ------------------------------------------------------------------------------


def _reading(actor: Actor) -> None:
    if not has_capability(actor, Capability.READ_NOTICES):
        raise Forbidden("your role may not see notices")


def list_notices(
    node: Node, actor: Actor, *, include_cancelled: bool = True, limit: int = 50, offset: int = 0
) -> list[sql.Notice]:
    _reading(actor)
    with transaction(node.engine) as conn:
        found = sql.list_notices(
            conn, include_cancelled=include_cancelled, limit=max(1, min(limit, 500)), offset=offset
        )
        audit.write(
            conn,
            node.audit_key,
            actor,
            "notice_list",
            details={"returned": [n.id for n in found]},
        )
    return found


def read_notice(node: Node, actor: Actor, notice_id: str) -> sql.Notice:
    """One notice, marked read; audited."""
    _reading(actor)
    with transaction(node.engine) as conn:
        found = sql.get_notice(conn, notice_id)
        if found is None:
            raise NotFound(f"no notice {notice_id}")
        sql.mark_notice_read(conn, notice_id, datetime.now(UTC))
        audit.write(
            conn,
            node.audit_key,
            actor,
            "notice_read",
            record_kind="person" if found.person else None,
            details={"notice": notice_id},
        )
    return found


def unread_count(node: Node, actor: Actor) -> int:
    if not has_capability(actor, Capability.READ_NOTICES):
        return 0
    with reading(node.engine) as conn:
        return sql.unread_notices(conn)


def _keep(conn: Connection, ctx: Received) -> None:
    """Keep a received notice; one cancelled before it arrived stays cancelled, without its
    details (``add_notice`` changes nothing when the id is kept already)."""
    env = ctx.message.envelope
    data = NoticeData.model_validate(ctx.message.body.data)
    sql.add_notice(
        conn,
        {
            "id": data.notice,
            "issuer": env.sender,
            "notice_kind": data.kind.value,
            "subject": (env.subject or "")[:MAX_SUBJECT] or None,
            "text": ctx.message.body.text,
            "person": data.person,
            "message_id": str(env.id),
            "published_at": data.published_at,
        },
    )


class CancelData(BaseModel):
    """What a NOTICE_CANCELLATION's data holds: the notice, and (so that a cancellation that
    overtakes its notice can be kept in its place) its kind and publication time."""

    model_config = ConfigDict(extra="ignore")

    notice: str = Field(min_length=1)
    kind: NoticeKind = NoticeKind.WARNING
    published_at: datetime | None = None


@on(Kind.NOTICE)
def _on_notice(ctx: Received) -> None:
    if ctx.message.envelope.sender != SECRETARIAT or outlet.is_secretariat(ctx.node):
        return  # only the Secretariat publishes notices
    _keep(ctx.conn, ctx)


@on(Kind.NOTICE_CANCELLATION)
def _on_cancellation(ctx: Received) -> None:
    if ctx.message.envelope.sender != SECRETARIAT or outlet.is_secretariat(ctx.node):
        return
    data = CancelData.model_validate(ctx.message.body.data)
    now = datetime.now(UTC)
    if sql.get_notice(ctx.conn, data.notice) is None:
        # The cancellation overtook its notice: keep it in the notice's place, cancelled and
        # without details, so that the notice, when it arrives, finds it and stays cancelled.
        sql.add_notice(
            ctx.conn,
            {
                "id": data.notice,
                "issuer": ctx.message.envelope.sender,
                "notice_kind": data.kind.value,
                "subject": None,
                "text": None,
                "person": None,
                "message_id": None,
                "published_at": data.published_at or now,
                "cancelled_at": now,
                "cancel_reason": ctx.message.body.text,
            },
        )
        log.info("notice %s cancelled before it arrived", data.notice)
        return
    sql.cancel_notice(ctx.conn, data.notice, now, ctx.message.body.text)
