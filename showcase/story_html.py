"""Story text (Markdown from strangers) → HTML that is safe to put on a page."""

from __future__ import annotations

from functools import cache

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


@cache
def _markdown() -> markdown.Markdown:
    # One converter, reset between texts: building one costs more than converting a story.
    return markdown.Markdown(extensions=["sane_lists"], output_format="html")


def story_html(body: str) -> str:
    """Render Markdown, then keep only an allowlist of tags, attributes and link schemes."""
    rendered = _markdown().reset().convert(body)
    return nh3.clean(
        rendered,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_ALLOWED_SCHEMES,
        link_rel="nofollow noopener",
    )
