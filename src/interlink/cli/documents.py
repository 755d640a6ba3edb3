"""`interlink mrz` (check and generate machine-readable zones) and `interlink documents`
(the register of lost, stolen, revoked and forged documents)."""

from __future__ import annotations

import json
import random
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

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

mrz_app = typer.Typer(
    help="Machine-readable zones of travel documents (ICAO Doc 9303).", no_args_is_help=True
)
documents_app = typer.Typer(
    help="Travel documents: the register of lost, stolen, revoked and forged documents.",
    no_args_is_help=True,
)
register_app = typer.Typer(help="Keep the document register current.", no_args_is_help=True)
documents_app.add_typer(register_app, name="register")

EXIT_CHECK_FAILED = 1
Format = StrEnum("Format", {f: f for f in ("TD1", "TD2", "TD3", "MRVA", "MRVB")})  # type: ignore[misc]
Today = Annotated[
    str | None,
    typer.Option(help="Resolve two-digit years as on this day, YYYY-MM-DD (default: today)."),
]


def _day(text: str | None, option: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(f"{option}: '{text}' is not a date (YYYY-MM-DD)")


def _json(data: dict[str, Any]) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


@mrz_app.command("check")
@friendly
def mrz_check(
    lines: Annotated[
        list[str] | None, typer.Argument(help="The MRZ lines (default: read standard input).")
    ] = None,
    today: Today = None,
) -> None:
    """Parse and check an MRZ: JSON on stdout; exit 0 valid, 1 a check fails, 2 not an MRZ."""
    from interlink.documents.mrz import MrzFormatError, parse

    text: list[str] = list(lines) if lines else sys.stdin.read().splitlines()
    try:
        result = parse(text, today=_day(today, "--today"))
    except MrzFormatError as exc:
        fail(f"not an MRZ: {exc.message}")
    _json(result.to_dict())
    for check in result.checks:
        if not check.valid:
            console.print(f"{check.field}: {check.reason}", highlight=False, markup=False)
    if not result.valid:
        raise typer.Exit(EXIT_CHECK_FAILED)


@mrz_app.command("generate")
@friendly
def mrz_generate(
    format: Annotated[Format, typer.Option("--format", help="Layout.")] = Format["TD3"],
    number: Annotated[str | None, typer.Option(help="Document number.")] = None,
    surname: Annotated[str | None, typer.Option(help="Primary identifier (any script).")] = None,
    given_names: Annotated[str, typer.Option(help="Secondary identifier.")] = "",
    issuing_state: Annotated[str, typer.Option(help="ICAO or ISO code, or name.")] = "UTO",
    nationality: Annotated[
        str | None, typer.Option(help="ICAO or ISO code (default: issuing state).")
    ] = None,
    birth: Annotated[
        str | None, typer.Option(help="Date of birth: YYYY-MM-DD, YYYY-MM or YYYY.")
    ] = None,
    sex: Annotated[str | None, typer.Option(help="M, F or X (default: unspecified).")] = None,
    expiry: Annotated[str | None, typer.Option(help="Date of expiry, YYYY-MM-DD.")] = None,
    document_code: Annotated[str | None, typer.Option(help="E.g. P, PD, ID, V.")] = None,
    optional_data: Annotated[str, typer.Option(help="Optional data (A-Z, 0-9, <).")] = "",
    optional_data_2: Annotated[str, typer.Option(help="TD1 line 2 optional data.")] = "",
    random_count: Annotated[
        int, typer.Option("--random", help="Make this many random specimens instead.")
    ] = 0,
    seed: Annotated[
        int | None, typer.Option(help="Seed of --random, for repeatable output.")
    ] = None,
) -> None:
    """Print valid specimen MRZs: from the values given, or --random N of the state Utopia."""
    from interlink.documents.generate import generate, random_specimen

    fmt = format.value
    if random_count:
        rng = random.Random(seed)  # noqa: S311 - specimens, not secrets
        specimens = [random_specimen(rng, fmt).lines for _ in range(random_count)]
        typer.echo("\n\n".join("\n".join(lines) for lines in specimens))
        return
    if not number or not surname:
        fail("give --number and --surname (or --random N)")
    birth_value: date | str | None = birth
    if birth and len(birth) == 10:
        birth_value = _day(birth, "--birth")
    try:
        lines = generate(
            fmt,
            document_number=number,
            surname=surname,
            given_names=given_names,
            issuing_state=issuing_state,
            nationality=nationality,
            date_of_birth=birth_value,
            sex=sex,
            expiry_date=_day(expiry, "--expiry"),
            document_code=document_code,
            optional_data=optional_data,
            optional_data_2=optional_data_2,
        )
    except ValueError as exc:
        fail(str(exc))
    typer.echo("\n".join(lines))


@register_app.command("import")
@friendly
def register_import(
    file: Annotated[Path, typer.Argument(help="CSV file (UTF-8) with the register columns.")],
    user: User = None,
) -> None:
    """Add or update register entries from a file; all or nothing."""
    from interlink.documents.register import import_register
    from interlink.transfer.readers import FileFormatError

    if not file.is_file():
        fail(f"{file}: no such file")
    actor = acting_user(user)
    with row_progress("importing") as progress:
        try:
            report = import_register(node(), actor, file, progress=progress)
        except FileFormatError as exc:
            fail(f"{file.name}: {exc}")
    print_row_errors(report.errors, report.rejected)
    if not report.written:
        fail(
            f"nothing imported: {report.rejected} of {report.rows} rows are bad",
            EXIT_BAD_INPUT,
        )
    out.print(
        f"register: {report.rows} rows, {report.added} added, {report.updated} updated, "
        f"{report.unchanged} unchanged (job {report.job_id})",
        highlight=False,
    )


@documents_app.command("check")
@friendly
def documents_check(
    country: Annotated[str, typer.Option(help="Issuing country: ISO or ICAO code, or name.")],
    number: Annotated[str, typer.Option(help="Document number.")],
    user: User = None,
) -> None:
    """Is this document registered as lost, stolen, revoked or forged? JSON on stdout."""
    from interlink.documents.register import check

    result = check(node(), acting_user(user), country, number)
    _json(result.to_dict())
