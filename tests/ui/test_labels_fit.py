"""No label of the queue or the order screen is cut, in any of the three languages, at 80x24 (issue 16.4).

Each rendered label is compared with its full text: every column heading and every
cell of the demo queue must appear whole on its line of the screen, and every
field, limit and name of each demo order's screen whole on one line.
"""

from __future__ import annotations

import re
from datetime import datetime
from enum import Enum

import pytest
from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Region
from textual.widgets import DataTable

from hotline_core import services
from hotline_core.adapters.repository import FileRepository
from hotline_core.domain.intake import as_text, flatten
from hotline_core.domain.organization import DEFAULT_GOVERNMENT
from hotline_core.domain.vocabulary import COUNTIES, Place
from hotline_tui.app import HotlineApp
from hotline_tui.format import moment
from hotline_tui.i18n import Translator
from hotline_tui.plain import Plain
from hotline_tui.screens.order import OrderScreen
from hotline_tui.screens.queue import column_widths
from tests.ui.conftest import settle

NOW = datetime.fromisoformat("2026-11-20T16:10:00+08:00")
LANGUAGES = ("zh_CN", "ko", "en")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> FileRepository:
    repo = FileRepository.open(tmp_path_factory.mktemp("demo") / "db", create=True)
    services.create_demo(repo, "clerk", NOW)
    return repo


def demo_app(repo: FileRepository, language: str) -> HotlineApp:
    return HotlineApp(repo, services.identify(repo.snapshot(), "clerk"), lambda: NOW, language)


def screen_lines(app: HotlineApp) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def widget_lines(widget: Plain) -> list[str]:
    """Every line the widget renders, scrolled into view or not."""
    return [strip.text for strip in widget.render_lines(Region(0, 0, *widget.size))]


@pytest.mark.parametrize("language", LANGUAGES)
async def test_every_heading_and_cell_of_the_queue_is_shown_whole(demo, language) -> None:
    app = demo_app(demo, language)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count >= 10
        lines = screen_lines(app)
        top = table.region.y
        for column in table.columns.values():
            assert str(column.label) in lines[top], f"heading {column.label} cut: {lines[top]!r}"
        for row in range(min(table.row_count, table.region.height - 1)):
            line = lines[top + 1 + row]
            for cell in table.get_row_at(row):
                text = cell.plain if isinstance(cell, Text) else str(cell)
                assert text in line, f"{text!r} cut in {line!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_name_the_queue_may_show_fits_its_column(language) -> None:
    """Beyond the demo: every type, place, status and unit, within 80 columns."""
    t = Translator(language)
    widths = column_widths(t, ("康复部", "残疾人辅助器具中心"), 78)
    assert sum(widths.values()) + len(widths) - 1 <= 78  # a space after each column but the last
    assert widths["next"] >= len("petition 10d left")
    assert widths["county"] >= max(len(t.name(p, short=True)) for p in (Place.PREFECTURE, *COUNTIES))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_government_department_waited_on_fits_the_owner_column_in_its_own_language(language) -> None:
    """An order passed to 民政局 shows →民政局, →민정국 or →Civ.Aff: never Chinese in Korean or English."""
    t = Translator(language)
    widths = column_widths(t, ("康复部", "残疾人辅助器具中心"), 78)
    for name in DEFAULT_GOVERNMENT:
        shown = "→" + t.name(name, short=True)
        assert cell_len(shown) <= widths["owner"], shown
        assert language == "zh_CN" or not re.search("[\u4e00-\u9fff]", shown + t.name(name)), name


def expected_record(app: HotlineApp, order) -> list[str]:
    """``label: value`` for every field of the record, as the clerk should read it whole."""
    t = app.t
    items = []
    for name, value in flatten(order.state.record).items():
        if name in ("address", "appeal", "reply"):  # long texts wrap on purpose
            continue
        if isinstance(value, bool):
            text = t.yes_no(value)
        elif isinstance(value, datetime):
            text = moment(value, with_year=True)
        elif isinstance(value, Enum) or name == "ethnicity":
            text = t.name(value)
        else:
            text = as_text(value)
        items.append(t.labelled(t.field(name), text))
    return items


@pytest.mark.parametrize("language", LANGUAGES)
async def test_every_field_limit_and_name_of_each_order_is_shown_whole(demo, language) -> None:
    app = demo_app(demo, language)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for order_id in sorted(app.orders):
            await app.push_screen(OrderScreen(order_id))
            await settle(pilot)
            screen = app.screen
            order, t = app.orders[order_id], app.t
            head = widget_lines(screen.query_one("#order-head", Plain))
            record = widget_lines(screen.query_one("#order-record", Plain))
            limits = widget_lines(screen.query_one("#order-limits", Plain))
            state = order.state
            for name in (
                t.name(state.status),
                t.name(state.owner.name),
                t.name(state.record.appeal.appeal_type),
            ):
                assert name in head[0], f"{order_id}: {name!r} cut in {head[0]!r}"
            for item in expected_record(app, order):
                assert any(item in line for line in record), f"{order_id}: {item!r} not whole in {record}"
            for name, status in app.evaluator().limits(order).items():
                if status.due_epoch is not None:
                    item = t.labelled(t(f"limit.{name}"), t(f"state.{status.state.value}"))
                    assert any(item in line for line in limits), f"{order_id}: {item!r} not whole in {limits}"
            if language != "zh_CN":  # no Chinese punctuation between Korean or English words
                punctuation = {"：", "、", "，"} & set("".join(head + limits))
                assert not punctuation, f"{order_id}: {punctuation} in {head + limits}"
            app.pop_screen()
            await settle(pilot)
