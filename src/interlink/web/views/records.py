"""Read-only pages of the kinds without a page of their own: organizations, cases, events
(marriages, border crossings, incidents), links, addresses, phones and online handles, with
provenance and linked records. Persons and documents are sent to their own pages."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from interlink import records
from interlink.access import audit
from interlink.store.db import reading
from interlink.web import links
from interlink.web.routing import WebRoute
from interlink.web.templating import render
from interlink.web.visit import VisitDep, may_see_readers, record_id_or_404

router = APIRouter(route_class=WebRoute)
HISTORY_LIMIT = 50


@router.get("/records/{record_id}")
def record_page(request: Request, visit: VisitDep, record_id: str) -> Response:
    wanted = record_id_or_404(record_id)
    rec = records.read(visit.node, visit.actor, wanted, purpose=visit.session.purpose)
    if rec.kind in links.PAGES:  # a person or a document: their own page
        return RedirectResponse(links.href(rec.kind, rec.id), status_code=303)
    related = links.linked(visit.node, visit.actor, rec, visit.session.purpose)
    history = None
    if may_see_readers(visit.actor):
        with reading(visit.node.engine) as conn:
            history = audit.record_history(conn, rec.id, limit=HISTORY_LIMIT)
    return render(
        request,
        "record.html",
        rec=rec,
        prov=rec.provenance,
        title=links.title_of(rec),
        facts=links.facts_rows(rec.facts, related),
        linked=[r for r in related if not r.outgoing],
        history=history,
        kind_name=links.kind_name,
    )
