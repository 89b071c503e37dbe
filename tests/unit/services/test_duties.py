"""The duties beyond the order: a legal-aid referral followed until it is back, a major incident
that tells the leader at once, the 百姓热线 programme whose questions become orders."""

from __future__ import annotations

import pytest

from hotline_core import services
from hotline_core.adapters.memory import MemoryRepository
from hotline_core.domain.accesslog import AccessKind
from hotline_core.domain.duties.incident import IncidentStepKind
from hotline_core.domain.duties.programme import episode_of
from hotline_core.domain.duties.service import LegalAidState
from hotline_core.domain.escalation import LEADER, AlertKind
from hotline_core.domain.events import Command
from hotline_core.domain.organization import Person
from hotline_core.domain.problems import InvalidInput, Refused
from hotline_core.domain.reports import to_document
from hotline_core.domain.reports.duties import SUMMARY_COLUMNS
from hotline_core.domain.vocabulary import Channel, Place, Role, Status
from tests.support import COMPLETE_FORM, at


@pytest.fixture
def people(repo: MemoryRepository) -> MemoryRepository:
    for person in (
        Person("boss", {Role.LEADER}),
        Person("auditor", {Role.VIEWER}),
        Person("yanji", {Role.COUNTY_CLERK}, county=Place.YANJI),
        Person("tumen", {Role.COUNTY_CLERK}, county=Place.TUMEN),
    ):
        services.add_user(repo, "clerk", person)
    services.intake(repo, "clerk", [COMPLETE_FORM])  # A1, 延吉市, received 2026-11-20 16:00
    return repo


def summary_rows(repo: MemoryRepository, login: str = "clerk") -> dict[str, dict[str, object]]:
    report = services.report(repo, login, "quarterly", "2026Q4", None, at("2026-12-31 12:00"))
    [table] = to_document(report).tables  # one table, the services' columns after the orders' own
    return {str(r["place"]): r for r in table.records()}


# -- services -------------------------------------------------------------------------------


def test_a_legal_aid_referral_is_tracked_to_its_outcome_and_counted_in_the_quarterly_summary(
    people: MemoryRepository,
) -> None:
    referral = services.add_service(
        people, "clerk", "legal_aid", {"topic": "工伤赔偿纠纷"}, at("2026-11-21 09:00"), order_id="A1"
    )
    assert referral.place is Place.YANJI and referral.centre == "法律援助中心"
    assert referral.legal_aid_state() is LegalAidState.REFERRED
    assert summary_rows(people)["延吉市"]["legal_aid_out"] == 1

    services.update_service(people, "clerk", referral.id, "accepted", {}, at("2026-11-23 10:00"))
    with pytest.raises(InvalidInput) as missing:
        services.update_service(people, "clerk", referral.id, "concluded", {}, at("2026-12-10 10:00"))
    assert missing.value.problems[0].field == "outcome"
    done = services.update_service(
        people, "clerk", referral.id, "concluded", {"outcome": "调解成功，获赔三万元"}, at("2026-12-10 10:00")
    )
    assert done.legal_aid_state() is LegalAidState.CONCLUDED and done.outcome == "调解成功，获赔三万元"
    with pytest.raises(Refused):  # back already: nothing more happens to it
        services.update_service(
            people, "clerk", referral.id, "refused", {"reason": "x"}, at("2026-12-11 10:00")
        )

    rows = summary_rows(people)
    assert rows["延吉市"]["service_legal_aid"] == 1 and rows["延吉市"]["legal_aid_concluded"] == 1
    assert rows["延吉市"]["legal_aid_out"] == 0 and rows["合计"]["services"] == 1
    assert rows["图们市"]["services"] == 0


