"""The Spark engine (`identity.engines`): the same model on pyspark in local mode gives the
same clusters and pairs as on DuckDB.

A SparkSession takes 7–15 s to start and every Splink step is a Spark job, so the Spark work
is one test (under ``pytest -n 2`` two tests could land on two workers, each starting a JVM)
on one session for the run. The other tests here start no JVM.
"""

from __future__ import annotations

import csv
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from interlink.cli import identity as identity_cli
from interlink.identity import engines
from interlink.identity.batch import dedupe, link, settings
from interlink.identity.evaluate import BENCHMARK_COLUMNS, read_clusters, write_benchmark

ROWS = 300
NO_JAVA = engines.java_executable() is None


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command("dedupe")(identity_cli.dedupe)
    app.command("link")(identity_cli.link)
    return app


def _partition(clusters: dict[str, str]) -> set[frozenset[str]]:
    """Clusters as sets of ids: engines may name a cluster differently."""
    groups: dict[str, set[str]] = {}
    for rid, cluster in clusters.items():
        groups.setdefault(cluster, set()).add(rid)
    return {frozenset(g) for g in groups.values()}


def _pairs(path: Path) -> dict[tuple[str, str], float]:
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return {(r["left_id"], r["right_id"]): float(r["match_probability"]) for r in reader}


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(BENCHMARK_COLUMNS))
        writer.writeheader()
        writer.writerows({c: r.get(c, "") for c in BENCHMARK_COLUMNS} for r in rows)
    return path


@pytest.fixture(scope="session")
def spark() -> Iterator[object]:
    """One local SparkSession for the test run (one core: the machine is shared)."""
    if NO_JAVA:
        pytest.skip("the Spark engine needs Java (none on PATH or JAVA_HOME)")
    env = {
        **os.environ,
        "INTERLINK_SPARK_MASTER": "local[1]",
        "INTERLINK_SPARK_SHUFFLE_PARTITIONS": "1",
        "INTERLINK_SPARK_DRIVER_MEMORY": "1g",
    }
    started = time.perf_counter()
    session = engines.spark_session(env)
    print(f"SparkSession started in {time.perf_counter() - started:.1f} s")
    yield session
    engines.stop_spark()


