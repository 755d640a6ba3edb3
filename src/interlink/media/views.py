"""Reading recorded scans: a scan belongs to a case, so it is seen by whoever may read the
case (and holds the media capability). Every read is audited with ids and counts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from interlink.access import audit
from interlink.access.roles import Actor, Capability
from interlink.media.hashsets import require
from interlink.node import Node
from interlink.records.errors import NotFound, RecordError
from interlink.records.service import readable_in
from interlink.store import media as store
from interlink.store.db import transaction

MAX_FILES = 2000


@dataclass(frozen=True)
class ScanView:
    scan: dict[str, Any]
    case_reference: str
    files: list[dict[str, Any]]


def _case_ref(conn: Connection, actor: Actor, case_id: str) -> str | None:
    try:
        rec = readable_in(conn, actor, case_id, kind="case")
    except RecordError:
        return None
    return str(getattr(rec.facts, "reference", case_id))


def recent_scans(node: Node, actor: Actor, limit: int = 100) -> list[tuple[dict[str, Any], str]]:
    """The latest scans of cases the actor may read, with each case's reference."""
    require(actor, Capability.MEDIA_VIEW, "see scans")
    shown: list[tuple[dict[str, Any], str]] = []
    with transaction(node.engine) as conn:
        for row in store.recent_scans(conn, limit * 4):
            ref = _case_ref(conn, actor, row["case_id"])
            if ref is not None and len(shown) < limit:
                shown.append((row, ref))
        audit.write(
            conn,
            node.audit_key,
            actor,
            "media_scan_list",
            details={"scans": [s["id"] for s, _ in shown]},
        )
    return shown


def case_scans(node: Node, actor: Actor, case_id: str) -> list[dict[str, Any]]:
    require(actor, Capability.MEDIA_VIEW, "see scans")
    with transaction(node.engine) as conn:
        if _case_ref(conn, actor, case_id) is None:
            raise NotFound(f"no case {case_id}")
        rows = store.scans_of_case(conn, case_id)
        audit.write(
            conn,
            node.audit_key,
            actor,
            "media_scan_list",
            record_kind="case",
            record_id=case_id,
            details={"scans": [r["id"] for r in rows]},
        )
    return rows


def scan_detail(node: Node, actor: Actor, scan_id: str, limit: int = MAX_FILES) -> ScanView:
    require(actor, Capability.MEDIA_VIEW, "see scans")
    with transaction(node.engine) as conn:
        scan = store.get_scan(conn, scan_id)
        ref = _case_ref(conn, actor, scan["case_id"]) if scan else None
        if scan is None or ref is None:
            raise NotFound(f"no scan {scan_id}")
        files = store.scan_files(conn, scan_id, limit=limit)
        audit.write(
            conn,
            node.audit_key,
            actor,
            "media_scan_read",
            record_kind="case",
            record_id=scan["case_id"],
            details={"scan": scan_id, "files": len(files)},
        )
    return ScanView(scan, ref, files)
