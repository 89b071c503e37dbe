"""Start-up of the terminal UI on a database of 10,000 open orders (issue: the clerk's UI).

    python benchmarks/bench_startup.py [--orders N] [--runs N]

Builds a database in a temporary folder, as clerks' UIs leave it (the orders'
ranks remembered beside it by the last full read, ``services.queue``), then
starts the UI in fresh interpreters, as a clerk typing ``hotline`` does, and
measures, headless at 80x24, the time from asking for the interpreter to the
first usable screen: the queue's most urgent page painted, its orders ready
to open and act on. Every other order is read after that page is on the
screen; until then the queue says so and its filters and find wait. Each run
also prints when the UI was imported, when every order had been read, and the
CPU time of the process by the first page; the summary gives the medians and
the best run, and one more start without remembered ranks (the first start
after an upgrade, or on a copy), which reads every order before it shows any.
Target: ≤ 1.0 s. Between the runs, in turns, a bare Textual app (NumPy imported,
a table of 100 rows, nothing read) gives the machine's floor: what any start
costs there before hotline does anything of its own.

A child run imports what the ``hotline`` command imports, in the same order,
and nothing else, and pauses the cycle collector where ``launch`` does. The
project's modules are compiled to bytecode first, as ``pip install`` does for
an installed package: a fresh interpreter that had to compile them (an
editable install where ``__pycache__`` cannot be written, or
``PYTHONDONTWRITEBYTECODE`` set) spends about 0.3 s more on imports.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import hotline_tui  # noqa: E402, F401  (first, as in the ``hotline`` command: it sets up the process)

if TYPE_CHECKING:
    from hotline_core.adapters.repository import FileRepository

NOW_TEXT = "2026-11-25T10:00:00+08:00"  # the moment bench_limits' orders are made around
TARGET = 1.0


def build(folder: Path, count: int) -> None:
    """``bench_limits``'s open orders, their records filled in as the center sends them
    (citizen, county, a full appeal) and each contact with its note."""
    from attrs import evolve

    from benchmarks.bench_limits import make_orders
    from hotline_core import services
    from hotline_core.adapters.repository import FileRepository
    from hotline_core.domain.model import Citizen
    from hotline_core.domain.order import WorkOrder
    from hotline_core.domain.vocabulary import (
        COUNTIES,
        Action,
        BusinessArea,
        DisabilityCategory,
        DisabilityGrade,
        Gender,
    )

    repo = FileRepository.open(folder, create=True)
    services.initialise(repo, "clerk")
    with repo.transaction() as session:
        for n, order in enumerate(make_orders(count)):
            county = COUNTIES[n % len(COUNTIES)]
            citizen = Citizen(
                name=f"金{n % 97}某",
                gender=Gender.FEMALE if n % 2 else Gender.MALE,
                age=20 + n % 60,
                ethnicity="朝鲜族" if n % 3 else "汉族",
                disability=DisabilityCategory.PHYSICAL,
                grade=DisabilityGrade("3"),
                phone=f"138{n:08d}",
                address=f"{county.value}河南街{n}号",
            )
            appeal = evolve(
                order.record.appeal,
                business_area=BusinessArea.EMPLOYMENT,
                text="来电人反映其为肢体残疾人，所在用人单位未按规定安排残疾人就业，也未缴纳残疾人就业保障金，"
                "多次与单位沟通无果，希望残联协调解决并尽快给予答复。",
            )
            record = evolve(order.record, place=county, citizen=citizen, appeal=appeal)
            events = tuple(
                evolve(event, note="已电话联系来电人，告知办理流程和时限")
                if event.action is Action.CONTACT
                else event
                for event in order.events
            )
            session.put_order(WorkOrder(record, events))
    remember_ranks(repo)


def remember_ranks(repo: FileRepository) -> None:
    """What a clerk's UI does after each full read: the orders' ranks kept for the next start."""
    from datetime import datetime

    from hotline_core import services
    from hotline_core.domain.limits import LimitEvaluator

    session = repo.snapshot()
    orders = services.visible_orders(session, services.identify(session, "clerk"))
    settings = session.settings()
    now = datetime.fromisoformat(NOW_TEXT)
    table = LimitEvaluator(now, settings.calendar, settings.policies).table(orders)
    services.remember_ranks(session, orders, table)


async def first_screen(folder: Path) -> tuple[float, float, float, float]:
    """In this fresh interpreter, the moments (``time.time()``) when the UI was imported,
    the queue's first page painted and every order read, and the CPU seconds of this
    process by the first page."""
    from hotline_tui import collector

    collector.pause()  # as ``launch`` does, before it imports the UI and opens the database
    from datetime import datetime

    from textual.widgets import DataTable

    from hotline_core import services
    from hotline_core.adapters.repository import FileRepository
    from hotline_tui.app import HotlineApp

    imported = time.time()
    repo = FileRepository.open(folder)
    now = datetime.fromisoformat(NOW_TEXT)
    app = HotlineApp(repo, services.identify(repo.snapshot(), "clerk"), lambda: now, "zh_CN")
    async with app.run_test(size=(80, 24)):
        # A light poll: ``pilot.pause()`` in the loop would make the app do work for the
        # benchmark while the orders load, which a clerk's terminal does not.
        while not (tables := app.screen.query(DataTable)) or tables.first().row_count == 0:
            await asyncio.sleep(0.005)
        refreshed = asyncio.Event()
        app.screen.call_after_refresh(refreshed.set)  # and that page painted
        await refreshed.wait()
        painted, cpu = time.time(), time.process_time()
        while app.loading:
            await asyncio.sleep(0.005)
        return imported, painted, time.time(), cpu


async def bare_screen() -> tuple[float, float, float, float]:
    """The machine's floor: Python, NumPy and Textual alone (the collector paused too)
    painting a bare table of a page of rows like the queue's, with nothing read or worked out."""
    import gc

    gc.disable()
    import numpy  # noqa: F401  (the limits need it: part of any start)
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable, Footer, Header, Static

    imported = time.time()

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("在办 100 / 共 10000")
            yield DataTable()
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            for column in ("工单号", "受理", "类型", "地区", "状态", "承办", "下一时限"):
                table.add_column(column, width=10)
            row = ("11-20 16:10", "投诉", "延吉市", "办理中", "权益部", "办结 剩5时")
            for n in range(100):
                table.add_row(f"YB{n:012d}", *row)

    app = Bare()
    async with app.run_test(size=(80, 24)):
        refreshed = asyncio.Event()
        app.screen.call_after_refresh(refreshed.set)
        await refreshed.wait()
        painted = time.time()
        return imported, painted, painted, time.process_time()


