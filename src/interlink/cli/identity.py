"""`interlink dedupe`, `interlink link` and `interlink evaluate` (batch identity linkage)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from interlink.cli.common import console, fail, friendly, out

if TYPE_CHECKING:
    from interlink.identity.batch import BatchSummary

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
_THRESHOLD = 0.9  # = identity.batch.DEFAULT_THRESHOLD, kept here so that --help stays fast


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


def _report_issues(summary: BatchSummary) -> None:
    for column, count in sorted(summary.issues.items()):
        console.print(
            f"{column}: {count} malformed value{'s' if count != 1 else ''} "
            "(compared as far as usable)",
            highlight=False,
            markup=False,
        )


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
    _report_issues(summary)
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
    _report_issues(summary)
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
) -> None:
    """Print pairwise precision, recall and F1 of dedupe against the labels."""
    import tempfile

    from interlink.identity import batch
    from interlink.identity.evaluate import cluster_scores, read_clusters, read_labels
    from interlink.transfer.readers import FileFormatError

    _check_file(labelled)
    try:
        truth = read_labels(labelled)
    except (ValueError, KeyError) as exc:
        fail(str(exc))
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
        _report_issues(summary)
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
