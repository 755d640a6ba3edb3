"""SQL of the reporting area: what the indicators count, and the Secretariat's reports.

Indicators read the facts of a few kinds of record for a whole node in one pass per kind
(``records_of``); the counting itself is in ``interlink.reporting`` so that it is the same
on SQLite and PostgreSQL and written once for every indicator.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, select

from interlink.store.schema import metadata, records, statistical_reports, units


@dataclass(frozen=True)
class CountedRecord:
    """What an indicator may use of a record: never names, only coded facts and dates."""

    id: str
    kind: str
    unit: str
    recorded_at: datetime
    facts: dict[str, Any]


def records_of(
    conn: Connection, kind: str, fields: Sequence[str] | None = None, batch: int = 5000
) -> Iterator[CountedRecord]:
    """Every record of a kind, streamed (a server-side cursor on PostgreSQL) through the
    (kind, unit) index. With ``fields``, only those facts are extracted, in the database
    (``json_extract`` / ``->``): decoding every record's whole JSON would cost most of the
    time, and names are never needed for counting."""
    values = (
        [records.c.facts[name].label(f"f_{i}") for i, name in enumerate(fields)]
        if fields
        else [records.c.facts]
    )
    query = select(records.c.id, records.c.owning_unit, records.c.recorded_at, *values).where(
        records.c.kind == kind
    )
    # Options on the statement, not the connection: they would outlive this query there.
    result = conn.execute(query.execution_options(stream_results=True, yield_per=batch))
    for r in result:
        if fields:
            facts = {name: r[3 + i] for i, name in enumerate(fields) if r[3 + i] is not None}
        else:
            facts = r.facts if isinstance(r.facts, dict) else json.loads(r.facts)
        yield CountedRecord(r.id, kind, r.owning_unit, r.recorded_at, facts)


def unit_countries(conn: Connection) -> dict[str, str]:
    """Each unit's country (a national node's units share one; the tests' may not)."""
    return {r.code: r.country for r in conn.execute(select(units.c.code, units.c.country))}


def keep_report(
    conn: Connection,
    *,
    country: str,
    period: str,
    message_id: str,
    sent_at: datetime,
    received_at: datetime,
    figures: dict[str, Any],
) -> bool:
    """Keep a country's report for a period unless a later one is already kept."""
    held = conn.execute(
        select(statistical_reports.c.sent_at).where(
            statistical_reports.c.country == country, statistical_reports.c.period == period
        )
    ).first()
    if held is not None:
        if held.sent_at >= sent_at:
            return False
        conn.execute(
            delete(statistical_reports).where(
                statistical_reports.c.country == country, statistical_reports.c.period == period
            )
        )
    conn.execute(
        statistical_reports.insert().values(
            country=country,
            period=period,
            message_id=message_id,
            sent_at=sent_at,
            received_at=received_at,
            figures=figures,
        )
    )
    return True


def reports_for(conn: Connection, period: str) -> list[tuple[str, dict[str, Any]]]:
    """The kept report of each country for a period: (country, figures), by country."""
    rows = conn.execute(
        select(statistical_reports.c.country, statistical_reports.c.figures)
        .where(statistical_reports.c.period == period)
        .order_by(statistical_reports.c.country)
    ).all()
    return [
        (r.country, r.figures if isinstance(r.figures, dict) else json.loads(r.figures))
        for r in rows
    ]


def report_periods(conn: Connection) -> list[str]:
    rows = conn.execute(select(statistical_reports.c.period).distinct())
    return sorted(r.period for r in rows)


def table_rows(conn: Connection, table: str, columns: Sequence[str]) -> list[dict[str, Any]]:
    """Some columns of every row of another area's table (referrals, media series, exchange
    messages); none when the table is not declared. Indicators read coded columns only."""
    declared = metadata.tables.get(table)
    if declared is None:
        return []
    rows = conn.execute(select(*(declared.c[name] for name in columns))).mappings()
    return [dict(r) for r in rows]
