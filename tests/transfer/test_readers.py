"""Readers: formats, line numbers, clear errors, and never anything but FileFormatError."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interlink.transfer.readers import (
    FileFormatError,
    SourceRow,
    detect_format,
    iter_rows,
    read_header,
)
from interlink.transfer.rows import PERSON_COLUMNS
from interlink.transfer.writers import CsvWriter


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    return [(r.line, r.values) for r in iter_rows(path)]


# --- formats ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.csv", "csv"),
        ("a.TSV", "csv"),
        ("a.jsonl", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.json", "jsonl"),
        ("a.xlsx", "xlsx"),
    ],
)
def test_detect_format_by_extension(tmp_path: Path, name: str, expected: str) -> None:
    assert detect_format(write(tmp_path, name, "")) == expected


def test_detect_format_sniffs_unknown_extensions(tmp_path: Path) -> None:
    assert detect_format(write(tmp_path, "a.dat", '\n{"id": "P1"}\n')) == "jsonl"
    assert detect_format(write(tmp_path, "b.dat", "id,full_name\n")) == "csv"
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    assert detect_format(write(tmp_path, "c.dat", buffer.getvalue())) == "xlsx"


# --- CSV ----------------------------------------------------------------------------------


def test_csv_values_header_and_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "p.csv",
        "\ufeff ID , Full_Name,Phone\r\nP1, Anna Koval ,\r\n\r\n"
        'P2,"Olena\nMelnyk",+1\r\n,,\r\nP3\r\n',
    )
    assert read_header(path) == ["id", "full_name", "phone"]
    assert rows(path) == [
        (2, {"id": "P1", "full_name": "Anna Koval", "phone": ""}),
        (4, {"id": "P2", "full_name": "Olena\nMelnyk", "phone": "+1"}),
        (7, {"id": "P3", "full_name": "", "phone": ""}),
    ]


def test_semicolon_and_tab_separated(tmp_path: Path) -> None:
    semi = write(tmp_path, "s.csv", "id;full_name;nationality\nP1;Anna Koval;UA\n")
    assert rows(semi) == [(2, {"id": "P1", "full_name": "Anna Koval", "nationality": "UA"})]
    tab = write(tmp_path, "t.tsv", "id\tfull_name\nP1\tKoval, Anna\n")
    assert rows(tab) == [(2, {"id": "P1", "full_name": "Koval, Anna"})]


def test_bad_encoding_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "p.csv", b"id,full_name\nP1,Anna\nP2,Ren\xe9e\n")
    with pytest.raises(FileFormatError) as caught:
        rows(path)
    assert caught.value.line == 3
    assert "UTF-8" in str(caught.value) and "line 3" in str(caught.value)


def test_utf16_is_refused_with_advice(tmp_path: Path) -> None:
    path = write(tmp_path, "p.csv", "id,full_name\nP1,Anna\n".encode("utf-16"))
    with pytest.raises(FileFormatError, match=r"UTF-16.*UTF-8"):
        rows(path)


@pytest.mark.parametrize("content", ["", "\n\n  \n", "\ufeff"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    with pytest.raises(FileFormatError, match="the file is empty"):
        rows(write(tmp_path, "p.csv", content))


def test_duplicate_header(tmp_path: Path) -> None:
    path = write(tmp_path, "p.csv", "id,full_name,ID\nP1,Anna,P1\n")
    with pytest.raises(FileFormatError, match="'id' appears twice") as caught:
        rows(path)
    assert (caught.value.line, caught.value.field) == (1, "id")


def test_blank_header_name(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="column 2 has no name"):
        rows(write(tmp_path, "p.csv", "id,,phone\nP1,x,y\n"))


def test_row_with_more_cells_than_header(tmp_path: Path) -> None:
    path = write(tmp_path, "p.csv", "id,full_name\nP1,Anna\nP2,Olena,extra\n")
    with pytest.raises(FileFormatError, match="3 cells but the header names 2") as caught:
        rows(path)
    assert caught.value.line == 3


def test_trailing_empty_cells_are_tolerated(tmp_path: Path) -> None:
    path = write(tmp_path, "p.csv", "id,full_name,,\nP1,Anna,,\n")
    assert rows(path) == [(2, {"id": "P1", "full_name": "Anna"})]


def test_unclosed_quote_names_where_it_starts(tmp_path: Path) -> None:
    path = write(tmp_path, "p.csv", 'id,full_name\nP1,Anna\nP2,"Olena\nP3,Iryna\n')
    with pytest.raises(FileFormatError, match="never closed") as caught:
        rows(path)
    assert caught.value.line == 3


def test_old_mac_line_endings_are_explained(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="carriage return"):
        rows(write(tmp_path, "p.csv", "id,full_name\rP1,Anna\r"))


def test_rows_stream(tmp_path: Path) -> None:
    """The reader yields the first row before reading the rest (nothing is loaded whole)."""
    path = write(tmp_path, "p.csv", "id\nP1\n" + "P\xff\n")
    reader = iter_rows(path)
    assert next(reader).values == {"id": "P1"}


# --- JSON Lines -----------------------------------------------------------------------------


def test_jsonl_values(tmp_path: Path) -> None:
    lines = [
        {
            "ID": " P1 ",
            "full_name": "Anna",
            "nationality": ["UA", "MD"],
            "age": 40,
            "ok": True,
            "missing": None,
            "weight": 61.5,
        },
        {},
        {"id": "P2", "address": ["Flat 1; Main St 2", "Depot"]},
    ]
    text = "\n".join(json.dumps(x) for x in lines[:1]) + "\n\n" + json.dumps(lines[2]) + "\n"
    path = write(tmp_path, "p.jsonl", text)
    assert rows(path) == [
        (
            1,
            {
                "id": "P1",
                "full_name": "Anna",
                "nationality": "UA;MD",
                "age": "40",
                "ok": "true",
                "missing": "",
                "weight": "61.5",
            },
        ),
        (3, {"id": "P2", "address": "Flat 1\\; Main St 2;Depot"}),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"id": "P1"}\n["P2"]\n', "not a JSON object"),
        ('{"id": "P1"}\n{"id": \n', "not valid JSON"),
        ('{"id": "P1"}\n{"id": {"x": 1}}\n', "nested object"),
        ('{"id": "P1"}\n{"id": "a", "ID": "b"}\n', "appears twice"),
    ],
)
def test_jsonl_errors_name_the_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(FileFormatError, match=message) as caught:
        rows(write(tmp_path, "p.jsonl", text))
    assert caught.value.line == 2


def test_json_array_is_explained(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="JSON Lines"):
        rows(write(tmp_path, "p.json", '[{"id": "P1"}]'))


def test_jsonl_empty(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="empty"):
        rows(write(tmp_path, "p.jsonl", "\n \n"))


# --- XLSX ---------------------------------------------------------------------------------


def test_xlsx_round_trip(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append([" ID", "Full_Name", "date_of_birth", "phone", "weight", "victim", None])
    sheet.append(["P1", " Anna Koval ", datetime(1974, 8, 12), 380501234567, 61.5, True])
    sheet.append([None, None, None])
    sheet.append(["P2", "Olena Melnyk", date(1990, 1, 2), None, 70.0, False])
    sheet.cell(row=6, column=1, value="P3")
    workbook.save(tmp_path / "p.xlsx")
    assert read_header(tmp_path / "p.xlsx") == [
        "id",
        "full_name",
        "date_of_birth",
        "phone",
        "weight",
        "victim",
    ]
    assert rows(tmp_path / "p.xlsx") == [
        (
            2,
            {
                "id": "P1",
                "full_name": "Anna Koval",
                "date_of_birth": "1974-08-12",
                "phone": "380501234567",
                "weight": "61.5",
                "victim": "true",
            },
        ),
        (
            4,
            {
                "id": "P2",
                "full_name": "Olena Melnyk",
                "date_of_birth": "1990-01-02",
                "phone": "",
                "weight": "70",
                "victim": "false",
            },
        ),
        (
            6,
            {
                "id": "P3",
                "full_name": "",
                "date_of_birth": "",
                "phone": "",
                "weight": "",
                "victim": "",
            },
        ),
    ]


def test_xlsx_table_may_start_right_of_column_a(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.cell(row=3, column=2, value="id")
    sheet.cell(row=3, column=3, value="full_name")
    sheet.cell(row=7, column=2, value="P1")
    sheet.cell(row=7, column=3, value="Anna Koval")
    sheet.cell(row=8, column=1, value="stray")
    workbook.save(tmp_path / "p.xlsx")
    assert read_header(tmp_path / "p.xlsx") == ["id", "full_name"]
    reader = iter_rows(tmp_path / "p.xlsx")
    assert next(reader) == SourceRow(7, {"id": "P1", "full_name": "Anna Koval"})
    with pytest.raises(FileFormatError, match="left of the first column") as caught:
        next(reader)
    assert caught.value.line == 8


def test_xlsx_extra_cells_name_the_row(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["id", "full_name"])
    sheet.append(["P1", "Anna", "surplus"])
    workbook.save(tmp_path / "p.xlsx")
    with pytest.raises(FileFormatError, match="header names 2") as caught:
        rows(tmp_path / "p.xlsx")
    assert caught.value.line == 2


def test_xlsx_empty_and_not_a_workbook(tmp_path: Path) -> None:
    openpyxl.Workbook().save(tmp_path / "empty.xlsx")
    with pytest.raises(FileFormatError, match="empty"):
        rows(tmp_path / "empty.xlsx")
    with pytest.raises(FileFormatError, match="not an Excel workbook"):
        rows(write(tmp_path, "text.xlsx", "id,full_name\nP1,Anna\n"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    with pytest.raises(FileFormatError, match="not an Excel workbook"):
        rows(write(tmp_path, "zip.xlsx", buffer.getvalue()))


# --- properties ---------------------------------------------------------------------------

# The domain refuses control characters; NUL is the one the csv module cannot carry.
cell_text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"))
person_values = st.fixed_dictionaries(
    {"id": cell_text.filter(lambda s: s.strip())},
    optional={c: cell_text for c in PERSON_COLUMNS if c != "id"},
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(person_values, min_size=1, max_size=5))
def test_any_csv_the_writer_writes_reads_back(
    tmp_path: Path, records: list[dict[str, str]]
) -> None:
    path = tmp_path / "out.csv"
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = CsvWriter(stream, "persons")
        for values in records:
            writer.write_values(values)
    read = list(iter_rows(path))
    assert [r.values for r in read] == [
        {c: values.get(c, "").strip() for c in PERSON_COLUMNS} for values in records
    ]
    line = 2  # physical lines: each embedded "\n" starts a new one
    for row, values in zip(read, records, strict=True):
        assert row.line == line
        line += 1 + sum(v.count("\n") for v in values.values())


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=300).map(str.encode),
        st.lists(
            st.sampled_from(
                [
                    b"id",
                    b",",
                    b";",
                    b'"',
                    b"\n",
                    b"\r",
                    b"{",
                    b"}",
                    b"[",
                    b":",
                    b"\xff",
                    b"\xef\xbb\xbf",
                    b" ",
                    b"P1",
                    b"\x00",
                ]
            )
        ).map(b"".join),
    ),
    name=st.sampled_from(["f.csv", "f.tsv", "f.jsonl", "f.xlsx", "f.bin"]),
)
def test_random_bytes_raise_only_file_format_errors(tmp_path: Path, data: bytes, name: str) -> None:
    path = write(tmp_path, name, data)
    try:
        for row in iter_rows(path):
            assert row.line >= 1
            assert all(isinstance(v, str) for v in row.values.values())
    except FileFormatError as exc:
        assert str(exc)


@settings(max_examples=60, deadline=None)
@given(
    cells=st.lists(
        st.lists(st.text(alphabet='ab ,"\n;é\r', max_size=6), min_size=3, max_size=3),
        max_size=30,
    ),
    piece_bytes=st.integers(min_value=1, max_value=64),
)
def test_reading_in_pieces_gives_the_same_rows_and_lines(tmp_path_factory, cells, piece_bytes):
    """Cutting a CSV file into pieces at record boundaries changes nothing a reader sees."""
    import csv as csv_module

    from interlink.transfer.readers import csv_pieces, iter_rows, rows_of_piece

    path = tmp_path_factory.mktemp("pieces") / "p.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv_module.writer(handle)
        writer.writerow(["id", "full_name", "notes"])
        writer.writerows(cells)
    whole = [(r.line, r.values) for r in iter_rows(path)]
    pieces = [(r.line, r.values) for p in csv_pieces(path, piece_bytes) for r in rows_of_piece(p)]
    assert pieces == whole
