"""Record pages of the kinds without a page of their own: organizations, cases, events
(marriages, border crossings, incidents), links, addresses, phones and online handles — their
facts grouped, provenance, linked records by kind and events on a timeline. Persons and
documents are sent to their own pages. The create and edit forms are in ``record_forms``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from interlink import records
from interlink.access import audit
from interlink.access.policy import permits
from interlink.access.roles import Action
from interlink.records import protected
from interlink.records.service import record_meta
from interlink.store.db import reading
from interlink.web import links, record_forms, timeline
from interlink.web.i18n import _
from interlink.web.routing import WebRoute
from interlink.web.templating import render
from interlink.web.views import record_forms as form_pages
from interlink.web.visit import Visit, VisitDep, may_see_readers, record_id_or_404

router = APIRouter(route_class=WebRoute)
router.include_router(form_pages.router)
HISTORY_LIMIT = 50
CONTACT_FIELDS = frozenset({"phones", "emails", "addresses"})
# Linked records, grouped on the page in this order (events are on the timeline).
LINKED_GROUPS = ("person", "organization", "document", "case", "contact", "link", "other")
CONTACT_KINDS = frozenset({"address", "phone", "handle"})


def group_titles() -> dict[str, str]:
    return {
        "person": _("People"),
        "organization": _("Organizations"),
        "document": _("Documents"),
        "case": _("Cases"),
        "contact": _("Contact details"),
        "link": _("Links"),
        "other": _("Other records"),
        "identification": _("Details"),
        "refs": _("Records it refers to"),
    }


def grouped_facts(
    rows: list[tuple[str, Any, str]],
) -> list[tuple[str, list[tuple[str, Any, str]]]]:
    """Facts in three groups: what identifies the record, contact details, and the records it
    refers to (people, organizations, documents)."""
    groups: dict[str, list[tuple[str, Any, str]]] = {
        "identification": [],
        "contact": [],
        "refs": [],
    }
    for row in rows:
        name, _value, how = row
        key = "refs" if how == "refs" else "contact" if name in CONTACT_FIELDS else "identification"
        groups[key].append(row)
    return [(k, v) for k, v in groups.items() if v]


def linked_groups(rows: list[links.Linked]) -> list[tuple[str, list[links.Linked]]]:
    """The records pointing to this one by kind, events left out (they are on the timeline)."""
    out: dict[str, list[links.Linked]] = {}
    for row in rows:
        if row.kind in timeline.EVENT_KINDS:
            continue
        key = "contact" if row.kind in CONTACT_KINDS else row.kind
        out.setdefault(key if key in LINKED_GROUPS else "other", []).append(row)
    return [(k, out[k]) for k in LINKED_GROUPS if k in out]


@router.get("/records/{record_id}")
def record_page(request: Request, visit: VisitDep, record_id: str, saved: bool = False) -> Response:
    return show_record(request, visit, record_id, saved=saved)


def show_record(
    request: Request,
    visit: Visit,
    record_id: str,
    *,
    saved: bool = False,
    unmask_reason: str | None = None,
    errors: dict[str, list[str]] | None = None,
    status_code: int = 200,
) -> Response:
    """The record page; with ``unmask_reason``, a victim's contact details shown on it (the
    unmasking is audited by ``records.read``; the form is in views/protection.py)."""
    wanted = record_id_or_404(record_id)
    rec = records.read(
        visit.node,
        visit.actor,
        wanted,
        purpose=visit.session.purpose,
        unmask_reason=unmask_reason,
    )
    if rec.kind in links.PAGES:  # a person or a document: their own page
        return RedirectResponse(links.href(rec.kind, rec.id), status_code=303)
    related = links.linked(visit.node, visit.actor, rec, visit.session.purpose)
    history = None
    if may_see_readers(visit.actor):
        with reading(visit.node.engine) as conn:
            history = audit.record_history(conn, rec.id, limit=HISTORY_LIMIT)
    incoming = [r for r in related if not r.outgoing]
    return render(
        request,
        "record.html",
        status_code=status_code,
        masked=protected.is_masked_contact(rec),
        unmasked=unmask_reason is not None,
        errors=errors or {},
        rec=rec,
        prov=rec.provenance,
        title=links.title_of(rec),
        facts=grouped_facts(links.facts_rows(rec.facts, related)),
        labels=record_forms.labels(),
        linked=incoming,
        linked_groups=linked_groups(incoming),
        timeline=timeline.events(visit.node, related if rec.kind == "case" else incoming),
        may_edit=permits(visit.actor, Action.UPDATE, record_meta(visit.node, rec)),
        saved=saved,
        history=history,
        group_titles=group_titles(),
        kind_name=links.kind_name,
    )
