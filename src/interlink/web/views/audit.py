"""Data protection: the audit log searched, exported and its chain verified.

Searches and exports go by POST with the session's CSRF token (user names and record ids
stay out of URLs and proxy logs); the pager re-submits the same form with another page.
"""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Request
from starlette.responses import Response, StreamingResponse

from interlink.access.policy import has_capability
from interlink.access.roles import Actor, Capability
from interlink.records.errors import Forbidden
from interlink.web import audit_log
from interlink.web.audit_log import AuditFilters, Page
from interlink.web.i18n import _
from interlink.web.routing import WebRoute
from interlink.web.templating import environment, render
from interlink.web.visit import FormDep, Visit, VisitDep

router = APIRouter(route_class=WebRoute)


def _may(actor: Actor | None, capability: str) -> bool:
    """For the layout's menu: the policy's capabilities, never role names in templates."""
    return actor is not None and has_capability(actor, Capability(capability))


environment().globals["may"] = _may


def _need_any(visit: Visit) -> None:
    if not (audit_log.may_read(visit.actor) or audit_log.may_verify(visit.actor)):
        raise Forbidden(_("Your role does not read or verify the audit log."))


def _page(
    request: Request,
    visit: Visit,
    *,
    filters: AuditFilters | None = None,
    errors: dict[str, list[str]] | None = None,
    result: Page | None = None,
    verification: object = None,
) -> Response:
    return render(
        request,
        "audit.html",
        filters=filters or AuditFilters(),
        errors=errors or {},
        result=result,
        verification=verification,
        outcomes=list(audit_log.OUTCOMES),
        may_read=audit_log.may_read(visit.actor),
        may_verify=audit_log.may_verify(visit.actor),
    )


@router.get("/audit")
def audit_page(request: Request, visit: VisitDep) -> Response:
    _need_any(visit)
    return _page(request, visit)


def _page_number(text: object) -> int:
    try:
        return max(1, min(int(str(text or "1")), 1_000_000))
    except ValueError:
        return 1


@router.post("/audit")
def audit_search(request: Request, visit: VisitDep, form: FormDep) -> Response:
    filters, errors = AuditFilters.read(form)
    if not audit_log.may_read(visit.actor):
        raise Forbidden(_("Your role does not read the audit log."))
    if errors:
        return _page(request, visit, filters=filters, errors=errors)
    result = audit_log.search(visit.node, visit.actor, filters, _page_number(form.get("page")))
    return _page(request, visit, filters=filters, result=result)


@router.post("/audit/export")
def audit_export(request: Request, visit: VisitDep, form: FormDep) -> Response:
    filters, errors = AuditFilters.read(form)
    if not audit_log.may_read(visit.actor):
        raise Forbidden(_("Your role does not read the audit log."))
    if errors:
        return _page(request, visit, filters=filters, errors=errors)
    _count, pieces = audit_log.export(visit.node, visit.actor, filters)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return StreamingResponse(
        pieces,
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="audit-{stamp}.csv"',
            "Cache-Control": "no-store",
        },
    )


@router.post("/audit/verify")
def audit_verify(request: Request, visit: VisitDep, form: FormDep) -> Response:
    _need_any(visit)
    verification = audit_log.verify(visit.node, visit.actor)
    return _page(request, visit, verification=verification)
