"""Batch linkage of person files with Splink 5 on DuckDB or Spark: ``dedupe`` and ``link``.

A file (CSV, JSON lines, XLSX: the person columns of the import) is read once into a
prepared table of comparable forms — name tokens, sorted, phonetic and consonant-skeleton
keys (`identity.names.normalize`), birth year/month/day, ISO country, normalized document
number, E.164 phone, e-mail, and the address and birth place only a batch compares — and a
Fellegi–Sunter model is trained on it (`training.train`: u by random sampling or, where sampling
cannot see it, counted on the file; m by expectation maximisation where matches are dense;
term-frequency adjustment on names, birth dates and addresses) and used to score the
candidate pairs the blocking rules give; ``dedupe`` clusters the pairs strongest first, never
across a pair judged apart (`identity.clustering`). The engine (DuckDB by default, or Spark:
`identity.engines`) runs the same model. A missing id or name stops the batch with the line
named; a malformed optional value is counted by field and blanked (or kept as far as it is
usable: a birth date with an impossible day keeps its year and month).
"""

from __future__ import annotations

import csv
import logging
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from interlink.identity.clustering import APART, Pair, cluster, components
from interlink.identity.engines import DEFAULT_ENGINE, Engine, open_engine
from interlink.identity.model import BLOCKING_COLUMNS, splink_comparisons
from interlink.identity.names import normalize
from interlink.identity.prepare import (
    NAME_COLUMNS,
    PREPARED_COLUMNS,
    prepare_values,
)
from interlink.identity.training import train
from interlink.transfer.readers import (
    CsvPiece,
    FileFormatError,
    SourceRow,
    csv_pieces,
    detect_format,
    iter_rows,
    rows_of_piece,
)

DEFAULT_THRESHOLD = 0.7  # the best F1 on generated files: docs/identity.md, "Threshold"


# Columns of a batch file that only the batch compares (online search does not have them in
# its model, `model.splink_comparisons`), with the comparable form of each:
# - the address, folded to lower-case words, compared exactly with term frequencies: in a
#   file it tells apart two people of the same name when one row has no birth date
#   (1,000,000 generated rows: of the true pairs the model left below the threshold, one in
#   six had the same address);
# - the birth place, as the consonant skeleton of its words joined (`names.skeleton`), so
#   that Shkodër/Shkodra, Köln/Koeln, إدلب/Idlib and Cluj-Napoca/Cluj Napoca meet; compared
#   exactly, without term frequencies, and its u measured among people sharing a name part
#   (``FOLLOW_THE_NAME``): a country has few cities, so two different people with one name
#   share a birth place one time in twelve (1,000,000 generated rows), not one in two hundred.
def _address_key(text: str) -> str | None:
    return " ".join(_WORDS.findall(text.casefold())) or None


@lru_cache(maxsize=1 << 14)
def _place_key(text: str) -> str | None:
    return "".join(normalize(text).skeleton) or None if text.strip() else None


BATCH_ONLY_COLUMNS: dict[str, tuple[str, Callable[[str], str | None]]] = {
    "address": ("address_key", _address_key),
    "place_of_birth": ("birth_place_key", _place_key),
}
BATCH_ONLY_KEYS = tuple(key for key, _ in BATCH_ONLY_COLUMNS.values())
_WORDS = re.compile(r"\w+")


def _batch_only_values(values: dict[str, str]) -> dict[str, str | None]:
    return {key: form(values.get(source, "")) for source, (key, form) in BATCH_ONLY_COLUMNS.items()}


Progress = Callable[[str], None]
_log = logging.getLogger(__name__)


# ---------------------------------------------------------------- preparation


@dataclass(slots=True)
class Prepared:
    """The prepared table (column → values) and what was wrong with optional values."""

    columns: dict[str, list[Any]]
    issues: Counter[str] = field(default_factory=Counter)

    @property
    def rows(self) -> int:
        return len(self.columns["unique_id"])


