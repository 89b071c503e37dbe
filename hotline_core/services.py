"""Use cases: what the command line and the terminal UI ask of the system.

Each function takes the repository, the acting login and ``now`` (the edge
reads the clock, not the rules), runs one transaction, and either commits
a change the rules allowed or raises the rules' refusal having changed
nothing. No use case knows about files, Textual or argparse.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from attrs import evolve, frozen

from hotline_core.calendar import SHANGHAI
from hotline_core.escalation import Alert, escalate, recipients_of, summary_alerts
from hotline_core.events import Command
from hotline_core.intake import parse_order
from hotline_core.lifecycle import perform, receive
from hotline_core.limits import LimitEvaluator
from hotline_core.order import WorkOrder
from hotline_core.organization import Person
from hotline_core.permissions import may_see
from hotline_core.problems import InvalidInput, Problem, Refused, refuse
from hotline_core.quarters import Quarter, summary_due
from hotline_core.repository import Repository, Session
from hotline_core.settings import Settings
from hotline_core.vocabulary import COUNTIES, Action, BusinessArea, Place, Role


class UnknownLogin(Refused):
    """The login is not a user of this database: nothing opens."""


def identify(session: Session, login: str) -> Person:
    person = session.users().get(login)
    if person is None:
        raise UnknownLogin([Problem("", "unknown_login", {"login": login})])
    return person


def require_role(session: Session, login: str, role: Role, action: str) -> Person:
    """The person behind ``login``, refused unless they hold ``role``."""
    person = identify(session, login)
    _require(person, role, action)
    return person


def _require(person: Person, role: Role, action: str) -> None:
    if not person.has(role):
        raise refuse("not_permitted", action=action, login=person.login)


# -- the database and its users ------------------------------------------------

def initialise(repo: Repository, login: str) -> Person:
    """A new database's first user administers it and handles orders."""
    founder = Person(login, {Role.ADMIN, Role.HANDLER})
    with repo.transaction() as session:
        if session.users():
            raise refuse("already_initialised")
        session.put_user(founder)
        session.put_settings(Settings())
        _seed_knowledge(session)
    return founder


def _seed_knowledge(session: Session) -> None:
    """A new database starts from the shipped starter base of standard answers."""
    from hotline_core.knowledge.exchange import load_starter

    if not session.knowledge():
        for entry in load_starter():
            session.put_entry(entry)


def person_for(login: str, role: str, county: str | None = None, department: str | None = None,
               settings: Settings | None = None) -> Person:
    """Check a new user's role and unit the way the form fields are checked."""
    problems: list[Problem] = []
    try:
        chosen = Role(role)
    except ValueError:
        problems.append(Problem("role", "not_in_list", {"choices": "、".join(Role)}))
        chosen = None
    if chosen is Role.COUNTY_CLERK and county not in {p.value for p in COUNTIES}:
        problems.append(Problem("county", "not_a_county"))
    departments = (settings or Settings()).departments
    if chosen is Role.DEPARTMENT and department not in departments:
        problems.append(Problem("department", "not_a_department", {"choices": "、".join(departments)}))
    if not login.strip():
        problems.append(Problem("login", "required"))
    if problems:
        raise InvalidInput(problems)
    assert chosen is not None
    return Person(login.strip(), {chosen},
                  county=Place(county) if chosen is Role.COUNTY_CLERK else None,
                  department=department if chosen is Role.DEPARTMENT else None)


def add_user(repo: Repository, actor: str, new: Person) -> Person:
    """Add a role to a login (a person may hold several roles)."""
    with repo.transaction() as session:
        _require(identify(session, actor), Role.ADMIN, "users add")
        existing = session.users().get(new.login)
        merged = new if existing is None else evolve(
            existing, roles=existing.roles | new.roles,
            county=new.county or existing.county, department=new.department or existing.department,
        )
        session.put_user(merged)
    return merged


def remove_user(repo: Repository, actor: str, login: str) -> None:
    with repo.transaction() as session:
        _require(identify(session, actor), Role.ADMIN, "users remove")
        if login == actor:
            raise refuse("cannot_remove_self")
        if not session.remove_user(login):
            raise InvalidInput([Problem("login", "unknown_user", {"login": login})])


def change_settings(repo: Repository, actor: str, **changes: Any) -> Settings:
    with repo.transaction() as session:
        _require(identify(session, actor), Role.ADMIN, "settings")
        settings = evolve(session.settings(), **changes)
        session.put_settings(settings)
    return settings


