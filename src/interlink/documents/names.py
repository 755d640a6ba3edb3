"""Names as an MRZ writes them (Doc 9303 Part 3, section 6), and names compared with them.

An MRZ holds A-Z only: Latin letters with diacritics lose them, except those Doc 9303
spells out (Ä → AE, Ø → OE, ß → SS …); Cyrillic follows the Doc 9303 table; other scripts
go through anyascii. Spaces and hyphens become fillers, apostrophes are dropped.
Comparison allows what the MRZ may do to a printed name: the short spelling of umlauts
(Ä → A) on either side, another word order, the words run together, and a cut at the end
of the field.
"""

from __future__ import annotations

import re
import unicodedata

from interlink.identity.normalize import latin, normalize_name

_LATIN_SPECIAL = {
    "Ä": "AE",
    "Å": "AA",
    "Æ": "AE",
    "Ĳ": "IJ",
    "Ö": "OE",
    "Ø": "OE",
    "Œ": "OE",
    "ß": "SS",
    "ẞ": "SS",
    "Þ": "TH",
    "Ü": "UE",
    "Ð": "D",
    "Đ": "D",
    "Ł": "L",
    "Ħ": "H",
    "Ŀ": "L",
    "Ŧ": "T",
}
_SHORT_UMLAUTS = {"Ä": "A", "Ö": "O", "Ü": "U", "Å": "A"}
# Doc 9303 Part 3, the Cyrillic table; the soft sign is not written.
_CYRILLIC = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Ґ": "G", "Д": "D", "Е": "E", "Ё": "E",
    "Є": "IE", "Ж": "ZH", "З": "Z", "И": "I", "І": "I", "Ї": "I", "Й": "I", "К": "K",
    "Л": "L", "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T",
    "У": "U", "Ў": "U", "Ф": "F", "Х": "KH", "Ц": "TS", "Ч": "CH", "Ш": "SH",
    "Щ": "SHCH", "Ъ": "IE", "Ы": "Y", "Ь": "", "Э": "E", "Ю": "IU", "Я": "IA",
    "Ђ": "D", "Ѓ": "G", "Ѕ": "DZ", "Ј": "J", "Љ": "LJ", "Њ": "NJ", "Ќ": "K",
    "Ћ": "C", "Џ": "DZ",
}  # fmt: skip
_NOT_MRZ = re.compile(r"[^A-Z<]+")
_FILLERS = re.compile(r"<+")


def _letter(char: str, short_umlauts: bool) -> str:
    if short_umlauts and char in _SHORT_UMLAUTS:
        return _SHORT_UMLAUTS[char]
    if char in _LATIN_SPECIAL:
        return _LATIN_SPECIAL[char]
    if char in _CYRILLIC:
        return _CYRILLIC[char]
    if char.isascii():
        return char
    base = unicodedata.normalize("NFD", char)[0]
    return base if base.isascii() else latin(char).upper()


def mrz_name(text: str, *, short_umlauts: bool = False) -> str:
    """``Müller-Lüdenscheidt`` → ``MUELLER<LUEDENSCHEIDT``: the MRZ form of one name part."""
    upper = unicodedata.normalize("NFC", text).upper().replace("'", "").replace("’", "")
    letters = "".join(_letter(c, short_umlauts) for c in upper).upper()
    return _FILLERS.sub("<", _NOT_MRZ.sub("<", letters.replace(" ", "<"))).strip("<")


def _forms(printed: str) -> set[str]:
    """The spellings an MRZ may use for a printed name, with spaces between words."""
    return {
        mrz_name(printed).replace("<", " "),
        mrz_name(printed, short_umlauts=True).replace("<", " "),
        latin(printed).upper(),
    }


def _fold(compact: str) -> str:
    """Umlauts spelled out (ue) and written short (u) made the same: Mueller = Muller."""
    return re.sub(r"([aou])e", r"\1", compact)


def same_name(printed: str, mrz_text: str, *, may_be_cut: bool = False) -> bool:
    """Whether ``mrz_text`` (words separated by spaces, as parsed) can be ``printed``."""
    wanted = normalize_name(mrz_text)
    in_order = "".join(c for c in mrz_text.lower() if c.isalnum())
    for form in _forms(printed):
        if normalize_name(form) == wanted:
            return True
        written = "".join(c for c in form.lower() if c.isalnum())
        if written == in_order or _fold(written) == _fold(in_order):
            return True
        if may_be_cut and in_order and written.startswith(in_order):
            return True
    return False
