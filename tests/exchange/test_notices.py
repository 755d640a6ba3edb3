"""Notices: published by the Secretariat to every national node, kept and cancelled there."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from interlink.access import Role
from interlink.access.accounts import add_user, ensure_unit
from interlink.exchange import notices
from interlink.exchange.messages import Kind
from interlink.node import Node
from interlink.records.errors import Forbidden, Invalid
from interlink.settings import Settings
from interlink.store.db import reading, transaction
from interlink.store.schema import audit_log
from tests.conftest import PASSWORD
from tests.exchange.secretariat_support import capturing, deliver, identity, person_facts


@pytest.fixture
def gs(database_url: str, tmp_path) -> Node:
    node = Node(
        Settings(data_dir=tmp_path / "gs", database_url=database_url, node_role="secretariat")
    )
    yield node
    node.engine.dispose()


@pytest.fixture
def gs_apart(sqlite_template, tmp_path) -> Node:
    """A Secretariat with a database of its own beside the national ``node`` (SQLite)."""
    import shutil

    shutil.copyfile(sqlite_template, tmp_path / "gs.db")
    node = Node(
        Settings(
            data_dir=tmp_path / "gs-apart",
            database_url=f"sqlite:///{tmp_path / 'gs.db'}",
            node_role="secretariat",
        )
    )
    yield node
    node.engine.dispose()


def _officer(gs: Node):
    with transaction(gs.engine) as conn:
        ensure_unit(conn, "GS-OPS", "Operations", "FR")
        return add_user(conn, "gs.officer", Role.NCB_OFFICER, "GS-OPS", PASSWORD).actor()


@pytest.fixture
def gs_officer(gs: Node):
    return _officer(gs)


def test_a_warning_reaches_every_national_node_and_its_cancellation_removes_details(
    gs_apart: Node, node: Node, people
) -> None:
    gs, gs_officer = gs_apart, _officer(gs_apart)
    who = identity(41)
    facts = person_facts(who)
    with capturing(["UA", "MD", "PL"]) as box:
        published = notices.publish(
            gs,
            gs_officer,
            "warning",
            subject="Recruiter active on two routes",
            text="Seen in 2026.",
            person=facts,
        )
    [(sender, draft)] = box.sent
    assert sender == "GS" and draft.kind == Kind.NOTICE
    assert draft.recipients == ["MD", "PL", "UA"]
    assert (
        published.person is not None
        and published.person["names"][0]["family"] == who.family.latin[0]
    )

    deliver(node, "GS", draft)  # the Ukrainian node receives it
    reader = people.actor(Role.INVESTIGATOR)
    [kept] = notices.list_notices(node, reader)
    assert kept.id == published.id and kept.notice_kind == "warning" and kept.issuer == "GS"
    assert kept.subject == "Recruiter active on two routes" and kept.person is not None
    assert notices.unread_count(node, reader) == 1
    notices.read_notice(node, reader, kept.id)
    assert notices.unread_count(node, reader) == 0

    with capturing(["UA", "MD", "PL"]) as box:
        notices.cancel(gs, gs_officer, published.id, reason="Arrested")
    [(_, cancellation)] = box.sent
    assert cancellation.kind == Kind.NOTICE_CANCELLATION and cancellation.recipients == [
        "MD",
        "PL",
        "UA",
    ]
    deliver(node, "GS", cancellation)
    [gone] = notices.list_notices(node, reader)
    assert gone.cancelled and gone.cancel_reason == "Arrested"
    assert gone.person is None and gone.subject is None and gone.text is None
    with reading(gs.engine) as conn:
        actions = set(conn.execute(select(audit_log.c.action)).scalars())
    assert {"notice_publish", "notice_cancel"} <= actions


def test_a_request_to_locate_a_possible_victim_leaves_out_where_they_live(
    gs: Node, gs_officer
) -> None:
    facts = person_facts(identity(42)) | {
        "role": "possible_victim",
        "addresses": ["12 Harbour Road"],
    }
    with capturing() as box:
        notices.publish(gs, gs_officer, "locate", subject="Missing since March", person=facts)
    [(_, draft)] = box.sent
    person = draft.body.data["person"]
    assert person["role"] == "possible_victim" and "addresses" not in person


def test_a_warning_about_a_victim_is_refused(gs: Node, gs_officer) -> None:
    facts = person_facts(identity(43)) | {"role": "victim"}
    with capturing() as box, pytest.raises(Forbidden, match="victim"):
        notices.publish(gs, gs_officer, "warning", subject="x", person=facts)
    assert box.sent == []


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"kind": "alert", "subject": "x"}, "kind"),
        ({"kind": "warning", "subject": " "}, "subject"),
        ({"kind": "warning", "subject": "x", "person": {"names": []}}, "person.names"),
    ],
)
def test_bad_notices_name_their_field(gs: Node, gs_officer, kwargs, field) -> None:
    with capturing() as box, pytest.raises(Invalid) as caught:
        notices.publish(gs, gs_officer, **kwargs)
    assert caught.value.field == field and box.sent == []


def test_only_the_secretariat_publishes(node: Node, people) -> None:
    with capturing() as box, pytest.raises(Invalid, match="General Secretariat"):
        notices.publish(node, people.actor(Role.NCB_OFFICER), "warning", subject="x")
    with pytest.raises(Forbidden):
        notices.publish(node, people.actor(Role.ANALYST), "warning", subject="x")
    assert box.sent == []


def test_notices_from_a_national_node_are_ignored(node: Node, people) -> None:
    from interlink.exchange.messages import Body, Draft

    data = {
        "notice": "5f1c9a52-2d0e-4c8e-9a37-1b2c3d4e5f60",
        "kind": "warning",
        "published_at": "2026-11-28T10:00:00Z",
    }
    deliver(node, "MD", Draft(kind=Kind.NOTICE, recipients=["UA"], body=Body(data=data)))
    assert notices.list_notices(node, people.actor(Role.INVESTIGATOR)) == []


def test_a_cancellation_that_overtakes_its_notice_is_kept_and_applied(
    gs_apart: Node, node: Node, people
) -> None:
    gs, gs_officer = gs_apart, _officer(gs_apart)
    with capturing(["UA"]) as box:
        published = notices.publish(
            gs,
            gs_officer,
            "warning",
            subject="Forger of passports",
            person=person_facts(identity(42)),
        )
        notices.cancel(gs, gs_officer, published.id, reason="Withdrawn by the issuer")
    [(_, notice), (_, cancellation)] = box.sent
    deliver(node, "GS", cancellation)  # the cancellation arrives first
    reader = people.actor(Role.INVESTIGATOR)
    [early] = notices.list_notices(node, reader)
    assert early.id == published.id and early.cancelled and early.notice_kind == "warning"
    assert early.cancel_reason == "Withdrawn by the issuer" and early.person is None
    deliver(node, "GS", notice)  # then the notice: it stays cancelled, its details not kept
    [kept] = notices.list_notices(node, reader)
    assert kept.id == published.id and kept.cancelled
    assert kept.person is None and kept.subject is None and kept.text is None
    assert notices.unread_count(node, reader) == 0
