"""Benchmark of the storage engine against stdlib sqlite3 (WAL) as reference.

Run ``python benchmarks/bench_storage.py`` (``--quick`` for a smaller run).
For 1,000 / 10,000 / 100,000 orders in total, ~2% open in the working file
and the rest closed in quarterly archives, it measures, for our engine and
for sqlite3 holding the same documents as JSON text by id:

- open + list: open the database and parse every open order (median);
- update: one read-modify-write of an open order (append an event), median.

Then, for a working file of 10,000 open orders (a clerk's start-up, issue 16):
the open alone (the file validated, every line parsed once) and the open
followed by reading every order (median of 3x as many fresh ``Database`` objects).

Targets at 100,000 orders (SPEC section 9): update <= 30 ms, open + list
<= 300 ms. Both stores fsync on commit (sqlite: WAL, synchronous=FULL).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hotline_core.adapters.storage import Database

OPEN_SHARE = 0.02
PER_QUARTER = 6000
TEXT = "延边朝鲜族自治州残疾人联合会维权部承办人联系当事人答复低保补贴轮椅助听器康复就业教育咨询投诉求助"


def _text(chance: random.Random, length: int) -> str:
    return "".join(chance.choice(TEXT) for _ in range(length))


def make_order(number: int, chance: random.Random, status: str) -> dict[str, Any]:
    """A synthetic order of about 2 KB: Chinese text and 8 events."""
    events = [
        {
            "at": f"2026-11-{1 + i:02d}T09:{i:02d}:00+08:00",
            "actor": f"clerk{i % 4}",
            "action": "note",
            "note": _text(chance, 24),
            "attachments": [],
        }
        for i in range(8)
    ]
    return {
        "id": f"YB{number:08d}",
        "status": status,
        "appeal_type": "complaint",
        "business_area": "employment",
        "county": "延吉市",
        "channel": "phone",
        "name": "金" + _text(chance, 1),
        "phone": "13800000000",
        "address": "延吉市" + _text(chance, 12),
        "appeal": _text(chance, 90),
        "events": events,
    }


def quarters(count: int) -> list[str]:
    return [f"{2010 + q // 4}Q{q % 4 + 1}" for q in range(count)]


def build_engine(folder: Path, total: int, chance: random.Random) -> list[str]:
    """Fill the database like years of use: closed orders archived per quarter."""
    db = Database.open(folder, create=True)
    opened = max(1, round(total * OPEN_SHARE))
    closed = total - opened
    periods = quarters(max(1, math.ceil(closed / PER_QUARTER)))
    number = 0
    for index, period in enumerate(periods):
        batch = closed // len(periods) + (index < closed % len(periods))
        with db.transaction() as tx:
            keys = []
            for _ in range(batch):
                number += 1
                keys.append(f"YB{number:08d}")
                tx.put("orders", keys[-1], make_order(number, chance, "archived"))
            tx.archive("orders", keys, period)
    open_keys = []
    with db.transaction() as tx:
        for _ in range(opened):
            number += 1
            open_keys.append(f"YB{number:08d}")
            tx.put("orders", open_keys[-1], make_order(number, chance, "signed"))
    return open_keys


def build_sqlite(path: Path, engine_folder: Path) -> None:
    """The same documents, as JSON text by id, closed ones tagged with their quarter."""
    db = Database.open(engine_folder)
    con = _connect(path)
    con.execute("CREATE TABLE orders (id TEXT PRIMARY KEY, period TEXT, body TEXT NOT NULL)")
    con.execute("CREATE INDEX orders_open ON orders (period) WHERE period IS NULL")
    with con:
        for period in db.archive_periods():
            rows = db.read_archive(period).all("orders").items()
            con.executemany("INSERT INTO orders VALUES (?, ?, ?)", ((k, period, _dumps(d)) for k, d in rows))
        rows = db.read().all("orders").items()
        con.executemany("INSERT INTO orders VALUES (?, NULL, ?)", ((k, _dumps(d)) for k, d in rows))
    con.close()


def _connect(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    return con


def _dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def _event(n: int) -> dict[str, Any]:
    return {"at": "2026-11-30T10:00:00+08:00", "actor": "clerk1", "action": "contact", "note": f"第{n}次联系"}


def engine_open_list(folder: Path) -> int:
    return len(Database.open(folder).read().all("orders"))


def engine_update(db: Database, key: str, n: int) -> None:
    with db.transaction() as tx:
        order = tx.get("orders", key)
        order["events"].append(_event(n))  # type: ignore[index]
        tx.put("orders", key, order)  # type: ignore[arg-type]


def sqlite_open_list(path: Path) -> int:
    con = _connect(path)
    rows = [json.loads(body) for (body,) in con.execute("SELECT body FROM orders WHERE period IS NULL")]
    con.close()
    return len(rows)


def sqlite_update(con: sqlite3.Connection, key: str, n: int) -> None:
    con.execute("BEGIN IMMEDIATE")
    (body,) = con.execute("SELECT body FROM orders WHERE id = ?", (key,)).fetchone()
    order = json.loads(body)
    order["events"].append(_event(n))
    con.execute("UPDATE orders SET body = ? WHERE id = ?", (_dumps(order), key))
    con.execute("COMMIT")


def median_ms(action: Callable[[int], object], runs: int) -> float:
    times = []
    for n in range(runs):
        start = time.perf_counter()
        action(n)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def measure(total: int, root: Path, runs: int) -> dict[str, float]:
    chance = random.Random(total)
    folder, sqlite_path = root / f"engine-{total}", root / f"sqlite-{total}.db"
    open_keys = build_engine(folder, total, chance)
    build_sqlite(sqlite_path, folder)
    db, con = Database.open(folder), _connect(sqlite_path)
    picks = [chance.choice(open_keys) for _ in range(runs * 3)]
    result = {
        "open": len(open_keys),
        "engine_list": median_ms(lambda n: engine_open_list(folder), runs),
        "engine_update": median_ms(lambda n: engine_update(db, picks[n], n), runs * 3),
        "sqlite_list": median_ms(lambda n: sqlite_open_list(sqlite_path), runs),
        "sqlite_update": median_ms(lambda n: sqlite_update(con, picks[n], n), runs * 3),
        "working_mb": (folder / "working.json").stat().st_size / 1e6,
        "archive_mb": sum(p.stat().st_size for p in (folder / "archive").glob("*.json")) / 1e6,
        "bytes_per_order": (folder / "working.json").stat().st_size / len(open_keys),
    }
    con.close()
    return result


def measure_open(count: int, root: Path, runs: int) -> dict[str, float]:
    """Open, and open then read every order, of a working file holding ``count`` open orders."""
    chance, folder = random.Random(count), root / f"open-{count}"
    with Database.open(folder, create=True).transaction() as tx:
        for number in range(1, count + 1):
            tx.put("orders", f"YB{number:08d}", make_order(number, chance, "signed"))
    return {
        "working_mb": (folder / "working.json").stat().st_size / 1e6,
        "open": median_ms(lambda n: Database.open(folder), runs * 3),
        "open_read": median_ms(lambda n: engine_open_list(folder), runs * 3),
    }


def print_open(count: int, r: dict[str, float]) -> None:
    print(
        f"\nopen {count:,} open orders (working file {r['working_mb']:.1f} MB): "
        f"open {r['open']:.1f} ms, open + every order read {r['open_read']:.1f} ms",
        flush=True,
    )


def print_facts(runs: int) -> None:
    print(
        f"cpus {os.cpu_count()}, python {platform.python_version()}, sqlite {sqlite3.sqlite_version}, "
        f"{platform.system()} {platform.release()}"
    )
    print(f"median of {runs} opens and {runs * 3} updates; targets at 100,000: update <= 30 ms, ", end="")
    print("open + list <= 300 ms\n")


HEADER = (
    f"{'orders':>8} {'open':>5} {'working MB':>10} {'archive MB':>10} {'B/order':>7} | "
    f"{'engine open+list':>16} {'engine update':>13} | {'sqlite open+list':>16} {'sqlite update':>13}"
)


def print_row(total: int, r: dict[str, float]) -> None:
    sizes = f"{total:>8,} {r['open']:>5.0f} {r['working_mb']:>10.1f} {r['archive_mb']:>10.1f}"
    engine = f"{r['engine_list']:>13.1f} ms {r['engine_update']:>10.1f} ms"
    sqlite = f"{r['sqlite_list']:>13.1f} ms {r['sqlite_update']:>10.1f} ms"
    print(f"{sizes} {r['bytes_per_order']:>7.0f} | {engine} | {sqlite}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 orders, fewer runs")
    parser.add_argument("--dir", type=Path, default=None, help="where to build the databases (default: temp)")
    args = parser.parse_args()
    sizes, runs = ([1_000, 10_000], 5) if args.quick else ([1_000, 10_000, 100_000], 11)
    print_facts(runs)
    print(HEADER)
    print("-" * len(HEADER))
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        for total in sizes:
            print_row(total, measure(total, Path(tmp), runs))
        print_open(10_000, measure_open(10_000, Path(tmp), runs))


if __name__ == "__main__":
    main()
