"""The center's messages back in: what each one is as a lifecycle step.

A table with a 消息类型 column holds the center's messages: its decision on a
return or an extension request, a callback (回访: reached or not, the rating, the
citizen's words), a redo (重办), its 结案, or a receipt (已接收) for one of our
messages. :func:`read_messages` reads them (or says why a row is bad) and
:func:`command_for` turns one into the :class:`Command` the lifecycle rules then
accept or refuse, at the time the platform gives. A message is known by its
order, kind and time, so pulling it twice applies it once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import StrEnum

from attrs import frozen

from hotline_core.domain.events import Command
from hotline_core.domain.exchange.mapping import REQUIRED_MESSAGE_FIELDS, Mapping
from hotline_core.domain.exchange.outbox import MessageKind
from hotline_core.domain.exchange.rows import RowProblem, Table, read_center_time
from hotline_core.domain.intake import BadValue, read_choice
from hotline_core.domain.problems import Problem
from hotline_core.domain.vocabulary import Action, Rating


class CenterKind(StrEnum):
    APPROVE_RETURN = "approve_return"
    REFUSE_RETURN = "refuse_return"
    APPROVE_EXTENSION = "approve_extension"
    REFUSE_EXTENSION = "refuse_extension"
    CALLBACK = "callback"
    REDO = "redo"
    CLOSE = "close"
    RECEIPT = "receipt"


KIND_WORDS: dict[str, CenterKind] = {
    "退件同意": CenterKind.APPROVE_RETURN,
    "同意退件": CenterKind.APPROVE_RETURN,
    "退件不同意": CenterKind.REFUSE_RETURN,
    "不同意退件": CenterKind.REFUSE_RETURN,
    "退件驳回": CenterKind.REFUSE_RETURN,
    "延期同意": CenterKind.APPROVE_EXTENSION,
    "同意延期": CenterKind.APPROVE_EXTENSION,
    "延期不同意": CenterKind.REFUSE_EXTENSION,
    "不同意延期": CenterKind.REFUSE_EXTENSION,
    "延期驳回": CenterKind.REFUSE_EXTENSION,
    "回访": CenterKind.CALLBACK,
    "回访结果": CenterKind.CALLBACK,
    "评价": CenterKind.CALLBACK,
    "重办": CenterKind.REDO,
    "结案": CenterKind.CLOSE,
    "已接收": CenterKind.RECEIPT,
    "回执": CenterKind.RECEIPT,
} | {kind.value: kind for kind in CenterKind}

REACHED_WORDS = frozenset({"已联系", "联系上", "已回访", "接通", "reached", "是"})
UNREACHED_WORDS = frozenset({"未联系上", "未接通", "无法联系", "unreached", "否"})

# What the platform must already hold when it answers so: the answer acknowledges it.
ANSWERS: dict[CenterKind, frozenset[MessageKind]] = {
    CenterKind.APPROVE_RETURN: frozenset({MessageKind.RETURN_REQUEST}),
    CenterKind.REFUSE_RETURN: frozenset({MessageKind.RETURN_REQUEST}),
    CenterKind.APPROVE_EXTENSION: frozenset({MessageKind.EXTENSION_REQUEST}),
    CenterKind.REFUSE_EXTENSION: frozenset({MessageKind.EXTENSION_REQUEST}),
    CenterKind.CALLBACK: frozenset({MessageKind.SIGNATURE, MessageKind.FEEDBACK}),
    CenterKind.REDO: frozenset({MessageKind.FEEDBACK, MessageKind.UNSATISFIED_REPORT}),
    CenterKind.CLOSE: frozenset({MessageKind.SIGNATURE, MessageKind.FEEDBACK}),
    CenterKind.RECEIPT: frozenset(),
}


@frozen
class CenterMessage:
    """One message of the center about one order, at the platform's time."""

    order_id: str
    kind: CenterKind
    at: datetime
    text: str = ""
    reached: bool | None = None  # a callback: was the citizen reached
    rating: Rating | None = None
    words: str = ""  # the citizen's words at the callback
    receipt: str = ""  # a receipt: the id of our message it acknowledges
    source: str = ""
    row: int = 0

    @property
    def key(self) -> str:
        return f"{self.order_id}|{self.kind.value}|{self.at.isoformat()}"


