"""Person names from any script in comparable forms, the original kept.

``normalize("PETRENKO, Oleg")`` and ``normalize("Олег Петренко")`` give the same tokens
(``oleg``, ``petrenko``) and the same order-free ``key``. What the libraries do:

- transliteration: ICU's ``Any-Latin; Latin-ASCII`` through PyICU; anyascii when PyICU is
  not installed (the package still works, with a coarser romanization of some scripts);
- phonetic keys: jellyfish's metaphone.

What no library does, and is written here: splitting Chinese and Korean names written
without spaces into family and given name, honorifics and particles (al-, bin, van der…)
left out of the comparison, Arabic "Abd al-" compounds joined the same way however they
are spelled, and a consonant skeleton for names from abjads (Arabic, Hebrew and Persian
are written without most vowels, so "محمد" romanizes as "mhmd", as "Muhammad" and
"Mohammed" do once their vowels are dropped).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import jellyfish
from anyascii import anyascii

from interlink.domain.values import detect_script
from interlink.identity.japanese import FAMILY as _JA_FAMILY
from interlink.identity.japanese import GIVEN as _JA_GIVEN

__all__ = ["NormalizedName", "hepburn", "normalize", "skeleton", "transliterate", "using_icu"]


class _Transliterator(Protocol):
    def transliterate(self, text: str) -> str: ...


# ICU's Any-Latin writes Cyrillic in ISO 9, whose letters fold to ASCII badly (Юрій → "Urij",
# Жанна → "Zanna"). Names written in Latin by police and passport offices follow BGN/PCGN-like
# spellings (Yuriy, Zhanna, Shcherbakova), so Cyrillic goes through ICU's BGN transliterators:
# the Ukrainian one when the text has a letter only Ukrainian uses (Г is then H), else Russian.
_ANY = "Any-Latin; Latin-ASCII"
_RUSSIAN = "Russian-Latin/BGN; " + _ANY
_UKRAINIAN = "Ukrainian-Latin/BGN; " + _ANY
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_UKRAINIAN_LETTERS = re.compile(r"[ІіЇїЄєҐґ]")


@lru_cache(maxsize=4)
def _icu(rules: str = _ANY) -> _Transliterator | None:
    try:
        import icu  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # pragma: no cover - depends on the installation
        return None
    result: _Transliterator = icu.Transliterator.createInstance(rules)
    return result


def using_icu() -> bool:
    """Whether ICU transliterates (else anyascii)."""
    return _icu() is not None


def _rules_for(text: str) -> str:
    if not _CYRILLIC.search(text):
        return _ANY
    return _UKRAINIAN if _UKRAINIAN_LETTERS.search(text) else _RUSSIAN


def transliterate(text: str) -> str:
    """Latin ASCII letters for ``text``, in whatever script it is written."""
    icu = _icu(_rules_for(text))
    if icu is None:
        return anyascii(text)
    out = icu.transliterate(text)
    return out if out.isascii() else anyascii(out)


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- Han and Hangul names written without spaces ------------------------------------------

# Two-character Chinese family names (simplified and traditional forms). A name written
# without spaces starts with one of these, or else with a one-character family name (the
# list below is what the split recognizes; an unlisted first character is still taken as
# the family name, which is right for nearly every Chinese name).
_HAN_FAMILY_2 = _set(
    "欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 东方 東方 皇甫 尉迟 尉遲 公孙 公孫 慕容 令狐 夏侯 "
    "司徒 宇文 长孙 長孫 轩辕 軒轅 端木 独孤 獨孤 南宫 南宮 西门 西門 百里 呼延 澹台 太史 "
    "申屠 钟离 鍾離 闻人 聞人 赫连 赫連 濮阳 濮陽 万俟 单于 單于 公冶 宗政"
)
_HAN_FAMILY_1 = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关"
    "兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻"
    "祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿"
    "桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
    "張劉陳楊黃趙吳孫馬羅鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒龔萬錢嚴湯溫龐顏莊聶魯蘭寧紀畢"
    "單駱藍饒車婁竇衛閔鄔欒鄺"
)
# Two-syllable Korean family names; any other name starts with a one-syllable family name.
_HANGUL_FAMILY_2 = _set("남궁 황보 제갈 선우 독고 사공 서문 동방")
# Korean family names as passports write them (ICU's Revised Romanization gives gim, i,
# bag… which no passport uses).
_HANGUL_FAMILY_LATIN = dict(
    pair.split("=", 1)
    for pair in _set(
        "김=kim 이=lee 리=lee 박=park 최=choi 정=jung 강=kang 조=cho 윤=yoon 장=jang 임=lim "
        "한=han 오=oh 서=seo 신=shin 권=kwon 황=hwang 안=ahn 송=song 류=ryu 유=yoo 전=jeon "
        "홍=hong 고=ko 문=moon 양=yang 손=son 배=bae 백=baek 허=heo 남=nam 심=shim 노=noh "
        "하=ha 곽=kwak 성=sung 차=cha 주=joo 우=woo 구=koo 민=min 진=jin 나=na 지=ji 엄=eom "
        "채=chae 원=won 천=cheon 방=bang 공=kong 현=hyun 함=ham 변=byun 염=yeom 여=yeo "
        "추=choo 도=do 소=so 석=seok 선=sun 설=seol 마=ma 길=gil 연=yeon 위=wi 표=pyo "
        "명=myung 기=ki 반=ban 왕=wang 금=keum 옥=ok 육=yook 인=in 맹=maeng 제=je 모=mo "
        "탁=tak 국=kook 어=eo 경=kyung 봉=bong 용=yong"
    )
)


def _is_han(char: str) -> bool:
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF


def _is_hangul(char: str) -> bool:
    return 0xAC00 <= ord(char) <= 0xD7AF


def _split_joined(word: str) -> list[str]:
    """Latin parts of a Han or Hangul name written as one word: family, given."""
    if len(word) < 2:
        return [_syllables(word)]
    if all(_is_han(c) for c in word):
        size = 2 if len(word) > 2 and word[:2] in _HAN_FAMILY_2 else 1
        return [_syllables(word[:size]), _syllables(word[size:])]
    if all(_is_hangul(c) for c in word):
        size = 2 if len(word) > 2 and word[:2] in _HANGUL_FAMILY_2 else 1
        family = _HANGUL_FAMILY_LATIN.get(word[:size]) or _syllables(word[:size])
        return [family, _syllables(word[size:])]
    return [_syllables(word)]


# --- Japanese names in kanji -------------------------------------------------------------

# A kanji name has no reading of its own: ICU reads 田中和也 as Chinese ("tian zhong he ye").
# A name that starts with a common Japanese family name (``japanese.FAMILY``) is read with
# the passport spellings of the tables, unless it looks Chinese: a one-character family
# name (林, 森 are Chinese too) needs a known given name of two or more characters after
# it; a two-character one needs a known given name, or an unknown one of two or more
# characters none of which is a simplified Chinese form. Kana anywhere: Japanese anyway.
_ITERATION = "\u3005"  # 々: the previous kanji again (佐々木)


def _is_kanji(char: str) -> bool:
    return char == _ITERATION or _is_han(char)


def _is_kana(char: str) -> bool:
    return 0x3040 <= ord(char) <= 0x30FF or 0x31F0 <= ord(char) <= 0x31FF


@lru_cache(maxsize=1)
def _to_traditional() -> _Transliterator | None:
    try:
        import icu  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # pragma: no cover - depends on the installation
        return None
    result: _Transliterator = icu.Transliterator.createInstance("Simplified-Traditional")
    return result


def _simplified(text: str) -> bool:
    """Whether ``text`` has a simplified Chinese form (never Japanese); True without ICU."""
    convert = _to_traditional()
    return convert is None or convert.transliterate(text) != text


def _kanji_reading(word: str) -> str:
    """ICU's reading of a word of kanji (and kana) as one Latin word, 々 repeating."""
    chars = list(word)
    for i in range(1, len(chars)):
        if chars[i] == _ITERATION:
            chars[i] = chars[i - 1]
    return _syllables("".join(chars))


