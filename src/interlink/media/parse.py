"""Reading hash lists: Project VIC VICS JSON (``#Cases`` and ``#Media``) and plain CSV.

Pure: a file in, entries and errors out. Every error names where it is (a CSV line, or a
VICS element such as ``value[3].Media[1]``), the field and what is wrong, so that the
sender can fix the list; a list with any error is not imported at all (``hashsets``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from interlink.media.categories import to_scale
from interlink.media.hashes import normalize_hex
from interlink.transfer.readers import FileFormatError, iter_rows, read_header

MAX_LISTED_ERRORS = 1000
MAX_TEXT = 200
CSV_HASH_COLUMNS = ("md5", "sha1", "sha256", "pdq")
CSV_COLUMNS = (*CSV_HASH_COLUMNS, "series", "category", "victim_identified")


@dataclass(frozen=True)
class Entry:
    md5: str | None = None
    sha1: str | None = None
    sha256: str | None = None
    pdq: str | None = None
    series: str | None = None
    category: str | None = None
    scale: str = "unknown"
    victim_identified: bool | None = None
    offender_identified: bool | None = None
    distributed: bool | None = None


@dataclass(frozen=True)
class EntryError:
    where: str  # "line 12" or "value[3].Media[1]"
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.field}: {self.message}"


@dataclass
class Parsed:
    format: str  # vics_cases, vics_media, csv
    entries: list[Entry] = field(default_factory=list)
    errors: list[EntryError] = field(default_factory=list)
    rejected: int = 0
    dated: date | None = None

    def reject(self, errors: list[EntryError]) -> None:
        self.rejected += 1
        room = MAX_LISTED_ERRORS - len(self.errors)
        if room > 0:
            self.errors.extend(errors[:room])


def parse_file(path: Path) -> Parsed:
    """A VICS JSON file (by its ``.json`` name or first character) or a CSV list."""
    with path.open("rb") as handle:
        start = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    if path.suffix.lower() == ".json" or start.startswith(b"{"):
        return parse_vics(path.read_bytes())
    return parse_csv(path)


# --- VICS ------------------------------------------------------------------------------


def _text(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"{name}: expected text or a number")
    text = str(value).strip()
    if len(text) > MAX_TEXT:
        raise ValueError(f"{name}: longer than {MAX_TEXT} characters")
    if any(ord(c) < 32 for c in text):
        raise ValueError(f"{name}: control characters are not allowed")
    return text or None


def _flag(value: Any, name: str) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "yes", "no", "1", "0"):
        return value.strip().lower() in ("true", "yes", "1")
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise ValueError(f"{name}: expected true or false")


def _find(record: dict[str, Any], name: str) -> Any:
    """A VICS field by name, whatever its letter case (writers differ: MD5, Md5, md5)."""
    if name in record:
        return record[name]
    lowered = name.lower()
    for key, value in record.items():
        if isinstance(key, str) and key.lower() == lowered:
            return value
    return None


def _alternative_pdq(record: dict[str, Any]) -> Any:
    alternatives = _find(record, "AlternativeHashes")
    if not isinstance(alternatives, list):
        return None
    for alt in alternatives:
        if isinstance(alt, dict) and str(_find(alt, "HashName") or "").strip().lower() == "pdq":
            return _find(alt, "HashValue")
    return None


def vics_entry(record: Any, where: str) -> tuple[Entry | None, list[EntryError]]:
    """One VICS media record: its hashes, category, series and flags, or its errors."""
    if not isinstance(record, dict):
        return None, [EntryError(where, "(record)", "expected an object")]
    errors: list[EntryError] = []
    hashes: dict[str, Any] = {}
    for kind, name in (("md5", "MD5"), ("sha1", "SHA1"), ("sha256", "SHA256"), ("pdq", "PDQ")):
        value = _find(record, name)
        if kind == "pdq" and value is None:
            value = _alternative_pdq(record)
        if value is None or value == "":
            hashes[kind] = None
            continue
        if not isinstance(value, str):
            errors.append(EntryError(where, name, "expected hexadecimal text"))
            continue
        try:
            hashes[kind] = normalize_hex(kind, value)
        except ValueError as exc:
            errors.append(EntryError(where, name, str(exc)))
    values: dict[str, Any] = {}
    for key, name, read in (
        ("category", "Category", _text),
        ("series", "Series", _text),
        ("victim_identified", "VictimIdentified", _flag),
        ("offender_identified", "OffenderIdentified", _flag),
        ("distributed", "IsDistributed", _flag),
    ):
        try:
            values[key] = read(_find(record, name), name)
        except ValueError as exc:
            errors.append(EntryError(where, name, str(exc).split(": ", 1)[1]))
    if not errors and not any(hashes.values()):
        errors.append(EntryError(where, "MD5", "the record has no MD5, SHA1, SHA256 or PDQ hash"))
    if errors:
        return None, errors
    return Entry(**hashes, **values, scale=to_scale(values["category"]).value), []


def _vics_shape(document: dict[str, Any]) -> str:
    context = str(document.get("@odata.context") or document.get("odata.metadata") or "")
    if context.endswith("#Cases"):
        return "vics_cases"
    if context.endswith("#Media"):
        return "vics_media"
    items = document.get("value")
    if isinstance(items, list) and items and isinstance(items[0], dict) and "Media" in items[0]:
        return "vics_cases"
    return "vics_media"


def _vics_records(document: dict[str, Any], shape: str) -> Iterator[tuple[str, Any]]:
    items = document["value"]
    if shape == "vics_media":
        for i, record in enumerate(items):
            yield f"value[{i}]", record
        return
    for i, case in enumerate(items):
        media = case.get("Media") if isinstance(case, dict) else None
        if not isinstance(media, list):
            yield f"value[{i}]", {"__error__": "Media"}
            continue
        for j, record in enumerate(media):
            yield f"value[{i}].Media[{j}]", record


def parse_vics(data: bytes) -> Parsed:
    """A VICS JSON document; raises FileFormatError when it is not one at all."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise FileFormatError(f"not UTF-8 text (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise FileFormatError(f"not valid JSON: {exc.msg}", line=exc.lineno) from None
    except RecursionError:
        raise FileFormatError("not valid JSON: nested too deeply") from None
    if not isinstance(document, dict) or not isinstance(document.get("value"), list):
        raise FileFormatError(
            "not a VICS document: expected an object with a 'value' list", field="value"
        )
    shape = _vics_shape(document)
    parsed = Parsed(format=shape)
    for where, record in _vics_records(document, shape):
        if isinstance(record, dict) and "__error__" in record:
            parsed.reject([EntryError(where, "Media", "expected a list of media records")])
            continue
        entry, errors = vics_entry(record, where)
        if errors:
            parsed.reject(errors)
        elif entry is not None:
            parsed.entries.append(entry)
    return parsed


# --- CSV -------------------------------------------------------------------------------


def _check_csv_header(path: Path) -> None:
    names = [h.strip().lower() for h in read_header(path, "csv")]
    unknown = [n for n in names if n not in CSV_COLUMNS]
    if unknown:
        raise FileFormatError(
            f"unknown column(s) {', '.join(unknown)}; a hash list has the columns "
            + ", ".join(CSV_COLUMNS),
            line=1,
        )
    if not any(n in CSV_HASH_COLUMNS for n in names):
        raise FileFormatError(
            "the header names no hash column: give at least one of " + ", ".join(CSV_HASH_COLUMNS),
            line=1,
        )


def csv_entry(values: dict[str, str], where: str) -> tuple[Entry | None, list[EntryError]]:
    errors: list[EntryError] = []
    hashes: dict[str, Any] = {}
    for kind in CSV_HASH_COLUMNS:
        text = values.get(kind, "").strip()
        if not text:
            hashes[kind] = None
            continue
        try:
            hashes[kind] = normalize_hex(kind, text)
        except ValueError as exc:
            errors.append(EntryError(where, kind, str(exc)))
    extra: dict[str, Any] = {}
    for name, read in (("series", _text), ("category", _text), ("victim_identified", _flag)):
        try:
            extra[name] = read(values.get(name), name)
        except ValueError as exc:
            errors.append(EntryError(where, name, str(exc).split(": ", 1)[1]))
    if not errors and not any(hashes.values()):
        errors.append(EntryError(where, "md5", "the row has no md5, sha1, sha256 or pdq hash"))
    if errors:
        return None, errors
    return Entry(**hashes, **extra, scale=to_scale(extra["category"]).value), []


def parse_csv(path: Path) -> Parsed:
    """A CSV hash list; raises FileFormatError when its header or encoding is wrong."""
    _check_csv_header(path)
    parsed = Parsed(format="csv")
    for row in iter_rows(path, "csv"):
        entry, errors = csv_entry(row.values, f"line {row.line}")
        if errors:
            parsed.reject(errors)
        elif entry is not None:
            parsed.entries.append(entry)
    return parsed
