"""Several real Interlink nodes on 127.0.0.1 for the exchange tests (issue 6).

Each node is an `interlink serve` process with its own database (a SQLite file, or a fresh
PostgreSQL database), data directory and exchange keys; the harness exchanges their directory
entries (`keys show` → `nodes add --from-file`, as administrators do) and gives each an NCB
officer and an administrator with a token. Ports are chosen before any node starts, so a node
can be in the others' directories while it is down::

    with Nodes(tmp_path, "UA", "DE", "GS") as nodes:
        nodes.start("UA", "DE")
        mid = nodes.A.post("/api/messages", json={"recipients": ["DE"], "text": "…"})["id"]
        nodes.wait(lambda: nodes.A.status(mid) == {"DE": "received"})

``A``, ``B``, ``C`` and ``GS`` name "UA", "DE", "FR" and the Secretariat.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import psycopg
from sqlalchemy import Connection

from interlink.access import Role
from interlink.access.accounts import add_user, ensure_unit
from interlink.access.roles import Actor
from interlink.exchange import directory
from interlink.exchange.directory import DirectoryEntry
from interlink.exchange.keys import init_keys
from interlink.node import Node
from interlink.settings import Settings, normalize_database_url
from interlink.store.db import make_engine, reading, transaction
from interlink.store.migrate import upgrade
from tests.conftest import ADMIN_URL
from tests.e2e.conftest import BIN, cli_env, free_port, run_cli

PASSWORD = "exchange-password-1"
NCB, ADMIN = "ncb", "admin"
UNITS = {"UA": "UA", "DE": "DE", "FR": "FR", "GS": "FR"}  # the Secretariat sits in Lyon

# Fast retries and short leases, so that the tests of failures take seconds.
FAST = {
    "INTERLINK_EXCHANGE_RETRY_BASE_SECONDS": "0.2",
    "INTERLINK_EXCHANGE_RETRY_MAX_SECONDS": "1",
    "INTERLINK_EXCHANGE_LEASE_SECONDS": "3",
    "INTERLINK_EXCHANGE_TIMEOUT_SECONDS": "2",
    "INTERLINK_EXCHANGE_POLL_SECONDS": "0.1",
}


class NodeProcess:
    """One node: its environment, its process (when running) and helpers for its API."""

    def __init__(self, node_id: str, base: Path, database_url: str | None) -> None:
        self.id = node_id
        self.role = "secretariat" if node_id == "GS" else "national"
        self.data_dir = base / node_id
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.database_url = database_url or f"sqlite:///{self.data_dir / 'interlink.db'}"
        self.unit = f"{node_id}-NCB"
        self.env = cli_env(self.database_url, self.data_dir)  # for `serve` and `cli`
        self.env.update(
            INTERLINK_NODE_COUNTRY=UNITS[node_id],
            INTERLINK_NODE_ROLE=self.role,
            INTERLINK_NODE_ID=node_id,
            INTERLINK_PUBLIC_URL=self.url,
            **FAST,
        )
        self.log = base / f"{node_id}.serve.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self._headers: dict[str, dict[str, str]] = {}

    # -- the command line ---------------------------------------------------------------

    def cli(self, *args: str, stdin: str | None = None, ok: bool = True) -> str:
        done = run_cli(self.env, *args, stdin=stdin)
        if ok:
            assert done.returncode == 0, f"{self.id}: interlink {' '.join(args)}: {done.stderr}"
        return done.stdout

    def settings(self) -> Settings:
        return Settings(
            data_dir=self.data_dir,
            database_url=self.database_url,
            node_country=UNITS[self.id],
            node_role=self.role,
            node_id=self.id,
            public_url=self.url,
        )

    def prepare(self) -> None:
        """Schema, the NCB unit, users and keys — in this process, as `interlink init`,
        `units add`, `users add` and `keys init` do (each command would start a Python)."""
        node = Node(self.settings())
        try:
            upgrade(node.engine)
            node.audit_key  # noqa: B018 - created before the server's workers race for it
            with transaction(node.engine) as conn:
                ensure_unit(conn, self.unit, f"NCB {self.id}", UNITS[self.id])
                add_user(conn, NCB, Role.NCB_OFFICER, self.unit, PASSWORD)
                add_user(conn, ADMIN, Role.ADMINISTRATOR, self.unit, PASSWORD)
            init_keys(node.settings.keys_dir)
        finally:
            node.engine.dispose()

    def add_to_directory(self, entry: DirectoryEntry) -> None:
        """What `interlink nodes add --from-file` does (tested on its own in test_exchange_cli)."""
        node = Node(self.settings())
        try:
            admin = Actor(None, ADMIN, Role.ADMINISTRATOR, self.unit)
            directory.add(node, admin, entry)
        finally:
            node.engine.dispose()

    # -- the process --------------------------------------------------------------------

    def start(self, timeout: float = 120) -> None:
        assert self.proc is None, f"{self.id} runs already"
        self._log_file = self.log.open("ab")
        self.proc = subprocess.Popen(
            [str(BIN), "serve", "--port", str(self.port)],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=self._log_file,  # a file, not a pipe: a full pipe would block the node
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.proc.poll() is None:
            try:
                if httpx.get(f"{self.url}/api/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop(kill=True)
        raise AssertionError(f"node {self.id} did not start: {self.log.read_text()[-2000:]}")

    def stop(self, *, kill: bool = False) -> None:
        """Stop the process; ``kill``: SIGKILL, as a crash (no clean shutdown)."""
        if self.proc is None:
            return
        if kill:
            os.kill(self.proc.pid, signal.SIGKILL)
        else:
            self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._log_file.close()
        self.proc = None

    @property
    def running(self) -> bool:
        return self.proc is not None

    @contextmanager
    def db(self) -> Iterator[Connection]:
        """A read-only look into the node's database (what its administrator would query)."""
        engine = make_engine(normalize_database_url(self.database_url))
        try:
            with reading(engine) as conn:
                yield conn
        finally:
            engine.dispose()

    # -- the API ------------------------------------------------------------------------

    def headers(self, user: str = NCB) -> dict[str, str]:
        if user not in self._headers:
            r = httpx.post(
                f"{self.url}/api/token", data={"username": user, "password": PASSWORD}, timeout=60
            )
            r.raise_for_status()
            self._headers[user] = {"Authorization": f"Bearer {r.json()['access_token']}"}
        return self._headers[user]

    def request(self, method: str, path: str, *, user: str = NCB, **kw: Any) -> httpx.Response:
        return httpx.request(method, self.url + path, headers=self.headers(user), timeout=30, **kw)

    def get(self, path: str, **kw: Any) -> Any:
        r = self.request("GET", path, **kw)
        assert r.status_code == 200, f"{self.id} GET {path}: {r.status_code} {r.text}"
        return r.json()

    def post(self, path: str, **kw: Any) -> Any:
        r = self.request("POST", path, **kw)
        assert r.status_code in (200, 201), f"{self.id} POST {path}: {r.status_code} {r.text}"
        return r.json()

    def send(self, recipients: Iterable[str], **fields: Any) -> str:
        """Send a message through the API as the NCB officer; its id."""
        return str(
            self.post("/api/messages", json={"recipients": list(recipients), **fields})["id"]
        )

    def status(self, message_id: str) -> dict[str, str]:
        return {s["recipient"]: s["status"] for s in self.get(f"/api/messages/{message_id}/status")}

    def box(self, box: str = "inbox") -> list[dict[str, Any]]:
        return list(self.get("/api/messages", params={"box": box, "limit": 500})["items"])


