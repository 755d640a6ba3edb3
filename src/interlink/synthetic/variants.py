"""The ways one true value gets written differently in police records.

Each function takes the value and ``rand`` (a ``random.Random().random``) and returns one
variant. They are small and pure so the identity engine's tests can use them directly.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

Rand = Callable[[], float]

# Characters OCR and hurried typists confuse in document numbers (both directions).
OCR_CONFUSIONS: dict[str, str] = {
    "0": "O",
    "O": "0",
    "1": "I",
    "I": "1",
    "5": "S",
    "S": "5",
    "8": "B",
    "B": "8",
    "2": "Z",
    "Z": "2",
    "6": "G",
    "G": "6",
    "D": "0",
    "Q": "0",
}


def one_edit(text: str, rand: Rand) -> str:
    """A typo: one substitution, deletion, insertion or swap of two neighbours.

    Letters come from the text itself, so the typo stays in the text's script.
    """
    n = len(text)
    if n < 3:
        return text + text[-1:] if n else text
    i = int(rand() * n)
    op = rand()
    if op < 0.3:
        pool = [c for c in text if c != text[i] and c.isalpha()]
        if pool:
            return text[:i] + pool[int(rand() * len(pool))] + text[i + 1 :]
    if op < 0.55 and i + 1 < n and text[i] != text[i + 1]:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if op < 0.8:
        return text[:i] + text[i] + text[i:]
    return text[:i] + text[i + 1 :]


def ocr_confuse(number: str, rand: Rand) -> str:
    """One O/0, I/1, S/5, B/8, Z/2, G/6 confusion, or the number unchanged if none can occur."""
    spots = [i for i, c in enumerate(number) if c in OCR_CONFUSIONS]
    if not spots:
        return number
    i = spots[int(rand() * len(spots))]
    return number[:i] + OCR_CONFUSIONS[number[i]] + number[i + 1 :]


def date_variant(day: date, rand: Rand, *, latest: date) -> str:
    """The date as recorded: full, year only, year-month, day and month swapped, year off by
    one, or unknown (empty). Never after ``latest``."""
    u = rand()
    if u < 0.62:
        return day.isoformat()
    if u < 0.72:
        return f"{day.year:04d}"
    if u < 0.79:
        return f"{day.year:04d}-{day.month:02d}"
    if u < 0.84:
        if day.day <= 12 and day.day != day.month:
            swapped = date(day.year, day.day, day.month)
            return (swapped if swapped <= latest else day).isoformat()
        return day.isoformat()
    if u < 0.89:
        year = day.year + (1 if rand() < 0.5 else -1)
        shifted = date(year, day.month, min(day.day, 28 if day.month == 2 else day.day))
        return (shifted if shifted <= latest else day).isoformat()
    return ""


def spaced(number: str, rand: Rand) -> str:
    """A document number with a space or hyphen typed in the middle."""
    if len(number) < 4:
        return number
    cut = 2 + int(rand() * (len(number) - 3))
    return f"{number[:cut]}{' ' if rand() < 0.6 else '-'}{number[cut:]}"