def _japanese_split(word: str, kana: bool) -> list[str] | None:
    """[family, given] of a name written as one word of kanji (and kana), read as Japanese
    with the tables; None when it does not start with a known Japanese family name or may
    be Chinese. ``kana``: the name is known to be Japanese."""
    for size in (3, 2, 1):
        if len(word) < size or not all(_is_kanji(c) for c in word[:size]):
            continue
        family = _JA_FAMILY.get(word[:size])
        if family is None:
            continue
        rest = word[size:]
        if not rest:
            return [family] if size > 1 or kana else None
        given = _JA_GIVEN.get(rest)
        if given is not None and (size > 1 or len(rest) > 1 or kana):
            return [family, given]
        if kana or size == 3 or (size == 2 and len(rest) > 1 and not _simplified(rest)):
            return [family, _kanji_reading(rest)]
    return None


def _japanese_words(raws: list[str]) -> bool:
    """Whether names written in separate words of kanji are Japanese: a known family name
    of two or more characters, or a one-character one with a known given name."""
    family_1 = given = False
    for raw in raws:
        if raw in _JA_FAMILY:
            if len(raw) > 1:
                return True
            family_1 = True
        elif len(raw) > 1 and raw in _JA_GIVEN:
            given = True
    return family_1 and given


def _japanese_word(raw: str, single: bool) -> list[str]:
    """Latin words of one word starting with a kanji in a name known to be Japanese."""
    reading = _JA_FAMILY.get(raw) or _JA_GIVEN.get(raw)
    if reading:
        return [reading]
    if single or any(_is_kana(c) for c in raw):
        parts = _japanese_split(raw, kana=True)
        if parts:
            return parts
    return [_kanji_reading(raw)]


