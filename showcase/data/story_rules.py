"""Safety rules for story text, which arrives from strangers and is about children."""

from __future__ import annotations

import re
from collections.abc import Iterator

from showcase.data.models import SPANISH_STORY_FIELDS, Story
from showcase.data.origin import Loc
from showcase.data.story_html import ABSOLUTE_LINK, story_links

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
    # The Spanish version and its credit follow the same rules as the English.
    for name in (*SPANISH_STORY_FIELDS, "contributed_by"):
        value = getattr(story, name)
        if value:
            texts.append(((name,), value))
    for loc, text in texts:
        for offset, line in enumerate(text.splitlines()):
            yield from ((loc, offset, what, fix) for what, fix in _line_problems(line))
    for name in ("body", "body_es"):
        markdown = getattr(story, name)
        if markdown and "]" in markdown:  # every Markdown link has one
            yield from (((name,), offset, what, fix) for offset, what, fix in _links(markdown))
    if not story.sources and not story.contributed_by:
        yield (
            ("sources",),
            0,
            "the story names neither its source nor who contributed it",
            "add `contributed_by:` with your role and school (e.g. `Community School "
            "Coordinator, Leland Street Elementary`), or `sources:` with the article it retells",
        )
    yield from _spanish_incomplete(story)


def _spanish_incomplete(story: Story) -> Iterator[tuple[Loc, int, str, str]]:
    given = [name for name in SPANISH_STORY_FIELDS if getattr(story, name) is not None]
    if not given:
        return
    for name in SPANISH_STORY_FIELDS:
        if name not in given:
            yield (
                (given[0],),
                0,
                f"the Spanish version has `{given[0]}` but no `{name}`",
                f"add `{name}:` (title_es, summary_es, body_es and translated_by go "
                "together), or remove the Spanish fields to show the English text",
            )


def _links(markdown: str) -> Iterator[tuple[int, str, str]]:
    """(line offset, what is wrong, how to fix it) for each link that does not lead to a full
    web address: a relative or scheme-relative (`//host/…`) link goes wherever the page is."""
    lines = markdown.splitlines()
    for href in story_links(markdown):
        if not ABSOLUTE_LINK.match(href):
            offset = next((n for n, line in enumerate(lines) if href in line), 0)
            yield (
                offset,
                f"a link must be a full web address, starting with `https://`: `{href}`",
                "write the whole address, e.g. `[the school's page](https://example.org/page)`",
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
