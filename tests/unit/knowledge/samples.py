"""People in each role, a Beijing clock and entries built through the workflow."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hotline_core.domain.knowledge import (
    Content,
    Entry,
    PolicyBasis,
    publish,
    send_to_review,
    submit_draft,
)
from hotline_core.domain.organization import Person, Unit
from hotline_core.domain.vocabulary import BusinessArea, Place, Role

SHANGHAI = ZoneInfo("Asia/Shanghai")
HANDLER = Person("handler", {Role.HANDLER})
ADMIN = Person("admin", {Role.ADMIN})
LEADER = Person("leader", {Role.LEADER})
VIEWER = Person("viewer", {Role.VIEWER})
REHAB_CONTACT = Person("rehab", {Role.DEPARTMENT}, department="康复部")
JOBS_CONTACT = Person("jobs", {Role.DEPARTMENT}, department="教育就业部")
YANJI_CLERK = Person("yanji", {Role.COUNTY_CLERK}, county=Place.YANJI)
TUMEN_CLERK = Person("tumen", {Role.COUNTY_CLERK}, county=Place.TUMEN)
REHAB = Unit.department("康复部")
YANJI = Unit.county(Place.YANJI)

CHILDREN = PolicyBasis("国务院关于建立残疾儿童康复救助制度的意见", "国发〔2018〕20号")


def at(text: str) -> datetime:
    """A Beijing time from '2026-11-25 09:00'."""
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


NOW = at("2026-11-25 09:00")


def content(
    question: str = "残疾儿童康复救助的对象是哪些孩子？",
    answer: str = "0—6岁的残疾儿童和孤独症儿童。",
    area: BusinessArea = BusinessArea.REHABILITATION,
    basis: tuple[PolicyBasis, ...] = (CHILDREN,),
    tags: tuple[str, ...] = ("康复救助",),
    note: str = "",
) -> Content:
    return Content(question, answer, area, basis, tags, note)


def draft(entry_id: str = "KB-0001", by: Person = REHAB_CONTACT, **changes: object) -> Entry:
    return submit_draft(by, entry_id, content(**changes), NOW)  # type: ignore[arg-type]


def published(entry_id: str = "KB-0001", **changes: object) -> Entry:
    entry = send_to_review(draft(entry_id, **changes), REHAB_CONTACT, NOW + timedelta(minutes=1))
    return publish(entry, HANDLER, NOW + timedelta(minutes=2))
