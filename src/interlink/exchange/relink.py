"""Batch re-linking of the whole international database (at the Secretariat).

A report is linked at once by online search; a batch run catches what that cannot: pairs
beyond search's candidate limits, and pairs a newer model or a trained ``identity-model.json``
now judges differently. It runs the identity engine's batch (Splink on DuckDB, or on Spark
when the database outgrows one machine) over every reported person's prepared variants,
keeps the pairs of two different countries, scores each such pair with the same online
model search uses (so a band means the same thing whichever way a hit was found), and makes
the hits exactly as a report does (``hits.upsert``: one hit per pair, never a duplicate,
each owner told what the other's rules allow).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from interlink.access import audit
from interlink.access.policy import has_capability
from interlink.access.roles import Actor, Capability
from interlink.exchange import hits, outlet
from interlink.identity.prepare import PREPARED_COLUMNS, person_variants
from interlink.identity.search import parameters, person_count, score_stored_pair
from interlink.node import Node
from interlink.records.errors import Forbidden, Invalid
from interlink.store import records as store
from interlink.store import secretariat as sql
from interlink.store.db import reading, transaction

Progress = Callable[[str], None]
BATCH_THRESHOLD = 0.0  # Splink's probability from which a pair is scored by the online model;
# 0: every pair the blocking rules propose (the online model decides; a small database trains
# Splink poorly)
WRITE_BATCH = 500  # pairs scored and written per transaction


@dataclass(frozen=True)
class Relinked:
    persons: int
    pairs: int  # cross-country pairs the batch proposed
    hits_changed: int  # hits made, reopened or re-banded (each told to its owners)
    seconds: float


def _prepared(node: Node) -> tuple[Any, dict[str, tuple[str, str]]]:
    """The batch's prepared table: every variant of every reported person, with its record
    and owner by row id."""
    from interlink.identity.batch import Prepared

    columns: dict[str, list[Any]] = {c: [] for c in PREPARED_COLUMNS}
    owner_of: dict[str, tuple[str, str]] = {}
    with reading(node.engine) as conn:
        reported = sql.reported_persons(conn)
        for start in range(0, len(reported), 5000):
            chunk = dict(reported[start : start + 5000])
            for rec in store.get_many(conn, list(chunk)):
                for i, variant in enumerate(person_variants(rec.facts)):  # type: ignore[arg-type]
                    row_id = f"{rec.id}:{i}"
                    owner_of[row_id] = (rec.id, chunk[rec.id])
                    columns["unique_id"].append(row_id)
                    for column in PREPARED_COLUMNS[1:]:
                        columns[column].append(variant.get(column))
    return Prepared(columns), owner_of


def _batch_pairs(prepared: Any, engine: str, threshold: float) -> list[tuple[str, str]]:
    """Row-id pairs the batch judges at or above ``threshold``."""
    from splink import Linker

    from interlink.identity.batch import _arrow, _quiet_splink, settings
    from interlink.identity.engines import open_engine
    from interlink.identity.training import train

    _quiet_splink()
    db = open_engine(engine)
    try:
        arrow = _arrow(prepared)
        table = db.register(arrow, "reported_people")
        linker = Linker(table, db.settings(settings(), arrow.schema), log_level=None)
        train(linker, (arrow,))
        scored = linker.inference.predict(threshold_match_probability=threshold or None)
        rows = db.rows(f"SELECT unique_id_l, unique_id_r FROM {scored.physical_name}")
    finally:
        db.close()
    return [(str(a), str(b)) for a, b in rows]


def relink(
    node: Node,
    actor: Actor,
    *,
    engine: str = "duckdb",
    threshold: float = BATCH_THRESHOLD,
    progress: Progress | None = None,
) -> Relinked:
    """Re-link every reported person across countries; audited."""
    if not has_capability(actor, Capability.SECRETARIAT_RELINK):
        raise Forbidden("your role may not re-link the international database")
    if not outlet.is_secretariat(node):
        raise Invalid("only the General Secretariat holds an international database")
    say = progress or (lambda _m: None)
    started = time.perf_counter()
    say("reading the international database")
    prepared, owner_of = _prepared(node)
    pairs: set[tuple[str, str]] = set()
    if prepared.rows > 1:
        say(f"linking {prepared.rows:,} variants with {engine}")
        for left, right in _batch_pairs(prepared, engine, threshold):
            (a, owner_a), (b, owner_b) = owner_of[left], owner_of[right]
            if owner_a != owner_b:
                pairs.add((a, b) if a < b else (b, a))
    say(f"scoring {len(pairs):,} pairs")
    changed = 0
    ordered = sorted(pairs)
    for start in range(0, len(ordered), WRITE_BATCH):
        with transaction(node.engine) as conn:
            changed += _score_and_keep(conn, node, ordered[start : start + WRITE_BATCH])
    persons = len({rid for rid, _ in owner_of.values()})
    with transaction(node.engine) as conn:
        audit.write(
            conn,
            node.audit_key,
            actor,
            "secretariat_relink",
            details={"engine": engine, "persons": persons, "pairs": len(pairs), "hits": changed},
        )
    outlet.wake()
    return Relinked(persons, len(pairs), changed, round(time.perf_counter() - started, 3))


def _score_and_keep(conn: Any, node: Node, pairs: list[tuple[str, str]]) -> int:
    """Score each pair with the online model; a pair in band same or possibly same becomes
    (or stays, or reopens as) a hit."""
    reported = sql.reported_by_id(conn, sorted({r for pair in pairs for r in pair}))
    params = parameters(node)
    persons = person_count(conn, node.engine)
    now = datetime.now(UTC)
    changed = 0
    for a, b in pairs:
        ra, rb = reported.get(a), reported.get(b)
        if ra is None or rb is None:
            continue  # withdrawn since the batch read it
        found = score_stored_pair(conn, node, a, b, params=params, persons=persons)
        if found is None or found.band not in hits.HIT_BANDS:
            continue
        side_a = hits.Side(a, ra.owner, ra.origin_id)
        side_b = hits.Side(b, rb.owner, rb.origin_id)
        if hits.upsert(conn, node, side_a, side_b, found, now):
            changed += 1
    return changed