def test_services_are_counted_by_kind_county_and_month_and_the_order_figures_stay_as_they_were(
    people: MemoryRepository,
) -> None:
    before = services.report(people, "clerk", "quarterly", "2026Q4", None, at("2026-12-31 12:00"))
    services.add_service(
        people, "clerk", "政策宣传", {"name": "李某", "topic": "残疾人两项补贴"}, at("2026-10-15 10:00")
    )
    services.add_service(
        people, "tumen", "法制教育", {"name": "朴某", "topic": "残疾人保障法"}, at("2026-11-02 10:00")
    )
    after = services.report(people, "clerk", "quarterly", "2026Q4", None, at("2026-12-31 12:00"))
    assert after.rows == before.rows and after.total == before.total  # type: ignore[union-attr]
    theirs = {c.key for c in SUMMARY_COLUMNS}
    before_cells, after_cells = (
        [{k: v for k, v in r.items() if k not in theirs} for r in to_document(report).tables[0].records()]
        for report in (before, after)
    )
    assert after_cells == before_cells and before_cells[-1]["received"] == 1
    assert summary_rows(people)["图们市"]["service_legal_education"] == 1
    hot = services.report(people, "clerk", "hotspots", "2026Q4", None, at("2026-12-31 12:00"))
    tables = {t.key: t.records() for t in to_document(hot).tables}
    months = {r["month"]: r for r in tables["services_by_month"]}
    assert months["2026-10"]["publicity"] == 1 and months["2026-11"]["legal_education"] == 1
    assert {r["place"]: r["total"] for r in tables["services_by_place"]}["合计"] == 2


def test_a_county_clerk_records_services_of_their_county_only_and_sees_only_those(
    people: MemoryRepository,
) -> None:
    with pytest.raises(InvalidInput) as wrong:
        services.add_service(
            people,
            "tumen",
            "publicity",
            {"name": "李某", "topic": "补贴", "county": "延吉市"},
            at("2026-11-21 09:00"),
        )
    assert wrong.value.problems[0].field == "county"
    services.add_service(
        people, "yanji", "publicity", {"name": "李某", "topic": "补贴"}, at("2026-11-21 09:00")
    )
    assert services.list_services(people, "tumen", at("2026-11-21 10:00")) == []
    [mine] = services.list_services(people, "yanji", at("2026-11-21 10:00"))
    assert mine.citizen.name == "李某" and mine.place is Place.YANJI


def test_the_viewer_sees_a_service_masked_and_whole_views_are_logged(people: MemoryRepository) -> None:
    services.add_service(
        people,
        "clerk",
        "counselling",
        {
            "name": "金某某",
            "phone": "13812345678",
            "disability": "mental",
            "topic": "金某某情绪低落",
            "follow_up": "2026-11-28",
        },
        at("2026-11-21 09:00"),
    )
    [seen] = services.list_services(people, "auditor", at("2026-11-21 10:00"))
    assert seen.citizen.name == "金**" and seen.citizen.phone == "138****5678"
    assert seen.citizen.disability is None and "金某某" not in seen.topic
    [whole] = services.list_services(people, "clerk", at("2026-11-21 10:00"), "2026Q4")
    assert whole.citizen.disability is not None
    log = people.snapshot().accesses()
    assert [(a.login, a.kind, a.orders) for a in log] == [("clerk", AccessKind.DUTY, (whole.id,))]


def test_a_counselling_follow_up_due_alerts_the_unit_that_gave_the_talk_once(
    people: MemoryRepository,
) -> None:
    with pytest.raises(InvalidInput) as missing:
        services.add_service(
            people, "yanji", "counselling", {"name": "李某", "topic": "焦虑"}, at("2026-11-21 09:00")
        )
    assert missing.value.problems[0].field == "follow_up"
    talk = services.add_service(
        people,
        "yanji",
        "counselling",
        {"name": "李某", "topic": "焦虑", "follow_up": "2026-11-25"},
        at("2026-11-21 09:00"),
    )
    early = services.run_escalation(people, at("2026-11-24 09:00"))
    assert not [a for a in early if a.kind is AlertKind.FOLLOW_UP_DUE]
    [due] = [
        a
        for a in services.run_escalation(people, at("2026-11-25 08:00"))
        if a.kind is AlertKind.FOLLOW_UP_DUE
    ]
    assert due.subject == talk.id and due.recipients == ("county:延吉市",)
    again = services.run_escalation(people, at("2026-11-26 08:00"))
    assert not [a for a in again if a.kind is AlertKind.FOLLOW_UP_DUE]
    services.update_service(
        people, "yanji", talk.id, "followed_up", {"note": "情绪平稳"}, at("2026-11-26 09:00")
    )
    with pytest.raises(Refused):
        services.update_service(people, "yanji", talk.id, "followed_up", {}, at("2026-11-26 10:00"))


