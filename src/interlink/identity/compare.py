"""Field comparators: how far two values of one field agree, as a small set of levels.

Each comparator returns a :class:`Comparison`: a level from its own ``IntEnum`` (higher is
closer agreement; ``MISSING`` = -1 when either side has no usable value, ``DIFFERENT`` = 0)
and a short reason for the explanation shown to the user. The levels are the comparison
vectors of a Fellegi–Sunter model: each level of each field gets its own m and u
probabilities, so a level is added only when it carries different evidence.

Reasons name the kind of agreement, never the compared values (they end up in logs and
explanations that may be shared).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import IntEnum
from typing import NamedTuple

from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler, Levenshtein

from interlink.domain.values import parse_country, parse_phone
from interlink.identity.names import NormalizedName, normalize, transliterate

__all__ = [
    "AddressLevel",
    "BirthDateLevel",
    "Comparison",
    "DocumentLevel",
    "EmailLevel",
    "ExactLevel",
    "NameLevel",
    "PhoneLevel",
    "PlaceLevel",
    "compare_address",
    "compare_birth_date",
    "compare_birth_place",
    "compare_country",
    "compare_document",
    "compare_email",
    "compare_gender",
    "compare_name",
    "compare_phone",
]


class Comparison(NamedTuple):
    level: IntEnum
    reason: str


def _missing(level: type[IntEnum], what: str = "value") -> Comparison:
    return Comparison(level["MISSING"], f"{what} missing on one side")


# --- names --------------------------------------------------------------------------------


class NameLevel(IntEnum):
    """Agreement of two full names.

    - ``EXACT``: the same parts, in any order, script, case, with or without diacritics,
      particles and honorifics, joined or split ("Abdulrahman"/"Abdul Rahman").
    - ``EQUIVALENT``: every part pairs with a part of the other name spelled differently
      but the same by phonetic key or consonant skeleton ("Mohammed"/"Muhammad").
    - ``FUZZY``: every part pairs, some only by string similarity (Jaro-Winkler ≥ 0.85 of
      the parts or of their skeletons: "Oleg"/"Oleh").
    - ``SUBSET``: every part of the shorter name pairs, the longer has more (a middle name,
      a second family name), or parts agree only by initial ("O. Petrenko").
    - ``PARTIAL``: at least one full part agrees; others differ.
    - ``DIFFERENT``: no part agrees.
    """

    MISSING = -1
    DIFFERENT = 0
    PARTIAL = 1
    SUBSET = 2
    FUZZY = 3
    EQUIVALENT = 4
    EXACT = 5


# How two tokens pair, best first.
_SAME, _ALIKE, _SIMILAR, _INITIAL = 4, 3, 2, 1
_FUZZY_THRESHOLD = 0.85


def _pair_kind(a: str, pa: str, sa: str, b: str, pb: str, sb: str) -> tuple[int, float]:
    if a == b:
        return _SAME, 1.0
    if len(a) == 1 or len(b) == 1:
        return (_INITIAL, 0.5) if a[0] == b[0] else (0, 0.0)
    similarity = JaroWinkler.similarity(a, b)
    if (pa == pb and similarity >= 0.7) or (
        sa == sb and (len(sa) >= 2 or min(len(a), len(b)) <= 3)
    ):
        return _ALIKE, similarity
    if similarity >= _FUZZY_THRESHOLD or (
        min(len(sa), len(sb)) >= 3 and JaroWinkler.similarity(sa, sb) >= _FUZZY_THRESHOLD
    ):
        return _SIMILAR, similarity
    return 0, similarity


def _forms(name: NormalizedName) -> list[tuple[str, str, str]]:
    return list(zip(name.tokens, name.phonetic, name.skeleton, strict=True))


def _join_split(left: list[tuple[str, str, str]], right: list[tuple[str, str, str]]) -> None:
    """Where a part of ``left`` is two adjacent parts of ``right`` joined, join them there."""
    words = {t for t, _, _ in left}
    i = 0
    while i + 1 < len(right):
        joined = right[i][0] + right[i + 1][0]
        if joined in words:
            norm = normalize(joined)
            right[i : i + 2] = [(joined, norm.phonetic[0], norm.skeleton[0])]
        i += 1


def compare_name(a: str | NormalizedName | None, b: str | NormalizedName | None) -> Comparison:
    """Compare two full names written in any script and order."""
    left = normalize(a) if isinstance(a, str) else a
    right = normalize(b) if isinstance(b, str) else b
    if left is None or right is None or not left.tokens or not right.tokens:
        return _missing(NameLevel, "name")
    if left.key == right.key:
        return Comparison(NameLevel.EXACT, "same name parts")
    lf, rf = _forms(left), _forms(right)
    _join_split(lf, rf)
    _join_split(rf, lf)
    pairs = sorted(
        ((*_pair_kind(*x, *y), i, j) for i, x in enumerate(lf) for j, y in enumerate(rf)),
        key=lambda p: (p[0], p[1]),
        reverse=True,
    )
    used_l: set[int] = set()
    used_r: set[int] = set()
    kinds: list[int] = []
    for kind, _, i, j in pairs:
        if kind == 0 or i in used_l or j in used_r:
            continue
        used_l.add(i)
        used_r.add(j)
        kinds.append(kind)
    shorter = min(len(lf), len(rf))
    full = [k for k in kinds if k > _INITIAL]
    if len(kinds) == shorter == len(lf) == len(rf) and _INITIAL not in kinds:
        if all(k == _SAME for k in kinds):
            return Comparison(NameLevel.EXACT, "same name parts")
        if min(kinds) >= _ALIKE:
            return Comparison(NameLevel.EQUIVALENT, "parts agree by sound or consonants")
        return Comparison(NameLevel.FUZZY, "parts agree with spelling differences")
    if len(kinds) == shorter and full:
        if _INITIAL in kinds:
            return Comparison(NameLevel.SUBSET, "parts agree, some by initial only")
        return Comparison(NameLevel.SUBSET, "one name has parts the other lacks")
    if full:
        return Comparison(NameLevel.PARTIAL, f"{len(full)} part(s) agree, others differ")
    return Comparison(NameLevel.DIFFERENT, "no part agrees")


# --- dates of birth -----------------------------------------------------------------------


class BirthDateLevel(IntEnum):
    """Agreement of two dates of birth, either possibly partial (YYYY, YYYY-MM, YYYY-MM-DD).

    - ``EXACT``: the same full date.
    - ``YEAR_MONTH``: same year and month; the days differ or one is not known.
    - ``SWAPPED``: day and month swapped (12/08 read as 08/12).
    - ``TYPO``: full dates that differ in one digit of YYYYMMDD.
    - ``YEAR_CLOSE``: the years differ by one.
    - ``PARTIAL``: the same year, the month known on at most one side.
    - ``DIFFERENT``: none of the above.
    """

    MISSING = -1
    DIFFERENT = 0
    PARTIAL = 1
    YEAR_CLOSE = 2
    TYPO = 3
    SWAPPED = 4
    YEAR_MONTH = 5
    EXACT = 6


_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")
_DOTTED = re.compile(r"^\s*(\d{1,2})[./](\d{1,2})[./](\d{4})\s*$")


def _date_parts(value: str | None) -> tuple[int, int | None, int | None] | None:
    if not value:
        return None
    dotted = _DOTTED.match(value)
    match = _DATE.match(value)
    if dotted:
        day_s, month_s, year_s = dotted.groups()
    elif match:
        year_s, month_s, day_s = match.groups()
    else:
        return None
    month = int(month_s) if month_s and 1 <= int(month_s) <= 12 else None
    day = int(day_s) if day_s and month and 1 <= int(day_s) <= 31 else None
    return int(year_s), month, day


def compare_birth_date(a: str | None, b: str | None) -> Comparison:
    """Compare partial dates; a malformed month or day counts as unknown, not as an error."""
    left, right = _date_parts(a), _date_parts(b)
    if left is None or right is None:
        return _missing(BirthDateLevel, "date of birth")
    (y1, m1, d1), (y2, m2, d2) = left, right
    full = None not in (m1, d1, m2, d2)
    if full and (y1, m1, d1) == (y2, m2, d2):
        return Comparison(BirthDateLevel.EXACT, "same date")
    if y1 == y2 and m1 is not None and m1 == m2:
        return Comparison(BirthDateLevel.YEAR_MONTH, "same year and month")
    if full and y1 == y2 and (m1, d1) == (d2, m2):
        return Comparison(BirthDateLevel.SWAPPED, "day and month swapped")
    if full:
        digits1, digits2 = (
            f"{y1:04d}{m1 or 0:02d}{d1 or 0:02d}",
            f"{y2:04d}{m2 or 0:02d}{d2 or 0:02d}",
        )
        if sum(x != y for x, y in zip(digits1, digits2, strict=True)) == 1:
            return Comparison(BirthDateLevel.TYPO, "one digit differs")
    if abs(y1 - y2) == 1:
        return Comparison(BirthDateLevel.YEAR_CLOSE, "years differ by one")
    if y1 == y2 and (m1 is None or m2 is None):
        return Comparison(BirthDateLevel.PARTIAL, "same year, month not known on both sides")
    return Comparison(BirthDateLevel.DIFFERENT, "different dates")


# --- codes: gender, nationality, country ----------------------------------------------------


class ExactLevel(IntEnum):
    """Fields that agree or not: gender, nationality, country. ``EXACT``: the same code
    (for several nationalities: at least one in common)."""

    MISSING = -1
    DIFFERENT = 0
    EXACT = 1


_GENDERS = {"m": "m", "male": "m", "man": "m", "f": "f", "female": "f", "woman": "f", "w": "f"}


def compare_gender(a: str | None, b: str | None) -> Comparison:
    """``m``/``male`` and ``f``/``female``; unknown, ``x`` and other values count as missing."""
    left = _GENDERS.get((a or "").strip().lower())
    right = _GENDERS.get((b or "").strip().lower())
    if left is None or right is None:
        return _missing(ExactLevel, "gender")
    if left == right:
        return Comparison(ExactLevel.EXACT, "same gender")
    return Comparison(ExactLevel.DIFFERENT, "different gender")


def _countries(value: str | Iterable[str] | None) -> set[str]:
    if value is None:
        return set()
    items = [value] if isinstance(value, str) else list(value)
    codes: set[str] = set()
    for item in items:
        try:
            codes.add(parse_country(item))
        except ValueError:
            continue
    return codes


def compare_country(a: str | Iterable[str] | None, b: str | Iterable[str] | None) -> Comparison:
    """Countries or nationalities as ISO codes (alpha-2, alpha-3) or English names."""
    left, right = _countries(a), _countries(b)
    if not left or not right:
        return _missing(ExactLevel, "country")
    if left & right:
        return Comparison(ExactLevel.EXACT, "same country")
    return Comparison(ExactLevel.DIFFERENT, "different countries")


# --- places and addresses -----------------------------------------------------------------


_WORD = re.compile(r"[0-9a-z]+")


def _text_tokens(text: str | None) -> list[str]:
    if not text:
        return []
    return _WORD.findall(transliterate(text).lower())


class PlaceLevel(IntEnum):
    """Agreement of two places of birth written as text, in any script.

    - ``EXACT``: the same words.
    - ``SIMILAR``: the same words with spelling differences (token-sorted similarity ≥ 85).
    - ``OVERLAP``: one contains the other's words ("Odesa" / "Odesa, Ukraine").
    - ``DIFFERENT``.
    """

    MISSING = -1
    DIFFERENT = 0
    OVERLAP = 1
    SIMILAR = 2
    EXACT = 3


def compare_birth_place(a: str | None, b: str | None) -> Comparison:
    left, right = _text_tokens(a), _text_tokens(b)
    if not left or not right:
        return _missing(PlaceLevel, "place of birth")
    if sorted(left) == sorted(right):
        return Comparison(PlaceLevel.EXACT, "same place")
    sorted_l, sorted_r = " ".join(sorted(left)), " ".join(sorted(right))
    if Levenshtein.normalized_similarity(sorted_l, sorted_r) >= 0.85 or (
        len(left) == len(right) == 1 and JaroWinkler.similarity(left[0], right[0]) >= 0.9
    ):
        return Comparison(PlaceLevel.SIMILAR, "same place, spelled differently")
    small, large = sorted((set(left), set(right)), key=len)
    if small <= large:
        return Comparison(PlaceLevel.OVERLAP, "one place name contains the other")
    return Comparison(PlaceLevel.DIFFERENT, "different places")


class AddressLevel(IntEnum):
    """Agreement of two addresses by their words and numbers, in any order and script.

    - ``EXACT``: the same words.
    - ``MOST``: at least 80 % of the shorter address's words are in the other.
    - ``SOME``: at least 40 % of the shorter address's words, a number among them.
    - ``DIFFERENT``.
    """

    MISSING = -1
    DIFFERENT = 0
    SOME = 1
    MOST = 2
    EXACT = 3


def compare_address(a: str | None, b: str | None) -> Comparison:
    left, right = set(_text_tokens(a)), set(_text_tokens(b))
    if not left or not right:
        return _missing(AddressLevel, "address")
    if left == right:
        return Comparison(AddressLevel.EXACT, "same address")
    common = left & right
    overlap = len(common) / min(len(left), len(right))
    if overlap >= 0.8:
        return Comparison(AddressLevel.MOST, "most words of the address agree")
    if overlap >= 0.4 and any(t.isdigit() for t in common):
        return Comparison(AddressLevel.SOME, "some words and a number agree")
    return Comparison(AddressLevel.DIFFERENT, "different addresses")


# --- identifiers --------------------------------------------------------------------------


class DocumentLevel(IntEnum):
    """Agreement of two document numbers (upper-case letters and digits only).

    - ``EXACT``: the same number.
    - ``OCR``: the same once letters and digits a reader confuses are folded
      (O/0, I/1, S/5, B/8, Z/2).
    - ``TYPO``: one character inserted, deleted, replaced or two adjacent swapped
      (numbers of 6 characters or more).
    - ``DIFFERENT``.
    """

    MISSING = -1
    DIFFERENT = 0
    TYPO = 1
    OCR = 2
    EXACT = 3


_NOT_ALNUM = re.compile(r"[^0-9A-Z]+")
_OCR = str.maketrans(
    {"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "S": "5", "B": "8", "Z": "2"}
)


def normalize_document(value: str | None) -> str:
    return _NOT_ALNUM.sub("", transliterate(value or "").upper())


def compare_document(a: str | None, b: str | None) -> Comparison:
    left, right = normalize_document(a), normalize_document(b)
    if not left or not right:
        return _missing(DocumentLevel, "document number")
    if left == right:
        return Comparison(DocumentLevel.EXACT, "same number")
    if left.translate(_OCR) == right.translate(_OCR):
        return Comparison(DocumentLevel.OCR, "same number but for characters OCR confuses")
    if min(len(left), len(right)) >= 6 and DamerauLevenshtein.distance(left, right) == 1:
        return Comparison(DocumentLevel.TYPO, "one character differs")
    return Comparison(DocumentLevel.DIFFERENT, "different numbers")


class PhoneLevel(IntEnum):
    """Agreement of two phone numbers.

    - ``EXACT``: the same E.164 number.
    - ``LAST_DIGITS``: the last 9 digits agree (a number written without its country code,
      or with a national trunk prefix, beside its international form).
    - ``DIFFERENT``.
    """

    MISSING = -1
    DIFFERENT = 0
    LAST_DIGITS = 1
    EXACT = 2


def _phone(value: str | None) -> str:
    if not value or not value.strip():
        return ""
    try:
        return parse_phone(value)
    except ValueError:
        digits = re.sub(r"\D", "", value)
        if value.strip().startswith("00"):
            return "+" + digits[2:]
        return ("+" if value.strip().startswith("+") else "") + digits


def compare_phone(a: str | None, b: str | None) -> Comparison:
    """Phones in any writing; E.164 where the number says its country."""
    left, right = _phone(a), _phone(b)
    digits_l, digits_r = left.lstrip("+"), right.lstrip("+")
    if len(digits_l) < 6 or len(digits_r) < 6:
        return _missing(PhoneLevel, "phone")
    if left == right:
        return Comparison(PhoneLevel.EXACT, "same number")
    if min(len(digits_l), len(digits_r)) >= 9 and digits_l[-9:] == digits_r[-9:]:
        return Comparison(PhoneLevel.LAST_DIGITS, "last nine digits agree")
    return Comparison(PhoneLevel.DIFFERENT, "different numbers")


class EmailLevel(IntEnum):
    """Agreement of two e-mail addresses.

    - ``EXACT``: the same address (case of the domain, a ``+tag`` and, at Gmail, dots in
      the local part ignored).
    - ``SAME_LOCAL``: the same local part at another domain.
    - ``SIMILAR_LOCAL``: local parts equal without dots, dashes, underscores and digits
      ("oleg.petrenko85" / "olegpetrenko").
    - ``DIFFERENT``.
    """

    MISSING = -1
    DIFFERENT = 0
    SIMILAR_LOCAL = 1
    SAME_LOCAL = 2
    EXACT = 3


_GMAIL = frozenset({"gmail.com", "googlemail.com"})
_LOCAL_NOISE = re.compile(r"[._\-0-9]+")


def _email(value: str | None) -> tuple[str, str] | None:
    if not value or "@" not in value:
        return None
    local, domain = value.strip().lower().rsplit("@", 1)
    local = local.split("+", 1)[0]
    if domain in _GMAIL:
        local, domain = local.replace(".", ""), "gmail.com"
    if not local or not domain:
        return None
    return local, domain


def compare_email(a: str | None, b: str | None) -> Comparison:
    left, right = _email(a), _email(b)
    if left is None or right is None:
        return _missing(EmailLevel, "e-mail")
    if left == right:
        return Comparison(EmailLevel.EXACT, "same address")
    if left[0] == right[0]:
        return Comparison(EmailLevel.SAME_LOCAL, "same local part, other domain")
    bare_l, bare_r = _LOCAL_NOISE.sub("", left[0]), _LOCAL_NOISE.sub("", right[0])
    if bare_l and bare_l == bare_r and len(bare_l) >= 4:
        return Comparison(EmailLevel.SIMILAR_LOCAL, "local parts agree but for dots and digits")
    return Comparison(EmailLevel.DIFFERENT, "different addresses")
