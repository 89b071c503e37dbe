"""Each report laid out as tables with Chinese headings (``to_document``).

The headings are the federation's words; the keys are the code names that
the JSON carries. Column definitions are in ``docs/reports.md`` and in the
report modules' docstrings.
"""

from __future__ import annotations

from datetime import datetime
from functools import singledispatch

from hotline_core.domain.calendar import SHANGHAI
from hotline_core.domain.reports.assessment import Assessment, UnitAssessment
from hotline_core.domain.reports.counting import Figures, OnTime
from hotline_core.domain.reports.duties import SUMMARY_COLUMNS as SERVICE_COLUMNS
from hotline_core.domain.reports.duties import service_tables
from hotline_core.domain.reports.duties import summary_cells as service_cells
from hotline_core.domain.reports.filings import SummaryFilings
from hotline_core.domain.reports.government import GovernmentFigures
from hotline_core.domain.reports.hotspots import HotIssues, Share
from hotline_core.domain.reports.period import Period
from hotline_core.domain.reports.phrases import Term
from hotline_core.domain.reports.quarterly import QuarterlySummary, SummaryRow
from hotline_core.domain.reports.table import Cell, Column, Document, Kind, Table
from hotline_core.domain.vocabulary import AppealType, BusinessArea, Outcome

Report = QuarterlySummary | HotIssues | Assessment | SummaryFilings
_LIMIT_WORDS = {"sign": "签收", "contact": "联系", "close": "办结"}


def moment_text(moment: datetime) -> str:
    return f"{moment.astimezone(SHANGHAI):%Y-%m-%d %H:%M}"


def period_note(period: Period, as_of: datetime | None = None) -> str:
    text = f"统计时段：{period.label}（{period.first_day:%Y-%m-%d}至{period.last_day:%Y-%m-%d}，按受理日期）"
    return text if as_of is None else f"{text}；统计时点：{moment_text(as_of)}（北京时间）"


@singledispatch
def to_document(report: object) -> Document:
    """The report as exportable tables."""
    raise TypeError(f"not a report: {type(report).__name__}")


# -- shared columns ----------------------------------------------------------------


def _limit_columns(name: str, pending: bool = True) -> list[Column]:
    word = _LIMIT_WORDS[name]
    columns = [Column(f"{name}_on_time", f"按时{word}"), Column(f"{name}_late", f"超时{word}")]
    if pending:
        columns.append(Column(f"{name}_pending", f"{word}未到期"))
    return [*columns, Column(f"{name}_rate", f"按时{word}率", Kind.RATE)]


def _limit_cells(on_time: OnTime, pending: bool = True) -> list[Cell]:
    cells: list[Cell] = [on_time.on_time, on_time.late]
    if pending:
        cells.append(on_time.pending)
    return [*cells, on_time.rate]


_RATING_COLUMNS = [
    Column("satisfied", "满意"),
    Column("basically_satisfied", "基本满意"),
    Column("unsatisfied", "不满意"),
    Column("rated", "已评价"),
    Column("satisfaction_rate", "满意率", Kind.RATE),
]


def _rating_cells(figures: Figures) -> list[Cell]:
    r = figures.ratings
    return [r.satisfied, r.basically_satisfied, r.unsatisfied, r.rated, r.rate]


# -- quarterly summary -----------------------------------------------------------------

_OUTCOME_HEADINGS = {
    Outcome.SOLVED: "办结：已解决",
    Outcome.EXPLAINED: "办结：解释说明",
    Outcome.REFERRED: "办结：已转办",
    Outcome.DECLINED: "办结：不予受理",
}

_SUMMARY_COLUMNS: tuple[Column, ...] = (
    Column("place", "地区", Kind.TEXT),
    Column("received", "受理量"),
    *(Column(f"type_{t.value}", t.label) for t in AppealType),
    *(Column(f"area_{a.value}", a.label) for a in BusinessArea),
    Column("area_none", "领域未登记"),
    *_limit_columns("sign"),
    *_limit_columns("contact"),
    *_limit_columns("close"),
    Column("overdue", "超时工单"),
    Column("returned", "退件"),
    Column("declined", "不予受理"),
    Column("extended", "延期"),
    Column("emergency", "突发"),
    Column("petition", "信访"),
    Column("redone", "重办"),
    Column("earlier_breached", "前轮超时"),
    Column("unsatisfied_late", "不满意报告超时"),
    Column("back_entered", "补录步骤工单"),
    *(Column(f"outcome_{o.value}", _OUTCOME_HEADINGS[o]) for o in Outcome),
    *_RATING_COLUMNS,
    Column("open_at_end", "期末未办结"),
)


