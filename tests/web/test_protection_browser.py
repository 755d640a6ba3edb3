"""The welfare portal in a real browser (Chromium via Playwright) against a served node:
a welfare officer sees their agency's referral and nothing else."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from interlink import protection, records
from interlink.access import Role
from interlink.access.accounts import add_user, ensure_unit
from interlink.domain import ProvenanceIn, model
from interlink.node import Node
from interlink.protection.agencies import Service
from interlink.settings import Settings
from interlink.store.db import transaction
from interlink.store.migrate import upgrade
from tests.e2e.conftest import cli_env, serving
from tests.web.test_browser import PASSWORD, browser, page, shot, sign_in  # noqa: F401

sync_api = pytest.importorskip("playwright.sync_api")


@dataclass
class Site:
    url: str
    mine: str  # referral to the officer's agency
    theirs: str  # referral to another agency
    victim_id: str
    log: Path | None = None  # the server's output (test_browser's page fixture shows it)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    data = tmp_path_factory.mktemp("welfare-node")
    url = f"sqlite:///{data / 'interlink.db'}"
    node = Node(Settings(data_dir=data, database_url=url, node_country="UA"))
    upgrade(node.engine)
    with transaction(node.engine) as conn:
        ensure_unit(conn, "UA-KYIV", "Kyiv unit", "UA")
        inv = add_user(conn, "inv.kyiv", Role.INVESTIGATOR, "UA-KYIV", PASSWORD).actor()
        admin = add_user(conn, "admin", Role.ADMINISTRATOR, "UA-KYIV", PASSWORD).actor()
    for code, area in (("UA-WELFARE-KYIV", "Kyiv"), ("UA-WELFARE-LVIV", "Lviv")):
        protection.agencies.add(
            node,
            admin,
            code=code,
            name=f"Welfare {area}",
            services=[Service.SHELTER],
            area=area,
            contact="duty desk",
        )
    with transaction(node.engine) as conn:
        add_user(conn, "welfare.kyiv", Role.WELFARE_OFFICER, "UA-WELFARE-KYIV", PASSWORD)
    ids = []
    for name, band in (("Maria Testova", "9-17"), ("Olha Testova", "9-17")):
        victim = records.create(
            node,
            inv,
            model.Person.model_validate(
                {"names": [{"full": name}], "role": "victim", "phones": ["+380441112233"]}
            ),
            ProvenanceIn(),
        )
        protection.victims.set_context(
            node, inv, victim.id, protection.VictimContext(age_band=band, forms=["forced_begging"])
        )
        ids.append(victim.id)
    mine = protection.referrals.refer(
        node, inv, ids[0], "UA-WELFARE-KYIV", name_to_use="Masha", needs="school"
    ).referral_id
    theirs = protection.referrals.refer(
        node, inv, ids[1], "UA-WELFARE-LVIV", name_to_use="Olia"
    ).referral_id
    node.engine.dispose()
    assert mine and theirs
    log = data / "serve.log"
    with serving(cli_env(url, data), log=log) as base:
        yield Site(base, mine, theirs, ids[0], log)


def test_welfare_officer_sees_their_referral_and_nothing_else(page, site: Site) -> None:  # noqa: F811
    pg, watch = page
    expect = sync_api.expect
    sign_in(pg, "welfare.kyiv")
    pg.get_by_role("link", name="Referrals", exact=True).click()
    expect(pg.get_by_role("heading", name="Referrals to my agency")).to_be_visible()
    rows = pg.locator("#referrals tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Masha")
    expect(pg.get_by_text("Olia")).to_have_count(0)
    shot(pg, "protection-01-portal")

    rows.first.get_by_role("link").click()
    expect(pg.get_by_role("heading", name="Referral to UA-WELFARE-KYIV")).to_be_visible()
    expect(pg.locator("#carries")).to_contain_text("school")
    body = pg.locator("main").inner_text()
    assert "Maria" not in body and "+380441112233" not in body and site.victim_id not in body
    pg.get_by_label("New state").select_option("accepted")
    pg.get_by_role("button", name="Update state").click()
    expect(pg.get_by_text("referred → accepted")).to_be_visible()
    pg.get_by_label("Note for the other side").fill("First meeting on Monday at school.")
    pg.get_by_role("button", name="Add note").click()
    expect(pg.get_by_text("First meeting on Monday at school.")).to_be_visible()
    shot(pg, "protection-02-referral")

    watch.allowed_statuses.add(404)
    for path in (
        f"/referrals/{site.theirs}",
        f"/victims/{site.victim_id}",
        f"/persons/{site.victim_id}",
    ):
        response = pg.goto(path)
        assert response is not None and response.status == 404, path
    assert pg.goto("/victims") is not None
    expect(pg.get_by_text("Maria")).to_have_count(0)
