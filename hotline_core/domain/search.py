"""Finding an order the way a clerk asks for it: by number, name, phone or words of the appeal.

A repeat caller is found by what they say on the phone: their number or their name.
Both may have been corrected since the order came in (a ``record`` event), so the keys
are taken from the received record and from the record as it is now. The same rule
decides for open, closed and archived orders; the archive index keeps each archived
order's :func:`search_keys`, so finding one does not open every archive.
"""

from __future__ import annotations

from hotline_core.domain.order import WorkOrder


def search_keys(order: WorkOrder) -> tuple[str, ...]:
    """The names and phones of ``order``, as received and as corrected, each once."""
    citizens = order.citizens
    values = (value for c in citizens for value in (c.phone, c.name))
    return tuple(dict.fromkeys(v for v in values if v))


def needle_of(text: str) -> str:
    """What is looked for: the typed text without the spaces around it."""
    return text.strip()


def key_matches(order_id: str, keys: tuple[str, ...] | list[str], needle: str) -> bool:
    """Whether the number or one of the names and phones holds ``needle`` (part of a number
    finds it too: the last digits a caller reads out)."""
    return bool(needle) and (needle in order_id or any(needle in key for key in keys))


def order_matches(order: WorkOrder, needle: str) -> bool:
    """Whether ``order`` (as the person sees it: masked values match only what they show)
    holds ``needle`` in its number, a name, a phone or the appeal's text."""
    if not needle:
        return False
    return key_matches(order.id, search_keys(order), needle) or needle in order.state.record.appeal.text
