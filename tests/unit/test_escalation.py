"""Escalation fires once per order and limit, into the right inboxes."""

from __future__ import annotations

from datetime import timedelta

from hotline_core.domain.escalation import (
    LEADER,
    RIGHTS,
    AlertKind,
    escalate,
    recipients_of,
    summary_alerts,
)
from hotline_core.domain.quarters import Quarter
from hotline_core.domain.vocabulary import Place
from tests.support import HANDLER, YANJI_CLERK, at
from tests.support import LEADER as LEADER_PERSON


def kinds(alerts) -> set[tuple[str, str]]:
    return {(a.kind.value, a.limit) for a in alerts}


def test_a_limit_due_soon_tells_the_owner(story) -> None:
    s = story().do("sign").do("transfer", to="延吉市")
    alerts = escalate([s.order], at("2026-11-23 11:00"))  # contact due 16:00, 5 h of 24 left
    soon = [a for a in alerts if a.kind is AlertKind.DUE_SOON]
    assert [(a.limit, a.recipients) for a in soon] == [("contact", ("county:延吉市",))]


def test_sign_overdue_tells_the_rights_department_and_the_leader(story) -> None:
    alerts = escalate([story().order], at("2026-11-20 17:30"))
    overdue = [a for a in alerts if a.kind is AlertKind.SIGN_OVERDUE]
    assert [a.recipients for a in overdue] == [(RIGHTS, LEADER)]


def test_close_overdue_puts_a_supervision_item_on_the_owning_unit(story) -> None:
    s = story().do("sign").do("contact").do("transfer", to="图们市")
    alerts = escalate([s.order], at("2026-11-25 16:30"))
    [close] = [a for a in alerts if a.kind is AlertKind.CLOSE_OVERDUE]
    assert close.supervision_of == "图们市"
    assert close.recipients == ("county:图们市", RIGHTS, LEADER)


def test_an_emergency_tells_the_leader_at_once(story) -> None:
    s = story().do("flag_emergency")
    alerts = escalate([s.order], s.now)
    assert [(a.kind, a.recipients) for a in alerts if a.kind is AlertKind.EMERGENCY] == [
        (AlertKind.EMERGENCY, (LEADER,))
    ]


def test_an_unsatisfied_rating_tells_the_leader_and_the_handler(story) -> None:
    s = story(reply="已答复").do("sign").do("contact").do("feedback", text="已办", no_image_reason="电话答复")
    s.do("rate", level="unsatisfied")
    [alert] = [a for a in escalate([s.order], s.now) if a.kind is AlertKind.UNSATISFIED]
    assert alert.recipients == (LEADER, RIGHTS)


def test_re_evaluating_adds_nothing_already_raised(story) -> None:
    s = story()
    first = escalate([s.order], at("2026-11-20 17:30"))
    raised = {a.key for a in first}
    assert escalate([s.order], at("2026-11-20 17:30"), raised) == []
    later = escalate([s.order], at("2026-11-23 12:00"), raised)
    assert kinds(later) == {("due_soon", "contact")}
    assert not raised & {a.key for a in later}


def test_a_redo_opens_a_new_close_deadline_that_alerts_again_once(story) -> None:
    s = story(reply="已答复").do("sign").do("contact")
    late = escalate([s.order], at("2026-11-25 16:30"))
    raised = {a.key for a in late}
    assert ("close_overdue", "close") in kinds(late)
    s.do("feedback", text="已办", no_image_reason="电话答复", after=timedelta(days=6)).do(
        "rate", level="unsatisfied"
    )
    s.do("report_unsatisfied", text="已解释").do("redo")  # Thu 11-26 16:06: close due Tue 12-01 16:06
    raised |= {a.key for a in escalate([s.order], s.now, raised)}
    again = escalate([s.order], at("2026-12-01 17:00"), raised)
    assert kinds(again) == {("close_overdue", "close")}
    raised |= {a.key for a in again}
    assert escalate([s.order], at("2026-12-02 09:00"), raised) == []


def test_a_met_limit_raises_nothing(story) -> None:
    s = story().do("sign", after=timedelta(minutes=10)).do("contact")
    assert kinds(escalate([s.order], at("2026-11-20 16:30"))) == set()


def test_inboxes_follow_the_persons_roles_and_unit() -> None:
    assert recipients_of(HANDLER) == {RIGHTS}
    assert LEADER in recipients_of(LEADER_PERSON)
    assert recipients_of(YANJI_CLERK) == {"county:延吉市"}


def test_a_county_that_has_not_filed_its_summary_alerts_the_rights_department() -> None:
    due = at("2026-10-09 00:00")
    assert summary_alerts(Quarter(2026, 3), due, set(), at("2026-10-08 23:00")) == []
    alerts = summary_alerts(Quarter(2026, 3), due, {Place.YANJI}, at("2026-10-09 09:00"))
    assert len(alerts) == 7 and Place.YANJI.value not in {a.supervision_of for a in alerts}
    assert all(a.recipients == (RIGHTS,) for a in alerts)
    again = summary_alerts(
        Quarter(2026, 3), due, {Place.YANJI}, at("2026-10-10 09:00"), {a.key for a in alerts}
    )
    assert again == []
