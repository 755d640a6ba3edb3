"""The browser session: a signed cookie pointing at a server-side sign-in record.

The cookie holds a sign-in token (an ``accounts`` token, stored in the database only as
its hash, so sign-out and account deactivation end the session on the server), the CSRF
token of the session's forms, the time of the last request (for sign-out after inactivity)
and the stated purpose of the session's searches. It is signed with an HMAC key kept in
the node's data directory, so none of these can be altered by the browser. Signed, not
encrypted: it holds nothing the user does not know already. Between a right password and
the second factor's code it holds the user's id (``pending``), never a token.

A visitor who is not signed in gets a session without a token, so that the sign-in form
is protected against cross-site submission too.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

COOKIE = "interlink_session"
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


@dataclass(frozen=True)
class Session:
    csrf: str
    seen: int  # seconds since the epoch of the last request
    token: str | None = None
    purpose: str | None = None
    pending: str | None = None  # a user id whose password was right, awaiting their code
    pending_at: int = 0

    @classmethod
    def anonymous(cls) -> Session:
        return cls(csrf=secrets.token_urlsafe(32), seen=int(time.time()))

    def signed_in(self, token: str) -> Session:
        """A new session for a user who just signed in: fresh CSRF token, no purpose yet."""
        return Session(csrf=secrets.token_urlsafe(32), seen=int(time.time()), token=token)

    def awaiting_code(self, user_id: str) -> Session:
        """The password was right; the second factor is still to come (no token yet)."""
        now = int(time.time())
        return Session(csrf=secrets.token_urlsafe(32), seen=now, pending=user_id, pending_at=now)

    def touched(self) -> Session:
        return replace(self, seen=int(time.time()))

    def with_purpose(self, purpose: str | None) -> Session:
        return replace(self, purpose=purpose)

    def idle_for(self, now: float | None = None) -> float:
        return (now if now is not None else time.time()) - self.seen


def load_or_create_key(path: Path) -> bytes:
    """The cookie key; several workers may start at once, so it is created atomically."""
    for _ in range(50):
        if path.exists():
            text = path.read_text().strip()
            if text:
                return bytes.fromhex(text)
            time.sleep(0.05)  # another worker is writing it
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_bytes(32).hex())
        try:
            os.link(tmp, path)  # fails if another worker got there first: use theirs
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    raise RuntimeError(f"the web session key {path} is empty")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode(key: bytes, session: Session) -> str:
    payload = _b64(json.dumps(asdict(session), separators=(",", ":")).encode())
    return f"{payload}.{_b64(hmac.new(key, payload.encode(), hashlib.sha256).digest())}"


def decode(key: bytes, cookie: str | None) -> Session | None:
    """The session in a cookie, or None when it is missing, malformed or not signed by us."""
    if not cookie or "." not in cookie or len(cookie) > 4000:
        return None
    payload, signature = cookie.rsplit(".", 1)
    expected = _b64(hmac.new(key, payload.encode(), hashlib.sha256).digest())
    if not hmac.compare_digest(signature, expected):
        return None
    try:
        data = json.loads(_unb64(payload))
        return Session(
            csrf=str(data["csrf"]),
            seen=int(data["seen"]),
            token=data.get("token"),
            purpose=data.get("purpose"),
            pending=data.get("pending"),
            pending_at=int(data.get("pending_at") or 0),
        )
    except (ValueError, KeyError, TypeError):
        return None


def cookie_options(scheme: str, host: str) -> dict[str, object]:
    """Secure everywhere but plain http on the loopback address (tests, a local demo).

    No expiry: the browser forgets the cookie when it closes (shared workstations); the
    server ends the session after inactivity or ``web_session_max_hours`` in any case.
    """
    secure = scheme == "https" or host not in LOOPBACK
    return {"httponly": True, "samesite": "strict", "secure": secure, "path": "/"}
