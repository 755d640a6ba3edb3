"""The Interlink person-matching model, declared once for the batch and for online search.

A Fellegi–Sunter model: each comparison (name, birth date, …) sorts a pair of prepared
persons (``identity.prepare``) into one of a few agreement levels; each level carries an
m probability (how often true matches agree this way) and a u probability (how often
random pairs do); an exact agreement on a common value counts for less than on a rare one
(term-frequency adjustment). The match weight is the sum of log2(m/u) over comparisons plus
the prior's log-odds; the probability follows from it.

Every level is declared here twice, side by side: as SQL for Splink (the batch, on DuckDB or
Spark, which also trains m and u by expectation maximisation) and as a Python test on the
same prepared forms (online search, one query against candidates from the node's index).
``tests/identity/test_model.py`` holds the two to the same answer on generated pairs, and
search reads the parameters Splink trained.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from rapidfuzz.distance import JaroWinkler, Levenshtein

Side = Mapping[str, Any]
Test = Callable[[Side, Side], bool]

DEFAULT_PARAMETERS = Path(__file__).with_name("default_model.json")
TRAINING_ROWS = "interlink_training_rows"  # kept beside Splink's keys in a saved model


class Band(StrEnum):
    """How a result is presented: the probability cut into four words a user can act on."""

    SAME = "same"
    POSSIBLY_SAME = "possibly same"
    POSSIBLY_RELATED = "possibly related"
    DIFFERENT = "different"


# Lower bounds of each band's match probability (checked from the top).
BAND_FLOORS: tuple[tuple[Band, float], ...] = (
    (Band.SAME, 0.99),
    (Band.POSSIBLY_SAME, 0.9),
    (Band.POSSIBLY_RELATED, 0.5),
    (Band.DIFFERENT, 0.0),
)


def band(probability: float) -> Band:
    for name, floor in BAND_FLOORS:
        if probability >= floor:
            return name
    return Band.DIFFERENT


@dataclass(frozen=True)
class Level:
    """One agreement level: its label (also the reason shown to users), its SQL for
    Splink, its Python test, and the column whose term frequency adjusts it (if any)."""

    label: str
    sql: str
    test: Test
    column: str | None = None  # of a null or exact level, or whose frequency adjusts this one
    tf: bool = False
    kind: str = "custom"  # null | exact | custom | else


@dataclass(frozen=True)
class Comparison:
    name: str
    levels: tuple[Level, ...]

    def level_of(self, a: Side, b: Side) -> int:
        """Index of the first level whose test holds (the null level first, else last)."""
        for index, level in enumerate(self.levels):
            if level.test(a, b):
                return index
        return len(self.levels) - 1


def _null(column: str) -> Level:
    return Level(
        f"{column} missing",
        f'"{column}_l" IS NULL OR "{column}_r" IS NULL',
        lambda a, b: a.get(column) is None or b.get(column) is None,
        column=column,
        kind="null",
    )


def _exact(column: str, label: str, *, tf: bool = False) -> Level:
    return Level(
        label,
        f'"{column}_l" = "{column}_r"',
        lambda a, b: (
            a[column] is not None and a[column] == b[column]
        ),  # SQL: NULL = NULL is not true
        column=column,
        tf=tf,
        kind="exact",
    )


def _else() -> Level:
    return Level("other", "ELSE", lambda a, b: True, kind="else")


def _set(values: Any) -> frozenset[Any]:
    return values if isinstance(values, frozenset) else frozenset(values)


def _shared(column: str, a: Side, b: Side) -> int:
    return len(_set(a[column]) & _set(b[column]))


def _all_of_shorter(column: str, at_least: int) -> Test:
    def test(a: Side, b: Side) -> bool:
        n = _shared(column, a, b)
        return n >= at_least and n == min(len(_set(a[column])), len(_set(b[column])))

    return test


def _shared_at_least(column: str, at_least: int) -> Test:
    return lambda a, b: _shared(column, a, b) >= at_least


# ``list_has_any`` first: most pairs Splink compares (all of the random pairs that estimate u)
# share no part, and it answers that without building the intersection the rest counts.
def _sql_all_of_shorter(column: str, at_least: int) -> str:
    shared = f"len(list_intersect({column}_l, {column}_r))"
    return (
        f"list_has_any({column}_l, {column}_r) AND {shared} >= {at_least} "
        f"AND {shared} = least(len({column}_l), len({column}_r))"
    )


def _sql_shared(column: str, at_least: int) -> str:
    overlap = f"list_has_any({column}_l, {column}_r)"
    if at_least == 1:
        return overlap
    return f"{overlap} AND len(list_intersect({column}_l, {column}_r)) >= {at_least}"


def _jaro_winkler(a: str, b: str) -> float:
    return float(JaroWinkler.similarity(a, b))


# A name contained in the other (or split differently) is adjusted by the frequency of the
# whole name, and skeletons by the skeleton's: "Oleg Petrenko" within "Oleg Ivanovich
# Petrenko" says more than "Ali Khan" within "Ali Reza Khan" (1,000,000 generated rows:
# false pairs at threshold 0.7 1,805 → 1,615; docs/identity.md, "The scoring model").
NAME = Comparison(
    "name",
    (
        _null("name_key"),
        _exact("name_key", "same name", tf=True),
        Level(
            "every part of the shorter name in the longer",
            _sql_all_of_shorter("name_tokens", 2),
            _all_of_shorter("name_tokens", 2),
            column="name_key",
            tf=True,
        ),
        Level(
            "same letters, split differently",
            _sql_shared("name_joined", 1),
            _shared_at_least("name_joined", 1),
            column="name_key",
            tf=True,
        ),
        _exact("name_skel", "same consonants (spelling variant)", tf=True),
        _exact("name_phon", "same sound", tf=True),
        Level(
            "every consonant skeleton of the shorter name in the longer",
            _sql_all_of_shorter("name_skels", 2),
            _all_of_shorter("name_skels", 2),
            column="name_skel",
            tf=True,
        ),
        Level(
            "two name parts shared",
            _sql_shared("name_tokens", 2),
            _shared_at_least("name_tokens", 2),
        ),
        Level(
            "two consonant skeletons shared",
            _sql_shared("name_skels", 2),
            _shared_at_least("name_skels", 2),
        ),
        Level(
            "one name part shared, the rest alike",
            _sql_shared("name_tokens", 1)
            + " AND jaro_winkler_similarity(name_key_l, name_key_r) >= 0.85",
            lambda a, b: (
                _shared("name_tokens", a, b) >= 1
                and _jaro_winkler(a["name_key"], b["name_key"]) >= 0.85
            ),
        ),
        Level(
            "one name part shared",
            _sql_shared("name_tokens", 1),
            _shared_at_least("name_tokens", 1),
        ),
        Level(
            "names alike",
            "jaro_winkler_similarity(name_key_l, name_key_r) >= 0.85",
            lambda a, b: _jaro_winkler(a["name_key"], b["name_key"]) >= 0.85,
        ),
        _else(),
    ),
)


def _both(column: str, a: Side, b: Side) -> bool:
    return a[column] is not None and b[column] is not None


PLACEHOLDER_DAY = (1, 1)  # (month, day) written for "born in that year, day unknown"


def placeholder_date(side: Side) -> bool:
    """A full birth date on 1 January: often a placeholder for an unknown day."""
    return (side.get("dob_month"), side.get("dob_day")) == PLACEHOLDER_DAY


BIRTH_DATE = Comparison(
    "birth_date",
    (
        _null("dob_year"),
        _exact("dob", "same birth date", tf=True),
        Level(
            "day and month swapped",
            "dob_year_l = dob_year_r AND dob_month_l = dob_day_r AND dob_day_l = dob_month_r",
            lambda a, b: (
                a["dob_year"] == b["dob_year"]
                and _both("dob_month", a, b)
                and _both("dob_day", a, b)
                and a["dob_month"] == b["dob_day"]
                and a["dob_day"] == b["dob_month"]
            ),
        ),
        Level(
            "same year and month, a day missing",
            "dob_year_l = dob_year_r AND dob_month_l = dob_month_r AND "
            "(dob_day_l IS NULL OR dob_day_r IS NULL)",
            lambda a, b: (
                a["dob_year"] == b["dob_year"]
                and _both("dob_month", a, b)
                and a["dob_month"] == b["dob_month"]
                and (a["dob_day"] is None or b["dob_day"] is None)
            ),
        ),
        Level(
            "same year, month missing",
            "dob_year_l = dob_year_r AND (dob_month_l IS NULL OR dob_month_r IS NULL)",
            lambda a, b: (
                a["dob_year"] == b["dob_year"]
                and (a["dob_month"] is None or b["dob_month"] is None)
            ),
        ),
        Level(
            # 1 January is what many registers write when only the year is known: a year
            # apart on it is weak evidence, not a typed-in year (see PLACEHOLDER_DAY)
            "year off by one, both on 1 January",
            "abs(dob_year_l - dob_year_r) = 1 AND dob_month_l = 1 AND dob_day_l = 1 "
            "AND dob_month_r = 1 AND dob_day_r = 1",
            lambda a, b: (
                abs(a["dob_year"] - b["dob_year"]) == 1
                and placeholder_date(a)
                and placeholder_date(b)
            ),
        ),
        Level(
            "year off by one",
            "abs(dob_year_l - dob_year_r) = 1 AND dob_month_l = dob_month_r "
            "AND dob_day_l = dob_day_r",
            lambda a, b: (
                abs(a["dob_year"] - b["dob_year"]) == 1
                and _both("dob_month", a, b)
                and _both("dob_day", a, b)
                and a["dob_month"] == b["dob_month"]
                and a["dob_day"] == b["dob_day"]
            ),
        ),
        Level(
            "same year, other day",
            "dob_year_l = dob_year_r",
            lambda a, b: a["dob_year"] == b["dob_year"],
        ),
        _else(),
    ),
)

DOCUMENT = Comparison(
    "document",
    (
        _null("doc"),
        _exact("doc", "same document number"),
        _exact("doc_ocr", "same document number but for OCR confusions"),
        Level(
            "document numbers one character apart",
            "levenshtein(doc_l, doc_r) <= 1",
            lambda a, b: Levenshtein.distance(a["doc"], b["doc"]) <= 1,
        ),
        _else(),
    ),
)


def _exact_comparison(column: str, name: str, what: str) -> Comparison:
    return Comparison(name, (_null(column), _exact(column, f"same {what}"), _else()))


COMPARISONS: tuple[Comparison, ...] = (
    NAME,
    BIRTH_DATE,
    _exact_comparison("gender", "gender", "gender"),
    _exact_comparison("nationality", "nationality", "nationality"),
    DOCUMENT,
    _exact_comparison("phone", "phone", "phone"),
    _exact_comparison("email", "email", "e-mail"),
)
BY_NAME = {c.name: c for c in COMPARISONS}

# Blocking: which pairs are compared at all. As Splink rules (the batch) and as index keys
# (online search: a stored person is a candidate when it shares a key with the query).
BLOCKING_COLUMNS: tuple[tuple[str, ...], ...] = (
    ("name_key",),
    ("name_skel",),
    ("tok_a", "dob_year"),
    ("tok_b", "dob_year"),
    ("name_phon",),
    ("skel_a", "dob_year"),
    ("skel_b", "dob_year"),
    ("dob",),
    ("doc_ocr",),
    ("phone",),
    ("email",),
)


def splink_comparisons() -> list[Any]:
    """The comparisons as Splink 5 objects."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    built = []
    for comparison in COMPARISONS:
        levels: list[Any] = []
        for level in comparison.levels:
            if level.kind == "null":
                levels.append(cll.NullLevel(str(level.column)))
            elif level.kind == "exact":
                made = cll.ExactMatchLevel(str(level.column)).configure(
                    label_for_charts=level.label
                )
                if level.tf:
                    made = made.configure(tf_adjustment_column=level.column)
                levels.append(made)
            elif level.kind == "else":
                levels.append(cll.ElseLevel())
            else:
                made = cll.CustomLevel(level.sql, level.label)
                if level.tf:
                    made = made.configure(tf_adjustment_column=level.column)
                levels.append(made)
        built.append(
            cl.CustomComparison(output_column_name=comparison.name, comparison_levels=levels)
        )
    return built


