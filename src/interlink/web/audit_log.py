"""Searching, exporting and verifying the audit log for the data-protection pages.

Reading the log is itself logged: a search writes ``read_audit`` and an export writes
``export_audit`` (with the filters and the number of entries, never their contents), in the
same transaction that reads the entries. Only roles with ``read_audit`` search and export;
``verify_audit`` (the data-protection officer, the administrator) checks the chain.
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select
from starlette.datastructures import FormData

from interlink.access import audit
from interlink.access.policy import has_capability
from interlink.access.roles import Actor, Capability
from interlink.node import Node
from interlink.records.errors import Forbidden
from interlink.store.db import reading, transaction
from interlink.store.schema import audit_log
from interlink.transfer.writers import spreadsheet_safe
from interlink.web.i18n import _

PAGE_SIZE = 50
EXPORT_BATCH = 2000
OUTCOMES = ("ok", "refused", "tampered")
EXPORT_COLUMNS = (
    "seq",
    "at",
    "actor",
    "actor_role",
    "actor_unit",
    "action",
    "record_kind",
    "record_id",
    "purpose",
    "outcome",
    "details",
    "hash",
)


@dataclass(frozen=True)
class AuditFilters:
    """What the officer searches for; every field optional (empty: any)."""

    user: str = ""
    action: str = ""
    record_id: str = ""
    date_from: str = ""
    date_to: str = ""
    outcome: str = ""

    @classmethod
    def read(cls, form: FormData) -> tuple[AuditFilters, dict[str, list[str]]]:
        def text(name: str, limit: int) -> str:
            return str(form.get(name) or "").strip()[:limit]

        found = cls(
            user=text("user", 100),
            action=text("action", 40),
            record_id=text("record_id", 64),
            date_from=text("date_from", 10),
            date_to=text("date_to", 10),
            outcome=text("outcome", 20),
        )
        return found, found.errors()

    def errors(self) -> dict[str, list[str]]:
        errors: dict[str, list[str]] = {}
        if any(c.isspace() for c in self.user):
            errors["user"] = [_("A user name has no spaces.")]
        if self.record_id:
            try:
                uuid.UUID(self.record_id)
            except ValueError:
                errors["record_id"] = [_("A record id looks like 3f2b…-…: 32 hexadecimal digits.")]
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value:
                try:
                    date.fromisoformat(value)
                except ValueError:
                    errors[name] = [_("Write the date as YYYY-MM-DD.")]
        if (
            self.date_from
            and self.date_to
            and not errors.get("date_from")
            and not errors.get("date_to")
            and self.date_from > self.date_to
        ):
            errors["date_to"] = [_("The end date is before the start date.")]
        if self.outcome and self.outcome not in OUTCOMES:
            errors["outcome"] = [_("Choose an outcome from the list.")]
        return errors

    def clauses(self) -> list[ColumnElement[bool]]:
        clauses: list[ColumnElement[bool]] = []
        if self.user:
            clauses.append(audit_log.c.actor == self.user)
        if self.action:
            clauses.append(audit_log.c.action == self.action)
        if self.record_id:
            clauses.append(audit_log.c.record_id == str(uuid.UUID(self.record_id)))
        if self.date_from:
            start = datetime.combine(date.fromisoformat(self.date_from), time(0), tzinfo=UTC)
            clauses.append(audit_log.c.at >= start)
        if self.date_to:
            end = datetime.combine(date.fromisoformat(self.date_to), time(0), tzinfo=UTC)
            clauses.append(audit_log.c.at < end + timedelta(days=1))
        if self.outcome:
            clauses.append(audit_log.c.outcome == self.outcome)
        return clauses

    def logged(self) -> dict[str, str]:
        """The filters as written to the audit entry of the search (ids, names of users)."""
        return {k: v for k, v in asdict(self).items() if v}


@dataclass(frozen=True)
class Entry:
    seq: int
    at: datetime
    actor: str
    actor_role: str
    actor_unit: str | None
    action: str
    record_kind: str | None
    record_id: str | None
    purpose: str | None
    outcome: str
    details: str


@dataclass
class Page:
    entries: list[Entry] = field(default_factory=list)
    total: int = 0
    page: int = 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))


def may_read(actor: Actor) -> bool:
    return has_capability(actor, Capability.READ_AUDIT)


def may_verify(actor: Actor) -> bool:
    return has_capability(actor, Capability.VERIFY_AUDIT)


def _need_read(actor: Actor) -> None:
    if not may_read(actor):
        raise Forbidden("your role does not read the audit log")


def _entry(row: Any) -> Entry:
    at = row.at if row.at.tzinfo else row.at.replace(tzinfo=UTC)
    return Entry(
        int(row.seq),
        at,
        row.actor,
        row.actor_role,
        row.actor_unit,
        row.action,
        row.record_kind,
        str(row.record_id) if row.record_id else None,
        row.purpose,
        row.outcome,
        row.details,
    )


def _where(query: Select[Any], filters: AuditFilters, up_to: int | None = None) -> Select[Any]:
    clauses = filters.clauses()
    if up_to is not None:
        clauses.append(audit_log.c.seq <= up_to)
    return query.where(and_(*clauses)) if clauses else query


def search(node: Node, actor: Actor, filters: AuditFilters, page: int = 1) -> Page:
    """One page of matching entries, newest first; the search is logged."""
    _need_read(actor)
    page = max(1, page)
    with transaction(node.engine) as conn:
        total = int(
            conn.execute(_where(select(func.count()).select_from(audit_log), filters)).scalar_one()
        )
        rows = conn.execute(
            _where(select(audit_log), filters)
            .order_by(audit_log.c.seq.desc())
            .limit(PAGE_SIZE)
            .offset((page - 1) * PAGE_SIZE)
        ).all()
        audit.write(
            conn,
            node.audit_key,
            actor,
            "read_audit",
            record_id=filters.record_id or None,
            details={
                "via": "web",
                "filters": filters.logged(),
                "page": page,
                "returned": len(rows),
            },
        )
    return Page([_entry(r) for r in rows], total, page)


def export(node: Node, actor: Actor, filters: AuditFilters) -> tuple[int, Iterator[str]]:
    """The matching entries as CSV, oldest first: the count, and the text in pieces.

    The export is logged before the first byte leaves, with the number of entries; the
    entries exported are those up to the log's head at that moment (later entries, the
    export's own included, are not in it).
    """
    _need_read(actor)
    with transaction(node.engine) as conn:
        head = int(conn.execute(select(func.max(audit_log.c.seq))).scalar_one() or 0)
        count = int(
            conn.execute(
                _where(select(func.count()).select_from(audit_log), filters, head)
            ).scalar_one()
        )
        audit.write(
            conn,
            node.audit_key,
            actor,
            "export_audit",
            record_id=filters.record_id or None,
            details={"via": "web", "filters": filters.logged(), "exported": count, "to_seq": head},
        )
    return count, _csv(node, filters, head)


def _csv(node: Node, filters: AuditFilters, head: int) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_COLUMNS)
    last = 0
    while True:
        with reading(node.engine) as conn:
            rows = conn.execute(
                _where(select(audit_log), filters, head)
                .where(audit_log.c.seq > last)
                .order_by(audit_log.c.seq)
                .limit(EXPORT_BATCH)
            ).all()
        for r in rows:
            e = _entry(r)
            values = [
                str(e.seq),
                e.at.isoformat(),
                e.actor,
                e.actor_role,
                e.actor_unit or "",
                e.action,
                e.record_kind or "",
                e.record_id or "",
                e.purpose or "",
                e.outcome,
                e.details,
                r.hash,
            ]
            writer.writerow([spreadsheet_safe(v) for v in values])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        if len(rows) < EXPORT_BATCH:
            return
        last = int(rows[-1].seq)


def verify(node: Node, actor: Actor) -> audit.Verification:
    """Walk the whole chain (``audit.verify``); the check and its result are logged."""
    if not may_verify(actor):
        raise Forbidden("your role does not verify the audit log")
    with reading(node.engine) as conn:
        result = audit.verify(conn, node.audit_key)
    with transaction(node.engine) as conn:
        audit.write(
            conn,
            node.audit_key,
            actor,
            "verify_audit",
            outcome="ok" if result.ok else "tampered",
            details={"via": "web", "checked": result.checked, "problems": len(result.problems)},
        )
    return result
