"""Batch linkage (`identity.batch`, Splink 5 on DuckDB) on small generated labelled files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from interlink.cli import identity as identity_cli
from interlink.identity.batch import dedupe, link
from interlink.identity.evaluate import (
    BENCHMARK_COLUMNS,
    cluster_scores,
    link_scores,
    pair_scores,
    read_clusters,
    write_benchmark,
)
from interlink.identity.prepare import parse_birth_date, prepare_name
from interlink.transfer.readers import FileFormatError

# measured at threshold 0.7 with the counted u (`training.train`): 0.977 here (400 rows; 0.966
# before at 0.9), 0.978 at 100,000 rows (bench/dedupe.py --rows 100000 --skip-plain)
F1_FLOOR = 0.96


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(BENCHMARK_COLUMNS))
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in BENCHMARK_COLUMNS})
    return path


@pytest.fixture(scope="module")
def labelled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("batch") / "people.csv"
    truth = write_benchmark(path, 400, seed=11)
    return path, truth


@pytest.fixture(scope="module")
def deduped(
    labelled: tuple[Path, dict[str, str]], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, str]]:
    out = tmp_path_factory.mktemp("batch") / "clusters.csv"
    dedupe(labelled[0], out)
    return out, labelled[1]


def test_dedupe_f1_on_generated_people(deduped: tuple[Path, dict[str, str]]) -> None:
    out, truth = deduped
    clusters = read_clusters(out)
    assert set(clusters) == set(truth)
    scores = cluster_scores(clusters, truth)
    print(f"dedupe of 400 generated rows: {scores.line()}")
    assert scores.f1 >= F1_FLOOR


def test_output_columns(deduped: tuple[Path, dict[str, str]]) -> None:
    with open(deduped[0], newline="", encoding="utf-8") as handle:
        assert next(csv.reader(handle)) == ["id", "cluster_id"]


def test_malformed_optional_values_are_counted_not_fatal(tmp_path: Path) -> None:
    rows = [
        {
            "id": "a",
            "full_name": "Oleg Petrenko",
            "date_of_birth": "1980-02-30",
            "nationality": "Atlantis",
            "phone": "12",
            "email": "not-an-address",
        },
        {
            "id": "b",
            "full_name": "PETRENKO, Oleg",
            "date_of_birth": "1980-02-14",
            "nationality": "UA",
            "phone": "+380 44 123 4567",
        },
        {"id": "c", "full_name": "Олег Петренко", "date_of_birth": "1980"},
        {"id": "d", "full_name": "Maria Garcia Lopez", "date_of_birth": "1991-07-03"},
    ]
    summary = dedupe(_write(tmp_path / "p.csv", rows), tmp_path / "c.csv")
    assert summary.rows == 4
    assert summary.issues == {"date_of_birth": 1, "nationality": 1, "phone": 1, "email": 1}
    clusters = read_clusters(tmp_path / "c.csv")
    assert set(clusters) == {"a", "b", "c", "d"}


def test_impossible_date_keeps_what_is_usable() -> None:
    assert parse_birth_date("1980-02-30") == (1980, 2, None, False)
    assert parse_birth_date("1980-13-01") == (1980, None, None, False)
    assert parse_birth_date("1980-07") == (1980, 7, None, True)
    assert parse_birth_date("03.07.1991") == (1991, 7, 3, True)
    assert parse_birth_date("soon") == (None, None, None, False)


def test_names_from_any_script_meet() -> None:
    assert set(prepare_name({"full_name": "Олег Петренко"})) == {"oleg", "petrenko"}
    assert prepare_name({"full_name": "PETRENKO, Oleg", "first_name": "Oleg"}) == (
        "petrenko",
        "oleg",
    )
    assert prepare_name({"full_name": "王小明"}) == ("wang", "xiaoming")
    assert prepare_name({"full_name": "王小明", "first_name": "小明", "last_name": "王"}) == (
        "wang",
        "xiaoming",
    )
    assert prepare_name({"full_name": "Mr Abdul Rahman al-Hassan"}) == ("abdrahman", "hassan")


def test_missing_id_names_its_line(tmp_path: Path) -> None:
    rows = [{"id": "a", "full_name": "Oleg Petrenko"}, {"id": "", "full_name": "Ivan Petrenko"}]
    with pytest.raises(FileFormatError) as caught:
        dedupe(_write(tmp_path / "p.csv", rows), tmp_path / "c.csv")
    assert caught.value.line == 3
    assert caught.value.field == "id"
    assert "line 3" in str(caught.value)


def test_missing_name_names_its_line(tmp_path: Path) -> None:
    rows = [{"id": "a", "full_name": "Oleg Petrenko"}, {"id": "b", "date_of_birth": "1980"}]
    with pytest.raises(FileFormatError) as caught:
        dedupe(_write(tmp_path / "p.csv", rows), tmp_path / "c.csv")
    assert caught.value.line == 3


def test_link_finds_planted_pairs(labelled: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    path, truth = labelled
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    left_rows, right_rows = rows[::2], rows[1::2]
    left = _write(tmp_path / "left.csv", left_rows)
    right = _write(tmp_path / "right.csv", right_rows)
    out = tmp_path / "pairs.csv"
    summary = link(left, right, out)
    with open(out, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["left_id", "right_id", "match_probability"]
        pairs = [(r["left_id"], r["right_id"]) for r in reader]
    assert summary.pairs == len(pairs)
    left_ids = {r["id"] for r in left_rows}
    assert all(a in left_ids and b not in left_ids for a, b in pairs)
    scores = link_scores(
        pairs,
        {r["id"]: truth[r["id"]] for r in left_rows},
        {r["id"]: truth[r["id"]] for r in right_rows},
    )
    print(f"link of 200 × 200 generated rows: {scores.line()}")
    assert scores.precision >= 0.95
    # measured 0.874 here (precision 1.0) at threshold 0.9; over seeds 11-22 a mean of 0.879
    # (0.816-0.918): the misses are aliases, abjad script against Latin, typos in both parts
    assert scores.recall >= 0.9  # 0.913 measured (0.884 before the counted u)


def test_scores_count_pairs() -> None:
    truth = {"a": "1", "b": "1", "c": "1", "d": "2"}
    perfect = cluster_scores({"a": "x", "b": "x", "c": "x", "d": "y"}, truth)
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)
    split = cluster_scores({"a": "x", "b": "x", "c": "y", "d": "z"}, truth)
    assert (split.true_positives, split.false_positives, split.false_negatives) == (1, 0, 2)
    pairs = pair_scores([("a", "b"), ("b", "a"), ("c", "d")], truth)
    assert (pairs.true_positives, pairs.false_positives, pairs.false_negatives) == (1, 1, 2)


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command("dedupe")(identity_cli.dedupe)
    app.command("link")(identity_cli.link)
    app.command("evaluate")(identity_cli.evaluate)
    return app


def test_cli_evaluate_scores_given_clusters(
    labelled: tuple[Path, dict[str, str]], deduped: tuple[Path, dict[str, str]]
) -> None:
    result = CliRunner().invoke(
        _app(), ["evaluate", str(labelled[0]), "--clusters", str(deduped[0])]
    )
    assert result.exit_code == 0, result.output
    assert "precision" in result.output and "F1" in result.output


def test_cli_dedupe_bad_input_exits_2(tmp_path: Path) -> None:
    bad = _write(tmp_path / "p.csv", [{"id": "", "full_name": "Oleg Petrenko"}])
    result = CliRunner().invoke(_app(), ["dedupe", str(bad), "--output", str(tmp_path / "c.csv")])
    assert result.exit_code == 2
    assert "line 2" in result.output
    missing = CliRunner().invoke(
        _app(), ["dedupe", str(tmp_path / "none.csv"), "--output", str(tmp_path / "c.csv")]
    )
    assert missing.exit_code == 2


def test_a_large_file_is_prepared_in_parallel_exactly_as_in_one_process(
    labelled: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from interlink.identity import batch

    alone = batch.read_prepared(labelled[0], workers=1)
    monkeypatch.setattr(batch, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(batch, "PIECE_BYTES", 4096)  # several pieces
    together = batch.read_prepared(labelled[0], workers=2)
    assert together.columns == alone.columns
    assert together.issues == alone.issues

    text = labelled[0].read_text(encoding="utf-8").splitlines()
    repeated = tmp_path / "repeated.csv"  # the first row's id again, far down the file
    first_id = text[1].split(",")[0]
    rows = [*text, first_id + text[1][len(first_id) :]]
    repeated.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        batch.read_prepared(repeated, workers=2)
    assert caught.value.line == len(rows)
    assert "appears twice" in caught.value.message
