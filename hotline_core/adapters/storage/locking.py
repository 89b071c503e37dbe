"""Advisory locks on a sidecar file, with a bounded and fair wait.

``flock`` (not ``fcntl`` record locks) because it belongs to the open file
description: two threads of one process that each open the lock file
exclude each other just like two processes do, and the lock goes away with
the descriptor if the process dies, so a killed clerk never leaves the
database locked.

``flock`` cannot time out, so waiting is polling, and a poller alone can
starve: a busy writer releases and retakes the lock between two polls. So
every caller first passes a turnstile (an exclusive ``flock`` on the
database folder itself) and holds it only until it has the real lock. A
waiter therefore blocks newcomers, and waits at most for the transactions
already inside, not for every one that comes after it.
"""

from __future__ import annotations

import fcntl
import os
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hotline_core.adapters.storage.errors import LockTimeout
from hotline_core.adapters.storage.files import FILE_MODE, cannot_write

_FIRST_PAUSE = 0.0002
_LONGEST_PAUSE = 0.005


class FileLock:
    """Shared (readers) and exclusive (writers) locks on one lock file."""

    def __init__(self, path: Path, timeout: float) -> None:
        self.path = path
        self.timeout = timeout

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._held(fcntl.LOCK_EX, "write"):
            yield

    @contextmanager
    def shared(self) -> Iterator[None]:
        with self._held(fcntl.LOCK_SH, "read"):
            yield

    @contextmanager
    def _held(self, operation: int, purpose: str) -> Iterator[None]:
        deadline = time.monotonic() + self.timeout
        turnstile = os.open(self.path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        try:
            self._acquire(turnstile, fcntl.LOCK_EX, purpose, deadline)
            fd = self._open()
            if fd is not None:
                try:
                    self._acquire(fd, operation, purpose, deadline)
                except BaseException:
                    os.close(fd)
                    raise
        finally:
            os.close(turnstile)
        try:
            yield
        finally:
            if fd is not None:
                os.close(fd)

    def _open(self) -> int | None:
        """Open the lock file, creating it with the shared mode if needed.

        None in a folder where no lock file exists and none can be made (a
        read-only copy): no process can write there, so there is nothing to
        wait for and reading needs no lock.
        """
        flags = os.O_RDONLY | os.O_CLOEXEC
        try:
            fd = os.open(self.path, flags | os.O_CREAT | os.O_EXCL, FILE_MODE)
        except FileExistsError:
            return os.open(self.path, flags)
        except OSError as error:
            if cannot_write(error) and not self.path.exists():
                return None
            raise
        os.fchmod(fd, FILE_MODE)
        return fd

    def _acquire(self, fd: int, operation: int, purpose: str, deadline: float) -> None:
        """Poll with a jittered back-off until ``deadline``."""
        pause = _FIRST_PAUSE
        while True:
            try:
                fcntl.flock(fd, operation | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                pass
            if time.monotonic() >= deadline:
                raise LockTimeout(self.path, self.timeout, purpose)
            time.sleep(pause * random.uniform(0.5, 1.0))
            pause = min(pause * 2, _LONGEST_PAUSE)
