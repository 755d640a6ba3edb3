"""Comparable forms of one person: what the scoring model compares and blocking keys index.

The batch (a CSV row), the node's index (a stored ``Person``) and an online query all go
through ``prepare_values``, so that the three are compared in exactly the same forms. A
malformed optional value never raises: it is reported by field and kept as far as it is
usable (a birth date with an impossible day keeps its year and month).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache
from typing import Any

import phonenumbers
import pycountry

from interlink.domain import model
from interlink.identity.names import normalize
from interlink.identity.normalize import normalize_identifier

NAME_COLUMNS = ("full_name", "first_name", "middle_name", "last_name")
# The person columns of a batch file (the import's names for them).
PERSON_COLUMNS = (
    "id",
    *NAME_COLUMNS,
    "gender",
    "date_of_birth",
    "place_of_birth",
    "nationality",
    "document_number",
    "phone",
    "email",
    "address",
)
NAME_FORMS = (
    "name_key",
    "name_tokens",
    "name_joined",
    "name_skel",
    "name_skels",
    "name_phon",
    "tok_a",
    "tok_b",
    "skel_a",
    "skel_b",
)
PREPARED_COLUMNS = (
    "unique_id",
    *NAME_FORMS,
    "dob",
    "dob_year",
    "dob_month",
    "dob_day",
    "gender",
    "nationality",
    "doc",
    "doc_ocr",
    "phone",
    "email",
)

OCR_FOLD = str.maketrans("OIQSBZG", "0105826")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DATE_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_DATE_DMY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_GENDERS = {"male": "m", "m": "m", "female": "f", "f": "f"}
_NO_GENDER = {"", "unknown", "u", "x", "other", "not known"}


def name_texts(values: dict[str, str]) -> list[str]:
    """The texts a row's name is normalized from: the full name as written, and the parts
    written together (so that a given name "小明" alone is not cut as family + given)."""
    texts: list[str] = []
    full = values.get("full_name", "")
    if full:
        texts.append(full)
    parts = [values.get(c, "") for c in ("first_name", "middle_name", "last_name")]
    joined = " ".join(p for p in parts if p)
    if joined and joined != full:
        texts.append(joined)
    return texts


def name_forms(texts: list[str]) -> dict[str, tuple[str, str]]:
    """token → (phonetic key, consonant skeleton) for the tokens (``names.normalize``) of
    every text, each once, in written order."""
    seen: dict[str, tuple[str, str]] = {}
    for text in texts:
        name = normalize(text)
        for token, phonetic, skel in zip(name.tokens, name.phonetic, name.skeleton, strict=True):
            seen.setdefault(token, (phonetic, skel))
    return seen


def prepare_name(values: dict[str, str]) -> tuple[str, ...]:
    """The tokens (``names.normalize``) of every name column, each once, in written order."""
    return tuple(name_forms(name_texts(values)))


def name_columns(forms: dict[str, tuple[str, str]]) -> dict[str, Any]:
    """The model's name columns (``NAME_FORMS``) from a name's tokens and their keys."""
    tokens = tuple(forms)
    ordered = sorted(tokens)
    skels = sorted({s for _, s in forms.values()})
    joined = {"".join(tokens), "".join(reversed(tokens))}
    if len(tokens) > 2:
        joined.add("".join((tokens[-1], *tokens[:-1])))
    return {
        "name_key": " ".join(ordered),
        "name_tokens": list(tokens),
        "name_joined": sorted(joined),
        "name_skel": " ".join(skels),
        "name_skels": skels,
        "name_phon": " ".join(sorted({p for p, _ in forms.values()})),
        "tok_a": ordered[0],
        "tok_b": ordered[-1] if len(ordered) > 1 else None,
        "skel_a": skels[0],
        "skel_b": skels[-1] if len(skels) > 1 else None,
    }


def parse_birth_date(text: str) -> tuple[int | None, int | None, int | None, bool]:
    """(year, month, day, well formed): a partial date gives None for what it lacks; an
    impossible date keeps what is usable and reports itself malformed."""
    m = _DATE_ISO.match(text)
    if m:
        year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    else:
        m = _DATE_DMY.match(text)
        if not m:
            return None, None, None, False
        day, month, year = int(m[1]), int(m[2]), int(m[3])
    if not 1850 <= year <= 2100:
        return None, None, None, False
    if not month:
        return year, None, None, True
    if not 1 <= month <= 12:
        return year, None, None, False
    if not day:
        return year, month, None, True
    try:
        date(year, month, day)
    except ValueError:
        return year, month, None, False
    return year, month, day, True


@lru_cache(maxsize=4096)
def country_code(text: str) -> str | None:
    """ISO 3166-1 alpha-2 from a code (alpha-2 or alpha-3) or an English name."""
    t = text.strip()
    try:
        found = (
            pycountry.countries.get(alpha_2=t.upper())
            if len(t) == 2
            else pycountry.countries.get(alpha_3=t.upper())
            if len(t) == 3
            else None
        )
        if found is None:
            found = pycountry.countries.lookup(t)
    except LookupError:
        return None
    return str(found.alpha_2)


@lru_cache(maxsize=1 << 18)
def e164(text: str, region: str | None) -> str | None:
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def prepare_values(
    values: dict[str, str], issues: Counter[str], *, phone_region: str | None = None
) -> dict[str, Any] | None:
    """The prepared columns (``PREPARED_COLUMNS`` but ``unique_id``) of one person's
    values, or None when it has no name; malformed optional values are counted in
    ``issues`` by field and left out."""
    forms = name_forms(name_texts(values))
    if not forms:
        return None
    return {**name_columns(forms), **other_columns(values, issues, phone_region=phone_region)}


def other_columns(
    values: dict[str, str], issues: Counter[str], *, phone_region: str | None = None
) -> dict[str, Any]:
    """The prepared columns of everything but the name."""
    out: dict[str, Any] = {}
    year = month = day = None
    text = values.get("date_of_birth", "")
    if text:
        year, month, day, ok = parse_birth_date(text)
        if not ok:
            issues["date_of_birth"] += 1
    out["dob"] = f"{year:04d}-{month:02d}-{day:02d}" if year and month and day else None
    out["dob_year"], out["dob_month"], out["dob_day"] = year, month, day

    g = values.get("gender", "").strip().lower()
    out["gender"] = _GENDERS.get(g)
    if out["gender"] is None and g not in _NO_GENDER:
        issues["gender"] += 1

    text = values.get("nationality", "")
    out["nationality"] = country_code(text) if text else None
    if text and out["nationality"] is None:
        issues["nationality"] += 1

    doc = normalize_identifier("document", values.get("document_number", "")) or None
    out["doc"] = doc
    out["doc_ocr"] = doc.translate(OCR_FOLD) if doc else None

    text = values.get("phone", "")
    out["phone"] = e164(text, phone_region) if text else None
    if text and out["phone"] is None:
        issues["phone"] += 1

    text = values.get("email", "").strip().lower()
    if text and not _EMAIL.match(text):
        issues["email"] += 1
        text = ""
    out["email"] = text or None
    return out


def person_variants(person: model.Person) -> list[dict[str, Any]]:
    """The prepared forms of a stored person, as rows of the model: one per name (an alias
    is a name of its own) with the first of each list of identifiers, and one more (with the
    first name) for each further nationality, document, phone or e-mail, so that every value
    can be matched while a row stays one value per field, as in a batch file.

    The model has validated the values already (ISO codes, E.164 phones, partial dates), so
    they are taken as they are: the same forms ``other_columns`` gives, without parsing again.
    """
    names = [forms for forms in (name_forms([n.full]) for n in person.names if n.full) if forms]
    if not names:
        return []
    parts: list[int | None] = [None, None, None]
    if person.birth_date:
        for i, text in enumerate(str(person.birth_date).split("-")[:3]):
            parts[i] = int(text)
    year, month, day = parts
    docs = [normalize_identifier("document", d) or None for d in person.document_numbers]
    base: dict[str, Any] = {
        "dob": f"{year:04d}-{month:02d}-{day:02d}" if year and month and day else None,
        "dob_year": year,
        "dob_month": month,
        "dob_day": day,
        "gender": _GENDERS.get(person.gender.value),
    }
    lists: dict[str, list[dict[str, Any]]] = {
        "nationality": [{"nationality": str(c)} for c in person.nationalities],
        "doc": [{"doc": d, "doc_ocr": d.translate(OCR_FOLD) if d else None} for d in docs],
        "phone": [{"phone": str(p)} for p in person.phones],
        "email": [{"email": str(e).lower()} for e in person.emails],
    }
    first = dict(base, nationality=None, doc=None, doc_ocr=None, phone=None, email=None)
    for values in lists.values():
        if values:
            first.update(values[0])
    variants = [{**name_columns(forms), **first} for forms in names]
    head = name_columns(names[0])
    variants += [{**head, **first, **value} for values in lists.values() for value in values[1:]]
    return variants