# -- major incidents --------------------------------------------------------------------------


def test_a_major_incident_alerts_the_leader_at_once_and_is_closed_after_its_follow_ups(
    people: MemoryRepository,
) -> None:
    incident, alert = services.report_incident(
        people,
        "clerk",
        {
            "what": "来电人称欲到州政府聚集上访",
            "measures": "已联系延吉市残联上门稳控",
            "told_at": "2026-11-21T09:30+08:00",
        },
        at("2026-11-21 10:00"),
        order_id="A1",
    )
    assert alert.recipients == (LEADER,) and alert.kind is AlertKind.INCIDENT and alert.order_id == "A1"
    snapshot = people.snapshot()
    inbox = services.inbox(snapshot, snapshot.users()["boss"])
    assert [i.alert.subject for i in inbox if i.alert.kind is AlertKind.INCIDENT] == [incident.id]
    assert incident.told == "党组、理事会" and incident.place is Place.YANJI

    services.follow_incident(
        people,
        "boss",
        incident.id,
        IncidentStepKind.FOLLOW_UP,
        {"text": "已上门走访", "told": "理事长"},
        at("2026-11-22 10:00"),
    )
    closed = services.follow_incident(
        people,
        "clerk",
        incident.id,
        IncidentStepKind.CLOSE,
        {"text": "诉求已解决，未发生聚集"},
        at("2026-11-25 10:00"),
    )
    assert closed.closed and [s.kind for s in closed.steps] == [
        IncidentStepKind.FOLLOW_UP,
        IncidentStepKind.CLOSE,
    ]
    with pytest.raises(Refused):
        services.follow_incident(
            people, "clerk", incident.id, IncidentStepKind.FOLLOW_UP, {"text": "再报"}, at("2026-11-26 10:00")
        )
    assert services.find_incident(people, "boss", incident.id, at("2026-11-26 10:00")).closed_at == at(
        "2026-11-25 10:00"
    )


def test_a_county_clerk_can_neither_report_nor_read_an_incident(people: MemoryRepository) -> None:
    with pytest.raises(Refused):
        services.report_incident(people, "yanji", {"what": "x", "measures": "y"}, at("2026-11-21 10:00"))
    with pytest.raises(Refused):
        services.list_incidents(people, "yanji", at("2026-11-21 10:00"))


def test_an_incident_without_its_measures_is_refused_and_stores_nothing(people: MemoryRepository) -> None:
    with pytest.raises(InvalidInput) as refused:
        services.report_incident(people, "clerk", {"what": "x"}, at("2026-11-21 10:00"))
    assert [p.field for p in refused.value.problems] == ["measures"]
    assert people.snapshot().incidents() == [] and not people.snapshot().alerts()


# -- the 百姓热线 programme -------------------------------------------------------------------


