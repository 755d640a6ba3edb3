"""Forms for every kind but persons, generated from the declared model.

Each kind's fields, widgets and choices come from ``domain.model`` (one ``FieldSpec`` per
declared field), so a field added to the model appears in its form without a template
change. Validation is the model's own and ``ProvenanceIn``'s; this module only spreads
their errors over the fields, as ``person_form`` does for persons.
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import cache
from typing import Any
from uuid import UUID

from pydantic import ValidationError
from pydantic.fields import FieldInfo
from starlette.datastructures import FormData

from interlink.domain import codes, model, registry
from interlink.domain.provenance import ProvenanceIn
from interlink.domain.values import error_message
from interlink.records.protected import MASK, PROTECTED_CONTACT_FIELDS
from interlink.store.records import StoredRecord
from interlink.web.i18n import _

MAX_FIELD = 10_000
MAX_REFS = 200
# Provenance fields: entered as ``prov-<name>`` (a link has a ``source`` of its own).
PROVENANCE_FIELDS = (
    "reliability",
    "assessment",
    "handling_code",
    "handling_text",
    "source",
    "review_date",
)
PROV = "prov-"
LONG_TEXT = frozenset({"notes", "description"})
# Kinds with a form here; persons have their own (person_form), documents are shown on
# their own page but edited here like the others.
FORM_KINDS = tuple(k.name for k in registry.KINDS if k.name != "person")
_PREFIXED = re.compile(r"^([a-z_]+): (.+)$", re.DOTALL)
_SPLIT_CODES = re.compile(r"[\s,;]+")
# Model checks whose message names no field: the field the user has to change.
_CHECK_FIELDS = {
    "an incident needs at least one victim or suspect": "victims",
    "a link needs two different records": "target",
}


@dataclass(frozen=True)
class FieldSpec:
    """How one declared field is entered.

    widget: text, partial_date, date, textarea, lines, select, checkboxes, checkbox,
    ref (one record) or refs (several records).
    """

    name: str
    widget: str
    required: bool
    choices: tuple[str, ...] = ()
    optional_choice: bool = False
    kinds: frozenset[str] | None = None  # for references: the kinds that may be chosen
    codes_list: bool = False  # a list of country codes: split on spaces too
    hint: str | None = None  # key of ``hints()``

    @property
    def is_ref(self) -> bool:
        return self.widget in ("ref", "refs")


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(the type without ``| None``, whether None is allowed)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return (args[0] if len(args) == 1 else annotation), True
    return annotation, False


def _base(annotation: Any) -> Any:
    """The Python type of an ``Annotated`` alias (PartialDate → str)."""
    return (
        typing.get_args(annotation)[0]
        if typing.get_origin(annotation) is typing.Annotated
        else annotation
    )


def _widget(kind: str, name: str, info: FieldInfo) -> FieldSpec:
    annotation, optional = _unwrap(info.annotation)
    required = info.is_required()
    text = str(info.annotation) + repr(info.metadata)
    if typing.get_origin(annotation) is list:
        inner = typing.get_args(annotation)[0]
        if inner is UUID:
            return FieldSpec(name, "refs", required, kinds=_ref_kinds(kind, name))
        if isinstance(inner, type) and issubclass(inner, Enum):
            return FieldSpec(name, "checkboxes", required, choices=tuple(e.value for e in inner))
        if "ISO 3166" in text:
            return FieldSpec(name, "lines", required, codes_list=True, hint="codes")
        return FieldSpec(name, "lines", required, hint="phones" if name == "phones" else "lines")
    base = _base(annotation)
    if base is UUID:
        return FieldSpec(name, "ref", required, kinds=_ref_kinds(kind, name))
    if isinstance(base, type) and issubclass(base, Enum):
        choices = tuple(e.value for e in base)
        return FieldSpec(name, "select", required, choices=choices, optional_choice=optional)
    if base is bool:
        return FieldSpec(name, "checkbox", False)
    if base is date:
        return FieldSpec(name, "date", required)
    if "parse_partial_date" in text:
        return FieldSpec(name, "partial_date", required, hint="partial_date")
    if name in LONG_TEXT:
        return FieldSpec(name, "textarea", required)
    return FieldSpec(name, "text", required, hint="country" if "ISO 3166" in text else None)


def _ref_kinds(kind: str, name: str) -> frozenset[str] | None:
    if kind == "link":
        ends = model.LINK_ENDS.values()
        index = 0 if name == "source" else 1
        return frozenset().union(*(e[index] for e in ends))
    return model.REFERENCE_KINDS.get((kind, name))


@cache
def specs(kind: str) -> tuple[FieldSpec, ...]:
    """The fields of a kind's form, in the model's order."""
    facts = registry.BY_NAME[kind].facts
    return tuple(_widget(kind, n, f) for n, f in facts.model_fields.items())


def link_specs(link_kind: str | None) -> tuple[FieldSpec, ...]:
    """A link's fields: with its kind known, only the fitting ends and roles are offered."""
    found = specs("link")
    if link_kind not in {k.value for k in codes.LinkKind}:
        return found
    lk = codes.LinkKind(link_kind)
    sources, targets = model.LINK_ENDS[lk]
    roles = tuple(r.value for r in codes.LinkRole if r in model.ROLES_BY_LINK[lk])
    out = []
    for s in found:
        if s.name == "source":
            s = FieldSpec(s.name, s.widget, s.required, kinds=sources)
        elif s.name == "target":
            s = FieldSpec(s.name, s.widget, s.required, kinds=targets)
        elif s.name == "role":
            s = FieldSpec(s.name, s.widget, s.required, choices=roles)
        out.append(s)
    return tuple(out)


