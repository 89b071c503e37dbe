"""Who may do what and see what (SPEC section 3): the one place that decides.

A person may hold several roles; an action is allowed when any of them
allows it. County clerks and department contacts act only on the orders
their unit currently owns; the leader approves extensions; viewers and
administrators read but do not handle orders.

What a person sees of an order is a :class:`Sight`: nothing, the order with its
personal data masked, or the full order. The use cases in
``hotline_core.services`` ask here and hand the edges only what it allows.
"""

from __future__ import annotations

from enum import IntEnum

from hotline_core.domain.events import Command
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Person, Unit, UnitKind
from hotline_core.domain.problems import Problem, refuse
from hotline_core.domain.state import OrderState
from hotline_core.domain.vocabulary import Action, Place, Role

# Departments handle as counties do (source 四(二) names them together; issue 15).
COUNTY_CLERK_ACTIONS = frozenset({Action.CONTACT, Action.RECORD, Action.SUBMIT_RESULT, Action.FIRST_REPLY})
DEPARTMENT_ACTIONS = COUNTY_CLERK_ACTIONS
LEADER_ACTIONS = frozenset({Action.APPROVE_EXTENSION, Action.REFUSE_EXTENSION})
# A county's own order (issue 18, source 四(一)): its clerks run the whole lifecycle at their
# level, as the rights department does at the prefecture's, but pass nothing to another county
# nor supervise themselves; the prefecture sees it and may supervise it, and handles it once
# the county escalates it.
COUNTY_LEVEL_ACTIONS = frozenset(Action) - {
    Action.RECEIVE,
    Action.TRANSFER,
    Action.SUPERVISE,
    Action.SUBMIT_RESULT,
}
PREFECTURE_ON_COUNTY_ORDERS = frozenset({Action.SUPERVISE})
# Only the leader in charge can give the leader's approval; the handler
# records the center's decisions, which reach the federation on the platform.
LEADER_ONLY = "leader"


def _role_allows(person: Person, role: Role, command: Command, state: OrderState) -> bool:
    action = command.action
    leaders_approval = action is Action.APPROVE_EXTENSION and command.data.get("by") == LEADER_ONLY
    if role is Role.HANDLER:
        if state.level.kind is UnitKind.COUNTY:
            return action in PREFECTURE_ON_COUNTY_ORDERS
        return not leaders_approval
    if role is Role.LEADER:
        return action in LEADER_ACTIONS and command.data.get("by", LEADER_ONLY) == LEADER_ONLY
    if role is Role.COUNTY_CLERK and person.county is not None:
        own = Unit.county(person.county)
        if state.level == own:
            return action in COUNTY_LEVEL_ACTIONS and not leaders_approval
        return action in COUNTY_CLERK_ACTIONS and state.owner == own
    if role is Role.DEPARTMENT and person.department is not None:
        return action in DEPARTMENT_ACTIONS and state.owner == Unit.department(person.department)
    return False


def permission_problem(person: Person, command: Command, state: OrderState) -> Problem | None:
    """None when ``person`` may take ``command`` on an order in ``state``."""
    if any(_role_allows(person, role, command, state) for role in person.roles):
        return None
    return Problem("", "not_permitted", {"action": command.action.value, "login": person.login})


class Sight(IntEnum):
    """How much of an order a person sees; more roles never see less."""

    NONE = 0
    MASKED = 1  # name, phone, address and free text scrubbed (privacy.masked_order)
    FULL = 2


# The rights department and the leaders handle every order: they see it whole.
_SEE_ALL_FULL = frozenset({Role.HANDLER, Role.LEADER})
# Office meetings, auditors and the administrator count and check, they need no one's phone.
_SEE_ALL_MASKED = frozenset({Role.VIEWER, Role.ADMIN})


def sight(person: Person, order: WorkOrder) -> Sight:
    """What ``person`` sees of ``order``.

    A county or a department sees the orders passed to it, now or before; a
    citizen's confidentiality request (保密) masks those too.
    """
    if person.roles & _SEE_ALL_FULL:
        return Sight.FULL
    if person.has(Role.COUNTY_CLERK) and order.state.received_by == person.unit:
        return Sight.FULL  # the county took the citizen's call itself
    if _passed_to_unit(person, order):
        return Sight.MASKED if order.state.record.confidential else Sight.FULL
    if person.roles & _SEE_ALL_MASKED:
        return Sight.MASKED
    return Sight.NONE


