"""``hotline kb``: the standard answers from the command line, on a real database."""

from __future__ import annotations

from openpyxl import load_workbook


def test_a_new_database_starts_with_the_starter_base_and_finds_answers(cli) -> None:
    cli("init")
    code, hits, _ = cli("kb", "search", "孩子康复有没有补助", "--json")
    assert code == 0 and hits[0]["id"] == "KB-0010"
    assert set(hits[0]) >= {"id", "question", "score"}
    published = [h for h in hits if h["reviewed"]]
    assert published == sorted(published, key=lambda h: -h["score"])


def test_drafts_come_after_the_published_answers_marked_and_cannot_be_published_before_review(cli) -> None:
    cli("init")
    _, hits, _ = cli("kb", "search", "怎样办理残疾人证", "--json")
    (draft,) = [h for h in hits if h["id"] == "KB-0003"]  # issue 16: staff see the matching draft
    assert draft["reviewed"] is False and hits.index(draft) == len([h for h in hits if h["reviewed"]])
    said = cli("kb", "search", "怎样办理残疾人证")[1]
    assert "KB-0003  [未审核]" in said
    cli("users", "add", "audit", "viewer")
    _, hits, _ = cli("kb", "search", "怎样办理残疾人证", "--json", login="audit")
    assert "KB-0003" not in {h["id"] for h in hits}
    code, _, err = cli("kb", "step", "KB-0003", "publish")
    assert code == 2 and "草稿" in err


def test_a_county_clerk_may_not_publish(cli) -> None:
    cli("init")
    cli("users", "add", "kim", "county_clerk", "--county", "延吉市")
    code, _, _err = cli("kb", "step", "KB-0001", "retire", "--reason", "过时", login="kim")
    assert code == 2
    code, data, _ = cli("kb", "step", "KB-0001", "retire", "--reason", "已废止", "--json")
    assert code == 0 and data["status"] == "retired"
    _, hits, _ = cli("kb", "search", "残疾类别 等级", "--json")
    assert "KB-0001" not in {h["id"] for h in hits}


def test_the_base_goes_out_and_back_as_a_spreadsheet(cli, tmp_path) -> None:
    cli("init")
    target = tmp_path / "知识库.xlsx"
    assert cli("kb", "export", str(target))[0] == 0
    sheet = load_workbook(target).worksheets[0]
    headings = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert "问题" in headings and "标准答案" in headings
    code, data, _ = cli("kb", "import", str(target), "--json")
    assert code == 0 and len(data["unchanged"]) == 27 and data["created"] == []
    assert cli("kb", "import", str(tmp_path / "none.xlsx"))[0] == 2
