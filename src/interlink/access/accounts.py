"""Units, users, passwords (argon2) and API tokens.

Tokens are random and stored only as their SHA-256, so a copy of the database does not
let anyone act as a user. Repeated wrong passwords lock an account until an administrator
resets it.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, delete, select, update

from interlink.access.roles import Actor, Role
from interlink.store.schema import api_tokens, units, users

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
    if m["failed_logins"]:
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