def command_for(message: CenterMessage) -> Command | None:
    """The lifecycle step a message is, or None when it changes no order (a receipt, a callback
    that did not reach the citizen and gives no rating)."""
    note = f"12345平台：{message.text}".rstrip("：") if message.text else "12345平台"
    simple = {
        CenterKind.APPROVE_RETURN: Command(Action.APPROVE_RETURN, {}, note),
        CenterKind.REFUSE_RETURN: Command(Action.REFUSE_RETURN, {}, note),
        CenterKind.APPROVE_EXTENSION: Command(Action.APPROVE_EXTENSION, {"by": "center"}, note),
        CenterKind.REFUSE_EXTENSION: Command(Action.REFUSE_EXTENSION, {}, note),
        CenterKind.REDO: Command(Action.REDO, {}, note),
        CenterKind.CLOSE: Command(Action.CLOSE, {}, note),
    }
    if message.kind in simple:
        return simple[message.kind]
    if message.kind is CenterKind.CALLBACK and message.rating is not None:
        reached = "" if message.reached is None else ("回访：已联系" if message.reached else "回访：未联系上")
        parts = [p for p in (note, reached, f"群众意见：{message.words}" if message.words else "") if p]
        return Command(Action.RATE, {"level": message.rating.value}, "；".join(parts))
    return None


def _read_kind(text: str) -> CenterKind:
    kind = KIND_WORDS.get(text.strip())
    if kind is None:
        raise BadValue("not_in_list", choices="、".join(w for w in KIND_WORDS if not w.isascii()))
    return kind


def _read_reached(text: str) -> bool | None:
    if not text:
        return None
    if text in REACHED_WORDS:
        return True
    if text in UNREACHED_WORDS:
        return False
    raise BadValue("not_in_list", choices="已联系、未联系上")


def _read_rating(text: str) -> Rating:
    return Rating(read_choice(Rating, text).value)


def _message(values: dict[str, str], source: str, row: int) -> CenterMessage:
    rating = values.get("rating", "")
    return CenterMessage(
        order_id=values["id"],
        kind=_read_kind(values["kind"]),
        at=read_center_time(values["at"]),
        text=values.get("text", ""),
        reached=_read_reached(values.get("callback", "")),
        rating=_read_rating(rating) if rating else None,
        words=values.get("words", ""),
        receipt=values.get("receipt", ""),
        source=source,
        row=row,
    )


_READ_ORDER = ("kind", "at", "callback", "rating", "text", "words", "receipt")  # the first failing is blamed
TEXT_LIMIT = 4000  # as an appeal or a reply: a message's text becomes an event's note
RECEIPT_LIMIT = 64  # our message ids are an order id, ``#`` and a number


def _limited(limit: int) -> Callable[[str], str]:
    """A reader refusing a text longer than ``limit``: an export's cell can be megabytes, and
    each would be stored in the order's history for good."""

    def read(text: str) -> str:
        if len(text) > limit:
            raise BadValue("too_long", limit=limit, length=len(text))
        return text

    return read


def _labelled(name: str) -> str:
    """The field a problem names: a message's ``kind`` is its 消息类型, the plain ``kind``
    (类别) being a service's or a study's."""
    return "message_kind" if name == "kind" else name


def _blame(values: dict[str, str]) -> tuple[str, BadValue] | None:
    """The first field whose value cannot be read, with why."""
    readers: dict[str, Callable[[str], object]] = {
        "kind": _read_kind,
        "at": read_center_time,
        "callback": _read_reached,
        "rating": _read_rating,
        "text": _limited(TEXT_LIMIT),
        "words": _limited(TEXT_LIMIT),
        "receipt": _limited(RECEIPT_LIMIT),
    }
    for name in _READ_ORDER:
        if values.get(name):
            try:
                readers[name](values[name])
            except BadValue as bad:
                return name, bad
    return None


def read_messages(
    table: Table, mapping: Mapping, now: datetime
) -> tuple[list[CenterMessage], list[RowProblem]]:
    """The center's messages in ``table`` and the problems of the rows that are not."""
    index: dict[str, int] = {}
    heading: dict[str, str] = {}
    for position, head in enumerate(table.headings):
        name = mapping.message_field(head)
        if name is not None and name not in index:
            index[name], heading[name] = position, head.strip()
    missing = [n for n in REQUIRED_MESSAGE_FIELDS if n not in index]
    if missing:
        return [], [RowProblem(table.source, 1, n, Problem(_labelled(n), "missing_column")) for n in missing]
    messages: list[CenterMessage] = []
    problems: list[RowProblem] = []
    for number, cells in table.rows:
        values = {n: cells[i].strip() for n, i in index.items() if i < len(cells) and cells[i].strip()}
        if not values:
            continue
        absent = [n for n in REQUIRED_MESSAGE_FIELDS if n not in values]
        bad = _blame(values)
        if absent:
            problems += [
                RowProblem(table.source, number, heading[n], Problem(_labelled(n), "required"))
                for n in absent
            ]
        elif bad is not None:
            name, error = bad
            problems.append(
                RowProblem(
                    table.source, number, heading[name], Problem(_labelled(name), error.code, error.params)
                )
            )
        else:
            message = _message(values, table.source, number)
            if message.at > now:
                problems.append(
                    RowProblem(table.source, number, heading["at"], Problem("at", "at_in_future"))
                )
            else:
                messages.append(message)
    return messages, problems
