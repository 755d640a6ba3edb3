"""The second factor in the pages: set-up with a QR code drawn locally, sign-in with a code,
replay refused, wrong codes locking the account, removal."""

from __future__ import annotations

import re
import time

import pyotp
from sqlalchemy import select

from interlink.access import Role
from interlink.access.accounts import MAX_FAILED_LOGINS, TOTP_STEP
from interlink.store.db import reading
from interlink.store.schema import audit_log, user_second_factors
from interlink.web.views.second_factor import qr_svg
from tests.web.conftest import csrf_of, sign_in

SECRET = re.compile(r'<code class="secret">([A-Z2-7 ]+)</code>')


def _enrol(client) -> str:
    page = client.get("/account/second-factor")
    assert page.status_code == 200 and "Set up a second factor" in page.text
    token = csrf_of(page.text)
    assert client.post("/account/second-factor/enrol", data={"csrf": token}).status_code == 303
    page = client.get("/account/second-factor")
    assert '<svg role="img"' in page.text and 'class="qr-code"' in page.text
    assert "http" not in page.text.split("<svg", 1)[1].split("</svg>", 1)[0]
    found = SECRET.search(page.text)
    assert found
    secret = found.group(1).replace(" ", "")
    wrong = client.post("/account/second-factor/confirm", data={"csrf": token, "code": "12"})
    assert wrong.status_code == 200 and "not right" in wrong.text
    code = pyotp.TOTP(secret).now()
    done = client.post("/account/second-factor/confirm", data={"csrf": token, "code": code})
    assert done.status_code == 303
    assert "second factor is on" in client.get(done.headers["location"]).text
    return secret


def _code_at(secret: str, offset_steps: int) -> str:
    return pyotp.TOTP(secret).at(time.time() + offset_steps * TOTP_STEP)


def test_enrol_then_sign_in_asks_for_the_code(signed_in, client, people, node):
    actor = people.actor(Role.INVESTIGATOR)
    secret = _enrol(signed_in(Role.INVESTIGATOR))
    with reading(node.engine) as conn:
        stored = conn.execute(select(user_second_factors.c.secret)).scalar_one()
    assert secret not in stored  # sealed with a key from the data directory
    assert (node.settings.data_dir / "second-factor.key").exists()
    home = client.get("/")
    client.post("/sign-out", data={"csrf": csrf_of(home.text)})

    first = sign_in(client, actor.username)
    assert first.status_code == 303 and first.headers["location"].startswith("/sign-in/code")
    page = client.get(first.headers["location"])
    assert page.status_code == 200 and 'autocomplete="one-time-code"' in page.text
    token = csrf_of(page.text)
    wrong = client.post("/sign-in/code", data={"csrf": token, "code": "000000", "next": "/"})
    assert wrong.status_code == 200 and "Wrong or already used code" in wrong.text
    code = _code_at(secret, 1)  # the next step: the confirming code's step is used up
    ok = client.post("/sign-in/code", data={"csrf": token, "code": code, "next": "/search"})
    assert ok.status_code == 303 and ok.headers["location"] == "/search"
    home = client.get("/")
    assert home.status_code == 200

    # The same code again (a replay) is refused, though still within its time window.
    client.post("/sign-out", data={"csrf": csrf_of(home.text)})
    again = sign_in(client, actor.username)
    token = csrf_of(client.get(again.headers["location"]).text)
    replay = client.post("/sign-in/code", data={"csrf": token, "code": code, "next": "/"})
    assert replay.status_code == 200 and client.get("/").status_code == 303
    with reading(node.engine) as conn:
        rows = conn.execute(
            select(audit_log.c.action, audit_log.c.outcome).order_by(audit_log.c.seq)
        ).all()
    actions = [(r.action, r.outcome) for r in rows]
    assert ("second_factor_confirm", "ok") in actions and ("sign_in", "refused") in actions


def test_the_code_step_cannot_be_skipped(client, people, signed_in):
    actor = people.actor(Role.INVESTIGATOR)
    signed = signed_in(Role.INVESTIGATOR)
    _enrol(signed)
    client.post("/sign-out", data={"csrf": csrf_of(client.get("/").text)})
    sign_in(client, actor.username)
    for path in ("/", "/search", "/account/second-factor"):
        assert client.get(path).status_code == 303
    fresh = client.get("/sign-in")  # starting again forgets the right password
    assert 'name="password"' in fresh.text


def test_wrong_codes_lock_the_account(client, people, signed_in):
    actor = people.actor(Role.INVESTIGATOR)
    secret = _enrol(signed_in(Role.INVESTIGATOR))
    client.post("/sign-out", data={"csrf": csrf_of(client.get("/").text)})
    for _ in range(MAX_FAILED_LOGINS):
        start = sign_in(client, actor.username)  # the password is right each time
        assert start.headers["location"].startswith("/sign-in/code")
        token = csrf_of(client.get(start.headers["location"]).text)
        client.post("/sign-in/code", data={"csrf": token, "code": "999999x"})
    locked = sign_in(client, actor.username)
    assert locked.status_code == 200 and "account is locked" in locked.text
    del secret


def test_remove_needs_a_current_code(signed_in):
    client = signed_in(Role.INVESTIGATOR)
    secret = _enrol(client)
    page = client.get("/account/second-factor")
    assert "Remove the second factor" in page.text
    token = csrf_of(page.text)
    refused = client.post("/account/second-factor/remove", data={"csrf": token, "code": "1"})
    assert refused.status_code == 200 and "Wrong or already used code" in refused.text
    code = _code_at(secret, 1)
    removed = client.post("/account/second-factor/remove", data={"csrf": token, "code": code})
    assert removed.status_code == 303
    assert "Set up a second factor" in client.get("/account/second-factor").text


def test_qr_svg_has_no_style_or_script():
    svg = str(qr_svg("otpauth://totp/Interlink:x?secret=JBSWY3DPEHPK3PXP", "QR"))
    assert svg.startswith('<svg role="img"') and "<title>QR</title>" in svg
    for forbidden in ("style", "<script", "href", "http"):
        assert forbidden not in svg
