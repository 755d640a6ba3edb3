"""Bulk import of persons, organizations, documents and events from CSV, JSON lines or XLSX.

All or nothing by default: the whole file is read and checked in one transaction, every bad
row is listed with its line and field, and if there is any, nothing is written. With
``skip_invalid`` the good rows are imported and the bad ones written to a reject file.
The file is streamed: memory holds one batch and the set of ids seen.
"""

from __future__ import annotations

import csv
import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Connection, update

from interlink.access import audit
from interlink.access.policy import RecordMeta, has_capability, permits
from interlink.access.roles import Action, Actor, Capability
from interlink.domain import model, registry
from interlink.domain.codes import LinkKind, LinkRole
from interlink.domain.provenance import Provenance, ProvenanceIn
from interlink.node import Node
from interlink.records.errors import Forbidden
from interlink.records.service import new_provenance
from interlink.store import records as store
from interlink.store.schema import import_jobs
from interlink.transfer.readers import FileFormatError, iter_rows, read_header
from interlink.transfer.rows import FieldError, MappedRow, RowErrors, check_header, map_row

IMPORT_KINDS = {
    "persons": "person",
    "organizations": "organization",
    "documents": "document",
    "events": None,
}
MAX_LISTED_ERRORS = 1000


@dataclass
class ImportReport:
    kind: str
    rows_read: int = 0
    imported: int = 0
    rejected: int = 0
    errors: list[RowErrors] = field(default_factory=list)
    job_id: str = ""
    written: bool = False

    @property
    def ok(self) -> bool:
        return self.rejected == 0


