"""The exchange's commands in-process: keys, the directory (administrators only), and
messages sent and listed as a named user; bad input names the field, exit code 2."""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from interlink.access import Role
from interlink.access.accounts import add_user, ensure_unit
from interlink.cli import app
from interlink.exchange.keys import init_keys
from interlink.store.db import transaction
from tests.conftest import PASSWORD


@pytest.fixture
def cli(node, tmp_path: Path):
    env = {
        "INTERLINK_DATABASE_URL": node.settings.sqlalchemy_url,
        "INTERLINK_DATA_DIR": str(node.settings.data_dir),
        "INTERLINK_NODE_COUNTRY": "UA",
        "INTERLINK_PUBLIC_URL": "https://ua.example:8443",
        "INTERLINK_USER": "",
    }
    with transaction(node.engine) as conn:
        ensure_unit(conn, "UA-NCB", "NCB", "UA")
        add_user(conn, "admin", Role.ADMINISTRATOR, "UA-NCB", PASSWORD)
        add_user(conn, "ncb", Role.NCB_OFFICER, "UA-NCB", PASSWORD)
        add_user(conn, "inv", Role.INVESTIGATOR, "UA-NCB", PASSWORD)

    def run(*args: str):
        return CliRunner().invoke(app, list(args), env=env)

    return run


def test_keys_init_show_and_refuse_overwrite(cli, node) -> None:
    done = cli("keys", "init")
    assert done.exit_code == 0, done.output
    keys_dir = node.settings.keys_dir
    for name in ("signing.key", "encryption.key"):
        assert stat.S_IMODE(os.stat(keys_dir / name).st_mode) == 0o600
    again = cli("keys", "init")
    assert again.exit_code == 2 and "--force" in again.output
    entry = json.loads(cli("keys", "show").output)
    assert (entry["id"], entry["role"], entry["url"]) == (
        "UA",
        "national",
        "https://ua.example:8443",
    )
    assert entry["signing_key"] in done.output


def test_nodes_add_from_file_list_remove(cli, tmp_path: Path) -> None:
    de = init_keys(tmp_path / "de")
    entry = {
        "id": "DE",
        "role": "national",
        "url": "https://de.example",
        "signing_key": de.signing_public,
        "encryption_key": de.encryption_public,
    }
    path = tmp_path / "de.json"
    path.write_text(json.dumps(entry))
    refused = cli("nodes", "add", "--from-file", str(path), "--user", "ncb")
    assert refused.exit_code == 3  # not an administrator
    done = cli("nodes", "add", "--from-file", str(path), "--user", "admin")
    assert done.exit_code == 0, done.output
    assert cli("nodes", "list", "--user", "admin").output.split() == [
        "DE",
        "national",
        "https://de.example",
    ]
    bad = cli(
        "nodes",
        "add",
        "FR",
        "--role",
        "national",
        "--url",
        "https://fr.example",
        "--signing-key",
        "abc",
        "--encryption-key",
        de.encryption_public,
        "--user",
        "admin",
    )
    assert bad.exit_code == 2 and "signing_key" in bad.output
    assert cli("nodes", "remove", "DE", "--user", "admin").exit_code == 0
    assert cli("nodes", "list", "--user", "admin").output == ""


def test_messages_send_list_status(cli, tmp_path: Path) -> None:
    assert cli("keys", "init").exit_code == 0
    de = init_keys(tmp_path / "de")
    assert (
        cli(
            "nodes",
            "add",
            "DE",
            "--role",
            "national",
            "--url",
            "http://127.0.0.1:9",
            "--signing-key",
            de.signing_public,
            "--encryption-key",
            de.encryption_public,
            "--user",
            "admin",
        ).exit_code
        == 0
    )
    sent = cli(
        "messages", "send", "--to", "DE", "--subject", "hello", "--text", "t", "--user", "ncb"
    )
    assert sent.exit_code == 0, sent.output
    mid = sent.output.strip()
    listed = cli("messages", "list", "--box", "outbox", "--user", "ncb").output
    assert mid in listed and "UA->DE" in listed and "hello" in listed
    assert cli("messages", "status", mid, "--user", "ncb").output.split()[:2] == ["DE", "queued"]
    assert cli("messages", "send", "--to", "PL", "--user", "ncb").exit_code == 2
    assert cli("messages", "send", "--to", "DE", "--user", "inv").exit_code == 3
    delivered = cli("exchange", "deliver", "--once")  # nobody listens at 127.0.0.1:9
    assert delivered.exit_code == 0 and "to retry 1" in delivered.output
    # Given up after the bounded attempts: listed as failed, with the reason.
    time.sleep(1.3)  # the retry is due after 1 s (with jitter)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("INTERLINK_EXCHANGE_MAX_ATTEMPTS", "2")
        assert "failed 1" in cli("exchange", "deliver", "--once").output
    failed = cli("messages", "failed", "--user", "ncb").output
    assert mid in failed and "gave up after" in failed
    assert cli("exchange", "dead-letters", "--user", "admin").output == ""
    assert cli("exchange", "dead-letters", "--user", "ncb").exit_code == 3
