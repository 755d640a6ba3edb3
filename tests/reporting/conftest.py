"""Fixtures of the reporting tests: the small known world on a fresh node of each database."""

from __future__ import annotations

import pytest

from tests.cli.conftest import cli  # noqa: F401  (the `interlink` command on the same node)
from tests.reporting.world import World, build_world


@pytest.fixture
def world(node, people) -> World:
    return build_world(node, people)
