"""Printing from the order screen: ``p`` the order sheet (办理单), ``n`` the extension notice.

A small form asks where to write the PDF (a file the clerk opens and prints, or sends
to the office printer); the use case writes it in a worker thread, masked for a viewer
and written in the access log as every view is. The order screen lists
:data:`PAPER_KEYS` after its own keys and takes the action from :class:`PaperActions`.
"""

from __future__ import annotations

from pathlib import Path

from hotline_core import services
from hotline_core.domain.problems import InvalidInput, Problem
from hotline_tui.bindings import text_binding
from hotline_tui.cli import context
from hotline_tui.node import HotlineNode

_FILE_NAMES = {"sheet": "{id}-sheet.pdf", "extension_notice": "{id}-extension-notice.pdf"}


PAPER_KEYS = [
    text_binding("p", "print_paper('sheet')", "paper.sheet", "order.print_sheet"),
    text_binding("n", "print_paper('extension_notice')", "paper.notice", "order.print_notice"),
]


class PaperActions(HotlineNode):
    """The printing action of a screen that shows one order (its ``order_id``)."""

    order_id: str

    def action_print_paper(self, paper: str) -> None:
        from hotline_tui.dialogs.form import Field, FormDialog

        t, app, order_id = self.app.t, self.app, self.order_id
        default = context.home_of(app.repo.folder) / "hotline-prints" / _FILE_NAMES[paper].format(id=order_id)

        def write(values: dict[str, str]) -> str:
            target = services.outside_database(
                app.repo, context.expand(app.repo.folder, Path(values["path"]))
            )
            if target.suffix.lower() != ".pdf":
                raise InvalidInput([Problem("path", "not_in_list", {"choices": ".pdf"})])
            files = context.named_files(app.repo.folder)
            written = services.print_order(
                app.repo, app.person.login, order_id, paper, target, app.clock(), files
            )
            return t("paper.written", path=written)

        title = t("paper.sheet") if paper == "sheet" else t("paper.notice")
        app.push_screen(FormDialog(title, [Field("path", t("paper.path"), value=str(default))], write))
