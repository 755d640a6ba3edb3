"""Data protection: records past their review date, extended with a reason or erased.

Both go through ``records.review`` (the policy, the audit log, the erasure of links and
photos). Erasure asks twice: the first form states the reason, a second page names the
record and asks for confirmation.
"""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from interlink.access.policy import grants, has_capability
from interlink.access.roles import Action, Capability
from interlink.records import review
from interlink.records.errors import Conflict, Forbidden, Invalid, NotFound
from interlink.web.i18n import _
from interlink.web.links import href
from interlink.web.routing import WebRoute
from interlink.web.templating import render
from interlink.web.visit import FormDep, Visit, VisitDep, record_id_or_404

router = APIRouter(route_class=WebRoute)
LIST_LIMIT = 1000
MAX_REASON = 500


def _need_review(visit: Visit) -> None:
    if not has_capability(visit.actor, Capability.REVIEW):
        raise Forbidden(_("Your role does not review records."))


def _due_record(visit: Visit, record_id: str) -> review.DueRecord:
    """The record, if it is due and the actor may act on it; otherwise not found."""
    for item in review.due(visit.node, visit.actor, limit=LIST_LIMIT):
        if item.id == record_id:
            return item
    raise NotFound("no such record due for review")


@router.get("/review")
def due_list(request: Request, visit: VisitDep) -> Response:
    _need_review(visit)
    due = review.due(visit.node, visit.actor, limit=LIST_LIMIT)
    return render(
        request,
        "review.html",
        due=due,
        limit=LIST_LIMIT,
        href=href,
        done=request.query_params.get("done"),
    )


def _record_page(
    request: Request,
    visit: Visit,
    item: review.DueRecord,
    *,
    errors: dict[str, list[str]] | None = None,
    values: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    return render(
        request,
        "review_record.html",
        status,
        item=item,
        link=href(item.kind, item.id),
        errors=errors or {},
        values=values or {},
        years=visit.node.settings.review_years,
        may_extend=_may_extend(visit),
        may_erase=bool(grants(visit.actor, Action.DELETE)),
    )


def _may_extend(visit: Visit) -> bool:
    """Extending changes the record: for roles that update records (supervisors), not the
    data-protection officer, who reads and erases (``access.policy``)."""
    return bool(grants(visit.actor, Action.UPDATE))


@router.get("/review/{record_id}")
def review_record(request: Request, visit: VisitDep, record_id: str) -> Response:
    _need_review(visit)
    return _record_page(request, visit, _due_record(visit, record_id_or_404(record_id)))


def _reason(form: object, name: str = "reason") -> str:
    return " ".join(str(form.get(name) or "").split())[:MAX_REASON]  # type: ignore[attr-defined]


def _field_errors(exc: Invalid, default: str) -> dict[str, list[str]]:
    field = exc.field or default
    message = exc.message.split(": ", 1)[1] if ": " in exc.message else exc.message
    return {field: [message]}


@router.post("/review/{record_id}/extend")
def extend(request: Request, visit: VisitDep, form: FormDep, record_id: str) -> Response:
    _need_review(visit)
    item = _due_record(visit, record_id_or_404(record_id))
    reason = _reason(form, "extend-reason")
    until_text = str(form.get("until") or "").strip()
    values = {"extend-reason": reason, "until": until_text}
    until: date | None = None
    if until_text:
        try:
            until = date.fromisoformat(until_text)
        except ValueError:
            errors = {"until": [_("Write the date as YYYY-MM-DD.")]}
            return _record_page(request, visit, item, errors=errors, values=values, status=422)
    try:
        new_date = review.extend(visit.node, visit.actor, item.id, reason=reason, until=until)
    except Forbidden as exc:
        errors = {"form": [exc.message]}
        return _record_page(request, visit, item, errors=errors, values=values, status=403)
    except Invalid as exc:
        errors = _field_errors(exc, "reason")
        if "reason" in errors:
            errors["extend-reason"] = errors.pop("reason")
        return _record_page(request, visit, item, errors=errors, values=values, status=422)
    return RedirectResponse(f"/review?done=extended&until={new_date.isoformat()}", 303)


@router.post("/review/{record_id}/erase")
def erase(request: Request, visit: VisitDep, form: FormDep, record_id: str) -> Response:
    """First the reason, then (``confirm=yes``) the erasure itself."""
    _need_review(visit)
    item = _due_record(visit, record_id_or_404(record_id))
    reason = _reason(form, "erase-reason") or _reason(form, "reason")
    values = {"erase-reason": reason}
    if len(reason) < 3:
        errors = {"erase-reason": [_("Say why the record is erased (at least 3 characters).")]}
        return _record_page(request, visit, item, errors=errors, values=values, status=422)
    if form.get("confirm") != "yes":
        return render(request, "review_erase.html", item=item, reason=reason)
    try:
        review.erase(visit.node, visit.actor, item.id, reason=reason)
    except Invalid as exc:
        errors = {"erase-reason": [exc.message]}
        return _record_page(request, visit, item, errors=errors, values=values, status=422)
    except Forbidden as exc:
        errors = {"form": [exc.message]}
        return _record_page(request, visit, item, errors=errors, values=values, status=403)
    except Conflict as exc:
        errors = {"form": [exc.message]}
        return _record_page(request, visit, item, errors=errors, values=values, status=409)
    return RedirectResponse("/review?done=erased", 303)
