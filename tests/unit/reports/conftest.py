"""The known orders of ``known.py``, built once per test run: they never change.

Orders are frozen values; the mapping is read-only so no test can change what the next one sees.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import pytest

from hotline_core.domain.order import WorkOrder
from tests.unit.reports.known import known_orders


@pytest.fixture(scope="session")
def orders() -> Mapping[str, WorkOrder]:
    return MappingProxyType(known_orders())
