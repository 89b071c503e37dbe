"""Search the published answers by relevance, and suggest answers for an order's appeal.

Staff searching the base also see the drafts that match (entries never published, in
draft or under review), after the published answers and marked unreviewed
(:func:`search_with_drafts`); what may reach a citizen (a reply's standard answer, a
viewer's search) comes from the published index alone.

Ranking is BM25F: a term counts more in the question than in the tags,
more there than in the answer, least in the policy basis
(:data:`FIELD_WEIGHTS`); each field's count is normalised by its length
against the average, saturated (``K1``) and weighted by how rare the term is
(idf). Character bigrams score the same way at :data:`GRAM_WEIGHT`, as a
fallback for differences in segmentation; a query word also pulls in its
synonyms (:mod:`lexicon`) at :data:`SYNONYM_WEIGHT`.

Everything that does not depend on the query is computed when the index is
built: a posting holds a term's finished contribution to an entry's score,
so a query only adds numbers. Build once per change of the base, query many
times; the index is a value and safe to share between threads.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from math import log

from attrs import evolve, frozen

from hotline_core.domain.knowledge.entries import Content, Entry, EntryStatus
from hotline_core.domain.knowledge.lexicon import SYNONYMS
from hotline_core.domain.knowledge.tokens import GRAM, analyse
from hotline_core.domain.vocabulary import BusinessArea

FIELD_WEIGHTS: dict[str, float] = {"question": 3.0, "tags": 2.0, "answer": 1.0, "basis": 0.5}
GRAM_WEIGHT = 0.3
SYNONYM_WEIGHT = 0.6
K1 = 1.5
B = 0.75
SUGGEST_FLOOR = 0.25  # a suggestion scores at least this share of the best one
AREA_BOOST = 1.2  # an entry of the order's own business area counts this much more


@frozen
class Hit:
    """One answer found: which entry and version, how relevant, which query words it shares."""

    entry_id: str
    score: float
    question: str
    area: BusinessArea
    version: int
    matched: tuple[str, ...]
    reviewed: bool = True  # False: a draft nobody has published yet (未审核)


@frozen
class IndexedEntry:
    entry_id: str
    question: str
    area: BusinessArea
    version: int


@frozen(eq=False)
class SearchIndex:
    """Published entries and, per term, each entry's precomputed share of the score."""

    entries: tuple[IndexedEntry, ...]
    postings: Mapping[str, Mapping[int, float]]

    def __len__(self) -> int:
        return len(self.entries)


# One field's terms of one kind (0 words, 1 bigrams) as (term, count) pairs, and how many there were.
Counted = tuple[tuple[tuple[str, int], ...], int]
DocCounts = dict[tuple[str, int], Counted]


def _fields(content: Content) -> dict[str, str]:
    """The text of each weighted field; the area's name counts as a tag."""
    return {
        "question": content.question,
        "tags": "，".join((*content.tags, content.area.label)),
        "answer": content.answer,
        "basis": "，".join(b.citation() for b in content.basis),
    }


def _count(content: Content) -> DocCounts:
    counted: DocCounts = {}
    for name, text in _fields(content).items():
        terms = analyse(text)
        for kind, found in enumerate((terms.words, terms.grams)):
            counted[name, kind] = (tuple(Counter(found).items()), len(found))
    return counted


UNREVIEWED = frozenset({EntryStatus.DRAFT, EntryStatus.REVIEW})


def build_index(entries: Iterable[Entry], unreviewed: bool = False) -> SearchIndex:
    """Index the live version of every published entry; drafts and retired ones stay out.

    With ``unreviewed``, the other way round: the newest version of every entry that was
    never published and is still a draft or under review (a published entry's pending
    revision is not indexed: its published version answers for it)."""
    indexed: list[IndexedEntry] = []
    counted: list[DocCounts] = []
    for entry in entries:
        if unreviewed:
            if entry.live is not None or entry.status not in UNREVIEWED:
                continue
            content, number = entry.content, entry.latest.number
        else:
            live = entry.live_content
            if live is None or entry.live is None:
                continue
            content, number = live, entry.live
        indexed.append(IndexedEntry(entry.id, content.question, content.area, number))
        counted.append(_count(content))
    return SearchIndex(tuple(indexed), _postings(counted))


