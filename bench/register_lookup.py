"""Register benchmark: N generated entries of the document register, then lookups.

Loads the entries through ``interlink.documents.import_register`` (the path an operator's
`interlink documents register import` takes), then times single lookups by issuing country
and number, half of them hits, in random order:

- *store lookup*: ``store.documents.lookup`` on an open connection (the query of a check);
- *check*: ``documents.check``, what a user runs — access policy, normalization, the
  lookup and its audit entry, in a transaction of its own (one commit per check);
- *plain SQL*: the same SELECT through the bare driver, as someone with plain SQL would.

It prints p50 / p95 / p99 per lookup and each one's ratio to plain SQL. Target: p95 ≤ 1 ms.

    .venv/bin/python bench/register_lookup.py [--entries 10000000] [--lookups 20000]
                                              [--skip-postgres]
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import psycopg

from interlink.access import Role
from interlink.access.accounts import add_user, ensure_unit
from interlink.documents import check, import_register
from interlink.node import Node
from interlink.settings import Settings
from interlink.store import documents as store
from interlink.store.db import reading, transaction
from interlink.store.migrate import upgrade

PG_ADMIN = os.environ.get(
    "INTERLINK_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
ISSUERS = ["UA", "PL", "DE", "FR", "IT", "ES", "RO", "MD", "GE", "TR", "TH", "PH", "NG", "BR"]
KINDS = ["passport"] * 6 + ["identity_card"] * 3 + ["residence_permit", "visa"]
STATUSES = ["lost"] * 5 + ["stolen"] * 4 + ["stolen_blank", "revoked", "forged", "withdrawn"]
AGENCIES = ["National Police", "Ministry of the Interior", "Border Guard", "INTERPOL SLTD"]
PLAIN_SQL = (
    "SELECT status, kind, reported_date, reporting_agency FROM document_register "
    "WHERE issuing_country = {0} AND number = {0}"
)


def entries(n: int, seed: int) -> Iterator[tuple[str, str, str, str, str, str]]:
    """Generated entries: a letter or two and seven or eight digits, like many passports.
    Numbers never start with Q, so that Q… is a sure miss."""
    rng = random.Random(seed)
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    first = date(2015, 1, 1).toordinal()
    for _ in range(n):
        prefix = rng.choice(letters) + (rng.choice(letters) if rng.random() < 0.5 else "")
        number = prefix + str(rng.randrange(10 ** (9 - len(prefix)))).zfill(9 - len(prefix))
        reported = date.fromordinal(first + rng.randrange(4000)).isoformat()
        yield (
            rng.choice(ISSUERS),
            rng.choice(KINDS),
            number,
            rng.choice(STATUSES),
            reported,
            rng.choice(AGENCIES),
        )


def write_csv(path: Path, n: int, sample: int) -> tuple[float, list[tuple[str, str]]]:
    """The file, and a sample of its keys to look up (every k-th entry)."""
    start = time.perf_counter()
    step = max(1, n // sample)
    keys = []
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["issuing_country", "kind", "number", "status", "reported_date", "reporting_agency"]
        )
        for i, row in enumerate(entries(n, seed=1)):
            writer.writerow(row)
            if i % step == 0:
                keys.append((row[0], row[2]))
    return time.perf_counter() - start, keys


def questions(hits: list[tuple[str, str]], count: int) -> list[tuple[str, str]]:
    rng = random.Random(2)
    misses = [
        (rng.choice(ISSUERS), "Q" + str(rng.randrange(10**8)).zfill(8)) for _ in range(count // 2)
    ]
    asked = rng.sample(hits, min(len(hits), count - len(misses))) + misses
    rng.shuffle(asked)
    return asked


def timed(fn: Callable[[str, str], Any], asked: list[tuple[str, str]]) -> list[float]:
    for country, number in asked[:500]:  # warm up
        fn(country, number)
    seconds = []
    for country, number in asked:
        start = time.perf_counter_ns()
        fn(country, number)
        seconds.append((time.perf_counter_ns() - start) / 1e9)
    return seconds


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]


def measure(node: Node, actor: Any, plain: Callable[[str, str], Any], asked: list[tuple[str, str]]):
    results = {}
    with reading(node.engine) as conn:
        results["store lookup"] = timed(lambda c, n: store.lookup(conn, c, n), asked)
    results["check (policy + audit)"] = timed(lambda c, n: check(node, actor, c, n), asked)
    results["plain SQL"] = timed(plain, asked)
    return results


def load(node: Node, csv_path: Path) -> tuple[float, Any]:
    upgrade(node.engine)
    with transaction(node.engine) as conn:
        ensure_unit(conn, "BENCH", "Benchmark unit", "UA")
        actor = add_user(conn, "bench.ncb", Role.NCB_OFFICER, "BENCH", "benchmark-password").actor()
    start = time.perf_counter()
    report = import_register(node, actor, csv_path)
    seconds = time.perf_counter() - start
    if not report.written:
        raise SystemExit(f"import refused: {report.errors[:3]}")
    with reading(node.engine) as conn:
        print(
            f"  {store.count(conn):,} entries ({report.rows:,} rows) in {seconds:.0f} s "
            f"({report.rows / seconds:,.0f} rows/s)"
        )
    return seconds, actor


def run_sqlite(work: Path, csv_path: Path, keys: list[tuple[str, str]], lookups: int):
    db = work / "sqlite" / "interlink.db"
    node = Node(Settings(data_dir=work / "sqlite", database_url=f"sqlite:///{db}"))
    print("SQLite:")
    seconds, actor = load(node, csv_path)
    raw = sqlite3.connect(db)
    query = PLAIN_SQL.format("?")

    def plain(country: str, number: str) -> Any:
        return raw.execute(query, (country, number)).fetchone()

    results = measure(node, actor, plain, questions(keys, lookups))
    raw.close()
    node.engine.dispose()
    print(f"  file {db.stat().st_size / 2**20:,.0f} MiB")
    return seconds, results


def run_postgres(work: Path, csv_path: Path, keys: list[tuple[str, str]], lookups: int):
    name = f"interlink_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = PG_ADMIN.rsplit("/", 1)[0] + "/" + name
    try:
        node = Node(Settings(data_dir=work / "pg", database_url=url))
        print("PostgreSQL:")
        seconds, actor = load(node, csv_path)
        with node.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE document_register")
            conn.commit()
        with psycopg.connect(url, autocommit=True) as raw:
            query = PLAIN_SQL.format("%s")

            def plain(country: str, number: str) -> Any:
                return raw.execute(query, (country, number), prepare=True).fetchone()

            results = measure(node, actor, plain, questions(keys, lookups))
        node.engine.dispose()
        return seconds, results
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000_000)
    parser.add_argument("--lookups", type=int, default=20_000)
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="interlink-register-"))
    try:
        csv_path = work / "register.csv"
        gen, keys = write_csv(csv_path, args.entries, args.lookups)
        print(
            f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}; "
            f"date {date.today().isoformat()}"
        )
        print(
            f"generated {args.entries:,} entries ({csv_path.stat().st_size / 2**20:,.0f} MiB CSV) "
            f"in {gen:.0f} s; {args.lookups:,} lookups, half of them hits"
        )
        runs = [("SQLite", *run_sqlite(work, csv_path, keys, args.lookups))]
        if not args.skip_postgres:
            runs.append(("PostgreSQL", *run_postgres(work, csv_path, keys, args.lookups)))
        print()
        print("| database | entries | load | lookup | p50 | p95 | p99 | p95 / plain SQL |")
        print("|---|---:|---:|---|---:|---:|---:|---:|")
        for db, seconds, results in runs:
            plain_p95 = percentiles(results["plain SQL"])[1]
            for label, samples in results.items():
                p50, p95, p99 = (s * 1e3 for s in percentiles(samples))
                print(
                    f"| {db} | {args.entries:,} | {seconds:.0f} s | {label} | {p50:.3f} ms | "
                    f"{p95:.3f} ms | {p99:.3f} ms | {p95 / 1e3 / plain_p95:.1f}x |"
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
