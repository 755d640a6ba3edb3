"""TOTP second factor: sealed secret, enrolment and confirmation, replay, lock-out."""

from __future__ import annotations

import time

import pyotp
import pytest
from sqlalchemy import select

from interlink.access import Role
from interlink.access.accounts import (
    MAX_FAILED_LOGINS,
    TOTP_STEP,
    AccountError,
    authenticate,
    confirm_second_factor,
    enrol_second_factor,
    get_user,
    has_second_factor,
    open_secret,
    pending_second_factor,
    remove_second_factor,
    seal_secret,
    verify_second_factor,
)
from interlink.store.db import transaction
from interlink.store.schema import user_second_factors, users
from tests.conftest import PASSWORD

KEY = b"k" * 32


def test_sealed_secret_opens_only_with_its_key_and_user():
    sealed = seal_secret(KEY, "user-1", "JBSWY3DPEHPK3PXP")
    assert "JBSWY3DPEHPK3PXP" not in sealed
    assert open_secret(KEY, "user-1", sealed) == "JBSWY3DPEHPK3PXP"
    assert seal_secret(KEY, "user-1", "JBSWY3DPEHPK3PXP") != sealed  # a fresh nonce
    for key, user, text in (
        (b"x" * 32, "user-1", sealed),
        (KEY, "user-2", sealed),
        (KEY, "user-1", sealed[:-4] + "AAA="),
        (KEY, "user-1", "garbage"),
    ):
        with pytest.raises(AccountError):
            open_secret(key, user, text)


def _code(secret: str, at: float) -> str:
    return pyotp.TOTP(secret).at(at)


def test_enrol_confirm_verify_once_remove(node, people):
    actor = people.actor(Role.INVESTIGATOR)
    now = time.time()
    with transaction(node.engine) as conn:
        user = get_user(conn, actor.username)
        assert user is not None
        secret = enrol_second_factor(conn, KEY, user.id)
        stored = conn.execute(select(user_second_factors.c.secret)).scalar_one()
        assert secret not in stored  # a database dump alone does not give the secret
        assert not has_second_factor(conn, user.id)  # not before a first code
        assert pending_second_factor(conn, KEY, user.id) == secret
        wrong = "000000" if _code(secret, now) != "000000" else "111111"
        assert not confirm_second_factor(conn, KEY, user.id, wrong, now)
        assert confirm_second_factor(conn, KEY, user.id, _code(secret, now), now)
        assert has_second_factor(conn, user.id)
        assert pending_second_factor(conn, KEY, user.id) is None
        with pytest.raises(AccountError):
            enrol_second_factor(conn, KEY, user.id)
        # The confirming code's step is used: the same code does not sign in again.
        assert not verify_second_factor(conn, KEY, user.id, _code(secret, now), now)
        later = now + TOTP_STEP
        assert verify_second_factor(conn, KEY, user.id, _code(secret, later), later)
        assert not verify_second_factor(conn, KEY, user.id, _code(secret, later), later)
        # One step of clock drift either way is accepted, more is not.
        ahead = later + 2 * TOTP_STEP
        assert verify_second_factor(conn, KEY, user.id, _code(secret, ahead + TOTP_STEP), ahead)
        far = ahead + 10 * TOTP_STEP
        assert not verify_second_factor(conn, KEY, user.id, _code(secret, far + 3 * TOTP_STEP), far)
        assert remove_second_factor(conn, user.id)
        assert not has_second_factor(conn, user.id)
        assert not verify_second_factor(conn, KEY, user.id, _code(secret, far), far)


def test_wrong_codes_lock_the_account_and_the_password_does_not_unlock(node, people):
    actor = people.actor(Role.INVESTIGATOR)
    now = time.time()
    with transaction(node.engine) as conn:
        user = get_user(conn, actor.username)
        assert user is not None
        secret = enrol_second_factor(conn, KEY, user.id)
        assert confirm_second_factor(conn, KEY, user.id, _code(secret, now), now)
        right = _code(secret, now + 5 * TOTP_STEP)
        wrong = "123456" if right != "123456" else "654321"
        for _ in range(MAX_FAILED_LOGINS - 1):
            assert not verify_second_factor(conn, KEY, user.id, wrong, now + 5 * TOTP_STEP)
            assert authenticate(conn, actor.username, PASSWORD) is not None  # no reset
        failed = conn.execute(select(users.c.failed_logins).where(users.c.id == user.id))
        assert failed.scalar_one() == MAX_FAILED_LOGINS - 1
        assert not verify_second_factor(conn, KEY, user.id, wrong, now + 5 * TOTP_STEP)
        assert authenticate(conn, actor.username, PASSWORD) is None  # locked now
        assert not verify_second_factor(conn, KEY, user.id, right, now + 5 * TOTP_STEP)


def test_deleting_a_user_deletes_the_factor(node, people):
    actor = people.actor(Role.INVESTIGATOR)
    with transaction(node.engine) as conn:
        user = get_user(conn, actor.username)
        assert user is not None
        enrol_second_factor(conn, KEY, user.id)
        conn.execute(users.delete().where(users.c.id == user.id))
        assert conn.execute(select(user_second_factors)).first() is None
