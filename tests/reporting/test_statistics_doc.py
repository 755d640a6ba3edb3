"""docs/statistics.md is generated from the indicator declarations and must be current."""

from __future__ import annotations

from pathlib import Path

from interlink.reporting import REGISTRY
from interlink.reporting.docs import statistics_reference

DOC = Path(__file__).resolve().parents[2] / "docs" / "statistics.md"


def test_statistics_doc_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == statistics_reference(), (
        "run: python -m interlink.reporting.docs docs/statistics.md"
    )


def test_every_indicator_is_documented_with_its_dimensions() -> None:
    text = DOC.read_text(encoding="utf-8")
    for ind in REGISTRY.values():
        assert f"### `{ind.name}`" in text
        for d in ind.dimensions:
            assert f"(`{d.name}`)" in text
