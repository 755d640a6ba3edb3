"""Value types: partial dates, countries, phone numbers, e-mail addresses, scripts.

Each parser takes what people type and returns the one stored form, or raises ``ValueError``
with a message that can be shown to the user as it is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import Annotated, Any

import phonenumbers
import pycountry
from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_EARLIEST_YEAR = 1880


def parse_partial_date(value: object, *, today: date | None = None) -> str:
    """Return ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; accept also ``DD.MM.YYYY``.

    Why partial: police records often know only the year or the month of a birth.
    """
    if isinstance(value, date):
        text = value.isoformat()
    elif isinstance(value, int) and not isinstance(value, bool):
        text = str(value)
    elif isinstance(value, str):
        text = value.strip()
    else:
        raise ValueError("a date must be written YYYY, YYYY-MM or YYYY-MM-DD")
    dotted = _DOTTED.match(text)
    if dotted:
        day, month, year = dotted.groups()
        text = f"{year}-{int(month):02d}-{int(day):02d}"
    match = _ISO_PARTIAL.match(text)
    if not match:
        raise ValueError(f"'{text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    year_s, month_s, day_s = match.groups()
    year = int(year_s)
    month = int(month_s) if month_s else 1
    day = int(day_s) if day_s else 1
    try:
        earliest = date(year, month, day)
    except ValueError:
        raise ValueError(f"'{text}' is not a date that exists") from None
    if year < _EARLIEST_YEAR:
        raise ValueError(f"'{text}' is before {_EARLIEST_YEAR}")
    if earliest > (today or date.today()):
        raise ValueError(f"'{text}' is in the future")
    return text


def partial_date_bounds(value: str) -> tuple[date, date]:
    """The first and last day a partial date may stand for (for range filters)."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        d = date(parts[0], parts[1], parts[2])
        return d, d
    if len(parts) == 2:
        first = date(parts[0], parts[1], 1)
        nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return first, date.fromordinal(nxt.toordinal() - 1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


# Codes in use by police and ICAO that ISO 3166-1 does not (yet) assign.
_EXTRA_COUNTRIES = {"XK": ("XKX", "Kosovo")}


@lru_cache(maxsize=4096)
def parse_country(value: str) -> str:
    """Return the ISO 3166-1 alpha-2 code for an alpha-2 or alpha-3 code or an English name."""
    text = value.strip()
    if not text:
        raise ValueError("a country is empty")
    upper = text.upper()
    for alpha2, (alpha3, name) in _EXTRA_COUNTRIES.items():
        if upper in (alpha2, alpha3, name.upper()):
            return alpha2
    try:
        country = pycountry.countries.lookup(text)
    except LookupError:
        raise ValueError(
            f"unknown country '{text}': use an ISO 3166 code (UA, UKR) or an English name"
        ) from None
    return str(country.alpha_2)


def country_name(alpha2: str) -> str:
    if alpha2 in _EXTRA_COUNTRIES:
        return _EXTRA_COUNTRIES[alpha2][1]
    country = pycountry.countries.get(alpha_2=alpha2)
    return str(country.name) if country else alpha2


_INTERNATIONAL = re.compile(r"^\+[1-9]\d{6,16}$")
_SEPARATORS = re.compile(r"[\s.()/-]")


def _fast_international(text: str) -> str | None:
    """E.164 for a plain international number (+, country code, digits), without the full
    parser: most imported numbers are written so, and the parser is slow on a hot path."""
    compact = _SEPARATORS.sub("", text)
    if not _INTERNATIONAL.match(compact):
        return None
    digits = compact[1:]
    for size in (1, 2, 3):
        code = int(digits[:size])
        if code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            national = digits[size:]
            if not national or national[0] == "0":
                return None  # leading zeros need the parser's rules
            number = phonenumbers.PhoneNumber(country_code=code, national_number=int(national))
            return compact if phonenumbers.is_possible_number(number) else None
    return None


def parse_phone(value: str, region: str | None = None) -> str:
    """Return the E.164 form; a number without ``+`` needs the region it was dialled in."""
    text = value.strip()
    if not text:
        raise ValueError("a phone number is empty")
    fast = _fast_international(text)
    if fast is not None:
        return fast
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        hint = "" if text.startswith("+") or region else " (write it with + and country code)"
        raise ValueError(f"'{text}' is not a phone number{hint}") from None
    if not phonenumbers.is_possible_number(number):
        raise ValueError(f"'{text}' is not a possible phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def parse_email(value: str) -> str:
    text = value.strip()
    if not _EMAIL.match(text) or _CONTROL.search(text):
        raise ValueError(f"'{text}' is not an e-mail address")
    local, domain = text.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


# Unicode blocks of the scripts names arrive in, as ISO 15924 codes.
_SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, "Latn"),
    (0x0370, 0x03FF, "Grek"),
    (0x1F00, 0x1FFF, "Grek"),
    (0x0400, 0x052F, "Cyrl"),
    (0x0530, 0x058F, "Armn"),
    (0x0590, 0x05FF, "Hebr"),
    (0x0600, 0x06FF, "Arab"),
    (0x0750, 0x077F, "Arab"),
    (0xFB50, 0xFDFF, "Arab"),
    (0xFE70, 0xFEFF, "Arab"),
    (0x0900, 0x097F, "Deva"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x10A0, 0x10FF, "Geor"),
    (0x1100, 0x11FF, "Hang"),
    (0x1E00, 0x1EFF, "Latn"),
    (0x3040, 0x309F, "Hira"),
    (0x30A0, 0x30FF, "Kana"),
    (0x3130, 0x318F, "Hang"),
    (0x3400, 0x4DBF, "Hani"),
    (0x4E00, 0x9FFF, "Hani"),
    (0xAC00, 0xD7AF, "Hang"),
)


