"""The file adapter: another platform's headings through a mapping file, JSON exports,
exports a clerk cannot have meant, and the packages' layout."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from hotline_core.adapters.platform_files import PackageFolder, PlatformFiles, decode, read_tables
from hotline_core.domain.exchange.outbox import MessageKind, Outgoing, Package
from hotline_core.domain.problems import InvalidInput
from tests.integration.exchange.exports import write_csv
from tests.support import at

HUNCHUN = """
[orders]
"工单号" = "id"
"来源渠道" = "channel"
"反映内容" = "appeal"
"要求办结时间" = "center_due"

[values.channel]
"热线来电" = "phone"
"""


def test_another_platforms_json_export_reads_through_a_toml_mapping(tmp_path: Path) -> None:
    mapping = tmp_path / "hunchun.toml"
    mapping.write_text(HUNCHUN, encoding="utf-8")
    export = tmp_path / "export.json"
    item = {
        "工单号": "HC1",
        "来源渠道": "热线来电",
        "反映内容": "求助轮椅",
        "诉求类型": "求助",
        "派发时间": "2026-11-20 09:00",
    }
    export.write_text(json.dumps([item], ensure_ascii=False), encoding="utf-8")

    incoming = PlatformFiles(export, mapping).incoming()

    (table,) = incoming.tables
    assert table.rows[0][0] == 1 and incoming.mapping.order_field("工单号") == "id"
    assert incoming.mapping.word("channel", "热线来电") == "phone"


def test_a_folder_reads_its_exports_in_name_order_and_skips_other_files(tmp_path: Path) -> None:
    write_csv(tmp_path / "b.csv", [], "gbk", headings=("办件编号",))
    write_csv(tmp_path / "a.csv", [], "utf-8-sig", headings=("办件编号",))
    (tmp_path / "readme.txt").write_text("x", encoding="utf-8")

    assert [t.source for t in read_tables(tmp_path)] == ["a.csv", "b.csv"]


def test_gbk_and_utf8_with_bom_decode_and_anything_else_is_refused(tmp_path: Path) -> None:
    assert decode("办件编号".encode("gbk"), tmp_path) == "办件编号"
    assert decode("\ufeff办件编号".encode(), tmp_path) == "办件编号"
    with pytest.raises(InvalidInput) as error:
        read_tables(tmp_path / "export.docx")
    assert error.value.problems[0].code == "not_a_platform_file"
    with pytest.raises(InvalidInput) as error:
        read_tables(tmp_path / "missing.csv")
    assert error.value.problems[0].code == "unreadable_platform_file"
    (tmp_path / "broken.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(InvalidInput):
        read_tables(tmp_path / "broken.xlsx")


def test_a_package_holds_the_text_to_paste_the_pictures_and_a_json_copy(tmp_path: Path) -> None:
    message = Outgoing("A1#3", "A1", MessageKind.FEEDBACK, at("2026-11-20 10:00"), "已办", {"text": "已办"})

    where = Path(PackageFolder(tmp_path).deliver(Package(message, (("../坡道.png", b"\x89PNG"),))))

    assert where == tmp_path / "A1_3_feedback"
    assert (where / "text.txt").read_text(encoding="utf-8") == "办件编号：A1\n事项：办理反馈\n\n已办\n"
    assert (where / "images" / "01_坡道.png").read_bytes() == b"\x89PNG"
    copy = json.loads((where / "message.json").read_text(encoding="utf-8"))
    assert (copy["id"], copy["image_files"], copy["created_at"]) == (
        "A1#3",
        ["01_坡道.png"],
        "2026-11-20T10:00:00+08:00",
    )


def _message() -> Package:
    message = Outgoing("A1#3", "A1", MessageKind.FEEDBACK, at("2026-11-20 10:00"), "已办", {"text": "已办"})
    return Package(message, (("坡道.png", b"\x89PNG"),))


def test_a_link_left_in_the_push_folder_never_has_the_service_account_write_through_it(
    tmp_path: Path,
) -> None:
    secret = tmp_path / "db" / "working.json"
    secret.parent.mkdir()
    secret.write_text("{}", encoding="utf-8")
    out = tmp_path / "out"
    (out / "A1_3_feedback" / "images").mkdir(parents=True)
    (out / "A1_3_feedback" / "text.txt").symlink_to(secret)
    (out / "A1_3_feedback" / "images" / "01_坡道.png").symlink_to(secret)

    where = Path(PackageFolder(out).deliver(_message()))

    assert secret.read_text(encoding="utf-8") == "{}"
    assert not (where / "text.txt").is_symlink() and (where / "text.txt").read_text(encoding="utf-8")
    assert (where / "images" / "01_坡道.png").read_bytes() == b"\x89PNG"


@pytest.mark.parametrize("linked", ["A1_3_feedback", "A1_3_feedback/images"])
def test_a_linked_message_folder_is_refused_and_nothing_is_written_where_it_points(
    tmp_path: Path, linked: str
) -> None:
    elsewhere = tmp_path / "db"
    elsewhere.mkdir()
    out = tmp_path / "out"
    (out / linked).parent.mkdir(parents=True)
    (out / linked).symlink_to(elsewhere, target_is_directory=True)

    with pytest.raises(InvalidInput) as error:
        PackageFolder(out).deliver(_message())

    assert error.value.problems[0].code == "package_not_folder"
    assert list(elsewhere.iterdir()) == []


def test_package_files_are_for_the_group_only_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        where = Path(PackageFolder(tmp_path / "out").deliver(_message()))
    finally:
        os.umask(old)

    assert {stat.S_IMODE(p.stat().st_mode) for p in where.rglob("*") if p.is_file()} == {0o660}
    assert stat.S_IMODE(where.stat().st_mode) & 0o007 == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("big.json", '[{"办件编号": ' + "1" * 5000 + "}]"),
        ("deep.json", "[" * 100_000 + "]" * 100_000),
        ("huge.csv", '办件编号,诉求内容\nA1,"' + "诉" * 200_000 + '"\n'),
    ],
)
def test_a_hostile_export_is_refused_with_one_line_naming_the_file(tmp_path: Path, name, content) -> None:
    export = tmp_path / name
    export.write_text(content, encoding="utf-8")

    with pytest.raises(InvalidInput) as error:
        PlatformFiles(export).incoming()

    assert error.value.problems[0].code == "unreadable_platform_file"


@pytest.mark.parametrize("content", ["x = " + "1" * 5000, '{"x": ' + "1" * 5000 + "}"])
def test_a_hostile_mapping_file_is_refused_with_one_line(tmp_path: Path, content: str) -> None:
    mapping = tmp_path / ("m.toml" if content.startswith("x") else "m.json")
    mapping.write_text(content, encoding="utf-8")
    export = write_csv(tmp_path / "a.csv", [], "utf-8-sig", headings=("办件编号",))

    with pytest.raises(InvalidInput) as error:
        PlatformFiles(export, mapping).incoming()

    assert error.value.problems[0].field == "mapping"
