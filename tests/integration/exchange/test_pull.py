"""Pulling the platform's export: every field of the stored orders, the bad rows by row and
column, a child order, the center's correction, and a second pull that adds nothing."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from hotline_core import services
from hotline_core.adapters.repository import FileRepository
from hotline_core.domain.events import Command
from hotline_core.domain.exchange.outbox import Delivery
from hotline_core.domain.exchange.pulling import LinkKind
from hotline_core.domain.vocabulary import Action, AppealType, BusinessArea, Channel, Place
from hotline_core.services import exchange, outbox
from tests.integration.exchange.exports import order_row, write_csv, write_xlsx
from tests.support import at

NOW = at("2026-11-20 08:00")
CHANNELS = {"12345热线": Channel.PHONE, "网站": Channel.WEB, "微信": Channel.WECHAT, "短信": Channel.SMS}
TYPES = {"投诉": "complaint", "咨询": "consultation", "求助": "help", "举报": "report", "建议": "suggestion"}
AREAS = {
    "残疾人就业": BusinessArea.EMPLOYMENT,
    "康复": BusinessArea.REHABILITATION,
    "教育": BusinessArea.EDUCATION,
    "社会保障": BusinessArea.SOCIAL_SECURITY,
    "权益维护": BusinessArea.RIGHTS,
}
BAD = {
    33: {"联系电话": "12345"},  # not a phone number
    34: {"诉求内容": ""},  # the appeal is required
    35: {"派发时间": "11月20日上午"},  # not a time
}


def good_rows() -> list[dict[str, str]]:
    rows = [order_row(n) for n in range(1, 32)]
    child = order_row(1, 办件编号="YB202600001-01", 市级编号="SJ-0001-01", 诉求内容="子件：就业补贴发放问题")
    return [*rows, child]


@pytest.fixture
def repo(tmp_path: Path) -> FileRepository:
    repository = FileRepository.open(tmp_path / "db", create=True)
    services.initialise(repository, "clerk")
    return repository


@pytest.fixture
def export(tmp_path: Path) -> Path:
    """A folder as a clerk saves it: the Excel export (32 good rows, 3 bad) and a GBK CSV of three more."""
    folder = tmp_path / "export"
    folder.mkdir()
    bad = [order_row(n, **BAD[n]) for n in BAD]
    write_xlsx(folder / "办件导出.xlsx", good_rows() + bad)
    write_csv(folder / "补充.csv", [order_row(n) for n in range(40, 43)], "gbk")
    return folder


def expected(row: dict[str, str]) -> dict[str, object]:
    day = datetime.fromisoformat(row["派发时间"].replace("/", "-")).replace(tzinfo=NOW.tzinfo)
    return {
        "channel": CHANNELS[row["办件来源"]],
        "appeal_type": AppealType(TYPES[row["诉求类型"]]),
        "business_area": AREAS[row["事项小类"]],
        "text": row["诉求内容"],
        "name": row["诉求人"],
        "phone": row["联系电话"],
        "place": Place.PREFECTURE if row["所属区域"] == "延边州" else Place(row["所属区域"]),
        "received_at": day,
    }


def test_a_pulled_export_stores_every_field_and_reports_each_bad_row_by_row_and_column(
    repo: FileRepository, export: Path
) -> None:
    report = exchange.pull(repo, "clerk", exchange.file_platform(export), NOW)

    rows = good_rows() + [order_row(n) for n in range(40, 43)]
    assert sorted(report.added) == sorted(r["办件编号"] for r in rows)
    assert len(report.added) == 35
    rejected = sorted((p.source, p.row, p.column, p.problem.code) for p in report.rejected)
    assert rejected == [
        ("办件导出.xlsx", 34, "联系电话", "bad_phone"),
        ("办件导出.xlsx", 35, "诉求内容", "required"),
        ("办件导出.xlsx", 36, "派发时间", "bad_datetime"),
    ]
    snapshot = repo.snapshot()
    platform = snapshot.platform_orders()
    for row in rows:
        order = snapshot.order(row["办件编号"])
        assert order is not None, row["办件编号"]
        record, want = order.record, expected(row)
        assert order.events[0].action is Action.RECEIVE and order.events[0].actor == "clerk"
        assert record.received_at == want["received_at"]
        assert record.place == want["place"]
        assert (record.citizen.name, record.citizen.phone) == (want["name"], want["phone"])
        appeal = record.appeal
        assert (appeal.channel, appeal.appeal_type, appeal.business_area, appeal.text) == (
            want["channel"],
            want["appeal_type"],
            want["business_area"],
            want["text"],
        )
        kept = platform[row["办件编号"]]
        assert kept.fields["city_number"] == row["市级编号"]
        assert kept.fields["subject"] == row["诉求主题"]
        assert (kept.fields["category"], kept.fields["subcategory"]) == ("残疾人服务", row["事项小类"])
        assert kept.center_status == "待签收"
        assert kept.center_due == datetime.fromisoformat(row["承诺完成时间"]).replace(tzinfo=NOW.tzinfo)
    assert report.children == {"YB202600001-01": "YB202600001"}
    child = snapshot.links()["YB202600001-01"]
    assert (child.parent, child.kind) == ("YB202600001", LinkKind.CHILD)


def test_pulling_the_same_export_again_adds_nothing(repo: FileRepository, export: Path) -> None:
    exchange.pull(repo, "clerk", exchange.file_platform(export), NOW)
    before = {o.id: o for o in repo.snapshot().orders()}

    again = exchange.pull(repo, "clerk", exchange.file_platform(export), NOW)

    assert again.added == () and again.corrected == {}
    assert len(again.unchanged) == 35 and len(again.rejected) == 3
    assert {o.id: o for o in repo.snapshot().orders()} == before


def test_a_row_the_center_corrected_is_recorded_old_and_new_never_overwritten(
    repo: FileRepository, export: Path, tmp_path: Path
) -> None:
    exchange.pull(repo, "clerk", exchange.file_platform(export), NOW)
    fixed = order_row(5, 联系电话="13912345678", 承诺完成时间="2026-11-25 17:30:00")
    corrected = write_xlsx(tmp_path / "更正.xlsx", [fixed])

    report = exchange.pull(repo, "clerk", exchange.file_platform(corrected), at("2026-11-20 09:00"))

    assert list(report.corrected) == ["YB202600005"]
    changes = {c.field: (c.old, c.new) for c in report.corrected["YB202600005"]}
    assert changes == {
        "phone": ("13800000005", "13912345678"),
        "center_due": ("2026-11-20T17:30:00+08:00", "2026-11-25T17:30:00+08:00"),
    }
    order = repo.snapshot().order("YB202600005")
    assert order is not None
    assert order.record.citizen.phone == "13800000005"  # as received: the correction is an event
    assert order.state.record.citizen.phone == "13912345678"
    event = order.events[-1]
    assert (event.action, event.data) == (Action.RECORD, {"phone": "13912345678"})
    assert "13800000005 → 13912345678" in event.note
    kept = repo.snapshot().platform_orders()["YB202600005"]
    assert [(c.field, c.old, c.new) for c in kept.corrections] == [
        ("center_due", "2026-11-20T17:30:00+08:00", "2026-11-25T17:30:00+08:00"),
        ("phone", "13800000005", "13912345678"),
    ]
    assert kept.center_due == at("2026-11-25 17:30")
    assert (
        exchange.pull(repo, "clerk", exchange.file_platform(corrected), at("2026-11-20 09:05")).corrected
        == {}
    )


def test_pulling_the_older_export_again_after_a_correction_does_not_undo_it(
    repo: FileRepository, export: Path, tmp_path: Path
) -> None:
    exchange.pull(repo, "clerk", exchange.file_platform(export), NOW)
    corrected = write_xlsx(tmp_path / "更正.xlsx", [order_row(5, 联系电话="13912345678")])
    exchange.pull(repo, "clerk", exchange.file_platform(corrected), at("2026-11-20 09:00"))
    before = repo.snapshot().order("YB202600005")

    stale = exchange.pull(repo, "clerk", exchange.file_platform(export), at("2026-11-20 10:00"))

    assert stale.corrected == {} and "YB202600005" in stale.unchanged
    assert repo.snapshot().order("YB202600005") == before  # no 补录 back to the old phone
    kept = repo.snapshot().platform_orders()["YB202600005"]
    assert kept.fields["phone"] == "13912345678" and len(kept.corrections) == 1
    again = exchange.pull(repo, "clerk", exchange.file_platform(corrected), at("2026-11-20 11:00"))
    assert again.corrected == {}  # and the newer one is still the same as before


def test_a_dry_run_tells_what_would_happen_and_stores_nothing(repo: FileRepository, export: Path) -> None:
    report = exchange.pull(repo, "clerk", exchange.file_platform(export), NOW, dry_run=True)

    assert report.dry_run and len(report.added) == 35
    assert repo.snapshot().orders() == [] and repo.snapshot().platform_orders() == {}


def test_a_csv_in_utf8_with_bom_reads_as_the_gbk_one_does(repo: FileRepository, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bom.csv", [order_row(7)], "utf-8-sig")

    report = exchange.pull(repo, "clerk", exchange.file_platform(path), NOW)

    assert report.added == ("YB202600007",)
    order = repo.snapshot().order("YB202600007")
    assert order is not None and order.record.citizen.name == "金7"


def test_an_order_typed_in_by_hand_before_is_checked_against_the_platforms_row(
    repo: FileRepository, tmp_path: Path
) -> None:
    row = order_row(8)
    typed = {
        "id": row["办件编号"],
        "received_at": "2026-11-16T09:08:00+08:00",
        "channel": "sms",
        "appeal_type": "report",
        "appeal": row["诉求内容"],
        "name": row["诉求人"],
        "phone": "13800000088",  # one digit typed twice
        "county": "州本级",  # the export says 延边州
    }
    assert services.intake(repo, "clerk", [typed], NOW).added == ("YB202600008",)

    report = exchange.pull(repo, "clerk", exchange.file_platform(write_xlsx(tmp_path / "e.xlsx", [row])), NOW)

    assert report.added == ()
    assert [(c.field, c.old, c.new) for c in report.corrected["YB202600008"]] == [
        ("phone", "13800000088", "13800000008")
    ]
    order = repo.snapshot().order("YB202600008")
    assert order is not None and order.state.record.citizen.phone == "13800000008"
    again = exchange.pull(repo, "clerk", exchange.file_platform(tmp_path / "e.xlsx"), NOW)
    assert again.unchanged == ("YB202600008",) and again.corrected == {}


def test_an_order_typed_in_by_hand_makes_no_message_until_pulled_and_then_counts_as_sent_by_hand(
    repo: FileRepository, tmp_path: Path
) -> None:
    row = order_row(9, 所属区域="延吉市")
    typed = {
        "id": row["办件编号"],
        "received_at": "2026-11-17T09:09:00+08:00",
        "channel": "phone",
        "appeal_type": "suggestion",
        "appeal": row["诉求内容"],
        "name": row["诉求人"],
        "phone": row["联系电话"],
        "county": "延吉市",
    }
    services.intake(repo, "clerk", [typed], NOW)
    services.act(repo, "clerk", "YB202600009", Command("sign"), NOW)
    assert outbox.outbox_status(repo, "clerk", NOW) == []

    first = exchange.pull(repo, "clerk", exchange.file_platform(write_xlsx(tmp_path / "a.xlsx", [row])), NOW)
    assert first.unchanged == ("YB202600009",) and first.corrected == {}
    assert [(i.message.id, i.state) for i in outbox.outbox_status(repo, "clerk", NOW)] == [
        ("YB202600009#1", Delivery.SENT)
    ]
    signed = write_xlsx(tmp_path / "b.xlsx", [order_row(9, 所属区域="延吉市", 办件状态="已签收")])
    assert exchange.pull(repo, "clerk", exchange.file_platform(signed), NOW).acknowledged == (
        "YB202600009#1",
    )


def test_an_administrator_cannot_read_a_citizens_stored_data_back_through_a_made_up_correction(
    repo: FileRepository, export: Path, tmp_path: Path
) -> None:
    from hotline_core.domain.organization import Person
    from hotline_core.domain.vocabulary import Role

    exchange.pull(repo, "clerk", exchange.file_platform(export), NOW)
    services.add_user(repo, "clerk", Person("admin2", {Role.ADMIN}))
    made_up = order_row(5, 诉求人="某某", 联系电话="13912345678")
    probe = write_xlsx(tmp_path / "probe.xlsx", [made_up])

    probing = exchange.file_platform(probe)
    report = exchange.pull(repo, "admin2", probing, at("2026-11-20 09:00"), dry_run=True)

    changes = {c.field: (c.old, c.new) for c in report.corrected["YB202600005"]}
    stored = repo.snapshot().order("YB202600005")
    assert stored is not None
    assert changes["phone"] == ("138****0005", "139****5678")
    assert stored.record.citizen.name not in changes["name"][0]
    assert changes["name"][0].endswith("*")


def test_a_handler_shown_the_centers_corrections_whole_is_in_the_access_log(
    repo: FileRepository, export: Path, tmp_path: Path
) -> None:
    exchange.pull(repo, "clerk", exchange.file_platform(export), NOW)
    fixed = write_xlsx(tmp_path / "更正.xlsx", [order_row(5, 联系电话="13912345678")])

    report = exchange.pull(repo, "clerk", exchange.file_platform(fixed), at("2026-11-20 09:00"), dry_run=True)

    assert {c.field: c.old for c in report.corrected["YB202600005"]}["phone"] == "13800000005"
    logged = [a for a in repo.snapshot().accesses() if a.subject == "exchange pull"]
    assert [a.orders for a in logged] == [("YB202600005",)]


def test_the_centers_due_time_is_told_only_of_an_order_one_may_see(
    repo: FileRepository, export: Path
) -> None:
    from tests.support import TUMEN_CLERK

    exchange.pull(repo, "clerk", exchange.file_platform(export), NOW)
    services.add_user(repo, "clerk", TUMEN_CLERK)

    assert exchange.center_due(repo, "clerk", "YB202600005") is not None
    assert exchange.center_due(repo, "tumen", "YB202600005") is None