def _syllables(word: str) -> str:
    """One word of a syllabic script as one Latin word (ICU spaces Han syllables apart)."""
    return _NOT_LETTER.sub("", transliterate(word).lower())


# --- tokens -------------------------------------------------------------------------------

_NOT_LETTER = re.compile(r"[^0-9a-z]+")
_SEPARATOR = re.compile(r"[\s,;/()\[\]\"]+")
_APOSTROPHE = re.compile(r"['`\u2018\u2019\u02bc\u02bb\u02be\u02bf]")
_DEVA_CONSONANT = re.compile(r"[\u0915-\u0939\u0958-\u095F]$")

HONORIFICS = _set(
    "mr mrs ms miss mx dr prof sir madam mme mlle herr frau sr sra srta jr ii iii iv esq "
    "hajji haji hajj hadji hajja hajjah sheikh shaikh sheik shaykh mullah mulla sayed syed "
    "gospodin gospozha pan pani rev fr capt col gen lt sgt"
)
# Particles and prefixes: not evidence on their own ("al", "de" are in many names).
PARTICLES = _set(
    "al el ul bin ben ibn bint binti bte bt van von der den de la le du da das dos del "
    "della dei di ten ter zu y e"
)
_ATTACHED = re.compile(r"^(?:al|el|ul)-(?=\w)")
# "Abd al-Rahman", "Abdul Rahman", "Abdulrahman", "عبد الرحمن": one token "abdrahman".
_ABD = re.compile(r"^abd(?:u|e|a|o|ou)?l?(?=[a-z]{3})")
_ARTICLE = re.compile(r"^al(?=[a-z]{3})")
_ABD_ALONE = frozenset({"abd", "abdu", "abdul", "abdel", "abdal", "abdol", "abdoul"})


def _ascii_words(text: str) -> list[str]:
    return [w for w in _SEPARATOR.split(_APOSTROPHE.sub("", text).replace(".", " ")) if w]


