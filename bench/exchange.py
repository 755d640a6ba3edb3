"""Exchange benchmark: messages per second delivered between two real nodes (target ≥ 200/s).

Builds two nodes in ``bench/out/exchange/`` (UA and DE: SQLite databases, keys, each in
the other's directory), starts both as real ``interlink serve`` processes on 127.0.0.1, then
writes ``--messages`` messages (text of about 500 characters) into UA's outbox in one
transaction and times UA's own delivery worker (the background thread of ``serve``) until
none is queued: claiming the rows, signing each message, HTTP (batches of
``INTERLINK_EXCHANGE_BATCH_SIZE``, 100, per request on one kept-alive connection), DE's
checks of each message (directory, signature, recipient, clock, replay), decryption,
storage, the audit entry and DE's "received" receipt (one per batch) queued in the same
transaction. DE's worker posts those receipts back to UA meanwhile, as in service; the time
until every receipt is back is printed too.

For comparison, in the same run, the same number of the same JSON payloads are posted, one
per request with ``--concurrency`` at a time, to a bare endpoint (a FastAPI app under
uvicorn that only parses the JSON and INSERTs it into a SQLite table): what one would write
without signatures, encryption, an outbox or receipts. The ratio of the two rates is printed.

    .venv/bin/python bench/exchange.py [--messages 2000] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

OUT = Path(__file__).parent / "out" / "exchange"
BIN = Path(sys.executable).parent / "interlink"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(url: str, proc: subprocess.Popen[bytes], timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit(f"server at {url} did not start")


def build() -> tuple[dict[str, dict[str, str]], object]:
    from interlink.access.roles import Actor, Role
    from interlink.exchange import directory
    from interlink.exchange.keys import init_keys
    from interlink.node import Node
    from interlink.settings import Settings
    from interlink.store.migrate import upgrade

    shutil.rmtree(OUT, ignore_errors=True)
    ports = {"UA": free_port(), "DE": free_port()}
    nodes = {}
    for nid, country in (("UA", "UA"), ("DE", "DE")):
        settings = Settings(
            data_dir=OUT / nid,
            node_country=country,
            public_url=f"http://127.0.0.1:{ports[nid]}",
        )
        node = Node(settings)
        upgrade(node.engine)
        node.audit_key  # noqa: B018
        init_keys(settings.keys_dir)
        nodes[nid] = node
    admin = Actor(None, "bench", Role.ADMINISTRATOR, None)
    directory.add(nodes["UA"], admin, directory.own_entry(nodes["DE"]))
    directory.add(nodes["DE"], admin, directory.own_entry(nodes["UA"]))
    env = {}
    for nid, node in nodes.items():
        e = {k: v for k, v in os.environ.items() if not k.startswith("INTERLINK_")}
        e.update(
            INTERLINK_DATA_DIR=str(node.settings.data_dir),
            INTERLINK_NODE_COUNTRY=nid,
            INTERLINK_PUBLIC_URL=node.settings.public_url,
            INTERLINK_EXCHANGE_POLL_SECONDS="0.1",
            PORT=str(ports[nid]),
        )
        env[nid] = e
        node.engine.dispose()
    return env, nodes["UA"]


def start(env: dict[str, str]) -> subprocess.Popen[bytes]:
    log = open(Path(env["INTERLINK_DATA_DIR"]) / "serve.log", "ab")  # noqa: SIM115
    return subprocess.Popen(
        [str(BIN), "serve", "--port", env["PORT"]], env=env, stdout=subprocess.DEVNULL, stderr=log
    )


def interlink_rate(messages: int) -> tuple[float, float]:
    from interlink import exchange
    from interlink.exchange.messages import Body, Draft, Kind
    from interlink.node import Node
    from interlink.settings import Settings
    from interlink.store import exchange as store
    from interlink.store.db import reading, transaction

    env, _ = build()
    procs = {nid: start(e) for nid, e in env.items()}
    try:
        for nid, p in procs.items():
            wait_up(f"http://127.0.0.1:{env[nid]['PORT']}/api/health", p)
        ua = Node(Settings(data_dir=OUT / "UA", node_country="UA"))
        text = ("Request for details on the subject of case 2026/117. " * 10)[:500]
        with transaction(ua.engine) as conn:  # what `send` writes, for every message at once
            for i in range(messages):
                exchange.queue(
                    conn,
                    ua,
                    Draft(
                        kind=Kind.MESSAGE,
                        recipients=["DE"],
                        subject=f"bench {i}",
                        body=Body(text=text),
                    ),
                )
        began = time.perf_counter()  # UA's worker finds them at its next poll
        delivered_at = received_at = 0.0
        while not received_at:
            with reading(ua.engine) as conn:
                counts = store.outbox_counts(conn)
            now = time.perf_counter() - began
            if not delivered_at and counts.get("queued", 0) == 0:
                delivered_at = now
            if counts.get("received", 0) == messages:
                received_at = now
            if now > 900:
                raise SystemExit(f"not done after 900 s: {counts}")
            time.sleep(0.05)
        return messages / delivered_at, received_at
    finally:
        for p in procs.values():
            p.send_signal(signal.SIGTERM)
            p.wait(timeout=30)


# -- the baseline: a bare JSON endpoint that inserts what it is posted ------------------


def baseline_app() -> Any:
    db = sqlite3.connect(os.environ["BASELINE_DB"], check_same_thread=False, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE IF NOT EXISTS inbox (id TEXT PRIMARY KEY, body TEXT)")
    app = FastAPI()

    @app.post("/inbox")
    async def inbox(request: Request) -> JSONResponse:
        data = json.loads(await request.body())
        db.execute("INSERT INTO inbox VALUES (?, ?)", (data["id"], json.dumps(data)))
        return JSONResponse({"status": "accepted"})

    @app.get("/health")
    async def health() -> JSONResponse:
        return JSONResponse({"status": "ok"})

    return app


def baseline_rate(messages: int, concurrency: int) -> float:
    port = free_port()
    db = OUT / "baseline.db"
    env = {**os.environ, "BASELINE_DB": str(db), "PYTHONPATH": str(Path(__file__).parent)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "exchange:baseline_app",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_up(f"http://127.0.0.1:{port}/health", proc)
        text = ("Request for details on the subject of case 2026/117. " * 10)[:500]
        payloads = [
            json.dumps(
                {
                    "id": f"m{i}",
                    "sender": "UA",
                    "subject": f"bench {i}",
                    "text": text,
                    "created": datetime.now(UTC).isoformat(),
                }
            )
            for i in range(messages)
        ]
        client = httpx.Client(timeout=10)
        began = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            codes = list(
                pool.map(
                    lambda p: client.post(f"http://127.0.0.1:{port}/inbox", content=p).status_code,
                    payloads,
                )
            )
        elapsed = time.perf_counter() - began
        assert codes.count(200) == messages, Counter(codes)
        return messages / elapsed
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    print(f"messages: {args.messages}, concurrency {args.concurrency}", flush=True)
    rate, receipts = interlink_rate(args.messages)
    print(
        f"interlink: {rate:,.0f} messages/s delivered UA -> DE (signed, encrypted, stored, "
        f"audited, receipt queued); all 'received' receipts back at UA after {receipts:.1f} s",
        flush=True,
    )
    base = baseline_rate(args.messages, args.concurrency)
    print(f"baseline (bare JSON POST + SQLite INSERT): {base:,.0f} messages/s")
    print(f"ratio interlink / baseline: {rate / base:.2f}")


if __name__ == "__main__":
    main()
