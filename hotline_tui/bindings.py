"""Key bindings whose footer text follows the clerk's language.

A binding's ``description`` holds a text key of ``hotline_tui.i18n``
(``"key.find"``); each screen's copy of its bindings gets the words of the
current language when it mounts and when the language changes. Binding ids
stay fixed, so an administrator's key map (``settings.keymap``) still finds
them.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from hotline_tui.i18n import TEXTS, Translator


def translate_bindings(node: DOMNode, t: Translator) -> None:
    bindings = node._bindings.key_to_bindings  # each node holds its own copy
    for key, items in bindings.items():
        bindings[key] = [_translated(b, t) for b in items]
    node.refresh_bindings()


def _translated(binding: Binding, t: Translator) -> Binding:
    key = binding.id and (_SHORT_KEYS.get(binding.id) or _TEXT_KEYS.get(binding.id))
    if not key:
        return binding
    return replace(binding, description=t(key))


_TEXT_KEYS: dict[str, str] = {}
_SHORT_KEYS: dict[str, str] = {}  # the footer's shorter words, where the full ones are long


def has_words(binding: Binding) -> bool:
    """Whether the binding is one of ours, with its words in the table (not a widget's own key)."""
    return (binding.id or "") in _TEXT_KEYS


def describe(binding: Binding, t: Translator) -> str:
    """A binding's full text in the current language (for the help screen and the palette;
    the footer shows the short one)."""
    key = _TEXT_KEYS.get(binding.id or "")
    return t(key) if key else binding.description


def text_binding(
    key: str,
    action: str,
    text_key: str,
    binding_id: str,
    *,
    show: bool = True,
    key_display: str | None = None,
    short: str | None = None,
) -> Binding:
    """A binding whose footer text is ``text_key`` (or ``short``) in the current language."""
    assert text_key in TEXTS, text_key
    assert short is None or short in TEXTS, short
    _TEXT_KEYS[binding_id] = text_key
    if short is not None:
        _SHORT_KEYS[binding_id] = short
    return Binding(
        key,
        action,
        TEXTS[text_key][0],
        show=show,
        key_display=key_display,
        id=binding_id,
        tooltip=" / ".join(TEXTS[text_key]),
    )
