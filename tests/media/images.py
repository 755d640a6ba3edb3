"""Generated harmless test images: gradients, shapes, text and noise textures drawn with
Pillow and numpy. Nothing else."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter


def picture(seed: int, size: tuple[int, int] = (640, 480)) -> Image.Image:
    """A random but repeatable picture of coloured shapes over a gradient, with a word."""
    rng = np.random.default_rng(seed)
    width, height = size
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    channels = []
    for _ in range(3):
        fx, fy, phase = rng.uniform(0.5, 3.0), rng.uniform(0.5, 3.0), rng.uniform(0, 6.3)
        wave = np.sin(fx * 2 * np.pi * x / width + phase) * np.cos(fy * 2 * np.pi * y / height)
        channels.append(127 + 100 * wave)
    image = Image.fromarray(np.stack(channels, axis=-1).clip(0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(image)
    for _ in range(8):
        x0, y0 = int(rng.integers(0, width - 40)), int(rng.integers(0, height - 40))
        x1 = x0 + int(rng.integers(30, width // 2))
        y1 = y0 + int(rng.integers(30, height // 2))
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        if rng.random() < 0.5:
            draw.ellipse([x0, y0, x1, y1], fill=colour)
        else:
            draw.rectangle([x0, y0, x1, y1], fill=colour)
    draw.text((width // 10, height // 2), f"test {seed}", fill=(255, 255, 255))
    return image.filter(ImageFilter.GaussianBlur(2))


def texture(seed: int, size: tuple[int, int] = (640, 480)) -> Image.Image:
    """A photograph-like texture: random noise at six scales, each 1.6 times weaker than the
    coarser one (the falling spectrum of natural images), no flat areas, no shapes. PDQ
    quality 80-100 (halving at each scale makes it too smooth: quality under 50)."""
    rng = np.random.default_rng(seed)
    width, height = size
    total = np.zeros((height, width, 3), np.float32)
    for level, cells in enumerate((2, 4, 8, 16, 32, 64)):
        grid = rng.normal(size=(max(2, cells * height // width) + 1, cells + 1, 3))
        layer = [
            np.asarray(
                Image.fromarray(grid[:, :, c].astype(np.float32)).resize(size, Image.BICUBIC)
            )
            for c in range(3)
        ]
        total += np.stack(layer, axis=-1) / 1.6**level
    total = (total - total.mean()) / total.std() * 50 + 127
    return Image.fromarray(total.clip(0, 255).astype(np.uint8))


def jpeg(image: Image.Image, quality: int = 90) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def resized(image: Image.Image, factor: float = 0.5) -> Image.Image:
    return image.resize((int(image.width * factor), int(image.height * factor)), Image.BILINEAR)


def cropped(image: Image.Image, fraction: float = 0.03) -> Image.Image:
    dx, dy = int(image.width * fraction), int(image.height * fraction)
    return image.crop((dx, dy, image.width - dx, image.height - dy))


def brighter(image: Image.Image, factor: float = 1.15) -> Image.Image:
    return ImageEnhance.Brightness(image).enhance(factor)


def giant_png(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` x ``height`` pixels, with one row of data: what a
    decompression bomb looks like to a reader, in a few dozen bytes and no picture."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )
