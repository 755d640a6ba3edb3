"""Machine-readable zones (ICAO Doc 9303): parse, validate, and say exactly what is wrong.

Five layouts: TD1 (identity cards, 3×30), TD2 (2×36), TD3 (passports, 2×44) and the
visas MRV-A (2×44) and MRV-B (2×36). Text that is not an MRZ at all raises
``MrzFormatError``; an MRZ that reads but does not check out comes back as an ``Mrz`` whose
``checks`` name every failed check (a check digit, or a field whose value cannot be), with
OCR-confusion ``suggestions`` that would repair it — reported, never applied.

Two-digit years: a birth date is the latest one not after ``today``; an expiry date lies in
the hundred years that end twenty years after ``today``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from interlink.documents import countries, ocr

FILLER = "<"
MRZ_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
_WEIGHTS = (7, 3, 1)
EXPIRY_YEARS_AHEAD = 20


class MrzFormat(StrEnum):
    TD1 = "TD1"
    TD2 = "TD2"
    TD3 = "TD3"
    MRVA = "MRVA"
    MRVB = "MRVB"


class MrzFormatError(ValueError):
    """The text is not an MRZ (line count, line length, characters); the message says why."""

    def __init__(self, message: str, line: int | None = None, position: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line  # 1-based, when one line is at fault
        self.position = position  # 1-based


def char_value(char: str) -> int:
    """Doc 9303 values: digits as themselves, A-Z 10-35, the filler 0."""
    if char.isdigit():
        return ord(char) - 48
    if char == FILLER:
        return 0
    return ord(char) - 55


def check_digit(text: str) -> str:
    """The check digit of ``text``: weights 7, 3, 1 repeating, sum modulo 10."""
    total = sum(char_value(c) * _WEIGHTS[i % 3] for i, c in enumerate(text))
    return str(total % 10)


# -- layouts -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """Characters ``start``..``end`` (exclusive, 0-based) of line ``line`` (0-based)."""

    line: int
    start: int
    end: int

    def read(self, lines: Sequence[str]) -> str:
        return lines[self.line][self.start : self.end]

    def positions(self) -> Iterator[tuple[int, int]]:
        return ((self.line, i) for i in range(self.start, self.end))


def _at(line: int, index: int) -> Span:
    return Span(line, index, index + 1)


@dataclass(frozen=True)
class Layout:
    format: MrzFormat
    line_count: int
    length: int
    document_codes: str  # letters allowed as the first character of the document code
    fields: dict[str, Span]  # value fields and check digits, by name
    composite: tuple[Span, ...] = ()  # what the composite check digit covers (TD1-3 only)
    overflow: str | None = None  # field that continues a long document number (TD1, TD2)

    def span(self, name: str) -> Span:
        return self.fields[name]


def _two_line(fmt: MrzFormat, length: int, codes: str, composite: bool) -> Layout:
    """TD2, TD3 and both visas share the order of line 2; only their widths differ."""
    fields = {
        "document_code": Span(0, 0, 2),
        "issuing_state": Span(0, 2, 5),
        "name": Span(0, 5, length),
        "document_number": Span(1, 0, 9),
        "document_number_check_digit": _at(1, 9),
        "nationality": Span(1, 10, 13),
        "date_of_birth": Span(1, 13, 19),
        "date_of_birth_check_digit": _at(1, 19),
        "sex": _at(1, 20),
        "expiry_date": Span(1, 21, 27),
        "expiry_date_check_digit": _at(1, 27),
    }
    if fmt == MrzFormat.TD3:
        fields["optional_data"] = Span(1, 28, 42)
        fields["optional_data_check_digit"] = _at(1, 42)
    else:
        fields["optional_data"] = Span(1, 28, length - 1 if composite else length)
    covered: tuple[Span, ...] = ()
    if composite:
        fields["composite_check_digit"] = _at(1, length - 1)
        covered = (Span(1, 0, 10), Span(1, 13, 20), Span(1, 21, length - 1))
    overflow = "optional_data" if fmt == MrzFormat.TD2 else None
    return Layout(fmt, 2, length, codes, fields, covered, overflow)


LAYOUTS: dict[MrzFormat, Layout] = {
    MrzFormat.TD1: Layout(
        MrzFormat.TD1,
        3,
        30,
        "ACI",
        {
            "document_code": Span(0, 0, 2),
            "issuing_state": Span(0, 2, 5),
            "document_number": Span(0, 5, 14),
            "document_number_check_digit": _at(0, 14),
            "optional_data": Span(0, 15, 30),
            "date_of_birth": Span(1, 0, 6),
            "date_of_birth_check_digit": _at(1, 6),
            "sex": _at(1, 7),
            "expiry_date": Span(1, 8, 14),
            "expiry_date_check_digit": _at(1, 14),
            "nationality": Span(1, 15, 18),
            "optional_data_2": Span(1, 18, 29),
            "composite_check_digit": _at(1, 29),
            "name": Span(2, 0, 30),
        },
        (Span(0, 5, 30), Span(1, 0, 7), Span(1, 8, 15), Span(1, 18, 29)),
        "optional_data",
    ),
    MrzFormat.TD2: _two_line(MrzFormat.TD2, 36, "ACI", composite=True),
    MrzFormat.TD3: _two_line(MrzFormat.TD3, 44, "P", composite=True),
    MrzFormat.MRVA: _two_line(MrzFormat.MRVA, 44, "V", composite=False),
    MrzFormat.MRVB: _two_line(MrzFormat.MRVB, 36, "V", composite=False),
}
_DESCRIPTION = {
    MrzFormat.TD1: "TD1 (identity card, 3 lines of 30)",
    MrzFormat.TD2: "TD2 (2 lines of 36)",
    MrzFormat.TD3: "TD3 (passport, 2 lines of 44)",
    MrzFormat.MRVA: "MRV-A (visa, 2 lines of 44)",
    MrzFormat.MRVB: "MRV-B (visa, 2 lines of 36)",
}


# -- results -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """One check: a check digit (``…_check_digit``) or the value of a field."""

    field: str
    valid: bool
    reason: str = ""  # why it failed; shows MRZ characters, so it is personal data
    positions: tuple[tuple[int, int], ...] = ()  # (line, index), 0-based, the check reads

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "valid": self.valid}


@dataclass(frozen=True)
class Mrz:
    """What an MRZ says, and which checks it passes. Names and numbers are personal data."""

    format: MrzFormat
    lines: tuple[str, ...]
    document_code: str  # fillers removed: "P", "ID", "V"
    issuing_state: str  # ICAO code: "UTO", "D", "UKR"
    document_number: str
    surname: str
    given_names: str
    name_truncated: bool  # the name fills its field: it may have been cut
    nationality: str  # ICAO code
    date_of_birth: str | None  # YYYY-MM-DD, or YYYY-MM / YYYY when the MRZ gives part of it
    sex: str | None  # M, F or X; None when unspecified (<)
    expiry_date: date | None
    optional_data: str  # fillers at the end removed
    optional_data_2: str  # TD1 line 2 only
    checks: tuple[Check, ...]
    suggestions: tuple[ocr.Suggestion, ...] = ()

    @property
    def valid(self) -> bool:
        return all(c.valid for c in self.checks)

    @property
    def failed(self) -> tuple[str, ...]:
        return tuple(c.field for c in self.checks if not c.valid)

    @property
    def issuing_country(self) -> str | None:
        """ISO alpha-2 of the issuing state, where it is a country."""
        return countries.alpha2(self.issuing_state)

    @property
    def nationality_country(self) -> str | None:
        return countries.alpha2(self.nationality)

    def check(self, name: str) -> Check | None:
        return next((c for c in self.checks if c.field == name), None)

    def field_at(self, line: int, index: int) -> str:
        """The name of the field (or check digit) at a 0-based position."""
        for name, span in LAYOUTS[self.format].fields.items():
            if span.line == line and span.start <= index < span.end:
                return name
        return "filler"  # pragma: no cover - every position of a layout is in a field

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of ``interlink mrz check`` (issue 4 names its keys)."""
        # One key for optional data: a TD1's two fields are joined by a space.
        optional = " ".join(p for p in (self.optional_data, self.optional_data_2) if p)
        return {
            "valid": self.valid,
            "format": self.format.value,
            "document_code": self.document_code,
            "issuing_state": self.issuing_state,
            "document_number": self.document_number,
            "surname": self.surname,
            "given_names": self.given_names,
            "nationality": self.nationality,
            "date_of_birth": self.date_of_birth,
            "sex": self.sex,
            "expiry_date": self.expiry_date.isoformat() if self.expiry_date else None,
            "optional_data": optional,
            "checks": [c.to_dict() for c in self.checks],
            "suggestions": [s.to_dict() for s in self.suggestions],
        }


