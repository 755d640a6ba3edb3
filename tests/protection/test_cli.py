"""`interlink agencies add|list` as an administrator uses them; bad input exits 2."""

from __future__ import annotations

from tests.cli.conftest import cli  # noqa: F401  (the fixture: a fresh node per database)


def test_add_and_list_agencies(cli) -> None:  # noqa: F811
    done = cli(
        "users", "add", "admin", "--role", "administrator", "--unit", "UA-KYIV",
        "--password-stdin", input="cli-password-123\n",
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    args = ["--name", "Welfare Kyiv", "--area", "Kyiv", "--contact", "duty desk"]
    done = cli(
        "agencies", "add", "UA-WELFARE-KYIV", *args,
        "--service", "shelter", "--service", "legal", "--user", "admin",
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    listed = cli("agencies", "list")
    assert listed.exit_code == 0
    assert "UA-WELFARE-KYIV\tWelfare Kyiv\tlegal,shelter\tKyiv\tduty desk" in listed.stdout
    bad = cli("agencies", "add", "UA-W2", *args, "--service", "spa", "--user", "admin")
    assert bad.exit_code == 2 and "--service" in bad.output
    refused = cli("agencies", "add", "UA-W3", *args, "--service", "shelter", "--user", "inv")
    assert refused.exit_code != 0 and "manage_agencies" in refused.output
    again = cli("agencies", "add", "UA-KYIV", *args, "--service", "shelter", "--user", "admin")
    assert again.exit_code != 0 and "exists already" in again.output
