"""recall@k and false alarms of ranked answers (`identity.evaluate.ranked_scores`)."""

from __future__ import annotations

from pathlib import Path

from interlink.identity.evaluate import ranked_scores, read_match_results


def test_recall_at_k_counts_the_first_right_record() -> None:
    records = {"r1": "A", "r2": "A", "r3": "B", "r4": "C"}
    queries = {"q1": "A", "q2": "B", "q3": "C", "q4": "Z", "q5": "Y"}
    answers = {
        "q1": [("r2", "same"), ("r1", "same")],  # right at rank 1
        "q2": [("r4", "possibly related"), ("r3", "possibly same")],  # right at rank 2
        "q3": [("r3", "different")],  # missed
        "q4": [("r1", "possibly same")],  # not stored, confident answer: a false alarm
        "q5": [("r4", "possibly related")],  # not stored, no confident answer
    }
    scores = ranked_scores(answers, queries, records)
    assert (scores.members, scores.outsiders, scores.false_alarms) == (3, 2, 1)
    assert scores.recall_at(1) == 1 / 3
    assert scores.recall_at(2) == 2 / 3
    assert scores.recall_at(10) == 2 / 3
    assert scores.false_alarm_rate == 0.5


def test_match_results_are_read_in_rank_order(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    path.write_text(
        "query_id,rank,record_id,match_probability,band\n"
        "q1,2,r9,0.5,possibly related\nq1,1,r1,0.99,same\nq2,1,r3,0.2,different\n",
        encoding="utf-8",
    )
    assert read_match_results(path) == {
        "q1": [("r1", "same"), ("r9", "possibly related")],
        "q2": [("r3", "different")],
    }
