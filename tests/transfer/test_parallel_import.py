"""The parallel import path (large CSV files) behaves exactly like the sequential one."""

from __future__ import annotations

import pytest

from interlink.access import Role
from interlink.records.service import SearchQuery, search
from interlink.transfer import importer
from interlink.transfer.readers import FileFormatError

HEADER = "id,full_name,date_of_birth,nationality,phone,role\n"


def rows(n: int, start: int = 0) -> str:
    return "".join(
        f'P{i},"Person, Number{i}",1980,UA,+380 50 {i % 1000:03d} 45 67,suspect\n'
        for i in range(start, start + n)
    )


@pytest.fixture
def parallel(monkeypatch):
    monkeypatch.setattr(importer, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr("interlink.transfer.prepare.prepare_in_parallel.__defaults__", (4096,))


def test_parallel_import_writes_every_row(node, people, tmp_path, parallel) -> None:
    path = tmp_path / "p.csv"
    path.write_text(HEADER + rows(3000), encoding="utf-8")
    actor = people.actor(Role.INVESTIGATOR)
    report = importer.import_file(node, actor, "persons", path)
    assert report.written and report.imported == 3000 and report.rejected == 0
    found = search(node, actor, SearchQuery(name="NUMBER2999, Person"), purpose="test")
    assert [r.external_ref for r in found] == ["P2999"]


def test_parallel_import_names_the_bad_line_and_writes_nothing(
    node, people, tmp_path, parallel
) -> None:
    body = rows(1500) + "P9999,Bad Date,1980-13,UA,,suspect\n" + rows(1500, 1500)
    path = tmp_path / "p.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    report = importer.import_file(node, people.actor(Role.INVESTIGATOR), "persons", path)
    assert not report.written and report.rejected == 1
    assert report.errors[0].line == 1502
    assert report.errors[0].errors[0].field == "date_of_birth"


def test_parallel_import_reports_bad_encoding_at_its_line(node, people, tmp_path, parallel) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(
        (HEADER + rows(2000)).encode()
        + "P-x,Jos\xe9,1980,UA,,suspect\n".encode("latin-1")
        + rows(10, 5000).encode()
    )
    with pytest.raises(FileFormatError) as caught:
        importer.import_file(node, people.actor(Role.INVESTIGATOR), "persons", path)
    assert caught.value.line == 2002
    assert "UTF-8" in caught.value.message


def test_parallel_skip_invalid_keeps_the_bad_rows_values(node, people, tmp_path, parallel) -> None:
    body = rows(1000) + "P9999,Bad Date,1980-13,UA,,suspect\n" + rows(1000, 1000)
    path = tmp_path / "p.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    rejects = tmp_path / "rejects.csv"
    report = importer.import_file(
        node,
        people.actor(Role.INVESTIGATOR),
        "persons",
        path,
        skip_invalid=True,
        rejects_path=rejects,
    )
    assert report.written and report.imported == 2000 and report.rejected == 1
    assert "P9999" in rejects.read_text(encoding="utf-8")


def test_a_large_load_leaves_every_index_in_place(node, people, tmp_path, parallel) -> None:
    from sqlalchemy import inspect

    from interlink.store.schema import metadata

    path = tmp_path / "p.csv"
    path.write_text(HEADER + rows(500), encoding="utf-8")
    importer.import_file(node, people.actor(Role.INVESTIGATOR), "persons", path)
    inspector = inspect(node.engine)
    for table in metadata.sorted_tables:
        declared = {i.name for i in table.indexes}
        present = {i["name"] for i in inspector.get_indexes(table.name)}
        assert declared <= present, table.name
