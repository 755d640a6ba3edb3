"""Person pages: read (audited, through the policy), create and edit with inline errors."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from interlink import records
from interlink.access import audit
from interlink.access.policy import RecordMeta, has_capability, permits
from interlink.access.roles import Action, Actor, Capability
from interlink.domain import codes
from interlink.domain.codes import SubjectCategory
from interlink.records.errors import Conflict, Forbidden, Invalid, NotFound
from interlink.store.db import reading
from interlink.store.records import StoredRecord
from interlink.web import person_form
from interlink.web.i18n import _
from interlink.web.person_form import PersonForm
from interlink.web.routing import WebRoute
from interlink.web.templating import render
from interlink.web.visit import FormDep, Visit, VisitDep

router = APIRouter(route_class=WebRoute)
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


def _record_id(text: str) -> str:
    """A UUID, or the page is not found (no hint whether the record exists)."""
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise NotFound("no such record") from None


def _meta(rec: StoredRecord) -> RecordMeta:
    return RecordMeta(
        rec.provenance.owning_unit,
        rec.provenance.handling_code,
        SubjectCategory(rec.subject_category),
    )


def may_see_readers(actor: Actor) -> bool:
    """Who has looked at a record: for those who review records (supervisors, the DPO)."""
    return has_capability(actor, Capability.READ_AUDIT) or has_capability(actor, Capability.REVIEW)


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
        return _form_page(request, form, None)
    try:
        rec = records.create(visit.node, visit.actor, person, provenance)
    except (Invalid, Forbidden) as exc:
        person_form.add_service_error(form, exc.field, exc.message, rows)
        return _form_page(request, form, None)
    return RedirectResponse(f"/persons/{rec.id}?saved=1", status_code=303)


@router.get("/persons/{record_id}")
def person_page(request: Request, visit: VisitDep, record_id: str, saved: bool = False) -> Response:
    rec = _read(visit, _record_id(record_id))
    history = None
    if may_see_readers(visit.actor):
        with reading(visit.node.engine) as conn:
            history = audit.record_history(conn, rec.id, limit=HISTORY_LIMIT)
    return render(
        request,
        "person.html",
        rec=rec,
        person=rec.facts,
        prov=rec.provenance,
        history=history,
        may_edit=permits(visit.actor, Action.UPDATE, _meta(rec)),
        saved=saved,
    )


@router.get("/persons/{record_id}/edit")
def edit_person(request: Request, visit: VisitDep, record_id: str) -> Response:
    rec = _read(visit, _record_id(record_id))
    if not permits(visit.actor, Action.UPDATE, _meta(rec)):
        raise Forbidden(_("Your role may not change this record."))
    return _form_page(request, person_form.from_record(rec), rec)


@router.post("/persons/{record_id}/edit")
def update_person(request: Request, visit: VisitDep, posted: FormDep, record_id: str) -> Response:
    rec = _read(visit, _record_id(record_id))
    form = person_form.read_form(posted)
    stored = rec.facts.model_dump(mode="json")
    person, provenance, changes, rows = person_form.validate(
        form, stored, visit.node.settings.phone_region
    )
    if person is None or provenance is None:
        return _form_page(request, form, rec)
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


def _form_page(request: Request, form: PersonForm, rec: StoredRecord | None) -> Response:
    """The form, empty, filled or with its errors: always 200, since a form sent back with
    messages is a normal page (browsers report 4xx pages as errors in their console)."""
    return render(
        request,
        "person_form.html",
        form=form,
        rec=rec,
        choices=CHOICES,
        labels=person_form.labels(len(form.names)),
    )
