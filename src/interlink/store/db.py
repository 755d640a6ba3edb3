"""Engines and transactions for SQLite (default) and PostgreSQL.

SQLite is tuned for a node's many readers and few writers: WAL, a busy timeout so that a
second API worker waits instead of failing, ``BEGIN IMMEDIATE`` so that two writers never
deadlock on a lock upgrade, and secure_delete so that erased records leave no bytes behind.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

SQLITE_BUSY_TIMEOUT_MS = 60_000
READ_ONLY = "interlink_read_only"


class RawJson(str):
    """JSON text serialized already (by pydantic, in Rust): stored as it is, not re-encoded."""

    __slots__ = ()


def _json_serializer(value: Any) -> str:
    if isinstance(value, RawJson):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get(READ_ONLY):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            # A connection is used by one thread at a time, but not always the one that
            # opened it (an import writes from a background thread).
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            json_serializer=_json_serializer,
        )
        _tune_sqlite(engine)
        return engine
    return create_engine(
        url, pool_pre_ping=True, pool_size=5, max_overflow=10, json_serializer=_json_serializer
    )


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    """One engine (and pool) per database URL in a process."""
    return make_engine(url)


@contextmanager
def transaction(engine: Engine) -> Iterator[Connection]:
    """A unit of work: commits on success, rolls back on any exception."""
    with engine.begin() as conn:
        yield conn


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A read-only unit of work: on SQLite it takes no write lock, so writers go on."""
    with engine.connect() as conn:
        conn.execution_options(**{READ_ONLY: True})
        with conn.begin():
            yield conn


def is_postgres(conn_or_engine: Connection | Engine) -> bool:
    return conn_or_engine.dialect.name == "postgresql"


IN_CHUNK = 500  # values per IN (...) list: well under SQLite's and PostgreSQL's limits


def chunks(items: Sequence[Any], size: int = IN_CHUNK) -> Iterable[Sequence[Any]]:
    """``items`` in slices of ``size``, for queries with an IN list of many values."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
