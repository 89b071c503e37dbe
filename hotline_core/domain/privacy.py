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


def masked(record: OrderRecord, *others: Citizen) -> OrderRecord:
    """The record with name, phone and address masked and its free texts scrubbed (of
    ``others`` too: the citizen as corrected later, or as first received)."""
    citizen = record.citizen
    pairs = _replacements((citizen, *others))
    return evolve(
        record,
        citizen=evolve(
            citizen,
            name=mask_name(citizen.name),
            phone=mask_phone(citizen.phone),
            address=HIDDEN if citizen.address else "",
        ),
        appeal=evolve(record.appeal, text=_scrub(record.appeal.text, pairs)),
        reply=_scrub(record.reply, pairs),
    )


def _replacements(citizens: tuple[Citizen, ...]) -> tuple[tuple[str, str], ...]:
    """What to replace by what, the longest values first (an address holds a name)."""
    pairs = {
        (value, mask)
        for c in citizens
        for value, mask in (
            (c.address, HIDDEN),
            (c.phone, mask_phone(c.phone)),
            (c.name, mask_name(c.name)),
        )
        if len(value) >= 2
    }
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def _scrub(text: str, replacements: tuple[tuple[str, str], ...]) -> str:
    if not text:
        return text
    for value, mask in replacements:
        if value in text:
            text = text.replace(value, mask)
    return _NUMBER.sub(_masked_number, text)


def _masked_number(match: re.Match[str]) -> str:
    return mask_phone(match.group())


def masked_order(order: WorkOrder) -> WorkOrder:
    """The order as someone who may not see its personal data sees it.

    The events are scrubbed too (notes, action details, a record correction's
    personal fields, attachment names). Replaying scrubbed corrections would not
    pass the record's checks, so the view keeps the state the real events
    explain and masks its record: the limits, the owner and the status stay
    exactly what they are.
    """
    pairs = _replacements(order.citizens)
    events = tuple(_masked_event(e, pairs) for e in order.events)
    received, current = order.record, order.state.record
    shown = masked(received, current.citizen)
    latest = shown if current is received else masked(current, received.citizen)
    view = WorkOrder.__new__(WorkOrder)
    for name, value in (("record", shown), ("events", events), ("state", evolve(order.state, record=latest))):
        object.__setattr__(view, name, value)
    return view


def _masked_event(event: Event, pairs: tuple[tuple[str, str], ...]) -> Event:
    if not (event.note or event.data or event.attachments):
        return event  # most steps (sign, close ...) carry nothing to hide
    data: dict[str, object] = {
        key: (HIDDEN if key in _PERSONAL_FIELDS and value else _scrub(value, pairs))
        for key, value in event.data.items()
    }
    attachments = tuple(evolve(a, name=_scrub(a.name, pairs)) for a in event.attachments)
    return Event(event.at, event.actor, event.action, _scrub(event.note, pairs), data, attachments)


def scrubbed(text: str, *citizens: Citizen) -> str:
    """Free text with these citizens' name, phone and address masked, and any other phone or
    ID number too: for what a service, an incident or an episode says about a person."""
    return _scrub(text, _replacements(citizens))
