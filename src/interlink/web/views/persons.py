"""Person pages: read (audited, through the policy), create and edit with inline errors."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.datastructures import FormData, UploadFile
from starlette.responses import FileResponse, RedirectResponse, Response

from interlink import records
from interlink.access import audit
from interlink.access.policy import RecordMeta, grants, permits
from interlink.access.roles import Action
from interlink.domain import codes, model
from interlink.domain.codes import SubjectCategory
from interlink.files import FileTooLarge, NotAnImage, photo_path
from interlink.identity import decisions
from interlink.node import Node
from interlink.records import protected
from interlink.records.errors import Conflict, Forbidden, Invalid, NotFound
from interlink.records.service import record_meta
from interlink.store.db import reading, transaction
from interlink.store.records import StoredRecord
from interlink.web import duplicates, links, person_form, photos, timeline
from interlink.web.i18n import _
from interlink.web.person_form import PersonForm
from interlink.web.routing import WebRoute
from interlink.web.templating import render
from interlink.web.views import records as record_pages
from interlink.web.visit import FormDep, Visit, VisitDep, may_see_readers
from interlink.web.visit import record_id_or_404 as _record_id

router = APIRouter(route_class=WebRoute)
# The read-only pages of the other kinds, reached from a person's linked records.
router.include_router(record_pages.router)
HISTORY_LIMIT = 50
CHOICES = {
    "gender": [g.value for g in codes.Gender],
    "role": [r.value for r in codes.PersonRole],
    "kind": [k.value for k in codes.NameKind],
    "categories": [c.value for c in codes.ActivityCategory],
    "reliability": [r.value for r in codes.Reliability],
    "assessment": [a.value for a in codes.Assessment],
    "handling_code": [h.value for h in codes.HandlingCode],
}


def _meta(rec: StoredRecord, node: Node) -> RecordMeta:
    if protected.is_victim_record(rec):  # the case team and the risk decide (issue 7)
        return record_meta(node, rec)
    return RecordMeta(
        rec.provenance.owning_unit,
        rec.provenance.handling_code,
        SubjectCategory(rec.subject_category),
    )


def _read(visit: Visit, record_id: str) -> StoredRecord:
    return records.read(
        visit.node, visit.actor, record_id, kind="person", purpose=visit.session.purpose
    )


@router.get("/persons/new")
def new_person(request: Request, visit: VisitDep) -> Response:
    return _form_page(request, person_form.blank(), None)


@router.post("/persons/new")
def create_person(request: Request, visit: VisitDep, posted: FormDep) -> Response:
    form = person_form.read_form(posted)
    person, provenance, _data, rows = person_form.validate(
        form, None, visit.node.settings.phone_region
    )
    if person is None or provenance is None:
        return _form_page(request, form, None, visit=visit, posted=posted)
    try:
        rec = records.create(visit.node, visit.actor, person, provenance)
    except (Invalid, Forbidden) as exc:
        person_form.add_service_error(form, exc.field, exc.message, rows)
        return _form_page(request, form, None, visit=visit, posted=posted)
    return RedirectResponse(f"/persons/{rec.id}?saved=1", status_code=303)


@router.post("/persons/duplicates")
def duplicates_while_entering(request: Request, visit: VisitDep, posted: FormDep) -> Response:
    """The possible duplicates of the person being entered (an htmx fragment of the form)."""
    found = duplicates.while_entering(visit.node, visit.actor, posted, visit.session.purpose)
    return render(request, "_duplicates.html", hits=found or [], asked=found is not None)


@router.get("/persons/{record_id}")
def person_page(request: Request, visit: VisitDep, record_id: str, saved: bool = False) -> Response:
    rec = _read(visit, _record_id(record_id))
    return _person_page(request, visit, rec, saved=saved)


def _person_page(
    request: Request,
    visit: Visit,
    rec: StoredRecord,
    *,
    saved: bool = False,
    notice: str | None = None,
    errors: dict[str, list[str]] | None = None,
    reasons: dict[str, str] | None = None,
) -> Response:
    history = None
    if may_see_readers(visit.actor):
        with reading(visit.node.engine) as conn:
            history = audit.record_history(conn, rec.id, limit=HISTORY_LIMIT)
    purpose = visit.session.purpose
    may_edit = permits(visit.actor, Action.UPDATE, _meta(rec, visit.node))
    linked = links.linked(visit.node, visit.actor, rec, purpose)
    return render(
        request,
        "person.html",
        rec=rec,
        person=rec.facts,
        prov=rec.provenance,
        history=history,
        may_edit=may_edit,
        saved=saved,
        notice=notice,
        possible=duplicates.of_record(visit.node, visit.actor, rec.id, purpose),
        decided=duplicates.recorded(visit.node, visit.actor, rec.id, purpose),
        may_decide=may_edit and duplicates.may_decide(visit.actor),
        linked=linked,
        linked_groups=record_pages.linked_groups(linked),
        group_titles=record_pages.group_titles(),
        timeline=timeline.events(visit.node, linked),
        may_add=bool(grants(visit.actor, Action.CREATE)),
        event_role_field="victims"
        if rec.subject_category == SubjectCategory.VICTIM
        else "suspects",
        kind_name=links.kind_name,
        errors=errors or {},
        reasons=reasons or {},
    )


def _reason_error(exc: Invalid) -> str:
    if exc.field in ("reason", "undo_reason"):
        return _(
            "Say why, in %(min)s to %(max)s characters.",
            min=decisions.MIN_REASON,
            max=decisions.MAX_REASON,
        )
    return exc.message


@router.post("/persons/{record_id}/decisions")
def decide(request: Request, visit: VisitDep, posted: FormDep, record_id: str) -> Response:
    """Record that this person and another are the same person, or different people."""
    rec = _read(visit, _record_id(record_id))
    other = str(posted.get("other_id") or "")
    reason = str(posted.get("reason") or "")[: decisions.MAX_REASON + 1]
    verdict = str(posted.get("verdict") or "")
    try:
        decisions.decide(visit.node, visit.actor, rec.id, other, verdict, reason)
    except Invalid as exc:
        field = f"reason-{other}"
        return _person_page(
            request, visit, rec, errors={field: [_reason_error(exc)]}, reasons={field: reason}
        )
    return RedirectResponse(f"/persons/{rec.id}?saved=1#duplicates-heading", status_code=303)


@router.post("/persons/{record_id}/decisions/{decision_id}/undo")
def undo_decision(
    request: Request, visit: VisitDep, posted: FormDep, record_id: str, decision_id: str
) -> Response:
    """Undo a recorded decision, saying why (the decision is kept, marked undone)."""
    rec = _read(visit, _record_id(record_id))
    reason = str(posted.get("reason") or "")[: decisions.MAX_REASON + 1]
    try:
        decisions.undo(visit.node, visit.actor, _record_id(decision_id), reason)
    except Invalid as exc:
        field = f"undo-{decision_id}"
        return _person_page(
            request, visit, rec, errors={field: [_reason_error(exc)]}, reasons={field: reason}
        )
    return RedirectResponse(f"/persons/{rec.id}?saved=1#decisions-heading", status_code=303)


@router.get("/persons/{record_id}/edit")
def edit_person(request: Request, visit: VisitDep, record_id: str) -> Response:
    rec = _read(visit, _record_id(record_id))
    if not permits(visit.actor, Action.UPDATE, _meta(rec, visit.node)):
        raise Forbidden(_("Your role may not change this record."))
    return _form_page(request, person_form.from_record(rec), rec)


@router.post("/persons/{record_id}/edit")
def update_person(request: Request, visit: VisitDep, posted: FormDep, record_id: str) -> Response:
    rec = _read(visit, _record_id(record_id))
    form = person_form.read_form(posted)
    # A victim's protected values come masked; the masked lines stand for the stored values.
    masked_lines = protected.take_masked_lines(form.values)
    stored = protected.without_masked(rec.facts).model_dump(mode="json")
    person, provenance, changes, rows = person_form.validate(
        form, stored, visit.node.settings.phone_region
    )
    if person is None or provenance is None:
        return _form_page(request, form, rec)
    changes = protected.put_back_masked(changes, masked_lines)
    try:
        records.update(
            visit.node,
            visit.actor,
            rec.id,
            changes=changes,
            provenance_changes=person_form.provenance_data(form),
            expected_version=form.version,
            kind="person",
        )
    except Conflict as exc:
        form.add_error("form", exc.message)
        return _form_page(request, form, rec)
    except (Invalid, Forbidden) as exc:
        person_form.add_service_error(form, exc.field, exc.message, rows)
        return _form_page(request, form, rec)
    return RedirectResponse(f"/persons/{rec.id}?saved=1", status_code=303)


def _form_page(
    request: Request,
    form: PersonForm,
    rec: StoredRecord | None,
    *,
    visit: Visit | None = None,
    posted: FormData | None = None,
) -> Response:
    """The form, empty, filled or with its errors: always 200, since a form sent back with
    messages is a normal page (browsers report 4xx pages as errors in their console). A new
    person sent back shows its possible duplicates at once."""
    possible = None
    if visit is not None and posted is not None:
        possible = duplicates.while_entering(visit.node, visit.actor, posted, visit.session.purpose)
    return render(
        request,
        "person_form.html",
        form=form,
        rec=rec,
        choices=CHOICES,
        labels=person_form.labels(len(form.names)),
        possible=possible,
    )


def _photo_error(exc: Exception) -> str:
    if isinstance(exc, FileTooLarge):
        return _("The photo is too large: at most %(mb)s MB.", mb=max(1, photos.MAX_BYTES // 2**20))
    return _("Choose a JPEG, PNG, GIF or WebP image file.")


@router.post("/persons/{record_id}/photos")
def add_photo(request: Request, visit: VisitDep, posted: FormDep, record_id: str) -> Response:
    """Upload an identification photo: decoded before it is stored, added to the person
    through ``records.update`` (the policy, the audit log)."""
    rec = _read(visit, _record_id(record_id))
    if not permits(visit.actor, Action.UPDATE, _meta(rec, visit.node)):
        raise Forbidden(_("Your role may not change this record."))
    upload = posted.get("photo")
    person = rec.facts
    assert isinstance(person, model.Person)
    if len(person.photos) >= photos.MAX_PHOTOS:
        return _person_page(
            request,
            visit,
            rec,
            errors={"photo": [_("A person has %(n)s photos at most.", n=photos.MAX_PHOTOS)]},
        )
    if not isinstance(upload, UploadFile) or not upload.filename:
        return _person_page(request, visit, rec, errors={"photo": [_("Choose a photo file.")]})
    try:
        photo = photos.accept(visit.node, visit.actor, upload.file)
    except (NotAnImage, FileTooLarge) as exc:
        return _person_page(request, visit, rec, errors={"photo": [_photo_error(exc)]})
    kept = [p.model_dump(mode="json") for p in person.photos if p.sha256 != photo.sha256]
    records.update(
        visit.node,
        visit.actor,
        rec.id,
        changes={"photos": [*kept, photo.model_dump(mode="json")]},
        expected_version=rec.version,
        kind="person",
    )
    return RedirectResponse(f"/persons/{rec.id}?saved=1#photos-heading", status_code=303)


@router.get("/persons/{record_id}/photos/{sha256}")
def photo_file(request: Request, visit: VisitDep, record_id: str, sha256: str) -> Response:
    """A photo of a person the user may read (the read and the photo audited)."""
    rec = _read(visit, _record_id(record_id))
    assert isinstance(rec.facts, model.Person)
    found = next((p for p in rec.facts.photos if p.sha256 == sha256), None)
    path = photo_path(visit.node, sha256) if found else None
    if found is None or path is None or not path.is_file():
        raise NotFound("no such photo")
    with transaction(visit.node.engine) as conn:
        audit.write(
            conn,
            visit.node.audit_key,
            visit.actor,
            "read_photo",
            record_kind="person",
            record_id=rec.id,
            purpose=visit.session.purpose,
            details={"sha256": sha256},
        )
    return FileResponse(
        path, media_type=found.media_type, headers={"Cache-Control": "private, no-store"}
    )


@router.post("/persons/{record_id}/photos/{sha256}/remove")
def remove_photo(
    request: Request, visit: VisitDep, posted: FormDep, record_id: str, sha256: str
) -> Response:
    """Take a photo off the person (audited as a change; the stored file may serve others)."""
    rec = _read(visit, _record_id(record_id))
    assert isinstance(rec.facts, model.Person)
    kept = [p.model_dump(mode="json") for p in rec.facts.photos if p.sha256 != sha256]
    if len(kept) == len(rec.facts.photos):
        raise NotFound("no such photo")
    records.update(visit.node, visit.actor, rec.id, changes={"photos": kept}, kind="person")
    return RedirectResponse(f"/persons/{rec.id}?saved=1#photos-heading", status_code=303)