def _summary_cells(row: SummaryRow) -> tuple[Cell, ...]:
    f = row.figures
    return (
        row.label,
        f.received,
        *(f.by_type[t] for t in AppealType),
        *(f.by_area[a] for a in (*BusinessArea, None)),
        *_limit_cells(f.sign),
        *_limit_cells(f.contact),
        *_limit_cells(f.close),
        f.overdue,
        f.returned,
        f.declined,
        f.extended,
        f.emergency,
        f.petition,
        f.redone,
        f.earlier_breached,
        f.unsatisfied_late,
        f.back_entered,
        *(f.outcomes[o] for o in Outcome),
        *_rating_cells(f),
        row.open_at_end,
    )


@to_document.register
def _summary(report: QuarterlySummary) -> Document:
    where = report.county.label if report.county else "延边州"
    title = f"{where}残联“12345”政务服务热线汇总表（{report.period.label}）"
    rows = (*report.rows, report.total)
    cells = tuple(map(_summary_cells, rows))
    columns = _SUMMARY_COLUMNS
    if report.services is not None:  # the services' counts, as columns after the orders' own
        columns += SERVICE_COLUMNS
        cells = tuple(
            (*c, *service_cells(report.services, r.place)) for c, r in zip(cells, rows, strict=True)
        )
    table = Table("summary", title, columns, cells, "汇总表", total_row=True)
    meta = (
        ("period", str(report.period)),
        ("as_of", report.as_of),
        ("county", report.county.value if report.county else None),
    )
    return Document("quarterly_summary", title, (period_note(report.period, report.as_of),), meta, (table,))


# -- hot issues -------------------------------------------------------------------


def _change_columns(key: str, heading: str) -> tuple[Column, ...]:
    return (
        Column(key, heading, Kind.TEXT),
        Column("code", "代码", Kind.CODE),
        Column("current", "本期"),
        Column("previous", "上期"),
        Column("change", "增减"),
        Column("change_rate", "增减率", Kind.RATE),
    )


def _breakdown_table(key: str, title: str, heading: str, shares: tuple[Share, ...]) -> Table:
    rows = tuple(
        (s.label, s.code, s.count.current, s.count.previous, s.count.change, s.count.change_rate)
        for s in shares
    )
    return Table(key, title, _change_columns("category", heading), rows)


def _terms_table(key: str, title: str, heading: str, terms: tuple[Term, ...]) -> Table:
    columns = (Column("rank", "序号"), Column("text", heading, Kind.TEXT), Column("appeals", "涉及诉求数"))
    return Table(key, title, columns, tuple((i, t.text, t.appeals) for i, t in enumerate(terms, 1)))


@to_document.register
def _hot(report: HotIssues) -> Document:
    r = report.received
    overview = Table(
        "overview",
        "受理总量",
        _change_columns("item", "指标"),
        (("受理量", "received", r.current, r.previous, r.change, r.change_rate),),
    )
    trend = Table(
        "trend",
        "月度趋势",
        (Column("month", "月份", Kind.TEXT), Column("received", "受理量")),
        tuple((f"{m.month:%Y-%m}", m.count) for m in report.trend),
    )
    callers = Table(
        "repeat_callers",
        "重复来电（本期两次及以上）",
        (
            Column("phone", "联系电话（已脱敏）", Kind.TEXT),
            Column("calls", "来电次数"),
            Column("order_ids", "工单编号", Kind.TEXT),
            Column("places", "地区", Kind.TEXT),
        ),
        tuple(
            (c.phone, c.calls, "、".join(c.order_ids), "、".join(p.label for p in c.places))
            for c in report.repeat_callers
        ),
        "重复来电",
    )
    tables = (
        overview,
        _breakdown_table("by_type", "按诉求类型", "诉求类型", report.by_type),
        _breakdown_table("by_area", "按业务领域", "业务领域", report.by_area),
        _breakdown_table("by_place", "按地区", "地区", report.by_place),
        _breakdown_table("by_disability", "按残疾类别", "残疾类别", report.by_disability),
        trend,
        _terms_table("words", "高频词", "词语", report.words),
        _terms_table("phrases", "高频短语", "短语", report.phrases),
        callers,
        *(service_tables(report.services) if report.services is not None else ()),
    )
    title = f"残疾人12345热线热点难点问题分析（{report.period.label}）"
    notes = (period_note(report.period), f"对比时段：{report.previous.label}（增减率 = 增减 ÷ 上期）")
    meta = (("period", str(report.period)), ("previous", str(report.previous)))
    return Document("hot_issues", title, notes, meta, tables)


# -- annual assessment ------------------------------------------------------------

