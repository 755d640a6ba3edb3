"""Victim visibility benchmark: the list of victims an investigator may see, filtered in SQL
(the case-team and risk conditions of ``access.policy``), against a linear scan that reads
every victim of the unit and asks ``permits`` record by record (what a front end would do
without the SQL twin). Also the work queue's case priorities.

    .venv/bin/python bench/protection.py [--persons 100000] [--cases 2000] [--postgres URL]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from interlink import protection, records
from interlink.access import Action, Actor, Role, permits
from interlink.access.accounts import add_user, ensure_unit
from interlink.domain import ProvenanceIn, model
from interlink.node import Node
from interlink.records.service import meta_in, new_provenance
from interlink.settings import Settings
from interlink.store import protection as pstore
from interlink.store import records as store
from interlink.store.db import reading, transaction
from interlink.store.migrate import upgrade
from interlink.store.records import ListFilter

UNIT = "UA-KYIV"
T = TypeVar("T")


def build(node: Node, persons: int, cases: int) -> tuple[Actor, list[str]]:
    rng = random.Random(7)
    with transaction(node.engine) as conn:
        ensure_unit(conn, UNIT, "Kyiv", "UA")
        recorder = add_user(conn, "recorder", Role.INVESTIGATOR, UNIT, "bench-password-1").actor()
        inv = add_user(conn, "inv", Role.INVESTIGATOR, UNIT, "bench-password-1").actor()
    now = datetime.now(UTC)
    prov = new_provenance(node, recorder, ProvenanceIn(), now)
    ids: list[str] = []
    victims: list[str] = []
    rows: list[dict[str, object]] = []
    facts: list[model.Facts] = []
    for i in range(persons):
        role = "victim" if rng.random() < 0.3 else "suspect"
        f = model.Person.model_validate({"names": [{"full": f"Person {i}"}], "role": role})
        rid = store.new_id()
        rows.append(store.record_row(rid, f, prov))
        facts.append(f)
        ids.append(rid)
        if role == "victim":
            victims.append(rid)
    with transaction(node.engine) as conn:
        for start in range(0, len(rows), 5000):
            store.insert_many(conn, rows[start : start + 5000], facts[start : start + 5000])
    case_ids = []
    crow: list[dict[str, object]] = []
    cfacts: list[model.Facts] = []
    for c in range(cases):
        listed = rng.sample(victims, 5) + rng.sample(ids, 5)
        case = model.Case(reference=f"C-{c}", title="case", records=listed)
        rid = store.new_id()
        crow.append(store.record_row(rid, case, prov))
        cfacts.append(case)
        case_ids.append(rid)
    with transaction(node.engine) as conn:
        store.insert_many(conn, crow, cfacts)
        for cid in rng.sample(case_ids, max(1, cases // 20)):  # the investigator works 5 %
            pstore.assign(conn, cid, inv.id or "", "bench", now)
        for vid in rng.sample(victims, len(victims) // 20):  # 5 % of victims at high risk
            pstore.put_profile(conn, pstore.Profile(vid, {}, "high", ["bench"], now, "bench"))
    return inv, case_ids


def timed(label: str, fn: Callable[[], T], repeat: int = 3) -> tuple[float, T]:
    """The best of ``repeat`` runs, and the last run's result."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    print(f"{label}: {min(times) * 1000:.1f} ms")
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--postgres", default=None)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    url = args.postgres or f"sqlite:///{tmp / 'bench.db'}"
    node = Node(Settings(data_dir=tmp, database_url=url, node_country="UA"))
    upgrade(node.engine)
    t0 = time.perf_counter()
    inv, case_ids = build(node, args.persons, args.cases)
    print(f"{node.engine.dialect.name}: {args.persons} persons (30 % victims), {args.cases} cases,")
    print(f"  built in {time.perf_counter() - t0:.1f} s")
    flt = ListFilter(kind="person", subject_category="victim")

    def sql() -> set[str]:
        page = records.list_records(node, inv, flt, limit=500)
        return {r.id for r in page.items}

    def scan() -> set[str]:
        seen = set()
        with reading(node.engine) as conn:
            everything = store.visibility(
                [store.AccessClause(UNIT, frozenset({"H0"}), frozenset({"victim"}))]
            )
            for rec in store.iter_records(conn, flt, everything):
                if permits(inv, Action.READ, meta_in(conn, rec)):
                    seen.add(rec.id)
        return seen

    t_sql, got_sql = timed("victims visible to a case investigator, SQL filter", sql)
    t_scan, got_scan = timed("same, linear scan with permits per record", scan, repeat=1)
    assert got_sql == got_scan, "the SQL filter and the record-by-record check disagree"
    print(f"  {len(got_sql)} victims visible; SQL filter is {t_scan / t_sql:.0f}x faster")
    with reading(node.engine) as conn:
        cases = store.get_many(conn, case_ids[:200])
    t_prio, _ = timed(
        f"priority of {len(cases)} cases (work queue)", lambda: protection.priorities(node, cases)
    )
    print(f"  {t_prio / len(cases) * 1000:.2f} ms a case")


if __name__ == "__main__":
    main()
