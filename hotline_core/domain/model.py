"""The work order's record: who called, about what, from where (SPEC 2.4).

These are plain values. They are built from user input only through
``hotline_core.domain.intake``, which checks every field, so code holding an
``OrderRecord`` can trust it. The order's life (signing, transfers,
feedback ...) is not here but in its events (``hotline_core.domain.events``).
"""

from __future__ import annotations

from datetime import date, datetime

from attrs import frozen

from hotline_core.domain.vocabulary import (
    AppealType,
    BusinessArea,
    Channel,
    DisabilityCategory,
    DisabilityGrade,
    Gender,
    Place,
)


@frozen
class Citizen:
    """The person who appealed (诉求人). Sensitive personal information."""

    name: str = ""
    gender: Gender | None = None
    age: int | None = None
    ethnicity: str | None = None
    disability: DisabilityCategory | None = None
    grade: DisabilityGrade | None = None
    phone: str = ""
    address: str = ""


@frozen
class Appeal:
    """What the citizen asks for, classified as the center and the federation count it."""

    appeal_type: AppealType
    channel: Channel
    text: str
    business_area: BusinessArea | None = None
    call_date: date | None = None


@frozen
class Attachment:
    """A reference to a stored file (a feedback picture, a document) by content hash."""

    sha256: str
    name: str
    media_type: str
    size: int


@frozen
class OrderRecord:
    """Everything recorded about an order, as of one moment of its life.

    ``reply`` is 答复情况或拟处理意见: the answer given, or the handling
    proposed. ``emergency`` and ``petition`` are the flags the center set at
    dispatch; the lifecycle can raise them later as events too.
    ``confidential`` is the citizen's request for confidentiality (保密): counties
    and departments then see name, phone and address masked.
    """

    order_id: str
    received_at: datetime
    appeal: Appeal
    place: Place = Place.PREFECTURE
    citizen: Citizen = Citizen()
    reply: str = ""
    emergency: bool = False
    petition: bool = False
    confidential: bool = False
    attachments: tuple[Attachment, ...] = ()