# ---------------------------------------------------------------- parameters and scoring


@dataclass(frozen=True)
class LevelParameters:
    m: float
    u: float

    @property
    def weight(self) -> float:
        return math.log2(self.m / self.u)


@dataclass(frozen=True)
class Parameters:
    """m and u of every level (by comparison name, level index) and the prior."""

    prior: float
    levels: dict[str, tuple[LevelParameters | None, ...]]
    rows: int | None = None  # how many records the prior was estimated among

    def for_population(self, persons: int) -> Parameters:
        """The same model for a search among ``persons`` records: a query describes about
        as many of them whatever their number, so the chance that it matches any one record
        falls as their number grows (never above the trained prior)."""
        if not self.rows or persons <= self.rows:
            return self
        return replace(self, prior=self.prior * self.rows / persons)

    def exact_u(self, column: str) -> float:
        """u of the exact level on ``column`` (the share of random pairs agreeing on it)."""
        for comparison in COMPARISONS:
            for index, level in enumerate(comparison.levels):
                params = self.levels[comparison.name][index]
                if level.kind == "exact" and level.column == column and params is not None:
                    return params.u
        raise LookupError(column)

    @classmethod
    def from_splink(cls, data: Mapping[str, Any]) -> Parameters:
        """From a model saved by Splink (``linker.misc.save_model_to_json``)."""
        levels: dict[str, tuple[LevelParameters | None, ...]] = {}
        for comparison in data["comparisons"]:
            name = comparison["output_column_name"]
            declared = BY_NAME[name].levels
            saved = comparison["comparison_levels"]
            if len(saved) != len(declared):
                raise ValueError(f"the saved model's {name} comparison has other levels")
            params: list[LevelParameters | None] = []
            for level in saved:
                if level.get("is_null_level"):
                    params.append(None)
                    continue
                m = _probability(level.get("m_probability"))
                u = _probability(level.get("u_probability"))
                params.append(LevelParameters(m, u))
            levels[name] = tuple(params)
        if set(levels) != set(BY_NAME):
            raise ValueError("the saved model does not have the declared comparisons")
        rows = data.get(TRAINING_ROWS)
        prior = float(data["probability_two_random_records_match"])
        return cls(prior, levels, int(rows) if rows else None)

    @classmethod
    def load(cls, path: Path | None = None) -> Parameters:
        return cls.from_splink(json.loads((path or DEFAULT_PARAMETERS).read_text("utf-8")))


