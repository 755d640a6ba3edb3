"""Stored files (photos), content-addressed by SHA-256 under the node's data directory."""

from __future__ import annotations

import hashlib
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select

from interlink.access.roles import Actor
from interlink.node import Node
from interlink.store.db import transaction
from interlink.store.schema import files

MAX_PHOTO_BYTES = 20 * 1024 * 1024
_SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


class NotAnImage(ValueError):
    pass


class FileTooLarge(ValueError):
    pass


def sniff_image(head: bytes) -> str:
    for magic, media_type in _SIGNATURES:
        if head.startswith(magic):
            return media_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    raise NotAnImage("not a JPEG, PNG, GIF or WebP image")


def photo_path(node: Node, sha256: str) -> Path:
    return node.settings.files_dir / sha256[:2] / sha256


def store_photo(node: Node, stream: BinaryIO, actor: Actor) -> tuple[str, str, int]:
    """Copy the upload to a temporary file while hashing it, then move it into place."""
    node.settings.files_dir.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    media_type = ""
    with tempfile.NamedTemporaryFile(dir=node.settings.files_dir, delete=False) as tmp:
        try:
            while chunk := stream.read(1 << 20):
                if size == 0:
                    media_type = sniff_image(chunk[:16])
                size += len(chunk)
                if size > MAX_PHOTO_BYTES:
                    raise FileTooLarge(f"a photo may be {MAX_PHOTO_BYTES // 2**20} MB at most")
                digest.update(chunk)
                tmp.write(chunk)
            if size == 0:
                raise NotAnImage("the file is empty")
        except BaseException:
            tmp.close()
            os.unlink(tmp.name)
            raise
    sha256 = digest.hexdigest()
    target = photo_path(node, sha256)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(tmp.name, target)
    with transaction(node.engine) as conn:
        if conn.execute(select(files.c.sha256).where(files.c.sha256 == sha256)).first() is None:
            conn.execute(
                files.insert().values(
                    sha256=sha256,
                    media_type=media_type,
                    size=size,
                    created_at=datetime.now(UTC),
                    created_by=actor.id or actor.username,
                )
            )
    return sha256, media_type, size
