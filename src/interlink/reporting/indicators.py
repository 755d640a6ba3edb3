"""The indicators: each declared once here, counted the same way at every level.

docs/statistics.md is generated from these declarations (``interlink.reporting.docs``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime

from interlink.domain import codes
from interlink.reporting.registry import (
    MULTIPLE,
    NONE,
    UNKNOWN,
    Dimension,
    Fact,
    Rate,
    Relation,
    Side,
    indicator,
    one_of,
    relate,
)
from interlink.reporting.snapshot import Snapshot, first_day, last_day
from interlink.store.reporting import CountedRecord


def _values(enum: Iterable[codes.StrEnum], *extra: str) -> tuple[str, ...]:
    return (*(e.value for e in enum), *extra)


ROLE = Dimension("role", "Role", _values(codes.PersonRole))
CATEGORY = Dimension(
    "category", "Activity category", _values(codes.ActivityCategory, MULTIPLE, NONE)
)
SEX = Dimension("sex", "Sex", _values(codes.Gender))
AGE_BANDS = ("0-11", "12-17", "18-29", "30-49", "50+")
AGE = Dimension("age_band", "Age band", (*AGE_BANDS, UNKNOWN))
FORM = Dimension("form", "Form of exploitation", _values(codes.ExploitationForm, MULTIPLE, UNKNOWN))
NETWORK_ROLE = Dimension(
    "network_role",
    "Role in the network",
    (
        *(
            r.value
            for r in (
                codes.LinkRole.RECRUITER,
                codes.LinkRole.TRANSPORTER,
                codes.LinkRole.BROKER,
                codes.LinkRole.EXPLOITER,
                codes.LinkRole.FINANCIER,
                codes.LinkRole.DOCUMENT_FORGER,
                codes.LinkRole.MEMBER,
                codes.LinkRole.OTHER,
            )
        ),
        MULTIPLE,
        NONE,
    ),
)
ORIGIN = Dimension("origin", "Country of origin")
TRANSIT = Dimension("transit", "Country of transit")
EXPLOITATION = Dimension("exploitation", "Country of exploitation")
MARRIAGE_STATUS = Dimension("status", "Status of the marriage", _values(codes.MarriageStatus))
COUNTRY = Dimension("country", "Country")
DIRECTION = Dimension("direction", "Direction", _values(codes.CrossingDirection))
OUTCOME = Dimension("outcome", "Outcome", _values(codes.CrossingOutcome))
DOCUMENT_STATUS = Dimension("status", "Status of the document", _values(codes.DocumentStatus))
DOCUMENT_KIND = Dimension("document_kind", "Kind of document", _values(codes.DocumentKind))
CASE_STATUS = Dimension("status", "Status of the case", _values(codes.CaseStatus))
PRIORITY = Dimension("priority", "Priority", _values(codes.CasePriority))
VICTIM_ROLES = frozenset({codes.PersonRole.VICTIM.value, codes.PersonRole.POSSIBLE_VICTIM.value})
SUSPECT_ROLES = frozenset({codes.PersonRole.SUSPECT.value, codes.PersonRole.CONVICTED.value})


def recorded(rec: CountedRecord) -> date:
    return rec.recorded_at.date()


def age_band(birth: str | None, on: date) -> str:
    """The age band at ``on``; ``unknown`` if a partial birth date leaves two bands open."""
    earliest, latest = first_day(birth), last_day(birth)
    if earliest is None or latest is None or latest > on:
        return UNKNOWN
    bands = {_band(_age(latest, on)), _band(_age(earliest, on))}
    return bands.pop() if len(bands) == 1 else UNKNOWN


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _band(age: int) -> str:
    for limit, band in ((12, "0-11"), (18, "12-17"), (30, "18-29"), (50, "30-49")):
        if age < limit:
            return band
    return "50+"


@indicator(
    name="persons",
    title="Persons by role and activity category",
    counts="persons",
    dated_by="the day the person's record was registered",
    kinds=("person",),
    dimensions=(ROLE, CATEGORY),
    views=(("role", "category"),),
)
def persons(snap: Snapshot) -> Iterator[Fact]:
    """Every person record, by the role recorded for the person and the activity category
    (a person with several categories is counted once, under 'multiple')."""
    for rec in snap.records("person"):
        f = rec.facts
        yield Fact(
            rec.unit, recorded(rec), (f.get("role", "suspect"), one_of(f.get("categories", [])))
        )


def _victims(snap: Snapshot) -> Iterator[tuple[CountedRecord, list[CountedRecord], date]]:
    """Each victim with the incidents they were exploited in and the day that dates them."""
    for rec in snap.records("person"):
        incidents = snap.incidents_of_victim.get(rec.id, [])
        if rec.facts.get("role") not in VICTIM_ROLES and not incidents:
            continue
        starts = [d for d in (first_day(i.facts.get("start")) for i in incidents) if d]
        yield rec, incidents, min(starts) if starts else recorded(rec)


@indicator(
    name="victims",
    title="Victims by sex, age band and form of exploitation (SDG 16.2.2)",
    counts="victims",
    dated_by="the start of the first incident the person was a victim in (else registration)",
    kinds=("person", "incident"),
    dimensions=(SEX, AGE, FORM),
    views=(("sex", "age_band"), ("form",)),
)
def victims(snap: Snapshot) -> Iterator[Fact]:
    """Detected victims of trafficking as SDG indicator 16.2.2 counts them: persons recorded
    as victims or possible victims, or named as victims of an exploitation incident, each
    counted once, by sex, age at the start of their first incident (bands 0-11, 12-17,
    18-29, 30-49, 50+; 'unknown' when the birth date is missing or too partial to place the
    person in one band) and form of exploitation over all their incidents ('multiple' when
    several, 'unknown' when none is recorded)."""
    for rec, incidents, on in _victims(snap):
        forms = [form for i in incidents for form in i.facts.get("forms", [])]
        yield Fact(
            rec.unit,
            on,
            (
                rec.facts.get("gender", "unknown"),
                age_band(rec.facts.get("birth_date"), on),
                one_of(forms, empty=UNKNOWN),
            ),
        )


@indicator(
    name="suspects",
    title="Suspects by activity category and role in the network",
    counts="suspects",
    dated_by="the day the person's record was registered",
    kinds=("person", "link"),
    dimensions=(CATEGORY, NETWORK_ROLE),
    views=(("category", "network_role"),),
)
def suspects(snap: Snapshot) -> Iterator[Fact]:
    """Persons recorded as suspects or convicted, by activity category and by their role in
    organizations (person–organization links: recruiter, transporter, exploiter, …;
    'multiple' when several, 'none' when linked to no organization)."""
    roles = snap.network_roles
    for rec in snap.records("person"):
        if rec.facts.get("role", "suspect") not in SUSPECT_ROLES:
            continue
        yield Fact(
            rec.unit,
            recorded(rec),
            (one_of(rec.facts.get("categories", [])), one_of(roles.get(rec.id, ()))),
        )


@indicator(
    name="routes",
    title="Routes of victims: country of origin, transit and exploitation",
    counts="victims",
    dated_by="the start of the victim's first incident",
    kinds=("person", "incident", "crossing"),
    dimensions=(ORIGIN, TRANSIT, EXPLOITATION),
    views=(("origin", "exploitation"), ("transit",)),
)
def routes(snap: Snapshot) -> Iterator[Fact]:
    """Victims of exploitation incidents by route: origin is the country of birth (else the
    first nationality), exploitation the country of their first incident, transit the
    countries of their recorded border crossings other than those two ('none' or
    'multiple')."""
    for rec, incidents, on in _victims(snap):
        if not incidents:
            continue
        first = min(incidents, key=lambda i: (first_day(i.facts.get("start")) or date.max, i.id))
        origin = rec.facts.get("birth_country") or next(
            iter(rec.facts.get("nationalities", [])), None
        )
        exploited = first.facts.get("country") or UNKNOWN
        crossed = {str(c.facts.get("country")) for c in snap.crossings_of.get(rec.id, [])}
        transit = one_of(crossed - {origin, exploited})
        yield Fact(rec.unit, on, (origin or UNKNOWN, transit, exploited))


@indicator(
    name="marriages",
    title="Marriages by status (flagged as bogus or illegal) and country",
    counts="marriages",
    dated_by="the date of the marriage (else registration)",
    kinds=("marriage",),
    dimensions=(MARRIAGE_STATUS, COUNTRY),
    views=(("status",), ("country",)),
)
def marriages(snap: Snapshot) -> Iterator[Fact]:
    """Marriage records by status (recorded, suspected or confirmed bogus or illegal) and the
    country where the marriage took place."""
    for rec in snap.records("marriage"):
        f = rec.facts
        on = first_day(f.get("date")) or recorded(rec)
        yield Fact(rec.unit, on, (f.get("status", "recorded"), f.get("country") or UNKNOWN))


@indicator(
    name="crossings",
    title="Border crossings by outcome, direction and country",
    counts="crossings",
    dated_by="the date of the crossing (else registration)",
    kinds=("crossing",),
    dimensions=(OUTCOME, DIRECTION, COUNTRY),
    views=(("outcome", "direction"), ("country",)),
)
def crossings(snap: Snapshot) -> Iterator[Fact]:
    """Border-crossing records by outcome (lawful, illegal entry, attempted), direction and
    the country whose border was crossed."""
    for rec in snap.records("crossing"):
        f = rec.facts
        on = first_day(f.get("date")) or recorded(rec)
        yield Fact(
            rec.unit,
            on,
            (f.get("outcome", "lawful"), f.get("direction", "entry"), f.get("country") or UNKNOWN),
        )


@indicator(
    name="documents",
    title="Travel and identity documents by status and kind",
    counts="documents",
    dated_by="the day the document was registered (when it was found or flagged; its issue "
    "date says nothing of the offence)",
    kinds=("document",),
    dimensions=(DOCUMENT_STATUS, DOCUMENT_KIND),
)
def documents(snap: Snapshot) -> Iterator[Fact]:
    """Document records by status (forged, counterfeit, fraudulently obtained, stolen blank,
    lost, stolen, revoked flag a document) and kind."""
    for rec in snap.records("document"):
        f = rec.facts
        yield Fact(
            rec.unit,
            recorded(rec),
            (f.get("status", "unknown"), f.get("document_kind", "passport")),
        )


@indicator(
    name="cases",
    title="Cases by status and priority",
    counts="cases",
    dated_by="the day the case was opened (its registration: a case has no other opening date)",
    kinds=("case",),
    dimensions=(CASE_STATUS, PRIORITY),
)
def cases(snap: Snapshot) -> Iterator[Fact]:
    """Case records by status and priority (cases involving children are urgent)."""
    for rec in snap.records("case"):
        f = rec.facts
        yield Fact(rec.unit, recorded(rec), (f.get("status", "open"), f.get("priority", "normal")))


# -- indicators over other areas' tables (protection, media, exchange) -------------------

NATIONAL = ""  # facts of the node as a whole: in national figures, in no unit's
REFERRAL_STATE = Dimension(
    "state",
    "State of the referral",
    ("identified", "referred", "accepted", "declined", "support_under_way", "closed"),
)
CHILD = Dimension("child", "Child or adult", ("child", "adult"))
TIME_BANDS = ("0-7 days", "8-30 days", "31-90 days", "91+ days")
TIME = Dimension("time", "Time from referral to its present state", TIME_BANDS)


def _time_band(start: datetime, end: datetime) -> str:
    days = (end - start).days
    for limit, band in zip((8, 31, 91), TIME_BANDS, strict=False):
        if days < limit:
            return band
    return TIME_BANDS[-1]


@indicator(
    name="referrals",
    title="Referrals of victims to welfare agencies: outcome and time",
    counts="referrals",
    dated_by="the day the referral was made",
    kinds=("referrals",),
    dimensions=(REFERRAL_STATE, CHILD, TIME),
    views=(("state", "child"), ("time",)),
)
def referrals(snap: Snapshot) -> Iterator[Fact]:
    """Referrals of victims to welfare agencies (interlink.protection) by their present
    state (the outcome so far), whether the victim is a child, and the time from the
    referral to that state."""
    for r in snap.rows("referrals", "owning_unit", "state", "child", "created_at", "state_since"):
        yield Fact(
            r["owning_unit"],
            _day(r["created_at"]),
            (
                str(r["state"]),
                "child" if r["child"] else "adult",
                _time_band(_aware(r["created_at"]), _aware(r["state_since"])),
            ),
        )


SERIES = Dimension("series", "Known series of material", ("with series", "without series"))


@indicator(
    name="child_exploitation_cases",
    title="Child-exploitation cases by status and known series",
    counts="cases",
    dated_by="the day the case was opened (its registration)",
    kinds=("case", "media_series_cases"),
    dimensions=(CASE_STATUS, SERIES),
)
def child_exploitation_cases(snap: Snapshot) -> Iterator[Fact]:
    """Cases involving a child or in the category child sexual exploitation, by status and
    whether a known series of material (interlink.media) is attached to the case."""
    with_series = {str(r["case_id"]) for r in snap.rows("media_series_cases", "case_id")}
    for rec in snap.records("case"):
        f = rec.facts
        if not (f.get("child_involved") or "child_sexual_exploitation" in f.get("categories", [])):
            continue
        series = "with series" if rec.id in with_series else "without series"
        yield Fact(rec.unit, recorded(rec), (f.get("status", "open"), series))


IDENTIFIED = Dimension("victim", "Victim identified", ("identified", "not identified"))
PRODUCTION = Dimension("production_country", "Country of production")


@indicator(
    name="media_series",
    title="Series of child-exploitation material: victim identified, country of production",
    counts="series",
    dated_by="the day the series was first found in a case of this node (else its last "
    "update, for a series known from a shared hash set only)",
    kinds=("media_series", "media_series_cases"),
    dimensions=(IDENTIFIED, PRODUCTION),
    views=(("victim",), ("production_country",)),
)
def media_series(snap: Snapshot) -> Iterator[Fact]:
    """Series known to the node (hashes only, never material), by whether the victim has
    been identified and the country of production."""
    found: dict[str, date] = {}
    for r in snap.rows("media_series_cases", "series", "first_seen"):
        day = _day(r["first_seen"])
        found[r["series"]] = min(day, found.get(r["series"], day))
    rows = ("name", "victim_identified", "production_country", "updated_at")
    for r in snap.rows("media_series", *rows):
        yield Fact(
            NATIONAL,
            found.get(r["name"]) or _day(r["updated_at"]),
            (
                "identified" if r["victim_identified"] else "not identified",
                r["production_country"] or UNKNOWN,
            ),
        )


DIRECTION_X = Dimension("direction", "Direction", ("out", "in"))
MESSAGE_KIND = Dimension("kind", "Kind of message")
SECRETARIAT_NODE = "GS"  # the node id reports go to (interlink.exchange.messages.SECRETARIAT)


def hits_counted(snap: Snapshot) -> Iterator[Fact]:
    """At a national node, each hit notification about its records (dated by its receipt);
    at the Secretariat, each hit twice — once for each of the two reported persons it
    matches (dated by the hit), so that the rates of both levels compare."""
    for r in snap.rows("hit_notifications", "received_at"):
        yield Fact(NATIONAL, _day(r["received_at"]), ())
    for r in snap.rows("secretariat_hits", "created_at"):
        day = _day(r["created_at"])
        yield Fact(NATIONAL, day, ())
        yield Fact(NATIONAL, day, ())


def persons_reported(snap: Snapshot) -> Iterator[Fact]:
    """At a national node, each of its person records reported to the Secretariat, once
    however often it was updated (dated by its first report); at the Secretariat, each
    reported person of its international database (dated by the report)."""
    first: dict[str, date] = {}
    for r in snap.rows("exchange_shared", "record_id", "recipient", "sent_at"):
        record = str(r["record_id"])
        if r["recipient"] != SECRETARIAT_NODE or record not in snap.persons:
            continue
        day = _day(r["sent_at"])
        first[record] = min(day, first.get(record, day))
    for record, day in first.items():
        yield Fact(snap.persons[record].unit, day, ())
    for r in snap.rows("reported_records", "kind", "reported_at"):
        if r["kind"] == "person":
            yield Fact(NATIONAL, _day(r["reported_at"]), ())


HIT_RATE = Rate(
    name="hit_rate",
    title="Hit rate: hits per reported person",
    description="Hits: "
    + " ".join((hits_counted.__doc__ or "").split())
    + " Reported persons: "
    + " ".join((persons_reported.__doc__ or "").split())
    + " Both counted over the same period; none reported: no rate.",
    numerator="hits",
    denominator="reported persons",
    count_numerator=hits_counted,
    count_denominator=persons_reported,
)


@indicator(
    name="exchange",
    title="Exchange volumes (messages sent and received by kind) and hit rate",
    counts="messages",
    dated_by="the day the message was created; for the hit rate, the day of the hit and of "
    "the person's first report",
    kinds=(
        "exchange_messages",
        "exchange_shared",
        "hit_notifications",
        "secretariat_hits",
        "reported_records",
    ),
    dimensions=(DIRECTION_X, MESSAGE_KIND),
    public=False,
    rates=(HIT_RATE,),
)
def exchange(snap: Snapshot) -> Iterator[Fact]:
    """Messages this node sent and received (interlink.exchange) by direction and kind
    (message, request, report, hit, notice, statistics, …), and the hit rate: hits per
    person reported to the Secretariat (see below)."""
    for r in snap.rows("exchange_messages", "direction", "kind", "created"):
        yield Fact(NATIONAL, _day(r["created"]), (str(r["direction"]), str(r["kind"])))


HIT_STATUS = Dimension("status", "Status of the hit", ("open", "closed"))
BAND = Dimension("band", "Band of the match")


@indicator(
    name="hits",
    title="Hits: the Secretariat's notifications that a reported record matches another country's",
    counts="hits",
    dated_by="the day the hit was notified",
    kinds=("hit_notifications",),
    dimensions=(HIT_STATUS, BAND),
    public=False,
)
def hits(snap: Snapshot) -> Iterator[Fact]:
    """Hit notifications received from the Secretariat by status and match band. The hit
    rate (hits per reported person) is declared with the `exchange` indicator."""
    for r in snap.rows("hit_notifications", "status", "band", "received_at"):
        yield Fact(NATIONAL, _day(r["received_at"]), (str(r["status"]), str(r["band"])))


# -- relations between indicators that hold by definition (audited in public releases) ----

relate(
    Relation(
        "suspects of each activity category = persons of role suspect or convicted of it",
        Side("suspects", by=("category",)),
        Side("persons", by=("category",), where=(("role", SUSPECT_ROLES),)),
    )
)
relate(
    Relation(
        "child-exploitation cases of each status ≤ cases of that status",
        Side("child_exploitation_cases", by=("status",)),
        Side("cases", by=("status",)),
        equal=False,
    )
)
relate(
    Relation(
        "victims with a route (named in an incident) ≤ victims",
        Side("routes"),
        Side("victims"),
        equal=False,
    )
)
relate(
    Relation(
        "victims with a recorded form of exploitation ≤ victims with a route",
        Side("victims", where=(("form", frozenset(FORM.values or ()) - {UNKNOWN}),)),
        Side("routes"),
        equal=False,
    )
)
relate(
    Relation(
        "persons of role victim or possible victim ≤ victims (over the whole period only: "
        "persons are dated by registration, victims by their first incident)",
        Side("persons", where=(("role", VICTIM_ROLES),)),
        Side("victims"),
        equal=False,
        any_period=False,
    )
)


def _aware(at: datetime) -> datetime:
    """SQLite gives naive UTC back through a plain select of these columns."""
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at


def _day(at: datetime | date) -> date:
    return at.date() if isinstance(at, datetime) else at
