"""Use cases of the 百姓热线 programme (source 一(五)): episodes, the questions taken on air as
orders, and each episode's summary. Same conventions as :mod:`hotline_core.services.duties`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from hotline_core.domain.accesslog import AccessKind
from hotline_core.domain.duties.programme import (
    Episode,
    EpisodeSummary,
    new_episode,
    question_order,
    summarise,
)
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.permissions import Sight, duty_sight, may_run_programme
from hotline_core.domain.privacy import masked_order
from hotline_core.domain.problems import InvalidInput, Problem, refuse
from hotline_core.services.access import identify, logged_views
from hotline_core.services.orders import any_order, raise_alerts, view_of
from hotline_core.services.ports import Repository, Session


def add_episode(repo: Repository, actor: str, details: Mapping[str, str], now: datetime) -> Episode:
    with repo.transaction() as session:
        person = identify(session, actor)
        if not may_run_programme(person):
            raise refuse("not_permitted", action="episode add", login=actor)
        episode = new_episode(details, person, now)
        if session.episode(episode.id) is not None:
            raise InvalidInput([Problem("date", "episode_exists", {"id": episode.id})])
        session.put_episode(episode)
    return episode


def take_question(
    repo: Repository, actor: str, episode_id: str, form: Mapping[str, Any], now: datetime
) -> WorkOrder:
    """A question taken on air becomes an order (channel 百姓热线, linked to the episode); what it
    calls for at once (an emergency) is raised as for any new order."""
    archived = repo.archived_ids()
    with repo.transaction() as session:
        person = identify(session, actor)
        if not may_run_programme(person):
            raise refuse("not_permitted", action="episode question", login=actor)
        episode = _episode(session, episode_id)
        updated, order = question_order(episode, form, person, now)
        if order.id in archived or session.order(order.id) is not None:
            raise InvalidInput([Problem("id", "order_exists", {"id": order.id})])
        session.put_order(order)
        session.put_episode(updated)
        raise_alerts(session, [order], now)
    return order


def list_episodes(repo: Repository, actor: str) -> list[Episode]:
    """The episodes (dates, guests, topics: no citizen's data) for those who read the programme."""
    session = repo.snapshot()
    person = identify(session, actor)
    if duty_sight(person) is Sight.NONE:
        raise refuse("not_permitted", action="episode list", login=actor)
    return session.episodes()


def episode_summary(repo: Repository, actor: str, episode_id: str, now: datetime) -> EpisodeSummary:
    """The episode with its questions' orders, their states and outcomes, as ``actor`` may see
    them; the orders shown whole are logged."""
    session = repo.snapshot()
    person = identify(session, actor)
    if duty_sight(person) is Sight.NONE:
        raise refuse("not_permitted", action="episode show", login=actor)
    episode = _episode(session, episode_id)
    pairs: list[tuple[WorkOrder, WorkOrder]] = []
    for question in episode.questions:
        order = any_order(repo, session, question.order_id)
        view = None if order is None else view_of(person, order)
        if order is not None and view is not None:
            pairs.append((order, view))
    views = logged_views(repo, person, AccessKind.DUTY, f"episode {episode_id}", pairs, now, masked_order)
    return summarise(episode, {o.id: o for o in views})


def _episode(session: Session, episode_id: str) -> Episode:
    episode = session.episode(episode_id)
    if episode is None:
        raise InvalidInput([Problem("episode", "unknown_episode", {"id": episode_id})])
    return episode
