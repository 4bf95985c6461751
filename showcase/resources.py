"""Files the package reads at run time, shipped inside it: the fonts and the catalogues."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).parent
# DejaVu, drawn into link previews, measured for flyers and published for printing.
FONTS = PACKAGE / "fonts"
# The interface strings of each language but English (`i18n`).
LOCALE = PACKAGE / "locale"
