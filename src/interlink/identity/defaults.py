"""The parameters online search starts with: the model trained on generated people.

A node that has never trained on its own data still needs m and u for every level. They are
trained here by Splink (the same training as a batch run) on a generated labelled file and
shipped as ``default_model.json``; ``interlink match --train`` replaces them with parameters
trained on the node's own persons. Run ``python -m interlink.identity.defaults`` after a
change to the model's comparisons (a test fails until then).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

from interlink.identity import batch
from interlink.identity.engines import open_engine
from interlink.identity.evaluate import LABEL_COLUMN, read_labels, write_benchmark
from interlink.identity.model import DEFAULT_PARAMETERS, TRAINING_ROWS, Parameters
from interlink.identity.training import UNSEEN_U, settled_m

DEFAULT_ROWS = 50_000
DEFAULT_SEED = 7


def train_file(path: Path, out: Path) -> Parameters:
    """Train the model on a labelled person file; save Splink's model JSON to ``out``.

    Unlike a batch run, which has no truth and estimates m by expectation maximisation,
    the defaults know which rows are the same person: m is counted from the labels, u is
    sampled from random pairs and the prior is the labelled share of matching pairs."""
    from collections import Counter

    import pyarrow as pa
    from splink import Linker

    prepared = batch.read_prepared(path)
    labels = read_labels(path)
    truth = [labels[rid] for rid in prepared.columns["unique_id"]]
    sizes = Counter(truth)
    pairs = prepared.rows * (prepared.rows - 1) / 2
    prior = sum(n * (n - 1) / 2 for n in sizes.values()) / pairs
    db = open_engine("duckdb")
    try:
        table = batch._arrow(prepared).append_column(LABEL_COLUMN, pa.array(truth, pa.string()))
        linker = Linker(db.register(table, "people"), batch.settings(), log_level=None)
        linker.training.estimate_u_using_random_sampling(max_pairs=5e6, seed=1)
        linker.training.estimate_m_from_label_column(LABEL_COLUMN)
        data = linker.misc.save_model_to_json(None)
    finally:
        db.close()
    data["probability_two_random_records_match"] = prior
    data[TRAINING_ROWS] = prepared.rows
    settle(data)
    out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return Parameters.from_splink(data)


def settle(model: dict[str, Any]) -> None:
    """Give every level explicit m and u by the batch's rule (``training.settled_m``,
    ``UNSEEN_U``), so that Splink and online search read the same number
    rather than each its own default."""
    for comparison in model["comparisons"]:
        for level in comparison["comparison_levels"]:
            if level.get("is_null_level"):
                continue
            m, u = level.get("m_probability"), level.get("u_probability")
            level["m_probability"] = settled_m(m)
            level["u_probability"] = u if isinstance(u, float) and u > 0 else UNSEEN_U


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=DEFAULT_ROWS)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=DEFAULT_PARAMETERS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "people.csv"
        write_benchmark(path, args.rows, seed=args.seed)
        train_file(path, args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
