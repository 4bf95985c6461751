"""The text twin for `benchmarks.bench`: each page of the structured twin as plain paragraphs.

The independent benchmark that issue #19 cites builds "the same words as our pages, written
as plain Markdown paragraphs". `as_paragraphs` rewrites a page that `benchmarks.bench_plain`
writes into that form: the page title stays its one heading; every other heading, list item,
table row and admonition becomes a paragraph of its words; links, emphasis, attribute lists
and line breaks are taken out, keeping their text. Front matter and photos stay as they are.
It reads only the Markdown that `bench_plain` writes (and the synthetic story bodies), not
Markdown at large: `tests/test_bench.py` checks on the rendered pages that no word is lost.
"""

from __future__ import annotations

import re

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_HEADING = re.compile(r"#{1,6}\s+(.*)")
_TABLE_RULE = re.compile(r"\|[\s:|-]+")
_ITEM = re.compile(r"(?:[-*+]|\d+\.)\s+(.*)")
_ADMONITION = re.compile(r"!!!\s+(\w+)")
_PHOTO = re.compile(r"!\[[^\]]*\]\([^)]*\)")
# What inline syntax leaves of itself, in this order: a link's text, no attribute list, a
# line break as a space, emphasis's text.
_INLINE = (
    (re.compile(r"(?<!!)\[([^\]]*)\]\([^)\s]*\)"), r"\1"),
    (re.compile(r"\{\s*[.#][^}]*\}"), ""),
    (re.compile(r"<br\s*/?>"), " "),
    (re.compile(r"\*\*(.+?)\*\*"), r"\1"),
    (re.compile(r"\*(.+?)\*"), r"\1"),
)


def as_paragraphs(markdown: str) -> str:
    """`markdown` written as plain paragraphs: the same words, its first `# ` title the only
    heading, no lists, tables or links."""
    front = _FRONT_MATTER.match(markdown)
    head = front.group(0) + "\n" if front else ""
    paragraphs: list[str] = []
    lines: list[str] = []
    titled = False

    def end_paragraph() -> None:
        if lines:
            paragraphs.append(" ".join(lines))
            lines.clear()

    for line in markdown[front.end() if front else 0 :].splitlines():
        text = line.strip()
        item = _ITEM.fullmatch(text)
        if not text or item or _starts_a_block(text):
            end_paragraph()
        if not text or _TABLE_RULE.fullmatch(text):
            continue
        if heading := _HEADING.fullmatch(text):
            title = not titled and text.startswith("# ")
            titled = titled or title
            paragraphs.append(("# " if title else "") + _inline(heading.group(1)))
        elif admonition := _ADMONITION.fullmatch(text):
            # Material titles an admonition that has no title of its own with its kind.
            paragraphs.append(admonition.group(1).capitalize())
        elif _PHOTO.fullmatch(text):
            paragraphs.append(text)
        elif text.startswith("|"):
            paragraphs.append(" ".join(_inline(cell) for cell in text.strip("|").split("|")))
        else:
            lines.append(_inline(item.group(1) if item else text))
    end_paragraph()
    return head + "\n\n".join(" ".join(p.split()) for p in paragraphs) + "\n"


def _starts_a_block(text: str) -> bool:
    """Whether `text` is a line of its own: a heading, admonition, photo or table row."""
    blocks = (_HEADING, _ADMONITION, _PHOTO)
    return text.startswith("|") or any(block.fullmatch(text) for block in blocks)


def _inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text.strip()
