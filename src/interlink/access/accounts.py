"""Units, users, passwords (argon2) and API tokens.

Tokens are random and stored only as their SHA-256, so a copy of the database does not
let anyone act as a user. Repeated wrong passwords lock an account until an administrator
resets it.

A user may add a TOTP second factor (RFC 6238: 30-second steps, 6 digits, SHA-1, as every
authenticator app reads them). Its secret is sealed with a key from a file in the node's
data directory (``seal_secret``: HMAC-SHA256 in counter mode, then an HMAC tag binding the
user id), so a dump of the database alone gives no secret and no secret can be moved to
another user. A code is accepted within one step either way, once (``last_used_step``).
Wrong codes count towards the lock-out like wrong passwords, and for a user with a second
factor only a right code (not the password alone) clears the count.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, delete, select, update

from interlink.access.roles import Actor, Role
from interlink.store.schema import api_tokens, units, user_second_factors, users

MAX_FAILED_LOGINS = 10
MIN_PASSWORD_LENGTH = 12
_hasher = PasswordHasher()


class AccountError(ValueError):
    """A user-facing problem with an account (unknown unit, weak password, name taken…)."""


@dataclass(frozen=True)
class User:
    id: str
    username: str
    role: Role
    unit: str
    active: bool

    def actor(self) -> Actor:
        return Actor(id=self.id, username=self.username, role=self.role, unit=self.unit)


def _user(row: object) -> User:
    r = row._mapping  # type: ignore[attr-defined]
    return User(r["id"], r["username"], Role(r["role"]), r["unit_code"], bool(r["active"]))


def ensure_unit(conn: Connection, code: str, name: str | None = None, country: str = "XX") -> None:
    if conn.execute(select(units.c.code).where(units.c.code == code)).first() is None:
        conn.execute(units.insert().values(code=code, name=name or code, country=country))


def list_units(conn: Connection) -> list[tuple[str, str, str]]:
    rows = conn.execute(select(units.c.code, units.c.name, units.c.country).order_by(units.c.code))
    return [(r.code, r.name, r.country) for r in rows]


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"password: at least {MIN_PASSWORD_LENGTH} characters")


def add_user(conn: Connection, username: str, role: Role, unit: str, password: str) -> User:
    username = username.strip()
    if not username or len(username) > 100 or any(c.isspace() for c in username):
        raise AccountError("username: 1-100 characters, no spaces")
    check_password_strength(password)
    if conn.execute(select(users.c.id).where(users.c.username == username)).first():
        raise AccountError(f"username: '{username}' is taken")
    if conn.execute(select(units.c.code).where(units.c.code == unit)).first() is None:
        raise AccountError(f"unit: no unit '{unit}' (add it with `interlink units add`)")
    user_id = str(uuid.uuid4())
    conn.execute(
        users.insert().values(
            id=user_id,
            username=username,
            password_hash=_hasher.hash(password),
            role=role.value,
            unit_code=unit,
            active=True,
            failed_logins=0,
            created_at=datetime.now(UTC),
        )
    )
    return User(user_id, username, role, unit, True)


def get_user(conn: Connection, username: str) -> User | None:
    row = conn.execute(select(users).where(users.c.username == username)).first()
    return _user(row) if row else None


def user_by_id(conn: Connection, user_id: str) -> User | None:
    row = conn.execute(select(users).where(users.c.id == user_id)).first()
    return _user(row) if row else None


def list_users(conn: Connection) -> list[User]:
    return [_user(r) for r in conn.execute(select(users).order_by(users.c.username))]


def set_password(conn: Connection, username: str, password: str) -> None:
    check_password_strength(password)
    done = conn.execute(
        update(users)
        .where(users.c.username == username)
        .values(password_hash=_hasher.hash(password), failed_logins=0)
    )
    if done.rowcount == 0:
        raise AccountError(f"username: no user '{username}'")


def set_active(conn: Connection, username: str, active: bool) -> None:
    done = conn.execute(
        update(users).where(users.c.username == username).values(active=active, failed_logins=0)
    )
    if done.rowcount == 0:
        raise AccountError(f"username: no user '{username}'")


def authenticate(conn: Connection, username: str, password: str) -> User | None:
    """The user if the password is right and the account is active and not locked."""
    row = conn.execute(select(users).where(users.c.username == username)).first()
    if row is None:
        _hasher.hash(password)  # same time whether or not the user exists
        return None
    m = row._mapping
    if not m["active"] or m["failed_logins"] >= MAX_FAILED_LOGINS:
        return None
    try:
        _hasher.verify(m["password_hash"], password)
    except (VerificationError, InvalidHashError):
        conn.execute(
            update(users)
            .where(users.c.id == m["id"])
            .values(failed_logins=users.c.failed_logins + 1)
        )
        return None
    # With a second factor the password alone proves too little to clear the count: an
    # attacker who knows it must not get fresh guesses at the code by typing it again.
    if m["failed_logins"] and not has_second_factor(conn, str(m["id"])):
        conn.execute(update(users).where(users.c.id == m["id"]).values(failed_logins=0))
    return _user(row)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(conn: Connection, user: User, minutes: int) -> tuple[str, datetime]:
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    expires = now + timedelta(minutes=minutes)
    conn.execute(
        api_tokens.insert().values(
            token_hash=_digest(token), user_id=user.id, created_at=now, expires_at=expires
        )
    )
    conn.execute(delete(api_tokens).where(api_tokens.c.expires_at < now))
    return token, expires


def user_for_token(conn: Connection, token: str) -> User | None:
    row = conn.execute(
        select(users, api_tokens.c.expires_at)
        .join(api_tokens, api_tokens.c.user_id == users.c.id)
        .where(api_tokens.c.token_hash == _digest(token))
    ).first()
    if row is None or not row._mapping["active"]:
        return None
    expires = row._mapping["expires_at"]
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=UTC)
    if expires < datetime.now(UTC):
        return None
    return _user(row)


def revoke_token(conn: Connection, token: str) -> None:
    conn.execute(delete(api_tokens).where(api_tokens.c.token_hash == _digest(token)))


# -- second factor (TOTP) ------------------------------------------------------------------

TOTP_ISSUER = "Interlink"
TOTP_STEP = 30
TOTP_DIGITS = 6
TOTP_WINDOW = 1  # steps either side of now: a phone clock a little off still works
_SEAL_VERSION = "v1"


def _subkey(key: bytes, purpose: bytes) -> bytes:
    return hmac.new(key, b"interlink second factor " + purpose, hashlib.sha256).digest()


def _keystream(key: bytes, nonce: bytes, length: int) -> bytes:
    out = b""
    counter = 0
    while len(out) < length:
        out += hmac.new(key, nonce + counter.to_bytes(4, "big"), hashlib.sha256).digest()
        counter += 1
    return out[:length]


def seal_secret(key: bytes, user_id: str, secret: str) -> str:
    """The secret encrypted (HMAC-SHA256 keystream) and authenticated (HMAC-SHA256 tag over
    the nonce, the ciphertext and the user id) with subkeys of ``key``."""
    nonce = secrets.token_bytes(16)
    plain = secret.encode()
    stream = _keystream(_subkey(key, b"encrypt"), nonce, len(plain))
    cipher = bytes(a ^ b for a, b in zip(plain, stream, strict=True))
    tag = hmac.new(_subkey(key, b"tag"), nonce + cipher + user_id.encode(), hashlib.sha256)
    parts = (nonce, cipher, tag.digest())
    return _SEAL_VERSION + ":" + ":".join(base64.urlsafe_b64encode(p).decode() for p in parts)


def open_secret(key: bytes, user_id: str, sealed: str) -> str:
    """The secret ``seal_secret`` sealed for this user; AccountError if it was altered,
    sealed for another user or with another key."""
    try:
        version, *parts = sealed.split(":")
        nonce, cipher, tag = (base64.urlsafe_b64decode(p) for p in parts)
    except ValueError:
        raise AccountError("second factor: the stored secret is unreadable") from None
    expected = hmac.new(_subkey(key, b"tag"), nonce + cipher + user_id.encode(), hashlib.sha256)
    if version != _SEAL_VERSION or not hmac.compare_digest(tag, expected.digest()):
        raise AccountError("second factor: the stored secret does not open with this key")
    stream = _keystream(_subkey(key, b"encrypt"), nonce, len(cipher))
    return bytes(a ^ b for a, b in zip(cipher, stream, strict=True)).decode()


def _factor_row(conn: Connection, user_id: str) -> object | None:
    query = select(user_second_factors).where(user_second_factors.c.user_id == user_id)
    return conn.execute(query).first()


def has_second_factor(conn: Connection, user_id: str) -> bool:
    """Whether the user has a confirmed second factor (sign-in then asks for a code)."""
    row = conn.execute(
        select(user_second_factors.c.confirmed_at).where(user_second_factors.c.user_id == user_id)
    ).first()
    return row is not None and row.confirmed_at is not None


def _totp(secret: str) -> pyotp.TOTP:
    return pyotp.TOTP(secret, digits=TOTP_DIGITS, interval=TOTP_STEP)


def provisioning_uri(secret: str, username: str) -> str:
    """The ``otpauth://`` URI an authenticator app reads from the QR code."""
    return _totp(secret).provisioning_uri(name=username, issuer_name=TOTP_ISSUER)