@lru_cache(maxsize=8192)
def _char_script(char: str) -> str | None:
    if not char.isalpha():
        return None
    code = ord(char)
    for low, high, script in _SCRIPT_RANGES:
        if low <= code <= high:
            return script
    return "Zzzz"


def detect_script(text: str) -> str:
    """The ISO 15924 code of the script most letters of ``text`` are in ("Zyyy" if none)."""
    if text.isascii():
        return "Latn" if any(c.isalpha() for c in text) else "Zyyy"
    counts: dict[str, int] = {}
    for char in text:
        script = _char_script(char)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return "Zyyy"
    if {"Hani", "Hira", "Kana"} >= counts.keys() and counts.keys() & {"Hira", "Kana"}:
        return "Jpan"
    return max(counts, key=lambda s: counts[s])


def clean_text(value: object) -> object:
    """Refuse control characters and unpaired surrogates: no database can store them safely."""
    if isinstance(value, str):
        if _CONTROL.search(value):
            raise ValueError("contains a control character")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("is not valid Unicode text") from None
    return value


def _json_string(pattern: str, description: str) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", "pattern": pattern, "description": description})


CleanText = Annotated[str, BeforeValidator(clean_text)]

# The same rule as clean_text, as a constraint pydantic-core checks without calling Python:
# used by the model's text fields, which every imported row passes through many times.
CLEAN_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"


def error_message(error: Mapping[str, Any]) -> str:
    """A pydantic error as a sentence for the user (without pydantic's prefixes and regexes)."""
    kind = error.get("type")
    ctx = error.get("ctx") or {}
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == CLEAN_PATTERN:
        return "contains a control character"
    if kind == "string_unicode":
        return "is not valid Unicode text"
    return str(error.get("msg", "")).removeprefix("Value error, ")


PartialDate = Annotated[
    str,
    BeforeValidator(parse_partial_date),
    _json_string(
        r"^\d{4}(-\d{2}(-\d{2})?)?$", "A date, possibly partial: YYYY, YYYY-MM or YYYY-MM-DD."
    ),
]
Country = Annotated[
    str,
    BeforeValidator(lambda v: parse_country(v) if isinstance(v, str) else v),
    PlainSerializer(lambda v: v, return_type=str),
    _json_string(r"^[A-Z]{2}$", "ISO 3166-1 alpha-2 (alpha-3 and English names accepted)."),
]
E164Phone = Annotated[
    str,
    BeforeValidator(lambda v: parse_phone(v) if isinstance(v, str) else v),
    _json_string(r"^\+[1-9]\d{1,14}$", "Phone number in E.164 form (+ and country code)."),
]
Email = Annotated[
    str,
    BeforeValidator(lambda v: parse_email(v) if isinstance(v, str) else v),
    _json_string(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", "E-mail address."),
]
