"""Batch linkage of person files with Splink 5 on DuckDB or Spark: ``dedupe`` and ``link``.

A file (CSV, JSON lines, XLSX: the person columns of the import) is read once into a
prepared table of comparable forms — name tokens, sorted, phonetic and consonant-skeleton
keys (`identity.names.normalize`), birth year/month/day, ISO country, normalized document
number, E.164 phone, e-mail, and the address and birth place only a batch compares — and a
Fellegi–Sunter model is trained on it (`train`: u by random sampling or, where sampling
cannot see it, counted on the file; m by expectation maximisation where matches are dense;
term-frequency adjustment on names, birth dates and addresses) and used to score the
candidate pairs the blocking rules give. The engine (DuckDB by default, or Spark:
`identity.engines`) runs the same model. A missing id or name stops the batch with the line
named; a malformed optional value is counted by field and blanked (or kept as far as it is
usable: a birth date with an impossible day keeps its year and month).
"""

from __future__ import annotations

import csv
import logging
import math
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from interlink.identity.engines import DEFAULT_ENGINE, open_engine
from interlink.identity.model import BLOCKING_COLUMNS, COMPARISONS, INDIVIDUAL, splink_comparisons
from interlink.identity.names import normalize
from interlink.identity.prepare import (
    NAME_COLUMNS,
    PREPARED_COLUMNS,
    prepare_values,
)
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
_DEFAULT_PRIOR = 1e-4


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


# Comparisons whose values go with the name: two different people who share a name part
# share its nationality one time in two, its gender three in four and its birth place one in
# twelve (1,000,000 generated rows), against one in thirty, one in two and one in two hundred
# of random pairs. Counting that u as if independent of the name gave a name with its
# nationality five bits it does not carry where namesakes are many, so their u is the random
# pairs' and the agreement among pairs of rows sharing a name part
# (`agreement_sharing_a_name_part`), mixed by the share of same-name pairs that are different
# people (`namesake_share`: 0.26 among 2,000 generated rows, 0.48 among 100,000, 0.86 among
# 1,000,000). In a small file the name's term frequency is coarse (a name seen twice among
# 2,000 rows counts as one in a thousand) and the measured u alone cost F1 there (10,000
# rows: 0.975 against 0.980 mixed).
FOLLOW_THE_NAME = ("nationality", "gender", "birth_place_key")

# A level never seen among the random pairs (u) or in EM (m) gets these; and however clean
# the file, no disagreement is impossible in real records (typing errors, a changed
# nationality or address), so every m stays at or above M_FLOOR. Online search's defaults
# (`identity.defaults`) are settled by the same rule.
UNSEEN_U = 1e-7
UNSEEN_M = 1e-4
M_FLOOR = 0.002


class PairCounts:
    """How many pairs of rows agree on a key, counted with DuckDB over the prepared tables
    (whichever engine scores them, so that DuckDB and Spark get the same numbers). One table
    (``dedupe``) forms pairs among its rows; two (``link``), pairs across them."""

    def __init__(self, sides: tuple[Any, ...]) -> None:
        import duckdb

        self._con = duckdb.connect()
        self._sides = len(sides)
        self._sizes = [side.num_rows for side in sides]
        for i, side in enumerate(sides):
            self._con.register(f"side{i}", side)

    def close(self) -> None:
        self._con.close()

    @property
    def pairs(self) -> int:
        """All pairs of rows."""
        if self._sides == 1:
            return self._sizes[0] * (self._sizes[0] - 1) // 2
        return self._sizes[0] * self._sizes[1]

    def agreeing(self, keys: dict[str, str], where: str) -> int:
        """Pairs of rows (each with ``where`` true) that share the values of ``keys``
        (name → SQL expression over a row; an unnested list gives one key per element)."""
        select = ", ".join(f"{sql} AS {name}" for name, sql in keys.items())
        names = ", ".join(keys)
        counts = [
            f"SELECT {names}, count(*) AS n FROM (SELECT DISTINCT unique_id AS r, {select} "
            f"FROM side{i} WHERE {where}) GROUP BY ALL"
            for i in range(self._sides)
        ]
        if self._sides == 1:
            sql = f"SELECT sum(n * (n - 1) // 2) FROM ({counts[0]})"
        else:
            sql = f"SELECT sum(a.n * b.n) FROM ({counts[0]}) a JOIN ({counts[1]}) b USING ({names})"
        found = self._con.execute(sql).fetchone()
        return int(found[0] or 0) if found else 0

    def same_value(self, column: str) -> int:
        """Pairs of rows with the same value in ``column``."""
        return self.agreeing({"k": column}, f"{column} IS NOT NULL")

    def agreement_sharing_a_name_part(self, column: str) -> float | None:
        """Of the pairs of rows sharing a name part (both with a value in ``column``), the
        share that agree on ``column``; None when no such pair exists."""
        part = {"k": "unnest(name_tokens)"}
        where = f"{column} IS NOT NULL"
        sharing = self.agreeing(part, where)
        return self.agreeing({**part, "v": column}, where) / sharing if sharing else None


