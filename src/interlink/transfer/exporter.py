"""Export: records the user may export, streamed to JSON lines, CSV or FollowTheMoney.

References between records are written as the file ids they were imported with (so a CSV
export imports again), looked up as the export goes and remembered.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO
from uuid import UUID

from sqlalchemy import Connection, select

from interlink.node import Node
from interlink.records.errors import Invalid
from interlink.store.db import reading
from interlink.store.records import StoredRecord
from interlink.store.schema import records, refs
from interlink.transfer.ftm import to_ftm
from interlink.transfer.rows import COLUMNS, kind_name
from interlink.transfer.writers import CsvWriter, JsonlWriter, Record

FORMATS = ("jsonl", "csv", "ftm")
_CSV_KINDS = {
    "persons": "persons",
    "organizations": "organizations",
    "documents": "documents",
    "marriages": "events",
    "crossings": "events",
    "incidents": "events",
}


class _References:
    """File ids of referenced records, and the holder of each document."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.external: dict[UUID, str | None] = {}
        self.holders: dict[UUID, UUID | None] = {}

    def ref(self, uid: UUID) -> str | None:
        if uid not in self.external:
            row = self.conn.execute(
                select(records.c.external_ref).where(records.c.id == str(uid))
            ).first()
            self.external[uid] = row.external_ref if row else None
        return self.external[uid]

    def holder(self, document_id: UUID) -> UUID | None:
        if document_id not in self.holders:
            row = self.conn.execute(
                select(records.c.facts)
                .join(refs, refs.c.record_id == records.c.id)
                .where(
                    refs.c.target_id == str(document_id),
                    refs.c.field == "target",
                    records.c.kind == "link",
                )
            ).all()
            holder = None
            for (facts,) in row:
                if facts.get("link_kind") == "person_document" and facts.get("role") == "holder":
                    holder = UUID(facts["source"])
                    break
            self.holders[document_id] = holder
        return self.holders[document_id]

    def holder_ref(self, document_id: UUID) -> str | None:
        holder = self.holder(document_id)
        return self.ref(holder) if holder else None


def _record(rec: StoredRecord) -> Record:
    return (UUID(rec.id), rec.external_ref, rec.facts, rec.provenance)


def export_records(
    node: Node, stream: Iterable[StoredRecord], fmt: str, kind_plural: str, out: TextIO
) -> int:
    """Write every record of ``stream`` to ``out``; returns how many were written."""
    if fmt not in FORMATS:
        raise Invalid(f"format: use one of {', '.join(FORMATS)}", field="format")
    if fmt == "csv" and kind_plural not in _CSV_KINDS:
        raise Invalid(
            f"format: CSV holds {', '.join(sorted(_CSV_KINDS))}; use jsonl for {kind_plural}",
            field="format",
        )
    with reading(node.engine) as conn:
        lookups = _References(conn)
        if fmt == "jsonl":
            return JsonlWriter(out).write_all(_record(r) for r in stream)
        if fmt == "csv":
            csv_kind = kind_name(_CSV_KINDS[kind_plural])
            assert csv_kind in COLUMNS
            writer = CsvWriter(
                out,
                csv_kind,
                ref=lookups.ref,
                holder_ref=lookups.holder_ref if csv_kind == "documents" else None,
                bom=False,
            )
            return writer.write_all(_record(r) for r in stream)
        count = 0
        for rec in stream:
            holder = lookups.holder(UUID(rec.id)) if rec.kind == "document" else None
            for entity in to_ftm(
                UUID(rec.id), rec.external_ref, rec.facts, rec.provenance, holder=holder
            ):
                out.write(json.dumps(entity, ensure_ascii=False) + "\n")
            count += 1
        return count
