"""Scanning: exact and perceptual matches, thresholds, odd files, what is recorded, the case
and its safeguarding priority. Generated harmless images only."""

from __future__ import annotations

import base64
import logging
import os
from pathlib import Path

import pytest
from sqlalchemy import select

from interlink import media, records
from interlink.access.roles import Role
from interlink.media.hashes import hamming
from interlink.records.errors import Forbidden
from interlink.store.db import reading
from interlink.store.records import ids_for_external_refs
from interlink.store.schema import metadata
from tests.media.conftest import hashes_of, write_list
from tests.media.images import (
    brighter,
    cropped,
    giant_png,
    jpeg,
    picture,
    png,
    resized,
    texture,
)


def _import(node, actor, tmp: Path, rows, name="known", **kw):  # type: ignore[no-untyped-def]
    report = media.import_set(node, actor, write_list(tmp / f"{name}.csv", rows), name=name, **kw)
    assert report.written, report.errors
    return report


def _case_id(node, ref: str) -> str:  # type: ignore[no-untyped-def]
    with reading(node.engine) as conn:
        return ids_for_external_refs(conn, "case", [ref])[ref]


def test_exact_and_perceptual_matches_and_no_match_for_other_images(
    node, supervisor, investigator, tmp_path: Path
) -> None:
    known_dir = tmp_path / "known"
    known_dir.mkdir()
    original = picture(1)
    (known_dir / "a.jpg").write_bytes(jpeg(original))
    (known_dir / "b.jpg").write_bytes(jpeg(picture(2)))
    a, b = hashes_of(known_dir / "a.jpg"), hashes_of(known_dir / "b.jpg")
    _import(
        node,
        supervisor,
        tmp_path,
        [
            {"md5": b.md5, "series": "Harbour", "category": "1"},
            {"pdq": a.pdq, "series": "Lantern", "category": "2"},
        ],
    )
    seized = tmp_path / "seized"
    (seized / "sub").mkdir(parents=True)
    (seized / "copy_of_b.jpg").write_bytes(jpeg(picture(2)))
    (seized / "sub" / "small.jpg").write_bytes(jpeg(resized(original)))
    (seized / "sub" / "low.jpg").write_bytes(jpeg(original, quality=35))
    (seized / "sub" / "crop.jpg").write_bytes(jpeg(cropped(original, 0.01)))
    (seized / "sub" / "bright.jpg").write_bytes(jpeg(brighter(original)))
    (seized / "sub" / "lossless.png").write_bytes(png(original))
    (seized / "other.jpg").write_bytes(jpeg(picture(3)))
    (seized / "another.png").write_bytes(png(picture(4)))

    result = media.scan(node, investigator, seized, "CSE-2026-1")

    by_path = {m.path: m for m in result.matches}
    assert by_path["copy_of_b.jpg"].match == "exact"
    assert by_path["copy_of_b.jpg"].series == "Harbour"
    assert by_path["copy_of_b.jpg"].distance is None
    for name in ("small.jpg", "low.jpg", "crop.jpg", "bright.jpg", "lossless.png"):
        found = by_path[f"sub/{name}"]
        assert found.match == "perceptual" and found.series == "Lantern"
        assert found.category == "2" and found.scale == "exploitative"
        assert found.distance is not None and 0 <= found.distance <= 31
    assert "other.jpg" not in by_path and "another.png" not in by_path
    assert (result.files_scanned, result.unmatched, result.unreadable) == (8, 2, 0)
    assert result.by_series == {"Harbour": 1, "Lantern": 5}
    out = result.to_dict()
    assert set(out) >= {"files_scanned", "unreadable", "matches", "unmatched"}
    assert {m["match"] for m in out["matches"]} == {"exact", "perceptual"}


