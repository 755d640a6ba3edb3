"""PDQ lookup benchmark: hashes within Hamming distance 31 among N random PDQ hashes, with the
multi-index (``interlink.media.PdqIndex``) and with a linear numpy popcount scan (what one
would write otherwise), in the same run. Random hashes are the worst realistic case: every
chunk's posting lists are as long as they can be on average.

Queries: exact (a stored hash), perceptual (a stored hash with 8 to 31 bits flipped) and
absent (a random hash: nothing within 31). Prints build time, index memory, the time to
write the index as a scan's cache and to memory-map it (the queries use the mapped index,
as a scan does), peak resident memory, wall-clock and CPU p50/p95/max per query, whether
the wall p95 meets the 5 ms target, and the ratio to the linear scan.

    .venv/bin/python bench/media_index.py [--hashes 10000000] [--queries 1000] [--linear 30]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from interlink.media.index import PdqIndex, linear_search


def _load() -> str:
    with open("/proc/loadavg") as handle:
        return handle.read().split()[0]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _hex(words: np.ndarray) -> str:
    return words.astype(">u8").tobytes().hex()


def _flip(words: np.ndarray, rng: np.random.Generator, bits: int) -> np.ndarray:
    out = words.copy()
    for bit in rng.choice(256, bits, replace=False):
        out[bit // 64] ^= np.uint64(1) << np.uint64(63 - bit % 64)
    return out


def _queries(words: np.ndarray, rng: np.random.Generator, n: int) -> dict[str, list[str]]:
    rows = rng.integers(0, len(words), n)
    return {
        "exact": [_hex(words[r]) for r in rows],
        "perceptual": [_hex(_flip(words[r], rng, int(rng.integers(8, 32)))) for r in rows],
        "absent": [
            _hex(rng.integers(0, 2**63, 4, dtype=np.int64).astype(np.uint64) * 2) for _ in rows
        ],
    }


def _time(search, queries: list[str]) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    """Wall-clock and CPU milliseconds per query (CPU time leaves out waiting for a core)."""
    wall, cpu = [], []
    for q in queries:
        start, start_cpu = time.perf_counter(), time.process_time()
        search(q)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def _line(name: str, times: tuple[list[float], list[float]]) -> str:
    wall, cpu = np.array(times[0]), np.array(times[1])
    return (
        f"{name:<22} wall p50 {np.percentile(wall, 50):7.2f} p95 {np.percentile(wall, 95):7.2f} "
        f"max {wall.max():7.2f} ms | cpu p50 {np.percentile(cpu, 50):7.2f} "
        f"p95 {np.percentile(cpu, 95):7.2f} ms ({len(wall)} queries)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hashes", type=int, default=10_000_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--linear", type=int, default=30, help="queries for the linear scan")
    parser.add_argument("--distance", type=int, default=31)
    args = parser.parse_args()
    rng = np.random.default_rng(2026)
    start_load = _load()
    start = time.perf_counter()
    words = rng.integers(0, 2**64, (args.hashes, 4), dtype=np.uint64)
    print(f"{args.hashes:,} random PDQ hashes generated in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    built = PdqIndex(words)
    del words
    print(
        f"index built in {time.perf_counter() - start:.1f} s; index memory "
        f"{built.nbytes / 2**20:,.0f} MB; peak resident memory so far {_peak_mb():,.0f} MB"
    )
    # A scan reads the index from its cache, memory-mapped (interlink.media.known): measure that.
    cache = Path(tempfile.mkdtemp(prefix="pdq-bench-"))
    start = time.perf_counter()
    for name, array in zip(("words", "postings", "offsets"), built.parts(), strict=True):
        np.save(cache / f"{name}.npy", array)
    saved = time.perf_counter() - start
    del built, array
    start = time.perf_counter()
    index = PdqIndex.from_parts(
        *(np.load(cache / f"{n}.npy", mmap_mode="r") for n in ("words", "postings", "offsets"))
    )
    print(
        f"cache written in {saved:.1f} s, memory-mapped in "
        f"{(time.perf_counter() - start) * 1000:.1f} ms: the queries below use the mapped index"
    )
    queries = _queries(index.words, rng, args.queries)
    # sanity: the multi-index finds what the linear scan finds
    for q in queries["perceptual"][:5] + queries["absent"][:5]:
        assert index.search(q, args.distance) == linear_search(index.words, q, args.distance)
    p95 = {}
    for kind, qs in queries.items():
        times = _time(lambda q: index.search(q, args.distance), qs)
        p95[kind] = float(np.percentile(times[0], 95))
        print(_line(f"multi-index {kind}", times))
    for kind, qs in queries.items():
        times = _time(lambda q: linear_search(index.words, q, args.distance), qs[: args.linear])
        lin = float(np.percentile(times[0], 95))
        print(
            _line(f"linear scan {kind}", times)
            + f"  p95 ratio linear/index {lin / p95[kind]:,.0f}x"
        )
    verdict = "met" if max(p95.values()) <= 5 else "NOT met"
    print(f"target wall p95 <= 5 ms per query: {verdict} (worst kind {max(p95.values()):.2f} ms)")
    print(f"peak resident memory {_peak_mb():,.0f} MB (mapped pages read count in it)")
    print(f"load average: {start_load} at the start, {_load()} at the end (2 cores)")
    shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
