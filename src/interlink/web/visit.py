"""Who is asking: the session behind a request and the actor it signs in.

The actor comes from the same place as the API's (``accounts.user_for_token``), so a
page and an API call by the same user meet the same policy and the same audit log.
"""

from __future__ import annotations

import hmac
import uuid
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from starlette.datastructures import FormData

from interlink.access.accounts import revoke_token, user_for_token
from interlink.access.policy import has_capability
from interlink.access.roles import Actor, Capability
from interlink.node import Node
from interlink.records.errors import NotFound
from interlink.store.db import reading, transaction
from interlink.web import session as sessions
from interlink.web.session import Session


class SignInRequired(Exception):
    """No signed-in user (never signed in, signed out, or idle too long)."""

    def __init__(self, expired: bool = False) -> None:
        super().__init__("sign in first")
        self.expired = expired


class CsrfRefused(Exception):
    """A form came without this session's CSRF token: possibly from another site."""


@dataclass(frozen=True)
class Visit:
    """A signed-in request: the node, the acting user and their session."""

    node: Node
    actor: Actor
    session: Session


def node_of(request: Request) -> Node:
    node: Node = request.app.state.node
    return node


def session_key(request: Request) -> bytes:
    key: bytes | None = getattr(request.app.state, "web_session_key", None)
    if key is None:
        key = sessions.load_or_create_key(node_of(request).settings.web_session_key_path)
        request.app.state.web_session_key = key
    return key


def second_factor_key(request: Request) -> bytes:
    """The key sealing TOTP secrets: a file in the node's data directory, never in the
    database (see ``access.accounts.seal_secret``)."""
    key: bytes | None = getattr(request.app.state, "second_factor_key", None)
    if key is None:
        path = node_of(request).settings.data_dir / "second-factor.key"
        key = sessions.load_or_create_key(path)
        request.app.state.second_factor_key = key
    return key


def current_session(request: Request) -> Session:
    """The request's session (a fresh anonymous one if none); idle sign-ins are ended."""
    cached: Session | None = getattr(request.state, "session", None)
    if cached is not None:
        return cached
    node = node_of(request)
    found = sessions.decode(session_key(request), request.cookies.get(sessions.COOKIE))
    if found is None:
        found = Session.anonymous()
    elif found.token and found.idle_for() > node.settings.web_session_minutes * 60:
        with transaction(node.engine) as conn:
            revoke_token(conn, found.token)
        request.state.expired = True
        found = Session.anonymous()
    request.state.session = found
    return found


def set_session(request: Request, session: Session) -> None:
    """Replace the session; the response carries it (see ``routing``)."""
    request.state.session = session


def signed_in(request: Request) -> Visit:
    session = current_session(request)
    node = node_of(request)
    user = None
    if session.token:
        with reading(node.engine) as conn:
            user = user_for_token(conn, session.token)
    if user is None:
        expired = bool(getattr(request.state, "expired", False)) or session.token is not None
        set_session(request, Session.anonymous())
        raise SignInRequired(expired=expired)
    actor = user.actor()
    request.state.actor = actor
    return Visit(node, actor, session)


VisitDep = Annotated[Visit, Depends(signed_in)]


async def checked_form(request: Request) -> FormData:
    """The submitted form, if it carries this session's CSRF token."""
    form = await request.form()
    sent = form.get("csrf") or request.headers.get("x-csrf-token") or ""
    expected = current_session(request).csrf
    if not isinstance(sent, str) or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise CsrfRefused
    return form


FormDep = Annotated[FormData, Depends(checked_form)]


def record_id_or_404(text: str) -> str:
    """A UUID, or the page is not found (no hint whether the record exists)."""
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise NotFound("no such record") from None


def may_see_readers(actor: Actor) -> bool:
    """Who has looked at a record: for those who review records (supervisors, the DPO)."""
    return has_capability(actor, Capability.READ_AUDIT) or has_capability(actor, Capability.REVIEW)
