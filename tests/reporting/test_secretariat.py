"""The statistical report to the Secretariat: aggregates only; the Secretariat keeps the
latest per country and period, and its global figures are the sum of the national ones."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from interlink import reporting
from interlink.access import Role
from interlink.access.roles import Actor
from interlink.exchange.handlers import Received, handle
from interlink.exchange.messages import Draft, Envelope, Kind, Message
from interlink.node import Node
from interlink.settings import Settings
from interlink.store.db import transaction
from interlink.store.migrate import upgrade


@pytest.fixture
def secretariat(tmp_path: Path):
    settings = Settings(
        data_dir=tmp_path / "gs",
        database_url=f"sqlite:///{tmp_path / 'gs.db'}",
        node_role="secretariat",
        node_country="FR",
    )
    gs = Node(settings)
    upgrade(gs.engine)
    yield gs
    gs.engine.dispose()


def sent(monkeypatch, node, actor, period) -> Draft:
    captured: list[Draft] = []

    def fake_transport(_node, _actor, draft: Draft) -> uuid.UUID:
        captured.append(draft)
        return uuid.uuid4()

    monkeypatch.setattr(reporting.secretariat, "transport", fake_transport)
    reporting.send_report(node, actor, period)
    return captured[0]


def deliver(gs: Node, sender: str, draft: Draft, created: datetime) -> None:
    envelope = Envelope(
        id=uuid.uuid4(), sender=sender, recipients=["GS"], created=created, kind=draft.kind
    )
    with transaction(gs.engine) as conn:
        handle(Received(gs, conn, Message(envelope=envelope, body=draft.body)))


def test_the_report_carries_aggregates_only(monkeypatch, node, people, world) -> None:
    draft = sent(monkeypatch, node, people.actor(Role.NCB_OFFICER), reporting.ALL)
    assert draft.kind == Kind.STATISTICS and draft.recipients == ["GS"]
    assert not draft.body.records and not draft.body.attachments
    text = json.dumps(draft.body.data)
    assert not any(record_id in text for record_id in world.ids.values())
    assert "Testperson" not in text and "Olha" not in text
    assert draft.body.data["indicators"]["cases"]["cells"] == [
        ["closed", "normal", 1],
        ["open", "urgent", 1],
    ]


def test_only_publishing_roles_send(monkeypatch, node, people) -> None:
    from interlink.records.errors import Forbidden

    with pytest.raises(Forbidden):
        sent(monkeypatch, node, people.actor(Role.ANALYST), reporting.ALL)


def test_global_figures_are_the_sum_of_the_national_reports(
    monkeypatch, node, people, world, secretariat
) -> None:
    period = reporting.parse_period("2024-01..2025-12")
    ua = sent(monkeypatch, node, people.actor(Role.NCB_OFFICER), period)
    # A second country: the same node's figures for another scope, sent as Moldova's.
    md = ua.model_copy(deep=True)
    md.body.data["indicators"]["victims"]["cells"] = [["female", "18-29", "sexual", 40]]
    now = datetime.now(UTC)
    deliver(secretariat, "UA", ua, now)
    deliver(secretariat, "MD", md, now)
    gs_analyst = Actor(id=None, username="gs.analyst", role=Role.ANALYST, unit=None)
    world_figures = reporting.global_figures(secretariat, gs_analyst, period)
    for name, c in world_figures.cubes.items():
        expected: Counter[tuple[str, ...]] = Counter()
        for draft in (ua, md):
            for *key, n in draft.body.data["indicators"][name]["cells"]:
                expected[tuple(key)] += n
        assert c.counts == dict(expected), name
    assert world_figures.cubes["victims"].counts[("female", "18-29", "sexual")] == 40
    assert "2 countries" in world_figures.scope
    only_md = reporting.global_figures(secretariat, gs_analyst, period, country="md")
    assert only_md.cubes["victims"].total == 40


def test_the_latest_report_per_country_and_period_is_kept(
    monkeypatch, node, people, world, secretariat
) -> None:
    period = reporting.ALL
    first = sent(monkeypatch, node, people.actor(Role.NCB_OFFICER), period)
    later = first.model_copy(deep=True)
    later.body.data["indicators"]["cases"]["cells"] = [["open", "urgent", 30]]
    now = datetime.now(UTC)
    deliver(secretariat, "UA", later, now)
    deliver(secretariat, "UA", first, now - timedelta(hours=1))  # an older copy, late
    gs_analyst = Actor(id=None, username="gs.analyst", role=Role.ANALYST, unit=None)
    assert reporting.global_figures(secretariat, gs_analyst, period).cubes["cases"].total == 30
    deliver(secretariat, "UA", first, now + timedelta(hours=1))  # a newer one replaces it
    assert reporting.global_figures(secretariat, gs_analyst, period).cubes["cases"].total == 2


def test_a_national_node_ignores_statistics_and_bad_bodies_change_nothing(
    node, secretariat
) -> None:
    bad = Draft(kind=Kind.STATISTICS, recipients=["GS"])
    bad.body.data = {"period": "2026", "indicators": {"cases": {"cells": "not cells"}}}
    deliver(secretariat, "UA", bad, datetime.now(UTC))
    deliver(node, "PL", bad, datetime.now(UTC))
    gs_analyst = Actor(id=None, username="gs.analyst", role=Role.ANALYST, unit=None)
    figures = reporting.global_figures(secretariat, gs_analyst, reporting.parse_period("2026"))
    assert "0 countries" in figures.scope
