"""Clusters of a batch's scored pairs: joined strongest pair first, never across a pair the
model judged to be different people.

Joining every pair above the threshold (connected components, as Splink clusters) lets one
wrong pair join two people: a record without a birth date that resembles two namesakes
pulls both, with all their records, into one cluster, although the model compared the two
and found their birth dates apart. Here the pairs are taken from the most to the least
probable, and two clusters are not joined when some pair across them scored below
``APART`` — unless the joining pair itself is in the `same` band (``CERTAIN``), which one
bad birth date should not undo. On 1,000,000 generated rows this took the wrong pairs in
clusters from 4,697 to 2,955 for 192 fewer right ones (docs/identity.md, "Batch").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

APART = 0.001  # a compared pair below this probability keeps its two records' clusters apart
CERTAIN = 0.99  # a pair at or above this joins its clusters all the same (the `same` band)

Pair = tuple[str, str, float]


class _Clusters:
    """Union-find over record ids, each root knowing its members (small into large)."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}

    def find(self, record: str) -> str:
        root = record
        while (up := self._parent.get(root, root)) != root:
            root = up
        while record != root:  # path compression
            self._parent[record], record = root, self._parent.get(record, root)
        return root

    def members(self, root: str) -> list[str]:
        return self._members.get(root) or [root]

    def roots(self) -> Iterable[tuple[str, list[str]]]:
        """Each cluster of more than one record: its root and members."""
        return self._members.items()

    def smaller_first(self, a: str, b: str) -> tuple[str, str]:
        """Two roots, the one with fewer members first (the one to join into the other)."""
        return (b, a) if len(self.members(a)) > len(self.members(b)) else (a, b)

    def join(self, small: str, large: str) -> None:
        self._parent[small] = large
        self._members[large] = self.members(large) + self.members(small)
        self._members.pop(small, None)


def components(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Record → its connected component (a member's id), for the records of components of
    three or more: only there can two records be joined through others."""
    clusters = _Clusters()
    for left, right in pairs:
        a, b = clusters.find(left), clusters.find(right)
        if a != b:
            clusters.join(*clusters.smaller_first(a, b))
    return {
        record: root for root, members in clusters.roots() if len(members) > 2 for record in members
    }


def cluster(
    ids: Sequence[str],
    pairs: Iterable[Pair],
    apart: Iterable[tuple[str, str]] = (),
    *,
    certain: float = CERTAIN,
) -> list[tuple[str, str]]:
    """(id, cluster id) of every id, in the order given: ``pairs`` (left, right, match
    probability) join clusters from the most probable down, except that a pair below
    ``certain`` does not join two clusters holding an ``apart`` pair between them. A
    cluster's id is the smallest of its records' ids, so that the result depends on the
    pairs alone (not on the engine that scored them)."""
    kept_apart: dict[str, set[str]] = {}
    for left, right in apart:
        kept_apart.setdefault(left, set()).add(right)
        kept_apart.setdefault(right, set()).add(left)
    clusters = _Clusters()
    # rounded, so that the last bits of a probability, which may differ between engines,
    # do not change the order; ties go by id
    for left, right, probability in sorted(pairs, key=lambda p: (-round(p[2], 9), p[0], p[1])):
        a, b = clusters.find(left), clusters.find(right)
        if a == b:
            continue
        a, b = clusters.smaller_first(a, b)
        if probability < certain and any(
            clusters.find(other) == b
            for record in clusters.members(a)
            for other in kept_apart.get(record, ())
        ):
            continue
        clusters.join(a, b)
    smallest: dict[str, str] = {}
    for record in ids:
        root = clusters.find(record)
        if root not in smallest or record < smallest[root]:
            smallest[root] = record
    return [(record, smallest[clusters.find(record)]) for record in ids]
