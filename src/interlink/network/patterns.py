"""The patterns that raise alerts: what each looks for, its thresholds, and why it fired.

Each pattern finds groups of records around one shared thing (a document number, a photo,
a witness, an address, an organization) and says which records and why. It runs as the
node over every record; what a reader sees of an alert is filtered when it is read
(``alerts``). None looks at nationality alone: nationality only counts the spread of an
organization's victims across countries, never decides on its own.

``find(conn, params, scope)`` with ``scope=None`` examines everything; with a set of record
ids, only the groups those records could belong to (the incremental update), and returns
the keys it examined, so that alerts among them that no longer hold are resolved.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from interlink.store import network as store

VICTIM = "victim"


@dataclass
class Found:
    key: str
    record_ids: list[str]
    details: dict[str, Any]  # counts and ids for the explanation: never free text


@dataclass
class Result:
    found: list[Found] = field(default_factory=list)
    examined: set[str] = field(default_factory=set)  # keys looked at (incremental runs)


@dataclass(frozen=True)
class Pattern:
    name: str
    title: str
    why: str  # the explanation, with {placeholders} filled from Found.details
    defaults: dict[str, Any]
    find: Callable[[Connection, dict[str, Any], set[str] | None], Result]


def _scope_ids(conn: Connection, scope: set[str]) -> set[str]:
    """The changed records and the records they point to (a new link names both ends)."""
    return set(scope) | {t for _, _, t in store.references_of(conn, sorted(scope))}


def _kind_of(conn: Connection, ids: Iterable[str]) -> dict[str, tuple[str, str, str, Any]]:
    return store.facts_of(conn, sorted(set(ids)))


# -- one document number, different holders ---------------------------------------------


def _document_holders(conn: Connection, values: list[str]) -> dict[str, dict[str, set[str]]]:
    """value → {'holders': persons, 'records': documents and crossings showing the use}."""
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"holders": set(), "records": set()})
    rows = store.records_with_keys(conn, "document", values)
    crossings = defaultdict(set)
    documents = defaultdict(set)
    for value, rid, kind, _ in rows:
        if kind == "person":
            out[value]["holders"].add(rid)
        elif kind == "crossing":
            crossings[rid].add(value)
        elif kind == "document":
            documents[rid].add(value)
    for rid, field_, target in store.references_of(conn, sorted(crossings)):
        if field_ == "person":
            for value in crossings[rid]:
                out[value]["holders"].add(target)
                out[value]["records"].add(rid)
    if documents:
        links = [
            r for r, f, _ in store.referencing_records(conn, sorted(documents)) if f == "target"
        ]
        ends: dict[str, dict[str, str]] = defaultdict(dict)
        for rid, field_, target in store.references_of(conn, links):
            ends[rid][field_] = target
        for link, end in ends.items():
            if "source" in end and end.get("target") in documents:
                for value in documents[end["target"]]:
                    out[value]["holders"].add(end["source"])
                    out[value]["records"].update({end["target"], link})
    return out


def _same_person(conn: Connection, ids: set[str]) -> dict[str, str]:
    """id → one id standing for the person: records a user decided are the same person
    (``identity.decisions``, transitively) are one holder, not several."""
    rep = {i: i for i in ids}
    if not ids:
        return rep
    pairs: set[tuple[str, str]] = set()
    seen, frontier = set(ids), set(ids)
    while frontier:
        found = store.same_pairs(conn, frontier)
        pairs |= found
        frontier = {i for p in found for i in p} - seen
        seen |= frontier

    def root(i: str) -> str:
        while rep.setdefault(i, i) != i:
            i = rep[i]
        return i

    for a, b in sorted(pairs):
        ra, rb = root(a), root(b)
        if ra != rb:
            rep[max(ra, rb)] = min(ra, rb)
    return {i: root(i) for i in ids}


def _shared_document(conn: Connection, params: dict[str, Any], scope: set[str] | None) -> Result:
    result = Result()
    if scope is None:
        values = store.shared_keys(conn, "document", 2)
    else:
        ids = _scope_ids(conn, scope)
        values = sorted({v for k, v, _ in store.keys_of(conn, sorted(ids)) if k == "document"})
        result.examined = {f"document:{v}" for v in values}
    found = {
        v: g
        for v, g in _document_holders(conn, values).items()
        if len(g["holders"]) >= params["min_holders"]
    }
    person = _same_person(conn, {h for g in found.values() for h in g["holders"]})
    for value, got in sorted(found.items()):
        holders = got["holders"]
        persons = len({person[h] for h in holders})
        if persons >= params["min_holders"]:
            result.found.append(
                Found(
                    f"document:{value}",
                    sorted(holders | got["records"]),
                    {"holders": sorted(holders), "count": persons},
                )
            )
    return result


# -- one photo, several identities --------------------------------------------------------


def _shared_photo(conn: Connection, params: dict[str, Any], scope: set[str] | None) -> Result:
    result = Result()
    if scope is None:
        values = store.shared_keys(conn, "photo", params["min_identities"])
    else:
        values = sorted({v for k, v, _ in store.keys_of(conn, sorted(scope)) if k == "photo"})
        result.examined = {f"photo:{v}" for v in values}
    persons: dict[str, set[str]] = defaultdict(set)
    for value, rid, kind, _ in store.records_with_keys(conn, "photo", values):
        if kind == "person":
            persons[value].add(rid)
    for value, ids in sorted(persons.items()):
        if len(ids) >= params["min_identities"]:
            result.found.append(
                Found(f"photo:{value}", sorted(ids), {"count": len(ids), "persons": sorted(ids)})
            )
    return result


# -- marriages -------------------------------------------------------------------------------


def _year(value: Any) -> float | None:
    if not value:
        return None
    text = str(value)
    try:
        year = int(text[:4])
        month = int(text[5:7]) if len(text) >= 7 else 6
    except ValueError:
        return None
    return year + (month - 1) / 12


def _serial_marriages(conn: Connection, params: dict[str, Any], scope: set[str] | None) -> Result:
    result = Result()
    n, years = params["min_marriages"], params["within_years"]
    if scope is None:
        persons = store.targets_shared(conn, "marriage", "spouses", n)
    else:
        ids = _scope_ids(conn, scope)
        persons = sorted(k for k, v in _kind_of(conn, ids).items() if v[0] == "person")
        result.examined = {f"person:{p}" for p in persons}
    married = store.referrers(conn, "marriage", "spouses", persons)
    facts = _kind_of(conn, {m for _, m in married})
    by_person: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for person, marriage in married:
        when = _year(facts[marriage][3].get("date")) if marriage in facts else None
        if when is not None:
            by_person[person].append((when, marriage))
    for person, dated in sorted(by_person.items()):
        dated.sort()
        hit: set[str] = set()
        for i in range(len(dated) - n + 1):
            if dated[i + n - 1][0] - dated[i][0] <= years:
                hit.update(m for _, m in dated[i : i + n])
        if hit:
            result.found.append(
                Found(
                    f"person:{person}",
                    sorted(hit | {person}),
                    {"person": person, "count": len(hit), "years": years},
                )
            )
    return result


def _marriage_parties(conn: Connection, params: dict[str, Any], scope: set[str] | None) -> Result:
    """Marriages sharing a witness, an intermediary, a registrar or a spouse's address."""
    result = Result()
    n = params["min_marriages"]
    groups: dict[str, set[str]] = {}
    if scope is None:
        witnesses = store.targets_shared(conn, "marriage", "witnesses", n)
        agencies = store.targets_shared(conn, "marriage", "intermediary", n)
        registrars = store.shared_fact_texts(
            conn, "marriage", "registrar", params["min_registrar_marriages"]
        )
        addresses = store.shared_spouse_addresses(conn, n)
    else:
        ids = _scope_ids(conn, scope)
        facts = _kind_of(conn, ids)
        marriages = [k for k, v in facts.items() if v[0] == "marriage"]
        persons = {k for k, v in facts.items() if v[0] == "person"}
        refs_ = store.references_of(conn, marriages)
        witnesses = sorted({t for _, f, t in refs_ if f == "witnesses"} | persons)
        agencies = sorted({t for _, f, t in refs_ if f == "intermediary"})
        registrars = sorted(
            {
                str(facts[m][3]["registrar"]).lower()
                for m in marriages
                if facts[m][3].get("registrar")
            }
        )
        spouses = {t for _, f, t in refs_ if f == "spouses"} | persons
        addresses = sorted(
            {v for k, v, _ in store.keys_of(conn, sorted(spouses)) if k == "address"}
        )
        result.examined = (
            {f"witness:{w}" for w in witnesses}
            | {f"intermediary:{a}" for a in agencies}
            | {f"registrar:{r}" for r in registrars}
            | {f"address:{a}" for a in addresses}
        )
    for target, marriage in store.referrers(conn, "marriage", "witnesses", witnesses):
        groups.setdefault(f"witness:{target}", {target}).add(marriage)
    for target, marriage in store.referrers(conn, "marriage", "intermediary", agencies):
        groups.setdefault(f"intermediary:{target}", {target}).add(marriage)
    for value, marriage in store.records_with_fact_text(conn, "marriage", "registrar", registrars):
        groups.setdefault(f"registrar:{value}", set()).add(marriage)
    if addresses:
        holders = store.records_with_keys(conn, "address", addresses)
        persons_at: dict[str, set[str]] = defaultdict(set)
        for value, rid, kind, _ in holders:
            if kind == "person":
                persons_at[rid].add(value)
        for person, marriage in store.referrers(conn, "marriage", "spouses", sorted(persons_at)):
            for value in persons_at[person]:
                groups.setdefault(f"address:{value}", set()).update({marriage, person})
    facts = _kind_of(conn, {i for ids_ in groups.values() for i in ids_})
    for key, ids_ in sorted(groups.items()):
        marriages = sorted(i for i in ids_ if facts.get(i, ("",))[0] == "marriage")
        needed = params["min_registrar_marriages"] if key.startswith("registrar:") else n
        if len(marriages) >= needed:
            shared = key.split(":", 1)[0]
            result.found.append(
                Found(key, sorted(ids_), {"shared": shared, "count": len(marriages)})
            )
    return result


