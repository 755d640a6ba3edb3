"""Generated requests against the OpenAPI schema: whatever a client sends, never a 5xx,
and every response matches the schema it is documented with."""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from interlink.access import Role
from interlink.api.app import create_app
from tests.conftest import PASSWORD

EXAMPLES_PER_OPERATION = 20
SKIPPED = {("POST", "/api/logout")}  # would end the session the other examples use


def _operations(schema):
    for result in schema.get_all_operations():
        yield result.ok()


@pytest.mark.slow
def test_no_server_error_and_responses_match_the_schema(node, people) -> None:
    app = create_app(node=node)
    actor = people.actor(Role.SUPERVISOR)
    with TestClient(app) as client:
        token = client.post(
            "/api/token", data={"username": actor.username, "password": PASSWORD}
        ).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    tried = 0
    for operation in _operations(schema):
        if (operation.method.upper(), operation.path) in SKIPPED:
            continue

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
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
    assert tried >= 30  # every documented operation was exercised
