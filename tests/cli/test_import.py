"""`interlink import`: all or nothing, every bad row named by line and field."""

from __future__ import annotations

import json

from openpyxl import Workbook
from sqlalchemy import create_engine, text

from interlink.settings import normalize_database_url

HEADER = "id,full_name,date_of_birth,nationality,document_number,phone,role\n"
GOOD = [
    "P1,Олег Петренко,1974-08-12,UKR,FB123456,+380501234567,suspect\n",
    'P2,"POPESCU, Maria",1981,Romania,,,possible_victim\n',
    "P3,Ahmed Al-Masri,1990-03,EG,A1234567,,suspect\n",
]
BAD = "P4,Ivan Bad,1974-13-01,UKR,,,suspect\n"


def persons_in(cli) -> int:
    engine = create_engine(normalize_database_url(cli.env["INTERLINK_DATABASE_URL"]))
    with engine.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM records WHERE kind = 'person'"))
        value = int(count.scalar_one())
    engine.dispose()
    return value


def test_a_good_file_is_imported(cli) -> None:
    path = cli.file("good.csv", HEADER + "".join(GOOD))
    done = cli("import", "persons", str(path), "--user", "inv")
    assert done.exit_code == 0, done.output
    assert "imported 3 persons" in done.stdout
    assert persons_in(cli) == 3


def test_one_bad_row_refuses_the_whole_file_naming_line_and_field(cli) -> None:
    path = cli.file("mixed.csv", HEADER + GOOD[0] + GOOD[1] + BAD + GOOD[2])
    done = cli("import", "persons", str(path), "--user", "inv")
    assert done.exit_code == 2
    assert "line 4: date_of_birth: '1974-13-01' is not a date that exists" in done.stderr
    assert "nothing imported: 1 of 4 rows are bad" in done.stderr
    assert persons_in(cli) == 0


def test_skip_invalid_imports_the_rest_and_writes_the_rejects(cli) -> None:
    path = cli.file("mixed.csv", HEADER + GOOD[0] + GOOD[1] + BAD + GOOD[2])
    rejects = cli.tmp / "rejects.csv"
    done = cli(
        "import", "persons", str(path), "--user", "inv", "--skip-invalid", "--rejects", str(rejects)
    )
    assert done.exit_code == 0, done.output
    assert persons_in(cli) == 3
    lines = rejects.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("line,errors,id")
    assert lines[1].startswith("4,") and "date_of_birth" in lines[1] and "P4" in lines[1]
    assert len(lines) == 2


def test_skip_invalid_needs_a_reject_file(cli) -> None:
    path = cli.file("good.csv", HEADER + GOOD[0])
    done = cli("import", "persons", str(path), "--user", "inv", "--skip-invalid")
    assert done.exit_code == 2 and "--rejects" in done.stderr


def test_every_bad_row_and_field_is_listed(cli) -> None:
    rows = HEADER + "P1,,1974,Atlantis,,,suspect\n" + "P2,X Y,2999,UA,,not a phone,boss\n"
    done = cli("import", "persons", str(cli.file("bad.csv", rows)), "--user", "inv")
    assert done.exit_code == 2
    for expected in (
        "line 2: full_name",
        "line 2: nationality: unknown country 'Atlantis'",
        "line 3: date_of_birth",
        "line 3: phone",
        "line 3: role",
    ):
        assert expected in done.stderr, expected


def test_wrong_encoding_names_the_line(cli) -> None:
    path = cli.file(
        "latin1.csv", HEADER + GOOD[1] + "P9,José Müller,1970,DE,,,suspect\n", encoding="latin-1"
    )
    done = cli("import", "persons", str(path), "--user", "inv")
    assert done.exit_code == 2
    assert "line 3" in done.stderr and "UTF-8" in done.stderr
    assert persons_in(cli) == 0


def test_missing_columns_and_unknown_columns(cli) -> None:
    no_id = cli("import", "persons", str(cli.file("a.csv", "full_name\nA B\n")), "--user", "inv")
    assert no_id.exit_code == 2 and "id" in no_id.stderr
    unknown = cli(
        "import",
        "persons",
        str(cli.file("b.csv", "id,full_name,shoe_size\n1,A,42\n")),
        "--user",
        "inv",
    )
    assert unknown.exit_code == 2 and "shoe_size" in unknown.stderr


def test_duplicate_ids_in_the_file_and_in_the_database(cli) -> None:
    dup = HEADER + GOOD[0] + GOOD[0].replace("Олег", "Oleh")
    done = cli("import", "persons", str(cli.file("dup.csv", dup)), "--user", "inv")
    assert done.exit_code == 2 and "line 3: id: 'P1' appears already on line 2" in done.stderr
    path = cli.file("good.csv", HEADER + "".join(GOOD))
    assert cli("import", "persons", str(path), "--user", "inv").exit_code == 0
    again = cli("import", "persons", str(path), "--user", "inv")
    assert again.exit_code == 2 and "exists already" in again.stderr
    assert persons_in(cli) == 3


