"""The archive index: each archived order's quarter, names and phones, in the working file.

An order is archived in the transaction that writes its index entry (``Session.archive_order``),
so the two never disagree after a crash, a rebuild from the journal replays both, and a
backup carries both. Finding an archived order by its number then reads one quarter's
archive; by a name or a phone, only the quarters that hold a match. ``check`` compares the
index with the archives (:func:`index_problems`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from hotline_core.adapters.serialization import structure_order
from hotline_core.adapters.storage.view import Reader
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.search import key_matches, needle_of, search_keys

if TYPE_CHECKING:
    from hotline_core.adapters.repository import Session

ARCHIVE_INDEX = "archive_index"
ORDERS = "orders"


def index_entry(order: WorkOrder, period: str) -> dict[str, Any]:
    """What the archive index keeps of an archived order."""
    return {"period": period, "keys": list(search_keys(order))}


class ArchiveLookup:
    """Archived orders found through the index, each quarter's archive read at most once;
    a database without the index yet (a read-only copy of an old one) is searched whole."""

    def __init__(self, session: Session, periods: list[str], read: Callable[[str], Reader]) -> None:
        self.session = session
        self.periods = periods
        self.read = read

    def ids(self) -> set[str]:
        if self.session.archive_indexed():
            return set(self.session.archived_index_ids())
        return {key for period in self.periods for key in self.read(period).keys(ORDERS)}

    def order(self, order_id: str) -> WorkOrder | None:
        if self.session.archive_indexed():
            period = self.session.archived_period(order_id)
            periods = [] if period is None else [period]
        else:
            periods = sorted(self.periods, reverse=True)
        for period in periods:
            doc = self.read(period).get(ORDERS, order_id)
            if doc is not None:
                return structure_order(doc)
        return None

    def matching(self, text: str) -> list[WorkOrder]:
        """The archived orders whose number, names or phones hold ``text``, newest quarter first."""
        needle = needle_of(text)
        if not needle:
            return []
        if self.session.archive_indexed():
            wanted = self.session.archived_matches(needle)
        else:
            wanted = {p: self.read(p).keys(ORDERS) for p in self.periods}
        found = []
        for period in sorted(wanted, reverse=True):
            docs = self.read(period).containing(ORDERS, needle)
            for order_id in wanted[period]:
                if order_id in docs:
                    order = structure_order(docs[order_id])
                    if key_matches(order.id, search_keys(order), needle):
                        found.append(order)
        return found


def index_problems(session: Session, archived: Iterable[tuple[str, WorkOrder]]) -> list[str]:
    """Where the archive index and the archives disagree: an archived order not indexed, or
    indexed under another quarter or other names and phones; an entry with no order."""
    if not session.archive_indexed():
        return []
    problems = []
    seen = set()
    for period, order in archived:
        seen.add(order.id)
        found = session.archived_entry(order.id)
        if found is None:
            problems.append(f"{ARCHIVE_INDEX}: archived order {order.id} ({period}) is not indexed")
        elif found != index_entry(order, period):
            problems.append(f"{ARCHIVE_INDEX}: {order.id} is indexed wrongly (it is in {period})")
    for order_id in session.archived_index_ids():
        if order_id not in seen:
            problems.append(f"{ARCHIVE_INDEX}: {order_id} is indexed but in no archive")
    return problems
