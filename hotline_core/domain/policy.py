"""The deadline policy as data: every limit's length and clock (SPEC section 5).

The default, ``yanbian-2019``, restates source section 三(一)1 and the SPEC's
table. An administrator may change any number; a change applies to orders
received after it, so each order is judged by the policy in force when it
arrived (:class:`PolicySchedule`).

| limit              | from          | length  | clock        | source            |
|--------------------|---------------|---------|--------------|-------------------|
| sign               | dispatch      | 1 h     | office_hours | 三(一)1 1小时之内签收 |
| return (or decline)| dispatch      | 1 h     | office_hours | 三(一)3 收件后1小时内 |
| contact            | dispatch      | 24 h    | working_day  | 三(一)1 24小时内联系 |
| close, consultation| dispatch/redo | 24 h    | working_day  | 三(一)1 办结咨询类   |
| close, other types | dispatch/redo | 72 h    | working_day  | 三(一)1 72小时内办结 |
| emergency reply    | flagged       | 1 h     | natural      | 三(一)5 第一时间     |
| unsatisfied report | rating        | 24 h    | working_day  | 三(二)2 及时报告     |
| supervision answer | supervision   | 24 h    | working_day  | 四(四) 督促检查      |
| petition accept    | routing       | 15 days | natural      | 信访工作条例         |
| petition handle    | routing       | 60 days | natural      | 信访工作条例         |
| extension notice   | approval      | 24 h    | working_day  | 三(一)4 告知当事人   |
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import datetime, timedelta

from attrs import field, frozen

from hotline_core.domain.clocks import Clock, OfficeHours
from hotline_core.domain.vocabulary import AppealType, Place


@frozen
class Limit:
    """One rule of the policy: how long, on which clock."""

    length: timedelta
    clock: Clock = field(converter=Clock)


def _hours(n: float, clock: Clock) -> Limit:
    return Limit(timedelta(hours=n), clock)


@frozen
class Policy:
    """All limits of one policy version, and when a limit counts as due soon."""

    name: str
    sign: Limit
    return_request: Limit
    contact: Limit
    close: dict[AppealType, Limit]
    emergency_reply: Limit
    unsatisfied_report: Limit
    supervision_answer: Limit
    petition_accept: Limit
    petition_handle: Limit
    office_hours: OfficeHours = field(factory=OfficeHours)
    due_soon_fraction: float = 0.25
    summary_due_day: int = 3
    # Telling the citizen of an approved extension: its reason, time and new due time
    # (source 三(一)4). One working day by default.
    extension_notice: Limit = field(factory=lambda: _hours(24, Clock.WORKING_DAY))
    # "Could not reach the citizen" may be said in a feedback after this many failed
    # attempts falling on at least this many different working days.
    unreachable_attempts: int = 3
    unreachable_days: int = 2

    def close_for(self, appeal_type: AppealType) -> Limit:
        return self.close[appeal_type]


_CLOSE_OTHER = _hours(72, Clock.WORKING_DAY)

YANBIAN_2019 = Policy(
    name="yanbian-2019",
    sign=_hours(1, Clock.OFFICE_HOURS),
    return_request=_hours(1, Clock.OFFICE_HOURS),
    contact=_hours(24, Clock.WORKING_DAY),
    close={
        AppealType.CONSULTATION: _hours(24, Clock.WORKING_DAY),
        AppealType.HELP: _CLOSE_OTHER,
        AppealType.COMPLAINT: _CLOSE_OTHER,
        AppealType.REPORT: _CLOSE_OTHER,
        AppealType.SUGGESTION: _CLOSE_OTHER,
    },
    emergency_reply=_hours(1, Clock.NATURAL),
    unsatisfied_report=_hours(24, Clock.WORKING_DAY),
    supervision_answer=_hours(24, Clock.WORKING_DAY),
    petition_accept=Limit(timedelta(days=15), Clock.NATURAL),
    petition_handle=Limit(timedelta(days=60), Clock.NATURAL),
)

POLICIES: dict[str, Policy] = {YANBIAN_2019.name: YANBIAN_2019}


@frozen
class PolicyVersion:
    """One version an administrator set, for the prefecture or one county (issue 18).

    It carries its own audit: the document that decided it (a county's
    implementing rules, 实施细则, under its document number), when it takes
    effect (orders received from then on follow it), who entered it and when.
    """

    unit: Place
    effective: datetime
    policy: Policy
    document: str
    set_by: str
    set_at: datetime


@frozen
class PolicySchedule:
    """Policy versions by the moment they took effect; an order gets the one in force at receipt.

    ``changes`` are the prefecture's versions kept before versions carried their
    document (still read); ``versions`` are those set since, for the prefecture or a
    county. A county without a version of its own follows the prefecture's.
    """

    first: Policy = YANBIAN_2019
    changes: tuple[tuple[datetime, Policy], ...] = ()
    versions: tuple[PolicyVersion, ...] = ()

    def policy_for(self, received_at: datetime, unit: Place = Place.PREFECTURE) -> Policy:
        return self.policies[self.version_at(received_at, unit)]

    def version_at(self, received_at: datetime, unit: Place = Place.PREFECTURE) -> int:
        """The index in :attr:`policies` of the version in force at ``received_at`` for ``unit``
        (the county's own if it has one in force, else the prefecture's)."""
        if unit is not Place.PREFECTURE:
            own = self._latest(received_at, unit)
            if own is not None:
                return own
        prefecture = self._latest(received_at, Place.PREFECTURE)
        if prefecture is not None:
            return prefecture
        return bisect_right([moment for moment, _ in self.changes], received_at)

    def _latest(self, received_at: datetime, unit: Place) -> int | None:
        """The latest version of ``unit`` in force at ``received_at`` that is later than the
        legacy prefecture changes in force then (for the prefecture), or None."""
        base = 1 + len(self.changes)
        legacy = [moment for moment, _ in self.changes if moment <= received_at]
        found: tuple[datetime, int] | None = None
        for index, version in enumerate(self.versions):
            in_force = version.unit is unit and version.effective <= received_at
            if in_force and (found is None or version.effective >= found[0]):
                found = (version.effective, base + index)
        if found is None or (unit is Place.PREFECTURE and legacy and max(legacy) > found[0]):
            return None
        return found[1]

    def starts(self, unit: Place) -> tuple[list[datetime], list[int]]:
        """When the version in force for ``unit`` may change, in order, and the index in
        :attr:`policies` in force from each (the first policy before them all): for many
        orders, one :func:`bisect_right` each instead of a walk through the versions."""
        moments = sorted(
            {moment for moment, _ in self.changes}
            | {v.effective for v in self.versions if v.unit in (unit, Place.PREFECTURE)}
        )
        return moments, [self.version_at(moment, unit) for moment in moments]

    def own_versions(self, unit: Place) -> tuple[PolicyVersion, ...]:
        """The versions set for ``unit``, oldest first: its audit trail."""
        return tuple(v for v in self.versions if v.unit is unit)

    def with_version(self, version: PolicyVersion) -> PolicySchedule:
        return PolicySchedule(self.first, self.changes, (*self.versions, version))

    @property
    def policies(self) -> tuple[Policy, ...]:
        """Every version, the first one first."""
        return (self.first, *(policy for _, policy in self.changes), *(v.policy for v in self.versions))


DEFAULT_SCHEDULE = PolicySchedule()
