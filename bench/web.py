"""Web pages benchmark: server time of the search page and the person page at scale.

Reuses the node that ``bench/search.py`` builds (``bench/out/search-<N>/``: an Interlink
SQLite data directory with the user ``bench``, investigator of ``XX-BENCH``) when it exists;
otherwise builds ``bench/out/web-<N>/`` by importing ``N`` generated persons
(``synthetic.people.person_rows``). Then it starts the app — a real uvicorn on 127.0.0.1 by
default, or in process with Starlette's TestClient (``--server testclient``) — signs in
through the form, and times:

- the search page: ``POST /search`` with the name of a stored person (the identity engine,
  ``identity.search``; the session's purpose stated on the first request, untimed);
- the person page: ``GET /persons/{id}`` of a random stored person (the record, its names,
  linked records, possible duplicates and decisions).

- the create form round trip (issue 5's record forms): ``GET /records/new/link?...`` of a
  stored person (the form, with the person's label read) and ``POST`` of the link to an
  organization (validation by the model, ``records.create`` with its reference checks and
  audit entry, the redirect); compared in the same run with what a script would do
  instead, ``POST /api/links`` with a bearer token (the same service call, no form).

Each request is timed from sending it to the last byte of the answer, over loopback; the
first ``--warmup`` requests of each page are not counted. Prints p50/p95/max in ms.

    .venv/bin/python bench/web.py [--persons 1000000] [--requests 300] [--server uvicorn]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from sqlalchemy import text

from interlink.access.accounts import add_user, ensure_unit, get_user
from interlink.access.roles import Role
from interlink.api.app import create_app
from interlink.node import Node
from interlink.settings import Settings
from interlink.store.db import reading, transaction
from interlink.store.migrate import upgrade
from interlink.synthetic.people import CSV_COLUMNS, person_rows
from interlink.transfer import importer

OUT = Path(__file__).with_name("out")
USER, PASSWORD, UNIT = "bench", "benchmark password 1", "XX-BENCH"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')
TARGET_P95_MS = 150.0
Call = Callable[[], httpx.Response]


def _name(row: dict[str, str]) -> str:
    return row.get("full_name") or " ".join(
        row[c] for c in ("first_name", "middle_name", "last_name") if row.get(c)
    )


def build(folder: Path, persons: int, seed: int) -> None:
    """A new node of ``persons`` generated persons (only when no node exists to reuse)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "persons.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(CSV_COLUMNS))
        writer.writeheader()
        writer.writerows(person_rows(persons, seed=seed))
    node = Node(Settings(data_dir=folder))
    upgrade(node.engine)
    with transaction(node.engine) as conn:
        ensure_unit(conn, UNIT, "Benchmark unit", "UA")
        user = get_user(conn, USER) or add_user(conn, USER, Role.INVESTIGATOR, UNIT, PASSWORD)
    start = time.perf_counter()
    report = importer.import_file(node, user.actor(), "persons", path)
    print(f"built {folder}: {report.imported:,} persons in {time.perf_counter() - start:.0f} s")
    node.engine.dispose()


def sample_names(path: Path, n: int, rng: random.Random) -> list[str]:
    """``n`` names of the import file (reservoir sample): names that are in the database."""
    chosen: list[str] = []
    with open(path, newline="", encoding="utf-8") as handle:
        for i, row in enumerate(csv.DictReader(handle)):
            name = _name(row)
            if not name:
                continue
            if len(chosen) < n:
                chosen.append(name)
            else:
                j = rng.randrange(i + 1)
                if j < n:
                    chosen[j] = name
    return chosen


def sample_person_ids(node: Node, n: int, rng: random.Random) -> list[str]:
    """``n`` random person ids, by random SQLite row numbers (ids are time-ordered UUIDs)."""
    ids: list[str] = []
    with reading(node.engine) as conn:
        low, high = conn.execute(text("SELECT min(rowid), max(rowid) FROM records")).one()
        while len(ids) < n:
            found = conn.execute(
                text("SELECT id FROM records WHERE rowid = :r AND kind = 'person'"),
                {"r": rng.randint(low, high)},
            ).scalar()
            if found is not None:
                ids.append(str(uuid.UUID(str(found))))
    return ids


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(node: Node, how: str) -> Iterator[httpx.Client]:
    app = create_app(node=node)
    if how == "testclient":
        from fastapi.testclient import TestClient

        with TestClient(app, base_url="http://127.0.0.1", follow_redirects=False) as client:
            yield client
        return
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", follow_redirects=False) as client:
            yield client
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    if not found:
        raise RuntimeError("no CSRF token in the page")
    return found.group(1)


