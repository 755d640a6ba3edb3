"""Sharing hashes and series through the exchange, with the handlers run in-process: a
country shares, the Secretariat keeps the international set and tells every country whose
cases hold the same series. Messages carry hashes and metadata only."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from interlink import media
from interlink.access.roles import Role
from interlink.exchange import outlet
from interlink.exchange.handlers import Received, handle
from interlink.exchange.messages import Attachment, Body, Draft, Envelope, Kind, Message
from interlink.node import Node
from interlink.records.errors import Forbidden, Invalid
from interlink.settings import Settings
from interlink.store import media as store
from interlink.store.db import reading, transaction
from tests.media.conftest import hashes_of, write_list
from tests.media.images import jpeg, picture


@pytest.fixture
def secretariat(sqlite_template: Path, tmp_path: Path) -> Iterator[Node]:
    db = tmp_path / "gs.db"
    shutil.copyfile(sqlite_template, db)
    gs = Node(
        Settings(
            data_dir=tmp_path / "gs",
            database_url=f"sqlite:///{db}",
            node_role="secretariat",
            media_scan_workers=0,
        )
    )
    yield gs
    gs.engine.dispose()


class Box:
    def __init__(self) -> None:
        self.sent: list[tuple[str, Draft]] = []

    def sink(self, conn, node, draft):  # type: ignore[no-untyped-def]
        self.sent.append((outlet.node_id(node), draft))
        return str(uuid.uuid4())


@pytest.fixture
def box() -> Iterator[Box]:
    captured = Box()
    with outlet.redirected(captured.sink):
        yield captured


def deliver(node: Node, sender: str, draft: Draft) -> None:
    message = Message(
        envelope=Envelope(
            id=uuid.uuid4(),
            sender=sender,
            recipients=draft.recipients,
            created=datetime.now(UTC),
            kind=draft.kind,
        ),
        body=draft.body,
    )
    with transaction(node.engine) as conn:
        handle(Received(node=node, conn=conn, message=message))


def _scanned_case(node, people, tmp_path: Path, ref: str, series: str) -> tuple[str, dict]:  # type: ignore[no-untyped-def]
    seized = tmp_path / ref
    seized.mkdir()
    (seized / "x.jpg").write_bytes(jpeg(picture(40)))
    h = hashes_of(seized / "x.jpg")
    row = {"md5": h.md5, "pdq": h.pdq or "", "series": series, "category": "1"}
    report = media.import_set(
        node,
        people.actor(Role.SUPERVISOR),
        write_list(tmp_path / f"{ref}.csv", [row]),
        name=f"set {ref}",
    )
    assert report.written
    result = media.scan(node, people.actor(Role.INVESTIGATOR), seized, ref)
    return result.case_id, row


def test_country_shares_hashes_and_the_secretariat_links_countries(
    node, people, secretariat, box, tmp_path: Path
) -> None:
    case_id, row = _scanned_case(node, people, tmp_path, "CSE-UA-1", "Harbour")
    ncb = people.actor(Role.NCB_OFFICER)
    with pytest.raises(Forbidden):
        media.share(node, people.actor(Role.INVESTIGATOR), set_name="set CSE-UA-1")
    sent = media.share(node, ncb, set_name="set CSE-UA-1")
    assert sent["hashes"] == 1 and sent["series"] == 1
    ((sender, draft),) = box.sent
    assert (sender, draft.kind, draft.recipients) == ("UA", Kind.HASHES, ["GS"])
    assert draft.body.attachments == [] and draft.body.records == []
    assert set(draft.body.data) == {"hashes", "series", "cases"}
    (shared,) = draft.body.data["hashes"]
    assert shared["md5"] == row["md5"] and shared["pdq"] == row["pdq"]
    assert set(shared) == {
        "md5",
        "sha1",
        "sha256",
        "pdq",
        "series",
        "category",
        "victim_identified",
    }
    assert draft.body.data["cases"] == [{"series": "Harbour", "node": None, "case_id": case_id}]

    box.sent.clear()
    deliver(secretariat, "UA", draft)
    with reading(secretariat.engine) as conn:
        international = store.get_set(conn, name="international")
        assert international is not None and international.entries == 1
        assert [(n, c) for n, c, _ in store.series_cases(conn, "Harbour")] == [("UA", case_id)]
    assert box.sent == []  # no other country holds the series yet

    # Moldova reports a case holding the same series: both countries are told.
    md_case = str(uuid.uuid4())
    md_draft = Draft(
        kind=Kind.HASHES,
        recipients=["GS"],
        body=Body(
            data={
                "hashes": [{"md5": row["md5"], "series": "Harbour", "category": "1"}],
                "series": [
                    {"name": "Harbour", "production_country": "MD", "victim_identified": False}
                ],
                "cases": [{"series": "Harbour", "case_id": md_case}],
            }
        ),
    )
    deliver(secretariat, "MD", md_draft)
    told = {draft.recipients[0]: draft for _, draft in box.sent}
    assert set(told) == {"UA", "MD"}
    assert told["UA"].body.data["cases"] == [
        {"series": "Harbour", "node": "MD", "case_id": md_case}
    ]
    assert told["MD"].body.data["cases"] == [
        {"series": "Harbour", "node": "UA", "case_id": case_id}
    ]
    with reading(secretariat.engine) as conn:
        assert store.get_set(conn, name="international").entries == 1  # the same hash once

    # Ukraine takes in what the Secretariat says: the series record and Moldova's case.
    box.sent.clear()
    deliver(node, "GS", told["UA"])
    assert box.sent == []  # a national node never answers
    view = media.get_series(node, people.actor(Role.INVESTIGATOR), "Harbour")
    assert view.series.production_country == "MD"
    assert view.countries == ["MD", "UA"]
    sets = {s.name: s for s in media.list_sets(node, ncb)}
    assert sets["international"].origin_node == "GS"


def test_received_media_or_bad_hashes_are_refused(node, people, box) -> None:
    with_file = Draft(
        kind=Kind.HASHES,
        recipients=["UA"],
        body=Body(
            attachments=[
                Attachment(
                    name="a.jpg", media_type="image/jpeg", sha256="0" * 64, content_b64="AAAA"
                )
            ]
        ),
    )
    with pytest.raises(Invalid, match="attachments"):
        deliver(node, "GS", with_file)
    bad = Draft(
        kind=Kind.HASHES, recipients=["UA"], body=Body(data={"hashes": [{"md5": "not-hex"}]})
    )
    with pytest.raises(Invalid, match=r"hashes\.0\.md5"):
        deliver(node, "GS", bad)
    extra = Draft(
        kind=Kind.HASHES,
        recipients=["UA"],
        body=Body(data={"hashes": [{"md5": "0" * 32, "image": "AAAA"}]}),
    )
    with pytest.raises(Invalid):
        deliver(node, "GS", extra)
    with reading(node.engine) as conn:
        assert store.get_set(conn, name="international") is None