# -- reading the text --------------------------------------------------------------------


def split_lines(text: str | Iterable[str]) -> tuple[str, ...]:
    """The MRZ's lines: one string with line breaks, or lines; blank lines and the spaces
    around a line are dropped, and one unbroken line of 90, 72 or 88 characters is cut."""
    raw = text.splitlines() if isinstance(text, str) else [str(t) for t in text]
    lines = tuple(t.strip() for t in raw if t.strip())
    if len(lines) == 1:
        for count, length in ((3, 30), (2, 36), (2, 44)):
            if len(lines[0]) == count * length:
                return tuple(lines[0][i * length : (i + 1) * length] for i in range(count))
    return lines


def detect(lines: Sequence[str]) -> MrzFormat:
    """The layout, from the number and length of the lines; MrzFormatError saying why not."""
    if len(lines) not in (2, 3):
        noun = "line" if len(lines) == 1 else "lines"
        raise MrzFormatError(
            f"an MRZ has 2 or 3 lines; this has {len(lines)} {noun} "
            "(a TD1 card has 3 lines of 30 characters, other documents 2 lines of 36 or 44)"
        )
    for number, line in enumerate(lines, start=1):
        for index, char in enumerate(line, start=1):
            if char not in MRZ_CHARACTERS:
                raise MrzFormatError(
                    f"line {number}, position {index}: {char!r} is not an MRZ character "
                    "(only A-Z, 0-9 and < are)",
                    number,
                    index,
                )
    lengths = [len(line) for line in lines]
    expected = 30 if len(lines) == 3 else (lengths[0] if lengths[0] in (36, 44) else None)
    if expected is None:
        raise MrzFormatError(
            f"line 1 has {lengths[0]} characters; a 2-line MRZ has 36 or 44 on each line", 1
        )
    for number, length in enumerate(lengths, start=1):
        if length != expected:
            kind = "TD1 (3-line) MRZ" if len(lines) == 3 else f"2-line MRZ of {expected}"
            raise MrzFormatError(
                f"line {number} has {length} characters; every line of a {kind} has {expected}",
                number,
            )
    if len(lines) == 3:
        return MrzFormat.TD1
    visa = lines[0][0] == "V"
    if expected == 44:
        return MrzFormat.MRVA if visa else MrzFormat.TD3
    return MrzFormat.MRVB if visa else MrzFormat.TD2


