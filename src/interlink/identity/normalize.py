"""Comparable forms of names and identifiers.

A name is kept as written; these forms are computed beside it so that "Олег Петренко",
"PETRENKO, Oleg" and "oleg petrenko" meet in the index. Transliteration is anyascii's
(one table for every script, no system library needed).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

_NOT_WORD = re.compile(r"[^0-9a-z]+")
_NOT_ALNUM = re.compile(r"[^0-9A-Z]+")


def latin(text: str) -> str:
    """The name in Latin letters, without diacritics, case kept."""
    return anyascii(unicodedata.normalize("NFC", text)).strip()


@lru_cache(maxsize=65536)
def name_tokens(text: str) -> tuple[str, ...]:
    """Lower-case ASCII tokens of a name, in written order ("PETRENKO, Oleg" → petrenko, oleg)."""
    return tuple(t for t in _NOT_WORD.split(latin(text).lower()) if t)


def normalize_name(text: str) -> str:
    """One string per name, independent of word order and script: tokens sorted."""
    return " ".join(sorted(name_tokens(text)))


def normalize_identifier(kind: str, value: str) -> str:
    """Document numbers: upper-case letters and digits only; e-mails lower-case; phones as is."""
    if kind in ("document", "registration"):
        return _NOT_ALNUM.sub("", latin(value).upper())
    if kind in ("email", "handle"):
        return value.strip().lower()
    if kind == "phone":
        return re.sub(r"[^0-9+]", "", value)
    if kind == "address":  # case and spacing differ between reports of one address
        return " ".join(value.replace(",", " ").split()).casefold()
    return value.strip()
