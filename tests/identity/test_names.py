"""Name normalization: any script to comparable forms (all names fictional / generated)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interlink.identity.compare import NameLevel, compare_name
from interlink.identity.names import HONORIFICS, PARTICLES, normalize, skeleton
from interlink.synthetic.names import COUNTRIES, country_names

NAME_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
LATIN_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéüñçš", min_size=2, max_size=10)


@given(NAME_TEXT)
@settings(max_examples=300)
def test_never_raises_and_forms_are_consistent(text: str) -> None:
    name = normalize(text)
    assert name.original == text
    assert len(name.tokens) == len(name.phonetic) == len(name.skeleton)
    assert name.key == " ".join(sorted(name.tokens))
    assert all(t.isascii() and t.isalnum() and t == t.lower() for t in name.tokens)


@given(NAME_TEXT)
@settings(max_examples=300)
def test_idempotent_on_latin_output(text: str) -> None:
    once = normalize(text)
    again = normalize(once.latin)
    assert again.key == once.key
    assert normalize(again.latin).latin == again.latin


@given(st.lists(LATIN_WORD, min_size=1, max_size=4))
def test_part_order_does_not_matter(words: list[str]) -> None:
    assert normalize(" ".join(words)).key == normalize(" ".join(reversed(words))).key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("PETRENKO, Oleg", "Oleg Petrenko"),
        ("Abdulrahman", "Abdul Rahman"),
        ("Abd al-Rahman", "Abdulrahman"),
        ("Zhang Wei", "张伟"),
        ("Ouyang Nana", "欧阳娜娜"),
        ("Kim Min-jun", "김민준"),
        ("Tanaka Hiroshi", "たなか ひろし"),
        ("Aram Petrosyan", "Արամ Պետրոսյան"),
        ("Giorgi Beridze", "გიორგი ბერიძე"),
        ("José Núñez", "JOSE NUNEZ"),
        ("Dr. Jan van der Berg", "Berg, Jan"),
        ("Hajji Ahmed bin Khalid al-Rashid", "Ahmed Khalid Rashid"),
    ],
)
def test_same_key(a: str, b: str) -> None:
    assert normalize(a).key == normalize(b).key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mohammed", "Muhammad"),
        ("محمد", "Muhammad"),
        ("Abdullah", "عبد الله"),
        ("Somchai", "สมชาย"),
    ],
)
def test_abjad_and_vowel_variants_share_the_skeleton(a: str, b: str) -> None:
    assert normalize(a).skeleton == normalize(b).skeleton


def test_fields() -> None:
    name = normalize("Олег Петренко")
    assert name.script == "Cyrl"
    assert name.latin == "Oleg Petrenko"
    assert name.tokens == ("oleg", "petrenko")
    assert name.key == "oleg petrenko"
    assert name.phonetic == ("OLK", "PTRNK")
    assert name.initials == ("o", "p")
    assert skeleton("mohammed") == skeleton("mhmd") == "mhmd"


def test_empty_and_only_particles() -> None:
    assert normalize("").tokens == ()
    assert normalize(" ,, ").key == ""
    assert normalize("Van").tokens == ("van",)  # a particle alone is the name


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("Lê Văn Thành", ("le", "van", "thanh")),  # Lê is the family name
        ("Ibn Sina", ("ibn", "sina")),
        ("van der Berg", ("van", "der", "berg")),
        ("Jan van der Berg", ("jan", "berg")),
        ("Zia ul Haq", ("zia", "haq")),
        ("서울", ("seo", "ul")),
        ("王乐", ("wang", "le")),
        ("Wang Le", ("wang", "le")),
    ],
)
def test_particles_are_dropped_only_where_two_parts_remain(
    name: str, tokens: tuple[str, ...]
) -> None:
    assert normalize(name).tokens == tokens


def test_two_names_differing_only_in_a_family_name_like_a_particle_stay_apart() -> None:
    assert normalize("Lê Văn Thành").key != normalize("Trần Văn Thành").key


_PLAIN_PARTS = st.text(alphabet="bcfghkmnprstz", min_size=3, max_size=8).filter(
    lambda p: p not in HONORIFICS
)


@given(
    st.lists(st.one_of(_PLAIN_PARTS, st.sampled_from(sorted(PARTICLES))), min_size=1, max_size=6)
)
def test_no_part_but_a_particle_is_ever_dropped(parts: list[str]) -> None:
    """Every part that is not a particle stays, and a name of two or more parts never comes
    down to one."""
    tokens = normalize(" ".join(parts)).tokens
    assert [p for p in parts if p not in PARTICLES] == [t for t in tokens if t not in PARTICLES]
    assert len(tokens) >= min(2, len(parts))


@pytest.mark.parametrize(
    ("a", "b", "least"),
    [
        ("Олег Петренко", "Oleh Petrenko", NameLevel.FUZZY),
        ("Ζωή Παπαδοπούλου", "Zoi Papadopoulou", NameLevel.EQUIVALENT),
        ("Mohammed Abdul Rahman", "محمد عبد الرحمن", NameLevel.EQUIVALENT),
        ("สมชาย ศรีสุข", "Somchai Srisuk", NameLevel.EQUIVALENT),
        ("김민준", "Kim Minjun", NameLevel.EXACT),
        ("राहुल शर्मा", "Rahul Sharma", NameLevel.EQUIVALENT),
        ("Дмитрий Иванов", "Dmitriy Ivanov", NameLevel.FUZZY),
    ],
)
def test_cross_script_pairs_compare_high(a: str, b: str, least: NameLevel) -> None:
    assert compare_name(a, b).level >= least


def _generated_pairs(count: int) -> list[tuple[str, str]]:
    """(native full name, passport Latin full name) of generated persons, every script."""
    rand = random.Random(3)
    pairs = []
    for _ in range(count):
        names = country_names(rand.choice(COUNTRIES))
        given_ = rand.choice(names.male + names.female)
        family = rand.choice(names.family)
        native = names.native_full(given_.native, "", family.native)
        pairs.append((native, f"{given_.latin[0]} {family.latin[0]}"))
    return pairs


def test_generated_native_and_passport_forms_mostly_agree() -> None:
    pairs = _generated_pairs(400)
    good = sum(compare_name(a, b).level >= NameLevel.FUZZY for a, b in pairs)
    assert good / len(pairs) >= 0.88


def test_falls_back_to_anyascii_without_icu(monkeypatch: pytest.MonkeyPatch) -> None:
    from interlink.identity import names

    monkeypatch.setattr(names, "_icu", lambda rules="": None)
    assert not names.using_icu()
    assert names.transliterate("Олег Петренко") == "Oleg Petrenko"
    fallback = names.normalize.__wrapped__("Петренко Олег")
    assert fallback.key == "oleg petrenko"
    assert names._syllables("张伟") == "zhangwei"


def test_package_import_keeps_the_search_index_forms() -> None:
    from interlink.identity import name_tokens, normalize_identifier, normalize_name

    assert name_tokens("PETRENKO, Oleg") == ("petrenko", "oleg")
    assert normalize_name("Олег Петренко") == "oleg petrenko"
    assert normalize_identifier("document", "ab 12-34") == "AB1234"


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Юрій Гордієнко", "Yuriy Hordiyenko"),  # Ukrainian letters: Г is H
        ("Яна Тищенко", "Yana Tishchenko"),
        ("Жанна Щербакова", "Zhanna Shcherbakova"),
        ("Игорь Васильев", "Igor' Vasil'yev"),
    ],
)
def test_cyrillic_is_written_as_passport_offices_write_it(cyrillic: str, latin: str) -> None:
    """ISO 9 folded to ASCII lost letters (Юрій → Urij, Жанна → Zanna) that every Latin
    spelling of these names has; BGN/PCGN keeps them."""
    from interlink.identity import names

    if not names.using_icu():
        pytest.skip("ICU is not installed")
    assert names.transliterate(cyrillic) == latin
