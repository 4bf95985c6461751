"""The sanitiser behind story pages: what a stranger's Markdown may and may not become."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from showcase.data.story_html import story_html

PAYLOADS = [
    '<script>alert("x")</script>',
    '<img src="x" onerror="alert(1)">',
    '<iframe src="https://example.org/"></iframe>',
    '<a href="javascript:alert(1)">a</a>',
    "[a](javascript:alert(1))",
    "[a](&#106;avascript:alert(1))",
    "[a](&#x6A;avascript:alert(1))",
    '<a href="JaVaScRiPt:alert(1)">a</a>',
    '<p onclick="alert(1)">p</p>',
    '<svg onload="alert(1)"></svg>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">a</a>',
    "<style>body{display:none}</style>",
    '<form action="https://example.org/"><input name="q"></form>',
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_dangerous_markup_never_survives(payload: str) -> None:
    soup = BeautifulSoup(story_html(f"Before\n\n{payload}\n\nAfter"), "html.parser")
    for element in soup.find_all(True):
        assert element.name not in {"script", "iframe", "img", "svg", "style", "form", "input"}
        assert not [name for name in element.attrs if name.lower().startswith("on")]
        href = str(element.get("href", "")).replace(" ", "").lower()
        assert not href.startswith(("javascript:", "data:")), href
    assert "After" in soup.get_text()


def test_ordinary_markdown_keeps_its_meaning() -> None:
    html = story_html("Intro with **bold** and [a link](https://example.org/page).\n\n- one\n- two")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.strong is not None and soup.strong.get_text() == "bold"
    link = soup.find("a")
    assert link is not None and link["href"] == "https://example.org/page"
    assert "noopener" in str(link.get("rel"))
    assert [li.get_text() for li in soup.find_all("li")] == ["one", "two"]


@pytest.mark.parametrize(
    "markdown",
    [
        "[a](//evil.example/phish)",
        "[a](///evil.example/phish)",
        "[a](gallery.html)",
        "[a](/stories/other/)",
        "[a](#top)",
        "[a]\n\n[a]: //evil.example/phish",
        '<a href="//evil.example/phish">a</a>',
    ],
)
def test_a_link_leads_only_to_a_full_web_address(markdown: str) -> None:
    soup = BeautifulSoup(story_html(f"Before {markdown} after"), "html.parser")
    assert soup.find("a") is None, soup
    assert "a" in soup.get_text() and "after" in soup.get_text()


@pytest.mark.parametrize("payload", [*PAYLOADS, '<a title="no address">a</a>'])
def test_a_link_that_loses_its_address_loses_its_tag(payload: str) -> None:
    """nh3 keeps `rel` on an `<a>` whose `href` it removed; HTML allows `rel` only with `href`."""
    soup = BeautifulSoup(story_html(f"Before\n\n{payload}\n\nAfter"), "html.parser")
    for link in soup.find_all("a"):
        assert link.get("href"), link


def test_text_around_a_removed_link_keeps_its_escapes() -> None:
    html = story_html(
        '<a href="javascript:x">Tom &amp; Jerry &lt;3</a> &copy; [ok](https://example.org/)'
    )
    assert html == (
        '<p>Tom &amp; Jerry &lt;3 © <a href="https://example.org/" rel="nofollow noopener">'
        "ok</a></p>"
    )
