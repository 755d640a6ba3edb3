"""Create and edit pages of every kind but persons, and the search picker of their references.

The forms come from the declared model (``web.record_forms``); every save goes through
``records.create`` / ``records.update`` (the policy, the reference checks, the audit log),
every record shown in a picker or as a chosen reference through ``web.picker`` (read or
searched through ``records``, so only what the user may read, audited).
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from interlink import records
from interlink.access.policy import grants, permits
from interlink.access.roles import Action
from interlink.domain import codes, registry
from interlink.records.errors import Conflict, Forbidden, Invalid, NotFound
from interlink.records.service import record_meta
from interlink.store.records import StoredRecord
from interlink.web import links, picker, record_forms
from interlink.web.i18n import _
from interlink.web.record_forms import RecordForm
from interlink.web.routing import WebRoute
from interlink.web.templating import render
from interlink.web.visit import FormDep, Visit, VisitDep, record_id_or_404

router = APIRouter(route_class=WebRoute)
# Where a form may send the user back to: a record page (e.g. the person a link starts from).
_NEXT = re.compile(r"^/(persons|records|documents)/[0-9a-f-]{36}$")
CHOICES = {
    "reliability": [r.value for r in codes.Reliability],
    "assessment": [a.value for a in codes.Assessment],
    "handling_code": [h.value for h in codes.HandlingCode],
}


def _kind_or_404(kind: str) -> str:
    if kind not in record_forms.FORM_KINDS:
        raise NotFound("no such kind")
    return kind


def _next(value: object) -> str | None:
    text = str(value or "")
    return text if _NEXT.match(text) else None


def _fill_chosen(visit: Visit, form: RecordForm) -> None:
    """Labels of the chosen references the user may read (each read audited)."""
    shown = picker.labels_of(visit.node, visit.actor, form.ref_ids(), visit.session.purpose)
    for spec in form.specs:
        if spec.is_ref:
            ids = form.values.get(spec.name) or []
            form.chosen[spec.name] = [shown[i] for i in ids if i in shown]


def _form_page(
    request: Request, visit: Visit, form: RecordForm, rec: StoredRecord | None, nxt: str | None
) -> Response:
    """The form, empty, filled or with its errors: always 200 (see persons._form_page)."""
    if not form.chosen:
        _fill_chosen(visit, form)
    return render(
        request,
        "forms/record_form.html",
        form=form,
        rec=rec,
        specs=form.specs,
        labels=record_forms.labels(),
        hints=record_forms.hints(),
        choices=CHOICES,
        title=record_forms.title_new(form.kind) if rec is None else _edit_title(rec),
        next=nxt,
        kind_name=links.kind_name,
    )


def _edit_title(rec: StoredRecord) -> str:
    return _("Edit: %(title)s", title=links.title_of(rec))


@router.get("/records/new")
def new_record_index(request: Request, visit: VisitDep) -> Response:
    """Which kind of record to add (persons have their own form)."""
    if not grants(visit.actor, Action.CREATE):
        raise Forbidden(_("Your role may not add records."))
    kinds = [("person", _("New person"), "/persons/new")] + [
        (k, record_forms.title_new(k), f"/records/new/{k}") for k in record_forms.FORM_KINDS
    ]
    return render(request, "forms/new_record.html", kinds=kinds)


@router.get("/records/new/{kind}")
def new_record(request: Request, visit: VisitDep, kind: str) -> Response:
    kind = _kind_or_404(kind)
    if not grants(visit.actor, Action.CREATE):
        raise Forbidden(_("Your role may not add records."))
    preset = {k: request.query_params.getlist(k) for k in request.query_params if k != "next"}
    form = record_forms.blank(kind, preset)
    return _form_page(request, visit, form, None, _next(request.query_params.get("next")))


@router.post("/records/new/{kind}")
def create_record(request: Request, visit: VisitDep, posted: FormDep, kind: str) -> Response:
    kind = _kind_or_404(kind)
    form = record_forms.read_form(kind, posted)
    nxt = _next(posted.get("next"))
    facts, provenance, _data = record_forms.validate(form, visit.node.settings.phone_region)
    if facts is None or provenance is None:
        return _form_page(request, visit, form, None, nxt)
    try:
        rec = records.create(visit.node, visit.actor, facts, provenance)
    except (Invalid, Forbidden, Conflict) as exc:
        record_forms.add_service_error(form, exc.field, exc.message)
        return _form_page(request, visit, form, None, nxt)
    return RedirectResponse(f"{nxt or links.href(rec.kind, rec.id)}?saved=1", status_code=303)


def _editable(visit: Visit, record_id: str) -> StoredRecord:
    rec = records.read(
        visit.node, visit.actor, record_id_or_404(record_id), purpose=visit.session.purpose
    )
    if not permits(visit.actor, Action.UPDATE, record_meta(visit.node, rec)):
        raise Forbidden(_("Your role may not change this record."))
    return rec


@router.get("/records/{record_id}/edit")
def edit_record(request: Request, visit: VisitDep, record_id: str) -> Response:
    rec = _editable(visit, record_id)
    if rec.kind == "person":
        return RedirectResponse(f"/persons/{rec.id}/edit", status_code=303)
    form = record_forms.from_record(rec)
    return _form_page(request, visit, form, rec, _next(request.query_params.get("next")))


def _keep_unseen(visit: Visit, form: RecordForm, rec: StoredRecord, data: dict[str, Any]) -> None:
    """References to records the user may not read are not in the form (it never shows
    them): keep them, so that saving the form does not drop what the user could not see."""
    stored = rec.facts.model_dump(mode="json")
    for spec in form.specs:
        if not spec.is_ref:
            continue
        old = stored.get(spec.name)
        old_ids = [str(v) for v in (old if isinstance(old, list) else [old] if old else [])]
        seen = {c.id for c in form.chosen.get(spec.name, [])}
        unseen = [i for i in old_ids if i not in seen and i not in (form.values[spec.name] or [])]
        if not unseen:
            continue
        if spec.widget == "refs":
            data[spec.name] = list(data.get(spec.name) or []) + unseen
        elif data.get(spec.name) is None:
            data[spec.name] = unseen[0]


@router.post("/records/{record_id}/edit")
def update_record(request: Request, visit: VisitDep, posted: FormDep, record_id: str) -> Response:
    rec = _editable(visit, record_id)
    if rec.kind == "person":
        return RedirectResponse(f"/persons/{rec.id}/edit", status_code=303)
    form = record_forms.read_form(rec.kind, posted)
    nxt = _next(posted.get("next"))
    facts, provenance, data = record_forms.validate(form, visit.node.settings.phone_region)
    if facts is None or provenance is None:
        return _form_page(request, visit, form, rec, nxt)
    _fill_chosen(visit, form)
    _keep_unseen(visit, form, rec, data)
    try:
        records.update(
            visit.node,
            visit.actor,
            rec.id,
            changes=data,
            provenance_changes=record_forms.provenance_data(form),
            expected_version=form.version,
            kind=rec.kind,
        )
    except Conflict as exc:
        form.add_error("form", exc.message)
        return _form_page(request, visit, form, rec, nxt)
    except (Invalid, Forbidden) as exc:
        record_forms.add_service_error(form, exc.field, exc.message)
        return _form_page(request, visit, form, rec, nxt)
    return RedirectResponse(f"{nxt or links.href(rec.kind, rec.id)}?saved=1", status_code=303)


def _kinds(text: str) -> frozenset[str] | None:
    every = {k.name for k in registry.KINDS}
    wanted = frozenset(k for k in text.split(",") if k in every)
    return wanted or None


_FIELD = re.compile(r"^[a-z_]{1,40}$")


@router.post("/pick")
def pick(request: Request, visit: VisitDep, posted: FormDep) -> Response:
    """Records matching what was typed in a reference field's search box (htmx fragment)."""
    field = str(posted.get("field") or "")
    if not _FIELD.match(field):
        raise Invalid("field: not a field name", field="field")
    kinds = _kinds(str(posted.get("kinds") or ""))
    text = str(posted.get("q") or "")
    found = picker.find(visit.node, visit.actor, text, kinds, visit.session.purpose)
    if not request.headers.get("hx-request"):  # no JavaScript: a whole page, not a fragment
        return render(
            request,
            "forms/pick_page.html",
            found=found,
            asked=bool(text.strip()),
            kind_name=links.kind_name,
            href=links.href,
        )
    return render(
        request,
        "forms/_pick_results.html",
        field=field,
        found=found,
        asked=bool(text.strip()),
        multiple=posted.get("multiple") == "1",
        kind_name=links.kind_name,
    )


@router.post("/pick/choose")
def choose(request: Request, visit: VisitDep, posted: FormDep) -> Response:
    """One chosen record, as the checked box the form sends (htmx fragment)."""
    field = str(posted.get("field") or "")
    if not _FIELD.match(field):
        raise Invalid("field: not a field name", field="field")
    wanted = record_id_or_404(str(posted.get("id") or ""))
    rec = records.read(
        visit.node, visit.actor, wanted, purpose=picker.purpose_of(visit.session.purpose)
    )
    return render(
        request,
        "forms/_chosen.html",
        field=field,
        c=picker.chosen(rec),
        kind_name=links.kind_name,
    )