# -- orders ------------------------------------------------------------------------

@frozen
class IntakeReport:
    added: tuple[str, ...]
    present: tuple[str, ...]
    rejected: tuple[tuple[int, str, tuple[Problem, ...]], ...]  # (position, id, problems)


def intake(repo: Repository, actor: str, forms: Iterable[Mapping[str, Any]],
           now: datetime | None = None) -> IntakeReport:
    """Add pushed orders; an order already present is reported, a bad one rejected, the rest go in.

    With ``now``, what the new orders already call for (an emergency flagged by the center)
    is raised at once rather than at the next ``hotline escalate``.
    """
    added: list[WorkOrder] = []
    present: list[str] = []
    rejected: list[tuple[int, str, tuple[Problem, ...]]] = []
    archived = repo.archived_ids()  # archived orders stay known: a re-sent push adds nothing
    with repo.transaction() as session:
        _require(identify(session, actor), Role.HANDLER, "intake")
        known = set(session.order_ids()) | archived
        for position, form in enumerate(forms, start=1):
            try:
                record = parse_order(form, now=now)
            except InvalidInput as error:
                rejected.append((position, str(form.get("id", "")), error.problems))
                continue
            if record.order_id in known:
                present.append(record.order_id)
                continue
            order = receive(record, actor)
            session.put_order(order)
            known.add(record.order_id)
            added.append(order)
        if now is not None:
            _raise_alerts(session, added, now)
    return IntakeReport(tuple(o.id for o in added), tuple(present), tuple(rejected))


def act(repo: Repository, actor: str, order_id: str, command: Command, now: datetime) -> WorkOrder:
    """Apply one lifecycle action as ``actor`` at ``now``; archiving moves the order out."""
    with repo.transaction() as session:
        person = identify(session, actor)
        order = session.order(order_id)
        if order is None:
            raise InvalidInput([Problem("order", "unknown_order", {"id": order_id})])
        if not may_see(person, order):
            raise refuse("not_permitted", action=command.action.value, login=actor)
        updated = perform(order, command, person, now, session.settings().organization)
        session.put_order(updated)
        if command.action is Action.ARCHIVE:
            session.archive_order(updated)
        else:
            _raise_alerts(session, [updated], now)
    return updated


def _raise_alerts(session: Session, orders: list[WorkOrder], now: datetime,
                  raised: Collection[str] | None = None) -> list[Alert]:
    """Store and return the alerts due for ``orders`` at ``now`` not yet raised (``raised``,
    by default the stored ones). Actions and intake call it for the orders they changed, in
    the same transaction: an emergency tells the leader at once (SPEC 6), not at the next
    cron run."""
    settings = session.settings()
    limits = LimitEvaluator(now, settings.calendar, settings.policies).table(orders)
    fresh = escalate(orders, now, session.alert_keys() if raised is None else raised, limits)
    for alert in fresh:
        session.put_alert(alert)
    return fresh


def find_order(repo: Repository, order_id: str) -> WorkOrder | None:
    return repo.snapshot().order(order_id) or repo.archived_order(order_id)


def visible_orders(session: Session, person: Person) -> list[WorkOrder]:
    return [o for o in session.orders() if may_see(person, o)]


# -- escalation and the alert inbox -----------------------------------------------------

def run_escalation(repo: Repository, now: datetime) -> list[Alert]:
    """Raise what is due at ``now``, the last quarter's missing county summaries included;
    running it again raises nothing twice."""
    with repo.transaction() as session:
        raised = session.alert_keys()
        fresh = _raise_alerts(session, session.orders(), now, raised)
        settings = session.settings()
        quarter = Quarter.of(now.astimezone(SHANGHAI).date()).previous()
        due = summary_due(quarter, settings.calendar, settings.policies.policy_for(now).summary_due_day)
        filed = {Place(county) for county in session.summaries(quarter)}
        missing = summary_alerts(quarter, due.due, filed, now, raised)
        for alert in missing:
            session.put_alert(alert)
    return fresh + missing