# -- illegal entries sharing a facilitator ------------------------------------------------

ATTRIBUTE_KEYS = ("phone", "address", "email")


def _illegal_crossings(
    conn: Connection, outcomes: list[str], persons: list[str] | None
) -> dict[str, set[str]]:
    """person → their crossings with one of these outcomes."""
    out: dict[str, set[str]] = defaultdict(set)
    if persons is None:
        rows = store.ids_of_kind(conn, "crossing", store.fact_text("outcome").in_(outcomes))
        for rid, facts in rows:
            out[str(facts["person"])].add(rid)
        return out
    pairs = store.referrers(conn, "crossing", "person", persons)
    facts = _kind_of(conn, {c for _, c in pairs})
    for person, crossing in pairs:
        if facts.get(crossing, ("", "", "", {}))[3].get("outcome") in outcomes:
            out[person].add(crossing)
    return out


def document_series(number: str, digits: int) -> str | None:
    """The series of a document number: all but its last ``digits`` characters, when at
    least four remain (shorter prefixes would join unrelated documents)."""
    return number[:-digits] if len(number) >= digits + 4 else None


def _attributes(
    conn: Connection, persons: list[str], crossings: dict[str, set[str]], digits: int
) -> dict[str, set[str]]:
    """person → what could tie entrants to one facilitator: their phones, addresses,
    e-mails, the organizations and persons (sponsors) linked to them, document series."""
    out: dict[str, set[str]] = defaultdict(set)
    for kind, value, rid in store.keys_of(conn, persons):
        if kind in ATTRIBUTE_KEYS:
            out[rid].add(f"{kind}:{value}")
        elif kind == "document" and (s := document_series(value, digits)):
            out[rid].add(f"series:{s}")
    all_crossings = sorted({c for cs in crossings.values() for c in cs})
    by_crossing = {c: p for p, cs in crossings.items() for c in cs}
    for kind, value, rid in store.keys_of(conn, all_crossings):
        if kind == "document" and (s := document_series(value, digits)) and rid in by_crossing:
            out[by_crossing[rid]].add(f"series:{s}")
    links = [r for r, f, _ in store.referencing_records(conn, persons) if f in ("source", "target")]
    ends: dict[str, dict[str, str]] = defaultdict(dict)
    for rid, field_, target in store.references_of(conn, links):
        ends[rid][field_] = target
    kinds = _kind_of(conn, {t for e in ends.values() for t in e.values()})
    person_set = set(persons)
    for end in ends.values():
        for near, far in (
            (end.get("source"), end.get("target")),
            (end.get("target"), end.get("source")),
        ):
            if near in person_set and far and far in kinds:
                kind = kinds[far][0]
                if kind == "organization":
                    out[near].add(f"organization:{far}")
                elif kind == "person":
                    out[near].add(f"sponsor:{far}")
    return out


