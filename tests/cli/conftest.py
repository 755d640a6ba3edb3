"""Run the `interlink` command in-process against a fresh node of each database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from interlink.cli import app

USERS = {
    "inv": ("investigator", "UA-KYIV"),
    "analyst": ("analyst", "UA-KYIV"),
    "sup": ("supervisor", "UA-KYIV"),
    "dpo": ("data_protection_officer", "UA-KYIV"),
    "lviv": ("investigator", "UA-LVIV"),
}


@dataclass
class Cli:
    env: dict[str, str]
    tmp: Path

    def __call__(self, *args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(app, list(args), env=self.env, input=input)

    def file(self, name: str, text: str, encoding: str = "utf-8") -> Path:
        path = self.tmp / name
        path.write_bytes(text.encode(encoding))
        return path


@pytest.fixture
def cli(database_url: str, tmp_path: Path) -> Cli:
    env = {
        "INTERLINK_DATABASE_URL": database_url,
        "INTERLINK_DATA_DIR": str(tmp_path / "data"),
        "INTERLINK_NODE_COUNTRY": "UA",
        "INTERLINK_USER": "",
    }
    runner = Cli(env, tmp_path)
    assert runner("init").exit_code == 0
    for code in ("UA-KYIV", "UA-LVIV"):
        done = runner("units", "add", code, "--name", f"Unit {code}", "--country", "UA")
        assert done.exit_code == 0, done.output
    for name, (role, unit) in USERS.items():
        done = runner(
            "users",
            "add",
            name,
            "--role",
            role,
            "--unit",
            unit,
            "--password-stdin",
            input="cli-password-123\n",
        )
        assert done.exit_code == 0, done.output
    return runner
