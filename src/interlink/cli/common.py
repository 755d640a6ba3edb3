"""What every command shares: the node, the acting user, and clean failure.

Exit codes: 0 done, 1 failure of the system (with an incident id, details in the log),
2 bad input (the message names the field and line), 3 not allowed. One command gives 1 a
meaning of its own, as its issue asks: `mrz check` exits 1 when an MRZ parses but a check
fails.
"""

from __future__ import annotations

import logging
import os
import sys
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import wraps
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy.exc import OperationalError

from interlink.access.accounts import AccountError, get_user
from interlink.access.roles import Actor
from interlink.node import Node, open_node
from interlink.records.errors import Forbidden, NotFound, RecordError
from interlink.settings import Settings
from interlink.store.db import reading

console = Console(stderr=True)
out = Console()
log = logging.getLogger("interlink.cli")

# Commands that touch personal data act as a named user: their rights and their name.
User = Annotated[str | None, typer.Option("--user", help="Act as this user (or INTERLINK_USER).")]

EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
EXIT_NOT_ALLOWED = 3

_state: dict[str, Any] = {}


def set_database(url: str | None) -> None:
    """Called once per command line: a fresh node for each (tests run many in one process)."""
    _state.clear()
    _state["db"] = url


def node() -> Node:
    if "node" not in _state:
        overrides = {"database_url": _state["db"]} if _state.get("db") else {}
        try:
            settings = Settings(**overrides)
        except ValidationError as exc:
            fail(f"configuration: {exc.errors()[0]['loc'][0]}: {exc.errors()[0]['msg']}")
        _state["node"] = open_node(settings)
    node_: Node = _state["node"]
    return node_


def fail(message: str, code: int = EXIT_BAD_INPUT) -> NoReturn:
    console.print(f"[red]error:[/red] {message}", highlight=False, markup=True)
    raise typer.Exit(code)


def acting_user(username: str | None) -> Actor:
    """The named user whose rights and name the command works under."""
    name = username or os.environ.get("INTERLINK_USER")
    if not name:
        fail("name the user you act as: --user NAME (or INTERLINK_USER)")
    with reading(node().engine) as conn:
        user = get_user(conn, name)
    if user is None or not user.active:
        fail(f"--user: no active user '{name}'")
    return user.actor()


F = TypeVar("F", bound=Callable[..., Any])


def friendly(func: F) -> F:
    """Turn known errors into messages and exit codes; never show a stack trace."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except (Forbidden, NotFound) as exc:
            fail(exc.message, EXIT_NOT_ALLOWED)
        except RecordError as exc:
            fail(exc.message)
        except AccountError as exc:
            fail(str(exc))
        except OperationalError as exc:
            log.debug("database error", exc_info=exc)
            fail(
                f"cannot reach the database ({type(exc.orig).__name__}); check "
                "INTERLINK_DATABASE_URL / --db and that `interlink init` was run",
                EXIT_FAILURE,
            )
        except Exception as exc:
            incident = uuid.uuid4().hex[:12]
            logging.getLogger("interlink").error("incident %s", incident, exc_info=exc)
            if os.environ.get("INTERLINK_DEBUG"):
                raise
            fail(
                f"internal error (incident {incident}); run with INTERLINK_DEBUG=1 for details",
                EXIT_FAILURE,
            )

    return wrapper  # type: ignore[return-value]


@contextmanager
def row_progress(what: str) -> Iterator[Callable[[int], None]]:
    """A progress line for work on rows of a file: yields a function taking the rows done."""
    with Progress(
        TextColumn(what),
        BarColumn(),
        TextColumn("{task.completed:,} rows"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task(what, total=None)
        yield lambda done: bar.update(task, completed=done)


def print_row_errors(errors: Iterable[Any], rejected: int) -> None:
    """Every listed bad row of an import, one line per field, then how many more there were."""
    listed = 0
    for err in errors:
        listed += 1
        for field_error in err.errors:
            console.print(
                f"line {err.line}: {field_error.field}: {field_error.message}",
                highlight=False,
                markup=False,
            )
    if rejected > listed:
        console.print(f"… and {rejected - listed} more bad rows")


def print_malformed(issues: Mapping[str, int]) -> None:
    """What a batch or a search left out of the comparison, by field (never fatal)."""
    for column, count in sorted(issues.items()):
        console.print(
            f"{column}: {count} malformed value{'s' if count != 1 else ''} "
            "(compared as far as usable)",
            highlight=False,
            markup=False,
        )


def read_password(from_stdin: bool, prompt: str = "Password") -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt(prompt, hide_input=True, confirmation_prompt=True)
    return password
