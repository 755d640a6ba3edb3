"""`interlink identity decide | undo | decisions`: records by id or external reference,
JSON out, exit 2 on bad input and 3 when not found or not allowed, never a stack trace."""

from __future__ import annotations

import json

PERSONS = """id,full_name,date_of_birth,handling_code
P-1,Олег Петренко,1974-08-12,H2
P-2,"PETRENKO, Oleg",1974-08-12,H2
P-3,Maria Popescu,1990-01-02,H2
"""
WHY = "same passport number"


def _import(cli, user: str = "inv", name: str = "persons.csv", text: str = PERSONS) -> None:
    done = cli("import", "persons", str(cli.file(name, text)), "--user", user)
    assert done.exit_code == 0, done.output


def _no_trace(done) -> None:
    assert "Traceback" not in done.output
    assert isinstance(done.exception, SystemExit)


def test_decide_list_and_undo_by_external_reference(cli) -> None:
    _import(cli)
    made = cli("identity", "decide", "P-1", "P-2", "--same", "--reason", WHY, "--user", "inv")
    assert made.exit_code == 0, made.output
    decision = json.loads(made.stdout)
    assert decision["verdict"] == "same" and decision["active"] is True
    assert decision["reason"] == WHY
    listed = cli("identity", "decisions", "P-2", "--user", "inv")
    assert listed.exit_code == 0, listed.output
    assert json.loads(listed.stdout) == [decision]
    by_id = cli("identity", "decisions", decision["left_id"], "--user", "inv")
    assert json.loads(by_id.stdout) == [decision]
    replaced = cli(
        "identity", "decide", "P-2", "P-1", "--different", "--reason", "DNA", "--user", "sup"
    )
    assert replaced.exit_code == 0, replaced.output
    newer = json.loads(replaced.stdout)
    assert newer["verdict"] == "different"
    undone = cli("identity", "undo", newer["id"], "--reason", "wrong file", "--user", "inv")
    assert undone.exit_code == 0, undone.output
    assert json.loads(undone.stdout)["undo_reason"] == "wrong file"
    assert json.loads(cli("identity", "decisions", "P-1", "--user", "inv").stdout) == []
    again = cli("identity", "undo", newer["id"], "--reason", "wrong file", "--user", "inv")
    assert again.exit_code == 2 and "undone already" in again.stderr


def test_bad_input_exits_2_with_a_message(cli) -> None:
    _import(cli)
    for args, message in (
        (["P-1", "P-2", "--reason", WHY], "--same or --different"),
        (["P-1", "P-2", "--same", "--different", "--reason", WHY], "--same or --different"),
        (["P-1", "P-2", "--same"], "--reason"),
        (["P-1", "P-2", "--same", "--reason", "ok"], "--reason"),
        (["P-1", "P-1", "--same", "--reason", WHY], "the same record"),
    ):
        done = cli("identity", "decide", *args, "--user", "inv")
        assert done.exit_code == 2, (args, done.output)
        assert message in done.stderr, (args, done.stderr)
        _no_trace(done)
    done = cli("identity", "undo", "0190c6a0-0000-7000-8000-000000000000", "--user", "inv")
    assert done.exit_code == 2 and "--reason" in done.stderr
    done = cli("identity", "decide", "P-1", "P-2", "--same", "--reason", WHY)
    assert done.exit_code == 2 and "--user" in done.stderr


def test_not_found_or_not_allowed_exits_3(cli) -> None:
    _import(cli)
    _import(cli, "lviv", "lviv.csv", "id,full_name,handling_code\nL-1,Ivan Kovalenko,H2\n")
    for args in (
        ["P-1", "NO-SUCH", "--same"],
        ["P-1", "L-1", "--same"],  # Lviv's record, not shared
    ):
        done = cli("identity", "decide", *args, "--reason", WHY, "--user", "inv")
        assert done.exit_code == 3, (args, done.output)
        assert f"no person '{args[1]}'" in done.stderr
        _no_trace(done)
    done = cli("identity", "decide", "P-1", "P-2", "--same", "--reason", WHY, "--user", "analyst")
    assert done.exit_code == 3 and "may not decide" in done.stderr
    done = cli("identity", "decisions", "P-1", "--user", "lviv")
    assert done.exit_code == 3 and "no person 'P-1'" in done.stderr
    done = cli(
        "identity", "undo", "0190c6a0-0000-7000-8000-000000000000", "--reason", WHY, "--user", "inv"
    )
    assert done.exit_code == 3 and "no decision" in done.stderr
