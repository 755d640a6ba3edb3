"""Pages without a browser: sign-in, CSRF, headers, session expiry, lock-out, access, audit."""

from __future__ import annotations

import time
from dataclasses import replace

from sqlalchemy import select

from interlink import records
from interlink.access import Role
from interlink.access.accounts import MAX_FAILED_LOGINS
from interlink.domain import model
from interlink.domain.codes import HandlingCode
from interlink.domain.provenance import ProvenanceIn
from interlink.store.db import reading
from interlink.store.schema import audit_log
from interlink.web import session as sessions
from tests.conftest import PASSWORD
from tests.web.conftest import csrf_of, new_client, sign_in

PERSON_FORM = {
    "name-0-full": "Олег Петренко",
    "name-0-kind": "birth",
    "name-0-given": "",
    "name-0-middle": "",
    "name-0-family": "",
    "gender": "male",
    "role": "suspect",
    "birth_date": "1980-02",
    "birth_place": "",
    "birth_country": "UA",
    "nationalities": "UA",
    "document_numbers": "FB123456",
    "phones": "+380501234567",
    "emails": "",
    "addresses": "",
    "distinguishing_marks": "",
    "notes": "",
    "reliability": "B",
    "assessment": "2",
    "handling_code": "H0",
    "handling_text": "",
    "source": "",
    "review_date": "",
}


def _person(node, actor, name: str, code: HandlingCode = HandlingCode.H0) -> str:
    facts = model.Person(names=[model.PersonName(full=name)])
    return records.create(node, actor, facts, ProvenanceIn(handling_code=code)).id


def _audit_actions(node) -> list[tuple[str, str, str | None]]:
    with reading(node.engine) as conn:
        rows = conn.execute(
            select(audit_log.c.action, audit_log.c.outcome, audit_log.c.purpose).order_by(
                audit_log.c.seq
            )
        ).all()
    return [(r.action, r.outcome, r.purpose) for r in rows]


def test_pages_need_sign_in_and_root_redirects(client):
    for path in ("/", "/search", "/persons/new"):
        response = client.get(path)
        assert response.status_code == 303
        assert response.headers["location"].startswith("/sign-in?next=")
    page = client.get("/sign-in")
    assert page.status_code == 200
    assert 'name="username"' in page.text and 'name="password"' in page.text


def test_sign_in_and_out(client, people):
    actor = people.actor(Role.INVESTIGATOR)
    response = sign_in(client, actor.username)
    assert response.status_code == 303 and response.headers["location"] == "/"
    home = client.get("/")
    assert home.status_code == 200 and "Work queue" in home.text
    out = client.post("/sign-out", data={"csrf": csrf_of(home.text)})
    assert out.status_code == 303
    assert client.get("/").status_code == 303
    actions = [a for a, _, _ in _audit_actions(client.app.state.node)]
    assert "sign_in" in actions and actions[-1] == "sign_out"


def test_a_stolen_cookie_is_useless_after_sign_out(client, people):
    actor = people.actor(Role.INVESTIGATOR)
    sign_in(client, actor.username)
    cookie = client.cookies.get(sessions.COOKIE)
    home = client.get("/")
    client.post("/sign-out", data={"csrf": csrf_of(home.text)})
    client.cookies.set(sessions.COOKIE, cookie)  # the old cookie, replayed
    assert client.get("/").status_code == 303


def test_wrong_password_is_refused_and_audited(client, people):
    actor = people.actor(Role.INVESTIGATOR)
    response = sign_in(client, actor.username, "wrong-password-123")
    assert response.status_code == 200  # the form again, with its message
    assert "Wrong username or password" in response.text
    assert ("sign_in", "refused", None) in _audit_actions(client.app.state.node)


def test_lock_out_after_repeated_failures(client, people):
    actor = people.actor(Role.INVESTIGATOR)
    for _ in range(MAX_FAILED_LOGINS):
        assert sign_in(client, actor.username, "wrong-password-123").status_code == 200
    locked = sign_in(client, actor.username, PASSWORD)
    assert locked.status_code == 200 and "Wrong username or password" in locked.text
    assert client.get("/").status_code == 303


def test_forms_without_the_csrf_token_are_refused(signed_in):
    client = signed_in(Role.INVESTIGATOR)
    for path, data in (
        ("/persons/new", PERSON_FORM),
        ("/search", {"q": "Oleg", "purpose": "case 1"}),
        ("/sign-out", {}),
    ):
        for token in (None, "forged-token"):
            sent = dict(data, csrf=token) if token else data
            response = client.post(path, data=sent)
            assert response.status_code == 403, path
            assert "did not come from this site" in response.text
    assert client.get("/").status_code == 200  # still signed in


def test_sign_in_form_needs_its_csrf_token(client, people):
    actor = people.actor(Role.INVESTIGATOR)
    client.get("/sign-in")
    response = client.post(
        "/sign-in", data={"username": actor.username, "password": PASSWORD, "csrf": "x"}
    )
    assert response.status_code == 403


