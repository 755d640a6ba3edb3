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


def test_hit_rate_at_a_node_and_at_the_secretariat(node, people, world) -> None:
    """A national node: 2 of its persons reported (one twice, a case too: not a person), one
    hit notification → 0.5 hits per reported person. The Secretariat's own tables: 4
    reported persons and a document, one hit (between two of them) → 2 / 4."""
    from interlink.store.schema import exchange_shared, reported_records, secretariat_hits

    with transaction(node.engine) as conn:
        for record, message, day in [
            ("a", uid(), 1),
            ("a", uid(), 40),  # an update of the same person: still one
            ("v13", uid(), 2),
            ("k1", uid(), 3),  # a case: not a person
        ]:
            conn.execute(
                exchange_shared.insert().values(
                    record_id=world.ids[record],
                    recipient="GS",
                    message_id=message,
                    version=1,
                    as_suspect=True,
                    sent_at=T0 + timedelta(days=day),
                )
            )
        conn.execute(
            exchange_shared.insert().values(  # shared with a country, not reported
                record_id=world.ids["b"],
                recipient="DE",
                message_id=uid(),
                version=1,
                as_suspect=True,
                sent_at=T0,
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
                received_at=T0 + timedelta(days=5),
                updated_at=T0,
            )
        )
    analyst = people.actor(Role.ANALYST)
    rate = reporting.report(node, analyst, reporting.parse_period("2026-Q1")).rates["hit_rate"]
    assert (rate.numerator, rate.denominator, rate.value) == (1, 2, 0.5)
    later = reporting.report(node, analyst, reporting.parse_period("2026-04")).rates["hit_rate"]
    assert (later.numerator, later.denominator, later.value) == (0, 0, None)  # no report then
    assert reporting.report(node, analyst, reporting.ALL, unit="UA-KYIV").rates == {}
    figures = reporting.national_figures(node, reporting.parse_period("2026-Q1"))
    assert figures["rates"] == {"hit_rate": {"numerator": 1, "denominator": 2}}

    # The same declaration over the Secretariat's tables.
    with transaction(node.engine) as conn:
        conn.execute(exchange_shared.delete())
        conn.execute(hit_notifications.delete())
        reported = [uid() for _ in range(4)]
        for i, (record, kind) in enumerate(
            [*((r, "person") for r in reported), (uid(), "document")]
        ):
            conn.execute(
                reported_records.insert().values(
                    record_id=record,
                    owner="UA" if i % 2 else "PL",
                    origin_id=uid(),
                    kind=kind,
                    detail_countries=[],
                    message_id=uid(),
                    reported_at=T0,
                    updated_at=T0,
                )
            )
        left, right = sorted(reported[:2])
        conn.execute(
            secretariat_hits.insert().values(
                id=uid(),
                left_record=left,
                right_record=right,
                left_owner="PL",
                left_origin=uid(),
                right_owner="UA",
                right_origin=uid(),
                band="same",
                probability=0.97,
                status="open",
                left_told=True,
                right_told=True,
                created_at=T0,
                updated_at=T0,
            )
        )
    rate = reporting.report(node, analyst, reporting.parse_period("2026")).rates["hit_rate"]
    assert (rate.numerator, rate.denominator, rate.value) == (2, 4, 0.5)


def test_a_series_counts_when_first_found_in_a_case(node, people, world) -> None:
    """Updated in June (victim identified) but first found in a case in January: Q1."""
    with transaction(node.engine) as conn:
        conn.execute(
            media_series.insert().values(
                name="S9",
                victim_identified=True,
                updated_at=T0 + timedelta(days=100),
                updated_by="t",
            )
        )
        for case, day in (("k1", 40), ("k2", -50)):
            conn.execute(
                media_series_cases.insert().values(
                    series="S9",
                    node="UA",
                    case_id=world.ids[case],
                    first_seen=T0 + timedelta(days=day),
                )
            )
        conn.execute(
            media_series.insert().values(  # known from a shared set only: its update
                name="S10",
                victim_identified=False,
                updated_at=T0 + timedelta(days=100),
                updated_by="t",
            )
        )
    analyst = people.actor(Role.ANALYST)
    q1 = reporting.report(node, analyst, reporting.parse_period("2026-Q1")).cubes["media_series"]
    assert q1.counts == {("identified", "unknown"): 1}
    q2 = reporting.report(node, analyst, reporting.parse_period("2026-Q2")).cubes["media_series"]
    assert q2.counts == {("not identified", "unknown"): 1}
