"""Accuracy of linkage against labelled data, and the labelled benchmark files.

A labelled file is a person file with one more column, ``true_id``: rows with the same
``true_id`` describe the same person. Pairwise precision and recall count pairs of rows:
a cluster of n rows holds n·(n−1)/2 pairs.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from interlink.identity.prepare import PERSON_COLUMNS
from interlink.synthetic.people import labelled_person_rows

LABEL_COLUMN = "true_id"
BENCHMARK_COLUMNS = PERSON_COLUMNS  # the person columns of a batch file


@dataclass(frozen=True, slots=True)
class Scores:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        real = self.true_positives + self.false_negatives
        return self.true_positives / real if real else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        return f"precision {self.precision:.4f}  recall {self.recall:.4f}  F1 {self.f1:.4f}"


def _pairs_within(sizes: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def cluster_scores(clusters: Mapping[str, str], truth: Mapping[str, str]) -> Scores:
    """Pairwise scores of a clustering (row id → cluster id) against labels (row id → true id).
    Rows missing from ``clusters`` count as singletons."""
    both: Counter[tuple[str, str]] = Counter()
    predicted: Counter[str] = Counter()
    actual: Counter[str] = Counter(truth.values())
    for rid, true_id in truth.items():
        cluster = clusters.get(rid, f"\0{rid}")
        both[(cluster, true_id)] += 1
        predicted[cluster] += 1
    tp = _pairs_within(both.values())
    return Scores(tp, _pairs_within(predicted.values()) - tp, _pairs_within(actual.values()) - tp)


def pair_scores(pairs: Iterable[tuple[str, str]], truth: Mapping[str, str]) -> Scores:
    """Scores of predicted pairs (deduplicated, unordered) against labels, within one file."""
    seen = {(a, b) if a < b else (b, a) for a, b in pairs if a != b}
    tp = sum(1 for a, b in seen if truth.get(a) is not None and truth.get(a) == truth.get(b))
    real = _pairs_within(Counter(truth.values()).values())
    return Scores(tp, len(seen) - tp, real - tp)


def link_scores(
    pairs: Iterable[tuple[str, str]], left: Mapping[str, str], right: Mapping[str, str]
) -> Scores:
    """Scores of (left id, right id) pairs against the labels of two files."""
    seen = set(pairs)
    tp = sum(1 for a, b in seen if left.get(a) is not None and left.get(a) == right.get(b))
    by_true: defaultdict[str, int] = defaultdict(int)
    for t in right.values():
        by_true[t] += 1
    real = sum(by_true.get(t, 0) for t in left.values())
    return Scores(tp, len(seen) - tp, real - tp)


CONFIDENT_BANDS = frozenset({"same", "possibly same"})


@dataclass(frozen=True, slots=True)
class RankedScores:
    """How well ranked search answers found the stored person (recall@k) and how often a
    person not stored got a confident answer anyway (false alarms)."""

    members: int  # queries whose person has a stored record
    first_right: tuple[int, ...]  # rank of the first right record, per member query found
    outsiders: int  # queries whose person has no stored record
    false_alarms: int  # outsider queries with a `same` or `possibly same` answer

    def recall_at(self, k: int) -> float:
        hits = sum(1 for rank in self.first_right if rank <= k)
        return hits / self.members if self.members else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.outsiders if self.outsiders else 0.0

    def lines(self, ks: Iterable[int] = (1, 5, 10)) -> list[str]:
        out = [f"recall@{k:<3} {self.recall_at(k):.4f}" for k in ks]
        out.append(
            f"persons not stored with a same/possibly same answer: {self.false_alarm_rate:.2%} "
            f"({self.false_alarms} of {self.outsiders})"
        )
        return out


def ranked_scores(
    results: Mapping[str, Sequence[tuple[str, str]]],
    query_truth: Mapping[str, str],
    record_truth: Mapping[str, str],
) -> RankedScores:
    """Score ranked answers (query id → [(record id, band)] best first) against the labels
    of the queries and of the stored records."""
    stored = set(record_truth.values())
    members = outsiders = alarms = 0
    first: list[int] = []
    for query, person in query_truth.items():
        answers = results.get(query, ())
        if person in stored:
            members += 1
            rank = next(
                (i for i, (rid, _) in enumerate(answers, 1) if record_truth.get(rid) == person),
                None,
            )
            if rank is not None:
                first.append(rank)
        else:
            outsiders += 1
            alarms += any(band in CONFIDENT_BANDS for _, band in answers)
    return RankedScores(members, tuple(first), outsiders, alarms)


def read_match_results(path: str | Path) -> dict[str, list[tuple[str, str]]]:
    """query id → [(record id, band)] in rank order, from ``interlink match``'s output."""
    ranked: defaultdict[str, list[tuple[int, str, str]]] = defaultdict(list)
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            ranked[row["query_id"]].append((int(row["rank"]), row["record_id"], row["band"]))
    return {q: [(rid, band) for _, rid, band in sorted(rows)] for q, rows in ranked.items()}


def read_labels(path: str | Path, column: str = LABEL_COLUMN) -> dict[str, str]:
    """Row id → true id from a labelled file."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or column not in reader.fieldnames:
            raise ValueError(f"{path}: no '{column}' column")
        return {row["id"]: row[column] for row in reader if row.get(column)}


def read_clusters(path: str | Path) -> dict[str, str]:
    with open(path, newline="", encoding="utf-8") as handle:
        return {row["id"]: row["cluster_id"] for row in csv.DictReader(handle)}


def write_benchmark(
    path: str | Path,
    rows: int,
    *,
    seed: int = 0,
    duplicate_rate: float = 0.3,
    countries: list[str] | None = None,
    phone_region: str | None = None,
) -> dict[str, str]:
    """A labelled person file of ``rows`` generated rows (see ``labelled_person_rows``: other
    scripts, swapped and split name parts, typos, partial and swapped dates, aliases, shared
    documents, many people born the same day). Returns row id → true id."""
    truth: dict[str, str] = {}
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow((*BENCHMARK_COLUMNS, LABEL_COLUMN))
        for row, true_id in labelled_person_rows(
            rows,
            seed=seed,
            duplicate_rate=duplicate_rate,
            countries=countries,
            phone_region=phone_region,
        ):
            writer.writerow((*(row.get(c, "") for c in BENCHMARK_COLUMNS), true_id))
            truth[row["id"]] = true_id
    return truth
