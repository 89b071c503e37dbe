"""The knowledge base of standard answers (知识库 / 常见问题标准答案), SPEC section 8.

- :mod:`entries`: an entry, its versions and workflow history (frozen values);
- :mod:`rules`: who may do what, one pure function;
- :mod:`workflow`: draft → review → published → retired, pure functions;
- :mod:`tokens`, :mod:`lexicon`, :mod:`search`: Chinese, Korean and English
  search ranked by BM25F, and suggestions for an order's appeal;
- :mod:`codec`, :mod:`sheet`, :mod:`importing`: JSON text and spreadsheet
  rows in and out (pure); :mod:`exchange`: the same with files.

Everything here is pure but :mod:`exchange`; jieba and openpyxl load on first use.

The package offers the entries and their workflow. The search (:mod:`search`) and the
spreadsheet import (:mod:`importing`, :mod:`sheet`) are imported from their modules by
what uses them: opening any database reads the entries, and would otherwise load the
tokenizer, the word lists and the row checks for a clerk who never searches the base.
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
from hotline_core.domain.knowledge.rules import kb_allows, kb_permission_problem
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
    "KbAction",
    "PolicyBasis",
    "Transition",
    "Version",
    "edit",
    "kb_allows",
    "kb_permission_problem",
    "next_entry_id",
    "publish",
    "reply_text",
    "retire",
    "return_to_draft",
    "send_to_review",
    "submit_draft",
]