def prepare_rows(
    rows: Iterable[SourceRow], *, phone_region: str | None = None, on_row: Progress | None = None
) -> Prepared:
    """Comparable forms of every row. Raises ``FileFormatError`` for a missing or repeated id
    or a row without any name; counts malformed optional values by field."""
    all_columns = (*PREPARED_COLUMNS, *BATCH_ONLY_KEYS)
    cols: dict[str, list[Any]] = {c: [] for c in all_columns}
    issues: Counter[str] = Counter()
    ids: set[str] = set()
    add = {c: cols[c].append for c in all_columns}
    for n, row in enumerate(rows, 1):
        v = row.values
        rid = v.get("id", "")
        if not rid:
            raise FileFormatError("the id is missing", row.line, "id")
        if rid in ids:
            raise FileFormatError(f"the id '{rid}' appears twice", row.line, "id")
        ids.add(rid)
        prepared = prepare_values(v, issues, phone_region=phone_region)
        if prepared is None:
            raise FileFormatError("the row has no name", row.line, "full_name")
        add["unique_id"](rid)
        for column, value in prepared.items():
            add[column](value)
        for column, value in _batch_only_values(v).items():
            add[column](value)
        if on_row is not None and n % 100_000 == 0:
            on_row(f"read {n:,} rows")
    return Prepared(cols, issues)


def check_header(path: Path) -> None:
    from interlink.transfer.readers import read_header

    header = [h.lower() for h in read_header(path)]
    if "id" not in header:
        raise FileFormatError("the file has no 'id' column", 1, "id")
    if not any(c in header for c in NAME_COLUMNS):
        raise FileFormatError(
            "the file has no name column (full_name, first_name, middle_name or last_name)", 1
        )


PARALLEL_MIN_BYTES = 4 * 2**20  # below this, starting worker processes costs more than it saves
PIECE_BYTES = 512 * 1024


