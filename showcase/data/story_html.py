"""Story text (Markdown from strangers) → HTML that is safe to put on a page."""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser

import markdown
import nh3

_ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h2",
    "h3",
    "h4",
    "code",
    "pre",
    "hr",
}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
_ALLOWED_SCHEMES = {"http", "https", "mailto"}
# nh3 keeps relative and scheme-relative (`//host/…`) addresses; a story only links out.
ABSOLUTE_LINK = re.compile(r"^(https?://[^/\s]|mailto:\S)", re.IGNORECASE)


@cache
def _markdown() -> markdown.Markdown:
    # One converter, reset between texts: building one costs more than converting a story.
    return markdown.Markdown(extensions=["sane_lists"], output_format="html")


def story_html(body: str) -> str:
    """Render Markdown, then keep only an allowlist of tags, attributes and absolute links."""
    rendered = _markdown().reset().convert(body)
    cleaned = nh3.clean(
        rendered,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        attribute_filter=_absolute_links_only,
        url_schemes=_ALLOWED_SCHEMES,
        link_rel="nofollow noopener",
    )
    return _without_addressless_links(cleaned)


def story_links(body: str) -> list[str]:
    """The address of every link the Markdown `body` makes, before any is cleaned away."""
    collector = _Links()
    collector.feed(_markdown().reset().convert(body))
    collector.close()
    return collector.hrefs


def _absolute_links_only(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href" and not ABSOLUTE_LINK.match(value):
        return None
    return value


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


class _AddresslessLinks(HTMLParser):
    """Copies sanitised HTML without the tags of the `<a>` elements that lost their address
    (their text stays): nh3 leaves them with `rel`, which HTML forbids on an `<a>` without
    `href`. Links never nest, so the next `</a>` closes the one left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []
        self.left_out = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a" and not any(name == "href" for name, _ in attrs):
            self.left_out = True
        else:
            self.parts.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.left_out:
            self.left_out = False
        else:
            self.parts.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_entityref(self, name: str) -> None:
        self.parts.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.parts.append(f"&#{name};")


def _without_addressless_links(html: str) -> str:
    if "<a " not in html and "<a>" not in html:
        return html
    copier = _AddresslessLinks()
    copier.feed(html)
    copier.close()
    return "".join(copier.parts)