def sign_in(client: httpx.Client) -> None:
    page = client.get("/sign-in")
    answer = client.post(
        "/sign-in",
        data={"csrf": csrf_of(page.text), "username": USER, "password": PASSWORD, "next": "/"},
    )
    if answer.status_code != 303:
        raise RuntimeError(f"sign-in failed ({answer.status_code})")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def timed(label: str, calls: list[Call], warmup: int, expect: re.Pattern[str]) -> list[float]:
    """Time each call; each answer must be a 200 page matching ``expect`` (a real result)."""
    times: list[float] = []
    answered = 0
    for i, call in enumerate(calls):
        start = time.perf_counter()
        response = call()
        took = (time.perf_counter() - start) * 1000
        if response.status_code != 200:
            raise RuntimeError(f"{label}: status {response.status_code}")
        answered += bool(expect.search(response.text))
        if i >= warmup:
            times.append(took)
    p50, p95 = percentile(times, 0.5), percentile(times, 0.95)
    verdict = "met" if p95 <= TARGET_P95_MS else "NOT met"
    print(
        f"{label:<13} {len(times):>5} requests  p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  "
        f"max {max(times):7.1f} ms  (target p95 <= {TARGET_P95_MS:.0f} ms: {verdict}); "
        f"{answered}/{len(calls)} pages with {expect.pattern!r}"
    )
    return times


def form_round_trips(client: httpx.Client, person_ids: list[str], warmup: int) -> None:
    """Link each person to an organization through the web form (GET the form, POST it) and,
    for comparison, through the API (one POST /api/links); both must create the link."""
    form = client.get("/records/new/organization")
    made = client.post(
        "/records/new/organization",
        data={"csrf": csrf_of(form.text), "names": "Benchmark agency", "prov-reliability": "X"},
    )
    if made.status_code != 303:
        raise RuntimeError(f"creating the organization failed ({made.status_code})")
    org = made.headers["location"].split("/")[2].split("?")[0]
    api_token = client.post("/api/token", data={"username": USER, "password": PASSWORD})
    bearer = {"Authorization": f"Bearer {api_token.json()['access_token']}"}
    web: list[float] = []
    api: list[float] = []
    for i, person in enumerate(person_ids):
        start = time.perf_counter()
        page = client.get(f"/records/new/link?link_kind=person_organization&source={person}")
        answer = client.post(
            "/records/new/link",
            data={
                "csrf": csrf_of(page.text),
                "link_kind": "person_organization",
                "source": person,
                "target": org,
                "role": "member",
            },
        )
        took = (time.perf_counter() - start) * 1000
        if page.status_code != 200 or answer.status_code != 303:
            raise RuntimeError(f"form round trip: {page.status_code}, {answer.status_code}")
        start = time.perf_counter()
        direct = client.post(
            "/api/links",
            headers=bearer,
            json={
                "facts": {
                    "link_kind": "person_organization",
                    "source": person,
                    "target": org,
                    "role": "member",
                },
                "provenance": {},
            },
        )
        took_api = (time.perf_counter() - start) * 1000
        if direct.status_code != 201:
            raise RuntimeError(f"POST /api/links: {direct.status_code} {direct.text[:200]}")
        if i >= warmup:
            web.append(took)
            api.append(took_api)
    for label, times in (("link form", web), ("POST /api", api)):
        print(
            f"{label:<13} {len(times):>5} round trips  p50 {percentile(times, 0.5):7.1f} ms  "
            f"p95 {percentile(times, 0.95):7.1f} ms  max {max(times):7.1f} ms"
        )
    ratio = percentile(web, 0.5) / percentile(api, 0.5)
    print(f"form round trip / API call (p50): {ratio:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=300, help="timed requests per page")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--server", choices=("uvicorn", "testclient"), default="uvicorn")
    args = parser.parse_args()

    reused = OUT / f"search-{args.persons}"
    folder = reused if (reused / "interlink.db").exists() else OUT / f"web-{args.persons}"
    if not (folder / "interlink.db").exists():
        build(folder, args.persons, args.seed)
    else:
        print(f"reusing the node in {folder}")
    node = Node(Settings(data_dir=folder))
    with reading(node.engine) as conn:
        if get_user(conn, USER) is None:
            raise SystemExit(f"{folder} has no user '{USER}'")
        persons = conn.execute(text("SELECT count(*) FROM records WHERE kind = 'person'")).scalar()
    print(f"{persons:,} persons in the database; server: {args.server}")

    rng = random.Random(args.seed)
    n = args.requests + args.warmup
    names = sample_names(folder / "persons.csv", n, rng)
    ids = sample_person_ids(node, n, rng)
    with serve(node, args.server) as client:
        sign_in(client)
        first = client.get("/search")
        token = csrf_of(first.text)
        stated = client.post("/search", data={"csrf": token, "purpose": "benchmark", "q": names[0]})
        if stated.status_code != 200:
            raise RuntimeError(f"the first search failed ({stated.status_code})")

        def search_call(name: str) -> Call:
            return lambda: client.post("/search", data={"csrf": token, "q": name})

        def person_call(record_id: str) -> Call:
            return lambda: client.get(f"/persons/{record_id}")

        found = re.compile(r"[1-9]\d* persons? found")
        named = re.compile(r"<h1[^>]*>[^<]+")
        timed("search page", [search_call(x) for x in names], args.warmup, found)
        timed("person page", [person_call(x) for x in ids], args.warmup, named)
        form_round_trips(client, ids, args.warmup)
    node.engine.dispose()


if __name__ == "__main__":
    main()
