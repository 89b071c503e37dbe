"""The file layout: plain TinyDB JSON, one document a line, read back exactly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hotline_core.adapters.storage.layout import (
    Image,
    Meta,
    decode,
    encode,
    load_doc,
    make_line,
)

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=8,
)
TABLES = st.dictionaries(
    st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True),
    st.dictionaries(st.text(min_size=1, max_size=6), st.dictionaries(st.text(max_size=4), JSON), max_size=4),
    max_size=3,
)
META = Meta(kind="working", schema=1, seq=3, journal_end=99)
PATH = Path("working.json")


def _image(tables: dict[str, dict[str, dict[str, Any]]]) -> Image:
    lines = {name: {key: make_line(key, doc) for key, doc in docs.items()} for name, docs in tables.items()}
    return Image(meta=META, tables=lines)


@settings(max_examples=60)
@given(TABLES)
def test_a_written_file_is_tinydb_json_and_reads_back_the_same(tables: dict[str, Any]) -> None:
    raw = encode(_image(tables))
    assert json.loads(raw) == {"_meta": {"db": META.to_json()}, **tables}
    for known in (None, _image(tables)):
        image = decode(PATH, raw, known)
        assert image.meta == META
        docs = {name: {k: load_doc(k, v) for k, v in lines.items()} for name, lines in image.tables.items()}
        assert docs == tables


NUMBERS = st.integers() | st.floats(allow_nan=False, allow_infinity=False)


@settings(max_examples=300)
@given(st.dictionaries(st.text(max_size=4), NUMBERS | st.lists(NUMBERS, max_size=4), max_size=4))
def test_every_number_reads_back_exactly_whichever_parser_reads_it(doc: dict[str, Any]) -> None:
    back = load_doc("k", make_line("k", doc))
    assert back == doc
    assert [type(value) for value in back.values()] == [type(value) for value in doc.values()]


def test_integers_past_64_bits_and_floats_at_the_edges_read_back_exactly() -> None:
    doc = {
        "big": 2**64,
        "small": -(2**63) - 1,
        "huge": 10**40,
        "max": 1.7976931348623157e308,
        "tiny": 5e-324,
        "third": 1 / 3,
        "edge": 2**63 - 1,
    }
    back = load_doc("k", make_line("k", doc))
    assert back == doc and type(back["big"]) is int and type(back["huge"]) is int


# Nested tables take a while to draw on a busy 2-core machine; the examples stay the same.
@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(TABLES)
def test_a_file_in_any_json_layout_reads_the_same(tables: dict[str, Any]) -> None:
    raw = json.dumps({"_meta": {"db": META.to_json()}, **tables}, indent=2).encode()
    image = decode(PATH, raw)
    assert encode(image) == encode(_image(tables))