def identifier_u(agreeing: int, total: int, *, prior: float, m: float) -> float | None:
    """u of an exact level on an identifier, from ``agreeing`` of ``total`` pairs: the share
    agreeing less what the matches explain (the prior times m); when the matches explain all
    of it, the smallest share the count could tell from none (√K of all pairs, for K
    agreeing pairs). None when no pair agrees."""
    if total <= 0 or agreeing <= 0:
        return None
    return max(agreeing / total - prior * m, math.sqrt(agreeing) / total)


def namesake_share(counts: PairCounts, prior: float, m: float) -> float:
    """Of the pairs of rows with the same name, the share that are different people: all
    of them less the matches the model expects there (the prior times m of the same name)."""
    same_name = counts.same_value("name_key")
    if not same_name:
        return 0.0
    return max(0.0, 1.0 - prior * counts.pairs * m / same_name)


def _settle(linker: Any, *, sampled: bool) -> None:
    """Every level with an m of at least M_FLOOR; when u was ``sampled``, UNSEEN_U for a
    level the sample never saw (Splink would use a default of its own for it)."""
    for comparison in linker._settings_obj.comparisons:
        for level in comparison.comparison_levels:
            if level.is_null_level:
                continue
            level.m_probability = max(M_FLOOR, level.m_probability or UNSEEN_M)
            if sampled and not isinstance(level._u_probability, float):
                level.u_probability = UNSEEN_U


def _counted_u(linker: Any, counts: PairCounts) -> None:
    """u of the comparisons that follow the name (FOLLOW_THE_NAME) and of the identifiers'
    exact levels (document, phone, e-mail: random sampling cannot see how rarely two
    different people share one), counted on the whole file."""
    model = linker._settings_obj
    prior = model._probability_two_random_records_match
    comparisons = {c.output_column_name: c for c in model.comparisons}
    name = comparisons.get("name")
    share = namesake_share(counts, prior, name.comparison_levels[1].m_probability) if name else 0.0
    for column in FOLLOW_THE_NAME:
        rate = counts.agreement_sharing_a_name_part(column) if column in comparisons else None
        if rate is not None and 0.0 < rate < 1.0:
            levels = comparisons[column].comparison_levels
            same, other = (lv for lv in levels if not lv.is_null_level)
            u = share * rate + (1.0 - share) * same.u_probability
            same.u_probability, other.u_probability = u, 1.0 - u
    for declared in COMPARISONS:
        if declared.name not in INDIVIDUAL or declared.name not in comparisons:
            continue
        built = comparisons[declared.name].comparison_levels
        taken = 0  # pairs an earlier exact level of the comparison took
        for level, params in zip(declared.levels, built, strict=True):
            if level.kind != "exact" or level.column is None:
                continue
            agreeing = counts.same_value(level.column)
            u = identifier_u(agreeing - taken, counts.pairs, prior=prior, m=params.m_probability)
            if u is not None:
                params.u_probability = u
            taken = agreeing


