"""What PDQ tolerates, measured on generated harmless images: the Hamming distance between
the hash of a picture and the hash of an edited copy (resize, re-compression, brightness,
crops of 1-5 % per side or of one side), against the distance between different pictures.
Also the cost of the scan's reduced decode: its hash against the full-resolution one.

Two kinds of picture: ``picture`` (gradient, blurred shapes, a word) and ``texture`` (noise
at six scales, each 1.6 times weaker: the falling spectrum of a photograph). Hashes as a scan
computes them (JPEG at quality 90, decoded at 320 px; ``--full`` decodes at full size).

    .venv/bin/python bench/media_robustness.py [--seeds 20]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.media.images import brighter, cropped, jpeg, picture, resized, texture

from interlink.media.hashes import _pdq, hamming

Edit = Callable[[Image.Image], bytes]
EDITS: dict[str, Edit] = {
    "resize to 50 %": lambda im: jpeg(resized(im, 0.5)),
    "JPEG quality 35": lambda im: jpeg(im, 35),
    "brightness +15 %": lambda im: jpeg(brighter(im)),
    "brightness +30 %": lambda im: jpeg(brighter(im, 1.3)),
    "crop 1 % per side": lambda im: jpeg(cropped(im, 0.01)),
    "crop 1.5 % per side": lambda im: jpeg(cropped(im, 0.015)),
    "crop 2 % per side": lambda im: jpeg(cropped(im, 0.02)),
    "crop 3 % per side": lambda im: jpeg(cropped(im, 0.03)),
    "crop 5 % per side": lambda im: jpeg(cropped(im, 0.05)),
    "crop 3 % of one side": lambda im: jpeg(im.crop((0, 0, im.width, int(im.height * 0.97)))),
}


def _hash(data: bytes, side: int) -> str:
    return _quality(data, side)[0]


def _quality(data: bytes, side: int) -> tuple[str, int]:
    found = _pdq(data, side)
    assert not isinstance(found, str), found
    return found


def _row(name: str, values: list[int]) -> str:
    v = np.array(values)
    within = (v <= 31).mean() * 100
    return (
        f"  {name:<24} median {int(np.median(v)):3d}  p95 {int(np.percentile(v, 95)):3d}  "
        f"max {v.max():3d}  within 31: {within:3.0f} %"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--full", action="store_true", help="decode at full resolution")
    args = parser.parse_args()
    side = 0 if args.full else 320
    for kind, make in (("picture", picture), ("texture", texture)):
        images = [make(seed) for seed in range(args.seeds)]
        originals = [_hash(jpeg(im), side) for im in images]
        quality = [_quality(jpeg(im), side)[1] for im in images]
        print(f"{kind} ({args.seeds} images, 640x480, PDQ quality {min(quality)}-{max(quality)}):")
        for name, edit in EDITS.items():
            print(
                _row(
                    name,
                    [
                        hamming(o, _hash(edit(im), side))
                        for im, o in zip(images, originals, strict=True)
                    ],
                )
            )
        others = [hamming(a, b) for i, a in enumerate(originals) for b in originals[i + 1 :]]
        print(_row("different pictures", others))
        full = [_hash(jpeg(im), 0) for im in images]
        print(
            _row(
                "320 px decode vs full",
                [hamming(a, b) for a, b in zip(originals, full, strict=True)],
            )
        )


if __name__ == "__main__":
    main()
