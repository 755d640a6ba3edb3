"""Categories of known material: kept as each source gives them, mapped to one scale.

Sources grade material differently (Project VIC's numbered VICS categories, the A/B/C
grading of UK and Council of Europe practice, words in a CSV list). A scan's summary and
the safeguarding queue need one scale, so each given category is mapped to:

- ``abuse``: child sexual abuse material (VICS 1; grades A, B, C; "csam", "abuse")
- ``exploitative``: child-exploitative or age-difficult, not abuse in itself (VICS 2)
- ``artificial``: computer-generated or animated abuse material (VICS 3)
- ``ignorable``: known not pertinent (VICS 0, VICS 4 comparison images, "baseline")
- ``unknown``: anything else, or no category given

The given value is stored too (``media_hashes.category``), so the mapping can be changed
without re-importing. A file matching only ``ignorable`` entries or a baseline set is not
counted as material.
"""

from __future__ import annotations

from enum import StrEnum


class Scale(StrEnum):
    ABUSE = "abuse"
    EXPLOITATIVE = "exploitative"
    ARTIFICIAL = "artificial"
    IGNORABLE = "ignorable"
    UNKNOWN = "unknown"


# Project VIC category numbers, US scheme (the one VICS hash sets from Project VIC carry):
# 0 non-pertinent, 1 child abuse material (CAM), 2 child exploitive (non-CAM) / age
# difficult, 3 CGI/animation (child exploitive), 4 comparison images. Checked against the
# Project VIC tag set of Autopsy (sleuthkit/autopsy, ImageGalleryService.java); Project VIC
# publishes the VICS model itself only under agreement. The older DHS numbering differs
# (0 uncategorized ... 5 non-pertinent): "5" is therefore left unknown, never ignorable.
VICS = {
    "0": Scale.IGNORABLE,
    "1": Scale.ABUSE,
    "2": Scale.EXPLOITATIVE,
    "3": Scale.ARTIFICIAL,
    "4": Scale.IGNORABLE,
}
WORDS = {
    "a": Scale.ABUSE,
    "b": Scale.ABUSE,
    "c": Scale.ABUSE,
    "csam": Scale.ABUSE,
    "cam": Scale.ABUSE,
    "abuse": Scale.ABUSE,
    "child abuse material": Scale.ABUSE,
    "illegal": Scale.ABUSE,
    "exploitative": Scale.EXPLOITATIVE,
    "age difficult": Scale.EXPLOITATIVE,
    "child exploitive": Scale.EXPLOITATIVE,
    "artificial": Scale.ARTIFICIAL,
    "cgi": Scale.ARTIFICIAL,
    "animation": Scale.ARTIFICIAL,
    "ignorable": Scale.IGNORABLE,
    "non-pertinent": Scale.IGNORABLE,
    "not pertinent": Scale.IGNORABLE,
    "baseline": Scale.IGNORABLE,
    "comparison": Scale.IGNORABLE,
    "comparison images": Scale.IGNORABLE,
}

SEVERITY = [Scale.ABUSE, Scale.ARTIFICIAL, Scale.EXPLOITATIVE, Scale.UNKNOWN, Scale.IGNORABLE]


def to_scale(category: str | None) -> Scale:
    """The common scale of a category as given (a VICS number, a grade or a word)."""
    if category is None:
        return Scale.UNKNOWN
    text = category.strip().lower().replace("_", " ")
    for prefix in ("category ", "cat-", "cat "):  # "Category 1", "CAT-1", "cat 1"
        if text.startswith(prefix):
            text = text[len(prefix) :].strip()
            break
    return VICS.get(text) or WORDS.get(text) or Scale.UNKNOWN


def is_material(scale: str | None) -> bool:
    """Whether a match on this scale means the file is (possibly) exploitation material."""
    return scale != Scale.IGNORABLE
