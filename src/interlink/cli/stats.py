"""`interlink stats`: a unit's or the node's figures, public releases, the report to the
Secretariat and (at the Secretariat) the global figures."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from interlink import reporting
from interlink.cli.common import User, acting_user, fail, friendly, node, out
from interlink.reporting.periods import HELP as PERIOD_HELP

stats_app = typer.Typer(help="Statistics and public figures.", no_args_is_help=True)

PeriodOpt = Annotated[str, typer.Option("--period", help=f"The period: {PERIOD_HELP}.")]
FORMATS = ("table", "json", "csv")
FormatOpt = Annotated[str, typer.Option("--format", help="table, json or csv.")]


def _period(text: str) -> reporting.Period:
    try:
        return reporting.parse_period(text)
    except reporting.PeriodError as exc:
        fail(f"--period: {exc}")


def _format(text: str) -> str:
    if text not in FORMATS:
        fail(f"--format: '{text}' is not one of {', '.join(FORMATS)}")
    return text


def _print(report: reporting.Report, fmt: str) -> None:
    if fmt == "json":
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return
    tables = report.tables()
    if fmt == "csv":
        width = max((len(t.dims) for t in tables), default=0)
        writer = csv.writer(sys.stdout, lineterminator="\n")
        header = ["table"]
        for i in range(1, width + 1):
            header += [f"dimension_{i}", f"value_{i}"]
        writer.writerow([*header, "count"])
        for t in tables:
            for key, n in t.rows():
                cells: list[str] = []
                for dim, value in zip(t.dims, key, strict=True):
                    cells += [dim, value]
                cells += [""] * (2 * width - len(cells))
                writer.writerow([t.name, *cells, n])
        return
    out.print(f"Statistics: {report.scope}, period {report.period.label}", highlight=False)
    for t in tables:
        ind = t.indicator
        labels = [ind.dimension(d).label for d in t.dims]
        out.print(f"\n{ind.title} ({ind.counts} by {', '.join(labels).lower()})", highlight=False)
        for key, n in t.rows():
            if n or reporting.TOTAL in key:
                out.print(
                    f"  {' / '.join(v.replace('_', ' ') for v in key):<60} {n:>8}", highlight=False
                )
    for rate in report.rates.values():
        value = "—" if rate.value is None else f"{rate.value:.3f}"
        out.print(
            f"\n{rate.rate.title}: {value} ({rate.numerator} {rate.rate.numerator} / "
            f"{rate.denominator} {rate.rate.denominator})",
            highlight=False,
        )


@stats_app.command("indicators")
def indicators() -> None:
    """List the indicators (see docs/statistics.md)."""
    for ind in reporting.REGISTRY.values():
        dims = ", ".join(d.name for d in ind.dimensions)
        typer.echo(f"{ind.name}\t{ind.counts} by {dims}\t{ind.title}")


@stats_app.command("report")
@friendly
def report_command(
    period: PeriodOpt,
    unit: Annotated[
        str | None, typer.Option(help="One unit's figures (default: the node's).")
    ] = None,
    indicator: Annotated[
        list[str] | None, typer.Option(help="Only these indicators (repeat the option).")
    ] = None,
    fmt: FormatOpt = "table",
    user: User = None,
) -> None:
    """Exact figures of the node or of one unit (analysts, NCB officers, supervisors)."""
    chosen = _period(period)
    fmt = _format(fmt)
    result = reporting.report(node(), acting_user(user), chosen, unit=unit, indicators=indicator)
    _print(result, fmt)


@stats_app.command("publish")
@friendly
def publish_command(
    period: PeriodOpt,
    out_dir: Annotated[Path, typer.Option("--out", help="Directory to write the release to.")],
    threshold: Annotated[
        int, typer.Option(help="Suppress cells counting fewer than this.")
    ] = reporting.DEFAULT_THRESHOLD,
    rounding: Annotated[
        int, typer.Option("--round", help="Round counts to multiples of this (1: exact).")
    ] = 1,
    epsilon: Annotated[
        float | None,
        typer.Option(help="Add differentially private noise (OpenDP): ε per indicator."),
    ] = None,
    user: User = None,
) -> None:
    """Write a public release: CSV tables, PNG and SVG charts and a README of the rules."""
    chosen = _period(period)
    try:
        rules = reporting.Rules(threshold=threshold, rounding=rounding, epsilon=epsilon)
    except ValueError as exc:
        name = str(exc).split(":", 1)[0]
        option = {"rounding": "--round"}.get(name, f"--{name}")
        fail(f"{option}: {str(exc).split(':', 1)[1].strip()}")
    if out_dir.exists() and not out_dir.is_dir():
        fail(f"--out: {out_dir} is a file, not a directory")
    written = reporting.publish(node(), acting_user(user), chosen, out_dir, rules)
    out.print(f"{len(written)} files written to {out_dir}", highlight=False)


@stats_app.command("send")
@friendly
def send_command(period: PeriodOpt, user: User = None) -> None:
    """Send the node's statistical report for a period to the Secretariat (aggregates only)."""
    chosen = _period(period)
    message_id = reporting.send_report(node(), acting_user(user), chosen)
    out.print(
        f"statistical report {chosen.label} queued for the Secretariat: {message_id}",
        highlight=False,
    )


@stats_app.command("global")
@friendly
def global_command(
    period: PeriodOpt,
    country: Annotated[str | None, typer.Option(help="One country's report.")] = None,
    fmt: FormatOpt = "table",
    user: User = None,
) -> None:
    """At the Secretariat: the sum of the latest national reports for a period."""
    chosen = _period(period)
    fmt = _format(fmt)
    _print(reporting.global_figures(node(), acting_user(user), chosen, country=country), fmt)