def parse(text: str | Iterable[str], *, today: date | None = None, suggest: bool = True) -> Mrz:
    """Read and check an MRZ. Raises MrzFormatError only when the text is not an MRZ."""
    lines = split_lines(text)
    fmt = detect(lines)
    today = today or date.today()
    result = _read(lines, fmt, today)
    if suggest and not result.valid:
        covered = _composite_positions(LAYOUTS[fmt])
        found = ocr.suggestions(result, lambda changed: _read(changed, fmt, today), covered)
        result = replace(result, suggestions=found)
    return result


def _composite_positions(layout: Layout) -> frozenset[tuple[int, int]]:
    if not layout.composite:
        return frozenset()
    digit = layout.span("composite_check_digit")
    return frozenset(_positions(*layout.composite, digit))


# -- fields ------------------------------------------------------------------------------


def _positions(*spans: Span) -> tuple[tuple[int, int], ...]:
    return tuple(p for s in spans for p in s.positions())


def _code(text: str) -> str:
    return text.rstrip(FILLER)


def _digit_check(name: str, value: str, digit: str, spans: Sequence[Span], at: Span) -> Check:
    """A check digit: the value's own, or ``<`` when the whole value is filler."""
    expected = check_digit(value)
    if digit == expected or (digit == FILLER and set(value) <= {FILLER}):
        return Check(name, True, positions=_positions(*spans, at))
    shown = "a filler" if digit == FILLER else f"'{digit}'"
    return Check(
        name,
        False,
        f"the check digit is {shown}; the characters it protects give {expected}",
        _positions(*spans, at),
    )


