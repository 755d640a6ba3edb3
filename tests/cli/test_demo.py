"""`interlink demo`: generated data for several countries, loaded once, usable at once."""

from __future__ import annotations

import json

from sqlalchemy import create_engine, text

from interlink.settings import normalize_database_url


def test_demo_loads_every_kind_once_and_users_can_sign_in(cli) -> None:
    done = cli("demo", "--persons", "200", "--countries", "3", "--no-serve")
    assert done.exit_code == 0, done.output
    assert "demo data loaded" in done.stdout and "ua.investigator" in done.stdout
    again = cli("demo", "--persons", "200", "--countries", "3", "--no-serve")
    assert again.exit_code == 0 and "nothing added" in again.stdout
    engine = create_engine(normalize_database_url(cli.env["INTERLINK_DATABASE_URL"]))
    with engine.connect() as conn:
        kinds = dict(conn.execute(text("SELECT kind, count(*) FROM records GROUP BY kind")).all())
        persons = [
            r[0]
            for r in conn.execute(text("SELECT facts FROM records WHERE kind = 'person'")).all()
        ]
    engine.dispose()
    for kind in (
        "person",
        "organization",
        "document",
        "marriage",
        "crossing",
        "incident",
        "case",
        "link",
        "phone",
        "address",
    ):
        assert kinds.get(kind, 0) > 0, kind
    assert kinds["person"] >= 150
    scripts = {
        name["script"]
        for facts in persons
        for name in (facts if isinstance(facts, dict) else json.loads(facts))["names"]
    }
    assert {"Latn", "Cyrl"} <= scripts and len(scripts) >= 3
    search = cli("export", "persons", "--purpose", "demo check", "--user", "ua.analyst")
    assert search.exit_code == 0 and search.stdout.count("\n") > 10
    assert cli("audit", "verify").exit_code == 0
