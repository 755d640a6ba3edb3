"""Victim protection pages: victims, case teams and priority, referrals, agencies, and the
welfare portal. Every page goes through ``interlink.protection`` (the policy, the audit log).

A victim's protected fields are masked; the unmask form sends its reason by POST, and the page
it returns shows them for that one response only (the unmasking is audited).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from fastapi import APIRouter, Request
from starlette.datastructures import FormData
from starlette.responses import RedirectResponse, Response

from interlink import protection
from interlink.access.policy import has_capability
from interlink.access.roles import Capability
from interlink.domain.codes import PersonRole
from interlink.protection import context as ctx
from interlink.protection.agencies import Service
from interlink.records import protected
from interlink.records.errors import Invalid, NotFound, RecordError
from interlink.web.i18n import _
from interlink.web.routing import WebRoute
from interlink.web.templating import render
from interlink.web.visit import FormDep, Visit, VisitDep
from interlink.web.visit import record_id_or_404 as _id

router = APIRouter(route_class=WebRoute)

MAX_FIELD = 2000
CHOICES: dict[str, list[str]] = {
    "forms": [v.value for v in ctx.ExploitationForm],
    "means_of_control": [v.value for v in ctx.MeansOfControl],
    "vulnerabilities": [v.value for v in ctx.Vulnerability],
    "child_indicators": [v.value for v in ctx.ChildIndicator],
    "recruitment": [v.value for v in ctx.RecruitmentMethod],
    "recruiter_relation": [v.value for v in ctx.RecruiterRelation],
    "consent": [v.value for v in ctx.Consent],
    "age_band": [v.value for v in ctx.AgeBand],
    "risk": [v.value for v in ctx.RiskLevel],
    "role": [r.value for r in PersonRole],
    "services": [s.value for s in Service],
    "state": [s.value for s in protection.State],
}


def labels() -> dict[str, str]:
    return {
        "forms": _("Forms of exploitation"),
        "means_of_control": _("Means of control"),
        "vulnerabilities": _("Vulnerabilities"),
        "child_indicators": _("Signs of a child (when the age is unknown)"),
        "recruitment": _("Method of recruitment"),
        "recruiter_relation": _("Relation to the recruiter"),
        "age_at_exploitation": _("Age at exploitation"),
        "age_band": _("Age band at exploitation"),
        "consent": _("Consent to processing and referral"),
        "consent_date": _("Date of consent"),
        "languages": _("Languages (ISO 639-1, comma-separated)"),
        "risk": _("Intimidation risk"),
        "risk_reasons": _("Reasons (one a line)"),
        "role": _("Role"),
        "reason": _("Reason"),
        "unmask_reason": _("Why you need the protected fields"),
        "agency": _("Agency"),
        "name_to_use": _("Name the agency should use"),
        "needs": _("Needs"),
        "note": _("Note"),
        "state": _("New state"),
        "code": _("Unit code"),
        "name": _("Name"),
        "services": _("Services"),
        "area": _("Area"),
        "contact": _("Contact"),
        "user_id": _("User"),
    }


def _text(posted: FormData, name: str, limit: int = MAX_FIELD) -> str:
    value = posted.get(name)
    return value.strip()[:limit] if isinstance(value, str) else ""


def _errors(exc: RecordError) -> dict[str, list[str]]:
    field = (exc.field or "form").split(".")[-1]
    message = exc.message.split(": ", 1)[1] if exc.message.startswith(f"{field}: ") else exc.message
    return {field: [message]}


# -- victims -------------------------------------------------------------------------------


@router.get("/victims")
def victims_page(request: Request, visit: VisitDep) -> Response:
    rows = protection.victims.list_victims(visit.node, visit.actor)
    return render(request, "protection/victims.html", rows=rows)


def _victim_page(
    request: Request,
    visit: Visit,
    victim_id: str,
    *,
    unmask_reason: str | None = None,
    errors: dict[str, list[str]] | None = None,
    status_code: int = 200,
    notice: str | None = None,
) -> Response:
    victim = protection.victims.get(
        visit.node,
        visit.actor,
        victim_id,
        unmask_reason=unmask_reason,
        purpose=visit.session.purpose,
    )
    events = victim.events
    return render(
        request,
        "protection/victim.html",
        status_code=status_code,
        victim=victim,
        facts=victim.record.facts,
        masked=protected.is_masked(victim.record.facts),
        unmasked=unmask_reason is not None,
        events=events,
        agencies=protection.agencies.list_all(visit.node),
        may_refer=has_capability(visit.actor, Capability.REFER),
        choices=CHOICES,
        labels=labels(),
        errors=errors or {},
        notice=notice,
    )


@router.get("/victims/{victim_id}")
def victim_page(request: Request, visit: VisitDep, victim_id: str) -> Response:
    notice = {
        "saved": _("Saved."),
        "referred": _("Referred to the agency."),
        "notified": _(
            "Not referred: an adult is referred only with recorded informed consent. "
            "The agency was notified anonymously instead (no personal data)."
        ),
    }.get(request.query_params.get("done", ""))
    return _victim_page(request, visit, _id(victim_id), notice=notice)


def _unmasked(posted: FormData, page: Callable[..., Response]) -> Response:
    """``page`` unmasked with the stated reason, or again with the reason asked for (422)."""
    reason = _text(posted, "unmask_reason", 500)
    if not reason:
        errors = {"unmask_reason": [_("State why you need the protected fields.")]}
        return page(errors=errors, status_code=422)
    return page(unmask_reason=reason)


@router.post("/victims/{victim_id}/unmask")
def unmask(request: Request, visit: VisitDep, posted: FormDep, victim_id: str) -> Response:
    return _unmasked(posted, partial(_victim_page, request, visit, _id(victim_id)))


@router.post("/records/{record_id}/unmask")
def unmask_record(request: Request, visit: VisitDep, posted: FormDep, record_id: str) -> Response:
    """A victim's contact record (phone, address, handle) shown unmasked, with a reason."""
    from interlink.web.views.records import show_record

    return _unmasked(posted, partial(show_record, request, visit, record_id))


