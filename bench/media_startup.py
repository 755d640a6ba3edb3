"""Start-up cost of a scan's perceptual matching against N known PDQ hashes: what a scan of a
few files pays before its first lookup. Three ways, in the same run, on a fresh SQLite node
holding one set of N random PDQ hashes (a few series and categories):

- *before*: every entry read from the database as a Python object, then the multi-index
  built from their hex strings (what each scan did until 2026-12-06);
- *first scan of a hash-set version*: read, build, and write the cache under data_dir;
- *later scans*: the cache memory-mapped (``interlink.media.known``).

Each then answers the same 10 lookups (checked equal). Peak memory is per process, so the
three are measured in that order and the figure printed is the peak so far.

    .venv/bin/python bench/media_startup.py [--hashes 1000000]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from interlink.media.index import PdqIndex
from interlink.media.known import known_pdq
from interlink.node import Node
from interlink.settings import Settings
from interlink.store import media as store
from interlink.store.db import reading, transaction
from interlink.store.migrate import upgrade


def _load() -> str:
    with open("/proc/loadavg") as handle:
        return handle.read().split()[0]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _fill(node: Node, n: int) -> list[str]:
    rng = np.random.default_rng(2026)
    words = rng.integers(0, 2**64, (n, 4), dtype=np.uint64).astype(">u8")
    hexes = [row.tobytes().hex() for row in words]
    now = datetime.now(UTC)
    entries = (
        {"pdq": h, "series": f"S{i % 50}", "category": str(1 + i % 3), "scale": "abuse"}
        for i, h in enumerate(hexes)
    )
    with transaction(node.engine) as conn:
        store.replace_set(
            conn,
            {
                "id": str(uuid.uuid4()),
                "name": "bench",
                "source": "bench",
                "format": "csv",
                "dated": now.date(),
                "baseline": False,
                "status": store.ACTIVE,
                "origin_node": None,
                "entries": n,
                "file_sha256": None,
                "imported_at": now,
                "imported_by": "bench",
                "withdrawn_at": None,
            },
            entries,
        )
    return hexes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hashes", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        node = Node(Settings(data_dir=Path(tmp) / "node"))
        upgrade(node.engine)
        start = time.perf_counter()
        hexes = _fill(node, args.hashes)
        print(f"{args.hashes:,} PDQ hashes stored in {time.perf_counter() - start:.1f} s")
        queries = [hexes[i] for i in range(0, args.hashes, max(1, args.hashes // 10))][:10]
        cache = Path(tmp) / "node" / "media-index"
        answers = []
        with reading(node.engine) as conn:
            start, cpu = time.perf_counter(), time.process_time()
            entries = list(store.pdq_entries(conn))
            index = PdqIndex.from_hex([k.value for k in entries])
            answers.append([index.search(q, 31) for q in queries])
            print(
                f"before (Python objects, then build): {time.perf_counter() - start:.2f} s wall, "
                f"{time.process_time() - cpu:.2f} s CPU; peak memory {_peak_mb():,.0f} MB "
                f"(load average {_load()})"
            )
            del entries, index
            for name in ("first scan of this version (build, cache)", "later scan (cache)"):
                start, cpu = time.perf_counter(), time.process_time()
                known = known_pdq(conn, cache)
                answers.append([known.index.search(q, 31) for q in queries])
                print(
                    f"{name}: {time.perf_counter() - start:.3f} s wall, "
                    f"{time.process_time() - cpu:.3f} s CPU; peak memory {_peak_mb():,.0f} MB "
                    f"(load average {_load()})"
                )
                del known
        assert answers[0] == answers[1] == answers[2]
        size = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file())
        print(f"cache on disk: {size / 2**20:,.0f} MB; the 10 lookups agree")


if __name__ == "__main__":
    main()
