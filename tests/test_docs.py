"""The reference docs are generated from the code; the committed copies must be current,
and the README's commands must exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from interlink.cli import app
from interlink.docgen import GENERATED

DOCS = Path(__file__).resolve().parent.parent / "docs"
README = Path(__file__).resolve().parent.parent / "README.md"


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_reference_is_current(name: str) -> None:
    committed = (DOCS / name).read_text(encoding="utf-8")
    assert committed == GENERATED[name](), f"run: python -m interlink.docgen docs/ ({name})"


def test_readme_opens_with_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    first_commands = re.findall(r"^make (\w+)", text, flags=re.MULTILINE)[:2]
    assert first_commands == ["demo", "test"]


def test_every_interlink_command_in_the_readme_exists() -> None:
    import click
    import typer

    root = typer.main.get_command(app)
    text = README.read_text(encoding="utf-8")
    seen = 0
    for line in re.findall(r"^\s*interlink (.+)$", text, flags=re.MULTILINE):
        command: click.Command = root
        for word in line.split():
            if not isinstance(command, click.Group) or word.startswith("-"):
                break
            sub = command.commands.get(word)
            assert sub is not None, f"`interlink {line}`: no command '{word}'"
            command = sub
        assert not isinstance(command, click.Group), f"`interlink {line}` names a group only"
        seen += 1
    assert seen >= 10
