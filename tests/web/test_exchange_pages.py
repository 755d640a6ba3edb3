"""Exchange pages: the work queue's entries for hits, messages and notices; the hits and
notices pages; inbox, outbox and compose. TestClient tests on SQLite and PostgreSQL."""

from __future__ import annotations

import re
import uuid

import pytest

from interlink import records
from interlink.access import Role
from interlink.domain import ProvenanceIn, model
from interlink.exchange.messages import Body, Draft, Kind
from tests.exchange.secretariat_support import deliver, identity, person_facts
from tests.web.conftest import csrf_of
from tests.web.test_templates import FORBIDDEN, TEMPLATES


def test_exchange_templates_keep_to_the_csp_and_label_every_field() -> None:
    paths = sorted((TEMPLATES / "exchange").glob("*.html"))
    assert paths
    for path in paths:
        text = path.read_text()
        for what, pattern in FORBIDDEN.items():
            assert not pattern.search(text), f"{path.name}: {what}"
        for tag in re.findall(r"<(?:input|select|textarea)\b[^>]*>", text):
            if 'type="hidden"' in tag:
                continue
            found = re.search(r'id="([^"]+)"', tag)
            assert found and f'for="{found.group(1)}"' in text, f"{path.name}: {tag}"


def _hit(node, record_id: str, **extra) -> str:
    hit_id = str(uuid.uuid4())
    data = {
        "hit": hit_id,
        "status": "open",
        "record": record_id,
        "other_country": "MD",
        "band": "possibly same",
        "probability": 0.91,
        **extra,
    }
    deliver(node, "GS", Draft(kind=Kind.HIT, recipients=["UA"], body=Body(data=data)))
    return hit_id


def _notice(node, subject: str = "Recruiter on the southern route") -> str:
    notice_id = str(uuid.uuid4())
    data = {
        "notice": notice_id,
        "kind": "warning",
        "person": person_facts(identity(51)),
        "published_at": "2026-11-28T09:00:00Z",
    }
    deliver(
        node,
        "GS",
        Draft(
            kind=Kind.NOTICE,
            recipients=["UA"],
            subject=subject,
            body=Body(text="Seen in ports.", data=data),
        ),
    )
    return notice_id


def test_a_hit_is_in_the_work_queue_until_it_is_opened(node, people, signed_in) -> None:
    ncb = people.actor(Role.NCB_OFFICER)
    rec = records.create(
        node, ncb, model.Person.model_validate(person_facts(identity(52))), ProvenanceIn()
    )
    client = signed_in(Role.NCB_OFFICER)
    assert "new hit" not in client.get("/").text
    hit_id = _hit(node, rec.id)
    home = client.get("/")
    assert "1 new hit(s) from the General Secretariat" in home.text
    assert 'href="/hits"' in home.text
    listing = client.get("/hits")
    assert listing.status_code == 200
    assert hit_id in listing.text and "MD" in listing.text and "on request" in listing.text
    page = client.get(f"/hits/{hit_id}")
    assert page.status_code == 200
    assert "Details on request" in page.text and f"/records/{rec.id}" in page.text
    assert "new hit" not in client.get("/").text  # opened: off the queue


def test_notices_are_listed_and_a_cancelled_one_shows_no_details(node, signed_in) -> None:
    notice_id = _notice(node)
    client = signed_in(Role.INVESTIGATOR)
    assert "1 new notice(s)" in client.get("/").text
    listing = client.get("/notices")
    assert "Recruiter on the southern route" in listing.text
    page = client.get(f"/notices/{notice_id}")
    assert page.status_code == 200 and "Seen in ports." in page.text
    assert identity(51).family.latin[0] in page.text
    deliver(
        node,
        "GS",
        Draft(
            kind=Kind.NOTICE_CANCELLATION,
            recipients=["UA"],
            body=Body(text="Arrested", data={"notice": notice_id}),
        ),
    )
    page = client.get(f"/notices/{notice_id}")
    assert "Cancelled on" in page.text and "Arrested" in page.text
    assert "Seen in ports." not in page.text and identity(51).family.latin[0] not in page.text
    assert "(details removed)" in client.get("/notices").text


def test_roles_without_the_right_are_refused(node, signed_in) -> None:
    client = signed_in(Role.WELFARE_OFFICER)
    assert client.get("/hits").status_code == 403
    assert client.get("/notices").status_code == 403
    assert client.get(f"/hits/{uuid.uuid4()}").status_code == 403


