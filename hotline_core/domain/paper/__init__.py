"""Documents on paper (source 三(三), 四(五)): what an order sheet, an extension notice and a
study report say, as plain values. How they look (PDF, Word) is the adapters' business
(``hotline_core.adapters.paper``); nothing here reads a file or a clock.

- :mod:`.blocks` — the one shape every paper has: a title and blocks of fields, tables, text;
- :mod:`.sheet` — the order sheet (办理单) for the archive;
- :mod:`.notice` — the extension notice (延期告知书) for the citizen.
"""

from hotline_core.domain.paper.blocks import Block, Fields, Grid, Heading, Paper, Text, moment_text

__all__ = ["Block", "Fields", "Grid", "Heading", "Paper", "Text", "moment_text"]
