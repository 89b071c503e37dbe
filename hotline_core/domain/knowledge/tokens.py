"""Text into search terms: jieba words and character bigrams for Chinese, whole words otherwise.

Text is NFKC-normalised (full-width letters and digits become ASCII) and
cut into runs by script:

- Han: jieba's search mode, its dictionary extended with the domain words
  of :mod:`lexicon`; stop words dropped. Besides the words, the bigrams of
  each stretch of consecutive non-stop words (fallback terms, kept apart by
  a ``#`` prefix) let "孩子康复" meet "儿童康复训练" on 康复 even when jieba
  cuts the two texts differently.
- Hangul: jieba would cut 장애인증 into single syllables, which mean nothing
  alone, so each run (a word between spaces or punctuation) stays whole; a
  trailing particle is also stripped (장애인증은 → 장애인증 too).
- Latin and digits: whole words, lower-cased, English stop words dropped,
  a light plural stemmer (subsidies → subsidy).

jieba is imported and loaded on first use, once per process (about a second);
it reads the dictionary shipped inside its package (and, as jieba does, keeps
a cache of it in the temporary directory, one file per account). The terms of each Han run are
cached, so rebuilding an index after one entry changed re-cuts only that one.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from attrs import frozen

from hotline_core.domain.knowledge.lexicon import (
    CHINESE_STOP,
    DOMAIN_WORDS,
    ENGLISH_STOP,
    KOREAN_PARTICLES,
)

if TYPE_CHECKING:
    from jieba import Tokenizer

GRAM = "#"
RUN_CACHE_SIZE = 65_536
_RUNS = re.compile(
    r"(?P<han>[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)"
    r"|(?P<hangul>[\uac00-\ud7a3]+)"
    r"|(?P<latin>[a-z0-9]+)"
)
_LOCK = threading.Lock()
_TOKENIZER: list[Tokenizer] = []


@frozen
class Terms:
    """A text's search terms in order, repeats kept: words, then ``#``-prefixed bigrams."""

    words: tuple[str, ...]
    grams: tuple[str, ...]


def tokenizer() -> Tokenizer:
    """jieba, loaded once per process and taught the domain words; quiet while loading."""
    if not _TOKENIZER:
        with _LOCK:
            if not _TOKENIZER:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                loaded = jieba.Tokenizer()
                # One cache file per account: the shared /tmp/jieba.cache of another account
                # cannot be replaced, and jieba would print its failure on every start.
                loaded.cache_file = f"jieba.u{os.getuid()}.cache"
                loaded.initialize()
                for word in DOMAIN_WORDS:
                    loaded.add_word(word)
                _TOKENIZER.append(loaded)
    return _TOKENIZER[0]


def analyse(text: str) -> Terms:
    """The terms of ``text``, the same way for entries and queries, so they can meet."""
    words: list[str] = []
    grams: list[str] = []
    for run in _RUNS.finditer(unicodedata.normalize("NFKC", text).lower()):
        if run.lastgroup == "han":
            han_words, han_grams = han_terms(run.group())
            words += han_words
            grams += han_grams
        elif run.lastgroup == "hangul":
            words.extend(_hangul(run.group()))
        else:
            words.extend(_latin(run.group()))
    return Terms(tuple(words), tuple(grams))


@lru_cache(maxsize=RUN_CACHE_SIZE)
def han_terms(run: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words and bigrams of one run of Han characters.

    jieba's search mode written out, so one pass gives both. Cached: greetings,
    citations and stock sentences recur across answers, and a rebuilt index
    re-reads texts it has seen.
    """
    cutter = tokenizer()
    words: list[str] = []
    grams: list[str] = []
    stretch = ""
    for segment in cutter.cut(run):
        if segment in CHINESE_STOP:
            grams.extend(_bigrams(stretch))
            stretch = ""
            continue
        words.extend(part for part in _parts(segment, cutter.FREQ) if part not in CHINESE_STOP)
        words.append(segment)
        stretch += segment
    grams.extend(_bigrams(stretch))
    return tuple(words), tuple(grams)


def _parts(word: str, known: dict[str, int]) -> list[str]:
    """The dictionary words of two and three characters inside a longer word."""
    found = []
    for size in (2, 3):
        if len(word) > size:
            found += [
                word[i : i + size] for i in range(len(word) - size + 1) if known.get(word[i : i + size])
            ]
    return found


def _bigrams(stretch: str) -> list[str]:
    return [GRAM + stretch[i : i + 2] for i in range(len(stretch) - 1)]


def _hangul(word: str) -> list[str]:
    for particle in KOREAN_PARTICLES:
        stem = word.removesuffix(particle)
        if stem != word and len(stem) >= 2:
            return [word, stem]
    return [word]


def _latin(word: str) -> list[str]:
    if word in ENGLISH_STOP or (len(word) < 2 and not word.isdigit()):
        return []
    return [_singular(word)]


def _singular(word: str) -> str:
    if word.isdigit() or len(word) <= 3:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
