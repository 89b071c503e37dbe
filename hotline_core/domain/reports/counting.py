"""The figures that the summary table and the assessment share, and how they are counted.

Each order adds a handful of keys to a :class:`collections.Counter`
(:func:`fact_keys`); a row of a report is :func:`figures_of` the counter of
its orders, and a total row the sum of the counters. Counting keys rather
than building a value per order keeps 100,000 orders cheap, and it makes a
total row exactly the sum of its rows.

Rates are fractions (0.875), or ``None`` when nothing could be counted: a
unit with no rated order has no satisfaction rate rather than 0% or 100%.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable

from attrs import frozen

from hotline_core.domain.limits import LimitState
from hotline_core.domain.reports.facts import OrderFacts
from hotline_core.domain.vocabulary import AppealType, BusinessArea, Outcome, Rating

LIMITS: tuple[str, ...] = ("sign", "contact", "close")
_PENDING = (LimitState.OPEN, LimitState.DUE_SOON)
_FLAGS: tuple[str, ...] = (
    "overdue",
    "handling_overdue",
    "returned",
    "declined",
    "extended",
    "emergency",
    "petition",
    "redone",
    "earlier_breached",
    "unsatisfied_late",
    "back_entered",
)


def rate(part: int, whole: int) -> float | None:
    """``part / whole``, or ``None`` when there is nothing to divide by."""
    return part / whole if whole else None


@frozen
class OnTime:
    """One limit over a set of orders: met in time, breached, still running.

    ``pending`` limits (open or due soon) are not decided yet and stay out
    of the rate: counting them would lower the rate of a period for the
    orders received on its last days. Limits that do not apply (a returned
    order's close limit, a petition's) are in none of the three.
    """

    on_time: int = 0
    late: int = 0
    pending: int = 0

    @property
    def decided(self) -> int:
        return self.on_time + self.late

    @property
    def rate(self) -> float | None:
        """On time / (on time + late)."""
        return rate(self.on_time, self.decided)


@frozen
class Ratings:
    """The citizens' ratings: the last one each order got, whatever round it came in."""

    satisfied: int = 0
    basically_satisfied: int = 0
    unsatisfied: int = 0

    @property
    def rated(self) -> int:
        return self.satisfied + self.basically_satisfied + self.unsatisfied

    @property
    def rate(self) -> float | None:
        """(Satisfied + basically satisfied) / rated: the center's satisfaction rate."""
        return rate(self.satisfied + self.basically_satisfied, self.rated)


@frozen
class Figures:
    """What is counted over a set of orders; every field is a number of orders."""

    received: int
    by_type: dict[AppealType, int]
    by_area: dict[BusinessArea | None, int]
    sign: OnTime
    contact: OnTime
    close: OnTime
    overdue: int
    handling_overdue: int
    returned: int
    declined: int
    extended: int
    emergency: int
    petition: int
    redone: int
    earlier_breached: int
    unsatisfied_late: int
    back_entered: int
    ratings: Ratings
    outcomes: dict[Outcome, int]  # finished orders by what they came to

    @property
    def redo_rate(self) -> float | None:
        """Orders sent back for redo / orders received."""
        return rate(self.redone, self.received)


def limit_keys(facts: OrderFacts, names: Iterable[str] = LIMITS) -> list[Hashable]:
    """The keys that the named limits of one order add: ``(name, state)``."""
    return [(name, getattr(facts, name)) for name in names]


def fact_keys(facts: OrderFacts, limits: Iterable[str] = LIMITS) -> list[Hashable]:
    """The keys one order adds: received, its type and area, its limits, flags and rating."""
    found: list[Hashable] = ["received", ("type", facts.appeal_type), ("area", facts.business_area)]
    found += limit_keys(facts, limits)
    found += [flag for flag in _FLAGS if getattr(facts, flag)]
    if facts.rating is not None:
        found.append(("rating", facts.rating))
    if facts.outcome is not None:
        found.append(("outcome", facts.outcome))
    return found


def _on_time(counter: Counter[Hashable], name: str) -> OnTime:
    pending = sum(counter[(name, state)] for state in _PENDING)
    return OnTime(counter[(name, LimitState.MET)], counter[(name, LimitState.BREACHED)], pending)


def figures_of(counter: Counter[Hashable]) -> Figures:
    """The figures of the orders whose keys ``counter`` holds."""
    return Figures(
        received=counter["received"],
        by_type={t: counter[("type", t)] for t in AppealType},
        by_area={a: counter[("area", a)] for a in (*BusinessArea, None)},
        sign=_on_time(counter, "sign"),
        contact=_on_time(counter, "contact"),
        close=_on_time(counter, "close"),
        ratings=Ratings(*(counter[("rating", r)] for r in Rating)),
        outcomes={o: counter[("outcome", o)] for o in Outcome},
        **{flag: counter[flag] for flag in _FLAGS},
    )
