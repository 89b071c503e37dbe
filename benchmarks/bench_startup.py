"""Start-up of the terminal UI on a database of 10,000 open orders (issue: the clerk's UI).

    python benchmarks/bench_startup.py [--orders N]

Builds a database in a temporary folder, then measures, headless at 80x24,
the time from creating the app to the first usable screen: the queue filled
with its most urgent page. Also prints the cost of importing the UI in a
fresh interpreter, which a clerk pays before that. Target: ≤ 1.5 s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_limits import NOW, make_orders  # noqa: E402
from hotline_core import services  # noqa: E402
from hotline_core.repository import Repository  # noqa: E402


def build(folder: Path, count: int) -> Repository:
    repo = Repository.open(folder, create=True)
    services.initialise(repo, "clerk")
    with repo.transaction() as session:
        for order in make_orders(count):
            session.put_order(order)
    return repo


async def first_screen(repo: Repository) -> float:
    from textual.widgets import DataTable

    from hotline_tui.app import HotlineApp

    start = time.perf_counter()
    app = HotlineApp(repo, services.identify(repo.snapshot(), "clerk"), lambda: NOW, "zh_CN")
    async with app.run_test(size=(80, 24)) as pilot:
        while True:
            await pilot.pause()
            tables = app.screen.query(DataTable)
            if tables and tables.first().row_count > 0:
                return time.perf_counter() - start


def import_seconds() -> float:
    code = "import time; s = time.perf_counter(); import hotline_tui.app; print(time.perf_counter() - s)"
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                check=True).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orders", type=int, default=10_000)
    args = parser.parse_args()
    print(f"python {platform.python_version()} · {os.cpu_count()} cores · {platform.machine()}")
    with tempfile.TemporaryDirectory() as folder:
        repo = build(Path(folder) / "db", args.orders)
        size = (Path(folder) / "db" / "working.json").stat().st_size
        print(f"database: {args.orders:,} open orders, working file {size / 1e6:.1f} MB")
        imported = import_seconds()
        seconds = asyncio.run(first_screen(repo))
    print(f"import of the UI in a fresh interpreter: {imported:.2f} s")
    print(f"app created → queue filled (80x24, headless): {seconds:.2f} s")
    print(f"total to the first usable screen: {imported + seconds:.2f} s  (target ≤ 1.5 s)")


if __name__ == "__main__":
    main()
