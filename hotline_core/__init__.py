"""Work orders of the 12345 hotline for the Yanbian Disabled Persons' Federation.

The pure domain: work orders and their lifecycle, deadlines on the Chinese
working calendar, escalation rules and report aggregation. Rules take every
input, the current time included, as arguments and do no I/O; storage
(``hotline_core.adapters.storage``) and the user interfaces (``hotline_tui``) sit at
the edge and call in.
"""