class Nodes:
    """A set of nodes that know each other; a context manager that stops them all."""

    def __init__(self, base: Path, *ids: str, postgres: Iterable[str] = ()) -> None:
        self.base = base
        self._databases: list[str] = []
        self.nodes: dict[str, NodeProcess] = {}
        for node_id in ids or ("UA", "DE", "FR", "GS"):
            url = self._postgres_database() if node_id in set(postgres) else None
            self.nodes[node_id] = NodeProcess(node_id, base, url)
        for n in self.nodes.values():
            n.prepare()
        self.introduce()

    def _postgres_database(self) -> str:
        name = f"interlink_node_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        self._databases.append(name)
        return ADMIN_URL.rsplit("/", 1)[0] + "/" + name

    def introduce(self) -> None:
        """Every node's entry into every other node's directory, as administrators do."""
        for n in self.nodes.values():
            entry = directory.own_entry(Node(n.settings()))
            for other in self.nodes.values():
                if other is not n:
                    other.add_to_directory(entry)

    def __getitem__(self, node_id: str) -> NodeProcess:
        return self.nodes[node_id]

    @property
    def A(self) -> NodeProcess:
        return self.nodes["UA"]

    @property
    def B(self) -> NodeProcess:
        return self.nodes["DE"]

    @property
    def C(self) -> NodeProcess:
        return self.nodes["FR"]

    @property
    def GS(self) -> NodeProcess:
        return self.nodes["GS"]

    def start(self, *ids: str) -> None:
        for node_id in ids or tuple(self.nodes):
            self.nodes[node_id].start()

    def close(self) -> None:
        for n in self.nodes.values():
            n.stop()
        for name in self._databases:
            with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def __enter__(self) -> Nodes:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @staticmethod
    def wait(condition: Callable[[], Any], timeout: float = 30, what: str = "condition") -> Any:
        """Poll ``condition`` until it is truthy; its value. Fails after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        last: Any = None
        while time.monotonic() < deadline:
            last = condition()
            if last:
                return last
            time.sleep(0.1)
        raise AssertionError(f"{what} not reached in {timeout} s (last: {last!r})")
