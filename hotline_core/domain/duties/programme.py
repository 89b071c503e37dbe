"""The 百姓热线 programme (source 一(五): 及时组织参加百姓热线节目).

The federation's leaders answer callers live on the 百姓热线 broadcast. An
:class:`Episode` records the broadcast (its date, the guests on air, the topics); each
question taken on air becomes a work order like any other, handled through the lifecycle
and counted in the reports, with two marks: its channel is the source's
"网站（百姓热线）" (``Channel.WEB``, whose label and aliases already name the programme),
and its receipt event carries ``{"episode": ID}``, while the episode lists the order. The
:class:`EpisodeSummary` says what became of the episode's questions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from attrs import evolve, frozen

from hotline_core.domain.calendar import SHANGHAI
from hotline_core.domain.duties.reading import LONG, Details, listed
from hotline_core.domain.events import Event
from hotline_core.domain.intake import parse_order
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Person
from hotline_core.domain.problems import InvalidInput, Problem
from hotline_core.domain.vocabulary import Action, Channel, Outcome, Status

EPISODE_KEY = "episode"  # the receipt event's data naming the episode


@frozen
class Question:
    """A question taken on air, as the order it became."""

    order_id: str
    asked_at: datetime
    actor: str


@frozen
class Episode:
    id: str
    aired_on: date
    guests: tuple[str, ...]
    topics: tuple[str, ...]
    actor: str
    recorded_at: datetime
    note: str = ""
    questions: tuple[Question, ...] = ()


EPISODE_FIELDS = ("date", "guests", "topics", "note")


def episode_id(day: date) -> str:
    """``BX20261127``: one broadcast a day, named by its date (BX: 百姓)."""
    return f"BX{day:%Y%m%d}"


def new_episode(details: Mapping[str, str], actor: Person, now: datetime) -> Episode:
    read = Details(details, EPISODE_FIELDS)
    day = read.day("date", required=True)
    guests = listed(read.text("guests", LONG, required=True))
    topics = listed(read.text("topics", LONG))
    note = read.text("note", LONG)
    if day is not None and day > now.astimezone(SHANGHAI).date():
        read.problems.append(
            Problem("date", "in_the_future", {"now": f"{now.astimezone(SHANGHAI):%Y-%m-%d}"})
        )
    read.check()
    assert day is not None  # a missing date was refused above
    return Episode(episode_id(day), day, guests, topics, actor.login, now, note)


def question_order(
    episode: Episode, form: Mapping[str, Any], actor: Person, now: datetime
) -> tuple[Episode, WorkOrder]:
    """The order a question on air becomes, and the episode listing it.

    ``form`` is the order form (SPEC 2.4) without the channel, which is the programme's;
    the order number defaults to the episode's with the question's number
    (``BX20261127-01``) and the receipt time to ``now`` (a question entered after the
    broadcast gives ``received_at``, not before the broadcast's day)."""
    if "channel" in form and str(form["channel"]).strip() not in ("", Channel.WEB.value, Channel.WEB.label):
        raise InvalidInput([Problem("channel", "programme_channel", {"channel": Channel.WEB.label})])
    number = len(episode.questions) + 1
    filled = {
        "id": f"{episode.id}-{number:02d}",
        "received_at": now.isoformat(),
        **{k: v for k, v in form.items() if v not in (None, "")},
        "channel": Channel.WEB.value,
    }
    record = parse_order(filled, now=now)
    if record.received_at.astimezone(SHANGHAI).date() < episode.aired_on:
        raise InvalidInput([Problem("received_at", "before_episode", {"date": episode.aired_on.isoformat()})])
    receipt = Event(record.received_at, actor.login, Action.RECEIVE, data={EPISODE_KEY: episode.id})
    question = Question(record.order_id, record.received_at, actor.login)
    return evolve(episode, questions=(*episode.questions, question)), WorkOrder(record, (receipt,))


def episode_of(order: WorkOrder) -> str:
    """The episode an order came from (empty for the center's orders)."""
    return order.events[0].data.get(EPISODE_KEY, "") if order.events else ""


@frozen
class QuestionState:
    """One question and what became of its order, as the reader may see it."""

    order_id: str
    appeal: str
    status: Status | None  # None: the order is not in the working file nor an archive (never)
    outcome: Outcome | None


@frozen
class EpisodeSummary:
    episode: Episode
    questions: tuple[QuestionState, ...]
    by_status: tuple[tuple[Status, int], ...]
    by_outcome: tuple[tuple[Outcome, int], ...]

    @property
    def finished(self) -> int:
        return sum(1 for q in self.questions if q.status in (Status.CLOSED, Status.ARCHIVED))


def summarise(episode: Episode, orders: Mapping[str, WorkOrder]) -> EpisodeSummary:
    """The episode's questions with their orders' states and outcomes, and the counts of each."""
    states = []
    for question in episode.questions:
        order = orders.get(question.order_id)
        states.append(
            QuestionState(
                question.order_id,
                order.state.record.appeal.text if order else "",
                order.state.status if order else None,
                order.state.outcome if order else None,
            )
        )
    statuses = Counter(q.status for q in states if q.status is not None)
    outcomes = Counter(q.outcome for q in states if q.outcome is not None)
    return EpisodeSummary(
        episode,
        tuple(states),
        tuple((s, statuses[s]) for s in Status if statuses[s]),
        tuple((o, outcomes[o]) for o in Outcome if outcomes[o]),
    )