def _context_from(posted: FormData) -> dict[str, Any]:
    data: dict[str, Any] = {
        name: [str(v) for v in posted.getlist(name)]
        for name in ("forms", "means_of_control", "vulnerabilities", "child_indicators")
    }
    for name in ("recruitment", "recruiter_relation", "consent"):
        data[name] = _text(posted, name) or None
    data = {k: v for k, v in data.items() if v is not None}
    age = _text(posted, "age_at_exploitation")
    data["age_at_exploitation"] = age or None
    data["age_band"] = _text(posted, "age_band") or None
    data["consent_date"] = _text(posted, "consent_date") or None
    langs = _text(posted, "languages")
    data["languages"] = [x.strip() for x in langs.split(",") if x.strip()]
    return data


def _done(victim_id: str, what: str) -> Response:
    return RedirectResponse(f"/victims/{victim_id}?done={what}", status_code=303)


@router.post("/victims/{victim_id}/context")
def save_context(request: Request, visit: VisitDep, posted: FormDep, victim_id: str) -> Response:
    vid = _id(victim_id)
    try:
        context = protection.victims.parse_context(_context_from(posted))
        protection.victims.set_context(visit.node, visit.actor, vid, context)
    except Invalid as exc:
        return _victim_page(request, visit, vid, errors=_errors(exc), status_code=422)
    return _done(vid, "saved")


@router.post("/victims/{victim_id}/risk")
def save_risk(request: Request, visit: VisitDep, posted: FormDep, victim_id: str) -> Response:
    vid = _id(victim_id)
    level = _text(posted, "risk")
    reasons = _text(posted, "risk_reasons").splitlines()
    try:
        if level not in CHOICES["risk"]:
            raise Invalid("risk: choose none, low, medium or high", field="risk")
        protection.victims.set_risk(visit.node, visit.actor, vid, ctx.RiskLevel(level), reasons)
    except Invalid as exc:
        return _victim_page(request, visit, vid, errors=_errors(exc), status_code=422)
    return _done(vid, "saved")


