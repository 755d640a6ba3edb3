from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from interlink.api.app import create_app
from tests.conftest import PASSWORD


@pytest.fixture
def client(node) -> Iterator[TestClient]:
    with TestClient(create_app(node=node)) as c:
        yield c


@pytest.fixture
def login(client, people):
    """Headers of a signed-in user of a role and unit."""

    def _login(role, unit: str = "UA-KYIV") -> dict[str, str]:
        actor = people.actor(role, unit)
        response = client.post(
            "/api/token", data={"username": actor.username, "password": PASSWORD}
        )
        assert response.status_code == 200, response.text
        return {"Authorization": f"Bearer {response.json()['access_token']}"}

    return _login
