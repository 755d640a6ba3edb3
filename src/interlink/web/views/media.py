"""Child-exploitation hash pages: hash sets, scans, series and the cases holding them.

Hashes, counts and metadata only — no page shows, links to or embeds an image; a scan's
files are listed by path and hash. Every page goes through ``interlink.media`` (the
capabilities of the access policy; scans through the right to read their case; audited).
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from urllib.parse import quote

from fastapi import APIRouter, Request
from starlette.datastructures import UploadFile
from starlette.responses import RedirectResponse, Response

from interlink import media
from interlink.access.policy import has_capability
from interlink.access.roles import Capability
from interlink.records.errors import Forbidden, Invalid
from interlink.transfer.readers import FileFormatError
from interlink.web.i18n import _
from interlink.web.routing import WebRoute
from interlink.web.templating import render
from interlink.web.visit import FormDep, Visit, VisitDep

router = APIRouter(route_class=WebRoute)
MAX_UPLOAD = 512 * 1024 * 1024
MAX_FIELD = 200


def _need_view(visit: Visit) -> None:
    if not has_capability(visit.actor, Capability.MEDIA_VIEW):
        raise Forbidden(_("Your role does not work on child-exploitation material."))


def _sets_page(
    request: Request, visit: Visit, errors: list[str] | None = None, status: int = 200
) -> Response:
    return render(
        request,
        "media/hashsets.html",
        status,
        sets=media.list_sets(visit.node, visit.actor),
        may_import=has_capability(visit.actor, Capability.MEDIA_HASHSETS),
        errors=errors or [],
        done=request.query_params.get("done"),
    )


@router.get("/media")
def hashsets(request: Request, visit: VisitDep) -> Response:
    _need_view(visit)
    return _sets_page(request, visit)


@router.post("/media/hashsets")
async def import_hashset(request: Request, visit: VisitDep, posted: FormDep) -> Response:
    _need_view(visit)
    upload = posted.get("file")
    name = str(posted.get("name") or "").strip()[:MAX_FIELD] or None
    source = str(posted.get("source") or "").strip()[:500] or None
    if not isinstance(upload, UploadFile) or not upload.filename:
        return _sets_page(request, visit, [_("File: choose a VICS JSON or CSV file.")], 422)
    suffix = Path(upload.filename).suffix.lower()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix if suffix in ('.json', '.csv') else '.csv'}"
        data = await upload.read(MAX_UPLOAD + 1)
        if len(data) > MAX_UPLOAD:
            return _sets_page(request, visit, [_("File: larger than 512 MB.")], 422)
        path.write_bytes(data)
        try:
            report = media.import_set(
                visit.node,
                visit.actor,
                path,
                name=name or Path(upload.filename).stem,
                source=source or upload.filename,
                baseline=posted.get("baseline") == "yes",
            )
        except FileFormatError as exc:
            return _sets_page(request, visit, [_("File: %(why)s", why=str(exc))], 422)
        except Invalid as exc:
            return _sets_page(request, visit, [exc.message], 422)
    if not report.written:
        errors = [str(e) for e in report.errors] or [_("The file has no entries.")]
        return _sets_page(request, visit, errors, 422)
    return RedirectResponse(f"/media?done={quote(report.name)}", status_code=303)


@router.post("/media/hashsets/{name}/withdraw")
def withdraw_hashset(request: Request, visit: VisitDep, posted: FormDep, name: str) -> Response:
    media.withdraw(visit.node, visit.actor, name)
    return RedirectResponse("/media", status_code=303)


@router.get("/media/scans")
def scans(request: Request, visit: VisitDep) -> Response:
    _need_view(visit)
    return render(request, "media/scans.html", scans=media.recent_scans(visit.node, visit.actor))


@router.get("/media/scans/{scan_id}")
def scan_page(request: Request, visit: VisitDep, scan_id: str) -> Response:
    _need_view(visit)
    view = media.scan_detail(visit.node, visit.actor, scan_id)
    reasons = media.safeguarding_reasons(visit.node, [view.scan["case_id"]])
    return render(
        request,
        "media/scan.html",
        view=view,
        reasons=reasons.get(view.scan["case_id"], []),
    )


@router.get("/media/series")
def series_list(request: Request, visit: VisitDep) -> Response:
    _need_view(visit)
    return render(
        request, "media/series_list.html", series=media.list_series(visit.node, visit.actor)
    )


def _series_page(
    request: Request, visit: Visit, name: str, errors: list[str] | None = None, status: int = 200
) -> Response:
    view = media.get_series(visit.node, visit.actor, name)
    return render(
        request,
        "media/series.html",
        status,
        view=view,
        may_edit=has_capability(visit.actor, Capability.MEDIA_SERIES),
        own=visit.node.settings.node_id or visit.node.settings.node_country,
        errors=errors or [],
    )


@router.get("/media/series/{name}")
def series_page(request: Request, visit: VisitDep, name: str) -> Response:
    _need_view(visit)
    return _series_page(request, visit, name)


@router.post("/media/series/{name}")
def series_update(request: Request, visit: VisitDep, posted: FormDep, name: str) -> Response:
    _need_view(visit)
    country = str(posted.get("production_country") or "").strip()
    agency = str(posted.get("identified_by") or "").strip()[:MAX_FIELD]
    when = str(posted.get("identified_on") or "").strip()
    identified = str(posted.get("victim_identified") or "")
    try:
        day = date.fromisoformat(when) if when else None
    except ValueError:
        return _series_page(request, visit, name, [_("Identified on: a date, YYYY-MM-DD.")], 422)
    try:
        media.update_series(
            visit.node,
            visit.actor,
            name,
            production_country=country or None,
            victim_identified={"yes": True, "no": False}.get(identified),
            identified_by=agency or None,
            identified_on=day,
        )
    except Invalid as exc:
        return _series_page(request, visit, name, [exc.message], 422)
    return RedirectResponse(f"/media/series/{quote(name)}", status_code=303)