def read_prepared(
    path: str | Path,
    *,
    phone_region: str | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> Prepared:
    """The prepared rows of a person file; a large CSV file is prepared by ``workers``
    processes (default: one per core), since transliterating names is most of the work."""
    path = Path(path)
    check_header(path)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers > 1 and detect_format(path) == "csv" and path.stat().st_size >= PARALLEL_MIN_BYTES:
        return _prepare_in_parallel(path, phone_region, workers, progress)
    return prepare_rows(iter_rows(path), phone_region=phone_region, on_row=progress)


def _prepare_piece(
    piece: CsvPiece, phone_region: str | None
) -> tuple[Prepared | None, list[int], FileFormatError | None]:
    lines: list[int] = []

    def numbered(rows: Iterable[SourceRow]) -> Iterator[SourceRow]:
        for row in rows:
            lines.append(row.line)
            yield row

    try:
        prepared = prepare_rows(numbered(rows_of_piece(piece)), phone_region=phone_region)
    except FileFormatError as exc:
        return None, lines, exc
    return prepared, lines, None


def _prepare_in_parallel(
    path: Path, phone_region: str | None, workers: int, progress: Progress | None
) -> Prepared:
    """``prepare_rows`` over pieces of the file in worker processes, joined in file order;
    an id repeated across pieces is refused here, with its line, as within one piece."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    cols: dict[str, list[Any]] = {c: [] for c in (*PREPARED_COLUMNS, *BATCH_ONLY_KEYS)}
    issues: Counter[str] = Counter()
    seen: set[str] = set()
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = [
            pool.submit(_prepare_piece, piece, phone_region)
            for piece in csv_pieces(path, PIECE_BYTES)
        ]
        for future in futures:
            prepared, lines, error = future.result()
            if error is not None:
                raise error
            assert prepared is not None
            for rid, line in zip(prepared.columns["unique_id"], lines, strict=True):
                if rid in seen:
                    raise FileFormatError(f"the id '{rid}' appears twice", line, "id")
                seen.add(rid)
            for column, values in prepared.columns.items():
                cols[column] += values
            issues.update(prepared.issues)
            if progress is not None:
                progress(f"read {len(seen):,} rows")
    return Prepared(cols, issues)


# ---------------------------------------------------------------- the model


# The blocking rules of `dedupe` and `link` for a large file. The model's (which are also
# search's index keys, ``model.BLOCKING_COLUMNS``) compared about 105 million pairs among
# 1,000,000 generated rows, most from rules whose pairs grow with the square of the file:
# the birth date alone (a day many people share: 49 million) and a consonant skeleton with
# the birth year (40 million). On 100,000 rows those, the full name (implied by its
# skeleton) and its sound found 0.2 % of the true pairs that no other rule found, most of
# them scored below the threshold anyway. These compare about 14 million pairs among
# 1,000,000 rows (the birth date goes with the nationality): F1 0.9655 on 100,000 rows
# against 0.9661 with all of the model's rules. A file of up to SMALL_FILE rows keeps all of
# them: their pairs are few there, and each true pair counts (400 rows: F1 0.949 with all,
# 0.943 with fewer). A name part with the birth month and day finds the people whose year
# was typed one off, for few pairs (1,000,000 rows: F1 0.9682 → 0.9686).
BATCH_BLOCKING: tuple[tuple[str, ...], ...] = (
    ("name_skel",),
    ("tok_a", "dob_year"),
    ("tok_b", "dob_year"),
    ("dob", "nationality"),
    ("tok_a", "dob_month", "dob_day"),
    ("tok_b", "dob_month", "dob_day"),
    ("doc_ocr",),
    ("phone",),
    ("email",),
)
SMALL_FILE = 200_000


def blocking_for(rows: int) -> tuple[tuple[str, ...], ...]:
    """The blocking rules for a batch of ``rows`` rows (see BATCH_BLOCKING), and the same
    address (few pairs: 140,000 among 1,000,000 generated rows)."""
    return (BLOCKING_COLUMNS if rows <= SMALL_FILE else BATCH_BLOCKING) + (("address_key",),)


def batch_only_comparisons() -> list[Any]:
    """Exact agreement of the batch-only columns (``BATCH_ONLY_COLUMNS``): the address term-
    frequency adjusted (a shared address of one family counts for less than a rare one), the
    birth place not (its u is measured among people sharing a name part instead)."""
    import splink.comparison_library as cl

    return [
        cl.ExactMatch("address_key").configure(term_frequency_adjustments=True),
        cl.ExactMatch("birth_place_key"),
    ]


def settings(
    link_type: str = "dedupe_only",
    blocking: tuple[tuple[str, ...], ...] = BLOCKING_COLUMNS,
    *,
    batch_only: bool = False,
) -> Any:
    """The Splink settings of the Interlink model (on the prepared columns); ``batch_only``
    adds the comparisons of the columns only a batch file has (the address)."""
    from splink import SettingsCreator, block_on

    return SettingsCreator(
        link_type=link_type,  # type: ignore[arg-type]
        comparisons=splink_comparisons() + (batch_only_comparisons() if batch_only else []),
        blocking_rules_to_generate_predictions=[block_on(*rule) for rule in blocking],
        retain_intermediate_calculation_columns=False,
        retain_matching_columns=False,
    )


def _arrow(prepared: Prepared) -> Any:
    import pyarrow as pa

    c = prepared.columns
    types = {
        "name_tokens": pa.list_(pa.string()),
        "name_joined": pa.list_(pa.string()),
        "name_skels": pa.list_(pa.string()),
        "dob_year": pa.int16(),
        "dob_month": pa.int8(),
        "dob_day": pa.int8(),
    }
    names = [*PREPARED_COLUMNS, *(k for k in BATCH_ONLY_KEYS if k in c)]
    return pa.table({k: pa.array(c[k], types.get(k, pa.string())) for k in names})


def _write_csv(path: Path, header: tuple[str, ...], rows: Iterator[tuple[Any, ...]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


@dataclass(slots=True)
class BatchSummary:
    """What a batch did: rows read, pairs and clusters found, malformed values by field."""

    rows: int
    pairs: int
    clusters: int | None = None
    issues: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def _quiet_splink() -> None:
    for name in ("splink", "py4j"):
        logging.getLogger(name).setLevel(logging.ERROR)


def dedupe(
    path: str | Path,
    output: str | Path,
    threshold: float = DEFAULT_THRESHOLD,
    *,
    phone_region: str | None = None,
    progress: Progress | None = None,
    engine: str = DEFAULT_ENGINE,
) -> BatchSummary:
    """Cluster the rows of ``path`` that describe the same person; write ``id,cluster_id``.
    ``engine``: ``duckdb`` or ``spark`` (`identity.engines`)."""
    started = time.perf_counter()
    say = progress or (lambda _m: None)
    say("reading")
    prepared = read_prepared(path, phone_region=phone_region, progress=say)
    clusters, pairs = dedupe_prepared(prepared, threshold, progress=say, engine=engine)
    _write_csv(Path(output), ("id", "cluster_id"), iter(clusters))
    return BatchSummary(
        rows=prepared.rows,
        pairs=pairs,
        clusters=len({c for _, c in clusters}),
        issues=dict(prepared.issues),
        seconds=time.perf_counter() - started,
    )


def dedupe_prepared(
    prepared: Prepared,
    threshold: float = DEFAULT_THRESHOLD,
    *,
    progress: Progress | None = None,
    engine: str = DEFAULT_ENGINE,
) -> tuple[list[tuple[str, str]], int]:
    """(id, cluster id) of every row, and the number of pairs at or above ``threshold``."""
    from splink import Linker

    _quiet_splink()
    say = progress or (lambda _m: None)
    if engine != DEFAULT_ENGINE:
        say(f"starting {engine}")
    db = open_engine(engine)
    try:
        arrow = _arrow(prepared)
        table = db.register(arrow, "people")
        model = db.settings(
            settings(blocking=blocking_for(prepared.rows), batch_only=True), arrow.schema
        )
        linker = Linker(table, model, log_level=None)
        say("training")
        train(linker, (arrow,), progress=say)
        say("scoring pairs")
        scored = linker.inference.predict().physical_name  # every compared pair
        joining: list[Pair] = [
            (str(a), str(b), float(p))
            for a, b, p in db.rows(
                "SELECT unique_id_l, unique_id_r, match_probability "
                f"FROM {scored} WHERE match_probability >= {threshold}"
            )
        ]
        apart = _pairs_apart(db, scored, joining)
    finally:
        db.close()
    say("clustering")
    ids = sorted(str(i) for i in prepared.columns["unique_id"])
    return cluster(ids, joining, apart), len(joining)


def _pairs_apart(db: Engine, scored: str, joining: list[Pair]) -> list[Any]:
    """The pairs of table ``scored`` judged apart (below ``clustering.APART``) where the
    clustering may have to keep them apart: within one connected component (of three rows
    or more) of the ``joining`` pairs."""
    import pyarrow as pa

    joined = components((a, b) for a, b, _ in joining)
    text = pa.string()
    component_of = pa.table(
        {
            "id": pa.array(list(joined), text),
            "component": pa.array(list(joined.values()), text),
        }
    )
    table = db.register(component_of).physical_name
    return db.rows(
        f"""SELECT s.unique_id_l, s.unique_id_r FROM {scored} s
           JOIN {table} l ON l.id = s.unique_id_l JOIN {table} r ON r.id = s.unique_id_r
           WHERE s.match_probability < {APART} AND l.component = r.component"""
    )


def link(
    left: str | Path,
    right: str | Path,
    output: str | Path,
    threshold: float = DEFAULT_THRESHOLD,
    *,
    phone_region: str | None = None,
    progress: Progress | None = None,
    engine: str = DEFAULT_ENGINE,
) -> BatchSummary:
    """Pairs of a row of ``left`` and a row of ``right`` judged the same person; writes
    ``left_id,right_id,match_probability`` (highest first). ``engine``: as for ``dedupe``."""
    from splink import Linker

    _quiet_splink()
    started = time.perf_counter()
    say = progress or (lambda _m: None)
    say("reading")
    a = read_prepared(left, phone_region=phone_region, progress=say)
    b = read_prepared(right, phone_region=phone_region, progress=say)
    if engine != DEFAULT_ENGINE:
        say(f"starting {engine}")
    db = open_engine(engine)
    try:
        arrow_a = _arrow(a)
        arrow_b = _arrow(b)
        ta = db.register(arrow_a, "left_people")
        tb = db.register(arrow_b, "right_people")
        model = db.settings(
            settings("link_only", blocking_for(a.rows + b.rows), batch_only=True), arrow_a.schema
        )
        linker = Linker([ta, tb], model, log_level=None)
        say("training")
        train(linker, (arrow_a, arrow_b))
        say("scoring pairs")
        scored = linker.inference.predict(threshold_match_probability=threshold)
        rows = db.rows(
            f"""SELECT
                 CASE WHEN source_dataset_l = 'left_people' THEN unique_id_l ELSE unique_id_r END,
                 CASE WHEN source_dataset_l = 'left_people' THEN unique_id_r ELSE unique_id_l END,
                 round(match_probability, 6)
               FROM {scored.physical_name} ORDER BY 3 DESC, 1, 2"""
        )
    finally:
        db.close()
    _write_csv(Path(output), ("left_id", "right_id", "match_probability"), iter(rows))
    issues = a.issues + b.issues
    return BatchSummary(
        rows=a.rows + b.rows,
        pairs=len(rows),
        issues=dict(issues),
        seconds=time.perf_counter() - started,
    )
