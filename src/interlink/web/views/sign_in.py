"""Sign-in and sign-out. Passwords, second factors and lock-out are ``access.accounts``';
nothing is redone here. A user with a second factor gives the password, then a code: the
session holds their id in between (for ``PENDING_SECONDS``), never a sign-in token."""

from __future__ import annotations

import time
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from sqlalchemy import Connection
from starlette.responses import RedirectResponse, Response

from interlink.access import audit
from interlink.access.accounts import (
    User,
    authenticate,
    has_second_factor,
    issue_token,
    revoke_token,
    user_by_id,
    verify_second_factor,
)
from interlink.access.roles import Actor, Role
from interlink.node import Node
from interlink.store.db import transaction
from interlink.web.i18n import _
from interlink.web.routing import WebRoute
from interlink.web.session import Session
from interlink.web.templating import render
from interlink.web.views import second_factor
from interlink.web.visit import (
    FormDep,
    SignInRequired,
    VisitDep,
    current_session,
    node_of,
    second_factor_key,
    set_session,
    signed_in,
)

router = APIRouter(route_class=WebRoute)
# The user's own second factor belongs with signing in (and needs no line in views/__init__).
router.include_router(second_factor.router)
SIGN_IN_ACTOR = Actor(id=None, username="(sign-in)", role=Role.ADMINISTRATOR, unit=None)
PENDING_SECONDS = 300  # to type the code after the password


def safe_next(target: str | None) -> str:
    """Only a path on this site: never an open redirect to another host."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    if any(c.isspace() or not c.isprintable() for c in target):  # "/\t/host" is "//host"
        return "/"
    return target


@router.get("/sign-in")
def sign_in_page(
    request: Request,
    next: Annotated[str | None, Query(max_length=500)] = None,
    expired: bool = False,
    signed_out: bool = False,
) -> Response:
    if current_session(request).token:  # signed in already (or idle: then asked again)
        try:
            signed_in(request)
            return RedirectResponse(safe_next(next), status_code=303)
        except SignInRequired:
            expired = True
    notice = None
    if expired:
        notice = _("Your session ended after a period of inactivity. Please sign in again.")
    elif signed_out:
        notice = _("You have signed out.")
    return render(
        request, "sign_in.html", next=safe_next(next), notice=notice, error=None, username=""
    )


@router.post("/sign-in")
def sign_in(request: Request, form: FormDep) -> Response:
    node = node_of(request)
    username = str(form.get("username") or "").strip()[:100]
    password = str(form.get("password") or "")[:1000]
    target = safe_next(str(form.get("next") or "/"))
    token = None
    with transaction(node.engine) as conn:
        user = authenticate(conn, username, password) if username and password else None
        if user is None:
            audit.write(conn, node.audit_key, SIGN_IN_ACTOR, "sign_in", outcome="refused")
        elif not has_second_factor(conn, user.id):
            token = _open_session(conn, node, user)
    if user is None:
        error = _("Wrong username or password, or the account is locked.")
        return render(
            request, "sign_in.html", next=target, notice=None, error=error, username=username
        )
    if token is None:  # the code is still to come
        set_session(request, current_session(request).awaiting_code(user.id))
        return RedirectResponse(f"/sign-in/code?next={quote(target)}", status_code=303)
    set_session(request, current_session(request).signed_in(token))
    return RedirectResponse(target, status_code=303)


def _open_session(conn: Connection, node: Node, user: User, **details: object) -> str:
    token, _expires = issue_token(conn, user, node.settings.web_session_max_hours * 60)
    audit.write(conn, node.audit_key, user.actor(), "sign_in", details={"via": "web", **details})
    return token


def _pending_user(request: Request) -> str | None:
    session = current_session(request)
    if session.pending and 0 <= time.time() - session.pending_at <= PENDING_SECONDS:
        return session.pending
    return None


@router.get("/sign-in/code")
def code_page(
    request: Request, next: Annotated[str | None, Query(max_length=500)] = None
) -> Response:
    if _pending_user(request) is None:
        set_session(request, Session.anonymous())
        return RedirectResponse("/sign-in?expired=1", status_code=303)
    return render(request, "sign_in_code.html", next=safe_next(next), error=None)


@router.post("/sign-in/code")
def sign_in_code(request: Request, form: FormDep) -> Response:
    node = node_of(request)
    target = safe_next(str(form.get("next") or "/"))
    user_id = _pending_user(request)
    if user_id is None:
        set_session(request, Session.anonymous())
        return RedirectResponse("/sign-in?expired=1", status_code=303)
    code = str(form.get("code") or "")[:20]
    token = None
    with transaction(node.engine) as conn:
        user = user_by_id(conn, user_id)
        ok = user is not None and verify_second_factor(
            conn, second_factor_key(request), user_id, code
        )
        if user is not None and ok:
            token = _open_session(conn, node, user, second_factor=True)
        else:
            audit.write(
                conn,
                node.audit_key,
                SIGN_IN_ACTOR,
                "sign_in",
                outcome="refused",
                details={"step": "second_factor"},
            )
    if token is None:
        error = _("Wrong or already used code, or the account is locked.")
        return render(request, "sign_in_code.html", next=target, error=error)
    set_session(request, current_session(request).signed_in(token))
    return RedirectResponse(target, status_code=303)


@router.post("/sign-out")
def sign_out(request: Request, visit: VisitDep, form: FormDep) -> Response:
    with transaction(visit.node.engine) as conn:
        if visit.session.token:
            revoke_token(conn, visit.session.token)
        audit.write(conn, visit.node.audit_key, visit.actor, "sign_out", details={"via": "web"})
    set_session(request, visit.session.anonymous())
    return RedirectResponse("/sign-in?signed_out=1", status_code=303)