def _words(text: str, script: str) -> list[str]:
    """Latin ASCII words (case kept, hyphens kept for now) in written order."""
    out: list[str] = []
    raws = [raw for raw in _SEPARATOR.split(text) if raw]
    japanese = script in ("Jpan", "Hira", "Kana") or (
        script == "Hani" and len(raws) > 1 and _japanese_words(raws)
    )
    for raw in raws:
        if raw.isascii():
            out.extend(_ascii_words(raw))
            continue
        if japanese and _is_han(raw[0]):
            out.extend(p for p in _japanese_word(raw, len(raws) == 1) if p)
            continue
        if _is_han(raw[0]) or _is_hangul(raw[0]):
            parts = (
                _japanese_split(raw, kana=False) if script == "Hani" and len(raws) == 1 else None
            )
            if parts:
                out.extend(p for p in parts if p)
            elif script in ("Hani", "Hang") and len(raw) > 1 and len(text.split()) == 1:
                out.extend(p for p in _split_joined(raw) if p)
            else:
                out.append(_HANGUL_FAMILY_LATIN.get(raw) or _syllables(raw))
            continue
        if script in ("Hira", "Kana", "Jpan", "Thai"):
            out.append(_syllables(raw))  # ICU spaces syllables apart; the word is one name
            continue
        if script == "Arab":
            raw = raw.replace("\u0629", "\u0627")  # ta marbuta: a final -a, not -t
        words = _ascii_words(transliterate(raw).replace('"', "").replace("'", ""))
        if script == "Cyrl":
            words = [w.replace("j", "y") for w in words]  # й: ICU j, passports y or i
        if script == "Arab":
            # the article written joined ("alrhmn") as the Latin forms write it: "al-rhmn"
            words = [_ARTICLE.sub("al-", w.lower()) for w in words]
        if script == "Deva" and _DEVA_CONSONANT.search(raw) and words and words[-1][-1:] == "a":
            words[-1] = words[-1][:-1]  # ICU writes the inherent vowel a final consonant lacks
        out.extend(w for w in words if w)
    return out


def _tokens(words: list[str], abjad: bool) -> tuple[str, ...]:
    """Name parts in written order, without honorifics, and without particles where they
    lead into another part and two parts remain."""
    parts: list[str] = []
    for word in words:
        word = _ATTACHED.sub("", word.lower())
        pieces = [_NOT_LETTER.sub("", p) for p in word.split("-")]
        pieces = [p for p in pieces if p]
        joined = "".join(pieces)
        if joined:
            parts.append(joined)
    merged: list[str] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        if (part in _ABD_ALONE or part == "bd") and i + 1 < len(parts):
            nxt = parts[i + 1]
            if nxt in ("al", "el", "ul") and i + 2 < len(parts):
                i += 1
                nxt = parts[i + 1]
            merged.append("abd" + (nxt[2:] if nxt[:2] in ("al", "el", "ul") else nxt))
            i += 2
            continue
        merged.append(_ABD.sub("abd", part))
        i += 1
    # Without vowels, names can look like Latin honorifics ("ʿmr", Omar): none dropped there.
    kept = merged if abjad else [t for t in merged if t not in HONORIFICS]
    kept = kept or merged
    # A particle is dropped where it leads into another part ("van der Berg", "Zia ul Haq")
    # and two parts remain: "Lê Văn Thành" keeps its family name Lê, "Ibn Sina" its ibn, and
    # 서울 its syllable "ul". A Han name is read the same way as its Latin spelling, so that
    # the two keep one key.
    named = [t for i, t in enumerate(kept) if t not in PARTICLES or i + 1 == len(kept)]
    return tuple(named if len(named) >= 2 else kept)


# --- phonetic forms -----------------------------------------------------------------------

_DIGRAPHS = (
    ("sch", "s"),
    ("ck", "k"),
    ("ph", "f"),
    ("kh", "k"),
    ("gh", "k"),
    ("sh", "s"),
    ("ch", "k"),
    ("th", "t"),
    ("dh", "d"),
    ("zh", "z"),
    ("ts", "c"),
)
_LETTER_MAP = str.maketrans({"q": "k", "c": "k", "v": "w", "x": "ks"})
_VOWELS = re.compile(r"[aeiouyw]+")
_DOUBLES = re.compile(r"(.)\1+")


