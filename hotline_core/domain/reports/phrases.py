"""The most frequent words and two-word phrases of the citizens' appeals (热点难点).

Segmentation is jieba's (its own dictionary, plus a few words of the
disability field it would otherwise cut in two). The tokenizer is private
to this module, so other users of jieba keep their own dictionaries, and
it is built on first use: loading the dictionary takes about a second,
which only the hot-issues report should pay.

A term counts once per appeal that contains it: one long appeal repeating a
word does not make it a hot issue, many citizens raising it do. Dropped:
stop words (function words, and words every appeal here contains, such as
残疾人 or 咨询), punctuation, single characters and anything with a digit
or made of numerals. A phrase is two kept words that stand next to each
other in the text, and is listed only when at least two appeals share it.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from attrs import frozen

# Generic words of any Chinese text, and the words every appeal to the
# federation carries, which say nothing about what is hot this period.
STOP_WORDS: frozenset[str] = frozenset(
    [
        "我们",
        "你们",
        "他们",
        "她们",
        "它们",
        "自己",
        "什么",
        "怎么",
        "怎样",
        "如何",
        "为什么",
        "哪里",
        "哪些",
        "这个",
        "那个",
        "这些",
        "那些",
        "这样",
        "那样",
        "这里",
        "那里",
        "一个",
        "一些",
        "一下",
        "一直",
        "已经",
        "还是",
        "或者",
        "以及",
        "而且",
        "并且",
        "但是",
        "可是",
        "因为",
        "所以",
        "如果",
        "虽然",
        "然后",
        "之后",
        "以后",
        "之前",
        "以前",
        "时候",
        "现在",
        "目前",
        "当时",
        "今天",
        "昨天",
        "明天",
        "今年",
        "去年",
        "没有",
        "不是",
        "就是",
        "还有",
        "可以",
        "能否",
        "是否",
        "能够",
        "不能",
        "需要",
        "应该",
        "进行",
        "通过",
        "关于",
        "对于",
        "由于",
        "有关",
        "相关",
        "其他",
        "具体",
        "情况",
        "问题",
        "表示",
        "知道",
        "希望",
        "要求",
        "请求",
        "询问",
        "反映",
        "咨询",
        "来电",
        "诉求",
        "市民",
        "群众",
        "本人",
        "家属",
        "工作人员",
        "残疾人",
        "残疾",
        "残联",
        "办理",
        "帮助",
        "解决",
        "联系",
        "告知",
        "一起",
        "一样",
        "非常",
        "比较",
        "特别",
        "了解",
    ]
)

# Words of the field that jieba's general dictionary splits.
FIELD_WORDS: tuple[str, ...] = (
    "两项补贴",
    "护理补贴",
    "生活补贴",
    "残疾人证",
    "辅助器具",
    "按比例就业",
    "无障碍设施",
    "托养服务",
    "康复救助",
    "低保",
    "助残",
)

_NUMERALS = re.compile(r"^[零〇一二三四五六七八九十百千万亿两几第]+$")


@frozen
class Term:
    """A word or phrase and the number of appeals that contain it."""

    text: str
    appeals: int


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import jieba  # deferred: the dictionary is loaded only for this report

    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in FIELD_WORDS:
        tokenizer.add_word(word)
    return tokenizer


def keeps(token: str, stop_words: frozenset[str] = STOP_WORDS) -> bool:
    """Whether a token can be a hot word: letters only, two or more, not a stop word or numeral."""
    return len(token) >= 2 and token.isalpha() and token not in stop_words and not _NUMERALS.match(token)


def _terms_of(text: str, stop_words: frozenset[str]) -> tuple[set[str], set[str]]:
    """The kept words of one appeal, and its phrases of two adjacent kept words."""
    tokens = [t.strip() for t in _tokenizer().lcut(text)]
    kept = [t if keeps(t, stop_words) else None for t in tokens]
    words = {t for t in kept if t}
    phrases = {a + b for a, b in itertools.pairwise(kept) if a and b}
    return words, phrases


def frequent_terms(
    texts: Iterable[str], top: int = 20, stop_words: frozenset[str] = STOP_WORDS
) -> tuple[tuple[Term, ...], tuple[Term, ...]]:
    """The ``top`` words and phrases by the number of appeals that use them."""
    words: Counter[str] = Counter()
    phrases: Counter[str] = Counter()
    for text in texts:
        if not text.strip():
            continue
        found_words, found_phrases = _terms_of(text, stop_words)
        words.update(found_words)
        phrases.update(found_phrases)
    return _top(words, top, 1), _top(phrases, top, 2)


def _top(counter: Counter[str], top: int, least: int) -> tuple[Term, ...]:
    ranked = sorted((item for item in counter.items() if item[1] >= least), key=lambda i: (-i[1], i[0]))
    return tuple(Term(text, count) for text, count in ranked[:top])
