"""The register of lost, stolen, revoked and forged documents: import and check.

A file (CSV, UTF-8) lists issuing country, kind, number, status, reported date and
reporting agency. An import is all or nothing: every bad row is listed by line and field,
and if there is one, nothing is written. A later import keeps the register current: a row
for an issuer and number already there replaces its details (the last row wins within a
file too). Numbers are compared in their normalized form (letters and digits only), issuers
as ISO alpha-2 or, for an organization, its ICAO code.

Both import and check ask the access policy and are audited with counts only: a check's
entry says hit or no hit, never the number asked about.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from interlink.access import audit
from interlink.access.policy import has_capability
from interlink.access.roles import Actor, Capability
from interlink.documents.countries import issuer_key
from interlink.domain.codes import DocumentKind
from interlink.identity.normalize import normalize_identifier
from interlink.node import Node
from interlink.records.errors import Forbidden, Invalid
from interlink.store import documents as store
from interlink.store import jobs
from interlink.store.db import transaction
from interlink.transfer.importer import file_sha256
from interlink.transfer.readers import FileFormatError, iter_rows, read_header
from interlink.transfer.rows import FieldError, RowErrors, parse_full_date

RECORD_KIND = "document_register"
BATCH_SIZE = 5000
MAX_LISTED_ERRORS = 1000
MAX_NUMBER = 64
MAX_AGENCY = 200
_PLAIN_NUMBER = re.compile(r"[A-Z0-9]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class RegisterStatus(StrEnum):
    """Why a document is in the register. ``withdrawn``: the report was taken back (the
    document was found, say); the entry stays for the record but a check no longer hits."""

    LOST = "lost"
    STOLEN = "stolen"
    STOLEN_BLANK = "stolen_blank"
    REVOKED = "revoked"
    FORGED = "forged"
    COUNTERFEIT = "counterfeit"
    FRAUDULENTLY_OBTAINED = "fraudulently_obtained"
    WITHDRAWN = "withdrawn"


COLUMNS: dict[str, str] = {
    "issuing_country": "ISO code (UA, UKR), ICAO code (D, EUE, UNO) or English name",
    "kind": ", ".join(k.value for k in DocumentKind) + " (or P, I, V)",
    "number": "the document number; compared as letters and digits only",
    "status": ", ".join(s.value for s in RegisterStatus),
    "reported_date": "YYYY-MM-DD (or DD.MM.YYYY), not in the future",
    "reporting_agency": "who reported it (up to 200 characters)",
}
_COLUMN_ORDER = {name: index for index, name in enumerate(COLUMNS)}


def _table(enum: type[StrEnum], **aliases: StrEnum) -> dict[str, StrEnum]:
    """Accepted spellings (lower case; ``_``, space or ``-`` between words) of each value."""
    table: dict[str, StrEnum] = {}
    for name, member in [*((m.value, m) for m in enum), *aliases.items()]:
        for spelling in (name, name.replace("_", " "), name.replace("_", "-")):
            table[spelling] = member
    return table


_KINDS = _table(
    DocumentKind,
    p=DocumentKind.PASSPORT,
    i=DocumentKind.IDENTITY_CARD,
    v=DocumentKind.VISA,
    id_card=DocumentKind.IDENTITY_CARD,
    driving_license=DocumentKind.DRIVING_LICENCE,
)
_STATUSES = _table(RegisterStatus)


@dataclass
class RegisterImportReport:
    rows: int = 0
    added: int = 0
    updated: int = 0
    errors: list[RowErrors] = field(default_factory=list)
    rejected: int = 0
    job_id: str = ""
    written: bool = False

    @property
    def unchanged(self) -> int:
        """Rows whose entry was there already with the same details (or repeated later)."""
        return self.rows - self.added - self.updated if self.written else 0


@dataclass(frozen=True)
class RegisterCheck:
    """The answer to "is this document in the register?" (``hit``: reported and not withdrawn)."""

    hit: bool
    issuing_country: str
    number: str
    status: str | None = None
    kind: str | None = None
    reported_date: date | None = None
    reporting_agency: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "hit": self.hit,
            "status": self.status,
            "issuing_country": self.issuing_country,
            "number": self.number,
            "kind": self.kind,
            "reported_date": self.reported_date.isoformat() if self.reported_date else None,
            "reporting_agency": self.reporting_agency,
        }


def normalize_number(text: str) -> str:
    """Letters and digits only, upper case (most numbers are written so already)."""
    if _PLAIN_NUMBER.fullmatch(text):
        return text
    return normalize_identifier("document", text)


@lru_cache(maxsize=8192)
def _reported_date(text: str, today: date) -> date:
    """Reported dates repeat a great deal in a large file: each is parsed once."""
    day = parse_full_date(text)
    if day > today:
        raise ValueError(f"'{text}' is in the future")
    return day


def parse_row(values: dict[str, str], today: date) -> tuple[tuple[Any, ...], list[FieldError]]:
    """(issuer, number, kind, status, reported date, agency) of one row, or its errors."""
    country_text = values.get("issuing_country", "").strip()
    number_text = values.get("number", "").strip()
    kind_text = values.get("kind", "").strip()
    status_text = values.get("status", "").strip()
    date_text = values.get("reported_date", "").strip()
    agency = values.get("reporting_agency", "").strip()
    errors: list[FieldError] = []
    if not (country_text and number_text and kind_text and status_text and date_text and agency):
        texts = (country_text, kind_text, number_text, status_text, date_text, agency)
        errors += [
            FieldError(name, "is empty")
            for name, text in zip(COLUMNS, texts, strict=True)
            if not text
        ]
    issuer = number = kind = status = reported = None
    if country_text:
        try:
            issuer = issuer_key(country_text)
        except ValueError as exc:
            errors.append(FieldError("issuing_country", str(exc)))
    if kind_text:
        kind = _KINDS.get(kind_text.lower())
        if kind is None:
            errors.append(FieldError("kind", f"unknown kind '{kind_text}': use {COLUMNS['kind']}"))
    if number_text:
        number = normalize_number(number_text)
        if not number:
            errors.append(FieldError("number", f"'{number_text}' has no letter or digit"))
        elif len(number) > MAX_NUMBER:
            errors.append(FieldError("number", f"longer than {MAX_NUMBER} letters and digits"))
    if status_text:
        status = _STATUSES.get(status_text.lower())
        if status is None:
            errors.append(
                FieldError("status", f"unknown status '{status_text}': use {COLUMNS['status']}")
            )
    if date_text:
        try:
            reported = _reported_date(date_text, today)
        except ValueError as exc:
            errors.append(FieldError("reported_date", str(exc)))
    if agency and (len(agency) > MAX_AGENCY or _CONTROL.search(agency)):
        errors.append(
            FieldError("reporting_agency", f"at most {MAX_AGENCY} characters, no control codes")
        )
    if errors:
        return (), sorted(errors, key=lambda e: _COLUMN_ORDER[e.field])
    return (issuer, number, str(kind), str(status), reported, agency), []


def _check_header(path: Path) -> None:
    names = [h.strip().lower() for h in read_header(path)]
    missing = [c for c in COLUMNS if c not in names]
    unknown = [n for n in names if n not in COLUMNS]
    problems = []
    if missing:
        problems.append("missing column(s) " + ", ".join(missing))
    if unknown:
        problems.append("unknown column(s) " + ", ".join(unknown))
    if problems:
        raise FileFormatError(
            "; ".join(problems) + ". A register file has the columns " + ", ".join(COLUMNS)
        )


class _Refused(Exception):
    """A row is bad: roll the whole import back."""


def import_register(
    node: Node,
    actor: Actor,
    path: Path,
    *,
    today: date | None = None,
    progress: Callable[[int], None] | None = None,
) -> RegisterImportReport:
    """Import a register file; raises FileFormatError when the file itself cannot be read."""
    if not has_capability(actor, Capability.REGISTER_IMPORT):
        raise Forbidden("your role may not import into the document register")
    _check_header(path)
    sha256 = file_sha256(path)
    today = today or date.today()
    report = RegisterImportReport(job_id=str(uuid.uuid4()))
    now = datetime.now(UTC)
    try:
        with transaction(node.engine) as conn:
            jobs.start(
                conn,
                job_id=report.job_id,
                kind=RECORD_KIND,
                file_name=path.name,
                file_sha256=sha256,
                user=actor.id or actor.username,
                started_at=now,
            )
            merger = store.BatchMerger(conn, now, report.job_id)
            batch: dict[tuple[str, str], tuple[Any, ...]] = {}

            def flush() -> None:
                added, updated = merger.merge(list(batch.values()))
                report.added += added
                report.updated += updated
                batch.clear()

            for row in iter_rows(path):
                report.rows += 1
                values, errors = parse_row(row.values, today)
                if errors:
                    report.rejected += 1
                    if len(report.errors) < MAX_LISTED_ERRORS:
                        report.errors.append(RowErrors(row.line, errors))
                elif not report.rejected:
                    batch[(values[0], values[1])] = values
                    if len(batch) >= BATCH_SIZE:
                        flush()
                if progress is not None and report.rows % 50_000 == 0:
                    progress(report.rows)
            if report.rows == 0:
                raise FileFormatError("the file has a header but no rows")
            if report.rejected:
                raise _Refused
            flush()
            merger.close()
            jobs.finish(conn, report.job_id, imported=report.rows, rejected=0)
            report.written = True
            audit.write(
                conn,
                node.audit_key,
                actor,
                "register_import",
                record_kind=RECORD_KIND,
                details={
                    "job": report.job_id,
                    "file_sha256": sha256,
                    "rows": report.rows,
                    "added": report.added,
                    "updated": report.updated,
                    "unchanged": report.unchanged,
                },
            )
    except _Refused:
        report.added = report.updated = 0
        with transaction(node.engine) as conn:
            audit.write(
                conn,
                node.audit_key,
                actor,
                "register_import",
                record_kind=RECORD_KIND,
                outcome="refused",
                details={"file_sha256": sha256, "rows": report.rows, "rejected": report.rejected},
            )
    if progress is not None:
        progress(report.rows)
    return report


def check(node: Node, actor: Actor, country: str, number: str) -> RegisterCheck:
    """Look a document up by issuing country (or organization) and number; audited."""
    if not has_capability(actor, Capability.REGISTER_CHECK):
        raise Forbidden("your role may not check documents against the register")
    try:
        issuer = issuer_key(country)
    except ValueError as exc:
        raise Invalid(f"country: {exc}", field="country") from None
    wanted = normalize_number(number)
    if not wanted or len(wanted) > MAX_NUMBER:
        raise Invalid("number: give the document number (letters and digits)", field="number")
    with transaction(node.engine) as conn:
        entry = store.lookup(conn, issuer, wanted)
        hit = entry is not None and entry.status != RegisterStatus.WITHDRAWN
        audit.write(
            conn,
            node.audit_key,
            actor,
            "register_check",
            record_kind=RECORD_KIND,
            details={"hit": hit},
        )
    if entry is None:
        return RegisterCheck(False, issuer, wanted)
    return RegisterCheck(
        hit,
        issuer,
        wanted,
        status=entry.status,
        kind=entry.kind,
        reported_date=entry.reported_date,
        reporting_agency=entry.reporting_agency,
    )
