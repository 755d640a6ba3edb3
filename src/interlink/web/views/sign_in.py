"""Sign-in and sign-out. Passwords and lock-out are ``access.accounts``'; nothing is redone here."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import RedirectResponse, Response

from interlink.access import audit
from interlink.access.accounts import authenticate, issue_token, revoke_token
from interlink.access.roles import Actor, Role
from interlink.store.db import transaction
from interlink.web.i18n import _
from interlink.web.routing import WebRoute
from interlink.web.templating import render
from interlink.web.visit import (
    FormDep,
    SignInRequired,
    VisitDep,
    current_session,
    node_of,
    set_session,
    signed_in,
)

router = APIRouter(route_class=WebRoute)
SIGN_IN_ACTOR = Actor(id=None, username="(sign-in)", role=Role.ADMINISTRATOR, unit=None)


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
    with transaction(node.engine) as conn:
        user = authenticate(conn, username, password) if username and password else None
        if user is None:
            audit.write(conn, node.audit_key, SIGN_IN_ACTOR, "sign_in", outcome="refused")
        else:
            token, _expires = issue_token(conn, user, node.settings.web_session_max_hours * 60)
            audit.write(conn, node.audit_key, user.actor(), "sign_in", details={"via": "web"})
    if user is None:
        error = _("Wrong username or password, or the account is locked.")
        return render(
            request, "sign_in.html", next=target, notice=None, error=error, username=username
        )
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
