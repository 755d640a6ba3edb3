"""The CPU-bound half of an import: a source row becomes everything the store will write.

Kept apart from the database half so that it can run in worker processes: an import of a
million persons spends most of its time validating rows, and a node has more than one core.
What crosses between processes is plain data (strings, tuples), cheap to pickle.
"""

from __future__ import annotations

import multiprocessing
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Final

from interlink.domain import registry
from interlink.domain.provenance import ProvenanceIn
from interlink.store.records import index_rows, new_id
from interlink.transfer.readers import (
    CsvPiece,
    FileFormatError,
    SourceRow,
    csv_pieces,
    rows_of_piece,
)
from interlink.transfer.rows import FieldError, RowErrors, map_row

Resolver = Callable[[str], uuid.UUID | None]
# Kinds whose rows need no database to be mapped (no references to other records).
SELF_CONTAINED = frozenset({"persons", "organizations"})
PROVENANCE_FIELDS = tuple(ProvenanceIn.model_fields)


# A prepared row crosses between processes as a plain tuple of strings: unpickling objects
# (dataclasses, named tuples, enums) costs the main process more than the work itself.
Prepared = tuple[
    int,  # LINE
    str,  # RECORD_ID
    str,  # EXTERNAL_ID
    str,  # KIND of record
    str,  # SUBJECT category
    tuple[str | None, ...],  # PROVENANCE: ProvenanceIn's fields as text, PROVENANCE_FIELDS order
    str,  # FACTS_JSON
    list[tuple[str, str]],  # TOKENS rows
    list[tuple[str, str, str]],  # IDENTIFIERS rows
    list[tuple[str, str, str]],  # REFERENCES rows
    list[tuple[str, str, str]],  # MATCH rows (identity search: features and keys)
    str | None,  # HOLDER external id (documents)
]
LINE: Final = 0
RECORD_ID: Final = 1
EXTERNAL_ID: Final = 2
KIND: Final = 3
SUBJECT: Final = 4
PROVENANCE: Final = 5
FACTS_JSON: Final = 6
TOKENS: Final = 7
IDENTIFIERS: Final = 8
REFERENCES: Final = 9
MATCH: Final = 10
HOLDER: Final = 11


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@dataclass(slots=True)
class Rejected:
    line: int
    errors: list[FieldError]


def prepare(
    kind: str,
    source: SourceRow,
    *,
    resolve: Resolver,
    resolve_organization: Resolver,
    phone_region: str | None,
) -> Prepared | Rejected:
    try:
        mapped = map_row(
            kind,
            source,
            resolve=resolve,
            resolve_organization=resolve_organization,
            phone_region=phone_region,
        )
    except RowErrors as err:
        return Rejected(err.line, err.errors)
    record_id = new_id()
    tokens, idents, refs, match = index_rows(record_id, mapped.facts)
    return (
        source.line,
        record_id,
        mapped.external_id,
        type(mapped.facts).kind,  # type: ignore[attr-defined]
        registry.subject_category(mapped.facts).value,
        tuple(_text(getattr(mapped.provenance, f)) for f in PROVENANCE_FIELDS),
        mapped.facts.model_dump_json(),
        tokens,
        idents,
        refs,
        match,
        mapped.holder_external_id,
    )


def _nothing(_external_id: str) -> uuid.UUID | None:
    return None


# One item per row, in file order: (line, the row's values or None, its result).
Item = tuple[int, dict[str, str] | None, Prepared | Rejected]


def _prepare_piece(
    kind: str, phone_region: str | None, piece: CsvPiece, keep_values: bool
) -> tuple[list[Item], FileFormatError | None]:
    """Read and map one piece of a CSV file (in a worker process).

    A file error ends the piece: the rows before it are returned with it, so that the
    caller reports it in its place.
    """
    items: list[Item] = []
    try:
        for row in rows_of_piece(piece):
            result = prepare(
                kind,
                row,
                resolve=_nothing,
                resolve_organization=_nothing,
                phone_region=phone_region,
            )
            keep = keep_values or isinstance(result, Rejected)
            items.append((row.line, row.values if keep else None, result))
    except FileFormatError as exc:
        return items, exc
    return items, None


def prepare_in_parallel(
    kind: str,
    path: Path,
    *,
    workers: int,
    phone_region: str | None,
    keep_values: bool,
    piece_bytes: int = 256 * 1024,
) -> Iterator[Item]:
    """Read and map a CSV file in ``workers`` processes, in file order.

    The main process only cuts the file at record boundaries; at most ``3 * workers``
    pieces are in flight, so memory stays flat whatever the file's size.
    """
    assert kind in SELF_CONTAINED
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque[Future[tuple[list[Item], FileFormatError | None]]] = deque()

        def results(future: Future[tuple[list[Item], FileFormatError | None]]) -> list[Item]:
            items, error = future.result()
            if error is not None:
                yield_error.append(error)
            return items

        yield_error: list[FileFormatError] = []
        for piece in csv_pieces(path, piece_bytes):
            pending.append(pool.submit(_prepare_piece, kind, phone_region, piece, keep_values))
            if len(pending) >= 3 * workers:
                yield from results(pending.popleft())
                if yield_error:
                    raise yield_error[0]
        while pending:
            yield from results(pending.popleft())
            if yield_error:
                raise yield_error[0]
