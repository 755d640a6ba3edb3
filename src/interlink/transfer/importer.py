"""Bulk import of persons, organizations, documents and events from CSV, JSON lines or XLSX.

All or nothing by default: the whole file is read and checked in one transaction, every bad
row is listed with its line and field, and if there is any, nothing is written. With
``skip_invalid`` the good rows are imported and the bad ones written to a reject file.
The file is streamed: memory holds one batch and the set of ids seen.
"""

from __future__ import annotations

import csv
import hashlib
import queue
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, TextIO

from sqlalchemy import Connection

from interlink.access import audit
from interlink.access.policy import RecordMeta, has_capability, permits
from interlink.access.roles import Action, Actor, Capability
from interlink.domain import model
from interlink.domain.codes import HandlingCode, LinkKind, LinkRole, SubjectCategory
from interlink.domain.provenance import Provenance, ProvenanceIn
from interlink.node import Node
from interlink.records.errors import Forbidden
from interlink.records.service import new_provenance
from interlink.store import jobs
from interlink.store import records as store
from interlink.transfer import prepare as row_fields
from interlink.transfer.prepare import (
    PROVENANCE_FIELDS,
    SELF_CONTAINED,
    Item,
    Prepared,
    Rejected,
    prepare,
    prepare_in_parallel,
)
from interlink.transfer.readers import FileFormatError, detect_format, iter_rows, read_header
from interlink.transfer.rows import FieldError, RowErrors, check_header

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


@dataclass
class _Run:
    """One import in its transaction: checks that need the whole file or the database."""

    node: Node
    actor: Actor
    conn: Connection
    job_id: str
    skip_invalid: bool
    rejects: _RejectWriter | None
    report: ImportReport
    now: datetime
    seen: dict[str, int] = field(default_factory=dict)
    resolved: dict[tuple[str, str], uuid.UUID | None] = field(default_factory=dict)
    shared: dict[tuple[object, ...], tuple[tuple[Any, ...], Provenance]] = field(
        default_factory=dict
    )
    batch: list[tuple[dict[str, str], Prepared]] = field(default_factory=list)
    writer: store.BulkWriter | None = None
    background: _BackgroundWriter | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    creatable: dict[tuple[object, str], bool] = field(default_factory=dict)

    @property
    def writing(self) -> bool:
        return self.skip_invalid or self.report.rejected == 0

    def reject(self, values: dict[str, str], line: int, errors: list[FieldError]) -> None:
        err = RowErrors(line, errors)
        with self.lock:  # the background writer rejects ids the database has already
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

    def _shared(self, provenance: tuple[object, ...]) -> tuple[tuple[Any, ...], Provenance]:
        """Stored provenance columns, made once per distinct provenance in the file."""
        found = self.shared.get(provenance)
        if found is None:
            stated = ProvenanceIn.model_validate(
                dict(zip(PROVENANCE_FIELDS, provenance, strict=True))
            )
            full = new_provenance(self.node, self.actor, stated, self.now)
            assert self.writer is not None
            found = self.shared[provenance] = (self.writer.shared_values(full, self.job_id), full)
        return found

    def take(self, line: int, values: dict[str, str] | None, result: Prepared | Rejected) -> None:
        """Check one mapped row against the file so far and the actor's rights."""
        self.report.rows_read += 1
        values = values or {}
        if isinstance(result, Rejected):
            self.reject(values, result.line, result.errors)
            return
        line, external_id = result[row_fields.LINE], result[row_fields.EXTERNAL_ID]
        first = self.seen.setdefault(external_id, line)
        if first != line:
            self.reject(
                values,
                line,
                [FieldError("id", f"'{external_id}' appears already on line {first}")],
            )
            return
        if not self._may_create(result):
            self.reject(
                values,
                line,
                [
                    FieldError(
                        "role",
                        "your role may not create this kind of record "
                        "(victim data or handling code)",
                    )
                ],
            )
            return
        self.batch.append((values, result))
        if len(self.batch) >= self.node.settings.import_batch_size:
            self.hand_off()

    def _may_create(self, item: Prepared) -> bool:
        key = (item[row_fields.PROVENANCE][_HANDLING], item[row_fields.SUBJECT])
        allowed = self.creatable.get(key)
        if allowed is None:
            meta = RecordMeta(
                self.actor.unit or "",
                HandlingCode(str(key[0])),
                SubjectCategory(item[row_fields.SUBJECT]),
            )
            allowed = self.creatable[key] = permits(self.actor, Action.CREATE, meta)
        return allowed

    def hand_off(self) -> None:
        """Pass the batch to the background writer, or write it here and now."""
        batch, self.batch = self.batch, []
        if self.background is not None:
            self.background.put(batch)
        else:
            self.write(batch)

    def write(self, batch: list[tuple[dict[str, str], Prepared]]) -> None:
        """Refuse ids the database has already; write the rest (unless the import failed)."""
        if not batch:
            return
        if self.writer is None:
            self.writer = store.BulkWriter(self.conn)
        by_kind: dict[str, list[str]] = {}
        for _, item in batch:
            by_kind.setdefault(item[row_fields.KIND], []).append(item[row_fields.EXTERNAL_ID])
        existing = {
            (kind, ref)
            for kind, refs in by_kind.items()
            for ref in store.ids_for_external_refs(self.conn, kind, refs)
        }
        links: list[tuple[uuid.UUID, str, Provenance]] = []
        for values, item in batch:
            ref = item[row_fields.EXTERNAL_ID]
            if (item[row_fields.KIND], ref) in existing:
                self.reject(
                    values,
                    item[row_fields.LINE],
                    [
                        FieldError(
                            "id", f"'{item[row_fields.EXTERNAL_ID]}' exists already in the database"
                        )
                    ],
                )
                continue
            if not self.writing:
                continue
            shared, provenance = self._shared(item[row_fields.PROVENANCE])
            self.writer.add_prepared(
                shared,
                item[row_fields.RECORD_ID],
                item[row_fields.KIND],
                item[row_fields.EXTERNAL_ID],
                item[row_fields.SUBJECT],
                item[row_fields.FACTS_JSON],
                (
                    item[row_fields.TOKENS],
                    item[row_fields.IDENTIFIERS],
                    item[row_fields.REFERENCES],
                    item[row_fields.MATCH],
                ),
            )
            self.report.imported += 1
            holder_ref = item[row_fields.HOLDER]
            if holder_ref:
                holder = self.resolve_person(holder_ref)
                if holder is not None:
                    links.append((holder, item[row_fields.RECORD_ID], provenance))
        for holder, document_id, provenance in links:
            link = model.Link(
                link_kind=LinkKind.PERSON_DOCUMENT,
                source=holder,
                target=uuid.UUID(document_id),
                role=LinkRole.HOLDER,
            )
            link_id = store.new_id()
            row = store.record_row(link_id, link, provenance, import_job=self.job_id)
            self.writer.add_row(row, store.index_rows(link_id, link))
        if self.writing:
            self.writer.flush()