def specs_for(kind: str, values: dict[str, Any] | None = None) -> tuple[FieldSpec, ...]:
    if kind == "link":
        return link_specs(str((values or {}).get("link_kind") or "") or None)
    return specs(kind)


def labels() -> dict[str, str]:
    """Every field's label (also names the field in the error summary)."""
    return {
        "names": _("Names"),
        "organization_kind": _("Kind of organization"),
        "country": _("Country"),
        "registration_number": _("Registration number"),
        "categories": _("Activities"),
        "phones": _("Phone numbers"),
        "emails": _("E-mail addresses"),
        "addresses": _("Addresses"),
        "notes": _("Notes"),
        "document_kind": _("Kind of document"),
        "issuing_country": _("Issuing country"),
        "number": _("Number"),
        "holder_family_name": _("Holder's family name"),
        "holder_given_names": _("Holder's given names"),
        "holder_birth_date": _("Holder's date of birth"),
        "holder_nationality": _("Holder's nationality"),
        "holder_gender": _("Holder's gender"),
        "issue_date": _("Date of issue"),
        "expiry_date": _("Date of expiry"),
        "status": _("Status"),
        "full": _("Full address"),
        "street": _("Street"),
        "city": _("City"),
        "postal_code": _("Postal code"),
        "region": _("Region"),
        "phone_kind": _("Kind of phone"),
        "handle_kind": _("Kind of handle"),
        "value": _("Address or handle"),
        "platform": _("Platform"),
        "spouses": _("Spouses"),
        "date": _("Date"),
        "place": _("Place"),
        "officiant": _("Officiant"),
        "registrar": _("Registrar"),
        "witnesses": _("Witnesses"),
        "intermediary": _("Intermediary (e.g. a marriage agency)"),
        "person": _("Person"),
        "crossing_point": _("Crossing point"),
        "direction": _("Direction"),
        "outcome": _("Outcome"),
        "document": _("Document used"),
        "document_number": _("Document number used"),
        "victims": _("Victims"),
        "suspects": _("Suspects"),
        "organizations": _("Organizations"),
        "start": _("Start"),
        "end": _("End"),
        "forms": _("Forms of exploitation"),
        "description": _("Description"),
        "reference": _("Reference"),
        "title": _("Title"),
        "priority": _("Priority"),
        "child_involved": _("A child is involved"),
        "records": _("Records of the case"),
        "link_kind": _("Kind of link"),
        "source": _("From"),
        "target": _("To"),
        "role": _("Role"),
        PROV + "reliability": _("Source reliability"),
        PROV + "assessment": _("Information assessment"),
        PROV + "handling_code": _("Handling code"),
        PROV + "handling_text": _("Restrictions in words"),
        PROV + "source": _("Source"),
        PROV + "review_date": _("Review date"),
    }


def hints() -> dict[str, str]:
    """Hints by widget (and for a few fields)."""
    return {
        "partial_date": _("YYYY, YYYY-MM or YYYY-MM-DD"),
        "lines": _("One per line"),
        "codes": _("Two-letter codes separated by spaces, e.g. UA MD"),
        "country": _("Two-letter code, e.g. UA"),
        "phones": _("One per line; with + and the country code, or in this country's format"),
    }


def title_new(kind: str) -> str:
    return {
        "organization": _("New organization"),
        "document": _("New travel or identity document"),
        "address": _("New address"),
        "phone": _("New phone"),
        "handle": _("New e-mail address or online handle"),
        "marriage": _("New marriage"),
        "crossing": _("New border crossing"),
        "incident": _("New exploitation incident"),
        "case": _("New case"),
        "link": _("New link"),
    }.get(kind, _("New record"))


