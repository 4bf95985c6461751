"""A screenshot of each kind of page at phone and desktop width, for a reviewer to look at.

They go to `artifacts/screenshots/`, which git ignores and CI uploads as an artifact.
"""

from __future__ import annotations

import pytest
from conftest import ROOT

from browser.conftest import PAGE_KINDS, SCREENS, OpenedPages, Screen

SCREENSHOTS = ROOT / "artifacts" / "screenshots"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("screen", SCREENS, ids=lambda screen: screen.name)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_screenshot(kind: str, screen: Screen, opened_pages: OpenedPages) -> None:
    page = opened_pages.get(kind, screen).page
    # Other checks may have scrolled the shared tab or left focus on a link.
    page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{kind}-{screen.name}.png"
    page.screenshot(path=path, full_page=True, animations="disabled")
    assert path.read_bytes().startswith(PNG_SIGNATURE)
