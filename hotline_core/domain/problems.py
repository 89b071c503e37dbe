"""What went wrong, said in the user's language: a field, a reason, parameters.

The rules never build sentences. They return a :class:`Problem` (which field,
which reason code, the values to quote) and the edge renders it with
:meth:`Problem.message` in the language the clerk chose. The wording of
every code lives in ``hotline_core.domain.messages``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs
from attrs import frozen

from hotline_core.domain.messages import DEFAULT_LANGUAGE, ORDER_WORDS, Catalog


def _freeze(
    params: Mapping[str, object] | Iterable[tuple[str, object]],
) -> tuple[tuple[str, str], ...]:
    pairs = params.items() if isinstance(params, Mapping) else params
    return tuple(sorted((str(k), str(v)) for k, v in pairs))


@frozen
class Problem:
    """One reason why an input or an action was refused.

    ``field`` is the form field the clerk has to correct (``"phone"``), or
    ``""`` when the problem concerns the whole order or action.
    """

    field: str
    code: str
    params: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_freeze)

    def message(self, language: str = DEFAULT_LANGUAGE) -> str:
        return self.words().sentence(self.field, self.code, language, dict(self.params))

    @classmethod
    def words(cls) -> Catalog:
        """The catalog this kind of problem is worded from (the knowledge base has its own)."""
        return ORDER_WORDS


class HotlineError(Exception):
    """Base of the errors the rules raise; each carries its problems."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("; ".join(p.message() for p in self.problems))

    def messages(self, language: str = DEFAULT_LANGUAGE) -> list[str]:
        return [p.message(language) for p in self.problems]


class InvalidInput(HotlineError):
    """Values a person entered were rejected; nothing was changed."""


class Refused(HotlineError):
    """The rules forbid this action now; nothing was recorded."""


def refuse(code: str, field: str = "", **params: object) -> Refused:
    return Refused([Problem(field, code, params)])


def check_path_text(path: object, field: str) -> None:
    """A path a person typed or sent, refused if it holds a NUL character: no file can be
    named so, and the system's calls would fail with a ValueError instead of a message."""
    text = str(path)
    if "\x00" in text:
        raise InvalidInput([Problem(field, "path_has_nul", {"path": text.replace("\x00", "\\0")})])
