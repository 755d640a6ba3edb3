"""The import page: upload a file, map its columns, follow the run, read the report.

Steps: ``/import`` (file and kind) → ``/import/{job}/map`` (the file's columns against the
import's) → ``/import/{job}`` (progress, polled by htmx; then the report) →
``/import/{job}/rejects`` (the reject file). A job is seen by the user who started it only;
anyone else gets "page not found". The import itself is ``transfer.importer.import_file``
as the signed-in user (see ``web.import_jobs``).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from starlette.datastructures import UploadFile
from starlette.responses import FileResponse, RedirectResponse, Response

from interlink.access.policy import has_capability
from interlink.access.roles import Capability
from interlink.records.errors import Forbidden, NotFound
from interlink.transfer.readers import FileFormatError
from interlink.transfer.rows import COLUMNS
from interlink.web import import_jobs
from interlink.web.i18n import _
from interlink.web.import_jobs import IGNORE, Job
from interlink.web.routing import WebRoute
from interlink.web.templating import render
from interlink.web.visit import FormDep, Visit, VisitDep

router = APIRouter(route_class=WebRoute)
FORM_OVERHEAD = 64 * 1024  # the multipart envelope and the other fields


class _TooLarge(Exception):
    pass


def _need_import(visit: Visit) -> None:
    if not has_capability(visit.actor, Capability.IMPORT) or visit.actor.unit is None:
        raise Forbidden(_("Your role does not import records."))


def _size_checked(request: Request) -> bool:
    """Refuse a declared body over the limit before it is read (checked again while stored)."""
    declared = request.headers.get("content-length", "")
    return not (declared.isdigit() and int(declared) > import_jobs.MAX_UPLOAD_BYTES + FORM_OVERHEAD)


SizeDep = Annotated[bool, Depends(_size_checked)]


def _user_id(visit: Visit) -> str:
    assert visit.actor.id is not None
    return visit.actor.id


def _job(visit: Visit, job_id: str) -> Job:
    job = import_jobs.load(visit.node, job_id, _user_id(visit))
    if job is None:
        raise NotFound("no such import")
    return job


def _upload_page(
    request: Request,
    *,
    errors: dict[str, list[str]] | None = None,
    kind: str = "",
    status: int = 200,
) -> Response:
    return render(
        request,
        "import.html",
        status,
        kinds=import_jobs.kinds(),
        kind=kind,
        errors=errors or {},
        max_mb=import_jobs.MAX_UPLOAD_BYTES // (1024 * 1024),
    )


@router.get("/import")
def upload_page(request: Request, visit: VisitDep) -> Response:
    _need_import(visit)
    import_jobs.prune(visit.node)  # old uploads and reject files of anyone
    return _upload_page(request)


def _too_large() -> dict[str, list[str]]:
    mb = import_jobs.MAX_UPLOAD_BYTES // (1024 * 1024)
    return {
        "file": [
            _(
                "The file is larger than %(mb)s MB: import it with `interlink import` on the node.",
                mb=mb,
            )
        ]
    }


@router.post("/import")
def upload(request: Request, visit: VisitDep, size_ok: SizeDep, form: FormDep) -> Response:
    _need_import(visit)
    if not size_ok:
        return _upload_page(request, errors=_too_large(), status=413)
    kind = str(form.get("kind") or "")
    upload_file = form.get("file")
    errors: dict[str, list[str]] = {}
    if kind not in import_jobs.kinds():
        errors["kind"] = [_("Choose what the file holds.")]
    if not isinstance(upload_file, UploadFile) or not upload_file.filename:
        errors["file"] = [_("Choose a file.")]
    if errors:
        return _upload_page(request, errors=errors, kind=kind, status=422)
    assert isinstance(upload_file, UploadFile) and upload_file.filename
    try:
        job = import_jobs.create(
            visit.node, _user_id(visit), kind, upload_file.filename, upload_file.file
        )
    except import_jobs.UploadTooLarge:
        return _upload_page(request, errors=_too_large(), kind=kind, status=413)
    except FileFormatError as exc:
        return _upload_page(request, errors={"file": [str(exc)]}, kind=kind, status=422)
    return RedirectResponse(f"/import/{job.id}/map", status_code=303)


def _map_page(
    request: Request,
    job: Job,
    mapping: dict[str, str],
    *,
    problems: dict[str, str] | None = None,
    skip_invalid: bool = False,
    message: str = "",
    status: int = 200,
) -> Response:
    problems = problems or {}
    errors = {f"col-{i}": [problems[h]] for i, h in enumerate(job.header) if h in problems}
    if problems.get(IGNORE):
        errors["form"] = [problems[IGNORE]]
    if message:
        errors["form"] = [message]
    return render(
        request,
        "import_map.html",
        status,
        job=job,
        mapping=mapping,
        columns=COLUMNS[job.kind],
        errors=errors,
        skip_invalid=skip_invalid,
    )


@router.get("/import/{job_id}/map")
def map_page(request: Request, visit: VisitDep, job_id: str) -> Response:
    _need_import(visit)
    job = _job(visit, job_id)
    if job.state != "mapping":
        return RedirectResponse(f"/import/{job.id}", status_code=303)
    return _map_page(request, job, job.mapping or import_jobs.suggested(job.kind, job.header))


@router.post("/import/{job_id}/run")
def run(request: Request, visit: VisitDep, form: FormDep, job_id: str) -> Response:
    _need_import(visit)
    job = _job(visit, job_id)
    if job.state != "mapping":
        return RedirectResponse(f"/import/{job.id}", status_code=303)
    mapping = {h: str(form.get(f"col-{i}") or IGNORE) for i, h in enumerate(job.header)}
    skip_invalid = form.get("skip_invalid") == "yes"
    problems = import_jobs.check_mapping(job.kind, mapping)
    if problems:
        return _map_page(
            request, job, mapping, problems=problems, skip_invalid=skip_invalid, status=422
        )
    job.mapping, job.skip_invalid = mapping, skip_invalid
    if not import_jobs.start(visit.node, visit.actor, job):
        message = _("Another import is running on this server: try again in a few minutes.")
        return _map_page(
            request, job, mapping, skip_invalid=skip_invalid, message=message, status=409
        )
    return RedirectResponse(f"/import/{job.id}", status_code=303)


@router.post("/import/{job_id}/cancel")
def cancel(request: Request, visit: VisitDep, form: FormDep, job_id: str) -> Response:
    """Before the run: forget the upload. After it: remove the reject file."""
    _need_import(visit)
    import_jobs.discard(visit.node, _job(visit, job_id))
    return RedirectResponse("/import", status_code=303)


@router.get("/import/{job_id}")
def job_page(request: Request, visit: VisitDep, job_id: str) -> Response:
    _need_import(visit)
    job = _job(visit, job_id)
    if job.state == "mapping":
        return RedirectResponse(f"/import/{job.id}/map", status_code=303)
    return render(request, "import_job.html", job=job)


@router.get("/import/{job_id}/status")
def job_status(request: Request, visit: VisitDep, job_id: str) -> Response:
    """The progress fragment that the job page polls while the import runs."""
    _need_import(visit)
    return render(request, "_import_status.html", job=_job(visit, job_id))


@router.get("/import/{job_id}/rejects")
def rejects(request: Request, visit: VisitDep, job_id: str) -> Response:
    _need_import(visit)
    job = _job(visit, job_id)
    path = import_jobs.rejects_path(visit.node, job)
    if not job.has_rejects or not path.exists():
        raise NotFound("no reject file")
    return FileResponse(
        path,
        media_type="text/csv; charset=utf-8",
        filename=f"rejects-{job.id[:8]}.csv",
        headers={"Cache-Control": "no-store"},
    )
