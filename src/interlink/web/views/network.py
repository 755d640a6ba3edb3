"""Network pages: the link chart of a record (Cytoscape.js, vendored) and the pattern alerts.

The chart's data comes from ``interlink.network`` through POSTed forms carrying the CSRF
token (node ids may be phone or document numbers: never in a URL). Exports are made on the
server from the nodes the chart shows, so a file holds exactly what the reader saw — and
nothing they may not see, which is checked again.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from starlette.datastructures import FormData
from starlette.responses import JSONResponse, RedirectResponse, Response

from interlink import network, records
from interlink.records.errors import Invalid
from interlink.web.i18n import _
from interlink.web.links import PAGES, href
from interlink.web.routing import WebRoute
from interlink.web.templating import render
from interlink.web.visit import FormDep, VisitDep, record_id_or_404

router = APIRouter(route_class=WebRoute)

KIND_CHOICES = (
    "person",
    "organization",
    "document",
    "address",
    "phone",
    "email",
    "handle",
    "photo",
    "marriage",
    "crossing",
    "incident",
)


def kind_labels() -> dict[str, str]:
    return {
        "person": _("Persons"),
        "organization": _("Organizations"),
        "document": _("Documents"),
        "address": _("Addresses"),
        "phone": _("Phones"),
        "email": _("E-mail addresses"),
        "handle": _("Online handles"),
        "photo": _("Photos"),
        "marriage": _("Marriages"),
        "crossing": _("Border crossings"),
        "incident": _("Exploitation incidents"),
    }


def pattern_titles() -> dict[str, str]:
    return {
        "shared_document": _("One document number, different holders"),
        "shared_photo": _("Several identities on one photo"),
        "serial_marriages": _("One person in several marriages within a few years"),
        "marriage_shared_party": _(
            "Marriages sharing witnesses, registrar, address or intermediary"
        ),
        "illegal_entry_shared": _(
            "Illegal entries sharing a sponsor, address, phone, document series or organization"
        ),
        "contact_many_victims": _("One phone, address or account tied to many victims"),
        "organization_victims_countries": _("An organization tied to victims in several countries"),
    }


def explanation(alert: network.Alert) -> str:
    """Why the alert fired, in the reader's language (counts only, from the details)."""
    d = alert.details
    shared = {
        "witness": _("witness"),
        "intermediary": _("intermediary"),
        "registrar": _("registrar"),
        "address": _("address"),
        "phone": _("phone"),
        "email": _("e-mail address"),
        "handle": _("online handle"),
        "organization": _("organization"),
        "sponsor": _("sponsor"),
        "series": _("document series"),
    }.get(str(d.get("shared", "")), str(d.get("shared", "")))
    texts = {
        "shared_document": _(
            "Document number used by %(count)s different persons.", count=d.get("count")
        ),
        "shared_photo": _("The same photo is on %(count)s person records.", count=d.get("count")),
        "serial_marriages": _(
            "%(count)s marriages of one person within %(years)s years.",
            count=d.get("count"),
            years=d.get("years"),
        ),
        "marriage_shared_party": _(
            "%(count)s marriages share one %(shared)s.", count=d.get("count"), shared=shared
        ),
        "illegal_entry_shared": _(
            "%(count)s persons who entered illegally share one %(shared)s.",
            count=d.get("count"),
            shared=shared,
        ),
        "contact_many_victims": _(
            "One %(shared)s is tied to %(count)s victims.", shared=shared, count=d.get("count")
        ),
        "organization_victims_countries": _(
            "An organization is tied to %(count)s victims across %(n)s countries.",
            count=d.get("count"),
            n=len(d.get("countries", [])),
        ),
    }
    return texts.get(alert.pattern, alert.explanation)


def _list(posted: FormData, name: str) -> list[str]:
    return [v.strip() for v in posted.getlist(name) if isinstance(v, str) and v.strip()]


def _text(posted: FormData, name: str) -> str:
    value = posted.get(name)
    return value.strip()[:300] if isinstance(value, str) else ""


def _filters(posted: FormData) -> network.Filters:
    countries = [c.upper() for c in _text(posted, "countries").replace(",", " ").split()]
    return network.check_filters(
        _list(posted, "kinds"),
        countries,
        [],
        _text(posted, "date_from") or None,
        _text(posted, "date_to") or None,
    )


def _error(exc: Invalid) -> JSONResponse:
    return JSONResponse({"error": exc.message, "field": exc.field}, status_code=422)


@router.get("/network/{record_id}")
def chart_page(request: Request, visit: VisitDep, record_id: str) -> Response:
    rid = record_id_or_404(record_id)
    rec = records.read(visit.node, visit.actor, rid, purpose=visit.session.purpose)
    return render(
        request,
        "network/chart.html",
        rec=rec,
        label=rec.facts.name_texts()[0] if rec.facts.name_texts() else rec.kind,
        kinds=KIND_CHOICES,
        kind_labels=kind_labels(),
        href=href,
        pages=json.dumps(PAGES),
    )


