"""The review workflow and who may take each step (SPEC sections 3 and 8)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from attrs import evolve

from hotline_core.domain.knowledge import (
    EntryStatus,
    KbAction,
    edit,
    kb_allows,
    next_entry_id,
    publish,
    reply_text,
    retire,
    return_to_draft,
    send_to_review,
    submit_draft,
)
from hotline_core.domain.organization import RIGHTS_DEPT
from hotline_core.domain.problems import InvalidInput, Refused
from tests.unit.knowledge.samples import (
    ADMIN,
    HANDLER,
    JOBS_CONTACT,
    LEADER,
    NOW,
    REHAB,
    REHAB_CONTACT,
    TUMEN_CLERK,
    VIEWER,
    YANJI,
    YANJI_CLERK,
    content,
    draft,
    published,
)

LATER = NOW + timedelta(hours=1)


def test_a_department_submits_a_draft_for_its_own_unit() -> None:
    entry = draft()
    assert (entry.status, entry.owner, entry.live) == (EntryStatus.DRAFT, REHAB, None)
    assert entry.latest.number == 1 and entry.latest.author == "rehab"
    assert [t.action for t in entry.history] == [KbAction.SUBMIT]


def test_a_county_clerk_submits_for_their_county() -> None:
    entry = submit_draft(YANJI_CLERK, "KB-0002", content(), NOW)
    assert entry.owner == YANJI


def test_a_clerk_may_not_write_for_another_unit_and_is_told_whose_entry_it_is() -> None:
    with pytest.raises(Refused) as refused:
        submit_draft(TUMEN_CLERK, "KB-0002", content(), NOW, owner=YANJI)
    assert refused.value.messages() == [
        "责任单位：tumen 只能为本单位（图们市）提交或修改条目，该条目属于延吉市"
    ]
    with pytest.raises(Refused):
        edit(draft(), JOBS_CONTACT, content(answer="另一种说法。"), LATER)


def test_the_rights_department_writes_for_any_unit() -> None:
    entry = submit_draft(HANDLER, "KB-0002", content(), NOW, owner=REHAB)
    assert entry.owner == REHAB
    assert submit_draft(HANDLER, "KB-0003", content(), NOW).owner == RIGHTS_DEPT


@pytest.mark.parametrize("person", [LEADER, VIEWER, ADMIN], ids=lambda p: p.login)
def test_leaders_viewers_and_admins_do_not_write_answers(person) -> None:
    with pytest.raises(Refused) as refused:
        submit_draft(person, "KB-0002", content(), NOW, owner=REHAB)
    assert refused.value.problems[0].code == "not_permitted"


@pytest.mark.parametrize("person", [LEADER, VIEWER, REHAB_CONTACT, YANJI_CLERK], ids=lambda p: p.login)
def test_only_the_rights_department_and_admins_publish(person) -> None:
    in_review = send_to_review(draft(), REHAB_CONTACT, LATER)
    with pytest.raises(Refused) as refused:
        publish(in_review, person, LATER)
    assert refused.value.messages() == [f"{person.login} 无权进行“发布”"]


@pytest.mark.parametrize("person", [HANDLER, ADMIN], ids=lambda p: p.login)
def test_the_rights_department_or_an_admin_publishes_after_review(person) -> None:
    entry = publish(send_to_review(draft(), REHAB_CONTACT, LATER), person, LATER)
    assert (entry.status, entry.live) == (EntryStatus.PUBLISHED, 1)
    assert [t.action for t in entry.history] == [KbAction.SUBMIT, KbAction.SEND_TO_REVIEW, KbAction.PUBLISH]
    assert entry.history[-1].actor == person.login


def test_everyone_with_a_login_reads() -> None:
    for person in (HANDLER, ADMIN, LEADER, VIEWER, REHAB_CONTACT, YANJI_CLERK):
        assert kb_allows(person, KbAction.READ, REHAB)


def test_a_draft_cannot_be_published_without_review() -> None:
    with pytest.raises(Refused) as refused:
        publish(draft(), HANDLER, LATER)
    assert refused.value.messages() == ["状态：条目当前状态为“草稿”，不能进行“发布”"]


def test_publishing_needs_a_policy_basis_and_nothing_left_to_verify() -> None:
    bare = send_to_review(draft(basis=()), REHAB_CONTACT, LATER)
    with pytest.raises(Refused) as refused:
        publish(bare, HANDLER, LATER)
    assert refused.value.messages() == ["政策依据：发布前必须注明至少一项政策依据"]
    noted = send_to_review(draft(note="核实吉林省救助标准"), REHAB_CONTACT, LATER)
    with pytest.raises(Refused) as refused:
        publish(noted, HANDLER, LATER)
    assert "核实吉林省救助标准" in refused.value.messages()[0]


def test_the_reviewer_returns_a_draft_with_a_reason() -> None:
    in_review = send_to_review(draft(), REHAB_CONTACT, LATER)
    with pytest.raises(InvalidInput):
        return_to_draft(in_review, HANDLER, LATER, "  ")
    back = return_to_draft(in_review, HANDLER, LATER, "请补充申请材料")
    assert back.status is EntryStatus.DRAFT and back.history[-1].reason == "请补充申请材料"


def test_editing_during_review_is_refused() -> None:
    in_review = send_to_review(draft(), REHAB_CONTACT, LATER)
    with pytest.raises(Refused) as refused:
        edit(in_review, REHAB_CONTACT, content(answer="改一下。"), LATER)
    assert refused.value.problems[0].code == "wrong_status"


def test_a_refused_step_changes_nothing() -> None:
    entry = draft()
    before = evolve(entry)
    with pytest.raises(Refused):
        publish(entry, VIEWER, LATER)
    assert entry == before


def test_editing_a_published_entry_keeps_the_published_answer_live_until_the_revision_is_published() -> None:
    entry = published()
    revised = edit(entry, REHAB_CONTACT, content(answer="新的说法。"), LATER, "按新文件修改")
    assert (revised.status, revised.live, revised.latest.number) == (EntryStatus.DRAFT, 1, 2)
    assert revised.live_content == entry.content
    done = publish(send_to_review(revised, REHAB_CONTACT, LATER), HANDLER, LATER)
    assert done.live == 2 and done.live_content is not None and done.live_content.answer == "新的说法。"


def test_every_version_stays_readable() -> None:
    entry = published()
    for n, answer in enumerate(("第二版。", "第三版。"), start=2):
        entry = edit(entry, REHAB_CONTACT, content(answer=answer), NOW + timedelta(hours=n))
    assert [entry.version(n).content.answer for n in (1, 2, 3)] == [
        "0—6岁的残疾儿童和孤独症儿童。",
        "第二版。",
        "第三版。",
    ]
    assert [v.number for v in entry.versions] == [1, 2, 3]
    with pytest.raises(KeyError):
        entry.version(4)


def test_an_edit_that_changes_nothing_is_refused() -> None:
    with pytest.raises(Refused) as refused:
        edit(draft(), REHAB_CONTACT, content(), LATER)
    assert refused.value.messages() == ["内容与当前版本相同，没有需要保存的修改"]


def test_retiring_keeps_the_entry_and_its_history_but_takes_it_out_of_use() -> None:
    entry = retire(published(), HANDLER, LATER, "政策已废止")
    assert entry.status is EntryStatus.RETIRED and entry.live_content is None
    assert entry.version(1).content == content() and entry.history[-1].reason == "政策已废止"
    with pytest.raises(Refused):
        edit(entry, HANDLER, content(answer="复活"), LATER)
    with pytest.raises(Refused):
        retire(published(), REHAB_CONTACT, LATER, "不要了")


def test_incomplete_wording_is_refused_naming_every_field() -> None:
    with pytest.raises(InvalidInput) as invalid:
        submit_draft(REHAB_CONTACT, "KB-0002", content(question=" ", answer="", tags=("x" * 31,)), NOW)
    assert invalid.value.messages() == [
        "问题：必须填写",
        "标准答案：必须填写",
        "标签：过长（31 字，最多 30 字）",
    ]


def test_the_messages_read_in_korean_and_english_too() -> None:
    with pytest.raises(InvalidInput) as invalid:
        submit_draft(REHAB_CONTACT, "KB-0002", content(question=""), NOW)
    assert invalid.value.messages("ko") == ["질문: 필수 항목입니다"]
    assert invalid.value.messages("en") == ["question: is required"]


def test_times_must_have_a_zone_and_never_go_back() -> None:
    with pytest.raises(Refused):
        submit_draft(REHAB_CONTACT, "KB-0002", content(), datetime(2026, 11, 25, 9))
    with pytest.raises(Refused) as refused:
        send_to_review(draft(), REHAB_CONTACT, NOW - timedelta(minutes=1))
    assert refused.value.problems[0].code == "before_last"


def test_entry_numbers_continue_from_the_highest() -> None:
    assert next_entry_id([]) == "KB-0001"
    assert next_entry_id(["KB-0002", "KB-0010", "other"]) == "KB-0011"
    with pytest.raises(InvalidInput):
        submit_draft(REHAB_CONTACT, "KB 1", content(), NOW)


def test_an_answer_goes_into_a_reply_with_its_documents_named() -> None:
    assert (
        reply_text(content()) == "0—6岁的残疾儿童和孤独症儿童。\n"
        "（政策依据：《国务院关于建立残疾儿童康复救助制度的意见》（国发〔2018〕20号））"
    )