ProgressFn = Callable[[int], None]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class _RejectWriter:
    """The bad rows, as they were, with their line and what was wrong."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.handle: TextIO | None = None
        self.writer: csv.DictWriter[str] | None = None

    def write(self, values: dict[str, str], err: RowErrors) -> None:
        if self.writer is None:
            self.handle = self.path.open("w", newline="", encoding="utf-8")
            self.writer = csv.DictWriter(
                self.handle, fieldnames=["line", "errors", *values.keys()], extrasaction="ignore"
            )
            self.writer.writeheader()
        reasons = "; ".join(f"{e.field}: {e.message}" for e in err.errors)
        self.writer.writerow({"line": str(err.line), "errors": reasons, **values})

    def close(self) -> None:
        if self.handle is None:  # no bad row: still leave an (empty) reject file
            self.path.write_text("line,errors\n", encoding="utf-8")
        else:
            self.handle.close()


class _Batch:
    def __init__(self) -> None:
        self.mapped: list[tuple[int, dict[str, str], MappedRow]] = []

    def __len__(self) -> int:
        return len(self.mapped)


@dataclass
class _Run:
    node: Node
    actor: Actor
    kind: str
    conn: Connection
    job_id: str
    skip_invalid: bool
    rejects: _RejectWriter | None
    report: ImportReport
    now: datetime
    seen: dict[str, int] = field(default_factory=dict)
    resolved: dict[tuple[str, str], uuid.UUID | None] = field(default_factory=dict)
    provenance_cache: dict[ProvenanceIn, Provenance] = field(default_factory=dict)

    @property
    def writing(self) -> bool:
        return self.skip_invalid or self.report.rejected == 0

    def reject(self, values: dict[str, str], err: RowErrors) -> None:
        self.report.rejected += 1
        if len(self.report.errors) < MAX_LISTED_ERRORS:
            self.report.errors.append(err)
        if self.rejects is not None:
            self.rejects.write(values, err)

    def _resolve(self, kind: str, external_id: str) -> uuid.UUID | None:
        key = (kind, external_id)
        if key not in self.resolved:
            found = store.ids_for_external_refs(self.conn, kind, [external_id])
            self.resolved[key] = uuid.UUID(found[external_id]) if found else None
        return self.resolved[key]

    def resolve_person(self, external_id: str) -> uuid.UUID | None:
        return self._resolve("person", external_id)

    def resolve_organization(self, external_id: str) -> uuid.UUID | None:
        return self._resolve("organization", external_id)

    def provenance(self, prov: ProvenanceIn) -> Provenance:
        cached = self.provenance_cache.get(prov)
        if cached is None:
            cached = new_provenance(self.node, self.actor, prov, self.now)
            self.provenance_cache[prov] = cached
        return cached

    def flush(self, batch: _Batch) -> None:
        if not batch:
            return
        refs_by_kind: dict[str, list[str]] = {}
        for _, _, m in batch.mapped:
            refs_by_kind.setdefault(type(m.facts).kind, []).append(m.external_id)  # type: ignore[attr-defined]
        existing: set[tuple[str, str]] = {
            (kind_name, ref)
            for kind_name, refs in refs_by_kind.items()
            for ref in store.ids_for_external_refs(self.conn, kind_name, refs)
        }
        rows: list[dict[str, Any]] = []
        facts: list[model.Facts] = []
        links: list[tuple[str, str, Provenance]] = []
        for line, values, mapped in batch.mapped:
            if (type(mapped.facts).kind, mapped.external_id) in existing:  # type: ignore[attr-defined]
                self.reject(
                    values,
                    RowErrors(
                        line,
                        [
                            FieldError(
                                "id", f"'{mapped.external_id}' exists already in the database"
                            )
                        ],
                    ),
                )
                continue
            if not self.writing:
                continue
            provenance = self.provenance(mapped.provenance)
            record_id = store.new_id()
            rows.append(
                store.record_row(
                    record_id,
                    mapped.facts,
                    provenance,
                    external_ref=mapped.external_id,
                    import_job=self.job_id,
                )
            )
            facts.append(mapped.facts)
            if mapped.holder_external_id:
                holder = self.resolve_person(mapped.holder_external_id)
                if holder is not None:
                    links.append((str(holder), record_id, provenance))
        batch.mapped.clear()
        if not self.writing or not rows:
            return
        for holder_id, doc_id, provenance in links:
            link = model.Link(
                link_kind=LinkKind.PERSON_DOCUMENT,
                source=uuid.UUID(holder_id),
                target=uuid.UUID(doc_id),
                role=LinkRole.HOLDER,
            )
            rows.append(store.record_row(store.new_id(), link, provenance, import_job=self.job_id))
            facts.append(link)
        store.insert_many(self.conn, rows, facts)
        self.report.imported += len(rows) - len(links)


def _may_create(actor: Actor, facts: model.Facts, prov: ProvenanceIn) -> bool:
    meta = RecordMeta(actor.unit or "", prov.handling_code, registry.subject_category(facts))
    return permits(actor, Action.CREATE, meta)


def import_file(
    node: Node,
    actor: Actor,
    kind: str,
    path: Path,
    *,
    skip_invalid: bool = False,
    rejects_path: Path | None = None,
    progress: ProgressFn | None = None,
) -> ImportReport:
    """Import ``path``; raises FileFormatError when the file itself cannot be read."""
    if kind not in IMPORT_KINDS:
        raise FileFormatError(f"cannot import '{kind}': use one of {', '.join(IMPORT_KINDS)}")
    if not has_capability(actor, Capability.IMPORT) or actor.unit is None:
        raise Forbidden("your role may not import records")
    report = ImportReport(kind=kind, job_id=str(uuid.uuid4()))
    sha256 = file_sha256(path)
    check_header(kind, read_header(path))
    rows = iter_rows(path)
    rejects = _RejectWriter(rejects_path) if skip_invalid and rejects_path else None
    now = datetime.now(UTC)
    batch_size = node.settings.import_batch_size
    try:
        with node.engine.begin() as conn:
            conn.execute(
                import_jobs.insert().values(
                    id=report.job_id,
                    kind=kind,
                    file_name=path.name[:500],
                    file_sha256=sha256,
                    user_id=actor.id or actor.username,
                    started_at=now,
                    status="running",
                )
            )
            run = _Run(node, actor, kind, conn, report.job_id, skip_invalid, rejects, report, now)
            batch = _Batch()
            for source in rows:
                report.rows_read += 1
                try:
                    mapped = map_row(
                        kind,
                        source,
                        resolve=run.resolve_person,
                        resolve_organization=run.resolve_organization,
                        phone_region=node.settings.phone_region,
                    )
                except RowErrors as err:
                    run.reject(source.values, err)
                else:
                    first = run.seen.setdefault(mapped.external_id, source.line)
                    if first != source.line:
                        run.reject(
                            source.values,
                            RowErrors(
                                source.line,
                                [
                                    FieldError(
                                        "id",
                                        f"'{mapped.external_id}' appears already on line {first}",
                                    )
                                ],
                            ),
                        )
                    elif not _may_create(actor, mapped.facts, mapped.provenance):
                        run.reject(
                            source.values,
                            RowErrors(
                                source.line,
                                [
                                    FieldError(
                                        "role",
                                        "your role may not create this kind of record "
                                        "(victim data or handling code)",
                                    )
                                ],
                            ),
                        )
                    else:
                        batch.mapped.append((source.line, source.values, mapped))
                if len(batch) >= batch_size:
                    run.flush(batch)
                if progress is not None and report.rows_read % 10_000 == 0:
                    progress(report.rows_read)
            run.flush(batch)
            if report.rows_read == 0:
                raise FileFormatError("the file has a header but no rows")
            if not run.writing:
                raise _Abort
            conn.execute(
                update(import_jobs)
                .where(import_jobs.c.id == report.job_id)
                .values(
                    finished_at=datetime.now(UTC),
                    rows_imported=report.imported,
                    rows_rejected=report.rejected,
                    status="done",
                )
            )
            audit.write(
                conn,
                node.audit_key,
                actor,
                "import",
                record_kind=IMPORT_KINDS[kind],
                details={
                    "job": report.job_id,
                    "file_sha256": sha256,
                    "imported": report.imported,
                    "rejected": report.rejected,
                },
            )
            report.written = True
    except _Abort:
        report.imported = 0
        with node.engine.begin() as conn:
            audit.write(
                conn,
                node.audit_key,
                actor,
                "import",
                record_kind=IMPORT_KINDS[kind],
                outcome="refused",
                details={"file_sha256": sha256, "rejected": report.rejected},
            )
    finally:
        if rejects is not None:
            rejects.close()
    if progress is not None:
        progress(report.rows_read)
    return report


class _Abort(Exception):
    """Some row is bad and the import is all-or-nothing: roll everything back."""
