"""Online identity search: rank the node's persons against a query with any subset of fields.

1. The query is prepared exactly as a batch row is (``identity.prepare``); a stored person
   used as a query ("who else might this be?") brings its stored variants instead.
2. Candidates are the persons that share an index key with it (``identity.index``: one key
   per blocking rule of the model, one per name part) and that the reader may see — the
   access policy's filter is part of the same SQL, so nothing invisible is ever scored. A
   name part so common that it would bring thousands of candidates on its own is left out.
3. The candidates sharing the rarest keys (summed log inverse frequency) are scored by the model
   (``identity.model.score``, the parameters Splink trained) variant against variant
   (names, aliases, further documents), the best pair counting.
4. For a stored person, the decisions users recorded (``identity.decisions``) override the
   model: a record confirmed the same is ``same``, one confirmed different is left out.
The search is audited with its purpose, the fields asked (not their values) and the ids
returned.
"""

from __future__ import annotations

import math
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, case, func, literal, select

from interlink.access import audit
from interlink.access.roles import Action, Actor
from interlink.identity import index
from interlink.identity.model import (
    COMPARISONS,
    Band,
    Contribution,
    Parameters,
    Score,
    corroborated,
    explain,
    score,
)
from interlink.identity.prepare import PERSON_COLUMNS, prepare_values
from interlink.node import Node
from interlink.records.errors import Invalid
from interlink.settings import Settings
from interlink.store import records as store
from interlink.store.db import reading, transaction
from interlink.store.schema import identifiers, match_features, records

QUERY_FIELDS = tuple(c for c in PERSON_COLUMNS if c != "id")
CANDIDATES = 30  # scored per query: those sharing the rarest keys with it
SHORTLIST = 4 * CANDIDATES  # ranked before the access filter, so that hidden ones can drop out
COMMON_KEY = 2_000  # a key more persons than this share selects no candidates
MAX_LIMIT = 100
# A value's share among few persons says little (two of four records named "Olena Petrenko"
# does not make the name common): shares are smoothed towards the model's u as if this
# many more persons had been counted.
TF_PSEUDO_PERSONS = 10_000
NAME_TF_COLUMNS = frozenset({"name_key", "name_skel", "name_phon"})
_CACHE_SECONDS = 60.0
TF_COLUMNS = tuple(
    level.column for c in COMPARISONS for level in c.levels if level.tf and level.column
)


@dataclass(frozen=True)
class MatchQuery:
    """A person to look for: any subset of the batch file's person columns, one a name —
    or a stored person (``record_id``), whose own forms are the query."""

    values: Mapping[str, str] = field(default_factory=dict)
    record_id: str | None = None

    def fields(self) -> list[str]:
        if self.record_id:
            return ["record_id"]
        return [f for f in QUERY_FIELDS if self.values.get(f)]


@dataclass(frozen=True)
class Candidate:
    record_id: str
    external_ref: str | None
    probability: float
    band: Band
    contributions: tuple[Contribution, ...]
    decision: str | None = None

    def explanation(self) -> list[dict[str, Any]]:
        return explain(self.contributions)


# -- what search reads once and keeps a minute ---------------------------------------------


@dataclass
class _Shares:
    """Per-engine cache of how many persons there are and have a key (term frequencies)."""

    persons: tuple[float, int] = (0.0, 0)
    keys: dict[str, tuple[float, int]] = field(default_factory=dict)


_shares: dict[int, _Shares] = {}
_lock = threading.Lock()
_parameters: dict[str, Parameters] = {}


def parameters(node: Node) -> Parameters:
    """The model's parameters: the node's own training when it has one, else the defaults."""
    path = node.settings.data_dir / "identity-model.json"
    key = f"{path}:{path.stat().st_mtime if path.exists() else 0}"
    found = _parameters.get(key)
    if found is None:
        found = Parameters.load(path if path.exists() else None)
        _parameters[key] = found
    return found


def _cached(engine: Engine) -> _Shares:
    with _lock:
        return _shares.setdefault(id(engine), _Shares())


def person_count(conn: Connection, engine: Engine) -> int:
    cache = _cached(engine)
    at, n = cache.persons
    if time.monotonic() - at > _CACHE_SECONDS:
        query = select(func.count()).select_from(records).where(records.c.kind == "person")
        n = int(conn.execute(query).scalar_one())
        cache.persons = (time.monotonic(), n)
    return max(n, 1)


