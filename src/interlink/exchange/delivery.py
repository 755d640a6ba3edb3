"""The delivery worker: posts due outbox rows to their recipients' inboxes, with retries.

A row is claimed with a lease (``store.exchange.claim``), so two workers — threads of one
process, several API workers, or ``interlink exchange deliver`` beside a server — never post
the same row at the same time; a worker that dies leaves a lease that expires, and the row is
posted again. The receiver answers a re-delivery of what it has accepted with "duplicate",
so at-least-once posting with an idempotent receiver delivers each message exactly once.

200 (accepted or duplicate) marks a row delivered; a connection error, a timeout, 5xx, 408 or
429 puts it back with capped exponential back-off; any other 4xx is the recipient's refusal:
the row is failed, with the reason, for the sender to see.
"""

from __future__ import annotations

import json
import logging
import os
import random
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx

from interlink.exchange import crypto
from interlink.exchange.keys import KeysError, load_keys
from interlink.exchange.outbox import wait_for_work
from interlink.node import Node
from interlink.store import exchange as store
from interlink.store.db import reading, transaction

log = logging.getLogger("interlink.exchange.delivery")

INBOX_PATH = "/api/exchange/inbox"
RETRYABLE_4XX = frozenset({408, 425, 429})


@dataclass
class Outcome:
    delivered: int = 0
    retried: int = 0
    failed: int = 0

    @property
    def attempts(self) -> int:
        return self.delivered + self.retried + self.failed


@dataclass
class Deliverer:
    """Posts due rows of one node's outbox; one instance per worker."""

    node: Node
    concurrency: int = 8
    worker_id: str = field(default_factory=lambda: f"{os.getpid()}-{uuid.uuid4().hex[:8]}")

    def __post_init__(self) -> None:
        settings = self.node.settings
        self.client = httpx.Client(timeout=settings.exchange_timeout_seconds)
        self.pool = ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="deliver")

    def close(self) -> None:
        self.pool.shutdown(wait=True)
        self.client.close()

    def backoff(self, attempts: int) -> float:
        settings = self.node.settings
        delay = settings.exchange_retry_base_seconds * 2 ** max(attempts - 1, 0)
        return float(min(delay, settings.exchange_retry_max_seconds) * random.uniform(0.8, 1.2))  # noqa: S311 - jitter

    def claim(self, limit: int) -> list[tuple[str, str]]:
        now = datetime.now(UTC)
        lease = self.node.settings.exchange_lease_seconds
        with store.write_lock(self.node.engine), transaction(self.node.engine) as conn:
            candidates = store.due(conn, now, limit)
            return [
                (m, r) for m, r in candidates if store.claim(conn, m, r, self.worker_id, now, lease)
            ]

    def run_once(self, limit: int = 200) -> Outcome:
        """Claim up to ``limit`` due rows and post them, ``concurrency`` at a time."""
        outcome = Outcome()
        claimed = self.claim(limit)
        for result in self.pool.map(lambda row: self._deliver(*row), claimed):
            setattr(outcome, result, getattr(outcome, result) + 1)
        return outcome

    def _deliver(self, message_id: str, recipient: str) -> str:
        node = self.node
        with reading(node.engine) as conn:
            packet_text = store.packet_of(conn, message_id)
            entry = store.get_node(conn, recipient)
            attempts = store.attempts_of(conn, message_id, recipient)
        if packet_text is None or entry is None:
            return self._finish(message_id, recipient, "failed", "recipient not in the directory")
        try:
            keys = load_keys(node.settings.keys_dir)
        except KeysError as exc:
            log.error("cannot sign: %s", exc)
            return self._retry(message_id, recipient, attempts, "this node has no keys")
        data = crypto.sign_attempt(json.loads(packet_text), keys, datetime.now(UTC))
        try:
            response = self.client.post(
                entry.url + INBOX_PATH,
                content=data,
                headers={"content-type": "application/json"},
            )
        except httpx.HTTPError as exc:
            return self._retry(message_id, recipient, attempts, type(exc).__name__)
        if response.status_code == 200:
            return self._finish(message_id, recipient, "delivered", None)
        reason = _reason(response)
        if 400 <= response.status_code < 500 and response.status_code not in RETRYABLE_4XX:
            log.warning("message %s refused by %s: %s", message_id, recipient, reason)
            return self._finish(message_id, recipient, "failed", reason)
        return self._retry(message_id, recipient, attempts, reason)

    def _retry(self, message_id: str, recipient: str, attempts: int, error: str) -> str:
        at = datetime.now(UTC)
        with store.write_lock(self.node.engine), transaction(self.node.engine) as conn:
            store.finish(
                conn,
                message_id,
                recipient,
                self.worker_id,
                status="queued",
                at=at,
                error=error[:500],
                next_attempt_at=at + timedelta(seconds=self.backoff(attempts)),
            )
        return "retried"

    def _finish(self, message_id: str, recipient: str, status: str, error: str | None) -> str:
        with store.write_lock(self.node.engine), transaction(self.node.engine) as conn:
            store.finish(
                conn,
                message_id,
                recipient,
                self.worker_id,
                status=status,
                at=datetime.now(UTC),
                error=error[:500] if error else None,
            )
        return status


def _reason(response: httpx.Response) -> str:
    try:
        answer = response.json()
        return f"{response.status_code} {answer.get('reason', '')}: {answer.get('detail', '')}"
    except ValueError:
        return f"{response.status_code}"


class Worker:
    """The background delivery thread of a serving node (``interlink serve``)."""

    def __init__(self, node: Node) -> None:
        self.node = node
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="exchange-delivery", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def close(self) -> None:
        self.stop.set()
        from interlink.exchange.outbox import wake

        wake()
        self.thread.join(timeout=15)

    def _run(self) -> None:
        deliverer = Deliverer(self.node)
        poll = self.node.settings.exchange_poll_seconds
        try:
            while not self.stop.is_set():
                try:
                    done = deliverer.run_once()
                except Exception:  # the database may be away for a while: keep going
                    log.exception("delivery round failed")
                    done = Outcome()
                if done.attempts == 0:
                    wait_for_work(poll)
        finally:
            deliverer.close()


def deliver_until_idle(node: Node, *, once: bool = False) -> Outcome:
    """``interlink exchange deliver``: post what is due (``once``: one round) and return."""
    deliverer = Deliverer(node)
    total = Outcome()
    try:
        while True:
            done = deliverer.run_once()
            total.delivered += done.delivered
            total.retried += done.retried
            total.failed += done.failed
            if once or done.attempts == 0:
                return total
    finally:
        deliverer.close()
