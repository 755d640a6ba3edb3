"""The demo shows victims first: agencies, victims with their HTCDS context, a case team, and
referrals in every state, one overdue, in the welfare officer's portal and the work queues."""

from __future__ import annotations

from interlink import protection
from interlink.access.accounts import get_user
from interlink.demo import DEMO_PASSWORD, load_demo
from interlink.store.db import transaction
from tests.web.conftest import new_client, sign_in


def test_demo_has_agencies_victims_and_referrals_in_every_state(node) -> None:
    summary = load_demo(node, persons=150, countries=2, seed=0)
    assert summary.loaded
    with transaction(node.engine) as conn:
        welfare = get_user(conn, "ua.welfare_officer")
        police = get_user(conn, "ua-thb-kyiv.investigator")
    assert welfare is not None and police is not None
    assert welfare.actor().unit == "UA-WELFARE"
    assert {a.unit_code for a in protection.agencies.list_all(node)} >= {"UA-WELFARE"}
    portal = protection.referrals.portal(node, welfare.actor())
    states = {r.state for r in portal.referrals}
    assert {"referred", "accepted", "declined", "support_under_way", "closed"} <= states
    assert len(portal.notifications) == 1  # an adult who refused consent: anonymous
    overdue = protection.referrals.overdue(node, welfare.actor())
    assert len(overdue) == 1 and overdue[0].state == "referred"
    assert [r.id for r in protection.referrals.overdue(node, police.actor())] == [overdue[0].id]
    # The investigator is on the cases: the referred victims are theirs to see, with context.
    victim = protection.referrals.get(node, police.actor(), overdue[0].id)
    assert victim.id == overdue[0].id
    with new_client(node) as client:
        assert sign_in(client, "ua.welfare_officer", DEMO_PASSWORD).status_code == 303
        home = client.get("/")
        assert home.status_code == 200 and "overdue-referrals" in home.text
        assert client.get("/welfare").status_code == 200
    with new_client(node) as client:
        assert sign_in(client, "ua-thb-kyiv.investigator", DEMO_PASSWORD).status_code == 303
        assert "overdue-referrals" in client.get("/").text
