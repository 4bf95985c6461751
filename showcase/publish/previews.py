"""Link-preview images (1200×630 PNG) drawn at build time with a font shipped in the package."""

from __future__ import annotations

import io
import zlib
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from showcase.i18n import N_
from showcase.resources import FONTS

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
# Every line of text stays inside the margins on both sides.
LINE_WIDTH = WIDTH - 2 * MARGIN
_BACKGROUND = (0, 121, 107)  # Material's teal, the site's primary colour
# The card is drawn in 16 shades from the background (0) to white (15), through a palette:
# enough for smooth antialiased text, and a 4-bit PNG that encodes in half the time of 8 bits.
_SHADES = 16
_TEXT = _SHADES - 1
_MUTED = round(215 / 255 * _TEXT)  # the small lines: a softer white on the teal
_PALETTE = [
    round(bg + (255 - bg) * level / _TEXT) for level in range(_SHADES) for bg in _BACKGROUND
]


@cache
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONTS / name), size)


def preview_png(title: str, kicker: str, footer: str) -> bytes:
    """A preview card: a small line above (kind of page), the title, the initiative below."""
    image = _card(kicker, footer).copy()
    draw = _draw(image)
    size, lines = _fit(title)
    y = 140
    for line in lines:
        draw.text((MARGIN, y), line, font=_font(True, size), fill=_TEXT)
        y += int(size * 1.2)
    output = io.BytesIO()
    # Run-length matching suits a card of flat colour: faster than zlib's default, and smaller.
    image.save(output, "PNG", bits=4, compress_type=zlib.Z_RLE)
    return output.getvalue()


@cache
def _card(kicker: str, footer: str) -> Image.Image:
    """The card without its title: every page of a kind, in one language, shares it."""
    image = Image.new("P", (WIDTH, HEIGHT), 0)
    image.putpalette(_PALETTE)
    draw = _draw(image)
    draw.rectangle((0, HEIGHT - 16, WIDTH, HEIGHT), fill=_TEXT)
    kicker_font = _font(True, _size_to_fit(kicker.upper(), True, 30, 22))
    draw.text((MARGIN, 70), _shorten(kicker.upper(), kicker_font), font=kicker_font, fill=_MUTED)
    # The footer names the site and the initiative: longer in Spanish than the 32-point line
    # holds, so it takes the size that fits, down to 24, and then two lines.
    footer_size = _size_to_fit(footer, False, 32, 24)
    footer_lines = _wrap(footer, _font(False, footer_size))
    if len(footer_lines) > 1:
        footer_lines = [_shorten(line, _font(False, footer_size)) for line in footer_lines[:2]]
    y = HEIGHT - 110 - (len(footer_lines) - 1) * int(footer_size * 1.2)
    for line in footer_lines:
        draw.text((MARGIN, y), line, font=_font(False, footer_size), fill=_MUTED)
        y += int(footer_size * 1.2)
    return image


def _draw(image: Image.Image) -> ImageDraw.ImageDraw:
    """A pen that antialiases on the palette image: its shades run evenly from background to
    white, so blending two shades' numbers blends their colours."""
    draw = ImageDraw.Draw(image)
    draw.fontmode = "L"
    return draw


def _fit(title: str) -> tuple[int, list[str]]:
    """The largest font size at which the title fits in four lines, each within the margins."""
    for size in (68, 58, 50, 44):
        lines = _wrap(title, _font(True, size))
        if len(lines) <= 4:
            return size, [_shorten(line, _font(True, size)) for line in lines]
    font = _font(True, 44)
    return 44, [*(_shorten(line, font) for line in _wrap(title, font)[:3]), "…"]


def _size_to_fit(text: str, bold: bool, largest: int, smallest: int) -> int:
    """The largest size from `largest` down to `smallest` at which `text` fits on one line."""
    for size in range(largest, smallest - 1, -2):
        if _font(bold, size).getlength(text) <= LINE_WIDTH:
            return size
    return smallest


def _shorten(line: str, font: ImageFont.FreeTypeFont) -> str:
    """`line`, cut with an ellipsis where it is wider than the margins allow (one long word)."""
    if font.getlength(line) <= LINE_WIDTH:
        return line
    while line and font.getlength(line + "…") > LINE_WIDTH:
        line = line[:-1]
    return line.rstrip() + "…"


def _wrap(text: str, font: ImageFont.FreeTypeFont) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= LINE_WIDTH:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


PREVIEW_FOOTER = N_("Community Schools Showcase · LAUSD Community Schools Initiative")
# The line above the site's name on the preview of pages that have none of their own.
PREVIEW_KICKER = N_("LAUSD community schools")
