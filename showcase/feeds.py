"""Atom feeds of stories, so readers and other sites can follow them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import BinaryIO
from xml.sax.saxutils import XMLGenerator
from xml.sax.xmlreader import AttributesImpl

from showcase.models import Story

ATOM = "http://www.w3.org/2005/Atom"
_NONE: AttributesImpl[str] = AttributesImpl({})


def _timestamp(date: str) -> str:
    # A story dated by month only is placed on the first day of that month.
    return f"{date if len(date) == 10 else date + '-01'}T00:00:00Z"


def write_atom_feed(
    stream: BinaryIO,
    *,
    title: str,
    feed_url: str,
    page_url: str,
    stories: Iterable[Story],
    story_url: Callable[[str], str],
) -> None:
    """Write an Atom 1.0 document listing `stories` to `stream`, one entry at a time; every
    link in it is absolute."""
    stories = list(stories)
    xml = XMLGenerator(stream, encoding="utf-8", short_empty_elements=True)
    xml.startDocument()
    xml.startElement("feed", AttributesImpl({"xmlns": ATOM}))
    _text(xml, "title", title)
    _text(xml, "id", feed_url)
    _empty(xml, "link", {"rel": "self", "href": feed_url})
    _empty(xml, "link", {"rel": "alternate", "href": page_url, "type": "text/html"})
    updated = max((story.date for story in stories), default="2000-01-01")
    _text(xml, "updated", _timestamp(updated))
    xml.startElement("author", _NONE)
    _text(xml, "name", "Community Schools Showcase")
    xml.endElement("author")
    for story in stories:
        url = story_url(story.slug)
        xml.startElement("entry", _NONE)
        _text(xml, "title", story.title)
        _text(xml, "id", url)
        _empty(xml, "link", {"rel": "alternate", "href": url})
        _text(xml, "updated", _timestamp(story.date))
        _text(xml, "summary", story.summary)
        xml.endElement("entry")
    xml.endElement("feed")
    xml.endDocument()


def _text(xml: XMLGenerator, tag: str, text: str) -> None:
    xml.startElement(tag, _NONE)
    xml.characters(text)
    xml.endElement(tag)


def _empty(xml: XMLGenerator, tag: str, attributes: dict[str, str]) -> None:
    xml.startElement(tag, AttributesImpl(attributes))
    xml.endElement(tag)
