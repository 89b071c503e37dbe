"""Masking of personal data for the roles that do not handle orders (SPEC section 3).

Disabled citizens' data is sensitive personal information: lists and
exports for viewers show enough to count and recognise a case, not enough
to identify the person.
"""

from __future__ import annotations

from attrs import evolve

from hotline_core.domain.model import OrderRecord


def mask_name(name: str) -> str:
    """金某某 → 金**: the family name stays, the rest goes."""
    return name[:1] + "*" * max(len(name) - 1, 1) if name else ""


def mask_phone(phone: str) -> str:
    """13812345678 → 138****5678; a landline keeps its area code and last digits."""
    digits = phone.replace("-", "")
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def masked(record: OrderRecord) -> OrderRecord:
    citizen = evolve(
        record.citizen,
        name=mask_name(record.citizen.name),
        phone=mask_phone(record.citizen.phone),
        address="***" if record.citizen.address else "",
    )
    return evolve(record, citizen=citizen)
