"""Rule-based transliteration of names into Latin, in the systems passports and officers use.

Why several systems: the same Олег is OLEH in a Ukrainian passport, Oleg in a Russian-
speaking officer's report and Oleg or Olech elsewhere; matching must cope with all of them,
so the generated data must contain all of them. Only the scripts whose transliteration is
mechanical are here (Cyrillic, Greek, Armenian, Georgian); the others are written by hand.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

_CYR_VOWELS = frozenset("аеёиоуыэюяіїє")
_CYR_SOFT = _CYR_VOWELS | frozenset("ʼ'ьъ")


@dataclass(frozen=True)
class _Cyrillic:
    """One Cyrillic system: letter table plus the few context rules names need."""

    letters: dict[str, str]
    initial: dict[str, str] = field(default_factory=dict)  # word start
    after_vowel: bool = False  # ``initial`` also applies after a vowel, ь or ъ
    clusters: dict[str, str] = field(default_factory=dict)
    endings: tuple[tuple[str, str], ...] = ()
    double_s: bool = False  # с between vowels -> ss (German, French)

    def word(self, word: str) -> str:
        out: list[str] = []
        i, n = 0, len(word)
        while i < n:
            ending = next(
                (rep for suf, rep in self.endings if word.endswith(suf) and i == n - len(suf)), None
            )
            if ending is not None:
                out.append(ending)
                break
            pair = word[i : i + 2]
            if pair in self.clusters:
                out.append(self.clusters[pair])
                i += 2
                continue
            ch = word[i]
            prev = word[i - 1] if i else ""
            if ch in self.initial and (i == 0 or (self.after_vowel and prev in _CYR_SOFT)):
                out.append(self.initial[ch])
            elif (
                self.double_s
                and ch == "с"
                and prev in _CYR_VOWELS
                and i + 1 < n
                and word[i + 1] in _CYR_VOWELS
            ):
                out.append("ss")
            else:
                out.append(self.letters.get(ch, ch))
            i += 1
        return "".join(out)


def _table(spec: str) -> dict[str, str]:
    """``"а=a б=b ь="`` -> dict."""
    return {k: v for k, v in (item.split("=", 1) for item in spec.split())}


_RU_BASE = _table(
    "а=a б=b в=v г=g д=d е=e ё=e ж=zh з=z и=i й=i к=k л=l м=m н=n о=o п=p р=r с=s т=t "
    "у=u ф=f х=kh ц=ts ч=ch ш=sh щ=shch ъ=ie ы=y ь= э=e ю=iu я=ia"
)
_RU_BGN = {**_RU_BASE, "ё": "yo", "й": "y", "ъ": "", "ю": "yu", "я": "ya"}
_RU_DE = {
    **_RU_BASE,
    "в": "w",
    "ё": "jo",
    "ж": "sch",
    "з": "s",
    "й": "j",
    "х": "ch",
    "ц": "z",
    "ч": "tsch",
    "ш": "sch",
    "щ": "schtsch",
    "ъ": "",
    "ю": "ju",
    "я": "ja",
}
_RU_FR = {
    **_RU_BASE,
    "ё": "io",
    "ж": "j",
    "у": "ou",
    "ч": "tch",
    "ш": "ch",
    "щ": "chtch",
    "ъ": "",
    "ю": "iou",
}

_UK_NATIONAL = _table(
    "а=a б=b в=v г=h ґ=g д=d е=e є=ie ж=zh з=z и=y і=i ї=i й=i к=k л=l м=m н=n о=o п=p "
    "р=r с=s т=t у=u ф=f х=kh ц=ts ч=ch ш=sh щ=shch ь= ю=iu я=ia ʼ= '="
)
_UK_RU = {**_UK_NATIONAL, "г": "g", "є": "ye", "и": "i", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UK_DE = {
    **_UK_NATIONAL,
    "в": "w",
    "є": "je",
    "ж": "sch",
    "з": "s",
    "ї": "ji",
    "й": "j",
    "х": "ch",
    "ц": "z",
    "ч": "tsch",
    "ш": "sch",
    "щ": "schtsch",
    "ю": "ju",
    "я": "ja",
}

_BG_OFFICIAL = _table(
    "а=a б=b в=v г=g д=d е=e ж=zh з=z и=i й=y к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u "
    "ф=f х=h ц=ts ч=ch ш=sh щ=sht ъ=a ь=y ю=yu я=ya"
)
_BG_OLD = {**_BG_OFFICIAL, "х": "kh", "й": "i", "ъ": "u", "ю": "iu", "я": "ia"}
_BG_DE = {
    **_BG_OFFICIAL,
    "в": "w",
    "ж": "sch",
    "з": "s",
    "й": "j",
    "х": "ch",
    "ц": "z",
    "ч": "tsch",
    "ш": "sch",
    "щ": "scht",
    "ь": "j",
    "ю": "ju",
    "я": "ja",
}

CYRILLIC: dict[str, tuple[_Cyrillic, ...]] = {
    # Ukrainian: national 2010 (passports), as a Russian speaker writes it, German.
    "uk": (
        _Cyrillic(
            _UK_NATIONAL,
            initial={"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"},
            clusters={"зг": "zgh"},
        ),
        _Cyrillic(_UK_RU, endings=(("ій", "iy"),)),
        _Cyrillic(_UK_DE, clusters={"кс": "x"}, double_s=True),
    ),
    # Russian: ICAO 2013 (passports), BGN-like, English press, German, French.
    "ru": (
        _Cyrillic(_RU_BASE),
        _Cyrillic(
            _RU_BGN, initial={"е": "ye", "ё": "yo"}, after_vowel=True, endings=(("ий", "iy"),)
        ),
        _Cyrillic(
            _RU_BGN,
            initial={"е": "ye"},
            clusters={"кс": "x"},
            endings=(("ий", "y"), ("ия", "ia"), ("ья", "ia")),
        ),
        _Cyrillic(
            _RU_DE,
            initial={"е": "je", "ё": "jo"},
            after_vowel=True,
            clusters={"кс": "x"},
            endings=(("ий", "i"), ("ов", "ow"), ("ев", "ew"), ("ёв", "jow")),
            double_s=True,
        ),
        _Cyrillic(
            _RU_FR,
            clusters={"ге": "gue", "ги": "gui"},
            endings=(("ий", "i"), ("ей", "ei"), ("ай", "ai")),
            double_s=True,
        ),
    ),
    # Bulgarian: Streamlined System (passports since 2009), older, German.
    "bg": (
        _Cyrillic(_BG_OFFICIAL, endings=(("ия", "ia"),)),
        _Cyrillic(_BG_OLD),
        _Cyrillic(_BG_DE, endings=(("ов", "ow"), ("ев", "ew"), ("ова", "owa"), ("ева", "ewa"))),
    ),
}


# --- Greek -----------------------------------------------------------------------------

_GR_VOICELESS = frozenset("θκξπστφχψ")
_GR_VOWELS = frozenset("αεηιουω")
_GR_FRONT = frozenset("εηιυ")
_GR_ELOT = _table(
    "α=a β=v γ=g δ=d ε=e ζ=z η=i θ=th ι=i κ=k λ=l μ=m ν=n ξ=x ο=o π=p ρ=r σ=s τ=t υ=y "
    "φ=f χ=ch ψ=ps ω=o"
)
_GR_PHONETIC = {**_GR_ELOT, "υ": "i", "χ": "h"}
_GR_CLASSIC = {**_GR_ELOT, "β": "b", "η": "e", "φ": "ph"}


def _greek_letters(word: str) -> list[tuple[str, bool]]:
    """(base letter, has diaeresis) pairs, accents dropped, final sigma folded."""
    out: list[tuple[str, bool]] = []
    for ch in unicodedata.normalize("NFD", word.lower()):
        if unicodedata.combining(ch):
            if ch == "\u0308" and out:
                out[-1] = (out[-1][0], True)
            continue
        out.append(("σ" if ch == "ς" else ch, False))
    return out


def _greek(word: str, system: str) -> str:
    letters = _greek_letters(word)
    base = [c for c, _ in letters]
    diaer = [d for _, d in letters]
    table = {"elot": _GR_ELOT, "phonetic": _GR_PHONETIC, "classic": _GR_CLASSIC}[system]
    out: list[str] = []
    i, n = 0, len(base)
    while i < n:
        c = base[i]
        nxt = base[i + 1] if i + 1 < n else ""
        nxt_plain = nxt and not diaer[i + 1]
        if c == "ο" and nxt == "υ" and nxt_plain:
            out.append("ou")
            i += 2
            continue
        if c in "αεη" and nxt == "υ" and nxt_plain:
            head = {"α": "a", "ε": "e", "η": "i" if system != "classic" else "e"}[c]
            after = base[i + 2] if i + 2 < n else ""
            if system == "classic":
                out.append(head + "u")
            else:
                out.append(head + ("f" if not after or after in _GR_VOICELESS else "v"))
            i += 2
            continue
        if system == "phonetic" and nxt == "ι" and nxt_plain and c in "αεο":
            out.append("e" if c == "α" else "i")
            i += 2
            continue
        if c == "γ" and nxt and nxt in "γκξχ":
            if nxt == "κ" and system == "phonetic" and i == 0:
                out.append("g")
            else:
                out.append(
                    {
                        "γ": "ng",
                        "κ": "gk" if system == "elot" else "ng",
                        "ξ": "nx",
                        "χ": "nch" if system != "phonetic" else "nh",
                    }[nxt]
                )
            i += 2
            continue
        if system == "phonetic" and c == "γ":
            after = base[i + 2] if i + 2 < n else ""
            if nxt == "ι" and after in _GR_VOWELS:
                out.append("y")
                i += 2
                continue
            out.append("y" if nxt in _GR_FRONT else "g")
            i += 1
            continue
        if c == "μ" and nxt == "π":
            out.append("b" if i == 0 else ("mb" if system == "phonetic" else "mp"))
            i += 2
            continue
        if c == "ν" and nxt == "τ" and system == "phonetic":
            out.append("d" if i == 0 else "nd")
            i += 2
            continue
        out.append(table.get(c, c))
        i += 1
    return "".join(out)


# --- Armenian, Georgian ----------------------------------------------------------------

_HY = _table(
    "ա=a բ=b գ=g դ=d ե=e զ=z է=e ը=y թ=t ժ=zh ի=i լ=l խ=kh ծ=ts կ=k հ=h ձ=dz ղ=gh ճ=ch "
    "մ=m յ=y ն=n շ=sh ո=o չ=ch պ=p ջ=j ռ=r ս=s վ=v տ=t ր=r ց=ts ւ=v փ=p ք=k օ=o ֆ=f"
)


def _armenian(word: str, system: str) -> str:
    w = word.lower()
    out: list[str] = []
    i = 0
    while i < len(w):
        c = w[i]
        if c == "ո" and w[i + 1 : i + 2] == "ւ":
            out.append("u")
            i += 2
            continue
        if c == "և":
            out.append("yev" if i == 0 else "ev")
        elif i == 0 and c == "ե":
            out.append("ye")
        elif i == 0 and c == "ո":
            out.append("vo")
        else:
            out.append(_HY.get(c, c))
        i += 1
    text = "".join(out)
    if system == "ian" and text.endswith("yan"):
        text = text[:-3] + "ian"
    return text


_KA = _table(
    "ა=a ბ=b გ=g დ=d ე=e ვ=v ზ=z თ=t ი=i კ=k ლ=l მ=m ნ=n ო=o პ=p ჟ=zh რ=r ს=s ტ=t უ=u "
    "ფ=p ქ=k ღ=gh ყ=q შ=sh ჩ=ch ც=ts ძ=dz წ=ts ჭ=ch ხ=kh ჯ=j ჰ=h"
)
_KA_SCHOLAR = {**_KA, "კ": "k'", "პ": "p'", "ტ": "t'", "ყ": "q'", "წ": "ts'", "ჭ": "ch'"}
_KA_RU = {**_KA, "ჯ": "dzh", "ყ": "k", "ღ": "g"}


def _georgian(word: str, table: dict[str, str]) -> str:
    return "".join(table.get(c, c) for c in word)


# --- Public ----------------------------------------------------------------------------


def capitalize(text: str) -> str:
    """Upper-case the first letter of each word and of each hyphen-joined part."""
    return "-".join(
        " ".join(w[:1].upper() + w[1:] for w in part.split(" ")) for part in text.split("-")
    )


def _words(fn: Callable[[str], str]) -> Callable[[str], str]:
    def apply(text: str) -> str:
        return capitalize(
            " ".join("-".join(fn(part) for part in word.split("-")) for word in text.split(" "))
        )

    return apply


def _cyr(system: _Cyrillic) -> Callable[[str], str]:
    return _words(lambda w: system.word(w.lower()))


SYSTEMS: dict[str, tuple[Callable[[str], str], ...]] = {
    **{lang: tuple(_cyr(s) for s in systems) for lang, systems in CYRILLIC.items()},
    "el": tuple(_words(partial(_greek, system=s)) for s in ("elot", "phonetic", "classic")),
    "hy": tuple(_words(partial(_armenian, system=s)) for s in ("passport", "ian")),
    "ka": tuple(_words(partial(_georgian, table=t)) for t in (_KA, _KA_SCHOLAR, _KA_RU)),
}


def transliterate(text: str, language: str) -> list[str]:
    """All Latin forms of ``text`` in ``language``'s systems, official first, no repeats."""
    forms: list[str] = []
    for system in SYSTEMS[language]:
        form = system(text)
        if form not in forms:
            forms.append(form)
    return forms
