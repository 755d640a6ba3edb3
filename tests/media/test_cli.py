"""`interlink media`: import (exit 2 and nothing changed on a bad line), scan --json, the
series and list commands — run in-process against a fresh node of each database."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import cli  # noqa: F401  (the fixture)
from tests.media.conftest import hashes_of
from tests.media.images import jpeg, picture


def test_import_scan_json_and_series(cli, tmp_path: Path) -> None:  # noqa: F811
    cli.env["INTERLINK_MEDIA_SCAN_WORKERS"] = "0"
    seized = tmp_path / "seized"
    seized.mkdir()
    (seized / "a.jpg").write_bytes(jpeg(picture(60)))
    (seized / "b.jpg").write_bytes(jpeg(picture(61)))
    (seized / "empty.dat").write_bytes(b"")
    a = hashes_of(seized / "a.jpg")
    vics = cli.file(
        "vics.json",
        json.dumps(
            {
                "@odata.context": "x/$metadata#Media",
                "value": [{"MD5": a.md5.upper(), "Category": 1, "Series": "Kite"}],
            }
        ),
    )
    done = cli("media", "hashset", "import", str(vics), "--name", "VIC", "--user", "sup")
    assert done.exit_code == 0, done.output
    assert "hash set 'VIC' imported: 1 entries (vics_media)" in done.output

    bad = cli.file("bad.csv", f"md5,category\n{a.md5},1\n{a.md5[:-1]},1\n")
    refused = cli("media", "hashset", "import", str(bad), "--name", "VIC", "--user", "sup")
    assert refused.exit_code == 2
    assert "line 3: md5: not a md5 hash" in refused.output
    listed = cli("media", "hashset", "list", "--json", "--user", "sup")
    (only,) = json.loads(listed.stdout)
    assert (only["name"], only["entries"], only["format"]) == ("VIC", 1, "vics_media")

    assert cli("media", "hashset", "import", str(vics), "--user", "inv").exit_code == 3

    scanned = cli("media", "scan", str(seized), "--case", "CSE-CLI-1", "--json", "--user", "inv")
    assert scanned.exit_code == 0, scanned.output
    out = json.loads(scanned.stdout)
    assert out["files_scanned"] == 3 and out["unreadable"] == 1 and out["unmatched"] == 1
    assert out["matches"] == [
        {
            "path": "a.jpg",
            "match": "exact",
            "distance": None,
            "series": "Kite",
            "category": "1",
            "scale": "abuse",
            "set": "VIC",
        }
    ]
    text = cli("media", "scan", str(seized), "--case", "CSE-CLI-1", "--user", "inv")
    assert "series Kite: 1" in text.stdout
    assert "unmatched images and videos (possible new material): 1" in text.stdout
    assert "empty: 1" in text.stdout

    series = cli("media", "series", "list", "--json", "--user", "inv")
    (kite,) = json.loads(series.stdout)
    assert (kite["name"], kite["victim_identified"], kite["cases"]) == ("Kite", False, 1)
    wrong = cli("media", "series", "set", "Kite", "--country", "Utopia", "--user", "sup")
    assert wrong.exit_code == 2 and "production_country" in wrong.output


def test_scan_with_worker_processes_and_progress_bar(cli, tmp_path: Path) -> None:  # noqa: F811
    """The command's default: files hashed in forked worker processes while the progress bar
    runs in the parent."""
    cli.env["INTERLINK_MEDIA_SCAN_WORKERS"] = "2"
    seized = tmp_path / "seized"
    seized.mkdir()
    for i in range(36):
        (seized / f"p{i:02d}.jpg").write_bytes(jpeg(picture(70 + i % 4), quality=70 + i))
    known = hashes_of(seized / "p01.jpg")
    listed = cli.file("k.csv", f"pdq,series\n{known.pdq},Dune\n")
    assert cli("media", "hashset", "import", str(listed), "--user", "sup").exit_code == 0

    done = cli("media", "scan", str(seized), "--case", "CSE-CLI-W", "--json", "--user", "inv")

    assert done.exit_code == 0, done.output
    out = json.loads(done.stdout)
    assert out["files_scanned"] == 36 and out["unreadable"] == 0
    # p01, p05, ... are the same picture at other JPEG qualities: perceptual matches
    assert sorted(m["path"] for m in out["matches"]) == [f"p{i:02d}.jpg" for i in range(1, 36, 4)]
    assert out["unmatched"] == 27
