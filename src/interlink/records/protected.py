"""Protected fields of victims, masked wherever a record is read (issue 7).

Where a victim lives and how to reach them is masked in every view until a reader with the
right to see the victim unmasks one record, for one request, with a stated reason (audited:
``records.read(..., unmask_reason=...)``). Lists, searches and exports are always masked.
The same holds for the address, phone and handle records a contact link joins to a victim:
they are the victim's contact details kept as records of their own.
Here rather than in ``interlink.protection`` because ``records.service`` needs it and
``protection`` builds on ``records``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

from interlink.domain import model
from interlink.domain.codes import SubjectCategory
from interlink.store import protection as protection_store
from interlink.store.records import StoredRecord

# Where a victim lives and how to reach them: masked in every view, never exported or sent.
PROTECTED_PERSON_FIELDS = ("addresses", "phones", "emails")
# What a masked value reads as; a form that sends it back leaves the stored value unchanged.
MASK = "[protected]"
# The fields of a contact record (joined to a victim by a contact link) masked the same way.
PROTECTED_CONTACT_FIELDS: dict[str, tuple[str, ...]] = {
    "address": ("full", "street", "city", "postal_code", "region"),
    "phone": ("number",),
    "handle": ("value",),
}


def is_victim_record(rec: StoredRecord) -> bool:
    return rec.subject_category == SubjectCategory.VICTIM.value


def has_protected(rec: StoredRecord) -> bool:
    return is_victim_record(rec) and any(
        getattr(rec.facts, f, None) for f in PROTECTED_PERSON_FIELDS
    )


def masked(rec: StoredRecord) -> StoredRecord:
    """The record with each protected value of a victim replaced by ``MASK``."""
    if not has_protected(rec):
        return rec
    update = {
        f: [MASK] * len(getattr(rec.facts, f))
        for f in PROTECTED_PERSON_FIELDS
        if getattr(rec.facts, f, None)
    }
    return dataclasses.replace(rec, facts=rec.facts.model_copy(update=update))


def is_masked(facts: model.Facts) -> bool:
    return any(MASK in (getattr(facts, f, None) or []) for f in PROTECTED_PERSON_FIELDS)


def keep_masked(changes: dict[str, Any], stored: model.Facts) -> dict[str, Any]:
    """Changes without the protected fields a masked form sent back (the stored values stay)."""
    kept = dict(changes)
    for f in PROTECTED_PERSON_FIELDS:
        value = kept.get(f)
        if isinstance(value, list) and MASK in value:
            if any(v != MASK for v in value):
                # New values typed beside masked ones: keep the stored ones and add the new.
                kept[f] = list(getattr(stored, f, [])) + [v for v in value if v != MASK]
            else:
                del kept[f]
    return kept


def victim_access(conn: Connection, rec: StoredRecord) -> dict[str, Any]:
    """The policy's extra facts about a victim (``RecordMeta`` fields); empty for others."""
    if not is_victim_record(rec):
        return {}
    team, high = protection_store.victim_access(conn, rec.id)
    return {"case_team": team, "high_risk": high, "recorded_by": rec.provenance.recorded_by}


def take_masked_lines(values: dict[str, Any]) -> dict[str, int]:
    """Remove masked lines from a posted form's protected fields (one value a line); how many
    each had, so that ``keep_masked`` keeps the stored values they stand for."""
    taken: dict[str, int] = {}
    for f in PROTECTED_PERSON_FIELDS:
        text = values.get(f)
        if not isinstance(text, str) or MASK not in text:
            continue
        lines = text.splitlines()
        taken[f] = sum(1 for line in lines if line.strip() == MASK)
        values[f] = "\n".join(line for line in lines if line.strip() != MASK)
    return taken


def put_back_masked(changes: dict[str, Any], taken: dict[str, int]) -> dict[str, Any]:
    """Changes with the masked values ``take_masked_lines`` removed put back in front."""
    for f, count in taken.items():
        changes[f] = [MASK] * count + list(changes.get(f) or [])
    return changes


def without_masked(facts: model.Facts) -> model.Facts:
    """The facts with masked values left out (what a form may be validated against)."""
    update = {
        f: [v for v in getattr(facts, f) if v != MASK]
        for f in PROTECTED_PERSON_FIELDS
        if MASK in (getattr(facts, f, None) or [])
    }
    return facts.model_copy(update=update) if update else facts


# -- contact records joined to a victim -----------------------------------------------------


def is_contact_record(rec: StoredRecord) -> bool:
    return rec.kind in PROTECTED_CONTACT_FIELDS


def contact_victims(conn: Connection, rec: StoredRecord) -> set[str]:
    """The victims a contact record is joined to by a contact link (empty for other kinds)."""
    if not is_contact_record(rec):
        return set()
    return protection_store.victims_of_contacts(conn, [rec.id]).get(rec.id, set())


def masked_contact(rec: StoredRecord) -> StoredRecord:
    """A contact record with its protected fields replaced by ``MASK``."""
    update = {
        f: MASK for f in PROTECTED_CONTACT_FIELDS.get(rec.kind, ()) if getattr(rec.facts, f, None)
    }
    return dataclasses.replace(rec, facts=rec.facts.model_copy(update=update))


def is_masked_contact(rec: StoredRecord) -> bool:
    """Whether a contact record was read masked (a page offers to unmask it)."""
    return is_contact_record(rec) and any(
        getattr(rec.facts, f, None) == MASK for f in PROTECTED_CONTACT_FIELDS[rec.kind]
    )


def masked_in(conn: Connection, recs: Sequence[StoredRecord]) -> list[StoredRecord]:
    """The records as every reader sees them: a victim's protected fields masked, and those of
    contact records joined to a victim (one query for the lot)."""
    contacts = [r.id for r in recs if is_contact_record(r)]
    joined = protection_store.victims_of_contacts(conn, contacts) if contacts else {}
    return [masked_contact(r) if r.id in joined else masked(r) for r in recs]


def protected_field_names(rec: StoredRecord) -> list[str]:
    """The names of the fields an unmasking shows (for its audit entry: never the values)."""
    if is_contact_record(rec):
        return list(PROTECTED_CONTACT_FIELDS[rec.kind])
    return list(PROTECTED_PERSON_FIELDS)


def keep_masked_contact(changes: dict[str, Any], kind: str) -> dict[str, Any]:
    """Changes without the contact fields a masked form sent back (the stored values stay)."""
    fields = PROTECTED_CONTACT_FIELDS.get(kind, ())
    return {k: v for k, v in changes.items() if not (k in fields and v == MASK)}
