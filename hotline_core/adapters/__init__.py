"""The edge of the core that touches files: the storage engine, the repository that maps
domain values to its tables (cattrs), and the files people import and export.

Only :mod:`hotline_core.services` (and tests) import this package; the UI and the command
line reach it through the use cases.
"""
