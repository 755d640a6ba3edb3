"""Planted networks loaded into a fresh node, and the helpers the network tests share."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from interlink.domain.provenance import Provenance
from interlink.node import Node
from interlink.store import records as store
from interlink.store.db import transaction
from interlink.synthetic._networks import Planted, plant


def load(node: Node, planted: Planted) -> None:
    """Write the planted records straight into the store, as the demo loader does."""
    now = datetime.now(UTC)
    rows, facts = [], []
    for rec in planted.records:
        data = rec.provenance.model_dump()
        data.update(
            owning_unit=rec.unit,
            recorded_at=now,
            recorded_by="test",
            updated_at=now,
            updated_by="test",
            review_date=date(now.year + 5, 1, 1),
        )
        rows.append(store.record_row(str(rec.id), rec.facts, Provenance.model_validate(data)))
        facts.append(rec.facts)
    with transaction(node.engine) as conn:
        store.insert_many(conn, rows, facts)


@pytest.fixture
def planted(node: Node, people) -> Planted:
    """The planted networks of unit UA-KYIV (``people`` has made the units)."""
    result = plant(seed=1)
    load(node, result)
    return result
