"""Search and suggestions over the starter base, in Chinese, Korean and English."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hotline_core.domain.knowledge import Entry, edit, retire
from hotline_core.domain.knowledge.search import SearchIndex, build_index, search, suggest
from hotline_core.domain.knowledge.tokens import analyse
from hotline_core.domain.vocabulary import BusinessArea
from tests.unit.knowledge.samples import (
    HANDLER,
    NOW,
    REHAB_CONTACT,
    content,
    draft,
    published,
)

CHILD_REHAB = {"KB-0010", "KB-0011"}
NURSING = "KB-0006"


def top(index: SearchIndex, query: str, limit: int = 3) -> list[str]:
    return [hit.entry_id for hit in search(index, query, limit)]


def question(starter: tuple[Entry, ...], entry_id: str) -> str:
    return next(e.content.question for e in starter if e.id == entry_id)


def test_a_parent_asking_in_everyday_words_finds_the_childrens_rehabilitation_entry_first(index) -> None:
    hits = search(index, "孩子康复有没有补助", 5)
    assert hits[0].entry_id in CHILD_REHAB and hits[1].entry_id in CHILD_REHAB
    assert "孩子康复有没有补助" not in hits[0].question
    assert {"孩子", "康复"} <= set(hits[0].matched)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("盲人坐公交要钱吗", "KB-0020"),
        ("学校不收残疾孩子", "KB-0024"),
        ("孩子不能去学校怎么上课", "KB-0025"),
        ("单位招人歧视残疾人", "KB-0017"),
        ("企业要招多少残疾职工", "KB-0014"),
        ("打官司没钱请律师", "KB-0019"),
        ("盲道被汽车占了", "KB-0022"),
        ("残疾分几个等级", "KB-0001"),
        ("低保家庭的残疾人有生活补助吗", "KB-0005"),
    ],
)
def test_chinese_questions_in_other_words_find_their_entry_first(index, starter, query, expected) -> None:
    assert top(index, query)[0] == expected, question(starter, expected)


def test_full_width_and_punctuation_do_not_matter(index) -> None:
    assert top(index, "　盲人，坐公交？？要钱吗！") == top(index, "盲人坐公交要钱吗")


def test_an_appeal_about_the_nursing_subsidy_suggests_that_entry_first(index) -> None:
    hits = suggest(index, "我是肢体残疾三级，想问问能不能领护理补贴")
    assert hits[0].entry_id == NURSING and len(hits) <= 5


@pytest.mark.parametrize(
    ("appeal", "expected"),
    [
        (
            "来电人称其子今年4岁，确诊孤独症，在延吉市做康复训练，费用较高，询问国家有没有救助政策。",
            CHILD_REHAB,
        ),
        ("来电人为视力残疾一级，反映乘坐市内公交车时司机要求其投币，询问盲人是否免费乘车。", {"KB-0020"}),
        ("来电人反映某公司以其是残疾人为由拒绝录用，认为受到就业歧视，要求残联帮助维权。", {"KB-0017"}),
        ("来电人反映小区门口的盲道长期被车辆占用，视力残疾人出行不便，要求有关部门处理。", {"KB-0022"}),
    ],
)
def test_realistic_appeals_get_the_right_answer_suggested_first(index, appeal, expected) -> None:
    assert suggest(index, appeal)[0].entry_id in expected


def test_the_orders_business_area_lifts_its_own_entries(index) -> None:
    appeal = "康复补贴"
    assert suggest(index, appeal)[0].area is BusinessArea.REHABILITATION
    assert suggest(index, appeal, area=BusinessArea.SOCIAL_SECURITY)[0].area is BusinessArea.SOCIAL_SECURITY


def test_an_appeal_sharing_no_words_with_the_base_suggests_nothing(index) -> None:
    assert suggest(index, "今天天气很好") == []
    assert search(index, "") == [] and search(index, "盲人", 0) == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("법률원조를 받고 싶어요", "KB-0019"),
        ("장애아동 재활 지원", "KB-0010"),
        ("장애등급은 어떻게 나뉘나요", "KB-0001"),
    ],
)
def test_korean_queries_find_entries_tagged_in_korean(index, query, expected) -> None:
    assert top(index, query)[0] == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Legal aid for disabled people", "KB-0019"),
        ("nursing subsidies", NURSING),
        ("Is the BUS free for blind people?", "KB-0020"),
    ],
)
def test_english_queries_find_entries_tagged_in_english(index, query, expected) -> None:
    assert top(index, query)[0] == expected


def test_korean_and_english_are_kept_as_whole_words() -> None:
    terms = analyse("장애인증은 How to apply for Subsidies? ＧＢ/Ｔ 26341")
    assert terms.words == ("장애인증은", "장애인증", "apply", "subsidy", "gb", "26341")
    assert terms.grams == ()


def test_chinese_is_cut_into_words_with_bigrams_beside_and_stop_words_dropped() -> None:
    terms = analyse("我想问问护理补贴")
    assert {"护理", "补贴", "护理补贴"} <= set(terms.words)
    assert not {"我", "想", "问问"} & set(terms.words)
    assert terms.grams == ("#护理", "#理补", "#补贴")


def test_a_match_in_the_question_outranks_one_in_the_answer() -> None:
    in_question = published("KB-0001", question="导盲犬能进商场吗？", answer="可以，应当遵守国家有关规定。")
    in_answer = published("KB-0002", question="盲人出行有哪些便利？", answer="导盲犬可以进入公共场所。")
    assert top(build_index([in_answer, in_question]), "导盲犬") == ["KB-0001", "KB-0002"]


def test_only_the_live_version_of_published_entries_is_searched() -> None:
    revised = edit(
        published("KB-0001"), REHAB_CONTACT, content(question="导盲犬能进商场吗？"), NOW + timedelta(hours=1)
    )
    gone = retire(
        published("KB-0002", question="导盲犬能坐火车吗？"), HANDLER, NOW + timedelta(hours=1), "合并"
    )
    index = build_index([revised, gone, draft("KB-0003", question="导盲犬能坐飞机吗？")])
    assert len(index) == 1
    assert top(index, "导盲犬") == []
    assert top(index, "康复救助") == ["KB-0001"]
    assert search(index, "康复救助")[0].version == 1
