"""Real node processes: `interlink serve` started by the tests, on 127.0.0.1 only."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

BIN = Path(sys.executable).parent / "interlink"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cli_env(database_url: str, data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INTERLINK_")}
    env.update(
        INTERLINK_DATABASE_URL=database_url,
        INTERLINK_DATA_DIR=str(data_dir),
        INTERLINK_NODE_COUNTRY="UA",
    )
    return env


def run_cli(
    env: dict[str, str], *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN), *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


START_SECONDS = 120  # importing the whole app took 20-30 s on the loaded 2-core machine


def log_tail(path: Path, limit: int = 20_000) -> str:
    """The end of a served node's output (its errors and incident tracebacks)."""
    try:
        return path.read_text(errors="replace")[-limit:]
    except OSError:
        return ""


@contextmanager
def serving(env: dict[str, str], *args: str, log: Path | None = None) -> Iterator[str]:
    """`interlink serve` on a free port of 127.0.0.1 until the block ends; yields its URL
    once /api/health answers (the test fails with the server's output otherwise).

    The server's output goes to a file (``log``, or a temporary one), never to a pipe: a
    pipe nobody reads fills up and then blocks the server in the middle of a request. A
    test that fails can show the file (``log_tail``), where the server logs every incident
    with its traceback."""
    port = free_port()
    if log is None:
        fd, name = tempfile.mkstemp(prefix="interlink-serve-", suffix=".log")
        os.close(fd)
        log = Path(name)
    with log.open("ab") as out:
        proc = subprocess.Popen(
            [str(BIN), "serve", "--port", str(port), *args],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_SECONDS
    try:
        while True:
            try:
                if httpx.get(f"{url}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the node did not start (exit code {proc.poll()}):\n" + log_tail(log))
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


class LiveNode:
    def __init__(self, url: str, env: dict[str, str]) -> None:
        self.url = url
        self.env = env

    def token(self, username: str, password: str) -> dict[str, str]:
        r = httpx.post(f"{self.url}/api/token", data={"username": username, "password": password})
        r.raise_for_status()
        return {"Authorization": f"Bearer {r.json()['access_token']}"}


@pytest.fixture
def live_node(database_url: str, tmp_path: Path) -> Iterator[LiveNode]:
    """A node with two API workers; units UA-KYIV and users inv1/inv2 (password below)."""
    env = cli_env(database_url, tmp_path / "data")
    for args, stdin in (
        (("init",), None),
        (("units", "add", "UA-KYIV", "--name", "Kyiv unit", "--country", "UA"), None),
        (
            (
                "users",
                "add",
                "inv1",
                "--role",
                "investigator",
                "--unit",
                "UA-KYIV",
                "--password-stdin",
            ),
            "live-password-1\n",
        ),
        (
            (
                "users",
                "add",
                "inv2",
                "--role",
                "investigator",
                "--unit",
                "UA-KYIV",
                "--password-stdin",
            ),
            "live-password-1\n",
        ),
    ):
        done = run_cli(env, *args, stdin=stdin)
        assert done.returncode == 0, done.stderr
    with serving(env, "--workers", "2") as url:
        yield LiveNode(url, env)
