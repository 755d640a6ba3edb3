"""Indicators over the tables of protection, media and exchange, on rows whose counts are
known (written straight into those tables: their own services are tested by their areas)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from interlink import reporting
from interlink.access import Role
from interlink.store.db import transaction
from interlink.store.schema import (
    exchange_messages,
    hit_notifications,
    media_series,
    media_series_cases,
    referrals,
)

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def uid() -> str:
    return str(uuid.uuid4())


def test_referrals_series_exchange_and_hits(node, people, world) -> None:
    with transaction(node.engine) as conn:
        for state, child, days, unit in [
            ("accepted", True, 2, "UA-KYIV"),
            ("accepted", False, 10, "UA-KYIV"),
            ("closed", False, 120, "UA-LVIV"),
            ("declined", True, 40, "UA-KYIV"),
        ]:
            conn.execute(
                referrals.insert().values(
                    id=uid(),
                    victim_id=world.ids["v13"],
                    agency_unit="UA-LVIV",
                    owning_unit=unit,
                    state=state,
                    child=child,
                    consent="given",
                    carries={},
                    created_at=T0,
                    created_by="t",
                    state_since=T0 + timedelta(days=days),
                )
            )
        conn.execute(
            media_series.insert().values(
                name="S1",
                production_country="PH",
                victim_identified=True,
                updated_at=T0,
                updated_by="t",
            )
        )
        conn.execute(
            media_series.insert().values(
                name="S2", victim_identified=False, updated_at=T0, updated_by="t"
            )
        )
        conn.execute(
            media_series_cases.insert().values(
                series="S1", node="UA", case_id=world.ids["k1"], first_seen=T0
            )
        )
        for direction, kind in [("out", "report"), ("out", "report"), ("in", "hit")]:
            conn.execute(
                exchange_messages.insert().values(
                    id=uid(),
                    direction=direction,
                    sender="UA",
                    recipients='["GS"]',
                    kind=kind,
                    created=T0,
                    handling_code="H0",
                    body="{}",
                    digest="0" * 64,
                )
            )
        conn.execute(
            hit_notifications.insert().values(
                hit_id=uid(),
                record_id=world.ids["a"],
                other_country="PL",
                band="high",
                probability=0.99,
                status="open",
                message_id=uid(),
                received_at=T0,
                updated_at=T0,
            )
        )
    analyst = people.actor(Role.ANALYST)
    got = reporting.report(node, analyst, reporting.parse_period("2026-Q1")).cubes
    assert got["referrals"].counts == {
        ("accepted", "child", "0-7 days"): 1,
        ("accepted", "adult", "8-30 days"): 1,
        ("closed", "adult", "91+ days"): 1,
        ("declined", "child", "31-90 days"): 1,
    }
    assert got["media_series"].counts == {
        ("identified", "PH"): 1,
        ("not identified", "unknown"): 1,
    }
    assert got["exchange"].counts == {("out", "report"): 2, ("in", "hit"): 1}
    assert got["hits"].counts == {("open", "high"): 1}
    everything = reporting.report(node, analyst, reporting.ALL).cubes
    # The urgent Kyiv case involves a child and holds series S1; it was registered today.
    assert everything["child_exploitation_cases"].counts == {("open", "with series"): 1}
    lviv = reporting.report(node, analyst, reporting.ALL, unit="UA-LVIV").cubes
    assert lviv["referrals"].total == 1
    assert lviv["exchange"].total == 0  # node-wide figures are in no unit's
    public = reporting.public(node, people.actor(Role.WELFARE_OFFICER), reporting.ALL)
    assert {t.indicator.name for t in public.tables} >= {"referrals", "media_series"}
    assert not {"exchange", "hits"} & {t.indicator.name for t in public.tables}
