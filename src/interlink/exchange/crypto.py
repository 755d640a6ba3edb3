"""Sealing and opening messages: encrypted once, the key wrapped per recipient, signed.

The body is encrypted with a random AES-256-GCM key, bound to the envelope as associated
data, so a body cannot be moved under another envelope. That key is wrapped for each
recipient with an ephemeral X25519 agreement, HKDF-SHA256 and AES-GCM. The sender signs,
with Ed25519, the canonical bytes (sorted-key compact JSON) of the envelope, the ciphertext,
the wrapped keys and the time of the delivery attempt (``sent``): each attempt is signed
anew, so a re-delivery is fresh and the same bytes posted twice are a replay.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from interlink.exchange.keys import NodeKeys, b64, public_bytes, unb64
from interlink.exchange.messages import Body, Envelope

VERSION = 1
_WRAP_INFO = b"interlink-exchange-v1 key wrap"


class PacketError(ValueError):
    """A packet that cannot be accepted; ``reason`` is the code answered and logged."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _content(packet: dict[str, Any]) -> dict[str, Any]:
    return {k: packet[k] for k in ("v", "envelope", "nonce", "ciphertext", "keys")}


def digest(packet: dict[str, Any]) -> str:
    """SHA-256 of the signed content without the attempt's time: the same for every attempt."""
    return hashlib.sha256(canonical(_content(packet))).hexdigest()


def _kek(shared: bytes, message_id: str, recipient: str) -> bytes:
    info = _WRAP_INFO + f"|{message_id}|{recipient}".encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def seal(envelope: Envelope, body: Body, recipients: dict[str, X25519PublicKey]) -> dict[str, Any]:
    """The unsigned packet: envelope in clear, body encrypted, its key wrapped per recipient."""
    env = envelope.model_dump(mode="json")
    content_key = AESGCM.generate_key(bit_length=256)
    nonce = os.urandom(12)
    ciphertext = AESGCM(content_key).encrypt(nonce, body.model_dump_json().encode(), canonical(env))
    keys = {}
    for node_id, public in sorted(recipients.items()):
        ephemeral = X25519PrivateKey.generate()
        kek = _kek(ephemeral.exchange(public), str(envelope.id), node_id)
        wrap_nonce = os.urandom(12)
        keys[node_id] = {
            "epk": b64(public_bytes(ephemeral.public_key())),
            "nonce": b64(wrap_nonce),
            "key": b64(AESGCM(kek).encrypt(wrap_nonce, content_key, str(envelope.id).encode())),
        }
    return {
        "v": VERSION,
        "envelope": env,
        "nonce": b64(nonce),
        "ciphertext": b64(ciphertext),
        "keys": keys,
    }


def sign_attempt(packet: dict[str, Any], keys: NodeKeys, sent: datetime) -> bytes:
    """The bytes to post for one delivery attempt: the packet, its time, its signature."""
    signed = {**_content(packet), "sent": sent.astimezone(UTC).isoformat()}
    signature = keys.signing.sign(canonical(signed))
    return canonical({**signed, "signature": b64(signature)})


@dataclass(frozen=True)
class Parsed:
    """A packet read from the wire, not yet trusted."""

    packet: dict[str, Any]
    envelope: Envelope
    sent: datetime


def parse(raw: bytes | dict[str, Any]) -> Parsed:
    """Read a posted packet (bytes, or one item of a batch already read as JSON);
    PacketError("malformed") for anything not shaped like one."""
    try:
        packet = json.loads(raw) if isinstance(raw, bytes | str) else raw
        if not isinstance(packet, dict) or packet.get("v") != VERSION:
            raise ValueError("not a version-1 packet")
        for name in ("nonce", "ciphertext", "sent", "signature"):
            if not isinstance(packet.get(name), str):
                raise ValueError(f"{name} missing")
        if not isinstance(packet.get("keys"), dict) or not isinstance(packet.get("envelope"), dict):
            raise ValueError("keys or envelope missing")
        envelope = Envelope.model_validate(packet["envelope"])
        sent = datetime.fromisoformat(packet["sent"])
        if sent.tzinfo is None:
            raise ValueError("sent without a time zone")
    except (ValueError, TypeError) as exc:
        raise PacketError("malformed", f"not a message packet: {str(exc)[:200]}") from None
    return Parsed(packet, envelope, sent)


def verify(parsed: Parsed, sender_key: Ed25519PublicKey) -> None:
    """PacketError("bad_signature") unless the sender's key signed exactly these bytes."""
    packet = parsed.packet
    signed = {**_content(packet), "sent": packet["sent"]}
    try:
        sender_key.verify(unb64(packet["signature"]), canonical(signed))
    except (InvalidSignature, ValueError):
        raise PacketError("bad_signature", "the signature does not verify") from None


def open_body(parsed: Parsed, node_id: str, keys: NodeKeys) -> Body:
    """Unwrap this node's key and decrypt the body (after ``verify``)."""
    packet = parsed.packet
    wrapped = packet["keys"].get(node_id)
    if not isinstance(wrapped, dict):
        raise PacketError("not_recipient", f"no key wrapped for {node_id}")
    try:
        ephemeral = X25519PublicKey.from_public_bytes(unb64(wrapped["epk"]))
        kek = _kek(keys.encryption.exchange(ephemeral), str(parsed.envelope.id), node_id)
        content_key = AESGCM(kek).decrypt(
            unb64(wrapped["nonce"]), unb64(wrapped["key"]), str(parsed.envelope.id).encode()
        )
        plain = AESGCM(content_key).decrypt(
            unb64(packet["nonce"]), unb64(packet["ciphertext"]), canonical(packet["envelope"])
        )
    except (InvalidTag, ValueError, KeyError, TypeError):
        raise PacketError(
            "undecryptable", "the body cannot be decrypted with this node's key"
        ) from None
    try:
        return Body.model_validate_json(plain)
    except ValueError:
        raise PacketError(
            "invalid_body", "the decrypted body is not a valid message body"
        ) from None
