"""Import benchmark: N generated persons into SQLite and into PostgreSQL.

Runs `interlink import persons` as a separate process (as an operator would) and reports
persons/s and the peak resident memory of that process. For scale it also loads the same
CSV with no validation at all — `executemany` into one flat SQLite table and `COPY` into one
flat PostgreSQL table, what a user with plain SQL would do — and prints the ratio.

    .venv/bin/python bench/import.py [--persons 1000000] [--skip-postgres]
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

import psycopg

from interlink.synthetic.people import CSV_COLUMNS, person_rows

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent / "interlink"
COLUMNS = list(CSV_COLUMNS)
PG_ADMIN = os.environ.get(
    "INTERLINK_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)


def write_csv(path: Path, n: int) -> float:
    start = time.perf_counter()
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for row in person_rows(n, seed=1):
            writer.writerow(row)
    return time.perf_counter() - start


def cli(env: dict[str, str], *args: str, stdin: str | None = None) -> None:
    done = subprocess.run(
        [str(BIN), *args], env=env, input=stdin, text=True, capture_output=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"interlink {' '.join(args)} failed:\n{done.stderr}")


# A small parent of its own for each import, so that its peak RSS is that import's alone.
_MEASURE = (
    "import resource, subprocess, sys; "
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
    "sys.stderr.write(done.stderr); "
    "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def timed_import(env: dict[str, str], csv_path: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of one `interlink import` process."""
    start = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _MEASURE,
            str(BIN),
            "import",
            "persons",
            str(csv_path),
            "--user",
            "bench.importer",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    code, peak_kib = done.stdout.split()
    if code != "0":
        raise SystemExit(f"import failed:\n{done.stderr}")
    return seconds, int(peak_kib) / 1024


def prepare(env: dict[str, str]) -> None:
    cli(env, "init")
    cli(env, "units", "add", "BENCH", "--name", "Benchmark unit", "--country", "UA")
    cli(
        env,
        "users",
        "add",
        "bench.importer",
        "--role",
        "investigator",
        "--unit",
        "BENCH",
        "--password-stdin",
        stdin="benchmark-password\n",
    )


def plain_sqlite(csv_path: Path, db: Path) -> float:
    start = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.execute(f"CREATE TABLE persons ({', '.join(c + ' TEXT' for c in COLUMNS)})")
    with csv_path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        conn.executemany(f"INSERT INTO persons VALUES ({', '.join('?' * len(COLUMNS))})", reader)
    conn.commit()
    conn.close()
    return time.perf_counter() - start


def plain_postgres(csv_path: Path, url: str) -> float:
    start = time.perf_counter()
    with psycopg.connect(url) as conn:
        conn.execute(f"CREATE TABLE plain_persons ({', '.join(c + ' text' for c in COLUMNS)})")
        with (
            conn.cursor().copy(
                "COPY plain_persons FROM STDIN WITH (FORMAT csv, HEADER true)"
            ) as copy,
            csv_path.open("rb") as handle,
        ):
            while chunk := handle.read(1 << 20):
                copy.write(chunk)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()
    n = args.persons
    work = Path(tempfile.mkdtemp(prefix="interlink-bench-"))
    csv_path = work / "persons.csv"
    gen = write_csv(csv_path, n)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; date {date.today().isoformat()}"
    )
    print(f"generated {n:,} persons ({csv_path.stat().st_size / 2**20:.0f} MiB CSV) in {gen:.1f} s")
    results = []
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("INTERLINK_")}

    env = {**base_env, "INTERLINK_DATA_DIR": str(work / "sqlite"), "INTERLINK_NODE_COUNTRY": "UA"}
    prepare(env)
    seconds, peak = timed_import(env, csv_path)
    plain = plain_sqlite(csv_path, work / "plain.db")
    results.append(("SQLite", seconds, peak, plain, "executemany, one flat table"))

    if not args.skip_postgres:
        name = f"interlink_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        url = PG_ADMIN.rsplit("/", 1)[0] + "/" + name
        try:
            env = {
                **base_env,
                "INTERLINK_DATA_DIR": str(work / "pg"),
                "INTERLINK_DATABASE_URL": url,
                "INTERLINK_NODE_COUNTRY": "UA",
            }
            prepare(env)
            seconds, peak = timed_import(env, csv_path)
            plain = plain_postgres(csv_path, url)
            results.append(("PostgreSQL", seconds, peak, plain, "COPY, one flat table"))
        finally:
            with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    print()
    print(
        "| database | persons | seconds | persons/s | peak RSS | plain load | "
        "Interlink / plain time |"
    )
    print("|---|---:|---:|---:|---:|---|---:|")
    for db, seconds, peak, plain, how in results:
        print(
            f"| {db} | {n:,} | {seconds:.1f} | {n / seconds:,.0f} | {peak:,.0f} MiB | "
            f"{how}: {plain:.1f} s ({n / plain:,.0f}/s) | {seconds / plain:.1f}x |"
        )


if __name__ == "__main__":
    main()
