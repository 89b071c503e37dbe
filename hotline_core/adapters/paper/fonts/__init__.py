"""The font printed papers embed, and the check an administrator's own font must pass.

The bundled font is WenQuanYi Micro Hei (文泉驿微米黑, Apache-2.0, see NOTICE here), the
first face of Debian's ``wqy-microhei.ttc`` saved as a TrueType file: it draws the whole
CJK Unified Ideographs block, every Hangul syllable (Yanbian's citizens' names and
addresses may be Korean), Latin letters, digits and the Chinese punctuation the papers
use. Droid Sans Fallback, which it extends, has no Latin letters, digits, curly quotes
or Hangul syllables, so it cannot print an order number or a Korean name alone. Only the
glyphs a document uses are embedded (fpdf2 subsets), so a one-page sheet stays ~30 KB.
"""

from __future__ import annotations

import io
from pathlib import Path

from hotline_core.adapters.named_files import ITSELF, NamedFiles

BUNDLED_FONT = Path(__file__).with_name("wqy-microhei.ttf")
# What a font must draw to print our papers: Chinese, Hangul, digits and Latin letters.
_MUST_DRAW = "延边州残疾人联合会工单办理单延期告知书김철수연변0123456789ABCXYZabcxyz（）：；、“”"


class FontProblem(ValueError):
    """A font file that cannot print the papers: a message code and what it quotes."""

    def __init__(self, code: str, **params: str) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params


def check_font(path: Path, files: NamedFiles = ITSELF) -> Path:
    """``path`` if it is a TrueType/OpenType font that draws what the papers print, read as
    ``files`` allows (the administrator naming it must be able to read it)."""
    from fontTools.ttLib import TTFont, TTLibError  # fpdf2 depends on fontTools

    data = files.read(path, "font")
    try:
        font = TTFont(io.BytesIO(data), lazy=True, fontNumber=0)
        cmap = font.getBestCmap() or {}
    except (OSError, TTLibError, AssertionError) as error:
        raise FontProblem("not_a_font", path=str(path), reason=str(error)) from None
    missing = "".join(sorted({ch for ch in _MUST_DRAW if ord(ch) not in cmap}))
    if missing:
        raise FontProblem("font_lacks", path=str(path), chars=missing)
    return path