def test_security_headers_and_cookie_flags(client, people):
    page = client.get("/sign-in")
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert page.headers["referrer-policy"] == "no-referrer"
    assert page.headers["x-content-type-options"] == "nosniff"
    cookie = page.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert "<script>" not in page.text and " on" + "click=" not in page.text
    static = client.get("/static/htmx.min.js")
    assert static.status_code == 200 and "content-security-policy" in static.headers


def test_cookie_is_secure_over_https_and_off_loopback(node, people):
    for base in ("https://127.0.0.1", "http://interlink.police.example"):
        from fastapi.testclient import TestClient

        from interlink.api.app import create_app

        with TestClient(create_app(node=node), base_url=base) as c:
            assert "secure" in c.get("/sign-in").headers["set-cookie"].lower()


def test_session_ends_after_inactivity(signed_in, node):
    client = signed_in(Role.INVESTIGATOR)
    key = client.app.state.web_session_key
    current = sessions.decode(key, client.cookies.get(sessions.COOKIE))
    assert current is not None and current.token
    idle = node.settings.web_session_minutes * 60 + 5
    client.cookies.set(
        sessions.COOKIE, sessions.encode(key, replace(current, seen=int(time.time()) - idle))
    )
    response = client.get("/search")
    assert response.status_code == 303 and "expired=1" in response.headers["location"]
    # The sign-in token was revoked on the server: the fresh-looking cookie is dead too.
    client.cookies.set(sessions.COOKIE, sessions.encode(key, current.touched()))
    assert client.get("/search").status_code == 303


def test_a_tampered_cookie_is_ignored(signed_in):
    client = signed_in(Role.INVESTIGATOR)
    cookie = client.cookies.get(sessions.COOKIE)
    payload, signature = cookie.rsplit(".", 1)
    client.cookies.set(sessions.COOKIE, payload + "x." + signature)
    assert client.get("/").status_code == 303


def test_search_asks_the_purpose_once_and_audits_it(signed_in, node, people):
    client = signed_in(Role.INVESTIGATOR)
    _person(node, people.actor(Role.INVESTIGATOR), "Олег Петренко")
    page = client.get("/search")
    assert 'name="purpose"' in page.text
    token = csrf_of(page.text)
    refused = client.post("/search", data={"csrf": token, "q": "Oleg Petrenko"})
    assert "State why you search" in refused.text and 'id="purpose-error"' in refused.text
    found = client.post("/search", data={"csrf": token, "q": "Oleg Petrenko", "purpose": "case 17"})
    assert found.status_code == 200 and "Олег Петренко" in found.text
    assert "1 person found" in found.text and "X4" in found.text
    again = client.get("/search")
    assert 'name="purpose"' not in again.text and "case 17" in again.text
    by_document = client.post("/search", data={"csrf": token, "q": "Petrenko"})
    assert "Олег Петренко" in by_document.text
    # Names go to the identity engine, audited as "match" with the session's purpose.
    searches = [(a, p) for a, _, p in _audit_actions(node) if a in ("search", "match")]
    assert searches == [("match", "case 17"), ("match", "case 17")]


def test_create_read_and_edit_a_person(signed_in, node):
    client = signed_in(Role.INVESTIGATOR)
    form = client.get("/persons/new")
    created = client.post("/persons/new", data=dict(PERSON_FORM, csrf=csrf_of(form.text)))
    assert created.status_code == 303
    page_url = created.headers["location"].split("?")[0]
    page = client.get(page_url)
    assert page.status_code == 200
    for shown in ("Олег Петренко", "Cyrl", "FB123456", "+380501234567", "B2", "H0", "1980-02"):
        assert shown in page.text
    assert "Who has looked" not in page.text  # an investigator does not see the readers
    edit = client.get(page_url + "/edit")
    assert edit.status_code == 200 and 'value="Олег Петренко"' in edit.text
    changed = dict(
        PERSON_FORM,
        csrf=csrf_of(edit.text),
        version="1",
        **{"name-1-full": "Oleg Petrenko", "name-1-kind": "as_in_document"},
        birth_place="Odesa",
    )
    assert client.post(page_url + "/edit", data=changed).status_code == 303
    page = client.get(page_url)
    assert "Oleg Petrenko" in page.text and "Odesa" in page.text
    stale = client.post(page_url + "/edit", data=changed)  # version 1 again
    assert stale.status_code == 200 and "reload it" in stale.text


def test_invalid_person_comes_back_with_messages_by_field(signed_in):
    client = signed_in(Role.INVESTIGATOR)
    token = csrf_of(client.get("/persons/new").text)
    bad = dict(
        PERSON_FORM,
        csrf=token,
        birth_date="19x",
        phones="not a phone",
        handling_code="H3",
        **{"name-0-full": ""},
    )
    response = client.post("/persons/new", data=bad)
    assert response.status_code == 200 and "Please correct the following" in response.text
    text = response.text
    for field in ("name-0-full", "birth_date", "phones", "handling_text"):
        assert f'id="{field}-error"' in text, field
        assert f'href="#{field}"' in text, field
    assert "Give at least one name." in text
    assert 'value="not a phone"' not in text  # textareas keep what was typed instead
    assert "not a phone</textarea>" in text


