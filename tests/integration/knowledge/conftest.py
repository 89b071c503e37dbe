"""The starter base of the unit tests' knowledge base, written to files here."""

from tests.unit.knowledge.conftest import index, starter

__all__ = ["index", "starter"]