_HANDLING = PROVENANCE_FIELDS.index("handling_code")
PARALLEL_MIN_BYTES = 4 * 2**20  # below this, starting worker processes costs more than it saves


BYTES_PER_ROW_ESTIMATE = 100


def _worth_rebuilding_indexes(conn: Connection, path: Path) -> bool:
    """On SQLite, a load at least as large as what is there already goes faster without
    indexes, built again at the end. PostgreSQL keeps them: dropping one would lock out
    every reader for the whole load."""
    if conn.dialect.name != "sqlite":
        return False
    size = path.stat().st_size
    if size < PARALLEL_MIN_BYTES:
        return False
    return size // BYTES_PER_ROW_ESTIMATE >= store.count_records(conn)


def _prepared_rows(node: Node, run: _Run, kind: str, path: Path) -> Iterator[Item]:
    region = node.settings.phone_region
    workers = node.settings.import_workers
    parallel = (
        kind in SELF_CONTAINED
        and workers > 0
        and detect_format(path) == "csv"
        and path.stat().st_size >= PARALLEL_MIN_BYTES
    )
    if parallel:
        yield from prepare_in_parallel(
            kind, path, workers=workers, phone_region=region, keep_values=run.rejects is not None
        )
        return
    for source in iter_rows(path):
        yield (
            source.line,
            source.values,
            prepare(
                kind,
                source,
                resolve=run.resolve_person,
                resolve_organization=run.resolve_organization,
                phone_region=region,
            ),
        )


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
    rejects = _RejectWriter(rejects_path) if skip_invalid and rejects_path else None
    now = datetime.now(UTC)
    try:
        with node.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # The table grows inside this transaction, unseen by the planner's statistics,
                # which would choose ever longer scans for the duplicate-id checks.
                conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
            jobs.start(
                conn,
                job_id=report.job_id,
                kind=kind,
                file_name=path.name,
                file_sha256=sha256,
                user=actor.id or actor.username,
                started_at=now,
            )
            run = _Run(node, actor, conn, report.job_id, skip_invalid, rejects, report, now)
            suspended = store.suspend_indexes(conn) if _worth_rebuilding_indexes(conn, path) else []
            if kind in SELF_CONTAINED:  # nothing else uses the connection while mapping
                run.background = _BackgroundWriter(run.write)
            try:
                for line, values, result in _prepared_rows(node, run, kind, path):
                    run.take(line, values, result)
                    if progress is not None and report.rows_read % 10_000 == 0:
                        progress(report.rows_read)
                run.hand_off()
            finally:
                if run.background is not None:
                    run.background.close()
            if report.rows_read == 0:
                raise FileFormatError("the file has a header but no rows")
            if not run.writing:
                raise _Abort
            store.rebuild_indexes(conn, suspended)
            jobs.finish(conn, report.job_id, imported=report.imported, rejected=report.rejected)
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
    if report.written:  # pattern alerts around what came in, in one pass (issue 9)
        from interlink.network.alerts import after_change

        after_change(node.engine)
    if progress is not None:
        progress(report.rows_read)
    return report


class _BackgroundWriter:
    """Writes batches in a thread while the main thread reads and checks the next ones.

    The database driver releases the interpreter lock while it works, so reading and
    writing overlap. At most two batches wait; an error in the thread is raised in the
    caller at the next hand-off or at close.
    """

    _DONE: Final = None

    def __init__(self, write: Callable[[list[tuple[dict[str, str], Prepared]]], None]) -> None:
        self._write = write
        self._queue: queue.Queue[list[tuple[dict[str, str], Prepared]] | None] = queue.Queue(2)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="import-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (batch := self._queue.get()) is not self._DONE:
            if self._error is None:
                try:
                    self._write(batch)
                except BaseException as exc:  # re-raised in the caller's thread
                    self._error = exc

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error

    def put(self, batch: list[tuple[dict[str, str], Prepared]]) -> None:
        self._raise()
        self._queue.put(batch)

    def close(self) -> None:
        self._queue.put(self._DONE)
        self._thread.join()
        self._raise()


class _Abort(Exception):
    """Some row is bad and the import is all-or-nothing: roll everything back."""
