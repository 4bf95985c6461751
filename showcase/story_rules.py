"""Safety rules for story text, which arrives from strangers and is about children."""

from __future__ import annotations

import re
from collections.abc import Iterator

from showcase.models import Story
from showcase.origin import Loc

_RAW_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|<!--")
_AUTOLINK = re.compile(r"<https?://[^\s>]+>")
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\d)(\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}(?!\d)")
_ID_NUMBER = re.compile(r"(?<![\d,.$])\d{6,}(?![\d,])")


def story_text_problems(story: Story) -> Iterator[tuple[Loc, int, str, str]]:
    """(field, line offset within the field, what is wrong, how to fix it) for each break."""
    texts: list[tuple[Loc, str]] = [
        (("title",), story.title),
        (("summary",), story.summary),
        (("body",), story.body),
        *((("photos", i, "alt"), photo.alt) for i, photo in enumerate(story.photos)),
    ]
    if story.contributed_by:
        texts.append((("contributed_by",), story.contributed_by))
    for loc, text in texts:
        for offset, line in enumerate(text.splitlines()):
            yield from ((loc, offset, what, fix) for what, fix in _line_problems(line))
    if not story.sources and not story.contributed_by:
        yield (
            ("sources",),
            0,
            "the story names neither its source nor who contributed it",
            "add `contributed_by:` with your role and school (e.g. `Community School "
            "Coordinator, Leland Street Elementary`), or `sources:` with the article it retells",
        )


def _line_problems(line: str) -> Iterator[tuple[str, str]]:
    without_autolinks = _AUTOLINK.sub("", line)
    if _RAW_HTML.search(without_autolinks):
        yield (
            f"HTML is not allowed in a story: {_shown(_RAW_HTML, without_autolinks)}",
            "write plain text with Markdown (`**bold**`, `[a link](https://…)`) instead",
        )
    if _MARKDOWN_IMAGE.search(line):
        yield (
            f"pictures cannot be placed inside the text: {_shown(_MARKDOWN_IMAGE, line)}",
            "list the photo under `photos:` with its alt text and `consent: true` instead",
        )
    if _EMAIL.search(line):
        yield (
            f"this looks like an email address: {_shown(_EMAIL, line)}",
            "remove it; stories never carry contact details of students or families",
        )
    if _PHONE.search(line):
        yield (
            f"this looks like a phone number: {_shown(_PHONE, line)}",
            "remove it; stories never carry contact details of students or families",
        )
    elif _ID_NUMBER.search(line):
        yield (
            f"this long number looks like a student or ID number: {_shown(_ID_NUMBER, line)}",
            "remove it; if it is an amount, write it with commas (e.g. 150,000)",
        )


def _shown(pattern: re.Pattern[str], line: str) -> str:
    match = pattern.search(line)
    return f"`{match.group(0)}`" if match else ""
