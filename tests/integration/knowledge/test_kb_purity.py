"""The knowledge base starts light: jieba and openpyxl load only when first needed."""

from __future__ import annotations

import subprocess
import sys


def loaded_after(statement: str) -> set[str]:
    probe = f"import sys\n{statement}\nprint(','.join(m for m in ('jieba', 'openpyxl') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(filter(None, result.stdout.strip().split(",")))


def test_importing_the_knowledge_base_loads_neither_jieba_nor_openpyxl() -> None:
    assert (
        loaded_after("import hotline_core.domain.knowledge, hotline_core.adapters.knowledge_files") == set()
    )


def test_searching_loads_jieba_quietly_and_not_openpyxl() -> None:
    statement = (
        "from hotline_core.domain.knowledge.search import build_index, search\n"
        "from hotline_core.adapters.knowledge_files import load_starter\n"
        "assert search(build_index(load_starter()), '护理补贴')"
    )
    assert loaded_after(statement) == {"jieba"}
    result = subprocess.run([sys.executable, "-c", statement], capture_output=True, text=True, check=True)
    assert result.stderr == ""
