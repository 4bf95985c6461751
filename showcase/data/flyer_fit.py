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


@cache
def _word_width(word: str, room: Room) -> float:
    return _width(word, room)


def lines_needed(text: str, room: Room) -> int:
    """How many lines `text` takes in the flyer's column at the room's font and size, broken as
    a browser breaks them: each line takes as many words as fit, and a word wider than the
    whole line is broken where it reaches the edge."""
    words = text.split()
    lines, current, start = 0, "", 0
    while start < len(words):
        count = _words_that_fit(current, words, start, room)
        if count:
            current = " ".join([current, *words[start : start + count]]).lstrip()
            start += count
            if start == len(words):
                break
        # The next word does not fit after `current`: it starts a line of its own.
        if current:
            lines += 1
        current = ""
        for letter in words[start]:
            if current and _width(current + letter, room) > COLUMN_PT:
                lines += 1
                current = ""
            current += letter
        start += 1
    return lines + (1 if current else 0)


def _words_that_fit(current: str, words: list[str], start: int, room: Room) -> int:
    """The most of `words[start:]` that fit on the line after `current` (which fits).

    Measuring the line after each word, as a browser lays it out, is exact but slow over
    thousands of records; so the count is first guessed from each word's own width (kept
    between records, since words repeat), then checked by measuring the line itself, and
    corrected one word at a time. A line only grows as words join it, so the count found is
    the one that measuring after every word would find."""

    def fits(count: int) -> bool:
        line = " ".join([current, *words[start : start + count]]).lstrip()
        return count == 0 or _width(line, room) <= COLUMN_PT

    space = _word_width(" ", room)
    guess, estimate = 0, _word_width(current, room) if current else -space
    for word in words[start:]:
        estimate += space + _word_width(word, room)
        if estimate > COLUMN_PT:
            break
        guess += 1
    while start + guess < len(words) and fits(guess + 1):
        guess += 1
    while not fits(guess):
        guess -= 1
    return guess


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