@pytest.mark.parametrize("kind", [picture, texture])
def test_what_pdq_tolerates_as_docs_media_says(kind, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """docs/media.md: resizing, re-compression, brightness and crops of 1 % per side stay
    within 31; a crop of 3 % per side does not; different pictures are far apart."""
    for seed in (51, 52, 53):
        image = kind(seed)
        edits = {
            "original": jpeg(image),
            "resized": jpeg(resized(image, 0.5)),
            "recompressed": jpeg(image, quality=35),
            "brighter": jpeg(brighter(image)),
            "crop 1%": jpeg(cropped(image, 0.01)),
            "crop 3%": jpeg(cropped(image, 0.03)),
            "other": jpeg(kind(seed + 100)),
        }
        found = {}
        for name, data in edits.items():
            (tmp_path / f"{name}.jpg").write_bytes(data)
            found[name] = hashes_of(tmp_path / f"{name}.jpg")
        assert found["original"].quality is not None and found["original"].quality >= 50
        distance = {n: hamming(found["original"].pdq, f.pdq or "") for n, f in found.items()}
        for name in ("resized", "recompressed", "brighter", "crop 1%"):
            assert distance[name] <= 31, (seed, name, distance)
        assert distance["crop 3%"] > 31 and distance["other"] > 64, (seed, distance)


def test_thresholds_are_respected(node, supervisor, investigator, tmp_path: Path) -> None:
    original = picture(11)
    (tmp_path / "k.jpg").write_bytes(jpeg(original))
    known = hashes_of(tmp_path / "k.jpg")
    flat = tmp_path / "flat.png"
    from PIL import Image

    Image.new("RGB", (200, 200), (90, 90, 90)).save(flat)
    flat_hash = hashes_of(flat)
    assert flat_hash.quality is not None and flat_hash.quality < 50
    _import(node, supervisor, tmp_path, [{"pdq": known.pdq}, {"pdq": flat_hash.pdq}])
    seized = tmp_path / "seized"
    seized.mkdir()
    (seized / "bright.jpg").write_bytes(jpeg(brighter(original, 1.3)))
    distance = hamming(known.pdq, hashes_of(seized / "bright.jpg").pdq or "")
    assert 0 < distance <= 31
    Image.new("RGB", (200, 200), (90, 90, 90)).save(seized / "flat.bmp")  # same, other bytes

    default = media.scan(node, investigator, seized, "CSE-T1")
    assert [m.path for m in default.matches] == ["bright.jpg"]  # the flat image: quality < 50

    strict = media.scan(node, investigator, seized, "CSE-T1", max_distance=distance - 1)
    assert strict.matches == []
    exact_only = media.scan(node, investigator, seized, "CSE-T1", max_distance=distance)
    assert [m.distance for m in exact_only.matches] == [distance]
    lenient = media.scan(node, investigator, seized, "CSE-T1", min_quality=0)
    assert sorted(m.path for m in lenient.matches) == ["bright.jpg", "flat.bmp"]


def test_odd_files_are_counted_with_their_reason(node, investigator, tmp_path: Path) -> None:
    seized = tmp_path / "seized"
    seized.mkdir()
    (seized / "empty.jpg").write_bytes(b"")
    (seized / "notes.txt").write_text("shopping list")
    (seized / "broken.jpg").write_bytes(jpeg(picture(5))[:300])
    (seized / "huge.bin").write_bytes(os.urandom(2_500_000))  # above media_max_image_bytes
    (seized / "clip.mp4").write_bytes(os.urandom(1000))
    (seized / "giant.png").write_bytes(giant_png(30_000, 30_000))  # 900 million pixels
    os.mkfifo(seized / "pipe")
    (seized / "link.jpg").symlink_to(seized / "notes.txt")
    (seized / "ok.jpg").write_bytes(jpeg(picture(6)))

    result = media.scan(node, investigator, seized, "CSE-ODD")

    assert result.files_scanned == 9
    assert result.unreadable == 3
    assert dict(result.unreadable_reasons) == {
        "empty": 1,
        "link not followed": 1,
        "not a regular file": 1,
    }
    # hashed by MD5, SHA-1 and SHA-256, but no PDQ: notes.txt, broken.jpg, clip.mp4; huge.bin
    assert dict(result.not_decoded) == {
        "not an image": 3,
        "too large to decode": 1,
        "too many pixels to decode": 1,
    }
    # possible new material: the images (one too large to decode) and the video
    assert result.unmatched == 3
    assert result.other == 3  # notes.txt, broken.jpg, huge.bin: hashed, matched nothing


def test_hash_file_of_a_directory_says_unreadable(tmp_path: Path) -> None:
    from interlink.media.hashes import hash_file

    (tmp_path / "d").mkdir()
    found = hash_file(tmp_path / "d", "d", 320, 10**6)
    assert found.reason == "unreadable (IsADirectoryError)" and found.md5 is None


def test_scan_creates_the_case_and_raises_its_priority(node, supervisor, investigator, tmp_path):
    seized = tmp_path / "seized"
    seized.mkdir()
    (seized / "known.jpg").write_bytes(jpeg(picture(7)))
    known = hashes_of(seized / "known.jpg")
    _import(
        node, supervisor, tmp_path, [{"sha1": known.sha1, "series": "Orchard", "category": "1"}]
    )

    result = media.scan(node, investigator, seized, "CSE-NEW-1")

    case_id = _case_id(node, "CSE-NEW-1")
    assert result.case_id == case_id
    case = records.read(node, investigator, case_id)
    assert case.facts.priority.value == "urgent" and case.facts.child_involved
    assert result.safeguarding == ["series Orchard: victim not identified"]
    assert media.safeguarding_reasons(node, [case_id]) == {
        case_id: ["series Orchard: victim not identified"]
    }
    media.update_series(
        node,
        supervisor,
        "Orchard",
        production_country="ua",
        victim_identified=True,
        identified_by="UA National Police",
    )
    assert media.safeguarding_reasons(node, [case_id]) == {}
    view = media.get_series(node, investigator, "Orchard")
    assert view.series.production_country == "UA"
    assert view.cases[0][:2] == ("UA", case_id)

    (seized / "new.jpg").write_bytes(jpeg(picture(8)))
    media.scan(node, investigator, seized, "CSE-NEW-1")
    assert media.safeguarding_reasons(node, [case_id]) == {
        case_id: ["1 file matches no known hash (possible new material)"]
    }


def test_roles(node, people, tmp_path: Path) -> None:
    (tmp_path / "s").mkdir()
    analyst = people.actor(Role.ANALYST)
    with pytest.raises(Forbidden):
        media.scan(node, analyst, tmp_path / "s", "CSE-X")
    with pytest.raises(Forbidden):
        media.import_set(
            node,
            people.actor(Role.INVESTIGATOR),
            write_list(tmp_path / "l.csv", [{"md5": "0" * 32}]),
        )
    with pytest.raises(Forbidden):
        media.list_sets(node, people.actor(Role.WELFARE_OFFICER))
    other_unit = people.actor(Role.INVESTIGATOR, "UA-LVIV")
    result = media.scan(node, people.actor(Role.INVESTIGATOR), tmp_path / "s", "CSE-X")
    # the case is created H2: the scan is seen in its unit only
    assert [s["id"] for s, _ in media.recent_scans(node, people.actor(Role.SUPERVISOR))] == [
        result.scan_id
    ]
    assert media.recent_scans(node, other_unit) == []


def test_reimport_replaces_and_withdrawal_stops_matching(node, supervisor, investigator, tmp_path):
    seized = tmp_path / "seized"
    seized.mkdir()
    (seized / "x.jpg").write_bytes(jpeg(picture(9)))
    x = hashes_of(seized / "x.jpg")
    _import(node, supervisor, tmp_path, [{"md5": "0" * 32}], name="ICSE")
    assert media.scan(node, investigator, seized, "CSE-R").matches == []
    report = _import(node, supervisor, tmp_path, [{"md5": x.md5}], name="ICSE")
    assert report.replaced
    assert [s.entries for s in media.list_sets(node, supervisor)] == [1]
    assert len(media.scan(node, investigator, seized, "CSE-R").matches) == 1
    media.withdraw(node, supervisor, "ICSE")
    assert media.scan(node, investigator, seized, "CSE-R").matches == []
    assert media.list_sets(node, supervisor)[0].status == "withdrawn"


def test_bad_list_changes_nothing(node, supervisor, tmp_path: Path) -> None:
    _import(node, supervisor, tmp_path, [{"md5": "1" * 32}], name="S")
    bad = write_list(tmp_path / "bad.csv", [{"md5": "2" * 32}, {"md5": "nope"}])
    report = media.import_set(node, supervisor, bad, name="S")
    assert not report.written
    assert [str(e) for e in report.errors] == [
        "line 3: md5: not a md5 hash: expected 32 hexadecimal digits"
    ]
    (only,) = media.list_sets(node, supervisor)
    assert only.entries == 1 and only.file_sha256 != ""


def test_baseline_matches_are_not_material(node, supervisor, investigator, tmp_path: Path) -> None:
    seized = tmp_path / "seized"
    seized.mkdir()
    (seized / "wallpaper.jpg").write_bytes(jpeg(picture(12)))
    w = hashes_of(seized / "wallpaper.jpg")
    _import(node, supervisor, tmp_path, [{"sha256": w.sha256}], name="OS files", baseline=True)
    result = media.scan(node, investigator, seized, "CSE-B")
    assert (result.matches, result.baseline, result.unmatched) == ([], 1, 0)


def test_no_image_bytes_in_rows_or_logs(node, supervisor, investigator, tmp_path, caplog) -> None:
    seized = tmp_path / "seized"
    seized.mkdir()
    images = [jpeg(picture(20 + i)) for i in range(3)] + [png(picture(30))]
    for i, data in enumerate(images):
        (seized / f"f{i}.img").write_bytes(data)
    known = hashes_of(seized / "f0.img")
    _import(node, supervisor, tmp_path, [{"pdq": known.pdq, "series": "S"}])
    caplog.set_level(logging.DEBUG)
    result = media.scan(node, investigator, seized, "CSE-LEAK")
    assert result.files_scanned == 4

    probes: list[bytes] = []
    for data in images:
        middle = data[len(data) // 2 : len(data) // 2 + 24]
        probes += [middle, middle.hex().encode(), base64.b64encode(middle)[:24]]
    dumped = bytearray()
    with reading(node.engine) as conn:
        for table in metadata.sorted_tables:
            for row in conn.execute(select(table)):
                for value in row:
                    dumped += (value if isinstance(value, bytes) else str(value).encode()) + b"\x00"
    logged = "\n".join(r.getMessage() for r in caplog.records).encode()
    # every file the node keeps: its database (SQLite), keys, and the PDQ index cache
    kept = [p for p in node.settings.data_dir.rglob("*") if p.is_file()]
    assert any("media-index" in p.parts for p in kept)
    for probe in probes:
        assert probe not in dumped
        assert probe not in logged
        for path in kept:
            assert probe not in path.read_bytes(), path.name
    # what is stored of a file is its path, hashes and match
    assert b"f0.img" in dumped and known.pdq.encode() in dumped


def test_scanning_into_another_units_case_is_refused_before_reading(node, people, tmp_path):
    seized = tmp_path / "s"
    seized.mkdir()
    (seized / "a.jpg").write_bytes(jpeg(picture(13)))
    from interlink.domain import model
    from interlink.domain.provenance import ProvenanceIn

    kyiv = people.actor(Role.INVESTIGATOR)
    records.create(
        node,
        kyiv,
        model.Case(reference="CSE-K", title="Kyiv case"),
        ProvenanceIn(),
        external_ref="CSE-K",
    )  # H0: the Lviv unit may read it, not change it
    with pytest.raises(Forbidden):
        media.scan(node, people.actor(Role.INVESTIGATOR, "UA-LVIV"), seized, "CSE-K")
    with reading(node.engine) as conn:
        assert list(conn.execute(select(metadata.tables["media_scans"]))) == []
