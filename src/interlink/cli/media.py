"""`interlink media`: hash sets, scans of seized material, series, sharing. Hashes only:
no command prints, copies or keeps an image; a scan prints paths, hashes and counts."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from interlink.cli.common import (
    EXIT_BAD_INPUT,
    User,
    acting_user,
    console,
    fail,
    friendly,
    node,
    out,
)

media_app = typer.Typer(
    help="Child sexual exploitation material, by hashes only: hash sets, scans, series.",
    no_args_is_help=True,
)
hashset_app = typer.Typer(help="Known-material hash sets (VICS JSON, CSV).", no_args_is_help=True)
series_app = typer.Typer(
    help="Series: production country and victim identification.", no_args_is_help=True
)
media_app.add_typer(hashset_app, name="hashset")
media_app.add_typer(series_app, name="series")

Json = Annotated[bool, typer.Option("--json", help="JSON on stdout.")]


def _json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _day(text: str | None, option: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(f"{option}: '{text}' is not a date (YYYY-MM-DD)")


@hashset_app.command("import")
@friendly
def hashset_import(
    file: Annotated[Path, typer.Argument(help="VICS JSON (#Cases or #Media) or CSV hash list.")],
    name: Annotated[str | None, typer.Option(help="Set name (default: the file's name).")] = None,
    source: Annotated[str | None, typer.Option(help="Where the set comes from.")] = None,
    baseline: Annotated[
        bool, typer.Option(help="A baseline set: known non-pertinent files.")
    ] = False,
    dated: Annotated[str | None, typer.Option("--date", help="The set's date, YYYY-MM-DD.")] = None,
    user: User = None,
) -> None:
    """Import a hash set; a set of the same name is replaced. All or nothing."""
    from interlink.media import import_set
    from interlink.transfer.readers import FileFormatError

    if not file.is_file():
        fail(f"{file}: no such file")
    actor = acting_user(user)
    try:
        report = import_set(
            node(),
            actor,
            file,
            name=name,
            source=source,
            baseline=baseline,
            dated=_day(dated, "--date"),
        )
    except FileFormatError as exc:
        fail(f"{file.name}: {exc}")
    for error in report.errors:
        console.print(str(error), highlight=False, markup=False)
    if report.rejected > len(report.errors):
        console.print(f"… and more: {report.rejected} bad entries in all", highlight=False)
    if not report.written:
        why = f"{report.rejected} bad entries" if report.rejected else "the file has no entries"
        fail(f"nothing imported: {why}", EXIT_BAD_INPUT)
    verb = "replaced" if report.replaced else "imported"
    out.print(
        f"hash set '{report.name}' {verb}: {report.entries} entries ({report.format})",
        highlight=False,
        markup=False,
    )


@hashset_app.command("list")
@friendly
def hashset_list(as_json: Json = False, user: User = None) -> None:
    """The hash sets: name, source, date, entries, status."""
    from interlink.media import list_sets

    sets = list_sets(node(), acting_user(user))
    if as_json:
        _json([s.__dict__ for s in sets])
        return
    for s in sets:
        flags = " baseline" if s.baseline else ""
        out.print(
            f"{s.name}\t{s.status}{flags}\t{s.entries} entries\t{s.source}\t{s.dated or ''}",
            highlight=False,
            markup=False,
        )


@hashset_app.command("withdraw")
@friendly
def hashset_withdraw(
    name: Annotated[str, typer.Argument(help="The set's name.")], user: User = None
) -> None:
    """Withdraw a set: it stays listed but no longer matches."""
    from interlink.media import withdraw

    found = withdraw(node(), acting_user(user), name)
    out.print(f"hash set '{found.name}' withdrawn", highlight=False, markup=False)


@media_app.command("scan")
@friendly
def media_scan(
    directory: Annotated[Path, typer.Argument(help="The export of a seized device.")],
    case: Annotated[str, typer.Option(help="Case reference; a new reference creates the case.")],
    as_json: Json = False,
    max_distance: Annotated[
        int | None, typer.Option(help="PDQ distance at most (default 31).")
    ] = None,
    min_quality: Annotated[
        int | None, typer.Option(help="PDQ quality at least (default 50).")
    ] = None,
    workers: Annotated[int | None, typer.Option(help="Hashing processes (default: cores).")] = None,
    user: User = None,
) -> None:
    """Hash every file, match against all hash sets, record the result in the case."""
    from interlink.media import scan

    if not directory.is_dir():
        fail(f"{directory}: not a directory")
    actor = acting_user(user)
    with Progress(
        TextColumn("scanning"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("scan", total=None)
        result = scan(
            node(),
            actor,
            directory,
            case,
            max_distance=max_distance,
            min_quality=min_quality,
            workers=workers,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    if as_json:
        _json(result.to_dict())
        return
    say = lambda text: out.print(text, highlight=False, markup=False)  # noqa: E731
    say(
        f"case {result.case_reference}: {result.files_scanned} files scanned "
        f"(scan {result.scan_id})"
    )
    say(f"known material: {len(result.matches)} files")
    for name, count in sorted(result.by_series.items()):
        say(f"  series {name}: {count}")
    for name, count in sorted(result.by_category.items()):
        say(f"  category {name}: {count}")
    say(f"unmatched images and videos (possible new material): {result.unmatched}")
    if result.baseline:
        say(f"baseline (known non-pertinent): {result.baseline}")
    say(f"unreadable: {result.unreadable}")
    for reason, count in sorted(result.unreadable_reasons.items()):
        say(f"  {reason}: {count}")
    for note, count in sorted(result.not_decoded.items()):
        say(f"hashed, not decoded ({note}): {count}")
    for reason in result.safeguarding:
        say(f"safeguarding priority: {reason}")


@series_app.command("list")
@friendly
def series_list(as_json: Json = False, user: User = None) -> None:
    """Every series, its victim status and how many cases and countries hold it."""
    from interlink.media import list_series

    rows = list_series(node(), acting_user(user))
    if as_json:
        _json([{**r.__dict__, "cases": c, "countries": n} for r, c, n in rows])
        return
    for record, cases, countries in rows:
        victim = "victim identified" if record.victim_identified else "victim NOT identified"
        out.print(
            f"{record.name}\t{record.production_country or '--'}\t{victim}\t"
            f"{cases} cases in {countries} countries",
            highlight=False,
            markup=False,
        )


@series_app.command("show")
@friendly
def series_show(name: Annotated[str, typer.Argument()], user: User = None) -> None:
    """One series and every case known to hold it (JSON)."""
    from interlink.media import get_series

    view = get_series(node(), acting_user(user), name)
    _json(
        {
            **view.series.__dict__,
            "cases": [{"node": n, "case_id": c, "first_seen": s} for n, c, s in view.cases],
        }
    )


@series_app.command("set")
@friendly
def series_set(
    name: Annotated[str, typer.Argument()],
    country: Annotated[str | None, typer.Option(help="Production country (ISO alpha-2).")] = None,
    victim_identified: Annotated[
        bool | None, typer.Option("--victim-identified/--victim-not-identified")
    ] = None,
    by: Annotated[str | None, typer.Option(help="The agency that identified the victim.")] = None,
    on: Annotated[str | None, typer.Option(help="When, YYYY-MM-DD.")] = None,
    user: User = None,
) -> None:
    """Create or correct a series record."""
    from interlink.media import update_series

    record = update_series(
        node(),
        acting_user(user),
        name,
        production_country=country,
        victim_identified=victim_identified,
        identified_by=by,
        identified_on=_day(on, "--on"),
    )
    _json(record.__dict__)


@media_app.command("share")
@friendly
def media_share(
    set_name: Annotated[str | None, typer.Option("--set", help="Share this set's hashes.")] = None,
    series: Annotated[list[str] | None, typer.Option(help="Share this series' record.")] = None,
    user: User = None,
) -> None:
    """Share hashes and series updates (never media) with the General Secretariat."""
    from interlink.media import share

    _json(share(node(), acting_user(user), set_name=set_name, series=series or None))
