"""The sanitiser behind story pages: what a stranger's Markdown may and may not become."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from showcase.story_html import story_html

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