def _value_check(name: str, problem: str | None, *spans: Span) -> Check:
    return Check(name, problem is None, problem or "", _positions(*spans))


def _document_code(text: str, layout: Layout) -> str | None:
    first, second = text[0], text[1]
    if first not in layout.document_codes:
        allowed = " or ".join(layout.document_codes)
        return f"starts with '{first}'; a {_DESCRIPTION[layout.format]} code starts with {allowed}"
    if not (second.isalpha() or second == FILLER):
        return f"its second character '{second}' is not a letter"
    return None


def _state(code: str, *, issuer: bool) -> str | None:
    if not code:
        return "is empty"
    found = countries.icao_code(code)
    if found is None:
        return f"'{code}' is not an ICAO code of a state or organization"
    if issuer and not found.issuer:
        return f"'{code}' is a nationality code ({found.name}), not an issuer"
    return None


def _name(text: str) -> tuple[str, str, str | None]:
    """(surname, given names, problem): the primary identifier ends at the first ``<<``."""
    for index, char in enumerate(text, start=1):
        if not (char.isalpha() or char == FILLER):
            return "", "", f"position {index} of the name is '{char}', not a letter"
    if text[0] == FILLER:
        return "", "", "the name starts with a filler"
    body = text.rstrip(FILLER)
    surname, _, given = body.partition("<<")
    return (
        " ".join(surname.split(FILLER)),
        " ".join(g for g in given.split(FILLER) if g),
        None,
    )


def _sex(char: str) -> tuple[str | None, str | None]:
    if char in "MFX":
        return char, None
    if char == FILLER:
        return None, None
    return None, f"'{char}' is not a sex code (M, F, X or < for unspecified)"


def _two_digits(text: str) -> int | None:
    return int(text) if len(text) == 2 and text.isdigit() else None


def resolve_birth(text: str, today: date) -> tuple[str | None, str | None]:
    """(YYYY[-MM[-DD]] or None, problem). Unknown parts are fillers: ``7408<<``, ``74<<<<``."""
    if text == FILLER * 6:
        return None, None
    known = text.rstrip(FILLER)
    if len(known) not in (2, 4, 6) or not known.isdigit():
        return None, f"'{text}' is not a date (YYMMDD; unknown parts as < at the end)"
    yy, month, day = int(known[:2]), _two_digits(known[2:4]), _two_digits(known[4:6])
    earliest = (1 if month is None else month, 1 if day is None else day)
    base = today.year // 100 * 100
    now = (today.year, today.month, today.day)
    year = base + yy if (base + yy, *earliest) <= now else base - 100 + yy
    try:
        date(year, *earliest)
    except ValueError:
        return None, f"'{text}' is not a date that exists"
    if day is not None:
        return f"{year:04d}-{month:02d}-{day:02d}", None
    return (f"{year:04d}-{month:02d}" if month is not None else f"{year:04d}"), None


def resolve_expiry(text: str, today: date) -> tuple[date | None, str | None]:
    """(date or None, problem): fillers only mean the document states no expiry."""
    if text == FILLER * 6:
        return None, None
    if len(text) != 6 or not text.isdigit():
        return None, f"'{text}' is not a date (YYMMDD)"
    yy, month, day = int(text[:2]), int(text[2:4]), int(text[4:6])
    base = today.year // 100 * 100
    latest = today.year + EXPIRY_YEARS_AHEAD
    year = next(
        y for y in (base + 100 + yy, base + yy, base - 100 + yy) if latest - 100 < y <= latest
    )
    try:
        return date(year, month, day), None
    except ValueError:
        return None, f"'{text}' is not a date that exists"


