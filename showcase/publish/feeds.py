"""Atom feeds of stories, so readers and other sites can follow them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import BinaryIO
from xml.sax.saxutils import XMLGenerator
from xml.sax.xmlreader import AttributesImpl

from showcase.data.models import Story
from showcase.i18n import ENGLISH, N_, Language, Text

ATOM = "http://www.w3.org/2005/Atom"
_NONE: AttributesImpl[str] = AttributesImpl({})
SITE_NAME = N_("Community Schools Showcase")


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
    lang: Language = ENGLISH,
) -> None:
    """Write an Atom 1.0 document listing `stories` to `stream`, one entry at a time, in
    `lang` (a story not yet translated keeps its English, marked so); every link in it is
    absolute."""
    stories = list(stories)
    xml = XMLGenerator(stream, encoding="utf-8", short_empty_elements=True)
    xml.startDocument()
    xml.startElement("feed", AttributesImpl({"xmlns": ATOM, "xml:lang": lang.code}))
    _text(xml, "title", title)
    _text(xml, "id", feed_url)
    _empty(xml, "link", {"rel": "self", "href": feed_url})
    _empty(xml, "link", {"rel": "alternate", "href": page_url, "type": "text/html"})
    updated = max((story.date for story in stories), default="2000-01-01")
    _text(xml, "updated", _timestamp(updated))
    xml.startElement("author", _NONE)
    _text(xml, "name", lang._(SITE_NAME))
    xml.endElement("author")
    for story in stories:
        url = story_url(story.slug)
        xml.startElement("entry", _NONE)
        _text(xml, "title", lang.text(story.title, story.title_es))
        _text(xml, "id", url)
        _empty(xml, "link", {"rel": "alternate", "href": url})
        _text(xml, "updated", _timestamp(story.date))
        _text(xml, "summary", lang.text(story.summary, story.summary_es))
        xml.endElement("entry")
    xml.endElement("feed")
    xml.endDocument()


def _text(xml: XMLGenerator, tag: str, text: str | Text) -> None:
    """An element with `text`; a text in another language than the feed's says which."""
    lang = text.lang if isinstance(text, Text) else None
    xml.startElement(tag, AttributesImpl({"xml:lang": lang}) if lang else _NONE)
    xml.characters(str(text))
    xml.endElement(tag)


def _empty(xml: XMLGenerator, tag: str, attributes: dict[str, str]) -> None:
    xml.startElement(tag, AttributesImpl(attributes))
    xml.endElement(tag)
