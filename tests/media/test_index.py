"""The PDQ hex form and the multi-index search: the same answers as a linear popcount scan."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interlink.media.hashes import hamming, normalize_hex, pdq_hex
from interlink.media.index import NARROW, WIDE, PdqIndex, linear_search


def test_pdq_hex_first_bit_most_significant() -> None:
    bits = [1] + [0] * 254 + [1]
    assert pdq_hex(np.array(bits)) == "8" + "0" * 62 + "1"
    assert pdq_hex(bits) == format(int("".join(map(str, bits)), 2), "064x")


def test_normalize_hex_refuses_wrong_length_and_letters() -> None:
    assert normalize_hex("md5", " ABCDEF" + "0" * 26 + " ") == "abcdef" + "0" * 26
    with pytest.raises(ValueError, match="32 hexadecimal"):
        normalize_hex("md5", "g" * 32)
    with pytest.raises(ValueError, match="64 hexadecimal"):
        normalize_hex("pdq", "0" * 63)


def _random_hashes(rng: np.random.Generator, n: int) -> list[str]:
    return [bytes(row).hex() for row in rng.integers(0, 256, (n, 32), dtype=np.uint8)]


def _flip(hex_hash: str, bits: list[int]) -> str:
    value = int(hex_hash, 16)
    for bit in bits:
        value ^= 1 << bit
    return format(value, "064x")


def test_finds_every_hash_within_31_and_nothing_further() -> None:
    rng = np.random.default_rng(7)
    hashes = _random_hashes(rng, 5000)
    index = PdqIndex.from_hex(hashes, linear_below=0)
    for distance in (0, 1, 15, 30, 31, 32, 40):
        target = int(rng.integers(0, len(hashes)))
        query = _flip(hashes[target], [int(b) for b in rng.choice(256, distance, replace=False)])
        found = dict(index.search(query, 31))
        if distance <= 31:
            assert found.get(target) == distance
        else:
            assert target not in found
        assert index.search(query, 31) == linear_search(index.words, query, 31)


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 2**32), st.integers(0, 31), st.integers(0, 40))
def test_same_as_linear_scan(seed: int, distance: int, limit: int) -> None:
    rng = np.random.default_rng(seed)
    hashes = _random_hashes(rng, 300)
    # Clustered hashes: many within a small distance of one another.
    hashes += [
        _flip(hashes[0], [int(b) for b in rng.choice(256, distance, replace=False)])
        for _ in range(50)
    ]
    index = PdqIndex.from_hex(hashes, linear_below=0)
    query = _flip(hashes[0], [int(b) for b in rng.choice(256, distance, replace=False)])
    assert index.search(query, limit) == linear_search(index.words, query, limit)
    for row, d in index.search(query, limit):
        assert hamming(hashes[row], query) == d <= limit


def test_empty_index() -> None:
    assert PdqIndex.from_hex([], linear_below=0).search("0" * 64, 31) == []
    assert PdqIndex.from_hex([]).search("0" * 64, 31) == []


def test_small_sets_are_searched_linearly_with_the_same_answers() -> None:
    rng = np.random.default_rng(3)
    hashes = _random_hashes(rng, 2000)
    small = PdqIndex.from_hex(hashes)
    assert small.linear and not PdqIndex.from_hex(hashes, linear_below=0).linear
    query = _flip(hashes[7], [int(b) for b in rng.choice(256, 20, replace=False)])
    assert small.search(query, 31) == [(7, 20)]


def test_both_layouts_find_what_they_guarantee() -> None:
    """The 11-chunk layout (sets from 2 million hashes) finds everything up to distance 32,
    the 12-chunk one up to 35; beyond, the index falls back to a linear scan."""
    rng = np.random.default_rng(11)
    hashes = _random_hashes(rng, 3000)
    for layout, guaranteed in ((WIDE, 32), (NARROW, 35)):
        assert layout.max_distance == guaranteed
        index = PdqIndex.from_hex(hashes, linear_below=0)
        index = PdqIndex(index.words, linear_below=0, layout=layout)
        again = PdqIndex.from_parts(*index.parts(), linear_below=0)
        assert again.layout is layout
        for distance in (0, 2, 16, 31, guaranteed, guaranteed + 1):
            target = int(rng.integers(0, len(hashes)))
            flipped = [int(b) for b in rng.choice(256, distance, replace=False)]
            query = _flip(hashes[target], flipped)
            for limit in (31, guaranteed, guaranteed + 2):
                expected = linear_search(index.words, query, limit)
                assert index.search(query, limit) == again.search(query, limit) == expected
            assert dict(index.search(query, guaranteed + 2)).get(target) == distance
