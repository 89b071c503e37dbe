"""The pure domain: values, rules, deadlines, escalation, report aggregation, the knowledge base.

Every rule takes its inputs, the current time, the calendar and the policy included, as
arguments; nothing here reads a clock, a file or the environment. Imports go one way:
:mod:`hotline_core.services` and :mod:`hotline_core.adapters` import this package, never the
reverse (the import-linter contracts in ``pyproject.toml`` hold it).
"""
