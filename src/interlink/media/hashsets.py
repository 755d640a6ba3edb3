"""Hash sets: import (VICS JSON or CSV), list, withdraw. Hashes and counts only.

A set is known by its name (default: the file's name without extension). Importing a name
that exists replaces the set's content, which is how an updated list from its source is
taken in; a withdrawn set stays listed but no longer matches. An import is all or nothing:
one bad entry and nothing changes. Series named in a set get a series record if they have
none, with the victim marked identified when the set says so.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from interlink.access import audit
from interlink.access.policy import has_capability
from interlink.access.roles import Actor, Capability
from interlink.media.parse import Entry, EntryError, parse_file
from interlink.node import Node
from interlink.records.errors import Conflict, Forbidden, Invalid, NotFound
from interlink.store import media as store
from interlink.store.db import reading, transaction
from interlink.transfer.importer import file_sha256

RECORD_KIND = "media_hash_set"
MAX_NAME = 200


@dataclass
class ImportReport:
    name: str
    format: str = ""
    entries: int = 0
    rejected: int = 0
    errors: list[EntryError] = field(default_factory=list)
    replaced: bool = False
    written: bool = False
    set_id: str = ""


def require(actor: Actor, capability: Capability, what: str) -> None:
    if not has_capability(actor, capability):
        raise Forbidden(f"your role may not {what}")


def _name(path: Path, name: str | None) -> str:
    chosen = (name if name is not None else path.stem).strip()
    if not chosen or len(chosen) > MAX_NAME or any(ord(c) < 32 for c in chosen):
        raise Invalid(f"name: give a set name of 1 to {MAX_NAME} characters", field="name")
    return chosen


def entry_row(entry: Entry) -> dict[str, Any]:
    return {
        "md5": entry.md5,
        "sha1": entry.sha1,
        "sha256": entry.sha256,
        "pdq": entry.pdq,
        "series": entry.series,
        "category": entry.category,
        "scale": entry.scale,
        "victim_identified": entry.victim_identified,
        "offender_identified": entry.offender_identified,
        "distributed": entry.distributed,
    }


def note_series(conn: Any, entries: Iterable[Entry], source: str, by: str, now: datetime) -> int:
    """Series records for the series a set names; returns how many were new."""
    identified: dict[str, bool] = {}
    for entry in entries:
        if entry.series:
            identified[entry.series] = identified.get(entry.series, False) or bool(
                entry.victim_identified
            )
    created = 0
    for name, known in identified.items():
        existing = store.get_series(conn, name)
        if existing is None:
            created += 1
            store.put_series(
                conn,
                {
                    "name": name,
                    "victim_identified": known,
                    "identified_by": source if known else None,
                    "updated_at": now,
                    "updated_by": by,
                },
            )
        elif known and not existing.victim_identified:
            store.put_series(
                conn,
                {
                    "name": name,
                    "victim_identified": True,
                    "identified_by": source,
                    "updated_at": now,
                    "updated_by": by,
                },
            )
    return created


def import_set(
    node: Node,
    actor: Actor,
    path: Path,
    *,
    name: str | None = None,
    source: str | None = None,
    baseline: bool = False,
    dated: date | None = None,
) -> ImportReport:
    """Import a hash list; raises FileFormatError when the file itself cannot be read."""
    require(actor, Capability.MEDIA_HASHSETS, "import hash sets")
    set_name = _name(path, name)
    parsed = parse_file(path)
    report = ImportReport(set_name, parsed.format, len(parsed.entries), parsed.rejected)
    report.errors = parsed.errors
    digest = file_sha256(path)
    now = datetime.now(UTC)
    with transaction(node.engine) as conn:
        if parsed.rejected or not parsed.entries:
            audit.write(
                conn,
                node.audit_key,
                actor,
                "media_hashset_import",
                record_kind=RECORD_KIND,
                outcome="refused",
                details={"file_sha256": digest, "rejected": parsed.rejected},
            )
            return report
        existing = store.get_set(conn, name=set_name)
        if existing is not None and existing.origin_node:
            raise Conflict(
                f"name: '{set_name}' is the set received from {existing.origin_node}; "
                "choose another name",
                field="name",
            )
        report.set_id = existing.id if existing else str(uuid.uuid4())
        report.replaced = existing is not None
        store.replace_set(
            conn,
            {
                "id": report.set_id,
                "name": set_name,
                "source": (source or path.name)[:500],
                "format": parsed.format,
                "dated": dated or parsed.dated or now.date(),
                "baseline": baseline,
                "status": store.ACTIVE,
                "origin_node": None,
                "entries": len(parsed.entries),
                "file_sha256": digest,
                "imported_at": now,
                "imported_by": actor.username,
                "withdrawn_at": None,
            },
            (entry_row(e) for e in parsed.entries),
        )
        new_series = note_series(conn, parsed.entries, source or path.name, actor.username, now)
        audit.write(
            conn,
            node.audit_key,
            actor,
            "media_hashset_import",
            record_kind=RECORD_KIND,
            record_id=report.set_id,
            details={
                "file_sha256": digest,
                "entries": len(parsed.entries),
                "replaced": report.replaced,
                "new_series": new_series,
            },
        )
        report.written = True
    return report


def list_sets(node: Node, actor: Actor) -> list[store.HashSet]:
    require(actor, Capability.MEDIA_VIEW, "see hash sets")
    with reading(node.engine) as conn:
        return store.list_sets(conn)


def get_set(node: Node, actor: Actor, name_or_id: str) -> store.HashSet:
    require(actor, Capability.MEDIA_VIEW, "see hash sets")
    with reading(node.engine) as conn:
        found = store.get_set(conn, name=name_or_id) or store.get_set(conn, set_id=name_or_id)
    if found is None:
        raise NotFound(f"no hash set '{name_or_id}'")
    return found


def withdraw(node: Node, actor: Actor, name: str) -> store.HashSet:
    """Stop a set matching (its source withdrew it); it stays listed, marked withdrawn."""
    require(actor, Capability.MEDIA_HASHSETS, "withdraw hash sets")
    with transaction(node.engine) as conn:
        found = store.get_set(conn, name=name)
        if found is None:
            raise NotFound(f"no hash set '{name}'")
        if found.status != store.WITHDRAWN:
            store.withdraw_set(conn, found.id, datetime.now(UTC))
        audit.write(
            conn,
            node.audit_key,
            actor,
            "media_hashset_withdraw",
            record_kind=RECORD_KIND,
            record_id=found.id,
            details={"entries": found.entries},
        )
        result = store.get_set(conn, set_id=found.id)
    assert result is not None
    return result
