"""Text someone typed, made safe to show: every control character visible, nothing executed.

Orders, notes and names come from citizens, the center's pushes and clerks. A terminal
acts on an escape sequence (``\\x1b[2J`` clears the screen, ``\\x1b]8;;...`` makes a link)
and a lone surrogate cannot even be written to a UTF-8 stream, so the CLI and the UI show
such characters instead of sending them: the C0 controls and DEL as their Unicode control
pictures (``\\x1b`` → ``␛``), C1 controls, lone surrogates and the bidirectional overrides
that reorder a line (``\\u202e``) as a backslash escape. Newlines and tabs stay, because a
multi-line appeal is ordinary; ``newlines=False`` shows them too, for one-line places
(a table cell, a title).

This module imports nothing from Textual or Rich: the CLI uses it without loading them.
"""

from __future__ import annotations

import re

_KEPT = "\n\t"
_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
# C0 and DEL (pictures); C1, surrogates, bidi embeddings/overrides/isolates (escapes).
_HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def _shown(match: re.Match[str], keep: str) -> str:
    char = match.group()
    if char in keep:
        return char
    picture = _PICTURES.get(ord(char))
    if picture is not None:
        return picture
    return f"\\x{ord(char):02x}" if ord(char) <= 0xFF else f"\\u{ord(char):04x}"


def visible(text: str, *, newlines: bool = True) -> str:
    """``text`` with every character a terminal would act on replaced by a visible stand-in."""
    keep = _KEPT if newlines else ""
    return _HIDDEN.sub(lambda match: _shown(match, keep), text)