def _passed_to_unit(person: Person, order: WorkOrder) -> bool:
    if not person.roles & {Role.COUNTY_CLERK, Role.DEPARTMENT}:
        return False
    own = person.unit
    if order.state.received_by == own:  # a county's own order, escalated or not
        return True
    if order.state.owner == own:
        return True
    return any(
        e.action in (Action.TRANSFER, Action.ASSIGN) and e.data.get("to") == own.name for e in order.events
    )


def may_see(person: Person, order: WorkOrder) -> bool:
    """Handlers, leaders, admins and viewers see every order; units see theirs."""
    return sight(person, order) is not Sight.NONE


def sees_personal_data(person: Person) -> bool:
    """Whether any order may show this person personal data unmasked (their role's rule)."""
    return bool(person.roles & {Role.HANDLER, Role.COUNTY_CLERK, Role.DEPARTMENT, Role.LEADER})


# Who reads which reports: the prefecture's people every county, a county clerk their own.
_READS_REPORTS = frozenset({Role.HANDLER, Role.LEADER, Role.VIEWER, Role.ADMIN})


def report_county(person: Person, requested: Place | None) -> Place | None:
    """The county a report covers for ``person`` (None: the whole prefecture).

    A county clerk gets their county's figures whatever they ask for; a
    department contact or anyone without a reporting role is refused.
    """
    if person.roles & _READS_REPORTS:
        return requested
    if person.has(Role.COUNTY_CLERK) and person.county is not None:
        return person.county
    raise refuse("not_permitted", action="report", login=person.login)


def may_receive(person: Person) -> bool:
    """The rights department takes in the center's orders (intake, SPEC 3); a county clerk
    takes in the county's own, from its own channels (issue 18)."""
    return person.has(Role.HANDLER) or (person.has(Role.COUNTY_CLERK) and person.county is not None)


def may_read_access_log(person: Person) -> bool:
    """The auditors (viewers) and the administrator read who saw which personal data."""
    return bool(person.roles & {Role.VIEWER, Role.ADMIN})


# -- the duties beyond the order (issue 19: services, incidents, the 百姓热线 programme) --------


def may_record_service(person: Person, place: Place) -> bool:
    """Every level's rights staff give these services (source 四(三)): the rights department
    anywhere, a county's clerk in their own county."""
    return person.has(Role.HANDLER) or (person.has(Role.COUNTY_CLERK) and person.county is place)


def service_sight(person: Person, place: Place, confidential: bool = False) -> Sight:
    """What ``person`` sees of a service given in ``place`` (``confidential``: on an order whose
    citizen asked for confidentiality): as for orders, viewers see it masked."""
    if person.roles & _SEE_ALL_FULL:
        return Sight.FULL
    if person.has(Role.COUNTY_CLERK) and person.county is place:
        return Sight.MASKED if confidential else Sight.FULL
    if person.roles & _SEE_ALL_MASKED:
        return Sight.MASKED
    return Sight.NONE


def may_report_incident(person: Person) -> bool:
    """The rights department and the leader report a major incident and follow it up (四(五))."""
    return bool(person.roles & {Role.HANDLER, Role.LEADER})


def duty_sight(person: Person) -> Sight:
    """Incidents go to the party group and the board, and the programme is the prefecture's: the
    rights department and the leader read them whole, viewers masked, counties and departments
    not at all."""
    if person.roles & _SEE_ALL_FULL:
        return Sight.FULL
    return Sight.MASKED if person.roles & _SEE_ALL_MASKED else Sight.NONE


def may_run_programme(person: Person) -> bool:
    """The rights department records the 百姓热线 episodes and takes their questions in (一(五))."""
    return person.has(Role.HANDLER)


__all__ = [
    "Sight",
    "duty_sight",
    "may_read_access_log",
    "may_receive",
    "may_record_service",
    "may_report_incident",
    "may_run_programme",
    "may_see",
    "permission_problem",
    "report_county",
    "sees_personal_data",
    "service_sight",
    "sight",
]
