"""Network benchmark: neighbourhoods, pattern alerts from scratch, and the incremental update.

Builds a node with N persons (default 1,000,000), 3 links per person (Link records between
persons and to organizations), events (marriages, crossings, incidents) and the planted
patterns of ``synthetic._networks``, written straight into the tables with
``store.records.BulkWriter`` (secondary indexes suspended and rebuilt in one pass). Then:

- neighbourhood to depth 2 of random persons through ``network.get_neighbourhood`` (access
  filter and audit entry included): p50/p95, nodes per answer; the same ego graphs with
  networkx on the whole graph loaded in memory (no access filter), with its load time and
  memory, as the ratio a user would otherwise pay;
- every pattern alert from scratch (``alerts.run``);
- the incremental update after one new record: ``records.create`` updates the alerts after
  its commit (``alerts.after_change``), timed apart, p50/p95 over several records.

Every figure is printed with the 1-minute load average (the machine is shared).

    .venv/bin/python bench/network.py [--persons 1000000] [--queries 200] [--db URL] [--keep]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from interlink import network
from interlink.access.accounts import add_user, ensure_unit
from interlink.access.roles import Role
from interlink.domain import model
from interlink.domain.provenance import Provenance, ProvenanceIn
from interlink.network import alerts
from interlink.node import Node
from interlink.records import service as records
from interlink.settings import Settings
from interlink.store import records as store
from interlink.store.db import transaction
from interlink.store.migrate import upgrade
from interlink.synthetic._networks import plant

OUT = Path(__file__).with_name("out")
UNIT = "UA-KYIV"
LINKS_PER_PERSON = 3
HUB_PHONE = "+380999999999"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _provenance(now: datetime) -> Provenance:
    data = ProvenanceIn().model_dump()
    data.update(
        owning_unit=UNIT,
        recorded_at=now,
        recorded_by="bench",
        updated_at=now,
        updated_by="bench",
        review_date=date(now.year + 5, 1, 1),
    )
    return Provenance.model_validate(data)


def build(node: Node, persons: int, seed: int, hub: int) -> dict[str, Any]:
    """Write the synthetic graph; returns counts and a sample of person ids. The first
    ``hub`` persons share one phone (a super-node: a call centre, a recruiter's number)."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    prov = _provenance(now)
    started = time.perf_counter()
    counts: dict[str, Any] = {"persons": persons, "links": 0, "organizations": 0, "events": 0}
    person_ids = [_id(rng) for _ in range(persons)]
    orgs = [_id(rng) for _ in range(max(10, persons // 20))]
    counts["organizations"] = len(orgs)
    phones = max(1, persons // 2)
    addresses = max(1, persons // 3)
    with transaction(node.engine) as conn:
        suspended = store.suspend_indexes(conn)
        writer = store.BulkWriter(conn)
        shared = writer.shared_values(prov, None)

        def put(
            rid: str,
            kind: str,
            category: str,
            facts: dict[str, Any],
            idents: list[tuple[str, str]],
            refs: list[tuple[str, str]],
        ) -> None:
            writer.add_prepared(
                shared,
                rid,
                kind,
                None,
                category,
                json.dumps(facts),
                ([], [(k, v, rid) for k, v in idents], [(rid, f, t) for f, t in refs], []),
            )
            if len(writer) >= 20_000:
                writer.flush()

        for i, pid in enumerate(person_ids):
            victim = rng.random() < 0.1
            phone = HUB_PHONE if i < hub else f"+3805{rng.randrange(phones):08d}"
            address = f"{rng.randrange(addresses)} bench street, town {i % 97}"
            number = f"BN{i:08d}"
            country = rng.choice(("UA", "MD", "RO", "PL", "TR", "DE"))
            facts = {
                "names": [{"full": f"Person {i}", "kind": "birth", "script": "Latn"}],
                "nationalities": [country],
                "role": "victim" if victim else "suspect",
                "document_numbers": [number],
                "phones": [phone],
                "addresses": [address],
            }
            put(
                pid,
                "person",
                "victim" if victim else "suspect",
                facts,
                [("document", number), ("phone", phone), ("address", address)],
                [],
            )
        for i, oid in enumerate(orgs):
            put(
                oid,
                "organization",
                "non_person",
                {"names": [f"Org {i}"], "country": rng.choice(("UA", "MD", "RO"))},
                [],
                [],
            )
        for i in range(persons * LINKS_PER_PERSON):
            n = i // LINKS_PER_PERSON
            source = person_ids[n]
            to_org = rng.random() < 0.2
            # people link mostly to people near them in the list: clusters, not a random graph
            if to_org:
                target = orgs[rng.randrange(len(orgs))]
            else:
                target = person_ids[(n + rng.randrange(-50, 51)) % persons]
            if target == source:
                continue
            facts = {
                "link_kind": "person_organization" if to_org else "person_person",
                "source": source,
                "target": target,
                "role": "member" if to_org else "associate",
            }
            put(_id(rng), "link", "non_person", facts, [], [("source", source), ("target", target)])
            counts["links"] += 1
        for _ in range(persons // 20):  # marriages
            a, b = person_ids[rng.randrange(persons)], person_ids[rng.randrange(persons)]
            if a == b:
                continue
            facts = {
                "spouses": [a, b],
                "date": f"{rng.randrange(1990, 2026)}-{rng.randrange(1, 13):02d}",
                "country": "UA",
            }
            put(_id(rng), "marriage", "non_person", facts, [], [("spouses", a), ("spouses", b)])
            counts["events"] += 1
        for _ in range(persons // 10):  # crossings, one in five illegal
            p = person_ids[rng.randrange(persons)]
            outcome = "illegal_entry" if rng.random() < 0.2 else "lawful"
            facts = {
                "person": p,
                "date": f"{rng.randrange(2015, 2026)}",
                "country": "UA",
                "direction": "entry",
                "outcome": outcome,
            }
            put(_id(rng), "crossing", "non_person", facts, [], [("person", p)])
            counts["events"] += 1
        for _ in range(persons // 50):  # incidents
            v, s, o = (
                person_ids[rng.randrange(persons)],
                person_ids[rng.randrange(persons)],
                orgs[rng.randrange(len(orgs))],
            )
            facts = {
                "victims": [v],
                "suspects": [s],
                "organizations": [o],
                "country": rng.choice(("UA", "MD", "DE")),
                "start": "2024",
            }
            put(
                _id(rng),
                "incident",
                "non_person",
                facts,
                [],
                [("victims", v), ("suspects", s), ("organizations", o)],
            )
            counts["events"] += 1
        planted = plant(seed=seed, unit=UNIT)
        for rec in planted.records:
            row = store.record_row(str(rec.id), rec.facts, prov)
            writer.add_row(row, store.index_rows(str(rec.id), rec.facts))
        writer.flush()
        store.rebuild_indexes(conn, suspended)
    if node.engine.dialect.name == "sqlite":
        with node.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    else:
        with node.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    counts["build_seconds"] = round(time.perf_counter() - started, 1)
    counts["sample"] = rng.sample(person_ids, min(len(person_ids), 2000))
    counts["hub_members"] = person_ids[: min(hub, 100)]
    return counts


def _sample(node: Node, seed: int, size: int = 2000) -> tuple[list[str], list[str]]:
    """Random persons of a database built before (``--reuse``), and members of the hub."""
    with node.engine.connect() as conn:
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM records WHERE kind = 'person'")]
        hub = [
            r[0]
            for r in conn.exec_driver_sql(
                f"SELECT record_id FROM identifiers WHERE kind = 'phone' "
                f"AND value = '{HUB_PHONE}' LIMIT 100"
            )
        ]
    return random.Random(seed).sample(ids, min(len(ids), size)), hub


def p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def bench_neighbourhood(node: Node, actor: Any, sample: list[str], queries: int) -> dict[str, Any]:
    times, sizes, truncated = [], [], []
    for pid in sample[:queries]:
        t = time.perf_counter()
        graph = network.get_neighbourhood(node, actor, pid, depth=2, purpose="benchmark")
        times.append(time.perf_counter() - t)
        sizes.append(len(graph.nodes))
        truncated.append(any(n.truncated for n in graph.nodes.values()))
    return {
        "p50_ms": round(1000 * statistics.median(times), 1),
        "p95_ms": round(1000 * p(times, 0.95), 1),
        "nodes_median": statistics.median(sizes),
        "truncated_answers": sum(1 for t in truncated if t),
        "load": _load(),
    }


def bench_plain_sql(node: Node, sample: list[str], queries: int) -> dict[str, Any]:
    """Two hops in plain SQL (refs both ways, shared identifiers), ids only: no access
    filter, no labels, no degree cap, no audit entry — the floor of the database's work."""
    mark = "?" if node.engine.dialect.name == "sqlite" else "%s"
    times = []
    with node.engine.connect() as conn:
        for pid in sample[:queries]:
            t = time.perf_counter()
            seen, frontier = {pid}, [pid]
            for _ in range(2):
                marks = ", ".join([mark] * len(frontier))
                sql = (
                    f"SELECT target_id FROM refs WHERE record_id IN ({marks}) "
                    f"UNION SELECT record_id FROM refs WHERE target_id IN ({marks}) "
                    "UNION SELECT b.record_id FROM identifiers a JOIN identifiers b "
                    "ON b.kind = a.kind AND b.value = a.value "
                    f"WHERE a.record_id IN ({marks}) AND a.kind <> 'match'"
                )
                rows = conn.exec_driver_sql(sql, tuple(frontier) * 3).fetchall()
                frontier = [r[0] for r in rows if r[0] not in seen][:2000]
                seen.update(frontier)
                if not frontier:
                    break
            times.append(time.perf_counter() - t)
    return {
        "p50_ms": round(1000 * statistics.median(times), 2),
        "p95_ms": round(1000 * p(times, 0.95), 2),
        "load": _load(),
    }


def bench_networkx(node: Node, sample: list[str], queries: int) -> dict[str, Any]:
    """The same ego graphs on networkx with the whole graph in memory (what an analyst would
    otherwise do: export and load). No access filter."""
    import networkx as nx

    started = time.perf_counter()
    rss_before = _rss_mb()
    g = nx.Graph()
    with node.engine.connect() as conn:
        links: dict[str, list[str]] = {}
        for rid, target, kind in conn.exec_driver_sql(
            "SELECT refs.record_id, refs.target_id, records.kind "
            "FROM refs JOIN records ON records.id = refs.record_id"
        ):
            if kind == "link":
                links.setdefault(rid, []).append(target)
            elif kind != "case":
                g.add_edge(rid, target)
        for ends in links.values():
            if len(ends) == 2:
                g.add_edge(ends[0], ends[1])
        for kind, value, rid in conn.exec_driver_sql(
            "SELECT kind, value, record_id FROM identifiers WHERE kind <> 'match'"
        ):
            g.add_edge(rid, f"key:{kind}:{value}")
    load = time.perf_counter() - started
    times = []
    for pid in sample[:queries]:
        t = time.perf_counter()
        nx.ego_graph(g, pid, radius=2)
        times.append(time.perf_counter() - t)
    return {
        "load_seconds": round(load, 1),
        "memory_mb": round(_rss_mb() - rss_before),
        "p50_ms": round(1000 * statistics.median(times), 2),
        "p95_ms": round(1000 * p(times, 0.95), 2),
    }


def _load() -> float:
    """The 1-minute load average, printed beside every figure (the machine is shared)."""
    return round(os.getloadavg()[0], 1)


def bench_alerts(node: Node) -> dict[str, Any]:
    """Every pattern from scratch; beside it, the floor of any set-based run: one plain
    grouped scan of each index table (identifiers by value, refs by target)."""
    with transaction(node.engine) as conn:
        conn.exec_driver_sql("DELETE FROM network_alert_records")
        conn.exec_driver_sql("DELETE FROM network_alert_reviews")
        conn.exec_driver_sql("DELETE FROM network_alerts")
        conn.exec_driver_sql("DELETE FROM network_state")
    t = time.perf_counter()
    with transaction(node.engine) as conn:
        report = alerts.run(conn)
    ours = time.perf_counter() - t
    t = time.perf_counter()
    with node.engine.connect() as conn:
        for sql in (
            "SELECT kind, value FROM identifiers WHERE kind <> 'match' "
            "GROUP BY kind, value HAVING count(*) >= 2",
            "SELECT field, target_id FROM refs GROUP BY field, target_id HAVING count(*) >= 2",
        ):
            conn.exec_driver_sql(sql).fetchall()
    plain = time.perf_counter() - t
    return {
        "seconds": round(ours, 1),
        **report.as_dict(),
        "plain_sql_group_scans_seconds": round(plain, 1),
        "ratio_to_plain_sql": round(ours / max(plain, 0.001), 1),
        "load": _load(),
    }


def bench_incremental(node: Node, actor: Any, rounds: int = 20) -> dict[str, Any]:
    """A new person through the record service, reported with the phone and the document
    number of stored persons (so it completes a shared-document pattern): the service
    updates the alerts after its commit (``alerts.after_change``), timed apart from the
    create itself."""
    hook, total = [], []
    original = alerts.after_change

    def timed(engine: Any) -> Any:
        t = time.perf_counter()
        try:
            return original(engine)
        finally:
            hook.append(time.perf_counter() - t)

    alerts.after_change = timed
    rng = random.Random(5)
    with node.engine.connect() as conn:
        numbers = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT value FROM identifiers WHERE kind = 'document' LIMIT 1000"
            )
        ]
    raised = 0
    try:
        for i in range(rounds):
            t0 = time.perf_counter()
            rec = records.create(
                node,
                actor,
                model.Person(
                    names=[model.PersonName(full=f"Newcomer {i}")],
                    phones=[f"+3805{rng.randrange(1000):08d}"],
                    document_numbers=[rng.choice(numbers)],
                ),
                ProvenanceIn(),
            )
            total.append(time.perf_counter() - t0)
            with node.engine.connect() as conn:
                raised += bool(
                    conn.exec_driver_sql(
                        "SELECT 1 FROM network_alert_records WHERE record_id = ?"
                        if conn.dialect.name == "sqlite"
                        else "SELECT 1 FROM network_alert_records WHERE record_id = %s",
                        (rec.id,),
                    ).first()
                )
    finally:
        alerts.after_change = original
    create = [t - h for t, h in zip(total, hook, strict=True)]
    return {
        "update_p50_ms": round(1000 * statistics.median(hook), 1),
        "update_p95_ms": round(1000 * p(hook, 0.95), 1),
        "create_alone_p95_ms": round(1000 * p(create, 0.95), 1),
        "create_with_update_p95_ms": round(1000 * p(total, 0.95), 1),
        "ratio_update_to_plain_create_p95": round(p(hook, 0.95) / max(p(create, 0.95), 1e-6), 1),
        "new_records_alerted": f"{raised}/{rounds}",
        "load": _load(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--db", help="database URL (default: SQLite under bench/out)")
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument(
        "--reuse", action="store_true", help="use the database a --keep run left (no build)"
    )
    parser.add_argument("--skip-networkx", action="store_true")
    parser.add_argument(
        "--hub", type=int, help="persons sharing one phone, a super-node (default: 1 %%)"
    )
    args = parser.parse_args()
    folder = OUT / f"network-{args.persons}"
    folder.mkdir(parents=True, exist_ok=True)
    url = args.db or f"sqlite:///{folder / 'interlink.db'}"
    if url.startswith("sqlite:///") and not args.reuse:
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    node = Node(Settings(data_dir=folder, database_url=url, node_country="UA"))
    upgrade(node.engine)
    with transaction(node.engine) as conn:
        ensure_unit(conn, UNIT, "Kyiv unit", "UA")
        supervisor = add_user(
            conn, f"bench.sup.{uuid.uuid4().hex[:6]}", Role.SUPERVISOR, UNIT, "bench-password-1"
        ).actor()
    if args.reuse:
        sample, hub_members = _sample(node, args.seed)
        built: dict[str, Any] = {"reused": url}
    else:
        print(
            f"building {args.persons:,} persons, {args.persons * LINKS_PER_PERSON:,} links …",
            flush=True,
        )
        hub = args.hub if args.hub is not None else args.persons // 100
        built = build(node, args.persons, args.seed, hub)
        sample, hub_members = built.pop("sample"), built.pop("hub_members")
    built["load"] = _load()
    print(json.dumps({"dataset": built}), flush=True)
    result: dict[str, Any] = {"persons": args.persons, "database": node.engine.dialect.name}
    result["neighbourhood_depth2"] = bench_neighbourhood(node, supervisor, sample, args.queries)
    print(json.dumps(result["neighbourhood_depth2"]), flush=True)
    if hub_members:  # persons whose phone 10,000 share: the hub is cut at 200 and says so
        result["neighbourhood_depth2_hub_members"] = bench_neighbourhood(
            node, supervisor, hub_members, min(args.queries, 50)
        )
        print(json.dumps(result["neighbourhood_depth2_hub_members"]), flush=True)
    result["plain_sql_two_hops"] = bench_plain_sql(node, sample, args.queries)
    result["ratio_p50_ours_to_plain_sql"] = round(
        result["neighbourhood_depth2"]["p50_ms"]
        / max(result["plain_sql_two_hops"]["p50_ms"], 0.01),
        1,
    )
    print(json.dumps(result["plain_sql_two_hops"]), flush=True)
    result["alerts_from_scratch"] = bench_alerts(node)
    print(json.dumps(result["alerts_from_scratch"]), flush=True)
    result["incremental_after_one_record"] = bench_incremental(node, supervisor)
    print(json.dumps(result["incremental_after_one_record"]), flush=True)
    if not args.skip_networkx:
        nx_result = bench_networkx(node, sample, args.queries)
        result["networkx_ego_graph_depth2"] = nx_result
        ours = result["neighbourhood_depth2"]["p95_ms"]
        result["ratio_p95_ours_to_networkx_query"] = round(ours / max(nx_result["p95_ms"], 0.01), 1)
    result["max_rss_mb"] = round(_rss_mb())
    print(json.dumps(result, indent=2))
    node.engine.dispose()
    if not args.keep and url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)


if __name__ == "__main__":
    main()