def test_empty_and_header_only_files(cli) -> None:
    empty = cli("import", "persons", str(cli.file("empty.csv", "")), "--user", "inv")
    assert empty.exit_code == 2 and "empty" in empty.stderr
    header = cli("import", "persons", str(cli.file("h.csv", HEADER)), "--user", "inv")
    assert header.exit_code == 2 and "no rows" in header.stderr


def test_a_huge_cell_is_a_clear_error(cli) -> None:
    path = cli.file("huge.csv", HEADER + "P1," + "A" * 300_000 + ",1970,UA,,,suspect\n")
    done = cli("import", "persons", str(path), "--user", "inv")
    assert done.exit_code == 2
    assert "Traceback" not in done.output
    assert persons_in(cli) == 0


def test_many_rows_stream_through(cli) -> None:
    rows = "".join(f"Q{i},Person Number{i},1980,UA,,,suspect\n" for i in range(5000))
    done = cli("import", "persons", str(cli.file("many.csv", HEADER + rows)), "--user", "inv")
    assert done.exit_code == 0, done.output
    assert persons_in(cli) == 5000


def test_jsonl_and_xlsx(cli) -> None:
    lines = [
        json.dumps({"id": "J1", "full_name": "Ζωή Παπαδοπούλου", "nationality": "GR"}),
        json.dumps({"id": "J2", "first_name": "Somchai", "last_name": "Jaidee"}),
    ]
    done = cli(
        "import", "persons", str(cli.file("p.jsonl", "\n".join(lines) + "\n")), "--user", "inv"
    )
    assert done.exit_code == 0, done.output
    book = Workbook()
    sheet = book.active
    sheet.append(["id", "full_name", "date_of_birth"])
    sheet.append(["X1", "สมชาย ใจดี", "1985-02-03"])
    path = cli.tmp / "p.xlsx"
    book.save(path)
    done = cli("import", "persons", str(path), "--user", "inv")
    assert done.exit_code == 0, done.output
    assert persons_in(cli) == 3


def test_events_refer_to_imported_persons(cli) -> None:
    assert (
        cli(
            "import", "persons", str(cli.file("p.csv", HEADER + "".join(GOOD))), "--user", "inv"
        ).exit_code
        == 0
    )
    events = (
        "id,type,date,country,spouse_ids,status\n"
        "M1,marriage,2019-05,UA,P1;P3,suspected_bogus\n"
        "M2,marriage,2020,UA,P1;P404,recorded\n"
    )
    done = cli("import", "events", str(cli.file("e.csv", events)), "--user", "inv")
    assert done.exit_code == 2
    assert "line 3: spouse_ids" in done.stderr and "P404" in done.stderr


def test_import_needs_a_user_with_the_right_to_import(cli) -> None:
    path = cli.file("good.csv", HEADER + GOOD[0])
    anonymous = cli("import", "persons", str(path))
    assert anonymous.exit_code == 2 and "--user" in anonymous.stderr
    analyst = cli("import", "persons", str(path), "--user", "analyst")
    assert analyst.exit_code == 3


def test_a_review_date_in_the_past_is_a_row_error(cli) -> None:
    rows = "id,full_name,review_date\nP1,A B,2031-01-01\nP2,C D,2020-01-01\n"
    done = cli("import", "persons", str(cli.file("r.csv", rows)), "--user", "inv")
    assert done.exit_code == 2
    assert "line 3: review_date: '2020-01-01' is not in the future" in done.stderr


def test_documents_and_events_link_to_imported_persons(cli) -> None:
    assert (
        cli(
            "import", "persons", str(cli.file("p.csv", HEADER + "".join(GOOD))), "--user", "inv"
        ).exit_code
        == 0
    )
    docs = (
        "id,kind,issuing_country,number,status,holder_id\n"
        "D1,passport,UA,FB123456,forged,P1\n"
        "D2,identity_card,RO,RX998877,genuine,P2\n"
    )
    done = cli("import", "documents", str(cli.file("d.csv", docs)), "--user", "inv")
    assert done.exit_code == 0, done.output
    events = (
        "id,type,date,country,spouse_ids,status,person_id,direction,outcome\n"
        "M1,marriage,2019-05,UA,P1;P3,suspected_bogus,,,\n"
        "C1,crossing,2020-02-03,PL,,,P3,entry,illegal_entry\n"
    )
    done = cli("import", "events", str(cli.file("e.csv", events)), "--user", "inv")
    assert done.exit_code == 0, done.output
    engine = create_engine(normalize_database_url(cli.env["INTERLINK_DATABASE_URL"]))
    with engine.connect() as conn:
        kinds = dict(conn.execute(text("SELECT kind, count(*) FROM records GROUP BY kind")).all())
        holder_links = conn.execute(
            text(
                "SELECT count(*) FROM refs r JOIN records l ON l.id = r.record_id "
                "WHERE l.kind = 'link' AND r.field = 'source'"
            )
        ).scalar_one()
    engine.dispose()
    assert kinds["document"] == 2 and kinds["marriage"] == 1 and kinds["crossing"] == 1
    assert kinds["link"] == 2 and holder_links == 2
    found = cli("export", "documents", "--format", "ftm", "--purpose", "check", "--user", "analyst")
    assert found.exit_code == 0 and '"holder"' in found.stdout
