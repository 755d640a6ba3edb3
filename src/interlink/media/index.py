"""Finding PDQ hashes within a Hamming distance among millions: multi-index hashing.

The 256 bits are cut into chunks. Two hashes within distance 31 differ in at most 31 bits,
so by pigeonhole, with 11 or more chunks at least one chunk differs in at most two bits (11
chunks with 3 or more differing bits would be 33). A query therefore looks up, for each
chunk, its value and every value at most two bits away in per-chunk posting lists, and
checks the candidates' full distance with a vectorized popcount. Distances beyond what the
layout guarantees need more neighbours: a linear scan then.

Two layouts, by the number of hashes ``n``:

- below 2 million: 12 chunks (four of 22 bits, eight of 21); about 2,900 buckets probed;
  offsets of 4 × 2²² + 8 × 2²¹ four-byte entries (128 MB); exact up to distance 35;
- from 2 million: 11 chunks (three of 24 bits, eight of 23); about 3,100 buckets probed,
  each holding about n / 2²³ hashes, so some 3,000 candidates against 10 million where the
  12-chunk layout reads 14,000 (each candidate is a random read of its hash: the reads are
  the cost); offsets of 3 × 2²⁴ + 8 × 2²³ entries (470 MB); exact up to distance 32.

(A first version cut 16 chunks of 16 bits and probed one-bit neighbours: 272 buckets but
about 50,000 candidates against 10 million.)

Memory for 10 million: 320 MB of hashes, 440 MB of posting lists (11 × a 4-byte row
number), 470 MB of offsets: about 1.2 GB.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import numpy.typing as npt

RADIUS = 2  # bits flipped per chunk when probing
# Below this many hashes a linear scan takes about a millisecond, less than building the
# offsets would: small sets are not indexed.
LINEAR_BELOW = 100_000
WIDE_FROM = 2_000_000  # from this many hashes, the 11-chunk layout


def _flip_masks(bits: int) -> npt.NDArray[np.int64]:
    """Every mask of at most RADIUS set bits among ``bits``: the values to probe."""
    masks = [0]
    for r in range(1, RADIUS + 1):
        masks += [sum(1 << b for b in combo) for combo in combinations(range(bits), r)]
    return np.array(masks, dtype=np.int64)


@dataclass(frozen=True)
class Layout:
    """How the 256 bits are cut, and the probes of a query, all chunks at once.

    Every chunk's offsets live in one array, chunk after chunk: probe i belongs to chunk
    ``probe_chunk[i]``, flips ``probe_mask[i]`` and reads the offsets at
    ``probe_base[i] + key`` — one vectorised pass instead of a numpy round per chunk.
    """

    bits: tuple[int, ...]
    starts: tuple[int, ...]
    offset_sizes: tuple[int, ...]
    offset_starts: tuple[int, ...]
    probe_chunk: npt.NDArray[np.int64]
    probe_mask: npt.NDArray[np.int64]
    probe_base: npt.NDArray[np.int64]

    @classmethod
    def of(cls, bits: tuple[int, ...]) -> Layout:
        assert sum(bits) == 256
        starts = tuple(sum(bits[:k]) for k in range(len(bits)))
        sizes = tuple((1 << b) + 1 for b in bits)
        offset_starts = tuple(sum(sizes[:k]) for k in range(len(bits)))
        masks = {b: _flip_masks(b) for b in set(bits)}
        chunk = np.concatenate([np.full(len(masks[b]), k, np.int64) for k, b in enumerate(bits)])
        return cls(
            bits,
            starts,
            sizes,
            offset_starts,
            chunk,
            np.concatenate([masks[b] for b in bits]),
            np.array(offset_starts, np.int64)[chunk],
        )

    @property
    def max_distance(self) -> int:
        """The largest distance at which every hash is found (pigeonhole)."""
        return len(self.bits) * (RADIUS + 1) - 1

    @property
    def offsets_length(self) -> int:
        return sum(self.offset_sizes)

    def values(self, hex_hash: str) -> npt.NDArray[np.int64]:
        """The chunk values of one hash, from its hex form, with Python integers."""
        value = int(hex_hash, 16)
        return np.array(
            [
                (value >> (256 - start - b)) & ((1 << b) - 1)
                for start, b in zip(self.starts, self.bits, strict=True)
            ],
            dtype=np.int64,
        )

    def column(self, words: npt.NDArray[np.uint64], k: int) -> npt.NDArray[np.int64]:
        """Chunk ``k`` of every hash (bits counted from the most significant)."""
        start, bits = self.starts[k], self.bits[k]
        word, offset = divmod(start, 64)
        mask = np.uint64((1 << bits) - 1)
        if offset + bits <= 64:
            value = (words[:, word] >> np.uint64(64 - offset - bits)) & mask
        else:
            spill = offset + bits - 64
            value = (
                (words[:, word] << np.uint64(spill)) | (words[:, word + 1] >> np.uint64(64 - spill))
            ) & mask
        return value.astype(np.int64)


NARROW = Layout.of((22, 22, 22, 22, 21, 21, 21, 21, 21, 21, 21, 21))
WIDE = Layout.of((24, 24, 24, 23, 23, 23, 23, 23, 23, 23, 23))
MIH_MAX_DISTANCE = WIDE.max_distance  # guaranteed by both layouts


def layout_for(n: int) -> Layout:
    return WIDE if n >= WIDE_FROM else NARROW


def to_words(hexes: Sequence[str]) -> npt.NDArray[np.uint64]:
    """(n, 4) 64-bit words of 64-digit hex hashes, most significant first."""
    raw = bytes.fromhex("".join(hexes))
    return np.frombuffer(raw, dtype=">u8").reshape(-1, 4).astype(np.uint64)


def popcount_distance(
    words: npt.NDArray[np.uint64], query: npt.NDArray[np.uint64]
) -> npt.NDArray[np.uint16]:
    """Hamming distance of every row of ``words`` to one query (4 words). Summing the four
    columns is about twice as fast as ``sum(axis=1)`` over the (n, 4) counts."""
    bits = np.bitwise_count(words ^ query)
    return bits[:, 0].astype(np.uint16) + bits[:, 1] + bits[:, 2] + bits[:, 3]


class PdqIndex:
    """An immutable index of PDQ hashes; rows are numbered in the order given."""

    def __init__(
        self,
        words: npt.NDArray[np.uint64],
        *,
        linear_below: int = LINEAR_BELOW,
        layout: Layout | None = None,
    ) -> None:
        self.words = np.ascontiguousarray(words, dtype=np.uint64)
        n = len(self.words)
        self.linear = n < linear_below
        self.layout = layout or layout_for(n)
        chunks = 0 if self.linear else len(self.layout.bits)
        self.postings = np.empty(chunks * n, dtype=np.uint32)
        self.offsets = np.zeros(self.layout.offsets_length if chunks else 0, dtype=np.uint32)
        for k in range(chunks):
            # one chunk at a time: the build needs little memory beyond the index itself
            column = self.layout.column(self.words, k) if n else np.zeros(0, np.int64)
            order = np.argsort(column, kind="stable").astype(np.uint32)
            counts = np.bincount(column, minlength=1 << self.layout.bits[k])
            start = self.layout.offset_starts[k]
            np.cumsum(counts, out=self.offsets[start + 1 : start + self.layout.offset_sizes[k]])
            self.postings[k * n : (k + 1) * n] = order
            del column, order, counts

    @classmethod
    def from_parts(
        cls,
        words: npt.NDArray[np.uint64],
        postings: npt.NDArray[np.uint32],
        offsets: npt.NDArray[np.uint32],
        *,
        linear_below: int = LINEAR_BELOW,
    ) -> PdqIndex:
        """An index from arrays ``parts`` gave (memory-mapped from a cache, say): no build."""
        index = cls.__new__(cls)
        index.words = words
        index.linear = len(words) < linear_below
        # the layout the offsets were built for (their length tells), else the size's
        sized = [lay for lay in (NARROW, WIDE) if lay.offsets_length == len(offsets)]
        index.layout = sized[0] if sized else layout_for(len(words))
        index.postings = postings
        index.offsets = offsets
        chunks = len(index.layout.bits)
        if not index.linear and (
            len(offsets) != index.layout.offsets_length or len(postings) != chunks * len(words)
        ):
            raise ValueError("PDQ index arrays of the wrong size")
        return index

    def parts(
        self,
    ) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint32], npt.NDArray[np.uint32]]:
        """Words, posting lists and every chunk's offsets: what ``from_parts`` takes."""
        return self.words, self.postings, self.offsets

    @classmethod
    def from_hex(cls, hexes: Sequence[str], *, linear_below: int = LINEAR_BELOW) -> PdqIndex:
        words = to_words(hexes) if hexes else np.zeros((0, 4), np.uint64)
        return cls(words, linear_below=linear_below)

    def __len__(self) -> int:
        return len(self.words)

    @property
    def nbytes(self) -> int:
        return int(self.words.nbytes + self.offsets.nbytes + self.postings.nbytes)

    def _candidates(self, hex_hash: str) -> npt.NDArray[np.intp]:
        """Rows sharing a chunk with the query up to RADIUS bits (with repeats)."""
        n, layout = len(self), self.layout
        keys = layout.probe_base + (layout.values(hex_hash)[layout.probe_chunk] ^ layout.probe_mask)
        begin = self.offsets[keys].astype(np.int64)
        length = self.offsets[keys + 1].astype(np.int64) - begin
        keep = np.flatnonzero(length)
        start = begin[keep] + layout.probe_chunk[keep] * n
        length = length[keep]
        heads = np.cumsum(length) - length
        positions = np.arange(int(heads[-1] + length[-1]) if len(keep) else 0, dtype=np.int64)
        positions += np.repeat(start - heads, length)
        return self.postings[positions].astype(np.intp)

    def search(self, hex_hash: str, max_distance: int) -> list[tuple[int, int]]:
        """(row, distance) of every hash within ``max_distance``, nearest first."""
        if self.linear or max_distance > self.layout.max_distance:
            return linear_search(self.words, hex_hash, max_distance)
        if not len(self):
            return []
        query = to_words([hex_hash])[0]
        candidates = self._candidates(hex_hash)
        # np.take with machine-size indices: several times faster than words[uint32 rows].
        # A near hash is found through several chunks: verify all, then de-duplicate the few
        # found (np.unique over every candidate costs more than the popcount).
        distances = popcount_distance(np.take(self.words, candidates, axis=0), query)
        close = distances <= max_distance
        found = dict(zip(candidates[close].tolist(), distances[close].tolist(), strict=True))
        return sorted(found.items(), key=lambda p: (p[1], p[0]))


def _ranked(
    rows: npt.NDArray[np.generic], distances: npt.NDArray[np.generic]
) -> list[tuple[int, int]]:
    pairs = zip(rows.tolist(), distances.tolist(), strict=True)
    return sorted(pairs, key=lambda p: (p[1], p[0]))


def linear_search(
    words: npt.NDArray[np.uint64], hex_hash: str, max_distance: int
) -> list[tuple[int, int]]:
    """The baseline: popcount against every hash."""
    query = to_words([hex_hash])[0]
    distances = popcount_distance(words, query)
    rows = np.flatnonzero(distances <= max_distance)
    return _ranked(rows, distances[rows])
