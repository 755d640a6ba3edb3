"""Streaming readers for bulk import: CSV/TSV, JSON Lines and XLSX, one row at a time.

Why streaming: an import file may be a gigabyte; it never sits in memory. Every row keeps
the physical line (or sheet row) it started on, so an error can send the user to it.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections.abc import Generator, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Literal

Format = Literal["csv", "jsonl", "xlsx"]

_EXTENSIONS: dict[str, Format] = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
}
_DELIMITERS = (",", ";", "\t", "|")
_RESAVE = "re-save it as UTF-8 (in Excel: Save As, 'CSV UTF-8')"


class FileFormatError(ValueError):
    """The file as a whole cannot be read; nothing is imported. Names the line when known."""

    def __init__(self, message: str, line: int | None = None, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.field = field

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass(slots=True)
class SourceRow:
    """One row as read: where it starts in the file, and its values by lower-case column name."""

    line: int
    values: dict[str, str]


def detect_format(path: str | Path) -> Format:
    """The format by extension; by the first bytes when the extension says nothing."""
    path = Path(path)
    known = _EXTENSIONS.get(path.suffix.lower())
    if known:
        return known
    with open(path, "rb") as handle:
        head = handle.read(4096)
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return "jsonl"
    return "csv"


def iter_rows(path: str | Path, fmt: Format | None = None) -> Generator[SourceRow, None, None]:
    """Yield the data rows of ``path``; blank rows are skipped. Raises ``FileFormatError``."""
    path = Path(path)
    fmt = fmt or detect_format(path)
    if fmt == "jsonl":
        with open(path, "rb") as handle:
            yield from _jsonl_rows(handle)
        return
    with closing(_records(path, fmt)) as records:
        yield from _rows(records)


def read_header(path: str | Path, fmt: Format | None = None) -> list[str]:
    """The column names (for JSON Lines: the keys of the first object), to check them once."""
    path = Path(path)
    fmt = fmt or detect_format(path)
    if fmt == "jsonl":
        with closing(iter_rows(path, fmt)) as rows:
            for row in rows:
                return list(row.values)
        raise FileFormatError("the file is empty")  # pragma: no cover - iter_rows raises it
    with closing(_records(path, fmt)) as records:
        for line, cells in records:
            return _header(cells, line)[1]
    raise FileFormatError("the file is empty")


def _records(path: Path, fmt: Format) -> Generator[tuple[int, list[str]], None, None]:
    """(start line, cells) of every non-blank row, header included."""
    if fmt == "csv":
        tab = path.suffix.lower() == ".tsv"
        with open(path, "rb") as handle:
            yield from _csv_records(handle, "\t" if tab else None)
    elif fmt == "xlsx":
        yield from _xlsx_records(path)
    else:
        raise FileFormatError(f"unknown format '{fmt}': use csv, jsonl or xlsx")


def _rows(records: Iterator[tuple[int, list[str]]]) -> Iterator[SourceRow]:
    """Pair the cells of each record with the header; cells outside it must be empty."""
    try:
        line, cells = next(records)
    except StopIteration:
        raise FileFormatError("the file is empty") from None
    offset, header = _header(cells, line)
    width = len(header)
    for line, cells in records:
        if offset:
            if any(c.strip() for c in cells[:offset]):
                raise FileFormatError(
                    f"this row has values left of the first column ('{header[0]}')", line
                )
            cells = cells[offset:]
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            raise FileFormatError(
                f"this row has {len(cells) + offset} cells but the header names "
                f"{width + offset} columns",
                line,
            )
        values = {h: c.strip() for h, c in zip(header, cells, strict=False)}
        if len(cells) < width:
            for h in header[len(cells) :]:
                values[h] = ""
        yield SourceRow(line, values)


def _header(cells: list[str], line: int) -> tuple[int, list[str]]:
    """Lower-cased, stripped column names, and how many empty cells precede them.

    Empty cells before and after the names are dropped (a table placed right of column A
    in a sheet); an empty name between two names and a name given twice are errors.
    """
    names = [c.strip().lower() for c in cells]
    while names and not names[-1]:
        names.pop()
    offset = 0
    while offset < len(names) and not names[offset]:
        offset += 1
    names = names[offset:]
    if not names:
        raise FileFormatError("the header is missing: the first row must name the columns", line)
    seen: set[str] = set()
    for position, name in enumerate(names, start=offset + 1):
        if not name:
            raise FileFormatError(f"column {position} has no name in the header", line)
        if name in seen:
            raise FileFormatError(f"the column '{name}' appears twice in the header", line, name)
        seen.add(name)
    return offset, names


# --- CSV -------------------------------------------------------------------------------


def _decoded_lines(binary: Iterable[bytes]) -> Iterator[str]:
    """Strict UTF-8, one physical line at a time (b"\\n" never occurs inside a UTF-8 char)."""
    for number, raw in enumerate(binary, start=1):
        if number == 1 and raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
            raise FileFormatError(f"the file is UTF-16, not UTF-8: {_RESAVE}", line=1)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad = raw[exc.start]
            raise FileFormatError(
                f"the file is not UTF-8 (byte 0x{bad:02x} at position {exc.start + 1} "
                f"of the line): {_RESAVE}",
                line=number,
            ) from None
        if number == 1 and text.startswith("\ufeff"):
            text = text[1:]
        yield text


_NUMBER_LIKE = re.compile(r"^[+-]?[\d .()/-]*$")


def formula_risk(cell: str) -> bool:
    """Whether a spreadsheet would run the cell as a formula, or it is one escaped already.

    Phone numbers (``+380…``) and negative numbers are not a risk.
    """
    if not cell:
        return False
    if cell[0] in "=@\t\r" or (cell[0] in "+-" and not _NUMBER_LIKE.match(cell)):
        return True
    return cell[0] == "'" and formula_risk(cell[1:])


def unescape_formula(cell: str) -> str:
    """Undo the apostrophe our CSV export puts before a cell a spreadsheet would run."""
    return cell[1:] if cell[:1] == "'" and formula_risk(cell[1:]) else cell


def _sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_records(handle: IO[bytes], delimiter: str | None) -> Iterator[tuple[int, list[str]]]:
    """Records with the physical line each starts on (the csv module counts lines consumed)."""
    lines = _decoded_lines(handle)
    skipped = 0
    for first in lines:
        if first.strip():
            break
        skipped += 1
    else:
        return
    reader = csv.reader(
        itertools.chain([first], lines), delimiter=delimiter or _sniff_delimiter(first), strict=True
    )
    end = skipped
    try:
        for cells in reader:
            start, end = end + 1, skipped + reader.line_num
            if any(c.strip() for c in cells):
                yield start, [unescape_formula(c) for c in cells]
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise FileFormatError("a quoted value is opened but never closed", end + 1) from None
        if "new-line character" in str(exc):
            raise FileFormatError(
                "a line ends with a bare carriage return (old Mac line endings): re-save the "
                "file with Windows or Unix line endings",
                end + 1,
            ) from None
        raise FileFormatError(f"this is not valid CSV ({exc})", end + 1) from None


# --- JSON Lines --------------------------------------------------------------------------


def _jsonl_rows(handle: IO[bytes]) -> Iterator[SourceRow]:
    empty = True
    for number, text in enumerate(_decoded_lines(handle), start=1):
        stripped = text.strip()
        if not stripped:
            continue
        if empty and stripped.startswith("["):
            raise FileFormatError(
                "the file is a JSON array: write one JSON object per line (JSON Lines)", number
            )
        empty = False
        try:
            obj = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise FileFormatError(f"this line is not valid JSON ({exc.msg})", number) from None
        except (ValueError, RecursionError):
            raise FileFormatError("this line is not valid JSON", number) from None
        if not isinstance(obj, dict):
            raise FileFormatError("this line is not a JSON object ({...})", number)
        values: dict[str, str] = {}
        for key, value in obj.items():
            name = key.strip().lower()
            if name in values:
                raise FileFormatError(f"the field '{name}' appears twice", number, name)
            values[name] = _json_value(value, number, name)
        yield SourceRow(number, values)
    if empty:
        raise FileFormatError("the file is empty")


def _json_value(value: object, line: int, name: str) -> str:
    if isinstance(value, list):
        return ";".join(escape_item(_json_scalar(v, line, name)) for v in value if v is not None)
    return _json_scalar(value, line, name)


def _json_scalar(value: object, line: int, name: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    raise FileFormatError(f"'{name}' holds a nested object: write plain values", line, name)


def escape_item(item: str) -> str:
    """One value of a ``;``-separated list, its own ``;`` and ``\\`` escaped with ``\\``."""
    if ";" in item or "\\" in item:
        return item.replace("\\", "\\\\").replace(";", "\\;")
    return item


# --- XLSX --------------------------------------------------------------------------------


def _xlsx_records(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Non-empty rows of the first sheet with their sheet row numbers (read-only: streamed)."""
    import openpyxl  # imported here: only XLSX imports pay for it

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise FileFormatError(
            "the file is not an Excel workbook (.xlsx); an old .xls must be re-saved as .xlsx"
        ) from None
    number = 0
    try:
        if not workbook.worksheets:
            raise FileFormatError("the workbook has no sheet")
        # Read-only sheets yield gap rows as empty tuples, so counting gives sheet row numbers.
        for number, cells in enumerate(
            workbook.worksheets[0].iter_rows(min_row=1, values_only=True), start=1
        ):
            texts = [_cell_text(c) for c in cells]
            if any(texts):
                yield number, texts
    except FileFormatError:
        raise
    except Exception:  # a damaged sheet fails deep inside openpyxl's XML parsing
        raise FileFormatError("the workbook is damaged and cannot be read", number + 1) from None
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    """A cell as the text a user would have typed; whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).strip()


# --- CSV in pieces, for parallel reading ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class CsvPiece:
    """Whole CSV records cut from a file, to be read apart from the rest.

    ``head`` is the file up to the end of its header record, so that a piece reads exactly
    as the file would (same delimiter, same BOM handling); ``lines_before`` is the number of
    physical lines in the file before ``body``.
    """

    head: bytes
    lines_before: int
    body: bytes
    tab: bool


def _record_end(buffer: bytes, start: int = 0) -> int:
    """Index just past the last line break in ``buffer[start:]`` that ends a record (outside
    quotes, counting from ``start``, itself a record boundary); -1 if there is none."""
    end = buffer.rfind(b"\n", start)
    while end >= start:
        if buffer.count(b'"', start, end) % 2 == 0:
            return end + 1
        end = buffer.rfind(b"\n", start, end)
    return -1


def _first_record_end(buffer: bytes) -> int:
    """Index just past the first non-blank record; -1 if it does not end in ``buffer``."""
    start = len(buffer) - len(buffer.lstrip(b"\r\n"))
    end = buffer.find(b"\n", start)
    while end >= 0:
        if buffer.count(b'"', start, end) % 2 == 0:
            return end + 1
        end = buffer.find(b"\n", end + 1)
    return -1


def csv_pieces(path: str | Path, piece_bytes: int = 1 << 20) -> Iterator[CsvPiece]:
    """The data records of a CSV file in pieces of about ``piece_bytes``, in file order."""
    path = Path(path)
    tab = path.suffix.lower() == ".tsv"
    with open(path, "rb") as handle:
        buffer = b""
        head_end = -1
        while head_end < 0:  # the header record: the first non-blank one
            more = handle.read(piece_bytes)
            buffer += more
            head_end = _first_record_end(buffer)
            if head_end < 0 and not more:
                return  # a header and nothing else
        head, buffer = buffer[:head_end], buffer[head_end:]
        lines = head.count(b"\n")
        while True:
            more = handle.read(piece_bytes)
            buffer += more
            cut = _record_end(buffer) if more else len(buffer)
            if cut > 0:
                body, buffer = buffer[:cut], buffer[cut:]
                yield CsvPiece(head, lines, body, tab)
                lines += body.count(b"\n")
            if not more:
                return


def rows_of_piece(piece: CsvPiece) -> Iterator[SourceRow]:
    """The rows of one piece, numbered by their lines in the whole file."""
    shift = piece.lines_before - piece.head.count(b"\n")
    handle = io.BytesIO(piece.head + piece.body)
    try:
        for row in _rows(_csv_records(handle, "\t" if piece.tab else None)):
            row.line += shift
            yield row
    except FileFormatError as exc:
        if exc.line is not None and exc.line > piece.head.count(b"\n"):
            raise FileFormatError(exc.message, exc.line + shift, exc.field) from None
        raise
