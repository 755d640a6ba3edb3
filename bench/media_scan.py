"""Scan throughput: N generated 640x480 JPEGs (gradients, shapes, text — harmless) hashed
(MD5, SHA-1, SHA-256, PDQ + quality) by ``interlink.media`` in a process pool, against the
same files hashed in one process at full resolution (what a plain script with pdqhash would
do), in the same run. Then a whole ``interlink media scan`` (matching and recording in a
fresh SQLite node) to show what the database adds.

    .venv/bin/python bench/media_scan.py [--images 2000] [--workers 2] [--skip-plain]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.media.images import jpeg, picture

from interlink.media.hashes import hamming
from interlink.media.scan import hash_tree


def _load() -> str:
    with open("/proc/loadavg") as handle:
        return handle.read().split()[0]


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the pool's workers)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _write(root: Path, n: int) -> None:
    distinct = [jpeg(picture(seed), quality=85) for seed in range(min(n, 200))]
    for i in range(n):
        # distinct files: a few bytes of comment make each file's cryptographic hashes its own
        (root / f"img{i:06d}.jpg").write_bytes(distinct[i % len(distinct)] + i.to_bytes(4, "big"))


def _scan_whole(root: Path, workers: int) -> float:
    from interlink.access.accounts import add_user, ensure_unit
    from interlink.access.roles import Role
    from interlink.media import scan
    from interlink.node import Node
    from interlink.settings import Settings
    from interlink.store.db import transaction
    from interlink.store.migrate import upgrade

    data = root.parent / "node"
    node = Node(Settings(data_dir=data, media_scan_workers=workers))
    upgrade(node.engine)
    with transaction(node.engine) as conn:
        ensure_unit(conn, "XX-CSE", "bench unit", "XX")
        actor = add_user(conn, "bench", Role.INVESTIGATOR, "XX-CSE", "bench-password-123").actor()
    start = time.perf_counter()
    scan(node, actor, root, "BENCH-1")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--images", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-plain", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "export"
        root.mkdir()
        _write(root, args.images)
        size = sum(p.stat().st_size for p in root.iterdir()) / args.images / 1024
        print(f"{args.images} generated 640x480 JPEGs, {size:.0f} KB each on average")
        start, cpu = time.perf_counter(), _cpu()
        fast = hash_tree(root, workers=args.workers, decode_side=320, max_image_bytes=1 << 26)
        seconds, cpu = time.perf_counter() - start, _cpu() - cpu
        rate = args.images / seconds
        print(
            f"interlink ({args.workers} processes, JPEG draft decode): {seconds:.1f} s, "
            f"{rate:.0f} images/s (load average {_load()}); CPU {cpu * 1000 / args.images:.1f} ms "
            f"per image in all processes: {args.images / cpu * 2:.0f} images/s on 2 idle cores"
        )
        if not args.skip_plain:
            start = time.perf_counter()
            plain = hash_tree(root, workers=0, decode_side=0, max_image_bytes=1 << 26)
            plain_s = time.perf_counter() - start
            plain_rate = args.images / plain_s
            print(
                f"plain (one process, full decode): {plain_s:.1f} s, {plain_rate:.0f} images/s; "
                f"ratio {rate / plain_rate:.1f}x (load average {_load()})"
            )
            by_path = {f.path: f.pdq for f in plain}
            distances = sorted(hamming(f.pdq or "", by_path[f.path] or "") for f in fast)
            print(
                "PDQ distance of the fast hash to the full-resolution one: median "
                f"{distances[len(distances) // 2]}, max {distances[-1]} bits"
            )
        whole = _scan_whole(root, args.workers)
        print(
            f"whole scan (hash, match, record in SQLite): {whole:.1f} s, "
            f"{args.images / whole:.0f} images/s (load average {_load()})"
        )


if __name__ == "__main__":
    main()
