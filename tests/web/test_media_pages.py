"""The child-exploitation hash pages: hash sets (import, withdraw), scans, series. They show
hashes, counts and metadata — never an image (no <img>, no data: URL, no link to a file).
TestClient tests on SQLite and PostgreSQL; the templates keep to the CSP and label fields."""

from __future__ import annotations

import re
from pathlib import Path

from interlink import media
from interlink.access import Role
from tests.media.conftest import hashes_of, write_list
from tests.media.images import jpeg, picture
from tests.web.conftest import csrf_of, new_client, sign_in
from tests.web.test_templates import FORBIDDEN, TEMPLATES

NO_MEDIA = re.compile(r"<img\b|<video\b|<picture\b|data:image|/files/", re.IGNORECASE)


def test_media_templates_keep_to_the_csp_and_label_every_field() -> None:
    templates = sorted((TEMPLATES / "media").glob("*.html"))
    assert len(templates) >= 5
    for path in templates:
        text = path.read_text()
        for what, pattern in FORBIDDEN.items():
            assert not pattern.search(text), f"{path.name}: {what}"
        assert not NO_MEDIA.search(text), f"{path.name}: shows media"
        for tag in re.findall(r"<(?:input|select|textarea)\b[^>]*>", text):
            if 'type="hidden"' in tag:
                continue
            found = re.search(r'id="([^"]+)"', tag)
            assert found and f'for="{found.group(1)}"' in text, f"{path.name}: {tag}"


def test_import_list_withdraw_through_the_pages(signed_in, tmp_path: Path) -> None:
    client = signed_in(Role.SUPERVISOR)
    page = client.get("/media")
    assert page.status_code == 200 and "No hash set yet." in page.text
    md5 = "ab" * 16
    sent = client.post(
        "/media/hashsets",
        data={"csrf": csrf_of(page.text), "name": "ICSE 2026-11", "source": "INTERPOL ICSE"},
        files={"file": ("list.csv", f"md5,series,category\n{md5},Harbour,1\n", "text/csv")},
    )
    assert sent.status_code == 303, sent.text
    listed = client.get(sent.headers["location"])
    assert "ICSE 2026-11" in listed.text and "INTERPOL ICSE" in listed.text
    assert "Hash set ICSE 2026-11 imported." in listed.text

    bad = client.post(
        "/media/hashsets",
        data={"csrf": csrf_of(listed.text), "name": "ICSE 2026-11"},
        files={"file": ("list.csv", "md5\nnot-a-hash\n", "text/csv")},
    )
    assert bad.status_code == 422
    assert "line 2: md5: not a md5 hash: expected 32 hexadecimal digits" in bad.text

    withdrawn = client.post(
        "/media/hashsets/ICSE%202026-11/withdraw", data={"csrf": csrf_of(listed.text)}
    )
    assert withdrawn.status_code == 303
    assert ">withdrawn<" in client.get("/media").text

    series = client.get("/media/series")
    assert "Harbour" in series.text and "not identified" in series.text


def test_scan_and_series_pages_show_hashes_never_media(
    node, people, signed_in, tmp_path: Path
) -> None:
    seized = tmp_path / "seized"
    seized.mkdir()
    (seized / "known.jpg").write_bytes(jpeg(picture(50)))
    (seized / "new.jpg").write_bytes(jpeg(picture(51)))
    known = hashes_of(seized / "known.jpg")
    media.import_set(
        node,
        people.actor(Role.SUPERVISOR),
        write_list(tmp_path / "l.csv", [{"sha256": known.sha256, "series": "Lantern"}]),
    )
    result = media.scan(node, people.actor(Role.INVESTIGATOR), seized, "CSE-WEB-1")

    client = signed_in(Role.INVESTIGATOR)
    scans = client.get("/media/scans")
    assert scans.status_code == 200 and "CSE-WEB-1" in scans.text
    page = client.get(f"/media/scans/{result.scan_id}")
    assert page.status_code == 200
    assert known.sha256 in page.text and "known.jpg" in page.text and "new.jpg" in page.text
    assert "series Lantern: victim not identified" in page.text
    assert "possible new material" in page.text
    assert not NO_MEDIA.search(page.text)
    refused = client.post(
        "/media/series/Lantern", data={"csrf": csrf_of(page.text), "victim_identified": "yes"}
    )
    assert refused.status_code == 403  # investigators do not correct series records
    home = client.get("/")
    assert "series Lantern: victim not identified" in home.text

    series = client.get("/media/series/Lantern")
    assert series.status_code == 200 and "CSE-WEB-1" not in series.text  # ids, not references
    assert result.case_id in series.text

    with new_client(node) as supervisor:
        assert sign_in(supervisor, people.actor(Role.SUPERVISOR).username).status_code == 303
        _correct_series(supervisor)


def _correct_series(supervisor) -> None:  # type: ignore[no-untyped-def]
    form = supervisor.get("/media/series/Lantern")
    saved = supervisor.post(
        "/media/series/Lantern",
        data={
            "csrf": csrf_of(form.text),
            "production_country": "MD",
            "victim_identified": "yes",
            "identified_by": "MD police",
            "identified_on": "2026-10-01",
        },
    )
    assert saved.status_code == 303
    shown = supervisor.get("/media/series/Lantern").text
    assert "MD police" in shown and "2026-10-01" in shown


def test_other_roles_and_units(node, people, signed_in, tmp_path: Path) -> None:
    seized = tmp_path / "s"
    seized.mkdir()
    result = media.scan(node, people.actor(Role.INVESTIGATOR), seized, "CSE-WEB-2")
    with new_client(node) as analyst:
        assert sign_in(analyst, people.actor(Role.ANALYST).username).status_code == 303
        assert analyst.get("/media").status_code == 403
        assert 'href="/media"' not in analyst.get("/").text
    lviv = signed_in(Role.INVESTIGATOR, "UA-LVIV")
    assert lviv.get(f"/media/scans/{result.scan_id}").status_code == 404
    assert "CSE-WEB-2" not in lviv.get("/media/scans").text