def test_the_questions_of_an_episode_become_orders_of_the_programme_and_its_summary_follows_them(
    people: MemoryRepository,
) -> None:
    episode = services.add_episode(
        people,
        "clerk",
        {"date": "2026-11-26", "guests": "州残联副理事长、维权部部长", "topics": "残疾人就业，两项补贴"},
        at("2026-11-26 08:00"),
    )
    assert episode.id == "BX20261126" and episode.guests == ("州残联副理事长", "维权部部长")
    first = services.take_question(
        people,
        "clerk",
        episode.id,
        {"appeal_type": "consultation", "appeal": "两项补贴如何申领", "name": "崔某"},
        at("2026-11-26 10:05"),
    )
    second = services.take_question(
        people,
        "clerk",
        episode.id,
        {"appeal_type": "help", "appeal": "轮椅维修", "county": "图们市"},
        at("2026-11-26 10:20"),
    )
    assert first.id == "BX20261126-01" and second.id == "BX20261126-02"
    stored = people.snapshot().order(first.id)
    assert (
        stored is not None
        and stored.record.appeal.channel is Channel.WEB
        and episode_of(stored) == episode.id
    )
    assert [q.order_id for q in people.snapshot().episodes()[0].questions] == [first.id, second.id]

    services.act(people, "clerk", first.id, Command("sign"), at("2026-11-26 10:30"))
    summary = services.episode_summary(people, "clerk", episode.id, at("2026-11-26 11:00"))
    assert [(q.order_id, q.status) for q in summary.questions] == [
        (first.id, Status.HANDLING),
        (second.id, Status.RECEIVED),
    ]
    assert dict(summary.by_status) == {Status.RECEIVED: 1, Status.HANDLING: 1}
    masked = services.episode_summary(people, "auditor", episode.id, at("2026-11-26 11:00"))
    assert len(masked.questions) == 2


def test_an_episode_day_is_recorded_once_and_a_question_keeps_the_programmes_channel(
    people: MemoryRepository,
) -> None:
    services.add_episode(
        people, "clerk", {"date": "2026-11-26", "guests": "副理事长"}, at("2026-11-26 08:00")
    )
    with pytest.raises(InvalidInput):
        services.add_episode(
            people, "clerk", {"date": "2026-11-26", "guests": "副理事长"}, at("2026-11-26 09:00")
        )
    with pytest.raises(InvalidInput) as channel:
        services.take_question(
            people,
            "clerk",
            "BX20261126",
            {"appeal_type": "help", "appeal": "x", "channel": "phone"},
            at("2026-11-26 10:00"),
        )
    assert channel.value.problems[0].field == "channel"
    with pytest.raises(Refused):
        services.take_question(
            people, "yanji", "BX20261126", {"appeal_type": "help", "appeal": "x"}, at("2026-11-26 10:00")
        )


def test_a_service_on_a_confidential_order_is_masked_for_the_county_it_was_passed_to(
    people: MemoryRepository,
) -> None:
    services.intake(people, "clerk", [{**COMPLETE_FORM, "id": "C1", "confidential": True}])
    services.add_service(
        people, "clerk", "publicity", {"topic": "补贴政策"}, at("2026-11-21 09:00"), order_id="C1"
    )
    services.add_service(
        people,
        "clerk",
        "publicity",
        {"name": "李某", "topic": "x", "county": "延吉市"},
        at("2026-11-21 09:00"),
    )
    seen = {
        s.order_id or s.citizen.name: s
        for s in services.list_services(people, "yanji", at("2026-11-21 10:00"))
    }
    assert seen["李某"].citizen.name == "李某"  # the county's own service, whole
    log = [a for a in people.snapshot().accesses() if a.login == "yanji"]
    assert log[0].orders == (seen["李某"].id,)  # the masked one is not logged as shown whole


def test_a_step_takes_only_its_own_field_and_one_who_gives_no_services_is_refused_first(
    people: MemoryRepository,
) -> None:
    referral = services.add_service(
        people, "clerk", "legal_aid", {"name": "金某", "topic": "x"}, at("2026-11-21 09:00")
    )
    with pytest.raises(InvalidInput) as wrong:
        services.update_service(
            people, "clerk", referral.id, "accepted", {"outcome": "胜诉"}, at("2026-11-22 09:00")
        )
    assert [(p.field, p.code) for p in wrong.value.problems] == [("outcome", "not_a_duty_field")]
    assert people.snapshot().service(referral.id) == referral
    with pytest.raises(Refused):  # the leader approves; the rights staff give the services
        services.add_service(people, "boss", "publicity", {}, at("2026-11-21 09:00"))
