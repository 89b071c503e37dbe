"""How times, spans and limits read on a narrow terminal."""

from __future__ import annotations

from datetime import datetime

from hotline_core.domain.calendar import SHANGHAI, human_due
from hotline_core.domain.limits import LimitEvaluator, LimitState, LimitStatus
from hotline_core.domain.order import WorkOrder
from hotline_tui.i18n import Translator


def moment(value: datetime | None, with_year: bool = False) -> str:
    if value is None:
        return ""
    local = value.astimezone(SHANGHAI)
    return local.strftime("%Y-%m-%d %H:%M" if with_year else "%m-%d %H:%M")


def span(seconds: float, t: Translator) -> str:
    """The largest unit that says it: 2天, 5时, 40分."""
    seconds = abs(seconds)
    if seconds >= 86_400:
        return t("span.days", n=int(seconds // 86_400))
    if seconds >= 3_600:
        return t("span.hours", n=int(seconds // 3_600))
    return t("span.minutes", n=max(int(seconds // 60), 1))


def time_left(
    status: LimitStatus | None, now: datetime, t: Translator, short: bool = False
) -> tuple[str, str]:
    """``("办结 剩5时", "soon")``: the text, and a style class that only repeats what it says."""
    if status is None or status.due_epoch is None:
        return t("left.none"), ""
    left = status.due_epoch - now.timestamp()
    name = t(f"limit.short.{status.name}" if short else f"limit.{status.name}")
    if status.state is LimitState.BREACHED:
        return f"{name} {t('left.breached', span=span(left, t))}", "breached"
    if status.state is LimitState.DUE_SOON:
        return f"{name} {t('left.soon', span=span(left, t))}", "soon"
    return f"{name} {t('left.open', span=span(left, t))}", ""


def center_due_rows(
    order: WorkOrder, due: datetime | None, evaluator: LimitEvaluator, t: Translator
) -> list[str]:
    """The center's 承诺完成时间 beside our close limit, for the order screen, with a warning on
    whichever of the two comes first while the order is still to be closed."""
    if due is None:
        return []
    rows = [t("order.center_due", due=human_due(due))]
    close = evaluator.limits(order).get("close")
    if close is None or close.due is None or close.state in (LimitState.MET, LimitState.NOT_APPLICABLE):
        return rows
    if due < close.due:
        rows.append(t("order.center_due_earlier", due=human_due(due)))
    elif close.due < due:
        rows.append(t("order.close_earlier", due=human_due(close.due)))
    return rows
