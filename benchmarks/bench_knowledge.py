"""Knowledge-base search over 5,000 published entries (issue: knowledge base).

    python benchmarks/bench_knowledge.py [--entries N] [--rounds R]

Synthesises entries from the starter base (each wording placed in a county,
its sentences reordered and numbered in Chinese numerals so that no two
sentences are alike, a few domain phrases and tags added: the vocabulary
and lengths stay realistic and jieba's run cache cannot help), then prints
the time to load jieba, to build the index from cold, to rebuild it after
one entry changed (the cache warm, as in a running program), and the
latency of ``search`` and ``suggest`` per query (median, p95, max) for
Chinese, Korean and English queries and realistic appeals.
Target: ≤ 50 ms per query.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from attrs import evolve

from hotline_core.adapters.knowledge_files import load_starter
from hotline_core.domain.knowledge import Entry, publish, send_to_review, submit_draft
from hotline_core.domain.knowledge.search import build_index, search, suggest
from hotline_core.domain.knowledge.tokens import RUN_CACHE_SIZE, han_terms, tokenizer
from hotline_core.domain.organization import Person
from hotline_core.domain.vocabulary import COUNTIES, Role

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
BENCH = Person("bench", {Role.HANDLER})
PHRASES = (
    "请携带残疾人证和户口簿。",
    "具体以当地规定为准。",
    "可以拨打12345热线咨询。",
    "重度残疾人可以优先办理。",
    "家属可以代为咨询。",
    "低保家庭另有政策。",
    "请向乡镇（街道）窗口了解。",
    "康复机构名单可向残联索取。",
    "用人单位应当依法签订劳动合同。",
    "无障碍设施应当保持正常使用。",
    "孩子入学可以联系教育部门。",
)
QUERIES = (
    "孩子康复有没有补助",
    "护理补贴三级能领吗",
    "怎么办残疾证",
    "盲人坐公交要钱吗",
    "单位不招残疾人",
    "就业保障金怎么算",
    "盲道被占了找谁",
    "残疾孩子上学学校不收",
    "请不起律师",
    "两项补贴标准",
    "辅助器具轮椅补贴",
    "养老保险代缴",
    "残疾等级怎么分",
    "低保家庭残疾人生活补贴",
    "导盲犬进商场",
    "법률원조를 받고 싶어요",
    "장애아동 재활 지원",
    "legal aid for disabled people",
    "nursing subsidy",
)
APPEALS = (
    "来电人称其子今年4岁，确诊孤独症，在延吉市做康复训练，费用较高，询问国家有没有救助政策，希望残联尽快答复。",
    "我是肢体残疾三级，想问问能不能领护理补贴，如果不能，还有没有别的补贴可以申请，家里是低保户。",
    "来电人反映某公司以其是残疾人为由拒绝录用，认为受到就业歧视，要求残联帮助维权，并询问单位是否必须安排残疾人就业。",
)


def synthesise(count: int, seed: int = 11) -> list[Entry]:
    """``count`` published entries, variations of the starter's wordings."""
    rng = random.Random(seed)
    wordings = [e.content for e in load_starter()]
    entries = []
    for n in range(count):
        base = rng.choice(wordings)
        county = rng.choice(COUNTIES).value
        sentences = [f"{_numeral(n)}{s}" for s in base.answer.split("。") if s]
        rng.shuffle(sentences)
        answer = "。".join(sentences) + "。" + "".join(rng.sample(PHRASES, 2))
        content = evolve(
            base,
            question=f"{county}：{base.question}（{n}）",
            answer=answer,
            tags=(*base.tags, county, rng.choice(("咨询", "政策", "办理", "投诉"))),
            note="",
        )
        if not content.basis:
            content = evolve(content, basis=load_starter()[0].content.basis)
        at = NOW + timedelta(seconds=n)
        entry = submit_draft(BENCH, f"KB-{n + 1:05d}", content, at)
        entries.append(publish(send_to_review(entry, BENCH, at), BENCH, at))
    return entries


def _numeral(n: int) -> str:
    """1203 → 一二零三: Han characters, so the numbered sentence is one new run for jieba."""
    return "第" + "".join("零一二三四五六七八九"[int(d)] for d in str(n)) + "条"


def timed(call: Callable[..., object], *args: object) -> float:
    start = time.perf_counter()
    call(*args)
    return (time.perf_counter() - start) * 1000


def p95(millis: list[float]) -> float:
    return sorted(millis)[int(0.95 * (len(millis) - 1))]


def summary(label: str, millis: list[float]) -> None:
    ordered = sorted(millis)
    print(
        f"{label:<28} n={len(ordered):>4}  median {statistics.median(ordered):6.2f} ms  "
        f"p95 {p95(ordered):6.2f} ms  max {ordered[-1]:6.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=10)
    options = parser.parse_args()
    print(f"Python {platform.python_version()} on {platform.machine()}, {options.entries} entries")
    print(f"jieba load (once per process)  {timed(tokenizer) / 1000:6.2f} s")
    entries = synthesise(options.entries)
    han_terms.cache_clear()
    start = time.perf_counter()
    index = build_index(entries)
    print(
        f"index build, cold              {time.perf_counter() - start:6.2f} s  "
        f"({len(index)} entries, {len(index.postings)} terms)"
    )
    changed = [*entries[:-1], evolve(entries[-1], id="KB-99999")]
    start = time.perf_counter()
    build_index(changed)
    print(
        f"index rebuild, one changed     {time.perf_counter() - start:6.2f} s  "
        f"(run cache {han_terms.cache_info().currsize} of {RUN_CACHE_SIZE})"
    )
    searches = [timed(search, index, q, 10) for _ in range(options.rounds) for q in QUERIES]
    suggestions = [timed(suggest, index, a, 5) for _ in range(options.rounds) for a in APPEALS + QUERIES]
    summary("search (limit 10)", searches)
    summary("suggest (limit 5)", suggestions)
    worst = max(p95(searches), p95(suggestions))
    print(f"target ≤ 50 ms per query at p95: {'met' if worst <= 50 else 'NOT met'}")


if __name__ == "__main__":
    main()
