"""`interlink agencies`: the directory of welfare agencies (victim protection, issue 7)."""

from __future__ import annotations

from typing import Annotated

import typer

from interlink import protection
from interlink.cli.common import User, acting_user, fail, friendly, node, out
from interlink.protection.agencies import Service

agencies_app = typer.Typer(help="Welfare agencies victims are referred to.", no_args_is_help=True)


@agencies_app.command("add")
@friendly
def agencies_add(
    code: Annotated[str, typer.Argument(help="The agency's own unit code, e.g. UA-WELFARE-KYIV.")],
    name: Annotated[str, typer.Option(help="The agency's name.")],
    area: Annotated[str, typer.Option(help="Where it works.")],
    contact: Annotated[str, typer.Option(help="How the police reach it (desk, phone).")],
    service: Annotated[
        list[str], typer.Option(help=f"A service it offers; repeat. One of: {', '.join(Service)}.")
    ],
    user: User = None,
) -> None:
    """Add an agency (and its unit, to which its welfare officers belong)."""
    services = []
    for s in service:
        try:
            services.append(Service(s))
        except ValueError:
            fail(f"--service: '{s}' is not one of {', '.join(Service)}")
    agency = protection.agencies.add(
        node(),
        acting_user(user),
        code=code,
        name=name,
        services=services,
        area=area,
        contact=contact,
    )
    out.print(f"agency {agency.unit_code} added", highlight=False)


@agencies_app.command("list")
@friendly
def agencies_list() -> None:
    """List the agencies: code, name, services, area, contact (tab-separated)."""
    found = protection.agencies.list_all(node())
    for a in found:
        typer.echo(f"{a.unit_code}\t{a.name}\t{','.join(a.services)}\t{a.area}\t{a.contact}")
    out.print(f"{len(found)} agency(ies)", highlight=False)
