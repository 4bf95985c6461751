"""Atom feeds of stories, so readers and other sites can follow them."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from showcase.models import Story

ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM)


def _timestamp(date: str) -> str:
    # A story dated by month only is placed on the first day of that month.
    return f"{date if len(date) == 10 else date + '-01'}T00:00:00Z"


def atom_feed(
    *, title: str, feed_url: str, page_url: str, stories: Iterable[Story], story_url: dict[str, str]
) -> bytes:
    """An Atom 1.0 document listing `stories`; every link in it is absolute."""
    stories = list(stories)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "title", title)
    _text(feed, "id", feed_url)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=feed_url)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=page_url, type="text/html")
    updated = max((story.date for story in stories), default="2000-01-01")
    _text(feed, "updated", _timestamp(updated))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "Community Schools Showcase")
    for story in stories:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "title", story.title)
        _text(entry, "id", story_url[story.slug])
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=story_url[story.slug])
        _text(entry, "updated", _timestamp(story.date))
        _text(entry, "summary", story.summary)
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = text
