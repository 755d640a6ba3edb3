"""The variation functions: each changes a value the one way it claims to."""

from __future__ import annotations

import random
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from interlink.domain.values import parse_partial_date
from interlink.synthetic.variants import OCR_CONFUSIONS, date_variant, ocr_confuse, one_edit

LATEST = date(2025, 6, 30)


def osa_distance(a: str, b: str) -> int:
    """Optimal string alignment distance (an adjacent swap counts as one edit)."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


@given(st.text(min_size=1, max_size=20), st.integers(0, 2**32))
def test_one_edit_is_exactly_one_edit(text: str, seed: int) -> None:
    typo = one_edit(text, random.Random(seed).random)
    assert osa_distance(text, typo) == 1


@given(
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=12),
    st.integers(0, 2**32),
)
def test_ocr_confusion_swaps_one_confusable_character(number: str, seed: int) -> None:
    confused = ocr_confuse(number, random.Random(seed).random)
    assert len(confused) == len(number)
    diff = [(a, b) for a, b in zip(number, confused, strict=True) if a != b]
    if any(c in OCR_CONFUSIONS for c in number):
        assert len(diff) == 1 and OCR_CONFUSIONS[diff[0][0]] == diff[0][1]
    else:
        assert not diff


@given(st.dates(min_value=date(1931, 1, 1), max_value=LATEST), st.integers(0, 2**32))
def test_date_variants_are_valid_partial_dates(day: date, seed: int) -> None:
    rand = random.Random(seed).random
    for _ in range(20):
        text = date_variant(day, rand, latest=LATEST)
        if text:
            assert parse_partial_date(text, today=LATEST) == text
            assert int(text[:4]) > 1929
            assert abs(int(text[:4]) - day.year) <= 1
