"""Print how many import rows per second ``person_rows`` generates.

Usage: .venv/bin/python bench/synthetic_rows.py [ROWS] [SEED]
The import benchmark needs 1,000,000 rows; generation must stay above 50,000 rows/s.
"""

from __future__ import annotations

import sys
import time

from interlink.synthetic import person_rows


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    started = time.perf_counter()
    count = sum(1 for _ in person_rows(rows, seed=seed))
    elapsed = time.perf_counter() - started
    print(f"{count:,} rows in {elapsed:.2f} s: {count / elapsed:,.0f} rows/s")


if __name__ == "__main__":
    main()