_FLOOR = 1e-8  # a level never observed in training: not infinitely telling


def _probability(value: Any) -> float:
    if not isinstance(value, int | float) or math.isnan(value):
        return _FLOOR
    return min(max(float(value), _FLOOR), 1.0)


@dataclass(frozen=True)
class Contribution:
    """One comparison's part in a score: the level reached and its weight in bits."""

    comparison: str
    level: str
    weight: float


@dataclass(frozen=True)
class Score:
    probability: float
    weight: float
    band: Band
    contributions: tuple[Contribution, ...]


TermFrequency = Callable[[str, Any], float | None]


def score(a: Side, b: Side, parameters: Parameters, tf: TermFrequency | None = None) -> Score:
    """The match probability of two prepared persons, with each comparison's part.

    ``tf(column, value)`` gives the share of records with that value (None when unknown);
    the adjustment is Splink's: log2(u of the exact level on that column) - log2(the larger
    share), also on a level that is not itself exact (a name contained in another)."""
    weight = math.log2(parameters.prior / (1 - parameters.prior))
    parts: list[Contribution] = []
    for comparison in COMPARISONS:
        index = comparison.level_of(a, b)
        level = comparison.levels[index]
        params = parameters.levels[comparison.name][index]
        if params is None:  # the null level: no evidence either way
            parts.append(Contribution(comparison.name, level.label, 0.0))
            continue
        w = params.weight
        if level.tf and level.column and tf is not None:
            column = level.column
            shares = [s for s in (tf(column, a[column]), tf(column, b[column])) if s]
            if shares:
                w += math.log2(parameters.exact_u(column)) - math.log2(max(shares))
        parts.append(Contribution(comparison.name, level.label, w))
        weight += w
    probability = _probability_of(weight)
    return Score(probability, weight, band(probability), tuple(parts))


