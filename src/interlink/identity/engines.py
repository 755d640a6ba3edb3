"""Where the batch model runs: Splink on DuckDB (default) or on Spark.

The batch (`identity.batch`) declares its Splink model once; this module is the one place
that knows how to get a Splink database API for each engine, how to hand it the prepared
table, and how to read results back into Python. DuckDB runs in the process. Spark runs
through pyspark — in local mode by default, or on a cluster named by
``INTERLINK_SPARK_MASTER`` — with Splink's similarity jar (jaro_winkler and friends are
Scala UDFs on Spark, built-ins on DuckDB).

Spark is configured from the environment, so that one deployment setting serves every
command:

- ``INTERLINK_SPARK_MASTER``: master URL (default ``local[2]``), e.g. ``spark://host:7077``,
  ``yarn``, ``k8s://https://host:443``.
- ``INTERLINK_SPARK_DRIVER_MEMORY``: driver memory (default ``4g``); the prepared table is
  built in the driver and the results come back to it.
- ``INTERLINK_SPARK_SHUFFLE_PARTITIONS``: ``spark.sql.shuffle.partitions`` (default 4 in
  local mode, Spark's own otherwise). Local mode also turns adaptive execution and
  whole-stage code generation off (see ``spark_conf``).
- ``INTERLINK_SPARK_CHECKPOINT_DIR``: a directory every executor can reach (HDFS, S3, a
  shared disk) where Splink writes its intermediate tables as Parquet. In local mode a
  temporary directory is used when it is not set; on a cluster without it the tables are
  cached in memory instead (slower: their lineage keeps growing).
- ``INTERLINK_SPARK_CONF``: any other Spark settings, ``key=value`` separated by ``;``
  (``spark.executor.memory=8g;spark.executor.cores=4``).
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import SparkSession
    from splink import SettingsCreator
    from splink.internals.database_api import DatabaseAPI
    from splink.internals.splink_dataframe import SplinkDataFrame

ENGINES = ("duckdb", "spark")
DEFAULT_ENGINE = "duckdb"
DEFAULT_SPARK_MASTER = "local[2]"

_session: SparkSession | None = None
_checkpoints: str | None = None  # where Splink writes intermediate tables (see spark_session)


class EngineUnavailable(RuntimeError):
    """The engine cannot run here (unknown name, pyspark or Java missing, Spark failed to
    start); the message says what to install or set."""


@dataclass(slots=True)
class Engine:
    """A Splink database API and how to read query results from it."""

    name: str
    db_api: DatabaseAPI[Any]

    def register(self, table: pa.Table, name: str | None = None) -> SplinkDataFrame:
        """Hand an Arrow table to Splink as input table ``name`` (None: a name Splink
        makes up, and may reuse in a later run of a Spark session)."""
        return self.db_api.register(table, table_name=name)

    def settings(self, creator: SettingsCreator, schema: pa.Schema) -> SettingsCreator | dict:
        """The model's settings for this engine. The model is written once, in DuckDB SQL;
        on Spark its levels are transpiled (``spark_sql``), knowing from ``schema`` which
        columns are lists."""
        if self.name == "duckdb":
            return creator
        import pyarrow as pa

        arrays = {f.name for f in schema if pa.types.is_list(f.type)}
        rendered = creator.create_settings_dict("duckdb")
        for comparison in rendered["comparisons"]:
            for level in comparison["comparison_levels"]:
                if level["sql_condition"].strip().upper() != "ELSE":
                    level["sql_condition"] = spark_sql(level["sql_condition"], arrays)
        return rendered  # blocking rules keep their sql_dialect: Splink transpiles those

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        """All rows of a query written in SQL both DuckDB and Spark read (SELECT, CASE,
        round, ORDER BY); results are fetched whole, so that DuckDB has no open result."""
        if self.name == "spark":
            return [tuple(row) for row in self.db_api.spark.sql(sql).collect()]  # type: ignore[attr-defined]
        return self.db_api.duckdb_con.execute(sql).fetchall()

    def close(self) -> None:
        """Free what the run holds: the DuckDB connection, or Spark's cached tables (the
        session itself is kept for the next run in this process)."""
        if self.name == "spark":
            _close_spark(self.db_api)
        else:
            self.db_api.duckdb_con.close()


def open_engine(name: str = DEFAULT_ENGINE) -> Engine:
    """A fresh Splink database API on engine ``name``."""
    if name == "duckdb":
        return Engine(name, _duckdb_api())
    if name == "spark":
        return Engine(name, _spark_api())
    raise EngineUnavailable(f"unknown engine '{name}': use one of {', '.join(ENGINES)}")


def _duckdb_api() -> DatabaseAPI[Any]:
    import duckdb
    from splink import DuckDBAPI

    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = false")
    return DuckDBAPI(connection=con)


# ---------------------------------------------------------------- Spark

# DuckDB's similarity functions → Python UDFs on Spark computing the same (rapidfuzz, as
# DuckDB and `identity.model` do). Spark's own ``jaro_winkler_similarity`` (4.x, a built-in
# that shadows any UDF of that name) and Splink's Scala ``jaro_winkler`` count matches
# otherwise: of 19,040 name pairs of a generated file 7,406 scored differently and one
# crossed the 0.85 of a level.
_SIMILARITY_UDFS = {
    "jaro_winkler_similarity": "interlink_jaro_winkler",
    "jaro_similarity": "interlink_jaro",
}


def spark_sql(condition: str, arrays: Collection[str] = ()) -> str:
    """A comparison condition written in DuckDB SQL, in Spark SQL.

    sqlglot transpiles the syntax; what it cannot know is fixed here: ``len()`` of a list is
    Spark's ``size()`` (sqlglot reads it as string length: ``arrays`` names the list
    columns, without ``_l``/``_r``), ``list_intersect`` is ``array_intersect``,
    ``list_has_any`` is ``arrays_overlap`` (sqlglot writes ``&&``, Spark's AND), and
    the similarity functions are UDFs that compute what DuckDB's do (``_SIMILARITY_UDFS``)."""
    import sqlglot
    from sqlglot import exp

    def is_list(node: exp.Expression) -> bool:
        if isinstance(node, exp.ArrayIntersect | exp.Array):
            return True
        if isinstance(node, exp.Anonymous):
            return node.name.lower() in {"list_intersect", "array_intersect"}
        if isinstance(node, exp.Column):
            return node.name.removesuffix("_l").removesuffix("_r") in arrays
        return False

    def fix(node: exp.Expression) -> exp.Expression:
        # a node returned here is not visited again: its arguments are fixed first
        args = [a.transform(fix) for a in node.args.values() if isinstance(a, exp.Expression)]
        if isinstance(node, exp.Length) and is_list(node.this):
            return exp.ArraySize(this=args[0])
        if isinstance(node, exp.ArrayOverlaps):  # DuckDB's list_has_any; && is AND in Spark
            return exp.Anonymous(this="arrays_overlap", expressions=args)
        if isinstance(node, exp.JarowinklerSimilarity):
            return exp.Anonymous(this=_SIMILARITY_UDFS["jaro_winkler_similarity"], expressions=args)
        if isinstance(node, exp.Anonymous):
            name = node.name.lower()
            renamed = "array_intersect" if name == "list_intersect" else _SIMILARITY_UDFS.get(name)
            if renamed:
                fixed = [a.transform(fix) for a in node.expressions]
                return exp.Anonymous(this=renamed, expressions=fixed)
        return node

    tree = sqlglot.parse_one(condition, read="duckdb")
    return tree.transform(fix).sql(dialect="spark")


def java_executable(env: Mapping[str, str] = os.environ) -> str | None:
    """The java that pyspark would launch: ``$JAVA_HOME/bin/java``, else ``java`` on PATH."""
    home = env.get("JAVA_HOME")
    if home:
        candidate = Path(home) / "bin" / "java"
        return str(candidate) if candidate.is_file() else None
    return shutil.which("java", path=env.get("PATH"))


def check_spark(env: Mapping[str, str] = os.environ) -> None:
    """Raise ``EngineUnavailable`` naming what is missing, before any JVM is started."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise EngineUnavailable(
            "the spark engine needs pyspark: pip install 'interlink[spark]'"
        ) from None
    if java_executable(env) is None:
        raise EngineUnavailable(
            "the spark engine needs Java 17 or later: install it (e.g. apt-get install "
            "openjdk-17-jre-headless) or set JAVA_HOME"
        )


def spark_conf(env: Mapping[str, str] = os.environ) -> dict[str, str]:
    """The Spark settings of a session built from the environment (see the module doc)."""
    from splink.backends.spark import similarity_jar_location

    master = env.get("INTERLINK_SPARK_MASTER") or DEFAULT_SPARK_MASTER
    conf = {
        "spark.master": master,
        "spark.app.name": "interlink-identity",
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",  # progress bars would garble the CLI
        "spark.log.level": "ERROR",
        "spark.driver.memory": env.get("INTERLINK_SPARK_DRIVER_MEMORY") or "4g",
    }
    partitions = env.get("INTERLINK_SPARK_SHUFFLE_PARTITIONS")
    if partitions or master.startswith("local"):
        # Spark's 200 suits a cluster; locally every tiny partition is a task to schedule
        conf["spark.sql.shuffle.partitions"] = partitions or "4"
    if master.startswith("local"):
        # Splink runs hundreds of small queries (an EM iteration is one): planning each
        # twice (adaptive execution) and compiling it to Java (whole-stage codegen) cost
        # more than they save; measured on 300 rows, dedupe + link took 55 s, not 124 s
        conf["spark.sql.adaptive.enabled"] = "false"
        conf["spark.sql.codegen.wholeStage"] = "false"
    for item in (env.get("INTERLINK_SPARK_CONF") or "").split(";"):
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            if item.strip():
                raise EngineUnavailable(f"INTERLINK_SPARK_CONF: '{item}' is not key=value")
            continue
        conf[key.strip()] = value.strip()
    jar = similarity_jar_location()
    conf["spark.jars"] = ",".join(j for j in (conf.get("spark.jars"), jar) if j)
    return conf


def spark_session(env: Mapping[str, str] = os.environ) -> SparkSession:
    """The process's SparkSession, started on first use (7–15 s) and then reused."""
    global _session, _checkpoints
    if _session is not None:
        return _session
    check_spark(env)
    from pyspark.sql import SparkSession

    conf = spark_conf(env)
    if conf["spark.master"].startswith("local"):
        # pyspark starts the UDFs' Python workers with $PYSPARK_PYTHON, else any python3
        # on PATH (which may lack rapidfuzz): locally, this very interpreter
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder
    for key, value in conf.items():
        builder = builder.config(key, value)
    try:
        session = builder.getOrCreate()
    except Exception as exc:  # pyspark raises bare runtime errors when the JVM won't start
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise EngineUnavailable(f"Spark did not start: {first}") from exc
    session.sparkContext.setLogLevel("ERROR")
    _register_similarity_udfs(session)
    _checkpoints = env.get("INTERLINK_SPARK_CHECKPOINT_DIR") or None
    if _checkpoints is None and conf["spark.master"].startswith("local"):
        # Splink breaks the lineage of its intermediate tables by writing them as Parquet;
        # caching them instead (persist) made clustering ten times slower
        _checkpoints = tempfile.mkdtemp(prefix="interlink-spark-")
        atexit.register(shutil.rmtree, _checkpoints, ignore_errors=True)
    _session = session
    return session


def _register_similarity_udfs(session: SparkSession) -> None:
    """DuckDB's ``jaro_winkler_similarity`` and ``jaro_similarity`` (``_SIMILARITY_UDFS``).
    Defined inside, so that they travel to executors by value: an executor's Python needs
    rapidfuzz, not interlink."""
    from pyspark.sql.types import DoubleType

    def jaro_winkler(a: str | None, b: str | None) -> float | None:
        from rapidfuzz.distance import JaroWinkler

        return None if a is None or b is None else float(JaroWinkler.similarity(a, b))

    def jaro(a: str | None, b: str | None) -> float | None:
        from rapidfuzz.distance import Jaro

        return None if a is None or b is None else float(Jaro.similarity(a, b))

    session.udf.register(_SIMILARITY_UDFS["jaro_winkler_similarity"], jaro_winkler, DoubleType())
    session.udf.register(_SIMILARITY_UDFS["jaro_similarity"], jaro, DoubleType())


def _spark_api() -> DatabaseAPI[Any]:
    session = spark_session()
    from splink.backends.spark import SparkAPI

    if _checkpoints is not None:
        session.sparkContext.setCheckpointDir(_checkpoints)  # a fresh subdirectory per run
    return SparkAPI(
        spark_session=session,
        # without a directory every executor reaches, intermediate tables stay cached
        break_lineage_method="parquet" if _checkpoints is not None else "persist",
    )


def _close_spark(db_api: Any) -> None:
    session = db_api.spark
    session.catalog.clearCache()
    # the run's tables are temporary views of the session, which outlives the run: a second
    # run would find its input "people" there already, and Splink refuses to replace it
    for table in session.catalog.listTables():
        if table.isTemporary:
            session.catalog.dropTempView(table.name)
    run_dir = session.sparkContext.getCheckpointDir()
    if run_dir and run_dir.startswith("file:"):  # the run's Parquet files on this machine
        shutil.rmtree(run_dir.removeprefix("file:"), ignore_errors=True)


def stop_spark() -> None:
    """Stop the process's SparkSession (tests, long-lived processes that are done)."""
    global _session
    if _session is not None:
        _session.stop()
        _session = None
