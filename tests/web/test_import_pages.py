"""The import page: upload, column mapping, progress, report and reject file."""

from __future__ import annotations

import io
import time

import openpyxl
from sqlalchemy import func, select

from interlink.access import Role
from interlink.access.accounts import get_user
from interlink.store.db import reading
from interlink.store.schema import audit_log, records
from interlink.web import import_jobs
from tests.web.conftest import csrf_of, new_client, sign_in

# The file's own column names; line 3 has a bad date of birth.
CSV_TEXT = (
    "Ref;Full Name;Born;Remarks\n"
    "p-1;Олег Петренко;1980-02-01;x\n"
    "p-2;Ivan Bad;31.02.1980;y\n"
    "p-3;Maria Kowalska;1991;z\n"
)
MAPPING = {"col-0": "id", "col-1": "full_name", "col-2": "date_of_birth", "col-3": ""}


def _upload(client, content: bytes, name: str = "people.csv", kind: str = "persons"):
    token = csrf_of(client.get("/import").text)
    return client.post(
        "/import",
        data={"csrf": token, "kind": kind},
        files={"file": (name, io.BytesIO(content), "application/octet-stream")},
    )


def _wait(client, job_url: str) -> str:
    for _ in range(200):
        fragment = client.get(job_url + "/status")
        assert fragment.status_code == 200
        if "hx-trigger" not in fragment.text:
            return client.get(job_url).text
        time.sleep(0.05)
    raise AssertionError("the import did not finish")


def _run(client, map_url: str, mapping: dict[str, str], skip_invalid: bool = False):
    page = client.get(map_url)
    data = {"csrf": csrf_of(page.text), **mapping}
    if skip_invalid:
        data["skip_invalid"] = "yes"
    return client.post(map_url.replace("/map", "/run"), data=data)


def _count(node, table=records) -> int:
    with reading(node.engine) as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _actions(node) -> list[str]:
    with reading(node.engine) as conn:
        return list(conn.execute(select(audit_log.c.action).order_by(audit_log.c.seq)).scalars())


def test_a_file_with_its_own_column_names_is_mapped_and_imported_skipping_a_bad_row(
    node, signed_in
):
    client = signed_in(Role.INVESTIGATOR)
    uploaded = _upload(client, CSV_TEXT.encode())
    assert uploaded.status_code == 303
    map_url = uploaded.headers["location"]
    page = client.get(map_url)
    assert page.status_code == 200
    assert '<label for="col-1">full name</label>' in page.text
    suggested = import_jobs.suggested("persons", ["ref", "full name", "born", "remarks"])
    assert suggested == {
        "ref": "id",
        "full name": "full_name",
        "born": "date_of_birth",
        "remarks": "",
    }
    started = _run(client, map_url, MAPPING, skip_invalid=True)
    assert started.status_code == 303
    job_url = started.headers["location"]
    report = _wait(client, job_url)
    assert "2 records imported." in report and "1 row was not." in report
    assert "<td>3</td>" in report and "born: " in report  # the user's line and column
    assert _count(node) == 2
    rejects = client.get(job_url + "/rejects")
    assert rejects.status_code == 200 and rejects.headers["content-type"].startswith("text/csv")
    assert "Ivan Bad" in rejects.text and rejects.text.startswith("line,errors")
    actions = _actions(node)
    assert "import" in actions and "import_mapping" in actions
    job = import_jobs.load(node, job_url.rsplit("/", 1)[1], client_user_id(node, client))
    assert job is not None
    assert not import_jobs.upload_path(node, job).exists()  # deleted after the run
    assert not import_jobs.mapped_path(node, job).exists()


def client_user_id(node, client) -> str:
    with reading(node.engine) as conn:
        user = get_user(conn, "investigator.ua-kyiv")
    assert user is not None
    return user.id


def test_without_skipping_nothing_is_imported_and_every_bad_row_is_listed(node, signed_in):
    client = signed_in(Role.INVESTIGATOR)
    map_url = _upload(client, CSV_TEXT.encode()).headers["location"]
    job_url = _run(client, map_url, MAPPING).headers["location"]
    report = _wait(client, job_url)
    assert "Nothing was imported" in report and "<td>3</td>" in report
    assert _count(node) == 0
    assert client.get(job_url + "/rejects").status_code == 404


def test_a_mapping_must_name_each_column_once_and_the_required_ones(node, signed_in):
    client = signed_in(Role.INVESTIGATOR)
    map_url = _upload(client, CSV_TEXT.encode()).headers["location"]
    twice = _run(client, map_url, {**MAPPING, "col-3": "full_name"})
    assert twice.status_code == 422 and 'id="col-3-error"' in twice.text
    no_id = _run(client, map_url, {**MAPPING, "col-0": ""})
    assert no_id.status_code == 422 and "missing column id" in no_id.text
    assert _count(node) == 0


def test_an_excel_file_with_the_import_column_names_is_imported_as_it_is(node, signed_in):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["id", "full_name", "nationality"])
    sheet.append(["x-1", "Anna Nowak", "PL"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    client = signed_in(Role.INVESTIGATOR)
    map_url = _upload(client, buffer.getvalue(), "people.xlsx").headers["location"]
    page = client.get(map_url)
    assert '<option value="nationality" title=' in page.text
    mapping = {"col-0": "id", "col-1": "full_name", "col-2": "nationality"}
    job_url = _run(client, map_url, mapping).headers["location"]
    assert "1 record imported." in _wait(client, job_url)
    assert "import_mapping" not in _actions(node)  # the upload itself was imported


def test_uploads_are_checked_for_size_format_and_kind(monkeypatch, signed_in):
    client = signed_in(Role.INVESTIGATOR)
    monkeypatch.setattr(import_jobs, "MAX_UPLOAD_BYTES", 50)
    too_big = _upload(client, CSV_TEXT.encode())
    assert too_big.status_code == 413 and "larger than" in too_big.text
    monkeypatch.setattr(import_jobs, "MAX_UPLOAD_BYTES", 1024 * 1024)
    wrong = _upload(client, b"MZ\x90\x00", "tool.exe")
    assert wrong.status_code == 422 and 'id="file-error"' in wrong.text
    no_kind = _upload(client, CSV_TEXT.encode(), kind="")
    assert no_kind.status_code == 422 and 'id="kind-error"' in no_kind.text
    not_utf8 = _upload(client, "id;full_name\n1;Jos\xe9\n".encode("latin-1"))
    assert not_utf8.status_code == 303  # the header is readable; the rows fail in the run


def test_imports_are_for_importing_roles_and_a_job_for_its_owner_only(node, people, signed_in):
    client = signed_in(Role.INVESTIGATOR)
    map_url = _upload(client, CSV_TEXT.encode()).headers["location"]
    assert client.post(map_url.replace("/map", "/run"), data=MAPPING).status_code == 403  # CSRF
    with new_client(node) as other:
        sign_in(other, people.actor(Role.INVESTIGATOR, "UA-LVIV").username)
        assert other.get(map_url).status_code == 404
        assert other.get(map_url.replace("/map", "/status")).status_code == 404
    with new_client(node) as analyst:
        sign_in(analyst, people.actor(Role.ANALYST).username)
        assert analyst.get("/import").status_code == 403
        assert 'href="/import"' not in analyst.get("/").text
    assert 'href="/import"' in client.get("/").text
    cancelled = client.post(
        map_url.replace("/map", "/cancel"), data={"csrf": csrf_of(client.get(map_url).text)}
    )
    assert cancelled.status_code == 303 and client.get(map_url).status_code == 404