def test_h2_record_of_another_unit_is_not_found(signed_in, node, people):
    owner = people.actor(Role.INVESTIGATOR, "UA-LVIV")
    hidden = _person(node, owner, "Ігор Коваль", HandlingCode.H2)
    client = signed_in(Role.INVESTIGATOR, "UA-KYIV")
    response = client.get(f"/persons/{hidden}")
    assert response.status_code == 404
    assert "Page not found" in response.text and "Ігор Коваль" not in response.text
    assert client.get(f"/persons/{hidden}/edit").status_code == 404
    assert client.get("/persons/not-a-uuid").status_code == 404


def test_supervisor_sees_who_has_looked(signed_in, node, people):
    investigator = people.actor(Role.INVESTIGATOR)
    rid = _person(node, investigator, "Олег Петренко")
    records.read(node, investigator, rid, purpose="case 9")
    client = signed_in(Role.SUPERVISOR)
    page = client.get(f"/persons/{rid}")
    assert "Who has looked at this record" in page.text
    assert investigator.username in page.text and "case 9" in page.text


def test_work_queue_lists_cases_children_first(signed_in, node, people):
    actor = people.actor(Role.SUPERVISOR)
    for ref, priority, child in (
        ("C-1", "urgent", False),
        ("C-2", "low", True),
        ("C-3", "normal", False),
    ):
        facts = model.Case(
            reference=ref, title=f"case {ref}", priority=priority, child_involved=child
        )
        records.create(node, actor, facts, ProvenanceIn())
    page = signed_in(Role.SUPERVISOR).get("/").text
    # by title: a bare "C-3" may also occur in the page's random CSRF token
    assert page.index("case C-2") < page.index("case C-1") < page.index("case C-3")
    assert "child involved" in page and "No record is due for review." in page


def test_unknown_pages_and_errors_are_friendly(client):
    page = client.get("/no-such-page")
    assert page.status_code == 404 and "Page not found" in page.text
    assert client.get("/api/no-such-thing").headers["content-type"].startswith("application/json")


def test_every_page_but_sign_in_needs_a_signed_in_user(client):
    from interlink.web.routing import WebRoute
    from interlink.web.views import home, persons, search, second_factor, sign_in

    modules = (home, persons, search, sign_in, second_factor)
    # (sign_in's router includes second_factor's: that inclusion is no route of its own)
    routes = [r for m in modules for r in m.router.routes if getattr(r, "path", None)]
    assert len(routes) >= 16 and all(isinstance(r, WebRoute) for r in routes)
    for route in routes:
        if route.path in ("/sign-in", "/sign-in/code"):  # the way in, and its second step
            continue
        path = route.path.replace("{record_id}", "01a22167-256d-744f-8164-d892c4c8a586")
        path = path.replace("{decision_id}", "01a22167-256d-744f-8164-d892c4c8a587")
        for method in route.methods:
            response = client.request(method, path)
            assert response.status_code == 303, (method, path)
            assert response.headers["location"].startswith("/sign-in"), (method, path)


def test_next_is_never_another_site(client, people):
    from interlink.web.views.sign_in import safe_next

    for target in ("//evil.example", "/\\evil.example", "/\t/evil.example", "https://x", ""):
        assert safe_next(target) == "/"
    assert safe_next("/persons/new") == "/persons/new"
    actor = people.actor(Role.INVESTIGATOR)
    page = client.get("/sign-in?next=//evil.example/x")
    response = client.post(
        "/sign-in",
        data={
            "csrf": csrf_of(page.text),
            "username": actor.username,
            "password": PASSWORD,
            "next": "//evil.example/x",
        },
    )
    assert response.headers["location"] == "/"


def test_demo_root_opens_on_sign_in(node):
    with new_client(node) as c:
        assert c.get("/").headers["location"].startswith("/sign-in")


def test_signed_in_users_skip_the_sign_in_page(signed_in):
    client = signed_in(Role.INVESTIGATOR)
    response = client.get("/sign-in?next=/search")
    assert response.status_code == 303 and response.headers["location"] == "/search"


def test_htmx_requests_are_sent_to_sign_in_by_header(client):
    response = client.post("/search", headers={"HX-Request": "true"}, data={"q": "x"})
    assert response.status_code == 204
    assert response.headers["hx-redirect"].startswith("/sign-in?next=/search")


def test_a_review_date_in_the_past_is_refused_beside_its_field(signed_in):
    client = signed_in(Role.INVESTIGATOR)
    token = csrf_of(client.get("/persons/new").text)
    response = client.post(
        "/persons/new", data=dict(PERSON_FORM, csrf=token, review_date="2001-01-01")
    )
    assert 'id="review_date-error"' in response.text and "must be in the future" in response.text
