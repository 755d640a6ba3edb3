"""The person form: between posted fields and the declared model, errors back to fields.

Validation is the model's own (``domain.model.Person`` and ``ProvenanceIn``); this module
only spreads its errors over the form's fields, so that each message sits beside the field
it is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from starlette.datastructures import FormData

from interlink.domain import codes, model
from interlink.domain.provenance import ProvenanceIn
from interlink.domain.values import error_message
from interlink.store.records import StoredRecord
from interlink.web.i18n import _

NAME_PARTS = ("full", "given", "middle", "family")
NAME_ROWS_NEW = 3
NAME_ROWS_MAX = 20
MAX_FIELD = 10_000
LIST_FIELDS = ("document_numbers", "phones", "emails", "addresses", "distinguishing_marks")
TEXT_FIELDS = ("birth_date", "birth_place", "birth_country", "notes")
PROVENANCE_FIELDS = ("reliability", "assessment", "handling_code", "handling_text", "source")
_PREFIXED = re.compile(r"^([a-z_]+): (.+)$", re.DOTALL)


@dataclass
class PersonForm:
    """What the form shows: values as typed, and messages by field name."""

    values: dict[str, Any] = field(default_factory=dict)
    names: list[dict[str, str]] = field(default_factory=list)
    errors: dict[str, list[str]] = field(default_factory=dict)
    version: int | None = None

    def add_error(self, name: str, message: str) -> None:
        self.errors.setdefault(name or "form", []).append(message)

    @property
    def ok(self) -> bool:
        return not self.errors


def labels(name_rows: int) -> dict[str, str]:
    """Field labels for the error summary, which names the field of each message."""
    found = {
        "gender": _("Gender"),
        "role": _("Role"),
        "birth_date": _("Date of birth"),
        "birth_place": _("Place of birth"),
        "birth_country": _("Country of birth"),
        "nationalities": _("Nationalities"),
        "categories": _("Activities"),
        "distinguishing_marks": _("Distinguishing marks"),
        "document_numbers": _("Document numbers"),
        "phones": _("Phone numbers"),
        "emails": _("E-mail addresses"),
        "addresses": _("Addresses"),
        "notes": _("Notes"),
        "reliability": _("Source reliability"),
        "assessment": _("Information assessment"),
        "handling_code": _("Handling code"),
        "handling_text": _("Restrictions in words"),
        "source": _("Source"),
        "review_date": _("Review date"),
    }
    parts = {
        "full": _("full name"),
        "given": _("given name"),
        "middle": _("middle name"),
        "family": _("family name"),
        "kind": _("kind of name"),
    }
    for i in range(name_rows):
        for part, text in parts.items():
            found[f"name-{i}-{part}"] = _("Name %(n)s, %(part)s", n=i + 1, part=text)
    return found


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return str(value).strip()[:MAX_FIELD] if isinstance(value, str) else ""


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def blank(name_rows: int = NAME_ROWS_NEW) -> PersonForm:
    values: dict[str, Any] = dict.fromkeys(
        (*TEXT_FIELDS, *LIST_FIELDS, *PROVENANCE_FIELDS, "nationalities", "review_date"), ""
    )
    values |= {
        "gender": codes.Gender.UNKNOWN.value,
        "role": codes.PersonRole.SUSPECT.value,
        "categories": [],
        "reliability": "X",
        "assessment": "4",
        "handling_code": "H0",
    }
    names = [
        {**dict.fromkeys(NAME_PARTS, ""), "kind": codes.NameKind.BIRTH.value}
        for _ in range(name_rows)
    ]
    return PersonForm(values=values, names=names)


def from_record(rec: StoredRecord) -> PersonForm:
    """The form filled from a stored person, with one empty name row to add a name."""
    facts = rec.facts
    assert isinstance(facts, model.Person)
    prov = rec.provenance
    form = blank(0)
    form.names = [
        {
            **{p: getattr(n, p) or "" for p in NAME_PARTS},
            "kind": n.kind.value,
        }
        for n in facts.names
    ] + blank(1).names
    form.values.update(
        gender=facts.gender.value,
        role=facts.role.value,
        categories=[c.value for c in facts.categories],
        birth_date=facts.birth_date or "",
        birth_place=facts.birth_place or "",
        birth_country=facts.birth_country or "",
        nationalities=" ".join(facts.nationalities),
        notes=facts.notes or "",
        reliability=prov.reliability.value,
        assessment=prov.assessment.value,
        handling_code=prov.handling_code.value,
        handling_text=prov.handling_text or "",
        source=prov.source or "",
        review_date=prov.review_date.isoformat(),
    )
    for name in LIST_FIELDS:
        form.values[name] = "\n".join(getattr(facts, name))
    form.version = rec.version
    return form


def read_form(posted: FormData) -> PersonForm:
    """The posted values, kept as typed so that a refused form comes back unchanged."""
    form = blank(0)
    for i in range(NAME_ROWS_MAX):
        if f"name-{i}-full" not in posted:
            break
        row = {p: _text(posted, f"name-{i}-{p}") for p in (*NAME_PARTS, "kind")}
        form.names.append(row)
    for name in (*TEXT_FIELDS, *LIST_FIELDS, *PROVENANCE_FIELDS, "gender", "role"):
        form.values[name] = _text(posted, name)
    form.values["nationalities"] = _text(posted, "nationalities")
    form.values["review_date"] = _text(posted, "review_date")
    form.values["categories"] = [str(c) for c in posted.getlist("categories")]
    version = _text(posted, "version")
    form.version = int(version) if version.isdigit() else None
    return form


def _name_rows(form: PersonForm) -> tuple[list[dict[str, str]], list[int]]:
    """The non-empty name rows as model input, and the form row each came from."""
    names, rows = [], []
    for i, row in enumerate(form.names):
        if any(row.get(p) for p in NAME_PARTS):
            name = {p: row[p] for p in NAME_PARTS if row.get(p)}
            name["kind"] = row.get("kind") or codes.NameKind.BIRTH.value
            names.append(name)
            rows.append(i)
    return names, rows


def facts_data(form: PersonForm) -> tuple[dict[str, Any], list[int]]:
    """The fields this form sets, as model input (cleared fields as None or empty lists)."""
    v = form.values
    names, rows = _name_rows(form)
    data: dict[str, Any] = {
        "names": names,
        "gender": v["gender"] or codes.Gender.UNKNOWN.value,
        "role": v["role"] or codes.PersonRole.SUSPECT.value,
        "categories": v["categories"],
        "nationalities": [c for c in re.split(r"[\s,;]+", v["nationalities"]) if c],
    }
    for name in TEXT_FIELDS:
        data[name] = v[name] or None
    for name in LIST_FIELDS:
        data[name] = _lines(v[name])
    return data, rows


def provenance_data(form: PersonForm) -> dict[str, Any]:
    """Provenance as model input; an empty review date keeps the stored (or default) one."""
    v = form.values
    data: dict[str, Any] = {name: v[name] or None for name in PROVENANCE_FIELDS}
    if v["review_date"]:
        data["review_date"] = v["review_date"]
    return data


def field_for(loc: tuple[Any, ...] | list[Any], name_rows: list[int]) -> str:
    """The form field a model error is about (``names.0.full`` → ``name-0-full``)."""
    if not loc:
        return "form"
    head = str(loc[0])
    if head == "provenance":
        return field_for(loc[1:], name_rows)
    if head == "names":
        if len(loc) > 1 and isinstance(loc[1], int) and loc[1] < len(name_rows):
            part = str(loc[2]) if len(loc) > 2 and loc[2] in NAME_PARTS else "full"
            return f"name-{name_rows[loc[1]]}-{part}"
        return "name-0-full"
    return head


def add_validation_errors(form: PersonForm, exc: ValidationError, name_rows: list[int]) -> None:
    for err in exc.errors():
        message = error_message(err)
        if tuple(err["loc"]) == ("names",) and err["type"] == "too_short":
            message = _("Give at least one name.")
        target = field_for(tuple(err["loc"]), name_rows)
        prefixed = _PREFIXED.match(message)
        if target == "form" and prefixed:  # model checks name their field in the message
            target, message = prefixed.group(1), prefixed.group(2)
        form.add_error(target, message)


def add_service_error(
    form: PersonForm, field_path: str | None, message: str, name_rows: list[int]
) -> None:
    """An error from the records service (``Invalid.field`` is a dotted path)."""
    if not field_path:
        form.add_error("form", message)
        return
    loc = [int(p) if p.isdigit() else p for p in field_path.split(".")]
    prefixed = _PREFIXED.match(message)
    form.add_error(field_for(loc, name_rows), prefixed.group(2) if prefixed else message)


def validate(
    form: PersonForm, stored: dict[str, Any] | None, phone_region: str | None
) -> tuple[model.Person | None, ProvenanceIn | None, dict[str, Any], list[int]]:
    """Check the form against the model; errors land on the form's fields."""
    data, rows = facts_data(form)
    full = {**(stored or {}), **data}
    person = provenance = None
    try:
        person = model.Person.model_validate(full, context={"phone_region": phone_region})
    except ValidationError as exc:
        add_validation_errors(form, exc, rows)
    try:
        provenance = ProvenanceIn.model_validate(provenance_data(form))
    except ValidationError as exc:
        add_validation_errors(form, exc, rows)
    return person, provenance, data, rows
