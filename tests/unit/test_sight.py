"""What each person sees of an order, decided in one place (SPEC section 3)."""

from __future__ import annotations

import json

import pytest

from hotline_core.adapters.serialization import unstructure_order
from hotline_core.domain.organization import Person
from hotline_core.domain.permissions import Sight, report_county, sight
from hotline_core.domain.privacy import masked_order
from hotline_core.domain.problems import Refused
from hotline_core.domain.vocabulary import Place, Role
from tests.support import ADMIN, HANDLER, LEADER, REHAB_CONTACT, TUMEN_CLERK, VIEWER, YANJI_CLERK

PHONE = "13800000000"
NOBODY = Person("nobody", set())


def test_the_rights_department_and_the_leader_see_every_order_whole(story) -> None:
    order = story().order
    assert sight(HANDLER, order) is Sight.FULL and sight(LEADER, order) is Sight.FULL


def test_a_county_sees_what_was_transferred_to_it_now_or_before_and_nothing_else(story) -> None:
    s = story().do("sign")
    assert sight(YANJI_CLERK, s.order) is Sight.NONE  # its county's place is not enough
    s.do("transfer", to="延吉市")
    assert sight(YANJI_CLERK, s.order) is Sight.FULL
    assert sight(TUMEN_CLERK, s.order) is Sight.NONE
    assert sight(REHAB_CONTACT, s.order) is Sight.NONE
    s.do("submit_result", YANJI_CLERK, text="已办")
    assert sight(YANJI_CLERK, s.order) is Sight.FULL


def test_a_department_sees_what_was_assigned_to_it(story) -> None:
    s = story().do("sign").do("assign", to="康复部")
    assert sight(REHAB_CONTACT, s.order) is Sight.FULL
    assert sight(YANJI_CLERK, s.order) is Sight.NONE


def test_viewers_and_administrators_see_everything_masked_and_strangers_nothing(story) -> None:
    order = story().order
    assert sight(VIEWER, order) is Sight.MASKED and sight(ADMIN, order) is Sight.MASKED
    assert sight(NOBODY, order) is Sight.NONE


def test_a_confidential_order_is_masked_for_its_county_but_not_for_the_rights_department(story) -> None:
    s = story(confidential=True).do("sign").do("transfer", to="延吉市")
    assert sight(YANJI_CLERK, s.order) is Sight.MASKED
    assert sight(HANDLER, s.order) is Sight.FULL


def test_a_clerk_who_is_also_a_viewer_sees_their_own_orders_whole(story) -> None:
    both = Person("yanji2", {Role.COUNTY_CLERK, Role.VIEWER}, county=Place.YANJI)
    s = story().do("sign").do("transfer", to="延吉市")
    assert sight(both, s.order) is Sight.FULL
    assert sight(both, story(id="B2").order) is Sight.MASKED


def test_a_masked_order_holds_the_phone_nowhere_record_notes_or_timeline(story) -> None:
    s = story().do("sign").do("contact", note=f"拨打 {PHONE} 与金某通话，地址延吉市河南街 1 号")
    s.do("record", phone="13912345678", address="新地址 9 号")
    view = masked_order(s.order)
    text = json.dumps(unstructure_order(view), ensure_ascii=False)
    for secret in (PHONE, "13912345678", "金某", "河南街", "新地址"):
        assert secret not in text, secret
    assert view.state.record.citizen.phone == "139****5678"
    assert view.state.status is s.order.state.status and view.state.owner == s.order.state.owner


def test_masking_a_note_leaves_ordinary_text_and_short_numbers_alone(story) -> None:
    def masked_note(note: str) -> str:
        return masked_order(story().do("sign", note=note).order).events[-1].note

    assert masked_note("2026-11-20 第 3 次来电，补助 12000 元") == "2026-11-20 第 3 次来电，补助 12000 元"
    assert "19800101" not in masked_note("身份证 22240119800101123X")
    assert masked_note("座机 0433-2512345") == "座机 043****2345"


@pytest.mark.parametrize("person", [HANDLER, LEADER, VIEWER, ADMIN])
def test_the_prefecture_chooses_the_county_of_a_report(person) -> None:
    assert report_county(person, Place.TUMEN) is Place.TUMEN
    assert report_county(person, None) is None


def test_a_county_clerk_reads_their_own_county_whatever_they_ask() -> None:
    assert report_county(YANJI_CLERK, Place.TUMEN) is Place.YANJI


def test_a_department_or_a_stranger_reads_no_report() -> None:
    for person in (REHAB_CONTACT, NOBODY):
        with pytest.raises(Refused):
            report_county(person, None)
