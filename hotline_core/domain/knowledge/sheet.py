"""The office's spreadsheet of answers: rows of cells to entries' contents and back.

Pure: it sees cell values (as openpyxl reads them), never a file. The
header row is found by its headings (the first row naming 问题 and 标准答案
within the first ten), so a title row above it or extra columns beside it
do no harm, and the columns may come in any order.

A cell holding several documents lists one a line (or separated by ；); 文号
and 施行日期 then list theirs in the same order, ``无`` where there is none.
A document may carry its revision in brackets: 《中华人民共和国残疾人保障法》（2018年修正）.
The 状态 and 版本 columns are written for people to read and ignored when
reading: an imported row always becomes a draft, since publishing goes
through review.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime

from attrs import frozen

from hotline_core.domain.knowledge.entries import (
    Content,
    Entry,
    PolicyBasis,
    content_problems,
)
from hotline_core.domain.knowledge.wording import KB_FIELDS, KB_WORDS, problem
from hotline_core.domain.messages import DEFAULT_LANGUAGE
from hotline_core.domain.organization import (
    DEFAULT_ORGANIZATION,
    RIGHTS_DEPT,
    Organization,
    Unit,
)
from hotline_core.domain.problems import Problem
from hotline_core.domain.vocabulary import BusinessArea, Place

HEADINGS: tuple[str, ...] = (
    "问题",
    "标准答案",
    "政策依据",
    "文号",
    "施行日期",
    "业务领域",
    "标签",
    "责任单位",
    "状态",
)
EXPORT_HEADINGS: tuple[str, ...] = ("编号", *HEADINGS, "待核实事项", "版本")
REQUIRED_HEADINGS: tuple[str, ...] = ("问题", "标准答案", "业务领域")
_ALIASES = {"备注": "待核实事项", "政策依据名称": "政策依据", "答案": "标准答案"}
_HEADING_OF = {code: labels[0] for code, labels in KB_FIELDS.items()}
_LIST = re.compile(r"\s*(?:\n|；|;)\s*")
_TAGS = re.compile(r"\s*[、,，;；/|\n]+\s*")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]00:00(?::00)?)?")
_CITED = re.compile(r"《(?P<name>[^》]+)》\s*(?:[（(](?P<extra>[^）)]*)[）)])?")
_PLAIN = re.compile(r"(?P<name>[^（(《》]+?)\s*[（(](?P<extra>[^）)]*)[）)]")
_NONE = frozenset({"无", "—", "-", "/", "－"})
_AREAS = {key: area for area in BusinessArea for key in (area.value, area.label)}


@frozen
class RowProblem:
    """A bad cell (or row, when ``column`` is empty), by its spreadsheet row number and heading."""

    row: int
    column: str
    problem: Problem

    def message(self, language: str = DEFAULT_LANGUAGE) -> str:
        return f"{KB_WORDS.render('row', language, {'row': str(self.row)})} {self.problem.message(language)}"


@frozen
class SheetRow:
    """A good row: its content, the entry it names (``""``: none) and its owner
    (None: the importer's unit)."""

    row: int
    entry_id: str
    content: Content
    owner: Unit | None


def heading_of(field: str) -> str:
    return _HEADING_OF.get(field, field)


def question_key(question: str) -> str:
    """A question with spacing and punctuation ignored, for matching rows to entries."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", question)).lower()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value).strip()


def _items(value: object) -> list[str]:
    text = _text(value)
    return [] if not text else [("" if part in _NONE else part) for part in _LIST.split(text)]


def _date(value: object, problems: list[Problem]) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    match = _DATE.fullmatch(text)
    if match:
        try:
            return date(*(int(g) for g in match.groups()))
        except ValueError:
            pass
    problems.append(problem("bad_date", "effective", value=text))
    return None


def _numbered(extra: str) -> bool:
    return extra.endswith("号") or extra.upper().startswith("GB")


def _document(cell: str, number: str) -> tuple[str, str, str]:
    """name, number, revision from 《name》（extra） or name（number）, as offices write them."""
    cited = _CITED.fullmatch(cell)
    if cited:
        extra = (cited.group("extra") or "").strip()
        if extra and not number and _numbered(extra):
            return cited.group("name"), extra, ""
        return cited.group("name"), number, extra
    plain = _PLAIN.fullmatch(cell)
    if plain and not number and _numbered(plain.group("extra").strip()):
        return plain.group("name"), plain.group("extra").strip(), ""
    return cell, number, ""


def _basis(cells: dict[str, object], problems: list[Problem]) -> tuple[PolicyBasis, ...]:
    names = [n for n in _items(cells.get("政策依据")) if n]
    raw_dates = cells.get("施行日期")
    dates: list[object] = [raw_dates] if isinstance(raw_dates, date) else list(_items(raw_dates))
    numbers = _items(cells.get("文号"))
    mismatched = [
        problem("count_mismatch", field, count=len(found), expected=len(names))
        for field, found in (("number", numbers), ("effective", dates))
        if found and len(found) != len(names)
    ]
    if mismatched:
        problems += mismatched
        return ()
    numbers += [""] * (len(names) - len(numbers))
    dates += [""] * (len(names) - len(dates))
    basis = []
    for name, number, when in zip(names, numbers, dates, strict=True):
        title, number, revision = _document(name, number)
        effective = _date(when, problems) if when not in ("", None) else None
        basis.append(PolicyBasis(title, number, effective, revision))
    return tuple(basis)


def _owner(value: object, organization: Organization, problems: list[Problem]) -> Unit | None:
    name = _text(value)
    if not name:
        return None
    bare = name.removesuffix("残疾人联合会").removesuffix("残联").strip()
    if name == RIGHTS_DEPT.name:
        return RIGHTS_DEPT
    if bare in {p.value for p in Place if p.is_county}:
        return Unit.county(bare)
    if organization.has_department(name):
        return Unit.department(name)
    problems.append(problem("unknown_unit", "owner", value=name))
    return None


def _area(value: object, problems: list[Problem]) -> BusinessArea | None:
    text = _text(value)
    if text in _AREAS:
        return _AREAS[text]
    if text:
        problems.append(
            problem("not_in_list", "area", value=text, choices="、".join(a.label for a in BusinessArea))
        )
    else:
        problems.append(problem("required", "area"))
    return None


def parse_row(
    number: int, cells: dict[str, object], organization: Organization
) -> SheetRow | list[RowProblem]:
    """A row's content, or every problem of the row (each by its column)."""
    problems: list[Problem] = []
    area = _area(cells.get("业务领域"), problems)
    basis = _basis(cells, problems)
    owner = _owner(cells.get("责任单位"), organization, problems)
    tags = [t for t in _TAGS.split(_text(cells.get("标签"))) if t]
    # A stand-in area when the cell was bad: the row is rejected anyway, but its
    # other cells are still checked so the clerk hears every problem at once.
    content = Content(
        _text(cells.get("问题")),
        _text(cells.get("标准答案")),
        area or BusinessArea.RIGHTS,
        basis,
        tags,
        _text(cells.get("待核实事项")),
    )
    problems += content_problems(content)
    if problems:
        return [RowProblem(number, heading_of(p.field), p) for p in problems]
    return SheetRow(number, _text(cells.get("编号")), content, owner)


def _header(rows: Sequence[Sequence[object]]) -> tuple[int, dict[str, int]] | None:
    for index, row in enumerate(rows[:10]):
        names = [_ALIASES.get(h, h) for h in (_text(c).replace(" ", "").rstrip("*") for c in row)]
        if "问题" in names and "标准答案" in names:
            return index, {name: col for col, name in reversed(list(enumerate(names))) if name}
    return None


def read_sheet(
    rows: Sequence[Sequence[object]],
    organization: Organization = DEFAULT_ORGANIZATION,
) -> tuple[list[SheetRow], list[RowProblem]]:
    """Good rows and the problems of the bad ones; blank rows are skipped quietly."""
    found = _header(rows)
    if found is None:
        return [], [RowProblem(1, "问题", problem("missing_column", column="问题、标准答案"))]
    start, columns = found
    missing = [h for h in REQUIRED_HEADINGS if h not in columns]
    if missing:
        return [], [RowProblem(start + 1, h, problem("missing_column", column=h)) for h in missing]
    good: list[SheetRow] = []
    bad: list[RowProblem] = []
    first_row_of: dict[str, int] = {}
    for index in range(start + 1, len(rows)):
        cells = {h: rows[index][c] for h, c in columns.items() if c < len(rows[index])}
        if not any(_text(v) for v in cells.values()):
            continue
        parsed = parse_row(index + 1, cells, organization)
        if isinstance(parsed, list):
            bad += parsed
            continue
        key = question_key(parsed.content.question)
        if key in first_row_of:
            bad.append(
                RowProblem(
                    index + 1, "问题", problem("duplicate_question", "question", row=first_row_of[key])
                )
            )
            continue
        first_row_of[key] = index + 1
        good.append(parsed)
    return good, bad


def entry_row(entry: Entry) -> list[object]:
    """The newest version of an entry as a row under :data:`EXPORT_HEADINGS`."""
    content = entry.content
    basis = content.basis
    dates: object = "\n".join(b.effective.isoformat() if b.effective else "无" for b in basis)
    if len(basis) == 1 and basis[0].effective is not None:
        dates = basis[0].effective
    return [
        entry.id,
        content.question,
        content.answer,
        "\n".join(f"《{b.name}》" + (f"（{b.revision}）" if b.revision else "") for b in basis),
        "\n".join(b.number or "无" for b in basis) if any(b.number for b in basis) else "",
        dates if any(b.effective for b in basis) else "",
        content.area.label,
        "、".join(content.tags),
        entry.owner.name,
        entry.status.label,
        content.note,
        entry.latest.number,
    ]
