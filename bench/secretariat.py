"""Secretariat benchmark: report → hit notification at both owners, with N persons in the
international database.

The database is loaded straight into the Secretariat's own database with the bulk importer
(``interlink.transfer``, generated persons of ``interlink.synthetic``), then marked as
reported by 16 countries in SQL (``records.origin_node``/``origin_id`` and one
``reported_records`` row each) — not through N report messages. Then R reports arrive from
one more country, each the same person as a stored one written as another country would
(the stored names, the date of birth cut to the year); each is handed to the Secretariat's
REPORT handler in one transaction, as the inbox does after its checks, and timed from the
start of that transaction to its commit, by which both owners' hit notifications are in the
outbox (signing, encryption and the HTTP post are the transport's, measured by
``bench/exchange.py``).

Comparison, in the same run: a linear scan — the report's variants scored by the same model
against every stored person of the other countries (what linking without the search index
would cost), on a few reports.

    .venv/bin/python bench/secretariat.py [--persons 1000000] [--reports 200] [--db URL] [--keep]
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import statistics
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, select, text

from interlink.access.accounts import add_user, ensure_unit, get_user
from interlink.access.roles import Actor, Role
from interlink.exchange import outlet
from interlink.exchange import secretariat as _handlers  # noqa: F401 - registers the handlers
from interlink.exchange.handlers import Received, handle
from interlink.exchange.messages import (
    Body,
    Dissemination,
    Envelope,
    Kind,
    Message,
    SharedRecord,
)
from interlink.identity import index
from interlink.identity.model import score
from interlink.identity.search import parameters
from interlink.node import Node
from interlink.protection.outgoing import is_victim
from interlink.settings import Settings
from interlink.store import records as store
from interlink.store.db import reading, transaction
from interlink.store.migrate import upgrade
from interlink.store.schema import match_features, records
from interlink.synthetic.people import CSV_COLUMNS, person_rows
from interlink.transfer import importer

OUT = Path(__file__).with_name("out")
# The reporting countries, by the last hex digit of a record id.
OWNERS = [
    "AT",
    "BE",
    "BG",
    "CZ",
    "DE",
    "ES",
    "FR",
    "GR",
    "HU",
    "IT",
    "MD",
    "NL",
    "PL",
    "RO",
    "SK",
    "UA",
]
REPORTER = "LT"


def build(node: Node, actor: Actor, persons: int, seed: int, folder: Path) -> None:
    path = folder / "persons.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for row in person_rows(persons, seed=seed):
            writer.writerow([row[c] for c in CSV_COLUMNS])
    start = time.perf_counter()
    report = importer.import_file(node, actor, "persons", path)
    took = time.perf_counter() - start
    print(f"import: {report.imported:,} persons in {took:.1f} s ({report.imported / took:,.0f}/s)")
    start = time.perf_counter()
    owner = (
        "CASE substr(id, 36, 1) "
        + " ".join(
            f"WHEN '{d}' THEN '{c}'" for d, c in zip("0123456789abcdef", OWNERS, strict=True)
        )
        + " END"
    )
    empty = "CAST('[]' AS JSONB)" if node.engine.dialect.name == "postgresql" else "'[]'"
    with transaction(node.engine) as conn:
        conn.execute(text(f"UPDATE records SET origin_node = {owner}, origin_id = id"))
        conn.execute(
            text(
                "INSERT INTO reported_records (record_id, owner, origin_id, kind, hit_countries,"
                f" detail_countries, message_id, reported_at, updated_at) SELECT id, origin_node,"
                f" id, kind, NULL, {empty}, :mid, :now, :now FROM records WHERE kind = 'person'"
            ),
            {"mid": str(uuid.uuid4()), "now": datetime.now(UTC)},
        )
    print(f"marked as reported by {len(OWNERS)} countries in {time.perf_counter() - start:.1f} s")


def open_node(folder: Path, db: str | None) -> tuple[Node, Actor]:
    base = {"data_dir": folder, "node_role": "secretariat"}
    settings = Settings(**base, database_url=db) if db else Settings(**base)  # type: ignore[arg-type]
    node = Node(settings)
    upgrade(node.engine)
    with transaction(node.engine) as conn:
        ensure_unit(conn, "GS-BULK", "International database (bulk load)", "FR")
        user = get_user(conn, "bench") or add_user(
            conn, "bench", Role.SUPERVISOR, "GS-BULK", "benchmark password 1"
        )
    return node, user.actor()


def sample_reports(node: Node, count: int, rng: random.Random) -> list[tuple[str, SharedRecord]]:
    """Stored persons as another country would report them: same names, year of birth."""
    with reading(node.engine) as conn:
        top = (
            conn.execute(text("SELECT max(rowid) FROM records")).scalar_one()
            if (node.engine.dialect.name == "sqlite")
            else None
        )
        ids: list[str] = []
        while len(ids) < count * 2:
            if top:
                picks = [rng.randint(1, top) for _ in range(count * 2)]
                rows = conn.execute(
                    text("SELECT id FROM records WHERE rowid IN :r AND kind = 'person'").bindparams(
                        bindparam("r", expanding=True)
                    ),
                    {"r": picks},
                )
            else:
                rows = conn.execute(
                    text(
                        "SELECT id FROM records TABLESAMPLE SYSTEM (0.1) WHERE kind = 'person'"
                        " LIMIT :n"
                    ),
                    {"n": count * 2},
                )
            ids.extend(str(r[0]) for r in rows)
        found = store.get_many(conn, ids[: count * 2])
    out = []
    for rec in found:
        if is_victim(rec.facts):  # a victim is never reported: another country's suspect
            continue
        facts: dict[str, Any] = rec.facts.model_dump(mode="json")
        if facts.get("birth_date"):
            facts["birth_date"] = str(facts["birth_date"])[:4]
        for field in ("document_numbers", "phones", "emails", "addresses"):
            facts[field] = []
        shared = SharedRecord(
            owner=REPORTER,
            record_id=uuid.uuid4(),
            kind="person",
            facts=facts,
            handling_code=rec.provenance.handling_code,
            dissemination=Dissemination(),
        )
        out.append((str(rec.provenance.origin_node), shared))
    return out[:count]


def report(node: Node, shared: SharedRecord) -> float:
    message = Message(
        envelope=Envelope(
            id=uuid.uuid4(),
            sender=REPORTER,
            recipients=["GS"],
            created=datetime.now(UTC),
            kind=Kind.REPORT,
        ),
        body=Body(records=[shared]),
    )
    start = time.perf_counter()
    with transaction(node.engine) as conn:
        handle(Received(node=node, conn=conn, message=message))
    return time.perf_counter() - start


def linear_scan(node: Node, shared: SharedRecord) -> float:
    """Score the report against every stored person of another country, no index."""
    from interlink.domain.model import Person
    from interlink.identity.prepare import person_variants

    params = parameters(node)
    with reading(node.engine) as conn:
        persons = int(conn.execute(text("SELECT count(*) FROM match_features")).scalar_one())
        params = params.for_population(persons)
        queries = [
            index.scoring_form(v) for v in person_variants(Person.model_validate(shared.facts))
        ]
        start = time.perf_counter()
        best = 0.0
        rows = conn.execution_options(yield_per=5000).execute(
            select(match_features.c.features)
            .join(records, records.c.id == match_features.c.record_id)
            .where(records.c.origin_node != REPORTER)
        )
        for (features,) in rows:
            for side in index.load_features(features):
                for q in queries:
                    best = max(best, score(q, side, params).probability)
        return time.perf_counter() - start


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument(
        "--scans", type=int, default=2, help="reports for the linear scan (0: none)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", help="PostgreSQL URL (default: SQLite in bench/out)")
    parser.add_argument("--keep", action="store_true", help="reuse a database built before")
    args = parser.parse_args()

    folder = OUT / f"secretariat-{args.persons}"
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    node, actor = open_node(folder, args.db)
    if not args.keep:
        build(node, actor, args.persons, args.seed, folder)
    rng = random.Random(args.seed)
    sample = sample_reports(node, args.reports + 20, rng)
    told: list[tuple[str, list[str]]] = []
    timings: list[float] = []

    def sink(_conn: Any, _node: Node, draft: Any) -> None:
        if draft.kind == Kind.HIT:
            told[-1][1].append(draft.recipients[0])

    with outlet.redirected(sink, lambda _c, _n: OWNERS):
        for i, (owner, shared) in enumerate(sample):
            told.append((owner, []))
            took = report(node, shared)
            if i >= 20:  # the first 20 warm the caches
                timings.append(took)
    measured = told[20:]
    both = sum(1 for owner, to in measured if owner in to and REPORTER in to)
    print(
        f"report → hit notifications queued at both owners ({len(timings)} reports, "
        f"{args.persons:,} persons): p50 {statistics.median(timings) * 1000:.1f} ms, "
        f"p95 {percentile(timings, 0.95) * 1000:.1f} ms, max {max(timings) * 1000:.1f} ms"
    )
    print(f"reports with a hit told to both owners: {both} of {len(measured)}")
    scans = [linear_scan(node, shared) for _, shared in sample[: args.scans]]
    if scans:  # --scans 0 leaves the comparison out (it takes minutes at 1,000,000)
        scan = statistics.median(scans)
        print(
            f"linear scan with the same model: {scan:.1f} s per report "
            f"({scan / statistics.median(timings):,.0f} times the indexed report)"
        )
    node.engine.dispose()


if __name__ == "__main__":
    main()
