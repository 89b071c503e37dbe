"""Use cases of paper: an order's sheet (办理单) and its extension notice printed as PDF.

Printing is a view like any other: the reader gets the order as they may see it (a
viewer's copy masked, ``privacy.masked_order``), and a whole copy is written in the access
log before the file is made; where the log cannot be written the paper comes out masked.
The limits are worked out on the order itself at the moment of printing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from hotline_core.domain.accesslog import AccessKind
from hotline_core.domain.limits import LimitEvaluator
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.paper import Paper
from hotline_core.domain.paper.notice import approved_extension, extension_notice
from hotline_core.domain.paper.sheet import order_sheet
from hotline_core.domain.privacy import masked_order
from hotline_core.domain.problems import InvalidInput, Problem
from hotline_core.domain.rounds import earlier_rounds
from hotline_core.domain.settings import Settings
from hotline_core.domain.vocabulary import Role
from hotline_core.services.access import identify, logged_views, require
from hotline_core.services.named import NamedFiles, named_files_of
from hotline_core.services.orders import order_in_sight
from hotline_core.services.ports import Repository
from hotline_core.services.users import change_settings

PAPERS = ("sheet", "extension_notice")


def print_order(
    repo: Repository,
    actor: str,
    order_id: str,
    paper: str,
    path: Path,
    now: datetime,
    files: NamedFiles | None = None,
) -> Path:
    """Write ``paper`` (``sheet`` or ``extension_notice``) of an open or archived order as a
    PDF at ``path``, where the acting person may write (``files``); the file written. Refused,
    writing nothing, for an order the actor may not see (as if it did not exist) or a notice
    without an approved extension."""
    session = repo.snapshot()
    person = identify(session, actor)
    order, view = order_in_sight(repo, session, person, order_id)
    settings = session.settings()
    build = _builder(order, paper, actor, settings, now)
    subject = f"{paper} {order_id}"
    shown = logged_views(repo, person, AccessKind.PRINT, subject, [(order, view)], now, masked_order)[0]
    from hotline_core.adapters.paper.pdf import write_pdf  # deferred: only printing needs fpdf2

    font = Path(settings.paper_font) if settings.paper_font else None
    return write_pdf(build(shown), Path(path), font, named_files_of(repo, files))


def _builder(
    order: WorkOrder, paper: str, actor: str, settings: Settings, now: datetime
) -> Callable[[WorkOrder], Paper]:
    """How to word the paper from the order as the reader sees it (checked before anything
    is logged or written)."""
    if paper == "sheet":
        limits = LimitEvaluator(now, settings.calendar, settings.policies).limits(order)
        rounds = earlier_rounds(order, settings.calendar, settings.policies)
        return lambda shown: order_sheet(shown, limits, rounds, actor, now, masked=shown is not order)
    if paper == "extension_notice":
        from hotline_core.domain.reports.facts import as_of  # the reports load when one is asked for

        extension = approved_extension(order)
        approved = max(m for m in (extension.leader_at, extension.center_at) if m is not None)
        before = approved - timedelta(microseconds=1)
        close = LimitEvaluator(before, settings.calendar, settings.policies).limits(as_of(order, before))[
            "close"
        ]
        return lambda shown: extension_notice(shown, close.due, now)
    raise InvalidInput([Problem("paper", "not_in_list", {"choices": "、".join(PAPERS)})])


def paper_font(repo: Repository) -> str:
    """The font file the papers embed: the administrator's, or "" for the bundled one."""
    return repo.snapshot().settings().paper_font


def set_paper_font(repo: Repository, actor: str, path: str | None, files: NamedFiles | None = None) -> str:
    """Point the papers at another font file (an administrator), or back to the bundled one
    (``None``). The file must be a font that draws Chinese, Hangul, digits and Latin, and one
    the administrator may read (``files``)."""
    from hotline_core.adapters.paper.fonts import FontProblem, check_font

    require(identify(repo.snapshot(), actor), Role.ADMIN, "print-font")
    chosen = ""
    if path:
        try:
            chosen = str(check_font(Path(path).expanduser().resolve(), named_files_of(repo, files)))
        except FontProblem as problem:
            raise InvalidInput([Problem("font", problem.code, problem.params)]) from None
    change_settings(repo, actor, paper_font=chosen)
    return chosen
