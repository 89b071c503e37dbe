"""Loading orders: stored dicts back into ``WorkOrder`` values (issue: the clerk's UI).

    python benchmarks/bench_loading.py [--orders N ...] [--repeat R]

For each count (10,000 and 100,000 by default), the open orders that
``bench_limits.make_orders`` makes are unstructured and passed through JSON,
as storage keeps them. Prints the best of R runs of
``serialization.structure_order`` over all of them (building a ``WorkOrder``
runs the fold, so that is included) and of ``state.replay`` alone, with the
collector paused as ``Session.orders`` pauses it.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_limits import make_orders
from hotline_core.adapters.serialization import structure_order, unstructure_order
from hotline_core.domain.state import replay


def best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
        gc.enable()
        del result
    return min(times)


def measure(count: int, repeat: int) -> str:
    orders = make_orders(count)
    stored = json.loads(json.dumps([unstructure_order(o) for o in orders], ensure_ascii=False))
    assert [structure_order(doc) for doc in stored] == orders
    structuring = best(lambda: [structure_order(doc) for doc in stored], repeat)
    folding = best(lambda: [replay(o.record, o.events) for o in orders], repeat)
    events = sum(len(o.events) for o in orders)
    return (
        f"{count:>7,} orders ({events:,} events): structure_order {structuring:6.3f} s "
        f"({structuring / count * 1e6:5.1f} µs/order), of which the fold {folding:6.3f} s "
        f"({folding / count * 1e6:5.1f} µs/order)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orders", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"python {platform.python_version()} · {os.cpu_count()} cores · {platform.machine()}")
    for count in args.orders:
        print(measure(count, args.repeat))


if __name__ == "__main__":
    main()
