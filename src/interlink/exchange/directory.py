"""The directory of nodes: who this node exchanges with, where and under which keys.

Only administrators change it (``MANAGE_NODES``), and every change is audited: an entry
decides whose signatures this node believes and for whom it encrypts.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from interlink.access import audit
from interlink.access.policy import has_capability
from interlink.access.roles import Actor, Capability
from interlink.exchange.keys import encryption_public_key, load_keys, signing_public_key
from interlink.node import Node
from interlink.records.errors import Forbidden, Invalid, NotFound
from interlink.store import exchange as store
from interlink.store.db import reading, transaction

NODE_ID = re.compile(r"^(GS|[A-Z]{2})$")


class DirectoryEntry(BaseModel):
    """A node as another administrator hands it over (``interlink keys show``)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: str = Field(description="Country code (ISO 3166-1 alpha-2) or GS for the Secretariat.")
    role: str = Field(pattern="^(national|secretariat)$")
    url: str = Field(description="Base URL of the node's API, e.g. https://ncb.example:8443.")
    signing_key: str = Field(description="Ed25519 public key, base64 of 32 bytes.")
    encryption_key: str = Field(description="X25519 public key, base64 of 32 bytes.")

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        value = value.upper()
        if not NODE_ID.match(value):
            raise ValueError("a node id is a two-letter country code or GS")
        return value

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not re.match(r"^https?://[^\s/]+(:\d+)?(/[^\s]*)?$", value):
            raise ValueError("an http:// or https:// URL")
        return value.rstrip("/")

    @field_validator("signing_key")
    @classmethod
    def _signing(cls, value: str) -> str:
        signing_public_key(value)
        return value

    @field_validator("encryption_key")
    @classmethod
    def _encryption(cls, value: str) -> str:
        encryption_public_key(value)
        return value


def parse_entry(data: dict[str, Any]) -> DirectoryEntry:
    """A directory entry from user input; Invalid names the first bad field."""
    try:
        entry = DirectoryEntry.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"]) or "entry"
        raise Invalid(f"{loc}: {first['msg']}", field=loc) from None
    if (entry.id == "GS") != (entry.role == "secretariat"):
        raise Invalid("role: the Secretariat is GS and GS is the Secretariat", field="role")
    return entry


def _require(actor: Actor) -> None:
    if not has_capability(actor, Capability.MANAGE_NODES):
        raise Forbidden("your role may not manage the directory of nodes")


def own_entry(node: Node) -> DirectoryEntry:
    """This node's entry, to hand to the administrators of other nodes."""
    keys = load_keys(node.settings.keys_dir)
    return DirectoryEntry(
        id=node.settings.node_id,
        role=node.settings.node_role,
        url=node.settings.public_url,
        signing_key=keys.signing_public,
        encryption_key=keys.encryption_public,
    )


def add(node: Node, actor: Actor, entry: DirectoryEntry) -> bool:
    """Add or replace a node's entry; True when new."""
    _require(actor)
    if entry.id == node.settings.node_id:
        raise Invalid(f"id: {entry.id} is this node itself", field="id")
    with transaction(node.engine) as conn:
        new = store.put_node(
            conn,
            store.NodeEntry(
                entry.id, entry.role, entry.url, entry.signing_key, entry.encryption_key
            ),
            datetime.now(UTC),
            actor.username,
        )
        audit.write(
            conn,
            node.audit_key,
            actor,
            "exchange_node_add" if new else "exchange_node_replace",
            details={"node": entry.id, "role": entry.role},
        )
    return new


def remove(node: Node, actor: Actor, node_id: str) -> None:
    _require(actor)
    with transaction(node.engine) as conn:
        if not store.remove_node(conn, node_id.upper()):
            raise NotFound(f"no node {node_id.upper()} in the directory")
        audit.write(
            conn, node.audit_key, actor, "exchange_node_remove", details={"node": node_id.upper()}
        )


def entries(node: Node, actor: Actor) -> list[store.NodeEntry]:
    _require(actor)
    with reading(node.engine) as conn:
        return store.list_nodes(conn)
