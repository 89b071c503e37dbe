"""What many tests share: people in each role, the forms, Beijing times, orders told as stories."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from hotline_core.domain.events import Command
from hotline_core.domain.lifecycle import perform
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Person
from hotline_core.domain.state import OrderState
from hotline_core.domain.vocabulary import Place, Role

SHANGHAI = ZoneInfo("Asia/Shanghai")

HANDLER = Person("handler", {Role.HANDLER})
LEADER = Person("leader", {Role.LEADER})
YANJI_CLERK = Person("yanji", {Role.COUNTY_CLERK}, county=Place.YANJI)
TUMEN_CLERK = Person("tumen", {Role.COUNTY_CLERK}, county=Place.TUMEN)
REHAB_CONTACT = Person("rehab", {Role.DEPARTMENT}, department="康复部")
VIEWER = Person("viewer", {Role.VIEWER})
ADMIN = Person("admin", {Role.ADMIN})


def at(text: str) -> datetime:
    """A Beijing time from '2026-11-20 16:00'."""
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


COMPLETE_FORM: dict[str, Any] = {
    "id": "A1",
    "received_at": "2026-11-20T16:00:00+08:00",
    "channel": "phone",
    "appeal_type": "complaint",
    "business_area": "employment",
    "county": "延吉市",
    "call_date": "2026-11-20",
    "name": "金某",
    "gender": "female",
    "age": 45,
    "ethnicity": "朝鲜族",
    "disability": "physical",
    "grade": "3",
    "phone": "13800000000",
    "address": "延吉市河南街 1 号",
    "appeal": "用人单位拒绝按比例安排残疾人就业",
}
MINIMAL_FORM: dict[str, Any] = {
    key: COMPLETE_FORM[key] for key in ("id", "received_at", "channel", "appeal_type", "appeal")
}


class Story:
    """Drives one order through the lifecycle, a minute per step by default."""

    def __init__(self, order: WorkOrder, start: datetime) -> None:
        self.order = order
        self.now = start

    def do(
        self,
        action: str,
        actor: Person = HANDLER,
        *,
        after: timedelta = timedelta(minutes=1),
        note: str = "",
        **data: Any,
    ) -> Story:
        when = self.now + after
        self.order = perform(self.order, Command(action, data, note), actor, when)
        self.now = when
        return self

    @property
    def state(self) -> OrderState:
        return self.order.state


def push(tmp_path: Path, *forms: dict[str, Any]) -> str:
    path = tmp_path / "push.json"
    path.write_text(json.dumps(list(forms), ensure_ascii=False), encoding="utf-8")
    return str(path)
