"""Masking of personal data for the people who may not see it (SPEC section 3).

Disabled citizens' data is sensitive personal information: what a viewer (or a
county, for a confidential order) is given shows enough to count and recognise
a case, not enough to identify the person. Masking is done once, on the order
itself, before it leaves the core: the record, the notes and the details of
every event are scrubbed, so that no screen, export or search can reveal or
confirm a value (a search over a masked order cannot match the full phone).
"""

from __future__ import annotations

import re

from attrs import evolve

from hotline_core.domain.events import Event
from hotline_core.domain.model import Citizen, OrderRecord
from hotline_core.domain.order import WorkOrder

HIDDEN = "***"
# Seven digits or more (a landline's area code before a dash, an ID number's final X) are a
# phone or an ID number; a date (2026-11-20) or an amount is not.
_NUMBER = re.compile(r"(?<!\d)(?:\d{3,4}-)?\d{7,}[Xx]?(?!\d)")
# The fields of a record correction (``record`` events) that hold personal data.
_PERSONAL_FIELDS = frozenset({"name", "phone", "address"})


def mask_name(name: str) -> str:
    """金某某 → 金**: the family name stays, the rest goes."""
    return name[:1] + "*" * max(len(name) - 1, 1) if name else ""


def mask_phone(phone: str) -> str:
    """13812345678 → 138****5678; a landline keeps its area code and last digits."""
    digits = phone.replace("-", "").replace(" ", "")
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def masked(record: OrderRecord) -> OrderRecord:
    """The record with name, phone and address masked and its free texts scrubbed."""
    citizen = record.citizen
    return evolve(
        record,
        citizen=evolve(
            citizen,
            name=mask_name(citizen.name),
            phone=mask_phone(citizen.phone),
            address=HIDDEN if citizen.address else "",
        ),
        appeal=evolve(record.appeal, text=scrub(record.appeal.text, citizen)),
        reply=scrub(record.reply, citizen),
    )


def scrub(text: str, *citizens: Citizen) -> str:
    """``text`` without the citizens' names, phones and addresses, nor any long number."""
    for citizen in citizens:
        for value, mask in (
            (citizen.address, HIDDEN),
            (citizen.phone, mask_phone(citizen.phone)),
            (citizen.name, mask_name(citizen.name)),
        ):
            if len(value) >= 2:
                text = text.replace(value, mask)
    return _NUMBER.sub(lambda m: mask_phone(m.group()), text)


def masked_order(order: WorkOrder) -> WorkOrder:
    """The order as someone who may not see its personal data sees it.

    The events are scrubbed too (notes, action details, a record correction's
    personal fields, attachment names). Replaying scrubbed corrections would not
    pass the record's checks, so the view keeps the state the real events
    explain and masks its record: the limits, the owner and the status stay
    exactly what they are.
    """
    people = tuple({order.record.citizen, order.state.record.citizen})
    events = tuple(_masked_event(e, people) for e in order.events)
    view = WorkOrder.__new__(WorkOrder)
    for name, value in (
        ("record", masked(order.record)),
        ("events", events),
        ("state", evolve(order.state, record=masked(order.state.record))),
    ):
        object.__setattr__(view, name, value)
    return view


def _masked_event(event: Event, people: tuple[Citizen, ...]) -> Event:
    data: dict[str, object] = {
        key: (HIDDEN if key in _PERSONAL_FIELDS and value else scrub(value, *people))
        for key, value in event.data.items()
    }
    attachments = tuple(evolve(a, name=scrub(a.name, *people)) for a in event.attachments)
    return evolve(event, note=scrub(event.note, *people), data=data, attachments=attachments)
