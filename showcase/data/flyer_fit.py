"""Whether a title or a summary fits its room on a printed flyer, measured in the flyer's font.

A printed school or story page is a one-page flyer (`docs/assets/showcase.css`, `@media print`):
the title has at most 4 lines of DejaVu Sans Bold at 24 pt and the summary at most 7 lines of
DejaVu Sans at 14 pt, in a column 186 mm wide. A count of characters cannot promise that ("W" is
three times as wide as "i"), so the data is measured here with the same font files the site
prints with, line by line as a browser breaks them (at spaces, and inside a word only where the
word alone is wider than the line). The column is taken as 180 mm, so that the browser's own
line breaking has room to differ a little.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PIL import ImageFont

from showcase.resources import FONTS

COLUMN_PT = 180 * 72 / 25.4
_MEASURE_SIZE = 1000  # Pillow measures in pixels of a font this size; scaled to points below


@dataclass(frozen=True)
class Room:
    font: str
    size_pt: float
    lines: int


TITLE = Room("DejaVuSans-Bold.ttf", 24, 4)
SUMMARY = Room("DejaVuSans.ttf", 14, 7)


@cache
def _font(name: str) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / name), _MEASURE_SIZE)


def _width(text: str, room: Room) -> float:
    return _font(room.font).getlength(text) * room.size_pt / _MEASURE_SIZE


def lines_needed(text: str, room: Room) -> int:
    """How many lines `text` takes in the flyer's column at the room's font and size."""
    lines, current = 0, ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if _width(candidate, room) <= COLUMN_PT:
            current = candidate
            continue
        if current:
            lines += 1
        # A word wider than the whole line is broken where it reaches the edge.
        current = ""
        for letter in word:
            if current and _width(current + letter, room) > COLUMN_PT:
                lines += 1
                current = ""
            current += letter
    return lines + (1 if current else 0)


def check_fits(text: str, room: Room, what: str) -> str:
    """`text` unchanged if it fits its room; otherwise a ValueError in the validator's form."""
    needed = lines_needed(text, room)
    if needed > room.lines:
        raise ValueError(
            f"is too long for a printed flyer: it takes {needed} lines where the flyer has room "
            f"for {room.lines}: shorten the {what} (wide letters such as W and M take more room)"
        )
    return text


def fits_title(text: str) -> str:
    return check_fits(text, TITLE, "title")


def fits_summary(text: str) -> str:
    return check_fits(text, SUMMARY, "summary")
