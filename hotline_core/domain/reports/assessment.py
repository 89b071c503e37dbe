"""The annual assessment (年度考核) of each unit's hotline work (source 四(六), SPEC 7).

Who answers for what:

- signing is the rights department's (it receives the center's pushes), so an
  order's sign limit counts for it, or for the county that took in an order of
  its own (issue 18);
- everything else (contact, close, rating, overdue, returns, redo) counts
  for the unit that handled the order: the county federation or department
  it was last transferred or assigned to, else the rights department, which
  stands for the prefecture level (州本级).

The score, 0–100, is a weighted mean of five fractions, each earning its
weight in points:

    score = 100 × Σ wᵢ·rᵢ / Σ wᵢ

over sign, contact and close on-time rates, the satisfaction rate, and the
punctuality share 1 − overdue / orders, where an order is overdue for its
unit when a limit other than sign and return was breached (contact, close,
emergency reply, unsatisfied report, supervision, petition). A component the unit has nothing
to count for (no rated order, no decided contact limit) is left out and
the remaining weights share its points, so a unit is neither rewarded nor
punished for what it did not have to do. A unit with no orders at all has
no score (``None``), not a misleading 100. Returns are shown but not
scored: returning an order outside the federation's remit is the right
handling, and its timeliness is already in the sign limit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from datetime import datetime

from attrs import field, frozen

from hotline_core.domain.calendar import WorkingCalendar
from hotline_core.domain.limits import LimitEvaluator
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import (
    DEFAULT_ORGANIZATION,
    RIGHTS_DEPT,
    Organization,
    Unit,
    UnitKind,
)
from hotline_core.domain.policy import DEFAULT_SCHEDULE, PolicySchedule
from hotline_core.domain.quarters import Quarter
from hotline_core.domain.reports.counting import (
    Figures,
    fact_keys,
    figures_of,
    limit_keys,
    rate,
)
from hotline_core.domain.reports.facts import facts_at, handling_unit
from hotline_core.domain.reports.government import GovernmentFigures, government_figures
from hotline_core.domain.reports.period import Period, as_period
from hotline_core.domain.reports.quarterly import received_in, report_moment
from hotline_core.domain.vocabulary import COUNTIES


def _weight(_instance: object, attribute: object, value: float) -> None:
    if value < 0:
        raise ValueError(f"weight {getattr(attribute, 'name', '')} cannot be negative, got {value}")


def _some_weight(instance: Weights, _attribute: object, _value: float) -> None:
    if instance.total <= 0:
        raise ValueError("at least one weight must be positive")


@frozen
class Weights:
    """Points per component; the defaults sum to 100 and put closing and satisfaction first.

    Defaults: sign 15, contact 15, close 30, satisfaction 25, punctuality 15.
    Closing on time and a satisfied citizen are what the center measures the
    federation by; signing and contacting are the steps that lead there.
    """

    sign: float = field(default=15.0, validator=_weight)
    contact: float = field(default=15.0, validator=_weight)
    close: float = field(default=30.0, validator=_weight)
    satisfaction: float = field(default=25.0, validator=_weight)
    punctuality: float = field(default=15.0, validator=[_weight, _some_weight])

    @property
    def total(self) -> float:
        return self.sign + self.contact + self.close + self.satisfaction + self.punctuality


DEFAULT_WEIGHTS = Weights()


@frozen
class UnitAssessment:
    """One unit's figures for the year and its score (``None`` without orders)."""

    unit: Unit
    figures: Figures
    score: float | None

    @property
    def punctuality(self) -> float | None:
        return punctuality(self.figures)


@frozen
class Assessment:
    period: Period
    as_of: datetime
    weights: Weights
    units: tuple[UnitAssessment, ...]
    # Government departments orders were passed to: counted apart, not scored (issue 18).
    government: tuple[GovernmentFigures, ...] = ()


def punctuality(figures: Figures) -> float | None:
    """Orders handled without a breached handling limit / orders handled."""
    return rate(figures.received - figures.handling_overdue, figures.received)


def score(figures: Figures, weights: Weights = DEFAULT_WEIGHTS) -> float | None:
    """The 0–100 score of the formula above, or ``None`` for a unit without orders."""
    if figures.received == 0 and figures.sign.decided + figures.sign.pending == 0:
        return None
    parts = [
        (weights.sign, figures.sign.rate),
        (weights.contact, figures.contact.rate),
        (weights.close, figures.close.rate),
        (weights.satisfaction, figures.ratings.rate),
        (weights.punctuality, punctuality(figures)),
    ]
    counted = [(w, r) for w, r in parts if r is not None and w > 0]
    total = sum(w for w, _ in counted)
    if total == 0:
        return None
    return 100 * sum(w * r for w, r in counted) / total


def annual_assessment(
    orders: Iterable[WorkOrder],
    period: Period | Quarter | str,
    now: datetime,
    calendar: WorkingCalendar | None = None,
    schedule: PolicySchedule = DEFAULT_SCHEDULE,
    weights: Weights = DEFAULT_WEIGHTS,
    organization: Organization = DEFAULT_ORGANIZATION,
) -> Assessment:
    """Every unit's assessment for ``period`` (usually a year, "2026"), as of its end or ``now``."""
    period = as_period(period)
    moment = report_moment(period, now)
    counters: dict[Unit, Counter[Hashable]] = {unit: Counter() for unit in _standing_units()}
    start, end = period.start, period.end
    received = [order for order in orders if received_in(order.record.received_at, start, end, moment)]
    for then, facts in facts_at(received, LimitEvaluator(moment, calendar, schedule), moment):
        unit = handling_unit(then)
        counters.setdefault(unit, Counter()).update(fact_keys(facts, ("contact", "close")))
        # The unit that took the order in signs it: the rights department, or a county (issue 18).
        counters.setdefault(then.state.received_by, Counter()).update(limit_keys(facts, ("sign",)))
    units = sorted(counters, key=lambda unit: _unit_order(unit, organization))
    counted = {unit: figures_of(counters[unit]) for unit in units}
    return Assessment(
        period,
        moment,
        weights,
        tuple(UnitAssessment(unit, counted[unit], score(counted[unit], weights)) for unit in units),
        government_figures(received, moment, calendar, schedule),
    )


def _standing_units() -> tuple[Unit, ...]:
    """The rights department and the eight counties are always listed; departments when they had orders."""
    return (RIGHTS_DEPT, *(Unit.county(county) for county in COUNTIES))


def _unit_order(unit: Unit, organization: Organization) -> tuple[int, int, str]:
    kinds = (UnitKind.RIGHTS_DEPT, UnitKind.COUNTY, UnitKind.DEPARTMENT, UnitKind.GOVERNMENT)
    if unit.kind is UnitKind.COUNTY:
        rank = [c.value for c in COUNTIES].index(unit.name)
    elif unit.kind is UnitKind.DEPARTMENT and organization.has_department(unit.name):
        rank = organization.departments.index(unit.name)
    else:
        rank = len(organization.departments)
    return kinds.index(unit.kind), rank, unit.name
