"""Hash values: their written forms, and computing them for one file.

A PDQ hash is written as 64 hexadecimal digits: the 256 bits of the ``pdqhash`` package's
hash vector in its order, first bit most significant. Cryptographic hashes are lower-case
hex. Computing reads a file once; nothing of its content survives the call but the hashes.
"""

from __future__ import annotations

import hashlib
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path

HEX_LENGTHS = {"md5": 32, "sha1": 40, "sha256": 64, "pdq": 64}
_HEX = re.compile(r"[0-9a-f]+")
READ_CHUNK = 1 << 20
TOO_MANY_PIXELS = "too many pixels to decode"


def normalize_hex(kind: str, text: str) -> str:
    """Lower-case hex of the length the kind has; ValueError (safe to show) otherwise."""
    value = text.strip().lower()
    length = HEX_LENGTHS[kind]
    if len(value) != length or not _HEX.fullmatch(value):
        raise ValueError(f"not a {kind} hash: expected {length} hexadecimal digits")
    return value


def pdq_hex(vector: object) -> str:
    """The 64-digit form of a ``pdqhash`` vector of 256 bits (first bit most significant)."""
    import numpy as np

    bits = np.asarray(vector).reshape(-1)
    if len(bits) != 256:
        raise ValueError("a PDQ hash has 256 bits")
    # packbits puts the first bit in the most significant place of each byte
    return np.packbits(bits != 0).tobytes().hex()


def hamming(a: str, b: str) -> int:
    """Bits that differ between two PDQ hashes in their hex form."""
    return (int(a, 16) ^ int(b, 16)).bit_count()


@dataclass(frozen=True)
class FileHashes:
    """What a scan keeps of one file. ``reason`` says why it could not be read or hashed."""

    path: str
    size: int | None = None
    md5: str | None = None
    sha1: str | None = None
    sha256: str | None = None
    pdq: str | None = None
    quality: int | None = None
    reason: str | None = None  # why it could not be hashed at all (unreadable, empty)
    note: str | None = None  # why it has no PDQ hash (not an image, too large to decode)
    image: bool = False


def _digests(data: bytes) -> tuple[str, str, str]:
    return (
        hashlib.md5(data).hexdigest(),  # noqa: S324 - a lookup key of hash lists, not security
        hashlib.sha1(data).hexdigest(),  # noqa: S324
        hashlib.sha256(data).hexdigest(),
    )


def _stream_digests(path: Path) -> tuple[str, str, str]:
    md5, sha1, sha256 = hashlib.md5(), hashlib.sha1(), hashlib.sha256()  # noqa: S324
    with path.open("rb") as handle:
        while chunk := handle.read(READ_CHUNK):
            md5.update(chunk)
            sha1.update(chunk)
            sha256.update(chunk)
    return md5.hexdigest(), sha1.hexdigest(), sha256.hexdigest()


def _pdq(data: bytes, decode_side: int) -> tuple[str, int] | str:
    """PDQ hash and quality of an image in memory, or why there is none."""
    import numpy as np
    import pdqhash
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if decode_side and max(width, height) > decode_side:
                ratio = decode_side / max(width, height)
                # JPEG: decoded at 1/2, 1/4 or 1/8 scale, no smaller than asked for.
                image.draft("RGB", (math.ceil(width * ratio), math.ceil(height * ratio)))
            rgb = image.convert("RGB")
            if decode_side and max(rgb.size) >= 2 * decode_side:
                rgb = rgb.reduce(max(rgb.size) // decode_side)
            pixels = np.asarray(rgb)
    except (Image.DecompressionBombError, MemoryError):
        return TOO_MANY_PIXELS
    except (OSError, ValueError, SyntaxError):
        return "not an image"
    try:
        vector, quality = pdqhash.compute(pixels)
    except (ValueError, RuntimeError, MemoryError):  # a shape the hasher refuses
        return "not an image"
    return pdq_hex(vector), int(quality)


def hash_file(path: Path, shown: str, decode_side: int, max_image_bytes: int) -> FileHashes:
    """Hashes of one file. Never raises for the file's sake: the reason says what was wrong.

    ``shown`` is the path as the scan records it (relative to the scanned directory).
    """
    try:
        size = path.stat().st_size
        if size == 0:
            return FileHashes(shown, size=0, reason="empty")
        if size > max_image_bytes:
            md5, sha1, sha256 = _stream_digests(path)
            return FileHashes(shown, size, md5, sha1, sha256, note="too large to decode")
        data = path.read_bytes()
    except OSError as exc:
        return FileHashes(shown, reason=f"unreadable ({type(exc).__name__})")
    md5, sha1, sha256 = _digests(data)
    perceptual = _pdq(data, decode_side)
    del data
    if isinstance(perceptual, str):
        # an image too large to decode is still an image: unmatched, it may be new material
        image = perceptual == TOO_MANY_PIXELS
        return FileHashes(shown, size, md5, sha1, sha256, note=perceptual, image=image)
    return FileHashes(shown, size, md5, sha1, sha256, perceptual[0], perceptual[1], image=True)


def configure_decoder(max_pixels: int = 200_000_000) -> None:
    """Pillow refuses images above this many pixels (decompression bombs) with an error."""
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = max_pixels // 2  # Pillow errors at twice this
