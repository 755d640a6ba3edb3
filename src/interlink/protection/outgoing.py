"""What may leave the node about a victim: the one check every export and message passes.

A victim is never reported or sent as a suspect, and where a victim lives and how to reach
them (the protected fields) never leave the node at all — nor the address, phone and handle
records a contact link joins to a victim (``refuse_victim_contacts``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection

from interlink.domain import model
from interlink.domain.codes import VICTIM_ROLES
from interlink.records.errors import Forbidden
from interlink.records.protected import PROTECTED_PERSON_FIELDS, is_contact_record
from interlink.store import protection as protection_store
from interlink.store.records import StoredRecord

__all__ = ["PROTECTED_PERSON_FIELDS", "is_victim", "outgoing_facts", "refuse_victim_contacts"]


def is_victim(facts: model.Facts) -> bool:
    return isinstance(facts, model.Person) and facts.role in VICTIM_ROLES


def outgoing_facts(record_id: str, facts: model.Facts, *, as_suspect: bool) -> dict[str, Any]:
    """The facts as they may leave the node; refuses a victim sent or reported as a suspect.

    ``as_suspect`` is true for reports to the Secretariat's database of suspects and for any
    message that presents the record as a suspect's.
    """
    if is_victim(facts):
        if as_suspect:
            raise Forbidden(
                f"record {record_id} is a victim: a victim is never reported or sent as a suspect"
            )
        data = facts.model_dump(mode="json", exclude=set(PROTECTED_PERSON_FIELDS))
        return data
    return facts.model_dump(mode="json")


def refuse_victim_contacts(conn: Connection, recs: Iterable[StoredRecord]) -> None:
    """Refuses, naming them, any address, phone or handle record a contact link joins to a
    victim: a victim's contact details never leave the node, whatever record holds them."""
    contacts = [r.id for r in recs if is_contact_record(r)]
    joined = protection_store.victims_of_contacts(conn, contacts) if contacts else {}
    if joined:
        ids = ", ".join(sorted(joined)[:5])
        raise Forbidden(
            f"record(s) {ids} are a victim's contact details: they never leave the node"
        )