@router.post("/persons/{person_id}/role")
def change_role(request: Request, visit: VisitDep, posted: FormDep, person_id: str) -> Response:
    """Change a person's role with its reason; from a victim's page (or any person's)."""
    pid = _id(person_id)
    role = _text(posted, "role")
    try:
        if role not in CHOICES["role"]:
            raise Invalid("role: choose a role", field="role")
        rec = protection.victims.change_role(
            visit.node, visit.actor, pid, PersonRole(role), _text(posted, "reason", 500)
        )
    except Invalid as exc:
        try:
            return _victim_page(request, visit, pid, errors=_errors(exc), status_code=422)
        except NotFound:  # not a victim: the error page says what was wrong
            raise exc from None
    if protected.is_victim_record(rec):
        return _done(pid, "saved")
    return RedirectResponse(f"/persons/{pid}?saved=1", status_code=303)


@router.post("/victims/{victim_id}/refer")
def refer(request: Request, visit: VisitDep, posted: FormDep, victim_id: str) -> Response:
    vid = _id(victim_id)
    try:
        out = protection.referrals.refer(
            visit.node,
            visit.actor,
            vid,
            _text(posted, "agency", 64),
            name_to_use=_text(posted, "name_to_use") or None,
            needs=_text(posted, "needs") or None,
        )
    except Invalid as exc:
        return _victim_page(request, visit, vid, errors=_errors(exc), status_code=422)
    return _done(vid, "referred" if out.referred else "notified")


# -- referrals (police and agency alike; the service decides who sees what) ---------------------


def _referral_page(
    request: Request,
    visit: Visit,
    referral_id: str,
    errors: dict[str, list[str]] | None = None,
    status_code: int = 200,
) -> Response:
    view = protection.referrals.get(visit.node, visit.actor, referral_id)
    nexts = [
        after.value
        for (before, after) in protection.referrals.TRANSITIONS
        if before.value == view.state
    ]
    return render(
        request,
        "protection/referral.html",
        status_code=status_code,
        referral=view,
        next_states=nexts,
        labels=labels(),
        errors=errors or {},
        agency_side=view.victim_id is None,
    )


@router.get("/referrals/{referral_id}")
def referral_page(request: Request, visit: VisitDep, referral_id: str) -> Response:
    return _referral_page(request, visit, _id(referral_id))


@router.post("/referrals/{referral_id}/state")
def move_referral(request: Request, visit: VisitDep, posted: FormDep, referral_id: str) -> Response:
    rid = _id(referral_id)
    state = _text(posted, "state")
    try:
        if state not in CHOICES["state"]:
            raise Invalid("state: choose the new state", field="state")
        protection.referrals.move(
            visit.node, visit.actor, rid, protection.State(state), _text(posted, "note") or None
        )
    except Invalid as exc:
        return _referral_page(request, visit, rid, errors=_errors(exc), status_code=422)
    return RedirectResponse(f"/referrals/{rid}", status_code=303)


@router.post("/referrals/{referral_id}/notes")
def note_referral(request: Request, visit: VisitDep, posted: FormDep, referral_id: str) -> Response:
    rid = _id(referral_id)
    try:
        protection.referrals.add_note(visit.node, visit.actor, rid, _text(posted, "note"))
    except Invalid as exc:
        return _referral_page(request, visit, rid, errors=_errors(exc), status_code=422)
    return RedirectResponse(f"/referrals/{rid}#events-heading", status_code=303)


@router.get("/welfare")
def welfare_portal(request: Request, visit: VisitDep) -> Response:
    portal = protection.referrals.portal(visit.node, visit.actor)
    return render(request, "protection/portal.html", portal=portal)


# -- agencies ------------------------------------------------------------------------------------