def enrol_second_factor(conn: Connection, key: bytes, user_id: str) -> str:
    """Start enrolment: a new secret, stored sealed and unconfirmed (replacing an earlier
    unconfirmed one). AccountError when a confirmed factor exists (remove it first)."""
    if has_second_factor(conn, user_id):
        raise AccountError("second factor: already set up; remove it first")
    secret = pyotp.random_base32()
    conn.execute(delete(user_second_factors).where(user_second_factors.c.user_id == user_id))
    conn.execute(
        user_second_factors.insert().values(
            user_id=user_id,
            secret=seal_secret(key, user_id, secret),
            enrolled_at=datetime.now(UTC),
            confirmed_at=None,
            last_used_step=None,
        )
    )
    return secret


def pending_second_factor(conn: Connection, key: bytes, user_id: str) -> str | None:
    """The secret of an enrolment not yet confirmed (to show its QR code again)."""
    row = _factor_row(conn, user_id)
    if row is None or row._mapping["confirmed_at"] is not None:  # type: ignore[attr-defined]
        return None
    return open_secret(key, user_id, row._mapping["secret"])  # type: ignore[attr-defined]


def _matching_step(secret: str, code: str, last_used: int | None, now: float) -> int | None:
    """The time step whose code ``code`` is, within the window and after ``last_used``."""
    code = "".join(code.split())
    if len(code) != TOTP_DIGITS or not code.isdigit():
        return None
    totp = _totp(secret)
    current = int(now // TOTP_STEP)
    for step in range(current - TOTP_WINDOW, current + TOTP_WINDOW + 1):
        if last_used is not None and step <= last_used:
            continue
        if hmac.compare_digest(totp.at(step * TOTP_STEP), code):
            return step
    return None


def confirm_second_factor(
    conn: Connection, key: bytes, user_id: str, code: str, now: float | None = None
) -> bool:
    """Finish enrolment with a first code from the app; False if the code is wrong."""
    secret = pending_second_factor(conn, key, user_id)
    if secret is None:
        return False
    step = _matching_step(secret, code, None, time.time() if now is None else now)
    if step is None:
        return False
    conn.execute(
        update(user_second_factors)
        .where(user_second_factors.c.user_id == user_id)
        .values(confirmed_at=datetime.now(UTC), last_used_step=step)
    )
    return True


def verify_second_factor(
    conn: Connection, key: bytes, user_id: str, code: str, now: float | None = None
) -> bool:
    """Check a sign-in code: right, not used before, the account active and not locked.
    A wrong code counts as a failed sign-in; a right one clears the count."""
    row = conn.execute(
        select(users.c.active, users.c.failed_logins, user_second_factors)
        .join(user_second_factors, user_second_factors.c.user_id == users.c.id)
        .where(users.c.id == user_id)
    ).first()
    if row is None or row.confirmed_at is None:
        return False
    if not row.active or row.failed_logins >= MAX_FAILED_LOGINS:
        return False
    secret = open_secret(key, user_id, row.secret)
    when = time.time() if now is None else now
    step = _matching_step(secret, code, row.last_used_step, when)
    if step is None:
        conn.execute(
            update(users)
            .where(users.c.id == user_id)
            .values(failed_logins=users.c.failed_logins + 1)
        )
        return False
    # Only one sign-in may use a step, even two at once: the update checks the old value.
    used = conn.execute(
        update(user_second_factors)
        .where(
            user_second_factors.c.user_id == user_id,
            (user_second_factors.c.last_used_step.is_(None))
            | (user_second_factors.c.last_used_step < step),
        )
        .values(last_used_step=step)
    )
    if used.rowcount != 1:
        return False
    conn.execute(update(users).where(users.c.id == user_id).values(failed_logins=0))
    return True


def remove_second_factor(conn: Connection, user_id: str) -> bool:
    """Remove a user's second factor (confirmed or not); True if there was one."""
    done = conn.execute(delete(user_second_factors).where(user_second_factors.c.user_id == user_id))
    return bool(done.rowcount)
