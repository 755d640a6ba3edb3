"""Identification photos on the person page: upload (decoded first), view (checked, audited),
removal. The images are drawn by the test: harmless generated pictures."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw
from sqlalchemy import select

from interlink import records
from interlink.access import Role
from interlink.domain import model
from interlink.domain.codes import HandlingCode
from interlink.domain.provenance import ProvenanceIn
from interlink.store.db import reading
from interlink.store.schema import audit_log
from interlink.web import photos
from tests.web.conftest import csrf_of


def drawn(fmt: str = "PNG", size: tuple[int, int] = (120, 160)) -> bytes:
    """A generated portrait-like picture: a face-coloured oval on a grey background."""
    image = Image.new("RGB", size, (200, 200, 205))
    ImageDraw.Draw(image).ellipse((20, 20, size[0] - 20, size[1] - 30), fill=(225, 190, 160))
    out = io.BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()


def _person(node, actor, code: HandlingCode = HandlingCode.H0) -> str:
    facts = model.Person(names=[model.PersonName(full="Олена Коваль")])
    return records.create(node, actor, facts, ProvenanceIn(handling_code=code)).id


def _upload(client, person: str, data: bytes, name: str = "photo.png", kind: str = "image/png"):
    page = client.get(f"/persons/{person}")
    return client.post(
        f"/persons/{person}/photos",
        data={"csrf": csrf_of(page.text)},
        files={"photo": (name, data, kind)},
    )


def test_upload_show_and_remove_a_photo(signed_in, node, people):
    olena = _person(node, people.actor(Role.INVESTIGATOR))
    client = signed_in(Role.INVESTIGATOR)
    picture = drawn("JPEG")
    response = _upload(client, olena, picture, "face.jpg", "application/octet-stream")
    assert response.status_code == 303, response.text
    stored = records.read(node, people.actor(Role.INVESTIGATOR), olena)
    assert len(stored.facts.photos) == 1 and stored.facts.photos[0].media_type == "image/jpeg"
    sha = stored.facts.photos[0].sha256
    page = client.get(f"/persons/{olena}").text
    assert f'<img src="/persons/{olena}/photos/{sha}" alt="Photo 1 of this person"' in page
    served = client.get(f"/persons/{olena}/photos/{sha}")
    assert served.status_code == 200 and served.content == picture
    assert served.headers["content-type"] == "image/jpeg"
    assert "no-store" in served.headers["cache-control"]
    with reading(node.engine) as conn:
        actions = [
            r.action
            for r in conn.execute(select(audit_log.c.action).where(audit_log.c.record_id == olena))
        ]
    assert "read_photo" in actions and actions.count("update") == 1

    removed = client.post(f"/persons/{olena}/photos/{sha}/remove", data={"csrf": csrf_of(page)})
    assert removed.status_code == 303
    assert records.read(node, people.actor(Role.INVESTIGATOR), olena).facts.photos == []
    assert client.get(f"/persons/{olena}/photos/{sha}").status_code == 404


def test_what_is_not_a_readable_image_is_refused_beside_the_field(signed_in, node, people):
    olena = _person(node, people.actor(Role.INVESTIGATOR))
    client = signed_in(Role.INVESTIGATOR)
    fake = b"\x89PNG\r\n\x1a\n" + b"not really an image" * 50  # the magic bytes only
    cut = drawn("PNG")[:200]  # a real PNG, truncated
    for data in (fake, cut, b"%PDF-1.7 hello", drawn("BMP")):
        response = _upload(client, olena, data)
        assert response.status_code == 200
        assert 'id="photo-error"' in response.text
        assert "Choose a JPEG, PNG, GIF or WebP image file." in response.text
    assert records.read(node, people.actor(Role.INVESTIGATOR), olena).facts.photos == []
    assert not (node.settings.files_dir).exists() or not any(
        p.is_file() for p in node.settings.files_dir.rglob("*")
    )


def test_size_and_pixel_limits(signed_in, node, people, monkeypatch):
    olena = _person(node, people.actor(Role.INVESTIGATOR))
    client = signed_in(Role.INVESTIGATOR)
    monkeypatch.setattr(photos, "MAX_BYTES", 1000)
    response = _upload(client, olena, drawn("PNG", (400, 400)) + b"\0" * 2000)
    assert "The photo is too large" in response.text
    monkeypatch.setattr(photos, "MAX_BYTES", 10 * 2**20)
    monkeypatch.setattr(photos, "MAX_PIXELS", 100)
    assert 'id="photo-error"' in _upload(client, olena, drawn("PNG")).text


def test_photos_follow_the_person_access_rules(signed_in, node, people):
    lviv = people.actor(Role.INVESTIGATOR, "UA-LVIV")
    hidden = _person(node, lviv, HandlingCode.H2)
    lviv_client = signed_in(Role.INVESTIGATOR, "UA-LVIV")
    assert _upload(lviv_client, hidden, drawn()).status_code == 303
    sha = records.read(node, lviv, hidden).facts.photos[0].sha256
    lviv_client.cookies.clear()
    kyiv = signed_in(Role.INVESTIGATOR)
    assert kyiv.get(f"/persons/{hidden}/photos/{sha}").status_code == 404
    open_person = _person(node, people.actor(Role.INVESTIGATOR))
    page = kyiv.get(f"/persons/{open_person}")
    refused = kyiv.post(
        f"/persons/{hidden}/photos",
        data={"csrf": csrf_of(page.text)},
        files={"photo": ("p.png", drawn(), "image/png")},
    )
    assert refused.status_code == 404  # not even told the person exists


def test_roles_that_may_not_change_a_person_get_no_upload(signed_in, node, people):
    olena = _person(node, people.actor(Role.INVESTIGATOR))
    analyst = signed_in(Role.ANALYST)
    page = analyst.get(f"/persons/{olena}")
    assert page.status_code == 200 and 'name="photo"' not in page.text
    refused = analyst.post(
        f"/persons/{olena}/photos",
        data={"csrf": csrf_of(page.text)},
        files={"photo": ("p.png", drawn(), "image/png")},
    )
    assert refused.status_code == 403
