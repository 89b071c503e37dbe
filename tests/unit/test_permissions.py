"""Who may do what (SPEC section 3)."""

from __future__ import annotations

import pytest

from hotline_core.domain.events import Command
from hotline_core.domain.lifecycle import available_actions
from hotline_core.domain.organization import Person
from hotline_core.domain.permissions import (
    may_see,
    permission_problem,
    sees_personal_data,
)
from hotline_core.domain.problems import Refused
from hotline_core.domain.vocabulary import Action, Role
from tests.support import (
    ADMIN,
    HANDLER,
    LEADER,
    REHAB_CONTACT,
    TUMEN_CLERK,
    VIEWER,
    YANJI_CLERK,
)


def allowed(person: Person, story, action: str, **data) -> bool:
    return permission_problem(person, Command(action, data), story.state) is None


def test_the_handler_may_take_every_action_but_the_leaders_approval(story) -> None:
    s = story()
    for action in Action:
        if action is not Action.APPROVE_EXTENSION:
            assert allowed(HANDLER, s, action.value), action
    assert allowed(HANDLER, s, "approve_extension", by="center")
    assert not allowed(HANDLER, s, "approve_extension", by="leader")


def test_the_leader_only_decides_on_extensions(story) -> None:
    s = story()
    assert allowed(LEADER, s, "approve_extension", by="leader")
    assert allowed(LEADER, s, "refuse_extension")
    assert not allowed(LEADER, s, "sign")
    assert not allowed(LEADER, s, "close")


def test_a_county_clerk_acts_only_on_orders_their_county_owns(story) -> None:
    s = story().do("sign")
    assert not allowed(YANJI_CLERK, s, "contact")
    s.do("transfer", to="延吉市")
    assert allowed(YANJI_CLERK, s, "contact")
    assert allowed(YANJI_CLERK, s, "record")
    assert allowed(YANJI_CLERK, s, "submit_result")
    assert not allowed(YANJI_CLERK, s, "close")
    assert not allowed(YANJI_CLERK, s, "feedback")
    assert not allowed(TUMEN_CLERK, s, "contact")


def test_a_department_handles_its_own_orders_as_a_county_does(story) -> None:
    s = story().do("sign").do("assign", to="康复部").do("flag_emergency")
    for action in ("submit_result", "contact", "record", "first_reply"):  # issue 15: as counties
        assert allowed(REHAB_CONTACT, s, action)
    assert not allowed(REHAB_CONTACT, s, "feedback")
    other = Person("edu", {Role.DEPARTMENT}, department="教育就业部")
    assert not allowed(other, s, "submit_result")


@pytest.mark.parametrize("person", [VIEWER, ADMIN])
def test_viewers_and_administrators_do_not_handle_orders(story, person: Person) -> None:
    s = story()
    assert not any(allowed(person, s, a.value) for a in Action)
    assert available_actions(s.order, person) == []


def test_a_refusal_for_permission_names_the_login_and_the_action(story) -> None:
    s = story()
    with pytest.raises(Refused) as refused:
        s.do("sign", VIEWER)
    assert refused.value.messages() == ["viewer 无权进行“签收”"]
    assert refused.value.messages("en") == ["viewer may not 'sign'"]


def test_several_roles_add_up() -> None:
    both = Person("chief", {Role.HANDLER, Role.LEADER})
    assert both.has(Role.LEADER) and both.has(Role.HANDLER)


def test_units_see_only_orders_passed_to_them_everyone_else_sees_all(story) -> None:
    s = story().do("sign").do("transfer", to="延吉市")
    assert may_see(YANJI_CLERK, s.order)
    assert not may_see(TUMEN_CLERK, s.order)
    assert not may_see(REHAB_CONTACT, s.order)
    assert all(may_see(p, s.order) for p in (HANDLER, LEADER, VIEWER, ADMIN))


def test_a_unit_still_sees_an_order_after_sending_its_result_back(story) -> None:
    s = story().do("sign").do("transfer", to="延吉市").do("submit_result", YANJI_CLERK, text="已办")
    assert may_see(YANJI_CLERK, s.order)


def test_personal_data_is_for_the_roles_that_handle_orders() -> None:
    assert sees_personal_data(HANDLER) and sees_personal_data(YANJI_CLERK)
    assert not sees_personal_data(VIEWER) and not sees_personal_data(ADMIN)
