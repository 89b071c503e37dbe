"""Every step of an order's life is an immutable event (SPEC 4.1).

An order's state is what its events say (``hotline_core.domain.lifecycle`` folds
them); nothing is ever deleted, and a correction is one more event. The
action names are the SPEC section 11 names, which the command line and the
scenarios use too.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from attrs import field, frozen

from hotline_core.domain.model import Attachment
from hotline_core.domain.vocabulary import Action


def _action(value: Action | str) -> Action:
    """An action as it is, a code looked up.

    Events read back from storage already hold an ``Action`` (cattrs made it);
    calling ``Action`` on it a second time was 4% of loading the orders.
    """
    return value if value.__class__ is Action else Action(value)


def _data(value: Mapping[str, object] | None) -> dict[str, str]:
    if not value:  # sign, contact, close... carry no data: no comprehension for an empty copy
        return {}
    return {str(k): str(v) for k, v in value.items()}


@frozen
class Command:
    """What a person asks to do to an order; the rules turn it into an Event or refuse it."""

    action: Action = field(converter=_action)
    data: dict[str, str] = field(factory=dict, converter=_data)
    note: str = ""
    attachments: tuple[Attachment, ...] = ()


@frozen
class Event:
    """A step that happened: when, who, what, with which details and files.

    ``data`` holds the action's parameters as text (``{"to": "延吉市"}``),
    already checked by the rules; ``actor`` is the login that acted. ``at`` is
    when the step happened, which the limits use; ``entered_at`` is when it was
    typed in, kept only for a step entered after the fact (a phone call at 10:05
    recorded at 10:40).
    """

    at: datetime
    actor: str
    action: Action = field(converter=_action)
    note: str = ""
    data: dict[str, str] = field(factory=dict, converter=_data)
    attachments: tuple[Attachment, ...] = ()
    entered_at: datetime | None = None
