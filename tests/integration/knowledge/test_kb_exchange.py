"""The base in files: JSON losslessly, xlsx for the office's spreadsheet of answers."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from attrs import evolve
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from hotline_core.adapters.knowledge_codec import dumps, loads
from hotline_core.adapters.knowledge_files import (
    export_json,
    export_xlsx,
    import_json,
    import_xlsx,
)
from hotline_core.domain.knowledge import (
    Content,
    EntryStatus,
    PolicyBasis,
    Version,
    edit,
    retire,
)
from hotline_core.domain.knowledge.sheet import EXPORT_HEADINGS
from hotline_core.domain.organization import RIGHTS_DEPT, Unit
from hotline_core.domain.problems import InvalidInput
from hotline_core.domain.vocabulary import BusinessArea
from tests.unit.knowledge.samples import (
    HANDLER,
    NOW,
    REHAB,
    REHAB_CONTACT,
    SHANGHAI,
    YANJI_CLERK,
    content,
    published,
)

LATER = NOW + timedelta(days=1)


def test_json_keeps_every_version_and_step(tmp_path: Path, starter) -> None:
    entry = edit(published("KB-0101"), REHAB_CONTACT, content(answer="第二版。"), LATER, "按新文件修改")
    gone = retire(published("KB-0102"), HANDLER, LATER, "合并到 KB-0101")
    base = (*starter, entry, gone)
    path = export_json(base, tmp_path / "kb.json")
    assert import_json(path) == base
    text = path.read_text(encoding="utf-8")
    assert dumps(loads(text)) == text  # byte for byte, times with their offsets
    assert "第二版。" in text  # Chinese as itself, readable


text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
names = text.filter(str.strip) | st.sampled_from(["《《残疾人就业条例》》", " 《 》x《 ", "条例"])
basis = st.builds(PolicyBasis, names, text, st.none() | st.dates(), text)
contents = st.builds(
    Content,
    text,
    text,
    st.sampled_from(BusinessArea),
    st.lists(basis, max_size=3).map(tuple),
    st.lists(text, max_size=4).map(tuple),
    text,
)


@settings(max_examples=60, deadline=None)
@given(contents, st.datetimes(min_value=datetime(2020, 1, 1), timezones=st.just(SHANGHAI)))
def test_json_roundtrips_any_wording(wording: Content, when: datetime) -> None:
    entry = published()
    entry = evolve(entry, versions=(*entry.versions, Version(2, wording, "rehab", when, "任意文字")))
    assert loads(dumps([entry])) == (entry,)


def test_a_file_that_is_not_a_knowledge_base_is_refused_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('{"schema": "orders/1"}', encoding="utf-8")
    with pytest.raises(InvalidInput) as invalid:
        import_json(tmp_path / "a.json")
    assert invalid.value.messages()[0].startswith("文件：不是可读的知识库文件：schema 'orders/1'")
    with pytest.raises(InvalidInput):
        loads('{"schema": "hotline-knowledge/1", "entries": [{"id": "KB-1"}]}')
    for name, data in (("b.xlsx", b"not a workbook"), ("c.csv", "问题,标准答案\n".encode())):
        (tmp_path / name).write_bytes(data)
        with pytest.raises(InvalidInput):
            import_xlsx(tmp_path / name, (), HANDLER, NOW)


def workbook(path: Path, *rows: list[object]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["延边州残联常见问题标准答案"])  # a title row above the headings
    sheet.append(
        ["序号", "问题", "标准答案", "政策依据", "文号", "施行日期", "业务领域", "标签", "责任单位", "状态"]
    )
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_spreadsheet_imports_its_good_rows_as_drafts_and_reports_each_bad_row(tmp_path: Path) -> None:
    existing = published(question="残疾儿童康复救助的对象是哪些孩子？")
    path = workbook(
        tmp_path / "answers.xlsx",
        [
            1,
            "护理补贴发给谁？",
            "一级、二级且需要长期照护的重度残疾人。",
            "国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见",
            "国发〔2015〕52号",
            datetime(2016, 1, 1),
            "社会保障",
            "护理补贴、两项补贴",
            "社会保障部",
            "已发布",
        ],
        [
            2,
            "生活补贴发给谁？",
            "低保家庭中的残疾人。",
            "某意见",
            "某号",
            "2016-13-01",
            "社会保障",
            "",
            "",
            "",
        ],
        [3, "扶贫政策？", "请咨询。", "", "", "", "扶贫", "", "", ""],
        [
            4,
            "残疾儿童康复救助的对象是哪些孩子",
            "0—6岁残疾儿童和孤独症儿童（新表述）。",
            "《国务院关于建立残疾儿童康复救助制度的意见》（国发〔2018〕20号）",
            "",
            "",
            "康复",
            "康复救助",
            "",
            "",
        ],
        [5, "财政补助？", "请咨询。", "", "", "", "维权", "", "财政局", ""],
        [None] * 10,
        [6, "无答案的问题？", "", "", "", "", "维权", "", "", ""],
        [
            7,
            "单位要安排残疾人就业吗？",
            "要。",
            "中华人民共和国残疾人保障法\n残疾人就业条例",
            "无\n国务院令第488号",
            "无\n2007年5月1日",
            "就业",
            "按比例就业",
            "教育就业部",
            "",
        ],
        [8, "护理补贴发给谁?", "重复的一行。", "", "", "", "社会保障", "", "", ""],
    )
    report = import_xlsx(path, [existing], HANDLER, LATER)
    assert [(p.row, p.column, p.problem.code) for p in report.problems] == [
        (4, "施行日期", "bad_date"),
        (5, "业务领域", "not_in_list"),
        (7, "责任单位", "unknown_unit"),
        (9, "标准答案", "required"),
        (11, "问题", "duplicate_question"),
    ]
    assert (
        report.problems[0].message()
        == "第 4 行 施行日期：“2016-13-01”不是有效的日期（如 2016-01-01 或 2016年1月1日）"
    )
    assert (
        report.problems[2].message("en")
        == "row 7 owner unit: '财政局' is not the rights department, a department or a county federation"
    )
    nursing, jobs = report.created
    assert (nursing.id, nursing.status, nursing.owner) == (
        "KB-0002",
        EntryStatus.DRAFT,
        Unit.department("社会保障部"),
    )
    assert nursing.content.basis == (
        PolicyBasis(
            "国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见",
            "国发〔2015〕52号",
            date(2016, 1, 1),
        ),
    )
    assert nursing.content.tags == ("护理补贴", "两项补贴")
    assert [(b.name, b.number, b.effective) for b in jobs.content.basis] == [
        ("中华人民共和国残疾人保障法", "", None),
        ("残疾人就业条例", "国务院令第488号", date(2007, 5, 1)),
    ]
    (updated,) = report.updated
    assert (updated.id, updated.status, updated.live, updated.latest.number) == (
        "KB-0001",
        EntryStatus.DRAFT,
        1,
        2,
    )
    assert updated.content.basis[0].number == "国发〔2018〕20号"
    assert [e.id for e in report.merged([existing])] == ["KB-0001", "KB-0002", "KB-0003"]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("《残疾人就业条例》（国务院令第488号）", ("残疾人就业条例", "国务院令第488号", "")),
        ("残疾人就业条例（国务院令第488号）", ("残疾人就业条例", "国务院令第488号", "")),
        ("《中华人民共和国残疾人保障法》（2018年修正）", ("中华人民共和国残疾人保障法", "", "2018年修正")),
        ("残疾人残疾分类和分级(GB/T 26341-2010)", ("残疾人残疾分类和分级", "GB/T 26341-2010", "")),
        ("中华人民共和国法律援助法", ("中华人民共和国法律援助法", "", "")),
    ],
)
def test_documents_are_read_as_offices_write_them(
    tmp_path: Path, cell: str, expected: tuple[str, str, str]
) -> None:
    path = workbook(tmp_path / "basis.xlsx", [1, "问？", "答。", cell, "", "", "就业", "", "", ""])
    (entry,) = import_xlsx(path, (), HANDLER, NOW).created
    (basis,) = entry.content.basis
    assert (basis.name, basis.number, basis.revision) == expected


def test_a_county_clerk_imports_only_rows_of_their_own_county(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "yanji.xlsx",
        [1, "延吉市残疾人证在哪里办？", "请到延吉市残联。", "", "", "", "维权", "", "", ""],
        [2, "图们市残疾人证在哪里办？", "请到图们市残联。", "", "", "", "维权", "", "图们市残联", ""],
    )
    report = import_xlsx(path, (), YANJI_CLERK, NOW)
    assert [e.owner.name for e in report.created] == ["延吉市"]
    assert [(p.row, p.column, p.problem.code) for p in report.problems] == [(4, "责任单位", "not_own_unit")]


def test_a_sheet_without_the_required_columns_is_reported(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["问题", "标准答案"])
    book.active.append(["问？", "答。"])
    book.save(tmp_path / "short.xlsx")
    report = import_xlsx(tmp_path / "short.xlsx", (), HANDLER, NOW)
    assert report.created == () and [p.message() for p in report.problems] == ["第 1 行 表格缺少“业务领域”列"]


def test_the_exported_spreadsheet_reads_back_with_openpyxl(tmp_path: Path, starter) -> None:
    path = export_xlsx(starter, tmp_path / "kb.xlsx")
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == EXPORT_HEADINGS
    assert len(rows) == len(starter) + 1
    first = dict(zip(EXPORT_HEADINGS, rows[1], strict=True))
    assert first["编号"] == "KB-0001" and first["状态"] == "已发布" and first["业务领域"] == "组织建设"
    assert "GB/T 26341-2010" in first["文号"]


def test_an_exported_spreadsheet_imported_unchanged_changes_nothing(tmp_path: Path, starter) -> None:
    report = import_xlsx(export_xlsx(starter, tmp_path / "kb.xlsx"), starter, HANDLER, LATER)
    assert report.problems == () and report.created == () and report.updated == ()
    assert report.unchanged == tuple(e.id for e in starter)


def test_an_edited_spreadsheet_row_becomes_a_new_version_matched_by_its_number(tmp_path: Path) -> None:
    entry = published()
    path = export_xlsx([entry], tmp_path / "kb.xlsx")
    book = load_workbook(path)
    book.active.cell(2, EXPORT_HEADINGS.index("问题") + 1, "救助对象有哪些？")
    book.save(path)
    (updated,) = import_xlsx(path, [entry], REHAB_CONTACT, LATER).updated
    assert updated.id == entry.id and updated.owner == REHAB
    assert [v.content.question for v in updated.versions] == [
        "残疾儿童康复救助的对象是哪些孩子？",
        "救助对象有哪些？",
    ]


def test_owners_are_read_by_their_names(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "owners.xlsx",
        [1, "甲？", "甲。", "", "", "", "维权", "", "维权部", ""],
        [2, "乙？", "乙。", "", "", "", "维权", "", "延吉市残联", ""],
        [3, "丙？", "丙。", "", "", "", "rights", "", "", ""],
    )
    report = import_xlsx(path, (), HANDLER, NOW)
    assert [e.owner for e in report.created] == [RIGHTS_DEPT, Unit.county("延吉市"), RIGHTS_DEPT]


def test_a_formula_typed_into_an_answer_is_exported_as_text_and_a_control_character_does_not_break_the_file(
    tmp_path: Path,
) -> None:
    entry = published(question='=HYPERLINK("http://evil.example","点此查看")', answer="答\x1b[31m红\x07。")

    path = export_xlsx([entry], tmp_path / "kb.xlsx")

    (row,) = load_workbook(path).active.iter_rows(min_row=2, max_row=2)
    question, answer = row[EXPORT_HEADINGS.index("问题")], row[EXPORT_HEADINGS.index("标准答案")]
    assert question.data_type == "s" and question.value == '=HYPERLINK("http://evil.example","点此查看")'
    assert answer.value == "答\\x1b[31m红\\x07。"
