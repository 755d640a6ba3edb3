"""Loading generated demo data into a node (used by `interlink demo` and the benchmarks)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from interlink.access import Role, audit
from interlink.access.accounts import add_user, ensure_unit, get_user
from interlink.access.roles import Actor
from interlink.domain import model
from interlink.domain.provenance import Provenance, ProvenanceIn
from interlink.node import Node
from interlink.protection import demo as protection_demo
from interlink.records.service import add_years
from interlink.store import records as store
from interlink.store.db import transaction
from interlink.store.schema import records
from interlink.synthetic import demo_units, demo_users, demo_world
from interlink.synthetic._networks import plant as plant_networks
from interlink.synthetic.world import welfare_unit

# Demo accounts only: a demo database holds generated data and is never a real node.
DEMO_PASSWORD = "demo-password-not-secret"  # noqa: S105


@dataclass
class DemoSummary:
    loaded: bool
    records: int = 0
    units: list[tuple[str, str, str]] = field(default_factory=list)
    users: list[tuple[str, str, str]] = field(default_factory=list)


def load_demo(
    node: Node,
    *,
    persons: int,
    countries: int,
    seed: int,
    progress: Callable[[int], None] | None = None,
    batch_size: int = 2000,
) -> DemoSummary:
    units = demo_units(countries, seed)
    users = demo_users(units)
    summary = DemoSummary(loaded=False, units=units, users=users)
    world = demo_world(persons=persons, countries=countries, seed=seed)
    first = next(world)
    with transaction(node.engine) as conn:
        for code, name, country in units:
            ensure_unit(conn, code, name, country)
        # Each country's welfare agency (issue 7), before its welfare officer's account.
        protection_demo.ensure_agencies(conn, [(welfare_unit(cc), cc) for _, _, cc in units])
        for username, role, unit in users:
            if get_user(conn, username) is None:
                add_user(conn, username, Role(role), unit, DEMO_PASSWORD)
        present = conn.execute(select(records.c.id).where(records.c.id == str(first.id))).first()
    if present:
        return summary
    now = datetime.now(UTC)
    loader = Actor.system("demo")
    count = 0
    with transaction(node.engine) as conn:
        rows: list[dict[str, Any]] = []
        facts: list[model.Facts] = []
        # The planted networks and patterns (issue 9): each alert pattern once, in the first
        # unit, so that the demo's work queue and link chart show them.
        home = units[0][2]
        other = next((cc for _, _, cc in units if cc != home), "MD")
        planted = plant_networks(seed, unit=units[0][0], country=home, other_country=other)
        for rec in _chain(first, itertools.chain(world, planted.records)):
            provenance = _demo_provenance(node, rec.provenance, rec.unit, now)
            rows.append(
                store.record_row(str(rec.id), rec.facts, provenance, external_ref=rec.external_ref)
            )
            facts.append(rec.facts)
            if len(rows) >= batch_size:
                store.insert_many(conn, rows, facts)
                count += len(rows)
                rows, facts = [], []
                if progress:
                    progress(count)
        store.insert_many(conn, rows, facts)
        count += len(rows)
        audit.write(
            conn, node.audit_key, loader, "demo_load", details={"records": count, "seed": seed}
        )
    # Victims first (issue 7): a case team, victim contexts and referrals in every state.
    protection_demo.populate(node, units, welfare_unit(units[0][2]))
    summary.loaded = True
    summary.records = count
    return summary


def _demo_provenance(node: Node, stated: ProvenanceIn, unit: str, now: datetime) -> Provenance:
    """Provenance as the node would record it, except that a generated review date may lie
    in the past: the demo shows records that are due for review."""
    data = stated.model_dump()
    data.update(
        owning_unit=unit,
        recorded_at=now,
        recorded_by="demo",
        updated_at=now,
        updated_by="demo",
        review_date=stated.review_date or add_years(now.date(), node.settings.review_years),
    )
    return Provenance.model_validate(data)


def _chain(first: Any, rest: Any) -> Any:
    yield first
    yield from rest
