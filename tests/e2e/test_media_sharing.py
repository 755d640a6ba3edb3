"""Hash sharing between real node processes: Ukraine and Germany each find material of the
same series and share its hashes with the Secretariat, which tells both countries that the
other's case holds the series. Hashes and metadata only travel; generated images only."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.nodes import PASSWORD, Nodes
from tests.media.conftest import hashes_of
from tests.media.images import jpeg, picture

pytestmark = pytest.mark.slow


def _find_and_share(node, tmp: Path, md5: str, seized: Path, ref: str) -> None:  # type: ignore[no-untyped-def]
    node.cli(
        "users",
        "add",
        "inv",
        "--role",
        "investigator",
        "--unit",
        node.unit,
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    listing = f"md5,series,category\n{md5},Harbour,1\n"
    node.post(
        "/api/media/hashsets",
        files={"file": ("found.csv", listing.encode(), "text/csv")},
        data={"name": f"found {node.id}"},
    )
    node.cli("media", "scan", str(seized), "--case", ref, "--workers", "0", "--user", "inv")
    shared = node.post("/api/media/share", json={"set": f"found {node.id}"})
    assert shared["hashes"] == 1 and shared["series"] == 1


def test_the_secretariat_links_countries_holding_a_series(tmp_path: Path) -> None:
    seized = tmp_path / "seized"
    seized.mkdir()
    (seized / "x.jpg").write_bytes(jpeg(picture(70)))
    md5 = hashes_of(seized / "x.jpg").md5
    assert md5
    with Nodes(tmp_path / "nodes", "UA", "DE", "GS") as nodes:
        nodes.start("UA", "DE", "GS")
        _find_and_share(nodes.A, tmp_path, md5, seized, "CSE-UA-9")
        _find_and_share(nodes.B, tmp_path, md5, seized, "CSE-DE-9")

        def countries(node) -> list[str]:  # type: ignore[no-untyped-def]
            return sorted({c["node"] for c in node.get("/api/media/series/Harbour")["cases"]})

        nodes.wait(lambda: countries(nodes.A) == ["DE", "UA"], what="UA learns of DE's case")
        nodes.wait(lambda: countries(nodes.B) == ["DE", "UA"], what="DE learns of UA's case")
        gs_sets = {s["name"]: s for s in nodes.GS.get("/api/media/hashsets")}
        assert gs_sets["international"]["entries"] == 1
        ua_sets = {s["name"]: s for s in nodes.A.get("/api/media/hashsets")}
        assert ua_sets["international"]["origin_node"] == "GS"