@pytest.mark.slow
def test_spark_gives_the_same_clusters_and_pairs_as_duckdb(spark: object, tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    write_benchmark(people, ROWS, seed=5)

    timings: dict[str, float] = {}
    started = time.perf_counter()
    dedupe(people, tmp_path / "duckdb.csv")
    timings["dedupe duckdb"] = time.perf_counter() - started
    started = time.perf_counter()
    result = CliRunner().invoke(
        _app(),
        ["dedupe", str(people), "--output", str(tmp_path / "spark.csv"), "--engine", "spark"],
    )
    timings["dedupe spark"] = time.perf_counter() - started
    assert result.exit_code == 0, result.output
    on_duckdb = read_clusters(tmp_path / "duckdb.csv")
    on_spark = read_clusters(tmp_path / "spark.csv")
    assert set(on_spark) == set(on_duckdb)
    assert _partition(on_spark) == _partition(on_duckdb)
    assert len(_partition(on_duckdb)) < ROWS  # some rows were linked: the check means something
    # a second run in the same Spark session (its first left tables of the same names)
    dedupe(people, tmp_path / "spark_again.csv", engine="spark")
    assert _partition(read_clusters(tmp_path / "spark_again.csv")) == _partition(on_duckdb)

    with open(people, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    left = _write(tmp_path / "left.csv", rows[::2])
    right = _write(tmp_path / "right.csv", rows[1::2])
    started = time.perf_counter()
    link(left, right, tmp_path / "pairs_duckdb.csv")
    timings["link duckdb"] = time.perf_counter() - started
    started = time.perf_counter()
    link(left, right, tmp_path / "pairs_spark.csv", engine="spark")
    timings["link spark"] = time.perf_counter() - started
    pairs_duckdb = _pairs(tmp_path / "pairs_duckdb.csv")
    pairs_spark = _pairs(tmp_path / "pairs_spark.csv")
    assert pairs_duckdb
    assert set(pairs_spark) == set(pairs_duckdb)
    for pair, probability in pairs_duckdb.items():
        # both engines round to 6 places: allow one unit of the last place either way
        assert pairs_spark[pair] == pytest.approx(probability, abs=1.5e-6), pair
    print(", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))


def test_model_levels_translate_to_spark_sql() -> None:
    import pyarrow as pa

    schema = pa.schema(
        [(c, pa.list_(pa.string())) for c in ("name_tokens", "name_joined", "name_skels")]
        + [("name_key", pa.string())]
    )
    translated = engines.Engine("spark", db_api=None).settings(settings(), schema)  # type: ignore[arg-type]
    assert isinstance(translated, dict)
    conditions = [
        level["sql_condition"]
        for comparison in translated["comparisons"]
        for level in comparison["comparison_levels"]
    ]
    text = " ".join(conditions).lower()
    assert "list_intersect" not in text
    assert "size(array_intersect(name_tokens_l, name_tokens_r))" in text
    assert "arrays_overlap(name_tokens_l, name_tokens_r)" in text  # list_has_any
    assert "&&" not in text  # sqlglot's spelling of it, which Spark reads as AND
    assert "interlink_jaro_winkler(name_key_l, name_key_r)" in text  # computes as DuckDB
    assert "length(name_key_l)" in engines.spark_sql("len(name_key_l) > 3", {"x"}).lower()
    assert (
        "size(name_tokens_l)"
        in engines.spark_sql("len(name_tokens_l) > 3", {"name_tokens"}).lower()
    )


def test_duckdb_keeps_the_model_as_written() -> None:
    creator = settings()
    assert engines.Engine("duckdb", db_api=None).settings(creator, None) is creator  # type: ignore[arg-type]


def test_spark_conf_from_environment() -> None:
    conf = engines.spark_conf(
        {
            "INTERLINK_SPARK_MASTER": "spark://head:7077",
            "INTERLINK_SPARK_CONF": "spark.executor.memory=8g; spark.jars=/opt/extra.jar",
        }
    )
    assert conf["spark.master"] == "spark://head:7077"
    assert conf["spark.executor.memory"] == "8g"
    assert "spark.sql.shuffle.partitions" not in conf  # a cluster keeps Spark's own
    jars = conf["spark.jars"].split(",")
    assert jars[0] == "/opt/extra.jar" and jars[1].endswith(".jar") and "similarity" in jars[1]
    local = engines.spark_conf({})
    assert local["spark.master"] == "local[2]" and local["spark.ui.enabled"] == "false"
    with pytest.raises(engines.EngineUnavailable, match="key=value"):
        engines.spark_conf({"INTERLINK_SPARK_CONF": "nonsense"})


def test_cli_unknown_engine_exits_2(tmp_path: Path) -> None:
    people = _write(tmp_path / "p.csv", [{"id": "a", "full_name": "Oleg Petrenko"}])
    result = CliRunner().invoke(
        _app(), ["dedupe", str(people), "-o", str(tmp_path / "c.csv"), "--engine", "oracle"]
    )
    assert result.exit_code == 2
    assert "--engine" in result.output


def test_cli_spark_without_java_or_pyspark_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = _write(tmp_path / "p.csv", [{"id": "a", "full_name": "Oleg Petrenko"}])
    args = ["link", str(people), str(people), "-o", str(tmp_path / "o.csv"), "--engine", "spark"]
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))  # no bin/java there
    result = CliRunner().invoke(_app(), args)
    assert result.exit_code == 2
    assert "Java" in result.output and "Traceback" not in result.output
    monkeypatch.setitem(sys.modules, "pyspark", None)  # import pyspark fails
    result = CliRunner().invoke(_app(), [*args[:-2], "--engine", "spark"])
    assert result.exit_code == 2
    assert "pip install" in result.output and "pyspark" in result.output
    assert not (tmp_path / "o.csv").exists()
