"""Administration pages: users (add, deactivate, reactivate, reset password) and units."""

from __future__ import annotations

from sqlalchemy import select

from interlink.access import Role
from interlink.access.accounts import get_user
from interlink.store.db import reading
from interlink.store.schema import audit_log
from tests.web.conftest import csrf_of, new_client, sign_in

NEW_PASSWORD = "a-new-password-456"


def _actions(node) -> list[str]:
    with reading(node.engine) as conn:
        return list(conn.execute(select(audit_log.c.action).order_by(audit_log.c.seq)).scalars())


def test_the_administrator_adds_a_user_who_can_then_sign_in(node, people, signed_in):
    client = signed_in(Role.ADMINISTRATOR)
    page = client.get("/admin/users")
    assert page.status_code == 200 and 'href="/admin/users"' in page.text
    token = csrf_of(page.text)
    form = {"csrf": token, "username": "olena", "role": "analyst", "unit": "UA-LVIV"}
    weak = client.post("/admin/users", data={**form, "password": "short"})
    assert weak.status_code == 422 and 'id="password-error"' in weak.text
    taken = client.post(
        "/admin/users",
        data={
            **form,
            "username": people.actor(Role.INVESTIGATOR).username,
            "password": NEW_PASSWORD,
        },
    )
    assert taken.status_code == 422 and "is taken" in taken.text
    done = client.post("/admin/users", data={**form, "password": NEW_PASSWORD})
    assert done.status_code == 303
    assert "The user was added." in client.get(done.headers["location"]).text
    with reading(node.engine) as conn:
        user = get_user(conn, "olena")
    assert user is not None and user.role == Role.ANALYST and user.unit == "UA-LVIV"
    assert "add_user" in _actions(node)
    with new_client(node) as other:
        assert sign_in(other, "olena", NEW_PASSWORD).status_code == 303


def test_deactivation_ends_the_users_sessions_and_a_reset_unlocks(node, people, signed_in):
    investigator = people.actor(Role.INVESTIGATOR)
    with new_client(node) as other:
        assert sign_in(other, investigator.username).status_code == 303
        assert other.get("/").status_code == 200
        admin = signed_in(Role.ADMINISTRATOR)
        token = csrf_of(admin.get("/admin/users").text)
        path = f"/admin/users/{investigator.username}"
        assert admin.post(f"{path}/active", data={"csrf": token, "active": "no"}).status_code == 303
        assert other.get("/").status_code == 303  # signed out at once
        assert sign_in(other, investigator.username).status_code != 303
        assert (
            admin.post(f"{path}/active", data={"csrf": token, "active": "yes"}).status_code == 303
        )
        weak = admin.post(f"{path}/password", data={"csrf": token, "password": "short"})
        assert weak.status_code == 422 and "at least 12 characters" in weak.text
        reset = admin.post(f"{path}/password", data={"csrf": token, "password": NEW_PASSWORD})
        assert reset.status_code == 303
        assert sign_in(other, investigator.username, NEW_PASSWORD).status_code == 303
    actions = _actions(node)
    assert {"disable_user", "enable_user", "set_password"} <= set(actions)


def test_the_administrator_may_not_deactivate_themselves(people, signed_in):
    admin = signed_in(Role.ADMINISTRATOR)
    me = people.actor(Role.ADMINISTRATOR).username
    token = csrf_of(admin.get("/admin/users").text)
    response = admin.post(f"/admin/users/{me}/active", data={"csrf": token, "active": "no"})
    assert response.status_code == 422 and "your own account" in response.text


def test_units_are_listed_and_added(node, signed_in):
    client = signed_in(Role.ADMINISTRATOR)
    page = client.get("/admin/units")
    assert "UA-KYIV" in page.text
    token = csrf_of(page.text)
    bad = client.post(
        "/admin/units", data={"csrf": token, "code": "UA ODESA", "name": "", "country": "Narnia"}
    )
    assert bad.status_code == 422
    assert all(f'id="{f}-error"' in bad.text for f in ("code", "name", "country"))
    done = client.post(
        "/admin/units",
        data={"csrf": token, "code": "UA-ODESA", "name": "Odesa unit", "country": "Ukraine"},
    )
    assert done.status_code == 303
    listing = client.get("/admin/units").text
    assert "UA-ODESA" in listing and "Odesa unit" in listing
    again = client.post(
        "/admin/units", data={"csrf": token, "code": "UA-ODESA", "name": "X", "country": "UA"}
    )
    assert again.status_code == 422 and "exists already" in again.text
    assert "add_unit" in _actions(node)


def test_administration_is_for_administrators_and_needs_the_csrf_token(node, people, signed_in):
    supervisor = signed_in(Role.SUPERVISOR)
    assert supervisor.get("/admin/users").status_code == 403
    assert supervisor.get("/admin/units").status_code == 403
    token = csrf_of(supervisor.get("/").text)
    refused = supervisor.post(
        "/admin/users",
        data={
            "csrf": token,
            "username": "x",
            "role": "administrator",
            "unit": "UA-KYIV",
            "password": NEW_PASSWORD,
        },
    )
    assert refused.status_code == 403
    with new_client(node) as admin:
        sign_in(admin, people.actor(Role.ADMINISTRATOR).username)
        no_token = admin.post("/admin/units", data={"code": "X", "name": "X", "country": "UA"})
        assert no_token.status_code == 403