def _members(conn: Connection, attrs: set[str]) -> dict[str, set[str]]:
    """attribute → the persons who have it (the reverse of ``_attributes``)."""
    out: dict[str, set[str]] = defaultdict(set)
    by_kind: dict[str, list[str]] = defaultdict(list)
    for attr in attrs:
        kind, _, value = attr.partition(":")
        by_kind[kind].append(value)
    for kind in ATTRIBUTE_KEYS:
        for value, rid, rkind, _ in store.records_with_keys(conn, kind, by_kind.get(kind, [])):
            if rkind == "person":
                out[f"{kind}:{value}"].add(rid)
    for prefix in by_kind.get("series", []):
        rows = store.document_series_members(conn, prefix)
        crossings = [rid for _, rid, k in rows if k == "crossing"]
        out[f"series:{prefix}"].update(rid for _, rid, k in rows if k == "person")
        for _, field_, target in store.references_of(conn, crossings):
            if field_ == "person":
                out[f"series:{prefix}"].add(target)
    linked = by_kind.get("organization", []) + by_kind.get("sponsor", [])
    links = [r for r, f, _ in store.referencing_records(conn, linked) if f in ("source", "target")]
    ends: dict[str, dict[str, str]] = defaultdict(dict)
    for rid, field_, target in store.references_of(conn, links):
        ends[rid][field_] = target
    wanted = set(linked)
    for end in ends.values():
        for near, far in (
            (end.get("source"), end.get("target")),
            (end.get("target"), end.get("source")),
        ):
            if far in wanted and near:
                prefix = "organization" if far in by_kind.get("organization", []) else "sponsor"
                out[f"{prefix}:{far}"].add(near)
    return out


