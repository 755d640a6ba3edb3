"""The records an indicator counts, read once per kind for all the indicators of a report."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import cached_property
from typing import Any

from sqlalchemy import Connection

from interlink.store import reporting as store
from interlink.store.reporting import CountedRecord


def first_day(text: str | None) -> date | None:
    """The first day of a partial date (``2024`` → 2024-01-01); None when absent or bad."""
    if not text:
        return None
    parts = text.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
        return date(year, month, day)
    except (ValueError, IndexError):
        return None


def last_day(text: str | None) -> date | None:
    """The last day a partial date can mean (``2024`` → 2024-12-31)."""
    start = first_day(text)
    if start is None or text is None:
        return None
    parts = text.split("-")
    if len(parts) == 1:
        return date(start.year, 12, 31)
    if len(parts) == 2:
        following = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return start


# The facts the indicators read, by kind: only these are taken out of the stored JSON (a
# new indicator reading another fact adds it here; a kind not listed is read whole).
FIELDS: dict[str, tuple[str, ...]] = {
    "person": ("role", "categories", "gender", "birth_date", "birth_country", "nationalities"),
    "incident": ("victims", "forms", "start", "country"),
    "crossing": ("person", "country", "date", "outcome", "direction"),
    "link": ("link_kind", "source", "role"),
    "marriage": ("status", "country", "date"),
    "document": ("status", "document_kind"),
    "case": ("status", "priority", "child_involved", "categories"),
}


class Snapshot:
    """Records by kind, read on first use within one reading transaction."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._kinds: dict[str, list[CountedRecord]] = {}
        self._tables: dict[tuple[str, ...], list[dict[str, Any]]] = {}

    def records(self, kind: str) -> list[CountedRecord]:
        if kind not in self._kinds:
            self._kinds[kind] = list(store.records_of(self._conn, kind, FIELDS.get(kind)))
        return self._kinds[kind]

    def rows(self, table: str, *columns: str) -> list[dict[str, Any]]:
        """Coded columns of another area's table (empty when that area is not installed)."""
        key = (table, *columns)
        if key not in self._tables:
            self._tables[key] = store.table_rows(self._conn, table, columns)
        return self._tables[key]

    @cached_property
    def persons(self) -> dict[str, CountedRecord]:
        return {r.id: r for r in self.records("person")}

    @cached_property
    def incidents_of_victim(self) -> dict[str, list[CountedRecord]]:
        found: dict[str, list[CountedRecord]] = defaultdict(list)
        for incident in self.records("incident"):
            for victim in incident.facts.get("victims", []):
                found[str(victim)].append(incident)
        return found

    @cached_property
    def crossings_of(self) -> dict[str, list[CountedRecord]]:
        found: dict[str, list[CountedRecord]] = defaultdict(list)
        for crossing in self.records("crossing"):
            found[str(crossing.facts.get("person"))].append(crossing)
        return found

    @cached_property
    def network_roles(self) -> dict[str, set[str]]:
        """A person's roles in organizations (person–organization links)."""
        found: dict[str, set[str]] = defaultdict(set)
        for link in self.records("link"):
            if link.facts.get("link_kind") == "person_organization":
                found[str(link.facts.get("source"))].add(str(link.facts.get("role", "other")))
        return found

    @cached_property
    def unit_countries(self) -> dict[str, str]:
        return store.unit_countries(self._conn)
