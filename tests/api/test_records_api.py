"""The HTTP API as a client sees it."""

from __future__ import annotations

import io

from interlink.access import Role

PERSON = {
    "facts": {
        "names": [{"full": "Олег Петренко"}, {"full": "Oleh Petrenko", "kind": "alias"}],
        "birth_date": "1974",
        "nationalities": ["UKR"],
        "phones": ["+380 50 123 4567"],
    },
    "provenance": {"reliability": "B", "assessment": "2", "handling_code": "H1"},
    "external_ref": "UA-2026-0001",
}


def test_sign_in_is_required(client) -> None:
    response = client.get("/api/persons")
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_wrong_password_is_refused(client, people) -> None:
    actor = people.actor(Role.INVESTIGATOR)
    response = client.post("/api/token", data={"username": actor.username, "password": "nope"})
    assert response.status_code == 401


def test_person_lifecycle(client, login) -> None:
    inv = login(Role.INVESTIGATOR)
    created = client.post("/api/persons", json=PERSON, headers=inv)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["facts"]["nationalities"] == ["UA"]
    assert body["facts"]["phones"] == ["+380501234567"]
    assert body["facts"]["names"][0]["script"] == "Cyrl"
    assert body["provenance"]["evaluation"] == "B2"
    assert body["provenance"]["owning_unit"] == "UA-KYIV"
    rid = body["id"]
    read = client.get(f"/api/persons/{rid}", headers=inv)
    assert read.status_code == 200 and read.json()["external_ref"] == "UA-2026-0001"
    patched = client.patch(
        f"/api/persons/{rid}", json={"facts": {"gender": "male"}, "version": 1}, headers=inv
    )
    assert patched.status_code == 200 and patched.json()["version"] == 2
    stale = client.patch(
        f"/api/persons/{rid}", json={"facts": {"gender": "female"}, "version": 1}, headers=inv
    )
    assert stale.status_code == 409
    assert client.delete(f"/api/persons/{rid}?reason=duplicate", headers=inv).status_code == 403
    sup = login(Role.SUPERVISOR)
    assert client.delete(f"/api/persons/{rid}?reason=duplicate", headers=sup).status_code == 204
    assert client.get(f"/api/persons/{rid}", headers=inv).status_code == 404


def test_validation_errors_name_the_field(client, login) -> None:
    inv = login(Role.INVESTIGATOR)
    bad = {"facts": {"names": [{"full": "A B"}], "birth_date": "1974-13-40"}}
    response = client.post("/api/persons", json=bad, headers=inv)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "facts", "birth_date"]
    unknown = client.post(
        "/api/persons",
        json={"facts": {"names": [{"full": "A"}], "nationalities": ["Atlantis"]}},
        headers=inv,
    )
    assert unknown.status_code == 422
    assert "Atlantis" in unknown.json()["detail"][0]["msg"]


def test_a_record_of_the_wrong_kind_is_not_found(client, login) -> None:
    inv = login(Role.INVESTIGATOR)
    rid = client.post("/api/persons", json=PERSON, headers=inv).json()["id"]
    assert client.get(f"/api/organizations/{rid}", headers=inv).status_code == 404


def test_h2_of_another_unit_is_invisible(client, login) -> None:
    kyiv = login(Role.INVESTIGATOR, "UA-KYIV")
    lviv = login(Role.INVESTIGATOR, "UA-LVIV")
    body = {**PERSON, "provenance": {"handling_code": "H2"}}
    rid = client.post("/api/persons", json=body, headers=kyiv).json()["id"]
    assert client.get(f"/api/persons/{rid}", headers=lviv).status_code == 404
    listed = client.get("/api/persons", headers=lviv).json()
    assert listed["total"] == 0
    found = client.get(
        "/api/search",
        params={"name": "petrenko", "prefix": True, "purpose": "case 1"},
        headers=lviv,
    )
    assert found.json()["items"] == []


def test_search_by_name_document_and_phone(client, login) -> None:
    inv = login(Role.ANALYST)
    owner = login(Role.INVESTIGATOR)
    body = {**PERSON, "facts": {**PERSON["facts"], "document_numbers": ["FB 0123456"]}}
    rid = client.post("/api/persons", json=body, headers=owner).json()["id"]
    for params in (
        {"name": "PETRENKO Oleh"},
        {"name": "Петренко Олег"},
        {"name": "petr", "prefix": "true"},
        {"document_number": "fb0123456"},
        {"phone": "+380501234567"},
    ):
        response = client.get("/api/search", params={**params, "purpose": "case 7"}, headers=inv)
        assert response.status_code == 200, response.text
        assert [h["id"] for h in response.json()["items"]] == [rid], params
    no_purpose = client.get("/api/search", params={"name": "x"}, headers=inv)
    assert no_purpose.status_code == 422