_UNIT_KINDS = {
    "rights_dept": "州本级（维权部）",
    "county": "县（市）残联",
    "department": "部门",
    "government": "政府职能部门",
}
_GOVERNMENT_COLUMNS: tuple[Column, ...] = (
    Column("unit", "政府职能部门", Kind.TEXT),
    Column("passed", "转办"),
    Column("answered", "已答复"),
    Column("waiting", "待答复"),
    Column("chased", "督办工单"),
    Column("chases", "督办次数"),
    Column("answer_on_time", "督办后按时答复"),
    Column("answer_late", "督办后超时"),
)
_ASSESSMENT_COLUMNS: tuple[Column, ...] = (
    Column("unit", "单位", Kind.TEXT),
    Column("unit_kind", "单位类型", Kind.TEXT),
    Column("handled", "办理工单"),
    *_limit_columns("sign", False),
    *_limit_columns("contact", False),
    *_limit_columns("close", False),
    *_RATING_COLUMNS,
    Column("handling_overdue", "办理超时工单"),
    Column("punctuality", "无超时率", Kind.RATE),
    Column("returned", "退件"),
    Column("redone", "重办"),
    Column("earlier_breached", "前轮超时"),
    Column("unsatisfied_late", "不满意报告超时"),
    Column("score", "得分", Kind.SCORE),
)


def _unit_cells(unit: UnitAssessment) -> tuple[Cell, ...]:
    f = unit.figures
    return (
        unit.unit.name,
        _UNIT_KINDS[unit.unit.kind.value],
        f.received,
        *_limit_cells(f.sign, False),
        *_limit_cells(f.contact, False),
        *_limit_cells(f.close, False),
        *_rating_cells(f),
        f.handling_overdue,
        unit.punctuality,
        f.returned,
        f.redone,
        f.earlier_breached,
        f.unsatisfied_late,
        unit.score,
    )


def _government_cells(g: GovernmentFigures) -> tuple[Cell, ...]:
    return (g.unit.name, g.passed, g.answered, g.waiting, g.chased, g.chases, g.answer_on_time, g.answer_late)


@to_document.register
def _assessment(report: Assessment) -> Document:
    w = report.weights
    weights = Table(
        "weights",
        "计分权重",
        (
            Column("component", "指标", Kind.TEXT),
            Column("key", "代码", Kind.CODE),
            Column("weight", "权重", Kind.SCORE),
        ),
        (
            ("按时签收率", "sign", w.sign),
            ("按时联系率", "contact", w.contact),
            ("按时办结率", "close", w.close),
            ("满意率", "satisfaction", w.satisfaction),
            ("无超时率", "punctuality", w.punctuality),
        ),
    )
    title = f"“12345”政务服务热线办理情况年度考核（{report.period.label}）"
    notes = (
        period_note(report.period, report.as_of),
        "得分 = 100 × Σ(权重 × 比率) ÷ Σ权重，仅计有数据的指标；无工单的单位不计分",
    )
    units = Table("assessment", title, _ASSESSMENT_COLUMNS, tuple(map(_unit_cells, report.units)), "年度考核")
    meta = (("period", str(report.period)), ("as_of", report.as_of))
    government = Table(
        "government",
        "转办政府职能部门情况（不计入本会考核得分）",
        _GOVERNMENT_COLUMNS,
        tuple(
            (
                g.unit.name,
                g.passed,
                g.answered,
                g.waiting,
                g.chased,
                g.chases,
                g.answer_on_time,
                g.answer_late,
            )
            for g in report.government
        ),
        "政府职能部门",
    )
    return Document("annual_assessment", title, notes, meta, (units, weights, government))


# -- county summary filings -------------------------------------------------------


@to_document.register
def _filings(report: SummaryFilings) -> Document:
    title = f"各县（市）残联热线汇总表报送情况（{report.quarter}）"
    columns = (
        Column("county", "县（市）", Kind.TEXT),
        Column("state", "报送情况", Kind.TEXT),
        Column("state_code", "代码", Kind.CODE),
        Column("filed_at", "报送时间", Kind.MOMENT),
    )
    rows = tuple((c.county.label, c.state.label, c.state.value, c.filed_at) for c in report.counties)
    due = f"报送截止：{moment_text(report.due)}前" + (
        "（日历未正式公布，暂定）" if report.provisional else ""
    )
    notes = (due, f"统计时点：{moment_text(report.as_of)}")
    meta = (
        ("quarter", str(report.quarter)),
        ("due", report.due),
        ("provisional", report.provisional),
        ("as_of", report.as_of),
    )
    return Document(
        "summary_filings", title, notes, meta, (Table("filings", title, columns, rows, "报送情况"),)
    )


# The summary table's columns and one row's cells, for the county's filed table (``comparison``).
SUMMARY_COLUMNS = _SUMMARY_COLUMNS
summary_cells = _summary_cells
