"""The flyer's line count (showcase/data/flyer_fit.py) against the rule it stands for, measured
the slow way: a browser fills each line with words while the line, measured whole, still fits
the column, and breaks a word wider than the column where it reaches the edge. The module
counts faster (it guesses from each word's width, then measures); it must count the same."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.data import flyer_fit
from showcase.data.flyer_fit import COLUMN_PT, SUMMARY, TITLE, Room, lines_needed


def lines_as_a_browser_fills_them(text: str, room: Room) -> list[str]:
    """Every line of `text`, filled one word (or, in a word too wide, one letter) at a time."""

    def width(line: str) -> float:
        return flyer_fit._width(line, room)

    lines = [""]
    for word in text.split():
        joined = f"{lines[-1]} {word}".lstrip()
        if width(joined) <= COLUMN_PT:
            lines[-1] = joined
            continue
        lines.append("")
        for letter in word:
            if lines[-1] and width(lines[-1] + letter) > COLUMN_PT:
                lines.append("")
            lines[-1] += letter
    return [line for line in lines if line]


# Letters as wide and as narrow as a name or a summary holds, Spanish ones among them.
LETTERS = "WMmwiIl1.,'ñáéóúÑAaBbOoSs -"
WORDS = st.one_of(
    st.text(alphabet=LETTERS.replace(" ", ""), min_size=1, max_size=12),
    st.sampled_from(["the", "school", "community", "Escuelas", "Comunitarias", "W" * 40]),
)
TEXTS = st.lists(WORDS, min_size=1, max_size=90).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(text=TEXTS, room=st.sampled_from([TITLE, SUMMARY]))
def test_the_count_is_that_of_lines_filled_word_by_word(text: str, room: Room) -> None:
    assert lines_needed(text, room) == len(lines_as_a_browser_fills_them(text, room))


def test_a_word_wider_than_the_column_takes_the_lines_its_letters_need() -> None:
    text = "A " + "W" * 60 + " b"
    assert lines_needed(text, TITLE) == len(lines_as_a_browser_fills_them(text, TITLE)) >= 3


def test_the_comparison_catches_a_count_one_word_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """The negative control: a count that takes one word too many on a full line differs from
    the browser's on a text with full lines."""
    text = " ".join(["community"] * 40)
    original = flyer_fit._words_that_fit

    def one_too_many(current: str, words: list[str], start: int, room: Room) -> int:
        count = original(current, words, start, room)
        return min(count + 1, len(words) - start)

    expected = len(lines_as_a_browser_fills_them(text, SUMMARY))
    assert lines_needed(text, SUMMARY) == expected
    monkeypatch.setattr(flyer_fit, "_words_that_fit", one_too_many)
    assert lines_needed(text, SUMMARY) != expected