_COUNTS = (
    select(identifiers.c.value, func.count())
    .where(
        identifiers.c.kind == index.KIND,
        identifiers.c.value.in_(bindparam("keys", expanding=True)),
    )
    .group_by(identifiers.c.value)
)
_FEATURES = (
    select(records.c.id, records.c.external_ref, match_features.c.features)
    .join(match_features, match_features.c.record_id == records.c.id)
    .where(records.c.id.in_(bindparam("ids", expanding=True)))
)


def key_counts(conn: Connection, engine: Engine, keys: Iterable[str]) -> dict[str, int]:
    """How many persons have each key (one query for those not counted in the last minute)."""
    cache = _cached(engine)
    now = time.monotonic()
    found: dict[str, int] = {}
    missing: list[str] = []
    for key in keys:
        hit = cache.keys.get(key)
        if hit is None or now - hit[0] > _CACHE_SECONDS:
            missing.append(key)
        else:
            found[key] = hit[1]
    if missing:
        counted = dict.fromkeys(missing, 0)
        counted.update({str(v): int(n) for v, n in conn.execute(_COUNTS, {"keys": missing})})
        if len(cache.keys) > 200_000:
            cache.keys.clear()
        for key, n in counted.items():
            cache.keys[key] = (now, n)
        found.update(counted)
    return found


# -- one query ---------------------------------------------------------------------------


def prepare_query(
    query: MatchQuery, phone_region: str | None
) -> tuple[dict[str, Any], Counter[str]]:
    """The prepared query; ``Invalid`` when it has no name. Malformed optional values are
    left out and reported (field → count), as in a batch."""
    issues: Counter[str] = Counter()
    values = {k: str(v).strip() for k, v in query.values.items() if v and str(v).strip()}
    prepared = prepare_values(values, issues, phone_region=phone_region)
    if prepared is None:
        raise Invalid(
            "full_name: a search needs a name (full_name, first_name or last_name)",
            field="full_name",
        )
    return prepared, issues


def _tf_key(column: str, value: Any) -> str:
    """The index key counting the persons with ``value`` in ``column`` (each column with
    term frequencies is a one-column blocking rule)."""
    return f"{column}|{value}"[: index.MAX_KEY]


def _candidates_statement(visible: Any, weights: Sequence[tuple[str, float]]) -> Any:
    """The visible persons sharing keys with the query, by the summed rarity of the keys
    they share: one shared phone number outweighs a common name and a birth year.

    The keys are summed over the index alone (it covers kind, value and record id); only
    the best ``SHORTLIST`` are then checked against the reader's access filter."""
    weight = case(
        *((identifiers.c.value == key, literal(w)) for key, w in weights), else_=literal(0.0)
    )
    score = func.sum(weight).label("score")
    shortlist = (
        select(identifiers.c.record_id.label("record_id"), score)
        .where(
            identifiers.c.kind == index.KIND,
            identifiers.c.value.in_([key for key, _ in weights]),
        )
        .group_by(identifiers.c.record_id)
        .order_by(score.desc(), identifiers.c.record_id)
        .limit(SHORTLIST)
        .subquery()
    )
    return (
        select(shortlist.c.record_id, shortlist.c.score)
        .join(records, records.c.id == shortlist.c.record_id)
        .where(visible)
        .order_by(shortlist.c.score.desc(), shortlist.c.record_id)
        .limit(CANDIDATES)
    )


