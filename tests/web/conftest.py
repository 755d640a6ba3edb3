"""Fixtures of the page tests: an app on a fresh node, and users signed in through the form."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from interlink.access import Role
from interlink.api.app import create_app
from tests.conftest import PASSWORD, People

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "no CSRF field in the page"
    return found.group(1)


def new_client(node) -> TestClient:
    # Loopback over plain http: the session cookie is not marked Secure there.
    return TestClient(create_app(node=node), base_url="http://127.0.0.1", follow_redirects=False)


@pytest.fixture
def client(node) -> Iterator[TestClient]:
    with new_client(node) as c:
        yield c


def sign_in(client: TestClient, username: str, password: str = PASSWORD):
    page = client.get("/sign-in")
    return client.post(
        "/sign-in",
        data={"csrf": csrf_of(page.text), "username": username, "password": password, "next": "/"},
    )


@pytest.fixture
def signed_in(client, people: People) -> Callable[..., TestClient]:
    """Sign the client in as the user of a role and unit; returns the client."""

    def _sign_in(role: Role, unit: str = "UA-KYIV") -> TestClient:
        actor = people.actor(role, unit)
        response = sign_in(client, actor.username)
        assert response.status_code == 303, response.text
        return client

    return _sign_in