def _postings(counted: list[DocCounts]) -> dict[str, dict[int, float]]:
    size = max(len(counted), 1)
    keys = [(name, kind) for name in FIELD_WEIGHTS for kind in (0, 1)]
    averages = {key: sum(doc[key][1] for doc in counted) / size or 1.0 for key in keys}
    weighted: dict[str, dict[int, float]] = defaultdict(dict)
    for doc, fields in enumerate(counted):
        for (name, kind), (pairs, length) in fields.items():
            factor = FIELD_WEIGHTS[name] / (1 - B + B * length / averages[name, kind])
            for term, tf in pairs:
                shares = weighted[term]
                shares[doc] = shares.get(doc, 0.0) + factor * tf
    postings = {}
    for term, tfs in weighted.items():
        idf = log(1 + (size - len(tfs) + 0.5) / (len(tfs) + 0.5))
        scale = idf * (K1 + 1) * (GRAM_WEIGHT if term.startswith(GRAM) else 1.0)
        postings[term] = {doc: scale * tf / (K1 + tf) for doc, tf in tfs.items()}
    return postings


def _query(text: str) -> dict[str, float]:
    """Each query term's weight: repeats count a little (long appeals), synonyms less."""
    terms = analyse(text)
    weights = {term: 1 + log(n) for term, n in Counter(terms.words + terms.grams).items()}
    for word in terms.words:
        for other in sorted(SYNONYMS.get(word, ())):
            weights.setdefault(other, SYNONYM_WEIGHT)
    return weights


def _scores(index: SearchIndex, weights: Mapping[str, float]) -> dict[int, float]:
    scores: dict[int, float] = defaultdict(float)
    for term, weight in weights.items():
        for doc, share in index.postings.get(term, {}).items():
            scores[doc] += weight * share
    return scores


def _hit(index: SearchIndex, doc: int, score: float, weights: Mapping[str, float]) -> Hit:
    found = index.entries[doc]
    matched = tuple(t for t in weights if not t.startswith(GRAM) and doc in index.postings.get(t, {}))
    return Hit(found.entry_id, round(score, 4), found.question, found.area, found.version, matched)


def _best(scores: Mapping[int, float], count: int) -> list[tuple[int, float]]:
    """The top ``count``, ties in the order the entries were indexed."""
    return heapq.nlargest(count, scores.items(), key=lambda item: (item[1], -item[0]))


def search(index: SearchIndex, query: str, limit: int = 10) -> list[Hit]:
    """Published entries for ``query``, most relevant first; empty for a blank query."""
    if limit <= 0:
        return []
    weights = _query(query)
    return [_hit(index, doc, score, weights) for doc, score in _best(_scores(index, weights), limit)]


def search_with_drafts(published: SearchIndex, drafts: SearchIndex, query: str, limit: int = 10) -> list[Hit]:
    """The published answers for ``query``, then the matching drafts marked unreviewed
    (``reviewed`` False): at most ``limit`` of each, so a draft is found even when many
    published answers match, and never ranked above one.

    As for a suggestion, a hit must share a word with the query and score a fair share
    (:data:`SUGGEST_FLOOR`) of the best of both lists: a published entry that only shares
    a common character pair is noise beside the draft that answers, and when nothing
    published is left the clerk is told plainly that there is no published answer."""
    found = search(published, query, limit)
    pending = [evolve(hit, reviewed=False) for hit in search(drafts, query, limit)]
    best = max((hit.score for hit in found + pending if hit.matched), default=0.0)
    return [hit for hit in found + pending if hit.matched and hit.score >= best * SUGGEST_FLOOR]


def suggest(
    index: SearchIndex,
    appeal_text: str,
    limit: int = 5,
    area: BusinessArea | None = None,
) -> list[Hit]:
    """Answers worth offering for an order's appeal.

    Stricter than :func:`search`: an entry must share at least one word with
    the appeal (bigrams alone are not enough) and score a fair share of the
    best one, so a clerk is not shown noise; ``area``, the order's business
    area, lifts the entries of that area a little.
    """
    if limit <= 0:
        return []
    weights = _query(appeal_text)
    scores = _scores(index, weights)
    if area is not None:
        scores = {d: s * (AREA_BOOST if index.entries[d].area is area else 1.0) for d, s in scores.items()}
    candidates = [_hit(index, doc, score, weights) for doc, score in _best(scores, limit * 4)]
    worded = [hit for hit in candidates if hit.matched]
    if not worded:
        return []
    floor = worded[0].score * SUGGEST_FLOOR
    return [hit for hit in worded if hit.score >= floor][:limit]