@dataclass
class _Search:
    """One reader's searches in one read of the database."""

    conn: Connection
    engine: Engine
    params: Parameters
    visible: Any  # the reader's access filter, as SQL
    persons: int

    def run(self, variants: list[dict[str, Any]], exclude: str | None) -> list[Candidate]:
        keys = index.keys_of(variants)
        counted = set(keys)
        counted |= {_tf_key(c, v[c]) for v in variants for c in TF_COLUMNS if v[c] is not None}
        counts = key_counts(self.conn, self.engine, sorted(counted))
        # A count may be a minute old (cached): a key counted 0 may have a record by now.
        weights = [
            (k, math.log((self.persons + 1) / (counts.get(k, 0) + 1)))
            for k in sorted(keys)
            if counts.get(k, 0) <= COMMON_KEY
        ]
        if not weights:
            return []
        rows = self.conn.execute(_candidates_statement(self.visible, weights))
        ids = [str(r[0]) for r in rows if str(r[0]) != exclude]
        return self.rank([index.scoring_form(v) for v in variants], ids, counts)

    def rank(
        self, queries: list[dict[str, Any]], ids: Sequence[str], counts: Mapping[str, int]
    ) -> list[Candidate]:
        """Score the candidates by their stored features; highest probability first. An
        exact level compares equal values, so the query's own counts give every term
        frequency the model needs."""
        if not ids:
            return []
        params = self.params.for_population(self.persons)
        exact_u = {c: params.exact_u(c) for c in TF_COLUMNS}
        pseudo = {c: u * TF_PSEUDO_PERSONS for c, u in exact_u.items()}

        def tf(column: str, value: Any) -> float | None:
            """The value's share; a name's never below the model's u, so that a name rare
            on this node counts no more than an average one (a node sees its own population
            only: a namesake may simply not be stored), and a common one less."""
            n = counts.get(_tf_key(column, value), 0)
            if not n:
                return None
            share = (n + pseudo[column]) / (self.persons + TF_PSEUDO_PERSONS)
            return max(share, exact_u[column]) if column in NAME_TF_COLUMNS else share

        found: list[Candidate] = []
        for record_id, external_ref, features in self.conn.execute(_FEATURES, {"ids": list(ids)}):
            sides = index.load_features(features)
            best = _best(
                [corroborated(score(q, side, params, tf)) for q in queries for side in sides]
            )
            if best is not None:
                found.append(
                    Candidate(
                        str(record_id),
                        external_ref,
                        best.probability,
                        best.band,
                        best.contributions,
                    )
                )
        found.sort(key=lambda c: (-c.probability, c.record_id))
        return found

    def stored_variants(self, record_id: str) -> list[dict[str, Any]]:
        from interlink.records.errors import NotFound

        row = self.conn.execute(
            select(match_features.c.features).where(match_features.c.record_id == record_id)
        ).first()
        if row is None:
            raise NotFound(f"person {record_id}: not found")
        return [dict(v) for v in index.load_features(row[0])]


def _best(scores: Sequence[Score]) -> Score | None:
    return max(scores, key=lambda s: s.weight) if scores else None


def _decided(conn: Connection, record_id: str, found: list[Candidate]) -> list[Candidate]:
    """Apply the decisions recorded between a stored person and its candidates."""
    from interlink.identity.decisions import Verdict, pair_key, verdicts

    decided = verdicts(conn, [record_id], [c.record_id for c in found])
    out: list[Candidate] = []
    for c in found:
        verdict = decided.get(pair_key(record_id, c.record_id))
        if verdict is Verdict.DIFFERENT:
            continue
        if verdict is Verdict.SAME:
            c = replace(c, band=Band.SAME, decision=verdict.value)
        out.append(c)
    out.sort(key=lambda c: (c.decision is None, -c.probability, c.record_id))
    return out


# -- the entry points ----------------------------------------------------------------------


def search(
    node: Node,
    actor: Actor,
    query: MatchQuery,
    *,
    purpose: str,
    limit: int = 10,
    min_probability: float = 0.0,
) -> list[Candidate]:
    """The persons most likely to be the one described, with probability, band and reasons."""
    return search_many(
        node, actor, [query], purpose=purpose, limit=limit, min_probability=min_probability
    )[0]


def search_many(
    node: Node,
    actor: Actor,
    queries: Sequence[MatchQuery],
    *,
    purpose: str,
    limit: int = 10,
    min_probability: float = 0.0,
    issues: Counter[str] | None = None,
) -> list[list[Candidate]]:
    """``search`` for each query, in one read of the database and one audit entry (the
    fields asked and every id returned): what ``interlink match`` runs. Malformed optional
    values are counted by field in ``issues``. A query naming a stored person must name
    one the actor may read (the caller checks and audits that)."""
    from interlink.records.service import access_clauses

    if not purpose or not purpose.strip():
        raise Invalid("purpose: a search needs its purpose stated", field="purpose")
    prepared: list[dict[str, Any] | None] = []
    for q in queries:
        if q.record_id:
            prepared.append(None)
            continue
        one, found_issues = prepare_query(q, node.settings.phone_region)
        prepared.append(one)
        if issues is not None:
            issues.update(found_issues)
    limit = max(1, min(limit, MAX_LIMIT))
    visible = store.visibility(access_clauses(actor, Action.SEARCH))
    results: list[list[Candidate]] = []
    with reading(node.engine) as conn:
        run = _Search(conn, node.engine, parameters(node), visible, person_count(conn, node.engine))
        for query, variant in zip(queries, prepared, strict=True):
            if query.record_id:
                found = run.run(run.stored_variants(query.record_id), query.record_id)
                found = _decided(conn, query.record_id, found)
            else:
                assert variant is not None
                found = run.run([variant], None)
            results.append([c for c in found if c.probability >= min_probability][:limit])
    fields = sorted({f for q in queries for f in q.fields()})
    returned = sorted({c.record_id for found in results for c in found})
    with transaction(node.engine) as conn:
        audit.write(
            conn,
            node.audit_key,
            actor,
            "match",
            record_kind="person",
            purpose=purpose.strip(),
            details={"queries": len(queries), "fields": fields, "returned": returned},
        )
    return results


