"""What may leave the node about a victim: the one check every export and message passes.

A victim is never reported or sent as a suspect, and where a victim lives and how to reach
them (the protected fields) never leave the node at all.
"""

from __future__ import annotations

from typing import Any

from interlink.domain import model
from interlink.domain.codes import VICTIM_ROLES
from interlink.records.errors import Forbidden
from interlink.records.protected import PROTECTED_PERSON_FIELDS

__all__ = ["PROTECTED_PERSON_FIELDS", "is_victim", "outgoing_facts"]


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
