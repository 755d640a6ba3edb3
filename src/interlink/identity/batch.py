"""Batch linkage of person files with Splink 5 on DuckDB: ``dedupe`` and ``link``.

A file (CSV, JSON lines, XLSX: the person columns of the import) is read once into a
prepared table of comparable forms — name tokens, sorted, phonetic and consonant-skeleton
keys (`identity.names.normalize`), birth year/month/day,
ISO country, normalized document number, E.164 phone, e-mail — and a Fellegi–Sunter model
is trained on it (u by random sampling, m by expectation maximisation, term-frequency
adjustment on names and birth dates) and used to score the candidate pairs the blocking
rules give. A missing id or name stops the batch with the line named; a malformed optional
value is counted by field and blanked (or kept as far as it is usable: a birth date with an
impossible day keeps its year and month).
"""

from __future__ import annotations

import csv
import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import phonenumbers
import pycountry

from interlink.identity.names import normalize
from interlink.identity.normalize import normalize_identifier
from interlink.transfer.readers import FileFormatError, SourceRow, iter_rows

NAME_COLUMNS = ("full_name", "first_name", "middle_name", "last_name")
PERSON_COLUMNS = (
    "id",
    *NAME_COLUMNS,
    "gender",
    "date_of_birth",
    "place_of_birth",
    "nationality",
    "document_number",
    "phone",
    "email",
    "address",
)
PREPARED_COLUMNS = (
    "unique_id",
    "name_key",
    "name_tokens",
    "name_joined",
    "name_skel",
    "name_skels",
    "name_phon",
    "tok_a",
    "tok_b",
    "skel_a",
    "skel_b",
    "dob",
    "dob_year",
    "dob_month",
    "dob_day",
    "gender",
    "nationality",
    "doc",
    "doc_ocr",
    "phone",
    "email",
)
DEFAULT_THRESHOLD = 0.9
_DEFAULT_PRIOR = 1e-4

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


_OCR = str.maketrans("OIQSBZG", "0105826")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DATE_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_DATE_DMY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_GENDERS = {"male": "m", "m": "m", "female": "f", "f": "f"}
_NO_GENDER = {"", "unknown", "u", "x", "other", "not known"}


def _name_texts(values: dict[str, str]) -> list[str]:
    """The texts a row's name is normalized from: the full name as written, and the parts
    written together (so that a given name "小明" alone is not cut as family + given)."""
    texts: list[str] = []
    full = values.get("full_name", "")
    if full:
        texts.append(full)
    parts = [values.get(c, "") for c in ("first_name", "middle_name", "last_name")]
    joined = " ".join(p for p in parts if p)
    if joined and joined != full:
        texts.append(joined)
    return texts


def name_forms(values: dict[str, str]) -> dict[str, tuple[str, str]]:
    """token → (phonetic key, consonant skeleton) for the tokens (``names.normalize``) of
    every name column, each once, in written order."""
    seen: dict[str, tuple[str, str]] = {}
    for text in _name_texts(values):
        name = normalize(text)
        for token, phonetic, skel in zip(name.tokens, name.phonetic, name.skeleton, strict=True):
            seen.setdefault(token, (phonetic, skel))
    return seen


def prepare_name(values: dict[str, str]) -> tuple[str, ...]:
    """The tokens (``names.normalize``) of every name column, each once, in written order."""
    return tuple(name_forms(values))


def parse_birth_date(text: str) -> tuple[int | None, int | None, int | None, bool]:
    """(year, month, day, well formed): a partial date gives None for what it lacks; an
    impossible date keeps what is usable and reports itself malformed."""
    m = _DATE_ISO.match(text)
    if m:
        year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    else:
        m = _DATE_DMY.match(text)
        if not m:
            return None, None, None, False
        day, month, year = int(m[1]), int(m[2]), int(m[3])
    if not 1850 <= year <= 2100:
        return None, None, None, False
    if not month:
        return year, None, None, True
    if not 1 <= month <= 12:
        return year, None, None, False
    if not day:
        return year, month, None, True
    try:
        date(year, month, day)
    except ValueError:
        return year, month, None, False
    return year, month, day, True


@lru_cache(maxsize=4096)
def country_code(text: str) -> str | None:
    """ISO 3166-1 alpha-2 from a code (alpha-2 or alpha-3) or an English name."""
    t = text.strip()
    try:
        found = (
            pycountry.countries.get(alpha_2=t.upper())
            if len(t) == 2
            else pycountry.countries.get(alpha_3=t.upper())
            if len(t) == 3
            else None
        )
        if found is None:
            found = pycountry.countries.lookup(t)
    except LookupError:
        return None
    return str(found.alpha_2)


