"""The statistics dashboard: charts and tables of the indicators, filtered by period, unit
and indicator, each exportable (chart as PNG or SVG, table as CSV or XLSX).

Roles with ``STATS_READ`` see exact unit and national figures; every other signed-in user
sees the public figures, suppressed as a release is. Charts are images served by this
node (``<img>``), so the page keeps its strict CSP. Filters travel in the query string:
they are periods, unit codes and indicator names, never personal data.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from starlette.responses import Response

from interlink import reporting
from interlink.access.policy import has_capability
from interlink.access.roles import Capability
from interlink.records.errors import Invalid, NotFound
from interlink.web.i18n import _
from interlink.web.routing import WebRoute
from interlink.web.templating import render
from interlink.web.visit import Visit, VisitDep

router = APIRouter(route_class=WebRoute)
MAX_FILTER = 40


def _filters(request: Request) -> dict[str, str]:
    q = request.query_params
    return {
        "period": (q.get("period") or "all").strip()[:MAX_FILTER],
        "unit": (q.get("unit") or "").strip()[:MAX_FILTER],
        "indicator": (q.get("indicator") or "").strip()[:MAX_FILTER],
    }


def _shown(visit: Visit, filters: dict[str, str]) -> reporting.Shown:
    period = reporting.period_of(filters["period"])
    names = [filters["indicator"]] if filters["indicator"] else None
    return reporting.figures(
        visit.node, visit.actor, period, unit=filters["unit"] or None, indicators=names
    )


def _note(shown: reporting.Shown) -> str:
    if shown.exact:
        return _("Exact figures: not for publication.")
    return _(
        "Public figures: cells below %(threshold)s are suppressed.",
        threshold=reporting.DEFAULT_THRESHOLD,
    )


@router.get("/statistics")
def dashboard(request: Request, visit: VisitDep) -> Response:
    filters = _filters(request)
    errors: dict[str, list[str]] = {}
    shown: reporting.Shown | None = None
    try:
        shown = _shown(visit, filters)
    except Invalid as exc:
        errors[exc.field or "period"] = [exc.message.split(": ", 1)[-1]]
    query = urlencode({k: v for k, v in filters.items() if v and k != "indicator"})
    tables: list[dict[str, Any]] = []
    for t in shown.tables if shown else []:
        tables.append(
            {
                "name": t.name,
                "title": t.indicator.title,
                "counts": t.indicator.counts,
                "labels": t.labels,
                "rows": [
                    (key, n) for key, n in t.rows if n is None or n > 0 or reporting.TOTAL in key
                ],
                "chart": len(t.dims) <= 2,
            }
        )
    may_read = has_capability(visit.actor, Capability.STATS_READ)
    return render(
        request,
        "reporting/dashboard.html",
        status_code=400 if errors else 200,
        filters=filters,
        errors=errors,
        shown=shown,
        note=_note(shown) if shown else "",
        tables=tables,
        query=query,
        units=reporting.unit_codes(visit.node) if may_read else [],
        indicators=list(reporting.REGISTRY),
        may_read=may_read,
        period_help=_(
            "A year (2026), a quarter (2026-Q3), a month, a range (2025-01..2026-06) or all."
        ),
    )


@router.get("/statistics/export/{name}.{fmt}")
def export(request: Request, visit: VisitDep, name: str, fmt: str) -> Response:
    """One table (CSV, XLSX) or its chart (PNG, SVG), for the same filters as the page."""
    if fmt not in reporting.MEDIA_TYPES:
        raise NotFound(_("No such export."))
    filters = _filters(request)
    filters["indicator"] = name.split("__", 1)[0]
    if filters["indicator"] not in reporting.REGISTRY:
        raise NotFound(_("No such table."))
    shown = _shown(visit, filters)
    table = next((t for t in shown.tables if t.name == name), None)
    if table is None or (fmt in ("png", "svg") and len(table.dims) > 2):
        raise NotFound(_("No such table."))
    title = f"{table.indicator.title} — {shown.period.label}"
    body = reporting.export(table, fmt, title, _note(shown))
    disposition = (
        "inline"
        if fmt in ("png", "svg") and "download" not in request.query_params
        else "attachment"
    )
    filename = f"{name}-{shown.period.label.replace('..', '_')}.{fmt}"
    return Response(
        body,
        media_type=reporting.MEDIA_TYPES[fmt],
        headers={
            "Content-Disposition": f'{disposition}; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )
