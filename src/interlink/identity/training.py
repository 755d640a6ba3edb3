"""Training the batch's Fellegi–Sunter model on the file it will score (`train`).

Splink's own estimators are used where they are right: the prior from near-certain rules,
u by random sampling, m by expectation maximisation. Where they are not, this module counts
on the whole file instead (`PairCounts`): the u of identifiers, which a random sample sees
too rarely to measure, and the u of values that go with the name (nationality, gender,
birth place), which differ among namesakes from random pairs, and the term frequencies,
which Splink counts with the record itself. docs/identity.md, "Batch", shows what each step
did to F1.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable
from typing import Any

from interlink.identity.model import COMPARISONS, INDIVIDUAL, NAME

_log = logging.getLogger(__name__)
Progress = Callable[[str], None]
_DEFAULT_PRIOR = 1e-4


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
M_FLOOR = 0.002


def settled_m(m: object) -> float:
    """A level's m by that rule: at least M_FLOOR, which a level EM never saw also gets."""
    return max(M_FLOOR, m if isinstance(m, float) else 0.0)


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
        # fetched whole: a result left open would stop the connection's next query
        (found,) = self._con.execute(sql).fetchall()
        return int(found[0] or 0)

    def term_frequencies(self, column: str) -> Any:
        """An Arrow table of each value of ``column`` and its share among the other rows:
        (k − 1) / N for a value on k of N rows (1 / N for a value on one row, which a
        level that is not exact can still adjust by: ``model.NAME``)."""
        rows = sum(self._sizes)
        values = " UNION ALL ".join(
            f"SELECT {column} AS v FROM side{i}" for i in range(self._sides)
        )
        return self._con.sql(
            f"SELECT v AS {column}, greatest(count(*) - 1, 1) / {rows}::DOUBLE AS tf_{column} "
            f"FROM ({values}) WHERE v IS NOT NULL GROUP BY v"
        ).to_arrow_table()

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


def _register_term_frequencies(linker: Any, counts: PairCounts) -> None:
    """Give Splink each term-frequency column's shares among the other rows
    (``PairCounts.term_frequencies``) in place of its own k / N. For a pair with the same
    value the evidence is how many other rows have it: a name on two rows of a file is held
    by one other row, not two, and Splink's share halved its weight (1,000,000 generated
    rows: pairs with one name, nothing else, on two rows are the same person one time in
    two; the model said one in four)."""
    for column in linker._settings_obj._term_frequency_columns:
        name = column.unquote().name
        # a name Splink generates, which it may overwrite: a Spark session outlives a run
        table = linker._db_api.register(counts.term_frequencies(name))
        linker.table_management.register_term_frequency_lookup(table, name)


def _settle(linker: Any, *, sampled: bool) -> None:
    """Every level with an m of at least M_FLOOR; when u was ``sampled``, UNSEEN_U for a
    level the sample never saw (Splink would use a default of its own for it)."""
    for comparison in linker._settings_obj.comparisons:
        for level in comparison.comparison_levels:
            if level.is_null_level:
                continue
            level.m_probability = settled_m(level.m_probability)
            if sampled and not isinstance(level._u_probability, float):
                level.u_probability = UNSEEN_U


def _counted_u(linker: Any, counts: PairCounts) -> None:
    """u of the comparisons that follow the name (FOLLOW_THE_NAME) and of the identifiers'
    exact levels (document, phone, e-mail: random sampling cannot see how rarely two
    different people share one), counted on the whole file."""
    model = linker._settings_obj
    prior = model._probability_two_random_records_match
    comparisons = {c.output_column_name: c for c in model.comparisons}
    same_name = next(
        i for i, lv in enumerate(NAME.levels) if lv.column == "name_key" and lv.kind == "exact"
    )
    m_same_name = comparisons[NAME.name].comparison_levels[same_name].m_probability
    share = namesake_share(counts, prior, m_same_name)
    for column in FOLLOW_THE_NAME:
        rate = counts.agreement_sharing_a_name_part(column) if column in comparisons else None
        if rate is not None and 0.0 < rate < 1.0:
            levels = comparisons[column].comparison_levels
            same, other = (lv for lv in levels if not lv.is_null_level)
            u = share * rate + (1.0 - share) * same.u_probability
            same.u_probability, other.u_probability = u, 1.0 - u
    for declared in COMPARISONS:
        if declared.name not in INDIVIDUAL:
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


def _no_pairs() -> tuple[type[Exception], ...]:
    """What a Splink training step raises when its blocks hold no pairs to learn from."""
    from splink.internals.exceptions import SplinkException

    return (SplinkException, ValueError, ZeroDivisionError)


def _first_that_runs(steps: Iterable[Callable[[], object]]) -> None:
    failed: Exception | None = None
    for step in steps:
        try:
            step()
            return
        except _no_pairs() as exc:
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
    the u that can be counted rather than sampled (`_counted_u`); scoring will adjust by
    each value's share among the other rows (`_register_term_frequencies`).

    EM runs where matches are dense, so that it finds them rather than a class of look-
    alikes: first among rows sharing an identifier (m of names, dates and the rest), then
    among rows with the same name and birth date (m of the identifiers). Among rows with one
    name alone, most pairs at 1,000,000 rows are different people, and EM there learnt that
    matches mostly have different birth dates. A file too small or too uniform for a step
    (no pairs in its blocks) keeps the defaults of that step; a prediction still comes out."""
    from splink import block_on

    rows = sum(side.num_rows for side in sides)
    em_pairs = max(1e6, rows * 2.0)

    def em(rule: Any) -> Callable[[], object]:
        def run() -> object:
            # Splink's EM session takes the comparisons its blocking rule uses out of the
            # linker's own model, and sets the prior to the blocking-adjusted one; it puts
            # both back only when training succeeds. A step that fails (no pairs in its
            # blocks) would leave the model without them, so they are put back here.
            kept = linker._settings_obj.core_model_settings.copy()
            try:
                # EM iterates on the comparison vectors alone (term frequencies are applied
                # when scoring): several times faster, the same F1 on 100,000 generated rows
                return linker.training.estimate_parameters_using_expectation_maximisation(
                    rule, max_pairs=em_pairs, estimate_without_term_frequencies=True
                )
            except Exception:
                linker._settings_obj.core_model_settings = kept
                raise

        return run

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
    counts = PairCounts(sides)
    try:
        _register_term_frequencies(linker, counts)
        done: set[str] = set()
        for name, step in steps:
            try:
                step()
                done.add(name)
            except _no_pairs() as exc:
                _log.info("training step %s skipped: %s", name, type(exc).__name__)
            if progress is not None:
                progress(f"trained: {name}")
        model = linker._settings_obj
        if not 0.0 < model._probability_two_random_records_match < 1.0:
            model._probability_two_random_records_match = _DEFAULT_PRIOR  # no pair to estimate it
        _settle(linker, sampled="u" in done)
        _counted_u(linker, counts)
    finally:
        counts.close()
    if progress is not None:
        progress("trained: u counted")