# The identifiers EM may block on, in order: the first the file has pairs for is used (one
# rule with OR between them would make the engine compare every pair of rows).
_IDENTIFIERS = ("doc_ocr", "phone", "email")


def _first_that_runs(steps: Iterable[Callable[[], object]]) -> None:
    from splink.internals.exceptions import SplinkException

    failed: Exception | None = None
    for step in steps:
        try:
            step()
            return
        except (SplinkException, ValueError, ZeroDivisionError) as exc:
            failed = exc
    if failed is not None:
        raise failed


def train(
    linker: Any,
    sides: tuple[Any, ...],
    *,
    seed: int = 1,
    progress: Progress | None = None,
) -> None:
    """The prior from near-certain rules, u from random pairs, m by EM in two passes, then
    the u that can be counted rather than sampled (`_counted_u`).

    EM runs where matches are dense, so that it finds them rather than a class of look-
    alikes: first among rows sharing an identifier (m of names, dates and the rest), then
    among rows with the same name and birth date (m of the identifiers). Among rows with one
    name alone, most pairs at 1,000,000 rows are different people, and EM there learnt that
    matches mostly have different birth dates. A file too small or too uniform for a step
    (no pairs in its blocks) keeps the defaults of that step; a prediction still comes out."""
    from splink import block_on
    from splink.internals.exceptions import SplinkException

    rows = sum(side.num_rows for side in sides)
    em_pairs = max(1e6, rows * 2.0)

    def em(rule: Any) -> Callable[[], object]:
        # EM iterates on the comparison vectors alone (term frequencies are applied when
        # scoring): several times faster, and the same F1 on 100,000 generated rows
        return lambda: linker.training.estimate_parameters_using_expectation_maximisation(
            rule, max_pairs=em_pairs, estimate_without_term_frequencies=True
        )

    steps: list[tuple[str, Callable[[], object]]] = [
        (
            "prior",
            lambda: linker.training.estimate_probability_two_random_records_match(
                [
                    "l.doc_ocr = r.doc_ocr AND l.dob = r.dob",
                    "l.name_key = r.name_key AND l.dob = r.dob",
                    "l.phone = r.phone AND l.name_key = r.name_key",
                ],
                recall=0.6,
            ),
        ),
        (
            "u",
            lambda: linker.training.estimate_u_using_random_sampling(
                # one chunk: Splink's chunks (and its early stop at 100 pairs a level)
                # follow the engine's hash function, so u differed between DuckDB and Spark
                max_pairs=max(2e6, rows * 2.0),
                seed=seed,
                num_chunks=1,
            ),
        ),
        ("m by shared identifier", lambda: _first_that_runs(em(block_on(c)) for c in _IDENTIFIERS)),
        ("m by name and birth date", em(block_on("name_key", "dob"))),
    ]
    done: set[str] = set()
    for name, step in steps:
        try:
            step()
            done.add(name)
        except (SplinkException, ValueError, ZeroDivisionError) as exc:
            _log.info("training step %s skipped: %s", name, type(exc).__name__)
        if progress is not None:
            progress(f"trained: {name}")
    model = linker._settings_obj
    if not 0.0 < model._probability_two_random_records_match < 1.0:
        model._probability_two_random_records_match = _DEFAULT_PRIOR  # no pair to estimate it
    _settle(linker, sampled="u" in done)
    counts = PairCounts(sides)
    try:
        _counted_u(linker, counts)
    finally:
        counts.close()
    if progress is not None:
        progress("trained: u counted")


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
        scored = linker.inference.predict(threshold_match_probability=threshold)
        pairs = int(db.rows(f"SELECT count(*) FROM {scored.physical_name}")[0][0])
        say("clustering")
        clustered = linker.clustering.cluster_pairwise_predictions_at_threshold(
            scored, threshold_match_probability=threshold
        )
        result = db.rows(
            f"SELECT unique_id, cluster_id FROM {clustered.physical_name} ORDER BY unique_id"
        )
    finally:
        db.close()
    return [(str(a), str(b)) for a, b in result], pairs


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
