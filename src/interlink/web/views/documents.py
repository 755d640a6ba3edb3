"""Travel-document pages: check an MRZ on the spot, attach one to a person, a document record.

Every page goes through ``interlink.documents``, which reads through the access policy and
writes the audit log: the check page consults the register (for roles that may) and looks
for the same number among the records the reader may see; attaching creates the document
and its holder link with the same service function as ``POST /api/persons/{id}/mrz``.
MRZs and printed-page details are sent by POST only, so that numbers and names stay out of
URLs, browser history and proxy logs.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from pydantic import ValidationError
from starlette.datastructures import FormData
from starlette.responses import RedirectResponse, Response

from interlink import documents, records
from interlink.access.policy import has_capability, permits
from interlink.access.roles import Action, Capability
from interlink.documents.countries import to_icao
from interlink.documents.mrz import Mrz, MrzFormat
from interlink.documents.review import REGISTER_NOT_PERMITTED
from interlink.domain import codes
from interlink.domain.provenance import ProvenanceIn
from interlink.domain.values import parse_partial_date
from interlink.records.errors import Forbidden, Invalid, NotFound
from interlink.store.records import StoredRecord
from interlink.web import links
from interlink.web.i18n import _
from interlink.web.routing import WebRoute
from interlink.web.templating import render
from interlink.web.visit import FormDep, Visit, VisitDep

router = APIRouter(route_class=WebRoute)

MAX_MRZ = 400  # three lines of 44 with room for spaces and line breaks
MAX_FIELD = 200
PAGE_FIELDS = (
    "surname",
    "given_names",
    "date_of_birth",
    "document_number",
    "expiry_date",
    "nationality",
)
FORMAT_NAMES = {
    MrzFormat.TD1: "TD1",
    MrzFormat.TD2: "TD2",
    MrzFormat.TD3: "TD3",
    MrzFormat.MRVA: "MRV-A",
    MrzFormat.MRVB: "MRV-B",
}
CHOICES = {
    "handling_code": [h.value for h in codes.HandlingCode if h != codes.HandlingCode.H3],
    "reliability": [r.value for r in codes.Reliability],
    "assessment": [a.value for a in codes.Assessment],
    "status": [s.value for s in codes.DocumentStatus],
}


def labels() -> dict[str, str]:
    """Names of the MRZ's fields and checks, and of the form's fields, for people."""
    return {
        "mrz": _("Machine-readable zone"),
        "format": _("Format"),
        "document_code": _("Document code"),
        "issuing_state": _("Issuing state"),
        "document_number": _("Document number"),
        "document_number_check_digit": _("Check digit of the document number"),
        "name": _("Name"),
        "surname": _("Surname"),
        "given_names": _("Given names"),
        "nationality": _("Nationality"),
        "date_of_birth": _("Date of birth"),
        "date_of_birth_check_digit": _("Check digit of the date of birth"),
        "sex": _("Sex"),
        "expiry_date": _("Date of expiry"),
        "expiry_date_check_digit": _("Check digit of the date of expiry"),
        "optional_data": _("Optional data"),
        "optional_data_check_digit": _("Check digit of the optional data"),
        "optional_data_2": _("Optional data (line 2)"),
        "composite_check_digit": _("Composite check digit"),
        "filler": _("Filler"),
        "handling_code": _("Handling code"),
        "reliability": _("Source reliability"),
        "assessment": _("Information assessment"),
        "status": _("Status of the document"),
    }


def _record_id(text: str) -> str:
    """A UUID, or the page is not found (no hint whether the record exists)."""
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise NotFound("no such record") from None


def _text(posted: FormData, name: str, limit: int = MAX_FIELD) -> str:
    value = posted.get(name)
    return value.strip()[:limit] if isinstance(value, str) else ""


def _expiry(expiry: date | None) -> str:
    if expiry is None:
        return ""
    if expiry < date.today():
        return _("%(date)s (expired)", date=expiry.isoformat())
    return expiry.isoformat()


def mrz_view(mrz: Mrz) -> dict[str, Any]:
    """What the templates show of an MRZ: format, fields, checks and suggestions in words."""
    names = labels()
    parsed = [
        ("document_code", mrz.document_code),
        ("issuing_state", mrz.issuing_state),
        ("document_number", mrz.document_number),
        ("surname", mrz.surname),
        ("given_names", mrz.given_names),
        ("nationality", mrz.nationality),
        ("date_of_birth", mrz.date_of_birth or ""),
        ("sex", mrz.sex or _("unspecified")),
        ("expiry_date", _expiry(mrz.expiry_date)),
        ("optional_data", mrz.optional_data),
    ]
    if mrz.format == MrzFormat.TD1:
        parsed.append(("optional_data_2", mrz.optional_data_2))
    suggestions = [
        _(
            "If character %(position)s of line %(line)s (%(field)s) were %(suggested)s "
            "instead of %(found)s, these checks would pass: %(fixes)s.",
            position=s.position,
            line=s.line,
            field=names.get(s.field, s.field).lower(),
            suggested=s.suggested,
            found=s.found,
            fixes=", ".join(names.get(f, f).lower() for f in s.fixes),
        )
        for s in mrz.suggestions
    ]
    return {
        "valid": mrz.valid,
        "format": FORMAT_NAMES[mrz.format],
        "lines": mrz.lines,
        "fields": [(names[k], v) for k, v in parsed],
        "checks": [(names.get(c.field, c.field), c.valid, c.reason) for c in mrz.checks],
        "failed": len(mrz.failed),
        "truncated": mrz.name_truncated,
        "suggestions": suggestions,
    }


# -- checking an MRZ ---------------------------------------------------------------------


@dataclass
class CheckForm:
    mrz: str = ""
    page: dict[str, str] = field(default_factory=lambda: dict.fromkeys(PAGE_FIELDS, ""))
    errors: dict[str, list[str]] = field(default_factory=dict)

    def add_error(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)


def _read_check_form(posted: FormData) -> tuple[CheckForm, documents.PrintedPage | None]:
    form = CheckForm(mrz=_text(posted, "mrz", MAX_MRZ))
    form.page = {name: _text(posted, name) for name in PAGE_FIELDS}
    if not form.mrz:
        form.add_error("mrz", _("Paste or scan the machine-readable zone (2 or 3 lines)."))
    values: dict[str, Any] = {k: v or None for k, v in form.page.items()}
    if values["date_of_birth"]:
        try:
            values["date_of_birth"] = parse_partial_date(values["date_of_birth"])
        except ValueError:
            form.add_error("date_of_birth", _("Write the date as YYYY-MM-DD (or YYYY-MM, YYYY)."))
    if values["expiry_date"]:
        try:
            values["expiry_date"] = date.fromisoformat(values["expiry_date"])
        except ValueError:
            form.add_error("expiry_date", _("Write the date as YYYY-MM-DD."))
    if values["nationality"]:
        try:
            to_icao(values["nationality"])
        except ValueError:
            form.add_error(
                "nationality", _("Give a state as a code (UTO, D, UKR, UA) or an English name.")
            )
    if form.errors:
        return form, None
    return form, documents.PrintedPage(**values)


def _check_page(
    request: Request,
    visit: Visit,
    form: CheckForm,
    report: documents.MrzReport | None = None,
) -> Response:
    return render(
        request,
        "documents/check.html",
        form=form,
        report=report,
        mrz=mrz_view(report.mrz) if report else None,
        labels=labels(),
        may_check_register=has_capability(visit.actor, Capability.REGISTER_CHECK),
        not_permitted=REGISTER_NOT_PERMITTED,
    )


@router.get("/documents/check")
def check_page(request: Request, visit: VisitDep) -> Response:
    return _check_page(request, visit, CheckForm())


@router.post("/documents/check")
def check(request: Request, visit: VisitDep, posted: FormDep) -> Response:
    form, page = _read_check_form(posted)
    if form.errors:
        return _check_page(request, visit, form)
    try:
        report = documents.check_mrz(
            visit.node,
            visit.actor,
            form.mrz,
            None if page is None or page.empty else page,
            purpose=visit.session.purpose,
        )
    except Invalid as exc:
        name = exc.field if exc.field in PAGE_FIELDS else "mrz"
        form.add_error(name, exc.message.removeprefix("lines: ").removeprefix(f"{name}: "))
        return _check_page(request, visit, form)
    return _check_page(request, visit, form, report)


# -- attaching an MRZ to a person --------------------------------------------------------


def _person(visit: Visit, record_id: str) -> StoredRecord:
    return records.read(
        visit.node,
        visit.actor,
        _record_id(record_id),
        kind="person",
        purpose=visit.session.purpose,
    )


def _attach_page(
    request: Request,
    person: StoredRecord,
    values: dict[str, str],
    errors: dict[str, list[str]] | None = None,
) -> Response:
    return render(
        request,
        "documents/attach.html",
        rec=person,
        person=person.facts,
        values=values,
        errors=errors or {},
        choices=CHOICES,
        labels=labels(),
    )


def _attach_defaults(person: StoredRecord) -> dict[str, str]:
    code = person.provenance.handling_code
    return {
        "mrz": "",
        "handling_code": code.value if code != codes.HandlingCode.H3 else "H2",
        "reliability": codes.Reliability.X.value,
        "assessment": codes.Assessment.CANNOT_BE_JUDGED.value,
        "status": codes.DocumentStatus.UNKNOWN.value,
    }


@router.get("/persons/{record_id}/mrz")
def attach_page(request: Request, visit: VisitDep, record_id: str) -> Response:
    person = _person(visit, record_id)
    return _attach_page(request, person, _attach_defaults(person))


@router.post("/persons/{record_id}/mrz")
def attach(request: Request, visit: VisitDep, posted: FormDep, record_id: str) -> Response:
    person = _person(visit, record_id)
    values = _attach_defaults(person)
    for name in values:
        sent = _text(posted, name, MAX_MRZ)
        if sent:
            values[name] = sent
    errors: dict[str, list[str]] = {}
    if not values["mrz"]:
        errors["mrz"] = [_("Paste or scan the machine-readable zone (2 or 3 lines).")]
    for name in ("handling_code", "reliability", "assessment", "status"):
        if values[name] not in CHOICES[name]:
            errors[name] = [_("Choose one of the options.")]
    if errors:
        return _attach_page(request, person, values, errors)
    try:
        provenance = ProvenanceIn(
            handling_code=codes.HandlingCode(values["handling_code"]),
            reliability=codes.Reliability(values["reliability"]),
            assessment=codes.Assessment(values["assessment"]),
        )
    except ValidationError:  # pragma: no cover - the choices are valid values
        return _attach_page(request, person, values, {"handling_code": [_("Not accepted.")]})
    try:
        done = documents.attach_mrz(
            visit.node,
            visit.actor,
            person.id,
            values["mrz"].splitlines(),
            provenance,
            status=codes.DocumentStatus(values["status"]),
        )
    except (Invalid, Forbidden) as exc:
        message = exc.message.removeprefix("lines: ")
        return _attach_page(request, person, values, {"mrz": [message]})
    return RedirectResponse(f"/documents/{done.document.id}?attached=1", status_code=303)


# -- a document record -------------------------------------------------------------------


@router.get("/documents/{record_id}")
def document_page(
    request: Request, visit: VisitDep, record_id: str, attached: bool = False
) -> Response:
    report = documents.document_report(
        visit.node, visit.actor, _record_id(record_id), purpose=visit.session.purpose
    )
    return render(
        request,
        "documents/document.html",
        report=report,
        rec=report.record,
        doc=report.record.facts,
        prov=report.record.provenance,
        mrz=mrz_view(report.mrz) if report.mrz else None,
        labels=labels(),
        attached=attached,
        may_edit=permits(visit.actor, Action.UPDATE, links.meta_of(report.record)),
    )
