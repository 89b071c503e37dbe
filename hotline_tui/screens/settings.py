"""The deadline policies per unit (issue 18): read for everyone, a new version for administrators.

``[`` and ``]`` go through the prefecture and the eight counties; the screen shows the
rules in force now for the unit, whether they are its own, every version set for it
(effective, document, who and when), and the government departments orders are passed
to. ``s`` opens a form for a new version (document number, effective time, the changes
as ``close=48h`` words); the core refuses a county rule looser than the prefecture's,
naming it, and the form shows why.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from hotline_core import services
from hotline_core.domain.calendar import SHANGHAI
from hotline_core.domain.policy_change import describe, named_limits
from hotline_core.domain.vocabulary import Place, Role
from hotline_tui.bindings import text_binding, translate_bindings
from hotline_tui.dialogs.form import Field, FormDialog
from hotline_tui.footer import Footer
from hotline_tui.messages import DataLoaded
from hotline_tui.node import HotlineNode
from hotline_tui.plain import Plain

UNITS: tuple[Place, ...] = tuple(Place)


class SettingsScreen(HotlineNode, Screen[None]):
    BINDINGS = [
        text_binding("escape", "back", "key.back", "settings.back"),
        text_binding("right_square_bracket", "unit(1)", "report.next", "settings.next", key_display="]"),
        text_binding(
            "left_square_bracket", "unit(-1)", "report.previous", "settings.previous", key_display="["
        ),
        text_binding("s", "set", "settings.save", "settings.set"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.unit_index = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="settings"):
            yield Plain(id="settings-body")
        yield Footer()

    def on_mount(self) -> None:
        translate_bindings(self, self.app.t)
        self.retranslate()

    def retranslate(self) -> None:
        self.title = self.app.t("settings.title")
        self._show()

    @property
    def unit(self) -> Place:
        return UNITS[self.unit_index % len(UNITS)]

    @on(DataLoaded)
    def _reloaded(self) -> None:
        self._show()

    def _show(self) -> None:
        """From the settings the app has loaded (a worker reads them): no storage work here."""
        t, app, unit = self.app.t, self.app, self.unit
        schedule, now = app.settings.policies, app.clock()
        policy = schedule.policy_for(now, unit)
        own = unit is Place.PREFECTURE or schedule.version_at(now, unit) != schedule.version_at(now)
        whose = t("cli.policy.own" if own else "cli.policy.inherited")
        lines = [f"{t('settings.unit')}: {unit.value}  {policy.name}{whose}", ""]
        lines += [f"  {name:<22}{describe(limit)}" for name, limit in named_limits(policy).items()]
        hours = ",".join(f"{a:%H:%M}-{b:%H:%M}" for a, b in policy.office_hours.intervals)
        share, day = f"{policy.due_soon_fraction:g}", policy.summary_due_day
        lines.append(t("cli.policy.other", hours=hours, share=share, day=day))
        lines.append("")
        for version in schedule.own_versions(unit):
            lines.append(
                t(
                    "cli.policy.version",
                    effective=f"{version.effective.astimezone(SHANGHAI):%Y-%m-%d %H:%M}",
                    name=version.policy.name,
                    document=version.document,
                    login=version.set_by,
                    at=f"{version.set_at.astimezone(SHANGHAI):%Y-%m-%d %H:%M}",
                )
            )
        lines.append(t("settings.government", names="、".join(app.settings.government)))
        if not app.person.has(Role.ADMIN):
            lines.append(t("settings.read_only"))
        self.query_one("#settings-body", Static).update("\n".join(lines))

    def action_unit(self, step: int) -> None:
        self.unit_index += step
        self._show()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.app.person.has(Role.ADMIN) if action == "set" else True

    def action_set(self) -> None:
        t, app, unit = self.app.t, self.app, self.unit

        def submit(values: dict[str, str]) -> str:
            changes = dict(word.partition("=")[::2] for word in values.get("changes", "").split())
            version = services.set_policy(
                app.repo,
                app.person.login,
                unit.value,
                values.get("effective", ""),
                values.get("document", ""),
                changes,
                app.clock(),
            )
            return t("settings.saved", name=version.policy.name)

        fields = [
            Field("document", t.field("document")),
            Field("effective", t.field("effective"), placeholder="2026-12-01 00:00"),
            Field("changes", t("settings.changes"), placeholder="close=48h"),
        ]
        self.app.push_screen(FormDialog(f"{t('settings.title')}: {unit.value}", fields, submit), self._saved)

    def _saved(self, done: bool | None) -> None:
        if done:
            self.app.reload()  # the new version shows when the settings are read again

    def action_back(self) -> None:
        self.app.pop_screen()