@dataclass
class Chosen:
    """A record chosen for a reference field, shown by its label (personal data)."""

    id: str
    kind: str
    label: str


@dataclass
class RecordForm:
    """What the form shows: values as typed, chosen references and messages by field."""

    kind: str
    values: dict[str, Any] = field(default_factory=dict)
    prov: dict[str, str] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    version: int | None = None
    chosen: dict[str, list[Chosen]] = field(default_factory=dict)

    def add_error(self, name: str, message: str) -> None:
        self.errors.setdefault(name or "form", []).append(message)

    @property
    def specs(self) -> tuple[FieldSpec, ...]:
        return specs_for(self.kind, self.values)

    def ref_ids(self) -> list[str]:
        """Every id the reference fields hold (to be shown by their labels)."""
        found: list[str] = []
        for s in self.specs:
            if s.is_ref:
                found += list(self.values.get(s.name) or [])
        return list(dict.fromkeys(found))


def _default(spec: FieldSpec, info: FieldInfo) -> Any:
    if spec.is_ref or spec.widget == "checkboxes":
        return []
    if spec.widget == "checkbox":
        return False
    default = info.default
    if isinstance(default, Enum):
        return default.value
    return "" if default is None or not isinstance(default, str) else default


def blank(kind: str, preset: dict[str, list[str]] | None = None) -> RecordForm:
    """An empty form; ``preset`` fills fields from the page that opened it (e.g. the
    person a new link starts from), by field name, as posted values would."""
    facts = registry.BY_NAME[kind].facts
    values: dict[str, Any] = {}
    for s in specs(kind):
        values[s.name] = _default(s, facts.model_fields[s.name])
    prov = dict.fromkeys(PROVENANCE_FIELDS, "")
    prov |= {"reliability": "X", "assessment": "4", "handling_code": "H0"}
    form = RecordForm(kind, values, prov)
    for name, given in (preset or {}).items():
        spec = next((s for s in specs(kind) if s.name == name), None)
        if spec is None or not given:
            continue
        form.values[name] = _posted_value(spec, given)
    if kind == "link":
        allowed = next(s for s in form.specs if s.name == "role").choices
        if form.values["role"] not in allowed:
            form.values["role"] = allowed[0]
    return form


def _posted_value(spec: FieldSpec, given: list[str]) -> Any:
    clean = [str(g).strip()[:MAX_FIELD] for g in given]
    if spec.is_ref:
        parsed = [_uuid_text(g) for g in clean]
        ids = list(dict.fromkeys(i for i in parsed if i))[:MAX_REFS]
        return ids[:1] if spec.widget == "ref" else ids
    if spec.widget == "checkboxes":
        return [c for c in clean if c]
    if spec.widget == "checkbox":
        return any(c for c in clean)
    return clean[0] if clean else ""


def _uuid_text(text: str) -> str | None:
    try:
        return str(UUID(text))
    except ValueError:
        return None


def read_form(kind: str, posted: FormData) -> RecordForm:
    """The posted values, kept as typed so that a refused form comes back unchanged."""
    form = blank(kind)
    if kind == "link":  # the link's kind decides which roles and ends the form offers
        form.values["link_kind"] = str(posted.get("link_kind") or "")[:40]
    for s in form.specs:
        form.values[s.name] = _posted_value(s, [str(v) for v in posted.getlist(s.name)])
    for name in PROVENANCE_FIELDS:
        value = posted.get(PROV + name)
        form.prov[name] = str(value).strip()[:MAX_FIELD] if isinstance(value, str) else ""
    version = str(posted.get("version") or "")
    form.version = int(version) if version.isdigit() else None
    return form


def from_record(rec: StoredRecord) -> RecordForm:
    """The form filled from a stored record."""
    form = blank(rec.kind)
    data = rec.facts.model_dump(mode="json")
    for s in specs_for(rec.kind, data):
        value = data.get(s.name)
        if s.is_ref:
            value = (
                []
                if value is None
                else [str(v) for v in (value if isinstance(value, list) else [value])]
            )
        elif s.widget == "lines":
            value = ("\n" if not s.codes_list else " ").join(str(v) for v in value or [])
        elif s.widget in ("checkboxes", "checkbox"):
            pass
        else:
            value = "" if value is None else str(value)
        form.values[s.name] = value
    prov = rec.provenance
    form.prov.update(
        reliability=prov.reliability.value,
        assessment=prov.assessment.value,
        handling_code=prov.handling_code.value,
        handling_text=prov.handling_text or "",
        source=prov.source or "",
        review_date=prov.review_date.isoformat(),
    )
    form.version = rec.version
    return form


