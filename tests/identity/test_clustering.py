"""The batch's clustering: strongest pair first, never across a pair judged apart."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from interlink.identity.clustering import CERTAIN, cluster, components


def _groups(found: list[tuple[str, str]]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for record, cluster_id in found:
        groups.setdefault(cluster_id, set()).add(record)
    return {frozenset(g) for g in groups.values()}


def test_a_record_like_two_people_joins_the_likelier_and_keeps_them_apart() -> None:
    # b (no birth date, say) resembles a and c; a and c were compared and found apart
    found = cluster(["a", "b", "c"], [("a", "b", 0.9), ("b", "c", 0.8)], [("a", "c")])
    assert _groups(found) == {frozenset({"a", "b"}), frozenset({"c"})}


def test_a_certain_pair_joins_across_a_pair_judged_apart() -> None:
    pairs = [("a", "b", 0.999), ("b", "c", CERTAIN)]
    assert _groups(cluster(["a", "b", "c"], pairs, [("a", "c")])) == {frozenset({"a", "b", "c"})}
    # the same pairs below CERTAIN: the second is refused
    pairs = [("a", "b", 0.98), ("b", "c", 0.97)]
    assert len(_groups(cluster(["a", "b", "c"], pairs, [("a", "c")]))) == 2


def test_apart_is_checked_against_every_record_of_both_clusters() -> None:
    pairs = [("a", "b", 0.95), ("c", "d", 0.95), ("b", "c", 0.8)]
    found = cluster(["a", "b", "c", "d"], pairs, [("a", "d")])
    assert _groups(found) == {frozenset({"a", "b"}), frozenset({"c", "d"})}


def test_every_record_gets_the_smallest_id_of_its_cluster_in_the_order_given() -> None:
    found = cluster(["r3", "r1", "r2", "r9"], [("r3", "r2", 0.8), ("r2", "r1", 0.75)])
    assert found == [("r3", "r1"), ("r1", "r1"), ("r2", "r1"), ("r9", "r9")]


def test_components_name_the_records_that_others_may_join() -> None:
    found = components([("a", "b"), ("b", "c"), ("d", "e"), ("c", "f")])
    assert set(found) == {"a", "b", "c", "f"}  # d and e: a pair, nothing between to keep apart
    assert len(set(found.values())) == 1


_ids = [f"r{i}" for i in range(12)]
_pairs = st.lists(
    st.tuples(st.sampled_from(_ids), st.sampled_from(_ids), st.floats(0.7, 1.0)).filter(
        lambda p: p[0] != p[1]
    ),
    max_size=30,
)
_apart = st.lists(st.tuples(st.sampled_from(_ids), st.sampled_from(_ids)), max_size=10)


def _components(pairs: list[tuple[str, str, float]]) -> set[frozenset[str]]:
    groups = {i: {i} for i in _ids}
    for a, b, _ in pairs:
        if groups[a] is not groups[b]:
            merged = groups[a] | groups[b]
            for record in merged:
                groups[record] = merged
    return {frozenset(g) for g in groups.values()}


@given(_pairs)
def test_without_pairs_apart_the_clusters_are_the_connected_components(
    pairs: list[tuple[str, str, float]],
) -> None:
    assert _groups(cluster(_ids, pairs)) == _components(pairs)


@given(_pairs, _apart, st.randoms(use_true_random=False))
def test_the_clusters_do_not_depend_on_the_order_of_the_pairs(
    pairs: list[tuple[str, str, float]], apart: list[tuple[str, str]], rnd: random.Random
) -> None:
    shuffled = pairs[:]
    rnd.shuffle(shuffled)
    assert cluster(_ids, pairs, apart) == cluster(_ids, shuffled, apart)


_uncertain_pairs = st.lists(
    st.tuples(st.sampled_from(_ids), st.sampled_from(_ids), st.floats(0.7, CERTAIN - 1e-9)),
    max_size=30,
)


@given(_uncertain_pairs, _apart)
def test_without_a_certain_pair_no_cluster_holds_a_pair_apart(
    pairs: list[tuple[str, str, float]], apart: list[tuple[str, str]]
) -> None:
    found = dict(cluster(_ids, pairs, apart))
    assert not [(a, b) for a, b in apart if a != b and found[a] == found[b]]


@given(_pairs, _apart)
def test_pairs_apart_outside_one_component_change_nothing(
    pairs: list[tuple[str, str, float]], apart: list[tuple[str, str]]
) -> None:
    """What lets the batch fetch only the pairs apart within one component."""
    scored = {frozenset((a, b)) for a, b, _ in pairs}
    apart = [p for p in apart if frozenset(p) not in scored]  # a pair has one probability
    joined = components((a, b) for a, b, _ in pairs)
    inside = [(a, b) for a, b in apart if a in joined and joined[a] == joined.get(b)]
    assert cluster(_ids, pairs, apart) == cluster(_ids, pairs, inside)
