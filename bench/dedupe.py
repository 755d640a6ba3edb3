"""Dedupe benchmark: N generated labelled persons through `identity.batch.dedupe`, and the
same file through plain Splink (raw columns, library comparisons, no normalization).

Each run is a fresh process so that its peak resident memory is its own. Prints seconds,
peak memory, pairwise precision/recall/F1 of both, and the ratios.

    .venv/bin/python bench/dedupe.py [--rows 1000000] [--threshold 0.8] [--skip-plain]
        [--plain-limit MINUTES] [--blocking-recall]

``--blocking-recall`` also prints how many true pairs the blocking rules cover (a pair no
rule covers is never compared), for the rules the file's size gets and for the model's.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from interlink.identity.batch import DEFAULT_THRESHOLD, _arrow, blocking_for, dedupe, read_prepared
from interlink.identity.evaluate import cluster_scores, read_clusters, write_benchmark
from interlink.identity.model import BLOCKING_COLUMNS


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_interlink(path: str, out: str, threshold: float) -> tuple[float, float, dict[str, int]]:
    start = time.perf_counter()
    summary = dedupe(path, out, threshold)
    return time.perf_counter() - start, _peak_mb(), summary.issues


def run_plain(path: str, out: str, threshold: float) -> tuple[float, float, dict[str, int]]:
    """Splink as its documentation shows it, on the columns as written."""
    import csv
    import logging

    import duckdb
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    logging.getLogger("splink").setLevel(logging.ERROR)
    start = time.perf_counter()
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE people AS SELECT * EXCLUDE (true_id) "
        f"FROM read_csv('{path}', all_varchar = true)"
    )
    cols = [r[0] for r in con.execute("DESCRIBE people").fetchall() if r[0] != "id"]
    con.execute(
        "UPDATE people SET " + ", ".join(f'"{c}" = nullif(trim("{c}"), \'\')' for c in cols)
    )
    db = DuckDBAPI(connection=con)
    table = db.register("people")
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="id",
        comparisons=[
            cl.NameComparison("full_name"),
            cl.NameComparison("first_name"),
            cl.NameComparison("last_name"),
            cl.DateOfBirthComparison("date_of_birth", input_is_string=True),
            cl.ExactMatch("gender"),
            cl.ExactMatch("nationality"),
            cl.ExactMatch("document_number"),
            cl.ExactMatch("phone"),
            cl.EmailComparison("email"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("full_name"),
            block_on("first_name", "last_name"),
            block_on("date_of_birth"),
            block_on("document_number"),
            block_on("phone"),
        ],
    )
    linker = Linker(table, settings, log_level=None)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("document_number", "date_of_birth")], recall=0.6
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("full_name"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("date_of_birth"))
    scored = linker.inference.predict(threshold_match_probability=threshold)
    clustered = linker.clustering.cluster_pairwise_predictions_at_threshold(
        scored, threshold_match_probability=threshold
    )
    rows = con.execute(f"SELECT id, cluster_id FROM {clustered.physical_name}").fetchall()
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(("id", "cluster_id"))
        writer.writerows(rows)
    return time.perf_counter() - start, _peak_mb(), {}


def blocking_recall(path: str, truth: dict[str, str]) -> None:
    """True pairs covered by the blocking rules: all of them, and by each rule alone."""
    import duckdb
    import pyarrow as pa

    prepared = read_prepared(path)
    table = _arrow(prepared)
    ids = prepared.columns["unique_id"]
    people = table.append_column("true_id", pa.array([truth[i] for i in ids]))  # noqa: F841
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE tp AS SELECT l.* , r.* FROM people l JOIN people r "
        "ON l.true_id = r.true_id AND l.unique_id < r.unique_id"
    )
    total = con.execute("SELECT count(*) FROM tp").fetchone()[0]  # type: ignore[index]

    def covered(rules: tuple[tuple[str, ...], ...]) -> int:
        cond = " OR ".join(
            "(" + " AND ".join(f"coalesce({c} = {c}_1, false)" for c in rule) + ")"
            for rule in rules
        )
        return int(con.execute(f"SELECT count(*) FROM tp WHERE {cond}").fetchone()[0])  # type: ignore[index]

    rules = blocking_for(len(ids))
    print(f"true pairs {total:,}")
    for name, chosen in (("this file's rules", rules), ("the model's rules", BLOCKING_COLUMNS)):
        n = covered(chosen)
        print(f"  {name}: {n:,} covered ({n / max(total, 1):.4f}), {total - n:,} never compared")
    for rule in rules:
        print(f"    {'+'.join(rule):22} {covered((rule,)):>9,}")


def _child(func: Any, args: tuple[Any, ...], pipe: Any) -> None:
    pipe.send(func(*args))
    pipe.close()


def in_fresh_process(func: Any, *args: Any, limit: float | None = None) -> Any:
    """``func(*args)`` in a new process (its peak memory its own); None when it has not
    finished within ``limit`` seconds (the process is then stopped)."""
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(func, args, send))
    process.start()
    send.close()
    try:
        if not receive.poll(limit):
            return None
        return receive.recv()
    except EOFError:
        raise RuntimeError(f"{func.__name__} failed (see its error above)") from None
    finally:
        if process.is_alive():
            process.terminate()
        process.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-plain", action="store_true")
    parser.add_argument("--blocking-recall", action="store_true")
    parser.add_argument(
        "--plain-limit",
        type=float,
        default=None,
        help="minutes plain Splink may take before it is stopped (default: no limit)",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "people.csv"
        start = time.perf_counter()
        truth = write_benchmark(data, args.rows, seed=args.seed)
        print(f"generated {args.rows:,} labelled rows in {time.perf_counter() - start:.1f} s")
        print(f"python {sys.version.split()[0]}, threshold {args.threshold}")
        if args.blocking_recall:
            blocking_recall(str(data), truth)

        results: dict[str, tuple[float, Any]] = {}
        runs = [("interlink", run_interlink)] + ([] if args.skip_plain else [("plain", run_plain)])
        for name, func in runs:
            out = Path(tmp) / f"{name}.csv"
            limit = args.plain_limit * 60 if name == "plain" and args.plain_limit else None
            ran = in_fresh_process(func, str(data), str(out), args.threshold, limit=limit)
            if ran is None:
                print(f"{name:9}  did not finish in {args.plain_limit:g} min (stopped)")
                ts = results["interlink"][0]
                print(f"ratio interlink/plain: time < {ts / (limit or 1):.2f} (plain stopped)")
                continue
            seconds, peak, issues = ran
            scores = cluster_scores(read_clusters(out), truth)
            results[name] = (seconds, scores)
            print(
                f"{name:9}  {seconds:8.1f} s  peak {peak:7.0f} MB  {scores.line()}"
                + (f"  malformed: {issues}" if issues else "")
            )
        if "plain" in results:
            (ts, si), (tp, sp) = results["interlink"], results["plain"]
            print(f"ratio interlink/plain: time {ts / tp:.2f}  F1 {si.f1 / sp.f1:.3f}")


if __name__ == "__main__":
    main()
