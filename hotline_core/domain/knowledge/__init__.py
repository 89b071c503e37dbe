"""The knowledge base of standard answers (知识库 / 常见问题标准答案), SPEC section 8.

- :mod:`entries`: an entry, its versions and workflow history (frozen values);
- :mod:`rules`: who may do what, one pure function;
- :mod:`workflow`: draft → review → published → retired, pure functions;
- :mod:`tokens`, :mod:`lexicon`, :mod:`search`: Chinese, Korean and English
  search ranked by BM25F, and suggestions for an order's appeal;
- :mod:`codec`, :mod:`sheet`, :mod:`importing`: JSON text and spreadsheet
  rows in and out (pure); :mod:`exchange`: the same with files.

Everything here is pure but :mod:`exchange`; jieba and openpyxl load on first use.
"""

from __future__ import annotations

from hotline_core.domain.knowledge.entries import (
    Content,
    Entry,
    EntryStatus,
    KbAction,
    PolicyBasis,
    Transition,
    Version,
    reply_text,
)
from hotline_core.domain.knowledge.importing import ImportReport
from hotline_core.domain.knowledge.rules import kb_allows, kb_permission_problem
from hotline_core.domain.knowledge.search import (
    Hit,
    SearchIndex,
    build_index,
    search,
    search_with_drafts,
    suggest,
)
from hotline_core.domain.knowledge.sheet import RowProblem
from hotline_core.domain.knowledge.workflow import (
    edit,
    next_entry_id,
    publish,
    retire,
    return_to_draft,
    send_to_review,
    submit_draft,
)

__all__ = [
    "Content",
    "Entry",
    "EntryStatus",
    "Hit",
    "ImportReport",
    "KbAction",
    "PolicyBasis",
    "RowProblem",
    "SearchIndex",
    "Transition",
    "Version",
    "build_index",
    "edit",
    "kb_allows",
    "kb_permission_problem",
    "next_entry_id",
    "publish",
    "reply_text",
    "retire",
    "return_to_draft",
    "search",
    "search_with_drafts",
    "send_to_review",
    "submit_draft",
    "suggest",
]
