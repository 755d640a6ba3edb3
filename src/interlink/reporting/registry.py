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
        )
        return query

    return register


def one_of(values: Iterable[str], empty: str = NONE) -> str:
    """A thing's single value in a dimension: itself, ``multiple`` or ``none``."""
    distinct = sorted(set(values))
    if not distinct:
        return empty
    return distinct[0] if len(distinct) == 1 else MULTIPLE
