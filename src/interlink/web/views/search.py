"""The search page: one box, the session's stated purpose asked once, results as a table.

Searches are sent by POST so that names and numbers stay out of URLs, browser history
and proxy logs.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from interlink.domain import codes
from interlink.records.errors import Invalid
from interlink.web.finder import Filters, Hit, find
from interlink.web.i18n import _
from interlink.web.routing import WebRoute
from interlink.web.templating import render
from interlink.web.visit import FormDep, VisitDep, current_session, set_session

router = APIRouter(route_class=WebRoute)
MIN_PURPOSE, MAX_PURPOSE, MAX_QUERY = 3, 500, 200


def _page(
    request: Request,
    *,
    q: str = "",
    hits: list[Hit] | None = None,
    errors: dict[str, list[str]] | None = None,
    filters: Filters | None = None,
) -> Response:
    purpose = current_session(request).purpose
    return render(
        request,
        "search.html",
        q=q,
        hits=hits,
        errors=errors or {},
        filters=filters or Filters(),
        roles=[r.value for r in codes.PersonRole],
        categories=[c.value for c in codes.ActivityCategory],
        session_purpose=purpose,
    )


@router.get("/search")
def search_page(request: Request, visit: VisitDep) -> Response:
    return _page(request)


@router.post("/search")
def search(request: Request, visit: VisitDep, form: FormDep) -> Response:
    q = str(form.get("q") or "").strip()[:MAX_QUERY]
    session = visit.session
    errors: dict[str, list[str]] = {}
    filters, filter_errors = Filters.read(form)
    if not session.purpose:
        purpose = " ".join(str(form.get("purpose") or "").split())
        if not MIN_PURPOSE <= len(purpose) <= MAX_PURPOSE:
            errors["purpose"] = [
                _(
                    "State why you search, in %(min)s to %(max)s characters (it is recorded).",
                    min=MIN_PURPOSE,
                    max=MAX_PURPOSE,
                )
            ]
        else:
            session = session.with_purpose(purpose)
            set_session(request, session)
    if not q:
        errors["q"] = [_("Type a name, a document number or a phone number.")]
    errors.update(filter_errors)
    if errors:
        return _page(request, q=q, errors=errors, filters=filters)
    assert session.purpose is not None
    try:
        hits = find(visit.node, visit.actor, q, purpose=session.purpose, filters=filters)
    except Invalid as exc:
        return _page(request, q=q, errors={"q": [exc.message]}, filters=filters)
    return _page(request, q=q, hits=hits, filters=filters)


@router.post("/search/purpose")
def change_purpose(request: Request, visit: VisitDep, form: FormDep) -> Response:
    """Forget the stated purpose: the next search asks for it again."""
    set_session(request, visit.session.with_purpose(None))
    return RedirectResponse("/search", status_code=303)