def _illegal_entries(conn: Connection, params: dict[str, Any], scope: set[str] | None) -> Result:
    result = Result()
    outcomes, digits, n = params["outcomes"], params["series_digits"], params["min_entries"]
    if scope is None:
        crossings = _illegal_crossings(conn, outcomes, None)
        attrs = _attributes(conn, sorted(crossings), crossings, digits)
        groups: dict[str, set[str]] = defaultdict(set)
        for person, got in attrs.items():
            for attr in got:
                groups[attr].add(person)
    else:
        ids = _scope_ids(conn, scope)
        facts = _kind_of(conn, ids)
        persons = {k for k, v in facts.items() if v[0] == "person"}
        persons |= {str(v[3]["person"]) for v in facts.values() if v[0] == "crossing"}
        own = _illegal_crossings(conn, outcomes, sorted(persons))
        attrs = _attributes(conn, sorted(persons), own, digits)
        examined = {a for got in attrs.values() for a in got}
        result.examined = examined
        groups = _members(conn, examined)
        crossings = _illegal_crossings(
            conn, outcomes, sorted({p for g in groups.values() for p in g})
        )
        groups = {a: {p for p in g if p in crossings} for a, g in groups.items()}
    for attr, persons_ in sorted(groups.items()):
        if len(persons_) >= n:
            kind, _, value = attr.partition(":")
            ids_ = set(persons_) | {c for p in persons_ for c in crossings.get(p, ())}
            if kind in ("organization", "sponsor"):
                ids_.add(value)
            result.found.append(
                Found(
                    attr,
                    sorted(ids_),
                    {"shared": kind, "count": len(persons_), "persons": sorted(persons_)},
                )
            )
    return result


