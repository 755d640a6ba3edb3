"""`interlink import` and `interlink export`."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from interlink import records
from interlink.cli.common import (
    EXIT_BAD_INPUT,
    User,
    acting_user,
    console,
    fail,
    friendly,
    node,
    out,
    print_row_errors,
    row_progress,
)
from interlink.domain.registry import BY_PLURAL
from interlink.store.records import ListFilter

# Kept here rather than imported so that `interlink --help` stays fast.
IMPORT_KINDS = ("persons", "organizations", "documents", "events")
EXPORT_FORMATS = ("jsonl", "csv", "ftm")

ImportKind = StrEnum("ImportKind", {k: k for k in IMPORT_KINDS})  # type: ignore[misc]
ExportKind = StrEnum("ExportKind", {k: k for k in BY_PLURAL})  # type: ignore[misc]
ExportFormat = StrEnum("ExportFormat", {k: k for k in EXPORT_FORMATS})  # type: ignore[misc]


@friendly
def import_command(
    kind: Annotated[ImportKind, typer.Argument(help="What the file holds.")],
    file: Annotated[Path, typer.Argument(help="CSV, JSON lines or XLSX file.")],
    skip_invalid: Annotated[
        bool, typer.Option(help="Import the good rows; write the bad ones to --rejects.")
    ] = False,
    rejects: Annotated[
        Path | None, typer.Option(help="Where bad rows go, with their reasons (CSV).")
    ] = None,
    user: User = None,
) -> None:
    """Import records; all or nothing unless --skip-invalid."""
    from interlink.transfer.importer import import_file
    from interlink.transfer.readers import FileFormatError

    if skip_invalid and rejects is None:
        fail("--skip-invalid needs --rejects FILE, so that no bad row is lost")
    if not file.is_file():
        fail(f"{file}: no such file")
    actor = acting_user(user)
    with row_progress("importing") as progress:
        try:
            report = import_file(
                node(),
                actor,
                kind.value,
                file,
                skip_invalid=skip_invalid,
                rejects_path=rejects,
                progress=progress,
            )
        except FileFormatError as exc:
            fail(f"{file.name}: {exc}")
    print_row_errors(report.errors, report.rejected)
    if not report.written:
        fail(
            f"nothing imported: {report.rejected} of {report.rows_read} rows are bad "
            "(fix them, or use --skip-invalid --rejects FILE)",
            EXIT_BAD_INPUT,
        )
    out.print(
        f"imported {report.imported} {kind.value} (job {report.job_id})"
        + (f"; {report.rejected} bad rows written to {rejects}" if report.rejected else ""),
        highlight=False,
    )


@friendly
def export_command(
    kind: Annotated[ExportKind, typer.Argument(help="Which records.")],
    purpose: Annotated[str, typer.Option(help="Why you export (audited).")],
    format: Annotated[
        ExportFormat, typer.Option("--format", help="jsonl, csv or ftm.")
    ] = ExportFormat["jsonl"],
    output: Annotated[Path | None, typer.Option(help="File to write (default: stdout).")] = None,
    user: User = None,
) -> None:
    """Export the records you may export, one per line (or per CSV row)."""
    from interlink.transfer.exporter import export_records

    actor = acting_user(user)
    flt = ListFilter(kind=BY_PLURAL[kind.value].name)
    stream = records.export(node(), actor, flt, purpose=purpose)
    if output is None:
        count = export_records(node(), stream, format.value, kind.value, sys.stdout)
    else:
        tmp = output.with_name(output.name + ".part")
        with tmp.open("w", encoding="utf-8", newline="") as handle:
            count = export_records(node(), stream, format.value, kind.value, handle)
        tmp.replace(output)
    console.print(f"exported {count} {kind.value}", highlight=False)
