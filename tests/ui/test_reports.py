"""The reports screen at 80x24: every place in the chart, the keys that matter, the clerk's language."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from textual.widgets import DataTable, Static

from hotline_core import services
from hotline_core.adapters.repository import FileRepository
from hotline_core.domain.reports.table import Kind
from hotline_core.domain.vocabulary import Place
from hotline_tui.app import HotlineApp
from hotline_tui.footer import Footer
from hotline_tui.report_view import number, view
from hotline_tui.screens.reports import ReportsScreen
from tests.ui.conftest import settle

NOW = datetime.fromisoformat("2026-11-20T16:10:00+08:00")
HAN = re.compile("[\u4e00-\u9fff]")
KINDS = ("quarterly", "hotspots", "assessment", "filings", "comparison")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> FileRepository:
    repo = FileRepository.open(tmp_path_factory.mktemp("demo") / "db", create=True)
    services.create_demo(repo, "clerk", NOW)
    return repo


def demo_app(repo: FileRepository, language: str = "zh_CN") -> HotlineApp:
    return HotlineApp(repo, services.identify(repo.snapshot(), "clerk"), lambda: NOW, language)


async def open_reports(pilot) -> ReportsScreen:
    await settle(pilot)
    await pilot.press("f4")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ReportsScreen)
    return screen


def text_of(screen: ReportsScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_the_chart_shows_all_nine_places(demo) -> None:
    app = demo_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reports(pilot)
        chart = text_of(screen, "#report-chart")
        assert [line.split()[0] for line in chart.splitlines()] == [place.value for place in Place]


@pytest.mark.parametrize("language", ["zh_CN", "ko", "en"])
async def test_at_80_columns_the_footer_shows_the_period_and_export_keys(demo, language) -> None:
    app = demo_app(demo, language)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reports(pilot)
        footer = str(screen.query_one(Footer).render())
        assert f"p {app.t('report.period')}" in footer and f"x {app.t('report.export')}" in footer


async def test_the_place_column_stays_when_the_table_scrolls_sideways(demo) -> None:
    app = demo_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reports(pilot)
        table = screen.query_one("#report-table", DataTable)
        table.scroll_to(x=60, animate=False)
        await settle(pilot)
        assert table.fixed_columns == 1 and table.scroll_x > 0
        lines = [strip.text for strip in screen._compositor.render_strips()]
        assert any(line.startswith(" 安图县") for line in lines)


async def test_the_assessment_title_appears_once_and_scores_have_at_most_two_decimals(demo) -> None:
    app = demo_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reports(pilot)
        await pilot.press("3")
        await settle(pilot)
        head = text_of(screen, "#report-head")
        title = head.splitlines()[0]
        assert title.count("年度考核") == 1
        shown = text_of(screen, "#report-chart") + str(
            [screen.query_one(DataTable).get_row_at(r) for r in range(screen.query_one(DataTable).row_count)]
        )
        assert not re.search(r"\d\.\d{3}", shown)


def test_a_score_prints_with_one_or_two_decimals() -> None:
    assert number(68.4986, Kind.SCORE) == "68.5"
    assert number(88.5863, Kind.SCORE) == "88.59"
    assert number(100, Kind.SCORE) == "100.0"
    assert number(0.875, Kind.RATE) == "87.5%"


async def test_an_empty_table_says_so_in_words(demo) -> None:
    app = demo_app(demo, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reports(pilot)
        await pilot.press("p", *"2019", "enter")  # a year before the demo: nobody called twice
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert screen.document is not None
        tables = [table.key for table in screen.document.tables]
        await pilot.press(*["right_square_bracket"] * tables.index("repeat_callers"))  # to the repeat callers
        await settle(pilot)
        assert screen.document.tables[screen.table_index].key == "repeat_callers"
        assert screen.query_one(DataTable).row_count == 0
        empty = screen.query_one("#report-empty", Static)
        assert empty.display and str(empty.render()) == "This table has no rows"


@pytest.mark.parametrize("language", ["ko", "en"])
def test_every_report_reads_in_korean_and_english_but_what_citizens_said(demo, language) -> None:
    from hotline_core.domain.reports import to_document
    from hotline_tui.i18n import Translator

    t = Translator(language)
    for kind in KINDS:
        document = to_document(services.report(demo, "clerk", kind, "2026Q4", None, NOW))
        report = view(document, t)
        words = [report.title, *report.notes]
        for table in report.tables:
            words += [table.title, *table.headings]
            citizens = {i for i, key in enumerate(table.keys) if key in ("text",)}
            words += [cell for row in table.rows for i, cell in enumerate(row) if i not in citizens]
        chinese = [word for word in words if HAN.search(word)]
        assert not chinese, f"{kind}: {chinese}"


@pytest.mark.parametrize(
    ("language", "late", "received", "same", "provisional"),
    [
        ("ko", "지연 제출", "접수", "차이 없음", "잠정"),
        ("en", "late", "Received", "no difference", "provisional"),
    ],
)
def test_a_filed_summary_beside_the_count_reads_in_korean_and_english(
    demo, language, late, received, same, provisional
) -> None:
    """Yanji filed late and counted two more orders than the system; Tumen filed on time, the same."""
    from hotline_core.domain.calendar import WorkingCalendar
    from hotline_core.domain.quarters import Quarter, summary_due
    from hotline_core.domain.reports import to_document
    from hotline_core.domain.reports.comparison import compare_summaries, summary_counts
    from hotline_core.domain.summary_table import SummaryTable
    from hotline_tui.i18n import Translator

    t = Translator(language)
    quarter = Quarter.parse("2026Q3")
    due = summary_due(quarter, WorkingCalendar.default())
    counted = services.report(demo, "clerk", "quarterly", "2026Q3", None, NOW)
    rows = {row.place: summary_counts(row) for row in counted.rows}

    def filed(place: Place, counts: dict[str, int], at: datetime) -> SummaryTable:
        return SummaryTable(place, quarter, counts, at, "clerk", filed_at=at, filed_by="clerk")

    tables = {
        Place.YANJI: filed(Place.YANJI, {**rows[Place.YANJI], "received": 2}, due.due + timedelta(days=1)),
        Place.TUMEN: filed(Place.TUMEN, rows[Place.TUMEN], due.due - timedelta(days=1)),
    }
    report = view(to_document(compare_summaries(quarter, due, tables, counted, NOW)), t)
    (table,) = report.tables
    yanji, tumen = ({row[0]: row for row in table.rows}[t.name(p)] for p in (Place.YANJI, Place.TUMEN))
    assert yanji[1] == late and yanji[3:] == (received, "2", "0", "2")
    assert tumen[3] == same
    words = [report.title, *report.notes, *table.headings, *(cell for row in table.rows for cell in row)]
    assert not [word for word in words if HAN.search(word)]
    upcoming = view(to_document(services.report(demo, "clerk", "comparison", "2026Q4", None, NOW)), t)
    assert provisional in upcoming.notes[0]  # the calendar of 2027 is not official yet
