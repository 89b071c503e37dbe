"""The known orders of the unit tests' reports, written to files here."""

from tests.unit.reports.conftest import orders

__all__ = ["orders"]
