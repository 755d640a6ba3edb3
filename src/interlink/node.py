"""A running node's shared parts: settings, database engine and audit key.

The API, the CLI and the tests each open one Node and pass it to the areas.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import Engine

from interlink.access.audit import load_or_create_key
from interlink.settings import Settings, get_settings
from interlink.store.db import engine_for


@dataclass
class Node:
    settings: Settings

    @cached_property
    def engine(self) -> Engine:
        return engine_for(self.settings.sqlalchemy_url)

    @cached_property
    def audit_key(self) -> bytes:
        return load_or_create_key(self.settings.audit_key_path)


def open_node(settings: Settings | None = None) -> Node:
    return Node(settings or get_settings())