def _document_number(lines: Sequence[str], layout: Layout) -> tuple[str, Span | None, Span, str]:
    """(number, span of its overflow, span of its check digit, optional data).

    TD1 and TD2 write a number longer than nine characters as its first nine, a filler
    where the check digit would be, then at the start of the optional data the rest of the
    number, its check digit and a filler.
    """
    number = layout.span("document_number").read(lines)
    digit = layout.span("document_number_check_digit")
    optional_span = layout.span("optional_data")
    optional = optional_span.read(lines)
    if layout.overflow and digit.read(lines) == FILLER and optional[0] != FILLER:
        rest = optional.split(FILLER, 1)[0]
        if len(rest) >= 2:
            line, start = optional_span.line, optional_span.start
            overflow = Span(line, start, start + len(rest) - 1)
            digit = _at(line, start + len(rest) - 1)
            return number + overflow.read(lines), overflow, digit, optional[len(rest) + 1 :]
    return number, None, digit, optional


def _read(lines: Sequence[str], fmt: MrzFormat, today: date) -> Mrz:
    layout = LAYOUTS[fmt]

    def text(name: str) -> str:
        return layout.span(name).read(lines)

    def span(name: str) -> Span:
        return layout.span(name)

    checks: list[Check] = []
    code = text("document_code")
    checks.append(
        _value_check("document_code", _document_code(code, layout), span("document_code"))
    )
    issuing = _code(text("issuing_state"))
    checks.append(
        _value_check("issuing_state", _state(issuing, issuer=True), span("issuing_state"))
    )
    surname, given, name_problem = _name(text("name"))
    checks.append(_value_check("name", name_problem, span("name")))

    raw_number, overflow, number_digit, optional = _document_number(lines, layout)
    number_spans = [span("document_number")] + ([overflow] if overflow else [])
    number = raw_number.rstrip(FILLER)
    checks.append(_value_check("document_number", None if number else "is empty", *number_spans))
    checks.append(
        _digit_check(
            "document_number_check_digit",
            raw_number,
            number_digit.read(lines),
            number_spans,
            number_digit,
        )
    )
    nationality = _code(text("nationality"))
    checks.append(
        _value_check("nationality", _state(nationality, issuer=False), span("nationality"))
    )
    birth, birth_problem = resolve_birth(text("date_of_birth"), today)
    checks.append(_value_check("date_of_birth", birth_problem, span("date_of_birth")))
    checks.append(_dated_digit(lines, layout, "date_of_birth"))
    sex, sex_problem = _sex(text("sex"))
    checks.append(_value_check("sex", sex_problem, span("sex")))
    expiry, expiry_problem = resolve_expiry(text("expiry_date"), today)
    checks.append(_value_check("expiry_date", expiry_problem, span("expiry_date")))
    checks.append(_dated_digit(lines, layout, "expiry_date"))
    if "optional_data_check_digit" in layout.fields:
        checks.append(
            _digit_check(
                "optional_data_check_digit",
                text("optional_data"),
                text("optional_data_check_digit"),
                [span("optional_data")],
                span("optional_data_check_digit"),
            )
        )
    if layout.composite:
        checks.append(_composite(lines, layout, checks))
    optional_2 = text("optional_data_2") if "optional_data_2" in layout.fields else ""
    return Mrz(
        format=fmt,
        lines=tuple(lines),
        document_code=_code(code),
        issuing_state=issuing,
        document_number=number,
        surname=surname,
        given_names=given,
        name_truncated=text("name")[-1] != FILLER,
        nationality=nationality,
        date_of_birth=birth,
        sex=sex,
        expiry_date=expiry,
        optional_data=optional.rstrip(FILLER),
        optional_data_2=optional_2.rstrip(FILLER),
        checks=tuple(checks),
    )


def _dated_digit(lines: Sequence[str], layout: Layout, name: str) -> Check:
    value, digit = layout.span(name), layout.span(f"{name}_check_digit")
    return _digit_check(f"{name}_check_digit", value.read(lines), digit.read(lines), [value], digit)


def _composite(lines: Sequence[str], layout: Layout, checks: Sequence[Check]) -> Check:
    """The composite check digit; the positions it alone protects are the ones no other
    check digit covers (optional data of TD1 and TD2) and the digit itself."""
    covered = {p for c in checks if c.field.endswith("_check_digit") for p in c.positions}
    digit = layout.span("composite_check_digit")
    value = "".join(s.read(lines) for s in layout.composite)
    check = _digit_check("composite_check_digit", value, digit.read(lines), [], digit)
    own = tuple(p for s in layout.composite for p in s.positions() if p not in covered)
    return Check(check.field, check.valid, check.reason, (*own, *check.positions))
