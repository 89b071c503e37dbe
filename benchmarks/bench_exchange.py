"""Pulling a platform export into a database that already holds orders (issue 17).

    python benchmarks/bench_exchange.py [--existing N] [--rows R]

Fills a file database with N orders pulled from exports, then times a pull of an
export of R new rows (every row checked, repeats looked for among all orders), the
same export pulled again (all unchanged), and ``exchange status`` with one message
per order signed. Prints seconds per step.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hotline_core import services
from hotline_core.adapters.repository import FileRepository
from hotline_core.domain.events import Command
from hotline_core.services import exchange, outbox
from tests.integration.exchange.exports import order_row, write_xlsx
from tests.support import at

NOW = at("2026-11-20 08:00")


def timed(label: str, work: object) -> object:
    start = time.perf_counter()
    result = work() if callable(work) else None
    print(f"{label:<44}{time.perf_counter() - start:8.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--existing", type=int, default=1000)
    parser.add_argument("--rows", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        repo = FileRepository.open(root / "db", create=True)
        services.initialise(repo, "clerk")
        old = write_xlsx(root / "old.xlsx", [order_row(n) for n in range(1, args.existing + 1)])
        timed(
            f"pull {args.existing} rows into an empty database",
            lambda: exchange.pull(repo, "clerk", exchange.file_platform(old), NOW),
        )
        new_rows = [order_row(n) for n in range(args.existing + 1, args.existing + args.rows + 1)]
        new = write_xlsx(root / "new.xlsx", new_rows)
        timed(
            f"pull {args.rows} new rows ({args.existing} orders held)",
            lambda: exchange.pull(repo, "clerk", exchange.file_platform(new), NOW),
        )
        timed(
            f"pull the same {args.rows} rows again",
            lambda: exchange.pull(repo, "clerk", exchange.file_platform(new), NOW),
        )
        for n in range(1, 21):
            services.act(repo, "clerk", f"YB2026{n:05d}", Command("sign"), NOW)
        timed("exchange status", lambda: outbox.outbox_status(repo, "clerk", NOW))


if __name__ == "__main__":
    main()
