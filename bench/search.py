"""Online identity search benchmark: latency, throughput, memory and accuracy at scale.

Generates N labelled persons (``synthetic.people.labelled_person_rows``), holds some back as
queries and imports the rest into a node (SQLite by default, or ``--db URL``):

- cross-script queries: a row written in Latin letters whose person is stored only in
  another script (Cyrillic, Arabic, Han, …); a hit is any stored row of that person in the
  top 10 (recall@10);
- non-member queries: every row of 1 in 100 persons is held back, so they are not in the
  database at all; a false alarm is any `same` or `possibly same` answer.

Then it times ``identity.search`` one query at a time (p50/p95, resident memory), the batch
path of ``interlink match`` (``search_many``: queries per second), and the node's exact-name
search (plain SQL on the normalized name, ``records.search``) on the same queries, printing
the ratios.

    .venv/bin/python bench/search.py [--persons 1000000] [--queries 2000] [--db URL] [--keep]
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import shutil
import statistics
import time
from pathlib import Path

from interlink.access.accounts import add_user, ensure_unit, get_user
from interlink.access.roles import Actor, Role
from interlink.domain.values import detect_script
from interlink.identity.evaluate import ranked_scores
from interlink.identity.prepare import PERSON_COLUMNS
from interlink.identity.search import MatchQuery, search, search_in_parallel
from interlink.node import Node
from interlink.records.service import SearchQuery
from interlink.records.service import search as name_search
from interlink.settings import Settings
from interlink.store.db import transaction
from interlink.store.migrate import upgrade
from interlink.synthetic.people import labelled_person_rows
from interlink.transfer import importer

OUT = Path(__file__).with_name("out")
PURPOSE = "benchmark"
NON_MEMBER_EVERY = 100
MATCH_CHUNK = 500  # as interlink match (cli/match.py)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _name(row: dict[str, str]) -> str:
    return row["full_name"] or " ".join(
        row[c] for c in ("first_name", "middle_name", "last_name") if row[c]
    )


def generate(persons: int, seed: int, folder: Path) -> tuple[Path, list, list, dict[str, str]]:
    """The import file, cross-script queries, non-member queries, and row id → person."""
    truth: dict[str, str] = {}
    stored_scripts: dict[str, set[str]] = {}
    cross: list[tuple[dict[str, str], str]] = []
    outsiders: list[tuple[dict[str, str], str]] = []
    path = folder / "persons.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(PERSON_COLUMNS)
        for row, person in labelled_person_rows(persons, seed=seed):
            script = detect_script(_name(row))
            if int(person[1:]) % NON_MEMBER_EVERY == 0:
                outsiders.append((row, person))
                continue
            seen = stored_scripts.get(person)
            if script == "Latn" and seen and "Latn" not in seen:
                cross.append((row, person))
                continue
            stored_scripts.setdefault(person, set()).add(script)
            truth[row["id"]] = person
            writer.writerow([row.get(c, "") for c in PERSON_COLUMNS])
    return path, cross, outsiders, truth


def open_node(folder: Path, db: str | None) -> tuple[Node, Actor]:
    settings = Settings(data_dir=folder, database_url=db) if db else Settings(data_dir=folder)
    node = Node(settings)
    upgrade(node.engine)
    with transaction(node.engine) as conn:
        ensure_unit(conn, "XX-BENCH", "Benchmark unit", "UA")
        user = get_user(conn, "bench") or add_user(
            conn, "bench", Role.INVESTIGATOR, "XX-BENCH", "benchmark password 1"
        )
    return node, user.actor()


def query_of(row: dict[str, str]) -> MatchQuery:
    return MatchQuery({k: v for k, v in row.items() if k != "id" and v})


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--db", help="PostgreSQL URL (default: SQLite in bench/out)")
    parser.add_argument("--keep", action="store_true", help="reuse a node built before")
    parser.add_argument(
        "--plain-queries", type=int, default=200, help="queries for the plain-SQL comparison"
    )
    args = parser.parse_args()

    folder = OUT / f"search-{args.persons}"
    rng = random.Random(args.seed)
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    path, cross, outsiders, truth = generate(args.persons, args.seed, folder)
    node, actor = open_node(folder, args.db)
    print(
        f"{args.persons:,} generated rows: {len(truth):,} stored, {len(cross):,} cross-script "
        f"queries, {len(outsiders):,} rows of persons not stored"
    )
    if not args.keep:
        start = time.perf_counter()
        report = importer.import_file(node, actor, "persons", path)
        took = time.perf_counter() - start
        print(
            f"import: {report.imported:,} persons in {took:.1f} s ({report.imported / took:,.0f}/s)"
        )

    cross_q = rng.sample(cross, min(args.queries, len(cross)))
    outsider_q = rng.sample(outsiders, min(args.queries, len(outsiders)))

    # Latency, one query at a time, and accuracy (recall@k, false alarms).
    latencies: list[float] = []
    answers: dict[str, list[tuple[str, str]]] = {}
    for row, _ in cross_q + outsider_q:
        start = time.perf_counter()
        found = search(node, actor, query_of(row), purpose=PURPOSE, limit=10)
        latencies.append((time.perf_counter() - start) * 1000)
        answers[row["id"]] = [(c.external_ref or "", c.band.value) for c in found]
    print(
        f"search, one at a time ({len(latencies):,} queries): "
        f"p50 {percentile(latencies, 0.5):.2f} ms, p95 {percentile(latencies, 0.95):.2f} ms, "
        f"peak RSS {_rss_mb():,.0f} MiB"
    )
    scores = ranked_scores(answers, {r["id"]: p for r, p in cross_q + outsider_q}, truth)
    recall = scores.recall_at(10)
    print(
        f"{len(cross_q):,} Latin queries for persons stored only in another script, "
        f"{len(outsider_q):,} for persons not stored:"
    )
    for line in scores.lines():
        print("  " + line)
    confident = sum(
        1
        for row, person in cross_q
        if any(
            truth.get(ref) == person and band in ("same", "possibly same")
            for ref, band in answers[row["id"]]
        )
    )
    print(
        f"  cross-script queries answered same/possibly same for their person: "
        f"{confident / max(len(cross_q), 1):.4f}"
    )

    # Throughput of the batch path (interlink match).
    queries = [query_of(r) for r, _ in cross_q + outsider_q]
    start = time.perf_counter()
    chunks = [queries[i : i + MATCH_CHUNK] for i in range(0, len(queries), MATCH_CHUNK)]
    for _ in search_in_parallel(node, actor, chunks, purpose=PURPOSE, limit=10, workers=2):
        pass
    took = time.perf_counter() - start
    qps = len(queries) / took
    print(
        f"interlink match path (2 worker processes): {len(queries):,} queries in {took:.1f} s "
        f"= {qps:,.0f} queries/s"
    )

    # The plain-SQL alternative: the exact normalized name (records.search).
    plain: list[float] = []
    plain_answers: dict[str, list[tuple[str, str]]] = {}
    for row, _ in cross_q[: args.plain_queries]:
        start = time.perf_counter()
        found_records = name_search(
            node, actor, SearchQuery(kind="person", name=_name(row)), purpose=PURPOSE, limit=10
        )
        plain.append((time.perf_counter() - start) * 1000)
        plain_answers[row["id"]] = [(r.external_ref or "", "same") for r in found_records]
    plain_recall = ranked_scores(plain_answers, {r["id"]: p for r, p in cross_q}, truth).recall_at(
        10
    )
    print(
        f"plain SQL exact-name search: p50 {percentile(plain, 0.5):.2f} ms, recall@10 "
        f"{plain_recall:.3f}; ratio identity/plain: time p50 "
        f"{statistics.median(latencies) / statistics.median(plain):.3f}x, recall "
        f"{recall / plain_recall if plain_recall else float('inf'):.1f}x"
    )
    print(f"peak RSS {_rss_mb():,.0f} MiB")


if __name__ == "__main__":
    main()