def file_summary(repo: Repository, actor: str, quarter: Quarter, county: str | None, now: datetime) -> str:
    """A county records that it sent its quarterly summary table (source 四(四))."""
    with repo.transaction() as session:
        person = identify(session, actor)
        if person.has(Role.COUNTY_CLERK) and person.county is not None:
            place = person.county.value
        elif person.has(Role.HANDLER) and county in {p.value for p in COUNTIES}:
            place = county  # the rights department records a summary received on paper
        elif person.has(Role.HANDLER):
            raise InvalidInput([Problem("county", "not_a_county")])
        else:
            raise refuse("not_permitted", action="summary", login=actor)
        session.file_summary(quarter, place, now)
    return place


def orders_for_report(repo: Repository, last_day: date) -> list[WorkOrder]:
    """Open orders and every archive up to the quarter of ``last_day``: what a report may count."""
    orders = {o.id: o for o in repo.snapshot().orders()}
    last = str(Quarter.of(last_day))
    for period in repo.db.archive_periods():
        if period <= last:
            orders.update((o.id, o) for o in repo.archived_orders(period))
    return list(orders.values())


@frozen
class InboxItem:
    alert: Alert
    acknowledged: bool


def inbox(session: Session, person: Person) -> list[InboxItem]:
    """This person's alerts, newest first, with whether they acknowledged each."""
    mine = recipients_of(person)
    done = session.acknowledged(person.login)
    items = [InboxItem(a, a.key in done) for a in session.alerts() if mine & set(a.recipients)]
    return sorted(items, key=lambda i: i.alert.raised_at, reverse=True)


def acknowledge(repo: Repository, actor: str, key: str, now: datetime) -> None:
    with repo.transaction() as session:
        person = identify(session, actor)
        if key not in session.alert_keys():
            raise InvalidInput([Problem("alert", "unknown_alert", {"key": key})])
        session.acknowledge(person.login, key, now)



# -- the demo database -------------------------------------------------------------------

def create_demo(repo: Repository, login: str, now: datetime) -> list[WorkOrder]:
    """Fill (or refresh) a demo database; a real database is never touched."""
    from hotline_core.demo import DEMO_STAFF, demo_orders

    orders = list(demo_orders(now))
    with repo.transaction() as session:
        if session.users() and not session.settings().demo:
            raise refuse("not_a_demo")
        session.clear_orders_and_alerts()
        session.put_settings(evolve(session.settings(), demo=True))
        for person in DEMO_STAFF:
            session.put_user(person)
        _seed_knowledge(session)
        session.put_user(Person(login, {Role.ADMIN, Role.HANDLER, Role.LEADER, Role.VIEWER}))
        for order in orders:
            session.put_order(order)
            if order.state.status.value == "archived":
                session.archive_order(order)
        # Most counties sent last quarter's summary on time; two have not.
        last = Quarter.of(now.astimezone(SHANGHAI).date()).previous()
        sent = summary_due(last, session.settings().calendar).due - timedelta(days=1)
        for county in COUNTIES[:6]:
            session.file_summary(last, county.value, sent)
    run_escalation(repo, now)
    return orders


# -- reports ---------------------------------------------------------------------------

REPORT_KINDS = ("quarterly", "hotspots", "assessment", "filings")


def report(repo: Repository, kind: str, period_text: str, county: str | None, now: datetime) -> Any:
    """A report object of ``hotline_core.reports``; imported here only, as few commands need it."""
    from hotline_core import reports

    snapshot = repo.snapshot()
    settings = snapshot.settings()
    if kind == "filings":
        quarter = Quarter.parse(period_text, "period")
        due = summary_due(quarter, settings.calendar, settings.policies.policy_for(now).summary_due_day)
        filed = {Place(c): at for c, at in snapshot.summaries(quarter).items()}
        return reports.summary_filings(quarter, due, filed, now)
    period = reports.Period.parse(period_text)
    orders = orders_for_report(repo, period.last_day)
    if kind == "quarterly":
        return reports.quarterly_summary(orders, period, now, settings.calendar, settings.policies,
                                         county=_place(county))
    if kind == "hotspots":
        return reports.hot_issues(orders, period)  # the orders include the previous period's
    if kind == "assessment":
        return reports.annual_assessment(orders, period, now, settings.calendar, settings.policies,
                                         organization=settings.organization)
    raise InvalidInput([Problem("kind", "not_in_list", {"choices": "、".join(REPORT_KINDS)})])


def _place(text: str | None) -> Place | None:
    if text is None:
        return None
    if text not in {p.value for p in Place}:
        raise InvalidInput([Problem("county", "not_in_list", {"choices": "、".join(Place)})])
    return Place(text)