# -- one contact, many victims -------------------------------------------------------------

CONTACT_KEYS = ("phone", "address", "email", "handle")


def _contact_victims(conn: Connection, params: dict[str, Any], scope: set[str] | None) -> Result:
    result = Result()
    n = params["min_victims"]
    values: dict[str, set[str]] = defaultdict(set)
    if scope is None:  # one grouped query finds the contacts with enough victims
        for kind, value in store.contact_victim_candidates(conn, CONTACT_KEYS, n, VICTIM):
            values[kind].add(value)
    else:
        ids = _scope_ids(conn, scope)
        for kind, value, _ in store.keys_of(conn, sorted(ids)):
            if kind in CONTACT_KEYS:
                values[kind].add(value)
        result.examined = {f"{k}:{v}" for k, vs in values.items() for v in vs}
    for kind, vs in sorted(values.items()):
        holders = store.records_with_keys(conn, kind, sorted(vs))
        tied: dict[str, set[str]] = defaultdict(set)  # value → persons
        contact_records: dict[str, set[str]] = defaultdict(set)
        for value, rid, rkind, _ in holders:
            if rkind == "person":
                tied[value].add(rid)
            elif rkind in ("phone", "address", "handle"):
                contact_records[rid].add(value)
        if contact_records:
            links = [
                r
                for r, f, _ in store.referencing_records(conn, sorted(contact_records))
                if f == "target"
            ]
            ends: dict[str, dict[str, str]] = defaultdict(dict)
            for rid, field_, target in store.references_of(conn, links):
                ends[rid][field_] = target
            for end in ends.values():
                for value in contact_records.get(end.get("target", ""), ()):
                    if end.get("source"):
                        tied[value].add(end["source"])
        facts = store.kinds_of(conn, sorted({p for ps in tied.values() for p in ps}))
        records_of = defaultdict(set)
        for rid, got in contact_records.items():
            for value in got:
                records_of[value].add(rid)
        for value, persons in sorted(tied.items()):
            victims = sorted(p for p in persons if facts.get(p, ("", "", ""))[2] == VICTIM)
            if len(victims) >= n:
                others = sorted(p for p in persons if p not in victims)
                result.found.append(
                    Found(
                        f"{kind}:{value}",
                        sorted(set(persons) | records_of[value]),
                        {
                            "shared": kind,
                            "count": len(victims),
                            "victims": victims,
                            "others": others,
                        },
                    )
                )
    return result


# -- an organization tied to victims in several countries --------------------------------


