"""`interlink match`: search each row of a file against the node's persons."""

from __future__ import annotations

import csv
import functools
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer

from interlink.cli.common import User, acting_user, console, fail, friendly, node, print_malformed
from interlink.transfer.readers import SourceRow

RESULT_COLUMNS = ("query_id", "rank", "record_id", "match_probability", "band")
CHUNK = 500  # queries per read of the database and per audit entry; chunks run on every core


@friendly
def match(
    queries: Annotated[
        Path,
        typer.Argument(
            help="Person file (CSV, JSON lines, XLSX): id and a name, any other person columns."
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="CSV to write: " + ",".join(RESULT_COLUMNS) + ".")
    ],
    purpose: Annotated[
        str, typer.Option("--purpose", help="Why these persons are searched (audited).")
    ],
    top: Annotated[
        int, typer.Option("--top", min=1, max=100, help="Candidates per query at most.")
    ] = 10,
    min_probability: Annotated[
        float,
        typer.Option("--min-probability", min=0.0, max=1.0, help="Leave out weaker candidates."),
    ] = 0.0,
    user: User = None,
) -> None:
    """Search each row of QUERIES against the node's persons; record_id in the results is
    the external id given at import. Works right after `interlink import`: the index is
    kept current by every write."""
    from interlink.identity.batch import check_header
    from interlink.identity.search import MatchQuery, search_in_parallel, search_many
    from interlink.transfer.readers import FileFormatError, iter_rows

    if not queries.is_file():
        fail(f"{queries}: no such file")
    actor = acting_user(user)
    n = node()
    written = 0
    issues: Counter[str] = Counter()
    try:
        check_header(queries)
        rows = list(_rows(iter_rows(queries)))
    except FileFormatError as exc:
        fail(f"{queries.name}: {exc}")
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(RESULT_COLUMNS)
        chunks = [
            [MatchQuery(values) for _, values in rows[start : start + CHUNK]]
            for start in range(0, len(rows), CHUNK)
        ]
        workers = min(os.cpu_count() or 1, len(chunks))
        run = functools.partial(
            search_many, n, actor, purpose=purpose, limit=top, min_probability=min_probability
        )
        results = (
            search_in_parallel(
                n,
                actor,
                chunks,
                workers=workers,
                purpose=purpose,
                limit=top,
                min_probability=min_probability,
                issues=issues,
            )
            if workers > 1
            else (run(chunk, issues=issues) for chunk in chunks)
        )
        for start, found in zip(range(0, len(rows), CHUNK), results, strict=True):
            for (query_id, _), candidates in zip(rows[start : start + CHUNK], found, strict=True):
                for rank, c in enumerate(candidates, 1):
                    ref = c.external_ref or c.record_id
                    writer.writerow((query_id, rank, ref, f"{c.probability:.6f}", c.band.value))
                    written += 1
    print_malformed(issues)
    console.print(f"{len(rows)} queries, {written} candidates written to {output}", highlight=False)


def _rows(source: Iterable[SourceRow]) -> Iterator[tuple[str, dict[str, str]]]:
    """(id, values) of each row; a missing or repeated id or a row without a name stops
    the run with its line named."""
    from interlink.identity.prepare import NAME_COLUMNS
    from interlink.transfer.readers import FileFormatError

    seen: set[str] = set()
    for row in source:
        query_id = row.values.get("id", "").strip()
        if not query_id:
            raise FileFormatError("the id is missing", row.line, "id")
        if query_id in seen:
            raise FileFormatError(f"the id '{query_id}' appears twice", row.line, "id")
        seen.add(query_id)
        if not any(row.values.get(c, "").strip() for c in NAME_COLUMNS):
            raise FileFormatError("the row has no name", row.line, "full_name")
        yield query_id, {k: v for k, v in row.values.items() if k != "id"}
