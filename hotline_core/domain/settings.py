"""What an administrator configures, kept with the database.

The language of the interface, the federation's departments, the working
calendar's overrides, the deadline policy's versions and the key map: each
is data the rules take as a parameter, so changing one is a settings edit,
not a code change.
"""

from __future__ import annotations

from datetime import datetime

from attrs import field, frozen

from hotline_core.domain.calendar import WorkingCalendar
from hotline_core.domain.messages import DEFAULT_LANGUAGE
from hotline_core.domain.organization import DEFAULT_GOVERNMENT, Organization
from hotline_core.domain.policy import DEFAULT_SCHEDULE, PolicySchedule
from hotline_core.domain.vocabulary import DEFAULT_DEPARTMENTS


@frozen
class Settings:
    language: str = DEFAULT_LANGUAGE
    departments: tuple[str, ...] = DEFAULT_DEPARTMENTS
    government: tuple[str, ...] = DEFAULT_GOVERNMENT  # government departments orders are passed to
    calendar: WorkingCalendar = field(factory=WorkingCalendar)
    policies: PolicySchedule = DEFAULT_SCHEDULE
    keymap: dict[str, str] = field(factory=dict)
    demo: bool = False
    attachment_limit_mb: int = 20  # the largest file a clerk may attach
    # When the database was set up: nothing was owed to it before (no summary of an
    # earlier quarter is chased). None in a database set up before this was kept.
    started_at: datetime | None = None
    # The font file printed papers embed; empty: the one bundled with the program (docs/paper.md).
    paper_font: str = ""
    outbox_alert_minutes: int = 60  # a message for the 12345 platform ready longer than this alerts

    @property
    def organization(self) -> Organization:
        return Organization(self.departments, self.government)