@router.post("/network/graph")
def graph_data(visit: VisitDep, posted: FormDep) -> Response:
    """The neighbourhood to draw first (JSON for the chart script)."""
    try:
        depth = int(_text(posted, "depth") or "1")
        graph = network.get_neighbourhood(
            visit.node,
            visit.actor,
            _text(posted, "start"),
            depth=depth,
            filters=_filters(posted),
            purpose=visit.session.purpose,
        )
    except ValueError:
        return _error(Invalid(_("Depth: a number from 1 to 4."), field="depth"))
    except Invalid as exc:
        return _error(exc)
    return JSONResponse(graph.as_dict())


@router.post("/network/expand")
def expand_data(visit: VisitDep, posted: FormDep) -> Response:
    """The neighbours of the nodes the reader chose to expand."""
    try:
        graph = network.expand(
            visit.node,
            visit.actor,
            _list(posted, "nodes"),
            filters=_filters(posted),
            purpose=visit.session.purpose,
        )
    except Invalid as exc:
        return _error(exc)
    return JSONResponse(graph.as_dict())


@router.post("/network/export")
def export(visit: VisitDep, posted: FormDep) -> Response:
    """The chart as shown (its nodes, checked again) as GraphML, CSV (ZIP) or SVG."""
    fmt = _text(posted, "format")
    graph = network.subgraph(
        visit.node, visit.actor, _list(posted, "nodes"), purpose=visit.session.purpose
    )
    if fmt == "graphml":
        return Response(
            network.graphml(graph),
            media_type="application/graphml+xml",
            headers={"Content-Disposition": 'attachment; filename="network.graphml"'},
        )
    if fmt == "csv":
        return Response(
            network.csv_zip(graph),
            media_type="application/zip",
            headers={"Content-Disposition": 'attachment; filename="network-csv.zip"'},
        )
    if fmt == "svg":
        positions: dict[str, tuple[float, float]] = {}
        try:
            raw = json.loads(_text_long(posted, "positions") or "{}")
            positions = {str(k): (float(v[0]), float(v[1])) for k, v in raw.items()}
        except (ValueError, TypeError, IndexError, AttributeError):
            positions = {}
        return Response(
            network.svg(graph, positions),
            media_type="image/svg+xml",
            headers={"Content-Disposition": 'attachment; filename="network.svg"'},
        )
    raise Invalid(_("Choose GraphML, CSV or SVG."), field="format")


def _text_long(posted: FormData, name: str) -> str:
    value = posted.get(name)
    return value[:2_000_000] if isinstance(value, str) else ""


# -- alerts --------------------------------------------------------------------------------


@router.get("/alerts")
def alerts_page(request: Request, visit: VisitDep, status: str = "open") -> Response:
    shown = network.list_alerts(
        visit.node,
        visit.actor,
        status=status if status in ("open", "dismissed", "resolved", "all") else "open",
        purpose=visit.session.purpose,
    )
    return render(
        request,
        "network/alerts.html",
        alerts=shown,
        status=status,
        titles=pattern_titles(),
        explain=explanation,
    )


def _alert_page(
    request: Request,
    visit: Any,
    alert_id: str,
    errors: dict[str, list[str]] | None = None,
    reason: str = "",
    dismissed: bool = False,
) -> Response:
    alert = network.get_alert(visit.node, visit.actor, alert_id, purpose=visit.session.purpose)
    items = _records(visit, alert.record_ids)
    return render(
        request,
        "network/alert.html",
        alert=alert,
        items=items,
        titles=pattern_titles(),
        explain=explanation,
        href=href,
        errors=errors or {},
        reason=reason,
        dismissed=dismissed,
        status_code=422 if errors else 200,
    )


def _records(visit: Any, ids: list[str]) -> list[tuple[str, str, str]]:
    """(id, kind, label) of the alert's records: read through the service (audited once by
    get_alert, which has checked the reader may see every one)."""
    graph = network.subgraph(visit.node, visit.actor, ids, purpose=visit.session.purpose)
    return [
        (n.id, n.kind, n.label) for n in sorted(graph.nodes.values(), key=lambda n: (n.kind, n.id))
    ]


@router.get("/alerts/{alert_id}")
def alert_page(
    request: Request, visit: VisitDep, alert_id: str, dismissed: bool = False
) -> Response:
    return _alert_page(request, visit, alert_id, dismissed=dismissed)


@router.post("/alerts/{alert_id}/dismiss")
def dismiss(request: Request, visit: VisitDep, posted: FormDep, alert_id: str) -> Response:
    reason = _text_long(posted, "reason").strip()[:2000]
    try:
        network.dismiss_alert(visit.node, visit.actor, alert_id, reason)
    except Invalid as exc:
        message = (
            _("Say why the alert needs no action (at least 5 characters).")
            if exc.field == "reason"
            else exc.message
        )
        return _alert_page(request, visit, alert_id, {"reason": [message]}, reason)
    return RedirectResponse(f"/alerts/{alert_id}?dismissed=1", status_code=303)


def queue_alerts(visit: Any, limit: int = 10) -> list[tuple[str, str, str]] | None:
    """(id, title, why) of the unit's open alerts for the work queue; None for a role that
    reads no records (it has no alerts to review)."""
    from interlink.records.errors import Forbidden

    try:
        shown = network.list_alerts(
            visit.node, visit.actor, status="open", limit=limit, purpose=visit.session.purpose
        )
    except Forbidden:
        return None
    titles = pattern_titles()
    return [(a.id, titles.get(a.pattern, a.title), explanation(a)) for a in shown]
