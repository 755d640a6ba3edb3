"""Two API worker processes writing at once lose nothing."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.e2e.conftest import run_cli

PASSWORD = "live-password-1"


def test_two_workers_many_writers_nothing_lost(live_node) -> None:
    headers = [live_node.token("inv1", PASSWORD), live_node.token("inv2", PASSWORD)]
    first = httpx.post(
        f"{live_node.url}/api/persons",
        headers=headers[0],
        json={"facts": {"names": [{"full": "Shared Record"}]}},
    )
    assert first.status_code == 201, first.text
    shared = first.json()["id"]

    def create(i: int) -> int:
        with httpx.Client(base_url=live_node.url, headers=headers[i % 2], timeout=60) as c:
            r = c.post(
                "/api/persons",
                json={"facts": {"names": [{"full": f"Person {i}"}]}, "external_ref": f"P-{i}"},
            )
            return r.status_code

    def note(i: int) -> int:
        # Each writer changes a different field of the same record.
        field = ["birth_place", "notes", "gender"][i % 3]
        value = {"birth_place": "Odesa", "notes": "seen at the border", "gender": "male"}[field]
        with httpx.Client(base_url=live_node.url, headers=headers[i % 2], timeout=60) as c:
            return c.patch(f"/api/persons/{shared}", json={"facts": {field: value}}).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        created = list(pool.map(create, range(120)))
        patched = list(pool.map(note, range(3)))
    assert created == [201] * 120
    assert patched == [200] * 3
    with httpx.Client(base_url=live_node.url, headers=headers[0], timeout=60) as c:
        total = c.get("/api/persons", params={"limit": 1}).json()["total"]
        record = c.get(f"/api/persons/{shared}").json()
    assert total == 121
    assert record["facts"]["birth_place"] == "Odesa"
    assert record["facts"]["notes"] == "seen at the border"
    assert record["facts"]["gender"] == "male"
    assert record["version"] == 4
    verify = run_cli(live_node.env, "audit", "verify")
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert "audit log intact" in verify.stdout
