"""What a study's report says (source 四(五), 一(三), 四(六)): the figures, then the words.

The quantitative part comes from the orders: how many of each appeal type, from each
place, to each outcome, and the list of orders (number, date, a summary of the appeal);
a study over a period, and every hot-issues analysis, adds the hot-issues report's
tables. The qualitative part is what the handler wrote: the findings and the
suggestions, paragraph by paragraph. Where the report went and what came back (or what
the office meeting decided) closes it. The orders come as the reader may see them
(masked for a viewer), so the summaries carry no one's name or phone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from datetime import datetime

from hotline_core.domain.order import WorkOrder
from hotline_core.domain.paper.blocks import Block, Fields, Grid, Heading, Paper, Text, moment_text
from hotline_core.domain.reports.hotspots import HotIssues
from hotline_core.domain.reports.layout import to_document
from hotline_core.domain.reports.table import Cell, Kind, Table
from hotline_core.domain.state import FINISHED
from hotline_core.domain.studies.study import Study, StudyKind, StudyState
from hotline_core.domain.vocabulary import AppealType, Place, Status

SUMMARY_LENGTH = 50
ORDER_LIST_HEADINGS = ("序号", "工单编号", "受理日期", "诉求类型", "地区", "诉求摘要", "办理结果")
_NUMERALS = "一二三四五六七八九十"
# The hot-issues tables a report carries (its phrases and words as the office reads them).
_HOT_TABLES = (
    "overview",
    "by_type",
    "by_area",
    "by_place",
    "by_disability",
    "trend",
    "words",
    "repeat_callers",
)


def study_paper(
    study: Study,
    orders: Sequence[WorkOrder],
    hot: HotIssues | None,
    drafted_by: str,
    now: datetime,
    masked: bool = False,
) -> Paper:
    """The report of ``study`` over ``orders`` (its own, as the reader sees them, ``masked``
    when any is) and, for a study over a period, that period's hot issues ``hot``."""
    parts: list[tuple[str, list[Block]]] = []
    if study.kind is StudyKind.STUDY:
        parts.append(("问题的提出", _problem(study)))
    if orders:
        parts.append(("基本情况", _figures(orders)))
    if hot is not None:
        parts.append(("热点难点统计" if orders else "基本情况", _hot(hot)))
    parts.append(
        ("主要发现" if study.kind is StudyKind.STUDY else "主要问题分析", _paragraphs(study.findings))
    )
    parts.append(("意见建议", _paragraphs(study.suggestions)))
    if study.state is not StudyState.DRAFT:
        parts.append(("报送及答复情况" if study.kind is StudyKind.STUDY else "报告及决定情况", _route(study)))
    blocks: list[Block] = []
    for number, (title, content) in enumerate(parts):
        blocks += [Heading(f"{_NUMERALS[number]}、{title}"), *content]
    subtitle = f"{study.kind.label}　{study.id}" + (
        f"　{study.report_period.label}" if study.report_period else ""
    )
    footer = f"延边州残联维权部　起草：{drafted_by}　{moment_text(now)}" + (
        "　（个人信息已脱敏）" if masked else ""
    )
    return Paper(study.title, subtitle, tuple(blocks), footer)


def _problem(study: Study) -> list[Block]:
    blocks: list[Block] = [Text(tuple(_split(study.problem)))] if study.problem else []
    if study.hot_issue:
        period = study.report_period
        blocks.append(Fields((("热点问题", study.hot_issue), ("统计期间", period.label if period else "—"))))
    return blocks


def _figures(orders: Sequence[WorkOrder]) -> list[Block]:
    first = min(o.record.received_at for o in orders)
    last = max(o.record.received_at for o in orders)
    lead = f"涉及工单 {len(orders)} 件，受理时间自 {moment_text(first)[:10]} 至 {moment_text(last)[:10]}。"
    return [
        Text((lead,)),
        Heading("（一）按诉求类型", 2),
        _shares("诉求类型", orders, lambda o: o.state.record.appeal.appeal_type, _TYPE_ORDER),
        Heading("（二）按地区", 2),
        _shares("地区", orders, lambda o: o.state.record.place, _PLACE_ORDER),
        Heading("（三）按办理结果", 2),
        _shares("办理结果", orders, outcome_of, {}),
        Heading("（四）工单清单", 2),
        Grid(
            ORDER_LIST_HEADINGS,
            tuple(_order_row(n, o) for n, o in enumerate(orders, 1)),
            (0.5, 1.2, 1.6, 1.1, 1.0, 3.8, 1.3),
        ),
    ]


