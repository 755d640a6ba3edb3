"""Time the mapping of generated person rows to facts (µs per row): the import's hot path.

Run: .venv/bin/python bench/rows_mapping.py [rows]
The rows are generated here (no real personal data); the figure excludes reading and the store.
"""

from __future__ import annotations

import random
import sys
import time
import uuid

from interlink.transfer.readers import SourceRow
from interlink.transfer.rows import map_row

GIVEN = ["Anna", "Olena", "Maria", "Ivan", "Petro", "Oksana", "Dmytro", "Iryna", "Andrii", "Yulia"]
FAMILY = ["Koval", "Bondar", "Melnyk", "Shevchuk", "Tkachenko", "Kravets", "Lysenko", "Moroz"]
COUNTRIES = ["UA", "MDA", "Romania", "BG", "NGA", "VN", "Thailand", "ALB"]
ROLES = ["suspect", "victim", "possible_victim", "witness", ""]


def person_rows(count: int, *, contacts: bool, seed: int = 7) -> list[SourceRow]:
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        values = {
            "id": f"P{i}",
            "full_name": f"{given} {family}",
            "first_name": given,
            "last_name": family,
            "gender": rng.choice(["f", "m", "female", "male", ""]),
            "date_of_birth": f"{rng.randint(1950, 2005)}-{rng.randint(1, 12):02d}-"
            f"{rng.randint(1, 28):02d}",
            "nationality": rng.choice(COUNTRIES),
            "document_number": f"XX{rng.randint(100000, 999999)}",
            "role": rng.choice(ROLES),
            "reliability": rng.choice("ABCX"),
            "assessment": rng.choice("1234"),
            "phone": "",
            "email": "",
        }
        if contacts:
            values["phone"] = f"+38050{rng.randint(1000000, 9999999)}"
            values["email"] = f"{given.lower()}.{i}@example.org"
        rows.append(SourceRow(i + 2, values))
    return rows


def measure(rows: list[SourceRow]) -> float:
    ids: dict[str, uuid.UUID] = {}
    start = time.perf_counter()
    for row in rows:
        map_row("persons", row, resolve=ids.get, phone_region="UA")
    return (time.perf_counter() - start) / len(rows) * 1e6


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    for label, contacts in (("without phone/e-mail", False), ("with phone and e-mail", True)):
        rows = person_rows(count, contacts=contacts)
        measure(rows[:1000])  # warm caches (countries) as a long import would
        best = min(measure(rows) for _ in range(3))
        print(f"persons {label}: {best:.1f} µs/row ({1e6 / best:,.0f} rows/s), {count} rows")


if __name__ == "__main__":
    main()
