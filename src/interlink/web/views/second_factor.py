"""The user's own second factor: set up (QR code drawn here, by segno, as inline SVG: no
request leaves the node), confirm with a first code, remove with a current code."""

from __future__ import annotations

import segno
from fastapi import APIRouter, Request
from markupsafe import Markup
from starlette.responses import RedirectResponse, Response

from interlink.access import audit
from interlink.access.accounts import (
    AccountError,
    confirm_second_factor,
    enrol_second_factor,
    has_second_factor,
    pending_second_factor,
    provisioning_uri,
    remove_second_factor,
    verify_second_factor,
)
from interlink.store.db import transaction
from interlink.web.i18n import _
from interlink.web.routing import WebRoute
from interlink.web.templating import render
from interlink.web.visit import FormDep, Visit, VisitDep, second_factor_key

router = APIRouter(route_class=WebRoute)
PAGE = "/account/second-factor"


def qr_svg(uri: str, title: str) -> Markup:
    """The QR code of ``uri`` as an inline SVG element (no style, no script)."""
    svg = segno.make(uri, error="m").svg_inline(
        scale=5, border=4, dark="#000", light="#fff", title=title, svgclass="qr-code"
    )
    # Safe markup: segno writes only paths and the title, which it escapes itself.
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S704


def _grouped(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _user_id(visit: Visit) -> str:
    assert visit.actor.id is not None  # a signed-in user always has one
    return visit.actor.id


def _page(request: Request, visit: Visit, *, error: str | None = None) -> Response:
    user_id = _user_id(visit)
    with transaction(visit.node.engine) as conn:
        enrolled = has_second_factor(conn, user_id)
        pending = (
            None if enrolled else pending_second_factor(conn, second_factor_key(request), user_id)
        )
    qr = secret = None
    if pending:
        uri = provisioning_uri(pending, visit.actor.username)
        qr = qr_svg(uri, _("QR code to scan with your authenticator app"))
        secret = _grouped(pending)
    return render(
        request,
        "second_factor.html",
        enrolled=enrolled,
        qr=qr,
        secret=secret,
        error=error,
        done=request.query_params.get("done"),
    )


def _audit(visit: Visit, conn: object, action: str, outcome: str = "ok") -> None:
    audit.write(
        conn,  # type: ignore[arg-type]
        visit.node.audit_key,
        visit.actor,
        action,
        outcome=outcome,
        details={"via": "web"},
    )


@router.get(PAGE)
def second_factor_page(request: Request, visit: VisitDep) -> Response:
    return _page(request, visit)


@router.post(PAGE + "/enrol")
def enrol(request: Request, visit: VisitDep, form: FormDep) -> Response:
    try:
        with transaction(visit.node.engine) as conn:
            enrol_second_factor(conn, second_factor_key(request), _user_id(visit))
            _audit(visit, conn, "second_factor_enrol")
    except AccountError:
        return _page(request, visit, error=_("A second factor is set up already."))
    return RedirectResponse(PAGE, status_code=303)


@router.post(PAGE + "/confirm")
def confirm(request: Request, visit: VisitDep, form: FormDep) -> Response:
    code = str(form.get("code") or "")[:20]
    with transaction(visit.node.engine) as conn:
        ok = confirm_second_factor(conn, second_factor_key(request), _user_id(visit), code)
        _audit(visit, conn, "second_factor_confirm", "ok" if ok else "refused")
    if not ok:
        return _page(request, visit, error=_("That code is not right. Type the code shown now."))
    return RedirectResponse(PAGE + "?done=on", status_code=303)


@router.post(PAGE + "/remove")
def remove(request: Request, visit: VisitDep, form: FormDep) -> Response:
    """A confirmed factor is removed with a current code (a wrong one counts towards the
    lock-out); an unfinished set-up is simply cancelled."""
    code = str(form.get("code") or "")[:20]
    user_id = _user_id(visit)
    with transaction(visit.node.engine) as conn:
        ok = not has_second_factor(conn, user_id) or verify_second_factor(
            conn, second_factor_key(request), user_id, code
        )
        if ok:
            remove_second_factor(conn, user_id)
        _audit(visit, conn, "second_factor_remove", "ok" if ok else "refused")
    if not ok:
        return _page(request, visit, error=_("Wrong or already used code."))
    return RedirectResponse(PAGE + "?done=off", status_code=303)


__all__ = ["router"]
