"""`interlink network`: pattern alerts (run, list, dismiss) and exports of a person's network."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from interlink import network
from interlink.cli.common import User, acting_user, console, fail, friendly, node, out
from interlink.records.service import resolve_id

network_app = typer.Typer(help="Networks and pattern alerts.", no_args_is_help=True)
alerts_app = typer.Typer(help="Pattern alerts: run, list, dismiss.", no_args_is_help=True)
network_app.add_typer(alerts_app, name="alerts")

Purpose = Annotated[str | None, typer.Option(help="Why you read this (kept in the audit log).")]


class Format(StrEnum):
    graphml = "graphml"
    csv = "csv"


class Status(StrEnum):
    open = "open"
    dismissed = "dismissed"
    resolved = "resolved"
    all = "all"


@alerts_app.command("run")
@friendly
def alerts_run(
    changed: Annotated[
        bool, typer.Option("--changed", help="Only around records changed since the last run.")
    ] = False,
    user: User = None,
) -> None:
    """Recompute the alerts: every pattern over every record (or only what changed)."""
    report = network.run_alerts(node(), acting_user(user), changed_only=changed)
    out.print(
        f"{report.opened} opened, {report.reopened} reopened, {report.resolved} resolved "
        f"in {report.seconds:.1f} s",
        highlight=False,
    )


@alerts_app.command("list")
@friendly
def alerts_list(
    status: Status = Status.open,
    pattern: Annotated[str | None, typer.Option(help="Only this pattern.")] = None,
    limit: int = 100,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    user: User = None,
    purpose: Purpose = None,
) -> None:
    """Your unit's alerts you may see: id, pattern, status, number of records, why."""
    found = network.list_alerts(
        node(),
        acting_user(user),
        status=status.value,
        pattern=pattern,
        limit=limit,
        purpose=purpose,
    )
    for a in found:
        if as_json:
            typer.echo(json.dumps(a.as_dict(), ensure_ascii=False))
        else:
            typer.echo(f"{a.id}\t{a.pattern}\t{a.status}\t{len(a.record_ids)}\t{a.explanation}")
    out.print(f"{len(found)} alert(s)", highlight=False)


@alerts_app.command("dismiss")
@friendly
def alerts_dismiss(
    alert_id: str,
    reason: Annotated[str, typer.Option(help="Why it needs no action (kept with the alert).")],
    user: User = None,
) -> None:
    """Dismiss an alert after review; the reason is required and kept."""
    done = network.dismiss_alert(node(), acting_user(user), alert_id, reason)
    out.print(f"alert {done.id} dismissed", highlight=False)


@network_app.command("export")
@friendly
def export(
    person: Annotated[str, typer.Argument(help="The record's id or external reference.")],
    format: Annotated[
        Format, typer.Option("--format", help="graphml, or csv (a ZIP).")
    ] = Format.graphml,
    depth: Annotated[int, typer.Option(help="Hops from the record (1-4).")] = 2,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="File to write (default: standard output for GraphML)."
        ),
    ] = None,
    user: User = None,
    purpose: Purpose = None,
) -> None:
    """A record's neighbourhood as GraphML or as entity and link CSV lists (in a ZIP)."""
    actor = acting_user(user)
    if format == Format.csv and output is None:
        fail("--output: a CSV export is a ZIP file; name the file to write")
    graph = network.get_neighbourhood(
        node(), actor, resolve_id(node(), person), depth=depth, purpose=purpose
    )
    if format == Format.graphml:
        text = network.graphml(graph)
        if output is None:
            typer.echo(text, nl=False)
        else:
            output.write_text(text, encoding="utf-8")
    else:
        assert output is not None
        output.write_bytes(network.csv_zip(graph))
    console.print(f"{len(graph.nodes)} nodes, {len(graph.edges)} links", highlight=False)
