"""Who may do what (SPEC section 3), as pure rules the UI and the CLI consult.

A person may hold several roles; an action is allowed when any of them
allows it. County clerks and department contacts act only on the orders
their unit currently owns; the leader approves extensions; viewers and
administrators read but do not handle orders.
"""

from __future__ import annotations

from hotline_core.domain.events import Command
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Person, Unit
from hotline_core.domain.problems import Problem
from hotline_core.domain.state import OrderState
from hotline_core.domain.vocabulary import Action, Role

# Departments handle as counties do (source 四(二) names them together; issue 15).
COUNTY_CLERK_ACTIONS = frozenset({Action.CONTACT, Action.RECORD, Action.SUBMIT_RESULT, Action.FIRST_REPLY})
DEPARTMENT_ACTIONS = COUNTY_CLERK_ACTIONS
LEADER_ACTIONS = frozenset({Action.APPROVE_EXTENSION, Action.REFUSE_EXTENSION})
# Only the leader in charge can give the leader's approval; the handler
# records the center's decisions, which reach the federation on the platform.
LEADER_ONLY = "leader"


def _role_allows(person: Person, role: Role, command: Command, state: OrderState) -> bool:
    action = command.action
    if role is Role.HANDLER:
        return not (action is Action.APPROVE_EXTENSION and command.data.get("by") == LEADER_ONLY)
    if role is Role.LEADER:
        return action in LEADER_ACTIONS and command.data.get("by", LEADER_ONLY) == LEADER_ONLY
    if role is Role.COUNTY_CLERK and person.county is not None:
        return action in COUNTY_CLERK_ACTIONS and state.owner == Unit.county(person.county)
    if role is Role.DEPARTMENT and person.department is not None:
        return action in DEPARTMENT_ACTIONS and state.owner == Unit.department(person.department)
    return False


def permission_problem(person: Person, command: Command, state: OrderState) -> Problem | None:
    """None when ``person`` may take ``command`` on an order in ``state``."""
    if any(_role_allows(person, role, command, state) for role in person.roles):
        return None
    return Problem("", "not_permitted", {"action": command.action.value, "login": person.login})


def may_see(person: Person, order: WorkOrder) -> bool:
    """Handlers, leaders, admins and viewers see every order; units see theirs."""
    if person.roles & {Role.HANDLER, Role.LEADER, Role.ADMIN, Role.VIEWER}:
        return True
    own = person.unit
    return any(
        e.action in (Action.TRANSFER, Action.ASSIGN) and e.data.get("to") == own.name for e in order.events
    )


def sees_personal_data(person: Person) -> bool:
    """Personal data is shown to the roles that handle orders, masked for the others."""
    return bool(person.roles & {Role.HANDLER, Role.COUNTY_CLERK, Role.DEPARTMENT, Role.LEADER})
