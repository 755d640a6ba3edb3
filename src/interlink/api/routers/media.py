"""Child-exploitation hashes: hash sets, series, recorded scans, sharing. Hashes and counts
only: no endpoint takes or returns an image. Scanning runs where the seized export is, with
``interlink media scan``; the API does not read server paths."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Form, UploadFile
from pydantic import BaseModel, ConfigDict, Field

from interlink import media
from interlink.api.deps import ActorDep, NodeDep
from interlink.records.errors import Invalid
from interlink.transfer.readers import FileFormatError

router = APIRouter(prefix="/api/media", tags=["media"])
MAX_UPLOAD = 512 * 1024 * 1024


class SeriesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    production_country: str | None = Field(None, max_length=2)
    victim_identified: bool | None = None
    identified_by: str | None = Field(None, max_length=200)
    identified_on: date | None = None


class ShareIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    set: str | None = Field(None, max_length=200)
    series: list[str] | None = None


def _set_out(s: Any) -> dict[str, Any]:
    return dict(s.__dict__)


@router.get("/hashsets")
def list_hashsets(node: NodeDep, actor: ActorDep) -> list[dict[str, Any]]:
    return [_set_out(s) for s in media.list_sets(node, actor)]


@router.post("/hashsets")
def import_hashset(
    node: NodeDep,
    actor: ActorDep,
    file: UploadFile,
    name: Annotated[str | None, Form(max_length=200)] = None,
    source: Annotated[str | None, Form(max_length=500)] = None,
    baseline: Annotated[bool, Form()] = False,
) -> dict[str, Any]:
    """Import (or replace) a set from a VICS JSON or CSV file; all or nothing."""
    suffix = Path(file.filename or "list.csv").suffix.lower()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix if suffix in ('.json', '.csv') else '.csv'}"
        size = 0
        with path.open("wb") as handle:
            while chunk := file.file.read(1 << 20):
                size += len(chunk)
                if size > MAX_UPLOAD:
                    raise Invalid("file: larger than 512 MB", field="file")
                handle.write(chunk)
        stem = Path(file.filename or "upload").stem
        try:
            report = media.import_set(
                node,
                actor,
                path,
                name=name or stem,
                source=source or file.filename,
                baseline=baseline,
            )
        except FileFormatError as exc:
            raise Invalid(f"file: {exc}", field="file") from None
    if not report.written:
        first = report.errors[0] if report.errors else None
        raise Invalid(
            f"file: nothing imported: {report.rejected} bad entries"
            + (f"; first: {first}" if first else ""),
            field="file",
        )
    return {
        "name": report.name,
        "entries": report.entries,
        "replaced": report.replaced,
        "format": report.format,
    }


@router.post("/hashsets/{name}/withdraw")
def withdraw_hashset(name: str, node: NodeDep, actor: ActorDep) -> dict[str, Any]:
    return _set_out(media.withdraw(node, actor, name))


@router.get("/series")
def list_series(node: NodeDep, actor: ActorDep) -> list[dict[str, Any]]:
    return [
        {**record.__dict__, "cases": cases, "countries": countries}
        for record, cases, countries in media.list_series(node, actor)
    ]


@router.get("/series/{name}")
def get_series(name: str, node: NodeDep, actor: ActorDep) -> dict[str, Any]:
    view = media.get_series(node, actor, name)
    cases = [{"node": n, "case_id": c, "first_seen": s} for n, c, s in view.cases]
    return {**view.series.__dict__, "cases": cases}


@router.put("/series/{name}")
def put_series(name: str, body: SeriesIn, node: NodeDep, actor: ActorDep) -> dict[str, Any]:
    return media.update_series(node, actor, name, **body.model_dump()).__dict__


@router.get("/scans")
def list_scans(node: NodeDep, actor: ActorDep) -> list[dict[str, Any]]:
    return [{**scan, "case_reference": ref} for scan, ref in media.recent_scans(node, actor)]


@router.get("/scans/{scan_id}")
def get_scan(scan_id: str, node: NodeDep, actor: ActorDep) -> dict[str, Any]:
    view = media.scan_detail(node, actor, scan_id)
    return {**view.scan, "case_reference": view.case_reference, "files": view.files}


@router.get("/cases/{case_id}/safeguarding")
def case_safeguarding(case_id: str, node: NodeDep, actor: ActorDep) -> dict[str, Any]:
    """Why the case comes first (series with unidentified victims, unmatched material)."""
    scans = media.case_scans(node, actor, case_id)  # checks the actor may read the case
    reasons = media.safeguarding_reasons(node, [case_id]).get(case_id, [])
    return {"case_id": case_id, "scans": len(scans), "reasons": reasons}


@router.post("/share")
def share(body: ShareIn, node: NodeDep, actor: ActorDep) -> dict[str, Any]:
    return media.share(node, actor, set_name=body.set, series=body.series)
