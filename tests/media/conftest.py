"""Helpers of the media tests: generated harmless images on disk, hash lists, a node whose
scans run in the test process (workers=0) so that captured logs see everything."""

from __future__ import annotations

from pathlib import Path

import pytest

from interlink.access.roles import Actor, Role
from interlink.media.hashes import FileHashes, hash_file
from interlink.node import Node
from interlink.settings import Settings


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        database_url=database_url,
        node_country="UA",
        media_scan_workers=0,
        media_max_image_bytes=2_000_000,
    )


def hashes_of(path: Path) -> FileHashes:
    return hash_file(path, path.name, 320, 10**9)


def write_list(path: Path, rows: list[dict[str, str]]) -> Path:
    columns = ["md5", "sha1", "sha256", "pdq", "series", "category"]
    lines = [",".join(columns)] + [",".join(r.get(c, "") for c in columns) for r in rows]
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture
def supervisor(people) -> Actor:  # type: ignore[no-untyped-def]
    return people.actor(Role.SUPERVISOR)


@pytest.fixture
def investigator(people) -> Actor:  # type: ignore[no-untyped-def]
    return people.actor(Role.INVESTIGATOR)


@pytest.fixture
def media_node(node: Node) -> Node:
    return node
