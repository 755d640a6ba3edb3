"""Reporting periods as people write them: a year, a quarter, a month, a range, or all.

One parser for the CLI, the API and the dashboard, so that ``2026-Q3`` means the same
days everywhere. A period is half-open: ``start`` is included, ``end`` is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-[Qq]([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
HELP = "a year (2026), a quarter (2026-Q3), a month (2026-07), a range (2025-01..2026-06) or all"


class PeriodError(ValueError):
    """The text is not a period; the message says what is accepted."""


@dataclass(frozen=True)
class Period:
    label: str
    start: date | None  # None: since the beginning
    end: date | None  # None: until now (exclusive bound)

    def contains(self, day: date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day < self.end)


ALL = Period("all", None, None)


def _month_after(year: int, month: int) -> date:
    return date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)


def _span(text: str) -> tuple[date, date]:
    """First day and the day after the last of one year, quarter or month."""
    if m := _YEAR.match(text):
        year = int(m[1])
        return date(year, 1, 1), date(year + 1, 1, 1)
    if m := _QUARTER.match(text):
        year, quarter = int(m[1]), int(m[2])
        first = 3 * (quarter - 1) + 1
        return date(year, first, 1), _month_after(year, first + 2)
    if m := _MONTH.match(text):
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            raise PeriodError(f"'{text}': month {month} does not exist")
        return date(year, month, 1), _month_after(year, month)
    raise PeriodError(f"'{text}' is not a period; write {HELP}")


def parse_period(text: str) -> Period:
    """``2026``, ``2026-Q3``, ``2026-07``, ``2025-01..2026-06`` or ``all``."""
    cleaned = text.strip()
    if cleaned.lower() == "all":
        return ALL
    if ".." in cleaned:
        first, _, last = cleaned.partition("..")
        start, _end = _span(first.strip())
        _start, end = _span(last.strip())
        if end <= start:
            raise PeriodError(f"'{text}': the range ends before it starts")
        label = f"{first.strip().upper()}..{last.strip().upper()}"
        return Period(label, start, end)
    start, end = _span(cleaned)
    return Period(cleaned.upper(), start, end)
