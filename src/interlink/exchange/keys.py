"""This node's exchange keys: an Ed25519 key that signs what it sends and an X25519 key that
opens what is sent to it.

The private keys live in files under ``data_dir/keys`` (mode 0600), never in the database or
a log: a copy of the database alone cannot sign as this node nor read its mail. Public keys
travel as raw 32 bytes in base64, in the directory entry an administrator hands to others.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

SIGNING_FILE = "signing.key"
ENCRYPTION_FILE = "encryption.key"


class KeysError(Exception):
    """The keys are missing or unreadable; the message says what to run."""


@dataclass(frozen=True)
class NodeKeys:
    signing: Ed25519PrivateKey
    encryption: X25519PrivateKey

    @property
    def signing_public(self) -> str:
        return b64(public_bytes(self.signing.public_key()))

    @property
    def encryption_public(self) -> str:
        return b64(public_bytes(self.encryption.public_key()))


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def public_bytes(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _private_bytes(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


def signing_public_key(text: str) -> Ed25519PublicKey:
    """A directory entry's signing key; ValueError names what is wrong."""
    try:
        return Ed25519PublicKey.from_public_bytes(unb64(text))
    except Exception:
        raise ValueError("not a base64 Ed25519 public key (32 bytes)") from None


def encryption_public_key(text: str) -> X25519PublicKey:
    try:
        return X25519PublicKey.from_public_bytes(unb64(text))
    except Exception:
        raise ValueError("not a base64 X25519 public key (32 bytes)") from None


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(b64(data) + "\n")
    os.chmod(path, 0o600)


def init_keys(keys_dir: Path, *, force: bool = False) -> NodeKeys:
    """Generate both keys; refuses to replace existing ones unless ``force``."""
    signing_path, encryption_path = keys_dir / SIGNING_FILE, keys_dir / ENCRYPTION_FILE
    if not force and (signing_path.exists() or encryption_path.exists()):
        raise KeysError(
            f"keys exist already in {keys_dir}: other nodes know their public halves; "
            "use --force only if you mean to replace them (and hand out the new entry)"
        )
    keys_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(keys_dir, 0o700)
    keys = NodeKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    _write_private(signing_path, _private_bytes(keys.signing))
    _write_private(encryption_path, _private_bytes(keys.encryption))
    load_keys.cache_clear()
    return keys


@lru_cache(maxsize=8)
def load_keys(keys_dir: Path) -> NodeKeys:
    try:
        signing = unb64((keys_dir / SIGNING_FILE).read_text().strip())
        encryption = unb64((keys_dir / ENCRYPTION_FILE).read_text().strip())
        return NodeKeys(
            Ed25519PrivateKey.from_private_bytes(signing),
            X25519PrivateKey.from_private_bytes(encryption),
        )
    except FileNotFoundError:
        raise KeysError(f"no exchange keys in {keys_dir}: run `interlink keys init`") from None
    except ValueError:
        raise KeysError(f"the exchange keys in {keys_dir} are unreadable") from None