@lru_cache(maxsize=1 << 18)
def e164(text: str, region: str | None) -> str | None:
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def prepare_rows(
    rows: Iterable[SourceRow], *, phone_region: str | None = None, on_row: Progress | None = None
) -> Prepared:
    """Comparable forms of every row. Raises ``FileFormatError`` for a missing or repeated id
    or a row without any name; counts malformed optional values by field."""
    cols: dict[str, list[Any]] = {c: [] for c in PREPARED_COLUMNS}
    issues: Counter[str] = Counter()
    ids: set[str] = set()
    add = {c: cols[c].append for c in PREPARED_COLUMNS}
    for n, row in enumerate(rows, 1):
        v = row.values
        rid = v.get("id", "")
        if not rid:
            raise FileFormatError("the id is missing", row.line, "id")
        if rid in ids:
            raise FileFormatError(f"the id '{rid}' appears twice", row.line, "id")
        ids.add(rid)
        forms = name_forms(v)
        if not forms:
            raise FileFormatError("the row has no name", row.line, "full_name")
        tokens = tuple(forms)
        ordered = sorted(tokens)
        skels = sorted({s for _, s in forms.values()})
        add["unique_id"](rid)
        add["name_key"](" ".join(ordered))
        add["name_tokens"](list(tokens))
        joined = {"".join(tokens), "".join(reversed(tokens))}
        if len(tokens) > 2:
            joined.add("".join((tokens[-1], *tokens[:-1])))
        add["name_joined"](sorted(joined))
        add["name_skel"](" ".join(skels))
        add["name_skels"](skels)
        add["name_phon"](" ".join(sorted({p for p, _ in forms.values()})))
        add["tok_a"](ordered[0])
        add["tok_b"](ordered[-1] if len(ordered) > 1 else None)
        add["skel_a"](skels[0])
        add["skel_b"](skels[-1] if len(skels) > 1 else None)

        year = month = day = None
        text = v.get("date_of_birth", "")
        if text:
            year, month, day, ok = parse_birth_date(text)
            if not ok:
                issues["date_of_birth"] += 1
        add["dob"](f"{year:04d}-{month:02d}-{day:02d}" if year and month and day else None)
        add["dob_year"](year)
        add["dob_month"](month)
        add["dob_day"](day)

        g = v.get("gender", "").strip().lower()
        gender = _GENDERS.get(g)
        if gender is None and g not in _NO_GENDER:
            issues["gender"] += 1
        add["gender"](gender)

        text = v.get("nationality", "")
        nat = country_code(text) if text else None
        if text and nat is None:
            issues["nationality"] += 1
        add["nationality"](nat)

        doc = normalize_identifier("document", v.get("document_number", "")) or None
        add["doc"](doc)
        add["doc_ocr"](doc.translate(_OCR) if doc else None)

        text = v.get("phone", "")
        phone = e164(text, phone_region) if text else None
        if text and phone is None:
            issues["phone"] += 1
        add["phone"](phone)

        text = v.get("email", "").strip().lower()
        if text and not _EMAIL.match(text):
            issues["email"] += 1
            text = ""
        add["email"](text or None)
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


def read_prepared(
    path: str | Path, *, phone_region: str | None = None, progress: Progress | None = None
) -> Prepared:
    path = Path(path)
    check_header(path)
    return prepare_rows(iter_rows(path), phone_region=phone_region, on_row=progress)


# ---------------------------------------------------------------- the model


