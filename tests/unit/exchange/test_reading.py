"""Reading the platform's tables: the mapping, times as exports write them, every bad row named."""

from __future__ import annotations

import pytest

from hotline_core.domain.exchange.mapping import Mapping, mapping_from
from hotline_core.domain.exchange.rows import Table, read_center_time, read_orders
from hotline_core.domain.problems import InvalidInput
from tests.support import at

NOW = at("2026-11-20 12:00")
HEADINGS = (
    "办件编号",
    "办件来源",
    "诉求内容",
    "诉求类型",
    "事项小类",
    "联系电话",
    "所属区域",
    "派发时间",
    "承诺完成时间",
)


def row(number: int, *cells: str) -> tuple[int, tuple[str, ...]]:
    return number, cells


GOOD = (
    "YB1",
    "12345热线",
    "想咨询就业补贴",
    "咨询",
    "残疾人就业",
    "13800000001",
    "延吉",
    "2026/11/20 09:05",
    "",
)


@pytest.mark.parametrize(
    "text",
    ["2026/11/20 09:05", "2026-11-20 09:05:00", "2026年11月20日 09:05", "2026-11-20T09:05:00+08:00"],
)
def test_a_time_reads_as_exports_write_it_in_beijing_time(text: str) -> None:
    assert read_center_time(text) == at("2026-11-20 09:05")


def test_a_good_row_becomes_a_pushed_order_in_our_codes() -> None:
    (order,), problems = read_orders(Table("x.csv", HEADINGS, (row(2, *GOOD),)), Mapping(), NOW)

    assert problems == []
    assert order.fields["channel"] == "phone" and order.fields["appeal_type"] == "consultation"
    assert order.fields["county"] == "延吉市" and order.fields["received_at"] == "2026-11-20T09:05:00+08:00"
    assert (order.source, order.row) == ("x.csv", 2)


def test_each_bad_value_is_reported_by_row_and_column_and_blank_lines_are_skipped() -> None:
    bad_type = (*GOOD[:3], "闲聊", *GOOD[4:])
    early_due = (*GOOD[:8], "2026-11-19 09:00")
    table = Table(
        "x.csv", HEADINGS, (row(2, *GOOD), row(3, *[""] * 9), row(4, *bad_type), row(5, *early_due))
    )

    orders, problems = read_orders(table, Mapping(), NOW)

    assert [o.row for o in orders] == [2]
    assert [(p.row, p.column, p.problem.code) for p in problems] == [
        (4, "诉求类型", "not_a_choice"),
        (5, "承诺完成时间", "center_due_before_dispatch"),
    ]


def test_a_table_without_a_required_column_is_refused_at_its_heading_row() -> None:
    table = Table("x.csv", HEADINGS[:-2], (row(2, *GOOD[:-2]),))

    orders, problems = read_orders(table, Mapping(), NOW)

    assert orders == [] and [(p.row, p.column, p.problem.code) for p in problems] == [
        (1, "派发时间", "missing_column")
    ]


def test_a_mapping_file_adds_another_platforms_headings_and_words() -> None:
    mapping = mapping_from(
        {"orders": {"工单号": "id", "来源渠道": "channel"}, "values": {"channel": {"热线来电": "phone"}}}
    )
    headings = ("工单号", "来源渠道", *HEADINGS[2:])
    cells = ("YB9", "热线来电", *GOOD[2:])

    (order,), problems = read_orders(Table("y.csv", headings, (row(2, *cells),)), mapping, NOW)

    assert problems == [] and (order.order_id, order.fields["channel"]) == ("YB9", "phone")
    assert mapping.order_field("办件编号") == "id"  # the default's headings still read


def test_a_mapping_file_naming_an_unknown_field_or_part_is_refused() -> None:
    with pytest.raises(InvalidInput) as error:
        mapping_from({"orders": {"工单号": "order_number"}})
    assert [p.code for p in error.value.problems] == ["mapping_unknown_field"]
    with pytest.raises(InvalidInput) as error:
        mapping_from({"columns": {}})
    assert [p.code for p in error.value.problems] == ["mapping_unknown_part"]
