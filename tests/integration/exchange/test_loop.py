"""The whole loop with the 12345 platform through files only: pull → sign → package → the
platform's acknowledgement → feedback with a picture → package → a rating 不满意 → the
unsatisfied report in the outbox → a redo."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from hotline_core import services
from hotline_core.adapters.repository import FileRepository
from hotline_core.domain.escalation import RIGHTS, AlertKind
from hotline_core.domain.events import Command
from hotline_core.domain.exchange.outbox import Delivery, MessageKind
from hotline_core.domain.vocabulary import Action, Rating, Status
from hotline_core.services import exchange, outbox
from tests.integration.exchange.exports import MESSAGE_HEADINGS, message_row, order_row, write_xlsx
from tests.support import at

ORDER = "YB202600001"
PHOTO = b"\x89PNG\r\n\x1a\n a photo of the ramp as built"


def states(repo: FileRepository, now: datetime) -> dict[str, tuple[MessageKind, Delivery]]:
    return {i.message.id: (i.message.kind, i.state) for i in outbox.outbox_status(repo, "clerk", now)}


def packages(folder: Path) -> dict[str, Path]:
    return {p.name: p for p in folder.iterdir()}


def test_an_order_goes_round_the_whole_loop_through_files_only(tmp_path: Path) -> None:
    repo = FileRepository.open(tmp_path / "db", create=True)
    services.initialise(repo, "clerk")
    out = tmp_path / "to-platform"
    export = write_xlsx(
        tmp_path / "push.xlsx", [order_row(1, 派发时间="2026-11-23 09:00", 承诺完成时间="2026-11-26 09:00")]
    )

    # 1. The push comes in; the clerk signs: a signature waits in the outbox.
    assert exchange.pull(repo, "clerk", exchange.file_platform(export), at("2026-11-23 09:10")).added == (
        ORDER,
    )
    services.act(repo, "clerk", ORDER, Command("sign"), at("2026-11-23 09:20"))
    assert states(repo, at("2026-11-23 09:21")) == {f"{ORDER}#1": (MessageKind.SIGNATURE, Delivery.READY)}

    # 2. Push writes the package a clerk uploads, and marks it sent.
    sent = outbox.push(repo, "clerk", exchange.package_folder(out), at("2026-11-23 09:25"))
    assert [i.message.kind for i in sent] == [MessageKind.SIGNATURE]
    package = packages(out)[f"{ORDER}_1_signature"]
    assert "签收" in (package / "text.txt").read_text(encoding="utf-8")
    copy = json.loads((package / "message.json").read_text(encoding="utf-8"))
    assert (copy["order_id"], copy["kind"]) == (ORDER, "signature")
    assert states(repo, at("2026-11-23 09:26"))[f"{ORDER}#1"][1] is Delivery.SENT

    # 3. The next export shows the platform has it: acknowledged.
    signed = write_xlsx(
        tmp_path / "push2.xlsx",
        [order_row(1, 派发时间="2026-11-23 09:00", 承诺完成时间="2026-11-26 09:00", 办件状态="已签收")],
    )
    report = exchange.pull(repo, "clerk", exchange.file_platform(signed), at("2026-11-23 10:00"))
    assert report.acknowledged == (f"{ORDER}#1",) and report.corrected == {}
    assert states(repo, at("2026-11-23 10:01"))[f"{ORDER}#1"][1] is Delivery.ACKNOWLEDGED

    # 4. Feedback with a picture: its package carries the text and the image.
    photo = tmp_path / "坡道.png"
    photo.write_bytes(PHOTO)
    services.act(repo, "clerk", ORDER, Command("contact"), at("2026-11-23 10:30"))
    pictures = services.inspect_attachments(repo, [photo])
    feedback = Command("feedback", {"text": "已协调用人单位安排就业岗位"}, attachments=pictures)
    services.act(repo, "clerk", ORDER, feedback, at("2026-11-23 14:00"))
    sent = outbox.push(repo, "clerk", exchange.package_folder(out), at("2026-11-23 14:05"))
    assert [i.message.kind for i in sent] == [MessageKind.FEEDBACK]
    package = packages(out)[f"{ORDER}_3_feedback"]
    assert "已协调用人单位安排就业岗位" in (package / "text.txt").read_text(encoding="utf-8")
    assert [p.read_bytes() for p in (package / "images").iterdir()] == [PHOTO]

    # 5. The center's callback: reached, 不满意, the citizen's words; applied at the platform's time.
    callback = message_row(
        ORDER, "回访", "2026-11-24 10:00", 回访结果="已联系", 满意度="不满意", 群众意见="岗位离家太远"
    )
    rated = write_xlsx(tmp_path / "messages1.xlsx", [callback], MESSAGE_HEADINGS)
    report = exchange.pull(repo, "clerk", exchange.file_platform(rated), at("2026-11-24 11:00"))
    assert report.refused == () and len(report.applied) == 1
    assert report.acknowledged == (f"{ORDER}#3",)
    order = services.find_order(repo, "clerk", ORDER, at("2026-11-24 11:00"))
    assert order.state.rating is Rating.UNSATISFIED and order.state.rated_at == at("2026-11-24 10:00")
    assert "岗位离家太远" in order.events[-1].note and order.events[-1].entered_at == at("2026-11-24 11:00")
    assert any(a.kind is AlertKind.UNSATISFIED for a in repo.snapshot().alerts())

    # 6. The unsatisfied report the clerk writes is in the outbox, and goes out as a package.
    report_text = Command("report_unsatisfied", {"text": "已再次联系，协调就近岗位"})
    services.act(repo, "clerk", ORDER, report_text, at("2026-11-24 14:00"))
    assert states(repo, at("2026-11-24 14:01"))[f"{ORDER}#5"] == (
        MessageKind.UNSATISFIED_REPORT,
        Delivery.READY,
    )
    outbox.push(repo, "clerk", exchange.package_folder(out), at("2026-11-24 14:10"))
    assert "协调就近岗位" in (packages(out)[f"{ORDER}_5_unsatisfied_report"] / "text.txt").read_text("utf-8")

    # 7. The center sends it back for redo: a new round, at the platform's time.
    redo = write_xlsx(
        tmp_path / "messages2.xlsx", [message_row(ORDER, "重办", "2026-11-25 09:00")], MESSAGE_HEADINGS
    )
    report = exchange.pull(repo, "clerk", exchange.file_platform(redo), at("2026-11-25 09:30"))
    order = services.find_order(repo, "clerk", ORDER, at("2026-11-25 09:30"))
    assert order.events[-1].action is Action.REDO and order.state.redo_at == at("2026-11-25 09:00")
    assert order.state.status is Status.HANDLING and len(order.state.rounds) == 1
    assert report.acknowledged == (f"{ORDER}#5",)

    # Pulling the same messages again applies nothing twice.
    again = exchange.pull(repo, "clerk", exchange.file_platform(redo), at("2026-11-25 09:40"))
    assert again.applied == () and again.refused == ()
    assert len(services.find_order(repo, "clerk", ORDER, at("2026-11-25 09:40")).events) == len(order.events)


def test_a_center_message_the_rules_forbid_is_refused_with_the_reason(tmp_path: Path) -> None:
    repo = FileRepository.open(tmp_path / "db", create=True)
    services.initialise(repo, "clerk")
    export = write_xlsx(
        tmp_path / "push.xlsx", [order_row(2, 派发时间="2026-11-23 09:00", 承诺完成时间="2026-11-26 09:00")]
    )
    exchange.pull(repo, "clerk", exchange.file_platform(export), at("2026-11-23 09:10"))
    closing = write_xlsx(
        tmp_path / "m.xlsx", [message_row("YB202600002", "结案", "2026-11-23 09:30")], MESSAGE_HEADINGS
    )

    report = exchange.pull(repo, "clerk", exchange.file_platform(closing), at("2026-11-23 10:00"))

    assert report.applied == ()
    (refusal,) = report.refused
    assert refusal.message.row == 2 and [p.code for p in refusal.problems] == ["wrong_status"]
    order = repo.snapshot().order("YB202600002")
    assert order is not None and [e.action for e in order.events] == [Action.RECEIVE]


def test_a_message_ready_for_more_than_an_hour_alerts_the_rights_department(tmp_path: Path) -> None:
    repo = FileRepository.open(tmp_path / "db", create=True)
    services.initialise(repo, "clerk")
    export = write_xlsx(
        tmp_path / "push.xlsx", [order_row(3, 派发时间="2026-11-23 09:00", 承诺完成时间="2026-11-26 09:00")]
    )
    exchange.pull(repo, "clerk", exchange.file_platform(export), at("2026-11-23 09:10"))
    services.act(repo, "clerk", "YB202600003", Command("sign"), at("2026-11-23 09:20"))

    services.run_escalation(repo, at("2026-11-23 10:15"))
    assert not [a for a in repo.snapshot().alerts() if a.kind is AlertKind.OUTBOX_WAITING]
    services.run_escalation(repo, at("2026-11-23 10:21"))

    (alert,) = [a for a in repo.snapshot().alerts() if a.kind is AlertKind.OUTBOX_WAITING]
    assert (alert.order_id, alert.due) == ("YB202600003", at("2026-11-23 10:20"))
    assert alert.recipients == (RIGHTS,)
    services.run_escalation(repo, at("2026-11-23 11:00"))
    assert len([a for a in repo.snapshot().alerts() if a.kind is AlertKind.OUTBOX_WAITING]) == 1
    assert timedelta(minutes=repo.snapshot().settings().outbox_alert_minutes) == timedelta(hours=1)


def test_a_receipt_from_the_center_acknowledges_the_message_it_names_and_no_other(tmp_path: Path) -> None:
    repo = FileRepository.open(tmp_path / "db", create=True)
    services.initialise(repo, "clerk")
    export = write_xlsx(
        tmp_path / "push.xlsx", [order_row(4, 派发时间="2026-11-23 09:00", 承诺完成时间="2026-11-26 09:00")]
    )
    exchange.pull(repo, "clerk", exchange.file_platform(export), at("2026-11-23 09:10"))
    order = "YB202600004"
    services.act(repo, "clerk", order, Command("sign"), at("2026-11-23 09:20"))
    services.act(
        repo,
        "clerk",
        order,
        Command("request_return", {"reason": "非本单位职责", "basis": "三定方案"}),
        at("2026-11-23 09:30"),
    )
    receipts = [
        message_row(order, "已接收", "2026-11-23 10:00", 回执编号=f"{order}#2"),
        message_row(order, "已接收", "2026-11-23 10:01", 回执编号=f"{order}#9"),
    ]

    report = exchange.pull(
        repo,
        "clerk",
        exchange.file_platform(write_xlsx(tmp_path / "r.xlsx", receipts, MESSAGE_HEADINGS)),
        at("2026-11-23 10:05"),
    )

    assert report.acknowledged == (f"{order}#2",)
    assert [(r.message.row, [p.code for p in r.problems]) for r in report.refused] == [
        (3, ["receipt_unknown_message"])
    ]
    assert states(repo, at("2026-11-23 10:06")) == {
        f"{order}#1": (MessageKind.SIGNATURE, Delivery.READY),
        f"{order}#2": (MessageKind.RETURN_REQUEST, Delivery.ACKNOWLEDGED),
    }


def test_the_outbox_alert_follows_the_administrators_setting(tmp_path: Path) -> None:
    repo = FileRepository.open(tmp_path / "db", create=True)
    services.initialise(repo, "clerk")
    services.change_settings(repo, "clerk", outbox_alert_minutes=30)
    export = write_xlsx(
        tmp_path / "push.xlsx", [order_row(5, 派发时间="2026-11-23 09:00", 承诺完成时间="2026-11-26 09:00")]
    )
    exchange.pull(repo, "clerk", exchange.file_platform(export), at("2026-11-23 09:10"))
    services.act(repo, "clerk", "YB202600005", Command("sign"), at("2026-11-23 09:20"))

    waiting = services.run_escalation(repo, at("2026-11-23 09:51"))

    assert [(a.kind, a.order_id) for a in waiting if a.kind is AlertKind.OUTBOX_WAITING] == [
        (AlertKind.OUTBOX_WAITING, "YB202600005")
    ]


def test_on_a_full_disk_the_outbox_still_answers_with_its_texts_hidden(tmp_path: Path, monkeypatch) -> None:
    import errno

    repo = FileRepository.open(tmp_path / "db", create=True)
    services.initialise(repo, "clerk")
    export = write_xlsx(
        tmp_path / "push.xlsx", [order_row(6, 派发时间="2026-11-23 09:00", 承诺完成时间="2026-11-26 09:00")]
    )
    exchange.pull(repo, "clerk", exchange.file_platform(export), at("2026-11-23 09:10"))
    services.act(repo, "clerk", "YB202600006", Command("sign"), at("2026-11-23 09:20"))

    def full_disk():
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(repo, "transaction", full_disk)
    (item,) = outbox.outbox_status(repo, "clerk", at("2026-11-23 09:30"))

    assert item.state is Delivery.READY and item.message.text == ""