# -- the knowledge base ------------------------------------------------------------------

def kb_search(session: Session, query: str, limit: int = 10) -> list[Any]:
    """Published answers ranked by relevance to ``query``."""
    from hotline_core.knowledge import build_index, search

    return search(build_index(session.knowledge()), query, limit)


def kb_suggest(session: Session, order: WorkOrder, limit: int = 5) -> list[Any]:
    """Standard answers for an order's appeal, its business area first."""
    from hotline_core.knowledge import build_index, suggest

    record = order.state.record
    return suggest(build_index(session.knowledge()), record.appeal.text, limit, record.appeal.business_area)


KB_STEPS = ("send_to_review", "publish", "return", "retire")


def kb_step(repo: Repository, actor: str, entry_id: str, step: str, now: datetime, reason: str = "") -> Any:
    """Move an entry through draft → review → published → retired, as the rules allow."""
    from hotline_core import knowledge

    with repo.transaction() as session:
        person = identify(session, actor)
        entry = next((e for e in session.knowledge() if e.id == entry_id), None)
        if entry is None:
            raise InvalidInput([Problem("entry", "unknown_entry", {"id": entry_id})])
        if step == "send_to_review":
            changed = knowledge.send_to_review(entry, person, now)
        elif step == "publish":
            changed = knowledge.publish(entry, person, now)
        elif step == "return":
            changed = knowledge.return_to_draft(entry, person, now, reason)
        elif step == "retire":
            changed = knowledge.retire(entry, person, now, reason)
        else:
            raise InvalidInput([Problem("step", "not_in_list", {"choices": "、".join(KB_STEPS)})])
        session.put_entry(changed)
    return changed


def kb_import(repo: Repository, actor: str, path: Any, now: datetime) -> Any:
    """Bring in the office's spreadsheet (good rows become drafts) or a JSON export of a base."""
    from hotline_core.knowledge import exchange

    with repo.transaction() as session:
        person = identify(session, actor)
        base = session.knowledge()
        if str(path).lower().endswith(".json"):
            # A JSON export carries whole entries with their history: putting one back is an admin's job.
            _require(person, Role.ADMIN, "kb import")
            imported = exchange.import_json(path)
            known = {e.id for e in base}
            report = exchange.ImportReport(tuple(e for e in imported if e.id not in known),
                                           tuple(e for e in imported if e.id in known), (), ())
        else:
            report = exchange.import_xlsx(path, base, person, now, session.settings().organization)
        for entry in report.created + report.updated:
            session.put_entry(entry)
    return report


def kb_export(repo: Repository, path: Any) -> Any:
    from hotline_core.knowledge import exchange

    entries = repo.snapshot().knowledge()
    if str(path).lower().endswith(".json"):
        return exchange.export_json(entries, path)
    return exchange.export_xlsx(entries, path)


def kb_save(repo: Repository, actor: str, entry_id: str | None, fields: Mapping[str, str], now: datetime) -> Any:
    """A new draft (``entry_id`` None) or a new version of an entry, from a form's fields."""
    from hotline_core import knowledge

    try:
        basis = (knowledge.PolicyBasis(fields["basis"], fields.get("number", "")),) if fields.get("basis") else ()
        area = next((a for a in BusinessArea if fields.get("area") in (a.value, a.label)), None)
        if area is None:
            raise InvalidInput([Problem("area", "not_in_list", {"choices": "、".join(BusinessArea)})])
        tags = tuple(t.strip() for t in fields.get("tags", "").replace("，", ",").split(",") if t.strip())
        content = knowledge.Content(fields.get("question", ""), fields.get("answer", ""), area, basis, tags,
                                    fields.get("note", ""))
    except ValueError as error:
        raise InvalidInput([Problem("question", "not_text", {"reason": str(error)})]) from None
    with repo.transaction() as session:
        person = identify(session, actor)
        entries = {e.id: e for e in session.knowledge()}
        if entry_id is None:
            saved = knowledge.submit_draft(person, knowledge.next_entry_id(entries), content, now)
        elif entry_id in entries:
            saved = knowledge.edit(entries[entry_id], person, content, now)
        else:
            raise InvalidInput([Problem("entry", "unknown_entry", {"id": entry_id})])
        session.put_entry(saved)
    return saved
