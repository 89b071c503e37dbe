"""The access log (SPEC section 3): who was shown which personal data, and when.

Every display or export of unmasked personal data (an order opened, ``show``,
a list, a report or export that carries it) adds one :class:`Access`; the log
is only ever appended to, and the auditor reads it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum

from attrs import frozen


class AccessKind(StrEnum):
    ORDER = "order"  # one order shown whole (``show``, the order screen)
    LIST = "list"  # a list of orders with their citizens' data
    REPORT = "report"  # a report shown or exported
    BACKUP = "backup"  # a copy of the whole database made
    DUTY = "duty"  # services, incidents or an episode's orders shown whole (their ids in ``orders``)
    PRINT = "print"  # an order printed whole (the order sheet, the extension notice)


@frozen
class Access:
    at: datetime
    login: str
    kind: AccessKind
    subject: str  # the order id, or the report as asked (``hotspots 2026Q3``)
    orders: tuple[str, ...] = ()  # the orders whose personal data was shown


def selected(log: Iterable[Access], login: str | None = None, since: datetime | None = None) -> list[Access]:
    """The log's entries of one login and from one moment on, oldest first."""
    return sorted(
        (a for a in log if (login is None or a.login == login) and (since is None or a.at >= since)),
        key=lambda a: a.at,
    )