def test_links_check_their_ends(client, login) -> None:
    inv = login(Role.INVESTIGATOR)
    pid = client.post("/api/persons", json=PERSON, headers=inv).json()["id"]
    oid = client.post(
        "/api/organizations",
        json={"facts": {"names": ["Golden Bride Agency"], "organization_kind": "marriage_agency"}},
        headers=inv,
    ).json()["id"]
    ok = client.post(
        "/api/links",
        json={
            "facts": {
                "link_kind": "person_organization",
                "source": pid,
                "target": oid,
                "role": "recruiter",
            }
        },
        headers=inv,
    )
    assert ok.status_code == 201, ok.text
    wrong = client.post(
        "/api/links",
        json={
            "facts": {
                "link_kind": "person_document",
                "source": pid,
                "target": oid,
                "role": "holder",
            }
        },
        headers=inv,
    )
    assert wrong.status_code == 422
    assert wrong.json()["detail"][0]["loc"] == ["body", "target"]


def test_photo_upload_and_read_through_the_record(client, login) -> None:
    inv = login(Role.INVESTIGATOR)
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64  # a harmless generated file
    up = client.post(
        "/api/files", files={"file": ("a.png", io.BytesIO(png), "image/png")}, headers=inv
    )
    assert up.status_code == 201, up.text
    sha = up.json()["sha256"]
    body = {"facts": {**PERSON["facts"], "photos": [{"sha256": sha, "media_type": "image/png"}]}}
    rid = client.post("/api/persons", json=body, headers=inv).json()["id"]
    got = client.get(f"/api/persons/{rid}/photos/{sha}", headers=inv)
    assert got.status_code == 200 and got.content == png
    not_image = client.post(
        "/api/files", files={"file": ("a.txt", io.BytesIO(b"hello"))}, headers=inv
    )
    assert not_image.status_code == 422


def test_only_administrators_manage_users(client, login) -> None:
    admin = login(Role.ADMINISTRATOR)
    inv = login(Role.INVESTIGATOR)
    new = {
        "username": "new.user",
        "role": "analyst",
        "unit": "UA-LVIV",
        "password": "long-enough-password",
    }
    assert client.post("/api/users", json=new, headers=inv).status_code == 403
    assert client.post("/api/users", json=new, headers=admin).status_code == 201
    dup = client.post("/api/users", json=new, headers=admin)
    assert dup.status_code == 422 and dup.json()["detail"][0]["loc"] == ["body", "username"]


def test_audit_is_readable_by_the_data_protection_officer_only(client, login) -> None:
    inv = login(Role.INVESTIGATOR)
    dpo = login(Role.DATA_PROTECTION_OFFICER)
    rid = client.post("/api/persons", json=PERSON, headers=inv).json()["id"]
    client.get(f"/api/persons/{rid}", headers={**inv, "X-Purpose": "interview prep"})
    assert client.get("/api/audit", headers=inv).status_code == 403
    entries = client.get("/api/audit", params={"record_id": rid}, headers=dpo).json()
    assert [e["action"] for e in entries] == ["read", "create"]
    assert entries[0]["purpose"] == "interview prep"
    assert client.get("/api/audit/verify", headers=dpo).json()["ok"] is True


def test_repeated_wrong_passwords_lock_the_account(client, people) -> None:
    from interlink.access.accounts import MAX_FAILED_LOGINS
    from tests.conftest import PASSWORD

    actor = people.actor(Role.ANALYST)
    for _ in range(MAX_FAILED_LOGINS):
        assert (
            client.post(
                "/api/token", data={"username": actor.username, "password": "wrong"}
            ).status_code
            == 401
        )
    locked = client.post("/api/token", data={"username": actor.username, "password": PASSWORD})
    assert locked.status_code == 401


def test_failed_sign_ins_are_audited_without_the_name_tried(client, node, people) -> None:
    from sqlalchemy import text

    client.post("/api/token", data={"username": "Mykola.Secret", "password": "x"})
    with node.engine.connect() as conn:
        rows = conn.execute(text("SELECT actor, outcome, details FROM audit_log")).all()
    assert ("(sign-in)", "refused") in [(r.actor, r.outcome) for r in rows]
    assert all("Mykola" not in (r.details or "") for r in rows)


def test_responses_are_not_cached_nor_framed(client, login) -> None:
    inv = login(Role.INVESTIGATOR)
    response = client.get("/api/persons", headers=inv)
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert client.get("/api/health").headers["referrer-policy"] == "no-referrer"


def test_an_oversized_body_is_refused_before_it_is_read(client, login) -> None:
    from interlink.api.middleware import MAX_BODY_BYTES

    inv = login(Role.INVESTIGATOR)
    big = b"x" * (MAX_BODY_BYTES + 1)
    response = client.post(
        "/api/persons", content=big, headers={**inv, "content-type": "application/json"}
    )
    assert response.status_code == 413


def test_control_characters_are_named_plainly(client, login) -> None:
    inv = login(Role.INVESTIGATOR)
    response = client.post(
        "/api/persons", json={"facts": {"names": [{"full": "A\u0000B"}]}}, headers=inv
    )
    assert response.status_code == 422
    error = response.json()["detail"][0]
    assert error["loc"] == ["body", "facts", "names", 0, "full"]
    assert error["msg"] == "contains a control character"
