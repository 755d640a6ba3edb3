"""The declaration of an indicator: what it counts, by which dimensions, and how.

An indicator is one decorated function (its query) that yields one ``Fact`` per thing it
counts — a victim, a case, a crossing — with the unit that owns the record, the day that
places it in a period, and its value in each dimension. Every fact falls in exactly one
cell (a victim exploited in two forms is counted once, under ``multiple``), so that the
cells of a table add up to its margins: the disclosure control and the differential
privacy in ``interlink.reporting.disclosure`` rely on it.

Areas that add record kinds (referrals, child-exploitation series, exchange volumes) add
their indicator with one more ``@indicator(...)`` over their own data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from interlink.reporting.snapshot import Snapshot

MULTIPLE = "multiple"  # a thing with several values in a dimension: counted once, here
NONE = "none"  # a thing with no value in a dimension
UNKNOWN = "unknown"


class Fact(NamedTuple):
    """One counted thing: owning unit, the day that dates it, one value per dimension."""

    unit: str
    on: date
    values: tuple[str, ...]


@dataclass(frozen=True)
class Dimension:
    name: str
    label: str
    values: tuple[str, ...] | None = None  # None: open (countries), taken from the data

    def categories(self, seen: Iterable[str]) -> tuple[str, ...]:
        """The declared values in their order, then any others seen (sorted)."""
        declared = self.values or ()
        extra = sorted(set(seen) - set(declared))
        return (*declared, *extra)


Query = Callable[["Snapshot"], Iterable[Fact]]


@dataclass(frozen=True)
class Rate:
    """A ratio of two counts declared with an indicator (hits per reported person): both
    are counted over the same period and scope, and sent to the Secretariat as the two
    counts, so that it adds numerators and denominators rather than averaging ratios."""

    name: str
    title: str
    description: str
    numerator: str  # what the numerator counts, in the plural
    denominator: str
    count_numerator: Query = field(repr=False)
    count_denominator: Query = field(repr=False)


@dataclass(frozen=True)
class Indicator:
    name: str
    title: str
    description: str
    counts: str  # what one count is, in the plural ("victims")
    dated_by: str  # what places a count in a period, in words
    kinds: tuple[str, ...]  # the record kinds (or tables) it reads
    dimensions: tuple[Dimension, ...]
    views: tuple[tuple[str, ...], ...]  # the tables shown and published (dimension names)
    query: Query = field(repr=False)
    public: bool = True  # part of a public release
    rates: tuple[Rate, ...] = ()

    def dimension(self, name: str) -> Dimension:
        for d in self.dimensions:
            if d.name == name:
                return d
        raise KeyError(name)

    def index(self, name: str) -> int:
        return [d.name for d in self.dimensions].index(name)


REGISTRY: dict[str, Indicator] = {}


def indicator(
    *,
    name: str,
    title: str,
    counts: str,
    dated_by: str,
    kinds: tuple[str, ...],
    dimensions: tuple[Dimension, ...],
    views: tuple[tuple[str, ...], ...] | None = None,
    public: bool = True,
    rates: tuple[Rate, ...] = (),
) -> Callable[[Query], Query]:
    """Declare an indicator; its description is the query's docstring."""

    def register(query: Query) -> Query:
        names = {d.name for d in dimensions}
        chosen = views or (tuple(d.name for d in dimensions),)
        for view in chosen:
            if not set(view) <= names:
                raise ValueError(f"indicator {name}: view {view} names unknown dimensions")
        if name in REGISTRY:
            raise ValueError(f"indicator {name} is declared twice")
        REGISTRY[name] = Indicator(
            name=name,
            title=title,
            description=" ".join((query.__doc__ or "").split()),
            counts=counts,
            dated_by=dated_by,
            kinds=kinds,
            dimensions=dimensions,
            views=chosen,
            query=query,
            public=public,
            rates=rates,
        )
        return query

    return register


def one_of(values: Iterable[str], empty: str = NONE) -> str:
    """A thing's single value in a dimension: itself, ``multiple`` or ``none``."""
    distinct = sorted(set(values))
    if not distinct:
        return empty
    return distinct[0] if len(distinct) == 1 else MULTIPLE


@dataclass(frozen=True)
class Side:
    """One side of a relation: an indicator's counts with some dimension values (``where``),
    summed by the dimensions ``by``."""

    indicator: str
    by: tuple[str, ...] = ()
    where: tuple[tuple[str, frozenset[str]], ...] = ()

    def key(self, ind: Indicator, cell: tuple[str, ...]) -> tuple[str, ...] | None:
        """The relation's key of a cube cell (values of ``by``); None: not on this side."""
        for dim, allowed in self.where:
            if cell[ind.index(dim)] not in allowed:
                return None
        return tuple(cell[ind.index(d)] for d in self.by)


@dataclass(frozen=True)
class Relation:
    """Counts of two indicators that are tied by definition (the same things counted twice):
    for every key, ``left`` equals (``equal``) or is at most (``at_most``) ``right``. An
    attacker who reads the documentation knows them, so the disclosure control audits the
    tables of both indicators together with these relations."""

    description: str
    left: Side
    right: Side
    equal: bool = True  # False: left ≤ right
    any_period: bool = True  # False: holds for the period "all" only (the dates differ)


RELATIONS: list[Relation] = []


def relate(relation: Relation) -> Relation:
    """Declare a relation between two declared indicators (documented from here)."""
    for side in (relation.left, relation.right):
        ind = REGISTRY.get(side.indicator)
        if ind is None:
            raise ValueError(f"relation: no indicator {side.indicator}")
        for dim in (*side.by, *(d for d, _ in side.where)):
            ind.dimension(dim)
    RELATIONS.append(relation)
    return relation
