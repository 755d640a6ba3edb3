"""The VICS JSON and CSV hash-list readers: both VICS shapes, categories, and errors that
name where and which field — never a crash on random input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interlink.media.categories import to_scale
from interlink.media.parse import parse_csv, parse_file, parse_vics
from interlink.transfer.readers import FileFormatError

MD5 = "ADEBF3FA3C9BE7F73825E1CB9E2DEA09"
SHA1 = "2B037F69C566DFDB3A5A79E5360D085959BDDE4C"
PDQ = "f" * 32 + "0" * 32


def vics_media(*records: dict) -> bytes:
    doc = {
        "@odata.context": "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/"
        "Default/$metadata#Media",
        "value": list(records),
    }
    return json.dumps(doc).encode()


def test_vics_media_shape_keeps_hashes_category_series_and_flags() -> None:
    parsed = parse_vics(
        vics_media(
            {
                "MediaID": 1,
                "Category": 1,
                "MD5": MD5,
                "SHA1": SHA1,
                "Series": "Blue Room",
                "VictimIdentified": False,
                "OffenderIdentified": True,
                "IsDistributed": True,
                "AlternativeHashes": [{"HashName": "PDQ", "HashValue": PDQ}],
            },
            {"MediaID": 2, "Category": 0, "SHA1": SHA1.lower()},
        )
    )
    assert parsed.format == "vics_media" and parsed.errors == []
    first, second = parsed.entries
    assert first.md5 == MD5.lower() and first.sha1 == SHA1.lower() and first.pdq == PDQ
    assert (first.category, first.scale, first.series) == ("1", "abuse", "Blue Room")
    assert (first.victim_identified, first.offender_identified, first.distributed) == (
        False,
        True,
        True,
    )
    assert (second.category, second.scale) == ("0", "ignorable")


def test_vics_cases_shape_reads_every_case_media() -> None:
    doc = {
        "@odata.context": "http://x/$metadata#Cases",
        "value": [
            {"CaseID": "c1", "Media": [{"MD5": MD5, "Category": 2}, {"SHA1": SHA1, "Category": 3}]},
            {"CaseID": "c2", "Media": [{"MD5": "0" * 32, "Category": "1", "Series": "S2"}]},
        ],
    }
    parsed = parse_vics(json.dumps(doc).encode())
    assert parsed.format == "vics_cases"
    assert [e.scale for e in parsed.entries] == ["exploitative", "artificial", "abuse"]


def test_vics_errors_name_the_element_and_field() -> None:
    doc = {
        "@odata.context": "x#Cases",
        "value": [{"Media": [{"MD5": MD5}, {"MD5": "xyz", "VictimIdentified": "perhaps"}]}],
    }
    parsed = parse_vics(json.dumps(doc).encode())
    assert [str(e) for e in parsed.errors] == [
        "value[0].Media[1]: MD5: not a md5 hash: expected 32 hexadecimal digits",
        "value[0].Media[1]: VictimIdentified: expected true or false",
    ]
    assert parsed.rejected == 1


def test_vics_syntax_error_names_the_line() -> None:
    with pytest.raises(FileFormatError) as caught:
        parse_vics(b'{\n"value": [\n{"MD5": }\n]}')
    assert str(caught.value).startswith("line 3: not valid JSON")


def test_csv_with_header_hashes_series_category(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(f"MD5,sha256,pdq,series,category\n{MD5},,{PDQ},S1,A\n,{'ab' * 32},,,\n")
    parsed = parse_file(path)
    assert parsed.format == "csv" and parsed.errors == []
    assert [(e.md5, e.sha256, e.scale) for e in parsed.entries] == [
        (MD5.lower(), None, "abuse"),
        (None, "ab" * 32, "unknown"),
    ]


def test_csv_errors_name_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(f"md5,sha1\n{MD5},\nnot-a-hash,{SHA1}\n,\n")
    parsed = parse_csv(path)
    assert [str(e) for e in parsed.errors] == [
        "line 3: md5: not a md5 hash: expected 32 hexadecimal digits",
    ]
    # a blank row is skipped, not an error; only line 3 is bad
    assert parsed.rejected == 1


def test_csv_header_without_hash_column_or_with_unknown_column(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("series,category\nS,1\n")
    with pytest.raises(FileFormatError, match="no hash column"):
        parse_csv(path)
    path.write_text("md5,image\n" + MD5 + ",x\n")
    with pytest.raises(FileFormatError, match="unknown column"):
        parse_csv(path)


@pytest.mark.parametrize(
    ("given", "scale"),
    [
        ("1", "abuse"),
        ("Category 2", "exploitative"),
        ("3", "artificial"),
        ("0", "ignorable"),
        ("B", "abuse"),
        ("CGI", "artificial"),
        ("4", "ignorable"),
        ("CAT-1", "abuse"),
        ("Child Exploitive", "exploitative"),
        ("5", "unknown"),  # the old DHS numbering's non-pertinent: not assumed ignorable
        ("whatever", "unknown"),
        (None, "unknown"),
    ],
)
def test_category_scale(given: str | None, scale: str) -> None:
    assert to_scale(given).value == scale


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
record_keys = st.sampled_from(
    ["MD5", "SHA1", "SHA256", "Category", "Series", "VictimIdentified", "IsDistributed", "Media"]
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.dictionaries(record_keys, json_values | st.sampled_from([MD5, SHA1, PDQ])), max_size=5
    ),
    st.sampled_from(["#Media", "#Cases", ""]),
)
def test_random_vics_never_crashes_and_errors_name_a_field(records: list, shape: str) -> None:
    data = json.dumps({"@odata.context": "x" + shape, "value": records}).encode()
    parsed = parse_vics(data)
    assert parsed.rejected + len(parsed.entries) >= 0
    for error in parsed.errors:
        assert error.where.startswith("value[") and error.field and error.message


@settings(
    max_examples=100,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.binary(max_size=300))
def test_random_bytes_are_refused_cleanly(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "random.csv"
    path.write_bytes(data)
    try:
        parsed = parse_file(path)
    except FileFormatError as exc:
        assert str(exc)
        return
    for error in parsed.errors:
        assert error.where.startswith(("line ", "value[")) and error.field


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.sampled_from([MD5, "", "zz", MD5[:-1]]), st.text(max_size=10)),
        min_size=1,
        max_size=6,
    )
)
def test_random_csv_rows_errors_name_line_and_field(tmp_path: Path, rows: list) -> None:
    path = tmp_path / "rows.csv"
    lines = ["md5,series"] + [f'{md5},"{series.replace(chr(34), "")}"' for md5, series in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        parsed = parse_csv(path)
    except FileFormatError as exc:
        assert str(exc)
        return
    for error in parsed.errors:
        assert error.where.startswith("line ") and error.field in ("md5", "series")
