"""The searches behind the pages: the search box, and possible duplicates of a person.

A name goes to the identity engine (``interlink.identity.search``): ranked candidates with
band, match probability and the reasons (each comparison's level). A document number or a
phone goes to ``records.search``, which finds the normalized identifier exactly: the
identity engine needs a name in every query, and an identifier either is on a record or is
not, so a band would add nothing there. Both are audited by the service they call (the
purpose, the fields asked, the ids returned).

Filters the identity engine understands (nationality, a birth date) are given to it as
query fields, so that they count in the ranking; every filter is also applied to the
results afterwards (``Filters.admits``), so that a filter keeps out what does not fit it.
Only records the reader may see are ever candidates: the engine's candidate SQL carries
the access filter, and each record is checked against the policy once more here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from interlink import records
from interlink.access.policy import permits
from interlink.access.roles import Action, Actor
from interlink.domain import model, registry
from interlink.identity.search import MAX_LIMIT, Candidate, MatchQuery, search
from interlink.node import Node
from interlink.records.errors import Invalid
from interlink.records.service import meta_in
from interlink.store import records as store
from interlink.store.db import reading
from interlink.web.i18n import _

PHONE = re.compile(r"^\+?[\d\s().-]{6,}$")
COUNTRY = re.compile(r"^[A-Za-z]{2}$")
PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
REASONS_SHOWN = 3
COMPARISON_LABELS = {
    "name": "Name",
    "birth_date": "Date of birth",
    "gender": "Gender",
    "nationality": "Nationality",
    "document": "Document",
    "phone": "Phone",
    "email": "E-mail",
}


@dataclass(frozen=True)
class Reason:
    comparison: str  # translated label of the comparison
    level: str  # the level reached, e.g. "same birth date"
    weight: float  # bits: positive for, negative against

    @property
    def supports(self) -> bool:
        return self.weight > 0


@dataclass(frozen=True)
class Hit:
    id: str
    kind: str
    label: str  # personal data: shown, never logged
    owning_unit: str
    evaluation: str
    handling_code: str
    birth_date: str | None = None
    nationalities: tuple[str, ...] = ()
    role: str | None = None
    band: str | None = None
    score: float | None = None  # match probability, 0..1
    reasons: tuple[Reason, ...] = ()
    decision: str | None = None

    @property
    def percent(self) -> str:
        if self.score is None:
            return ""
        if self.score >= 0.9995:  # not "100.0 %": the model is never certain
            return "> 99.9 %"
        return f"{self.score * 100:.1f} %"

    @property
    def band_class(self) -> str:
        return (self.band or "").replace(" ", "-")


def _bounds(text: str, *, upper: bool) -> date:
    """The first (or last) day a partial date ``YYYY[-MM[-DD]]`` can mean."""
    found = PARTIAL_DATE.match(text)
    if not found:
        raise ValueError(text)
    year, month, day = found.groups()
    y = int(year)
    if month is None:
        return date(y, 12, 31) if upper else date(y, 1, 1)
    m = int(month)
    if day is None:
        if not upper:
            return date(y, m, 1)
        following = date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return date(y, m, int(day))


@dataclass(frozen=True)
class Filters:
    """The search page's filters, checked: a nationality, a role, an activity, a birth date
    range (each end a year, a month or a day)."""

    country: str | None = None
    role: str | None = None
    category: str | None = None
    born_from: str | None = None
    born_to: str | None = None

    @classmethod
    def read(cls, form: Mapping[str, object]) -> tuple[Filters, dict[str, list[str]]]:
        """The filters of a submitted form, and messages by field for those refused."""
        from interlink.domain.codes import ActivityCategory, PersonRole

        def text(name: str) -> str | None:
            value = form.get(name)
            return str(value).strip()[:40] or None if isinstance(value, str) else None

        errors: dict[str, list[str]] = {}
        country = text("country")
        if country and not COUNTRY.match(country):
            errors["country"] = [_("Give a two-letter country code, e.g. UA.")]
        role = text("role")
        if role and role not in {r.value for r in PersonRole}:
            errors["role"] = [_("Choose a role from the list.")]
        category = text("category")
        if category and category not in {c.value for c in ActivityCategory}:
            errors["category"] = [_("Choose an activity from the list.")]
        dates: dict[str, date] = {}
        for name in ("born_from", "born_to"):
            value = text(name)
            if value:
                try:
                    dates[name] = _bounds(value, upper=name == "born_to")
                except ValueError:
                    errors[name] = [_("Write the date as YYYY, YYYY-MM or YYYY-MM-DD.")]
        if len(dates) == 2 and dates["born_from"] > dates["born_to"]:
            errors["born_to"] = [_("The end of the range is before its start.")]
        found = cls(
            country=country.upper() if country else None,
            role=role,
            category=category,
            born_from=text("born_from"),
            born_to=text("born_to"),
        )
        return found, errors

    @property
    def active(self) -> bool:
        return any((self.country, self.role, self.category, self.born_from, self.born_to))

    def query_fields(self) -> dict[str, str]:
        """What the identity engine takes as query fields: the nationality, and the birth
        date the range pins down (its common year, month or day), if it pins one down."""
        fields: dict[str, str] = {}
        if self.country:
            fields["nationality"] = self.country
        if self.born_from and self.born_to:
            start = _bounds(self.born_from, upper=False)
            end = _bounds(self.born_to, upper=True)
            if start == end:
                fields["date_of_birth"] = start.isoformat()
            elif start.year == end.year:
                whole_year = start == date(start.year, 1, 1) and end == date(end.year, 12, 31)
                if whole_year:
                    fields["date_of_birth"] = str(start.year)
                elif (
                    start.month == end.month
                    and start.day == 1
                    and end == _bounds(f"{end.year}-{end.month:02d}", upper=True)
                ):
                    fields["date_of_birth"] = f"{start.year}-{start.month:02d}"
        return fields

    def admits(self, person: model.Person) -> bool:
        if self.country and self.country not in person.nationalities:
            return False
        if self.role and person.role.value != self.role:
            return False
        if self.category and self.category not in {c.value for c in person.categories}:
            return False
        if self.born_from or self.born_to:
            if not person.birth_date:  # an unknown birth date is not within any range
                return False
            try:
                earliest = _bounds(str(person.birth_date), upper=False)
                latest = _bounds(str(person.birth_date), upper=True)
            except ValueError:
                return False
            if self.born_from and latest < _bounds(self.born_from, upper=False):
                return False
            if self.born_to and earliest > _bounds(self.born_to, upper=True):
                return False
        return True


def interpret(text: str) -> records.SearchQuery:
    """One box, three meanings: a phone number, a document number, or else a name."""
    text = text.strip()
    if not text:
        raise Invalid("q: type a name, a document number or a phone number", field="q")
    if PHONE.match(text) and sum(c.isdigit() for c in text) >= 6:
        return records.SearchQuery(kind="person", phone=text)
    if not any(c.isspace() for c in text) and any(c.isdigit() for c in text):
        return records.SearchQuery(kind="person", document_number=text)
    return records.SearchQuery(kind="person", name=text, prefix=True)


def reasons_of(candidate: Candidate, shown: int = REASONS_SHOWN) -> tuple[Reason, ...]:
    """The strongest evidence for or against, missing fields left out."""
    found = []
    for item in candidate.explanation():
        if item["level"].endswith(" missing") or not item["weight"]:
            continue
        label = COMPARISON_LABELS.get(item["comparison"], item["comparison"])
        found.append(Reason(_(label), _(item["level"]), float(item["weight"])))
    return tuple(found[:shown])


def _hit(rec: store.StoredRecord, candidate: Candidate | None = None) -> Hit:
    facts = rec.facts
    person = facts if isinstance(facts, model.Person) else None
    return Hit(
        id=rec.id,
        kind=rec.kind,
        label=registry.label(facts),
        owning_unit=rec.provenance.owning_unit,
        evaluation=rec.provenance.evaluation,
        handling_code=rec.provenance.handling_code.value,
        birth_date=str(person.birth_date) if person and person.birth_date else None,
        nationalities=tuple(person.nationalities) if person else (),
        role=person.role.value if person else None,
        band=str(candidate.band) if candidate else None,
        score=candidate.probability if candidate else None,
        reasons=reasons_of(candidate) if candidate else (),
        decision=candidate.decision if candidate else None,
    )


def hits_for(
    node: Node,
    actor: Actor,
    candidates: Sequence[Candidate],
    filters: Filters | None = None,
    limit: int | None = None,
) -> list[Hit]:
    """The candidates as rows to show, in the engine's order. The records are those the
    engine returned (and audited); each is checked against the policy once more."""
    with reading(node.engine) as conn:
        stored = {r.id: r for r in store.get_many(conn, [c.record_id for c in candidates])}
        # A victim's case team and risk are part of the check (issue 7).
        metas = {rid: meta_in(conn, r) for rid, r in stored.items()}
    hits: list[Hit] = []
    for c in candidates:
        rec = stored.get(c.record_id)
        if rec is None or not permits(actor, Action.SEARCH, metas[rec.id]):
            continue
        if filters is not None and not (
            isinstance(rec.facts, model.Person) and filters.admits(rec.facts)
        ):
            continue
        hits.append(_hit(rec, c))
    return hits[:limit] if limit else hits


def find(
    node: Node,
    actor: Actor,
    text: str,
    *,
    purpose: str,
    limit: int = 50,
    filters: Filters | None = None,
) -> list[Hit]:
    """Persons the actor may see that match ``text`` and the filters; audited."""
    filters = filters or Filters()
    query = interpret(text)
    if query.name is not None:
        values = {"full_name": query.name, **filters.query_fields()}
        fetch = MAX_LIMIT if filters.active else min(limit, MAX_LIMIT)
        found = search(node, actor, MatchQuery(values), purpose=purpose, limit=fetch)
        return hits_for(node, actor, found, filters, limit)
    fetch = limit * 4 if filters.active else limit
    stored = records.search(node, actor, query, purpose=purpose, limit=fetch)
    hits = [
        _hit(r)
        for r in stored
        if not filters.active or (isinstance(r.facts, model.Person) and filters.admits(r.facts))
    ]
    return hits[:limit]


def form_query(values: Mapping[str, object]) -> dict[str, str]:
    """Identity search fields from a person form's current values (first name row with a
    name, the birth date, the first nationality, document, phone and e-mail)."""
    found: dict[str, str] = {}

    def text(name: str) -> str:
        value = values.get(name)
        return str(value).strip()[:200] if isinstance(value, str) else ""

    for i in range(20):
        if f"name-{i}-full" not in values:
            break
        full = text(f"name-{i}-full")
        given, family = text(f"name-{i}-given"), text(f"name-{i}-family")
        if full or given or family:
            if full:
                found["full_name"] = full
            if given:
                found["first_name"] = given
            if family:
                found["last_name"] = family
            break
    if text("birth_date"):
        found["date_of_birth"] = text("birth_date")
    gender = text("gender")
    if gender and gender != "unknown":
        found["gender"] = gender
    for form_field, query_field in (
        ("nationalities", "nationality"),
        ("document_numbers", "document_number"),
        ("phones", "phone"),
        ("emails", "email"),
    ):
        first = re.split(r"[\s,;]+" if form_field == "nationalities" else r"\n", text(form_field))
        if first and first[0].strip():
            found[query_field] = first[0].strip()
    return found
