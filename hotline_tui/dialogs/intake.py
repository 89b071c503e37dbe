"""Manual intake of an order the center pushed (SPEC 2.4 fields)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hotline_core import services
from hotline_core.domain.problems import InvalidInput, Problem
from hotline_tui.dialogs.fields import record_fields
from hotline_tui.dialogs.form import FormDialog

if TYPE_CHECKING:
    from hotline_tui.app import HotlineApp  # only for the checker: the app module imports the screens


def intake_dialog(app: HotlineApp) -> FormDialog:
    t = app.t

    def submit(values: dict[str, str]) -> str:
        form = {k: v for k, v in values.items() if v.strip()}
        report = services.intake(app.repo, app.person.login, [form], app.clock())
        if report.rejected:
            raise InvalidInput(report.rejected[0][2])
        if report.present:
            raise InvalidInput([Problem("id", "duplicate_order")])
        return t("intake.added", id=report.added[0])

    return FormDialog(t("intake.title"), record_fields(t, None, app.clock()), submit)
