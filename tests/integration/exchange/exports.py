"""Platform exports as a district 12345 platform writes them, made in the tests with openpyxl and csv."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

HEADINGS = (
    "办件编号",
    "市级编号",
    "办件来源",
    "诉求主题",
    "诉求内容",
    "诉求类型",
    "事项大类",
    "事项小类",
    "诉求人",
    "联系电话",
    "所属区域",
    "派发时间",
    "承诺完成时间",
    "办件状态",
    "备注",  # a column the mapping does not know: ignored
)
MESSAGE_HEADINGS = ("办件编号", "消息类型", "时间", "说明", "回访结果", "满意度", "群众意见", "回执编号")

COUNTIES = ("延吉市", "图们市", "敦化市", "珲春市", "龙井市", "和龙市", "汪清县", "安图县", "延边州")
TYPES = ("投诉", "咨询", "求助", "举报", "建议")
SOURCES = ("12345热线", "网站", "微信", "短信", "12345热线")
SUBCLASSES = ("残疾人就业", "康复", "教育", "社会保障", "权益维护")


def order_row(n: int, **changes: str) -> dict[str, str]:
    """The n-th pushed order of the export, as the platform writes it."""
    day = 16 + n % 4  # 2026-11-16 .. 19
    row = {
        "办件编号": f"YB2026{n:05d}",
        "市级编号": f"SJ-{n:04d}",
        "办件来源": SOURCES[n % 5],
        "诉求主题": f"关于第{n}件残疾人事项",
        "诉求内容": f"诉求人反映{SUBCLASSES[n % 5]}方面的问题，编号{n}，请残联核实处理。",
        "诉求类型": TYPES[n % 5],
        "事项大类": "残疾人服务",
        "事项小类": SUBCLASSES[n % 5],
        "诉求人": f"金{n}",
        "联系电话": f"1380000{n:04d}",
        "所属区域": COUNTIES[n % 9],
        "派发时间": f"2026/11/{day} 09:{n % 60:02d}",
        "承诺完成时间": f"2026-11-{day + 3} 17:30:00",
        "办件状态": "待签收",
        "备注": "",
    }
    return row | changes


def write_xlsx(path: Path, rows: Sequence[dict[str, str]], headings: Sequence[str] = HEADINGS) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "办件清单"
    sheet.append(list(headings))
    for row in rows:
        sheet.append([row.get(h, "") for h in headings])
    book.save(path)
    return path


def write_csv(
    path: Path, rows: Sequence[dict[str, str]], encoding: str, headings: Sequence[str] = HEADINGS
) -> Path:
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(headings)
    for row in rows:
        writer.writerow([row.get(h, "") for h in headings])
    path.write_bytes(text.getvalue().encode(encoding))
    return path


def message_row(order: str, kind: str, at: str, **rest: str) -> dict[str, str]:
    return {"办件编号": order, "消息类型": kind, "时间": at} | rest