# -- online search only: what the model's independence assumption overrates -----------------
#
# Fellegi–Sunter multiplies the evidence of each field as if independent. Two different
# people with the same name usually share its nationality and gender too, and a node knows
# only its own name frequencies, so a name with little else agreeing scored as confidently as
# the data allowed (1.8 % of people not stored got a `same` or `possibly same` answer among
# 1,000,000). Search therefore caps a score that nothing individual corroborates.

# Comparisons whose agreement points at one individual rather than at a kind of person.
INDIVIDUAL = frozenset({"document", "phone", "email"})
# Birth-date agreement that many people with one name share: a year, or 1 January.
WEAK_DATE_LEVELS = frozenset({"same year, month missing", "year off by one, both on 1 January"})
CORROBORATION = "corroboration"
# The highest probability of a score with only the name and general facts agreeing (below
# `possibly same`), and with only the name and a birth year (below `same`).
NAME_ALONE_CAP = 0.85
NAME_AND_YEAR_CAP = 0.98


def _logit(probability: float) -> float:
    return math.log2(probability / (1 - probability))


def corroborated(scored: Score) -> Score:
    """``scored`` capped when nothing individual agrees: a name (with nationality and gender,
    which follow from it) is never `possibly same`; a name and a birth year never `same`.
    The cap shows as one more contribution, so the explanation still adds up."""
    positive = {c.comparison: c for c in scored.contributions if c.weight > 0}
    if INDIVIDUAL & positive.keys():
        return scored
    date = positive.get("birth_date")
    if date is not None and date.level not in WEAK_DATE_LEVELS:
        return scored
    cap, why = (
        (NAME_ALONE_CAP, "nothing but the name and general facts agree")
        if date is None
        else (NAME_AND_YEAR_CAP, "nothing but the name and the birth year agree")
    )
    if scored.probability <= cap:
        return scored
    lowered = _logit(cap) - scored.weight
    return Score(
        cap,
        scored.weight + lowered,
        band(cap),
        (*scored.contributions, Contribution(CORROBORATION, why, lowered)),
    )


def _probability_of(weight: float) -> float:
    if weight > 60:
        return 1.0
    odds = 2.0**weight
    return odds / (1 + odds)


def blocking_keys(side: Side) -> set[str]:
    """The index keys of a prepared person: one per blocking rule it has all values for."""
    keys: set[str] = set()
    for rule in BLOCKING_COLUMNS:
        values = [side.get(c) for c in rule]
        if all(v is not None and v != "" for v in values):
            keys.add("|".join((rule[0], *(str(v) for v in values))))
    return keys


def explain(contributions: Sequence[Contribution]) -> list[dict[str, Any]]:
    """Contributions as JSON-ready dicts, strongest evidence first."""
    return [
        {"comparison": c.comparison, "level": c.level, "weight": round(c.weight, 2)}
        for c in sorted(contributions, key=lambda c: -abs(c.weight))
    ]
