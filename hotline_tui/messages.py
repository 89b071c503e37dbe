"""Messages the app posts to its screens."""

from __future__ import annotations

from textual.message import Message


class DataLoaded(Message):
    """Fresh orders, alerts and settings are in the app: redraw."""
