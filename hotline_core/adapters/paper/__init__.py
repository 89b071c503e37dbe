"""Papers written to files: PDF with an embedded Chinese font (fpdf2), Word (python-docx).

The domain decides what a paper says (``hotline_core.domain.paper``); these modules decide
how it looks on A4. Both libraries are imported inside the writers, so the UI starts
without them.
"""

from hotline_core.adapters.paper.fonts import BUNDLED_FONT, FontProblem, check_font

__all__ = ["BUNDLED_FONT", "FontProblem", "check_font"]
