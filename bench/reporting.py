"""Statistics benchmark: the national report and a public release over demo data.

Loads N generated persons with their events (``interlink.demo.load_demo``: incidents,
crossings, marriages, documents, cases) into SQLite, then times:

- *report*: ``reporting.report`` for every indicator, period ``all`` (what
  `interlink stats report` runs: access check, every indicator's query, the audit entry);
- *cases by status and priority*: the registry's one indicator, against the same counts
  with plain SQL (``json_extract`` + ``GROUP BY``), as someone with SQL alone would do it;
- *release*: ``reporting.publish`` without charts' cost split out (suppression, the linear
  programming audit of every suppressed cell across tables, CSV files) and with charts,
  and the protection of each indicator alone for comparison;
- *dashboard chart*: one chart drawn, then served from the chart cache.

    .venv/bin/python bench/reporting.py [--persons 10000] [--countries 6] [--repeat 3]
"""

from __future__ import annotations

import argparse
import platform
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from interlink import reporting
from interlink.access import Role
from interlink.access.roles import Actor
from interlink.demo import load_demo
from interlink.node import Node
from interlink.reporting.charts import _drawn
from interlink.reporting.disclosure import protect_all
from interlink.reporting.release import build, write
from interlink.reporting.service import compute
from interlink.settings import Settings
from interlink.store.db import reading
from interlink.store.migrate import upgrade

T = TypeVar("T")
PLAIN_CASES = """
SELECT json_extract(facts, '$.status'), json_extract(facts, '$.priority'), count(*)
FROM records WHERE kind = 'case' GROUP BY 1, 2
"""


def timed(fn: Callable[[], T], repeat: int) -> tuple[float, T]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=10_000)
    parser.add_argument("--countries", type=int, default=6)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-reporting-"))
    try:
        url = f"sqlite:///{tmp / 'interlink.db'}"
        node = Node(Settings(data_dir=tmp, database_url=url, node_country="UA"))
        upgrade(node.engine)
        start = time.perf_counter()
        summary = load_demo(node, persons=args.persons, countries=args.countries, seed=1)
        print(f"loaded {summary.records:,} demo records in {time.perf_counter() - start:.1f} s")
        analyst = Actor(id=None, username="bench.analyst", role=Role.ANALYST, unit=None)
        supervisor = Actor(id=None, username="bench.sup", role=Role.SUPERVISOR, unit=None)

        t_report, rep = timed(lambda: reporting.report(node, analyst, reporting.ALL), args.repeat)
        counted = {n: c.total for n, c in rep.cubes.items()}
        print(f"report, every indicator: {t_report * 1000:.0f} ms  {counted}")

        def registry_cases() -> dict[Any, int]:
            with reading(node.engine) as conn:
                wanted = [reporting.REGISTRY["cases"]]
                return compute(conn, reporting.ALL, wanted=wanted)["cases"].counts

        def plain_cases() -> dict[Any, int]:
            with sqlite3.connect(tmp / "interlink.db") as db:
                return {(s, p): n for s, p, n in db.execute(PLAIN_CASES)}

        t_reg, got = timed(registry_cases, args.repeat)
        t_plain, plain = timed(plain_cases, args.repeat)
        assert got == plain, (got, plain)
        print(
            f"cases by status and priority: registry {t_reg * 1000:.1f} ms, plain SQL "
            f"{t_plain * 1000:.1f} ms, ratio {t_reg / t_plain:.1f}x (same counts)"
        )

        with reading(node.engine) as conn:
            cubes = compute(conn, reporting.ALL, wanted=list(reporting.REGISTRY.values()))
        t_protect, release = timed(
            lambda: build(reporting.ALL, "bench", cubes, reporting.Rules()), args.repeat
        )
        suppressed = sum(len(p.suppressed) for p in release.protected.values())
        cells = sum(len(p.values) for p in release.protected.values())
        print(
            f"suppression + LP audit, across tables ({len(release.relations)} relations): "
            f"{t_protect * 1000:.0f} ms ({suppressed} of {cells} cells suppressed)"
        )
        public = {n: c for n, c in cubes.items() if c.indicator.public}
        views = {n: c.indicator.views for n, c in public.items()}
        t_alone, alone = timed(lambda: protect_all(public, views, reporting.Rules()), args.repeat)
        print(
            f"the same, each indicator alone (before): {t_alone * 1000:.0f} ms "
            f"({sum(len(p.suppressed) for p in alone.values())} cells suppressed)"
        )
        table = next(t for t in release.tables if len(t.dims) == 2)
        _drawn.cache_clear()
        t_cold, _ = timed(lambda: reporting.export(table, "png", "bench"), 1)
        t_warm, _ = timed(lambda: reporting.export(table, "png", "bench"), args.repeat)
        print(
            f"dashboard chart {table.name}.png: drawn {t_cold * 1000:.0f} ms, "
            f"cached {t_warm * 1000:.3f} ms"
        )
        t_csv, _ = timed(lambda: write(release, tmp / "csv", charts=False), args.repeat)
        print(f"CSV files and README: {t_csv * 1000:.0f} ms")
        t_publish, _ = timed(
            lambda: reporting.publish(
                node, supervisor, reporting.ALL, tmp / "out", reporting.Rules()
            ),
            1,
        )
        print(f"stats publish (report, protection, CSV, PNG + SVG charts): {t_publish:.1f} s")
        print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