def facts_data(form: RecordForm) -> dict[str, Any]:
    """The form's facts as model input; empty optional fields as None, empty lists as []."""
    data: dict[str, Any] = {}
    for s in form.specs:
        value = form.values.get(s.name)
        if s.widget == "refs" or s.widget == "checkboxes":
            data[s.name] = list(value or [])
        elif s.widget == "ref":
            data[s.name] = value[0] if value else None
        elif s.widget == "checkbox":
            data[s.name] = bool(value)
        elif s.widget == "lines":
            text = str(value or "")
            parts = _SPLIT_CODES.split(text) if s.codes_list else text.splitlines()
            data[s.name] = [p.strip() for p in parts if p.strip()]
        elif s.widget == "select" and not value and not s.optional_choice and not s.required:
            continue  # the model's default
        elif s.required and not value:
            continue  # missing: "Required." beside the field
        else:
            data[s.name] = value or None
    return data


def provenance_data(form: RecordForm) -> dict[str, Any]:
    """Provenance as model input; an empty review date keeps the stored (or default) one."""
    v = form.prov
    data: dict[str, Any] = {n: v.get(n) or None for n in ("handling_text", "source")}
    for name in ("reliability", "assessment", "handling_code", "review_date"):
        if v.get(name):  # empty: the stored value, or the default of a new record
            data[name] = v[name]
    return data


def field_for(
    form: RecordForm, loc: tuple[Any, ...] | list[Any], message: str, *, provenance: bool = False
) -> tuple[str, str]:
    """The form field a model error is about, and its message without a field prefix.

    ``loc`` is pydantic's (``("spouses", 1)``) or the service's dotted path split
    (``["provenance", "review_date"]``); model checks name their field in the message.
    """
    parts = [str(p) for p in loc if not isinstance(p, int)]
    if parts and parts[0] == "provenance":
        provenance, parts = True, parts[1:]
    names = set(PROVENANCE_FIELDS) if provenance else {s.name for s in form.specs}
    prefix = PROV if provenance else ""
    prefixed = _PREFIXED.match(message)
    if prefixed and prefixed.group(1) in names:
        return prefix + prefixed.group(1), prefixed.group(2)
    if parts and parts[0] in names:
        return prefix + parts[0], message
    first = message.split(" ", 1)[0]
    if first in names:
        return prefix + first, message
    for start, name in _CHECK_FIELDS.items():
        if message.startswith(start) and name in names:
            return name, message
    return "form", message


def add_validation_errors(
    form: RecordForm,
    exc: ValidationError,
    *,
    provenance: bool,
    masked: frozenset[str] = frozenset(),
) -> bool:
    """Put the model's errors beside their fields; False when there was none to put (all
    were about ``masked`` fields, whose stored values the service keeps)."""
    put = False
    for err in exc.errors():
        if not provenance and err["loc"] and err["loc"][0] in masked:
            continue
        put = True
        message = error_message(err)
        if err["type"] == "missing":
            message = _("Required.")
        elif err["type"] == "too_short":
            message = _("Give at least %(n)s.", n=(err.get("ctx") or {}).get("min_length", 1))
        target, text = field_for(form, tuple(err["loc"]), message, provenance=provenance)
        form.add_error(target, text)
    return put


def add_service_error(form: RecordForm, field_path: str | None, message: str) -> None:
    """An error from the records service (``Invalid.field`` is a dotted path)."""
    loc = field_path.split(".") if field_path else []
    target, text = field_for(form, loc, message)
    if text.startswith("no record "):  # the id of a record the user may not see: not shown
        text = _("refers to a record that you may not see or that no longer exists")
    form.add_error(target, text)


def validate(
    form: RecordForm, phone_region: str | None
) -> tuple[model.Facts | None, ProvenanceIn | None, dict[str, Any]]:
    """Check the form against the model; errors land on the form's fields. A victim's
    contact value sent back as ``[protected]`` (the form showed it masked) is not checked:
    the records service keeps the stored value."""
    data = facts_data(form)
    facts_type = registry.BY_NAME[form.kind].facts
    masked = frozenset(
        f for f in PROTECTED_CONTACT_FIELDS.get(form.kind, ()) if data.get(f) == MASK
    )
    facts = provenance = None
    try:
        facts = facts_type.model_validate(data, context={"phone_region": phone_region})
    except ValidationError as exc:
        if not add_validation_errors(form, exc, provenance=False, masked=masked):
            facts = facts_type.model_construct(**data)  # valid but for the kept values
    try:
        provenance = ProvenanceIn.model_validate(provenance_data(form))
    except ValidationError as exc:
        add_validation_errors(form, exc, provenance=True)
    return facts, provenance, data
