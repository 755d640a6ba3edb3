"""The model declared once: Python scoring (online search) agrees with Splink (the batch)."""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from interlink.identity import batch
from interlink.identity.evaluate import write_benchmark
from interlink.identity.model import (
    COMPARISONS,
    DEFAULT_PARAMETERS,
    TRAINING_ROWS,
    Band,
    Parameters,
    band,
    blocking_keys,
    score,
)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> batch.Prepared:
    path = tmp_path_factory.mktemp("model") / "people.csv"
    write_benchmark(path, 600, seed=21)
    return batch.read_prepared(path)


def _rows(prepared: batch.Prepared) -> dict[str, dict[str, Any]]:
    cols = prepared.columns
    return {rid: {c: cols[c][i] for c in cols} for i, rid in enumerate(cols["unique_id"])}


def _splink_pairs(prepared: batch.Prepared) -> list[dict[str, Any]]:
    from splink import Linker

    from interlink.identity.engines import open_engine

    settings = json.loads(DEFAULT_PARAMETERS.read_text("utf-8"))
    settings.pop(TRAINING_ROWS)  # ours, beside Splink's keys
    db = open_engine("duckdb")
    try:
        table = db.register(batch._arrow(prepared), "people")
        linker = Linker(table, settings, log_level=None)
        predictions = linker.inference.predict()
        return predictions.as_record_list()
    finally:
        db.close()


def test_python_scores_equal_splink_predictions(prepared: batch.Prepared) -> None:
    params = Parameters.load()
    rows = _rows(prepared)
    counts: dict[str, Counter[Any]] = {}
    for comparison in COMPARISONS:
        for level in comparison.levels:
            if level.tf and level.column:
                values = [v for v in prepared.columns[level.column] if v is not None]
                counts[level.column] = Counter(values)

    def tf(column: str, value: Any) -> float | None:
        found = counts[column]
        return found[value] / sum(found.values()) if value in found else None

    pairs = _splink_pairs(prepared)
    assert len(pairs) > 200
    worst = 0.0
    for pair in pairs:
        ours = score(rows[pair["unique_id_l"]], rows[pair["unique_id_r"]], params, tf)
        assert ours.weight == pytest.approx(pair["match_weight"], abs=1e-6), pair
        worst = max(worst, abs(ours.probability - pair["match_probability"]))
    assert worst < 1e-6


def test_bands_cut_the_probability_in_four() -> None:
    assert band(0.999) is Band.SAME
    assert band(0.95) is Band.POSSIBLY_SAME
    assert band(0.6) is Band.POSSIBLY_RELATED
    assert band(0.1) is Band.DIFFERENT


def test_every_field_explains_its_part(prepared: batch.Prepared) -> None:
    rows = list(_rows(prepared).values())
    result = score(rows[0], rows[0], Parameters.load())
    assert {c.comparison for c in result.contributions} == {c.name for c in COMPARISONS}
    assert result.band is Band.SAME
    assert math.isclose(
        sum(c.weight for c in result.contributions)
        + math.log2(Parameters.load().prior / (1 - Parameters.load().prior)),
        result.weight,
    )


def test_blocking_keys_need_every_value_of_a_rule(prepared: batch.Prepared) -> None:
    row = dict(next(iter(_rows(prepared).values())))
    row["dob_year"] = None
    keys = blocking_keys(row)
    assert not any(k.startswith(("tok_a|", "tok_b|", "skel_a|", "skel_b|")) for k in keys)
    assert f"name_key|{row['name_key']}" in keys


def test_the_shipped_parameters_fit_the_declared_model() -> None:
    data = json.loads(Path(DEFAULT_PARAMETERS).read_text("utf-8"))
    saved = {c["output_column_name"]: c for c in data["comparisons"]}
    for comparison in COMPARISONS:
        labels = [lv.get("label_for_charts") for lv in saved[comparison.name]["comparison_levels"]]
        assert len(labels) == len(comparison.levels), comparison.name
    Parameters.from_splink(data)
