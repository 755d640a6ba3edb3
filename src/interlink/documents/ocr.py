"""OCR-tolerant reading: which single misread character would explain a failed check.

OCR-B is read wrongly in known ways (O and 0, I and 1, B and 8, S and 5, Z and 2). When a
check fails, each such confusion in the characters that check reads is tried; one whose
correction makes that check pass, keeps the composite check digit passing and breaks no
check that passed is reported. The MRZ is never changed: an officer decides.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from interlink.documents.mrz import Mrz

CONFUSIONS: dict[str, str] = {}
for _a, _b in (("O", "0"), ("I", "1"), ("B", "8"), ("S", "5"), ("Z", "2")):
    CONFUSIONS[_a], CONFUSIONS[_b] = _b, _a

COMPOSITE = "composite_check_digit"


@dataclass(frozen=True)
class Suggestion:
    """Read ``suggested`` instead of ``found`` at ``line``/``position`` (1-based)."""

    line: int
    position: int
    found: str
    suggested: str
    field: str  # the field the character is in
    fixes: tuple[str, ...]  # the checks that would pass then and fail now

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "position": self.position,
            "found": self.found,
            "suggested": self.suggested,
            "field": self.field,
            "fixes": list(self.fixes),
        }


def suggestions(
    result: Mrz,
    read: Callable[[tuple[str, ...]], Mrz],
    composite: Collection[tuple[int, int]] = (),
) -> tuple[Suggestion, ...]:
    """Single-character corrections that repair a failed check of ``result``.

    ``read`` checks changed lines the way ``result`` was checked (same layout, same day);
    ``composite`` holds the (line, index) positions the composite check digit covers.
    """
    passed = {c.field for c in result.checks if c.valid}
    inside = [
        c
        for c in result.checks
        if not c.valid and c.field != COMPOSITE and any(p in composite for p in c.positions)
    ]
    single_error = len(inside) < 2
    found: dict[tuple[int, int, str], Suggestion] = {}
    for check in result.checks:
        if check.valid:
            continue
        for line, index in check.positions:
            char = result.lines[line][index]
            other = CONFUSIONS.get(char)
            if other is None or (line, index, other) in found:
                continue
            changed = list(result.lines)
            changed[line] = changed[line][:index] + other + changed[line][index + 1 :]
            after = {c.field: c.valid for c in read(tuple(changed)).checks}
            if not after[check.field]:
                continue
            if single_error and (line, index) in composite and not after.get(COMPOSITE, True):
                continue
            if not all(after[name] for name in passed):
                continue
            found[(line, index, other)] = Suggestion(
                line=line + 1,
                position=index + 1,
                found=char,
                suggested=other,
                field=result.field_at(line, index),
                fixes=tuple(name for name, ok in after.items() if ok and name not in passed),
            )
    return tuple(found[k] for k in sorted(found))
