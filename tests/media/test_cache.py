"""The PDQ index cache: a second scan reads it instead of the database, an import or a
withdrawal makes a new one, and the worker processes give the same answers as one process."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from interlink import media
from interlink.media import known as known_module
from interlink.media.index import PdqIndex
from tests.media.conftest import hashes_of, write_list
from tests.media.images import brighter, jpeg, picture


def _cached(node) -> list[Path]:  # type: ignore[no-untyped-def]
    return sorted((node.settings.data_dir / "media-index").glob("pdq-*"))


def test_index_parts_round_trip() -> None:
    rng = np.random.default_rng(5)
    words = rng.integers(0, 2**64, (3000, 4), dtype=np.uint64)
    built = PdqIndex(words, linear_below=0)
    again = PdqIndex.from_parts(*built.parts(), linear_below=0)
    query = words[17].astype(">u8").tobytes().hex()
    assert again.search(query, 31) == built.search(query, 31) == [(17, 0)]
    words_, postings, offsets = built.parts()
    with pytest.raises(ValueError, match="wrong size"):
        PdqIndex.from_parts(words_, postings[:-1], offsets, linear_below=0)


def test_second_scan_reads_the_cache_and_sets_changes_replace_it(
    node, supervisor, investigator, tmp_path: Path, monkeypatch
) -> None:
    seized = tmp_path / "seized"
    seized.mkdir()
    original = picture(40)
    (tmp_path / "known.jpg").write_bytes(jpeg(original))
    (seized / "bright.jpg").write_bytes(jpeg(brighter(original)))
    known = hashes_of(tmp_path / "known.jpg")
    rows = [{"pdq": known.pdq, "series": "Mill", "category": "1"}]
    media.import_set(node, supervisor, write_list(tmp_path / "k.csv", rows), name="K")

    first = media.scan(node, investigator, seized, "CSE-C")
    assert [(m.path, m.series, m.set_name) for m in first.matches] == [("bright.jpg", "Mill", "K")]
    (cache,) = _cached(node)

    def no_build(conn):  # type: ignore[no-untyped-def]
        raise AssertionError("the index was built again")

    monkeypatch.setattr(known_module, "build", no_build)
    second = media.scan(node, investigator, seized, "CSE-C")
    assert second.matches == first.matches and _cached(node) == [cache]
    monkeypatch.undo()

    media.withdraw(node, supervisor, "K")
    assert media.scan(node, investigator, seized, "CSE-C").matches == []
    assert len(_cached(node)) == 1 and _cached(node) != [cache]

    rows[0]["series"] = "Weir"
    media.import_set(node, supervisor, write_list(tmp_path / "k.csv", rows), name="K")
    (again,) = media.scan(node, investigator, seized, "CSE-C").matches
    assert (again.series, again.match, again.distance) == (
        "Weir",
        "perceptual",
        first.matches[0].distance,
    )


def test_worker_processes_give_the_same_answers(
    node, supervisor, investigator, tmp_path: Path
) -> None:
    seized = tmp_path / "seized"
    seized.mkdir()
    for i in range(40):  # above the size below which a scan stays in one process
        (seized / f"p{i:02d}.jpg").write_bytes(jpeg(picture(100 + i % 10), quality=80 + i % 10))
    (seized / "empty.jpg").write_bytes(b"")
    known = hashes_of(seized / "p03.jpg")
    rows = [{"pdq": known.pdq, "series": "Ford"}, {"sha1": hashes_of(seized / "p05.jpg").sha1}]
    media.import_set(node, supervisor, write_list(tmp_path / "k.csv", rows), name="K")

    alone = media.scan(node, investigator, seized, "CSE-W", workers=0)
    pooled = media.scan(node, investigator, seized, "CSE-W", workers=2)

    assert pooled.files_scanned == alone.files_scanned == 41
    assert pooled.matches == alone.matches
    # p03, p13, p23, p33: the same picture (perceptual); p05, p15, p25, p35: the same bytes
    assert sorted((m.path, m.match) for m in pooled.matches) == sorted(
        (f"p{i}{k}.jpg", "perceptual" if k == 3 else "exact") for k in (3, 5) for i in range(4)
    )
    assert (pooled.unmatched, pooled.unreadable) == (alone.unmatched, alone.unreadable) == (32, 1)