def _name_comparison() -> Any:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    return cl.CustomComparison(
        output_column_name="name",
        comparison_levels=[
            cll.NullLevel("name_key"),
            cll.ExactMatchLevel("name_key").configure(tf_adjustment_column="name_key"),
            cll.CustomLevel(
                "len(list_intersect(name_tokens_l, name_tokens_r)) >= 2 AND "
                "len(list_intersect(name_tokens_l, name_tokens_r)) = "
                "least(len(name_tokens_l), len(name_tokens_r))",
                "all tokens of the shorter name in the longer",
            ),
            cll.CustomLevel(
                "len(list_intersect(name_joined_l, name_joined_r)) >= 1",
                "same letters, split differently",
            ),
            cll.ExactMatchLevel("name_skel").configure(tf_adjustment_column="name_skel"),
            cll.ExactMatchLevel("name_phon").configure(tf_adjustment_column="name_phon"),
            cll.CustomLevel(
                "len(list_intersect(name_skels_l, name_skels_r)) >= 2 AND "
                "len(list_intersect(name_skels_l, name_skels_r)) = "
                "least(len(name_skels_l), len(name_skels_r))",
                "all consonant skeletons of the shorter name in the longer",
            ),
            cll.CustomLevel(
                "len(list_intersect(name_tokens_l, name_tokens_r)) >= 2", "two tokens shared"
            ),
            cll.CustomLevel(
                "len(list_intersect(name_skels_l, name_skels_r)) >= 2", "two skeletons shared"
            ),
            cll.CustomLevel(
                "len(list_intersect(name_tokens_l, name_tokens_r)) >= 1 AND "
                "jaro_winkler_similarity(name_key_l, name_key_r) >= 0.85",
                "one token shared, the rest alike",
            ),
            cll.CustomLevel(
                "len(list_intersect(name_tokens_l, name_tokens_r)) >= 1", "one token shared"
            ),
            cll.JaroWinklerLevel("name_key", 0.85),
            cll.ElseLevel(),
        ],
    )


def _dob_comparison() -> Any:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    return cl.CustomComparison(
        output_column_name="birth_date",
        comparison_levels=[
            cll.NullLevel("dob_year"),
            cll.ExactMatchLevel("dob").configure(tf_adjustment_column="dob"),
            cll.CustomLevel(
                "dob_year_l = dob_year_r AND dob_month_l = dob_day_r AND dob_day_l = dob_month_r",
                "day and month swapped",
            ),
            cll.CustomLevel(
                "dob_year_l = dob_year_r AND dob_month_l = dob_month_r AND "
                "(dob_day_l IS NULL OR dob_day_r IS NULL)",
                "same year and month, a day missing",
            ),
            cll.CustomLevel(
                "dob_year_l = dob_year_r AND (dob_month_l IS NULL OR dob_month_r IS NULL)",
                "same year, month missing",
            ),
            cll.CustomLevel(
                "abs(dob_year_l - dob_year_r) = 1 AND dob_month_l = dob_month_r "
                "AND dob_day_l = dob_day_r",
                "year off by one",
            ),
            cll.CustomLevel("dob_year_l = dob_year_r", "same year, other day"),
            cll.ElseLevel(),
        ],
    )


def _document_comparison() -> Any:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    return cl.CustomComparison(
        output_column_name="document",
        comparison_levels=[
            cll.NullLevel("doc"),
            cll.ExactMatchLevel("doc"),
            cll.ExactMatchLevel("doc_ocr"),
            cll.LevenshteinLevel("doc", 1),
            cll.ElseLevel(),
        ],
    )


def settings(link_type: str = "dedupe_only") -> Any:
    """The Splink settings of the Interlink model (on the prepared columns)."""
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    return SettingsCreator(
        link_type=link_type,  # type: ignore[arg-type]
        comparisons=[
            _name_comparison(),
            _dob_comparison(),
            cl.ExactMatch("gender"),
            cl.ExactMatch("nationality"),
            _document_comparison(),
            cl.ExactMatch("phone"),
            cl.ExactMatch("email"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("name_key"),
            block_on("name_skel"),
            block_on("tok_a", "dob_year"),
            block_on("tok_b", "dob_year"),
            block_on("name_phon"),
            block_on("skel_a", "dob_year"),
            block_on("skel_b", "dob_year"),
            block_on("dob"),
            block_on("doc_ocr"),
            block_on("phone"),
            block_on("email"),
        ],
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
    return pa.table({k: pa.array(c[k], types.get(k, pa.string())) for k in PREPARED_COLUMNS})


def train(linker: Any, *, rows: int, seed: int = 1) -> None:
    """u from random pairs, the prior from near-certain rules, m by EM in two passes.

    A file too small or too uniform for a step (no pairs in its blocks) keeps the defaults
    of that step; a prediction still comes out."""
    from splink import block_on
    from splink.internals.exceptions import SplinkException

    em_pairs = max(1e6, rows * 2.0)
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
                max_pairs=max(2e6, rows * 5.0), seed=seed
            ),
        ),
        (
            "m by name",
            lambda: linker.training.estimate_parameters_using_expectation_maximisation(
                block_on("name_key"), max_pairs=em_pairs
            ),
        ),
        (
            "m by birth date",
            lambda: linker.training.estimate_parameters_using_expectation_maximisation(
                block_on("dob"), max_pairs=em_pairs
            ),
        ),
    ]
    for name, step in steps:
        try:
            step()
        except (SplinkException, ValueError, ZeroDivisionError) as exc:
            _log.info("training step %s skipped: %s", name, type(exc).__name__)
    model = linker._settings_obj
    if not 0.0 < model._probability_two_random_records_match < 1.0:
        model._probability_two_random_records_match = _DEFAULT_PRIOR  # no pair to estimate it