_TYPE_ORDER: dict[Hashable, int] = {t.label: i for i, t in enumerate(AppealType)}
_PLACE_ORDER: dict[Hashable, int] = {p.label: i for i, p in enumerate(Place)}


def outcome_of(order: WorkOrder) -> str:
    """What became of an order, in one phrase: its outcome when finished, else where it stands."""
    state = order.state
    if state.status is Status.RETURNED:
        return "已退件"
    if state.status in FINISHED and state.outcome is not None:
        return state.outcome.label
    if state.status in FINISHED:
        return state.status.label
    return "办理中"


def _shares(
    heading: str, orders: Sequence[WorkOrder], key: Callable[[WorkOrder], object], order: dict[Hashable, int]
) -> Grid:
    """Count, share; the busiest first (ties in the list's fixed order), then the total."""
    counts = Counter(getattr(key(o), "label", key(o)) for o in orders)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], order.get(item[0], len(order)), str(item[0])))
    total = len(orders)
    rows = [(str(name), str(count), f"{count / total:.1%}") for name, count in ranked]
    rows.append(("合计", str(total), "100.0%"))
    return Grid((heading, "工单数", "占比"), tuple(rows), (2, 1, 1))


def summary_of(order: WorkOrder) -> str:
    text = " ".join(order.state.record.appeal.text.split())
    return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1] + "…"


def _order_row(number: int, order: WorkOrder) -> tuple[str, ...]:
    record = order.state.record
    return (
        str(number),
        order.id,
        moment_text(order.record.received_at)[:10],
        record.appeal.appeal_type.label,
        record.place.label,
        summary_of(order),
        outcome_of(order),
    )


def _hot(hot: HotIssues) -> list[Block]:
    received = hot.received
    lead = (
        f"{hot.period.label}共受理 {received.current} 件，"
        f"上期（{hot.previous.label}）{received.previous} 件，增减 {received.change:+d} 件。"
    )
    tables = {t.key: t for t in to_document(hot).tables}
    blocks: list[Block] = [Text((lead,))]
    for number, key in enumerate(k for k in _HOT_TABLES if tables[k].rows):
        blocks += [Heading(f"（{_NUMERALS[number]}）{tables[key].title}", 2), grid_of(tables[key])]
    return blocks


def grid_of(table: Table) -> Grid:
    """A report's table as a printed grid: the columns people read, rates as percentages."""
    shown = [i for i, c in enumerate(table.columns) if c.kind is not Kind.CODE]
    return Grid(
        tuple(table.columns[i].heading for i in shown),
        tuple(tuple(_cell(row[i], table.columns[i].kind) for i in shown) for row in table.rows),
    )


def _cell(value: Cell, kind: Kind) -> str:
    if value is None:
        return "—"
    if kind is Kind.RATE and isinstance(value, float):
        return f"{value:.1%}"
    if isinstance(value, datetime):
        return moment_text(value)
    return str(value)


def _split(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _paragraphs(text: str) -> list[Block]:
    return [Text(tuple(_split(text)) or ("（待撰写）",))]


def _route(study: Study) -> list[Block]:
    answered = "决定" if study.kind is StudyKind.ANALYSIS else "答复"
    pairs = [("报送对象", study.submitted_to), ("报送时间", moment_text(study.submitted_at))]
    if study.answered_at is not None:
        pairs.append((f"{answered}时间", moment_text(study.answered_at)))
    blocks: list[Block] = [Fields(tuple(pairs))]
    if study.answer:
        blocks.append(Text(tuple(_split(study.answer)), label=f"{answered}内容"))
    return blocks
