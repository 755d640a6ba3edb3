"""Name material: enough of it, in the right scripts, with the Latin forms officers use."""

from __future__ import annotations

import itertools
import re

import pytest
from anyascii import anyascii
from hypothesis import given
from hypothesis import strategies as st

from interlink.domain.values import detect_script
from interlink.synthetic import COUNTRIES, country_names
from interlink.synthetic._translit import transliterate
from interlink.synthetic.names import SCRIPTS

NATIVE_SCRIPT_COUNTRIES = {
    "UA": "Cyrl",
    "RU": "Cyrl",
    "BG": "Cyrl",
    "GR": "Grek",
    "MA": "Arab",
    "EG": "Arab",
    "SY": "Arab",
    "IQ": "Arab",
    "IR": "Arab",
    "IL": "Hebr",
    "TH": "Thai",
    "CN": "Hani",
    "JP": "Jpan",
    "KR": "Hang",
    "IN": "Deva",
    "AM": "Armn",
    "GE": "Geor",
}
LATIN_COUNTRIES = {
    "PL",
    "CZ",
    "RO",
    "HU",
    "TR",
    "VN",
    "DE",
    "FR",
    "ES",
    "PT",
    "NG",
    "PH",
    "BR",
    "CO",
    "AL",
}


def test_every_requested_country_is_there() -> None:
    assert set(NATIVE_SCRIPT_COUNTRIES) | LATIN_COUNTRIES <= set(COUNTRIES)


# Countries with few family names in reality (and more given names instead).
FEW_FAMILY_NAMES = {"KR": 60, "VN": 40}


@pytest.mark.parametrize("country", COUNTRIES)
def test_scores_of_names_per_gender_and_family(country: str) -> None:
    names = country_names(country)
    assert len(names.male) >= 70
    assert len(names.female) >= 65
    assert len(names.family) >= FEW_FAMILY_NAMES.get(country, 90)
    assert len(names.family) == len(names.family_female)
    if country in FEW_FAMILY_NAMES:
        assert len(names.male) >= 80 and len(names.female) >= 70
    for pool in (names.male, names.female, names.family):
        assert len({n.native for n in pool}) == len(pool)


@pytest.mark.parametrize("country", COUNTRIES)
def test_every_latin_form_folds_to_ascii_letters(country: str) -> None:
    """Nothing of a native script survives transliteration, and no form is empty."""
    names = country_names(country)
    pools = (names.male, names.female, names.family, names.family_female)
    for name in (*itertools.chain(*pools), *names.middle_male, *names.middle_female):
        for folded in name.folded:
            assert re.fullmatch(r"[A-Za-z][A-Za-z' -]*", folded), (name.native, folded)


@pytest.mark.parametrize("country", COUNTRIES)
def test_native_forms_are_in_the_country_script(country: str) -> None:
    names = country_names(country)
    expected = SCRIPTS[country]
    allowed = {"Hani", "Hira", "Kana", "Jpan"} if expected == "Jpan" else {expected}
    for name in (*names.male, *names.female, *names.family, *names.family_female):
        assert detect_script(name.native) in allowed, name


@pytest.mark.parametrize("country", COUNTRIES)
def test_latin_forms_are_latin_and_folded_forms_ascii(country: str) -> None:
    names = country_names(country)
    for name in (*names.male, *names.female, *names.family, *names.middle_male):
        assert name.latin, name
        assert len(name.latin) == len(name.folded)
        for latin, folded in zip(name.latin, name.folded, strict=True):
            assert detect_script(latin) == "Latn", name
            assert folded.isascii() and folded == anyascii(latin)
        assert name.token.isascii() and name.token.isalnum()


@pytest.mark.parametrize(
    ("native", "language", "expected"),
    [
        ("Олег", "uk", {"Oleh", "Oleg"}),
        ("Петренко", "uk", {"Petrenko"}),
        ("Сергій", "uk", {"Serhii", "Sergiy"}),
        ("Марія", "uk", {"Mariia", "Mariya"}),
        ("Сергей", "ru", {"Sergei", "Sergey", "Sergej"}),
        ("Юрий", "ru", {"Iurii", "Yuriy", "Yury", "Juri", "Iouri"}),
        ("Жуков", "ru", {"Zhukov", "Schukow"}),
        ("Петър", "bg", {"Petar", "Petur"}),
        ("Христо", "bg", {"Hristo", "Khristo", "Christo"}),
        ("Γεώργιος", "el", {"Georgios"}),
        ("Γιώργος", "el", {"Giorgos", "Yorgos"}),
        ("Ευάγγελος", "el", {"Evangelos"}),
        ("Հարությունյան", "hy", {"Harutyunyan", "Harutyunian"}),
        ("წიკლაური", "ka", {"Tsiklauri"}),
    ],
)
def test_transliteration_systems(native: str, language: str, expected: set[str]) -> None:
    assert expected <= set(transliterate(native, language))


def find(country: str, native: str) -> tuple[str, ...]:
    names = country_names(country)
    for name in (*names.male, *names.female, *names.family, *names.family_female):
        if name.native == native:
            return name.latin
    raise AssertionError(native)


def test_the_same_name_in_several_writings() -> None:
    assert {"Mohamed", "Mohammed", "Muhammad"} <= set(find("EG", "محمد"))
    assert {"Abdulrahman", "Abdul Rahman"} <= set(find("SY", "عبد الرحمن"))
    assert {"Al-Hassan", "Alhassan", "Hassan"} <= set(find("SY", "الحسن"))
    assert {"Müller", "Mueller"} <= set(find("DE", "Müller"))
    assert {"van der Linden", "Vanderlinden", "Linden"} <= set(find("DE", "van der Linden"))
    assert {"de la Cruz", "Delacruz"} <= set(find("ES", "de la Cruz"))
    assert {"Min-jun", "Minjun", "Min Jun"} <= set(find("KR", "민준"))
    assert {"Zhang", "Chang", "Cheung"} <= set(find("CN", "张"))
    assert {"Sato", "Satoh", "Satō"} <= set(find("JP", "佐藤"))
    assert {"Ionuț", "Ionuţ"} <= set(find("RO", "Ionuț"))
    assert find("PL", "Kowalska") == ("Kowalska",)


def test_joined_and_family_first_orders() -> None:
    cn = country_names("CN")
    assert cn.native_full("伟", "", "张") == "张伟"
    ua = country_names("UA")
    assert ua.native_full("Олег", "Іванович", "Петренко") == "Олег Іванович Петренко"


_ALPHABETS = {
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "el": "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐ",
    "hy": "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆև",
    "ka": "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
}


@given(
    st.sampled_from(sorted(_ALPHABETS)).flatmap(
        lambda lang: st.tuples(
            st.just(lang), st.text(alphabet=_ALPHABETS[lang], min_size=1, max_size=12)
        )
    )
)
def test_transliteration_leaves_nothing_of_the_source_script(case: tuple[str, str]) -> None:
    language, word = case
    for form in transliterate(word, language):
        assert form.isascii(), (word, form)
