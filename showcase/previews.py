"""Link-preview images (1200×630 PNG) drawn at build time with a font shipped in the package."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from showcase.i18n import N_

WIDTH, HEIGHT = 1200, 630
FONTS = Path(__file__).parent / "fonts"
MARGIN = 80
_BACKGROUND = (0, 121, 107)  # Material's teal, the site's primary colour
_MUTED = 215  # grey level of the small lines: a softer white on the teal
_PALETTE = [round(bg + (255 - bg) * level / 255) for level in range(256) for bg in _BACKGROUND]


@cache
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONTS / name), size)


def preview_png(title: str, kicker: str, footer: str) -> bytes:
    """A preview card: a small line above (kind of page), the title, the initiative below."""
    # Drawn in greyscale (0 = background, 255 = text) and coloured through a palette: this
    # keeps the text's antialiasing and makes a small PNG quickly.
    image = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, HEIGHT - 16, WIDTH, HEIGHT), fill=255)
    draw.text((MARGIN, 70), kicker.upper(), font=_font(True, 30), fill=_MUTED)
    size, lines = _fit(title)
    y = 140
    for line in lines:
        draw.text((MARGIN, y), line, font=_font(True, size), fill=255)
        y += int(size * 1.2)
    draw.text((MARGIN, HEIGHT - 110), footer, font=_font(False, 32), fill=_MUTED)
    coloured = Image.frombytes("P", image.size, image.tobytes())
    coloured.putpalette(_PALETTE)
    output = io.BytesIO()
    # Level 2 writes a PNG a fifth larger than the default 6 in less than half the time.
    coloured.save(output, "PNG", compress_level=2)
    return output.getvalue()


def _fit(title: str) -> tuple[int, list[str]]:
    """The largest font size at which the title fits in four lines."""
    for size in (68, 58, 50, 44):
        lines = _wrap(title, _font(True, size))
        if len(lines) <= 4:
            return size, lines
    return 44, [*_wrap(title, _font(True, 44))[:3], "…"]


def _wrap(text: str, font: ImageFont.FreeTypeFont) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= WIDTH - 2 * MARGIN:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


PREVIEW_FOOTER = N_("Community Schools Showcase · LAUSD Community Schools Initiative")
# The line above the site's name on the preview of pages that have none of their own.
PREVIEW_KICKER = N_("LAUSD community schools")
