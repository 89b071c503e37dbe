"""Who may do what to the knowledge base (SPEC section 3), as one pure rule.

Departments and county clerks write: they submit drafts and changes for
entries their own unit owns and send them to review. The rights department
(handlers) writes for any unit, reviews, publishes and retires; an
administrator may publish, return and retire too. Everyone with a login
reads. A person with several roles may do what any of them allows.
"""

from __future__ import annotations

from hotline_core.domain.knowledge.entries import KbAction
from hotline_core.domain.knowledge.wording import KbProblem, problem
from hotline_core.domain.organization import Person, Unit
from hotline_core.domain.vocabulary import Role

WRITING = frozenset({KbAction.SUBMIT, KbAction.EDIT, KbAction.SEND_TO_REVIEW})
REVIEWING = frozenset({KbAction.RETURN, KbAction.PUBLISH, KbAction.RETIRE})


def _own_unit(person: Person, role: Role) -> Unit | None:
    """The unit a unit-bound role writes for; None when the person lacks its place."""
    if role is Role.DEPARTMENT and person.department is not None:
        return Unit.department(person.department)
    if role is Role.COUNTY_CLERK and person.county is not None:
        return Unit.county(person.county)
    return None


def _role_allows(person: Person, role: Role, action: KbAction, owner: Unit) -> bool:
    if action is KbAction.READ:
        return True
    if role is Role.HANDLER:
        return action in WRITING or action in REVIEWING
    if role is Role.ADMIN:
        return action in REVIEWING
    if role in (Role.DEPARTMENT, Role.COUNTY_CLERK):
        return action in WRITING and _own_unit(person, role) == owner
    return False


def kb_allows(person: Person, action: KbAction, owner: Unit) -> bool:
    """Whether ``person`` may take ``action`` on an entry that ``owner`` is responsible for."""
    return any(_role_allows(person, role, action, owner) for role in person.roles)


def sees_drafts(person: Person) -> bool:
    """Whether a search by ``person`` also shows the unpublished drafts (marked unreviewed):
    the staff who write, review or publish answers do; a viewer (an office meeting, an
    auditor) sees what citizens may be told, the published answers only."""
    return bool(person.roles - {Role.VIEWER})


def kb_permission_problem(person: Person, action: KbAction, owner: Unit) -> KbProblem | None:
    """None when allowed; otherwise the reason, naming the unit when that is what is wrong."""
    if kb_allows(person, action, owner):
        return None
    for role in sorted(person.roles):
        unit = _own_unit(person, role)
        if unit is not None and action in WRITING:
            return problem("not_own_unit", "owner", login=person.login, unit=unit.name, owner=owner.name)
    return problem("not_permitted", login=person.login, action=action.value)