def _agencies_page(
    request: Request,
    visit: Visit,
    form: dict[str, Any] | None = None,
    errors: dict[str, list[str]] | None = None,
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "protection/agencies.html",
        status_code=status_code,
        agencies=protection.agencies.list_all(visit.node),
        may_add=has_capability(visit.actor, Capability.MANAGE_AGENCIES),
        form=form or {"code": "", "name": "", "area": "", "contact": "", "services": []},
        errors=errors or {},
        labels=labels(),
        choices=CHOICES,
    )


@router.get("/agencies")
def agencies_page(request: Request, visit: VisitDep) -> Response:
    return _agencies_page(request, visit)


@router.post("/agencies")
def add_agency(request: Request, visit: VisitDep, posted: FormDep) -> Response:
    form: dict[str, Any] = {k: _text(posted, k, 500) for k in ("code", "name", "area", "contact")}
    chosen = [str(s) for s in posted.getlist("services")]
    form["services"] = chosen
    try:
        services = [Service(s) for s in chosen if s in CHOICES["services"]]
        protection.agencies.add(
            visit.node,
            visit.actor,
            code=form["code"],
            name=form["name"],
            services=services,
            area=form["area"],
            contact=form["contact"],
        )
    except (Invalid, RecordError) as exc:
        if exc.status == 403:
            raise
        return _agencies_page(request, visit, form, _errors(exc), 422)
    return RedirectResponse("/agencies", status_code=303)


# -- cases: team and priority -------------------------------------------------------------------


def _case_page(
    request: Request,
    visit: Visit,
    case_id: str,
    errors: dict[str, list[str]] | None = None,
    status_code: int = 200,
) -> Response:
    priority = protection.case_priority(visit.node, visit.actor, case_id)
    team = protection.teams.team(visit.node, visit.actor, case_id)
    return render(
        request,
        "protection/case.html",
        status_code=status_code,
        case_id=case_id,
        priority=priority,
        team=team,
        may_assign=has_capability(visit.actor, Capability.ASSIGN_CASES),
        errors=errors or {},
        labels=labels(),
    )


@router.get("/cases/{case_id}/protection")
def case_page(request: Request, visit: VisitDep, case_id: str) -> Response:
    return _case_page(request, visit, _id(case_id))


@router.post("/cases/{case_id}/team")
def case_team(request: Request, visit: VisitDep, posted: FormDep, case_id: str) -> Response:
    cid = _id(case_id)
    user = _text(posted, "user_id", 100)
    on = _text(posted, "action") != "remove"
    try:
        user_id = _user_id(visit, user)
        protection.teams.assign(visit.node, visit.actor, cid, user_id, on=on)
    except Invalid as exc:
        return _case_page(request, visit, cid, errors=_errors(exc), status_code=422)
    return RedirectResponse(f"/cases/{cid}/protection", status_code=303)


def _user_id(visit: Visit, text: str) -> str:
    """A user id from an id or a username (the form takes either)."""
    from interlink.access.accounts import get_user
    from interlink.store.db import reading

    with reading(visit.node.engine) as conn:
        user = get_user(conn, text)
    if user is not None:
        return user.id
    try:
        return _id(text)
    except RecordError:
        raise Invalid("user_id: no such user", field="user_id") from None


# -- the work queue's protection section (home page) -------------------------------------------


@dataclass(frozen=True)
class QueueProtection:
    overdue_referrals: list[protection.ReferralView]
    overdue_child_cases: list[Any]  # web.queue.CaseItem of the unit's overdue child cases


def queue_protection(visit: Visit, cases: list[Any] | None = None) -> QueueProtection | None:
    """Overdue referrals for those who follow them (police who refer, an agency's officers),
    and for supervisors the child cases past their time limit; None for other roles."""
    actor = visit.actor
    follows = has_capability(actor, Capability.REFER) or has_capability(
        actor, Capability.WELFARE_PORTAL
    )
    if not follows:
        return None
    late = protection.referrals.overdue(visit.node, actor)
    children = []
    if has_capability(actor, Capability.ASSIGN_CASES):  # supervisors are alerted
        children = [c for c in (cases or []) if c.child and c.overdue]
    return QueueProtection(late, children)
