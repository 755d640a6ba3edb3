"""Victim protection pages through the app: masking, unmasking, referring, the portal, queue."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import update

from interlink import protection
from interlink.access import Role
from interlink.records.protected import MASK
from interlink.store.db import transaction
from interlink.store.schema import referrals
from tests.protection.conftest import ADDRESS, AGENCY, PHONE, World, make_world
from tests.web.conftest import csrf_of, sign_in


@pytest.fixture
def world(node, people) -> World:
    return make_world(node, people)


def test_victim_page_masked_then_unmasked_with_a_reason(client, world: World) -> None:
    w = world
    assert sign_in(client, w.on_case.username).status_code == 303
    page = client.get(f"/victims/{w.adult_id}")
    assert page.status_code == 200
    assert PHONE not in page.text and ADDRESS not in page.text and MASK in page.text
    person = client.get(f"/persons/{w.adult_id}")
    assert person.status_code == 200 and PHONE not in person.text
    refused = client.post(
        f"/victims/{w.adult_id}/unmask", data={"csrf": csrf_of(page.text), "unmask_reason": ""}
    )
    assert refused.status_code == 422 and "State why" in refused.text
    shown = client.post(
        f"/victims/{w.adult_id}/unmask",
        data={"csrf": csrf_of(page.text), "unmask_reason": "arrange a safe meeting"},
    )
    assert shown.status_code == 200 and PHONE in shown.text and ADDRESS in shown.text
    assert PHONE not in client.get(f"/victims/{w.adult_id}").text  # this response only


def test_colleague_not_on_the_case_gets_no_page(client, world: World) -> None:
    assert sign_in(client, world.colleague.username).status_code == 303
    assert client.get(f"/victims/{world.adult_id}").status_code == 404
    assert client.get(f"/persons/{world.adult_id}").status_code == 404


def test_refer_without_consent_says_so_and_child_is_referred(client, world: World) -> None:
    w = world
    sign_in(client, w.on_case.username)
    page = client.get(f"/victims/{w.refusing_id}")
    done = client.post(
        f"/victims/{w.refusing_id}/refer",
        data={"csrf": csrf_of(page.text), "agency": AGENCY, "needs": "shelter"},
    )
    assert done.status_code == 303
    assert "notified anonymously" in client.get(done.headers["location"]).text
    done = client.post(
        f"/victims/{w.child_id}/refer",
        data={"csrf": csrf_of(page.text), "agency": AGENCY, "name_to_use": "Masha"},
    )
    assert "Referred to the agency." in client.get(done.headers["location"]).text


def test_welfare_portal_and_overdue_referral_in_the_queues(client, world: World) -> None:
    w = world
    rid = protection.referrals.refer(w.node, w.on_case, w.child_id, AGENCY).referral_id
    with transaction(w.node.engine) as conn:
        conn.execute(
            update(referrals)
            .where(referrals.c.id == rid)
            .values(due=date.today() - timedelta(days=2))
        )
    sign_in(client, w.on_case.username)
    home = client.get("/")
    assert f"/referrals/{rid}" in home.text and "Referral to UA-WELFARE-KYIV" in home.text
    client.cookies.clear()
    sign_in(client, w.welfare.username)
    portal = client.get("/welfare")
    assert portal.status_code == 200 and f"/referrals/{rid}" in portal.text
    assert "overdue" in portal.text
    assert f"/referrals/{rid}" in client.get("/").text
    page = client.get(f"/referrals/{rid}")
    assert "Maria" not in page.text and f"/victims/{w.child_id}" not in page.text
    moved = client.post(
        f"/referrals/{rid}/state", data={"csrf": csrf_of(page.text), "state": "accepted"}
    )
    assert moved.status_code == 303
    assert "referred → accepted" in client.get(f"/referrals/{rid}").text
    assert client.get(f"/victims/{w.child_id}").status_code == 404


def test_agencies_added_by_an_administrator(client, world: World) -> None:
    w = world
    sign_in(client, w.actor(Role.ADMINISTRATOR).username)
    page = client.get("/agencies")
    assert "Welfare Kyiv" in page.text
    bad = client.post(
        "/agencies",
        data={"csrf": csrf_of(page.text), "code": "x", "name": "N", "area": "A", "contact": "C"},
    )
    assert bad.status_code == 422 and "unit code" in bad.text.lower()
    ok = client.post(
        "/agencies",
        data={
            "csrf": csrf_of(page.text),
            "code": "UA-WELFARE-ODESA",
            "name": "Welfare Odesa",
            "services": ["shelter", "legal"],
            "area": "Odesa",
            "contact": "duty desk",
        },
    )
    assert ok.status_code == 303 and "Welfare Odesa" in client.get("/agencies").text


def test_case_page_shows_priority_reasons_and_child_case_first(client, world: World) -> None:
    w = world
    sign_in(client, w.supervisor.username)
    page = client.get(f"/cases/{w.case_id}/protection")
    assert page.status_code == 200
    assert "child victim (age at exploitation 9-17)" in page.text
    assert "investigator.on.case" in page.text


def test_role_change_from_the_person_page_needs_a_reason(client, world: World) -> None:
    w = world
    sign_in(client, w.recorder.username)
    page = client.get(f"/persons/{w.suspect_id}")
    assert "Change role" in page.text
    csrf = csrf_of(page.text)
    refused = client.post(
        f"/persons/{w.suspect_id}/role", data={"csrf": csrf, "role": "victim", "reason": ""}
    )
    assert refused.status_code == 422 and "reason" in refused.text
    done = client.post(
        f"/persons/{w.suspect_id}/role",
        data={"csrf": csrf, "role": "possible_victim", "reason": "debt bondage indicators"},
    )
    assert done.status_code == 303 and done.headers["location"].startswith("/victims/")
    victim = client.get(done.headers["location"])
    assert "debt bondage indicators" in victim.text