def _db_api() -> Any:
    import duckdb
    from splink import DuckDBAPI

    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = false")
    return DuckDBAPI(connection=con)


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
) -> BatchSummary:
    """Cluster the rows of ``path`` that describe the same person; write ``id,cluster_id``."""
    started = time.perf_counter()
    say = progress or (lambda _m: None)
    say("reading")
    prepared = read_prepared(path, phone_region=phone_region, progress=say)
    clusters, pairs = dedupe_prepared(prepared, threshold, progress=say)
    _write_csv(Path(output), ("id", "cluster_id"), iter(clusters))
    return BatchSummary(
        rows=prepared.rows,
        pairs=pairs,
        clusters=len({c for _, c in clusters}),
        issues=dict(prepared.issues),
        seconds=time.perf_counter() - started,
    )


def dedupe_prepared(
    prepared: Prepared, threshold: float = DEFAULT_THRESHOLD, *, progress: Progress | None = None
) -> tuple[list[tuple[str, str]], int]:
    """(id, cluster id) of every row, and the number of pairs at or above ``threshold``."""
    from splink import Linker

    _quiet_splink()
    say = progress or (lambda _m: None)
    db = _db_api()
    table = db.register(_arrow(prepared), table_name="people")
    linker = Linker(table, settings(), log_level=None)
    say("training")
    train(linker, rows=prepared.rows)
    say("scoring pairs")
    scored = linker.inference.predict(threshold_match_probability=threshold)
    counted = db.duckdb_con.execute(f"SELECT count(*) FROM {scored.physical_name}").fetchall()
    pairs = int(counted[0][0])  # fetchall: DuckDB 2 refuses new work while a result is open
    say("clustering")
    clustered = linker.clustering.cluster_pairwise_predictions_at_threshold(
        scored, threshold_match_probability=threshold
    )
    result = db.duckdb_con.execute(
        f"SELECT unique_id, cluster_id FROM {clustered.physical_name} ORDER BY unique_id"
    ).fetchall()
    return [(str(a), str(b)) for a, b in result], pairs


def link(
    left: str | Path,
    right: str | Path,
    output: str | Path,
    threshold: float = DEFAULT_THRESHOLD,
    *,
    phone_region: str | None = None,
    progress: Progress | None = None,
) -> BatchSummary:
    """Pairs of a row of ``left`` and a row of ``right`` judged the same person; writes
    ``left_id,right_id,match_probability`` (highest first)."""
    from splink import Linker

    _quiet_splink()
    started = time.perf_counter()
    say = progress or (lambda _m: None)
    say("reading")
    a = read_prepared(left, phone_region=phone_region, progress=say)
    b = read_prepared(right, phone_region=phone_region, progress=say)
    db = _db_api()
    ta = db.register(_arrow(a), table_name="left_people")
    tb = db.register(_arrow(b), table_name="right_people")
    linker = Linker([ta, tb], settings("link_only"), log_level=None)
    say("training")
    train(linker, rows=a.rows + b.rows)
    say("scoring pairs")
    scored = linker.inference.predict(threshold_match_probability=threshold)
    rows = db.duckdb_con.execute(
        f"""SELECT CASE WHEN source_dataset_l = 'left_people' THEN unique_id_l ELSE unique_id_r END,
                   CASE WHEN source_dataset_l = 'left_people' THEN unique_id_r ELSE unique_id_l END,
                   round(match_probability, 6)
            FROM {scored.physical_name} ORDER BY 3 DESC, 1, 2"""
    ).fetchall()
    _write_csv(Path(output), ("left_id", "right_id", "match_probability"), iter(rows))
    issues = a.issues + b.issues
    return BatchSummary(
        rows=a.rows + b.rows,
        pairs=len(rows),
        issues=dict(issues),
        seconds=time.perf_counter() - started,
    )
