"""Identification photos of a person: checked by decoding, stored by ``interlink.files``.

An upload is accepted only when Pillow decodes the whole image as JPEG, PNG, GIF or WebP
within the size and pixel limits: a file whose first bytes look like an image but is not
one (or a decompression bomb) is refused before anything is stored. The media type stored
is the decoded format's, never the browser's claim. Regular identification photos only:
child-exploitation material is never handled as images (issue 8 keeps hashes only).
"""

from __future__ import annotations

import io
import warnings
from typing import BinaryIO

from PIL import Image, UnidentifiedImageError

from interlink.access.roles import Actor
from interlink.domain import model
from interlink.files import FileTooLarge, NotAnImage, store_photo
from interlink.node import Node

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_PHOTOS = 20
MEDIA_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}


def read_limited(stream: BinaryIO, limit: int | None = None) -> bytes:
    """The upload's bytes, refusing it as soon as it passes the limit."""
    limit = MAX_BYTES if limit is None else limit
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(f"a photo may be {limit // 2**20} MB at most")
    if not data:
        raise NotAnImage("the file is empty")
    return data


def decoded_type(data: bytes) -> str:
    """The media type of an image Pillow decodes completely; ``NotAnImage`` otherwise."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                fmt = probe.format or ""
                width, height = probe.size
                if fmt not in MEDIA_TYPES:
                    raise NotAnImage("not a JPEG, PNG, GIF or WebP image")
                if width * height > MAX_PIXELS:
                    raise NotAnImage(f"the image has more than {MAX_PIXELS:,} pixels")
                probe.verify()  # the file's structure and checksums
            with Image.open(io.BytesIO(data)) as image:
                image.load()  # every pixel decodes
    except NotAnImage:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise NotAnImage("the file is not an image that can be read") from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise NotAnImage("the image is too large") from exc
    return MEDIA_TYPES[fmt]


def accept(node: Node, actor: Actor, stream: BinaryIO) -> model.Photo:
    """Check and store an uploaded photo; the caller adds it to the person (audited)."""
    data = read_limited(stream)
    media_type = decoded_type(data)
    sha256, _stored_type, _size = store_photo(node, io.BytesIO(data), actor)
    return model.Photo(sha256=sha256, media_type=media_type)
