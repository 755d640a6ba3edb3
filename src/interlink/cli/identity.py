"""`interlink dedupe`, `interlink link` and `interlink evaluate` (batch identity linkage)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from interlink.cli.common import console, fail, friendly, out, print_malformed

Threshold = Annotated[
    float,
    typer.Option(min=0.0, max=1.0, help="Match probability at or above which two rows are linked."),
]
PhoneRegion = Annotated[
    str | None,
    typer.Option(
        "--phone-region", help="Country (ISO alpha-2) of phones written in national form."
    ),
]
_THRESHOLD = 0.7  # = identity.batch.DEFAULT_THRESHOLD, kept here so that --help stays fast


class EngineName(StrEnum):
    """= identity.engines.ENGINES (not imported, so that --help stays fast)."""

    DUCKDB = "duckdb"
    SPARK = "spark"


EngineOption = Annotated[
    EngineName,
    typer.Option(
        "--engine",
        case_sensitive=False,
        help="Where Splink runs: duckdb (in this process) or spark "
        "(INTERLINK_SPARK_MASTER, default local[2]).",
    ),
]


@contextmanager
def _stages() -> Iterator[Callable[[str], None]]:
    """A spinner naming the stage of the work (reading, training, scoring, clustering)."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("starting", total=None)
        yield lambda stage: bar.update(task, description=stage)


def _check_file(path: Path, option: str = "") -> None:
    if not path.is_file():
        fail(f"{option + ': ' if option else ''}{path}: no such file")


def _check_engine(engine: EngineName) -> None:
    """Say what is missing (pyspark, Java) before reading the file, not after."""
    if engine is EngineName.SPARK:
        from interlink.identity.engines import EngineUnavailable, check_spark

        try:
            check_spark()
        except EngineUnavailable as exc:
            fail(f"--engine spark: {exc}")


@friendly
def dedupe(
    file: Annotated[Path, typer.Argument(help="Person file: CSV, JSON lines or XLSX.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="CSV to write: id,cluster_id.")],
    threshold: Threshold = _THRESHOLD,
    phone_region: PhoneRegion = None,
    engine: EngineOption = EngineName.DUCKDB,
) -> None:
    """Group the rows of FILE that describe the same person."""
    from interlink.identity import batch
    from interlink.identity.engines import EngineUnavailable
    from interlink.transfer.readers import FileFormatError

    _check_file(file)
    _check_engine(engine)
    with _stages() as stage:
        try:
            summary = batch.dedupe(
                file,
                output,
                threshold,
                phone_region=phone_region,
                progress=stage,
                engine=engine.value,
            )
        except FileFormatError as exc:
            fail(f"{file.name}: {exc}")
        except EngineUnavailable as exc:
            fail(f"--engine {engine.value}: {exc}")
    print_malformed(summary.issues)
    out.print(
        f"{summary.rows:,} rows in {summary.clusters:,} clusters "
        f"({summary.pairs:,} linked pairs) written to {output} in {summary.seconds:.1f} s",
        highlight=False,
    )


@friendly
def link(
    left: Annotated[Path, typer.Argument(help="First person file.")],
    right: Annotated[Path, typer.Argument(help="Second person file.")],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="CSV to write: left_id,right_id,match_probability."),
    ],
    threshold: Threshold = _THRESHOLD,
    phone_region: PhoneRegion = None,
    engine: EngineOption = EngineName.DUCKDB,
) -> None:
    """Find the rows of LEFT and RIGHT that describe the same person."""
    from interlink.identity import batch
    from interlink.identity.engines import EngineUnavailable
    from interlink.transfer.readers import FileFormatError

    _check_file(left)
    _check_file(right)
    _check_engine(engine)
    with _stages() as stage:
        try:
            summary = batch.link(
                left,
                right,
                output,
                threshold,
                phone_region=phone_region,
                progress=stage,
                engine=engine.value,
            )
        except FileFormatError as exc:
            fail(f"{exc.args[0] if not exc.line else exc}")
        except EngineUnavailable as exc:
            fail(f"--engine {engine.value}: {exc}")
    print_malformed(summary.issues)
    out.print(
        f"{summary.pairs:,} pairs judged the same person written to {output} "
        f"in {summary.seconds:.1f} s",
        highlight=False,
    )


@friendly
def evaluate(
    labelled: Annotated[
        Path, typer.Argument(help="Person file with a true_id column (same value = same person).")
    ],
    clusters: Annotated[
        Path | None,
        typer.Option(help="Score this id,cluster_id file instead of running dedupe."),
    ] = None,
    threshold: Threshold = _THRESHOLD,
    phone_region: PhoneRegion = None,
    matches: Annotated[
        Path | None,
        typer.Option(
            help="Score this output of `interlink match` (LABELLED being its queries) for "
            "recall@k; needs --records."
        ),
    ] = None,
    records: Annotated[
        Path | None,
        typer.Option(help="With --matches: the labelled file that was imported (id, true_id)."),
    ] = None,
) -> None:
    """Print pairwise precision, recall and F1 of dedupe against the labels — or, with
    --matches, recall@1/5/10 of ranked search and how often a person not stored got a
    same or possibly same answer."""
    import tempfile

    from interlink.identity import batch
    from interlink.identity.evaluate import cluster_scores, read_clusters, read_labels
    from interlink.transfer.readers import FileFormatError

    _check_file(labelled)
    try:
        truth = read_labels(labelled)
    except (ValueError, KeyError) as exc:
        fail(str(exc))
    if matches is not None:
        _evaluate_matches(truth, matches, records)
        return
    if clusters is not None:
        _check_file(clusters, "--clusters")
        try:
            found = read_clusters(clusters)
        except KeyError:
            fail(f"--clusters: {clusters}: needs the columns id,cluster_id")
    else:
        with tempfile.TemporaryDirectory() as tmp, _stages() as stage:
            target = Path(tmp) / "clusters.csv"
            try:
                summary = batch.dedupe(
                    labelled, target, threshold, phone_region=phone_region, progress=stage
                )
            except FileFormatError as exc:
                fail(f"{labelled.name}: {exc}")
            found = read_clusters(target)
        print_malformed(summary.issues)
    scores = cluster_scores(found, truth)
    out.print(
        f"{len(truth):,} labelled rows; pairs: {scores.true_positives:,} right, "
        f"{scores.false_positives:,} wrong, {scores.false_negatives:,} missed",
        highlight=False,
    )
    out.print(
        f"precision {scores.precision:.4f}\n"
        f"recall    {scores.recall:.4f}\n"
        f"F1        {scores.f1:.4f}",
        highlight=False,
    )


def _evaluate_matches(queries: dict[str, str], matches: Path, records: Path | None) -> None:
    from interlink.identity.evaluate import ranked_scores, read_labels, read_match_results

    if records is None:
        fail("--matches needs --records: the labelled file that was imported")
    _check_file(matches, "--matches")
    _check_file(records, "--records")
    try:
        stored = read_labels(records)
        found = read_match_results(matches)
    except (ValueError, KeyError) as exc:
        fail(f"--matches/--records: {exc}")
    scores = ranked_scores(found, queries, stored)
    out.print(
        f"{scores.members:,} queries for stored persons, {scores.outsiders:,} for others",
        highlight=False,
    )
    for line in scores.lines():
        out.print(line, highlight=False)
