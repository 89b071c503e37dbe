"""Orders passed to government departments, counted apart from the federation's units (issue 18).

Source 四(四): the rights department follows up what was passed to government
departments' hotlines (跟踪调度转办到政府职能部门热线办理进展情况). A government
department is not assessed as one of the federation's units, whose scores are the
federation's own work: the annual assessment lists the departments in a table of
their own, per department:

- ``passed``: referrals made (an order passed to it, counted per referral);
- ``answered`` / ``waiting``: answered by the moment, or still awaited;
- ``chased``: referrals chased (督办) at least once, and ``chases`` in all;
- ``answer_on_time`` / ``answer_late``: of the chased referrals, answered within
  the answer limit from the latest chase (the policy's supervision answer limit,
  24 working hours by default), or answered after it / still unanswered past it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime

from attrs import frozen

from hotline_core.domain.calendar import WorkingCalendar
from hotline_core.domain.clocks import timeline
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Unit
from hotline_core.domain.policy import DEFAULT_SCHEDULE, PolicySchedule
from hotline_core.domain.reports.facts import as_of
from hotline_core.domain.state import Referral


@frozen
class GovernmentFigures:
    unit: Unit
    passed: int = 0
    answered: int = 0
    waiting: int = 0
    chased: int = 0
    chases: int = 0
    answer_on_time: int = 0
    answer_late: int = 0


_FIELDS = ("passed", "answered", "waiting", "chased", "chases", "answer_on_time", "answer_late")


def _keys(referral: Referral, due: datetime | None, moment: datetime) -> Counter[str]:
    keys: Counter[str] = Counter(passed=1)
    keys["answered" if referral.answered_at is not None else "waiting"] += 1
    if referral.chased_at is not None and due is not None:
        keys["chased"] += 1
        keys["chases"] += referral.chases
        answered = referral.answered_at
        if answered is not None and answered <= due:
            keys["answer_on_time"] += 1
        elif answered is not None or moment > due:
            keys["answer_late"] += 1
    return keys


def government_figures(
    orders: Iterable[WorkOrder],
    moment: datetime,
    calendar: WorkingCalendar | None = None,
    schedule: PolicySchedule = DEFAULT_SCHEDULE,
) -> tuple[GovernmentFigures, ...]:
    """Each government department's referrals among ``orders`` as of ``moment``, by name."""
    calendar = calendar or WorkingCalendar.default()
    counters: dict[Unit, Counter[str]] = {}
    for order in orders:
        then = as_of(order, moment)
        if not then.state.referrals:
            continue
        policy = schedule.policy_for(order.record.received_at, then.state.home)
        limit = policy.supervision_answer
        line = timeline(limit.clock, calendar, policy.office_hours)
        for referral in then.state.referrals:
            due = None if referral.chased_at is None else line.add(referral.chased_at, limit.length).due
            counters.setdefault(referral.unit, Counter()).update(_keys(referral, due, moment))
    return tuple(
        GovernmentFigures(unit, **{name: counters[unit][name] for name in _FIELDS})
        for unit in sorted(counters, key=lambda u: u.name)
    )
