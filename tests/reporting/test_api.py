"""GET /api/statistics: exact figures for stats_read, public ones for the rest, 400s that
name the parameter."""

from __future__ import annotations

from interlink.access import Role
from tests.api.conftest import client, login  # noqa: F401


def test_statistics_over_the_api(client, login, world) -> None:  # noqa: F811
    analyst = login(Role.ANALYST)
    got = client.get(
        "/api/statistics", params={"period": "2025", "indicator": "victims"}, headers=analyst
    )
    assert got.status_code == 200, got.text
    assert got.json()["indicators"]["victims"]["cells"] == [["female", "18-29", "forced_labour", 1]]
    bad = client.get("/api/statistics", params={"period": "2025-Q0"}, headers=analyst)
    assert bad.status_code in (400, 422) and "period" in bad.text
    welfare = login(Role.WELFARE_OFFICER)
    assert client.get("/api/statistics", headers=welfare).status_code == 403
    public = client.get("/api/statistics/public", headers=welfare)
    assert public.status_code == 200
    rows = public.json()["tables"]["cases__status__priority"]["rows"]
    assert ["open", "urgent", None] in rows  # 1 case: suppressed
    assert client.get("/api/statistics/public").status_code == 401
