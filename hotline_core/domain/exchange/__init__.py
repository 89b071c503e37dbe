"""The exchange with the 12345 platform (issue 17), as pure rules.

What the center pushes arrives as tables (an export's sheet, a CSV, a JSON
list): :mod:`.mapping` says which heading is which field, :mod:`.rows` reads a
table into pushed orders or the problems of each bad row, :mod:`.pulling`
decides what each row means for the database (added, unchanged, corrected,
rejected; a child order, a likely repeat), :mod:`.center` reads the center's
messages (approvals, callbacks, redo, 结案, receipts) into lifecycle commands,
and :mod:`.outbox` derives from an order's events what the center must be told.
No module here reads a file or a clock.
"""
