"""Photos: stored by the SHA-256 of their bytes, served only through a record the reader may see."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, HTTPException, Path, UploadFile
from fastapi.responses import FileResponse

from interlink import records
from interlink.access import Action, audit
from interlink.access.policy import grants
from interlink.api.deps import ActorDep, NodeDep
from interlink.domain import model
from interlink.files import FileTooLarge, NotAnImage, photo_path, store_photo
from interlink.store.db import transaction

router = APIRouter(prefix="/api", tags=["photos"])


@router.post("/files", status_code=201, operation_id="upload_photo")
def upload(file: UploadFile, actor: ActorDep, node: NodeDep) -> dict[str, Any]:
    """Store a photo (JPEG, PNG, GIF or WebP); refer to it by sha256 in a person's photos."""
    if not grants(actor, Action.CREATE):
        raise HTTPException(403, "your role may not add photos")
    try:
        sha256, media_type, size = store_photo(node, file.file, actor)
    except NotAnImage as exc:
        raise HTTPException(
            422, [{"loc": ["body", "file"], "msg": str(exc), "type": "value_error"}]
        ) from None
    except FileTooLarge as exc:
        raise HTTPException(413, str(exc)) from None
    return {"sha256": sha256, "media_type": media_type, "size": size}


@router.get(
    "/persons/{record_id}/photos/{sha256}",
    operation_id="read_photo",
    response_class=FileResponse,
    responses={404: {"description": "Not found"}},
)
def photo(
    record_id: UUID,
    sha256: Annotated[str, Path(pattern="^[0-9a-f]{64}$")],
    actor: ActorDep,
    node: NodeDep,
) -> FileResponse:
    rec = records.read(node, actor, str(record_id), kind="person", purpose="photo")
    assert isinstance(rec.facts, model.Person)
    match = next((p for p in rec.facts.photos if p.sha256 == sha256), None)
    path = photo_path(node, sha256)
    if match is None or not path.exists():
        raise HTTPException(404, "no such photo on this record")
    with transaction(node.engine) as conn:
        audit.write(
            conn,
            node.audit_key,
            actor,
            "read_photo",
            record_kind="person",
            record_id=str(record_id),
            details={"sha256": sha256},
        )
    return FileResponse(path, media_type=match.media_type)
