"""Generated requests against the protection endpoints: never a 5xx, responses as documented."""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from interlink.api.app import create_app
from tests.conftest import PASSWORD
from tests.protection.conftest import World

PATHS = ("/api/victims", "/api/referrals", "/api/agencies", "/api/welfare", "/api/cases")


@pytest.mark.slow
@pytest.mark.parametrize("who", ["supervisor", "welfare"])
def test_protection_endpoints_never_fail_with_a_server_error(world: World, who: str) -> None:
    app = create_app(node=world.node)
    actor = world.supervisor if who == "supervisor" else world.welfare
    with TestClient(app) as client:
        token = client.post(
            "/api/token", data={"username": actor.username, "password": PASSWORD}
        ).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    tried = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        if not operation.path.startswith(PATHS) and "/role" not in operation.path:
            continue

        @given(case=operation.as_strategy())
        @settings(
            max_examples=10,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case) -> None:
            case.call_and_validate(
                headers=headers, checks=[not_a_server_error, response_schema_conformance]
            )

        check()
        tried += 1
    assert tried >= 15