def test_an_unknown_hit_is_not_found(node, signed_in) -> None:
    client = signed_in(Role.NCB_OFFICER)
    assert client.get(f"/hits/{uuid.uuid4()}").status_code == 404
    assert client.get("/hits/not-an-id").status_code == 404


def test_inbox_outbox_and_compose_pages(node, signed_in) -> None:
    client = signed_in(Role.NCB_OFFICER)
    assert client.get("/exchange/inbox").status_code == 200
    assert client.get("/exchange/outbox").status_code == 200
    assert client.get("/exchange/elsewhere").status_code == 404
    form = client.get("/exchange/compose/new")
    assert form.status_code == 200
    for name in ("recipients", "kind", "subject", "text", "record_ids", "handling_code"):
        assert f'for="{name}"' in form.text
    refused = client.post(
        "/exchange/compose/new",
        data={
            "csrf": csrf_of(form.text),
            "recipients": "",
            "kind": "message",
            "subject": "About hit",
            "record_ids": "not-an-id",
            "handling_code": "H3",
        },
    )
    assert refused.status_code == 200
    assert "Name at least one country" in refused.text
    assert "Line 1 is not a record id" in refused.text
    assert "H3 needs its restrictions stated in words" in refused.text


@pytest.mark.parametrize("path", ["/exchange/inbox", "/hits", "/notices"])
def test_pages_need_a_signed_in_user(client, path) -> None:
    response = client.get(path)
    assert response.status_code in (303, 401)


# -- in a browser -------------------------------------------------------------------------

try:
    from tests.web import test_browser as _browser
except pytest.skip.Exception:  # no Playwright or no Chromium: the module skips itself
    _browser = None

if _browser is not None:
    site = _browser.site
    browser = _browser.browser
    page = _browser.page

    def test_a_notice_from_the_work_queue_and_compose_in_a_browser(page, site) -> None:
        from interlink.node import Node
        from interlink.settings import Settings

        data = site.log.parent
        node = Node(
            Settings(
                data_dir=data,
                database_url=f"sqlite:///{data / 'interlink.db'}",
                node_country="UA",
            )
        )
        try:
            _notice(node, subject="Recruiter seen in three ports")
        finally:
            node.engine.dispose()
        pg, _watch = page
        expect = _browser.sync_api.expect
        _browser.sign_in(pg, "sup.kyiv")
        link = pg.get_by_role("link", name="1 new notice(s)")
        expect(link).to_be_visible()
        link.focus()
        pg.keyboard.press("Enter")
        pg.wait_for_url("**/notices")
        pg.get_by_role("link", name="Recruiter seen in three ports").click()
        expect(pg.get_by_text("Seen in ports.")).to_be_visible()
        _browser.shot(pg, "60-notice")
        pg.goto("/exchange/compose/new")
        expect(pg.get_by_role("heading", name="Compose")).to_be_visible()
        pg.get_by_label("Recipients").fill("DE")
        pg.get_by_label("Subject").fill("About the recruiter")
        pg.get_by_label("Handling code").select_option("H3")
        pg.get_by_role("button", name="Send").click()
        expect(pg.get_by_text("H3 needs its restrictions stated in words.").first).to_be_visible()
        _browser.shot(pg, "61-compose-errors")


def test_the_outbox_page_shows_failed_deliveries(node, signed_in, tmp_path) -> None:
    from datetime import UTC, datetime

    from sqlalchemy import update

    from interlink import exchange
    from interlink.exchange.keys import init_keys
    from interlink.store import exchange as store
    from interlink.store.db import transaction
    from interlink.store.schema import exchange_outbox

    init_keys(node.settings.keys_dir)
    de = init_keys(tmp_path / "de-keys")
    with transaction(node.engine) as conn:
        entry = store.NodeEntry(
            "DE", "national", "http://127.0.0.1:9", de.signing_public, de.encryption_public
        )
        store.put_node(conn, entry, datetime.now(UTC), "test")
        mid = exchange.queue(conn, node, Draft(kind=Kind.MESSAGE, recipients=["DE"]))
        conn.execute(
            update(exchange_outbox)
            .where(exchange_outbox.c.message_id == str(mid))
            .values(status="failed", attempts=200, last_error="gave up after 200 attempts: 503")
        )
    page = signed_in(Role.NCB_OFFICER).get("/exchange/outbox")
    assert page.status_code == 200
    assert "Failed deliveries" in page.text
    assert "gave up after 200 attempts: 503" in page.text
    assert f"/exchange/messages/{mid}" in page.text