# -- many queries on every core (interlink match) -------------------------------------------

_worker_nodes: dict[str, Node] = {}


def _search_chunk(
    settings: Settings,
    actor: Actor,
    queries: list[MatchQuery],
    purpose: str,
    limit: int,
    min_probability: float,
) -> tuple[list[list[Candidate]], Counter[str]]:
    """``search_many`` in a worker process, on its own connection to the node's database."""
    key = settings.model_dump_json()
    if key not in _worker_nodes:
        _worker_nodes[key] = Node(settings)
    issues: Counter[str] = Counter()
    found = search_many(
        _worker_nodes[key],
        actor,
        queries,
        purpose=purpose,
        limit=limit,
        min_probability=min_probability,
        issues=issues,
    )
    return found, issues


def search_in_parallel(
    node: Node,
    actor: Actor,
    chunks: Iterable[list[MatchQuery]],
    *,
    purpose: str,
    limit: int = 10,
    min_probability: float = 0.0,
    workers: int = 2,
    issues: Counter[str] | None = None,
) -> Iterator[list[list[Candidate]]]:
    """``search_many`` of each chunk, in order, ``workers`` chunks at a time in worker
    processes (search is CPU-bound; each worker reads through its own connection, and
    each chunk is one audit entry)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque[Future[tuple[list[list[Candidate]], Counter[str]]]] = deque()
        for chunk in chunks:
            pending.append(
                pool.submit(
                    _search_chunk, node.settings, actor, chunk, purpose, limit, min_probability
                )
            )
            if len(pending) > 2 * workers:
                yield _collect(pending.popleft(), issues)
        while pending:
            yield _collect(pending.popleft(), issues)


def _collect(
    future: Future[tuple[list[list[Candidate]], Counter[str]]], issues: Counter[str] | None
) -> list[list[Candidate]]:
    found, found_issues = future.result()
    if issues is not None:
        issues.update(found_issues)
    return found


# -- searches inside a caller's transaction (the Secretariat's hits and re-linking) --------


def search_stored_in(
    conn: Connection,
    node: Node,
    record_id: str,
    visible: Any,
    *,
    params: Parameters | None = None,
    persons: int | None = None,
) -> list[Candidate]:
    """The candidates for the stored person ``record_id`` among those the access filter
    ``visible`` (SQL on ``records``) lets through, on the caller's connection (inside its
    transaction, seeing what it wrote). No audit and no decisions: the caller does both."""
    run = _Search(
        conn,
        node.engine,
        params or parameters(node),
        visible,
        person_count(conn, node.engine) if persons is None else persons,
    )
    return run.run(run.stored_variants(record_id), record_id)


def score_stored_pair(
    conn: Connection,
    node: Node,
    record_id: str,
    other_id: str,
    *,
    params: Parameters | None = None,
    persons: int | None = None,
) -> Candidate | None:
    """``other_id`` scored as a candidate for ``record_id`` (both stored persons) with the
    online model, on the caller's connection; None when it has no stored features."""
    from sqlalchemy import true

    run = _Search(
        conn,
        node.engine,
        params or parameters(node),
        true(),
        person_count(conn, node.engine) if persons is None else persons,
    )
    variants = run.stored_variants(record_id)
    counted = {_tf_key(c, v[c]) for v in variants for c in TF_COLUMNS if v[c] is not None}
    counts = key_counts(conn, node.engine, sorted(counted))
    found = run.rank([index.scoring_form(v) for v in variants], [other_id], counts)
    return found[0] if found else None
