"""The known orders of ``known.py``, built once per module: they never change."""

from __future__ import annotations

import pytest

from hotline_core.domain.order import WorkOrder
from tests.unit.reports.known import known_orders


@pytest.fixture(scope="module")
def orders() -> dict[str, WorkOrder]:
    return known_orders()
