"""The delivery worker: posts due outbox rows to their recipients' inboxes, with retries.

Rows are claimed in batches with a lease (``store.exchange.claim_batch``), so two workers —
threads of one process, several API workers, or ``interlink exchange deliver`` beside a
server — never post the same row at the same time; a worker that dies leaves leases that
expire, and the rows are posted again. The receiver answers a re-delivery of what it has
accepted with "duplicate", so at-least-once posting with an idempotent receiver delivers
each message exactly once.

The rows of one recipient are posted in order, up to ``exchange_batch_size`` messages per
request to ``/api/exchange/inbox/batch`` over one kept-alive connection (each message
signed for this attempt and checked on its own by the receiver); different recipients are
posted in parallel. 200 (accepted or duplicate) marks a row delivered; a connection error,
a timeout, 5xx, 408 or 429 puts it back with capped exponential back-off, until
``exchange_max_attempts`` — then it is failed ("gave up"); any other 4xx is the recipient's
refusal (or a dead letter): the row is failed, with the reason, for the sender to see.
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
from interlink.exchange.keys import KeysError, NodeKeys, load_keys
from interlink.exchange.outbox import wait_for_work
from interlink.node import Node
from interlink.store import exchange as store
from interlink.store.db import reading, transaction

log = logging.getLogger("interlink.exchange.delivery")

INBOX_PATH = "/api/exchange/inbox"
BATCH_PATH = "/api/exchange/inbox/batch"
JSON_HEADERS = {"content-type": "application/json"}
RETRYABLE_4XX = frozenset({408, 425, 429})


@dataclass
class Outcome:
    delivered: int = 0
    retried: int = 0
    failed: int = 0

    @property
    def attempts(self) -> int:
        return self.delivered + self.retried + self.failed

    def add(self, other: Outcome) -> None:
        self.delivered += other.delivered
        self.retried += other.retried
        self.failed += other.failed


@dataclass(frozen=True)
class _Result:
    """How one attempt of one row ended: delivered, failed, or queued again."""

    message_id: str
    status: str  # delivered, failed, retry
    error: str | None = None


@dataclass
class Deliverer:
    """Posts due rows of one node's outbox; one instance per worker."""

    node: Node
    concurrency: int = 8
    worker_id: str = field(default_factory=lambda: f"{os.getpid()}-{uuid.uuid4().hex[:8]}")

    def __post_init__(self) -> None:
        settings = self.node.settings
        self.client = httpx.Client(
            timeout=settings.exchange_timeout_seconds,
            limits=httpx.Limits(max_keepalive_connections=self.concurrency * 2),
        )
        self.pool = ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="deliver")
        self._claims = 0
        self._batch_endpoint: dict[str, bool] = {}  # recipient -> has /inbox/batch

    def close(self) -> None:
        self.pool.shutdown(wait=True)
        self.client.close()

    def backoff(self, attempts: int) -> float:
        settings = self.node.settings
        delay = settings.exchange_retry_base_seconds * 2 ** max(attempts - 1, 0)
        return float(min(delay, settings.exchange_retry_max_seconds) * random.uniform(0.8, 1.2))  # noqa: S311 - jitter

    def _claim(self, limit: int) -> tuple[str, list[store.Leased]]:
        now = datetime.now(UTC)
        lease = self.node.settings.exchange_lease_seconds
        self._claims += 1
        token = f"{self.worker_id}-{self._claims}"
        with store.write_lock(self.node.engine), transaction(self.node.engine) as conn:
            return token, store.claim_batch(conn, now, limit, token, lease)

    def claim(self, limit: int) -> list[tuple[str, str]]:
        """Claim up to ``limit`` due rows; (message id, recipient) of each (for tests)."""
        _, rows = self._claim(limit)
        return [(r.message_id, r.recipient) for r in rows]

    def run_once(self, limit: int = 500) -> Outcome:
        """Claim up to ``limit`` due rows and post them: each recipient's in order, in
        batches; ``concurrency`` recipients at a time."""
        token, claimed = self._claim(limit)
        by_recipient: dict[str, list[store.Leased]] = {}
        for row in claimed:
            by_recipient.setdefault(row.recipient, []).append(row)
        outcome = Outcome()
        for done in self.pool.map(
            lambda item: self._deliver_to(token, *item), by_recipient.items()
        ):
            outcome.add(done)
        return outcome

    def _deliver_to(self, token: str, recipient: str, rows: list[store.Leased]) -> Outcome:
        node = self.node
        with reading(node.engine) as conn:
            entry = store.get_node(conn, recipient)
        outcome = Outcome()
        if entry is None:
            results = [
                _Result(r.message_id, "failed", "recipient not in the directory") for r in rows
            ]
            self._finish(token, recipient, rows, results, outcome)
            return outcome
        try:
            keys = load_keys(node.settings.keys_dir)
        except KeysError as exc:
            log.error("cannot sign: %s", exc)
            results = [_Result(r.message_id, "retry", "this node has no keys") for r in rows]
            self._finish(token, recipient, rows, results, outcome)
            return outcome
        size = node.settings.exchange_batch_size
        unreachable: str | None = None
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            if unreachable is not None:  # the recipient is away: the rest waits for later
                results = [_Result(r.message_id, "retry", unreachable) for r in chunk]
            else:
                results = self._post(entry, keys, chunk)
                if all(r.status == "retry" for r in results):
                    unreachable = results[0].error
            self._finish(token, recipient, chunk, results, outcome)
        return outcome

    def _post(
        self, entry: store.NodeEntry, keys: NodeKeys, rows: list[store.Leased]
    ) -> list[_Result]:
        """Post ``rows`` to ``entry`` (one request when it has the batch endpoint)."""
        signed: list[tuple[store.Leased, bytes]] = []
        results: dict[str, _Result] = {}
        for row in rows:
            if row.packet is None:
                results[row.message_id] = _Result(row.message_id, "failed", "message not found")
                continue
            data = crypto.sign_attempt(json.loads(row.packet), keys, datetime.now(UTC))
            signed.append((row, data))
        if signed and self._batch_endpoint.get(entry.id, True) and len(signed) > 1:
            answered = self._post_batch(entry, signed)
            if answered is None:  # an older node without the batch endpoint
                self._batch_endpoint[entry.id] = False
            else:
                results.update(answered)
                signed = []
        for row, data in signed:
            results[row.message_id] = self._post_one(entry, row.message_id, data)
        return [results[r.message_id] for r in rows]

    def _post_batch(
        self, entry: store.NodeEntry, signed: list[tuple[store.Leased, bytes]]
    ) -> dict[str, _Result] | None:
        content = b'{"packets":[' + b",".join(data for _, data in signed) + b"]}"
        try:
            response = self.client.post(
                entry.url + BATCH_PATH, content=content, headers=JSON_HEADERS
            )
        except httpx.HTTPError as exc:
            return {
                r.message_id: _Result(r.message_id, "retry", type(exc).__name__) for r, _ in signed
            }
        if response.status_code in (404, 405):
            return None
        if response.status_code != 200:
            reason = _reason(response)
            kind = _kind(response.status_code)
            return {r.message_id: _Result(r.message_id, kind, reason) for r, _ in signed}
        try:
            answers = response.json()["results"]
            assert isinstance(answers, list) and len(answers) == len(signed)
        except (ValueError, KeyError, TypeError, AssertionError):
            reason = "the recipient's answer to a batch is not readable"
            return {r.message_id: _Result(r.message_id, "retry", reason) for r, _ in signed}
        found: dict[str, _Result] = {}
        for (row, _), answer in zip(signed, answers, strict=True):
            code = int(answer.get("code", 500))
            if code == 200:
                found[row.message_id] = _Result(row.message_id, "delivered")
            else:
                reason = f"{code} {answer.get('reason', '')}: {answer.get('detail', '')}"
                found[row.message_id] = _Result(row.message_id, _kind(code), reason)
        return found

    def _post_one(self, entry: store.NodeEntry, message_id: str, data: bytes) -> _Result:
        try:
            response = self.client.post(entry.url + INBOX_PATH, content=data, headers=JSON_HEADERS)
        except httpx.HTTPError as exc:
            return _Result(message_id, "retry", type(exc).__name__)
        if response.status_code == 200:
            return _Result(message_id, "delivered")
        return _Result(message_id, _kind(response.status_code), _reason(response))

    def _finish(
        self,
        token: str,
        recipient: str,
        rows: list[store.Leased],
        results: list[_Result],
        outcome: Outcome,
    ) -> None:
        """Record how each attempt ended, in one transaction for the batch."""
        at = datetime.now(UTC)
        most = self.node.settings.exchange_max_attempts
        with store.write_lock(self.node.engine), transaction(self.node.engine) as conn:
            for row, result in zip(rows, results, strict=True):
                status, error = result.status, result.error
                if status == "failed":
                    log.warning("message %s refused by %s: %s", row.message_id, recipient, error)
                if status == "retry" and row.attempts >= most:
                    status, error = "failed", f"gave up after {row.attempts} attempts: {error}"
                    log.warning("message %s to %s: %s", row.message_id, recipient, error)
                store.finish(
                    conn,
                    row.message_id,
                    recipient,
                    token,
                    status="queued" if status == "retry" else status,
                    at=at,
                    error=error[:500] if error else None,
                    next_attempt_at=at + timedelta(seconds=self.backoff(row.attempts))
                    if status == "retry"
                    else None,
                )
                if status == "retry":
                    outcome.retried += 1
                else:
                    setattr(outcome, status, getattr(outcome, status) + 1)


def _kind(status_code: int) -> str:
    """An answer's meaning for the row: delivered, retry (transient) or failed (refused)."""
    if status_code == 200:
        return "delivered"
    if 400 <= status_code < 500 and status_code not in RETRYABLE_4XX:
        return "failed"
    return "retry"


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
            total.add(done)
            if once or done.attempts == 0:
                return total
    finally:
        deliverer.close()
