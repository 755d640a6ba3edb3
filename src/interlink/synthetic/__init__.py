"""Generated, deterministic fake data for the demo, the tests and the benchmarks.

Nothing here is real personal data: names are drawn from lists of common names, numbers
and addresses are assembled at random, e-mail domains are reserved (``.example``).
"""

from interlink.synthetic.names import COUNTRIES, CountryNames, Name, country_names
from interlink.synthetic.people import (
    CSV_COLUMNS,
    REFERENCE_DATE,
    IdentityFactory,
    PersonIdentity,
    labelled_person_rows,
    person_rows,
)
from interlink.synthetic.places import Address, CountryProfile, PhoneNumber, profile
from interlink.synthetic.world import (
    USER_ROLES,
    WORLD_COUNTRIES,
    DemoRecord,
    demo_units,
    demo_users,
    demo_world,
)

__all__ = [
    "COUNTRIES",
    "CSV_COLUMNS",
    "REFERENCE_DATE",
    "USER_ROLES",
    "WORLD_COUNTRIES",
    "Address",
    "CountryNames",
    "CountryProfile",
    "DemoRecord",
    "IdentityFactory",
    "Name",
    "PersonIdentity",
    "PhoneNumber",
    "country_names",
    "demo_units",
    "demo_users",
    "demo_world",
    "labelled_person_rows",
    "person_rows",
    "profile",
]