# Japanese romanized other than by passport Hepburn: Kunrei-shiki "si"/"sy" ("Isii",
# "Hayasi", "Syota"), "hu" for "fu", long vowels written ou/oo/oh ("Satou", "Ohno"), ん before
# b/m/p written n ("Honma"). A Latin string cannot be known to be Japanese, so the forms are
# folded only in tokens made of romanized Japanese syllables throughout ("isii", "ohno";
# not "martin", "mohsen"), and only in the phonetic key and the skeleton (the tokens stay as
# written). Kunrei ti/tu/zi (Hepburn chi/tsu/ji) are not folded: in either direction that
# costs more elsewhere than it gains (Tatiana/Tetiana, Hussein/حسين, Ji-woo, Hachimi/الهاشمي
# lose their match on the generated names); Jaro-Winkler still pairs "Yamaguti" with
# "Yamaguchi". f/h are folded to h, the other way would part "Hussein" from "حسين".
_ROMAJI = re.compile(
    r"(?:(?:[kstp](?=[kstpc]))?"
    r"(?:(?:[kgsztdnhbpmr]y?|sh|ch|ts|j|f|w|y)?[aiueo]|n|m(?=[bmp])|(?<=o)h(?![aiueoy])))+"
)
_KUNREI = re.compile(r"sy|si|fu|n(?=[bmp])|^oh(?![aiueoy])|o[uo](?![aiueo])|oh$")
_HEPBURN = {"sy": "sh", "si": "shi", "fu": "hu", "n": "m"}  # anything else: a long o


def _hepburn_sub(match: re.Match[str]) -> str:
    return _HEPBURN.get(match[0], "o")


@lru_cache(maxsize=65536)
def hepburn(token: str) -> str:
    """``token`` with Japanese spelling variants folded if it is romanized Japanese
    ("isii" → "ishii", "satou" → "sato", "honma" → "homma", "fujita" → "hujita"), else
    unchanged. Only for comparison keys: the result is not always the passport form."""
    if len(token) < 3 or not _ROMAJI.fullmatch(token):
        return token
    return _KUNREI.sub(_hepburn_sub, token)


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """The consonants of a token, spelling variants folded ("mohammed", "mhmd" → "mhmd").

    Names from abjads romanize without vowels; other romanization differences (kh/k, ph/f,
    gh/q/k, ts/c, a final h, doubled letters) are folded too. An initial or an all-vowel token
    keeps its first letter.
    """
    text = hepburn(token)
    for digraph, single in _DIGRAPHS:
        text = text.replace(digraph, single)
    text = text.translate(_LETTER_MAP)
    if len(text) > 1 and text.endswith("h"):
        text = text[:-1]
    consonants = _DOUBLES.sub(r"\1", _VOWELS.sub("", text))
    return consonants or token[:1]


def _phonetic(token: str) -> str:
    if token.isdigit():
        return token
    return jellyfish.metaphone(hepburn(token)) or token


@dataclass(frozen=True, slots=True)
class NormalizedName:
    """A name as written and its comparable forms.

    ``tokens`` are in written order, without honorifics and particles; ``key`` is the
    tokens sorted and joined by spaces (equal keys: the same name in any order and script);
    ``phonetic`` and ``skeleton`` are per token, in the order of ``tokens``.
    """

    original: str
    script: str  # ISO 15924 code of most of the letters ("Zyyy": none)
    latin: str  # Latin ASCII words in written order, case kept where the script has it
    tokens: tuple[str, ...]
    key: str
    phonetic: tuple[str, ...]
    skeleton: tuple[str, ...]

    @property
    def initials(self) -> tuple[str, ...]:
        return tuple(t[0] for t in self.tokens)


@lru_cache(maxsize=131072)
def normalize(text: str) -> NormalizedName:
    """Comparable forms of a person's name written in any script. Never raises."""
    clean = unicodedata.normalize("NFKC", text).strip()
    script = detect_script(clean)
    words = _words(clean, script)
    tokens = _tokens(words, script in ("Arab", "Hebr"))
    latin = " ".join(words)
    return NormalizedName(
        original=text,
        script=script,
        latin=latin,
        tokens=tokens,
        key=" ".join(sorted(tokens)),
        phonetic=tuple(_phonetic(t) for t in tokens),
        skeleton=tuple(skeleton(t) for t in tokens),
    )