def child_run(folder: Path | None) -> tuple[float, float, float, float]:
    """(UI imported, first page painted, every order read, CPU seconds by the first page),
    counted from the moment the interpreter was asked for, as a clerk's Enter after ``hotline``;
    without ``folder``, the same for the bare screen."""
    import subprocess

    asked = time.time()
    what = ["--child", str(folder)] if folder else ["--bare"]
    run = subprocess.run([sys.executable, __file__, *what], capture_output=True, text=True, check=True)
    out = run.stdout.split()
    imported, painted, everything, cpu = map(float, out)
    return imported - asked, painted - asked, everything - asked, cpu


def main() -> None:
    import argparse
    import compileall
    import os
    import platform
    import statistics
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orders", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--bare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(*asyncio.run(first_screen(args.child)))
        return
    if args.bare:
        print(*asyncio.run(bare_screen()))
        return
    print(f"python {platform.python_version()} · {os.cpu_count()} cores · {platform.machine()}")
    for package in ("hotline_core", "hotline_tui", "benchmarks"):
        compileall.compile_dir(ROOT / package, quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "db"
        build(db, args.orders)
        size = (db / "working.json").stat().st_size
        print(f"database: {args.orders:,} open orders, working file {size / 1e6:.1f} MB")
        runs, bare = [], []
        for _ in range(args.runs):  # in turns, so both see the machine as it is
            runs.append(child_run(db))
            bare.append(child_run(None)[1])
        (db / "ranks.json").unlink()
        cold = child_run(db)
    for imported, painted, everything, cpu in runs:
        print(
            f"  run: UI imported {imported:.2f} s, first page painted {painted:.2f} s, "
            f"every order read {everything:.2f} s  (CPU by the first page {cpu:.2f} s)"
        )
    print(f"  without remembered ranks: first page painted {cold[1]:.2f} s (every order read first)")
    totals = [painted for _, painted, _, _ in runs]
    total = statistics.median(totals)
    verdict = "met" if total <= TARGET else "MISSED"
    print(
        f"median UI imported: {statistics.median(run[0] for run in runs):.2f} s; "
        f"median every order read: {statistics.median(run[2] for run in runs):.2f} s; "
        f"median CPU: {statistics.median(run[3] for run in runs):.2f} s; best run: {min(totals):.2f} s"
    )
    floor = statistics.median(bare)
    print(
        f"this machine's floor, Python, NumPy and Textual painting a bare 100-row table: {floor:.2f} s "
        f"median; hotline's start above it: {total - floor:.2f} s"
    )
    print(f"median time to the first usable screen: {total:.2f} s  (target ≤ {TARGET} s: {verdict})")


if __name__ == "__main__":
    main()
