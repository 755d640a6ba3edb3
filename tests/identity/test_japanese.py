"""Japanese names in kanji read as Japanese, Chinese names unchanged (all names fictional)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interlink.identity.compare import NameLevel, compare_name
from interlink.identity.japanese import FAMILY, GIVEN
from interlink.identity.names import hepburn, normalize

CJK_PIECE = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0x3040, max_codepoint=0x30FF),
    st.sampled_from(["々", " ", "・", ","]),
    st.sampled_from(sorted(FAMILY) + sorted(GIVEN)),
)
CJK_TEXT = st.lists(CJK_PIECE, max_size=8).map("".join)


@pytest.mark.parametrize(
    ("kanji", "latin"),
    [
        ("田中和也", "tanaka kazuya"),
        ("山田大和", "yamada yamato"),
        ("林大輔", "hayashi daisuke"),
        ("石井大輔", "ishii daisuke"),
        ("佐藤", "sato"),
        ("佐々木健太", "sasaki kenta"),
        ("長谷川結衣", "hasegawa yui"),
        ("斎藤陽菜", "saito hina"),
        ("伊藤誠", "ito makoto"),
        ("大輔 林", "daisuke hayashi"),  # given and family columns joined
        ("悠真 高橋", "yuma takahashi"),
        ("田中 ひろし", "tanaka hiroshi"),  # kana: Japanese anyway
        ("石井ゆか", "ishii yuka"),
        ("佐々木さくら", "sasaki sakura"),
    ],
)
def test_kanji_names_read_as_japanese(kanji: str, latin: str) -> None:
    assert normalize(kanji).latin == latin


def test_unknown_given_name_is_one_word_of_icu() -> None:
    name = normalize("田中秋穂")  # 秋穂 not in the table
    assert name.tokens[0] == "tanaka"
    assert len(name.tokens) == 2


@pytest.mark.parametrize(
    ("chinese", "latin"),
    [
        ("张伟", "zhang wei"),
        ("王秀英", "wang xiuying"),
        ("欧阳娜娜", "ouyang nana"),
        ("李明", "li ming"),
        ("林伟", "lin wei"),
        ("林浩", "lin hao"),  # 浩 is also Hiroshi: a one-character pair stays Chinese
        ("林明", "lin ming"),
        ("森林", "sen lin"),
        ("金子轩", "jin zixuan"),  # 金子 Kaneko + a simplified character
        ("金子涵", "jin zihan"),  # two-character family name + unknown one character
        ("高田华", "gao tianhua"),
        ("司马光", "sima guang"),
        ("陈静", "chen jing"),
        ("伟 林", "wei lin"),
        ("子轩 李", "zixuan li"),
    ],
)
def test_chinese_names_unchanged(chinese: str, latin: str) -> None:
    assert normalize(chinese).latin == latin


def test_latin_query_meets_kanji_record() -> None:
    assert normalize("Tanaka Kazuya").key == normalize("田中和也").key
    assert normalize("YAMADA, Yamato").key == normalize("山田大和").key
    assert normalize("Isii Daisuke").skeleton == normalize("石井大輔").skeleton
    assert normalize("Isii Daisuke").phonetic == normalize("石井大輔").phonetic
    assert compare_name("Sato Yui", "佐藤結衣").level == NameLevel.EXACT


@pytest.mark.parametrize(
    ("variant", "hepburn_"),
    [
        ("Isii", "Ishii"),
        ("Hayasi", "Hayashi"),
        ("Yosida", "Yoshida"),
        ("Syota", "Shota"),
        ("Satou", "Sato"),
        ("Satoh", "Sato"),
        ("Saitou", "Saito"),
        ("Ohno", "Ono"),
        ("Honma", "Homma"),
        ("Hukuda", "Fukuda"),  # hu/fu folded (Kunrei ti, tu, zi are not: see names.py)
        ("Kousuke", "Kosuke"),
    ],
)
def test_romanization_variants_share_phonetic_and_skeleton(variant: str, hepburn_: str) -> None:
    a, b = normalize(variant), normalize(hepburn_)
    assert a.skeleton == b.skeleton
    assert a.tokens != b.tokens  # tokens stay as written
    if variant != "Hukuda":
        assert a.phonetic == b.phonetic


@pytest.mark.parametrize("word", ["martin", "tatiana", "hussein", "mohsen", "fatima", "inoue"])
def test_other_names_are_not_folded(word: str) -> None:
    assert hepburn(word) == word


@given(CJK_TEXT)
@settings(max_examples=300)
def test_cjk_text_never_raises_and_is_idempotent(text: str) -> None:
    name = normalize(text)
    assert name.latin.isascii()
    assert all(t.isascii() for t in name.tokens)
    again = normalize(name.latin)
    assert again.key == name.key
    assert normalize(again.latin).latin == again.latin


def test_tables_are_passport_spellings() -> None:
    assert len(FAMILY) >= 200
    assert len(GIVEN) >= 200
    for reading in (*FAMILY.values(), *GIVEN.values()):
        assert reading.isascii() and reading.isalpha() and reading == reading.lower()
        assert not reading.endswith(("ou", "oh")), reading