def _organization_victims(
    conn: Connection, params: dict[str, Any], scope: set[str] | None
) -> Result:
    """Organizations tied to victims (incidents naming both, Links from a victim) across
    countries. Over the whole store, two grouped queries give every tie at once; around
    changed records, the same queries restricted to the organizations they touch."""
    result = Result()
    only: list[str] | None = None
    if scope is not None:
        ids = _scope_ids(conn, scope)
        facts = _kind_of(conn, ids)
        orgs = {k for k, v in facts.items() if v[0] == "organization"}
        scope_persons = [k for k, v in facts.items() if v[0] == "person"]
        around = [r for r, _, _ in store.referencing_records(conn, scope_persons)]
        for _, _, target in store.references_of(conn, around):
            orgs.add(target)
        for v in facts.values():
            if v[0] == "incident":
                orgs.update(str(o) for o in v[3].get("organizations", []))
        kinds = store.kinds_of(conn, sorted(orgs))
        only = sorted(o for o in orgs if kinds.get(o, ("",))[0] == "organization")
        result.examined = {f"organization:{o}" for o in only}
        if not only:
            return result
    ties: dict[str, dict[str, set[str]]] = defaultdict(
        lambda: {"victims": set(), "countries": set(), "records": set()}
    )
    for org, incident, country, victim, category in store.organization_incidents(conn, only):
        ties[org]["records"].add(incident)
        if country:
            ties[org]["countries"].add(country)
        if category == VICTIM:
            ties[org]["victims"].add(victim)
    for org, link, victim in store.organization_links(conn, VICTIM, only):
        ties[org]["victims"].add(victim)
        ties[org]["records"].add(link)
    enough = {o: t for o, t in ties.items() if len(t["victims"]) >= params["min_victims"]}
    persons = _kind_of(conn, {v for t in enough.values() for v in t["victims"]})
    for org, tie in sorted(enough.items()):
        victims = tie["victims"]
        countries = set(tie["countries"])
        for victim in victims:  # where the victims come from, beside where they were exploited
            pf = persons[victim][3] if victim in persons else {}
            countries.update(pf.get("nationalities") or [])
            if pf.get("birth_country"):
                countries.add(pf["birth_country"])
        if len(countries) >= params["min_countries"]:
            result.found.append(
                Found(
                    f"organization:{org}",
                    sorted(victims | tie["records"] | {org}),
                    {
                        "organization": org,
                        "count": len(victims),
                        "countries": sorted(countries),
                    },
                )
            )
    return result


PATTERNS: tuple[Pattern, ...] = (
    Pattern(
        "shared_document",
        "One document number, different holders",
        "Document number used by {count} different persons.",
        {"min_holders": 2},
        _shared_document,
    ),
    Pattern(
        "shared_photo",
        "Several identities on one photo",
        "The same photo is on {count} person records.",
        {"min_identities": 2},
        _shared_photo,
    ),
    Pattern(
        "serial_marriages",
        "One person in several marriages within a few years",
        "{count} marriages of one person within {years} years.",
        {"min_marriages": 2, "within_years": 5},
        _serial_marriages,
    ),
    Pattern(
        "marriage_shared_party",
        "Marriages sharing witnesses, registrar, address or intermediary",
        "{count} marriages share one {shared}.",
        {"min_marriages": 3, "min_registrar_marriages": 10},
        _marriage_parties,
    ),
    Pattern(
        "illegal_entry_shared",
        "Illegal entries sharing a sponsor, address, phone, document series or organization",
        "{count} persons who entered illegally share one {shared}.",
        {"min_entries": 3, "outcomes": ["illegal_entry", "attempted"], "series_digits": 3},
        _illegal_entries,
    ),
    Pattern(
        "contact_many_victims",
        "One phone, address or account tied to many victims",
        "One {shared} is tied to {count} victims.",
        {"min_victims": 3},
        _contact_victims,
    ),
    Pattern(
        "organization_victims_countries",
        "An organization tied to victims in several countries",
        "An organization is tied to {count} victims across {n_countries} countries.",
        {"min_victims": 2, "min_countries": 2},
        _organization_victims,
    ),
)
BY_NAME = {p.name: p for p in PATTERNS}


def explain(pattern: str, details: dict[str, Any]) -> str:
    """The alert's reason in words (English; the web page translates the same template)."""
    values = dict(details)
    values.setdefault("n_countries", len(details.get("countries", [])))
    try:
        return BY_NAME[pattern].why.format(**values)
    except (KeyError, IndexError):
        return BY_NAME[pattern].title if pattern in BY_NAME else pattern


def majority_unit(units: Iterable[str]) -> str | None:
    counted = Counter(units)
    if not counted:
        return None
    return sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
